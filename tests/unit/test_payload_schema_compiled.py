"""The payload schema's compiled record check and the fast parse (issue 14) against the walk
that names faults: on mutated records and payloads they accept exactly what the walk accepts,
and every refusal keeps its sentence."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coachdesk.crypto.signing import canonical
from coachdesk.exchange import bundle
from coachdesk.exchange import payload_schema as schema
from coachdesk.exchange.payload_schema import SchemaError, validate_payload
from tests.fuzz import fuzzer

CORPUS = Path(__file__).parents[1] / "fuzz" / "corpus" / "bundle-payload"
V1 = json.loads((CORPUS / "valid-30-clients.json").read_bytes())
V2 = json.loads((CORPUS / "valid-30-clients-v2.json").read_bytes())

_YEARS = [str(y) for y in (1899, 1900, 2023, 2024, 2200, 2201)]
_SPANS = ["1900-1901", "2024-2025", "2025-2026", "2200-2201", "2024-2026"]
_VOCABULARY = sorted(
    {
        *schema.TIMEPOINTS,
        *schema.PATHWAY_VALUES,
        *schema.STATUS_VALUES,
        *schema.CATEGORY_VALUES,
        *schema.HOUSING,
        *schema.EMPLOYMENT,
        *(v for values in schema.AGE_BANDS.values() for v in values),
        *(v for values in schema.GENDER_VALUES.values() for v in values),
        *(v for values in schema.SETTING_VALUES.values() for v in values),
        *_YEARS,
        *_SPANS,
    }
)
_POOL: list[Any] = [
    *(None, True, False, 0, 1, -1, 5, 6, 7, 10, 30, 31, 60, 61, 99, 100, 240, 241, 1.0, 2.5),
    *(schema.MAX_COUNT, schema.MAX_COUNT + 1, schema.MAX_REFERRALS + 1, 2**63),
    *("", "x", "é", "a" * 200, [], {}, [1], ["moud"], {"a": 1}, {"linked": 0, "made": 1}),
    "0f2a5b963cfade34746355ea",
    "0F2A5B963CFADE34746355EA",
    *_VOCABULARY,
]
_KEYS = [*schema.RECORD_FIELDS, *schema.OUTCOME_FIELDS, "months_between", "items", "extra"]


def _nodes(value: Any) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        keys = list(node) if isinstance(node, dict) else range(len(node))
        for key in keys:
            found.append((node, key))
            if isinstance(node[key], dict | list):
                walk(node[key])

    walk(value)
    return found


def _mutated(rng: random.Random, record: dict[str, Any]) -> Any:
    """One to three random changes anywhere in a copy of `record` (or the record replaced)."""
    if rng.random() < 0.01:
        return rng.choice(_POOL)
    record = copy.deepcopy(record)
    for _ in range(rng.randint(1, 3)):
        parent, key = rng.choice(_nodes(record))
        action = rng.randrange(7)
        value = parent[key]
        if action <= 1:
            parent[key] = copy.deepcopy(rng.choice(_POOL))
        elif action == 2:
            del parent[key]
        elif action == 3 and isinstance(parent, dict):
            parent[rng.choice(_KEYS)] = copy.deepcopy(rng.choice(_POOL))
        elif action == 4 and isinstance(parent, list):
            parent.insert(key, copy.deepcopy(value))  # repeated
        elif action == 5 and isinstance(parent, list) and len(parent) > 1:
            parent[0], parent[-1] = parent[-1], parent[0]
        elif isinstance(value, int) and not isinstance(value, bool):
            parent[key] = value + rng.choice((-1, 1))
        elif isinstance(value, str):
            parent[key] = rng.choice(_VOCABULARY)
        if not _nodes(record):
            break
    return record


def _spans(rng: random.Random) -> list[dict[str, Any]]:
    a, b = sorted(rng.sample(range(len(schema.TIMEPOINTS)), 2))
    return [
        {"from": schema.TIMEPOINTS[a], "months": rng.randint(0, 24), "to": schema.TIMEPOINTS[b]}
    ]


def _shape(rng: random.Random) -> tuple[dict[str, str], bool]:
    rungs = {qi: rng.choice(schema.LEVELS[qi]) for qi in schema.QUASI_IDENTIFIERS}
    return rungs, rng.random() < 0.5


def _valid_records(
    rng: random.Random, rungs: dict[str, str], months: bool, local: bool
) -> list[dict[str, Any]]:
    """The corpus records, their quasi-identifiers set to values allowed under `rungs`."""
    sets = schema._SETS_V2 if local else schema._SETS_V1
    years = [
        y for y in _YEARS + _SPANS if schema.intake_year_ok(y, rungs["intake_year"], finer=local)
    ]
    records = copy.deepcopy((V2 if local else V1)["records"])
    for r in records:
        for name in ("age_band", "gender", "setting"):
            r[name] = rng.choice([None, *sorted(sets[name][rungs[name]])])
        r["intake_year"] = rng.choice([None, *years])
        if months:
            r["months_between"] = _spans(rng)
    return records


def _walk_accepts(r: Any, rungs: dict[str, str], months: bool, local: bool) -> bool:
    try:
        schema._record(r, "records[0]", rungs, months, local)
    except SchemaError:
        return False
    return True


@pytest.mark.parametrize("local", [False, True])
def test_compiled_record_check_accepts_what_the_walk_accepts(local: bool) -> None:
    rng = random.Random(14 + local)
    differ: list[Any] = []
    refused = 0
    for _ in range(12):
        rungs, months = _shape(rng)
        check = schema._record_check(*(rungs[qi] for qi in schema.QUASI_IDENTIFIERS), months, local)
        records = _valid_records(rng, rungs, months, local)
        for r in records:
            assert check(r) and _walk_accepts(r, rungs, months, local)
        for _ in range(300):
            r = _mutated(rng, rng.choice(records))
            try:
                fast = check(r)
            except TypeError:
                fast = False
            walk = _walk_accepts(r, rungs, months, local)
            refused += not walk
            if fast != walk:
                differ.append((rungs, months, r, fast, walk))
    assert not differ, differ[:3]
    assert refused > 1000  # the mutations reach the refusals, not only harmless changes


def test_a_year_in_other_digits_is_left_to_the_walk() -> None:
    """intake_year_ok's \\d takes other scripts' digits; the compiled check leaves such a
    record to the walk, so it is accepted as before (not refused by the faster check)."""
    payload = copy.deepcopy(V2)
    payload["records"][0]["intake_year"] = "٢٠٢٤-٢٠٢٥"
    check = schema._record_check("suppressed", "suppressed", "suppressed", "2y", False, True)
    assert not check(payload["records"][0])
    validate_payload(payload)


def _refusal(payload: Any) -> str:
    try:
        validate_payload(payload)
    except SchemaError as exc:
        return str(exc)
    return ""


def test_mutated_payloads_are_refused_in_the_same_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole validator against itself with every record walked (the code before issue
    14's compiled check): the same first sentence for every mutated payload."""
    rng = random.Random(2026)
    seeds = [canonical(V1), canonical(V2)]
    payloads = []
    for _ in range(400):
        try:
            payloads.append(json.loads(fuzzer._mutate_json(rng, rng.choice(seeds), True)))
        except ValueError:
            continue
    fast = [_refusal(p) for p in payloads]
    monkeypatch.setattr(schema, "_record_check", lambda *shape: lambda r: False)
    walked = [_refusal(p) for p in payloads]
    assert fast == walked
    assert sum(1 for w in walked if w) > 100


