"""kill -9 in the middle of writing, hundreds of times: every acknowledged record survives and
the vault's checks stay clean. Also: -wal/-shm deleted after a crash."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.core.caseload import Caseload
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import DB_NAME, Vault
from tests.conftest import PASSPHRASE, REPO

KILLS = int(os.environ.get("COACHDESK_CRASH_KILLS", "200"))


def _start_writer(vault_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.fault.crash_writer", str(vault_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


def _run_and_kill(vault_path: Path, rng: random.Random) -> list[str]:
    """Start a writer, let it write for a random moment, kill -9, return what it acknowledged."""
    child = _start_writer(vault_path)
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


def _verify(vault_path: Path, acknowledged: list[str]) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.check().ok
        assert AuditLog(vault.conn, vault.audit_key).verify() is None
        conn = vault.conn
        notes = {r[0] for r in conn.execute("SELECT id FROM notes")}
        clients = {r[0] for r in conn.execute("SELECT id FROM clients")}
        plans = {(r[0], r[1]) for r in conn.execute("SELECT client_id, version FROM plans")}
        barc = {r[0] for r in conn.execute("SELECT id FROM barc10")}
        fts = conn.execute("SELECT count(*) FROM notes_fts WHERE notes_fts MATCH 'crash'")
        assert fts.fetchone()[0] == len(notes), "the search index matches the notes"
    for line in acknowledged:
        kind, *ids = line.split()
        if kind == "note":
            assert int(ids[0]) in notes, line
        elif kind == "client":
            assert int(ids[0]) in clients, line
        elif kind == "plan":
            assert (int(ids[0]), int(ids[1])) in plans, line
        elif kind == "barc10":
            assert int(ids[0]) in barc, line


@pytest.mark.slow
def test_kill_9_during_writes_loses_no_acknowledged_record(vault_path: Path) -> None:
    rng = random.Random(2026)
    acknowledged: list[str] = []
    for round_number in range(KILLS):
        acknowledged += _run_and_kill(vault_path, rng)
        if round_number % 50 == 49:
            _verify(vault_path, acknowledged)
    _verify(vault_path, acknowledged)
    assert len(acknowledged) > KILLS, "the writers did write between kills"
    print(f"\n{KILLS} kills, {len(acknowledged)} acknowledged records, all present")


def test_deleted_wal_and_shm_after_a_crash(vault_path: Path) -> None:
    rng = random.Random(1)
    acknowledged = _run_and_kill(vault_path, rng)
    acknowledged += _run_and_kill(vault_path, rng)
    for suffix in ("-wal", "-shm"):
        (vault_path / (DB_NAME + suffix)).unlink(missing_ok=True)
    # Commits still only in the deleted WAL are gone with it; the vault itself must open,
    # pass every check, and keep working.
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert vault.check().ok
        caseload = Caseload(vault)
        caseload.verify_audit()
        rows = caseload.list_clients(limit=10)
        if rows:
            caseload.open_client(rows[0].id)
    assert isinstance(acknowledged, list)


@pytest.mark.slow
def test_kill_9_during_demo_data_generation(vault_path: Path) -> None:
    """demo-data writes one transaction: after any kill the caseload is all there or absent."""
    rng = random.Random(9)
    env = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
    completed = 0
    for _ in range(12):
        child = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "coachdesk",
                "demo-data",
                str(vault_path),
                "--clients",
                "40",
                "--notes-per-client",
                "20",
                "--seed",
                str(rng.randint(0, 999)),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=REPO,
        )
        time.sleep(rng.uniform(0.3, 2.5))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
        child.communicate(timeout=60)
        completed += child.returncode == 0
        with Vault.open(vault_path, PASSPHRASE) as vault:
            assert vault.check().ok
            clients = vault.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
            assert clients == 40 * completed, "a killed generation left nothing behind"
            assert AuditLog(vault.conn, vault.audit_key).verify() is None
