"""Fixtures for tests against the real servers; load with
`pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]` (pki comes from the first).

Each fixture starts its server for one test and stops it after.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.apache import ApacheDav
from tests.servers.nginx import NginxDav
from tests.servers.tinyproxy import TinyProxy
from tests.webdav_server import Pki

DavBackend = NginxDav | ApacheDav


@pytest.fixture
def nginx(pki: Pki) -> Iterator[NginxDav]:
    server = NginxDav(pki)
    yield server
    server.stop()


@pytest.fixture
def apache(pki: Pki) -> Iterator[ApacheDav]:
    server = ApacheDav(pki)
    yield server
    server.stop()


@pytest.fixture(params=["nginx", "apache"])
def dav_server(request: pytest.FixtureRequest, pki: Pki) -> Iterator[DavBackend]:
    """Each test twice: against nginx's dav module (no PROPFIND) and Apache's mod_dav."""
    server: DavBackend = NginxDav(pki) if request.param == "nginx" else ApacheDav(pki)
    yield server
    server.stop()


@pytest.fixture
def proxy() -> Iterator[TinyProxy]:
    """tinyproxy on 127.0.0.1 asking for Basic proxy credentials."""
    server = TinyProxy(auth=True)
    yield server
    server.stop()
