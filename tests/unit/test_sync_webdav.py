"""Sync through the real TLS WebDAV server: sending, directory, credentials, background check."""

from __future__ import annotations

from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.sync import DirectoryOutcome, SyncState
from coachdesk.exchange.transports.webdav import WebDavSettings, WebDavTransport
from coachdesk.storage import outbox
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.sync_helpers import (
    FAST,
    add_bundles,
    dav_settings,
    dav_transport,
    directory_bytes,
    enroll,
)
from tests.webdav_server import PASSWORD, USER, CuttingProxy, DavServer, Pki, free_port

pytest_plugins = ["tests.sync_fixtures"]
pytestmark = pytest.mark.timeout(60)


def test_sync_sends_over_webdav_and_merges_the_directory(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    rco = enroll(vault)
    items = add_bundles(vault, 4, size=20_000)
    (dav.root / "coachdesk-directory.json").write_bytes(
        directory_bytes(rco, 2, "Harbor Detox", "Tuesday SMART Group")
    )
    report = sync.sync_once(vault, dav_transport(dav.url, pki))
    assert report.ok, report.lines
    assert report.sent == [i.file_name for i in items]
    assert report.directory == DirectoryOutcome.MERGED
    files = dav.files()
    assert all(files[i.file_name] == i.sealed for i in items)
    assert dav.faults.statuses("MOVE") == [201] * 4
    sent_to = {r.sent_to for r in outbox.items(vault.conn)}
    assert sent_to == {f"WebDAV inbox https://127.0.0.1:{dav.port}/inbox/"}


def test_wrong_password_keeps_the_bundles_waiting_with_a_clear_reason(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    add_bundles(vault, 2)
    report = sync.sync_once(vault, dav_transport(dav.url, pki, password="wrong password"))
    assert not report.ok and not report.offline
    assert "refused the user name or password" in report.error
    assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.WAITING] * 2
    status = sync.sync_status(vault)
    assert status.state == SyncState.FAILED and "password" in status.last_error
    assert dav.files() == {}
    # nothing in the vault's log or outbox carries the password tried
    texts = [e.detail for e in AuditLog(vault.conn, vault.audit_key).entries()]
    texts += [i.last_error for i in outbox.items(vault.conn)]
    assert not any("wrong password" in t for t in texts)


def test_settings_live_in_the_vault_and_give_the_transport(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    assert sync.configured_transport(vault) is None
    sync.save_webdav_settings(vault, dav_settings(dav.url, pki))
    assert sync.webdav_settings(vault) == dav_settings(dav.url, pki)
    add_bundles(vault, 1)
    transport = sync.configured_transport(vault, FAST)
    assert transport is not None
    assert sync.sync_once(vault, transport).ok
    audit = [e.detail for e in AuditLog(vault.conn, vault.audit_key).entries()]
    assert f"WebDAV inbox set to {dav.url}" in audit
    assert not any(PASSWORD in d for d in audit)


def test_the_background_check_sends_once_the_server_is_reachable(
    vault: Vault, tmp_path: Path, pki: Pki
) -> None:
    port = free_port()
    url = f"https://127.0.0.1:{port}/inbox/"
    transport = dav_transport(url, pki)
    assert sync.sync_if_reachable(vault, transport) is None  # nothing waiting: no probe at all
    add_bundles(vault, 3)
    assert not sync.reachable(transport)
    assert sync.sync_if_reachable(vault, transport) is None
    assert sync.sync_status(vault).state == SyncState.OFFLINE
    server = DavServer(tmp_path / "late", pki, port=port)
    try:
        assert sync.reachable(transport)
        report = sync.sync_if_reachable(vault, transport)
        assert report is not None and report.ok and len(report.sent) == 3
        assert len(server.files()) == 3
        assert sync.sync_if_reachable(vault, transport) is None  # nothing left
    finally:
        server.stop()
    assert sync.sync_status(vault).state == SyncState.UP_TO_DATE


def test_a_long_retry_after_is_remembered_by_the_background_check(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    add_bundles(vault, 1)
    dav.faults.busy_left, dav.faults.retry_after = 1, "600"
    report = sync.sync_once(vault, dav_transport(dav.url, pki))
    assert "asked to wait 600 seconds" in report.error
    requests = len(dav.faults.log)
    assert sync.sync_if_reachable(vault, dav_transport(dav.url, pki)) is None
    assert len(dav.faults.log) == requests  # it did not even probe


def test_a_cut_upload_leaves_the_bundle_waiting_and_the_next_sync_finishes_it(
    vault: Vault, dav: DavServer, pki: Pki
) -> None:
    first, second = add_bundles(vault, 2, size=300_000)
    proxy = CuttingProxy(dav.port, cut_after=100_000)  # every connection is cut mid-PUT
    try:
        url = f"https://127.0.0.1:{proxy.port}/inbox/"
        report = sync.sync_once(vault, dav_transport(url, pki))
        assert report.offline and report.sent == [] and report.waiting == 2
        assert "connection was cut" in report.error
        assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.WAITING] * 2
        assert first.file_name not in dav.files() and second.file_name not in dav.files()
        proxy.cut_after = None
        report = sync.sync_once(vault, dav_transport(url, pki))
        assert report.ok and report.sent == [first.file_name, second.file_name]
    finally:
        proxy.stop()
    assert dav.files() == {first.file_name: first.sealed, second.file_name: second.sealed}


def test_an_unverifiable_certificate_fails_the_sync_and_sends_nothing(
    vault: Vault, dav: DavServer
) -> None:
    add_bundles(vault, 1)
    unpinned = WebDavSettings(dav.url, USER, PASSWORD)  # system store: does not know our CA
    report = sync.sync_once(vault, WebDavTransport(unpinned, FAST))
    assert not report.ok and not report.offline and "certificate" in report.error
    assert sync.sync_status(vault).state == SyncState.FAILED
    assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.WAITING]
    assert dav.faults.log == [] and dav.files() == {}
