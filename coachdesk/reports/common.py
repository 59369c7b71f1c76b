"""Building blocks every CoachDesk PDF shares (recovery plan, funder report).

- Fonts: the DejaVu TTFs shipped in resources/fonts, registered once and embedded (subset) in
  every document. The canvas starts in DejaVu too (initialFontName), so no unembedded base-14
  font (Helvetica) ever appears.
- Paper: Letter and A4, with one margin scheme; `geometry(paper, footer)` gives the content width
  and height that story builders size their tables with (a four-line footer takes one more
  line of the bottom margin).
- `render_pdf(story, info, footer, ...)`: lays the story out in memory and returns the bytes.
  Every page gets a footer with "page X of Y", the 42 CFR 2.32 notice (in a Spanish document
  followed by its translation) and a confidentiality line; page decorations are drawn when the
  page count is known (deferred canvas), so one pass is enough. No temp file is ever written:
  the window can print from these bytes.
- `save_pdf(path, data)`: the only way a PDF reaches the disk (coachdesk.files.write_atomic).

Threading: reportlab keeps global registries (fonts, rl_config), so renders are serialised by a
module lock. Any single thread may call these functions (the window's worker, the CLI); they never
touch the vault.
"""

from __future__ import annotations

import io
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, TableStyle

from coachdesk.errors import CoachDeskError
from coachdesk.files import write_atomic
from coachdesk.resources import FONT_BOLD, FONT_ITALIC, FONT_REGULAR, resource

FONT = "CoachDeskSans"
FONT_B = "CoachDeskSans-Bold"
FONT_I = "CoachDeskSans-Italic"

# High contrast on white, and still dark when a colour printer prints in grey.
INK = colors.black
HEADING = colors.HexColor("#0b2545")  # navy, contrast 15:1 on white
CRISIS = colors.HexColor("#7a0010")  # dark red, contrast 11:1 on white
RULE = colors.HexColor("#3a3a3a")
TINT = colors.HexColor("#edf1f7")
CRISIS_TINT = colors.HexColor("#fbeff0")
WHITE = colors.white

