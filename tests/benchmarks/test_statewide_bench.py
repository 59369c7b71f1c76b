"""The statewide benchmark (issue 14): an RCO desk on PostgreSQL at the size of a state's
network - 500 coach devices x 400 clients (200,000 episodes), a year of quarterly bundles
(2,000) - against the SQLite desk at the same size, measured in the same run.

Bundles are generated payloads signed and sealed with generated device keys, as the fuzzer does
(tests/servers/postgres.py `make_bundles`), cached under /work/.bench-cache (outside the repo).
A real PostgreSQL server is started by the benchmark (fsync off on both sides: see below).

  1. the year: counters 1-3 of every device (1,500 bundles; counter 1 waits as pending until the
     device is confirmed, as on enrollment day) into SQLite and into PostgreSQL, one importer each;
  2. a day: counter 4 of every device (500 bundles) into SQLite with one importer, into
     PostgreSQL with one importer, and into a copy of that PostgreSQL store with 4 importer
     processes fed the same 500 files at once - each bundle imported exactly once, the figures
     equal to one importer's and to SQLite's;
  3. the dashboard in fresh desk processes on each store: a baseline that computes the
     period's family in the desk's own process (not kept), then the import's last step
     (fetching every cell, the family computed in Python for growing numbers of devices, the
     figures prepared: the suppression pattern computed and kept in the store), then the
     supervisor's desk after the import, which finds the pattern stored: the first refresh
     cold (just unlocked) and warm, one coach, and each process's peak RSS (its child's too);
     ratios against the figures prepared in the same run.

`test_statewide_dashboard` measures step 3 alone in minutes (each device's latest bundle, 500,
into a SQLite and a PostgreSQL store).

Sizes: COACHDESK_STATEWIDE_DEVICES (500), COACHDESK_STATEWIDE_CLIENTS (400).
Run: python -m pytest tests/benchmarks/test_statewide_bench.py -m benchmark -s
"""

from __future__ import annotations

import functools
import json
import multiprocessing
import os
import queue
import resource
import shutil
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from coachdesk.rco import family_child, metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.rco.metrics import Filters
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE
from tests.servers.postgres import NOW, PostgresServer, confirm_all, make_bundles, new_desk, race

DEVICES = int(os.environ.get("COACHDESK_STATEWIDE_DEVICES", "500"))
CLIENTS = int(os.environ.get("COACHDESK_STATEWIDE_CLIENTS", "400"))
QUARTERS = 4  # a year of quarterly exports per device
IMPORTERS = 4
DASHBOARD_LIMIT = float(os.environ.get("COACHDESK_STATEWIDE_DASHBOARD_LIMIT", "900"))
CACHE = Path(os.environ.get("COACHDESK_BENCH_CACHE", "/work/.bench-cache")) / (
    f"statewide-{DEVICES}x{CLIENTS}x{QUARTERS}"
)


def _bundles() -> list[Path]:
    if not CACHE.is_dir():
        work = CACHE.with_name(CACHE.name + ".part")
        shutil.rmtree(work, ignore_errors=True)
        started = time.perf_counter()
        make_bundles(work, DEVICES, QUARTERS, clients=CLIENTS)
        work.rename(CACHE)
        print(
            f"\n(generated {DEVICES * QUARTERS} bundles in {time.perf_counter() - started:.0f} s)"
        )
    files = sorted(CACHE.glob("*.cdbundle"))
    assert len(files) == DEVICES * QUARTERS
    return files


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


