"""`coachdesk vault ...` and `coachdesk demo-data`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from coachdesk.cli.common import (
    NEW_PASSPHRASE_ENV,
    RECOVERY_ENV,
    ProgressBar,
    add_passphrase_option,
    open_caseload,
    passphrase,
    print_json,
    secret,
)
from coachdesk.core import demo
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import CoachProfile
from coachdesk.errors import IntegrityError
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import Vault


def register(sub: argparse._SubParsersAction) -> None:
    vault = sub.add_parser("vault", help="create, check, back up and re-key a coach's vault")
    vsub = vault.add_subparsers(dest="vault_command", required=True, metavar="COMMAND")

    p = vsub.add_parser("init", help="create a new encrypted vault (prints the recovery code once)")
    p.add_argument("vault", type=Path, metavar="VAULT", help="folder to create")
    p.add_argument("--name", default="", help="the coach's name, shown in the audit log")
    p.add_argument("--organisation", default="", help="the RCO the coach works for")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_init)

    p = vsub.add_parser("check", help="verify encryption, integrity and the audit chain")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_check)

    p = vsub.add_parser("passwd", help="change the passphrase (rewrites only the key slot)")
    p.add_argument("vault", type=Path, metavar="VAULT")
    add_passphrase_option(p)
    p.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"the new passphrase (else ${NEW_PASSPHRASE_ENV}, else a prompt)",
    )
    p.set_defaults(func=cmd_passwd)

    p = vsub.add_parser("recover", help="set a new passphrase with the recovery code")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help=f"the new passphrase (else ${NEW_PASSPHRASE_ENV}, else a prompt)",
    )
    p.set_defaults(func=cmd_recover)

    p = vsub.add_parser("backup", help="write a verified encrypted copy into a folder")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("dest", type=Path, metavar="DEST", help="folder to put the backup in")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_backup)

    # An RCO store given to `vault check` / `vault backup`: say so and name the `rco` command.
    from coachdesk.cli.rco_store_cmds import refuse_rco_store

    for name in ("check", "backup"):
        command = vsub.choices[name]
        command.set_defaults(func=refuse_rco_store(name, command.get_default("func")))

    p = sub.add_parser("demo-data", help="fill a vault with a synthetic caseload")
    p.add_argument(
        "vault",
        type=Path,
        metavar="VAULT",
        help="an existing vault, or a new folder (created with the passphrase given)",
    )
    p.add_argument("--clients", type=int, default=50, metavar="N")
    p.add_argument("--notes-per-client", type=int, default=50, metavar="N")
    p.add_argument("--seed", type=int, default=1, metavar="S")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_demo_data)


def _new_passphrase(args: argparse.Namespace) -> str:
    return secret(
        NEW_PASSPHRASE_ENV,
        "New passphrase",
        args.new_passphrase_file,
        confirm=True,
        env_alternative="--new-passphrase-file",
    )


def _print_recovery_code(code: str) -> None:
    print("Recovery code (shown only this once; write it down and keep it apart from this")
    print("computer: it opens the vault if the passphrase is forgotten):")
    print(f"    {code}")


def cmd_init(args: argparse.Namespace) -> int:
    vault, code = Vault.create(args.vault, passphrase(args, confirm=True))
    with vault:
        if args.name:
            Caseload(vault).set_profile(CoachProfile(args.name, args.organisation))
    print(f"Created vault {args.vault}")
    _print_recovery_code(code)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with Vault.open(args.vault, passphrase(args), allow_damaged=True) as vault:
        report = vault.check(full=True)
        broken = AuditLog(vault.conn, vault.audit_key).verify()
    result = {
        "vault": str(args.vault),
        "cipher_version": report.cipher_version,
        "schema_version": report.schema_version,
        "integrity": "ok" if report.ok else report.integrity_errors,
        "audit_chain": "ok" if broken is None else f"altered at entry {broken}",
        "ok": report.ok and broken is None,
    }
    if args.json:
        print_json(result)
    else:
        for key, value in result.items():
            print(f"{key}: {value}")
    if not result["ok"]:
        raise IntegrityError("The vault did not pass its checks; restore it from a backup.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = passphrase(args)
    Vault.change_passphrase(args.vault, old, _new_passphrase(args))
    print("Passphrase changed. The recovery code is unchanged.")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code = secret(RECOVERY_ENV, "Recovery code")
    Vault.reset_passphrase(args.vault, code, _new_passphrase(args))
    print("New passphrase set. The recovery code is unchanged.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        path = caseload.vault.backup(args.dest)
    print(f"Backup written and verified: {path}")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.clients < 0 or args.notes_per_client < 0:
        raise argparse.ArgumentTypeError("counts must not be negative")
    started = time.perf_counter()
    code = None
    if args.vault.exists():
        vault = Vault.open(args.vault, passphrase(args))
    else:
        vault, code = Vault.create(args.vault, passphrase(args, confirm=True))
    with vault:
        demo.generate(
            vault,
            args.clients,
            args.seed,
            args.notes_per_client,
            progress=ProgressBar("Generating"),
        )
    print(
        f"{args.clients} synthetic clients written to {args.vault} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    if code:
        _print_recovery_code(code)
    return 0
