"""A real PostgreSQL server for the RCO PostgreSQL backend tests: `initdb` into a temp folder,
the server on a free port of 127.0.0.1 (trust authentication, local only), removed after.

PostgreSQL refuses to run as root: started by root (CI), initdb and the server run as the
`postgres` user (Debian's package makes it) through runuser, and the folder is given to it.
"""

from __future__ import annotations

import copy as copy_module
import glob
import hashlib
import json
import multiprocessing
import os
import subprocess
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from coachdesk.crypto import kdf
from coachdesk.crypto.identity import DeviceIdentity, RcoIdentity, public_bytes
from coachdesk.crypto.signing import canonical
from coachdesk.exchange import bundle as bundle_format
from coachdesk.rco import desk as desk_module
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.model import DeviceStatus
from tests.conftest import PASSPHRASE
from tests.servers import ServerProcess, free_port, server_folder

RUN_AS = "postgres"


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError("PostgreSQL is not installed (Debian package postgresql).")
    return found[-1]  # the newest major version


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", RUN_AS, "--", *command] if os.geteuid() == 0 else command


class PostgresServer:
    """`url` is a libpq connection string to the database `coachdesk` (user `coachdesk`)."""

    def __init__(self) -> None:
        self.folder = server_folder("postgres", RUN_AS)
        data = self.folder / "data"
        subprocess.run(
            _as_server_user(
                [
                    *(pg_bin("initdb"), "-D", str(data), "-U", "coachdesk", "--auth=trust"),
                    *("-E", "UTF8", "--no-sync", "--locale=C"),
                ]
            ),
            check=True,
            capture_output=True,
        )
        self.port = free_port()
        # fsync off: a test database, thrown away after; it does not change what is tested.
        self.process = ServerProcess(
            _as_server_user(
                [
                    *(pg_bin("postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(self.port)),
                    *("-k", str(self.folder), "-c", "fsync=off", "-c", "max_connections=50"),
                ]
            ),
            self.port,
            self.folder,
        )
        self.admin_url = f"postgresql://coachdesk@127.0.0.1:{self.port}/postgres"
        self._databases = 0
        self._wait_ready()
        self.url = self.new_database()

    def _wait_ready(self, timeout: float = 30.0) -> None:
        """The port accepts before recovery ends ("the database system is starting up")."""
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.admin_url, connect_timeout=5).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.1)

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg

        self._databases += 1
        name = f"coachdesk{self._databases}"
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return f"postgresql://coachdesk@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        self.process.stop()

    @property
    def data(self) -> Path:
        return self.folder / "data"


# -- sealed bundles for the backend tests ------------------------------------------------------
# Generated payloads signed and sealed with generated device keys, as the fuzzer does (seconds,
# not the minutes real coach vaults would take): the fuzz corpus's valid format-2 payload with
# a new device, bundle id, counter and pseudonyms, and the sessions changed per counter so the
# latest version of each episode is visible in the figures.

_SEED = (
    Path(__file__).parents[1] / "fuzz" / "corpus" / "bundle-payload" / "valid-30-clients-v2.json"
)


def rco_identity() -> RcoIdentity:
    """The RCO key the fuzz corpus was sealed for (its payloads name it as recipient)."""
    return RcoIdentity.from_secret_hex({"encryption": "11" * 32, "signing": "22" * 32})


def _digest(text: str, length: int) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:length]


