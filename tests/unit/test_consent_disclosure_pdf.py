"""The consent printed for signature (42 CFR 2.31) and the client's list of disclosures
(42 CFR 2.25), read back with pypdf in English and Spanish."""

from __future__ import annotations

import io
import re
from datetime import UTC, date, datetime

import pytest
from pypdf import PdfReader

from coachdesk.core.models import Consent, Disclosure
from coachdesk.reports.consent_pdf import WORDS, render_consent_pdf
from coachdesk.reports.disclosure_pdf import WORDS as LIST_WORDS
from coachdesk.reports.disclosure_pdf import render_disclosure_pdf
from coachdesk.reports.messages import NOTICE_42CFR, NOTICE_42CFR_ES
from coachdesk.reports.samples import sample_client, sample_profile
from tests.unit.test_plan_pdf import BASE14, font_report, pages_text, squash


def consent(**changes: object) -> Consent:
    c = Consent(
        1,
        "Demo Recovery Community",
        "Attendance and progress in recovery support",
        "Drug court coordinator, Demo County",
        "Coordinating care with the drug court",
        "I can revoke this consent at any time by telling my coach in writing.",
        date(2027, 5, 4),
        "",
        "Kea Nestrom",
        date(2026, 5, 4),
        id=3,
    )
    for key, value in changes.items():
        setattr(c, key, value)
    return c


@pytest.mark.parametrize("lang", ["en", "es"])
def test_consent_prints_every_231_element_and_signature_lines(lang: str) -> None:
    client = sample_client(lang)
    data = render_consent_pdf(consent(), client, sample_profile(), lang=lang)
    reader = PdfReader(io.BytesIO(data))
    body = " ".join(pages_text(data))
    words = WORDS[lang]
    for key in (
        "patient",
        "disclosing_party",
        "information",
        "recipients",
        "purpose",
        "revocation",
        "expiry",
        "not_conditioned",
        "redisclosure",
        "signature",
        "printed_name",
        "authority",
        "coach",
    ):
        assert squash(words[key]) in body, key
    c = consent()
    for value in (
        client.legal_name,
        c.disclosing_party,
        c.information,
        c.recipients,
        c.purpose,
        c.revocation_terms,
    ):
        assert squash(value) in body
    assert ("May 4, 2027" if lang == "en" else "4 de mayo de 2027") in body
    assert NOTICE_42CFR in body  # the 2.32 notice word for word, in every language
    assert body.count(NOTICE_42CFR_ES) == (lang == "es")  # once: in the footer
    assert "Kea Nestrom" not in body  # the signature lines stay blank unless asked
    assert len(reader.pages) == 1  # the signatures on the page with the terms
    meta = reader.metadata
    assert meta is not None and client.legal_name not in (meta.title or "")
    assert reader.trailer["/Root"]["/Lang"] == ("en-US" if lang == "en" else "es-US")
    assert all(embedded for _name, embedded in font_report(data))
    assert not {name for name, _ in font_report(data)} & BASE14


def test_a_draft_prints_blanks_to_fill_and_a_copy_prints_the_record() -> None:
    draft = consent(recipients="", expires_on=None, expiry_event="")
    body = " ".join(pages_text(render_consent_pdf(draft, sample_client())))
    assert body.count(WORDS["en"]["blank"]) == 2  # the recipient and the end
    copy = " ".join(
        pages_text(
            render_consent_pdf(
                consent(expires_on=None, expiry_event="the court case closes", revoked_on=None),
                sample_client(),
                signed=True,
            )
        )
    )
    assert "when: the court case closes" in copy
    assert "Signed by Kea Nestrom on May 4, 2026" in copy
    revoked = " ".join(
        pages_text(render_consent_pdf(consent(revoked_on=date(2026, 9, 1)), sample_client()))
    )
    assert "This consent was revoked on September 1, 2026." in revoked


def disclosures(count: int) -> list[Disclosure]:
    return [
        Disclosure(
            1,
            datetime(2026, 1 + i % 12, 1 + i % 27, 15, 0, tzinfo=UTC),
            f"Drug court coordinator {i}",
            "Coordinating care",
            "recovery plan v2",
            3 if i % 2 == 0 else None,
            id=i + 1,
        )
        for i in range(count)
    ]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_disclosure_list(lang: str) -> None:
    client = sample_client(lang)
    data = render_disclosure_pdf(
        disclosures(40),
        client,
        sample_profile(),
        since=date(2023, 12, 1),
        today=date(2026, 12, 1),
        consents=[consent()],
        lang=lang,
    )
    pages = pages_text(data)
    body = " ".join(pages)
    words = LIST_WORDS[lang]
    assert len(pages) >= 2
    for i in range(40):
        assert f"Drug court coordinator {i}" in body
    # The header row repeats on every page; the consent of a disclosure is named by its date.
    listing = [page for page in pages if "Drug court coordinator" in page]
    assert len(listing) >= 2 and all(squash(words["col_to"]) in page for page in listing)
    assert ("signed May 4, 2026" if lang == "en" else "firmado el 4 may 2026") in body
    assert squash(words["no_consent"]) in body
    assert client.legal_name in pages[0]
    assert ("December 1, 2023" if lang == "en" else "1 de diciembre de 2023") in body
    # Newest first: the December entries (i = 11, 23, 35) come before January's.
    assert body.index("coordinator 11 ") < body.index("coordinator 0 ")
    assert all(NOTICE_42CFR in page for page in pages)
    assert all((NOTICE_42CFR_ES in page) == (lang == "es") for page in pages)


