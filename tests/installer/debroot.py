"""Clean Debian roots for the installer tests: one debootstrap (minbase) per test session, copied
for each test that needs a root, so every test starts from the same untouched system.

The session's base roots are made by the `debian_base` fixture (the host's Debian release) and
the `ubuntu_base` one (Ubuntu 24.04, when COACHDESK_TEST_UBUNTU=1) in tests/installer/conftest.py;
`clean_debian_root(base)` gives a private copy with /proc mounted, unmounted and removed
afterwards; `in_root` runs a command inside one with a clean environment.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

CHROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"


def say(config: pytest.Config, line: str) -> None:
    """Print a measured figure into the test log even when output is captured."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None:
        return
    with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
        reporter.write_line(f"[installer] {line}")


def assert_self_test(output: str, platform: str, *, frozen: bool) -> dict[str, object]:
    """`coachdesk --self-test` printed every check passing, on Qt platform `platform`."""
    report = json.loads(output)
    assert report["frozen"] is frozen, report
    assert report["ok"] is True, report
    checks = report["checks"]
    assert set(checks) == {"sqlcipher", "crypto", "fonts", "qt"}
    assert all(check["ok"] for check in checks.values()), checks
    assert checks["sqlcipher"]["cipher_version"].startswith("4.")
    assert checks["sqlcipher"]["fts5"] is True
    assert checks["qt"]["platform"] == platform
    return report


def apt_mirror(codename: str) -> str | None:
    """The Debian mirror this machine's apt uses for `codename` (deb822 or one-line format)."""
    sources = Path("/etc/apt/sources.list.d")
    files = [Path("/etc/apt/sources.list"), *sorted(sources.glob("*.list"))]
    for path in sorted(sources.glob("*.sources")):
        for stanza in path.read_text("utf-8").split("\n\n"):
            fields = dict(
                (key.strip().lower(), value.strip())
                for line in stanza.splitlines()
                if not line.lstrip().startswith("#") and ":" in line
                for key, _, value in [line.partition(":")]
            )
            if (
                "deb" in fields.get("types", "").split()
                and codename in fields.get("suites", "").split()
                and "main" in fields.get("components", "").split()
            ):
                return fields["uris"].split()[0]
    for path in files:
        if not path.is_file():
            continue
        for line in path.read_text("utf-8").splitlines():
            words = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
            if len(words) >= 4 and words[0] == "deb" and words[2] == codename and "main" in words:
                return words[1]
    return None


def host_codename() -> str | None:
    text = Path("/etc/os-release").read_text("utf-8") if Path("/etc/os-release").exists() else ""
    match = re.search(r"^VERSION_CODENAME=(\w+)", text, re.MULTILINE)
    return match.group(1) if match else None


def mounts_under(root: Path) -> list[str]:
    """Mount points at or below `root`, deepest first."""
    top = str(root.resolve())
    found = []
    for line in Path("/proc/mounts").read_text().splitlines():
        mountpoint = line.split()[1].replace("\\040", " ")
        if mountpoint == top or mountpoint.startswith(top + "/"):
            found.append(mountpoint)
    return sorted(found, key=len, reverse=True)


def remove_root(parent: Path) -> None:
    """Unmount everything at or under `parent`, then delete it; never deletes through a mount."""
    for mountpoint in mounts_under(parent):
        if subprocess.run(["umount", mountpoint], check=False).returncode != 0:
            subprocess.run(["umount", "-l", mountpoint], check=False)
    leftover = mounts_under(parent)
    if leftover:
        pytest.fail(f"could not unmount {leftover}; left {parent} in place")
    subprocess.run(["rm", "-rf", "--one-file-system", str(parent)], check=False)


def memory_available() -> int:
    """Bytes of memory the kernel says can be used without swapping (0 when unknown)."""
    match = re.search(r"^MemAvailable:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
    return int(match.group(1)) * 1024 if match else 0


@contextlib.contextmanager
def scratch(prefix: str) -> Iterator[Path]:
    """A temporary folder for a root, in memory (tmpfs) when the machine has room to spare: on a
    busy disk dpkg's fsyncs and deleting a root's ~30,000 files take minutes, here seconds."""
    parent = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        if memory_available() > 8 * 2**30:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=4g,mode=0755", "tmpfs", str(parent)],
                check=True,
            )
        yield parent
    finally:
        remove_root(parent)


@dataclass(frozen=True)
class DebianBase:
    """An untouched minbase root (Debian, or Ubuntu); only ever copied, never entered."""

    path: Path
    codename: str
    mirror: str


UBUNTU_CODENAME = "noble"  # Ubuntu 24.04 LTS
UBUNTU_MIRROR = "http://archive.ubuntu.com/ubuntu"
# Ubuntu's archive key, from the keyring package of noble's release pocket, which never changes:
# the file and its hash are fixed, so nothing unverified is ever trusted.
UBUNTU_KEYRING_DEB = "pool/main/u/ubuntu-keyring/ubuntu-keyring_2023.11.28.1_all.deb"
UBUNTU_KEYRING_SHA256 = "36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8"
# bookworm's debootstrap predates noble; noble bootstraps like every Ubuntu since gutsy
UBUNTU_SCRIPT = Path("/usr/share/debootstrap/scripts/gutsy")


def why_no_root(mirror: str, codename: str) -> str | None:
    """Why a clean root of `codename` cannot be made here, or None when it can."""
    if os.geteuid() != 0:
        return "a clean root needs root (debootstrap, mount, chroot)"
    if not shutil.which("debootstrap"):
        return "debootstrap is not installed (it is in .ci/apt-packages.txt)"
    try:
        with urllib.request.urlopen(f"{mirror.rstrip('/')}/dists/{codename}/Release", timeout=20):
            pass
    except OSError as exc:
        return f"the mirror {mirror} is unreachable from here: {exc}"
    return None


