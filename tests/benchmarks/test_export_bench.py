"""Export of the 2,000-client demo vault, end to end (target < 2 s), with a same-run baseline.

Baseline: a raw read of every row the export touches (plain SELECTs, no processing), so the
ratio shows what de-identification, k-anonymity, signing, encryption and the atomic write cost
on top of touching the data at all.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import pytest

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export as ex
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.deid import deidentify
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.exchange.kanon import anonymize
from coachdesk.storage import export_queries
from coachdesk.storage.vault import Vault
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE

CACHE = Path("/work/.bench-cache/export-2000x50")
CLIENTS = 2000


def _template() -> Path:
    if not (CACHE / "vault.done").exists():
        shutil.rmtree(CACHE, ignore_errors=True)
        vault, _ = Vault.create(CACHE / "vault", PASSPHRASE, params=kdf.minimum_params())
        with vault:
            demo.generate(vault, CLIENTS, seed=2000, notes_per_client=50)
        (CACHE / "vault.done").write_text("ok")
    return CACHE / "vault"


def _raw_read(conn) -> int:  # type: ignore[no-untyped-def]
    rows = 0
    for sql in (
        "SELECT id, pseudonym, setting, gender, status, pathways, intake_date, date_of_birth "
        "FROM clients",
        "SELECT client_id, mode, attempt_only FROM notes",
        "SELECT client_id, category, status FROM referrals",
        "SELECT client_id, timepoint, answers FROM barc10",
        "SELECT * FROM outcomes",
    ):
        rows += len(conn.execute(sql).fetchall())
    return rows


@pytest.mark.benchmark
def test_export_of_2000_clients(tmp_path: Path) -> None:
    shutil.copytree(_template(), tmp_path / "vault")
    rco = RcoIdentity.generate()
    out = tmp_path / "out"
    out.mkdir()
    with Vault.open(tmp_path / "vault", PASSPHRASE) as vault:
        caseload = Caseload(vault)
        ex.enroll(caseload, make_enrollment(rco, "Bench RCO"), rco.public.fingerprint)
        conn = vault.conn

        baseline: list[float] = []
        totals: list[float] = []
        phases: dict[str, list[float]] = {"query": [], "deid": [], "kanon": []}
        for _ in range(3):
            t0 = time.perf_counter()
            rows = _raw_read(conn)
            baseline.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            client_rows = export_queries.caseload_rows(conn)
            t1 = time.perf_counter()
            records = [deidentify(r) for r in client_rows]
            t2 = time.perf_counter()
            anonymize([r.quasi for r in records], 11)
            t3 = time.perf_counter()
            phases["query"].append(t1 - t0)
            phases["deid"].append(t2 - t1)
            phases["kanon"].append(t3 - t2)

            t0 = time.perf_counter()
            result = ex.export(caseload, out)
            totals.append(time.perf_counter() - t0)

        t0 = time.perf_counter()
        opened = open_bundle(result.path.read_bytes(), rco)
        open_time = time.perf_counter() - t0

    total = statistics.median(totals)
    base = statistics.median(baseline)
    print()
    print(f"export of {CLIENTS} clients ({rows} rows read by the baseline)")
    print(f"  end to end (median of 3): {total * 1000:.0f} ms  (target < 2000 ms)")
    for name, times in phases.items():
        print(f"    {name:6s} {statistics.median(times) * 1000:.0f} ms")
    print(f"  baseline raw read: {base * 1000:.0f} ms   ratio export/baseline: {total / base:.1f}x")
    print(f"  open_bundle at the RCO: {open_time * 1000:.0f} ms")
    print(f"  bundle size: {result.size_bytes / 1024:.0f} KiB, records {result.records}")
    print(f"  generalization: {result.generalization}")
    print(
        f"  information kept: {result.information_kept:.1%}, "
        f"records blanked: {result.suppressed_records}"
    )
    record(
        5,
        "export, 2,000 clients end to end",
        total * 1000,
        "ms",
        "< 2000 ms",
        total / base,
        "plain read of the same rows",
    )
    record(5, "open_bundle at the RCO", open_time * 1000, "ms")
    record(5, "information kept (quasi-identifiers)", result.information_kept * 100, "%")
    assert len(opened.records) == CLIENTS
    assert total < 2.0
