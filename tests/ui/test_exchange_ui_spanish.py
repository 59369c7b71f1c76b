"""The window shows sync refusals in its own language (coachdesk.ui.exchange): a pulled USB
stick and a WebDAV server refusing the password, in the error box and the indicator's tooltip.
Real vault, real folder, real TLS WebDAV server; the only stand-in records what show_error
would put in a message box (a modal box would wait for a click)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from coachdesk.exchange import sync
from coachdesk.storage.vault import Vault
from coachdesk.ui import exchange as ui_exchange
from coachdesk.ui.exchange import ExchangeController, install
from tests.conftest import PASSPHRASE
from tests.sync_helpers import FAST, add_bundles, dav_settings
from tests.ui.conftest import MakeWindow, unlock
from tests.unit.test_sync_spanish import english_left
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(120)


Spanish = Callable[[], tuple[ExchangeController, list[str]]]


@pytest.fixture
def spanish(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> Spanish:
    """Opens the window in Spanish on a vault with one export waiting: its controller and
    what show_error was asked to show."""
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        add_bundles(vault, 1)
    shown: list[str] = []
    monkeypatch.setattr(ui_exchange, "show_error", lambda _parent, text: shown.append(text))

    def open_window() -> tuple[ExchangeController, list[str]]:
        window = make_window("es")
        controller = install(window, policy=FAST)
        unlock(qtbot, window)
        qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
        return controller, shown

    return open_window


def _tooltip_when(qtbot: QtBot, controller: ExchangeController, state: sync.SyncState) -> str:
    qtbot.waitUntil(
        lambda: controller.status is not None and controller.status.state == state,
        timeout=20_000,
    )
    return controller.indicator.toolTip()


def test_a_pulled_stick_is_shown_in_spanish(qtbot: QtBot, spanish: Spanish, tmp_path: Path) -> None:
    controller, shown = spanish()
    pulled = tmp_path / "usb"
    controller.sync_to_folder(pulled)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert shown == [
        "No se pudo enviar todo. Exportaciones aún en espera: 1.\n\n"
        f"La carpeta {pulled} no está (¿se retiró la memoria USB o se desconectó la carpeta "
        "compartida?)."
    ]
    tip = _tooltip_when(qtbot, controller, sync.SyncState.OFFLINE)
    assert f"La carpeta {pulled} no está" in tip and not english_left(tip), tip


def test_a_refused_password_is_shown_in_spanish(
    qtbot: QtBot, spanish: Spanish, coach_vault: Path, dav: DavServer, pki: Pki
) -> None:
    with Vault.open(coach_vault, PASSPHRASE) as vault:
        sync.save_webdav_settings(vault, dav_settings(dav.url, pki, password="guess"))
    controller, shown = spanish()
    controller.sync_now()
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    (text,) = shown
    assert "El servidor de la organización rechazó el usuario o la contraseña" in text
    assert "Las exportaciones siguen esperando." in text and not english_left(text), text
    tip = _tooltip_when(qtbot, controller, sync.SyncState.FAILED)
    assert "El servidor de la organización rechazó el usuario" in tip and not english_left(tip), tip
