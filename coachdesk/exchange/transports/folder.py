"""Folder transport: a USB stick, a mapped network share, or a cloud-synced folder.

Bundles are written with a temporary name in the target folder, fsynced and renamed
(coachdesk.files.write_atomic_with), so a pulled stick or a killed process never leaves a
partial file under a bundle's final name. The RCO's directory is read from the folder's root.

Threading: any thread; a FolderTransport holds no open resources.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import BinaryIO

from coachdesk.errors import CoachDeskError, StorageFullError
from coachdesk.exchange.transports import (
    BundleRefusedError,
    Delivery,
    OfflineError,
    TransportError,
    check_file_name,
)
from coachdesk.files import remove_leftover_temps, write_atomic_with
from coachdesk.i18n.catalog import Message, message_of

_CHUNK = 1024 * 1024


class FolderTransport:
    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    @property
    def description(self) -> Message:
        return Message("sync.destination.folder", {"path": str(self.folder)})

    def _offline(self) -> OfflineError:
        return OfflineError(code="transport.folder.offline", path=str(self.folder))

    def probe(self) -> None:
        if not self.folder.is_dir():
            raise self._offline()
        if not os.access(self.folder, os.W_OK):
            raise TransportError(code="transport.folder.read_only", path=str(self.folder))

    def deliver(self, file_name: str, data: bytes) -> Delivery:
        target = self.folder / check_file_name(file_name)
        if not self.folder.is_dir():
            raise self._offline()
        try:
            existing = _read_at_most(target, len(data) + 1)
        except OSError as exc:
            raise self._explain(exc) from None
        if existing is not None:
            if existing == data:
                return Delivery.ALREADY_THERE
            raise BundleRefusedError(
                code="transport.folder.different_file", name=file_name, path=str(self.folder)
            )
        # Temp files of this bundle left by a killed run (only ours: the same bundle name).
        remove_leftover_temps(self.folder, lambda target: target == file_name)

        def produce(stream: BinaryIO) -> None:
            for start in range(0, len(data), _CHUNK):
                stream.write(data[start : start + _CHUNK])

        try:
            write_atomic_with(target, produce)
        except StorageFullError:
            raise TransportError(
                code="transport.folder.full", path=str(self.folder), name=file_name
            ) from None
        except CoachDeskError as exc:
            if not self.folder.is_dir():
                raise self._offline() from None
            raise TransportError(
                code="transport.folder.write_failed", reason=message_of(exc)
            ) from None
        return Delivery.NEW

    def fetch(self, file_name: str, max_bytes: int) -> bytes | None:
        if not self.folder.is_dir():
            raise self._offline()
        try:
            return _read_at_most(self.folder / check_file_name(file_name), max_bytes + 1)
        except OSError as exc:
            raise self._explain(exc) from None

    def close(self) -> None:
        return None

    def _explain(self, exc: OSError) -> TransportError:
        if exc.errno in (errno.ENOENT, errno.ENODEV, errno.EIO, errno.ENXIO):
            return self._offline()
        if exc.errno in (errno.EACCES, errno.EPERM):
            return TransportError(code="transport.folder.no_access", path=str(self.folder))
        return TransportError(
            code="transport.folder.unusable", path=str(self.folder), reason=exc.strerror or str(exc)
        )


def _read_at_most(path: Path, limit: int) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read(limit)
    except FileNotFoundError:
        return None
