"""Argument parsing and dispatch for `coachdesk ...`."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from coachdesk import __version__
from coachdesk.cli import (
    caseload_cmds,
    export_cmds,
    handoff_cmds,
    plan_cmds,
    rco_cmds,
    suggest_cmds,
    sync_cmds,
    vault_cmds,
)
from coachdesk.cli.common import cli_language
from coachdesk.errors import CoachDeskError
from coachdesk.i18n import catalog

# Each module adds its sub-commands with register(subparsers), in this order in --help.
# Imported by name (not discovered) so frozen builds see them; a unit test checks that every
# coachdesk/cli/*_cmds.py module is listed here.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    vault_cmds,
    caseload_cmds,
    plan_cmds,
    export_cmds,
    sync_cmds,
    handoff_cmds,
    suggest_cmds,
    rco_cmds,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coachdesk",
        description="CoachDesk: encrypted records for recovery coaches. "
        "Run without arguments to open the window.",
    )
    parser.add_argument("--version", action="version", version=f"coachdesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check encryption, crypto, fonts and Qt; print JSON",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from coachdesk.cli import selftest

        return selftest.run()
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    lang = cli_language()
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        return _closed_pipe()
    except CoachDeskError as exc:
        print(f"coachdesk: {error_line(exc, lang)}", file=sys.stderr)
        return 1
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    except KeyboardInterrupt:
        print(f"coachdesk: {catalog.text('cli.interrupted', lang)}", file=sys.stderr)
        return 1
    except Exception as exc:
        kind = type(exc).__name__
        print(f"coachdesk: {catalog.text('cli.internal', lang, kind=kind)}", file=sys.stderr)
        return 1
    return 1


def error_line(exc: CoachDeskError, lang: str = "en") -> str:
    """The use case's message in `lang`, plus what to type when the CLI has a hint for it."""
    line = catalog.describe(exc, lang)
    hint = f"cli.hint.{exc.code}"
    return f"{line} {catalog.text(hint, lang)}" if catalog.has(hint) else line


SIGPIPE_EXIT = 141  # 128 + SIGPIPE, what a shell reports for a reader that went away


def _closed_pipe() -> int:
    """The reader closed the pipe (`coachdesk client list ... | head`): stop quietly. Output
    still buffered goes to /dev/null so the interpreter's last flush does not complain."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return SIGPIPE_EXIT
