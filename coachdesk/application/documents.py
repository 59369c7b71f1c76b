"""Printed documents, once for both front-ends: render, save, print, each audited.

The plan PDF is printed in the client's language unless the coach chooses another (never the
window's language: the document is the client's). A saved copy is audited as "save" in the
same breath as it is written; if the audit entry cannot be written the file is removed again
(no unaudited copy). Naming a recipient makes it a disclosure: the recipient and purpose
enter the 42 CFR 2.25 register. Runs where the caseload lives (the window's database worker);
reportlab is imported on first use so the window's cold start does not pay for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coachdesk.application.caseload import DISCLOSURE_LOOKBACK, Caseload
from coachdesk.core.models import Client, Consent, plan_output_name
from coachdesk.errors import CoachDeskError, NotFoundError, ValidationError
from coachdesk.i18n.catalog import LANGUAGES

SAVE, PRINT, VIEW = "save", "print", "view"


@dataclass(frozen=True, slots=True)
class PlanDocument:
    client_id: int
    version: int
    lang: str
    paper: str
    pdf: bytes

    @property
    def what(self) -> str:
        """How the audit trail names it (the same words for every front-end)."""
        return f"{plan_output_name(self.version)} ({self.lang}, {self.paper})"


@dataclass(frozen=True, slots=True)
class SavedDocument:
    path: Path
    size_bytes: int
    version: int
    lang: str
    paper: str
    disclosure: bool


def plan_language(client: Client, lang: str | None = None) -> str:
    """The language a plan is printed in: the one asked for, else the client's, else English."""
    if lang:
        if lang not in LANGUAGES:
            raise ValidationError(code="document.language", language=lang)
        return lang
    return client.language if client.language in LANGUAGES else "en"


def check_disclosure(recipient: str, purpose: str) -> tuple[str, str]:
    recipient, purpose = recipient.strip(), purpose.strip()
    if recipient and not purpose:
        raise ValidationError(field="purpose", code="plan.purpose_needed")
    return recipient, purpose


def render_plan(
    caseload: Caseload,
    client_id: int,
    *,
    version: int | None = None,
    lang: str | None = None,
    paper: str = "letter",
    legal_name: bool = False,
    wallet_card: bool = False,
) -> PlanDocument:
    """The stored plan (the latest version unless `version`) as PDF bytes; nothing written."""
    from coachdesk.reports.plan_pdf import render_plan_pdf

    client = caseload.get_client(client_id)
    plan = caseload.plan(client_id, version)
    if plan is None:
        if version is not None:
            raise NotFoundError(code="plan.no_version", client=client_id, version=version)
        raise NotFoundError(code="plan.none", client=client_id)
    chosen = plan_language(client, lang)
    pdf = render_plan_pdf(
        plan,
        client,
        caseload.profile(),
        lang=chosen,
        paper=paper,
        legal_name=legal_name,
        wallet_card=wallet_card,
    )
    return PlanDocument(client_id, plan.version, chosen, paper, pdf)


def check_target(out: Path) -> None:
    if out.is_dir():
        raise CoachDeskError(code="plan.out_is_folder", path=str(out))
    if not out.parent.is_dir():
        raise CoachDeskError(code="plan.no_folder", path=str(out.parent))


def save_plan_pdf(
    caseload: Caseload,
    client_id: int,
    out: Path,
    *,
    version: int | None = None,
    lang: str | None = None,
    paper: str = "letter",
    legal_name: bool = False,
    wallet_card: bool = False,
    recipient: str = "",
    purpose: str = "",
    rendered: PlanDocument | None = None,
) -> SavedDocument:
    """Render the plan, write it atomically (0600) at `out`, audit the save (and record the
    disclosure when a recipient is named). No audit entry, no file.

    `rendered`: a document render_plan made for a preview, saved as it was shown (the window
    saves the very bytes the coach looked at); the other rendering options are then ignored.
    """
    recipient, purpose = check_disclosure(recipient, purpose)
    check_target(out)
    if rendered is not None and rendered.client_id != client_id:
        raise ValueError("the rendered document is another client's")
    document = rendered or render_plan(
        caseload,
        client_id,
        version=version,
        lang=lang,
        paper=paper,
        legal_name=legal_name,
        wallet_card=wallet_card,
    )
    stored = _save_audited(
        caseload, client_id, out, document.pdf, document.what, recipient, purpose
    )
    return SavedDocument(
        stored,
        len(document.pdf),
        document.version,
        document.lang,
        document.paper,
        bool(recipient),
    )


def _save_audited(
    caseload: Caseload,
    client_id: int,
    out: Path,
    pdf: bytes,
    what: str,
    recipient: str = "",
    purpose: str = "",
) -> Path:
    """Write `pdf` atomically (0600) at `out` and audit the save in the vault. Every saved copy
    is audited: without its audit entry the copy goes too."""
    from coachdesk.reports.common import save_pdf

    stored = save_pdf(out, pdf)
    try:
        caseload.record_output(client_id, SAVE, what, recipient=recipient, purpose=purpose)
    except BaseException:
        stored.unlink(missing_ok=True)
        raise
    return stored


def save_consent_pdf(
    caseload: Caseload, consent: Consent, out: Path, *, lang: str | None = None
) -> Path:
    """The consent form (42 CFR 2.31 elements, signature lines) for the client to sign, in the
    client's language unless `lang`; saved like the plan (atomic, 0600, audited)."""
    from coachdesk.reports.consent_pdf import render_consent_pdf

    check_target(out)
    client = caseload.get_client(consent.client_id)
    chosen = plan_language(client, lang)
    pdf = render_consent_pdf(consent, client, caseload.profile(), lang=chosen)
    return _save_audited(
        caseload, consent.client_id, out, pdf, f"consent form for signature as PDF ({chosen})"
    )


def save_disclosure_list_pdf(
    caseload: Caseload, client_id: int, out: Path, *, lang: str | None = None
) -> Path:
    """The client's 42 CFR 2.25 list of disclosures of the last three years, as PDF for the
    client; saved like the plan (atomic, 0600, audited)."""
    from coachdesk.reports.disclosure_pdf import render_disclosure_pdf

    check_target(out)
    client = caseload.get_client(client_id)
    chosen = plan_language(client, lang)
    today = caseload.today()
    pdf = render_disclosure_pdf(
        caseload.disclosures(client_id),
        client,
        caseload.profile(),
        since=today - DISCLOSURE_LOOKBACK,
        today=today,
        consents=caseload.consents(client_id),
        lang=chosen,
    )
    return _save_audited(caseload, client_id, out, pdf, f"list of disclosures as PDF ({chosen})")


def record_print(
    caseload: Caseload, document: PlanDocument, pages: int, recipient: str = "", purpose: str = ""
) -> None:
    """Audit pages sent to a printer (a disclosure when a recipient is named)."""
    recipient, purpose = check_disclosure(recipient, purpose)
    caseload.record_output(
        document.client_id,
        PRINT,
        f"{document.what}, {pages} pages",
        recipient=recipient,
        purpose=purpose,
    )


def record_preview(caseload: Caseload, client_id: int, version: int) -> None:
    caseload.record_output(client_id, VIEW, f"recovery plan version {version} preview")
