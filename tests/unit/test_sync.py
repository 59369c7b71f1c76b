"""Sync use cases on real vaults: outbox states, resume, status, the RCO directory merge."""

from __future__ import annotations

import random
import shutil
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.demo import SyntheticPeople
from coachdesk.core.models import Client, Referral, Resource, ResourceCategory, Setting
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import sync
from coachdesk.exchange.directory import make_directory
from coachdesk.exchange.sync import DirectoryOutcome, SyncState
from coachdesk.exchange.transports import Delivery
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage import outbox
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.directory_repo import WITHDRAWN_NOTE
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.sync_helpers import (
    FAST,
    add_bundles,
    dav_settings,
    dav_transport,
    directory_bytes,
    enroll,
    resources,
)
from tests.webdav_server import DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The destination folder (the vault itself lives in tmp_path / "vault")."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _states(vault: Vault) -> list[OutboxState]:
    return [i.state for i in outbox.items(vault.conn)]


def _sync_audit(vault: Vault) -> list[str]:
    entries = AuditLog(vault.conn, vault.audit_key).entries()
    return [e.detail for e in reversed(entries) if e.action == "sync"]


def test_everything_waiting_is_sent_once_and_recorded(vault: Vault, out: Path) -> None:
    stick = out
    items = add_bundles(vault, 3)
    assert sync.sync_status(vault).state == SyncState.WAITING
    report = sync.sync_once(vault, FolderTransport(stick))
    assert report.ok and report.sent == [i.file_name for i in items]
    assert report.lines[0] == f"Sent 3 exports to the folder {stick}."
    assert {p.name: p.read_bytes() for p in stick.iterdir()} == {
        i.file_name: i.sealed for i in items
    }
    rows = outbox.items(vault.conn)
    assert [r.state for r in rows] == [OutboxState.SENT] * 3
    assert all(r.sent_to == f"folder {stick}" and r.attempts == 1 for r in rows)
    assert _sync_audit(vault) == [f"sent to folder {stick}"] * 3
    assert AuditLog(vault.conn, vault.audit_key).verify() is None
    status = sync.sync_status(vault)
    assert status.state == SyncState.UP_TO_DATE and status.waiting == 0
    assert status.last_success is not None and status.line.startswith("Up to date")
    again = sync.sync_once(vault, FolderTransport(stick))
    assert again.ok and again.sent == [] and "Nothing was waiting to be sent." in again.lines


def test_the_report_and_the_status_are_worded_in_the_language_shown(
    vault: Vault, out: Path
) -> None:
    add_bundles(vault, 1)
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.text("es")[0] == f"Se envió 1 exportación a la carpeta {out}."
    assert report.lines[0] == f"Sent 1 export to the folder {out}."
    assert report.lines == [str(m) for m in report.messages]
    status = sync.sync_status(vault)
    assert status.message.text("es").startswith("Al día (última sincronización ")
    assert not any(word in " ".join(report.text("es")) for word in ("Sent", "export ", "folder"))


def test_offline_keeps_everything_waiting_then_sends_when_the_stick_is_back(
    vault: Vault, out: Path
) -> None:
    stick = out / "stick"
    add_bundles(vault, 3)
    report = sync.sync_once(vault, FolderTransport(stick))
    assert not report.ok and report.offline and report.sent == []
    assert "USB stick removed" in report.error and report.waiting == 3
    rows = outbox.items(vault.conn)
    assert [r.state for r in rows] == [OutboxState.WAITING] * 3
    assert [r.attempts for r in rows] == [1, 0, 0]  # stopped at the first: no hammering
    assert "USB stick removed" in rows[0].last_error
    status = sync.sync_status(vault)
    assert status.state == SyncState.OFFLINE and status.waiting == 3
    assert status.line.startswith("Offline: 3 exports waiting")
    stick.mkdir()
    later = sync.sync_once(vault, FolderTransport(stick))
    assert later.ok and len(later.sent) == 3
    assert sync.sync_status(vault).state == SyncState.UP_TO_DATE


def test_a_missing_destination_with_nothing_to_send_still_reads_offline(
    vault: Vault, out: Path
) -> None:
    enroll(vault)
    report = sync.sync_once(vault, FolderTransport(out / "pulled"))
    assert not report.ok and report.offline and report.directory == DirectoryOutcome.SKIPPED
    assert sync.sync_status(vault).state == SyncState.OFFLINE


