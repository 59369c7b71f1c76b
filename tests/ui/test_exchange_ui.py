"""The window's Sync menu, dialogs, indicator and background check (coachdesk.ui.exchange).

Real parts only: the MainWindow on a real vault filled by application.demo, a real RCO desk and its
enrollment file, real keys and sealed bundles, a real folder and a real WebDAV server over
TLS on 127.0.0.1 (tests/webdav_server.py). The only stand-in is Qt's native folder picker,
which returns the test's folder instead of waiting for a click.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.exchange import bundle as bundles
from coachdesk.exchange import export as exports
from coachdesk.exchange import sync
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from coachdesk.ui.exchange import ExchangeController, _seal_into_outbox, install
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.rco_support import TODAY
from tests.sync_helpers import FAST
from tests.ui.conftest import MakeWindow, unlock
from tests.webdav_server import PASSWORD, USER, DavServer, Pki, free_port

pytest_plugins = ["tests.sync_fixtures"]

R = TypeVar("R")
CLIENTS = 30


def run(qtbot: QtBot, window: MainWindow, fn: Callable[[Caseload], R]) -> R:
    """Run a use case on the window's worker and wait for its result."""
    box: list[Any] = []
    errors: list[Exception] = []
    window.db.call(fn, box.append, errors.append)
    qtbot.waitUntil(lambda: bool(box or errors), timeout=20_000)
    if errors:
        raise errors[0]
    return box[0]  # type: ignore[no-any-return]


@pytest.fixture
def rco(tmp_path: Path) -> tuple[Any, Path, str]:
    from coachdesk.rco.desk import RcoDesk

    desk, _ = RcoDesk.create(
        tmp_path / "rco", PASSPHRASE, name="Harbor RCO", params=kdf.minimum_params()
    )
    enrollment = desk.write_enrollment(tmp_path / "harbor-enrollment.json")
    return desk, enrollment, desk.fingerprint


@pytest.fixture
def filled_vault(coach_vault: Path) -> Path:
    vault = Vault.open(coach_vault, PASSPHRASE)
    try:
        demo.generate(vault, CLIENTS, 5, 1, today=TODAY)
    finally:
        vault.close()
    return coach_vault


@pytest.fixture
def ready(
    qtbot: QtBot, make_window: MakeWindow, filled_vault: Path
) -> tuple[MainWindow, ExchangeController]:
    window = make_window()
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
    return window, controller


def enroll_directly(qtbot: QtBot, window: MainWindow, enrollment: Path, fp: str) -> None:
    run(qtbot, window, lambda c: exports.enroll(c, enrollment.read_bytes(), fp))


def pick_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(folder))


def test_enroll_refuses_a_wrong_fingerprint_and_accepts_the_right_one(
    qtbot: QtBot, ready: tuple[MainWindow, ExchangeController], rco: tuple[Any, Path, str]
) -> None:
    window, controller = ready
    _desk, enrollment, fingerprint = rco
    dialog = controller.open_enroll()
    assert not dialog.enroll_button.isEnabled()
    dialog.load(enrollment)
    qtbot.waitUntil(lambda: dialog.check is not None, timeout=10_000)
    assert "Harbor RCO" in dialog.rco_label.text()
    assert dialog.fingerprint_label.text() == fingerprint
    assert dialog.fingerprint_label.font().fixedPitch() or dialog.fingerprint_label.font().bold()

    wrong = "0000-" + fingerprint[5:]
    assert wrong != fingerprint
    dialog.typed.setText(wrong)
    dialog.enroll_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "does not match" in dialog.error.text()
    assert dialog.enrolled is None
    assert run(qtbot, window, exports.current_enrollment) is None  # nothing was enrolled

    # Typed from paper: lower case and spaces instead of dashes are fine.
    dialog.typed.setText(fingerprint.lower().replace("-", " "))
    dialog.enroll_button.click()
    qtbot.waitUntil(lambda: dialog.enrolled is not None, timeout=10_000)
    assert not dialog.error.isVisible()
    device = run(qtbot, window, exports.device_identity)
    assert device is not None
    assert dialog.device_label.isVisible()
    assert dialog.device_label.text() == device.fingerprint
    current = run(qtbot, window, exports.current_enrollment)
    assert current is not None and current.fingerprint == fingerprint


