"""Sync use cases: send the outbox through a transport and bring the RCO's directory back.

    sync_once(caseload_or_vault, transport)   -> SyncReport (plain-language lines)
    sync_status(caseload_or_vault)            -> SyncStatus for the window's indicator
    sync_if_reachable(caseload_or_vault, transport) -> SyncReport | None (for a background timer)

Each run is three steps, so that the network never holds the vault's thread:

    prepare(vault, destination)          vault thread: interrupted sends back to waiting, read
                                         what waits (copies of the sealed bytes), mark sending
    deliver(plan, transport, on_sent=)   any thread, no vault: probe, send, fetch the directory;
                                         cancellable (`Cancel` aborts the connection in flight)
    record_item / record(vault, plan, …) vault thread: sent / refused / waiting again, merge
                                         the directory, note the result

`sync_once` runs the three on one thread (the command line); the window runs deliver on a
thread of its own and cancels it when it locks or quits (ui/exchange.py). Every state change
is committed before and after each network call, so a run killed at any moment resumes on the
next one: `recover_interrupted` puts an unfinished send back to waiting and the transport
recognises a bundle that had already arrived (exactly one copy at the RCO).

Threading: prepare, record_item, record, abandon, sync_status and the settings functions on
the thread that owns the vault; deliver and Cancel on any thread. Nothing here imports Qt.
"""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from coachdesk.core.models import Resource
from coachdesk.crypto.identity import RcoPublicKeys
from coachdesk.crypto.signing import canonical
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import directory as rco_directory
from coachdesk.exchange import rotation as key_rotation
from coachdesk.exchange.enrollment import EnrollmentError, parse_enrollment
from coachdesk.exchange.export import ENROLLMENT_META
from coachdesk.exchange.transports import (
    BundleRefusedError,
    Delivery,
    OfflineError,
    Transport,
    TransportError,
)
from coachdesk.exchange.transports.webdav import (
    META_KEY as WEBDAV_META,
)
from coachdesk.exchange.transports.webdav import (
    RetryPolicy,
    WebDavSettings,
    WebDavTransport,
)
from coachdesk.i18n.catalog import Message, message_from_json, message_of, message_to_json, text
from coachdesk.storage import outbox, repos, suggestion_repo
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.directory_repo import MergeCounts, merge_directory
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.suggestion_repo import EntryFacts
from coachdesk.storage.vault import Vault

SERIAL_META = "directory.serial"
DIRECTORY_RCO_META = "directory.rco"  # fingerprint of the RCO whose serial SERIAL_META holds
DIRECTORY_MERGED_META = "directory.merged_at"
LAST_ATTEMPT_META = "sync.last_attempt"
LAST_SUCCESS_META = "sync.last_success"
LAST_RESULT_META = "sync.last_result"  # "ok" | "offline" | "failed" | "stopped"
LAST_ERROR_META = "sync.last_error"  # its English (logs, --json)
LAST_ERROR_MESSAGE_META = "sync.last_error_message"  # the same as a message (catalog JSON)
NOT_BEFORE_META = "sync.not_before"  # the server asked (Retry-After) not to come back before
# A 'sending' row older than this, with no sync running in this process, is a killed run.
STALE_SENDING = timedelta(minutes=10)


class CancelledSync(TransportError):
    """The caller asked to stop (the window is locking or closing)."""

    def __init__(self) -> None:
        super().__init__(code="sync.stopped")


class SyncState(StrEnum):
    OFFLINE = "offline"  # the last attempt could not reach the destination
    SYNCING = "syncing"
    FAILED = "failed"  # the last attempt ended in an error that needs attention
    WAITING = "waiting"  # exports wait for the next sync (none tried and failed yet)
    UP_TO_DATE = "up_to_date"


class DirectoryOutcome(StrEnum):
    MERGED = "merged"
    UNCHANGED = "unchanged"  # same serial as the one already merged
    ABSENT = "absent"  # the destination has no directory file
    REFUSED = "refused"  # bad signature, damaged, for another RCO, or older serial
    SKIPPED = "skipped"  # the destination could not be used in this run
    NOT_ENROLLED = "not_enrolled"


