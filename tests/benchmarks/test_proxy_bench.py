"""Benchmark: sync through the facility's HTTP proxy against direct sync, in the same run.

100 waiting bundles (~50 KB each) sent by sync_once to Debian's nginx dav module over TLS,
once directly and once through tinyproxy (CONNECT tunnel, Basic proxy auth), each on a fresh
copy of the same vault; the probe (PROPFIND -> 405 -> HEAD) is timed both ways too.
Run: python -m pytest tests/benchmarks/test_proxy_bench.py -m benchmark -s
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import pytest

from coachdesk.exchange import sync
from coachdesk.exchange.transports.webdav import (
    ProxyMode,
    ProxySettings,
    WebDavSettings,
    WebDavTransport,
)
from coachdesk.storage.vault import Vault
from tests.benchmarks.report import record
from tests.conftest import PASSPHRASE
from tests.servers.nginx import NginxDav
from tests.servers.tinyproxy import PROXY_PASSWORD, PROXY_USER, TinyProxy
from tests.sync_helpers import FAST, add_bundles
from tests.webdav_server import PASSWORD, USER, Pki

pytest_plugins = ["tests.sync_fixtures", "tests.servers.fixtures"]
COUNT, SIZE, PROBES = 100, 50_000, 20


def _sync(template: tuple[Path, str], target: Path, settings: WebDavSettings) -> float:
    shutil.copytree(template[0], target)
    with Vault.open(target, PASSPHRASE) as vault:
        add_bundles(vault, COUNT, size=SIZE)
        started = time.perf_counter()
        report = sync.sync_once(vault, WebDavTransport(settings, FAST), fetch_directory=False)
        elapsed = time.perf_counter() - started
        assert report.ok and len(report.sent) == COUNT, report.lines
    return elapsed


def _probe(settings: WebDavSettings) -> float:
    times = []
    for _ in range(PROBES):
        transport = WebDavTransport(settings, FAST)
        started = time.perf_counter()
        transport.probe()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


@pytest.mark.benchmark
@pytest.mark.timeout(300)
def test_sync_through_the_proxy_against_direct(
    template_vault: tuple[Path, str], tmp_path: Path, nginx: NginxDav, proxy: TinyProxy, pki: Pki
) -> None:
    direct = WebDavSettings(nginx.url, USER, PASSWORD, pki.ca_pem, ProxySettings(ProxyMode.DIRECT))
    proxied = WebDavSettings(
        nginx.url,
        USER,
        PASSWORD,
        pki.ca_pem,
        ProxySettings(ProxyMode.MANUAL, proxy.url, PROXY_USER, PROXY_PASSWORD),
    )
    # Alternate the two (direct, proxy, direct, proxy) and keep each one's best: less noise
    # from the other engineers' load on the shared cores.
    runs: dict[str, list[float]] = {"direct": [], "proxy": []}
    for round_ in range(2):
        for name, settings in (("direct", direct), ("proxy", proxied)):
            target = tmp_path / f"{name}-{round_}"
            runs[name].append(_sync(template_vault, target, settings))
            for path in nginx.root.iterdir():
                path.unlink()
    assert proxy.connects()
    best_direct, best_proxy = min(runs["direct"]), min(runs["proxy"])
    probe_direct, probe_proxy = _probe(direct), _probe(proxied)
    megabytes = COUNT * SIZE / 1e6
    print()
    print(f"sync {COUNT} bundles x {SIZE // 1000} KB ({megabytes:.1f} MB) to nginx dav over TLS")
    print(f"  direct:            {best_direct:6.2f} s  {COUNT / best_direct:6.1f} bundles/s")
    print(f"  through tinyproxy: {best_proxy:6.2f} s  {COUNT / best_proxy:6.1f} bundles/s")
    print(f"  ratio proxy / direct: {best_proxy / best_direct:5.2f}")
    print(
        f"  probe (median of {PROBES}): direct {probe_direct * 1000:.1f} ms, "
        f"through the proxy {probe_proxy * 1000:.1f} ms "
        f"(ratio {probe_proxy / probe_direct:.2f})"
    )
    record(
        14,
        "sync 100 bundles x 50 KB through an HTTP proxy (tinyproxy -> nginx dav)",
        best_proxy,
        "s",
        "-",
        best_proxy / best_direct,
        "direct sync to the same server",
    )
    record(
        14,
        "inbox probe through an HTTP proxy",
        probe_proxy * 1000,
        "ms",
        "-",
        probe_proxy / probe_direct,
        "direct probe",
    )