def _first_cell(payload: dict[str, Any]) -> dict[str, Any]:
    return next(c["counts"] for c in payload["periods"]["cells"] if "people" in c["counts"])


def _months(p: dict[str, Any], spans: list[dict[str, Any]]) -> None:
    p["policy"]["optional_fields"] = ["months_between"]
    for r in p["records"]:
        r["months_between"] = [{"from": "baseline", "months": 6, "to": "annual"}]
    p["records"][3]["months_between"] = spans


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(p: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = p
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        node[int(last) if isinstance(node, list) else last] = value

    return change


R = "records/3"
REFUSALS: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (_set(R, []), "records[3] must be an object."),
    (lambda p: p["records"][3].pop("status"), "records[3] lacks 'status'."),
    (_set(f"{R}/name", "Ana"), "records[3] has a member CoachDesk never exports ('name')."),
    (_set(f"{R}/pseudonym", "XYZ"), "records[3].pseudonym is not in the expected form."),
    (_set(f"{R}/pseudonym", 5), "records[3].pseudonym must be text."),
    (_set(f"{R}/pseudonym", "a" * 200), "records[3].pseudonym is too long."),
    (_set(f"{R}/age_band", "31-34"), "records[3].age_band has a value CoachDesk never exports."),
    (_set(f"{R}/gender", 1), "records[3].gender must be text."),
    (_set(f"{R}/setting", "jail"), "records[3].setting has a value CoachDesk never exports."),
    (
        _set(f"{R}/intake_year", "1850-1851"),
        "records[3].intake_year has a value CoachDesk never exports.",
    ),
    (_set(f"{R}/intake_year", 2024), "records[3].intake_year must be text."),
    (_set(f"{R}/pathways", "moud"), "records[3].pathways must be a list."),
    (_set(f"{R}/pathways", ["moud"] * 20), "records[3].pathways has too many entries."),
    (_set(f"{R}/pathways", ["x"]), "records[3].pathways[0] has a value CoachDesk never exports."),
    (
        _set(f"{R}/pathways", ["moud", "harm_reduction"]),
        "records[3].pathways must be sorted without repeats.",
    ),
    (_set(f"{R}/status", "gone"), "records[3].status has a value CoachDesk never exports."),
    (_set(f"{R}/sessions", True), "records[3].sessions must be a whole number."),
    (_set(f"{R}/contact_attempts", -1), "records[3].contact_attempts must be from 0 to 100000."),
    (_set(f"{R}/referrals", []), "records[3].referrals must be an object."),
    (
        _set(f"{R}/referrals/nope", {"linked": 0, "made": 1}),
        "records[3].referrals.nope has a value CoachDesk never exports.",
    ),
    (_set(f"{R}/referrals/detox", {"made": 1}), "records[3].referrals.detox lacks 'linked'."),
    (
        _set(f"{R}/referrals/detox", {"linked": 0, "made": 0}),
        "records[3].referrals.detox.made must be from 1 to 10000.",
    ),
    (
        _set(f"{R}/referrals/detox", {"linked": 2, "made": 1}),
        "records[3].referrals.detox.linked must be from 0 to 1.",
    ),
    (_set(f"{R}/barc10", {}), "records[3].barc10 must be a list."),
    (
        _set(f"{R}/barc10/0/timepoint", "later"),
        "records[3].barc10[0].timepoint has a value CoachDesk never exports.",
    ),
    (_set(f"{R}/barc10/0/items", [3] * 9), "records[3].barc10[0].items must hold the 10 answers."),
    (_set(f"{R}/barc10/0/items/0", 7), "records[3].barc10[0].items[0] must be from 1 to 6."),
    (_set(f"{R}/barc10/0/total", 40), "records[3].barc10[0].total is not the sum of the answers."),
    (
        _set(f"{R}/barc10/1/timepoint", "baseline"),
        "records[3].barc10 must list each timepoint once, in order.",
    ),
    (
        _set(f"{R}/outcomes/0/days_used", 31),
        "records[3].outcomes[0].days_used must be from 0 to 30.",
    ),
    (
        _set(f"{R}/outcomes/0/arrests", 1.5),
        "records[3].outcomes[0].arrests must be a whole number.",
    ),
    (
        _set(f"{R}/outcomes/0/overdose", "yes"),
        "records[3].outcomes[0].overdose must be true or false.",
    ),
    (
        _set(f"{R}/outcomes/0/housing", "castle"),
        "records[3].outcomes[0].housing has a value CoachDesk never exports.",
    ),
    (
        _set(f"{R}/outcomes/0/social_connectedness", 6),
        "records[3].outcomes[0].social_connectedness must be from 1 to 5.",
    ),
    (
        lambda p: p["records"][3]["outcomes"][0].pop("on_moud"),
        "records[3].outcomes[0] lacks 'on_moud'.",
    ),
    (
        lambda p: p["records"][3]["outcomes"].reverse(),
        "records[3].outcomes must list each timepoint once, in order.",
    ),
    (
        lambda p: _months(p, [{"from": "annual", "months": 6, "to": "baseline"}]),
        "records[3].months_between[0] must go forward in time.",
    ),
    (
        lambda p: _months(p, [{"from": "baseline", "months": 241, "to": "annual"}]),
        "records[3].months_between[0].months must be from 0 to 240.",
    ),
    (
        lambda p: _months(p, [{"from": "baseline", "to": "annual"}]),
        "records[3].months_between[0] lacks 'months'.",
    ),
    (
        lambda p: _months(p, []) or p["records"][3].pop("months_between"),
        "records[3] lacks 'months_between'.",
    ),
    (
        lambda p: p["records"][4].update(pseudonym=p["records"][3]["pseudonym"]),
        "records[4].pseudonym is out of order or repeated.",
    ),
    (
        lambda p: _first_cell(p).update({"name.of.person": 1}),
        "periods.cells[0].counts.name.of.person is not a figure CoachDesk exports.",
    ),
    (
        lambda p: _first_cell(p).update(people=True),
        "periods.cells[0].counts.people must be a whole number.",
    ),
    (
        lambda p: _first_cell(p).update({"ref.linked.mutual_aid": 2}),
        "periods.cells[0].counts.ref.linked.mutual_aid is larger than ref.made.mutual_aid.",
    ),
    (
        lambda p: _first_cell(p).update(people=4),
        "periods.cells[0].counts.age does not add up to the people served.",
    ),
    (
        lambda p: _first_cell(p).update({"kind.family_member": 1}),
        "periods.cells[0].counts.kind does not add up to the people served.",
    ),
    (
        lambda p: _first_cell(p).update({"support.coaching_session": 1}),
        "periods.cells[0].counts.support does not add up to the sessions.",
    ),
    (
        lambda p: _first_cell(p).update({"support.coaching_session": 10, "minutes.navigation": 5}),
        "periods.cells[0].counts.minutes.navigation is not a sum of durations.",
    ),
    (
        lambda p: _first_cell(p).update({"accomp.court": 1}),
        "periods.cells[0].counts.accomp does not add up to the accompaniments.",
    ),
    (
        lambda p: _first_cell(p).update({"fu.late.baseline": 1}),
        "periods.cells[0].counts.fu.due.baseline is smaller than the follow-ups reached.",
    ),
    (
        lambda p: _first_cell(p).update({"barc.base_sum": 200}),
        "periods.cells[0].counts.barc.base_sum is not a sum of BARC-10 totals.",
    ),
    (
        lambda p: _first_cell(p).update({"dom.use.days_fu": 91}),
        "periods.cells[0].counts.dom.use.days_fu is not a sum of days of use.",
    ),
]


