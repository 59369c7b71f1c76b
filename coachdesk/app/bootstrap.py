"""Start a desktop window: `coachdesk` without arguments (the coach's window) or
`coachdesk rco desk` (the supervisor's, ui/rco/main.py). Both start through `start`: the
QApplication with CoachDesk's names and icon, the settings store (<data>/settings.ini:
language and idle minutes, never records), `--lang` (kept in the settings), the translators.

Options of the coach's window: --vault-dir DIR (look for vaults in DIR instead of
<data>/vaults), --lang en|es. Threading: the GUI thread runs everything here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
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
    if lang and settings.get(opts.LANGUAGE) != lang:  # a write (and sync) only if new
        settings.set(opts.LANGUAGE, lang)
    translations.install(settings.get(opts.LANGUAGE))
    return app, settings


# The window's own options: name -> takes a value (choices, if fixed). Anything else goes to Qt.
WINDOW_OPTIONS: dict[str, tuple[str, ...] | None] = {
    "--vault-dir": (),
    "--lang": ("en", "es"),
    "--demo": None,
    "--quit-when-shown": None,
}


def _quick_args(argv: list[str]) -> tuple[dict[str, str | bool], list[str]] | None:
    """The window's options read without argparse (its import and gettext's locale lookups
    cost ~5 ms before the first paint; issue 18), or None for anything argparse must answer:
    --help, an abbreviation, a missing or wrong value."""
    found: dict[str, str | bool] = {}
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        name, eq, value = word.partition("=")
        if name in WINDOW_OPTIONS:
            choices = WINDOW_OPTIONS[name]
            if choices is None:
                if eq:
                    return None
                found[name] = True
                continue
            if not eq:
                value = next(words, "")
            if not value or value.startswith("-") or (choices and value not in choices):
                return None
            found[name] = value
        elif word.startswith("--") or word == "-h":
            return None  # unknown long options: argparse's (abbreviations, --help)
        else:
            rest.append(word)
    return found, rest


def _parse(argv: list[str]) -> tuple[Path | None, str | None, bool, list[str]]:
    """(--vault-dir, --lang, --quit-when-shown, what goes to Qt)."""
    quick = _quick_args(argv)
    if quick is not None:
        found, qt_args = quick
        vault_dir = found.get("--vault-dir")
        lang = found.get("--lang")
        return (
            Path(vault_dir) if isinstance(vault_dir, str) else None,
            lang if isinstance(lang, str) else None,
            bool(found.get("--quit-when-shown")),
            qt_args,
        )
    import argparse

    parser = argparse.ArgumentParser(prog="coachdesk", description="Open the CoachDesk window.")
    parser.add_argument("--vault-dir", type=Path, help="folder holding the coaches' vaults")
    parser.add_argument("--lang", choices=["en", "es"], help="language of the window")
    parser.add_argument("--demo", action="store_true", help=argparse.SUPPRESS)
    # For the start-up benchmark (tests/benchmarks/test_window_startup_bench.py): print
    # "painted <time.perf_counter()>" and exit once the lock screen's first paint is done, from
    # source or from the frozen bundle alike.
    parser.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(argv)
    return args.vault_dir, args.lang, args.quit_when_shown, qt_args


def _painted_exit() -> None:
    import time

    print(f"painted {time.perf_counter()}", flush=True)
    os._exit(0)  # not waiting for the modules still loading: they are not the figure


def run_gui(argv: list[str], prove: Callable[[], str | None] | None = None) -> int:
    """The coach's window; `prove` runs behind the lock screen before the window can open a
    vault (app/startup.py)."""
    vault_dir, lang, quit_when_shown, qt_args = _parse(argv)
    app, settings = start(qt_args, lang=lang)
    from coachdesk.app.startup import staged

    # The lock screen first; the main window's modules load while the coach types.
    launch = staged(settings, vault_dir, _painted_exit if quit_when_shown else None, prove)
    code = int(app.exec())  # type: ignore[attr-defined]
    del launch
    return code
