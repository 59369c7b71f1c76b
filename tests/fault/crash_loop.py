"""One crash loop over every operation that writes: kill -9 at random moments, then prove that
nothing acknowledged was lost and that every store is intact.

Each round picks an operation at random and runs it as its own process, the way a coach or a
supervisor runs it, then kills it with SIGKILL after a random delay (some runs finish first;
the report counts how many were cut mid-run):

- notes:  tests.fault.crash_writer adds clients, notes, plans and BARC-10s, one transaction
          each, acknowledging each after COMMIT;
- demo:   `coachdesk demo-data` (one transaction: all its clients or none);
- export: `coachdesk export` (a sealed bundle in the out folder, queued in the outbox);
- sync:   `coachdesk sync --folder` (the outbox copied to a USB-stick folder);
- import: `coachdesk rco import` of the stick and the out folder into the RCO store.

After every round the store that was written passes its integrity checks and the operation's
own promises hold (no partial file, no counter used twice, a bundle all in or all out, a demo
caseload all there or absent). Every VERIFY_EVERY rounds and at the end, every record that was
ever acknowledged is looked up. Last, an uninterrupted sync and import must deliver every
export, with no counter flagged at the RCO.

    python -m tests.fault.crash_loop --rounds 1000        # the long run, on demand
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange import export
from coachdesk.i18n import catalog
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import open_sealed
from coachdesk.storage import outbox
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.outbox import OutboxState
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO
from tests.rco_support import new_coach, new_rco

OPERATIONS = ("notes", "demo", "export", "sync", "import")
FIRST_CLIENTS = 30
DEMO_CLIENTS = 20
VERIFY_EVERY = 25
SPARED = 0.15  # the share of runs (other than the endless notes writer) not killed


@dataclass
class Ledger:
    """What the processes acknowledged before they were killed (or finished)."""

    records: list[str] = field(default_factory=list)  # crash_writer lines: "note 17", ...
    demo_runs: int = 0  # demo-data runs that finished
    demo_killed: int = 0  # killed ones: each may have committed just before the kill
    exports: dict[str, int] = field(default_factory=dict)  # bundle id -> counter
    imported: set[str] = field(default_factory=set)  # bundle ids a finished import confirmed


@dataclass
class Tally:
    rounds: Counter[str] = field(default_factory=Counter)
    killed: Counter[str] = field(default_factory=Counter)  # cut mid-run
    finished: Counter[str] = field(default_factory=Counter)

    def table(self) -> str:
        lines = [f"{'operation':<10}{'rounds':>8}{'killed mid-run':>16}{'finished':>10}"]
        for op in OPERATIONS:
            lines.append(
                f"{op:<10}{self.rounds[op]:>8}{self.killed[op]:>16}{self.finished[op]:>10}"
            )
        total = sum(self.rounds.values()), sum(self.killed.values())
        lines.append(f"{'all':<10}{total[0]:>8}{total[1]:>16}{sum(self.finished.values()):>10}")
        return "\n".join(lines)


@dataclass
class World:
    root: Path
    vault: Path
    store: Path
    out: Path
    stick: Path
    rco: RcoIdentity
    ledger: Ledger = field(default_factory=Ledger)
    tally: Tally = field(default_factory=Tally)
    # How long an uninterrupted run of each operation took last: kills are spread over it.
    typical: dict[str, float] = field(default_factory=lambda: dict.fromkeys(OPERATIONS, 1.5))
    # How long a run takes to load CoachDesk and to open (derive the key, check every page of)
    # the vault or the RCO store: kills come after that, where the writing is.
    startup: float = 0.0
    opening: dict[str, float] = field(default_factory=lambda: {"vault": 0.0, "store": 0.0})
    # Export numbers reserved by a run that was killed before its bundle was queued (gaps).
    export_gaps: int = 0

    def report(self) -> str:
        ledger = self.ledger
        return (
            f"{self.tally.table()}\nacknowledged, then found after the kills: "
            f"{len(ledger.records)} writer records, {ledger.demo_runs} demo caseloads, "
            f"{len(ledger.exports)} exports, {len(ledger.imported)} imported bundles; "
            f"{self.export_gaps} exports cut after reserving their number"
        )


def build(root: Path) -> World:
    """A coach vault with a caseload, enrolled with an RCO store that confirmed its device."""
    desk = new_rco(root / "rco")
    (root / "coach").mkdir()
    coach = new_coach(root / "coach", desk.enrollment(), desk.fingerprint, FIRST_CLIENTS, 1)
    try:
        first = coach.export()
        desk.import_paths([first])
        desk.confirm_device(coach.fingerprint)
        rco = desk.identity
        bundle_id = desk.bundles()[0].bundle_id
    finally:
        coach.close()
        desk.close()
    stick = root / "stick"
    stick.mkdir()
    world = World(root, root / "coach" / "vault", root / "rco", coach.out, stick, rco)
    world.ledger.exports[bundle_id] = 1
    world.ledger.imported.add(bundle_id)
    started = time.monotonic()
    version = [sys.executable, "-m", "coachdesk", "--version"]
    subprocess.run(version, check=True, capture_output=True, cwd=REPO)
    world.startup = time.monotonic() - started
    return world


def _env() -> dict[str, str]:
    """Read when a child starts, so it gets the test's isolated home folders."""
    return {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}


