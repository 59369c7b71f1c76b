"""The real window on a real vault under Xvfb, its accessibility bridge on (run by
tests/ui/test_atspi.py inside dbus-run-session): shows every page in turn and, while each is
shown, has tests/ui/atspi_reader.py (the system python3 with pyatspi) read the tree over
AT-SPI. Writes {page: reader's answer} as JSON to argv[4].

    python -m tests.ui.atspi_walk SETTINGS_INI CLIENT_ID LANGUAGE OUT_JSON
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication

from coachdesk.app import translations
from coachdesk.app.bootstrap import create_app
from coachdesk.app.settings import Settings
from coachdesk.app.worker import Database
from coachdesk.crypto import kdf
from coachdesk.ui.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.ui.window_pages import every_page

READER = Path(__file__).with_name("atspi_reader.py")
SYSTEM_PYTHON = os.environ.get("COACHDESK_ATSPI_PYTHON", "/usr/bin/python3")


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


class Waiter:
    """The two qtbot calls every_page() makes, without pytest."""

    def waitUntil(self, condition: Callable[[], bool], timeout: int = 5_000) -> None:
        end = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there in time")
            pump(0.02)

    def wait(self, ms: int) -> None:
        pump(ms / 1000)


def read_tree() -> dict[str, object]:
    """The reader's answer for this process; the window keeps answering AT-SPI meanwhile
    (the bridge runs on the GUI thread, so the events must keep flowing)."""
    reader = subprocess.Popen(
        [SYSTEM_PYTHON, str(READER), str(os.getpid())],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")},
    )
    end = time.monotonic() + 120
    while reader.poll() is None:
        if time.monotonic() > end:
            reader.kill()
            raise TimeoutError("the AT-SPI reader did not finish")
        pump(0.01)
    out, err = reader.communicate()
    if reader.returncode != 0:
        return {"found": False, "nodes": 0, "problems": [f"reader failed: {err.strip()}"]}
    answer: dict[str, object] = json.loads(out)
    return answer


def main() -> int:
    settings_path, client_id, language, out = sys.argv[1:5]
    create_app()
    translations.install(language)
    db = Database(kdf_params=kdf.minimum_params())
    window = MainWindow(Settings(Path(settings_path)), db)
    db.setParent(window)
    window.resize(1366, 700)
    window.show()
    window.activateWindow()
    pump(1.0)
    pages: dict[str, object] = {"unlock": read_tree()}
    window.unlock_page.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock_button.click()
    waiter = Waiter()
    waiter.waitUntil(lambda: window.stack.currentWidget() is window.shell, 20_000)
    waiter.waitUntil(lambda: not db.busy, 20_000)
    for page in every_page(waiter, window, int(client_id)):  # type: ignore[arg-type]
        pump(0.3)
        pages[page] = read_tree()
    Path(out).write_text(json.dumps(pages, ensure_ascii=False, indent=1), encoding="utf-8")
    window.lock("shortcut")
    pump(0.5)
    db.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
