"""Issue 20 in the windows: the coach's "Suggest…" dialog from the Resources page (the preview
shows exactly what leaves and the warning), "My suggestions…" with what the directory changed,
and the desk's Suggestions tab (grouped, accept). Real vault, real store, offscreen.

With COACHDESK_SHOTS=<folder> each test also saves its screenshots there (en and es)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.app import translations
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Pathway, ResourceCategory
from coachdesk.exchange import export, sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco import curation
from coachdesk.rco.desk import RcoDesk
from coachdesk.storage import outbox
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.rco.window import RcoWindow
from coachdesk.ui.suggest import SuggestDialog, SuggestionsDialog
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.suggest_support import rco_with_directory
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.rco.test_rco_window_infra import accessible_texts
from tests.ui.test_language_and_access import open_client_in, seed_client

SHOTS = os.environ.get("COACHDESK_SHOTS", "")


def _shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        QApplication.processEvents()
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))


def _team(tmp_path: Path, coach_vault: Path) -> tuple[Path, Path]:
    """An RCO with two entries, the window's vault enrolled and synced; returns (store, inbox)."""
    desk, inbox = rco_with_directory(tmp_path)
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        export.enroll(Caseload(vault), desk.enrollment(), desk.fingerprint)
        (tmp_path / "out").mkdir()
        export.export(Caseload(vault), tmp_path / "out")  # registers the device at the desk
        sync.sync_once(vault, FolderTransport(inbox))
    desk.import_paths([inbox])
    for device in desk.devices():
        desk.confirm_device(device.fingerprint, "Coach River")
    desk.close()
    return tmp_path / "rco", inbox


def _resources(qtbot: QtBot, window: MainWindow) -> None:
    window.pages.setCurrentWidget(window.resources_page)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: window.resources_page.table.rowCount() > 0, timeout=10_000)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_suggest_from_the_resources_page_previews_then_queues(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path, lang: str
) -> None:
    _team(tmp_path, coach_vault)
    window = make_window(lang)
    unlock(qtbot, window)
    _resources(qtbot, window)
    page = window.resources_page
    row = next(
        r for r in range(page.table.rowCount()) if page.table.item(r, 0).text().startswith("North")
    )
    page.table.selectRow(row)
    _shot(window, f"{lang}-1-resources")
    page.findChild(QPushButton, "suggest_button").click()
    dialog: SuggestDialog = page.suggest_dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: dialog.fields["phone"].text() == "555-0100", timeout=10_000)
    assert dialog.kind.currentData() == "correction"
    dialog.problem.setCurrentIndex(0)  # the number no longer works
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    dialog.fields["phone"].setText("555-0199")
    dialog.fields["note"].setText("New line since November")
    dialog.fields["note_es"].setText("Línea nueva desde noviembre")
    _shot(dialog, f"{lang}-2-suggest-form")
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=10_000)
    shown = dialog.preview_text.toPlainText()
    assert "555-0199" in shown and "Línea nueva desde noviembre" in shown
    assert ("no client information" if lang == "en" else "información de clientes") in (
        dialog.warning.text()
    )
    _shot(dialog, f"{lang}-3-suggest-preview")
    with qtbot.waitSignal(dialog.sent, timeout=10_000):
        dialog.send_button.click()
    window.lock()
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        [item] = [i for i in outbox.items(vault.conn) if i.file_name.endswith(".cdsuggest")]
        assert item.summary == {"suggestion": "correction"}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_desk_curates_and_the_coach_sees_what_changed(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path, lang: str
) -> None:
    from coachdesk.application import suggestions as sug

    store, inbox = _team(tmp_path, coach_vault)
    translations.install(lang)  # the desk window's language (make_window sets it back)
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        sug.send(
            caseload,
            sug.SuggestionDraft(
                name="SMART Recovery Tuesday",
                category=ResourceCategory.MUTUAL_AID,
                pathways=(Pathway.SMART_RECOVERY,),
                area="Library, 2nd floor",
                hours="Tue 18:00",
            ),
        )
        detox = next(r.rco_ref for r in caseload.resources() if r.name.startswith("North"))
        sug.send(caseload, sug.draft_for(caseload, "confirmed", detox))
        sync.sync_once(vault, FolderTransport(inbox))
    desk = RcoDesk.open(store, PASSPHRASE)
    desk.import_paths([inbox])
    desk.close()

    desk_window = RcoWindow(store)
    qtbot.addWidget(desk_window)
    desk_window.show()
    desk_window.resize(1366, 768)
    desk_window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(desk_window.refreshed, timeout=30_000):
        desk_window.start.unlock_button.click()
    page = desk_window.suggestions
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=20_000)
    desk_window.tabs.setCurrentWidget(page)
    smart = next(i for i, g in enumerate(page.groups) if g.kind == "new")
    page.table.selectRow(smart)
    assert page.edits["hours"].text() == "Tue 18:00"
    _shot(desk_window, f"{lang}-4-desk-suggestions")
    page.accept_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=20_000)
    page.table.selectRow(0)
    page.accept_button.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=20_000)
    never = page.tr("never")

    def verified() -> int:  # every entry is listed; the two decided ones carry a date
        rows = range(page.verified.rowCount())
        return sum(page.verified.item(r, 1).text() != never for r in rows)

    qtbot.waitUntil(lambda: verified() == 2, timeout=20_000)
    _shot(desk_window, f"{lang}-5-desk-verified")
    assert "SMART Recovery Tuesday" in " ".join(accessible_texts(desk_window))
    desk_window.refresh_all()  # answers that come back after the lock must be dropped
    desk_window.lock()
    qtbot.waitUntil(lambda: not desk_window.worker.busy, timeout=10_000)
    QApplication.processEvents()
    assert page.table.rowCount() == 0 and page.verified.rowCount() == 0
    assert not [t for t in accessible_texts(desk_window) if "Tuesday" in t or "Northgate" in t]
    desk_window.close()
    desk = RcoDesk.open(store, PASSPHRASE)
    desk.publish_directory(inbox)
    assert curation.inbox(desk) == []
    desk.close()
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        sync.sync_once(vault, FolderTransport(inbox))

    window = make_window(lang)
    unlock(qtbot, window)
    _resources(qtbot, window)
    dialog = SuggestionsDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=10_000)
    assert "1" in dialog.changes.text()
    assert "SMART Recovery Tuesday" in dialog.changed_names.text()
    _shot(dialog, f"{lang}-6-what-changed")
    dialog.close()
    window.lock()


def test_suggest_a_change_while_making_a_referral(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path
) -> None:
    """The referral form's "Suggest a change…" opens the same dialog as a correction to the
    resource chosen there (where a coach learns a number no longer works)."""
    _team(tmp_path, coach_vault)
    client_id = seed_client(coach_vault)
    window = make_window("en")
    unlock(qtbot, window)
    open_client_in(qtbot, window, client_id)
    ws = window.workspace
    ws.tabs.setCurrentIndex(TAB_KEYS.index("referrals"))
    panel = ws.referral_panel
    qtbot.waitUntil(lambda: panel.resource.count() > 0, timeout=10_000)
    north = next(i for i in range(panel.resource.count()) if "North" in panel.resource.itemText(i))
    panel.resource.setCurrentIndex(north)
    _shot(window, "en-6-referral-suggest")
    panel.suggest_button.click()
    dialog: SuggestDialog = ws.suggest_dialog
    qtbot.waitUntil(lambda: dialog.fields["phone"].text() == "555-0100", timeout=10_000)
    assert dialog.kind.currentData() == "correction"
    dialog.reject()
