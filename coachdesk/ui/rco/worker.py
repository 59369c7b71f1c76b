"""One store worker thread for the supervisor's window (ARCHITECTURE.md rule 4).

The RcoDesk (and its SQLCipher connection) lives on this thread only. The GUI submits jobs:
`fn(desk_holder, progress) -> result`; results, errors (plain messages) and progress come back
to the GUI thread through queued signals. Jobs never touch widgets.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from coachdesk.errors import CoachDeskError
from coachdesk.rco.desk import RcoDesk

Progress = Callable[[int, int], None]


class Holder:
    """What jobs see: the open desk (or None) on the worker thread."""

    def __init__(self) -> None:
        self.desk: RcoDesk | None = None

    def require(self) -> RcoDesk:
        if self.desk is None:
            raise CoachDeskError("The RCO store is locked.")
        return self.desk


Job = Callable[[Holder, Progress], Any]


class _Runner(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)
    progress = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self.holder = Holder()

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        try:
            result = job(self.holder, lambda done, total: self.progress.emit(job_id, done, total))
        except CoachDeskError as exc:
            self.failed.emit(job_id, str(exc))
        except Exception as exc:  # never a traceback in the user's face
            self.failed.emit(
                job_id, f"Something went wrong ({type(exc).__name__}); nothing more was changed."
            )
        else:
            self.done.emit(job_id, result)


class StoreWorker(QObject):
    """GUI-thread handle. Callbacks run on the GUI thread."""

    _submit = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("rco-store")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.run)
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._runner.progress.connect(self._on_progress)
        self._ids = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None], Callable[[str], None], Progress | None]
        ] = {}
        self._thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        on_progress: Progress | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error, on_progress)
        self._submit.emit(job_id, job)
        return job_id

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        if callbacks:
            callbacks[0](result)

    @Slot(int, str)
    def _on_failed(self, job_id: int, message: str) -> None:
        callbacks = self._callbacks.pop(job_id, None)
        if callbacks:
            callbacks[1](message)

    @Slot(int, int, int)
    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        callbacks = self._callbacks.get(job_id)
        if callbacks and callbacks[2] is not None:
            callbacks[2](done, total)

    def stop(self) -> None:
        """Lock the store on its own thread, then end the thread."""

        def close(holder: Holder, _: Progress) -> None:
            if holder.desk is not None:
                holder.desk.close()
                holder.desk = None

        self._submit.emit(0, close)
        self._thread.quit()
        self._thread.wait(10000)
