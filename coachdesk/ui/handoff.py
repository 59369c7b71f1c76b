"""The window's warm hand-off (issue 19): "Hand off…" for the client open in the workspace
(roster picker, legal basis, preview in plain words, send) and "Incoming hand-offs…" (list,
preview, Accept / Refuse, check now). Every step is a use case of application/handoff.py run
on the database worker; words of results and errors come from the catalog.

`install(window)` registers the two actions in the Client menu (one hook in MainWindow).
Threading: GUI thread; the use cases run on the database worker.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from coachdesk.application import handoff as uc
from coachdesk.application.changes import Changes, Kind
from coachdesk.errors import CoachDeskError
from coachdesk.i18n.catalog import Message
from coachdesk.ui.common import fmt_date
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._messages import error_text, window_language
from coachdesk.ui.plain import screen_room


def _words(message: Message) -> str:
    return message.text(window_language())


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _preview_html(title: str, basis: str, lines: tuple[Message, ...]) -> str:
    items = "".join(f"<li>{_escape(_words(m))}</li>" for m in lines)
    return f"<p><b>{_escape(title)}</b></p><p>{_escape(basis)}</p><ul>{items}</ul>"


class HandOffDialog(QDialog):
    """Pick the receiving coach and the legal basis, look at what goes, send."""

    def __init__(self, db: Any, client_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.setObjectName("handOffDialog")
        self.db, self.client_id = db, client_id
        self.setWindowTitle(self.tr("Hand off a client"))
        self.setMinimumWidth(620)
        # What goes is read before sending: room for the whole list on a 1366x768 screen.
        self.resize(QSize(680, 640).boundedTo(screen_room(self)))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The client's whole record goes, sealed so that only the receiving coach's "
                "device can open it. The record here becomes read-only once they accept."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.coach = QComboBox()
        self.coach.setObjectName("handoffCoach")
        self.coach.setAccessibleName(self.tr("Receiving coach"))
        form.addRow(self.tr("Receiving &coach:"), self.coach)
        self.by_consent = QRadioButton(self.tr("A consent &naming them (42 CFR 2.31)"))
        self.within = QRadioButton(self.tr("&Within the program (42 CFR 2.12(c)(3))"))
        group = QButtonGroup(self)
        group.addButton(self.by_consent)
        group.addButton(self.within)
        self.consent = QComboBox()
        self.consent.setObjectName("handoffConsent")
        self.consent.setAccessibleName(self.tr("Consent"))
        self.reason = QLineEdit()
        self.reason.setObjectName("handoffReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Why the record goes to this coach"))
        form.addRow(self.tr("Legal basis:"), self.by_consent)
        form.addRow("", self.consent)
        form.addRow("", self.within)
        form.addRow(self.tr("&Reason:"), self.reason)
        layout.addLayout(form)
        self.preview = QTextBrowser()
        self.preview.setObjectName("handoffPreview")
        self.preview.setAccessibleName(self.tr("What goes"))
        layout.addWidget(self.preview, 1)
        self.problem = QLabel("")
        self.problem.setObjectName("handoffProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a40000")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.preview_button = QPushButton(self.tr("&Preview"))
        self.preview_button.setObjectName("handoffPreviewButton")
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("handoffSend")
        self.send_button.setEnabled(False)
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.preview_button.clicked.connect(self.show_preview)
        self.send_button.clicked.connect(self.send)
        for widget in (self.coach, self.consent):
            widget.currentIndexChanged.connect(self._changed)
        self.reason.textChanged.connect(self._changed)
        self.by_consent.toggled.connect(self._changed)
        self.within.setChecked(True)
        self.result_id = ""
        db.call(self._load, self._loaded, self._failed)

    def _load(self, c: Any) -> tuple[list[Any], list[tuple[int, str]]]:
        return uc.recipients(c), uc.client_consents(c, self.client_id)

    def _loaded(self, found: tuple[list[Any], list[tuple[int, str]]]) -> None:
        people, consents = found
        for entry in people:
            self.coach.addItem(f"{entry.label}  ({entry.fingerprint})", entry.fingerprint)
        for consent_id, words in consents:
            self.consent.addItem(words, consent_id)
        self.by_consent.setEnabled(bool(consents))
        if consents:
            self.by_consent.setChecked(True)
        self._changed()

    def basis(self) -> uc.LegalBasis:
        if self.by_consent.isChecked() and self.consent.currentData() is not None:
            return uc.LegalBasis.consent(int(self.consent.currentData()))
        return uc.LegalBasis.within_program(self.reason.text())

    def _changed(self) -> None:
        self.consent.setEnabled(self.by_consent.isChecked())
        self.reason.setEnabled(self.within.isChecked())
        self.send_button.setEnabled(False)  # look at the preview of what is chosen first

    def _failed(self, exc: CoachDeskError) -> None:
        self.problem.setText(error_text(exc))
        self.send_button.setEnabled(False)

    def show_preview(self) -> None:
        fp, basis = self.coach.currentData(), self.basis()
        if fp is None:
            self.problem.setText(error_text(CoachDeskError(code="handoff.no_roster")))
            return

        def shown(p: uc.HandoffPreview) -> None:
            title = (
                self.tr("%1 goes to %2")
                .replace("%1", p.client_name)
                .replace("%2", p.recipient.label)
            )
            self.preview.setHtml(_preview_html(title, _words(p.basis), p.lines))
            self.problem.setText("")
            self.send_button.setEnabled(True)

        self.db.call(
            lambda c: uc.prepare_handoff(c, self.client_id, fp, basis), shown, self._failed
        )

    def send(self) -> None:
        fp, basis = self.coach.currentData(), self.basis()

        def sent(result: uc.SentHandoff) -> None:
            self.result_id = result.handoff_id
            self.accept()

        self.db.write(
            lambda c: uc.send_handoff(c, self.client_id, fp, basis),
            Changes.of(Kind.AUDIT, client=self.client_id),
            sent,
            self._failed,
        )


class IncomingDialog(QDialog):
    """Hand-offs addressed to this device: look at each, accept or refuse."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.setObjectName("incomingHandoffs")
        self.db = db
        self.items: list[uc.Incoming] = []
        self.setWindowTitle(self.tr("Incoming hand-offs"))
        self.setMinimumSize(760, 480)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("incomingTable")
        self.table.setAccessibleName(self.tr("Incoming hand-offs"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("From"), self.tr("Sent on"), self.tr("Client"), self.tr("State")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 2)
        self.preview = QTextBrowser()
        self.preview.setObjectName("incomingPreview")
        self.preview.setAccessibleName(self.tr("What comes"))
        layout.addWidget(self.preview, 1)
        self.status = QLabel("")
        self.status.setObjectName("incomingStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.check_button = QPushButton(self.tr("C&heck now"))
        self.check_button.setObjectName("incomingCheck")
        self.accept_button = QPushButton(self.tr("&Accept"))
        self.accept_button.setObjectName("incomingAccept")
        self.refuse_button = QPushButton(self.tr("&Refuse"))
        self.refuse_button.setObjectName("incomingRefuse")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.check_button, self.accept_button, self.refuse_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.check_button.clicked.connect(self.check_now)
        self.accept_button.clicked.connect(self.accept_selected)
        self.refuse_button.clicked.connect(self.refuse_selected)
        self.refresh()

    def refresh(self) -> None:
        self.db.call(uc.incoming, self._show, self._failed)

    def _failed(self, exc: CoachDeskError) -> None:
        self.status.setText(error_text(exc))

    def _state(self, state: str) -> str:
        return {
            "waiting": self.tr("waiting"),
            "accepted": self.tr("accepted"),
            "refused": self.tr("refused"),
        }[state]

    def _show(self, items: list[uc.Incoming]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            sent_on = fmt_date(datetime.fromisoformat(item.created_at))
            cells = (item.sender, sent_on, item.client_name, self._state(item.state))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if items and not self.table.selectedItems():
            self.table.selectRow(0)
        self._selected()

    def selected(self) -> uc.Incoming | None:
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _selected(self) -> None:
        item = self.selected()
        waiting = item is not None and item.state == "waiting"
        self.accept_button.setEnabled(waiting)
        self.refuse_button.setEnabled(waiting)
        if item is None:
            self.preview.setHtml("")
            return
        title = (
            self.tr("%1, from %2").replace("%1", item.client_name or "—").replace("%2", item.sender)
        )
        self.preview.setHtml(_preview_html(title, "", item.lines))

    def check_now(self) -> None:
        def done(result: Any) -> None:
            lines = [_words(m) for m in result.messages] or [self.tr("Nothing new.")]
            self.status.setText(" ".join(lines))
            self.refresh()

        self.db.call(uc.fetch_configured, done, self._failed)

    def accept_selected(self) -> None:
        item = self.selected()
        if item is None:
            return

        def done(result: uc.Accepted) -> None:
            self.status.setText(
                self.tr("Accepted: the record is in your caseload with its history.")
            )
            self.refresh()

        self.db.write(
            lambda c: uc.accept_handoff(c, item.handoff_id),
            lambda r: Changes.of(Kind.CLIENT, Kind.AUDIT, client=r.client_id),
            done,
            self._failed,
        )

    def refuse_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Refuse hand-off"),
            self.tr("Refuse this hand-off? Nothing is sent back; the refusal is recorded."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return

        def done(_: None) -> None:
            self.status.setText(self.tr("Refused; nothing was sent back."))
            self.refresh()

        self.db.write(
            lambda c: uc.refuse_handoff(c, item.handoff_id),
            Changes.of(Kind.AUDIT),
            done,
            self._failed,
        )


class HandoffActions:
    """The Client menu's "Hand off…" and "Incoming hand-offs…" on a MainWindow."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        menus = window.menus  # type: ignore[attr-defined]
        self.handoff = menus.action(
            "client",
            "handoff",
            lambda: QCoreApplication.translate("MainWindow", "&Hand off…"),
            self.hand_off,
        )
        self.incoming = menus.action(
            "client",
            "incoming_handoffs",
            lambda: QCoreApplication.translate("MainWindow", "Inco&ming hand-offs…"),
            self.open_incoming,
        )
        self.dialog: QDialog | None = None

    def hand_off(self) -> HandOffDialog | None:
        client_id = self.window.workspace.client_id  # type: ignore[attr-defined]
        if client_id is None:
            return None
        dialog = HandOffDialog(self.window.db, client_id, self.window)  # type: ignore[attr-defined]
        self._open(dialog)
        return dialog

    def open_incoming(self) -> IncomingDialog:
        dialog = IncomingDialog(self.window.db, self.window)  # type: ignore[attr-defined]
        self._open(dialog)
        return dialog

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()


def install(window: QMainWindow) -> HandoffActions:
    return HandoffActions(window)
