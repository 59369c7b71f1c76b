"""Ways out of the facility for sealed bundles, and back in for the RCO's directory.

A transport delivers opaque bytes under a final file name, never leaving a partial file under
that name, and recognises a bundle that is already there with the same bytes (a re-delivery
after an interrupted run). It can also fetch one file (the signed resource directory) and
answer a cheap reachability probe.

Errors say plainly what happened and how the run should go on (each with a catalog code and
its parameters, coachdesk.i18n.catalog "transport."/"webdav.", worded in the language shown):
- OfflineError: the destination cannot be reached (stick removed, server down); stop the run.
- TransportError: the destination refused every bundle (wrong password, read-only, full);
  stop the run. The bundle goes back to waiting.
- BundleRefusedError: only this bundle was refused (a different file already has its name);
  mark it failed and go on with the next.

Threading: a transport object is used by one thread at a time (the thread running the sync).
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Protocol

from coachdesk.errors import CoachDeskError

# Temporary names start with a dot and end in .part (as every atomic write's): receivers (the
# RCO importer, a person looking at the folder) ignore them; they never match a bundle name.
from coachdesk.files import TEMP_PREFIX, TEMP_SUFFIX
from coachdesk.i18n.catalog import Message

SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


class TransportError(CoachDeskError):
    """The destination refused or failed; nothing more is sent in this run."""

    def __init__(
        self,
        message: str = "",
        *,
        retry_after: float | None = None,
        code: str = "",
        **params: object,
    ) -> None:
        super().__init__(message, code=code, values=params)
        self.retry_after = retry_after


class OfflineError(TransportError):
    """The destination cannot be reached right now (no network, server down, stick removed)."""


class BundleRefusedError(TransportError):
    """This one bundle cannot be delivered; the others may still go."""


class Delivery(StrEnum):
    NEW = "new"  # written now
    ALREADY_THERE = "already_there"  # the same bytes were already under the final name


class Transport(Protocol):
    """What sync needs from a way out. Implementations: FolderTransport, WebDavTransport."""

    @property
    def description(self) -> Message:
        """Where bundles go, worded when shown ("folder /media/usb")."""
        ...

    def probe(self) -> None:
        """Raise OfflineError/TransportError unless the destination is usable now. Cheap."""
        ...

    def deliver(self, file_name: str, data: bytes) -> Delivery:
        """Put `data` under `file_name` atomically; recognise an identical earlier delivery."""
        ...

    def fetch(self, file_name: str, max_bytes: int) -> bytes | None:
        """The file's bytes, or None if there is no such file."""
        ...

    def close(self) -> None:
        """Release connections. The transport may be used again afterwards."""
        ...


def check_file_name(file_name: str) -> str:
    """Refuse names that could escape the destination or hide as temporary files."""
    if not SAFE_NAME.match(file_name) or ".." in file_name or file_name.endswith(TEMP_SUFFIX):
        raise BundleRefusedError(code="transport.unsafe_name", name=repr(file_name))
    return file_name


def temp_name(file_name: str) -> str:
    """The one temporary name a bundle is uploaded under before its rename/MOVE."""
    return f"{TEMP_PREFIX}{file_name}{TEMP_SUFFIX}"
