"""The RCO's funder report as a PDF, built on reports/common.py (embedded DejaVu fonts, footer
with "page X of Y" and the 42 CFR 2.32 notice on every page, atomic save). No Qt.

The figures are exactly the report rows (coachdesk.rco.report), already suppressed. The rows
carry English words (the CSV and JSON keep them); the PDF words them in its own language from
the catalog's "doc.funder.*" entries through reports/messages.py `Messages`, as the plan PDF.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
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
    methods,
)
from coachdesk.reports.common import (
    FONT_B,
    HEADING,
    TINT,
    DocumentInfo,
    geometry,
    render_pdf,
    save_pdf,
    styles,
    table_style,
)
from coachdesk.reports.messages import NOTICE_42CFR, Messages

NOTICE = NOTICE_42CFR

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
    COMPLETENESS_SECTION: ("head_device", "head_last_sent", "head_this_period"),
    FORMAT1_SECTION: ("head_measure", "head_group", "head_value"),
}


# In the tables a suppressed figure is a star (explained above the first table), so that narrow
# columns of a pivot keep 12 pt type without breaking the word.
STAR = "*"
# Shorter column and row names for the pivots (the CSV keeps the full ones): catalog keys.
_SHORT = {
    "Reached in window": "short.window",
    "Reached late": "short.late",
    RATE_MEASURE: "short.rate",
    "Linked within 30 days": "short.linked30",
    "Share of people served": "short.share",
    **{TIMEPOINT_LABELS[t]: f"short.{t}" for t in TIMEPOINT_LABELS},
}
_THROUGH = re.compile(r"^(.*) \(through (\d{4}-\d{2}-\d{2})\)$")


def _day(value: str, m: Messages) -> str:
    """An ISO date as the language writes it (short month); other text as a report word."""
    try:
        return m.date(date.fromisoformat(value[:10]), short=True)
    except ValueError:
        return m.word(value)


def _words(text: str, m: Messages) -> str:
    """A label of the report in the PDF's language, shortened for the pivots."""
    if text in _SHORT:
        return m[_SHORT[text]]
    head, sep, tail = text.partition(": ")
    if sep and tail in _SHORT:  # "Coach Ada: Baseline (...)"
        return f"{m.word(head)}{sep}{m[_SHORT[tail]]}"
    found = _THROUGH.match(text)
    if found:
        return m.format("through", words=m.word(found[1]), date=_day(found[2], m))
    return m.word(text)


