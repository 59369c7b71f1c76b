"""The desk's "Store" tab: back up, restore, check, change the passphrase, and the store's
audit log (shown, exported as CSV). A pure view: the window runs each use case (rco/ops.py,
application/vault_ops.py) on the store's worker. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from coachdesk.core.models import AuditEntry
from coachdesk.i18n.catalog import message_in
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import curation
from coachdesk.ui.forms._messages import window_language
from coachdesk.ui.rco.words import outcome_label


class StorePage(QWidget):
    backup_requested = Signal(str)
    restore_requested = Signal()
    check_requested = Signal()
    passphrase_requested = Signal()
    audit_csv_requested = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        from coachdesk.ui.rco.window import _fill, _stretch, _table  # one table style

        self._fill = _fill
        outer = QVBoxLayout(self)
        self.info = QLabel("")
        self.info.setWordWrap(True)
        outer.addWidget(self.info)
        hint = QLabel(
            self.tr(
                "The store holds the RCO's keys: without it, no coach's bundle can be opened. "
                "Back it up to a USB stick kept elsewhere after each import day."
            )
        )
        hint.setWordWrap(True)
        outer.addWidget(hint)
        grid = QGridLayout()
        self.backup_button = QPushButton(self.tr("&Back up the store…"))
        self.restore_button = QPushButton(self.tr("Rest&ore from a backup…"))
        self.check_button = QPushButton(self.tr("C&heck the store"))
        self.passphrase_button = QPushButton(self.tr("Change the &passphrase…"))
        self.audit_button = QPushButton(self.tr("E&xport the audit log (CSV)…"))
        self.backup_button.clicked.connect(self._backup)
        self.restore_button.clicked.connect(self.restore_requested.emit)
        self.check_button.clicked.connect(self.check_requested.emit)
        self.passphrase_button.clicked.connect(self.passphrase_requested.emit)
        self.audit_button.clicked.connect(self._audit_csv)
        for i, button in enumerate(
            (
                self.backup_button,
                self.restore_button,
                self.check_button,
                self.passphrase_button,
                self.audit_button,
            )
        ):
            grid.addWidget(button, 0, i)
        row = QHBoxLayout()
        row.addLayout(grid)
        row.addStretch(1)
        outer.addLayout(row)
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setStyleSheet("font-weight: 600;")
        outer.addWidget(self.result)
        outer.addWidget(QLabel(self.tr("Audit log (newest first)")))
        self.audit: QTableWidget = _stretch(
            _table([self.tr("When (UTC)"), self.tr("Action"), self.tr("Details")]), 2
        )
        outer.addWidget(self.audit, 1)

    def buttons(self) -> list[QPushButton]:
        return [
            self.backup_button,
            self.restore_button,
            self.check_button,
            self.passphrase_button,
            self.audit_button,
        ]

    def set_busy(self, busy: bool, text: str = "") -> None:
        for button in self.buttons():
            button.setEnabled(not busy)
        if text:
            self.result.setText(text)

    def show_store(self, where: str, fingerprint: str) -> None:
        self.info.setText(
            self.tr("Store: {where} · RCO fingerprint {fp}").format(where=where, fp=fingerprint)
        )

    def action_label(self, action: str) -> str:
        return {
            rco_audit.UNLOCK: self.tr("unlock"),
            rco_audit.FAILED_UNLOCK: self.tr("failed unlock"),
            rco_audit.IMPORT: self.tr("import"),
            rco_audit.DEVICE_CONFIRMED: self.tr("device confirmed"),
            rco_audit.DEVICE_REVOKED: self.tr("device revoked"),
            rco_audit.DEVICE_RENAMED: self.tr("device renamed"),
            rco_audit.REPORT_EXPORTED: self.tr("report exported"),
            rco_audit.DIRECTORY_PUBLISHED: self.tr("directory published"),
            rco_audit.BACKUP: self.tr("backup"),
            rco_audit.RESTORED: self.tr("restored from a backup"),
            rco_audit.KEY_ROTATED: self.tr("keys rotated"),
            rco_audit.FLAG_ACKNOWLEDGED: self.tr("flag acknowledged"),
            curation.SUGGESTION_ACCEPTED: self.tr("suggestion accepted"),
            curation.SUGGESTION_REJECTED: self.tr("suggestion rejected"),
        }.get(action, action.replace("_", " "))

    def field_label(self, key: str) -> str:
        return {
            "bundle": self.tr("bundle"),
            "device": self.tr("device"),
            "file": self.tr("file"),
            "files": self.tr("files"),
            "records": self.tr("records"),
            "result": self.tr("result"),
            "reason": self.tr("reason"),
            "name": self.tr("name"),
            "slot": self.tr("opened with"),
            "serial": self.tr("serial"),
            "previous": self.tr("previous fingerprint"),
            "fingerprint": self.tr("fingerprint"),
            "entry": self.tr("directory entry"),
            "suggestions": self.tr("suggestions"),
            "backup": self.tr("backup"),
            "flag": self.tr("flag"),
            "note": self.tr("note"),
            "period": self.tr("period"),
            "filters": self.tr("filters"),
            "formats": self.tr("formats"),
            "language": self.tr("language"),
        }.get(key, key)

    def details(self, entry: AuditEntry) -> str:
        """The entry's fields in the window's language (rco/audit.py keeps them in JSON)."""
        fields = rco_audit.fields_of(entry)
        slots = {"passphrase": self.tr("the passphrase"), "recovery": self.tr("the recovery code")}
        parts = []
        for key, value in fields.items():
            if key == "why":  # the reason's code: worded below
                continue
            if key == "reason":
                value = message_in(rco_audit.reason_of(fields)).text(window_language())
            elif key == "slot":
                value = slots.get(str(value), value)
            elif key == "result":
                value = outcome_label(str(value))
            if isinstance(value, dict):
                shown = ", ".join(f"{self.field_label(k)}={v}" for k, v in value.items())
            elif isinstance(value, list):
                shown = ", ".join(map(str, value))
            else:
                shown = str(value)
            parts.append(f"{self.field_label(key)}: {shown}")
        return "; ".join(parts)

    def show_audit(self, entries: list[AuditEntry], broken_at: int | None) -> None:
        rows = []
        for e in reversed(entries):
            mark = "" if broken_at is None or (e.id or 0) < broken_at else " ⚠"
            rows.append(
                [
                    e.at.isoformat(timespec="minutes")[:16].replace("T", " ") + mark,
                    self.action_label(e.action),
                    self.details(e),
                ]
            )
        self._fill(self.audit, rows)

    def clear(self) -> None:
        self.info.setText("")
        self.result.setText("")
        self.audit.setRowCount(0)

    def _backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the backup (a USB stick)")
        )
        if folder:
            self.backup_requested.emit(folder)

    def _audit_csv(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the audit log"), "rco-audit-log.csv", "CSV (*.csv)"
        )
        if target:
            self.audit_csv_requested.emit(target)
