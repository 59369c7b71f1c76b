"""Issue 17's words in Spanish, as the window really loads them (every coachdesk*_es.qm):
the RCO is "la organización" / "su organización" (docs/domain.md, "The RCO in Spanish"), in
the widget texts and in the catalog's Spanish."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from coachdesk.app import translations
from coachdesk.i18n import catalog
from coachdesk.resources import resource

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
    # the first thing an unenrolled coach reads names it in full
    assert "organización comunitaria de recuperación (RCO)" in catalog.text(
        "enroll.not_enrolled", "es"
    )
