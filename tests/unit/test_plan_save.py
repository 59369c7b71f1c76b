"""The window's plan save (application/plans.py, issue 17: every small save made a version):
a new version only when the latest was printed or saved as a PDF, signed, or saved before
this unlock; otherwise the working version is updated; an unchanged save stores nothing.
Real vault, real audit log, the real print and PDF use cases."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from coachdesk.application import documents, plans
from coachdesk.application.caseload import Caseload
from coachdesk.application.plans import PlanSave
from coachdesk.core.models import Client, Goal, LifeDomain, RecoveryPlan, Setting
from coachdesk.errors import CoachDeskError
from coachdesk.storage.vault import Vault

TODAY = date(2026, 12, 2)


@pytest.fixture
def caseload(vault: Vault) -> Caseload:
    return Caseload(vault, today=TODAY)


def _client(caseload: Caseload) -> int:
    return caseload.add_client(Client("Tavi", "Orbesk", date(2026, 6, 1), Setting.COMMUNITY))


def _edit(plan: RecoveryPlan, vision: str) -> RecoveryPlan:
    plan.vision = vision
    return plan


def test_small_saves_in_one_sitting_update_one_working_version(caseload: Caseload) -> None:
    cid = _client(caseload)
    first = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home"))
    assert (first.outcome, first.plan.version) == (PlanSave.NEW, 1)
    second = plans.save_plan(caseload, _edit(first.plan, "A calm home and a job"))
    third = plans.save_plan(caseload, _edit(second.plan, "A calm home and a steady job"))
    assert [second.outcome, third.outcome] == [PlanSave.UPDATED, PlanSave.UPDATED]
    assert [v for v, _ in third.versions] == [1]
    stored = caseload.plan(cid)
    assert stored is not None and stored.vision == "A calm home and a steady job"
    assert stored.id == first.plan.id and stored.created_at == first.plan.created_at
    # the plan search finds the words saved last, and no longer those they replaced
    assert [hit[2] for hit in caseload.search_plans("steady")] == [1]
    assert caseload.search_plans("calm")
    plans.save_plan(caseload, _edit(third.plan, "A quiet flat"))
    assert caseload.search_plans("quiet") and not caseload.search_plans("steady")
    trail = [(e.action, e.detail) for e in caseload.audit_trail(cid)]
    assert trail.count(("update", "plan version 1")) == 3
    assert third.message.text("en") == (
        "Version 1 updated (not printed or signed yet, so no new version)."
    )
    assert third.message.text("es").startswith("Versión 1 actualizada")


def test_an_unchanged_save_stores_nothing(caseload: Caseload) -> None:
    cid = _client(caseload)
    first = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home"))
    again = plans.save_plan(caseload, first.plan)
    assert again.outcome == PlanSave.UNCHANGED and [v for v, _ in again.versions] == [1]
    assert again.message.text("en") == "Nothing changed since version 1; nothing to save."
    assert again.message.text("es") == "Nada cambió desde la versión 1; no hay nada que guardar."


def test_a_printed_or_pdf_saved_version_is_kept_and_the_edit_is_a_new_one(
    caseload: Caseload, tmp_path: Path
) -> None:
    cid = _client(caseload)
    one = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home")).plan
    documents.record_print(caseload, documents.render_plan(caseload, cid), pages=2)
    two = plans.save_plan(caseload, _edit(one, "A calm home and a job"))
    assert (two.outcome, two.plan.version) == (PlanSave.NEW, 2)
    assert two.message.text("es") == "Guardado como versión 2."
    printed = caseload.plan(cid, 1)
    assert printed is not None and printed.vision == "A calm home"  # what was printed stays
    # version 2 is the working one until it is saved as a PDF
    three = plans.save_plan(caseload, _edit(two.plan, "A calm home, a job"))
    assert (three.outcome, three.plan.version) == (PlanSave.UPDATED, 2)
    documents.save_plan_pdf(caseload, cid, tmp_path / "plan.pdf")
    four = plans.save_plan(caseload, _edit(three.plan, "A calm home, a job, my kids"))
    assert (four.outcome, four.plan.version) == (PlanSave.NEW, 3)


def test_a_signed_version_is_kept(caseload: Caseload) -> None:
    cid = _client(caseload)
    signed = RecoveryPlan(cid, "A calm home", client_signed_on=TODAY)
    one = plans.save_plan(caseload, signed).plan  # signing may go into the working version
    two = plans.save_plan(caseload, _edit(one, "A calm home and a job"))
    assert (two.outcome, two.plan.version) == (PlanSave.NEW, 2)


def test_a_version_from_an_earlier_unlock_is_kept(vault: Vault) -> None:
    caseload = Caseload(vault, today=TODAY)
    cid = _client(caseload)
    one = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home")).plan
    time.sleep(1.05)  # the audit log counts in seconds
    later = Caseload(vault, today=TODAY)  # the next unlock
    two = plans.save_plan(later, _edit(one, "A calm home and a job"))
    assert (two.outcome, two.plan.version) == (PlanSave.NEW, 2)
    three = plans.save_plan(later, _edit(two.plan, "A calm home and a steady job"))
    assert (three.outcome, three.plan.version) == (PlanSave.UPDATED, 2)


def test_editing_an_older_version_never_overwrites_it(caseload: Caseload) -> None:
    cid = _client(caseload)
    one = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home")).plan
    documents.record_print(caseload, documents.render_plan(caseload, cid), pages=2)
    two = plans.save_plan(caseload, _edit(one, "Version two")).plan
    old = caseload.plan(cid, 1)
    assert old is not None
    old.goals = [Goal(LifeDomain.HOUSING, "A place of my own")]
    saved = plans.save_plan(caseload, old)
    assert (saved.outcome, saved.plan.version) == (PlanSave.NEW, 3)
    kept = caseload.plan(cid, 2)
    assert kept is not None and kept.vision == two.vision and not kept.goals


def test_a_handed_off_clients_working_version_stays_read_only(caseload: Caseload) -> None:
    cid = _client(caseload)
    one = plans.save_plan(caseload, RecoveryPlan(cid, "A calm home")).plan
    caseload.conn.execute(
        "UPDATE clients SET transferred_to = 'x', transferred_on = '2026-12-02' WHERE id = ?",
        (cid,),
    )
    with pytest.raises(CoachDeskError):
        plans.save_plan(caseload, _edit(one, "Changed after the hand-off"))
    stored = caseload.plan(cid)
    assert stored is not None and stored.vision == "A calm home"
