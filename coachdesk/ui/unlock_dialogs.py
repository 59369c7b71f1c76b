"""The unlock screen's dialogs: a new vault (coach name, passphrase twice, a length-first
strength hint) and the recovery code shown once; and the passphrase aids every dialog that
asks for a passphrase shares (ui/vault_dialogs.py too). Apart from ui/unlock.py so that they
load with the window, not before the lock screen's first paint (issue 18); ui.unlock names
them too.
Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app import paths
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.plain import named
from coachdesk.ui.unlock import CapsLockWatch, min_passphrase_chars, strength_hint

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument


class PassphraseAids(QObject):
    """A "Show passphrases" box and a Caps Lock warning for the passphrase fields of a form
    (issue 17: a coach locked out by a typo or by Caps Lock sees what was typed). The unlock
    screen's own pieces (ui/unlock.py: CapsLockWatch, the same words) are reused; the box and
    the warning go in the form's row after the last field. Unticked, the fields hide again."""

    def __init__(self, form: QFormLayout, fields: Sequence[QLineEdit], parent: QWidget) -> None:
        super().__init__(parent)
        self.fields = list(fields)
        self.show_box = named(
            QCheckBox(_aids_tr("Sho&w passphrases"), parent), _aids_tr("Show passphrases")
        )
        self.show_box.toggled.connect(self._show_typed)
        self.caps_warning = QLabel(_aids_tr("Caps Lock seems to be on."), parent)
        self.caps_warning.setObjectName("hint")
        self.caps_warning.setAccessibleName(self.caps_warning.text())
        self.caps_warning.setWordWrap(True)
        self.caps_warning.hide()
        watch = CapsLockWatch(self)
        for field in self.fields:
            field.installEventFilter(watch)
        watch.changed.connect(self.caps_warning.setVisible)
        row = _row_of(form, self.fields[-1])
        form.insertRow(row + 1, "", self.show_box)
        form.insertRow(row + 2, "", self.caps_warning)

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.setEchoMode(mode)


def _row_of(form: QFormLayout, widget: QWidget) -> int:
    """The form row that holds `widget`, -1 when none (PySide's stub types it as object)."""
    position = cast("tuple[int, object]", form.getWidgetPosition(widget))
    return position[0]


def _aids_tr(text_: str) -> str:
    return QCoreApplication.translate("VaultDialogs", text_)  # the words the .ts files hold


class CreateVaultDialog(QDialog):
    """Coach name, passphrase twice, with a length-first strength hint."""

    def __init__(self, vaults_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.vaults_dir = vaults_dir
        self.setWindowTitle(self.tr("New vault"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your vault keeps your clients' records encrypted on this workstation. "
                "Only your passphrase (or the recovery code shown next) opens it."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = named(QLineEdit(), self.tr("Your name"))
        self.passphrase = named(QLineEdit(), self.tr("New passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = named(QLineEdit(), self.tr("Repeat passphrase"))
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel("")
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(self.tr("Passphrase strength"))
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        for text, widget in (
            (self.tr("Your &name:"), self.name),
            (self.tr("&Passphrase:"), self.passphrase),
            (self.tr("&Repeat it:"), self.repeat),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        form.addRow("", self.hint)
        self.aids = PassphraseAids(form, [self.passphrase, self.repeat], self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Create vault"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._update_hint)
        self._update_hint("")

    def _update_hint(self, text: str) -> None:
        kind, hint = strength_hint(text)
        self.hint.setObjectName(kind)
        self.hint.setText(hint)
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)

    def target(self) -> Path:
        return self.vaults_dir / paths.folder_name_for(self.name.text())

    def _check(self) -> None:
        MIN_PASSPHRASE_CHARS = min_passphrase_chars()
        if not self.name.text().strip():
            self.error.setText(self.tr("Type your name (it names your vault)."))
            self.name.setFocus()
        elif len(self.passphrase.text()) < MIN_PASSPHRASE_CHARS:
            self.error.setText(
                self.tr("Choose a passphrase of at least {n} characters.").format(
                    n=MIN_PASSPHRASE_CHARS
                )
            )
            self.passphrase.setFocus()
        elif self.passphrase.text() != self.repeat.text():
            self.error.setText(self.tr("The two passphrases differ."))
            self.repeat.setFocus()
        elif self.target().exists():
            self.error.setText(self.tr("There is already a vault with that name here."))
            self.name.setFocus()
        else:
            self.accept()


class RecoveryCodeDialog(QDialog):
    """Shows the recovery code once; OK only after 'I have written it down'."""

    def __init__(self, code: str, coach: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not for the lock screen (see UnlockPage)

        super().__init__(parent)
        keep_words_whole(self)
        self.code = code
        self.coach = coach
        self.setWindowTitle(self.tr("Your recovery code"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "If you forget your passphrase, this code is the only way to open your vault. "
                "Write it down or print it now and keep it somewhere safe, away from this "
                "workstation. CoachDesk will not show it again."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.code_label = QLabel(code)
        self.code_label.setObjectName("title")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        layout.addWidget(self.code_label)
        self.print_button = named(QPushButton(self.tr("&Print…")), self.tr("Print recovery code"))
        self.print_button.clicked.connect(self.print_code)
        layout.addWidget(self.print_button, alignment=Qt.AlignmentFlag.AlignLeft)
        self.confirm = named(
            QCheckBox(self.tr("I have &written it down")), self.tr("I have written it down")
        )
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Continue"))
        self.ok.setEnabled(False)
        self.confirm.toggled.connect(self.ok.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)

    def reject(self) -> None:  # Esc must not skip the confirmation
        if self.confirm.isChecked():
            super().reject()

    def document(self) -> QTextDocument:
        from PySide6.QtCore import QDate, Qt
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(
            "<h2>{title}</h2><p>{who}</p><p style='font-size:18pt;font-family:monospace'>{code}"
            "</p><p>{date}</p><p>{keep}</p>".format(
                title=self.tr("CoachDesk recovery code"),
                who=self.tr("Vault of {name}").format(name=self.coach),
                code=self.code,
                date=QDate.currentDate().toString(Qt.DateFormat.ISODate),
                keep=self.tr(
                    "Keep this sheet somewhere safe. It opens the vault without the passphrase."
                ),
            )
        )
        return doc

    def print_code(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # not for the unlock screen

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)