@dataclass(slots=True)
class SyncReport:
    destination: Message  # where bundles went ("folder /media/usb"), worded when shown
    sent: list[str] = field(default_factory=list)  # file names delivered in this run
    already_there: list[str] = field(default_factory=list)  # found delivered by an earlier run
    failed: dict[str, Message] = field(default_factory=dict)  # file name -> reason
    waiting: int = 0  # still to send after this run
    resumed: int = 0  # interrupted sends picked up again
    directory: DirectoryOutcome = DirectoryOutcome.SKIPPED
    directory_serial: int | None = None
    directory_counts: MergeCounts | None = None
    directory_problem: Message | None = None  # why the directory was not fetched or merged
    problem: Message | None = None  # what stopped the run early, if anything
    offline: bool = False
    messages: list[Message] = field(default_factory=list)  # what happened, in order

    @property
    def error(self) -> str:
        """What stopped the run, in English (the CLI's --json, logs); "" if nothing did."""
        return "" if self.problem is None else str(self.problem)

    @property
    def directory_error(self) -> str:
        return "" if self.directory_problem is None else str(self.directory_problem)

    @property
    def lines(self) -> list[str]:
        """The report in English (the CLI's --json, logs)."""
        return self.text("en")

    def text(self, lang: str) -> list[str]:
        return [message.text(lang) for message in self.messages]

    @property
    def first_problem(self) -> Message | None:
        """The one reason to show when the run was not ok (what stopped it, else the first
        refused export, else the directory's refusal)."""
        return self.problem or next(iter(self.failed.values()), None) or self.directory_problem

    @property
    def ok(self) -> bool:
        return (
            self.problem is None
            and not self.failed
            and self.waiting == 0
            and self.directory != DirectoryOutcome.REFUSED
        )

    @property
    def delivered(self) -> int:
        return len(self.sent) + len(self.already_there)


@dataclass(frozen=True, slots=True)
class SyncStatus:
    state: SyncState
    waiting: int
    failed: int
    last_success: datetime | None
    last_attempt: datetime | None
    last_error: str  # English (the CLI's --json)
    directory_serial: int | None
    problem: Message | None = None  # the last error as a message, worded when shown

    @property
    def message(self) -> Message:
        """One plain sentence for the indicator's tooltip or a status bar."""
        when = (
            Message(
                "sync.last_sync",
                {"time": self.last_success.astimezone().strftime("%Y-%m-%d %H:%M")},
            )
            if self.last_success
            else Message("sync.never_synced")
        )
        if self.state == SyncState.SYNCING:
            return Message("sync.state.sending", {"n": self.waiting})
        if self.state == SyncState.FAILED:
            return Message("sync.state.failed", {"reason": self.reason, "when": when})
        code = {
            SyncState.UP_TO_DATE: "sync.state.up_to_date",
            SyncState.OFFLINE: "sync.state.offline",
            SyncState.WAITING: "sync.state.waiting",
        }[self.state]
        return Message(code, {"n": self.waiting, "when": when})

    @property
    def line(self) -> str:
        """The sentence in English (the CLI's --json, logs)."""
        return self.message.text("en")

    @property
    def reason(self) -> Message:
        """The last error (for a tooltip), worded when shown."""
        return self.problem or Message.plain(self.last_error)


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """An outbox entry as the coach sees it (never the sealed bytes)."""

    counter: int
    bundle_id: str
    file_name: str
    size: int
    created_at: datetime
    state: OutboxState
    attempts: int
    last_attempt_at: datetime | None
    last_error: str  # English (the CLI's --json)
    sent_to: str
    sent_at: datetime | None
    summary: dict[str, Any]
    last_reason: Message  # the same, worded when shown


# -- which syncs run in this process (for SYNCING while the worker thread is busy) -------------

_running: set[str] = set()
_running_lock = threading.Lock()


def _key(vault: Vault) -> str:
    return str(vault.path.resolve())


def _claim(vault: Vault) -> str:
    key = _key(vault)
    with _running_lock:
        if key in _running:
            raise CoachDeskError(code="sync.already_running")
        _running.add(key)
    return key


def _release(key: str) -> None:
    with _running_lock:
        _running.discard(key)


def is_running(target: Any) -> bool:
    """Whether a sync of this vault runs in this process now. Any thread may call this."""
    with _running_lock:
        return _key(_vault(target)) in _running


# -- helpers ----------------------------------------------------------------------------------


