"""Where CoachDesk keeps its files on this workstation (docs/architecture.md rule 7).

<data> is QStandardPaths.AppLocalDataLocation, or COACHDESK_HOME when set (tests, portable
installs, the demo). Each coach's vault is a folder <data>/vaults/<name>/. Settings go to an
INI file in <data>/settings.ini (no client data, no secrets).

Threading: plain functions, any thread.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from coachdesk.storage.layout import is_vault  # a leaf: the lock screen lists vaults early

ORGANISATION = "CoachDesk Project"
APPLICATION = "CoachDesk"


def data_dir() -> Path:
    override = os.environ.get("COACHDESK_HOME")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) if location else Path.home() / ".coachdesk"


def default_vaults_dir() -> Path:
    return data_dir() / "vaults"


def settings_file() -> Path:
    return data_dir() / "settings.ini"


def list_vaults(folder: Path) -> list[Path]:
    """The coaches' vault folders directly inside `folder`, by name."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if is_vault(p)), key=lambda p: p.name.lower())


def folder_name_for(coach_name: str) -> str:
    """A safe folder name from a coach's name ("Ana María Ruiz" -> "ana-maría-ruiz")."""
    name = re.sub(r"[^\w]+", "-", coach_name.strip().lower()).strip("-")
    return name[:60] or "coach"
