"""The coach's sync against real WebDAV servers as RCOs run them: Debian's nginx dav module
(PUT/MOVE/DELETE/MKCOL, no PROPFIND) and Apache httpd mod_dav, both over TLS with Basic auth."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coachdesk.application import sync_setup
from coachdesk.application.sync_setup import CheckState
from coachdesk.exchange import sync
from coachdesk.exchange.sync import DirectoryOutcome, SyncState
from coachdesk.exchange.transports import BundleRefusedError, Delivery, OfflineError
from coachdesk.exchange.transports.webdav import RetryPolicy, TransportError
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.servers.apache import ApacheDav
from tests.servers.nginx import NginxDav
from tests.sync_helpers import (
    FAST,
    add_bundles,
    dav_settings,
    dav_transport,
    directory_bytes,
    enroll,
)
from tests.webdav_server import PASSWORD, USER, CuttingProxy, Pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
pytestmark = pytest.mark.timeout(90)
DavBackend = NginxDav | ApacheDav
NAME = "coachdesk-000001-abcdef01.cdbundle"


def test_delivery_goes_to_a_temp_name_then_moves_without_overwrite(
    dav_server: DavBackend, pki: Pki
) -> None:
    data = bytes(range(256)) * 300
    transport = dav_transport(dav_server.url, pki)
    assert transport.deliver(NAME, data) == Delivery.NEW
    transport.close()
    assert dav_server.files() == {NAME: data}
    calls = [(m, p) for m, p, _ in dav_server.requests()]
    assert calls == [
        ("HEAD", f"/inbox/{NAME}"),
        ("PUT", f"/inbox/.{NAME}.part"),
        ("MOVE", f"/inbox/.{NAME}.part"),
    ]
    assert [s for _, _, s in dav_server.requests()][1] == 201


def test_redelivery_is_recognised_and_a_name_clash_never_overwrites(
    dav_server: DavBackend, pki: Pki
) -> None:
    transport = dav_transport(dav_server.url, pki)
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.NEW
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.ALREADY_THERE
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"sealed BYTES")  # same size, other bytes
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"another size")
    assert [m for m, _, _ in dav_server.requests()].count("PUT") == 1
    assert dav_server.files() == {NAME: b"sealed bytes"}


def test_a_temp_file_moved_onto_an_existing_name_is_refused_by_the_server(
    dav_server: DavBackend, pki: Pki
) -> None:
    """MOVE with Overwrite: F really is refused (412) by both servers: the guarantee that a
    different file under a bundle's name survives even a race with the HEAD check."""
    (dav_server.root / NAME).write_bytes(b"somebody else's file")
    transport = dav_transport(dav_server.url, pki)
    put = transport._request("PUT", f"/inbox/.{NAME}.part", b"ours")
    assert put.status in (201, 204)
    moved = transport._request(
        "MOVE",
        f"/inbox/.{NAME}.part",
        headers={"Destination": transport.inbox.origin + f"/inbox/{NAME}", "Overwrite": "F"},
    )
    transport.close()
    assert moved.status == 412
    assert (dav_server.root / NAME).read_bytes() == b"somebody else's file"


def test_a_cut_mid_upload_leaves_no_final_file_and_the_next_run_resumes(
    dav_server: DavBackend, pki: Pki
) -> None:
    data = b"\x42" * 400_000
    cutter = CuttingProxy(dav_server.port, cut_after=150_000)  # inside the PUT body
    try:
        url = f"https://127.0.0.1:{cutter.port}/inbox/"
        with pytest.raises(OfflineError, match="could not be reached"):
            dav_transport(url, pki, policy=RetryPolicy(attempts=1, timeout=5)).deliver(NAME, data)
        assert cutter.cuts == 1
        time.sleep(0.3)
        assert NAME not in dav_server.files()
        cutter.cut_after = None
        assert dav_transport(url, pki).deliver(NAME, data) == Delivery.NEW
    finally:
        cutter.stop()
    files = dav_server.files()
    assert files[NAME] == data
    assert all(name == NAME for name in files)  # nothing partial left under another name


def test_sync_sends_and_fetches_the_signed_directory(
    dav_server: DavBackend, vault: Vault, pki: Pki
) -> None:
    rco = enroll(vault)
    items = add_bundles(vault, 3, size=30_000)
    (dav_server.root / "coachdesk-directory.json").write_bytes(
        directory_bytes(rco, 3, "Harbor Detox", "Tuesday SMART Group")
    )
    report = sync.sync_once(vault, dav_transport(dav_server.url, pki))
    assert report.ok, report.lines
    assert report.sent == [i.file_name for i in items]
    assert report.directory == DirectoryOutcome.MERGED and report.directory_serial == 3
    assert all(dav_server.files()[i.file_name] == i.sealed for i in items)
    # an older directory is refused
    (dav_server.root / "coachdesk-directory.json").write_bytes(directory_bytes(rco, 2, "Old"))
    again = sync.sync_once(vault, dav_transport(dav_server.url, pki))
    assert again.directory == DirectoryOutcome.REFUSED and "older" in again.directory_error


