"""Where the shipped resources (fonts, translations, icons, sample data) are.

Source checkout: <repo>/resources. Frozen build (PyInstaller): <bundle>/resources.
COACHDESK_RESOURCES overrides both (for packagers).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resource_dir() -> Path:
    override = os.environ.get("COACHDESK_RESOURCES")
    if override:
        return Path(override)
    if getattr(sys, "frozen", False):
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


FONT_REGULAR = ("fonts", "DejaVuSans.ttf")
FONT_BOLD = ("fonts", "DejaVuSans-Bold.ttf")
FONT_ITALIC = ("fonts", "DejaVuSans-Oblique.ttf")
