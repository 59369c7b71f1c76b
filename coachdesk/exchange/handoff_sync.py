"""Hand-offs over the ways out that already exist (issue 19): the roster comes back with the
directory, sealed hand-offs and acknowledgments go into `handoffs/<recipient fingerprint>/`
of the RCO's WebDAV inbox (a per-recipient collection) or of the folder / USB stick, and the
files addressed to this device are fetched, verified and kept sealed in the vault until the
coach accepts or refuses them (application/handoff.py).

`exchange_handoffs(vault, transport)` runs one round on the calling thread (sync_once calls it
after the bundles; the window, after a manual Sync and from "Check now", on its database
worker). Each file's outcome is committed before the file is removed from the channel, so a
killed round only repeats work (a hand-off fetched twice is recognised by its id and digest).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from coachdesk.crypto.identity import DeviceIdentity, RcoPublicKeys
from coachdesk.exchange import handoff as files
from coachdesk.exchange import roster as team
from coachdesk.exchange.enrollment import EnrollmentError, parse_enrollment
from coachdesk.exchange.export import DEVICE_META, ENROLLMENT_META
from coachdesk.exchange.receive_key import receive_key
from coachdesk.exchange.transports import SAFE_NAME, Transport, TransportError
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.exchange.transports.webdav import InboxReader, WebDavTransport
from coachdesk.i18n.catalog import Message, message_of
from coachdesk.storage import handoff_repo, repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import Vault

ROSTER_META = "handoff.roster"  # the verified roster file, as the RCO signed it


def now_stamp() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def actor(vault: Vault) -> str:
    profile = repos.get_profile(vault.conn)
    return profile.display_name if profile else "coach"


def audit(vault: Vault, action: str, record_id: int | None, detail: str) -> None:
    AuditLog(vault.conn, vault.audit_key).append(
        actor(vault), action, "client" if record_id else "handoff", record_id, detail
    )


def rco_keys(vault: Vault) -> RcoPublicKeys | None:
    text = vault.get_meta(ENROLLMENT_META)
    if not text:
        return None
    try:
        return parse_enrollment(text.encode("utf-8")).keys
    except EnrollmentError:
        return None


def device(vault: Vault) -> DeviceIdentity | None:
    text = vault.get_meta(DEVICE_META)
    return DeviceIdentity.from_secret_hex(json.loads(text)) if text else None


def stored_roster(vault: Vault) -> team.Roster | None:
    """The last roster merged (verified again with the enrolled RCO's key), or None."""
    text, keys = vault.get_meta(ROSTER_META), rco_keys(vault)
    if not text or keys is None:
        return None
    try:
        return team.parse_roster(text.encode("utf-8"), keys)
    except team.RosterError:
        return None


def merge_roster(vault: Vault, data: bytes) -> Message | None:
    """Verify and keep a roster; a problem (bad signature, older serial) as a message."""
    keys = rco_keys(vault)
    if keys is None:
        return Message("handoff.not_enrolled")
    try:
        roster = team.parse_roster(data, keys)
    except team.RosterError as exc:
        return message_of(exc)
    current = stored_roster(vault)
    if current is not None and roster.serial < current.serial:
        return Message("roster.older", {"serial": roster.serial, "merged": current.serial})
    if current is None or roster.serial > current.serial:
        with vault.transaction():
            vault.set_meta(ROSTER_META, data.decode("utf-8"))
            audit(vault, "sync", None, f"team roster {roster.serial} merged")
    return None


# -- the channel: a per-recipient folder or collection --------------------------------------


class Channel(Protocol):
    def put(self, recipient_fp: str, name: str, data: bytes) -> None: ...
    def names(self, my_fp: str) -> list[str]: ...
    def get(self, my_fp: str, name: str) -> bytes | None: ...
    def remove(self, my_fp: str, name: str) -> None: ...


def _is_handoff_name(name: str) -> bool:
    return bool(SAFE_NAME.match(name)) and name.endswith(tuple(files.SUFFIX.values()))


@dataclass(slots=True)
class FolderChannel:
    root: Path

    def _sub(self, fp: str) -> Path:
        return self.root / files.FOLDER / fp

    def put(self, recipient_fp: str, name: str, data: bytes) -> None:
        FolderTransport(self.root).probe()
        try:
            self._sub(recipient_fp).mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise TransportError(
                code="transport.folder.unusable",
                path=str(self.root),
                reason=exc.strerror or str(exc),
            ) from None
        FolderTransport(self._sub(recipient_fp)).deliver(name, data)

    def names(self, my_fp: str) -> list[str]:
        try:
            return sorted(n for n in os.listdir(self._sub(my_fp)) if _is_handoff_name(n))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise TransportError(
                code="transport.folder.unusable",
                path=str(self.root),
                reason=exc.strerror or str(exc),
            ) from None

    def get(self, my_fp: str, name: str) -> bytes | None:
        return FolderTransport(self._sub(my_fp)).fetch(name, files.MAX_FILE_BYTES)

    def remove(self, my_fp: str, name: str) -> None:
        try:
            (self._sub(my_fp) / name).unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise TransportError(
                code="transport.folder.unusable",
                path=str(self.root),
                reason=exc.strerror or str(exc),
            ) from None


@dataclass(slots=True)
class WebDavChannel:
    transport: WebDavTransport
    _made: set[str] = field(default_factory=set)

    def _reader(self, fp: str = "") -> InboxReader:
        base = self.transport.settings.url.rstrip("/") + "/"
        url = base + files.FOLDER + "/" + (fp + "/" if fp else "")
        return InboxReader(replace(self.transport.settings, url=url), self.transport.policy)

    def _ensure(self, fp: str) -> InboxReader:
        sub = self._reader(fp)
        if fp not in self._made:
            root = InboxReader(self.transport.settings, self.transport.policy)
            try:
                if files.FOLDER not in self._made:
                    root.make_collection(files.FOLDER)
                    self._made.add(files.FOLDER)
                self._reader().make_collection(fp)
            finally:
                root.close()
            self._made.add(fp)
        return sub

    def put(self, recipient_fp: str, name: str, data: bytes) -> None:
        sub = self._ensure(recipient_fp)
        try:
            sub.deliver(name, data)
        finally:
            sub.close()

    def names(self, my_fp: str) -> list[str]:
        sub = self._ensure(my_fp)
        try:
            return [n for n in sub.list_names() if _is_handoff_name(n)]
        finally:
            sub.close()

    def get(self, my_fp: str, name: str) -> bytes | None:
        sub = self._reader(my_fp)
        try:
            return sub.fetch(name, files.MAX_FILE_BYTES)
        finally:
            sub.close()

    def remove(self, my_fp: str, name: str) -> None:
        sub = self._reader(my_fp)
        try:
            sub.delete(name)
        finally:
            sub.close()


def channel_for(transport: Transport) -> Channel | None:
    if isinstance(transport, FolderTransport):
        return FolderChannel(transport.folder)
    if isinstance(transport, WebDavTransport):
        return WebDavChannel(transport)
    return None


# -- one round ------------------------------------------------------------------------------


@dataclass(slots=True)
class HandoffRound:
    sent: int = 0
    received: int = 0  # new hand-offs waiting for the coach's decision
    acknowledged: int = 0  # acknowledgments of this device's hand-offs
    refused: list[tuple[str, Message]] = field(default_factory=list)  # file name, why
    problem: Message | None = None  # why the round stopped early

    @property
    def messages(self) -> list[Message]:
        out: list[Message] = []
        if self.sent:
            out.append(Message("handoff.sync.sent", {"count": self.sent}))
        if self.received:
            out.append(Message("handoff.sync.received", {"count": self.received}))
        if self.acknowledged:
            out.append(Message("handoff.sync.acknowledged", {"count": self.acknowledged}))
        for name, why in self.refused:
            out.append(Message("handoff.sync.refused", {"name": name, "reason": why}))
        if self.problem is not None:
            out.append(Message("handoff.sync.problem", {"reason": self.problem}))
        return out


def exchange_handoffs(vault: Vault, transport: Transport) -> HandoffRound:
    """Fetch the roster, send what waits, fetch what is addressed to this device: the three
    steps below in one thread (the CLI, the window's manual Sync)."""
    try:
        plan = plan_round(vault, transport)
        if plan is None:
            return HandoffRound()
        fetched = transfer(plan, transport)
        result, taken = record_round(vault, fetched)
        problem = remove_taken(plan, transport, taken)
        result.problem = result.problem or problem
        return result
    finally:
        transport.close()


# The round in steps, so that the window's background timer keeps the network off the
# database thread: plan_round and record_round on the vault's thread, transfer and
# remove_taken on a network thread (ui/exchange.py). A file is removed from the inbox only
# after it was recorded; one fetched again after a crash is "already" there.


@dataclass(frozen=True, slots=True)
class RoundPlan:
    channel: Channel
    me: str  # this device's fingerprint
    waiting: list[tuple[int, str, str, bytes]]  # handoff_repo.waiting


@dataclass(slots=True)
class Fetched:
    roster: bytes | None = None
    sent: list[int] = field(default_factory=list)  # handoff_outbox ids delivered
    files: list[tuple[str, bytes]] = field(default_factory=list)  # addressed to this device
    problem: Message | None = None


def plan_round(vault: Vault, transport: Transport) -> RoundPlan | None:
    """Vault thread: what a round needs (None: not enrolled or no way for hand-offs)."""
    channel = channel_for(transport)
    me = device(vault)
    if channel is None or me is None or rco_keys(vault) is None:
        return None
    return RoundPlan(channel, me.fingerprint, handoff_repo.waiting(vault.conn))


def transfer(plan: RoundPlan, transport: Transport) -> Fetched:
    """Network thread: fetch the roster, put what waits, get what is addressed to us. Never
    touches the vault; stops at the first transport error (what was done is kept)."""
    fetched = Fetched()
    try:
        fetched.roster = transport.fetch(team.FILE_NAME, team.MAX_BYTES)
        for item_id, fp, name, sealed in plan.waiting:
            plan.channel.put(fp, name, sealed)
            fetched.sent.append(item_id)
        for name in plan.channel.names(plan.me):
            got = plan.channel.get(plan.me, name)
            if got is not None:
                fetched.files.append((name, got))
    except TransportError as exc:
        fetched.problem = message_of(exc)
    return fetched


def record_round(vault: Vault, fetched: Fetched) -> tuple[HandoffRound, list[str]]:
    """Vault thread: merge the roster, mark what was sent, verify and record each file; the
    round and the names of the files to remove from the inbox (all those looked at)."""
    result = HandoffRound(problem=fetched.problem)
    if fetched.roster is not None:
        problem = merge_roster(vault, fetched.roster)
        if problem is not None:
            result.refused.append((team.FILE_NAME, problem))
    for item_id in fetched.sent:
        with vault.transaction() as conn:
            handoff_repo.mark_sent(conn, item_id, now_stamp())
        result.sent += 1
    roster = stored_roster(vault)
    taken: list[str] = []
    for name, data in fetched.files:
        if roster is None:
            break  # no roster to verify against: the files wait in the inbox
        outcome = ingest(vault, data, roster)
        if isinstance(outcome, Message):
            result.refused.append((name, outcome))
        elif outcome == "ack":
            result.acknowledged += 1
        elif outcome == "handoff":
            result.received += 1
        taken.append(name)
    return result, taken


def remove_taken(plan: RoundPlan, transport: Transport, names: list[str]) -> Message | None:
    """Network thread: take the recorded files out of the inbox (or off the stick)."""
    try:
        for name in names:
            plan.channel.remove(plan.me, name)
    except TransportError as exc:
        return message_of(exc)
    return None


def ingest(vault: Vault, data: bytes, roster: team.Roster) -> str | Message:
    """Verify one file addressed to this device and record it: "handoff" (waiting for the
    coach), "ack", "already" (seen before), or the refusal as a message (nothing kept)."""
    me = device(vault)
    assert me is not None
    try:
        opened = files.open_handoff(data, me.fingerprint, receive_key(vault), roster)
    except files.HandoffRejected as exc:
        with vault.transaction():
            audit(vault, "handoff_refused", None, f"a hand-off file was refused: {exc}")
        return message_of(exc)
    if opened.kind == "ack":
        with vault.transaction() as conn:
            accepted_at = opened.payload["accepted_at"]  # signed: the hand-off's boundary
            day = accepted_at[:10]
            client_id = handoff_repo.acknowledge(conn, opened.handoff_id, accepted_at, day)
            if client_id is None and not handoff_repo.sent(conn, opened.handoff_id):
                return Message("handoff.unknown_ack")
            if client_id is not None:
                audit(
                    vault,
                    "handoff_acknowledged",
                    client_id,
                    f"transferred to {opened.sender.label} on {day} (hand-off {opened.handoff_id})",
                )
        return "ack"
    with vault.transaction() as conn:
        known = handoff_repo.received(conn, opened.handoff_id)
        if known:
            if known[0].sealed_sha256 == opened.sealed_sha256:
                return "already"
            audit(vault, "handoff_refused", None, f"hand-off {opened.handoff_id} replayed")
            return Message("handoff.replayed")
        handoff_repo.insert_received(
            conn,
            handoff_repo.Received(
                opened.handoff_id,
                opened.sender.fingerprint,
                opened.sender.label,
                opened.payload["created_at"],
                now_stamp(),
                "waiting",
                None,
                None,
                None,
                opened.sealed_sha256,
            ),
            data,
        )
        audit(
            vault,
            "handoff_fetched",
            None,
            f"hand-off {opened.handoff_id} from {opened.sender.label} waits for a decision",
        )
    return "handoff"


def round_messages(target: Any, transport: Transport) -> list[Message]:
    """sync_once's hook: one round, its lines for the sync report."""
    vault = getattr(target, "vault", target)
    assert isinstance(vault, Vault)
    return exchange_handoffs(vault, transport).messages
