"""The RCO of the suggestion tests (issue 20): two directory entries, published to an inbox."""

from __future__ import annotations

from pathlib import Path

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from tests.conftest import PASSPHRASE
from tests.rco_support import new_rco


def rco_with_directory(tmp_path: Path, postgres: str = "") -> tuple[RcoDesk, Path]:
    """A new RCO store (on PostgreSQL with `postgres`, a connection string) with a detox line
    and a MOUD clinic, published to tmp_path/inbox."""
    if postgres:
        desk, _ = RcoDesk.create(
            tmp_path / "rco", PASSPHRASE, params=kdf.minimum_params(), postgres=postgres
        )
    else:
        desk = new_rco(tmp_path / "rco")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    desk.save_directory_entry(
        Resource("Northgate Detox Line", ResourceCategory.DETOX, phone="555-0100", hours="24/7")
    )
    desk.save_directory_entry(
        Resource("Riverside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD], phone="555-0101")
    )
    desk.publish_directory(inbox)
    return desk, inbox
