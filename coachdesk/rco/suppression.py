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
import json
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import chain, product
from math import gcd, isqrt, lcm
from typing import TypeVar, cast

Equation = tuple[str, Sequence[str]]  # (total, parts): value[total] == sum(value[part])
_T = TypeVar("_T")


def is_small(value: int, threshold: int) -> bool:
    return 1 <= value < threshold


def _connected(items: Sequence[_T], members: Callable[[_T], Sequence[Hashable]]) -> list[list[_T]]:
    """Group items that share members, transitively (union-find); items without members
    are left out."""
    parent: dict[Hashable, Hashable] = {}

    def find(x: Hashable) -> Hashable:
        root = parent.setdefault(x, x)
        if root == x:
            return x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for item in items:
        these = members(item)
        if len(these) < 2:
            continue
        first = find(these[0])
        for m in these:
            if m not in parent:
                parent[m] = first
            else:
                other = find(m)
                if other != first:
                    parent[other] = first
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
# when its form is not in the span of the published forms (exact elimination over the
# integers). A form that appears in several reports is one cell: suppressed in all of them or
# in none.

Atom = Hashable
Form = Mapping[Atom, int]  # atom -> coefficient; the cell's value is sum(coef * atom)
_Key = int  # a distinct form (_Distinct)


class _Echelon:
    """Forward row-echelon basis of integer forms (sparse rows over numbered atoms), exact.

    Fraction-free: a row is reduced by a pivot row as `(lead/g) * row - (c/g) * pivot row`
    (g = gcd), which cancels the pivot's atom without leaving the integers, so the span over
    the rationals is decided exactly with plain integer arithmetic. Stored rows are primitive
    (content 1) with a positive lead. Each stored row has its pivot as its smallest atom, so a
    form is reduced by walking its atoms in increasing order (a heap): eliminating a pivot only
    brings in larger atoms, and the first atom that is no pivot proves the form is not in the
    span (`spans` stops there; `add` stores the row with that atom as its pivot)."""

    def __init__(self) -> None:
        self.rows: dict[int, dict[int, int]] = {}  # pivot -> row
        self.last_pivot = -1  # the pivot of the row `add` stored last
        self.scale = 1  # what the last form reduced was multiplied by (`remainder`)

    def _reduce(
        self, form: Mapping[int, int], keep: bool = False
    ) -> tuple[dict[int, int], int | None]:
        """(the partly reduced row, its smallest atom that is no pivot); ({}, None) when the
        form is in the span. With `keep`, go on past atoms that are no pivot: (the remainder,
        None), every pivot's atom eliminated (`remainder`)."""
        row = {a: c for a, c in form.items() if c}
        heap = list(row)
        heapq.heapify(heap)
        rows = self.rows
        self.scale = 1
        while heap:
            atom = heapq.heappop(heap)
            factor = row.get(atom)
            if not factor:
                continue  # a repeat on the heap, or cancelled on the way
            by = rows.get(atom)
            if by is None:
                if keep:
                    continue
                return row, atom
            lead = by[atom]
            if lead != 1:
                g = gcd(lead, factor)
                scale, factor = lead // g, factor // g
                if scale != 1:
                    self.scale *= scale
                    for a in row:
                        row[a] *= scale
            for a, c in by.items():
                old = row.get(a)
                value = (old or 0) - factor * c
                if value:
                    row[a] = value
                    if old is None:
                        heapq.heappush(heap, a)
                else:
                    row.pop(a, None)
        return (row, None) if keep else ({}, None)

    def remainder(self, form: Mapping[int, int]) -> tuple[dict[int, int], int]:
        """(r, s): r = s * form - a combination of the rows, with no pivot's atom left, s a
        positive integer. r / s is the one such remainder: a non-zero combination of the rows
        has its smallest pivot's atom (each row's smallest atom is its pivot)."""
        row = self._reduce(form, keep=True)[0]
        return row, abs(self.scale)

    def add(self, form: Mapping[int, int]) -> bool:
        """Add the form to the basis: False when it was in the span already (no new row)."""
        row, pivot = self._reduce(form)
        if pivot is None:
            return False
        # Entries below the pivot were cancelled on the way; make the row primitive.
        g = gcd(*row.values())
        if row[pivot] < 0:
            g = -g
        self.rows[pivot] = {a: c // g for a, c in row.items()} if g != 1 else row
        self.last_pivot = pivot
        return True

    def spans(self, form: Mapping[int, int]) -> bool:
        return self._reduce(form)[1] is None


class _Span:
    """The span of the published forms of one component, modulo the atoms known now.

    A published single-atom form makes its atom *known* (an interior cell of the device x
    setting table: most atoms of the desk's family). Let K be the known atoms and π drop them
    from a form. *Claim 1:* a form t is in span(published) exactly when π(t) is in the span
    of π(w) over the published forms w of two atoms or more. *Proof.* The published forms
    span the unit vectors of K, so span(published) = span(wide forms) + span(e_K), and a form
    lies in it exactly when its image in the quotient by span(e_K), which is π, lies in the
    image of span(wide forms), the span of their π. ∎ (An atom no published form has is never
    known, so a form with it is not in the span.) Few atoms are unknown (the suppressed
    interior cells), so the projected forms are short and most are empty.

    The projected forms are split into *local* ones (short forms: a coach's total, a last
    demographic group) and *global* ones (totals over many coaches, longer than the square
    root of the number of atoms). Local forms fall into components that share no atom (one
    per coach), fixed at the start: each has its own rows in `local`, an echelon basis made
    again only when one of its forms changed (removed, or an atom of it became unknown).
    *Claim 2:* with L the local forms and N the remainder after eliminating L's pivots
    (`_Echelon.remainder`, unique up to a non-zero factor), t is in span(L ∪ G) exactly when
    N(t) is in the span of N(g), g in G. *Proof.* N is, up to that factor, the projection
    along span(L) onto the vectors with no pivot's atom (their only vector in span(L) is 0),
    so t - (a combination of G) is in span(L) exactly when N of it, N(t) - (the same
    combination of N(G)), is 0. ∎ So a round remakes the few components it touched and the
    short basis of the globals' remainders (issue 14: one basis of every form, its rows as
    wide as a total over 500 coaches, remade after most rounds, was most of the time).

    That basis (`top`) is kept across rounds: it is made by adding the remainders one by one
    in `order`, and the rows the globals before the first one whose remainder changed (or
    that went) added are the same rows, so only the rest is added again, those that changed
    last (the globals that seldom change settle at the front; any order gives the same span).
    A remainder changes only where its pieces did: a piece whose component was remade but
    that the new rows leave the same (as a vector: row / factor) is no change. And `top` is
    brought up to date only when a question reaches it, not after every round (most
    questions are answered by the local rows)."""

    def __init__(self, published: Sequence[_Key], numbered: Mapping[_Key, Mapping[int, int]]):
        self.numbered = numbered
        self.known: dict[int, int] = {}  # atom -> how many published single-atom forms
        self.having: dict[int, list[_Key]] = {}  # atom -> the wide forms with it (once published)
        self.wide: set[_Key] = set()  # published forms of two atoms or more
        for key in published:
            form = numbered[key]
            if len(form) == 1:
                atom = next(iter(form))
                self.known[atom] = self.known.get(atom, 0) + 1
            elif form:
                self.wide.add(key)
                for a in form:
                    self.having.setdefault(a, []).append(key)
        # Global: longer than the square root of the atoms (a total over 500 coaches' 3,000
        # atoms is; a coach's total over 6 settings is not). Any split gives the same span.
        longest = isqrt(len(self.having))
        self.globals = {k for k in self.wide if len(numbered[k]) > longest}
        groups = _connected(sorted(self.wide - self.globals), lambda k: sorted(numbered[k]))
        self.group_of: dict[int, int] = {}  # atom of a local form -> its component
        self.members = groups  # component -> its local forms (sparsest first below)
        for c, group in enumerate(groups):
            group.sort(key=lambda k: (len(numbered[k]), k))
            for k in group:
                for a in numbered[k]:
                    self.group_of[a] = c
        self.local = _Echelon()  # the rows of every component's basis (disjoint atoms)
        self.pivots: dict[int, list[int]] = {}  # component -> the pivots of its rows
        self.dirty: set[int] = set(range(len(groups)))  # components to make again
        # key -> the published wide form without its known atoms (only those left non-empty)
        self.projected: dict[_Key, dict[int, int]] = {}
        # global -> component (-1: none) -> its projection's atoms there, and their remainder
        # by `local` with its factor (None: to compute)
        self.pieces: dict[_Key, dict[int, dict[int, int]]] = {k: {} for k in self.globals}
        self.remainders: dict[_Key, dict[int, tuple[dict[int, int], int] | None]] = {
            k: {} for k in self.globals
        }
        self.changed: dict[_Key, set[int]] = {}  # global -> its pieces changed since
        self.assembled: dict[_Key, tuple[dict[int, int], int]] = {}  # its remainder, factor
        for a, keys in self.having.items():
            if a not in self.known:
                self._unknown(a, keys)
        self.top = _Echelon()  # the globals' remainders, kept across rounds (`_update_top`)
        self.order: list[_Key] = []  # the globals in the order they were added to `top`
        self.made: list[int | None] = []  # the pivot each added (None: in the span already)
        self.stale = True  # some component's rows are to be made again (`dirty`)
        self.touched: set[int] = set()  # components made again since `top` was
        self.top_stale = True  # `top` is to be brought up to date
        # Globals that are the sum of other published globals (a total over every coach is
        # the sum of the settings' totals): in their span, left out of `top` (`_sums`).
        self.sums = self._sums()  # such a global -> its parts

    def _sums(self) -> dict[_Key, list[_Key]]:
        """The published globals g = h1 + h2 + ... for shorter published globals h with
        disjoint atoms, each with g's coefficients (`_part_of`), with their parts. Such a g
        is in the span of the others however many atoms are known (π and N are linear:
        N(g) = N(h1) + N(h2) + ...; by induction on the length, of those that are no sum),
        so it adds nothing to `top` while its parts are published. (Found greedily, longer
        parts first: one missed only costs a row.)"""
        numbered = self.numbered
        live = sorted(self.globals & self.wide, key=lambda k: (len(numbered[k]), k))
        sums: dict[_Key, list[_Key]] = {}
        for i, g in enumerate(live):
            whole = numbered[g]
            used: set[int] = set()
            parts = []
            for h in reversed(live[:i]):
                form = numbered[h]
                if len(form) < len(whole) and _part_of(form, whole) and used.isdisjoint(form):
                    used.update(form)
                    parts.append(h)
            if len(used) == len(whole):
                sums[g] = parts
        return sums

    def _part_went(self, key: _Key) -> None:
        """A global went: the sums it was a part of go into `top` (their remainders made
        then for the first time: sums are found at the start and only leave)."""
        for g in [g for g, parts in self.sums.items() if key in parts or g == key]:
            del self.sums[g]
            self.top_stale = True

    def _unknown(self, atom: int, keys: Iterable[_Key]) -> None:
        numbered, projected, wide, pieces = self.numbered, self.projected, self.wide, self.pieces
        c = self.group_of.get(atom)
        for key in keys:
            if key in wide:
                row = projected.get(key)
                if row is None:
                    row = projected[key] = {}
                row[atom] = coefficient = numbered[key][atom]
                mine = pieces.get(key)
                if mine is not None:  # a global
                    at = -1 if c is None else c
                    mine.setdefault(at, {})[atom] = coefficient
                    self.changed.setdefault(key, set()).add(at)
                    self.remainders[key].setdefault(at, None)
        if c is not None:
            self.dirty.add(c)
        self.stale = self.top_stale = True

    def remove(self, keys: Iterable[_Key]) -> None:
        for key in keys:
            form = self.numbered[key]
            if len(form) == 1:
                atom = next(iter(form))
                left = self.known.get(atom, 0) - 1
                if left > 0:
                    self.known[atom] = left
                elif left == 0:
                    del self.known[atom]
                    self._unknown(atom, self.having.get(atom, ()))
            elif key in self.wide:
                self.wide.discard(key)
                if key in self.globals:
                    self._part_went(key)
                if self.projected.pop(key, None) is not None:
                    # a form with no unknown atom was no row of anything: nothing changes
                    self.stale = self.top_stale = True
                    if key not in self.globals:
                        self.dirty.add(self.group_of[next(iter(form))])

    def _update_local(self) -> None:
        local, projected = self.local, self.projected
        for c in self.dirty:
            for pivot in self.pivots.pop(c, ()):
                del local.rows[pivot]
            made = self.pivots[c] = []
            for key in self.members[c]:
                row = projected.get(key)
                if row is not None and local.add(row):
                    made.append(local.last_pivot)
        self.touched |= self.dirty
        self.dirty.clear()
        self.stale = False

    def _update_top(self) -> _Echelon:
        """The basis of the globals' remainders, made again only where they changed since
        the last time it was asked for (a round whose cells all leave no remainder does not
        ask)."""
        # A global's remainder is the sum of its pieces' (a component's rows reduce only its
        # own atoms), each divided by its factor; a piece changes only with its atoms
        # (`_unknown`) or its component's rows.
        rows: dict[_Key, dict[int, int]] = {}
        fresh: set[_Key] = set()  # globals whose remainder changed (or is new)
        for key in self.globals:
            if key in self.projected and key not in self.sums:
                rows[key], changed = self._remainder(key)
                if changed:
                    fresh.add(key)
        self.touched.clear()
        self.top_stale = False
        # The globals' basis is kept: the rows added before the first global that changed or
        # went are the same rows, so only the rest is added again; those that changed go
        # last, so the globals that seldom change settle at the front (any order of adding
        # gives the same span).
        top, order, made = self.top, self.order, self.made
        keep = 0
        while keep < len(order) and order[keep] in rows and order[keep] not in fresh:
            keep += 1
        for pivot in made[keep:]:
            if pivot is not None:
                del top.rows[pivot]
        again = [k for k in order[keep:] if k in rows and k not in fresh]
        again += sorted(fresh)
        del order[keep:], made[keep:]
        for key in again:
            order.append(key)
            made.append(top.last_pivot if top.add(rows[key]) else None)
        return top

    def _remainder(self, key: _Key) -> tuple[dict[int, int], bool]:
        """The global's remainder (a multiple of it): the sum of its pieces', each divided by
        its factor, kept and patched where its pieces changed; and whether it changed since
        the last call."""
        done, pieces = self.remainders[key], self.pieces[key]
        changed = self.changed.pop(key, set())
        changed.update(c for c in self.touched if c in pieces)
        kept = self.assembled.get(key)
        if kept is not None:
            total, common = kept
            moved = False
            for c in changed:
                old = done[c]
                rest = self._piece(c, pieces[c])
                if old is not None and _same_ratio(rest, old):
                    continue  # its component's rows changed, not what they leave of it
                moved = True
                if old is not None:
                    for a in old[0]:
                        del total[a]
                done[c] = rest
                if common % rest[1]:
                    break  # a factor that is not a divisor: summed again below
                times = common // rest[1]
                for a, v in rest[0].items():
                    total[a] = v * times
            else:
                return total, moved
        for c, piece in pieces.items():
            if done.get(c) is None or c in changed:
                done[c] = self._piece(c, piece)
        parts = [part for part in done.values() if part is not None]
        common = lcm(*(factor for _, factor in parts))
        total = {}
        for row, factor in parts:
            times = common // factor
            for a, v in row.items():
                total[a] = v * times
        self.assembled[key] = (total, common)
        return total, True

    def _piece(self, c: int, piece: dict[int, int]) -> tuple[dict[int, int], int]:
        return (dict(piece), 1) if c < 0 else self.local.remainder(piece)

    def spans(self, key: _Key) -> bool:
        known = self.known
        rest = {a: c for a, c in self.numbered[key].items() if a not in known}
        if not rest:
            return True
        if self.stale:
            self._update_local()
        rest = self.local.remainder(rest)[0]
        if not rest:
            return True
        return (self._update_top() if self.top_stale else self.top).spans(rest)


def _same_ratio(one: tuple[dict[int, int], int], other: tuple[dict[int, int], int]) -> bool:
    """Is row / factor the same vector for both (row, factor)?"""
    (a, s), (b, t) = one, other
    return a.keys() == b.keys() and all(v * t == b[k] * s for k, v in a.items())


def _canonical(form: Form) -> Form:
    """The form without its zero coefficients (the same cell)."""
    return {a: c for a, c in form.items() if c} if 0 in form.values() else form


class _Distinct:
    """Numbers distinct forms: equal forms (whatever their order, zero coefficients left
    out) get one key. A form is found by a hash of its atoms and compared whole, so no
    hashable copy of each form is kept (at 500 coaches the family has 1.8 million entries,
    and frozensets of them were most of the memory)."""

    def __init__(self) -> None:
        self.forms: dict[_Key, Form] = {}  # keys from 1: a key is never falsy
        self._by_atoms: dict[int, list[_Key]] = {}
        self._by_object: dict[int, _Key] = {}  # id(form) -> key: one form in many cells

    def key(self, form: Form) -> _Key:
        known = self._by_object.get(id(form))
        if known is not None and self.forms[known] is form:
            return known
        canon = _canonical(form)
        bucket = self._by_atoms.setdefault(hash(frozenset(canon)), [])
        for key in bucket:
            if self.forms[key] == canon:
                break
        else:
            key = len(self.forms) + 1
            self.forms[key] = canon
            bucket.append(key)
        if canon is form:
            self._by_object[id(form)] = key
        return key


@dataclass(frozen=True, slots=True)
class FamilyResult:
    published: dict[str, dict[str, int | None]]  # report -> cell -> value (None: not shown)
    suppressed: dict[str, set[str]]  # report -> cells suppressed (primary and complementary)


@dataclass(frozen=True, slots=True)
class _Family:
    """A family of reports as distinct forms (one cell however many reports show it)."""

    forms: dict[_Key, dict[int, int]]  # the forms over numbered atoms (a fixed order)
    numbered: dict[_Key, dict[int, int]]  # the same (the oracle in the tests reads both)
    value: dict[_Key, int]
    shown: set[_Key]  # forms some report publishes (not hidden everywhere)
    protected: set[_Key]  # small counts and the cells `protect` names
    order: dict[_Key, int]  # a fixed order of the forms, so the pattern is reproducible
    where: dict[_Key, list[tuple[str, str]]]  # form -> (report, cell) that has it
    hidden: dict[str, set[str]]
    reports: tuple[str, ...]
    cells_of: dict[str, list[_Key]]  # report -> the forms of the cells it publishes
    # (report, total) -> the report's published non-empty forms that are parts of the total,
    # best first (`_complement_form`'s siblings, before those suppressed since are left out)
    parts_in: dict[tuple[str, _Key], list[_Key]] = field(default_factory=dict)


def _prepare(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    hidden: Mapping[str, Iterable[str]] | None,
    protect: Mapping[str, Iterable[str]] | None,
    handed_over: bool = False,
) -> _Family:
    """The family as distinct numbered forms. `handed_over`: `reports` is a dict of dicts no
    one else holds, emptied as it is read, so each form is let go once its numbered copy is
    made (the desk's largest measure group: 107 MB of forms at 500 coaches, which stood beside
    their copies at the peak)."""
    names = tuple(reports)
    hidden_cells = {r: set(cells) for r, cells in (hidden or {}).items()}
    protect_cells = {r: set(cells) for r, cells in (protect or {}).items()}
    distinct = _Distinct()
    shown: set[_Key] = set()
    named: set[_Key] = set()  # the cells `protect` names
    where: dict[_Key, list[tuple[str, str]]] = {}
    cells_of: dict[str, list[_Key]] = {r: [] for r in names}
    for report in names:
        cells = reports[report]
        if handed_over:
            del cast(dict[str, Mapping[str, Form]], reports)[report]
        hidden_here = hidden_cells.get(report, set())
        protect_here = protect_cells.get(report, set())
        mine = cells_of[report]
        for cell, form in cells.items():
            key = distinct.key(form)
            places = where.get(key)
            if places is None:
                places = where[key] = []
            places.append((report, cell))
            if cell not in hidden_here:
                shown.add(key)
                mine.append(key)
            if cell in protect_here:
                named.add(key)
    original = distinct.forms
    del distinct
    get = atoms.get
    value = {key: sum(c * get(a, 0) for a, c in form.items()) for key, form in original.items()}
    # Atoms and forms in a fixed order (atoms by repr, forms by their numbered atoms), so the
    # pattern is reproducible. From here on the forms are over numbered atoms only.
    every = {a for form in original.values() for a in form}
    numbers = {a: i for i, a in enumerate(sorted(every, key=repr))}
    del every
    numbered: dict[_Key, dict[int, int]] = {}
    for key in list(original):  # in order, each original let go as it is copied
        numbered[key] = {numbers[a]: c for a, c in original.pop(key).items()}
    del original, numbers
    order = {key: i for i, key in enumerate(sorted(numbered, key=lambda k: _flat(numbered[k])))}
    protected = {key for key, n in value.items() if is_small(n, threshold)} | named
    protected = {key for key in protected if numbered[key]}  # an empty form: a structural zero
    return _Family(
        numbered,
        numbered,
        value,
        shown,
        protected,
        order,
        where,
        hidden_cells,
        names,
        cells_of,
    )


def _flat(form: Mapping[int, int]) -> tuple[int, ...]:
    """The form's sorted (atom, coefficient) pairs as one flat tuple: ordered as the list of
    pairs would be (pair by pair, a prefix first), in a third of its memory (the sort holds a
    key for every form at once)."""
    return tuple(chain.from_iterable(sorted(form.items())))


def _result(family: _Family, suppressed: set[_Key]) -> FamilyResult:
    published: dict[str, dict[str, int | None]] = {r: {} for r in family.reports}
    out_suppressed: dict[str, set[str]] = {r: set() for r in family.reports}
    for key, places in family.where.items():
        for report, cell in places:
            hidden_here = cell in family.hidden.get(report, set())
            if key in family.shown and key not in suppressed and not hidden_here:
                published[report][cell] = family.value[key]
            else:
                published[report][cell] = None
                if key in suppressed and not hidden_here:
                    out_suppressed[report].add(cell)
    return FamilyResult(published, out_suppressed)


def suppress_family(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    hidden: Mapping[str, Iterable[str]] | None = None,
    protect: Mapping[str, Iterable[str]] | None = None,
    *,
    handed_over: bool = False,
) -> FamilyResult:
    """One suppression pattern for a family of reports that an attacker may combine.

    `reports[r][cell]` is the cell's linear form over `atoms`; `hidden[r]` are cells never
    published but counting people (e.g. follow-ups missed); `protect[r]` are cells to keep
    underivable whatever their value (e.g. session counts of a small group). Every cell from 1
    to threshold - 1 is suppressed, then complementary cells, until no protected cell of any
    report is determined by the published cells of all reports together. `handed_over`:
    `reports` is the caller's to give away (a dict of dicts), emptied as it is read.
    """
    if not any(names for names in (protect or {}).values()):
        nothing = _nothing_small(atoms, reports, threshold, hidden)
        if nothing is not None:
            return nothing
    family = _prepare(atoms, reports, threshold, hidden, protect, handed_over)
    del reports  # numbered in `family`: the caller's forms may go (see _Layout.results)
    suppressed = family.protected & family.shown
    for component in _form_components(family.forms):
        _suppress_component(family, component, suppressed)
    return _result(family, suppressed)


def _nothing_small(
    atoms: Mapping[Atom, int],
    reports: Mapping[str, Mapping[str, Form]],
    threshold: int,
    hidden: Mapping[str, Iterable[str]] | None,
) -> FamilyResult | None:
    """The family's result when no cell is small and none is to be protected: nothing is
    suppressed, every cell not hidden is published (what the elimination would find, without
    it: at 500 coaches most measure groups have no small cell). None when some cell is small."""
    get = atoms.get
    published: dict[str, dict[str, int | None]] = {}
    for report, cells in reports.items():
        hidden_here = set((hidden or {}).get(report, ()))
        shown: dict[str, int | None] = {}
        for cell, form in cells.items():
            value = sum(c * get(a, 0) for a, c in form.items())
            if 1 <= value < threshold:
                return None
            shown[cell] = None if cell in hidden_here else value
        published[report] = shown
    return FamilyResult(published, {report: set() for report in reports})


def _suppress_component(family: _Family, component: set[_Key], suppressed: set[_Key]) -> None:
    """Complementary suppression in one component (forms sharing no atom are independent):
    rounds until no protected form of it is in the span of its published forms. Adds to
    `suppressed`."""
    targets = family.protected & component
    if not targets:
        return
    order = family.order.__getitem__
    span = _Span(
        sorted((k for k in component if k in family.shown and k not in suppressed), key=order),
        family.numbered,
    )
    # Suppressing more only shrinks what is published, so a cell found protected stays
    # protected: each round re-checks only the cells exposed in the round before.
    # atom -> the published forms that have it (a suppressed form leaves, so the candidates
    # of `_complement_form` are not filtered again from every form that ever had the atom)
    sharing: dict[Atom, set[_Key]] = {}
    for k in component:
        if k in family.shown and k not in suppressed:
            for a in family.forms[k]:
                sharing.setdefault(a, set()).add(k)
    pending = sorted(targets, key=order)
    while True:
        exposed = [k for k in pending if span.spans(k)]
        if not exposed:
            return
        pending = exposed
        choices = (_complement_form(k, family, sharing, suppressed) for k in exposed)
        added = {choice for choice in choices if choice is not None}
        if not added:
            suppressed |= component & family.shown  # nothing left to choose: hide it all
            return
        suppressed |= added
        span.remove(added)
        for k in added:
            for a in family.forms[k]:
                sharing[a].discard(k)


def _form_components(forms: Mapping[_Key, Mapping[int, int]]) -> list[set[_Key]]:
    return [set(g) for g in _connected(list(forms), lambda key: list(forms[key]))]


def _complement_form(
    exposed: _Key,
    family: _Family,
    sharing: Mapping[Atom, Iterable[_Key]],
    suppressed: set[_Key],
) -> _Key | None:
    """The published cell to suppress for a determined one: the smallest non-zero cell
    (zero cells last, fewer atoms first) among the cells sharing an atom with it (`sharing`:
    atom -> the published forms that have it) and its *siblings*, and a total over it only when
    no other non-zero cell is left (issue 13: a small desk lost its headline "people served"
    to a small setting). A total over a form is the form plus a form of other atoms (e.g. all
    coaches' people served over one setting's); a sibling is a part of such a total in a
    report that shows both, sharing no atom with the determined cell: the other parts of the
    same sum (the other settings' people served), the complement a reader expects, which the
    cells sharing an atom never include."""
    forms, value, order = family.forms, family.value, family.order
    mine = forms[exposed]
    nothing: set[_Key] = set()
    candidates = nothing.union(*(sharing.get(a, ()) for a in mine))
    candidates.discard(exposed)
    candidates.difference_update(suppressed)  # (the test oracle's `sharing` keeps them)
    if len(mine) == 1:  # most cells: a total over it is any longer form with its term
        ((atom, coefficient),) = mine.items()
        totals = {k for k in candidates if len(forms[k]) > 1 and forms[k][atom] == coefficient}
    else:
        totals = {k for k in candidates if len(forms[k]) > len(mine) and _part_of(mine, forms[k])}

    def rank(k: _Key) -> tuple[bool, bool, int, int, int]:
        return (value[k] == 0, k in totals, value[k], len(forms[k]), order[k])

    best = min(candidates, key=rank, default=None)
    # A sibling shares no atom with the determined cell, so it is no candidate and no total
    # over it: its rank is the same for every cell, and each (report, total)'s parts are
    # ranked once; the first one not suppressed and sharing no atom is its best sibling.
    here = {report for report, _ in family.where[exposed]}
    for total in totals:
        whole = forms[total]
        for report in {r for r, _ in family.where[total]} & here:
            parts = family.parts_in.get((report, total))
            if parts is None:  # the same totals come back for many cells: found once
                parts = family.parts_in[(report, total)] = sorted(
                    (
                        k
                        for k in family.cells_of[report]
                        if forms[k]  # an empty form (a structural zero) tells nothing
                        and k in family.shown
                        and _part_of(forms[k], whole)
                    ),
                    key=lambda k: (value[k] == 0, False, value[k], len(forms[k]), order[k]),
                )
            gone = 0  # suppressed parts at the front stay suppressed: dropped for good
            while gone < len(parts) and parts[gone] in suppressed:
                gone += 1
            if gone:
                del parts[:gone]
            for k in parts:
                if k not in suppressed and mine.keys().isdisjoint(forms[k]):
                    if best is None or rank(k) < rank(best):
                        best = k
                    break
    return best


def _part_of(part: Mapping[int, int], whole: Mapping[int, int]) -> bool:
    """Is `whole` = `part` + a form of other atoms (same coefficients on part's atoms)?"""
    return all(whole.get(a) == c for a, c in part.items())


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
    such as a demographic, only appears in breakdowns; a report filtered to d = y has only
    the row x = y of a breakdown by d).
    """
    layout = _Layout(values, dimensions, measures, threshold, filters)
    published: dict[str, dict[str, int | None]] = {name: {} for name, _, _ in layout.reports}
    suppressed: dict[str, set[str]] = {name: set() for name, _, _ in layout.reports}
    for result in layout.results():
        for name, cells in result.published.items():
            published[name].update(cells)
        for name, gone in result.suppressed.items():
            suppressed[name] |= gone
    return FamilyResult(published, suppressed)


def cross_pattern(
    values: Mapping[tuple[str, ...], Mapping[str, int]],
    dimensions: Sequence[str],
    measures: Sequence[Measure],
    threshold: int,
    filters: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> FamilyPattern:
    """`cross_family`'s pattern without its values: which cell of which report is published
    (the same answer cell for cell, in a small fraction of the memory: the values are the
    reader's own sums, and a measure group's forms are dropped once it is suppressed).
    `progress(done, total)` is told after each measure group (in units of base counts)."""
    layout = _Layout(values, dimensions, measures, threshold, filters)
    suppressed: dict[str, set[str]] = {name: set() for name, _, _ in layout.reports}
    weights = [sum(len(_parts(m)) for m in group) for group in layout._groups()]
    total = sum(weights)
    if progress is not None:
        progress(0, total)
    for i, result in enumerate(layout.results(values_needed=False)):
        for name, gone in result.suppressed.items():
            suppressed[name] |= gone
        if progress is not None:
            progress(sum(weights[: i + 1]), total)
    return FamilyPattern(
        {name: dict(selection) for name, selection, _ in layout.reports},
        layout.rows_of,
        frozenset(layout.cells),
        frozenset(layout.hidden),
        {name: frozenset(gone) for name, gone in suppressed.items() if gone},
    )


@dataclass(frozen=True, slots=True)
class FamilyPattern:
    """Which cells each report of a cross family publishes (`cross_pattern`)."""

    selections: dict[str, dict[str, str]]  # report -> its filters (dimension -> value)
    rows: dict[str, tuple[str, str]]  # a breakdown cell -> (its dimension, its value)
    cells: frozenset[str]  # every cell a report may have
    hidden: frozenset[str]  # cells no report publishes
    suppressed: dict[str, frozenset[str]]  # report -> its suppressed cells (none: left out)

    def holds(self, report: str) -> bool:
        return report in self.selections

    def shown(self, report: str, cell: str) -> bool:
        """Is the cell published in the report (False for a cell the report does not have:
        another coach's row in a coach's report)?"""
        if cell not in self.cells or cell in self.hidden:
            return False
        row = self.rows.get(cell)
        if row is not None and self.selections[report].get(row[0], row[1]) != row[1]:
            return False
        return cell not in self.suppressed.get(report, ())

    def to_json(self) -> str:
        cells = sorted(self.cells)
        index = {c: i for i, c in enumerate(cells)}
        return json.dumps(
            {
                "cells": cells,
                "hidden": sorted(index[c] for c in self.hidden),
                "rows": {index[c]: row for c, row in sorted(self.rows.items())},
                "reports": {
                    name: [selection, sorted(index[c] for c in self.suppressed.get(name, ()))]
                    for name, selection in self.selections.items()
                },
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> FamilyPattern:
        doc = json.loads(text)
        cells = doc["cells"]
        reports = doc["reports"]
        return cls(
            {name: selection for name, (selection, _) in reports.items()},
            {cells[int(i)]: (row[0], row[1]) for i, row in doc["rows"].items()},
            frozenset(cells),
            frozenset(cells[i] for i in doc["hidden"]),
            {
                name: frozenset(cells[i] for i in gone)
                for name, (_, gone) in reports.items()
                if gone
            },
        )


class _Layout:
    """The family of a cross-classification: atoms, reports and the measure groups.

    Measures whose base measures are not tied by any derived measure (people and its
    demographic tables; each timepoint's follow-ups; referrals; ...) share no atom, so their
    cells fall into different components of `suppress_family`: each group is suppressed on
    its own (the same pattern as all at once: numbering atoms and forms by their order keeps
    every tie-break) and its forms are dropped before the next group is built."""

    def __init__(
        self,
        values: Mapping[tuple[str, ...], Mapping[str, int]],
        dimensions: Sequence[str],
        measures: Sequence[Measure],
        threshold: int,
        filters: Sequence[str] | None,
    ) -> None:
        self.values = values
        self.dimensions = dims = tuple(dimensions)
        self.measures, self.threshold = tuple(measures), threshold
        self.levels = levels = [sorted({coords[i] for coords in values}) for i in range(len(dims))]
        filtering = set(dims if filters is None else filters)
        # Atoms are numbered (coordinates x base measure, both sorted): integers hash fast,
        # and the numbering does not depend on the order of `values`.
        coordinates = sorted(values)
        bases = sorted(
            {b for row in values.values() for b in row} | {b for m in measures for b in _parts(m)}
        )
        self.base_number = {b: j for j, b in enumerate(bases)}
        self.offset = {coords: i * len(bases) for i, coords in enumerate(coordinates)}
        self.ids = {coords: list(range(at, at + len(bases))) for coords, at in self.offset.items()}
        self.atoms: dict[Atom, int] = {
            self.offset[coords] + self.base_number[base]: n
            for coords, row in values.items()
            for base, n in row.items()
        }
        breakdown_dims = sorted({d for m in measures for d in m.breakdowns})
        options = [
            [None, *level] if d in filtering else [None]
            for d, level in zip(dims, levels, strict=True)
        ]
        # (report name, selection, chosen coordinates) and, per report and breakdown
        # dimension, its rows. A report filtered to one value of a dimension has only that
        # value's row: another's would be an empty form (a structural zero, in no
        # component), and at 500 coaches those rows were most of the family's cells.
        self.reports: list[tuple[str, dict[str, str], list[tuple[str, ...]]]] = []
        self.chosen: dict[str, list[tuple[str, ...]]] = {}
        self.breakdown_rows: dict[str, dict[str, list[tuple[str, list[tuple[str, ...]]]]]] = {}
        # The coordinates of each report, grouped once per set of filtered dimensions.
        grouped: dict[tuple[int, ...], dict[tuple[str, ...], list[tuple[str, ...]]]] = {}
        for choice in product(*options):
            selection = {d: v for d, v in zip(dims, choice, strict=True) if v is not None}
            fixed_at = tuple(i for i, v in enumerate(choice) if v is not None)
            if fixed_at not in grouped:
                by_key: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
                for coords in coordinates:
                    by_key.setdefault(tuple(coords[i] for i in fixed_at), []).append(coords)
                grouped[fixed_at] = by_key
            chosen = grouped[fixed_at].get(tuple(str(choice[i]) for i in fixed_at), [])
            name = report_name(selection)
            self.reports.append((name, selection, chosen))
            self.chosen[name] = chosen
            rows = self.breakdown_rows[name] = {}
            for d in breakdown_dims:
                i = dims.index(d)
                by_value: dict[str, list[tuple[str, ...]]] = {}
                for coords in chosen:
                    by_value.setdefault(coords[i], []).append(coords)
                fixed = choice[i]
                rows[d] = [(x, by_value.get(x, [])) for x in levels[i] if fixed in (None, x)]
        self.cells: set[str] = set()
        self.rows_of: dict[str, tuple[str, str]] = {}
        self.hidden: set[str] = set()
        for m in measures:
            names = [m.name]
            for d in m.breakdowns:
                for x in levels[dims.index(d)]:
                    cell = f"{m.name}.{d}.{x}"
                    names.append(cell)
                    self.rows_of[cell] = (d, x)
            self.cells.update(names)
            if m.hidden:
                self.hidden.update(names)

    def _form(self, m: Measure, coords_list: Iterable[tuple[str, ...]]) -> dict[Atom, int]:
        # Each coordinate once in a list, each base once in a measure: no sums needed. The
        # atoms' int objects are shared (self.ids) rather than made again for every form.
        parts = [(self.base_number[b], c) for b, c in _parts(m).items()]
        ids = self.ids
        return {at[j]: coef for coords in coords_list for at in (ids[coords],) for j, coef in parts}

    def _groups(self) -> list[list[Measure]]:
        return _connected(list(self.measures), lambda m: list(_parts(m)))

    def _cells(self, name: str, m: Measure) -> Iterator[tuple[str, list[tuple[str, ...]]]]:
        """The measure's cells in a report, each with the coordinates it sums."""
        yield m.name, self.chosen[name]
        rows = self.breakdown_rows[name]
        for d in m.breakdowns:
            for x, coords_in in rows[d]:
                yield f"{m.name}.{d}.{x}", coords_in

    def _reports(self, group: Sequence[Measure]) -> dict[str, dict[str, Form]]:
        return {
            name: {
                cell: self._form(m, coords) for m in group for cell, coords in self._cells(name, m)
            }
            for name, _, _ in self.reports
        }

    def _any_small(self, group: Sequence[Measure]) -> bool:
        """Is some cell of the group's measures small, in any report? Summed per coordinate
        from the values, without the forms."""
        for m in group:
            parts = list(_parts(m).items())
            at = {c: sum(k * row.get(b, 0) for b, k in parts) for c, row in self.values.items()}
            for name, _, _ in self.reports:
                for _, coords in self._cells(name, m):
                    if is_small(sum(at[c] for c in coords), self.threshold):
                        return True
        return False

    def results(self, values_needed: bool = True) -> Iterator[FamilyResult]:
        """Each measure group's family, suppressed. Without `values_needed` (a pattern only),
        a group with no small cell and none to protect yields no cells: nothing in it is
        suppressed (the elimination would find the same), and its forms are never made."""
        by_name = {m.name: m for m in self.measures}
        protect_all: dict[str, set[str]] = {}  # report -> event sums of a small people count
        people = {m.people for m in self.measures if m.people is not None}
        for name, _, chosen in self.reports:
            small = set()
            for p in people:
                form = self._form(by_name[p], chosen)
                if is_small(sum(c * self.atoms.get(a, 0) for a, c in form.items()), self.threshold):
                    small.add(p)
            for m in self.measures:
                if m.people in small:
                    protect_all.setdefault(name, set()).add(m.name)
        for group in self._groups():
            names = {m.name for m in group}
            hidden = {
                name: {cell for m in group if m.hidden for cell, _ in self._cells(name, m)}
                for name, _, _ in self.reports
                if any(m.hidden for m in group)
            }
            protect = {r: cells & names for r, cells in protect_all.items() if cells & names}
            if not values_needed and not protect and not self._any_small(group):
                yield FamilyResult({}, {})
                continue
            # The forms are handed over without a reference kept here: suppress_family lets
            # each go once it has numbered it (the largest group's are 1.8 million entries).
            yield suppress_family(
                self.atoms, self._reports(group), self.threshold, hidden, protect, handed_over=True
            )


def _parts(m: Measure) -> Mapping[str, int]:
    return m.parts if m.parts is not None else {m.name: 1}
