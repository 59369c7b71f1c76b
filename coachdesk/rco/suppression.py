"""Small-cell suppression with complementary suppression (pure functions, no Qt, no SQL).

A report is a set of integer cells tied by additive equations `total = part + part + ...`.
Some cells are hidden (never published, e.g. "follow-ups missed" = due - reached); they are
unknown to a reader but still people who must not be revealed.

Rule (CMS cell-size policy, docs/domain.md): every count from 1 to threshold-1, published or hidden,
must not be shown nor be derivable from the published cells by adding and subtracting
equations. Primary suppression hides published small cells; complementary suppression then
hides further cells until no small cell is determined by the published ones.

A cell x is determined by the published values exactly when the unit vector e_x lies in the row
space of the equations restricted to the unknown cells; in reduced row-echelon form that is a
pivot row whose only non-zero entry is x. Each round suppresses, for every determined small
cell, the smallest published cell sharing an equation with it (a part before a total, a
non-zero part before a zero one), until none is determined. Equations are split into connected
components first so each elimination stays small.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import product
from typing import Any, TypeVar

Equation = tuple[str, Sequence[str]]  # (total, parts): value[total] == sum(value[part])
_T = TypeVar("_T")


def is_small(value: int, threshold: int) -> bool:
    return 1 <= value < threshold


def _connected(items: Sequence[_T], members: Callable[[_T], Sequence[Hashable]]) -> list[list[_T]]:
    """Group items that share members, transitively (union-find); items without members
    are left out."""
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for item in items:
        first, *rest = members(item) or (None,)
        for m in rest:
            parent[find(m)] = find(first)
    groups: dict[Hashable, list[_T]] = {}
    for item in items:
        these = members(item)
        if these:
            groups.setdefault(find(these[0]), []).append(item)
    return list(groups.values())


def _components(equations: Sequence[Equation]) -> list[list[Equation]]:
    return _connected(equations, lambda eq: (eq[0], *eq[1]))


def determined_cells(equations: Sequence[Equation], unknown: set[str]) -> set[str]:
    """The unknown cells whose value follows from the equations and the known cells."""
    columns = sorted({c for total, parts in equations for c in (total, *parts)} & unknown)
    if not columns:
        return set()
    index = {c: i for i, c in enumerate(columns)}
    rows: list[list[Fraction]] = []
    for total, parts in equations:
        row = [Fraction(0)] * len(columns)
        if total in index:
            row[index[total]] += 1
        for part in parts:
            if part in index:
                row[index[part]] -= 1
        if any(row):
            rows.append(row)
    # Reduced row-echelon form over the rationals.
    pivot_row = 0
    pivots: list[tuple[int, int]] = []
    for col in range(len(columns)):
        found = next((r for r in range(pivot_row, len(rows)) if rows[r][col] != 0), None)
        if found is None:
            continue
        rows[pivot_row], rows[found] = rows[found], rows[pivot_row]
        lead = rows[pivot_row][col]
        rows[pivot_row] = [v / lead for v in rows[pivot_row]]
        for r in range(len(rows)):
            if r != pivot_row and rows[r][col] != 0:
                factor = rows[r][col]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[pivot_row], strict=True)]
        pivots.append((pivot_row, col))
        pivot_row += 1
        if pivot_row == len(rows):
            break
    return {
        columns[col] for r, col in pivots if all(v == 0 for c, v in enumerate(rows[r]) if c != col)
    }


def suppress(
    values: Mapping[str, int],
    equations: Iterable[Equation],
    threshold: int,
    hidden: Iterable[str] = (),
) -> set[str]:
    """The published cells to suppress (primary and complementary)."""
    hidden_set = set(hidden)
    small = {k for k, v in values.items() if is_small(v, threshold)}
    suppressed = {k for k in small if k not in hidden_set}
    all_equations = list(equations)
    for component in _components(all_equations):
        cells = {c for total, parts in component for c in (total, *parts)}
        comp_small = small & cells
        if not comp_small:
            continue
        while True:
            unknown = (suppressed | hidden_set) & cells
            exposed = determined_cells(component, unknown) & comp_small
            if not exposed:
                break
            added = False
            for cell in sorted(exposed):
                choice = _complement(cell, component, values, unknown | suppressed)
                if choice is not None and choice not in suppressed:
                    suppressed.add(choice)
                    added = True
            if not added:
                # Every related cell is already unknown yet one is still determined: only
                # possible with a degenerate equation set; hide the whole component.
                suppressed |= cells - hidden_set
                break
    return suppressed


def _complement(
    cell: str, component: Sequence[Equation], values: Mapping[str, int], unknown: set[str]
) -> str | None:
    candidates: list[tuple[int, int, int, str]] = []
    for total, parts in component:
        members = (total, *parts)
        if cell not in members:
            continue
        for member in members:
            if member in unknown:
                continue
            value = values.get(member, 0)
            candidates.append((member == total, value == 0, value, member))
    if not candidates:
        return None
    return min(candidates)[3]


# -- one suppression pattern over the whole family of reports (issue 13, item 4) -----------
#
# Each report on its own may be safe while the family is not: the all-coach report minus the
# other coaches' reports gives one coach's suppressed cells. So every cell of every report is
# written as a linear form over *atoms* (e.g. one count per device x setting x category), the
# attacker knows every published cell of every report, and a small cell is protected exactly
# when its form is not in the span of the published forms (exact rational elimination). A form
# that appears in several reports is one cell: suppressed in all of them or in none.

Atom = Hashable
Form = Mapping[Atom, int]  # atom -> coefficient; the cell's value is sum(coef * atom)
_Key = frozenset[tuple[Atom, int]]


_PRIME = 2**61 - 1  # a Mersenne prime: the fast search works modulo it


class _Echelon:
    """Forward row-echelon basis of published forms (sparse rows over numbered atoms), over
    the rationals, or modulo a large prime for the search (much faster; the final pattern is
    then checked over the rationals, so the guarantee never rests on the modular arithmetic).

    Each stored row has its pivot as its smallest atom, so a form is reduced by walking its
    atoms in increasing order (a heap): eliminating a pivot only brings in larger atoms, and
    the first atom that is no pivot proves the form is not in the span (`spans` stops there;
    `add` stores the row with that atom as its pivot)."""

    def __init__(self, exact: bool) -> None:
        self.exact = exact
        self.rows: dict[int, dict[int, Any]] = {}  # pivot -> row with 1 there

    def _reduce(self, form: Mapping[int, int]) -> tuple[dict[int, Any], int | None]:
        """(the partly reduced row, its smallest atom that is no pivot); ({}, None) when the
        form is in the span."""
        exact = self.exact
        row: dict[int, Any] = {
            a: (Fraction(c) if exact else c % _PRIME) for a, c in form.items() if c
        }
        heap = list(row)
        heapq.heapify(heap)
        rows = self.rows
        while heap:
            atom = heapq.heappop(heap)
            factor = row.get(atom)
            if not factor:
                continue  # a repeat on the heap, or cancelled on the way
            by = rows.get(atom)
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
        # Entries below the pivot were eliminated (cancelled to zero) on the way.
        self.rows[pivot] = {
            a: c * inverse if self.exact else c * inverse % _PRIME
            for a, c in row.items()
            if a >= pivot
        }

    def spans(self, form: Mapping[int, int]) -> bool:
        return self._reduce(form)[1] is None


def _key(form: Form) -> _Key:
    return frozenset((a, c) for a, c in form.items() if c)


def _basis(published: Iterable[Mapping[int, int]], exact: bool) -> _Echelon:
    basis = _Echelon(exact)
    for form in published:
        basis.add(form)
    return basis


@dataclass(frozen=True, slots=True)
class FamilyResult:
    published: dict[str, dict[str, int | None]]  # report -> cell -> value (None: not shown)
    suppressed: dict[str, set[str]]  # report -> cells suppressed (primary and complementary)


def suppress_family(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    hidden: Mapping[str, Iterable[str]] | None = None,
    protect: Mapping[str, Iterable[str]] | None = None,
) -> FamilyResult:
    """One suppression pattern for a family of reports that an attacker may combine.

    `reports[r][cell]` is the cell's linear form over `atoms`; `hidden[r]` are cells never
    published but counting people (e.g. follow-ups missed); `protect[r]` are cells to keep
    underivable whatever their value (e.g. session counts of a small group). Every cell from 1
    to threshold - 1 is suppressed, then complementary cells, until no protected cell of any
    report is determined by the published cells of all reports together.
    """
    hidden_cells = {r: set(cells) for r, cells in (hidden or {}).items()}
    forms: dict[_Key, Form] = {}
    shown: set[_Key] = set()
    where: dict[_Key, list[tuple[str, str]]] = {}
    for report, cells in reports.items():
        for cell, form in cells.items():
            key = _key(form)
            forms.setdefault(key, {a: c for a, c in form.items() if c})
            where.setdefault(key, []).append((report, cell))
            if cell not in hidden_cells.get(report, set()):
                shown.add(key)
    value = {key: sum(c * atoms.get(a, 0) for a, c in forms[key].items()) for key in forms}
    # Work on numbered atoms and cells (a fixed order, so the pattern is reproducible).
    numbers = {a: i for i, a in enumerate(sorted({a for f in forms.values() for a in f}, key=repr))}
    order = {key: i for i, key in enumerate(sorted(forms, key=lambda k: sorted(map(repr, k))))}
    numbered = {key: {numbers[a]: c for a, c in form.items()} for key, form in forms.items()}
    protected = {key for key in forms if is_small(value[key], threshold)}
    for report, names in (protect or {}).items():
        protected |= {_key(reports[report][c]) for c in names if c in reports[report]}
    protected = {key for key in protected if key}  # an empty form is a structural zero
    suppressed = protected & shown
    for component in _form_components(forms):
        targets = protected & component
        if not targets:
            continue
        exact = False
        # Suppressing more only shrinks what is published, so a cell found protected stays
        # protected: each round re-checks only the cells exposed in the round before.
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
                if (
                    choice := _complement_form(k, component, forms, value, shown, suppressed, order)
                )
            }
            if not added:
                suppressed |= component & shown  # nothing left to choose: hide it all
                break
            suppressed |= added
    published: dict[str, dict[str, int | None]] = {r: {} for r in reports}
    out_suppressed: dict[str, set[str]] = {r: set() for r in reports}
    for key, places in where.items():
        for report, cell in places:
            if (
                key in shown
                and key not in suppressed
                and cell not in hidden_cells.get(report, set())
            ):
                published[report][cell] = value[key]
            else:
                published[report][cell] = None
                if key in suppressed and cell not in hidden_cells.get(report, set()):
                    out_suppressed[report].add(cell)
    return FamilyResult(published, out_suppressed)


def _form_components(forms: Mapping[_Key, Form]) -> list[set[_Key]]:
    return [set(g) for g in _connected(list(forms), lambda key: list(forms[key]))]


def _complement_form(
    exposed: _Key,
    component: set[_Key],
    forms: Mapping[_Key, Form],
    value: Mapping[_Key, int],
    shown: set[_Key],
    suppressed: set[_Key],
    order: Mapping[_Key, int],
) -> _Key | None:
    """The published cell to suppress for a determined one: among the cells sharing an atom
    with it, the smallest non-zero one (zero cells last), with fewer atoms first."""
    atoms = set(forms[exposed])
    return min(
        (
            k
            for k in component
            if k in shown and k not in suppressed and k != exposed and atoms & set(forms[k])
        ),
        key=lambda k: (value[k] == 0, value[k], len(forms[k]), order[k]),
        default=None,
    )


# -- the desk's family: every filter combination of a cross-classification ----------------


@dataclass(frozen=True, slots=True)
class Measure:
    """One figure of every report. A base measure is counted per atom; a derived one is a
    combination of base measures (e.g. missed = due - reached)."""

    name: str
    parts: Mapping[str, int] | None = None  # base measure -> coefficient; None: a base measure
    hidden: bool = False  # never published, but people (protected when small)
    breakdowns: tuple[str, ...] = ()  # dimensions it is also shown by, inside each report
    people: str | None = None  # protect it whenever this measure's cell is small (event sums)


def report_name(selection: Mapping[str, str]) -> str:
    return ",".join(f"{d}={v}" for d, v in selection.items()) or "all"


def cross_family(
    values: Mapping[tuple[str, ...], Mapping[str, int]],
    dimensions: Sequence[str],
    measures: Sequence[Measure],
    threshold: int,
    filters: Sequence[str] | None = None,
) -> FamilyResult:
    """Suppress the whole family of reports over a cross-classification at once.

    `values[(coordinate per dimension)][base measure]` are the atoms (e.g. per (device,
    setting, age band, gender): people, referrals made per category, ...). The family holds
    one report per combination of the `filters` dimensions (default: all dimensions; each
    all, or one of its values), named by `report_name`; in each, measure m is the cell `m`
    and, per breakdown dimension d and value x, `m.d.x` (a dimension that is not a filter,
    such as a demographic, only appears in breakdowns).
    """
    levels = [sorted({coords[i] for coords in values}) for i in range(len(dimensions))]
    filtering = set(dimensions if filters is None else filters)
    atoms: dict[Atom, int] = {
        (coords, base): n for coords, row in values.items() for base, n in row.items()
    }
    reports: dict[str, dict[str, Form]] = {}
    hidden: dict[str, set[str]] = {}
    protect: dict[str, set[str]] = {}
    options = [
        [None, *level] if d in filtering else [None]
        for d, level in zip(dimensions, levels, strict=True)
    ]
    for choice in product(*options):
        selection = {d: v for d, v in zip(dimensions, choice, strict=True) if v is not None}
        chosen = [
            coords
            for coords in values
            if all(v is None or coords[i] == v for i, v in enumerate(choice))
        ]
        name = report_name(selection)
        cells: dict[str, Form] = {}
        for m in measures:
            parts = m.parts if m.parts is not None else {m.name: 1}
            groups: dict[str, list[tuple[str, ...]]] = {m.name: chosen}
            for d in m.breakdowns:
                i = list(dimensions).index(d)
                for x in levels[i]:
                    groups[f"{m.name}.{d}.{x}"] = [c for c in chosen if c[i] == x]
            for cell, coords_list in groups.items():
                form: dict[Atom, int] = {}
                for coords in coords_list:
                    for base, coef in parts.items():
                        form[(coords, base)] = form.get((coords, base), 0) + coef
                cells[cell] = form
                if m.hidden:
                    hidden.setdefault(name, set()).add(cell)
        for m in measures:
            if m.people is not None:
                n = sum(c * atoms.get(a, 0) for a, c in cells[m.people].items())
                if is_small(n, threshold):
                    protect.setdefault(name, set()).add(m.name)
        reports[name] = cells
    return suppress_family(atoms, reports, threshold, hidden, protect)
