"""docs/security.md's fault cases where the coach's window is the path (pytest-qt, offscreen).

Each case is met the way a coach meets it: a damaged vault or an altered key file at the unlock
screen (and the restore from a backup that message asks for, done from the locked window);
saving the plan PDF, backing up, and sending exports to a folder when the disk is full or
read-only. Sealing an export has no folder in the window (it goes into the outbox inside the
vault); the window's way to a folder is Sync ▸ Sync now with no inbox set up, tested here.

Each must show one plain message (no traceback, no exception text), leave no partial or temp
file where the write was aimed, and lose nothing: the vault still opens, passes the full
check, and holds what it held. Full and read-only disks are real small tmpfs
mounts (tests.fault.mounts); those cases skip without root, as tests/fault does.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.application.changes import Changes
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export as exports
from coachdesk.exchange import sync
from coachdesk.storage import outbox
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, Vault
from coachdesk.ui.exchange import ExchangeController
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.settings_dialog import SettingsDialog
from tests.conftest import PASSPHRASE
from tests.fault.mounts import remount_read_only, tmpfs
from tests.fault.test_tampering import _edit_kdf
from tests.rco_support import TODAY
from tests.ui.conftest import MakeWindow, unlock
from tests.unit.test_bundle import make_enrollment

# What must never reach a coach: a traceback, a Python exception name, an errno dump.
_TECHNICAL = re.compile(
    r"Traceback|File \"|\[Errno|Errno \d|\b[A-Z][A-Za-z]*(Error|Exception)\b|sqlcipher|"
    r"sqlite3|0x[0-9a-f]{4}",
)


def assert_plain(text: str) -> None:
    assert text.strip(), "no message was shown"
    assert not _TECHNICAL.search(text), f"technical text shown to the coach: {text!r}"


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def wait_for_box(qtbot: QtBot) -> str:
    qtbot.waitUntil(lambda: bool(message_boxes()), timeout=20_000)
    boxes = message_boxes()
    assert len(boxes) == 1, [b.text() for b in boxes]
    text = boxes[0].text()
    boxes[0].done(0)
    qtbot.waitUntil(lambda: not message_boxes(), timeout=5_000)
    return text


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes (names relative to it)."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def check_vault(path: Path) -> tuple[int, int]:
    """The vault opens, passes the full check; returns (clients, notes)."""
    with Vault.open(path, PASSPHRASE) as vault:
        report = vault.check(full=True)
        assert report.ok, report
        clients = vault.conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        notes = vault.conn.execute("SELECT count(*) FROM notes").fetchone()[0]
    return int(clients), int(notes)


@pytest.fixture
def demo_vault(coach_vault: Path) -> Path:
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        demo.generate(vault, 12, 3, 2, today=TODAY)
    return coach_vault


# -- 1, 2: the unlock screen ------------------------------------------------------------------


def test_a_page_damaged_in_the_middle_is_found_after_unlock_and_stops_every_write(
    qtbot: QtBot, make_window: MakeWindow, demo_vault: Path
) -> None:
    """Unlock costs only the key derivation (issue 18): a damaged page that the open does not
    read is found by the background check of every page, which the window starts at unlock.
    The coach is told plainly, and nothing more is written to the damaged file."""
    db = demo_vault / DB_NAME
    # A page in the middle of the file that unlock, Today and the client list do not read (the
    # plans' search index): which page is "the middle" moves with every migration.
    with Vault.open(demo_vault, PASSPHRASE) as vault:
        (root,) = vault.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'plans_fts_data'"
        ).fetchone()
    original = db.read_bytes()
    page = 4096
    damaged = bytearray(original)
    damaged[(root - 1) * page + 777] ^= 0x5A
    db.write_bytes(bytes(damaged))

    window = make_window()
    unlock(qtbot, window)
    text = wait_for_box(qtbot)
    assert_plain(text)
    assert "integrity check" in text and "backup" in text
    assert "integrity check" in window.statusBar().currentMessage()
    before = db.read_bytes()
    errors: list[str] = []
    window.db.write(
        lambda c: c.add_client(c.get_client(1)),
        Changes(),
        on_error=lambda exc: errors.append(str(exc)),
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    assert "integrity check" in errors[0]
    window.close()
    assert db.read_bytes() == before  # nothing written after the check failed


@pytest.mark.parametrize("where", ["first page"])
def test_damaged_vault_at_unlock_is_a_plain_message_and_nothing_is_rewritten(
    qtbot: QtBot, make_window: MakeWindow, demo_vault: Path, where: str
) -> None:
    db = demo_vault / DB_NAME
    original = db.read_bytes()
    page = 4096
    assert len(original) >= 4 * page
    offset = 100 if where == "first page" else (len(original) // page // 2) * page + 777
    damaged = bytearray(original)
    damaged[offset] ^= 0x5A
    db.write_bytes(bytes(damaged))
    before = snapshot(demo_vault)

    window = make_window()
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    page_ = window.unlock_page
    qtbot.waitUntil(lambda: page_.unlock_button.isEnabled() and not window.db.busy, timeout=10_000)
    text = page_.message.text()
    assert_plain(text)
    assert "damaged" in text and "backup" in text
    assert window.stack.currentWidget() is page_
    assert not message_boxes()  # said on the unlock screen, not in a stray dialog
    assert snapshot(demo_vault) == before  # nothing rewritten, "repaired" or added

    # The window is still usable: once the good file is back, the same window unlocks.
    assert page_.passphrase.isEnabled() and page_.vault_combo.isEnabled()
    db.write_bytes(original)
    unlock(qtbot, window)
    assert window.clients_page.model.total == 12
    window.close()
    assert check_vault(demo_vault)[0] == 12


def test_altered_key_file_is_refused_at_once_with_a_plain_message(
    qtbot: QtBot, make_window: MakeWindow, demo_vault: Path
) -> None:
    slots = demo_vault / SLOTS_NAME
    original = slots.read_bytes()
    _edit_kdf(demo_vault, fix_checksum=True, memory_kib=64 * 1024 * 1024)  # 64 GiB
    before = snapshot(demo_vault)

    window = make_window()
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE)
    started = time.perf_counter()
    page.unlock_button.click()
    qtbot.waitUntil(lambda: page.unlock_button.isEnabled() and not window.db.busy, timeout=10_000)
    assert time.perf_counter() - started < 2, "refused without running the key derivation"
    text = page.message.text()
    assert_plain(text)
    assert "key file" in text and "altered" in text and "from a backup" in text
    assert window.stack.currentWidget() is page
    assert snapshot(demo_vault) == before

    slots.write_bytes(original)
    unlock(qtbot, window)
    window.close()
    assert check_vault(demo_vault)[0] == 12


# -- 3: saving the recovery plan PDF ------------------------------------------------------------


def _open_plan_preview(qtbot: QtBot, window: MainWindow) -> Any:
    unlock(qtbot, window)
    cid = 1
    window.open_client(cid)
    qtbot.waitUntil(lambda: window.workspace.client_id == cid, timeout=5_000)
    window.print_action.trigger()
    dialog = window.workspace.output_dialog
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not window.db.busy, timeout=20_000)
    return dialog


def _save_via_button(
    qtbot: QtBot, dialog: Any, monkeypatch: pytest.MonkeyPatch, target: Path
) -> None:
    """Click "Save as PDF…"; the native file picker answers with `target`."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "PDF (*.pdf)")
    )
    dialog.save_button.click()


