"""Leak scan through the window (issue 9): canary client data shown, searched, half-edited and
locked away; afterwards no file outside the encrypted vault holds any canary (settings, data
and config folders, the temp folder), and nothing on screen still shows one."""

from __future__ import annotations

import secrets
import tempfile
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextEdit
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, RecoveryPlan, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock


def test_window_leaves_no_client_data_outside_the_vault(
    qtbot: QtBot,
    make_window: MakeWindow,
    coach_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    tag = secrets.token_hex(3)
    canaries = {k: f"Cnry{k}{tag}" for k in ("Given", "Family", "Preferred", "Vision", "Draft")}
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        cid = caseload.add_client(
            Client(
                canaries["Given"],
                canaries["Family"],
                date(2026, 3, 1),
                Setting.JAIL_PRISON,
                preferred_name=canaries["Preferred"],
            )
        )
        caseload.save_plan(RecoveryPlan(cid, canaries["Vision"]))

    window = make_window()
    unlock(qtbot, window)
    window.clients_page.search.setText(canaries["Family"][:8])
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=10_000)
    window.workspace.tabs.setCurrentIndex(
        TAB_KEYS.index("plan")
    )  # the plan: shown, then edited without saving
    qtbot.waitUntil(
        lambda: canaries["Vision"] in window.workspace.plan_editor.plan().vision, timeout=10_000
    )
    window.workspace.plan_editor.vision.setPlainText(canaries["Draft"])
    window.lock("test")
    qtbot.waitUntil(lambda: not window.db.is_open and not window.db.busy, timeout=10_000)

    # Nothing on screen still shows client data.
    visible = []
    for widget in (
        window.findChildren(QLabel)
        + window.findChildren(QLineEdit)
        + window.findChildren(QAbstractButton)
    ):
        visible.append(widget.text())
    visible += [w.toPlainText() for w in window.findChildren(QTextEdit)]
    shown = "\n".join(visible)
    assert not [c for c in canaries.values() if c in shown]

    # Nothing on disk outside the encrypted vault holds a canary (the draft went into the vault).
    hits = []
    for root in (tmp_path, temp, coach_vault.parent):
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                hits += [f"{path}: {c}" for c in canaries.values() if c.encode() in data]
    assert hits == [], hits
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        assert Caseload(vault).load_draft("plan", str(cid)) is not None, "the edit was kept"
