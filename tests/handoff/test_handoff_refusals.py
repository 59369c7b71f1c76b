"""Bad hand-off files are refused with a plain sentence and nothing is imported (issue 19):
tampered, truncated, too large, for another device, replayed, from a device not on the roster
or revoked. Real vaults, real crypto."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.crypto.signing import canonical
from coachdesk.exchange import handoff as files
from coachdesk.exchange import handoff_sync as hsync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.i18n.catalog import Message
from coachdesk.storage import handoff_repo
from tests.handoff.world import NOW, World, sync


@pytest.fixture
def world(synced_world: World) -> World:
    return synced_world


def _sealed(world: World) -> tuple[bytes, str]:
    ada = Caseload(world.ada.vault)
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    basis = uc.LegalBasis.within_program("Moving to the community team")
    sent = uc.send_handoff(ada, client_id, world.ben.fingerprint, basis, now=NOW)
    ((_, _, _, data),) = handoff_repo.waiting(ada.conn)
    return data, sent.handoff_id


def _ingest(world: World, data: bytes) -> str | Message:
    vault = world.ben.vault
    roster = hsync.stored_roster(vault)
    assert roster is not None
    return hsync.ingest(vault, data, roster)


def _nothing_imported(world: World) -> None:
    ben = Caseload(world.ben.vault)
    assert handoff_repo.received(ben.conn) == []
    assert all(not c.name.startswith("zz") for c in ben.list_clients())


@pytest.mark.parametrize(
    ("mangle", "code"),
    [
        (lambda d: d[:-1] + bytes([d[-1] ^ 1]), "handoff.cannot_decrypt"),
        (lambda d: d[: len(d) // 2], "handoff.cannot_decrypt"),
        (lambda d: d[:40], "handoff.header_damaged"),
        (lambda d: d + b"junk", "handoff.cannot_decrypt"),
        (lambda d: b"NOTAHAND" + d[8:], "handoff.not_a_handoff"),
        (lambda d: d + b"\0" * (files.MAX_FILE_BYTES), "handoff.too_large"),
    ],
    ids=["flipped", "truncated", "cut-header", "trailing", "magic", "too-large"],
)
def test_damaged_files_are_refused(world: World, mangle, code: str) -> None:  # type: ignore[no-untyped-def]
    data, _ = _sealed(world)
    outcome = _ingest(world, mangle(data))
    assert isinstance(outcome, Message) and outcome.code == code
    assert "nothing was imported" in str(outcome) or "Nothing was imported" in str(outcome)
    assert "nada" in outcome.text("es")
    _nothing_imported(world)


def test_a_file_for_another_device_is_refused(world: World) -> None:
    data, _ = _sealed(world)
    # Ada's own vault fetches it (the header names Ben): refused before any decryption
    roster = hsync.stored_roster(world.ada.vault)
    assert roster is not None
    outcome = hsync.ingest(world.ada.vault, data, roster)
    assert isinstance(outcome, Message) and outcome.code == "handoff.other_recipient"


def test_a_replayed_id_with_other_bytes_is_refused_and_the_same_file_is_a_no_op(
    world: World,
) -> None:
    data, handoff_id = _sealed(world)
    assert _ingest(world, data) == "handoff"
    assert _ingest(world, data) == "already"
    # the same hand-off id, sealed again (other bytes): a replay
    ada = Caseload(world.ada.vault)
    me = hsync.device(world.ada.vault)
    assert me is not None
    roster = hsync.stored_roster(world.ada.vault)
    assert roster is not None
    to = roster.entry(world.ben.fingerprint)
    assert to is not None
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    payload = {
        "format": files.PAYLOAD_FORMAT,
        "version": 1,
        "handoff_id": handoff_id,
        "created_at": "2026-03-02T15:00:00+00:00",
        "sender": me.fingerprint,
        "sender_name": "Ada",
        "recipient": to.fingerprint,
        "episode": "0" * 24,
        "legal_basis": {"kind": files.PROGRAM_BASIS, "reason": "again"},
        "record": handoff_repo.dump_record(ada.conn, client_id),
    }
    again = files.seal("handoff", payload, me.signing, to.fingerprint, to.public_key)
    outcome = _ingest(world, again)
    assert isinstance(outcome, Message) and outcome.code == "handoff.replayed"
    assert len(handoff_repo.received(world.ben.vault.conn)) == 1


def test_an_accepted_handoff_delivered_again_imports_nothing(world: World) -> None:
    data, handoff_id = _sealed(world)
    assert _ingest(world, data) == "handoff"
    ben = Caseload(world.ben.vault)
    before = len(ben.list_clients())
    uc.accept_handoff(ben, handoff_id, now=NOW)
    assert _ingest(world, data) == "already"
    assert uc.accept_handoff(ben, handoff_id, now=NOW).already
    assert len(ben.list_clients()) == before + 1


def test_a_sender_not_on_the_roster_is_refused(world: World) -> None:
    roster = hsync.stored_roster(world.ben.vault)
    assert roster is not None
    ben = roster.entry(world.ben.fingerprint)
    assert ben is not None
    stranger = Ed25519PrivateKey.generate()
    payload = canonical({"format": "coachdesk-handoff"})
    data = files.seal_bytes("handoff", payload, stranger, ben.fingerprint, ben.public_key)
    outcome = _ingest(world, data)
    assert isinstance(outcome, Message) and outcome.code == "handoff.sender_not_on_roster"
    _nothing_imported(world)


def test_a_signature_by_another_key_is_refused(world: World) -> None:
    data, _ = _sealed(world)
    header, _ = files.read_header(data)
    roster = hsync.stored_roster(world.ben.vault)
    assert roster is not None
    ben = roster.entry(world.ben.fingerprint)
    assert ben is not None
    # re-sealed by a stranger but claiming Ada's fingerprint in the header
    stranger = Ed25519PrivateKey.generate()
    forged = files.seal_bytes("handoff", b"{}", stranger, ben.fingerprint, ben.public_key)
    fheader, fsplit = files.read_header(forged)
    text = forged[11:fsplit].replace(fheader["sender"].encode(), header["sender"].encode())
    rebuilt = forged[:11] + text + forged[fsplit:]
    outcome = _ingest(world, rebuilt)
    assert isinstance(outcome, Message)
    assert outcome.code in ("handoff.cannot_decrypt", "handoff.bad_signature")


def test_a_revoked_sender_is_refused_at_fetch_and_at_accept(world: World) -> None:
    data, handoff_id = _sealed(world)
    sync(world.ada, FolderTransport(world.stick))  # delivered into Ben's folder
    assert _ingest(world, data) == "handoff"  # fetched while Ada was still on the roster
    world.desk.revoke_device(world.ada.fingerprint)
    world.desk.publish_directory(world.stick)
    lines = sync(world.ben, FolderTransport(world.stick))  # the new roster comes in
    roster = hsync.stored_roster(world.ben.vault)
    assert roster is not None and world.ada.fingerprint in roster.revoked, lines
    assert roster.entry(world.ada.fingerprint) is None
    ben = Caseload(world.ben.vault)
    before = len(ben.list_clients())
    with pytest.raises(files.HandoffRejected) as refused:
        uc.accept_handoff(ben, handoff_id, now=NOW)
    assert refused.value.code == "handoff.sender_revoked"
    assert len(ben.list_clients()) == before
    # any file from the revoked device is refused when fetched, before anything is kept
    outcome = _ingest(world, data)
    assert isinstance(outcome, Message) and outcome.code == "handoff.sender_revoked"
    assert "revoked" in str(outcome) and "revocó" in outcome.text("es")


def test_refuse_records_and_sends_nothing(world: World) -> None:
    data, handoff_id = _sealed(world)
    assert _ingest(world, data) == "handoff"
    ben = Caseload(world.ben.vault)
    uc.refuse_handoff(ben, handoff_id, "Not my area")
    [item] = uc.incoming(ben)
    assert item.state == "refused"
    assert handoff_repo.waiting(ben.conn) == []  # no acknowledgment queued
    assert handoff_repo.received_sealed(ben.conn, handoff_id) is None
    with pytest.raises(Exception, match="refused"):
        uc.accept_handoff(ben, handoff_id, now=NOW)
    assert any(e.action == "handoff_refused" for e in ben.audit.entries(limit=None))


def test_legal_basis_is_checked(world: World) -> None:
    ada = Caseload(world.ada.vault)
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    with pytest.raises(Exception) as no_reason:
        uc.prepare_handoff(ada, client_id, world.ben.fingerprint, uc.LegalBasis.within_program(" "))
    assert getattr(no_reason.value, "code", "") == "handoff.basis_reason_needed"
    with pytest.raises(Exception) as unknown:
        uc.prepare_handoff(ada, client_id, world.ben.fingerprint, uc.LegalBasis.consent(999999))
    assert getattr(unknown.value, "code", "") == "handoff.consent_unknown"
    with pytest.raises(Exception) as stranger:
        uc.prepare_handoff(
            ada,
            client_id,
            "0000-0000-0000-0000-0000-0000-0000-0000",
            uc.LegalBasis.within_program("x"),
        )
    assert getattr(stranger.value, "code", "") == "handoff.recipient_not_on_roster"
