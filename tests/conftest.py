"""Shared fixtures. Qt runs offscreen; vaults are real SQLCipher files.

One template vault is made per session (key derivation at the floor parameters, to keep the
suite fast) and copied for each test that needs one (docs/architecture.md rule 11).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coachdesk.crypto import kdf
from coachdesk.storage.vault import Vault

REPO = Path(__file__).resolve().parent.parent
PASSPHRASE = "correct horse battery staple"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The long tests (marked slow) first, so that under `pytest -n N` (.ci/test) they start
    at once on the workers instead of one of them finishing the run alone."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing a test does may touch the real user's data or settings folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COACHDESK_HOME", str(home / "coachdesk"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.delenv("COACHDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("COACHDESK_RECOVERY_CODE", raising=False)


@pytest.fixture(scope="session")
def template_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("template") / "vault"
    vault, code = Vault.create(folder, PASSPHRASE, params=kdf.minimum_params())
    vault.close()
    return folder, code


@pytest.fixture
def vault_path(template_vault: tuple[Path, str], tmp_path: Path) -> Path:
    target = tmp_path / "vault"
    shutil.copytree(template_vault[0], target)
    return target


@pytest.fixture
def recovery_code(template_vault: tuple[Path, str]) -> str:
    return template_vault[1]


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    v = Vault.open(vault_path, PASSPHRASE)
    yield v
    v.close()


RunCli = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli() -> RunCli:
    """Run the real `coachdesk` command in a child process."""

    def run(
        *args: str,
        env: dict[str, str] | None = None,
        input: str | None = None,
        timeout: float = 120,
    ) -> subprocess.CompletedProcess[str]:
        full_env = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "coachdesk", *args],
            capture_output=True,
            text=True,
            env=full_env,
            input=input,
            timeout=timeout,
            cwd=REPO,
        )

    return run
