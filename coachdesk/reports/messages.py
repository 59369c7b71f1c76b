"""The words printed on CoachDesk documents, in English and Spanish, read from the catalog.

A document is printed in the client's language, chosen per print and independent of the
language of the window, so these labels do not go through Qt's translator: they are the
"doc.*", "domain.*", "step_status.*" and "month.*" entries of coachdesk.i18n.catalog (one
source for the CLI, the windows and the PDFs). Dates are spelled out here (no locale module:
the machine's locale must not change a document).

Any thread may call these functions.
"""

from __future__ import annotations

from datetime import date

from coachdesk.core.models import LifeDomain, StepStatus
from coachdesk.errors import CoachDeskError
from coachdesk.i18n import catalog
from coachdesk.reports.common import Footer

LANGUAGES = catalog.LANGUAGES

# The 42 CFR 2.32(a)(2) notice, word for word as the 2024 rule (89 FR 12472, compliance from
# 2026-02-16) words it; it is printed in English in every language (its wording is set by the
# regulation) and Spanish documents add a translation on the next line
# of every page's footer (docs/domain.md, "Printed documents in Spanish").
NOTICE_42CFR = "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
NOTICE_42CFR_ES = (
    "La parte 2 del título 42 del CFR prohíbe usar o divulgar estos registros sin autorización."
)
NOTICE_TRANSLATIONS = {"en": "", "es": NOTICE_42CFR_ES}

PDF_LANG = {"en": "en-US", "es": "es-US"}

# The funder report's words by their English (rco/report.py keeps English in its rows).
_WORDS = {
    english: code
    for code, (english, _) in catalog.MESSAGES.items()
    if code.startswith("doc.funder.word.")
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise CoachDeskError(code="document.language", language=lang)
    return lang


class Messages:
    """The labels of one language: `m["title"]`, `m.domain(d)`, `m.date(d)`."""

    def __init__(self, lang: str, prefix: str = "doc.") -> None:
        self.lang = check_language(lang)
        self.prefix = prefix  # one document's entries: "doc." (the plan), "doc.funder."

    def __getitem__(self, key: str) -> str:
        return catalog.pattern(f"{self.prefix}{key}", self.lang)

    def format(self, key: str, **values: object) -> str:
        return catalog.text(f"{self.prefix}{key}", self.lang, **values)

    def domain(self, domain: LifeDomain) -> str:
        return catalog.text(f"domain.{domain.value}", self.lang)

    def status(self, status: StepStatus) -> str:
        return catalog.text(f"step_status.{status.value}", self.lang)

    def date(self, value: date | None, *, short: bool = False) -> str:
        """ "March 31, 2026" / "31 de marzo de 2026"; short: "Mar 31, 2026" / "31 mar 2026"."""
        if value is None:
            return ""
        if short:
            month = catalog.text(f"month.short.{value.month}", self.lang)
            if self.lang == "es":
                return f"{value.day} {month} {value.year}"
            return f"{month} {value.day}, {value.year}"
        month = catalog.text(f"month.{value.month}", self.lang)
        if self.lang == "es":
            return f"{value.day} de {month} de {value.year}"
        return f"{month} {value.day}, {value.year}"

    def word(self, value: str) -> str:
        """A word of the funder report's rows in this language; a label of two known parts
        ("Age at intake: 25-34") part by part; anything else (a coach's name) as it is."""
        code = _WORDS.get(value)
        if code is not None:
            return catalog.pattern(code, self.lang)
        head, sep, tail = value.partition(": ")
        if sep and (head in _WORDS or tail in _WORDS):
            return f"{self.word(head)}{sep}{self.word(tail)}"
        return value

    @property
    def pdf_lang(self) -> str:
        return PDF_LANG[self.lang]

    def footer(self, page_of: str, confidential: str, running_title: str = "") -> Footer:
        """A document's footer in this language: the 2.32 notice in the rule's English words
        and, in Spanish, its translation on the next line."""
        return Footer(
            page_of=page_of,
            notice=NOTICE_42CFR,
            confidential=confidential,
            running_title=running_title,
            notice_translation=NOTICE_TRANSLATIONS[self.lang],
        )


def keys(lang: str) -> set[str]:
    check_language(lang)
    return {code.removeprefix("doc.") for code in catalog.MESSAGES if code.startswith("doc.")}