def test_an_empty_disclosure_list_says_so() -> None:
    body = " ".join(
        pages_text(
            render_disclosure_pdf(
                [], sample_client(), since=date(2023, 12, 1), today=date(2026, 12, 1)
            )
        )
    )
    assert "No disclosures were recorded in this period." in body


# A Spanish consent and list: what the coach typed is Spanish too, so any English left is ours.
SPANISH_CONSENT = {
    "disclosing_party": "Comunidad de Recuperación del Valle",
    "information": "Asistencia y progreso en el apoyo a la recuperación",
    "recipients": "Coordinadora del tribunal de drogas del condado",
    "purpose": "Coordinar la atención con el tribunal",
    "revocation_terms": "Puedo revocarlo cuando quiera, diciéndoselo por escrito a mi coach.",
}
# Words the two languages share or that are names: the program, the rule, the coach.
SHARED = {"CoachDesk", "CFR", "coach", "Coach", "Demo", "Recovery", "Community"}


def english_left(text: str, english: dict[str, str], spanish: dict[str, str]) -> list[str]:
    """Words of the English template that no Spanish template has, found in `text` (the
    2.32 notice's English words removed: the rule sets them)."""

    def words(values: object) -> set[str]:
        return {w for v in values for w in re.findall(r"[A-Za-z]{4,}", str(v))}

    ours = words(english.values()) - words(spanish.values()) - SHARED
    rest = text.replace(NOTICE_42CFR, " ")
    return sorted(w for w in ours if re.search(rf"\b{w}\b", rest))


def test_the_spanish_consent_and_list_have_no_english_sentence_left() -> None:
    client = sample_client("es")
    form = consent(**SPANISH_CONSENT)
    for signed in (False, True):
        body = " ".join(
            pages_text(render_consent_pdf(form, client, sample_profile(), lang="es", signed=signed))
        )
        assert not english_left(body, WORDS["en"], WORDS["es"]), body
        assert "Firmado por Kea Nestrom el 4 de mayo de 2026" in body or not signed
    spanish = [
        Disclosure(1, datetime(2026, 6, 1, 15, tzinfo=UTC), "Clínica del Dr. Ames", "Derivación",
                   "Plan de recuperación, versión 2", 3),
        Disclosure(1, datetime(2026, 9, 3, 15, tzinfo=UTC), "Tribunal de drogas", "Seguimiento",
                   "Asistencia", None),
    ]  # fmt: skip
    for items in (spanish, []):
        body = " ".join(
            pages_text(
                render_disclosure_pdf(
                    items,
                    client,
                    sample_profile(),
                    since=date(2023, 12, 2),
                    today=date(2026, 12, 2),
                    consents=[form],
                    lang="es",
                )
            )
        )
        assert not english_left(body, LIST_WORDS["en"], LIST_WORDS["es"]), body
    # the finder finds the English of a template
    assert english_left(WORDS["en"]["lead"], WORDS["en"], WORDS["es"])


@pytest.mark.parametrize("lang", ["en", "es"])
def test_what_was_shared_is_worded_in_the_list_language(lang: str) -> None:
    """What the program records as shared is its own English (documents.PlanDocument.what,
    record_print's pages): the list words it in the client's language."""
    from coachdesk.application.documents import PlanDocument
    from coachdesk.reports.disclosure_pdf import shared_words

    words = LIST_WORDS[lang]
    saved = PlanDocument(1, 4, "es", "a4", b"").what
    expected = {
        "en": ("Recovery plan, version 4", "Recovery plan, version 4, printed (3 pages)",
               "Recovery plan, version 4, printed (1 page)"),
        "es": ("Plan de recuperación, versión 4", "Plan de recuperación, versión 4, impreso (3 "
               "páginas)", "Plan de recuperación, versión 4, impreso (1 página)"),
    }[lang]  # fmt: skip
    assert shared_words(saved, words) == expected[0]
    assert shared_words(f"{saved}, 3 pages", words) == expected[1]
    assert shared_words(f"{saved}, 1 pages", words) == expected[2]
    assert shared_words("Asistencia", words) == "Asistencia"  # another form: as it is
    body = " ".join(
        pages_text(
            render_disclosure_pdf(
                [Disclosure(1, datetime(2026, 6, 1, 15, tzinfo=UTC), "Clinic", "Care", saved)],
                sample_client(lang),
                since=date(2023, 12, 2),
                today=date(2026, 12, 2),
                lang=lang,
            )
        )
    )
    assert squash(expected[0]) in squash(body)
    assert "as PDF" not in body
