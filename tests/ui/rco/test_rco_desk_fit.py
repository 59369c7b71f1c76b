"""The desk on a 1366x768 facility monitor, in English and Spanish: every page and dialog
inside the window, no button text clipped, Alt letters unique on each page, Spanish on every
page (no English label left behind)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.application import rco_desk
from coachdesk.ui.rco.dialogs import (
    AcknowledgeFlagDialog,
    ConfirmDeviceDialog,
    ExportReportDialog,
    RestoreDialog,
)
from coachdesk.ui.rco.window import RcoWindow
from tests.conftest import PASSPHRASE
from tests.rco_support import DeskStore, desk_store
from tests.ui.mnemonics import mnemonic, mnemonic_clashes

# A 1366x768 screen less the title bar and a task bar.
SCREEN = QRect(0, 0, 1366, 728)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> DeskStore:
    return desk_store(tmp_path_factory.mktemp("desk"))


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    create_app()
    translations.install(request.param)
    yield request.param
    translations.install("en")


@pytest.fixture
def window(qtbot: QtBot, template: DeskStore, tmp_path: Path, language: str) -> Iterator[RcoWindow]:
    shutil.copytree(template.path, tmp_path / "rco")
    opened = RcoWindow(tmp_path / "rco")
    qtbot.addWidget(opened)
    opened.show()
    opened.resize(SCREEN.size())
    opened.start.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(opened.lists_refreshed, timeout=30_000):
        opened.start.unlock_button.click()
    qtbot.waitUntil(lambda: not opened.worker.busy, timeout=30_000)
    yield opened
    opened.close()


def fit_problems(root: QWidget, frame: QRect) -> list[str]:
    """Visible widgets outside `frame` (root's coordinates) and buttons narrower than
    their text."""
    problems = []
    frame = frame.adjusted(-1, -1, 1, 1)  # the style may set a frame one pixel over the edge
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() == 0:
            continue
        box = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
        if not frame.contains(box):
            problems.append(f"{type(widget).__name__} {_text(widget)!r} at {box} outside {frame}")
        if (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.width() < widget.sizeHint().width() - 2
        ):
            problems.append(
                f"{widget.text()!r} clipped: {widget.width()} < {widget.sizeHint().width()}"
            )
    return problems


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()[:40]
    return widget.objectName()


def _tab_texts(tabs: QTabWidget) -> tuple[str, ...]:
    return tuple(tabs.tabText(i) for i in range(tabs.count()))


def _pages(window: RcoWindow) -> list[QWidget]:
    return [window.tabs.widget(i) for i in range(window.tabs.count())]


def test_every_page_fits_1366x768_with_unique_alt_letters(
    qtbot: QtBot, window: RcoWindow, language: str
) -> None:
    assert window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
    assert window.minimumSizeHint().height() <= SCREEN.height()
    frame = QRect(QPoint(0, 0), window.size())
    for page in _pages(window):
        window.tabs.setCurrentWidget(page)
        qtbot.wait(30)
        QApplication.processEvents()
        assert fit_problems(window, frame) == [], (language, type(page).__name__)
        extra = (*_tab_texts(window.tabs), window.settings_button.text(), window.lock_button.text())
        assert mnemonic_clashes(page, extra=extra) == [], (language, type(page).__name__)
    window.lock()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10_000)
    assert fit_problems(window, frame) == [], (language, "start page")
    assert mnemonic_clashes(window.start) == [], (language, "start page")


def _dialogs(window: RcoWindow, tmp_path: Path) -> list[QDialog]:
    desk_devices = window.devices.devices
    views = window.importer.flag_views
    return [
        ConfirmDeviceDialog(desk_devices[-1], window),
        AcknowledgeFlagDialog(views[0], "Coach Ada", window),
        ExportReportDialog(window.periods, "", tmp_path, window),
        RestoreDialog(window),
        window.open_settings(),
        window._recovery_dialog() or QDialog(),
    ]


def test_the_dialogs_fit_with_unique_alt_letters(
    qtbot: QtBot, window: RcoWindow, tmp_path: Path, language: str
) -> None:
    for dialog in _dialogs(window, tmp_path):
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height()
        frame = QRect(QPoint(0, 0), dialog.size())
        assert fit_problems(dialog, frame) == [], (language, type(dialog).__name__)
        assert mnemonic_clashes(dialog) == [], (language, type(dialog).__name__)
        dialog.reject()


def _english_left(root: QWidget) -> list[str]:
    """Widget texts of `root` that are still their English source in Spanish."""
    from coachdesk.ui.rco import dialogs, store_page, window

    english = set()
    for module in (window, dialogs, store_page):
        source = Path(module.__file__ or "").read_text("utf-8")
        english |= {
            line.split('self.tr("', 1)[1].split('"', 1)[0]
            for line in source.splitlines()
            if 'self.tr("' in line
        }
    same_in_both = {"CoachDesk", "Coach", "MOUD", "Format:", "{when} · {device}\n{what}"}
    left = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts = []
        if isinstance(widget, QLabel | QAbstractButton):
            texts = [widget.text()]
        elif isinstance(widget, QGroupBox):
            texts = [widget.title()]
        elif isinstance(widget, QTabWidget):
            texts = list(_tab_texts(widget))
        left += [t for t in texts if t in english and t not in same_in_both]
    return left


def test_spanish_on_every_page(qtbot: QtBot, window: RcoWindow, language: str) -> None:
    if language != "es":
        pytest.skip("Spanish only")
    assert window.tabs.tabText(0) == "&Panel"
    assert window.tabs.tabText(4) == "&Almacén"
    assert window.importer.fetch_button.text() == "Traer del b&uzón"
    assert window.devices.status_label(window.devices.devices[0].status) in (
        "confirmado",
        "pendiente",
    )
    for page in _pages(window):
        assert _english_left(page) == [], type(page).__name__
    assert _english_left(window.start) == []
    # rco/desk.py's words too: the flag's explanation and the history's reasons
    flag = window.importer.flags.item(0, 2)
    assert flag is not None and flag.text().startswith("El contador 2 es menor que el 3")
    history = window.importer.history
    reasons = [history.item(r, 5).text() for r in range(history.rowCount())]  # type: ignore[union-attr]
    assert any(r.startswith("Nuevo dispositivo de coach") for r in reasons), reasons
    assert not [r for r in reasons if r.startswith(("New coach", "Counter"))]
    audit = window.store_page.audit
    details = [audit.item(r, 2).text() for r in range(audit.rowCount())]  # type: ignore[union-attr]
    assert details[0] == "abierto con: la frase de contraseña", details[0]
    assert any("motivo: Nuevo dispositivo de coach" in d for d in details), details
    assert any("resultado: con aviso" in d for d in details), details
    results = {history.item(r, 2).text() for r in range(history.rowCount())}  # type: ignore[union-attr]
    assert results == {"pendiente", "con aviso", "importado"}, results
    assert not [d for d in details if "why" in d or '"code"' in d or "reason:" in d]
    assert window.directory.serial.text() == "1 entrada · último número de serie publicado 0"
    # The use cases' messages come in Spanish too (the catalog, by the window's language).
    dialog = ConfirmDeviceDialog(window.devices.devices[-1], window)
    dialog.typed.setText("0000 0000")
    dialog.submit()
    assert "no es el final de la huella" in dialog.message.text()
    assert rco_desk.fingerprint_tail(dialog.device.fingerprint) not in dialog.message.text()
    dialog.reject()


def test_the_curation_form_labels_have_alt_letters(
    qtbot: QtBot, window: RcoWindow, language: str
) -> None:
    """Each label of the Team knowledge form takes its field with Alt+letter (the labels are
    the catalog's words, shared with the command line: the letters are chosen in the page)."""
    page = window.suggestions
    window.tabs.setCurrentWidget(page)
    qtbot.wait(30)
    fields = [*page.edits.values(), page.category]
    labels = [page.form.labelForField(f) for f in fields]
    pairs = zip(labels, fields, strict=True)
    assert all(isinstance(label, QLabel) and label.buddy() is f for label, f in pairs)
    letters = [mnemonic(label.text()) for label in labels if isinstance(label, QLabel)]
    assert None not in letters and len(set(letters)) == len(letters), (language, letters)
    extra = (*_tab_texts(window.tabs), window.settings_button.text(), window.lock_button.text())
    assert mnemonic_clashes(page, extra=extra) == [], language
