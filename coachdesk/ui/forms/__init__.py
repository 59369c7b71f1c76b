"""Client-workspace form widgets: pure views over coachdesk.core.models (no vault, no SQL).

The window shell composes them, feeds them model objects and acts on their signals. Every widget
belongs to the GUI thread.

The names below are imported on first use (PEP 562), not with the package: the unlock screen
uses ui.forms._common and ._messages, and must not wait for every form (issue 18).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coachdesk.ui.forms.barc10 import Barc10Form, Barc10History, Barc10TrendPlot
    from coachdesk.ui.forms.client_form import ClientForm
    from coachdesk.ui.forms.consent import ConsentForm, ConsentList
    from coachdesk.ui.forms.notes import NoteForm, NoteReader, NotesList
    from coachdesk.ui.forms.outcome import OutcomeForm
    from coachdesk.ui.forms.plan_editor import PlanEditor
    from coachdesk.ui.forms.referrals import AuditTrailView, ReferralPanel

_HOMES = {
    "AuditTrailView": "referrals",
    "Barc10Form": "barc10",
    "Barc10History": "barc10",
    "Barc10TrendPlot": "barc10",
    "ClientForm": "client_form",
    "ConsentForm": "consent",
    "ConsentList": "consent",
    "NoteForm": "notes",
    "NoteReader": "notes",
    "NotesList": "notes",
    "OutcomeForm": "outcome",
    "PlanEditor": "plan_editor",
    "ReferralPanel": "referrals",
}
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


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
