"""A real WebDAV server over TLS on 127.0.0.1 for sync tests (wsgidav + cheroot).

- make_pki(): a throwaway CA and a server certificate for 127.0.0.1/localhost (cryptography).
- DavServer: wsgidav's FilesystemProvider behind HTTP Basic auth, served by cheroot with TLS,
  wrapped in a FaultMiddleware that records every request and can answer 503 + Retry-After
  or hold a request (so a test can kill a client at a chosen moment).
- CuttingProxy: a TCP proxy that drops the connection after N bytes from the client, to cut
  an upload in the middle of its TLS stream.

Everything listens on 127.0.0.1 only and stops within a few seconds.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cheroot import wsgi
from cheroot.ssl.builtin import BuiltinSSLAdapter
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from wsgidav.fs_dav_provider import FilesystemProvider
from wsgidav.wsgidav_app import WsgiDAVApp

from coachdesk.files import write_atomic

USER = "coach-7"
PASSWORD = "rco-issued pässword 42"

logging.getLogger("wsgidav").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Pki:
    ca_pem: str
    cert_file: Path
    key_file: Path


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_pki(folder: Path, ca_name: str = "Test RCO CA") -> Pki:
    """A CA plus a server certificate for 127.0.0.1 and localhost, valid for a day."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(ca_name))
        .issuer_name(_name(ca_name))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(
            x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("127.0.0.1"))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    cert_file = write_atomic(folder / "server.pem", cert.public_bytes(serialization.Encoding.PEM))
    key_file = write_atomic(
        folder / "server.key",
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )
    ca_pem = ca_cert.public_bytes(serialization.Encoding.PEM).decode("ascii")
    return Pki(ca_pem, cert_file, key_file)


@dataclass
class Logged:
    method: str
    path: str
    status: int = 0
    destination: str = ""


@dataclass
class FaultMiddleware:
    """Wraps the WebDAV app: records requests; can be told to misbehave."""

    app: Any
    log: list[Logged] = field(default_factory=list)
    busy_left: int = 0  # answer this many next requests with 503
    retry_after: str = "1"
    # (method, n): hold the n-th such request (counting from 1) after the app answered it
    hold: tuple[str, int] | None = None
    held: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    delay: float = 0.0  # seconds added to every PUT (to kill a client mid-upload)
    forbid_get: bool = False  # a write-only inbox (as some file-drop shares are)
    redirect_to: str = ""  # answer every request with 301 to this address
    # Stall every request of this method before reading it: no answer until `release` is set
    # (a server that hangs mid-upload); `stalled` is set when one arrives.
    stall: str = ""
    stalled: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        entry = Logged(
            environ["REQUEST_METHOD"],
            environ.get("PATH_INFO", ""),
            0,
            environ.get("HTTP_DESTINATION", ""),
        )
        with self.lock:
            self.log.append(entry)
            busy = self.busy_left > 0
            if busy:
                self.busy_left -= 1
            count = sum(1 for e in self.log if e.method == entry.method)
        if self.redirect_to or (self.forbid_get and entry.method == "GET"):
            entry.status = 301 if self.redirect_to else 403
            start_response(
                "301 Moved Permanently" if self.redirect_to else "403 Forbidden",
                [("Location", self.redirect_to or "/"), ("Content-Length", "0")],
            )
            return [b""]
        if self.stall and entry.method == self.stall:
            self.stalled.set()
            self.release.wait(timeout=60)
            entry.status = 503
            start_response("503 Service Unavailable", [("Content-Length", "0")])
            return [b""]
        if busy:
            entry.status = 503
            body = b"busy"
            start_response(
                "503 Service Unavailable",
                [
                    ("Retry-After", self.retry_after),
                    ("Content-Length", str(len(body))),
                    ("Content-Type", "text/plain"),
                ],
            )
            return [body]
        if self.delay and entry.method == "PUT":
            time.sleep(self.delay)

        def recording_start(status: str, headers: list[tuple[str, str]], *a: Any) -> Any:
            entry.status = int(status.split()[0])
            return start_response(status, headers, *a)

        result = self.app(environ, recording_start)
        body_parts = list(result)
        if hasattr(result, "close"):
            result.close()
        if self.hold and self.hold == (entry.method, count):
            self.held.set()
            self.release.wait(timeout=30)
        return body_parts

    def statuses(self, method: str) -> list[int]:
        return [e.status for e in self.log if e.method == method]


