"""The client's list of disclosures (42 CFR 2.25): what of their records left the coach's
hands, to whom, when, why, and under which consent, for the period the rule covers.

The list comes from the vault's disclosure register (Caseload.disclosures: the past three
years, newest first); this module only lays it out. Printed in the client's language ("en" or
"es"); the 42 CFR 2.32 notice stays in English in the footer, with its translation under it in
Spanish. Any single thread may call it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from coachdesk.core.models import PLAN_OUTPUT, Client, CoachProfile, Consent, Disclosure
from coachdesk.reports.common import (
    HEADING,
    RULE,
    TINT,
    WHITE,
    geometry,
    render_pdf,
    styles,
    table_style,
    text,
)
from coachdesk.reports.consent_pdf import closing, document
from coachdesk.reports.messages import Messages

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "doc_title": "List of disclosures",
        "doc_subject": "Disclosures of a client's records (42 CFR 2.25)",
        "title": "Who my information was shared with",
        "client": "Client",
        "period": "Disclosures from {start} to {end}",
        "lead": "Federal law (42 CFR 2.25) gives you the right to know who received "
        "information from your records. This list shows every disclosure your recovery "
        "coach recorded in this period, newest first.",
        "col_when": "Date",
        "col_to": "To whom",
        "col_what": "What was shared",
        "col_purpose": "Purpose",
        "col_consent": "Under consent",
        "consent_of": "signed {date}",
        "no_consent": "none recorded",
        "plan": "Recovery plan, version {version}",
        "plan_printed": "Recovery plan, version {version}, printed ({pages})",
        "pages_one": "1 page",
        "pages_many": "{n} pages",
        "none": "No disclosures were recorded in this period.",
        "prepared": "Prepared by {coach}{organisation} on {date}.",
        "page_of": "Page {page} of {pages}",
        "confidential": "Confidential. This list belongs to the person named on page 1.",
    },
    "es": {
        "doc_title": "Lista de divulgaciones",
        "doc_subject": "Divulgaciones de los registros de un participante (42 CFR 2.25)",
        "title": "Con quién se compartió mi información",
        "client": "Participante",
        "period": "Divulgaciones del {start} al {end}",
        "lead": "La ley federal (42 CFR 2.25) le da derecho a saber quién recibió información "
        "de sus registros. Esta lista muestra cada divulgación que su coach de recuperación "
        "registró en este periodo, de la más reciente a la más antigua.",
        "col_when": "Fecha",
        "col_to": "A quién",
        "col_what": "Qué se compartió",
        "col_purpose": "Para qué",
        "col_consent": "Consentimiento",
        "consent_of": "firmado el {date}",
        "no_consent": "no consta",
        "plan": "Plan de recuperación, versión {version}",
        "plan_printed": "Plan de recuperación, versión {version}, impreso ({pages})",
        "pages_one": "1 página",
        "pages_many": "{n} páginas",
        "none": "No se registró ninguna divulgación en este periodo.",
        "prepared": "Preparado por {coach}{organisation} el {date}.",
        "page_of": "Página {page} de {pages}",
        "confidential": "Confidencial. Esta lista pertenece a la persona nombrada en la página 1.",
    },
}


def shared_words(what: str, words: dict[str, str]) -> str:
    """`what` of a disclosure in the list's language; text of another form as it is."""
    match = PLAN_OUTPUT.fullmatch(what)  # the program's own English words: worded anew
    if match is None:
        return what
    version, pages = match.groups()
    if pages is None:
        return words["plan"].format(version=version)
    count = words["pages_one"] if pages == "1" else words["pages_many"].format(n=pages)
    return words["plan_printed"].format(version=version, pages=count)


def render_disclosure_pdf(
    disclosures: Sequence[Disclosure],
    client: Client,
    profile: CoachProfile | None = None,
    *,
    since: date,
    today: date,
    consents: Sequence[Consent] = (),
    lang: str = "en",
    paper: str = "letter",
) -> bytes:
    """The list of `disclosures` (the period `since`..`today`) as PDF bytes in `lang`.

    `consents` (the client's) name the consent each disclosure was made under. The table's
    header row repeats on every page. Nothing is written to disk.
    """
    m = Messages(lang)
    words = WORDS[m.lang]
    geo = geometry(paper)
    st = styles()
    st["small"] = st["body"].clone("small", fontSize=12, leading=15)
    signed_on = {c.id: c.signed_on for c in consents if c.id is not None}

    period = words["period"].format(start=m.date(since), end=m.date(today))
    story: list[Flowable] = [
        Paragraph(text(words["title"]), st["title"]),
        Paragraph(f"<b>{text(words['client'])}:</b> {text(client.legal_name)}", st["body"]),
        Paragraph(text(period), st["body"]),
        Spacer(1, 4),
        Paragraph(text(words["lead"]), st["body"]),
        Spacer(1, 8),
    ]
    ordered = sorted(disclosures, key=lambda d: d.disclosed_on, reverse=True)
    if not ordered:
        story.append(Paragraph(f"<b>{text(words['none'])}</b>", st["body"]))
    else:
        head = [
            Paragraph(text(words[key]), st["cell_head"])
            for key in ("col_when", "col_to", "col_what", "col_purpose", "col_consent")
        ]
        rows: list[list[object]] = [head]
        for d in ordered:
            local = d.disclosed_on.astimezone() if d.disclosed_on.tzinfo else d.disclosed_on
            signed = signed_on.get(d.consent_id) if d.consent_id is not None else None
            consent = (
                words["consent_of"].format(date=m.date(signed, short=True))
                if signed is not None
                else words["no_consent"]
            )
            rows.append(
                [
                    Paragraph(text(m.date(local.date(), short=True)), st["cell"]),
                    Paragraph(text(d.recipient), st["cell"]),
                    Paragraph(text(shared_words(d.what, words)), st["cell"]),
                    Paragraph(text(d.purpose), st["cell"]),
                    Paragraph(text(consent), st["cell"]),
                ]
            )
        share = [0.18, 0.21, 0.19, 0.18, 0.24]  # dates and "Consentimiento" unbroken
        table = Table(rows, colWidths=[geo.content_width * f for f in share], repeatRows=1)
        table.setStyle(
            table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BACKGROUND", (0, 0), (-1, 0), HEADING),
                    ("TEXTCOLOR", (0, 0), (-1, 0), WHITE),
                    ("ROWBACKGROUNDS", (0, 1), (-1, -1), [WHITE, TINT]),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        story.append(table)
    story += closing(words, m, st, profile, today)
    info, footer = document(words, m, profile, client)
    return render_pdf(story, info, footer, paper=paper)
