"""Render the CoachDesk icon for the installers: PNGs (Linux) and an .ico (Windows).

    python installer/make_icons.py OUT_DIR

Uses resources/icons/coachdesk.svg when present, else the fallback installer/linux/coachdesk.svg.
Writes OUT_DIR/coachdesk.svg (the source used), coachdesk-<size>.png and coachdesk.ico. Runs in
the build environment (PySide6 renders the SVG offscreen; Pillow writes the .ico).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_source() -> Path:
    shipped = REPO / "resources" / "icons" / "coachdesk.svg"
    return shipped if shipped.is_file() else REPO / "installer" / "linux" / "coachdesk.svg"


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    out.mkdir(parents=True, exist_ok=True)
    source = icon_source()
    shutil.copyfile(source, out / "coachdesk.svg")
    _app = QGuiApplication.instance() or QGuiApplication([])  # kept alive while painting
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"make_icons: {source} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        png = out / f"coachdesk-{size}.png"
        if not image.save(str(png)):
            print(f"make_icons: could not write {png}", file=sys.stderr)
            return 1
        pngs.append(png)
    largest = Image.open(pngs[-1])
    largest.save(out / "coachdesk.ico", sizes=[(s, s) for s in SIZES])
    print(f"icons from {source.relative_to(REPO)} -> {out}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
