"""The period's suppression pattern computed in a child process (issue 14: at 500 coaches the
family's peak memory stays out of the desk): the child's pattern is the desk's own, cell for
cell; its progress reaches the end; a child that cannot do it leaves the desk to compute it."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from coachdesk.rco import family_child
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import FAMILY_DIMENSIONS, FAMILY_MEASURES, Filters
from coachdesk.rco.suppression import cross_pattern
from tests.conftest import PASSPHRASE
from tests.rco_support import new_rco
from tests.unit.test_family_pattern_store import _import, _shown

T = 11


def _atoms(seed: int) -> dict[tuple[str, ...], dict[str, int]]:
    """Per (device, setting) base counts with small ones among them (complements chosen)."""
    rnd = random.Random(seed)
    bases = [m.name for m in FAMILY_MEASURES if m.parts is None]
    return {
        (f"d{d}", s): {b: rnd.choice((0, 0, 1, 3, 7, 12, 40)) for b in bases}
        for d in range(4)
        for s in ("jail", "community")
        if rnd.random() < 0.8 or d == 0
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_the_childs_pattern_is_the_desks_own(seed: int) -> None:
    atoms = _atoms(seed)
    told: list[tuple[int, int]] = []
    got = family_child.compute_pattern(
        atoms, FAMILY_DIMENSIONS, FAMILY_MEASURES, T, lambda d, n: told.append((d, n)), 0
    )
    here = cross_pattern(atoms, FAMILY_DIMENSIONS, FAMILY_MEASURES, T)
    assert got == here and here.suppressed  # small cells: a real pattern, not an empty one
    assert told[0][0] == 0 and told[-1][0] == told[-1][1] > 0
    assert [d for d, _ in told] == sorted(d for d, _ in told)


def test_a_small_family_is_left_to_the_desk() -> None:
    atoms = _atoms(3)
    assert family_child.compute_pattern(atoms, FAMILY_DIMENSIONS, FAMILY_MEASURES, T) is None


def test_the_desk_shows_the_same_figures_whichever_process_computed_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_rco(tmp_path / "rco")
    _import(desk, tmp_path / "a", 40, seed=41)
    _import(desk, tmp_path / "b", 25, seed=42)
    selections = [Filters(), Filters("2026"), *(Filters("", d) for d in desk.device_names())]
    here = {f: _shown(desk.figures(f)) for f in selections}
    store = desk.backend.store.path  # type: ignore[attr-defined]
    desk.close()

    def fresh() -> dict[Filters, dict[str, int | None]]:
        with RcoDesk.open(store, PASSPHRASE) as again:
            again.data().patterns = None  # not the stored patterns: computed again
            told: list[tuple[int, int]] = []
            shown = {
                f: _shown(again.figures(f, lambda d, n: told.append((d, n)))) for f in selections
            }
            assert told and told[-1][0] == told[-1][1]
            return shown

    monkeypatch.setattr(family_child, "CHILD_FROM_ATOMS", 0)
    real, children = family_child._in_child, []

    def counted(*args: Any) -> Any:
        children.append(real(*args))  # raises, and the test fails, if the child cannot
        return children[-1]

    monkeypatch.setattr(family_child, "_in_child", counted)
    assert fresh() == here  # computed in a child process
    assert children and all(children)

    def refuse(*_: object) -> None:
        raise OSError("no child process here")

    monkeypatch.setattr(family_child, "_in_child", refuse)
    assert fresh() == here  # the child could not: computed in the desk's process
