"""Show each form widget filled with synthetic data and save screenshots (not a test).

Run under Xvfb from the repository root:
    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python -m tests.ui.forms.screenshots [OUT] [es]
Screenshots go to OUT (default /work/shots/forms). Everything shown is synthetic.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from coachdesk.core import demo
from coachdesk.core.models import Barc10Assessment, Client, ClientStatus, Gender, Pathway, Setting

REPO = Path(__file__).resolve().parents[3]


def synthetic_client(rng: random.Random) -> Client:
    people = demo.SyntheticPeople(rng)
    given, family = people.given(), people.family()
    return Client(
        given,
        family,
        date.today() - timedelta(days=40),
        Setting.EMERGENCY_DEPARTMENT,
        preferred_name=people.given(),
        pronouns="they/them",
        date_of_birth=date(1988, 6, 2),
        gender=Gender.NON_BINARY,
        phone=people.phone(),
        email=f"{given.lower()}@example.org",
        address="14 Birch Avenue",
        emergency_contact_name=f"{people.given()} {family}",
        emergency_contact_phone=people.phone(),
        facility="Demo General ED",
        referral_source="ED staff",
        pathways=[Pathway.MOUD, Pathway.SMART_RECOVERY],
        status=ClientStatus.ACTIVE,
        id=7,
    )


def barc_series() -> list[Barc10Assessment]:
    start = date.today() - timedelta(days=400)
    totals = [
        (0, (3, 3, 3, 2, 3, 3, 3, 4, 3, 3)),
        (120, (4, 4, 3, 3, 4, 4, 3, 4, 4, 4)),
        (200, (4, 5, 4, 4, 4, 5, 4, 5, 4, 5)),
        (380, (5, 5, 5, 4, 5, 5, 4, 5, 5, 5)),
    ]
    return [Barc10Assessment(7, start + timedelta(days=d), a) for d, a in totals]


def shoot(
    widget: QWidget, name: str, out: Path, size: tuple[int, int], scroll: bool = False
) -> None:
    shown: QWidget = widget
    if scroll:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setWidget(widget)
        shown = area
    shown.resize(*size)
    shown.show()
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    shown.grab().save(str(out / f"{name}.png"))
    # The full height too, for long forms.
    widget.grab().save(str(out / f"{name}-full.png"))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shots/forms")
    spanish = len(sys.argv) > 2 and sys.argv[2] == "es"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    if spanish:
        QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.Spain))
        translator = QTranslator(app)
        if translator.load(str(REPO / "resources/translations/coachdesk_forms_es.qm")):
            app.installTranslator(translator)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    suffix = "-es" if spanish else ""
    rng = random.Random(3)

    from coachdesk.ui.forms import Barc10Form, Barc10TrendPlot, ClientForm

    shots: list[tuple[str, Callable[[], QWidget], tuple[int, int], bool]] = []

    def client_form() -> QWidget:
        form = ClientForm()
        form.set_client(synthetic_client(rng))
        return form

    def client_form_error() -> QWidget:
        form = ClientForm()
        form.family_name.setText("Moquist")
        form.email.setText("not an email")
        form.client()
        return form

    def barc_form() -> QWidget:
        form = Barc10Form()
        for item, value in enumerate((5, 4, 4, 3, 5, 4, 3, 6)):
            form.answer(item, value)
        return form

    def plot() -> QWidget:
        widget = Barc10TrendPlot()
        widget.set_series(barc_series())
        return widget

    shots += [
        ("client-form", client_form, (1100, 720), False),
        ("client-form-error", client_form_error, (1100, 720), False),
        ("barc10-form", barc_form, (900, 820), True),
        ("barc10-plot", plot, (640, 300), False),
        ("barc10-plot-empty", Barc10TrendPlot, (640, 300), False),
    ]
    for name, make, size, scroll in shots:
        shoot(make(), name + suffix, out, size, scroll)
    print(f"saved {len(shots)} screenshots to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