# -- running one operation ---------------------------------------------------------------------


def _command(world: World, op: str, rng: random.Random) -> list[str]:
    run = [sys.executable, "-m"]
    if op == "notes":
        return [*run, "tests.fault.crash_writer", str(world.vault)]
    if op == "demo":
        size = ["--clients", str(DEMO_CLIENTS), "--notes-per-client", "8"]
        seed = ["--seed", str(rng.randrange(10**6))]
        return [*run, "coachdesk", "demo-data", str(world.vault), *size, *seed]
    if op == "export":
        return [*run, "coachdesk", "export", str(world.vault), str(world.out), "--json"]
    if op == "sync":
        return [*run, "coachdesk", "sync", str(world.vault), "--folder", str(world.stick)]
    folders = [str(world.stick), str(world.out)]
    return [*run, "coachdesk", "rco", "import", str(world.store), *folders, "--json"]


def run_round(world: World, op: str, rng: random.Random) -> None:
    started = time.monotonic()
    child = subprocess.Popen(
        _command(world, op, rng),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
        cwd=REPO,
    )
    assert child.stdout is not None
    # Some runs go uninterrupted: the caseload moves on, and their time tells how long a run
    # takes now, so the kills are spread over the whole of a run.
    spared = op != "notes" and rng.random() < SPARED
    if op == "notes":  # an endless writer: wait until it is writing, then cut it soon
        ready = child.stdout.readline().strip()
        assert ready == "ready", f"the writer did not start: {ready!r}"
        time.sleep(rng.uniform(0.0, 0.3))
    elif not spared:
        before_work = world.startup + world.opening["store" if op == "import" else "vault"]
        cut = rng.uniform(min(before_work, world.typical[op]), 1.1 * world.typical[op])
        while child.poll() is None and time.monotonic() < started + cut:
            time.sleep(0.005)
    killed = not spared and child.poll() is None
    if killed:
        os.kill(child.pid, signal.SIGKILL)
    out, err = child.communicate(timeout=300)  # a spared run is read as it writes: no full pipe
    world.tally.rounds[op] += 1
    if killed:
        world.tally.killed[op] += 1
    else:
        assert child.returncode == 0, f"{op} failed on its own: {err.strip()[-400:]}"
        world.tally.finished[op] += 1
        world.typical[op] = time.monotonic() - started
    _acknowledge(world, op, out, finished=not killed)
    CHECKS[op](world)


LATE_DELIVERY = re.compile(
    re.escape(catalog.pattern("rco.desk.counter_backwards"))
    .replace(r"\{counter\}", r"\d+")
    .replace(r"\{last\}", r"\d+")
)


def _acknowledge(world: World, op: str, out: str, finished: bool) -> None:
    ledger = world.ledger
    if op == "notes":
        # A line cut by the kill was never acknowledged as a whole: drop it.
        ledger.records += [line for line in out.split("\n")[1:-1] if line]
    elif op == "demo":
        if finished:
            ledger.demo_runs += 1
        else:
            ledger.demo_killed += 1
    elif finished and op == "export":
        result = json.loads(out)
        ledger.exports[result["bundle_id"]] = result["counter"]
    elif finished and op == "import":
        summary = json.loads(out)
        # Two roads to the RCO race: an export killed after its outbox commit, before its file
        # reached out/, is delivered later by sync to the stick, after the next exports were
        # imported from out/. The RCO keeps its records and flags it as an old export; any
        # other flag (a repeated counter, a copy) is a defect.
        late = [f for f in summary["files"] if LATE_DELIVERY.fullmatch(f["reason"])]
        assert summary["rejected"] == 0 and summary["flagged"] == len(late), summary
        ledger.imported |= {f["bundle_id"] for f in summary["files"] if f.get("bundle_id")}


# -- what must hold after each operation -------------------------------------------------------


def _check_vault(world: World) -> list[outbox.OutboxItem]:
    """The vault's checks and the demo caseloads; returns the outbox, read in the same open."""
    started = time.monotonic()
    with Vault.open(world.vault, PASSPHRASE) as vault:
        world.opening["vault"] = time.monotonic() - started
        assert vault.check().ok, "the vault failed its integrity checks"
        assert AuditLog(vault.conn, vault.audit_key).verify() is None, "the audit chain broke"
        demo_clients = vault.conn.execute(
            "SELECT count(*) FROM clients WHERE given_name != 'Crash'"
        ).fetchone()[0]
        items = outbox.items(vault.conn)
    runs, rest = divmod(demo_clients - FIRST_CLIENTS, DEMO_CLIENTS)
    assert rest == 0, "a demo-data run left part of its caseload behind"
    ledger = world.ledger
    assert ledger.demo_runs <= runs <= ledger.demo_runs + ledger.demo_killed
    return items


