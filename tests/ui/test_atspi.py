"""The window's accessibility tree read over AT-SPI, the way Orca reads it (issue 17).

The real window runs in this venv's Python under Xvfb (the xcb platform, not offscreen: only
a real window is on the accessibility bus) inside its own D-Bus session (dbus-run-session),
with Qt's AT-SPI bridge on (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1). On every page
(tests/ui/window_pages.py every_page, plus the lock screen) Debian's pyatspi, in the system
python3, reads the tree from the bus (tests/ui/atspi_reader.py): no interactive node on screen
without a name, the line edits' clear buttons included, and every combo box labelled by its
caption, not by its value. English and Spanish.

Needs the Debian packages at-spi2-core, python3-pyatspi, dbus-daemon and xvfb
(.ci/apt-packages.txt; .ci/setup installs them); skipped, saying which is missing, without.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.app.settings import Settings
from tests.ui.window_pages import seed_record

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = os.environ.get("COACHDESK_ATSPI_PYTHON", "/usr/bin/python3")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")


def _missing() -> list[str]:
    missing = []
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi2-core")
    pyatspi = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    ) if Path(SYSTEM_PYTHON).exists() else None  # fmt: skip
    if pyatspi is None or pyatspi.returncode != 0:
        missing.append("python3-pyatspi")
    if shutil.which("dbus-run-session") is None:
        missing.append("dbus-daemon")
    if shutil.which("xvfb-run") is None:
        missing.append("xvfb")
    return missing


MISSING = _missing()
pytestmark = pytest.mark.skipif(
    bool(MISSING),
    reason="the AT-SPI test needs the Debian packages "
    + ", ".join(MISSING)
    + " (listed in .ci/apt-packages.txt; .ci/setup installs them as root)",
)

# Start the accessibility bus before the window, as a desktop session does: Qt's bridge asks
# for the bus when the application starts and does not wait for it to be activated.
SESSION = f"""
{BUS_LAUNCHER} --launch-immediately &
launcher=$!
sleep 1
"$@"
status=$?
kill $launcher 2>/dev/null
exit $status
"""


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "es"])
def test_orca_finds_a_name_for_every_control_on_every_page(
    coach_vault: Path, settings: Settings, tmp_path: Path, language: str
) -> None:
    client_id = seed_record(coach_vault)
    settings._qs.sync()  # the child process reads the same INI file
    out = tmp_path / "atspi.json"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        "QT_ACCESSIBILITY": "1",
        "PYTHONPATH": str(REPO),
        "COACHDESK_ATSPI_PYTHON": SYSTEM_PYTHON,
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # our own session bus, not the caller's
    walk = [sys.executable, "-m", "tests.ui.atspi_walk"]
    args = [str(settings.path), str(client_id), language, str(out)]
    result = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
         "bash", "-c", SESSION, "session", *walk, *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert result.returncode == 0 and out.exists(), result.stderr[-3000:]
    pages = json.loads(out.read_text(encoding="utf-8"))
    assert "unlock" in pages and "notes-writing" in pages and "audit" in pages
    for page, answer in pages.items():
        assert answer["found"], f"{page}: the window is not on the accessibility bus"
        assert answer["nodes"] > 20, f"{page}: only {answer['nodes']} nodes read"
    problems = {page: answer["problems"] for page, answer in pages.items() if answer["problems"]}
    assert problems == {}, "\n".join(f"{page}: {p}" for page, ps in problems.items() for p in ps)


# A window with what the test must catch: a combo box with no caption (Orca would say only
# "Red, combo box"), a clear button with no name, a button with no text.
PROBE = """
import os, subprocess, sys, time
from PySide6.QtWidgets import (
    QApplication, QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget)
app = QApplication([])
w = QWidget(); f = QFormLayout(w)
named = QComboBox(); named.addItems(["Apples", "Pears"]); caption = QLabel("&Fruit:")
caption.setBuddy(named); f.addRow(caption, named)
bare = QComboBox(); bare.addItems(["Red", "Blue"]); bare.setAccessibleName("Colour")
f.addRow(bare)
edit = QLineEdit("x"); edit.setAccessibleName("Search"); edit.setClearButtonEnabled(True)
f.addRow(edit)
f.addRow(QPushButton(""))
w.show()
end = time.monotonic() + 1
while time.monotonic() < end: app.processEvents()
reader = subprocess.Popen(
    [sys.argv[1], sys.argv[2], str(os.getpid())], stdout=subprocess.PIPE, text=True)
while reader.poll() is None: app.processEvents(); time.sleep(0.005)
print(reader.stdout.read())
"""


def test_the_reader_catches_what_orca_would_not_name(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    reader = str(REPO / "tests" / "ui" / "atspi_reader.py")
    result = subprocess.run(
        ["dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
         "bash", "-c", SESSION, "session", sys.executable, "-c", PROBE, SYSTEM_PYTHON, reader],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["found"]
    problems = answer["problems"]
    # The accessible name "Colour" is not what AT-SPI gives a combo box on Linux: its value is.
    assert any("combo box named only by its value" in p and "'Red'" in p for p in problems)
    assert not any("'Apples'" in p for p in problems)  # labelled by "Fruit:"
    assert any(p.startswith("no name:") and "text 'Search' > push button ''" in p for p in problems)
    assert len([p for p in problems if p.startswith("no name:")]) == 2  # + the empty button
