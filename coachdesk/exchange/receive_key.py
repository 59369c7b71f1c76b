"""The coach device's X25519 key for receiving hand-offs (issue 19).

Kept in the vault's meta beside the Ed25519 device key (`exchange.export.DEVICE_META`), as hex
of its raw bytes. A vault made before hand-offs existed gets one on first use (its next export,
or preparing or fetching a hand-off); its public half travels in the device's signed bundles
(payload member `receive_key`) so the RCO learns it and publishes it in the team roster.

Threading: the thread that owns the vault.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from coachdesk.crypto.identity import private_bytes, public_bytes
from coachdesk.storage.vault import Vault

RECEIVE_META = "device.receive_key"


def receive_key(vault: Vault) -> X25519PrivateKey:
    """The device's receive key, made (and committed) the first time it is asked for."""
    text = vault.get_meta(RECEIVE_META)
    if text:
        return X25519PrivateKey.from_private_bytes(bytes.fromhex(text))
    key = X25519PrivateKey.generate()
    if vault.conn.in_transaction:  # the caller's transaction commits it
        vault.set_meta(RECEIVE_META, private_bytes(key).hex())
    else:
        with vault.transaction():
            vault.set_meta(RECEIVE_META, private_bytes(key).hex())
    return key


def receive_public_hex(vault: Vault) -> str:
    return public_bytes(receive_key(vault).public_key()).hex()
