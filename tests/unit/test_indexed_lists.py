"""Today, name search and counts from indexed state (issue 18) give what the scans gave.

The oracles below are the code these replaced, kept verbatim: reminders recomputed over every
episode, and name search by LIKE over every client; Today's consent item (issue 17, after them)
is recomputed by `consent_reminders`, straight from the consents' rows. Demo vaults are edited
at random (seeded), through the use cases and by plain SQL, and compared after every batch on
several days.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.application.demo import generate
from coachdesk.core import timepoints
from coachdesk.core.demo import SyntheticPeople
from coachdesk.core.models import (
    Client,
    ClientStatus,
    Consent,
    ContactMode,
    FamilyFollowUp,
    OutcomeAssessment,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Reminder,
    ResourceCategory,
    SessionNote,
    Setting,
    Timepoint,
)
from coachdesk.core.reminders import KIND_TITLES, TIMEPOINT_TITLES, EpisodeFacts, page_of
from coachdesk.storage import repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 1)


# -- the oracles: the code before issue 18, verbatim ------------------------------------------


def old_reminders(
    facts: Iterable[EpisodeFacts], today: date, consents: dict[int, list[Reminder]] | None = None
) -> list[Reminder]:
    horizon = today + timedelta(days=timepoints.SOON_DAYS)
    out: list[Reminder] = []
    for f in facts:
        # a family client has no BARC-10/SUPRT windows (issue 21)
        windows = (
            [] if f.family else timepoints.due(f.intake, f.services_ended, set(f.recorded), today)
        )
        for w in windows:
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "timepoint",
                    max(w.opens, today) if w.opens <= today else w.opens,
                    TIMEPOINT_TITLES[w.timepoint],
                    overdue=False,
                    window_closes_on=w.closes,
                )
            )
        if f.plan_review is not None and f.plan_review <= horizon:
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "plan_review",
                    f.plan_review,
                    "Recovery plan review",
                    overdue=f.plan_review < today,
                )
            )
        for due_on in f.open_referral_follow_ups:
            if due_on <= horizon:
                out.append(
                    Reminder(
                        f.client_id,
                        f.name,
                        "referral_follow_up",
                        due_on,
                        "Referral follow-up",
                        overdue=due_on < today,
                    )
                )
        if f.note_follow_up is not None and f.note_follow_up <= horizon:
            out.append(
                Reminder(
                    f.client_id,
                    f.name,
                    "note_follow_up",
                    f.note_follow_up,
                    "Follow-up from last session",
                    overdue=f.note_follow_up < today,
                )
            )
        out += (consents or {}).get(f.client_id, [])  # issue 17: after the kinds above
    out.sort(key=lambda r: (not r.overdue, r.window_closes_on or r.due_on, r.client_name))
    return out


def old_episode_facts(conn: Any) -> list[EpisodeFacts]:
    recorded: dict[int, set[Timepoint]] = {}
    for cid, tp in conn.execute("SELECT client_id, timepoint FROM outcomes"):
        recorded.setdefault(cid, set()).add(Timepoint(tp))
    referrals: dict[int, list[date]] = {}
    for cid, follow in conn.execute(
        "SELECT client_id, follow_up_on FROM referrals WHERE follow_up_on IS NOT NULL "
        "AND status IN ('made', 'contacted')"
    ):
        referrals.setdefault(cid, []).append(date.fromisoformat(follow))
    rows = conn.execute(
        "SELECT c.id, coalesce(nullif(c.preferred_name, ''), c.given_name) || ' ' || "
        "c.family_name, c.intake_date, c.status, c.status_date, "
        "(SELECT review_date FROM plans p WHERE p.client_id = c.id ORDER BY version DESC LIMIT 1), "
        "(SELECT follow_up_on FROM notes n WHERE n.client_id = c.id "
        " ORDER BY occurred_at DESC, id DESC LIMIT 1), c.kind "
        "FROM clients c"
    )
    facts = []
    for cid, name, intake, status, status_date, review, note_follow, kind in rows:
        active = status == ClientStatus.ACTIVE.value
        ended = None if active else (repos.s2d(status_date) or date.fromisoformat(intake))
        facts.append(
            EpisodeFacts(
                cid,
                name,
                date.fromisoformat(intake),
                ended,
                frozenset(recorded.get(cid, set())),
                repos.s2d(review) if active else None,
                tuple(referrals.get(cid, ())),
                repos.s2d(note_follow) if active else None,
                kind == "family_member",
            )
        )
    return facts


def consent_reminders(conn: Any, today: date) -> dict[int, list[Reminder]]:
    """Issue 17's rule from the rows: an active client whose every consent has an end (its
    expiry, or its revocation when that came first, which covers nothing from its day) is
    reminded from 30 days before the last end; once nothing covers him, it is overdue."""
    ends: dict[int, list[tuple[date, date] | None]] = {}
    for cid, expires, revoked in conn.execute(
        "SELECT client_id, expires_on, revoked_on FROM consents JOIN clients c "
        "ON c.id = client_id WHERE c.status = 'active'"
    ):
        expires, revoked = repos.s2d(expires), repos.s2d(revoked)
        if revoked is not None and (expires is None or revoked <= expires):
            end: tuple[date, date] | None = (revoked - timedelta(days=1), revoked)
        else:
            end = None if expires is None else (expires, expires)
        ends.setdefault(cid, []).append(end)
    names = dict(conn.execute(f"SELECT c.id, {repos._DISPLAY_NAME} FROM clients c"))
    out: dict[int, list[Reminder]] = {}
    for cid, found in ends.items():
        if None in found:
            continue
        last, named = max(e for e in found if e is not None)
        if last <= today + timedelta(days=30):
            ended = last < today
            title = KIND_TITLES["consent_ended" if ended else "consent"]
            out[cid] = [Reminder(cid, names[cid], "consent", last, title, ended, ends_on=named)]
    return out


def old_list_clients(conn: Any, search: str, status: ClientStatus | None) -> list[int]:
    clauses, args = [], []
    for token in repos.fold(search).split():
        clauses.append("search_name LIKE ? ESCAPE '\\'")
        args.append(f"%{repos._like_escape(token)}%")
    if status is not None:
        clauses.append("status = ?")
        args.append(status.value)
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    order = repos.CLIENT_SORTS["name"]
    return [
        r[0]
        for r in conn.execute(f"SELECT c.id FROM clients c{where} ORDER BY {order}, c.id", args)
    ]


# -- helpers ----------------------------------------------------------------------------------


@pytest.fixture
def demo_vault(vault_path: Path) -> Vault:
    vault = Vault.open(vault_path, PASSPHRASE)
    generate(vault, 120, seed=7, notes_per_client=4, today=TODAY)
    return vault


def _compare_today(vault: Vault) -> set[tuple[str, bool]]:
    """Compare on four days; returns the (kind, overdue) pairs that were compared."""
    facts = old_episode_facts(vault.conn)
    seen = set()
    for day in (TODAY, TODAY - timedelta(days=200), TODAY + timedelta(days=45), date(2027, 1, 9)):
        expected = old_reminders(facts, day, consent_reminders(vault.conn, day))
        seen |= {(r.kind, r.overdue) for r in expected}
        assert repos.reminders_for(vault.conn, day) == expected, day
        assert repos.today_page(vault.conn, day, per_kind=7) == page_of(expected, 7), day
        one = expected[0].client_id if expected else 1
        assert repos.reminders_for(vault.conn, day, one) == [
            r for r in expected if r.client_id == one
        ]
    return seen


def _random_edits(caseload: Caseload, rng: random.Random, people: SyntheticPeople) -> None:
    conn = caseload.conn
    ids = [row[0] for row in conn.execute("SELECT id FROM clients")]
    for _ in range(25):
        cid = rng.choice(ids)
        day = TODAY + timedelta(days=rng.randint(-400, 30))
        action = rng.randrange(10)
        if action == 0:
            ids.append(
                caseload.add_client(
                    Client(people.given(), people.family(), min(day, TODAY), Setting.COMMUNITY)
                )
            )
        elif action == 1:
            follow = day + timedelta(days=rng.randint(-10, 20)) if rng.random() < 0.7 else None
            at = datetime.combine(day, datetime.min.time(), UTC) + timedelta(
                hours=rng.randint(8, 17)
            )
            note = SessionNote(cid, at, ContactMode.PHONE, "talked", follow_up_on=follow)
            caseload.add_note(note)
        elif action == 2:
            review = TODAY + timedelta(days=rng.randint(-30, 40))
            caseload.save_plan(RecoveryPlan(cid, "a calm home", review_date=review))
        elif action == 3:
            status = rng.choice([ReferralStatus.MADE, ReferralStatus.CONTACTED])
            follow = TODAY + timedelta(days=rng.randint(-20, 20))
            ref = Referral(cid, ResourceCategory.HOUSING, day, None, status, day, follow)
            caseload.make_referral(ref)
        elif action == 4:
            open_refs = [r for r in caseload.referrals(cid) if r.status == ReferralStatus.MADE]
            if open_refs:
                caseload.advance_referral(open_refs[0].id or 0, ReferralStatus.LINKED, TODAY)
        elif action == 5:
            tp = rng.choice(list(Timepoint))
            if caseload.get_client(cid).is_family:  # outcomes are for the person in recovery
                caseload.record_family_followup(FamilyFollowUp(cid, TODAY, True))
            else:
                caseload.record_outcome(OutcomeAssessment(cid, tp, TODAY, days_used=1))
        elif action == 6:
            status = rng.choice(list(ClientStatus))
            on = max(
                caseload.get_client(cid).intake_date, TODAY - timedelta(days=rng.randint(0, 99))
            )
            caseload.set_status(cid, status, on, "test")
        elif action == 7:  # a consent: signed, ending on a date (or an event), or revoked
            ends = day + timedelta(days=rng.randint(1, 400))
            event = rng.random() < 0.15
            consent = Consent(
                cid, "Coach", "Attendance", "Court", "Reports", "In writing", None, "", "X", day
            )
            consent.expires_on, consent.expiry_event = (
                (None, "case closes") if event else (ends, "")
            )
            caseload.add_consent(consent)
        elif action == 8:
            mine = [c.id for c in caseload.consents(cid) if c.revoked_on is None and c.id]
            if mine:
                caseload.revoke_consent(
                    rng.choice(mine), TODAY - timedelta(days=rng.randint(0, 60))
                )
        else:  # plain SQL, as another program part might write: the triggers still see it
            with caseload.vault.transaction():
                conn.execute(
                    "UPDATE consents SET expires_on = ? WHERE id = "
                    "(SELECT max(id) FROM consents WHERE client_id = ?)",
                    (repos.d2s(TODAY + timedelta(days=rng.randint(-40, 40))), cid),
                )
                if rng.random() < 0.3:
                    conn.execute(
                        "DELETE FROM consents WHERE id = "
                        "(SELECT min(id) FROM consents WHERE client_id = ?)",
                        (rng.choice(ids),),
                    )
                conn.execute(
                    "UPDATE notes SET follow_up_on = ? WHERE id = "
                    "(SELECT max(id) FROM notes WHERE client_id = ?)",
                    (repos.d2s(TODAY + timedelta(days=rng.randint(-5, 9))), cid),
                )
                conn.execute(
                    "DELETE FROM outcomes WHERE client_id = ? AND timepoint = 'baseline'", (cid,)
                )


# -- tests ------------------------------------------------------------------------------------


def test_today_equals_the_old_recomputation_under_random_edits(demo_vault: Vault) -> None:
    caseload = Caseload(demo_vault, today=TODAY)
    rng = random.Random(18)
    people = SyntheticPeople(rng)
    seen = _compare_today(demo_vault)
    for _ in range(6):
        _random_edits(caseload, rng, people)
        assert demo_vault.conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] == 0
        seen |= _compare_today(demo_vault)
    assert {("consent", True), ("consent", False)} <= seen  # ended and ending (issue 17)
    demo_vault.close()


def test_writes_outside_a_transaction_are_read_exactly_until_the_next_commit(
    demo_vault: Vault,
) -> None:
    conn = demo_vault.conn
    conn.execute("UPDATE plans SET review_date = ? WHERE client_id = 3", (repos.d2s(TODAY),))
    conn.execute("DELETE FROM referrals WHERE client_id = 5")
    assert conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] >= 1
    _compare_today(demo_vault)
    with demo_vault.transaction():
        pass
    assert conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] == 0
    _compare_today(demo_vault)
    demo_vault.close()


def test_a_change_of_rules_recomputes_every_client(demo_vault: Vault) -> None:
    with demo_vault.transaction():
        demo_vault.set_meta(repos.RULES_META, "0")
        demo_vault.conn.execute("DELETE FROM due_items")  # what stale items would look like
    path = demo_vault.path
    demo_vault.close()
    with Vault.open(path, PASSPHRASE) as vault:
        assert vault.conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] == 121 - 1
        _compare_today(vault)


def test_name_search_and_counts_equal_the_scan(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    caseload = Caseload(demo_vault, today=TODAY)
    caseload.add_client(Client("José", "Núñez", TODAY, Setting.COMMUNITY, preferred_name="Pepe"))
    caseload.add_client(Client("Ann%", "O'Ha_ra", TODAY, Setting.COMMUNITY))
    rng = random.Random(5)
    names = [row[0] for row in conn.execute("SELECT search_name FROM clients")]
    queries = ["", "a", "el", "jose nun", "NÚÑ", "pepe", "%", "_", "o'ha", "zzz", "ann% o'h"]
    for _ in range(60):
        name = rng.choice(names)
        start = rng.randrange(max(1, len(name) - 1))
        queries.append(name[start : start + rng.randint(1, 6)])
        queries.append(" ".join(rng.sample(name.split(), min(2, len(name.split())))))
    for query in queries:
        for status in (None, ClientStatus.ACTIVE):
            expected = old_list_clients(conn, query, status)
            for limit, offset in ((200, 0), (3, 0), (5, 4)):
                rows = repos.list_clients(conn, query, status, limit=limit, offset=offset)
                assert [r.id for r in rows] == expected[offset : offset + limit], query
            assert repos.count_clients(conn, query, status) == len(expected), query
    for setting in (None, *Setting):
        for status in (None, *ClientStatus):
            (n,) = conn.execute(
                "SELECT count(*) FROM clients WHERE (? IS NULL OR status = ?) "
                "AND (? IS NULL OR setting = ?)",
                (status, status, setting, setting),
            ).fetchone()
            assert repos.count_clients(conn, "", status, setting) == n
    demo_vault.close()


def test_no_window_is_longer_than_the_look_back() -> None:
    for days in range(0, 800, 7):
        intake = TODAY - timedelta(days=days)
        for ended in (None, intake, intake + timedelta(days=200), intake + timedelta(days=500)):
            for w in timepoints.windows(intake, ended):
                assert (w.closes - w.opens).days <= timepoints.LONGEST_WINDOW_DAYS
