"""A day's import at statewide size, alone (issue 14): "a day's 500 bundles imported in
< 60 s" and "4 importers >= 1.6x the throughput of one on PostgreSQL", this tree's code
against a baseline revision's in the same run.

The stores are made once from each device's counter-3 bundle (500 devices x 400 clients,
200,000 episodes, as after the year of test_statewide_bench.py but in a fifth of its time);
the day is the 500 counter-4 bundles (every episode newer, every device's cells replaced),
imported into a fresh copy of a store for every figure: SQLite x1, PostgreSQL x1, PostgreSQL x4
(each importer its share of the devices) and x4 all (every importer fed all 500 files). Each
figure is measured by this tree's code and by the baseline's (`git archive` of
COACHDESK_IMPORT_BASELINE, default the commit before issue 14's import work), interleaved
(the order alternates by round), in importer processes started the same way, each with the
load average at its end. Both codes must leave the same episodes, cells and devices.

Run: python -m pytest tests/benchmarks/test_statewide_day_bench.py -m benchmark -s
Rounds: COACHDESK_DAY_ROUNDS (1).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections import Counter
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from coachdesk.rco.desk import RcoDesk
from tests.benchmarks.report import record
from tests.benchmarks.test_statewide_bench import (
    CLIENTS,
    DEVICES,
    _bundles,
    _clone,
)
from tests.conftest import PASSPHRASE
from tests.servers.postgres import NOW, PostgresServer, confirm_all, new_desk

ROOT = Path(__file__).resolve().parents[2]
BASELINE = os.environ.get("COACHDESK_IMPORT_BASELINE", "a9a760e")
ROUNDS = int(os.environ.get("COACHDESK_DAY_ROUNDS", "1"))
IMPORTERS = 4

# One importer process: opens the store, says so, waits for the word, imports its files,
# prints what it did. Run by either code: only RcoDesk.open and import_paths are used.
_IMPORTER = """
import json, sys, time
from datetime import datetime
from coachdesk.rco.desk import RcoDesk
store, passphrase, now, files = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
moment = datetime.fromisoformat(now)
with RcoDesk.open(store, passphrase, clock=lambda: moment) as desk:
    print("ready", flush=True)
    sys.stdin.readline()
    began, cpu = time.time(), time.process_time()
    summary = desk.import_paths(files)
    ended, cpu = time.time(), time.process_time() - cpu
