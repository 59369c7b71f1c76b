"""The client workspace: header plus one tab per part of the record.

`ClientWorkspace` is the controller: the tab widgets are pure views (coachdesk.ui.forms) and
every read and write goes through the database worker. Opening a client is one worker job
that reads everything the tabs show (`load_bundle`), so the page fills at once.

Threading: GUI thread only; `load_bundle` runs on the database worker.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Database
from coachdesk.application import documents, plans
from coachdesk.application.changes import Changes, Kind
from coachdesk.core import barc10
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import (
    PLAN_DOMAINS,
    AuditEntry,
    Barc10Assessment,
    Client,
    ClientStatus,
    CoachProfile,
    Consent,
    OutcomeAssessment,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Resource,
    SessionNote,
)
from coachdesk.core.reminders import EXPIRING_DAYS, consent_end
from coachdesk.errors import CoachDeskError
from coachdesk.ui import family, suggest
from coachdesk.ui.common import (
    card,
    fmt_date,
    label,
    named,
    pdf_save_path,
    plural,
    show_error,
    title_label,
)
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms import (
    AuditTrailView,
    Barc10Form,
    Barc10History,
    Barc10TrendPlot,
    ClientForm,
    ConsentForm,
    ConsentList,
    NoteForm,
    NoteReader,
    NotesList,
    OutcomeForm,
    PlanEditor,
    ReferralPanel,
)
from coachdesk.ui.forms._common import ERROR_COLOR
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.overview import OverviewData, OverviewPage, load_overview

PLAN_DRAFT = "plan"
NOTE_DRAFT = "note"
CONSENT_DRAFT = "consent"
BARC_DRAFT = "barc10"
CLIENT_DRAFT = "client"  # key "new": the add-client dialog's fields
CLIENT_DRAFT_KINDS = (PLAN_DRAFT, NOTE_DRAFT, CONSENT_DRAFT, BARC_DRAFT)


class DraftForm(Protocol):
    def to_draft(self) -> dict[str, Any]: ...
    def from_draft(self, draft: dict[str, Any]) -> None: ...


def restore_draft(form: DraftForm, draft: dict[str, Any]) -> bool:
    """Give a form back what its to_draft() kept; a draft it cannot read (an older format, a
    damaged row) is left in the vault and the form stays as it was."""
    try:
        form.from_draft(draft)
    except (CoachDeskError, KeyError, ValueError, TypeError):
        return False
    return True


TAB_KEYS = ("overview", "profile", "plan", "notes", "capital", "outcomes", "referrals", "audit")


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
    profile: CoachProfile | None = None
    drafts: dict[str, dict[str, object]] = field(default_factory=dict)
    overview: OverviewData | None = None


def load_bundle(c: Caseload, client_id: int) -> ClientBundle:
    """Worker thread: read (and audit the view of) one client's record."""
    client = c.open_client(client_id)
    drafts: dict[str, dict[str, object]] = {}
    for kind in (PLAN_DRAFT, NOTE_DRAFT, CONSENT_DRAFT, BARC_DRAFT):
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
        c.profile(),
        drafts,
        load_overview(c, client_id),
    )


class EditClientDialog(QDialog):
    """The forms' ClientForm in a dialog (add: client None; edit: the stored client)."""

    def __init__(self, client: Client | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.setWindowTitle(self.tr("Edit client") if client else self.tr("Add client"))
        self.resize(1340, 700)  # the two-column form whole on a 1366x768 screen (es too)
        layout = QVBoxLayout(self)
        self.form = ClientForm()  # its fields scroll, its Save and Cancel stay in sight
        self.form.set_client(client)
        if isinstance(db := getattr(parent, "db", None), Database):  # workspace or main window
            family.load_loved_ones(db, self.form)
        layout.addWidget(self.form)
        self.form.cancelled.connect(self.reject)
        self.result_client: Client | None = None
        self.form.submitted.connect(self._submitted)

    def _submitted(self, client: Client) -> None:
        self.result_client = client
        self.accept()

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), message)


