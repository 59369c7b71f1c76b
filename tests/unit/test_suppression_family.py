"""Suppression over the family of reports: an attacker who adds and subtracts cells of every
report the desk can produce (all coaches, each coach, each setting, each coach x setting) finds
no small cell.

The attacker here is written independently of coachdesk.rco.suppression: dense rational rank
over the atoms, sums and differences of pairs of published cells, and "all coaches minus the
other coaches" (issue 13's leak); plus an alternative table that agrees with every published
cell and differs in the protected one (so its value is not pinned by non-negativity either).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from fractions import Fraction
from itertools import combinations
from math import lcm

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.rco.suppression import (
    FamilyResult,
    Measure,
    cross_family,
    report_name,
    suppress,
    suppress_family,
)

T = 11
DIMS = ("device", "setting", "gender")  # gender: shown in breakdowns, never a filter
FILTERS = ("device", "setting")
MEASURES = (
    Measure("people", breakdowns=DIMS),
    Measure("made"),
    Measure("linked"),
    Measure("notlinked", {"made": 1, "linked": -1}, hidden=True),
    Measure("sessions", people="people"),
)


def _family(values: Mapping[tuple[str, ...], Mapping[str, int]]) -> FamilyResult:
    return cross_family(values, DIMS, MEASURES, T, filters=FILTERS)


def _forms(
    values: Mapping[tuple[str, ...], Mapping[str, int]], result: FamilyResult
) -> dict[tuple[str, str], dict[Hashable, int]]:
    """Each cell of each report as a form over (coords, base measure), rebuilt here."""
    levels = [sorted({c[i] for c in values}) for i in range(len(DIMS))]
    out: dict[tuple[str, str], dict[Hashable, int]] = {}
    for report in result.published:
        selection = dict(part.split("=") for part in report.split(",")) if report != "all" else {}
        assert set(selection) <= set(FILTERS)
        chosen = [
            c for c in values if all(selection.get(d, c[i]) == c[i] for i, d in enumerate(DIMS))
        ]
        for m in MEASURES:
            parts = m.parts or {m.name: 1}
            groups = {m.name: chosen}
            for i, d in enumerate(DIMS):
                if d in m.breakdowns:
                    for x in levels[i]:
                        groups[f"{m.name}.{d}.{x}"] = [c for c in chosen if c[i] == x]
            for cell, coords in groups.items():
                form: dict[Hashable, int] = {}
                for c in coords:
                    for base, coef in parts.items():
                        form[(c, base)] = form.get((c, base), 0) + coef
                out[(report, cell)] = {a: v for a, v in form.items() if v}
    return out


def _rref(rows: list[list[Fraction]]) -> list[tuple[int, list[Fraction]]]:
    """Reduced row-echelon form, dense, as (pivot column, row) pairs."""
    done: list[tuple[int, list[Fraction]]] = []
    for row in rows:
        row = _reduce(done, row)
        pivot = next((i for i, v in enumerate(row) if v != 0), None)
        if pivot is None:
            continue
        row = [v / row[pivot] for v in row]
        done = [(p, [a - r[pivot] * b for a, b in zip(r, row, strict=True)]) for p, r in done]
        done.append((pivot, row))
    return done


def _reduce(basis: list[tuple[int, list[Fraction]]], row: list[Fraction]) -> list[Fraction]:
    for pivot, r in basis:
        if row[pivot] != 0:
            f = row[pivot]
            row = [a - f * b for a, b in zip(row, r, strict=True)]
    return row


def _value(form: Mapping[Hashable, int], atoms: Mapping[Hashable, int]) -> int:
    return sum(c * atoms.get(a, 0) for a, c in form.items())


def _attack(
    values: Mapping[tuple[str, ...], Mapping[str, int]], result: FamilyResult
) -> list[tuple[str, str]]:
    """Every protected cell the attacker can work out (should be none)."""
    atoms: dict[Hashable, int] = {(c, b): n for c, row in values.items() for b, n in row.items()}
    forms = _forms(values, result)
    columns = sorted({a for f in forms.values() for a in f}, key=repr)
    index = {a: i for i, a in enumerate(columns)}

    def vector(form: Mapping[Hashable, int]) -> list[Fraction]:
        row = [Fraction(0)] * len(columns)
        for a, c in form.items():
            row[index[a]] += c
        return row

    # A cell a report does not have (another coach's row in a coach's report: an empty form)
    # is not published.
    published = {
        place: forms[place]
        for place, v in ((p, result.published[p[0]].get(p[1])) for p in forms)
        if v is not None
    }
    # Published values are the true ones, and one form is shown everywhere or nowhere.
    for (report, cell), form in published.items():
        assert result.published[report][cell] == _value(form, atoms)
    shown_forms = {frozenset(f.items()) for f in published.values()}
    for place, form in forms.items():
        if frozenset(form.items()) in shown_forms and form:
            assert result.published[place[0]].get(place[1]) is not None, place
    # Protected: small counts of people, hidden or not, and event sums of small groups.
    protected: list[tuple[str, str]] = []
    found: list[tuple[str, str]] = []
    for (report, cell), form in forms.items():
        n = _value(form, atoms)
        people = _value(forms[(report, "people")], atoms)
        if form and (1 <= n < T or (cell == "sessions" and 1 <= people < T)):
            shown = result.published[report].get(cell) is not None
            (found if shown else protected).append((report, cell))
    basis = _rref([vector(f) for f in published.values()])
    found += [p for p in protected if not any(_reduce(basis, vector(forms[p])))]
    # Nor may non-negativity pin it: find another table of non-negative integers that gives
    # every published cell its value and this cell another (one or two null-space steps).
    pivots = {pivot for pivot, _ in basis}
    steps = []
    for j in (j for j in range(len(columns)) if j not in pivots):
        z = [Fraction(0)] * len(columns)
        z[j] = Fraction(1)
        for pivot, row in basis:
            z[pivot] = -row[j]
        scale = lcm(*(v.denominator for v in z))
        steps.append([int(v * scale) for v in z])
    x = [atoms.get(a, 0) for a in columns]
    for p in protected:
        target = vector(forms[p])
        moves = steps + [
            [a + s * b for a, b in zip(z, w, strict=True)]
            for z, w in combinations(steps, 2)
            for s in (1, -1)
        ]
        candidates = [[s * v for v in z] for z in moves for s in (1, -1)]
        if not any(
            any(t * v for t, v in zip(target, z, strict=True))
            and all(a + b >= 0 for a, b in zip(x, z, strict=True))
            for z in candidates
        ):
            found.append(p)
    # Sums and differences of two published cells, from any two reports.
    targets = {frozenset(forms[p].items()): p for p in protected}
    items = list(published.values())
    for f in items:
        if frozenset(f.items()) in targets:
            found.append(targets[frozenset(f.items())])
    for f, g in combinations(items, 2):
        for sign in (1, -1):
            combo = {a: f.get(a, 0) + sign * g.get(a, 0) for a in set(f) | set(g)}
            key = frozenset((a, c) for a, c in combo.items() if c)
            if key in targets:
                found.append(targets[key])
    return found


def _all_minus_others(
    values: Mapping[tuple[str, ...], Mapping[str, int]], result: FamilyResult, cell: str
) -> dict[str, int]:
    """Issue 13's attack: the all-coach cell minus the other coaches' cells, per coach."""
    devices = sorted({c[0] for c in values})
    total = result.published["all"][cell]
    out = {}
    for d in devices:
        others = [result.published[report_name({"device": o})][cell] for o in devices if o != d]
        if total is not None and all(v is not None for v in others):
            out[d] = total - sum(v for v in others if v is not None)
    return out


def _issue_scenario() -> dict[tuple[str, ...], dict[str, int]]:
    # Five coaches, two settings; coach "e" has small referral counts.
    values = {}
    for i, d in enumerate("abcde"):
        for j, s in enumerate(("community", "jail")):
            made = 5 if d == "e" else 30 + 7 * i + 3 * j
            values[(d, s, "woman" if j else "man")] = {
                "people": 40 + 5 * i + j,
                "made": made,
                "linked": 2 if d == "e" else made - 9,
                "sessions": 300 + i,
            }
    return values


def test_per_report_suppression_leaks_and_the_family_does_not() -> None:
    values = _issue_scenario()
    # Each report suppressed on its own, as the desk did: people and referral tables.
    per_report: dict[str, dict[str, int | None]] = {}
    for name, chosen in [("all", list(values))] + [
        (report_name({"device": d}), [c for c in values if c[0] == d]) for d in "abcde"
    ]:
        cells = {
            "made": sum(values[c]["made"] for c in chosen),
            "linked": sum(values[c]["linked"] for c in chosen),
            "notlinked": sum(values[c]["made"] - values[c]["linked"] for c in chosen),
        }
        hidden_cells = suppress(cells, [("made", ("linked", "notlinked"))], T, {"notlinked"})
        per_report[name] = {k: None if k in hidden_cells else v for k, v in cells.items()}
    assert per_report["device=e"]["linked"] is None
    leaked = per_report["all"]["linked"] - sum(  # type: ignore[operator]
        per_report[f"device={d}"]["linked"]  # type: ignore[misc]
        for d in "abcd"
    )
    assert leaked == 4  # coach e's suppressed linked referrals, exactly
    family = _family(values)
    assert family.published["device=e"]["linked"] is None
    assert "e" not in _all_minus_others(values, family, "linked")
    assert _attack(values, family) == []


def test_the_family_has_one_report_per_filter_combination() -> None:
    family = _family(_issue_scenario())
    assert len(family.published) == (5 + 1) * (2 + 1)
    assert {"people.gender.man", "people.gender.woman"} <= set(family.published["device=a"])
    assert family.published["all"]["people"] == sum(
        40 + 5 * i + j for i in range(5) for j in (0, 1)
    )


def test_a_report_that_is_all_suppressed_says_so_per_cell() -> None:
    result = suppress_family({"x": 3}, {"r": {"n": {"x": 1}}, "s": {"n": {"x": 1}}}, T)
    assert result.published == {"r": {"n": None}, "s": {"n": None}}
    assert result.suppressed == {"r": {"n"}, "s": {"n"}}
    empty = suppress_family({"x": 0, "y": 40}, {"r": {"n": {"x": 1}, "t": {"x": 1, "y": 1}}}, T)
    assert empty.published == {"r": {"n": 0, "t": 40}}


def test_a_small_setting_takes_a_sibling_not_the_headline_total() -> None:
    """Issue 13: one small setting used to take the all-coach "people served" with it (the
    only cell sharing its atoms that was not zero); the other settings' counts are the
    complement a reader expects, and the headline stays published."""
    values = {
        ("a", "court", "man"): {"people": 8, "made": 0, "linked": 0, "sessions": 20},
        ("a", "jail", "man"): {"people": 30, "made": 0, "linked": 0, "sessions": 90},
        ("a", "clinic", "man"): {"people": 45, "made": 0, "linked": 0, "sessions": 140},
    }
    result = _family(values)
    assert result.published["all"]["people"] == 83
    assert result.published["all"]["people.setting.court"] is None
    assert result.published["all"]["people.setting.jail"] is None  # the smallest sibling
    assert result.published["all"]["people.setting.clinic"] == 45
    assert _attack(values, result) == []


cell_value = st.one_of(st.integers(0, 12), st.integers(0, 60), st.just(0), st.integers(1, 10))


@st.composite
def families(draw: st.DrawFn) -> dict[tuple[str, ...], dict[str, int]]:
    devices = [f"d{i}" for i in range(draw(st.integers(1, 3)))]
    settings_ = [f"s{i}" for i in range(draw(st.integers(1, 3)))]
    values = {}
    genders = ["woman", "man", "another"][: draw(st.integers(1, 3))]
    for d in devices:
        for s in settings_:
            for g in genders:
                if draw(st.integers(0, 5)) == 0:
                    continue  # nobody of this coach, setting and gender
                made = draw(cell_value)
                values[(d, s, g)] = {
                    "people": draw(cell_value),
                    "made": made,
                    "linked": draw(st.integers(0, made)),
                    "sessions": draw(st.integers(0, 500)),
                }
    return values or {("d0", "s0", "man"): {"people": 3, "made": 0, "linked": 0, "sessions": 9}}


@settings(max_examples=100, deadline=None)
@given(families())
def test_the_cross_report_attacker_finds_nothing(
    values: dict[tuple[str, ...], dict[str, int]],
) -> None:
    result = _family(values)
    assert _attack(values, result) == []
    for cell in ("people", "made", "linked"):
        for d, derived in _all_minus_others(values, result, cell).items():
            mine = result.published[report_name({"device": d})][cell]
            assert mine is not None or not 1 <= derived < T


def test_reports_handed_over_are_read_once_and_give_the_same_pattern() -> None:
    """The desk hands each measure group's forms over (`handed_over`), so they are let go as
    they are numbered; the caller who keeps its reports gets them back untouched, and both
    get the same result."""
    atoms = {"x": 3, "y": 40, "z": 12}
    kept = {
        "r": {"n": {"x": 1}, "t": {"x": 1, "y": 1}},
        "s": {"t": {"x": 1, "y": 1}, "u": {"y": 1, "z": 1}, "v": {"z": 1}},
    }
    given_away = {
        report: {cell: dict(form) for cell, form in cells.items()} for report, cells in kept.items()
    }
    copy = {report: dict(cells) for report, cells in kept.items()}
    result = suppress_family(atoms, kept, T)
    assert kept == copy
    assert suppress_family(atoms, given_away, T, handed_over=True) == result
    assert given_away == {}
    assert result.suppressed["r"] == {"n", "t"}  # the small x, and the total that gives it away
