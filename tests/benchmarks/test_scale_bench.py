"""Fast at any caseload size (issue 18): the same figures at 2,000 and 20,000 clients.

Both vaults are made by `coachdesk demo-data` (50 notes a client, calibrated key derivation as
a coach's vault has) and cached in $COACHDESK_BENCH_CACHE (default /work/.bench-cache) under a
name that carries the schema version; delete them to rebuild (the 20,000 one takes minutes).
Each figure is measured on both in the same run and printed side by side with its growth
factor (20,000 / 2,000); the targets are in the table.

Run: .venv/bin/python -m pytest tests/benchmarks/test_scale_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from coachdesk.core.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export as ex
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.storage import migrate, repos
from coachdesk.storage.keyslots import PASSPHRASE as SLOT
from coachdesk.storage.keyslots import KeySlots
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, CheckState, Vault
from tests.benchmarks.report import record
from tests.benchmarks.test_vault_bench import NAME_QUERIES, NOTE_QUERIES

PASSPHRASE = "benchmark passphrase"
SIZES = (2000, 20000)
REPO = Path(__file__).resolve().parents[2]


def _cache() -> Path:
    folder = Path(os.environ.get("COACHDESK_BENCH_CACHE", "/work/.bench-cache"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _env() -> dict[str, str]:
    return {**os.environ, "COACHDESK_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(REPO)}


def _vault(clients: int) -> tuple[Path, float | None]:
    """The cached vault of `clients` clients, built by the real command when missing."""
    path = _cache() / f"scale-{clients}-s{migrate.SCHEMA_VERSION}"
    if (path / DB_NAME).exists():
        return path, None
    building = _cache() / "building" / path.name
    shutil.rmtree(building, ignore_errors=True)
    building.parent.mkdir(exist_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "coachdesk",
            "demo-data",
            str(building),
            "--clients",
            str(clients),
            "--seed",
            "11",
        ],
        env=_env(),
        check=True,
        capture_output=True,
    )
    os.replace(building, path)
    return path, time.perf_counter() - started


def _median(run: Callable[[], Any], rounds: int = 5) -> float:
    run()  # warm the page cache
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _per_query(run: Callable[[str], Any], queries: list[str], rounds: int = 3) -> float:
    for q in queries:
        run(q)
    samples = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            run(q)
            samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _measure(path: Path) -> dict[str, float]:
    """Every figure of the table for one vault, in ms."""
    out: dict[str, float] = {}
    params = KeySlots.load(path / SLOTS_NAME).slots[SLOT].params
    derive, unlock = [], []
    for _ in range(3):
        started = time.perf_counter()
        kdf.derive(kdf.normalize_passphrase(PASSPHRASE), params)
        derive.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        Vault.open(path, PASSPHRASE).close()
        unlock.append((time.perf_counter() - started) * 1000)
    out["unlock"] = statistics.median(unlock)
    out["  of which key derivation"] = statistics.median(derive)
    out["  open beyond key derivation"] = out["unlock"] - out["  of which key derivation"]

    cli = []
    command = [sys.executable, "-m", "coachdesk", "client", "list", str(path), "--search", "bra"]
    subprocess.run(command, env=_env(), check=True, capture_output=True)  # the daily check
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, env=_env(), check=True, capture_output=True)
        cli.append((time.perf_counter() - started) * 1000)
    out["CLI command (client list --search)"] = statistics.median(cli)

    with Vault.open(path, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        conn = vault.conn
        today = date.today()
        started = time.perf_counter()
        vault.verify()  # the full check, as it runs in the background after unlock
        out["full check (background, not in unlock)"] = (time.perf_counter() - started) * 1000
        assert vault.check_status.state == CheckState.PASSED
        out["Today page (counts + first 50 a kind)"] = _median(
            lambda: repos.today_page(conn, today, 50)
        )
        out["Today, every reminder"] = _median(caseload.reminders, rounds=3)
        out["  reminders listed"] = float(len(caseload.reminders()))
        out["name search (page of 200)"] = _per_query(
            lambda q: caseload.list_clients(q, limit=200), NAME_QUERIES
        )
        out["count clients"] = _median(caseload.count_clients, rounds=20)
        out["count clients matching a name"] = _per_query(caseload.count_clients, NAME_QUERIES)
        out["note search (50 hits)"] = _per_query(
            lambda q: caseload.search_notes(q, limit=50), NOTE_QUERIES
        )
        ids = [row.id for row in caseload.list_clients("", limit=200)]

        def open_client() -> None:
            for cid in ids[::20]:
                caseload.get_client(cid)
                caseload.notes(cid)
                caseload.barc10_series(cid)
                caseload.referrals(cid)
                caseload.plan(cid)

        out["open a client with notes"] = _median(open_client) / len(ids[::20])
    return out


def _sealed_export(path: Path, work: Path) -> float:
    """Seconds to seal the export of a copy of `path` (enrolled first), full check included."""
    copy = work / "export-vault"
    shutil.copytree(path, copy)
    rco = RcoIdentity.generate()
    out = work / "out"
    out.mkdir()
    with Vault.open(copy, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        ex.enroll(caseload, make_enrollment(rco, "Bench RCO"), rco.public.fingerprint)
        started = time.perf_counter()
        result = ex.export(caseload, out)
        seconds = time.perf_counter() - started
    assert result.records > 0
    return seconds


TARGETS = {
    "  open beyond key derivation": "+100 ms at most",
    "Today page (counts + first 50 a kind)": "< 50 ms",
    "name search (page of 200)": "< 5 ms",
}


@pytest.mark.benchmark
def test_scale_benchmark(tmp_path: Path) -> None:
    built = {n: _vault(n) for n in SIZES}
    figures = {n: _measure(built[n][0]) for n in SIZES}
    export_s = _sealed_export(built[20000][0], tmp_path)

    small, large = figures[2000], figures[20000]
    print()
    for n in SIZES:
        path, took = built[n]
        size = (path / DB_NAME).stat().st_size / 2**20
        made = f"built now in {took:.0f} s" if took else "cached"
        print(f"vault of {n} clients: {size:.0f} MB ({made})")
    print("\n| figure | 2,000 | 20,000 | growth | target |\n|---|---|---|---|---|")
    for name in small:
        unit = "" if name == "  reminders listed" else " ms"
        growth = large[name] / small[name] if small[name] else float("nan")
        target = TARGETS.get(name, "growth < 3" if not name.startswith("  ") else "")
        if name == "  open beyond key derivation":
            target = f"{TARGETS[name]} (here {large[name] - small[name]:+.0f} ms)"
        print(
            f"| {name} | {small[name]:.1f}{unit} | {large[name]:.1f}{unit} | "
            f"{growth:.2f}x | {target} |"
        )
        record(
            18,
            f"{name.strip()} at 20,000 clients",
            large[name],
            unit.strip() or "-",
            target,
            growth,
            "the same at 2,000 clients",
        )
    print(f"| export (sealed), 20,000 clients | | {export_s:.1f} s | | < 10 s |")
    record(18, "export (sealed) at 20,000 clients", export_s, "s", "< 10 s")
