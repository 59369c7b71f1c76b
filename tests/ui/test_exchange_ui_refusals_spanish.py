"""The coach window words enrollment refusals and the outbox's last problems in its own
language (issue 16): a tampered enrollment file in the Enroll dialog, a refused bundle in the
Outbox dialog. Real vault, real folder. COACHDESK_SHOTS=folder saves what the dialogs show."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from coachdesk.i18n import catalog
from coachdesk.storage.vault import Vault
from coachdesk.ui.exchange import install
from tests.conftest import PASSPHRASE
from tests.sync_helpers import FAST
from tests.ui.conftest import MakeWindow, unlock
from tests.unit.test_exchange_refusals_spanish import _tampered_enrollment
from tests.unit.test_outbox_spanish import _refuse_one
from tests.unit.test_sync_spanish import english_left

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(120)


def _shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("COACHDESK_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("language", ["es", "en"])
def test_a_tampered_enrollment_file_is_refused_in_the_windows_language(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path, language: str
) -> None:
    window = make_window(language)
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    dialog = controller.open_enroll()
    dialog.resize(640, dialog.sizeHint().height())
    dialog.load(_tampered_enrollment(tmp_path))
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.error.text() == catalog.text("enroll.file.altered", language)
    assert not dialog.enroll_button.isEnabled()
    _shot(dialog, f"enroll-tampered-{language}")


def test_the_outbox_dialog_shows_the_last_problem_in_spanish(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        name, english = _refuse_one(vault, out)
    window = make_window("es")
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    dialog = controller.open_outbox()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    details = [dialog.table.item(i, 5).text() for i in range(2)]
    spanish = catalog.text("transport.folder.different_file", "es", name=name, path=str(out))
    assert spanish in details and english not in details
    assert not english_left(spanish)
    _shot(dialog, "outbox-es")
