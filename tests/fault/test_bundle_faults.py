"""Hostile and damaged bundles: each is refused with a plain reason (docs/security.md)."""

from __future__ import annotations

import copy
import json
import random
import struct
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity, public_bytes
from coachdesk.crypto.signing import canonical
from coachdesk.exchange import bundle as b
from coachdesk.exchange.bundle import BundleRejected, open_bundle
from tests.unit.test_bundle import Sealed, make_sealed, reseal


@pytest.fixture(scope="module")
def sealed(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    return make_sealed(tmp_path_factory.mktemp("faults"), clients=30)


def refused(data: bytes, rco: RcoIdentity) -> str:
    with pytest.raises(BundleRejected) as info:
        open_bundle(data, rco)
    reason = str(info.value)
    # Plain words for a supervisor: one sentence, no Python internals.
    assert reason and "\n" not in reason and "Traceback" not in reason
    assert "Error" not in reason and "b'" not in reason
    return reason


def test_a_flipped_byte_anywhere_is_refused(sealed: Sealed) -> None:
    size = len(sealed.data)
    rng = random.Random(5)
    positions = set(range(0, 96)) | set(range(size - 48, size))
    positions |= set(rng.sample(range(size), 250))
    reasons = set()
    for pos in sorted(positions):
        for mask in (0x01, 0x80):
            damaged = bytearray(sealed.data)
            damaged[pos] ^= mask
            reasons.add(refused(bytes(damaged), sealed.rco).split(":")[0])
    assert any("cannot be decrypted" in r for r in reasons)
    assert any("header" in r or "not a CoachDesk" in r for r in reasons)


@pytest.mark.parametrize("keep", [0, 1, 7, 8, 11, 40, 100, -200, -17, -1])
def test_truncation_is_refused(sealed: Sealed, keep: int) -> None:
    refused(sealed.data[:keep], sealed.rco)


@pytest.mark.parametrize("junk", [b"\x00", b"x" * 1000, b"CDBUNDLE"])
def test_trailing_junk_is_refused(sealed: Sealed, junk: bytes) -> None:
    assert "cannot be decrypted" in refused(sealed.data + junk, sealed.rco)


def test_a_bundle_for_another_rco_is_refused_before_decrypting(sealed: Sealed) -> None:
    other = RcoIdentity.generate()
    assert "for another RCO" in refused(sealed.data, other)


def test_a_header_relabelled_for_another_rco_cannot_be_decrypted(sealed: Sealed) -> None:
    other = RcoIdentity.generate()
    header = b.read_header(sealed.data)
    start = b._PREFIX.size
    raw = sealed.data[start : start + header.header_length]
    relabelled = raw.replace(header.recipient.encode(), other.public.fingerprint.encode())
    data = sealed.data[:start] + relabelled + sealed.data[start + header.header_length :]
    assert "cannot be decrypted" in refused(data, other)
    assert "for another RCO" in refused(data, sealed.rco)


def test_resigned_by_another_device_key_claiming_the_first_is_refused(sealed: Sealed) -> None:
    impostor = DeviceIdentity.generate()
    payload = canonical(sealed.payload)  # names the first device and its key
    # Signed by the impostor, presenting the first device's public key: does not verify.
    forged = b.seal_payload_bytes(
        payload, impostor.signing, sealed.rco.public, claimed_key=sealed.device.public_key
    )
    assert "signature does not verify" in refused(forged, sealed.rco)
    # Signed by the impostor with its own key in front, payload still claiming the first.
    forged = reseal(sealed, payload, signer=impostor)
    assert "another device key" in refused(forged, sealed.rco)


def test_a_payload_naming_the_impostor_is_accepted_as_the_impostor(sealed: Sealed) -> None:
    """Consistency check of the test above: a correctly self-signed impostor bundle opens, and
    reports the impostor's fingerprint, so the RCO's device registry can refuse it."""
    impostor = DeviceIdentity.generate()
    payload = copy.deepcopy(sealed.payload)
    payload["device_public_key"] = public_bytes(impostor.public_key).hex()
    opened = open_bundle(reseal(sealed, payload, signer=impostor), sealed.rco)
    assert opened.device_fingerprint == impostor.fingerprint != sealed.device.fingerprint


def test_an_oversized_payload_is_refused(sealed: Sealed) -> None:
    big = b'{"x":"' + b"a" * (b.MAX_PAYLOAD_BYTES) + b'"}'
    assert "larger than CoachDesk allows" in refused(reseal(sealed, big), sealed.rco)


def test_an_oversized_file_is_refused_before_anything_else(sealed: Sealed) -> None:
    data = sealed.data[:64] + b"\x00" * (b.MAX_BUNDLE_BYTES)
    assert "too large" in refused(data, sealed.rco)


@pytest.mark.parametrize("depth", [9, 100, 100_000])
def test_a_deeply_nested_payload_is_refused(sealed: Sealed, depth: int) -> None:
    nested = b'{"records":' + b"[" * depth + b"]" * depth + b"}"
    assert "nested too deeply" in refused(reseal(sealed, nested), sealed.rco)


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b'{"a":1,"a":2}', "repeats a member"),
        (b'{"a":NaN}', "never writes"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[1,2]", "not a CoachDesk export"),
        (b'{"a": 1}', "canonical"),
        (b"", "empty"),
    ],
)
def test_malformed_payloads_are_refused(sealed: Sealed, payload: bytes, reason: str) -> None:
    assert reason in refused(reseal(sealed, payload), sealed.rco)


