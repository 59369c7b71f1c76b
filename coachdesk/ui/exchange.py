"""The window's side of the RCO exchange: enrollment, export preview and sealing, and sync.

`install(window)` registers a "Sync" menu into the window's menus (ui/menus.py, by name,
before Help), adds a status-bar indicator (offline / syncing / failed / waiting / up to date,
last success, exports waiting, "Sync now") and a QTimer that, while the vault is unlocked,
sends waiting exports without the coach doing anything.

Vault work runs on the database worker through `Database.call`; network work never does. A
sync is three steps (coachdesk.exchange.sync): `prepare` on the vault thread, `deliver` on a
thread of its own (`Background`), each bundle's `record_item` and the final `record` on the
vault thread again. The background check is the same run with a quick probe first. Locking
or quitting (`Database.closing`) cancels the delivery, which cuts its connection, and queues
the record that gives unsent exports back to waiting before the vault closes: the lock never
waits for the network. The WebDAV "Test" button builds the settings on the vault thread and
probes on the network thread too.

A sealed export goes only into the outbox (in the vault), not to a folder the coach picks:
the outbox is what every sync sends and tracks (waiting / sent / failed, never sent twice);
a loose copy in a folder would be a second, untracked way out. To carry exports on a USB
stick the coach uses "Sync to a folder", which delivers and records them like any sync.

Threading: GUI thread only (jobs passed to `Database.call` run on the worker).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app.worker import Background
from coachdesk.application import enrollment, sync_setup
from coachdesk.application import handoff as handoffs
from coachdesk.application.changes import Changes, Kind
from coachdesk.core.caseload import Caseload
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import export as exports
from coachdesk.exchange import sync
from coachdesk.exchange.transports import Transport, TransportError
from coachdesk.exchange.transports.webdav import (
    ProxyMode,
    RetryPolicy,
    WebDavSettings,
    WebDavTransport,
)
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import Message
from coachdesk.storage.outbox import OutboxState
from coachdesk.ui.common import named, plural, show_error
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._common import format_datetime
from coachdesk.ui.forms._messages import error_text, window_language

CHECK_MINUTES = 3  # background reachability check while unlocked


def _mono(points: int = 18) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(points)
    font.setBold(True)
    return font


def _when(value: datetime | None) -> str:
    """An instant as every list and form of the window writes it (one format per screen)."""
    return "" if value is None else format_datetime(QLocale(), value)


def _big_label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setFont(_mono())
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMinimumHeight(48)
    label.setStyleSheet(
        # The font goes in the style sheet too: the application's sheet sets label fonts.
        "QLabel { background: #ffffff; border: 1px solid #9aa5a8; border-radius: 4px; "
        "padding: 8px; font-size: 16pt; font-weight: bold; "
        f"font-family: '{label.font().family()}', monospace; }}"
    )
    if name:
        label.setAccessibleName(name)
    label.hide()  # shown once it has a fingerprint
    return label


def _error_label() -> QLabel:
    label = QLabel("")
    label.setObjectName("exchangeError")
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    label.hide()
    return label


def _show_inline(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


# -- enrollment ----------------------------------------------------------------------------


class EnrollDialog(QDialog):
    """Choose the RCO's enrollment file, compare its fingerprint with the one on paper,
    enroll, then show this device's fingerprint for the supervisor to confirm."""

    def __init__(self, controller: ExchangeController, parent: QWidget) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.controller = controller
        self.data_path: Path | None = None
        self.check: exports.EnrollmentCheck | None = None
        self.enrolled: exports.EnrollmentResult | None = None
        self.setWindowTitle(self.tr("Enroll with your RCO"))
        self.setMinimumWidth(700)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your supervisor gives you an enrollment file and, on paper, its fingerprint. "
                "Enrolling lets this vault seal outcome exports that only your RCO can open."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.file_edit = named(QLineEdit(), self.tr("Enrollment file"))
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("No file chosen"))
        self.choose_button = named(QPushButton(self.tr("&Choose file…")), self.tr("Choose file"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)
        self.rco_label = QLabel("")
        self.rco_label.setWordWrap(True)
        layout.addWidget(self.rco_label)
        self.fingerprint_label = _big_label(name=self.tr("RCO fingerprint in the file"))
        layout.addWidget(self.fingerprint_label)
        self.replace_box = named(
            QCheckBox(self.tr("Yes, replace the RCO this vault is enrolled with")),
            self.tr("Replace the current RCO"),
        )
        self.replace_box.hide()
        self.replace_label = QLabel("")
        self.replace_label.setWordWrap(True)
        self.replace_label.hide()
        layout.addWidget(self.replace_label)
        layout.addWidget(self.replace_box)
        form = QFormLayout()
        self.typed = named(
            QLineEdit(),
            self.tr("Fingerprint from your supervisor"),
            self.tr("Type the fingerprint from the paper; dashes and spaces do not matter."),
        )
        self.typed.setFont(_mono(13))
        self.typed.setStyleSheet(
            f"font-size: 12pt; font-family: '{self.typed.font().family()}', monospace;"
        )
        self.typed.setEnabled(False)
        form.addRow(self.tr("&Fingerprint on paper:"), self.typed)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.done_label = QLabel("")
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        layout.addWidget(self.done_label)
        self.device_label = _big_label(name=self.tr("This device's fingerprint"))
        self.device_label.hide()
        layout.addWidget(self.device_label)
        self.buttons = QDialogButtonBox()
        self.enroll_button = self.buttons.addButton(
            self.tr("&Enroll"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.enroll_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.enroll_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.typed.textChanged.connect(lambda _t: _show_inline(self.error, ""))
        self.typed.returnPressed.connect(self.submit)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the enrollment file"),
            str(Path.home()),
            self.tr("Enrollment files (*.json *.cdenroll);;All files (*)"),
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read and verify the file on the worker, then show who it is from."""
        _show_inline(self.error, "")
        self.file_edit.setText(str(path))

        def job(c: Caseload) -> exports.EnrollmentCheck:
            return enrollment.check(c, path)

        self.controller.db.call(job, lambda check: self._loaded(path, check), self._failed_load)

    def _failed_load(self, exc: CoachDeskError) -> None:
        self.check, self.data_path = None, None
        self.rco_label.setText("")
        self.fingerprint_label.setText("")
        self.fingerprint_label.hide()
        self.typed.setEnabled(False)
        self.enroll_button.setEnabled(False)
        _show_inline(self.error, error_text(exc))

    def _loaded(self, path: Path, check: exports.EnrollmentCheck) -> None:
        self.check, self.data_path = check, path
        self.rco_label.setText(
            self.tr(
                "This file is from <b>{rco}</b>. Its fingerprint must be the same as the one "
                "your supervisor wrote down for you:"
            ).format(rco=check.rco_name.replace("<", "&lt;"))
        )
        self.fingerprint_label.setText(check.fingerprint)
        self.fingerprint_label.show()
        self.replace_label.setVisible(check.replaces_another_rco)
        self.replace_box.setVisible(check.replaces_another_rco)
        self.replace_box.setChecked(False)
        if check.replaces_another_rco:
            self.replace_label.setText(
                self.tr(
                    "This vault is enrolled with {old} now. After enrolling with {new}, new "
                    "exports can be opened by {new} only; exports already waiting stay sealed "
                    "for {old}."
                ).format(old=check.current_rco, new=check.rco_name)
            )
        self.typed.setEnabled(True)
        self.enroll_button.setEnabled(True)
        self.typed.setFocus()
        self.adjustSize()

    def submit(self) -> None:
        if self.check is None or self.data_path is None or self.enrolled is not None:
            return
        typed = self.typed.text().strip()
        if not typed:
            _show_inline(self.error, self.tr("Type the fingerprint your supervisor gave you."))
            self.typed.setFocus()
            return
        if self.check.replaces_another_rco and not self.replace_box.isChecked():
            _show_inline(
                self.error, self.tr("Tick the box to confirm that you replace your current RCO.")
            )
            self.replace_box.setFocus()
            return
        path, replace = self.data_path, self.replace_box.isChecked()

        def job(c: Caseload) -> exports.EnrollmentResult:
            if not enrollment.check(c, path, typed).matches_expected:
                # Same refusal as the use case, in the coach's language.
                raise _Mismatch()
            return enrollment.enroll(c, path, typed, replace=replace)

        self.enroll_button.setEnabled(False)
        self.controller.db.call(job, self._enrolled, self._failed_enroll)

    def _failed_enroll(self, exc: CoachDeskError) -> None:
        self.enroll_button.setEnabled(True)
        if isinstance(exc, _Mismatch):
            _show_inline(
                self.error,
                self.tr(
                    "The fingerprint does not match the one in the file. Nothing was enrolled: "
                    "check the paper with your supervisor before using this file."
                ),
            )
        else:
            _show_inline(self.error, error_text(exc))
        self.typed.selectAll()
        self.typed.setFocus()
        self.adjustSize()

    def _enrolled(self, result: exports.EnrollmentResult) -> None:
        self.enrolled = result
        _show_inline(self.error, "")
        self.typed.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.replace_box.setEnabled(False)
        self.enroll_button.hide()
        self.close_button.setText(self.tr("&Close"))
        self.done_label.setText(
            self.tr(
                "Enrolled with {rco}. Give your supervisor this device's fingerprint so the RCO "
                "can confirm exports come from you:"
            ).format(rco=result.rco_name)
        )
        self.done_label.show()
        self.device_label.setText(result.device_fingerprint)
        self.device_label.show()
        self.close_button.setFocus()
        self.adjustSize()
        self.controller.refresh_status()


class _Mismatch(CoachDeskError):
    def __init__(self) -> None:
        super().__init__("The fingerprint does not match the one from your supervisor.")


# -- export ----------------------------------------------------------------------------------


def _seal_into_outbox(c: Caseload) -> exports.ExportResult:
    """Seal on the worker. `export()` writes the bundle file too: it goes to a private
    folder inside the vault folder and is removed, since the outbox keeps the sealed bytes."""
    folder = Path(tempfile.mkdtemp(prefix=".seal-", dir=c.vault.path))
    try:
        return exports.export(c, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _preview_html(preview: exports.ExportPreview) -> str:
    """The use case's preview laid out in the window's language: the fields and each
    explanation's points as bullet lists, the words before a sentence's first colon in bold."""
    lang = window_language()

    def para(message: Message) -> str:
        head, sep, rest = message.text(lang).partition(": ")
        if not sep:
            return f"<p>{_escape(head)}</p>"
        return f"<p><b>{_escape(head)}:</b> {_escape(rest)}</p>"

    def bullets(points: tuple[Message, ...]) -> str:
        return "<ul>" + "".join(f"<li>{_escape(p.text(lang))}</li>" for p in points) + "</ul>"

    parts = [
        f"<p>{_escape(preview.intro.text(lang))}</p>",
        f"<p><b>{_escape(catalog.text('export.preview.fields_heading', lang))}</b></p>",
        bullets(preview.fields),
        para(Message("export.preview.never")),
    ]
    for explanation in preview.explanations:
        parts.append(f"<p>{_escape(explanation.message.text(lang))}</p>")
        if explanation.points:
            parts.append(bullets(explanation.points))
    parts.append(para(preview.kept))
    return "".join(parts)


class ExportDialog(QDialog):
    """Show the plain-words preview, then seal into the outbox on request."""

    def __init__(self, controller: ExchangeController, parent: QWidget) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.controller = controller
        self.preview: exports.ExportPreview | None = None
        self.sealed: exports.ExportResult | None = None
        self.setWindowTitle(self.tr("Export outcomes for your RCO"))
        self.resize(760, 600)
        layout = QVBoxLayout(self)
        self.headline = QLabel(self.tr("Preparing the preview…"))
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setPointSize(font.pointSize() + 2)
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)
        self.text = named(QTextBrowser(), self.tr("What the export would contain"))
        layout.addWidget(self.text, 1)
        self.progress = named(QProgressBar(), self.tr("Sealing progress"))
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = _error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox()
        self.seal_button = self.buttons.addButton(
            self.tr("&Seal && queue"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.seal_button.setEnabled(False)
        self.seal_button.setToolTip(
            self.tr("Seal for your RCO and put it in the outbox; it leaves with the next sync.")
        )
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.seal_button.clicked.connect(self.seal)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.setFocus()
        self.progress.show()
        controller.db.call(exports.preview_export, self._previewed, self._failed)

    def _previewed(self, preview: exports.ExportPreview) -> None:
        self.preview = preview
        self.progress.hide()
        self.headline.setText(
            plural(
                self.tr(
                    "{n, plural, one {# record} other {# records}} would be sealed for {rco}. "
                    "Nothing is sealed yet."
                ),
                preview.records,
                rco=preview.rco_name,
            )
        )
        self.text.setHtml(_preview_html(preview))
        self.seal_button.setEnabled(True)
        self.seal_button.setDefault(True)
        self.seal_button.setFocus()

    def _failed(self, exc: CoachDeskError) -> None:
        self.progress.hide()
        self.seal_button.setEnabled(self.preview is not None and self.sealed is None)
        if isinstance(exc, exports.NotEnrolledError):
            self.headline.setText(self.tr("This vault is not enrolled with an RCO yet."))
            _show_inline(
                self.error,
                self.tr(
                    "Ask your supervisor for the enrollment file and its fingerprint, then use "
                    "Sync ▸ Enroll with RCO."
                ),
            )
        else:
            _show_inline(self.error, error_text(exc))

    def seal(self) -> None:
        if self.preview is None or self.sealed is not None:
            return
        self.seal_button.setEnabled(False)
        self.progress.show()
        self.headline.setText(self.tr("Sealing…"))
        self.controller.db.call(_seal_into_outbox, self._sealed, self._failed)

    def _sealed(self, result: exports.ExportResult) -> None:
        self.sealed = result
        self.progress.hide()
        self.seal_button.hide()
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setFocus()
        self.headline.setText(
            plural(
                self.tr(
                    "Export number {counter} is sealed and waiting in the outbox ({n, plural, "
                    "one {# record} other {# records}}, {kb} KB). It leaves with the next sync."
                ),
                result.records,
                counter=result.counter,
                kb=max(1, result.size_bytes // 1024),
            )
        )
        self.controller.refresh_status()
        self.controller.kick()


# -- sync settings ---------------------------------------------------------------------------


class SyncSettingsDialog(QDialog):
    """The RCO's WebDAV inbox (stored inside the vault) and "Sync to a folder"."""

    def __init__(self, controller: ExchangeController, parent: QWidget) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.controller = controller
        self.has_password = False
        self.stored_ca = ""
        self.setWindowTitle(self.tr("Sync settings"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Your RCO's inbox on its WebDAV server. The address, user name, password and "
                "certificate are kept inside your encrypted vault only."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = named(QLineEdit(), self.tr("Inbox address"))
        self.url.setPlaceholderText("https://rco.example.org/remote.php/dav/files/coach/inbox/")
        self.user = named(QLineEdit(), self.tr("User name"))
        self.password = named(QLineEdit(), self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        ca_row = QHBoxLayout()
        self.ca_file = named(
            QLineEdit(),
            self.tr("RCO certificate file"),
            self.tr("Optional: only needed if your RCO gave you its own certificate."),
        )
        self.ca_file.setPlaceholderText(self.tr("Optional"))
        self.ca_button = named(QPushButton(self.tr("&Browse…")), self.tr("Choose certificate"))
        self.ca_button.clicked.connect(self.choose_ca)
        ca_row.addWidget(self.ca_file, 1)
        ca_row.addWidget(self.ca_button)
        form.addRow(self.tr("Inbox &address:"), self.url)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        ca_label = QLabel(self.tr("RCO &certificate:"))
        ca_label.setBuddy(self.ca_file)
        form.addRow(ca_label, ca_row)
        layout.addLayout(form)
        layout.addWidget(self._proxy_box())
        self.message = QLabel("")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.error = _error_label()
        layout.addWidget(self.error)
        usb = QHBoxLayout()
        self.folder_button = named(
            QPushButton(self.tr("Sync to a &folder (USB stick)…")),
            self.tr("Sync to a folder"),
            self.tr("Send the waiting exports to a folder, such as a USB stick for your RCO."),
        )
        self.folder_button.clicked.connect(self.sync_to_folder)
        usb.addWidget(self.folder_button)
        usb.addStretch(1)
        layout.addLayout(usb)
        self.buttons = QDialogButtonBox()
        self.test_button = self.buttons.addButton(
            self.tr("&Test connection"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        controller.db.call(sync.webdav_settings, self._loaded, self._show_error)

    def _loaded(self, stored: WebDavSettings | None) -> None:
        if stored is None:
            return
        self.url.setText(stored.url)
        self.user.setText(stored.user)
        self.has_password = True
        self.stored_ca = stored.ca_pem
        self.password.setPlaceholderText(self.tr("(kept; type to change)"))
        if stored.ca_pem:
            self.ca_file.setPlaceholderText(self.tr("(a certificate is kept; choose to change)"))
        proxy = stored.proxy
        self.proxy_modes[proxy.mode].setChecked(True)
        self.proxy_url.setText(proxy.url)
        self.proxy_user.setText(proxy.user)
        if proxy.password:
            self.proxy_password.setPlaceholderText(self.tr("(kept; type to change)"))
        self._proxy_mode_changed()

    def _proxy_box(self) -> QGroupBox:
        """The same choice as `sync-setup`: the system's proxy, this proxy, or none."""
        box = QGroupBox(self.tr("Proxy (only if your facility's network needs one)"))
        grid = QFormLayout(box)
        self.proxy_modes = {
            ProxyMode.SYSTEM: QRadioButton(self.tr("Use the s&ystem's proxy settings")),
            ProxyMode.MANUAL: QRadioButton(self.tr("Use th&is proxy:")),
            ProxyMode.DIRECT: QRadioButton(self.tr("Connect &directly, never through a proxy")),
        }
        self.proxy_modes[ProxyMode.SYSTEM].setChecked(True)
        self.proxy_url = named(
            QLineEdit(),
            self.tr("Proxy address"),
            self.tr("The address your facility's IT gave you, such as http://proxy:3128."),
        )
        self.proxy_url.setPlaceholderText("http://proxy.example.org:3128")
        self.proxy_user = named(QLineEdit(), self.tr("Proxy user name"))
        self.proxy_user.setPlaceholderText(self.tr("Only if the proxy asks for one"))
        self.proxy_password = named(QLineEdit(), self.tr("Proxy password"))
        self.proxy_password.setEchoMode(QLineEdit.EchoMode.Password)
        for mode, radio in self.proxy_modes.items():
            radio.setObjectName(f"proxy_{mode.value}")
            radio.toggled.connect(self._proxy_mode_changed)
        grid.addRow(self.proxy_modes[ProxyMode.SYSTEM])
        grid.addRow(self.proxy_modes[ProxyMode.MANUAL], self.proxy_url)
        grid.addRow(self.proxy_modes[ProxyMode.DIRECT])
        user_label = QLabel(self.tr("Proxy use&r name:"))
        user_label.setBuddy(self.proxy_user)
        password_label = QLabel(self.tr("Pro&xy password:"))
        password_label.setBuddy(self.proxy_password)
        grid.addRow(user_label, self.proxy_user)
        grid.addRow(password_label, self.proxy_password)
        kept = QLabel(self.tr("The proxy password is kept inside your encrypted vault only."))
        kept.setWordWrap(True)
        grid.addRow(kept)
        self._proxy_mode_changed()
        return box

    def proxy_mode(self) -> ProxyMode:
        return next(m for m, radio in self.proxy_modes.items() if radio.isChecked())

    def _proxy_mode_changed(self, _checked: bool = False) -> None:
        mode = self.proxy_mode()
        self.proxy_url.setEnabled(mode == ProxyMode.MANUAL)
        self.proxy_user.setEnabled(mode != ProxyMode.DIRECT)
        self.proxy_password.setEnabled(mode != ProxyMode.DIRECT)

    def choose_ca(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose your RCO's certificate"),
            str(Path.home()),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if name:
            self.ca_file.setText(name)

    def _settings_job(self) -> Callable[[Caseload], WebDavSettings]:
        """What the fields say, built and checked on the worker (reads the CA file there)."""
        url, user = self.url.text().strip(), self.user.text().strip()
        password = self.password.text()
        ca_path = self.ca_file.text().strip()
        stored_ca = self.stored_ca
        mode = self.proxy_mode()
        direct = mode == ProxyMode.DIRECT  # a direct connection has no proxy credentials
        proxy_url = self.proxy_url.text()
        proxy_user = "" if direct else self.proxy_user.text()
        proxy_password = "" if direct else self.proxy_password.text()

        def build(c: Caseload) -> WebDavSettings:
            # One use case with `sync-setup`: the certificate is checked, the URL parsed, the
            # proxy built the same way (an empty proxy password keeps the stored one).
            ca_pem = sync_setup.read_ca_file(Path(ca_path)) if ca_path else stored_ca
            kept = sync_setup.stored_settings(c)
            proxy = sync_setup.proxy_settings(
                mode, proxy_url, proxy_user, proxy_password, kept.proxy if kept else None
            )
            return sync_setup.webdav_settings(
                url, user, password, ca_pem=ca_pem, proxy=proxy, kept=kept
            )

        return build

    def save(self) -> None:
        _show_inline(self.error, "")
        build = self._settings_job()

        def job(c: Caseload) -> None:
            sync_setup.save(c, build(c))

        self.save_button.setEnabled(False)
        self.controller.db.call(job, self._saved, self._save_failed)

    def _saved(self, _result: object) -> None:
        self.controller.refresh_status()
        self.controller.kick()
        self.accept()

    def _save_failed(self, exc: CoachDeskError) -> None:
        self.save_button.setEnabled(True)
        self._show_error(exc)

    def test_connection(self) -> None:
        """Build the settings on the vault thread, probe on the network thread."""
        _show_inline(self.error, "")
        self.message.setText(self.tr("Checking the inbox…"))
        policy = self.controller.policy

        def probe(settings: WebDavSettings) -> None:
            transport = WebDavTransport(settings, policy)
            try:
                transport.probe()
            finally:
                transport.close()

        def built(settings: WebDavSettings) -> None:
            self.controller.net.start(
                lambda: probe(settings),
                lambda r: (
                    self._test_failed(r) if isinstance(r, CoachDeskError) else self._tested(r)
                ),
            )

        self.test_button.setEnabled(False)
        self.controller.db.call(self._settings_job(), built, self._test_failed)

    def _tested(self, _result: object) -> None:
        self.test_button.setEnabled(True)
        self.message.setText(self.tr("The inbox answered and accepted your user name."))

    def _test_failed(self, exc: BaseException) -> None:
        self.test_button.setEnabled(True)
        self.message.setText("")
        self._show_error(exc)

    def _show_error(self, exc: BaseException) -> None:
        _show_inline(self.error, str(exc))

    def sync_to_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the folder or USB stick to send to"), str(Path.home())
        )
        if folder:
            self.controller.sync_to_folder(Path(folder))
            self.accept()


# -- outbox ----------------------------------------------------------------------------------


class OutboxDialog(QDialog):
    """Every export in the outbox with its state (never the sealed bytes)."""

    def __init__(self, controller: ExchangeController, parent: QWidget) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.controller = controller
        self.setWindowTitle(self.tr("Outbox"))
        self.resize(820, 380)
        layout = QVBoxLayout(self)
        self.table = named(QTableWidget(0, 6), self.tr("Exports in the outbox"))
        self.table.setWordWrap(False)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Sealed"),
                self.tr("State"),
                self.tr("Records"),
                self.tr("Sent on"),
                self.tr("Where to, or the last problem"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.empty = QLabel("")
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("&Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        controller.db.call(
            sync.list_outbox, self.show_rows, lambda e: show_error(self, error_text(e))
        )

    def state_text(self, state: OutboxState) -> str:
        return {
            OutboxState.WAITING: self.tr("Waiting"),
            OutboxState.SENDING: self.tr("Sending"),
            OutboxState.SENT: self.tr("Sent"),
            OutboxState.FAILED: self.tr("Failed"),
        }.get(state, str(state))

    def show_rows(self, rows: list[sync.OutboxRow]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, row in enumerate(rows):
            records = row.summary.get("records", "")
            detail = (
                row.sent_to
                if row.state == OutboxState.SENT
                else row.last_reason.text(window_language())
            )
            for j, text in enumerate(
                (
                    str(row.counter),
                    _when(row.created_at),
                    self.state_text(row.state),
                    str(records),
                    _when(row.sent_at),
                    detail,
                )
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(i, j, item)
        self.empty.setText("" if rows else self.tr("The outbox is empty."))
        self.table.setFocus()


# -- the controller --------------------------------------------------------------------------

SyncResult = tuple[sync.SyncReport | None, sync.SyncStatus]


@dataclass(slots=True)
class _Run:
    """One sync from the click (or timer) to its record; plan and transport are set by the
    prepare job on the vault thread, and read by later jobs or the GUI after it (in order)."""

    cancel: sync.Cancel
    background: bool
    plan: sync.SyncPlan | None = None
    transport: Transport | None = None


def _sync_changes(result: SyncResult) -> Changes:
    """The outbox changed; the resources too when the RCO's directory was merged."""
    report = result[0]
    merged = report is not None and report.directory == sync.DirectoryOutcome.MERGED
    return Changes.of(Kind.OUTBOX, *((Kind.RESOURCE,) if merged else ()))


def _broken(exc: BaseException) -> sync.Delivered:
    """The delivery ended by an unexpected exception (its text may not be shown)."""
    message = QCoreApplication.translate(
        "ExchangeController", "Sync stopped unexpectedly ({kind}); the exports stay waiting."
    ).format(kind=type(exc).__name__)
    return sync.Delivered(TransportError(message))


class ExchangeController(QObject):
    """Owns the Sync menu, the status-bar indicator and the background check timer."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        check_ms: int = CHECK_MINUTES * 60_000,
        policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.db: Any = window.db  # type: ignore[attr-defined]
        self.policy = policy
        self.status: sync.SyncStatus | None = None
        self.syncing = False
        self.last_report: sync.SyncReport | None = None
        self.run: _Run | None = None  # the sync whose delivery runs now
        self.handoff_round: object | None = None  # the timer's hand-off round running now
        self.last_handoff_round: Any = None  # its result (HandoffRound), for the tests
        self.net = Background(self)
        self.menu: QMenu | None = None
        self.dialog: QDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.background_check)
        self.soon = QTimer(self)  # one check shortly after unlocking or sealing
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.background_check)
        self.indicator = QLabel("")
        self.indicator.setObjectName("syncIndicator")
        self.indicator.setTextFormat(Qt.TextFormat.RichText)
        self.sync_button = QToolButton()
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setAutoRaise(True)
        self.sync_button.clicked.connect(self.sync_now)
        bar = window.statusBar()
        bar.addPermanentWidget(self.indicator)
        bar.addPermanentWidget(self.sync_button)
        self._build_menu()
        self.db.opened.connect(self._opened)
        self.db.closing.connect(self._closing)
        self.db.closed.connect(self._closed)
        window.installEventFilter(self)
        if self.db.is_open:
            self._opened()
        else:
            self._closed()

    def configure(self, *, check_ms: int | None = None, policy: RetryPolicy | None = None) -> None:
        if check_ms is not None:
            self.timer.setInterval(check_ms)
        if policy is not None:
            self.policy = policy

    # -- menu and texts --------------------------------------------------------------------

    def _build_menu(self) -> None:
        """Register the Sync menu into the window's menus by name, before Help; once."""
        m = self.window.menus  # type: ignore[attr-defined]
        self.menu = m.menu("sync", lambda: self.tr("&Sync"), before="help")
        self.enroll_action = m.action(
            "sync", "enroll", lambda: self.tr("&Enroll with RCO…"), self.open_enroll
        )
        self.export_action = m.action(
            "sync", "export_outcomes", lambda: self.tr("E&xport outcomes…"), self.open_export,
            "Ctrl+Shift+E",
        )  # fmt: skip
        m.separator("sync")
        self.sync_action = m.action(
            "sync", "sync_now", lambda: self.tr("Sync &now"), self.sync_now, "F9"
        )
        self.settings_action = m.action(
            "sync", "sync_settings", lambda: self.tr("Sync &settings…"), self.open_settings
        )
        self.outbox_action = m.action(
            "sync", "outbox", lambda: self.tr("&Outbox…"), self.open_outbox
        )
        self._retranslate()

    def _retranslate(self) -> None:
        """The indicator's texts in the current language (the menu is the registry's)."""
        self.sync_button.setText(self.tr("Sync now"))
        self.sync_button.setAccessibleName(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send waiting exports now (F9)"))
        self.indicator.setAccessibleName(self.tr("Sync state"))
        self._update_enabled()
        self._render()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _update_enabled(self) -> None:
        unlocked = bool(self.db.is_open)
        for action in (
            self.enroll_action,
            self.export_action,
            self.sync_action,
            self.settings_action,
            self.outbox_action,
        ):
            action.setEnabled(unlocked)
        self.sync_button.setEnabled(unlocked and not self.syncing)
        self.sync_action.setEnabled(unlocked and not self.syncing)

    def state_words(self, status: sync.SyncStatus) -> tuple[str, str]:
        """(short label, colour) for the indicator."""
        if self.syncing or status.state == sync.SyncState.SYNCING:
            return self.tr("Syncing…"), "#1565c0"
        if status.state == sync.SyncState.OFFLINE:
            return self.tr("Offline"), "#6d6d6d"
        if status.state == sync.SyncState.FAILED:
            return self.tr("Sync failed"), "#b00020"
        if status.state == sync.SyncState.WAITING:
            return self.tr("Waiting to send"), "#b26a00"
        return self.tr("Up to date"), "#2e7d32"

    def indicator_text(self) -> str:
        """The indicator's words (plain text); empty while locked."""
        status = self.status
        if status is None or not self.db.is_open:
            return ""
        words, _colour = self.state_words(status)
        parts = [words]
        if status.waiting:
            parts.append(self.tr("{n} waiting").format(n=status.waiting))
        if status.last_success is not None:
            parts.append(self.tr("last sync {when}").format(when=_when(status.last_success)))
        elif status.state == sync.SyncState.UP_TO_DATE:
            return self.tr("Nothing to send yet")
        else:
            parts.append(self.tr("never synced"))
        return " · ".join(parts)

    def _render(self) -> None:
        text = self.indicator_text()
        visible = bool(text)
        self.indicator.setVisible(visible)
        self.sync_button.setVisible(self.db.is_open)
        if not visible or self.status is None:
            self.indicator.setText("")
            self.indicator.setToolTip("")
            self.indicator.setAccessibleDescription("")
            return
        _words, colour = self.state_words(self.status)
        self.indicator.setText(f'<span style="color:{colour}">●</span> {_escape(text)}')
        tip = text
        if self.status.state in (sync.SyncState.FAILED, sync.SyncState.OFFLINE) and (
            self.status.last_error
        ):
            tip += "\n" + self.status.reason.text(window_language())
        self.indicator.setToolTip(tip)
        self.indicator.setAccessibleDescription(tip)

    # -- lock / unlock ---------------------------------------------------------------------

    def _opened(self) -> None:
        self._update_enabled()
        self.refresh_status()
        self.timer.start()
        # First check soon after unlocking, not only after the first interval.
        self.soon.start(2_000)

    def _closing(self) -> None:
        """Locking or quitting: stop the delivery now (its connection is cut) and, before the
        vault closes, put what it had not sent back to waiting. Nothing here waits."""
        run, self.run = self.run, None
        if run is not None:
            run.cancel.cancel()

            def give_back(c: Caseload) -> None:  # runs after the prepare job (same queue)
                if run.plan is not None:
                    sync.record(c, run.plan, sync.Delivered.cancelled())

            self.db.call(give_back)

    def _closed(self) -> None:
        self.timer.stop()
        self.soon.stop()
        self.handoff_round = None  # a round cut by the lock: its late results are dropped
        self.status = None
        self.syncing = False
        self.last_report = None
        self._update_enabled()
        self._render()

    # -- status and syncing ----------------------------------------------------------------

    def refresh_status(self) -> None:
        if self.db.is_open:
            self.db.call(sync.sync_status, self._set_status, lambda _e: None)

    def _set_status(self, status: sync.SyncStatus) -> None:
        self.status = status
        self._render()

    def kick(self) -> None:
        """Something new may be sendable: check soon instead of at the next interval."""
        if self.db.is_open:
            self.soon.start(0)

    def background_check(self) -> None:
        """Timer slot: if an export waits, probe and send on the network thread; and one
        hand-off round (a manual Sync runs its own)."""
        if not self.db.is_open or self.syncing:
            return
        self._handoff_round()
        if self.run is None:
            self._start(None, background=True)

    def _handoff_round(self) -> None:
        """The hand-off round of issue 19 through the vault's WebDAV inbox (roster, send,
        fetch, acknowledgments): planned and recorded on the database worker, its network
        steps on a network thread, so a slow or absent server never holds the vault's thread.
        One at a time; a lock drops it (the files stay in the inbox for the next round)."""
        if self.handoff_round is not None or not self.db.is_open:
            return
        token = self.handoff_round = object()
        policy = self.policy

        def give_up(_result: object = None) -> None:
            if self.handoff_round is token:
                self.handoff_round = None

        def planned(found: Any) -> None:
            if found is None or self.handoff_round is not token:
                if found is not None:
                    found[1].close()
                give_up()
                return
            plan, transport = found
            self.net.start(
                lambda: handoffs.transfer(plan, transport),
                lambda got: fetched(plan, transport, got),
            )

        def fetched(plan: Any, transport: Transport, got: Any) -> None:
            if isinstance(got, BaseException) or self.handoff_round is not token:
                transport.close()
                give_up()
                return

            def failed(_exc: CoachDeskError) -> None:
                transport.close()
                give_up()

            self.db.write(
                lambda c: handoffs.record_round(c, got),
                lambda _r: Changes.of(Kind.CLIENT, Kind.AUDIT),
                lambda pair: recorded(plan, transport, pair),
                failed,
            )

        def recorded(plan: Any, transport: Transport, pair: Any) -> None:
            result, taken = pair
            self.last_handoff_round = result

            def remove() -> object:
                try:
                    return handoffs.remove_taken(plan, transport, taken)
                finally:
                    transport.close()

            self.net.start(remove, give_up)
            if result.received or result.acknowledged:  # words from the catalog
                lang = window_language()
                self.window.statusBar().showMessage(
                    " ".join(m.text(lang) for m in result.messages), 8000
                )

        self.db.call(lambda c: handoffs.background_plan(c, policy), planned, give_up)

    def _background_failed(self, _exc: CoachDeskError) -> None:
        self.refresh_status()

    def _background_done(self, result: SyncResult) -> None:
        report, status = result
        if report is not None:
            self.last_report = report
            if report.delivered:
                self.window.statusBar().showMessage(
                    self.tr("Exports sent to your RCO: {n}.").format(n=report.delivered), 8000
                )
        self._set_status(status)

    def sync_now(self) -> None:
        """Send through the WebDAV inbox; without one, ask for a folder (USB stick)."""
        if not self.db.is_open or self.syncing:
            return

        def has_inbox(c: Caseload) -> bool:
            return sync.webdav_settings(c) is not None

        def decided(configured: bool) -> None:
            if configured:
                self._run_sync(None)
                return
            folder = QFileDialog.getExistingDirectory(
                self.window,
                self.tr("No RCO inbox is set up: choose a folder or USB stick to send to"),
                str(Path.home()),
            )
            if folder:
                self._run_sync(Path(folder))

        self.db.call(has_inbox, decided, lambda e: show_error(self.window, str(e)))

    def sync_to_folder(self, folder: Path) -> None:
        if self.db.is_open and not self.syncing:
            self._run_sync(folder)

    def _run_sync(self, folder: Path | None) -> None:
        if self.run is not None:  # a background run started meanwhile: it sends the same
            self.window.statusBar().showMessage(self.tr("A sync is already running."), 5000)
            return
        self.syncing = True
        self._update_enabled()
        self._render()
        self._start(folder, background=False)

    def _start(self, folder: Path | None, *, background: bool) -> None:
        """Prepare on the vault thread, deliver on the network thread, record on the vault
        thread. Locking or quitting cancels the delivery (`_closing`) and never waits for it."""
        policy = self.policy
        no_inbox = self.tr("No RCO inbox is set up. Use Sync ▸ Sync settings, or send to a folder.")
        run = self.run = _Run(sync.Cancel(), background)

        def prepare(c: Caseload) -> None:  # vault thread; fills `run` (read back in order)
            transport = sync_setup.choose_transport(c, folder, policy, cancel=run.cancel)
            if transport is None:
                if background:
                    return
                raise CoachDeskError(no_inbox)
            run.plan = sync.prepare(c, transport.description, background=background)
            if run.plan is None:
                transport.close()
            run.transport = transport

        done = self._background_done if background else self._sync_done
        failed = self._background_failed if background else self._sync_failed

        def prepared(_none: None) -> None:
            if run.plan is None or run.transport is None:  # nothing waits (background)
                if self.run is run:
                    self.run = None
                self.refresh_status()
            else:
                self._deliver(run, done, failed)

        def not_prepared(exc: CoachDeskError) -> None:
            if self.run is run:
                self.run = None
            failed(exc)

        self.db.call(prepare, prepared, not_prepared)

    def _deliver(
        self,
        run: _Run,
        done: Callable[[SyncResult], None],
        failed: Callable[[CoachDeskError], None],
    ) -> None:
        plan, transport = run.plan, run.transport
        assert plan is not None and transport is not None

        def sent(item: sync.Sent) -> None:  # on the GUI thread, posted by the network thread
            if self.run is run:
                self.db.call(lambda c: sync.record_item(c, plan, item))

        def work() -> sync.Delivered:
            return sync.deliver(
                plan,
                transport,
                on_sent=lambda item: self.net.post(sent, item),
                cancelled=run.cancel,
                probe=run.background,
            )

        def delivered(result: sync.Delivered | BaseException) -> None:
            if self.run is not run:
                return  # locked meanwhile: `_closing` recorded what had been sent
            self.run = None
            outcome = result if isinstance(result, sync.Delivered) else _broken(result)

            def record(c: Caseload) -> SyncResult:
                report = sync.record(c, plan, outcome)
                if report is not None and report.problem is None and not run.background:
                    report.messages += handoffs.fetch_handoffs(c, transport).messages  # issue 19
                return report, sync.sync_status(c)

            self.db.write(record, _sync_changes, done, failed)

        self.net.start(work, delivered)

    def _sync_done(self, result: SyncResult) -> None:
        self.syncing = False
        report, status = result
        self.last_report = report
        self._update_enabled()
        self._set_status(status)
        if report is None:
            return
        if report.ok:
            if report.delivered:
                message = self.tr("Exports sent to your RCO: {n}.").format(n=report.delivered)
            else:
                message = self.tr("Nothing was waiting to be sent.")
            self.window.statusBar().showMessage(message, 8000)
            return
        problem = report.first_problem
        text = self.tr("Not everything could be sent. Exports still waiting: {n}.").format(
            n=report.waiting
        )
        if problem is not None:
            text += "\n\n" + problem.text(window_language())
        show_error(self.window, text)

    def _sync_failed(self, exc: CoachDeskError) -> None:
        self.syncing = False
        self._update_enabled()
        self.refresh_status()
        show_error(self.window, catalog.describe(exc, window_language()))

    # -- dialogs ---------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_enroll(self) -> EnrollDialog:
        dialog = EnrollDialog(self, self.window)
        self._open(dialog)
        return dialog

    def open_export(self) -> ExportDialog:
        dialog = ExportDialog(self, self.window)
        self._open(dialog)
        return dialog

    def open_settings(self) -> SyncSettingsDialog:
        dialog = SyncSettingsDialog(self, self.window)
        self._open(dialog)
        return dialog

    def open_outbox(self) -> OutboxDialog:
        dialog = OutboxDialog(self, self.window)
        self._open(dialog)
        return dialog


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def install(window: QMainWindow, **options: Any) -> ExchangeController:
    """Add the Sync menu, indicator and background check to `window` (a MainWindow with a
    `db` Database). Call once, at the end of the window's construction. GUI thread only."""
    existing = getattr(window, "exchange", None)
    if isinstance(existing, ExchangeController):
        # Installed already (the window does it): take the new options, add nothing twice.
        existing.configure(**options)
        return existing
    controller = ExchangeController(window, **options)
    window.exchange = controller  # type: ignore[attr-defined]
    return controller
