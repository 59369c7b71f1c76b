"""Preview, print and save the recovery plan from the window: real PDF, read back; audited;
no plaintext copy left in the temp folder; the same document, audit and disclosure as
`coachdesk plan pdf` (one use case: coachdesk.application.documents)."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Goal, LifeDomain, RecoveryPlan, Setting
from coachdesk.storage.vault import Vault
from coachdesk.ui.plain import TITLE_BAR, screen_room
from tests.conftest import PASSPHRASE, RunCli
from tests.ui.conftest import MakeWindow, unlock


def test_preview_print_and_save_the_plan(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        cid = c.add_client(Client("Marisol", "Quenby", date(2026, 2, 1), Setting.COMMUNITY, "Mari"))
        c.save_plan(
            RecoveryPlan(
                cid,
                "A quiet home and my sister's trust",
                [
                    Goal(LifeDomain.HOUSING, "Sign a lease by summer"),
                    Goal(LifeDomain.HEALTH, "Walk every morning"),
                ],
            )
        )
    temp_pdfs = set(Path(tempfile.gettempdir()).glob("*.pdf"))
    window = make_window()
    unlock(qtbot, window)
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    window.print_action.trigger()  # Ctrl+P
    dialog = window.workspace.output_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20_000)
    assert dialog.print_button.isEnabled()
    # the preview fits the screen, its buttons inside it (issue 17: it opened 900x900)
    facility = QSize(1366, 768 - TITLE_BAR)  # the monitor it must fit (tests' screen: 800x600)
    least = dialog.minimumSizeHint()
    assert least.width() <= facility.width() and least.height() <= facility.height()
    assert dialog.height() <= screen_room(dialog).height()
    inside = dialog.rect()
    for button in (dialog.print_button,):
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert inside.contains(corner), (button.text(), corner, inside)

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer-output.pdf"))
    assert dialog.print_to(printer) == dialog.page_count()
    assert len(PdfReader(tmp_path / "printer-output.pdf").pages) == dialog.page_count()

    target = tmp_path / "chosen" / "plan"
    target.parent.mkdir()
    dialog.save_to(target)
    saved = target.with_suffix(".pdf")
    qtbot.waitUntil(saved.exists, timeout=10_000)
    text = "".join(page.extract_text() for page in PdfReader(saved).pages)
    assert "Sign a lease by summer" in text
    assert "42 CFR part 2" in text
    assert "Quenby" in text and "Marisol" not in text  # preferred name only, by default
    assert oct(saved.stat().st_mode & 0o777) == "0o600"
    assert set(Path(tempfile.gettempdir()).glob("*.pdf")) == temp_pdfs
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    window.close()

    with Vault.open(coach_vault, PASSPHRASE) as v:
        trail = [(e.action, e.detail) for e in Caseload(v).audit_trail(cid)]
    assert ("view", "recovery plan version 1 preview") in trail
    assert any(a == "print" and "recovery plan version 1" in d for a, d in trail)
    assert ("save", "recovery plan version 1 as PDF (en, letter)") in trail


def _pdf_facts(path: Path) -> tuple[list[str], object, object]:
    reader = PdfReader(path)
    return (
        [page.extract_text() for page in reader.pages],
        reader.trailer["/Root"].get("/Lang"),
        reader.metadata.title if reader.metadata else None,
    )


def test_window_and_cli_print_the_same_plan_document(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    # A Spanish-speaking client, an English window: the document is the client's (Spanish).
    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        client = Client("Rosalba", "Teneriz", date(2026, 2, 1), Setting.COMMUNITY, "Rosa")
        client.language = "es"
        cid = c.add_client(client)
        c.save_plan(RecoveryPlan(cid, "Volver a estudiar", [Goal(LifeDomain.HOUSING, "Un hogar")]))
    window = make_window("en")
    unlock(qtbot, window)
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    window.print_action.trigger()
    dialog = window.workspace.output_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20_000)

    from_window = tmp_path / "window.pdf"
    dialog.recipient.setText("Dr. Pell, Harbor Clinic")
    dialog.save_to(from_window)  # no purpose: refused before anything is written
    assert dialog.error.isVisibleTo(dialog) and "purpose" in dialog.error.text()
    dialog.purpose.setText("Coordination of care")
    dialog.save_to(from_window)
    qtbot.waitUntil(from_window.exists, timeout=10_000)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = dialog.print_to(printer)  # the same recipient: a printed disclosure
    assert pages == dialog.page_count() > 0
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    window.close()

    from_cli = tmp_path / "cli.pdf"
    result = run_cli(
        "plan", "pdf", str(coach_vault), str(cid), str(from_cli),
        "--recipient", "Dr. Pell, Harbor Clinic", "--purpose", "Coordination of care",
        env={"COACHDESK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr

    window_pages, window_lang, window_title = _pdf_facts(from_window)
    cli_pages, cli_lang, cli_title = _pdf_facts(from_cli)
    assert window_pages == cli_pages
    assert window_lang == cli_lang == "es-US"
    assert window_title == cli_title
    assert "Mi plan de recuperación" in window_pages[0]

    with Vault.open(coach_vault, PASSPHRASE) as v:
        c = Caseload(v)
        trail = [(e.action, e.detail) for e in c.audit_trail(cid)]
        disclosed = sorted((d.recipient, d.purpose, d.what) for d in c.disclosures(cid))
    what = "recovery plan version 1 as PDF (es, letter)"
    purpose = "; purpose: Coordination of care"
    saves = [entry for entry in trail if entry[0] == "save"]
    assert saves == [("save", what + purpose), ("save", what + purpose)]
    printed = f"{what}, {pages} pages"
    assert ("print", printed + purpose) in trail
    who = ("Dr. Pell, Harbor Clinic", "Coordination of care")
    assert disclosed == sorted([(*who, what), (*who, what), (*who, printed)])
