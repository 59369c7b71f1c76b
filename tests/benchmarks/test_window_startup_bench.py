"""Window start-up and memory (issue 9): cold start to the unlock screen against a bare
PySide6 window, and peak RSS with the 2,000-client vault open, both in child processes."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coachdesk.storage.keyslots import PASSPHRASE as SLOT
from coachdesk.storage.keyslots import KeySlots
from coachdesk.storage.vault import SLOTS_NAME
from tests.benchmarks.bigvault import PASSPHRASE, big_vault
from tests.benchmarks.report import record
from tests.conftest import REPO


def _child(tmp: Path, *args: str) -> tuple[float, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "COACHDESK_HOME": str(tmp / "home"),
        "XDG_CONFIG_HOME": str(tmp / "config"),
    }
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.window_probe", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


@pytest.mark.benchmark
def test_cold_start_and_memory(tmp_path: Path) -> None:
    bare = [_child(tmp_path, "bare")[0] for _ in range(3)]
    app = [_child(tmp_path, "coachdesk")[0] for _ in range(3)]
    bare_ms, app_ms = statistics.median(bare) * 1000, statistics.median(app) * 1000

    vault, _ = big_vault()
    _, rss = _child(tmp_path, "rss", str(vault.parent), PASSPHRASE)
    rss_mib, resident_mib = (int(kib) / 1024 for kib in rss.split())
    kdf_mib = KeySlots.load(vault / SLOTS_NAME).slots[SLOT].params.memory_kib / 1024
    print(
        f"\ncold start to the unlock screen: {app_ms:.0f} ms (bare PySide6 window "
        f"{bare_ms:.0f} ms, ratio {app_ms / bare_ms:.2f})"
    )
    print(
        f"peak RSS, window with 2,000 clients open on a client: {rss_mib:.0f} MiB (of which "
        f"Argon2id's {kdf_mib:.0f} MiB at unlock, freed after it); resident after: "
        f"{resident_mib:.0f} MiB"
    )
    record(
        9,
        "cold start to unlock screen",
        app_ms,
        "ms",
        "-",
        app_ms / bare_ms,
        "bare PySide6 window, same run",
    )
    record(9, "peak RSS, window + 2,000-client vault", rss_mib, "MiB")
    record(9, "resident RSS after unlock, same window", resident_mib, "MiB")
    assert app_ms > 0 and rss_mib > 0
