"""The supervisor's side of the WebDAV inbox, Qt-free: for `coachdesk rco fetch`,
`rco fetch-setup`, `rco directory publish --inbox` and the desk window.

The use cases live in coachdesk/rco/fetch.py (the safe protocol is described there); this is
the application layer's one door to them, plus the setup check.

Threading: the thread that owns the desk's store, except `check_inbox` (network only).
"""

from __future__ import annotations

from coachdesk.application.sync_setup import CheckState, InboxCheck, run_check
from coachdesk.exchange.transports.webdav import InboxReader, RetryPolicy
from coachdesk.i18n import catalog
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.fetch import (
    EVERY_LEAST,
    EVERY_MOST,
    PROCESSED,
    After,
    FetchReport,
    FetchSettings,
    fetch_inbox,
    fetch_settings,
    publish_directory_to_inbox,
    save_fetch_schedule,
    save_fetch_settings,
)
from coachdesk.rco.importer import BUNDLE_SUFFIX, Outcome

__all__ = [
    "EVERY_LEAST",
    "EVERY_MOST",
    "PROCESSED",
    "After",
    "CheckState",
    "FetchReport",
    "FetchSettings",
    "InboxCheck",
    "Outcome",
    "RcoDesk",
    "check_inbox",
    "fetch_inbox",
    "fetch_settings",
    "publish_directory_to_inbox",
    "save_fetch_schedule",
    "save_fetch_settings",
]


def check_inbox(settings: FetchSettings, policy: RetryPolicy | None = None) -> InboxCheck:
    """What a fetch needs: the inbox lists, and (when bundles are kept) processed/ exists."""

    def attempt(reader: InboxReader) -> str:
        waiting = sum(1 for n in reader.list_names() if n.endswith(BUNDLE_SUFFIX))
        if settings.after == After.PROCESSED:
            reader.make_collection(PROCESSED)
            # InboxCheck.line is English (as every setup check's line)
            return catalog.text(
                "rco.cli.inbox_answered_processed", "en", n=waiting, processed=PROCESSED
            )
        return catalog.text("rco.cli.inbox_answered", "en", n=waiting)

    return run_check(lambda: InboxReader(settings.webdav, policy), attempt)
