"""Faults around the RCO store's own operations: backups to a full or read-only disk, damaged
backups refused at restore, a passphrase change on a full disk, recovery-code unlock, and a
tampered audit chain. Real SQLCipher stores on real (tmpfs) filesystems."""

from __future__ import annotations

import errno
import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from coachdesk.core.models import Resource, ResourceCategory
from coachdesk.errors import CoachDeskError, LockoutError, WrongPassphraseError
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import ops
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.store import RcoStore
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import DB_NAME, SLOTS_NAME
from tests.conftest import PASSPHRASE, RunCli
from tests.fault.mounts import remount_read_only, tmpfs

ENTRIES = 60  # enough rows for a store of several pages


@pytest.fixture(scope="module")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A store with a directory and some audit history; copied for each test."""
    folder = tmp_path_factory.mktemp("rco-template") / "rco"
    desk, code = RcoDesk.create(folder, PASSPHRASE, name="Harbor RCO", params=_floor())
    with desk:
        for i in range(ENTRIES):
            desk.save_directory_entry(
                Resource(f"Resource {i:03}", ResourceCategory.HOUSING, notes="n" * 300)
            )
        for i in range(5):
            rco_audit.record(desk.backend, rco_audit.BACKUP, file=f"earlier-{i}")
    return folder, code


def _floor():  # type: ignore[no-untyped-def]
    from coachdesk.crypto import kdf

    return kdf.minimum_params()


@pytest.fixture
def store(template_store: tuple[Path, str], tmp_path: Path) -> Path:
    return Path(shutil.copytree(template_store[0], tmp_path / "rco"))


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.name in (DB_NAME, SLOTS_NAME)
    }


def _fill(disk: Path) -> Path:
    """Use up every free byte of a small filesystem."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC
    return filler


# -- backups ---------------------------------------------------------------------------------


def test_backup_to_a_full_disk_leaves_nothing_and_the_store_intact(
    store: Path, tmp_path: Path
) -> None:
    with tmpfs(tmp_path / "tiny", "64k") as disk:
        with RcoDesk.open(store, PASSPHRASE) as desk:
            with pytest.raises(CoachDeskError) as err:
                ops.backup(desk, disk)
            assert "space" in str(err.value) or "full" in str(err.value)
            assert len(_backup_entries(desk)) == 5, "a failed backup is not audited as made"
            assert ops.check(desk).ok
        assert list(disk.iterdir()) == [], "no partial backup left behind"
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert len(desk.directory()) == ENTRIES


def test_backup_to_a_read_only_disk_is_one_plain_sentence(
    store: Path, tmp_path: Path, run_cli: RunCli
) -> None:
    with tmpfs(tmp_path / "ro", "4m") as disk:
        remount_read_only(disk)
        with RcoDesk.open(store, PASSPHRASE) as desk, pytest.raises(CoachDeskError) as err:
            ops.backup(desk, disk)
        assert "may not write" in str(err.value)
        r = run_cli(
            "rco", "backup", str(store), str(disk), env={"COACHDESK_PASSPHRASE": PASSPHRASE}
        )
        assert r.returncode == 1 and "may not write" in r.stderr
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
        assert list(disk.iterdir()) == []


def _backup_entries(desk: RcoDesk) -> list[dict[str, object]]:
    return [rco_audit.fields_of(e) for e in desk.backend.audit_entries() if e.action == "backup"]


# -- restore of a damaged backup -------------------------------------------------------------


def _flip_page(backup: Path) -> None:
    db = backup / DB_NAME
    data = bytearray(db.read_bytes())
    assert len(data) > 6 * 4096
    for i in range(5 * 4096 + 100, 5 * 4096 + 140):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))


def _truncate(backup: Path) -> None:
    db = backup / DB_NAME
    db.write_bytes(db.read_bytes()[: 3 * 4096])


def _empty(backup: Path) -> None:
    (backup / DB_NAME).write_bytes(b"")


def _slots(backup: Path) -> None:
    (backup / SLOTS_NAME).write_text('{"format": "coachdesk-keyslots", "version": 1')


