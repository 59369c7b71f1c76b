"""The recovery plan PDF, read back with pypdf: content, language, fonts, footer, flow."""

from __future__ import annotations

import io
import re
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from coachdesk.core.models import (
    ActionStep,
    CrisisContact,
    Goal,
    LifeDomain,
    RecoveryPlan,
    StepStatus,
)
from coachdesk.errors import CoachDeskError
from coachdesk.reports import messages
from coachdesk.reports.common import Footer, geometry
from coachdesk.reports.messages import NOTICE_42CFR, NOTICE_42CFR_ES, Messages
from coachdesk.reports.plan_pdf import render_plan_pdf
from coachdesk.reports.samples import long_plan, sample_client, sample_profile, typical_plan

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique",
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
    "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Symbol", "ZapfDingbats",
}  # fmt: skip


def squash(value: str) -> str:
    """Whitespace-insensitive form: wrapped lines in the PDF become single spaces."""
    return re.sub(r"\s+", " ", value).strip()


def pages_text(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    return [squash(page.extract_text() or "") for page in reader.pages]


def all_text(data: bytes) -> str:
    return " ".join(pages_text(data))


def font_report(data: bytes) -> list[tuple[str, bool]]:
    """(base font name, embedded?) for every font in every page's /Resources /Font."""
    reader = PdfReader(io.BytesIO(data))
    found = []
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        fonts = resources.get("/Font")
        assert fonts is not None, "a page without fonts"
        for ref in fonts.get_object().values():
            font = ref.get_object()
            targets = [font]
            if font.get("/Subtype") == "/Type0":
                targets = [d.get_object() for d in font["/DescendantFonts"]]
            for target in targets:
                descriptor = target.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor is not None else None
                embedded = isinstance(descriptor, DictionaryObject) and any(
                    k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
                )
                found.append((str(font["/BaseFont"]).lstrip("/"), embedded))
    return found


def render(plan: RecoveryPlan | None = None, lang: str = "en", **kwargs: object) -> bytes:
    return render_plan_pdf(
        plan or typical_plan(lang),
        sample_client(lang),
        sample_profile(),
        lang=lang,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_goal_step_and_crisis_contact_is_in_the_pdf(lang: str) -> None:
    plan = typical_plan(lang)
    data = render(plan, lang)
    assert isinstance(data, bytes) and data.startswith(b"%PDF-")
    text = all_text(data)
    expected = [plan.vision, *plan.strengths, *plan.barriers, *plan.supports]
    for goal in plan.goals:
        expected += [goal.goal, goal.why_it_matters, Messages(lang).domain(goal.domain)]
        expected += [step.what for step in goal.steps]
    w = plan.wellness
    expected += [*w.triggers, *w.warning_signs, *w.coping_strategies, *w.safe_places]
    for contact in w.crisis_contacts:
        expected += [contact.name, contact.phone]
    missing = [e for e in expected if squash(e) not in text]
    assert not missing, missing
    assert sample_profile().display_name in text and "Demo Recovery Community" in text


def test_spanish_accents_survive() -> None:
    data = render(lang="es")
    text = all_text(data)
    for char in "áéíóúñü¿¡":
        assert char in text, char
    for phrase in (
        "Mi plan de recuperación",
        "¿Está en crisis? ¡Llame a una de las personas de abajo!",
        "Mis señales de alerta",
        "Por qué es importante para mí:",
        "sin vergüenza",
        "bilingüe",
        "Versión 3, 2 de marzo de 2026",
        "Consumo de sustancias y recuperación",
    ):
        assert phrase in text, phrase
    # The labels are Spanish, not English.
    assert "My recovery plan" not in text and "Why it matters" not in text


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_every_font_is_embedded(lang: str, paper: str) -> None:
    fonts = font_report(render(lang=lang, paper=paper, wallet_card=True))
    assert fonts
    for name, embedded in fonts:
        assert embedded, f"{name} is not embedded"
        assert name.split("+")[-1] not in BASE14, f"base-14 font {name}"
        assert "DejaVu" in name


@pytest.mark.parametrize("lang", ["en", "es"])
def test_page_x_of_y_and_the_notice_on_every_page(lang: str) -> None:
    pages = pages_text(render(long_plan(12), lang, wallet_card=True))
    assert len(pages) > 3
    m = Messages(lang)
    for number, text in enumerate(pages, start=1):
        assert m.format("page_of", page=number, pages=len(pages)) in text, number
        assert NOTICE_42CFR in text, number
        # Issue 17: the Spanish plan printed the 2.32 notice in English only.
        assert (NOTICE_42CFR_ES in text) == (lang == "es"), number
        assert squash(m["confidential"]) in text, number


def footer_lines(data: bytes) -> list[list[tuple[float, str]]]:
    """Per page, the (height, text) of every line drawn in the bottom margin, top first."""
    out = []
    for page in PdfReader(io.BytesIO(data)).pages:
        lines: list[tuple[float, str]] = []

        def seen(
            text: str, cm: list[float], tm: list[float], *_: object, into: list = lines
        ) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]  # the text matrix in page space
            if text.strip() and y < 1.5 * 72:
                into.append((round(y, 1), text.strip()))

        page.extract_text(visitor_text=seen)
        out.append(sorted(lines, reverse=True))
    return out


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_spanish_footer_has_the_notice_then_its_translation_inside_the_margin(
    paper: str,
) -> None:
    """English words first (the rule sets them), the translation on the next line, then the
    confidentiality line; all below the body frame, none closer than 1/4 inch to the edge."""
    data = render(long_plan(6), "es", paper=paper)
    bottom = geometry(paper, Footer("", NOTICE_42CFR, "", notice_translation="x")).bottom
    for number, lines in enumerate(footer_lines(data), start=1):
        texts = [t for _, t in lines]
        notice, translation = texts.index(NOTICE_42CFR), texts.index(NOTICE_42CFR_ES)
        confidential = texts.index(Messages("es")["confidential"])
        assert notice < translation < confidential, (number, texts)
        heights = [h for h, _ in lines]
        assert max(heights) < bottom - 10 and min(heights) >= 18, (number, lines)


def test_an_english_footer_keeps_three_lines_and_its_margin() -> None:
    assert geometry("letter").bottom == geometry("letter", Footer("", "", "")).bottom
    texts = [[t for _, t in page] for page in footer_lines(render())]
    assert all(NOTICE_42CFR in page and NOTICE_42CFR_ES not in page for page in texts)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_40_goal_plan_spans_pages_with_no_row_lost_or_split(paper: str) -> None:
    plan = long_plan(40)
    pages = pages_text(render(plan, paper=paper))
    assert len(pages) >= 10
    tags = re.findall(r"\bS(\d+)-(\d+):", " ".join(pages))
    expected = {(str(g), str(s)) for g in range(1, 41) for s in range(1, 4)}
    assert len(tags) == len(expected) == 120
    assert set(tags) == expected
    goals = re.findall(r"\bG(\d+):", " ".join(pages))
    assert sorted(map(int, goals)) == list(range(1, 41))
    # A row is never cut: each step's whole text is on the page where its tag is.
    steps = {s.what.split(":")[0]: s for g in plan.goals for s in g.steps}
    for text in pages:
        for tag in re.findall(r"\b(S\d+-\d+):", text):
            assert squash(steps[tag].what) in text, tag


def test_a_step_longer_than_a_page_continues_with_nothing_lost() -> None:
    words = [f"w{i:04d}" for i in range(2800)]  # ~ 17 000 characters, under MAX_TEXT
    plan = typical_plan("en")
    plan.goals[0].steps.insert(0, ActionStep(" ".join(words), "Me", None, StepStatus.DONE))
    data = render(plan)
    text = all_text(data)
    assert re.findall(r"\bw\d{4}\b", text) == words
    assert "(continued)" in text
    assert plan.goals[0].steps[1].what in text


def test_client_text_is_printed_literally_not_as_markup() -> None:
    plan = typical_plan("en")
    plan.goals[0].steps[0].what = "Ask about <b>rent</b> & fees > $50"
    plan.vision = "Line one\nLine two"
    text = all_text(render(plan))
    assert "Ask about <b>rent</b> & fees > $50" in text
    assert "Line one" in text and "Line two" in text


def test_legal_name_only_when_asked() -> None:
    client = sample_client("en")
    assert client.given_name != client.preferred_name
    plain = all_text(render())
    assert client.display_name in plain and client.legal_name not in plain
    with_legal = all_text(render(legal_name=True))
    assert client.legal_name in with_legal and "Legal name" in with_legal


def test_metadata_title_author_subject_and_language() -> None:
    for lang, tag, title in (
        ("en", "en-US", "Recovery plan"),
        ("es", "es-US", "Plan de recuperación"),
    ):
        reader = PdfReader(io.BytesIO(render(lang=lang)))
        meta = reader.metadata
        assert meta is not None
        assert meta.title == title  # no client name: printer queues show the title
        assert meta.author == sample_profile().display_name
        assert meta.subject and "3" in meta.subject
        assert reader.trailer["/Root"]["/Lang"] == tag


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("a4", (595, 842))])
def test_paper_size(paper: str, size: tuple[int, int]) -> None:
    reader = PdfReader(io.BytesIO(render(paper=paper)))
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
    assert round(geometry(paper).content_width) < size[0]


