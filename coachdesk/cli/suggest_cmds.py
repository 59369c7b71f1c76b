"""`coachdesk resources suggest|suggestions` (the coach) and `coachdesk rco suggestions
list|accept|reject` (the supervisor): suggestions to the RCO's directory (issue 20).
`rco_cmds` registers the `rco suggestions` commands through `register_rco`."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from coachdesk.application import suggestions as sug
from coachdesk.cli.common import add_passphrase_option, cli_language, open_caseload, print_json
from coachdesk.core.models import Pathway, ResourceCategory
from coachdesk.i18n.catalog import text
from coachdesk.rco import curation
from coachdesk.rco.desk import RcoDesk


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    resources = sub.add_parser("resources", help="suggest changes to the RCO's directory")
    rsub = resources.add_subparsers(dest="resources_command", required=True, metavar="COMMAND")
    p = rsub.add_parser(
        "suggest",
        help="suggest a new resource, a correction, or that an entry is still right; "
        "shows exactly what leaves, then seals it into the outbox",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    add_passphrase_option(p)
    p.add_argument("--kind", choices=sug.KINDS, default="new")
    p.add_argument("--ref", default="", help="the RCO directory entry (correction, confirmed)")
    p.add_argument("--problem", choices=sug.PROBLEMS, default="", help="for a correction")
    p.add_argument(
        "--category",
        choices=[c.value for c in ResourceCategory],
        help="for a new resource (default other)",
    )
    p.add_argument(
        "--pathway", action="append", choices=[x.value for x in Pathway], help="repeatable"
    )
    p.add_argument("--language", action="append", help="a language spoken there (repeatable)")
    for name in sug.PREVIEW_ORDER:
        if name not in ("category", "pathways", "languages"):
            p.add_argument(f"--{name.replace('_', '-')}", dest=name)
    p.add_argument("--dry-run", action="store_true", help="show what would leave; send nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggest)

    p = rsub.add_parser("suggestions", help="your suggestions, what became of them, what changed")
    p.add_argument("vault", type=Path, metavar="VAULT")
    add_passphrase_option(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggestions)


def register_rco(rsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    s = rsub.add_parser("suggestions", help="the coaches' suggestions to the directory")
    ssub = s.add_subparsers(dest="suggestions_command", required=True, metavar="COMMAND")
    p = ssub.add_parser("list", help="open suggestions grouped by resource")
    _store(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rco_list)
    p = ssub.add_parser(
        "linkage", help="referrals made and linked per directory entry (small counts hidden)"
    )
    _store(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_rco_linkage)
    p = ssub.add_parser("accept", help="accept a group (edited) into the next directory")
    _store(p)
    p.add_argument("group", metavar="GROUP")
    for name in ("name", "phone", "area", "hours", "note", "eligibility"):
        p.add_argument(f"--{name}")
    p.add_argument("--category", choices=[c.value for c in ResourceCategory])
    p.add_argument("--closed", action=argparse.BooleanOptionalAction, default=None)
    p.set_defaults(func=cmd_rco_accept)
    p = ssub.add_parser("reject", help="reject a group with a reason the coaches will read")
    _store(p)
    p.add_argument("group", metavar="GROUP")
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_rco_reject)


def _store(p: argparse.ArgumentParser) -> None:
    p.add_argument("store", type=Path, metavar="STORE", help="the RCO store folder")
    add_passphrase_option(p)


def _draft(args: argparse.Namespace, caseload: Any) -> sug.SuggestionDraft:
    draft = sug.draft_for(caseload, args.kind, args.ref, args.problem)
    changes: dict[str, Any] = {
        name: getattr(args, name)
        for name in sug.PREVIEW_ORDER
        if name not in ("category", "pathways", "languages") and getattr(args, name) is not None
    }
    if args.category:
        changes["category"] = ResourceCategory(args.category)
    if args.pathway:
        changes["pathways"] = tuple(Pathway(x) for x in args.pathway)
    if args.language:
        changes["languages"] = tuple(args.language)
    fields = {name: getattr(draft, name) for name in sug.SuggestionDraft.__dataclass_fields__}
    return sug.SuggestionDraft(**{**fields, **changes})


def preview_lines(preview: sug.SuggestionPreview, lang: str) -> list[str]:
    lines = []
    for member, value in preview.lines:
        shown = value
        if member == "kind":
            shown = text(f"suggest.kind.{value}", lang)
        elif member == "problem":
            shown = text(f"suggest.problem.{value}", lang)
        lines.append(f"{text(f'suggest.field.{member}', lang)}: {shown}")
    return [*lines, "", preview.warning.text(lang)]


def cmd_suggest(args: argparse.Namespace) -> int:
    lang = cli_language()
    with open_caseload(args) as caseload:
        draft = _draft(args, caseload)
        preview = sug.preview(caseload, draft)
        sent = None if args.dry_run else sug.send(caseload, draft)
    if args.json:
        print_json({"content": preview.content, "sent": asdict(sent) if sent else None})
        return 0
    print("\n".join(preview_lines(preview, lang)))
    if sent is None:
        print(text("suggest.cli.dry_run", lang))
    else:
        print(text("suggest.queued", lang, counter=sent.counter))
    return 0


def cmd_suggestions(args: argparse.Namespace) -> int:
    lang = cli_language()
    with open_caseload(args) as caseload:
        mine = sug.my_suggestions(caseload)
        changes = sug.directory_changes(caseload)
    if args.json:
        print_json(
            {
                "suggestions": [asdict(m) for m in mine],
                "changes": asdict(changes) if changes else None,
            }
        )
        return 0
    if changes is not None:
        print(changes.message.text(lang))
    if not mine:
        print(text("suggest.cli.none", lang))
    for m in mine:
        print(
            text(
                "suggest.cli.line",
                lang,
                created=m.created_at[:10],
                kind=text(f"suggest.kind.{m.kind}", lang),
                name=m.name,
                fate=text(f"suggest.fate_word.{m.fate}", lang),
            )
        )
        if m.reason:
            print(text("suggest.cli.reason", lang, reason=m.reason))
    return 0


@contextmanager
def _desk(args: argparse.Namespace) -> Iterator[RcoDesk]:
    from coachdesk.cli.rco_cmds import _open  # lazy: rco_cmds registers these commands

    with _open(args) as desk:
        yield desk


def cmd_rco_list(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _desk(args) as desk:
        groups = curation.inbox(desk)
    if args.json:
        print_json(
            [
                {
                    "group": g.group_id,
                    "kind": g.kind,
                    "ref": g.ref,
                    "name": g.name,
                    "category": g.category.value,
                    "coaches": g.coaches,
                    "confirmed": g.confirmed,
                    "problems": g.problems,
                    "proposed_by": g.proposed_by,
                    "proposal": g.proposal,
                }
                for g in groups
            ]
        )
        return 0
    if not groups:
        print(text("suggest.rco.none_open", lang))
    for g in groups:
        print(
            text(
                "suggest.rco.group_line",
                lang,
                group=g.group_id,
                name=g.name,
                category=text(f"doc.funder.word.{g.category.value}", lang),  # the report's words
                what=curation.what_words(g, lang),
                coaches=g.coaches,
            )
        )
        print(
            "    "
            + text(
                "suggest.rco.counts",
                lang,
                confirmed=g.confirmed,
                reported=g.reported,
                proposed=g.proposed_by,
            )
        )
        for field, old, new in curation.changes(g):
            label = text(f"suggest.field.{field}", lang) if field != "closed" else field
            print(text("suggest.rco.change", lang, field=label, old=old, new=new))
    return 0


def cmd_rco_accept(args: argparse.Namespace) -> int:
    edits: dict[str, Any] = {
        k: getattr(args, k)
        for k in ("name", "phone", "area", "hours", "note", "eligibility", "category", "closed")
        if getattr(args, k) is not None
    }
    with _desk(args) as desk:
        done = curation.accept(desk, args.group, edits)
    print(done.text(cli_language()))
    return 0


def cmd_rco_reject(args: argparse.Namespace) -> int:
    with _desk(args) as desk:
        done = curation.reject(desk, args.group, args.reason)
    print(done.text(cli_language()))
    return 0


def cmd_rco_linkage(args: argparse.Namespace) -> int:
    lang = cli_language()
    with _desk(args) as desk:
        rows = curation.linkage(desk)
        small = desk.policy.small_cell
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    for r in rows:
        made = text("suggest.rco.small", lang, n=small) if r.made is None else r.made
        linked = text("suggest.rco.small", lang, n=small) if r.linked is None else r.linked
        print(text("suggest.rco.linkage_line", lang, name=r.name, made=made, linked=linked))
    return 0
