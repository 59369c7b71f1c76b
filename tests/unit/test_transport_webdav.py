"""The WebDAV transport against a real wsgidav server over TLS on 127.0.0.1."""

from __future__ import annotations

import http.client
import random
import socket
import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from coachdesk.exchange.transports import BundleRefusedError, Delivery, OfflineError, TransportError
from coachdesk.exchange.transports.webdav import (
    ProxyMode,
    ProxySettings,
    RetryPolicy,
    WebDavSettings,
    WebDavSettingsError,
    WebDavTransport,
    parse_inbox_url,
    parse_retry_after,
    resolve_proxy,
)
from tests.sync_helpers import FAST, dav_settings, dav_transport
from tests.webdav_server import PASSWORD, USER, CuttingProxy, DavServer, Pki, free_port, make_pki

pytest_plugins = ["tests.sync_fixtures"]  # fixtures: pki, dav
pytestmark = pytest.mark.timeout(60)
NAME = "coachdesk-000001-abcdef01.cdbundle"


def test_upload_goes_to_a_temporary_name_then_moves(dav: DavServer, pki: Pki) -> None:
    data = bytes(range(256)) * 200
    transport = dav_transport(dav.url, pki)
    assert transport.deliver(NAME, data) == Delivery.NEW
    transport.close()
    assert dav.files() == {NAME: data}
    calls = [(e.method, e.path, e.status) for e in dav.faults.log]
    assert calls == [
        ("HEAD", f"/inbox/{NAME}", 404),
        ("PUT", f"/inbox/.{NAME}.part", 201),
        ("MOVE", f"/inbox/.{NAME}.part", 201),
    ]
    move = dav.faults.log[-1]
    assert move.destination == f"https://127.0.0.1:{dav.port}/inbox/{NAME}"


def test_redelivery_is_recognised_and_a_different_file_is_never_overwritten(
    dav: DavServer, pki: Pki
) -> None:
    transport = dav_transport(dav.url, pki)
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.NEW
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.ALREADY_THERE
    assert dav.faults.statuses("PUT") == [201]  # the second time nothing was uploaded
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"sealed BYTES")  # same size, other content
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"other size")
    assert dav.files() == {NAME: b"sealed bytes"}


def test_a_503_with_retry_after_is_honoured(dav: DavServer, pki: Pki) -> None:
    dav.faults.busy_left, dav.faults.retry_after = 1, "1"
    transport = dav_transport(dav.url, pki)
    started = time.monotonic()
    assert transport.deliver(NAME, b"x" * 1000) == Delivery.NEW
    assert time.monotonic() - started >= 1.0
    assert 1.0 <= transport.waits[0] <= 1.1
    assert dav.faults.statuses("HEAD")[0] == 503
    assert dav.files() == {NAME: b"x" * 1000}


def test_a_retry_after_too_long_ends_the_run_without_sleeping(dav: DavServer, pki: Pki) -> None:
    dav.faults.busy_left, dav.faults.retry_after = 1, "3600"
    transport = dav_transport(dav.url, pki)
    started = time.monotonic()
    with pytest.raises(TransportError, match="asked to wait 3600 seconds") as caught:
        transport.deliver(NAME, b"x")
    assert caught.value.retry_after == 3600
    assert time.monotonic() - started < 3
    assert dav.files() == {}


def test_busy_server_is_retried_with_growing_backoff_then_gives_up(
    dav: DavServer, pki: Pki
) -> None:
    dav.faults.busy_left, dav.faults.retry_after = 100, ""
    policy = RetryPolicy(attempts=4, base_delay=0.05, max_delay=1.0, timeout=5)
    transport = WebDavTransport(dav_settings(dav.url, pki), policy, rng=random.Random(7))
    with pytest.raises(TransportError, match="busy"):
        transport.deliver(NAME, b"x")
    assert len(transport.waits) == 3 and len(dav.faults.log) == 4
    # equal jitter: each wait lies in [ceiling/2, ceiling], and the ceiling doubles
    for retry, wait in enumerate(transport.waits):
        ceiling = 0.05 * 2**retry
        assert ceiling / 2 <= wait <= ceiling


def test_wrong_password_is_a_plain_error_and_not_retried(dav: DavServer, pki: Pki) -> None:
    transport = dav_transport(dav.url, pki, password="not the password")
    with pytest.raises(TransportError, match="refused the user name or password") as caught:
        transport.deliver(NAME, b"x")
    assert not isinstance(caught.value, OfflineError)
    assert "not the password" not in str(caught.value) and len(dav.faults.log) == 1
    with pytest.raises(TransportError, match="user name or password"):
        transport.probe()
    assert dav.files() == {}