def _saves_audited(path: Path) -> int:
    with Vault.open(path, PASSPHRASE) as vault:
        return sum(1 for e in Caseload(vault).audit_trail(1) if e.action == "save")


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_plan_pdf_save_into_a_full_or_read_only_disk(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    clients_notes = check_vault(demo_vault)
    window = make_window()
    dialog = _open_plan_preview(qtbot, window)
    size = "8k" if fault == "full" else "64k"
    with tmpfs(tmp_path / "usb", size) as usb:
        if fault == "full":
            assert len(dialog.pdf) > 8 * 1024, "the PDF must not fit on the small disk"
        else:
            remount_read_only(usb)
        _save_via_button(qtbot, dialog, monkeypatch, usb / "recovery-plan.pdf")
        text = wait_for_box(qtbot)
        assert_plain(text)
        if fault == "full":
            assert text == "There is not enough free space to save recovery-plan.pdf."
        else:
            assert text == f"CoachDesk may not write in the folder {usb}."
        assert list(usb.iterdir()) == []  # no partial file, no temp file
        qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)

    # The app keeps working: the same preview saves into a good folder.
    good = tmp_path / "good"
    good.mkdir()
    _save_via_button(qtbot, dialog, monkeypatch, good / "recovery-plan.pdf")
    saved = good / "recovery-plan.pdf"
    qtbot.waitUntil(saved.exists, timeout=10_000)
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    assert saved.read_bytes().startswith(b"%PDF") and saved.read_bytes() == dialog.pdf
    assert [p.name for p in good.iterdir()] == ["recovery-plan.pdf"]
    assert not message_boxes()
    window.close()
    assert check_vault(demo_vault) == clients_notes
    assert _saves_audited(demo_vault) == 1  # only the save that happened is on record


