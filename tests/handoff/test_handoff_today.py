"""The first-contact reminder on Today after a hand-off (issue 19): shown at once with who
handed the client off, ended by a session (not by an attempt, not by "Mark done"), kept in the
vault's indexed due items (a new RULES_VERSION rebuilds them) and in step with the RCO's
first contact within 48 hours / 7 days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core import reminders as rules
from coachdesk.core.models import ClientStatus, ContactMode, SessionNote
from coachdesk.errors import ValidationError
from coachdesk.i18n import catalog
from coachdesk.storage import handoff_repo, repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.handoff.world import World, deliver_handoff


def _accept(world: World, at: datetime) -> tuple[Caseload, int]:
    client_id = Caseload(world.ada.vault).list_clients()[0].id
    assert client_id is not None
    handoff_id = deliver_handoff(world, client_id, at, "ED discharge; community follow-up")
    ben = Caseload(world.ben.vault)
    return ben, uc.accept_handoff(ben, handoff_id, now=at).client_id


def _firsts(caseload: Caseload) -> list[int]:
    return [r.client_id for r in caseload.today_page().first.get("first_contact", [])]


def _indexed_equals_recomputed(caseload: Caseload) -> None:
    today = caseload.today()
    recomputed = rules.page_of(rules.reminders(repos.episode_facts(caseload.conn), today), 50)
    page = repos.today_page(caseload.conn, today)
    assert page.counts == recomputed.counts and page.overdue == recomputed.overdue
    assert {k: [(r.client_id, r.due_on) for r in v] for k, v in page.first.items()} == {
        k: [(r.client_id, r.due_on) for r in v] for k, v in recomputed.first.items()
    }


def test_first_contact_is_on_today_until_a_session(synced_world: World) -> None:
    at = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    ben, client_id = _accept(synced_world, at)
    page = ben.today_page()
    [item] = page.first["first_contact"]
    assert page.counts["first_contact"] == 1
    assert (item.client_id, item.due_on, item.detail) == (client_id, at.date(), "Arlo Venn")
    assert item.since == at and rules.accepted_ago(item.since, at + timedelta(hours=5)) == (
        "hours",
        5,
    )
    assert rules.accepted_ago(at, at + timedelta(hours=49)) == ("days", 2)
    said = {  # the words of both front-ends (the window and `today list`), at 0, 1 and 2
        (lang, n): catalog.text("today.accepted_hours", lang, n=n)
        for lang in ("en", "es")
        for n in (0, 1, 2)
    }
    assert said == {
        ("en", 0): "accepted in the last hour",
        ("en", 1): "accepted 1 hour ago",
        ("en", 2): "accepted 2 hours ago",
        ("es", 0): "aceptada en la última hora",
        ("es", 1): "aceptada hace 1 hora",
        ("es", 2): "aceptada hace 2 horas",
    }
    assert [i.client_id for i in uc.first_contact_due(ben)] == [client_id]
    _indexed_equals_recomputed(ben)
    # "Mark done" and "Later" refuse: either would hide a contact that did not happen
    for change in (
        lambda: ben.complete_due(client_id, "first_contact", item.due_on),
        lambda: ben.snooze_due(client_id, "first_contact", item.due_on, ben.today() + timedelta(3)),
    ):
        with pytest.raises(ValidationError) as refused:
            change()
        assert refused.value.code == "due.first_contact_by_session"
    assert _firsts(ben) == [client_id]
    # an unsuccessful attempt is no contact: the reminder stays
    attempt = SessionNote(client_id, datetime.now(UTC), ContactMode.PHONE, "no answer")
    attempt.attempt_only = True
    ben.add_note(attempt)
    assert _firsts(ben) == [client_id]
    # the history that came with the record (dated before accepting) never ended it either;
    # a session after accepting does
    ben.add_note(SessionNote(client_id, datetime.now(UTC), ContactMode.IN_PERSON, "met"))
    assert _firsts(ben) == [] and uc.first_contact_due(ben) == []
    _indexed_equals_recomputed(ben)
    counts = handoff_repo.totals(ben.conn)
    assert (counts["accepted"], counts["first_48h"], counts["first_7d"]) == (1, 1, 1)


def test_a_vault_of_the_old_rules_rebuilds_its_items(synced_world: World) -> None:
    at = datetime.now(UTC).replace(microsecond=0)
    ben, client_id = _accept(synced_world, at)
    path = ben.vault.path
    # as a vault written by the rules of version 2 (no first-contact items) would be
    with ben.vault.transaction() as conn:
        conn.execute("DELETE FROM due_items WHERE kind = 'first_contact'")
        ben.vault.set_meta(repos.RULES_META, "2")
    assert _firsts(ben) == []
    synced_world.ben.vault.close()
    vault = Vault.open(path, PASSPHRASE)
    synced_world.ben.vault = vault
    again = Caseload(vault)
    assert vault.get_meta(repos.RULES_META) == str(rules.RULES_VERSION)
    assert _firsts(again) == [client_id]  # exact while stale, then indexed after a write
    with vault.transaction():
        pass
    assert repos.today_page(vault.conn, date.today()).counts.get("first_contact") == 1


def test_ending_the_episode_after_accepting_ends_the_reminder(synced_world: World) -> None:
    ben, client_id = _accept(synced_world, datetime.now(UTC).replace(microsecond=0))
    client = ben.get_client(client_id)
    assert _firsts(ben) == [client_id]  # (a record that came ended is due too: the figures test)
    client.status, client.status_date = ClientStatus.LOST_CONTACT, ben.today()
    ben.update_client(client)
    assert _firsts(ben) == []
    _indexed_equals_recomputed(ben)
