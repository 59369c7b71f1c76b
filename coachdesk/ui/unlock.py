"""First run and unlock: choose this workstation's vault (or create one), type the passphrase.

The page only collects input and shows results; MainWindow asks the database worker to derive
the key, so the window stays responsive while Argon2id runs. Threading: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.resources import resource
from coachdesk.ui.plain import card, named, title_label

if TYPE_CHECKING:  # Qt classes the lock screen does not need: their first use costs (issue 18)
    from PySide6.QtGui import QKeyEvent

    from coachdesk.ui.unlock_dialogs import CreateVaultDialog, RecoveryCodeDialog
    from coachdesk.ui.vault_dialogs import Runner

__all__ = ["CreateVaultDialog", "RecoveryCodeDialog", "UnlockPage", "strength_hint"]


def __getattr__(name: str) -> Any:
    # The new-vault and recovery-code dialogs load when the window does, not with the page.
    if name in ("CreateVaultDialog", "RecoveryCodeDialog"):
        from coachdesk.ui import unlock_dialogs

        return getattr(unlock_dialogs, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The objectName of the unlock screen's recovery-code button (ui/vault_dialogs.py's dialog).
RECOVERY_UNLOCK_BUTTON = "unlock_with_recovery_code_button"


def recovery_button(
    parent: QWidget, vault: Callable[[], Path | None], run: Runner | None = None
) -> QPushButton:
    """A button for the unlock screen: "Forgot the passphrase? Use the recovery code…". Its
    dialog (ui/vault_dialogs.py, with the use cases behind it) loads at the click."""

    def _tr(text: str) -> str:
        return QCoreApplication.translate("VaultDialogs", text)

    def clicked() -> None:
        from coachdesk.ui.vault_dialogs import unlock_with_recovery_code

        unlock_with_recovery_code(parent, vault, run)

    button = named(
        QPushButton(_tr("Forgot the passphrase? Use the &recovery code…")),
        _tr("Unlock with the recovery code"),
    )
    button.setObjectName(RECOVERY_UNLOCK_BUTTON)
    button.clicked.connect(clicked)
    return button


class CapsLockWatch(QObject):
    """Tells whether Caps Lock seems on, from the letters typed into a field (Qt cannot read
    the key's state on every platform): a capital typed without Shift, or a small letter
    with Shift, means it is on. Signal changed(bool) on each letter. GUI thread only."""

    changed = Signal(bool)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Watch key presses; never eat one."""
        if event.type() == QEvent.Type.KeyPress:
            # A QKeyEvent (not imported: the class costs its first use before the first paint).
            key: QKeyEvent = event  # type: ignore[assignment]
            text = key.text()
            if len(text) == 1 and text.lower() != text.upper():  # a letter with a case
                from PySide6.QtCore import Qt  # at the first letter, not at the first paint

                shift = bool(key.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.changed.emit(text.isupper() != shift)
        return False


def min_passphrase_chars() -> int:
    from coachdesk.storage.vault import MIN_PASSPHRASE_CHARS  # not for the unlock screen

    return MIN_PASSPHRASE_CHARS


def strength_hint(passphrase: str) -> tuple[str, str]:
    """Length first: (object name for the style, hint). Long beats clever."""
    MIN_PASSPHRASE_CHARS = min_passphrase_chars()
    n = len(passphrase)
    words = len(passphrase.split())
    if n == 0:  # nothing typed yet: what to aim for, not a refusal in red (issue 17)
        return "hint", QCoreApplication.translate(
            "UnlockPage", "Use at least {n} characters: a few words are easy to remember."
        ).format(n=MIN_PASSPHRASE_CHARS)
    if n < MIN_PASSPHRASE_CHARS:
        return "error", QCoreApplication.translate(
            "UnlockPage", "Too short: use at least {n} characters."
        ).format(n=MIN_PASSPHRASE_CHARS)
    if n < 14 and words < 3:
        return "hint", QCoreApplication.translate(
            "UnlockPage", "Acceptable. Longer is stronger: try three or four words."
        )
    if n < 20 and words < 4:
        return "ok", QCoreApplication.translate(
            "UnlockPage", "Good. A few more words would make it very strong."
        )
    return "ok", QCoreApplication.translate("UnlockPage", "Strong: long and easy to remember.")


_CENTRED = "qproperty-alignment: AlignCenter;"


class UnlockPage(QWidget):
    unlock_requested = Signal(Path, str)
    create_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        box = card()
        box.setMinimumWidth(440)
        box.setMaximumWidth(520)
        form_layout = QVBoxLayout(box)
        form_layout.setContentsMargins(28, 24, 28, 24)
        form_layout.setSpacing(10)
        # No Qt.* enum on this page: the first use of PySide6's Qt namespace builds all of its
        # enums (tens of ms), the lock screen is painted before that (issue 18). The logo is
        # drawn at its size by the SVG icon engine; the labels are centred by a style property.
        logo = QLabel()
        logo.setPixmap(QIcon(str(resource("icons", "coachdesk.svg"))).pixmap(64, 64))
        logo.setStyleSheet(_CENTRED)
        form_layout.addWidget(logo)
        self.heading = title_label(self.tr("CoachDesk is locked"))
        self.heading.setStyleSheet(_CENTRED)
        self.heading.setWordWrap(True)  # the Spanish welcome is wider than the card
        form_layout.addWidget(self.heading)
        self.subtitle = QLabel(self.tr("Choose your vault and type your passphrase."))
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setStyleSheet(_CENTRED)
        self.subtitle.setWordWrap(True)
        form_layout.addWidget(self.subtitle)

        form = self._form = QFormLayout()
        self.vault_combo = named(QComboBox(), self.tr("Vault"), self.tr("Whose vault to open"))
        self.vault_label = QLabel(self.tr("&Vault:"))
        self.vault_label.setBuddy(self.vault_combo)
        form.addRow(self.vault_label, self.vault_combo)
        self.passphrase = named(QLineEdit(), self.tr("Passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.returnPressed.connect(self._unlock)
        pass_label = QLabel(self.tr("&Passphrase:"))
        pass_label.setBuddy(self.passphrase)
        form.addRow(pass_label, self.passphrase)
        # Locked out by a typo: see what was typed, and a word when Caps Lock is on (issue 17).
        self.show_passphrase = named(
            QCheckBox(self.tr("Sho&w passphrase")), self.tr("Show passphrase")
        )
        self.show_passphrase.toggled.connect(self._show_typed)
        form.addRow("", self.show_passphrase)
        form_layout.addLayout(form)
        self.caps_warning = QLabel(self.tr("Caps Lock seems to be on."))
        self.caps_warning.setObjectName("hint")
        self.caps_warning.setAccessibleName(self.tr("Caps Lock seems to be on."))
        self.caps_warning.hide()
        form_layout.addWidget(self.caps_warning)
        caps = CapsLockWatch(self)
        self.passphrase.installEventFilter(caps)
        caps.changed.connect(self.caps_warning.setVisible)

        self.message = QLabel("")
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Unlock message"))
        form_layout.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(self.tr("Unlocking"))
        self.progress.hide()
        form_layout.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.new_button = named(QPushButton(self.tr("&New vault…")), self.tr("New vault"))
        self.new_button.clicked.connect(self.create_requested)
        self.unlock_button = named(QPushButton(self.tr("&Unlock")), self.tr("Unlock"))
        self.unlock_button.setObjectName("primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        form_layout.addLayout(buttons)
        # Locked out: the recovery code sets a new passphrase (application.vault_ops.recover).
        self.recovery_button = recovery_button(self, self.selected_vault)
        self.recovery_button.setFlat(True)
        recovery_row = QHBoxLayout()  # at the left, its own width
        recovery_row.addWidget(self.recovery_button)
        recovery_row.addStretch(1)
        form_layout.addLayout(recovery_row)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.setTabOrder(self.vault_combo, self.passphrase)
        self.setTabOrder(self.passphrase, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.new_button)
        self.setTabOrder(self.new_button, self.recovery_button)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._tick)
        self._wait_left = 0

    def set_vaults(self, vaults: list[Path], current: str = "") -> None:
        self.vault_combo.clear()
        for vault in vaults:
            self.vault_combo.addItem(vault.name, vault)
        index = self.vault_combo.findText(current)
        if index >= 0:
            self.vault_combo.setCurrentIndex(index)
        empty = not vaults
        self.passphrase.setEnabled(not empty)
        self.unlock_button.setEnabled(not empty)
        # First run: an empty vault box, a passphrase with nothing to open and a recovery code
        # for no vault puzzle a new coach; New vault is all there is to do (issue 17).
        for row_widget in (self.vault_combo, self.passphrase, self.show_passphrase):
            self._form.setRowVisible(row_widget, not empty)
        self.unlock_button.setVisible(not empty)
        self.recovery_button.setVisible(not empty)
        if empty:
            self.heading.setText(self.tr("Welcome to CoachDesk"))
            self.subtitle.setText(
                self.tr("There is no vault on this workstation yet: create yours.")
            )
            self.new_button.setObjectName("primary")
            self.new_button.setDefault(True)
            self.unlock_button.setObjectName("")
            self.unlock_button.setDefault(False)
        else:
            self.new_button.setObjectName("")
            self.new_button.setDefault(False)
            self.unlock_button.setObjectName("primary")
            self.unlock_button.setDefault(True)
            self.heading.setText(self.tr("CoachDesk is locked"))
            self.subtitle.setText(self.tr("Choose your vault and type your passphrase."))
        if self.isVisible():  # else the first show styles them (and a polish called from
            for button in (self.new_button, self.unlock_button):  # Python builds Qt's enums)
                button.style().unpolish(button)
                button.style().polish(button)

    def selected_vault(self) -> Path | None:
        data = self.vault_combo.currentData()
        return data if isinstance(data, Path) else None

    def focus_passphrase(self) -> None:
        # First run: focus on New vault, so Enter (or Space) creates one.
        (self.passphrase if self.passphrase.isEnabled() else self.new_button).setFocus()
        self.passphrase.selectAll()

    def set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.unlock_button.setEnabled(not busy and self._wait_left <= 0)
        self.passphrase.setEnabled(not busy)
        self.vault_combo.setEnabled(not busy)
        if busy:
            self.message.setObjectName("hint")
            self.message.setText(self.tr("Opening the vault…"))
            self._restyle()

    def show_wrong_passphrase(self, wait_seconds: float) -> None:
        self.set_busy(False)
        if wait_seconds > 0:
            self.show_wait(wait_seconds)
        else:
            self._show(self.tr("That passphrase does not open this vault. Try again."))
        self.focus_passphrase()

    def show_wait(self, wait_seconds: float) -> None:
        self._wait_left = max(1, round(wait_seconds))
        self.unlock_button.setEnabled(False)
        self._tick_text()
        self._wait_timer.start()

    def show_message(self, text: str) -> None:
        self.set_busy(False)
        self._show(text)

    def clear(self) -> None:
        self.passphrase.clear()
        self.show_passphrase.setChecked(False)  # hidden again whenever the page comes back
        self.caps_warning.hide()
        self.message.clear()

    def _show_typed(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)

    def _show(self, text: str) -> None:
        self.message.setObjectName("error")
        self.message.setText(text)
        self._restyle()

    def _restyle(self) -> None:
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)

    def _tick_text(self) -> None:
        from coachdesk.ui.common import plural  # not at start: the lock screen stays light

        self._show(
            plural(
                self.tr(
                    "That passphrase does not open this vault. After several failed attempts "
                    "CoachDesk waits before trying again: {n, plural, one {# second} "
                    "other {# seconds}} left."
                ),
                self._wait_left,
            )
        )

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._wait_timer.stop()
            self.unlock_button.setEnabled(True)
            self._show(self.tr("You can try again now."))
        else:
            self._tick_text()

    def _unlock(self) -> None:
        vault = self.selected_vault()
        if vault is None or self._wait_left > 0 or not self.unlock_button.isEnabled():
            return
        if not self.passphrase.text():
            self._show(self.tr("Type your passphrase."))
            return
        self.unlock_requested.emit(vault, self.passphrase.text())
