"""The client workspace: header plus one tab per part of the record.

`ClientWorkspace` is the controller: the tab widgets are pure views (coachdesk.ui.forms, or the
interim stand-ins) and every read and write goes through the database worker. Opening a client
is one worker job that reads everything the tabs show (`load_bundle`), so the page fills at once.

Threading: GUI thread only; `load_bundle` runs on the database worker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.core import barc10
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import (
    AuditEntry,
    Barc10Assessment,
    Client,
    Consent,
    OutcomeAssessment,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Resource,
    SessionNote,
)
from coachdesk.storage.repos import NoteHit
from coachdesk.ui import interim
from coachdesk.ui.common import card, fmt_date, label, named, show_error, title_label

PLAN_DRAFT = "plan"
NOTE_DRAFT = "note"
TAB_KEYS = ("profile", "plan", "notes", "capital", "outcomes", "referrals", "audit")


@dataclass(slots=True)
class ClientBundle:
    """Everything the workspace shows for one client, read in one worker job."""

    client: Client
    consents: list[Consent]
    plan: RecoveryPlan | None
    versions: list[tuple[int, Any]]
    notes: list[SessionNote]
    barc10: list[Barc10Assessment]
    outcomes: list[OutcomeAssessment]
    referrals: list[Referral]
    audit: list[AuditEntry]
    resources: list[Resource]
    drafts: dict[str, dict[str, object]] = field(default_factory=dict)


def load_bundle(c: Caseload, client_id: int) -> ClientBundle:
    """Worker thread: read (and audit the view of) one client's record."""
    client = c.open_client(client_id)
    drafts: dict[str, dict[str, object]] = {}
    for kind in (PLAN_DRAFT, NOTE_DRAFT):
        body = c.load_draft(kind, str(client_id))
        if body is not None:
            drafts[kind] = body
    return ClientBundle(
        client,
        c.consents(client_id),
        c.plan(client_id),
        c.plan_versions(client_id),
        c.notes(client_id, 200),
        c.barc10_series(client_id),
        c.outcomes(client_id),
        c.referrals(client_id),
        c.audit_trail(client_id, 200),
        c.resources(),
        drafts,
    )


