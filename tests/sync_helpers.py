"""Helpers shared by the sync and transport tests (fixtures are in tests/sync_fixtures.py)."""

from __future__ import annotations

import os
import secrets

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange.directory import make_directory
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.exchange.sync import ENROLLMENT_META
from coachdesk.exchange.transports.webdav import RetryPolicy, WebDavSettings, WebDavTransport
from coachdesk.storage import outbox
from coachdesk.storage.outbox import OutboxItem
from coachdesk.storage.vault import Vault
from tests.webdav_server import PASSWORD, USER, Pki

# Short timeouts and waits: every network test stays bounded in time.
FAST = RetryPolicy(
    attempts=3, base_delay=0.05, max_delay=0.2, connect_timeout=2, timeout=5, probe_timeout=2
)


def dav_settings(url: str, pki: Pki, password: str = PASSWORD) -> WebDavSettings:
    return WebDavSettings(url, USER, password, pki.ca_pem)


def dav_transport(
    url: str, pki: Pki, password: str = PASSWORD, policy: RetryPolicy = FAST
) -> WebDavTransport:
    return WebDavTransport(dav_settings(url, pki, password), policy)


def enroll(vault: Vault, rco: RcoIdentity | None = None) -> RcoIdentity:
    """Do what the export engineer's enrollment does: keep the enrollment file in meta."""
    rco = rco or RcoIdentity.generate()
    with vault.transaction():
        vault.set_meta(ENROLLMENT_META, make_enrollment(rco, "Harbor Recovery Community").decode())
    return rco


def add_bundles(vault: Vault, count: int, size: int = 2048, start: int = 1) -> list[OutboxItem]:
    """Opaque sealed bytes in the outbox, as the exporter would leave them."""
    items = []
    with vault.transaction() as conn:
        for counter in range(start, start + count):
            bundle_id = secrets.token_hex(16)
            item = OutboxItem(
                bundle_id,
                counter,
                f"coachdesk-{counter:06d}-{bundle_id[:8]}.cdbundle",
                os.urandom(size),
                {"clients": 12},
            )
            outbox.enqueue(conn, item)
            items.append(item)
    return items


def resources(*names: str) -> list[Resource]:
    return [
        Resource(
            name,
            ResourceCategory.MUTUAL_AID,
            [Pathway.TWELVE_STEP, Pathway.SMART_RECOVERY],
            phone="555-0100",
            rco_ref=f"rco-{i}",
        )
        for i, name in enumerate(names, 1)
    ]


def directory_bytes(rco: RcoIdentity, serial: int, *names: str) -> bytes:
    return make_directory(rco, resources(*names), serial)
