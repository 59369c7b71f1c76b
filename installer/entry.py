"""Entry script of the frozen CoachDesk: PyInstaller runs this file as __main__.

Kept outside the package so the bundle imports `coachdesk` as a normal package (relative
resources, migrations) rather than running coachdesk/__main__.py as a loose script.
"""

from __future__ import annotations

import sys

from coachdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