def _check_exports(world: World) -> None:
    """Every bundle in the out folder is whole and its own counter; acknowledged ones are there
    and queued in the outbox."""
    queued = {item.bundle_id for item in _check_vault(world)}
    counters: dict[int, str] = {}
    for path in sorted(world.out.glob("*.cdbundle")):
        opened = open_sealed(path.read_bytes(), world.rco)  # raises on a partial file
        assert counters.setdefault(opened.counter, opened.bundle_id) == opened.bundle_id, (
            f"counter {opened.counter} was used twice"
        )
    found = set(counters.values())
    assert set(world.ledger.exports) <= found, "an acknowledged export is missing"
    assert set(world.ledger.exports) <= queued, "an acknowledged export is not in the outbox"


def _check_stick(world: World) -> None:
    """Every file on the stick is exactly one the outbox holds; each SENT item is on it."""
    items = {item.file_name: item for item in _check_vault(world)}
    on_stick = {p.name for p in world.stick.iterdir() if not p.name.startswith(".")}
    for name in on_stick:
        assert name in items and (world.stick / name).read_bytes() == items[name].sealed, (
            f"{name} on the stick is not the bundle the outbox holds"
        )
    sent = {name for name, item in items.items() if item.state == OutboxState.SENT}
    assert sent <= on_stick, "the outbox says sent, the stick does not have it"


def _check_store(world: World) -> None:
    started = time.monotonic()
    with RcoDesk.open(world.store, PASSPHRASE) as desk:
        world.opening["store"] = time.monotonic() - started
        assert desk.backend.store.check().ok, "the RCO store failed its integrity checks"  # type: ignore[attr-defined]
        bundles = {b.bundle_id for b in desk.bundles()}
        assert len(bundles) == sum(d.bundles for d in desk.devices()), (
            "the device registry and the bundles disagree: a bundle was half imported"
        )
        assert desk.flags() == [], "a counter was flagged: an export number was reused"
        assert world.ledger.imported <= bundles, "an acknowledged import is missing"


CHECKS = {
    "notes": _check_vault,
    "demo": _check_vault,
    "export": _check_exports,
    "sync": _check_stick,
    "import": _check_store,
}


def check_records(world: World) -> None:
    """Every record a writer acknowledged is in the vault; the search index agrees."""
    with Vault.open(world.vault, PASSPHRASE) as vault:
        conn = vault.conn
        # Every record, written the way crash_writer acknowledges it ("plan 4 2", ...).
        stored = {f"note {i}" for (i,) in conn.execute("SELECT id FROM notes")}
        stored |= {f"client {i}" for (i,) in conn.execute("SELECT id FROM clients")}
        stored |= {f"plan {c} {v}" for c, v in conn.execute("SELECT client_id, version FROM plans")}
        stored |= {f"barc10 {i}" for (i,) in conn.execute("SELECT id FROM barc10")}
        report = vault.check(full=True)  # with the search indexes against their rows
        assert report.ok, report.integrity_errors
        written = "SELECT count(*) FROM notes WHERE text LIKE 'crash loop note%'"
        found = "SELECT count(*) FROM notes_fts WHERE notes_fts MATCH '\"crash loop note\"'"
        assert conn.execute(written).fetchone() == conn.execute(found).fetchone()
    lost = [line for line in world.ledger.records if line not in stored]
    assert not lost, f"acknowledged but lost: {lost[:5]}"


def finish(world: World) -> None:
    """An uninterrupted sync and import deliver every export once, with nothing flagged."""
    for op in ("sync", "import"):
        done = subprocess.run(
            _command(world, op, random.Random(0)),
            capture_output=True,
            text=True,
            env=_env(),
            cwd=REPO,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr[-400:]
        _acknowledge(world, op, done.stdout, finished=True)
        CHECKS[op](world)
    check_records(world)
    with Vault.open(world.vault, PASSPHRASE) as vault:
        items = outbox.items(vault.conn)
        world.export_gaps = int(vault.get_meta(export.COUNTER_META) or "0") - len(items)
    assert all(item.state == OutboxState.SENT for item in items), "the outbox was not emptied"
    with RcoDesk.open(world.store, PASSPHRASE) as desk:
        at_rco = {b.bundle_id for b in desk.bundles()}
    assert {item.bundle_id for item in items} | set(world.ledger.exports) <= at_rco


def crash_loop(root: Path, rounds: int, seed: int) -> World:
    rng = random.Random(seed)
    world = build(root)
    for number in range(1, rounds + 1):
        run_round(world, rng.choice(OPERATIONS), rng)
        if number % VERIFY_EVERY == 0:
            check_records(world)
    finish(world)
    return world


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coachdesk-crash-loop-") as folder:
        started = time.monotonic()
        world = crash_loop(Path(folder), args.rounds, args.seed)
        print(world.report())
        print(f"seed {args.seed}, {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
