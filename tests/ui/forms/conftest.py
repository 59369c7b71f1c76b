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
    # the forms' words of other areas' files too (issue 21's are in coachdesk_family_es.qm),
    # as the window loads every coachdesk*_es.qm
    others = []
    for qm in sorted(QM.parent.glob("coachdesk_*_es.qm")):
        if qm != QM:
            other = QTranslator()
            assert other.load(str(qm)), qm.name
            QCoreApplication.installTranslator(other)
            others.append(other)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
    yield
    QCoreApplication.removeTranslator(translator)
    for other in others:
        QCoreApplication.removeTranslator(other)
    QLocale.setDefault(previous)
