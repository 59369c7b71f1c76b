"""Settings: language (applies live), idle minutes, vault location, backup now, restore.

One dialog for both windows, writing the one settings store (app/settings.py): the coach's
window shows all of it; the RCO desk (`vault=False`) only the language and the idle minutes
(its store's location, backup and restore are on its Store page).
Backups and restores run on the database worker; the dialog only collects choices.
GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coachdesk.app import settings as opts
from coachdesk.app.settings import Settings
from coachdesk.ui.common import named
from coachdesk.ui.fit import keep_words_whole


class SettingsDialog(QDialog):
    backup_requested = Signal(Path)
    restore_requested = Signal(Path)

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, vault: bool = True
    ) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self.vault = vault
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        # A vault location such as /home/<coach>/.local/share/CoachDesk/vaults reads whole.
        self.setMinimumWidth(640 if vault else 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.language = named(QComboBox(), opts.LANGUAGE.title())
        self.language.addItem("English", "en")
        self.language.addItem("Español", "es")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get(opts.LANGUAGE))))
        self.idle = named(QSpinBox(), opts.IDLE_MINUTES.title())
        self.idle.setRange(*opts.IDLE_RANGE)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.get(opts.IDLE_MINUTES))
        for text, widget in (
            (self.tr("&Language:"), self.language),
            (self.tr("Lock when &idle for:"), self.idle),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "The language changes at once. A new vault location is used for the vault "
                "list the next time CoachDesk is locked."
            )
            if vault
            else self.tr("The language and the idle time change at once.")
        )
        note.setObjectName("hint")
        note.setWordWrap(True)
        layout.addWidget(note)
        if vault:
            self._add_vault_rows(form, layout)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.status.hide()  # no empty line above the buttons until there is something to say
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _add_vault_rows(self, form: QFormLayout, layout: QVBoxLayout) -> None:
        """The coach's vault: where the vaults are, backup now, restore."""
        self.folder = named(QLineEdit(str(self.settings.vaults_dir())), opts.VAULTS_DIR.title())
        browse = named(QPushButton(self.tr("&Browse…")), self.tr("Choose vault location"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_label = QLabel(self.tr("&Vault location:"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        row = QHBoxLayout()
        self.backup_button = named(QPushButton(self.tr("Back up &now…")), self.tr("Back up now"))
        self.backup_button.clicked.connect(self._backup)
        self.restore_button = named(
            QPushButton(self.tr("&Restore from a backup…")), self.tr("Restore from a backup")
        )
        self.restore_button.clicked.connect(self._restore)
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Vault location"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def _backup(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose where to put the backup (e.g. a USB drive)")
        )
        if chosen:
            self.show_status(self.tr("Backing up…"))
            self.backup_requested.emit(Path(chosen))

    def show_status(self, text: str, error: bool = False) -> None:
        """Progress and results in the hint style; a failure in the error style, so it does
        not read like the success line. GUI thread only."""
        self.status.setObjectName("error" if error else "hint")
        self.status.setText(text)
        self.status.show()
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _restore(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup (a folder ending in .cdbackup)")
        )
        if chosen:
            self.restore_requested.emit(Path(chosen))

    def _save(self) -> None:
        self.settings.set(opts.LANGUAGE, self.language.currentData())
        self.settings.set(opts.IDLE_MINUTES, self.idle.value())
        if not self.vault:
            self.accept()
            return
        folder = self.folder.text().strip()
        default = str(self.settings.vaults_dir()) if not self.settings.get(opts.VAULTS_DIR) else ""
        if folder and folder != default:
            self.settings.set(opts.VAULTS_DIR, folder)
        self.accept()
