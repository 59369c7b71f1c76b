"""Bundle format 2 against format 1, measured in the same run (issue 13).

1. Export of the 2,000-client demo vault (~100,000 notes, dates over 1,200 days): format 2
   (records + per-period counts) against format 1 (records only), median of 3 each, target
   < 2 s; bundle sizes.
2. Import of 200 bundles (40 coach vaults of 100 clients, 5 export rounds each, with new notes
   between rounds) into a fresh RCO store, format 2 against format 1, target < 30 s.
Vaults are generated once and cached under /work/.bench-cache/format2-* (outside the repo).
Run: python -m pytest tests/benchmarks/test_format2_bench.py -m benchmark -s
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from coachdesk.application import demo
from coachdesk.core.caseload import Caseload
from coachdesk.core.models import ContactMode, SessionNote
from coachdesk.crypto import kdf
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export as ex
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome, expand_paths, open_sealed
from coachdesk.rco.metrics import Filters
from coachdesk.rco.model import Device, DeviceStatus
from coachdesk.storage.vault import Vault
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE
from tests.rco_support import new_rco

ROOT = Path(os.environ.get("COACHDESK_BENCH_CACHE", "/work/.bench-cache"))
TODAY = date(2026, 12, 1)
NOW = datetime(2026, 12, 1, 12, tzinfo=UTC)
BIG, DEVICES, ROUNDS, SMALL = 2000, 40, 5, 100


def _big_template() -> Path:
    cache = ROOT / "format2-export-2000x50"
    if not (cache / "vault.done").exists():
        shutil.rmtree(cache, ignore_errors=True)
        vault, _ = Vault.create(cache / "vault", PASSPHRASE, params=kdf.minimum_params())
        with vault:
            demo.generate(vault, BIG, seed=2000, notes_per_client=50, today=TODAY)
        (cache / "vault.done").write_text("ok")
    return cache / "vault"


@pytest.mark.benchmark
def test_export_format2_against_format1(tmp_path: Path) -> None:
    shutil.copytree(_big_template(), tmp_path / "vault")
    rco = RcoIdentity.generate()
    with Vault.open(tmp_path / "vault", PASSPHRASE) as vault:
        caseload = Caseload(vault)
        ex.enroll(caseload, make_enrollment(rco, "Bench RCO"), rco.public.fingerprint)
        times: dict[int, list[float]] = {1: [], 2: []}
        sizes: dict[int, int] = {}
        for _ in range(3):
            for version in (1, 2):
                t0 = time.perf_counter()
                result = ex.seal_to_outbox(caseload, now=NOW, schema_version=version)
                times[version].append(time.perf_counter() - t0)
                sizes[version] = result.size_bytes
        cells = result.period_summary.cell_sets if result.period_summary else 0
    f1, f2 = statistics.median(times[1]), statistics.median(times[2])
    print(
        f"\nexport of {BIG} clients, median of 3: format 2 {f2 * 1000:.0f} ms, format 1 "
        f"{f1 * 1000:.0f} ms -> ratio {f2 / f1:.2f}x (target < 2000 ms)\n"
        f"  bundle size: format 2 {sizes[2] / 1024:.0f} KiB ({cells} period cells), format 1 "
        f"{sizes[1] / 1024:.0f} KiB -> {sizes[2] / sizes[1]:.2f}x"
    )
    record(13, "export format 2, 2,000 clients", f2 * 1000, "ms", "< 2000 ms", f2 / f1, "format 1")
    record(13, "bundle size format 2, 2,000 clients", sizes[2] / 1024, "KiB", "-",
           sizes[2] / sizes[1], "format 1")  # fmt: skip
    assert f2 < 2.0


def _bundle_sets() -> Path:
    """200 bundles per format: DEVICES vaults x ROUNDS rounds, a few notes between rounds."""
    cache = ROOT / f"format2-import-{DEVICES}x{ROUNDS}"
    if (cache / "done").exists():
        return cache
    shutil.rmtree(cache, ignore_errors=True)
    rco = RcoIdentity.generate()
    (cache / "1").mkdir(parents=True)
    (cache / "2").mkdir()
    (cache / "rco.json").write_text(str(rco.to_secret_hex()))
    enrollment = make_enrollment(rco, "Bench RCO")
    for i in range(DEVICES):
        folder = cache / "work"
        shutil.rmtree(folder, ignore_errors=True)
        vault, _ = Vault.create(folder, PASSPHRASE, params=kdf.minimum_params())
        with vault:
            demo.generate(vault, SMALL, seed=500 + i, notes_per_client=4, today=TODAY)
            caseload = Caseload(vault)
            ex.enroll(caseload, enrollment, rco.public.fingerprint)
            for r in range(ROUNDS):
                now = NOW + timedelta(days=r)
                for client in range(1, 6):
                    caseload.add_note(SessionNote(client, now, ContactMode.PHONE, "call"))
                for version in (1, 2):
                    out = cache / str(version)
                    path = ex.export(caseload, out, now=now, schema_version=version).path
                    path.rename(out / f"d{i:02d}-r{r}-{path.name}")
        shutil.rmtree(folder)
    (cache / "done").write_text("ok")
    return cache


def _store(tmp: Path, rco_hex: str, files: list[Path]) -> RcoDesk:
    """A fresh RCO store holding the bench RCO key, its devices registered and confirmed."""
    import ast
    import json

    from coachdesk.rco import desk as desk_module

    desk = new_rco(tmp)
    with desk.backend.transaction():
        desk.backend.set_meta(desk_module._IDENTITY, json.dumps(ast.literal_eval(rco_hex)))
    desk._identity = None
    seen: set[str] = set()
    with desk.backend.transaction():
        for path in files:
            opened = open_sealed(path.read_bytes(), desk.identity)
            if opened.device_id in seen:
                continue
            seen.add(opened.device_id)
            desk.backend.insert_device(
                Device(
                    opened.device_id,
                    opened.device_fingerprint,
                    opened.device_public_key,
                    DeviceStatus.CONFIRMED,
                ),
                "2026-01-01T00:00:00+00:00",
            )
    return desk


@pytest.mark.benchmark
@pytest.mark.timeout(7200)
def test_import_200_bundles_format2_against_format1(tmp_path: Path) -> None:
    cache = _bundle_sets()
    rco_hex = (cache / "rco.json").read_text()
    results: dict[int, float] = {}
    refresh: dict[int, float] = {}
    for version in (1, 2):
        files = expand_paths([cache / str(version)])
        assert len(files) == DEVICES * ROUNDS
        desk = _store(tmp_path / f"rco{version}", rco_hex, files)
        t0 = time.perf_counter()
        summary = desk.import_paths(files)
        results[version] = time.perf_counter() - t0
        assert summary.count(Outcome.IMPORTED) == len(files), summary.to_json()["files"][:2]
        t0 = time.perf_counter()
        fig = desk.figures(Filters("2026"))
        refresh[version] = time.perf_counter() - t0
        if version == 2:
            assert fig.values["people"] > 0 and fig.format1 is None
        desk.close()
    ratio = results[2] / results[1]
    print(
        f"\nimport of {DEVICES * ROUNDS} bundles ({DEVICES} devices x {ROUNDS} rounds, "
        f"{SMALL} clients each): format 2 {results[2]:.2f} s, format 1 {results[1]:.2f} s -> "
        f"ratio {ratio:.2f}x (target < 30 s)\n"
        f"  first figures after import (2026, cold): format 2 {refresh[2] * 1000:.0f} ms, "
        f"format 1 {refresh[1] * 1000:.0f} ms"
    )
    record(13, "import 200 format 2 bundles", results[2], "s", "< 30 s", ratio, "format 1")
    assert results[2] < 30
