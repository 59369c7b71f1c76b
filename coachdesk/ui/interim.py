"""Plain stand-ins for the client-workspace forms, used until coachdesk.ui.forms provides them.

Pure views (no vault access): they emit domain objects; the workspace controller stores them
through the database worker. Threading: GUI thread only.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core import barc10, validation
from coachdesk.core.models import (
    AuditEntry,
    Barc10Assessment,
    Client,
    Consent,
    ContactMode,
    Goal,
    LifeDomain,
    OutcomeAssessment,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Resource,
    SessionNote,
    Setting,
    Timepoint,
)
from coachdesk.errors import ValidationError
from coachdesk.storage.repos import NoteHit, plan_from_json, plan_to_json
from coachdesk.ui.common import (
    enum_req,
    fill_combo,
    fmt_date,
    from_qdate,
    label,
    named,
    to_qdate,
    translated,
)


def _date_edit(name: str, value: date | None = None) -> QDateEdit:
    edit = named(QDateEdit(), name)
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(value or date.today()))
    return edit


def _row(form: QFormLayout, text: str, widget: QWidget) -> None:
    lab = QLabel(text)
    lab.setBuddy(widget)
    form.addRow(lab, widget)


class ClientForm(QWidget):
    """Add or edit a client (the essentials; inline validation through core.validation)."""

    submitted = Signal(object)
    cancelled = Signal()
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.given = named(QLineEdit(), self.tr("Given name"))
        self.family = named(QLineEdit(), self.tr("Family name"))
        self.preferred = named(QLineEdit(), self.tr("Preferred name"))
        self.pronouns = named(QLineEdit(), self.tr("Pronouns"))
        self.setting = named(QComboBox(), self.tr("Setting"))
        fill_combo(self.setting, Setting)
        self.intake = _date_edit(self.tr("Intake date"))
        for text, widget in (
            (self.tr("&Given name:"), self.given),
            (self.tr("&Family name:"), self.family),
            (self.tr("&Preferred name:"), self.preferred),
            (self.tr("Pro&nouns:"), self.pronouns),
            (self.tr("Se&tting:"), self.setting),
            (self.tr("&Intake date:"), self.intake),
        ):
            _row(form, text, widget)
        self.error = QLabel("")
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QHBoxLayout()
        self.save = named(QPushButton(self.tr("&Save")), self.tr("Save client"))
        self.save.setObjectName("primary")
        self.save.setDefault(True)
        self.cancel = named(QPushButton(self.tr("Cancel")), self.tr("Cancel"))
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.save)
        form.addRow(buttons)
        self.save.clicked.connect(self._save)
        self.cancel.clicked.connect(self.cancelled)
        self._id: int | None = None
        for edit in (self.given, self.family):
            edit.textEdited.connect(lambda _t: self._validate(quiet=True))

    def set_client(self, client: Client | None) -> None:
        self._id = client.id if client else None
        self.given.setText(client.given_name if client else "")
        self.family.setText(client.family_name if client else "")
        self.preferred.setText(client.preferred_name if client else "")
        self.pronouns.setText(client.pronouns if client else "")

    def client(self) -> Client:
        return Client(
            self.given.text().strip(),
            self.family.text().strip(),
            from_qdate(self.intake.date()),
            enum_req(self.setting, Setting),
            preferred_name=self.preferred.text().strip(),
            pronouns=self.pronouns.text().strip(),
            id=self._id,
        )

    def _validate(self, quiet: bool = False) -> Client | None:
        client = self.client()
        try:
            validation.client(client, date.today())
        except ValidationError as exc:
            if not quiet:
                self.error.setText(translated(str(exc), "Validation"))
                widget = {"given_name": self.given, "family_name": self.family}.get(exc.field)
                if widget is not None:
                    widget.setProperty("invalid", True)
                    widget.style().polish(widget)
                    widget.setFocus()
            return None
        self.error.clear()
        for widget in (self.given, self.family):
            widget.setProperty("invalid", False)
            widget.style().polish(widget)
        return client

    def _save(self) -> None:
        client = self._validate()
        if client is not None:
            self.submitted.emit(client)

    def show_error(self, message: str) -> None:
        self.error.setText(message)


class ConsentForm(QWidget):
    """The 42 CFR 2.31 elements, one field each."""

    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.client_id = 0
        heading = QLabel(self.tr("New consent to disclose (42 CFR 2.31)"))
        heading.setObjectName("subtitle")
        form.addRow(heading)
        self.disclosing = named(QLineEdit(), self.tr("Who may disclose"))
        self.information = named(QLineEdit(), self.tr("Information to disclose"))
        self.recipients = named(QLineEdit(), self.tr("Recipient"))
        self.purpose = named(QLineEdit(), self.tr("Purpose"))
        self.revocation = named(QLineEdit(), self.tr("Right to revoke and how"))
        self.revocation.setText(
            self.tr("The client may revoke this consent at any time, in writing or orally.")
        )
        self.revocation.setCursorPosition(0)
        self.expiry_event = named(QLineEdit(), self.tr("Expiry event"))
        self.expires = _date_edit(self.tr("Expiry date"), date(date.today().year + 1, 1, 1))
        self.signed_by = named(QLineEdit(), self.tr("Signed by"))
        self.signed_on = _date_edit(self.tr("Date signed"))
        for text, widget in (
            (self.tr("Who may &disclose:"), self.disclosing),
            (self.tr("&Information:"), self.information),
            (self.tr("&Recipient:"), self.recipients),
            (self.tr("&Purpose:"), self.purpose),
            (self.tr("Right to re&voke:"), self.revocation),
            (self.tr("E&xpires on:"), self.expires),
            (self.tr("Or expiry &event:"), self.expiry_event),
            (self.tr("Si&gned by:"), self.signed_by),
            (self.tr("Signed o&n:"), self.signed_on),
        ):
            _row(form, text, widget)
        self.error = QLabel("")
        self.error.setObjectName("error")
        form.addRow(self.error)
        self.add = named(QPushButton(self.tr("Add &consent")), self.tr("Add consent"))
        self.add.clicked.connect(self._submit)
        form.addRow(self.add)

    def consent(self) -> Consent:
        return Consent(
            self.client_id,
            self.disclosing.text().strip(),
            self.information.text().strip(),
            self.recipients.text().strip(),
            self.purpose.text().strip(),
            self.revocation.text().strip(),
            from_qdate(self.expires.date()),
            self.expiry_event.text().strip(),
            self.signed_by.text().strip(),
            from_qdate(self.signed_on.date()),
        )

    def _submit(self) -> None:
        consent = self.consent()
        try:
            validation.consent(consent)
        except ValidationError as exc:
            self.error.setText(translated(str(exc), "Validation"))
            return
        self.error.clear()
        self.submitted.emit(consent)

    def reset(self) -> None:
        for edit in (
            self.disclosing,
            self.information,
            self.recipients,
            self.purpose,
            self.expiry_event,
            self.signed_by,
        ):
            edit.clear()


class ConsentList(QWidget):
    revoke = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.list = named(QListWidget(), self.tr("Consents"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(self.list)
        self.revoke_button = named(
            QPushButton(self.tr("Re&voke selected")), self.tr("Revoke consent")
        )
        self.revoke_button.clicked.connect(self._revoke)
        layout.addWidget(self.revoke_button)

    def set_consents(self, consents: list[Consent]) -> None:
        self.list.clear()
        today = date.today()
        for c in consents:
            state = (
                self.tr("revoked {d}").format(d=fmt_date(c.revoked_on))
                if c.revoked_on
                else (self.tr("active") if c.is_active(today) else self.tr("expired"))
            )
            item = QListWidgetItem(
                self.tr("To {who} for {why} (signed {d}) - {state}").format(
                    who=c.recipients, why=c.purpose, d=fmt_date(c.signed_on), state=state
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)

    def _revoke(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.revoke.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class PlanEditor(QWidget):
    """Vision and goals by life domain. Saving makes a new version."""

    changed = Signal()
    save_requested = Signal()
    version_selected = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id = 0
        self._dirty = False
        self._base: RecoveryPlan | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.versions = named(QComboBox(), self.tr("Plan version"))
        self.versions.activated.connect(
            lambda i: self.version_selected.emit(int(self.versions.itemData(i) or 0))
        )
        top.addWidget(QLabel(self.tr("Version:")))
        top.addWidget(self.versions)
        top.addStretch(1)
        layout.addLayout(top)
        self.vision = named(
            QPlainTextEdit(),
            self.tr("Vision"),
            self.tr("The client's own words: what recovery looks like for them"),
        )
        self.vision.setMaximumHeight(80)
        vision_label = QLabel(self.tr("&Vision (in the client's words):"))
        vision_label.setBuddy(self.vision)
        layout.addWidget(vision_label)
        layout.addWidget(self.vision)
        self.goals = named(QTableWidget(0, 3), self.tr("Goals"))
        self.goals.setHorizontalHeaderLabels(
            [self.tr("Life domain"), self.tr("Goal"), self.tr("Why it matters")]
        )
        self.goals.horizontalHeader().setStretchLastSection(True)
        self.goals.setColumnWidth(0, 220)
        self.goals.setColumnWidth(1, 320)
        goals_label = QLabel(self.tr("&Goals:"))
        goals_label.setBuddy(self.goals)
        layout.addWidget(goals_label)
        layout.addWidget(self.goals, 1)
        row = QHBoxLayout()
        self.add_goal = named(QPushButton(self.tr("Add &goal")), self.tr("Add goal"))
        self.add_goal.clicked.connect(lambda: self.append_goal(Goal(LifeDomain.SUBSTANCE_USE, "")))
        self.save = named(QPushButton(self.tr("&Save plan")), self.tr("Save plan"))
        self.save.setObjectName("primary")
        self.save.clicked.connect(self.save_requested)
        self.print_button = named(QPushButton(self.tr("&Print…")), self.tr("Print plan"))
        row.addWidget(self.add_goal)
        row.addStretch(1)
        row.addWidget(self.print_button)
        row.addWidget(self.save)
        layout.addLayout(row)
        self.vision.textChanged.connect(self._touch)
        self.goals.itemChanged.connect(lambda _i: self._touch())

    def _touch(self) -> None:
        self._dirty = True
        self.changed.emit()

    def is_dirty(self) -> bool:
        return self._dirty

    def append_goal(self, goal: Goal) -> None:
        row = self.goals.rowCount()
        self.goals.insertRow(row)
        combo = named(QComboBox(), self.tr("Life domain of goal {n}").format(n=row + 1))
        fill_combo(combo, LifeDomain)
        combo.setCurrentIndex(max(0, combo.findData(goal.domain.value)))
        combo.currentIndexChanged.connect(lambda _i: self._touch())
        self.goals.setCellWidget(row, 0, combo)
        self.goals.setItem(row, 1, QTableWidgetItem(goal.goal))
        self.goals.setItem(row, 2, QTableWidgetItem(goal.why_it_matters))
        self._touch()

    def set_plan(self, plan: RecoveryPlan | None, client_id: int) -> None:
        self.client_id = client_id
        self._base = plan
        self.vision.blockSignals(True)
        self.vision.setPlainText(plan.vision if plan else "")
        self.vision.blockSignals(False)
        self.goals.setRowCount(0)
        for goal in plan.goals if plan else []:
            self.append_goal(goal)
        self._dirty = False

    def set_versions(self, versions: list[tuple[int, datetime]], current: int) -> None:
        self.versions.clear()
        for number, created in versions:
            self.versions.addItem(
                self.tr("{n} ({d})").format(n=number, d=fmt_date(created)), number
            )
        self.versions.setCurrentIndex(max(0, self.versions.findData(current)))

    def plan(self) -> RecoveryPlan:
        goals = []
        for row in range(self.goals.rowCount()):
            combo = self.goals.cellWidget(row, 0)
            text = self.goals.item(row, 1)
            why = self.goals.item(row, 2)
            goal_text = text.text().strip() if text else ""
            if not goal_text:
                continue
            domain = (
                enum_req(combo, LifeDomain) if isinstance(combo, QComboBox) else LifeDomain.HEALTH
            )
            goals.append(Goal(domain, goal_text, why.text().strip() if why else ""))
        base = self._base
        plan = RecoveryPlan(self.client_id, self.vision.toPlainText().strip(), goals)
        if base is not None:
            plan.strengths, plan.barriers, plan.supports = (
                base.strengths,
                base.barriers,
                base.supports,
            )
            plan.wellness, plan.review_date = base.wellness, base.review_date
        return plan

    def to_draft(self) -> dict[str, Any]:
        import json

        body: dict[str, Any] = json.loads(plan_to_json(self.plan()))
        return body

    def from_draft(self, body: dict[str, Any]) -> None:
        import json

        plan = plan_from_json(json.dumps(body), self.client_id, 0, datetime.now(UTC).isoformat(), 0)
        plan.id = None
        self.set_plan(plan, self.client_id)
        self._dirty = True


class NoteForm(QWidget):
    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id = 0
        layout = QVBoxLayout(self)
        self.text = named(
            QPlainTextEdit(),
            self.tr("Session note"),
            self.tr("Plain words: what happened, what the client chose"),
        )
        self.text.setMaximumHeight(90)
        note_label = QLabel(self.tr("New &note (Ctrl+Shift+N):"))
        note_label.setBuddy(self.text)
        layout.addWidget(note_label)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.mode = named(QComboBox(), self.tr("Contact mode"))
        fill_combo(self.mode, ContactMode)
        self.minutes = named(QSpinBox(), self.tr("Duration in minutes"))
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setValue(30)
        self.minutes.setSuffix(self.tr(" min"))
        self.attempt = named(
            QCheckBox(self.tr("Contact &attempt only")), self.tr("Contact attempt only")
        )
        self.add = named(QPushButton(self.tr("A&dd note")), self.tr("Add note"))
        self.add.setObjectName("primary")
        self.add.clicked.connect(self._submit)
        for widget in (self.mode, self.minutes, self.attempt):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.add)
        layout.addLayout(row)
        self.error = QLabel("")
        self.error.setObjectName("error")
        layout.addWidget(self.error)

    def note(self) -> SessionNote:
        return SessionNote(
            self.client_id,
            datetime.now(UTC),
            enum_req(self.mode, ContactMode),
            self.text.toPlainText().strip(),
            self.minutes.value(),
            attempt_only=self.attempt.isChecked(),
        )

    def _submit(self) -> None:
        note = self.note()
        try:
            validation.note(note)
        except ValidationError as exc:
            self.error.setText(translated(str(exc), "Validation"))
            return
        self.error.clear()
        self.submitted.emit(note)

    def reset(self) -> None:
        self.text.clear()
        self.attempt.setChecked(False)


class NotesList(QWidget):
    search = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.search_box = named(QLineEdit(), self.tr("Search notes"))
        self.search_box.setPlaceholderText(self.tr("Search this client's notes"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(lambda: self.search.emit(self.search_box.text()))
        self.search_box.textChanged.connect(lambda t: self.search.emit("") if not t else None)
        search_label = QLabel(self.tr("Sea&rch notes:"))
        search_label.setBuddy(self.search_box)
        row.addWidget(search_label)
        row.addWidget(self.search_box, 1)
        layout.addLayout(row)
        self.list = named(QListWidget(), self.tr("Session notes"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)

    def set_notes(self, notes: list[SessionNote]) -> None:
        self.list.clear()
        for n in notes:
            kind = self.tr("Attempt") if n.attempt_only else label(n.mode)
            self.list.addItem(
                f"{fmt_date(n.occurred_at)} · {kind} · {n.duration_minutes} min\n{n.text}"
            )

    def set_hits(self, hits: list[NoteHit]) -> None:
        self.list.clear()
        for hit in hits:
            self.list.addItem(f"{fmt_date(hit.occurred_at)}\n{hit.snippet}")
        if not hits:
            self.list.addItem(self.tr("No note matches."))


class Barc10Form(QWidget):
    """The ten BARC-10 statements with the published answer wording; shows the total."""

    submitted = Signal(object, object)  # answers tuple, date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.combos: list[QComboBox] = []
        for i, item in enumerate(barc10.ITEMS):
            text = QLabel(f"{i + 1}. {translated(item, 'Barc10')}")
            text.setWordWrap(True)
            combo = named(
                QComboBox(),
                self.tr("Statement {n}").format(n=i + 1),
                translated(item, "Barc10"),
            )
            combo.addItem(self.tr("choose…"), None)
            for value, answer in enumerate(barc10.ANSWERS, start=1):
                combo.addItem(f"{value} {translated(answer, 'Barc10')}", value)
            combo.currentIndexChanged.connect(self._update)
            text.setBuddy(combo)
            grid.addWidget(text, i, 0)
            grid.addWidget(combo, i, 1)
            self.combos.append(combo)
        self.date = _date_edit(self.tr("Date taken"))
        grid.addWidget(QLabel(self.tr("Taken on:")), 10, 0)
        grid.addWidget(self.date, 10, 1)
        self.total = QLabel("")
        self.total.setObjectName("subtitle")
        self.total.setAccessibleName(self.tr("BARC-10 total"))
        grid.addWidget(self.total, 11, 0)
        self.record = named(QPushButton(self.tr("&Record BARC-10")), self.tr("Record BARC-10"))
        self.record.setObjectName("primary")
        self.record.clicked.connect(self._submit)
        grid.addWidget(self.record, 11, 1)
        grid.setColumnStretch(0, 1)
        self._update()

    def answers(self) -> list[int | None]:
        return [c.currentData() for c in self.combos]

    def set_answers(self, values: list[int]) -> None:
        for combo, value in zip(self.combos, values, strict=True):
            combo.setCurrentIndex(combo.findData(value))

    def _update(self) -> None:
        answers = self.answers()
        done = [a for a in answers if a is not None]
        if len(done) == len(answers):
            self.total.setText(self.tr("Total: {t} of 60").format(t=sum(done)))
        else:
            self.total.setText(self.tr("{n} of 10 answered").format(n=len(done)))
        self.record.setEnabled(len(done) == len(answers))

    def _submit(self) -> None:
        answers = self.answers()
        if all(a is not None for a in answers):
            self.submitted.emit(tuple(answers), from_qdate(self.date.date()))

    def reset(self) -> None:
        for combo in self.combos:
            combo.setCurrentIndex(0)


class Barc10TrendPlot(QWidget):
    """BARC-10 totals over time, drawn with QPainter, with the 47 line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[Barc10Assessment] = []
        self.setMinimumHeight(200)
        self.setAccessibleName(self.tr("BARC-10 trend"))

    def set_series(self, series: list[Barc10Assessment]) -> None:
        self.series = sorted(series, key=lambda a: (a.taken_on, a.id or 0))
        self.setAccessibleDescription(
            ", ".join(f"{fmt_date(a.taken_on)}: {a.total}" for a in self.series)
        )
        self.update()

    def paintEvent(self, _event: Any) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor("#ffffff"))
        m_left, m_right, m_top, m_bottom = 44, 16, 16, 30
        area = QRectF(
            m_left, m_top, self.width() - m_left - m_right, self.height() - m_top - m_bottom
        )

        def y_of(total: float) -> float:
            return area.bottom() - (total - 10) / 50 * area.height()

        for tick in (10, 20, 30, 40, 50, 60):
            p.setPen(QPen(QColor("#d5dcda"), 1))
            p.drawLine(QPointF(area.left(), y_of(tick)), QPointF(area.right(), y_of(tick)))
            p.setPen(QColor("#4a5a5c"))
            p.drawText(
                QRectF(0, y_of(tick) - 8, m_left - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
        p.setPen(QPen(QColor("#2e6b3a"), 2, Qt.PenStyle.DashLine))
        y47 = y_of(barc10.REMISSION_THRESHOLD)
        p.drawLine(QPointF(area.left(), y47), QPointF(area.right(), y47))
        p.drawText(
            QRectF(area.left() + 4, y47 - 18, 260, 16),
            int(Qt.AlignmentFlag.AlignLeft),
            self.tr("47: sustained remission likely"),
        )
        if not self.series:
            p.setPen(QColor("#55656a"))
            p.drawText(area, int(Qt.AlignmentFlag.AlignCenter), self.tr("No BARC-10 yet"))
            p.end()
            return
        first = self.series[0].taken_on.toordinal()
        span = max(1, self.series[-1].taken_on.toordinal() - first)
        n = len(self.series)

        def x_of(i: int, a: Barc10Assessment) -> float:
            if n == 1:
                return area.center().x()
            return area.left() + (a.taken_on.toordinal() - first) / span * area.width()

        path = QPainterPath()
        points = [QPointF(x_of(i, a), y_of(a.total)) for i, a in enumerate(self.series)]
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        p.setPen(QPen(QColor("#2f7f86"), 2.5))
        p.drawPath(path)
        p.setBrush(QColor("#2f7f86"))
        for point, a in zip(points, self.series, strict=True):
            p.drawEllipse(point, 4, 4)
            p.drawText(
                QRectF(point.x() - 20, point.y() - 22, 40, 16),
                int(Qt.AlignmentFlag.AlignCenter),
                str(a.total),
            )
        p.setPen(QColor("#55656a"))
        p.drawText(
            QRectF(area.left(), area.bottom() + 6, 120, 20),
            int(Qt.AlignmentFlag.AlignLeft),
            fmt_date(self.series[0].taken_on),
        )
        if n > 1:
            p.drawText(
                QRectF(area.right() - 120, area.bottom() + 6, 120, 20),
                int(Qt.AlignmentFlag.AlignRight),
                fmt_date(self.series[-1].taken_on),
            )
        p.end()


class OutcomeForm(QWidget):
    submitted = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id = 0
        form = QFormLayout(self)
        self.timepoint = named(QComboBox(), self.tr("Timepoint"))
        fill_combo(self.timepoint, Timepoint)
        self.taken = _date_edit(self.tr("Date of the interview"))
        self.days_used = named(QSpinBox(), self.tr("Days used in the past 30 days"))
        self.days_used.setRange(0, 30)
        self.arrests = named(QSpinBox(), self.tr("Arrests in the past 30 days"))
        self.arrests.setRange(0, 99)
        self.ed_visits = named(QSpinBox(), self.tr("Emergency department visits"))
        self.ed_visits.setRange(0, 99)
        self.connected = named(QSpinBox(), self.tr("Social connectedness, 1 to 5"))
        self.connected.setRange(1, 5)
        self.connected.setValue(3)
        for text, widget in (
            (self.tr("&Timepoint:"), self.timepoint),
            (self.tr("Ta&ken on:"), self.taken),
            (self.tr("Days &used (30 days):"), self.days_used),
            (self.tr("&Arrests (30 days):"), self.arrests),
            (self.tr("&ED visits (30 days):"), self.ed_visits),
            (self.tr("Social &connectedness (1-5):"), self.connected),
        ):
            _row(form, text, widget)
        self.save = named(QPushButton(self.tr("Save &outcomes")), self.tr("Save outcomes"))
        self.save.clicked.connect(self._submit)
        form.addRow(self.save)
        self.history = named(QListWidget(), self.tr("Recorded outcomes"))
        form.addRow(self.history)

    def _submit(self) -> None:
        self.submitted.emit(
            OutcomeAssessment(
                self.client_id,
                enum_req(self.timepoint, Timepoint),
                from_qdate(self.taken.date()),
                days_used=self.days_used.value(),
                arrests=self.arrests.value(),
                ed_visits=self.ed_visits.value(),
                social_connectedness=self.connected.value(),
            )
        )

    def set_outcomes(self, outcomes: list[OutcomeAssessment]) -> None:
        self.history.clear()
        for o in outcomes:
            self.history.addItem(
                self.tr("{tp} on {d}: {days} days used, {arrests} arrests").format(
                    tp=label(o.timepoint),
                    d=fmt_date(o.taken_on),
                    days=o.days_used,
                    arrests=o.arrests,
                )
            )


class ReferralPanel(QWidget):
    """Make a referral to a directory resource; advance its status."""

    make = Signal(object)  # Referral
    advance = Signal(int, object)  # referral id, ReferralStatus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id = 0
        self._resources: dict[int, Resource] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.resource = named(QComboBox(), self.tr("Resource to refer to"))
        self.follow_up = _date_edit(self.tr("Follow-up date"))
        self.refer = named(QPushButton(self.tr("&Refer")), self.tr("Make referral"))
        self.refer.clicked.connect(self._make)
        res_label = QLabel(self.tr("Re&source:"))
        res_label.setBuddy(self.resource)
        row.addWidget(res_label)
        row.addWidget(self.resource, 1)
        row.addWidget(QLabel(self.tr("Follow up:")))
        row.addWidget(self.follow_up)
        row.addWidget(self.refer)
        layout.addLayout(row)
        self.table = named(QTableWidget(0, 4), self.tr("Referrals"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Resource"), self.tr("Status"), self.tr("Since"), self.tr("Follow up")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        row2 = QHBoxLayout()
        self.next_status = named(QComboBox(), self.tr("New status"))
        fill_combo(self.next_status, [s for s in ReferralStatus if s != ReferralStatus.MADE])
        self.advance_button = named(
            QPushButton(self.tr("&Update status")), self.tr("Update referral status")
        )
        self.advance_button.clicked.connect(self._advance)
        row2.addWidget(QLabel(self.tr("Selected referral becomes:")))
        row2.addWidget(self.next_status)
        row2.addWidget(self.advance_button)
        row2.addStretch(1)
        layout.addLayout(row2)

    def set_resources(self, resources: list[Resource]) -> None:
        self._resources = {r.id: r for r in resources if r.id is not None}
        self.resource.clear()
        for r in resources:
            self.resource.addItem(f"{r.name} ({label(r.category)})", r.id)

    def set_referrals(self, referrals: list[Referral]) -> None:
        self.table.setRowCount(0)
        for ref in referrals:
            row = self.table.rowCount()
            self.table.insertRow(row)
            res = self._resources.get(ref.resource_id or -1)
            name = res.name if res else label(ref.category)
            cells = [
                name,
                label(ref.status),
                fmt_date(ref.status_on or ref.made_on),
                fmt_date(ref.follow_up_on),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, ref.id)
                self.table.setItem(row, col, item)

    def _make(self) -> None:
        rid = self.resource.currentData()
        res = self._resources.get(rid) if rid is not None else None
        if res is None:
            return
        self.make.emit(
            Referral(
                self.client_id,
                res.category,
                date.today(),
                res.id,
                follow_up_on=from_qdate(self.follow_up.date()),
            )
        )

    def _advance(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is not None:
            self.advance.emit(
                int(item.data(Qt.ItemDataRole.UserRole)),
                enum_req(self.next_status, ReferralStatus),
            )


class AuditTrailView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = named(QTableWidget(0, 4), self.tr("Audit trail"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Detail")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.table.setRowCount(0)
        for e in entries:
            row = self.table.rowCount()
            self.table.insertRow(row)
            when = QDateTime(e.at).toLocalTime()
            for col, text in enumerate(
                [when.toString("yyyy-MM-dd HH:mm"), e.actor, e.action, e.detail]
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