@pytest.mark.parametrize(("change", "sentence"), REFUSALS)
def test_each_refusal_keeps_its_sentence(change: Callable[[Any], None], sentence: str) -> None:
    payload = copy.deepcopy(V2)
    payload["periods"]["cells"].sort(key=lambda c: "people" not in c["counts"])  # it first
    payload["periods"]["cells"][1:] = []
    validate_payload(payload)
    change(payload)
    with pytest.raises(SchemaError) as refused:
        validate_payload(payload)
    assert str(refused.value) == sentence


def _parsed(data: bytes) -> tuple[str, Any]:
    """parse_payload's answer: ("", the value) or (the refusal's code, its values)."""
    try:
        return "", bundle.parse_payload(data)
    except bundle.BundleRejected as exc:
        return str(exc.code), exc.params


def _parsed_with_every_check(data: bytes) -> tuple[str, Any]:
    """The parse before issue 14: the duplicate hook on every object, then the checks."""
    try:
        if bundle.nesting_depth(data) > bundle.MAX_DEPTH:
            raise bundle.BundleRejected(code="bundle.too_deep")
        return "", bundle._parse_checked(data)
    except bundle.BundleRejected as exc:
        return str(exc.code), exc.params


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'{"a":1,"a":1}', "bundle.repeats_member"),
        (b'{"x":{"a":1,"a":1},"y":NaN}', "bundle.repeats_member"),  # the first fault
        (b'{"y":NaN}', "bundle.constant"),
        (b'{"b":1,"a":2}', "bundle.not_canonical"),
        (b'{"a": 1}', "bundle.not_canonical"),
        (b"[1]", "bundle.not_an_export"),
        (b'{"a":', "bundle.not_json"),
        (b'{"a":"\xff"}', "bundle.not_json"),
        (b'{"a":' + b"[" * 20 + b"]" * 20 + b"}", "bundle.too_deep"),
        (b'{"a":"\\ud800"}', "bundle.not_canonical"),  # no UTF-8 for it: was a crash
    ],
)
def test_parse_refusals_keep_their_reason(data: bytes, code: str) -> None:
    assert _parsed(data)[0] == code == _parsed_with_every_check(data)[0]


def test_mutated_payload_bytes_parse_as_with_every_check() -> None:
    rng = random.Random(7)
    target = fuzzer.TARGETS["bundle-payload"]
    seeds = [canonical(V1), canonical(V2)]
    codes = set()
    for _ in range(300):
        data = fuzzer.mutate(rng, rng.choice(seeds), target)
        if rng.random() < 0.2:  # a repeated member somewhere
            data = data.replace(b'"status":', b'"status":"active","status":', 1)
        got = _parsed(data)
        assert got == _parsed_with_every_check(data)
        codes.add(got[0])
    assert {"", "bundle.not_json", "bundle.repeats_member"} <= codes
