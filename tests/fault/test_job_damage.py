"""A window job that reads a damaged page before the background check has found it (issue 18).

After unlock the full check runs in the background; until its next run, a page damaged since
(a disk fault) is met first by whatever job reads it. That job's SQLite error must take the
damaged-vault path once, as the check's own failure does: writes blocked at once, one plain
message in the window's language, and no "Something unexpected went wrong (DatabaseError)" box
from that job nor from the jobs after it. Real SQLCipher files, a real window, offscreen.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.application.changes import Changes
from coachdesk.core.models import ContactMode, SessionNote
from coachdesk.errors import CoachDeskError, IntegrityError
from coachdesk.i18n import catalog
from coachdesk.storage.vault import DB_NAME, FAILED_CHECK_NAME, CheckState, Vault
from coachdesk.ui.forms._messages import error_text
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, clock, coach_vault, make_window, settings, unlock  # noqa: F401 (fixtures)
from tests.ui.test_gui_faults import assert_plain, demo_vault, message_boxes  # noqa: F401

PAGE = 4096


def _flip_notes_page(vault_folder: Path) -> None:
    """Damage the notes table's root page in place, as a disk fault would (the open window
    keeps its file). Unlock, Today and the client list do not read it; opening a client does."""
    with Vault.open(vault_folder, PASSPHRASE) as vault:
        (root,) = vault.conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'notes'"
        ).fetchone()
    with open(vault_folder / DB_NAME, "r+b") as fh:
        fh.seek((root - 1) * PAGE + 901)
        byte = fh.read(1)[0]
        fh.seek((root - 1) * PAGE + 901)
        fh.write(bytes([byte ^ 0x5A]))


def _checked(qtbot: QtBot, window: MainWindow) -> None:
    """The background check started at unlock has passed: it will not run again today."""
    vault = window.db._worker.vault
    assert vault is not None
    qtbot.waitUntil(lambda: vault.check_status.state == CheckState.PASSED, timeout=20_000)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_read_job_meeting_a_damaged_page_says_so_once_and_plainly(
    qtbot: QtBot,
    make_window: MakeWindow,  # noqa: F811 (the fixture imported above)
    demo_vault: Path,  # noqa: F811
    language: str,
) -> None:
    window = make_window(language)
    unlock(qtbot, window)
    _checked(qtbot, window)
    # The vault file is copied for the window's own open; flip the bytes under it now.
    _flip_notes_page(demo_vault)
    boxes: list[str] = []

    def record() -> bool:
        for box in message_boxes():
            boxes.append(box.text())
            box.done(0)
        return False

    window.open_client(1)  # reads the client's notes: the damaged page
    read_errors: list[str] = []
    window.db.call(lambda c: c.notes(1, 50))  # a second read job, no error handler of its own
    window.db.call(lambda c: c.notes(2, 50), on_error=lambda e: read_errors.append(str(e)))
    qtbot.waitUntil(lambda: record() or (bool(boxes) and not window.db.busy), timeout=20_000)
    qtbot.wait(300)  # anything else queued meanwhile has arrived
    record()

    expected = catalog.text("vault.watch_failed", language)
    assert boxes == [expected], boxes  # one box, the plain sentence; no generic one
    assert_plain(boxes[0])
    assert window.statusBar().currentMessage() == expected
    assert read_errors and "integrity check" in read_errors[0]  # a handler hears it plainly
    vault = window.db._worker.vault
    assert vault is not None and vault.damaged
    assert (demo_vault / FAILED_CHECK_NAME).exists()  # the next unlock checks first

    # Writes are blocked at once, with the plain sentence; nothing reaches the file.
    before = (demo_vault / DB_NAME).read_bytes()
    refused: list[CoachDeskError] = []
    note = SessionNote(1, datetime.now(UTC), ContactMode.PHONE, "after the damage")
    window.db.write(lambda c: c.add_note(note), Changes(), None, refused.append)
    qtbot.waitUntil(lambda: bool(refused), timeout=10_000)
    assert isinstance(refused[0], IntegrityError)
    assert_plain(error_text(refused[0]))  # the storage's plain sentence (English for now)
    record()
    assert len(boxes) == 1, boxes
    window.close()
    assert (demo_vault / DB_NAME).read_bytes() == before
