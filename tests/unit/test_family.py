"""Issue 21: family clients and kinds of support, from the terminal to the bundle's cells."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.core.models import (
    Client,
    ClientKind,
    ContactMode,
    Destination,
    FamilyFollowUp,
    Relationship,
    SessionNote,
    Setting,
    SupportKind,
)
from coachdesk.errors import ValidationError
from coachdesk.exchange import aggregates
from coachdesk.exchange.payload_schema import SchemaError, _counts
from coachdesk.storage import export_queries
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE, RunCli

ENV = {"COACHDESK_PASSPHRASE": PASSPHRASE}


def _json(run_cli: RunCli, *args: str) -> object:
    result = run_cli(*args, "--json", env=ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_family_client_linked_to_a_client_from_the_terminal(
    run_cli: RunCli, vault_path: Path
) -> None:
    v = str(vault_path)
    person = _json(
        run_cli,
        "client",
        "add",
        v,
        "--given",
        "Brael",
        "--family",
        "Ostrum",
        "--setting",
        "drug_court",
    )["id"]
    mother = _json(
        run_cli,
        "client",
        "add",
        v,
        "--given",
        "Ilsa",
        "--family",
        "Ostrum",
        "--setting",
        "community",
        "--kind",
        "family_member",
        "--linked-to",
        str(person),
        "--relationship",
        "parent",
    )["id"]
    # one note of each support kind (an accompaniment says where it went)
    for kind in SupportKind:
        extra = ["--destination", "court"] if kind == SupportKind.ACCOMPANIMENT else []
        mode = "group" if kind == SupportKind.GROUP else "phone"
        _json(
            run_cli,
            "note",
            "add",
            v,
            str(mother),
            "--text",
            f"A {kind.value}",
            "--minutes",
            "30",
            "--mode",
            mode,
            "--support",
            kind.value,
            *extra,
        )
    refused = run_cli(
        "note", "add", v, str(mother), "--text", "Went along", "--support", "accompaniment", env=ENV
    )
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert "where the accompaniment went" in refused.stderr
    _json(
        run_cli,
        "assess",
        "family",
        v,
        str(mother),
        "--loved-one-treatment",
        "yes",
        "--own-support",
        "no",
    )
    # BARC-10 is for the person in recovery
    barc = run_cli("assess", "barc10", v, str(mother), "--answers", "4,4,4,4,4,4,4,4,4,4", env=ENV)
    assert barc.returncode != 0 and "family follow-up" in barc.stderr
    assert "Traceback" not in barc.stderr
    listed = _json(run_cli, "client", "list", v, "--kind", "family_member")
    assert [r["id"] for r in listed] == [mother]  # type: ignore[index]
    shown = _json(run_cli, "client", "show", v, str(mother))
    client = shown["client"]  # type: ignore[index]
    assert client["kind"] == "family_member" and client["linked_client_id"] == person
    assert client["relationship"] == "parent"
    (followup,) = shown["family_followups"]  # type: ignore[index]
    assert followup["loved_one_in_treatment"] is True and followup["own_support"] is False
    assert followup["loved_one_in_support"] is None
    family = _json(run_cli, "client", "show", v, str(person))["family"]  # type: ignore[index]
    assert family == [{"id": mother, "name": "Ilsa Ostrum"}]
    text = run_cli("client", "show", v, str(mother), env=ENV).stdout
    assert f"family member of client {person}" in text
    with Vault.open(vault_path, PASSPHRASE) as vault:
        notes = Caseload(vault).notes(mother)
        assert {n.support for n in notes} == set(SupportKind)
        (accompaniment,) = [n for n in notes if n.support == SupportKind.ACCOMPANIMENT]
        assert accompaniment.destination == Destination.COURT


def _family_client(
    given: str, linked: int | None, relationship: Relationship | None = None
) -> Client:
    return Client(
        given,
        "Arnquist",
        date(2026, 1, 6),
        Setting.COMMUNITY,
        kind=ClientKind.FAMILY_MEMBER,
        linked_client_id=linked,
        relationship=relationship,
    )


def test_links_and_measures_are_checked(vault: Vault) -> None:
    caseload = Caseload(vault)
    person = caseload.add_client(Client("Tove", "Arnquist", date(2026, 1, 5), Setting.COMMUNITY))
    family_id = caseload.add_client(_family_client("Ruel", person, Relationship.SIBLING))
    other = _family_client("Ana", family_id)
    with pytest.raises(ValidationError) as refused:
        caseload.add_client(other)
    assert refused.value.code == "validation.linked_client.family"
    other.linked_client_id = 999
    with pytest.raises(ValidationError, match="no client with number 999"):
        caseload.add_client(other)
    # a person with family clients linked stays a person in recovery
    stored = caseload.get_client(person)
    stored.kind = ClientKind.FAMILY_MEMBER
    with pytest.raises(ValidationError) as refused:
        caseload.update_client(stored)
    assert refused.value.code == "validation.kind.has_family"
    with pytest.raises(ValidationError):
        caseload.record_family_followup(FamilyFollowUp(person, date(2026, 2, 1), True))
    # no SUPRT windows for a family client: its reminders never ask for a timepoint
    assert [
        r
        for r in Caseload(vault, today=date(2026, 1, 10)).reminders()
        if r.client_id == family_id and r.kind == "timepoint"
    ] == []
    assert caseload.count_clients(kind=ClientKind.FAMILY_MEMBER) == 1
    assert [r.id for r in caseload.list_clients(kind=ClientKind.FAMILY_MEMBER)] == [family_id]


def _note(client: int, day: date, support: SupportKind, minutes: int, **kw: object) -> SessionNote:
    mode = ContactMode.GROUP if support == SupportKind.GROUP else ContactMode.IN_PERSON
    at = datetime.combine(day, time(10), UTC)
    return SessionNote(client, at, mode, "Met", minutes, support=support, **kw)  # type: ignore[arg-type]


def test_period_cells_count_kinds_support_and_the_family_follow_up(vault: Vault) -> None:
    today = date(2026, 6, 30)
    caseload = Caseload(vault, today=today)
    person = caseload.add_client(Client("Tove", "Arnquist", date(2026, 1, 5), Setting.COMMUNITY))
    family = caseload.add_client(_family_client("Ruel", person))
    q1, q2 = date(2026, 2, 3), date(2026, 5, 4)
    caseload.add_note(
        _note(person, q1, SupportKind.ACCOMPANIMENT, 90, destination=Destination.TREATMENT)
    )
    caseload.add_note(_note(person, q2, SupportKind.CRISIS_CONTACT, 20))
    caseload.add_note(_note(person, q2, SupportKind.GROUP, 60))
    caseload.add_note(_note(family, q1, SupportKind.FAMILY_SESSION, 45))
    caseload.add_note(_note(family, q2, SupportKind.NAVIGATION, 30))
    attempt = _note(family, q2, SupportKind.CRISIS_CONTACT, 0)
    attempt.attempt_only = True
    caseload.add_note(attempt)  # attempts are not support given
    caseload.record_family_followup(FamilyFollowUp(family, q1, False, False, True))
    caseload.record_family_followup(FamilyFollowUp(family, q2, True, None, True))
    rows = export_queries.activity_rows(vault.conn, today)
    notes = export_queries.note_totals(vault.conn, today)
    cells = aggregates.period_cells(rows, today, 1, notes=notes).cells
    year = cells[("2026", "community")]
    assert year["kind.person_in_recovery"] == 1 and year["kind.family_member"] == 1
    assert year["support.accompaniment"] == 1 and year["accomp.treatment"] == 1
    assert year["minutes.accompaniment"] == 90 and year["minutes.group"] == 60
    assert year["support.crisis_contact"] == 1 and "support.coaching_session" not in year
    assert year["support.family_session"] == 1 and year["support.navigation"] == 1
    assert year["fam.n"] == 1 and year["fam.treatment"] == 1 and year["fam.own_support"] == 1
    assert "fam.support" not in year
    assert cells[("2026-Q1", "community")]["fam.n"] == 1
    assert "fam.treatment" not in cells[("2026-Q1", "community")]  # the latest in Q1 said no
    # the family client has no follow-up windows, the person has
    assert year["fu.due.baseline"] == 1
    for counts in cells.values():
        _counts(counts, "cells")  # the import's checks hold
    with pytest.raises(SchemaError, match="accompaniments"):
        _counts({**year, "accomp.court": 1}, "cells")
    with pytest.raises(SchemaError, match="sessions"):
        _counts({**year, "support.navigation": 5}, "cells")
    old = {k: n for k, n in year.items() if not k.startswith(("kind.", "support.", "minutes."))}
    old = {k: n for k, n in old.items() if not k.startswith(("accomp.", "fam."))}
    _counts(old, "cells")  # a format 2 bundle written before issue 21 is still read


def test_note_totals_count_every_note_when_a_handed_off_client_was_deleted(
    vault: Vault,
) -> None:
    """A sent hand-off whose client was deleted later keeps its row with no client
    (ON DELETE SET NULL): the other clients' notes are all still counted."""
    today = date(2026, 6, 30)
    caseload = Caseload(vault, today=today)
    person = caseload.add_client(Client("Tove", "Arnquist", date(2026, 1, 5), Setting.COMMUNITY))
    caseload.add_note(_note(person, date(2026, 2, 3), SupportKind.NAVIGATION, 30))
    caseload.add_note(_note(person, date(2026, 5, 4), SupportKind.NAVIGATION, 20))
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO handoffs_sent (handoff_id, client_id, pseudonym, recipient_fp, "
            "recipient_name, basis, created_at, acked_at) VALUES ('h1', NULL, 'P-GONE', 'fp', "
            "'Ben', '{}', '2026-03-01T10:00:00+00:00', '2026-03-02T10:00:00+00:00')"
        )
    totals = export_queries.note_totals(vault.conn, today)
    assert sum(n for *_, n, _ in totals) == 2
    assert sum(minutes for *_, minutes in totals) == 50
