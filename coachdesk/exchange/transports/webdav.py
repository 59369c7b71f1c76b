"""WebDAV over HTTPS: the RCO's inbox on a server it already runs (Nextcloud, Apache, nginx ...).

A bundle is PUT under a temporary name (".NAME.part") and then MOVEd to its final name with
"Overwrite: F", so the inbox never shows a partial file under a final name. Before uploading,
a HEAD on the final name recognises an earlier delivery of the same bundle (the process was
killed after the MOVE but before the outbox recorded it): same bytes -> already delivered,
different bytes -> refused, never overwritten.

Credentials are the RCO-issued user name and password kept inside the vault (meta
"sync.webdav"); they never go to settings or logs and never appear in messages or repr().
TLS is verified against the system store, or only against the RCO's pinned CA certificate.
Network failures and 429/5xx answers are retried with exponential backoff and jitter; a
Retry-After header is honoured up to `RetryPolicy.max_retry_after`. Redirects are never
followed (the password would go to another address).

Any WebDAV server will do: delivery needs PUT, MOVE and HEAD (GET to compare an earlier copy);
PROPFIND is optional (nginx's dav module has none): the probe falls back to a HEAD.

Proxies: HTTPS goes through an HTTP proxy with a CONNECT tunnel (TLS runs end to end inside it,
checked against the RCO's server, never the proxy). The proxy is the one in `HTTPS_PROXY` /
`ALL_PROXY` (bypassed for hosts in `NO_PROXY`) or, without those, the system's settings (the
Windows registry, through urllib.request.getproxies/proxy_bypass); or one given in
`sync-setup`; or none. Proxy credentials (Basic) are kept in the vault with the WebDAV ones and
go only to the proxy, in the CONNECT request.

Why http.client rather than urllib3, httpx or requests: none of them resolves proxies as a
facility network needs without code of our own (urllib3 ignores the proxy environment by
design; httpx ignores the Windows registry's proxy exclusions; requests lets
REQUESTS_CA_BUNDLE override a pinned CA), urllib3's CONNECT is http.client's own tunnel, and
set_tunnel with headers is all the proxy support needed; no new dependency for the installers.

`InboxReader` is the same client for the RCO's desk (coachdesk.rco.fetch): it lists the
inbox, moves imported bundles into a sub-collection and replaces the RCO's own files.

Threading: one thread at a time (the one running the sync); it keeps one keep-alive
connection that `close()` drops.
"""

from __future__ import annotations

import base64
import contextlib
import email.utils
import http.client
import json
import random
import re
import secrets
import socket
import ssl
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, NoReturn, TypeVar
from urllib.parse import quote, unquote, urlsplit

from coachdesk import __version__
from coachdesk.errors import CoachDeskError
from coachdesk.exchange.transports import (
    SAFE_NAME,
    BundleRefusedError,
    Delivery,
    OfflineError,
    TransportError,
    check_file_name,
    temp_name,
)
from coachdesk.i18n.catalog import Message, message_of

META_KEY = "sync.webdav"
_T = TypeVar("_T")
_TUNNEL_FAILED = re.compile(r"Tunnel connection failed: (\d{3})")  # http.client's message
# A PROPFIND answered with one of these: the server has no PROPFIND (nginx's dav module).
_NO_PROPFIND = (400, 405, 501)
# HEAD of the inbox collection where there is no PROPFIND: 200 with a listing, 403 where
# listings are off (nginx without autoindex); 404 means the folder is missing, 401 the login.
_COLLECTION_THERE = (200, 204, 403)
_PROPFIND_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>'
)


class WebDavSettingsError(CoachDeskError):
    pass


class ProxyMode(StrEnum):
    SYSTEM = "system"  # HTTPS_PROXY/NO_PROXY, else the system's settings (Windows registry)
    MANUAL = "manual"  # the proxy given in sync-setup, for every connection to the inbox
    DIRECT = "direct"  # never a proxy, whatever the environment says


