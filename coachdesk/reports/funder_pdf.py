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
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

from coachdesk.rco.metrics import FOLLOW_UP_TARGET
from coachdesk.rco.report import (
    COMPLETENESS_SECTION,
    DEMOGRAPHICS_SECTION,
    FORMAT1_SECTION,
    NO_RECORDS,
    RATE_MEASURE,
    SUPPRESSED,
    TIMEPOINT_LABELS,
    Report,
    Row,
)
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
    "Follow-up by coach": ("category", "measure"),
    DEMOGRAPHICS_SECTION: ("category", "measure"),
    "Outcome domains": ("measure", "category"),
    "Support given": ("category", "measure"),
}
_TARGETED = ("Follow-up", "Follow-up by coach")  # pivots that get a "Target 80%" verdict
_HEADERS = {
    COMPLETENESS_SECTION: ("Coach device", "Last sent", "This period"),
    FORMAT1_SECTION: ("Measure", "Group", "Value"),
}


# In the tables a suppressed figure is a star (explained above the first table), so that narrow
# columns of a pivot keep 12 pt type without breaking the word.
STAR = "*"
# Shorter column and row names for the pivots (the CSV keeps the full ones).
_SHORT = {
    "Reached in window": "In window",
    "Reached late": "Late",
    RATE_MEASURE: "Rate",
    "Linked within 30 days": "Within 30 days",
    "Share of people served": "Share",
    TIMEPOINT_LABELS["baseline"]: "Baseline (intake to day 30)",
    TIMEPOINT_LABELS["followup_180"]: "180-day (days 150-210)",
    TIMEPOINT_LABELS["annual"]: "Annual (days 335-395)",
    TIMEPOINT_LABELS["closeout"]: "Closeout (end to day 30)",
}


def _short(text: str) -> str:
    for long, short in _SHORT.items():
        text = text.replace(long, short)
    return text


def _cell(row: Row | None, st: dict[str, ParagraphStyle]) -> Paragraph:
    if row is None:
        return Paragraph("", st["cell"])
    value = escape(row.display) if row.value is not None or row.text else STAR
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
        headers = _HEADERS.get(name, ("Measure", "Group", "Value"))
        data: list[list[Any]] = [[Paragraph(h, head) for h in headers]]
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
    extra = [f"Target {FOLLOW_UP_TARGET:.0%}"] if name in _TARGETED else []
    data = [[Paragraph("", head)] + [Paragraph(escape(_short(c)), head) for c in col_names + extra]]
    for row_name in row_names:
        line: list[Any] = [Paragraph(escape(_short(row_name)), st["cell"])]
        line += [_cell(found.get((row_name, c)), st) for c in col_names]
        if extra:
            rate = found.get((row_name, RATE_MEASURE))
            if rate is not None and rate.text:
                verdict = rate.text  # "no records", "none due"
            elif rate is None or rate.value is None:
                verdict = "not known"
            else:
                verdict = "met" if rate.value >= FOLLOW_UP_TARGET else "below target"
            line.append(Paragraph(verdict, st["cell"]))
        data.append(line)
    first = width * (0.36 if len(data[0]) <= 5 else 0.28)
    rest = (width - first) / (len(data[0]) - 1)
    table = Table(data, colWidths=[first] + [rest] * (len(data[0]) - 1), repeatRows=1)
    table.setStyle(
        table_style([("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 3)])
    )
    return _styled(table)


def render_funder_pdf(report: Report, paper: str = "letter") -> bytes:
    st = styles(12)
    # No keepWithNext: it keeps a heading with its WHOLE table, so every long table started a
    # new page and left half pages blank; a conditional break keeps the heading with rows.
    width = geometry(paper).content_width
    title = f"{report.rco_name}: outcomes report, {report.period}"
    story: list[Any] = [Paragraph(escape(title), st["title"]), Spacer(1, 4)]
    filters = (
        ", ".join(f"{k}: {v}" for k, v in report.filters.items()) or "all coaches and settings"
    )
    story.append(
        Paragraph(
            escape(
                f"Period of service {report.period} ({filters}). Generated "
                f"{report.generated_at[:10]}. {STAR} = {SUPPRESSED}: a count from 1 to "
                f"{report.threshold - 1}, or a figure it could be derived from. Methods at the end."
            ),
            st["body"],
        )
    )
    if report.rows and all(r.text == NO_RECORDS for r in report.rows if r.kind != "text"):
        story.append(Paragraph("<b>No records for this selection.</b>", st["body"]))
    sections: dict[str, list[Row]] = {}
    for row in report.rows:
        sections.setdefault(row.section, []).append(row)
    for name, section_rows in sections.items():
        story.append(CondPageBreak(110))
        story.append(Paragraph(escape(name), st["h2"]))
        story.append(_section_table(name, section_rows, st, width))
    story.append(CondPageBreak(110))
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
