"""The coach's window in two steps (issue 18): the lock screen first, the rest while the coach
types.

Step 1 paints the real unlock page (ui/unlock.py) in a frame of its own, from a minimal set of
modules: Qt, the settings, the translations and the page itself (no storage, crypto, exchange,
forms or PDF; `python -X importtime` shows the set). A thread meanwhile imports the main
window's modules. Step 2, on the GUI thread once they are in: the MainWindow is built around
the same unlock page (what the coach typed, the vault chosen and the focus stay) and takes the
frame's place and geometry. An Unlock or New-vault click before then finishes step 2 at once
and is passed on, so nothing the coach does is lost.

The loader first runs `prove` (coachdesk/__main__.py passes the SQLCipher 4 check that the
command line runs before anything else; the window's start only checks that it is installed):
no window that could open or write a vault is built unless it passed, and the check, ~10 ms with
its import, is not spent before the first paint.

Threading: built and driven on the GUI thread; the loader thread only imports modules.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

from coachdesk.app import paths
from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings

if TYPE_CHECKING:
    from coachdesk.ui.main_window import MainWindow

# What the unlocked window needs, imported on the loader thread (main_window pulls the rest).
REST = ("coachdesk.ui.main_window",)
POLL_MS = 15
Prove = Callable[[], "str | None"]  # why not to open a vault here (stderr), or None
NO_PAINT_MS = 1000


class _FirstPaint(QObject):
    """Starts `timer` (a 0 ms single shot: once this paint is done) at the first paint of the
    widget it filters. The timer belongs to the StagedStart, so it dies with it: a call queued
    with QTimer.singleShot could outlive the objects it names (a window closed at once)."""

    def __init__(self, timer: QTimer) -> None:
        super().__init__()
        self._timer: QTimer | None = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._timer is not None:
            timer, self._timer = self._timer, None
            timer.start(0)
        return False


class StagedStart:
    """Owns the start-up frame until the MainWindow replaces it (`window` then set)."""

    def __init__(
        self,
        settings: Settings,
        painted: Callable[[], object] | None = None,
        prove: Prove | None = None,
    ) -> None:
        """`painted`: called once the lock screen's first paint is done (the start-up
        benchmark's `--quit-when-shown` exits there). `prove`: run on the loader thread, says
        why this installation must not open a vault (a sentence for stderr), or None."""
        from coachdesk.ui.plain import place_window
        from coachdesk.ui.unlock import UnlockPage

        self.settings = settings
        self._on_painted = painted
        self._prove = prove
        self.window: MainWindow | None = None
        self.frame = QMainWindow()
        self.frame.setObjectName("startFrame")
        place_window(self.frame, settings.get(opts.GEOMETRY))  # inside a 1366x768 screen
        self.page = UnlockPage()
        self.page.set_vaults(
            paths.list_vaults(settings.vaults_dir()), settings.get(opts.LAST_VAULT)
        )
        self.page.unlock_requested.connect(self._early_unlock)
        self.page.create_requested.connect(self._early_create)
        self.frame.setCentralWidget(self.page)
        self._failed: BaseException | None = None
        self._refused: str | None = None
        self._loader = threading.Thread(target=self._load, name="window-modules", daemon=True)
        self._kick = QTimer()  # after the first paint, or NO_PAINT_MS if none comes
        self._kick.setSingleShot(True)
        self._kick.timeout.connect(self._start_loading)
        self._painted = _FirstPaint(self._kick)
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    def show(self) -> None:
        """Paint the lock screen now, then start loading the rest."""
        # After the first paint (on X11 the expose comes later than any 0 ms timer): the
        # loader's imports hold the interpreter most of the time.
        self.page.installEventFilter(self._painted)
        self.frame.show()
        self.page.focus_passphrase()
        self._kick.start(NO_PAINT_MS)  # if never painted

    def _start_loading(self) -> None:
        self.page.removeEventFilter(self._painted)
        if self._on_painted is not None:
            self._on_painted()
        # Not finished by a click, nor refused.
        if self.window is None and self._loader.ident is None and self._refused is None:
            self._loader.start()
            self._timer.start()

    def _load(self) -> None:
        if self._prove is not None:
            self._refused = self._prove()  # said plainly by finish(), which then ends
            if self._refused is not None:
                return
        try:
            for name in REST:
                importlib.import_module(name)
        except BaseException as exc:  # raised again on the GUI thread by finish()
            self._failed = exc

    def _poll(self) -> None:
        if not self._loader.is_alive():
            self.finish()

    def finish(self) -> MainWindow:
        """Step 2 (GUI thread): wait for the modules, build the window around the page."""
        if self.window is not None:
            return self.window
        self._timer.stop()
        if self._loader.ident is None:  # clicked before the loader started: load here
            self._load()
        else:
            self._loader.join()
        if self._refused is not None:
            self._refuse(self._refused)
        if self._failed is not None:
            raise self._failed
        from coachdesk.ui.main_window import MainWindow

        self.page.unlock_requested.disconnect(self._early_unlock)
        self.page.create_requested.disconnect(self._early_create)
        focus = self.page.focusWidget()
        self.frame.takeCentralWidget()  # the page lives on in the window, not with the frame
        window = MainWindow(self.settings, unlock_page=self.page)
        window.setGeometry(self.frame.geometry())
        window.show()
        if focus is not None:
            focus.setFocus()
        self.frame.close()
        self.frame.deleteLater()
        self.window = window
        return window

    def _refuse(self, why: str) -> None:
        """SQLCipher 4 does not work: say so (stderr and a box) and end; records must never be
        written unencrypted."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QMessageBox

        self._kick.stop()
        self._timer.stop()
        print(why, file=sys.stderr)
        if QGuiApplication.platformName() not in ("offscreen", "minimal"):  # someone to read it
            QMessageBox.critical(
                self.frame,
                "CoachDesk",
                QCoreApplication.translate(
                    "StagedStart",
                    "Encryption (SQLCipher 4) does not work in this installation, and CoachDesk "
                    "will not run without it. Please reinstall CoachDesk.",
                ),
            )
        raise SystemExit(1)

    def _early_unlock(self, path: Path, passphrase: str) -> None:
        self.finish().unlock_page.unlock_requested.emit(path, passphrase)

    def _early_create(self) -> None:
        self.finish().unlock_page.create_requested.emit()


def staged(
    settings: Settings,
    vault_dir: Any = None,
    painted: Callable[[], object] | None = None,
    prove: Prove | None = None,
) -> StagedStart:
    """The staged start of the coach's window, shown (`vault_dir`: --vault-dir)."""
    folder = str(Path(vault_dir).resolve()) if vault_dir else ""
    if folder and settings.get(opts.VAULTS_DIR) != folder:  # a write (and sync) only if new
        settings.set(opts.VAULTS_DIR, folder)
    start = StagedStart(settings, painted, prove)
    start.show()
    return start
