"""The family suppression at statewide shape (issue 14): the span modulo known atoms, split into
local components and global totals (`suppression._Span`), and the ranked siblings of
`_complement_form`, give exactly the slow method's pattern (tests/unit/family_oracle.py: one
basis per component rebuilt every round, confirmed over the rationals) and leave no protected
cell derivable.

Families: the desk's own measures over seeded period atoms (tests/unit/family_values.py) with
2% to 40% small counts, many ties (equal values), zero rows and devices with few settings;
and `_Span` on its own against the oracle's rational echelon basis of the published forms,
on random integer forms (leads other than 1, so the remainders' factors are not 1; long
forms, so some are global) with cells removed in random order; and `_Span` on statewide-shaped
forms (coaches x settings, per-setting and grand totals) asked after some rounds only, so its
kept basis of the globals is brought up to date across several rounds of removals.
"""

from __future__ import annotations

import random

import pytest

from coachdesk.rco import metrics, suppression
from tests.unit import family_oracle
from tests.unit.family_values import period_atoms, small_share
from tests.unit.test_suppression_blocks import _cross

CASES = [
    (devices, small, seed)
    for devices, small in ((2, 0.4), (3, 0.2), (4, 0.05), (6, 0.02), (8, 0.1))
    for seed in range(3)
]


@pytest.mark.parametrize(("devices", "small", "seed"), CASES)
def test_the_desks_family_gets_the_slow_methods_pattern(
    devices: int, small: float, seed: int
) -> None:
    atoms = period_atoms(devices, small, seed, zero=0.3, settings=3)
    assert small_share(atoms, 11) > 0
    dims = metrics.FAMILY_DIMENSIONS
    _cross(atoms, dims, metrics.FAMILY_MEASURES, dims)


