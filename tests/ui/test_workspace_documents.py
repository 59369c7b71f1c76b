"""The client workspace wires the forms' new parts to the vault: the Outcomes tab lists what was
recorded, BARC-10 answers can be seen again, referrals are checked against consent, and the
consent form and the 42 CFR 2.25 disclosure list are saved as PDFs through
coachdesk.application.documents (atomic, audited)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    Consent,
    OutcomeAssessment,
    RecoveryPlan,
    Setting,
    Timepoint,
)
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock


def _client_with_records(vault_path: Path) -> int:
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        cid = c.add_client(Client("Teodric", "Vallamy", date(2026, 2, 1), Setting.COMMUNITY))
        c.add_consent(
            Consent(
                cid,
                "Demo Recovery Community",
                "Attendance and progress",
                "Drug court coordinator",
                "Coordination of care",
                "In writing, at any time",
                date(2027, 2, 1),
                "",
                "Teodric Vallamy",
                date(2026, 2, 1),
            )
        )
        c.record_outcome(OutcomeAssessment(cid, Timepoint.BASELINE, date(2026, 2, 1), days_used=9))
        c.record_output(cid, "print", "recovery plan", recipient="Drug court coordinator",
                        purpose="Coordination of care")  # fmt: skip
    return cid


def test_outcomes_consents_and_printed_forms_reach_the_workspace(
    qtbot: QtBot,
    make_window: MakeWindow,
    coach_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cid = _client_with_records(coach_vault)
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid)
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id == cid, timeout=5_000)
    qtbot.waitUntil(lambda: ws.outcome_form.history.rowCount() == 1, timeout=5_000)

    chosen: list[Path] = []
    asked: list[tuple[str, Path]] = []
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def save_as(_parent: object, title: str, start: str, *_args: object) -> tuple[str, str]:
        asked.append((title, Path(start)))
        return str(chosen[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    chosen.append(tmp_path / "consent")
    ws.consent_form.set_consent(None, cid, "Teodric Vallamy")
    ws._print_consent(ws.consent_form._read())
    saved = tmp_path / "consent.pdf"
    qtbot.waitUntil(saved.exists, timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(saved).pages)
    assert "Teodric Vallamy" in text and "42 CFR Part 2" in text and "(to fill in)" in text

    chosen.append(tmp_path / "disclosures.pdf")
    ws.audit_view.disclosures_requested.emit()
    listed = tmp_path / "disclosures.pdf"
    qtbot.waitUntil(listed.exists, timeout=10_000)
    words = " ".join("".join(p.extract_text() for p in PdfReader(listed).pages).split())
    assert "Drug court coordinator" in words and "Coordination of care" in words
    # Each save asked in the Documents folder (not where CoachDesk started), saying the PDF
    # is not encrypted (issue 17).
    assert asked == [
        ("Save as PDF (not encrypted: keep it safe or print it)", Path(documents) / name)
        for name in ("consent-form.pdf", "disclosures.pdf")
    ]
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    window.close()

    with Vault.open(coach_vault, PASSPHRASE) as v:
        saves = [e.detail for e in Caseload(v).audit_trail(cid) if e.action == "save"]
    assert any("consent form" in d for d in saves) and any("disclosures" in d for d in saves)


def test_the_pdf_save_dialog_warns_in_spanish_and_so_does_the_plans(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid = _client_with_records(coach_vault)
    with Vault.open(coach_vault, PASSPHRASE) as v:
        Caseload(v).save_plan(RecoveryPlan(cid, "A steady job"))
    asked: list[tuple[str, str]] = []

    def save_as(_parent: object, title: str, start: str, *_args: object) -> tuple[str, str]:
        asked.append((title, start))
        return "", ""  # cancelled: nothing saved

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window = make_window("es")
    unlock(qtbot, window)
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    window.workspace._print_disclosures()
    window.print_action.trigger()
    dialog = window.workspace.output_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20_000)
    dialog.choose_file()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    title = "Guardar como PDF (sin cifrar: guárdelo en lugar seguro o imprímalo)"
    assert asked == [
        (title, str(Path(documents) / "disclosures.pdf")),
        (title, str(Path(documents) / "recovery-plan.pdf")),
    ]
    dialog.reject()
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
