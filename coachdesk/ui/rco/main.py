"""Entry point of `coachdesk rco desk [STORE] [--lang en|es]` (imported lazily by the CLI).

The same bootstrap as the coach's window (coachdesk/app/bootstrap.py): application names and
icon, the settings store (language, idle minutes), `--lang`, the translators.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def run_desk(store: Path | None, lang: str | None = None, qt_args: Sequence[str] = ()) -> int:
    from coachdesk.app.bootstrap import start
    from coachdesk.ui.rco.window import RcoWindow

    # The desk keeps its own look (no coach-window style sheet); everything else is shared.
    app, settings = start(qt_args, lang=lang, style=False)
    window = RcoWindow(store, settings=settings)
    window.show()
    return int(app.exec())  # type: ignore[attr-defined]
