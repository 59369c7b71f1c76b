"""The vault at rest: real SQLCipher files, real Argon2id, real AES-GCM key slots."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Setting
from coachdesk.crypto import kdf
from coachdesk.errors import VaultError, WrongPassphraseError
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, Vault
from tests.conftest import PASSPHRASE

CANARY = "Zyxwvutsrq"


def _add_canary_client(vault: Vault) -> int:
    from datetime import date

    return Caseload(vault).add_client(
        Client(CANARY, "Quelmont", date(2026, 1, 5), Setting.DRUG_COURT, phone="555-010-9999")
    )


def test_vault_file_is_encrypted_and_private(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        _add_canary_client(vault)
    raw = (vault_path / DB_NAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert CANARY.encode() not in raw and b"Quelmont" not in raw
    for name in (DB_NAME, SLOTS_NAME):
        assert stat.S_IMODE(os.stat(vault_path / name).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(vault_path).st_mode) == 0o700
    assert not list(vault_path.glob("*-wal")), "closing checkpoints and removes the WAL"


def test_pragmas_and_checks_at_open(vault: Vault) -> None:
    conn = vault.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    report = vault.check()
    assert report.ok and report.cipher_version.startswith("4.")
    assert report.schema_version >= 3


def test_create_tunes_kdf_to_the_machine(tmp_path: Path) -> None:
    vault, code = Vault.create(tmp_path / "tuned", PASSPHRASE)
    vault.close()
    slots = json.loads((tmp_path / "tuned" / SLOTS_NAME).read_text())
    params = slots["slots"]["passphrase"]["kdf"]
    assert params["alg"] == "argon2id"
    assert params["memory_kib"] >= 64 * 1024 and params["iterations"] >= 3
    assert len(code.replace("-", "")) == 32  # 160 bits of base32


def test_recovery_code_opens_and_resets_the_passphrase(
    vault_path: Path, recovery_code: str
) -> None:
    with Vault.open_with_recovery_code(vault_path, recovery_code.lower().replace("-", " ")):
        pass
    Vault.reset_passphrase(vault_path, recovery_code, "a brand new passphrase")
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE)
    Vault.open(vault_path, "a brand new passphrase").close()


def test_passphrase_change_rewrites_only_the_key_slot(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        _add_canary_client(vault)
    before = (vault_path / DB_NAME).read_bytes()
    slots_before = (vault_path / SLOTS_NAME).read_bytes()
    Vault.change_passphrase(vault_path, PASSPHRASE, "another long passphrase")
    assert (vault_path / DB_NAME).read_bytes() == before
    assert (vault_path / SLOTS_NAME).read_bytes() != slots_before
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, PASSPHRASE)
    with Vault.open(vault_path, "another long passphrase") as vault:
        assert Caseload(vault).count_clients() == 1


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="at least 8 characters"):
        Vault.create(tmp_path / "v", "short", params=kdf.minimum_params())
    assert not (tmp_path / "v").exists()


def test_create_refuses_existing_folder(vault_path: Path) -> None:
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(vault_path, PASSPHRASE, params=kdf.minimum_params())


def test_backup_is_encrypted_verified_and_opens(vault_path: Path, tmp_path: Path) -> None:
    dest = tmp_path / "backups"
    dest.mkdir()
    with Vault.open(vault_path, PASSPHRASE) as vault:
        _add_canary_client(vault)
        backup = vault.backup(dest)
    assert backup.parent == dest and backup.name.endswith(".cdbackup")
    assert not [p for p in dest.iterdir() if p.name.startswith(".")], "no temp folder left"
    assert CANARY.encode() not in (backup / DB_NAME).read_bytes()
    with Vault.open(backup, PASSPHRASE) as copy:
        assert copy.check().ok
        assert Caseload(copy).list_clients()[0].name.startswith(CANARY)


def test_store_kind_is_enforced(vault_path: Path) -> None:
    class OtherStore(Vault):
        KIND = "rco"
        LABEL = "RCO store"

    with pytest.raises(VaultError, match="not a RCO store"):
        OtherStore.open(vault_path, PASSPHRASE)