def test_an_interrupted_send_resumes_and_is_not_delivered_twice(vault: Vault, out: Path) -> None:
    first, second = add_bundles(vault, 2)
    # A run killed after the file landed but before the outbox recorded it:
    with vault.transaction() as conn:
        assert first.id is not None
        outbox.mark_sending(conn, first.id)
    FolderTransport(out).deliver(first.file_name, first.sealed)
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.ok and report.resumed == 1
    assert report.already_there == [first.file_name] and report.sent == [second.file_name]
    assert "1 export had already arrived" in " ".join(report.lines)
    assert sorted(p.name for p in out.iterdir()) == [first.file_name, second.file_name]
    assert _states(vault) == [OutboxState.SENT, OutboxState.SENT]


def test_one_refused_bundle_fails_alone_and_is_retried_later(vault: Vault, out: Path) -> None:
    a, b, c = add_bundles(vault, 3)
    (out / b.file_name).write_bytes(b"somebody else's file")
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.sent == [a.file_name, c.file_name] and list(report.failed) == [b.file_name]
    assert _states(vault) == [OutboxState.SENT, OutboxState.FAILED, OutboxState.SENT]
    status = sync.sync_status(vault)
    assert status.state == SyncState.FAILED and "different file" in status.last_error
    assert (out / b.file_name).read_bytes() == b"somebody else's file"
    (out / b.file_name).unlink()
    assert sync.sync_once(vault, FolderTransport(out)).sent == [b.file_name]
    assert sync.sync_status(vault).state == SyncState.UP_TO_DATE


def test_status_reads_syncing_while_a_send_runs(vault: Vault, out: Path) -> None:
    add_bundles(vault, 1)
    seen: list[SyncState] = []

    class Watching(FolderTransport):
        def deliver(self, file_name: str, data: bytes) -> Delivery:
            seen.append(sync.sync_status(vault).state)
            return super().deliver(file_name, data)

    sync.sync_once(vault, Watching(out))
    assert seen == [SyncState.SYNCING]
    assert not sync.is_running(vault)


def test_outbox_listing_never_carries_the_sealed_bytes(vault: Vault) -> None:
    (item,) = add_bundles(vault, 1, size=3000)
    (row,) = sync.list_outbox(vault)
    assert row.size == 3000 and row.file_name == item.file_name
    assert row.state == OutboxState.WAITING
    assert not hasattr(row, "sealed")


# -- the RCO's resource directory -------------------------------------------------------


def _client(caseload: Caseload) -> int:
    people = SyntheticPeople(random.Random(3))
    return caseload.add_client(
        Client(people.given(), people.family(), date(2026, 1, 5), Setting.EMERGENCY_DEPARTMENT)
    )


def _resource_names(vault: Vault) -> dict[str, tuple[bool, str]]:
    rows = vault.conn.execute("SELECT name, local, notes FROM resources").fetchall()
    return {name: (bool(local), notes) for name, local, notes in rows}


def test_a_signed_directory_is_merged_and_local_additions_are_kept(vault: Vault, out: Path) -> None:
    rco = enroll(vault)
    caseload = Caseload(vault)
    caseload.add_resource(Resource("Corner Church Pantry", ResourceCategory.OTHER, notes="mine"))
    (out / "coachdesk-directory.json").write_bytes(
        directory_bytes(rco, 5, "Harbor Detox", "Tuesday SMART Group", "Eastside MOUD Clinic")
    )
    report = sync.sync_once(caseload, FolderTransport(out))
    assert report.ok and report.directory == DirectoryOutcome.MERGED
    assert report.directory_serial == 5 and report.directory_counts is not None
    assert report.directory_counts.added == 3
    assert "Resource directory number 5 merged: 3 added" in report.lines[-1]
    names = _resource_names(vault)
    assert names["Corner Church Pantry"] == (True, "mine")
    assert names["Harbor Detox"][0] is False
    assert vault.get_meta(sync.SERIAL_META) == "5"
    assert sync.sync_status(vault).directory_serial == 5
    assert "resource directory 5 merged" in _sync_audit(vault)

    # The same serial again changes nothing.
    again = sync.sync_once(caseload, FolderTransport(out))
    assert again.directory == DirectoryOutcome.UNCHANGED and again.ok

    # A newer one renames, adds and withdraws; a withdrawn entry a referral points to stays.
    detox = next(r for r in caseload.resources() if r.name == "Harbor Detox")
    client_id = _client(caseload)
    caseload.make_referral(
        Referral(client_id, ResourceCategory.DETOX, date(2026, 2, 1), resource_id=detox.id)
    )
    entries = resources("Tuesday SMART Group", "Westside Recovery Café")
    entries[0].rco_ref, entries[1].rco_ref = "rco-2", "rco-7"
    (out / "coachdesk-directory.json").write_bytes(make_directory(rco, entries, 6))
    merged = sync.sync_once(caseload, FolderTransport(out))
    counts = merged.directory_counts
    assert counts is not None and merged.directory == DirectoryOutcome.MERGED
    assert (counts.added, counts.removed, counts.withdrawn_kept) == (1, 1, 1)
    names = _resource_names(vault)
    assert "Eastside MOUD Clinic" not in names and "Westside Recovery Café" in names
    assert names["Harbor Detox"][1].startswith(WITHDRAWN_NOTE)
    assert names["Corner Church Pantry"] == (True, "mine")
    assert caseload.referrals(client_id)[0].resource_id == detox.id