class DavServer:
    """wsgidav over TLS on 127.0.0.1; `url` is the inbox collection (ends with /)."""

    def __init__(
        self,
        root: Path,
        pki: Pki,
        *,
        port: int = 0,
        users: dict[str, str] | None = None,
    ) -> None:
        root.mkdir(parents=True, exist_ok=True)
        self.root = root
        config = {
            "host": "127.0.0.1",
            "port": port,
            "provider_mapping": {"/inbox": FilesystemProvider(str(root))},
            "http_authenticator": {
                "domain_controller": None,  # SimpleDomainController
                "accept_basic": True,
                "accept_digest": False,
                "default_to_digest": False,
            },
            "simple_dc": {
                "user_mapping": {
                    "*": {
                        name: {"password": pw} for name, pw in (users or {USER: PASSWORD}).items()
                    }
                }
            },
            "dir_browser": {"enable": False},
            "verbose": 0,
            "logging": {"enable": False},
            "lock_storage": True,
        }
        self.faults = FaultMiddleware(WsgiDAVApp(config))
        self.server = wsgi.Server(("127.0.0.1", port), self.faults, numthreads=4, timeout=5)
        self.server.ssl_adapter = BuiltinSSLAdapter(str(pki.cert_file), str(pki.key_file))
        self.server.prepare()
        self.port = int(self.server.bind_addr[1])
        self._thread = threading.Thread(target=self.server.serve, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}/inbox/"

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(self.root.iterdir()) if p.is_file()}

    def stop(self) -> None:
        self.faults.release.set()
        self.server.stop()
        self._thread.join(timeout=10)


class CuttingProxy:
    """TCP proxy 127.0.0.1:port -> upstream; drops a connection after `cut_after` bytes sent
    by the client (None: never), for at most `max_cuts` connections. `cuts` counts the
    connections it dropped."""

    def __init__(
        self, upstream_port: int, cut_after: int | None = None, max_cuts: int = 1_000_000
    ) -> None:
        self.upstream_port = upstream_port
        self.cut_after = cut_after
        self.max_cuts = max_cuts
        self.cuts = 0
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.2)
        self.port = int(self._listener.getsockname()[1])
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accept_thread = threading.Thread(target=self._accept, daemon=True)
        self._accept_thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=5)
            budget = [self.cut_after if self.cuts < self.max_cuts else None]
            for src, dst, counted in ((client, upstream, True), (upstream, client, False)):
                t = threading.Thread(
                    target=self._pump,
                    args=(src, dst, counted, budget, (client, upstream)),
                    daemon=True,
                )
                t.start()
                self._threads.append(t)

    def _pump(
        self,
        src: socket.socket,
        dst: socket.socket,
        counted: bool,
        budget: list[int | None],
        pair: Iterable[socket.socket],
    ) -> None:
        src.settimeout(10)
        try:
            while not self._stop.is_set():
                data = src.recv(16384)
                if not data:
                    break
                if counted and budget[0] is not None:
                    if len(data) >= budget[0]:
                        dst.sendall(data[: budget[0]])
                        self.cuts += 1
                        break
                    budget[0] -= len(data)
                dst.sendall(data)
        except OSError:
            pass
        for s in pair:
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
            s.close()

    def stop(self) -> None:
        self._stop.set()
        self._listener.close()
        self._accept_thread.join(timeout=5)


def free_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])
