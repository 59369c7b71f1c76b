"""Typed settings, declared once (docs/architecture.md rule 6).

Each option has a key, a type, a default and a translatable label. Values live in an INI file
(QSettings IniFormat) that never holds client data or secrets: only the language, the idle
minutes, the vaults folder, the last vault chosen and window geometry.

Threading: GUI thread only (QSettings is not shared across threads here).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from coachdesk.app import paths

T = TypeVar("T")

SETTINGS_VERSION = 1


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    return text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


class Option(Generic[T]):
    """One setting. A plain class, not a dataclass: the lock screen reads the settings, and
    `dataclasses` is an import it can do without (issue 18). Compared by identity."""

    __slots__ = ("default", "key", "kind", "label")

    def __init__(self, key: str, kind: type, default: T, label: str) -> None:
        self.key = key
        self.kind = kind
        self.default = default
        self.label = label  # English source text; show with Option.title()

    def __repr__(self) -> str:
        return f"Option({self.key!r})"

    def title(self) -> str:
        return _tr(self.label)


LANGUAGE: Option[str] = Option("ui/language", str, "en", QT_TRANSLATE_NOOP("Settings", "Language"))
IDLE_MINUTES: Option[int] = Option(
    "security/idle_minutes", int, 5, QT_TRANSLATE_NOOP("Settings", "Lock after idle minutes")
)
VAULTS_DIR: Option[str] = Option(
    "vault/folder", str, "", QT_TRANSLATE_NOOP("Settings", "Vault location")
)
LAST_VAULT: Option[str] = Option(
    "vault/last", str, "", QT_TRANSLATE_NOOP("Settings", "Last vault opened")
)
GEOMETRY: Option[QByteArray] = Option(
    "ui/geometry", QByteArray, QByteArray(), QT_TRANSLATE_NOOP("Settings", "Window geometry")
)

ALL: tuple[Option[Any], ...] = (LANGUAGE, IDLE_MINUTES, VAULTS_DIR, LAST_VAULT, GEOMETRY)
LANGUAGES = ("en", "es")
IDLE_RANGE = (1, 120)


class Settings:
    """Typed access to the INI file. `path` defaults to <data>/settings.ini."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.settings_file()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        self._upgrade()

    def _upgrade(self) -> None:
        version = int(str(self._qs.value("meta/version", 0) or 0))
        if version < SETTINGS_VERSION:
            # Version 1 is the first layout; later versions rename keys here.
            self._qs.setValue("meta/version", SETTINGS_VERSION)

    def get(self, option: Option[T]) -> T:
        raw = self._qs.value(option.key, None)
        if raw is None:
            return option.default
        try:
            if option.kind is int:
                value: Any = int(str(raw))
            elif option.kind is bool:
                value = str(raw).lower() in ("1", "true", "yes")
            elif option.kind is str:
                value = str(raw)
            else:
                value = raw
        except (TypeError, ValueError):
            return option.default
        return cast(T, self._clamp(option, value))

    def set(self, option: Option[T], value: T) -> None:
        self._qs.setValue(option.key, self._clamp(option, value))
        self._qs.sync()

    @staticmethod
    def _clamp(option: Option[Any], value: Any) -> Any:
        if option is IDLE_MINUTES:
            return max(IDLE_RANGE[0], min(IDLE_RANGE[1], int(value)))
        if option is LANGUAGE and value not in LANGUAGES:
            return LANGUAGE.default
        return value

    def vaults_dir(self) -> Path:
        chosen = self.get(VAULTS_DIR)
        return Path(chosen) if chosen else paths.default_vaults_dir()