def test_a_directory_with_a_bad_signature_is_refused_and_changes_nothing(
    vault: Vault, out: Path
) -> None:
    enroll(vault)
    impostor = RcoIdentity.generate()
    path = out / "coachdesk-directory.json"
    path.write_bytes(directory_bytes(impostor, 9, "Fake Clinic"))
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.directory == DirectoryOutcome.REFUSED and not report.ok
    assert "signature does not match" in report.directory_error
    assert _resource_names(vault) == {} and vault.get_meta(sync.SERIAL_META) is None
    status = sync.sync_status(vault)
    assert status.state == SyncState.FAILED and "signature" in status.last_error


def test_a_tampered_directory_is_refused(vault: Vault, out: Path) -> None:
    rco = enroll(vault)
    good = directory_bytes(rco, 3, "Harbor Detox")
    (out / "coachdesk-directory.json").write_bytes(good.replace(b"555-0100", b"555-0199"))
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.directory == DirectoryOutcome.REFUSED
    assert _resource_names(vault) == {}


def test_an_older_directory_is_refused(vault: Vault, out: Path) -> None:
    rco = enroll(vault)
    path = out / "coachdesk-directory.json"
    path.write_bytes(directory_bytes(rco, 8, "Harbor Detox", "Eastside MOUD Clinic"))
    assert sync.sync_once(vault, FolderTransport(out)).directory == DirectoryOutcome.MERGED
    path.write_bytes(directory_bytes(rco, 7, "Harbor Detox"))
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.directory == DirectoryOutcome.REFUSED
    assert "older than the one already here (number 8)" in report.directory_error
    assert set(_resource_names(vault)) == {"Harbor Detox", "Eastside MOUD Clinic"}
    assert vault.get_meta(sync.SERIAL_META) == "8"


def test_no_directory_and_not_enrolled_are_reported_plainly(vault: Vault, out: Path) -> None:
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.ok and report.directory == DirectoryOutcome.NOT_ENROLLED
    assert "not enrolled" in report.lines[-1]
    enroll(vault)
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.ok and report.directory == DirectoryOutcome.ABSENT
    assert report.lines[-1] == f"The folder {out} has no resource directory yet."


def test_an_oversized_directory_is_refused(vault: Vault, out: Path) -> None:
    enroll(vault)
    with open(out / "coachdesk-directory.json", "wb") as fh:
        fh.write(b" " * (4 * 1024 * 1024 + 10))
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.directory == DirectoryOutcome.REFUSED and "too large" in report.directory_error


def test_the_status_survives_reopening_the_vault(vault_path: Path, out: Path) -> None:
    from tests.conftest import PASSPHRASE

    with Vault.open(vault_path, PASSPHRASE) as v:
        add_bundles(v, 2)
        sync.sync_once(v, FolderTransport(out / "missing"))
    with Vault.open(vault_path, PASSPHRASE) as v:
        status = sync.sync_status(v)
        assert status.state == SyncState.OFFLINE and status.waiting == 2
        assert status.last_attempt is not None and status.last_success is None
    shutil.rmtree(out / "missing", ignore_errors=True)


