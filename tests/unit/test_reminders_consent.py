"""Today's consent item (issue 17): a client whose consents have all ended, or all end within
EXPIRING_DAYS, is reminded; the rule itself, then through a real vault (the indexed Today,
its triggers and the recomputation agree), the command line, old vaults and a rules change."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core import reminders as rules
from coachdesk.core.models import Client, ClientStatus, Consent, Setting
from coachdesk.core.reminders import EXPIRING_DAYS, EpisodeFacts, consent_end
from coachdesk.errors import ValidationError
from coachdesk.i18n import catalog
from coachdesk.storage import migrate, repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.fixtures.make_old_vaults import OLD_VAULT_PASSPHRASE, fixture_path

TODAY = date(2026, 12, 2)
ENDED = "Consent ended on {date}: nothing may be disclosed. Renew it with the client."


def _consent(cid: int, signed: date, expires: date | None, event: str = "") -> Consent:
    return Consent(
        cid, "Coach", "Attendance", "Drug court", "Reports", "In writing", expires, event,
        "Client", signed,
    )  # fmt: skip


def _facts(ends: list[tuple[date | None, date | None]], ended: date | None = None) -> EpisodeFacts:
    """A client past its collection windows, with these consents (expires_on, revoked_on)."""
    intake = TODAY - timedelta(days=900)
    return EpisodeFacts(
        7, "Ana Ruiz", intake, ended, frozenset(), None, (), None, consent_end=consent_end(ends)
    )


def _consent_items(f: EpisodeFacts, day: date) -> list[tuple[date, str, bool, date | None]]:
    return [
        (r.due_on, r.title, r.overdue, r.ends_on)
        for r in rules.reminders([f], day)
        if r.kind == "consent"
    ]


# -- the rule ---------------------------------------------------------------------------------


def test_an_expired_consent_is_overdue_from_the_day_after_its_expiry() -> None:
    d = TODAY - timedelta(days=10)
    f = _facts([(d, None)])
    # Active through its expiry date (Consent.is_active): "ends on" that day, ended the next.
    assert _consent_items(f, d) == [(d, "Consent ends on {date}", False, d)]
    assert _consent_items(f, d + timedelta(days=1)) == [(d, ENDED, True, d)]
    assert _consent_items(f, TODAY + timedelta(days=400)) == [(d, ENDED, True, d)]  # until renewed
    assert [r.overdue for r in rules.reminders([f], TODAY)] == [True]
    assert not _consent(7, d - timedelta(days=90), d).is_active(d + timedelta(days=1))


def test_an_ending_consent_shows_from_expiring_days_before() -> None:
    d = TODAY + timedelta(days=EXPIRING_DAYS)
    f = _facts([(d, None), (TODAY + timedelta(days=3), None)])  # the later one counts
    assert _consent_items(f, TODAY) == [(d, "Consent ends on {date}", False, d)]
    assert _consent_items(f, TODAY - timedelta(days=1)) == []
    assert rules.reminders([f], TODAY)[0].due_on == d  # due on the last covered day


def test_renewed_revoked_never_signed_and_closed() -> None:
    old = TODAY - timedelta(days=40)
    assert _consent_items(_facts([(old, None), (TODAY + timedelta(days=300), None)]), TODAY) == []
    assert _consent_items(_facts([(old, None), (None, None)]), TODAY) == []  # an event's end
    assert _consent_items(_facts([]), TODAY) == []  # never signed: intake says so
    assert consent_end([]) is None
    # Revoked: ended on its revocation day, which covers nothing (and its words name it).
    r = TODAY - timedelta(days=2)
    revoked = _facts([(None, r), (TODAY + timedelta(days=200), r)])
    assert _consent_items(revoked, r) == [(r - timedelta(days=1), ENDED, True, r)]
    # Revoked after it had expired: it ended on its expiry.
    assert consent_end([(old, TODAY)]) == (old, old)
    # A discharged client's record asks nothing of consent, as plan reviews do not.
    assert _consent_items(_facts([(old, None)], ended=TODAY - timedelta(days=5)), TODAY) == []


# -- through a vault --------------------------------------------------------------------------


@pytest.fixture
def caseload(vault: Vault) -> Caseload:
    return Caseload(vault, today=TODAY)


def _today(c: Caseload) -> list[tuple[int, date, bool, date | None]]:
    """The indexed page's consent items; it equals the rules recomputed from the records."""
    indexed = repos.today_page(c.conn, TODAY, 50)
    assert indexed == rules.page_of(rules.reminders(repos.episode_facts(c.conn), TODAY), 50)
    assert c.conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] == 0
    return [(r.client_id, r.due_on, r.overdue, r.ends_on) for r in indexed.first.get("consent", [])]


