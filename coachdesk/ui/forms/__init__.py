"""Client-workspace form widgets: pure views over coachdesk.core.models (no vault, no SQL).

The window shell composes them, feeds them model objects and acts on their signals. Every widget
belongs to the GUI thread.
"""

from __future__ import annotations

from coachdesk.ui.forms.barc10 import Barc10Form, Barc10TrendPlot
from coachdesk.ui.forms.client_form import ClientForm
from coachdesk.ui.forms.plan_editor import PlanEditor

__all__ = ["Barc10Form", "Barc10TrendPlot", "ClientForm", "PlanEditor"]
