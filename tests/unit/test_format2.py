"""Bundle format 2: periods, the device-side cells from hand-made dated rows, the schema's
refusals, and the RCO's de-duplication (a newer bundle replaces a device's cells)."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.exchange import export, periods
from coachdesk.exchange.aggregates import age_group, period_cells, race_group
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.payload_schema import SchemaError, validate_payload
from coachdesk.rco.metrics import Filters
from coachdesk.storage.export_queries import ActivityRow
from tests.rco_support import new_coach, new_rco


def test_period_keys_and_fiscal_years() -> None:
    q = periods.quarter_index(date(2026, 11, 5))
    assert periods.quarter_key(q) == "2026-Q4"
    assert periods.containing(q, 1) == ("2026-Q4", "2026", "all")
    assert periods.containing(q, 10) == ("2026-Q4", "2026", "FY2027", "all")
    assert periods.containing(periods.quarter_index(date(2026, 9, 30)), 10)[2] == "FY2026"
    assert periods.containing(periods.quarter_index(date(2026, 7, 1)), 7)[2] == "FY2027"
    assert periods.bounds("FY2027", 10) == (2026 * 4 + 3, 2027 * 4 + 2)
    assert periods.bounds("2026") == (2026 * 4, 2026 * 4 + 3)
    assert periods.normalize("fy2026", 1) == "2026" and periods.normalize("") == "all"
    for bad in ("2026-Q5", "last year", "FY26"):
        with pytest.raises(periods.PeriodError):
            periods.normalize(bad)
    keys = ["2025", "2026-Q1", "all", "2026", "2026-Q4", "FY2026"]
    assert sorted(keys, key=periods.sort_key) == [
        "all", "2026", "FY2026", "2026-Q4", "2026-Q1", "2025"
    ]  # fmt: skip


def _row(intake: date, **kw: Any) -> ActivityRow:
    base: dict[str, Any] = {
        "client_id": 1,
        "setting": "drug_court",
        "gender": "woman",
        "race": "",
        "ethnicity": "",
        "age_at_intake": 30,
        "intake": intake,
        "ended": None,
    }
    base.update(kw)
    return ActivityRow(**base)


def test_cells_count_by_time_of_service() -> None:
    intake = date(2025, 1, 10)
    rows = [
        # served in 2025-Q1 and 2026-Q1; 180-day reached in window, annual reached late
        _row(
            intake,
            quarters=[2025 * 4, 2026 * 4],
            referrals=[
                ("moud", date(2025, 2, 1), True, date(2025, 2, 20)),
                ("moud", date(2025, 2, 3), True, date(2025, 4, 1)),
                ("housing", date(2026, 1, 5), False, None),
            ],
            assessed={
                "baseline": [date(2025, 1, 12)],
                "followup_180": [date(2025, 7, 10)],
                "annual": [date(2026, 3, 1)],
            },
            barc10={
                "baseline": (date(2025, 1, 12), 40),
                "followup_180": (date(2025, 7, 10), 46),
                "annual": (date(2026, 3, 1), 50),
            },
            race="asian,white",
            ethnicity="hispanic_latino",
        ),
        # ended before the 180-day window opened: no reassessment due, closeout missed
        _row(
            date(2025, 2, 1),
            client_id=2,
            ended=date(2025, 5, 1),
            quarters=[2025 * 4 + 1],
            age_at_intake=None,
            gender="man",
            race="prefers_not_to_say",
        ),
    ]
    # their notes, summed per setting: (setting, quarter, attempt, group, kind, destination,
    # notes, minutes)
    notes = [
        ("drug_court", 2025 * 4, 0, 0, "coaching_session", "", 3, 90),
        ("drug_court", 2025 * 4, 1, 0, "coaching_session", "", 1, 0),
        ("drug_court", 2026 * 4, 0, 1, "group", "", 2, 120),
        ("drug_court", 2025 * 4 + 1, 0, 0, "navigation", "", 1, 30),
    ]
    cells = period_cells(rows, date(2026, 6, 30), 1, notes=notes).cells
    y25, y26 = cells[("2025", "drug_court")], cells[("2026", "drug_court")]
    assert y25["people"] == 2 and y26["people"] == 1
    assert y25["enrolled"] == 2 and y25["ended"] == 1 and "enrolled" not in y26
    assert y25["sessions"] == 4 and y25["attempts"] == 1 and y26["group_sessions"] == 2
    # what the support was: sessions and group sessions, never attempts
    assert y25["support.coaching_session"] == 3 and y25["minutes.coaching_session"] == 90
    assert y25["support.navigation"] == 1 and y25["minutes.navigation"] == 30
    assert y26["support.group"] == 2 and y26["minutes.group"] == 120
    assert sum(v for name, v in y25.items() if name.startswith("support.")) == 4
    assert cells[("2025-Q1", "drug_court")]["ref.made.moud"] == 2
    assert y25["ref.linked.moud"] == 2 and y25["ref.linked30.moud"] == 1
    assert y26["ref.made.housing"] == 1 and "ref.linked.housing" not in y26
    assert y25["fu.due.baseline"] == 2 and y25["fu.window.baseline"] == 1
    assert y25["fu.due.followup_180"] == 1 and y25["fu.window.followup_180"] == 1
    assert y26["fu.due.annual"] == 1 and y26["fu.late.annual"] == 1  # closed 2026-02-09
    assert y25["fu.due.closeout"] == 1 and "fu.window.closeout" not in y25
    assert y25["barc.n"] == 1 and y25["barc.latest_sum"] == 46 and "barc.cross" not in y25
    assert y26["barc.latest_sum"] == 50 and y26["barc.cross"] == 1
    assert y25["race.two_or_more"] == 1 and y25["race.prefers_not_to_say"] == 1
    assert y25["age.25_34"] == 1 and y25["age.unknown"] == 1
    assert y25["ethnicity.hispanic_latino"] == 1 and y25["ethnicity.not_recorded"] == 1
    # nothing after the export day; future windows are not yet due
    early = period_cells(rows, date(2025, 3, 1), 1, notes=notes).cells[("2025", "drug_court")]
    assert "fu.due.followup_180" not in early and early["people"] == 1


def test_demographic_groups() -> None:
    assert [age_group(a) for a in (None, 17, 18, 24, 25, 64, 65, 95)] == [
        "unknown", "under_18", "18_24", "18_24", "25_34", "55_64", "65_plus", "65_plus"
    ]  # fmt: skip
    assert race_group("") == "not_recorded" and race_group("black_african_american") == (
        "black_african_american"
    )


@pytest.fixture(scope="module")
def two_bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("format2")
    desk = new_rco(root / "rco")
    (root / "c").mkdir()
    coach = new_coach(root / "c", desk.enrollment(), desk.fingerprint, 30, seed=9)
    first = coach.export()
    c = Caseload(coach.vault)
    client = c.list_clients()[0].id
    from coachdesk.core.models import ContactMode, SessionNote

    c.add_note(SessionNote(client, datetime(2026, 2, 20, 10, tzinfo=UTC), ContactMode.PHONE, "x"))
    second = coach.export()
    sealed = export.seal_to_outbox(c, now=datetime(2026, 3, 1, tzinfo=UTC))
    out = {
        "desk": desk,
        "coach": coach,
        "first": first,
        "second": second,
        "sealed": sealed,
        "root": root,
    }
    yield out
    coach.close()
    desk.close()


def _sessions(opened_payload: dict[str, Any], period: str) -> int:
    return sum(
        c["counts"].get("sessions", 0) + c["counts"].get("attempts", 0)
        for c in opened_payload["periods"]["cells"]
        if c["period"] == period
    )


def test_newer_bundle_replaces_and_older_never_overwrites(two_bundles: dict[str, Any]) -> None:
    desk, coach = two_bundles["desk"], two_bundles["coach"]
    first = open_bundle(two_bundles["first"].read_bytes(), desk.identity).payload
    second = open_bundle(two_bundles["second"].read_bytes(), desk.identity).payload
    assert _sessions(second, "2026") == _sessions(first, "2026") + 1
    # the newer arrives first, the older later: the older must not count twice or overwrite
    desk.import_paths([two_bundles["second"]])
    desk.confirm_device(coach.fingerprint, "Coach")
    desk.import_paths([two_bundles["first"], two_bundles["second"]])
    fig = desk.figures(Filters("2026"))
    shown = fig.values["sessions"] + fig.values["attempts"]
    assert shown == _sessions(second, "2026")
    assert [c.coverage for c in fig.completeness] == ["covered"]
    assert [b.format for b in desk.bundles()] == [2, 2]


def test_seal_to_outbox_writes_no_file(two_bundles: dict[str, Any]) -> None:
    sealed = two_bundles["sealed"]
    assert sealed.format_version == 2 and sealed.period_summary is not None
    assert sealed.period_summary.last_quarter == "2026-Q1"
    assert "2026-Q1" in sealed.period_summary.periods
    assert sealed.file_name.endswith(".cdbundle") and sealed.size_bytes > 1000
    items = (
        two_bundles["coach"]
        .caseload.vault.conn.execute("SELECT file_name FROM outbox ORDER BY counter")
        .fetchall()
    )
    assert items[-1][0] == sealed.file_name
    assert sealed.file_name not in {p.name for p in Path(two_bundles["root"]).rglob("*")}


def test_schema_refuses_inconsistent_cells(two_bundles: dict[str, Any]) -> None:
    desk = two_bundles["desk"]
    payload = open_bundle(two_bundles["second"].read_bytes(), desk.identity).payload
    validate_payload(payload)
    cell = next(c for c in payload["periods"]["cells"] if "people" in c["counts"])

    def broken(change: Any) -> str:
        bad = copy.deepcopy(payload)
        target = next(
            c
            for c in bad["periods"]["cells"]
            if (c["period"], c["setting"]) == (cell["period"], cell["setting"])
        )
        change(bad, target)
        with pytest.raises(SchemaError) as info:
            validate_payload(bad)
        return str(info.value)

    assert "add up" in broken(lambda p, c: c["counts"].update(people=c["counts"]["people"] + 1))
    assert "not a figure" in broken(lambda p, c: c["counts"].update({"name.of.person": 1}))
    assert "whole number" in broken(lambda p, c: c["counts"].update(people="3"))
    # a bad value of the larger cell of a pair is named, not compared (found by the fuzzer)
    both = {"ref.linked.moud": 1, "ref.made.moud": [1]}
    assert "ref.made.moud must be a whole number" in broken(lambda p, c: c["counts"].update(both))
    assert "covers" in broken(lambda p, c: c.update(period="1999"))
    assert "lacks" in broken(lambda p, c: p["periods"].pop("last_quarter"))
    assert "1, 4, 7 or 10" in broken(lambda p, c: p["periods"].update(fiscal_year_start=2))


def test_preview_keeps_its_sentences_and_adds_structured_periods(
    two_bundles: dict[str, Any],
) -> None:
    preview = export.preview_export(
        two_bundles["coach"].caseload, now=datetime(2026, 3, 1, tzinfo=UTC)
    )
    assert preview.lines() and any("never a date" in str(f) for f in preview.fields)
    summary = preview.period_summary
    assert summary is not None and summary.format_version == 2
    assert summary.last_quarter == "2026-Q1" and summary.cell_sets > 0
    assert summary.periods[0] == "all" and "2025" in summary.periods


def test_the_one_suppression_call_site_sees_the_family(
    two_bundles: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Family-consistent suppression goes through metrics.suppress_cells: it gets the
    selection and the period's whole family (every coach, setting and coach x setting),
    suppressed once per period and kept with the desk's data."""
    from coachdesk.rco import metrics
    from coachdesk.rco.suppression import FamilyPattern

    desk = two_bundles["desk"]
    seen: list[tuple[Filters, FamilyPattern]] = []

    def spy(fig: metrics.Figures, filters: Filters, family: Any = None) -> set[str]:
        seen.append((filters, family))
        return set()

    monkeypatch.setattr(metrics, "suppress_cells", spy)
    fig = desk.figures(Filters("2026"))
    desk.figures(Filters("2026", "", fig.settings[0]))
    (first, family), (_, again) = seen
    assert first == Filters("2026") and again is family  # computed once for the period
    raw = metrics.cells(desk.data(), Filters("2026"), 11, {})
    assert family.holds("all") and raw.values["people"] > 0
    assert not (raw.values["people"] < 11 and family.shown("all", "people"))
    device = next(iter(fig.devices))
    assert family.holds(f"device={device}")
    assert family.holds(f"setting={fig.settings[0]}")
    assert fig.count("people") == fig.values["people"]  # nothing suppressed by the spy