def test_certificate_not_in_the_system_store_is_refused(dav: DavServer, pki: Pki) -> None:
    unpinned = WebDavTransport(WebDavSettings(dav.url, USER, PASSWORD), FAST)
    with pytest.raises(TransportError, match="certificate CoachDesk can verify") as caught:
        unpinned.deliver(NAME, b"x")
    assert not isinstance(caught.value, OfflineError)
    assert dav.faults.log == []  # no request got through, so no password left the machine


def test_a_pinned_ca_other_than_the_servers_is_refused(dav: DavServer, tmp_path: Path) -> None:
    other = make_pki(tmp_path / "other", "Some Other CA")
    with pytest.raises(TransportError, match="certificate"):
        dav_transport(dav.url, other).probe()
    assert dav.faults.log == []


def test_a_cut_connection_mid_upload_leaves_no_final_file_then_resumes(
    dav: DavServer, pki: Pki
) -> None:
    data = b"\x42" * 400_000
    proxy = CuttingProxy(dav.port, cut_after=150_000)  # well inside the PUT body
    try:
        url = f"https://127.0.0.1:{proxy.port}/inbox/"
        cut = dav_transport(url, pki, policy=RetryPolicy(attempts=1, timeout=5))
        with pytest.raises(OfflineError, match="could not be reached"):
            cut.deliver(NAME, data)
        assert proxy.cuts == 1
        time.sleep(0.3)  # let the server notice the dropped upload
        assert NAME not in dav.files()  # at most a partial temp file, never the final name
        proxy.cut_after = None
        resumed = dav_transport(url, pki)
        assert resumed.deliver(NAME, data) == Delivery.NEW
    finally:
        proxy.stop()
    files = dav.files()
    assert files[NAME] == data
    assert all(name == NAME for name in files)  # the retry reused (and moved) the temp name


def test_a_cut_is_retried_within_one_delivery(dav: DavServer, pki: Pki) -> None:
    proxy = CuttingProxy(dav.port, cut_after=60_000, max_cuts=1)
    try:
        transport = dav_transport(f"https://127.0.0.1:{proxy.port}/inbox/", pki)
        assert transport.deliver(NAME, b"z" * 200_000) == Delivery.NEW
        assert proxy.cuts == 1 and len(transport.waits) == 1
    finally:
        proxy.stop()
    assert dav.files()[NAME] == b"z" * 200_000


def test_a_server_that_becomes_reachable_later(tmp_path: Path, pki: Pki) -> None:
    port = free_port()
    url = f"https://127.0.0.1:{port}/inbox/"
    transport = dav_transport(url, pki)
    started = time.monotonic()
    with pytest.raises(OfflineError, match="connection refused"):
        transport.probe()
    with pytest.raises(OfflineError, match="could not be reached"):
        transport.deliver(NAME, b"later")
    assert time.monotonic() - started < 5
    server = DavServer(tmp_path / "late", pki, port=port)
    try:
        transport.probe()
        assert transport.deliver(NAME, b"later") == Delivery.NEW
        assert server.files() == {NAME: b"later"}
    finally:
        server.stop()


def test_fetch_returns_none_when_absent_and_the_bytes_when_present(
    dav: DavServer, pki: Pki
) -> None:
    transport = dav_transport(dav.url, pki)
    assert transport.fetch("coachdesk-directory.json", 1000) is None
    (dav.root / "coachdesk-directory.json").write_bytes(b'{"x": 1}')
    assert transport.fetch("coachdesk-directory.json", 1000) == b'{"x": 1}'
    # more than the limit: only limit + 1 bytes are read (the caller refuses it)
    assert len(transport.fetch("coachdesk-directory.json", 3) or b"") == 4


def test_missing_inbox_folder_is_a_plain_error(dav: DavServer, pki: Pki) -> None:
    transport = dav_transport(dav.url + "nowhere/", pki)
    with pytest.raises(TransportError, match="does not exist"):
        transport.deliver(NAME, b"x")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1/inbox/", "https://"),
        ("https://user:pw@example.org/inbox/", "own fields"),
        ("https:///inbox", "no server name"),
        ("https://example.org/inbox/?x=1", "'?'"),
        ("ftp://example.org/", "https://"),
    ],
)
def test_settings_refuse_unsafe_addresses(url: str, message: str) -> None:
    with pytest.raises(WebDavSettingsError, match=message):
        WebDavSettings(url, USER, PASSWORD)


