"""The fast family suppression (per-block decomposition, integer elimination) against the slow
exact method it replaced, kept in tests/unit/family_oracle.py (issue 13, item 4's cost).

For hypothesis-drawn families the product's pattern is the oracle's, cell for cell, and no
suppressed cell is derivable: the oracle's one rational basis of every published cell of every
report spans none of the protected cells. Families come three ways: the test attacker's
cross-classification with a demographic table whose last group is people minus the others,
the desk's own measures (rco/metrics.py, whatever cells they hold), and arbitrary forms with
coefficients other than 1 (leads that are not 1, negative cells, a cell twice another).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.rco import metrics, suppression
from coachdesk.rco.suppression import (
    FamilyPattern,
    FamilyResult,
    Measure,
    cross_family,
    cross_pattern,
    suppress_family,
)
from tests.unit import family_oracle

T = 11


@contextmanager
def _recording(seen: list[tuple[Any, ...]]) -> Iterator[None]:
    """Keep what cross_family hands to suppress_family (atoms, reports, threshold, ...)."""
    real = suppression.suppress_family

    def record(*args: Any, handed_over: bool = False) -> FamilyResult:
        seen.append(args)
        return real(*args)  # not handed over: the reports are kept to be suppressed again

    suppression.suppress_family = record
    try:
        yield
    finally:
        suppression.suppress_family = real


def _check(args: Sequence[Any], fast: FamilyResult) -> None:
    atoms, reports, threshold, hidden, protect = args
    slow = family_oracle.suppress_family(atoms, reports, threshold, hidden, protect)
    assert fast.published == slow.published
    assert fast.suppressed == slow.suppressed
    assert family_oracle.determined(atoms, reports, threshold, fast, hidden, protect) == []


def _cross(
    values: Mapping[tuple[str, ...], Mapping[str, int]],
    dims: Sequence[str],
    measures: Sequence[Measure],
    filters: Sequence[str],
) -> None:
    seen: list[tuple[Any, ...]] = []
    with _recording(seen):
        fast = cross_family(values, dims, measures, T, filters=filters)
    # one suppress_family per measure group (groups share no atom): each against the oracle,
    # and together they are the whole family's pattern
    published: dict[str, dict[str, int | None]] = {r: {} for r in fast.published}
    for args in seen:
        group = suppress_family(*args)
        _check(args, group)
        for report, cells in group.published.items():
            published[report].update(cells)
    assert published == fast.published
    everything = _whole(seen)
    assert family_oracle.determined(*everything[:3], fast, *everything[3:]) == []
    pattern = cross_pattern(values, dims, measures, T, filters=filters)
    for report, cells in fast.published.items():
        for cell, value in cells.items():
            assert pattern.shown(report, cell) == (value is not None), (report, cell)
    assert FamilyPattern.from_json(pattern.to_json()) == pattern


def _whole(seen: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    """The arguments of the groups' calls as one family (every report with every cell)."""
    atoms = seen[0][0]
    reports: dict[str, dict[str, Any]] = {}
    hidden: dict[str, set[str]] = {}
    protect: dict[str, set[str]] = {}
    for _, group, _, group_hidden, group_protect in seen:
        for report, cells in group.items():
            reports.setdefault(report, {}).update(cells)
        for into, part in ((hidden, group_hidden), (protect, group_protect)):
            for report, names in (part or {}).items():
                into.setdefault(report, set()).update(names)
    return atoms, reports, T, hidden, protect


small = st.integers(0, 24)
DIMS = ("device", "setting", "gender")
MEASURES = (
    Measure("people", breakdowns=DIMS),
    Measure("race.a"),
    Measure("race.b"),
    Measure("race.c", {"people": 1, "race.a": -1, "race.b": -1}),  # the last group
    Measure("made"),
    Measure("linked"),
    Measure("notlinked", {"made": 1, "linked": -1}, hidden=True),
    Measure("sessions", people="people"),
)


