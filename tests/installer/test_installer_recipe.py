"""The installer recipes, checked without building anything: what the bundle keeps and drops,
the encryption guard, the .deb's helper logic and files, and the Windows script's promises."""

from __future__ import annotations

import configparser
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO, RunCli

INSTALLER = REPO / "installer"


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[path.stem] = module
    spec.loader.exec_module(module)
    return module


bundle_filter = load(INSTALLER / "bundle_filter.py")
build_deb = load(INSTALLER / "linux" / "build_deb.py")


# ---- what the bundle keeps ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\Qt\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/translations/qtbase_es.qm",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "resources/translations/coachdesk_es.qm",
        "coachdesk/storage/migrations/0001_initial.sql",
    ],
)
def test_what_the_window_needs_is_kept(dest: str) -> None:
    assert bundle_filter.keep(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtdeclarative_es.qm",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    ],
)
def test_what_the_window_never_uses_is_dropped(dest: str) -> None:
    assert not bundle_filter.keep(dest)


def test_translation_sources_stay_behind_and_runtime_resources_ship() -> None:
    from pathlib import PurePath

    assert not bundle_filter.keep_resource(PurePath("resources/translations/coachdesk_es.ts"))
    assert bundle_filter.keep_resource(PurePath("resources/translations/coachdesk_es.qm"))
    assert bundle_filter.keep_resource(PurePath("resources/fonts/DejaVuSans.ttf"))
    assert not bundle_filter.keep_resource(PurePath("resources/sample/__pycache__/x.pyc"))


def test_excluded_modules_are_not_ones_the_app_imports() -> None:
    """An exclusion that hits a module CoachDesk imports would break only the frozen build."""
    imported: set[str] = set()
    pattern = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_][\w.]*)", re.MULTILINE)
    for path in (REPO / "coachdesk").rglob("*.py"):
        imported.update(pattern.findall(path.read_text("utf-8")))
    for excluded in bundle_filter.EXCLUDES:
        clashes = {m for m in imported if m == excluded or m.startswith(excluded + ".")}
        assert not clashes, f"{excluded} is excluded from the bundle but imported: {clashes}"
    # Pillow itself must stay: reportlab.lib.utils imports PIL.Image unconditionally
    assert "PIL" not in bundle_filter.EXCLUDES


# ---- the encryption guard ----------------------------------------------------------------------

