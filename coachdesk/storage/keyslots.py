"""The key-slot file beside the vault database.

The random 32-byte vault key is wrapped (AES-256-GCM) once per slot: one slot opened by the
coach's passphrase, one by the printed recovery code. Each slot binds its name, the vault id and
its KDF parameters as associated data, and carries a SHA-256 checksum so that a damaged file is
told apart from a wrong passphrase. Changing the passphrase rewrites this file only.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from coachdesk.crypto import kdf
from coachdesk.errors import IntegrityError, VaultError, WrongPassphraseError
from coachdesk.files import write_atomic

FORMAT = "coachdesk-keyslots"
VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
MAX_FILE_BYTES = 64 * 1024

# 32 Crockford base32 characters = 160 bits, printed in 8 groups of 4.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 8


def new_recovery_code() -> str:
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(4 * RECOVERY_GROUPS))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_recovery_code(code: str) -> bytes:
    """Forgive case, spaces, dashes and the letters people confuse with digits."""
    cleaned = code.upper().translate(str.maketrans("OIL", "011"))
    cleaned = "".join(ch for ch in cleaned if ch.isalnum())
    return cleaned.encode("ascii", "ignore")


@dataclass(frozen=True, slots=True)
class Slot:
    params: kdf.KdfParams
    nonce: bytes
    wrapped: bytes

    def to_json(self) -> dict[str, Any]:
        body = {
            "kdf": self.params.to_json(),
            "nonce": self.nonce.hex(),
            "wrapped": base64.b64encode(self.wrapped).decode("ascii"),
        }
        body["checksum"] = _checksum(body)
        return body


def _checksum(body: dict[str, Any]) -> str:
    material = {k: v for k, v in body.items() if k != "checksum"}
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()


def _aad(vault_id: str, name: str, params: kdf.KdfParams) -> bytes:
    return json.dumps(
        {"v": VERSION, "vault": vault_id, "slot": name, "kdf": params.to_json()}, sort_keys=True
    ).encode()


def wrap(vault_key: bytes, secret: bytes, params: kdf.KdfParams, vault_id: str, name: str) -> Slot:
    kek = kdf.derive(secret, params)
    nonce = os.urandom(12)
    return Slot(params, nonce, AESGCM(kek).encrypt(nonce, vault_key, _aad(vault_id, name, params)))


@dataclass(slots=True)
class KeySlots:
    vault_id: str
    slots: dict[str, Slot]

    def unwrap(self, name: str, secret: bytes) -> bytes:
        """Return the vault key; WrongPassphraseError if the secret does not open the slot."""
        slot = self.slots.get(name)
        if slot is None:
            raise IntegrityError(f"The vault's key file has no {name} slot.")
        kek = kdf.derive(secret, slot.params)
        try:
            key = AESGCM(kek).decrypt(
                slot.nonce, slot.wrapped, _aad(self.vault_id, name, slot.params)
            )
        except InvalidTag:
            raise WrongPassphraseError() from None
        if len(key) != kdf.KEY_BYTES:
            raise IntegrityError(
                "The vault's key file is damaged. Restore the vault from a backup."
            )
        return key

    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "slots": {name: slot.to_json() for name, slot in sorted(self.slots.items())},
        }
        return json.dumps(doc, indent=2, sort_keys=True).encode("utf-8")

    def save(self, path: Path) -> None:
        write_atomic(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeySlots:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise IntegrityError(
                    "The vault's key file is damaged (too large). Restore the vault from a backup."
                )
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultError(f"No vault key file at {path}.") from None
        except OSError as exc:
            raise VaultError(f"Cannot read the vault key file: {exc.strerror}.") from None
        return cls.parse(raw)

    @classmethod
    def parse(cls, raw: bytes) -> KeySlots:
        damaged = IntegrityError(
            "The vault's key file is damaged or was altered. Restore the vault from a backup."
        )
        try:
            doc = json.loads(raw.decode("utf-8"))
            if doc["format"] != FORMAT or doc["version"] != VERSION:
                raise damaged
            vault_id = str(doc["vault_id"])
            slots: dict[str, Slot] = {}
            for name, body in doc["slots"].items():
                if name not in (PASSPHRASE, RECOVERY) or body.get("checksum") != _checksum(body):
                    raise damaged
                slots[name] = Slot(
                    kdf.KdfParams.from_json(body["kdf"]),
                    bytes.fromhex(body["nonce"]),
                    base64.b64decode(body["wrapped"], validate=True),
                )
        except IntegrityError:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise damaged from None
        if PASSPHRASE not in slots:
            raise damaged
        return cls(vault_id, slots)


def new_slots(passphrase: str, params: kdf.KdfParams | None = None) -> tuple[KeySlots, bytes, str]:
    """A new random store key and id, wrapped by `passphrase` and by a new recovery code:
    returns the slots, the key and the code (shown once)."""
    key = os.urandom(kdf.KEY_BYTES)
    store_id = uuid.uuid4().hex
    code = new_recovery_code()
    params = params or kdf.calibrate()
    slots = KeySlots(
        store_id,
        {
            PASSPHRASE: wrap(
                key, kdf.normalize_passphrase(passphrase), params, store_id, PASSPHRASE
            ),
            RECOVERY: wrap(
                key, normalize_recovery_code(code), kdf.minimum_params(), store_id, RECOVERY
            ),
        },
    )
    return slots, key, code
