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
