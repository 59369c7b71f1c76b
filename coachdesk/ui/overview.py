"""The client's overview: one calm, read-only page of what matters at a glance (what is due
next, last contact, the plan's goals, consents and their end, the latest BARC-10), the
workspace's first tab. Each part is a focusable text (Tab moves through them, a screen reader
reads each with its title); "Write a session note" is the one action. Filled from the
workspace's ClientBundle: no reading of its own. GUI thread only.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.application.caseload import Caseload
from coachdesk.core import barc10
from coachdesk.core.models import (
    Barc10Assessment,
    Consent,
    FamilyFollowUp,
    RecoveryPlan,
    Reminder,
    SessionNote,
    StepStatus,
)
from coachdesk.core.reminders import EXPIRING_DAYS as EXPIRING_DAYS  # the header's too
from coachdesk.ui.common import card, fmt_date, label, named, plural
from coachdesk.ui.today import item_title


@dataclass(frozen=True, slots=True)
class OverviewData:
    today: date
    due: list[Reminder]
    notes: list[SessionNote]
    plan: RecoveryPlan | None
    consents: list[Consent]
    series: list[Barc10Assessment]
    # A family client has no BARC-10 (docs/domain.md): their latest family follow-up instead.
    family: bool = False
    followups: list[FamilyFollowUp] = field(default_factory=list)


def load_overview(c: Caseload, client_id: int) -> OverviewData:
    """Worker thread: what the overview shows, read again when its tab is shown (the other
    tabs' writes change it). Not audited as a view: opening the client was."""
    family = c.get_client(client_id).is_family
    return OverviewData(
        c.today(),
        c.reminders(client_id),
        c.notes(client_id, 50),
        c.plan(client_id),
        c.consents(client_id),
        [] if family else c.barc10_series(client_id),
        family,
        c.family_followups(client_id) if family else [],
    )


MAX_ROWS = 4  # per part: the page stays one screen; the tabs hold the rest


class OverviewPage(QWidget):
    new_note_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._family = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        grid = QGridLayout()
        grid.setSpacing(10)
        self.parts: dict[str, tuple[QLabel, QLabel]] = {}
        places = {"due": (0, 0), "contact": (0, 1), "plan": (1, 0), "consents": (1, 1)}
        places["barc"] = (2, 0)
        for key, (row, column) in places.items():
            box = card()
            box_layout = QVBoxLayout(box)
            title = QLabel("")
            title.setObjectName("subtitle")
            body = QLabel("")
            body.setWordWrap(True)
            body.setTextFormat(Qt.TextFormat.RichText)
            body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            # Read-only but reachable: Tab stops on each part and a screen reader reads it.
            body.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
            box_layout.addWidget(title)
            box_layout.addWidget(body, 1)
            grid.addWidget(box, row, column)
            self.parts[key] = (title, body)
        actions = QHBoxLayout()
        self.note_button = QPushButton("")
        self.note_button.clicked.connect(self.new_note_requested)
        actions.addWidget(self.note_button)
        actions.addStretch(1)
        grid.addLayout(actions, 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        titles = {
            "due": self.tr("What is due"),
            "contact": self.tr("Last contact"),
            "plan": self.tr("Recovery plan"),
            "consents": self.tr("Consents (42 CFR Part 2)"),
            "barc": self._barc_title(),
        }
        for key, (title, body) in self.parts.items():
            title.setText(titles[key])
            body.setAccessibleName(titles[key])
        self.note_button.setText(self.tr("&Write a session note"))
        named(self.note_button, self.tr("Write a session note"))

    def _barc_title(self) -> str:
        return self.tr("Latest family follow-up") if self._family else self.tr("Latest BARC-10")

    def text_of(self, key: str) -> str:
        """A part's words without markup (tests, screen readers)."""
        return self.parts[key][1].accessibleDescription()

    def _set(self, key: str, lines: list[str]) -> None:
        body = self.parts[key][1]
        body.setText("<br>".join(lines))
        plain = " ".join(
            html.unescape(line.replace("<b>", "").replace("</b>", "")) for line in lines
        )
        body.setAccessibleDescription(plain)

    def clear(self) -> None:
        for _title, body in self.parts.values():
            body.clear()
            body.setAccessibleDescription("")

    def set_data(self, d: OverviewData) -> None:
        self._set("due", self._due(d.today, d.due))
        self._set("contact", self._contact(d.today, d.notes))
        self._set("plan", self._plan(d.plan))
        self._set("consents", self._consents(d.today, d.consents))
        self._family = d.family
        title = self.parts["barc"][0]
        title.setText(self._barc_title())
        self.parts["barc"][1].setAccessibleName(title.text())
        self._set("barc", self._followup(d.followups) if d.family else self._barc(d.series))

    # -- the parts -------------------------------------------------------------------------

    def _due(self, today: date, due: list[Reminder]) -> list[str]:
        if not due:
            return [self.tr("Nothing is due for this client.")]
        lines = []
        for r in sorted(due, key=lambda r: (not r.overdue, r.due_on))[:MAX_ROWS]:
            what = html.escape(item_title(r))
            if r.detail:
                what += ": " + html.escape(r.detail)
            if r.kind == "consent":  # its words say the date and what it asks (issue 17)
                lines.append(f"<b>{what}</b>")
            elif r.overdue:
                late = plural(
                    self.tr("{n, plural, one {# day late} other {# days late}}"),
                    (today - r.due_on).days,
                )
                lines.append(f"<b>{what}</b>: {fmt_date(r.due_on)}, {late}")
            elif r.window_closes_on is not None:
                closes = self.tr("window closes {d}").format(d=fmt_date(r.window_closes_on))
                lines.append(f"<b>{what}</b>: {closes}")
            else:
                lines.append(f"<b>{what}</b>: {fmt_date(r.due_on)}")
        if len(due) > MAX_ROWS:
            lines.append(
                plural(
                    self.tr("{n, plural, one {and # more on Today} other {and # more on Today}}"),
                    len(due) - MAX_ROWS,
                )
            )
        return lines

    def _contact(self, today: date, notes: list[SessionNote]) -> list[str]:
        sessions = [n for n in notes if not n.attempt_only]
        attempts = [n for n in notes if n.attempt_only]
        lines = []
        if sessions:
            last = max(sessions, key=lambda n: n.occurred_at)
            days = (today - last.occurred_at.astimezone().date()).days
            ago = (
                plural(self.tr("{n, plural, one {# day ago} other {# days ago}}"), days)
                if days > 0
                else self.tr("today")
            )
            lines.append(
                self.tr("<b>Session</b> on {d} ({ago}), {mode}").format(
                    d=fmt_date(last.occurred_at), ago=ago, mode=label(last.mode)
                )
            )
            if last.next_steps.strip():
                lines.append(
                    self.tr("Next steps: {s}").format(s=html.escape(last.next_steps.strip()))
                )
        else:
            lines.append(self.tr("No session yet."))
        if attempts:
            last_try = max(attempts, key=lambda n: n.occurred_at)
            if not sessions or last_try.occurred_at > max(n.occurred_at for n in sessions):
                lines.append(
                    self.tr("Tried to reach them on {d} ({mode})").format(
                        d=fmt_date(last_try.occurred_at), mode=label(last_try.mode)
                    )
                )
        return lines

    def _plan(self, plan: RecoveryPlan | None) -> list[str]:
        if plan is None or not plan.goals:
            return [self.tr("No recovery plan yet.")]
        lines = []
        for goal in plan.goals[:MAX_ROWS]:
            open_steps = sum(1 for s in goal.steps if s.status != StepStatus.DONE)
            steps = plural(
                self.tr("{n, plural, one {# open step} other {# open steps}}"), open_steps
            )
            lines.append(f"<b>{html.escape(goal.goal)}</b> ({label(goal.domain)}): {steps}")
        if len(plan.goals) > MAX_ROWS:
            lines.append(
                plural(
                    self.tr("{n, plural, one {and # more goal} other {and # more goals}}"),
                    len(plan.goals) - MAX_ROWS,
                )
            )
        if plan.review_date is not None:
            lines.append(self.tr("Next review: {d}").format(d=fmt_date(plan.review_date)))
        return lines

    def _consents(self, today: date, consents: list[Consent]) -> list[str]:
        if not consents:
            return [self.tr("No consent on file: nothing may be disclosed.")]
        soon = today + timedelta(days=EXPIRING_DAYS)
        lines = []
        for c in sorted(consents, key=lambda c: c.signed_on, reverse=True)[:MAX_ROWS]:
            who = html.escape(c.recipients)
            if c.revoked_on is not None and c.revoked_on <= today:
                state = self.tr("revoked on {d}").format(d=fmt_date(c.revoked_on))
            elif c.expires_on is not None and c.expires_on < today:
                state = self.tr("<b>expired</b> on {d}").format(d=fmt_date(c.expires_on))
            elif c.expires_on is not None and c.expires_on <= soon:
                state = self.tr("<b>ends soon</b>, on {d}").format(d=fmt_date(c.expires_on))
            elif c.expires_on is not None:
                state = self.tr("active until {d}").format(d=fmt_date(c.expires_on))
            else:
                state = self.tr("active until: {event}").format(event=html.escape(c.expiry_event))
            lines.append(f"{who}: {state}")
        if not any(c.is_active(today) for c in consents):
            lines.insert(0, self.tr("<b>No active consent</b>: nothing may be disclosed."))
        return lines

    def _followup(self, followups: list[FamilyFollowUp]) -> list[str]:
        if not followups:
            return [self.tr("No family follow-up recorded yet.")]
        last = max(followups, key=lambda f: (f.taken_on, f.id or 0))
        words = {None: self.tr("not known"), True: self.tr("yes"), False: self.tr("no")}
        return [
            f"<b>{fmt_date(last.taken_on)}</b>",
            self.tr("Loved one in treatment: {a}").format(a=words[last.loved_one_in_treatment]),
            self.tr("Loved one in recovery support: {a}").format(
                a=words[last.loved_one_in_support]
            ),
            self.tr("Their own support: {a}").format(a=words[last.own_support]),
        ]

    def _barc(self, series: list[Barc10Assessment]) -> list[str]:
        if not series:
            return [self.tr("No BARC-10 recorded yet.")]
        last = series[-1]
        meets = barc10.meets_threshold(last.total)
        lines = [
            self.tr("<b>{t}</b> of 60 on {d}").format(t=last.total, d=fmt_date(last.taken_on)),
            self.tr("At or above 47.") if meets else self.tr("Below 47."),
        ]
        if len(series) > 1:
            change = last.total - series[-2].total
            lines.append(self.tr("Change since the one before: {c:+d}").format(c=change))
        return lines
