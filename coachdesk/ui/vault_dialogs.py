"""Change the passphrase, and unlock with the recovery code, from the window.

Self-contained dialogs that run coachdesk.application.vault_ops (the same use cases as
`coachdesk vault passwd` and `coachdesk vault recover`) off the GUI thread: key derivation
takes about a second and must never freeze the window. The main window wires them in through
`add_vault_actions` (menu actions with the stable objectNames below, listed in
tests/unit/test_usecase_map.py) and the unlock screen through `recovery_button`.

No passphrase or recovery code is kept after the dialog closes: the fields are cleared, and
the window unlocks with the new passphrase typed on the unlock screen as always.
Threading: GUI thread; the jobs run on a QThreadPool thread (or the runner given).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.common import named
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._messages import error_text, window_language
from coachdesk.ui.menus import MenuRegistry
from coachdesk.ui.unlock import RECOVERY_UNLOCK_BUTTON as RECOVERY_UNLOCK_BUTTON  # issue 18
from coachdesk.ui.unlock import recovery_button as recovery_button
from coachdesk.ui.unlock_dialogs import PassphraseAids

CHANGE_PASSPHRASE_ACTION = "change_passphrase"
RECOVERY_UNLOCK_ACTION = "unlock_with_recovery_code"

if TYPE_CHECKING:  # the errors and their catalog load after the lock screen is painted
    from coachdesk.errors import CoachDeskError

Job = Callable[[], Any]
Done = Callable[[Any], None]
Failed = Callable[["CoachDeskError"], None]
Runner = Callable[[Job, Done, Failed], None]
VaultPath = Callable[[], Path | None]
_SECRET = "secret"  # the objectName of every field that holds a passphrase or code


def catalog_text(code: str, lang: str) -> str:
    from coachdesk.i18n.catalog import text

    return text(code, lang)


class _Bridge(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, job: Job, bridge: _Bridge) -> None:
        super().__init__()
        self.job, self.bridge = job, bridge

    def run(self) -> None:
        from coachdesk.errors import CoachDeskError

        try:
            result = self.job()
        except CoachDeskError as exc:
            self.bridge.failed.emit(exc)
        except Exception as exc:  # shown as one plain line, never a traceback
            self.bridge.failed.emit(CoachDeskError(code="cli.internal", kind=type(exc).__name__))
        else:
            self.bridge.done.emit(result)


_bridges: set[_Bridge] = set()


def thread_runner(job: Job, done: Done, failed: Failed) -> None:
    """Run `job` on a pool thread; `done`/`failed` run on the GUI thread (queued signals)."""
    bridge = _Bridge()
    _bridges.add(bridge)  # kept alive until the job reports

    def finish(callback: Callable[[Any], None], value: object) -> None:
        _bridges.discard(bridge)
        callback(value)

    bridge.done.connect(lambda value: finish(done, value))
    bridge.failed.connect(lambda exc: finish(failed, exc))
    QThreadPool.globalInstance().start(_Task(job, bridge))


def _secret_field(name: str) -> QLineEdit:
    field = named(QLineEdit(), name)
    field.setObjectName(_SECRET)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class _VaultDialog(QDialog):
    """What both dialogs share: a form, an inline message line, a busy state, OK/Close."""

    succeeded = Signal()

    def __init__(self, vault: Path, run: Runner | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.vault = vault
        self._run = run or thread_runner
        self.setMinimumWidth(520)
        self.layout_ = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.layout_.addWidget(self.intro)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        assert self.ok_button is not None
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)
        self.succeeded_text = ""

    def secrets(self) -> list[QLineEdit]:
        # By the name _secret_field gave them: a shown passphrase is still a secret.
        return [w for w in self.findChildren(QLineEdit) if w.objectName() == _SECRET]

    def say(self, message: str, *, error: bool) -> None:
        # QLabel#error / #hint are styled by app/style.py (the window's one palette)
        self.message.setObjectName("error" if error else "hint")
        style = self.message.style()
        style.unpolish(self.message)  # re-polish: the style sheet matches by object name
        style.polish(self.message)
        self.message.setText(message)
        self.message.show()

    def run_job(self, job: Job) -> None:
        self.ok_button.setEnabled(False)
        self.say(_tr("Working… (this takes a moment)"), error=False)
        self._run(job, self._done, self._failed)

    def _done(self, _result: object) -> None:
        for field in self.secrets():
            field.clear()
        self.say(self.succeeded_text, error=False)
        self.ok_button.hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if close is not None:
            close.setText(_tr("&Close"))
        self.succeeded.emit()

    def _failed(self, exc: CoachDeskError) -> None:
        self.ok_button.setEnabled(True)
        self.say(error_text(exc), error=True)

    def add_new_passphrase_rows(self) -> None:
        self.new = _secret_field(_tr("New passphrase"))
        self.again = _secret_field(_tr("New passphrase again"))
        self.form.addRow(_tr("&New passphrase:"), self.new)
        self.form.addRow(_tr("New passphrase &again:"), self.again)
        self.aids = PassphraseAids(self.form, self.secrets(), self)

    def job(self, new: str) -> Job:
        """The key work to run off the GUI thread, with the new passphrase typed twice."""
        raise NotImplementedError

    def submit(self) -> None:
        if self.new.text() != self.again.text():
            from coachdesk.errors import ValidationError

            self.say(error_text(ValidationError(code="vault.passwords_differ")), error=True)
            self.again.setFocus()
            return
        self.run_job(self.job(self.new.text()))

    def done(self, result: int) -> None:
        # QDialog.done: every way out (OK, Cancel, Esc, close) clears the secrets first.
        for field in self.secrets():
            field.clear()
        super().done(result)


class ChangePassphraseDialog(_VaultDialog):
    """Current passphrase, new passphrase twice -> vault_ops.change_passphrase."""

    def __init__(self, vault: Path, run: Runner | None = None, parent: QWidget | None = None):
        super().__init__(vault, run, parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change passphrase"))
        self.intro.setText(
            self.tr(
                "Only the key file changes: your records stay as they are, and your recovery "
                "code still works. Backups made before keep the old passphrase."
            )
        )
        self.current = _secret_field(self.tr("Current passphrase"))
        self.form.addRow(self.tr("&Current passphrase:"), self.current)
        self.add_new_passphrase_rows()
        self.ok_button.setText(self.tr("C&hange passphrase"))
        self.succeeded_text = catalog_text("vault.passphrase_changed", window_language())

    def job(self, new: str) -> Job:
        old, vault = self.current.text(), self.vault
        from coachdesk.application import vault_ops  # not for the unlock screen

        return lambda: vault_ops.change_passphrase(vault, old, new)


class RecoveryUnlockDialog(_VaultDialog):
    """Recovery code, new passphrase twice -> vault_ops.recover; then unlock as usual."""

    def __init__(self, vault: Path, run: Runner | None = None, parent: QWidget | None = None):
        super().__init__(vault, run, parent)
        self.setObjectName("recoveryUnlockDialog")
        self.setWindowTitle(self.tr("Unlock with the recovery code"))
        self.intro.setText(
            self.tr(
                "Forgot the passphrase? Type the recovery code you wrote down when the vault "
                "was made, and choose a new passphrase. Nothing in the vault is lost."
            )
        )
        self.code = _secret_field(self.tr("Recovery code"))
        self.code.setPlaceholderText("XXXX-XXXX-…")
        self.form.addRow(self.tr("&Recovery code:"), self.code)
        self.add_new_passphrase_rows()
        self.ok_button.setText(self.tr("&Set the new passphrase"))
        self.succeeded_text = catalog_text("vault.recovered", window_language())

    def job(self, new: str) -> Job:
        code, vault = self.code.text(), self.vault
        from coachdesk.application import vault_ops

        return lambda: vault_ops.recover(vault, code, new)


def _tr(text_: str) -> str:
    return QCoreApplication.translate("VaultDialogs", text_)


def change_passphrase(parent: QWidget, vault: VaultPath, run: Runner | None = None) -> None:
    path = vault()
    if path is not None:
        ChangePassphraseDialog(path, run, parent).open()


def unlock_with_recovery_code(
    parent: QWidget, vault: VaultPath, run: Runner | None = None
) -> RecoveryUnlockDialog | None:
    path = vault()
    if path is None:
        return None
    dialog = RecoveryUnlockDialog(path, run, parent)
    dialog.open()
    return dialog


def _vault_actions() -> list[tuple[str, Callable[[], str], Callable[..., object]]]:
    return [
        (CHANGE_PASSPHRASE_ACTION, lambda: _tr("Change &passphrase…"), change_passphrase),
        (
            RECOVERY_UNLOCK_ACTION,
            lambda: _tr("Unlock with the &recovery code…"),
            unlock_with_recovery_code,
        ),
    ]


def add_vault_actions(
    menu: QMenu, parent: QWidget, vault: VaultPath, run: Runner | None = None
) -> list[QAction]:
    """Add "Change passphrase…" and "Unlock with the recovery code…" to a plain `menu`;
    returns the actions (objectNames above)."""
    actions = []
    for name, label, slot in _vault_actions():
        action = QAction(label(), parent)
        action.setObjectName(name)
        action.triggered.connect(lambda _c=False, s=slot: s(parent, vault, run))
        menu.addAction(action)
        actions.append(action)
    return actions


def register_vault_actions(
    menus: MenuRegistry, menu: str, parent: QWidget, vault: VaultPath
) -> list[QAction]:
    """The same two actions through the window's menu registry (retranslated in place)."""
    actions = []
    for name, label, slot in _vault_actions():

        def run(chosen: Callable[..., object] = slot) -> object:
            return chosen(parent, vault)

        actions.append(menus.action(menu, name, label, run))
    return actions
