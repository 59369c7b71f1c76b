"""A full disk or a read-only folder gives a clean error and never a partial file."""

from __future__ import annotations

import contextlib
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, ContactMode, SessionNote, Setting
from coachdesk.crypto import kdf
from coachdesk.errors import CoachDeskError
from coachdesk.files import write_atomic
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, Vault
from tests.conftest import PASSPHRASE
from tests.fault.mounts import remount_read_only, tmpfs


def _no_partial_files(folder: Path) -> None:
    leftovers = [p.name for p in folder.rglob("*") if ".part" in p.name]
    assert leftovers == [], leftovers


def test_full_disk_while_writing_notes_loses_nothing_acknowledged(
    template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    with tmpfs(tmp_path / "small", "2m") as disk:  # room for the vault and some notes
        vault_path = disk / "vault"
        shutil.copytree(template_vault[0], vault_path)
        acknowledged: list[int] = []
        with Vault.open(vault_path, PASSPHRASE) as vault:
            caseload = Caseload(vault)
            client = caseload.add_client(
                Client("Dovrel", "Maskon", date(2026, 1, 1), Setting.COMMUNITY)
            )
            with pytest.raises(CoachDeskError) as err:
                for _ in range(5000):
                    acknowledged.append(
                        caseload.add_note(
                            SessionNote(client, datetime.now(UTC), ContactMode.PHONE, "z" * 2000)
                        )
                    )
            assert "full" in str(err.value).lower()
        assert len(acknowledged) > 10
        with Vault.open(vault_path, PASSPHRASE, allow_damaged=True) as vault:
            assert vault.check().ok
            stored = {n.id for n in Caseload(vault).notes(client, limit=10_000)}
        assert set(acknowledged) <= stored


def test_full_disk_during_backup_and_file_save(vault_path: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "tiny", "64k") as disk:
        with Vault.open(vault_path, PASSPHRASE) as vault, pytest.raises(CoachDeskError) as err:
            vault.backup(disk)
        assert "space" in str(err.value) or "full" in str(err.value)
        assert list(disk.iterdir()) == [], "no partial backup left behind"
        with pytest.raises(CoachDeskError, match="not enough free space"):
            write_atomic(disk / "plan.pdf", b"x" * 200_000)
        assert list(disk.iterdir()) == []


def test_read_only_folder(vault_path: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "4m") as disk:
        inside = disk / "vault"
        shutil.copytree(vault_path, inside)
        remount_read_only(disk)
        with pytest.raises(CoachDeskError) as err:
            Vault.open(inside, PASSPHRASE)
        assert "read-only" in str(err.value) or "cannot be opened" in str(err.value)
        with pytest.raises(CoachDeskError, match="may not write"):
            Vault.create(disk / "new", PASSPHRASE, params=kdf.minimum_params())
        with Vault.open(vault_path, PASSPHRASE) as vault, pytest.raises(CoachDeskError):
            vault.backup(disk)
        with pytest.raises(CoachDeskError, match="may not write"):
            Vault.change_passphrase(inside, PASSPHRASE, "a different passphrase")
        _no_partial_files(disk)


def test_passphrase_change_on_a_full_disk_keeps_the_old_slot(
    template_vault: tuple[Path, str], tmp_path: Path
) -> None:
    with tmpfs(tmp_path / "small", "512k") as disk:
        vault_path = disk / "vault"
        shutil.copytree(template_vault[0], vault_path)
        filler = disk / "filler"
        fh = open(filler, "wb")  # noqa: SIM115 - filled until the disk says no
        with pytest.raises(OSError):
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        with contextlib.suppress(OSError):
            fh.close()
        before = (vault_path / SLOTS_NAME).read_bytes()
        with pytest.raises(CoachDeskError, match="not enough free space"):
            Vault.change_passphrase(vault_path, PASSPHRASE, "a different passphrase")
        assert (vault_path / SLOTS_NAME).read_bytes() == before
        _no_partial_files(disk)
        filler.unlink()
        Vault.open(vault_path, PASSPHRASE).close()
        assert (vault_path / DB_NAME).exists()
