"""The window's background timer runs the hand-off round (issue 19): with the vault's WebDAV
inbox (the real test server, TLS on 127.0.0.1) and no click, a hand-off addressed to this
coach arrives, and after accepting, the acknowledgment leaves; Today then lists the first
contact. With HANDOFF_SHOTS=<folder> Today is saved as a PNG (en and es; 1366x768 under Xvfb
for the screenshots looked at)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings
from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.application.changes import Changes, Kind
from coachdesk.exchange import handoff as files
from coachdesk.exchange import sync as xsync
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import PAGE_TODAY
from tests.conftest import PASSPHRASE
from tests.handoff.world import make_world, sync
from tests.sync_helpers import FAST, dav_settings, dav_transport
from tests.ui.conftest import MakeWindow, clock, make_window, settings, unlock  # noqa: F401
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]


def _run(qtbot: QtBot, window: Any, job: Any) -> Any:
    box: list[Any] = []
    window.db.call(job, box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    assert not isinstance(box[0], Exception), box[0]
    return box[0]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_timer_fetches_a_handoff_and_sends_the_acknowledgment(
    qtbot: QtBot,
    make_window: MakeWindow,  # noqa: F811
    settings: Settings,  # noqa: F811
    tmp_path: Path,
    pki: Pki,
    language: str,
) -> None:
    world = make_world(tmp_path / "world")
    server = DavServer(tmp_path / "dav-root", pki)
    try:
        (server.root / "coachdesk-roster.json").write_bytes(
            (world.stick / "coachdesk-roster.json").read_bytes()
        )
        for coach in (world.ada, world.ben):
            sync(coach, dav_transport(server.url, pki))
        ada = Caseload(world.ada.vault)
        client_id = ada.list_clients()[0].id
        assert client_id is not None
        basis = uc.LegalBasis.within_program("ED discharge; community follow-up")
        sent = uc.send_handoff(ada, client_id, world.ben.fingerprint, basis)
        sync(world.ada, dav_transport(server.url, pki))  # into handoffs/<Ben>/ of the inbox
        xsync.save_webdav_settings(world.ben.vault, dav_settings(server.url, pki))
        ben_vault, ada_fp, ben_fp = (
            world.ben.vault.path,
            world.ada.fingerprint,
            world.ben.fingerprint,
        )
        world.close()

        settings.set(opts.VAULTS_DIR, str(ben_vault.parent))
        window = make_window(language)
        window.resize(1366, 768)
        controller = window.exchange
        controller.configure(policy=FAST)
        unlock(qtbot, window)
        controller.timer.setInterval(100)  # drive the real timer; no click from here on
        qtbot.waitUntil(
            lambda: (
                controller.last_handoff_round is not None
                and controller.last_handoff_round.received == 1
            ),
            timeout=30_000,
        )
        [waiting] = _run(qtbot, window, uc.incoming)
        assert (waiting.handoff_id, waiting.state) == (sent.handoff_id, "waiting")
        assert not list((server.root / files.FOLDER / ben_fp).glob("*.cdhandoff"))

        done: list[Any] = []
        window.db.write(
            lambda c: uc.accept_handoff(c, sent.handoff_id, now=datetime.now(UTC)),
            lambda r: Changes.of(Kind.CLIENT, Kind.AUDIT, client=r.client_id),
            done.append,
            done.append,
        )
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        acks = server.root / files.FOLDER / ada_fp
        qtbot.waitUntil(lambda: acks.is_dir() and any(acks.glob("*.cdack")), timeout=30_000)
        qtbot.waitUntil(lambda: controller.last_handoff_round.sent == 1, timeout=30_000)

        window.go(PAGE_TODAY)
        page = window.today_page
        qtbot.waitUntil(lambda: page.due.topLevelItemCount() > 0, timeout=10_000)
        group = page.due.topLevelItem(0)
        assert group is not None and group.childCount() == 1
        row = group.child(0)
        words = (
            ("Primer contacto (transferido por Arlo Venn)", "aceptada en la última hora")
            if language == "es"
            else ("First contact (handed off from Arlo Venn)", "accepted in the last hour")
        )
        assert (row.text(1), row.text(3)) == words
        page.due.setCurrentItem(row)
        assert page.done_button.isEnabled() and not page.later_button.isEnabled()
        folder = os.environ.get("HANDOFF_SHOTS")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(folder) / f"today-first-contact-{language}.png"))
        window.lock("test")
        qtbot.waitUntil(lambda: not window.db.is_open, timeout=10_000)
        with Vault.open(ben_vault, PASSPHRASE) as vault:
            states = vault.conn.execute("SELECT kind, state FROM handoff_outbox").fetchall()
        assert states == [("ack", "sent")]
    finally:
        server.stop()
