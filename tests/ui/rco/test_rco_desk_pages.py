"""The desk's pages through the real window on a real store (pytest-qt, offscreen): device
confirmation by typed-back fingerprint, rename, import history, flag acknowledgement,
directory editing, report export (format choice, audited as the CLI audits it), the store
operations, fetch from the inbox with the network down. Bad input gets a plain message and
loses nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.app.bootstrap import create_app
from coachdesk.application import rco_desk
from coachdesk.application import rco_fetch as fetch
from coachdesk.core.models import Pathway, ResourceCategory
from coachdesk.exchange.transports.webdav import ProxyMode, ProxySettings, WebDavSettings
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.model import DeviceStatus
from coachdesk.ui.rco.dialogs import (
    AcknowledgeFlagDialog,
    ConfirmDeviceDialog,
    ExportReportDialog,
    RestoreDialog,
)
from coachdesk.ui.rco.window import RcoWindow
from coachdesk.ui.vault_dialogs import ChangePassphraseDialog
from tests.conftest import PASSPHRASE
from tests.rco_support import DeskStore, desk_store

NEW_PASSPHRASE = "a brand new passphrase for the store"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> DeskStore:
    return desk_store(tmp_path_factory.mktemp("desk"))


@pytest.fixture
def store(template: DeskStore, tmp_path: Path) -> DeskStore:
    shutil.copytree(template.path, tmp_path / "rco")
    return DeskStore(tmp_path / "rco", template.confirmed, template.pending)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the window would show in a warning box (a real box would block the test)."""
    shown: list[str] = []

    def warn(_parent: object, _title: str, text: str, *args: object) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(QMessageBox, "information", warn)
    return shown


@pytest.fixture
def window(qtbot: QtBot, store: DeskStore, warnings: list[str]) -> Iterator[RcoWindow]:
    create_app()
    opened = RcoWindow(store.path)
    qtbot.addWidget(opened)
    opened.show()
    unlock(qtbot, opened)
    yield opened
    opened.close()


def unlock(qtbot: QtBot, window: RcoWindow, passphrase: str = PASSPHRASE) -> None:
    window.start.passphrase.setText(passphrase)
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        window.start.unlock_button.click()
    idle(qtbot, window)


def idle(qtbot: QtBot, window: RcoWindow) -> None:
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)
    qtbot.wait(20)


def stored(store: DeskStore) -> RcoDesk:
    return RcoDesk.open(store.path, PASSPHRASE)


# -- devices -------------------------------------------------------------------------------


def test_confirm_asks_for_the_fingerprint_typed_back_and_refuses_a_mismatch(
    qtbot: QtBot, window: RcoWindow, store: DeskStore
) -> None:
    page = window.devices
    window.tabs.setCurrentWidget(page)
    page.select(store.pending)
    page.confirm_button.click()
    dialog = window.dialog
    assert isinstance(dialog, ConfirmDeviceDialog) and dialog.isVisible()
    assert store.pending in [w.text() for w in dialog.findChildren(type(dialog.message))]
    dialog.typed.setText("0000 0000")
    dialog.name.setText("Ben, county jail")
    dialog.ok_button.click()
    assert dialog.isVisible()  # refused: stays open with what was typed
    assert "is not the end of this device's fingerprint" in dialog.message.text()
    assert dialog.typed.selectedText() == "0000 0000" and dialog.name.text() == "Ben, county jail"
    idle(qtbot, window)
    with stored(store) as desk:
        assert next(d for d in desk.devices() if d.fingerprint == store.pending).status == (
            DeviceStatus.PENDING
        )
    dialog.typed.setText("")
    dialog.ok_button.click()
    assert dialog.isVisible() and "last 2 groups" in dialog.message.text()

    dialog.typed.setText(rco_desk.fingerprint_tail(store.pending).lower().replace("-", " "))
    with qtbot.waitSignal(window.imported, timeout=30_000) as signal:
        dialog.ok_button.click()
    assert not dialog.isVisible()
    assert [r.outcome.value for r in signal.args[0].results] == ["imported"]
    records = signal.args[0].results[0].records
    assert f"{store.pending}: 1 file, {records} records" in window.importer.summary.text()
    qtbot.waitSignal(window.lists_refreshed, timeout=30_000)
    idle(qtbot, window)
    selected = page.selected()
    assert selected is not None and selected.fingerprint == store.pending  # did not jump
    assert selected.status == DeviceStatus.CONFIRMED and selected.name == "Ben, county jail"


