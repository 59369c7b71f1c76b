"""Settings actions: live language switch keeps the coach's place and drafts; backup now;
restore from a backup (the old vault kept aside); typed settings clamp bad values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock


def test_typed_settings_clamp_and_default(tmp_path: Path) -> None:
    s = Settings(tmp_path / "s.ini")
    assert s.get(opts.IDLE_MINUTES) == 5 and s.get(opts.LANGUAGE) == "en"
    s.set(opts.IDLE_MINUTES, 0)
    assert s.get(opts.IDLE_MINUTES) == 1
    s.set(opts.LANGUAGE, "fr")
    assert s.get(opts.LANGUAGE) == "en"
    text = (tmp_path / "s.ini").read_text()
    assert "idle_minutes=1" in text and "passphrase" not in text.lower()


def test_live_language_switch_keeps_client_tab_and_unsaved_edits(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        cid = Caseload(v).add_client(Client("Ilse", "Varga", date(2026, 3, 2), Setting.COMMUNITY))
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid, TAB_KEYS.index("plan"))
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    window.workspace.plan_editor.vision.setPlainText("Teach my daughter to ride a bike")
    window.apply_language("es")
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid and not window.db.busy, timeout=5_000)
    assert window.nav.item(0).text() == "Hoy"
    assert ws.tabs.currentIndex() == TAB_KEYS.index("plan")
    assert "ride a bike" in ws.plan_editor.vision.toPlainText()
    window.apply_language("en")
    qtbot.waitUntil(lambda: window.workspace.client_id == cid and not window.db.busy, timeout=5_000)
    assert window.nav.item(0).text() == "Today"


def test_backup_now_and_restore(
    qtbot: QtBot,
    make_window: MakeWindow,
    coach_vault: Path,
    tmp_path: Path,
    monkeypatch: object,
) -> None:
    window = make_window()
    unlock(qtbot, window)
    usb = tmp_path / "usb"
    usb.mkdir()
    window.backup(usb)
    qtbot.waitUntil(lambda: any(usb.glob("*.cdbackup")), timeout=10_000)
    backup = next(usb.glob("*.cdbackup"))
    # A client added after the backup is gone once the backup is restored.
    window.db.call(
        lambda c: c.add_client(Client("Later", "Added", date(2026, 4, 1), Setting.COMMUNITY))
    )
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    window.restore(backup)
    qtbot.waitUntil(lambda: "restored" in window.unlock_page.message.text(), timeout=10_000)
    assert window.stack.currentWidget() is window.unlock_page
    kept = list(coach_vault.parent.glob("river-coach.before-restore-*"))
    assert len(kept) == 1
    unlock(qtbot, window)
    model = window.clients_page.model
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    assert model.total == 0
