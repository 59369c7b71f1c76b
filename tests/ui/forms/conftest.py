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
    translator = QTranslator()
    assert translator.load(str(QM)), "compile it with pyside6-lrelease"
    QCoreApplication.installTranslator(translator)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(previous)