class ClientWorkspace(QWidget):
    loaded = Signal(int)  # client id, after the page is filled
    saved = Signal(str)  # a short status message after a write

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.client: Client | None = None
        self.profile: CoachProfile | None = None
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
        self.consent_warning = QLabel("")
        self.consent_warning.setWordWrap(True)
        self.consent_warning.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.consent_warning.setAccessibleName(self.tr("Consent warning"))
        self.consent_warning.hide()
        names.addWidget(self.name)
        names.addWidget(self.details)
        names.addWidget(self.consent_warning)
        header_layout.addLayout(names, 1)
        self.barc_badge = QLabel("")
        self.barc_badge.setObjectName("title")
        self.barc_badge.setAccessibleName(self.tr("Latest BARC-10"))
        header_layout.addWidget(self.barc_badge)
        self.family_button = named(
            QPushButton(self.tr("Famil&y follow-up…")), self.tr("Family follow-up")
        )
        self.family_button.clicked.connect(
            lambda: self.client and family.open_followups(self.db, self.client, self)
        )
        header_layout.addWidget(self.family_button)
        self.family_button.hide()
        self.edit_button = named(QPushButton(self.tr("&Edit client…")), self.tr("Edit client"))
        self.edit_button.clicked.connect(self.edit_client)
        header_layout.addWidget(self.edit_button)
        layout.addWidget(header)

        self.tabs = named(QTabWidget(), self.tr("Client record sections"))
        layout.addWidget(self.tabs, 1)

        self.overview = OverviewPage()
        self.overview.new_note_requested.connect(lambda: self.focus_new_note())
        self.tabs.addTab(self.overview, self.tr("Overview"))

        # Profile & consents: the profile summary and consent list; the form opens beside it.
        profile = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        self.profile_text = QLabel("")
        self.profile_text.setWordWrap(True)
        self.profile_text.setAccessibleName(self.tr("Profile"))
        left_layout.addWidget(self.profile_text)
        consents_title = QLabel(self.tr("Consents (42 CFR Part 2)"))
        consents_title.setObjectName("subtitle")
        left_layout.addWidget(consents_title)
        self.consent_list = ConsentList()
        left_layout.addWidget(self.consent_list, 1)
        profile.addWidget(left)
        self.consent_form = ConsentForm()
        self.consent_scroll = QScrollArea()
        self.consent_scroll.setWidgetResizable(True)
        self.consent_scroll.setWidget(self.consent_form)
        self.consent_scroll.hide()
        profile.addWidget(self.consent_scroll)
        profile.setSizes([520, 560])
        self.tabs.addTab(profile, self.tr("Profile && consents"))

        plan_page = QWidget()
        plan_layout = QVBoxLayout(plan_page)
        self.plan_banner = QLabel("")
        self.plan_banner.setObjectName("hint")
        self.plan_banner.setWordWrap(True)
        self.plan_banner.hide()
        self.plan_editor = PlanEditor()
        plan_layout.addWidget(self.plan_banner)
        plan_layout.addWidget(self.plan_editor, 1)
        self.tabs.addTab(plan_page, self.tr("Recovery plan"))

        # Session notes (issue 17): the history on the left, so that many rows show; on the
        # right the reading pane (a note in full, its addenda, a box to add one) or, only while
        # a note is written, the new-note form. Cancel and Save go back to the reading pane.
        notes_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.notes_list = NotesList()
        notes_splitter.addWidget(self.notes_list)
        self.notes_side = QStackedWidget()
        self.note_reader = NoteReader()
        self.notes_side.addWidget(self.note_reader)
        self.note_form = NoteForm()
        self.note_scroll = QScrollArea()
        self.note_scroll.setWidgetResizable(True)
        self.note_scroll.setWidget(self.note_form)
        self.notes_side.addWidget(self.note_scroll)
        notes_splitter.addWidget(self.notes_side)
        notes_splitter.setSizes([560, 760])
        notes_splitter.setStretchFactor(1, 1)
        # After a contact with a client marked Lost contact: offer to set them active again.
        notes_page = QWidget()
        notes_layout = QVBoxLayout(notes_page)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        self.reactivate_bar = QWidget()
        bar = QHBoxLayout(self.reactivate_bar)
        bar.setContentsMargins(4, 2, 4, 2)
        self.reactivate_text = QLabel("")
        self.reactivate_text.setObjectName("hint")
        self.reactivate_text.setWordWrap(True)
        self.reactivate_button = named(
            QPushButton(self.tr("Set active again")), self.tr("Set active again")
        )
        self.reactivate_button.clicked.connect(self._reactivate)
        self.reactivate_later = named(QPushButton(self.tr("Not now")), self.tr("Not now"))
        self.reactivate_later.clicked.connect(self.reactivate_bar.hide)
        bar.addWidget(self.reactivate_text, 1)
        bar.addWidget(self.reactivate_button)
        bar.addWidget(self.reactivate_later)
        self.reactivate_bar.hide()
        notes_layout.addWidget(self.reactivate_bar)
        notes_layout.addWidget(notes_splitter, 1)
        self.tabs.addTab(notes_page, self.tr("Session notes"))

        capital = QSplitter()
        self.barc_form = Barc10Form()
        barc_scroll = QScrollArea()
        barc_scroll.setWidgetResizable(True)
        barc_scroll.setWidget(self.barc_form)
        capital.addWidget(barc_scroll)
        plot_box = QWidget()
        plot_layout = QVBoxLayout(plot_box)
        self.barc_summary = QLabel("")
        self.barc_summary.setObjectName("subtitle")
        self.barc_summary.setWordWrap(True)
        self.barc_plot = Barc10TrendPlot()
        plot_layout.addWidget(self.barc_summary)
        plot_layout.addWidget(self.barc_plot, 1)
        self.barc_history = Barc10History()
        plot_layout.addWidget(self.barc_history, 1)
        capital.addWidget(plot_box)
        capital.setSizes([620, 460])
        self.tabs.addTab(capital, self.tr("Recovery capital"))

        outcomes = QSplitter()
        self.outcome_form = OutcomeForm()
        outcome_scroll = QScrollArea()
        outcome_scroll.setWidgetResizable(True)
        outcome_scroll.setWidget(self.outcome_form)
        outcomes.addWidget(outcome_scroll)
        self.tabs.addTab(outcomes, self.tr("Outcomes"))
        self.referral_panel = ReferralPanel()
        self.tabs.addTab(self.referral_panel, self.tr("Referrals"))
        self.audit_view = AuditTrailView()
        self.tabs.addTab(self.audit_view, self.tr("Audit trail"))
        # Alt+1 ... Alt+8 open the tabs: the letters are left to the menus and the forms, so
        # that no Alt letter is shared by two things on screen (issue 17).
        for index in range(self.tabs.count()):
            key = QKeySequence(f"Alt+{index + 1}")
            QShortcut(key, self, partial(self.tabs.setCurrentIndex, index))
            self.tabs.setTabToolTip(index, key.toString(QKeySequence.SequenceFormat.NativeText))

        self._pending_plan: ClientBundle | None = None
        self._plan_goals: list[str] = []
        self.tabs.currentChanged.connect(self._tab_changed)
        self.consent_list.new_requested.connect(self.new_consent)
        self.consent_list.revoke_requested.connect(self._revoke_consent)
        self.consent_form.submitted.connect(self._add_consent)
        self.consent_form.cancelled.connect(self._consent_cancelled)
        self.consent_form.print_requested.connect(self._print_consent)
        self.audit_view.disclosures_requested.connect(self._print_disclosures)
        self.plan_editor.save_requested.connect(self.save_plan)
        self.plan_editor.version_selected.connect(self._show_version)
        self.plan_editor.print_requested.connect(self.print_plan)
        self.note_form.submitted.connect(self._add_note)
        self.note_form.cancelled.connect(self._note_cancelled)
        self.notes_list.search_requested.connect(self.search_notes)
        self.notes_list.new_requested.connect(self.focus_new_note)
        self.notes_list.note_selected.connect(self._show_note)
        self.notes_list.note_activated.connect(self._read_note)
        self.note_reader.addendum_requested.connect(self._add_addendum)
        self.barc_form.submitted.connect(self._record_barc10)
        self.outcome_form.submitted.connect(self._record_outcome)
        self.outcome_form.cancelled.connect(self._new_outcome_form)
        self.referral_panel.referral_requested.connect(self._make_referral)
        self.referral_panel.advance_requested.connect(self._advance_referral)
        self.referral_panel.suggest_requested.connect(self._suggest_about)

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
        self.profile = b.profile
        cid = b.client.id or 0
        c = b.client
        self._fill_header(c, b.barc10)
        if b.overview is not None:
            self.overview.set_data(b.overview)
        self.profile_text.setText(
            self.tr(
                "<b>Legal name:</b> {legal}<br><b>Setting:</b> {setting}<br>"
                "<b>Intake:</b> {intake}<br><b>Pathways:</b> {paths}<br><b>Phone:</b> {phone}"
            ).format(
                legal=html.escape(c.legal_name),
                setting=label(c.setting),
                intake=fmt_date(c.intake_date),
                paths=", ".join(label(p) for p in c.pathways) or "-",
                phone=html.escape(c.phone) or "-",
            )
        )
        self._show_consents(b.consents)
        self.consent_scroll.hide()
        # The plan editor builds a widget per goal and step (~100 ms for a full plan): fill it
        # when its tab is first shown, not on every open (see _tab_changed).
        self._pending_plan = b
        self._plan_goals = [g.goal for g in b.plan.goals] if b.plan else []
        self._banner("")
        if PLAN_DRAFT in b.drafts or self.tabs.currentIndex() == TAB_KEYS.index("plan"):
            self.ensure_plan()
        self._new_note_form()
        self.reactivate_bar.hide()
        self.note_reader.show_note(None)
        self.notes_list.search.clear()
        self.notes_list.set_notes(b.notes)
        note = b.drafts.get(NOTE_DRAFT)
        if note is not None:
            restore_draft(self.note_form, note)
            self.notes_side.setCurrentWidget(self.note_scroll)
        else:
            self.notes_side.setCurrentWidget(self.note_reader)
        if shown := self.notes_list.shown_ids():
            self.notes_list.select(shown[0])  # the newest note, in the reading pane
        self.barc_form.reset()
        self._fill_barc(b.barc10)
        self._restore_form_drafts(b)
        self._new_outcome_form()
        self._fill_outcomes(b.outcomes)
        self.referral_panel.set_resources(b.resources)
        self.referral_panel.set_referrals(b.referrals, cid)
        self.audit_view.set_entries(b.audit)

    def _restore_form_drafts(self, b: ClientBundle) -> None:
        """Bring back a half-typed consent or half-answered BARC-10 kept across a lock."""
        consent = b.drafts.get(CONSENT_DRAFT)
        if consent is not None:
            self.new_consent()
            restore_draft(self.consent_form, consent)
        answers = b.drafts.get(BARC_DRAFT, {}).get("answers")
        if isinstance(answers, list):
            for item, value in enumerate(answers[:10]):
                if isinstance(value, int) and 1 <= value <= 6:
                    self.barc_form.answer(item, value)

    def ensure_plan(self) -> None:
        """Fill the plan editor from the opened record if it was not yet (GUI thread)."""
        b, self._pending_plan = self._pending_plan, None
        if b is None:
            return
        cid = b.client.id or 0
        self.plan_editor.set_plan(b.plan, cid)
        self.plan_editor.set_versions(b.versions)
        if PLAN_DRAFT in b.drafts:
            try:
                self.plan_editor.from_draft(b.drafts[PLAN_DRAFT])
                self._banner(
                    self.tr(
                        "Unsaved plan edits were kept from last time. Save them or keep editing."
                    )
                )
            except (CoachDeskError, KeyError, ValueError):
                self._banner(self.tr("A kept draft of this plan could not be read; it was left."))

    def _tab_changed(self, index: int) -> None:
        if index == TAB_KEYS.index("plan"):
            self.ensure_plan()
        cid = self.client_id
        if index == TAB_KEYS.index("overview") and cid is not None:
            serial = self._serial
            self.db.call(
                lambda c: load_overview(c, cid),
                lambda d: self.overview.set_data(d) if serial == self._serial else None,
            )

    def _new_note_form(self) -> None:
        cid = self.client_id or 0
        self.note_form.set_note(None, cid)
        self.note_form.set_goals(self._plan_goals)

    def _new_outcome_form(self) -> None:
        self.outcome_form.set_outcome(None, self.client_id or 0)

    def _fill_outcomes(self, outcomes: list[OutcomeAssessment]) -> None:
        self.outcome_form.set_outcomes(outcomes)

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
        bits.append(plural(self.tr("{n, plural, one {# day} other {# days}} since intake"), days))
        self.details.setText(" · ".join(bits))
        # Who the client is (issue 21, ui/family.py) ends the line; a family client has no
        # BARC-10 or SUPRT timepoints, and its own follow-up and plan template.
        serial, line = self._serial, self.details.text()

        def who(words: str) -> None:
            if serial == self._serial and words:  # not another client opened meanwhile
                self.details.setText(f"{line} · {words}")

        family.who_line(c, self.db, who)
        self.barc_badge.setVisible(not c.is_family)
        self.family_button.setVisible(c.is_family)
        measures = ("capital", "outcomes")
        if c.is_family and TAB_KEYS[max(0, self.tabs.currentIndex())] in measures:
            self.tabs.setCurrentIndex(0)
        for key in measures:
            self.tabs.setTabVisible(TAB_KEYS.index(key), not c.is_family)
        self.plan_editor.set_domains(PLAN_DOMAINS[c.kind])
        latest = series[-1].total if series else None
        self.barc_badge.setText(
            self.tr("BARC-10: {t}").format(t=latest)
            if latest is not None
            else self.tr("BARC-10: none yet")
        )

    def _fill_barc(self, series: list[Barc10Assessment]) -> None:
        self.barc_plot.set_series(series)
        self.barc_history.set_series(series)
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
        self.profile = None
        self._pending_plan = None
        self._plan_goals = []
        self.overview.clear()
        for widget in (
            self.name,
            self.details,
            self.barc_badge,
            self.profile_text,
            self.barc_summary,
        ):
            widget.clear()
        self.consent_list.set_consents([])
        self.consent_form.set_consent(None, 0)
        self.consent_scroll.hide()
        self.plan_editor.set_plan(None, 0)
        self.plan_editor.set_versions([])
        self._banner("")
        self.note_form.set_note(None, 0)
        self.note_form.set_goals([])
        self.notes_list.search.clear()
        self.notes_list.set_notes([])
        self.note_reader.show_note(None)
        self.notes_side.setCurrentWidget(self.note_reader)
        self.reactivate_bar.hide()
        self.barc_form.reset()
        self.barc_plot.set_series([])
        self.outcome_form.set_outcome(None, 0)
        self.outcome_form.set_outcomes([])
        self.barc_history.set_series([])
        self.referral_panel.set_resources([])
        self.referral_panel.set_referrals([], 0)
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
        if self.note_form.is_dirty():  # text, mode, minutes, follow-up: all of it is kept
            drafts.append((NOTE_DRAFT, key, self.note_form.to_draft()))
        if not self.consent_scroll.isHidden():
            drafts.append((CONSENT_DRAFT, key, self.consent_form.to_draft()))
        answers = self.barc_form.answers()
        if any(a is not None for a in answers):
            drafts.append((BARC_DRAFT, key, {"answers": answers}))
        return drafts

    # -- writes ----------------------------------------------------------------------------

    def _write(
        self,
        fn: Callable[[Caseload], Any],
        after: Callable[[Any], None],
        message: str,
        kind: Kind,
        client_id: int | None,
    ) -> None:
        """Run a write for this client; the other pages learn what changed (Database.changed)."""
        serial = self._serial

        def done(result: Any) -> None:
            if serial == self._serial:
                after(result)
                self.saved.emit(message)
                self._refresh_audit()

        changes = Changes.of(kind, Kind.AUDIT, client=client_id)
        self.db.write(fn, changes, done, lambda exc: show_error(self, str(exc)))

    def _refresh_audit(self) -> None:
        cid = self.client_id
        if cid is not None:
            self.db.call(lambda c: c.audit_trail(cid, 200), self.audit_view.set_entries)

    def new_consent(self) -> None:
        if self.client is None:
            return
        self.consent_form.set_consent(None, self.client.id or 0, self.client.legal_name)
        self.consent_scroll.show()
        self.consent_form.disclosing_party.setFocus()

    def _consent_cancelled(self) -> None:
        self.consent_scroll.hide()
        cid = self.client_id
        if cid is not None:
            self.db.call(lambda c: c.discard_draft(CONSENT_DRAFT, str(cid)))

    def _add_consent(self, consent: Consent) -> None:
        cid = consent.client_id

        def fn(c: Caseload) -> list[Consent]:
            c.add_consent(consent)
            return c.consents(cid)

        def after(consents: list[Consent]) -> None:
            self._show_consents(consents)
            self.consent_scroll.hide()
            self.db.call(lambda c: c.discard_draft(CONSENT_DRAFT, str(cid)))

        self._write(fn, after, self.tr("Consent saved."), Kind.CONSENT, cid)

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

        self._write(fn, self._show_consents, self.tr("Consent revoked."), Kind.CONSENT, cid)

    def _show_consents(self, consents: list[Consent]) -> None:
        """The profile's consent list, and the referral panel's check against consent."""
        self.consent_list.set_consents(consents)
        self.referral_panel.set_consents(consents)
        words = self._consent_warning(consents, date.today())
        self.consent_warning.setText(words)
        self.consent_warning.setVisible(bool(words))

    def _consent_warning(self, consents: list[Consent], today: date) -> str:
        """The header's warning when the client's consents have all ended (a coach must not
        disclose on one that expired), or all end within EXPIRING_DAYS; none for a client who
        never signed one (the overview says so)."""
        end = consent_end((c.expires_on, c.revoked_on) for c in consents)
        if end is None:  # none signed, or one lasts until an event
            return ""
        last_day, named = end  # the rule Today's consent item follows (core/reminders.py)
        if last_day < today:
            return self.tr(
                "No active consent (the last one ended on {d}): nothing may be disclosed."
            ).format(d=fmt_date(named))
        if last_day <= today + timedelta(days=EXPIRING_DAYS):
            return self.tr("Consent ends on {d}: renew it with the client.").format(
                d=fmt_date(named)
            )
        return ""

    def _save_document(self, name: str, job: Callable[[Caseload, Path], object]) -> None:
        """Ask where to save a printed form (PDF, not encrypted) and save it, audited."""
        path = pdf_save_path(self, name)
        if not path:
            return
        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self.db.call(
            lambda c: job(c, out),
            lambda _r: self.saved.emit(self.tr("Saved {name}.").format(name=out.name)),
        )

    def _print_consent(self, consent: Consent) -> None:
        if consent.client_id:
            self._save_document(
                "consent-form.pdf", lambda c, out: documents.save_consent_pdf(c, consent, out)
            )

    def _print_disclosures(self) -> None:
        cid = self.client_id
        if cid is not None:
            self._save_document(
                "disclosures.pdf",
                lambda c, out: documents.save_disclosure_list_pdf(c, cid, out),
            )

    def save_plan(self) -> None:
        cid = self.client_id
        if cid is None:
            return
        plan = self.plan_editor.plan()

        def fn(c: Caseload) -> plans.SavedPlan:
            return plans.save_plan(c, plan)  # a new version only when worth keeping apart

        def after(saved: plans.SavedPlan) -> None:
            self._banner("")
            message = saved.message.text(window_language())
            self.plan_editor.show_saved(saved.plan, saved.versions, message)
            self._plan_goals = [g.goal for g in saved.plan.goals]
            self.note_form.set_goals(self._plan_goals)

        self._write(fn, after, self.tr("Plan saved."), Kind.PLAN, cid)

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

    def focus_new_note(self) -> None:
        """Open the new-note form beside the history (what was typed in it stays)."""
        self.tabs.setCurrentIndex(TAB_KEYS.index("notes"))
        self.notes_side.setCurrentWidget(self.note_scroll)
        self.note_form.text.setFocus()

    def _note_cancelled(self) -> None:
        self._new_note_form()
        self.notes_side.setCurrentWidget(self.note_reader)
        self.notes_list.tree.setFocus()
        cid = self.client_id
        if cid is not None:
            self.db.call(lambda c: c.discard_draft(NOTE_DRAFT, str(cid)))

    def _show_note(self, note_id: int) -> None:
        """Fill the reading pane with a note of the list (a search hit may be an older note
        than the list holds: it is read from the vault)."""
        note = self.notes_list.note(note_id)
        if note is not None:
            self.note_reader.show_note(note)
            return
        serial = self._serial
        self.db.call(
            lambda c: c.note(note_id),
            lambda n: self.note_reader.show_note(n) if serial == self._serial else None,
        )

    def _read_note(self, note_id: int) -> None:
        """Enter or a double-click: the note in full, the focus on its text."""
        self._show_note(note_id)
        self.notes_side.setCurrentWidget(self.note_reader)
        self.note_reader.body.setFocus()

    def _add_note(self, note: SessionNote) -> None:
        cid = note.client_id

        def fn(c: Caseload) -> tuple[int, list[SessionNote]]:
            return c.add_note(note), c.notes(cid, 200)

        def after(result: tuple[int, list[SessionNote]]) -> None:
            note_id, notes = result
            self.notes_list.set_notes(notes)
            self._new_note_form()
            self.notes_side.setCurrentWidget(self.note_reader)
            self.notes_list.select(note_id)
            client = self.client
            if not note.attempt_only and client and client.status == ClientStatus.LOST_CONTACT:
                self.reactivate_text.setText(
                    self.tr(
                        "%1 is marked Lost contact, and you have just met. Active again?"
                    ).replace("%1", client.display_name)
                )
                self.reactivate_bar.show()

        self._write(fn, after, self.tr("Note added."), Kind.NOTE, cid)

    def _reactivate(self) -> None:
        """Set the client active again after a contact (the offer under Lost contact)."""
        client = self.client
        if client is None or client.id is None:
            return
        cid = client.id
        reason = self.tr("Back in contact (a session note)")
        serial = self._serial

        def fn(c: Caseload) -> Client:
            c.set_status(cid, ClientStatus.ACTIVE, c.today(), reason)
            return c.get_client(cid)

        def done(stored: Client) -> None:
            if serial == self._serial:
                self.reactivate_bar.hide()
                self.client = stored
                self._fill_header(stored, self.barc_plot.series())
                self.saved.emit(self.tr("Set active again."))
                self._refresh_audit()

        changes = Changes.of(Kind.CLIENT, Kind.AUDIT, client=cid)
        self.db.write(fn, changes, done, lambda exc: show_error(self, str(exc)))

    def _add_addendum(self, note_id: int, text: str) -> None:
        cid = self.client_id

        def fn(c: Caseload) -> tuple[SessionNote, list[SessionNote]]:
            c.add_addendum(note_id, text)
            return c.note(note_id), c.notes(cid, 200) if cid is not None else []

        def after(result: tuple[SessionNote, list[SessionNote]]) -> None:
            note, notes = result
            self.notes_list.set_notes(notes)
            self.notes_list.select(note_id)
            self.note_reader.added(note)

        self._write(fn, after, self.tr("Addendum added under the note."), Kind.NOTE, cid)

    def search_notes(self, text: str) -> None:
        cid = self.client_id
        if cid is None or not text.strip():
            return
        self.db.call(lambda c: c.search_notes(text, cid), self.notes_list.set_search_results)

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
            self.db.call(lambda c: c.discard_draft(BARC_DRAFT, str(cid)))

        self._write(fn, after, self.tr("BARC-10 recorded."), Kind.BARC10, cid)

    def _record_outcome(self, outcome: OutcomeAssessment) -> None:
        cid = outcome.client_id

        def fn(c: Caseload) -> list[OutcomeAssessment]:
            c.record_outcome(outcome)
            return c.outcomes(cid)

        def after(outcomes: list[OutcomeAssessment]) -> None:
            self._fill_outcomes(outcomes)
            self._new_outcome_form()

        self._write(fn, after, self.tr("Outcomes saved."), Kind.OUTCOME, cid)

    def _suggest_about(self, resource_name: str) -> None:
        """The Resources page's Suggest dialog, started from the referral's resource."""
        dialog = suggest.SuggestDialog(self.db, self, resource_name)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.suggest_dialog = dialog
        dialog.open()

    def _make_referral(self, referral: Referral) -> None:
        cid = referral.client_id

        def fn(c: Caseload) -> list[Referral]:
            c.make_referral(referral)
            return c.referrals(cid)

        self._write(
            fn,
            lambda refs: self.referral_panel.set_referrals(refs, cid),
            self.tr("Referral made."),
            Kind.REFERRAL,
            cid,
        )

    def _advance_referral(self, referral_id: int, status: ReferralStatus) -> None:
        cid = self.client_id
        if cid is None:
            return

        def fn(c: Caseload) -> list[Referral]:
            c.advance_referral(referral_id, status)
            return c.referrals(cid)

        self._write(
            fn,
            lambda refs: self.referral_panel.set_referrals(refs, cid),
            self.tr("Referral updated."),
            Kind.REFERRAL,
            cid,
        )

    def edit_client(self) -> None:
        if self.client is None:
            return
        dialog = EditClientDialog(self.client, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.form.submitted.disconnect()
        dialog.form.submitted.connect(lambda client: self._save_client(dialog, client))
        self.edit_dialog = dialog
        dialog.open()

    def _save_client(self, dialog: EditClientDialog, client: Client) -> None:
        def fn(c: Caseload) -> Client:
            c.update_client(client)
            return c.get_client(client.id or 0)

        def after(stored: Client) -> None:
            dialog.accept()
            self.client = stored
            self._fill_header(stored, self.barc_plot.series())

        serial = self._serial

        def done(stored: Client) -> None:
            if serial == self._serial:
                after(stored)
                self.saved.emit(self.tr("Client saved."))
                self._refresh_audit()

        changes = Changes.of(Kind.CLIENT, Kind.AUDIT, client=client.id)
        self.db.write(fn, changes, done, lambda exc: dialog.show_error(str(exc)))

    # -- printing --------------------------------------------------------------------------

    def print_plan(self) -> None:
        """Preview the saved plan as PDF, with Print… and Save as PDF… (Ctrl+P)."""
        client, cid = self.client, self.client_id
        if client is None or cid is None:
            return
        self.ensure_plan()
        if self.plan_editor.is_dirty() or self.plan_editor.plan().version == 0:
            QMessageBox.information(
                self,
                self.tr("Print plan"),
                self.tr("Save the plan first: a printout is always a saved version."),
            )
            return
        # Imported here, not at startup: reportlab and pdfium add ~0.15 s to every cold start.
        # Render, print and save are application.documents' (the same use case as the CLI).
        from coachdesk.ui.plan_output import open_plan_dialog

        self.output_dialog = open_plan_dialog(
            self,
            self.db,
            cid,
            self.plan_editor.plan().version,
            saved=lambda path: self.saved.emit(self.tr("Plan saved as {p}.").format(p=path)),
            recorded=self._refresh_audit,
        )
