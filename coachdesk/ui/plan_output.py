"""Preview, print and save the recovery plan PDF (coachdesk.reports.plan_pdf).

The PDF exists only in memory: the preview and the printer get page images rendered from the
bytes with PDFium (PySide6-Essentials has no QtPdf), so no plaintext copy is left in a temp
folder; "Save as PDF" writes only where the coach chooses, through reports.common.save_pdf
(coachdesk.files.write_atomic). Rendering, saving and auditing are the application layer's
(coachdesk.application.documents), the same use case as `coachdesk plan pdf`: the client's
language by default, the save audited as "save" (no audit entry, no file), and an optional
recipient and purpose ("Who is this for?") recorded as a 42 CFR 2.25 disclosure.
`open_plan_dialog` wires the dialog to those use cases on the database worker.

Threading: GUI thread only (rendering a page takes milliseconds at preview size).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coachdesk.application import documents
from coachdesk.application.caseload import Caseload
from coachdesk.errors import CoachDeskError
from coachdesk.ui.common import named, pdf_save_path
from coachdesk.ui.fit import keep_words_whole
from coachdesk.ui.forms._messages import error_text, show_exception
from coachdesk.ui.plain import screen_room

R = TypeVar("R")

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
    """Preview of the plan with Print… and Save as PDF…; paper, language and legal-name options
    re-render; "Who is this for?" (optional) makes a print or save a recorded disclosure.

    `render(paper, lang, legal_name, done)` renders on the worker and calls `done(pdf_bytes)`
    back on the GUI thread; `save(path, paper, lang, legal_name, recipient, purpose)` saves
    through the use case. `lang` is "" for the client's language.
    """

    printed = Signal(int)  # pages sent to the printer
    saved = Signal(Path)

    def __init__(
        self,
        render: Callable[[str, str, bool, Callable[[bytes], None]], None],
        save: Callable[[Path, str, str, bool, str, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        keep_words_whole(self)
        self._render = render
        self._save = save
        self.pdf = b""
        self.setObjectName("planOutputDialog")
        self.setWindowTitle(self.tr("Recovery plan: preview"))
        self.resize(QSize(900, 900).boundedTo(screen_room(self)))
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.paper = named(QComboBox(), self.tr("Paper size"))
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.addItem(self.tr("A4"), "a4")
        paper_label = QLabel(self.tr("P&aper:"))
        paper_label.setBuddy(self.paper)
        self.language = named(QComboBox(), self.tr("Language of the document"))
        self.language.addItem(self.tr("The client's language"), "")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish"), "es")
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        language_label = QLabel(self.tr("La&nguage:"))
        language_label.setBuddy(self.language)
        self.legal = named(
            QCheckBox(self.tr("Show the &legal name")), self.tr("Show the legal name")
        )
        self.print_button = named(QPushButton(self.tr("&Print…")), self.tr("Print the plan"))
        self.print_button.setObjectName("primary")
        self.save_button = named(
            QPushButton(self.tr("&Save as PDF…")), self.tr("Save the plan as PDF")
        )
        self.close_button = named(QPushButton(self.tr("&Close")), self.tr("Close the preview"))
        widgets: list[QWidget] = [paper_label, self.paper, language_label, self.language]
        widgets.append(self.legal)
        for widget in widgets:
            bar.addWidget(widget)
        bar.addStretch(1)
        for button in (self.save_button, self.print_button, self.close_button):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.who = QGroupBox(self.tr("Who is this for? (optional)"))
        who_form = QFormLayout(self.who)
        self.recipient = named(QLineEdit(), self.tr("Recipient"))
        self.recipient.setObjectName("planRecipient")
        self.recipient.setPlaceholderText(self.tr("Leave empty when the client takes it"))
        self.purpose = named(QLineEdit(), self.tr("Purpose"))
        self.purpose.setObjectName("planPurpose")
        who_form.addRow(self.tr("&Recipient:"), self.recipient)
        who_form.addRow(self.tr("P&urpose:"), self.purpose)
        who_hint = QLabel(
            self.tr("Naming a recipient records a disclosure (42 CFR 2.25): say why it is shared.")
        )
        who_hint.setObjectName("hint")
        who_hint.setWordWrap(True)
        who_form.addRow(who_hint)
        self.error = QLabel("")
        self.error.setObjectName("error")  # styled by app/style.py
        self.error.setWordWrap(True)
        self.error.hide()
        who_form.addRow(self.error)
        layout.addWidget(self.who)
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
        self.language.currentIndexChanged.connect(lambda _i: self.refresh())
        self.legal.toggled.connect(lambda _b: self.refresh())
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.reject)

    def options(self) -> tuple[str, str, bool]:
        """(paper, lang or "" for the client's, legal name)."""
        return (
            str(self.paper.currentData()),
            str(self.language.currentData()),
            self.legal.isChecked(),
        )

    def disclosure(self) -> tuple[str, str] | None:
        """(recipient, purpose), or None (and the reason shown) when a purpose is missing."""
        try:
            checked = documents.check_disclosure(self.recipient.text(), self.purpose.text())
        except CoachDeskError as exc:
            self.show_error(exc)
            self.purpose.setFocus()
            return None
        self.error.hide()
        return checked

    def show_error(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.error.show()

    def refresh(self) -> None:
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)
        paper, lang, legal = self.options()
        self._render(paper, lang, legal, self.show_pdf)

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
        if self.disclosure() is None:
            return 0
        pages = print_pdf(self.pdf, printer)
        if pages:
            self.printed.emit(pages)
        return pages

    def choose_printer(self) -> None:
        if self.disclosure() is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def choose_file(self) -> None:
        if self.disclosure() is None:
            return
        name = pdf_save_path(self, "recovery-plan.pdf")
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        checked = self.disclosure()
        if checked is None:
            return
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        paper, lang, legal = self.options()
        self._save(path, paper, lang, legal, *checked)


class CaseloadRunner(Protocol):
    """What the window's database worker offers (coachdesk.app.worker.DbWorker.call)."""

    def call(
        self,
        fn: Callable[[Caseload], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[CoachDeskError], None] | None = None,
    ) -> None: ...


def open_plan_dialog(
    parent: QWidget,
    db: CaseloadRunner,
    client_id: int,
    version: int,
    *,
    saved: Callable[[Path], None] | None = None,
    recorded: Callable[[], None] | None = None,
) -> PlanOutputDialog:
    """Open the preview of plan `version` of `client_id`, wired to application.documents on
    the worker: preview, print and save are audited there, exactly as from the command line.
    `saved(path)` and `recorded()` run on the GUI thread after a save / any audit entry."""
    last: list[documents.PlanDocument] = []

    def after_record(_result: object = None) -> None:
        if recorded is not None:
            recorded()

    def render(paper: str, lang: str, legal: bool, done: Callable[[bytes], None]) -> None:
        def job(c: Caseload) -> documents.PlanDocument:
            return documents.render_plan(
                c, client_id, version=version, lang=lang or None, paper=paper, legal_name=legal
            )

        def shown(document: documents.PlanDocument) -> None:
            last[:] = [document]
            done(document.pdf)

        db.call(job, shown, dialog.show_error)

    def save(path: Path, paper: str, lang: str, legal: bool, recipient: str, purpose: str) -> None:
        shown = last[0] if last else None  # the bytes on screen are the bytes saved

        def job(c: Caseload) -> documents.SavedDocument:
            return documents.save_plan_pdf(
                c,
                client_id,
                path,
                version=version,
                lang=lang or None,
                paper=paper,
                legal_name=legal,
                recipient=recipient,
                purpose=purpose,
                rendered=shown,
            )

        def done(result: documents.SavedDocument) -> None:
            dialog.saved.emit(result.path)
            if saved is not None:
                saved(result.path)
            after_record()

        db.call(job, done, lambda exc: show_exception(dialog, exc))

    def printed(pages: int) -> None:
        if not last:
            return
        document = last[0]
        recipient, purpose = dialog.recipient.text(), dialog.purpose.text()
        db.call(
            lambda c: documents.record_print(c, document, pages, recipient, purpose),
            after_record,
            lambda exc: show_exception(dialog, exc),
        )

    dialog = PlanOutputDialog(render, save, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.printed.connect(printed)
    db.call(lambda c: documents.record_preview(c, client_id, version), after_record)
    dialog.refresh()
    dialog.open()
    return dialog
