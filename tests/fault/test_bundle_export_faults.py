"""A bundle write that fails (file size limit hit, as on a full disk) leaves nothing behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.errors import CoachDeskError
from coachdesk.exchange import export as ex
from coachdesk.exchange.bundle import open_bundle
from coachdesk.files import StagedFile
from coachdesk.rco.importer import expand_paths
from coachdesk.storage import export_state, outbox
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO
from tests.unit.test_bundle import enrolled_vault

CHILD = textwrap.dedent(
    """
    import resource, signal, sys
    from coachdesk.application.caseload import Caseload
    from coachdesk.errors import CoachDeskError
    from coachdesk.exchange import export as ex
    from coachdesk.storage.vault import Vault

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG instead of being killed
    vault = Vault.open(sys.argv[1], sys.argv[2])
    caseload = Caseload(vault)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))
    try:
        ex.export(caseload, sys.argv[3])
    except CoachDeskError as exc:
        print("REFUSED:", exc)
    """
)


def test_a_write_that_fails_midway_leaves_no_file_counter_or_outbox_item(tmp_path: Path) -> None:
    rco = RcoIdentity.generate()
    enrolled_vault(tmp_path / "vault", rco, clients=40).close()
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "vault"), PASSPHRASE, str(out)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert "REFUSED: Could not save" in child.stdout, child.stdout + child.stderr
    assert "Traceback" not in child.stderr
    assert list(out.iterdir()) == []  # not even the temp file
    with Vault.open(tmp_path / "vault", PASSPHRASE) as vault:
        assert vault.get_meta(ex.COUNTER_META) == "1"  # reserved: never reused, a gap is fine
        assert outbox.items(vault.conn) == []
        caseload = Caseload(vault)
        assert all(e.action != "export" for e in caseload.audit.entries(limit=50))
        assert caseload.audit.verify() is None
        # Once there is room again the export works, with the next number.
        result = ex.export(caseload, out)
    assert open_bundle(result.path.read_bytes(), rco).counter == 2
    assert [p.name for p in out.iterdir()] == [result.path.name]


KILLED_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from coachdesk.application.caseload import Caseload
    from coachdesk.exchange import export as ex
    from coachdesk.storage.vault import Vault

    def die(*args, **kwargs):  # the power goes out right after the bundle file was written
        os.kill(os.getpid(), signal.SIGKILL)

    ex.outbox.enqueue = die
    caseload = Caseload(Vault.open(sys.argv[1], sys.argv[2]))
    ex.export(caseload, sys.argv[3])
    """
)


def test_killed_before_the_commit_no_bundle_file_is_left_and_no_counter_reused(
    tmp_path: Path,
) -> None:
    """A bundle file in the out folder is always one the outbox holds: a file that was never
    recorded would reach the RCO after later ones and be flagged there as an old export. The
    per-record export state is saved in the same transaction: a state without its bundle would
    make later exports keep values the RCO never saw (and one without state could refine)."""
    rco = RcoIdentity.generate()
    enrolled_vault(tmp_path / "vault", rco, clients=15).close()
    out = tmp_path / "out"
    out.mkdir()
    child = subprocess.run(
        [sys.executable, "-c", KILLED_CHILD, str(tmp_path / "vault"), PASSPHRASE, str(out)],
        capture_output=True,
        env={"PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert child.returncode == -9
    (leftover,) = out.iterdir()  # written and fsynced, but under a hidden temp name
    assert leftover.name.startswith(".coachdesk-export-000001-") and leftover.suffix == ".part"
    assert expand_paths([out]) == []  # the importer does not see it
    with Vault.open(tmp_path / "vault", PASSPHRASE) as vault:
        assert vault.check().ok
        assert outbox.items(vault.conn) == []
        assert export_state.load(vault.conn, rco.public.fingerprint) == {}
        caseload = Caseload(vault)
        assert caseload.audit.verify() is None
        result = ex.export(caseload, out)
        stored = export_state.load(vault.conn, rco.public.fingerprint)
    assert list(out.iterdir()) == [result.path]  # the next export removed the leftover
    opened = open_bundle(result.path.read_bytes(), rco)
    assert opened.counter == 2 and opened.records
    assert sorted(stored) == [r["pseudonym"] for r in opened.records]
    assert {row.first_counter for row in stored.values()} == {2}


def test_a_file_that_cannot_be_put_in_place_after_the_commit_stays_queued(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rco = RcoIdentity.generate()
    vault = enrolled_vault(tmp_path / "vault", rco, clients=15)
    out = tmp_path / "out"
    out.mkdir()

    def refuse(self: StagedFile) -> Path:
        self.discard()
        raise CoachDeskError("The folder was removed.")

    monkeypatch.setattr(StagedFile, "publish", refuse)
    with pytest.raises(CoachDeskError, match="waiting in the outbox"):
        ex.export(Caseload(vault), out)
    assert list(out.iterdir()) == []
    (item,) = outbox.items(vault.conn)
    assert open_bundle(item.sealed, rco).counter == 1
    vault.close()
