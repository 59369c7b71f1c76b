"""`coachdesk vault ...` and `coachdesk demo-data`."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from coachdesk.application import demo, vault_ops
from coachdesk.cli.common import (
    NEW_PASSPHRASE_ENV,
    RECOVERY_ENV,
    ProgressBar,
    add_passphrase_option,
    jsonable,
    open_caseload,
    passphrase,
    print_json,
    secret,
)
from coachdesk.errors import IntegrityError
from coachdesk.i18n.catalog import text


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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

    p = vsub.add_parser(
        "restore",
        help="put a backup in place of the vault (the current vault is kept beside it)",
        description="Replace VAULT by the backup BACKUP (a .cdbackup folder). The backup is "
        "unlocked with the passphrase and checked first; the current vault is kept beside it "
        "as VAULT.before-restore-<time>, and the backup itself is left untouched.",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("backup", type=Path, metavar="BACKUP", help="the backup folder to restore")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_restore)

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
        "secret.new_passphrase",
        args.new_passphrase_file,
        confirm=True,
        env_alternative="--new-passphrase-file",
    )


def _print_recovery_code(code: str) -> None:
    print("Recovery code (shown only this once; write it down and keep it apart from this")
    print("computer: it opens the vault if the passphrase is forgotten):")
    print(f"    {code}")


def cmd_init(args: argparse.Namespace) -> int:
    created = vault_ops.create_vault(
        args.vault, passphrase(args, confirm=True), name=args.name, organisation=args.organisation
    )
    print(f"Created vault {created.path}")
    _print_recovery_code(created.recovery_code)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    result = vault_ops.check_vault(args.vault, passphrase(args))
    if args.json:
        print_json(result)
    else:
        for key, value in jsonable(result).items():
            print(f"{key}: {value}")
    if not result.ok:
        raise IntegrityError(code="vault.check_failed")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    old = passphrase(args)
    vault_ops.change_passphrase(args.vault, old, _new_passphrase(args))
    print(text("vault.passphrase_changed"))
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    code = secret(RECOVERY_ENV, "secret.recovery_code")
    vault_ops.recover(args.vault, code, _new_passphrase(args))
    print(text("vault.passphrase_reset"))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        path = vault_ops.backup_vault(caseload.vault, args.dest)
    print(text("vault.backup_written", path=path))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    kept = vault_ops.restore_backup(args.backup, args.vault, passphrase=passphrase(args))
    print(text("restore.done", kept=kept))
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    if args.clients < 0 or args.notes_per_client < 0:
        raise argparse.ArgumentTypeError("counts must not be negative")
    started = time.perf_counter()
    code = demo.fill(
        args.vault,
        passphrase(args, confirm=not args.vault.exists()),
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
