"""Today's "done" and "later" on a real vault: each changes the record an item comes from, so
the indexed Today page (and the full recomputation) follow; audited; refusals have words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core import reminders as rules
from coachdesk.core.models import (
    Client,
    ContactMode,
    RecoveryPlan,
    Referral,
    ResourceCategory,
    SessionNote,
    Setting,
)
from coachdesk.errors import ValidationError
from coachdesk.i18n import catalog
from coachdesk.storage import repos
from coachdesk.storage.vault import Vault

TODAY = date(2026, 11, 22)
LATE = TODAY - timedelta(days=3)


@pytest.fixture
def caseload(vault: Vault) -> Caseload:
    return Caseload(vault, today=TODAY)


def _setup(c: Caseload) -> int:
    cid = c.add_client(Client("Tavi", "Orbesk", date(2026, 6, 1), Setting.COMMUNITY))
    c.save_plan(RecoveryPlan(cid, "A calm home", review_date=LATE))
    c.make_referral(Referral(cid, ResourceCategory.HOUSING, date(2026, 11, 1), follow_up_on=LATE))
    at = datetime(2026, 11, 10, 15, 0, tzinfo=UTC)
    c.add_note(SessionNote(cid, at, ContactMode.PHONE, "Talked", 10, follow_up_on=TODAY))
    return cid


def _kinds(c: Caseload) -> dict[str, list[date]]:
    page = c.today_page()
    # The indexed page is what a full recomputation from the records gives (the use case then
    # adds what a session follow-up is about, read from the note).
    indexed = repos.today_page(c.conn, TODAY, 50)
    assert indexed == rules.page_of(rules.reminders(repos.episode_facts(c.conn), TODAY), 50)
    return {k: [r.due_on for r in items] for k, items in page.first.items()}


def test_done_and_later_change_the_source_and_today(caseload: Caseload) -> None:
    c = caseload
    cid = _setup(c)
    kinds = _kinds(c)
    assert kinds["plan_review"] == [LATE] and kinds["referral_follow_up"] == [LATE]
    assert kinds["note_follow_up"] == [TODAY]
    assert c.today_page().overdue == 2

    c.snooze_due(cid, "referral_follow_up", LATE, TODAY + timedelta(days=5))
    assert _kinds(c)["referral_follow_up"] == [TODAY + timedelta(days=5)]
    assert c.referrals(cid)[0].follow_up_on == TODAY + timedelta(days=5)
    c.complete_due(cid, "referral_follow_up", TODAY + timedelta(days=5))
    assert "referral_follow_up" not in _kinds(c)
    assert c.referrals(cid)[0].follow_up_on is None

    c.complete_due(cid, "note_follow_up", TODAY)
    assert "note_follow_up" not in _kinds(c)
    note = c.notes(cid)[0]
    assert note.follow_up_on is None and note.text == "Talked"  # the record's words kept

    next_review = TODAY + timedelta(days=90)
    c.complete_due(cid, "plan_review", LATE, next_review=next_review)
    assert "plan_review" not in _kinds(c)  # 90 days away: beyond "coming up"
    plan = c.plan(cid)
    assert plan is not None and plan.version == 2 and plan.review_date == next_review
    assert c.plan(cid, 1).review_date == LATE  # type: ignore[union-attr]  # never overwritten
    assert c.today_page().overdue == 0

    details = [e.detail for e in c.audit_trail(cid)]
    assert f"referral 1 follow-up moved to {TODAY + timedelta(days=5)}" in details
    assert "referral 1 follow-up done" in details
    assert any(d.startswith("session note") and d.endswith("follow-up done") for d in details)
    assert f"plan version 2: review done, next {next_review}" in details
    c.verify_audit()


def test_refusals_say_why(caseload: Caseload) -> None:
    c = caseload
    cid = _setup(c)
    with pytest.raises(ValidationError) as err:
        c.snooze_due(cid, "referral_follow_up", LATE, TODAY)
    assert err.value.code == "due.not_after_today"
    with pytest.raises(ValidationError) as err:
        c.complete_due(cid, "plan_review", LATE)
    assert err.value.code == "due.next_review_needed"
    with pytest.raises(ValidationError) as err:
        c.snooze_due(cid, "timepoint", TODAY, TODAY + timedelta(days=3))
    assert err.value.code == "due.window_fixed"
    with pytest.raises(ValidationError) as err:
        c.complete_due(cid, "note_follow_up", LATE)  # not the date it has
    assert err.value.code == "due.gone"
    assert "Hoy" in catalog.describe(err.value, "es")
    assert c.referrals(cid)[0].follow_up_on == LATE  # nothing changed by a refusal
