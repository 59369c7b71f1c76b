"""Turn the one-folder bundle into a Debian package with dpkg-deb.

    python installer/linux/build_deb.py --bundle DIST/coachdesk --icons ICONS --out OUT

Layout: /opt/coachdesk (the bundle), /usr/bin/coachdesk (a wrapper), the .desktop entry, the
icon in hicolor, /usr/share/doc/coachdesk/copyright. Depends is computed, not guessed:

1. Libraries PyInstaller copied from this build machine's Debian packages (libssl, libX11,
   libxcb-*, libglib, ...) are taken out of the package, so they get Debian's security updates
   instead of staying frozen copies.
2. Every ELF file left names its libraries (DT_NEEDED, via objdump); those not in the package
   add the Debian package that provides them on this machine. A library found nowhere stops
   the build, and so does anything ldd cannot resolve the way the bundle runs.
3. installer/linux/depends.txt adds packages Qt needs for their data (fonts, XKB, fontconfig).

Versions are ">= the upstream version on the build machine". Standard library only: runs under
any Python 3.11 on the Debian build machine.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
# Never swapped for a system copy: the bundle's Python must match its own lib-dynload.
KEEP_BUNDLED = re.compile(r"^libpython\d")
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(\S+|not found)")


def run(*args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, env=env).stdout


def project_version() -> str:
    text = (REPO / "coachdesk" / "__init__.py").read_text("utf-8")
    match = re.search(r'__version__\s*=\s*"([^"]+)"', text)
    if not match:
        raise SystemExit("build_deb: no __version__ in coachdesk/__init__.py")
    return match.group(1)


def read_list(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return [line for line in lines if line]


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def ldconfig_paths() -> dict[str, str]:
    """soname -> path, from the dynamic linker's cache (this machine's architecture only)."""
    found: dict[str, str] = {}
    for line in run("ldconfig", "-p").splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        flags, _, path = rest.partition(") => ")
        if path and ("x86-64" in flags) == (os.uname().machine == "x86_64"):
            found.setdefault(name, path)
    return found


def path_variants(path: str) -> list[str]:
    """dpkg records a file under the path its package shipped (/lib or /usr/lib, usrmerge)."""
    out = []
    for candidate in (path, os.path.realpath(path)):
        out.append(candidate)
        out.append(candidate[4:] if candidate.startswith("/usr/") else "/usr" + candidate)
    return list(dict.fromkeys(out))


def owners(paths: Iterable[str]) -> dict[str, str]:
    """path -> the Debian package that installed it (one dpkg-query for all: it is slow)."""
    variants = {path: path_variants(path) for path in paths}
    every = sorted({v for vs in variants.values() for v in vs})
    if not every:
        return {}
    result = subprocess.run(
        ["dpkg-query", "-S", *every], capture_output=True, text=True, check=False
    )
    by_file: dict[str, str] = {}
    for line in result.stdout.splitlines():
        packages, sep, file = line.partition(": ")
        if sep and not packages.startswith("diversion"):
            by_file[file.strip()] = packages.split(",")[0].strip().split(":")[0]
    found = {}
    for path, candidates in variants.items():
        for candidate in candidates:
            if candidate in by_file:
                found[path] = by_file[candidate]
                break
    return found


def needed(path: Path) -> list[str]:
    """The shared libraries an ELF file names directly (DT_NEEDED)."""
    result = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=False
    )
    return [
        line.split()[1] for line in result.stdout.splitlines() if line.split()[:1] == ["NEEDED"]
    ]


def upstream_version(package: str) -> str:
    version = run("dpkg-query", "-W", "-f=${Version}", package).strip()
    return version.rsplit("-", 1)[0] if "-" in version else version


def depends_field(packages: Iterable[str], versioned: Iterable[str]) -> str:
    versioned = set(versioned)
    items = []
    for package in sorted(set(packages)):
        if package in versioned:
            items.append(f"{package} (>= {upstream_version(package)})")
        else:
            items.append(package)
    return ", ".join(items)


def unbundle_system_libraries(internal: Path, cache: dict[str, str]) -> list[str]:
    """Remove the top-level bundled libraries that a Debian package provides."""
    candidates = {
        lib: cache[lib.name]
        for lib in sorted(internal.glob("*.so*"))
        if is_elf(lib) and not KEEP_BUNDLED.match(lib.name) and lib.name in cache
    }
    owned = owners(candidates.values())
    removed = []
    for lib, system_path in candidates.items():
        if system_path in owned:
            lib.unlink()
            removed.append(lib.name)
    return removed


def system_packages(root: Path, cache: dict[str, str]) -> set[str]:
    """Debian packages of the libraries the bundle's files link to directly (apt follows the
    rest); fails on a library neither in the bundle nor on this machine."""
    elves = sorted(p for p in root.rglob("*") if is_elf(p))
    inside = {p.name for p in root.rglob("*.so*")}
    outside: dict[str, str] = {}
    for elf in elves:
        for name in needed(elf):
            if name not in inside:
                outside.setdefault(name, str(elf.relative_to(root)))
    unknown = sorted(
        f"{name} (needed by {by})" for name, by in outside.items() if name not in cache
    )
    if unknown:
        raise SystemExit("build_deb: libraries not found:\n  " + "\n  ".join(unknown))
    paths = {cache[name] for name in outside}
    owned = owners(paths)
    orphans = sorted(paths - owned.keys())
    if orphans:
        raise SystemExit("build_deb: libraries from no Debian package: " + " ".join(orphans))
    return set(owned.values())


def check_closure(root: Path, internal: Path) -> None:
    """ldd every ELF file as the bundle runs (its _internal first): nothing may be missing."""
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    missing = set()
    for path in sorted(p for p in root.rglob("*") if is_elf(p)):
        result = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        )
        for line in result.stdout.splitlines():
            match = LDD_LINE.match(line)
            if match and match.group(2) == "not found":
                missing.add(f"{match.group(1)} (needed by {path.relative_to(root)})")
    if missing:
        raise SystemExit("build_deb: unresolved libraries:\n  " + "\n  ".join(sorted(missing)))


def normalize_permissions(root: Path) -> None:
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK) or is_elf(path):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(p for p in stage.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(stage)
        if rel.parts[0] == "DEBIAN":
            continue
        digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
        lines.append(f"{digest}  {rel.as_posix()}\n")
    return "".join(lines)


def du_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += (path.stat().st_size + 1023) // 1024
    return total


CONTROL = """\
Package: coachdesk
Version: {version}
Section: misc
Priority: optional
Architecture: {arch}
Maintainer: CoachDesk maintainers <coachdesk@example.org>
Installed-Size: {size}
Depends: {depends}
Homepage: https://example.org/coachdesk
Description: offline, encrypted records for recovery coaches
 CoachDesk keeps a recovery coach's caseload, contact notes, recovery plans and
 BARC-10 assessments in an encrypted vault (SQLCipher 4, Argon2id), works without
 a network, and writes anonymized, signed and sealed outcome exports for the
 coach's Recovery Community Organization.
 .
 The program is installed in /opt/coachdesk. Each coach's vault lives in their
 own home folder; removing or purging this package never touches it.