def _rewritten_audit(backup: Path) -> None:
    # Someone with the key edits the log behind the triggers' back: the chain no longer holds.
    with RcoDesk.open(backup, PASSPHRASE) as desk:
        conn = desk.backend.store.conn  # type: ignore[attr-defined]
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET detail = '{}' WHERE id = 2")


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "flipped page": (_flip_page, "damaged"),
    "truncated": (_truncate, "damaged"),
    "empty": (_empty, "damaged"),
    "key slots": (_slots, ""),
    "audit rewritten": (_rewritten_audit, "audit log was altered"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    store: Path, tmp_path: Path, damage: str
) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    with RcoDesk.open(store, PASSPHRASE) as desk:
        backup = ops.backup(desk, backups)
        desk.save_directory_entry(Resource("Only in the current store", ResourceCategory.OTHER))
    harm, words = DAMAGE[damage]
    harm(backup)
    before_store, before_backup = _digest(store), _digest(backup)
    with pytest.raises(CoachDeskError) as err:
        ops.restore(backup, store, PASSPHRASE)
    message = str(err.value)
    assert "not restored and the store was not changed" in message, message
    assert words in message
    assert _digest(store) == before_store and _digest(backup) == before_backup
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "rco"], "nothing aside"
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert "Only in the current store" in [e.name for e in desk.directory()]


def test_check_of_a_damaged_store_says_so_plainly(store: Path, run_cli: RunCli) -> None:
    _flip_page(store)
    with ops.open_for_check(store, PASSPHRASE) as desk:
        result = ops.check(desk)
    assert not result.ok and result.integrity
    assert result.verdict == (
        "The RCO store did not pass its checks: its database is damaged. Restore it from a "
        "backup (coachdesk rco restore)."
    )
    assert result.to_json()["audit_chain"] == "not checked (the database is damaged)"
    r = run_cli("rco", "check", str(store), env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert r.returncode == 1 and "its database is damaged" in r.stdout
    assert "Traceback" not in r.stderr
    with pytest.raises(CoachDeskError, match="integrity check"):
        RcoDesk.open(store, PASSPHRASE)  # and it is never opened for writing


def test_an_undamaged_backup_restores_after_the_refusals(store: Path, tmp_path: Path) -> None:
    # the control for the test above: the same steps without the damage succeed
    with RcoDesk.open(store, PASSPHRASE) as desk:
        backup = ops.backup(desk, tmp_path)
    result = ops.restore(backup, store, PASSPHRASE)
    assert result.kept is not None and result.kept.is_dir()
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert ops.check(desk).ok and len(desk.directory()) == ENTRIES


def test_restore_replaces_a_damaged_store_and_restores_onto_a_new_machine(
    store: Path, tmp_path: Path
) -> None:
    # the reason to restore: the current store no longer opens; restore never needs to open it
    with RcoDesk.open(store, PASSPHRASE) as desk:
        fp = desk.fingerprint
        backup = ops.backup(desk, tmp_path)
    _flip_page(store)
    with pytest.raises(CoachDeskError):
        RcoDesk.open(store, PASSPHRASE)
    damaged = _digest(store)
    result = ops.restore(backup, store, PASSPHRASE)
    assert result.kept is not None and _digest(result.kept) == damaged, "kept as it was"
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert desk.fingerprint == fp and ops.check(desk).ok
    # a new machine: nothing there yet, nothing to keep aside
    elsewhere = tmp_path / "new-machine" / "rco"
    elsewhere.parent.mkdir()
    result = ops.restore(backup, elsewhere, PASSPHRASE)
    assert result.kept is None and result.fingerprint == fp
    assert sorted(p.name for p in elsewhere.parent.iterdir()) == ["rco"]


# -- passphrase change on a full disk --------------------------------------------------------


def test_passphrase_change_on_a_full_disk_keeps_the_old_slot_working(
    template_store: tuple[Path, str], tmp_path: Path, run_cli: RunCli
) -> None:
    with tmpfs(tmp_path / "small", "4m") as disk:
        store = Path(shutil.copytree(template_store[0], disk / "rco"))
        slots_before = (store / SLOTS_NAME).read_bytes()
        filler = _fill(disk)
        with pytest.raises(CoachDeskError, match="not enough free space"):
            RcoStore.change_passphrase(store, PASSPHRASE, "the new long passphrase")
        r = run_cli(
            "rco",
            "passwd",
            str(store),
            env={
                "COACHDESK_PASSPHRASE": PASSPHRASE,
                "COACHDESK_NEW_PASSPHRASE": "the new long passphrase",
            },
        )
        assert r.returncode == 1 and "free space" in r.stderr and "Traceback" not in r.stderr
        assert (store / SLOTS_NAME).read_bytes() == slots_before
        assert not [p for p in store.iterdir() if p.name.startswith(".")], "no temp slot file"
        filler.unlink()
        with pytest.raises(WrongPassphraseError):
            RcoStore.open(store, "the new long passphrase").close()
        with RcoDesk.open(store, PASSPHRASE) as desk:
            assert len(desk.directory()) == ENTRIES


# -- recovery-code unlock ----------------------------------------------------------------------


def test_recovery_code_unlock_after_wrong_codes_and_the_lockout(
    template_store: tuple[Path, str], store: Path
) -> None:
    code = template_store[1]
    fp = None
    with pytest.raises(WrongPassphraseError):
        ops.open_with_recovery_code(store, "0000-0000-0000-0000-0000-0000-0000-0000")
    # typed as people type it: lower case, spaces instead of dashes, O for 0
    typed = code.lower().replace("-", " ").replace("0", "o")
    with ops.open_with_recovery_code(store, typed) as desk:
        fp = desk.fingerprint
        tail = [(e.action, rco_audit.fields_of(e)) for e in desk.backend.audit_entries()][-2:]
    assert tail == [("failed_unlock", {}), ("unlock", {"slot": "recovery"})]
    assert fp
    # repeated wrong codes are throttled like wrong passphrases
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            ops.open_with_recovery_code(store, "1111-1111-1111-1111-1111-1111-1111-1111")
    with pytest.raises(LockoutError):
        ops.open_with_recovery_code(store, code)
    # a forgotten passphrase: the code sets a new one and loses nothing
    (store / "unlock-failures.json").unlink()
    RcoStore.reset_passphrase(store, code, "a fresh long passphrase")
    with RcoDesk.open(store, "a fresh long passphrase") as desk:
        assert desk.fingerprint == fp and len(desk.directory()) == ENTRIES


# -- audit chain tampering ---------------------------------------------------------------------


def _alter(conn: object, key: bytes) -> None:
    conn.execute('UPDATE audit SET detail = \'{"file":"elsewhere"}\' WHERE id = 3')  # type: ignore[attr-defined]


def _delete(conn: object, key: bytes) -> None:
    conn.execute("DELETE FROM audit WHERE id = 3")  # type: ignore[attr-defined]


def _swap(conn: object, key: bytes) -> None:
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT id, at, detail, tag FROM audit WHERE id IN (2, 3) ORDER BY id"
    ).fetchall()
    for (target, *_), (_, at, detail, tag) in zip(rows, reversed(rows), strict=True):
        conn.execute(  # type: ignore[attr-defined]
            "UPDATE audit SET at = ?, detail = ?, tag = ? WHERE id = ?", (at, detail, tag, target)
        )


