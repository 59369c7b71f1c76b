"""The desk's hand-off figures (issue 19): hand-offs made, accepted, first contact within 48
hours and 7 days (the ED hand-off programs' measures), per reporting period.

Each device's format 2 bundles carry its counts per quarter (payload member
`handoff_quarters`, FORMAT.md "Hand-off counts in bundles"); the newest bundle of a device
(highest counter) is kept, in the store's meta, one value per device, and a period's figure is
the sum over the confirmed devices of the quarters it holds (exchange/periods.containing).
Bundles from before carried whole-history counts only (`handoffs`): those count in "all".
The person is counted once by the period cells themselves (FORMAT.md section 7, "Hand-offs"),
so nothing is corrected here. Published numbers from 1 to small_cell - 1 are suppressed (None).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from coachdesk.exchange import periods
from coachdesk.rco.store import RcoBackend

_META = "handoffs.device."  # + device_id -> {"counter": n, "quarters": {...}} (or "counts")
COUNTS = ("made", "accepted", "first_48h", "first_7d")


def record(backend: RcoBackend, device_id: str, counter: int, payload: dict[str, Any]) -> None:
    """Keep a bundle's hand-off counts if it is the device's newest (inside the import's
    transaction)."""
    quarters, whole = payload.get("handoff_quarters"), payload.get("handoffs")
    if isinstance(quarters, list):
        value: dict[str, Any] = {
            "quarters": {q["quarter"]: {n: q[n] for n in COUNTS} for q in quarters}
        }
    elif isinstance(whole, dict):
        value = {"counts": {n: whole[n] for n in COUNTS}}
    else:
        return
    raw = backend.get_meta(_META + device_id)
    if raw and json.loads(raw).get("counter", 0) >= counter:
        return
    backend.set_meta(_META + device_id, json.dumps({"counter": counter, **value}))


@dataclass(frozen=True, slots=True)
class HandoffFigures:
    made: int | None
    accepted: int | None
    first_48h: int | None
    first_7d: int | None


def totals(
    backend: RcoBackend, device_ids: list[str], period: str = periods.ALL, fiscal_start: int = 1
) -> dict[str, int]:
    """The devices' counts summed over the quarters of `period` (a period key)."""
    out = dict.fromkeys(COUNTS, 0)
    for device_id in device_ids:
        raw = backend.get_meta(_META + device_id)
        if not raw:
            continue
        stored = json.loads(raw)
        parts = [
            counts
            for quarter, counts in stored.get("quarters", {}).items()
            if period in periods.containing(periods.quarter_of_key(quarter), fiscal_start)
        ]
        if "counts" in stored and period == periods.ALL:  # a bundle from before: whole history
            parts.append(stored["counts"])
        for counts in parts:
            for name in COUNTS:
                out[name] += int(counts.get(name, 0))
    return out


def _confirmed(backend: RcoBackend) -> list[str]:
    return [d.device_id for d in backend.list_devices() if d.status.value == "confirmed"]


def figures(
    backend: RcoBackend, small_cell: int, period: str = periods.ALL, fiscal_start: int = 1
) -> HandoffFigures:
    counts = totals(backend, _confirmed(backend), period, fiscal_start)

    def shown(n: int) -> int | None:
        return None if 0 < n < small_cell else n

    return HandoffFigures(*(shown(counts[name]) for name in COUNTS))


def measures(
    backend: RcoBackend, small_cell: int, period: str = periods.ALL, fiscal_start: int = 1
) -> list[tuple[str, int | None]]:
    """(measure, value or None when suppressed) for the report's "Hand-offs" section; none
    for a period without any hand-off ("all" always has the section)."""
    found = totals(backend, _confirmed(backend), period, fiscal_start)
    if period != periods.ALL and not any(found.values()):
        return []
    f = figures(backend, small_cell, period, fiscal_start)
    return [
        ("Hand-offs made", f.made),
        ("Hand-offs accepted", f.accepted),
        ("First contact within 48 hours of accepting", f.first_48h),
        ("First contact within 7 days of accepting", f.first_7d),
    ]