def test_crisis_section_is_pointed_to_from_the_pages_before_it() -> None:
    pages = pages_text(render(long_plan(6)))
    crisis = next(i for i, t in enumerate(pages, start=1) if "Wellness and crisis plan" in t)
    assert crisis > 2
    for number, text in enumerate(pages[: crisis - 1], start=1):
        assert f"Crisis plan: page {crisis}" in text, number
    assert "Crisis plan: page" not in pages[crisis - 1]
    assert "CRISIS PLAN" in pages[crisis - 1]  # the edge tab


def test_signature_lines_for_client_and_coach() -> None:
    plan = typical_plan("en")
    text = all_text(render(plan))
    assert "Client signature" in text and "Recovery coach signature" in text
    assert "Signed in CoachDesk" not in text
    plan.client_signed_on = plan.review_date
    assert "Signed in CoachDesk on May 31, 2026" in all_text(render(plan))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_wallet_card_is_one_more_page_with_the_crisis_contacts(lang: str) -> None:
    plan = typical_plan(lang)
    without = pages_text(render(plan, lang))
    pages = pages_text(render(plan, lang, wallet_card=True))
    assert len(pages) == len(without) + 1
    card = pages[-1]
    assert Messages(lang)["wallet_title"] in card
    for contact in plan.wellness.crisis_contacts:
        assert contact.phone in card and contact.name in card
    for strategy in plan.wellness.coping_strategies:
        assert strategy in card


