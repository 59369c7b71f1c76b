"""Spanish UI, locale dates, accessible names on every interactive widget, shortcuts."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Setting
from coachdesk.resources import resource
from coachdesk.storage.vault import Vault
from coachdesk.ui.common import fmt_date
from coachdesk.ui.forms._common import DateField
from coachdesk.ui.main_window import MainWindow
from coachdesk.ui.workspace import TAB_KEYS
from tests.conftest import PASSPHRASE
from tests.ui.conftest import MakeWindow, unlock

INTERACTIVE = (
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractButton,
    QAbstractItemView,
    QTabBar,
)


def seed_client(vault_path: Path) -> int:
    with Vault.open(vault_path, PASSPHRASE) as v:
        return Caseload(v).add_client(
            Client("Teodora", "Quillan", date(2026, 1, 5), Setting.DRUG_COURT, "Teo")
        )


def open_client_in(qtbot: QtBot, window: MainWindow, client_id: int) -> None:
    window.open_client(client_id)
    qtbot.waitUntil(lambda: window.workspace.client_id == client_id, timeout=5_000)


def test_spanish_ui_shows_spanish_labels_and_dates(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    client_id = seed_client(coach_vault)
    window = make_window("es")
    page = window.unlock_page
    assert page.unlock_button.text() == "&Desbloquear"
    assert page.passphrase.accessibleName() == "Frase de contraseña"
    unlock(qtbot, window)
    assert window.nav.item(0).text() == "Hoy"
    assert window.nav.item(1).text() == "Participantes"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Archivo", "&Ir"]
    model = window.clients_page.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Nombre"
    assert model.data(model.index(0, 2)) in ("Activo", "Activo/a")  # both catalogues name it
    assert model.data(model.index(0, 3)) == "Tribunal de drogas"
    # Day first in Spanish, four-digit years: lists, pages and date fields write dates alike.
    assert model.data(model.index(0, 4)) == "5/1/2026"
    assert fmt_date(date(2026, 3, 14)) == "14/3/2026"
    open_client_in(qtbot, window, client_id)
    ws = window.workspace
    assert ws.tabs.tabText(TAB_KEYS.index("plan")) == "Plan de recuperación"
    assert ws.tabs.tabText(0) == "Resumen"
    assert "días desde la admisión" in ws.details.text()
    assert ws.barc_badge.text() == "BARC-10: aún ninguno"
    assert ws.consent_list.new_button.text() != "&New consent"  # the forms' Spanish too


def test_english_dates_are_month_first(qtbot: QtBot, make_window: MakeWindow) -> None:
    make_window("en")
    assert fmt_date(date(2026, 3, 14)) == "3/14/2026"


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside a composite widget (they take the composite's name)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(
            parent,
            QComboBox
            | QAbstractSpinBox
            | QAbstractItemView
            | QScrollBar
            | QLineEdit
            | QMenuBar
            | QTabBar,
        ):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar)


def unnamed_widgets(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if isinstance(widget, QTabBar) and isinstance(widget.parentWidget(), QWidget):
            name = widget.accessibleName() or widget.parentWidget().accessibleName()
        else:
            name = widget.accessibleName()
        if not name and isinstance(widget, QAbstractButton):
            name = widget.text().replace("&", "")
        if not name:
            missing.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(widget.parentWidget()).__name__}"
            )
    return missing


def test_every_interactive_widget_has_an_accessible_name(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path
) -> None:
    client_id = seed_client(coach_vault)
    window = make_window()
    assert unnamed_widgets(window) == []
    unlock(qtbot, window)
    open_client_in(qtbot, window, client_id)
    window.workspace.plan_editor.add_goal_button.click()  # a goal editor's own inputs
    assert unnamed_widgets(window) == []
    window.create_vault()
    assert unnamed_widgets(window.create_dialog) == []
    window.create_dialog.reject()
    window.add_client()
    assert unnamed_widgets(window.add_dialog) == []
    window.add_dialog.reject()
    from coachdesk.ui.settings_dialog import SettingsDialog

    assert unnamed_widgets(SettingsDialog(window.settings, window)) == []


def test_shortcuts_are_bound(make_window: MakeWindow) -> None:
    window = make_window()
    keys = {
        "new_client": "Ctrl+N",
        "find": "Ctrl+F",
        "new_note": "Ctrl+Shift+N",
        "lock": "Ctrl+L",
        "print": "Ctrl+P",
    }
    for name, key in keys.items():
        assert window.findChild(type(window.lock_action), name).shortcut().toString() == key
    assert isinstance(window.workspace.plan_editor.print_button, QAbstractButton)
    assert isinstance(window.unlock_page.passphrase, QLineEdit)
    assert isinstance(window.workspace.barc_form.date_edit, DateField)


def test_spanish_translations_are_complete_with_matching_placeholders() -> None:
    for ts in sorted(resource("translations").glob("coachdesk*_es.ts")):
        for message in ET.parse(ts).getroot().iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.text, source
            assert translation.get("type") != "unfinished", source
            placeholders = sorted(re.findall(r"\{\w*\}", source))
            assert placeholders == sorted(re.findall(r"\{\w*\}", translation.text)), source
        assert ts.with_suffix(".qm").is_file()
