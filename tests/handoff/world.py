"""Two real coach vaults and a real RCO store, for the hand-off tests (issue 19)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import CoachProfile
from coachdesk.exchange.sync import sync_once
from coachdesk.exchange.transports import Transport
from coachdesk.rco.desk import RcoDesk
from tests.rco_support import Coach, new_coach, new_rco

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@dataclass
class World:
    desk: RcoDesk
    ada: Coach
    ben: Coach
    stick: Path

    def close(self) -> None:
        for c in (self.ada, self.ben):
            c.close()
        self.desk.close()


def name_coach(coach: Coach, name: str) -> None:
    caseload = Caseload(coach.vault)
    caseload.set_profile(CoachProfile(name, "Harbor RCO", "", "en"))


def make_world(tmp: Path, clients: int = 3) -> World:
    desk = new_rco(tmp / "rco")
    enrollment = desk.enrollment()
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    ada = new_coach(tmp / "a", enrollment, desk.fingerprint, clients, seed=11)
    ben = new_coach(tmp / "b", enrollment, desk.fingerprint, clients, seed=12)
    name_coach(ada, "Ada Coach")
    name_coach(ben, "Ben Coach")
    desk.import_paths([ada.export(), ben.export()])
    desk.confirm_device(ada.fingerprint, "Arlo Venn")
    desk.confirm_device(ben.fingerprint, "Bexa Morrow")
    stick = tmp / "stick"
    stick.mkdir()
    desk.publish_directory(stick)
    return World(desk, ada, ben, stick)


def sync(coach: Coach, transport: Transport) -> list[str]:
    return [str(m) for m in sync_once(coach.vault, transport).messages]


def deliver_handoff(world: World, client_id: int, at: datetime, reason: str) -> str:
    """Ada hands `client_id` to Ben (within the program) and both sync over the stick: the
    hand-off waits at Ben's. Its id."""
    from coachdesk.application import handoff as uc
    from coachdesk.exchange.transports.folder import FolderTransport

    basis = uc.LegalBasis.within_program(reason)
    ada = Caseload(world.ada.vault)
    sent = uc.send_handoff(ada, client_id, world.ben.fingerprint, basis, now=at)
    sync(world.ada, FolderTransport(world.stick))
    sync(world.ben, FolderTransport(world.stick))
    return sent.handoff_id
