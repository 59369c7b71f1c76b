"""The device's receive key (issue 19): an old vault gets one on first use, its format 2
bundles carry the public half, the RCO keeps it per device (SQLite store and PostgreSQL) and
publishes it in the signed team roster; format 1 bundles (no key) still import."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.exchange import export
from coachdesk.exchange import roster as team
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.receive_key import RECEIVE_META, receive_public_hex
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.fixtures.make_old_vaults import OLD_VAULT_PASSPHRASE, fixture_path
from tests.servers.postgres import PostgresServer


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RcoDesk]:
    url = request.getfixturevalue("server").new_database() if request.param == "postgres" else None
    made, _ = RcoDesk.create(
        tmp_path / request.param, PASSPHRASE, params=kdf.minimum_params(), postgres=url
    )
    yield made
    made.close()


def test_old_vault_gets_a_receive_key_and_the_rco_learns_it(desk: RcoDesk, tmp_path: Path) -> None:
    copy = tmp_path / "old-vault"
    shutil.copytree(fixture_path(8), copy)
    with Vault.open(copy, OLD_VAULT_PASSPHRASE) as vault:
        assert vault.get_meta(RECEIVE_META) is None  # made before hand-offs existed
        caseload = Caseload(vault)
        export.enroll(caseload, desk.enrollment(), desk.fingerprint)
        out = tmp_path / "out"
        out.mkdir()
        old = export.export(caseload, out, schema_version=1)  # format 1: no receive key
        new = export.export(caseload, out)
        public = receive_public_hex(vault)
        assert vault.get_meta(RECEIVE_META)  # made on first use, kept in the vault
        device = export.device_identity(caseload)
        assert device is not None
    assert old.path is not None and new.path is not None
    opened = open_bundle(Path(new.path).read_bytes(), desk.identity)
    assert opened.payload["receive_key"] == public
    assert "receive_key" not in open_bundle(Path(old.path).read_bytes(), desk.identity).payload
    results = desk.import_paths([old.path, new.path]).results
    assert [r.outcome for r in results] == [Outcome.PENDING, Outcome.PENDING]
    assert desk.backend.receive_keys() == {device.device_id: public}
    folder = tmp_path / "pub"
    folder.mkdir()
    desk.publish_directory(folder)
    before = team.parse_roster((folder / team.FILE_NAME).read_bytes(), desk.identity.public)
    assert before.devices == ()  # pending devices are not on the roster
    summary = desk.confirm_device(device.fingerprint, "Coach Orvel")
    assert [r.outcome for r in summary.results] == [Outcome.IMPORTED, Outcome.IMPORTED]
    desk.publish_directory(folder)
    roster = team.parse_roster((folder / team.FILE_NAME).read_bytes(), desk.identity.public)
    assert roster.serial == before.serial + 1
    [entry] = roster.devices
    assert (entry.fingerprint, entry.name, entry.receive_key) == (
        device.fingerprint,
        "Coach Orvel",
        public,
    )
    assert roster.policy == team.RetentionPolicy()  # keep read-only, the default
    desk.set_handoff_policy(team.RetentionPolicy(team.REMOVE_AFTER_DAYS, 30))
    desk.revoke_device(device.fingerprint)
    desk.publish_directory(folder)
    revoked = team.parse_roster((folder / team.FILE_NAME).read_bytes(), desk.identity.public)
    assert revoked.devices == () and device.fingerprint in revoked.revoked
    assert revoked.policy.days == 30


def test_a_roster_signed_by_another_key_or_altered_is_refused(
    desk: RcoDesk, tmp_path: Path
) -> None:
    from coachdesk.crypto.identity import RcoIdentity

    data = team.make_roster(desk.identity, [], [], 3, team.RetentionPolicy())
    with pytest.raises(team.RosterError) as other:
        team.parse_roster(data, RcoIdentity.generate().public)
    assert other.value.code == "roster.bad_signature"
    with pytest.raises(team.RosterError) as altered:
        team.parse_roster(data.replace(b'"serial": 3', b'"serial": 4'), desk.identity.public)
    assert altered.value.code == "roster.bad_signature"
