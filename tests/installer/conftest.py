"""The clean Debian root shared by the installer tests: debootstrapped once per session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.installer.debroot import DebianBase, debootstrapped, why_no_debian_root


@pytest.fixture(scope="session")
def debian_base(pytestconfig: pytest.Config) -> Iterator[DebianBase]:
    reason = why_no_debian_root()
    if reason:
        pytest.skip(reason)
    with debootstrapped(pytestconfig) as base:
        yield base
