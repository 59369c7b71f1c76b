"""The RCO store on a real PostgreSQL server started by the tests (tests/servers/postgres.py),
and the import use cases against both backends (SQLite/SQLCipher and PostgreSQL)."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from coachdesk.crypto import kdf
from coachdesk.errors import CoachDeskError, VaultError, WrongPassphraseError
from coachdesk.rco import metrics, ops
from coachdesk.rco import pg as rco_pg
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.rco.model import DeviceStatus
from coachdesk.storage import rco_pg as storage_pg
from tests.conftest import PASSPHRASE, RunCli
from tests.servers.postgres import PostgresServer, confirm_all, make_bundles, new_desk, pg_bin


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


@pytest.fixture
def pg_url(server: PostgresServer) -> str:
    return server.new_database()


@pytest.fixture(params=["sqlite", "postgres"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RcoDesk]:
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else ""
    made = new_desk(tmp_path, request.param, url)
    yield made
    made.close()


# -- the use cases, on both backends ------------------------------------------------------------


def test_import_confirm_flags_and_figures(desk: RcoDesk, tmp_path: Path) -> None:
    paths = make_bundles(tmp_path / "in", devices=3, per_device=4, copies=1)
    first = desk.import_paths(paths)
    assert {r.outcome for r in first.results} == {Outcome.PENDING}  # unknown devices wait
    copied = max(desk.devices(), key=lambda d: d.pending_bundles)
    confirmed = desk.confirm_device(copied.fingerprint, "Ana")
    assert len(confirmed.results) == 5  # device 0: 4 counters and a copy of counter 1
    confirm_all(desk)
    bundles = desk.bundles()
    assert len(bundles) == 13 and len({b.bundle_id for b in bundles}) == 13
    flags = desk.flags()
    assert [f.kind for f in flags] == ["counter_repeated"]
    for device in desk.devices():
        assert device.status == DeviceStatus.CONFIRMED
        assert device.last_counter == 4
    assert desk.backend.count_episodes() == 3 * 30
    # the latest version of each episode won: sessions of counter 4
    assert {e.counter for e in desk.episodes()} == {4}
    again = desk.import_paths(paths)
    assert {r.outcome for r in again.results} == {Outcome.ALREADY_PRESENT}
    assert desk.backend.audit_broken_at() is None
    assert desk.figures(metrics.Filters()).values["people"] > 0


def test_counter_backwards_is_flagged_and_keeps_newer_data(desk: RcoDesk, tmp_path: Path) -> None:
    paths = make_bundles(tmp_path / "in", devices=1, per_device=3)
    desk.import_paths([paths[2]])
    confirm_all(desk)
    (late,) = desk.import_paths([paths[1]]).results
    assert late.outcome == Outcome.FLAGGED
    assert [f.kind for f in desk.flags()] == ["counter_backwards"]
    assert {e.counter for e in desk.episodes()} == {3}


def test_both_backends_give_the_same_figures(tmp_path: Path, pg_url: str) -> None:
    paths = make_bundles(tmp_path / "in", devices=4, per_device=3, copies=2)
    figures = []
    for kind in ("sqlite", "postgres"):
        with new_desk(tmp_path, kind, pg_url) as desk:
            desk.import_paths(paths)
            confirm_all(desk)
            desk.import_paths(paths)
            figures.append(desk.figures(metrics.Filters()))
            figures.append(desk.figures(metrics.Filters(period="2026-Q1")))
    assert figures[0] == figures[2] and figures[1] == figures[3]


# -- the PostgreSQL store itself ------------------------------------------------------------------


def test_key_folder_reopens_with_passphrase_and_recovery_code(tmp_path: Path, pg_url: str) -> None:
    desk, code = RcoDesk.create(
        tmp_path / "keys",
        PASSPHRASE,
        name="Harbor RCO",
        params=kdf.minimum_params(),
        postgres=pg_url,
    )
    fingerprint = desk.fingerprint
    desk.close()
    assert rco_pg.is_postgres(tmp_path / "keys")
    with RcoDesk.open(tmp_path / "keys", PASSPHRASE) as again:
        assert again.fingerprint == fingerprint and again.name == "Harbor RCO"
    with RcoDesk(rco_pg.open_backend(tmp_path / "keys", code, recovery=True)) as by_code:
        assert by_code.fingerprint == fingerprint
        actions = [e.action for e in by_code.backend.audit_entries()]
    assert actions.count("unlock") == 2 and "failed_unlock" not in actions
    with pytest.raises(WrongPassphraseError):
        RcoDesk.open(tmp_path / "keys", "not the passphrase at all")
    # the failed attempt is audited at the next unlock
    with RcoDesk.open(tmp_path / "keys", PASSPHRASE) as later:
        assert "failed_unlock" in [e.action for e in later.backend.audit_entries()]
        assert later.backend.audit_broken_at() is None


def test_secret_keys_never_in_plain_in_the_database(
    tmp_path: Path, pg_url: str, server: PostgresServer
) -> None:
    desk, _ = RcoDesk.create(
        tmp_path / "keys", PASSPHRASE, params=kdf.minimum_params(), postgres=pg_url
    )
    secret = desk.identity.to_secret_hex()
    desk.close()
    dump = subprocess.run(
        [pg_bin("pg_dump"), "--data-only", pg_url], check=True, capture_output=True
    ).stdout
    assert b"COPY public.meta" in dump  # the meta table is there, its values sealed
    for value in secret.values():
        assert value.encode() not in dump
        assert value.upper().encode() not in dump
    with psycopg.connect(pg_url) as conn:
        for (value,) in conn.execute("SELECT value FROM meta"):
            assert not any(v in value for v in secret.values())
    # nor in the key folder, where only wrapped keys are
    for path in (tmp_path / "keys").iterdir():
        assert not any(v.encode() in path.read_bytes() for v in secret.values())


def test_sealed_meta_refuses_a_value_moved_between_keys(tmp_path: Path, pg_url: str) -> None:
    desk, _ = RcoDesk.create(
        tmp_path / "keys", PASSPHRASE, params=kdf.minimum_params(), postgres=pg_url
    )
    desk.close()
    with psycopg.connect(pg_url) as conn:
        conn.execute(
            "UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'rco.name') "
            "WHERE key = 'rco.identity'"
        )
    with RcoDesk.open(tmp_path / "keys", PASSPHRASE) as again, pytest.raises(CoachDeskError):
        _ = again.identity


def test_refusals_are_plain_sentences(tmp_path: Path, pg_url: str, server: PostgresServer) -> None:
    with pytest.raises(CoachDeskError, match="password out of the connection string"):
        RcoDesk.create(
            tmp_path / "k1",
            PASSPHRASE,
            params=kdf.minimum_params(),
            postgres=pg_url.replace("coachdesk@", "coachdesk:secret@"),
        )
    closed = f"postgresql://coachdesk@127.0.0.1:{server.port + 1}/x"
    with pytest.raises(VaultError, match="cannot be reached"):
        RcoDesk.create(tmp_path / "k2", PASSPHRASE, params=kdf.minimum_params(), postgres=closed)
    RcoDesk.create(tmp_path / "k3", PASSPHRASE, params=kdf.minimum_params(), postgres=pg_url)[
        0
    ].close()
    with pytest.raises(VaultError, match="already holds an RCO store"):
        RcoDesk.create(tmp_path / "k4", PASSPHRASE, params=kdf.minimum_params(), postgres=pg_url)
    # a key folder pointed at another store's database
    other = server.new_database()
    RcoDesk.create(tmp_path / "k5", PASSPHRASE, params=kdf.minimum_params(), postgres=other)[
        0
    ].close()
    locator = json.loads((tmp_path / "k3" / "postgres.json").read_text())
    locator["url"] = other
    (tmp_path / "k3" / "postgres.json").write_text(json.dumps(locator))
    with pytest.raises(VaultError, match="does not hold the RCO store of this key folder"):
        RcoDesk.open(tmp_path / "k3", PASSPHRASE)


def test_translate_adapts_only_what_differs() -> None:
    assert storage_pg.translate("SELECT max(a, ?) FROM t WHERE b = ?") == (
        "SELECT greatest(a, %s) FROM t WHERE b = %s"
    )
    assert storage_pg.translate("SELECT max(id), min(x) FROM t") == "SELECT max(id), min(x) FROM t"
    assert (
        storage_pg.translate("coalesce(min(c.first, excluded.first), c.first)")
        == "coalesce(least(c.first, excluded.first), c.first)"
    )


# -- migrate-store ------------------------------------------------------------------------------


def test_migrate_store_copies_rows_figures_and_audit_chain(tmp_path: Path, pg_url: str) -> None:
    paths = make_bundles(tmp_path / "in", devices=3, per_device=3, copies=1)
    with new_desk(tmp_path, "sqlite") as source:
        source.import_paths(paths[:-2])
        confirm_all(source)
        source.import_paths(paths[-2:-1])  # one flagged-free import after
        expected = source.figures(metrics.Filters())
        fingerprint = source.fingerprint
    moved = rco_pg.migrate_store(tmp_path / "sqlite", PASSPHRASE, tmp_path / "keys", pg_url)
    assert moved.figures_equal and moved.rows["bundles"] == len(paths) - 1
    assert moved.rows["episodes"] == 90 and moved.rows["audit"] > 0
    with RcoDesk.open(tmp_path / "keys", PASSPHRASE) as copy:
        assert copy.fingerprint == fingerprint  # the same identity, still sealed
        assert copy.figures(metrics.Filters()) == expected
        assert copy.backend.audit_broken_at() is None  # the chain moved intact
        (last,) = copy.import_paths(paths[-1:]).results  # new flags and ids continue
        assert last.outcome == Outcome.IMPORTED
        copy.backend.insert_flag(copy.flags()[0])
        assert len({f.id for f in copy.flags()}) == len(copy.flags())


def test_cli_init_import_and_migrate_store(
    tmp_path: Path, pg_url: str, server: PostgresServer, run_cli: RunCli
) -> None:
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    keys = tmp_path / "keys"
    made = run_cli("rco", "init", str(keys), "--postgres", pg_url, "--name", "Bay RCO", env=env)
    assert made.returncode == 0, made.stderr
    assert "Bay RCO" in made.stdout and "Recovery code" in made.stdout
    listed = run_cli("rco", "devices", str(keys), env=env)  # every command takes the key folder
    assert listed.returncode == 0, listed.stderr
    made = run_cli("rco", "init", str(tmp_path / "sq"), "--name", "Bay RCO", env=env)
    assert made.returncode == 0, made.stderr
    target = server.new_database()
    args = ("rco", "migrate-store", str(tmp_path / "sq"), "--postgres", target, "--keys")
    moved = run_cli(*args, str(tmp_path / "k2"), env=env)
    assert moved.returncode == 0, moved.stderr
    assert "figures equal" in moved.stdout
    again = run_cli(*args, str(tmp_path / "k3"), env=env)
    assert again.returncode == 1 and "already holds an RCO store" in again.stderr
    assert "Traceback" not in again.stderr
    # backup, check, restore and passwd on the PostgreSQL store
    checked = run_cli("rco", "check", str(keys), env=env)
    assert checked.returncode == 0, checked.stderr
    assert "The RCO store passed every check." in checked.stdout
    assert f"store: {keys}" in checked.stdout
    backed = run_cli("rco", "backup", str(keys), str(tmp_path), env=env)
    assert backed.returncode == 0, backed.stderr
    (backup,) = tmp_path.glob("keys-*.cdbackup")
    restore = ("rco", "restore", str(tmp_path / "k4"), str(backup), "--postgres")
    restored = run_cli(*restore, server.new_database(), env=env)
    assert restored.returncode == 0, restored.stderr
    assert "rows and figures verified" in restored.stdout
    assert f"key folder {tmp_path / 'k4'}" in restored.stdout
    again = run_cli(*restore, pg_url, env=env)
    assert again.returncode == 1 and "k4 already exists; choose a new folder" in again.stderr
    assert "Traceback" not in again.stderr
    # passwd rewrites the key folder's passphrase slot only (the database is not touched)
    new = "another long passphrase for the bay"
    changed = run_cli("rco", "passwd", str(keys), env={**env, "COACHDESK_NEW_PASSPHRASE": new})
    assert changed.returncode == 0, changed.stderr
    assert run_cli("rco", "check", str(keys), env={"COACHDESK_PASSPHRASE": new}).returncode == 0


# -- backup, restore and check on PostgreSQL ------------------------------------------------------


def _figures_and_chain(path: Path) -> tuple[object, str, int]:
    with RcoDesk.open(path, PASSPHRASE) as desk:
        assert desk.backend.audit_broken_at() is None
        return desk.figures(metrics.Filters()), desk.fingerprint, desk.backend.count_episodes()


def test_backup_of_a_postgres_store_restores_into_an_empty_database(
    tmp_path: Path, pg_url: str, server: PostgresServer
) -> None:
    paths = make_bundles(tmp_path / "in", devices=3, per_device=3, copies=1)
    desk = new_desk(tmp_path, "postgres", pg_url)
    with desk:
        desk.import_paths(paths[:-1])
        confirm_all(desk)
        expected = desk.figures(metrics.Filters())
        checked = ops.check(desk)
        assert checked.ok, checked.verdict
        assert checked.rows["episodes"] == 90 and checked.rows["bundles"] == len(paths) - 1
        assert checked.cipher_version.startswith("PostgreSQL ")
        newest = storage_pg.schema_version_of(desk.backend)[1]  # type: ignore[arg-type]
        assert checked.to_json()["schema_expected"] == checked.schema_version == newest
        (tmp_path / "backups").mkdir()
        target = ops.backup(desk, tmp_path / "backups")
        assert [e.action for e in desk.backend.audit_entries()][-1] == "backup"
    assert target.name.startswith("postgres-") and target.name.endswith(".cdbackup")
    assert sorted(p.name for p in target.iterdir()) == ["keyslots.json", "vault.db"]
    assert not list((tmp_path / "backups").glob(".*"))  # no work folder left
    # The backup is an encrypted SQLite store file: no secret and no pseudonym in plain.
    raw = (target / "vault.db").read_bytes()
    assert b"SQLite format" not in raw and b"rco.identity" not in raw

    # Restored into another, empty database with a new key folder: same rows and figures.
    restored = ops.restore(target, tmp_path / "keys2", PASSPHRASE, postgres=server.new_database())
    assert restored.kept is None
    figures, fingerprint, episodes = _figures_and_chain(tmp_path / "keys2")
    assert figures == expected and episodes == 90
    with RcoDesk.open(tmp_path / "keys2", PASSPHRASE) as again:
        assert again.fingerprint == fingerprint == restored.fingerprint
        actions = [e.action for e in again.backend.audit_entries()]
        assert "backup" not in actions and "restored_from_backup" in actions
        (last,) = again.import_paths(paths[-1:]).results  # imports go on where they stopped
        assert last.outcome == Outcome.IMPORTED
        assert ops.check(again).ok

    # The same backup, copied, opens in the desk as a store folder (the server is gone).
    import shutil

    shutil.copytree(target, tmp_path / "as-folder")
    assert _figures_and_chain(tmp_path / "as-folder")[0] == expected


def test_restore_into_postgres_refuses_plainly_and_changes_nothing(
    tmp_path: Path, pg_url: str, server: PostgresServer
) -> None:
    desk, code = RcoDesk.create(
        tmp_path / "keys", PASSPHRASE, params=kdf.minimum_params(), postgres=pg_url
    )
    with desk:
        target = ops.backup(desk, tmp_path)
    with pytest.raises(CoachDeskError, match="already holds an RCO store"):
        ops.restore(target, tmp_path / "k2", PASSPHRASE, postgres=pg_url)
    with pytest.raises(CoachDeskError, match="this passphrase does not open it"):
        ops.restore(target, tmp_path / "k3", "not the passphrase at all", postgres=pg_url)
    with pytest.raises(VaultError, match="already exists; choose a new folder for the keys"):
        ops.restore(target, tmp_path / "keys", PASSPHRASE, postgres=server.new_database())
    with pytest.raises(CoachDeskError, match="password out of the connection string"):
        ops.restore(target, tmp_path / "k4", PASSPHRASE, postgres=pg_url.replace("@", ":pw@"))
    assert not any((tmp_path / k).exists() for k in ("k2", "k3", "k4"))
    assert not list(tmp_path.glob(".k*"))  # no trial copy left
    # The recovery code opens the backup too, and the restored store keeps it.
    restored = ops.restore(
        target, tmp_path / "k5", code, recovery_code=True, postgres=server.new_database()
    )
    with RcoDesk(rco_pg.open_backend(tmp_path / "k5", code, recovery=True)) as by_code:
        assert by_code.fingerprint == restored.fingerprint


def test_check_on_postgres_finds_an_altered_setting_and_audit_entry(
    tmp_path: Path, pg_url: str, server: PostgresServer
) -> None:
    desk = new_desk(tmp_path, "postgres", pg_url)
    desk.close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        # a sealed value moved to another key: it no longer opens
        conn.execute(
            "UPDATE meta SET value = (SELECT value FROM meta WHERE key = 'vault_id') "
            "WHERE key = 'rco.name'"
        )
    with ops.open_for_check(tmp_path / "postgres", PASSPHRASE) as opened:
        result = ops.check(opened)
    assert not result.ok and "rco.name" in result.integrity[0]
    assert result.verdict.startswith("The RCO store did not pass its checks")

    other = server.new_database()
    new_desk(tmp_path / "b", "postgres", other).close()
    RcoDesk.open(tmp_path / "b" / "postgres", PASSPHRASE).close()  # audit entry 1: the unlock
    with psycopg.connect(other, autocommit=True) as conn:
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET detail = 'nothing happened' WHERE id = 1")
    with ops.open_for_check(tmp_path / "b" / "postgres", PASSPHRASE) as opened:
        result = ops.check(opened)
    assert result.audit_broken_at == 1 and not result.ok
    assert "audit log was altered at entry 1" in result.verdict
