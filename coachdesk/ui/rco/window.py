"""The supervisor's window: unlock or first run, dashboard, import, devices, directory.

All store work runs on the StoreWorker thread; widgets only show results.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QStatusBar,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app import settings as opts
from coachdesk.app import translations
from coachdesk.app.idle import Clock, IdleLock
from coachdesk.app.settings import Settings
from coachdesk.application import rco_desk, rco_fetch
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.enrollment import PrivacyPolicy
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import message_in
from coachdesk.i18n.format import Percent
from coachdesk.rco import metrics, ops
from coachdesk.rco import report as _report
from coachdesk.rco.desk import RcoDesk, store_wording
from coachdesk.rco.importer import ImportSummary
from coachdesk.rco.metrics import TIMEPOINTS, Figures, Filters
from coachdesk.rco.model import Device, DeviceStatus
from coachdesk.rco.report import (
    COMPLETENESS_SECTION,
    DEMOGRAPHICS_SECTION,
    NO_RECORDS,
    SUPPRESSED,
    Row,
)
from coachdesk.ui.common import plural
from coachdesk.ui.forms import labels
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.rco.dialogs import (
    AcknowledgeFlagDialog,
    ConfirmDeviceDialog,
    ExportReportDialog,
    RestoreDialog,
)
from coachdesk.ui.rco.plots import BarChart, ChartData
from coachdesk.ui.rco.store_page import StorePage
from coachdesk.ui.rco.suggestions_page import SuggestionsPage
from coachdesk.ui.rco.support_tab import SupportTab
from coachdesk.ui.rco.words import Translated, outcome_label, word
from coachdesk.ui.rco.words import row as translated_row
from coachdesk.ui.rco.worker import Holder, Progress, StoreWorker
from coachdesk.ui.settings_dialog import SettingsDialog
from coachdesk.ui.vault_dialogs import (
    ChangePassphraseDialog,
    RecoveryUnlockDialog,
    thread_runner,
)

HISTORY_ROWS = 500  # the import history shows the latest files

TIMEPOINT_SHORT = Translated(
    {"baseline": "Baseline", "followup_180": "180 days", "annual": "Annual", "closeout": "Closeout"}
)
# The report's label tables and rows as the dashboard shows them: in the window's language.
CATEGORY_LABELS = Translated(_report.CATEGORY_LABELS)
SETTING_LABELS = Translated(_report.SETTING_LABELS)
DOMAINS = Translated(metrics.DOMAINS)


def report_rows(fig: Figures) -> list[Row]:
    return [translated_row(r) for r in _report.rows(fig)]


def _fmt(value: int | float | None, percent: bool = False) -> str:
    if value is None:
        return word(SUPPRESSED)
    if percent:
        return Percent(value).text(window_language())
    return f"{value:,}"


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _stretch(table: QTableWidget, column: int) -> QTableWidget:
    """The long-text column takes the room left and elides (full text in its tooltip), so
    the table never scrolls sideways and every other column stays in sight."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    for c in range(table.columnCount()):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if c == column
            else QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(c, mode)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)


def _store_words(
    job: Callable[[], Any],
    done: Callable[[Any], None],
    failed: Callable[[Any], None],
    recovery_code: bool = False,
) -> None:
    """The vault dialogs' runner (off the GUI thread), refusing in a supervisor's words."""

    def worded() -> Any:
        with store_wording(recovery_code):
            return job()

    thread_runner(worded, done, failed)


@dataclass(slots=True)
class DashboardState:
    figures: Figures
    periods: list[str]
    devices: dict[str, str]
    settings: list[str]


# -- start page: unlock or create ---------------------------------------------------------------