def test_wallet_card_too_full_says_the_rest_is_in_the_plan() -> None:
    plan = typical_plan("en")
    plan.wellness.crisis_contacts = [
        CrisisContact(f"Helper {i}", f"555-010-{i:04d}", "friend") for i in range(30)
    ]
    pages = pages_text(render(plan, wallet_card=True))
    card = pages[-1]
    assert "555-010-0000" in card and "More in my full plan." in card
    # Every contact is still in the crisis section itself.
    assert all(f"555-010-{i:04d}" in " ".join(pages[:-1]) for i in range(30))


def test_an_empty_plan_still_prints() -> None:
    plan = RecoveryPlan(1, "", version=1)
    text = all_text(render(plan, wallet_card=True))
    assert "No goals written yet." in text and "Nothing written yet." in text
    assert "Client signature" in text


def test_goals_are_grouped_by_life_domain_in_a_fixed_order() -> None:
    plan = typical_plan("en")
    plan.goals = [
        Goal(LifeDomain.FINANCES, "Open a bank account", "", []),
        Goal(LifeDomain.HOUSING, "Find a room", "", [ActionStep("Call the office")]),
        Goal(LifeDomain.FINANCES, "Save a little each week", "", []),
    ]
    text = all_text(render(plan))
    housing, money = text.index("Housing"), text.index("Money")
    assert housing < text.index("Find a room") < money
    assert money < text.index("Open a bank account") < text.index("Save a little each week")
    assert "No action steps written yet." in text