def test_settings_keep_the_password_out_of_repr_and_round_trip() -> None:
    settings = WebDavSettings("https://dav.example.org/remote.php/inbox", USER, PASSWORD)
    assert PASSWORD not in repr(settings)
    assert PASSWORD not in repr(WebDavTransport(settings))
    assert WebDavSettings.from_json(settings.to_json()) == settings
    assert parse_inbox_url(settings.url).path == "/remote.php/inbox/"
    with pytest.raises(WebDavSettingsError, match="damaged"):
        WebDavSettings.from_json("{not json")


def test_unsafe_bundle_names_are_refused(dav: DavServer, pki: Pki) -> None:
    transport = dav_transport(dav.url, pki)
    for bad in ("../escape.cdbundle", ".hidden", "a/b", "x.part", ""):
        with pytest.raises(BundleRefusedError):
            transport.deliver(bad, b"x")
    assert dav.faults.log == []


def test_retry_after_parsing() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30
    assert parse_retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_a_write_only_inbox_recognises_a_redelivery_by_name_and_size(
    dav: DavServer, pki: Pki
) -> None:
    dav.faults.forbid_get = True
    transport = dav_transport(dav.url, pki)
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.NEW
    assert transport.deliver(NAME, b"sealed bytes") == Delivery.ALREADY_THERE
    with pytest.raises(BundleRefusedError):
        transport.deliver(NAME, b"other size")
    assert dav.faults.statuses("PUT") == [201]


def test_a_redirect_is_not_followed(dav: DavServer, pki: Pki) -> None:
    dav.faults.redirect_to = "https://elsewhere.example/inbox/"
    with pytest.raises(TransportError, match="another address") as caught:
        dav_transport(dav.url, pki).deliver(NAME, b"x")
    assert not isinstance(caught.value, OfflineError)
    assert len(dav.faults.log) == 1  # not retried, and nothing went to the other address


def test_a_black_holed_server_times_out_within_bounds(pki: Pki) -> None:
    with socket.create_server(("127.0.0.1", 0), backlog=1) as silent:  # never accepts, never talks
        url = f"https://127.0.0.1:{silent.getsockname()[1]}/inbox/"
        policy = RetryPolicy(attempts=2, base_delay=0.05, connect_timeout=0.5, timeout=5)
        started = time.monotonic()
        with pytest.raises(OfflineError, match="no answer in time"):
            dav_transport(url, pki, policy=policy).deliver(NAME, b"x")
        assert time.monotonic() - started < 3


def test_a_busy_server_probes_as_offline(dav: DavServer, pki: Pki) -> None:
    dav.faults.busy_left = 1
    with pytest.raises(OfflineError, match="busy or down"):
        dav_transport(dav.url, pki).probe()
    dav_transport(dav.url, pki).probe()


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        (
            401,
            "The RCO's server refused the user name or password; ask the RCO for the inbox "
            "credentials and run `coachdesk sync-setup` again. The exports stay waiting.",
        ),
        (403, "This account may not write in the RCO's inbox; the exports stay waiting."),
        (
            404,
            "The inbox folder /inbox/ does not exist on the RCO's server; check the address "
            "given to `coachdesk sync-setup`.",
        ),
        (
            405,
            "The RCO's server does not allow PUT in the inbox (HTTP 405), which CoachDesk "
            "needs for the upload of x.cdbundle; ask the RCO to enable WebDAV uploads (PUT and "
            "MOVE) on /inbox/. The exports stay waiting.",
        ),
        (507, "The RCO's server is out of space; the exports stay waiting."),
        (
            418,
            "The RCO's server refused the upload of x.cdbundle (HTTP 418); the exports stay "
            "waiting.",
        ),
    ],
)
def test_each_refusal_is_one_grammatical_sentence(status: int, sentence: str) -> None:
    from coachdesk.exchange.transports.webdav import _Response

    transport = WebDavTransport(WebDavSettings("https://127.0.0.1:9/inbox/", USER, PASSWORD))
    with pytest.raises(TransportError) as caught:
        transport._refuse(
            _Response(status, http.client.HTTPMessage(), b""), "the upload of x.cdbundle", "PUT"
        )
    assert str(caught.value) == sentence


