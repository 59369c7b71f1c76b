"""The desk's hand-off figures against the truth of the two coach vaults (issue 19): hand-offs
made and accepted, first contact within 48 hours / 7 days, the person counted once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from coachdesk.application import handoff as uc
from coachdesk.application.caseload import Caseload
from coachdesk.core.models import ContactMode, SessionNote
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.rco import handoffs as rco_handoffs
from coachdesk.rco.report import build_report
from coachdesk.storage import handoff_repo
from tests.handoff.world import NOW, make_world, sync


def test_figures_count_the_person_once_and_the_handoffs_right(tmp_path: Path) -> None:
    world = make_world(tmp_path, clients=6)
    stick = lambda: FolderTransport(world.stick)  # noqa: E731
    for coach in (world.ada, world.ben):
        sync(coach, stick())
    ada, ben = Caseload(world.ada.vault), Caseload(world.ben.vault)
    people = [c.id for c in ada.list_clients(limit=100)]
    handed = [cid for cid in people if cid is not None and ada.notes(cid)][:3]
    assert len(handed) == 3
    basis = uc.LegalBasis.within_program("Moving to the community team")
    sent = [uc.send_handoff(ada, cid, world.ben.fingerprint, basis, now=NOW) for cid in handed]
    sync(world.ada, stick())
    sync(world.ben, stick())
    accepted = [uc.accept_handoff(ben, s.handoff_id, now=NOW) for s in sent[:2]]  # one waits
    # first contacts: after 1 day (within 48 h) and after 5 days (within 7 days only)
    for got, days in zip(accepted, (1, 5), strict=True):
        note = SessionNote(got.client_id, NOW + timedelta(days=days), ContactMode.PHONE, "hello")
        ben.add_note(note)
    sync(world.ben, stick())  # the acknowledgments
    sync(world.ada, stick())
    truth_ada, truth_ben = handoff_repo.totals(ada.conn), handoff_repo.totals(ben.conn)
    assert truth_ada["made"] == 3 and truth_ada["kept"] == 2
    assert truth_ben == {
        "made": 0,
        "accepted": 2,
        "continuing": 2,
        "first_48h": 1,
        "first_7d": 2,
        "kept": 0,
    }
    world.desk.import_paths([world.ada.export(), world.ben.export()])
    fig = rco_handoffs.figures(world.desk.backend, small_cell=1)
    assert (fig.made, fig.accepted, fig.first_48h, fig.first_7d) == (3, 2, 1, 2)
    # the truth: distinct people over both vaults (the same episode identity on both sides)
    pseudonyms = set()
    for caseload in (ada, ben):
        for (p,) in caseload.conn.execute(
            "SELECT pseudonym FROM clients c WHERE EXISTS "
            "(SELECT 1 FROM notes n WHERE n.client_id = c.id)"
        ):
            pseudonyms.add(p)
    assert fig.people_once == len(pseudonyms) == fig.people - 2
    # small counts are suppressed with the default threshold, people_once with them
    small = rco_handoffs.figures(world.desk.backend, small_cell=11)
    assert small.made is None and small.people_once is None
    report = build_report(world.desk, "all")
    section = [r for r in report.rows if r.section == "Hand-offs between coaches"]
    assert [r.measure for r in section][:2] == ["Hand-offs made", "Hand-offs accepted"]
    world.close()
