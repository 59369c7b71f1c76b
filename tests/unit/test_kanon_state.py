"""The released-values state kept in a real vault (storage/export_state.py, migration 0006),
driving local k-anonymity over two rounds of a demo caseload."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coachdesk.application import demo
from coachdesk.exchange.deid import anonymize_records, deidentify
from coachdesk.exchange.kanon import linked_k, smallest_class
from coachdesk.storage import export_queries, export_state
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

RCO_A = "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA"
RCO_B = "BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB-BBBB"


def _round(vault: Vault, counter: int, k: int = 11) -> dict[str, tuple]:  # type: ignore[type-arg]
    with vault.transaction() as conn:
        records = [deidentify(row) for row in export_queries.caseload_rows(conn)]
        records.sort(key=lambda r: r.pseudonym)
        state = {p: (row.values, row.native) for p, row in export_state.load(conn, RCO_A).items()}
        result, updates = anonymize_records(records, k, state)
        export_state.save(conn, RCO_A, counter, updates)
    return {r.pseudonym: v for r, v in zip(records, result.values, strict=True) if v is not None}


def test_state_round_trips_and_keeps_k_across_rounds(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, 60, seed=5, notes_per_client=1, today=date(2026, 3, 1))
        first = _round(vault, 1)
        assert len(first) == 60 and smallest_class(first.values()) >= 11  # type: ignore[operator]
        demo.generate(vault, 25, seed=6, notes_per_client=1, today=date(2026, 9, 1))
        second = _round(vault, 2)
        stored = export_state.load(vault.conn, RCO_A)
    # Every record sent first keeps its values; the newcomers form classes of their own.
    assert all(second[p] == v for p, v in first.items())
    assert len(second) > 60
    assert linked_k([first, second]) >= 11  # type: ignore[operator]
    assert {p: row.values for p, row in stored.items()} == second
    assert {row.first_counter for p, row in stored.items() if p in first} == {1}
    assert {row.last_counter for row in stored.values()} == {2}
    # Per RCO: another RCO has seen nothing yet.
    with Vault.open(vault_path, PASSPHRASE) as vault:
        assert export_state.load(vault.conn, RCO_B) == {}


def test_a_withheld_record_keeps_its_last_state(vault_path: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, 12, seed=7, notes_per_client=1)
        pseudonym = vault.conn.execute("SELECT pseudonym FROM clients LIMIT 1").fetchone()[0]
        with vault.transaction() as conn:
            export_state.save(conn, RCO_A, 3, {pseudonym: ((None, "man", None, None), False)})
            export_state.save(conn, RCO_A, 4, {})
        row = export_state.load(vault.conn, RCO_A)[pseudonym]
    assert row == export_state.ReleasedRow((None, "man", None, None), False, 3, 3)