def _timed(action: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    action()
    return time.perf_counter() - t0


def _year(desk: RcoDesk, files: list[Path]) -> None:
    """Counter 1 (pending until confirmed, as on enrollment day), then counters 2 and 3."""
    desk.import_paths([p for p in files if "-c0001-" in p.name])
    confirm_all(desk)
    summary = desk.import_paths([p for p in files if "-c0002-" in p.name or "-c0003-" in p.name])
    assert summary.count(Outcome.IMPORTED) == 2 * DEVICES


def _clone(server: PostgresServer, keys: Path, to: Path, name: str) -> Path:
    """A second store at the same state: the database copied by PostgreSQL (TEMPLATE), the key
    folder copied and pointed at it."""
    with psycopg.connect(server.admin_url, autocommit=True) as conn:
        source = json.loads((keys / "postgres.json").read_text())["url"].rsplit("/", 1)[1]
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {source}")
    shutil.copytree(keys, to)
    locator = json.loads((to / "postgres.json").read_text())
    locator["url"] = locator["url"].rsplit("/", 1)[0] + f"/{name}"
    (to / "postgres.json").write_text(json.dumps(locator))
    return to


def _subset(data: metrics.DeskData, cells: list[Any], devices: int) -> metrics.DeskData:
    """The cells of the first `devices` devices only, nothing computed or stored."""
    keep = set(sorted(data.coverage)[:devices])
    return metrics.DeskData(
        [c for c in cells if c.device_id in keep],
        {k: v for k, v in data.coverage.items() if k in keep},
        [],
        data.fiscal_year_start,
    )


def _dashboard_child(store: str, phase: str, scaling: bool, out: Any) -> None:
    """A fresh desk process, as after unlock. Each figure is sent as soon as it is measured, so
    a refresh that never ends still leaves the others.

    phase "first" (the import's last step): fetching the cells from the store, (if `scaling`)
    the family computed in Python for growing numbers of devices, then the figures prepared
    as the import prepares them (the period's family computed, its pattern kept in the store).
    phase "stored" (the supervisor's desk after the import): the first refresh cold (just
    unlocked: the cells fetched, the stored pattern read), warm, and one coach's; then the
    peak RSS of the process.
    phase "coach": one coach's refresh cold, in a desk just unlocked."""
    if phase == "inprocess":  # the baseline: the family computed in the desk's own process
        family_child.CHILD_FROM_ATOMS = 10**9
    with RcoDesk.open(store, PASSPHRASE, clock=lambda: NOW) as desk:
        if phase == "inprocess":
            desk.data().patterns = None  # not kept: the next desk computes it again
            out.put(("inprocess", _timed(lambda: desk.figures(Filters())), 0))
        elif phase == "first":
            fetch = statistics.median(_timed(desk.backend.list_period_cells) for _ in range(3))
            cells = desk.backend.list_period_cells()
            data, names, devices = desk.data(), desk.device_names(), desk.devices()
            out.put(("fetch", fetch, len(cells)))
            small = desk.policy.small_cell
            for n in (25, 50, 100, 200) if scaling else ():
                if n < len(data.coverage):
                    work = functools.partial(
                        metrics.compute, _subset(data, cells, n), Filters(), small, names, devices
                    )
                    took = _timed(work)
                    out.put(("compute", n, took))
                    if took > DASHBOARD_LIMIT / 8:  # it only grows from here
                        break
            desk._data = None  # as after the import (which forgets what it had read)
            told: list[float] = []
            t0 = time.perf_counter()
            # What `rco import`, `rco fetch` and the desk's import do last when data was added
            # (RcoDesk.prepare_figures): the family computed and its pattern kept in the store.
            desk.prepare_figures(lambda done, total: told.append(time.perf_counter()))
            out.put(("first", time.perf_counter() - t0, 0))
            fig = desk.figures(Filters())
            # how long the desk waits between two progress reports (its window says how far)
            gaps = [b - a for a, b in zip([t0, *told], [*told, time.perf_counter()], strict=True)]
            out.put(("progress", len(told), max(gaps)))
            out.put(("first_people", fig.values.get("people"), 0))
        elif phase == "coach":  # one coach's refresh, cold (just unlocked, pattern stored)
            one = next(iter(desk.device_names()))
            out.put(("coach_cold", _timed(lambda: desk.figures(Filters(device_id=one))), 0))
        else:
            out.put(("cold", _timed(lambda: desk.figures(Filters())), 0))
            warm = statistics.median(_timed(lambda: desk.figures(Filters())) for _ in "123")
            out.put(("warm", warm, 0))
            one = next(iter(desk.device_names()))
            out.put(("coach", _timed(lambda: desk.figures(Filters(device_id=one))), 0))
        out.put(("people", desk.figures(Filters()).values.get("people"), 0))
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    out.put((f"rss_child_{phase}", children, 0))
    out.put((f"rss_{phase}", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0))


def _dashboard(store: Path, scaling: bool = False) -> dict[str, Any]:
    """What the two desk processes measured, each within DASHBOARD_LIMIT seconds (stopped
    then): the first after the import, then one that finds the pattern stored."""
    ctx = multiprocessing.get_context("spawn")
    got: dict[str, Any] = {"compute": {}}
    for phase in ("inprocess", "first", "stored", "coach"):
        out = ctx.Queue()
        child = ctx.Process(target=_dashboard_child, args=(str(store), phase, scaling, out))
        child.start()
        deadline = time.monotonic() + DASHBOARD_LIMIT
        while f"rss_{phase}" not in got:
            try:
                key, value, extra = out.get(timeout=max(1.0, deadline - time.monotonic()))
            except queue.Empty:
                child.terminate()
                break
            if key == "compute":
                got["compute"][value] = extra
            elif key == "progress":
                got["progress"], got["progress_gap"] = value, extra
            else:
                got[key] = value
                if key == "fetch":
                    got["cells"] = extra
        child.join(timeout=60)
    return got


def _print_dashboard(dash: dict[str, dict[str, Any]], backends: tuple[str, ...]) -> None:
    """The dashboard's figures per backend, as ratios against the figures prepared by the
    import (which computes the family: what the first refresh waited for before the import
    prepared it) measured in the same run."""
    load = "/".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"dashboard, fresh desk processes (each stopped after {DASHBOARD_LIMIT:.0f} s; "
        f"load average {load}):\n  " + " " * 44 + "".join(f"{b:>12}" for b in backends)
    )
    for key, label in (
        ("fetch", "fetch every period's cells from the store"),
        ("inprocess", "first refresh, family in the desk's process"),
        ("first", "figures prepared by the import (computes)"),
        ("cold", "first refresh after the import, cold"),
        ("warm", "refresh, all coaches, warm"),
        ("coach_cold", "refresh, one coach, cold (pattern stored)"),
        ("coach", "refresh, one coach, warm"),
    ):
        shown = [dash[b].get(key) for b in backends]
        row = "".join(f"{v * 1000:9.1f} ms" if v is not None else "    not done" for v in shown)
        print(f"  {label:44}{row}")
    for b in backends:
        d = dash[b]
        for n, took in sorted(d["compute"].items()):
            print(f"  {b}: compute + suppress in Python, {n:4} devices: {took * 1000:10.0f} ms")
        first = d.get("first")
        for key in ("cold", "warm", "coach_cold", "coach"):
            if first and d.get(key) is not None:
                print(f"  {b}: {key} / figures prepared = {d[key] / first:.4f}")
                record(
                    14,
                    f"dashboard refresh {key}, {b}",
                    d[key] * 1000,
                    "ms",
                    "< 300 ms",
                    d[key] / first,
                    "the figures prepared by the import (computes the family), same run",
                )
        base = d.get("inprocess")
        if first and base:
            print(
                f"  {b}: figures prepared, family in a child / in the desk's process = "
                f"{first / base:.3f}"
            )
        if "progress" in d:
            print(
                f"  {b}: figures prepared: {d['progress']} progress reports, longest wait "
                f"between two {d['progress_gap']:.1f} s"
            )
        for phase in ("inprocess", "first", "stored", "coach"):
            if f"rss_{phase}" in d:
                print(
                    f"  {b}: peak RSS of the desk process ({phase}): {d[f'rss_{phase}']:.0f} MB"
                    f", of its child processes {d.get(f'rss_child_{phase}', 0):.0f} MB"
                )
        if "rss_inprocess" in d and "rss_first" in d:
            print(
                f"  {b}: desk RSS, figures prepared, child / in-process = "
                f"{d['rss_first'] / d['rss_inprocess']:.3f}"
            )
            record(
                14,
                f"desk RSS, figures prepared after an import, {b}",
                d["rss_first"],
                "MB",
                "< 500 MB",
                d["rss_first"] / d["rss_inprocess"],
                "the desk computing the family in its own process, same run",
            )
        if "rss_first" in d and "rss_stored" in d:
            record(
                14,
                f"desk RSS, pattern stored, {b}",
                d["rss_stored"],
                "MB",
                "< 500 MB",
                d["rss_stored"] / d["rss_first"],
                "the desk process that computed the family",
            )


