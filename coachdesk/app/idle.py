"""Auto-lock after idle time, and on the platform's lock/suspend signals (docs/architecture.md).

An application-wide event filter notes the time of the last key, mouse, wheel or touch input;
one single-shot QTimer wakes at the earliest moment the idle limit could be reached and checks
the (injectable) clock again, so ordinary input costs one clock read and no timer restart.

What each platform tells Qt (and what we use):
- all: QGuiApplication.commitDataRequest (the session is ending / logging out) -> lock;
  applicationStateChanged -> Qt.ApplicationSuspended (Android/iOS; some Wayland compositors)
  -> lock. ApplicationInactive is only "another window has focus" and is not used.
- Linux: the freedesktop D-Bus signals org.freedesktop.ScreenSaver.ActiveChanged (session bus,
  screen locked) and org.freedesktop.login1.Manager.PrepareForSleep (system bus, suspend) are
  connected through QtDBus when a bus is present.
- Windows/macOS: Qt gives no screen-lock event; the idle timer covers these (a locked screen
  means no input, so the idle lock fires on time).

Threading: GUI thread only.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QTabletEvent,
    QTouchEvent,
    QWheelEvent,
)

Clock = Callable[[], float]  # monotonic seconds
_ACTIVITY = (QKeyEvent, QMouseEvent, QWheelEvent, QTouchEvent, QTabletEvent)


class IdleLock(QObject):
    """Emits `idle` once when no input arrived for `minutes`. Restart with `start()`."""

    idle = Signal()
    platform_lock = Signal(str)  # why: "session", "suspend", "screensaver"

    def __init__(
        self,
        minutes: float,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
        *,
        max_interval_ms: int = 30_000,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._limit = minutes * 60.0
        self._last = clock()
        self._running = False
        self.max_interval_ms = max_interval_ms
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            if isinstance(app, QGuiApplication):
                app.commitDataRequest.connect(lambda *_: self.platform_lock.emit("session"))
                app.applicationStateChanged.connect(self._state_changed)
        self._connect_dbus()

    # -- configuration ---------------------------------------------------------------------

    def set_minutes(self, minutes: float) -> None:
        self._limit = minutes * 60.0
        if self._running:
            self._arm()

    @property
    def minutes(self) -> float:
        return self._limit / 60.0

    def start(self) -> None:
        self._last = self._clock()
        self._running = True
        self._arm()

    def stop(self) -> None:
        self._running = False
        self.timer.stop()

    # -- input -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # isinstance is far cheaper than event.type(), which builds a Python enum for each of the
        # thousands of events a second. Not QInputEvent: enter/hover events come when a widget
        # appears under a still mouse, which is no sign of a person at the keyboard.
        if isinstance(event, _ACTIVITY):
            self._last = self._clock()
        return False

    def _arm(self) -> None:
        remaining = self._limit - (self._clock() - self._last)
        ms = int(max(0.0, remaining) * 1000) + 1
        self.timer.start(min(ms, self.max_interval_ms))

    @Slot()
    def check(self) -> None:
        if not self._running:
            return
        if self._clock() - self._last >= self._limit:
            self._running = False
            self.idle.emit()
        else:
            self._arm()

    # -- platform signals ------------------------------------------------------------------

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.platform_lock.emit("suspend")

    @Slot(bool)
    def _screensaver(self, active: bool) -> None:
        if active:
            self.platform_lock.emit("screensaver")

    @Slot(bool)
    def _sleep(self, going: bool) -> None:
        if going:
            self.platform_lock.emit("suspend")

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with Essentials on Linux
            return
        try:
            session = QDBusConnection.sessionBus()
            if session.isConnected():
                session.connect(
                    "",
                    "/org/freedesktop/ScreenSaver",
                    "org.freedesktop.ScreenSaver",
                    "ActiveChanged",
                    self,
                    "1_screensaver(bool)",  # type: ignore[call-overload]
                )
            system = QDBusConnection.systemBus()
            if system.isConnected():
                system.connect(
                    "org.freedesktop.login1",
                    "/org/freedesktop/login1",
                    "org.freedesktop.login1.Manager",
                    "PrepareForSleep",
                    self,
                    "1_sleep(bool)",  # type: ignore[call-overload]
                )
        except Exception:
            return
