"""What each record went out as in earlier exports (schema in migrations/0006_export_state.sql).

Per RCO and pseudonym: the generalized quasi-identifier values last released, whether the record
has had exactly those since it was first released ("native", see docs/deidentification.md), and
the counters of the first and latest exports that carried it. The export is to read this
before generalizing and write it in the same transaction that queues the bundle, so a sealed
bundle is always one the state knows about (wired in with bundle format 2, whose schema allows
records on different rungs: docs/deidentification.md). Rows go with their client (ON DELETE
CASCADE). Call on the vault's thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Conn = Any
Values = tuple[str | None, str | None, str | None, str | None]  # age, gender, setting, year


@dataclass(frozen=True, slots=True)
class ReleasedRow:
    values: Values
    native: bool
    first_counter: int
    last_counter: int


def load(conn: Conn, recipient: str) -> dict[str, ReleasedRow]:
    """pseudonym -> what was last released for it to `recipient`."""
    return {
        r[0]: ReleasedRow((r[1], r[2], r[3], r[4]), bool(r[5]), r[6], r[7])
        for r in conn.execute(
            "SELECT pseudonym, age_band, gender, setting, intake_year, native, first_counter, "
            "last_counter FROM export_released WHERE recipient = ?",
            (recipient,),
        )
    }


def save(
    conn: Conn, recipient: str, counter: int, released: Mapping[str, tuple[Values, bool]]
) -> None:
    """Record that export `counter` carried each pseudonym with these values (and nativeness).
    Records not in `released` (withheld this time) keep what they had."""
    conn.executemany(
        "INSERT INTO export_released (recipient, pseudonym, age_band, gender, setting, "
        "intake_year, native, first_counter, last_counter) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (recipient, pseudonym) DO UPDATE SET age_band = excluded.age_band, "
        "gender = excluded.gender, setting = excluded.setting, "
        "intake_year = excluded.intake_year, native = excluded.native, "
        "last_counter = excluded.last_counter",
        [
            (recipient, pseudonym, *values, int(native), counter, counter)
            for pseudonym, (values, native) in sorted(released.items())
        ],
    )