def test_a_send_in_another_process_reads_syncing_until_it_goes_stale(vault: Vault) -> None:
    (item,) = add_bundles(vault, 1)
    with vault.transaction() as conn:
        outbox.mark_sending(conn, item.id or 0)
    assert sync.sync_status(vault).state == SyncState.SYNCING
    with vault.transaction() as conn:  # a run killed long ago left it 'sending'
        conn.execute(
            "UPDATE outbox SET last_attempt_at = '2026-01-01T00:00:00+00:00' WHERE id = ?",
            (item.id,),
        )
    status = sync.sync_status(vault)
    assert status.state == SyncState.WAITING and status.waiting == 1


def test_serials_count_per_rco_after_enrolling_with_another(vault: Vault, out: Path) -> None:
    old_rco = enroll(vault)
    path = out / "coachdesk-directory.json"
    path.write_bytes(directory_bytes(old_rco, 40, "Harbor Detox", "Eastside MOUD Clinic"))
    assert sync.sync_once(vault, FolderTransport(out)).directory == DirectoryOutcome.MERGED
    new_rco = enroll(vault, RcoIdentity.generate())  # the coach moved to another RCO
    path.write_bytes(directory_bytes(new_rco, 1, "Lakeside Peer Center"))
    report = sync.sync_once(vault, FolderTransport(out))
    assert report.directory == DirectoryOutcome.MERGED, report.lines
    assert set(_resource_names(vault)) == {"Lakeside Peer Center"}
    path.write_bytes(directory_bytes(old_rco, 41, "Harbor Detox"))  # the old RCO's: refused
    assert sync.sync_once(vault, FolderTransport(out)).directory == DirectoryOutcome.REFUSED


def test_progress_is_reported_and_a_cancelled_run_leaves_the_rest_waiting(
    vault: Vault, out: Path
) -> None:
    items = add_bundles(vault, 4)
    calls: list[tuple[int, int]] = []

    def cancel_after_two() -> bool:
        return len(calls) > 2

    report = sync.sync_once(
        vault,
        FolderTransport(out),
        progress=lambda d, t: calls.append((d, t)),
        cancelled=cancel_after_two,
    )
    assert report.sent == [items[0].file_name, items[1].file_name]
    assert "stopped" in report.error and report.waiting == 2
    assert _states(vault) == [OutboxState.SENT] * 2 + [OutboxState.WAITING] * 2
    assert sync.sync_status(vault).state == SyncState.WAITING
    calls.clear()
    assert sync.sync_once(
        vault, FolderTransport(out), progress=lambda d, t: calls.append((d, t))
    ).ok
    assert calls == [(0, 2), (1, 2), (2, 2)]


# -- prepare / deliver / record: the network off the vault's thread ------------------------------


def test_a_stalled_delivery_on_its_own_thread_is_cancelled_at_once(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    """What the window does on lock: deliver runs on another thread and holds no vault; the
    cancel cuts its connection (no 5 s timeout, no retries) and record gives the export back."""
    (item,) = add_bundles(vault, 1, size=20_000)
    sync.save_webdav_settings(vault, dav_settings(dav.url, pki))
    dav.faults.stall = "PUT"
    cancel = sync.Cancel()
    transport = sync.configured_transport(vault, FAST, cancel=cancel)
    assert transport is not None
    plan = sync.prepare(vault, transport.description)
    assert plan is not None and sync.is_running(vault)
    assert _states(vault) == [OutboxState.SENDING]
    box: list[sync.Delivered] = []

    def work() -> None:
        box.append(sync.deliver(plan, transport, on_sent=lambda _s: None, cancelled=cancel))

    thread = threading.Thread(target=work)
    thread.start()
    assert dav.faults.stalled.wait(timeout=15)
    started = time.monotonic()
    cancel.cancel()
    thread.join(timeout=5)
    assert not thread.is_alive() and time.monotonic() - started < 2.0
    assert isinstance(box[0].stop, sync.CancelledSync)
    report = sync.record(vault, plan, box[0])
    assert report is not None and report.waiting == 1 and not report.sent
    assert _states(vault) == [OutboxState.WAITING] and not sync.is_running(vault)
    assert sync.sync_status(vault).state == SyncState.WAITING
    dav.faults.stall = ""
    dav.faults.release.set()
    assert sync.sync_once(vault, dav_transport(dav.url, pki)).sent == [item.file_name]
    assert dav.files() == {item.file_name: item.sealed}
