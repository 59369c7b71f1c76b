"""The RCO's de-identified records live in coachdesk.core.rco_model (storage needs them, and
storage must not import rco). Re-exported here so rco code and its callers keep their imports."""

from coachdesk.core.rco_model import (
    BundleRecord,
    Coverage,
    Device,
    DeviceStatus,
    Episode,
    Flag,
    PendingBundle,
    PeriodCell,
    ReferralCount,
)

__all__ = [
    "BundleRecord",
    "Coverage",
    "Device",
    "DeviceStatus",
    "Episode",
    "Flag",
    "PendingBundle",
    "PeriodCell",
    "ReferralCount",
]
