"""Issue 17's words in Spanish, as the window really loads them (every coachdesk*_es.qm):
the RCO is "la organización" / "su organización" (docs/domain.md, "The RCO in Spanish"), in
the widget texts and in the catalog's Spanish."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from coachdesk.app import translations
from coachdesk.i18n import catalog
from coachdesk.resources import resource
from tests.ui.conftest import MakeWindow, unlock

# "RCO" alone; "(RCO)" after the words spelled out is the decided first use.
BARE_RCO = re.compile(r"(?<!\()\bRCO\b(?!\))")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    translations.install("es")
    yield
    translations.install("en")


def shown_in_spanish() -> Iterator[tuple[str, str, str]]:
    """(context, source, what the window shows) for every source of every Spanish .ts."""
    seen: set[tuple[str, str]] = set()
    for ts in sorted(resource("translations").glob("coachdesk*_es.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                if (name, source) not in seen:
                    seen.add((name, source))
                    yield name, source, QCoreApplication.translate(name, source)


def test_no_spanish_widget_text_says_the_rco_bare(spanish: None) -> None:
    shown = list(shown_in_spanish())
    about = [(c, s, t) for c, s, t in shown if "RCO" in s]
    assert len(about) > 40  # the exchange, sync, desk and directory words
    # a placeholder is the RCO's own name ("Harbor RCO"), which stays
    bare = [(c, s, t) for c, s, t in about if BARE_RCO.search(re.sub(r"\{\w+\}", "", t))]
    assert not bare, bare
    told = QCoreApplication.translate
    assert told("ResourcesPage", "RCO directory") == "Directorio de la organización"
    assert told("RcoWindow", "CoachDesk — RCO desk") == "CoachDesk — escritorio de la organización"


def test_no_spanish_message_says_the_rco_bare() -> None:
    about = [(code, es) for code, (en, es) in catalog.MESSAGES.items() if "RCO" in en]
    assert len(about) > 60
    bare = [(code, es) for code, es in about if BARE_RCO.search(re.sub(r"\{\w+\}", "", es))]
    assert not bare, bare
    # the desk's printed recovery kit (rco/ops.py) too
    from coachdesk.rco import ops

    assert not [w for w in ops._KIT["es"].values() if BARE_RCO.search(w)]
    # the first thing an unenrolled coach reads names it in full
    assert "organización comunitaria de recuperación (RCO)" in catalog.text(
        "enroll.not_enrolled", "es"
    )


# -- counts (issue 17: "after 1 idle minutes", "1 seconds left") ---------------------------


def window_plural_patterns() -> list[tuple[str, str]]:
    """(class, pattern) of every tr() ICU plural pattern the windows word."""
    import ast

    import coachdesk

    found = []
    for path in sorted(Path(coachdesk.__file__).parent.joinpath("ui").rglob("*.py")):
        for cls in (
            n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)
        ):
            for node in ast.walk(cls):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "tr":
                    first = node.args[0] if node.args else None
                    if isinstance(first, ast.Constant) and "plural," in str(first.value):
                        found.append((cls.name, str(first.value)))
    return found


# "1 days", "quedan 1 segundos": a count of one with a plural word or verb.
PLURAL_WORDS = (
    "minutes|seconds|days|records|files|bundles|clients|things|steps|exports|referrals|"
    "minutos|segundos|días|registros|archivos|paquetes|participantes|tareas|pasos|"
    "exportaciones|derivaciones|atrasadas|vinculadas|pendientes"
)
ONE_PLURAL = re.compile(
    rf"\b1 (?:\w+ )?(?:{PLURAL_WORDS})\b|\b(?:quedan|sellarían|importaron|sus) 1\b"
)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_count_in_the_window_agrees_with_its_number(qapp: QApplication, lang: str) -> None:
    from coachdesk.i18n.format import argument_names
    from coachdesk.ui.common import plural

    patterns = window_plural_patterns()
    assert len(patterns) >= 12
    translations.install(lang)
    try:
        for context, source in patterns:
            shown = QCoreApplication.translate(context, source)
            assert lang == "en" or shown != source, source  # translated
            others = {name: 1 for name in argument_names(shown) - {"n"}}
            one, two = plural(shown, 1, **others), plural(shown, 2, **{k: 2 for k in others})
            assert not ONE_PLURAL.search(one), one
            assert "2" in two and one != two, (one, two)
    finally:
        translations.install("en")
    assert ONE_PLURAL.search("after 1 idle minutes") and ONE_PLURAL.search("quedan 1 segundos")
    assert not ONE_PLURAL.search("after 1 idle minute") and not ONE_PLURAL.search("1 vez")


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "1 second left.", "2 seconds left."),
        ("es", "queda 1 segundo.", "quedan 2 segundos."),
    ],
)
def test_the_waiting_time_says_1_second_and_2_seconds(
    make_window: MakeWindow, lang: str, one: str, two: str
) -> None:
    page = make_window(lang).unlock_page
    for left, words in ((1, one), (2, two)):
        page._wait_left = left
        page._tick_text()
        assert page.message.text().endswith(words), page.message.text()


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "after 1 idle minute.", "after 2 idle minutes."),
        ("es", "tras 1 minuto de inactividad.", "tras 2 minutos de inactividad."),
    ],
)
def test_the_idle_lock_says_1_minute_and_2_minutes(
    qtbot: QtBot, make_window: MakeWindow, coach_vault: Path, lang: str, one: str, two: str
) -> None:
    window = make_window(lang)
    for minutes, words in ((1, one), (2, two)):
        unlock(qtbot, window)
        window.idle.set_minutes(minutes)
        window.lock("idle")
        assert window.unlock_page.subtitle.text().endswith(words)


def test_no_count_in_the_window_is_worded_without_a_plural() -> None:
    """A tr() string that puts a number before a counted word is an ICU plural pattern (no
    "{n} days", no "file(s)", no Qt %n, which says "1 step(s)" without an English .qm)."""
    import ast

    import coachdesk

    counted = re.compile(rf"\{{\w+\}} (?:[\w-]+ )?(?:{PLURAL_WORDS})\b|\(s\)|%n")
    left = []
    for path in sorted(Path(coachdesk.__file__).parent.joinpath("ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "tr":
                first = node.args[0] if node.args else None
                words = str(first.value) if isinstance(first, ast.Constant) else ""
                if "plural," not in words and counted.search(words):
                    left.append(f"{path.name}: {words}")
    assert not left, left


@pytest.mark.parametrize(
    ("code", "params", "en", "es"),
    [
        ("cli.sync.still_waiting", {"n": 1}, "1 export still", "1 exportación sigue"),
        ("cli.sync.could_not_send", {"n": 1}, "1 export could", "1 exportación no se pudo"),
        ("cli.rco_fetch.refused", {"n": 1}, "1 bundle was refused", "1 paquete fue rechazado"),
        ("cli.rco_fetch.refused", {"n": 2}, "2 bundles were refused", "2 paquetes fueron"),
        ("rco.cli.device_revoked", {"n": 1}, "1 waiting bundle dropped", "se descartó 1 paquete"),
        ("rco.cli.inbox_answered", {"n": 1}, "1 bundle waiting.", "1 paquete espera."),
        ("rco.cli.inbox_answered", {"n": 2}, "2 bundles waiting.", "2 paquetes esperan."),
        (
            "webdav.wait_too_long",
            {"seconds": 1, "stay": "-"},
            "wait 1 second;",
            "esperar 1 segundo;",
        ),
        (
            "suggest.rco.linkage_line",
            {"name": "A", "made": 1, "linked": 1},
            "A: 1 referral made, 1 linked",
            "A: 1 derivación hecha, 1 vinculada",
        ),
        (
            "suggest.rco.linkage_line",
            {"name": "A", "made": 2, "linked": 0},
            "A: 2 referrals made, 0 linked",
            "A: 2 derivaciones hechas, 0 vinculadas",
        ),
    ],
)
def test_the_catalogs_counts_agree_with_their_number(
    code: str, params: dict[str, object], en: str, es: str
) -> None:
    assert en in catalog.text(code, "en", **params)
    assert es in catalog.text(code, "es", **params)
