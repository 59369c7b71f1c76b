"""Format 1 bundles made by CoachDesk before format 2 (tests/fixtures/format1, written at commit
de66ca1 from the old-vault fixtures v1-v3 and a demo vault, sealed for the RCO store beside
them) still import into a store this CoachDesk upgrades, and are labelled as format 1 in the
figures: estimates in a section of their own, never mixed with the exact format 2 figures."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.rco.metrics import Filters
from coachdesk.rco.report import FORMAT1_SECTION, build_report, csv_text
from coachdesk.storage import migrate
from tests.conftest import REPO

FIXTURE = REPO / "tests/fixtures/format1"
PASSPHRASE = "old rco passphrase"


def test_format1_bundles_import_and_are_labelled(tmp_path: Path) -> None:
    store = tmp_path / "rco"
    shutil.copytree(FIXTURE / "rco", store)
    # imported when they were new (format 1 periods are import quarters)
    with RcoDesk.open(store, PASSPHRASE, clock=lambda: datetime(2025, 10, 1, tzinfo=UTC)) as desk:
        assert migrate.current_version(desk.backend.store.conn) == migrate.schema_version(  # type: ignore[attr-defined]
            migrate.RCO
        )
        summary = desk.import_paths([FIXTURE / "bundles"])
        assert summary.count(Outcome.PENDING) == 4, summary.to_json()
        for device in desk.devices():
            confirmed = desk.confirm_device(device.fingerprint, f"Old {device.fingerprint[:4]}")
            assert confirmed.count(Outcome.IMPORTED) == 1
        assert [b.format for b in desk.bundles()] == [1, 1, 1, 1]
        assert len(desk.episodes()) == 33  # 3 fixture clients + 30 demo clients
        fig = desk.figures(Filters("2025"))
        assert fig.empty  # nothing exact: no format 2 data
        assert fig.format1 is not None and fig.format1.values["people"] == 33
        assert {c.format for c in fig.completeness} == {1}
        report = build_report(desk, "2025")
        estimates = [r for r in report.rows if r.section == FORMAT1_SECTION]
        assert estimates and estimates[0].value == 33
        assert "sent only format 1 bundles" in csv_text(report)
        assert any("format 1" in m for m in report.methods)
