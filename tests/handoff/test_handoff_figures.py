"""The desk's per-quarter figures against the truth of the two coach vaults (issue 19): a
person handed from Ada to Ben has history on both devices and in the quarter of the hand-off
on both; every quarter counts them once (people, sessions, attempts, enrolled, ended, BARC-10
pairs), and hand-offs made, accepted, first contact within 48 hours / 7 days per quarter."""

from __future__ import annotations

import copy
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import ContactMode, SessionNote, Timepoint
from coachdesk.exchange import periods
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.payload_schema import SchemaError, validate_payload
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco import handoffs as rco_handoffs
from coachdesk.rco.report import build_report
from coachdesk.storage import handoff_repo
from tests.handoff.world import make_world, sync

SENT = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)  # 2026-Q2
ACCEPTED = datetime(2026, 6, 3, 15, 0, tzinfo=UTC)


def _quarter(day: str) -> str:
    return periods.quarter_key(periods.quarter_index(date.fromisoformat(day[:10])))


def _truth(vaults: list[Caseload]) -> dict[str, dict[str, int]]:
    """Per quarter, from the two vaults' rows alone: a note is one event however many vaults
    hold it (the copy that travelled has the same person, time, mode and text); a person is
    one pseudonym; an episode ends when its current record ends (a transfer by hand-off is
    no end: the episode goes on at the receiver)."""
    notes: set[tuple[Any, ...]] = set()
    intake: dict[str, str] = {}
    ended: dict[str, str] = {}
    for c in vaults:
        for row in c.conn.execute(
            "SELECT c.pseudonym, n.occurred_at, n.mode, n.attempt_only, n.text "
            "FROM notes n JOIN clients c ON c.id = n.client_id"
        ):
            notes.add(tuple(row))
        for p, day, status, status_day, handed in c.conn.execute(
            "SELECT pseudonym, intake_date, status, status_date, transferred_on FROM clients"
        ):
            intake[p] = day
            if status != "active" and handed is None:
                ended[p] = status_day or day
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    people: dict[str, set[str]] = defaultdict(set)
    for p, at, mode, attempt, _ in notes:
        q = _quarter(at)
        people[q].add(p)
        out[q]["attempts" if attempt else "group_sessions" if mode == "group" else "sessions"] += 1
    for q, who in people.items():
        out[q]["people"] = len(who)
    for day in intake.values():
        out[_quarter(day)]["enrolled"] += 1
    for day in ended.values():
        out[_quarter(day)]["ended"] += 1
    return out


def _handoff_truth(ada: Caseload, ben: Caseload) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (made,) in ada.conn.execute("SELECT created_at FROM handoffs_sent"):
        out[_quarter(made)]["made"] += 1
    for client_id, decided in ben.conn.execute(
        "SELECT client_id, decided_at FROM handoffs_received WHERE state = 'accepted'"
    ):
        q, at = _quarter(decided), datetime.fromisoformat(decided)
        out[q]["accepted"] += 1
        firsts = [n.occurred_at for n in ben.notes(client_id) if not n.attempt_only]
        waited = min((t - at for t in firsts if t >= at), default=None)
        out[q]["first_48h"] += int(waited is not None and waited <= timedelta(hours=48))
        out[q]["first_7d"] += int(waited is not None and waited <= timedelta(days=7))
    return out


def _desk_cells(world: Any) -> dict[str, dict[str, dict[str, int]]]:
    """{device: {period: {cell: count}}}, summed over the settings."""
    out: dict[str, dict[str, dict[str, int]]] = defaultdict(
        lambda: defaultdict(lambda: defaultdict(int))
    )
    for cell in world.desk.backend.list_period_cells():
        for name, n in cell.counts.items():
            out[cell.device_id][cell.period][name] += n
    return out


def _schema_refuses_bad_counts(payload: dict[str, Any]) -> None:
    validate_payload(payload)
    [row] = payload["handoff_quarters"]
    assert row == {"quarter": "2026-Q2", "made": 3, "accepted": 0, "first_48h": 0, "first_7d": 0}
    last = payload["periods"]["last_quarter"]
    for change, words in (
        ({"first_48h": 1}, "at most the hand-offs accepted"),
        ({"quarter": "2099-Q1"}, "after the last quarter"),
        ({"made": -1}, "made"),
        ({"who": "Ada"}, "who"),
    ):
        bad = copy.deepcopy(payload)
        bad["handoff_quarters"][0].update(change)
        with pytest.raises(SchemaError, match=words):
            validate_payload(bad)
    bad = copy.deepcopy(payload)
    bad["handoff_quarters"].append({**row, "quarter": last})
    bad["handoff_quarters"].append({**row, "quarter": last})
    with pytest.raises(SchemaError, match="out of order"):
        validate_payload(bad)