def test_rendering_writes_no_temp_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    spy = tmp_path / "tmp"
    spy.mkdir()
    monkeypatch.setenv("TMPDIR", str(spy))
    monkeypatch.setattr(tempfile, "tempdir", str(spy))
    render(long_plan(5), wallet_card=True)
    assert list(spy.iterdir()) == []


def test_bad_language_or_paper_is_a_plain_error() -> None:
    with pytest.raises(CoachDeskError, match=r"English .* or Spanish"):
        render(lang="fr")
    with pytest.raises(CoachDeskError, match="Unknown paper size 'legal'"):
        render(paper="legal")


def test_the_two_catalogues_match() -> None:
    assert messages.keys("en") == messages.keys("es")
    en, es = Messages("en"), Messages("es")
    for key in messages.keys("en"):
        assert set(re.findall(r"{\w+}", en[key])) == set(re.findall(r"{\w+}", es[key])), key
        assert es[key].strip(), key
    for domain in LifeDomain:
        assert en.domain(domain) and es.domain(domain)
    for status in StepStatus:
        assert en.status(status) and es.status(status)
    from datetime import date

    assert es.date(date(2026, 9, 30)) == "30 de septiembre de 2026"
    assert en.date(date(2026, 9, 30), short=True) == "Sep 30, 2026"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_a_typical_crisis_section_fits_on_one_page(lang: str, paper: str) -> None:
    plan = typical_plan(lang)
    pages = pages_text(render(plan, lang, paper=paper))
    tab = Messages(lang)["crisis_tab"]
    crisis = [t for t in pages if tab in t]
    assert len(crisis) == 1
    w = plan.wellness
    for item in [*w.triggers, *w.warning_signs, *w.coping_strategies, *w.safe_places]:
        assert item in crisis[0], item


def test_long_crisis_lists_flow_over_pages_with_nothing_lost() -> None:
    plan = typical_plan("en")
    plan.wellness.coping_strategies = [f"Coping idea number {i:02d}" for i in range(60)]
    plan.wellness.warning_signs = [f"Warning sign number {i:02d}" for i in range(25)]
    pages = pages_text(render(plan))
    text = " ".join(pages)
    assert sum("CRISIS PLAN" in t for t in pages) >= 2
    assert re.findall(r"Coping idea number (\d\d)", text) == [f"{i:02d}" for i in range(60)]
    assert re.findall(r"Warning sign number (\d\d)", text) == [f"{i:02d}" for i in range(25)]


def test_renders_from_several_threads_at_once_are_all_whole() -> None:
    from concurrent.futures import ThreadPoolExecutor

    plans = [typical_plan("en"), typical_plan("es"), long_plan(8), long_plan(3)]
    langs = ["en", "es", "en", "es"]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda pl: render(pl[0], pl[1]), zip(plans, langs, strict=True)))
    for plan, data in zip(plans, results, strict=True):
        text = all_text(data)
        assert all(squash(s.what) in text for g in plan.goals for s in g.steps)


def test_an_entry_that_cannot_fit_any_page_is_a_plain_error() -> None:
    plan = typical_plan("en")
    plan.wellness.crisis_contacts[0].relationship = "word " * 4000  # a cell taller than a page
    with pytest.raises(CoachDeskError, match="too long to fit on a page"):
        render(plan)
