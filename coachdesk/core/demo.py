"""A realistic synthetic caseload for demos, tests and benchmarks.

Every person is generated from syllables, so no real person's name appears. The caseload is
seeded: the same seed and `today` give the same people, dates, notes and assessments (only the
random export pseudonyms and the creation stamps differ, by design). Intakes spread over
SPAN_DAYS (more than three years) before `today`; the first client has been served from the
first day to `today`, and every active client has a note in the last two weeks, so the
service dates end today. About one follow-up in ten is recorded after its window closed.

This module is the pure part (vocabularies, syllable names, note text); writing a caseload into
a vault is coachdesk.application.demo.generate (the core never imports storage).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from coachdesk.core.models import (
    Gender,
    LifeDomain,
    Pathway,
    ResourceCategory,
)

_ONSETS = [
    "B",
    "D",
    "F",
    "G",
    "J",
    "K",
    "L",
    "M",
    "N",
    "P",
    "R",
    "S",
    "T",
    "V",
    "Z",
    "Br",
    "Dr",
    "Kl",
    "Tr",
    "Sh",
    "Ch",
    "Al",
    "El",
    "Or",
    "Is",
]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "á", "é", "ó", "ñe"]
_CODAS = ["", "n", "r", "l", "s", "th", "nd", "rk", "m", "x"]
_FAMILY_ENDS = [
    "son",
    "ero",
    "ova",
    "wick",
    "ley",
    "ard",
    "ez",
    "stad",
    "mont",
    "quist",
    "ford",
    "enko",
    "ani",
    "berg",
]

NOTE_OPENINGS = [
    "Met {name} in the {place} for a check-in.",
    "Sat with {name} after group; {pronoun} wanted to talk about the week.",
    "Phone call with {name} to follow up on last session.",
    "{name} came by the peer room before the court date.",
    "Short visit with {name} on the unit; {pronoun} was tired but open to talking.",
    "Walked with {name} to the cafeteria and talked on the way.",
]
NOTE_MIDDLES = [
    "We talked about the housing application and what papers are still missing.",
    "{Pronoun} shared that the cravings were strongest in the evenings and named two triggers.",
    "We went over the recovery plan and {pronoun} changed one goal into {possessive} own words.",
    "{Pronoun} went to two mutual-aid meetings this week and liked the Tuesday one best.",
    "We practised what to say when calling the clinic about the MOUD intake appointment.",
    "{Pronoun} is worried about the family visit and we made a plan for the hard moments.",
    "Talked through the job lead at the warehouse and how to explain the gap in work history.",
    "{Pronoun} said sleep is getting better since starting the evening walk.",
    "We looked at the resource list together and picked a SMART Recovery meeting to try.",
    "{Pronoun} felt proud about 30 days and wants to mark it with the kids.",
    "Discussed transportation to appointments; bus pass request sent with the case manager.",
    "{Pronoun} is thinking about faith-based support and asked about the church group.",
    "We reviewed the crisis plan and updated the phone numbers of two supports.",
    "Money is tight this month; we talked about the food pantry and the utility assistance.",
]
NOTE_CLOSINGS = [
    "{Pronoun} chose the next step and will call before Friday.",
    "Next time we will look at the BARC-10 together.",
    "Agreed to meet again next week, same time.",
    "{Pronoun} left in good spirits.",
    "I will check on the referral status before our next meeting.",
    "",
]
NEXT_STEPS = [
    "Call the housing office",
    "Bring ID to next session",
    "Try the Tuesday meeting",
    "Follow up on MOUD intake",
    "Update the resume",
    "Ask sister about Sunday dinner",
    "Pick up bus pass",
    "Review plan goals",
    "",
]
PLACES = ["peer room", "day room", "waiting area", "family room", "courthouse hallway"]
GOALS = {
    LifeDomain.SUBSTANCE_USE: ("Stay in recovery one day at a time", "My kids need me present"),
    LifeDomain.HOUSING: ("Find a stable place to live", "I want a door that locks and is mine"),
    LifeDomain.EMPLOYMENT_EDUCATION: ("Get back to work", "Work gives my days a shape"),
    LifeDomain.FAMILY_RELATIONSHIPS: ("Rebuild trust with my family", "They are my reason"),
    LifeDomain.HEALTH: ("See a doctor about my back pain", "Pain is a trigger for me"),
    LifeDomain.LEGAL: ("Finish the drug court program", "I want this chapter closed"),
    LifeDomain.FINANCES: ("Open a bank account and save a little", "Less stress about money"),
    LifeDomain.COMMUNITY_PURPOSE: ("Volunteer at the food bank", "Giving back keeps me going"),
}
# A family member's own plan (the family template's life domains, core/models.PLAN_DOMAINS).
FAMILY_GOALS = {
    LifeDomain.WELLBEING: ("Sleep through the night again", "I can't help anyone exhausted"),
    LifeDomain.BOUNDARIES: ("Stop covering the rent for my son", "Caring is not rescuing"),
    LifeDomain.COMMUNICATION: ("Talk calmly when he is sober", "Fights push him away"),
    LifeDomain.SUPPORT: ("Go to a family support group", "I need people who understand"),
}
RESOURCES = [
    ("Harbor Detox Unit", ResourceCategory.DETOX, [Pathway.CLINICAL_TREATMENT]),
    ("Riverside Outpatient Program", ResourceCategory.TREATMENT, [Pathway.CLINICAL_TREATMENT]),
    ("Eastside MOUD Clinic", ResourceCategory.MOUD, [Pathway.MOUD]),
    ("Syringe Services Van", ResourceCategory.HARM_REDUCTION, [Pathway.HARM_REDUCTION]),
    ("Hope Recovery Residence", ResourceCategory.HOUSING, [Pathway.TWELVE_STEP]),
    ("Second Start Jobs Center", ResourceCategory.EMPLOYMENT, []),
    ("Tuesday Night 12-Step Group", ResourceCategory.MUTUAL_AID, [Pathway.TWELVE_STEP]),
    ("SMART Recovery Thursday", ResourceCategory.MUTUAL_AID, [Pathway.SMART_RECOVERY]),
    ("Grace Fellowship Recovery Circle", ResourceCategory.MUTUAL_AID, [Pathway.FAITH_BASED]),
    ("Families Together Support", ResourceCategory.FAMILY_SUPPORT, []),
    ("County Legal Aid Clinic", ResourceCategory.LEGAL_AID, []),
    ("Community Health Center", ResourceCategory.HEALTH_CARE, []),
]

PRONOUNS = {
    Gender.WOMAN: ("she/her", "she", "her"),
    Gender.MAN: ("he/him", "he", "his"),
    Gender.NON_BINARY: ("they/them", "they", "their"),
}

Progress = Callable[[int, int], None]


class SyntheticPeople:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def given(self) -> str:
        r = self.rng
        name = r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_CODAS)
        if r.random() < 0.5:
            name += r.choice(["a", "o", "en", "el", "ia", "ie"])
        return name.capitalize()

    def family(self) -> str:
        r = self.rng
        return (r.choice(_ONSETS) + r.choice(_VOWELS) + r.choice(_FAMILY_ENDS)).capitalize()

    def phone(self) -> str:
        return f"555-{self.rng.randint(100, 999):03d}-{self.rng.randint(0, 9999):04d}"


SPAN_DAYS = 1200  # intakes spread over this many days before today (more than three years)


def _note_text(rng: random.Random, name: str, gender: Gender) -> str:
    _, pronoun, possessive = PRONOUNS.get(gender, ("", "they", "their"))
    parts = [rng.choice(NOTE_OPENINGS), *rng.sample(NOTE_MIDDLES, rng.randint(1, 3))]
    parts.append(rng.choice(NOTE_CLOSINGS))
    text = " ".join(p for p in parts if p)
    return text.format(
        name=name,
        pronoun=pronoun,
        Pronoun=pronoun.capitalize(),
        possessive=possessive,
        place=rng.choice(PLACES),
    )