def _vault(target: Any) -> Vault:
    """Accept a Caseload (its .vault) or a Vault."""
    vault = getattr(target, "vault", target)
    if not isinstance(vault, Vault):
        raise TypeError("sync needs a Caseload or an unlocked Vault")
    return vault


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _when(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _actor(vault: Vault) -> str:
    profile = repos.get_profile(vault.conn)
    return profile.display_name if profile else "coach"


def _audit(vault: Vault, conn: Any, record_type: str, record_id: int | None, detail: str) -> None:
    AuditLog(conn, vault.audit_key).append(_actor(vault), "sync", record_type, record_id, detail)


# -- the use cases: prepare (vault thread) -> deliver (any thread) -> record (vault thread) -----


class Cancel:
    """A stop button for one sync, pressed from any thread (the window locking or quitting).

    `cancel()` sets the flag and aborts the transport's connection in flight, so a stalled
    upload ends at once instead of after its timeouts; `sleep` is the transport's wait between
    retries, which ends early (raising CancelledSync) when cancelled."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._transports: list[Transport] = []

    def __call__(self) -> bool:
        return self._event.is_set()

    def watch(self, transport: Transport) -> Transport:
        self._transports.append(transport)
        if self():
            _abort(transport)
        return transport

    def cancel(self) -> None:
        self._event.set()
        for transport in self._transports:
            _abort(transport)

    def sleep(self, seconds: float) -> None:
        if self._event.wait(seconds):
            raise CancelledSync()


def _abort(transport: Transport) -> None:
    """Cut the transport's open connection from another thread (wakes a blocked read)."""
    abort = getattr(transport, "abort", None)
    if callable(abort):
        abort()
        return
    # WebDavTransport keeps its keep-alive connection in `_conn` (an HTTPSConnection).
    sock = getattr(getattr(transport, "_conn", None), "sock", None)
    if isinstance(sock, socket.socket):
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One sealed export to send (a copy of its bytes: deliver never touches the vault)."""

    id: int
    file_name: str
    sealed: bytes


@dataclass(slots=True)
class SyncPlan:
    """What `prepare` read from the vault for one run; `record` writes its outcome."""

    report: SyncReport
    items: list[Outgoing]
    keys: (
        RcoPublicKeys | None
    )  # the enrolled RCO's keys, to verify its directory; None: not fetched
    claim: str  # this vault is marked as syncing until `record` (or `abandon`)
    finished: bool = False


@dataclass(frozen=True, slots=True)
class Sent:
    """One bundle's outcome, handed from deliver to record_item."""

    item: Outgoing
    delivery: Delivery | None  # None: the destination refused this bundle
    error: Message | None = None  # why it was refused


@dataclass(slots=True)
class Delivered:
    """What deliver brings back: why it stopped early (if it did) and the directory's bytes."""

    stop: TransportError | None = None
    directory: bytes | None = None
    directory_fetched: bool = False
    rotation: bytes | None = None  # the RCO's key-change file, if it has one
    unreachable: bool = False  # the background probe failed: nothing was attempted

    @classmethod
    def cancelled(cls) -> Delivered:
        return cls(CancelledSync())


def prepare(
    target: Any,
    destination: Message,
    *,
    fetch_directory: bool = True,
    background: bool = False,
) -> SyncPlan | None:
    """Vault thread: put interrupted sends back, read what waits, mark the first as sending.

    With `background`, returns None when nothing waits or the server asked to wait (Retry-
    After): a timer then does nothing at all. The vault stays marked as syncing until `record`.
    """
    vault = _vault(target)
    if background:
        if is_running(vault) or not outbox.overview(
            vault.conn, (OutboxState.WAITING, OutboxState.FAILED)
        ):
            return None
        not_before = _when(vault.get_meta(NOT_BEFORE_META))
        if not_before is not None and datetime.now(UTC) < not_before:
            return None
    claim = _claim(vault)
    try:
        report = SyncReport(destination)
        with vault.transaction() as conn:
            report.resumed = outbox.recover_interrupted(conn)
            if not background:  # a background run counts as an attempt once the probe answers
                vault.set_meta(LAST_ATTEMPT_META, _now())
            items = [Outgoing(_id(i), i.file_name, i.sealed) for i in outbox.pending(conn)]
            if items:
                outbox.mark_sending(conn, items[0].id)
        keys = _directory_keys(vault, report) if fetch_directory else None
    except BaseException:
        _release(claim)
        raise
    return SyncPlan(report, items, keys, claim)


def deliver(
    plan: SyncPlan,
    transport: Transport,
    *,
    on_sent: Callable[[Sent], None],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    probe: bool = False,
) -> Delivered:
    """Any thread, no vault: send each bundle, then fetch the directory's bytes.

    `on_sent(sent)` is called after each bundle (record it on the vault thread); a problem with
    the destination stops the run (returned, not raised); `cancelled()` is asked before each
    bundle. With `probe`, one quick check first: unreachable means nothing is attempted.
    """
    is_cancelled = cancelled or (lambda: False)
    try:
        if probe:
            try:
                transport.probe()
            except TransportError as exc:
                return Delivered(exc, unreachable=True)
        stop = _send_all(plan, transport, on_sent, progress, is_cancelled)
        if stop is not None or plan.keys is None:
            return Delivered(stop)
        try:
            # The key-change file first: after a change the directory is signed by the new key.
            rotation = transport.fetch(key_rotation.FILE_NAME, key_rotation.MAX_BYTES)
            data = transport.fetch(rco_directory.FILE_NAME, rco_directory.MAX_BYTES)
        except TransportError as exc:
            return Delivered(CancelledSync() if is_cancelled() else exc)
        return Delivered(directory=data, directory_fetched=True, rotation=rotation)
    finally:
        transport.close()


def _send_all(
    plan: SyncPlan,
    transport: Transport,
    on_sent: Callable[[Sent], None],
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool],
) -> TransportError | None:
    items = plan.items
    for index, item in enumerate(items):
        if progress is not None:
            progress(index, len(items))
        if cancelled():
            return CancelledSync()
        try:
            result = transport.deliver(item.file_name, item.sealed)
        except BundleRefusedError as exc:
            on_sent(Sent(item, None, message_of(exc)))
            continue
        except TransportError as exc:
            return CancelledSync() if cancelled() else exc
        on_sent(Sent(item, result))
    if progress is not None and items:
        progress(len(items), len(items))
    return None


