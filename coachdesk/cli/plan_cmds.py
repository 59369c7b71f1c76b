"""`coachdesk plan pdf|show`: a client's recovery plan from a terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk.application import documents
from coachdesk.cli.common import add_passphrase_option, open_caseload, print_json
from coachdesk.core.models import RecoveryPlan
from coachdesk.errors import NotFoundError
from coachdesk.i18n.catalog import LANGUAGES, text
from coachdesk.reports.common import PAPER_SIZES
from coachdesk.reports.messages import Messages


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    plan = sub.add_parser("plan", help="recovery plans: show, print to PDF")
    psub = plan.add_subparsers(dest="plan_command", required=True, metavar="COMMAND")

    p = psub.add_parser(
        "pdf",
        help="save the client's latest plan as a PDF",
        description="Save the latest version of a client's recovery plan as a PDF, written "
        "atomically where you say. The save is audited; naming a recipient also records a "
        "disclosure (42 CFR 2.25).",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("client", type=int, metavar="CLIENT", help="client number")
    p.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF file to write")
    add_passphrase_option(p)
    p.add_argument(
        "--lang", choices=LANGUAGES, help="language of the document (default: the client's)"
    )
    p.add_argument("--paper", choices=list(PAPER_SIZES), default="letter")
    p.add_argument("--legal-name", action="store_true", help="print the legal name too")
    p.add_argument(
        "--wallet-card", action="store_true", help="add a fold-over wallet card of the crisis plan"
    )
    p.add_argument("--recipient", default="", help="who receives it (makes it a disclosure)")
    p.add_argument("--purpose", default="", help="why it is disclosed (needed with --recipient)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plan_pdf)

    p = psub.add_parser("show", help="show the client's latest plan")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("client", type=int, metavar="CLIENT", help="client number")
    add_passphrase_option(p)
    p.add_argument(
        "--plan-version", type=int, metavar="N", help="an older version (default: the latest)"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_plan_show)


def cmd_plan_pdf(args: argparse.Namespace) -> int:
    if args.recipient.strip() and not args.purpose.strip():
        # A usage error (exit 2) before any passphrase is asked; the use case checks it too.
        raise argparse.ArgumentTypeError("--recipient needs --purpose (why it is disclosed)")
    documents.check_target(args.out)
    with open_caseload(args) as caseload:
        saved = documents.save_plan_pdf(
            caseload,
            args.client,
            args.out,
            lang=args.lang,
            paper=args.paper,
            legal_name=args.legal_name,
            wallet_card=args.wallet_card,
            recipient=args.recipient,
            purpose=args.purpose,
        )
    if args.json:
        print_json(
            {
                "path": str(saved.path),
                "bytes": saved.size_bytes,
                "version": saved.version,
                "lang": saved.lang,
                "paper": saved.paper,
                "disclosure": saved.disclosure,
            }
        )
    else:
        code = "plan.saved_disclosed" if saved.disclosure else "plan.saved"
        print(
            text(
                code,
                version=saved.version,
                path=args.out,
                kb=saved.size_bytes // 1024,
                recipient=args.recipient.strip(),
            )
        )
    return 0


def cmd_plan_show(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        client = caseload.open_client(args.client)
        plan = caseload.plan(args.client, args.plan_version)
        if plan is None:
            if args.plan_version is not None:
                raise NotFoundError(
                    code="plan.no_version", client=args.client, version=args.plan_version
                )
            raise NotFoundError(code="plan.none", client=args.client)
    if args.json:
        print_json(plan)
        return 0
    print(f"Recovery plan of {client.display_name} (client {client.id})")
    print("\n".join(plan_lines(plan)))
    return 0


def plan_lines(plan: RecoveryPlan) -> list[str]:
    """The plan as plain text lines (English labels)."""
    m = Messages("en")
    created = plan.created_at.date().isoformat() if plan.created_at else "-"
    review = plan.review_date.isoformat() if plan.review_date else "-"
    lines = [f"  version {plan.version} of {created}; next review {review}"]
    lines.append(f"  vision: {plan.vision}")
    for number, goal in enumerate(plan.goals, start=1):
        lines.append(f"  goal {number} [{m.domain(goal.domain)}]: {goal.goal}")
        if goal.why_it_matters:
            lines.append(f"    why: {goal.why_it_matters}")
        for step in goal.steps:
            when = step.by_when.isoformat() if step.by_when else "-"
            who = step.who or "-"
            lines.append(f"    [{m.status(step.status)}] {step.what} (who: {who}; by {when})")
    for label, items in (
        ("strengths", plan.strengths),
        ("barriers", plan.barriers),
        ("supports", plan.supports),
        ("triggers", plan.wellness.triggers),
        ("warning signs", plan.wellness.warning_signs),
        ("coping", plan.wellness.coping_strategies),
        ("safe places", plan.wellness.safe_places),
    ):
        if items:
            lines.append(f"  {label}: {'; '.join(items)}")
    for contact in plan.wellness.crisis_contacts:
        relation = f" ({contact.relationship})" if contact.relationship else ""
        lines.append(f"  crisis contact: {contact.name}{relation} {contact.phone}")
    return lines
