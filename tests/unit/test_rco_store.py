"""The RCO store, identity, enrollment and directory publishing (real SQLCipher, real keys)."""

from __future__ import annotations

import json
import os
import time
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


# -- store operations: backup, restore, passwd, recover, check, recovery kit (rco/ops.py) -----


def _entry(name: str) -> Resource:
    return Resource(name, ResourceCategory.HOUSING, [Pathway.TWELVE_STEP], phone="555-0199")


def _copy(src: Path, dst: Path) -> Path:
    import shutil

    shutil.copytree(src, dst)
    return dst


def test_every_table_of_the_store_verifies_a_backup(tmp_path: Path) -> None:
    desk, _ = _create(tmp_path)
    with desk:
        tables = desk.backend.store.verify_tables()  # type: ignore[attr-defined]
    # the store's own schema (whatever later migrations add), never the coach's tables
    assert {"devices", "bundles", "episodes", "directory_entries", "audit"} <= set(tables)
    assert "meta" not in tables  # the integrity watch notes its passes there during the copy
    assert "clients" not in tables and not [t for t in tables if t.startswith("sqlite_")]


def test_backup_is_verified_and_restore_keeps_the_current_store_aside(tmp_path: Path) -> None:
    from coachdesk.rco import ops

    desk, _ = _create(tmp_path, name="Harbor RCO")
    fp = desk.fingerprint
    with desk:
        desk.save_directory_entry(_entry("Hope House"))
        backup = ops.backup(desk, tmp_path)
        desk.save_directory_entry(_entry("Added after the backup"))
    assert backup.name.startswith("rco-") and backup.suffix == ".cdbackup"
    assert sorted(p.name for p in backup.iterdir()) == ["keyslots.json", "vault.db"]
    before = (backup / "vault.db").read_bytes()
    result = ops.restore(backup, tmp_path / "rco", PASSPHRASE)
    assert (backup / "vault.db").read_bytes() == before, "the backup itself is never opened"
    assert result.fingerprint == fp and result.kept is not None
    assert result.kept.name.startswith("rco.before-restore-")
    with RcoDesk.open(tmp_path / "rco", PASSPHRASE) as restored:
        assert [e.name for e in restored.directory()] == ["Hope House"]
        actions = [e.action for e in restored.backend.audit_entries()]
        assert "restored_from_backup" in actions
        assert restored.backend.audit_broken_at() is None
    with RcoDesk.open(result.kept, PASSPHRASE) as kept:
        assert sorted(e.name for e in kept.directory()) == ["Added after the backup", "Hope House"]
        assert "backup" in [e.action for e in kept.backend.audit_entries()]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temp left"


def test_restore_after_a_passphrase_change_needs_the_old_one_or_the_code(tmp_path: Path) -> None:
    from coachdesk.rco import ops

    desk, code = _create(tmp_path)
    with desk:
        backup = ops.backup(desk, tmp_path)
    RcoStore.change_passphrase(tmp_path / "rco", PASSPHRASE, "a brand new passphrase")
    with pytest.raises(CoachDeskError, match="passphrase the store had when the backup was made"):
        ops.restore(backup, tmp_path / "rco", "a brand new passphrase")
    assert [p.name for p in tmp_path.iterdir() if "before-restore" in p.name] == []
    ops.restore(backup, tmp_path / "rco", code.lower(), recovery_code=True)
    RcoDesk.open(tmp_path / "rco", PASSPHRASE).close()  # the backup's own slot came back


def test_restore_refuses_a_coach_vault_and_a_folder_that_is_no_backup(
    tmp_path: Path, vault_path: Path
) -> None:
    from coachdesk.rco import ops

    _create(tmp_path)[0].close()
    with pytest.raises(CoachDeskError, match="not restored and the store was not changed"):
        ops.restore(vault_path, tmp_path / "rco", PASSPHRASE)
    with pytest.raises(CoachDeskError, match="not a backup of an RCO store"):
        ops.restore(tmp_path / "nothing", tmp_path / "rco", PASSPHRASE)
    RcoDesk.open(tmp_path / "rco", PASSPHRASE).close()


