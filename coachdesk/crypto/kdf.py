"""Passphrase -> key-encryption key with Argon2id.

Parameters are tuned at vault creation and stored in the key slot. Before deriving, stored
parameters are bounds-checked so a tampered slot can neither downgrade the work factor nor make
the unlock exhaust memory.
"""

from __future__ import annotations

import os
import time
import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from coachdesk.errors import IntegrityError

MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 1024 * 1024
MIN_ITERATIONS = 3
MAX_ITERATIONS = 64
MIN_LANES, MAX_LANES = 1, 16
SALT_BYTES = 16
KEY_BYTES = 32

# Inside the 0.5-1 s docs/security.md asks for. Calibration times its fastest trial, and later
# unlocks run about 15 % slower than that, so aim a little above the middle of the range.
TARGET_SECONDS = 0.7


@dataclass(frozen=True, slots=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["salt"] = self.salt.hex()
        data["alg"] = "argon2id"
        return data

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        """Parse and bounds-check stored parameters; anything odd is an IntegrityError."""
        try:
            if data["alg"] != "argon2id":
                raise ValueError
            params = cls(
                int(data["memory_kib"]),
                int(data["iterations"]),
                int(data["lanes"]),
                bytes.fromhex(data["salt"]),
            )
        except (KeyError, TypeError, ValueError):
            raise IntegrityError(
                "The vault's key file is damaged. Restore the vault from a backup."
            ) from None
        params.check()
        return params

    def check(self) -> None:
        ok = (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
            and MIN_LANES <= self.lanes <= MAX_LANES
            and self.memory_kib >= 8 * self.lanes
            and len(self.salt) == SALT_BYTES
        )
        if not ok:
            raise IntegrityError(
                "The vault's key file was altered: its unlock settings are outside the safe "
                "range. Restore the vault from a backup."
            )


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC, so the same passphrase typed on another keyboard or OS opens the vault.

    Nothing is stripped: a trailing space is part of the passphrase.
    """
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive(secret: bytes, params: KdfParams) -> bytes:
    params.check()
    return Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def minimum_params() -> KdfParams:
    """The floor; used for the high-entropy recovery code and in tests."""
    return KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, 4, os.urandom(SALT_BYTES))


def calibrate(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Raise the iterations (then memory) from the floor until one derivation takes ~target.

    Wall time, the fastest of three trials: a moment of load from other programs while the vault
    is created must not make every later unlock weaker. (CPU time is no better measure: OpenSSL
    runs the four lanes on several threads, so it reads more than the wall clock.) Sustained
    full load still lowers the result, never below the floor; see the calibration benchmark.
    """
    params = minimum_params()
    trials = []
    for _ in range(3):
        start = time.perf_counter()
        derive(b"calibration", params)
        trials.append(time.perf_counter() - start)
    elapsed = max(min(trials), 1e-3)
    work = MIN_MEMORY_KIB * params.iterations * target_seconds / elapsed  # KiB x passes
    memory = MIN_MEMORY_KIB
    while memory * 2 <= 256 * 1024 and work / (memory * 2) >= 6:  # memory first, up to 256 MiB
        memory *= 2
    iterations = max(MIN_ITERATIONS, round(work / memory))
    return KdfParams(memory, min(iterations, MAX_ITERATIONS), params.lanes, params.salt)
