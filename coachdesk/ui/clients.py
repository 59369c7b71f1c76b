"""The client list: a lazy table model over Caseload.list_clients (filter and sort in SQL).

The model asks the database worker for the count and the first page; more pages come as the
view scrolls (canFetchMore/fetchMore). Each query carries a serial number so an answer to an
older query (the coach kept typing) is dropped. Threading: GUI thread only.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import ClientKind, ClientStatus, Setting
from coachdesk.storage.repos import ClientRow
from coachdesk.ui.common import enum_of, fill_combo, fmt_date, label, named, plural, title_label

PAGE = 200
SEARCH_DEBOUNCE_MS = 120
Index = QModelIndex | QPersistentModelIndex


class ClientTableModel(QAbstractTableModel):
    updated = Signal()  # a new query's first page is shown

    SORT_KEYS = ("name", None, "status", "setting", "intake", None, None)

    def __init__(self, db: Database, parent: Any = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[ClientRow] = []
        self.total = 0
        self.search = ""
        self.status: ClientStatus | None = None
        self.setting: Setting | None = None
        self.kind: ClientKind | None = None
        self.sort_key = "name"
        self._serial = 0
        self._fetching = False

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Preferred name"),
            self.tr("Status"),
            self.tr("Setting"),
            self.tr("Intake"),
            self.tr("BARC-10"),
            self.tr("Kind"),
        ]

    # -- queries ---------------------------------------------------------------------------

    def set_query(
        self,
        search: str | None = None,
        status: ClientStatus | bool | None = False,
        setting: Setting | bool | None = False,
        kind: ClientKind | bool | None = False,
    ) -> None:
        """Change any of the filters (False: leave as is) and reload."""
        if kind is not False:
            self.kind = kind  # type: ignore[assignment]
        if search is not None:
            self.search = search
        if status is not False:
            self.status = status  # type: ignore[assignment]
        if setting is not False:
            self.setting = setting  # type: ignore[assignment]
        self.refresh()

    def refresh(self) -> None:
        self._serial += 1
        serial = self._serial
        search, status, setting, sort = self.search, self.status, self.setting, self.sort_key
        kind = self.kind

        def job(c: Caseload) -> tuple[int, list[ClientRow]]:
            return (
                c.count_clients(search, status, setting, kind),
                c.list_clients(search, status, setting, sort, PAGE, 0, kind),
            )

        self._fetching = True
        self.db.call(job, lambda result: self._loaded(serial, result))

    def _loaded(self, serial: int, result: tuple[int, list[ClientRow]]) -> None:
        if serial != self._serial:
            return
        self._fetching = False
        self.beginResetModel()
        self.total, self.rows = result
        self.endResetModel()
        self.updated.emit()

    def clear(self) -> None:
        """Forget every row (on lock)."""
        self._serial += 1
        self._fetching = False
        self.beginResetModel()
        self.rows, self.total = [], 0
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        serial = self._serial
        offset = len(self.rows)
        search, status, setting, sort = self.search, self.status, self.setting, self.sort_key
        kind = self.kind
        self._fetching = True
        self.db.call(
            lambda c: c.list_clients(search, status, setting, sort, PAGE, offset, kind),
            lambda rows: self._more(serial, offset, rows),
        )

    def _more(self, serial: int, offset: int, rows: list[ClientRow]) -> None:
        if serial != self._serial or offset != len(self.rows):
            return
        self._fetching = False
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key and key != self.sort_key:
            self.sort_key = key
            self.refresh()

    # -- model API -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return row.name
            if column == 1:
                return row.preferred_name
            if column == 2:
                return label(row.status)
            if column == 3:
                return label(row.setting)
            if column == 4:
                return fmt_date(row.intake_date)
            if column == 5:
                return "" if row.latest_barc10 is None else str(row.latest_barc10)
            if column == 6:
                return label(row.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def client_id(self, row: int) -> int | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        """Headers, statuses, settings and dates in the current language (same rows)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self.rows:
            last = self.index(len(self.rows) - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)