@dataclass(frozen=True, slots=True)
class ProxySettings:
    """How to reach the inbox: which proxy, and the credentials (Basic) it may ask for."""

    mode: ProxyMode = ProxyMode.SYSTEM
    url: str = ""  # MANUAL only: http://host:port
    user: str = ""
    password: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if self.mode == ProxyMode.MANUAL:
            route = parse_proxy_url(self.url)
            if route.user:
                raise WebDavSettingsError(code="webdav.proxy.credentials_in_url")
        elif self.url:
            raise WebDavSettingsError(code="webdav.proxy.url_without_manual")
        if ":" in self.user or len(self.user) > 200:
            raise WebDavSettingsError(code="webdav.proxy.bad_user")
        if self.user and not self.password:
            raise WebDavSettingsError(code="webdav.proxy.no_password")
        if self.password and not self.user:
            raise WebDavSettingsError(code="webdav.proxy.password_without_user")

    def to_dict(self) -> dict[str, str]:
        return {
            "mode": self.mode.value,
            "url": self.url,
            "user": self.user,
            "password": self.password,
        }

    @classmethod
    def from_dict(cls, data: Any) -> ProxySettings:
        if not isinstance(data, dict):
            raise ValueError("proxy settings")
        return cls(
            ProxyMode(str(data.get("mode", ProxyMode.SYSTEM.value))),
            str(data.get("url", "")),
            str(data.get("user", "")),
            str(data.get("password", "")),
        )


