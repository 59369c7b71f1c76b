"""The desk's hand-off figures (issue 19): hand-offs made, accepted, first contact within 48
hours and 7 days (the ED hand-off programs' measures), and people counted once.

Each device's format 2 bundles carry whole-history counts (payload member `handoffs`,
FORMAT.md "Hand-off counts"); the newest bundle of a device (highest counter) is kept, in the
store's meta, one value per device. A person handed from one coach to the next keeps one
episode identity (the same pseudonym on both devices): both devices' "all periods" cells
count them while the sender keeps its read-only copy: the receiver's `continuing` (accepted
episodes with a history from before) and the sender's `kept` (handed-off clients still held,
with a session or attempt) say so, and `people_once` = the sum of the devices' `people` over
all periods minus the smaller of the two sums. Published numbers from 1 to small_cell - 1
are suppressed (None), and `people_once` with them when that sum is, since people minus
people_once would give it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from coachdesk.exchange.payload_schema import HANDOFF_COUNTS
from coachdesk.rco.store import RcoBackend

_META = "handoffs.device."  # + device_id -> {"counter": n, "counts": {...}}


def record(backend: RcoBackend, device_id: str, counter: int, payload: dict[str, Any]) -> None:
    """Keep a bundle's hand-off counts if it is the device's newest (inside the import's
    transaction)."""
    counts = payload.get("handoffs")
    if not isinstance(counts, dict):
        return
    raw = backend.get_meta(_META + device_id)
    if raw and json.loads(raw).get("counter", 0) >= counter:
        return
    backend.set_meta(_META + device_id, json.dumps({"counter": counter, "counts": counts}))


@dataclass(frozen=True, slots=True)
class HandoffFigures:
    made: int | None
    accepted: int | None
    first_48h: int | None
    first_7d: int | None
    people: int  # the devices' people over all periods, summed (a person twice if handed)
    people_once: int | None


def totals(backend: RcoBackend, device_ids: list[str]) -> dict[str, int]:
    out = dict.fromkeys(HANDOFF_COUNTS, 0)
    for device_id in device_ids:
        raw = backend.get_meta(_META + device_id)
        if raw:
            for name, n in json.loads(raw)["counts"].items():
                out[name] += int(n)
    return out


def figures(backend: RcoBackend, small_cell: int) -> HandoffFigures:
    ids = [d.device_id for d in backend.list_devices() if d.status.value == "confirmed"]
    counts = totals(backend, ids)
    people = sum(
        c.counts.get("people", 0)
        for c in backend.list_period_cells()
        if c.period == "all" and c.device_id in ids
    )

    def shown(n: int) -> int | None:
        return None if 0 < n < small_cell else n

    # Each person counted by two devices is `kept` by the sender and `continuing` at the
    # receiver; the smaller sum is what both agree on (a removed copy counts on one side only).
    continuing = min(counts["continuing"], counts["kept"])
    return HandoffFigures(
        shown(counts["made"]),
        shown(counts["accepted"]),
        shown(counts["first_48h"]),
        shown(counts["first_7d"]),
        people,
        None if shown(continuing) is None else people - continuing,
    )


def measures(backend: RcoBackend, small_cell: int) -> list[tuple[str, int | None]]:
    """(measure, value or None when suppressed) for the report's "Hand-offs" section."""
    f = figures(backend, small_cell)
    return [
        ("Hand-offs made", f.made),
        ("Hand-offs accepted", f.accepted),
        ("First contact within 48 hours of accepting", f.first_48h),
        ("First contact within 7 days of accepting", f.first_7d),
        ("People served, a person handed between coaches counted once", f.people_once),
    ]
