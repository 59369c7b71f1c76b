"""Start a desktop window: `coachdesk` without arguments (the coach's window) or
`coachdesk rco desk` (the supervisor's, ui/rco/main.py). Both start through `start`: the
QApplication with CoachDesk's names and icon, the settings store (<data>/settings.ini:
language and idle minutes, never records), `--lang` (kept in the settings), the translators.

Options of the coach's window: --vault-dir DIR (look for vaults in DIR instead of
<data>/vaults), --lang en|es. Threading: the GUI thread runs everything here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coachdesk.app import paths

if TYPE_CHECKING:
    from coachdesk.app.settings import Settings


def create_app(argv: Sequence[str] = (), *, style: bool = True) -> object:
    """The QApplication with CoachDesk's names, icon and (with `style`) the coach window's
    style sheet; reused if one exists."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from coachdesk.app.style import STYLESHEET
    from coachdesk.resources import resource

    QCoreApplication.setOrganizationName(paths.ORGANISATION)
    QCoreApplication.setApplicationName(paths.APPLICATION)
    existing = QApplication.instance()
    app: object
    if existing is None:
        # Fractional scale factors (125 %, 150 %) are drawn as they are, no blurry rounding:
        # Qt 6's default policy (PassThrough). Not set here: naming it would build every enum
        # of PySide6's Qt namespace before the lock screen (tens of ms; issue 18).
        app = QApplication([sys.argv[0] if sys.argv else "coachdesk", *argv])
    else:
        app = existing
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("CoachDesk")
    app.setWindowIcon(QIcon(str(resource("icons", "coachdesk.svg"))))
    app.setStyle("Fusion")
    if style:
        app.setStyleSheet(STYLESHEET)
    return app


def start(
    qt_args: Sequence[str] = (),
    *,
    lang: str | None = None,
    settings: Settings | None = None,
    style: bool = True,
) -> tuple[object, Settings]:
    """What both windows do first: the application, the settings store, the language (a
    `--lang` given on the command line wins and is kept), the translators installed."""
    from coachdesk.app import settings as opts
    from coachdesk.app import translations
    from coachdesk.app.settings import Settings

    app = create_app(qt_args, style=style)
    settings = settings or Settings()
    if lang:
        settings.set(opts.LANGUAGE, lang)
    translations.install(settings.get(opts.LANGUAGE))
    return app, settings


def run_gui(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="coachdesk", description="Open the CoachDesk window.")
    parser.add_argument("--vault-dir", type=Path, help="folder holding the coaches' vaults")
    parser.add_argument("--lang", choices=["en", "es"], help="language of the window")
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    # For the start-up benchmark (tests/benchmarks/test_scale_bench.py): quit as soon as the
    # lock screen is painted, from source or from the frozen bundle alike.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(argv)

    app, settings = start(qt_args, lang=args.lang)
    from coachdesk.app.startup import staged

    # The lock screen first; the main window's modules load while the coach types.
    launch = staged(settings, args.vault_dir)
    if args.quit_when_shown:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app.quit)  # type: ignore[attr-defined]
        app.exec()  # type: ignore[attr-defined]
        os._exit(0)  # not waiting for the modules still loading: they are not the figure
    code = int(app.exec())  # type: ignore[attr-defined]
    del launch
    return code