@pytest.mark.benchmark
@pytest.mark.timeout(3600)
def test_statewide_dashboard(tmp_path: Path, server: PostgresServer) -> None:
    """The dashboard alone at statewide size, in minutes: each device's latest bundle (500,
    all of its periods) into a SQLite and a PostgreSQL store, then the two desk processes."""
    latest = [p for p in _bundles() if f"-c{QUARTERS:04d}-" in p.name]
    dash: dict[str, dict[str, Any]] = {}
    for kind, url in (("sqlite", ""), ("postgres", server.new_database())):
        with new_desk(tmp_path, kind, url) as desk:
            desk.import_paths(latest)
            confirm_all(desk)
            assert desk.backend.count_episodes() == DEVICES * CLIENTS
        dash[kind] = _dashboard(tmp_path / kind)
    print(f"\nStatewide dashboard: {DEVICES} devices x {CLIENTS} clients")
    _print_dashboard(dash, ("sqlite", "postgres"))
    assert dash["sqlite"].get("people") == dash["postgres"].get("people") is not None


@pytest.mark.benchmark
@pytest.mark.timeout(4 * 3600)
def test_statewide_postgres_against_sqlite(tmp_path: Path, server: PostgresServer) -> None:
    files = _bundles()
    year = [p for p in files if "-c0004-" not in p.name]
    day = [p for p in files if "-c0004-" in p.name]
    sqlite_store, pg_keys = tmp_path / "sqlite", tmp_path / "postgres"

    # 1. the year, one importer on each backend
    with new_desk(tmp_path, "sqlite") as desk:
        year_sqlite = _timed(lambda: _year(desk, files))
    with new_desk(tmp_path, "postgres", server.new_database()) as desk:
        year_pg = _timed(lambda: _year(desk, files))
    pg_four = _clone(server, pg_keys, tmp_path / "postgres-4", "four")
    pg_split = _clone(server, pg_keys, tmp_path / "postgres-split", "split")

    # 2. a day's bundles: SQLite x1, PostgreSQL x1, PostgreSQL x4 on the copy
    day_sqlite = race(sqlite_store, day, importers=1)
    day_pg = race(pg_keys, day, importers=1)
    day_four = race(pg_four, day, importers=IMPORTERS)
    day_split = race(pg_split, day, importers=IMPORTERS, split=True)
    assert sorted(b for _, b, o, _ in day_split.rows if o == "imported") == sorted(
        b for _, b, o, _ in day_pg.rows if o == "imported"
    )
    for run, importers in ((day_sqlite, 1), (day_pg, 1), (day_four, IMPORTERS)):
        assert len(run.rows) == importers * len(day)
        done = Counter(b for _, b, outcome, _ in run.rows if outcome == "imported")
        assert len(done) == len(day) and set(done.values()) == {1}  # exactly once
        assert {o for _, _, o, _ in run.rows} <= {"imported", "already_present"}

    # every store holds the same year: the same rows the figures are computed from
    held = []
    for store in (sqlite_store, pg_keys, pg_four, pg_split):
        with RcoDesk.open(store, PASSPHRASE, clock=lambda: NOW) as desk:
            assert desk.backend.count_episodes() == DEVICES * CLIENTS
            assert len(desk.bundles()) == len(files)
            assert desk.backend.audit_broken_at() is None
            assert {d.last_counter for d in desk.devices()} == {QUARTERS}
            cells = sorted(
                (c.device_id, c.period, c.setting, json.dumps(c.counts, sort_keys=True))
                for c in desk.backend.list_period_cells()
            )
            episodes = sorted((e.device_id, e.pseudonym, e.counter) for e in desk.episodes())
            devices = sorted((d.device_id, d.bundles, d.last_counter) for d in desk.devices())
            held.append((cells, episodes, devices, len(desk.flags())))
    assert held[0] == held[1] == held[2] == held[3]

    # 3. the dashboard, each in a fresh desk process
    dash_pg = _dashboard(pg_keys, scaling=True)
    dash_sqlite = _dashboard(sqlite_store)
    if "people" in dash_sqlite and "people" in dash_pg:
        assert dash_sqlite["people"] == dash_pg["people"]

    size = f"{DEVICES} devices x {CLIENTS} clients ({DEVICES * CLIENTS:,} episodes)"
    record(
        14,
        f"year import on PostgreSQL, {len(year)} bundles",
        year_pg,
        "s",
        "-",
        year_pg / year_sqlite,
        "SQLite desk, same bundles",
    )
    record(
        14,
        f"a day's {len(day)} bundles, PostgreSQL x1",
        day_pg.seconds,
        "s",
        "< 60 s",
        day_pg.seconds / day_sqlite.seconds,
        "SQLite desk x1, same bundles",
    )
    record(
        14,
        f"a day's {len(day)} bundles, PostgreSQL x{IMPORTERS}",
        day_four.seconds,
        "s",
        "< 60 s",
        day_pg.seconds / day_four.seconds,
        "throughput vs PostgreSQL x1 (>= 1.6x)",
    )
    print(f"\nStatewide desk: {size}, {len(files)} bundles")
    print("import throughput (bundles/s):")
    rate = {
        "year SQLite": len(year) / year_sqlite,
        "year PG": len(year) / year_pg,
        "day SQLite": len(day) / day_sqlite.seconds,
        "day PG x1": len(day) / day_pg.seconds,
        f"day PG x{IMPORTERS}": len(day) / day_four.seconds,
        f"day PG x{IMPORTERS} split": len(day) / day_split.seconds,
    }
    for name, value in rate.items():
        print(f"  {name:14} {value:7.1f}")
    print(
        f"  year: PostgreSQL {year_pg:.0f} s vs SQLite {year_sqlite:.0f} s -> "
        f"{year_sqlite / year_pg:.2f}x SQLite's throughput\n"
        f"  day ({len(day)} bundles): SQLite {day_sqlite.seconds:.1f} s, PostgreSQL x1 "
        f"{day_pg.seconds:.1f} s ({day_sqlite.seconds / day_pg.seconds:.2f}x SQLite), "
        f"x{IMPORTERS} {day_four.seconds:.1f} s ({day_pg.seconds / day_four.seconds:.2f}x one "
        "importer, each fed all 500 files); targets < 60 s\n"
        f"  day, {IMPORTERS} importers each with its own share of the devices: "
        f"{day_split.seconds:.1f} s ({day_pg.seconds / day_split.seconds:.2f}x one importer; "
        "target >= 1.6x, the limit on 2 cores is 2x)"
    )
    record(
        14,
        f"a day's {len(day)} bundles, PostgreSQL x{IMPORTERS} split",
        day_split.seconds,
        "s",
        "< 60 s",
        day_pg.seconds / day_split.seconds,
        "throughput vs PostgreSQL x1 (>= 1.6x)",
    )
    _print_dashboard({"sqlite": dash_sqlite, "postgres": dash_pg}, ("sqlite", "postgres"))
    record(
        14,
        "fetch of the period cells, PostgreSQL",
        dash_pg["fetch"] * 1000,
        "ms",
        "-",
        dash_pg["fetch"] / dash_sqlite["fetch"],
        "SQLite desk",
    )
