"""The RCO scenario of issue 13: five coach vaults (50, 120, 200, 300, 400 clients, demo data
over more than three years), two export rounds with new clients, notes, referrals and
follow-ups between them, everything imported into a real RCO store. For 2025, 2026 and 2026-Q4,
all coaches and each coach, every figure the desk shows equals the figure computed here
INDEPENDENTLY from the coach vaults' own tables (plain SQL and Python below, written from
DOMAIN.md, never calling coachdesk.exchange): people served, sessions, follow-ups due /
reached in window / late per timepoint, referrals made and linked, BARC-10 change, and (issue
21) people served by client kind, contacts and minutes by support kind, accompaniments by
destination and the family follow-up. A figure the desk suppresses must be one it may not
show or one whose neighbour is small."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from coachdesk.application import demo
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    ContactMode,
    Destination,
    FamilyFollowUp,
    Referral,
    ReferralStatus,
    ResourceCategory,
    SessionNote,
    Setting,
    SupportKind,
    Timepoint,
)
from coachdesk.crypto import kdf
from coachdesk.exchange import export
from coachdesk.exchange.enrollment import PrivacyPolicy
from coachdesk.rco import metrics
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.metrics import Figures, Filters
from coachdesk.rco.report import FAMILY_LABELS, SUPPORT_LABELS, build_report
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

pytestmark = pytest.mark.slow

ROUND1 = datetime(2026, 10, 15, 16, tzinfo=UTC)
ROUND2 = datetime(2026, 12, 1, 16, tzinfo=UTC)
SIZES = (50, 120, 200, 300, 400)
PERIODS = {
    "2025": (date(2025, 1, 1), date(2025, 12, 31)),
    "2026": (date(2026, 1, 1), date(2026, 12, 31)),
    "2026-Q4": (date(2026, 10, 1), date(2026, 12, 31)),
    "FY2026": (date(2025, 10, 1), date(2026, 9, 30)),  # the RCO's fiscal year starts in October
}
THRESHOLD = 11
FOLLOW = ("followup_180", "annual", "closeout")
ORDER = {"baseline": 0, "followup_180": 1, "annual": 2, "closeout": 3}


def _between_rounds(vault: Vault, rng: random.Random) -> None:
    """New clients, notes, referrals and assessments dated between the two exports."""
    caseload = Caseload(vault, today=ROUND2.date())
    first = ROUND1.date() + timedelta(days=1)
    span = (ROUND2.date() - first).days
    for i in range(rng.randint(6, 14)):
        intake = first + timedelta(days=rng.randint(0, span))
        client_id = caseload.add_client(
            Client(
                f"Nuvo{i}",
                "Tarquin",
                intake,
                rng.choice(list(Setting)),
                date_of_birth=date(1980 + i, 1, 5),
            )
        )
        caseload.record_barc10(client_id, [4] * 10, intake, Timepoint.BASELINE)
    ids = [r[0] for r in vault.conn.execute("SELECT id FROM clients ORDER BY id")]
    family = {
        r[0] for r in vault.conn.execute("SELECT id FROM clients WHERE kind = 'family_member'")
    }
    for client_id in rng.sample(ids, min(len(ids), 40)):
        day = first + timedelta(days=rng.randint(0, span))
        support = rng.choice(list(SupportKind))
        caseload.add_note(
            SessionNote(
                client_id,
                datetime.combine(day, time(10), UTC),
                rng.choice(list(ContactMode)),
                "Checked in about the week.",
                rng.choice([0, 20, 45, 90]),
                attempt_only=rng.random() < 0.2,
                support=support,
                destination=rng.choice(list(Destination))
                if support == SupportKind.ACCOMPANIMENT
                else None,
            )
        )
        if client_id in family:
            caseload.record_family_followup(
                FamilyFollowUp(client_id, day, rng.random() < 0.5, None, rng.random() < 0.5)
            )
            continue  # BARC-10 is for persons in recovery
        if rng.random() < 0.3:
            status = rng.choice([ReferralStatus.LINKED, ReferralStatus.MADE])
            caseload.make_referral(
                Referral(client_id, rng.choice(list(ResourceCategory)), day, None, status, day)
            )
        if rng.random() < 0.3:
            caseload.record_barc10(client_id, [5] * 10, day, Timepoint.ANNUAL)


@dataclass
class Scenario:
    desk: RcoDesk
    vaults: dict[str, Vault]  # device_id -> the coach's vault, still open
    names: dict[str, str] = field(default_factory=dict)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    root = tmp_path_factory.mktemp("scenario")
    desk, _ = RcoDesk.create(
        root / "rco",
        PASSPHRASE,
        name="Harbor RCO",
        params=kdf.minimum_params(),
        policy=PrivacyPolicy(fiscal_year_start=10),
    )
    enrollment = desk.enrollment()
    out = root / "bundles"
    out.mkdir()
    result = Scenario(desk, {})
    for i, size in enumerate(SIZES):
        vault, _ = Vault.create(root / f"coach{i}", PASSPHRASE, params=kdf.minimum_params())
        demo.generate(vault, size, seed=1300 + i, notes_per_client=12, today=ROUND1.date())
        caseload = Caseload(vault)
        export.enroll(caseload, enrollment, desk.fingerprint)
        export.export(caseload, out, now=ROUND1)
        device = export.device_identity(caseload)
        assert device is not None
        result.vaults[device.device_id] = vault
        result.names[device.device_id] = f"Coach {i + 1}"
    desk.import_paths([out])
    for device_id, name in result.names.items():
        fingerprint = next(d.fingerprint for d in desk.devices() if d.device_id == device_id)
        desk.confirm_device(fingerprint, name)
    rng = random.Random(13)
    second = root / "round2"
    second.mkdir()
    for vault in result.vaults.values():
        _between_rounds(vault, rng)
        export.export(Caseload(vault), second, now=ROUND2)
    summary = desk.import_paths([second])
    assert summary.count("imported") == len(SIZES), summary.to_json()
    yield result
    for vault in result.vaults.values():
        vault.close()
    desk.close()


# -- the independent computation (plain SQL and Python over one coach vault) -----------------


def _d(text: str) -> date:
    return date.fromisoformat(text[:10])


def _windows(intake: date, ended: date | None) -> list[tuple[str, date, date]]:
    """SUPRT windows (DOMAIN.md): baseline within 30 days of intake; 180 days and annual
    +/- 30 days; closeout within 30 days of the end of services, which cancels reassessments
    whose window had not opened yet."""
    out = [
        ("baseline", intake, intake + timedelta(days=30)),
        ("followup_180", intake + timedelta(days=150), intake + timedelta(days=210)),
        ("annual", intake + timedelta(days=335), intake + timedelta(days=395)),
    ]
    if ended is not None:
        out = [w for w in out if w[1] <= ended] + [("closeout", ended, ended + timedelta(days=30))]
    return out


def truth(vault: Vault, start: date, end: date, day: date) -> dict[str, Any]:
    conn = vault.conn
    end = min(end, day)

    def inside(text: str | None) -> bool:
        return text is not None and start <= _d(text) <= end

    notes = conn.execute("SELECT client_id, occurred_at, mode, attempt_only FROM notes").fetchall()
    people = {c for c, at, _, _ in notes if inside(at)}
    sessions = sum(1 for _, at, mode, att in notes if inside(at) and not att and mode != "group")
    kind_of = dict(conn.execute("SELECT id, kind FROM clients"))
    family_people = sum(1 for c in people if kind_of[c] == "family_member")
    support: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    accompanied: Counter[str] = Counter()
    for at, kind, where, length in conn.execute(
        "SELECT occurred_at, support_kind, destination, duration_minutes FROM notes "
        "WHERE attempt_only = 0"
    ):
        if inside(at):
            support[kind] += 1
            minutes[kind] += length
            if kind == "accompaniment":
                accompanied[where] += 1
    # the family follow-up: each family client's latest follow-up dated in the period
    latest_family: dict[int, tuple[str, int, tuple[Any, ...]]] = {}
    for c, taken, row_id, *answers in conn.execute(
        "SELECT client_id, taken_on, id, loved_one_in_treatment, loved_one_in_support, "
        "own_support FROM family_followups"
    ):
        if inside(taken) and (c not in latest_family or (taken, row_id) > latest_family[c][:2]):
            latest_family[c] = (taken, row_id, tuple(answers))
    answered = [answers for _, _, answers in latest_family.values()]
    made: Counter[str] = Counter()
    linked: Counter[str] = Counter()
    for category, made_on, status in conn.execute(
        "SELECT category, made_on, status FROM referrals"
    ):
        if inside(made_on):
            made[category] += 1
            linked[category] += status == "linked"
    dates: dict[tuple[int, str], list[date]] = defaultdict(list)
    for table in ("barc10", "outcomes"):
        for c, tp, taken in conn.execute(f"SELECT client_id, timepoint, taken_on FROM {table}"):
            if tp:
                dates[(c, tp)].append(_d(taken))
    due: Counter[str] = Counter()
    window: Counter[str] = Counter()
    late: Counter[str] = Counter()
    clients = conn.execute("SELECT id, intake_date, status, status_date FROM clients").fetchall()
    for c, intake, status, status_date in clients:
        if kind_of[c] == "family_member":
            continue  # SUPRT follow-up is for the person in recovery (DOMAIN.md)
        ended = None if status == "active" else _d(status_date or intake)
        if ended is not None and ended > day:
            ended = None
        for tp, opens, closes in _windows(_d(intake), ended):
            if not (start <= closes <= end):
                continue
            due[tp] += 1
            taken = dates.get((c, tp), [])
            if any(opens <= t <= closes for t in taken):
                window[tp] += 1
            elif taken:
                late[tp] += 1
    barc: dict[int, list[tuple[date, int, str, int]]] = defaultdict(list)
    for c, tp, taken, total, row_id in conn.execute(
        "SELECT client_id, timepoint, taken_on, total, id FROM barc10 WHERE timepoint IS NOT NULL"
    ):
        barc[c].append((_d(taken), row_id, tp, total))
    changes = []
    for items in barc.values():
        latest_of: dict[str, tuple[date, int, str, int]] = {}
        for item in sorted(items):  # by date, then id: the latest of each timepoint wins
            latest_of[item[2]] = item
        base = latest_of.get("baseline")
        follow = [v for t, v in latest_of.items() if t in FOLLOW and start <= v[0] <= end]
        if base is None or base[0] > day or not follow:
            continue
        last = max(follow, key=lambda v: (v[0], ORDER[v[2]]))
        changes.append(last[3] - base[3])
    return {
        "people": len(people),
        "sessions": sessions,
        "made": made,
        "linked": linked,
        "due": due,
        "window": window,
        "late": late,
        "barc_n": len(changes),
        "barc_change": sum(changes) / len(changes) if changes else None,
        "family_people": family_people,
        "support": support,
        "minutes": minutes,
        "accompanied": accompanied,
        "fam_n": len(answered),
        "fam_treatment": sum(1 for a in answered if a[0]),
        "fam_support": sum(1 for a in answered if a[1]),
        "fam_own_support": sum(1 for a in answered if a[2]),
    }


def _merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
    total: dict[str, Any] = {}
    for key in ("people", "sessions", "barc_n", "family_people"):
        total[key] = sum(p[key] for p in parts)
    for key in ("fam_n", "fam_treatment", "fam_support", "fam_own_support"):
        total[key] = sum(p[key] for p in parts)
    for key in ("made", "linked", "due", "window", "late", "support", "minutes", "accompanied"):
        total[key] = sum((p[key] for p in parts), Counter())
    n = total["barc_n"]
    total["barc_change"] = (
        sum(p["barc_change"] * p["barc_n"] for p in parts if p["barc_n"]) / n if n else None
    )
    return total


class Checker:
    def __init__(self) -> None:
        self.shown = 0
        self.hidden = 0
        self.shown_new = 0

    def count(self, fig: Figures, key: str, true: int) -> None:
        shown = fig.count(key)
        if shown is None:
            self.hidden += 1
            return
        assert not 0 < shown < THRESHOLD, key  # a shown figure is never small
        assert shown == true, (key, shown, true)
        self.shown += 1
        if key.startswith(("kind.", "support.", "minutes.", "accomp.", "fam.")):
            self.shown_new += 1  # issue 21's figures

    def check(self, fig: Figures, t: dict[str, Any]) -> None:
        self.count(fig, "people", t["people"])
        self.count(fig, "sessions", t["sessions"])
        for cat in ResourceCategory:
            self.count(fig, f"ref.made.{cat.value}", t["made"][cat.value])
            self.count(fig, f"ref.linked.{cat.value}", t["linked"][cat.value])
        self.count(fig, "ref.made", sum(t["made"].values()))
        self.count(fig, "ref.linked", sum(t["linked"].values()))
        for tp in ORDER:
            self.count(fig, f"fu.due.{tp}", t["due"][tp])
            self.count(fig, f"fu.window.{tp}", t["window"][tp])
            self.count(fig, f"fu.late.{tp}", t["late"][tp])
            missed = t["due"][tp] - t["window"][tp] - t["late"][tp]
            self.count(fig, f"fu.missed.{tp}", missed)
        self.count(fig, "barc.n", t["barc_n"])
        self.count(fig, "kind.family_member", t["family_people"])
        self.count(fig, "kind.person_in_recovery", t["people"] - t["family_people"])
        for kind in SupportKind:
            self.count(fig, f"support.{kind.value}", t["support"][kind.value])
            self.count(fig, f"minutes.{kind.value}", t["minutes"][kind.value])
        for where in Destination:
            self.count(fig, f"accomp.{where.value}", t["accompanied"][where.value])
        for name in ("n", "treatment", "support", "own_support"):
            self.count(fig, f"fam.{name}", t[f"fam_{name}"])
        change = fig.mean("barc.change")
        if change is not None:
            assert change == pytest.approx(t["barc_change"])
            self.shown += 1


def test_every_figure_equals_the_vaults_own_records(scenario: Scenario) -> None:
    desk = scenario.desk
    checker = Checker()
    day = ROUND2.date()
    for period, (start, end) in PERIODS.items():
        parts = {d: truth(v, start, end, day) for d, v in scenario.vaults.items()}
        everyone = _merge(list(parts.values()))
        fig = desk.figures(Filters(period))
        checker.check(fig, everyone)
        assert fig.values["people"] == everyone["people"]  # the raw cells, before suppression
        assert fig.values["sessions"] == everyone["sessions"]
        for device_id, part in parts.items():
            checker.check(desk.figures(Filters(period, device_id)), part)
            # the per-coach rows of the all-coach figures, too
            for tp in ORDER:
                checker.count(fig, f"fu.due.{tp}.{device_id}", part["due"][tp])
                checker.count(fig, f"fu.window.{tp}.{device_id}", part["window"][tp])
            checker.count(fig, f"people.device.{device_id}", part["people"])
        # the report shows the same numbers as the figures it is built from
        report = build_report(desk, period)
        row = next(r for r in report.rows if r.measure == "People served")
        assert row.value == everyone["people"]
        hours = {r.category: r.value for r in report.rows if r.measure == "Hours"}
        for kind, label in SUPPORT_LABELS.items():
            shown = fig.count(f"minutes.{kind}")
            assert hours[label] == (None if shown is None else everyone["minutes"][kind] / 60)
        treatment = next(
            r for r in report.rows if r.measure == FAMILY_LABELS["treatment"] and r.kind == "count"
        )
        assert treatment.value in (None, everyone["fam_treatment"])
        # the raw cells, before suppression, too
        assert fig.values["kind.family_member"] == everyone["family_people"] > 0
        assert fig.values["fam.treatment"] == everyone["fam_treatment"]
        assert all(
            fig.values[f"support.{k.value}"] == everyone["support"][k.value] > 0
            for k in SupportKind
        )
        assert not any(r.text == "no records" for r in report.rows)
        assert [r.display for r in report.rows if r.section == "Data completeness"] == [
            "covered"
        ] * len(SIZES)
    assert checker.shown > 300, (checker.shown, checker.hidden)
    assert checker.shown_new > 60, checker.shown_new
    assert checker.hidden > 10  # small cells exist and were suppressed


def test_periods_are_time_of_service_not_import(scenario: Scenario) -> None:
    """2025 work is reported as 2025 although every bundle arrived in 2026; importing the
    same bundles again changes nothing."""
    desk = scenario.desk
    fig = desk.figures(Filters("2025"))
    assert fig.values["people"] > 500
    before = {p: desk.figures(Filters(p)).values["people"] for p in PERIODS}
    offered = desk.data().periods()
    assert {"2023", "2024", "2025", "2026", "2026-Q4", "2023-Q4"} <= set(offered)
    assert desk.figures(Filters("2022")).empty
    report = build_report(desk, "2022")
    assert all(r.text == "no records" for r in report.rows if r.kind != "text")
    assert before == {p: desk.figures(Filters(p)).values["people"] for p in PERIODS}
    # FY2027 (October 2026 - September 2027) is only partly covered by bundles of 2026-12-01
    completeness = [r.display for r in build_report(desk, "FY2027").rows if r.kind == "text"]
    assert completeness == ["partly covered (through 2026-Q4)"] * len(SIZES)


# -- the cross-report attacker of issue 13 ---------------------------------------------------


def _differences(reports: dict[str, Figures], everyone: Figures) -> dict[tuple[str, str], int]:
    """What an attacker holding the all-coach report and every coach's report derives for
    each coach's cells: the all-coach figure minus the other coaches' figures, and the
    all-coach report's own per-coach rows (follow-ups, people) and their totals minus the
    other rows."""
    out: dict[tuple[str, str], int] = {}
    for device_id, fig in reports.items():
        others = [f for d, f in reports.items() if d != device_id]
        for key in fig.values:
            total = everyone.count(key)
            rest = [f.count(key) for f in others]
            if total is not None and all(r is not None for r in rest):
                out[(device_id, key)] = total - sum(rest)  # type: ignore[arg-type]
            if key.startswith("fu.") and key.count(".") == 2:
                row = everyone.count(f"{key}.{device_id}")
                if row is not None:
                    out[(device_id, key)] = row
                rows = [everyone.count(f"{key}.{d}") for d in reports if d != device_id]
                if total is not None and all(r is not None for r in rows):
                    out[(device_id, key)] = total - sum(rows)  # type: ignore[arg-type]
        row = everyone.count(f"people.device.{device_id}")
        if row is not None:
            out[(device_id, "people")] = row
    return out


def _leaks(reports: dict[str, Figures], everyone: Figures) -> list[tuple[str, str, int]]:
    """Cells a coach's report suppresses because they are small (or event sums of a small
    group) that the attacker derives anyway."""
    found = []
    for (device_id, key), value in _differences(reports, everyone).items():
        fig = reports[device_id]
        if key in fig.hidden or fig.count(key) is not None:
            continue
        assert value == fig.values[key]  # the attacker's arithmetic is right
        small = 0 < fig.values[key] < THRESHOLD
        event = key in ("sessions", "attempts", "group_sessions")
        if small or (event and 0 < fig.values["people"] < THRESHOLD):
            found.append((device_id, key, value))
    return found


def _per_report(desk: RcoDesk, filters: Filters) -> Figures:
    """A selection suppressed on its own (the rule before issue 13's item 4)."""
    data = desk.data()
    fig = metrics.cells(data, filters, desk.policy.small_cell, desk.device_names())
    fig.suppressed = metrics.suppress_cells(fig, filters)
    return fig


def test_the_all_coach_report_minus_the_other_coaches_gives_away_no_small_cell(
    scenario: Scenario,
) -> None:
    """From the reports the desk produces for one period (all coaches and every `--device`
    report), adding and subtracting never yields a cell suppressed as small. Suppressing each
    report on its own does leak here (issue 13's measurement), so the attacker can fail."""
    desk = scenario.desk
    before = 0
    for period in PERIODS:
        everyone = desk.figures(Filters(period))
        reports = {d: desk.figures(Filters(period, d)) for d in scenario.vaults}
        assert _leaks(reports, everyone) == [], period
        assert any(f.suppressed for f in reports.values())  # small cells exist and are hidden
        alone = {d: _per_report(desk, Filters(period, d)) for d in scenario.vaults}
        before += len(_leaks(alone, _per_report(desk, Filters(period))))
    assert before > 0
