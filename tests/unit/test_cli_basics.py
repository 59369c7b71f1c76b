"""The command-line contract: exit codes, --json, plain one-line errors, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PASSPHRASE, RunCli

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def test_version_and_self_test(run_cli: RunCli) -> None:
    assert run_cli("--version").stdout.startswith("coachdesk ")
    result = run_cli("--self-test")
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout
    assert report["ok"] is True and report["frozen"] is False
    assert report["checks"]["sqlcipher"]["cipher_version"].startswith("4.")
    assert set(report["checks"]) == {"sqlcipher", "crypto", "fonts", "qt"}


def test_bad_usage_exits_2(run_cli: RunCli) -> None:
    assert run_cli("client", "frobnicate").returncode == 2
    assert run_cli("assess", "barc10").returncode == 2


def test_a_coachs_session_from_the_terminal(run_cli: RunCli, vault_path: Path) -> None:
    added = run_cli(
        "client",
        "add",
        str(vault_path),
        "--given",
        "Iñara",
        "--family",
        "Quelmont",
        "--preferred",
        "Nara",
        "--setting",
        "drug_court",
        "--pathway",
        "moud",
        "--json",
        env=ENV,
    )
    assert added.returncode == 0, added.stderr
    client_id = json.loads(added.stdout)["id"]

    note = run_cli(
        "note",
        "add",
        str(vault_path),
        str(client_id),
        "--text",
        "Talked about the bus pass and the Tuesday meeting",
        "--minutes",
        "30",
        env=ENV,
    )
    assert note.returncode == 0, note.stderr

    assessed = run_cli(
        "assess",
        "barc10",
        str(vault_path),
        str(client_id),
        "--answers",
        "6,5,5,5,5,5,4,4,4,4",
        "--json",
        env=ENV,
    )
    assert json.loads(assessed.stdout)["total"] == 47

    listed = json.loads(
        run_cli("client", "list", str(vault_path), "--search", "inara", "--json", env=ENV).stdout
    )
    assert [row["id"] for row in listed] == [client_id]
    assert listed[0]["latest_barc10"] == 47

    found = json.loads(run_cli("search", str(vault_path), "tuesday meet", "--json", env=ENV).stdout)
    assert [hit["client_id"] for hit in found["notes"]] == [client_id]

    shown = run_cli("client", "show", str(vault_path), str(client_id), env=ENV)
    assert "Nara Quelmont" in shown.stdout and "legal name: Iñara Quelmont" in shown.stdout


def test_user_errors_are_one_plain_line(run_cli: RunCli, vault_path: Path) -> None:
    wrong = run_cli(
        "client", "list", str(vault_path), env={"COACHDESK_PASSPHRASE": "not the passphrase"}
    )
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "coachdesk: The passphrase does not open this vault."

    bad = run_cli(
        "assess", "barc10", str(vault_path), "1", "--answers", "6,5,4,4,5,7,3,5,4,5", env=ENV
    )
    assert bad.returncode == 1
    assert "answer 6 is 7" in bad.stderr and "Traceback" not in bad.stderr

    missing = run_cli("client", "show", str(vault_path), "999", env=ENV)
    assert missing.returncode == 1 and "no client with number 999" in missing.stderr

    nowhere = run_cli("client", "list", str(vault_path.parent / "nope"), env=ENV)
    assert nowhere.returncode == 1 and "no CoachDesk vault" in nowhere.stderr

    no_secret = run_cli("client", "list", str(vault_path))
    assert no_secret.returncode == 1 and "COACHDESK_PASSPHRASE" in no_secret.stderr


def test_every_command_module_is_registered() -> None:
    from coachdesk.cli import rco_cmds, rco_store_cmds
    from coachdesk.cli.main import COMMAND_MODULES
    from tests.conftest import REPO

    files = {p.stem for p in (REPO / "coachdesk" / "cli").glob("*_cmds.py")}
    # Nested: `coachdesk rco backup|restore|...` are registered by rco_cmds, which imports it.
    nested = {"rco_store_cmds", "rco_fetch_cmds"}  # rco fetch|fetch-setup too
    assert rco_cmds.rco_store_cmds is rco_store_cmds
    assert {m.__name__.rsplit(".", 1)[1] for m in COMMAND_MODULES} | nested == files


def test_client_add_with_race_and_ethnicity(run_cli: RunCli, vault_path: Path) -> None:
    base = ("client", "add", str(vault_path), "--given", "Oris", "--family", "Delmont")
    added = run_cli(
        *base,
        "--setting",
        "community",
        "--race",
        "asian",
        "--race",
        "white",
        "--ethnicity",
        "not_hispanic_latino",
        "--json",
        env=ENV,
    )
    assert added.returncode == 0, added.stderr
    client_id = json.loads(added.stdout)["id"]
    shown = json.loads(
        run_cli("client", "show", str(vault_path), str(client_id), "--json", env=ENV).stdout
    )
    assert shown["client"]["race"] == ["asian", "white"]
    assert shown["client"]["ethnicity"] == "not_hispanic_latino"
    bad = run_cli(
        *base, "--setting", "community", "--race", "asian", "--race", "prefers_not_to_say", env=ENV
    )
    assert bad.returncode == 1 and "not both" in bad.stderr and "Traceback" not in bad.stderr