@st.composite
def cross_values(draw: st.DrawFn) -> dict[tuple[str, ...], dict[str, int]]:
    devices = draw(st.integers(1, 4))
    settings_ = draw(st.integers(1, 3))
    genders = draw(st.integers(1, 2))
    values = {}
    for d in range(devices):
        for s in range(settings_):
            for g in range(genders):
                if draw(st.booleans()) or not values:
                    a, b, rest = draw(small), draw(small), draw(small)
                    made = draw(small)
                    values[(f"d{d}", f"s{s}", f"g{g}")] = {
                        "people": a + b + rest,
                        "race.a": a,
                        "race.b": b,
                        "made": made,
                        "linked": draw(st.integers(0, made)),
                        "sessions": draw(st.integers(0, 200)),
                    }
    return values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cross_values())
def test_a_cross_family_gets_the_slow_methods_pattern_and_nothing_is_derivable(
    values: dict[tuple[str, ...], dict[str, int]],
) -> None:
    _cross(values, DIMS, MEASURES, ("device", "setting"))


@st.composite
def desk_values(draw: st.DrawFn) -> dict[tuple[str, ...], dict[str, int]]:
    base = [m.name for m in metrics.FAMILY_MEASURES if m.parts is None]
    values = {}
    for d in range(draw(st.integers(1, 3))):
        for s in range(draw(st.integers(1, 2))):
            values[(f"dev{d}", f"set{s}")] = {name: draw(small) for name in base}
    return values


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(desk_values())
def test_the_desks_own_measures_get_the_slow_methods_pattern(
    values: dict[tuple[str, ...], dict[str, int]],
) -> None:
    """Whatever cells rco/metrics.py holds (derived and hidden ones, demographic tables)."""
    _cross(values, metrics.FAMILY_DIMENSIONS, metrics.FAMILY_MEASURES, metrics.FAMILY_DIMENSIONS)


@st.composite
def any_family(draw: st.DrawFn) -> tuple[Any, ...]:
    n = draw(st.integers(2, 9))
    atoms = {a: draw(st.integers(0, 30)) for a in range(n)}
    coefficient = st.sampled_from((-2, -1, 1, 1, 1, 2, 3))
    reports: dict[str, dict[str, dict[int, int]]] = {}
    hidden: dict[str, set[str]] = {}
    protect: dict[str, set[str]] = {}
    for r in range(draw(st.integers(1, 4))):
        cells = {}
        for c in range(draw(st.integers(1, 8))):
            chosen = draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=4, unique=True))
            cells[f"c{c}"] = {a: draw(coefficient) for a in chosen}
            if draw(st.integers(0, 4)) == 0:
                hidden.setdefault(f"r{r}", set()).add(f"c{c}")
            elif draw(st.integers(0, 9)) == 0:
                protect.setdefault(f"r{r}", set()).add(f"c{c}")
        reports[f"r{r}"] = cells
    return atoms, reports, T, hidden, protect


@settings(max_examples=300, deadline=None)
@given(any_family())
def test_any_family_of_integer_forms_gets_the_slow_methods_pattern(args: tuple[Any, ...]) -> None:
    _check(args, suppress_family(*args))


def test_cells_suppressed_one_by_one_keep_the_basis_right() -> None:
    """A margin whose cells are published one by one, then suppressed (the single-atom cells
    known when the basis was built and lost since), next to a cell that stays derivable only
    while both halves of it are published."""
    atoms = {"x": 3, "y": 0, "z": 0, "w": 40, "v": 0}
    reports = {
        "r": {
            "x": {"x": 1},
            "y": {"y": 1},
            "z": {"z": 1},
            "total": {"x": 1, "y": 1, "z": 1, "w": 1},
            "w": {"w": 1},
            "v": {"v": 1},
            "two": {"x": 2, "v": -1},
        }
    }
    result = suppress_family(atoms, reports, T)
    _check((atoms, reports, T, None, None), result)
    assert result.published["r"]["x"] is None
    assert result.published["r"]["two"] is None  # 2x - v gives x, as v = 0 is shown
