"""The funder report PDF spells out MOUD before its first table and carries the 2.32 notice,
in Spanish with its translation, on every page (issue 17)."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from coachdesk.i18n import catalog
from coachdesk.rco import metrics
from coachdesk.rco.metrics import Filters
from coachdesk.rco.report import Report, methods, rows
from coachdesk.reports.funder_pdf import render_funder_pdf
from coachdesk.reports.messages import NOTICE_42CFR, NOTICE_42CFR_ES


def report() -> Report:
    """A report over no records: every section and label is there, every figure empty."""
    fig = metrics.compute_format1([], Filters(), 11)
    return Report("Harbor RCO", "2025", {}, "2026-01-05", 11, rows(fig), methods(11))


def pages(lang: str) -> list[str]:
    data = render_funder_pdf(report(), lang=lang)
    reader = PdfReader(io.BytesIO(data))
    return [re.sub(r"\s+", " ", p.extract_text() or "") for p in reader.pages]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "medications for opioid use disorder"),
        ("es", "medicamentos para el trastorno por consumo de opioides"),
    ],
)
def test_moud_is_spelled_out_before_the_first_table_that_says_it(lang: str, words: str) -> None:
    text = " ".join(pages(lang))
    explained = text.find(f"MOUD = {words}")
    assert explained != -1, text[:600]
    first_use = text.find("MOUD", explained + 4)
    assert first_use > explained  # the tables say MOUD after it (referrals, outcome domains)
    assert text.count("MOUD =") == 1


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_page_carries_the_notice_and_spanish_its_translation(lang: str) -> None:
    found = pages(lang)
    assert len(found) >= 2
    for page in found:
        assert NOTICE_42CFR in page
        assert (NOTICE_42CFR_ES in page) == (lang == "es")


def test_the_spanish_report_never_says_the_rco_bare() -> None:
    """ "RCO" is "la organización" in Spanish (docs/domain.md); the RCO's own name stays."""
    text = " ".join(pages("es")).replace("Harbor RCO", "")
    assert not re.search(r"(?<!\()\bRCO\b(?!\))", text), text
    assert "sellados para esta organización" in catalog.text("doc.funder.method.source", "es")