class ClientsPage(QWidget):
    open_client = Signal(int)
    add_client = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ClientTableModel(db, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        top = QHBoxLayout()
        self.heading = title_label("")
        top.addWidget(self.heading)
        top.addStretch(1)
        self.add_button = QPushButton()
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_client)
        top.addWidget(self.add_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.status = QComboBox()
        self.status_label = QLabel()
        self.status_label.setBuddy(self.status)
        self.setting = QComboBox()
        self.setting_label = QLabel()
        self.setting_label.setBuddy(self.setting)
        self.kind = QComboBox()
        self.kind_label = QLabel()
        self.kind_label.setBuddy(self.kind)
        for widget in (
            self.search_label,
            self.search,
            self.status_label,
            self.status,
            self.setting_label,
            self.setting,
            self.kind_label,
            self.kind,
        ):
            filters.addWidget(widget, 3 if widget is self.search else 0)
        layout.addLayout(filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        # Fixed widths: ResizeToContents would measure every row on each keystroke's reset.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 150), (2, 120), (3, 200), (4, 100), (5, 80), (6, 150)):
            self.table.setColumnWidth(column, width)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)
        self.count = QLabel("")
        self.count.setObjectName("hint")
        layout.addWidget(self.count)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda: self.model.set_query(search=self.search.text()))
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.status.currentIndexChanged.connect(
            lambda _i: self.model.set_query(status=enum_of(self.status, ClientStatus))
        )
        self.setting.currentIndexChanged.connect(
            lambda _i: self.model.set_query(setting=enum_of(self.setting, Setting))
        )
        self.kind.currentIndexChanged.connect(
            lambda _i: self.model.set_query(kind=enum_of(self.kind, ClientKind))
        )
        self.model.updated.connect(self._update_count)
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.setting)
        self.setTabOrder(self.setting, self.kind)
        self.setTabOrder(self.kind, self.table)
        self.setTabOrder(self.table, self.add_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Every word of the page in the current language, in place: the search text, the
        filters chosen, the rows and the selection stay."""
        self.heading.setText(self.tr("Clients"))
        self.add_button.setText(self.tr("&Add client…"))
        named(self.add_button, self.tr("Add client"))
        named(self.search, self.tr("Search clients"), self.tr("Search by name or preferred name"))
        self.search.setPlaceholderText(self.tr("Search by name or preferred name (Ctrl+F)"))
        self.search_label.setText(self.tr("Sea&rch:"))
        self.status_label.setText(self.tr("S&tatus:"))
        self.setting_label.setText(self.tr("Sett&ing:"))
        named(self.status, self.tr("Status filter"))
        named(self.setting, self.tr("Setting filter"))
        self.kind_label.setText(self.tr("&Kind:"))
        named(self.kind, self.tr("Kind of client filter"))
        for combo, values, any_text in (
            (self.status, ClientStatus, self.tr("Any status")),
            (self.setting, Setting, self.tr("Any setting")),
            (self.kind, ClientKind, self.tr("Any kind")),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            fill_combo(combo, values, any_text)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
            combo.blockSignals(False)
        named(self.table, self.tr("Client list"))
        self.model.retranslate()
        if self.model.rows or self.model.total:
            self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_count(self) -> None:
        self.count.setText(
            plural(
                self.tr("{shown} of {n, plural, one {# client} other {# clients}} shown"),
                self.model.total,
                shown=len(self.model.rows),
            )
        )
        if self.model.rows and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _enter_in_search(self) -> None:
        """Enter in the search box: search now, then open the only/first match."""
        if self._debounce.isActive() or self.model.search != self.search.text():
            self._debounce.stop()
            self.model.set_query(search=self.search.text())
            return
        if self.model.rows:
            self.open_client.emit(self.model.rows[0].id)

    def _activated(self, index: QModelIndex) -> None:
        client_id = self.model.client_id(index.row())
        if client_id is not None:
            self.open_client.emit(client_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear(self) -> None:
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.search = ""
        self.model.clear()
        self.count.clear()


def intake_default() -> date:
    return date.today()
