"""Add or edit a client: every field of coachdesk.core.models.Client, validated inline."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import validation
from coachdesk.core.models import (
    Client,
    ClientKind,
    ClientStatus,
    Ethnicity,
    Gender,
    Pathway,
    Race,
    Relationship,
    Setting,
    race_problem,
)
from coachdesk.errors import ValidationError
from coachdesk.ui.forms._common import (
    FieldErrors,
    OptionalDateEdit,
    enum_combo,
    error_label,
    from_qdate,
    make_date_edit,
    model_from_json,
    model_to_json,
    save_shortcuts,
    select_data,
    strip_mnemonic,
    to_qdate,
)
from coachdesk.ui.forms.labels import LANGUAGES, label

DRAFT_KIND = "client"


class ClientForm(QWidget):
    """The client's profile. Pure view: takes and returns a Client; GUI thread only.

    Signals: submitted(Client) after Save with valid input; cancelled(); changed().
    """

    submitted = Signal(object)
    cancelled = Signal()
    changed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        show_buttons: bool = True,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._id: int | None = None
        self._dirty = False
        self._loading = False
        self.setAccessibleName(self.tr("Client profile"))
        self.form_error = error_label(self)
        self.errors = FieldErrors(self.form_error)

        # The fields scroll; Save and Cancel stay below them, always in sight (issue 17: on a
        # 1366x768 screen the form is taller than the dialog).
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget(self.scroll_area)
        body = QVBoxLayout(page)
        body.addWidget(self.form_error)
        body.addWidget(self._who_box())
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(12)
        body.addLayout(grid)
        body.addStretch(1)
        self.scroll_area.setWidget(page)
        outer.addWidget(self.scroll_area, 1)

        # Left column: who the person is and how to reach them.
        names = self._group(self.tr("Name"))
        self.given_name = self._line(names, self.tr("&Given name:"), "given_name", required=True)
        self.family_name = self._line(names, self.tr("&Family name:"), "family_name", required=True)
        self.preferred_name = self._line(names, self.tr("Preferred na&me:"), "preferred_name")
        self.preferred_name.setPlaceholderText(self.tr("The name they like to be called"))
        self.pronouns = self._line(names, self.tr("Pron&ouns:"), "pronouns")
        self.pronouns.setPlaceholderText(self.tr("e.g. she/her, he/him, they/them"))
        grid.addWidget(cast(QWidget, names.parentWidget()), 0, 0)

        about = self._group(self.tr("About"))
        self.date_of_birth = OptionalDateEdit(self.tr("Date of birth"), self.tr("Known"), self)
        self._add_row(about, self.tr("Date of &birth:"), self.date_of_birth, "date_of_birth")
        self.gender = enum_combo(self, list(Gender), self.tr("Gender"))
        self._add_row(about, self.tr("Ge&nder:"), self.gender, "gender")
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Preferred language"))
        self._add_row(about, self.tr("&Language:"), self.language, "language")
        # Race and ethnicity: optional, OMB minimum categories, for funder tables only as counts.
        self.race_box = QWidget(self)
        race_layout = QGridLayout(self.race_box)
        race_layout.setContentsMargins(0, 0, 0, 0)
        self.race: dict[Race, QCheckBox] = {}
        for index, race in enumerate(Race):
            box = QCheckBox(label(race), self.race_box)
            box.setAccessibleName(self.tr("Race: %1").replace("%1", label(race)))
            box.toggled.connect(self.changed)
            race_layout.addWidget(box, index, 0)  # one column: long Spanish names fit 1366 px
            self.race[race] = box
        self.race_box.setAccessibleName(self.tr("Race (optional, any number)"))
        self._add_row(about, self.tr("Race (optional):"), self.race_box, "race")
        self.ethnicity = QComboBox(self)
        self.ethnicity.addItem(self.tr("Not recorded"), "")
        for ethnicity in Ethnicity:
            self.ethnicity.addItem(label(ethnicity), ethnicity.value)
        self.ethnicity.setAccessibleName(self.tr("Ethnicity (optional)"))
        self.ethnicity.currentIndexChanged.connect(self.changed)
        self._add_row(about, self.tr("Ethnicity (optional):"), self.ethnicity, "ethnicity")
        grid.addWidget(cast(QWidget, about.parentWidget()), 1, 0)

        contact = self._group(self.tr("Contact"))
        self.phone = self._line(contact, self.tr("&Phone:"), "phone")
        self.email = self._line(contact, self.tr("&Email:"), "email")
        self.address = self._line(contact, self.tr("&Address:"), "address")
        self.emergency_contact_name = self._line(
            contact, self.tr("Emergency &contact name:"), "emergency_contact_name"
        )
        self.emergency_contact_phone = self._line(
            contact, self.tr("Emergency contact p&hone:"), "emergency_contact_phone"
        )
        grid.addWidget(cast(QWidget, contact.parentWidget()), 2, 0)

        # Right column: where the coach met them, their pathways, their status.
        met = self._group(self.tr("Where we met"))
        self.intake_date = make_date_edit(self, self.tr("Intake date"))
        self._add_row(met, self.tr("&Intake date:"), self.intake_date, "intake_date")
        self.setting = enum_combo(self, list(Setting), self.tr("Setting"))
        self._add_row(met, self.tr("&Setting:"), self.setting, "setting")
        self.facility = self._line(met, self.tr("Facilit&y:"), "facility")
        self.referral_source = self._line(met, self.tr("Referral so&urce:"), "referral_source")
        self.referral_source.setPlaceholderText(self.tr("e.g. ED staff, self, court, family"))
        grid.addWidget(cast(QWidget, met.parentWidget()), 0, 1)

        pathways_box = QGroupBox(self.tr("Recovery pathways (the client's choice, any number)"))
        pathways_layout = QGridLayout(pathways_box)
        self.pathways: dict[Pathway, QCheckBox] = {}
        for index, pathway in enumerate(Pathway):
            box = QCheckBox(label(pathway), pathways_box)
            box.setAccessibleName(self.tr("Pathway: %1").replace("%1", label(pathway)))
            box.toggled.connect(self.changed)
            pathways_layout.addWidget(box, index // 2, index % 2)
            self.pathways[pathway] = box
        pathways_layout.setRowStretch(len(Pathway) // 2 + 1, 1)  # together at the top
        grid.addWidget(pathways_box, 1, 1)

        status = self._group(self.tr("Status"))
        self.status = enum_combo(self, list(ClientStatus), self.tr("Status"))
        self._add_row(status, self.tr("S&tatus:"), self.status, "status")
        self.status_date = OptionalDateEdit(self.tr("Status date"), self.tr("Dated"), self)
        self._add_row(status, self.tr("Status &date:"), self.status_date, "status_date")
        self.status_reason = self._line(status, self.tr("&Reason:"), "status_reason")
        grid.addWidget(cast(QWidget, status.parentWidget()), 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        for combo in (self.gender, self.language, self.setting, self.status):
            # Signal to signal: PySide6 6.12 miscounts references with *args Python slots.
            combo.currentIndexChanged.connect(self.changed)
        for optional in (self.date_of_birth, self.status_date):
            optional.changed.connect(self.changed)
        self.intake_date.dateChanged.connect(self.changed)

        self.save_button = QPushButton(self.tr("Sa&ve client"), self)
        self.save_button.setAccessibleName(self.tr("Save client"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(9, 6, 9, 0)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self.save_button.setVisible(show_buttons)
        self.cancel_button.setVisible(show_buttons)
        self.save_button.clicked.connect(self._save)
        save_shortcuts(self, self.save_button)
        self.cancel_button.clicked.connect(self.cancelled)
        self.changed.connect(self._touched)
        self.set_client(None)

    # -- building ---------------------------------------------------------------------------

    def _who_box(self) -> QGroupBox:
        """Who the client is (issue 21): a person in recovery, or a family member / concerned
        significant other, optionally linked to their loved one among the coach's clients."""
        box = QGroupBox(self.tr("Who the client is"), self)
        row = QHBoxLayout(box)
        self.kind = enum_combo(self, list(ClientKind), self.tr("Kind of client"))
        self.loved_one = QComboBox(self)
        self.loved_one.setAccessibleName(self.tr("Whose family member (one of your clients)"))
        self.loved_one.setMinimumContentsLength(18)
        self.loved_one.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relationship = QComboBox(self)
        self.relationship.addItem(self.tr("Not recorded"), "")
        for relation in Relationship:
            self.relationship.addItem(label(relation), relation.value)
        self.relationship.setAccessibleName(self.tr("Relationship to their loved one"))
        self._loved_ones: list[tuple[int, str]] = []
        self._linked: int | None = None
        for text, widget, field in (
            (self.tr("&Kind of client:"), self.kind, "kind"),
            (self.tr("&Whose family member:"), self.loved_one, "linked_client"),
            (self.tr("Relationship:"), self.relationship, "relationship"),
        ):
            caption, holder = self._captioned(text, widget, field)
            row.addWidget(caption)
            row.addWidget(holder, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.loved_one.currentIndexChanged.connect(self._loved_one_chosen)
        for combo in (self.kind, self.loved_one, self.relationship):
            combo.currentIndexChanged.connect(self.changed)
        self._fill_loved_ones()
        return box

    def _loved_one_chosen(self) -> None:
        self._linked = int(self.loved_one.currentData() or 0) or None

    def _kind_changed(self) -> None:
        family = self.kind.currentData() == ClientKind.FAMILY_MEMBER.value
        self.loved_one.setEnabled(family)
        self.relationship.setEnabled(family)

    def set_loved_ones(self, rows: Sequence[tuple[int, str]]) -> None:
        """Offer these clients (id, name: persons in recovery) as a family client's loved one."""
        self._loved_ones = [(i, n) for i, n in rows if i != self._id]
        loading, self._loading = self._loading, True
        try:
            self._fill_loved_ones()
        finally:
            self._loading = loading

    def _fill_loved_ones(self) -> None:
        combo = self.loved_one
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("Not a client of mine"), 0)
        for client_id, name in self._loved_ones:
            combo.addItem(
                self.tr("{name} (client {id})").format(name=name, id=client_id), client_id
            )
        if self._linked and combo.findData(self._linked) < 0:
            combo.addItem(self.tr("Client {id}").format(id=self._linked), self._linked)
        select_data(combo, self._linked or 0)
        combo.blockSignals(False)

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return form

    def _captioned(self, text: str, widget: QWidget, field: str) -> tuple[QLabel, QWidget]:
        """The caption of `widget` and a holder with the widget over its inline error."""
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        message = error_label(holder)
        column.addWidget(message)
        self.errors.register(field, widget, message)
        return caption, holder

    def _add_row(self, form: QFormLayout, text: str, widget: QWidget, field: str) -> None:
        form.addRow(*self._captioned(text, widget, field))

    def _line(
        self, form: QFormLayout, text: str, field: str, *, required: bool = False
    ) -> QLineEdit:
        edit = QLineEdit(self)
        name = strip_mnemonic(text)
        edit.setAccessibleName(name)
        if required:
            edit.setAccessibleDescription(self.tr("Required"))
            text = text.replace(":", self.tr(" (required):"))
        edit.textEdited.connect(self.changed)
        self._add_row(form, text, edit, field)
        return edit

    # -- model in and out ------------------------------------------------------------------

    def _touched(self) -> None:
        if not self._loading:
            self._dirty = True

    def is_dirty(self) -> bool:
        """True when the coach changed something since set_client() or from_draft()."""
        return self._dirty

    def to_draft(self) -> dict[str, Any]:
        """The form as entered (valid or not) as a JSON-able dict, to keep across a lock."""
        return {"kind": DRAFT_KIND, "client": model_to_json(self._read()), "dirty": self._dirty}

    def from_draft(self, draft: dict[str, Any]) -> None:
        """Restore what to_draft() kept."""
        if draft.get("kind") != DRAFT_KIND:
            raise ValidationError(self.tr("This draft is not a client."), "draft")
        self.set_client(model_from_json(Client, draft["client"]))
        self._dirty = bool(draft.get("dirty"))

    def reset(self) -> None:
        """Clear the form for a new client."""
        self.set_client(None)

    def set_client(self, client: Client | None) -> None:
        """Show `client` for editing; None clears the form for a new client."""
        self._loading = True
        try:
            self._fill(client)
        finally:
            self._loading = False
        self._dirty = False

    def _fill(self, client: Client | None) -> None:
        self.errors.clear()
        c = client or Client("", "", self._today(), Setting.COMMUNITY)
        self._id = c.id
        for name in (
            "given_name",
            "family_name",
            "preferred_name",
            "pronouns",
            "phone",
            "email",
            "address",
            "emergency_contact_name",
            "emergency_contact_phone",
            "facility",
            "referral_source",
            "status_reason",
        ):
            edit: QLineEdit = getattr(self, name)
            edit.setText(getattr(c, name))
        self.date_of_birth.set_value(c.date_of_birth)
        select_data(self.gender, c.gender)
        select_data(self.language, c.language)
        self.intake_date.setDate(to_qdate(c.intake_date))
        select_data(self.setting, c.setting)
        for pathway, box in self.pathways.items():
            box.setChecked(pathway in c.pathways)
        for race, box in self.race.items():
            box.setChecked(race in c.race)
        select_data(self.ethnicity, c.ethnicity.value if c.ethnicity else "")
        select_data(self.status, c.status)
        self.status_date.set_value(c.status_date)
        select_data(self.kind, c.kind.value)
        self._linked = c.linked_client_id
        self._fill_loved_ones()
        select_data(self.relationship, c.relationship.value if c.relationship else "")
        self._kind_changed()

    def _read(self) -> Client:
        kind = ClientKind(self.kind.currentData())
        family = kind == ClientKind.FAMILY_MEMBER
        relation = self.relationship.currentData()
        return Client(
            given_name=self.given_name.text().strip(),
            family_name=self.family_name.text().strip(),
            intake_date=from_qdate(self.intake_date.date()),
            setting=Setting(self.setting.currentData()),
            preferred_name=self.preferred_name.text().strip(),
            pronouns=self.pronouns.text().strip(),
            date_of_birth=self.date_of_birth.value(),
            gender=Gender(self.gender.currentData()),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            address=self.address.text().strip(),
            emergency_contact_name=self.emergency_contact_name.text().strip(),
            emergency_contact_phone=self.emergency_contact_phone.text().strip(),
            facility=self.facility.text().strip(),
            referral_source=self.referral_source.text().strip(),
            pathways=[p for p, box in self.pathways.items() if box.isChecked()],
            status=ClientStatus(self.status.currentData()),
            status_date=self.status_date.value(),
            status_reason=self.status_reason.text().strip(),
            language=str(self.language.currentData()),
            race=[r for r, box in self.race.items() if box.isChecked()],
            ethnicity=Ethnicity(self.ethnicity.currentData())
            if self.ethnicity.currentData()
            else None,
            kind=kind,
            linked_client_id=int(self.loved_one.currentData() or 0) or None if family else None,
            relationship=Relationship(relation) if family and relation else None,
            id=self._id,
        )

    def client(self) -> Client | None:
        """The client as entered, or None after showing the first problem next to its field."""
        c = self._read()

        def check() -> None:
            validation.client(c, self._today())
            problem = race_problem(c.race)
            if problem:
                raise ValidationError(
                    self.tr("Choose races or 'prefers not to say', not both."), "race"
                )

        return self.errors.check(check, c)

    def error_text(self) -> str:
        """The validation message shown now (empty when none)."""
        return self.errors.current()

    def _save(self) -> None:
        c = self.client()
        if c is not None:
            self.submitted.emit(c)
        elif (field := QApplication.focusWidget()) is not None and self.isAncestorOf(field):
            self.scroll_area.ensureWidgetVisible(field)  # the refused field, scrolled to
