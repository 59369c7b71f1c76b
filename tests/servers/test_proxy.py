"""The coach's sync through a facility's HTTP proxy (Debian's tinyproxy with Basic proxy auth)
to real WebDAV servers: a CONNECT tunnel, TLS checked end to end against the RCO's CA, the
proxy's credentials kept in the vault and sent to the proxy only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coachdesk.application import sync_setup
from coachdesk.application.sync_setup import CheckState
from coachdesk.exchange import sync
from coachdesk.exchange.transports import OfflineError, TransportError
from coachdesk.exchange.transports.webdav import (
    ProxyMode,
    ProxySettings,
    WebDavSettings,
    WebDavTransport,
)
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli
from tests.servers import free_port
from tests.servers.apache import ApacheDav
from tests.servers.nginx import NginxDav
from tests.servers.tinyproxy import PROXY_PASSWORD, PROXY_USER, TinyProxy
from tests.sync_helpers import FAST, add_bundles, directory_bytes, enroll
from tests.webdav_server import PASSWORD, USER, Pki, make_pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
pytestmark = pytest.mark.timeout(90)
DavBackend = NginxDav | ApacheDav
_PROXY_ENV = ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY")


def through(
    server: DavBackend, pki: Pki, proxy: TinyProxy, user: str = PROXY_USER, pw: str = PROXY_PASSWORD
) -> WebDavTransport:
    way = ProxySettings(ProxyMode.MANUAL, proxy.url, user, pw if user else "")
    return WebDavTransport(WebDavSettings(server.url, USER, PASSWORD, pki.ca_pem, way), FAST)


def test_sync_goes_through_the_proxy_with_its_credentials(
    dav_server: DavBackend, proxy: TinyProxy, vault: Vault, pki: Pki
) -> None:
    rco = enroll(vault)
    items = add_bundles(vault, 3, size=50_000)
    (dav_server.root / "coachdesk-directory.json").write_bytes(directory_bytes(rco, 5, "Harbor"))
    report = sync.sync_once(vault, through(dav_server, pki, proxy))
    assert report.ok, report.lines
    assert report.sent == [i.file_name for i in items] and report.directory_serial == 5
    assert all(dav_server.files()[i.file_name] == i.sealed for i in items)
    # every connection was a tunnel through the proxy to the inbox's host and port ...
    connects = proxy.connects()
    assert connects and set(connects) == {f"127.0.0.1:{dav_server.port}"}
    # ... and the proxy's password went to the proxy only
    assert not dav_server.proxy_authorization_seen()


def test_without_proxy_credentials_the_sync_is_refused_plainly(
    nginx: NginxDav, proxy: TinyProxy, vault: Vault, pki: Pki
) -> None:
    add_bundles(vault, 2)
    report = sync.sync_once(vault, through(nginx, pki, proxy, user=""))
    assert not report.ok and not report.offline
    assert report.error == (
        f"The proxy 127.0.0.1:{proxy.port} asks for a user name and password (HTTP 407); give "
        "them in Sync settings or with `coachdesk sync-setup --proxy-user NAME`. The exports "
        "stay waiting."
    )
    wrong = sync.sync_once(vault, through(nginx, pki, proxy, pw="not-it"))
    assert wrong.error.startswith(
        f"The proxy 127.0.0.1:{proxy.port} refused the proxy user name or password"
    )
    assert "not-it" not in wrong.error
    assert [i.state for i in outbox.items(vault.conn)] == [OutboxState.WAITING] * 2
    assert nginx.files() == {} and nginx.requests() == []  # nothing reached the server


def test_the_proxy_refusing_the_destination_or_being_down(nginx: NginxDav, pki: Pki) -> None:
    strict = TinyProxy(auth=False, connect_ports=(443,))
    try:
        with pytest.raises(TransportError, match="does not allow connections to the RCO's"):
            through(nginx, pki, strict, user="").probe()
    finally:
        strict.stop()
    gone = ProxySettings(ProxyMode.MANUAL, f"http://127.0.0.1:{free_port()}")
    transport = WebDavTransport(WebDavSettings(nginx.url, USER, PASSWORD, pki.ca_pem, gone), FAST)
    with pytest.raises(OfflineError, match=r"The proxy 127\.0\.0\.1:\d+ could not be reached"):
        transport.deliver("coachdesk-000001-abcdef01.cdbundle", b"x")


def test_the_pinned_ca_is_checked_through_the_tunnel(
    nginx: NginxDav, proxy: TinyProxy, tmp_path: Path
) -> None:
    other = make_pki(tmp_path / "other", "Some Other CA")
    with pytest.raises(TransportError, match="certificate CoachDesk can verify"):
        through(nginx, other, proxy).probe()
    assert nginx.requests() == []


def test_the_system_proxy_from_https_proxy_and_no_proxy(
    nginx: NginxDav, proxy: TinyProxy, vault: Vault, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in _PROXY_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    stored = ProxySettings(ProxyMode.SYSTEM, "", PROXY_USER, PROXY_PASSWORD)
    settings = WebDavSettings(nginx.url, USER, PASSWORD, pki.ca_pem, stored)
    assert f"through the proxy 127.0.0.1:{proxy.port}" in sync_setup.route_line(settings)
    add_bundles(vault, 1)
    assert sync.sync_once(vault, WebDavTransport(settings, FAST)).ok
    assert proxy.connects()
    before = len(proxy.connects())
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    add_bundles(vault, 1, start=2)
    assert "go directly" in sync_setup.route_line(settings)
    assert sync.sync_once(vault, WebDavTransport(settings, FAST)).ok
    assert len(proxy.connects()) == before and len(nginx.files()) == 2


def test_sync_setup_with_a_proxy_from_the_command_line(
    run_cli: RunCli,
    vault_path: Path,
    tmp_path: Path,
    apache: ApacheDav,
    proxy: TinyProxy,
    pki: Pki,
) -> None:
    ca = tmp_path / "rco-ca.pem"
    ca.write_text(pki.ca_pem)
    env = {
        "COACHDESK_PASSPHRASE": PASSPHRASE,
        "COACHDESK_WEBDAV_PASSWORD": PASSWORD,
        "COACHDESK_PROXY_PASSWORD": PROXY_PASSWORD,
    }
    args = ["sync-setup", str(vault_path), "--webdav", apache.url, "--user", USER]
    args += ["--ca-cert", str(ca)]
    refused = run_cli(*args, "--proxy", proxy.url, env=env)
    assert refused.returncode == 1 and "asks for a user name and password" in refused.stderr
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    done = run_cli(*args, "--proxy", proxy.url, "--proxy-user", PROXY_USER, env=env)
    assert done.returncode == 0, done.stderr
    assert (
        f"go through the proxy 127.0.0.1:{proxy.port} with the proxy user name kept in the vault"
        in done.stdout
    )
    assert "accepted the credentials and a test upload" in done.stdout
    again = run_cli(*args, env=env)  # no proxy option: the stored proxy is kept
    assert again.returncode == 0, again.stderr
    assert f"through the proxy 127.0.0.1:{proxy.port}" in again.stdout
    with Vault.open(vault_path, PASSPHRASE) as vault:
        add_bundles(vault, 2)
    sent = run_cli("sync", str(vault_path), env={"COACHDESK_PASSPHRASE": PASSPHRASE})
    assert sent.returncode == 0, sent.stderr
    assert len(apache.files()) == 2 and proxy.connects()
    # the proxy password is in no output and no file outside the encrypted vault
    home = Path(os.environ["COACHDESK_HOME"]).parent
    for folder in (home, vault_path):
        for path in folder.rglob("*"):
            if path.is_file():
                assert PROXY_PASSWORD.encode() not in path.read_bytes(), path
    for out in (done, again, sent):
        assert PROXY_PASSWORD not in out.stdout + out.stderr
    direct = run_cli(*args, "--no-proxy", env=env)
    assert direct.returncode == 0 and "never through a proxy" in direct.stdout


def test_check_through_the_proxy(nginx: NginxDav, proxy: TinyProxy, pki: Pki) -> None:
    way = ProxySettings(ProxyMode.MANUAL, proxy.url, PROXY_USER, PROXY_PASSWORD)
    result = sync_setup.check_inbox(WebDavSettings(nginx.url, USER, PASSWORD, pki.ca_pem, way))
    assert result.state == CheckState.OK, result.line