@pytest.mark.parametrize("seed", range(60))
def test_the_span_is_the_rational_span_as_cells_go(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(6, 40)
    forms: dict[int, dict[int, int]] = {}
    for key in range(1, rng.randint(10, 60)):
        if rng.random() < 0.4:
            chosen = [rng.randrange(n)]  # a known atom
        elif rng.random() < 0.25:
            chosen = rng.sample(range(n), rng.randint(n // 3, n))  # a global total
        else:
            chosen = rng.sample(range(n), rng.randint(2, 4))
        form = {a: rng.choice((-2, -1, 1, 1, 1, 2, 3)) for a in chosen}
        if form not in forms.values():
            forms[key] = form
    published = sorted(forms)
    span = suppression._Span(published, forms)
    order = published[:]
    rng.shuffle(order)
    while True:
        exact = family_oracle._basis((forms[k] for k in published), exact=True)
        for key in forms:
            assert span.spans(key) == exact.spans(forms[key]), (seed, key)
        if not order:
            break
        gone = {order.pop() for _ in range(min(len(order), rng.randint(1, 3)))}
        span.remove(gone)
        published = [k for k in published if k not in gone]


def _statewide_forms(rng: random.Random) -> dict[int, dict[int, int]]:
    """Forms shaped like the desk's family: atoms per (coach, setting), most published alone;
    coaches' totals and other short forms inside a coach (local components); totals per
    setting over every coach and a grand total (global), with coefficients other than 1."""
    coaches, settings = rng.randint(5, 16), rng.randint(2, 4)
    n = coaches * settings

    def atom(d: int, s: int) -> int:
        return d * settings + s

    forms: list[dict[int, int]] = [{a: 1} for a in range(n) if rng.random() < 0.85]
    for d in range(coaches):
        forms.append({atom(d, s): 1 for s in range(settings)})
        for _ in range(rng.randint(0, 2)):
            chosen = rng.sample(range(settings), rng.randint(2, settings))
            forms.append({atom(d, s): rng.choice((-2, -1, 1, 2, 3)) for s in chosen})
    for s in range(settings):
        forms.append({atom(d, s): 1 for d in range(coaches)})
    forms.append({a: 1 for a in range(n)})
    for _ in range(rng.randint(1, 4)):  # other totals over many coaches
        chosen = rng.sample(range(n), rng.randint(n // 2, n))
        forms.append({a: rng.choice((-2, -1, 1, 1, 2, 3)) for a in chosen})
    unique: dict[int, dict[int, int]] = {}
    for form in forms:
        if form not in unique.values():
            unique[len(unique) + 1] = form
    return unique


def _follow(seed: int) -> int:
    """Remove a statewide-shaped family's forms in random order, asking `_Span` and a rational
    basis after some rounds; how many times the globals' basis was brought up to date after
    the first (asserts the answers are equal)."""
    rng = random.Random(seed)
    forms = _statewide_forms(rng)
    published = sorted(forms)
    span = suppression._Span(published, forms)
    assert span.globals, "the family has global forms"
    assert span.sums, "the grand total is the sum of the settings' totals"
    order = published[:]
    rng.shuffle(order)
    updates = -1
    while True:
        u = rng.random()
        if u < 0.3:
            asked = []
        elif u < 0.6:  # one short form: often answered by the local rows alone
            asked = [rng.choice([k for k in forms if len(forms[k]) <= 2])]
        else:
            asked = [k for k in forms if rng.random() < 0.5]
        if asked:
            exact = family_oracle._basis((forms[k] for k in published), exact=True)
            before = span.made[:], span.order[:], span.top_stale
            for key in asked:
                assert span.spans(key) == exact.spans(forms[key]), (seed, key)
            updates += before[2] and not span.top_stale
        if not order:
            return updates
        gone = {order.pop() for _ in range(min(len(order), rng.randint(1, 4)))}
        span.remove(gone)
        published = [k for k in published if k not in gone]


@pytest.mark.parametrize("seed", range(40))
def test_the_kept_global_basis_is_the_rational_span_as_cells_go(seed: int) -> None:
    """`_Span` keeps the globals' basis across rounds (the rows added before the first
    global that changed or went are kept) and brings it up to date only when a question
    reaches it, so several rounds of removals (single atoms, local and global forms) may pass
    between two updates, and rounds may ask only questions the local rows answer. Every form
    asked (published or not) gets the answer of a rational basis of what is published."""
    _follow(seed)


def test_the_kept_global_basis_is_brought_up_to_date_in_most_families() -> None:
    """The families above do exercise the kept basis: after the first update, more."""
    assert sum(_follow(seed) > 0 for seed in range(40)) >= 30


def test_a_global_that_did_not_change_keeps_its_rows() -> None:
    """Removing a single-atom form whose atom no global has leaves every global's
    remainder as it was: the globals' basis is not made again (it keeps its rows, the same
    objects), and its answers stay the rational basis'."""
    forms = {
        1: {0: 1},
        2: {1: 1},
        3: {2: 1},
        4: {3: 1},
        5: {0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1},  # a global
        6: {9: 1, 10: 1},  # local
        7: {9: 1},
        8: {11: 1, 12: 1},  # local, with no atom of the global
        9: {11: 1},
        10: {4: 1, 5: 1, 6: 1, 7: 1, 8: 1},  # not published: the global minus known atoms
    }
    span = suppression._Span(list(range(1, 10)), forms)
    assert span.spans(10) is True  # answered by the globals' basis
    rows = dict(span.top.rows)
    span.remove({9})  # atom 11 becomes unknown: its local component changes, no global does
    assert span.spans(9) is False and span.spans(10) is True
    assert span.top.rows == rows and all(span.top.rows[p] is r for p, r in rows.items())
    span.remove({1})  # atom 0 is in the global: its remainder changes
    assert span.spans(10) is False
    assert span.top.rows != rows


@pytest.mark.parametrize("seed", range(10))
def test_a_sum_left_out_comes_back_when_a_part_goes(seed: int) -> None:
    """The grand total is the sum of the settings' totals, so it is left out of the globals'
    basis (`_Span.sums`) while they are published; rounds of single atoms and coaches'
    totals going change its pieces meanwhile. When a setting's total goes, the grand total
    comes back: the answers stay the rational basis'."""
    rng = random.Random(seed)
    coaches, settings = 8, 3
    forms: dict[int, dict[int, int]] = {}
    for a in range(coaches * settings):
        forms[len(forms) + 1] = {a: 1}
    coach_total = {}
    for d in range(coaches):
        coach_total[d] = len(forms) + 1
        forms[len(forms) + 1] = {d * settings + s: rng.choice((1, 2)) for s in range(settings)}
    setting_totals = []
    for s in range(settings):
        setting_totals.append(len(forms) + 1)
        forms[len(forms) + 1] = {d * settings + s: 1 for d in range(coaches)}
    grand = len(forms) + 1
    forms[grand] = {a: 1 for a in range(coaches * settings)}
    forms[grand + 1] = {a: 1 for a in range(0, coaches * settings, 2)}  # never published
    published = sorted(k for k in forms if k != grand + 1)
    span = suppression._Span(published, forms)
    assert grand in span.sums
    singles = [k for k in published if len(forms[k]) == 1]
    rng.shuffle(singles)
    for step in range(6):
        gone = {singles.pop() for _ in range(2)}
        coach = next(iter(forms[min(gone)])) // settings  # one with an unknown atom
        if step in (1, 2, 3) and coach in coach_total:  # its rows change, not the grand total
            gone.add(coach_total.pop(coach))
        if step == 4:
            gone.add(rng.choice(setting_totals))
        span.remove(gone)
        published = [k for k in published if k not in gone]
        exact = family_oracle._basis((forms[k] for k in published), exact=True)
        for key in forms:
            assert span.spans(key) == exact.spans(forms[key]), (seed, step, key)
    assert grand not in span.sums
