"""The main window: the lock screen, and once unlocked Today, Clients, Resources and the client
workspace, with menus and shortcuts for every action.

Locking (Ctrl+L, idle, screen lock/suspend, or before a restore) keeps unsaved edits as drafts
in the vault, closes every dialog, clears every model, closes the vault on the worker (which
zeroes the key) and shows the lock screen; unlocking returns to the same page, client and tab.

Built once: menus and shortcuts are registered by name in `self.menus` (ui/menus.py; the Sync
menu of ui/exchange.py registers itself there) and never added again. A Settings save applies
idle minutes and language; a language change arrives as QEvent.LanguageChange and is applied
in place (`retranslate`: menus, actions, navigation, Today and Clients), only the lock screen,
Resources and the workspace are made again (their forms have no retranslate methods yet).
Pages refresh from what writes report they changed (`Database.changed`,
coachdesk/application/changes.py).

Threading: GUI thread only; all vault work goes through `Database`, network work through the
exchange controller's own thread.
"""

from __future__ import annotations

import sys
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from coachdesk.app import paths, privacy, translations
from coachdesk.app import settings as opts
from coachdesk.app.idle import Clock, IdleLock
from coachdesk.app.restore import restore_backup
from coachdesk.app.settings import Settings
from coachdesk.app.worker import Created, Database
from coachdesk.application.changes import CLIENT_LIST, REMINDERS, RESOURCES, Changes, Kind
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import Client
from coachdesk.core.reminders import TodayPage as TodayData
from coachdesk.errors import CoachDeskError, LockoutError, WrongPassphraseError
from coachdesk.files import explain_os_error
from coachdesk.i18n import catalog
from coachdesk.resources import resource
from coachdesk.ui import vault_dialogs
from coachdesk.ui.clients import ClientsPage
from coachdesk.ui.common import (
    name_clear_buttons,
    named,
    plural,
    show_error,
)
from coachdesk.ui.exchange import install as install_exchange
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.handoff import install as install_handoffs
from coachdesk.ui.menus import MenuRegistry
from coachdesk.ui.plain import place_window
from coachdesk.ui.resources_page import ResourcesPage
from coachdesk.ui.settings_dialog import SettingsDialog
from coachdesk.ui.today import NEW_CONSENT, TodayPage
from coachdesk.ui.unlock import CreateVaultDialog, RecoveryCodeDialog, UnlockPage
from coachdesk.ui.workspace import (
    CLIENT_DRAFT,
    CLIENT_DRAFT_KINDS,
    TAB_KEYS,
    ClientWorkspace,
    EditClientDialog,
    restore_draft,
)

PAGE_TODAY, PAGE_CLIENTS, PAGE_RESOURCES, PAGE_WORKSPACE = range(4)
RECENT_MAX = 8