def _forged(conn: object, key: bytes) -> None:
    AuditLog(conn, b"k" * 32).append("supervisor", "device_confirmed", detail="{}")


TAMPERING: dict[str, tuple[Callable[[object, bytes], None], int | None]] = {
    "entry altered": (_alter, 3),
    "entry deleted": (_delete, 4),
    "entries reordered": (_swap, 2),
    "entry forged without the key": (_forged, None),
}


@pytest.mark.parametrize("how", sorted(TAMPERING))
def test_audit_chain_tampering_is_detected(store: Path, how: str, run_cli: RunCli) -> None:
    tamper, first_bad = TAMPERING[how]
    with RcoDesk.open(store, PASSPHRASE) as desk:
        assert desk.backend.audit_broken_at() is None
        conn = desk.backend.store.conn  # type: ignore[attr-defined]
        with pytest.raises(Exception, match="append-only"):
            conn.execute("UPDATE audit SET detail = '' WHERE id = 1")
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("DROP TRIGGER audit_no_delete")
        count = len(desk.backend.audit_entries())
        tamper(conn, desk.backend.store.audit_key)  # type: ignore[attr-defined]
        broken = desk.backend.audit_broken_at()
        expected = first_bad if first_bad is not None else count + 1
        assert broken == expected
        result = ops.check(desk)
        assert not result.ok and f"altered at entry {expected}" in result.verdict
        view = ops.audit_view(desk)
        assert [r["verified"] for r in view.rows()] == [
            (r["id"] or 0) < expected for r in view.rows()
        ]
    r = run_cli("rco", "check", str(store), "--json", env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert r.returncode == 1 and '"ok": false' in r.stdout
