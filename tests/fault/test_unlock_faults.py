"""Wrong passphrases, Unicode forms, and the failed-unlock delay that survives restarts."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coachdesk.crypto import kdf
from coachdesk.errors import LockoutError, WrongPassphraseError
from coachdesk.storage.lockout import delay_after
from coachdesk.storage.vault import FAILURES_NAME, Vault
from tests.conftest import PASSPHRASE

ACCENTED = "contraseña de Íñigo über café"


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


def test_nfc_and_nfd_forms_open_the_same_vault(tmp_path: Path) -> None:
    nfc = unicodedata.normalize("NFC", ACCENTED)
    nfd = unicodedata.normalize("NFD", ACCENTED)
    assert nfc != nfd
    Vault.create(tmp_path / "v", nfd, params=kdf.minimum_params())[0].close()
    Vault.open(tmp_path / "v", nfc).close()
    Vault.open(tmp_path / "v", nfd).close()


@pytest.mark.parametrize(
    "attempt",
    [PASSPHRASE + " ", " " + PASSPHRASE, PASSPHRASE.upper(), PASSPHRASE[:-1], "", "x" * 10_000],
)
def test_near_misses_are_wrong(vault_path: Path, attempt: str) -> None:
    with pytest.raises(WrongPassphraseError) as err:
        Vault.open(vault_path, attempt)
    assert str(err.value) == "The passphrase does not open this vault."


def test_delay_doubles_from_the_third_failure_up_to_60_s() -> None:
    assert [delay_after(n) for n in range(1, 10)] == [0, 0, 2, 4, 8, 16, 32, 60, 60]


def test_lockout_survives_a_restart_and_blocks_even_the_right_passphrase(
    vault_path: Path,
) -> None:
    clock = FakeClock()
    waits = []
    for _ in range(4):
        with pytest.raises(WrongPassphraseError) as err:
            Vault.open(vault_path, "nope nope nope", clock=clock)
        waits.append(err.value.wait_seconds)
        clock.advance(max(err.value.wait_seconds, 0) + 0.1)
    assert waits == [0, 0, 2, 4]
    with pytest.raises(WrongPassphraseError):
        Vault.open(vault_path, "still wrong", clock=clock)  # 5th: now 8 s
    # "Restart": nothing in memory carries over; the wait comes from the file beside the vault.
    assert (vault_path / FAILURES_NAME).exists()
    clock.advance(3)
    with pytest.raises(LockoutError) as locked:
        Vault.open(vault_path, PASSPHRASE, clock=clock)
    assert 4 < locked.value.wait_seconds <= 5
    assert "Try again in 5 seconds" in str(locked.value)
    clock.advance(5)
    Vault.open(vault_path, PASSPHRASE, clock=clock).close()
    assert not (vault_path / FAILURES_NAME).exists(), "a success clears the failures"


def test_recovery_code_attempts_count_too(vault_path: Path) -> None:
    clock = FakeClock()
    for _ in range(3):
        with pytest.raises(WrongPassphraseError):
            Vault.open_with_recovery_code(vault_path, "AAAA-AAAA", clock=clock)
    with pytest.raises(LockoutError):
        Vault.open_with_recovery_code(vault_path, "AAAA-AAAA", clock=clock)
