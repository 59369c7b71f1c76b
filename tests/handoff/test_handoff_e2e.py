"""Warm hand-off end to end (issue 19): two real coach vaults, a real RCO store, a folder
(the USB stick) and the real WebDAV test server; real SQLCipher and real crypto."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import ContactMode, SessionNote
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import handoff as files
from coachdesk.exchange.transports import Transport
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage import handoff_repo
from tests.handoff.world import NOW, World, make_world, sync
from tests.sync_helpers import dav_transport
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]


@pytest.fixture
def world(tmp_path: Path):  # type: ignore[no-untyped-def]
    w = make_world(tmp_path)
    yield w
    w.close()


def _record_counts(caseload: Caseload, client_id: int) -> dict[str, int]:
    record = handoff_repo.dump_record(caseload.conn, client_id)
    return {table: len(rows) for table, rows in record.items()}


def _hand_off(world: World, transport_for: object) -> tuple[int, int]:
    make = transport_for  # a function: () -> a fresh Transport
    assert callable(make)
    ada, ben = Caseload(world.ada.vault), Caseload(world.ben.vault)
    sync(world.ada, make())
    sync(world.ben, make())
    roster = uc.roster(ada)
    assert roster is not None
    assert {d.name for d in roster.devices} == {"Arlo Venn", "Bexa Morrow"}
    assert [r.fingerprint for r in uc.recipients(ada)] == [world.ben.fingerprint]
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    basis = uc.LegalBasis.within_program("Discharged from the ED; community follow-up")
    preview = uc.prepare_handoff(ada, client_id, world.ben.fingerprint, basis)
    assert preview.recipient.name == "Bexa Morrow"
    assert any(m.code == "handoff.preview.notes" for m in preview.lines)
    before = _record_counts(ada, client_id)
    sent = uc.send_handoff(ada, client_id, world.ben.fingerprint, basis, now=NOW)
    assert any("hand-off file sent" in line for line in sync(world.ada, make()))
    lines = sync(world.ben, make())
    assert any("wait for you" in line or "waits for you" in line for line in lines), lines
    [waiting] = uc.incoming(ben)
    assert waiting.state == "waiting" and waiting.sender == "Arlo Venn"
    assert waiting.client_name == ada.get_client(client_id).display_name or waiting.client_name
    accepted = uc.accept_handoff(ben, sent.handoff_id, now=NOW)
    assert not accepted.already
    again = uc.accept_handoff(ben, sent.handoff_id, now=NOW)
    assert again.already and again.client_id == accepted.client_id
    after = _record_counts(ben, accepted.client_id)
    assert after == before  # the whole record, with its history
    word = max(ada.notes(client_id)[0].text.split(), key=len).strip(".,;:!?")
    assert accepted.client_id in {h.client_id for h in ben.search_notes(word)}  # searchable
    got, mine = ben.get_client(accepted.client_id), ada.get_client(client_id)
    assert (got.given_name, got.family_name) == (mine.given_name, mine.family_name)
    audit = [e for e in ben.audit.entries(limit=None) if e.action == "handoff_in"]
    assert audit and "received from Arlo Venn on 2026-03-02" in audit[0].detail
    assert [i.handoff_id for i in uc.first_contact_due(ben)] == [sent.handoff_id]
    # the acknowledgment goes back; the sender's client becomes read-only
    sync(world.ben, make())
    assert uc.transferred(ada, client_id) is None
    lines = sync(world.ada, make())
    assert any("acknowledged" in line for line in lines), lines
    assert uc.transferred(ada, client_id) == ("Bexa Morrow", "2026-03-02")
    assert ada.get_client(client_id).status.value == "transferred"
    with pytest.raises(CoachDeskError):
        uc.prepare_handoff(ada, client_id, world.ben.fingerprint, basis)
    with pytest.raises(CoachDeskError) as read_only:
        ada.update_client(ada.get_client(client_id))
    assert read_only.value.code == "handoff.record_read_only"
    with pytest.raises(CoachDeskError, match="read-only"):
        ada.add_note(SessionNote(client_id, NOW, ContactMode.PHONE, "after the hand-off"))
    return client_id, accepted.client_id


def test_handoff_over_a_folder(world: World) -> None:
    _hand_off(world, lambda: FolderTransport(world.stick))
    # the files travelled in per-recipient subfolders, and were taken when fetched
    assert (world.stick / files.FOLDER / world.ben.fingerprint).is_dir()
    assert not list((world.stick / files.FOLDER).rglob("*.cdhandoff"))


def test_handoff_over_webdav(world: World, tmp_path: Path, pki: Pki) -> None:
    server = DavServer(tmp_path / "dav-root", pki)
    try:
        (server.root / "coachdesk-roster.json").write_bytes(
            (world.stick / "coachdesk-roster.json").read_bytes()
        )

        def make() -> Transport:
            return dav_transport(server.url, pki)

        _hand_off(world, make)
        assert (server.root / files.FOLDER / world.ada.fingerprint).is_dir()
    finally:
        server.stop()
