"""The RCO store's worker thread for the supervisor's window: the same worker as the coach
window's (coachdesk/app/worker.py: one thread, queued jobs, lock generation), holding an
RcoDesk instead of a vault.

The RcoDesk (and its SQLCipher connection) lives on the worker thread only. The GUI submits
jobs `fn(holder, progress) -> result`; results, errors (plain messages) and progress come back
to the GUI thread by queued signals. Jobs never touch widgets. `lock()` drops the results of
every job asked for before it, so a refresh queued just before a lock never fills a table
behind the start page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from coachdesk.app.worker import Progress, Runner, WorkerQueue
from coachdesk.errors import CoachDeskError
from coachdesk.rco.desk import RcoDesk
from coachdesk.ui.forms._messages import error_text

__all__ = ["Holder", "Progress", "StoreWorker"]


class Holder:
    """What jobs see: the open desk (or None) on the worker thread."""

    def __init__(self) -> None:
        self.desk: RcoDesk | None = None

    def require(self) -> RcoDesk:
        if self.desk is None:
            raise CoachDeskError("The RCO store is locked.")
        return self.desk

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()
            self.desk = None


Job = Callable[[Holder, Progress], Any]


class _StoreRunner(Runner):
    def __init__(self) -> None:
        super().__init__()
        self.holder = Holder()


class StoreWorker(WorkerQueue):
    """GUI-thread handle. Callbacks run on the GUI thread."""

    _worker: _StoreRunner

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(_StoreRunner(), "rco-store", parent)

    @property
    def holder(self) -> Holder:
        """For tests: the worker thread's holder (read it only while the worker is idle)."""
        return self._worker.holder

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        on_progress: Progress | None = None,
    ) -> int:
        return self._queue(
            lambda r: job(r.holder, r.report_progress),
            on_done,
            lambda exc: on_error(error_text(exc)),  # the catalog's words, window's language
            on_progress,
        )

    def lock(self) -> None:
        """Forget the answers to every job asked for so far, then close the store (which
        zeroes its key) on the worker thread."""
        self.new_generation()
        self._queue(lambda r: r.holder.close(), None, None)

    def stop(self) -> None:
        """Lock the store on its own thread, then end the thread."""
        self._stop(lambda r: r.holder.close())
