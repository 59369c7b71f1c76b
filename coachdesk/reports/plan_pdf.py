"""The client's recovery plan as a PDF the client keeps, signs and brings back.

Layout choices, for a reader with reading glasses on a shared facility printer:
- 13 pt body, 12 pt tables, black and navy on white; coloured fills only behind white bold
  headings, so a grey-printing printer still gives high contrast.
- Goals grouped by life domain; each goal's action steps are a checklist table whose rows never
  split: a step that does not fit moves whole to the next page under a repeated header row.
  (A single step longer than a page, which validation allows, continues over marked rows.)
- Signature lines close the plan proper. The wellness and crisis section comes last, on pages
  of its own with a dark-red edge tab, contacts first and short lists side by side (so a typical
  section is one page the client can keep apart); every page before it names the page it starts
  on ("Crisis plan: page 4").
- Metadata: title without the client's name (printer queues show it), author, subject, /Lang.

Any single thread may call render_plan_pdf (see reports.common): it reads only its arguments.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import LayoutError

from coachdesk.core.models import (
    ActionStep,
    Client,
    CoachProfile,
    CrisisContact,
    Goal,
    LifeDomain,
    RecoveryPlan,
    StepStatus,
)
from coachdesk.errors import CoachDeskError
from coachdesk.reports.common import (
    CRISIS,
    CRISIS_TINT,
    FONT,
    FONT_B,
    HEADING,
    INK,
    RULE,
    TINT,
    WHITE,
    DocumentInfo,
    Geometry,
    PageMark,
    PageMarks,
    geometry,
    render_pdf,
    styles,
    table_style,
    text,
)
from coachdesk.reports.messages import Messages

Styles = dict[str, ParagraphStyle]

BOX_OPEN = "\u2610"  # ☐
BOX_DONE = "\u2611"  # ☑
CRISIS_MARK = "crisis"
STEP_PAD_X = 5


def render_plan_pdf(
    plan: RecoveryPlan,
    client: Client,
    profile: CoachProfile | None,
    *,
    lang: str = "en",
    paper: str = "letter",
    legal_name: bool = False,
    wallet_card: bool = False,
) -> bytes:
    """The plan as PDF bytes, in `lang` ("en" or "es") on `paper` ("letter" or "a4").

    The client's preferred name is printed; the legal name only with `legal_name`. With
    `wallet_card` a last page holds a fold-over card of the crisis section. Nothing is written to
    disk: save with reports.common.save_pdf or hand the bytes to the printer.
    """
    m = Messages(lang)
    footer = m.footer(m["page_of"], m["confidential"], f"{m['title']}: {client.display_name}")
    geo = geometry(paper, footer)
    st = styles()
    st.update(_plan_styles(st))
    marks = PageMarks()

    story: list[Flowable] = []
    story += _header(plan, client, profile, m, st, geo, legal_name)
    story += _vision(plan, m, st)
    story += _goals(plan.goals, m, st, geo)
    for key, items in (
        ("strengths", plan.strengths),
        ("barriers", plan.barriers),
        ("supports", plan.supports),
    ):
        story += _bullets(m[key], items, m, st)
    story += _signatures(plan, m, st, geo)
    # The crisis section comes last, on pages of its own with an edge tab, so it is found fast
    # and can be kept apart from the rest of the plan.
    story += [NextPageTemplate("crisis"), PageBreak(), PageMark(marks, CRISIS_MARK)]
    story += _crisis(plan, m, st, geo)
    story.append(NextPageTemplate("body"))
    if wallet_card:
        story += [PageBreak(), *_wallet_page(plan, client, m, st, geo)]

    def decorate(canvas: Canvas, g: Geometry, page: int, pages: int) -> None:
        crisis_page = marks.pages.get(CRISIS_MARK)
        if crisis_page is not None and page < crisis_page:
            _draw_pointer(canvas, g, m.format("crisis_pointer", page=crisis_page))

    info = DocumentInfo(
        title=m["doc_title"],
        author=profile.display_name if profile and profile.display_name else "CoachDesk",
        subject=f"{m['doc_subject']}, {m.format('version', version=plan.version)}",
        lang=m.pdf_lang,
    )
    try:
        return render_pdf(
            story,
            info,
            footer,
            paper=paper,
            templates={"crisis": lambda c, g: _draw_crisis_tab(c, g, m["crisis_tab"])},
            decorate=decorate,
        )
    except LayoutError:
        raise CoachDeskError(
            "One entry of this plan is too long to fit on a page; shorten it and print again."
        ) from None


# -- styles -------------------------------------------------------------------------------


def _plan_styles(st: Styles) -> Styles:
    body = st["body"]
    return {
        "goal": body.clone("goal", fontName=FONT_B, fontSize=14, leading=18, spaceBefore=8),
        "vision": body.clone(
            "vision",
            fontSize=14,
            leading=20,
            backColor=TINT,
            borderColor=HEADING,
            borderWidth=0,
            borderPadding=10,
            leftIndent=10,
            rightIndent=10,
            spaceBefore=16,
            spaceAfter=16,
        ),
        "band": body.clone("band", fontName=FONT_B, fontSize=20, leading=25, textColor=WHITE),
        "lead": body.clone("lead", fontName=FONT_B, fontSize=14, leading=19, textColor=CRISIS),
        "crisis_h": st["h2"].clone("crisis_h", textColor=CRISIS),
        "phone": st["cell_bold"].clone("phone", fontSize=15, leading=19),
        "box": st["cell"].clone("box", fontSize=17, leading=19, alignment=1),
        "small": body.clone("small", fontSize=12, leading=15),
    }


# -- sections -----------------------------------------------------------------------------


def _header(
    plan: RecoveryPlan,
    client: Client,
    profile: CoachProfile | None,
    m: Messages,
    st: Styles,
    geo: Geometry,
    legal_name: bool,
) -> list[Flowable]:
    created = plan.created_at.astimezone().date() if plan.created_at else None
    rows: list[tuple[str, str]] = [(m["name"], client.display_name)]
    if legal_name and client.legal_name != client.display_name:
        rows.append((m["legal_name"], client.legal_name))
    elif legal_name:
        rows[0] = (m["legal_name"], client.legal_name)
    if client.pronouns:
        rows.append((m["pronouns"], client.pronouns))
    rows.append((m["coach"], profile.display_name if profile else ""))
    if profile and profile.organisation:
        rows.append((m["organisation"], profile.organisation))
    version = (
        m.format("version_of", version=plan.version, date=m.date(created))
        if created
        else m.format("version", version=plan.version).capitalize()
    )
    rows.append((m["plan_version"], version))
    rows.append((m["review_date"], m.date(plan.review_date) or m["not_set"]))
    label_w = geo.content_width * 0.34
    table = Table(
        [[Paragraph(text(k), st["label"]), Paragraph(text(v), st["body"])] for k, v in rows],
        colWidths=[label_w, geo.content_width - label_w],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, HEADING),
            ]
        )
    )
    return [Paragraph(text(m["title"]), st["title"]), Spacer(1, 6), table, Spacer(1, 4)]


def _vision(plan: RecoveryPlan, m: Messages, st: Styles) -> list[Flowable]:
    words = plan.vision.strip()
    return [
        Paragraph(text(m["vision"]), st["h1"]),
        Paragraph(f"\u201c{text(words)}\u201d" if words else text(m["nothing"]), st["vision"]),
    ]


def _goals(
    goals: Sequence[Goal],
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> list[Flowable]:
    title = Paragraph(text(m["goals"]), st["h1"])
    if not goals:
        return [title, Paragraph(text(m["no_goals"]), st["body"])]
    out: list[Flowable] = []
    lead: list[Flowable] = [title]  # "My goals" travels with the first goal
    number = 0
    # One set of column widths for every table, so the columns line up down the pages.
    all_steps = [s for g in goals for s in g.steps]
    widths = _step_widths(all_steps, m, st, geo.content_width, 2 * STEP_PAD_X + 2)
    for domain in LifeDomain:
        in_domain = [g for g in goals if g.domain == domain]
        if not in_domain:
            continue
        # The domain heading travels with its first goal (never alone at a page end).
        heading: list[Flowable] = [*lead, Paragraph(text(m.domain(domain)), st["h2"])]
        lead = []
        for goal in in_domain:
            number += 1
            parts: list[Flowable] = [
                *heading,
                Paragraph(f"{number}. {text(goal.goal)}", st["goal"]),
            ]
            heading = []
            if goal.why_it_matters.strip():
                parts.append(
                    Paragraph(f"<b>{text(m['why'])}</b> {text(goal.why_it_matters)}", st["body"])
                )
            parts.append(_steps_table(goal.steps, m, st, geo, widths))
            parts.append(Spacer(1, 8))
            out += _keep_goal(parts, goal, st, geo, widths)
    return out


def _estimate(value: str, width: float, style: ParagraphStyle) -> float:
    """A quick, generous height for `value` set in `style` at `width` (no layout: measuring
    every paragraph twice would double the render time)."""
    per_line = max(1, int(width / (style.fontSize * 0.62)))  # DejaVu averages ~0.55 em
    lines = sum(max(1, -(-len(line) // per_line)) for line in value.split("\n"))
    return float(lines * style.leading + style.spaceBefore + style.spaceAfter)


def _keep_goal(
    parts: list[Flowable], goal: Goal, st: Styles, geo: Geometry, widths: list[float]
) -> list[Flowable]:
    """A goal that fits in 60% of a page moves whole to the next page when it does not fit
    where it is. A longer one starts where it is if its heading, why and the first two steps
    fit, and its table then splits between rows (never inside one)."""
    width = geo.content_width
    cell = st["cell"]
    start = _estimate("x", width, st["h2"]) + _estimate(goal.goal, width, st["goal"])
    start += _estimate(goal.why_it_matters, width, st["body"]) + 2 * cell.leading + 10
    rows = [
        max(_estimate(s.what, widths[1] - 10, cell), _estimate(s.who, widths[2] - 10, cell)) + 10
        for s in goal.steps
    ]
    # A step taller than a page is cut into page-sized rows: ask for one screenful at most.
    rows = [min(r, geo.content_height * 0.4) for r in rows]
    if start + sum(rows) <= geo.content_height * 0.6:
        return [KeepTogether(parts)]
    return [CondPageBreak(start + sum(rows[:2])), *parts]


def _steps_table(
    steps: Sequence[ActionStep],
    m: Messages,
    st: Styles,
    geo: Geometry,
    widths: list[float],
) -> Flowable:
    if not steps:
        return Paragraph(text(m["no_steps"]), st["body"])
    pad_x, pad_top, pad_bottom = STEP_PAD_X, 4, 6
    head = [
        Paragraph(text(m[k]), st["cell_head"])
        for k in ("col_done", "col_what", "col_who", "col_when", "col_status")
    ]
    data: list[list[object]] = [head]
    # A row taller than this could never fit under the repeated header: split its text.
    max_row = geo.content_height * 0.8
    for step in steps:
        box = BOX_DONE if step.status == StepStatus.DONE else BOX_OPEN
        cells: list[Paragraph] = [
            Paragraph(box, st["box"]),
            Paragraph(text(step.what), st["cell"]),
            Paragraph(text(step.who), st["cell"]),
            Paragraph(text(m.date(step.by_when, short=True)), st["cell"]),
            Paragraph(text(m.status(step.status)), st["cell"]),
        ]
        rough = max(
            _estimate(step.what, widths[1] - 2 * pad_x, st["cell"]),
            _estimate(step.who, widths[2] - 2 * pad_x, st["cell"]),
        )
        if (
            rough <= max_row / 2
            or _row_height(cells, widths, pad_x) + pad_top + pad_bottom <= max_row
        ):
            data.append(list(cells))
            continue
        chunks = _split_paragraph(cells[1], widths[1] - 2 * pad_x, max_row - 20)
        data.append([*cells[:1], chunks[0], *cells[2:]])
        for chunk in chunks[1:]:
            data.append(["", chunk, Paragraph(text(m["continued"]), st["cell"]), "", ""])
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad_x),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad_x),
        ("TOPPADDING", (0, 0), (-1, -1), pad_top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad_bottom),
        ("BACKGROUND", (0, 0), (-1, 0), HEADING),
        ("GRID", (0, 0), (-1, -1), 0.7, RULE),
        ("BOX", (0, 0), (-1, -1), 1.2, INK),
    ]
    commands += [("BACKGROUND", (0, r), (-1, r), TINT) for r in range(2, len(data), 2)]
    table.setStyle(table_style(commands))
    return table


def _row_height(cells: list[Paragraph], widths: list[float], pad_x: float) -> float:
    return float(max(c.wrap(w - 2 * pad_x, 1e9)[1] for c, w in zip(cells, widths, strict=True)))


def _step_widths(
    steps: Sequence[ActionStep], m: Messages, st: Styles, total: float, padding: float
) -> list[float]:
    """Done / what / who / when / status. "Done" fits its heading word and "by when" its
    longest date on one line, on A4 too; the step text takes what is left."""
    head, cell = st["cell_head"], st["cell"]
    done = max(total * 0.09, stringWidth(m["col_done"], head.fontName, head.fontSize) + padding)
    dates = [m.date(s.by_when, short=True) for s in steps]
    when = max(
        [total * 0.15] + [stringWidth(d, cell.fontName, cell.fontSize) + padding for d in dates]
    )
    who, status = total * 0.16, total * 0.17
    return [done, total - done - who - when - status, who, when, status]


def _split_paragraph(paragraph: Paragraph, width: float, height: float) -> list[Flowable]:
    """Cut a paragraph into pieces no taller than `height`."""
    pieces: list[Flowable] = []
    rest: Flowable = paragraph
    while True:
        _, h = rest.wrap(width, 1e9)
        if h <= height:
            pieces.append(rest)
            return pieces
        parts = rest.split(width, height)
        if len(parts) < 2:
            pieces.append(rest)
            return pieces
        pieces.append(parts[0])
        rest = parts[1]


def _bullets(
    title: str,
    items: Sequence[str],
    m: Messages,
    st: Styles,
    style_key: str = "h1",
) -> list[Flowable]:
    """A headed list kept on one page (a list longer than a page still flows on)."""
    return [KeepTogether(_headed_list(title, items, m, st, style_key))]


def _headed_list(
    title: str, items: Sequence[str], m: Messages, st: Styles, style_key: str
) -> list[Flowable]:
    heading = Paragraph(text(title), st[style_key])
    words = [i for i in items if i.strip()]
    if not words:
        return [heading, Paragraph(text(m["nothing"]), st["body"])]
    return [heading, *(Paragraph(text(i), st["bullet"], bulletText="\u2022") for i in words)]


def _crisis(
    plan: RecoveryPlan,
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> list[Flowable]:
    w = plan.wellness
    band = Table([[Paragraph(text(m["wellness"]), st["band"])]], colWidths=[geo.content_width])
    band.setStyle(
        table_style(
            [
                ("BACKGROUND", (0, 0), (-1, -1), CRISIS),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    lead = Table([[Paragraph(text(m["crisis_lead"]), st["lead"])]], colWidths=[geo.content_width])
    lead.setStyle(
        table_style(
            [
                ("BOX", (0, 0), (-1, -1), 2, CRISIS),
                ("BACKGROUND", (0, 0), (-1, -1), CRISIS_TINT),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("TOPPADDING", (0, 0), (-1, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    out: list[Flowable] = [band, Spacer(1, 10), lead]
    heading = Paragraph(text(m["call"]), st["crisis_h"])
    heading.keepWithNext = True
    out.append(heading)
    out.append(_contacts_table(w.crisis_contacts, m, st, geo))
    pairs = (
        (("warning_signs", w.warning_signs), ("triggers", w.triggers)),
        (("coping", w.coping_strategies), ("safe_places", w.safe_places)),
    )
    half = (geo.content_width - 16) / 2
    for left, right in pairs:
        columns = [_headed_list(m[key], items, m, st, "crisis_h") for key, items in (left, right)]
        tall = max(
            sum(_estimate(i, half - 20, st["bullet"]) for i in items) for _, items in (left, right)
        )
        if tall > geo.content_height * 0.4:  # long lists flow on, one under the other
            out += [KeepTogether(columns[0]), KeepTogether(columns[1])]
            continue
        # Short lists side by side, so the whole section usually fits on one page.
        pair = Table([columns], colWidths=[half + 16, half], hAlign="LEFT")
        pair.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), 16),
                    ("RIGHTPADDING", (1, 0), (1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out += [Spacer(1, 12), pair]  # a heading's spaceBefore is lost inside a cell
    return out


def _contacts_table(
    contacts: Sequence[CrisisContact],
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> Flowable:
    if not contacts:
        return Paragraph(text(m["nothing"]), st["body"])
    widths = [geo.content_width * f for f in (0.38, 0.27, 0.35)]
    data: list[list[object]] = [
        [
            Paragraph(text(m[k]), st["cell_head"])
            for k in ("contact_name", "contact_relationship", "contact_phone")
        ]
    ]
    for c in contacts:
        data.append(
            [
                Paragraph(text(c.name), st["cell_bold"]),
                Paragraph(text(c.relationship), st["cell"]),
                Paragraph(text(c.phone), st["phone"]),
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, 0), CRISIS),
                ("GRID", (0, 0), (-1, -1), 0.7, RULE),
                ("BOX", (0, 0), (-1, -1), 2, CRISIS),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _signatures(
    plan: RecoveryPlan,
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> list[Flowable]:
    sign_w = geo.content_width * 0.62
    blocks: list[Flowable] = [
        Paragraph(text(m["signatures"]), st["h1"]),
        Paragraph(text(m["signature_intro"]), st["body"]),
    ]
    for key, signed in (
        ("client_signature", plan.client_signed_on),
        ("coach_signature", plan.coach_signed_on),
    ):
        rows: list[list[object]] = [
            ["", ""],  # room to sign by hand, above the line
            [Paragraph(text(m[key]), st["label"]), Paragraph(text(m["date"]), st["label"])],
        ]
        if signed is not None:
            note = m.format("signed_on_record", date=m.date(signed))
            rows.append([Paragraph(text(note), st["small"]), ""])
        table = Table(
            rows,
            colWidths=[sign_w, geo.content_width - sign_w],
            rowHeights=[44] + [None] * (len(rows) - 1),
        )
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 18),
                    ("LINEABOVE", (0, 1), (0, 1), 1.2, INK),
                    ("LINEABOVE", (1, 1), (1, 1), 1.2, INK),
                ]
            )
        )
        blocks += [table, Spacer(1, 14)]
    return [Spacer(1, 10), KeepTogether(blocks)]


# -- wallet card --------------------------------------------------------------------------

CARD_W = 3.375 * inch  # ISO/IEC 7810 ID-1, the size of a bank card
CARD_H = 2.125 * inch


class WalletCard(Flowable):
    """Two ID-1 panels side by side: cut around, fold in the middle. Text shrinks from 12 pt
    down to 8 pt to fit; what still does not fit is left to the full plan (and says so)."""

    def __init__(
        self,
        front: list[tuple[str, list[str]]],
        back: list[tuple[str, list[str]]],
        more: str,
    ) -> None:
        super().__init__()
        self.front = front
        self.back = back
        self.more = more
        self.pad = 7.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 2 * CARD_W, CARD_H

    def _panel(self, sections: list[tuple[str, list[str]]]) -> list[Paragraph]:
        inner_w, inner_h = CARD_W - 2 * self.pad, CARD_H - 2 * self.pad
        sections = [(title, list(items)) for title, items in sections]
        truncated = False
        while True:
            for size in (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0):
                paragraphs = _card_paragraphs(sections, size, self.more if truncated else "")
                if sum(p.wrap(inner_w, 1e9)[1] for p in paragraphs) <= inner_h:
                    return paragraphs
            # Drop the last item of the last section that has one and say so on the card.
            for _, items in reversed(sections):
                if items:
                    items.pop()
                    truncated = True
                    break
            else:
                return _card_paragraphs(sections, 8.0, self.more)

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.8)
        canvas.setDash(6, 4)
        canvas.rect(0, 0, 2 * CARD_W, CARD_H)  # cut line
        canvas.setDash(1, 3)
        canvas.line(CARD_W, 0, CARD_W, CARD_H)  # fold line
        canvas.restoreState()
        for x, sections in ((0.0, self.front), (CARD_W, self.back)):
            y = CARD_H - self.pad
            for p in self._panel(sections):
                _, h = p.wrap(CARD_W - 2 * self.pad, 1e9)
                y -= h
                p.drawOn(canvas, x + self.pad, y)


def _card_paragraphs(
    sections: list[tuple[str, list[str]]], size: float, more: str
) -> list[Paragraph]:
    st = styles()
    head = st["body"].clone("card_head", fontName=FONT_B, fontSize=size + 1, leading=size * 1.3,
                            textColor=CRISIS, spaceAfter=0)  # fmt: skip
    line = st["body"].clone("card_line", fontName=FONT, fontSize=size, leading=size * 1.22,
                            spaceAfter=0)  # fmt: skip
    out: list[Paragraph] = []
    for title, items in sections:
        if title:
            out.append(Paragraph(text(title), head))
        out += [Paragraph(item, line) for item in items]
    if more:
        out.append(Paragraph(f"<i>{text(more)}</i>", line))
    return out


def _wallet_page(
    plan: RecoveryPlan,
    client: Client,
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> list[Flowable]:
    w = plan.wellness
    contacts = [_card_contact(c) for c in w.crisis_contacts]
    front = [
        (f"{m['wallet_title']}: {client.preferred_name or client.given_name}", []),
        (m["wallet_call"], contacts),
    ]
    joined = "  \u2022  "
    back = [
        (m[key], [joined.join(text(i) for i in items if i.strip())])
        for key, items in (
            ("warning_signs", w.warning_signs),
            ("coping", w.coping_strategies),
            ("safe_places", w.safe_places),
        )
        if any(i.strip() for i in items)
    ]
    card = WalletCard(front, back, m["wallet_more"])
    card.hAlign = "CENTER"
    return [
        Paragraph(text(m["wallet_title"]), st["h1"]),
        Paragraph(text(m["wallet_howto"]), st["body"]),
        Spacer(1, 12),
        card,
    ]


def _card_contact(contact: CrisisContact) -> str:
    who = text(contact.name)
    if contact.relationship.strip():
        who += f" ({text(contact.relationship)})"
    return f"<b>{text(contact.phone)}</b>  {who}"


# -- page decorations ---------------------------------------------------------------------


def _draw_pointer(canvas: Canvas, geo: Geometry, label: str) -> None:
    """ "Crisis plan: page N" boxed in the top margin, on the right."""
    size = 12
    width = stringWidth(label, FONT_B, size) + 16
    x = geo.width - geo.right - width
    y = geo.height - geo.top + 14
    canvas.saveState()
    canvas.setStrokeColor(CRISIS)
    canvas.setLineWidth(1.5)
    canvas.rect(x, y, width, size + 10)
    canvas.setFillColor(CRISIS)
    canvas.setFont(FONT_B, size)
    canvas.drawString(x + 8, y + 6, label)
    canvas.restoreState()


def _draw_crisis_tab(canvas: Canvas, geo: Geometry, label: str) -> None:
    """A dark edge band on every crisis page, visible when flicking through the stack."""
    x0 = geo.width - 0.6 * inch
    band_w = 0.3 * inch
    y0, y1 = geo.bottom, geo.height - geo.top
    canvas.saveState()
    canvas.setFillColor(CRISIS)
    canvas.rect(x0, y0, band_w, y1 - y0, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(FONT_B, 13)
    canvas.translate(x0 + band_w / 2 + 4.5, (y0 + y1) / 2)
    canvas.rotate(90)
    canvas.drawCentredString(0, 0, label)
    canvas.restoreState()
