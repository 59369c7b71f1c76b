"""`coachdesk` / `python -m coachdesk`: the window without arguments, the CLI with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def encryption_missing(error: BaseException) -> str:
    return (
        "coachdesk: encryption (SQLCipher 4) is not available in this installation "
        f"({type(error).__name__}). CoachDesk will not run without it; please reinstall."
    )


def _sqlcipher_present() -> None:
    """That the sqlcipher3 package and its compiled extension are installed, without loading
    them (a fraction of a millisecond). Raises ImportError if not."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from importlib.util import find_spec
    from pathlib import Path

    spec = find_spec("sqlcipher3")
    folders = (spec.submodule_search_locations or []) if spec else []
    if not any((Path(f) / f"_sqlite3{x}").is_file() for f in folders for x in EXTENSION_SUFFIXES):
        raise ImportError("sqlcipher3 or its extension is missing")


def _require_encryption(*, window: bool = False) -> None:
    """Refuse to start where SQLCipher 4 is missing: records must never be written unencrypted
    (a frozen build that lost its sqlcipher3 extension, a broken install). Main thread.
    `window`: only that it is installed; the window proves it works (SQLCipher 4, FTS5) behind
    its lock screen, before anything can open a vault (app/startup.py; issue 18)."""
    try:
        if window:
            _sqlcipher_present()
        else:
            from coachdesk.cli.selftest import check_sqlcipher

            check_sqlcipher()
    except Exception as exc:
        print(encryption_missing(exc), file=sys.stderr)
        raise SystemExit(1) from None


def _encryption_problem() -> str | None:
    """The window's full SQLCipher check, run behind its lock screen: why not, or None."""
    from coachdesk.cli.selftest import check_sqlcipher

    try:
        check_sqlcipher()
    except Exception as exc:
        return encryption_missing(exc)
    return None


# Options of the window (coachdesk/app/bootstrap.py); anything else goes to the command line.
GUI_OPTIONS = ("--demo", "--vault-dir", "--lang", "--quit-when-shown")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].split("=", 1)[0] in GUI_OPTIONS:
        from coachdesk.app.bootstrap import run_gui

        _require_encryption(window=True)
        return run_gui(args, _encryption_problem)
    _require_encryption()
    from coachdesk.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
