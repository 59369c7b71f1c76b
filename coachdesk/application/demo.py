"""Write a synthetic caseload into a vault (demos, tests, benchmarks): the data comes from
coachdesk.core.demo (pure), the writes go through storage in one transaction."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from coachdesk.core import timepoints
from coachdesk.core.demo import (
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
    ClientStatus,
    Consent,
    ContactMode,
    CrisisContact,
    Ethnicity,
    Gender,
    Goal,
    OutcomeAssessment,
    Pathway,
    Race,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    StepStatus,
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
        for index in range(clients):
            _one_client(conn, rng, people, today, notes_per_client, resource_ids, index == 0)
            if progress is not None and (index % 20 == 0 or index == clients - 1):
                progress(index + 1, clients)
        AuditLog(conn, vault.audit_key).append(
            "demo-data", "create", detail=f"{clients} synthetic clients (seed {seed})"
        )


def _one_client(
    conn: repos.Conn,
    rng: random.Random,
    people: SyntheticPeople,
    today: date,
    notes_per_client: int,
    resource_ids: list[tuple[int, ResourceCategory]],
    first: bool = False,
) -> None:
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

    domains = rng.sample(list(GOALS), rng.randint(2, 4))
    plan = RecoveryPlan(
        client_id,
        "I want a calm home and to be someone my family can count on.",
        goals=[
            Goal(
                d,
                GOALS[d][0],
                GOALS[d][1],
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
        notes.append(
            SessionNote(
                client_id,
                datetime.combine(day, time(rng.randint(8, 17), rng.choice([0, 15, 30, 45])), UTC),
                rng.choices(list(ContactMode), weights=[50, 25, 5, 15, 5])[0],
                "No answer; left a message." if attempt else _note_text(rng, name, gender),
                0 if attempt else rng.choice([15, 20, 30, 45, 60]),
                next_steps="" if attempt else rng.choice(NEXT_STEPS),
                follow_up_on=day + timedelta(days=7) if rng.random() < 0.3 else None,
                attempt_only=attempt,
            )
        )
    repos.insert_notes(conn, notes)

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
