"""`coachdesk sync`, `coachdesk sync-setup` and `coachdesk outbox`."""

from __future__ import annotations

import argparse
from pathlib import Path

from coachdesk.application import sync_setup
from coachdesk.application.sync_setup import CheckState, ProxyMode, WebDavSettings
from coachdesk.cli.common import (
    ProgressBar,
    UserError,
    add_passphrase_option,
    cli_language,
    jsonable,
    open_caseload,
    print_json,
    secret,
)
from coachdesk.exchange import sync
from coachdesk.i18n.catalog import text

WEBDAV_PASSWORD_ENV = "COACHDESK_WEBDAV_PASSWORD"
PROXY_PASSWORD_ENV = "COACHDESK_PROXY_PASSWORD"


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
    add_inbox_options(p, "vault")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_sync_setup)

    p = sub.add_parser("outbox", help="list the exports in the outbox and their states")
    p.add_argument("vault", type=Path, metavar="VAULT")
    p.add_argument("--json", action="store_true")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_outbox)


def cmd_sync(args: argparse.Namespace) -> int:
    with open_caseload(args) as caseload:
        transport = sync_setup.choose_transport(caseload, args.folder)
        if transport is None:
            raise UserError(code="cli.sync.no_way_out")
        report = sync.sync_once(caseload, transport, progress=ProgressBar("Sending"))
    if args.json:
        print_json(sync.report_json(report))
    else:
        lang = cli_language()
        for message in report.messages:
            if message is not report.problem:  # that one goes to stderr below, once
                print(message.text(lang))
    if not report.ok:
        raise _failure(report)
    return 0


def _failure(report: sync.SyncReport) -> UserError:
    """The one line on stderr (in COACHDESK_LANG, by cli.main) for a run that was not ok."""
    if report.problem is not None:
        return UserError(code=report.problem.code, values=report.problem.params)
    if report.failed:
        return UserError(code="cli.sync.could_not_send", n=len(report.failed))
    if report.directory_problem is not None:
        problem = report.directory_problem
        return UserError(code=problem.code, values=problem.params)
    return UserError(code="cli.sync.still_waiting", n=report.waiting)


def add_inbox_options(p: argparse.ArgumentParser, where: str) -> None:
    """--webdav, --user, --ca-cert, --no-check and the proxy options (sync-setup and
    rco fetch-setup)."""
    p.add_argument("--webdav", required=True, metavar="URL", help="https://server/path/inbox/")
    p.add_argument("--user", required=True, metavar="NAME", help="the user name the RCO issued")
    p.add_argument(
        "--ca-cert",
        type=Path,
        metavar="FILE",
        help="trust only this CA certificate (PEM) for the server, instead of the system's",
    )
    p.add_argument("--no-check", action="store_true", help="do not try the server after saving")
    way = p.add_mutually_exclusive_group()
    way.add_argument(
        "--proxy",
        metavar="URL",
        help="reach the inbox through this HTTP proxy (http://host:port) whatever the "
        "environment says",
    )
    way.add_argument(
        "--system-proxy",
        action="store_true",
        help="use HTTPS_PROXY/NO_PROXY, else the system's proxy settings (the default)",
    )
    way.add_argument(
        "--no-proxy", action="store_true", help="always connect directly, never through a proxy"
    )
    p.add_argument(
        "--proxy-user",
        metavar="NAME",
        help=f"the proxy's user name (Basic); the password comes from {PROXY_PASSWORD_ENV} or a "
        f"prompt and is kept inside the {where}",
    )


def inbox_secrets(args: argparse.Namespace) -> tuple[str, str, str]:
    """The CA's PEM, the WebDAV password and the proxy password (asked before opening)."""
    ca_pem = sync_setup.read_ca_file(args.ca_cert) if args.ca_cert else ""
    password = secret(WEBDAV_PASSWORD_ENV, "WebDAV password")
    proxy_password = secret(PROXY_PASSWORD_ENV, "Proxy password") if args.proxy_user else ""
    return ca_pem, password, proxy_password


def inbox_settings(
    args: argparse.Namespace,
    ca_pem: str,
    password: str,
    proxy_password: str,
    stored: WebDavSettings | None,
) -> WebDavSettings:
    """The settings the options give; without a proxy option, the stored proxy is kept."""
    keep = not (args.proxy or args.system_proxy or args.no_proxy or args.proxy_user)
    proxy = None
    if not keep:
        mode = ProxyMode.MANUAL if args.proxy else ProxyMode.DIRECT if args.no_proxy else None
        proxy = sync_setup.proxy_settings(
            mode or ProxyMode.SYSTEM, args.proxy or "", args.proxy_user or "", proxy_password
        )
    return sync_setup.webdav_settings(
        args.webdav,
        args.user,
        password,
        ca_pem=ca_pem,
        proxy=proxy,
        kept=stored if keep else None,
    )


def print_saved(settings: WebDavSettings, where: str) -> None:
    print(f"Saved the RCO's inbox {settings.url} for user {settings.user}.")
    print(f"The passwords are kept inside the encrypted {where} only.")
    print(sync_setup.route_line(settings))


def cmd_sync_setup(args: argparse.Namespace) -> int:
    secrets = inbox_secrets(args)
    with open_caseload(args) as caseload:
        settings = inbox_settings(args, *secrets, sync_setup.stored_settings(caseload))
        sync_setup.save(caseload, settings)
    print_saved(settings, "vault")
    if args.no_check:
        return 0
    result = sync_setup.check_inbox(settings)
    if result.state == CheckState.REFUSED:
        raise UserError(f"Saved, but the server cannot be used: {result.line}")
    if result.state == CheckState.OFFLINE:
        print(f"{result.line} Sync will try again later.")
        return 0
    print(result.line)
    return 0


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
    print(status.message.text(cli_language()))
    if not rows:
        print(text("cli.outbox.empty", cli_language()))
    for row in rows:
        created = row.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
        line = f"#{row.counter:<5} {row.state.value:<8} {created}  {row.file_name}"
        line += f"  ({row.size // 1024 or 1} KB)"
        if row.sent_at is not None:
            sent = row.sent_at.astimezone().strftime("%Y-%m-%d %H:%M")
            line += f"  sent {sent} to {row.sent_to}"
        elif row.last_error:
            line += f"  last try: {row.last_reason.text(cli_language())}"
        print(line)
    return 0
