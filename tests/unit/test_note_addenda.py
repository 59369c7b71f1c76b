"""Notes are records (issue 17): never edited, corrected by a dated, audited addendum; and
Today's done / later from the command line through the same use cases as the window."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    CoachProfile,
    ContactMode,
    SessionNote,
    Setting,
)
from coachdesk.errors import NotFoundError, ValidationError
from coachdesk.i18n.catalog import describe
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.fixtures.make_old_vaults import OLD_VAULT_PASSPHRASE, fixture_path

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _client_with_note(c: Caseload, follow_up: date | None = None) -> tuple[int, int]:
    cid = c.add_client(Client("Mirela", "Oskarsson", date(2026, 1, 5), Setting.COMMUNITY))
    at = datetime(2026, 2, 3, 15, 30, tzinfo=UTC)
    note_id = c.add_note(
        SessionNote(
            cid,
            at,
            ContactMode.PHONE,
            "Talked about the housing list.",
            next_steps="Bring ID to the next session\nand the lease",
            follow_up_on=follow_up,
        )
    )
    return cid, note_id


def test_an_addendum_is_appended_dated_signed_and_audited(vault: Vault) -> None:
    c = Caseload(vault)
    c.set_profile(CoachProfile("Dana Ruiz"))
    cid, note_id = _client_with_note(c)
    before = datetime.now(UTC)
    first = c.add_addendum(note_id, "  She called back on Thursday.  ")
    second = c.add_addendum(note_id, "The ID is ready.")
    assert first.text == "She called back on Thursday." and first.author == "Dana Ruiz"
    assert before - timedelta(seconds=1) <= first.written_at <= datetime.now(UTC)
    (note,) = c.notes(cid)
    assert note.text == "Talked about the housing list."  # the original stays as written
    assert [a.text for a in note.addenda] == ["She called back on Thursday.", "The ID is ready."]
    assert [a.id for a in c.note(note_id).addenda] == [first.id, second.id]
    trail = [e.detail for e in c.audit_trail(cid)]
    assert f"addendum {first.id} to note {note_id}" in trail
    assert f"addendum {second.id} to note {note_id}" in trail
    c.verify_audit()


def test_addendum_refusals_are_worded_in_both_languages(vault: Vault) -> None:
    c = Caseload(vault)
    _cid, note_id = _client_with_note(c)
    with pytest.raises(ValidationError) as empty:
        c.add_addendum(note_id, "   ")
    assert describe(empty.value, "en") == "Write the addendum first."
    assert describe(empty.value, "es") == "Escriba primero la adenda."
    with pytest.raises(NotFoundError) as missing:
        c.add_addendum(note_id + 99, "text")
    assert describe(missing.value, "es").startswith("No hay ninguna nota de sesión")
    assert c.note(note_id).addenda == []


def test_the_vault_refuses_to_edit_a_note_or_an_addendum(vault: Vault) -> None:
    c = Caseload(vault)
    cid, note_id = _client_with_note(c, follow_up=date(2026, 2, 10))
    c.add_addendum(note_id, "A fact learned later.")
    for sql in (
        "UPDATE notes SET text = 'rewritten' WHERE id = ?",
        "UPDATE notes SET occurred_at = '2020-01-01T00:00+00:00' WHERE id = ?",
        "UPDATE note_addenda SET text = 'rewritten' WHERE note_id = ?",
    ):
        with pytest.raises(sqlcipher3.dbapi2.IntegrityError, match="never edited"):
            vault.conn.execute(sql, (note_id,))
    # Today's done and later move the follow-up date only: still allowed.
    c.snooze_due(cid, "note_follow_up", date(2026, 2, 10), c.today() + timedelta(days=3))
    assert c.note(note_id).follow_up_on == c.today() + timedelta(days=3)
    assert c.note(note_id).text == "Talked about the housing list."


def test_an_upgraded_old_vault_takes_addenda(tmp_path: Path) -> None:
    copy = tmp_path / "old"
    shutil.copytree(fixture_path(9), copy)  # the last schema before addenda (0010)
    with Vault.open(copy, OLD_VAULT_PASSPHRASE) as v:
        c = Caseload(v)
        (row,) = c.list_clients()
        oldest = c.notes(row.id)[-1]
        assert oldest.id is not None and oldest.addenda == []
        c.add_addendum(oldest.id, "Added after the upgrade.")
        assert [a.text for a in c.note(oldest.id).addenda] == ["Added after the upgrade."]


def test_today_says_what_a_session_follow_up_follows_up(vault: Vault) -> None:
    c = Caseload(vault)
    cid, _ = _client_with_note(c, follow_up=c.today() - timedelta(days=2))
    (item,) = c.today_page().first["note_follow_up"]
    assert item.detail == "Bring ID to the next session"  # the next steps' first line
    (same,) = [r for r in c.reminders(cid) if r.kind == "note_follow_up"]
    assert same.detail == item.detail


def test_notes_addenda_and_today_from_the_command_line(run_cli: RunCli, vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        today = c.today()
        cid, note_id = _client_with_note(c, follow_up=today - timedelta(days=1))
    added = run_cli(
        "note", "addendum", str(vault_path), str(note_id), "--text", "She has the ID now.",
        "--json", env=ENV,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["note"] == note_id
    shown = run_cli("note", "show", str(vault_path), str(note_id), env=ENV)
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert "Talked about the housing list." in lines[1]
    assert any(line.strip().startswith("Addendum ") for line in lines)
    assert lines[-1].strip() == "She has the ID now."  # under the note
    listed = json.loads(
        run_cli("note", "list", str(vault_path), str(cid), "--json", env=ENV).stdout
    )
    assert [a["text"] for a in listed[0]["addenda"]] == ["She has the ID now."]
    empty = run_cli(
        "note", "addendum", str(vault_path), str(note_id), "--text", " ",
        env={**ENV, "COACHDESK_LANG": "es"},
    )  # fmt: skip
    assert empty.returncode != 0 and "Escriba primero la adenda." in empty.stderr
    assert "Traceback" not in empty.stderr

    due = (today - timedelta(days=1)).isoformat()
    page = run_cli("today", "list", str(vault_path), env=ENV)
    assert page.returncode == 0, page.stderr
    assert "Follow-up from last session: Bring ID to the next session" in page.stdout
    assert "1 day late" in page.stdout
    spanish = run_cli("today", "list", str(vault_path), env={**ENV, "COACHDESK_LANG": "es"})
    assert "Seguimiento de la última sesión: Bring ID" in spanish.stdout, spanish.stdout
    assert "Follow-up from last session" not in spanish.stdout
    later = (today + timedelta(days=5)).isoformat()
    moved = run_cli(
        "today", "later", str(vault_path), str(cid), "note_follow_up", due, "--until", later,
        env=ENV,
    )  # fmt: skip
    assert moved.returncode == 0, moved.stderr
    again = run_cli(
        "today", "done", str(vault_path), str(cid), "note_follow_up", due, env=ENV
    )  # the item moved: it is not there any more
    assert again.returncode != 0 and "has changed since Today was shown" in again.stderr
    done = run_cli("today", "done", str(vault_path), str(cid), "note_follow_up", later, env=ENV)
    assert done.returncode == 0, done.stderr
    window = run_cli(
        "today", "later", str(vault_path), str(cid), "timepoint", due, "--until", later, env=ENV
    )
    assert window.returncode != 0 and "funder's schedule" in window.stderr
    with Vault.open(vault_path, PASSPHRASE) as v:
        c = Caseload(v)
        assert c.note(note_id).follow_up_on is None  # done, through the window's use case
        trail = [e.detail for e in c.audit_trail(cid)]
        assert f"session note {note_id} follow-up moved to {later}" in trail
        assert f"session note {note_id} follow-up done" in trail
