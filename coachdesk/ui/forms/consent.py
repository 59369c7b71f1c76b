"""42 CFR Part 2 consents: the written-consent form (every 2.31 element) and the client's list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import validation
from coachdesk.core.models import Consent
from coachdesk.errors import ValidationError
from coachdesk.ui.forms._common import (
    FieldErrors,
    OptionalDateEdit,
    error_label,
    format_date,
    from_qdate,
    heading_label,
    hint_label,
    make_date_edit,
    model_from_json,
    model_to_json,
    save_shortcuts,
    strip_mnemonic,
    to_qdate,
    watch_changes,
)

CONSENT_DRAFT_KIND = "consent"
ACTIVE_COLOR = QColor("#276749")
ENDED_COLOR = QColor("#4a5568")
REVOKED_COLOR = QColor("#9b2c2c")


class ConsentForm(QWidget):
    """A written consent to disclose, with every element 42 CFR 2.31(a) requires.

    Signals: submitted(Consent) after Save when valid; cancelled(); print_requested(Consent)
    from "Print for signature..." with the consent as entered so far (blanks are printed as
    lines to fill in by hand; the window renders reports.consent_pdf). GUI thread only.
    """

    submitted = Signal(object)
    cancelled = Signal()
    print_requested = Signal(object)
    changed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.client_id = 0  # the client new records are for (set by set_*() or the shell)
        self._existing: Consent | None = None
        self._dirty = False
        self._loading = False
        self.setAccessibleName(self.tr("Consent to disclose"))
        outer = QVBoxLayout(self)
        outer.addWidget(heading_label(self.tr("Consent to disclose information"), self))
        outer.addWidget(
            hint_label(
                self.tr(
                    "Federal rules (42 CFR Part 2) need every part below. Write it the way the "
                    "client can read and agree to."
                ),
                self,
            )
        )
        self.form_error = error_label(self)
        outer.addWidget(self.form_error)
        self.errors = FieldErrors(self.form_error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        outer.addLayout(form)
        self._form = form

        self.patient = QLabel(self)
        self.patient.setAccessibleName(self.tr("Client"))
        self.patient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        form.addRow(QLabel(self.tr("Client:"), self), self.patient)
        self.disclosing_party = self._line(self.tr("Who &may disclose:"), "disclosing_party")
        self.disclosing_party.setPlaceholderText(self.tr("e.g. the recovery community program"))
        self.information = self._text(
            self.tr("What &information:"),
            "information",
            self.tr("How much and what kind, e.g. attendance and progress in recovery support"),
        )
        self.recipients = self._line(self.tr("&To whom:"), "recipients")
        self.recipients.setPlaceholderText(self.tr("Name or title of the person or organisation"))
        self.purpose = self._line(self.tr("&Purpose:"), "purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. coordinating care with the drug court"))
        self.revocation_terms = self._text(
            self.tr("&Right to revoke and how:"), "revocation_terms", ""
        )
        self.expires_on = OptionalDateEdit(self.tr("Expiry date"), self.tr("On a date"), self)
        self._row(self.tr("E&xpires:"), self.expires_on, "expires_on")
        self.expiry_event = self._line(self.tr("...or when (&event):"), "expiry_event")
        self.expiry_event.setPlaceholderText(self.tr("e.g. when the court case closes"))
        self.signed_by = self._line(self.tr("&Signed by:"), "signed_by")
        self.signed_by.setPlaceholderText(self.tr("The client, or the person authorised to sign"))
        self.signed_on = make_date_edit(self, self.tr("Date signed"))
        self._row(self.tr("&Date signed:"), self.signed_on, "signed_on")

        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Print for sign&ature…"), self)
        self.print_button.setAccessibleName(self.tr("Print the consent for signature"))
        self.print_button.setToolTip(
            self.tr("A paper copy with every part of the consent and lines to sign.")
        )
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.save_button = QPushButton(self.tr("Sa&ve consent"), self)
        self.save_button.setAccessibleName(self.tr("Save consent"))
        self.save_button.setDefault(True)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        outer.addStretch(1)
        self.save_button.clicked.connect(self._save)
        save_shortcuts(self, self.save_button, multiline=True)
        self.cancel_button.clicked.connect(self.cancelled)
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self._read()))
        self.expires_on.check.toggled.connect(self._expiry_ticked)
        watch_changes(self, self._touched)
        self.set_consent(None, 0)

    def _expiry_ticked(self, on: bool) -> None:
        """Ticking "On a date" proposes one year after signing (it kept today's date, so a
        consent signed today ended the day it was signed)."""
        if on:
            self.expires_on.edit.setDate(self.signed_on.date().addYears(1))

    # -- dirty state and drafts -------------------------------------------------------------

    def _touched(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self.changed.emit()

    def is_dirty(self) -> bool:
        """True when the coach changed something since the form was last filled."""
        return self._dirty

    def to_draft(self) -> dict[str, Any]:
        """The consent as entered (valid or not) as a JSON-able dict, to keep across a lock."""
        return {
            "kind": CONSENT_DRAFT_KIND,
            "client_id": self.client_id,
            "client_name": self.patient.text(),
            "consent": model_to_json(self._read()),
            "dirty": self._dirty,
        }

    def from_draft(self, draft: dict[str, Any]) -> None:
        """Restore what to_draft() kept."""
        if draft.get("kind") != CONSENT_DRAFT_KIND:
            raise ValidationError(self.tr("This draft is not a consent."), "draft")
        consent = model_from_json(Consent, draft["consent"])
        self.set_consent(consent, int(draft["client_id"]), str(draft.get("client_name", "")))
        self._dirty = bool(draft.get("dirty"))

    def _row(self, text: str, widget: QWidget, field: str) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label(holder)
        column.addWidget(message)
        self._form.addRow(caption, holder)
        self.errors.register(field, widget, message)

    def _line(self, text: str, field: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(strip_mnemonic(text))
        self._row(text, edit, field)
        return edit

    def _text(self, text: str, field: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(strip_mnemonic(text))
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
        self._row(text, edit, field)
        return edit

    def reset(self) -> None:
        """Start a new consent for the same client."""
        self.set_consent(None, self.client_id, self.patient.text())

    def default_revocation_terms(self) -> str:
        """The plain default wording for the right to revoke."""
        return self.tr(
            "I can take back (revoke) this consent at any time, by telling my coach or in "
            "writing, except for anything already shared while it was in effect."
        )

    def set_consent(self, consent: Consent | None, client_id: int, client_name: str = "") -> None:
        """Show `consent` (None: a new one for `client_id`, signed today, default revoke text)."""
        self._loading = True
        try:
            self._fill(consent, client_id, client_name)
        finally:
            self._loading = False
        self._dirty = False

    def _fill(self, consent: Consent | None, client_id: int, client_name: str) -> None:
        self.errors.clear()
        self.client_id = client_id
        self._existing = consent
        self.patient.setText(client_name)
        c = consent or Consent(
            client_id,
            "",
            "",
            "",
            "",
            self.default_revocation_terms(),
            None,
            "",
            client_name,
            self._today(),
        )
        self.disclosing_party.setText(c.disclosing_party)
        self.information.setPlainText(c.information)
        self.recipients.setText(c.recipients)
        self.purpose.setText(c.purpose)
        self.revocation_terms.setPlainText(c.revocation_terms)
        self.expires_on.set_value(c.expires_on)
        self.expiry_event.setText(c.expiry_event)
        self.signed_by.setText(c.signed_by)
        self.signed_on.setDate(to_qdate(c.signed_on))

    def _read(self) -> Consent:
        existing = self._existing
        c = Consent(
            client_id=self.client_id,
            disclosing_party=self.disclosing_party.text().strip(),
            information=self.information.toPlainText().strip(),
            recipients=self.recipients.text().strip(),
            purpose=self.purpose.text().strip(),
            revocation_terms=self.revocation_terms.toPlainText().strip(),
            expires_on=self.expires_on.value(),
            expiry_event=self.expiry_event.text().strip(),
            signed_by=self.signed_by.text().strip(),
            signed_on=from_qdate(self.signed_on.date()),
            revoked_on=existing.revoked_on if existing else None,
            revocation_note=existing.revocation_note if existing else "",
            id=existing.id if existing else None,
        )
        return c

    def consent(self) -> Consent | None:
        """The consent as entered, or None after showing the first problem next to its field."""
        c = self._read()
        return self.errors.check(lambda: validation.consent(c), c)

    def error_text(self) -> str:
        """The validation message shown now (empty when none)."""
        return self.errors.current()

    def _save(self) -> None:
        c = self.consent()
        if c is not None:
            self.submitted.emit(c)


class ConsentList(QWidget):
    """The client's consents with their state in plain words (active / expired / revoked).

    Signals: revoke_requested(int consent id); new_requested(); consent_activated(int) when a
    row is opened (Enter or double-click). GUI thread only.
    """

    revoke_requested = Signal(int)
    new_requested = Signal()
    consent_activated = Signal(int)

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._consents: list[Consent] = []
        self.setAccessibleName(self.tr("Consents"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("To whom"),
                self.tr("Purpose"),
                self.tr("Signed"),
                self.tr("Ends"),
                self.tr("State"),
            ]
        )
        self.table.setAccessibleName(self.tr("Consents of this client"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        self.empty = hint_label(self.tr("No consents recorded for this client."), self)
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Ne&w consent"), self)
        self.new_button.setAccessibleName(self.tr("New consent"))
        self.revoke_button = QPushButton(self.tr("Revo&ke..."), self)
        self.revoke_button.setAccessibleName(self.tr("Revoke the selected consent"))
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.new_button.clicked.connect(self.new_requested)
        self.revoke_button.clicked.connect(self._revoke)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.set_consents([])

    def state_text(self, consent: Consent) -> str:
        """The consent's state in plain words, as shown in the list."""
        today, locale = self._today(), self.locale()
        if consent.revoked_on is not None and consent.revoked_on <= today:
            return self.tr("Revoked on %1").replace("%1", format_date(locale, consent.revoked_on))
        if consent.expires_on is not None and consent.expires_on < today:
            return self.tr("Expired on %1").replace("%1", format_date(locale, consent.expires_on))
        return self.tr("Active")

    def set_consents(self, consents: list[Consent]) -> None:
        """Show these consents, newest signature first."""
        self._consents = sorted(consents, key=lambda c: c.signed_on, reverse=True)
        table, locale, today = self.table, self.locale(), self._today()
        table.setRowCount(0)
        for row, c in enumerate(self._consents):
            table.insertRow(row)
            ends = format_date(locale, c.expires_on) if c.expires_on is not None else c.expiry_event
            state = self.state_text(c)
            cells = [c.recipients, c.purpose, format_date(locale, c.signed_on), ends, state]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                table.setItem(row, column, item)
            state_item = table.item(row, 4)
            if state_item is not None:
                active = c.is_active(today)
                revoked = c.revoked_on is not None and c.revoked_on <= today
                color = ACTIVE_COLOR if active else REVOKED_COLOR if revoked else ENDED_COLOR
                state_item.setForeground(color)
                font = state_item.font()
                font.setBold(active)
                state_item.setFont(font)
        self.empty.setVisible(not self._consents)
        table.setVisible(bool(self._consents))
        self._selection_changed()

    def selected(self) -> Consent | None:
        """The consent of the selected row, if any."""
        row = self.table.currentRow()
        rows = self.table.selectionModel().selectedRows()
        if not rows or not 0 <= row < len(self._consents):
            return None
        return self._consents[row]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.revoke_button.setEnabled(chosen is not None and chosen.is_active(self._today()))

    def _revoke(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.id is not None and chosen.is_active(self._today()):
            self.revoke_requested.emit(chosen.id)

    def _activated(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.id is not None:
            self.consent_activated.emit(chosen.id)
