"""The shared pieces: many emits survive PySide6 6.12, date formats, list editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, QObject, Signal
from pytestqt.qtbot import QtBot

from coachdesk.ui.forms._common import StringListEditor, date_format, format_date


class _Source(QObject):
    ping = Signal()
    value = Signal(object)


def test_many_emits_do_not_exhaust_true(qtbot: QtBot) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to True on every Python-side emit;
    that release is excluded (pyproject.toml) and tests/ui/test_qt_refcount_canary.py fails
    on any release with the bug."""
    source = _Source()
    received: list[object] = []
    source.value.connect(received.append)
    for _ in range(20_000):  # far more than the references True holds in a small process
        source.ping.emit()
        source.value.emit(True)
    assert len(received) == 20_000 and all(received)


def test_dates_have_four_digit_years_in_each_locale(qtbot: QtBot) -> None:
    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    es = QLocale(QLocale.Language.Spanish, QLocale.Country.Spain)
    assert "yyyy" in date_format(us) and "yyyy" in date_format(es)
    assert format_date(us, date(2026, 3, 9)) == "3/9/2026"
    assert format_date(es, date(2026, 3, 9)) == "9/3/2026"
    assert format_date(us, None) == ""


def test_string_list_editor(qtbot: QtBot) -> None:
    editor = StringListEditor("Strengths", "Add", "Remove")
    qtbot.addWidget(editor)
    editor.set_values(["Honest", "Patient"])
    editor.add_item("  ")
    editor.add_item("Funny")
    assert editor.values() == ["Honest", "Patient", "Funny"]
    editor.list.setCurrentRow(0)
    with qtbot.waitSignal(editor.changed):
        editor.remove_button.click()
    assert editor.values() == ["Patient", "Funny"]
