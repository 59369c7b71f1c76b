"""The desk's family suppression WITH small cells (issue 14): the statewide benchmark's
families have none, so complementary suppression never ran there.

Seeded period atoms (tests/unit/family_values.py: every base count of FAMILY_MEASURES per
device x setting, 6 settings, a chosen share of small counts; generated in well under a
second) are suppressed by `cross_pattern` as the desk's child process does, timed (CPU and
wall) against the code before this change, loaded from git (commit a9a760e, main when the
globals' basis was made incremental; before: 66324a3) into a temporary module, in the same run,
interleaved (for each size: the new code, then the old), up to COACHDESK_SUPP_OLD_UP_TO devices
(default 500: every size). Where both ran, the patterns must be equal, JSON for JSON.
os.getloadavg() is printed with every figure (a shared 2-core machine).

Sizes: COACHDESK_SUPP_DEVICES (default "50,200,500"), shares COACHDESK_SUPP_SMALL
("0.02,0.05"). Run: python -m pytest tests/benchmarks/test_suppression_bench.py -m benchmark -s
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from coachdesk.rco import metrics, suppression
from tests.benchmarks.report import record
from tests.unit.family_values import period_atoms, small_share

pytestmark = pytest.mark.benchmark

OLD_COMMIT = "a9a760e"
DEVICES = [int(n) for n in os.environ.get("COACHDESK_SUPP_DEVICES", "50,200,500").split(",")]
SMALL = [float(p) for p in os.environ.get("COACHDESK_SUPP_SMALL", "0.02,0.05").split(",")]
OLD_UP_TO = int(os.environ.get("COACHDESK_SUPP_OLD_UP_TO", "500"))
THRESHOLD = 11


ROOT = Path(__file__).resolve().parents[2]
MEMORY_BEFORE = "22ed9e6"  # main before the reports were handed over and the sort key made flat


def _source_at(commit: str, tmp: Path) -> Path:
    source = subprocess.run(
        ["git", "show", f"{commit}:coachdesk/rco/suppression.py"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    path = tmp / f"suppression_{commit}.py"
    path.write_text(source, encoding="utf-8")
    return path


def _old_module(tmp: Path) -> ModuleType:
    path = _source_at(OLD_COMMIT, tmp)
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _timed(module: Any, atoms: dict[tuple[str, ...], dict[str, int]]) -> tuple[Any, float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    pattern = module.cross_pattern(
        atoms, metrics.FAMILY_DIMENSIONS, metrics.FAMILY_MEASURES, THRESHOLD
    )
    return pattern, time.process_time() - cpu, time.perf_counter() - wall


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def test_family_suppression_with_small_cells(tmp_path: Path) -> None:
    old = _old_module(tmp_path)
    print(
        "\n| devices | small counts | suppressed | new CPU | new wall | old CPU | old wall "
        "| ratio (CPU) | load before -> after new -> after old |"
    )
    for devices in DEVICES:
        for small in SMALL:
            start = time.perf_counter()
            atoms = period_atoms(devices, small, seed=devices)
            made = time.perf_counter() - start
            share = small_share(atoms, THRESHOLD)
            load_before = _load()
            new, cpu, wall = _timed(suppression, atoms)
            count = sum(len(cells) for cells in new.suppressed.values())
            load_new = _load()
            old_cpu = old_wall = ratio = None
            if devices <= OLD_UP_TO:
                before, old_cpu, old_wall = _timed(old, atoms)
                assert before.to_json() == new.to_json()  # the same pattern, cell for cell
                ratio = cpu / old_cpu
            print(
                f"| {devices} | {share:.1%} (atoms {made:.2f} s) | {count} | {cpu:.2f} s "
                f"| {wall:.2f} s | {'-' if old_cpu is None else f'{old_cpu:.2f} s'} "
                f"| {'-' if old_wall is None else f'{old_wall:.2f} s'} "
                f"| {'-' if ratio is None else f'{ratio:.3f}'} "
                f"| {load_before} -> {load_new} -> {_load()} |"
            )
            record(
                14,
                f"family suppression, {devices} devices, {share:.0%} small counts (CPU)",
                cpu,
                "s",
                "a few seconds",
                ratio=ratio,
                baseline=f"code of {OLD_COMMIT}" if ratio is not None else "",
            )


# The desk computes a pattern in a child process (rco/family_child.py): its peak memory is the
# child's. Each code runs here in a fresh interpreter of its own, so one's peak is not the other's.
_PEAK = """
import importlib.util, resource, sys
from coachdesk.rco import metrics
from tests.unit.family_values import period_atoms
spec = importlib.util.spec_from_file_location("measured", sys.argv[1])
module = importlib.util.module_from_spec(spec)
sys.modules["measured"] = module
spec.loader.exec_module(module)
atoms = period_atoms(int(sys.argv[2]), float(sys.argv[3]), seed=int(sys.argv[2]))
module.cross_pattern(atoms, metrics.FAMILY_DIMENSIONS, metrics.FAMILY_MEASURES, int(sys.argv[4]))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _peak_mb(source: Path, devices: int, small: float) -> float:
    args = [str(source), str(devices), str(small), str(THRESHOLD)]
    run = [sys.executable, "-c", _PEAK, *args]
    return float(subprocess.run(run, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def test_family_suppression_peak_memory(tmp_path: Path) -> None:
    """The largest size's peak resident memory, against the code of MEMORY_BEFORE in the same
    run. Target: under 500 MB."""
    devices, small = max(DEVICES), max(SMALL)
    new_mb = _peak_mb(Path(suppression.__file__), devices, small)
    old_mb = _peak_mb(_source_at(MEMORY_BEFORE, tmp_path), devices, small)
    share = small_share(period_atoms(devices, small, seed=devices), THRESHOLD)
    print(f"\n{devices} devices, {share:.1%} small counts: peak {new_mb:.0f} MB")
    print(f"(code of {MEMORY_BEFORE}: {old_mb:.0f} MB; load {_load()})")
    record(
        14,
        f"family suppression's peak memory, {devices} devices, {share:.0%} small counts",
        new_mb,
        "MB",
        "< 500 MB",
        ratio=new_mb / old_mb,
        baseline=f"code of {MEMORY_BEFORE}",
    )
    assert new_mb < 500
