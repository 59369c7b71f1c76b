"""Issue 20 end to end: three real coach vaults suggest, the desk merges and accepts, and the
next signed directory reaches all three with the changes, the "last verified" dates and the
fate of each coach's suggestion. Real SQLCipher vaults and store, real keys and seals, the
folder transport both ways (a USB stick or shared folder as the RCO's inbox)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from coachdesk.application import suggestions as sug
from coachdesk.core.models import Pathway, Referral, ReferralStatus, Resource, ResourceCategory
from coachdesk.crypto.identity import RcoIdentity
from coachdesk.crypto.signing import sign_document
from coachdesk.exchange import directory, sync
from coachdesk.exchange import suggestion as sfile
from coachdesk.exchange.bundle import open_bundle
from coachdesk.exchange.transports.folder import FolderTransport
from coachdesk.i18n.catalog import text
from coachdesk.rco import curation
from coachdesk.rco.desk import RcoDesk
from coachdesk.rco.importer import Outcome
from coachdesk.storage import repos
from coachdesk.storage.suggestion_repo import EntryFacts
from tests.conftest import PASSPHRASE, RunCli
from tests.rco_support import Coach, new_coach
from tests.suggest_support import rco_with_directory


@pytest.fixture
def team(tmp_path: Path) -> Iterator[tuple[RcoDesk, list[Coach], Path]]:
    """An RCO with two directory entries and three confirmed coaches who merged it."""
    desk, inbox = rco_with_directory(tmp_path)
    coaches = []
    for n, name in enumerate(("ada", "ben", "cy")):
        folder = tmp_path / name
        folder.mkdir()
        coach = new_coach(folder, desk.enrollment(), desk.fingerprint, 4, 10 + n, notes=1)
        coach.export()
        sync.sync_once(coach.vault, FolderTransport(inbox))
        coaches.append(coach)
    desk.import_paths([inbox])
    for coach in coaches:
        desk.confirm_device(coach.fingerprint)
    yield desk, coaches, inbox
    for coach in coaches:
        coach.close()
    desk.close()


def _ref(coach: Coach, name: str) -> str:
    return next(r.rco_ref for r in repos.list_resources(coach.vault.conn) if r.name == name)


SMART = sug.SuggestionDraft(
    name="SMART Recovery Tuesday",
    name_es="SMART Recovery los martes",
    category=ResourceCategory.MUTUAL_AID,
    pathways=(Pathway.SMART_RECOVERY,),
    area="Library, 2nd floor",
    hours="Tue 18:00",
    languages=("English", "Spanish"),
    note="Open meeting, no sign-up",
)


def test_three_coaches_suggest_the_desk_accepts_and_the_directory_comes_back(
    team: tuple[RcoDesk, list[Coach], Path],
) -> None:
    desk, (ada, ben, cy), inbox = team
    detox = _ref(ada, "Northgate Detox Line")
    moud = _ref(ada, "Riverside MOUD Clinic")
    # Ada and Ben suggest the same new meeting (Ben's spelling differs), Cy corrects the
    # detox's number, Ben confirms the MOUD clinic is still right.
    sug.send(ada.caseload, SMART)
    sug.send(ben.caseload, replace(SMART, name="smart recovery  tuesday"))
    fix = sug.draft_for(cy.caseload, "correction", detox, "number_changed")
    sug.send(cy.caseload, replace(fix, phone="555-0199"))
    sug.send(ben.caseload, sug.draft_for(ben.caseload, "confirmed", moud))
    for coach in (ada, ben, cy):
        report = sync.sync_once(coach.vault, FolderTransport(inbox))
        assert report.ok, report.lines
    assert len(list(inbox.glob("*.cdsuggest"))) == 4

    summary = desk.import_paths([inbox])
    suggestions = [r for r in summary.results if r.path.endswith(".cdsuggest")]
    assert [r.outcome for r in suggestions] == [Outcome.IMPORTED] * 4
    groups = {" ".join(g.name.casefold().split()): g for g in curation.inbox(desk)}
    assert len(groups) == 3  # the two new-meeting suggestions are one group
    smart = groups["smart recovery tuesday"]
    assert (smart.kind, smart.coaches, smart.proposed_by) == ("new", 2, 2)
    assert groups["northgate detox line"].problems == {"number_changed": 1}
    assert groups["northgate detox line"].proposal["phone"] == "555-0199"
    assert groups["riverside moud clinic"].confirmed == 1
    # importing the same files again stores nothing twice
    again = desk.import_paths(sorted(inbox.glob("*.cdsuggest")))
    assert {r.outcome for r in again.results} == {Outcome.ALREADY_PRESENT}

    curation.accept(desk, smart.group_id, {"name": "SMART Recovery Tuesday"})
    curation.accept(desk, groups["northgate detox line"].group_id)
    curation.accept(desk, groups["riverside moud clinic"].group_id)
    assert curation.inbox(desk) == []
    actions = [e.action for e in desk.backend.audit_entries()]
    assert actions.count(curation.SUGGESTION_ACCEPTED) == 3
    _, serial = desk.publish_directory(inbox)
    today = datetime.now(UTC).date().isoformat()

    for coach in (ada, ben, cy):
        report = sync.sync_once(coach.vault, FolderTransport(inbox))
        assert report.directory_serial == serial
        rows = {r.name: r for r in repos.list_resources(coach.vault.conn) if not r.local}
        assert rows["Northgate Detox Line"].phone == "555-0199"
        assert rows["SMART Recovery Tuesday"].hours == "Tue 18:00"
        facts = sug.entry_facts(coach.caseload)
        new_ref = rows["SMART Recovery Tuesday"].rco_ref
        assert (facts[new_ref].last_verified, facts[new_ref].verified_by) == (today, 2)
        assert facts[new_ref].languages == ["English", "Spanish"]
        assert facts[new_ref].extra["name_es"] == "SMART Recovery los martes"
        assert (facts[moud].last_verified, facts[moud].verified_by) == (today, 1)
        assert facts[detox].last_verified == today
        changes = sug.directory_changes(coach.caseload)
        assert changes is not None
        assert (changes.new, changes.updated, changes.closed) == (1, 1, 0)
        assert changes.message.text("en") == (
            "The RCO's new directory: 1 new, 1 updated, 0 closed."
        )
        assert any("1 new, 1 updated, 0 closed" in line for line in report.lines)
        mine = sug.my_suggestions(coach.caseload)
        assert mine and all(m.fate == "accepted" for m in mine)
        assert any("was accepted into the directory" in line for line in report.lines)


def test_a_closed_entry_and_a_rejection_reach_the_coach(
    team: tuple[RcoDesk, list[Coach], Path],
) -> None:
    desk, (ada, ben, cy), inbox = team
    detox = _ref(ada, "Northgate Detox Line")
    sug.send(ada.caseload, sug.draft_for(ada.caseload, "correction", detox, "closed"))
    sug.send(ben.caseload, replace(SMART, name="Pizza night"))
    for coach in (ada, ben):
        sync.sync_once(coach.vault, FolderTransport(inbox))
    desk.import_paths([inbox])
    groups = {g.name: g for g in curation.inbox(desk)}
    assert groups["Northgate Detox Line"].proposal["closed"] is True
    curation.accept(desk, groups["Northgate Detox Line"].group_id)
    with pytest.raises(Exception, match="reason"):
        curation.reject(desk, groups["Pizza night"].group_id, "  ")
    curation.reject(desk, groups["Pizza night"].group_id, "Not a recovery resource.")
    desk.publish_directory(inbox)
    report = sync.sync_once(ben.vault, FolderTransport(inbox))
    [mine] = sug.my_suggestions(ben.caseload)
    assert (mine.fate, mine.reason) == ("rejected", "Not a recovery resource.")
    assert any("Not a recovery resource." in line for line in report.lines)
    sync.sync_once(ada.vault, FolderTransport(inbox))
    changes = sug.directory_changes(ada.caseload)
    assert changes is not None and (changes.new, changes.updated, changes.closed) == (0, 0, 1)
    assert sug.entry_facts(ada.caseload)[detox].closed
    # a closed door is no longer offered: gone from the coach's directory (no referral names it)
    offered = {r.rco_ref for r in ada.caseload.resources()}
    assert detox not in offered and offered
    # Cy suggested nothing: the directory tells him of no fate
    sync.sync_once(cy.vault, FolderTransport(inbox))
    assert sug.my_suggestions(cy.caseload) == []


def test_bad_suggestions_are_refused_plainly_and_nothing_is_stored(
    team: tuple[RcoDesk, list[Coach], Path], tmp_path: Path
) -> None:
    desk, (ada, _, _), inbox = team
    sent = sug.send(ada.caseload, SMART)
    sync.sync_once(ada.vault, FolderTransport(inbox))
    good = (inbox / sent.file_name).read_bytes()
    stranger = new_coach(tmp_path / "stranger", desk.enrollment(), desk.fingerprint, 2, 99)
    odd = sug.send(stranger.caseload, SMART)
    sync.sync_once(stranger.vault, FolderTransport(tmp_path / "stranger" / "out"))
    unknown = (tmp_path / "stranger" / "out" / odd.file_name).read_bytes()
    stranger.close()
    flipped = bytearray(good)
    flipped[-5] ^= 1
    cases = {
        "flipped": bytes(flipped),
        "truncated": good[:-20],
        "oversized": good + b"\0" * sfile.MAX_FILE_BYTES,
        "unknown": unknown,
    }
    for name, data in cases.items():
        path = tmp_path / f"{name}{sfile.FILE_SUFFIX}"
        path.write_bytes(data)
        [result] = desk.import_paths([path]).results
        assert result.outcome == Outcome.REJECTED, name
        assert "nothing was stored" in result.reason or "refused" in result.reason, result.reason
        assert "Traceback" not in result.reason
    assert desk.backend.list_suggestions() == []
    desk.import_paths([inbox / sent.file_name])
    assert len(desk.backend.list_suggestions()) == 1
    # a replay: the same id with other bytes (sealed again) is refused
    device = sug.device_identity(ada.caseload)
    enrollment = sug.current_enrollment(ada.caseload)
    assert device is not None and enrollment is not None
    payload = sfile.open_suggestion(good, desk.identity)
    replay = {
        "format": sfile.FORMAT,
        "schema_version": 1,
        "suggestion_id": payload.suggestion_id,
        "device_id": payload.device_id,
        "device_public_key": payload.device_public_key,
        "counter": payload.counter + 5,
        "created_at": payload.created_at,
        "recipient": desk.fingerprint,
        "kind": "new",
        "ref": "",
        "problem": "",
        "resource": {**payload.resource, "note": "changed"},
    }
    path = tmp_path / f"replay{sfile.FILE_SUFFIX}"
    path.write_bytes(sfile.seal_suggestion(replay, device, enrollment.keys))
    [result] = desk.import_paths([path]).results
    assert result.outcome == Outcome.REJECTED
    assert result.reason == text("suggest.rco.replayed")
    assert len(desk.backend.list_suggestions()) == 1
    # revoked: refused
    desk.revoke_device(ada.fingerprint)
    again = sug.send(ada.caseload, SMART)
    sync.sync_once(ada.vault, FolderTransport(inbox))
    [result] = desk.import_paths([inbox / again.file_name]).results
    assert result.outcome == Outcome.REJECTED and "revoked" in result.reason


def test_the_command_line_suggests_lists_accepts_and_rejects(
    team: tuple[RcoDesk, list[Coach], Path], run_cli: RunCli
) -> None:
    desk, (ada, _, _), inbox = team
    vault, store = str(ada.vault.path), str(desk.backend.store.path)  # type: ignore[attr-defined]
    ada.vault.close()
    desk.close()
    env = {"COACHDESK_PASSPHRASE": PASSPHRASE}
    dry = run_cli(
        "resources",
        "suggest",
        vault,
        "--name",
        "Food bank",
        "--hours",
        "Sat 9-12",
        "--dry-run",
        env=env,
    )
    assert dry.returncode == 0, dry.stderr
    assert "Hours: Sat 9-12" in dry.stdout and "no client information" in dry.stdout
    assert "Not sent" in dry.stdout
    sent = run_cli(
        "resources",
        "suggest",
        vault,
        "--name",
        "Food bank",
        "--category",
        "other",
        env={**env, "COACHDESK_LANG": "es"},
    )
    assert sent.returncode == 0, sent.stderr
    assert "información de clientes" in sent.stdout and "bandeja de salida" in sent.stdout
    bad = run_cli("resources", "suggest", vault, "--kind", "correction", "--ref", "nope", env=env)
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "There is no RCO directory entry nope" in bad.stderr
    assert run_cli("sync", vault, "--folder", str(inbox), env=env).returncode == 0
    assert run_cli("rco", "import", store, str(inbox), env=env).returncode == 0
    listed = run_cli("rco", "suggestions", "list", store, "--json", env=env)
    [group] = json.loads(listed.stdout)
    assert (group["name"], group["coaches"]) == ("Food bank", 1)
    human = run_cli("rco", "suggestions", "list", store, env=env)
    assert f"{group['group']}  Food bank (Other) - A new resource; 1 coach" in human.stdout
    spanish = run_cli("rco", "suggestions", "list", store, env={**env, "COACHDESK_LANG": "es"})
    assert "Food bank (Otro)" in spanish.stdout, spanish.stderr
    no_reason = run_cli(
        "rco", "suggestions", "reject", store, group["group"], "--reason", " ", env=env
    )
    assert no_reason.returncode == 1 and "reason" in no_reason.stderr
    done = run_cli(
        "rco", "suggestions", "accept", store, group["group"], "--phone", "555-0300", env=env
    )
    assert done.returncode == 0 and "Accepted: Food bank" in done.stdout, done.stderr
    again = run_cli("rco", "suggestions", "accept", store, group["group"], env=env)
    assert again.returncode == 1 and "There is no open suggestion" in again.stderr
    assert run_cli("rco", "directory", "publish", store, "--folder", str(inbox), env=env)
    assert run_cli("sync", vault, "--folder", str(inbox), env=env).returncode == 0
    mine = run_cli("resources", "suggestions", vault, env=env)
    assert "1 new, 0 updated, 0 closed" in mine.stdout
    assert "A new resource: Food bank (accepted)" in mine.stdout


def _truth(coaches: list[Coach]) -> dict[str, tuple[int, int]]:
    """Referrals made and linked per RCO entry, counted from the coach vaults' own records."""
    totals: dict[str, list[int]] = {}
    for coach in coaches:
        by_id = {r.id: r.rco_ref for r in coach.caseload.resources() if not r.local}
        for client in coach.caseload.list_clients(limit=10_000):
            assert client.id is not None
            for referral in coach.caseload.referrals(client.id):
                ref = by_id.get(referral.resource_id)
                if ref:
                    made = totals.setdefault(ref, [0, 0])
                    made[0] += 1
                    made[1] += referral.status == ReferralStatus.LINKED
    return {ref: (m, n) for ref, (m, n) in totals.items()}


