"""Spanish: the compiled catalogue loads and the forms speak Spanish; the catalogue is complete,
keeps every placeholder, and no form gives one mnemonic to two fields."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from datetime import date

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from coachdesk.core.models import Barc10Assessment, Goal, LifeDomain, RecoveryPlan
from coachdesk.errors import ValidationError
from coachdesk.ui.forms import (
    Barc10Form,
    Barc10TrendPlot,
    ClientForm,
    ConsentForm,
    ConsentList,
    NoteForm,
    NotesList,
    OutcomeForm,
    PlanEditor,
    ReferralPanel,
)
from coachdesk.ui.forms._messages import error_text
from coachdesk.ui.forms.plan_editor import GoalEditor
from tests.conftest import REPO

TS = REPO / "resources/translations/coachdesk_forms_es.ts"
QM = REPO / "resources/translations/coachdesk_forms_es.qm"


def test_forms_in_spanish(qtbot: QtBot, spanish: None) -> None:
    client = ClientForm(today=lambda: date(2026, 5, 4))
    qtbot.addWidget(client)
    labels = {label.text() for label in client.findChildren(QLabel)}
    assert {"&Nombre (obligatorio):", "&Apellidos (obligatorio):", "&Idioma:"} <= labels
    assert client.save_button.text() == "G&uardar persona"
    assert client.intake_date.displayFormat() == "d/M/yyyy"
    assert client.gender.itemText(client.gender.count() - 1) == "Prefiere no decirlo"

    barc = Barc10Form()
    qtbot.addWidget(barc)
    assert barc.buttons[0][5].accessibleName() == "Frase 1: Muy de acuerdo"
    assert client.status.itemText(0) == "Activo/a"
    assert barc.submit_button.text() == "&Guardar BARC-10"
    texts = {label.text() for label in barc.findChildren(QLabel)}
    # The Spanish wording for the client, with the published English under it.
    assert any("Hay cosas en la vida más importantes" in t for t in texts)
    assert "There are more important things to me in life than using substances." in texts

    plan = PlanEditor()
    qtbot.addWidget(plan)
    assert plan.save_button.text() == "&Guardar plan"
    titles = {box.title() for box in plan.findChildren(QGroupBox)}
    assert "Plan para mantenerse bien y plan de crisis" in titles

    plot = Barc10TrendPlot()
    qtbot.addWidget(plot)
    plot.set_series([Barc10Assessment(1, date(2026, 3, 9), (5,) * 10)])
    assert plot.accessibleDescription().startswith("Un BARC-10 el 9/3/2026: total 50 de 60.")


def test_validation_messages_in_spanish(qtbot: QtBot, spanish: None) -> None:
    given = ValidationError(code="validation.given_name.required")
    assert str(given) == "Given name is required." and error_text(given) == "Falta el nombre."
    step = ValidationError(code="validation.steps.required", goal=3)
    assert error_text(step) == "A un paso de la meta 3 le falta el texto."
    assert error_text(ValidationError("Something new 7.")) == "Something new 7."
    plan = PlanEditor()
    qtbot.addWidget(plan)
    plan.set_plan(RecoveryPlan(1, "", goals=[]), 1)
    editor = plan.add_goal(Goal(LifeDomain.HOUSING, ""))
    editor.why_edit.setText("Because")
    assert not plan.request_save()
    assert plan.error_text() == "Falta el texto de la meta 1."


def _catalogue() -> list[tuple[str, str, str, str | None]]:
    rows = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            rows.append(
                (
                    name,
                    message.findtext("source") or "",
                    # a plural message keeps its words in <numerusform>s: check the last
                    [f.text or "" for f in translation.iter("numerusform")][-1]
                    if message.get("numerus") == "yes"
                    else translation.text or "",
                    translation.get("type"),
                )
            )
    return rows


def test_catalogue_complete_with_matching_placeholders() -> None:
    rows = _catalogue()
    assert len(rows) > 300
    for context, source, translation, kind in rows:
        assert kind is None and translation, (context, source)
        assert sorted(re.findall(r"%\d", source)) == sorted(re.findall(r"%\d", translation)), (
            context,
            source,
        )
        assert source.count("&") <= 1 and translation.count("&") <= source.count("&"), (
            context,
            source,
        )
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 1, "the .qm is older than the .ts"


def _mnemonics(root: QWidget, skip: type[QWidget] | None = None) -> list[str]:
    letters = []
    for widget in root.findChildren(QWidget):
        if skip is not None and any(isinstance(p, skip) for p in _ancestors(widget, root)):
            continue
        text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
        match = re.search(r"&([^&\s])", text.replace("&&", ""))
        if match and widget.isVisibleTo(root):
            letters.append(match.group(1).lower())
    return letters


def _ancestors(widget: QWidget, root: QWidget) -> Iterator[QWidget]:
    current = widget
    while current is not None and current is not root:
        yield current
        current = current.parentWidget()


def _forms() -> list[tuple[QWidget, type[QWidget] | None]]:
    plan = PlanEditor()
    plan.add_goal(Goal(LifeDomain.HEALTH, "x"))
    return [
        (ClientForm(), None),
        (Barc10Form(), None),
        (ConsentForm(), None),
        (ConsentList(), None),
        (NoteForm(), None),
        (NotesList(), None),
        (OutcomeForm(), None),
        (ReferralPanel(), None),
        (plan, GoalEditor),
    ]


def _assert_unique_mnemonics(qtbot: QtBot) -> None:
    for form, skip in _forms():
        qtbot.addWidget(form)
        counts = Counter(_mnemonics(form, skip))
        assert [k for k, n in counts.items() if n > 1] == [], type(form).__name__


def test_mnemonics_unique_in_english(qtbot: QtBot) -> None:
    _assert_unique_mnemonics(qtbot)


def test_mnemonics_unique_in_spanish(qtbot: QtBot, spanish: None) -> None:
    _assert_unique_mnemonics(qtbot)
