"""storage/vault.py's own refusals name what was opened (issue 18): a coach's vault
("vault"/"bóveda") or an RCO store ("store"/"almacén"), in English and Spanish, from the
command line and from the code alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.errors import IntegrityError, VaultError
from coachdesk.i18n import catalog
from coachdesk.rco.store import RcoStore
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME, Vault
from tests.conftest import RunCli


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "There is no CoachDesk store at"),
        ("es", "No hay ningún almacén de CoachDesk en"),
    ],
)
def test_a_mistyped_store_path_is_called_a_store(
    run_cli: RunCli, tmp_path: Path, lang: str, said: str
) -> None:
    missing = tmp_path / "rco-sotre"
    result = run_cli(
        "rco", "check", str(missing), env={"COACHDESK_LANG": lang, "COACHDESK_PASSPHRASE": "x" * 12}
    )
    assert result.returncode == 1
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith(f"coachdesk: {said} {missing}"), line
    assert "vault" not in line and "bóveda" not in line and "Traceback" not in result.stderr


def _empty_folder(tmp_path: Path) -> Path:
    """A folder that looks like a vault or a store (both files) whose database is empty."""
    folder = tmp_path / "emptied"
    folder.mkdir()
    (folder / DB_NAME).touch()
    (folder / SLOTS_NAME).write_text("{}")
    return folder


@pytest.mark.parametrize(
    ("kind", "en", "es"),
    [(Vault, "vault", "bóveda"), (RcoStore, "store", "almacén")],
)
def test_each_kind_names_itself_in_both_languages(
    tmp_path: Path, kind: type[Vault], en: str, es: str
) -> None:
    with pytest.raises(VaultError) as missing:
        kind.open(tmp_path / "nowhere", "x" * 12)
    assert f"There is no CoachDesk {en} at" in str(missing.value)
    assert es in catalog.describe(missing.value, "es")

    database = tmp_path / "no-database"
    database.mkdir()
    with pytest.raises(VaultError) as no_db:
        kind._open_with_key(database, b"\0" * 32)
    assert str(no_db.value) == f"The {en} database is missing from {database}."
    assert es in catalog.describe(no_db.value, "es")

    with pytest.raises(IntegrityError) as empty:
        kind._open_with_key(_empty_folder(tmp_path), b"\0" * 32)
    assert str(empty.value) == f"The {en} file is empty. Restore it from a backup."
    assert es in catalog.describe(empty.value, "es")
