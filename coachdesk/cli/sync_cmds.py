"""`coachdesk sync`, `coachdesk sync-setup` and `coachdesk outbox`."""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk.cli.common import (
    ProgressBar,
    UserError,
    add_passphrase_option,
    jsonable,
    open_caseload,
    print_json,
    secret,
)
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import sync
from coachdesk.exchange.transports import OfflineError, Transport
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.exchange.transports.webdav import (
    WebDavSettings,
    WebDavTransport,
    parse_inbox_url,
)

WEBDAV_PASSWORD_ENV = "COACHDESK_WEBDAV_PASSWORD"
MAX_CA_BYTES = 256 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "sync",
        help="send the exports waiting in the outbox and fetch the RCO's resource directory",
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument(
        "--folder",
        type=Path,
        metavar="PATH",
        help="write to this folder (USB stick, shared folder) instead of the RCO's WebDAV inbox",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser(
        "sync-setup", help="store the RCO's WebDAV inbox address and credentials in the vault"
    )
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("--webdav", required=True, metavar="URL", help="https://server/path/inbox/")
    p.add_argument("--user", required=True, metavar="NAME", help="the user name the RCO issued")
    p.add_argument(
        "--ca-cert",
        type=Path,
        metavar="FILE",
        help="trust only this CA certificate (PEM) for the server, instead of the system's",
    )
    p.add_argument("--no-check", action="store_true", help="do not try the server after saving")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_sync_setup)

    p = sub.add_parser("outbox", help="list the exports in the outbox and their states")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_outbox)


def cmd_sync(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        transport: Transport | None
        if args.folder is not None:
            transport = FolderTransport(args.folder)
        else:
            transport = sync.configured_transport(caseload)
        if transport is None:
            raise UserError(
                "No way out is set up: give --folder PATH (a USB stick or shared folder), or "
                "store the RCO's WebDAV inbox with `coachdesk sync-setup`."
            )
        report = sync.sync_once(caseload, transport, progress=ProgressBar("Sending"))
    if args.json:
        print_json(sync.report_json(report))
    else:
        for line in report.lines:
            if line != report.error:  # that one goes to stderr below, once
                print(line)
    if not report.ok:
        raise UserError(_failure_line(report))
    return 0


def _failure_line(report: sync.SyncReport) -> str:
    if report.error:
        return report.error
    if report.failed:
        return f"{len(report.failed)} export(s) could not be sent; see `coachdesk outbox`."
    if report.directory_error:
        return report.directory_error
    return f"{report.waiting} export(s) still waiting to be sent."


def cmd_sync_setup(args: argparse.Namespace) -> int:
    ca_pem = _read_ca(args.ca_cert) if args.ca_cert else ""
    password = secret(WEBDAV_PASSWORD_ENV, "WebDAV password")
    settings = WebDavSettings(parse_inbox_url(args.webdav).url, args.user, password, ca_pem)
    with open_caseload(args) as caseload:
        sync.save_webdav_settings(caseload, settings)
    print(f"Saved the RCO's inbox {settings.url} for user {settings.user}.")
    print("The password is kept inside the encrypted vault only.")
    if args.no_check:
        return 0
    transport = WebDavTransport(settings)
    try:
        transport.probe()
    except OfflineError as exc:
        print(f"The server cannot be reached just now: {exc} Sync will try again later.")
        return 0
    except CoachDeskError as exc:
        raise UserError(f"Saved, but the server cannot be used: {exc}") from None
    finally:
        transport.close()
    print("The server answered and accepted the credentials.")
    return 0


def _read_ca(path: Path) -> str:
    from cryptography import x509

    try:
        data = path.read_bytes()[: MAX_CA_BYTES + 1]
    except OSError as exc:
        raise UserError(f"Cannot read {path}: {exc.strerror}.") from None
    if len(data) > MAX_CA_BYTES:
        raise UserError(f"{path} is too large to be a certificate.")
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise UserError(f"{path} is not a PEM certificate file.") from None
    if not certificates:
        raise UserError(f"{path} holds no certificate.")
    return data.decode("ascii", "replace")


def cmd_outbox(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        rows = sync.list_outbox(caseload)
        status = sync.sync_status(caseload)
    if args.json:
        print_json(
            {
                "status": {
                    "state": status.state.value,
                    "waiting": status.waiting,
                    "failed": status.failed,
                    "last_success": jsonable(status.last_success),
                    "last_error": status.last_error,
                    "line": status.line,
                },
                "items": rows,
            }
        )
        return 0
    print(status.line)
    if not rows:
        print("The outbox is empty.")
    for row in rows:
        created = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        line = f"#{row.counter:<5} {row.state.value:<8} {created}  {row.file_name}"
        line += f"  ({row.size // 1024 or 1} KB)"
        if row.sent_at is not None:
            sent = row.sent_at.astimezone().strftime("%Y-%m-%d %H:%M")
            line += f"  sent {sent} to {row.sent_to}"
        elif row.last_error:
            line += f"  last try: {row.last_error}"
        print(line)
    return 0
