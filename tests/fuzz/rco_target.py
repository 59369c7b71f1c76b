"""Fuzz target: the RCO importer on a real, SQLCipher-encrypted RCO store.

Each input is a bundle payload. It is signed by the fuzzer's device key and sealed for the
fuzzer's RCO key after mutation, written to a file, and imported with `RcoDesk.import_paths`,
the path `coachdesk rco import` and the supervisor's window take. So the mutation reaches
everything behind the cryptography: the schema, the registry decision, the merge into the
store, and the outcome figures computed over what was merged.

Oracles, beyond "no exception other than a plain refusal":
- a rejected file changes nothing in the store;
- after an accepted file the dashboard figures still compute;
- every CHECK_EVERY runs, and at the end of a run (`finish`), the store passes its integrity
  checks.

The store lives for the whole fuzz run (a fresh one per input would spend the run in Argon2id),
so an import may depend on what earlier inputs left; a saved crash is replayed on a new store.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from coachdesk.crypto import kdf
from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity
from coachdesk.crypto.signing import canonical
from coachdesk.errors import CoachDeskError
from coachdesk.rco import desk as desk_module
from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.storage import rco_repos

PASSPHRASE = "fuzzing the importer"
CHECK_EVERY = 500


class ImportRefused(CoachDeskError):
    """The importer refused the file with a plain reason (what a well-behaved refusal is)."""


class _Store:
    """One RCO store holding the fuzzer's RCO identity, with the fuzzer's device confirmed."""

    def __init__(
        self, rco: RcoIdentity, device: DeviceIdentity, first_sealed: bytes, seed_ids: set[str]
    ) -> None:
        self.folder = tempfile.TemporaryDirectory(prefix="coachdesk-fuzz-rco-")
        root = Path(self.folder.name)
        self.desk, _ = RcoDesk.create(root / "store", PASSPHRASE, params=kdf.minimum_params())
        with self.desk.backend.transaction():
            # The fuzzer seals for a fixed RCO key so saved inputs replay; give the store that key.
            self.desk.backend.set_meta(desk_module._IDENTITY, json.dumps(rco.to_secret_hex()))
        self.desk._identity = None
        self.inbox = root / "inbox.cdbundle"
        self.inbox.write_bytes(first_sealed)
        first = self.desk.import_paths([self.inbox]).results[0]
        assert first.outcome == Outcome.PENDING, first  # an unknown device waits...
        self.desk.confirm_device(device.fingerprint)  # ...until the supervisor confirms it
        self.runs = 0
        self.seed_ids = seed_ids

    def state(self) -> str:
        """Row counts and the parts a merge rewrites in place (devices, episode counters)."""
        conn = self.desk.backend.store.conn  # type: ignore[attr-defined]
        counts = [
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("devices", "bundles", "flags", "episodes", "pending_bundles")
        ]
        counters = conn.execute("SELECT total(counter) FROM episodes").fetchone()[0]
        return repr((counts, counters, rco_repos.list_devices(conn)))

    def check(self) -> None:
        report = self.desk.backend.store.check()  # type: ignore[attr-defined]
        if not report.ok:
            raise AssertionError(f"the RCO store failed its checks: {report}")

    def close(self) -> None:
        try:
            self.check()
        finally:
            self.desk.close()
            self.folder.cleanup()


_store: _Store | None = None


def _fresh_bundle_id(payload: bytes, seed_ids: set[str]) -> bytes:
    """Give an unchanged seed bundle id a new one derived from the input, so most inputs are
    merged rather than answered "already imported" (and the same input replays the same)."""
    try:
        doc = json.loads(payload)
    except (ValueError, RecursionError):
        return payload
    if not isinstance(doc, dict) or not isinstance(doc.get("bundle_id"), str):
        return payload
    if doc["bundle_id"] not in seed_ids:
        return payload
    doc["bundle_id"] = hashlib.sha256(payload).hexdigest()[:32]
    return canonical(doc)


def import_payload(
    payload: bytes,
    rco: RcoIdentity,
    device: DeviceIdentity,
    seal: Callable[[bytes], bytes],
    seeds: Callable[[], list[bytes]],
) -> Outcome:
    global _store
    if _store is None:
        made = seeds()  # read once, with the store
        seed_ids = {json.loads(seed)["bundle_id"] for seed in made}
        _store = _Store(rco, device, seal(made[0]), seed_ids)
        atexit.register(finish)  # replays of saved crashes do not call finish themselves
    store = _store
    store.inbox.write_bytes(seal(_fresh_bundle_id(payload, store.seed_ids)))
    before = store.state()
    (result,) = store.desk.import_paths([store.inbox]).results
    store.runs += 1
    if store.runs % CHECK_EVERY == 0:
        store.check()
    if result.outcome == Outcome.REJECTED:
        if store.state() != before:
            raise AssertionError("a rejected bundle changed the RCO store")
        if not result.reason:
            raise AssertionError("a rejected bundle came back without a reason")
        raise ImportRefused(result.reason)
    store.desk.figures(metrics.Filters())
    metrics.compute_format1(store.desk.episodes(), threshold=store.desk.policy.small_cell)
    return result.outcome


def finish() -> None:
    """Check and remove the store; the next input starts a new one."""
    global _store
    store, _store = _store, None
    if store is not None:
        store.close()
