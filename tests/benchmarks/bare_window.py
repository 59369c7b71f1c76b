"""The baseline of the first-window benchmark (test_window_startup_bench.py): a bare PySide6
window that prints `painted <time.perf_counter()>` once its first paint is done, then exits.

Run from source (`python -m tests.benchmarks.bare_window`) and frozen: installer/coachdesk.spec
with COACHDESK_SPEC_BARE_WINDOW=1 builds it as a one-folder bundle with the same PyInstaller
options as CoachDesk's, so the frozen app is compared with a frozen bare window. It imports
nothing of CoachDesk; `coachdesk --quit-when-shown` stops the same way (app/startup.py).
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class _Painted(QObject):
    """At the label's first paint, a 0 ms timer: it fires once that paint is done."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(_done)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.timer.isActive():
            self.timer.start(0)
        return False


def _done() -> None:
    print(f"painted {time.perf_counter()}", flush=True)
    os._exit(0)


def main() -> None:
    app = QApplication([])
    label = QLabel("bare PySide6 window")
    painted = _Painted()
    label.installEventFilter(painted)
    label.show()
    app.exec()


if __name__ == "__main__":
    main()
