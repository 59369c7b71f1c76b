"""Start the desktop window. (Placeholder until the window lands: see issue 3.)"""

from __future__ import annotations

import sys


def run_gui(argv: list[str]) -> int:
    print(
        "The CoachDesk window is not built yet. Meanwhile use the command line, e.g.\n"
        "  coachdesk client list VAULT\n  coachdesk --help",
        file=sys.stderr,
    )
    return 1
