"""The words printed on CoachDesk documents, in English and Spanish.

A document is printed in the client's language, chosen per print and independent of the
language of the window, so these labels do not go through Qt's translator. Dates are spelled
out here too (no locale module: the machine's locale must not change a document).

Any thread may call these functions.
"""

from __future__ import annotations

from datetime import date

from coachdesk.core.models import LifeDomain, StepStatus
from coachdesk.errors import CoachDeskError

LANGUAGES = ("en", "es")

# The 42 CFR 2.32 notice, word for word; it is printed in English in every language (its
# wording is set by the regulation) and Spanish documents add a translation on the next line.
NOTICE_42CFR = "42 CFR part 2 prohibits unauthorized disclosure of these records."

PDF_LANG = {"en": "en-US", "es": "es-US"}

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "doc_title": "Recovery plan",
        "doc_subject": "Client-directed recovery plan",
        "title": "My recovery plan",
        "name": "Name",
        "legal_name": "Legal name",
        "pronouns": "Pronouns",
        "coach": "Recovery coach",
        "organisation": "Organization",
        "plan_version": "Plan",
        "version": "version {version}",
        "version_of": "Version {version}, {date}",
        "review_date": "Next review",
        "not_set": "not set",
        "vision": "My vision, in my own words",
        "goals": "My goals",
        "no_goals": "No goals written yet.",
        "why": "Why it matters to me:",
        "col_done": "Done",
        "col_what": "Action step",
        "col_who": "Who",
        "col_when": "By when",
        "col_status": "Status",
        "continued": "(continued)",
        "no_steps": "No action steps written yet.",
        "strengths": "My strengths",
        "barriers": "What might get in the way",
        "supports": "My supports",
        "nothing": "Nothing written yet.",
        "wellness": "Wellness and crisis plan",
        "crisis_lead": "Are you in crisis? Call one of the people below. "
        "If you are in danger right now, call 911.",
        "triggers": "Things that can trigger me",
        "warning_signs": "My warning signs",
        "coping": "What helps me cope",
        "safe_places": "Safe places I can go",
        "call": "People and numbers to call",
        "contact_name": "Who",
        "contact_relationship": "Relationship",
        "contact_phone": "Phone",
        "signatures": "Signatures",
        "signature_intro": "We made this plan together. It belongs to me, and I can change it "
        "at any time.",
        "client_signature": "Client signature",
        "coach_signature": "Recovery coach signature",
        "date": "Date",
        "signed_on_record": "Signed in CoachDesk on {date}",
        "crisis_pointer": "Crisis plan: page {page}",
        "crisis_tab": "CRISIS PLAN",
        "page_of": "Page {page} of {pages}",
        "confidential": "Confidential. This plan belongs to the person named on page 1. "
        "Keep it in a private place.",
        "wallet_title": "My crisis card",
        "wallet_howto": "Cut along the dashed line, fold along the dotted line, and keep the "
        "card in your wallet.",
        "wallet_call": "In a crisis, call:",
        "wallet_more": "More in my full plan.",
    },
    "es": {
        "doc_title": "Plan de recuperación",
        "doc_subject": "Plan de recuperación dirigido por la persona",
        "title": "Mi plan de recuperación",
        "name": "Nombre",
        "legal_name": "Nombre legal",
        "pronouns": "Pronombres",
        "coach": "Coach de recuperación",
        "organisation": "Organización",
        "plan_version": "Plan",
        "version": "versión {version}",
        "version_of": "Versión {version}, {date}",
        "review_date": "Próxima revisión",
        "not_set": "sin fecha",
        "vision": "Mi visión, en mis propias palabras",
        "goals": "Mis metas",
        "no_goals": "Todavía no hay metas escritas.",
        "why": "Por qué es importante para mí:",
        "col_done": "Hecho",
        "col_what": "Paso a seguir",
        "col_who": "Quién",
        "col_when": "Para cuándo",
        "col_status": "Estado",
        "continued": "(continúa)",
        "no_steps": "Todavía no hay pasos escritos.",
        "strengths": "Mis fortalezas",
        "barriers": "Lo que podría interponerse",
        "supports": "Mis apoyos",
        "nothing": "Todavía no hay nada escrito.",
        "wellness": "Plan de bienestar y de crisis",
        "crisis_lead": "¿Está en crisis? ¡Llame a una de las personas de abajo! "
        "Si corre peligro ahora mismo, llame al 911.",
        "triggers": "Lo que me puede desencadenar",
        "warning_signs": "Mis señales de alerta",
        "coping": "Lo que me ayuda a sobrellevarlo",
        "safe_places": "Lugares seguros a los que puedo ir",
        "call": "Personas y números a los que llamar",
        "contact_name": "Quién",
        "contact_relationship": "Relación",
        "contact_phone": "Teléfono",
        "signatures": "Firmas",
        "signature_intro": "Hicimos este plan juntos. Es mío y puedo cambiarlo cuando quiera.",
        "client_signature": "Firma del participante",
        "coach_signature": "Firma del coach de recuperación",
        "date": "Fecha",
        "signed_on_record": "Firmado en CoachDesk el {date}",
        "crisis_pointer": "Plan de crisis: página {page}",
        "crisis_tab": "PLAN DE CRISIS",
        "page_of": "Página {page} de {pages}",
        "confidential": "Confidencial: la ley (42 CFR parte 2) prohíbe divulgarlo sin permiso. "
        "Guárdelo en privado.",
        "wallet_title": "Mi tarjeta de crisis",
        "wallet_howto": "Recorte por la línea discontinua, doble por la línea de puntos y "
        "guarde la tarjeta en su cartera.",
        "wallet_call": "En una crisis, llame a:",
        "wallet_more": "Más en mi plan completo.",
    },
}

