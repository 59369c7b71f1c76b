"""The family suppression at statewide shape (issue 14): the span modulo known atoms, split into
local components and global totals (`suppression._Span`), and the ranked siblings of
`_complement_form`, give exactly the slow method's pattern (tests/unit/family_oracle.py: one
basis per component rebuilt every round, confirmed over the rationals) and leave no protected
cell derivable.

Families: the desk's own measures over seeded period atoms (tests/unit/family_values.py) with
2% to 40% small counts, many ties (equal values), zero rows and devices with few settings;
and `_Span` on its own against the oracle's rational echelon basis of the published forms,
on random integer forms (leads other than 1, so the remainders' factors are not 1; long
forms, so some are global) with cells removed in random order.
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
