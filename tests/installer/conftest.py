"""The clean roots shared by the installer tests: each debootstrapped once per session."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.installer.debroot import (
    DebianBase,
    debian_bootstrapped,
    ubuntu_bootstrapped,
    why_no_debian_root,
    why_no_ubuntu_root,
)


@pytest.fixture(scope="session")
def debian_base(pytestconfig: pytest.Config) -> Iterator[DebianBase]:
    """The host's Debian release (CI: Debian 12)."""
    reason = why_no_debian_root()
    if reason:
        pytest.skip(reason)
    with debian_bootstrapped(pytestconfig) as base:
        yield base


@pytest.fixture(scope="session")
def ubuntu_base(pytestconfig: pytest.Config) -> Iterator[DebianBase]:
    """Ubuntu 24.04, on demand (COACHDESK_TEST_UBUNTU=1): it adds about two minutes."""
    if os.environ.get("COACHDESK_TEST_UBUNTU") != "1":
        pytest.skip("Ubuntu 24.04 root on demand only: set COACHDESK_TEST_UBUNTU=1")
    reason = why_no_ubuntu_root()
    if reason:
        pytest.skip(reason)
    with ubuntu_bootstrapped(pytestconfig) as base:
        yield base
