"""Locking during a stalled upload: the network never holds the vault's thread.

A real WebDAV server over TLS on 127.0.0.1 (tests/webdav_server.py) that takes the PUT and
never answers. The window's sync prepares on the vault thread, delivers on its own thread and
records on the vault thread; Ctrl+L cancels the delivery (its connection is cut) and closes the
vault at once: the key is dropped within a second, the upload stops long before its 5 s
timeout, the export stays waiting (not lost, not stuck as "sending"), and the next sync
delivers it.
"""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from coachdesk.exchange import sync
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxItem, OutboxState
from coachdesk.storage.vault import Vault
from coachdesk.ui.exchange import ExchangeController
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.sync_helpers import FAST, add_bundles, dav_settings
from tests.ui.conftest import MakeWindow, unlock
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]


def states(vault_path: Path) -> list[OutboxState]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        return [i.state for i in outbox.items(vault.conn)]


def ready(
    qtbot: QtBot,
    make_window: MakeWindow,
    coach_vault: Path,
    dav: DavServer,
    pki: Pki,
    count: int,
    *,
    stall: bool = True,
) -> tuple[MainWindow, ExchangeController, list[OutboxItem]]:
    """`count` exports waiting, the WebDAV inbox set up (stalling every PUT), unlocked."""
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        items = add_bundles(vault, count, size=40_000)
        sync.save_webdav_settings(vault, dav_settings(dav.url, pki))
    dav.faults.stall = "PUT" if stall else ""
    window = make_window()
    controller = window.exchange
    controller.configure(policy=FAST)
    unlock(qtbot, window)
    controller.soon.stop()  # the tests start the syncs themselves
    return window, controller, items


def test_lock_during_a_stalled_upload_returns_at_once_and_the_export_waits(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, dav: DavServer, pki: Pki
) -> None:
    window, controller, (item,) = ready(qtbot, make_window, coach_vault, dav, pki, 1)
    controller.sync_now()
    qtbot.waitUntil(dav.faults.stalled.is_set, timeout=15_000)  # the PUT hangs there
    qtbot.waitUntil(lambda: not window.db.busy, timeout=2_000)  # the vault thread is free
    (thread,) = [t for t in controller.net.threads if t.is_alive()]
    worker = window.db._worker

    started = time.monotonic()
    window.lock("shortcut")
    took = time.monotonic() - started
    assert took < 1.0, f"lock took {took:.2f} s"
    assert window.stack.currentWidget() is window.unlock_page
    qtbot.waitUntil(lambda: worker.vault is None and worker.caseload is None, timeout=1_000)
    assert time.monotonic() - started < 1.0  # the key is dropped within the second
    thread.join(timeout=2.0)  # cut, not left to its 5 s read timeout and retries
    assert not thread.is_alive(), "the upload went on after the lock"
    assert [e.method for e in dav.faults.log if e.method in ("PUT", "MOVE")] == ["PUT"]
    assert dav.files() == {}
    assert states(coach_vault) == [OutboxState.WAITING]  # given back, not lost nor "sending"

    dav.faults.stall = ""
    dav.faults.release.set()
    unlock(qtbot, window)
    controller.soon.stop()
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.last_report is not None, timeout=15_000)
    assert controller.last_report is not None and controller.last_report.ok
    assert dav.files() == {item.file_name: item.sealed}
    window.lock("shortcut")
    assert states(coach_vault) == [OutboxState.SENT]


def test_quitting_during_a_stalled_upload_does_not_wait_for_the_network(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, dav: DavServer, pki: Pki
) -> None:
    window, controller, _items = ready(qtbot, make_window, coach_vault, dav, pki, 2)
    controller.sync_now()
    qtbot.waitUntil(dav.faults.stalled.is_set, timeout=15_000)
    started = time.monotonic()
    window.close()  # drafts kept, vault closed, worker thread ended: all without the network
    took = time.monotonic() - started
    # The server holds the PUT for 60 s: a close that waited on the network would take that
    # long. The bound is far from both ends so a loaded machine cannot make it flaky.
    assert not dav.faults.release.is_set()
    assert took < 15.0, f"quitting took {took:.2f} s"
    assert states(coach_vault) == [OutboxState.WAITING, OutboxState.WAITING]


def test_a_click_during_a_background_run_neither_doubles_nor_sticks(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, dav: DavServer, pki: Pki
) -> None:
    window, controller, items = ready(qtbot, make_window, coach_vault, dav, pki, 2, stall=False)
    controller.background_check()  # the timer
    controller.sync_now()  # and the coach's F9 at the same moment
    qtbot.waitUntil(lambda: len(dav.files()) == 2, timeout=15_000)
    qtbot.waitUntil(lambda: controller.run is None and not window.db.busy, timeout=10_000)
    assert dav.files() == {i.file_name: i.sealed for i in items}
    box: list[bool] = []
    window.db.call(sync.is_running, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5_000)
    assert box == [False]  # no run left claiming the vault
    assert not controller.syncing and controller.sync_action.isEnabled()
