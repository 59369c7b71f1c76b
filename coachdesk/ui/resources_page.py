"""The resource directory: search by text, category and pathway; add a local resource.
GUI thread only; every query goes through the database worker."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.ui import suggest
from coachdesk.ui.common import enum_of, enum_req, fill_combo, label, named, title_label
from coachdesk.ui.fit import keep_words_whole


class AddResourceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.setWindowTitle(self.tr("Add a local resource"))
        self.setMinimumWidth(480)  # room to type a street address or a name whole
        form = QFormLayout(self)
        self.name = named(QLineEdit(), self.tr("Resource name"))
        self.category = named(QComboBox(), self.tr("Category"))
        fill_combo(self.category, ResourceCategory)
        self.pathway = named(QComboBox(), self.tr("Pathway"))
        fill_combo(self.pathway, Pathway, self.tr("Any pathway"))
        self.address = named(QLineEdit(), self.tr("Address"))
        self.phone = named(QLineEdit(), self.tr("Phone"))
        self.hours = named(QLineEdit(), self.tr("Opening hours"))
        for text, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Category:"), self.category),
            (self.tr("&Pathway:"), self.pathway),
            (self.tr("&Address:"), self.address),
            (self.tr("P&hone:"), self.phone),
            (self.tr("H&ours:"), self.hours),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        if not self.name.text().strip():
            self.error.setText(self.tr("The resource needs a name."))
            self.name.setFocus()
            return
        self.accept()

    def resource(self) -> Resource:
        pathway = enum_of(self.pathway, Pathway)
        return Resource(
            self.name.text().strip(),
            enum_req(self.category, ResourceCategory),
            [pathway] if pathway else [],
            self.address.text().strip(),
            self.phone.text().strip(),
            self.hours.text().strip(),
            local=True,
        )


class ResourcesPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        top = QHBoxLayout()
        top.addWidget(title_label(self.tr("Resources")))
        top.addStretch(1)
        self.add_button = named(
            QPushButton(self.tr("Add &local resource…")), self.tr("Add local resource")
        )
        self.add_button.clicked.connect(self.add_resource)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        self.search = named(QLineEdit(), self.tr("Search resources"))
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.category = named(QComboBox(), self.tr("Category filter"))
        fill_combo(self.category, ResourceCategory, self.tr("Any category"))
        self.pathway = named(QComboBox(), self.tr("Pathway filter"))
        fill_combo(self.pathway, Pathway, self.tr("Any pathway"))
        for text, widget in (
            (self.tr("Sea&rch:"), self.search),
            (self.tr("Categ&ory:"), self.category),
            (self.tr("Path&way:"), self.pathway),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            filters.addWidget(lab)
            filters.addWidget(widget, 2 if widget is self.search else 0)
        layout.addLayout(filters)
        self.table = named(QTableWidget(0, 6), self.tr("Resource directory"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Pathways"),
                self.tr("Phone"),
                self.tr("Hours"),
                self.tr("Source"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # The name gives way; a phone number, the hours and the source are always read whole.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 220)
        for column in (3, 4, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        suggest.add_buttons(self, db, top, self.table)  # issue 20: Suggest…, My suggestions…
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.category.currentIndexChanged.connect(lambda _i: self.refresh())
        self.pathway.currentIndexChanged.connect(lambda _i: self.refresh())
        self._serial = 0

    def refresh(self) -> None:
        if not self.db.is_open:
            return
        self._serial += 1
        serial = self._serial
        text, cat, path = (
            self.search.text(),
            enum_of(self.category, ResourceCategory),
            enum_of(self.pathway, Pathway),
        )
        self.db.call(lambda c: c.resources(text, cat, path), lambda rs: self._show(serial, rs))

    def _show(self, serial: int, resources: list[Resource]) -> None:
        if serial != self._serial:
            return
        self.table.setRowCount(0)
        for r in resources:
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = [
                r.name,
                label(r.category),
                ", ".join(label(p) for p in r.pathways),
                r.phone,
                r.hours,
                self.tr("Local") if r.local else self.tr("RCO directory"),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def add_resource(self) -> None:
        dialog = AddResourceDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._add(dialog.resource()))
        self.add_dialog = dialog
        dialog.open()

    def _add(self, resource: Resource) -> None:
        self.db.call(lambda c: c.add_resource(resource), lambda _id: self.refresh())

    def clear(self) -> None:
        self._serial += 1
        self.table.setRowCount(0)
