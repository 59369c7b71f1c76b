"""Errors that carry a code and parameters; the words are in coachdesk.i18n.catalog.

An error raised with a code (`VaultError(code="restore.not_a_backup", name=...)`) is shown by
each front-end in its own language (`coachdesk.i18n.catalog.describe(error, lang)`); `str(error)`
is the English text, for logs of the shape "coachdesk: ...". Errors still raised with a finished
English sentence (no code) are shown as they are, in every language, until they get a code.
Messages never contain client data or a passphrase.
"""

from __future__ import annotations

from collections.abc import Mapping

from coachdesk.i18n import catalog


class CoachDeskError(Exception):
    """Base class: a failure the user can understand and act on."""

    code: str = ""

    def __init__(
        self,
        message: str = "",
        *,
        code: str = "",
        values: Mapping[str, object] | None = None,
        **params: object,
    ) -> None:
        self.code = code or type(self).code
        self.params: dict[str, object] = {**(values or {}), **params}
        if not message and self.code:
            message = catalog.text(self.code, "en", **self.params)
        super().__init__(message)


class ValidationError(CoachDeskError):
    """Input that the domain rules refuse (out-of-range answer, missing field, bad date)."""

    def __init__(
        self,
        message: str = "",
        field: str = "",
        *,
        code: str = "",
        values: Mapping[str, object] | None = None,
        **params: object,
    ) -> None:
        super().__init__(message, code=code, values=values, **params)
        self.field = field


class NotFoundError(CoachDeskError):
    pass


class VaultError(CoachDeskError):
    """The vault cannot be opened, read or written."""


class WrongPassphraseError(VaultError):
    code = "vault.wrong_passphrase"

    def __init__(self, wait_seconds: float = 0.0) -> None:
        super().__init__()
        self.wait_seconds = wait_seconds


class LockoutError(VaultError):
    """Too many failed unlocks: the caller must wait before the next attempt."""

    code = "vault.lockout"

    def __init__(self, wait_seconds: float) -> None:
        super().__init__(seconds=max(1, round(wait_seconds)))
        self.wait_seconds = wait_seconds


class IntegrityError(VaultError):
    """The vault or its key file is damaged or was tampered with. Nothing was changed."""


class NewerVaultError(VaultError):
    pass


class StorageFullError(CoachDeskError):
    pass
