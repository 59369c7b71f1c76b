"""ARCHITECTURE.md rule 1: nothing outside app/ and ui/ imports Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import coachdesk
from tests.conftest import REPO

HEADLESS = ["core", "storage", "crypto", "exchange", "reports", "cli"]


def test_headless_packages_import_with_qt_blocked() -> None:
    modules = ["coachdesk", "coachdesk.errors", "coachdesk.files", "coachdesk.resources"]
    for package in HEADLESS:
        modules.append(f"coachdesk.{package}")
        path = [str(REPO / "coachdesk" / package)]
        modules += [f"coachdesk.{package}.{m.name}" for m in pkgutil.iter_modules(path)]
    script = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.') or name == 'shiboken6':\n"
        "            raise ImportError('Qt is blocked in headless packages: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import importlib\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print(len([m for m in sys.modules if m.startswith('coachdesk')]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= len(modules) - 1
    assert coachdesk.__version__