def test_unreadable_enrollment_file_is_a_plain_message(
    qtbot: QtBot, ready: tuple[MainWindow, ExchangeController], tmp_path: Path
) -> None:
    _window, controller = ready
    junk = tmp_path / "not-enrollment.json"
    junk.write_text("{not json")
    dialog = controller.open_enroll()
    dialog.load(junk)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "Traceback" not in dialog.error.text()
    assert dialog.error.text()
    assert not dialog.enroll_button.isEnabled()


def test_the_preview_is_worded_in_the_window_language(
    qtbot: QtBot, make_window: MakeWindow, filled_vault: Path, rco: tuple[Any, Path, str]
) -> None:
    window = make_window("es")
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    _desk, enrollment, fingerprint = rco
    enroll_directly(qtbot, window, enrollment, fingerprint)
    dialog = controller.open_export()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    text = dialog.text.toPlainText()
    assert "Cada registro contiene:" in text and "franja de edad al ingreso" in text
    assert "Nunca se incluye:" in text and "Información conservada:" in text
    assert "Each record" not in text and "Never included" not in text and "records" not in text


def test_preview_then_seal_then_sync_to_folder(
    qtbot: QtBot,
    ready: tuple[MainWindow, ExchangeController],
    rco: tuple[Any, Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window, controller = ready
    desk, enrollment, fingerprint = rco
    enroll_directly(qtbot, window, enrollment, fingerprint)

    dialog = controller.open_export()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.preview is not None and dialog.preview.records == CLIENTS
    assert f"{CLIENTS} records" in dialog.headline.text()
    assert "Never included" in dialog.text.toPlainText()
    assert "Information kept" in dialog.text.toPlainText()
    assert run(qtbot, window, sync.list_outbox) == []  # the preview sealed nothing

    dialog.seal_button.click()
    qtbot.waitUntil(lambda: dialog.sealed is not None, timeout=20_000)
    rows = run(qtbot, window, sync.list_outbox)
    assert [(r.counter, r.state) for r in rows] == [(1, OutboxState.WAITING)]
    assert rows[0].summary["records"] == CLIENTS
    assert not list(filled_vault_of(window).glob(".seal-*"))  # staging folder removed
    qtbot.waitUntil(lambda: "1 waiting" in controller.indicator_text(), timeout=10_000)
    assert controller.indicator_text().startswith("Waiting to send")

    usb = tmp_path / "usb"
    usb.mkdir()
    pick_folder(monkeypatch, usb)
    settings = controller.open_settings()
    settings.folder_button.click()
    qtbot.waitUntil(
        lambda: (
            controller.status is not None and controller.status.state == sync.SyncState.UP_TO_DATE
        ),
        timeout=20_000,
    )
    assert controller.indicator_text().startswith("Up to date")
    assert "last sync" in controller.indicator_text()
    # written as the lists write dates (M/d/yyyy here), not Qt's short 12/2/26
    today = date.today()
    assert f"{today.month}/{today.day}/{today.year} " in controller.indicator_text()
    delivered = sorted(usb.glob("*.cdbundle"))
    assert [p.name for p in delivered] == [rows[0].file_name]
    opened = bundles.open_bundle(delivered[0].read_bytes(), desk.identity)
    assert len(opened.records) == CLIENTS
    assert run(qtbot, window, sync.list_outbox)[0].state == OutboxState.SENT
    desk.close()


def filled_vault_of(window: MainWindow) -> Path:
    assert window.vault_path is not None
    return window.vault_path


def test_offline_then_background_check_sends_without_a_click(
    qtbot: QtBot,
    ready: tuple[MainWindow, ExchangeController],
    rco: tuple[Any, Path, str],
    tmp_path: Path,
    pki: Pki,
) -> None:
    window, controller = ready
    _desk, enrollment, fingerprint = rco
    enroll_directly(qtbot, window, enrollment, fingerprint)
    port = free_port()  # nothing listens there yet: the RCO's server is down
    ca_file = tmp_path / "rco-ca.pem"
    ca_file.write_text(pki.ca_pem)

    settings = controller.open_settings()
    settings.url.setText(f"https://127.0.0.1:{port}/inbox/")
    settings.user.setText(USER)
    settings.password.setText(PASSWORD)
    settings.ca_file.setText(str(ca_file))
    with qtbot.waitSignal(settings.accepted, timeout=10_000):
        settings.save_button.click()
    stored = run(qtbot, window, sync.webdav_settings)
    assert stored is not None and stored.password == PASSWORD and stored.ca_pem == pki.ca_pem
    assert PASSWORD not in (tmp_path / "settings.ini").read_text()

    run(qtbot, window, _seal_into_outbox)
    controller.background_check()
    qtbot.waitUntil(
        lambda: controller.status is not None and controller.status.state == sync.SyncState.OFFLINE,
        timeout=20_000,
    )
    assert controller.indicator_text().startswith("Offline")
    assert "1 waiting" in controller.indicator_text()
    assert [r.state for r in run(qtbot, window, sync.list_outbox)] == [OutboxState.WAITING]

    server = DavServer(tmp_path / "dav-root", pki, port=port)
    try:
        assert controller.timer.isActive()
        controller.timer.setInterval(100)  # drive the real timer; no click from here on
        qtbot.waitUntil(
            lambda: (
                controller.status is not None
                and controller.status.state == sync.SyncState.UP_TO_DATE
            ),
            timeout=30_000,
        )
        rows = run(qtbot, window, sync.list_outbox)
        assert [r.state for r in rows] == [OutboxState.SENT]
        assert list(server.files()) == [rows[0].file_name]
        assert controller.indicator_text().startswith("Up to date")
    finally:
        server.stop()


def test_lock_stops_the_timer_and_clears_the_indicator(
    qtbot: QtBot, ready: tuple[MainWindow, ExchangeController]
) -> None:
    window, controller = ready
    assert controller.timer.isActive()
    assert controller.indicator.isVisible() and controller.indicator_text()
    assert controller.sync_action.isEnabled()
    window.lock("shortcut")
    assert not controller.timer.isActive() and not controller.soon.isActive()
    assert controller.status is None
    assert controller.indicator.text() == "" and controller.indicator.toolTip() == ""
    assert not controller.indicator.isVisible() and not controller.sync_button.isVisible()
    assert not controller.sync_action.isEnabled() and not controller.export_action.isEnabled()
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: controller.status is not None, timeout=10_000)
    assert controller.timer.isActive()


def test_menu_is_keyboard_reachable_named_and_translated(
    qtbot: QtBot, make_window: MakeWindow, filled_vault: Path
) -> None:
    window = make_window("es")
    controller = install(window, policy=FAST)
    unlock(qtbot, window)
    assert controller.menu is not None
    assert controller.menu.title() == "&Sincronizar"
    assert controller.sync_button.text() == "Sincronizar ahora"
    dialog = controller.open_settings()
    for widget in (dialog.url, dialog.user, dialog.password, dialog.ca_file):
        assert widget.accessibleName()
        assert widget.focusPolicy() != 0
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    # A live language change retranslates the menus in place; the Sync menu stays.
    window.apply_language("en")
    qtbot.waitUntil(
        lambda: any(a.objectName() == "syncMenu" for a in window.menuBar().actions()),
        timeout=5_000,
    )
    assert controller.menu.title() == "&Sync"
