"""What every sub-command shares: secrets from env/file/prompt, opening a vault, output.

Exit codes (a contract scripts rely on): 0 success, 1 user error with a one-line message,
2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any

from coachdesk.core.caseload import Caseload
from coachdesk.errors import CoachDeskError
from coachdesk.storage.vault import Vault

PASSPHRASE_ENV = "COACHDESK_PASSPHRASE"
NEW_PASSPHRASE_ENV = "COACHDESK_NEW_PASSPHRASE"
RECOVERY_ENV = "COACHDESK_RECOVERY_CODE"


class UserError(CoachDeskError):
    """A problem with what the user asked for; printed as one line, exit 1."""


def add_passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"read the passphrase from the first line of FILE (else ${PASSPHRASE_ENV}, "
        "else a prompt)",
    )


def _read_secret_file(path: Path) -> str:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text.") from None
    # Only the line ending goes: spaces are part of a passphrase.
    return text.split("\n", 1)[0].removesuffix("\r")


def _prompt(label: str, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise UserError(f"{label} needed: no terminal to ask on.")
    first = getpass.getpass(f"{label}: ")
    if confirm and getpass.getpass(f"{label} (again): ") != first:
        raise UserError("The two entries do not match.")
    return first


def secret(
    env: str,
    label: str,
    file: Path | None = None,
    *,
    confirm: bool = False,
    env_alternative: str = "",
) -> str:
    """A secret from a file, else the environment, else an interactive prompt."""
    if file is not None:
        return _read_secret_file(file)
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        hint = f"set {env}" + (f" or use {env_alternative}" if env_alternative else "")
        raise UserError(f"{label} needed: {hint}.")
    return _prompt(label, confirm)


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return secret(
        PASSPHRASE_ENV,
        "Passphrase",
        getattr(args, "passphrase_file", None),
        confirm=confirm,
        env_alternative="--passphrase-file",
    )


@contextmanager
def open_caseload(args: argparse.Namespace) -> Iterator[Caseload]:
    """Unlock args.vault for the duration of one command, then lock it again."""
    vault = Vault.open(args.vault, passphrase(args))
    try:
        vault.check_if_due()  # the full check of every page, at most once a day
        yield Caseload(vault)
    finally:
        vault.close()


def jsonable(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: jsonable(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def print_json(value: Any) -> None:
    json.dump(jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


class ProgressBar:
    """A one-line progress bar on a terminal; silent when output is not a terminal."""

    def __init__(self, label: str, stream: Any = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        width = 30
        filled = int(width * done / max(total, 1))
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
