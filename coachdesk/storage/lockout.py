"""Failed-unlock throttling that survives a restart.

The failures are kept in a small file beside the vault (it holds only times, never anything typed).
From the third failure in a row the next attempt must wait 2, 4, 8 ... up to 60 seconds. Deleting
the file resets the wait: this is a brake on guessing at the keyboard; the Argon2id cost of every
guess is what protects a copied vault. On the next successful unlock the failures are written to
the vault's audit log and the file is cleared.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.files import write_atomic

FREE_ATTEMPTS = 2
MAX_DELAY_SECONDS = 60.0
MAX_REMEMBERED = 200

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def delay_after(failures: int) -> float:
    if failures <= FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** (failures - FREE_ATTEMPTS)))


class FailedUnlocks:
    def __init__(self, path: Path, clock: Clock = utc_now) -> None:
        self.path = path
        self.clock = clock

    def times(self) -> list[datetime]:
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            return [datetime.fromisoformat(t) for t in raw["failures"]][-MAX_REMEMBERED:]
        except (OSError, ValueError, KeyError, TypeError):
            return []

    def wait_seconds(self) -> float:
        """How long the caller must wait before the next attempt (0 when it may try now)."""
        failures = self.times()
        if not failures:
            return 0.0
        elapsed = (self.clock() - failures[-1]).total_seconds()
        return max(0.0, delay_after(len(failures)) - max(elapsed, 0.0))

    def record_failure(self) -> float:
        """Remember one more failure; return the wait now in force."""
        failures = [*self.times(), self.clock()][-MAX_REMEMBERED:]
        body = {"failures": [t.isoformat() for t in failures]}
        with contextlib.suppress(Exception):
            write_atomic(self.path, json.dumps(body).encode())
        return delay_after(len(failures))

    def clear(self) -> list[datetime]:
        """Forget the failures after a success; return them so they can be audited."""
        failures = self.times()
        self.path.unlink(missing_ok=True)
        return failures