PAPER_SIZES: Mapping[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

_font_lock = threading.Lock()
_fonts_ready = False
_render_lock = threading.Lock()


def register_fonts() -> None:
    """Register the shipped DejaVu fonts with reportlab once per process (any thread)."""
    global _fonts_ready
    with _font_lock:
        if _fonts_ready:
            return
        for name, parts in ((FONT, FONT_REGULAR), (FONT_B, FONT_BOLD), (FONT_I, FONT_ITALIC)):
            path = resource(*parts)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except Exception as exc:  # a damaged or missing installation
                raise CoachDeskError(
                    f"The font {path.name} that PDFs need is missing or damaged; "
                    "please reinstall CoachDesk."
                ) from exc
        # <b> and <i> inside paragraphs map onto the embedded faces (no bold-italic face ships).
        addMapping(FONT, 0, 0, FONT)
        addMapping(FONT, 1, 0, FONT_B)
        addMapping(FONT, 0, 1, FONT_I)
        addMapping(FONT, 1, 1, FONT_B)
        _fonts_ready = True


BOTTOM = 1.15 * inch


@dataclass(frozen=True, slots=True)
class Geometry:
    """Page size and margins in points; the body frame is what lies inside the margins."""

    pagesize: tuple[float, float]
    left: float = 0.75 * inch
    right: float = 0.75 * inch
    top: float = 0.85 * inch  # room for the running header
    bottom: float = BOTTOM  # room for the three-line footer

    @property
    def width(self) -> float:
        return self.pagesize[0]

    @property
    def height(self) -> float:
        return self.pagesize[1]

    @property
    def content_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def content_height(self) -> float:
        return self.height - self.top - self.bottom


FOOTER_LINE = 14.0  # points between the footer's lines


def geometry(paper: str, footer: Footer | None = None) -> Geometry:
    """The page of `paper`; a footer of more than three lines raises the bottom margin."""
    extra = (footer.lines - 3) * FOOTER_LINE if footer is not None else 0.0
    try:
        size = PAPER_SIZES[paper.lower()]
    except KeyError:
        raise CoachDeskError(
            f"Unknown paper size '{paper}': choose {' or '.join(PAPER_SIZES)}."
        ) from None
    return Geometry(size, bottom=BOTTOM + extra)


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """PDF metadata. Keep client names out of `title`: printer queues show it."""

    title: str
    author: str
    subject: str
    lang: str  # BCP 47, e.g. "en-US", written to the catalog's /Lang
    creator: str = "CoachDesk"
    keywords: str = ""


@dataclass(frozen=True, slots=True)
class Footer:
    """The footer on every page. `page_of` is formatted with {page} and {pages}."""

    page_of: str
    notice: str
    confidential: str
    running_title: str = ""  # left of the page number, from page 2 on
    # The notice in the document's language, printed under the regulation's English words.
    notice_translation: str = ""

    @property
    def lines(self) -> int:
        return 4 if self.notice_translation else 3


PageDecoration = Callable[[Canvas, Geometry, int, int], None]


@dataclass(slots=True)
class PageMarks:
    """Pages on which marked flowables landed, known before the deferred decorations run."""

    pages: dict[str, int] = field(default_factory=dict)


class PageMark(Flowable):
    """An invisible flowable that records the page it is drawn on under `name`."""

    def __init__(self, marks: PageMarks, name: str) -> None:
        super().__init__()
        self.marks = marks
        self.name = name
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.marks.pages.setdefault(self.name, self.canv.getPageNumber())


def text(value: str) -> str:
    """Client words as paragraph markup: escaped, line breaks kept."""
    return escape(value.strip()).replace("\r\n", "\n").replace("\n", "<br/>")


def styles(base: float = 13) -> dict[str, ParagraphStyle]:
    """Large-type styles (body 13 pt by default, never under 12 pt) in the embedded fonts."""
    register_fonts()
    leading = base * 1.35
    cell = max(12.0, base - 1)  # table text

    def style(name: str, **kw: Any) -> ParagraphStyle:
        defaults: dict[str, Any] = {
            "fontName": FONT,
            "bulletFontName": FONT,  # the default is an unembedded Helvetica
            "fontSize": base,
            "leading": leading,
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        defaults.update(kw)
        return ParagraphStyle(name, **defaults)

    return {
        "body": style("body", spaceAfter=base * 0.4),
        "title": style(
            "title", fontName=FONT_B, fontSize=base * 1.9, leading=base * 2.3, textColor=HEADING
        ),
        "h1": style(
            "h1",
            fontName=FONT_B,
            fontSize=base * 1.4,
            leading=base * 1.75,
            textColor=HEADING,
            spaceBefore=base * 1.0,
            spaceAfter=base * 0.4,
        ),
        "h2": style(
            "h2",
            fontName=FONT_B,
            fontSize=base * 1.15,
            leading=base * 1.45,
            textColor=HEADING,
            spaceBefore=base * 0.8,
            spaceAfter=base * 0.25,
        ),
        "label": style("label", fontName=FONT_B),
        "cell": style("cell", fontSize=cell, leading=cell * 1.3),
        "cell_bold": style("cell_bold", fontName=FONT_B, fontSize=cell, leading=cell * 1.3),
        "cell_head": style(
            "cell_head", fontName=FONT_B, fontSize=cell, leading=cell * 1.3, textColor=WHITE
        ),
        "bullet": style("bullet", leftIndent=base * 1.3, bulletIndent=base * 0.2, spaceAfter=2),
    }


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle whose plain-string cells use the embedded font (reportlab's default for
    table cells is an unembedded Helvetica, even for an empty string)."""
    return TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 12), *commands]
    )


class _DeferredCanvas(Canvas):
    """Holds every page back until the document ends, then draws the decorations (footer,
    running header, cross references) knowing the page count, and writes the pages."""

    def __init__(
        self, *args: Any, decorate: PageDecoration, geometry: Geometry, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._decorate = decorate
        self._geometry = geometry

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._decorate(self, self._geometry, self._pageNumber, total)
            Canvas.showPage(self)
        Canvas.save(self)


def _fit(canvas: Canvas, value: str, font: str, size: float, width: float) -> float:
    """The largest size <= `size` (not under 7 pt) at which `value` fits in `width`."""
    while size > 7 and pdfmetrics.stringWidth(value, font, size) > width:
        size -= 0.25
    return size


def draw_footer(canvas: Canvas, geo: Geometry, footer: Footer, page: int, pages: int) -> None:
    """Rule, then "page X of Y" (with the running title), the notice (and its translation) and
    the confidentiality line, all inside the bottom margin (see geometry)."""
    left, right = geo.left, geo.width - geo.right
    width = right - left
    top = geo.bottom - 12
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.8)
    canvas.line(left, top, right, top)
    canvas.setFillColor(INK)
    label = footer.page_of.format(page=page, pages=pages)
    canvas.setFont(FONT_B, 11)
    canvas.drawRightString(right, top - 14, label)
    if footer.running_title and page > 1:
        room = width - pdfmetrics.stringWidth(label, FONT_B, 11) - 18
        size = _fit(canvas, footer.running_title, FONT, 10, room)
        canvas.setFont(FONT, size)
        canvas.drawString(left, top - 14, footer.running_title)
    y = top - 30
    for notice in filter(None, (footer.notice, footer.notice_translation)):
        size = _fit(canvas, notice, FONT_B, 10, width)
        canvas.setFont(FONT_B, size)
        canvas.drawString(left, y, notice)
        y -= FOOTER_LINE
    size = _fit(canvas, footer.confidential, FONT, 10, width)
    canvas.setFont(FONT, size)
    canvas.drawString(left, y, footer.confidential)
    canvas.restoreState()


def render_pdf(
    story: Sequence[Flowable],
    info: DocumentInfo,
    footer: Footer,
    *,
    paper: str = "letter",
    templates: Mapping[str, Callable[[Canvas, Geometry], None]] | None = None,
    decorate: PageDecoration | None = None,
) -> bytes:
    """Lay out `story` and return the PDF bytes (nothing touches the disk).

    `templates` maps extra page-template ids (switch with NextPageTemplate) to a function that
    draws on each such page before its content; the first template is always "body".
    `decorate(canvas, geometry, page, pages)` runs on every page once the page count is known.
    """
    register_fonts()
    geo = geometry(paper, footer)

    def finish(canvas: Canvas, g: Geometry, page: int, pages: int) -> None:
        canvas.setFont(FONT, 12)
        draw_footer(canvas, g, footer, page, pages)
        if decorate is not None:
            decorate(canvas, g, page, pages)

    page_templates = []
    for name, on_page in {"body": None, **(templates or {})}.items():
        frame = Frame(
            geo.left,
            geo.bottom,
            geo.content_width,
            geo.content_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id=name,
        )
        callback = (lambda c, d, f=on_page: f(c, geo)) if on_page else (lambda c, d: None)
        page_templates.append(PageTemplate(id=name, frames=[frame], onPage=callback))

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=geo.pagesize,
        leftMargin=geo.left,
        rightMargin=geo.right,
        topMargin=geo.top,
        bottomMargin=geo.bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator=info.creator,
        keywords=info.keywords,
        lang=info.lang,
        initialFontName=FONT,
        initialFontSize=12,
        initialLeading=15,
        pageCompression=1,
    )
    doc.addPageTemplates(page_templates)
    with _render_lock:
        doc.build(
            list(story),
            canvasmaker=partial(_DeferredCanvas, decorate=finish, geometry=geo),
        )
    return buffer.getvalue()


def save_pdf(path: Path | str, data: bytes) -> Path:
    """Write a rendered PDF where the user chose, atomically (temp file, 0600, fsync, rename).
    A failure leaves no partial file and raises CoachDeskError with a plain message."""
    target = Path(path)
    if target.is_dir():
        raise CoachDeskError(f"{target} is a folder: give a file name such as plan.pdf.")
    return write_atomic(target, data)
