"""Saving a plan PDF when the disk says no: a read-only folder, a full disk.

Each failure must give one plain message, leave no partial or temp file, keep an older file of
the same name intact, and (through the CLI) leave no "save" entry in the audit log.
The full disk is a real 64 KiB tmpfs and the read-only folder a read-only tmpfs, both mounted
as root; without root the read-only case falls back to chmod and the full-disk case is skipped.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.errors import CoachDeskError, StorageFullError
from coachdesk.reports.common import save_pdf
from coachdesk.reports.plan_pdf import render_plan_pdf
from coachdesk.reports.samples import long_plan, sample_client, sample_profile, typical_plan
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _mount_tmpfs(folder: Path, options: str) -> None:
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")


def _umount(folder: Path) -> None:
    subprocess.run(["umount", str(folder)], capture_output=True, check=False)


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    if not IS_ROOT:
        pytest.skip("a full disk is simulated with a small tmpfs, which needs root to mount")
    folder = tmp_path / "full"
    folder.mkdir()
    _mount_tmpfs(folder, "size=64k,mode=0700")
    try:
        yield folder
    finally:
        _umount(folder)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    folder.mkdir()
    if IS_ROOT:  # root ignores permission bits: use a read-only mount instead
        _mount_tmpfs(folder, "ro,size=64k")
        try:
            yield folder
        finally:
            _umount(folder)
    else:
        folder.chmod(0o500)
        try:
            yield folder
        finally:
            folder.chmod(0o700)


def _big_pdf() -> bytes:
    data = render_plan_pdf(long_plan(40), sample_client(), sample_profile())
    assert len(data) > 64 * 1024  # larger than the whole tmpfs
    return data


def test_full_disk_leaves_no_partial_file_and_keeps_the_old_one(full_disk: Path) -> None:
    old = render_plan_pdf(typical_plan(), sample_client(), sample_profile())
    assert len(old) < 60 * 1024
    target = full_disk / "plan.pdf"
    save_pdf(target, old)
    with pytest.raises(StorageFullError) as caught:
        save_pdf(target, _big_pdf())
    assert str(caught.value) == "There is not enough free space to save plan.pdf."
    assert [p.name for p in full_disk.iterdir()] == ["plan.pdf"]
    assert target.read_bytes() == old


def test_full_disk_with_nothing_there_before(full_disk: Path) -> None:
    with pytest.raises(StorageFullError):
        save_pdf(full_disk / "new.pdf", _big_pdf())
    assert list(full_disk.iterdir()) == []


def test_read_only_folder_gives_a_plain_error(read_only: Path) -> None:
    with pytest.raises(CoachDeskError) as caught:
        save_pdf(read_only / "plan.pdf", b"%PDF-1.4 not written")
    assert str(caught.value) == f"CoachDesk may not write in the folder {read_only}."
    assert list(read_only.iterdir()) == []


def test_cli_on_a_full_disk_says_so_and_audits_no_save(
    run_cli: RunCli, vault_path: Path, full_disk: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, clients=1, seed=5, notes_per_client=1)
        caseload = Caseload(vault)
        plan = caseload.plan(1)
        assert plan is not None
        plan.goals = long_plan(40).goals  # big enough to overflow the 64 KiB disk
        caseload.save_plan(plan)
    out = full_disk / "plan.pdf"
    result = run_cli(
        "plan", "pdf", str(vault_path), "1", str(out), env={"COACHDESK_PASSPHRASE": PASSPHRASE}
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "coachdesk: There is not enough free space to save plan.pdf."
    assert list(full_disk.iterdir()) == []
    with Vault.open(vault_path, PASSPHRASE) as vault:
        actions = [e.action for e in Caseload(vault).audit_trail(1)]
    assert "save" not in actions


def test_cli_in_a_read_only_folder(run_cli: RunCli, vault_path: Path, read_only: Path) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, clients=1, seed=5, notes_per_client=1)
    result = run_cli(
        "plan", "pdf", str(vault_path), "1", str(read_only / "plan.pdf"),
        env={"COACHDESK_PASSPHRASE": PASSPHRASE},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == f"coachdesk: CoachDesk may not write in the folder {read_only}."
    assert list(read_only.iterdir()) == []


def test_missing_fonts_give_a_plain_error(
    run_cli: RunCli, vault_path: Path, tmp_path: Path
) -> None:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, clients=1, seed=5, notes_per_client=1)
    out = tmp_path / "plan.pdf"
    result = run_cli(
        "plan", "pdf", str(vault_path), "1", str(out),
        env={"COACHDESK_PASSPHRASE": PASSPHRASE, "COACHDESK_RESOURCES": str(tmp_path / "none")},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "coachdesk: The font DejaVuSans.ttf that PDFs need is missing or damaged; "
        "please reinstall CoachDesk."
    )
    assert not out.exists()