BLOCK_SQLCIPHER = (
    "import sys\n"
    "class Block:\n"
    "    def find_spec(self, name, path=None, target=None):\n"
    "        if name == 'sqlcipher3' or name.startswith('sqlcipher3.'):\n"
    "            raise ImportError('no SQLCipher here')\n"
    "sys.meta_path.insert(0, Block())\n"
    "from coachdesk.__main__ import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run_without_sqlcipher(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", BLOCK_SQLCIPHER, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args", [[], ["--version"], ["--self-test"], ["client", "list", "somewhere"]]
)
def test_refuses_to_run_without_sqlcipher(args: list[str]) -> None:
    result = run_without_sqlcipher(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "encryption (SQLCipher 4) is not available" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_guard_costs_little_and_passes_where_sqlcipher_works(run_cli: RunCli) -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.startswith("coachdesk ")
    assert result.stderr == ""


# ---- the .deb helpers and files ----------------------------------------------------------------


def test_dpkg_paths_cover_usrmerge() -> None:
    variants = build_deb.path_variants("/lib/x86_64-linux-gnu/libc.so.6")
    assert "/lib/x86_64-linux-gnu/libc.so.6" in variants
    assert "/usr/lib/x86_64-linux-gnu/libc.so.6" in variants


@pytest.mark.skipif(not shutil.which("dpkg-query"), reason="needs dpkg (a Debian system)")
def test_owner_of_a_system_library_is_found() -> None:
    cache = build_deb.ldconfig_paths()
    assert "libc.so.6" in cache
    owned = build_deb.owners([cache["libc.so.6"], "/nonexistent/libnothing.so.1"])
    assert owned == {cache["libc.so.6"]: "libc6"}
    field = build_deb.depends_field(["libc6", "fonts-dejavu-core"], versioned=["libc6"])
    assert re.fullmatch(r"fonts-dejavu-core, libc6 \(>= [0-9][^ -]*\)", field), field


@pytest.mark.skipif(not shutil.which("objdump"), reason="needs objdump (binutils)")
def test_needed_libraries_are_read_from_the_elf_file() -> None:
    import _ssl  # a stdlib extension that links OpenSSL

    names = build_deb.needed(Path(_ssl.__file__))
    assert any(name.startswith("libssl") for name in names), names


def test_fixed_depends_are_the_qt_runtime_packages_ci_installs() -> None:
    fixed = set(build_deb.read_list(INSTALLER / "linux" / "depends.txt"))
    ci = set(build_deb.read_list(REPO / ".ci" / "apt-packages.txt"))
    assert {"libxcb-cursor0", "libxkbcommon-x11-0", "fonts-dejavu-core", "libgl1"} <= fixed
    assert fixed <= ci, f"not installed by CI, so not checked there: {fixed - ci}"


def test_desktop_entry() -> None:
    path = INSTALLER / "linux" / "coachdesk.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "coachdesk" and entry["Icon"] == "coachdesk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Comment[es]" in entry
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_wrapper_runs_the_bundle_and_passes_arguments() -> None:
    wrapper = INSTALLER / "linux" / "coachdesk.sh"
    assert subprocess.run(["sh", "-n", str(wrapper)], check=False).returncode == 0
    text = wrapper.read_text("utf-8")
    assert 'exec /opt/coachdesk/coachdesk "$@"' in text
    assert os.access(wrapper, os.X_OK)


def test_build_script_is_valid_bash_with_help() -> None:
    script = INSTALLER / "build-linux.sh"
    assert subprocess.run(["bash", "-n", str(script)], check=False).returncode == 0
    result = subprocess.run(
        ["bash", str(script), "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "one command" in result.stdout
    bad = subprocess.run(
        ["bash", str(script), "--frobnicate"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2 and "unknown option" in bad.stderr


# ---- the Windows installer script --------------------------------------------------------------


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in (INSTALLER / "windows" / "coachdesk.iss").read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
        else:
            sections.setdefault(current, []).append(line)
    return sections


def iss_setup() -> dict[str, str]:
    setup = {}
    for line in iss_sections()["Setup"]:
        key, _, value = line.partition("=")
        setup[key.strip()] = value.strip()
    return setup


def test_windows_install_is_per_user_without_admin_rights() -> None:
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # no elevation offered at all
    assert setup["DefaultDirName"] == r"{localappdata}\Programs\CoachDesk"
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["UsePreviousAppDir"] == "yes"
    # A stable AppId: upgrades replace the program in place instead of installing twice.
    assert re.fullmatch(r"\{\{[0-9A-F-]{36}\}", setup["AppId"]), setup["AppId"]


def test_windows_install_writes_only_the_program_folder_and_the_start_menu() -> None:
    sections = iss_sections()
    for line in sections["Files"]:
        assert 'DestDir: "{app}' in line, line
    for line in sections["Icons"]:
        assert line.startswith('Name: "{autoprograms}') or line.startswith(
            'Name: "{autodesktop}'
        ), line
    # nothing in the registry beyond what Inno's uninstall entry needs
    assert "Registry" not in sections


def test_windows_uninstaller_never_touches_the_coaches_vaults() -> None:
    """Vaults live in AppLocalDataLocation (%LOCALAPPDATA%\\CoachDesk\\CoachDesk), outside
    {app}. The uninstaller may delete only what the installer put into {app}."""
    sections = iss_sections()
    for section in ("UninstallDelete", "InstallDelete"):
        for line in sections.get(section, []):
            assert re.match(r'Type: (files|filesandordirs); Name: "\{app\}\\', line), line
    code = "\n".join(sections.get("Code", []))
    for forbidden in ("DelTree", "DeleteFile", "RemoveDir", "Exec(", "SaveStringToFile"):
        assert forbidden not in code, forbidden
    uses = [line for lines in sections.values() for line in lines if "appdata}" in line]
    assert uses == [
        r"DefaultDirName={localappdata}\Programs\CoachDesk",
        r"Result := ExpandConstant('{localappdata}\{#DataOrganisation}');",
    ]


def test_windows_installer_refuses_the_vault_folder_as_program_folder() -> None:
    """Were {app} the vaults' folder, upgrading ([InstallDelete]) could remove vault files."""
    text = (INSTALLER / "windows" / "coachdesk.iss").read_text("utf-8")
    paths = REPO / "coachdesk" / "app" / "paths.py"
    organisation = re.search(r'#define DataOrganisation "([^"]+)"', text)
    assert organisation
    if paths.exists() and "ORGANISATION" in paths.read_text("utf-8"):
        assert f'ORGANISATION = "{organisation.group(1)}"' in paths.read_text("utf-8")
    code = "\n".join(iss_sections()["Code"])
    assert "function PrepareToInstall" in code
    assert "SameOrInside(App, DataFolder()) or SameOrInside(DataFolder(), App)" in code


def test_windows_build_recipe_names_what_it_needs() -> None:
    readme = (INSTALLER / "README.md").read_text("utf-8")
    for needed in ("Python 3.11", "Inno Setup 6", "pyinstaller", "signtool", "ISCC"):
        assert needed in readme, needed
    script = (INSTALLER / "windows" / "build-windows.ps1").read_text("utf-8")
    assert "coachdesk.spec" in script and "ISCC" in script and "--self-test" in script
