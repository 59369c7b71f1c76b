"""The command line's words come from the catalog: English by default, Spanish with
COACHDESK_LANG=es, with counts in the right plural; one plain line on stderr for errors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import Client, Setting
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}
ES = {**ENV, "COACHDESK_LANG": "es"}


def test_messages_in_english_and_spanish(run_cli: RunCli, vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        Caseload(vault).add_client(Client("Uno", "Solo", date(2026, 1, 5), Setting.COMMUNITY))
    assert run_cli("client", "list", str(vault_path), env=ENV).stdout.endswith("1 client\n")
    listed = run_cli("client", "list", str(vault_path), env=ES)
    assert listed.stdout.endswith("1 participante\n")
    none = run_cli("client", "list", str(vault_path), "--search", "zzz", env=ES)
    assert none.stdout.endswith("ningún participante\n")

    wrong = run_cli(
        "client",
        "list",
        str(vault_path),
        env={"COACHDESK_PASSPHRASE": "nope", "COACHDESK_LANG": "es"},
    )
    assert wrong.returncode == 1
    assert wrong.stderr == "coachdesk: La frase de contraseña no abre esta bóveda.\n"

    planless = run_cli(
        "plan", "pdf", str(vault_path), "1", str(vault_path.parent / "p.pdf"), env=ES
    )
    assert planless.stderr == (
        "coachdesk: El participante 1 aún no tiene plan de recuperación: haga uno primero.\n"
    )
    english = run_cli(
        "plan", "pdf", str(vault_path), "1", str(vault_path.parent / "p.pdf"), env=ENV
    )
    assert english.stderr == "coachdesk: Client 1 has no recovery plan yet: make one first.\n"


def test_a_missing_secret_names_the_ways_to_give_it(run_cli: RunCli, vault_path: Path) -> None:
    result = run_cli("client", "list", str(vault_path), env={"COACHDESK_LANG": "es"}, input="")
    assert result.returncode == 1
    assert result.stderr == (
        "coachdesk: Hace falta Frase de contraseña: defina COACHDESK_PASSPHRASE o use "
        "--passphrase-file.\n"
    )
