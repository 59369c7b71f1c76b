"""Saving a recovery plan from the window: a new version only when one is worth keeping apart.

The decision (docs/domain.md, "Plan versions"): a save whose content differs from the latest
version makes a NEW version when that version was printed or saved as a PDF, carries a
signature date, or was saved before this unlock of the vault; otherwise it UPDATES that
version in place (the working version of this sitting). A save that changes nothing stores
nothing. A save of an older version shown in the editor always makes a new version: a stored
version is never overwritten once the plan has moved past it. Worker thread (as Caseload).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from coachdesk.application.caseload import CLIENT, Caseload
from coachdesk.core import validation
from coachdesk.core.models import RecoveryPlan
from coachdesk.i18n.catalog import Message
from coachdesk.storage import repos


class PlanSave(Enum):
    NEW = "new"  # a new version was stored
    UPDATED = "updated"  # the working version was updated in place
    UNCHANGED = "unchanged"  # nothing differed from the version shown: nothing stored


@dataclass(frozen=True, slots=True)
class SavedPlan:
    plan: RecoveryPlan  # as stored (or the latest, unchanged)
    outcome: PlanSave
    versions: list[tuple[int, datetime]]  # the client's versions after the save, newest first

    @property
    def message(self) -> Message:
        return Message(f"plan.save.{self.outcome.value}", {"version": self.plan.version})


def is_working(caseload: Caseload, plan: RecoveryPlan) -> bool:
    """True while `plan` (a stored version) may still be updated in place: saved in this
    unlock of the vault, never printed or saved as a PDF, and with no signature date."""
    started = repos.last_unlock(caseload.conn)
    return (
        plan.created_at is not None
        and started is not None
        and plan.created_at >= started
        and plan.client_signed_on is None
        and plan.coach_signed_on is None
        and not repos.plan_version_output(caseload.conn, plan.client_id, plan.version)
    )


def save_plan(caseload: Caseload, plan: RecoveryPlan) -> SavedPlan:
    """Save what the editor holds (`plan` keeps the number of the version it was edited from,
    0 for a first plan) as decided above, and forget the client's plan draft."""
    validation.plan(plan)
    conn = caseload.conn
    latest = repos.get_plan(conn, plan.client_id)
    shown = repos.get_plan(conn, plan.client_id, plan.version) if plan.version else None
    if shown is not None and repos.plan_to_json(shown) == repos.plan_to_json(plan):
        outcome, stored = PlanSave.UNCHANGED, shown
        with caseload.vault.transaction():
            repos.delete_draft(conn, "plan", str(plan.client_id))
    elif latest is not None and latest.version == plan.version and is_working(caseload, latest):
        outcome = PlanSave.UPDATED
        with caseload.vault.transaction():
            stored = repos.replace_plan_version(conn, plan)
            repos.delete_draft(conn, "plan", str(plan.client_id))
            caseload.audit.append(
                caseload.actor, "update", CLIENT, plan.client_id, f"plan version {stored.version}"
            )
    else:
        outcome, stored = PlanSave.NEW, caseload.save_plan(plan)
    return SavedPlan(stored, outcome, repos.plan_versions(conn, plan.client_id))
