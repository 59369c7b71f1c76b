"""Sealed bundles with real keys: coach vault -> export -> open_bundle at the RCO."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity
from coachdesk.crypto.signing import canonical
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import bundle as b
from coachdesk.exchange import export as ex
from coachdesk.exchange.enrollment import PrivacyPolicy, make_enrollment
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE


@dataclass
class Sealed:
    rco: RcoIdentity
    device: DeviceIdentity
    data: bytes
    payload: dict[str, Any]
    vault_path: Path


def enrolled_vault(
    folder: Path, rco: RcoIdentity, clients: int = 40, policy: PrivacyPolicy | None = None
) -> Vault:
    vault, _ = Vault.create(folder, PASSPHRASE, params=kdf.minimum_params())
    if clients:
        demo.generate(vault, clients, seed=7, notes_per_client=4)
    ex.enroll(Caseload(vault), make_enrollment(rco, "Test RCO", policy), rco.public.fingerprint)
    return vault


def make_sealed(folder: Path, clients: int = 40) -> Sealed:
    """A real export of a demo vault, and the payload the RCO reads from it."""
    rco = RcoIdentity.generate()
    with enrolled_vault(folder / "vault", rco, clients) as vault:
        caseload = Caseload(vault)
        result = ex.export(caseload, folder)
        device = ex.device_identity(caseload)
    assert device is not None
    data = result.path.read_bytes()
    return Sealed(rco, device, data, b.open_bundle(data, rco).payload, folder / "vault")


def reseal(sealed: Sealed, payload: Any, signer: DeviceIdentity | None = None) -> bytes:
    """Seal arbitrary payload JSON for the same RCO, signed by `signer` (default: the device)."""
    data = payload if isinstance(payload, bytes) else canonical(payload)
    return b.seal_payload_bytes(data, (signer or sealed.device).signing, sealed.rco.public)


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    return make_sealed(tmp_path_factory.mktemp("bundle"))


def test_round_trip_coach_to_rco(sealed: Sealed) -> None:
    opened = b.open_bundle(sealed.data, sealed.rco)
    assert opened.header.recipient == sealed.rco.public.fingerprint
    assert opened.header.format_version == b.FORMAT_VERSION
    assert opened.device_id == sealed.device.device_id
    assert opened.device_fingerprint == sealed.device.fingerprint
    assert opened.counter == 1
    assert re.fullmatch(r"[0-9a-f]{32}", opened.bundle_id)
    assert opened.payload["recipient"] == sealed.rco.public.fingerprint
    assert opened.schema_version == 2
    assert len(opened.records) == 40 == opened.payload["summary"]["records"]
    # Every client's random pseudonym arrives, in pseudonym order.
    with Vault.open(sealed.vault_path, PASSPHRASE) as vault:
        pseudonyms = sorted(r[0] for r in vault.conn.execute("SELECT pseudonym FROM clients"))
        head = AuditLog(vault.conn, vault.audit_key).entries(limit=1)[0]
    assert [r["pseudonym"] for r in opened.records] == pseudonyms
    assert head.action in ("export", "unlock")
    # Measures arrive intact: a BARC-10 total is the sum of its items.
    barcs = [x for r in opened.records for x in r["barc10"]]
    assert barcs and all(x["total"] == sum(x["items"]) for x in barcs)


def test_header_is_readable_without_any_key(sealed: Sealed) -> None:
    header = b.read_header(sealed.data)
    assert header.recipient == sealed.rco.public.fingerprint
    assert sealed.data.startswith(b.MAGIC)


def test_workstation_holds_no_key_that_reads_its_bundle(sealed: Sealed) -> None:
    """Try every 32-byte hex secret stored in the vault's meta as the X25519 key: none opens."""
    with Vault.open(sealed.vault_path, PASSPHRASE) as vault:
        values = [row[0] for row in vault.conn.execute("SELECT value FROM meta")]
    candidates = {m for v in values for m in re.findall(r"[0-9a-fA-F]{64}", v)}
    assert candidates, "the device key should be among the candidates"
    header = b.read_header(sealed.data)
    split = b._PREFIX.size + header.header_length
    for hex_key in candidates:
        key = X25519PrivateKey.from_private_bytes(bytes.fromhex(hex_key))
        with pytest.raises(InvalidTag):
            b._SUITE.decrypt(sealed.data[split:], key, b.INFO_PREFIX + sealed.data[:split])


def test_nesting_depth_ignores_brackets_in_strings() -> None:
    assert b.nesting_depth(b'{"a":[1,{"b":"[[[[{{{{"}]}') == 3
    assert b.nesting_depth(b'"\\"[[["') == 0
    assert b.nesting_depth(b"[" * 50 + b"]" * 50) == 50


def test_seal_refuses_a_payload_outside_the_schema(sealed: Sealed) -> None:
    payload = json.loads(canonical(sealed.payload))
    payload["records"][0]["given_name"] = "Canary"
    with pytest.raises(CoachDeskError, match="never exports"):
        b.seal_bundle(payload, sealed.device, sealed.rco.public)


def test_file_name_carries_counter_and_id() -> None:
    assert b.bundle_file_name(12, "ab" * 16) == "coachdesk-export-000012-abababab.cdbundle"


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='ab"\\[]{}\n', max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(alphabet='k"\\[{', max_size=3), inner, max_size=3)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_nesting_depth_matches_the_parsed_depth(value: Any) -> None:
    assert b.nesting_depth(canonical(value)) == _depth(value)