def test_recovery_code_unlock_is_audited_with_its_slot(tmp_path: Path) -> None:
    from coachdesk.rco import ops

    desk, code = _create(tmp_path)
    fp = desk.fingerprint
    desk.close()
    with ops.open_with_recovery_code(tmp_path / "rco", code) as again:
        assert again.fingerprint == fp
        last = again.backend.audit_entries()[-1]
        assert (last.action, json.loads(last.detail)) == ("unlock", {"slot": "recovery"})


def test_check_reports_identity_rows_and_a_plain_verdict(tmp_path: Path) -> None:
    from coachdesk.rco import ops

    desk, _ = _create(tmp_path)
    with desk:
        desk.save_directory_entry(_entry("Hope House"))
        result = ops.check(desk)
    assert result.ok and result.verdict == "The RCO store passed every check."
    data = result.to_json()
    assert data["fingerprint"] == result.fingerprint and data["integrity"] == "ok"
    assert data["rows"]["directory_entries"] == 1 and data["rows"]["audit"] >= 0
    assert data["schema_version"] == data["schema_expected"]


def test_recovery_kit_has_code_store_id_and_fingerprint(tmp_path: Path) -> None:
    from coachdesk.rco import ops

    desk, code = _create(tmp_path, name="Harbor RCO")
    with desk:
        kit = ops.recovery_kit(desk, code)
        assert kit.store_id == desk.backend.get_meta("vault_id") and len(kit.store_id) == 32
        assert kit.fingerprint == desk.fingerprint
    for lang, word in (("en", "Recovery code"), ("es", "Código de recuperación")):
        text = "\n".join(ops.kit_lines(kit, lang))
        assert code in text and kit.store_id in text and kit.fingerprint in text
        assert word in text and "Harbor RCO" in text


def test_cli_store_commands_end_to_end(tmp_path: Path, run_cli: RunCli) -> None:
    import re

    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    store = tmp_path / "rco"
    created = run_cli("rco", "init", str(store), "--name", "Harbor RCO", env=env)
    assert created.returncode == 0, created.stderr
    out = created.stdout
    code = re.search(r"Recovery code:\s+([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})", out)
    store_id = re.search(r"Store id:\s+([0-9a-f]{32})", out)
    fp = re.search(r"RCO fingerprint:\s+(\S+)", out)
    assert code and store_id and fp, out
    assert f"fingerprint: {fp.group(1)}" in out

    # `vault check` / `vault backup` on a store: named as what it is, with the command to use
    for command in ("check", "backup"):
        extra = [str(tmp_path)] if command == "backup" else []
        wrong = run_cli("vault", command, str(store), *extra, env=env)
        assert wrong.returncode == 1
        assert "is an RCO store" in wrong.stderr and f"coachdesk rco {command}" in wrong.stderr

    backups = tmp_path / "backups"
    backups.mkdir()
    r = run_cli("rco", "backup", str(store), str(backups), env=env)
    assert r.returncode == 0 and "verified" in r.stdout, r.stderr
    (backup,) = backups.iterdir()

    r = run_cli("rco", "check", str(store), "--json", env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["ok"] is True
    r = run_cli("rco", "check", str(store), env=env)
    assert r.stdout.strip().endswith("The RCO store passed every check.")

    new = {"COACHDESK_NEW_PASSPHRASE": "the second long passphrase"}
    wrong_pass = {"COACHDESK_PASSPHRASE": "not the store's passphrase", **new}
    r = run_cli("rco", "passwd", str(store), env=wrong_pass)  # a supervisor's words
    assert r.returncode == 1 and "does not open this store" in r.stderr, r.stderr
    time.sleep(1.1)  # the failed attempt's short wait (lockout) before the right passphrase
    r = run_cli("rco", "passwd", str(store), env={**env, **new})
    assert r.returncode == 0, r.stderr
    r = run_cli(
        "rco",
        "recover",
        str(store),
        env={"COACHDESK_RECOVERY_CODE": code.group(1), "COACHDESK_NEW_PASSPHRASE": PASSPHRASE},
    )
    assert r.returncode == 0, r.stderr
    RcoDesk.open(store, PASSPHRASE).close()

    r = run_cli("rco", "restore", str(store), str(backup), env=env)
    assert r.returncode == 0, r.stderr
    assert f"fingerprint: {fp.group(1)}" in r.stdout and "before-restore" in r.stdout
    bad = run_cli(
        "rco", "restore", str(store), str(backup), env={"COACHDESK_PASSPHRASE": "no no no"}
    )
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr
