"""Schema upgrades from every old-vault fixture; newer vaults refused; interrupted upgrades."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import ClientKind, ContactMode, SupportKind
from coachdesk.core.reminders import reminders
from coachdesk.errors import NewerVaultError, VaultError
from coachdesk.storage import migrate, repos
from coachdesk.storage.vault import DB_NAME, Vault
from tests.fixtures.make_old_vaults import OLD_VAULT_PASSPHRASE, fixture_path


@pytest.mark.parametrize("version", range(1, migrate.SCHEMA_VERSION))
def test_old_vault_upgrades_and_keeps_its_data(version: int, tmp_path: Path) -> None:
    source = fixture_path(version)
    assert source.is_dir(), "add a fixture: python -m tests.fixtures.make_old_vaults"
    copy = tmp_path / "old"
    shutil.copytree(source, copy)
    with Vault.open(copy, OLD_VAULT_PASSPHRASE) as vault:
        assert migrate.current_version(vault.conn) == migrate.SCHEMA_VERSION
        assert vault.check().ok
        caseload = Caseload(vault)
        (row,) = caseload.list_clients()
        assert row.name == "Orvel Tansquist" and row.latest_barc10 == 40
        assert [h.note_id for h in caseload.search_notes("woodworking")] == [1]
        if version >= 10:  # version 13 indexes the addenda already written (issue 17)
            assert [h.in_addendum for h in caseload.search_notes("thursd")] == [True]
        assert caseload.search_plans("furniture") == [(row.id, "Orvel Tansquist", 1)]
        caseload.verify_audit()
        # Version 5's indexed state is backfilled: Today, name search and counts (issue 18).
        assert caseload.list_clients("tansq") == [row] == caseload.list_clients("or")
        assert caseload.count_clients() == 1 == caseload.count_clients("quist")
        # Version 9's name pieces are backfilled: words of 1-2 characters find and count it.
        assert caseload.list_clients("ta") == [row] == caseload.list_clients("V t")
        assert caseload.count_clients("rv") == 1 == caseload.count_clients("o", at_most=5)
        assert caseload.count_clients("zq") == 0
        day = date(2025, 3, 5)  # the baseline window is open
        assert [r.kind for r in Caseload(vault, today=day).reminders()] == ["timepoint"]
        assert repos.reminders_for(vault.conn, day) == reminders(
            repos.episode_facts(vault.conn), day
        )
        # Version 8 (issue 21): clients become persons in recovery; notes keep their mode, with
        # support kind "coaching_session", or "group" when the mode is group.
        client = caseload.get_client(row.id)
        assert client.kind == ClientKind.PERSON_IN_RECOVERY and client.linked_client_id is None
        notes = caseload.notes(row.id)
        assert notes and all(
            n.support
            == (SupportKind.GROUP if n.mode == ContactMode.GROUP else SupportKind.COACHING_SESSION)
            for n in notes
        )
        if version >= 7:
            assert {n.mode for n in notes} == {ContactMode.IN_PERSON, ContactMode.GROUP}
        assert caseload.count_clients(kind=ClientKind.PERSON_IN_RECOVERY) == 1
        assert caseload.count_clients(kind=ClientKind.FAMILY_MEMBER) == 0


def test_newer_vault_is_refused_and_left_untouched(vault_path: Path) -> None:
    from tests.conftest import PASSPHRASE

    with Vault.open(vault_path, PASSPHRASE) as vault:
        vault.conn.execute(f"PRAGMA user_version = {migrate.SCHEMA_VERSION + 5}")
    before = (vault_path / DB_NAME).read_bytes()
    with pytest.raises(NewerVaultError, match="newer CoachDesk"):
        Vault.open(vault_path, PASSPHRASE)
    assert (vault_path / DB_NAME).read_bytes() == before


def test_interrupted_migration_rolls_back_to_the_last_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "old"
    shutil.copytree(fixture_path(1), copy)
    real = migrate.available

    def broken(schema: str = migrate.COACH) -> list[migrate.Migration]:
        found = real(schema)
        second = found[1]
        # Fails after its first statements have run: the whole migration must roll back.
        found[1] = migrate.Migration(
            second.version, second.name, second.sql + "\nSELECT no_such_function();\n"
        )
        return found

    monkeypatch.setattr(migrate, "available", broken)
    with pytest.raises(VaultError, match=r"could not be upgraded.*no_such_function"):
        Vault.open(copy, OLD_VAULT_PASSPHRASE)
    monkeypatch.setattr(migrate, "available", real)
    with Vault.open(copy, OLD_VAULT_PASSPHRASE) as vault:
        assert migrate.current_version(vault.conn) == migrate.SCHEMA_VERSION
        assert [h.note_id for h in Caseload(vault).search_notes("woodworking")] == [1]