@dataclass(frozen=True, slots=True)
class WebDavSettings:
    """The RCO's inbox: an https:// collection URL, credentials, an optional pinned CA, and
    the way through the facility's network (proxy)."""

    url: str
    user: str
    password: str = field(repr=False)
    ca_pem: str = field(default="", repr=False)
    proxy: ProxySettings = field(default_factory=ProxySettings)

    def __post_init__(self) -> None:
        parse_inbox_url(self.url)
        if not self.user or ":" in self.user or len(self.user) > 200:
            raise WebDavSettingsError(code="webdav.bad_user")
        if not self.password:
            raise WebDavSettingsError(code="webdav.no_password")
        if self.ca_pem and "-----BEGIN CERTIFICATE-----" not in self.ca_pem:
            raise WebDavSettingsError(code="webdav.ca_not_pem")

    def to_json(self) -> str:
        return json.dumps(
            {
                "url": self.url,
                "user": self.user,
                "password": self.password,
                "ca_pem": self.ca_pem,
                "proxy": self.proxy.to_dict(),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> WebDavSettings:
        try:
            data = json.loads(text)
            proxy = data.get("proxy")  # absent in settings saved before proxies existed
            return cls(
                str(data["url"]),
                str(data["user"]),
                str(data["password"]),
                str(data.get("ca_pem", "")),
                ProxySettings() if proxy is None else ProxySettings.from_dict(proxy),
            )
        except (ValueError, KeyError, TypeError, AttributeError, WebDavSettingsError):
            raise WebDavSettingsError(code="webdav.settings_damaged") from None


@dataclass(frozen=True, slots=True)
class ProxyRoute:
    """The proxy one connection goes through."""

    host: str
    port: int
    user: str = ""
    password: str = field(default="", repr=False)
    source: str = ""  # where it came from, for messages ("HTTPS_PROXY", "sync-setup" ...)

    @property
    def address(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    def tunnel_headers(self) -> dict[str, str]:
        if not self.user:
            return {}
        token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
        return {"Proxy-Authorization": f"Basic {token}"}


def parse_proxy_url(url: str, source: str = "sync-setup") -> ProxyRoute:
    """http://[user:password@]host[:port][/] (a bare host:port means http://)."""
    text = url.strip()
    if text and "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
        port = parts.port or 80
    except ValueError:
        raise WebDavSettingsError(code="webdav.proxy.not_an_address", url=repr(url)) from None
    if parts.scheme != "http":
        raise WebDavSettingsError(code="webdav.proxy.not_http", url=repr(url))
    if not parts.hostname:
        raise WebDavSettingsError(code="webdav.proxy.no_host", url=repr(url))
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise WebDavSettingsError(code="webdav.proxy.has_path", url=repr(url))
    return ProxyRoute(
        parts.hostname,
        port,
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        source,
    )


def resolve_proxy(settings: ProxySettings, host: str, port: int) -> ProxyRoute | None:
    """The proxy for https://host:port, or None for a direct connection.

    SYSTEM: urllib.request.getproxies() (the environment's HTTPS_PROXY/ALL_PROXY, else the
    Windows registry or macOS settings) and proxy_bypass() (NO_PROXY, or the registry's
    exclusions). Stored proxy credentials win over ones in the environment's URL.
    """
    if settings.mode == ProxyMode.DIRECT:
        return None
    if settings.mode == ProxyMode.MANUAL:
        route = parse_proxy_url(settings.url)
    else:
        proxies = urllib.request.getproxies()
        found = next(((k, proxies[k]) for k in ("https", "all") if proxies.get(k)), None)
        if found is None:
            return None
        target = f"{host}:{port}"
        if urllib.request.proxy_bypass(target) or urllib.request.proxy_bypass(host):
            return None
        key, value = found
        route = parse_proxy_url(value, f"{key.upper()}_PROXY or the system's proxy settings")
    if settings.user:
        route = ProxyRoute(route.host, route.port, settings.user, settings.password, route.source)
    return route


@dataclass(frozen=True, slots=True)
class InboxUrl:
    host: str
    port: int
    path: str  # percent-encoded, ends with "/"

    @property
    def origin(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"https://{host}" + ("" if self.port == 443 else f":{self.port}")

    @property
    def url(self) -> str:
        return self.origin + self.path


def parse_inbox_url(url: str) -> InboxUrl:
    """Accept only https://host[:port]/path/ without credentials, query or fragment."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port or 443
    except ValueError:
        raise WebDavSettingsError(code="webdav.not_an_address", url=repr(url)) from None
    if parts.scheme != "https":
        raise WebDavSettingsError(code="webdav.not_https")
    if not parts.hostname:
        raise WebDavSettingsError(code="webdav.no_host", url=repr(url))
    if parts.username or parts.password:
        raise WebDavSettingsError(code="webdav.credentials_in_url")
    if parts.query or parts.fragment:
        raise WebDavSettingsError(code="webdav.query_in_url")
    path = parts.path or "/"
    if not path.endswith("/"):
        path += "/"
    return InboxUrl(parts.hostname, port, path)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4  # tries per operation, the first included
    base_delay: float = 0.5  # seconds; doubles on every retry
    max_delay: float = 8.0  # cap of one backoff wait
    max_retry_after: float = 60.0  # a longer Retry-After ends the run (bundles stay waiting)
    connect_timeout: float = 5.0  # TCP connect + TLS handshake (a black-holed network)
    timeout: float = 30.0  # seconds per socket read or write once connected
    probe_timeout: float = 4.0

    def backoff(self, retry: int, rng: random.Random) -> float:
        """Exponential backoff with 'equal jitter': half fixed, half random."""
        ceiling = min(self.max_delay, self.base_delay * (2**retry))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


class _Connection(http.client.HTTPSConnection):
    """An HTTPS connection with a shorter deadline for connecting than for transferring."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        connect_timeout: float,
        timeout: float,
        context: ssl.SSLContext,
    ) -> None:
        super().__init__(host, port, timeout=connect_timeout, context=context)
        self._transfer_timeout = timeout

    def connect(self) -> None:
        super().connect()  # TCP and the TLS handshake, bounded by connect_timeout
        if self.sock is not None:
            self.sock.settimeout(self._transfer_timeout)


class _Retryable(Exception):
    """An attempt failed in a way worth trying again; `final` is what the user sees if not."""

    def __init__(self, final: TransportError, retry_after: float | None = None) -> None:
        super().__init__(str(final))
        self.final = final
        self.retry_after = retry_after


@dataclass(slots=True)
class _Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class WebDavTransport:
    # Words of the messages that depend on who uses the inbox (the RCO's desk: InboxReader).
    _stay = Message("transport.stay.exports")
    _stay_cap = Message("transport.stay.exports_cap")
    _setup = "coachdesk sync-setup"
    # Proxy credentials are set in the window (Sync settings) or on the command line.
    _where_to_set = Message("transport.proxy_where.coach", {"setup": _setup})

    def __init__(
        self,
        settings: WebDavSettings,
        policy: RetryPolicy | None = None,
        *,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.inbox = parse_inbox_url(settings.url)
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._rng = rng or random.Random()
        token = base64.b64encode(f"{settings.user}:{settings.password}".encode()).decode("ascii")
        self._auth = f"Basic {token}"
        self._context = self._make_context()
        self._conn: http.client.HTTPSConnection | None = None
        self._probe_conn: http.client.HTTPSConnection | None = None  # for abort()
        self._route: ProxyRoute | None = None
        self._route_resolved = False
        self.waits: list[float] = []  # backoff/Retry-After waits of this object, for reports

    def __repr__(self) -> str:
        return f"WebDavTransport({self.settings.url!r})"

    @property
    def description(self) -> Message:
        return Message("sync.destination.webdav", {"url": self.inbox.url})

    @property
    def proxy(self) -> ProxyRoute | None:
        """The proxy in use (resolved once per transport), or None for a direct connection."""
        if not self._route_resolved:
            try:
                self._route = resolve_proxy(self.settings.proxy, self.inbox.host, self.inbox.port)
            except WebDavSettingsError as exc:
                raise TransportError(
                    code="transport.with_stay", reason=message_of(exc), stay_cap=self._stay_cap
                ) from None
            self._route_resolved = True
        return self._route

    # -- public API ------------------------------------------------------------------------

    def probe(self) -> None:
        """One quick authenticated request on the inbox; no retries (a timer calls it).

        PROPFIND Depth 0 where the server has it; where it has not (nginx: 405), a HEAD of the
        inbox collection (a missing folder answers 404, refused credentials 401).
        """
        conn = self._probe_conn = self._connect(self.policy.probe_timeout)
        try:
            response = self._exchange(
                conn,
                "PROPFIND",
                self.inbox.path,
                _PROPFIND_BODY,
                {"Depth": "0", "Content-Type": "application/xml; charset=utf-8"},
            )
            method = "PROPFIND"
            if response.status in _NO_PROPFIND:
                method = "HEAD"
                response = self._exchange(conn, method, self.inbox.path, None, {})
        except _Retryable as exc:
            raise exc.final from None
        finally:
            self._probe_conn = None
            conn.close()
        if response.status in (429, 500, 502, 503, 504):
            raise OfflineError(code="webdav.busy_or_down", status=response.status, stay=self._stay)
        if response.status not in ((200, 207) if method == "PROPFIND" else _COLLECTION_THERE):
            self._refuse(response, Message("webdav.step.check"), method)

    def check(self) -> None:
        """What `sync-setup` and "Test connection" ask: may this account PUT and MOVE here?

        The probe, then a tiny hidden file ('.coachdesk-check-XXXX.part', ignored by
        receivers) uploaded, renamed with MOVE and deleted. A server that refuses the DELETE
        keeps that hidden file; nothing else is left.
        """
        self.probe()
        name = f"coachdesk-check-{secrets.token_hex(6)}"
        temp, moved = self._path(temp_name(name)), self._path(temp_name(name + "-moved"))
        try:
            put = self._request(
                "PUT", temp, b"CoachDesk inbox check\n", {"Content-Type": "text/plain"}
            )
            if put.status not in (200, 201, 204):
                self._refuse(put, Message("webdav.step.test_upload"), "PUT")
            move = self._request(
                "MOVE", temp, headers={"Destination": self.inbox.origin + moved, "Overwrite": "F"}
            )
            if move.status not in (201, 204):
                self._request("DELETE", temp)
                self._refuse(move, Message("webdav.step.test_rename"), "MOVE")
            self._request("DELETE", moved)
        except _Retryable as exc:
            raise exc.final from None
        finally:
            self.close()

    def deliver(self, file_name: str, data: bytes) -> Delivery:
        check_file_name(file_name)
        return self._with_retries(lambda: self._deliver_once(file_name, data))

    def fetch(self, file_name: str, max_bytes: int) -> bytes | None:
        path = self._path(check_file_name(file_name))

        def once() -> bytes | None:
            response = self._request("GET", path, limit=max_bytes + 1)
            if response.status == 404:
                return None
            if response.status != 200:
                self._refuse(response, _step("download", file_name), "GET")
            return response.body

        return self._with_retries(once)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def abort(self) -> None:
        """Cut the open connections from another thread (a blocked read or the proxy's
        CONNECT wakes with an error); the owning thread's next request reconnects."""
        for conn in (self._conn, self._probe_conn):
            sock = getattr(conn, "sock", None)
            if isinstance(sock, socket.socket):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    # -- one delivery attempt --------------------------------------------------------------

    def _deliver_once(self, file_name: str, data: bytes) -> Delivery:
        final, temp = self._path(file_name), self._path(temp_name(file_name))
        earlier = self._already_there(final, file_name, data)
        if earlier is not None:
            return earlier
        put = self._request("PUT", temp, data, {"Content-Type": "application/octet-stream"})
        if put.status not in (200, 201, 204):
            self._refuse(put, _step("upload", file_name), "PUT")
        moved = self._request(
            "MOVE",
            temp,
            headers={"Destination": self.inbox.origin + final, "Overwrite": "F"},
        )
        if moved.status in (201, 204):
            return Delivery.NEW
        if moved.status == 412:  # something is under the final name already: ours or not?
            earlier = self._already_there(final, file_name, data)
            self._request("DELETE", temp)
            if earlier is not None:
                return earlier
        if moved.status == 404:  # temp gone: an earlier MOVE may have landed; look again
            raise _Retryable(TransportError(code="webdav.lost_upload", name=file_name))
        self._refuse(moved, _step("rename", file_name), "MOVE")

    def _already_there(self, final: str, file_name: str, data: bytes) -> Delivery | None:
        head = self._request("HEAD", final)
        if head.status == 404:
            return None
        if head.status != 200:
            self._refuse(head, _step("earlier_copy", file_name), "HEAD")
        length = head.headers.get("Content-Length")
        if length is not None and length.isdigit() and int(length) != len(data):
            raise self._different(file_name)
        got = self._request("GET", final, limit=len(data) + 1)
        if got.status in (401, 403, 405):
            # A write-only inbox: the unique bundle id in the name and the same size must do.
            return Delivery.ALREADY_THERE
        if got.status != 200:
            self._refuse(got, _step("earlier_copy", file_name), "GET")
        if got.body != data:
            raise self._different(file_name)
        return Delivery.ALREADY_THERE

    def _different(self, file_name: str) -> BundleRefusedError:
        return BundleRefusedError(code="webdav.different_file", name=file_name)

    # -- HTTP plumbing ---------------------------------------------------------------------

    def _path(self, name: str) -> str:
        return self.inbox.path + quote(name, safe="")

    def _make_context(self) -> ssl.SSLContext:
        try:
            if self.settings.ca_pem:
                context = ssl.create_default_context(cadata=self.settings.ca_pem)
            else:
                context = ssl.create_default_context()
        except (ssl.SSLError, ValueError):
            raise TransportError(code="webdav.bad_pinned_ca", setup=self._setup) from None
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        return context

    def _connect(self, timeout: float) -> http.client.HTTPSConnection:
        route = self.proxy
        host, port = (
            (self.inbox.host, self.inbox.port) if route is None else (route.host, route.port)
        )
        conn = _Connection(
            host,
            port,
            connect_timeout=min(timeout, self.policy.connect_timeout),
            timeout=timeout,
            context=self._context,
        )
        if route is not None:
            # CONNECT inbox-host:port through the proxy; TLS (and its certificate check
            # against the inbox's name) then runs inside the tunnel. The proxy's
            # credentials go in the CONNECT only, never to the RCO's server.
            conn.set_tunnel(self.inbox.host, self.inbox.port, headers=route.tunnel_headers())
        return conn

    def _request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        *,
        limit: int | None = None,
    ) -> _Response:
        if self._conn is None:
            self._conn = self._connect(self.policy.timeout)
        try:
            response = self._exchange(self._conn, method, path, body, headers or {}, limit)
        except BaseException:
            self.close()
            raise
        if response.status in (429, 500, 502, 503, 504):
            self.close()
            wait = parse_retry_after(response.headers.get("Retry-After"))
            if response.status in (429, 503):
                problem = TransportError(code="webdav.busy", stay=self._stay)
            else:
                problem = TransportError(
                    code="webdav.server_problem", status=response.status, stay=self._stay
                )
            raise _Retryable(problem, wait)
        return response

    def _exchange(
        self,
        conn: http.client.HTTPSConnection,
        method: str,
        path: str,
        body: bytes | None,
        headers: dict[str, str],
        limit: int | None = None,
    ) -> _Response:
        all_headers = {
            "Authorization": self._auth,
            "User-Agent": f"CoachDesk/{__version__}",
            **headers,
        }
        if body is not None:
            all_headers["Content-Length"] = str(len(body))
        if conn.sock is None:
            self._open(conn)
        try:
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            if limit is None:
                data = raw.read()
            else:
                data = raw.read(limit)
                if not raw.isclosed():
                    conn.close()  # more than we want to read: drop the connection instead
            return _Response(raw.status, raw.headers, data)
        except ssl.SSLCertVerificationError as exc:
            conn.close()
            raise self._untrusted(exc) from None
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            raise _Retryable(self._unreachable(exc)) from None

    def _open(self, conn: http.client.HTTPSConnection) -> None:
        """Connect (TCP, the proxy's tunnel, TLS), telling apart who refused what."""
        route = self.proxy
        try:
            conn.connect()
        except ssl.SSLCertVerificationError as exc:
            conn.close()
            raise self._untrusted(exc) from None
        except ssl.SSLError as exc:
            conn.close()
            if isinstance(exc, ssl.SSLEOFError | ssl.SSLZeroReturnError):
                raise _Retryable(self._unreachable(exc)) from None
            raise TransportError(
                code="webdav.tls_failed" if route is None else "webdav.tls_failed_proxy",
                host=self.inbox.host,
                reason=exc.reason or Message("webdav.reason.tls_error"),
                url=self.inbox.url,
            ) from None
        except OSError as exc:
            conn.close()
            tunnel = _TUNNEL_FAILED.match(str(exc))
            if route is None or tunnel is None:
                raise _Retryable(self._unreachable(exc, route)) from None
            self._proxy_refused(int(tunnel.group(1)), route)

    def _proxy_refused(self, status: int, route: ProxyRoute) -> NoReturn:
        # A CONNECT answered 401 is the proxy's refusal too (tinyproxy answers wrong
        # credentials so); the RCO's server never sees a CONNECT.
        if status in (401, 407):
            if route.user:
                raise TransportError(
                    code="webdav.proxy.wrong_credentials",
                    status=status,
                    where=self._where_to_set,
                    proxy=route.address,
                    stay_cap=self._stay_cap,
                )
            raise TransportError(
                code="webdav.proxy.needs_credentials",
                where=self._where_to_set,
                proxy=route.address,
                stay_cap=self._stay_cap,
            )
        if status == 403:
            raise TransportError(
                code="webdav.proxy.forbidden",
                host=self.inbox.host,
                port=self.inbox.port,
                proxy=route.address,
                stay_cap=self._stay_cap,
            )
        if status in (502, 503, 504):
            raise _Retryable(
                OfflineError(
                    code="webdav.proxy.upstream_down",
                    host=self.inbox.host,
                    status=status,
                    proxy=route.address,
                    stay=self._stay,
                )
            )
        raise TransportError(
            code="webdav.proxy.refused", status=status, proxy=route.address, stay=self._stay
        )

    def _untrusted(self, exc: ssl.SSLCertVerificationError) -> TransportError:
        return TransportError(
            code="webdav.untrusted",
            host=self.inbox.host,
            reason=str(exc.verify_message),
            setup=self._setup,
        )

    def _unreachable(self, exc: BaseException, route: ProxyRoute | None = None) -> OfflineError:
        if route is not None:
            return OfflineError(
                code="webdav.proxy.unreachable",
                proxy=route.address,
                reason=_reason(exc),
                stay=self._stay,
            )
        return OfflineError(
            code="webdav.unreachable", host=self.inbox.host, reason=_reason(exc), stay=self._stay
        )

    def _refuse(self, response: _Response, what: Message, method: str) -> NoReturn:
        """One plain sentence for a refusal; `what` names the step ("the upload of X")."""
        status = response.status
        if status == 401:
            raise TransportError(
                code="webdav.wrong_credentials", setup=self._setup, stay_cap=self._stay_cap
            )
        if status == 403:
            raise TransportError(code="webdav.forbidden", stay=self._stay)
        if status in (404, 409):
            raise TransportError(code="webdav.no_folder", path=self.inbox.path, setup=self._setup)
        if status in (405, 501):
            raise TransportError(
                code="webdav.method_not_allowed",
                method=method,
                status=status,
                what=what,
                path=self.inbox.path,
                stay_cap=self._stay_cap,
            )
        if status == 413:
            raise BundleRefusedError(code="webdav.too_large")
        if status == 507:
            raise TransportError(code="webdav.out_of_space", stay=self._stay)
        if 300 <= status < 400:
            raise TransportError(code="webdav.redirect")
        raise TransportError(code="webdav.refused", what=what, status=status, stay=self._stay)

    def _with_retries(self, operation: Callable[[], _T]) -> _T:
        policy = self.policy
        for attempt in range(policy.attempts):
            try:
                return operation()
            except _Retryable as exc:
                if attempt == policy.attempts - 1:
                    raise exc.final from None
                if exc.retry_after is not None:
                    if exc.retry_after > policy.max_retry_after:
                        raise TransportError(
                            code="webdav.wait_too_long",
                            seconds=round(exc.retry_after),
                            stay=self._stay,
                            retry_after=exc.retry_after,
                        ) from None
                    wait = exc.retry_after + self._rng.uniform(0, 0.1)
                else:
                    wait = policy.backoff(attempt, self._rng)
                self.waits.append(wait)
                self._sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover


def _reason(exc: BaseException) -> Message | str:
    """Why a connection failed: a catalog message, else the system's own words."""
    if isinstance(exc, socket.timeout | TimeoutError):
        return Message("webdav.reason.timeout")
    if isinstance(exc, ConnectionRefusedError):
        return Message("webdav.reason.refused")
    if isinstance(exc, socket.gaierror):
        return Message("webdav.reason.unknown_host")
    if isinstance(exc, http.client.RemoteDisconnected | ConnectionResetError | BrokenPipeError):
        return Message("webdav.reason.cut")
    if isinstance(exc, http.client.IncompleteRead | ssl.SSLEOFError | ssl.SSLZeroReturnError):
        return Message("webdav.reason.cut")
    if isinstance(exc, ssl.SSLError):
        return Message("webdav.reason.tls")
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return type(exc).__name__


def _step(step: str, name: str) -> Message:
    """The step a refusal names, for one file ("the upload of NAME")."""
    return Message(f"webdav.step.{step}", {"name": name})


# -- the RCO's side: list the inbox, move what was imported out of it ---------------------------

_LIST_LIMIT = 16 * 1024 * 1024  # a listing larger than this is refused, not parsed
_PROPFIND_LIST_BODY = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<propfind xmlns="DAV:"><prop><resourcetype/><getcontentlength/></prop></propfind>'
)
_HREF = re.compile(rb"""<a\s[^>]*href\s*=\s*["']([^"'?#]+)["']""", re.IGNORECASE)


class Moved(StrEnum):
    MOVED = "moved"
    GONE = "gone"  # 404: not there any more (another fetch moved it)
    EXISTS = "exists"  # 412: the target name is taken (an earlier, killed fetch moved a copy)
    LOCKED = "locked"  # 423 after every retry: try again on the next fetch


class InboxReader(WebDavTransport):
    """The inbox seen from the RCO: list it, download, move into a sub-collection, delete.

    Listing: PROPFIND Depth 1 where the server has it; where it has not (nginx's dav module),
    a GET of the collection, which the server must answer with a listing (nginx:
    `autoindex on;`, JSON with `autoindex_format json;` or the HTML index). Only plain file
    names directly in the collection are returned, sorted; sub-collections are skipped.
    """

    _stay = Message("transport.stay.bundles")
    _stay_cap = Message("transport.stay.bundles_cap")
    _setup = "coachdesk rco fetch-setup"
    _where_to_set = Message("transport.proxy_where.desk", {"setup": _setup})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._made: set[str] = set()  # sub-collections known to exist

    def list_names(self, sub: str = "") -> list[str]:
        path = self._collection(sub)

        def once() -> list[str]:
            response = self._request(
                "PROPFIND",
                path,
                _PROPFIND_LIST_BODY,
                {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"},
                limit=_LIST_LIMIT + 1,
            )
            if response.status == 207:
                return self._from_multistatus(response.body, path)
            if response.status not in _NO_PROPFIND:
                self._refuse(response, Message("webdav.step.listing"), "PROPFIND")
            listed = self._request(
                "GET", path, headers={"Accept": "application/json"}, limit=_LIST_LIMIT + 1
            )
            if listed.status in (403, 405):
                raise TransportError(code="webdav.no_listing")
            if listed.status != 200:
                self._refuse(listed, Message("webdav.step.listing"), "GET")
            return _from_index(listed.body, listed.headers.get_content_type())

        names = self._with_retries(once)
        return sorted({n for n in names if SAFE_NAME.match(n)})

    def _collection(self, sub: str) -> str:
        return self.inbox.path + (quote(sub, safe="") + "/" if sub else "")

    def _from_multistatus(self, body: bytes, path: str) -> list[str]:
        import xml.etree.ElementTree as ET

        if len(body) > _LIST_LIMIT:
            raise TransportError(code="webdav.listing_too_large")
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            raise TransportError(code="webdav.listing_not_xml") from None
        names = []
        for response in root.iter("{DAV:}response"):
            href = response.findtext("{DAV:}href") or ""
            if response.find(".//{DAV:}collection") is not None:
                continue
            href_path = unquote(urlsplit(href).path)
            base = unquote(path)
            if href_path.startswith(base) and "/" not in href_path[len(base) :]:
                names.append(href_path[len(base) :])
        return names

    def move_into(self, name: str, sub: str) -> Moved:
        """MOVE inbox/NAME to inbox/SUB/NAME with Overwrite: F (SUB made when missing)."""
        source = self._path(check_file_name(name))
        target = self.inbox.origin + self._collection(sub) + quote(name, safe="")
        if sub not in self._made:
            # Servers answer a MOVE into a missing collection with 409 (RFC 4918), or 500
            # (Apache, nginx): make it first, once per reader.
            self.make_collection(sub)
            self._made.add(sub)

        def once() -> Moved:
            for attempt in range(self.policy.attempts):
                response = self._request(
                    "MOVE", source, headers={"Destination": target, "Overwrite": "F"}
                )
                if response.status in (201, 204):
                    return Moved.MOVED
                if response.status == 404:
                    return Moved.GONE
                if response.status == 412:
                    return Moved.EXISTS
                if response.status == 409:  # the collection is missing: make it, then again
                    self.make_collection(sub)
                    continue
                if response.status == 423:  # locked by someone else for a moment
                    wait = self.policy.backoff(attempt, self._rng)
                    self.waits.append(wait)
                    self._sleep(wait)
                    continue
                if response.status == 507:
                    raise TransportError(code="webdav.move_full", sub=sub)
                step = Message("webdav.step.move", {"name": name, "sub": sub})
                self._refuse(response, step, "MOVE")
            return Moved.LOCKED

        return self._with_retries(once)

    def make_collection(self, sub: str) -> None:
        response = self._request("MKCOL", self._collection(sub))
        # 405: it exists already (RFC 4918 9.3.1); 201: made now.
        if response.status not in (201, 405):
            if response.status == 507:
                raise TransportError(code="webdav.mkcol_full", sub=sub)
            self._refuse(response, Message("webdav.step.mkcol", {"sub": sub}), "MKCOL")

    def delete(self, name: str) -> bool:
        """DELETE inbox/NAME; False when it was not there."""
        path = self._path(check_file_name(name))

        def once() -> bool:
            response = self._request("DELETE", path)
            if response.status == 404:
                return False
            if response.status not in (200, 204):
                self._refuse(response, _step("delete", name), "DELETE")
            return True

        return self._with_retries(once)

    def put(self, file_name: str, data: bytes) -> None:
        """Replace inbox/NAME atomically: PUT to its temp name, then MOVE with Overwrite: T
        (the RCO's own file, such as the signed directory, which each publish replaces)."""
        final, temp = self._path(check_file_name(file_name)), self._path(temp_name(file_name))

        def once() -> None:
            put = self._request("PUT", temp, data, {"Content-Type": "application/octet-stream"})
            if put.status not in (200, 201, 204):
                self._refuse(put, _step("upload", file_name), "PUT")
            moved = self._request(
                "MOVE", temp, headers={"Destination": self.inbox.origin + final, "Overwrite": "T"}
            )
            if moved.status not in (201, 204):
                self._refuse(moved, _step("rename", file_name), "MOVE")

        self._with_retries(once)


def _from_index(body: bytes, content_type: str) -> list[str]:
    """File names from a GET listing: nginx's autoindex JSON, or any HTML index's links."""
    if content_type == "application/json":
        try:
            entries = json.loads(body)
        except ValueError:
            raise TransportError(code="webdav.listing_not_json") from None
        if not isinstance(entries, list):
            raise TransportError(code="webdav.listing_unreadable")
        return [
            str(e["name"])
            for e in entries
            if isinstance(e, dict) and e.get("type") == "file" and "name" in e
        ]
    names = []
    for match in _HREF.finditer(body):
        href = unquote(match.group(1).decode("utf-8", "replace"))
        if "/" not in href:  # links to sub-folders, parents and other sites have a '/'
            names.append(href)
    return names
