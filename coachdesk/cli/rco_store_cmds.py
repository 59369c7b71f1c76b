"""`coachdesk rco backup | restore | passwd | recover | check | audit | rotate`: the store
itself and the RCO's keys.

The work is done by coachdesk/rco/ops.py (the desk window calls the same functions); this
module only reads arguments and secrets and prints. Registered from cli/rco_cmds.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from coachdesk.cli import vault_cmds
from coachdesk.cli.common import (
    RECOVERY_ENV,
    UserError,
    add_passphrase_option,
    passphrase,
    print_json,
    secret,
)
from coachdesk.errors import IntegrityError, VaultError
from coachdesk.rco import audit as rco_audit
from coachdesk.rco import ops
from coachdesk.rco import pg as rco_pg
from coachdesk.rco import rotation as rco_rotation
from coachdesk.rco.desk import RcoDesk, store_wording
from coachdesk.rco.store import RcoStore

Command = Callable[[argparse.Namespace], int]


def _store(p: argparse.ArgumentParser, passphrase_option: bool = True, dest: str = "store") -> None:
    p.add_argument(dest, type=Path, metavar="STORE", help="the RCO store folder")
    if passphrase_option:
        add_passphrase_option(p)


def _new_passphrase_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--new-passphrase-file",
        type=Path,
        metavar="FILE",
        help="the new passphrase (else $COACHDESK_NEW_PASSPHRASE, else a prompt)",
    )


def register(rsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = rsub.add_parser("backup", help="write a verified, encrypted copy of the store")
    _store(p)
    p.add_argument("dest", type=Path, metavar="DEST", help="folder to put the backup in")
    p.set_defaults(func=cmd_backup)

    p = rsub.add_parser(
        "restore", help="put a backup in place of the store (the current one is kept aside)"
    )
    _store(p)
    p.add_argument("backup", type=Path, metavar="BACKUP", help="a STORE-<time>.cdbackup folder")
    p.add_argument(
        "--recovery-code",
        action="store_true",
        help=f"open the backup with the recovery code (${RECOVERY_ENV} or a prompt) instead "
        "of the passphrase it was made with",
    )
    p.add_argument(
        "--postgres",
        metavar="URL",
        help="restore into this empty PostgreSQL database instead; STORE is then the new key "
        "folder to make",
    )
    p.set_defaults(func=cmd_restore)

    # Key slots are the same for a store and a vault: the vault's commands do the work.
    p = rsub.add_parser("passwd", help="change the passphrase (rewrites only its key slot)")
    _store(p, dest="vault")
    _new_passphrase_option(p)
    p.set_defaults(func=cmd_passwd)

    p = rsub.add_parser("recover", help="set a new passphrase with the recovery code")
    _store(p, passphrase_option=False, dest="vault")
    _new_passphrase_option(p)
    p.set_defaults(func=cmd_recover)

    p = rsub.add_parser("check", help="verify encryption, integrity, identity and the audit log")
    _store(p)
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_check)

    p = rsub.add_parser("audit", help="show the store's audit log and verify its chain")
    _store(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", type=Path, metavar="OUT", help="also write the log as CSV")
    p.set_defaults(func=cmd_audit)

    p = rsub.add_parser(
        "rotate", help="change the RCO's keys (signed by the old ones; coaches follow at sync)"
    )
    _store(p)
    p.add_argument(
        "--folder",
        type=Path,
        required=True,
        metavar="PATH",
        help="where coaches sync (the rotation file is written there, beside the directory)",
    )
    p.add_argument(
        "--publish-only",
        action="store_true",
        help="write the rotation file again without changing the keys",
    )
    p.set_defaults(func=cmd_rotate)

    p = rsub.add_parser(
        "migrate-store", help="copy a store into an empty PostgreSQL database and verify it"
    )
    _store(p)
    p.add_argument("--postgres", required=True, metavar="URL", help="the empty database")
    p.add_argument(
        "--keys", type=Path, required=True, metavar="DIR", help="the new key folder to make"
    )
    p.set_defaults(func=cmd_migrate_store)


def cmd_migrate_store(args: argparse.Namespace) -> int:
    moved = rco_pg.migrate_store(args.store, passphrase(args), args.keys, args.postgres)
    for table, rows in moved.rows.items():
        print(f"{table:18} {rows:8} rows, the same in both")
    print("figures equal: the copy in PostgreSQL gives the same figures as the store.")
    print(f"Open it from now on with the key folder {args.keys} (same passphrase and code).")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with RcoDesk.open(args.store, passphrase(args)) as desk:
        path = ops.backup(desk, args.dest)
    print(f"Backup written and verified: {path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if args.recovery_code:
        code = secret(RECOVERY_ENV, "Recovery code")
        result = ops.restore(
            args.backup, args.store, code, recovery_code=True, postgres=args.postgres
        )
    else:
        result = ops.restore(args.backup, args.store, passphrase(args), postgres=args.postgres)
    if args.postgres:
        print(f"Restored {args.backup} into the PostgreSQL database; rows and figures verified.")
        print(f"Open it from now on with the key folder {args.store}.")
    else:
        print(f"Restored {args.store} from {args.backup}")
    print(f"fingerprint: {result.fingerprint}")
    if result.kept is not None:
        print(f"The previous store was kept as {result.kept}")
    print("It opens with the passphrase it had when the backup was made.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with ops.open_for_check(args.store, passphrase(args)) as desk:
        result = ops.check(desk)
    if args.json:
        print_json(result.to_json())
    else:
        for key, value in result.to_json().items():
            if isinstance(value, dict):
                value = ", ".join(f"{k} {v}" for k, v in value.items())
            elif isinstance(value, list):
                value = "; ".join(map(str, value))
            value = value if value != "" else "-"
            if key not in ("ok", "verdict"):
                print(f"{key}: {value}")
        print(result.verdict)
    if not result.ok:
        raise IntegrityError("The RCO store did not pass its checks; restore it from a backup.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with RcoDesk.open(args.store, passphrase(args)) as desk:
        view = ops.audit_view(desk)
    written = ops.write_audit_csv(view, args.csv) if args.csv else None
    if args.json:
        print_json(view.to_json())
    else:
        for e in view.entries:
            mark = "" if view.broken_at is None or (e.id or 0) < view.broken_at else "  !"
            print(f"{e.id:6}  {e.at.isoformat()}  {e.actor}  {rco_audit.describe(e)}{mark}")
        print(view.verdict)
    if written is not None:
        print(f"Written: {written}", file=sys.stderr if args.json else sys.stdout)
    if view.broken_at is not None:
        raise IntegrityError(view.verdict)
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    with RcoDesk.open(args.store, passphrase(args)) as desk:
        if args.publish_only:
            print(f"Written: {rco_rotation.publish_rotation(desk, args.folder)}")
            return 0
        result = rco_rotation.rotate(desk, args.folder)
    print(f"The RCO's keys were changed; previous fingerprint: {result.previous_fingerprint}")
    print(f"fingerprint: {result.fingerprint}")
    print(f"Written: {result.published}")
    print(
        "Coaches switch at their next sync. Publish the directory again (it is now signed by "
        "the new key), give coaches the new fingerprint on paper, and use `coachdesk rco "
        "enrollment` for new coaches. Bundles sealed for the old key still import."
    )
    return 0


# -- used by other command modules -------------------------------------------------------------


def print_recovery_kit(desk: RcoDesk, code: str) -> None:
    """`rco init`: the recovery kit, printed once."""
    print()
    for line in ops.kit_lines(ops.recovery_kit(desk, code)):
        print(line)


def refuse_rco_store(command: str, func: Command) -> Command:
    """For `vault check` / `vault backup`: an RCO store is named as such, with its command."""

    def run(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except VaultError as exc:
            if f"(it holds a {RcoStore.KIND} store)" not in str(exc):
                raise
            raise UserError(
                f"{args.vault} is an RCO store, not a coach's vault: use "
                f"`coachdesk rco {command} {args.vault}`."
            ) from None

    return run


def cmd_passwd(args: argparse.Namespace) -> int:
    with store_wording():  # a wrong passphrase is refused as "this store", not "this vault"
        return vault_cmds.cmd_passwd(args)


def cmd_recover(args: argparse.Namespace) -> int:
    with store_wording(recovery_code=True):
        return vault_cmds.cmd_recover(args)
