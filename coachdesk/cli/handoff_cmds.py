"""`coachdesk handoff send|list|accept|refuse|roster` (issue 19), through application/handoff.py.

The files travel with `coachdesk sync`: a hand-off sent here waits in the vault's hand-off
outbox, and one addressed to this device arrives with the next sync.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk.application import handoff as uc
from coachdesk.cli.common import (
    add_passphrase_option,
    cli_language,
    jsonable,
    open_caseload,
    print_json,
)
from coachdesk.i18n.catalog import Message, text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("handoff", help="hand a client to another coach of the RCO's team")
    actions = p.add_subparsers(dest="handoff_command", metavar="ACTION", required=True)

    def action(name: str, help_text: str, func: object) -> argparse.ArgumentParser:
        q = actions.add_parser(name, help=help_text)
        q.add_argument("vault", type=Path, metavar="VAULT")
        add_passphrase_option(q)
        q.set_defaults(func=func)
        return q

    q = action("send", "seal a client's whole record for a coach on the roster", cmd_send)
    q.add_argument("client", type=int, metavar="CLIENT_ID")
    q.add_argument("--to", required=True, metavar="FINGERPRINT", help="the receiving device")
    basis = q.add_mutually_exclusive_group(required=True)
    basis.add_argument(
        "--consent", type=int, metavar="CONSENT_ID", help="a 42 CFR 2.31 consent naming them"
    )
    basis.add_argument(
        "--within-program",
        metavar="REASON",
        help="a communication within the program (42 CFR 2.12(c)(3)) and its reason",
    )
    q.add_argument("--preview", action="store_true", help="only show what would go")
    action("list", "hand-offs received and sent", cmd_list).add_argument(
        "--json", action="store_true"
    )
    action("roster", "the coaches on the RCO's team roster", cmd_roster)
    action("accept", "import a received hand-off as a new client", cmd_accept).add_argument(
        "handoff", metavar="HANDOFF_ID"
    )
    q = action("refuse", "refuse a received hand-off (nothing is sent back)", cmd_refuse)
    q.add_argument("handoff", metavar="HANDOFF_ID")
    q.add_argument("--reason", default="")


def _basis(args: argparse.Namespace) -> uc.LegalBasis:
    if args.consent is not None:
        return uc.LegalBasis.consent(args.consent)
    return uc.LegalBasis.within_program(args.within_program or "")


def cmd_send(args: argparse.Namespace) -> int:
    lang = cli_language()
    with open_caseload(args) as caseload:
        preview = uc.prepare_handoff(caseload, args.client, args.to, _basis(args))
        print(
            f"{preview.client_name} -> {preview.recipient.label} ({preview.recipient.fingerprint})"
        )
        print(preview.basis.text(lang))
        for line in preview.lines:
            print(f"  - {line.text(lang)}")
        if args.preview:
            return 0
        sent = uc.send_handoff(caseload, args.client, args.to, _basis(args))
    print(
        Message("handoff.cli.sent", {"handoff": sent.handoff_id, "recipient": sent.recipient}).text(
            lang
        )
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    lang = cli_language()
    with open_caseload(args) as caseload:
        received = uc.incoming(caseload)
        sent = uc.sent(caseload)
    if args.json:
        print_json(jsonable({"received": received, "sent": sent}))
        return 0
    if not received and not sent:
        print(text("handoff.cli.none", lang))
    for r in received:
        state = text(f"handoff.state.{r.state}", lang)
        print(f"<- {r.handoff_id}  {r.created_at[:10]}  {r.sender}  {state}  {r.client_name}")
        for line in r.lines:
            print(f"     - {line.text(lang)}")
    for s in sent:
        acked = s.acked_at[:10] if s.acked_at else "-"
        print(f"-> {s.handoff_id}  {s.created_at[:10]}  {s.recipient_name}  {acked}")
    return 0


def cmd_roster(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        found = uc.recipients(caseload)
    for entry in found:
        print(f"{entry.fingerprint}  {entry.name}")
    return 0


def cmd_accept(args: argparse.Namespace) -> int:
    lang = cli_language()
    with open_caseload(args) as caseload:
        done = uc.accept_handoff(caseload, args.handoff)
    code = "handoff.cli.already" if done.already else "handoff.cli.accepted"
    print(Message(code, {"client": done.client_id}).text(lang))
    return 0


def cmd_refuse(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        uc.refuse_handoff(caseload, args.handoff, args.reason)
    print(text("handoff.cli.refused", cli_language()))
    return 0
