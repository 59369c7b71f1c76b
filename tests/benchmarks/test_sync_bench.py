"""Benchmark: 100 waiting bundles (~50 KB each) sent to the local TLS WebDAV server.

Baselines measured in the same run on the same bytes: raw keep-alive PUTs (no HEAD, no MOVE,
no outbox bookkeeping) and the folder transport (sync_once to a local folder).
Run: python -m pytest tests/benchmarks/test_sync_bench.py -m benchmark -s
"""

from __future__ import annotations

import base64
import http.client
import shutil
import ssl
import time
from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.transports import Delivery
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.storage.vault import Vault
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE
from tests.sync_helpers import add_bundles, dav_transport
from tests.webdav_server import PASSWORD, USER, DavServer, Pki

pytest_plugins = ["tests.sync_fixtures"]
COUNT, SIZE = 100, 50_000


def _vault_copy(template: tuple[Path, str], target: Path) -> Vault:
    shutil.copytree(template[0], target)
    vault = Vault.open(target, PASSPHRASE)
    add_bundles(vault, COUNT, size=SIZE)
    return vault


@pytest.mark.benchmark
@pytest.mark.timeout(300)
def test_sync_100_bundles_over_webdav(
    template_vault: tuple[Path, str], tmp_path: Path, dav: DavServer, pki: Pki
) -> None:
    with _vault_copy(template_vault, tmp_path / "v1") as vault:
        transport = dav_transport(dav.url, pki)
        in_deliver = [0.0]
        deliver = transport.deliver

        def timed(file_name: str, data: bytes) -> Delivery:
            t0 = time.perf_counter()
            try:
                return deliver(file_name, data)
            finally:
                in_deliver[0] += time.perf_counter() - t0

        transport.deliver = timed  # type: ignore[method-assign]
        started = time.perf_counter()
        report = sync.sync_once(vault, transport, fetch_directory=False)
        webdav = time.perf_counter() - started
        assert report.ok and len(report.sent) == COUNT
        payloads = [bytes(i.sealed) for i in sync.outbox.items(vault.conn)]
    assert len(dav.files()) == COUNT

    # Baseline 1: the same bytes as bare PUTs on one keep-alive TLS connection.
    context = ssl.create_default_context(cadata=pki.ca_pem)
    conn = http.client.HTTPSConnection("127.0.0.1", dav.port, context=context, timeout=20)
    auth = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    started = time.perf_counter()
    for n, data in enumerate(payloads):
        conn.request("PUT", f"/inbox/raw-{n:03d}.bin", body=data, headers={"Authorization": auth})
        response = conn.getresponse()
        response.read()
        assert response.status in (201, 204)
    raw = time.perf_counter() - started
    conn.close()

    # Baseline 2: the same use case to a local folder (fsync + rename per bundle).
    with _vault_copy(template_vault, tmp_path / "v2") as vault:
        folder = tmp_path / "stick"
        folder.mkdir()
        started = time.perf_counter()
        report = sync.sync_once(vault, FolderTransport(folder), fetch_directory=False)
        local = time.perf_counter() - started
        assert len(report.sent) == COUNT

    megabytes = COUNT * SIZE / 1e6
    print()
    print(f"sync {COUNT} bundles x {SIZE // 1000} KB ({megabytes:.1f} MB)")
    print(
        f"  WebDAV sync_once (HEAD+PUT+MOVE, outbox): {webdav:6.2f} s  "
        f"{COUNT / webdav:6.1f} bundles/s  {megabytes / webdav:5.1f} MB/s"
    )
    print(
        f"    of which HTTP (HEAD+PUT+MOVE): {in_deliver[0]:.2f} s; "
        f"vault bookkeeping (commits, audit): {webdav - in_deliver[0]:.2f} s"
    )
    print(f"  baseline raw PUTs, same connection:       {raw:6.2f} s  {COUNT / raw:6.1f} bundles/s")
    print(
        f"  baseline folder sync_once:                {local:6.2f} s  "
        f"{COUNT / local:6.1f} bundles/s"
    )
    record(
        6,
        "sync 100 bundles x 50 KB over WebDAV",
        webdav,
        "s",
        "-",
        webdav / raw,
        "raw PUTs on the same connection",
    )
    print(f"  ratio WebDAV / raw PUTs:  {webdav / raw:5.2f}")
    print(f"  ratio WebDAV / folder:    {webdav / local:5.2f}")