def _caseload_of(seed: dict[str, Any], clients: int) -> dict[str, Any]:
    """The seed's 30 records repeated under new pseudonyms up to `clients`, its period cells'
    counts scaled alike (a larger caseload of the same shape)."""
    reps = -(-clients // len(seed["records"]))
    if reps == 1:
        return seed
    grown = copy_module.deepcopy(seed)
    grown["records"] = [
        {
            **record,
            "pseudonym": hashlib.sha256(f"{rep} {record['pseudonym']}".encode()).hexdigest()[:24],
        }
        for rep in range(reps)
        for record in seed["records"]
    ][:clients]
    for cell in grown["periods"]["cells"]:
        cell["counts"] = {k: v * reps for k, v in cell["counts"].items()}
    grown["summary"]["records"] = clients
    return grown


def make_bundles(
    folder: Path,
    devices: int,
    per_device: int,
    copies: int = 0,
    copy_counter: int = 1,
    clients: int = 30,
) -> list[Path]:
    """devices x per_device sealed bundles (counters 1..per_device) of `clients` records each,
    plus `copies` bundles that repeat a device's `copy_counter` with another bundle id and the
    same records (a restored vault). Returned in counter order per device: the order a coach's
    exports arrive in."""
    seed = _caseload_of(json.loads(_SEED.read_bytes()), clients)
    rco = rco_identity().public
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for d in range(devices):
        device = DeviceIdentity(
            hashlib.sha256(f"device {d}".encode()).hexdigest()[:32],
            Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"key {d}".encode()).digest()),
        )
        for counter in range(1, per_device + 1):
            for copy in range(2 if d < copies and counter == copy_counter else 1):
                doc = copy_module.deepcopy(seed)
                doc["device_id"] = device.device_id
                doc["device_public_key"] = public_bytes(device.public_key).hex()
                doc["counter"] = counter
                doc["bundle_id"] = hashlib.sha256(f"{d} {counter} {copy}".encode()).hexdigest()[:32]
                doc["created_at"] = f"2026-03-{counter % 28 + 1:02d}T12:00:00+00:00"
                for record in doc["records"]:
                    record["pseudonym"] = hashlib.sha256(
                        f"{d} {record['pseudonym']}".encode()
                    ).hexdigest()[:24]
                    record["sessions"] = int(record["sessions"]) + counter
                doc["records"].sort(key=lambda record: record["pseudonym"])
                sealed = bundle_format.seal_payload_bytes(
                    canonical(doc), device.signing, rco, version=2
                )
                path = folder / f"d{d:03d}-c{counter:04d}-{copy}.cdbundle"
                path.write_bytes(sealed)
                paths.append(path)
    return paths


# -- desks for the backend tests --------------------------------------------------------------

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def new_desk(tmp_path: Path, kind: str, url: str = "") -> RcoDesk:
    """A desk on `kind` holding the fuzz corpus's RCO key (the generated bundles' recipient)."""
    desk, _ = RcoDesk.create(
        tmp_path / kind,
        PASSPHRASE,
        params=kdf.minimum_params(),
        postgres=url if kind == "postgres" else None,
        clock=lambda: NOW,  # the figures name each device's last import time
    )
    with desk.backend.transaction():
        desk.backend.set_meta(desk_module._IDENTITY, json.dumps(rco_identity().to_secret_hex()))
    desk._identity = None
    return desk


def confirm_all(desk: RcoDesk) -> None:
    for device in desk.devices():
        if device.status == DeviceStatus.PENDING:
            desk.confirm_device(device.fingerprint, f"coach {device.fingerprint[:4]}")


# -- several importer processes at once ---------------------------------------------------------

Row = tuple[str, str, str, str]  # path, bundle id, outcome, reason


@dataclass(frozen=True, slots=True)
class Race:
    rows: list[Row]  # every importer's answer for every file
    seconds: float  # from the barrier's release to the last importer's end


def _importer(store: str, paths: list[str], start: Any, results: Any) -> None:
    """One importer process: open the store, wait for the others, import every file."""
    with RcoDesk.open(store, PASSPHRASE, clock=lambda: NOW) as desk:
        start.wait(timeout=300)
        began = time.time()
        summary = desk.import_paths(paths)
        rows = [(r.path, r.bundle_id, r.outcome.value, r.reason) for r in summary.results]
        results.put((began, time.time(), rows))


def race(store: Path, files: list[Path], importers: int = 4, *, split: bool = False) -> Race:
    """`importers` processes fed the same files at once. Each walks the devices from another
    starting point, every device's bundles in counter order (as a coach's exports arrive), so
    the importers collide on every device. `split`: each importer gets its own share of the
    devices instead (as fetchers taking turns on one inbox), to measure throughput."""
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Barrier(importers)
    results = ctx.Queue()
    devices = sorted({p.name.split("-")[0] for p in files})
    workers = []
    for i in range(importers):
        order = {
            d: (n - i * len(devices) // importers) % len(devices) for n, d in enumerate(devices)
        }
        mine = sorted(files, key=lambda p: (order[p.name.split("-")[0]], p.name))
        if split:
            mine = [p for p in mine if devices.index(p.name.split("-")[0]) % importers == i]
        worker = ctx.Process(
            target=_importer, args=(str(store), [str(p) for p in mine], start, results)
        )
        worker.start()
        workers.append(worker)
    answers = [results.get(timeout=3600) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0  # no deadlock, no crash
    began = min(a[0] for a in answers)
    ended = max(a[1] for a in answers)
    return Race([row for a in answers for row in a[2]], ended - began)
