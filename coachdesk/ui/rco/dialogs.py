"""The desk's dialogs: confirm a coach device by typing back its fingerprint, acknowledge a
flag, export the funder report, restore the store from a backup.

Pure views: they gather what the supervisor typed and check only what needs no store (the
use cases in application/rco_desk.py check again on the worker). A refusal is said inside the
dialog, which stays open with what was typed. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.application import rco_desk
from coachdesk.errors import CoachDeskError, ValidationError
from coachdesk.i18n.catalog import message_in
from coachdesk.rco.model import Device
from coachdesk.ui.forms._messages import error_text, window_language

_FINGERPRINT_STYLE = "font-family: monospace; font-size: 15pt; font-weight: 600; color: #0b2545;"


class _Dialog(QDialog):
    """A form, an inline message line, OK/Cancel; `refuse` keeps the dialog open."""

    def __init__(self, parent: QWidget | None, title: str, ok_text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(620)
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8a1020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        assert self.ok_button is not None
        self.ok_button.setDefault(True)
        self.ok_button.clicked.connect(self.submit)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.box.addLayout(self.form)
        self.box.addWidget(self.message)
        self.box.addWidget(self.buttons)

    def say(self, text: str) -> None:
        """The refusal inside the dialog; the dialog grows to show it whole."""
        self.message.setText(text)
        self.adjustSize()

    def refuse(self, error: BaseException, field: QWidget | None = None) -> None:
        self.say(error_text(error))
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def submit(self) -> None:
        self.accept()


def _path_row(field: QLineEdit, choose: QPushButton, chosen: Callable[[], None]) -> QHBoxLayout:
    """A path field with its "Choose…" button beside it."""
    choose.setAutoDefault(False)  # Enter means the dialog's own button, not a file chooser
    choose.clicked.connect(chosen)
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(choose)
    return row


def _label(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class ConfirmDeviceDialog(_Dialog):
    """The coach reads out the fingerprint their CoachDesk shows; the supervisor types back
    its last two groups. Only a match confirms; a mismatch is refused and changes nothing."""

    def __init__(self, device: Device, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Confirm coach device"), self.tr("&Confirm device"))
        self.setObjectName("confirmDeviceDialog")
        self.device = device
        intro = QLabel(
            self.tr(
                "Ask the coach to read out the RCO fingerprint of their device from their "
                "CoachDesk (in person or by phone, not by email). It must be this one:"
            )
        )
        intro.setWordWrap(True)
        self.box.addWidget(intro)
        shown = QLabel(device.fingerprint)
        shown.setStyleSheet(_FINGERPRINT_STYLE)
        shown.setWordWrap(True)
        self.box.addWidget(shown)
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("XXXX-XXXX")
        self.typed.setMaxLength(20)
        self.form.addRow(
            _label(self.tr("&Last two groups, as the coach reads them:"), self.typed), self.typed
        )
        self.name = QLineEdit(device.name)
        self.name.setPlaceholderText(self.tr("e.g. Ada Lopez, Eastside ED"))
        self.form.addRow(_label(self.tr("&Name (coach and site):"), self.name), self.name)
        self.finish_layout()
        self.typed.setFocus()

    def submit(self) -> None:
        typed = self.typed.text()
        if not typed.strip():
            self.refuse(
                ValidationError(code="rco.desk.type_fingerprint", groups=rco_desk.TYPED_GROUPS),
                self.typed,
            )
            return
        if not rco_desk.tail_matches(self.device.fingerprint, typed):
            self.refuse(
                ValidationError(code="rco.desk.fingerprint_mismatch", typed=typed.strip()),
                self.typed,
            )
            return
        self.accept()


class AcknowledgeFlagDialog(_Dialog):
    """A note on what the supervisor found about a flag (kept in the audit log)."""

    def __init__(self, view: rco_desk.FlagView, device: str, parent: QWidget | None = None):
        super().__init__(parent, self.tr("Acknowledge flag"), self.tr("&Acknowledge"))
        self.setObjectName("acknowledgeFlagDialog")
        self.view = view
        what = QLabel(
            self.tr("{when} · {device}\n{what}").format(
                when=view.flag.at[:16].replace("T", " "),
                device=device,
                what=message_in(view.flag.detail).text(window_language()),
            )
        )
        what.setWordWrap(True)
        self.box.addWidget(what)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("What you found, e.g. 'Coach restored the laptop from a backup on 3 May'.")
        )
        self.note.setFixedHeight(110)
        self.form.addRow(_label(self.tr("&Note:"), self.note), self.note)
        self.finish_layout()
        self.note.setFocus()

    def submit(self) -> None:
        if not self.note.toPlainText().strip():
            self.refuse(ValidationError(code="rco.desk.note_needed"), self.note)
            return
        if len(self.note.toPlainText().strip()) > rco_desk.NOTE_LIMIT:
            self.refuse(
                ValidationError(code="rco.desk.note_too_long", limit=rco_desk.NOTE_LIMIT),
                self.note,
            )
            return
        self.accept()


class ExportReportDialog(_Dialog):
    """Period, format (PDF, CSV or JSON) and where to save the funder report."""

    def __init__(
        self, periods: list[str], period: str, folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, self.tr("Export the funder report"), self.tr("&Export"))
        self.setObjectName("exportReportDialog")
        self.period = QComboBox()
        self.period.setEditable(True)
        self.period.addItems(periods)
        self.period.setCurrentText(period or (periods[0] if periods else ""))  # newest first
        self.period.setToolTip(self.tr("A year like 2026, a quarter like 2026-Q1, or FY2027"))
        self.form.addRow(_label(self.tr("&Period of service:"), self.period), self.period)
        formats = QVBoxLayout()  # one under the other: no label is squeezed in Spanish
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for fmt, text in (
            ("pdf", self.tr("P&DF for the funder")),
            ("csv", self.tr("C&SV for a spreadsheet")),
            ("json", self.tr("&JSON for other tools")),
        ):
            button = QRadioButton(text)
            self.format_group.addButton(button)
            self.format_buttons[fmt] = button
            formats.addWidget(button)
            button.toggled.connect(self._format_changed)
        self.form.addRow(self.tr("Format:"), formats)
        self.target = QLineEdit()
        self.form.addRow(
            _label(self.tr("Save &as:"), self.target),
            _path_row(self.target, QPushButton(self.tr("C&hoose…")), self._choose),
        )
        self.folder = folder
        self.finish_layout()
        self.format_buttons["pdf"].setChecked(True)

    def fmt(self) -> str:
        return next(f for f, b in self.format_buttons.items() if b.isChecked())

    def _format_changed(self) -> None:
        if not any(b.isChecked() for b in self.format_buttons.values()):
            return
        name = f"funder-report-{self.period.currentText().strip() or 'period'}.{self.fmt()}"
        current = Path(self.target.text()) if self.target.text().strip() else None
        if current is None:
            self.target.setText(str(self.folder / name))
        else:
            self.target.setText(str(current.with_suffix("." + self.fmt())))

    def _choose(self) -> None:
        filters = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "json": "JSON (*.json)"}
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the funder report"), self.target.text(), filters[self.fmt()]
        )
        if target:
            self.target.setText(target)

    def submit(self) -> None:
        if not self.period.currentText().strip():
            self.say(self.tr("Choose the period of service the report covers."))
            self.period.setFocus()
            return
        if not self.target.text().strip():
            self.say(self.tr("Choose where to save the report."))
            self.target.setFocus()
            return
        try:
            rco_desk.check_report_target(self.target.text().strip())
        except CoachDeskError as exc:
            self.refuse(exc, self.target)
            return
        self.accept()


class RestoreDialog(_Dialog):
    """A backup folder and the secret it opens with (its passphrase, or the recovery code)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Restore the store"), self.tr("Res&tore"))
        self.setObjectName("restoreDialog")
        intro = QLabel(
            self.tr(
                "The backup takes the place of the store; the current store is kept beside it "
                "(named .before-restore-…). The store locks first. A backup that does not open "
                "and pass every check is refused and nothing changes."
            )
        )
        intro.setWordWrap(True)
        self.box.addWidget(intro)
        self.backup = QLineEdit()
        self.form.addRow(
            _label(self.tr("&Backup (.cdbackup folder):"), self.backup),
            _path_row(self.backup, QPushButton(self.tr("C&hoose…")), self._choose),
        )
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(
            _label(self.tr("&Passphrase the backup was made with:"), self.secret), self.secret
        )
        self.use_code = QCheckBox(self.tr("I have the &recovery code instead"))
        self.form.addRow(self.use_code)  # the whole width: a long label in Spanish
        self.finish_layout()

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The backup folder"))
        if folder:
            self.backup.setText(folder)

    def submit(self) -> None:
        if not self.backup.text().strip():
            self.say(self.tr("Choose the backup folder (it ends in .cdbackup)."))
            self.backup.setFocus()
            return
        if not self.secret.text():
            self.say(self.tr("Type the passphrase or the recovery code."))
            self.secret.setFocus()
            return
        self.accept()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            self.secret.clear()
        super().done(result)
