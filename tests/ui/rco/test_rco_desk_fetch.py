"""The desk's "Fetch from the inbox" against a real WebDAV server (nginx's dav module over
TLS with Basic auth, started by the test): progress while it runs, per-file results, the
inbox cleared to processed/ only after each import, the history kept; then the server
stopped mid-session gives a plain sentence and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from coachdesk.app.bootstrap import create_app
from coachdesk.application import rco_fetch as fetch
from coachdesk.exchange.transports.webdav import ProxyMode, ProxySettings, WebDavSettings
from coachdesk.rco.desk import RcoDesk
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE
from tests.servers.nginx import NginxDav
from tests.servers.rco_world import World, make_world
from tests.webdav_server import PASSWORD, USER, Pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    return make_world(tmp_path_factory.mktemp("world"), confirmed=5, unknown=1, clients=6)


def _boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warning boxes' texts, instead of the boxes."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    return shown


def _store(world: World, nginx: NginxDav, pki: Pki, tmp_path: Path) -> tuple[Path, int]:
    """A copy of the world's store with nginx's inbox set up, and its bundles' count."""
    store = tmp_path / "store"
    shutil.copytree(world.store, store)
    with RcoDesk.open(store, PASSPHRASE) as desk:
        settings = WebDavSettings(
            nginx.url, USER, PASSWORD, pki.ca_pem, ProxySettings(ProxyMode.DIRECT)
        )
        fetch.save_fetch_settings(desk, fetch.FetchSettings(settings))
        return store, len(desk.bundles())


def _unlocked(qtbot: QtBot, store: Path, fetch_tick_ms: int = 60_000) -> RcoWindow:
    create_app()
    window = RcoWindow(store, fetch_tick_ms=fetch_tick_ms)
    qtbot.addWidget(window)
    window.show()
    window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        window.start.unlock_button.click()
    return window


def test_fetch_from_the_inbox_in_the_window(
    qtbot: QtBot,
    world: World,
    nginx: NginxDav,
    pki: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown = _boxes(monkeypatch)
    store, before = _store(world, nginx, pki, tmp_path)
    for name, data in world.bundles.items():
        (nginx.root / name).write_bytes(data)
    window = _unlocked(qtbot, store)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)
    page = window.importer
    assert page.fetch_button.isEnabled()
    progress: list[int] = []
    page.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(window.fetched, timeout=120_000) as signal:
        page.fetch_button.click()
        assert not page.fetch_button.isEnabled() and not page.files_button.isEnabled()
    report = signal.args[0]
    assert report.ok and not shown, (report.lines, shown)
    total = len(world.bundles)
    # The bar went through every file, then (data was added) the dashboard's figures were
    # prepared under it (issue 14) and the page given back.
    assert progress[: progress.index(total) + 1][-total:] == list(range(1, total + 1))
    qtbot.waitUntil(lambda: page.progress.format() == "%p%", timeout=30_000)
    assert page.fetch_button.isEnabled()
    assert page.results.rowCount() == total
    results = [page.results.item(r, 1).text() for r in range(total)]  # type: ignore[union-attr]
    assert results.count("imported") == len(world.confirmed)
    assert results.count("pending") == len(world.unknown)
    assert "bundles cleared from the inbox" in page.summary.text()
    assert nginx.files("processed") == world.bundles  # each one moved after its commit
    qtbot.waitUntil(lambda: page.history.rowCount() >= total, timeout=30_000)

    # The server goes away: a plain sentence, nothing lost, the buttons back.
    nginx.stop()
    with qtbot.waitSignal(window.fetched, timeout=120_000) as signal:
        page.fetch_button.click()
    assert signal.args[0].offline
    assert shown and shown[-1].startswith("The inbox could not be reached")
    assert "Traceback" not in shown[-1]
    assert page.fetch_button.isEnabled()
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)
    window.close()
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert len(desk.bundles()) == before + len(world.confirmed)


def test_the_desk_fetches_on_its_own_while_unlocked(
    qtbot: QtBot,
    world: World,
    nginx: NginxDav,
    pki: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The schedule chosen by keyboard is kept in the store; a due fetch runs without taking
    the supervisor off the dashboard; the server gone, it says so in the status bar (no box
    over the supervisor's work); locked, it stops."""
    shown = _boxes(monkeypatch)
    store, before = _store(world, nginx, pki, tmp_path)
    window = _unlocked(qtbot, store, fetch_tick_ms=50)
    page = window.importer
    assert page.every.isEnabled() and page.every.currentText() == "never"

    window.tabs.setCurrentWidget(page)
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert page.every.hasFocus()
    qtbot.keyClick(page.every, Qt.Key.Key_Down)  # the next choice: every 15 minutes
    qtbot.waitUntil(lambda: window.fetch_every == 15, timeout=30_000)
    assert page.every.currentText() == "every 15 minutes"
    with RcoDesk.open(store, PASSPHRASE) as desk:
        stored = fetch.fetch_settings(desk)
        assert stored is not None and stored.every == 15

    for name, data in world.bundles.items():
        (nginx.root / name).write_bytes(data)
    window.tabs.setCurrentWidget(window.dashboard)
    with qtbot.assertNotEmitted(window.fetched, wait=300):
        pass  # not due yet: fifteen minutes from the choice
    window.last_fetch -= 15 * 60
    with qtbot.waitSignal(window.fetched, timeout=120_000) as signal:
        pass
    assert signal.args[0].ok and not shown
    assert window.tabs.currentWidget() is window.dashboard  # left where the supervisor was
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=60_000)

    nginx.stop()
    window.last_fetch -= 15 * 60
    with qtbot.waitSignal(window.fetched, timeout=120_000) as signal:
        pass
    assert signal.args[0].offline and not shown  # no box
    assert window.statusBar().currentMessage().startswith("The inbox could not be reached")

    window.lock()
    assert window.fetch_every == 0
    window.last_fetch -= 15 * 60
    with qtbot.assertNotEmitted(window.fetched, wait=300):
        pass
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=30_000)
    window.close()
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert len(desk.bundles()) == before + len(world.confirmed)
