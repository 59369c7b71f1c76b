"""The dashboard's reads on PostgreSQL (issue 14: refresh < 300 ms at 500 coaches) return what
the SQLite store returns, row for row and in the same order: the skip scan of the (period,
setting) pairs, one period's cells sorted by the desk, the counts kept as text (migration 0005,
which also converts a store made with jsonb counts)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.storage import rco_pg as storage_pg
from tests.conftest import PASSPHRASE
from tests.servers.postgres import PostgresServer, confirm_all, make_bundles, new_desk


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


def _reads(desk: RcoDesk) -> tuple[object, ...]:
    b = desk.backend
    keys = b.period_settings()
    cells = {
        p: [(c.device_id, c.period, c.setting, c.counts) for c in b.list_period_cells(p)]
        for p, _ in keys
    }
    return keys, cells, desk.figures(metrics.Filters())


def test_dashboard_reads_equal_on_both_backends(tmp_path: Path, server: PostgresServer) -> None:
    paths = make_bundles(tmp_path / "in", devices=3, per_device=2, copies=0)
    got = []
    for kind in ("sqlite", "postgres"):
        with new_desk(tmp_path, kind, server.new_database()) as desk:
            assert desk.backend.period_settings() == []  # the skip scan of an empty table
            desk.import_paths(paths)
            confirm_all(desk)
            every = desk.backend.list_period_cells()
            assert desk.backend.period_settings() == sorted({(c.period, c.setting) for c in every})
            keys, cells, figures = _reads(desk)
            assert len(keys) > 5 and len({s for _, s in keys}) > 1
            for period, rows in cells.items():
                assert rows == sorted(r for r in rows)  # device, then setting
                assert len(rows) == sum(c.period == period for c in every)
            got.append((keys, cells, figures))
    assert got[0] == got[1]


def test_a_store_with_jsonb_counts_is_migrated_to_text(
    tmp_path: Path, server: PostgresServer
) -> None:
    """A store of schema 4 (counts as jsonb) opened by this version: the same cells, as text."""
    paths = make_bundles(tmp_path / "in", devices=2, per_device=2, copies=0)
    with new_desk(tmp_path, "postgres", server.new_database()) as desk:
        desk.import_paths(paths)
        confirm_all(desk)
        before = _reads(desk)
        raw = desk.backend.conn.raw
        raw.execute("ALTER TABLE period_cells ALTER COLUMN counts TYPE jsonb USING counts::jsonb")
        raw.execute("UPDATE coachdesk_store SET schema_version = 4")
    with RcoDesk.open(tmp_path / "postgres", PASSPHRASE) as desk:
        backend: storage_pg.PostgresBackend = desk.backend  # type: ignore[assignment]
        assert storage_pg.schema_version_of(backend) == (5, 5)
        (kind,) = backend.conn.raw.execute(
            "SELECT data_type FROM information_schema.columns "
            "WHERE table_name = 'period_cells' AND column_name = 'counts'"
        ).fetchone()
        assert kind == "text"
        assert _reads(desk) == before
