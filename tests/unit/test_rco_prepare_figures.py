"""An import that adds data prepares the dashboard's first view (issue 14): `rco import`,
`rco devices --confirm` (its waiting bundles import) and the desk's import store the
suppression pattern of every period, so the supervisor's first dashboard after the import
reads it and computes nothing; an import that adds nothing prepares nothing. The prepared
figures are the figures computed from scratch, cell for cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NoReturn

import pytest

from coachdesk.rco import family_child, metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import Filters
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import new_coach, new_rco

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _shown(fig: metrics.Figures) -> dict[str, int | None]:
    return {key: fig.count(key) for key in fig.values}


def _bundles(tmp_path: Path, desk: RcoDesk) -> tuple[list[str], list[str]]:
    """Two coaches' bundles, and their device fingerprints."""
    paths, fingerprints = [], []
    for seed, clients in ((41, 45), (42, 30)):
        coach = new_coach(tmp_path / f"c{seed}", desk.enrollment(), desk.fingerprint, clients, seed)
        paths.append(str(coach.export()))
        fingerprints.append(coach.fingerprint)
        coach.close()
    return paths, fingerprints


def _key(desk: RcoDesk) -> str:
    """Where the pattern of every period is kept (metrics.period_family)."""
    return f"figures.family.{desk.policy.small_cell}.all"


def _stored(store: Path) -> str | None:
    with RcoDesk.open(store, PASSPHRASE) as desk:
        return desk.backend.get_meta(_key(desk))


def _computing_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*_: Any, **__: Any) -> NoReturn:
        raise AssertionError("the pattern was computed, not read from the store")

    monkeypatch.setattr(metrics, "cross_pattern", refused)
    monkeypatch.setattr(family_child, "compute_pattern", refused)


def test_the_command_line_import_prepares_the_first_dashboard(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_rco(tmp_path / "rco")
    store = desk.backend.store.path  # type: ignore[attr-defined]
    bundles, fingerprints = _bundles(tmp_path, desk)
    desk.close()

    # New devices: their bundles wait for confirmation, nothing was added, nothing prepared.
    r = run_cli("rco", "import", str(store), *bundles, env=ENV)
    assert r.returncode == 0, r.stderr
    assert not _stored(store)
    for i, fp in enumerate(fingerprints):
        r = run_cli("rco", "devices", str(store), "--confirm", fp, "--name", f"C{i}", env=ENV)
        assert r.returncode == 0, r.stderr
    prepared = _stored(store)
    assert prepared
    _read_not_computed(store, monkeypatch)

    # The same files again: already present, nothing added, nothing computed.
    r = run_cli("rco", "import", str(store), *bundles, env=ENV)
    assert r.returncode == 0, r.stderr
    assert _stored(store) == prepared


def _read_not_computed(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk opened on the store shows the first dashboard without computing its pattern,
    and it is the dashboard computed from scratch."""
    with RcoDesk.open(store, PASSPHRASE) as desk:
        with monkeypatch.context() as patched:
            _computing_is_refused(patched)
            prepared = desk.figures(Filters())
        assert prepared.suppressed  # small cells in these caseloads: the pattern matters
        fresh = metrics.compute(
            desk.data().uncomputed(),
            Filters(),
            desk.policy.small_cell,
            desk.device_names(),
            desk.devices(),
        )
        assert _shown(prepared) == _shown(fresh) and prepared.suppressed == fresh.suppressed


def test_a_prepared_store_is_prepared_again_after_new_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = new_rco(tmp_path / "rco")
    bundles, fingerprints = _bundles(tmp_path, desk)
    desk.import_paths(bundles[:1])
    desk.confirm_device(fingerprints[0])
    desk.prepare_figures()
    before = desk.backend.get_meta(_key(desk))
    assert before
    assert not desk.import_paths(bundles[1:]).added  # waiting for its device's confirmation
    summary = desk.confirm_device(fingerprints[1])
    assert summary.added
    progress: list[tuple[int, int]] = []
    desk.prepare_figures(lambda done, total: progress.append((done, total)))
    after = desk.backend.get_meta(_key(desk))
    assert after and after != before
    assert progress and progress[-1][0] == progress[-1][1]  # told to the end
    store = desk.backend.store.path  # type: ignore[attr-defined]
    desk.close()
    _read_not_computed(store, monkeypatch)
