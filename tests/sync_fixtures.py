"""Fixtures for the sync tests; load with `pytest_plugins = ["tests.sync_fixtures"]`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.webdav_server import DavServer, Pki, make_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def dav(tmp_path: Path, pki: Pki) -> Iterator[DavServer]:
    server = DavServer(tmp_path / "dav-root", pki)
    yield server
    server.stop()
