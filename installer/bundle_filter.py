"""What the frozen CoachDesk leaves out, in one place: read by coachdesk.spec and by the tests.

Plain Python without PyInstaller or Qt imports, so tests can check the rules directly.
"""

from __future__ import annotations

from pathlib import PurePath

# Python modules the app never uses. Excluding them keeps the bundle small and keeps test tools
# out of what a facility installs.
EXCLUDES: list[str] = [
    # GUI toolkits and tools that come along through optional imports
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    # test and development packages
    "unittest",
    "doctest",
    "pydoc",
    "pydoc_data",
    "test",
    "lib2to3",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "pytest",
    "_pytest",
    "hypothesis",
    "mypy",
    "ruff",
    "IPython",
    "numpy",
    # Qt modules CoachDesk does not use: PySide6-Essentials ships them, and their hooks would
    # bring their libraries, the QML runtime and more plugins
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtQmlFeatures",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtNetwork",
    # Pillow stays (reportlab.lib.utils imports PIL.Image unconditionally), but not its toolkit
    # bridges nor the codecs that carry their own libraries (AVIF, WebP, colour management)
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PIL._tkinter_finder",
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
]

# The window's Qt modules, named in case a lazy import hides one from the analysis.
HIDDEN_IMPORTS: list[str] = ["PySide6.QtWidgets", "PySide6.QtPrintSupport", "PySide6.QtSvg"]

# Qt platform plugins: offscreen (self-test, headless), xcb (X11 and XWayland), minimal,
# windows. Wayland-native, framebuffer, EGLFS, VNC and Vulkan-display are left out.
KEEP_PLATFORMS = frozenset({"qoffscreen", "qxcb", "qminimal", "qwindows"})
# Image formats the window can meet: its icons (SVG, PNG is built in, ICO) and pasted photos.
KEEP_IMAGEFORMATS = frozenset({"qsvg", "qico", "qjpeg", "qgif"})
DROP_PLUGIN_TYPES = frozenset(
    {
        "designer",
        "egldeviceintegrations",
        "generic",
        "networkinformation",
        "qmltooling",
        "sqldrivers",
        "tls",
        "vectorimageformats",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-graphics-integration-server",
        "wayland-shell-integration",
    }
)
# Qt's own translations: Spanish only, the one language CoachDesk ships besides English.
KEEP_QT_TRANSLATIONS = frozenset({"qtbase_es.qm", "qt_es.qm"})
# Files under resources/ that are sources, not runtime data.
SKIP_RESOURCE_SUFFIXES = frozenset({".ts", ".pro", ".py", ".pyc", ".xcf", ".kra"})


def _stem(name: str) -> str:
    stem = name.split(".", 1)[0]  # libqxcb.so -> libqxcb, qxcb.dll -> qxcb
    return stem.removeprefix("lib")


def keep(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) belongs in the bundle."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if not parts:
        return True
    name = parts[-1]
    if "plugins" in parts[:-1]:
        kind = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 2 else ""
        if kind in DROP_PLUGIN_TYPES:
            return False
        if kind == "platforms" and _stem(name) not in KEEP_PLATFORMS:
            return False
        if kind == "imageformats" and _stem(name) not in KEEP_IMAGEFORMATS:
            return False
        # the GTK3 theme would drag in GTK, Pango, Cairo and ATK; the window uses Fusion
        if kind == "platformthemes" and "gtk" in name:
            return False
    if "translations" in parts[:-1] and "PySide6" in parts and name.endswith(".qm"):
        return name in KEEP_QT_TRANSLATIONS
    # Wayland client libraries serve only the Wayland plugins left out above
    return not ("Qt6Wayland" in name or "Qt6WlShell" in name)


def keep_resource(path: PurePath) -> bool:
    """Whether a file under resources/ is shipped."""
    return path.suffix not in SKIP_RESOURCE_SUFFIXES and "__pycache__" not in path.parts
