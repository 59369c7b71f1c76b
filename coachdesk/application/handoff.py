"""Warm hand-off use cases (issue 19): one path for `coachdesk handoff` and the window.

    roster(caseload)                           the RCO's verified team roster (or None)
    prepare_handoff(caseload, client, to, basis) -> HandoffPreview (plain words of what goes)
    send_handoff(caseload, client, to, basis)  -> SentHandoff (sealed, queued for the next sync)
    fetch_handoffs(caseload, transport)        -> HandoffRound (sync's round on its own)
    incoming(caseload)                         -> [Incoming] waiting / accepted / refused
    accept_handoff(caseload, handoff_id)       -> Accepted (one transaction; twice: a no-op)
    refuse_handoff(caseload, handoff_id, why)  recorded, nothing sent back
    apply_retention(caseload)                  the RCO's "remove after N days" policy

Threading: the thread that owns the vault (the window's database worker), like Caseload.
"""

from __future__ import annotations

import json
import secrets
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from coachdesk.application.caseload import Caseload
from coachdesk.crypto.identity import DeviceIdentity
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import handoff as files
from coachdesk.exchange import handoff_sync as hsync
from coachdesk.exchange import roster as team
from coachdesk.exchange.enrollment import parse_enrollment
from coachdesk.exchange.export import ENROLLMENT_META
from coachdesk.exchange.receive_key import receive_key
from coachdesk.exchange.transports import Transport
from coachdesk.i18n.catalog import Message
from coachdesk.storage import handoff_repo

FIRST_CONTACT_DAYS = 2  # the ED hand-off programs' measure: first contact within 48 hours


