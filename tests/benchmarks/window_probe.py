"""Child process for the window benchmarks (run by test_window_startup_bench.py).

python -m tests.benchmarks.window_probe bare|coachdesk          -> prints "shown"
python -m tests.benchmarks.window_probe start [VAULTS_DIR]     -> the real start-up (lock screen
                                                                   first, issue 18): "shown"
python -m tests.benchmarks.window_probe start-rss VAULTS_DIR PASSPHRASE -> as rss, started so
python -m tests.benchmarks.window_probe rss VAULTS_DIR PASSPHRASE -> prints the peak and the
                                                                   resident RSS in KiB of the
                                                                   window with the vault open
                                                                   on a client
python -m tests.benchmarks.window_probe today VAULTS_DIR PASSPHRASE -> prints ms from the unlock
                                                                   click to the window shown,
                                                                   and to Today filled and
                                                                   painted (issue 18)
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _wait(app: object, done: object, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not done():  # type: ignore[operator]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)
        if time.monotonic() > deadline:
            raise SystemExit("timed out")


def _status_kib(field: str) -> int:
    """From /proc: not getrusage's ru_maxrss, which keeps the parent's peak across fork+exec
    (the pytest process that starts this probe, grown by the benchmarks before it)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(f"{field}:"))


def _rss_of_unlocked(app: object, window: Any, passphrase: str) -> None:
    """Unlock, list the clients, open the first; print peak and resident RSS (KiB); exit."""
    window.unlock_page.passphrase.setText(passphrase)
    window.unlock_page.unlock_button.click()
    _wait(app, lambda: window.stack.currentWidget() is window.shell and not window.db.busy)
    window.go(1)
    model = window.clients_page.model
    _wait(app, lambda: model.rowCount() > 0)
    window.open_client(int(model.client_id(0) or 0))
    _wait(app, lambda: window.workspace.client_id is not None and not window.db.busy)
    # Peak (includes Argon2id's transient memory at unlock) and what stays resident.
    print(_status_kib("VmHWM"), _status_kib("VmRSS"), flush=True)
    os._exit(0)  # measured; skip the orderly shutdown of the worker thread


def main() -> None:
    mode = sys.argv[1]
    from PySide6.QtCore import QTimer

    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QLabel

        app = QApplication([])
        label = QLabel("bare PySide6 window")
        label.show()
    elif mode in ("start", "start-rss"):  # the real start-up path of `coachdesk` (issue 18)
        from coachdesk.__main__ import _require_encryption
        from coachdesk.app.bootstrap import start
        from coachdesk.app.startup import staged

        _require_encryption()
        app, settings = start()  # type: ignore[assignment]
        launch = staged(settings, sys.argv[2] if len(sys.argv) > 2 else None)
        if mode == "start-rss":
            _rss_of_unlocked(app, launch.finish(), sys.argv[3])
        loaded = "window-modules" in {t.name for t in __import__("threading").enumerate()}
        QTimer.singleShot(0, lambda: (print("shown", loaded, flush=True), app.quit()))
        app.exec()
        os._exit(0)  # the loader thread may still be importing: not part of the figure
    else:
        from coachdesk.app import settings as opts
        from coachdesk.app.bootstrap import create_app
        from coachdesk.app.settings import Settings
        from coachdesk.ui.main_window import MainWindow

        app = create_app()  # type: ignore[assignment]
        settings = Settings()
        if mode in ("rss", "today"):
            settings.set(opts.VAULTS_DIR, sys.argv[2])
        window = MainWindow(settings)
        window.show()
        if mode == "today":
            _wait(app, lambda: window.unlock_page.unlock_button.isEnabled(), 30)
            window.unlock_page.passphrase.setText(sys.argv[3])
            started = time.perf_counter()
            window.unlock_page.unlock_button.click()
            _wait(app, lambda: window.stack.currentWidget() is window.shell)
            shown = time.perf_counter()
            # Today's job (and the client list's) answered and painted.
            _wait(app, lambda: not window.db.busy)
            window.repaint()
            app.processEvents()
            filled = time.perf_counter()
            print(f"{(shown - started) * 1000:.1f} {(filled - started) * 1000:.1f}", flush=True)
            os._exit(0)
        if mode == "rss":
            _rss_of_unlocked(app, window, sys.argv[3])
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    app.exec()


if __name__ == "__main__":
    main()
