"""Seeded period atoms for the desk's family (rco/metrics.py FAMILY_MEASURES) with a chosen
share of small counts, generated directly (no vaults, no bundles: a 500-device period in well
under a second). Used by tests/unit/test_suppression_equivalence.py and
tests/benchmarks/test_suppression_bench.py.

Each (device, setting) row holds every base count. Counts are drawn as zero, small (1 to 10)
with probability `small`, or large (11 to 150), and built so that every identity a reader
knows holds with no negative part: a total is the sum of its parts (people = the age groups;
due = in window + late + missed; made >= linked >= linked in 30 days; ...), so hidden
differences (missed, not linked, above, ...) are drawn counts too and small as often.
"""

from __future__ import annotations

import random

from coachdesk.rco import metrics

SETTINGS = ("community", "ed", "jail", "outpatient", "residential", "telehealth")


def _groups(prefix: str) -> list[str]:
    return [m.name for m in metrics.FAMILY_MEASURES if m.name.startswith(prefix)]


_BASE = {m.name for m in metrics.FAMILY_MEASURES if m.parts is None}
_DEMOGRAPHIC_TABLES = [
    [f"{table}.{g}" for g in groups] for table, groups in metrics.DEMOGRAPHICS.items()
]


class _Draw:
    def __init__(self, rng: random.Random, small: float, zero: float) -> None:
        self.rng, self.small, self.zero = rng, small, zero

    def __call__(self) -> int:
        u = self.rng.random()
        if u < self.small:
            return self.rng.randint(1, 10)
        if u < self.small + self.zero:
            return 0
        return self.rng.randint(11, 150)

    def split(self, total: int, k: int) -> list[int]:
        """k non-negative parts of `total`: k - 1 drawn (scaled down to fit), the last the
        rest."""
        parts = [self() for _ in range(k - 1)]
        if sum(parts) > total:
            scale = total / sum(parts)
            parts = [int(p * scale) for p in parts]
        return [*parts, total - sum(parts)]


def period_atoms(
    devices: int, small: float, seed: int, zero: float = 0.15, settings: int = 6
) -> dict[tuple[str, ...], dict[str, int]]:
    """atoms[(device, setting)][base count] for `devices` devices, each with 1 to `settings`
    settings (most with all of them)."""
    rng = random.Random(seed)
    draw = _Draw(rng, small, zero)
    atoms: dict[tuple[str, ...], dict[str, int]] = {}
    for d in range(devices):
        mine = SETTINGS[:settings]
        if rng.random() < 0.2:
            mine = tuple(rng.sample(mine, rng.randint(1, len(mine))))
        for s in mine:
            atoms[(f"dev{d:04d}", s)] = _row(draw)
    return atoms


def _row(v: _Draw) -> dict[str, int]:
    row: dict[str, int] = {}
    first, *others = _DEMOGRAPHIC_TABLES
    parts = [v() for _ in first]
    row.update(zip(first[:-1], parts[:-1], strict=True))  # the last group is derived
    people = row["people"] = sum(parts)
    for table in others:
        row.update(zip(table[:-1], v.split(people, len(table))[:-1], strict=True))
    row["kind.family_member"] = v.split(people, 2)[0]
    for name in ("enrolled", "ended", "attempts"):
        row[name] = v()
    row["sessions"], row["group_sessions"] = v(), v()
    support = [f"support.{k}" for k in metrics.SUPPORT_KINDS if k != metrics.DERIVED_SUPPORT]
    events = row["sessions"] + row["group_sessions"]
    row.update(zip(support, v.split(events, len(support) + 1)[:-1], strict=True))
    places = [f"accomp.{d}" for d in metrics.DESTINATIONS if d != metrics.DERIVED_DESTINATION]
    row.update(
        zip(places, v.split(row["support.accompaniment"], len(places) + 1)[:-1], strict=True)
    )
    for k in metrics.SUPPORT_KINDS:
        row[f"minutes.{k}"] = v() * 30
    for c in metrics.REFERRAL_CATEGORIES:
        row[f"ref.linked30.{c}"] = in30 = v()
        row[f"ref.linked.{c}"] = linked = in30 + v()
        row[f"ref.made.{c}"] = linked + v()
    for t in metrics.TIMEPOINTS:
        window, late = v(), v()
        row[f"fu.window.{t}"], row[f"fu.late.{t}"] = window, late
        row[f"fu.due.{t}"] = window + late + v()
    row["barc.cross"] = cross = v()
    row["barc.below"] = below = cross + v()
    row["barc.n"] = below + v()
    for name in metrics.DOMAINS:
        k = f"dom.{name}"
        row[f"{k}.n"] = n = v()
        row[f"{k}.base_yes"] = v.split(n, 2)[0]
        row[f"{k}.fu_yes"] = v.split(n, 2)[0]
    row["fam.n"] = n = v()
    for a in metrics.FAMILY_ANSWERS:
        row[f"fam.{a}"] = v.split(n, 2)[0]
    assert row.keys() == _BASE, row.keys() ^ _BASE
    return row


def small_share(atoms: dict[tuple[str, ...], dict[str, int]], threshold: int) -> float:
    """The share of the atoms' base counts that are small (what `small` aimed at)."""
    counts = [n for row in atoms.values() for n in row.values()]
    return sum(1 for n in counts if 1 <= n < threshold) / len(counts)
