"""The store workers of both windows (docs/architecture.md).

A `Runner` QObject lives on its own QThread and owns what its jobs use: the coach's Vault and
Caseload (`_Worker`, behind `Database`) or the RCO desk's store (ui/rco/worker.py). sqlcipher3
connections belong to the thread that opened them, and Argon2id key derivation (about half a
second) must never run on the GUI thread. The GUI talks to it only through a `WorkerQueue`,
whose methods queue a job and return at once; the result comes back by signal to a callback
that runs on the GUI thread. Jobs never touch widgets. Locking starts a new generation: the
results of jobs asked for before it are dropped unseen.

Network I/O never runs here (it would hold every vault job and the lock behind a timeout):
`Background` runs it on a thread of its own, and `Database.closing` tells it to stop.

Errors: a CoachDeskError reaches the job's `on_error` callback, or else the `error` signal with
its plain message (the window shows it in a dialog). Any other exception is reported as a plain
"unexpected error" without its text (it might hold client data); the stack goes to stderr.
Except SQLite's word that the vault file is corrupt (a page damaged since the background check
last passed, read by a job before the check's next run): that takes the damaged-vault path of a
failed check (Vault.found_damaged: writes refused at once, the folder marked), the window is
told once through `integrity_failed`, and the job fails with `DamageFound`, which reaches its
`on_error` but never the generic dialog (issue 18).
"""

from __future__ import annotations

import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from coachdesk.application.changes import Changes
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import CoachProfile
from coachdesk.crypto import kdf
from coachdesk.errors import CoachDeskError, IntegrityError, VaultError
from coachdesk.storage.vault import CheckState, CheckStatus, Vault

R = TypeVar("R")
Job = Callable[[Any], Any]  # called with the Runner (or its subclass) on the worker thread
Progress = Callable[[int, int], None]

