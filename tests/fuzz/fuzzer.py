"""A small, time-bounded mutation fuzzer for everything that parses files from outside.

Targets: the enrollment file, the resource directory, the bundle header, the bundle payload
(sealed and signed *after* mutation, so the fuzzer reaches the parser and the schema behind the
cryptography), and the RCO importer, which imports each sealed payload into a real RCO store
(tests/fuzz/rco_target.py). A target may refuse input only with a CoachDeskError subclass (a
plain message); any other exception is a crash: the input is saved under tests/fuzz/crashes/
and becomes a regression test (tests/fuzz/test_fuzz.py replays every file there).

    python -m tests.fuzz.fuzzer --seconds 600            # the long run, on demand
    python -m tests.fuzz.fuzzer --seconds 30 --target directory
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity
from coachdesk.crypto.signing import canonical, sign_document
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import bundle as bundle_format
from coachdesk.exchange.directory import make_directory, parse_directory
from coachdesk.exchange.enrollment import make_enrollment, parse_enrollment
from tests.fuzz import rco_target

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
CRASHES = HERE / "crashes"

# Fixed test keys (never used for anything real) so saved inputs replay identically.
_RCO = RcoIdentity.from_secret_hex({"encryption": "11" * 32, "signing": "22" * 32})
_DEVICE = DeviceIdentity.from_secret_hex({"device_id": "ab" * 16, "signing": "33" * 32})


@dataclass(frozen=True, slots=True)
class Target:
    name: str
    seeds: Callable[[], list[bytes]]
    run: Callable[[bytes], object]
    resign: bool = False  # JSON mutations are re-signed so they get past the signature
    canonical: bool = False  # JSON mutations are re-encoded canonically to get past that check
    finish: Callable[[], None] = lambda: None  # end-of-run checks; raising there is a crash


def _payload_seeds() -> list[bytes]:
    """Valid payloads signed by _DEVICE for _RCO (made once from a demo vault; see corpus/)."""
    return [p.read_bytes() for p in sorted((CORPUS / "bundle-payload").glob("*"))]


def _corpus(name: str, made: list[bytes]) -> list[bytes]:
    folder = CORPUS / name
    kept = sorted(folder.glob("*")) if folder.is_dir() else []
    return made + [p.read_bytes() for p in kept]


def _open_payload(payload: bytes) -> object:
    return bundle_format.open_bundle(_sealed(payload), _RCO)


def resign_json(raw: bytes) -> bytes:
    """Re-sign a mutated JSON object with the RCO key so the parser behind the signature runs."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    if not isinstance(doc, dict):
        return raw
    doc.pop("signature", None)
    return json.dumps(sign_document(doc, _RCO.signing), ensure_ascii=False).encode()


TARGETS = {
    t.name: t
    for t in [
        Target(
            "enrollment",
            lambda: _corpus("enrollment", [make_enrollment(_RCO, "Demo RCO")]),
            parse_enrollment,
            resign=True,
        ),
        Target(
            "directory",
            lambda: _corpus(
                "directory",
                [
                    make_directory(
                        _RCO,
                        [
                            Resource(
                                "Tuesday group",
                                ResourceCategory.MUTUAL_AID,
                                [Pathway.TWELVE_STEP],
                                rco_ref="r1",
                            )
                        ],
                        serial=3,
                    )
                ],
            ),
            lambda data: parse_directory(data, _RCO.public),
            resign=True,
        ),
        Target(
            "bundle-header",
            lambda: [_sealed(p) for p in _payload_seeds()],
            lambda data: bundle_format.open_bundle(data, _RCO),
        ),
        Target("bundle-payload", _payload_seeds, _open_payload, canonical=True),
        Target(
            "rco-import",
            _payload_seeds,
            lambda data: rco_target.import_payload(data, _RCO, _DEVICE, _sealed, _payload_seeds),
            canonical=True,
            finish=rco_target.finish,
        ),
    ]
}


def _sealed(payload: bytes) -> bytes:
    # The version byte follows the payload's schema (format 1 seeds stay format 1 bundles).
    version = 2 if b'"schema_version":2' in payload else 1
    return bundle_format.seal_payload_bytes(payload, _DEVICE.signing, _RCO.public, version=version)


# -- mutations --------------------------------------------------------------------------------

_JSON_NASTIES: list[Any] = [
    None,
    True,
    -1,
    0,
    2**63,
    1e308,
    -0.0,
    "",
    "x" * 100_000,
    "\u0000",
    "é" * 10,
    [],
    {},
    json.loads("[" * 40 + "]" * 40),
    {"a": {"b": {"c": {"d": {"e": {}}}}}},
    "2026-13-45",
    "../../etc/passwd",
    "NaN",
]