class MainWindow(QMainWindow):
    unlock_page: UnlockPage
    today_page: TodayPage
    clients_page: ClientsPage
    resources_page: ResourcesPage
    workspace: ClientWorkspace

    def __init__(
        self,
        settings: Settings,
        db: Database | None = None,
        *,
        clock: Clock | None = None,
        idle_check_ms: int = 30_000,
        today: date | None = None,
        unlock_page: UnlockPage | None = None,
    ) -> None:
        """`unlock_page`: the lock screen the start-up painted before this window's modules
        loaded (app/bootstrap.py); it is adopted as it is, with what the coach typed."""
        super().__init__()
        self._adopted = unlock_page
        self.settings = settings
        self.db = db or Database(self, today=today)
        self.today = today
        self.vault_path: Path | None = None
        self.recent: list[int] = []  # client ids only; names are fetched while unlocked
        self._resume: tuple[int, int | None, int] | None = None  # page, client id, tab
        self._blank_client: dict[str, Any] = {}  # an empty add-client form's draft
        idle_args = {"clock": clock} if clock is not None else {}
        self.idle = IdleLock(
            settings.get(opts.IDLE_MINUTES),
            parent=self,
            max_interval_ms=idle_check_ms,
            **idle_args,
        )
        self.idle.idle.connect(lambda: self.lock("idle"))
        self.idle.platform_lock.connect(self.lock)
        self.db.error.connect(lambda message: show_error(self, message))
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(400)
        self._busy_timer.timeout.connect(self._show_busy)
        self.db.busy_changed.connect(self._busy)
        self.db.changed.connect(self._changed)
        self.db.integrity_failed.connect(self._integrity_failed)
        self.setWindowIcon(QIcon(str(resource("icons", "coachdesk.svg"))))
        place_window(self, settings.get(opts.GEOMETRY))
        self.menus = MenuRegistry(self)
        self._language = ""
        self._retranslate_timer = QTimer(self)
        self._retranslate_timer.setSingleShot(True)
        self._retranslate_timer.setInterval(0)
        self._retranslate_timer.timeout.connect(self.retranslate)
        self._build_ui()
        if unlock_page is None:
            self.show_lock_screen()
        else:  # already filled and focused, perhaps typed into: leave it so
            self.stack.setCurrentWidget(self.unlock_page)
            self._update_actions()
        # Enrollment, export, the sync indicator and background sync (issues 5 and 6).
        self.exchange = install_exchange(self)
        self.handoffs = install_handoffs(self)  # issue 19: Client > Hand off…, Incoming

    # -- building --------------------------------------------------------------------------

    def _build_ui(self) -> None:
        """Create the frame once: lock screen, navigation, pages, menus and shortcuts. A
        language change retranslates them in place (`retranslate`); nothing is added twice."""
        self.stack = QStackedWidget()
        self.shell = QWidget()
        shell_layout = QHBoxLayout(self.shell)
        shell_layout.setContentsMargins(0, 0, 0, 0)
        shell_layout.setSpacing(0)
        self.nav = named(QListWidget(), "")
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(190)
        for _ in range(4):
            self.nav.addItem("")
        self.pages = QStackedWidget()
        shell_layout.addWidget(self.nav)
        shell_layout.addWidget(self.pages, 1)
        self.nav.currentRowChanged.connect(self._page_changed)
        self._make_pages()
        self.stack.addWidget(self.shell)
        self.setCentralWidget(self.stack)
        self._build_menus()
        self.busy_label = QLabel("")
        self.statusBar().addPermanentWidget(self.busy_label)
        self._retranslate_frame()

    def _make_pages(self) -> None:
        """Today and Clients once (they retranslate themselves on LanguageChange); the lock
        screen, Resources and the client workspace are made again on a language change (the
        forms they compose have no retranslate methods yet): they hold no window shortcut or
        menu, and the coach's place and unsaved edits are carried over (see `retranslate`)."""
        first = not hasattr(self, "workspace")
        old: list[QWidget] = [] if first else list(self._renewed_pages())
        showing_lock = first or self.stack.currentWidget() is self.unlock_page
        shown = self.pages.currentIndex()
        if first:
            self.today_page = TodayPage(self.db)
            self.clients_page = ClientsPage(self.db)
            self.today_page.open_client.connect(self.open_client)
            self.today_page.open_client_at.connect(self._open_client_at)
            self.today_page.status.connect(lambda m: self.statusBar().showMessage(m, 4000))
            self.today_page.refresh_requested.connect(self.refresh_today)
            self.clients_page.open_client.connect(self.open_client)
            self.clients_page.add_client.connect(self.add_client)
        self.unlock_page = self._adopted or UnlockPage()
        self._adopted = None
        self.unlock_page.unlock_requested.connect(self._unlock)
        self.unlock_page.create_requested.connect(self.create_vault)
        self.resources_page = ResourcesPage(self.db)
        self.workspace = ClientWorkspace(self.db)
        self.workspace.saved.connect(lambda m: self.statusBar().showMessage(m, 4000))
        self.workspace.loaded.connect(self._client_loaded)
        self.stack.insertWidget(0, self.unlock_page)
        if showing_lock:
            self.stack.setCurrentWidget(self.unlock_page)
        self.pages.blockSignals(True)
        for index, page in enumerate(
            (self.today_page, self.clients_page, self.resources_page, self.workspace)
        ):
            if self.pages.indexOf(page) < 0:
                self.pages.insertWidget(index, page)
        for widget in old:
            (self.stack if widget is old[0] else self.pages).removeWidget(widget)
            widget.deleteLater()
        self.pages.setCurrentIndex(max(shown, 0))
        self.pages.blockSignals(False)
        name_clear_buttons(self.pages)

    def _renewed_pages(self) -> tuple[QWidget, ...]:
        """The pages a language change makes again, the lock screen first."""
        return (self.unlock_page, self.resources_page, self.workspace)

    def _build_menus(self) -> None:
        """Register the window's menus and actions, once (features add theirs by name)."""
        m = self.menus
        m.menu("file", lambda: self.tr("&File"))
        self.new_client_action = m.action(
            "file", "new_client", lambda: self.tr("&New client…"), self.add_client,
            QKeySequence.StandardKey.New,
        )  # fmt: skip
        self.lock_action = m.action(
            "file", "lock", lambda: self.tr("&Lock"), lambda: self.lock("shortcut"), "Ctrl+L"
        )
        self.settings_action = m.action(
            "file", "settings", lambda: self.tr("&Settings…"), self.open_settings, "Ctrl+,"
        )
        self.vault_actions = vault_dialogs.register_vault_actions(
            m, "file", self, lambda: self.vault_path or self.unlock_page.selected_vault()
        )
        m.separator("file")
        self.quit_action = m.action(
            "file", "quit", lambda: self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit
        )
        m.menu("go", lambda: self.tr("&Go"))
        self.go_actions = [
            m.action("go", f"go_{index}", text, partial(self.go, index), f"Ctrl+{index + 1}")
            for index, text in enumerate(
                (
                    lambda: self.tr("&Today"),
                    lambda: self.tr("&Clients"),
                    lambda: self.tr("&Resources"),
                    lambda: self.tr("C&urrent client"),
                )
            )
        ]
        m.menu("client", lambda: self.tr("&Client"))
        self.find_action = m.action(
            "client", "find", lambda: self.tr("&Find client"), self.find_client,
            QKeySequence.StandardKey.Find,
        )  # fmt: skip
        self.new_note_action = m.action(
            "client", "new_note", lambda: self.tr("New &note"), self.new_note, "Ctrl+Shift+N"
        )
        self.print_action = m.action(
            "client", "print", lambda: self.tr("&Print plan…"), self.print_plan,
            QKeySequence.StandardKey.Print,
        )  # fmt: skip
        m.menu("help", lambda: self.tr("&Help"))
        m.action("help", "about", lambda: self.tr("&About CoachDesk"), self.about)
        self._update_actions()

    def _update_actions(self) -> None:
        unlocked = self.db.is_open and self.stack.currentWidget() is self.shell
        for action in (
            self.new_client_action,
            self.lock_action,
            self.find_action,
            *self.go_actions,
        ):
            action.setEnabled(unlocked)
        has_client = unlocked and self.workspace.client_id is not None
        self.new_note_action.setEnabled(has_client)
        self.print_action.setEnabled(has_client)

    def _retranslate_frame(self) -> None:
        self.setWindowTitle(self.tr("CoachDesk"))
        self.nav.setAccessibleName(self.tr("Sections"))
        for row, text in enumerate(
            (self.tr("Today"), self.tr("Clients"), self.tr("Resources"), self.tr("Client"))
        ):
            self.nav.item(row).setText(text)
        self.menus.retranslate()
        self._language = translations.current()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            # Installing translators sends several of these: retranslate once, after them.
            self._retranslate_timer.start()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Show the current language: texts set again in place, content pages renewed with
        the coach's place and unsaved edits kept. Nothing is rebuilt twice for one change."""
        if translations.current() == self._language:
            return
        was_open = self.db.is_open and self.stack.currentWidget() is self.shell
        resume = (
            self.pages.currentIndex(),
            self.workspace.client_id,
            self.workspace.tabs.currentIndex(),
        )
        if was_open:
            self._save_drafts()
        self._retranslate_frame()
        self.today_page.retranslate()  # also done on their own LanguageChange; now, in order
        self.clients_page.retranslate()
        self._make_pages()
        if was_open:
            self.stack.setCurrentWidget(self.shell)
            self.resources_page.refresh()
            self.refresh_today()  # its lists carry words of their own
            page, client_id, tab = resume
            if client_id is not None:
                self.workspace.open(client_id, tab, on_loaded=lambda: self.go(page))
            else:
                self.go(page)
        else:
            self.show_lock_screen()
        self._update_actions()

    # -- lock screen and unlocking ---------------------------------------------------------

    def vaults_dir(self) -> Path:
        return self.settings.vaults_dir()

    def show_lock_screen(self) -> None:
        self.unlock_page.set_vaults(
            paths.list_vaults(self.vaults_dir()),
            self.vault_path.name if self.vault_path else self.settings.get(opts.LAST_VAULT),
        )
        self.unlock_page.clear()
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.focus_passphrase()
        self._update_actions()

    def _unlock(self, path: Path, passphrase: str) -> None:
        self.unlock_page.set_busy(True)
        self.db.open(path, passphrase, lambda _r: self._unlocked(path), self._unlock_failed)

    def _unlock_failed(self, exc: CoachDeskError) -> None:
        if isinstance(exc, LockoutError):
            self.unlock_page.set_busy(False)
            self.unlock_page.show_wait(exc.wait_seconds)
        elif isinstance(exc, WrongPassphraseError):
            self.unlock_page.show_wrong_passphrase(exc.wait_seconds)
        else:
            self.unlock_page.show_message(str(exc))

    def _unlocked(self, path: Path) -> None:
        self.vault_path = path
        self.settings.set(opts.LAST_VAULT, path.name)
        self.unlock_page.set_busy(False)
        self.unlock_page.clear()
        self.stack.setCurrentWidget(self.shell)
        self.idle.set_minutes(self.settings.get(opts.IDLE_MINUTES))
        self.idle.start()
        self.clients_page.model.refresh()
        self.resources_page.refresh()
        resume, self._resume = self._resume, None
        if resume is not None and resume[1] is not None:
            page, tab = resume[0], resume[2]
            self.workspace.open(resume[1], tab, on_loaded=lambda: self.go(page))
        else:
            self.go(resume[0] if resume else PAGE_TODAY)
        if self.pages.currentIndex() != PAGE_TODAY:  # go() has just refreshed a shown Today
            self.refresh_today()
        self._update_actions()
        self.activateWindow()
        self.nav.setFocus()

    def create_vault(self) -> None:
        """Ask for name and passphrase (non-blocking dialog), then create on the worker."""
        dialog = CreateVaultDialog(self.vaults_dir(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create(dialog))
        self.create_dialog = dialog
        dialog.open()

    def _create(self, dialog: CreateVaultDialog) -> None:
        path, name = dialog.target(), dialog.name.text().strip()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.unlock_page.show_message(str(explain_os_error(exc, path)))
            return
        self.unlock_page.set_busy(True)
        self.db.create(
            path,
            dialog.passphrase.text(),
            name,
            lambda created: self._created(created, name),
            lambda exc: self.unlock_page.show_message(str(exc)),
        )

    def _created(self, created: Created, coach: str) -> None:
        """Show the recovery code once; the workspace opens after 'I have written it down'."""
        self.unlock_page.set_busy(False)
        dialog = RecoveryCodeDialog(created.recovery_code, coach, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._unlocked(created.path))
        self.code_dialog = dialog
        dialog.open()

    # -- locking ---------------------------------------------------------------------------

    def lock(self, reason: str = "") -> None:
        """Hide every client detail, keep drafts, close the vault and drop the key."""
        if not self.db.is_open:
            return
        self._resume = (
            self.pages.currentIndex(),
            self.workspace.client_id,
            self.workspace.tabs.currentIndex(),
        )
        try:
            self._save_drafts()
        except Exception as exc:
            print(f"CoachDesk: drafts not kept ({type(exc).__name__})", file=sys.stderr)
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.idle.stop()
        self.clients_page.clear()
        self.today_page.clear()
        self.resources_page.clear()
        self.workspace.clear()
        self.recent = []  # read again from the vault unlocked next (it may be another's)
        self.db.close()
        self.statusBar().clearMessage()
        self.show_lock_screen()
        if reason:
            self.unlock_page.subtitle.setText(
                plural(
                    self.tr(
                        "CoachDesk locked itself after {n, plural, one {# idle minute} "
                        "other {# idle minutes}}."
                    ),
                    round(self.idle.minutes),
                )
                if reason == "idle"
                else self.tr("Locked. Type your passphrase to continue.")
            )

    def _save_drafts(self) -> None:
        """Keep unsaved edits in the vault (queued before the close, so they land first)."""
        drafts = self.workspace.collect_drafts()
        client_id = self.workspace.client_id
        dialog = getattr(self, "add_dialog", None)
        new_client: dict[str, object] | None = None
        if (
            isinstance(dialog, EditClientDialog)
            and shiboken6.isValid(dialog)
            and dialog.isVisible()
        ):
            draft = dialog.form.to_draft()
            if draft["client"] != self._blank_client["client"]:  # something was typed
                new_client = draft

        def keep(c: Caseload) -> None:
            if client_id is not None:
                kept = {kind for kind, _key, _body in drafts}
                for kind in CLIENT_DRAFT_KINDS:
                    if kind not in kept:  # what was saved or cleared must not come back
                        c.discard_draft(kind, str(client_id))
            for kind, key, body in drafts:
                c.save_draft(kind, key, body)
            if new_client is not None:
                c.save_draft(CLIENT_DRAFT, "new", new_client)

        self.db.call(keep)

    # -- pages -----------------------------------------------------------------------------

    def go(self, page: int) -> None:
        if page == PAGE_WORKSPACE and self.workspace.client_id is None:
            page = PAGE_CLIENTS
        if self.nav.currentRow() == page:  # no currentRowChanged: show the page ourselves
            self._page_changed(page)
        else:
            self.nav.setCurrentRow(page)

    def _page_changed(self, page: int) -> None:
        if page < 0:
            return
        if page == PAGE_WORKSPACE and self.workspace.client_id is None:
            self.nav.setCurrentRow(PAGE_CLIENTS)
            return
        self.pages.setCurrentIndex(page)
        if page == PAGE_TODAY and self.db.is_open:
            self.refresh_today()
        if page == PAGE_CLIENTS:
            self.clients_page.table.setFocus()

    def refresh_today(self) -> None:
        if not self.db.is_open:
            return
        recent = list(self.recent)
        per_kind = self.today_page.per_kind

        def job(c: Caseload) -> tuple[TodayData, date, list[tuple[int, str]]]:
            names = []
            # After a restart (or another vault's unlock) the list comes from the vault.
            for cid in recent or c.recent_clients():
                try:
                    names.append((cid, c.get_client(cid).display_name))
                except CoachDeskError:
                    continue
            return c.today_page(per_kind), c.today(), names

        def show(result: tuple[TodayData, date, list[tuple[int, str]]]) -> None:
            data, today, names = result
            self.today_page.set_page(data, today)
            self.today_page.set_recent(names)
            if not self.recent:
                self.recent = [cid for cid, _name in names]

        self.db.call(job, show)

    def _integrity_failed(self) -> None:
        """The background check found damage: writes are refused from now on; say so once
        in a box, and on the status bar until the vault is locked."""
        if not self.db.is_open:
            return
        message = catalog.text("vault.watch_failed", window_language())
        self.statusBar().showMessage(message)
        show_error(self, message)

    def _changed(self, changes: Changes) -> None:
        """A write succeeded: refresh the pages that show what it changed."""
        if not self.db.is_open:
            return
        if changes.touches(*CLIENT_LIST):
            self.clients_page.model.refresh()
        if changes.touches(*REMINDERS) and self.pages.currentIndex() == PAGE_TODAY:
            self.refresh_today()  # Today refreshes anyway each time it is shown
        if changes.touches(*RESOURCES):
            self.resources_page.refresh()

    def open_client(self, client_id: int, tab: int | None = None) -> None:
        self.workspace.open(client_id, tab if tab is not None else 0)

    def _open_client_at(self, client_id: int, key: str) -> None:
        """From Today: the client at the tab named `key` (today.NEW_CONSENT: the profile, with
        the new consent's form open)."""
        if key == NEW_CONSENT:
            tab = TAB_KEYS.index("profile")
            self.workspace.open(client_id, tab, on_loaded=self.workspace.new_consent)
        else:
            self.workspace.open(client_id, TAB_KEYS.index(key))

    def _client_loaded(self, client_id: int) -> None:
        if client_id in self.recent:
            self.recent.remove(client_id)
        self.recent.insert(0, client_id)
        del self.recent[RECENT_MAX:]
        kept = list(self.recent)
        self.db.call(lambda c: c.remember_recent(kept))
        self.pages.setCurrentIndex(PAGE_WORKSPACE)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(PAGE_WORKSPACE)
        self.nav.blockSignals(False)
        self._update_actions()

    # -- actions ---------------------------------------------------------------------------

    def add_client(self) -> None:
        if not self.db.is_open:
            return
        dialog = EditClientDialog(None, self)
        dialog.form.submitted.disconnect()
        dialog.form.submitted.connect(lambda client: self._save_new_client(dialog, client))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.add_dialog = dialog
        self._blank_client = dialog.form.to_draft()

        def restore(body: dict[str, object] | None) -> None:
            # A new client half-typed when CoachDesk locked comes back once.
            if body and shiboken6.isValid(dialog) and dialog.isVisible():
                restore_draft(dialog.form, body)

        self.db.call(lambda c: c.load_draft(CLIENT_DRAFT, "new"), restore)

    def _save_new_client(self, dialog: EditClientDialog, client: Client) -> None:
        def saved(client_id: int) -> None:
            dialog.accept()
            self.db.call(lambda c: c.discard_draft(CLIENT_DRAFT, "new"))
            self.open_client(client_id)

        self.db.write(
            lambda c: c.add_client(client),
            lambda new_id: Changes.of(Kind.CLIENT, client=new_id),
            saved,
            lambda exc: dialog.show_error(str(exc)),
        )

    def find_client(self) -> None:
        self.go(PAGE_CLIENTS)
        self.clients_page.focus_search()

    def new_note(self) -> None:
        if self.workspace.client_id is None:
            return
        self.go(PAGE_WORKSPACE)
        self.workspace.focus_new_note()

    def print_plan(self) -> None:
        if self.workspace.client_id is not None:
            self.go(PAGE_WORKSPACE)
            self.workspace.tabs.setCurrentIndex(TAB_KEYS.index("plan"))
            self.workspace.print_plan()

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About CoachDesk"),
            self.tr(
                "CoachDesk keeps your clients' records encrypted on this workstation. "
                "Nothing leaves it except the anonymized outcome export."
            ),
        )

    def open_settings(self) -> None:
        """Settings as a window-modal dialog that does not block (the worker's results keep
        arriving, and tests can drive it). Saving applies idle minutes and language."""
        dialog = SettingsDialog(self.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.backup_requested.connect(lambda folder: self.backup(folder, dialog))
        dialog.restore_requested.connect(lambda folder: self.restore(folder, dialog))
        dialog.accepted.connect(self._settings_saved)
        # Keys go back to this window (a window manager does it; without one, nothing would).
        dialog.finished.connect(lambda _r: self.activateWindow())
        self.settings_dialog = dialog
        dialog.open()

    def _settings_saved(self) -> None:
        self.idle.set_minutes(self.settings.get(opts.IDLE_MINUTES))
        self.apply_language(self.settings.get(opts.LANGUAGE))
        if not self.db.is_open:  # a new vault folder shows on the lock screen at once
            self.show_lock_screen()

    def backup(self, folder: Path, dialog: SettingsDialog | None = None) -> None:
        def done(path: Path) -> None:
            if dialog is not None:
                dialog.show_status(self.tr("Backup written and verified: {p}").format(p=path))
            self.statusBar().showMessage(self.tr("Backup written."), 5000)

        def failed(exc: CoachDeskError) -> None:
            if dialog is not None:
                dialog.show_status(str(exc), error=True)
            else:
                show_error(self, str(exc))

        self.db.run_with_vault(lambda v: v.backup(folder), done, failed)

    def restore(self, backup: Path, dialog: QDialog | None = None) -> None:
        # Locked (e.g. the vault is damaged and will not open): restore the vault chosen on the
        # unlock screen, which is where the "restore it from a backup" message sends the coach.
        vault = self.vault_path if self.db.is_open else self.unlock_page.selected_vault()
        if vault is None:
            show_error(
                dialog or self, self.tr("There is no vault on this workstation to restore into.")
            )
            return
        answer = QMessageBox.question(
            dialog or self,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace your vault by the backup {b}? Your current vault is kept beside it "
                "and CoachDesk locks; unlock with the backup's passphrase."
            ).format(b=backup.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.lock("restore")
        if dialog is not None and dialog.isVisible():  # already locked: lock() did not close it
            dialog.reject()
        # The worker runs jobs in order: the vault is closed before the files move.
        self.db._queue(
            lambda _w: restore_backup(backup, vault),
            lambda kept: self.unlock_page.show_message(
                self.tr("Backup restored. The previous vault was kept as {k}.").format(
                    k=Path(kept).name
                )
            ),
            lambda exc: self.unlock_page.show_message(str(exc)),
        )

    def apply_language(self, language: str) -> None:
        """Switch the UI language live (nothing happens if it is the one shown)."""
        if language != translations.current():
            translations.install(language)
        self.retranslate()

    def _busy(self, busy: bool) -> None:
        """Say "Working…" only when a job takes longer than a blink (no flicker per key)."""
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            if self.busy_label.text():
                self.busy_label.setText("")

    def _show_busy(self) -> None:
        self.busy_label.setText(self.tr("Working…"))

    # -- window events ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if sys.platform == "win32":
            privacy.exclude_from_capture(int(self.winId()))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved edits are kept as drafts (reopening the client restores them)."""
        if self.db.is_open:
            self._save_drafts()
        self.settings.set(opts.GEOMETRY, self.saveGeometry())
        self.idle.stop()
        self.db.shutdown()
        event.accept()
