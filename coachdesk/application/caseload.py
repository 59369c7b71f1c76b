"""Use cases over an unlocked vault: the one API both front-ends (CLI and window) call.

Each write validates, runs in one transaction and appends an audit entry in that same
transaction, so a record and its audit trail commit together or not at all.

Threading: a Caseload belongs to the thread that opened its vault (the GUI's database worker).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from coachdesk.core import barc10, timepoints, validation
from coachdesk.core.models import (
    AuditEntry,
    Barc10Assessment,
    Client,
    ClientKind,
    ClientStatus,
    CoachProfile,
    Consent,
    Disclosure,
    FamilyFollowUp,
    NoteAddendum,
    OutcomeAssessment,
    Pathway,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Reminder,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    Timepoint,
)
from coachdesk.core.reminders import TodayPage
from coachdesk.errors import IntegrityError, NotFoundError, ValidationError
from coachdesk.storage import followups, handoff_repo, repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.repos import ClientRow, NoteHit
from coachdesk.storage.vault import Vault

CLIENT = "client"
DISCLOSURE_LOOKBACK = timedelta(days=3 * 365)  # 42 CFR 2.25
RECENT_KIND, RECENT_KEY = "window", "recent_clients"  # a row of the vault's drafts table
COUNT_CAP = 1000  # a client list's count beyond this is shown as "1,000+"


class Caseload:
    def __init__(self, vault: Vault, today: date | None = None) -> None:
        self.vault = vault
        self._today = today
        self.audit = AuditLog(vault.conn, vault.audit_key)
        if vault.unlock_failures and not vault.damaged:
            with vault.transaction():
                for at in vault.unlock_failures:
                    self.audit.append(self.actor, "failed_unlock", at=at)
        if not vault.damaged:
            with vault.transaction():
                self.audit.append(self.actor, "unlock")

    @property
    def conn(self):  # type: ignore[no-untyped-def]
        return self.vault.conn

    def today(self) -> date:
        return self._today or date.today()

    @property
    def actor(self) -> str:
        profile = repos.get_profile(self.vault.conn)
        return profile.display_name if profile else "coach"

    def _log(self, action: str, client_id: int | None = None, detail: str = "") -> None:
        self.audit.append(
            self.actor, action, CLIENT if client_id is not None else "", client_id, detail
        )

    # -- profile ---------------------------------------------------------------------------

    def profile(self) -> CoachProfile | None:
        return repos.get_profile(self.conn)

    def set_profile(self, profile: CoachProfile) -> None:
        if not profile.display_name.strip():
            raise ValidationError(field="display_name", code="validation.profile.name_required")
        with self.vault.transaction():
            repos.set_profile(self.conn, profile)
            self._log("update", detail="coach profile")

    # -- clients ---------------------------------------------------------------------------

    def _check_link(self, client: Client) -> None:
        """A family client's loved one must be a person in recovery of this caseload."""
        if not client.is_family:
            client.linked_client_id, client.relationship = None, None
            return
        linked = client.linked_client_id
        if linked is None:
            return
        if linked == client.id:
            raise ValidationError(field="linked_client", code="validation.linked_client.self")
        try:
            other = repos.get_client(self.conn, linked)
        except NotFoundError:
            raise ValidationError(
                field="linked_client", code="validation.linked_client.missing", client=linked
            ) from None
        if other.is_family:
            raise ValidationError(
                field="linked_client", code="validation.linked_client.family", client=linked
            )

    def add_client(self, client: Client) -> int:
        validation.client(client, self.today())
        self._check_link(client)
        with self.vault.transaction():
            client_id = repos.insert_client(self.conn, client)
            self._log("create", client_id, "client")
        client.id = client_id
        return client_id

    def update_client(self, client: Client) -> None:
        validation.client(client, self.today())
        self._check_link(client)
        if client.is_family and client.id is not None and self.family_of(client.id):
            # family clients are linked to this person: they stay a person in recovery
            raise ValidationError(field="kind", code="validation.kind.has_family")
        with self.vault.transaction():
            repos.update_client(self.conn, client)
            self._log("update", client.id, "client")

    def open_client(self, client_id: int) -> Client:
        """Read a client for display; the view is audited."""
        client = repos.get_client(self.conn, client_id)
        with self.vault.transaction():
            self._log("view", client_id)
        return client

    def get_client(self, client_id: int) -> Client:
        """Read without auditing (internal use, e.g. to fill a document already audited)."""
        return repos.get_client(self.conn, client_id)

    def set_status(self, client_id: int, status: ClientStatus, on: date, reason: str) -> None:
        client = repos.get_client(self.conn, client_id)
        client.status, client.status_date, client.status_reason = status, on, reason
        self.update_client(client)

    def list_clients(
        self,
        search: str = "",
        status: ClientStatus | None = None,
        setting: Setting | None = None,
        sort: str = "name",
        limit: int = 200,
        offset: int = 0,
        kind: ClientKind | None = None,
    ) -> list[ClientRow]:
        return repos.list_clients(self.conn, search, status, setting, sort, limit, offset, kind)

    def count_clients(
        self,
        search: str = "",
        status: ClientStatus | None = None,
        setting: Setting | None = None,
        kind: ClientKind | None = None,
        at_most: int | None = None,
    ) -> int:
        """How many clients match; with `at_most` (e.g. COUNT_CAP) counting stops there, so a
        common name fragment costs the same on any caseload ("1,000+")."""
        return repos.count_clients(self.conn, search, status, setting, kind, at_most)

    def family_of(self, client_id: int) -> list[tuple[int, str]]:
        """(id, display name) of the family clients linked to `client_id`."""
        return repos.family_of(self.conn, client_id)

    def client_name(self, client_id: int) -> str:
        """The display name of one client (e.g. a family client's loved one), not audited:
        a name the coach already sees in the list."""
        return repos.get_client(self.conn, client_id).display_name

    # -- consents --------------------------------------------------------------------------

    def add_consent(self, consent: Consent) -> int:
        validation.consent(consent)
        with self.vault.transaction():
            consent_id = repos.insert_consent(self.conn, consent)
            self._log("create", consent.client_id, f"consent {consent_id}")
        consent.id = consent_id
        return consent_id

    def revoke_consent(self, consent_id: int, on: date, note: str = "") -> None:
        with self.vault.transaction():
            client_id = repos.revoke_consent(self.conn, consent_id, on, note)
            self._log("update", client_id, f"consent {consent_id} revoked")

    def consents(self, client_id: int) -> list[Consent]:
        return repos.list_consents(self.conn, client_id)

    # -- recovery plans --------------------------------------------------------------------

    def save_plan(self, plan: RecoveryPlan) -> RecoveryPlan:
        """Store the plan as a new version (versions are never overwritten)."""
        validation.plan(plan)
        with self.vault.transaction():
            stored = repos.insert_plan_version(self.conn, plan)
            repos.delete_draft(self.conn, "plan", str(plan.client_id))
            self._log("create", plan.client_id, f"plan version {stored.version}")
        return stored

    def plan(self, client_id: int, version: int | None = None) -> RecoveryPlan | None:
        return repos.get_plan(self.conn, client_id, version)

    def plan_versions(self, client_id: int) -> list[tuple[int, datetime]]:
        return repos.plan_versions(self.conn, client_id)

    # -- session notes ---------------------------------------------------------------------

    def add_note(self, note: SessionNote) -> int:
        validation.note(note)
        with self.vault.transaction():
            note_id = repos.insert_note(self.conn, note)
            repos.delete_draft(self.conn, "note", str(note.client_id))
            kind = "contact attempt" if note.attempt_only else "session note"
            self._log("create", note.client_id, f"{kind} {note_id}")
        note.id = note_id
        return note_id

    def notes(self, client_id: int, limit: int = 500) -> list[SessionNote]:
        """The client's newest notes, each with its addenda."""
        return repos.list_notes(self.conn, client_id, limit)

    def note(self, note_id: int) -> SessionNote:
        """One note with its addenda (the reading pane, `note show`)."""
        return repos.get_note(self.conn, note_id)

    def add_addendum(self, note_id: int, text: str) -> NoteAddendum:
        """Append a dated addendum by the coach under a note (a note is never edited)."""
        text = text.strip()
        if not text:
            raise ValidationError(field="addendum", code="validation.addendum.required")
        if len(text) > validation.MAX_TEXT:
            raise ValidationError(
                field="addendum", code="validation.text.too_long", limit=validation.MAX_TEXT
            )
        note = repos.get_note(self.conn, note_id)
        addendum = NoteAddendum(note_id, datetime.now(UTC), self.actor, text)
        with self.vault.transaction():
            addendum.id = repos.insert_addendum(self.conn, addendum)
            self._log("create", note.client_id, f"addendum {addendum.id} to note {note_id}")
        return addendum

    def search_notes(
        self, text: str, client_id: int | None = None, limit: int = 50
    ) -> list[NoteHit]:
        return repos.search_notes(self.conn, text, client_id, limit)

    def search_plans(self, text: str, limit: int = 50) -> list[tuple[int, str, int]]:
        return repos.search_plans(self.conn, text, limit)

    # -- assessments -----------------------------------------------------------------------

    def _person_in_recovery(self, client_id: int) -> Client:
        """BARC-10 and SUPRT outcomes are for the person in recovery (docs/domain.md)."""
        client = repos.get_client(self.conn, client_id)
        if client.is_family:
            raise ValidationError(field="kind", code="family.recovery_measures")
        return client

    def _timepoint(self, client_id: int, taken_on: date) -> Timepoint | None:
        client = self._person_in_recovery(client_id)
        ended = None if client.status == ClientStatus.ACTIVE else client.status_date
        return timepoints.timepoint_for(client.intake_date, ended, taken_on)

    def record_barc10(
        self,
        client_id: int,
        answers: Sequence[int],
        taken_on: date | None = None,
        timepoint: Timepoint | None = None,
    ) -> Barc10Assessment:
        """Score and store a BARC-10. The timepoint defaults to the window `taken_on` falls in."""
        taken_on = taken_on or self.today()
        checked = barc10.validate(answers)
        self._person_in_recovery(client_id)
        assessment = Barc10Assessment(
            client_id, taken_on, checked, timepoint or self._timepoint(client_id, taken_on)
        )
        with self.vault.transaction():
            assessment.id = repos.insert_barc10(self.conn, assessment)
            self._log("create", client_id, f"BARC-10 {assessment.id} total {sum(checked)}")
        return assessment

    def barc10_series(self, client_id: int) -> list[Barc10Assessment]:
        return repos.list_barc10(self.conn, client_id)

    def record_outcome(self, outcome: OutcomeAssessment) -> int:
        validation.outcome(outcome)
        self._person_in_recovery(outcome.client_id)
        with self.vault.transaction():
            outcome.id = repos.upsert_outcome(self.conn, outcome)
            self._log("create", outcome.client_id, f"outcomes {outcome.timepoint.value}")
        return outcome.id

    def outcomes(self, client_id: int) -> list[OutcomeAssessment]:
        return repos.list_outcomes(self.conn, client_id)

    # -- family follow-up (family clients only) --------------------------------------------

    def record_family_followup(self, followup: FamilyFollowUp) -> FamilyFollowUp:
        client = repos.get_client(self.conn, followup.client_id)
        if not client.is_family:
            raise ValidationError(field="kind", code="family.followup_for_family")
        if followup.taken_on > self.today():
            raise ValidationError(field="taken_on", code="family.followup_future")
        with self.vault.transaction():
            followup.id = repos.insert_family_followup(self.conn, followup)
            self._log("create", followup.client_id, f"family follow-up {followup.id}")
        return followup

    def family_followups(self, client_id: int) -> list[FamilyFollowUp]:
        return repos.list_family_followups(self.conn, client_id)

    # -- resources and referrals -----------------------------------------------------------

    def add_resource(self, resource: Resource) -> int:
        if not resource.name.strip():
            raise ValidationError(field="name", code="validation.resource.name_required")
        with self.vault.transaction():
            resource.id = repos.insert_resource(self.conn, resource)
            self._log("create", detail=f"resource {resource.id}")
        return resource.id

    def resources(
        self,
        search: str = "",
        category: ResourceCategory | None = None,
        pathway: Pathway | None = None,
    ) -> list[Resource]:
        return repos.list_resources(self.conn, search, category, pathway)

    def make_referral(self, referral: Referral) -> int:
        with self.vault.transaction():
            referral.id = repos.insert_referral(self.conn, referral)
            self._log(
                "create", referral.client_id, f"referral {referral.id} ({referral.category.value})"
            )
        return referral.id

    def advance_referral(
        self,
        referral_id: int,
        status: ReferralStatus,
        on: date | None = None,
        follow_up_on: date | None = None,
    ) -> Referral:
        current = repos.get_referral(self.conn, referral_id)
        validation.referral_transition(current.status, status)
        on = on or self.today()
        with self.vault.transaction():
            repos.set_referral_status(self.conn, referral_id, status, on, follow_up_on)
            self._log("update", current.client_id, f"referral {referral_id} -> {status.value}")
        return repos.get_referral(self.conn, referral_id)

    def referrals(self, client_id: int) -> list[Referral]:
        return repos.list_referrals(self.conn, client_id)

    # -- reminders, audit, disclosures -----------------------------------------------------

    def reminders(self, client_id: int | None = None) -> list[Reminder]:
        reminders = repos.reminders_for(self.conn, self.today(), client_id)
        for reminder in reminders:
            if reminder.kind == "note_follow_up":
                reminder.detail = self._follow_up_detail(reminder.client_id)
        self._handed_from(reminders)
        return reminders

    def today_page(self, per_kind: int = 50) -> TodayPage:
        """Today's counts per kind and the first `per_kind` of each (indexed, sub-linear)."""
        page = repos.today_page(self.conn, self.today(), per_kind)
        for reminder in page.first.get("note_follow_up", []):
            reminder.detail = self._follow_up_detail(reminder.client_id)
        self._handed_from(page.first.get("first_contact", []))
        return page

    def _handed_from(self, reminders: list[Reminder]) -> None:
        """A first contact's words: who handed the client off, and when it was accepted."""
        firsts = [r for r in reminders if r.kind == "first_contact"]
        found = handoff_repo.accepted_from(self.conn, [r.client_id for r in firsts])
        for reminder in firsts:
            coach, at = found.get(reminder.client_id, ("", ""))
            reminder.detail = coach
            reminder.since = datetime.fromisoformat(at) if at else None

    def _follow_up_detail(self, client_id: int) -> str:
        """What the last session said comes next (the note Today's follow-up comes from)."""
        last = repos.list_notes(self.conn, client_id, 1)
        if not last:
            return ""
        note = last[0]
        lines = (note.next_steps or note.text).strip().splitlines()
        return lines[0] if lines else ""

    # -- done and later for what Today lists (issue 17) ---------------------------------
    # Each changes the record the item comes from, so the indexed due items follow it: a
    # referral's or the last session note's follow-up date, or the plan's review date (as a
    # new plan version: versions are never overwritten). Collection windows are the funder's
    # fixed schedule: they are done by recording the outcomes, and cannot be moved.

    def complete_due(
        self, client_id: int, kind: str, due_on: date, next_review: date | None = None
    ) -> None:
        """Mark one item of Today done (a plan review needs `next_review`, after today)."""
        self._change_due(client_id, kind, due_on, None, next_review)

    def snooze_due(self, client_id: int, kind: str, due_on: date, until: date) -> None:
        """Move one item of Today to `until` (a day after today)."""
        self._change_due(client_id, kind, due_on, until, None)

    def _change_due(
        self, client_id: int, kind: str, due_on: date, until: date | None, review: date | None
    ) -> None:
        later = until if until is not None else review
        if kind == "timepoint":
            raise ValidationError(field="kind", code="due.window_fixed")
        if kind == "first_contact":  # issue 19: done by a session; nothing faked or moved
            raise ValidationError(field="kind", code="due.first_contact_by_session")
        if kind == "consent":  # issue 17: done by the client signing a new consent
            raise ValidationError(field="kind", code="due.consent_by_renewal")
        if kind == "plan_review" and later is None:
            raise ValidationError(field="next_review", code="due.next_review_needed")
        if later is not None and later <= self.today():
            raise ValidationError(field="until", code="due.not_after_today")
        moved = "moved to " if until is not None else "done, next "
        with self.vault.transaction():
            if kind == "plan_review":
                plan = repos.get_plan(self.conn, client_id)
                if plan is None or plan.review_date != due_on:
                    raise ValidationError(code="due.gone")
                plan.review_date = later
                stored = repos.insert_plan_version(self.conn, plan)
                detail = f"plan version {stored.version}: review {moved}{later}"
            elif kind == "referral_follow_up":
                ref = next(
                    (
                        r
                        for r in repos.list_referrals(self.conn, client_id)
                        if r.follow_up_on == due_on
                        and r.status in (ReferralStatus.MADE, ReferralStatus.CONTACTED)
                    ),
                    None,
                )
                if ref is None or ref.id is None:
                    raise ValidationError(code="due.gone")
                repos.set_referral_status(
                    self.conn, ref.id, ref.status, ref.status_on or ref.made_on, until
                )
                detail = f"referral {ref.id} follow-up " + (
                    f"moved to {until}" if until else "done"
                )
            elif kind == "note_follow_up":
                last = repos.list_notes(self.conn, client_id, 1)
                if not last or last[0].follow_up_on != due_on or last[0].id is None:
                    raise ValidationError(code="due.gone")
                followups.set_note_follow_up(self.conn, last[0].id, until)
                detail = f"session note {last[0].id} follow-up " + (
                    f"moved to {until}" if until else "done"
                )
            else:
                raise ValidationError(field="kind", code="due.gone")
            self._log("update", client_id, detail)

    def audit_trail(self, client_id: int, limit: int = 500) -> list[AuditEntry]:
        return self.audit.entries(CLIENT, client_id, limit)

    def verify_audit(self) -> None:
        broken = self.audit.verify()
        if broken is not None:
            raise IntegrityError(code="vault.audit_altered", entry=broken)

    def record_output(
        self,
        client_id: int,
        action: str,
        what: str,
        *,
        recipient: str = "",
        purpose: str = "",
        consent_id: int | None = None,
    ) -> None:
        """Audit a print or save; it is a disclosure when it leaves the coach's hands
        (a recipient is named), and then enters the 42 CFR 2.25 register too."""
        with self.vault.transaction():
            self._log(action, client_id, what if not purpose else f"{what}; purpose: {purpose}")
            if recipient:
                repos.insert_disclosure(
                    self.conn,
                    Disclosure(client_id, datetime.now(UTC), recipient, purpose, what, consent_id),
                )

    def disclosures(self, client_id: int) -> list[Disclosure]:
        since = datetime.now(UTC) - DISCLOSURE_LOOKBACK
        return repos.list_disclosures(self.conn, client_id, since)

    # -- the clients Today lists as recent (issue 17): kept in the vault, not in the
    # settings file (no client data outside the vault), so they survive a restart ----------

    def recent_clients(self) -> list[int]:
        """The ids of the clients opened last, newest first (ids of clients still here)."""
        body = repos.load_draft(self.conn, RECENT_KIND, RECENT_KEY) or {}
        ids = [i for i in body.get("clients", []) if isinstance(i, int)]
        kept = []
        for client_id in ids:
            try:
                repos.get_client(self.conn, client_id)
            except NotFoundError:
                continue
            kept.append(client_id)
        return kept

    def remember_recent(self, client_ids: Sequence[int]) -> None:
        """Keep the list of clients opened last (not audited: opening one was)."""
        with self.vault.transaction():
            repos.save_draft(self.conn, RECENT_KIND, RECENT_KEY, {"clients": list(client_ids)})

    # -- drafts (unsaved edits kept across a lock) -----------------------------------------

    def save_draft(self, kind: str, key: str, body: dict[str, object]) -> None:
        with self.vault.transaction():
            repos.save_draft(self.conn, kind, key, body)

    def load_draft(self, kind: str, key: str) -> dict[str, object] | None:
        return repos.load_draft(self.conn, kind, key)

    def discard_draft(self, kind: str, key: str) -> None:
        with self.vault.transaction():
            repos.delete_draft(self.conn, kind, key)
