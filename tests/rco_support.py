"""Real coach vaults producing real sealed bundles for the RCO tests (no fakes).

A coach vault is created (KDF floor parameters for speed), filled by application.demo.generate,
enrolled with the RCO's enrollment file (export engineer's use case) and exported.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.crypto import kdf
from coachdesk.rco.desk import RcoDesk
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 1)


def new_rco(folder: Path, name: str = "Harbor RCO") -> RcoDesk:
    desk, _ = RcoDesk.create(folder, PASSPHRASE, name=name, params=kdf.minimum_params())
    return desk


@dataclass
class Coach:
    """One coach's vault, enrolled with an RCO; `export()` writes a new bundle."""

    vault: Vault
    out: Path

    @property
    def caseload(self) -> Caseload:
        return Caseload(self.vault)

    @property
    def fingerprint(self) -> str:
        from coachdesk.exchange import export

        device = export.device_identity(self.caseload)
        assert device is not None
        return device.fingerprint

    def export(self) -> Path:
        from coachdesk.exchange import export

        result = export.export(self.caseload, self.out)
        assert result.path is not None
        return Path(result.path)

    def close(self) -> None:
        self.vault.close()


def new_coach(
    folder: Path, enrollment: bytes, fingerprint: str, clients: int, seed: int, notes: int = 4
) -> Coach:
    from coachdesk.exchange import export

    vault, _ = Vault.create(folder / "vault", PASSPHRASE, params=kdf.minimum_params())
    demo.generate(vault, clients, seed, notes, today=TODAY)
    export.enroll(Caseload(vault), enrollment, fingerprint)
    out = folder / "out"
    out.mkdir()
    return Coach(vault, out)


@dataclass(frozen=True)
class DeskStore:
    """A store as a supervisor meets it (tests of the desk's use cases and window)."""

    path: Path
    confirmed: str  # fingerprint of "Coach Ada"'s confirmed device
    pending: str  # fingerprint of a device waiting for confirmation (one bundle)


def desk_store(folder: Path) -> DeskStore:
    """One confirmed coach with a flagged bundle (a vault restored from an old copy sent a
    lower counter), one coach waiting for confirmation, one directory entry."""
    import shutil

    from coachdesk.core.models import Pathway, Resource, ResourceCategory

    folder.mkdir(parents=True, exist_ok=True)
    desk = new_rco(folder / "rco")
    try:
        enrollment, rco_fp = desk.enrollment(), desk.fingerprint
        ada = new_coach(folder / "ada", enrollment, rco_fp, 14, 7)
        b1 = ada.export()
        ada.vault.close()
        shutil.copytree(folder / "ada" / "vault", folder / "ada-old")  # a copy at counter 1
        ada.vault = Vault.open(folder / "ada" / "vault", PASSPHRASE)
        ada.export()  # counter 2, never delivered
        b3 = ada.export()
        desk.import_paths([b1, b3])
        desk.confirm_device(ada.fingerprint, "Coach Ada")
        confirmed = ada.fingerprint
        ada.close()
        old = Coach(Vault.open(folder / "ada-old", PASSPHRASE), folder / "ada-old-out")
        old.out.mkdir()
        desk.import_paths([old.export()])  # counter 2 after 3: flagged, kept
        old.close()
        ben = new_coach(folder / "ben", enrollment, rco_fp, 6, 8)
        desk.import_paths([ben.export()])
        pending = ben.fingerprint
        ben.close()
        desk.save_directory_entry(
            Resource(
                "Eastside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD], phone="555-0100"
            )
        )
    finally:
        desk.close()
    return DeskStore(folder / "rco", confirmed, pending)
