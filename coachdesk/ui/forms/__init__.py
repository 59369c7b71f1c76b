"""Client-workspace form widgets: pure views over coachdesk.core.models (no vault, no SQL).

The window shell composes them, feeds them model objects and acts on their signals. Every widget
belongs to the GUI thread.
"""

from __future__ import annotations

from coachdesk.ui.forms.barc10 import Barc10Form, Barc10History, Barc10TrendPlot
from coachdesk.ui.forms.client_form import ClientForm
from coachdesk.ui.forms.consent import ConsentForm, ConsentList
from coachdesk.ui.forms.notes import NoteForm, NoteReader, NotesList
from coachdesk.ui.forms.outcome import OutcomeForm
from coachdesk.ui.forms.plan_editor import PlanEditor
from coachdesk.ui.forms.referrals import AuditTrailView, ReferralPanel

__all__ = [
    "AuditTrailView",
    "Barc10Form",
    "Barc10History",
    "Barc10TrendPlot",
    "ClientForm",
    "ConsentForm",
    "ConsentList",
    "NoteForm",
    "NoteReader",
    "NotesList",
    "OutcomeForm",
    "PlanEditor",
    "ReferralPanel",
]
