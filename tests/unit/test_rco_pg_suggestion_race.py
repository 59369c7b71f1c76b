"""Two importers on one PostgreSQL store taking the same suggestion file at once (issue 14's
small item): one imports it, the other finds it already present - a sentence, never the
database's duplicate-key error. A real server; the two importers are two desks (two
connections) on two threads, made to meet between "is it held?" and the insert."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coachdesk.application import suggestions as sug
from coachdesk.core.models import ResourceCategory
from coachdesk.exchange import sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach
from tests.servers.postgres import PostgresServer
from tests.suggest_support import rco_with_directory


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


def test_two_importers_of_one_suggestion_take_turns(tmp_path: Path, server: PostgresServer) -> None:
    desk, inbox = rco_with_directory(tmp_path, server.new_database())
    (tmp_path / "ada").mkdir()
    ada = new_coach(tmp_path / "ada", desk.enrollment(), desk.fingerprint, 3, 3)
    try:
        ada.export()
        sync.sync_once(ada.vault, FolderTransport(inbox))
        desk.import_paths([inbox])
        desk.confirm_device(ada.fingerprint)
        sug.send(
            ada.caseload, sug.SuggestionDraft(name="Bingo hall", category=ResourceCategory.OTHER)
        )
        sync.sync_once(ada.vault, FolderTransport(inbox))
    finally:
        ada.close()
    [suggestion] = sorted(inbox.glob("*.cdsuggest"))
    store = tmp_path / "rco"  # the key folder; the data in the database
    desk.close()

    # Both importers stop after "is it held?" until the other arrives (or 3 s: with the lock,
    # the second waits on it, inside "is it held?", until the first has committed).
    meet = threading.Barrier(2)
    desks = [RcoDesk.open(store, PASSPHRASE) for _ in range(2)]
    for each in desks:
        real = each.backend.suggestion_digest

        def held(suggestion_id: str, real: Any = real) -> str | None:
            answer = real(suggestion_id)
            with contextlib.suppress(threading.BrokenBarrierError):
                meet.wait(timeout=3)
            return answer

        each.backend.suggestion_digest = held  # type: ignore[method-assign]
    outcomes: list[Any] = []

    def run(each: RcoDesk) -> None:
        outcomes.extend(r.outcome for r in each.import_paths([suggestion]).results)

    threads = [threading.Thread(target=run, args=(each,)) for each in desks]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    try:
        assert sorted(outcomes) == sorted([Outcome.IMPORTED, Outcome.ALREADY_PRESENT]), outcomes
        assert [s.suggestion_id for s in desks[0].backend.list_suggestions()] != []
        assert len(desks[0].backend.list_suggestions()) == 1
    finally:
        for each in desks:
            each.close()
