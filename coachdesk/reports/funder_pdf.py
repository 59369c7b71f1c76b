"""The RCO's funder report as a PDF (reportlab, DejaVu fonts embedded).

Minimal own page furniture (fonts, footer "page X of Y" with the 42 CFR 2.32 notice) until
reports/common.py from the PDF work is on main; then switch to it. No Qt. Written atomically.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coachdesk.files import write_atomic
from coachdesk.rco.metrics import FOLLOW_UP_TARGET
from coachdesk.rco.report import SUPPRESSED, Report, Row
from coachdesk.resources import FONT_BOLD, FONT_REGULAR, resource

NOTICE = "42 CFR part 2 prohibits unauthorized disclosure of these records."
FONT = "CDFunder"
FONT_B = "CDFunder-Bold"
NAVY = colors.HexColor("#0b2545")
TINT = colors.HexColor("#edf1f7")


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(resource(*FONT_REGULAR))))
        pdfmetrics.registerFont(TTFont(FONT_B, str(resource(*FONT_BOLD))))
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_B, italic=FONT, boldItalic=FONT_B
        )


def _numbered_canvas(title: str) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Defers pages so each footer can say 'page X of Y'."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # SimpleDocTemplate passes initialFontName=None; an unset one leaves a stray,
            # unembedded Helvetica in the file.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _ = LETTER
            self.saveState()
            self.setStrokeColor(colors.HexColor("#3a3a3a"))
            self.line(0.75 * inch, 0.75 * inch, width - 0.75 * inch, 0.75 * inch)
            self.setFont(FONT_B, 8.5)
            self.drawString(0.75 * inch, 0.55 * inch, NOTICE)
            self.setFont(FONT, 8.5)
            self.drawString(0.75 * inch, 0.38 * inch, title)
            self.drawRightString(
                width - 0.75 * inch, 0.38 * inch, f"page {self._pageNumber} of {total}"
            )
            self.restoreState()

    return NumberedCanvas


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=FONT, fontSize=10.5, leading=14, alignment=TA_LEFT)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=FONT_B, fontSize=18, leading=23, textColor=NAVY
        ),
        "h2": ParagraphStyle(
            "h2",
            keepWithNext=1,
            parent=base,
            fontName=FONT_B,
            fontSize=13,
            leading=17,
            textColor=NAVY,
            spaceBefore=10,
            spaceAfter=4,
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=9.5, leading=12.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9.5, leading=12),
        "head": ParagraphStyle("head", parent=base, fontName=FONT_B, fontSize=9.5, leading=12),
    }


# How each section is laid out: (row key, column key) of a pivot, or None for a plain list.
_PIVOTS = {
    "Referrals": ("category", "measure"),
    "Follow-up": ("category", "measure"),
    "Outcome domains": ("measure", "category"),
}


def _cell(row: Row | None, st: dict[str, ParagraphStyle]) -> Paragraph:
    if row is None:
        return Paragraph("", st["cell"])
    value = escape(row.display) if row.value is not None else f"<i>{SUPPRESSED}</i>"
    return Paragraph(value, st["cell"])


def _style(table: Table) -> Table:
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, NAVY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _section_table(name: str, rows: list[Row], st: dict[str, ParagraphStyle]) -> Table:
    head = st["head"]
    width = 6.8 * inch
    pivot = _PIVOTS.get(name)
    if pivot is None:
        data: list[list[Any]] = [
            [Paragraph("Measure", head), Paragraph("Group", head), Paragraph("Value", head)]
        ]
        for r in rows:
            data.append(
                [
                    Paragraph(escape(r.measure), st["cell"]),
                    Paragraph(escape(r.category), st["cell"]),
                    _cell(r, st),
                ]
            )
        return _style(Table(data, colWidths=[2.9 * inch, 2.6 * inch, 1.3 * inch], repeatRows=1))
    row_key, col_key = pivot
    row_names = list(dict.fromkeys(getattr(r, row_key) for r in rows))
    col_names = list(dict.fromkeys(getattr(r, col_key) for r in rows))
    found = {(getattr(r, row_key), getattr(r, col_key)): r for r in rows}
    extra = ["Target 80%"] if name == "Follow-up" else []
    data = [[Paragraph("", head)] + [Paragraph(escape(c), head) for c in col_names + extra]]
    for row_name in row_names:
        line: list[Any] = [Paragraph(escape(row_name), st["cell"])]
        line += [_cell(found.get((row_name, c)), st) for c in col_names]
        if extra:
            rate = found.get((row_name, "Follow-up rate"))
            verdict = (
                "not known"
                if rate is None or rate.value is None
                else ("met" if rate.value >= FOLLOW_UP_TARGET else "below target")
            )
            line.append(Paragraph(verdict, st["cell"]))
        data.append(line)
    first = 2.6 * inch
    rest = (width - first) / (len(col_names) + len(extra))
    return _style(Table(data, colWidths=[first] + [rest] * (len(data[0]) - 1), repeatRows=1))


def render_funder_pdf(report: Report) -> bytes:
    _fonts()
    st = _styles()
    title = f"{report.rco_name}: outcomes report, {report.period}"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=0.75 * inch,
        rightMargin=0.75 * inch,
        topMargin=0.75 * inch,
        bottomMargin=1.0 * inch,
        title=title,
        author=report.rco_name,
        subject="Recovery support outcomes (de-identified, small cells suppressed)",
        creator="CoachDesk",
        initialFontName=FONT,
    )
    story: list[Any] = [Paragraph(escape(title), st["title"]), Spacer(1, 4)]
    filters = (
        ", ".join(f"{k}: {v}" for k, v in report.filters.items()) or "all coaches and settings"
    )
    story.append(
        Paragraph(
            escape(
                f"Period {report.period} ({filters}). Generated {report.generated_at[:10]}. "
                f"Counts from 1 to {report.threshold - 1} and the figures they could be derived "
                f"from are shown as '{SUPPRESSED}'."
            ),
            st["small"],
        )
    )
    sections: dict[str, list[Row]] = {}
    for row in report.rows:
        sections.setdefault(row.section, []).append(row)
    for name, section_rows in sections.items():
        story.append(Paragraph(escape(name), st["h2"]))
        story.append(_section_table(name, section_rows, st))
    story.append(Paragraph("Methods", st["h2"]))
    for paragraph in report.methods:
        story.append(Paragraph(escape(paragraph), st["small"]))
        story.append(Spacer(1, 4))
    doc.build(story, canvasmaker=_numbered_canvas(title))
    return buffer.getvalue()


def write_funder_pdf(report: Report, target: Path | str) -> Path:
    return write_atomic(target, render_funder_pdf(report))