def test_per_quarter_figures_count_the_person_once(tmp_path: Path) -> None:
    world = make_world(tmp_path, clients=6)
    stick = lambda: FolderTransport(world.stick)  # noqa: E731
    for coach in (world.ada, world.ben):
        sync(coach, stick())
    ada, ben = Caseload(world.ada.vault), Caseload(world.ben.vault)
    handed = [c.id for c in ada.list_clients(limit=100) if c.id and ada.notes(c.id)][:3]
    assert len(handed) == 3
    for cid in handed:  # Ada sees them in the quarter of the hand-off too
        ada.add_note(
            SessionNote(cid, datetime(2026, 5, 12, 9, tzinfo=UTC), ContactMode.PHONE, "ok")
        )
    ada.record_barc10(handed[0], [3] * 10, date(2026, 5, 12), Timepoint.BASELINE)
    basis = uc.LegalBasis.within_program("Moving to the community team")
    sent = [uc.send_handoff(ada, cid, world.ben.fingerprint, basis, now=SENT) for cid in handed]
    sync(world.ada, stick())
    sync(world.ben, stick())
    accepted = [uc.accept_handoff(ben, s.handoff_id, now=ACCEPTED) for s in sent[:2]]  # one waits
    first, second = (a.client_id for a in accepted)

    def on_today() -> set[int]:
        return {r.client_id for r in ben.today_page().first.get("first_contact", [])}

    assert on_today() == {first, second}
    ben.add_note(SessionNote(first, ACCEPTED + timedelta(days=1), ContactMode.IN_PERSON, "met"))
    ben.add_note(SessionNote(first, datetime(2026, 8, 10, 9, tzinfo=UTC), ContactMode.PHONE, "q3"))
    attempt = SessionNote(second, ACCEPTED + timedelta(hours=3), ContactMode.PHONE, "no answer")
    attempt.attempt_only = True
    ben.add_note(attempt)
    assert on_today() == {second}  # the attempt is no contact, for Today as for the RCO
    ben.add_note(SessionNote(second, ACCEPTED + timedelta(days=5), ContactMode.PHONE, "reached"))
    assert on_today() == set()  # both first contacts made: the RCO counts both (first_7d)
    # Ben records the follow-up against the baseline Ada took (the pair is Ben's)
    ben.record_barc10(first, [5] * 10, date(2026, 8, 10), Timepoint.FOLLOWUP_180)
    sync(world.ben, stick())  # the acknowledgments
    sync(world.ada, stick())
    assert uc.transferred(ada, handed[0]) == ("Bexa Morrow", "2026-06-03")
    ada_bundle, ben_bundle = world.ada.export(), world.ben.export()
    world.desk.import_paths([ada_bundle, ben_bundle])
    _schema_refuses_bad_counts(open_bundle(ada_bundle.read_bytes(), world.desk.identity).payload)

    cells = _desk_cells(world)
    by_fp = {d.fingerprint: d.device_id for d in world.desk.backend.list_devices()}
    ada_id, ben_id = by_fp[world.ada.fingerprint], by_fp[world.ben.fingerprint]
    truth = _truth([ada, ben])
    quarters = sorted(truth)
    assert "2026-Q2" in quarters and "2026-Q3" in quarters
    for q in quarters:
        desk = {n: cells[ada_id][q][n] + cells[ben_id][q][n] for n in truth[q]}
        assert desk == truth[q], q
    # the person is in both devices' quarters: Ada's before and in the quarter of the hand-off
    # (sessions), Ben's from it on, and counted as a person once in that quarter
    assert cells[ada_id]["2026-Q2"]["sessions"] >= 3 and cells[ben_id]["2026-Q2"]["people"] >= 2
    assert cells[ben_id]["2026-Q3"]["people"] == 1 and not cells[ada_id]["2026-Q3"]["people"]
    # the BARC-10 pair: Ben's, from the baseline that came with the record
    assert cells[ben_id]["2026-Q3"]["barc.n"] == 1 and cells[ben_id]["2026-Q3"]["barc.cross"] == 1
    assert cells[ada_id]["2026-Q3"]["barc.n"] == 0
    # over the year and all periods too, distinct people over both vaults
    for period in ("2026", "all"):
        who = {
            p
            for c in (ada, ben)
            for (p,) in c.conn.execute(
                "SELECT DISTINCT c.pseudonym FROM notes n JOIN clients c ON c.id = n.client_id "
                "WHERE ? = 'all' OR substr(n.occurred_at, 1, 4) = ?",
                (period, period),
            )
        }
        assert cells[ada_id][period]["people"] + cells[ben_id][period]["people"] == len(who)

    # hand-off counts per quarter, against the vaults' rows
    handoffs = _handoff_truth(ada, ben)
    assert handoffs["2026-Q2"] == {"made": 3, "accepted": 2, "first_48h": 1, "first_7d": 2}
    for q, want in handoffs.items():
        fig = rco_handoffs.figures(world.desk.backend, 1, q)
        assert (fig.made, fig.accepted, fig.first_48h, fig.first_7d) == tuple(
            want[n] for n in rco_handoffs.COUNTS
        )
    assert rco_handoffs.figures(world.desk.backend, 1, "2026-Q3").made == 0
    assert rco_handoffs.figures(world.desk.backend, 1, "all").accepted == 2
    assert handoff_repo.totals(ben.conn)["first_7d"] == 2
    # small counts are suppressed with the default threshold
    assert rco_handoffs.figures(world.desk.backend, 11, "2026-Q2").made is None
    report = build_report(world.desk, "2026-Q2")
    section = [r for r in report.rows if r.section == "Hand-offs between coaches"]
    assert [(r.measure, r.value) for r in section][:2] == [
        ("Hand-offs made", 3) if report.threshold <= 3 else ("Hand-offs made", None),
        ("Hand-offs accepted", 2) if report.threshold <= 2 else ("Hand-offs accepted", None),
    ]
    quiet = build_report(world.desk, "2025")  # no hand-off in 2025: no section
    assert not [r for r in quiet.rows if r.section == "Hand-offs between coaches"]
    world.close()
