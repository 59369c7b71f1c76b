"""Leak scan of a hand-off (issue 19): the client's canary values exist only inside the two
vaults (encrypted: never as plaintext bytes of their files) and the sealed hand-off file
(encrypted too), nowhere at the RCO (its WebDAV inbox, the stick, its store's tables once
decrypted), nowhere in temp folders. Positive controls: the receiver's vault and the opened
hand-off hold them."""

from __future__ import annotations

import secrets
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Consent, ContactMode, SessionNote, Setting
from coachdesk.exchange import handoff as files
from coachdesk.exchange import handoff_sync as hsync
from coachdesk.exchange.receive_key import receive_key
from coachdesk.storage import handoff_repo
from tests.handoff.world import NOW, make_world, sync
from tests.sync_helpers import dav_transport
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]


def _canaries() -> dict[str, str]:
    tag = secrets.token_hex(3)
    return {
        f: f"Cnry{f.capitalize()}{tag}" for f in ("given", "family", "phone", "note", "consent")
    }


def _files_holding(root: Path, needles: list[bytes]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path}: {n.decode()}" for n in needles if n in data]
    return found


def test_handoff_canaries_stay_inside_the_vaults(
    tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    world = make_world(tmp_path / "world")
    server = DavServer(tmp_path / "dav-root", pki)
    try:
        (server.root / "coachdesk-roster.json").write_bytes(
            (world.stick / "coachdesk-roster.json").read_bytes()
        )
        c = _canaries()
        ada = Caseload(world.ada.vault)
        client_id = ada.add_client(
            Client(
                c["given"],
                c["family"],
                date(2026, 2, 1),
                Setting.EMERGENCY_DEPARTMENT,
                phone=c["phone"],
            )
        )
        ada.add_note(
            SessionNote(
                client_id,
                datetime(2026, 2, 2, 10, tzinfo=UTC),
                ContactMode.IN_PERSON,
                f"Met at the bedside; {c['note']}",
            )
        )
        consent_id = ada.add_consent(
            Consent(
                client_id,
                "Ada Coach",
                "the whole record",
                f"Bexa Morrow, {c['consent']}",
                "follow-up in the community",
                "in writing to the RCO",
                None,
                "end of services",
                c["given"],
                date(2026, 2, 2),
            )
        )
        for coach in (world.ada, world.ben):
            sync(coach, dav_transport(server.url, pki))
        sent = uc.send_handoff(
            ada, client_id, world.ben.fingerprint, uc.LegalBasis.consent(consent_id), now=NOW
        )
        ((_, _, _, sealed),) = handoff_repo.waiting(ada.conn)
        sync(world.ada, dav_transport(server.url, pki))
        # the same file on the stick too (a hand-off carried by USB)
        hsync.FolderChannel(world.stick).put(world.ben.fingerprint, sent.file_name, sealed)
        sync(world.ben, dav_transport(server.url, pki))
        ben = Caseload(world.ben.vault)
        accepted = uc.accept_handoff(ben, sent.handoff_id, now=NOW)
        sync(world.ben, dav_transport(server.url, pki))
        sync(world.ada, dav_transport(server.url, pki))
        assert uc.transferred(ada, client_id) is not None
        # the RCO imports both coaches' bundles after the hand-off
        world.desk.import_paths([world.ada.export(), world.ben.export()])

        needles = [v.encode() for v in c.values()]
        # positive controls: the receiving vault and the opened file hold every canary
        got = ben.get_client(accepted.client_id)
        assert (got.given_name, got.family_name, got.phone) == (c["given"], c["family"], c["phone"])
        assert any(c["note"] in n.text for n in ben.notes(accepted.client_id))
        roster = hsync.stored_roster(world.ben.vault)
        assert roster is not None
        opened = files.open_handoff(
            sealed, world.ben.fingerprint, receive_key(world.ben.vault), roster
        )
        assert all(v in str(opened.payload) for v in c.values())
        # nowhere as plaintext bytes: vault files, sealed files, inbox, stick, exports, temp
        assert _files_holding(tmp_path, needles) == []
        assert not any(n in sealed for n in needles)
        # nor in the RCO store once decrypted
        conn = world.desk.backend.store.conn  # type: ignore[attr-defined]
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in conn.execute(f"SELECT * FROM {table}"):
                text = " ".join(str(v) for v in row)
                assert not any(v in text for v in c.values()), table
        assert list(temp.iterdir()) == []
    finally:
        server.stop()
        world.close()
