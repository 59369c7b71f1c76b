"""`coachdesk plan pdf|show` end to end on a real vault filled by the demo generator."""

from __future__ import annotations

import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, RecoveryPlan, Setting
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.unit.test_plan_pdf import all_text, squash

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def demo_vault(vault_path: Path) -> Path:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, clients=6, seed=3, notes_per_client=2)
    return vault_path


def _latest(vault_path: Path, client_id: int) -> tuple[Client, RecoveryPlan]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        plan = caseload.plan(client_id)
        assert plan is not None
        return caseload.get_client(client_id), plan


def _audit_and_disclosures(vault_path: Path, client_id: int) -> tuple[list[str], list[str]]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        actions = [f"{e.action}: {e.detail}" for e in caseload.audit_trail(client_id)]
        disclosed = [
            f"{d.recipient} / {d.purpose} / {d.what}" for d in caseload.disclosures(client_id)
        ]
    return actions, disclosed


def test_plan_pdf_saves_the_latest_plan_and_audits_it(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "plan.pdf"
    out.parent.mkdir()
    result = run_cli("plan", "pdf", str(demo_vault), "1", str(out), "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["path"] == str(out) and report["disclosure"] is False
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in out.parent.iterdir()] == ["plan.pdf"]  # no temp file left

    client, plan = _latest(demo_vault, 1)
    data = out.read_bytes()
    text = all_text(data)
    for goal in plan.goals:
        assert squash(goal.goal) in text
        for step in goal.steps:
            assert squash(step.what) in text
    for contact in plan.wellness.crisis_contacts:
        assert contact.phone in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == {"en": "en-US", "es": "es-US"}[client.language]
    assert report["lang"] == client.language  # the client's language by default

    actions, disclosed = _audit_and_disclosures(demo_vault, 1)
    assert actions[0].startswith(f"save: recovery plan version {plan.version} as PDF")
    assert disclosed == []


def test_a_named_recipient_makes_it_a_disclosure(
    run_cli: RunCli, demo_vault: Path, tmp_path: Path
) -> None:
    out = tmp_path / "for-court.pdf"
    result = run_cli(
        "plan", "pdf", str(demo_vault), "1", str(out), "--lang", "es", "--paper", "a4",
        "--wallet-card", "--legal-name", "--recipient", "Drug court coordinator",
        "--purpose", "Coordination of care", env=ENV,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "disclosure to Drug court coordinator recorded" in result.stdout
    client, _ = _latest(demo_vault, 1)
    data = out.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "es-US"
    assert round(float(reader.pages[0].mediabox.height)) == 842
    text = all_text(data)
    assert "Mi tarjeta de crisis" in text and client.legal_name in text
    actions, disclosed = _audit_and_disclosures(demo_vault, 1)
    assert "purpose: Coordination of care" in actions[0]
    assert len(disclosed) == 1
    assert disclosed[0].startswith("Drug court coordinator / Coordination of care / recovery plan")


def test_plan_pdf_user_errors(run_cli: RunCli, demo_vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    no_purpose = run_cli(
        "plan", "pdf", str(demo_vault), "1", str(out), "--recipient", "Someone", env=ENV
    )
    assert no_purpose.returncode == 2 and "--purpose" in no_purpose.stderr

    missing = run_cli("plan", "pdf", str(demo_vault), "999", str(out), env=ENV)
    assert missing.returncode == 1 and "no client with number 999" in missing.stderr

    with Vault.open(demo_vault, PASSPHRASE) as vault:
        planless = Caseload(vault).add_client(
            Client("Drae", "Kloson", date.today(), Setting.COMMUNITY)
        )
    none = run_cli("plan", "pdf", str(demo_vault), str(planless), str(out), env=ENV)
    assert none.returncode == 1
    assert (
        none.stderr.strip()
        == f"coachdesk: Client {planless} has no recovery plan yet: make one first."
    )

    nowhere = run_cli("plan", "pdf", str(demo_vault), "1", str(tmp_path / "no" / "p.pdf"), env=ENV)
    assert nowhere.returncode == 1 and "does not exist" in nowhere.stderr

    folder = run_cli("plan", "pdf", str(demo_vault), "1", str(tmp_path), env=ENV)
    assert folder.returncode == 1 and "is a folder" in folder.stderr

    bad_paper = run_cli("plan", "pdf", str(demo_vault), "1", str(out), "--paper", "legal", env=ENV)
    assert bad_paper.returncode == 2
    for result in (missing, none, nowhere, folder):
        assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_plan_show(run_cli: RunCli, demo_vault: Path) -> None:
    _, plan = _latest(demo_vault, 2)
    shown = run_cli("plan", "show", str(demo_vault), "2", "--json", env=ENV)
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)
    assert body["version"] == plan.version
    assert [g["goal"] for g in body["goals"]] == [g.goal for g in plan.goals]
    text = run_cli("plan", "show", str(demo_vault), "2", env=ENV)
    assert text.returncode == 0 and plan.goals[0].goal in text.stdout
    assert plan.wellness.crisis_contacts[0].phone in text.stdout
    old = run_cli("plan", "show", str(demo_vault), "2", "--plan-version", "9", env=ENV)
    assert old.returncode == 1 and "no plan version 9" in old.stderr
