"""The RCO store, identity, enrollment and directory publishing (real SQLCipher, real keys)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoPublicKeys
from coachdesk.errors import CoachDeskError, VaultError, WrongPassphraseError
from coachdesk.exchange.directory import FILE_NAME, DirectoryError, parse_directory
from coachdesk.exchange.enrollment import PrivacyPolicy, parse_enrollment
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.store import RcoStore
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli


def _create(tmp_path: Path, **kw: object) -> tuple[RcoDesk, str]:
    return RcoDesk.create(
        tmp_path / "rco",
        PASSPHRASE,
        params=kdf.minimum_params(),
        **kw,  # type: ignore[arg-type]
    )


def test_create_reopen_keeps_identity_and_policy(tmp_path: Path) -> None:
    desk, code = _create(tmp_path, name="Harbor RCO", policy=PrivacyPolicy(15, 12))
    fp = desk.fingerprint
    desk.close()
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as again:
        assert again.fingerprint == fp
        assert again.name == "Harbor RCO"
        assert again.policy == PrivacyPolicy(15, 12)
    # the recovery code opens the same store
    store = RcoStore.open_with_recovery_code(tmp_path / "rco", code)
    store.close()
    with pytest.raises(WrongPassphraseError):
        RcoDesk.open(tmp_path / "rco", "not the passphrase")


def test_secret_key_never_in_plain_on_disk(tmp_path: Path) -> None:
    desk, _ = _create(tmp_path)
    secret = desk.identity.to_secret_hex()
    desk.close()
    for path in (tmp_path / "rco").iterdir():
        data = path.read_bytes()
        for value in secret.values():
            assert value.encode() not in data
            assert bytes.fromhex(value) not in data
        assert b"rco.identity" not in data  # the meta table itself is encrypted


def test_store_kinds_never_cross(tmp_path: Path, vault_path: Path) -> None:
    desk, _ = _create(tmp_path)
    desk.close()
    # Each kind refuses the other before any migration runs, and nothing is changed: both
    # still open as what they are, at their own schema version.
    with pytest.raises(VaultError, match="not a vault"):
        Vault.open(tmp_path / "rco", PASSPHRASE)
    with pytest.raises(VaultError, match="not a RCO store"):
        RcoStore.open(vault_path, PASSPHRASE)
    RcoDesk.open(tmp_path / "rco", PASSPHRASE).close()
    Vault.open(vault_path, PASSPHRASE).close()


def test_enrollment_verifies_and_matches(tmp_path: Path) -> None:
    desk, _ = _create(
        tmp_path, name="Harbor RCO", policy=PrivacyPolicy(11, 11, ("months_between",))
    )
    with desk:
        target = desk.write_enrollment(tmp_path / "enroll.json")
        enrollment = parse_enrollment(target.read_bytes())
        assert enrollment.fingerprint == desk.fingerprint
        assert enrollment.rco_name == "Harbor RCO"
        assert enrollment.policy.optional_fields == ("months_between",)
        assert os.stat(target).st_mode & 0o777 == 0o600


def test_bad_policy_refused_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(CoachDeskError):
        _create(tmp_path, policy=PrivacyPolicy(1, 11))
    assert not (tmp_path / "rco").exists()


def test_directory_publish_signed_serial_goes_up(tmp_path: Path) -> None:
    desk, _ = _create(tmp_path)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with desk:
        saved = desk.save_directory_entry(
            Resource(
                "Eastside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD], phone="555-0100"
            )
        )
        desk.save_directory_entry(Resource("Tuesday Group", ResourceCategory.MUTUAL_AID))
        path1, serial1 = desk.publish_directory(inbox)
        desk.save_directory_entry(
            Resource(
                "Eastside MOUD Clinic", ResourceCategory.MOUD, hours="24/7", rco_ref=saved.rco_ref
            )
        )
        path2, serial2 = desk.publish_directory(inbox)
        keys: RcoPublicKeys = desk.identity.public
    assert path1 == path2 == inbox / FILE_NAME
    assert serial2 == serial1 + 1 == 2
    serial, entries = parse_directory(path2.read_bytes(), keys)
    assert serial == 2
    assert sorted(e.name for e in entries) == ["Eastside MOUD Clinic", "Tuesday Group"]
    assert next(e for e in entries if e.rco_ref == saved.rco_ref).hours == "24/7"
    tampered = json.loads(path2.read_bytes())
    tampered["serial"] = 99
    with pytest.raises(DirectoryError):
        parse_directory(json.dumps(tampered).encode(), keys)


def test_directory_entry_needs_a_name(tmp_path: Path) -> None:
    desk, _ = _create(tmp_path)
    with desk, pytest.raises(CoachDeskError, match="needs a name"):
        desk.save_directory_entry(Resource("  ", ResourceCategory.OTHER))


def test_cli_init_and_enrollment(tmp_path: Path, run_cli: RunCli) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    store = tmp_path / "rco"
    result = run_cli("rco", "init", str(store), "--name", "Harbor RCO", "--k", "12", env=env)
    assert result.returncode == 0, result.stderr
    assert "Recovery code" in result.stdout
    fp_line = next(line for line in result.stdout.splitlines() if line.startswith("fingerprint:"))
    out = tmp_path / "enroll.json"
    result = run_cli("rco", "enrollment", str(store), str(out), env=env)
    assert result.returncode == 0, result.stderr
    printed = next(line for line in result.stdout.splitlines() if line.startswith("fingerprint: "))
    assert printed == fp_line
    enrollment = parse_enrollment(out.read_bytes())
    assert printed == f"fingerprint: {enrollment.fingerprint}"
    assert enrollment.policy.k == 12
    # wrong passphrase: one plain line, exit 1
    bad = run_cli(
        "rco", "enrollment", str(store), str(out), env={"COACHDESK_PASSPHRASE": "nope nope"}
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    # bad policy: refused plainly
    bad = run_cli("rco", "init", str(tmp_path / "other"), "--k", "1", env=env)
    assert bad.returncode == 1 and "k must be" in bad.stderr


def test_cli_directory(tmp_path: Path, run_cli: RunCli) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    store = tmp_path / "rco"
    assert run_cli("rco", "init", str(store), env=env).returncode == 0
    r = run_cli(
        "rco",
        "directory",
        "add",
        str(store),
        "--name",
        "Hope House",
        "--category",
        "housing",
        "--pathway",
        "twelve_step",
        "--phone",
        "555-0101",
        env=env,
    )
    assert r.returncode == 0, r.stderr
    r = run_cli("rco", "directory", "list", str(store), "--json", env=env)
    listed = json.loads(r.stdout)
    assert [e["name"] for e in listed["entries"]] == ["Hope House"]
    folder = tmp_path / "inbox"
    folder.mkdir()
    r = run_cli("rco", "directory", "publish", str(store), "--folder", str(folder), env=env)
    assert r.returncode == 0, r.stderr
    assert "serial 1" in r.stdout and (folder / FILE_NAME).is_file()