def test_referral_linkage_per_entry_is_the_truth_and_small_counts_are_hidden(
    team: tuple[RcoDesk, list[Coach], Path],
) -> None:
    desk, coaches, inbox = team
    ada, ben, _ = coaches
    detox, moud = _ref(ada, "Northgate Detox Line"), _ref(ada, "Riverside MOUD Clinic")
    for coach, ref, made, linked in ((ada, detox, 9, 4), (ben, detox, 3, 1), (ben, moud, 2, 1)):
        resource = next(r for r in coach.caseload.resources() if r.rco_ref == ref)
        client = coach.caseload.list_clients()[0]
        assert client.id is not None and resource.id is not None
        for n in range(made):
            referral_id = coach.caseload.make_referral(
                Referral(client.id, resource.category, date(2026, 2, 1), resource.id)
            )
            if n < linked:
                coach.caseload.advance_referral(referral_id, ReferralStatus.LINKED)
        coach.export()
        sync.sync_once(coach.vault, FolderTransport(inbox))
    desk.import_paths([inbox])
    truth = _truth(coaches)  # with the demo caseloads' referrals to withdrawn entries
    assert desk.backend.list_linkage() == truth
    assert truth[detox] == (12, 5) and truth[moud] == (2, 1)
    rows = {r.ref: r for r in curation.linkage(desk)}
    assert desk.policy.small_cell == 11
    assert (rows[detox].made, rows[detox].linked) == (12, None)  # 5 linked is small
    assert (rows[moud].made, rows[moud].linked) == (None, None)
    # no person leaves: the payload's section holds refs and two counts each
    bundle = sorted(inbox.glob("*.cdbundle"))[-1]
    section = open_bundle(bundle.read_bytes(), desk.identity).payload["resource_referrals"]
    assert all(set(v) == {"made", "linked"} for v in section.values())


