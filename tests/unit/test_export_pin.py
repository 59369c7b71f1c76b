"""The export's payload preparation pinned to what it produced before it was made faster
(issue 18): on a seeded demo vault with fixed pseudonyms and odd values, two exports apart
(the second after edits and deletions, with the first one's released state), the records,
their generalized values, the state to keep and every period cell are exactly those the
straightforward per-row code (commit d76f045) wrote into tests/fixtures/export_pin.json.gz.

Regenerate the file (`python -m tests.unit.test_export_pin`) only when a change of the
bundle's meaning is intended (say a new cell), never to make a speed-up pass.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export
from coachdesk.exchange.deid import payload_record
from coachdesk.exchange.enrollment import PrivacyPolicy, make_enrollment
from coachdesk.storage.vault import Vault

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "export_pin.json.gz"
FIRST = date(2026, 11, 20)
SECOND = date(2027, 1, 9)


def _snapshot(prepared: Any) -> dict[str, Any]:
    anon = prepared.anonymization
    cells = prepared.period_cells
    return {
        "records": [payload_record(record, values) for record, values in prepared.sent],
        "withheld": prepared.withheld,
        "earlier": prepared.earlier,
        "levels": dict(anon.levels),
        "suppressed": len(anon.suppressed),
        "information_kept": round(anon.information_kept, 6),
        "updates": {p: [list(v), native] for p, (v, native) in sorted(prepared.updates.items())},
        "periods": None if cells is None else cells.to_payload(),
    }


def _odd_values(conn: Any) -> None:
    """Values a form would not write but a vault may hold: each must be counted as before."""
    conn.execute("UPDATE clients SET setting = 'somewhere_else' WHERE id % 37 = 3")
    conn.execute("UPDATE clients SET gender = 'unheard_of' WHERE id % 41 = 5")
    conn.execute("UPDATE clients SET date_of_birth = NULL WHERE id % 29 = 7")
    # Notes are never edited (an addendum is): odd ones are added.
    for where, occurred, mode, attempt, kind, destination in (
        ("id % 11 = 1", "2026-02-03T10:00:00+00:00", "in_person", 0, "mystery", ""),
        ("id % 13 = 2", "2025-08-19T16:30:00+00:00", "phone", 0, "accompaniment", ""),
        ("id % 17 = 3", "2026-10-30T23:59:00+00:00", "in_person", 0, "accompaniment", "the_moon"),
        ("id % 19 = 4", "2026-05-05T08:00:00+00:00", "group", 0, "coaching_session", ""),
        ("id % 23 = 5", "2026-09-30T12:00:00+00:00", "phone", 1, "navigation", ""),
        ("id % 29 = 6", "2027-06-01T10:00:00+00:00", "in_person", 0, "crisis_contact", ""),
        ("id % 31 = 7", "2026-12-20T10:00:00+00:00", "in_person", 0, "navigation", ""),
    ):
        conn.execute(
            "INSERT INTO notes (client_id, occurred_at, mode, duration_minutes, text, "
            "attempt_only, support_kind, destination) "
            f"SELECT id, ?, ?, id % 90, 'odd', ?, ?, ? FROM clients WHERE {where}",
            (occurred, mode, attempt, kind, destination),
        )


def _edits(conn: Any) -> None:
    """Between the two exports: corrections, new settings, deleted clients, new activity."""
    conn.execute(
        "UPDATE clients SET date_of_birth = date(date_of_birth, '-7 years') WHERE id % 13 = 1"
    )
    conn.execute("UPDATE clients SET setting = 'drug_court' WHERE id % 17 = 2")
    conn.execute("DELETE FROM clients WHERE id % 19 = 4")
    conn.execute(
        "UPDATE clients SET status = 'discharged', status_date = '2026-12-15' "
        "WHERE id % 23 = 5 AND status = 'active'"
    )


def _fixed_pseudonyms(conn: Any) -> None:
    # Random by design; fixed here because the order of records steers the generalization.
    for (client_id,) in conn.execute("SELECT id FROM clients").fetchall():
        digest = hashlib.sha256(f"pin-{client_id}".encode()).hexdigest()[:24]
        conn.execute("UPDATE clients SET pseudonym = ? WHERE id = ?", (digest, client_id))


def snapshots(folder: Path) -> dict[str, Any]:
    vault, _ = Vault.create(folder / "vault", "pin passphrase", params=kdf.minimum_params())
    with vault:
        demo.generate(vault, 420, seed=18, notes_per_client=14, today=FIRST)
        with vault.transaction() as conn:
            _fixed_pseudonyms(conn)
            _odd_values(conn)
        caseload = Caseload(vault)
        rco = RcoIdentity.generate()
        policy = PrivacyPolicy(optional_fields=("months_between",), fiscal_year_start=10)
        export.enroll(caseload, make_enrollment(rco, "Pin RCO", policy), rco.public.fingerprint)
        first = _snapshot(export._prepare(caseload, FIRST))
        export.seal_to_outbox(caseload, now=datetime.combine(FIRST, time(12), UTC))
        with vault.transaction() as conn:
            _edits(conn)
        second = _snapshot(export._prepare(caseload, SECOND))
    return {"first": first, "second": second}


def test_preparation_matches_the_pinned_output(tmp_path: Path) -> None:
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        pinned = json.load(f)
    now = json.loads(json.dumps(snapshots(tmp_path)))  # tuples as lists, like the file
    for export_name in ("first", "second"):
        got, want = now[export_name], pinned[export_name]
        assert got["records"] == want["records"], export_name
        for key in ("withheld", "earlier", "levels", "suppressed", "information_kept"):
            assert got[key] == want[key], (export_name, key)
        assert got["updates"] == want["updates"], export_name
        got_cells = {(c["period"], c["setting"]): c["counts"] for c in got["periods"]["cells"]}
        want_cells = {(c["period"], c["setting"]): c["counts"] for c in want["periods"]["cells"]}
        assert sorted(got_cells) == sorted(want_cells), export_name
        for key, counts in want_cells.items():
            assert got_cells[key] == counts, (export_name, key)
        assert got["periods"] == want["periods"], export_name
    # The scenario reaches what it is meant to: withheld or moved records, odd values.
    assert pinned["second"]["earlier"] > 0 and len(pinned["first"]["records"]) > 300


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        data = snapshots(Path(tmp))
    with gzip.open(GOLDEN, "wt", encoding="utf-8") as f:
        json.dump(data, f, sort_keys=True, separators=(",", ":"))
    print(f"wrote {GOLDEN}")
