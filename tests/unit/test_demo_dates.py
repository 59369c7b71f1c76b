"""Demo data for the outcome figures: service dates spread over more than three years and
ending on the given day, the same for the same seed and day (except random pseudonyms)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from coachdesk.application import demo
from coachdesk.crypto import kdf
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 12, 1)
_CONTENT = (
    "SELECT given_name, family_name, date_of_birth, gender, setting, status, status_date, "
    "intake_date, race, ethnicity FROM clients ORDER BY id",
    "SELECT client_id, occurred_at, mode, attempt_only, text FROM notes ORDER BY id",
    "SELECT client_id, taken_on, timepoint, answers FROM barc10 ORDER BY id",
    "SELECT client_id, category, made_on, status, status_on FROM referrals ORDER BY id",
)


def _make(folder: Path, seed: int) -> list[list[tuple[object, ...]]]:
    vault, _ = Vault.create(folder, PASSPHRASE, params=kdf.minimum_params())
    with vault:
        demo.generate(vault, 60, seed=seed, notes_per_client=8, today=TODAY)
        return [vault.conn.execute(sql).fetchall() for sql in _CONTENT]


def test_same_seed_and_day_same_caseload_spread_over_three_years(tmp_path: Path) -> None:
    first, again, other = (
        _make(tmp_path / "a", 7),
        _make(tmp_path / "b", 7),
        _make(tmp_path / "c", 8),
    )
    assert first == again and first != other
    intakes = [date.fromisoformat(r[7]) for r in first[0]]
    notes = [date.fromisoformat(r[1][:10]) for r in first[1]]
    assert max(notes) == TODAY and min(intakes) == TODAY - timedelta(days=demo.SPAN_DAYS)
    assert (max(notes) - min(notes)).days > 3 * 365
    assert all(d <= TODAY for d in notes)
    intake_of = {i + 1: date.fromisoformat(r[7]) for i, r in enumerate(first[0])}
    late_180 = [
        r
        for r in first[2]
        if r[2] == "followup_180" and date.fromisoformat(r[1]) > intake_of[r[0]] + timedelta(210)
    ]
    assert late_180  # some follow-ups are recorded after their window closed
    assert "" in {r[8] for r in first[0]} and len({r[8] for r in first[0]}) > 3
