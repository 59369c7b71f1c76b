"""The Sync settings dialog's proxy fields (coachdesk.ui.exchange), end to end: the coach sets
a manual proxy with its user name and password in the window, and the next sync goes through
Debian's tinyproxy (Basic proxy auth) to the real nginx WebDAV server over TLS. Real vault,
real RCO desk and sealed bundles; nothing stubbed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.crypto import kdf
from coachdesk.exchange import sync
from coachdesk.exchange.transports.webdav import ProxyMode
from coachdesk.storage.outbox import OutboxState
from coachdesk.ui.exchange import ExchangeController, SyncSettingsDialog, _seal_into_outbox, install
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.servers.nginx import NginxDav
from tests.servers.tinyproxy import PROXY_PASSWORD, PROXY_USER, TinyProxy
from tests.sync_helpers import FAST
from tests.ui.conftest import MakeWindow, unlock
from tests.ui.test_exchange_ui import enroll_directly, run
from tests.webdav_server import PASSWORD, USER, Pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def coach(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, tmp_path: Path
) -> tuple[MainWindow, ExchangeController]:
    from coachdesk.rco.desk import RcoDesk

    desk, _ = RcoDesk.create(
        tmp_path / "rco", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    enrollment = desk.write_enrollment(tmp_path / "harbor-enrollment.json")
    fingerprint = desk.fingerprint
    desk.close()
    window = make_window()
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
    enroll_directly(qtbot, window, enrollment, fingerprint)
    return window, controller


def fill(dialog: SyncSettingsDialog, server: NginxDav, ca_file: Path, proxy: TinyProxy) -> None:
    dialog.url.setText(server.url)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.ca_file.setText(str(ca_file))
    dialog.proxy_modes[ProxyMode.MANUAL].setChecked(True)
    dialog.proxy_url.setText(proxy.url)
    dialog.proxy_user.setText(PROXY_USER)
    dialog.proxy_password.setText(PROXY_PASSWORD)


def error_after(qtbot: QtBot, dialog: SyncSettingsDialog, button: Any) -> str:
    button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=30_000)
    return dialog.error.text()


@pytest.fixture
def ca_file(pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The RCO's CA as the coach receives it; no proxy from the environment."""
    for name in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "rco-ca.pem"
    path.write_text(pki.ca_pem)
    return path


def test_a_manual_proxy_set_in_the_window_carries_the_sync(
    qtbot: QtBot,
    coach: tuple[MainWindow, ExchangeController],
    nginx: NginxDav,
    proxy: TinyProxy,
    ca_file: Path,
    tmp_path: Path,
) -> None:
    window, controller = coach

    dialog = controller.open_settings()
    assert isinstance(dialog, SyncSettingsDialog)
    assert dialog.proxy_mode() == ProxyMode.SYSTEM and not dialog.proxy_url.isEnabled()
    fill(dialog, nginx, ca_file, proxy)
    assert dialog.proxy_url.isEnabled()
    # "Test connection" goes through the proxy too, with its credentials.
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "accepted your user name" in dialog.message.text(), timeout=30_000)
    assert not dialog.error.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save_button.click()

    stored = run(qtbot, window, sync.webdav_settings)
    assert stored is not None
    assert (stored.proxy.mode, stored.proxy.url) == (ProxyMode.MANUAL, proxy.url)
    assert (stored.proxy.user, stored.proxy.password) == (PROXY_USER, PROXY_PASSWORD)
    settings_ini = (tmp_path / "settings.ini").read_text()
    assert PROXY_PASSWORD not in settings_ini and PROXY_USER not in settings_ini

    run(qtbot, window, _seal_into_outbox)
    controller.refresh_status()
    qtbot.waitUntil(lambda: controller.status is not None and controller.status.waiting == 1)
    before = len(proxy.connects())
    controller.sync_now()
    qtbot.waitUntil(
        lambda: (
            controller.status is not None
            and controller.status.state == sync.SyncState.UP_TO_DATE
            and controller.status.waiting == 0
        ),
        timeout=60_000,
    )
    rows = run(qtbot, window, sync.list_outbox)
    assert [r.state for r in rows] == [OutboxState.SENT]
    assert list(nginx.files()) == [rows[0].file_name]
    # The sync's connections were tunnels through the proxy to the inbox ...
    connects = proxy.connects()
    assert len(connects) > before and set(connects) == {f"127.0.0.1:{nginx.port}"}
    # ... and the proxy's password went to the proxy only.
    assert not nginx.proxy_authorization_seen()

    # Opened again, the dialog shows what is stored; the proxy password stays kept.
    again = controller.open_settings()
    assert isinstance(again, SyncSettingsDialog)
    qtbot.waitUntil(lambda: again.proxy_url.text() == proxy.url, timeout=10_000)
    assert again.proxy_mode() == ProxyMode.MANUAL
    assert again.proxy_user.text() == PROXY_USER and again.proxy_password.text() == ""
    assert again.proxy_password.placeholderText() == "(kept; type to change)"
    with qtbot.waitSignal(again.accepted, timeout=10_000):
        again.save_button.click()  # nothing typed: the password is kept
    kept = run(qtbot, window, sync.webdav_settings)
    assert kept is not None and kept.proxy.password == PROXY_PASSWORD


def test_proxy_mistakes_are_said_plainly_in_the_dialog(
    qtbot: QtBot,
    coach: tuple[MainWindow, ExchangeController],
    nginx: NginxDav,
    proxy: TinyProxy,
    ca_file: Path,
) -> None:
    window, controller = coach
    dialog = controller.open_settings()
    assert isinstance(dialog, SyncSettingsDialog)
    fill(dialog, nginx, ca_file, proxy)

    dialog.proxy_url.setText("")
    assert error_after(qtbot, dialog, dialog.save_button) == (
        "Give the proxy's address (http://host:port), or choose the system's proxy settings or "
        "a direct connection."
    )
    dialog.proxy_url.setText("https://proxy.example.org:3128")
    assert "must start with http://" in error_after(qtbot, dialog, dialog.save_button)
    dialog.proxy_url.setText(proxy.url)
    dialog.proxy_password.setText("")
    assert error_after(qtbot, dialog, dialog.save_button) == "The proxy password is empty."
    assert run(qtbot, window, sync.webdav_settings) is None  # nothing was saved

    dialog.proxy_password.setText("not-it")
    text = error_after(qtbot, dialog, dialog.test_button)
    assert text.startswith(f"The proxy 127.0.0.1:{proxy.port} refused the proxy user name")
    assert "in Sync settings" in text and "not-it" not in text
    assert nginx.files() == {}

    # Direct: the proxy fields are off and no proxy credentials are stored.
    dialog.proxy_modes[ProxyMode.DIRECT].setChecked(True)
    assert not dialog.proxy_url.isEnabled() and not dialog.proxy_password.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save_button.click()
    stored = run(qtbot, window, sync.webdav_settings)
    assert stored is not None and stored.proxy.mode == ProxyMode.DIRECT
    assert (stored.proxy.url, stored.proxy.user, stored.proxy.password) == ("", "", "")
