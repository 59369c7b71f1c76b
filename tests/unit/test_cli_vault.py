"""`coachdesk vault ...` and `demo-data` end to end, as a script would use them."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.cli.main import build_parser
from coachdesk.core.models import Client, ContactMode, SessionNote, Setting
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _subcommand_paths(parser=None, prefix=()):  # type: ignore[no-untyped-def]
    import argparse

    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name)
                yield from _subcommand_paths(sub, (*prefix, name))


def test_every_subcommand_has_help(run_cli: RunCli) -> None:
    paths = list(_subcommand_paths())
    assert ("vault", "init") in paths and ("demo-data",) in paths
    for path in paths:
        result = run_cli(*path, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout, path


def test_init_prints_the_recovery_code_once_and_recover_works(
    run_cli: RunCli, tmp_path: Path
) -> None:
    vault = tmp_path / "coach"
    created = run_cli("vault", "init", str(vault), "--name", "Coach Ilvane", env=ENV)
    assert created.returncode == 0, created.stderr
    code = re.search(r"\b([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})\b", created.stdout)
    assert code, created.stdout
    assert code.group(1) not in "".join(
        p.read_text() for p in vault.iterdir() if p.suffix == ".json"
    )

    again = run_cli("vault", "init", str(vault), env=ENV)
    assert again.returncode == 1 and "already exists" in again.stderr

    recovered = run_cli(
        "vault",
        "recover",
        str(vault),
        env={
            "COACHDESK_RECOVERY_CODE": code.group(1).lower(),
            "COACHDESK_NEW_PASSPHRASE": "my new long passphrase",
        },
    )
    assert recovered.returncode == 0, recovered.stderr
    checked = run_cli(
        "vault",
        "check",
        str(vault),
        "--json",
        env={"COACHDESK_PASSPHRASE": "my new long passphrase"},
    )
    report = json.loads(checked.stdout)
    assert report["ok"] and report["integrity"] == "ok" and report["audit_chain"] == "ok"


def test_passwd_backup_and_passphrase_file(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    new_file = tmp_path / "new.txt"
    new_file.write_text("a passphrase with a trailing space \n")
    changed = run_cli(
        "vault", "passwd", str(vault_path), "--new-passphrase-file", str(new_file), env=ENV
    )
    assert changed.returncode == 0, changed.stderr
    old = run_cli("vault", "check", str(vault_path), env=ENV)
    assert old.returncode == 1 and "does not open" in old.stderr
    trimmed = tmp_path / "trimmed.txt"
    trimmed.write_text("a passphrase with a trailing space\n")
    assert (
        run_cli("vault", "check", str(vault_path), "--passphrase-file", str(trimmed)).returncode
        == 1
    ), "the trailing space is part of the passphrase"
    dest = tmp_path / "backups"
    dest.mkdir()
    backup = run_cli(
        "vault", "backup", str(vault_path), str(dest), "--passphrase-file", str(new_file)
    )
    assert backup.returncode == 0, backup.stderr
    assert "verified" in backup.stdout and len(list(dest.iterdir())) == 1


def test_demo_data_cli(run_cli: RunCli, tmp_path: Path) -> None:
    vault = tmp_path / "demo"
    made = run_cli(
        "demo-data", str(vault), "--clients", "5", "--notes-per-client", "4", "--seed", "3", env=ENV
    )
    assert made.returncode == 0, made.stderr
    assert "5 synthetic clients" in made.stdout and "Recovery code" in made.stdout
    listed = json.loads(run_cli("client", "list", str(vault), "--json", env=ENV).stdout)
    assert len(listed) == 5


def test_vault_check_finds_a_search_index_out_of_step_with_the_notes(
    run_cli: RunCli, vault_path: Path
) -> None:
    """quick_check cannot see it; the full check (`coachdesk vault check`) does."""
    with Vault.open(vault_path, PASSPHRASE) as vault:
        caseload = Caseload(vault)
        client_id = caseload.add_client(
            Client("Index", "Test", date(2026, 1, 5), Setting.COMMUNITY)
        )
        note_id = caseload.add_note(
            SessionNote(client_id, datetime(2026, 2, 1, tzinfo=UTC), ContactMode.PHONE, "kept")
        )
        assert vault.check(full=True).ok
        with vault.transaction() as conn:  # the index forgets a note the table still holds
            conn.execute(
                "INSERT INTO notes_fts (notes_fts, rowid, text, next_steps) "
                "VALUES ('delete', ?, 'kept', '')",
                (note_id,),
            )
        assert vault.check().ok  # what every unlock runs: fast, and blind to this
        report = vault.check(full=True)
        assert not report.ok and "notes_fts" in report.integrity_errors[0]
    checked = run_cli("vault", "check", str(vault_path), "--json", env=ENV)
    assert checked.returncode != 0
    assert "notes_fts" in json.dumps(json.loads(checked.stdout)["integrity"])


def test_restore_puts_a_backup_in_place_and_keeps_the_vault(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        Caseload(vault).add_client(Client("Before", "Backup", date(2026, 1, 5), Setting.COMMUNITY))
    dest = tmp_path / "backups"
    dest.mkdir()
    assert run_cli("vault", "backup", str(vault_path), str(dest), env=ENV).returncode == 0
    (backup,) = dest.iterdir()
    with Vault.open(vault_path, PASSPHRASE) as vault:
        Caseload(vault).add_client(Client("After", "Backup", date(2026, 1, 6), Setting.COMMUNITY))
    backup_files = {p.name: p.read_bytes() for p in backup.iterdir()}

    wrong = run_cli("vault", "restore", str(vault_path), str(backup), env={
        "COACHDESK_PASSPHRASE": "not the passphrase"})  # fmt: skip
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1
    assert "nothing was replaced" in wrong.stderr
    assert sorted(p.name for p in vault_path.parent.iterdir()) == sorted(
        [vault_path.name, "backups"]
    )

    not_backup = run_cli("vault", "restore", str(vault_path), str(tmp_path), env=ENV)
    assert not_backup.returncode == 1 and "not a CoachDesk backup" in not_backup.stderr

    restored = run_cli("vault", "restore", str(vault_path), str(backup), env=ENV)
    assert restored.returncode == 0, restored.stderr
    (kept,) = vault_path.parent.glob(f"{vault_path.name}.before-restore-*")
    assert kept.name in restored.stdout
    listed = json.loads(run_cli("client", "list", str(vault_path), "--json", env=ENV).stdout)
    assert len(listed) == 1 and "Before" in listed[0]["name"]
    before = json.loads(run_cli("client", "list", str(kept), "--json", env=ENV).stdout)
    assert len(before) == 2  # the replaced vault is intact beside it
    assert {p.name: p.read_bytes() for p in backup.iterdir()} == backup_files  # untouched
