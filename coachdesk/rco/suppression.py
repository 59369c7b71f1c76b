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

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

Equation = tuple[str, Sequence[str]]  # (total, parts): value[total] == sum(value[part])


def is_small(value: int, threshold: int) -> bool:
    return 1 <= value < threshold


def _components(equations: Sequence[Equation]) -> list[list[Equation]]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for total, parts in equations:
        for part in parts:
            parent[find(part)] = find(total)
        find(total)
    groups: dict[str, list[Equation]] = {}
    for eq in equations:
        groups.setdefault(find(eq[0]), []).append(eq)
    return list(groups.values())


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