def test_the_probe_and_the_setup_check_work_without_propfind(
    nginx: NginxDav, vault: Vault, pki: Pki
) -> None:
    transport = dav_transport(nginx.url, pki)
    transport.probe()
    assert nginx.requests()[:2] == [
        ("PROPFIND", "/inbox/", 405),
        ("HEAD", "/inbox/", 200),
    ]
    check = sync_setup.check_inbox(dav_settings(nginx.url, pki), FAST)
    assert check.state == CheckState.OK, check.line
    assert nginx.files() == {}  # the hidden test file was moved and deleted
    # so the window's background check really syncs against nginx
    add_bundles(vault, 2)
    report = sync.sync_if_reachable(vault, dav_transport(nginx.url, pki))
    assert report is not None and report.ok, report and report.lines
    assert len(nginx.files()) == 2
    assert sync.sync_status(vault).state == SyncState.UP_TO_DATE


def test_refusals_are_one_plain_sentence_each(nginx: NginxDav, pki: Pki, tmp_path: Path) -> None:
    wrong = sync_setup.check_inbox(dav_settings(nginx.url, pki, password="guess"), FAST)
    assert wrong.state == CheckState.REFUSED
    assert wrong.line.startswith("The RCO's server refused the user name or password;")
    missing = sync_setup.check_inbox(dav_settings(nginx.url + "nowhere/", pki), FAST)
    assert missing.state == CheckState.REFUSED
    assert "/inbox/nowhere/ does not exist" in missing.line
    for line in (wrong.line, missing.line):
        assert line.endswith(".") and "HTTP 405" not in line and "when the" not in line


def test_a_server_without_move_is_named_plainly(pki: Pki) -> None:
    server = NginxDav(pki, dav_methods="PUT DELETE", autoindex=False)
    try:
        dav_transport(server.url, pki).probe()  # HEAD of the collection: 403 (no listing) is fine
        assert server.requests()[-1] == ("HEAD", "/inbox/", 403)
        check = sync_setup.check_inbox(dav_settings(server.url, pki), FAST)
        assert check.state == CheckState.REFUSED
        assert check.line == (
            "The RCO's server does not allow MOVE in the inbox (HTTP 405), which CoachDesk needs "
            "for a test rename; ask the RCO to enable WebDAV uploads (PUT and MOVE) on /inbox/. "
            "The exports stay waiting."
        )
        assert server.files() == {}  # the uploaded test file was deleted again
        with pytest.raises(TransportError, match="does not allow MOVE"):
            dav_transport(server.url, pki).deliver(NAME, b"x")
    finally:
        server.stop()


def test_sync_setup_from_the_command_line_against_nginx(
    run_cli: RunCli, vault_path: Path, tmp_path: Path, nginx: NginxDav, pki: Pki
) -> None:
    ca = tmp_path / "rco-ca.pem"
    ca.write_text(pki.ca_pem)
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_WEBDAV_PASSWORD": PASSWORD}
    done = run_cli(
        "sync-setup",
        str(vault_path),
        "--webdav",
        nginx.url,
        "--user",
        USER,
        "--ca-cert",
        str(ca),
        "--no-proxy",
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert "accepted the credentials and a test upload (PUT and MOVE)" in done.stdout
    assert "go directly, never through a proxy" in done.stdout
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_bundles(vault, 2)
    sent = run_cli("sync", str(vault_path), env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert sent.returncode == 0, sent.stderr
    assert len(nginx.files()) == 2
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert {i.state for i in outbox.items(vault.conn)} == {OutboxState.SENT}


def test_a_full_server_answers_507_and_the_sentence_says_so(
    apache: ApacheDav, vault: Vault, pki: Pki
) -> None:
    from tests.fault.mounts import tmpfs
    from tests.servers import give_to

    with tmpfs(apache.root, "64k"):
        give_to(apache.root, "www-data")
        add_bundles(vault, 1, size=200_000)
        report = sync.sync_once(vault, dav_transport(apache.url, pki), fetch_directory=False)
        assert ("PUT", f"/inbox/.{report_name(vault)}.part", 507) in apache.requests()
        assert report.error == "The RCO's server is out of space; the exports stay waiting."
        assert not report.offline and report.waiting == 1
        assert [f for f in apache.files() if not f.startswith(".")] == []


def report_name(vault: Vault) -> str:
    return outbox.items(vault.conn)[0].file_name