def _cell(row: Row | None, m: Messages, st: dict[str, ParagraphStyle]) -> Paragraph:
    if row is None:
        return Paragraph("", st["cell"])
    if row.value is None and not row.text:
        return Paragraph(STAR, st["cell"])
    shown = _words(row.text, m) if row.text else row.display
    return Paragraph(escape(shown), st["cell"])


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
    name: str, rows: list[Row], m: Messages, st: dict[str, ParagraphStyle], width: float
) -> Table:
    head = st["cell_bold"]
    pivot = _PIVOTS.get(name)
    if pivot is None:
        headers = _HEADERS.get(name, ("head_measure", "head_group", "head_value"))
        data: list[list[Any]] = [[Paragraph(escape(m[h]), head) for h in headers]]
        last_sent = name == COMPLETENESS_SECTION  # its group column is the day last sent
        for r in rows:
            data.append(
                [
                    Paragraph(escape(m.word(r.measure)), st["cell"]),
                    Paragraph(
                        escape(_day(r.category, m) if last_sent else m.word(r.category)),
                        st["cell"],
                    ),
                    _cell(r, m, st),
                ]
            )
        widths = [width * 0.42, width * 0.38, width * 0.20]
        if last_sent:  # the coverage words are the long ones here
            widths = [width * 0.36, width * 0.24, width * 0.40]
        return _styled(Table(data, colWidths=widths, repeatRows=1))
    row_key, col_key = pivot
    row_names = list(dict.fromkeys(getattr(r, row_key) for r in rows))
    col_names = list(dict.fromkeys(getattr(r, col_key) for r in rows))
    found = {(getattr(r, row_key), getattr(r, col_key)): r for r in rows}
    extra = [m.format("target", target=f"{FOLLOW_UP_TARGET:.0%}")] if name in _TARGETED else []
    data = [
        [Paragraph("", head)]
        + [Paragraph(escape(_words(c, m)), head) for c in col_names]
        + [Paragraph(escape(e), head) for e in extra]
    ]
    for row_name in row_names:
        line: list[Any] = [Paragraph(escape(_words(row_name, m)), st["cell"])]
        line += [_cell(found.get((row_name, c)), m, st) for c in col_names]
        if extra:
            rate = found.get((row_name, RATE_MEASURE))
            if rate is not None and rate.text:
                verdict = m.word(rate.text)  # "no records", "none due"
            elif rate is None or rate.value is None:
                verdict = m["not_known"]
            else:
                verdict = m["met"] if rate.value >= FOLLOW_UP_TARGET else m["below_target"]
            line.append(Paragraph(escape(verdict), st["cell"]))
        data.append(line)
    table = Table(data, colWidths=_pivot_widths(data, width), repeatRows=1)
    table.setStyle(
        table_style([("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 3)])
    )
    return _styled(table)


def _pivot_widths(data: list[list[Any]], width: float) -> list[float]:
    """Even figure columns, each at least as wide as its longest word (bold, as in the
    header), so that no word breaks ("Vinculadas", "cumplida"); the row names get the rest."""
    columns = len(data[0])
    first = width * (0.36 if columns <= 5 else 0.28)
    even = (width - first) / (columns - 1)
    widths = []
    for c in range(1, columns):
        words = [w for line in data for w in line[c].getPlainText().split()]
        need = max((stringWidth(w, FONT_B, 12) for w in words), default=0) + 9
        widths.append(max(even, need))
    return [max(width - sum(widths), width * 0.2), *widths]


def _filters(report: Report, m: Messages) -> str:
    names = {"device": "filter_device", "setting": "filter_setting"}
    shown = [
        m.format(names[k], value=m.word(v)) if k in names else f"{k}: {v}"
        for k, v in report.filters.items()
    ]
    return ", ".join(shown) or m["all_filters"]


def render_funder_pdf(report: Report, paper: str = "letter", lang: str = "en") -> bytes:
    """The report as PDF bytes, worded in `lang` ("en" or "es"); the figures are the rows'."""
    m = Messages(lang, prefix="doc.funder.")
    st = styles(12)
    # No keepWithNext: it keeps a heading with its WHOLE table, so every long table started a
    # new page and left half pages blank; a conditional break keeps the heading with rows.
    width = geometry(paper).content_width
    period = m["all_periods"] if report.period == "all periods" else report.period
    title = m.format("title", rco=report.rco_name, period=period)
    story: list[Any] = [Paragraph(escape(title), st["title"]), Spacer(1, 4)]
    intro = m.format(
        "intro",
        period=period,
        filters=_filters(report, m),
        date=_day(report.generated_at, m),
        star=STAR,
        suppressed=m.word(SUPPRESSED),
        top=report.threshold - 1,
    )
    story.append(Paragraph(escape(intro), st["body"]))
    story.append(Paragraph(escape(m["moud"]), st["body"]))  # the rows say "MOUD"
    if report.rows and all(r.text == NO_RECORDS for r in report.rows if r.kind != "text"):
        story.append(Paragraph(f"<b>{escape(m['no_records'])}</b>", st["body"]))
    sections: dict[str, list[Row]] = {}
    for row in report.rows:
        sections.setdefault(row.section, []).append(row)
    for name, section_rows in sections.items():
        story.append(CondPageBreak(110))
        story.append(Paragraph(escape(m.word(name)), st["h2"]))
        story.append(_section_table(name, section_rows, m, st, width))
    story.append(CondPageBreak(110))
    story.append(Paragraph(escape(m["methods"]), st["h2"]))
    # the English PDF states the methods the report carries (as its CSV and JSON do)
    shown = report.methods if lang == "en" else methods(report.threshold, report.fiscal_start, lang)
    for paragraph in shown:
        story.append(Paragraph(escape(paragraph), st["body"]))
    return render_pdf(
        story,
        DocumentInfo(title, report.rco_name, m["subject"], m.pdf_lang),
        m.footer(m["page_of"], m["confidential"], title),
        paper=paper,
    )


def write_funder_pdf(
    report: Report, target: Path | str, paper: str = "letter", lang: str = "en"
) -> Path:
    return save_pdf(target, render_funder_pdf(report, paper, lang))
