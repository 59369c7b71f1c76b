"""Fixtures shared by the form tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO

QM = REPO / "resources/translations/coachdesk_forms_es.qm"


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    """The forms in Spanish as the window shows them: every catalogue, in the window's order
    (a later one wins: the window catalogue moves some forms' Alt letters)."""
    assert QM.is_file(), "compile it with pyside6-lrelease"
    translators = []
    for qm in sorted(QM.parent.glob("coachdesk*_es.qm")):
        translator = QTranslator()
        assert translator.load(str(qm)), qm
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)
