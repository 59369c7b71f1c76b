"""Entry point of `coachdesk rco desk [STORE]` (imported lazily by the CLI)."""

from __future__ import annotations

import sys
from pathlib import Path


def run_desk(store: Path | None) -> int:
    from PySide6.QtWidgets import QApplication

    from coachdesk.ui.rco.window import RcoWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CoachDesk RCO")
    window = RcoWindow(store)
    window.show()
    return int(app.exec())
