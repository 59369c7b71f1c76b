"""The desk's "Fetch from the inbox" against a real WebDAV server (nginx's dav module over
TLS with Basic auth, started by the test): progress while it runs, per-file results, the
inbox cleared to processed/ only after each import, the history kept; then the server
stopped mid-session gives a plain sentence and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
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


def test_fetch_from_the_inbox_in_the_window(
    qtbot: QtBot,
    world: World,
    nginx: NginxDav,
    pki: Pki,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    store = tmp_path / "store"
    shutil.copytree(world.store, store)
    with RcoDesk.open(store, PASSPHRASE) as desk:
        before = len(desk.bundles())
        settings = WebDavSettings(
            nginx.url, USER, PASSWORD, pki.ca_pem, ProxySettings(ProxyMode.DIRECT)
        )
        fetch.save_fetch_settings(desk, fetch.FetchSettings(settings))
    for name, data in world.bundles.items():
        (nginx.root / name).write_bytes(data)

    create_app()
    window = RcoWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(window.lists_refreshed, timeout=30_000):
        window.start.unlock_button.click()
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
    assert progress[-1] == total and page.progress.maximum() == total
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