# SQLite's primary result codes for a file it finds corrupt (SQLCipher reports a page whose
# HMAC fails as SQLITE_CORRUPT); extended codes carry the primary one in their low byte.
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(exc: BaseException) -> bool:
    """Whether `exc` is SQLite (through sqlcipher3) saying the database file is damaged."""
    import sqlcipher3

    if not isinstance(exc, sqlcipher3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in _CORRUPT_CODES
    text = str(exc)
    return "malformed" in text or "not a database" in text


class DamageFound(IntegrityError):
    """A job read a damaged page: the vault now refuses writes. The window was told once (the
    `integrity_failed` signal), so this reaches only the job's own `on_error`."""

    code = "vault.watch_failed"


class Runner(QObject):
    """Lives on a worker thread and owns what its jobs use (a coach vault, an RCO store).
    Only `run` is called, through a queued connection."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, int, int)

    def __init__(self) -> None:
        super().__init__()
        self._job_id = 0

    def report_progress(self, done: int, total: int) -> None:
        """For the running job: `done` of `total` steps (shown on the GUI thread)."""
        self.progress.emit(self._job_id, done, total)

    @Slot(int, object)
    def run(self, job_id: int, job: Job) -> None:
        self._job_id = job_id
        try:
            result = job(self)
        except CoachDeskError as exc:
            self.failed.emit(job_id, exc)
            return
        except Exception as exc:
            known = self.explain(exc)
            if known is not None:
                self.failed.emit(job_id, known)
                return
            # No message text: it could carry client data. Type and stack only, to stderr.
            print(f"CoachDesk: unexpected {type(exc).__name__}", file=sys.stderr)
            traceback.print_tb(exc.__traceback__, file=sys.stderr)
            self.failed.emit(
                job_id,
                CoachDeskError(
                    QCoreApplication.translate(
                        "Database", "Something unexpected went wrong ({kind}). Nothing was lost."
                    ).format(kind=type(exc).__name__)
                ),
            )
            return
        self.done.emit(job_id, result)

    def explain(self, exc: Exception) -> CoachDeskError | None:
        """Worker thread: a plain error for an exception a job raised that this runner knows
        how to take, else None (the generic "unexpected" message)."""
        return None


class _Worker(Runner):
    """The coach vault's runner: owns the Vault and its Caseload."""

    def __init__(self, today: date | None) -> None:
        super().__init__()
        self.vault: Vault | None = None
        self.caseload: Caseload | None = None
        self.today = today
        self.on_damage: Callable[[], None] | None = None  # any thread (Database: a signal)

    def explain(self, exc: Exception) -> CoachDeskError | None:
        if self.vault is None or not is_corruption(exc):
            return None
        # SQLite's words name no record (e.g. "database disk image is malformed").
        print(f"CoachDesk: a job read a damaged page ({exc})", file=sys.stderr)
        self.vault.found_damaged(f"a read met a damaged page ({exc})")
        if self.on_damage is not None:
            self.on_damage()
        return DamageFound()

    def require(self) -> Caseload:
        if self.caseload is None:
            raise VaultError(QCoreApplication.translate("Database", "The vault is locked."))
        return self.caseload

    def close_vault(self) -> None:
        if self.vault is not None:
            self.vault.close()
        self.vault = None
        self.caseload = None


def _deliver(callback: Callable[[Any], None], value: Any) -> None:
    """Run a job's callback; one whose widget is gone meanwhile is dropped unseen.

    A dialog closed with WA_DeleteOnClose, or a page renewed on a language change, can still
    have a job in flight; its answer has nobody to go to and is no error."""
    try:
        callback(value)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise


@dataclass(slots=True)
class _Pending:
    generation: int
    on_done: Callable[[Any], None] | None
    on_error: Callable[[CoachDeskError], None] | None
    on_progress: Progress | None = None


@dataclass(frozen=True, slots=True)
class Created:
    """What `Database.create` hands back: show the recovery code once, then forget it."""

    path: Path
    recovery_code: str


class WorkerQueue(QObject):
    """GUI-side handle on one worker thread, with a lock generation: `new_generation()` (on
    lock) drops, unseen, the results of every job asked for before it, so a refresh queued
    just before a lock can never put records back on screen behind the lock page. Both
    windows use it (`Database` for the coach vault, ui/rco/worker.StoreWorker for the RCO
    store). Create and use on the GUI thread only."""

    _submit = Signal(int, object)
    error = Signal(str)  # a failure no caller handled: show it in a dialog
    busy_changed = Signal(bool)

    def __init__(self, runner: Runner, thread_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName(thread_name)
        self._worker = runner
        runner.moveToThread(self._thread)
        self._submit.connect(runner.run)
        runner.done.connect(self._on_done)
        runner.failed.connect(self._on_failed)
        runner.progress.connect(self._on_progress)
        self._thread.start()
        self._next_id = 0
        self._generation = 0
        self._pending: dict[int, _Pending] = {}

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def new_generation(self) -> None:
        """Drop the results of every job queued until now (the jobs themselves still run)."""
        self._generation += 1

    def _queue(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[CoachDeskError], None] | None,
        on_progress: Progress | None = None,
    ) -> int:
        self._next_id += 1
        was_busy = self.busy
        self._pending[self._next_id] = _Pending(self._generation, on_done, on_error, on_progress)
        if not was_busy:
            self.busy_changed.emit(True)
        self._submit.emit(self._next_id, job)
        return self._next_id

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if pending is None or pending.generation != self._generation:
            return None  # asked for before the last lock: its result is dropped unseen
        return pending

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        pending = self._finish(job_id)
        if pending is not None and pending.on_done is not None:
            _deliver(pending.on_done, result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, exc: CoachDeskError) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return
        if pending.on_error is not None:
            _deliver(pending.on_error, exc)
        elif not isinstance(exc, DamageFound):  # that one the window was told of once already
            self.error.emit(str(exc))

    @Slot(int, int, int)
    def _on_progress(self, job_id: int, done: int, total: int) -> None:
        pending = self._pending.get(job_id)
        if pending is not None and pending.generation == self._generation and pending.on_progress:
            _deliver(lambda _v: pending.on_progress(done, total), None)  # type: ignore[misc]

    def _stop(self, last: Job) -> None:
        """Run `last` (close the store), then end the thread; blocks until both are done.

        The thread ends from inside `last`'s own job: a quit() asked from this thread could
        end the worker's event loop before the jobs queued just now (e.g. a sync's "give
        back what was not sent", queued on closing) and `last` itself had run."""
        if not self._thread.isRunning():
            return
        self.new_generation()

        def last_then_quit(runner: Any) -> None:
            try:
                last(runner)
            finally:
                QThread.currentThread().quit()

        self._submit.emit(-1, last_then_quit)
        self._thread.wait()


class Database(WorkerQueue):
    """The coach vault's worker. Create and use on the GUI thread only."""

    _worker: _Worker
    opened = Signal()
    closing = Signal()  # about to lock or quit: queue last vault jobs now, stop network work
    closed = Signal()
    changed = Signal(object)  # a Changes after a write succeeded: the pages refresh from it
    # The background check of every page failed, or a job read a damaged page (storage/
    # vault.py, docs/security.md): the vault refuses writes from now on; the window says so
    # until it is locked. Emitted once per unlock, however many ways the damage was found.
    integrity_failed = Signal()
    _damage_found = Signal()  # any thread; `_tell_damage` runs on the GUI thread

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        today: date | None = None,
        kdf_params: kdf.KdfParams | None = None,
    ) -> None:
        super().__init__(_Worker(today), "coachdesk-db", parent)
        self._is_open = False
        self.kdf_params = kdf_params  # None: calibrate on this machine (tests pass the minimum)
        self._damage_told = False
        self._damage_found.connect(self._tell_damage)
        self._worker.on_damage = self._damage_found.emit

    @Slot()
    def _tell_damage(self) -> None:
        if not self._damage_told:
            self._damage_told = True
            self.integrity_failed.emit()

    @property
    def is_open(self) -> bool:
        return self._is_open

    # -- vault lifecycle -------------------------------------------------------------------

    def open(
        self,
        path: Path,
        passphrase: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None:
        """Unlock `path` on the worker (key derivation runs there)."""
        self._damage_told = False

        def job(w: _Worker) -> None:
            w.close_vault()
            vault = Vault.open(path, passphrase)
            try:
                w.caseload = Caseload(vault, w.today)
                self._watch(vault)
            except BaseException:
                vault.close()
                raise
            w.vault = vault

        self._queue(job, lambda r: self._set_open(on_done, r), on_error)

    def _watch(self, vault: Vault) -> None:
        """Worker thread, right after unlock: the full check of every page runs in the
        background (unlock costs only the key derivation); a failure reaches the GUI thread
        through `integrity_failed` (a queued signal: the observer runs on the check's thread)."""
        if vault.damaged:  # opened read-only already; the unlock message said why
            return

        def observed(status: CheckStatus) -> None:
            if status.state == CheckState.FAILED:
                self._damage_found.emit()

        vault.add_check_observer(observed)
        vault.start_background_check()

    def create(
        self,
        path: Path,
        passphrase: str,
        coach_name: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None:
        """Create a vault for a new coach and leave it unlocked; on_done gets a `Created`."""
        params = self.kdf_params
        self._damage_told = False

        def job(w: _Worker) -> Created:
            w.close_vault()
            vault, code = Vault.create(path, passphrase, params=params)
            try:
                caseload = Caseload(vault, w.today)
                caseload.set_profile(CoachProfile(coach_name.strip()))
                self._watch(vault)
            except BaseException:
                vault.close()
                raise
            w.vault, w.caseload = vault, caseload
            return Created(path, code)

        self._queue(job, lambda r: self._set_open(on_done, r), on_error)

    def _set_open(self, on_done: Callable[[Any], None] | None, result: Any) -> None:
        self._is_open = True
        self.opened.emit()
        if on_done is not None:
            on_done(result)

    def close(self, on_done: Callable[[Any], None] | None = None) -> None:
        """Lock: results of jobs queued before now are dropped; the worker closes the vault
        (checkpoint, close, zero the key)."""
        self.closing.emit()
        self.new_generation()
        self._is_open = False
        self._queue(lambda w: w.close_vault(), on_done, None)
        self.closed.emit()

    def call(
        self,
        fn: Callable[[Caseload], R],
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None:
        """Run `fn(caseload)` on the worker; `on_done(result)` runs on the GUI thread."""
        self._queue(lambda w: fn(w.require()), on_done, on_error)

    def write(
        self,
        fn: Callable[[Caseload], R],
        changes: Changes | Callable[[R], Changes],
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None:
        """Run a write like `call`; once it succeeded, `changed` tells every view what it
        changed (`changes`, or `changes(result)` when it depends on the result, e.g. a new id)."""

        def done(result: R) -> None:
            if on_done is not None:
                on_done(result)
            what = changes if isinstance(changes, Changes) else changes(result)
            if what:
                self.changed.emit(what)

        self.call(fn, done, on_error)

    def run_with_vault(
        self,
        fn: Callable[[Vault], R],
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None:
        """Run `fn(vault)` on the worker (backups)."""

        def job(w: _Worker) -> R:
            w.require()
            assert w.vault is not None
            return fn(w.vault)

        self._queue(job, on_done, on_error)

    def shutdown(self) -> None:
        """Close the vault and stop the thread; blocks until both are done (app exit)."""
        if not self._thread.isRunning():
            return
        if self._is_open:
            self.closing.emit()
        self._is_open = False
        self._stop(lambda w: w.close_vault())


class Background(QObject):
    """Runs blocking work that must not hold the database thread (network I/O) on a thread of
    its own, one Python thread per job; the result comes back to the GUI thread by signal.

    The job never touches the vault or widgets. `post(callback, value)` lets the job hand
    something to the GUI thread while it runs (e.g. "one bundle sent: record it"). Threads are
    daemons: quitting never waits for a network timeout (the caller cancels the job first).
    Create and use on the GUI thread.
    """

    _deliver = Signal(object, object)

    def __init__(self, parent: QObject | None = None, *, name: str = "coachdesk-net") -> None:
        super().__init__(parent)
        self.name = name
        self._deliver.connect(self._on_deliver)
        self.threads: list[threading.Thread] = []

    def start(self, fn: Callable[[], R], on_done: Callable[[R | BaseException], None]) -> None:
        def run() -> None:
            try:
                result: Any = fn()
            except BaseException as exc:  # handed to on_done; its text is never printed
                print(f"CoachDesk: background {type(exc).__name__}", file=sys.stderr)
                result = exc
            self._deliver.emit(on_done, result)

        self.threads = [t for t in self.threads if t.is_alive()]
        thread = threading.Thread(target=run, name=self.name, daemon=True)
        self.threads.append(thread)
        thread.start()

    def post(self, callback: Callable[[Any], None], value: Any) -> None:
        """Any thread: run `callback(value)` on the GUI thread soon."""
        self._deliver.emit(callback, value)

    @Slot(object, object)
    def _on_deliver(self, callback: Callable[[Any], None], value: Any) -> None:
        _deliver(callback, value)
