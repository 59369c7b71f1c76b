"""Key pairs of the two parties: the RCO (encrypts-to and signs) and a coach's device (signs).

Private keys are only ever stored inside an encrypted store (vault meta, RCO store meta) as
hex of their raw bytes; public halves travel in enrollment files and bundles.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from coachdesk.crypto.signing import fingerprint

_RAW = serialization.Encoding.Raw
_RAW_PUB = serialization.PublicFormat.Raw
_RAW_PRIV = serialization.PrivateFormat.Raw
_NO_ENC = serialization.NoEncryption()


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(_RAW, _RAW_PUB)


def private_bytes(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(_RAW, _RAW_PRIV, _NO_ENC)


@dataclass(frozen=True, slots=True)
class RcoPublicKeys:
    encryption: X25519PublicKey
    signing: Ed25519PublicKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(public_bytes(self.encryption), public_bytes(self.signing))

    @classmethod
    def from_hex(cls, encryption: str, signing: str) -> RcoPublicKeys:
        return cls(
            X25519PublicKey.from_public_bytes(bytes.fromhex(encryption)),
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(signing)),
        )


@dataclass(frozen=True, slots=True)
class RcoIdentity:
    encryption: X25519PrivateKey
    signing: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> RcoIdentity:
        return cls(X25519PrivateKey.generate(), Ed25519PrivateKey.generate())

    @property
    def public(self) -> RcoPublicKeys:
        return RcoPublicKeys(self.encryption.public_key(), self.signing.public_key())

    def to_secret_hex(self) -> dict[str, str]:
        return {
            "encryption": private_bytes(self.encryption).hex(),
            "signing": private_bytes(self.signing).hex(),
        }

    @classmethod
    def from_secret_hex(cls, data: dict[str, str]) -> RcoIdentity:
        return cls(
            X25519PrivateKey.from_private_bytes(bytes.fromhex(data["encryption"])),
            Ed25519PrivateKey.from_private_bytes(bytes.fromhex(data["signing"])),
        )


@dataclass(frozen=True, slots=True)
class DeviceIdentity:
    """A coach workstation's vault: a random id and an Ed25519 signing key made at enrollment."""

    device_id: str
    signing: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> DeviceIdentity:
        return cls(secrets.token_hex(16), Ed25519PrivateKey.generate())

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self.signing.public_key()

    @property
    def fingerprint(self) -> str:
        return fingerprint(public_bytes(self.public_key))

    def to_secret_hex(self) -> dict[str, str]:
        return {"device_id": self.device_id, "signing": private_bytes(self.signing).hex()}

    @classmethod
    def from_secret_hex(cls, data: dict[str, str]) -> DeviceIdentity:
        return cls(
            data["device_id"], Ed25519PrivateKey.from_private_bytes(bytes.fromhex(data["signing"]))
        )