def test_directory_version_1_still_parses_and_bad_version_2_facts_are_refused() -> None:
    rco = RcoIdentity.generate()
    entry = Resource("Northgate Detox Line", ResourceCategory.DETOX, local=False, rco_ref="r1")
    facts = {"r1": EntryFacts("", "2026-11-30", 3, True, ["English"], {"notes_es": "Cerrado"})}
    fate = directory.Fate("ab" * 16, "rejected", "Not a recovery support.", "")
    doc = directory.parse_directory_doc(
        directory.make_directory(rco, [entry], 4, facts, [fate]), rco.public
    )
    assert (doc.version, doc.serial, doc.fates) == (2, 4, [fate])
    assert doc.facts["r1"] == facts["r1"]
    body = json.loads(directory.make_directory(rco, [entry], 5))
    body.pop("signature")
    old = {**body, "version": 1, "entries": [_v1(e) for e in body["entries"]]}
    del old["suggestions"]
    v1 = directory.parse_directory_doc(
        json.dumps(sign_document(old, rco.signing)).encode(), rco.public
    )
    assert (v1.version, v1.serial, v1.facts, v1.entries[0].name) == (1, 5, {}, entry.name)
    for member, value in (
        ("last_verified", "30/11/2026"),
        ("verified_by", -1),
        ("closed", "yes"),
        ("languages", ["x" * 41]),
        ("notes_es", "x" * 2001),
    ):
        bad = {**body, "entries": [{**body["entries"][0], member: value}]}
        data = json.dumps(sign_document(bad, rco.signing)).encode()
        with pytest.raises(directory.DirectoryError, match=member):
            directory.parse_directory_doc(data, rco.public)
    bad = {**body, "suggestions": [{"id": "not hex", "fate": "x", "reason": "", "ref": ""}]}
    with pytest.raises(directory.DirectoryError):
        directory.parse_directory_doc(
            json.dumps(sign_document(bad, rco.signing)).encode(), rco.public
        )


def _v1(entry: dict[str, object]) -> dict[str, object]:
    keep = ("ref", "name", "category", "pathways", "address", "phone", "hours", "notes")
    return {k: entry[k] for k in keep}
