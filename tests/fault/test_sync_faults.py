"""Sync under faults: a full disk, a read-only folder, and `coachdesk sync` killed with -9.

The disk tests mount a small tmpfs (tests/fault/mounts.py), which needs root (CI runs as
root); elsewhere they skip and say why.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO
from tests.fault.mounts import remount_read_only, tmpfs
from tests.sync_helpers import add_bundles, dav_settings
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "small", "64k") as folder:
        yield folder


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "ro", "64k") as folder:
        remount_read_only(folder)
        yield folder


def test_a_full_disk_is_a_clean_error_and_the_rest_waits(vault: Vault, small_disk: Path) -> None:
    first, second, third = add_bundles(vault, 3, size=40_000)
    report = sync.sync_once(vault, FolderTransport(small_disk))
    assert report.sent == [first.file_name] and not report.offline
    assert "not enough free space" in report.error and report.waiting == 2
    assert os.listdir(small_disk) == [first.file_name]  # no partial file, no temp file
    assert [i.state for i in outbox.items(vault.conn)] == [
        OutboxState.SENT,
        OutboxState.WAITING,
        OutboxState.WAITING,
    ]
    assert sync.sync_status(vault).state == sync.SyncState.FAILED
    (small_disk / first.file_name).unlink()  # the RCO took its file off the stick
    assert sync.sync_once(vault, FolderTransport(small_disk)).sent == [second.file_name]
    (small_disk / second.file_name).unlink()
    assert sync.sync_once(vault, FolderTransport(small_disk)).sent == [third.file_name]
    assert (small_disk / third.file_name).read_bytes() == third.sealed


def test_a_read_only_folder_is_a_clean_error(vault: Vault, read_only_disk: Path) -> None:
    add_bundles(vault, 2)
    report = sync.sync_once(vault, FolderTransport(read_only_disk))
    assert "may not write in the folder" in report.error and report.sent == []
    assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.WAITING] * 2
    assert os.listdir(read_only_disk) == []


def _sync_process(vault_path: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
    return subprocess.Popen(
        [sys.executable, "-m", "coachdesk", "sync", str(vault_path), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )


@pytest.mark.parametrize("hold", [("PUT", 2), ("MOVE", 3)])
def test_kill_9_mid_send_then_the_next_sync_delivers_each_bundle_exactly_once(
    vault_path: Path, dav: DavServer, pki: Pki, hold: tuple[str, int]
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        items = add_bundles(vault, 6, size=30_000)
        sync.save_webdav_settings(vault, dav_settings(dav.url, pki))
    dav.faults.hold = hold  # the server does the work, then waits before answering
    proc = _sync_process(vault_path)
    try:
        assert dav.faults.held.wait(timeout=60), "the sync never reached the held request"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    dav.faults.release.set()
    dav.faults.hold = None

    finals = {n for n in dav.files() if not n.startswith(".")}
    expected_before = 1 if hold[0] == "PUT" else 3
    assert len(finals) == expected_before
    with Vault.open(vault_path, PASSPHRASE) as vault:
        states = Counter(i.state for i in outbox.items(vault.conn))
    assert states[OutboxState.SENDING] == 1  # the one in flight when the process died

    env = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
    second = subprocess.run(
        [sys.executable, "-m", "coachdesk", "sync", str(vault_path), "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr
    files = dav.files()
    assert {n: files[n] for n in files if not n.startswith(".")} == {
        i.file_name: i.sealed for i in items
    }
    assert not any(n.startswith(".") for n in files)  # the interrupted temp was moved on
    moved = Counter(e.destination for e in dav.faults.log if e.method == "MOVE" and e.status == 201)
    assert sorted(moved.values()) == [1] * 6  # each bundle landed exactly once
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.SENT] * 6
        assert sync.sync_status(vault).state == sync.SyncState.UP_TO_DATE


def test_repeated_kill_9_during_folder_sync_loses_and_duplicates_nothing(
    vault_path: Path, tmp_path: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        items = add_bundles(vault, 40, size=150_000)
    stick = tmp_path / "stick"
    stick.mkdir()
    expected = {i.file_name: i.sealed for i in items}
    rng = random.Random(11)
    kills, landed, interrupted = 0, 0, 0

    def count() -> int:
        return sum(1 for n in os.listdir(stick) if not n.startswith("."))

    for _ in range(6):
        target = min(len(items), landed + rng.randint(1, 6))
        proc = _sync_process(vault_path, "--folder", str(stick))
        deadline = time.monotonic() + 60
        while proc.poll() is None and count() < target and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(rng.uniform(0, 0.02))  # somewhere inside the next write
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.communicate(timeout=60)
        for name in os.listdir(stick):
            if not name.startswith("."):
                assert (stick / name).read_bytes() == expected[name]  # never a partial file
        landed = count()
        interrupted += landed < len(items)  # the kill cut a sync that still had work
        assert landed >= target or proc.returncode == 0
    final = _sync_process(vault_path, "--folder", str(stick))
    _out, err = final.communicate(timeout=120)
    assert final.returncode == 0, err
    names = sorted(os.listdir(stick))
    assert names == sorted(expected)  # every bundle, once, and no temp files left
    assert all((stick / n).read_bytes() == expected[n] for n in names)
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.SENT] * 40
    # On a fast machine a sync may finish its last bundles before the kill lands; what matters
    # is that kills did cut syncs with work left, and nothing was lost or sent twice.
    assert kills >= 5 and interrupted >= 1
