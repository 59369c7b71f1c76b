"""`coachdesk client|note|assess|search`: the caseload from a terminal."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from coachdesk.cli.common import (
    add_passphrase_option,
    cli_language,
    open_caseload,
    parse_date,
    print_json,
)
from coachdesk.core import barc10
from coachdesk.core.models import (
    Client,
    ClientKind,
    ClientStatus,
    ContactMode,
    Destination,
    Ethnicity,
    FamilyFollowUp,
    Gender,
    Pathway,
    Race,
    Relationship,
    Reminder,
    SessionNote,
    Setting,
    SupportKind,
    race_problem,
)
from coachdesk.core.reminders import KIND_TITLES, TIMEPOINT_TITLES, accepted_ago
from coachdesk.errors import ValidationError
from coachdesk.i18n.catalog import text

# Today's kinds, as `today list` prints them (a collection window is refused with its reason).
DUE_KINDS = [
    "plan_review",
    "referral_follow_up",
    "note_follow_up",
    "timepoint",
    "first_contact",
    "consent",
]


def _vault_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("vault", type=Path, metavar="VAULT")
    add_passphrase_option(p)


def _choices(enum: type[StrEnum]) -> list[str]:
    return [e.value for e in enum]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    client = sub.add_parser("client", help="add, list and show clients")
    csub = client.add_subparsers(dest="client_command", required=True, metavar="COMMAND")

    p = csub.add_parser("add", help="add a client")
    _vault_arg(p)
    p.add_argument("--given", required=True, help="given name")
    p.add_argument("--family", required=True, help="family name")
    p.add_argument("--preferred", default="", help="preferred name")
    p.add_argument("--pronouns", default="")
    p.add_argument("--dob", type=parse_date, help="date of birth, YYYY-MM-DD")
    p.add_argument("--gender", choices=_choices(Gender), default=Gender.UNDISCLOSED.value)
    p.add_argument("--setting", choices=_choices(Setting), required=True)
    p.add_argument("--intake", type=parse_date, help="intake date (default today)")
    p.add_argument(
        "--pathway",
        action="append",
        choices=_choices(Pathway),
        default=[],
        help="recovery pathway (repeat for several)",
    )
    p.add_argument("--phone", default="")
    p.add_argument("--email", default="")
    p.add_argument("--referral-source", default="")
    p.add_argument("--language", choices=["en", "es"], default="en")
    p.add_argument(
        "--race",
        action="append",
        choices=_choices(Race),
        default=[],
        help="optional, OMB categories (repeat for several; prefers_not_to_say stands alone)",
    )
    p.add_argument("--ethnicity", choices=_choices(Ethnicity), help="optional")
    _kind_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_client_add)

    p = csub.add_parser("list", help="list clients")
    _vault_arg(p)
    p.add_argument("--search", default="", help="part of a name")
    p.add_argument("--status", choices=_choices(ClientStatus))
    p.add_argument("--setting", choices=_choices(Setting))
    p.add_argument("--kind", choices=_choices(ClientKind), help="only clients of this kind")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_client_list)

    p = csub.add_parser("show", help="show one client")
    _vault_arg(p)
    p.add_argument("client", type=int, metavar="CLIENT", help="client number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_client_show)

    note = sub.add_parser("note", help="session notes and contact attempts")
    nsub = note.add_subparsers(dest="note_command", required=True, metavar="COMMAND")
    p = nsub.add_parser("add", help="add a session note or a contact attempt")
    _vault_arg(p)
    p.add_argument("client", type=int, metavar="CLIENT")
    p.add_argument("--text", default="", help="the note, in plain words")
    p.add_argument("--mode", choices=_choices(ContactMode), default=ContactMode.IN_PERSON.value)
    p.add_argument("--minutes", type=int, default=0, help="duration in minutes")
    p.add_argument("--location", default="")
    p.add_argument("--next-steps", default="")
    p.add_argument("--follow-up", type=parse_date, help="follow-up date")
    p.add_argument("--attempt", action="store_true", help="an unsuccessful contact attempt")
    p.add_argument(
        "--support",
        choices=_choices(SupportKind),
        help="what the support was (default: group for group mode, else coaching_session)",
    )
    p.add_argument(
        "--destination", choices=_choices(Destination), help="where an accompaniment went"
    )
    p.add_argument("--date", type=parse_date, help="date of the contact (default now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_note_add)

    p = nsub.add_parser("list", help="a client's notes, each with its addenda")
    _vault_arg(p)
    p.add_argument("client", type=int, metavar="CLIENT")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_note_list)
    p = nsub.add_parser("show", help="one note in full, with its addenda")
    _vault_arg(p)
    p.add_argument("note", type=int, metavar="NOTE", help="note number")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_note_show)
    p = nsub.add_parser(
        "addendum", help="add a dated addendum under a note (a note is never edited)"
    )
    _vault_arg(p)
    p.add_argument("note", type=int, metavar="NOTE", help="note number")
    p.add_argument("--text", required=True, help="the addendum, in plain words")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_note_addendum)

    today = sub.add_parser("today", help="what is due: list, mark done, move to a later day")
    tsub = today.add_subparsers(dest="today_command", required=True, metavar="COMMAND")
    p = tsub.add_parser("list", help="what is due or coming up (as the window's Today)")
    _vault_arg(p)
    p.add_argument("--per-kind", type=int, default=50, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_today_list)
    for name, what in (("done", "mark one item done"), ("later", "move one item to a later day")):
        p = tsub.add_parser(name, help=what)
        _vault_arg(p)
        p.add_argument("client", type=int, metavar="CLIENT")
        p.add_argument("kind", choices=DUE_KINDS, metavar="KIND", help=", ".join(DUE_KINDS))
        p.add_argument("due", type=parse_date, metavar="DUE", help="its due date, YYYY-MM-DD")
        if name == "done":
            p.add_argument(
                "--next-review", type=parse_date, help="a plan review: the next review date"
            )
            p.set_defaults(func=cmd_today_done)
        else:
            p.add_argument("--until", type=parse_date, required=True, help="the later day")
            p.set_defaults(func=cmd_today_later)

    assess = sub.add_parser("assess", help="record assessments")
    asub = assess.add_subparsers(dest="assess_command", required=True, metavar="COMMAND")
    p = asub.add_parser("barc10", help="record a BARC-10 (ten answers from 1 to 6)")
    _vault_arg(p)
    p.add_argument("client", type=int, metavar="CLIENT")
    p.add_argument("--answers", required=True, help="ten numbers 1-6, e.g. 6,5,4,4,5,6,3,5,4,5")
    p.add_argument("--date", type=parse_date, help="date taken (default today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_assess_barc10)

    p = asub.add_parser("family", help="record a family client's follow-up (yes/no answers)")
    _vault_arg(p)
    p.add_argument("client", type=int, metavar="CLIENT")
    for option, what in (
        ("--loved-one-treatment", "the loved one is engaged in treatment"),
        ("--loved-one-support", "the loved one is engaged in recovery support"),
        ("--own-support", "the family member has support of their own"),
    ):
        p.add_argument(option, choices=["yes", "no"], help=f"{what} (leave out: not known)")
    p.add_argument("--date", type=parse_date, help="date taken (default today)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_assess_family)

    p = sub.add_parser("search", help="full-text search in session notes and plans")
    _vault_arg(p)
    p.add_argument("text", metavar="TEXT")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)


def _kind_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--kind",
        choices=_choices(ClientKind),
        default=ClientKind.PERSON_IN_RECOVERY.value,
        help="a person in recovery, or a family member / concerned significant other",
    )
    p.add_argument(
        "--linked-to", type=int, metavar="CLIENT", help="a family client's loved one (client no.)"
    )
    p.add_argument("--relationship", choices=_choices(Relationship), help="to the loved one")


def _yes_no(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


def cmd_client_add(args: argparse.Namespace) -> int:
    races = list(dict.fromkeys(Race(r) for r in args.race))
    problem = race_problem(races)
    if problem:
        raise ValidationError(problem, "race")
    with open_caseload(args) as caseload:
        client = Client(
            args.given,
            args.family,
            args.intake or caseload.today(),
            Setting(args.setting),
            preferred_name=args.preferred,
            pronouns=args.pronouns,
            date_of_birth=args.dob,
            gender=Gender(args.gender),
            phone=args.phone,
            email=args.email,
            referral_source=args.referral_source,
            pathways=[Pathway(p) for p in args.pathway],
            language=args.language,
            race=races,
            ethnicity=Ethnicity(args.ethnicity) if args.ethnicity else None,
            kind=ClientKind(args.kind),
            linked_client_id=args.linked_to,
            relationship=Relationship(args.relationship) if args.relationship else None,
        )
        client_id = caseload.add_client(client)
    if args.json:
        print_json({"id": client_id})
    else:
        print(text("cli.client_added", cli_language(), id=client_id, name=client.display_name))
    return 0


def cmd_client_list(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        rows = caseload.list_clients(
            args.search,
            ClientStatus(args.status) if args.status else None,
            Setting(args.setting) if args.setting else None,
            limit=args.limit,
            kind=ClientKind(args.kind) if args.kind else None,
        )
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        score = "-" if r.latest_barc10 is None else str(r.latest_barc10)
        kind = "family" if r.kind == ClientKind.FAMILY_MEMBER else "recovery"
        print(
            f"{r.id:>6}  {r.name:<32} {kind:<8} {r.status.value:<13} {r.setting.value:<21} "
            f"{r.intake_date.isoformat()}  BARC-10 {score}"
        )
    print(text("cli.clients_listed", cli_language(), n=len(rows)))
    return 0


def cmd_client_show(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        client = caseload.open_client(args.client)
        series = caseload.barc10_series(args.client)
        plan = caseload.plan(args.client)
        consents = caseload.consents(args.client)
        referrals = caseload.referrals(args.client)
        n_notes = len(caseload.notes(args.client))
        family = caseload.family_of(args.client)
        followups = caseload.family_followups(args.client)
    if args.json:
        print_json(
            {
                "client": client,
                "barc10": [
                    {
                        "taken_on": a.taken_on,
                        "total": a.total,
                        "answers": a.answers,
                        "timepoint": a.timepoint,
                    }
                    for a in series
                ],
                "plan_version": plan.version if plan else None,
                "consents": consents,
                "referrals": referrals,
                "notes": n_notes,
                "family": [{"id": i, "name": n} for i, n in family],
                "family_followups": followups,
            }
        )
        return 0
    print(f"{client.display_name} (client {client.id})")
    if client.preferred_name:
        print(f"  legal name: {client.legal_name}")
    print(f"  pronouns:   {client.pronouns or '-'}")
    print(f"  kind:       {client.kind.value}", end="")
    if client.linked_client_id is not None:
        print(f" ({text('cli.family_of', cli_language(), id=client.linked_client_id)}", end="")
        print(f", {client.relationship.value})" if client.relationship else ")", end="")
    print()
    for fid, name in family:
        print(f"  family:     {name} (client {fid})")
    for f in followups:
        answers = (f.loved_one_in_treatment, f.loved_one_in_support, f.own_support)
        shown = ["-" if a is None else ("yes" if a else "no") for a in answers]
        print(
            f"  family follow-up {f.taken_on.isoformat()}: loved one in treatment {shown[0]}, "
            f"in support {shown[1]}; own support {shown[2]}"
        )
    print(f"  status:     {client.status.value}  setting: {client.setting.value}")
    print(f"  intake:     {client.intake_date.isoformat()}")
    print(f"  pathways:   {', '.join(p.value for p in client.pathways) or '-'}")
    print(f"  notes:      {n_notes}  consents: {len(consents)}  referrals: {len(referrals)}")
    print(f"  plan:       {'version ' + str(plan.version) if plan else 'none yet'}")
    for a in series:
        print(f"  BARC-10 {a.taken_on.isoformat()}: {a.total}")
    return 0


def cmd_note_add(args: argparse.Namespace) -> int:
    mode = ContactMode(args.mode)
    support = SupportKind(args.support) if args.support else None
    if support is None:
        support = SupportKind.GROUP if mode == ContactMode.GROUP else SupportKind.COACHING_SESSION
    now = datetime.now(UTC)
    at = now if args.date is None else datetime.combine(args.date, now.timetz())
    with open_caseload(args) as caseload:
        caseload.get_client(args.client)
        note_id = caseload.add_note(
            SessionNote(
                args.client,
                at,
                mode,
                args.text,
                args.minutes,
                args.location,
                next_steps=args.next_steps,
                follow_up_on=args.follow_up,
                attempt_only=args.attempt,
                support=support,
                destination=Destination(args.destination) if args.destination else None,
            )
        )
    if args.json:
        print_json({"id": note_id})
    else:
        added = "cli.attempt_added" if args.attempt else "cli.note_added"
        print(text(added, cli_language(), id=note_id))
    return 0


def cmd_assess_barc10(args: argparse.Namespace) -> int:
    answers = barc10.parse_answers(args.answers)
    with open_caseload(args) as caseload:
        caseload.get_client(args.client)
        assessment = caseload.record_barc10(args.client, answers, args.date)
    total = assessment.total
    result = {
        "id": assessment.id,
        "total": total,
        "meets_threshold": barc10.meets_threshold(total),
        "timepoint": assessment.timepoint,
    }
    if args.json:
        print_json(result)
    else:
        print(
            text(
                "cli.barc10_total",
                cli_language(),
                total=total,
                at_or_above=int(bool(result["meets_threshold"])),
                threshold=barc10.REMISSION_THRESHOLD,
            )
        )
    return 0


def cmd_assess_family(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        followup = caseload.record_family_followup(
            FamilyFollowUp(
                args.client,
                args.date or caseload.today(),
                _yes_no(args.loved_one_treatment),
                _yes_no(args.loved_one_support),
                _yes_no(args.own_support),
            )
        )
    if args.json:
        print_json({"id": followup.id})
    else:
        print(text("cli.family_followup_added", cli_language(), id=followup.id))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        notes = caseload.search_notes(args.text, limit=args.limit)
        plans = caseload.search_plans(args.text, limit=args.limit)
    if args.json:
        print_json(
            {
                "notes": notes,
                "plans": [{"client_id": c, "client_name": n, "version": v} for c, n, v in plans],
            }
        )
        return 0
    for hit in notes:
        print(
            f"note {hit.note_id}  {hit.occurred_at.date().isoformat()}  {hit.client_name}: "
            f"{hit.snippet}"
        )
    for client_id, name, version in plans:
        print(f"plan  client {client_id} {name}, version {version}")
    print(text("cli.search_found", cli_language(), notes=len(notes), plans=len(plans)))
    return 0


def _print_note(note: SessionNote, full: bool) -> None:
    kind = "attempt" if note.attempt_only else note.support.value
    minutes = f", {note.duration_minutes} min" if note.duration_minutes else ""
    print(f"note {note.id}  {_when(note.occurred_at)}  {note.mode.value}, {kind}{minutes}")
    lines = note.text.splitlines() or [""]
    for line in lines if full else lines[:1]:
        print(f"    {line}")
    if note.next_steps:
        print(f"    {text('cli.note_next_steps', cli_language(), steps=note.next_steps)}")
    for a in note.addenda:
        print(
            "    "
            + text("cli.addendum_line", cli_language(), when=_when(a.written_at), by=a.author)
        )
        for line in a.text.splitlines() if full else a.text.splitlines()[:1]:
            print(f"      {line}")


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def cmd_note_list(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        caseload.get_client(args.client)
        notes = caseload.notes(args.client, args.limit)
    if args.json:
        print_json(notes)
        return 0
    for note in notes:
        _print_note(note, full=False)
    return 0


def cmd_note_show(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        note = caseload.note(args.note)
    if args.json:
        print_json(note)
    else:
        _print_note(note, full=True)
    return 0


def cmd_note_addendum(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        addendum = caseload.add_addendum(args.note, args.text)
    if args.json:
        print_json({"id": addendum.id, "note": args.note})
    else:
        print(text("cli.addendum_added", cli_language(), id=addendum.id, note=args.note))
    return 0


# Today's titles (core/reminders.py, English) to their catalog codes, for the chosen language.
_TITLE_CODES = {title: f"today.title.{tp.value}" for tp, title in TIMEPOINT_TITLES.items()} | {
    title: f"today.title.{kind}" for kind, title in KIND_TITLES.items()
}


def since_text(r: Reminder, lang: str) -> str:
    """How long ago a first contact's hand-off was accepted (core/reminders.accepted_ago)."""
    ago = accepted_ago(r.since, datetime.now(UTC))
    return "" if ago is None else text(f"today.accepted_{ago[0]}", lang, n=ago[1])