@dataclass(frozen=True, slots=True)
class LegalBasis:
    """42 CFR 2.31 consent (its id, from the client's consents) or 2.12(c)(3) with a reason."""

    kind: str
    consent_id: int | None = None
    reason: str = ""

    @classmethod
    def consent(cls, consent_id: int) -> LegalBasis:
        return cls(files.CONSENT_BASIS, consent_id=consent_id)

    @classmethod
    def within_program(cls, reason: str) -> LegalBasis:
        return cls(files.PROGRAM_BASIS, reason=reason.strip())

    def to_json(self) -> dict[str, Any]:
        if self.kind == files.CONSENT_BASIS:
            return {"kind": self.kind, "consent_id": self.consent_id}
        return {"kind": self.kind, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class HandoffPreview:
    client_name: str
    recipient: team.RosterEntry
    basis: Message
    lines: tuple[Message, ...]  # what goes, in plain words


@dataclass(frozen=True, slots=True)
class SentHandoff:
    handoff_id: str
    file_name: str
    recipient: str
    size: int


@dataclass(frozen=True, slots=True)
class Incoming:
    handoff_id: str
    sender: str
    created_at: str
    state: str
    client_name: str  # "" once decided (the sealed file is dropped then)
    lines: tuple[Message, ...]
    client_id: int | None
    first_contact_due: str | None


@dataclass(frozen=True, slots=True)
class Accepted:
    handoff_id: str
    client_id: int
    already: bool  # accepted before: nothing changed


def _me(caseload: Caseload) -> DeviceIdentity:
    me = hsync.device(caseload.vault)
    if me is None or caseload.vault.get_meta(ENROLLMENT_META) is None:
        raise CoachDeskError(code="handoff.not_enrolled")
    return me


def roster(caseload: Caseload) -> team.Roster | None:
    return hsync.stored_roster(caseload.vault)


def _roster(caseload: Caseload) -> team.Roster:
    found = roster(caseload)
    if found is None:
        raise CoachDeskError(code="handoff.no_roster")
    return found


def recipients(caseload: Caseload) -> list[team.RosterEntry]:
    """Who this device may hand a client to: the roster without this device."""
    me = _me(caseload)
    return [d for d in _roster(caseload).devices if d.fingerprint != me.fingerprint]


def _recipient(caseload: Caseload, fingerprint: str) -> team.RosterEntry:
    me = _me(caseload)
    entry = _roster(caseload).entry(fingerprint.strip().upper())
    if entry is None or entry.fingerprint == me.fingerprint:
        raise CoachDeskError(code="handoff.recipient_not_on_roster", recipient=fingerprint)
    return entry


def _check_basis(
    caseload: Caseload, client_id: int, basis: LegalBasis, to: team.RosterEntry
) -> Message:
    if basis.kind == files.PROGRAM_BASIS:
        if not basis.reason:
            raise CoachDeskError(code="handoff.basis_reason_needed")
        return Message("handoff.basis.program", {"reason": basis.reason})
    if basis.kind != files.CONSENT_BASIS or basis.consent_id is None:
        raise CoachDeskError(code="handoff.basis_needed")
    consent = next((c for c in caseload.consents(client_id) if c.id == basis.consent_id), None)
    if consent is None:
        raise CoachDeskError(code="handoff.consent_unknown")
    today = caseload.today()
    if consent.revoked_on is not None or (consent.expires_on and consent.expires_on < today):
        raise CoachDeskError(code="handoff.consent_not_in_force")
    named = consent.recipients.casefold()
    program = _program_name(caseload).casefold()
    if not ((to.name and to.name.casefold() in named) or (program and program in named)):
        raise CoachDeskError(code="handoff.consent_not_naming", recipient=to.label)
    return Message(
        "handoff.basis.consent",
        {"signed_on": consent.signed_on.isoformat(), "recipients": consent.recipients},
    )


def _program_name(caseload: Caseload) -> str:
    text = caseload.vault.get_meta(ENROLLMENT_META)
    return parse_enrollment(text.encode("utf-8")).rco_name if text else ""


def _lines(record: dict[str, list[dict[str, Any]]]) -> tuple[Message, ...]:
    notes = record["notes"]
    attempts = sum(1 for n in notes if n.get("attempt_only"))
    counts = {
        "handoff.preview.profile": 1,
        "handoff.preview.consents": len(record["consents"]),
        "handoff.preview.plans": len(record["plans"]),
        "handoff.preview.notes": len(notes) - attempts,
        "handoff.preview.attempts": attempts,
        "handoff.preview.barc10": len(record["barc10"]),
        "handoff.preview.outcomes": len(record["outcomes"]),
        "handoff.preview.referrals": len(record["referrals"]),
        "handoff.preview.family_followups": len(record["family_followups"]),
        "handoff.preview.disclosures": len(record["disclosures"]),
    }
    return tuple(Message(code, {"count": n}) for code, n in counts.items())


def _readable(caseload: Caseload, client_id: int) -> None:
    gone = handoff_repo.transferred(caseload.conn, client_id)
    if gone is not None:
        raise CoachDeskError(code="handoff.client_read_only", coach=gone[0], day=gone[1])


def prepare_handoff(
    caseload: Caseload, client_id: int, recipient_fp: str, basis: LegalBasis
) -> HandoffPreview:
    """What would go to whom and why, checked; nothing written."""
    to = _recipient(caseload, recipient_fp)
    client = caseload.get_client(client_id)
    _readable(caseload, client_id)
    worded = _check_basis(caseload, client_id, basis, to)
    record = handoff_repo.dump_record(caseload.conn, client_id)
    return HandoffPreview(client.display_name, to, worded, _lines(record))


def send_handoff(
    caseload: Caseload,
    client_id: int,
    recipient_fp: str,
    basis: LegalBasis,
    *,
    now: datetime | None = None,
) -> SentHandoff:
    """Seal the client's whole record to the receiver and queue it (one transaction with its
    audit entry); the next sync delivers it. The client stays editable until the receiver's
    acknowledgment comes back."""
    me = _me(caseload)
    to = _recipient(caseload, recipient_fp)
    _readable(caseload, client_id)
    _check_basis(caseload, client_id, basis, to)
    moment = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    handoff_id = secrets.token_hex(16)
    vault = caseload.vault
    with vault.transaction() as conn:
        receive_key(vault)  # made now on a vault from before hand-offs
        record = handoff_repo.dump_record(conn, client_id)
        pseudonym = str(record["clients"][0]["pseudonym"])
        payload = {
            "format": files.PAYLOAD_FORMAT,
            "version": files.VERSION,
            "handoff_id": handoff_id,
            "created_at": moment,
            "sender": me.fingerprint,
            "sender_name": caseload.actor,
            "recipient": to.fingerprint,
            "episode": pseudonym,
            "legal_basis": basis.to_json(),
            "record": record,
        }
        sealed = files.seal("handoff", payload, me.signing, to.fingerprint, to.public_key)
        name = files.file_name("handoff", handoff_id)
        handoff_repo.queue(conn, "handoff", handoff_id, to.fingerprint, name, sealed, moment)
        handoff_repo.insert_sent(
            conn,
            handoff_id,
            client_id,
            pseudonym,
            to.fingerprint,
            to.label,
            json.dumps(basis.to_json()),
            moment,
        )
        caseload.audit.append(
            caseload.actor,
            "handoff_out",
            "client",
            client_id,
            f"hand-off {handoff_id} to {to.label} ({to.fingerprint}); basis {basis.kind}",
        )
    return SentHandoff(handoff_id, name, to.label, len(sealed))


def fetch_handoffs(caseload: Caseload, transport: Transport) -> hsync.HandoffRound:
    return hsync.exchange_handoffs(caseload.vault, transport)


def _open(caseload: Caseload, handoff_id: str) -> files.OpenedHandoff | None:
    sealed = handoff_repo.received_sealed(caseload.conn, handoff_id)
    if sealed is None:
        return None
    me = _me(caseload)
    return files.open_handoff(
        sealed, me.fingerprint, receive_key(caseload.vault), _roster(caseload)
    )


def _client_name(record: dict[str, Any]) -> str:
    client = record["clients"][0]
    preferred = str(client.get("preferred_name") or "")
    given = preferred or str(client.get("given_name") or "")
    return f"{given} {client.get('family_name') or ''}".strip()


def incoming(caseload: Caseload) -> list[Incoming]:
    out = []
    for r in handoff_repo.received(caseload.conn):
        name, lines = "", tuple[Message, ...]()
        if r.state == "accepted" and r.client_id is not None:
            with suppress(CoachDeskError):  # removed since: no name to show
                name = caseload.get_client(r.client_id).display_name
            if r.first_contact_due:
                due = date.fromisoformat(r.first_contact_due)
                lines = (Message("handoff.first_contact_due", {"day": due}),)
        if r.state == "waiting":
            opened = _open(caseload, r.handoff_id)
            if opened is not None:
                name, lines = (
                    _client_name(opened.payload["record"]),
                    _lines(opened.payload["record"]),
                )
        out.append(
            Incoming(
                r.handoff_id,
                r.sender_name,
                r.created_at,
                r.state,
                name,
                lines,
                r.client_id,
                r.first_contact_due,
            )
        )
    return out


def _waiting(caseload: Caseload, handoff_id: str) -> handoff_repo.Received:
    found = handoff_repo.received(caseload.conn, handoff_id)
    if not found:
        raise CoachDeskError(code="handoff.unknown", handoff=handoff_id)
    return found[0]


def accept_handoff(caseload: Caseload, handoff_id: str, *, now: datetime | None = None) -> Accepted:
    """Import the record as a new client with its history, audit it, create the first-contact
    reminder and queue the signed acknowledgment: all in one transaction. Accepting again is a
    no-op; a refused hand-off cannot be accepted."""
    row = _waiting(caseload, handoff_id)
    if row.state == "accepted":
        return Accepted(handoff_id, int(row.client_id or 0), True)
    if row.state != "waiting":
        raise CoachDeskError(code="handoff.already_decided")
    opened = _open(caseload, handoff_id)  # checked again: the sender may have been revoked
    assert opened is not None
    me = _me(caseload)
    record = opened.payload["record"]
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    stamp, day = moment.isoformat(timespec="seconds"), moment.date()
    vault = caseload.vault
    with vault.transaction() as conn:
        unknown = handoff_repo.unknown_columns(conn, record)
        if unknown is not None:
            raise CoachDeskError(code="handoff.invalid", member=unknown)
        client_id = handoff_repo.load_record(conn, record, handoff_id)
        due = (day + timedelta(days=FIRST_CONTACT_DAYS)).isoformat()
        handoff_repo.decide_received(conn, handoff_id, "accepted", stamp, client_id, due)
        caseload.audit.append(
            caseload.actor,
            "handoff_in",
            "client",
            client_id,
            f"received from {opened.sender.label} on {day.isoformat()} (hand-off {handoff_id})",
        )
        ack = {
            "format": files.ACK_FORMAT,
            "version": files.VERSION,
            "handoff_id": handoff_id,
            "sender": me.fingerprint,
            "recipient": opened.sender.fingerprint,
            "accepted_at": stamp,
            "receiver_name": caseload.actor,
        }
        sealed = files.seal(
            "ack", ack, me.signing, opened.sender.fingerprint, opened.sender.public_key
        )
        handoff_repo.queue(
            conn,
            "ack",
            handoff_id,
            opened.sender.fingerprint,
            files.file_name("ack", handoff_id),
            sealed,
            stamp,
        )
    return Accepted(handoff_id, client_id, False)


def refuse_handoff(caseload: Caseload, handoff_id: str, reason: str = "") -> None:
    """Recorded (and the sealed file dropped); nothing goes back to the sender."""
    row = _waiting(caseload, handoff_id)
    if row.state == "refused":
        return
    if row.state != "waiting":
        raise CoachDeskError(code="handoff.already_accepted")
    with caseload.vault.transaction() as conn:
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        handoff_repo.decide_received(conn, handoff_id, "refused", stamp, reason=reason[:500])
        caseload.audit.append(
            caseload.actor,
            "handoff_refused",
            "handoff",
            None,
            f"hand-off {handoff_id} from {row.sender_name} refused",
        )


def first_contact_due(caseload: Caseload, today: date | None = None) -> list[Incoming]:
    """Accepted hand-offs whose client has had no session since (an attempt is no contact):
    what Today lists as "First contact" (the same rule: handoff_repo.FIRST_SESSION)."""
    waiting = handoff_repo.first_contact_waiting(caseload.conn, "", ())
    return [i for i in incoming(caseload) if i.state == "accepted" and i.client_id in waiting]


def sent(caseload: Caseload) -> list[handoff_repo.Sent]:
    return handoff_repo.sent(caseload.conn)


def transferred(caseload: Caseload, client_id: int) -> tuple[str, str] | None:
    """(to whom, on which day) when the client was handed off and acknowledged."""
    return handoff_repo.transferred(caseload.conn, client_id)


def apply_retention(caseload: Caseload, today: date | None = None) -> int:
    """The RCO's policy: with "remove after N days", clients transferred more than N days ago
    are deleted (audited); with "keep read-only" (the default) nothing changes."""
    found = roster(caseload)
    if found is None or found.policy.sender_keeps != team.REMOVE_AFTER_DAYS:
        return 0
    limit = ((today or caseload.today()) - timedelta(days=found.policy.days)).isoformat()
    with caseload.vault.transaction() as conn:
        removed = handoff_repo.remove_transferred_before(conn, limit)
        for client_id in removed:
            caseload.audit.append(
                caseload.actor,
                "handoff_removed",
                "client",
                client_id,
                "removed by the RCO's policy",
            )
    return len(removed)


# The same round in steps, for the window's background timer (ui/exchange.py): the network
# steps (`transfer`, `remove_taken`) run on a network thread, the others on the vault's.
transfer = hsync.transfer
remove_taken = hsync.remove_taken


def background_plan(
    caseload: Caseload, policy: Any = None
) -> tuple[hsync.RoundPlan, Transport] | None:
    """The round's plan and the vault's WebDAV inbox (a stick is not watched); None when
    nothing is set up for it."""
    from coachdesk.application.sync_setup import choose_transport

    transport = choose_transport(caseload, None, policy)
    if transport is None:
        return None
    plan = hsync.plan_round(caseload.vault, transport)
    if plan is None:
        transport.close()
        return None
    return plan, transport


def record_round(
    caseload: Caseload, fetched: hsync.Fetched
) -> tuple[hsync.HandoffRound, list[str]]:
    return hsync.record_round(caseload.vault, fetched)


def fetch_configured(caseload: Caseload, folder: str | None = None) -> hsync.HandoffRound:
    """The window's "Check for hand-offs": one round through the vault's way out (the WebDAV
    inbox set up for sync, or `folder`); nothing set up: an empty round."""
    from coachdesk.application.sync_setup import choose_transport

    transport = choose_transport(caseload, folder)
    if transport is None:
        return hsync.HandoffRound(problem=Message("handoff.no_way_out"))
    return fetch_handoffs(caseload, transport)


def client_consents(caseload: Caseload, client_id: int) -> list[tuple[int, str]]:
    """(id, words) of the client's consents in force, for the legal-basis picker."""
    today = caseload.today()
    return [
        (int(c.id), f"{c.signed_on.isoformat()} — {c.recipients}")
        for c in caseload.consents(client_id)
        if c.id is not None and c.revoked_on is None and not (c.expires_on and c.expires_on < today)
    ]
