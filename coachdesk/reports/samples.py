"""Synthetic recovery plans for previews, tests and benchmarks (no real person in them).

`typical_plan` is the size a coach usually prints (four goals, two or three steps each);
`long_plan` has one goal per requested number, with every step tagged "S<goal>-<step>" so a
reader of the PDF can count that none was lost.

Any thread may call these functions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from coachdesk.core.demo import SyntheticPeople
from coachdesk.core.models import (
    ActionStep,
    Client,
    CoachProfile,
    CrisisContact,
    Goal,
    LifeDomain,
    RecoveryPlan,
    Setting,
    StepStatus,
    WellnessPlan,
)

TODAY = date(2026, 3, 2)

Step = tuple[str, str, int, StepStatus]  # what, who, days from TODAY, status


@dataclass(frozen=True, slots=True)
class _Words:
    vision: str
    goals: list[tuple[LifeDomain, str, str, list[Step]]]
    strengths: list[str]
    barriers: list[str]
    supports: list[str]
    triggers: list[str]
    warning_signs: list[str]
    coping: list[str]
    places: list[str]
    relationship: list[str]


_EN = _Words(
    vision="I want a calm home, a job I am proud of, and to be someone my kids can count on "
    "again. One day at a time.",
    goals=[
        (
            LifeDomain.SUBSTANCE_USE,
            "Stay in recovery one day at a time",
            "My kids need me present, and I like who I am when I am clear-headed.",
            [
                ("Go to the Tuesday night meeting every week", "Me", 7, StepStatus.IN_PROGRESS),
                (
                    "Call the MOUD clinic for an intake appointment",
                    "Me and coach",
                    10,
                    StepStatus.DONE,
                ),
                (
                    "Find a sponsor or a SMART Recovery facilitator I trust",
                    "Me",
                    30,
                    StepStatus.NOT_STARTED,
                ),
            ],
        ),
        (
            LifeDomain.HOUSING,
            "Find a stable place to live",
            "I want a door that locks and is mine.",
            [
                (
                    "Bring my ID and income letter to the housing office",
                    "Me",
                    14,
                    StepStatus.NOT_STARTED,
                ),
                (
                    "Ask Hope Recovery Residence about an opening",
                    "Coach",
                    21,
                    StepStatus.IN_PROGRESS,
                ),
            ],
        ),
        (
            LifeDomain.EMPLOYMENT_EDUCATION,
            "Get back to work",
            "Work gives my days a shape.",
            [
                (
                    "Update my resume at the Second Start Jobs Center",
                    "Me and job coach",
                    20,
                    StepStatus.NOT_STARTED,
                ),
                (
                    "Practise how to explain the gap in my work history",
                    "Me and coach",
                    25,
                    StepStatus.NOT_STARTED,
                ),
            ],
        ),
        (
            LifeDomain.FAMILY_RELATIONSHIPS,
            "Rebuild trust with my family",
            "They are my reason.",
            [
                ("Sunday dinner at my sister's house", "Me", 12, StepStatus.DONE),
                ("Write a letter to my son", "Me", 40, StepStatus.DROPPED),
            ],
        ),
    ],
    strengths=["Honest with myself", "Good with my hands", "I keep showing up"],
    barriers=["No car", "Old friends nearby", "Paydays are hard"],
    supports=["My sister", "The Tuesday group", "My recovery coach"],
    triggers=["Payday", "Arguments at home", "Driving past the old block"],
    warning_signs=["Skipping meals", "Not sleeping", "Avoiding my sister's calls"],
    coping=["Call my sponsor", "Walk around the block", "Play guitar for ten minutes"],
    places=["The public library", "My sister's kitchen"],
    relationship=["sponsor", "sister", "recovery coach"],
)

_ES = _Words(
    vision="Quiero una casa tranquila, un trabajo del que me sienta orgulloso y que mis "
    "niños puedan contar conmigo otra vez. ¡Sí se puede! ¿Por qué no?",
    goals=[
        (
            LifeDomain.SUBSTANCE_USE,
            "Mantenerme en recuperación un día a la vez",
            "Mis niños me necesitan presente; sin vergüenza y con el corazón limpio.",
            [
                (
                    "Ir a la reunión del martes por la noche cada semana",
                    "Yo",
                    7,
                    StepStatus.IN_PROGRESS,
                ),
                (
                    "Llamar a la clínica de MOUD para pedir una cita de admisión",
                    "Yo y mi coach",
                    10,
                    StepStatus.DONE,
                ),
                ("Buscar un padrino en quien confíe", "Yo", 30, StepStatus.NOT_STARTED),
            ],
        ),
        (
            LifeDomain.HOUSING,
            "Encontrar un lugar estable para vivir",
            "Quiero una puerta que cierre con llave y que sea mía.",
            [
                (
                    "Llevar mi identificación y la carta de ingresos a la oficina de vivienda",
                    "Yo",
                    14,
                    StepStatus.NOT_STARTED,
                ),
                (
                    "Preguntar en la residencia Esperanza si hay lugar",
                    "Mi coach",
                    21,
                    StepStatus.IN_PROGRESS,
                ),
            ],
        ),
        (
            LifeDomain.EMPLOYMENT_EDUCATION,
            "Volver a trabajar",
            "El trabajo le da forma a mis días.",
            [
                (
                    "Actualizar mi currículum en el centro de empleo",
                    "Yo y el asesor",
                    20,
                    StepStatus.NOT_STARTED,
                ),
                (
                    "Practicar cómo explicar el tiempo sin trabajo",
                    "Yo y mi coach",
                    25,
                    StepStatus.NOT_STARTED,
                ),
            ],
        ),
        (
            LifeDomain.FAMILY_RELATIONSHIPS,
            "Recuperar la confianza de mi familia",
            "Ellos son mi razón. Mi cuñada es bilingüe y me ayuda con los papeles.",
            [
                ("Cena del domingo en casa de mi hermana", "Yo", 12, StepStatus.DONE),
                ("Escribirle una carta a mi hijo", "Yo", 40, StepStatus.DROPPED),
            ],
        ),
    ],
    strengths=["Soy honesto conmigo mismo", "Soy hábil con las manos", "Sigo apareciendo"],
    barriers=["No tengo coche", "Viejos amigos cerca", "Los días de pago son difíciles"],
    supports=["Mi hermana", "El grupo del martes", "Mi coach de recuperación"],
    triggers=["El día de pago", "Las discusiones en casa", "Pasar por el barrio de antes"],
    warning_signs=["Saltarme comidas", "No dormir", "Evitar las llamadas de mi hermana"],
    coping=["Llamar a mi padrino", "Caminar alrededor de la cuadra", "Tocar la guitarra"],
    places=["La biblioteca pública", "La cocina de mi hermana"],
    relationship=["padrino", "hermana", "coach de recuperación"],
)


def sample_client(lang: str = "en", seed: int = 7) -> Client:
    people = SyntheticPeople(random.Random(seed))
    given, family, preferred = people.given(), people.family(), people.given()
    return Client(
        given,
        family,
        TODAY - timedelta(days=40),
        Setting.DRUG_COURT,
        preferred_name=preferred,
        pronouns="they/them" if lang == "en" else "elle",
        language=lang,
        id=1,
    )


def sample_profile(seed: int = 8) -> CoachProfile:
    people = SyntheticPeople(random.Random(seed))
    return CoachProfile(
        f"{people.given()} {people.family()}", "Demo Recovery Community", "Demo facility"
    )


def _wellness(words: _Words, people: SyntheticPeople) -> WellnessPlan:
    contacts = [CrisisContact(people.given(), people.phone(), r) for r in words.relationship]
    contacts.append(CrisisContact("988 Suicide & Crisis Lifeline", "988", ""))
    return WellnessPlan(
        list(words.triggers),
        list(words.warning_signs),
        list(words.coping),
        list(words.places),
        contacts,
    )


def typical_plan(lang: str = "en", seed: int = 11) -> RecoveryPlan:
    words = _ES if lang == "es" else _EN
    people = SyntheticPeople(random.Random(seed))
    goals = [
        Goal(
            domain,
            goal,
            why,
            [ActionStep(what, who, TODAY + timedelta(days=d), s) for what, who, d, s in steps],
        )
        for domain, goal, why, steps in words.goals
    ]
    return RecoveryPlan(
        1,
        words.vision,
        goals,
        list(words.strengths),
        list(words.barriers),
        list(words.supports),
        _wellness(words, people),
        review_date=TODAY + timedelta(days=90),
        version=3,
        created_at=datetime(2026, 3, 2, 15, 30, tzinfo=UTC),
        id=1,
    )


_FILLER = (
    "Talk it through with my coach first, write down the questions I want to ask, bring the "
    "papers in the blue folder, and plan the bus route the night before so I am not late."
)


def long_plan(goals: int = 40, steps_per_goal: int = 3, seed: int = 12) -> RecoveryPlan:
    """A plan with `goals` goals across all domains; step texts vary from a few words to a
    paragraph so rows of many heights meet page ends."""
    rng = random.Random(seed)
    people = SyntheticPeople(rng)
    domains = list(LifeDomain)
    statuses = list(StepStatus)
    plan = typical_plan("en", seed)
    plan.goals = []
    for g in range(1, goals + 1):
        steps = []
        for s in range(1, steps_per_goal + 1):
            words = _FILLER.split()
            length = rng.choice([4, 8, 16, len(words)])
            what = f"S{g}-{s}: " + " ".join(words[:length])
            steps.append(
                ActionStep(
                    what,
                    rng.choice(["Me", "Me and coach", people.given()]),
                    TODAY + timedelta(days=rng.randint(1, 200)),
                    rng.choice(statuses),
                )
            )
        plan.goals.append(
            Goal(
                domains[g % len(domains)],
                f"G{g}: " + rng.choice(["Keep going", "Try something new", "Ask for help"]),
                "Because it matters to me and to the people I love.",
                steps,
            )
        )
    return plan
