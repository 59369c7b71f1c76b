"""`coachdesk vault enroll` and `coachdesk export` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coachdesk.application import demo
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.enrollment import make_enrollment
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, REPO, RunCli

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


@pytest.fixture
def setup(vault_path: Path, tmp_path: Path) -> tuple[Path, Path, RcoIdentity]:
    with Vault.open(vault_path, PASSPHRASE) as vault:
        demo.generate(vault, 30, seed=3, notes_per_client=3)
    rco = RcoIdentity.generate()
    enrollment = tmp_path / "enrollment.json"
    enrollment.write_bytes(make_enrollment(rco, "Riverside RCO"))
    return vault_path, enrollment, rco


def one_line_error(result, code: int = 1) -> str:
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coachdesk: ")
    assert "Traceback" not in result.stderr
    return lines[0]


def test_enroll_refuses_without_or_with_a_wrong_fingerprint(run_cli: RunCli, setup) -> None:
    vault, enrollment, _ = setup
    message = one_line_error(run_cli("vault", "enroll", str(vault), str(enrollment), env=ENV))
    assert "--fingerprint" in message
    wrong = RcoIdentity.generate().public.fingerprint
    result = run_cli(
        "vault", "enroll", str(vault), str(enrollment), "--fingerprint", wrong, env=ENV
    )
    assert "does not match" in one_line_error(result)


def test_enroll_then_export_then_preview(run_cli: RunCli, setup, tmp_path: Path) -> None:
    vault, enrollment, rco = setup
    typed = rco.public.fingerprint.lower()
    result = run_cli(
        "vault", "enroll", str(vault), str(enrollment), "--fingerprint", typed, env=ENV
    )
    assert result.returncode == 0, result.stderr
    assert "Enrolled with Riverside RCO" in result.stdout
    device_line = [line for line in result.stdout.splitlines() if "device fingerprint:" in line]
    assert len(device_line) == 1

    out = tmp_path / "out"
    out.mkdir()
    preview = run_cli("export", str(vault), str(out), "--preview", env=ENV)
    assert preview.returncode == 0, preview.stderr
    assert "nothing was sealed" in preview.stdout and "30 records" in preview.stdout
    assert list(out.iterdir()) == []

    sealed = run_cli("export", str(vault), str(out), "--json", env=ENV)
    assert sealed.returncode == 0, sealed.stderr
    summary = json.loads(sealed.stdout)
    path = Path(summary["path"])
    assert path.parent == out and summary["counter"] == 1 and summary["records"] == 30
    opened = open_bundle(path.read_bytes(), rco)
    assert opened.bundle_id == summary["bundle_id"]
    assert opened.device_fingerprint == device_line[0].split(": ")[1]

    plain = run_cli("export", str(vault), str(out), env=ENV)
    assert plain.returncode == 0 and "Sealed export written" in plain.stdout
    assert "export number 2" in plain.stdout


def test_reenrolling_with_another_rco_needs_replace(run_cli: RunCli, setup, tmp_path: Path) -> None:
    vault, enrollment, rco = setup
    fp = rco.public.fingerprint
    assert (
        run_cli(
            "vault", "enroll", str(vault), str(enrollment), "--fingerprint", fp, env=ENV
        ).returncode
        == 0
    )
    other = RcoIdentity.generate()
    other_file = tmp_path / "other.json"
    other_file.write_bytes(make_enrollment(other, "Hilltop RCO"))
    args = [
        "vault",
        "enroll",
        str(vault),
        str(other_file),
        "--fingerprint",
        other.public.fingerprint,
    ]
    message = one_line_error(run_cli(*args, env=ENV))
    assert "--replace" in message and "Riverside RCO" in message and "Hilltop RCO" in message
    result = run_cli(*args, "--replace", env=ENV)
    assert result.returncode == 0 and "replaced" in result.stdout


def test_export_before_enrolling_and_bad_files(run_cli: RunCli, setup, tmp_path: Path) -> None:
    vault, _, _ = setup
    assert "not enrolled" in one_line_error(run_cli("export", str(vault), str(tmp_path), env=ENV))
    junk = tmp_path / "junk.json"
    junk.write_text("not an enrollment")
    result = run_cli("vault", "enroll", str(vault), str(junk), "--fingerprint", "AB", env=ENV)
    assert "not a CoachDesk enrollment file" in one_line_error(result)
    missing = run_cli(
        "vault", "enroll", str(vault), str(tmp_path / "nope"), "--fingerprint", "AB", env=ENV
    )
    assert "Cannot read" in one_line_error(missing)


def _enroll_on_a_terminal(vault: Path, enrollment: Path, typed: str) -> tuple[int, str]:
    """Run `vault enroll` with a pseudo-terminal as stdin and type `typed` at the prompt."""
    master, slave = os.openpty()
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", "coachdesk", "vault", "enroll", str(vault), str(enrollment)],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            env={**os.environ, **ENV, "PYTHONPATH": str(REPO)},
            cwd=REPO,
        )
        os.write(master, typed.encode() + b"\n")
        output, _ = child.communicate(timeout=120)
    finally:
        os.close(master)
        os.close(slave)
    return child.returncode, output.decode()


def test_on_a_terminal_the_coach_types_the_fingerprint(setup) -> None:
    vault, enrollment, rco = setup
    code, output = _enroll_on_a_terminal(vault, enrollment, "1234-5678")
    assert code == 1 and "Riverside RCO" in output and rco.public.fingerprint not in output
    assert "does not match" in output and "device fingerprint" not in output
    code, output = _enroll_on_a_terminal(vault, enrollment, rco.public.fingerprint.lower())
    assert code == 0, output
    assert "device fingerprint:" in output