"""


def build(bundle: Path, icons: Path, out: Path, compression: str, level: int) -> Path:
    version = project_version()
    arch = run("dpkg", "--print-architecture").strip()
    stage = out / "deb-root"
    if stage.exists():
        shutil.rmtree(stage)
    app = stage / "opt" / "coachdesk"
    shutil.copytree(bundle, app, symlinks=True)
    internal = app / "_internal"

    cache = ldconfig_paths()
    removed = unbundle_system_libraries(internal, cache)
    check_closure(app, internal)
    linked = system_packages(app, cache)
    fixed = read_list(HERE / "depends.txt")

    (stage / "usr" / "bin").mkdir(parents=True)
    shutil.copyfile(HERE / "coachdesk.sh", stage / "usr" / "bin" / "coachdesk")
    (stage / "usr" / "bin" / "coachdesk").chmod(0o755)
    applications = stage / "usr" / "share" / "applications"
    applications.mkdir(parents=True)
    shutil.copyfile(HERE / "coachdesk.desktop", applications / "coachdesk.desktop")
    hicolor = stage / "usr" / "share" / "icons" / "hicolor"
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(icons / "coachdesk.svg", hicolor / "scalable" / "apps" / "coachdesk.svg")
    for png in sorted(icons.glob("coachdesk-*.png")):
        size = png.stem.split("-")[-1]
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copyfile(png, target / "coachdesk.png")
    doc = stage / "usr" / "share" / "doc" / "coachdesk"
    doc.mkdir(parents=True)
    shutil.copyfile(HERE / "copyright", doc / "copyright")

    normalize_permissions(stage)
    (stage / "DEBIAN").mkdir()
    depends = depends_field(linked | set(fixed), versioned=linked)
    (stage / "DEBIAN" / "control").write_text(
        CONTROL.format(version=version, arch=arch, size=du_kib(stage), depends=depends), "utf-8"
    )
    (stage / "DEBIAN" / "md5sums").write_text(md5sums(stage), "utf-8")
    normalize_permissions(stage / "DEBIAN")

    deb = out / f"coachdesk_{version}_{arch}.deb"
    subprocess.run(
        [
            "dpkg-deb",
            "--root-owner-group",
            f"-Z{compression}",
            f"-z{level}",
            "--build",
            str(stage),
            str(deb),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    print(f"unbundled system libraries ({len(removed)}): {' '.join(removed)}")
    print(f"Depends: {depends}")
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, required=True, help="the one-folder bundle")
    parser.add_argument("--icons", type=Path, required=True, help="make_icons.py's output")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .deb")
    parser.add_argument("--compression", default="xz", choices=["xz", "gzip", "zstd", "none"])
    parser.add_argument(
        "--level", type=int, default=6, help="compression level (xz 6: smallest in fair time)"
    )
    args = parser.parse_args(argv)
    if not (args.bundle / "coachdesk").is_file():
        print(f"build_deb: {args.bundle} holds no coachdesk program", file=sys.stderr)
        return 1
    deb = build(args.bundle, args.icons, args.out, args.compression, args.level)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
