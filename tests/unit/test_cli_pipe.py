"""A reader that closes the pipe early (`coachdesk ... | head`) ends the command quietly:
no "internal error", no traceback, exit 0 or 141 (128 + SIGPIPE). Real pipes, real CLI."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.application import demo
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO

ENV = {**os.environ, "PYTHONPATH": str(REPO), "COACHDESK_PASSPHRASE": PASSPHRASE}
QUIET_EXITS = (0, 141)


@pytest.fixture
def big_vault(vault_path: Path) -> Path:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, clients=400, seed=5, notes_per_client=3)
    return vault_path


def _coachdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "coachdesk", *args]


@pytest.mark.parametrize(
    "args", [("client", "list", "{vault}", "--json"), ("client", "show", "{vault}", "1")]
)
def test_a_pipe_closed_before_the_first_write(big_vault: Path, args: tuple[str, ...]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: every write fails with EPIPE
    try:
        result = subprocess.run(
            _coachdesk(*(a.format(vault=big_vault) for a in args)),
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            env=ENV,
            cwd=REPO,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode in QUIET_EXITS


def test_head_reads_a_few_lines_and_leaves(big_vault: Path) -> None:
    listing = _coachdesk("client", "list", str(big_vault), "--json", "--limit", "1000")
    command = " ".join(shlex.quote(a) for a in listing)
    result = subprocess.run(
        ["sh", "-c", f"{command} 2>stderr.txt | head -n 2; cat stderr.txt"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=big_vault.parent,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout  # the two lines head printed, and an empty stderr
    listed = subprocess.run(
        listing,
        capture_output=True,
        text=True,
        env=ENV,
        cwd=REPO,
        timeout=120,
    )
    assert len(listed.stdout) > 65536  # more than a pipe holds: the writer did hit the close
    assert lines == listed.stdout.splitlines()[:2]
