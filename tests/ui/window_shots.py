"""Screenshots of the real coach's window, every page and dialog, at 1366x768 (not a test).

Run under Xvfb from the worktree:
    xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python -m tests.ui.window_shots OUT en|es
The whole screen is saved (what the coach sees: the window where it opened, a dialog over it)
as OUT/<language>-<nn>-<name>.png; also the PDFs the window prints (plan, consent form,
disclosure list) as OUT/<language>-<name>.pdf. Everything shown is synthetic; the vault, the
settings and HOME live in a temporary folder removed at the end.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TMP = Path(tempfile.mkdtemp(prefix="coachdesk-shots-"))
os.environ["HOME"] = str(TMP / "home")
os.environ["XDG_CONFIG_HOME"] = str(TMP / "home" / ".config")
os.environ["XDG_DATA_HOME"] = str(TMP / "home" / ".local" / "share")
os.environ["XDG_DOCUMENTS_DIR"] = str(TMP / "home" / "Documents")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget  # noqa: E402

from coachdesk.app import settings as opts  # noqa: E402
from coachdesk.app import translations  # noqa: E402
from coachdesk.app.bootstrap import create_app  # noqa: E402
from coachdesk.app.settings import Settings  # noqa: E402
from coachdesk.app.worker import Database  # noqa: E402
from coachdesk.crypto import kdf  # noqa: E402
from coachdesk.storage.vault import Vault  # noqa: E402

PASSPHRASE = "correct horse battery staple"
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


class Shooter:
    def __init__(self, out: Path, language: str) -> None:
        self.out, self.language, self.n = out, language, 0

    def settle(self, ms: int = 150) -> None:
        app = QApplication.instance()
        assert app is not None
        for _ in range(4):
            QApplication.processEvents()
            QTest.qWait(ms // 4)

    def shot(self, name: str) -> None:
        self.settle()
        screen = QApplication.primaryScreen()
        self.n += 1
        path = self.out / f"{self.language}-{self.n:02d}-{name}.png"
        screen.grabWindow(0).save(str(path))
        print(path)


def key(widget: QWidget | None, k: Qt.Key) -> None:
    target = widget or QApplication.focusWidget()
    assert target is not None
    QTest.keyClick(target, k)


def top_dialog() -> QDialog | None:
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    return shown[-1] if shown else None


def main() -> int:
    out, language = Path(sys.argv[1]), sys.argv[2]
    out.mkdir(parents=True, exist_ok=True)
    create_app(sys.argv[:1])
    from coachdesk.ui.main_window import PAGE_TODAY, MainWindow
    from coachdesk.ui.workspace import TAB_KEYS
    from tests.ui.window_pages import every_page, seed_record

    s = Shooter(out, language)
    settings = Settings(TMP / "settings.ini")
    settings.set(opts.VAULTS_DIR, str(TMP / "vaults"))
    settings.set(opts.LANGUAGE, language)
    translations.install(language)

    # First run: no vault yet, then the New vault dialog with a passphrase typed and shown.
    window = MainWindow(settings, Database(kdf_params=kdf.minimum_params()))
    window.show()
    window.activateWindow()
    s.shot("first-run")
    window.create_vault()
    dialog = window.create_dialog
    assert dialog is not None
    s.settle()
    QTest.keyClicks(dialog.passphrase, "Short")
    s.shot("new-vault")
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_T, ALT)  # (es) Mos&trar / (en) Sho&w
    QTest.keyClick(dialog.passphrase, Qt.Key.Key_W, ALT)
    s.shot("new-vault-shown")
    dialog.reject()
    window.close()

    folder = TMP / "vaults" / "river-coach"
    folder.parent.mkdir(parents=True, exist_ok=True)
    vault, _code = Vault.create(folder, PASSPHRASE, params=kdf.minimum_params())
    vault.close()
    cid = seed_record(folder)
    window = MainWindow(settings, Database(kdf_params=kdf.minimum_params()))
    window.show()
    window.activateWindow()
    s.settle()
    page = window.unlock_page
    page.passphrase.setFocus()
    QTest.keyClicks(page.passphrase, "CORRECT")
    s.shot("unlock-caps")
    page.passphrase.clear()
    QTest.keyClicks(page.passphrase, PASSPHRASE)
    key(page.passphrase, Qt.Key.Key_Return)
    for _ in range(100):
        if window.stack.currentWidget() is window.shell and not window.db.busy:
            break
        s.settle(100)

    class Bot:  # what every_page needs of a QtBot
        def waitUntil(self, fn: Callable[[], object], timeout: int = 5000) -> None:
            for _ in range(timeout // 50):
                if fn():
                    return
                s.settle(50)

        def wait(self, ms: int) -> None:
            s.settle(ms)

    for name in every_page(Bot(), window, cid):  # type: ignore[arg-type]
        s.shot(f"page-{name}")

    # Dialogs, each opened as the coach opens it, shot, and closed.
    def dialog_shot(name: str, opener: Callable[[], object]) -> QDialog | None:
        opener()
        s.settle(300)
        shown = top_dialog()
        s.shot(f"dialog-{name}")
        return shown

    def close(d: QDialog | None) -> None:
        if d is not None:
            d.reject()
        s.settle()

    close(dialog_shot("add-client", window.add_client))
    close(dialog_shot("settings", window.open_settings))
    from coachdesk.ui import vault_dialogs

    here = lambda: folder  # noqa: E731
    close(dialog_shot("change-passphrase", lambda: vault_dialogs.change_passphrase(window, here)))
    recover = vault_dialogs.unlock_with_recovery_code
    close(dialog_shot("recovery-unlock", lambda: recover(window, here)))
    ws = window.workspace
    window.open_client(cid)
    s.settle(300)
    close(dialog_shot("edit-client", ws.edit_client))
    ws.tabs.setCurrentIndex(TAB_KEYS.index("plan"))
    d = dialog_shot("print-plan", window.print_plan)
    if d is not None:
        recipient = getattr(d, "recipient", None)
        if recipient is not None:
            recipient.setText("Drug court coordinator")
            s.shot("dialog-print-plan-recipient")
        close(d)
    window.go(PAGE_TODAY)
    s.settle(300)
    today = window.today_page
    today.due.setFocus()
    close(dialog_shot("today-later", today.snooze))
    window.resources_page.search.clear()
    s.settle(300)
    close(dialog_shot("add-resource", getattr(window.resources_page, "add_resource", lambda: None)))

    # The printed PDFs, saved through the window's own path (the save dialog answered here).
    def save_as(path: Path) -> None:
        QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: (str(path), "")
        )

    window.open_client(cid)
    s.settle(300)
    consents = ws.consent_list._consents
    if consents:
        save_as(out / f"{language}-consent-form.pdf")
        ws._print_consent(consents[0])
        s.settle(1500)
    save_as(out / f"{language}-disclosures.pdf")
    ws._print_disclosures()
    s.settle(1500)
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
