"""The README's two commands on a fresh Debian desktop: in a clean Debian root (debootstrap
minbase, then `apt-get install python3 git` as a desktop has them) a clone of this repository
runs `.ci/setup` and `.ci/demo` (stopped before the window opens), then the self-test, a demo
vault and `vault check`. The same in an Ubuntu 24.04 root with COACHDESK_TEST_UBUNTU=1 (about
two minutes more, so not in CI by default).

What comes from where:
- system packages: from the Debian mirror the host's apt uses (the same one debootstrap used),
  installed by `.ci/setup` itself running as root in the root, exactly as on a desktop;
- Python packages: never from the network inside the root. The host downloads binary wheels of
  the project's dependencies, its test extra, its build requirements and pip, for the root's
  Python version, machine and glibc, into a folder that is bind-mounted read-only at /wheels;
  `.ci/setup` runs with PIP_NO_INDEX=1 PIP_FIND_LINKS=/wheels, which pip reads itself.

The clone is of this checkout's HEAD with its uncommitted changes to tracked files applied, so
a local run tests what is being edited. About a minute in all here (debootstrap, shared with the
installer smoke test, ~30 s; the setup ~20-40 s; the rest ~20 s).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.installer.debroot import (
    DebianBase,
    assert_self_test,
    bind_mount,
    clean_debian_root,
    in_root,
    say,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Debian root needs Linux"),
]

USER_CLONE = "/home/coach/coachdesk"  # the refusal as a plain user
ROOT_CLONE = "/root/coachdesk"  # everything else, as root (as `sudo bash .ci/setup` would)
OFFLINE = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": "/wheels"}
DEMO_PASSPHRASE = "demo passphrase"


@dataclass
class Fresh:
    codename: str
    root: Path
    python: str  # the root's python3 version, e.g. "3.11"
    refusal: subprocess.CompletedProcess[str]
    refusal_left: str  # `git status` of the user's clone after the refusal
    setup: subprocess.CompletedProcess[str]
    setup_seconds: float
    installed_before: set[str]
    installed_after: set[str]


def installed(root: Path) -> set[str]:
    """Installed packages and the names they provide (libglib2.0-0t64 is libglib2.0-0)."""
    out = in_root(
        root, "dpkg-query", "-W", "-f=${db:Status-Abbrev}|${Package}|${Provides}\\n"
    ).stdout
    names = set()
    for line in out.splitlines():
        status, package, provides = line.split("|")
        if status.startswith("ii"):
            names |= {package, *(p.split()[0] for p in provides.split(", ") if p)}
    return names


def clone_into(root: Path, inside: str) -> None:
    """`git clone` of this checkout's HEAD, plus its uncommitted changes to tracked files."""
    target = root / inside.lstrip("/")
    subprocess.run(["git", "clone", "-q", str(REPO), str(target)], check=True, timeout=120)
    diff = subprocess.run(
        ["git", "-C", str(REPO), "diff", "HEAD", "--binary"],
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout
    if diff:
        subprocess.run(["git", "-C", str(target), "apply"], input=diff, check=True, timeout=60)
        subprocess.run(
            ["git", "-C", str(target), "-c", "user.name=test", "-c", "user.email=test@invalid",
             "commit", "-q", "-a", "-m", "uncommitted changes of the checkout under test"],
            check=True,
            timeout=60,
        )  # fmt: skip


def project_requirements() -> list[str]:
    """What `pip install -e '.[test]'` needs: dependencies, test extra, build system, pip."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    name = project["project"]["name"]
    extras = project["project"]["optional-dependencies"]

    def expand(requirements: list[str]) -> list[str]:
        """An extra may pull in another of this project's extras (`coachdesk[postgres]`)."""
        out: list[str] = []
        for requirement in requirements:
            own = re.fullmatch(rf"{re.escape(name)}\[([\w,\s-]+)\]", requirement.strip())
            if own is None:
                out.append(requirement)
            else:
                for extra in own.group(1).split(","):
                    out.extend(expand(extras[extra.strip()]))
        return out

    return [
        *project["project"]["dependencies"],
        *expand(extras["test"]),
        *project["build-system"]["requires"],
        "pip",
    ]


def download_wheels(root: Path, dest: Path) -> None:
    """Binary wheels for the root's own Python, machine and glibc, fetched by the host's pip."""
    probe = in_root(
        root,
        "python3",
        "-c",
        "import os, platform, sys; "
        "print(*sys.version_info[:2], platform.machine(), os.confstr('CS_GNU_LIBC_VERSION'))",
    )
    assert probe.returncode == 0, probe.stderr
    major, minor, machine, _glibc, glibc_version = probe.stdout.split()
    glibc_minor = int(glibc_version.split(".")[1])
    # every manylinux level this glibc runs (pip does not widen an explicit --platform itself)
    platforms = [f"manylinux_2_{m}_{machine}" for m in range(glibc_minor, 4, -1)]
    result = subprocess.run(
        [
            sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check",
            "--dest", str(dest), "--only-binary=:all:", "--implementation", "cp",
            "--python-version", f"{major}.{minor}", "--abi", f"cp{major}{minor}",
            *(arg for platform in platforms for arg in ("--platform", platform)),
            *project_requirements(),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


@pytest.fixture(scope="module", params=["debian_base", "ubuntu_base"])
def fresh(request: pytest.FixtureRequest, pytestconfig: pytest.Config) -> Iterator[Fresh]:
    base: DebianBase = request.getfixturevalue(request.param)
    wheels = Path(tempfile.mkdtemp(prefix="coachdesk-wheels-"))
    try:
        with clean_debian_root(base) as root:
            desktop = in_root(
                root,
                "sh",
                "-c",
                "apt-get update -qq && apt-get install -y -qq python3 git >/dev/null",
                env={"DEBIAN_FRONTEND": "noninteractive"},
            )
            assert desktop.returncode == 0, desktop.stdout[-3000:] + desktop.stderr[-3000:]
            download_wheels(root, wheels)
            bind_mount(wheels, root, "/wheels")
            version = in_root(root, "python3", "-c", "import sys; print(*sys.version_info[:2])")
            python = version.stdout.strip().replace(" ", ".")

            # a plain user's clone: .ci/setup must only name what is missing
            made = in_root(root, "useradd", "--create-home", "coach")
            assert made.returncode == 0, made.stderr
            clone_into(root, USER_CLONE)
            subprocess.run(["chown", "-R", "--reference", str(root / "home" / "coach"),
                            str(root / USER_CLONE.lstrip("/"))], check=True)  # fmt: skip
            refusal = in_root(root, "bash", f"{USER_CLONE}/.ci/setup", user="coach", env=OFFLINE)
            left = in_root(
                root, "git", "-C", USER_CLONE, "status", "--porcelain", "--ignored", user="coach"
            )
            assert left.returncode == 0, left.stderr

            # root's clone, with the .venv a first attempt leaves behind (venv without pip)
            clone_into(root, ROOT_CLONE)
            half = in_root(root, "python3", "-m", "venv", f"{ROOT_CLONE}/.venv")
            assert half.returncode != 0 and "ensurepip is not" in half.stdout + half.stderr
            assert (root / ROOT_CLONE.lstrip("/") / ".venv" / "bin" / "python").exists()

            before = installed(root)
            started = time.monotonic()
            setup = in_root(root, "bash", f"{ROOT_CLONE}/.ci/setup", env=OFFLINE)
            seconds = time.monotonic() - started
            after = installed(root)
            yield Fresh(
                base.codename, root, python, refusal, left.stdout, setup, seconds, before, after
            )
    finally:
        shutil.rmtree(wheels, ignore_errors=True)


def named_in_refusal(fresh: Fresh) -> set[str]:
    match = re.search(r"apt-get install --no-install-recommends ([^)]*)\)", fresh.refusal.stderr)
    assert match, fresh.refusal.stderr
    return set(match.group(1).split())


def test_setup_as_a_user_names_the_missing_packages_in_one_sentence_and_stops(
    fresh: Fresh,
) -> None:
    assert fresh.refusal.returncode == 1, fresh.refusal.stdout + fresh.refusal.stderr
    assert fresh.refusal.stdout == ""
    lines = fresh.refusal.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].endswith("."), fresh.refusal.stderr
    assert "Traceback" not in fresh.refusal.stderr
    names = named_in_refusal(fresh)
    assert "python3-venv" in names  # the package issue 22 found missing
    assert not names & fresh.installed_before  # only what is missing
    assert fresh.refusal_left == ""  # no .venv, nothing written: it stopped first


def test_setup_as_root_installs_them_and_makes_the_venv_from_local_wheels(
    fresh: Fresh, pytestconfig: pytest.Config
) -> None:
    output = fresh.setup.stdout + fresh.setup.stderr
    assert fresh.setup.returncode == 0, output[-4000:]
    match = re.search(r"^Installing system packages: (.*)$", fresh.setup.stdout, re.MULTILINE)
    assert match, output[-4000:]
    lacked = set(match.group(1).split())
    assert lacked == named_in_refusal(fresh)  # what the user was told is what root installed
    assert lacked <= fresh.installed_after
    say(
        pytestconfig,
        f"fresh {fresh.codename} root with python3 {fresh.python} and git: .ci/setup took "
        f"{fresh.setup_seconds:.0f} s; the system lacked {len(lacked)} of the listed "
        f"packages: {' '.join(sorted(lacked))}",
    )
    venv = fresh.root / ROOT_CLONE.lstrip("/") / ".venv"
    config = (venv / "pyvenv.cfg").read_text("utf-8")
    assert re.search(r"^home = /usr/bin$", config, re.MULTILINE), config  # Debian's python3
    pip = in_root(fresh.root, f"{ROOT_CLONE}/.venv/bin/python", "-m", "pip", "--version")
    assert pip.returncode == 0, pip.stderr  # the half-made .venv was made again


def test_self_test_passes_offscreen_and_on_x(fresh: Fresh) -> None:
    coachdesk = f"{ROOT_CLONE}/.venv/bin/coachdesk"
    offscreen = in_root(fresh.root, coachdesk, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert offscreen.returncode == 0, offscreen.stdout + offscreen.stderr
    report = assert_self_test(offscreen.stdout, "offscreen", frozen=False)
    assert str(report["python"]).startswith(fresh.python + ".")
    if shutil.which("xvfb-run"):  # the xcb libraries in the list are enough for a real window
        on_x = in_root(fresh.root, coachdesk, "--self-test", xvfb=True)
        assert on_x.returncode == 0, on_x.stdout + on_x.stderr
        assert_self_test(on_x.stdout, "xcb", frozen=False)


def test_demo_data_and_vault_check(fresh: Fresh) -> None:
    env = {"COACHDESK_PASSPHRASE": DEMO_PASSPHRASE}
    coachdesk = f"{ROOT_CLONE}/.venv/bin/coachdesk"
    made = in_root(
        fresh.root, coachdesk, "demo-data", "/root/vaults/coach", "--clients", "30", "--seed", "3",
        env=env,
    )  # fmt: skip
    assert made.returncode == 0, made.stdout + made.stderr
    assert "30 synthetic clients written" in made.stdout
    checked = in_root(fresh.root, coachdesk, "vault", "check", "/root/vaults/coach", "--json",
                      env=env)  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["ok"] is True and report["integrity"] == "ok", report


def test_demo_command_makes_the_demo_vault_and_stops_before_the_window(fresh: Fresh) -> None:
    demo = in_root(
        fresh.root, "bash", f"{ROOT_CLONE}/.ci/demo",
        env={**OFFLINE, "COACHDESK_DEMO_NO_WINDOW": "1"},
    )  # fmt: skip
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-3000:]
    assert "Installing system packages" not in demo.stdout  # the first setup got them all
    assert "Demo vault ready" in demo.stdout and "Opening CoachDesk" not in demo.stdout
    vault = f"{ROOT_CLONE}/demo/vaults/demo-coach"
    checked = in_root(fresh.root, f"{ROOT_CLONE}/.venv/bin/coachdesk", "vault", "check", vault,
                      "--json", env={"COACHDESK_PASSPHRASE": DEMO_PASSPHRASE})  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # the command the demo would exec opens the window and keeps it open (killed after 8 s)
    window = in_root(
        fresh.root, "timeout", "8", f"{ROOT_CLONE}/.venv/bin/coachdesk",
        env={"QT_QPA_PLATFORM": "offscreen", "COACHDESK_HOME": f"{ROOT_CLONE}/demo"},
    )  # fmt: skip
    assert window.returncode == 124, window.stdout + window.stderr
    assert "Traceback" not in window.stderr, window.stderr
