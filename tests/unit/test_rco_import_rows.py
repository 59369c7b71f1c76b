"""The import's write paths of issue 14 store exactly what the SQL of rco_repos stores: on
PostgreSQL a bundle's episodes and period cells go as one JSON array each (rco_pg), on SQLite
the JSON columns are encoded by a C encoder made once. Same rows, same text."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.model import Coverage, Device, DeviceStatus, Episode, PeriodCell, ReferralCount
from coachdesk.rco.store import SqliteBackend
from coachdesk.storage import rco_repos
from tests.servers.postgres import PostgresServer, confirm_all, make_bundles, new_desk


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    started = PostgresServer()
    yield started
    started.stop()


@pytest.mark.parametrize(
    "value",
    [
        {"b": [1, 0], "a": {"z": None, "é": True, "y": 2.5}},
        ["moud", "harm_reduction"],
        {"baseline": {"housing": "stable", "days_used": 0, "overdose": False}},
        "plain",
        [math.inf, -0.0, 1e300, '\u2028\n"\\'],
        {},
    ],
)
def test_sorted_encoder_writes_what_json_dumps_writes(value: Any) -> None:
    assert rco_repos._encode_sorted(value) == json.dumps(value, sort_keys=True)


def _rows(desk: RcoDesk) -> dict[str, list[tuple[Any, ...]]]:
    raw = desk.backend.conn.raw  # type: ignore[attr-defined]
    columns = ", ".join(c for c in rco_repos.EPISODE_COLUMNS)
    return {
        "episodes": raw.execute(
            f"SELECT {columns} FROM episodes ORDER BY device_id, pseudonym"
        ).fetchall(),
        "cells": raw.execute(
            "SELECT device_id, period, setting, counts, counter, bundle_id FROM period_cells "
            "ORDER BY device_id, period, setting"
        ).fetchall(),
        "coverage": raw.execute("SELECT * FROM coverage ORDER BY device_id").fetchall(),
    }


def _sql_path(desk: RcoDesk) -> RcoDesk:
    """The desk's PostgreSQL backend writing through rco_repos's SQL (the path before)."""
    backend = desk.backend
    for name in ("upsert_episodes", "replace_period_cells"):
        setattr(backend, name, functools.partial(getattr(SqliteBackend, name), backend))
    return desk


def test_postgres_import_writes_the_rows_the_sql_path_writes(
    tmp_path: Path, server: PostgresServer
) -> None:
    # counters 1-3 of 3 devices, one counter repeated (flagged), 40 clients each: every
    # episode inserted, then updated twice; every device's cells replaced twice
    paths = make_bundles(tmp_path / "in", devices=3, per_device=3, copies=1, clients=40)
    got = []
    for name, prepare in (("json", lambda d: d), ("sql", _sql_path)):
        desk = prepare(new_desk(tmp_path / name, "postgres", server.new_database()))
        with desk:
            desk.import_paths([p for p in paths if "-c0001-" in p.name])
            confirm_all(desk)
            desk.import_paths([p for p in paths if "-c0001-" not in p.name])
            assert [f.kind for f in desk.flags()] == ["counter_repeated"]
            got.append(_rows(desk))
    assert got[0] == got[1]
    assert len(got[0]["episodes"]) == 3 * 40 and got[0]["cells"]
    assert {row[15] for row in got[0]["episodes"]} == {3}  # the newest counter everywhere


def test_postgres_writes_any_text_as_given(tmp_path: Path, server: PostgresServer) -> None:
    """Text outside the payload's vocabularies (the store's layer does not check it): the JSON
    array keeps non-ASCII, quotes, backslashes and nulls as the SQL path does."""
    got = []
    for name, prepare in (("json", lambda d: d), ("sql", _sql_path)):
        desk = prepare(new_desk(tmp_path / name, "postgres", server.new_database()))
        with desk:
            b = desk.backend
            with b.transaction():
                b.insert_device(Device("d1", "F" * 39, "k", DeviceStatus.CONFIRMED), "2026-03-01")
                episode = Episode(
                    "d1",
                    "p1",
                    'comunidad "é" \\ ñ',
                    "",
                    "",
                    "active",
                    None,
                    ("a", "b"),
                    "x",
                    1,
                    2,
                    3,
                    {"detox": ReferralCount(2, 1)},
                    {"baseline": 20},
                    {"baseline": {"housing": None, "note": "ü\n"}},
                    1,
                    "b1",
                    "2026-Q1",
                    "2026-Q1",
                )
                b.upsert_episodes([episode, Episode("d1", "p2", "", "", "", "active")])
                coverage = Coverage("d1", 1, "b1", "2026-03-01", None, "2026-Q1", 1)
                cell = PeriodCell("d1", "2026-Q1", "community", {"people": 2, "sessions": 5})
                b.replace_period_cells(coverage, ["2026-Q1", "2026", "all"], [cell])
            got.append(_rows(desk))
    assert got[0] == got[1]
    assert got[0]["episodes"][0][2] == 'comunidad "é" \\ ñ'
    assert got[0]["episodes"][0][6] is None