class StartPage(QWidget):
    unlock_requested = Signal(str, str)
    create_requested = Signal(str, str, str, int, int)

    def __init__(self, store: Path | None) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addStretch(1)
        self.settings_button = QPushButton(self.tr("Sett&ings…"))
        self.settings_button.setToolTip(self.tr("Language and idle time"))
        top.addWidget(self.settings_button)
        outer.addLayout(top)
        outer.addStretch(1)
        title = QLabel(self.tr("CoachDesk — RCO supervisor's desk"))
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        outer.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        outer.addLayout(row)

        unlock = QGroupBox(self.tr("Open your RCO store"))
        form = QFormLayout(unlock)
        self.path = QLineEdit(str(store) if store else "")
        browse = QPushButton(self.tr("C&hoose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        folder_label = QLabel(self.tr("Store &folder"))
        folder_label.setBuddy(self.path)
        form.addRow(folder_label, path_row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._unlock)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        form.addRow(self.unlock_button)
        self.recovery_button = QPushButton(
            self.tr("Forgot the passphrase? Use the &recovery code…")
        )
        form.addRow(self.recovery_button)
        row.addWidget(unlock)

        create = QGroupBox(self.tr("First time: create the RCO store"))
        cform = QFormLayout(create)
        self.new_path = QLineEdit()
        cform.addRow(self.tr("&New folder"), self.new_path)
        self.rco_name = QLineEdit()
        cform.addRow(self.tr("RCO na&me"), self.rco_name)
        self.k = QSpinBox()
        self.k.setRange(2, 1000)
        self.k.setValue(11)
        cform.addRow(self.tr("&k-anonymity of exports"), self.k)
        self.small_cell = QSpinBox()
        self.small_cell.setRange(2, 1000)
        self.small_cell.setValue(11)
        cform.addRow(self.tr("Suppress counts &below"), self.small_cell)
        self.new_pass = QLineEdit()
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass2 = QLineEdit()
        self.new_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        cform.addRow(self.tr("New pa&ssphrase"), self.new_pass)
        cform.addRow(self.tr("New passphrase a&gain"), self.new_pass2)
        self.create_button = QPushButton(self.tr("Create s&tore"))
        self.create_button.clicked.connect(self._create)
        cform.addRow(self.create_button)
        row.addWidget(create)

        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1020;")
        self._tried = "unlock"  # what the last failure was about
        outer.addWidget(self.message)
        outer.addStretch(2)

    def focus_first(self) -> None:
        """The keyboard starts where the supervisor types first: the passphrase of a store
        already named, else its folder."""
        (self.passphrase if self.path.text().strip() else self.path).setFocus()

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("RCO store folder"))
        if folder:
            self.path.setText(folder)

    def folder_missing(self) -> bool:
        """No store folder named: say so (True) before anything is asked of the store."""
        if self.path.text().strip():
            return False
        self.message.setText(self.tr("Choose the store folder first."))
        self.path.setFocus()
        return True

    def _unlock(self) -> None:
        if self.folder_missing():
            return
        if not self.passphrase.text():
            # Refused here: an empty try never reaches the store, so it counts as no attempt.
            self.message.setText(self.tr("Type the store's passphrase."))
            self.passphrase.setFocus()
            return
        self._tried = "unlock"
        self.passphrase.setFocus()  # not the "New folder" field once the button is disabled
        self.set_busy(True)
        self.unlock_requested.emit(self.path.text().strip(), self.passphrase.text())

    def _create(self) -> None:
        if self.new_pass.text() != self.new_pass2.text():
            self.message.setText(self.tr("The two passphrases do not match."))
            return
        if not self.new_path.text().strip():
            self.message.setText(self.tr("Name a new folder for the store."))
            return
        self._tried = "create"
        self.new_path.setFocus()
        self.set_busy(True)
        self.create_requested.emit(
            self.new_path.text().strip(),
            self.new_pass.text(),
            self.rco_name.text(),
            self.k.value(),
            self.small_cell.value(),
        )

    def show_failure(self, message: str) -> None:
        """An unlock or create failed: say why and give the field back to retype, its text
        selected (a wrong passphrase is overwritten by typing, never by a jump elsewhere)."""
        self.unlock_button.setEnabled(True)
        self.create_button.setEnabled(True)
        self.message.setText(message)
        field = self.passphrase if self._tried == "unlock" else self.new_pass
        field.selectAll()
        field.setFocus()

    def set_busy(self, busy: bool, message: str = "") -> None:
        self.unlock_button.setEnabled(not busy)
        self.create_button.setEnabled(not busy)
        self.message.setText(message or (self.tr("Working…") if busy else ""))
        if not busy:
            self.passphrase.clear()
            self.new_pass.clear()
            self.new_pass2.clear()


# -- dashboard ---------------------------------------------------------------------------------


class Tile(QFrame):
    def __init__(self, label: str) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Tile { background: #f3f6fa; border-radius: 6px; }")
        box = QVBoxLayout(self)
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 20pt; font-weight: 600; color: #0b2545;")
        self.label = QLabel(label)
        box.addWidget(self.value)
        box.addWidget(self.label)


class DashboardPage(QWidget):
    filters_changed = Signal(object)
    export_requested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        outer.addLayout(bar)
        self.period = QComboBox()
        self.device = QComboBox()
        self.setting = QComboBox()
        for label, combo in (
            (self.tr("&Period"), self.period),
            (self.tr("C&oach"), self.device),
            (self.tr("Se&tting"), self.setting),
        ):
            bar.addWidget(buddy := QLabel(label))
            buddy.setBuddy(combo)
            combo.setMinimumWidth(150)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(19)
            combo.currentIndexChanged.connect(self._changed)
            bar.addWidget(combo)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("E&xport funder report…"))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.filters()))
        bar.addWidget(self.export_button)

        tiles = QHBoxLayout()
        outer.addLayout(tiles)
        self.tiles = {
            "people": Tile(self.tr("people served")),
            "sessions": Tile(self.tr("sessions")),
            "attempts": Tile(self.tr("contact attempts")),
            "linkage": Tile(self.tr("referrals linked")),
            "barc": Tile(self.tr("mean BARC-10 change")),
        }
        for tile in self.tiles.values():
            tiles.addWidget(tile)

        grid = QGridLayout()
        outer.addLayout(grid, 1)
        self.followup = BarChart()
        self.referrals = BarChart()
        self.barc = BarChart()
        self.domains = BarChart()
        grid.addWidget(self.followup, 0, 0)
        grid.addWidget(self.referrals, 0, 1)
        grid.addWidget(self.barc, 1, 0)
        grid.addWidget(self.domains, 1, 1)
        # Tables beside the charts: the same rows as the funder report (rco/report.py).
        self.tables = QTabWidget()
        self.demographics = _table([self.tr("Group"), self.tr("People"), self.tr("Share")])
        self.coach_followup = _table(
            [self.tr("Coach and timepoint"), self.tr("Measure"), self.tr("Value")]
        )
        self.completeness = _table(
            [self.tr("Coach device"), self.tr("Last sent"), self.tr("This period")]
        )
        self.tables.addTab(self.demographics, self.tr("Demographics"))
        self.tables.addTab(self.coach_followup, self.tr("By coach"))
        self.tables.addTab(self.completeness, self.tr("Completeness"))
        self.support = SupportTab.add_to(self.tables)
        for table in (self.demographics, self.coach_followup, self.completeness):
            # the long group names give way (elided; full text in the tooltip), numbers never
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            for column in (1, 2):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
            table.setWordWrap(False)
        self.tables.setMinimumWidth(360)
        grid.addWidget(self.tables, 0, 2, 2, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        self.note = QLabel("")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #3a4654;")
        outer.addWidget(self.note)
        self._updating = False
        self._kept: Filters | None = None

    def filters(self) -> Filters:
        return Filters(
            self.period.currentData() or "",
            self.device.currentData() or "",
            self.setting.currentData() or "",
        )

    def _changed(self) -> None:
        if not self._updating:
            self.filters_changed.emit(self.filters())

    def keep(self, filters: Filters) -> None:
        """The selection the next figures shown were computed for (a page made again)."""
        self._kept = filters

    def _set_choices(
        self, combo: QComboBox, choices: list[tuple[str, str]], wanted: str | None = None
    ) -> None:
        current = combo.currentData() if wanted is None else wanted
        combo.clear()
        for label, value in choices:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    def show_state(self, state: DashboardState) -> None:
        kept, self._kept = self._kept, None
        self._updating = True
        try:
            self._set_choices(
                self.period,
                [(self.tr("All periods"), "")] + [(p, p) for p in state.periods if p != "all"],
                kept.period if kept else None,
            )
            self._set_choices(
                self.device,
                [(self.tr("All coaches"), "")] + [(n, d) for d, n in state.devices.items()],
                kept.device_id if kept else None,
            )
            self._set_choices(
                self.setting,
                [(self.tr("All settings"), "")]
                + [(SETTING_LABELS.get(s, s), s) for s in state.settings if s],
                kept.setting if kept else None,
            )
        finally:
            self._updating = False
        self.show_figures(state.figures)

    def clear(self) -> None:
        """Back to what a window never unlocked shows: no choices, no figures, no rows."""
        self._updating = True
        try:
            for combo in (self.period, self.device, self.setting):
                combo.clear()
        finally:
            self._updating = False
        for tile in self.tiles.values():
            tile.value.setText("–")
        for chart in (self.followup, self.referrals, self.barc, self.domains):
            chart.set_data(ChartData(""))
        for table in (self.demographics, self.coach_followup, self.completeness, self.support):
            table.setRowCount(0)
        self.note.setText("")

    def show_preparing(self, done: int, total: int) -> None:
        """While the period's suppression pattern is computed (the first refresh of a period
        after an import; seconds at statewide size): say so instead of stale figures."""
        percent = 100 * done // max(total, 1)
        self.note.setText(
            self.tr(
                "Preparing the figures of this period after the import: {percent}% done. "
                "Counts are checked across every report so that no small count can be worked "
                "out; this is done once per import."
            ).format(percent=percent)
        )

    def show_figures(self, fig: Figures) -> None:
        def shown(text: str) -> str:
            return word(NO_RECORDS) if fig.empty else text

        self.tiles["people"].value.setText(shown(_fmt(fig.count("people"))))
        self.tiles["sessions"].value.setText(shown(_fmt(fig.count("sessions"))))
        self.tiles["attempts"].value.setText(shown(_fmt(fig.count("attempts"))))
        self.tiles["linkage"].value.setText(shown(_fmt(fig.rate("ref.linked", "ref.made"), True)))
        change = fig.mean("barc.change")
        self.tiles["barc"].value.setText(shown(_fmt(None) if change is None else f"{change:+.1f}"))
        groups = [] if fig.empty else TIMEPOINTS

        def rate_label(t: str) -> str:
            if fig.count(f"fu.due.{t}") == 0:
                return self.tr("{name}: none due").format(name=TIMEPOINT_SHORT[t])
            rate = fig.rate(f"fu.window.{t}", f"fu.due.{t}")
            return f"{TIMEPOINT_SHORT[t]}: {_fmt(rate, True)}"

        self.followup.set_data(
            ChartData(
                self.tr("Follow-ups by timepoint (rate = in window / due; target 80%)"),
                [rate_label(t) for t in groups],
                [self.tr("due"), self.tr("in window"), self.tr("late"), self.tr("missed")],
                [[fig.count(f"fu.{kind}.{t}") for kind in metrics.FOLLOW_UP_KINDS] for t in groups],
                percent=False,
            )
        )
        cats = [c for c in metrics.REFERRAL_CATEGORIES if fig.values.get(f"ref.made.{c}", 0)]
        self.referrals.set_data(
            ChartData(
                self.tr("Referrals made and linked, by category"),
                [CATEGORY_LABELS[c] for c in cats],
                [self.tr("made"), self.tr("linked")],
                [[fig.count(f"ref.made.{c}"), fig.count(f"ref.linked.{c}")] for c in cats],
                percent=False,
            )
        )
        rows = report_rows(fig)
        self.support.show_figures(fig)
        demo = [r for r in rows if r.section == DEMOGRAPHICS_SECTION]
        _fill(
            self.demographics,
            [
                [a.category, a.display, b.display]
                for a, b in zip(demo[::2], demo[1::2], strict=True)
            ],
        )
        _fill(
            self.coach_followup,
            [[r.category, r.measure, r.display] for r in rows if r.section == "Follow-up by coach"],
        )
        _fill(
            self.completeness,
            [[r.measure, r.category, r.display] for r in rows if r.section == COMPLETENESS_SECTION],
        )
        self.barc.set_data(
            ChartData(
                self.tr("BARC-10 recovery capital (mean total, 10-60)"),
                [] if fig.empty else [self.tr("Baseline"), self.tr("Latest follow-up")],
                [self.tr("mean")],
                [[fig.mean("barc.baseline")], [fig.mean("barc.latest")]],
                percent=False,
                maximum=60,
                decimals=1,
                target=metrics.BARC_THRESHOLD,
                target_label=self.tr("47: predicts sustained remission"),
            )
        )
        self.domains.set_data(
            ChartData(
                self.tr("Outcome domains, baseline vs latest follow-up"),
                [] if fig.empty else [label for label, _ in DOMAINS.values()],
                [self.tr("baseline"), self.tr("latest follow-up")],
                [
                    [
                        fig.rate(f"dom.{n}.base_yes", f"dom.{n}.n"),
                        fig.rate(f"dom.{n}.fu_yes", f"dom.{n}.n"),
                    ]
                    for n in DOMAINS
                ],
                maximum=1.0,
            )
        )
        cross = fig.rate("barc.cross", "barc.below")
        note = self.tr(
            "Period = time of service. Crossing BARC-10 47 (of those below at baseline): "
            "{cross}. Counts from 1 to {small} and the figures they could be derived from are "
            "shown as 'suppressed'."
        ).format(cross=shown(_fmt(cross, True)), small=fig.threshold - 1)
        if fig.format1 is not None:
            note += " " + self.tr(
                "Some coach devices sent only format 1 bundles: they are not in these figures; "
                "the funder report shows their estimates separately."
            )
        self.note.setText(note)


# -- import ------------------------------------------------------------------------------------


# The automatic fetch's choices in the window, in minutes (0: never); the command line takes
# any number of minutes in rco/fetch.py's bounds, shown here as one more choice.
EVERY_CHOICES = (0, 15, 30, 60, 120, 240, 480)


class ImportPage(QWidget):
    import_requested = Signal(list)
    fetch_requested = Signal()
    schedule_requested = Signal(int)  # minutes between automatic fetches (0: never)
    acknowledge_requested = Signal(object)  # a FlagView

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Import the sealed exports (.cdbundle) your coaches sent: pick files or a folder "
                "(a USB stick, a shared folder), drop them on this window, or fetch them from "
                "the RCO's WebDAV inbox."
            )
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        buttons = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Import &files…"))
        self.folder_button = QPushButton(self.tr("Import a f&older…"))
        self.fetch_button = QPushButton(self.tr("Fetch from the i&nbox"))
        self.fetch_button.setToolTip(
            self.tr("Download the bundles waiting in the RCO's WebDAV inbox and import them")
        )
        self.files_button.clicked.connect(self._pick_files)
        self.folder_button.clicked.connect(self._pick_folder)
        self.fetch_button.clicked.connect(self.fetch_requested.emit)
        for button in (self.files_button, self.folder_button, self.fetch_button):
            buttons.addWidget(button)
        self.every = QComboBox()
        self.every.setToolTip(
            self.tr(
                "While this desk is unlocked, fetch from the inbox on its own, and prepare the "
                "figures of what came in"
            )
        )
        self.show_schedule(None)
        self.every.activated.connect(
            lambda i: self.schedule_requested.emit(int(self.every.itemData(i)))
        )
        every_label = QLabel(self.tr("Fetch a&utomatically:"))
        every_label.setBuddy(self.every)
        buttons.addWidget(every_label)
        buttons.addWidget(self.every)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        outer.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setStyleSheet("font-weight: 600;")
        self.summary.setWordWrap(True)
        outer.addWidget(self.summary)
        self.views = QTabWidget()
        self.results = _table(
            [
                self.tr("File"),
                self.tr("Result"),
                self.tr("Why"),
                self.tr("Coach"),
                self.tr("Records"),
            ]
        )
        _stretch(self.results, 2)
        self.history = _table(
            [
                self.tr("When (UTC)"),
                self.tr("File"),
                self.tr("Result"),
                self.tr("Coach"),
                self.tr("Records"),
                self.tr("Why"),
            ]
        )
        _stretch(self.history, 5)
        self.views.addTab(self.results, self.tr("This import"))
        self.views.addTab(self.history, self.tr("History of imports"))
        outer.addWidget(self.views, 2)
        flags_row = QHBoxLayout()
        flags_row.addWidget(QLabel(self.tr("Flagged for your attention")))
        flags_row.addStretch(1)
        self.ack_button = QPushButton(self.tr("Ac&knowledge flag…"))
        self.ack_button.clicked.connect(self._acknowledge)
        flags_row.addWidget(self.ack_button)
        outer.addLayout(flags_row)
        self.flags = _table(
            [self.tr("When"), self.tr("Coach device"), self.tr("What"), self.tr("Status")]
        )
        _stretch(self.flags, 2)
        outer.addWidget(self.flags, 1)
        self.flag_views: list[rco_desk.FlagView] = []
        self.names: dict[str, str] = {}  # fingerprint -> the supervisor's name for it

    def _pick_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Bundles"), "", self.tr("CoachDesk exports (*.cdbundle);;All files (*)")
        )
        if files:
            self.import_requested.emit(files)

    def _pick_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder of bundles"))
        if folder:
            self.import_requested.emit([folder])

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in (self.files_button, self.folder_button, self.fetch_button):
            button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.summary.setText(text or self.tr("Importing…"))

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def every_text(self, minutes: int) -> str:
        if not minutes:
            return self.tr("never")
        if minutes % 60:
            return plural(
                self.tr("{n, plural, one {every minute} other {every # minutes}}"), minutes
            )
        return plural(self.tr("{n, plural, one {every hour} other {every # hours}}"), minutes // 60)

    def show_schedule(self, every: int | None) -> None:
        """The stored schedule (None: no inbox set up, nothing to choose)."""
        self.every.clear()
        choices = list(EVERY_CHOICES)
        if every and every not in choices:
            choices = sorted([*choices, every])  # set at the command line
        for minutes in choices:
            self.every.addItem(self.every_text(minutes), minutes)
        self.every.setCurrentIndex(choices.index(every or 0))
        self.every.setEnabled(every is not None)

    def set_preparing(self, preparing: bool) -> None:
        """While the dashboard's figures are prepared after an import (RcoDesk.prepare_figures):
        the bar says so; the import's summary stays. Importing again waits until it is done."""
        for button in (self.files_button, self.folder_button, self.fetch_button):
            button.setEnabled(not preparing)
        self.progress.setFormat(
            self.tr("Preparing the dashboard's figures… %p%") if preparing else "%p%"
        )
        if preparing:
            self.progress.setValue(0)
        else:
            self.progress.setMaximum(1)
            self.progress.setValue(1)

    def _coach(self, fingerprint: str) -> str:
        return self.names.get(fingerprint) or fingerprint or "–"

    def show_summary(self, summary: ImportSummary, lines: list[str] | None = None) -> None:
        counts = summary.to_json()
        text = self.tr(
            "{imported} imported · {present} already present · {pending} waiting for device "
            "confirmation · {flagged} flagged · {rejected} rejected"
        ).format(
            imported=counts["imported"],
            present=counts["already_present"],
            pending=counts["pending"],
            flagged=counts["flagged"],
            rejected=counts["rejected"],
        )
        if not summary.results and lines is None:
            text = self.tr(
                "No bundle files (.cdbundle) were found there, in its subfolders either; "
                "nothing was imported."
            )
        per_coach: dict[str, list[int]] = {}  # coach -> [files, records]
        for r in summary.results:
            if r.device_fingerprint:
                counts_of = per_coach.setdefault(self._coach(r.device_fingerprint), [0, 0])
                counts_of[0] += 1
                counts_of[1] += r.records
        coach_lines = [
            plural(
                self.tr(
                    "{coach}: {n, plural, one {# file} other {# files}}, "
                    "{records, plural, one {# record} other {# records}}"
                ),
                files,
                coach=coach,
                records=records,
            )
            for coach, (files, records) in per_coach.items()
        ]
        if lines or coach_lines:
            text = "\n".join([text, *coach_lines, *(lines or [])])
        self.summary.setText(text)
        if self.progress.maximum() == 0 or not summary.results:
            self.progress.setMaximum(1)
            self.progress.setValue(1)
        # Per coach: how many records each coach's bundles brought.
        lang = window_language()
        _fill(
            self.results,
            [
                [
                    Path(r.path).name,
                    outcome_label(r.outcome.value),
                    r.message.text(lang) if r.reason else "",
                    self._coach(r.device_fingerprint),
                    str(r.records) if r.records else "–",
                ]
                for r in summary.results
            ],
        )
        self.views.setCurrentWidget(self.results)

    def show_history(self, entries: list[rco_desk.ImportEntry]) -> None:
        lang = window_language()
        _fill(
            self.history,
            [
                [
                    e.at[:16].replace("T", " "),
                    Path(e.file).name,
                    outcome_label(e.result),
                    self._coach(e.device),
                    str(e.records) if e.records else "–",
                    message_in(e.reason).text(lang) if e.reason else "",
                ]
                for e in entries
            ],
        )

    def show_flags(self, views: list[rco_desk.FlagView], names: dict[str, str]) -> None:
        self.flag_views = views
        lang = window_language()
        _fill(
            self.flags,
            [
                [
                    v.flag.at[:16].replace("T", " "),
                    names.get(v.flag.device_id, v.flag.device_id[:8]),
                    message_in(v.flag.detail).text(lang),
                    self.tr("open")
                    if v.open
                    else self.tr("acknowledged {when}: {note}").format(
                        when=v.acknowledged_at[:10], note=v.note
                    ),
                ]
                for v in views
            ],
        )

    def clear(self) -> None:
        for table in (self.results, self.history, self.flags):
            table.setRowCount(0)
        self.summary.setText("")
        self.progress.reset()
        self.flag_views = []
        self.names = {}

    def _acknowledge(self) -> None:
        row = self.flags.currentRow()
        if not 0 <= row < len(self.flag_views) or not self.flag_views[row].open:
            QMessageBox.information(
                self, self.tr("Acknowledge flag"), self.tr("Select an open flag in the list.")
            )
            return
        self.acknowledge_requested.emit(self.flag_views[row])


# -- devices -----------------------------------------------------------------------------------


class DevicesPage(QWidget):
    confirm_requested = Signal(object)  # the Device to confirm (the window asks the dialog)
    revoke_requested = Signal(str)
    rename_requested = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "A new coach device waits here until you confirm its fingerprint with the coach "
                "(in person or by phone: the coach reads it out, you type back its end). "
                "Revoking refuses every later bundle from the device."
            )
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.table = _table(
            [
                self.tr("Status"),
                self.tr("Name"),
                self.tr("Fingerprint"),
                self.tr("Bundles"),
                self.tr("Waiting"),
                self.tr("Last counter"),
                self.tr("Last bundle (UTC)"),
            ]
        )
        outer.addWidget(self.table)
        row = QHBoxLayout()
        self.confirm_button = QPushButton(self.tr("&Confirm device…"))
        self.rename_button = QPushButton(self.tr("Re&name device…"))
        self.revoke_button = QPushButton(self.tr("Revo&ke device…"))
        self.confirm_button.clicked.connect(self._confirm)
        self.rename_button.clicked.connect(self._rename)
        self.revoke_button.clicked.connect(self._revoke)
        for button in (self.confirm_button, self.rename_button, self.revoke_button):
            row.addWidget(button)
        row.addStretch(1)
        outer.addLayout(row)
        self.devices: list[Device] = []

    def status_label(self, status: DeviceStatus) -> str:
        return {
            DeviceStatus.PENDING: self.tr("pending"),
            DeviceStatus.CONFIRMED: self.tr("confirmed"),
            DeviceStatus.REVOKED: self.tr("revoked"),
        }.get(status, status.value)

    def show_devices(self, devices: list[Device]) -> None:
        keep = self.selected()
        self.devices = devices
        _fill(
            self.table,
            [
                [
                    self.status_label(d.status),
                    d.name,
                    d.fingerprint,
                    str(d.bundles),
                    str(d.pending_bundles),
                    str(d.last_counter) if d.last_counter >= 0 else "–",
                    (d.last_bundle_at or "–")[:16].replace("T", " "),
                ]
                for d in devices
            ],
        )
        if keep is not None:
            self.select(keep.fingerprint)

    def select(self, fingerprint: str) -> None:
        """The selection stays on the device just worked on (never jumps to another)."""
        for i, d in enumerate(self.devices):
            if d.fingerprint == fingerprint:
                self.table.selectRow(i)
                return

    def selected(self) -> Device | None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection():
            return None
        return self.devices[row] if 0 <= row < len(self.devices) else None

    def _confirm(self) -> None:
        device = self.selected()
        if device is None or device.status != DeviceStatus.PENDING:
            QMessageBox.information(
                self, self.tr("Confirm device"), self.tr("Select a pending device in the list.")
            )
            return
        self.confirm_requested.emit(device)

    def _rename(self) -> None:
        device = self.selected()
        if device is None:
            QMessageBox.information(
                self, self.tr("Rename device"), self.tr("Select a device in the list.")
            )
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename device"),
            self.tr("A name for {fp} (coach and site):").format(fp=device.fingerprint),
            text=device.name,
        )
        if ok:
            self.rename_requested.emit(device.fingerprint, name)

    def _revoke(self) -> None:
        device = self.selected()
        if device is None or device.status == DeviceStatus.REVOKED:
            QMessageBox.information(
                self, self.tr("Revoke device"), self.tr("Select a device that is not revoked.")
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revoke device"),
            self.tr("Refuse every later bundle from {name}? Records already imported stay.").format(
                name=device.name or device.fingerprint
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke_requested.emit(device.fingerprint)


# -- directory ---------------------------------------------------------------------------------


class DirectoryPage(QWidget):
    save_requested = Signal(object)
    remove_requested = Signal(str)
    publish_requested = Signal(str)
    publish_inbox_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.table = _table(
            [self.tr("Name"), self.tr("Category"), self.tr("Pathways"), self.tr("Phone")]
        )
        self.table.itemSelectionChanged.connect(self._load)
        left.addWidget(self.table)
        self.serial = QLabel("")
        left.addWidget(self.serial)
        publish_row = QHBoxLayout()
        publish = QPushButton(self.tr("Sign and &publish to a folder…"))
        publish.clicked.connect(self._publish)
        self.publish_inbox = QPushButton(self.tr("Publish to the in&box"))
        self.publish_inbox.clicked.connect(self._publish_to_inbox)
        publish_row.addWidget(publish)
        publish_row.addWidget(self.publish_inbox)
        publish_row.addStretch(1)
        left.addLayout(publish_row)
        outer.addLayout(left, 3)
        box = QGroupBox(self.tr("Entry"))
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.name.setMaxLength(200)
        self.category = QComboBox()
        for c in ResourceCategory:
            self.category.addItem(labels.label(c), c.value)
        self.pathways = QListWidget()
        for p in Pathway:
            item = QListWidgetItem(labels.label(p))
            item.setData(Qt.ItemDataRole.UserRole, p.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pathways.addItem(item)
        self.pathways.setMaximumHeight(150)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.hours = QLineEdit()
        self.notes = QLineEdit()
        for text, widget in (
            (self.tr("N&ame"), self.name),
            (self.tr("&Category"), self.category),
            (self.tr("Pat&hways"), self.pathways),
            (self.tr("Addr&ess"), self.address),
            (self.tr("Ph&one"), self.phone),
            (self.tr("Ho&urs"), self.hours),
            (self.tr("No&tes"), self.notes),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("&New"))
        self.new_button.clicked.connect(self._new)
        self.save_button = QPushButton(self.tr("Save entr&y"))
        self.save_button.clicked.connect(self._save)
        self.remove_button = QPushButton(self.tr("Re&move…"))
        self.remove_button.clicked.connect(self._remove)
        for button in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        form.addRow(buttons)
        outer.addWidget(box, 2)
        self.entries: list[Resource] = []
        self.ref: str = ""

    def show_entries(self, entries: list[Resource], serial: int, select: str = "") -> None:
        """Fill the list; the row highlighted is the entry in the form (or none)."""
        select = select or self.ref
        self.entries = entries
        self.table.blockSignals(True)
        try:
            _fill(
                self.table,
                [
                    [
                        e.name,
                        labels.label(e.category),
                        ", ".join(labels.label(p) for p in e.pathways),
                        e.phone,
                    ]
                    for e in entries
                ],
            )
            self.table.clearSelection()
            for i, e in enumerate(entries):
                if select and e.rco_ref == select:
                    self.table.selectRow(i)
        finally:
            self.table.blockSignals(False)
        if select and any(e.rco_ref == select for e in entries):
            self.ref = select
        self.serial.setText(
            catalog.text(
                "rco.desk.entries_serial", window_language(), n=len(entries), serial=serial
            )
        )

    def checked_pathways(self) -> list[Pathway]:
        return [
            Pathway(self.pathways.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.pathways.count())
            if self.pathways.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_pathways(self, chosen: list[Pathway]) -> None:
        values = {p.value for p in chosen}
        for i in range(self.pathways.count()):
            item = self.pathways.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _load(self) -> None:
        row = self.table.currentRow()
        if not self.table.selectionModel().hasSelection() or not 0 <= row < len(self.entries):
            return
        self.show_entry(self.entries[row])

    def show_entry(self, e: Resource) -> None:
        """`e` in the form (its ref: what Save changes; "" for a new entry)."""
        self.ref = e.rco_ref
        self.name.setText(e.name)
        self.category.setCurrentIndex(self.category.findData(e.category.value))
        self.set_pathways(e.pathways)
        self.address.setText(e.address)
        self.phone.setText(e.phone)
        self.hours.setText(e.hours)
        self.notes.setText(e.notes)

    def _remove(self) -> None:
        if not self.ref:
            QMessageBox.information(
                self, self.tr("Remove entry"), self.tr("Select the entry to remove in the list.")
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove entry"),
            self.tr(
                "Remove {name} from the directory? Coaches keep it until you publish again."
            ).format(name=self.name.text() or self.ref),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove_requested.emit(self.ref)
            self._new()

    def _new(self) -> None:
        self.ref = ""
        self.table.clearSelection()
        for w in (self.name, self.address, self.phone, self.hours, self.notes):
            w.clear()
        self.set_pathways([])
        self.category.setCurrentIndex(0)
        self.name.setFocus()

    def current_entry(self) -> Resource:
        return Resource(
            self.name.text(),
            ResourceCategory(self.category.currentData()),
            self.checked_pathways(),
            self.address.text(),
            self.phone.text(),
            self.hours.text(),
            self.notes.text(),
            local=False,
            rco_ref=self.ref,
        )

    def _save(self) -> None:
        if not self.name.text().strip():
            QMessageBox.warning(
                self, self.tr("Directory entry"), self.tr("Type the name of the resource first.")
            )
            self.name.setFocus()
            return
        self.save_requested.emit(self.current_entry())

    def _publish(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder coaches fetch from"))
        if folder:
            self.publish_requested.emit(folder)

    def _publish_to_inbox(self) -> None:
        self.publish_inbox_requested.emit()

    def clear(self) -> None:
        self.entries = []
        self.ref = ""
        self.table.setRowCount(0)
        self.serial.setText("")
        for w in (self.name, self.address, self.phone, self.hours, self.notes):
            w.clear()
        self.set_pathways([])


# -- the window --------------------------------------------------------------------------------


class RcoWindow(QMainWindow):
    """Emits `refreshed` after every dashboard update and `lists_refreshed` after the lists
    (tests wait on them)."""

    refreshed = Signal()
    lists_refreshed = Signal()
    imported = Signal(object)
    fetched = Signal(object)
    store_done = Signal(str)  # a store operation finished (its message)

    def __init__(
        self,
        store: Path | None = None,
        idle_minutes: float | None = None,
        *,
        settings: Settings | None = None,
        clock: Clock | None = None,
        idle_check_ms: int = 30_000,
        fetch_tick_ms: int = 60_000,
    ) -> None:
        """`idle_minutes` None: the idle minutes from the settings store (shared with the
        coach window: language and idle minutes, never store data)."""
        super().__init__()
        self.store_path = store
        self.settings = settings or Settings()
        self._fit_screen()
        self.setAcceptDrops(True)
        self.worker = StoreWorker(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.last_error = ""
        self.last_summary: ImportSummary | None = None
        self.periods: list[str] = []
        self.dialog: QDialog | None = None  # the dialog open now (tests drive it)
        self.settings_dialog: SettingsDialog | None = None
        self.store_name = ""  # the open store's RCO name ("" while locked)
        self._make_pages()
        # The coach window's idle lock: key/mouse/wheel/touch input (not the enter and hover
        # events of a widget appearing under a still mouse), plus session end, suspend and
        # screen lock (freedesktop D-Bus); input costs a clock read, never a timer restart.
        if idle_minutes is None:
            idle_minutes = self.settings.get(opts.IDLE_MINUTES)
        idle_args = {"clock": clock} if clock is not None else {}
        self.idle = IdleLock(idle_minutes, parent=self, max_interval_ms=idle_check_ms, **idle_args)
        self.idle.idle.connect(self.lock)
        self.idle.platform_lock.connect(lambda _why: self.lock())
        # The automatic fetch (FetchSettings.every) while unlocked: a tick each minute asks
        # whether one is due; it waits while the store's worker is busy.
        self.fetch_every = 0  # minutes, from the store (0: never, or locked)
        self.last_fetch = time.monotonic()
        self.fetch_timer = QTimer(self)
        self.fetch_timer.setInterval(fetch_tick_ms)
        self.fetch_timer.timeout.connect(self._fetch_if_due)
        self.fetch_timer.start()
        # Installing translators sends several LanguageChange events: retranslate once after.
        self._language = translations.current()
        self._retranslate_timer = QTimer(self)
        self._retranslate_timer.setSingleShot(True)
        self._retranslate_timer.setInterval(0)
        self._retranslate_timer.timeout.connect(self.retranslate)

    def _make_pages(self) -> None:
        """The start page and the tabs, in the current language: made here once, and made
        again on a language change (docs/architecture.md, "A language change"); the caller
        carries the supervisor's place over. A new page is added here."""
        old = [w for i in range(self.stack.count()) if (w := self.stack.widget(i)) is not None]
        self.setWindowTitle(self.tr("CoachDesk — RCO desk"))
        self.start = StartPage(self.store_path)
        self.start.unlock_requested.connect(self._unlock)
        self.start.create_requested.connect(self._create)
        self.start.settings_button.clicked.connect(self.open_settings)
        self.start.recovery_button.clicked.connect(self._recovery_dialog)
        self.stack.addWidget(self.start)
        self.tabs = QTabWidget()
        self.dashboard = DashboardPage()
        self.importer = ImportPage()
        self.devices = DevicesPage()
        self.directory = DirectoryPage()
        self.store_page = StorePage()
        self.tabs.addTab(self.dashboard, self.tr("&Dashboard"))
        self.tabs.addTab(self.importer, self.tr("&Import"))
        self.tabs.addTab(self.devices, self.tr("Coach de&vices"))
        self.tabs.addTab(self.directory, self.tr("&Resource directory"))
        self.tabs.addTab(self.store_page, self.tr("&Store"))
        self.stack.addWidget(self.tabs)
        self.suggestions = SuggestionsPage.attach(self)  # issue 20: the Suggestions tab
        self.dashboard.filters_changed.connect(self.refresh_dashboard)
        self.dashboard.export_requested.connect(self._export_report)
        self.importer.import_requested.connect(self.import_paths)
        self.importer.fetch_requested.connect(self.fetch_inbox)
        self.importer.schedule_requested.connect(self._save_schedule)
        self.importer.acknowledge_requested.connect(self._acknowledge_dialog)
        self.devices.confirm_requested.connect(self._confirm_dialog)
        self.devices.revoke_requested.connect(self._revoke)
        self.devices.rename_requested.connect(self._rename)
        self.directory.save_requested.connect(self._save_entry)
        self.directory.publish_requested.connect(self._publish)
        self.directory.publish_inbox_requested.connect(self._publish_inbox)
        self.directory.remove_requested.connect(self._remove_entry)
        self.store_page.backup_requested.connect(self.backup)
        self.store_page.restore_requested.connect(self._restore_dialog)
        self.store_page.check_requested.connect(self.check_store)
        self.store_page.passphrase_requested.connect(self._change_passphrase)
        self.store_page.audit_csv_requested.connect(self.export_audit_csv)
        self.settings_button = QPushButton(self.tr("Settin&gs…"))
        self.settings_button.setToolTip(self.tr("Language and idle time"))
        self.settings_button.clicked.connect(self.open_settings)
        self.lock_button = QPushButton(self.tr("&Lock"))
        self.lock_button.setToolTip(
            self.tr("Close the store and forget its key until the passphrase is given")
        )
        self.lock_button.clicked.connect(self.lock)
        corner = QWidget()  # a margin: the style puts a bare corner button a pixel above
        corner_box = QHBoxLayout(corner)
        corner_box.setContentsMargins(0, 2, 2, 0)
        corner_box.addWidget(self.settings_button)
        corner_box.addWidget(self.lock_button)
        self.tabs.setCornerWidget(corner)
        for page in old:
            self.stack.removeWidget(page)
            page.deleteLater()
        self.start.focus_first()  # now that the page is inside the window

    def _fit_screen(self) -> None:
        """1280x720 (a 1366x768 screen less the title bar and a task bar), never more than
        the screen gives."""
        width, height = 1280, 700
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width, height = min(width, room.width()), min(height, room.height() - 30)
        self.resize(width, height)

    # -- plumbing --

    def _error(self, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage(message, 15000)
        if self.stack.currentWidget() is self.start:
            self.start.show_failure(message)
        else:
            QMessageBox.warning(self, self.tr("CoachDesk"), message)

    def _open_dialog(self, dialog: QDialog, accepted: Callable[[], None]) -> None:
        self.dialog = dialog
        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.worker.stop()
        super().closeEvent(event)

    # -- unlock / create --

    def _unlock(self, path: str, passphrase: str) -> None:
        self.store_path = Path(path)

        def job(holder: Holder, _: Progress) -> str:
            holder.desk = RcoDesk.open(path, passphrase)
            return holder.desk.name

        self.worker.submit(job, self._opened, self._error)

    def _create(self, path: str, passphrase: str, name: str, k: int, small: int) -> None:
        self.store_path = Path(path)

        def job(holder: Holder, _: Progress) -> tuple[str, str, str]:
            desk, code = RcoDesk.create(path, passphrase, name=name, policy=PrivacyPolicy(k, small))
            holder.desk = desk
            return desk.name, code, desk.fingerprint

        def created(result: tuple[str, str, str]) -> None:
            name, code, fingerprint = result
            box = QMessageBox(self)
            box.setWindowTitle(self.tr("RCO store created"))
            box.setText(
                self.tr(
                    "Write down the recovery code and keep it away from this computer; it opens "
                    "the store if the passphrase is forgotten. It is shown only now.\n\n"
                    "Recovery code:  {code}\n\nYour RCO fingerprint (give it to coaches on "
                    "paper):  {fp}"
                ).format(code=code, fp=fingerprint)
            )
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            box.open()
            self._opened(name)

        self.worker.submit(job, created, self._error)

    def lock(self) -> None:
        """Close the store on its worker (answers to jobs asked for before now are dropped,
        so no refresh can refill a table), clear what is shown, back to the start page."""
        self.idle.stop()
        self.worker.lock()
        if self.dialog is not None:
            self.dialog.reject()  # a dialog about the store's data closes with it
        self.dashboard.clear()
        self.devices.show_devices([])
        self.importer.clear()
        self.directory.clear()
        self.store_page.clear()
        self.periods = []
        self.last_summary = None
        self.fetch_every = 0
        bar = self.findChild(QStatusBar)  # made by its first message, not before
        if bar is not None:
            bar.clearMessage()  # "Device confirmed…", "Report written: …"
        self.stack.setCurrentWidget(self.start)
        self.start.focus_first()
        self.store_name = ""
        self.setWindowTitle(self.tr("CoachDesk — RCO desk (locked)"))

    def _opened(self, name: str) -> None:
        self.idle.start()
        self.last_fetch = time.monotonic()  # the first automatic fetch one period from now
        self.start.set_busy(False)
        self.store_name = name
        self.setWindowTitle(self.tr("CoachDesk — {name}").format(name=name))
        self.stack.setCurrentWidget(self.tabs)
        self.refresh_all()

    # -- settings and language --

    def open_settings(self) -> SettingsDialog:
        """The coach window's Settings dialog with the desk's part of it (language, idle
        minutes), writing the same settings store; saving applies both at once."""
        dialog = SettingsDialog(self.settings, self, vault=False)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._settings_saved)
        dialog.finished.connect(lambda _r: setattr(self, "settings_dialog", None))
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self) -> None:
        self.idle.set_minutes(self.settings.get(opts.IDLE_MINUTES))
        language = self.settings.get(opts.LANGUAGE)
        if language != translations.current():
            translations.install(language)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_timer.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Show the current language. The pages have no retranslate methods, so they are
        made again (as the coach window's workspace is), carrying over what the supervisor
        was at: the page, the dashboard's filters, the directory entry being edited, the
        last import's results; an open store is refreshed into the new pages."""
        if translations.current() == self._language:
            return
        self._language = translations.current()
        was_open = self.stack.currentWidget() is self.tabs
        tab = self.tabs.currentIndex()
        path, filters = self.start.path.text(), self.dashboard.filters()
        entry, names = self.directory.current_entry(), self.importer.names
        self._make_pages()
        self.start.path.setText(path)
        self.directory.show_entry(entry)
        if not was_open:
            self.setWindowTitle(self.tr("CoachDesk — RCO desk (locked)"))
            self.start.focus_first()
            return
        self.setWindowTitle(self.tr("CoachDesk — {name}").format(name=self.store_name))
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentIndex(tab)
        self.dashboard.keep(filters)
        if self.last_summary is not None:
            self.importer.names = names
            self.importer.show_summary(self.last_summary)
        self.refresh_dashboard(filters)
        self._refresh_lists()

    def _recovery_dialog(self) -> RecoveryUnlockDialog | None:
        """A forgotten passphrase: the coach's recovery dialog (`rco recover`), worded for
        the store; then the store is unlocked with the new passphrase as usual."""
        if self.start.folder_missing():
            return None
        path = self.start.path.text().strip()
        dialog = RecoveryUnlockDialog(Path(path), partial(_store_words, recovery_code=True), self)
        dialog.intro.setText(
            self.tr(
                "Forgot the passphrase? Type the recovery code from the store's recovery kit "
                "(printed when the store was made) and choose a new passphrase. Nothing in the "
                "store is lost."
            )
        )
        dialog.succeeded.connect(self.start.focus_first)
        self.dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()
        return dialog

    # -- refreshes --

    def refresh_all(self) -> None:
        self.refresh_dashboard(self.dashboard.filters())
        self._refresh_lists()

    def refresh_dashboard(self, filters: Filters) -> None:
        def job(holder: Holder, progress: Progress) -> DashboardState:
            desk = holder.require()
            data = desk.data()
            fig = desk.figures(filters, progress)
            return DashboardState(fig, data.periods(), desk.device_names(), data.settings())

        def show(state: DashboardState) -> None:
            self.periods = [p for p in state.periods if p != "all"]
            self.dashboard.show_state(state)
            self.refreshed.emit()

        self.worker.submit(job, show, self._error, self.dashboard.show_preparing)

    def _refresh_lists(self, select_entry: str = "") -> None:
        def job(holder: Holder, _: Progress) -> tuple[Any, ...]:
            desk = holder.require()
            view = ops.audit_view(desk)
            return (
                desk.devices(),
                rco_desk.flag_views(desk),
                desk.device_names(),
                desk.directory(),
                desk.directory_serial,
                rco_desk.import_history(desk, HISTORY_ROWS),
                view,
                desk.fingerprint,
                rco_fetch.fetch_settings(desk),
            )

        def show(result: tuple[Any, ...]) -> None:
            devices, flags, names, entries, serial, history, view, fingerprint, fetching = result
            inbox = fetching is not None
            self.fetch_every = fetching.every if fetching is not None else 0
            self.importer.show_schedule(self.fetch_every if inbox else None)
            self.devices.show_devices(devices)
            self.importer.names = {d.fingerprint: d.name or d.fingerprint for d in devices}
            self.importer.show_flags(flags, names)
            self.importer.show_history(history)
            self.directory.show_entries(entries, serial, select_entry)
            self.store_page.show_store(str(self.store_path or ""), fingerprint)
            self.store_page.show_audit(view.entries, view.broken_at)
            for button in (self.importer.fetch_button, self.directory.publish_inbox):
                button.setEnabled(inbox)
                if not inbox:
                    button.setToolTip(
                        self.tr(
                            "No inbox is set up for this store: coachdesk rco fetch-setup STORE "
                            "--webdav URL --user NAME"
                        )
                    )
            self.lists_refreshed.emit()

        self.worker.submit(job, show, self._error)

    # -- import --

    def import_paths(self, paths: list[str]) -> None:
        if self.stack.currentWidget() is not self.tabs:
            return
        self.tabs.setCurrentWidget(self.importer)
        self.importer.set_busy(True)

        def job(holder: Holder, progress: Progress) -> ImportSummary:
            return holder.require().import_paths([Path(p) for p in paths], progress=progress)

        def done(summary: ImportSummary) -> None:
            self.last_summary = summary
            self.importer.set_busy(False)
            self.importer.show_summary(summary)
            self._prepare_figures(summary)
            self.refresh_all()
            self.imported.emit(summary)

        def failed(message: str) -> None:
            self.importer.set_busy(False)
            self._error(message)

        self.worker.submit(job, done, failed, lambda n, total: self.importer.on_progress(n, total))

    def _prepare_figures(self, summary: ImportSummary) -> None:
        """After an import that added data: the dashboard's first view prepared on the worker
        before the refresh queued after it reads it (RcoDesk.prepare_figures; seconds at
        statewide size, with the import page's bar)."""
        if not summary.added:
            return
        self.importer.set_preparing(True)

        def job(holder: Holder, progress: Progress) -> None:
            holder.require().prepare_figures(progress)

        def failed(message: str) -> None:
            self.importer.set_preparing(False)
            self._error(message)

        self.worker.submit(
            job, lambda _: self.importer.set_preparing(False), failed, self.importer.on_progress
        )

    def _save_schedule(self, every: int) -> None:
        def saved(settings: rco_fetch.FetchSettings) -> None:
            self.fetch_every = settings.every
            self.last_fetch = time.monotonic()
            self.statusBar().showMessage(
                self.tr("Fetch automatically while unlocked: {every}.").format(
                    every=self.importer.every_text(settings.every)
                ),
                10000,
            )

        self.worker.submit(
            lambda holder, _: rco_fetch.save_fetch_schedule(holder.require(), every),
            saved,
            self._error,
        )

    def _tell(self, message: str, scheduled: bool) -> None:
        """A fetch's trouble: in a box when the supervisor asked for it, else in the status bar
        (nobody is waiting for an automatic fetch; the next one tries again)."""
        if scheduled:
            self.statusBar().showMessage(message)
        else:
            self._error(message)

    def _fetch_if_due(self) -> None:
        due = self.fetch_every and time.monotonic() - self.last_fetch >= self.fetch_every * 60
        if due and self.stack.currentWidget() is self.tabs and not self.worker.busy:
            self.fetch_inbox(scheduled=True)

    def fetch_inbox(self, scheduled: bool = False) -> None:
        """`rco fetch` in the window: download, import, then clear the inbox (rco/fetch.py).
        A scheduled fetch leaves the supervisor's page as it is and says what went wrong in
        the status bar, not in a box: it is tried again at the next period."""
        if self.stack.currentWidget() is not self.tabs:
            return
        self.last_fetch = time.monotonic()
        if not scheduled:
            self.tabs.setCurrentWidget(self.importer)
        self.importer.set_busy(True, self.tr("Fetching from the inbox…"))

        def job(holder: Holder, progress: Progress) -> rco_fetch.FetchReport:
            desk = holder.require()
            if rco_fetch.fetch_settings(desk) is None:
                raise CoachDeskError(code="rco.desk.no_inbox")
            return rco_fetch.fetch_inbox(desk, progress=progress)

        def done(report: rco_fetch.FetchReport) -> None:
            self.importer.set_busy(False)
            self.last_summary = report.summary
            lines = [line for line in report.lines if line != report.error]
            self.importer.show_summary(report.summary, lines)
            self._prepare_figures(report.summary)
            if report.summary.results or not scheduled:  # an empty inbox leaves the pages be
                self.refresh_all()
            self.fetched.emit(report)
            if report.error:
                why = (
                    self.tr(
                        "The inbox could not be reached ({why}). Nothing was lost: what was "
                        "imported stays, the rest waits in the inbox. Fetch again when the "
                        "network is back."
                    )
                    if report.offline
                    else self.tr("The fetch stopped: {why}. Nothing was lost; fetch again later.")
                ).format(why=report.error.rstrip("."))
                self.importer.summary.setText(self.importer.summary.text() + "\n" + why)
                self._tell(why, scheduled)

        def failed(message: str) -> None:
            self.importer.set_busy(False)
            self.importer.summary.setText(message)
            self._tell(message, scheduled)

        self.worker.submit(job, done, failed, lambda n, total: self.importer.on_progress(n, total))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)

    def _acknowledge_dialog(self, view: rco_desk.FlagView) -> None:
        name = self.importer.flags.item(self.importer.flags.currentRow(), 1)
        dialog = AcknowledgeFlagDialog(view, name.text() if name else "", self)
        self._open_dialog(
            dialog,
            lambda: self.acknowledge(int(view.flag.id or 0), dialog.note.toPlainText()),
        )

    def acknowledge(self, flag_id: int, note: str) -> None:
        self.worker.submit(
            lambda holder, _: rco_desk.acknowledge_flag(holder.require(), flag_id, note),
            lambda _: self._refresh_lists(),
            self._error,
        )

    # -- devices --

    def _confirm_dialog(self, device: Device) -> None:
        dialog = ConfirmDeviceDialog(device, self)
        self._open_dialog(
            dialog,
            lambda: self._confirm(device.fingerprint, dialog.typed.text(), dialog.name.text()),
        )

    def _confirm(self, fingerprint: str, typed: str, name: str) -> None:
        def job(holder: Holder, _: Progress) -> ImportSummary:
            return rco_desk.confirm_typed(holder.require(), fingerprint, typed, name)

        def done(summary: ImportSummary) -> None:
            self.importer.show_summary(summary)
            self.statusBar().showMessage(
                plural(
                    self.tr(
                        "Device confirmed; {n, plural, one {# waiting bundle} "
                        "other {# waiting bundles}} imported."
                    ),
                    len(summary.results),
                ),
                10000,
            )
            self.devices.select(rco_desk.canonical(fingerprint))
            self._prepare_figures(summary)
            self.refresh_all()
            self.imported.emit(summary)

        self.worker.submit(job, done, self._error)

    def _revoke(self, fingerprint: str) -> None:
        self.worker.submit(
            lambda holder, _: holder.require().revoke_device(fingerprint),
            lambda _: self.refresh_all(),
            self._error,
        )

    def _rename(self, fingerprint: str, name: str) -> None:
        self.worker.submit(
            lambda holder, _: rco_desk.rename_device(holder.require(), fingerprint, name),
            lambda _: self.refresh_all(),
            self._error,
        )

    # -- directory --

    def _save_entry(self, resource: Resource) -> None:
        self.worker.submit(
            lambda holder, _: holder.require().save_directory_entry(resource),
            lambda saved: self._refresh_lists(saved.rco_ref),
            self._error,
        )

    def _remove_entry(self, ref: str) -> None:
        self.worker.submit(
            lambda holder, _: holder.require().delete_directory_entry(ref),
            lambda _: self._refresh_lists(),
            self._error,
        )

    def _publish(self, folder: str) -> None:
        def done(result: tuple[Path, int]) -> None:
            self.statusBar().showMessage(
                self.tr("Published serial {s} to {p}").format(s=result[1], p=result[0]), 10000
            )
            self._refresh_lists()

        self.worker.submit(
            lambda holder, _: holder.require().publish_directory(folder), done, self._error
        )

    def _publish_inbox(self) -> None:
        def done(serial: int) -> None:
            self.statusBar().showMessage(
                self.tr("Published serial {s} to the RCO's WebDAV inbox").format(s=serial), 10000
            )
            self._refresh_lists()

        self.worker.submit(
            lambda holder, _: rco_fetch.publish_directory_to_inbox(holder.require()),
            done,
            self._error,
        )

    # -- report --

    def _export_report(self, filters: Filters) -> None:
        dialog = ExportReportDialog(self.periods, filters.period, Path.home(), self)
        self._open_dialog(
            dialog,
            lambda: self.export_report(
                dialog.period.currentText().strip(),
                Path(dialog.target.text().strip()),
                filters,
                dialog.fmt(),
            ),
        )

    def export_report(self, period: str, target: Path, filters: Filters, fmt: str = "pdf") -> None:
        """Write the funder report as TARGET in one format, audited as `rco report` is; a PDF
        is worded in the window's language."""
        lang = window_language()  # read here: QLocale's default belongs to the GUI thread

        def job(holder: Holder, _: Progress) -> Path:
            desk = holder.require()
            report = rco_desk.report_for(desk, period, filters.device_id, filters.setting)
            return rco_desk.export_report(desk, report, {fmt: target}, lang=lang)[0]

        def done(path: Path) -> None:
            self.statusBar().showMessage(self.tr("Report written: {p}").format(p=path), 15000)
            self.store_done.emit(str(path))
            self._refresh_lists()

        self.worker.submit(job, done, self._error)

    # -- the store --

    def _store_job(self, job: Callable[[Holder, Progress], str], busy: str) -> None:
        self.store_page.set_busy(True, busy)

        def done(message: str) -> None:
            self.store_page.set_busy(False, message)
            self.store_done.emit(message)
            self._refresh_lists()

        def failed(message: str) -> None:
            self.store_page.set_busy(False, message)
            self._error(message)

        self.worker.submit(job, done, failed)

    def backup(self, folder: str) -> None:
        done = self.tr("Backup written and verified: {p}")
        self._store_job(
            lambda holder, _: done.format(p=ops.backup(holder.require(), folder)),
            self.tr("Backing up and verifying…"),
        )

    def check_store(self) -> None:
        def job(holder: Holder, _: Progress) -> str:
            return ops.check(holder.require()).verdict

        self._store_job(job, self.tr("Checking the store…"))

    def export_audit_csv(self, target: str) -> None:
        done = self.tr("Audit log written: {p}")
        self._store_job(
            lambda holder, _: done.format(
                p=ops.write_audit_csv(ops.audit_view(holder.require()), target)
            ),
            self.tr("Writing the audit log…"),
        )

    def _change_passphrase(self) -> None:
        if self.store_path is not None:
            dialog = ChangePassphraseDialog(self.store_path, _store_words, self)
            self.dialog = dialog
            dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
            dialog.open()

    def _restore_dialog(self) -> None:
        dialog = RestoreDialog(self)
        self._open_dialog(
            dialog,
            lambda: self.restore(
                dialog.backup.text().strip(), dialog.secret.text(), dialog.use_code.isChecked()
            ),
        )

    def restore(self, backup: str, secret: str, recovery_code: bool = False) -> None:
        """Lock, then put the backup in place of the store (the current one kept aside); the
        start page says what happened and asks for the passphrase the backup opens with."""
        store = self.store_path
        if store is None:
            return
        self.lock()

        def job(holder: Holder, _: Progress) -> ops.RestoreResult:
            return ops.restore(backup, store, secret, recovery_code=recovery_code)

        def done(result: ops.RestoreResult) -> None:
            self.start.set_busy(False)
            message = self.tr(
                "Restored from {backup}; the previous store was kept as {kept}. Unlock with the "
                "passphrase the backup was made with."
            ).format(backup=Path(backup).name, kept=str(result.kept) if result.kept else "–")
            self.start.message.setText(message)
            self.store_done.emit(message)

        self.start.set_busy(True, self.tr("Restoring…"))
        self.worker.submit(job, done, self._error)
