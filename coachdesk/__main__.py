"""`coachdesk` / `python -m coachdesk`: the window without arguments, the CLI with them."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0].startswith("--demo") or args[0] == "--vault-dir":
        from coachdesk.app.bootstrap import run_gui

        return run_gui(args)
    from coachdesk.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