def _set(path: str, value: object) -> Callable[[dict], None]:
    def change(p: dict) -> None:
        *parents, last = path.split(".")
        target = p
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (_set("records.0.given_name", "Canary"), "records[0]"),
        (_set("records.0.sessions", -1), "records[0].sessions"),
        (_set("records.0.age_band", "17-21"), "records[0].age_band"),
        (_set("records.0.status", "jailed"), "records[0].status"),
        (_set("records.0.pathways", ["moud", "moud"]), "records[0].pathways"),
        (_set("counter", 0), "counter"),
        (_set("counter", True), "counter"),
        (_set("created_at", "2026-01-01"), "created_at"),
        (_set("bundle_id", "XYZ"), "bundle_id"),
        (_set("policy.k", 1), "policy.k"),
        (_set("summary.records", 3), "summary.records"),
        (_set("summary.information_kept", 1.5), "information_kept"),
        (_set("generalization.gender", "fuzzy"), "generalization.gender"),
        (_set("schema_version", 3), "schema version"),
        (_set("format", "other"), "not a CoachDesk export"),
        (lambda p: p.pop("audit_head"), "audit_head"),
        (lambda p: p["records"].reverse(), "out of order"),
        (lambda p: p["records"].append(copy.deepcopy(p["records"][0])), "summary.records"),
    ],
)
def test_out_of_range_values_are_refused_naming_the_member(
    sealed: Sealed, change: Callable[[dict], None], named: str
) -> None:
    payload = copy.deepcopy(sealed.payload)
    change(payload)
    reason = refused(reseal(sealed, payload), sealed.rco)
    assert "not valid" in reason or "not a CoachDesk" in reason
    assert named in reason


def test_a_record_measure_out_of_range_is_refused(sealed: Sealed) -> None:
    payload = copy.deepcopy(sealed.payload)
    record = next(r for r in payload["records"] if r["barc10"] and r["outcomes"])
    index = payload["records"].index(record)
    for mutate, named in [
        (lambda r: r["barc10"][0]["items"].__setitem__(0, 7), "items[0]"),
        (lambda r: r["barc10"][0].__setitem__("total", 61), "total"),
        (lambda r: r["outcomes"][0].__setitem__("days_used", 31), "days_used"),
        (lambda r: r["outcomes"][0].__setitem__("housing", "12 Elm Street"), "housing"),
        (lambda r: r["referrals"].__setitem__("housing", {"made": 1, "linked": 2}), "linked"),
    ]:
        changed = copy.deepcopy(payload)
        mutate(changed["records"][index])
        assert named in refused(reseal(sealed, changed), sealed.rco)


def test_payload_recipient_must_match_the_header(sealed: Sealed) -> None:
    payload = copy.deepcopy(sealed.payload)
    payload["recipient"] = RcoIdentity.generate().public.fingerprint
    assert "another RCO than its header" in refused(reseal(sealed, payload), sealed.rco)


def test_a_newer_format_version_says_update(sealed: Sealed) -> None:
    data = bytearray(sealed.data)
    data[8] = 3
    assert "newer CoachDesk" in refused(bytes(data), sealed.rco)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello world, not a bundle at all",
        json.dumps({"format": "coachdesk-enrollment"}).encode(),
        b.MAGIC + struct.pack(">BH", 1, 0),
        b.MAGIC + struct.pack(">BH", 1, 5000) + b"{}",
        b.MAGIC + struct.pack(">BH", 1, 2) + b"{}" + b"\x00" * 200,
    ],
)
def test_things_that_are_not_bundles_are_refused(sealed: Sealed, data: bytes) -> None:
    refused(data, sealed.rco)


def test_the_original_still_opens_after_all_that(sealed: Sealed) -> None:
    assert open_bundle(sealed.data, sealed.rco).counter == 1


_leaves = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=200)
    | st.sampled_from(["baseline", "closeout", "90+", "woman", "moud", "housing", "2024-2025"])
)
_json = st.recursive(
    _leaves,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def _replace_somewhere(payload: object, data: st.DataObject) -> object:
    """Walk a random path into `payload` and replace what is there with random JSON."""
    node = payload
    while True:
        children = (
            list(node.keys())
            if isinstance(node, dict)
            else list(range(len(node)))
            if isinstance(node, list)
            else []
        )
        if not children:
            break
        key = data.draw(st.sampled_from(children))
        child = node[key]  # type: ignore[index]
        if not isinstance(child, dict | list) or data.draw(st.booleans()):
            node[key] = data.draw(_json)  # type: ignore[index]
            return payload
        node = child
    return payload


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_mutated_payload_is_either_valid_or_refused_plainly(
    sealed: Sealed, data: st.DataObject
) -> None:
    payload = _replace_somewhere(copy.deepcopy(sealed.payload), data)
    try:
        opened = open_bundle(reseal(sealed, payload), sealed.rco)
    except BundleRejected as exc:
        assert str(exc) and "\n" not in str(exc)
    else:  # the mutation happened to keep the payload valid: it must then be exactly that
        assert opened.payload == payload
