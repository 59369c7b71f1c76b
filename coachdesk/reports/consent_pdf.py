"""A 42 CFR Part 2 consent printed for the client to read and sign (42 CFR 2.31).

Every element 2.31(a) requires is printed, numbered, beside its plain-language heading: the
client's name, who may disclose, how much and what kind of information, to whom, the purpose,
the right to revoke (and how), the expiry date or event, then the statements a written consent
carries (care not conditioned on signing, redisclosure) and lines for the signature, the
printed name, the authority of a person signing for the client, and the dates.

Printed in the client's language ("en" or "es"), independent of the window's; the 42 CFR 2.32
notice stays word for word in English in the footer (reports.messages.NOTICE_42CFR) and a
Spanish document's footer adds its translation on every page. Any single thread may call it (see
reports.common): it reads only its arguments.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from coachdesk.core.models import Client, CoachProfile, Consent
from coachdesk.reports.common import (
    HEADING,
    INK,
    RULE,
    TINT,
    DocumentInfo,
    Footer,
    Geometry,
    geometry,
    render_pdf,
    styles,
    table_style,
    text,
)
from coachdesk.reports.messages import Messages

Styles = dict[str, ParagraphStyle]

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "doc_title": "Consent to disclose",
        "doc_subject": "Written consent to disclose substance use disorder records (42 CFR 2.31)",
        "title": "Consent to disclose information",
        "lead": "This form lets the people named below share information about you that "
        "federal law (42 CFR Part 2) protects. Read it, ask about anything unclear, and sign "
        "only if you agree. You can keep a copy.",
        "patient": "Client (whom the information is about)",
        "disclosing_party": "Who may disclose the information",
        "information": "How much and what kind of information",
        "recipients": "To whom it may be disclosed",
        "purpose": "Purpose of the disclosure",
        "revocation": "My right to revoke this consent, and how",
        "expiry": "This consent ends",
        "expires_on": "on {date}",
        "expiry_event": "when: {event}",
        "not_conditioned": "I do not have to sign this consent. My recovery support will not "
        "be refused or changed because I do not sign it or because I revoke it.",
        "redisclosure": "Once information is disclosed under this consent, the recipient may "
        "share it again, and then it may no longer be protected by federal law.",
        "signatures": "Signatures",
        "signature": "Signature of client or authorized person",
        "date": "Date",
        "printed_name": "Printed name",
        "authority": "Authority, if signing for the client",
        "coach": "Recovery coach (witness)",
        "prepared": "Prepared by {coach}{organisation} on {date}.",
        "on_record": "Signed by {name} on {date}, as recorded in CoachDesk.",
        "revoked": "This consent was revoked on {date}.",
        "blank": "(to fill in)",
        "page_of": "Page {page} of {pages}",
        "confidential": "Confidential. Keep this form with the client's records.",
    },
    "es": {
        "doc_title": "Consentimiento para divulgar",
        "doc_subject": "Consentimiento escrito para divulgar registros sobre el trastorno por "
        "consumo de sustancias (42 CFR 2.31)",
        "title": "Consentimiento de divulgación",
        "lead": "Permite compartir información sobre usted que la ley federal (42 CFR parte 2) "
        "protege. Léalo, pregunte lo que no esté claro y fírmelo solo si está de acuerdo. "
        "Puede quedarse con una copia.",
        "patient": "Participante (de quien es la información)",
        "disclosing_party": "Quién puede divulgar la información",
        "information": "Cuánta información y de qué tipo",
        "recipients": "A quién se puede divulgar",
        "purpose": "Para qué se divulga",
        "revocation": "Mi derecho a revocar este consentimiento, y cómo",
        "expiry": "Fin del consentimiento",
        "expires_on": "el {date}",
        "expiry_event": "cuando: {event}",
        "not_conditioned": "No estoy obligado/a a firmar este consentimiento. No se me negará "
        "ni se cambiará el apoyo a mi recuperación si no lo firmo o si lo revoco.",
        "redisclosure": "Una vez divulgada la información según este consentimiento, quien la "
        "recibe puede volver a compartirla, y entonces puede dejar de estar protegida por la "
        "ley federal.",
        "signatures": "Firmas",
        "signature": "Firma del participante o persona autorizada",
        "date": "Fecha",
        "printed_name": "Nombre en letra de imprenta",
        "authority": "Si firma otra persona: su autoridad",
        "coach": "Coach de recuperación (testigo)",
        "prepared": "Preparado por {coach}{organisation} el {date}.",
        "on_record": "Firmado por {name} el {date}, según consta en CoachDesk.",
        "revoked": "Este consentimiento se revocó el {date}.",
        "blank": "(a completar)",
        "page_of": "Página {page} de {pages}",
        "confidential": "Confidencial. Guarde este formulario con los registros del participante.",
    },
}


def render_consent_pdf(
    consent: Consent,
    client: Client,
    profile: CoachProfile | None = None,
    *,
    lang: str = "en",
    paper: str = "letter",
    signed: bool = False,
) -> bytes:
    """The consent as PDF bytes for signature, in `lang` on `paper`.

    `consent` may be a draft: empty elements print as a line to fill in by hand. With `signed`
    the signature and date recorded in CoachDesk are printed under the lines (a copy for the
    client); without it the lines stay blank. Nothing is written to disk.
    """
    m = Messages(lang)
    words = WORDS[m.lang]
    geo = geometry(paper)
    st = styles(12)  # 12 pt (the smallest CoachDesk prints) keeps the form on one page
    st["small"] = st["body"].clone("small", fontSize=12, leading=15)
    st["element_label"] = st["cell_bold"].clone("element_label", textColor=HEADING)

    story: list[Flowable] = [
        Paragraph(text(words["title"]), st["title"]),
        Paragraph(text(words["lead"]), st["body"]),
        Spacer(1, 6),
        _elements(consent, client, words, m, st, geo),
        Spacer(1, 6),
    ]
    for key in ("not_conditioned", "redisclosure"):
        story.append(Paragraph(text(words[key]), st["body"], bulletText="•"))
    if consent.revoked_on is not None:
        revoked = words["revoked"].format(date=m.date(consent.revoked_on))
        story.append(Paragraph(f"<b>{text(revoked)}</b>", st["body"]))
    story += _signatures(consent, words, m, st, geo, signed)
    story += closing(words, m, st, profile, consent.signed_on)
    info, footer = document(words, m, profile, client)
    return render_pdf(story, info, footer, paper=paper)


def closing(
    words: dict[str, str], m: Messages, st: Styles, profile: CoachProfile | None, on: date
) -> list[Flowable]:
    """ "Prepared by ..." (the 2.32 notice and its translation are in the footer)."""
    story: list[Flowable] = []
    if profile is not None and profile.display_name:
        organisation = f", {profile.organisation}" if profile.organisation else ""
        prepared = words["prepared"].format(
            coach=profile.display_name, organisation=organisation, date=m.date(on)
        )
        story += [Spacer(1, 8), Paragraph(text(prepared), st["small"])]
    return story


def document(
    words: dict[str, str], m: Messages, profile: CoachProfile | None, client: Client
) -> tuple[DocumentInfo, Footer]:
    """Metadata (no client name in the title: printer queues show it) and the footer."""
    info = DocumentInfo(
        title=words["doc_title"],
        author=profile.display_name if profile and profile.display_name else "CoachDesk",
        subject=words["doc_subject"],
        lang=m.pdf_lang,
    )
    footer = m.footer(
        words["page_of"], words["confidential"], f"{words['title']}: {client.legal_name}"
    )
    return info, footer


def _elements(
    consent: Consent,
    client: Client,
    words: dict[str, str],
    m: Messages,
    st: Styles,
    geo: Geometry,
) -> Table:
    """The 2.31(a) elements, numbered, one row each: heading left, the consent's words right."""
    if consent.expires_on is not None:
        ends = words["expires_on"].format(date=m.date(consent.expires_on))
    elif consent.expiry_event.strip():
        ends = words["expiry_event"].format(event=consent.expiry_event.strip())
    else:
        ends = ""
    rows = [
        ("patient", client.legal_name),
        ("disclosing_party", consent.disclosing_party),
        ("information", consent.information),
        ("recipients", consent.recipients),
        ("purpose", consent.purpose),
        ("revocation", consent.revocation_terms),
        ("expiry", ends),
    ]
    cells = []
    for number, (key, value) in enumerate(rows, start=1):
        shown = text(value) if value.strip() else f"<i>{text(words['blank'])}</i>"
        cells.append(
            [
                Paragraph(f"{number}. {text(words[key])}", st["element_label"]),
                Paragraph(shown, st["cell"]),
            ]
        )
    label_w = geo.content_width * 0.44  # most headings on one line
    table = Table(cells, colWidths=[label_w, geo.content_width - label_w], repeatRows=0)
    table.setStyle(
        table_style(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), TINT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _signatures(
    consent: Consent,
    words: dict[str, str],
    m: Messages,
    st: Styles,
    geo: Geometry,
    signed: bool,
) -> list[Flowable]:
    """Signature, printed name, authority and coach lines, each with room to write above it."""
    blocks: list[Flowable] = [
        Paragraph(text(words["signatures"]), st["h2"].clone("signatures", spaceBefore=6))
    ]
    # Three rows of two lines each, so the signatures stay on the page with the terms.
    lines = [
        (words["signature"], words["date"], 0.66),
        (words["printed_name"], words["authority"], 0.45),
        (words["coach"], words["date"], 0.66),
    ]
    for left, right, share in lines:
        rows: list[list[object]] = [
            ["", ""],
            [Paragraph(text(left), st["label"]), Paragraph(text(right), st["label"])],
        ]
        sign_w = geo.content_width * share
        table = Table(rows, colWidths=[sign_w, geo.content_width - sign_w], rowHeights=[26, None])
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
        blocks.append(table)
    if signed and consent.signed_by.strip():
        record = words["on_record"].format(
            name=consent.signed_by.strip(), date=m.date(consent.signed_on)
        )
        blocks.append(Paragraph(text(record), st["small"]))
    return [KeepTogether(blocks)]
