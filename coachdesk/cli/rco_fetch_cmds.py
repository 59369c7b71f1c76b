"""`coachdesk rco fetch` and `rco fetch-setup`: the desk pulls bundles from the WebDAV inbox
the coaches push to (coachdesk/rco/fetch.py), and `rco directory publish --inbox`."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from coachdesk.application import rco_fetch as fetch
from coachdesk.cli.common import (
    ProgressBar,
    UserError,
    add_passphrase_option,
    cli_language,
    print_json,
)
from coachdesk.cli.sync_cmds import add_inbox_options, inbox_secrets, inbox_settings, print_saved
from coachdesk.i18n import catalog


def register(rsub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = rsub.add_parser(
        "fetch", help="import the bundles waiting in the RCO's WebDAV inbox, then clear them"
    )
    p.add_argument("store", metavar="STORE", help="the RCO store folder")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    add_passphrase_option(p)
    p.set_defaults(func=cmd_fetch)

    p = rsub.add_parser(
        "fetch-setup", help="store the WebDAV inbox address and credentials in the RCO store"
    )
    p.add_argument("store", metavar="STORE", help="the RCO store folder")
    add_inbox_options(p, "store")
    p.add_argument(
        "--after",
        choices=[a.value for a in fetch.After],
        default=fetch.After.PROCESSED.value,
        help="what happens to an imported bundle in the inbox: moved to processed/ "
        "(the default) or deleted",
    )
    p.add_argument(
        "--every",
        type=int,
        metavar="MINUTES",
        help=f"fetch automatically every MINUTES ({fetch.EVERY_LEAST}-{fetch.EVERY_MOST}) while "
        "the desk window is unlocked; 0: never (the default; kept when left out)",
    )
    add_passphrase_option(p)
    p.set_defaults(func=cmd_fetch_setup)


@contextmanager
def _desk(args: argparse.Namespace) -> Iterator[fetch.RcoDesk]:
    from coachdesk.cli.rco_cmds import _open  # lazy: rco_cmds registers this module

    with _open(args) as desk:
        yield desk


def cmd_fetch(args: argparse.Namespace) -> int:
    from coachdesk.cli.rco_cmds import prepare_figures  # lazy, as in _desk

    with _desk(args) as desk:
        report = fetch.fetch_inbox(desk, progress=ProgressBar("Importing"))
        prepare_figures(desk, report.summary)
    if args.json:
        print_json(report.to_json())
    else:
        lang = cli_language()
        for message in report.messages:
            if message is not report.problem:  # that one goes to stderr, once
                print(message.text(lang))
    if report.problem is not None:
        raise UserError(code=report.problem.code, values=report.problem.params)
    if not report.ok:
        rejected = report.summary.count(fetch.Outcome.REJECTED)
        raise UserError(code="cli.rco_fetch.refused", n=rejected)
    return 0


def cmd_fetch_setup(args: argparse.Namespace) -> int:
    secrets = inbox_secrets(args)
    with _desk(args) as desk:
        stored = fetch.fetch_settings(desk)
        webdav = inbox_settings(args, *secrets, stored.webdav if stored else None)
        every = args.every if args.every is not None else (stored.every if stored else 0)
        settings = fetch.FetchSettings(webdav, fetch.After(args.after), every)
        fetch.save_fetch_settings(desk, settings)
    print_saved(webdav, "store")
    lang = cli_language()
    if settings.every:
        print(catalog.text("rco.cli.fetch_every", lang, every=settings.every))
    else:
        print(catalog.text("rco.cli.fetch_never", lang))
    if args.no_check:
        return 0
    result = fetch.check_inbox(settings)
    if result.state == fetch.CheckState.REFUSED:
        raise UserError(f"Saved, but the inbox cannot be used: {result.line}")
    print(result.line)
    return 0


def cmd_publish_inbox(args: argparse.Namespace) -> int:
    """`rco directory publish STORE --inbox`: the signed directory at the inbox's root."""
    with _desk(args) as desk:
        serial = fetch.publish_directory_to_inbox(desk)
        count = len(desk.directory())
    print(f"Published {count} entries as serial {serial} to the RCO's WebDAV inbox.")
    return 0
