"""An outbox row's last error is kept as a catalog message (JSON in the existing last_error
column, no migration): `coachdesk outbox` and the Outbox dialog word it in the reader's
language; rows kept before that, as English text, are read and shown as they are."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import Message
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.sync_helpers import add_bundles

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(120)
ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}
ES = {**ENV, "COACHDESK_LANG": "es"}


def _refuse_one(vault: Vault, out: Path) -> tuple[str, str]:
    """Sync into `out`, where another file already has the second bundle's name."""
    _, second = add_bundles(vault, 2)
    (out / second.file_name).write_bytes(b"somebody else's file")
    sync.sync_once(vault, FolderTransport(out))
    return second.file_name, catalog.text(
        "transport.folder.different_file", "en", name=second.file_name, path=str(out)
    )


def test_a_refused_bundle_keeps_its_reason_as_a_message(vault: Vault, tmp_path: Path) -> None:
    name, english = _refuse_one(vault, tmp_path)
    [failed] = [i for i in outbox.items(vault.conn) if i.state == OutboxState.FAILED]
    assert failed.last_error == english  # the English, as it always was
    assert failed.last_problem == Message(
        "transport.folder.different_file", {"name": name, "path": str(tmp_path)}
    )
    [column] = vault.conn.execute("SELECT last_error FROM outbox WHERE state = 'failed'")
    assert catalog.message_from_json(column[0]) == failed.last_problem
    [row] = [r for r in sync.list_outbox(vault) if r.state == OutboxState.FAILED]
    assert row.last_error == english
    assert (
        row.last_reason.text("es")
        == f"Ya hay otro archivo llamado {name} en {tmp_path}; no se sobrescribió."
    )
    status = sync.sync_status(vault)
    assert status.last_error == english and status.reason == failed.last_problem


def test_an_old_english_row_is_read_as_it_is(vault: Vault) -> None:
    [item] = add_bundles(vault, 1)
    old = "The folder /media/stick is not there (was the USB stick removed?)."
    with vault.transaction() as conn:
        conn.execute("UPDATE outbox SET state = 'failed', last_error = ?", (old,))
    [row] = sync.list_outbox(vault)
    assert row.last_error == old and row.last_reason == Message.plain(old)
    assert row.last_reason.text("es") == old
    for damaged in ('{"code": "no.such.code", "params": {}}', "{not json"):
        with vault.transaction() as conn:
            conn.execute("UPDATE outbox SET last_error = ?", (damaged,))
        assert sync.list_outbox(vault)[0].last_error == damaged  # shown, never a crash
    assert item.file_name


def test_a_message_too_long_for_the_column_is_kept_in_english(vault: Vault) -> None:
    [item] = add_bundles(vault, 1)
    long = Message("transport.folder.unusable", {"path": "/x" * 300, "reason": "gone"})
    with vault.transaction() as conn:
        assert item.id is not None
        outbox.mark_waiting(conn, item.id, long)
    [row] = outbox.items(vault.conn)
    assert row.last_error == str(long)[:500] and row.last_problem is None


def test_coachdesk_outbox_words_the_last_try_in_spanish(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with Vault.open(vault_path, PASSPHRASE) as vault:
        name, english = _refuse_one(vault, out)
    spanish = catalog.text("transport.folder.different_file", "es", name=name, path=str(out))
    listed_es = run_cli("outbox", str(vault_path), env=ES)
    assert listed_es.returncode == 0, listed_es.stderr
    assert f"last try: {spanish}" in listed_es.stdout and english not in listed_es.stdout
    listed_en = run_cli("outbox", str(vault_path), env=ENV)
    assert f"last try: {english}" in listed_en.stdout
