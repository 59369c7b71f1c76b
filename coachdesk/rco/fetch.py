"""Fetch from the inbox: the supervisor's desk pulls the bundles coaches pushed to the RCO's
WebDAV inbox, imports them, and only then moves them out of the inbox.

    fetch_inbox(desk[, reader])            -> FetchReport (plain-language lines)
    save_fetch_settings / fetch_settings   the inbox address, user, CA, proxy (in the store)
    save_fetch_schedule(desk, minutes)     fetch automatically while the desk is unlocked
    publish_directory_to_inbox(desk)       the signed directory at the inbox's root

The protocol, per bundle, in this order:
1. list the inbox (PROPFIND Depth 1; where the server has none, its folder listing on GET:
   see exchange.transports.webdav.InboxReader), keeping `*.cdbundle` names only;
2. download it (404: another desk took it: skip);
3. import it in one store transaction (RcoDesk.import_bytes; already imported: a no-op);
4. after that commit only: MOVE it to `processed/` with Overwrite: F, or DELETE it when the
   store is set up so. A 404 there means another fetch already moved it; a 412 means an
   earlier, killed fetch already left a copy in processed/: the inbox copy is then deleted
   (it is committed here). 423 (locked) is retried, then left for the next fetch.
   A refused bundle goes to `rejected/` (never deleted) so that it is not retried forever.

Killed at any point, the next fetch redoes at most steps 2-4 for the bundles still listed;
the importer recognises an imported bundle by its digest and bundle id, so nothing is
imported twice, and nothing leaves the inbox before it is committed in the store.

Settings live in the RCO store (meta "fetch.webdav", the password inside the encrypted
store), like the coach's inbox settings in the vault.

Threading: the thread that owns the desk's store; network calls happen outside any store
transaction.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from coachdesk.errors import CoachDeskError
from coachdesk.exchange.directory import FILE_NAME as DIRECTORY_FILE_NAME
from coachdesk.exchange.roster import FILE_NAME as ROSTER_FILE_NAME
from coachdesk.exchange.suggestion import FILE_SUFFIX as SUGGESTION_SUFFIX
from coachdesk.exchange.transports import OfflineError, TransportError
from coachdesk.exchange.transports.webdav import (
    InboxReader,
    Moved,
    RetryPolicy,
    WebDavSettings,
    WebDavSettingsError,
)
from coachdesk.i18n.catalog import Message, message_of, text
from coachdesk.rco import audit as rco_audit
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import (
    BUNDLE_SUFFIX,
    MAX_FILE_BYTES,
    FileResult,
    ImportRejected,
    ImportSummary,
    Outcome,
)

META_KEY = "fetch.webdav"
PROCESSED = "processed"
REJECTED = "rejected"


class After(StrEnum):
    """What happens to a bundle in the inbox once it is committed in the store."""

    PROCESSED = "processed"  # MOVE into processed/ (kept on the server; the default)
    DELETE = "delete"


# An automatic fetch while the desk is unlocked: every this many minutes (0: none).
EVERY_LEAST, EVERY_MOST = 5, 1440


@dataclass(frozen=True, slots=True)
class FetchSettings:
    webdav: WebDavSettings
    after: After = After.PROCESSED
    every: int = 0  # minutes between automatic fetches while the desk is unlocked; 0: none

    def __post_init__(self) -> None:
        if self.every and not EVERY_LEAST <= self.every <= EVERY_MOST:
            raise CoachDeskError(
                code="rco.fetch.every_range", least=EVERY_LEAST, most=EVERY_MOST, every=self.every
            )

    def to_json(self) -> str:
        return json.dumps(
            {"webdav": json.loads(self.webdav.to_json()), "after": self.after, "every": self.every}
        )

    @classmethod
    def from_json(cls, text: str) -> FetchSettings:
        try:
            data = json.loads(text)
            webdav = WebDavSettings.from_json(json.dumps(data["webdav"]))
            # "every" came later: settings saved before it have no schedule
            return cls(webdav, After(data["after"]), int(data.get("every", 0)))
        except (ValueError, KeyError, TypeError, WebDavSettingsError, CoachDeskError):
            raise CoachDeskError(code="rco.fetch.settings_damaged") from None


def save_fetch_settings(desk: RcoDesk, settings: FetchSettings) -> None:
    """Keep the inbox settings (with the password) inside the encrypted store only."""
    with desk.backend.transaction():
        desk.backend.set_meta(META_KEY, settings.to_json())


def save_fetch_schedule(desk: RcoDesk, every: int) -> FetchSettings:
    """Fetch automatically every `every` minutes while the desk is unlocked (0: never); the
    inbox must be set up (`rco fetch-setup`)."""
    settings = fetch_settings(desk)
    if settings is None:
        raise CoachDeskError(code="rco.desk.no_inbox")
    settings = replace(settings, every=every)
    save_fetch_settings(desk, settings)
    return settings


def fetch_settings(desk: RcoDesk) -> FetchSettings | None:
    text = desk.backend.get_meta(META_KEY)
    return FetchSettings.from_json(text) if text else None


def configured_reader(desk: RcoDesk, policy: RetryPolicy | None = None) -> InboxReader | None:
    settings = fetch_settings(desk)
    return InboxReader(settings.webdav, policy) if settings else None


@dataclass(slots=True)
class FetchReport:
    inbox: Message  # where from ("WebDAV inbox https://..."), worded when shown
    listed: int = 0  # bundles seen in the inbox
    summary: ImportSummary = field(default_factory=ImportSummary)
    cleared: list[str] = field(default_factory=list)  # moved to processed/ or deleted
    set_aside: list[str] = field(default_factory=list)  # refused, moved to rejected/
    why_left: dict[str, Message] = field(default_factory=dict)  # still in the inbox, and why
    problem: Message | None = None  # what stopped the run early
    offline: bool = False

    @property
    def ok(self) -> bool:
        return self.problem is None and self.summary.ok

    @property
    def error(self) -> str:
        """What stopped the run, in English (--json, logs); "" if nothing did."""
        return "" if self.problem is None else str(self.problem)

    @property
    def left(self) -> dict[str, str]:
        """Bundles still in the inbox and why, in English."""
        return {name: str(why) for name, why in self.why_left.items()}

    @property
    def messages(self) -> list[Message]:
        """What happened, in order, worded when shown (`text(lang)`)."""
        s = self.summary
        out = []
        if self.listed or self.problem is None:
            out.append(Message("rco.fetch.waiting", {"n": self.listed, "inbox": self.inbox}))
        if s.results:
            counts = {
                "imported": s.count(Outcome.IMPORTED),
                "already": s.count(Outcome.ALREADY_PRESENT),
                "pending": s.count(Outcome.PENDING),
                "flagged": s.count(Outcome.FLAGGED),
                "rejected": s.count(Outcome.REJECTED),
            }
            out.append(Message("rco.fetch.summary", counts))
        for r in s.results:
            if r.outcome == Outcome.REJECTED:
                out.append(Message("rco.fetch.refused", {"path": r.path, "reason": r.reason}))
        if self.cleared:
            out.append(Message("rco.fetch.cleared", {"n": len(self.cleared)}))
        if self.set_aside:
            out.append(
                Message("rco.fetch.set_aside", {"n": len(self.set_aside), "folder": REJECTED})
            )
        for name, why in self.why_left.items():
            out.append(Message("rco.fetch.stays", {"name": name, "reason": why}))
        if self.problem is not None:
            out.append(self.problem)
        return out

    def text(self, lang: str) -> list[str]:
        return [message.text(lang) for message in self.messages]

    @property
    def lines(self) -> list[str]:
        """The report in English (--json, logs)."""
        return self.text("en")

    def to_json(self) -> dict[str, Any]:
        return {
            "inbox": str(self.inbox),
            "ok": self.ok,
            "listed": self.listed,
            "import": self.summary.to_json(),
            "cleared": self.cleared,
            "rejected_moved": self.set_aside,
            "left": self.left,
            "error": self.error,
            "offline": self.offline,
            "lines": self.lines,
        }


Progress = Callable[[int, int], None]


def fetch_inbox(
    desk: RcoDesk,
    reader: InboxReader | None = None,
    *,
    after: After | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FetchReport:
    """Import every bundle waiting in the inbox, then clear it from the inbox (see above)."""
    settings = fetch_settings(desk)
    if reader is None:
        if settings is None:
            raise CoachDeskError(code="rco.fetch.no_inbox")
        reader = InboxReader(settings.webdav)
    if after is None:
        after = settings.after if settings is not None else After.PROCESSED
    report = FetchReport(reader.description)
    try:
        _fetch_all(desk, reader, after, report, progress, cancelled)
    except TransportError as exc:
        report.problem, report.offline = message_of(exc), isinstance(exc, OfflineError)
    finally:
        reader.close()
    return report


def _fetch_all(
    desk: RcoDesk,
    reader: InboxReader,
    after: After,
    report: FetchReport,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    names = [
        n
        for n in reader.list_names()
        if n.endswith((BUNDLE_SUFFIX, SUGGESTION_SUFFIX)) and n != DIRECTORY_FILE_NAME
    ]
    report.listed = len(names)
    for index, name in enumerate(names):
        if cancelled is not None and cancelled():
            break
        data = reader.fetch(name, MAX_FILE_BYTES)
        if data is not None:
            result = _import(desk, name, data)
            report.summary.results.append(result)
            # in the audit log as an import from a folder is (the desk's import history)
            rco_audit.record_imports(desk.backend, [result])
            _clear(reader, name, result, after, report)  # after the import's commit only
        if progress is not None:
            progress(index + 1, len(names))


def _import(desk: RcoDesk, name: str, data: bytes) -> FileResult:
    label = f"inbox/{name}"
    if len(data) > MAX_FILE_BYTES:
        return FileResult(label, Outcome.REJECTED, text("rco.fetch.too_large"))
    try:
        return desk.import_bytes(data, label, name)  # one transaction, committed on return
    except ImportRejected as exc:
        return FileResult(label, Outcome.REJECTED, str(exc))


def _clear(
    reader: InboxReader, name: str, result: FileResult, after: After, report: FetchReport
) -> None:
    try:
        if result.outcome == Outcome.REJECTED:
            # Kept for the supervisor to look at, out of the way of the next fetch.
            moved = reader.move_into(name, REJECTED)
            if moved == Moved.MOVED:
                report.set_aside.append(name)
            elif moved in (Moved.EXISTS, Moved.LOCKED):
                report.why_left[name] = (
                    Message("rco.fetch.name_taken", {"folder": REJECTED})
                    if moved == Moved.EXISTS
                    else Message("rco.fetch.locked")
                )
            return
        if after == After.DELETE:
            reader.delete(name)
            report.cleared.append(name)
            return
        moved = reader.move_into(name, PROCESSED)
        if moved == Moved.EXISTS:
            # An earlier fetch, killed after its MOVE landed elsewhere or after the commit,
            # left a copy in processed/: this one is committed in the store, so it may go.
            reader.delete(name)
        if moved == Moved.LOCKED:
            report.why_left[name] = Message("rco.fetch.locked")
        else:
            report.cleared.append(name)
    except OfflineError:
        raise
    except TransportError as exc:
        report.why_left[name] = message_of(exc)


def publish_directory_to_inbox(desk: RcoDesk, reader: InboxReader | None = None) -> int:
    """Sign the directory with the next serial and put it at the inbox's root; the serial."""
    if reader is None:
        reader = configured_reader(desk)
        if reader is None:
            raise CoachDeskError(code="rco.fetch.no_inbox_publish")
    # The desk writes the signed file (public: resources, no client data) to a folder;
    # a private temp folder holds it for the upload.
    with tempfile.TemporaryDirectory(prefix="coachdesk-directory-") as folder:
        path, serial = desk.publish_directory(folder)
        data = Path(path).read_bytes()
        roster = (Path(folder) / ROSTER_FILE_NAME).read_bytes()  # issue 19, written beside
    try:
        reader.put(DIRECTORY_FILE_NAME, data)
        reader.put(ROSTER_FILE_NAME, roster)
    finally:
        reader.close()
    return serial
