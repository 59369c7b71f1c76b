"""`coachdesk rco ...`: the RCO supervisor's store, import, devices, reports and directory."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coachdesk.application import rco_desk
from coachdesk.cli import rco_store_cmds, suggest_cmds
from coachdesk.cli.common import (
    ProgressBar,
    UserError,
    add_passphrase_option,
    cli_language,
    passphrase,
    print_json,
)
from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.exchange.enrollment import PrivacyPolicy
from coachdesk.i18n import catalog
from coachdesk.i18n.catalog import LANGUAGES, message_in
from coachdesk.rco import rotation as rco_rotation
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import ImportSummary, open_sealed, read_bundle_file


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("store", type=Path, metavar="STORE", help="the RCO store folder")
    add_passphrase_option(p)


def register(sub: argparse._SubParsersAction) -> None:
    rco = sub.add_parser("rco", help="the RCO supervisor's desk: import, outcomes, reports")
    rsub = rco.add_subparsers(dest="rco_command", required=True, metavar="COMMAND")

    p = rsub.add_parser("init", help="create the RCO store and identity (prints the recovery code)")
    _store_arg(p)
    p.add_argument("--name", default="", help="the RCO's name, shown to coaches at enrollment")
    p.add_argument("--k", type=int, default=11, help="k-anonymity of exports (default 11)")
    p.add_argument(
        "--small-cell", type=int, default=11, help="suppress counts below this (default 11)"
    )
    p.add_argument(
        "--months-between",
        action="store_true",
        help="ask coaches' exports for the months between timepoints (optional field)",
    )
    p.add_argument(
        "--fiscal-year-start",
        type=int,
        choices=(1, 4, 7, 10),
        default=1,
        metavar="MONTH",
        help="month the fiscal year starts (1, 4, 7 or 10; default 1 = calendar year)",
    )
    p.add_argument(
        "--postgres",
        metavar="URL",
        help="keep the store in this empty PostgreSQL database (postgresql://user@host/db, "
        "password in ~/.pgpass); STORE becomes the key folder every command then takes",
    )
    p.set_defaults(func=cmd_init)

    p = rsub.add_parser("enrollment", help="write the signed enrollment file for coaches")
    _store_arg(p)
    p.add_argument("out", type=Path, metavar="OUT_FILE")
    p.set_defaults(func=cmd_enrollment)

    p = rsub.add_parser("import", help="import sealed bundles from files and folders")
    _store_arg(p)
    p.add_argument("paths", type=Path, nargs="+", metavar="BUNDLE_OR_FOLDER")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)

    p = rsub.add_parser("devices", help="list, confirm or revoke coach devices")
    _store_arg(p)
    p.add_argument("--json", action="store_true")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--confirm", metavar="FINGERPRINT", help="confirm a pending device")
    group.add_argument("--revoke", metavar="FINGERPRINT", help="refuse a device's bundles")
    group.add_argument("--rename", metavar="FINGERPRINT", help="give a device a new name")
    p.add_argument("--name", default="", help="with --confirm or --rename: the device's name")
    p.set_defaults(func=cmd_devices)

    p = rsub.add_parser("flags", help="bundles flagged for the supervisor (counter problems)")
    _store_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--acknowledge", type=int, metavar="ID", help="acknowledge flag ID (needs --note)"
    )
    p.add_argument("--note", default="", help="with --acknowledge: what you found")
    p.set_defaults(func=cmd_flags)

    p = rsub.add_parser("history", help="what every import did, file by file (newest first)")
    _store_arg(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--last", type=int, metavar="N", help="only the N most recent files")
    p.set_defaults(func=cmd_history)

    p = rsub.add_parser("records", help="print the de-identified records (for other tools)")
    _store_arg(p)
    p.add_argument("--json", action="store_true", required=True)
    p.set_defaults(func=cmd_records)

    p = rsub.add_parser("open", help="verify and print one bundle's payload (imports nothing)")
    _store_arg(p)
    p.add_argument("bundle", type=Path, metavar="BUNDLE")
    p.add_argument("--json", action="store_true", required=True)
    p.set_defaults(func=cmd_open)

    p = rsub.add_parser(
        "report", help="the funder report for a period of service (quarter, year, fiscal year)"
    )
    _store_arg(p)
    p.add_argument(
        "--period",
        required=True,
        help="2026, a quarter like 2026-Q1, a fiscal year like FY2027, or all "
        "(the report lists every period that has data)",
    )
    p.add_argument("--device", default="", help="only this coach device (fingerprint)")
    p.add_argument("--setting", default="", help="only this setting")
    p.add_argument("--csv", type=Path, metavar="OUT")
    p.add_argument("--pdf", type=Path, metavar="OUT")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the PDF (default: $COACHDESK_LANG, else English); "
        "the CSV and JSON stay English",
    )
    p.set_defaults(func=cmd_report)

    p = rsub.add_parser("directory", help="edit and publish the signed resource directory")
    dsub = p.add_subparsers(dest="directory_command", required=True, metavar="COMMAND")
    d = dsub.add_parser("add", help="add (or with --ref, replace) an entry")
    _store_arg(d)
    d.add_argument("--name", required=True)
    d.add_argument(
        "--category", required=True, choices=[c.value for c in ResourceCategory], metavar="CAT"
    )
    d.add_argument(
        "--pathway",
        action="append",
        default=[],
        choices=[c.value for c in Pathway],
        metavar="PATHWAY",
    )
    for name in ("address", "phone", "hours", "notes", "ref"):
        d.add_argument(f"--{name}", default="")
    d.set_defaults(func=cmd_directory_add)
    d = dsub.add_parser("list", help="list the entries")
    _store_arg(d)
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_directory_list)
    d = dsub.add_parser("remove", help="remove an entry")
    _store_arg(d)
    d.add_argument("ref", metavar="REF")
    d.set_defaults(func=cmd_directory_remove)
    d = dsub.add_parser("publish", help="sign and write the directory for coaches to fetch")
    _store_arg(d)
    where = d.add_mutually_exclusive_group(required=True)
    where.add_argument("--folder", type=Path, metavar="PATH")
    where.add_argument("--inbox", action="store_true", help="the WebDAV inbox of fetch-setup")
    d.set_defaults(func=cmd_directory_publish)
    from coachdesk.cli import rco_fetch_cmds  # `rco fetch`, `rco fetch-setup`

    rco_fetch_cmds.register(rsub)
    suggest_cmds.register_rco(rsub)  # `rco suggestions list|accept|reject` (issue 20)

    p = rsub.add_parser("desk", help="open the supervisor's window")
    p.add_argument("store", type=Path, nargs="?", metavar="STORE")
    p.add_argument("--lang", choices=["en", "es"], help="language of the window")
    p.set_defaults(func=cmd_desk)

    rco_store_cmds.register(rsub)


@contextmanager
def _open(args: argparse.Namespace) -> Iterator[RcoDesk]:
    desk = RcoDesk.open(args.store, passphrase(args))
    try:
        yield desk
    finally:
        desk.close()


def prepare_figures(desk: RcoDesk, summary: ImportSummary) -> None:
    """After an import that added data: the dashboard's first view made ready for the desk
    (RcoDesk.prepare_figures), with its own progress bar."""
    if summary.added:
        desk.prepare_figures(ProgressBar("Preparing figures"))


def cmd_init(args: argparse.Namespace) -> int:
    policy = PrivacyPolicy(
        args.k,
        args.small_cell,
        ("months_between",) if args.months_between else (),
        args.fiscal_year_start,
    )
    try:
        PrivacyPolicy.from_json(policy.to_json())
    except Exception as exc:
        raise UserError(str(exc)) from None
    desk, code = RcoDesk.create(
        args.store,
        passphrase(args, confirm=True),
        name=args.name,
        policy=policy,
        postgres=args.postgres,
    )
    with desk:
        print(f"Created RCO store {args.store} for {desk.name}")
        print(f"fingerprint: {desk.fingerprint}")
        rco_store_cmds.print_recovery_kit(desk, code)
    return 0


def cmd_enrollment(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        desk.write_enrollment(args.out)
        print(f"Enrollment file written: {args.out}")
        print(f"fingerprint: {desk.fingerprint}")
    print("Give coaches this fingerprint on paper; they compare it when they enroll.")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        summary = desk.import_paths(args.paths, progress=ProgressBar("Importing"))
        prepare_figures(desk, summary)
    if args.json:
        print_json(summary.to_json())
    else:
        lang = cli_language()
        for r in summary.results:
            line = f"{r.outcome.value:16} {r.path}"
            print(line + (f": {r.message.text(lang)}" if r.reason else ""))
        counts = summary.to_json()
        print(
            f"{counts['imported']} imported, {counts['already_present']} already present, "
            f"{counts['pending']} waiting for device confirmation, {counts['flagged']} flagged, "
            f"{counts['rejected']} rejected"
        )
    if not summary.results:
        print("coachdesk: no bundle files were found there.", file=sys.stderr)
        return 1
    return 0 if summary.ok else 1


def cmd_devices(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        if args.confirm:
            summary = desk.confirm_device(args.confirm, args.name)
            prepare_figures(desk, summary)
            if not args.json:
                outcomes = ", ".join(f"{r.outcome.value}" for r in summary.results)
                print(
                    catalog.text(
                        "rco.cli.device_confirmed",
                        cli_language(),
                        n=len(summary.results),
                        outcomes=outcomes,
                    )
                )
        elif args.revoke:
            dropped = desk.revoke_device(args.revoke)
            if not args.json:
                print(catalog.text("rco.cli.device_revoked", cli_language(), n=dropped))
        elif args.rename:
            renamed = rco_desk.rename_device(desk, args.rename, args.name)
            if not args.json:
                print(f"Device {renamed.fingerprint} is now named {renamed.name}.")
        devices = desk.devices()
    if args.json:
        print_json(devices)
    elif not (args.confirm or args.revoke or args.rename):
        if not devices:
            print("No coach devices yet.")
        for d in devices:
            print(
                f"{d.status.value:10} {d.fingerprint}  {d.name or '(no name)'}  "
                f"bundles: {d.bundles}, waiting: {d.pending_bundles}, "
                f"last counter: {d.last_counter if d.last_counter >= 0 else '-'}"
            )
    return 0


def cmd_flags(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        if args.acknowledge is not None:
            rco_desk.acknowledge_flag(desk, args.acknowledge, args.note)
            print(f"Flag {args.acknowledge} acknowledged.", file=sys.stderr)
        views = rco_desk.flag_views(desk)
        names = desk.device_names()
    if args.json:
        print_json(
            [
                {**_as_dict(v.flag), "acknowledged_at": v.acknowledged_at, "note": v.note}
                for v in views
            ]
        )
    else:
        if not views:
            print("Nothing flagged.")
        for v in views:
            f = v.flag
            state = f"acknowledged {v.acknowledged_at}: {v.note}" if not v.open else "open"
            detail = message_in(f.detail).text(cli_language())
            print(f"{f.id:4}  {f.at}  {names.get(f.device_id, f.device_id)}: {detail} [{state}]")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        entries = rco_desk.import_history(desk, args.last)
    if args.json:
        print_json(entries)
        return 0
    if not entries:
        print("Nothing imported yet.")
    for e in entries:
        line = catalog.text(
            "rco.cli.history_line",
            cli_language(),
            at=e.at,
            result=f"{e.result:16}",
            file=e.file,
            device=e.device or "-",
            n=e.records,
        )
        print(line + (f": {message_in(e.reason).text(cli_language())}" if e.reason else ""))
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        episodes = desk.episodes()
        names = desk.device_names()
    out = []
    for e in episodes:
        row = {k: v for k, v in _as_dict(e).items() if k not in ("bundle_id", "facts")}
        row["device"] = names.get(e.device_id, e.device_id)
        out.append(row)
    print_json(out)
    return 0


def _as_dict(e: object) -> dict[str, object]:
    from coachdesk.cli.common import jsonable

    value = jsonable(e)
    assert isinstance(value, dict)
    return value


def cmd_open(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        data = read_bundle_file(args.bundle)
        opened = open_sealed(data, rco_rotation.identity_for(desk, data))
        device = desk.backend.get_device(opened.device_id)
    print_json(
        {
            "device_fingerprint": opened.device_fingerprint,
            "device_status": device.status.value if device else "unknown",
            "payload": opened.payload,
        }
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    import coachdesk.rco.report as report_mod

    with _open(args) as desk:
        report = rco_desk.report_for(desk, args.period, args.device, args.setting)
        # The window's export calls the same use case: the same audit entry either way.
        written = rco_desk.export_report(
            desk,
            report,
            {"csv": args.csv, "pdf": args.pdf},
            ["json"] if args.json else [],
            args.lang or cli_language(),
        )
    if args.json:
        print_json(report.to_json())
    else:
        for line in report_mod.text_lines(report):
            print(line)
    for path in written:
        print(f"Written: {path}", file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_directory_add(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        saved = desk.save_directory_entry(
            Resource(
                args.name,
                ResourceCategory(args.category),
                [Pathway(p) for p in args.pathway],
                args.address,
                args.phone,
                args.hours,
                args.notes,
                local=False,
                rco_ref=args.ref,
            )
        )
    print(f"Saved directory entry {saved.rco_ref}: {saved.name}")
    return 0


def cmd_directory_list(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        entries = desk.directory()
        serial = desk.directory_serial
    if args.json:
        print_json({"published_serial": serial, "entries": entries})
    else:
        for r in entries:
            print(f"{r.rco_ref}  {r.category.value:15} {r.name}")
        lang = cli_language()
        print(catalog.text("rco.desk.entries_serial", lang, n=len(entries), serial=serial))
    return 0


def cmd_directory_remove(args: argparse.Namespace) -> int:
    with _open(args) as desk:
        desk.delete_directory_entry(args.ref)
    print(f"Removed {args.ref} (publish again for coaches to see it).")
    return 0


def cmd_directory_publish(args: argparse.Namespace) -> int:
    if args.inbox:
        from coachdesk.cli.rco_fetch_cmds import cmd_publish_inbox

        return cmd_publish_inbox(args)
    with _open(args) as desk:
        path, serial = desk.publish_directory(args.folder)
        count = len(desk.directory())
    print(f"Published {count} entries as serial {serial}: {path}")
    return 0


def cmd_desk(args: argparse.Namespace) -> int:
    # Lazy: the CLI stays importable without Qt.
    from coachdesk.ui.rco.main import run_desk

    return run_desk(args.store, args.lang)
