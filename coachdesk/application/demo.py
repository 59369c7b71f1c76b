"""Write a synthetic caseload into a vault (demos, tests, benchmarks): the data comes from
coachdesk.core.demo (pure), the writes go through storage in one transaction."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from coachdesk.core import timepoints
from coachdesk.core.demo import (
    FAMILY_GOALS,
    GOALS,
    NEXT_STEPS,
    PRONOUNS,
    RESOURCES,
    SPAN_DAYS,
    Progress,
    SyntheticPeople,
    _note_text,
)
from coachdesk.core.models import (
    ActionStep,
    Client,
    ClientKind,
    ClientStatus,
    Consent,
    ContactMode,
    CrisisContact,
    Destination,
    Ethnicity,
    FamilyFollowUp,
    Gender,
    Goal,
    OutcomeAssessment,
    Pathway,
    Race,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Relationship,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    StepStatus,
    SupportKind,
    Timepoint,
    WellnessPlan,
)
from coachdesk.storage import repos
from coachdesk.storage.audit import AuditLog
from coachdesk.storage.vault import Vault

__all__ = ["SyntheticPeople", "fill", "generate"]


def fill(
    path: Path,
    passphrase: str,
    clients: int,
    seed: int = 1,
    notes_per_client: int = 50,
    progress: Progress | None = None,
) -> str | None:
    """Fill the vault at `path` (created when the folder does not exist yet) with a synthetic
    caseload; return the recovery code of a vault created here (show it once), else None."""
    code = None
    if path.exists():
        vault = Vault.open(path, passphrase)
    else:
        vault, code = Vault.create(path, passphrase)
    with vault:
        generate(vault, clients, seed, notes_per_client, progress=progress)
    return code


def generate(
    vault: Vault,
    clients: int,
    seed: int = 1,
    notes_per_client: int = 50,
    today: date | None = None,
    progress: Progress | None = None,
) -> None:
    """Fill `vault` with a synthetic caseload, in one transaction with one audit entry."""
    rng = random.Random(seed)
    people = SyntheticPeople(rng)
    today = today or date.today()
    conn = vault.conn
    with vault.transaction():
        if repos.get_profile(conn) is None:
            from coachdesk.core.models import CoachProfile

            repos.set_profile(
                conn,
                CoachProfile(
                    f"{people.given()} {people.family()}",
                    "Demo Recovery Community",
                    "Demo facility",
                ),
            )
        resource_ids: list[tuple[int, ResourceCategory]] = []
        for name, category, pathways in RESOURCES:
            resource_ids.append(
                (
                    repos.insert_resource(
                        conn,
                        Resource(
                            name,
                            category,
                            pathways,
                            f"{rng.randint(10, 999)} Main Street",
                            people.phone(),
                            "Mon-Fri 9-5",
                            local=False,
                            rco_ref=f"demo-{len(resource_ids)}",
                        ),
                    ),
                    category,
                )
            )
        person: int | None = None  # the latest person in recovery: a family client's loved one
        for index in range(clients):
            family = index % FAMILY_EVERY == FAMILY_EVERY - 1
            loved_one = person if family and rng.random() < 0.7 else None
            client_id = _one_client(
                conn,
                rng,
                people,
                today,
                notes_per_client,
                resource_ids,
                index == 0,
                is_family=family,
                loved_one=loved_one,
            )
            if not family:
                person = client_id
            if progress is not None and (index % 20 == 0 or index == clients - 1):
                progress(index + 1, clients)
        AuditLog(conn, vault.audit_key).append(
            "demo-data", "create", detail=f"{clients} synthetic clients (seed {seed})"
        )


FAMILY_EVERY = 8  # one client in eight is a family member or concerned significant other
# What the support was, for a person in recovery and for a family member (group mode: group).
_SUPPORT_WEIGHTS = {
    ClientKind.PERSON_IN_RECOVERY: {
        SupportKind.COACHING_SESSION: 62,
        SupportKind.ACCOMPANIMENT: 14,
        SupportKind.CRISIS_CONTACT: 6,
        SupportKind.NAVIGATION: 14,
        SupportKind.FAMILY_SESSION: 4,
    },
    ClientKind.FAMILY_MEMBER: {
        SupportKind.FAMILY_SESSION: 45,
        SupportKind.COACHING_SESSION: 30,
        SupportKind.CRISIS_CONTACT: 12,
        SupportKind.NAVIGATION: 13,
    },
}


def _support(
    rng: random.Random, kind: ClientKind, mode: ContactMode
) -> tuple[SupportKind, Destination | None]:
    if mode == ContactMode.GROUP:
        return SupportKind.GROUP, None
    weights = _SUPPORT_WEIGHTS[kind]
    support = rng.choices(list(weights), weights=list(weights.values()))[0]
    if support != SupportKind.ACCOMPANIMENT:
        return support, None
    return support, rng.choices(list(Destination), weights=[35, 25, 25, 15])[0]


def _family_followups(
    conn: repos.Conn, rng: random.Random, client_id: int, intake: date, end: date
) -> None:
    """A family follow-up soon after intake and about every three months; the loved one
    engages more often as the family work goes on (CRAFT's aim)."""
    day, step = intake + timedelta(days=rng.randint(0, 14)), 0
    while day <= end:
        repos.insert_family_followup(
            conn,
            FamilyFollowUp(
                client_id,
                day,
                rng.random() < min(0.6, 0.15 + 0.1 * step),
                rng.random() < 0.2 + 0.1 * step if rng.random() < 0.9 else None,
                rng.random() < 0.4 + 0.15 * step,
            ),
        )
        day, step = day + timedelta(days=rng.randint(80, 100)), step + 1


def _one_client(
    conn: repos.Conn,
    rng: random.Random,
    people: SyntheticPeople,
    today: date,
    notes_per_client: int,
    resource_ids: list[tuple[int, ResourceCategory]],
    first: bool = False,
    *,
    is_family: bool = False,
    loved_one: int | None = None,
) -> int:
    gender = rng.choices([*list(PRONOUNS), Gender.UNDISCLOSED], weights=[45, 45, 6, 4])[0]
    given, family = people.given(), people.family()
    intake = today - timedelta(days=SPAN_DAYS if first else rng.randint(0, SPAN_DAYS))
    status = rng.choices(list(ClientStatus), weights=[60, 20, 15, 5])[0]
    if first:
        status = ClientStatus.ACTIVE  # served from the first day of the span to today
    races = rng.choices(
        [
            [Race.WHITE],
            [Race.BLACK_AFRICAN_AMERICAN],
            [Race.ASIAN],
            [Race.AMERICAN_INDIAN_ALASKA_NATIVE],
            [Race.NATIVE_HAWAIIAN_PACIFIC_ISLANDER],
            [Race.WHITE, Race.BLACK_AFRICAN_AMERICAN],
            [Race.PREFERS_NOT_TO_SAY],
            [],
        ],
        weights=[45, 25, 6, 4, 2, 6, 5, 7],
    )[0]
    ethnicity = rng.choices(
        [
            Ethnicity.HISPANIC_LATINO,
            Ethnicity.NOT_HISPANIC_LATINO,
            Ethnicity.PREFERS_NOT_TO_SAY,
            None,
        ],
        weights=[20, 65, 5, 10],
    )[0]
    status_date = (
        None
        if status == ClientStatus.ACTIVE
        else min(today, intake + timedelta(days=rng.randint(30, 400)))
    )
    client = Client(
        given,
        family,
        intake,
        rng.choice(list(Setting)),
        preferred_name=people.given() if rng.random() < 0.25 else "",
        pronouns=PRONOUNS.get(gender, ("",))[0],
        gender=gender,
        date_of_birth=date(
            today.year - rng.randint(18, 92), rng.randint(1, 12), rng.randint(1, 28)
        ),
        phone=people.phone(),
        email=f"{given.lower()}.{family.lower()}@example.org",
        address=f"{rng.randint(1, 999)} {people.family()} Avenue",
        emergency_contact_name=f"{people.given()} {family}",
        emergency_contact_phone=people.phone(),
        facility="Demo facility",
        referral_source=rng.choice(["ED staff", "Self", "Court", "Family", "Jail reentry"]),
        pathways=rng.sample(list(Pathway), rng.randint(1, 2)),
        status=status,
        status_date=status_date,
        status_reason="" if status == ClientStatus.ACTIVE else "demo",
        language=rng.choice(["en", "en", "en", "es"]),
        race=races,
        ethnicity=ethnicity,
        kind=ClientKind.FAMILY_MEMBER if is_family else ClientKind.PERSON_IN_RECOVERY,
        linked_client_id=loved_one,
        relationship=rng.choice(list(Relationship)) if is_family else None,
    )
    client_id = repos.insert_client(conn, client)
    end = status_date or today
    span = max(1, (end - intake).days)

    repos.insert_consent(
        conn,
        Consent(
            client_id,
            "Demo Recovery Community",
            "Attendance and progress in recovery support",
            "Drug court coordinator",
            "Coordination of care",
            "In writing to the coach at any time",
            intake + timedelta(days=365),
            "",
            client.legal_name,
            intake,
        ),
    )

    goals = FAMILY_GOALS if is_family else GOALS
    domains = rng.sample(list(goals), rng.randint(2, 4))
    plan = RecoveryPlan(
        client_id,
        "I want a calm home and to be someone my family can count on.",
        goals=[
            Goal(
                d,
                goals[d][0],
                goals[d][1],
                [
                    ActionStep(
                        "Make the first call",
                        "Me",
                        intake + timedelta(days=14),
                        rng.choice(list(StepStatus)),
                    ),
                    ActionStep(
                        "Go with my coach to the appointment",
                        "Me and coach",
                        intake + timedelta(days=30),
                    ),
                ],
            )
            for d in domains
        ],
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
                CrisisContact("Crisis line", "988", ""),
            ],
        ),
        # Coaches review active plans every few months: most reviews are ahead, a few overdue.
        review_date=intake + timedelta(days=90)
        if status != ClientStatus.ACTIVE
        else max(intake + timedelta(days=30), today + timedelta(days=rng.randint(-21, 80))),
    )
    repos.insert_plan_version(conn, plan)

    n_notes = max(1, int(rng.gauss(notes_per_client, notes_per_client / 5)))
    name = client.preferred_name or given
    notes = []
    for i in range(n_notes):
        day = intake + timedelta(days=rng.randint(0, span))
        if i == 0 and status == ClientStatus.ACTIVE:
            # active clients were seen lately (the first one today): service ends today
            day = today if first else max(intake, today - timedelta(days=rng.randint(0, 13)))
        attempt = rng.random() < 0.1
        mode = rng.choices(list(ContactMode), weights=[50, 25, 5, 15, 5])[0]
        support, destination = _support(rng, client.kind, mode)
        notes.append(
            SessionNote(
                client_id,
                datetime.combine(day, time(rng.randint(8, 17), rng.choice([0, 15, 30, 45])), UTC),
                mode,
                "No answer; left a message." if attempt else _note_text(rng, name, gender),
                0 if attempt else rng.choice([15, 20, 30, 45, 60]),
                next_steps="" if attempt else rng.choice(NEXT_STEPS),
                follow_up_on=day + timedelta(days=7) if rng.random() < 0.3 else None,
                attempt_only=attempt,
                support=support,
                destination=destination,
            )
        )
    repos.insert_notes(conn, notes)
    if is_family:  # no BARC-10 or SUPRT timepoints: the family follow-up instead
        _family_followups(conn, rng, client_id, intake, end)
        _referrals(conn, rng, client_id, intake, span, resource_ids)
        return client_id

    reached = [w for w in timepoints.windows(intake, status_date) if w.opens <= end]
    base = rng.randint(22, 42)
    for step, window in enumerate(reached):
        if step > 0 and rng.random() < 0.2:
            continue  # a missed follow-up, as in real programs
        taken = min(end, window.opens + timedelta(days=rng.randint(0, 20)))
        late = window.closes + timedelta(days=rng.randint(1, 40))
        if step > 0 and late <= today and rng.random() < 0.1:
            taken = late  # recorded after the window closed
        answers = [
            max(1, min(6, round((base + 4 * step) / 10 + rng.uniform(-1.2, 1.2))))
            for _ in range(10)
        ]
        conn.execute(
            "INSERT INTO barc10 (client_id, taken_on, timepoint, answers, total) "
            "VALUES (?,?,?,?,?)",
            (
                client_id,
                taken.isoformat(),
                window.timepoint.value,
                "".join(map(str, answers)),
                sum(answers),
            ),
        )
        repos.upsert_outcome(
            conn,
            OutcomeAssessment(
                client_id,
                window.timepoint,
                taken,
                days_used=max(0, rng.randint(0, 20) - 6 * step),
                overdose=rng.random() < 0.05,
                housing=rng.choice(["stable", "unstable", "homeless", "institution"]),
                employment=rng.choice(["employed", "unemployed", "student", "not_in_labor_force"]),
                arrests=rng.choice([0, 0, 0, 1]),
                ed_visits=rng.choice([0, 0, 1, 2]),
                in_treatment=rng.random() < 0.5,
                on_moud=rng.random() < 0.3,
                recovery_support=rng.random() < 0.7,
                social_connectedness=rng.randint(1, 5),
            ),
        )
        if window.timepoint == Timepoint.CLOSEOUT:
            break

    _referrals(conn, rng, client_id, intake, span, resource_ids)
    return client_id


def _referrals(
    conn: repos.Conn,
    rng: random.Random,
    client_id: int,
    intake: date,
    span: int,
    resource_ids: list[tuple[int, ResourceCategory]],
) -> None:
    for _ in range(rng.randint(0, 3)):
        resource_id, category = rng.choice(resource_ids)
        made = intake + timedelta(days=rng.randint(0, span))
        referral_status = rng.choice(list(ReferralStatus))
        repos.insert_referral(
            conn,
            Referral(
                client_id,
                category,
                made,
                resource_id,
                referral_status,
                made + timedelta(days=3),
                made + timedelta(days=14)
                if referral_status in (ReferralStatus.MADE, ReferralStatus.CONTACTED)
                else None,
            ),
        )
