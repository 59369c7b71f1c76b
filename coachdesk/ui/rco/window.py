"""The supervisor's window: unlock or first run, dashboard, import, devices, directory.

All store work runs on the StoreWorker thread; widgets only show results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app import settings as opts
from coachdesk.app.idle import Clock, IdleLock
from coachdesk.app.settings import Settings
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.exchange.enrollment import PrivacyPolicy
from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import ImportSummary
from coachdesk.rco.metrics import DOMAINS, TIMEPOINTS, Figures, Filters
from coachdesk.rco.model import Device, DeviceStatus, Flag
from coachdesk.rco.report import (
    CATEGORY_LABELS,
    COMPLETENESS_SECTION,
    DEMOGRAPHICS_SECTION,
    NO_RECORDS,
    SETTING_LABELS,
    SUPPRESSED,
)
from coachdesk.rco.report import (
    rows as report_rows,
)
from coachdesk.ui.rco.plots import BarChart, ChartData
from coachdesk.ui.rco.support_tab import SupportTab
from coachdesk.ui.rco.worker import Holder, Progress, StoreWorker

TIMEPOINT_SHORT = {
    "baseline": "Baseline",
    "followup_180": "180 days",
    "annual": "Annual",
    "closeout": "Closeout",
}


def _fmt(value: int | float | None, percent: bool = False) -> str:
    if value is None:
        return SUPPRESSED
    return f"{value * 100:.1f}%" if percent else f"{value:,}"


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


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            table.setItem(r, c, item)


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
        outer.addStretch(1)
        title = QLabel(self.tr("CoachDesk — RCO supervisor's desk"))
        title.setStyleSheet("font-size: 20pt; font-weight: 600;")
        outer.addWidget(title, alignment=Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        outer.addLayout(row)

        unlock = QGroupBox(self.tr("Open your RCO store"))
        form = QFormLayout(unlock)
        self.path = QLineEdit(str(store) if store else "")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        form.addRow(self.tr("Store folder"), path_row)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._unlock)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        form.addRow(self.unlock_button)
        row.addWidget(unlock)

        create = QGroupBox(self.tr("First time: create the RCO store"))
        cform = QFormLayout(create)
        self.new_path = QLineEdit()
        cform.addRow(self.tr("New folder"), self.new_path)
        self.rco_name = QLineEdit()
        cform.addRow(self.tr("RCO name"), self.rco_name)
        self.k = QSpinBox()
        self.k.setRange(2, 1000)
        self.k.setValue(11)
        cform.addRow(self.tr("k-anonymity of exports"), self.k)
        self.small_cell = QSpinBox()
        self.small_cell.setRange(2, 1000)
        self.small_cell.setValue(11)
        cform.addRow(self.tr("Suppress counts below"), self.small_cell)
        self.new_pass = QLineEdit()
        self.new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_pass2 = QLineEdit()
        self.new_pass2.setEchoMode(QLineEdit.EchoMode.Password)
        cform.addRow(self.tr("Passphrase"), self.new_pass)
        cform.addRow(self.tr("Passphrase again"), self.new_pass2)
        self.create_button = QPushButton(self.tr("Create store"))
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

    def _unlock(self) -> None:
        if not self.path.text().strip():
            self.message.setText(self.tr("Choose the store folder first."))
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
            (self.tr("Period"), self.period),
            (self.tr("Coach"), self.device),
            (self.tr("Setting"), self.setting),
        ):
            bar.addWidget(QLabel(label))
            combo.setMinimumWidth(150)
            combo.currentIndexChanged.connect(self._changed)
            bar.addWidget(combo)
        bar.addStretch(1)
        self.export_button = QPushButton(self.tr("Export funder report…"))
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

    def filters(self) -> Filters:
        return Filters(
            self.period.currentData() or "",
            self.device.currentData() or "",
            self.setting.currentData() or "",
        )

    def _changed(self) -> None:
        if not self._updating:
            self.filters_changed.emit(self.filters())

    def _set_choices(self, combo: QComboBox, choices: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.clear()
        for label, value in choices:
            combo.addItem(label, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))

    def show_state(self, state: DashboardState) -> None:
        self._updating = True
        try:
            self._set_choices(
                self.period,
                [(self.tr("All periods"), "")] + [(p, p) for p in state.periods if p != "all"],
            )
            self._set_choices(
                self.device,
                [(self.tr("All coaches"), "")] + [(n, d) for d, n in state.devices.items()],
            )
            self._set_choices(
                self.setting,
                [(self.tr("All settings"), "")]
                + [(SETTING_LABELS.get(s, s), s) for s in state.settings if s],
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

    def show_figures(self, fig: Figures) -> None:
        def shown(text: str) -> str:
            return NO_RECORDS if fig.empty else text

        self.tiles["people"].value.setText(shown(_fmt(fig.count("people"))))
        self.tiles["sessions"].value.setText(shown(_fmt(fig.count("sessions"))))
        self.tiles["attempts"].value.setText(shown(_fmt(fig.count("attempts"))))
        self.tiles["linkage"].value.setText(shown(_fmt(fig.rate("ref.linked", "ref.made"), True)))
        change = fig.mean("barc.change")
        self.tiles["barc"].value.setText(shown(SUPPRESSED if change is None else f"{change:+.1f}"))
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


class ImportPage(QWidget):
    import_requested = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Import the sealed exports (.cdbundle) your coaches sent: pick files or a folder "
                "(a USB stick, the shared inbox), or drop them on this window."
            )
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        buttons = QHBoxLayout()
        self.files_button = QPushButton(self.tr("Import files…"))
        self.folder_button = QPushButton(self.tr("Import a folder…"))
        self.files_button.clicked.connect(self._pick_files)
        self.folder_button.clicked.connect(self._pick_folder)
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setValue(0)
        outer.addWidget(self.progress)
        self.summary = QLabel("")
        self.summary.setStyleSheet("font-weight: 600;")
        outer.addWidget(self.summary)
        self.results = _table([self.tr("File"), self.tr("Result"), self.tr("Why")])
        outer.addWidget(self.results, 2)
        outer.addWidget(QLabel(self.tr("Flagged for your attention")))
        self.flags = _table([self.tr("When"), self.tr("Coach device"), self.tr("What")])
        outer.addWidget(self.flags, 1)

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

    def set_busy(self, busy: bool) -> None:
        self.files_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)
            self.summary.setText(self.tr("Importing…"))

    def on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def show_summary(self, summary: ImportSummary) -> None:
        counts = summary.to_json()
        self.summary.setText(
            self.tr(
                "{imported} imported · {present} already present · {pending} waiting for device "
                "confirmation · {flagged} flagged · {rejected} rejected"
            ).format(
                imported=counts["imported"],
                present=counts["already_present"],
                pending=counts["pending"],
                flagged=counts["flagged"],
                rejected=counts["rejected"],
            )
        )
        if self.progress.maximum() == 0 or not summary.results:
            self.progress.setMaximum(1)
            self.progress.setValue(1)
        _fill(
            self.results,
            [
                [Path(r.path).name, r.outcome.value.replace("_", " "), r.reason]
                for r in summary.results
            ],
        )

    def show_flags(self, flags: list[Flag], names: dict[str, str]) -> None:
        _fill(
            self.flags, [[f.at, names.get(f.device_id, f.device_id[:8]), f.detail] for f in flags]
        )


# -- devices -----------------------------------------------------------------------------------


class DevicesPage(QWidget):
    confirm_requested = Signal(str, str)
    revoke_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        outer = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "A new coach device waits here until you confirm its fingerprint with the coach "
                "(on paper or in person). Revoking refuses every later bundle from the device."
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
        self.confirm_button = QPushButton(self.tr("Confirm device…"))
        self.revoke_button = QPushButton(self.tr("Revoke device…"))
        self.confirm_button.clicked.connect(self._confirm)
        self.revoke_button.clicked.connect(self._revoke)
        row.addWidget(self.confirm_button)
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        outer.addLayout(row)
        self.devices: list[Device] = []

    def show_devices(self, devices: list[Device]) -> None:
        self.devices = devices
        _fill(
            self.table,
            [
                [
                    d.status.value,
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

    def selected(self) -> Device | None:
        row = self.table.currentRow()
        return self.devices[row] if 0 <= row < len(self.devices) else None

    def _confirm(self) -> None:
        device = self.selected()
        if device is None or device.status != DeviceStatus.PENDING:
            QMessageBox.information(self, self.tr("Confirm"), self.tr("Select a pending device."))
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Confirm coach device"),
            self.tr(
                "Check this fingerprint with the coach, group by group:\n\n{fp}\n\n"
                "A name for this device (coach and site):"
            ).format(fp=device.fingerprint),
        )
        if ok:
            self.confirm_requested.emit(device.fingerprint, name)

    def _revoke(self) -> None:
        device = self.selected()
        if device is None or device.status == DeviceStatus.REVOKED:
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

    def __init__(self) -> None:
        super().__init__()
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.table = _table([self.tr("Name"), self.tr("Category"), self.tr("Phone")])
        self.table.itemSelectionChanged.connect(self._load)
        left.addWidget(self.table)
        self.serial = QLabel("")
        left.addWidget(self.serial)
        publish = QPushButton(self.tr("Sign and publish to a folder…"))
        publish.clicked.connect(self._publish)
        left.addWidget(publish)
        outer.addLayout(left, 2)
        box = QGroupBox(self.tr("Entry"))
        form = QFormLayout(box)
        self.name = QLineEdit()
        self.category = QComboBox()
        for c in ResourceCategory:
            self.category.addItem(c.value.replace("_", " "), c.value)
        self.pathways = QLineEdit()
        self.pathways.setPlaceholderText(", ".join(p.value for p in Pathway))
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.hours = QLineEdit()
        self.notes = QLineEdit()
        for label, widget in (
            (self.tr("Name"), self.name),
            (self.tr("Category"), self.category),
            (self.tr("Pathways"), self.pathways),
            (self.tr("Address"), self.address),
            (self.tr("Phone"), self.phone),
            (self.tr("Hours"), self.hours),
            (self.tr("Notes"), self.notes),
        ):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        new = QPushButton(self.tr("New"))
        new.clicked.connect(self._new)
        save = QPushButton(self.tr("Save entry"))
        save.clicked.connect(self._save)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        buttons.addWidget(new)
        buttons.addWidget(save)
        buttons.addWidget(remove)
        form.addRow(buttons)
        outer.addWidget(box, 1)
        self.entries: list[Resource] = []
        self.ref: str = ""

    def show_entries(self, entries: list[Resource], serial: int) -> None:
        self.entries = entries
        _fill(self.table, [[e.name, e.category.value.replace("_", " "), e.phone] for e in entries])
        self.serial.setText(
            self.tr("{n} entries · last published serial {s}").format(n=len(entries), s=serial)
        )

    def _load(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            return
        e = self.entries[row]
        self.ref = e.rco_ref
        self.name.setText(e.name)
        self.category.setCurrentIndex(self.category.findData(e.category.value))
        self.pathways.setText(", ".join(p.value for p in e.pathways))
        self.address.setText(e.address)
        self.phone.setText(e.phone)
        self.hours.setText(e.hours)
        self.notes.setText(e.notes)

    def _remove(self) -> None:
        if self.ref:
            self.remove_requested.emit(self.ref)
            self._new()

    def _new(self) -> None:
        self.ref = ""
        for w in (self.name, self.pathways, self.address, self.phone, self.hours, self.notes):
            w.clear()

    def _save(self) -> None:
        try:
            pathways = [Pathway(p.strip()) for p in self.pathways.text().split(",") if p.strip()]
        except ValueError:
            QMessageBox.warning(self, self.tr("Pathways"), self.tr("Use the pathway names shown."))
            return
        self.save_requested.emit(
            Resource(
                self.name.text(),
                ResourceCategory(self.category.currentData()),
                pathways,
                self.address.text(),
                self.phone.text(),
                self.hours.text(),
                self.notes.text(),
                local=False,
                rco_ref=self.ref,
            )
        )

    def _publish(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder coaches fetch from"))
        if folder:
            self.publish_requested.emit(folder)


# -- the window --------------------------------------------------------------------------------


class RcoWindow(QMainWindow):
    """Emits `refreshed` after every dashboard update (tests wait on it)."""

    refreshed = Signal()
    imported = Signal(object)

    def __init__(
        self,
        store: Path | None = None,
        idle_minutes: float | None = None,
        *,
        settings: Settings | None = None,
        clock: Clock | None = None,
        idle_check_ms: int = 30_000,
    ) -> None:
        """`idle_minutes` None: the idle minutes from the settings store (shared with the
        coach window: language and idle minutes, never store data)."""
        super().__init__()
        self.store_path = store
        self.setWindowTitle(self.tr("CoachDesk — RCO desk"))
        self.resize(1320, 860)
        self.setAcceptDrops(True)
        self.worker = StoreWorker(self)
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start = StartPage(store)
        self.start.unlock_requested.connect(self._unlock)
        self.start.create_requested.connect(self._create)
        self.stack.addWidget(self.start)
        self.tabs = QTabWidget()
        self.dashboard = DashboardPage()
        self.importer = ImportPage()
        self.devices = DevicesPage()
        self.directory = DirectoryPage()
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.addTab(self.importer, self.tr("Import"))
        self.tabs.addTab(self.devices, self.tr("Coach devices"))
        self.tabs.addTab(self.directory, self.tr("Resource directory"))
        self.stack.addWidget(self.tabs)
        self.dashboard.filters_changed.connect(self.refresh_dashboard)
        self.dashboard.export_requested.connect(self._export_report)
        self.importer.import_requested.connect(self.import_paths)
        self.devices.confirm_requested.connect(self._confirm)
        self.devices.revoke_requested.connect(self._revoke)
        self.directory.save_requested.connect(self._save_entry)
        self.directory.publish_requested.connect(self._publish)
        self.directory.remove_requested.connect(self._remove_entry)
        lock = QPushButton(self.tr("Lock"))
        lock.setToolTip(self.tr("Close the store and forget its key until the passphrase is given"))
        lock.clicked.connect(self.lock)
        self.tabs.setCornerWidget(lock)
        # The coach window's idle lock: key/mouse/wheel/touch input (not hover or a mouse
        # that merely moves), plus session end, suspend and screen lock (freedesktop D-Bus).
        if idle_minutes is None:
            idle_minutes = (settings or Settings()).get(opts.IDLE_MINUTES)
        idle_args = {"clock": clock} if clock is not None else {}
        self.idle = IdleLock(idle_minutes, parent=self, max_interval_ms=idle_check_ms, **idle_args)
        self.idle.idle.connect(self.lock)
        self.idle.platform_lock.connect(lambda _why: self.lock())
        self.start.focus_first()  # now that the page is inside the window
        self.last_error = ""
        self.last_summary: ImportSummary | None = None

    # -- plumbing --

    def _error(self, message: str) -> None:
        self.last_error = message
        self.statusBar().showMessage(message, 15000)
        if self.stack.currentWidget() is self.start:
            self.start.show_failure(message)
        else:
            QMessageBox.warning(self, self.tr("CoachDesk"), message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.worker.stop()
        super().closeEvent(event)

    # -- unlock / create --

    def _unlock(self, path: str, passphrase: str) -> None:
        def job(holder: Holder, _: Progress) -> str:
            holder.desk = RcoDesk.open(path, passphrase)
            return holder.desk.name

        self.worker.submit(job, self._opened, self._error)

    def _create(self, path: str, passphrase: str, name: str, k: int, small: int) -> None:
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
        self.dashboard.clear()
        self.devices.show_devices([])
        self.importer.results.setRowCount(0)
        self.importer.flags.setRowCount(0)
        self.importer.summary.setText("")
        self.directory.show_entries([], 0)
        self.directory.serial.setText("")
        self.directory._new()  # the entry last selected leaves the form too
        self.importer.progress.reset()
        self.stack.setCurrentWidget(self.start)
        self.start.focus_first()
        self.setWindowTitle(self.tr("CoachDesk — RCO desk (locked)"))

    def _opened(self, name: str) -> None:
        self.idle.start()
        self.start.set_busy(False)
        self.setWindowTitle(self.tr("CoachDesk — {name}").format(name=name))
        self.stack.setCurrentWidget(self.tabs)
        self.refresh_all()

    # -- refreshes --

    def refresh_all(self) -> None:
        self.refresh_dashboard(self.dashboard.filters())
        self._refresh_lists()

    def refresh_dashboard(self, filters: Filters) -> None:
        def job(holder: Holder, _: Progress) -> DashboardState:
            desk = holder.require()
            data = desk.data()
            fig = desk.figures(filters)
            return DashboardState(fig, data.periods(), desk.device_names(), data.settings())

        def show(state: DashboardState) -> None:
            self.dashboard.show_state(state)
            self.refreshed.emit()

        self.worker.submit(job, show, self._error)

    def _refresh_lists(self) -> None:
        def job(holder: Holder, _: Progress) -> tuple[Any, ...]:
            desk = holder.require()
            return (
                desk.devices(),
                desk.flags(),
                desk.device_names(),
                desk.directory(),
                desk.directory_serial,
            )

        def show(result: tuple[Any, ...]) -> None:
            devices, flags, names, entries, serial = result
            self.devices.show_devices(devices)
            self.importer.show_flags(flags, names)
            self.directory.show_entries(entries, serial)

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
            self.refresh_all()
            self.imported.emit(summary)

        def failed(message: str) -> None:
            self.importer.set_busy(False)
            self._error(message)

        self.worker.submit(job, done, failed, self.importer.on_progress)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.import_paths(paths)

    # -- devices --

    def _confirm(self, fingerprint: str, name: str) -> None:
        def job(holder: Holder, _: Progress) -> ImportSummary:
            return holder.require().confirm_device(fingerprint, name)

        def done(summary: ImportSummary) -> None:
            self.importer.show_summary(summary)
            self.statusBar().showMessage(
                self.tr("Device confirmed; {n} waiting bundle(s) imported.").format(
                    n=len(summary.results)
                ),
                10000,
            )
            self.refresh_all()
            self.imported.emit(summary)

        self.worker.submit(job, done, self._error)

    def _revoke(self, fingerprint: str) -> None:
        self.worker.submit(
            lambda holder, _: holder.require().revoke_device(fingerprint),
            lambda _: self.refresh_all(),
            self._error,
        )

    # -- directory --

    def _save_entry(self, resource: Resource) -> None:
        self.worker.submit(
            lambda holder, _: holder.require().save_directory_entry(resource),
            lambda _: self._refresh_lists(),
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

    # -- report --

    def _export_report(self, filters: Filters) -> None:
        period = filters.period
        if not period:
            period, ok = QInputDialog.getText(
                self, self.tr("Funder report"), self.tr("Period (a year like 2026 or 2026-Q1):")
            )
            if not ok or not period.strip():
                return
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the funder report"), f"funder-report-{period}.pdf", "PDF (*.pdf)"
        )
        if target:
            self.export_report(period.strip(), Path(target), filters)

    def export_report(self, period: str, target: Path, filters: Filters) -> None:
        """Write TARGET (PDF) and the same figures as TARGET with .csv."""

        def job(holder: Holder, _: Progress) -> Path:
            from coachdesk.rco.report import build_report, write_csv
            from coachdesk.reports.funder_pdf import write_funder_pdf

            desk = holder.require()
            fingerprint = next(
                (d.fingerprint for d in desk.devices() if d.device_id == filters.device_id), ""
            )
            report = build_report(desk, period, fingerprint, filters.setting)
            write_csv(report, target.with_suffix(".csv"))
            return write_funder_pdf(report, target)

        self.worker.submit(
            job,
            lambda path: self.statusBar().showMessage(
                self.tr("Report written: {p}").format(p=path), 15000
            ),
            self._error,
        )