# -- 4: backup now ------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", ["full", "read-only"])
def test_backup_now_to_a_full_or_read_only_disk(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fault: str,
) -> None:
    clients_notes = check_vault(demo_vault)
    window = make_window()
    unlock(qtbot, window)
    seen: dict[str, str] = {}
    with tmpfs(tmp_path / "usb", "16k") as usb:
        if fault == "read-only":
            remount_read_only(usb)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))

        def in_settings() -> None:
            """Settings is window-modal and does not block: drive it once it is open."""
            dialog = next(
                w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog)
            )
            dialog.backup_button.click()
            qtbot.waitUntil(
                lambda: dialog.status.text() not in ("", "Backing up…") and not window.db.busy,
                timeout=20_000,
            )
            seen["status"] = dialog.status.text()
            seen["style"] = dialog.status.objectName()
            dialog.reject()

        window.open_settings()  # Settings ▸ Back up now…, as the coach does it
        in_settings()
        text = seen["status"]
        assert_plain(text)
        if fault == "full":
            assert text == "There is not enough free space for the backup."
        else:
            assert text == f"CoachDesk may not write in the folder {usb}."
        assert seen["style"] == "error"  # shown as a failure, not in the grey hint style
        assert list(usb.iterdir()) == []  # no half-written backup, no hidden work folder
    window.close()
    assert check_vault(demo_vault) == clients_notes


# -- 5: exports leaving for a folder ------------------------------------------------------------


@pytest.fixture
def enrolled(coach_vault: Path) -> Path:
    rco = RcoIdentity.generate()
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        demo.generate(vault, 12, 3, 2, today=TODAY)
        exports.enroll(Caseload(vault), make_enrollment(rco, "Harbor RCO"), rco.public.fingerprint)
    return coach_vault


def _run(qtbot: QtBot, window: MainWindow, fn: Callable[[Caseload], Any]) -> Any:
    box: list[Any] = []
    window.db.call(fn, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    return box[0]


def _outbox_state(c: Caseload) -> list[tuple[Any, ...]]:
    """What was sealed (attempt counts and the last error may change: they record the try)."""
    return [(i.bundle_id, i.counter, i.file_name, i.sealed) for i in outbox.items(c.vault.conn)]


def test_sealed_export_sent_to_a_read_only_folder(
    qtbot: QtBot,
    make_window: MakeWindow,
    enrolled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window()
    controller: ExchangeController = window.exchange  # the Sync menu the window installed
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
    # Sync ▸ Export…: preview, then Seal & queue.
    export = controller.open_export()
    qtbot.waitUntil(lambda: export.seal_button.isEnabled(), timeout=20_000)
    export.seal_button.click()
    qtbot.waitUntil(lambda: export.sealed is not None, timeout=20_000)
    export.reject()
    qtbot.waitUntil(lambda: not window.db.busy, timeout=5_000)
    queued = _run(qtbot, window, _outbox_state)
    assert len(queued) == 1

    with tmpfs(tmp_path / "usb", "256k") as usb:
        remount_read_only(usb)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))
        controller.sync_now()  # no inbox set up: the coach is asked for a folder
        text = wait_for_box(qtbot)
        assert_plain(text)
        assert "Exports still waiting: 1" in text
        assert f"may not write in the folder {usb}" in text
        assert list(usb.iterdir()) == []
        qtbot.waitUntil(lambda: not controller.syncing and not window.db.busy, timeout=10_000)
    assert _run(qtbot, window, _outbox_state) == queued  # still queued, unchanged
    status = _run(qtbot, window, sync.sync_status)
    assert status.waiting == 1

    good = tmp_path / "good"
    good.mkdir()
    controller.sync_to_folder(good)
    qtbot.waitUntil(lambda: any(good.glob("*.cdbundle")), timeout=20_000)
    qtbot.waitUntil(lambda: not controller.syncing and not window.db.busy, timeout=10_000)
    assert not message_boxes()
    window.close()
    check_vault(enrolled)


def test_damaged_vault_restored_from_a_backup_through_the_locked_window(
    qtbot: QtBot,
    make_window: MakeWindow,
    demo_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The unlock screen says "restore it from a backup": the window must let the coach do so
    while the vault will not open (Settings ▸ Restore from a backup… on the lock screen); the
    damaged vault is kept aside untouched, for rescue."""
    usb = tmp_path / "usb"
    usb.mkdir()
    with Vault.open(demo_vault, PASSPHRASE) as vault:
        backup = vault.backup(usb)
    db = demo_vault / DB_NAME
    damaged = bytearray(db.read_bytes())
    damaged[100] ^= 0x5A
    db.write_bytes(bytes(damaged))
    damaged_files = snapshot(demo_vault)

    window = make_window()
    page = window.unlock_page
    page.passphrase.setText(PASSPHRASE)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: "damaged" in page.message.text(), timeout=10_000)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(backup))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)

    def in_settings() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        dialog.restore_button.click()
        if dialog.isVisible():  # the fix closes it; before, nothing at all happened
            dialog.reject()

    QTimer.singleShot(0, in_settings)
    assert window.settings_action.isEnabled()
    window.settings_action.trigger()  # File ▸ Settings… on the lock screen
    qtbot.waitUntil(lambda: "Backup restored" in page.message.text(), timeout=10_000)
    assert_plain(page.message.text())
    (kept,) = demo_vault.parent.glob("river-coach.before-restore-*")
    assert snapshot(kept) == damaged_files  # the damaged vault is kept as it was
    unlock(qtbot, window)
    assert window.clients_page.model.total == 12
    window.close()
    assert check_vault(demo_vault)[0] == 12
