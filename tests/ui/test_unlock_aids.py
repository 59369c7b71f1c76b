"""The unlock screen helps a coach who keeps getting the passphrase wrong (issue 17): a
Show passphrase box, a Caps Lock warning, and the new-vault dialog's hint is not a red
refusal before anything is typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from coachdesk.ui.unlock import strength_hint
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.mnemonics import mnemonic_clashes

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def _type(edit: QLineEdit, text: str, modifiers: Qt.KeyboardModifier) -> None:
    key = Qt.Key(ord(text.upper())) if text.isalpha() else Qt.Key.Key_1
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
    QApplication.sendEvent(edit, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))


def test_show_passphrase_and_caps_lock_warning(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    window = make_window()
    page = window.unlock_page
    edit = page.passphrase
    assert edit.echoMode() == QLineEdit.EchoMode.Password and not page.caps_warning.isVisible()
    assert mnemonic_clashes(window) == []
    page.show_passphrase.click()
    assert edit.echoMode() == QLineEdit.EchoMode.Normal
    page.show_passphrase.click()
    assert edit.echoMode() == QLineEdit.EchoMode.Password
    edit.setFocus()
    _type(edit, "A", NONE)  # a capital without Shift: Caps Lock is on
    assert page.caps_warning.isVisible() and edit.text() == "A"
    _type(edit, "1", NONE)  # not a letter: no change
    assert page.caps_warning.isVisible()
    _type(edit, "b", SHIFT)  # a small letter with Shift: still on
    assert page.caps_warning.isVisible()
    _type(edit, "c", NONE)  # off again
    assert not page.caps_warning.isVisible()
    # Locking brings the page back hidden and without the warning.
    page.show_passphrase.setChecked(True)
    edit.clear()
    unlock(qtbot, window)
    window.lock("shortcut")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=5_000)
    assert not page.show_passphrase.isChecked() and edit.echoMode() == QLineEdit.EchoMode.Password


def test_spanish_unlock_aids(qtbot: QtBot, make_window: MakeWindow, coach_vault: Path) -> None:
    window = make_window("es")
    page = window.unlock_page
    assert page.show_passphrase.text() == "Mos&trar la frase"
    assert page.caps_warning.text().startswith("Parece que las mayúsculas")
    assert mnemonic_clashes(window) == []


def test_the_strength_hint_starts_as_a_hint_not_a_refusal() -> None:
    kind, text = strength_hint("")
    assert kind == "hint" and text.startswith("Use at least")
    assert strength_hint("short")[0] == "error"


def test_the_new_vault_dialog_shows_the_passphrases_and_warns_of_caps_lock(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    """First run: the window's New vault dialog has the unlock screen's aids, by keyboard."""
    window = make_window("es")
    window.create_vault()
    dialog = window.create_dialog
    assert dialog is not None
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    assert mnemonic_clashes(dialog) == []
    typed = (dialog.passphrase, dialog.repeat)
    assert {f.echoMode() for f in typed} == {QLineEdit.EchoMode.Password}
    dialog.name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    # Mos&trar las frases
    qtbot.keyClick(dialog.name, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: {f.echoMode() for f in typed} == {QLineEdit.EchoMode.Normal})
    warning = next(
        w for w in dialog.findChildren(QLabel) if w.text().startswith("Parece que las mayús")
    )
    dialog.passphrase.setFocus()
    _type(dialog.passphrase, "Z", NONE)
    assert warning.isVisible()
    _type(dialog.repeat, "z", NONE)
    assert not warning.isVisible()
    dialog.reject()