def cmd_today_list(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        page = caseload.today_page(args.per_kind)
        today = caseload.today()
    items = [r for kind in page.first for r in page.first[kind]]
    if args.json:
        print_json({"counts": page.counts, "overdue": page.overdue, "items": items})
        return 0
    lang = cli_language()
    for r in items:
        late = (today - r.due_on).days
        flag = text("cli.today_late", lang, n=late) if late > 0 else ""
        if r.kind == "first_contact":  # issue 19: who handed off, and how long ago
            what = text("today.title.first_contact", lang, coach=r.detail)
            flag = since_text(r, lang)
        else:
            end = (r.ends_on or r.due_on).isoformat()  # a consent's words name it (issue 17)
            code = _TITLE_CODES.get(r.title)
            title = text(code, lang, date=end) if code else r.title
            what = f"{title}: {r.detail}" if r.detail else title
        print(
            f"{r.client_id:>6}  {r.kind:<18} {r.due_on.isoformat()}  {r.client_name:<28} "
            f"{what}{'  ' + flag if flag else ''}"
        )
    print(text("cli.today_summary", cli_language(), n=page.total, overdue=page.overdue))
    return 0


def cmd_today_done(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        caseload.complete_due(args.client, args.kind, args.due, next_review=args.next_review)
    print(text("cli.today_done", cli_language()))
    return 0


def cmd_today_later(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        caseload.snooze_due(args.client, args.kind, args.due, args.until)
    print(text("cli.today_later", cli_language(), until=args.until.isoformat()))
    return 0
