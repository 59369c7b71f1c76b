"""Change passphrase and unlock with the recovery code from the window (ui/vault_dialogs.py):
standalone dialogs on a real vault, the key work on a pool thread, checked by reopening the
vault; messages from the catalog in the window's language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QMainWindow
from pytestqt.qtbot import QtBot

from coachdesk.app import translations
from coachdesk.errors import WrongPassphraseError
from coachdesk.storage.vault import Vault
from coachdesk.ui import vault_dialogs
from tests.conftest import PASSPHRASE

NEW = "a new passphrase for the test"
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def spanish(qapp: object) -> Iterator[None]:
    translations.install("es")
    yield
    translations.install("en")


def _opens(path: Path, passphrase: str) -> bool:
    try:
        Vault.open(path, passphrase).close()
    except WrongPassphraseError:
        return False
    return True


def _settle(qtbot: QtBot, dialog: vault_dialogs._VaultDialog) -> None:
    qtbot.waitUntil(
        lambda: dialog.ok_button.isEnabled() or dialog.ok_button.isHidden(), timeout=30_000
    )


def test_change_passphrase(qtbot: QtBot, vault_path: Path) -> None:
    dialog = vault_dialogs.ChangePassphraseDialog(vault_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW)
    dialog.again.setText(NEW + " typo")
    dialog.ok_button.click()
    assert "do not match" in dialog.message.text()
    assert _opens(vault_path, PASSPHRASE)

    dialog.current.setText("not the passphrase")
    dialog.again.setText(NEW)
    dialog.ok_button.click()
    _settle(qtbot, dialog)
    assert "does not open" in dialog.message.text() and dialog.ok_button.isEnabled()

    dialog.current.setText(PASSPHRASE)
    dialog.ok_button.click()
    _settle(qtbot, dialog)
    assert "Passphrase changed" in dialog.message.text()
    assert all(field.text() == "" for field in dialog.secrets())
    assert _opens(vault_path, NEW) and not _opens(vault_path, PASSPHRASE)


def test_unlock_with_the_recovery_code(qtbot: QtBot, vault_path: Path, recovery_code: str) -> None:
    dialog = vault_dialogs.RecoveryUnlockDialog(vault_path)
    qtbot.addWidget(dialog)
    succeeded: list[bool] = []
    dialog.succeeded.connect(lambda: succeeded.append(True))
    dialog.show()
    dialog.code.setText("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    dialog.new.setText(NEW)
    dialog.again.setText(NEW)
    dialog.ok_button.click()
    _settle(qtbot, dialog)
    assert dialog.ok_button.isEnabled() and not succeeded
    assert _opens(vault_path, PASSPHRASE)

    dialog.code.setText(recovery_code.lower())  # typed as it comes: case does not matter
    dialog.ok_button.click()
    _settle(qtbot, dialog)
    assert succeeded and "Unlock with it" in dialog.message.text()
    assert _opens(vault_path, NEW)
    dialog.reject()


def test_the_actions_the_window_adds(qtbot: QtBot, vault_path: Path) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = window.menuBar().addMenu("&File")
    actions = vault_dialogs.add_vault_actions(menu, window, lambda: vault_path)
    names = [a.objectName() for a in actions]
    assert names == [vault_dialogs.CHANGE_PASSPHRASE_ACTION, vault_dialogs.RECOVERY_UNLOCK_ACTION]
    actions[0].trigger()
    opened = window.findChild(vault_dialogs.ChangePassphraseDialog)
    assert opened is not None and opened.isVisible()
    opened.reject()
    button = vault_dialogs.recovery_button(window, lambda: vault_path)
    button.click()
    assert window.findChild(vault_dialogs.RecoveryUnlockDialog) is not None


def test_in_spanish(qtbot: QtBot, vault_path: Path, spanish: None) -> None:
    dialog = vault_dialogs.ChangePassphraseDialog(vault_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Cambiar la frase de contraseña"
    dialog.new.setText(NEW)
    dialog.again.setText("otra")
    dialog.ok_button.click()
    assert dialog.message.text() == "Las dos entradas no coinciden."


@pytest.mark.parametrize("language", ["en", "es"])
def test_mnemonics_are_unique(qtbot: QtBot, vault_path: Path, language: str) -> None:
    translations.install(language)
    try:
        for cls in (vault_dialogs.ChangePassphraseDialog, vault_dialogs.RecoveryUnlockDialog):
            dialog = cls(vault_path)
            qtbot.addWidget(dialog)
            texts = [w.text() for w in dialog.findChildren(QLabel)]
            texts += [b.text() for b in dialog.findChildren(QAbstractButton)]
            letters = [m.lower() for t in texts for m in re.findall(r"&([^&\s])", t)]
            assert len(letters) == len(set(letters)) >= 4, (language, cls.__name__, letters)
    finally:
        translations.install("en")


@pytest.mark.parametrize("language", ["en", "es"])
def test_show_passphrases_and_caps_lock_in_both_dialogs(
    qtbot: QtBot, vault_path: Path, language: str
) -> None:
    """The unlock screen's aids in every dialog where a passphrase is typed (issue 17): the
    box shows and hides every secret of the dialog, the warning follows the letters typed,
    and a shown secret is still cleared when the dialog closes."""
    from tests.ui.test_unlock_aids import NONE, SHIFT, _type

    translations.install(language)
    try:
        for cls in (vault_dialogs.ChangePassphraseDialog, vault_dialogs.RecoveryUnlockDialog):
            dialog = cls(vault_path)
            qtbot.addWidget(dialog)
            with qtbot.waitActive(dialog):
                dialog.show()
                dialog.activateWindow()
            aids = dialog.aids
            assert len(dialog.secrets()) == 3 and aids.fields == dialog.secrets()
            assert (
                aids.show_box.text()
                == ("Sho&w passphrases", "Mos&trar las frases")[language == "es"]
            )
            assert not aids.caps_warning.isVisible()
            qtbot.keyClick(dialog, Qt.Key.Key_W if language == "en" else Qt.Key.Key_T, ALT)
            qtbot.waitUntil(aids.show_box.isChecked, timeout=2_000)  # an animated click
            assert {f.echoMode() for f in dialog.secrets()} == {QLineEdit.EchoMode.Normal}
            dialog.new.setFocus()
            _type(dialog.new, "Q", NONE)
            assert aids.caps_warning.isVisible()
            _type(dialog.again, "q", SHIFT)
            assert aids.caps_warning.isVisible()
            _type(dialog.again, "q", NONE)
            assert not aids.caps_warning.isVisible()
            aids.show_box.click()
            assert {f.echoMode() for f in dialog.secrets()} == {QLineEdit.EchoMode.Password}
            aids.show_box.click()
            dialog.reject()
            assert [f.text() for f in dialog.secrets()] == ["", "", ""]
    finally:
        translations.install("en")
