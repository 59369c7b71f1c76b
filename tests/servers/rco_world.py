"""Real sealed bundles for the fetch tests: one RCO store, two coaches (no fakes).

`make_world(folder)` creates an RCO store (KDF floor for speed), a confirmed coach whose
bundles import, and a coach the supervisor has not confirmed (its bundles wait as pending).
The store is closed afterwards; `open_copy()` gives each test its own copy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from coachdesk.rco.desk import RcoDesk
from tests.conftest import PASSPHRASE
from tests.rco_support import new_coach, new_rco


@dataclass(frozen=True)
class World:
    store: Path
    confirmed: dict[str, bytes]  # file name -> sealed bytes, from the confirmed coach
    unknown: dict[str, bytes]  # from a coach not confirmed yet (held pending)

    @property
    def bundles(self) -> dict[str, bytes]:
        return {**self.confirmed, **self.unknown}

    def open_copy(self, target: Path) -> RcoDesk:
        shutil.copytree(self.store, target)
        return RcoDesk.open(target, PASSPHRASE)


def make_world(folder: Path, confirmed: int = 4, unknown: int = 1, clients: int = 12) -> World:
    desk = new_rco(folder / "store")
    try:
        enrollment, fingerprint = desk.enrollment(), desk.fingerprint
        coaches = [
            new_coach(folder / name, enrollment, fingerprint, clients=clients, seed=seed)
            for name, seed in (("coach-a", 3), ("coach-b", 4))
        ]
        try:
            # The first bundle makes coach A's device known; confirming it imports that one.
            first = coaches[0].export()
            desk.import_paths([first])
            desk.confirm_device(coaches[0].fingerprint, "Coach A")
            made = [
                {p.name: p.read_bytes() for p in (c.export() for _ in range(n))}
                for c, n in zip(coaches, (confirmed, unknown), strict=True)
            ]
        finally:
            for coach in coaches:
                coach.close()
    finally:
        desk.close()
    return World(folder / "store", made[0], made[1])