def why_no_debian_root() -> str | None:
    """Why a clean root of the host's Debian release cannot be made, or None when it can."""
    codename = host_codename()
    mirror = apt_mirror(codename) if codename else None
    if not codename or not mirror:
        return "found no Debian mirror for this release in /etc/apt/sources.list*"
    return why_no_root(mirror, codename)


def why_no_ubuntu_root() -> str | None:
    if not UBUNTU_SCRIPT.is_file():
        return f"debootstrap has no {UBUNTU_SCRIPT.name} script"
    return why_no_root(UBUNTU_MIRROR, UBUNTU_CODENAME)


@contextlib.contextmanager
def bootstrapped(
    config: pytest.Config, codename: str, mirror: str, *options: str, script: str = ""
) -> Iterator[DebianBase]:
    """debootstrap --variant=minbase of `codename` from `mirror`, on tmpfs when memory allows."""
    with scratch(f"coachdesk-{codename}-base-") as parent:
        root = parent / "root"
        started = time.monotonic()
        result = subprocess.run(
            ["debootstrap", "--variant=minbase", *options, codename, str(root), mirror,
             *([script] if script else [])],
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        say(config, f"debootstrap --variant=minbase {codename}: {time.monotonic() - started:.0f} s")
        shutil.copyfile("/etc/resolv.conf", root / "etc" / "resolv.conf")
        # no service may start inside a root
        policy = root / "usr" / "sbin" / "policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        yield DebianBase(root, codename, mirror)


@contextlib.contextmanager
def debian_bootstrapped(config: pytest.Config) -> Iterator[DebianBase]:
    """The host's Debian release from the mirror its apt uses (see why_no_debian_root)."""
    codename = host_codename()
    mirror = apt_mirror(codename) if codename else None
    assert codename and mirror, "call why_no_debian_root() first"
    with bootstrapped(config, codename, mirror) as base:
        yield base


@contextlib.contextmanager
def ubuntu_bootstrapped(config: pytest.Config) -> Iterator[DebianBase]:
    """Ubuntu 24.04 with main and universe, as a desktop has them (see why_no_ubuntu_root)."""
    with tempfile.TemporaryDirectory(prefix="coachdesk-ubuntu-keyring-") as folder:
        url = f"{UBUNTU_MIRROR}/{UBUNTU_KEYRING_DEB}"
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
        assert hashlib.sha256(data).hexdigest() == UBUNTU_KEYRING_SHA256, url
        deb = Path(folder) / "ubuntu-keyring.deb"
        deb.write_bytes(data)
        subprocess.run(["dpkg-deb", "-x", str(deb), folder], check=True)
        keyring = Path(folder) / "usr" / "share" / "keyrings" / "ubuntu-archive-keyring.gpg"
        with bootstrapped(
            config, UBUNTU_CODENAME, UBUNTU_MIRROR, "--components=main,universe",
            f"--keyring={keyring}", script=str(UBUNTU_SCRIPT),
        ) as base:  # fmt: skip
            yield base


@contextlib.contextmanager
def clean_debian_root(base: DebianBase) -> Iterator[Path]:
    """A private copy of the session's base root with /proc mounted; removed afterwards."""
    with scratch("coachdesk-root-") as parent:
        root = parent / "root"
        subprocess.run(["cp", "-a", "--reflink=auto", str(base.path), str(root)], check=True)
        subprocess.run(["mount", "-t", "proc", "proc", str(root / "proc")], check=True)
        yield root


def bind_mount(source: Path, root: Path, target: str, *, read_only: bool = True) -> None:
    """Make `source` visible at `target` inside `root` (undone by the root's removal)."""
    inside = root / target.lstrip("/")
    inside.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "--bind", str(source), str(inside)], check=True)
    if read_only:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(inside)], check=True)


def in_root(
    root: Path,
    *command: str,
    env: dict[str, str] | None = None,
    xvfb: bool = False,
    user: str | None = None,
    timeout: float = 900,
) -> subprocess.CompletedProcess[str]:
    """Run `command` in `root` with only PATH, HOME, LANG and `env` set; `user` is "UID:GID"."""
    home = "/root" if user is None else f"/home/{user}"
    base = {"PATH": CHROOT_PATH, "HOME": home, "LANG": "C.UTF-8"}
    variables = [f"{k}={v}" for k, v in {**base, **(env or {})}.items()]
    chroot = ["chroot", *([f"--userspec={uid_of(root, user)}"] if user else []), str(root)]
    argv = [*chroot, "/usr/bin/env", "-i", *variables, *command]
    if xvfb:
        # The X server runs outside the root; its abstract socket is reachable from inside.
        # xvfb-run's cookie is copied in so the connection is authorised as usual.
        script = (
            'cp "$XAUTHORITY" "$ROOT/tmp/xauth" && chmod 644 "$ROOT/tmp/xauth" && exec '
            + " ".join(chroot[:-1])
            + ' "$ROOT" /usr/bin/env -i '
            + " ".join(f"'{v}'" for v in variables)
            + ' DISPLAY="$DISPLAY" XAUTHORITY=/tmp/xauth '
            + " ".join(f"'{c}'" for c in command)
        )
        argv = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", script]
    return subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={"PATH": os.environ.get("PATH", CHROOT_PATH), "ROOT": str(root)},
    )


def uid_of(root: Path, user: str) -> str:
    """The `UID:GID` of `user` in the root's /etc/passwd."""
    for line in (root / "etc" / "passwd").read_text("utf-8").splitlines():
        fields = line.split(":")
        if fields[0] == user:
            return f"{fields[2]}:{fields[3]}"
    raise LookupError(user)
