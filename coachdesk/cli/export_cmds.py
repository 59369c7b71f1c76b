"""`coachdesk vault enroll` and `coachdesk export`: the coach's side of the RCO export."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coachdesk.application import enrollment
from coachdesk.cli.common import (
    UserError,
    add_passphrase_option,
    cli_language,
    open_caseload,
    print_json,
)
from coachdesk.exchange import export as use_cases


def _vault_subcommands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The `vault` command's sub-command table (vault_cmds registers it before this module)."""
    vault = sub.choices.get("vault")
    actions = vault._subparsers._group_actions if vault and vault._subparsers else []
    for action in actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("register vault_cmds before export_cmds")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _vault_subcommands(sub).add_parser(
        "enroll",
        help="enroll the vault with an RCO's enrollment file (checks its fingerprint)",
        description="Enroll the vault with the RCO that made FILE. Compare the fingerprint with "
        "the one your supervisor gave you on paper: pass it with --fingerprint, or type it when "
        "asked. Prints this device's fingerprint for the supervisor to confirm.",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("file", type=Path, metavar="FILE", help="the RCO's enrollment file")
    p.add_argument("--fingerprint", metavar="FP", help="the RCO fingerprint from your supervisor")
    p.add_argument(
        "--replace",
        action="store_true",
        help="enroll with a different RCO than before (later exports go only to the new one)",
    )
    add_passphrase_option(p)
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser(
        "export",
        help="seal the anonymized outcome export for the RCO (or --preview it)",
        description="Write a sealed, signed export of de-identified outcomes for the enrolled "
        "RCO into OUT_DIR and queue it in the outbox. Only the RCO can open it.",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="folder to write the bundle in")
    p.add_argument("--preview", action="store_true", help="show what would be sent; seal nothing")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_export)


def _typed_fingerprint(check: enrollment.EnrollmentCheck) -> str:
    # The file's own fingerprint is not shown first: copying it from the screen would prove
    # nothing. The coach types the one from paper and CoachDesk compares.
    print(f"Enrollment file from: {check.rco_name}")
    print("Type the RCO fingerprint your supervisor gave you on paper (dashes optional).")
    try:
        return input("Fingerprint: ")
    except EOFError:
        raise UserError(code="enroll.cancelled") from None


def cmd_enroll(args: argparse.Namespace) -> int:
    enrollment.read_file(args.file)  # unreadable or too big: say so before the passphrase
    if args.fingerprint is None and not sys.stdin.isatty():
        raise UserError(code="enroll.fingerprint_needed")
    with open_caseload(args) as caseload:
        check = enrollment.check(caseload, args.file, args.fingerprint)
        enrollment.refuse_unconfirmed_replacement(check, args.replace)
        typed = args.fingerprint if args.fingerprint is not None else _typed_fingerprint(check)
        result = enrollment.enroll(caseload, args.file, typed, replace=args.replace)
    if result.replaced:
        print(f"Enrollment replaced: exports now go to {result.rco_name} only.")
    print(f"Enrolled with {result.rco_name} (RCO fingerprint {result.rco_fingerprint}).")
    print("Give your supervisor this device's fingerprint to confirm:")
    print(f"device fingerprint: {result.device_fingerprint}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        if args.preview:
            preview = use_cases.preview_export(caseload)
            if args.json:
                print_json({"preview": True, **print_ready(preview), "text": preview.lines()})
            else:
                print("Preview only: nothing was sealed or written.")
                for line in preview.lines(cli_language()):
                    print(line)
            return 0
        result = use_cases.export(caseload, args.out_dir)
    if args.json:
        print_json(
            {
                "path": str(result.path),
                "bundle_id": result.bundle_id,
                "counter": result.counter,
                "records": result.records,
                "suppressed_records": result.suppressed_records,
                "information_kept": result.information_kept,
                "generalization": result.generalization,
                "size_bytes": result.size_bytes,
            }
        )
    else:
        print(f"Sealed export written: {result.path}")
        print(
            f"{result.records} records, export number {result.counter}, "
            f"{result.information_kept:.1%} of age/gender/setting/intake-year values kept, "
            f"{result.suppressed_records} records with those values blanked."
        )
        print("It is queued in the outbox for sending; only the RCO can open it.")
    return 0


def print_ready(preview: use_cases.ExportPreview) -> dict[str, object]:
    return {
        "rco_name": preview.rco_name,
        "rco_fingerprint": preview.rco_fingerprint,
        "k": preview.k,
        "records": preview.records,
        "suppressed_records": preview.suppressed_records,
        "missing_age": preview.missing_age,
        "information_kept": preview.information_kept,
        "generalization": preview.generalization,
        "fields": [str(f) for f in preview.fields],
    }
