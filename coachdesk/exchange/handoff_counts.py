"""The hand-off counts a format 2 bundle carries (issue 19; FORMAT.md section 9, "Hand-off
counts in bundles"): per quarter, made, accepted, first contact within 48 hours / 7 days.
Counts only, no date finer than the quarter label. Call on the vault's thread."""

from __future__ import annotations

from datetime import date
from typing import Any

from coachdesk.exchange import periods
from coachdesk.storage import handoff_repo

MEMBER = "handoff_quarters"
COUNTS = ("made", "accepted", "first_48h", "first_7d")


def bundle_member(conn: Any, today: date) -> list[dict[str, Any]]:
    """[{"quarter": "YYYY-Qn", "made", "accepted", "first_48h", "first_7d"}, ...] in quarter
    order, quarters without any hand-off left out."""
    return [
        {"quarter": periods.quarter_key(q), **{name: counts.get(name, 0) for name in COUNTS}}
        for q, counts in sorted(handoff_repo.quarterly(conn, today.isoformat()).items())
    ]
