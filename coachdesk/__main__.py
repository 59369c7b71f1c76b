"""`coachdesk` / `python -m coachdesk`: the window without arguments, the CLI with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def _require_encryption() -> None:
    """Refuse to start where SQLCipher 4 is missing: records must never be written unencrypted
    (a frozen build that lost its sqlcipher3 extension, a broken install). Main thread."""
    try:
        from coachdesk.cli.selftest import check_sqlcipher

        check_sqlcipher()
    except Exception as exc:
        print(
            "coachdesk: encryption (SQLCipher 4) is not available in this installation "
            f"({type(exc).__name__}). CoachDesk will not run without it; please reinstall.",
            file=sys.stderr,
        )
        raise SystemExit(1) from None


# Options of the window (coachdesk/app/bootstrap.py); anything else goes to the command line.
GUI_OPTIONS = ("--demo", "--vault-dir", "--lang", "--quit-when-shown")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _require_encryption()
    if not args or args[0].split("=", 1)[0] in GUI_OPTIONS:
        from coachdesk.app.bootstrap import run_gui

        return run_gui(args)
    from coachdesk.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