def record_item(target: Any, plan: SyncPlan, sent: Sent) -> None:
    """Vault thread: one commit records this bundle (sent or refused) and marks the next one
    as sending (half the fsyncs of two transactions)."""
    vault = _vault(target)
    report = plan.report
    following = _following(plan, sent.item)
    with vault.transaction() as conn:
        if sent.delivery is None:
            outbox.mark_failed(conn, sent.item.id, sent.error or "")
            _audit(vault, conn, "outbox", sent.item.id, f"refused by {report.destination}")
        else:
            outbox.mark_sent(conn, sent.item.id, str(report.destination))
            how = "sent to" if sent.delivery == Delivery.NEW else "found already delivered at"
            _audit(vault, conn, "outbox", sent.item.id, f"{how} {report.destination}")
        if following is not None:
            outbox.mark_sending(conn, following.id)
    if sent.delivery is None:
        report.failed[sent.item.file_name] = sent.error or Message.plain("")
    elif sent.delivery == Delivery.NEW:
        report.sent.append(sent.item.file_name)
    else:
        report.already_there.append(sent.item.file_name)


def _following(plan: SyncPlan, item: Outgoing) -> Outgoing | None:
    index = plan.items.index(item)
    return plan.items[index + 1] if index + 1 < len(plan.items) else None


def record(target: Any, plan: SyncPlan, delivered: Delivered) -> SyncReport | None:
    """Vault thread: what was not sent waits again, merge the directory, note the result.

    Returns None when a background probe found the destination unreachable (recorded so the
    indicator shows 'offline'; nothing else changed)."""
    vault = _vault(target)
    report, stop = plan.report, delivered.stop
    if plan.finished:  # recorded already (e.g. delivered just before a lock gave it back)
        return report
    try:
        with vault.transaction() as conn:
            _requeue(conn, plan, message_of(stop) if stop and not _is_cancel(stop) else "")
        if delivered.unreachable and stop is not None:
            _record_unreachable(vault, stop)
            return None
        rotated = key_rotation.RotationOutcome()
        if delivered.directory_fetched:
            rotated = key_rotation.apply(vault, delivered.rotation)
            if rotated.keys is not None:
                plan.keys = rotated.keys
            _merge_fetched(vault, plan, delivered.directory)
        if stop is not None:
            report.problem, report.offline = message_of(stop), isinstance(stop, OfflineError)
            report.directory = DirectoryOutcome.SKIPPED
        report.waiting = len(outbox.overview(vault.conn, (OutboxState.WAITING, OutboxState.FAILED)))
        _record_result(vault, report, stop)
    finally:
        _finish(plan)
    report.messages = _messages(report)
    report.messages += apply_directory_facts(vault, plan.keys, delivered.directory)  # issue 20
    if rotated.message is not None:
        report.messages.append(rotated.message)
    return report


