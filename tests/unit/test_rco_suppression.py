"""Small-cell suppression never reveals a small cell, not even by subtraction (property tests).

The check here is written independently of coachdesk.rco.suppression: a cell is revealed when
appending its unit vector to the equations over the unknown cells does not raise the rank
(rank by plain Gaussian elimination), and, as an attacker would do it, by repeatedly solving
any equation (or the difference of two equations) that has a single unknown left.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.rco.suppression import suppress

THRESHOLD = 11


def _rank(rows: list[list[Fraction]]) -> int:
    rows = [r[:] for r in rows]
    rank = 0
    cols = len(rows[0]) if rows else 0
    for c in range(cols):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][c] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for i in range(len(rows)):
            if i != rank and rows[i][c] != 0:
                f = rows[i][c] / rows[rank][c]
                rows[i] = [a - f * b for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank


def _revealed_by_rank(eqs: list[tuple[str, tuple[str, ...]]], unknown: set[str]) -> set[str]:
    cols = sorted(unknown)
    idx = {c: i for i, c in enumerate(cols)}
    rows = []
    for total, parts in eqs:
        row = [Fraction(0)] * len(cols)
        if total in idx:
            row[idx[total]] += 1
        for p in parts:
            if p in idx:
                row[idx[p]] -= 1
        rows.append(row)
    base = _rank(rows) if rows else 0
    out = set()
    for c in cols:
        unit = [Fraction(int(i == idx[c])) for i in range(len(cols))]
        if _rank([*rows, unit]) == base:
            out.add(c)
    return out


def _revealed_by_peeling(
    values: dict[str, int], eqs: list[tuple[str, tuple[str, ...]]], unknown: set[str]
) -> set[str]:
    """Solve single-unknown equations (and differences of two equations) until stuck."""
    known = {k: v for k, v in values.items() if k not in unknown}
    as_sets = [({total: 1} | {p: -1 for p in parts}) for total, parts in eqs]
    # differences of equations sharing a total (e.g. two margins of one grand total)
    for i in range(len(as_sets)):
        for j in range(i + 1, len(as_sets)):
            diff = dict(as_sets[i])
            for k, v in as_sets[j].items():
                diff[k] = diff.get(k, 0) - v
            as_sets.append({k: v for k, v in diff.items() if v})
            if len(as_sets) > 400:
                break
    found = set()
    changed = True
    while changed:
        changed = False
        for eq in as_sets:
            missing = [k for k in eq if k not in known]
            if len(missing) == 1:
                m = missing[0]
                rest = sum(coef * known[k] for k, coef in eq.items() if k != m)
                known[m] = -rest // eq[m]
                found.add(m)
                changed = True
    return found & unknown


cell_value = st.one_of(st.integers(0, 12), st.integers(0, 60), st.just(0), st.integers(1, 10))


@st.composite
def tables(draw: st.DrawFn) -> tuple[dict[str, int], list[tuple[str, tuple[str, ...]]], set[str]]:
    """A 2-D table with row, column and grand totals; maybe one column is hidden (e.g. the
    'missed' complement), plus a 1-D table sharing the grand total (like people by setting
    and people by coach)."""
    n_rows, n_cols = draw(st.integers(1, 4)), draw(st.integers(1, 3))
    grid = [[draw(cell_value) for _ in range(n_cols)] for _ in range(n_rows)]
    values: dict[str, int] = {}
    eqs: list[tuple[str, tuple[str, ...]]] = []
    for r in range(n_rows):
        for c in range(n_cols):
            values[f"c{r}.{c}"] = grid[r][c]
        values[f"r{r}"] = sum(grid[r])
        eqs.append((f"r{r}", tuple(f"c{r}.{c}" for c in range(n_cols))))
    for c in range(n_cols):
        values[f"k{c}"] = sum(grid[r][c] for r in range(n_rows))
        eqs.append((f"k{c}", tuple(f"c{r}.{c}" for r in range(n_rows))))
    values["T"] = sum(map(sum, grid))
    eqs.append(("T", tuple(f"r{r}" for r in range(n_rows))))
    eqs.append(("T", tuple(f"k{c}" for c in range(n_cols))))
    hidden: set[str] = set()
    if n_cols > 1 and draw(st.booleans()):
        hidden = {f"c{r}.{n_cols - 1}" for r in range(n_rows)} | {f"k{n_cols - 1}"}
    # a second breakdown of T
    parts = draw(st.lists(cell_value, min_size=1, max_size=4))
    if sum(parts) <= values["T"]:
        parts[-1] += values["T"] - sum(parts)
        for i, p in enumerate(parts):
            values[f"s{i}"] = p
        eqs.append(("T", tuple(f"s{i}" for i in range(len(parts)))))
    return values, eqs, hidden


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_small_cell_is_revealed(
    table: tuple[dict[str, int], list[tuple[str, tuple[str, ...]]], set[str]],
) -> None:
    values, eqs, hidden = table
    suppressed = suppress(values, eqs, THRESHOLD, hidden)
    assert not (suppressed & hidden)
    small = {k for k, v in values.items() if 1 <= v < THRESHOLD}
    # every published small cell is suppressed
    assert small - hidden <= suppressed
    unknown = suppressed | hidden
    assert not (_revealed_by_rank(eqs, unknown) & small)
    assert not (_revealed_by_peeling(values, eqs, unknown) & small)


@settings(max_examples=200, deadline=None)
@given(st.lists(cell_value, min_size=1, max_size=8))
def test_one_way_table_another_solution_exists(parts: list[int]) -> None:
    """For a simple breakdown, every small cell has a different value consistent with
    everything published (so the reader cannot know it), keeping all cells non-negative."""
    values = {f"p{i}": v for i, v in enumerate(parts)} | {"total": sum(parts)}
    eqs = [("total", tuple(f"p{i}" for i in range(len(parts))))]
    suppressed = suppress(values, eqs, THRESHOLD)
    for key, value in values.items():
        if 1 <= value < THRESHOLD and key != "total":
            others = [k for k in suppressed if k not in (key, "total")]
            assert "total" in suppressed or others, f"{key} would follow from the total"


def test_the_checkers_catch_primary_only_suppression() -> None:
    values = {"t": 40, "a": 3, "b": 37}
    eqs = [("t", ("a", "b"))]
    assert _revealed_by_rank(eqs, {"a"}) == {"a"}
    assert _revealed_by_peeling(values, eqs, {"a"}) == {"a"}
    assert not _revealed_by_rank(eqs, {"a", "b"})


def test_examples() -> None:
    # 3 is small; the complement is the smallest other part (12), not the total.
    assert suppress({"t": 40, "a": 3, "b": 12, "c": 25}, [("t", ("a", "b", "c"))], 11) == {"a", "b"}
    # nothing small, nothing suppressed; zeros are shown
    assert suppress({"t": 30, "a": 0, "b": 30}, [("t", ("a", "b"))], 11) == set()
    # a hidden small complement (missed = 2) hides the published part it follows from
    s = suppress({"due": 40, "got": 38, "miss": 2}, [("due", ("got", "miss"))], 11, {"miss"})
    assert s == {"got"}
    # when every other part is zero the total goes too
    assert suppress({"t": 5, "a": 5, "b": 0}, [("t", ("a", "b"))], 11) == {"a", "t"}
