"""RCO benchmarks: import of 200 real bundles totalling 20,000 client episodes (target < 30 s)
and the dashboard refresh on that store (target < 300 ms), each with a same-run baseline.

The 200 bundles come from 200 real coach vaults (application.demo + the export use case), generated
once and cached under /work/.bench-cache/rco-200x100 (outside the repo).
Run: python -m pytest tests/benchmarks/test_rco_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome, expand_paths, open_sealed
from coachdesk.rco.metrics import Filters
from coachdesk.rco.model import Device, DeviceStatus
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach, new_rco

CACHE = Path(os.environ.get("COACHDESK_BENCH_CACHE", "/work/.bench-cache")) / "rco-200x100"
BUNDLES, CLIENTS = 200, 100


def _build_cache() -> None:
    """Resumable: an interrupted build continues where it stopped."""
    work = CACHE.with_name(CACHE.name + ".part")
    if not (work / "rco").is_dir():
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        new_rco(work / "rco").close()
    desk = RcoDesk.open(work / "rco", PASSPHRASE)
    folder = work / "bundles"
    folder.mkdir(exist_ok=True)
    done = {p.name[:4] for p in folder.iterdir()}
    started = time.perf_counter()
    for i in range(BUNDLES):
        if f"c{i:03d}" in done:
            continue
        coach_dir = work / "coaches" / f"c{i:03d}"
        shutil.rmtree(coach_dir, ignore_errors=True)
        coach_dir.mkdir(parents=True)
        coach = new_coach(coach_dir, desk.enrollment(), desk.fingerprint, CLIENTS, 1000 + i, 2)
        path = coach.export()
        path.rename(folder / f"c{i:03d}-{path.name}")
        coach.close()
        shutil.rmtree(coach_dir)
    # The devices are registered and confirmed (as after enrollment day); nothing imported.
    with desk.backend.transaction():
        for path in expand_paths([folder]):
            opened = open_sealed(path.read_bytes(), desk.identity)
            desk.backend.insert_device(
                Device(
                    opened.device_id,
                    opened.device_fingerprint,
                    opened.device_public_key,
                    DeviceStatus.CONFIRMED,
                    f"coach {path.name[:4]}",
                ),
                "2026-01-01T00:00:00+00:00",
            )
    desk.close()
    shutil.rmtree(work / "coaches", ignore_errors=True)
    work.rename(CACHE)
    print(
        f"\n(generated {BUNDLES} coach vaults and bundles in {time.perf_counter() - started:.0f} s)"
    )


@pytest.mark.benchmark
@pytest.mark.timeout(7200)
def test_import_200_bundles_and_dashboard(tmp_path: Path) -> None:
    if not (CACHE / "bundles").is_dir():
        _build_cache()
    store = tmp_path / "rco"
    shutil.copytree(CACHE / "rco", store)
    files = expand_paths([CACHE / "bundles"])
    assert len(files) == BUNDLES
    desk = RcoDesk.open(store, PASSPHRASE)

    # baseline: read, decrypt, verify and parse every bundle, storing nothing
    t0 = time.perf_counter()
    records = sum(len(open_sealed(p.read_bytes(), desk.identity).records) for p in files)
    open_only = time.perf_counter() - t0
    assert records == BUNDLES * CLIENTS

    t0 = time.perf_counter()
    summary = desk.import_paths([CACHE / "bundles"])
    import_time = time.perf_counter() - t0
    assert summary.count(Outcome.IMPORTED) == BUNDLES, summary.to_json()["files"][:3]

    t0 = time.perf_counter()
    again = desk.import_paths([CACHE / "bundles"])
    reimport_time = time.perf_counter() - t0
    assert again.count(Outcome.ALREADY_PRESENT) == BUNDLES

    t0 = time.perf_counter()
    episodes = desk.episodes()
    load_time = time.perf_counter() - t0
    assert len(episodes) == BUNDLES * CLIENTS

    names = desk.device_names()
    # baseline for the dashboard: one plain pass over the episodes
    t0 = time.perf_counter()
    _ = sum(e.sessions + len(e.barc10) + len(e.referrals) for e in episodes)
    one_pass = time.perf_counter() - t0

    timings = []
    for filters in (Filters(), Filters(period="2026"), Filters(device_id=next(iter(names)))):
        t0 = time.perf_counter()
        fig = metrics.compute_format1(desk.episodes(), filters, desk.policy.small_cell, names)
        timings.append(time.perf_counter() - t0)
    assert fig.values["people"] == CLIENTS
    refresh = max(timings)
    desk.close()

    record(
        7,
        "import 200 bundles / 20,000 episodes",
        import_time,
        "s",
        "< 30 s",
        import_time / open_only,
        "open+verify+parse only",
    )
    record(
        7,
        "dashboard refresh (worst of 3 filters)",
        refresh * 1000,
        "ms",
        "< 300 ms",
        refresh / one_pass,
        "one plain pass over the episodes",
    )
    print(
        f"\nRCO import: {BUNDLES} bundles, {records} episodes in {import_time:.2f} s "
        f"({import_time / BUNDLES * 1000:.1f} ms/bundle; target < 30 s)\n"
        f"  baseline open+verify+parse only: {open_only:.2f} s -> import/baseline "
        f"{import_time / open_only:.2f}x\n"
        f"  re-import of the same 200 (no-op): {reimport_time:.2f} s "
        f"({reimport_time / open_only:.2f}x baseline)\n"
        f"Dashboard refresh on {len(episodes)} episodes: worst of 3 filters "
        f"{refresh * 1000:.0f} ms "
        f"(all: {timings[0] * 1000:.0f}, period: {timings[1] * 1000:.0f}, one coach: "
        f"{timings[2] * 1000:.0f}; target < 300 ms)\n"
        f"  baseline one pass over the episodes: {one_pass * 1000:.1f} ms -> refresh/baseline "
        f"{refresh / one_pass:.1f}x\n"
        f"  cold load of the episodes from the encrypted store, with their per-episode facts "
        f"(once per unlock/import): "
        f"{load_time * 1000:.0f} ms"
    )
    assert import_time < 30
    assert refresh < 0.3
