"""What family-consistent suppression costs the RCO dashboard (issue 13, item 4).

The five-coach scenario of tests/unit/test_outcome_scenario.py (50-400 clients, two export
rounds, imported into a real RCO store). A dashboard refresh is `metrics.compute` of one
selection; the family of a period (all coaches, each coach, each setting, each coach x setting,
with their demographic tables) is suppressed once and kept with the desk's data until the next
import. Measured: the first refresh of a period (cold: the family is computed), a later
refresh of another selection of the same period (warm), and every selection of the period;
baseline in the same run: the same selections suppressed each on its own (the per-table rule).
Run: python -m pytest tests/benchmarks/test_family_bench.py -m benchmark -s
"""

from __future__ import annotations

import statistics
import time

import pytest

from coachdesk.rco import metrics
from coachdesk.rco.metrics import Filters
from coachdesk.rco.suppression import suppress
from tests.benchmarks.report import record
from tests.unit.test_outcome_scenario import Scenario, scenario  # noqa: F401 (fixture)

pytestmark = pytest.mark.benchmark


def _fresh(data: metrics.DeskData) -> metrics.DeskData:
    """The same data without anything computed from it."""
    return data.uncomputed()


def _per_table(data: metrics.DeskData, filters: Filters, threshold: int) -> None:
    fig = metrics.cells(data, filters, threshold, {})
    suppress(fig.values, fig.equations, threshold, fig.hidden)


def test_dashboard_refresh_cost(scenario: Scenario) -> None:  # noqa: F811
    desk = scenario.desk
    data = desk.data()
    threshold = desk.policy.small_cell
    names = desk.device_names()
    for period in ("2026", "2026-Q4"):
        selections = [Filters(period)]
        selections += [Filters(period, d) for d in sorted(scenario.vaults)]
        selections += [Filters(period, "", s) for s in data.settings()]
        cold, warm, every, alone = [], [], [], []
        for _ in range(3):
            fresh = _fresh(data)
            start = time.perf_counter()
            metrics.compute(fresh, Filters(period), threshold, names)
            cold.append(time.perf_counter() - start)
            start = time.perf_counter()
            metrics.compute(fresh, selections[1], threshold, names)
            warm.append(time.perf_counter() - start)
            fresh = _fresh(data)
            start = time.perf_counter()
            for f in selections:
                metrics.compute(fresh, f, threshold, names)
            every.append(time.perf_counter() - start)
            start = time.perf_counter()
            for f in selections:
                _per_table(data, f, threshold)
            alone.append(time.perf_counter() - start)
        c, w = statistics.median(cold), statistics.median(warm)
        e, a = statistics.median(every), statistics.median(alone)
        print(
            f"\n{period}: first refresh {c * 1000:.0f} ms, next refresh {w * 1000:.1f} ms, "
            f"all {len(selections)} selections {e * 1000:.0f} ms; per-table suppression of "
            f"the same selections {a * 1000:.0f} ms (ratio {e / a:.1f}x)"
        )
        record(13, f"dashboard first refresh {period}", c, "s", "< 1 s")
        record(13, f"dashboard next refresh {period}", w, "s")
        record(13, f"all selections {period}", e, "s", ratio=e / a, baseline="per-table")