def test_a_vault_keeps_the_item_current_as_consents_change(caseload: Caseload) -> None:
    c = caseload
    cid = c.add_client(Client("Lio", "Varga", TODAY - timedelta(days=500), Setting.COMMUNITY))
    assert _today(c) == []  # never signed one
    expired = TODAY - timedelta(days=20)
    c.add_consent(_consent(cid, TODAY - timedelta(days=400), expired))
    assert _today(c) == [(cid, expired, True, expired)]
    page = c.today_page()
    assert page.counts["consent"] == 1 and page.overdue == 1
    # Renewed, ending within EXPIRING_DAYS: "ends on"; renewed for a year: gone.
    soon = TODAY + timedelta(days=12)
    second = c.add_consent(_consent(cid, TODAY, soon))
    assert _today(c) == [(cid, soon, False, soon)]
    c.add_consent(_consent(cid, TODAY, TODAY + timedelta(days=365)))
    assert _today(c) == []
    # Revoked today: the two left end before today, this one on its revocation.
    latest = max(x.id or 0 for x in c.consents(cid))
    c.revoke_consent(latest, TODAY)
    assert _today(c) == [(cid, soon, False, soon)]
    c.revoke_consent(second, TODAY)
    assert _today(c) == [(cid, TODAY - timedelta(days=1), True, TODAY)]
    assert [r.kind for r in c.reminders(cid)] == ["consent"]  # the overview's list too
    # Plain SQL on the consents (as another program part might write): the triggers see it.
    with c.vault.transaction():
        c.conn.execute("UPDATE consents SET revoked_on = NULL, expires_on = ? WHERE id = ?",
                       (repos.d2s(TODAY + timedelta(days=90)), second))  # fmt: skip
    assert _today(c) == []
    with c.vault.transaction():
        c.conn.execute("DELETE FROM consents WHERE id = ?", (second,))
    assert _today(c) == [(cid, TODAY - timedelta(days=1), True, TODAY)]
    with c.vault.transaction():
        c.conn.execute("DELETE FROM consents WHERE client_id = ?", (cid,))
    assert _today(c) == []  # none left: as never signed
    c.add_consent(_consent(cid, TODAY - timedelta(days=400), expired))
    c.set_status(cid, ClientStatus.DISCHARGED, TODAY, "moved away")
    assert _today(c) == []


def test_done_and_later_are_refused_with_words(caseload: Caseload) -> None:
    c = caseload
    cid = c.add_client(Client("Lio", "Varga", TODAY - timedelta(days=500), Setting.COMMUNITY))
    c.add_consent(_consent(cid, TODAY - timedelta(days=400), TODAY - timedelta(days=3)))
    due = TODAY - timedelta(days=3)
    for attempt in (
        lambda: c.complete_due(cid, "consent", due),
        lambda: c.snooze_due(cid, "consent", due, TODAY + timedelta(days=5)),
    ):
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.code == "due.consent_by_renewal"
        assert "Profile & consents" in catalog.describe(refused.value, "en")
        assert "Perfil y consentimientos" in catalog.describe(refused.value, "es")
    assert _today(c) == [(cid, due, True, due)]


def test_the_command_line_words_it_in_both_languages(vault_path: Path, run_cli: RunCli) -> None:
    today = date.today()
    ended = today - timedelta(days=4)
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        cid = c.add_client(
            Client("Noor", "Haddad", today - timedelta(days=600), Setting.JAIL_PRISON)
        )
        c.add_consent(_consent(cid, today - timedelta(days=300), ended))
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    english = run_cli("today", "list", str(vault_path), env=env)
    assert english.returncode == 0, english.stderr
    assert f"Consent ended on {ended.isoformat()}: nothing may be disclosed." in english.stdout
    spanish = run_cli("today", "list", str(vault_path), env={**env, "COACHDESK_LANG": "es"})
    assert f"El consentimiento terminó el {ended.isoformat()}: no se puede" in spanish.stdout
    done = run_cli(
        "today", "done", str(vault_path), str(cid), "consent", ended.isoformat(), env=env
    )
    assert done.returncode != 0 and "renewed by the client signing a new one" in done.stderr
    assert "Traceback" not in done.stderr


# -- old vaults and a change of rules ---------------------------------------------------------


@pytest.mark.parametrize("version", range(1, migrate.SCHEMA_VERSION))
def test_old_vaults_upgrade_to_consent_items(version: int, tmp_path: Path) -> None:
    copy = tmp_path / "old"
    shutil.copytree(fixture_path(version), copy)
    with Vault.open(copy, OLD_VAULT_PASSPHRASE) as vault:
        c = Caseload(vault, today=date(2025, 7, 5))
        (row,) = c.list_clients()
        if version >= 13:  # its consent expired on 2025-06-30, before this upgrade
            expired = date(2025, 6, 30)
            assert [(r.kind, r.overdue, r.ends_on) for r in c.reminders(row.id)] == [
                ("consent", True, expired)
            ]
        else:  # no consent yet: one written now is on Today at once (the new triggers)
            assert [r.kind for r in c.reminders(row.id)] == []
            c.add_consent(_consent(row.id, date(2025, 3, 1), date(2025, 7, 20)))
        with vault.transaction():
            pass  # a write stores the items of the clients the upgrade left stale
        assert c.conn.execute("SELECT count(*) FROM due_stale").fetchone()[0] == 0
        assert [r.client_id for r in c.today_page().first["consent"]] == [row.id]
        assert repos.reminders_for(vault.conn, c.today()) == rules.reminders(
            repos.episode_facts(vault.conn), c.today()
        )


def test_items_written_by_the_rules_before_consents_are_recomputed(vault: Vault) -> None:
    c = Caseload(vault, today=TODAY)
    cid = c.add_client(Client("Lio", "Varga", TODAY - timedelta(days=500), Setting.COMMUNITY))
    c.add_consent(_consent(cid, TODAY - timedelta(days=400), TODAY - timedelta(days=9)))
    with vault.transaction():  # what rules version 3 stored: no consent item
        vault.set_meta(repos.RULES_META, "3")
        vault.conn.execute("DELETE FROM due_items WHERE kind = 'consent'")
    path = vault.path
    vault.close()
    with Vault.open(path, PASSPHRASE) as again:
        assert again.get_meta(repos.RULES_META) == str(rules.RULES_VERSION) == "4"
        with again.transaction():
            pass  # the first write recomputes every client
        stored = again.conn.execute("SELECT kind, due_on, ends_on FROM due_items").fetchall()
        day = repos.d2s(TODAY - timedelta(days=9))
        assert ("consent", day, day) in stored
