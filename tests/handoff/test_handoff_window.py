"""The window's hand-off (issue 19): Client > Hand off… with roster picker, legal basis,
preview and send on one coach's window; Incoming hand-offs with Accept on the other's; real
vaults, the real MainWindow. With HANDOFF_SHOTS=<folder> the dialogs are saved as PNGs (run
under Xvfb at 1366x768 for the screenshots looked at)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings
from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.exchange.sync import sync_once
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage.vault import Vault
from coachdesk.ui.handoff import HandOffDialog, IncomingDialog
from tests.conftest import PASSPHRASE
from tests.handoff.world import make_world, sync
from tests.ui.conftest import MakeWindow, clock, make_window, settings, unlock  # noqa: F401
from tests.ui.mnemonics import mnemonic_clashes


def _shot(widget: object, name: str) -> None:
    folder = os.environ.get("HANDOFF_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "es"])
def test_hand_off_and_accept_in_the_window(
    qtbot: QtBot,
    make_window: MakeWindow,  # noqa: F811
    settings: Settings,  # noqa: F811
    tmp_path: Path,
    language: str,
) -> None:
    world = make_world(tmp_path / "world")
    for coach in (world.ada, world.ben):
        sync(coach, FolderTransport(world.stick))
    ada_vault, ben_vault = world.ada.vault.path, world.ben.vault.path
    client_id = Caseload(world.ada.vault).list_clients()[0].id
    assert client_id is not None
    world.close()

    settings.set(opts.VAULTS_DIR, str(ada_vault.parent))
    window = make_window(language)
    window.resize(1366, 768)
    unlock(qtbot, window)
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.workspace.client_id == client_id, timeout=10_000)
    action = window.menus.get_action("handoff")
    assert action is not None and window.menus.get_action("incoming_handoffs") is not None
    dialog = window.handoffs.hand_off()
    assert isinstance(dialog, HandOffDialog)
    qtbot.waitUntil(lambda: dialog.coach.count() == 1, timeout=10_000)
    dialog.within.setChecked(True)
    dialog.reason.setText(
        "Alta de urgencias; seguimiento en la comunidad"
        if language == "es"
        else "Discharged from the ED; community follow-up"
    )
    assert not dialog.send_button.isEnabled()  # the preview comes first
    dialog.preview_button.click()
    qtbot.waitUntil(dialog.send_button.isEnabled, timeout=10_000)
    text = dialog.preview.toPlainText()
    assert ("de sesión" if language == "es" else "session note") in text
    assert "2.12(c)(3)" in text
    _shot(dialog, f"handoff-send-{language}")
    assert mnemonic_clashes(dialog) == []
    client_menu = window.menus.get_menu("client")
    assert client_menu is not None
    assert mnemonic_clashes(client_menu, extra=tuple(a.text() for a in client_menu.actions())) == []
    with qtbot.waitSignal(dialog.finished, timeout=10_000):
        dialog.send_button.click()
    window.lock("test")
    qtbot.waitUntil(lambda: not window.db.is_open, timeout=10_000)
    window.close()

    with Vault.open(ada_vault, PASSPHRASE) as vault:  # Ada's sync (the command line's)
        sync_once(vault, FolderTransport(world.stick))

    settings.set(opts.VAULTS_DIR, str(ben_vault.parent))
    other = make_window(language)
    other.resize(1366, 768)
    unlock(qtbot, other)
    other.exchange.sync_to_folder(world.stick)  # the window's own Sync brings the hand-off
    qtbot.waitUntil(lambda: not other.exchange.syncing, timeout=20_000)
    report = other.exchange.last_report
    assert report is not None and any(m.code == "handoff.sync.received" for m in report.messages)
    incoming = other.handoffs.open_incoming()
    assert isinstance(incoming, IncomingDialog)
    qtbot.waitUntil(lambda: incoming.table.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(incoming.accept_button.isEnabled, timeout=10_000)
    assert incoming.table.item(0, 0).text() == "Arlo Venn"
    _shot(incoming, f"handoff-receive-{language}")
    assert mnemonic_clashes(incoming) == []
    incoming.accept_button.click()
    qtbot.waitUntil(lambda: not incoming.accept_button.isEnabled(), timeout=10_000)
    qtbot.waitUntil(
        lambda: (
            incoming.table.rowCount() == 1
            and incoming.table.item(0, 3).text() == ("aceptada" if language == "es" else "accepted")
        ),
        timeout=10_000,
    )
    _shot(incoming, f"handoff-accepted-{language}")
    _shot(other, f"handoff-window-{language}")
    other.lock("test")
    qtbot.waitUntil(lambda: not other.db.is_open, timeout=10_000)
    with Vault.open(ben_vault, PASSPHRASE) as vault:
        [item] = uc.incoming(Caseload(vault))
        assert item.state == "accepted" and item.client_id
