"""De-identified records as the RCO holds them (no Qt, no SQL; used by rco/ and storage/).

An Episode is one client episode from one coach device, keyed by the random pseudonym the
coach's vault chose. It carries only what the export allow-list carries (issue 5): categories,
years, bands, counts and assessment answers by timepoint label. Never names, dates or text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DeviceStatus(StrEnum):
    CONFIRMED = "confirmed"
    PENDING = "pending"
    REVOKED = "revoked"


@dataclass(slots=True)
class Device:
    device_id: str
    fingerprint: str
    public_key: str  # Ed25519 public key, hex
    status: DeviceStatus
    name: str = ""
    first_seen_at: str = ""
    first_bundle_at: str | None = None
    last_bundle_at: str | None = None
    last_counter: int = -1
    bundles: int = 0
    pending_bundles: int = 0


@dataclass(slots=True)
class ReferralCount:
    made: int = 0
    linked: int = 0


@dataclass(slots=True)
class Episode:
    device_id: str
    pseudonym: str
    setting: str  # exact setting, a setting group, or "" when suppressed by k-anonymity
    age_band: str  # "" when suppressed
    gender: str  # "" when suppressed
    status: str
    intake_year: str | None = None  # "2024" or a span "2024-2025"; None = suppressed
    pathways: tuple[str, ...] = ()
    discharge_reason: str = ""
    sessions: int = 0
    attempts: int = 0
    group_sessions: int = 0
    referrals: dict[str, ReferralCount] = field(default_factory=dict)
    # BARC-10 total (10..60) by timepoint label ("baseline", "followup_180", ...).
    barc10: dict[str, int] = field(default_factory=dict)
    # Outcome-domain answers by timepoint label: {"housing": "stable", "arrests": 0, ...}.
    outcomes: dict[str, dict[str, object]] = field(default_factory=dict)
    counter: int = 0
    bundle_id: str = ""
    # Import quarters 'YYYY-Qn' in which this episode was first and most recently reported.
    period_first: str = ""
    period_last: str = ""
    # Filter-independent figures of this episode, computed once by rco.metrics (a cache).
    facts: object = field(default=None, compare=False, repr=False)


@dataclass(slots=True)
class BundleRecord:
    bundle_id: str
    device_id: str
    counter: int
    created_at: str
    imported_at: str
    file_name: str
    records: int
    flag: str = ""
    sealed_sha256: str = ""
    format: int = 1  # bundle format (payload schema) version


@dataclass(slots=True)
class PeriodCell:
    """Format 2: one device's counts for one reporting period and setting (FORMAT.md 7)."""

    device_id: str
    period: str  # "2026-Q4", "2026", "FY2027" or "all"
    setting: str
    counts: dict[str, int]


@dataclass(slots=True)
class Coverage:
    """What the latest format-2 bundle of a device covered (its cells replaced older ones)."""

    device_id: str
    counter: int
    bundle_id: str
    created_at: str  # when the device sealed it (UTC)
    first_quarter: str | None
    last_quarter: str
    fiscal_year_start: int


@dataclass(slots=True)
class Flag:
    at: str
    device_id: str
    bundle_id: str
    kind: str
    detail: str
    id: int | None = None


@dataclass(slots=True)
class PendingBundle:
    device_id: str
    bundle_id: str
    received_at: str
    file_name: str
    sealed: bytes
    id: int | None = None