def test_a_tls_failure_is_a_plain_sentence_and_not_retried(pki: Pki) -> None:
    # A plain-text server where TLS is expected: the handshake fails at once.
    with socket.create_server(("127.0.0.1", 0)) as plain:
        port = plain.getsockname()[1]

        def answer() -> None:
            conn, _ = plain.accept()
            conn.recv(4096)
            conn.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")
            conn.close()

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        transport = dav_transport(f"https://127.0.0.1:{port}/inbox/", pki)
        with pytest.raises(TransportError) as caught:
            transport.deliver(NAME, b"x")
        thread.join(timeout=5)
    assert not isinstance(caught.value, OfflineError) and transport.waits == []
    assert str(caught.value).startswith("The secure connection to 127.0.0.1 failed (")
    assert "is the RCO's HTTPS inbox." in str(caught.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://proxy.example:3128", "must start with http://"),
        ("socks5://proxy.example:1080", "must start with http://"),
        ("http://proxy.example:3128/path", "without a path"),
        ("http://:3128", "no server name"),
        ("http://proxy.example:99999", "not a web address"),
    ],
)
def test_proxy_addresses_are_checked(url: str, message: str) -> None:
    with pytest.raises(WebDavSettingsError, match=message):
        ProxySettings(ProxyMode.MANUAL, url)


def test_proxy_settings_keep_their_password_out_of_repr_and_round_trip() -> None:
    proxy = ProxySettings(ProxyMode.MANUAL, "http://proxy.example:3128", "facility", "pp-secret")
    settings = WebDavSettings("https://dav.example.org/inbox/", USER, PASSWORD, "", proxy)
    assert "pp-secret" not in repr(settings) and "pp-secret" not in repr(proxy)
    assert WebDavSettings.from_json(settings.to_json()) == settings
    old = '{"url": "https://dav.example.org/inbox/", "user": "u", "password": "p"}'
    assert WebDavSettings.from_json(old).proxy == ProxySettings()  # saved before proxies
    with pytest.raises(WebDavSettingsError, match="own fields"):
        ProxySettings(ProxyMode.MANUAL, "http://a:b@proxy.example:3128")
    with pytest.raises(WebDavSettingsError, match="password is empty"):
        ProxySettings(ProxyMode.SYSTEM, "", "facility")
    with pytest.raises(WebDavSettingsError, match="damaged"):
        WebDavSettings.from_json(old[:-1] + ', "proxy": {"mode": "sideways"}}')


def test_system_proxy_comes_from_the_environment_and_no_proxy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    system = ProxySettings()
    assert resolve_proxy(system, "dav.example.org", 443) is None
    monkeypatch.setenv("HTTPS_PROXY", "http://env%20user:env%3Apw@proxy.example:3128")
    route = resolve_proxy(system, "dav.example.org", 443)
    assert route is not None and route.address == "proxy.example:3128"
    assert (route.user, route.password) == ("env user", "env:pw")
    stored = ProxySettings(ProxyMode.SYSTEM, "", "vault-user", "vault-pw")
    route = resolve_proxy(stored, "dav.example.org", 443)
    assert route is not None and (route.user, route.password) == ("vault-user", "vault-pw")
    monkeypatch.setenv("NO_PROXY", "localhost,.example.org")
    assert resolve_proxy(system, "dav.example.org", 443) is None
    assert resolve_proxy(system, "dav.other.net", 443) is not None
    assert resolve_proxy(ProxySettings(ProxyMode.DIRECT), "dav.other.net", 443) is None
    manual = ProxySettings(ProxyMode.MANUAL, "proxy.facility.local:8080")
    route = resolve_proxy(manual, "dav.example.org", 443)  # NO_PROXY is for the system mode
    assert route is not None and route.address == "proxy.facility.local:8080"
    monkeypatch.setenv("HTTPS_PROXY", "https://proxy.example:3128")
    with pytest.raises(TransportError, match="must start with http://"):
        _ = WebDavTransport(WebDavSettings("https://dav.other.net/inbox/", USER, PASSWORD)).proxy


def test_abort_from_another_thread_wakes_a_blocked_request(dav: DavServer, pki: Pki) -> None:
    dav.faults.hold = ("PUT", 1)  # the server answers the PUT, then holds the connection
    transport = dav_transport(dav.url, pki, policy=RetryPolicy(attempts=1, timeout=20))
    outcome: list[BaseException] = []

    def send() -> None:
        try:
            transport.deliver(NAME, b"x" * 1000)
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=send)
    thread.start()
    assert dav.faults.held.wait(10)
    started = time.monotonic()
    transport.abort()
    thread.join(timeout=10)
    assert not thread.is_alive() and time.monotonic() - started < 3
    assert len(outcome) == 1 and isinstance(outcome[0], OfflineError)
    dav.faults.release.set()
    transport.abort()  # nothing open: a no-op
