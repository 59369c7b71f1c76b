"""Concurrent importers on one PostgreSQL store (a real server started by the test): 4 importer
processes fed the same sealed bundles at once. Each bundle is imported exactly once, counters
and replay flags come out right, nothing deadlocks, the audit chain stays one chain, and the
figures equal those of a single importer (SQLite) fed the same files.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from tests.conftest import PASSPHRASE
from tests.servers.postgres import NOW, PostgresServer, confirm_all, make_bundles, new_desk, race

IMPORTERS = 4
# 98 devices x 5 racing counters + 10 copies: the 500 bundles fed to 4 importers at once
DEVICES = int(os.environ.get("COACHDESK_PG_DEVICES", "98"))
PER_DEVICE = 6  # counter 1 is imported (and the device confirmed) before the race
COPIES = 10  # devices whose counter 2 arrives twice under two bundle ids (a restored vault)


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


def test_four_importers_import_each_bundle_once(tmp_path: Path, server: PostgresServer) -> None:
    files = make_bundles(tmp_path / "in", DEVICES, PER_DEVICE, copies=COPIES, copy_counter=2)
    first = [p for p in files if "-c0001-" in p.name]
    racing = [p for p in files if p not in first]
    assert len(racing) == DEVICES * (PER_DEVICE - 1) + COPIES

    with new_desk(tmp_path, "postgres", server.url) as desk:
        desk.import_paths(first)
        confirm_all(desk)
    rows = race(tmp_path / "postgres", racing, IMPORTERS).rows

    # every racing file was answered by every importer; each bundle imported exactly once
    assert len(rows) == IMPORTERS * len(racing)
    done = Counter(b for _, b, outcome, _ in rows if outcome in ("imported", "flagged"))
    assert set(done.values()) == {1} and len(done) == len(racing)
    assert {o for _, _, o, _ in rows} <= {"imported", "flagged", "already_present"}
    assert not [r for r in rows if r[2] == "rejected"], rows

    with RcoDesk.open(tmp_path / "postgres", PASSPHRASE, clock=lambda: NOW) as desk:
        assert len(desk.bundles()) == len(files)
        kinds = Counter(f.kind for f in desk.flags())
        assert kinds == Counter({"counter_repeated": COPIES})  # one per copy, none backwards
        for device in desk.devices():
            assert device.last_counter == PER_DEVICE
            assert device.bundles in (PER_DEVICE, PER_DEVICE + 1)
        assert sum(d.bundles for d in desk.devices()) == len(files)
        assert desk.backend.count_episodes() == DEVICES * 30
        assert {e.counter for e in desk.episodes()} == {PER_DEVICE}
        assert desk.backend.audit_broken_at() is None  # one chain, never forked
        imports = [e for e in desk.backend.audit_entries() if e.action == "import"]
        assert len(imports) == len(first) + DEVICES + len(rows)  # pending, confirmed, raced
        raced = desk.figures(metrics.Filters())
        raced_quarter = desk.figures(metrics.Filters(period="2026-Q1"))

    with new_desk(tmp_path, "sqlite") as single:
        single.import_paths(first)
        confirm_all(single)
        single.import_paths(racing)
        assert single.figures(metrics.Filters()) == raced
        assert single.figures(metrics.Filters(period="2026-Q1")) == raced_quarter
