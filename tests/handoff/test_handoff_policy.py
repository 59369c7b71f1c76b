"""The roster's serial only goes up, the RCO's retention policy, and the consent basis
(issue 19). Real vaults, real RCO store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Consent
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import handoff_sync as hsync
from coachdesk.exchange import roster as team
from coachdesk.exchange.transports.folder import FolderTransport
from tests.handoff.world import NOW, World, sync


@pytest.fixture
def world(synced_world: World) -> World:
    return synced_world


def test_an_older_roster_is_refused_and_the_newer_one_kept(world: World, tmp_path: Path) -> None:
    old = (world.stick / team.FILE_NAME).read_bytes()
    world.desk.publish_directory(world.stick)
    lines = sync(world.ada, FolderTransport(world.stick))
    kept = hsync.stored_roster(world.ada.vault)
    assert kept is not None
    (world.stick / team.FILE_NAME).write_bytes(old)  # a replayed older roster
    lines = sync(world.ada, FolderTransport(world.stick))
    assert any("older than the one you have" in line for line in lines), lines
    again = hsync.stored_roster(world.ada.vault)
    assert again is not None and again.serial == kept.serial


def _hand_off_and_ack(world: World) -> int:
    ada, ben = Caseload(world.ada.vault), Caseload(world.ben.vault)
    client_id = ada.list_clients()[0].id
    assert client_id is not None
    sent = uc.send_handoff(
        ada, client_id, world.ben.fingerprint, uc.LegalBasis.within_program("x"), now=NOW
    )
    sync(world.ada, FolderTransport(world.stick))
    sync(world.ben, FolderTransport(world.stick))
    uc.accept_handoff(ben, sent.handoff_id, now=NOW)
    sync(world.ben, FolderTransport(world.stick))
    sync(world.ada, FolderTransport(world.stick))
    assert uc.transferred(ada, client_id) is not None
    return client_id


def test_keep_read_only_is_the_default_and_remove_after_days_removes(world: World) -> None:
    client_id = _hand_off_and_ack(world)
    ada = Caseload(world.ada.vault)
    later = date.fromisoformat(uc.transferred(ada, client_id)[1]) + timedelta(days=400)  # type: ignore[index]
    assert uc.apply_retention(ada, later) == 0  # keep read-only
    assert ada.get_client(client_id)
    world.desk.set_handoff_policy(team.RetentionPolicy(team.REMOVE_AFTER_DAYS, 30))
    world.desk.publish_directory(world.stick)
    sync(world.ada, FolderTransport(world.stick))
    day = date.fromisoformat(uc.transferred(ada, client_id)[1])  # type: ignore[index]
    assert uc.apply_retention(ada, day + timedelta(days=30)) == 0  # not yet
    assert uc.apply_retention(ada, day + timedelta(days=31)) == 1
    with pytest.raises(CoachDeskError):
        ada.get_client(client_id)
    assert any(e.action == "handoff_removed" for e in ada.audit.entries(limit=None))


def test_the_consent_must_name_the_receiver_and_be_in_force(world: World) -> None:
    ada = Caseload(world.ada.vault)
    client_id = ada.list_clients()[0].id
    assert client_id is not None

    def consent(recipients: str, revoked: date | None = None) -> int:
        c = Consent(
            client_id, "Ada", "the record", recipients, "follow-up", "in writing", None,
            "end of services", "Client", date(2026, 2, 1),
        )  # fmt: skip
        new_id = ada.add_consent(c)
        if revoked is not None:
            ada.revoke_consent(new_id, revoked, "asked")
        return new_id

    others = consent("Dr. Somebody, County Clinic")
    with pytest.raises(CoachDeskError) as not_naming:
        uc.prepare_handoff(ada, client_id, world.ben.fingerprint, uc.LegalBasis.consent(others))
    assert not_naming.value.code == "handoff.consent_not_naming"
    revoked = consent("Bexa Morrow", revoked=date(2026, 2, 10))
    with pytest.raises(CoachDeskError) as not_in_force:
        uc.prepare_handoff(ada, client_id, world.ben.fingerprint, uc.LegalBasis.consent(revoked))
    assert not_in_force.value.code == "handoff.consent_not_in_force"
    good = consent("Bexa Morrow and Harbor RCO")
    preview = uc.prepare_handoff(ada, client_id, world.ben.fingerprint, uc.LegalBasis.consent(good))
    assert preview.basis.code == "handoff.basis.consent"
    assert "Bexa Morrow" in str(preview.basis) and "2.31" in preview.basis.text("es")
