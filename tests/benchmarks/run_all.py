"""Run every benchmark and print one table of figures, targets and same-run baseline ratios.

.venv/bin/python -m tests.benchmarks.run_all [pytest args, e.g. -k vault]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.conftest import REPO


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory() as folder:
        results = Path(folder) / "results.jsonl"
        env = {
            **os.environ,
            "COACHDESK_BENCH_RESULTS": str(results),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/benchmarks",
                "-m",
                "benchmark",
                "-q",
                "-s",
                "-p",
                "no:cacheprovider",
                *argv,
            ],
            cwd=REPO,
            env=env,
        )
        rows = (
            [json.loads(line) for line in results.read_text().splitlines()]
            if results.exists()
            else []
        )
    print("\nCoachDesk benchmarks (ratio = figure / baseline measured in the same run)")
    print(f"{'issue':<6}{'figure':<48}{'value':>12}  {'target':<14}{'ratio':>8}  baseline")
    for r in sorted(rows, key=lambda r: (r["issue"], r["figure"])):
        value = f"{r['value']:.1f} {r['unit']}"
        ratio = "-" if r["ratio"] is None else f"{r['ratio']:.2f}"
        print(
            f"#{r['issue']:<5}{r['figure']:<48}{value:>12}  {r['target']:<14}{ratio:>8}  "
            f"{r['baseline']}"
        )
    return done.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
