"""Referrals to community resources and their status, and the client's audit trail."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.models import (
    AuditEntry,
    Consent,
    Referral,
    ReferralStatus,
    Resource,
    ResourceCategory,
    Timepoint,
)
from coachdesk.core.validation import REFERRAL_FLOW
from coachdesk.ui.forms._common import (
    OptionalDateEdit,
    error_label,
    format_date,
    format_datetime,
    from_qdate,
    hint_label,
    make_date_edit,
    save_shortcuts,
)
from coachdesk.ui.forms.labels import label

_ID = Qt.ItemDataRole.UserRole


def _read_only_table(parent: QWidget, headers: list[str], accessible_name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible_name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setTabKeyNavigation(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    return table


def names_recipient(recipients: str, name: str) -> bool:
    """Whether a consent's recipients (free text: "Hope House, Eastside Clinic") name the
    provider `name`: one listed recipient and the name contain each other, ignoring case."""
    wanted = " ".join(name.casefold().split())
    if len(wanted) < 3:
        return False
    parts = re.split(r"[,;/\n]|\band\b|\by\b", recipients.casefold())
    for part in (" ".join(p.split()) for p in parts):
        if len(part) >= 3 and (part in wanted or wanted in part):
            return True
    return False


class ReferralPanel(QWidget):
    """The client's referrals with their status; make a new one from the resource directory;
    advance a referral to one of the next states the domain allows (REFERRAL_FLOW).

    A new referral is checked against the client's consents (set_consents): when no active one
    names the provider the panel says so, without blocking. Signals: referral_requested(Referral);
    advance_requested(int referral id, ReferralStatus). GUI thread only.
    """

    referral_requested = Signal(object)
    advance_requested = Signal(int, object)
    suggest_requested = Signal(str)  # the chosen resource's name: tell the RCO (issue 20)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.client_id = 0  # the client new records are for (set by set_*() or the shell)
        self._referrals: list[Referral] = []
        self._resources: dict[int, Resource] = {}
        self._consents: list[Consent] = []
        self.setAccessibleName(self.tr("Referrals"))
        layout = QVBoxLayout(self)

        self.table = _read_only_table(
            self,
            [
                self.tr("Resource"),
                self.tr("Kind"),
                self.tr("Made"),
                self.tr("Status"),
                self.tr("Since"),
                self.tr("Follow up"),
            ],
            self.tr("Referrals of this client"),
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.empty = hint_label(self.tr("No referrals yet."), self)
        layout.addWidget(self.empty)

        advance = QHBoxLayout()
        advance_caption = QLabel(self.tr("Move the selected referral &to:"), self)
        self.next_status = QComboBox(self)
        self.next_status.setAccessibleName(self.tr("Next status of the selected referral"))
        self.next_status.setMinimumContentsLength(16)
        advance_caption.setBuddy(self.next_status)
        self.advance_button = QPushButton(self.tr("Up&date status"), self)
        self.advance_button.setAccessibleName(self.tr("Update the referral's status"))
        self.final_hint = hint_label("", self)
        advance.addWidget(advance_caption)
        advance.addWidget(self.next_status)
        advance.addWidget(self.advance_button)
        advance.addWidget(self.final_hint, 1)
        layout.addLayout(advance)

        new = QGroupBox(self.tr("Make a referral"), self)
        form = QFormLayout(new)
        self.category = QComboBox(new)
        self.category.addItem(self.tr("Any kind"), None)
        for category in ResourceCategory:
            self.category.addItem(label(category), category.value)
        self.category.setAccessibleName(self.tr("Kind of resource"))
        category_caption = QLabel(self.tr("&Kind:"), new)
        category_caption.setBuddy(self.category)
        form.addRow(category_caption, self.category)
        self.resource = QComboBox(new)
        self.resource.setAccessibleName(self.tr("Resource"))
        resource_caption = QLabel(self.tr("&Resource:"), new)
        resource_caption.setBuddy(self.resource)
        form.addRow(resource_caption, self.resource)
        # The resource's details and the consent check share one row: a form layout gives
        # each word-wrapped label row far more height than its text needs.
        about = QWidget(new)
        about_layout = QVBoxLayout(about)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.setSpacing(2)
        self.resource_details = hint_label("", about)
        self.resource_details.setWordWrap(False)  # one short line (address, phone, hours)
        self.consent_warning = error_label(about)  # shown, never blocking
        self.consent_warning.setAccessibleName(self.tr("Consent check"))
        details_row = QHBoxLayout()
        details_row.addWidget(self.resource_details, 1)
        # Where a coach finds out a number no longer works: say so to the RCO from here.
        self.suggest_button = QPushButton(self.tr("S&uggest a change…"), about)
        self.suggest_button.setAccessibleName(self.tr("Suggest a change to this resource"))
        details_row.addWidget(self.suggest_button)
        about_layout.addLayout(details_row)
        about_layout.addWidget(self.consent_warning)
        form.addRow("", about)
        self.made_on = make_date_edit(new, self.tr("Referral made on"))
        made_caption = QLabel(self.tr("M&ade on:"), new)
        made_caption.setBuddy(self.made_on)
        form.addRow(made_caption, self.made_on)
        self.follow_up = OptionalDateEdit(self.tr("Follow-up date"), self.tr("Follow up on"), new)
        follow_caption = QLabel(self.tr("Follo&w up:"), new)
        follow_caption.setBuddy(self.follow_up)
        form.addRow(follow_caption, self.follow_up)
        self.make_button = QPushButton(self.tr("&Make referral"), new)
        self.make_button.setAccessibleName(self.tr("Make the referral"))
        make_row = QHBoxLayout()
        make_row.addStretch(1)
        make_row.addWidget(self.make_button)
        form.addRow(make_row)
        layout.addWidget(new)

        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.advance_button.clicked.connect(self._advance)
        self.category.currentIndexChanged.connect(self._fill_resources)
        self.resource.currentIndexChanged.connect(self._show_resource)
        self.make_button.clicked.connect(self._make)
        self.suggest_button.clicked.connect(
            lambda: self.suggest_requested.emit(
                r.name if (r := self._resources.get(self.resource.currentData())) else ""
            )
        )
        save_shortcuts(self, self.make_button)
        self.set_resources([])
        self.set_referrals([], 0)

    # -- resources ---------------------------------------------------------------------------

    def set_resources(self, resources: Sequence[Resource]) -> None:
        """The directory to pick from (RCO entries and local additions)."""
        self._resources = {r.id: r for r in resources if r.id is not None}
        self._fill_resources()
        self._show_table()

    def _fill_resources(self) -> None:
        wanted = self.category.currentData()
        self.resource.clear()
        chosen = sorted(
            (r for r in self._resources.values() if wanted is None or r.category.value == wanted),
            key=lambda r: (label(r.category), r.name.casefold()),
        )
        for r in chosen:
            self.resource.addItem(f"{r.name} ({label(r.category)})", r.id)
        self.make_button.setEnabled(bool(chosen))
        self._show_resource()

    def _show_resource(self) -> None:
        r = self._resources.get(self.resource.currentData())
        if r is None:
            self.resource_details.setText(
                self.tr("No resource of this kind in the directory.")
                if self._resources
                else self.tr("The resource directory is empty.")
            )
            return
        parts = [p for p in (r.address, r.phone, r.hours) if p]
        self.resource_details.setText(" · ".join(parts))
        self._check_consent()

    # -- consents ----------------------------------------------------------------------------

    def set_consents(self, consents: Sequence[Consent]) -> None:
        """The client's consents, to check a new referral against (the window calls this when
        a client opens and when their consents change)."""
        self._consents = list(consents)
        self._check_consent()

    def consent_for(self, resource: Resource) -> Consent | None:
        """An active consent whose recipients name `resource`, if any."""
        today = self._today()
        return next(
            (
                c
                for c in self._consents
                if c.is_active(today) and names_recipient(c.recipients, resource.name)
            ),
            None,
        )

    def _check_consent(self) -> None:
        """Warn, plainly and without blocking, when no active consent names the resource."""
        r = self._resources.get(self.resource.currentData())
        warning = ""
        if r is not None and self.consent_for(r) is None:
            warning = self.tr(
                "No active consent names %1. You can make the referral, but share nothing "
                "about the client with them until the client signs a consent that does."
            ).replace("%1", r.name)
        self.consent_warning.setText(warning)
        self.consent_warning.setVisible(bool(warning))
        self.make_button.setAccessibleDescription(warning)

    def _make(self) -> None:
        r = self._resources.get(self.resource.currentData())
        if r is None or r.id is None:
            return
        made = from_qdate(self.made_on.date())
        self.referral_requested.emit(
            Referral(
                self.client_id,
                r.category,
                made,
                r.id,
                ReferralStatus.MADE,
                made,
                self.follow_up.value(),
            ),
        )

    # -- referrals -----------------------------------------------------------------------------

    def set_referrals(self, referrals: Sequence[Referral], client_id: int | None = None) -> None:
        """Show the client's referrals, newest first (client_id: whose; default unchanged)."""
        if client_id is not None:
            self.client_id = client_id
        self._referrals = sorted(referrals, key=lambda r: (r.made_on, r.id or 0), reverse=True)
        self._show_table()

    def _show_table(self) -> None:
        selected = self.selected()
        keep = selected.id if selected else None
        table, locale = self.table, self.locale()
        table.setRowCount(0)
        for row, r in enumerate(self._referrals):
            table.insertRow(row)
            resource = self._resources.get(r.resource_id) if r.resource_id is not None else None
            cells = [
                resource.name if resource else self.tr("(not in the directory)"),
                label(r.category),
                format_date(locale, r.made_on),
                label(r.status),
                format_date(locale, r.status_on),
                format_date(locale, r.follow_up_on),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, r.id)
                table.setItem(row, column, item)
            if r.id == keep:
                table.selectRow(row)
        self.empty.setVisible(not self._referrals)
        self._selection_changed()

    def selected(self) -> Referral | None:
        """The referral of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        row = rows[0].row()
        return self._referrals[row] if 0 <= row < len(self._referrals) else None

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.next_status.clear()
        if chosen is None:
            self.final_hint.setText(self.tr("Select a referral to update it."))
        else:
            allowed = [s for s in ReferralStatus if s in REFERRAL_FLOW[chosen.status]]
            for status in allowed:
                self.next_status.addItem(label(status), status.value)
            self.final_hint.setText(
                "" if allowed else self.tr("“%1” is final.").replace("%1", label(chosen.status))
            )
        enabled = self.next_status.count() > 0
        self.next_status.setEnabled(enabled)
        self.advance_button.setEnabled(enabled)

    def _advance(self) -> None:
        chosen = self.selected()
        value = self.next_status.currentData()
        if chosen is None or chosen.id is None or value is None:
            return
        self.advance_requested.emit(chosen.id, ReferralStatus(value))


# The kinds of action the trail can be filtered by, and the stored actions of each.
AUDIT_KINDS: dict[str, frozenset[str]] = {
    "views": frozenset({"view"}),
    "changes": frozenset({"create", "update", "delete", "revoke"}),
    "copies": frozenset({"print", "save", "export", "sync"}),
    "access": frozenset({"unlock", "failed_unlock", "import", "enroll"}),
}

_PLAN = re.compile(r"recovery plan version (\d+)(?P<rest>.*)$")
_E = TypeVar("_E", bound=StrEnum)


def _vocabulary(kind: type[_E], value: str) -> str:
    """The translated label of a stored vocabulary value; an unknown one as stored."""
    try:
        return label(kind(value))
    except ValueError:
        return value


class AuditTrailView(QWidget):
    """Who viewed, changed, printed or exported this client's records, newest first, in plain
    words (never table names or record numbers), filtered by kind of action.

    Signals: disclosures_requested() from "Print the disclosure list…" (the window renders
    reports.disclosure_pdf from Caseload.disclosures). Read-only; GUI thread only.
    """

    disclosures_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Audit trail"))
        self._entries: list[AuditEntry] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint_label(
                self.tr("Every view, change, print and export of this client's records."), self
            )
        )
        bar = QHBoxLayout()
        show_caption = QLabel(self.tr("Sho&w:"), self)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Show"))
        for text, key in (
            (self.tr("Everything"), None),
            (self.tr("Views"), "views"),
            (self.tr("Changes"), "changes"),
            (self.tr("Prints, files and exports"), "copies"),
            (self.tr("Unlocking and imports"), "access"),
        ):
            self.kind.addItem(text, key)
        show_caption.setBuddy(self.kind)
        self.print_button = QPushButton(self.tr("Print the &disclosure list…"), self)
        self.print_button.setAccessibleName(self.tr("Print the disclosure list"))
        self.print_button.setToolTip(
            self.tr(
                "Who received information from this client's records in the past three years "
                "(42 CFR 2.25), as a PDF for the client."
            )
        )
        bar.addWidget(show_caption)
        bar.addWidget(self.kind)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        layout.addLayout(bar)
        self.table = _read_only_table(
            self, [self.tr("When"), self.tr("Who"), self.tr("What")], self.tr("Audit trail")
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.empty = hint_label(self.tr("Nothing recorded yet."), self)
        layout.addWidget(self.empty)
        self.kind.currentIndexChanged.connect(self._show)
        self.print_button.clicked.connect(self.disclosures_requested)
        self.set_entries([])

    def action_text(self, action: str) -> str:
        """The plain words for an audit action ("view" -> "Viewed")."""
        words = {
            "view": self.tr("Viewed"),
            "create": self.tr("Created"),
            "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            "print": self.tr("Printed"),
            "export": self.tr("Exported"),
            "save": self.tr("Saved to a file"),
            "revoke": self.tr("Revoked"),
            "unlock": self.tr("Unlocked"),
            "failed_unlock": self.tr("Failed unlock"),
            "sync": self.tr("Sent"),
            "import": self.tr("Imported"),
        }
        return words.get(action, action)

    def describe(self, entry: AuditEntry) -> str:
        """What happened, in plain words: "Wrote a session note", "Printed the recovery plan
        (version 3)"; anything not recognised keeps its action word and stored detail."""
        action, detail = entry.action, entry.detail.strip()
        detail, _, purpose = detail.partition("; purpose: ")
        text = self._record_words(action, detail)
        if text is None:
            text = self.action_text(action) + (f": {detail}" if detail else "")
        if purpose:
            text += " " + self.tr("(purpose: %1)").replace("%1", purpose)
        return text

    def _record_words(self, action: str, detail: str) -> str | None:
        created = action == "create"
        if detail == "" and action == "view":
            return self.tr("Opened the client's record")
        if detail == "client":
            if created:
                return self.tr("Added the client")
            return self.tr("Changed the client's details")
        if detail == "coach profile":
            return self.tr("Changed the coach profile")
        if match := re.fullmatch(r"consent \d+( revoked)?", detail):
            return self.tr("Revoked a consent") if match.group(1) else self.tr("Recorded a consent")
        if match := re.fullmatch(r"plan version (\d+)", detail):
            return self.tr("Saved the recovery plan (version %1)").replace("%1", match.group(1))
        if re.fullmatch(r"session note \d+", detail):
            return self.tr("Wrote a session note")
        if re.fullmatch(r"contact attempt \d+", detail):
            return self.tr("Logged a contact attempt")
        if re.fullmatch(r"addendum \d+ to note \d+", detail):
            return self.tr("Added an addendum to a session note")
        if match := re.fullmatch(r"BARC-10 \d+ total (\d+)", detail):
            return self.tr("Recorded a BARC-10 (total %1 of 60)").replace("%1", match.group(1))
        if match := re.fullmatch(r"outcomes (\w+)", detail):
            name = _vocabulary(Timepoint, match.group(1))
            return self.tr("Recorded outcomes: %1").replace("%1", name)
        if match := re.fullmatch(r"referral \d+ \((\w+)\)", detail):
            name = _vocabulary(ResourceCategory, match.group(1))
            return self.tr("Made a referral: %1").replace("%1", name)
        if match := re.fullmatch(r"referral \d+ -> (\w+)", detail):
            name = _vocabulary(ReferralStatus, match.group(1))
            return self.tr("Referral moved to “%1”").replace("%1", name)
        if match := _PLAN.match(detail):
            return self._plan_output(action, match.group(1), match.group("rest"))
        return None

    def _plan_output(self, action: str, version: str, rest: str) -> str | None:
        if rest.strip() == "preview":
            text = self.tr("Looked at the print preview of the recovery plan (version %1)")
        elif action == "print":
            text = self.tr("Printed the recovery plan (version %1)")
        elif action == "save":
            text = self.tr("Saved the recovery plan (version %1) as a PDF file")
        else:
            return None
        text = text.replace("%1", version)
        if pages := re.search(r", (\d+) pages$", rest):
            text += ", " + self.tr("%1 pages").replace("%1", pages.group(1))
        return text

    def kind_of(self, entry: AuditEntry) -> str | None:
        """The filter kind ("views", "changes", "copies", "access") of an entry."""
        return next((k for k, actions in AUDIT_KINDS.items() if entry.action in actions), None)

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        """Show these entries, newest first, with times in local time and the locale's dates."""
        self._entries = sorted(entries, key=lambda e: e.at, reverse=True)
        self._show()

    def shown(self) -> list[AuditEntry]:
        """The entries the current filter shows, newest first."""
        wanted = self.kind.currentData()
        return [e for e in self._entries if wanted is None or self.kind_of(e) == wanted]

    def _show(self) -> None:
        table, locale = self.table, self.locale()
        shown = self.shown()
        table.setRowCount(0)
        for row, e in enumerate(shown):
            table.insertRow(row)
            cells = [format_datetime(locale, e.at), e.actor, self.describe(e)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, e.id)
                table.setItem(row, column, item)
        self.empty.setText(
            self.tr("Nothing recorded yet.")
            if not self._entries
            else self.tr("Nothing of this kind recorded.")
        )
        self.empty.setVisible(not shown)
