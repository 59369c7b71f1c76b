"""Errors that carry a plain message meant for the person using CoachDesk.

Front-ends show `str(error)` as it is: messages never contain client data or a passphrase.
"""

from __future__ import annotations


class CoachDeskError(Exception):
    """Base class: a failure the user can understand and act on."""


class ValidationError(CoachDeskError):
    """Input that the domain rules refuse (out-of-range answer, missing field, bad date)."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(CoachDeskError):
    pass


class VaultError(CoachDeskError):
    """The vault cannot be opened, read or written."""


class WrongPassphraseError(VaultError):
    def __init__(self, wait_seconds: float = 0.0) -> None:
        super().__init__("The passphrase does not open this vault.")
        self.wait_seconds = wait_seconds


class LockoutError(VaultError):
    """Too many failed unlocks: the caller must wait before the next attempt."""

    def __init__(self, wait_seconds: float) -> None:
        super().__init__(
            f"Too many failed attempts. Try again in {max(1, round(wait_seconds))} seconds."
        )
        self.wait_seconds = wait_seconds


class IntegrityError(VaultError):
    """The vault or its key file is damaged or was tampered with. Nothing was changed."""


class NewerVaultError(VaultError):
    pass


class StorageFullError(CoachDeskError):
    pass
