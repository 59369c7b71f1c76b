"""Atomic, private file writes (docs/architecture.md rule 5).

Every file CoachDesk writes goes: temp file in the target folder -> 0600 before any data ->
write -> fsync -> os.replace -> fsync of the folder. A crash leaves either the old file or the
new one, never half of one; a failure removes the temp file and raises StorageFullError or
CoachDeskError with a plain message.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from coachdesk.errors import CoachDeskError, StorageFullError

TEMP_PREFIX = "."  # hidden: file pickers and the RCO importer skip it
TEMP_SUFFIX = ".part"


def explain_os_error(exc: OSError, target: Path) -> CoachDeskError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return StorageFullError(code="file.no_space", name=target.name)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return CoachDeskError(code="file.may_not_write", folder=str(target.parent))
    if exc.errno == errno.ENOENT:
        return CoachDeskError(code="file.folder_missing", folder=str(target.parent))
    return CoachDeskError(code="file.not_saved", name=target.name, reason=exc.strerror or str(exc))


def fsync_dir(folder: Path) -> None:
    """Make a rename durable. Not possible on Windows, where it is skipped."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_leftover_temps(folder: Path, abandoned: Callable[[str], bool]) -> None:
    """Remove temp files that a killed write left in `folder`, for the target names that
    `abandoned(name)` says no running write can still own. A folder or file that cannot be
    touched is left alone: the next write there fails with the plain message."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX):
            # ".{target}.{token}.part" -> target
            target = name[len(TEMP_PREFIX) : -len(TEMP_SUFFIX)].rsplit(".", 1)[0]
            if abandoned(target):
                with suppress(OSError):
                    (folder / name).unlink()


class StagedFile:
    """A file written, chmod 0600 and fsynced under a hidden temp name in its target folder,
    that takes its real name only at `publish()`.

    For a file that a transaction records: stage it inside the transaction, publish it after the
    commit. A crash in between leaves a hidden temp file, never a finished-looking file that
    was never recorded.
    """

    def __init__(self, target: Path, temp: Path) -> None:
        self.target = target
        self.temp = temp

    @classmethod
    def write(cls, target: Path | str, produce: Callable[[BinaryIO], None]) -> StagedFile:
        target = Path(target)
        temp = target.with_name(f"{TEMP_PREFIX}{target.name}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
        try:
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600
            )
        except OSError as exc:
            raise explain_os_error(exc, target) from None
        try:
            with os.fdopen(fd, "wb") as stream:
                produce(stream)
                stream.flush()
                os.fsync(stream.fileno())
        except OSError as exc:
            temp.unlink(missing_ok=True)
            raise explain_os_error(exc, target) from None
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        return cls(target, temp)

    def publish(self) -> Path:
        try:
            os.replace(self.temp, self.target)
            fsync_dir(self.target.parent)
        except OSError as exc:
            self.discard()
            raise explain_os_error(exc, self.target) from None
        return self.target

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


def write_atomic_with(target: Path | str, produce: Callable[[BinaryIO], None]) -> Path:
    """Write `target` atomically with `produce(stream)` filling a private temp file."""
    return StagedFile.write(target, produce).publish()


def stage_bytes(target: Path | str, data: bytes) -> StagedFile:
    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    return StagedFile.write(target, produce)


def write_atomic(target: Path | str, data: bytes) -> Path:
    return stage_bytes(target, data).publish()
