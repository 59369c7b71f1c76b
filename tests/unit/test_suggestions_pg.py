"""Suggestions on an RCO store on PostgreSQL (migration rco_pg 0003): import, refusal of a
replay, grouping, accept and reject, the signed directory back at the coach - the same use
cases as on the SQLite store (tests/unit/test_suggestions.py), on a real server."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from coachdesk.application import suggestions as sug
from coachdesk.core.models import ResourceCategory
from coachdesk.exchange import sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco import curation
from coachdesk.rco.importer import Outcome
from coachdesk.storage import repos
from tests.rco_support import new_coach
from tests.servers.postgres import PostgresServer
from tests.suggest_support import rco_with_directory


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


def test_suggestions_on_postgres(tmp_path: Path, server: PostgresServer) -> None:
    desk, inbox = rco_with_directory(tmp_path, server.new_database())
    (tmp_path / "ada").mkdir()
    ada = new_coach(tmp_path / "ada", desk.enrollment(), desk.fingerprint, 4, 3, notes=1)
    try:
        ada.export()
        sync.sync_once(ada.vault, FolderTransport(inbox))
        desk.import_paths([inbox])
        desk.confirm_device(ada.fingerprint)
        detox = next(
            r.rco_ref for r in repos.list_resources(ada.vault.conn) if r.name.startswith("North")
        )
        fix = sug.draft_for(ada.caseload, "correction", detox, "hours_changed")
        sug.send(ada.caseload, replace(fix, hours="Mon-Fri 8-20"))
        sug.send(
            ada.caseload,
            sug.SuggestionDraft(name="Bingo hall", category=ResourceCategory.OTHER),
        )
        sync.sync_once(ada.vault, FolderTransport(inbox))
        files = sorted(inbox.glob("*.cdsuggest"))
        assert [r.outcome for r in desk.import_paths(files).results] == [Outcome.IMPORTED] * 2
        assert {r.outcome for r in desk.import_paths(files).results} == {Outcome.ALREADY_PRESENT}
        groups = {g.name: g for g in curation.inbox(desk)}
        assert groups["Northgate Detox Line"].problems == {"hours_changed": 1}
        curation.accept(desk, groups["Northgate Detox Line"].group_id)
        curation.reject(desk, groups["Bingo hall"].group_id, "Not a recovery support.")
        assert curation.inbox(desk) == []
        desk.publish_directory(inbox)
        report = sync.sync_once(ada.vault, FolderTransport(inbox))
        assert any("0 new, 1 updated, 0 closed" in line for line in report.lines)
        fates = {m.name: (m.fate, m.reason) for m in sug.my_suggestions(ada.caseload)}
        assert fates == {
            "Northgate Detox Line": ("accepted", ""),
            "Bingo hall": ("rejected", "Not a recovery support."),
        }
        hours = {r.name: r.hours for r in repos.list_resources(ada.vault.conn)}
        assert hours["Northgate Detox Line"] == "Mon-Fri 8-20"
        assert sug.entry_facts(ada.caseload)[detox].verified_by == 1
    finally:
        ada.close()
        desk.close()
