"""One table for every benchmark: each test records its figures here.

`record` appends one JSON line per figure to $COACHDESK_BENCH_RESULTS (when set), so
`python -m tests.benchmarks.run_all` can run every benchmark and print a single table.
"""

from __future__ import annotations

import json
import os


def record(
    issue: int,
    figure: str,
    value: float,
    unit: str,
    target: str = "-",
    ratio: float | None = None,
    baseline: str = "",
) -> None:
    """One measured figure, its target, and its ratio to a baseline measured in the same run."""
    path = os.environ.get("COACHDESK_BENCH_RESULTS")
    if not path:
        return
    line = {
        "issue": issue,
        "figure": figure,
        "value": value,
        "unit": unit,
        "target": target,
        "ratio": ratio,
        "baseline": baseline,
    }
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")
