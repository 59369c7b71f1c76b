"""Coverage-guided fuzzing (atheris, i.e. libFuzzer) of the targets in tests/fuzz/fuzzer.py.

The mutation fuzzer in fuzzer.py knows the formats; this one knows nothing of them but watches
which branches of coachdesk each input reaches, and keeps the inputs that reach new ones.

    pip install -e '.[fuzz]'
    python -m tests.fuzz.atheris_run TARGET -max_total_time=600 [other libFuzzer flags]

The harness does what a sender would do after libFuzzer mutates the bytes: JSON that parses is
re-encoded canonically and re-signed (the enrollment and directory targets) or sealed and signed
(the payload targets), so the mutations are judged by the parsers, not only by the signature
check. libFuzzer saves a crashing input as ./crash-<sha1>; copy it to
tests/fuzz/crashes/TARGET-<name>.bin and the suite replays it from then on.
"""

from __future__ import annotations

import json
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["coachdesk"]):
    from coachdesk.crypto.signing import canonical
    from coachdesk.errors import CoachDeskError
    from tests.fuzz.fuzzer import TARGETS, Target, resign_json


def _as_sent(target: Target, data: bytes) -> bytes:
    if not (target.resign or target.canonical):
        return data
    try:
        doc = json.loads(data)
    except (ValueError, RecursionError):
        return data
    return resign_json(canonical(doc)) if target.resign else canonical(doc)


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: python -m tests.fuzz.atheris_run {{{','.join(sorted(TARGETS))}}} ...")
    target = TARGETS[sys.argv[1]]

    def test_one_input(data: bytes) -> None:
        with suppress(CoachDeskError):  # a plain refusal is the right answer to bad input
            target.run(_as_sent(target, data))

    with tempfile.TemporaryDirectory(prefix="coachdesk-atheris-") as folder:
        for number, seed in enumerate(target.seeds()):  # libFuzzer starts from valid inputs
            (Path(folder) / f"seed-{number}").write_bytes(seed)
        atheris.Setup([sys.argv[0], *sys.argv[2:], folder], test_one_input)
        try:
            atheris.Fuzz()
        finally:
            target.finish()


if __name__ == "__main__":
    main()
