"""Preview, print and save the recovery plan PDF (coachdesk.reports.plan_pdf).

The PDF exists only in memory: the preview and the printer get page images rendered from the
bytes with PDFium (PySide6-Essentials has no QtPdf), so no plaintext copy is left in a temp
folder; "Save as PDF" writes only where the coach chooses, through reports.common.save_pdf
(coachdesk.files.write_atomic). Each preview, print and save is recorded in the audit trail
(Caseload.record_output) by the workspace controller, on the database worker.

Threading: GUI thread only (rendering a page takes milliseconds at preview size).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.common import named

PREVIEW_DPI = 90
PRINT_DPI = 300


def page_images(pdf: bytes, dpi: int) -> list[QImage]:
    """Render every page of `pdf` to an image at `dpi` (kept in memory only)."""
    document = pdfium.PdfDocument(pdf)
    images: list[QImage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            fmt = (
                QImage.Format.Format_RGB888
                if bitmap.n_channels == 3
                else QImage.Format.Format_RGBA8888
            )
            image = QImage(bytes(bitmap.buffer), width, height, stride, fmt).copy()
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
            bitmap.close()
            page.close()
    finally:
        document.close()
    return images


def print_pdf(pdf: bytes, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Paint the pages onto `printer`, each fitted to the printable area. Returns pages printed."""
    images = page_images(pdf, min(dpi, printer.resolution()) or dpi)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for number, image in enumerate(images):
            if number:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), size.width(), size.height())
            target.moveLeft(area.x() + (area.width() - size.width()) // 2)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


class PlanOutputDialog(QDialog):
    """Preview of the plan with Print… and Save as PDF…; paper and legal-name options re-render.

    `render(paper, legal_name, done)` is supplied by the workspace: it renders on the worker and
    calls `done(pdf_bytes)` back on the GUI thread.
    """

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(Path)

    def __init__(
        self,
        render: Callable[[str, bool, Callable[[bytes], None]], None],
        save: Callable[[Path, bytes], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._render = render
        self._save = save
        self.pdf = b""
        self.setWindowTitle(self.tr("Recovery plan: preview"))
        self.resize(900, 900)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.paper = named(QComboBox(), self.tr("Paper size"))
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.addItem(self.tr("A4"), "a4")
        paper_label = QLabel(self.tr("P&aper:"))
        paper_label.setBuddy(self.paper)
        self.legal = named(
            QCheckBox(self.tr("Show the &legal name")), self.tr("Show the legal name")
        )
        self.print_button = named(QPushButton(self.tr("&Print…")), self.tr("Print the plan"))
        self.print_button.setObjectName("primary")
        self.save_button = named(
            QPushButton(self.tr("&Save as PDF…")), self.tr("Save the plan as PDF")
        )
        self.close_button = named(QPushButton(self.tr("&Close")), self.tr("Close the preview"))
        widgets: list[QWidget] = [paper_label, self.paper, self.legal]
        for widget in widgets:
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.notice = QLabel(
            self.tr("Printed plans carry the 42 CFR Part 2 notice. Collect printouts at once.")
        )
        self.notice.setObjectName("hint")
        layout.addWidget(self.notice)
        self.pages_scroll = named(QScrollArea(), self.tr("Plan pages"))
        self.pages_scroll.setWidgetResizable(True)
        self.pages_box = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_scroll.setWidget(self.pages_box)
        layout.addWidget(self.pages_scroll, 1)
        self.paper.currentIndexChanged.connect(lambda _i: self.refresh())
        self.legal.toggled.connect(lambda _b: self.refresh())
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.reject)

    def refresh(self) -> None:
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        self._render(str(self.paper.currentData()), self.legal.isChecked(), self.show_pdf)

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for number, image in enumerate(page_images(pdf, PREVIEW_DPI), start=1):
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setAccessibleName(self.tr("Page {n}").format(n=number))
            page.setStyleSheet("border: 1px solid #b9c4c2; background: white;")
            self.pages_layout.addWidget(page)
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def page_count(self) -> int:
        return self.pages_layout.count()

    def print_to(self, printer: QPrinter) -> int:
        pages = print_pdf(self.pdf, printer)
        if pages:
            self.printed.emit(pages)
        return pages

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def choose_file(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the plan as PDF"), "recovery-plan.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        self._save(path, self.pdf)
