"""The slow exact family suppression, kept as a test oracle (issue 13, item 4's cost).

This is coachdesk.rco.suppression's method before the per-block decomposition: every round
rebuilds one echelon basis of all published forms of a connected set of cells (the search
modulo 2^61 - 1, then every protected cell confirmed over the rationals with `Fraction`). It
shares the product's preparation (distinct forms, values, fixed order), choice of the
complementary cell and output, so on the same family it must give the same pattern as the
product; and `determined` checks a result over the rationals with one basis of every published
cell of every report, with no decomposition at all.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from fractions import Fraction
from typing import Any

from coachdesk.rco import metrics, suppression
from coachdesk.rco.suppression import Atom, FamilyPattern, FamilyResult, Form

_PRIME = 2**61 - 1


class _Echelon:
    """Forward row-echelon basis over the rationals, or modulo a large prime (the search)."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.rows: dict[int, dict[int, Any]] = {}

    def _reduce(self, form: Mapping[int, int]) -> tuple[dict[int, Any], int | None]:
        exact = self.exact
        row: dict[int, Any] = {
            a: (Fraction(c) if exact else c % _PRIME) for a, c in form.items() if c
        }
        heap = list(row)
        heapq.heapify(heap)
        while heap:
            atom = heapq.heappop(heap)
            factor = row.get(atom)
            if not factor:
                continue
            by = self.rows.get(atom)
            if by is None:
                return row, atom
            for a, c in by.items():
                old = row.get(a)
                value = (old or 0) - factor * c
                if not exact:
                    value %= _PRIME
                if value:
                    row[a] = value
                    if old is None:
                        heapq.heappush(heap, a)
                else:
                    row.pop(a, None)
        return {}, None

    def add(self, form: Mapping[int, int]) -> None:
        row, pivot = self._reduce(form)
        if pivot is None:
            return
        lead = row[pivot]
        inverse = 1 / lead if self.exact else pow(lead, _PRIME - 2, _PRIME)
        self.rows[pivot] = {
            a: c * inverse if self.exact else c * inverse % _PRIME
            for a, c in row.items()
            if a >= pivot
        }

    def spans(self, form: Mapping[int, int]) -> bool:
        return self._reduce(form)[1] is None


def _basis(published: Iterable[Mapping[int, int]], exact: bool) -> _Echelon:
    basis = _Echelon(exact)
    for form in published:
        basis.add(form)
    return basis


def suppress_family(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    hidden: Mapping[str, Iterable[str]] | None = None,
    protect: Mapping[str, Iterable[str]] | None = None,
    *,
    handed_over: bool = False,
) -> FamilyResult:
    """suppression.suppress_family as it was: one basis per component, rebuilt every round."""
    family = suppression._prepare(atoms, reports, threshold, hidden, protect, handed_over)
    forms, shown, order, numbered = family.forms, family.shown, family.order, family.numbered
    suppressed = family.protected & shown
    for component in suppression._form_components(forms):
        targets = family.protected & component
        if not targets:
            continue
        sharing: dict[Atom, list[Any]] = {}
        for k in component:
            if k in shown:
                for a in forms[k]:
                    sharing.setdefault(a, []).append(k)
        exact = False
        pending = sorted(targets, key=order.__getitem__)
        while True:
            known = sorted(
                (k for k in component if k in shown and k not in suppressed), key=order.__getitem__
            )
            basis = _basis((numbered[k] for k in known), exact)
            exposed = [k for k in pending if basis.spans(numbered[k])]
            if not exposed:
                if exact:
                    break
                exact = True  # confirm every cell over the rationals before trusting it
                pending = sorted(targets, key=order.__getitem__)
                continue
            pending = exposed
            added = {
                choice
                for k in exposed
                if (choice := suppression._complement_form(k, family, sharing, suppressed))
            }
            if not added:
                suppressed |= component & shown
                break
            suppressed |= added
    return suppression._result(family, suppressed)


def determined(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    result: FamilyResult,
    hidden: Mapping[str, Iterable[str]] | None = None,
    protect: Mapping[str, Iterable[str]] | None = None,
) -> list[tuple[str, str]]:
    """Every protected cell (a count from 1 to threshold - 1, or a cell `protect` names) that
    `result` does not publish yet the published cells of all reports determine, over the
    rationals, with one basis of the whole family (should be none)."""
    hidden_cells = {r: set(c) for r, c in (hidden or {}).items()}
    numbers: dict[Atom, int] = {}

    def numbered(form: Form) -> dict[int, int]:
        return {numbers.setdefault(a, len(numbers)): c for a, c in form.items() if c}

    basis = _Echelon(exact=True)
    for report, cells in reports.items():
        for cell, form in cells.items():
            if result.published[report][cell] is not None:
                assert cell not in hidden_cells.get(report, set())
                assert result.published[report][cell] == sum(
                    c * atoms.get(a, 0) for a, c in form.items()
                )
                basis.add(numbered(form))
    found = []
    for report, cells in reports.items():
        named = set((protect or {}).get(report, ()))
        for cell, form in cells.items():
            n = sum(c * atoms.get(a, 0) for a, c in form.items())
            if not (1 <= n < threshold or cell in named) or not any(form.values()):
                continue
            if result.published[report][cell] is not None or basis.spans(numbered(form)):
                found.append((report, cell))
    return found


@contextmanager
def slow_method() -> Iterator[None]:
    """The desk's code with this oracle in place of the product's suppress_family."""
    fast = suppression.suppress_family
    suppression.suppress_family = suppress_family
    try:
        yield
    finally:
        suppression.suppress_family = fast


def period_family(data: metrics.DeskData, period: str, threshold: int) -> FamilyPattern:
    """metrics.period_family of the period, suppressed by the slow method."""
    with slow_method():
        return metrics.period_family(data, period, threshold)
