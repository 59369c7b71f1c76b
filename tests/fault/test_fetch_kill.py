"""kill -9 of `coachdesk rco fetch` at random moments, against real WebDAV servers.

Each round, a coach's new bundle (now and then with a re-delivered old one) lands in the
inbox; a child process runs exactly `coachdesk rco fetch STORE` (cli.main, forked so that no
round pays Python's start-up) and is sent SIGKILL after a random delay; some runs finish
first. After
every round:
- the store opens and passes its checks;
- no bundle left the inbox unless it is committed in the store (imported, or held pending);
- no bundle is in the store twice, no counter is flagged.
Last, one uninterrupted fetch: every bundle imported exactly once (or pending, for the coach
not confirmed), none left in the inbox, all in processed/.

Half the rounds run against nginx's dav module (no PROPFIND: the JSON folder listing), half
against Apache mod_dav (PROPFIND Depth 1). COACHDESK_FETCH_KILL_ROUNDS sets the rounds (100).

The store's Argon2id key derivation (0.5 s at its floor) is memoized in this process, so the
forked fetches and the checks do not spend each round unlocking (that is not what is cut
here); everything else is the real command on the real encrypted store.
"""

from __future__ import annotations

import functools
import os
import random
import signal
import statistics
import time
from pathlib import Path

import pytest

import coachdesk.cli.main  # imported once here; each forked fetch starts from it
from coachdesk.crypto import kdf
from coachdesk.exchange.transports.webdav import ProxyMode, ProxySettings, WebDavSettings
from coachdesk.rco import fetch
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from tests.conftest import PASSPHRASE
from tests.servers.apache import ApacheDav
from tests.servers.nginx import NginxDav
from tests.servers.rco_world import World, make_world
from tests.webdav_server import PASSWORD, USER, Pki

pytest_plugins = ["tests.sync_fixtures"]
ROUNDS = int(os.environ.get("COACHDESK_FETCH_KILL_ROUNDS", "100"))
NEW_PER_ROUND = 1


def _run_fetch(store: Path, kill_after: float | None) -> tuple[bool, int]:
    """Fork a child that runs `coachdesk rco fetch STORE`; (killed, exit status)."""
    pid = os.fork()
    if pid == 0:  # the child: the real command, output discarded
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.environ["COACHDESK_PASSPHRASE"] = PASSPHRASE
            code = coachdesk.cli.main.main(["rco", "fetch", str(store)])
        except BaseException:
            code = 99
        os._exit(code)
    killed = False
    if kill_after is not None:
        deadline = time.monotonic() + kill_after
        while time.monotonic() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                return False, os.waitstatus_to_exitcode(status)
            time.sleep(0.002)
        os.kill(pid, signal.SIGKILL)
        killed = True
    _, status = os.waitpid(pid, 0)
    return killed, os.waitstatus_to_exitcode(status)


def _check_round(desk: RcoDesk, server: NginxDav | ApacheDav, world: World) -> set[str]:
    """The invariants; returns the names committed in the store."""
    bundles = desk.bundles()
    assert len({b.bundle_id for b in bundles}) == len(bundles)
    assert not [f for f in desk.flags()], "a counter was flagged: a bundle imported twice?"
    committed = {b.file_name for b in bundles}
    for device in desk.devices():
        committed |= {p.file_name for p in desk.backend.pending_for(device.device_id)}
    processed = set(server.files("processed")) if (server.root / "processed").exists() else set()
    assert processed <= committed, f"left the inbox before its commit: {processed - committed}"
    assert not (server.root / "rejected").exists()
    return committed


@pytest.mark.slow
@pytest.mark.timeout(900)  # making the bundles takes minutes on a loaded machine
def test_fetch_killed_at_random_moments_loses_nothing_and_imports_nothing_twice(
    tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kdf, "derive", functools.lru_cache(maxsize=16)(kdf.derive))
    rng = random.Random(int(os.environ.get("COACHDESK_FETCH_KILL_SEED", "14")))
    per_server = max(1, ROUNDS // 2)
    total_new = (per_server + 1) * NEW_PER_ROUND  # + the timing run's
    made = time.monotonic()
    world = make_world(
        tmp_path / "world",
        confirmed=total_new - total_new // 8,
        unknown=total_new // 8,
        clients=6,  # small bundles: the protocol is under test, not the importer's speed
    )
    made = time.monotonic() - made
    names = sorted(world.bundles)  # counter order for each coach, as their syncs deliver
    stats = {"rounds": 0, "killed": 0, "finished": 0}
    built = time.monotonic()
    for kind in ("nginx", "apache"):
        server: NginxDav | ApacheDav = NginxDav(pki) if kind == "nginx" else ApacheDav(pki)
        store = tmp_path / f"store-{kind}"
        world.open_copy(store).close()
        try:
            with RcoDesk.open(store, PASSPHRASE) as desk:
                settings = WebDavSettings(
                    server.url, USER, PASSWORD, pki.ca_pem, ProxySettings(ProxyMode.DIRECT)
                )
                fetch.save_fetch_settings(desk, fetch.FetchSettings(settings))
            queue = list(names)
            # How long an uninterrupted fetch of one round's bundles takes here.
            for name in queue[:NEW_PER_ROUND]:
                (server.root / name).write_bytes(world.bundles[name])
            started = time.monotonic()
            assert _run_fetch(store, None) == (False, 0)
            # The run times of the last uninterrupted fetches: the kill window follows them,
            # so the share of runs really cut holds however loaded the machine is.
            durations = [time.monotonic() - started]
            del queue[:NEW_PER_ROUND]
            seen: list[str] = []
            for _ in range(per_server):
                for name in queue[:NEW_PER_ROUND]:
                    (server.root / name).write_bytes(world.bundles[name])
                    seen.append(name)
                del queue[:NEW_PER_ROUND]
                if seen and rng.random() < 0.3:  # a coach's sync delivered one again
                    again = rng.choice(seen)
                    (server.root / again).write_bytes(world.bundles[again])
                window = statistics.median(durations[-9:]) * 1.6
                started = time.monotonic()
                killed, code = _run_fetch(store, rng.uniform(0, window))
                if not killed:
                    durations.append(time.monotonic() - started)
                assert killed or code in (0, 1), code
                stats["rounds"] += 1
                stats["killed" if killed else "finished"] += 1
                with RcoDesk.open(store, PASSPHRASE) as desk:
                    _check_round(desk, server, world)
            for name in queue:
                (server.root / name).write_bytes(world.bundles[name])
            assert _run_fetch(store, None) == (False, 0)
            with RcoDesk.open(store, PASSPHRASE) as desk:
                committed = _check_round(desk, server, world)
                assert committed >= set(world.bundles)
                imported = {b.file_name for b in desk.bundles()}
                assert set(world.confirmed) <= imported
                assert not set(world.unknown) & imported  # still waiting for confirmation
                report = fetch.fetch_inbox(desk)  # nothing left to do
                assert report.ok and report.listed == 0
                assert not [r for r in report.summary.results if r.outcome != Outcome.IMPORTED]
            left = [n for n in server.files() if n.endswith(".cdbundle")]
            assert left == []
            assert set(server.files("processed")) == set(world.bundles)
        finally:
            server.stop()
    loop = time.monotonic() - built
    print(f"\nfetch kill loop: {stats} in {loop:.1f} s ({made:.1f} s to make the bundles)")
    assert stats["rounds"] >= ROUNDS - 1
    assert stats["killed"] >= stats["rounds"] // 3  # many rounds were really cut
