"""Build the real installers and run them: the one-folder bundle's self-test offscreen and under
Xvfb, the frozen command line on a real vault, the encryption guard, and the .deb installed by
apt into a clean Debian root (debootstrap --variant=minbase) where the self-test must pass.

One build per run (about 1-4 minutes, more when the machine is busy) plus about 1-2 minutes
for the clean root; everything is made in a temporary folder and removed afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, REPO
from tests.installer.debroot import DebianBase, assert_self_test, clean_debian_root, in_root, say

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        not sys.platform.startswith("linux") or not shutil.which("dpkg-deb"),
        reason="the Linux installers build only on Debian-like Linux (dpkg-deb)",
    ),
]


def mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / (
        2**20
    )


@dataclass
class Build:
    root: Path
    bundle: Path
    deb: Path
    seconds: float
    log: str


@pytest.fixture(scope="module")
def build(pytestconfig: pytest.Config) -> Iterator[Build]:
    base = getattr(sys, "_base_executable", sys.executable)
    check = subprocess.run(
        [base, "-c", "import sysconfig; print(sysconfig.get_config_var('Py_ENABLE_SHARED'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if check.stdout.strip() != "1":
        pytest.skip(f"{base} has no shared libpython, which PyInstaller needs")
    root = Path(tempfile.mkdtemp(prefix="coachdesk-installer-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACHDESK_")}
    env["PYTHON"] = base
    started = time.monotonic()
    try:
        # xz level 1 keeps CI fast; releases use the default (6), which is smaller.
        result = subprocess.run(
            [
                "bash",
                str(REPO / "installer" / "build-linux.sh"),
                "--out",
                str(root),
                "--level",
                "1",
            ],
            capture_output=True,
            text=True,
            env=env,
            timeout=1500,
            check=False,
        )
        seconds = time.monotonic() - started
        assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
        debs = list(root.glob("coachdesk_*.deb"))
        assert len(debs) == 1, debs
        built = Build(root, root / "dist" / "coachdesk", debs[0], seconds, result.stdout)
        say(
            pytestconfig,
            f"build-linux.sh took {seconds:.0f} s; bundle {mib(built.bundle):.1f} MiB, "
            f".deb {mib(built.deb):.1f} MiB (xz -1)",
        )
        yield built
    finally:
        shutil.rmtree(root, ignore_errors=True)


def run_bundle(
    build: Build, *args: str, env: dict[str, str] | None = None, xvfb: bool = False
) -> subprocess.CompletedProcess[str]:
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/root"),
        "LANG": "C.UTF-8",
        "COACHDESK_HOME": os.environ["COACHDESK_HOME"],
    }
    command = [str(build.bundle / "coachdesk"), *args]
    if xvfb:
        command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", *command]
    return subprocess.run(
        command, capture_output=True, text=True, env={**base, **(env or {})}, timeout=300
    )


# ---- the one-folder bundle ---------------------------------------------------------------------


def test_bundle_is_one_folder_carrying_what_the_app_needs(build: Build) -> None:
    internal = build.bundle / "_internal"
    assert (build.bundle / "coachdesk").is_file() and os.access(build.bundle / "coachdesk", os.X_OK)
    assert internal.is_dir()
    qt = internal / "PySide6" / "Qt"
    for needed in (
        "plugins/platforms/libqxcb.so",
        "plugins/platforms/libqoffscreen.so",
        "plugins/imageformats/libqsvg.so",
        "plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "translations/qtbase_es.qm",
        "lib/libQt6Widgets.so.6",
    ):
        assert (qt / needed).is_file(), needed
    for resource in (REPO / "resources").rglob("*"):
        if resource.is_file() and resource.suffix != ".ts":
            assert (internal / resource.relative_to(REPO)).is_file(), resource
    for migration in (REPO / "coachdesk" / "storage").glob("*migrations/*.sql"):
        rel = migration.relative_to(REPO)
        assert (internal / rel).is_file(), rel
    # what the recipe cuts stays out
    assert not (qt / "plugins" / "platforms" / "libqwayland.so").exists()
    assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()
    assert not list(internal.glob("libgtk-3*")) and not list(internal.glob("libcairo*"))
    assert sorted(p.name for p in (qt / "translations").iterdir()) <= ["qt_es.qm", "qtbase_es.qm"]
    for module in ("tkinter", "unittest", "pytest", "hypothesis", "setuptools", "pip"):
        assert not (internal / module).exists(), module
    # one-folder, not one-file: the program starts from its own folder, unpacks nothing
    assert (build.bundle / "coachdesk").stat().st_size < 20 * 2**20


def test_frozen_self_test_offscreen(build: Build) -> None:
    result = run_bundle(build, "--self-test", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert_self_test(result.stdout, "offscreen", frozen=True)


def test_frozen_self_test_under_xvfb(build: Build) -> None:
    if not shutil.which("xvfb-run"):
        pytest.skip("xvfb-run is not installed (package xvfb, in .ci/apt-packages.txt)")
    result = run_bundle(build, "--self-test", xvfb=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_self_test(result.stdout, "xcb", frozen=True)
    assert "Could not load the Qt platform plugin" not in result.stderr


def test_frozen_command_line_has_every_command_group(build: Build) -> None:
    """The CLI finds its command modules by listing its package: the bundle must hold them all."""
    frozen = run_bundle(build, "--help")
    source = subprocess.run(
        [sys.executable, "-m", "coachdesk", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert frozen.returncode == source.returncode == 0, frozen.stderr + source.stderr
    assert frozen.stdout == source.stdout


def test_frozen_command_line_keeps_records_in_a_real_vault(build: Build, tmp_path: Path) -> None:
    """The bundle carries the schema migrations and runs the whole CLI path."""
    vault = tmp_path / "vault"
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    created = run_bundle(build, "vault", "init", str(vault), "--name", "Coach Test", env=env)
    assert created.returncode == 0, created.stderr
    added = run_bundle(
        build, "client", "add", str(vault), "--given", "Iñara", "--family", "Quelmont",
        "--setting", "community", "--json", env=env,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = run_bundle(build, "client", "list", str(vault), "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    assert "Quelmont" in listed.stdout
    checked = run_bundle(build, "vault", "check", str(vault), "--json", env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert b"Quelmont" not in (vault / "vault.db").read_bytes()  # encrypted at rest


def test_frozen_app_refuses_to_run_without_sqlcipher(build: Build, tmp_path: Path) -> None:
    """A bundle whose SQLCipher went missing (a broken copy, an antivirus quarantine) must not
    fall back to anything unencrypted."""
    broken = tmp_path / "coachdesk"
    shutil.copytree(build.bundle, broken, copy_function=os.link)  # hard links: instant
    for extension in (broken / "_internal" / "sqlcipher3").glob("*.so"):
        extension.unlink()
    for args in ((), ("--version",), ("--self-test",), ("client", "list", str(tmp_path))):
        result = subprocess.run(
            [str(broken / "coachdesk"), *args],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
            timeout=120,
        )
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "encryption (SQLCipher 4) is not available" in result.stderr
        assert "Traceback" not in result.stderr and result.stdout == ""


# ---- the Debian package ------------------------------------------------------------------------


def test_deb_metadata_and_layout(build: Build) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(build.deb)], capture_output=True, text=True, check=True
    ).stdout
    assert re.search(r"^Package: coachdesk$", fields, re.MULTILINE)
    depends = re.search(r"^Depends: (.*)$", fields, re.MULTILINE)
    assert depends
    names = {item.split()[0] for item in depends.group(1).split(", ")}
    assert {"libc6", "libgl1", "libxcb-cursor0", "libfontconfig1", "fonts-dejavu-core"} <= names
    assert "libssl3" in names  # unbundled: Debian's OpenSSL, with its security updates
    assert not any(name.startswith("libgtk") for name in names)
    listing = subprocess.run(
        ["dpkg-deb", "-c", str(build.deb)], capture_output=True, text=True, check=True
    ).stdout
    for path in (
        "./usr/bin/coachdesk",
        "./opt/coachdesk/coachdesk",
        "./usr/share/applications/coachdesk.desktop",
        "./usr/share/icons/hicolor/scalable/apps/coachdesk.svg",
        "./usr/share/icons/hicolor/256x256/apps/coachdesk.png",
        "./usr/share/doc/coachdesk/copyright",
    ):
        assert re.search(rf" {re.escape(path)}$", listing, re.MULTILINE), path
    assert " root/root " in listing and "./home" not in listing
    assert not re.search(r"_internal/libssl\.so", listing)


def installed_sizes(root: Path) -> dict[str, int]:
    out = in_root(root, "dpkg-query", "-W", "-f=${Package} ${Installed-Size}\\n").stdout
    return {name: int(size or 0) for name, size in (line.split(" ") for line in out.splitlines())}


def test_deb_installs_and_runs_in_a_clean_debian_root(
    build: Build, debian_base: DebianBase, pytestconfig: pytest.Config
) -> None:
    with clean_debian_root(debian_base) as root:
        before = installed_sizes(root)
        shutil.copyfile(build.deb, root / "tmp" / build.deb.name)
        (root / "tmp" / build.deb.name).chmod(0o644)
        started = time.monotonic()
        apt = in_root(
            root,
            "sh",
            "-c",
            "apt-get update -qq && apt-get install -y -q --no-install-recommends "
            f"/tmp/{build.deb.name}",
            env={"DEBIAN_FRONTEND": "noninteractive"},
        )
        assert apt.returncode == 0, apt.stdout[-4000:] + apt.stderr[-4000:]
        after = installed_sizes(root)
        added = {name: size for name, size in after.items() if name not in before}
        say(
            pytestconfig,
            f"apt-get install in the clean root: {time.monotonic() - started:.0f} s, "
            f"{len(added)} packages; coachdesk {after['coachdesk'] / 1024:.0f} MiB installed "
            f"(/opt/coachdesk {mib(root / 'opt' / 'coachdesk'):.0f} MiB), with its dependencies "
            f"{sum(added.values()) / 1024:.0f} MiB",
        )

        offscreen = in_root(root, "coachdesk", "--self-test")
        assert offscreen.returncode == 0, offscreen.stdout + offscreen.stderr
        assert_self_test(offscreen.stdout, "offscreen", frozen=True)

        if shutil.which("xvfb-run"):
            on_x = in_root(root, "coachdesk", "--self-test", xvfb=True)
            assert on_x.returncode == 0, on_x.stdout + on_x.stderr
            assert_self_test(on_x.stdout, "xcb", frozen=True)

        # a coach's vault in their home folder survives removing and purging the package
        env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
        made = in_root(root, "coachdesk", "vault", "init", "/root/vaults/coach", env=env)
        assert made.returncode == 0, made.stderr
        added_client = in_root(
            root, "coachdesk", "client", "add", "/root/vaults/coach", "--given", "Oren",
            "--family", "Vasquez-Lind", "--setting", "community", env=env,
        )  # fmt: skip
        assert added_client.returncode == 0, added_client.stderr
        vault = root / "root" / "vaults" / "coach"
        fingerprint = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in vault.iterdir()}
        desktop = root / "usr" / "share" / "applications" / "coachdesk.desktop"
        assert desktop.is_file()
        assert (
            root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "coachdesk.png"
        ).is_file()
        verify = in_root(root, "dpkg", "--verify", "coachdesk")
        assert verify.returncode == 0 and not verify.stdout.strip(), verify.stdout

        purge = in_root(
            root, "apt-get", "purge", "-y", "-q", "coachdesk",
            env={"DEBIAN_FRONTEND": "noninteractive"},
        )  # fmt: skip
        assert purge.returncode == 0, purge.stdout + purge.stderr
        assert not (root / "opt" / "coachdesk").exists()
        assert not (root / "usr" / "bin" / "coachdesk").exists() and not desktop.exists()
        assert {
            p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in vault.iterdir()
        } == fingerprint
