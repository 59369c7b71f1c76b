"""kill -9 in the middle of writing, hundreds of times across every operation that writes
(tests/fault/crash_loop.py): every acknowledged record survives and every store's checks stay
clean. Also: -wal/-shm deleted after a crash."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, ContactMode, SessionNote, Setting
from coachdesk.storage.vault import DB_NAME, Vault
from tests.conftest import PASSPHRASE, REPO
from tests.fault.crash_loop import OPERATIONS, crash_loop

ROUNDS = int(os.environ.get("COACHDESK_CRASH_ROUNDS", "200"))


def _start_writer(vault_path: Path, *options: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fault.crash_writer", str(vault_path), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def _run_and_kill(vault_path: Path, rng: random.Random, *options: str) -> list[str]:
    """Start a writer, let it write for a random moment, kill -9, return what it acknowledged."""
    child = _start_writer(vault_path, *options)
    assert child.stdout is not None
    first = child.stdout.readline().strip()
    if first != "ready":
        child.kill()
        raise AssertionError(f"writer did not start: {first!r} {child.stderr.read()}")  # type: ignore[union-attr]
    time.sleep(rng.uniform(0.0, 0.25))
    os.kill(child.pid, signal.SIGKILL)
    out, _ = child.communicate(timeout=30)
    # A line cut by the kill was never acknowledged as a whole: drop it.
    return [line for line in out.split("\n")[:-1] if line]


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_kill_9_across_every_writing_operation_loses_nothing(tmp_path: Path) -> None:
    world = crash_loop(tmp_path, ROUNDS, seed=2026)
    tally = world.tally
    print(f"\n{world.report()}")
    # Every operation ran, and many runs were cut mid-run (a run that finished first, such as a
    # sync with nothing to send, still counts as a round: its promises were checked the same).
    assert all(tally.rounds[op] >= ROUNDS // 10 for op in OPERATIONS), tally.rounds
    assert sum(tally.killed.values()) >= ROUNDS // 4, tally.killed
    assert len(world.ledger.records) > tally.rounds["notes"], "the writers wrote between kills"


def test_deleted_wal_and_shm_after_a_crash(vault_path: Path) -> None:
    rng = random.Random(1)
    # No automatic checkpoint in the writers: the main file stays whole while the WAL holds
    # the commits (crash_writer.py says why a kill inside a checkpoint is another case).
    acknowledged = [
        line for _ in range(2) for line in _run_and_kill(vault_path, rng, "--no-autocheckpoint")
    ]
    assert acknowledged, "the writers wrote before they were killed"
    for suffix in ("-wal", "-shm"):
        (vault_path / (DB_NAME + suffix)).unlink(missing_ok=True)
    # Commits still only in the deleted WAL are gone with it; the vault itself must open,
    # pass every check, and keep working.
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.check().ok
        caseload = Caseload(vault)
        caseload.verify_audit()
        client_id = caseload.add_client(
            Client("After", "Crash", date(2026, 11, 1), Setting.COMMUNITY)
        )
        note = SessionNote(client_id, datetime.now(UTC), ContactMode.PHONE, "written after")
        note_id = caseload.add_note(note)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.check().ok
        assert [n.id for n in Caseload(vault).notes(client_id)] == [note_id]
