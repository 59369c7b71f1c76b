"""The RCO's funder report as a PDF, built on reports/common.py (embedded DejaVu fonts, footer
with "page X of Y" and the 42 CFR 2.32 notice on every page, atomic save). No Qt.

The figures are exactly the report rows (coachdesk.rco.report), already suppressed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table

from coachdesk.rco.metrics import FOLLOW_UP_TARGET
from coachdesk.rco.report import SUPPRESSED, Report, Row
from coachdesk.reports.common import (
    HEADING,
    TINT,
    DocumentInfo,
    Footer,
    geometry,
    render_pdf,
    save_pdf,
    styles,
    table_style,
)
from coachdesk.reports.messages import NOTICE_42CFR

NOTICE = NOTICE_42CFR
CONFIDENTIAL = (
    "De-identified aggregate figures for funders; small cells and the cells they could be "
    "derived from are suppressed."
)

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


def _styled(table: Table) -> Table:
    table.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, HEADING),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#9aa5b1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def _section_table(
    name: str, rows: list[Row], st: dict[str, ParagraphStyle], width: float
) -> Table:
    head = st["cell_bold"]
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
        widths = [width * 0.42, width * 0.38, width * 0.20]
        return _styled(Table(data, colWidths=widths, repeatRows=1))
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
    first = width * 0.36
    rest = (width - first) / (len(data[0]) - 1)
    return _styled(Table(data, colWidths=[first] + [rest] * (len(data[0]) - 1), repeatRows=1))


def render_funder_pdf(report: Report, paper: str = "letter") -> bytes:
    st = styles(12)
    st["h2"].keepWithNext = 1
    width = geometry(paper).content_width
    title = f"{report.rco_name}: outcomes report, {report.period}"
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
            st["body"],
        )
    )
    sections: dict[str, list[Row]] = {}
    for row in report.rows:
        sections.setdefault(row.section, []).append(row)
    for name, section_rows in sections.items():
        story.append(Paragraph(escape(name), st["h2"]))
        story.append(_section_table(name, section_rows, st, width))
    story.append(Paragraph("Methods", st["h2"]))
    for paragraph in report.methods:
        story.append(Paragraph(escape(paragraph), st["body"]))
    return render_pdf(
        story,
        DocumentInfo(
            title,
            report.rco_name,
            "Recovery support outcomes (de-identified, small cells suppressed)",
            "en-US",
        ),
        Footer("page {page} of {pages}", NOTICE, CONFIDENTIAL, title),
        paper=paper,
    )


def write_funder_pdf(report: Report, target: Path | str) -> Path:
    return save_pdf(target, render_funder_pdf(report))