def _mutate_json(rng: random.Random, data: bytes, canonical_form: bool) -> bytes:
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return data
    nodes: list[tuple[Any, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in node:
                nodes.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                nodes.append((node, index))
                walk(node[index])

    walk(doc)
    if not nodes:
        return data
    parent, key = rng.choice(nodes)
    action = rng.randrange(6)
    if action == 0:
        parent[key] = rng.choice(_JSON_NASTIES)
    elif action == 1 and isinstance(parent, dict):
        del parent[key]
    elif action == 2 and isinstance(parent, dict):
        parent[f"extra{rng.randrange(9)}"] = rng.choice(_JSON_NASTIES)
    elif action == 3:
        parent[key] = [parent[key]] * rng.randint(2, 50)
    else:
        # Plausible values (the same kind, often valid) get past the schema into the code
        # behind it: the merge, the registry, the figures.
        parent[key] = _same_kind(rng, parent[key], [p[k] for p, k in nodes])
    if canonical_form:
        return canonical(doc)
    return json.dumps(doc, ensure_ascii=rng.random() < 0.5).encode()


def _same_kind(rng: random.Random, value: Any, others: list[Any]) -> Any:
    """Another value of the same JSON kind: a boundary number, a string or list from elsewhere
    in the document, a list with an element dropped or repeated."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return rng.choice([0, 1, -1, value + 1, value - 1, 6, 7, 10**6, 2**31])
    alike = [o for o in others if type(o) is type(value) and o is not value]
    if isinstance(value, list) and value and rng.random() < 0.5:
        index = rng.randrange(len(value))
        return value[:index] + value[index + 1 :] if rng.random() < 0.5 else [*value, value[index]]
    return copy.deepcopy(rng.choice(alike)) if alike else value  # a copy: never a cycle


def mutate(rng: random.Random, data: bytes, target: Target) -> bytes:
    choice = rng.random()
    if choice < (0.7 if target.canonical else 0.4):
        mutated = _mutate_json(rng, data, target.canonical and rng.random() < 0.8)
        return resign_json(mutated) if target.resign and rng.random() < 0.8 else mutated
    buf = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        kind = rng.randrange(5)
        if not buf:
            buf += bytes([rng.randrange(256)])
        pos = rng.randrange(len(buf))
        if kind == 0:
            buf[pos] ^= 1 << rng.randrange(8)
        elif kind == 1:
            buf[pos] = rng.choice([0, 0x7F, 0x80, 0xFF, ord('"'), ord("{"), ord("\\")])
        elif kind == 2:
            del buf[pos : pos + rng.randint(1, 64)]
        elif kind == 3:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
        else:
            start = rng.randrange(len(buf))
            buf[pos:pos] = buf[start : start + rng.randint(1, 256)]
    return bytes(buf)


# -- running ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    target: str
    executions: int = 0
    refusals: int = 0
    crashes: int = 0


def run_one(target: Target, data: bytes) -> Exception | None:
    """None when the input was accepted or refused plainly; the exception when it crashed."""
    try:
        target.run(data)
    except CoachDeskError:
        return None
    except Exception as exc:
        return exc
    return None


def fuzz(target: Target, seconds: float, seed: int = 0, save: bool = True) -> Result:
    rng = random.Random(seed)
    seeds = target.seeds()
    pool = list(seeds)
    result = Result(target.name)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        data = mutate(rng, rng.choice(pool), target)
        result.executions += 1
        try:
            target.run(data)
            if len(pool) < 200:
                pool.append(data)  # accepted inputs are good places to mutate from
        except CoachDeskError:
            result.refusals += 1
        except Exception as exc:
            result.crashes += 1
            if save:
                CRASHES.mkdir(exist_ok=True)
                name = f"{target.name}-{hashlib.sha256(data).hexdigest()[:16]}.bin"
                (CRASHES / name).write_bytes(data)
            print(f"CRASH {target.name}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
    try:
        target.finish()
    except Exception as exc:  # e.g. the store behind the target failed its integrity checks
        result.crashes += 1
        print(f"CRASH {target.name} at the end: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=600, help="time per target")
    parser.add_argument("--target", choices=sorted(TARGETS), action="append")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args(argv)
    crashed = 0
    for name in args.target or sorted(TARGETS):
        result = fuzz(TARGETS[name], args.seconds, args.seed)
        crashed += result.crashes
        print(
            f"{name:<16} {result.executions:>9} runs  {result.refusals:>9} refused  "
            f"{result.crashes} crashes"
        )
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
