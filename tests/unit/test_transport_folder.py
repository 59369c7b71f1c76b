"""The folder transport (USB stick, mapped share, cloud-synced folder) on real files."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from coachdesk.exchange.transports import BundleRefusedError, Delivery, OfflineError, TransportError
from coachdesk.exchange.transports.folder import FolderTransport

NAME = "coachdesk-000001-abcdef01.cdbundle"


def test_writes_under_the_final_name_privately_with_nothing_else_left(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    transport = FolderTransport(stick)
    transport.probe()
    assert transport.deliver(NAME, b"sealed" * 1000) == Delivery.NEW
    assert sorted(os.listdir(stick)) == [NAME]
    assert (stick / NAME).read_bytes() == b"sealed" * 1000
    assert stat.S_IMODE((stick / NAME).stat().st_mode) == 0o600


def test_redelivery_is_recognised_and_a_different_file_is_kept(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path)
    assert transport.deliver(NAME, b"one") == Delivery.NEW
    before = (tmp_path / NAME).stat().st_mtime_ns
    assert transport.deliver(NAME, b"one") == Delivery.ALREADY_THERE
    assert (tmp_path / NAME).stat().st_mtime_ns == before
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"two")
    with pytest.raises(BundleRefusedError, match="different file"):
        transport.deliver(NAME, b"one, longer")
    assert (tmp_path / NAME).read_bytes() == b"one"


def test_a_removed_stick_is_a_plain_offline_error(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    transport = FolderTransport(stick)
    shutil.rmtree(stick)
    with pytest.raises(OfflineError, match="USB stick removed"):
        transport.probe()
    with pytest.raises(OfflineError, match="USB stick removed"):
        transport.deliver(NAME, b"x")
    with pytest.raises(OfflineError):
        transport.fetch("coachdesk-directory.json", 100)
    assert not stick.exists()


def test_leftover_temp_files_of_a_killed_run_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / f".{NAME}.1a2b3c4d.part").write_bytes(b"half")
    (tmp_path / ".other.cdbundle.99999999.part").write_bytes(b"not ours")
    assert FolderTransport(tmp_path).deliver(NAME, b"whole") == Delivery.NEW
    assert sorted(os.listdir(tmp_path)) == [".other.cdbundle.99999999.part", NAME]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions (see fault tests)")
def test_read_only_folder_by_permissions(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(TransportError, match="may not"):
            FolderTransport(tmp_path).deliver(NAME, b"x")
    finally:
        tmp_path.chmod(0o700)
    assert os.listdir(tmp_path) == []


def test_fetch(tmp_path: Path) -> None:
    transport = FolderTransport(tmp_path)
    assert transport.fetch("coachdesk-directory.json", 100) is None
    (tmp_path / "coachdesk-directory.json").write_bytes(b"0123456789")
    assert transport.fetch("coachdesk-directory.json", 100) == b"0123456789"
    assert transport.fetch("coachdesk-directory.json", 4) == b"01234"


def test_unsafe_names_are_refused(tmp_path: Path) -> None:
    for bad in ("../x.cdbundle", ".x", "a/b.cdbundle", "x.part", "a..b"):
        with pytest.raises(BundleRefusedError):
            FolderTransport(tmp_path / "in").deliver(bad, b"x")
    assert not (tmp_path / "x.cdbundle").exists()
