"""Family recovery coaching in the window (issue 21): the family follow-up dialog, the
header's words for who the client is, and the loved-one choices of the client form. Every read
and write goes through the database worker. GUI thread only.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from coachdesk.app.worker import Database
from coachdesk.application.caseload import Caseload
from coachdesk.application.changes import Changes, Kind
from coachdesk.core.models import Client, ClientKind, FamilyFollowUp
from coachdesk.errors import CoachDeskError
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._messages import error_text
from coachdesk.ui.forms.client_form import ClientForm
from coachdesk.ui.forms.family import FamilyFollowUpForm
from coachdesk.ui.forms.labels import label

LOVED_ONES_LIMIT = 5_000  # the loved-one choices: persons in recovery of the caseload


def load_loved_ones(db: Database, form: ClientForm) -> None:
    """Offer the caseload's persons in recovery as a family client's loved one."""

    def rows(c: Caseload) -> list[tuple[int, str]]:
        found = c.list_clients(kind=ClientKind.PERSON_IN_RECOVERY, limit=LOVED_ONES_LIMIT)
        return [(r.id, r.name) for r in found]

    def shown(choices: list[tuple[int, str]]) -> None:
        with contextlib.suppress(RuntimeError):  # the dialog closed before the answer came
            form.set_loved_ones(choices)

    db.call(rows, shown)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Family", text)


def who_line(client: Client, db: Database, show: Callable[[str], None]) -> None:
    """Words for the header about who the client is: "Family member (Parent) of Brael Ostrum"
    or "Family: Ilsa Ostrum" for a person with family clients. `show` gets them (maybe "")."""
    cid = client.id or 0
    kind, relation, linked = client.kind, client.relationship, client.linked_client_id

    def words(c: Caseload) -> str:
        if kind == ClientKind.FAMILY_MEMBER:
            first = label(kind) if relation is None else f"{label(kind)} ({label(relation)})"
            if linked is None:
                return first
            return _tr("%1 of %2").replace("%1", first).replace("%2", c.client_name(linked))
        family = c.family_of(cid)
        if not family:
            return ""  # a person in recovery without family clients: nothing to add
        return _tr("Family: %1").replace("%1", ", ".join(name for _, name in family))

    db.call(words, show)


class FamilyFollowUpDialog(QDialog):
    """A family client's follow-ups: record one, see the earlier ones."""

    def __init__(self, db: Database, client: Client, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.db = db
        self.client_id = client.id or 0
        self.setWindowTitle(_tr("Family follow-up: %1").replace("%1", client.display_name))
        self.resize(800, 520)
        layout = QVBoxLayout(self)
        self.form = FamilyFollowUpForm(self)
        self.form.reset(self.client_id)
        layout.addWidget(self.form, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.form.submitted.connect(self._record)
        self.db.call(lambda c: c.family_followups(self.client_id), self._shown)

    def _shown(self, followups: list[FamilyFollowUp]) -> None:
        with contextlib.suppress(RuntimeError):  # closed meanwhile
            self.form.set_followups(followups)

    def _record(self, followup: FamilyFollowUp) -> None:
        def fn(c: Caseload) -> list[FamilyFollowUp]:
            c.record_family_followup(followup)
            return c.family_followups(followup.client_id)

        def done(followups: list[FamilyFollowUp]) -> None:
            self.form.reset(self.client_id)
            self._shown(followups)

        def failed(error: CoachDeskError) -> None:
            self.form.show_error(error_text(error))

        changes = Changes.of(Kind.OUTCOME, Kind.AUDIT, client=self.client_id)
        self.db.write(fn, changes, done, failed)


def open_followups(db: Database, client: Client, parent: QWidget) -> FamilyFollowUpDialog:
    dialog = FamilyFollowUpDialog(db, client, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
