"""Fixtures of the hand-off tests: `synced_world`, two coaches who have the roster."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.exchange.transports.folder import FolderTransport
from tests.handoff.world import World, make_world, sync


@pytest.fixture
def synced_world(tmp_path: Path) -> Iterator[World]:
    w = make_world(tmp_path)
    for coach in (w.ada, w.ben):
        sync(coach, FolderTransport(w.stick))
    yield w
    w.close()