_DOMAINS: dict[str, dict[LifeDomain, str]] = {
    "en": {
        LifeDomain.SUBSTANCE_USE: "Substance use and recovery",
        LifeDomain.HOUSING: "Housing",
        LifeDomain.EMPLOYMENT_EDUCATION: "Work and education",
        LifeDomain.FAMILY_RELATIONSHIPS: "Family and relationships",
        LifeDomain.HEALTH: "Physical and mental health",
        LifeDomain.LEGAL: "Legal matters",
        LifeDomain.FINANCES: "Money",
        LifeDomain.COMMUNITY_PURPOSE: "Community and purpose",
    },
    "es": {
        LifeDomain.SUBSTANCE_USE: "Consumo de sustancias y recuperación",
        LifeDomain.HOUSING: "Vivienda",
        LifeDomain.EMPLOYMENT_EDUCATION: "Trabajo y educación",
        LifeDomain.FAMILY_RELATIONSHIPS: "Familia y relaciones",
        LifeDomain.HEALTH: "Salud física y mental",
        LifeDomain.LEGAL: "Asuntos legales",
        LifeDomain.FINANCES: "Dinero",
        LifeDomain.COMMUNITY_PURPOSE: "Comunidad y propósito",
    },
}

_STATUSES: dict[str, dict[StepStatus, str]] = {
    "en": {
        StepStatus.NOT_STARTED: "Not started",
        StepStatus.IN_PROGRESS: "In progress",
        StepStatus.DONE: "Done",
        StepStatus.DROPPED: "Set aside",
    },
    "es": {
        StepStatus.NOT_STARTED: "Sin empezar",
        StepStatus.IN_PROGRESS: "En marcha",
        StepStatus.DONE: "Hecho",
        StepStatus.DROPPED: "Dejado de lado",
    },
}

_MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}
_SHORT_MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "es": ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"],
}


def check_language(lang: str) -> str:
    if lang not in LANGUAGES:
        raise CoachDeskError(
            f"Documents can be printed in English (en) or Spanish (es), not '{lang}'."
        )
    return lang


class Messages:
    """The labels of one language: `m["title"]`, `m.domain(d)`, `m.date(d)`."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)
        self._table = _MESSAGES[lang]

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def format(self, key: str, **values: object) -> str:
        return self._table[key].format(**values)

    def domain(self, domain: LifeDomain) -> str:
        return _DOMAINS[self.lang][domain]

    def status(self, status: StepStatus) -> str:
        return _STATUSES[self.lang][status]

    def date(self, value: date | None, *, short: bool = False) -> str:
        """ "March 31, 2026" / "31 de marzo de 2026"; short: "Mar 31, 2026" / "31 mar 2026"."""
        if value is None:
            return ""
        if short:
            month = _SHORT_MONTHS[self.lang][value.month - 1]
            if self.lang == "es":
                return f"{value.day} {month} {value.year}"
            return f"{month} {value.day}, {value.year}"
        month = _MONTHS[self.lang][value.month - 1]
        if self.lang == "es":
            return f"{value.day} de {month} de {value.year}"
        return f"{month} {value.day}, {value.year}"

    @property
    def pdf_lang(self) -> str:
        return PDF_LANG[self.lang]


def keys(lang: str) -> set[str]:
    return set(_MESSAGES[check_language(lang)])
