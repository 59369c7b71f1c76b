"""A short fuzz run of every outside-facing parser in CI, and every saved crash replayed.

The long run is on demand: `python -m tests.fuzz.fuzzer --seconds 600`.
"""

from __future__ import annotations

import json
import os

import pytest

from coachdesk.crypto.signing import canonical
from tests.fuzz.fuzzer import CRASHES, TARGETS, fuzz, run_one

SECONDS = float(os.environ.get("COACHDESK_FUZZ_SECONDS", "4"))


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_seeds_are_accepted(name: str) -> None:
    """The fuzzer starts from inputs the parser accepts, so mutations reach deep code."""
    target = TARGETS[name]
    target.run(target.seeds()[0])


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_short_fuzz_run_finds_no_crash(name: str) -> None:
    result = fuzz(TARGETS[name], SECONDS, seed=20261122, save=True)
    assert result.executions > 50
    assert result.crashes == 0, f"saved under {CRASHES}; each becomes a regression test"


@pytest.mark.parametrize(
    "path", sorted(CRASHES.glob("*.bin")) if CRASHES.is_dir() else [], ids=lambda p: p.name
)
def test_saved_crashes_are_now_refused_plainly(path) -> None:  # type: ignore[no-untyped-def]
    target = TARGETS[path.name.rsplit("-", 1)[0]]
    assert run_one(target, path.read_bytes()) is None


def test_the_importer_oracle_catches_a_rejection_that_changed_the_store(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The rco-import target's "a rejected file changes nothing" check can fail."""
    from coachdesk.rco.desk import RcoDesk
    from coachdesk.rco.importer import ImportRejected
    from tests.fuzz import rco_target

    target = TARGETS["rco-import"]
    seed = target.seeds()[0]
    target.run(seed)  # the store exists, the device is confirmed
    real_import = RcoDesk.import_bytes

    def leaky_import(self: RcoDesk, data: bytes, label: str, file_name: str = "") -> object:
        real_import(self, data, label, file_name)  # merges...
        raise ImportRejected("refused")  # ...then claims it refused

    monkeypatch.setattr(RcoDesk, "import_bytes", leaky_import)
    try:
        later = {**json.loads(seed), "counter": 9}  # a new input: a new bundle id, merged
        failure = run_one(target, canonical(later))
        assert isinstance(failure, AssertionError), failure
        assert "changed the RCO store" in str(failure)
    finally:
        monkeypatch.undo()
        rco_target.finish()
