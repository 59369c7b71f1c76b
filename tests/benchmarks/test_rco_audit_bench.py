"""The RCO store's audit log: what an entry costs and what verifying the chain costs.

- 200 entries written each in its own transaction (an import's per-file entry), against 200
  bare one-row commits on the same store (the fsync both pay).
- verifying a chain of 20,000 entries (rco check / rco audit), against reading the same rows.
Run: python -m pytest tests/benchmarks/test_rco_audit_bench.py -m benchmark -s
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coachdesk.rco import audit as rco_audit
from tests.benchmarks.report import record
from tests.rco_support import new_rco

ENTRIES = 20_000


@pytest.mark.benchmark
def test_audit_entry_and_chain_verification(tmp_path: Path) -> None:
    desk = new_rco(tmp_path / "rco")
    with desk:
        backend = desk.backend
        fields = {"device": "ABCD-" * 7 + "ABCD", "result": "imported", "records": 100}

        t0 = time.perf_counter()
        for i in range(200):
            with backend.transaction():
                backend.set_meta("bench", str(i))
        bare = time.perf_counter() - t0
        t0 = time.perf_counter()
        for i in range(200):
            rco_audit.record(backend, rco_audit.IMPORT, file=f"f{i}.cdbundle", **fields)
        own = time.perf_counter() - t0

        with backend.transaction():
            for i in range(ENTRIES - 200):
                rco_audit.record(backend, rco_audit.IMPORT, file=f"g{i}.cdbundle", **fields)
        conn = backend.store.conn  # type: ignore[attr-defined]
        t0 = time.perf_counter()
        rows = conn.execute("SELECT id, at, actor, action, detail, tag FROM audit").fetchall()
        read = time.perf_counter() - t0
        assert len(rows) == ENTRIES  # a new store has no unlock entries yet
        t0 = time.perf_counter()
        assert backend.audit_broken_at() is None
        verify = time.perf_counter() - t0

    record(
        15,
        "RCO audit entry in its own transaction",
        own / 200 * 1000,
        "ms",
        "-",
        own / bare,
        "a bare one-row commit",
    )
    record(
        15,
        f"RCO audit chain verify, {ENTRIES:,} entries",
        verify * 1000,
        "ms",
        "-",
        verify / read,
        "reading the same rows",
    )
    print(
        f"\nRCO audit: one entry in its own transaction {own / 200 * 1000:.2f} ms "
        f"(bare one-row commit {bare / 200 * 1000:.2f} ms -> {own / bare:.2f}x)\n"
        f"  chain verify of {ENTRIES:,} entries: {verify * 1000:.0f} ms "
        f"(reading them: {read * 1000:.0f} ms -> {verify / read:.1f}x)"
    )
