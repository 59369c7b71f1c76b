"""A period's suppression pattern is computed once per state of the store's cells and kept
in the store (issue 14: at 500 coaches the family takes far longer than a refresh may), and
a desk opened later reads it: the same figures, suppressed alike, without the computation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import Filters
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach, new_rco

PERIOD = "2026"


def _import(desk: RcoDesk, folder: Path, clients: int, seed: int) -> None:
    folder.mkdir()
    coach = new_coach(folder, desk.enrollment(), desk.fingerprint, clients, seed=seed)
    desk.import_paths([coach.export()])
    desk.confirm_device(coach.fingerprint, f"Coach {seed}")
    coach.close()


def _shown(fig: metrics.Figures) -> dict[str, int | None]:
    return {key: fig.count(key) for key in fig.values}


def test_the_pattern_is_computed_once_per_state_of_the_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_rco(tmp_path / "rco")
    _import(desk, tmp_path / "a", 45, seed=31)
    _import(desk, tmp_path / "b", 30, seed=32)
    calls: list[str] = []
    real = metrics.cross_pattern

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append("computed")
        return real(*args, **kwargs)

    monkeypatch.setattr(metrics, "cross_pattern", counted)
    first = desk.figures(Filters(PERIOD))
    devices = list(first.devices)
    by_coach = {d: _shown(desk.figures(Filters(PERIOD, d))) for d in devices}
    assert calls == ["computed"] and first.suppressed  # small cells in these caseloads
    store = desk.backend.store.path  # type: ignore[attr-defined]
    desk.close()

    with RcoDesk.open(store, PASSPHRASE) as again:
        fig = again.figures(Filters(PERIOD))
        assert calls == ["computed"]  # read from the store
        assert _shown(fig) == _shown(first) and fig.suppressed == first.suppressed
        for d in devices:
            assert _shown(again.figures(Filters(PERIOD, d))) == by_coach[d]
        # a damaged stored pattern is computed again, with the same result
        key = f"figures.family.{again.policy.small_cell}.{PERIOD}"
        with again.backend.transaction():
            again.backend.set_meta(key, '{"digest": "x", "pattern": "not base64"}')
    with RcoDesk.open(store, PASSPHRASE) as again:
        assert _shown(again.figures(Filters(PERIOD))) == _shown(first)
        assert calls == ["computed"] * 2
        # new cells (another coach's bundle): computed again, never the stale pattern
        _import(again, tmp_path / "c", 25, seed=33)
        fig = again.figures(Filters(PERIOD))
        assert calls == ["computed"] * 3
        assert fig.values["people"] > first.values["people"]
    with RcoDesk.open(store, PASSPHRASE) as again:
        assert _shown(again.figures(Filters(PERIOD))) == _shown(fig)
        assert calls == ["computed"] * 3