class EditClientDialog(QDialog):
    def __init__(self, client: Client | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit client") if client else self.tr("Add client"))
        layout = QVBoxLayout(self)
        self.form = interim.ClientForm(self)
        self.form.set_client(client)
        layout.addWidget(self.form)
        self.form.cancelled.connect(self.reject)
        self.result_client: Client | None = None
        self.form.submitted.connect(self._submitted)

    def _submitted(self, client: Client) -> None:
        self.result_client = client
        self.accept()


class ClientWorkspace(QWidget):
    loaded = Signal(int)  # client id, after the page is filled
    saved = Signal(str)  # a short status message after a write
    closed_client = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.client: Client | None = None
        self._serial = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)

        header = card()
        header_layout = QHBoxLayout(header)
        names = QVBoxLayout()
        self.name = title_label("")
        self.name.setAccessibleName(self.tr("Client name"))
        self.details = QLabel("")
        self.details.setObjectName("subtitle")
        self.details.setWordWrap(True)
        names.addWidget(self.name)
        names.addWidget(self.details)
        header_layout.addLayout(names, 1)
        self.barc_badge = QLabel("")
        self.barc_badge.setObjectName("title")
        self.barc_badge.setAccessibleName(self.tr("Latest BARC-10"))
        header_layout.addWidget(self.barc_badge)
        self.edit_button = named(QPushButton(self.tr("&Edit client…")), self.tr("Edit client"))
        self.edit_button.clicked.connect(self.edit_client)
        header_layout.addWidget(self.edit_button)
        layout.addWidget(header)

        self.tabs = named(QTabWidget(), self.tr("Client record sections"))
        layout.addWidget(self.tabs, 1)

        # Profile & consents
        profile = QWidget()
        profile_layout = QHBoxLayout(profile)
        left = QVBoxLayout()
        self.profile_text = QLabel("")
        self.profile_text.setWordWrap(True)
        self.profile_text.setAccessibleName(self.tr("Profile"))
        left.addWidget(self.profile_text)
        self.consent_list = interim.ConsentList()
        left.addWidget(QLabel(self.tr("Consents (42 CFR Part 2)")))
        left.addWidget(self.consent_list, 1)
        profile_layout.addLayout(left, 1)
        self.consent_form = interim.ConsentForm()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.consent_form)
        profile_layout.addWidget(scroll, 1)
        self.tabs.addTab(profile, self.tr("&Profile && consents"))

        self.plan_editor = interim.PlanEditor()
        self.plan_banner = QLabel("")
        self.plan_banner.setObjectName("hint")
        self.plan_banner.hide()
        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        plan_layout.addWidget(self.plan_banner)
        plan_layout.addWidget(self.plan_editor, 1)
        self.tabs.addTab(plan_page, self.tr("Recovery p&lan"))

        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        self.note_form = interim.NoteForm()
        self.notes_list = interim.NotesList()
        notes_layout.addWidget(self.note_form)
        notes_layout.addWidget(self.notes_list, 1)
        self.tabs.addTab(notes_page, self.tr("Session &notes"))

        capital = QSplitter()
        self.barc_form = interim.Barc10Form()
        scroll2 = QScrollArea()
        scroll2.setWidgetResizable(True)
        scroll2.setWidget(self.barc_form)
        capital.addWidget(scroll2)
        plot_box = QWidget()
        plot_layout = QVBoxLayout(plot_box)
        self.barc_summary = QLabel("")
        self.barc_summary.setObjectName("subtitle")
        self.barc_summary.setWordWrap(True)
        self.barc_plot = interim.Barc10TrendPlot()
        plot_layout.addWidget(self.barc_summary)
        plot_layout.addWidget(self.barc_plot, 1)
        capital.addWidget(plot_box)
        capital.setSizes([560, 480])
        self.tabs.addTab(capital, self.tr("Recovery &capital"))

        self.outcome_form = interim.OutcomeForm()
        self.tabs.addTab(self.outcome_form, self.tr("&Outcomes"))
        self.referral_panel = interim.ReferralPanel()
        self.tabs.addTab(self.referral_panel, self.tr("&Referrals"))
        self.audit_view = interim.AuditTrailView()
        self.tabs.addTab(self.audit_view, self.tr("A&udit trail"))

        self.consent_form.submitted.connect(self._add_consent)
        self.consent_list.revoke.connect(self._revoke_consent)
        self.plan_editor.save_requested.connect(self.save_plan)
        self.plan_editor.version_selected.connect(self._show_version)
        self.plan_editor.print_button.clicked.connect(self.print_plan)
        self.note_form.submitted.connect(self._add_note)
        self.notes_list.search.connect(self.search_notes)
        self.barc_form.submitted.connect(self._record_barc10)
        self.outcome_form.submitted.connect(self._record_outcome)
        self.referral_panel.make.connect(self._make_referral)
        self.referral_panel.advance.connect(self._advance_referral)

    # -- opening and clearing --------------------------------------------------------------

    @property
    def client_id(self) -> int | None:
        return self.client.id if self.client else None

    def open(
        self, client_id: int, tab: int | None = None, on_loaded: Callable[[], None] | None = None
    ) -> None:
        self._serial += 1
        serial = self._serial

        def shown(bundle: ClientBundle) -> None:
            if serial != self._serial:
                return
            self._fill(bundle)
            if tab is not None:
                self.tabs.setCurrentIndex(tab)
            self.loaded.emit(client_id)
            if on_loaded is not None:
                on_loaded()

        self.db.call(lambda c: load_bundle(c, client_id), shown)

    def _fill(self, b: ClientBundle) -> None:
        self.client = b.client
        cid = b.client.id or 0
        for widget in (self.consent_form, self.note_form, self.outcome_form, self.referral_panel):
            widget.client_id = cid
        self._fill_header(b.client, b.barc10)
        c = b.client
        self.profile_text.setText(
            self.tr(
                "<b>Legal name:</b> {legal}<br><b>Setting:</b> {setting}<br>"
                "<b>Intake:</b> {intake}<br><b>Pathways:</b> {paths}<br><b>Phone:</b> {phone}"
            ).format(
                legal=c.legal_name,
                setting=label(c.setting),
                intake=fmt_date(c.intake_date),
                paths=", ".join(label(p) for p in c.pathways) or "-",
                phone=c.phone or "-",
            )
        )
        self.consent_list.set_consents(b.consents)
        self.plan_editor.set_plan(b.plan, cid)
        self.plan_editor.set_versions(b.versions, b.plan.version if b.plan else 0)
        self._banner("")
        if PLAN_DRAFT in b.drafts:
            self.plan_editor.from_draft(b.drafts[PLAN_DRAFT])
            self._banner(
                self.tr("Unsaved plan edits were kept from last time. Save them or keep editing.")
            )
        self.notes_list.search_box.clear()
        self.notes_list.set_notes(b.notes)
        self.note_form.reset()
        if NOTE_DRAFT in b.drafts:
            self.note_form.text.setPlainText(str(b.drafts[NOTE_DRAFT].get("text", "")))
        self._fill_barc(b.barc10)
        self.outcome_form.set_outcomes(b.outcomes)
        self.referral_panel.set_resources(b.resources)
        self.referral_panel.set_referrals(b.referrals)
        self.audit_view.set_entries(b.audit)

    def _banner(self, text: str) -> None:
        self.plan_banner.setText(text)
        self.plan_banner.setVisible(bool(text))

    def _fill_header(self, c: Client, series: list[Barc10Assessment]) -> None:
        self.name.setText(c.display_name)
        days = (date.today() - c.intake_date).days
        bits = []
        if c.preferred_name:
            bits.append(self.tr("goes by {name}").format(name=c.preferred_name))
        if c.pronouns:
            bits.append(c.pronouns)
        bits.append(label(c.status))
        bits.append(self.tr("{n} days since intake").format(n=days))
        self.details.setText(" · ".join(bits))
        latest = series[-1].total if series else None
        self.barc_badge.setText(
            self.tr("BARC-10: {t}").format(t=latest)
            if latest is not None
            else self.tr("BARC-10: none yet")
        )

    def _fill_barc(self, series: list[Barc10Assessment]) -> None:
        self.barc_plot.set_series(series)
        if series:
            last = series[-1]
            meets = barc10.meets_threshold(last.total)
            self.barc_summary.setText(
                self.tr("Latest total {t} on {d}. {note}").format(
                    t=last.total,
                    d=fmt_date(last.taken_on),
                    note=self.tr("At or above 47.") if meets else self.tr("Below 47."),
                )
            )
        else:
            self.barc_summary.setText(self.tr("No BARC-10 recorded yet."))

    def clear(self) -> None:
        """Forget everything shown (on lock)."""
        self._serial += 1
        self.client = None
        self.name.clear()
        self.details.clear()
        self.barc_badge.clear()
        self.profile_text.clear()
        self.consent_list.set_consents([])
        self.consent_form.reset()
        self.plan_editor.set_plan(None, 0)
        self.plan_editor.set_versions([], 0)
        self._banner("")
        self.note_form.reset()
        self.notes_list.set_notes([])
        self.notes_list.search_box.clear()
        self.barc_form.reset()
        self.barc_plot.set_series([])
        self.barc_summary.clear()
        self.outcome_form.set_outcomes([])
        self.referral_panel.set_resources([])
        self.referral_panel.set_referrals([])
        self.audit_view.set_entries([])

    # -- drafts ----------------------------------------------------------------------------

    def collect_drafts(self) -> list[tuple[str, str, dict[str, object]]]:
        """Unsaved edits to keep in the vault before a lock or close."""
        if self.client_id is None:
            return []
        key = str(self.client_id)
        drafts: list[tuple[str, str, dict[str, object]]] = []
        if self.plan_editor.is_dirty():
            drafts.append((PLAN_DRAFT, key, self.plan_editor.to_draft()))
        text = self.note_form.text.toPlainText().strip()
        if text:
            drafts.append((NOTE_DRAFT, key, {"text": text}))
        return drafts

    # -- writes ----------------------------------------------------------------------------

    def _write(
        self, fn: Callable[[Caseload], Any], after: Callable[[Any], None], message: str
    ) -> None:
        serial = self._serial

        def done(result: Any) -> None:
            if serial == self._serial:
                after(result)
                self.saved.emit(message)

        self.db.call(fn, done, lambda exc: show_error(self, str(exc)))

    def _refresh_audit(self) -> None:
        cid = self.client_id
        if cid is not None:
            self.db.call(lambda c: c.audit_trail(cid, 200), self.audit_view.set_entries)

    def _add_consent(self, consent: Consent) -> None:
        cid = consent.client_id

        def fn(c: Caseload) -> list[Consent]:
            c.add_consent(consent)
            return c.consents(cid)

        def after(consents: list[Consent]) -> None:
            self.consent_list.set_consents(consents)
            self.consent_form.reset()
            self._refresh_audit()

        self._write(fn, after, self.tr("Consent saved."))

    def _revoke_consent(self, consent_id: int) -> None:
        cid = self.client_id
        if cid is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Revoke consent"), self.tr("Record that this consent is revoked today?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def fn(c: Caseload) -> list[Consent]:
            c.revoke_consent(consent_id, c.today())
            return c.consents(cid)

        self._write(fn, self.consent_list.set_consents, self.tr("Consent revoked."))

    def save_plan(self) -> None:
        cid = self.client_id
        if cid is None:
            return
        plan = self.plan_editor.plan()

        def fn(c: Caseload) -> tuple[RecoveryPlan, list[tuple[int, Any]]]:
            stored = c.save_plan(plan)
            return stored, c.plan_versions(cid)

        def after(result: tuple[RecoveryPlan, list[tuple[int, Any]]]) -> None:
            stored, versions = result
            self.plan_editor.set_plan(stored, cid)
            self.plan_editor.set_versions(versions, stored.version)
            self._banner(self.tr("Saved as version {n}.").format(n=stored.version))
            self._refresh_audit()

        self._write(fn, after, self.tr("Plan saved."))

    def _show_version(self, version: int) -> None:
        cid = self.client_id
        if cid is None or not version:
            return
        if self.plan_editor.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved plan"),
                self.tr("Show another version and drop the unsaved edits to this plan?"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.db.call(
            lambda c: c.plan(cid, version),
            lambda plan: self.plan_editor.set_plan(plan, cid),
        )

    def _add_note(self, note: SessionNote) -> None:
        cid = note.client_id

        def fn(c: Caseload) -> list[SessionNote]:
            c.add_note(note)
            return c.notes(cid, 200)

        def after(notes: list[SessionNote]) -> None:
            self.notes_list.set_notes(notes)
            self.note_form.reset()
            self._refresh_audit()

        self._write(fn, after, self.tr("Note added."))

    def search_notes(self, text: str) -> None:
        cid = self.client_id
        if cid is None:
            return
        if not text.strip():
            self.db.call(lambda c: c.notes(cid, 200), self.notes_list.set_notes)
            return

        def show(hits: list[NoteHit]) -> None:
            self.notes_list.set_hits(hits)

        self.db.call(lambda c: c.search_notes(text, cid), show)

    def _record_barc10(self, answers: tuple[int, ...], taken_on: date) -> None:
        cid = self.client_id
        if cid is None:
            return

        def fn(c: Caseload) -> list[Barc10Assessment]:
            c.record_barc10(cid, answers, taken_on)
            return c.barc10_series(cid)

        def after(series: list[Barc10Assessment]) -> None:
            self._fill_barc(series)
            if self.client is not None:
                self._fill_header(self.client, series)
            self.barc_form.reset()
            self._refresh_audit()

        self._write(fn, after, self.tr("BARC-10 recorded."))

    def _record_outcome(self, outcome: OutcomeAssessment) -> None:
        cid = outcome.client_id

        def fn(c: Caseload) -> list[OutcomeAssessment]:
            c.record_outcome(outcome)
            return c.outcomes(cid)

        self._write(fn, self.outcome_form.set_outcomes, self.tr("Outcomes saved."))

    def _make_referral(self, referral: Referral) -> None:
        cid = referral.client_id

        def fn(c: Caseload) -> list[Referral]:
            c.make_referral(referral)
            return c.referrals(cid)

        self._write(fn, self.referral_panel.set_referrals, self.tr("Referral made."))

    def _advance_referral(self, referral_id: int, status: ReferralStatus) -> None:
        cid = self.client_id
        if cid is None:
            return

        def fn(c: Caseload) -> list[Referral]:
            c.advance_referral(referral_id, status)
            return c.referrals(cid)

        self._write(fn, self.referral_panel.set_referrals, self.tr("Referral updated."))

    def edit_client(self) -> None:
        if self.client is None:
            return
        dialog = EditClientDialog(self.client, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_client is None:
            return
        edited = dialog.result_client
        current = self.client
        # The form edits the essentials; keep every other field as stored.
        current.given_name, current.family_name = edited.given_name, edited.family_name
        current.preferred_name, current.pronouns = edited.preferred_name, edited.pronouns
        current.setting = edited.setting

        def fn(c: Caseload) -> Client:
            c.update_client(current)
            return c.get_client(current.id or 0)

        def after(client: Client) -> None:
            self.client = client
            self._fill_header(client, self.barc_plot.series)

        self._write(fn, after, self.tr("Client saved."))

    # -- printing --------------------------------------------------------------------------

    def print_plan(self) -> None:
        """Print the current plan. Wired when coachdesk.reports.plan_pdf lands (issue 4)."""
        QMessageBox.information(
            self,
            self.tr("Print plan"),
            self.tr("Printing the recovery plan is not available in this version yet."),
        )
