"""Argument parsing and dispatch for `coachdesk ...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from coachdesk import __version__
from coachdesk.cli import (
    caseload_cmds,
    export_cmds,
    plan_cmds,
    rco_cmds,
    sync_cmds,
    vault_cmds,
)
from coachdesk.errors import CoachDeskError

# Each module adds its sub-commands with register(subparsers), in this order in --help.
# Imported by name (not discovered) so frozen builds see them; a unit test checks that every
# coachdesk/cli/*_cmds.py module is listed here.
COMMAND_MODULES: tuple[ModuleType, ...] = (
    vault_cmds,
    caseload_cmds,
    plan_cmds,
    export_cmds,
    sync_cmds,
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
    try:
        return int(args.func(args))
    except CoachDeskError as exc:
        print(f"coachdesk: {exc}", file=sys.stderr)
        return 1
    except argparse.ArgumentTypeError as exc:
        parser.error(str(exc))
    except KeyboardInterrupt:
        print("coachdesk: interrupted; nothing more was written.", file=sys.stderr)
        return 1
    except Exception as exc:
        print(
            f"coachdesk: internal error ({type(exc).__name__}). Nothing more was written; "
            "please report this.",
            file=sys.stderr,
        )
        return 1
    return 1
