"""Setting up the coach's way out: a folder (USB stick, share) or the RCO's WebDAV inbox.

One place for what the command line (`coachdesk sync`, `sync-setup`) and the window's Sync
settings both do: choose the transport, check the RCO's CA certificate file, build the inbox
settings from typed fields (an empty password keeps the stored one), say which proxy will be
used, and try the inbox (PUT and MOVE of a hidden test file).

Threading: `choose_transport`, `stored_settings` and `save` touch the vault (its owning thread);
`check_inbox` only talks to the network (any thread, never with a vault transaction open).
"""

from __future__ import annotations

import ssl
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from coachdesk.errors import CoachDeskError
from coachdesk.exchange import sync
from coachdesk.exchange.transports import OfflineError, Transport
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.exchange.transports.webdav import (
    ProxyMode,
    ProxySettings,
    RetryPolicy,
    WebDavSettings,
    WebDavTransport,
    parse_inbox_url,
)

__all__ = [
    "MAX_CA_BYTES",
    "CheckState",
    "InboxCheck",
    "ProxyMode",
    "ProxySettings",
    "SyncSetupError",
    "WebDavSettings",
    "check_ca_pem",
    "check_inbox",
    "choose_transport",
    "proxy_settings",
    "read_ca_file",
    "route_line",
    "run_check",
    "save",
    "stored_settings",
    "webdav_settings",
]

MAX_CA_BYTES = 256 * 1024
_T = TypeVar("_T", bound=WebDavTransport)


class SyncSetupError(CoachDeskError):
    """Bad setup input, in one plain sentence."""


def choose_transport(
    target: Any,
    folder: Path | str | None = None,
    policy: RetryPolicy | None = None,
    *,
    cancel: sync.Cancel | None = None,
) -> Transport | None:
    """A folder when one is given, else the vault's WebDAV inbox, else None (nothing set up:
    each front end says so in its own words). `cancel`: see sync.configured_transport."""
    if folder is not None:
        return FolderTransport(folder)
    return sync.configured_transport(target, policy, cancel=cancel)


def read_ca_file(path: Path) -> str:
    """The RCO's CA certificate file, checked; its PEM text. Refuses anything else plainly."""
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_CA_BYTES + 1)
    except OSError as exc:
        raise SyncSetupError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    return check_ca_pem(data, path.name)


def check_ca_pem(data: bytes, name: str = "The certificate") -> str:
    """PEM certificates that both cryptography and the TLS layer accept, as text."""
    from cryptography import x509

    if len(data) > MAX_CA_BYTES:
        raise SyncSetupError(f"{name} is too large to be a certificate.")
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise SyncSetupError(f"{name} is not a PEM certificate file.") from None
    if not certificates:
        raise SyncSetupError(f"{name} holds no certificate.")
    text = data.decode("ascii", "replace")
    try:
        ssl.create_default_context(cadata=text)
    except (ssl.SSLError, ValueError):
        raise SyncSetupError(f"{name} cannot be used to check a server's certificate.") from None
    return text


def stored_settings(target: Any) -> WebDavSettings | None:
    """The inbox settings kept in the vault (vault thread)."""
    return sync.webdav_settings(target)


def proxy_settings(
    mode: ProxyMode | str = ProxyMode.SYSTEM,
    url: str = "",
    user: str = "",
    password: str = "",
    kept: ProxySettings | None = None,
) -> ProxySettings:
    """Proxy settings from fields; an empty password keeps the stored one for the same user."""
    try:
        chosen = ProxyMode(mode)
    except ValueError:
        raise SyncSetupError(f"{mode!r} is not a proxy mode (system, manual, direct).") from None
    if chosen == ProxyMode.MANUAL and not url.strip():
        raise SyncSetupError(
            "Give the proxy's address (http://host:port), or choose the system's proxy settings "
            "or a direct connection."
        )
    user = user.strip()
    if user and not password and kept is not None and kept.user == user:
        password = kept.password
    return ProxySettings(chosen, url.strip() if chosen == ProxyMode.MANUAL else "", user, password)


def webdav_settings(
    url: str,
    user: str,
    password: str = "",
    *,
    ca_pem: str | None = None,
    proxy: ProxySettings | None = None,
    kept: WebDavSettings | None = None,
) -> WebDavSettings:
    """Inbox settings from fields. None (or an empty password) keeps what `kept` has."""
    if not password and kept is not None:
        password = kept.password
    if ca_pem is None:
        ca_pem = kept.ca_pem if kept is not None else ""
    if proxy is None:
        proxy = kept.proxy if kept is not None else ProxySettings()
    return WebDavSettings(parse_inbox_url(url).url, user.strip(), password, ca_pem, proxy)


def save(target: Any, settings: WebDavSettings) -> None:
    """Keep the settings (passwords included) inside the vault only (vault thread)."""
    sync.save_webdav_settings(target, settings)


def route_line(settings: WebDavSettings) -> str:
    """Which way connections to the inbox will take, in one sentence."""
    try:
        route = WebDavTransport(settings).proxy
    except CoachDeskError as exc:
        return str(exc)
    if route is None:
        if settings.proxy.mode == ProxyMode.DIRECT:
            return "Connections to the inbox go directly, never through a proxy."
        return "Connections to the inbox go directly (no proxy is set for it)."
    who = " with the proxy user name kept in the vault" if route.user else ""
    return f"Connections to the inbox go through the proxy {route.address}{who} ({route.source})."


class CheckState(StrEnum):
    OK = "ok"
    OFFLINE = "offline"  # not reachable now; sync will try again later
    REFUSED = "refused"  # the server (or proxy) refused: the settings need attention


@dataclass(frozen=True, slots=True)
class InboxCheck:
    state: CheckState
    line: str

    @property
    def ok(self) -> bool:
        return self.state == CheckState.OK


def run_check(make: Callable[[], _T], attempt: Callable[[_T], str]) -> InboxCheck:
    """One setup check on a fresh client: OK with `attempt`'s line, OFFLINE, or REFUSED."""
    client: _T | None = None
    try:
        client = make()
        line = attempt(client)
    except OfflineError as exc:
        return InboxCheck(CheckState.OFFLINE, f"The server cannot be reached just now: {exc}")
    except CoachDeskError as exc:
        return InboxCheck(CheckState.REFUSED, str(exc))
    finally:
        if client is not None:
            client.close()
    return InboxCheck(CheckState.OK, line)


def check_inbox(settings: WebDavSettings, policy: RetryPolicy | None = None) -> InboxCheck:
    """Try the inbox as sync will use it: credentials, then PUT and MOVE of a hidden file."""

    def attempt(transport: WebDavTransport) -> str:
        transport.check()
        return "The server accepted the credentials and a test upload (PUT and MOVE)."

    return run_check(lambda: WebDavTransport(settings, policy), attempt)
