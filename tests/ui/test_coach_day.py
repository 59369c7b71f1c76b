"""A coach's day, driven through the real window on a real SQLCipher vault."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTreeWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.app.settings import Settings
from coachdesk.core.models import ReferralStatus
from coachdesk.storage.vault import Vault
from coachdesk.ui.main_window import PAGE_WORKSPACE, MainWindow
from coachdesk.ui.workspace import TAB_KEYS
from tests.ui.conftest import FakeClock, MakeWindow, unlock

PASS = "river stones and quiet mornings"


def visible_texts(window: MainWindow) -> str:
    """Every piece of text a person could see in the window right now."""
    parts: list[str] = []
    for widget in window.findChildren(QLabel) + window.findChildren(QLineEdit):
        if widget.isVisible():
            parts.append(widget.text())
    for edit in window.findChildren(QPlainTextEdit):
        if edit.isVisible():
            parts.append(edit.toPlainText())
    for tree in window.findChildren(QTreeWidget):
        if tree.isVisible():
            for i in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(i)
                parts += [item.text(c) for c in range(tree.columnCount())] if item else []
    for table in window.findChildren(QTableWidget):
        if table.isVisible():
            for r in range(table.rowCount()):
                for c in range(table.columnCount()):
                    item = table.item(r, c)
                    parts.append(item.text() if item else "")
    for lst in window.findChildren(QListWidget):
        if lst.isVisible():
            parts += [lst.item(i).text() for i in range(lst.count())]
    return "\n".join(parts)


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Offscreen Qt does not hand activation back after a dialog closes: do it here."""
    with qtbot.waitActive(window):
        window.activateWindow()


def wait_idle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)