def abandon(target: Any, plan: SyncPlan, reason: str) -> None:
    """Vault thread: a run that ended by an exception; its unsent bundles wait again."""
    try:
        with _vault(target).transaction() as conn:
            _requeue(conn, plan, reason)
    finally:
        _finish(plan)


def _requeue(conn: Any, plan: SyncPlan, reason: str | Message) -> None:
    """Bundles of this plan still marked as sending go back to waiting."""
    sending = {i.id for i in outbox.items(conn) if i.state == OutboxState.SENDING}
    for item in plan.items:
        if item.id in sending:
            outbox.mark_waiting(conn, item.id, reason)


def _finish(plan: SyncPlan) -> None:
    if not plan.finished:
        plan.finished = True
        _release(plan.claim)


def _is_cancel(stop: TransportError) -> bool:
    return isinstance(stop, CancelledSync)


def _record_unreachable(vault: Vault, exc: TransportError) -> None:
    result = "offline" if isinstance(exc, OfflineError) else "failed"
    problem = message_of(exc)
    if vault.get_meta(LAST_RESULT_META) != result or vault.get_meta(
        LAST_ERROR_MESSAGE_META
    ) != message_to_json(problem):
        with vault.transaction():
            vault.set_meta(LAST_RESULT_META, result)
            _set_last_error(vault, problem)


def _set_last_error(vault: Vault, problem: Message | None) -> None:
    """The last error in English and as a message (the window words it in its language)."""
    vault.set_meta(LAST_ERROR_META, "" if problem is None else str(problem))
    vault.set_meta(LAST_ERROR_MESSAGE_META, "" if problem is None else message_to_json(problem))


