"""Load the UI language: CoachDesk's own .qm files and Qt's qtbase_es.qm.

Every resources/translations/coachdesk*_<lang>.qm is loaded (the window's strings and the
forms' strings ship as separate files). Switching language takes effect live: windows set
their texts again on QEvent.LanguageChange (MainWindow.retranslate, ui/menus.py).

Threading: GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from coachdesk.resources import resource

_installed: list[QTranslator] = []
_current = ["en"]  # the language last installed (English needs no translator)


def current() -> str:
    """The language `install` last switched to."""
    return _current[0]


def translations_dir() -> Path:
    return resource("translations")


def install(language: str) -> list[str]:
    """Replace the installed translators with those for `language`; return the files loaded."""
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = language
    loaded: list[str] = []
    locale = QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English)
    QLocale.setDefault(locale)
    if language == "en":
        return loaded
    for qm in sorted(translations_dir().glob(f"coachdesk*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded.append(qm.name)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
        loaded.append(f"qtbase_{language}.qm")
    return loaded