def test_a_coachs_day(
    qtbot: QtBot, make_window: MakeWindow, settings: Settings, clock: FakeClock
) -> None:
    window = make_window()
    page = window.unlock_page

    # First run: no vault yet, so create one.
    assert page.vault_combo.count() == 0
    page.new_button.click()
    dialog = window.create_dialog
    dialog.name.setText("Robin Vale")
    dialog.passphrase.setText("short")
    assert "short" in dialog.hint.text().lower()
    dialog.passphrase.setText(PASS)
    dialog.repeat.setText(PASS)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(window, "code_dialog", None) is not None, timeout=20_000)
    code_dialog = window.code_dialog
    assert not code_dialog.ok.isEnabled()  # not before "I have written it down"
    code = code_dialog.code_label.text()
    assert len(code.replace("-", "")) >= 26
    code_dialog.confirm.setChecked(True)
    code_dialog.ok.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.shell, timeout=10_000)
    vault_path = settings.vaults_dir() / "robin-vale"
    assert (vault_path / "vault.db").is_file()

    # Lock, then a wrong passphrase, then the right one.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is page
    page.passphrase.setText("not my passphrase")
    page.unlock_button.click()
    qtbot.waitUntil(lambda: "does not open" in page.message.text(), timeout=10_000)
    assert window.stack.currentWidget() is page
    unlock(qtbot, window, PASS)

    # A local resource, for the referral later.
    window.go(2)
    window.resources_page.add_button.click()
    rdialog = window.resources_page.add_dialog
    rdialog.name.setText("Harbor Street Peer Center")
    rdialog.accept()
    qtbot.waitUntil(lambda: window.resources_page.table.rowCount() == 1, timeout=5_000)

    # Add a client (Ctrl+N), with inline validation first.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    add = window.add_dialog
    add.form.save_button.click()
    assert "required" in add.form.error_text()
    qtbot.keyClicks(add.form.given_name, "Jordan")
    qtbot.keyClicks(add.form.family_name, "Ellery")
    add.form.preferred_name.setText("Jo")
    add.form.pronouns.setText("they/them")
    add.form.save_button.click()
    ws = window.workspace
    qtbot.waitUntil(lambda: ws.client_id is not None, timeout=5_000)
    assert window.pages.currentIndex() == PAGE_WORKSPACE
    assert ws.name.text() == "Jo Ellery"
    assert "they/them" in ws.details.text()
    assert "0 days since intake" in ws.details.text()
    client_id = ws.client_id

    # A 42 CFR Part 2 consent.
    ws.consent_list.new_button.click()
    cf = ws.consent_form
    assert cf.signed_by.text() == "Jordan Ellery"
    cf.disclosing_party.setText("Robin Vale, recovery coach")
    cf.information.setPlainText("Attendance and progress in recovery support")
    cf.recipients.setText("County drug court")
    cf.purpose.setText("Court supervision")
    cf.save_button.click()
    assert "expiry" in cf.error_text().lower()  # no end date or event yet: said inline
    cf.expiry_event.setText("End of court supervision")
    cf.save_button.click()
    qtbot.waitUntil(lambda: ws.consent_list.table.rowCount() == 1, timeout=5_000)
    assert ws.consent_list.table.item(0, 0).text() == "County drug court"

    # A plan with two goals.
    ws.tabs.setCurrentIndex(TAB_KEYS.index("plan"))
    editor = ws.plan_editor
    editor.vision.setPlainText("Keep my job and be there for my kids")
    editor.add_goal_button.click()
    editor.goal_editors[-1].goal_edit.setText("Go to two meetings a week")
    editor.add_goal_button.click()
    editor.goal_editors[-1].goal_edit.setText("Find a steady place to live")
    assert editor.is_dirty()
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.versions.itemData(0) == 1, timeout=5_000)
    assert not editor.is_dirty()
    assert "version 1" in editor.dirty_label.text() and ws.plan_banner.isHidden()

    # A session note, found again by full-text search.
    activate(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ws.tabs.currentIndex() == TAB_KEYS.index("notes")
    assert ws.note_form.goals.count() == 2  # the plan's goals, to tick
    ws.note_form.text.setPlainText("Talked about the bus pass and the Tuesday meeting.")
    ws.note_form.save_button.click()
    qtbot.waitUntil(lambda: len(ws.notes_list.shown_ids()) == 1, timeout=5_000)
    ws.note_form.text.setPlainText("Left a message about housing.")
    ws.note_form.save_button.click()
    qtbot.waitUntil(lambda: len(ws.notes_list.shown_ids()) == 2, timeout=5_000)
    ws.notes_list.search.setText("bus pass")
    qtbot.keyClick(ws.notes_list.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(ws.notes_list.shown_ids()) == 1, timeout=5_000)
    assert "bus pass" in ws.notes_list.tree.topLevelItem(0).text(1)

    # BARC-10: the total shows before and after recording.
    ws.tabs.setCurrentIndex(TAB_KEYS.index("capital"))
    ws.barc_form.set_answers([5, 5, 4, 5, 4, 5, 5, 6, 4, 5])
    assert ws.barc_form.total() == 48
    assert "48" in ws.barc_form.total_label.text()
    ws.barc_form.submit_button.click()
    qtbot.waitUntil(lambda: ws.barc_badge.text() == "BARC-10: 48", timeout=5_000)
    assert "48" in ws.barc_summary.text() and "At or above 47" in ws.barc_summary.text()
    assert [a.total for a in ws.barc_plot.series()] == [48]

    # A referral, made and advanced.
    ws.tabs.setCurrentIndex(TAB_KEYS.index("referrals"))
    panel = ws.referral_panel
    assert panel.resource.count() >= 1
    panel.make_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5_000)
    assert "Made" in [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
    panel.table.selectRow(0)
    panel.next_status.setCurrentIndex(panel.next_status.findData(ReferralStatus.CONTACTED.value))
    panel.advance_button.click()
    qtbot.waitUntil(
        lambda: (
            "Contacted" in [panel.table.item(0, c).text() for c in range(panel.table.columnCount())]
        ),
        timeout=5_000,
    )

    # Unsaved edits (plan, a half-typed consent, two BARC-10 answers), then the idle lock fires
    # (injected clock) and hides everything.
    ws.barc_form.answer(0, 6)
    ws.barc_form.answer(1, 3)
    ws.consent_list.new_button.click()
    ws.consent_form.recipients.setText("Harbor housing office")
    ws.tabs.setCurrentIndex(TAB_KEYS.index("plan"))
    editor.vision.setPlainText("Keep my job, be there for my kids, and run a 5k")
    wait_idle(qtbot, window)
    clock.advance(5 * 60 + 1)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=5_000)
    assert "idle" in page.subtitle.text()
    shown = visible_texts(window)
    for secret in ("Ellery", "Jordan", "bus pass", "County drug court", "5k", "Harbor housing"):
        assert secret not in shown
    assert ws.client is None and ws.name.text() == ""
    assert window.clients_page.model.rowCount() == 0
    assert not window.db.is_open

    # Unlocking returns to the same client and tab, with the unsaved edit kept as a draft.
    unlock(qtbot, window, PASS)
    qtbot.waitUntil(lambda: ws.client_id == client_id, timeout=5_000)
    assert window.pages.currentIndex() == PAGE_WORKSPACE
    assert ws.tabs.currentIndex() == TAB_KEYS.index("plan")
    assert "run a 5k" in editor.vision.toPlainText()
    assert editor.is_dirty()
    assert "kept" in ws.plan_banner.text()
    assert ws.consent_form.recipients.text() == "Harbor housing office"
    assert ws.barc_form.answers()[:3] == [6, 3, None]

    # What the window wrote is in the vault (read back with the storage layer).
    window.close()
    with Vault.open(vault_path, PASS) as v:
        from coachdesk.application.caseload import Caseload

        c = Caseload(v)
        plan = c.plan(client_id or 0)
        assert plan is not None and len(plan.goals) == 2
        assert [r.status for r in c.referrals(client_id or 0)] == [ReferralStatus.CONTACTED]
        assert [a.total for a in c.barc10_series(client_id or 0)] == [48]
        assert c.load_draft("plan", str(client_id)) is not None
        actions = [e.action for e in c.audit_trail(client_id or 0)]
        assert "view" in actions and "create" in actions


def test_lockout_delay_shows_waiting_time(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    window = make_window()
    page = window.unlock_page
    assert page.vault_combo.currentText() == "river-coach"
    for _ in range(3):
        page.passphrase.setText("wrong guess")
        page.unlock_button.click()
        qtbot.waitUntil(lambda: not window.db.busy, timeout=10_000)
    assert "seconds left" in page.message.text()
    assert not page.unlock_button.isEnabled()
