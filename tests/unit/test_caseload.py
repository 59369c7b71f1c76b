"""Use cases end to end on a real vault: validation, versions, search, audit, reminders."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    ActionStep,
    Client,
    ClientStatus,
    Consent,
    ContactMode,
    CrisisContact,
    Goal,
    LifeDomain,
    OutcomeAssessment,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    ResourceCategory,
    SessionNote,
    Setting,
    Timepoint,
    WellnessPlan,
)
from coachdesk.errors import IntegrityError, ValidationError
from coachdesk.storage.vault import Vault

TODAY = date(2026, 11, 22)


@pytest.fixture
def caseload(vault: Vault) -> Caseload:
    return Caseload(vault, today=TODAY)


def _client(caseload: Caseload, given: str = "Tavi", intake: date = date(2026, 6, 1)) -> int:
    return caseload.add_client(
        Client(
            given,
            "Orbesk",
            intake,
            Setting.EMERGENCY_DEPARTMENT,
            preferred_name="T",
            pronouns="they/them",
        )
    )


def test_client_validation_names_the_field(caseload: Caseload) -> None:
    with pytest.raises(ValidationError) as err:
        caseload.add_client(Client(" ", "Orbesk", TODAY, Setting.COMMUNITY))
    assert err.value.field == "given_name"
    with pytest.raises(ValidationError, match="future"):
        caseload.add_client(Client("A", "B", TODAY + timedelta(days=1), Setting.COMMUNITY))
    assert caseload.count_clients() == 0


def test_name_search_folds_case_and_accents(caseload: Caseload) -> None:
    jose = caseload.add_client(Client("José", "Núñez", TODAY, Setting.JAIL_PRISON))
    _client(caseload)
    assert [r.id for r in caseload.list_clients("jose nun")] == [jose]
    assert [r.id for r in caseload.list_clients("NÚÑ")] == [jose]
    assert caseload.count_clients("%") == 0, "LIKE wildcards are escaped"
    assert caseload.count_clients(status=ClientStatus.ACTIVE) == 2
    assert caseload.count_clients(setting=Setting.JAIL_PRISON) == 1


def test_consent_requires_every_2_31_element_and_can_be_revoked(caseload: Caseload) -> None:
    cid = _client(caseload)
    base = dict(
        client_id=cid,
        disclosing_party="Demo RCO",
        information="Attendance",
        recipients="Drug court",
        purpose="Care coordination",
        revocation_terms="In writing, any time",
        expires_on=None,
        expiry_event="",
        signed_by="T Orbesk",
        signed_on=TODAY,
    )
    with pytest.raises(ValidationError, match="expiry"):
        caseload.add_consent(Consent(**base))  # type: ignore[arg-type]
    consent_id = caseload.add_consent(Consent(**{**base, "expiry_event": "End of program"}))  # type: ignore[arg-type]
    assert caseload.consents(cid)[0].is_active(TODAY)
    caseload.revoke_consent(consent_id, TODAY, "client asked")
    assert not caseload.consents(cid)[0].is_active(TODAY)


def _plan(client_id: int, vision: str) -> RecoveryPlan:
    return RecoveryPlan(
        client_id,
        vision,
        goals=[
            Goal(
                LifeDomain.HOUSING,
                "Find a room near the bus line",
                "Stability",
                [ActionStep("Call the housing office", "Me", TODAY)],
            ),
            Goal(LifeDomain.EMPLOYMENT_EDUCATION, "Finish the forklift course"),
        ],
        wellness=WellnessPlan(
            triggers=["Payday"], crisis_contacts=[CrisisContact("Sponsor", "555-010-2000")]
        ),
        review_date=TODAY + timedelta(days=30),
    )


def test_plans_are_versioned_and_searchable(caseload: Caseload) -> None:
    cid = _client(caseload)
    first = caseload.save_plan(_plan(cid, "A calm home"))
    second = caseload.save_plan(_plan(cid, "A calm home and a steady job"))
    assert (first.version, second.version) == (1, 2)
    assert caseload.plan(cid).vision == "A calm home and a steady job"  # type: ignore[union-attr]
    old = caseload.plan(cid, 1)
    assert old is not None and old.goals[0].steps[0].what == "Call the housing office"
    assert old.wellness.crisis_contacts[0].phone == "555-010-2000"
    assert [v for v, _ in caseload.plan_versions(cid)] == [2, 1]
    assert {v for _, _, v in caseload.search_plans("forklift")} == {1, 2}


def test_notes_full_text_search(caseload: Caseload) -> None:
    cid = _client(caseload)
    other = _client(caseload, "Mireo")
    at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    caseload.add_note(
        SessionNote(
            cid, at, ContactMode.IN_PERSON, "Talked about the café job and the bus pass", 30
        )
    )
    caseload.add_note(SessionNote(other, at, ContactMode.PHONE, "Court date next week", 10))
    hits = caseload.search_notes("cafe")
    assert [h.client_id for h in hits] == [cid] and "[café]" in hits[0].snippet
    assert [h.client_id for h in caseload.search_notes("bus pa")] == [cid]  # prefix on last word
    assert caseload.search_notes('"') == [] and caseload.search_notes("AND OR NOT") == []
    assert caseload.search_notes("court", client_id=cid) == []
    with pytest.raises(ValidationError):
        caseload.add_note(SessionNote(cid, at, ContactMode.PHONE, "   "))
    caseload.add_note(SessionNote(cid, at, ContactMode.PHONE, "", attempt_only=True))
    assert len(caseload.notes(cid)) == 2


def test_barc10_scores_and_picks_the_timepoint(caseload: Caseload) -> None:
    cid = _client(caseload, intake=date(2026, 5, 1))
    baseline = caseload.record_barc10(cid, [4] * 10, date(2026, 5, 10))
    later = caseload.record_barc10(cid, [5] * 8 + [4, 3], date(2026, 10, 28))
    assert (baseline.total, baseline.timepoint) == (40, Timepoint.BASELINE)
    assert (later.total, later.timepoint) == (47, Timepoint.FOLLOWUP_180)
    with pytest.raises(ValidationError):
        caseload.record_barc10(cid, [7] + [4] * 9)
    assert [a.total for a in caseload.barc10_series(cid)] == [40, 47]
    assert caseload.list_clients()[0].latest_barc10 == 47


def test_outcomes_validate_ranges_and_upsert_per_timepoint(caseload: Caseload) -> None:
    cid = _client(caseload)
    with pytest.raises(ValidationError, match="between 0 and 30"):
        caseload.record_outcome(OutcomeAssessment(cid, Timepoint.BASELINE, TODAY, days_used=31))
    caseload.record_outcome(
        OutcomeAssessment(
            cid, Timepoint.BASELINE, TODAY, days_used=12, on_moud=True, housing="unstable"
        )
    )
    caseload.record_outcome(
        OutcomeAssessment(cid, Timepoint.BASELINE, TODAY, days_used=10, on_moud=False)
    )
    (stored,) = caseload.outcomes(cid)
    assert (stored.days_used, stored.on_moud, stored.housing) == (10, False, None)


def test_referral_status_flow(caseload: Caseload) -> None:
    cid = _client(caseload)
    rid = caseload.make_referral(
        Referral(cid, ResourceCategory.MOUD, TODAY, follow_up_on=TODAY + timedelta(days=3))
    )
    assert caseload.advance_referral(rid, ReferralStatus.CONTACTED).status == (
        ReferralStatus.CONTACTED
    )
    assert caseload.advance_referral(rid, ReferralStatus.LINKED).status == ReferralStatus.LINKED
    with pytest.raises(ValidationError, match="cannot become"):
        caseload.advance_referral(rid, ReferralStatus.MADE)


def test_reminders_follow_the_rules(caseload: Caseload) -> None:
    due_baseline = _client(caseload, "Baseline", intake=TODAY - timedelta(days=5))
    due_180 = _client(caseload, "Sixmonth", intake=TODAY - timedelta(days=175))
    _client(caseload, "Quiet", intake=TODAY - timedelta(days=90))
    caseload.save_plan(RecoveryPlan(due_180, "x", review_date=TODAY - timedelta(days=2)))
    rid = caseload.make_referral(
        Referral(
            due_baseline, ResourceCategory.HOUSING, TODAY, follow_up_on=TODAY + timedelta(days=2)
        )
    )
    kinds = {(r.client_id, r.kind) for r in caseload.reminders()}
    assert (due_baseline, "timepoint") in kinds
    assert (due_180, "timepoint") in kinds
    assert (due_180, "plan_review") in kinds
    assert (due_baseline, "referral_follow_up") in kinds
    overdue = [r for r in caseload.reminders() if r.overdue]
    assert [r.kind for r in overdue] == ["plan_review"]
    caseload.advance_referral(rid, ReferralStatus.LINKED)
    caseload.record_outcome(OutcomeAssessment(due_baseline, Timepoint.BASELINE, TODAY))
    assert not [r for r in caseload.reminders() if r.client_id == due_baseline]


def test_audit_trail_is_chained_and_append_only(caseload: Caseload, vault: Vault) -> None:
    cid = _client(caseload)
    caseload.open_client(cid)
    caseload.record_output(
        cid, "print", "recovery plan v1", recipient="Client", purpose="client copy"
    )
    actions = [e.action for e in caseload.audit_trail(cid)]
    assert actions[:3] == ["print", "view", "create"]
    assert len(caseload.disclosures(cid)) == 1
    caseload.verify_audit()
    with pytest.raises(Exception, match="append-only"):
        vault.conn.execute("UPDATE audit SET actor = 'someone else'")
    with pytest.raises(Exception, match="append-only"):
        vault.conn.execute("DELETE FROM audit")
    # A raw edit that bypasses the triggers is caught by the chain.
    vault.conn.execute("DROP TRIGGER audit_no_update")
    vault.conn.execute("UPDATE audit SET detail = 'edited' WHERE id = 2")
    with pytest.raises(IntegrityError, match="altered at entry 2"):
        caseload.verify_audit()


def test_failed_unlocks_are_audited_on_next_success(vault_path) -> None:  # type: ignore[no-untyped-def]
    from coachdesk.errors import WrongPassphraseError
    from tests.conftest import PASSPHRASE

    for _ in range(2):
        with pytest.raises(WrongPassphraseError):
            Vault.open(vault_path, "wrong passphrase!")
    with Vault.open(vault_path, PASSPHRASE) as vault:
        actions = [e.action for e in Caseload(vault).audit.entries()]
    assert actions[:3] == ["unlock", "failed_unlock", "failed_unlock"]


def test_drafts_survive_a_lock(vault_path) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import PASSPHRASE

    with Vault.open(vault_path, PASSPHRASE) as vault:
        Caseload(vault).save_draft("plan", "7", {"vision": "half-typed vision"})
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert Caseload(vault).load_draft("plan", "7") == {"vision": "half-typed vision"}


def test_a_disclosure_is_linked_to_the_active_consent_naming_its_recipient(
    caseload: Caseload,
) -> None:
    """The 42 CFR 2.25 list names the consent a disclosure was made under: the newest active
    consent whose recipients name the one the coach typed (case and spacing aside)."""
    cid = _client(caseload)

    def consent(recipients: str, signed: date, expires: date | None) -> int:
        return caseload.add_consent(
            Consent(cid, "RCO", "Plan", recipients, "Care", "In writing", expires,
                    "" if expires else "End of program", "Tavi", signed)
        )  # fmt: skip

    consent("Harbor Clinic", date(2025, 1, 5), date(2025, 12, 31))  # expired
    court = consent("Drug court coordinator; Harbor Clinic", date(2026, 3, 1), None)
    newer = consent("Harbor  clinic", date(2026, 9, 1), date(2027, 9, 1))
    plan = "recovery plan version 1 as PDF (en, letter)"
    for recipient in ("harbor CLINIC", "Drug court coordinator", "Probation office"):
        caseload.record_output(cid, "save", plan, recipient=recipient, purpose="Care")
    linked = {d.recipient: d.consent_id for d in caseload.disclosures(cid)}
    assert linked == {
        "harbor CLINIC": newer,
        "Drug court coordinator": court,
        "Probation office": None,  # no consent names them: the list says "none recorded"
    }
