"""kill -9 in the middle of accepting a hand-off leaves nothing half-imported (issue 19)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage import handoff_repo
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.handoff.world import NOW, deliver_handoff, make_world, sync


def test_kill_during_accept_leaves_nothing_half_imported(tmp_path: Path) -> None:
    world = make_world(tmp_path)
    for coach in (world.ada, world.ben):
        sync(coach, FolderTransport(world.stick))
    ada = Caseload(world.ada.vault)
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    handoff_id = deliver_handoff(world, client_id, NOW, "Community follow-up")
    ben_path = world.ben.vault.path
    clients_before = len(Caseload(world.ben.vault).list_clients())
    world.close()

    env = {**os.environ, "COACHDESK_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.handoff.accept_child", str(ben_path), handoff_id],
        stdout=subprocess.PIPE,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"inside"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)

    with Vault.open(ben_path, PASSPHRASE) as vault:
        assert vault.check().ok
        ben = Caseload(vault)
        assert len(ben.list_clients()) == clients_before  # no half-imported client
        [row] = handoff_repo.received(vault.conn)
        assert row.state == "waiting" and row.client_id is None
        assert handoff_repo.waiting(vault.conn) == []  # no acknowledgment queued
        assert not any(e.action == "handoff_in" for e in ben.audit.entries(limit=None))
        ben.verify_audit()
        # and the hand-off can still be accepted, once
        accepted = uc.accept_handoff(ben, handoff_id, now=NOW)
        assert len(ben.list_clients()) == clients_before + 1
        assert uc.accept_handoff(ben, handoff_id, now=NOW).already
        assert accepted.client_id
