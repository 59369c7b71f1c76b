"""Hostile and broken input at the RCO importer: a rejected file changes nothing; a bundle
claiming a registered device with another key is refused; oversized files are refused before
they are read; kill -9 during a long import leaves a consistent store."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.crypto.identity import DeviceIdentity, public_bytes
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import MAX_FILE_BYTES, ImportRejected, Outcome, open_sealed
from coachdesk.storage import rco_repos
from tests.conftest import PASSPHRASE, REPO
from tests.rco_support import new_coach, new_rco


def _state(desk: RcoDesk) -> str:
    """A digest of everything the import touches."""
    conn = desk.backend.store.conn  # type: ignore[attr-defined]
    parts = [
        repr(rco_repos.list_devices(conn)),
        repr(rco_repos.list_bundles(conn)),
        repr(rco_repos.list_flags(conn)),
        repr(rco_repos.list_episodes(conn)),
        repr(conn.execute("SELECT id, bundle_id FROM pending_bundles").fetchall()),
    ]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def test_rejections_change_nothing(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    (tmp_path / "a").mkdir()
    coach = new_coach(tmp_path / "a", desk.enrollment(), desk.fingerprint, 15, 1)
    desk.import_paths([coach.export()])
    desk.confirm_device(coach.fingerprint)
    data = coach.export().read_bytes()
    before = _state(desk)
    hostile = {
        "flip-header": data[:12] + bytes([data[12] ^ 1]) + data[13:],
        "flip-tail": data[:-1] + bytes([data[-1] ^ 0x80]),
        "truncated": data[:100],
        "empty": b"",
        "junk": b"CDBUNDLE" + os.urandom(500),
    }
    for name, blob in hostile.items():
        (tmp_path / f"{name}.cdbundle").write_bytes(blob)
    summary = desk.import_paths(sorted(tmp_path.glob("*.cdbundle")))
    assert [r.outcome for r in summary.results] == [Outcome.REJECTED] * len(hostile)
    assert all(r.reason for r in summary.results)
    assert _state(desk) == before

    # a bundle naming the registered device but signed by another key
    opened = open_sealed(data, desk.identity)
    impostor = DeviceIdentity(opened.device_id, DeviceIdentity.generate().signing)
    from coachdesk.exchange.bundle import seal_bundle

    payload = dict(opened.payload)
    payload["bundle_id"] = "ab" * 16
    payload["counter"] = 99
    payload["device_public_key"] = public_bytes(impostor.public_key).hex()
    forged = seal_bundle(payload, impostor, desk.identity.public)
    with pytest.raises(ImportRejected, match="not the registered key"):
        desk.import_bytes(forged, "forged")
    assert _state(desk) == before
    coach.close()
    desk.close()


def test_oversized_file_refused_before_reading(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    big = tmp_path / "huge.cdbundle"
    with big.open("wb") as f:  # sparse: nothing is really written or read
        f.truncate(MAX_FILE_BYTES + 1)
    started = time.perf_counter()
    summary = desk.import_paths([big])
    assert summary.results[0].outcome == Outcome.REJECTED
    assert "far larger" in summary.results[0].reason
    assert time.perf_counter() - started < 1
    missing = desk.import_paths([tmp_path / "gone.cdbundle"])
    assert missing.results[0].outcome == Outcome.REJECTED
    assert "cannot be read" in missing.results[0].reason
    desk.close()


_IMPORT = """
import sys
from coachdesk.rco.desk import RcoDesk
desk = RcoDesk.open(sys.argv[1], sys.argv[2])
print("ready", flush=True)
desk.import_paths([sys.argv[3]])
"""


def test_kill_during_import_leaves_a_consistent_store(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    folder = tmp_path / "inbox"
    folder.mkdir()
    coaches = []
    for i in range(3):
        (tmp_path / f"c{i}").mkdir()
        coach = new_coach(tmp_path / f"c{i}", desk.enrollment(), desk.fingerprint, 40, 5 + i)
        desk.import_paths([coach.export()])  # counter 1: makes the device known
        desk.confirm_device(coach.fingerprint)
        for _ in range(12):
            p = coach.export()
            p.rename(folder / f"{i}-{p.name}")
        coaches.append(coach)
    desk.close()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for attempt in range(4):
        store = tmp_path / f"copy{attempt}"
        shutil.copytree(tmp_path / "rco", store)
        proc = subprocess.Popen(
            [sys.executable, "-c", _IMPORT, str(store), PASSPHRASE, str(folder)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert proc.stdout is not None
        proc.stdout.readline()
        time.sleep(0.1 + 0.15 * attempt)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with RcoDesk.open(store, PASSPHRASE) as again:
            assert again.backend.store.check().ok  # type: ignore[attr-defined]
            bundles = again.bundles()
            # each bundle is all or nothing: the registry agrees with the bundles table
            assert len(bundles) == sum(d.bundles for d in again.devices())
            assert 3 <= len(bundles) <= 39
            # finishing the import afterwards gives the complete, unflagged store
            summary = again.import_paths([folder])
            assert summary.ok
            assert len(again.bundles()) == 39 and again.flags() == []
            assert len(again.episodes()) == 120
            assert {d.last_counter for d in again.devices()} == {13}
    for coach in coaches:
        coach.close()