rows = [[r.path, r.bundle_id, r.outcome.value, str(r.reason)] for r in summary.results]
print(json.dumps({"began": began, "ended": ended, "cpu": cpu, "rows": rows}), flush=True)
"""


def _code(rev: str, into: Path) -> Path:
    """The baseline's coachdesk package, as `git archive` gives it."""
    made = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "coachdesk"],
        check=True,
        capture_output=True,
    )
    into.mkdir(parents=True)
    with tarfile.open(fileobj=BytesIO(made.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into


def _server_cpu(server: PostgresServer | None) -> float:
    """CPU seconds of the PostgreSQL server: the postmaster's and its ended backends'."""
    if server is None:
        return 0.0
    pid = int((server.data / "postmaster.pid").read_text().split()[0])
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _day(
    code: Path,
    store: Path,
    files: list[Path],
    importers: int,
    split: bool,
    server: PostgresServer | None,
) -> dict[str, Any]:
    """`importers` processes running `code` on `store`, released together; each its share of
    the devices (`split`) or all the files, walking the devices from its own starting point."""
    server_cpu = _server_cpu(server)
    devices = sorted({p.name.split("-")[0] for p in files})
    env = {**os.environ, "PYTHONPATH": str(code)}
    procs = []
    for i in range(importers):
        start = i * len(devices) // importers
        order = {d: (n - start) % len(devices) for n, d in enumerate(devices)}
        mine = sorted(files, key=lambda p: (order[p.name.split("-")[0]], p.name))
        if split:
            mine = [p for p in mine if devices.index(p.name.split("-")[0]) % importers == i]
        args = [str(store), PASSPHRASE, NOW.isoformat(), *map(str, mine)]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", _IMPORTER, *args],
                cwd=code,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
        )
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    answers = []
    for proc in procs:
        assert proc.stdout is not None
        answers.append(json.loads(proc.stdout.readline()))
        assert proc.wait(timeout=600) == 0
    time.sleep(1)  # the importers' backends end and are reaped
    server_cpu = _server_cpu(server) - server_cpu
    rows = [row for a in answers for row in a["rows"]]
    done = Counter(b for _, b, outcome, _ in rows if outcome == "imported")
    assert len(done) == len(files) and set(done.values()) == {1}  # each exactly once
    assert {o for _, _, o, _ in rows} <= {"imported", "already_present"}, rows[:3]
    return {
        "seconds": max(a["ended"] for a in answers) - min(a["began"] for a in answers),
        "cpu": sum(a["cpu"] for a in answers),
        "server_cpu": server_cpu,
        "load": os.getloadavg(),
    }


def _held(store: Path) -> str:
    """A digest of what the figures are computed from: episodes, cells, device counters."""
    with RcoDesk.open(store, PASSPHRASE, clock=lambda: NOW) as desk:
        assert desk.backend.audit_broken_at() is None
        digest = hashlib.sha256()
        for e in desk.backend.list_episodes():
            row = [
                *(e.device_id, e.pseudonym, e.setting, e.age_band, e.gender, e.status),
                *(e.intake_year, e.pathways, e.sessions, e.attempts, e.group_sessions),
                sorted((k, v.made, v.linked) for k, v in e.referrals.items()),
                *(e.barc10, e.outcomes, e.counter, e.bundle_id, e.period_first, e.period_last),
            ]
            digest.update(json.dumps(row, sort_keys=True).encode())
        for c in desk.backend.list_period_cells():
            digest.update(json.dumps([c.device_id, c.period, c.setting, c.counts]).encode())
        for d in sorted(desk.devices(), key=lambda d: d.device_id):
            digest.update(json.dumps([d.device_id, d.bundles, d.last_counter]).encode())
        return digest.hexdigest()


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


@pytest.mark.benchmark
@pytest.mark.timeout(4 * 3600)
def test_day_import_against_baseline(tmp_path: Path, server: PostgresServer) -> None:
    files = _bundles()
    base_day = [p for p in files if "-c0003-" in p.name]
    day = [p for p in files if "-c0004-" in p.name]
    codes = {"baseline": _code(BASELINE, tmp_path / "baseline"), "this tree": ROOT}
    started = time.perf_counter()
    for kind, url in (("sqlite", ""), ("postgres", server.new_database())):
        with new_desk(tmp_path / "base", kind, url) as desk:
            desk.import_paths(base_day)  # new devices: held pending until confirmed
            confirm_all(desk)
            assert desk.backend.count_episodes() == DEVICES * CLIENTS
    print(f"\n(stores made from {len(base_day)} bundles in {time.perf_counter() - started:.0f} s)")

    runs = {  # name: (backend, importers, split)
        "SQLite x1": ("sqlite", 1, True),
        "PostgreSQL x1": ("postgres", 1, True),
        f"PostgreSQL x{IMPORTERS}": ("postgres", IMPORTERS, True),
        f"PostgreSQL x{IMPORTERS} all": ("postgres", IMPORTERS, False),
    }
    got: dict[tuple[str, str], list[dict[str, Any]]] = {}
    held: dict[tuple[str, str], set[str]] = {}
    copies = 0
    for round_ in range(ROUNDS):
        order = list(codes) if round_ % 2 == 0 else list(reversed(codes))
        for name, (kind, importers, split) in runs.items():
            for code in order:
                copies += 1
                if kind == "sqlite":
                    store = tmp_path / f"copy{copies}"
                    shutil.copytree(tmp_path / "base" / "sqlite", store)
                else:
                    store = _clone(
                        server,
                        tmp_path / "base" / "postgres",
                        tmp_path / f"copy{copies}",
                        f"copy{copies}",
                    )
                run = _day(
                    codes[code], store, day, importers, split, server if kind != "sqlite" else None
                )
                got.setdefault((name, code), []).append(run)
                held.setdefault((kind, code), set()).add(_held(store))
                load = "/".join(f"{x:.2f}" for x in run["load"])
                print(
                    f"  round {round_ + 1}, {name:24} {code:10} {run['seconds']:6.1f} s, "
                    f"CPU: importers {run['cpu']:6.1f} s, server {run['server_cpu']:5.1f} s; "
                    f"load {load}",
                    flush=True,
                )
    for kind in ("sqlite", "postgres"):  # the same store whichever code imported
        assert len(held[(kind, "baseline")] | held[(kind, "this tree")]) == 1

    best = {key: min(r["seconds"] for r in runs_) for key, runs_ in got.items()}
    print(
        f"\nA day's {len(day)} bundles ({DEVICES} devices x {CLIENTS} clients), best of {ROUNDS}:"
    )
    print(f"  {'':26}{'baseline':>10}{'this tree':>11}  speed-up")
    for name in runs:
        old, new = best[(name, "baseline")], best[(name, "this tree")]
        print(f"  {name:26}{old:8.1f} s{new:9.1f} s  {old / new:6.2f}x")
        record(
            14,
            f"a day's {len(day)} bundles, {name}",
            new,
            "s",
            "< 60 s",
            old / new,
            f"code at {BASELINE}, same run",
        )
    # CPU per bundle moves less with the machine's load than the seconds do.
    print(f"  CPU per bundle, importers + server (ms):{'':3}baseline  this tree")
    for name in runs:
        old, new = (
            min((r["cpu"] + r["server_cpu"]) * 1000 / len(day) for r in got[(name, code)])
            for code in codes
        )
        print(f"  {name:40}{old:8.1f}{new:11.1f}  {old / new:6.2f}x")
    for code in codes:
        one = best[("PostgreSQL x1", code)]
        for name in (f"PostgreSQL x{IMPORTERS}", f"PostgreSQL x{IMPORTERS} all"):
            ratio = one / best[(name, code)]
            print(f"  {code}: {name} throughput / x1 = {ratio:.2f}x (target >= 1.6x)")
        record(
            14,
            f"PostgreSQL x{IMPORTERS} throughput / x1, {code}",
            one / best[(f"PostgreSQL x{IMPORTERS}", code)],
            "x",
            ">= 1.6x",
        )
