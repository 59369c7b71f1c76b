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

from coachdesk.application import demo
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
    page = getattr(widget, "page", widget)  # a widget with its own scroll area: its page
    page.grab().save(str(out / f"{name}-full.png"))


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

    from coachdesk.core.models import (
        ActionStep,
        AuditEntry,
        Consent,
        ContactMode,
        CrisisContact,
        Goal,
        LifeDomain,
        OutcomeAssessment,
        RecoveryPlan,
        Referral,
        ReferralStatus,
        Resource,
        ResourceCategory,
        SessionNote,
        StepStatus,
        Timepoint,
        WellnessPlan,
    )
    from coachdesk.storage.repos import NoteHit
    from coachdesk.ui.forms import (
        AuditTrailView,
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

    today = date.today()
    people = demo.SyntheticPeople(rng)

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

    def plan_editor() -> QWidget:
        editor = PlanEditor()
        goals = [
            Goal(
                domain,
                demo.GOALS[domain][0],
                demo.GOALS[domain][1],
                [
                    ActionStep(
                        "Make the first call",
                        "Me",
                        today + timedelta(days=7),
                        StepStatus.IN_PROGRESS,
                    ),
                    ActionStep(
                        "Go with my coach to the appointment",
                        "Me and coach",
                        today + timedelta(days=21),
                    ),
                ],
            )
            for domain in (LifeDomain.HOUSING, LifeDomain.EMPLOYMENT_EDUCATION)
        ]
        editor.set_plan(
            RecoveryPlan(
                7,
                "I want a calm home and to be someone my family can count on.",
                goals=goals,
                strengths=["Honest with myself", "Good with my hands"],
                barriers=["No car", "Old friends nearby"],
                supports=["My sister", "Tuesday group"],
                wellness=WellnessPlan(
                    ["Payday", "Arguments at home"],
                    ["Skipping meals", "Not sleeping"],
                    ["Call my sponsor", "Walk around the block"],
                    ["Library"],
                    [
                        CrisisContact(people.given(), people.phone(), "sponsor"),
                        CrisisContact("Crisis line", "988"),
                    ],
                ),
                review_date=today + timedelta(days=90),
                client_signed_on=today - timedelta(days=3),
                version=2,
            ),
            7,
        )
        from datetime import UTC, datetime

        editor.set_versions(
            [
                (1, datetime.now(UTC) - timedelta(days=60)),
                (2, datetime.now(UTC) - timedelta(days=3)),
            ]
        )
        editor.vision.setPlainText(editor.vision.toPlainText() + " And a dog.")
        return editor

    def consent_form() -> QWidget:
        form = ConsentForm()
        form.set_consent(None, 7, f"{people.given()} {people.family()}")
        form.disclosing_party.setText("Demo Recovery Community")
        form.information.setPlainText("Attendance and progress in recovery support")
        form.recipients.setText("Drug court coordinator")
        form.purpose.setText("Coordination of care")
        form.expires_on.set_value(today + timedelta(days=365))
        return form

    def consent_list() -> QWidget:
        listing = ConsentList()
        base = dict(
            disclosing_party="Program",
            information="Attendance",
            purpose="Coordination of care",
            revocation_terms="Tell the coach",
            expiry_event="",
            signed_by="Client",
        )
        listing.set_consents(
            [
                Consent(
                    7,
                    recipients="Drug court coordinator",
                    expires_on=today + timedelta(days=200),
                    signed_on=today - timedelta(days=30),
                    id=1,
                    **base,
                ),
                Consent(
                    7,
                    recipients="Riverside Outpatient Program",
                    expires_on=today - timedelta(days=5),
                    signed_on=today - timedelta(days=370),
                    id=2,
                    **base,
                ),
                Consent(
                    7,
                    recipients="Sister",
                    expires_on=None,
                    signed_on=today - timedelta(days=200),
                    revoked_on=today - timedelta(days=20),
                    id=3,
                    **{**base, "expiry_event": "End of services"},
                ),
            ]
        )
        return listing

    def note_form() -> QWidget:
        form = NoteForm()
        form.set_goals(["Find a stable place to live", "Get back to work"])
        form.set_note(None, 7)
        form.duration.setValue(30)
        form.location.setText("Peer room")
        form.text.setPlainText(demo.NOTE_MIDDLES[0])
        form.goals.item(0).setCheckState(Qt.CheckState.Checked)
        form.next_steps.setText("Bring ID to next session")
        return form

    from datetime import UTC, datetime, time

    from PySide6.QtCore import Qt

    def note_rows() -> list[SessionNote]:
        rows = []
        for index in range(8):
            day = today - timedelta(days=4 * index)
            attempt = index == 2
            rows.append(
                SessionNote(
                    7,
                    datetime.combine(day, time(10 + index % 5, 15), UTC),
                    ContactMode.PHONE if attempt else ContactMode.IN_PERSON,
                    "No answer; left a message."
                    if attempt
                    else demo.NOTE_MIDDLES[index].format(
                        Pronoun="They", pronoun="they", possessive="their"
                    ),
                    0 if attempt else 30,
                    next_steps="" if attempt else demo.NEXT_STEPS[index],
                    follow_up_on=day + timedelta(days=7) if index % 3 == 0 else None,
                    attempt_only=attempt,
                    id=index + 1,
                )
            )
        return rows

    def notes_list() -> QWidget:
        listing = NotesList()
        listing.set_notes(note_rows())
        return listing

    def notes_search() -> QWidget:
        listing = NotesList()
        listing.set_notes(note_rows())
        listing.search.setText("housing")
        listing.set_search_results(
            [
                NoteHit(
                    1,
                    7,
                    "x",
                    datetime.now(UTC),
                    "…We talked about the [housing] application and what papers…",
                ),
                NoteHit(
                    5,
                    7,
                    "x",
                    datetime.now(UTC) - timedelta(days=20),
                    "…called the [housing] office together…",
                ),
            ]
        )
        return listing

    def outcome_form() -> QWidget:
        form = OutcomeForm()
        form.set_outcome(None, 7)
        form.set_outcomes(
            [
                OutcomeAssessment(
                    7,
                    Timepoint.BASELINE,
                    today - timedelta(days=200),
                    days_used=14,
                    overdose=True,
                    housing="homeless",
                    employment="unemployed",
                    arrests=1,
                    ed_visits=2,
                    social_connectedness=2,
                ),
                OutcomeAssessment(
                    7,
                    Timepoint.FOLLOWUP_180,
                    today - timedelta(days=10),
                    days_used=2,
                    housing="unstable",
                    employment="unemployed",
                    social_connectedness=3,
                ),
            ]
        )
        form.spins["days_used"].setValue(0)
        form.housing.setCurrentIndex(form.housing.findData("stable"))
        return form

    def referral_panel() -> QWidget:
        panel = ReferralPanel()
        resources = [
            Resource(
                name, category, pathways, "12 Main Street", "555-010-0101", "Mon-Fri 9-5", id=i + 1
            )
            for i, (name, category, pathways) in enumerate(demo.RESOURCES)
        ]
        panel.set_resources(resources)
        panel.set_referrals(
            [
                Referral(
                    7,
                    ResourceCategory.HOUSING,
                    today - timedelta(days=20),
                    5,
                    ReferralStatus.CONTACTED,
                    today - timedelta(days=10),
                    today + timedelta(days=4),
                    id=1,
                ),
                Referral(
                    7,
                    ResourceCategory.MOUD,
                    today - timedelta(days=40),
                    3,
                    ReferralStatus.LINKED,
                    today - timedelta(days=30),
                    id=2,
                ),
            ],
            7,
        )
        panel.table.selectRow(0)
        return panel

    def audit_view() -> QWidget:
        view = AuditTrailView()
        now = datetime.now(UTC)
        view.set_entries(
            [
                AuditEntry(now - timedelta(hours=h), "Coach Demo", action, "client", 7, detail, h)
                for h, action, detail in (
                    (1, "view", ""),
                    (2, "print", "recovery plan v2"),
                    (26, "update", "referral 1 -> contacted"),
                    (50, "create", "session note 31"),
                    (51, "create", "client"),
                )
            ]
        )
        return view

    shots += [
        ("plan-editor", plan_editor, (1100, 850), False),
        ("consent-form", consent_form, (900, 700), False),
        ("consent-list", consent_list, (900, 300), False),
        ("note-form", note_form, (900, 640), False),
        ("notes-list", notes_list, (1000, 420), False),
        ("notes-search", notes_search, (1000, 300), False),
        ("outcome-form", outcome_form, (1000, 640), False),
        ("referral-panel", referral_panel, (1000, 600), False),
        ("audit-trail", audit_view, (800, 300), False),
    ]
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