def test_rename_a_device(
    qtbot: QtBot,
    window: RcoWindow,
    store: DeskStore,
    monkeypatch: pytest.MonkeyPatch,
    warnings: list[str],
) -> None:
    page = window.devices
    window.tabs.setCurrentWidget(page)
    answers = iter([("   ", True), ("Ada Lopez, Eastside ED", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    page.select(store.confirmed)
    page.rename_button.click()
    idle(qtbot, window)
    assert warnings[-1] == "Type a name for the device (coach and site)."
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        page.rename_button.click()
    idle(qtbot, window)
    row = next(i for i, d in enumerate(page.devices) if d.fingerprint == store.confirmed)
    assert page.table.item(row, 1).text() == "Ada Lopez, Eastside ED"  # type: ignore[union-attr]
    assert page.selected() is not None and page.selected().fingerprint == store.confirmed  # type: ignore[union-attr]
    # The dashboard's coach filter and the import history use the new name.
    assert window.dashboard.device.findText("Ada Lopez, Eastside ED") >= 0


# -- import history and flags ----------------------------------------------------------------


def test_history_per_file_and_acknowledging_a_flag(
    qtbot: QtBot, window: RcoWindow, store: DeskStore, warnings: list[str], tmp_path: Path
) -> None:
    page = window.importer
    window.tabs.setCurrentWidget(page)
    history = [
        [page.history.item(r, c).text() for c in range(6)]  # type: ignore[union-attr]
        for r in range(page.history.rowCount())
    ]
    assert len(history) == 6  # 2 held, 2 imported at confirmation, 1 flagged, 1 held
    assert [row[2] for row in history[:2]] == ["pending", "flagged"]
    assert history[1][3] == "Coach Ada" and int(history[1][4]) > 0  # coach and record count
    assert history[0][3] == store.pending  # not named yet: its fingerprint

    # An empty folder (or one whose bundles are elsewhere) says so instead of "0 imported".
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    with qtbot.waitSignal(window.imported, timeout=30_000):
        window.import_paths([str(tmp_path / "empty")])
    assert "No bundle files (.cdbundle) were found there" in page.summary.text()

    assert page.flags.rowCount() == 1
    assert page.flags.item(0, 3).text() == "open"  # type: ignore[union-attr]
    page.flags.clearSelection()
    page.flags.setCurrentCell(-1, -1)
    page.ack_button.click()
    assert warnings[-1] == "Select an open flag in the list."
    page.flags.selectRow(0)
    page.ack_button.click()
    dialog = window.dialog
    assert isinstance(dialog, AcknowledgeFlagDialog)
    dialog.ok_button.click()
    assert dialog.isVisible() and "Write a note" in dialog.message.text()
    dialog.note.setPlainText("Ada's laptop was restored from a May backup; checked with her.")
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        dialog.ok_button.click()
    idle(qtbot, window)
    status = page.flags.item(0, 3).text()  # type: ignore[union-attr]
    assert status.startswith("acknowledged ") and "restored from a May backup" in status
    window.lock()
    idle(qtbot, window)
    with stored(store) as desk:
        entry = desk.backend.audit_entries()[-1]  # the unlock above comes before it
        ack = [e for e in desk.backend.audit_entries() if e.action == "flag_acknowledged"]
        assert len(ack) == 1 and rco_audit.fields_of(ack[0])["device"] == store.confirmed
        assert entry.action in ("unlock", "flag_acknowledged")


# -- directory -------------------------------------------------------------------------------


def test_directory_add_edit_duplicate_remove_publish(
    qtbot: QtBot,
    window: RcoWindow,
    store: DeskStore,
    warnings: list[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    page = window.directory
    window.tabs.setCurrentWidget(page)
    assert page.table.item(0, 1).text() == "MOUD"  # type: ignore[union-attr]
    assert page.table.item(0, 2).text() == "Medication (MOUD)"  # type: ignore[union-attr]
    # Saving the same new entry again is refused plainly; the form keeps what was typed.
    page._new()
    page.name.setText("eastside moud clinic")
    page.category.setCurrentIndex(page.category.findData(ResourceCategory.MOUD.value))
    page.phone.setText("555-0101")
    page.save_button.click()
    idle(qtbot, window)
    assert "already has Eastside MOUD Clinic" in warnings[-1]
    assert page.name.text() == "eastside moud clinic" and page.phone.text() == "555-0101"
    assert page.table.rowCount() == 1
    page.save_button.click()  # clicked again: still one entry
    idle(qtbot, window)
    assert page.table.rowCount() == 1

    # A new entry with pathways from the chooser; the row highlighted is the one saved.
    page._new()
    page.name.setText("Hope House")
    page.category.setCurrentIndex(page.category.findData(ResourceCategory.HOUSING.value))
    page.set_pathways([Pathway.TWELVE_STEP, Pathway.FAITH_BASED])
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        page.save_button.click()
    idle(qtbot, window)
    assert page.table.rowCount() == 2
    row = page.table.currentRow()
    assert page.table.selectionModel().isRowSelected(row)
    assert page.table.item(row, 0).text() == "Hope House"  # type: ignore[union-attr]
    assert page.entries[row].rco_ref == page.ref
    assert page.checked_pathways() == [Pathway.TWELVE_STEP, Pathway.FAITH_BASED]
    # Edit it: the same entry changes, no new one.
    page.hours.setText("Mon-Fri 9-5")
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        page.save_button.click()
    idle(qtbot, window)
    assert page.table.rowCount() == 2
    # Remove asks first; No keeps it.
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    page.remove_button.click()
    idle(qtbot, window)
    assert page.table.rowCount() == 2 and page.ref
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        page.remove_button.click()
    idle(qtbot, window)
    assert [e.name for e in page.entries] == ["Eastside MOUD Clinic"]
    assert page.name.text() == "" and not page.table.selectionModel().hasSelection()
    # Publish: the signed file for coaches.
    folder = tmp_path / "publish"
    folder.mkdir()
    window._publish(str(folder))
    qtbot.waitUntil(lambda: "serial 1" in page.serial.text(), timeout=30_000)
    assert (folder / "coachdesk-directory.json").is_file()
    with stored(store) as desk:
        (hope,) = [e for e in desk.directory() if e.name == "Hope House"] or [None]
        assert hope is None  # removed
        assert len(desk.directory()) == 1


# -- report export ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["pdf", "csv", "json"])
def test_report_export_choice_and_audit_as_the_cli(
    qtbot: QtBot, window: RcoWindow, store: DeskStore, tmp_path: Path, fmt: str
) -> None:
    window.dashboard.export_button.click()
    dialog = window.dialog
    assert isinstance(dialog, ExportReportDialog)
    dialog.period.setCurrentText("2026")
    dialog.format_buttons[fmt].setChecked(True)
    dialog.target.setText(str(tmp_path / "nowhere" / f"r.{fmt}"))
    dialog.ok_button.click()
    assert dialog.isVisible() and "does not exist" in dialog.message.text()
    dialog.target.setText(str(tmp_path / "funder.pdf"))
    dialog.format_buttons["pdf"].setChecked(True)
    dialog.format_buttons[fmt].setChecked(True)  # switching format switches the suffix
    assert dialog.target.text() == str(tmp_path / f"funder.{fmt}")
    with qtbot.waitSignal(window.store_done, timeout=60_000):
        dialog.ok_button.click()
    idle(qtbot, window)
    written = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    assert written == [f"funder.{fmt}"]  # only the format chosen, no CSV on the side
    window.lock()
    idle(qtbot, window)
    with stored(store) as desk:
        entry = [e for e in desk.backend.audit_entries() if e.action == "report_exported"][-1]
        from_window = rco_audit.fields_of(entry)
        # What `coachdesk rco report --period 2026 --FMT OUT` records (the same use case).
        report = rco_desk.report_for(desk, "2026")
        rco_desk.export_report(
            desk,
            report,
            {fmt: tmp_path / f"cli.{fmt}"} if fmt != "json" else {},
            ["json"] if fmt == "json" else [],
        )
        from_cli = rco_audit.fields_of(desk.backend.audit_entries()[-1])
    assert from_window["period"] == from_cli["period"] == "2026"
    assert from_window["formats"] == from_cli["formats"] == [fmt]
    assert from_window.get("filters") == from_cli.get("filters")
    assert from_window["files"] == [str(tmp_path / f"funder.{fmt}")]


def test_report_pdf_in_the_windows_language(
    qtbot: QtBot, window: RcoWindow, store: DeskStore, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from coachdesk.app import translations

    translations.install("es")
    try:
        window.export_report("2026", tmp_path / "es.pdf", window.dashboard.filters())
        qtbot.waitUntil(lambda: (tmp_path / "es.pdf").is_file(), timeout=60_000)
        idle(qtbot, window)
    finally:
        translations.install("en")
    text = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "es.pdf")).pages)
    assert "informe de resultados, 2026" in text and "Métodos" in text
    assert "Methods" not in text and "outcomes report" not in text
    window.lock()
    idle(qtbot, window)
    with stored(store) as desk:
        entry = [e for e in desk.backend.audit_entries() if e.action == "report_exported"][-1]
        assert rco_audit.fields_of(entry)["language"] == "es"


# -- the store -------------------------------------------------------------------------------


def test_store_backup_check_passphrase_and_restore(
    qtbot: QtBot, window: RcoWindow, store: DeskStore, tmp_path: Path, warnings: list[str]
) -> None:
    page = window.store_page
    window.tabs.setCurrentWidget(page)
    assert store.path.name in page.info.text()
    assert page.audit.rowCount() > 5  # the audit log, newest first
    assert page.audit.item(0, 1).text() == "unlock"  # type: ignore[union-attr]
    usb = tmp_path / "usb"
    usb.mkdir()
    with qtbot.waitSignal(window.store_done, timeout=60_000):
        window.backup(str(usb))
    (backup,) = list(usb.iterdir())
    assert "Backup written and verified" in page.result.text() and backup.name in page.result.text()
    with qtbot.waitSignal(window.store_done, timeout=60_000):
        page.check_button.click()
    assert "passed" in page.result.text().lower() or "ok" in page.result.text().lower()
    csv_out = tmp_path / "audit.csv"
    with qtbot.waitSignal(window.store_done, timeout=30_000):
        window.export_audit_csv(str(csv_out))
    assert "backup" in csv_out.read_text("utf-8")

    # Change the passphrase (only the key slot changes: the store stays open).
    page.passphrase_button.click()
    dialog = window.dialog
    assert isinstance(dialog, ChangePassphraseDialog)
    dialog.current.setText("not the passphrase")
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.ok_button.isEnabled(), timeout=60_000)
    assert dialog.message.text() == "The passphrase does not open this store."
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText(NEW_PASSPHRASE)
    dialog.again.setText(NEW_PASSPHRASE)
    with qtbot.waitSignal(dialog.succeeded, timeout=60_000):
        dialog.ok_button.click()
    dialog.reject()
    window.lock()
    unlock(qtbot, window, NEW_PASSPHRASE)

    # A damaged backup is refused and the store is left as it is.
    damaged = tmp_path / "damaged.cdbackup"
    shutil.copytree(backup, damaged)
    db = next(p for p in damaged.iterdir() if p.suffix == ".db" or p.name.endswith(".sqlite"))
    data = bytearray(db.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 4096] = b"\0" * 4096
    db.write_bytes(bytes(data))
    window.tabs.setCurrentWidget(page)
    page.restore_button.click()
    restore = window.dialog
    assert isinstance(restore, RestoreDialog)
    restore.ok_button.click()
    assert restore.isVisible() and "Choose the backup folder" in restore.message.text()
    restore.backup.setText(str(damaged))
    restore.secret.setText(PASSPHRASE)
    restore.ok_button.click()
    qtbot.waitUntil(lambda: "was not restored" in window.start.message.text(), timeout=60_000)
    assert window.stack.currentWidget() is window.start
    unlock(qtbot, window, NEW_PASSPHRASE)  # unchanged: still the new passphrase

    # The good backup: restored, the previous store kept aside; it opens with the passphrase
    # it was made with.
    window.tabs.setCurrentWidget(page)
    page.restore_button.click()
    restore = window.dialog
    assert isinstance(restore, RestoreDialog)
    restore.backup.setText(str(backup))
    restore.secret.setText(PASSPHRASE)
    with qtbot.waitSignal(window.store_done, timeout=60_000):
        restore.ok_button.click()
    assert "Restored from" in window.start.message.text()
    kept = [p for p in store.path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(kept) == 1
    unlock(qtbot, window, PASSPHRASE)
    assert window.devices.table.rowCount() == 2


# -- fetch -----------------------------------------------------------------------------------


def test_fetch_with_no_inbox_and_with_the_network_down(
    qtbot: QtBot, window: RcoWindow, store: DeskStore, warnings: list[str]
) -> None:
    page = window.importer
    assert not page.fetch_button.isEnabled() and "fetch-setup" in page.fetch_button.toolTip()
    window.fetch_inbox()  # asked anyway (a shortcut): a plain sentence, no traceback
    idle(qtbot, window)
    assert warnings[-1].startswith("No inbox is set up for this store")
    window.lock()
    idle(qtbot, window)
    with stored(store) as desk:
        before = len(desk.bundles())
        settings = WebDavSettings(
            "https://127.0.0.1:9/inbox/", "rco", "secret pw", proxy=ProxySettings(ProxyMode.DIRECT)
        )
        fetch.save_fetch_settings(desk, fetch.FetchSettings(settings))
    unlock(qtbot, window)
    assert page.fetch_button.isEnabled()
    with qtbot.waitSignal(window.fetched, timeout=60_000) as signal:
        page.fetch_button.click()
    idle(qtbot, window)
    assert signal.args[0].offline
    assert "The inbox could not be reached" in warnings[-1]
    assert "Nothing was lost" in page.summary.text()
    assert page.fetch_button.isEnabled() and page.files_button.isEnabled()
    window.lock()
    idle(qtbot, window)
    with stored(store) as desk:
        assert len(desk.bundles()) == before


def test_a_lock_closes_the_dialog_showing_store_data(
    qtbot: QtBot, window: RcoWindow, store: DeskStore
) -> None:
    window.tabs.setCurrentWidget(window.importer)
    window.importer.flags.selectRow(0)
    window.importer.ack_button.click()
    dialog = window.dialog
    assert isinstance(dialog, AcknowledgeFlagDialog) and dialog.isVisible()
    dialog.note.setPlainText("half-written note")
    window.idle.platform_lock.emit("screen locked")  # what the screen saver says
    assert not dialog.isVisible() and window.dialog is None
    assert window.stack.currentWidget() is window.start
    idle(qtbot, window)
    with stored(store) as desk:  # nothing was acknowledged by the lock
        assert rco_desk.flag_views(desk)[0].open


def test_every_audit_action_is_worded_in_spanish(qtbot: QtBot) -> None:
    """The Store tab's audit log names each action the store records in the desk's language
    (a raw "suggestion_accepted" or an English word would be left in a Spanish desk)."""
    from coachdesk.app import translations
    from coachdesk.rco import curation
    from coachdesk.ui.rco.store_page import StorePage

    actions = [
        value
        for name, value in vars(rco_audit).items()
        if name.isupper() and isinstance(value, str) and name != "ACTOR"
    ] + [curation.SUGGESTION_ACCEPTED, curation.SUGGESTION_REJECTED]
    translations.install("es")
    try:
        page = StorePage()
        qtbot.addWidget(page)
        spanish = {a: page.action_label(a) for a in actions}
    finally:
        translations.install("en")
    page = StorePage()
    qtbot.addWidget(page)
    english = {a: page.action_label(a) for a in actions}
    assert [a for a in actions if spanish[a] == english[a] or "_" in spanish[a]] == []