def sync_once(
    target: Any,
    transport: Transport,
    *,
    fetch_directory: bool = True,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Send every waiting or failed outbox item, then fetch and merge the RCO's directory:
    prepare, deliver and record on this one thread (the command line; the window runs the
    same three steps with deliver on a thread of its own).

    A problem with the destination (offline, refused credentials, full) stops the run and
    leaves the remaining bundles waiting; a problem with one bundle marks it failed and the
    run goes on. Errors are in the report, not raised (except a vault that cannot be written).
    """
    vault = _vault(target)
    try:
        plan = prepare(vault, transport.description, fetch_directory=fetch_directory)
    except BaseException:
        transport.close()
        raise
    assert plan is not None
    try:
        delivered = deliver(
            plan,
            transport,
            on_sent=lambda sent: record_item(vault, plan, sent),
            progress=progress,
            cancelled=cancelled,
        )
    except BaseException:
        # Not a delivery problem (a bug, Ctrl-C): the bundles wait, the error goes up.
        abandon(vault, plan, text("sync.interrupted_send"))
        raise
    report = record(vault, plan, delivered)
    assert report is not None
    if report.problem is None:
        report.messages += _handoff_round(vault, transport)  # issue 19
    return report


def _id(item: outbox.OutboxItem) -> int:
    assert item.id is not None
    return item.id


def _directory_keys(vault: Vault, report: SyncReport) -> RcoPublicKeys | None:
    """The enrolled RCO's keys, or None (and the reason in the report) when not enrolled."""
    text = vault.get_meta(ENROLLMENT_META)
    if not text:
        report.directory = DirectoryOutcome.NOT_ENROLLED
        return None
    try:
        return parse_enrollment(text.encode("utf-8")).keys
    except EnrollmentError as exc:
        report.directory, report.directory_problem = DirectoryOutcome.SKIPPED, message_of(exc)
        return None


def _merge_fetched(vault: Vault, plan: SyncPlan, data: bytes | None) -> None:
    """Verify and merge the directory deliver fetched (vault thread)."""
    report, keys = plan.report, plan.keys
    assert keys is not None  # deliver fetches only with keys
    if data is None:
        report.directory = DirectoryOutcome.ABSENT
        return
    try:
        serial, entries = rco_directory.parse_directory(data, keys)
    except rco_directory.DirectoryError as exc:
        report.directory, report.directory_problem = DirectoryOutcome.REFUSED, message_of(exc)
        return
    report.directory_serial = serial
    merge_result = merge_signed_directory(vault, serial, entries, keys.fingerprint)
    if isinstance(merge_result, Message):
        report.directory, report.directory_problem = DirectoryOutcome.REFUSED, merge_result
    elif merge_result is None:
        report.directory = DirectoryOutcome.UNCHANGED
    else:
        report.directory, report.directory_counts = DirectoryOutcome.MERGED, merge_result


def merge_signed_directory(
    target: Any, serial: int, entries: list[Resource], rco_fingerprint: str = ""
) -> MergeCounts | Message | None:
    """Merge a directory whose signature was verified. One transaction.

    Returns the counts, None when this serial is already merged, or the plain reason for
    refusing an older serial (a replayed old directory must not undo the RCO's changes).
    Serials count per RCO: after enrolling with another RCO its first directory is accepted
    whatever its number, and it replaces the old RCO's entries.
    """
    vault = _vault(target)
    with vault.transaction() as conn:
        merged = _int(vault.get_meta(SERIAL_META))
        if (vault.get_meta(DIRECTORY_RCO_META) or "") != rco_fingerprint:
            merged = None
        if merged is not None and serial < merged:
            return Message("sync.directory_older", {"serial": serial, "merged": merged})
        if merged is not None and serial == merged:
            return None
        counts = merge_directory(conn, entries)
        vault.set_meta(SERIAL_META, str(serial))
        vault.set_meta(DIRECTORY_RCO_META, rco_fingerprint)
        vault.set_meta(DIRECTORY_MERGED_META, _now())
        _audit(vault, conn, "directory", serial, f"resource directory {serial} merged")
    return counts


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def _record_result(vault: Vault, report: SyncReport, stop: TransportError | None) -> None:
    error: Message | None = None
    if isinstance(stop, CancelledSync):
        result = "stopped"
    elif stop is not None:
        result, error = ("offline" if report.offline else "failed"), message_of(stop)
    elif report.failed:
        result, error = "failed", next(iter(report.failed.values()))
    elif report.directory == DirectoryOutcome.REFUSED:
        result, error = "failed", report.directory_problem
    else:
        result = "ok"
    with vault.transaction():
        vault.set_meta(LAST_RESULT_META, result)
        _set_last_error(vault, error)
        if result == "ok":
            vault.set_meta(LAST_SUCCESS_META, _now())
        if stop is not None and stop.retry_after:
            not_before = datetime.now(UTC) + timedelta(seconds=stop.retry_after)
            vault.set_meta(NOT_BEFORE_META, not_before.isoformat(timespec="seconds"))
        else:
            vault.set_meta(NOT_BEFORE_META, "")


def _messages(report: SyncReport) -> list[Message]:
    out: list[Message] = []
    where = {"destination": report.destination}
    if report.resumed:
        out.append(Message("sync.report.resumed", {"n": report.resumed}))
    if report.sent:
        out.append(Message("sync.report.sent", {"n": len(report.sent), **where}))
    if report.already_there:
        out.append(Message("sync.report.already_there", {"n": len(report.already_there), **where}))
    for name, reason in report.failed.items():
        out.append(Message("sync.report.could_not_send", {"name": name, "reason": reason}))
    if report.problem is not None:
        out.append(report.problem)
    if report.waiting:
        out.append(Message("sync.report.still_waiting", {"n": report.waiting}))
    elif not report.delivered and not report.failed and report.problem is None:
        out.append(Message("sync.report.nothing_waiting"))
    if report.directory == DirectoryOutcome.MERGED and report.directory_counts:
        c = report.directory_counts
        out.append(
            Message(
                "sync.report.directory_merged",
                {
                    "serial": report.directory_serial,
                    "added": c.added,
                    "updated": c.updated,
                    "removed": c.removed,
                },
            )
        )
    elif report.directory == DirectoryOutcome.UNCHANGED:
        out.append(Message("sync.report.directory_unchanged"))
    elif report.directory == DirectoryOutcome.ABSENT:
        out.append(Message("sync.report.directory_absent", where))
    elif report.directory == DirectoryOutcome.REFUSED and report.directory_problem is not None:
        out.append(report.directory_problem)
    elif report.directory == DirectoryOutcome.NOT_ENROLLED:
        out.append(Message("sync.report.not_enrolled"))
    elif report.directory_problem is not None:
        out.append(Message("sync.report.directory_error", {"reason": report.directory_problem}))
    return out


def sync_status(target: Any) -> SyncStatus:
    """The indicator's state from the vault alone (no network). Vault-owning thread only."""
    vault = _vault(target)
    conn = vault.conn
    rows = [
        item
        for item, _size in outbox.overview(
            conn, (OutboxState.WAITING, OutboxState.FAILED, OutboxState.SENDING)
        )
    ]
    waiting = sum(1 for r in rows if r.state != OutboxState.SENDING)
    failed = sum(1 for r in rows if r.state == OutboxState.FAILED)
    now = datetime.now(UTC)
    live_send = any(
        r.state == OutboxState.SENDING
        and r.last_attempt_at is not None
        and now - r.last_attempt_at < STALE_SENDING
        for r in rows
    )
    stale = sum(1 for r in rows if r.state == OutboxState.SENDING) - int(live_send)
    result = vault.get_meta(LAST_RESULT_META) or ""
    error = vault.get_meta(LAST_ERROR_META) or ""
    problem = message_from_json(vault.get_meta(LAST_ERROR_MESSAGE_META)) if error else None
    if problem is not None and str(problem) != error:  # written by an older CoachDesk
        problem = None
    last_success = _when(vault.get_meta(LAST_SUCCESS_META)) or outbox.last_success(conn)
    if is_running(vault) or live_send:
        state = SyncState.SYNCING
    elif result == "offline":
        state = SyncState.OFFLINE
    elif result == "failed" or failed:
        state = SyncState.FAILED
        if not error:
            last = next((r for r in rows if r.last_error), None)
            if last is not None:
                error, problem = last.last_error, last.last_problem
    elif waiting or stale:
        state = SyncState.WAITING
    else:
        state = SyncState.UP_TO_DATE
    return SyncStatus(
        state,
        waiting + stale,
        failed,
        last_success,
        _when(vault.get_meta(LAST_ATTEMPT_META)),
        error,
        _int(vault.get_meta(SERIAL_META)),
        problem,
    )


def list_outbox(target: Any) -> list[OutboxRow]:
    """Every outbox entry, oldest first, without the sealed bytes. Vault-owning thread only."""
    return [
        OutboxRow(
            i.counter,
            i.bundle_id,
            i.file_name,
            size,
            i.created_at,
            i.state,
            i.attempts,
            i.last_attempt_at,
            i.last_error,
            i.sent_to,
            i.sent_at,
            i.summary,
            i.last_reason,
        )
        for i, size in outbox.overview(_vault(target).conn)
    ]


# -- directory version 2: verification, closed entries, suggestions' fates (issue 20) --------

DIRECTORY_CHANGES_META = "directory.changes"  # JSON: what the last directory changed
DIRECTORY_FACTS_META = "directory.facts_of"  # "<rco fingerprint>:<serial>" whose facts are kept


def _entry_digest(entry: Resource, facts: EntryFacts | None) -> str:
    """Of what a coach reads about an entry (not when it was verified, nor closed)."""
    values = [
        entry.name,
        entry.category.value,
        [p.value for p in entry.pathways],
        entry.address,
        entry.phone,
        entry.hours,
        entry.notes,
        facts.languages if facts else [],
        facts.extra if facts else {},
    ]
    return hashlib.sha256(canonical(values)).hexdigest()


def apply_directory_facts(
    target: Any, keys: RcoPublicKeys | None, data: bytes | None
) -> list[Message]:
    """Vault thread, after the directory merge: keep each entry's version-2 facts, count what
    changed since the directory before ("3 new, 2 updated, 1 closed") and record what became
    of this coach's suggestions. Runs once per merged serial; a run killed before it ends is
    redone by the next sync (the facts' serial is behind the merged one)."""
    vault = _vault(target)
    merged = vault.get_meta(SERIAL_META)
    if keys is None or data is None or merged is None:
        return []
    if vault.get_meta(DIRECTORY_RCO_META) != keys.fingerprint:
        return []
    done = f"{keys.fingerprint}:{merged}"
    if vault.get_meta(DIRECTORY_FACTS_META) == done:
        return []
    try:
        doc = rco_directory.parse_directory_doc(data, keys)
    except rco_directory.DirectoryError:
        return []
    if str(doc.serial) != merged:
        return []
    out: list[Message] = []
    with vault.transaction() as conn:
        old = suggestion_repo.all_facts(conn)
        first = vault.get_meta(DIRECTORY_FACTS_META) is None and not old
        facts: dict[str, EntryFacts] = {}
        names: dict[str, list[str]] = {"new": [], "updated": [], "closed": []}
        verified = 0
        for entry in doc.entries:
            given = doc.facts.get(entry.rco_ref)
            kept = replace(given) if given is not None else EntryFacts()
            kept.digest = _entry_digest(entry, given)
            facts[entry.rco_ref] = kept
            before = old.get(entry.rco_ref)
            if before is None:
                if not first:
                    names["closed" if kept.closed else "new"].append(entry.name)
                continue
            if kept.closed and not before.closed:
                names["closed"].append(entry.name)
            elif kept.digest != before.digest:
                names["updated"].append(entry.name)
            if kept.last_verified > before.last_verified:
                verified += 1
        removed = sum(1 for ref in old if ref not in facts)
        suggestion_repo.replace_facts(conn, facts)
        sent = {s.suggestion_id: s for s in suggestion_repo.list_suggestions(conn)}
        for fate in doc.fates:
            mine = sent.get(fate.suggestion_id)
            if mine is None or not suggestion_repo.set_fate(
                conn, fate.suggestion_id, fate.fate, fate.reason, doc.serial, fate.ref
            ):
                continue
            name = str(mine.content.get("name", ""))
            if fate.fate == "accepted":
                out.append(Message("suggest.fate.accepted", {"name": name}))
            else:
                out.append(Message("suggest.fate.rejected", {"name": name, "reason": fate.reason}))
        counts = {k: len(v) for k, v in names.items()}
        vault.set_meta(
            DIRECTORY_CHANGES_META,
            json.dumps(
                {
                    "serial": doc.serial,
                    **counts,
                    "removed": removed,
                    "verified": verified,
                    "names": names,
                },
                ensure_ascii=False,
            ),
        )
        vault.set_meta(DIRECTORY_FACTS_META, done)
    if any(counts.values()):
        out.insert(0, Message("suggest.changes", counts))
    return out


# -- configuration and the background check ---------------------------------------------------


def save_webdav_settings(target: Any, settings: WebDavSettings) -> None:
    """Keep the RCO inbox settings (with the password) inside the vault only."""
    vault = _vault(target)
    with vault.transaction() as conn:
        vault.set_meta(WEBDAV_META, settings.to_json())
        _audit(vault, conn, "settings", None, f"WebDAV inbox set to {settings.url}")


def webdav_settings(target: Any) -> WebDavSettings | None:
    text = _vault(target).get_meta(WEBDAV_META)
    return WebDavSettings.from_json(text) if text else None


def configured_transport(
    target: Any, policy: RetryPolicy | None = None, *, cancel: Cancel | None = None
) -> Transport | None:
    """The WebDAV transport from the vault's settings, or None if none is set up. With
    `cancel`, its waits between retries end and its connection is cut when cancelled."""
    settings = webdav_settings(target)
    if settings is None:
        return None
    if cancel is None:
        return WebDavTransport(settings, policy)
    return cancel.watch(WebDavTransport(settings, policy, sleep=cancel.sleep))


def reachable(transport: Transport) -> bool:
    """A cheap probe; never raises. Any thread (it does not touch the vault)."""
    try:
        transport.probe()
    except CoachDeskError:
        return False
    finally:
        transport.close()
    return True


def sync_if_reachable(target: Any, transport: Transport) -> SyncReport | None:
    """For a background timer: sync only when something waits and the destination answers.

    Returns None when nothing was attempted (nothing waiting, the server asked to wait, or it
    is unreachable; the last case is recorded so the indicator shows 'offline'). The same
    three steps as `sync_once`, on this one thread, with a probe first.
    """
    vault = _vault(target)
    plan = prepare(vault, transport.description, background=True)
    if plan is None:
        transport.close()
        return None
    try:
        delivered = deliver(
            plan, transport, on_sent=lambda sent: record_item(vault, plan, sent), probe=True
        )
    except BaseException:
        abandon(vault, plan, text("sync.interrupted_send"))
        raise
    return record(vault, plan, delivered)


def report_json(report: SyncReport) -> dict[str, Any]:
    counts = report.directory_counts
    return {
        "destination": str(report.destination),
        "ok": report.ok,
        "sent": report.sent,
        "already_there": report.already_there,
        "failed": {name: str(reason) for name, reason in report.failed.items()},
        "waiting": report.waiting,
        "resumed": report.resumed,
        "error": report.error,
        "offline": report.offline,
        "directory": {
            "outcome": report.directory.value,
            "serial": report.directory_serial,
            "error": report.directory_error,
            "counts": asdict(counts) if counts else None,
        },
        "lines": report.lines,
    }


# -- warm hand-offs (issue 19): after the bundles, the roster and the hand-off files ---------


def _handoff_round(vault: Vault, transport: Transport) -> list[Message]:
    from coachdesk.exchange.handoff_sync import round_messages  # imported here: one block

    return round_messages(vault, transport)
