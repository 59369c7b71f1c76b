"""Repositories: SQL <-> core models. The only place (with migrations) that speaks SQL.

Every function takes the open connection. Writes are expected inside `Vault.transaction()`;
the caseload use cases (application/caseload.py) own transactions and auditing.
"""

from __future__ import annotations

import json
import math
import secrets
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from coachdesk.core import barc10, timepoints
from coachdesk.core.models import (
    ActionStep,
    Barc10Assessment,
    Client,
    ClientKind,
    ClientStatus,
    CoachProfile,
    Consent,
    ContactMode,
    CrisisContact,
    Destination,
    Disclosure,
    Ethnicity,
    FamilyFollowUp,
    Gender,
    Goal,
    LifeDomain,
    NoteAddendum,
    OutcomeAssessment,
    Pathway,
    Race,
    RecoveryPlan,
    Referral,
    ReferralStatus,
    Relationship,
    Reminder,
    Resource,
    ResourceCategory,
    SessionNote,
    Setting,
    StepStatus,
    SupportKind,
    Timepoint,
    WellnessPlan,
    plan_output_name,
)
from coachdesk.core.reminders import (
    KIND_ORDER,
    SHOWN_AHEAD,
    UNTIL_DONE_KINDS,
    DueItem,
    EpisodeFacts,
    TodayPage,
    consent_end,
    due_items,
    page_of,
    reminders_for_day,
    shown_until,
)
from coachdesk.errors import NotFoundError
from coachdesk.storage import handoff_repo

Conn = Any


# -- codecs -----------------------------------------------------------------------------------


def d2s(value: date | None) -> str | None:
    return value.isoformat() if value else None


def s2d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fold(text: str) -> str:
    """Casefold and strip accents, so 'jose' finds 'José'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pathways(text: str) -> list[Pathway]:
    return [Pathway(p) for p in text.split(",") if p]


# -- clients ----------------------------------------------------------------------------------

_CLIENT_COLUMNS = (
    "given_name, family_name, preferred_name, pronouns, date_of_birth, gender, phone, email, "
    "address, emergency_contact_name, emergency_contact_phone, facility, setting, "
    "referral_source, pathways, status, status_date, status_reason, intake_date, language, "
    "race, ethnicity, kind, linked_client_id, relationship"
)


def _client_values(c: Client) -> tuple[Any, ...]:
    return (
        c.given_name,
        c.family_name,
        c.preferred_name,
        c.pronouns,
        d2s(c.date_of_birth),
        c.gender.value,
        c.phone,
        c.email,
        c.address,
        c.emergency_contact_name,
        c.emergency_contact_phone,
        c.facility,
        c.setting.value,
        c.referral_source,
        ",".join(p.value for p in c.pathways),
        c.status.value,
        d2s(c.status_date),
        c.status_reason,
        d2s(c.intake_date),
        c.language,
        ",".join(r.value for r in c.race),
        c.ethnicity.value if c.ethnicity else "",
        c.kind.value,
        c.linked_client_id if c.is_family else None,
        c.relationship.value if c.relationship and c.is_family else "",
    )


def _search_name(c: Client) -> str:
    return fold(f"{c.given_name} {c.family_name} {c.preferred_name}")


def new_pseudonym() -> str:
    """Random per-client export pseudonym, never derived from identity data."""
    return secrets.token_hex(12)


def insert_client(conn: Conn, c: Client) -> int:
    stamp = now_utc()
    cur = conn.execute(
        f"INSERT INTO clients ({_CLIENT_COLUMNS}, pseudonym, search_name, created_at, updated_at) "
        f"VALUES ({', '.join('?' * 29)})",
        (*_client_values(c), new_pseudonym(), _search_name(c), stamp, stamp),
    )
    return int(cur.lastrowid)


def update_client(conn: Conn, c: Client) -> None:
    assignments = ", ".join(f"{col.strip()} = ?" for col in _CLIENT_COLUMNS.split(","))
    cur = conn.execute(
        f"UPDATE clients SET {assignments}, search_name = ?, updated_at = ? WHERE id = ?",
        (*_client_values(c), _search_name(c), now_utc(), c.id),
    )
    if cur.rowcount != 1:
        raise NotFoundError("That client no longer exists.")


def _client_from_row(row: tuple[Any, ...]) -> Client:
    (
        cid,
        given,
        family,
        preferred,
        pronouns,
        dob,
        gender,
        phone,
        email,
        address,
        ec_name,
        ec_phone,
        facility,
        setting,
        source,
        pathways,
        status,
        status_date,
        status_reason,
        intake,
        language,
        race,
        ethnicity,
        kind,
        linked,
        relationship,
    ) = row
    return Client(
        given_name=given,
        family_name=family,
        intake_date=date.fromisoformat(intake),
        setting=Setting(setting),
        preferred_name=preferred,
        pronouns=pronouns,
        date_of_birth=s2d(dob),
        gender=Gender(gender),
        phone=phone,
        email=email,
        address=address,
        emergency_contact_name=ec_name,
        emergency_contact_phone=ec_phone,
        facility=facility,
        referral_source=source,
        pathways=_pathways(pathways),
        status=ClientStatus(status),
        status_date=s2d(status_date),
        status_reason=status_reason,
        language=language,
        race=[Race(r) for r in race.split(",") if r],
        ethnicity=Ethnicity(ethnicity) if ethnicity else None,
        kind=ClientKind(kind),
        linked_client_id=linked,
        relationship=Relationship(relationship) if relationship else None,
        id=cid,
    )


def get_client(conn: Conn, client_id: int) -> Client:
    row = conn.execute(
        f"SELECT id, {_CLIENT_COLUMNS} FROM clients WHERE id = ?", (client_id,)
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no client with number {client_id}.")
    return _client_from_row(row)


def client_pseudonym(conn: Conn, client_id: int) -> str:
    row = conn.execute("SELECT pseudonym FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no client with number {client_id}.")
    return str(row[0])


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the client list (what the list shows, nothing more)."""

    id: int
    name: str
    preferred_name: str
    status: ClientStatus
    setting: Setting
    intake_date: date
    latest_barc10: int | None
    kind: ClientKind = ClientKind.PERSON_IN_RECOVERY


CLIENT_SORTS = {
    "name": "family_name COLLATE NOCASE, given_name COLLATE NOCASE",
    "intake": "intake_date DESC, family_name COLLATE NOCASE",
    "status": "status, family_name COLLATE NOCASE",
    "setting": "setting, family_name COLLATE NOCASE",
}


# What fetching one client row by id costs, in entries of the name index walked (measured on
# the benchmark's vaults of 2,000 and 20,000 clients: the crossover near 650 matches of 20,000
# for a page of 200).
WALK_COST = 10


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _names_match(search: str) -> str:
    """The trigram-index query for the search words of 3+ characters ('' if none)."""
    words = [t for t in fold(search).split() if len(t) >= 3]
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in words)


def _rarest_pair(conn: Conn, search: str) -> tuple[str, int] | None:
    """The search word of 1-2 characters that the fewest clients' names hold, and how many
    (client_pair_counts, migration 0009: one row a word); None if the search has none."""
    rarest: tuple[str, int] | None = None
    for word in dict.fromkeys(t for t in fold(search).split() if len(t) <= 2):
        row = conn.execute(
            "SELECT n FROM client_pair_counts WHERE pair = lower(?)", (word,)
        ).fetchone()
        n = int(row[0]) if row else 0
        if rarest is None or n < rarest[1]:
            rarest = (word, n)
    return rarest


@dataclass(frozen=True, slots=True)
class _NameIndex:
    """Which index narrows a search most: the trigram query `match` or the short word `pair`
    (one of them, or neither when the search has no words), and how many clients it yields
    (`n`, at most `enough` + 1: "more than enough")."""

    match: str = ""
    pair: str = ""
    n: int = 0


def _narrowest(conn: Conn, search: str, enough: int | None) -> _NameIndex:
    """`enough` None: only which index is narrower matters (`n` then tells nothing more)."""
    pair = _rarest_pair(conn, search)
    match = _names_match(search)
    if match and pair is None and enough is None:
        return _NameIndex(match=match)
    if match:
        bound = min(b for b in (enough, pair[1] if pair else None) if b is not None)
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM client_names WHERE client_names MATCH ? LIMIT ?)",
            (match, bound + 1),
        ).fetchone()
        if pair is None or n <= pair[1]:
            return _NameIndex(match=match, n=int(n))
    if pair is not None:
        return _NameIndex(pair=pair[0], n=pair[1] if enough is None else min(pair[1], enough + 1))
    return _NameIndex()


def client_filter_sql(
    search: str = "",
    status: ClientStatus | None = None,
    setting: Setting | None = None,
    *,
    index: _NameIndex | None = None,
    kind: ClientKind | None = None,
) -> tuple[str, list[Any]]:
    """WHERE clause over `clients c`: every search word must occur in the folded names.

    `index` (from `_narrowest`) says which clients to read: those of a trigram-index match
    (client_names) or those holding a short word (client_name_pairs), both supersets that the
    LIKE tests make exact; without it the clients are read in the order the query walks."""
    clauses, args = [], []
    if index is not None and index.match:
        clauses.append("c.id IN (SELECT rowid FROM client_names WHERE client_names MATCH ?)")
        args.append(index.match)
    elif index is not None and index.pair:
        clauses.append("c.id IN (SELECT client_id FROM client_name_pairs WHERE pair = lower(?))")
        args.append(index.pair)
    for token in fold(search).split():
        clauses.append("c.search_name LIKE ? ESCAPE '\\'")
        args.append(f"%{_like_escape(token)}%")
    if status is not None:
        clauses.append("c.status = ?")
        args.append(status.value)
    if setting is not None:
        clauses.append("c.setting = ?")
        args.append(setting.value)
    if kind is not None:
        clauses.append("c.kind = ?")
        args.append(kind.value)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), args


def list_clients(
    conn: Conn,
    search: str = "",
    status: ClientStatus | None = None,
    setting: Setting | None = None,
    sort: str = "name",
    limit: int = 200,
    offset: int = 0,
    kind: ClientKind | None = None,
) -> list[ClientRow]:
    order = CLIENT_SORTS.get(sort, CLIENT_SORTS["name"])
    # Few name matches: fetch them by the narrowest index and sort. Many (a common syllable):
    # walking the names in list order finds a page of them sooner, and stops there. A walk
    # reads about (limit + offset) * clients / n entries of the name index for n matches; a
    # fetch reads n rows, each about WALK_COST entries' worth: walk above the crossover.
    clients = count_clients(conn) if search.split() else 0
    many = math.isqrt((limit + offset) * clients // WALK_COST)
    index = _narrowest(conn, search, many)
    walk = sort == "name" and index.n > many
    where, args = client_filter_sql(
        search, status, setting, index=None if walk else index, kind=kind
    )
    # The page's ids first (from the name index or the trigram index alone), then the shown
    # columns and latest BARC-10 for those rows only (one statement made SQLite build them for
    # far more rows than the page).
    ids = [
        row[0]
        for row in conn.execute(
            f"SELECT c.id FROM clients c{where} ORDER BY {order}, c.id LIMIT ? OFFSET ?",
            (*args, limit, offset),
        )
    ]
    rows = {
        row[0]: row
        for row in conn.execute(
            "SELECT c.id, c.given_name || ' ' || c.family_name, c.preferred_name, c.status, "
            "c.setting, c.intake_date, (SELECT total FROM barc10 b WHERE b.client_id = c.id "
            "ORDER BY taken_on DESC, id DESC LIMIT 1), c.kind "
            "FROM clients c WHERE c.id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
    }
    return [
        ClientRow(
            cid,
            name,
            preferred,
            ClientStatus(status),
            Setting(setting),
            date.fromisoformat(intake),
            total,
            ClientKind(kind),
        )
        for cid, name, preferred, status, setting, intake, total, kind in (rows[i] for i in ids)
    ]


def count_clients(
    conn: Conn,
    search: str = "",
    status: ClientStatus | None = None,
    setting: Setting | None = None,
    kind: ClientKind | None = None,
    at_most: int | None = None,
) -> int:
    """Clients matching the filters; with `at_most`, counting stops there (a result equal to
    `at_most` means "at_most or more": a list can say "1,000+" without counting them all)."""
    if not search.split():  # from the counts the triggers keep (a few rows, not the caseload)
        sql, values = "SELECT coalesce(sum(n), 0) FROM client_counts WHERE 1", list[str]()
        if status is not None:
            sql, values = sql + " AND status = ?", [*values, status.value]
        if setting is not None:
            sql, values = sql + " AND setting = ?", [*values, setting.value]
        if kind is not None:
            sql, values = sql + " AND kind = ?", [*values, kind.value]
        total = int(conn.execute(sql, values).fetchone()[0])
        return total if at_most is None else min(total, at_most)
    words = fold(search).split()
    unfiltered = status is None and setting is None and kind is None
    if unfiltered and len(set(words)) == 1 and len(words[0]) <= 2:
        # One word of 1-2 characters: its row of the pair counts is the exact answer. LIKE
        # folds the case of ASCII letters only, as lower() does for the stored pieces, so a
        # name LIKE '%word%' exactly when it holds the piece lower(word).
        rarest = _rarest_pair(conn, search)
        n = rarest[1] if rarest else 0
        return n if at_most is None else min(n, at_most)
    if unfiltered and all(map(_trigram_exact, words)):
        # Words of 3+ plain letters or digits: the trigram index's match is the exact answer
        # (no client row to read). The stored names are folded, so no character of theirs
        # lowercases to an ASCII letter that LIKE would not have matched.
        sql = "SELECT 1 FROM client_names WHERE client_names MATCH ?"
        args: list[Any] = [_names_match(search)]
    else:
        index = _narrowest(conn, search, at_most)
        where, args = client_filter_sql(search, status, setting, index=index, kind=kind)
        sql = f"SELECT 1 FROM clients c{where}"
    if at_most is not None:
        sql, args = sql + " LIMIT ?", [*args, at_most]
    return int(conn.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0])


def _trigram_exact(word: str) -> bool:
    return len(word) >= 3 and word.isascii() and word.isalnum()


def family_of(conn: Conn, client_id: int) -> list[tuple[int, str]]:
    """(id, display name) of the family clients linked to `client_id`, by name."""
    return [
        (cid, name)
        for cid, name in conn.execute(
            f"SELECT c.id, {_DISPLAY_NAME} FROM clients c WHERE c.linked_client_id = ? "
            "ORDER BY c.family_name COLLATE NOCASE, c.given_name COLLATE NOCASE, c.id",
            (client_id,),
        )
    ]


# -- consents ---------------------------------------------------------------------------------

_CONSENT_COLUMNS = (
    "client_id, disclosing_party, information, recipients, purpose, revocation_terms, "
    "expires_on, expiry_event, signed_by, signed_on, revoked_on, revocation_note"
)


def insert_consent(conn: Conn, c: Consent) -> int:
    cur = conn.execute(
        f"INSERT INTO consents ({_CONSENT_COLUMNS}) VALUES ({', '.join('?' * 12)})",
        (
            c.client_id,
            c.disclosing_party,
            c.information,
            c.recipients,
            c.purpose,
            c.revocation_terms,
            d2s(c.expires_on),
            c.expiry_event,
            c.signed_by,
            d2s(c.signed_on),
            d2s(c.revoked_on),
            c.revocation_note,
        ),
    )
    return int(cur.lastrowid)


def list_consents(conn: Conn, client_id: int) -> list[Consent]:
    rows = conn.execute(
        f"SELECT {_CONSENT_COLUMNS}, id FROM consents WHERE client_id = ? ORDER BY signed_on DESC",
        (client_id,),
    )
    return [
        Consent(
            cid,
            party,
            info,
            recipients,
            purpose,
            terms,
            s2d(expires),
            event,
            signed_by,
            date.fromisoformat(signed_on),
            s2d(revoked),
            note,
            consent_id,
        )
        for (
            cid,
            party,
            info,
            recipients,
            purpose,
            terms,
            expires,
            event,
            signed_by,
            signed_on,
            revoked,
            note,
            consent_id,
        ) in rows
    ]


def revoke_consent(conn: Conn, consent_id: int, on: date, note: str) -> int:
    row = conn.execute("SELECT client_id FROM consents WHERE id = ?", (consent_id,)).fetchone()
    if row is None:
        raise NotFoundError(f"There is no consent with number {consent_id}.")
    conn.execute(
        "UPDATE consents SET revoked_on = ?, revocation_note = ? WHERE id = ?",
        (d2s(on), note, consent_id),
    )
    return int(row[0])


# -- recovery plans ---------------------------------------------------------------------------


def plan_to_json(plan: RecoveryPlan) -> str:
    body = asdict(plan)
    for key in ("client_id", "version", "created_at", "id"):
        body.pop(key)
    return json.dumps(
        body, default=lambda v: v.isoformat() if isinstance(v, date) else str(v), ensure_ascii=False
    )


def plan_from_json(
    body: str, client_id: int, version: int, created_at: str, plan_id: int
) -> RecoveryPlan:
    raw = json.loads(body)
    wellness = raw.get("wellness", {})
    return RecoveryPlan(
        client_id=client_id,
        vision=raw.get("vision", ""),
        goals=[
            Goal(
                LifeDomain(g["domain"]),
                g["goal"],
                g.get("why_it_matters", ""),
                [
                    ActionStep(
                        s["what"],
                        s.get("who", ""),
                        s2d(s.get("by_when")),
                        StepStatus(s.get("status", StepStatus.NOT_STARTED)),
                    )
                    for s in g.get("steps", [])
                ],
            )
            for g in raw.get("goals", [])
        ],
        strengths=list(raw.get("strengths", [])),
        barriers=list(raw.get("barriers", [])),
        supports=list(raw.get("supports", [])),
        wellness=WellnessPlan(
            list(wellness.get("triggers", [])),
            list(wellness.get("warning_signs", [])),
            list(wellness.get("coping_strategies", [])),
            list(wellness.get("safe_places", [])),
            [CrisisContact(**c) for c in wellness.get("crisis_contacts", [])],
        ),
        review_date=s2d(raw.get("review_date")),
        client_signed_on=s2d(raw.get("client_signed_on")),
        coach_signed_on=s2d(raw.get("coach_signed_on")),
        version=version,
        created_at=datetime.fromisoformat(created_at),
        id=plan_id,
    )


def insert_plan_version(conn: Conn, plan: RecoveryPlan) -> RecoveryPlan:
    """Save `plan` as the client's next version and return it as stored."""
    version = conn.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM plans WHERE client_id = ?", (plan.client_id,)
    ).fetchone()[0]
    body = plan_to_json(plan)
    stamp = now_utc()
    cur = conn.execute(
        "INSERT INTO plans (client_id, version, created_at, review_date, body, search_text) "
        "VALUES (?, ?, ?, ?, ?, (SELECT coalesce(group_concat(value, ' '), '') "
        "FROM json_tree(?) WHERE type = 'text'))",
        (plan.client_id, version, stamp, d2s(plan.review_date), body, body),
    )
    return plan_from_json(body, plan.client_id, version, stamp, int(cur.lastrowid))


def replace_plan_version(conn: Conn, plan: RecoveryPlan) -> RecoveryPlan:
    """Write `plan`'s content over its own stored version (same id, number and date saved).
    Deleted and inserted again rather than updated, so that the plan's search index and the
    read-only guard of a handed-off client (both triggers on insert) hold as for a new one."""
    row = conn.execute(
        "SELECT id, created_at FROM plans WHERE client_id = ? AND version = ?",
        (plan.client_id, plan.version),
    ).fetchone()
    if row is None:
        raise ValueError(f"no plan version {plan.version} for client {plan.client_id}")
    plan_id, created_at = row
    body = plan_to_json(plan)
    conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))
    conn.execute(
        "INSERT INTO plans (id, client_id, version, created_at, review_date, body, search_text) "
        "VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(group_concat(value, ' '), '') "
        "FROM json_tree(?) WHERE type = 'text'))",
        (plan_id, plan.client_id, plan.version, created_at, d2s(plan.review_date), body, body),
    )
    return plan_from_json(body, plan.client_id, plan.version, created_at, plan_id)


def plan_version_output(conn: Conn, client_id: int, version: int) -> bool:
    """True when the audit log holds a print or a PDF save of this plan version (named by
    core.models.plan_output_name)."""
    row = conn.execute(
        "SELECT 1 FROM audit WHERE record_type = 'client' AND record_id = ? "
        "AND action IN ('print', 'save') AND detail LIKE ? LIMIT 1",
        (client_id, f"{plan_output_name(version)}%"),
    ).fetchone()
    return row is not None


def last_unlock(conn: Conn) -> datetime | None:
    """When the vault was last unlocked (its audit log's latest "unlock")."""
    row = conn.execute("SELECT max(at) FROM audit WHERE action = 'unlock'").fetchone()
    return datetime.fromisoformat(row[0]) if row and row[0] else None


def get_plan(conn: Conn, client_id: int, version: int | None = None) -> RecoveryPlan | None:
    """The given version, or the latest when `version` is None; None if there is no plan."""
    sql = "SELECT body, client_id, version, created_at, id FROM plans WHERE client_id = ?"
    args: list[Any] = [client_id]
    if version is None:
        sql += " ORDER BY version DESC LIMIT 1"
    else:
        sql += " AND version = ?"
        args.append(version)
    row = conn.execute(sql, args).fetchone()
    return plan_from_json(*row) if row else None


def plan_versions(conn: Conn, client_id: int) -> list[tuple[int, datetime]]:
    rows = conn.execute(
        "SELECT version, created_at FROM plans WHERE client_id = ? ORDER BY version DESC",
        (client_id,),
    )
    return [(v, datetime.fromisoformat(at)) for v, at in rows]


# -- session notes ----------------------------------------------------------------------------

_NOTE_COLUMNS = (
    "client_id, occurred_at, mode, duration_minutes, location, goals_touched, text, "
    "next_steps, follow_up_on, attempt_only, support_kind, destination"
)


def note_values(n: SessionNote) -> tuple[Any, ...]:
    return (
        n.client_id,
        n.occurred_at.astimezone(UTC).isoformat(timespec="minutes"),
        n.mode.value,
        n.duration_minutes,
        n.location,
        json.dumps(n.goals_touched, ensure_ascii=False),
        n.text,
        n.next_steps,
        d2s(n.follow_up_on),
        int(n.attempt_only),
        n.support.value,
        n.destination.value if n.destination and n.support == SupportKind.ACCOMPANIMENT else "",
    )


def insert_note(conn: Conn, n: SessionNote) -> int:
    cur = conn.execute(
        f"INSERT INTO notes ({_NOTE_COLUMNS}) VALUES ({', '.join('?' * 12)})", note_values(n)
    )
    return int(cur.lastrowid)


def insert_notes(conn: Conn, notes: list[SessionNote]) -> None:
    conn.executemany(
        f"INSERT INTO notes ({_NOTE_COLUMNS}) VALUES ({', '.join('?' * 12)})",
        [note_values(n) for n in notes],
    )


def _note_from_row(row: tuple[Any, ...]) -> SessionNote:
    (cid, at, mode, minutes, location, goals, text, next_steps, follow, attempt) = row[:10]
    support, destination, nid = row[10:]
    return SessionNote(
        cid,
        datetime.fromisoformat(at),
        ContactMode(mode),
        text,
        minutes,
        location,
        json.loads(goals),
        next_steps,
        s2d(follow),
        bool(attempt),
        SupportKind(support),
        Destination(destination) if destination else None,
        nid,
    )


def list_notes(conn: Conn, client_id: int, limit: int = 500) -> list[SessionNote]:
    """The client's newest `limit` notes, each with its addenda (oldest first)."""
    rows = conn.execute(
        f"SELECT {_NOTE_COLUMNS}, id FROM notes WHERE client_id = ? "
        "ORDER BY occurred_at DESC, id DESC LIMIT ?",
        (client_id, limit),
    )
    notes = [_note_from_row(r) for r in rows]
    by_note = {n.id: n for n in notes if n.id is not None}
    for ids in _chunks(list(by_note), 500):
        marks = ", ".join("?" * len(ids))
        for a in conn.execute(
            "SELECT note_id, written_at, author, text, id FROM note_addenda "
            f"WHERE note_id IN ({marks}) ORDER BY written_at, id",
            ids,
        ):
            by_note[a[0]].addenda.append(_addendum_from_row(a))
    return notes


def get_note(conn: Conn, note_id: int) -> SessionNote:
    """One note with its addenda."""
    row = conn.execute(f"SELECT {_NOTE_COLUMNS}, id FROM notes WHERE id = ?", (note_id,)).fetchone()
    if row is None:
        raise NotFoundError(code="note.missing", note=note_id)
    note = _note_from_row(row)
    note.addenda = [
        _addendum_from_row(a)
        for a in conn.execute(
            "SELECT note_id, written_at, author, text, id FROM note_addenda WHERE note_id = ? "
            "ORDER BY written_at, id",
            (note_id,),
        )
    ]
    return note


def _addendum_from_row(row: tuple[Any, ...]) -> NoteAddendum:
    note_id, at, author, text, aid = row
    return NoteAddendum(note_id, datetime.fromisoformat(at), author, text, aid)


def insert_addendum(conn: Conn, a: NoteAddendum) -> int:
    cur = conn.execute(
        "INSERT INTO note_addenda (note_id, written_at, author, text) VALUES (?, ?, ?, ?)",
        (a.note_id, a.written_at.astimezone(UTC).isoformat(timespec="seconds"), a.author, a.text),
    )
    return int(cur.lastrowid)


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word must match, last as prefix."""
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


@dataclass(frozen=True, slots=True)
class NoteHit:
    note_id: int
    client_id: int
    client_name: str
    occurred_at: datetime
    snippet: str
    in_addendum: bool = False  # the words were found in one of the note's addenda


# A prefix query ("hous"*) makes FTS5 merge the postings of every matching term before it
# returns the first hit: linear in the notes. The same query with the prefix spelled out as
# its terms ("house" OR "housing") streams newest first and stops at the page's end. The terms
# are read from the index one seek at a time (fts5vocab, a per-connection table in the temp
# schema: nothing is added to the vault); a short prefix with many terms keeps the FTS5 form.
# Same notes in the same order; where the prefix stands for several words, the snippet may
# show another passage of the note (FTS5 scores each spelled-out word as its own phrase).
PREFIX_TERMS = 12
_NOTE_TERMS = "temp.note_terms"


def _prefix_terms(conn: Conn, prefix: str) -> list[str] | None:
    """The note index's terms that start with `prefix` (None: more than PREFIX_TERMS)."""
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {_NOTE_TERMS} "
        "USING fts5vocab(main, notes_fts, instance)"
    )
    terms: list[str] = []
    at = prefix
    while True:
        # `term >= ?` seeks; LIMIT 1 stops at the term's first posting. chr(1) sorts before
        # every character a token holds, so `term + chr(1)` is where the next term starts.
        row = conn.execute(
            f"SELECT term FROM {_NOTE_TERMS} WHERE term >= ? LIMIT 1", (at,)
        ).fetchone()
        if row is None or not str(row[0]).startswith(prefix):
            return terms
        if len(terms) == PREFIX_TERMS:
            return None
        terms.append(str(row[0]))
        at = terms[-1] + "\x01"


def _note_query(conn: Conn, text: str) -> str | None:
    """fts_query(text) with the last word's prefix spelled out as terms where that is cheap
    (the same matches); None when nothing can match."""
    query = fts_query(text)
    words = text.split()
    last = words[-1] if words else ""
    # Only a plain ASCII word is one token that unicode61 folds to last.lower() for sure.
    if not query or not (last.isascii() and last.isalnum()):
        return query
    terms = _prefix_terms(conn, last.lower())
    if terms is None:
        return query
    if not terms:
        return None
    spelled = "(" + " OR ".join(f'"{t}"' for t in terms) + ")"
    return query.removesuffix(f'"{last}"*') + spelled


def search_notes(
    conn: Conn, text: str, client_id: int | None = None, limit: int = 50
) -> list[NoteHit]:
    """The newest `limit` notes whose text or next steps, or one of whose addenda, holds every
    word of `text` (the last as a prefix); newest note first. A hit found in an addendum
    has the addendum's passage as its snippet and in_addendum set."""
    plain = fts_query(text)
    if not plain:
        return []
    where, args = "", []
    if client_id is not None:
        where = " AND n.client_id = ?"
        args.append(client_id)
    hits: dict[int, NoteHit] = {}
    query = _note_query(conn, text)
    if query:
        sql = (
            "SELECT n.id, n.client_id, c.given_name || ' ' || c.family_name, n.occurred_at, "
            "snippet(notes_fts, 0, '[', ']', '…', 12) FROM notes_fts "
            "JOIN notes n ON n.id = notes_fts.rowid JOIN clients c ON c.id = n.client_id "
            f"WHERE notes_fts MATCH ?{where}"
            # Newest first, in the index's own rowid order: FTS5 stops after `limit` matches
            # instead of ranking every match (a common word can match tens of thousands).
            " ORDER BY notes_fts.rowid DESC LIMIT ?"
        )
        for nid, cid, name, at, snip in conn.execute(sql, [query, *args, limit]):
            hits[nid] = NoteHit(nid, cid, name, datetime.fromisoformat(at), snip)
    # Addenda are few beside the notes: their matches are sorted by note, newest note first,
    # and read until `limit` notes are known, so the merge below is the exact newest `limit`.
    sql = (
        "SELECT n.id, n.client_id, c.given_name || ' ' || c.family_name, n.occurred_at, "
        "snippet(note_addenda_fts, 0, '[', ']', '…', 12) FROM note_addenda_fts "
        "JOIN note_addenda a ON a.id = note_addenda_fts.rowid JOIN notes n ON n.id = a.note_id "
        f"JOIN clients c ON c.id = n.client_id WHERE note_addenda_fts MATCH ?{where} "
        "ORDER BY n.id DESC, a.id DESC"
    )
    found: set[int] = set()
    for nid, cid, name, at, snip in conn.execute(sql, [plain, *args]):
        if nid not in found and len(found) == limit:
            break
        found.add(nid)
        if nid not in hits:  # a note that matches itself shows its own passage
            hits[nid] = NoteHit(nid, cid, name, datetime.fromisoformat(at), snip, True)
    return [hits[nid] for nid in sorted(hits, reverse=True)[:limit]]


def search_plans(conn: Conn, text: str, limit: int = 50) -> list[tuple[int, str, int]]:
    """(client id, client name, plan version) of plans matching `text`, latest versions first."""
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "SELECT p.client_id, c.given_name || ' ' || c.family_name, p.version FROM plans_fts "
        "JOIN plans p ON p.id = plans_fts.rowid JOIN clients c ON c.id = p.client_id "
        "WHERE plans_fts MATCH ? ORDER BY p.version DESC LIMIT ?",
        (query, limit),
    )
    return [(cid, name, version) for cid, name, version in rows]


# -- assessments ------------------------------------------------------------------------------


def insert_barc10(conn: Conn, a: Barc10Assessment) -> int:
    answers = barc10.validate(a.answers)
    cur = conn.execute(
        "INSERT INTO barc10 (client_id, taken_on, timepoint, answers, total) VALUES (?,?,?,?,?)",
        (
            a.client_id,
            d2s(a.taken_on),
            a.timepoint.value if a.timepoint else None,
            "".join(str(x) for x in answers),
            sum(answers),
        ),
    )
    return int(cur.lastrowid)


def list_barc10(conn: Conn, client_id: int) -> list[Barc10Assessment]:
    rows = conn.execute(
        "SELECT client_id, taken_on, answers, timepoint, id FROM barc10 WHERE client_id = ? "
        "ORDER BY taken_on, id",
        (client_id,),
    )
    return [
        Barc10Assessment(
            cid,
            date.fromisoformat(on),
            tuple(int(ch) for ch in answers),
            Timepoint(tp) if tp else None,
            aid,
        )
        for cid, on, answers, tp, aid in rows
    ]


_OUTCOME_FIELDS = (
    "days_used",
    "overdose",
    "housing",
    "employment",
    "arrests",
    "ed_visits",
    "in_treatment",
    "on_moud",
    "recovery_support",
    "social_connectedness",
)


def upsert_outcome(conn: Conn, o: OutcomeAssessment) -> int:
    values = [getattr(o, f) for f in _OUTCOME_FIELDS]
    values = [int(v) if isinstance(v, bool) else v for v in values]
    cur = conn.execute(
        f"INSERT INTO outcomes (client_id, timepoint, taken_on, {', '.join(_OUTCOME_FIELDS)}) "
        f"VALUES ({', '.join('?' * (3 + len(_OUTCOME_FIELDS)))}) "
        "ON CONFLICT (client_id, timepoint) DO UPDATE SET taken_on = excluded.taken_on, "
        + ", ".join(f"{f} = excluded.{f}" for f in _OUTCOME_FIELDS)
        + " RETURNING id",
        (o.client_id, o.timepoint.value, d2s(o.taken_on), *values),
    )
    return int(cur.fetchone()[0])


_BOOL_OUTCOMES = {"overdose", "in_treatment", "on_moud", "recovery_support"}


def list_outcomes(conn: Conn, client_id: int) -> list[OutcomeAssessment]:
    rows = conn.execute(
        f"SELECT client_id, timepoint, taken_on, {', '.join(_OUTCOME_FIELDS)}, id FROM outcomes "
        "WHERE client_id = ? ORDER BY taken_on",
        (client_id,),
    )
    result = []
    for row in rows:
        fields: dict[str, Any] = {
            f: (bool(v) if f in _BOOL_OUTCOMES and v is not None else v)
            for f, v in zip(_OUTCOME_FIELDS, row[3:-1], strict=True)
        }
        result.append(
            OutcomeAssessment(
                row[0], Timepoint(row[1]), date.fromisoformat(row[2]), id=row[-1], **fields
            )
        )
    return result


# -- family follow-ups ------------------------------------------------------------------------

_FAMILY_FIELDS = ("loved_one_in_treatment", "loved_one_in_support", "own_support")


def _bit(value: bool | None) -> int | None:
    return None if value is None else int(value)


def insert_family_followup(conn: Conn, f: FamilyFollowUp) -> int:
    cur = conn.execute(
        f"INSERT INTO family_followups (client_id, taken_on, {', '.join(_FAMILY_FIELDS)}) "
        "VALUES (?, ?, ?, ?, ?)",
        (f.client_id, d2s(f.taken_on), *(_bit(getattr(f, n)) for n in _FAMILY_FIELDS)),
    )
    return int(cur.lastrowid)


def list_family_followups(conn: Conn, client_id: int) -> list[FamilyFollowUp]:
    rows = conn.execute(
        f"SELECT client_id, taken_on, {', '.join(_FAMILY_FIELDS)}, id FROM family_followups "
        "WHERE client_id = ? ORDER BY taken_on, id",
        (client_id,),
    )

    def bit(v: int | None) -> bool | None:
        return None if v is None else bool(v)

    return [
        FamilyFollowUp(cid, date.fromisoformat(taken), bit(a), bit(b), bit(c), fid)
        for cid, taken, a, b, c, fid in rows
    ]


# -- resources and referrals ------------------------------------------------------------------


def insert_resource(conn: Conn, r: Resource) -> int:
    cur = conn.execute(
        "INSERT INTO resources (name, category, pathways, address, phone, hours, notes, local, "
        "rco_ref) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            r.name,
            r.category.value,
            ",".join(p.value for p in r.pathways),
            r.address,
            r.phone,
            r.hours,
            r.notes,
            int(r.local),
            r.rco_ref,
        ),
    )
    return int(cur.lastrowid)


def list_resources(
    conn: Conn,
    search: str = "",
    category: ResourceCategory | None = None,
    pathway: Pathway | None = None,
) -> list[Resource]:
    clauses, args = [], []
    if search:
        clauses.append("(name LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')")
        args += [f"%{_like_escape(search)}%"] * 2
    if category is not None:
        clauses.append("category = ?")
        args.append(category.value)
    if pathway is not None:
        clauses.append("(',' || pathways || ',') LIKE ?")
        args.append(f"%,{pathway.value},%")
    where = " WHERE " + " AND ".join(clauses) if clauses else ""
    rows = conn.execute(
        "SELECT name, category, pathways, address, phone, hours, notes, local, rco_ref, id "
        f"FROM resources{where} ORDER BY category, name COLLATE NOCASE",
        args,
    )
    return [
        Resource(
            name,
            ResourceCategory(cat),
            _pathways(paths),
            address,
            phone,
            hours,
            notes,
            bool(local),
            ref,
            rid,
        )
        for name, cat, paths, address, phone, hours, notes, local, ref, rid in rows
    ]


def insert_referral(conn: Conn, r: Referral) -> int:
    cur = conn.execute(
        "INSERT INTO referrals (client_id, resource_id, category, made_on, status, status_on, "
        "follow_up_on) VALUES (?,?,?,?,?,?,?)",
        (
            r.client_id,
            r.resource_id,
            r.category.value,
            d2s(r.made_on),
            r.status.value,
            d2s(r.status_on or r.made_on),
            d2s(r.follow_up_on),
        ),
    )
    return int(cur.lastrowid)


def _referral_from_row(row: tuple[Any, ...]) -> Referral:
    cid, rid, cat, made, status, status_on, follow, ref_id = row
    return Referral(
        cid,
        ResourceCategory(cat),
        date.fromisoformat(made),
        rid,
        ReferralStatus(status),
        s2d(status_on),
        s2d(follow),
        ref_id,
    )


def get_referral(conn: Conn, referral_id: int) -> Referral:
    row = conn.execute(
        "SELECT client_id, resource_id, category, made_on, status, status_on, follow_up_on, id "
        "FROM referrals WHERE id = ?",
        (referral_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError(f"There is no referral with number {referral_id}.")
    return _referral_from_row(row)


def list_referrals(conn: Conn, client_id: int) -> list[Referral]:
    rows = conn.execute(
        "SELECT client_id, resource_id, category, made_on, status, status_on, follow_up_on, id "
        "FROM referrals WHERE client_id = ? ORDER BY made_on DESC, id DESC",
        (client_id,),
    )
    return [_referral_from_row(r) for r in rows]


def set_referral_status(
    conn: Conn, referral_id: int, status: ReferralStatus, on: date, follow_up_on: date | None
) -> None:
    conn.execute(
        "UPDATE referrals SET status = ?, status_on = ?, follow_up_on = ? WHERE id = ?",
        (status.value, d2s(on), d2s(follow_up_on), referral_id),
    )


# -- disclosures ------------------------------------------------------------------------------


def insert_disclosure(conn: Conn, d: Disclosure) -> int:
    cur = conn.execute(
        "INSERT INTO disclosures (client_id, consent_id, disclosed_on, recipient, purpose, what) "
        "VALUES (?,?,?,?,?,?)",
        (
            d.client_id,
            d.consent_id,
            d.disclosed_on.astimezone(UTC).isoformat(timespec="seconds"),
            d.recipient,
            d.purpose,
            d.what,
        ),
    )
    return int(cur.lastrowid)


def list_disclosures(conn: Conn, client_id: int, since: datetime) -> list[Disclosure]:
    rows = conn.execute(
        "SELECT client_id, disclosed_on, recipient, purpose, what, consent_id, id "
        "FROM disclosures WHERE client_id = ? AND disclosed_on >= ? ORDER BY disclosed_on DESC",
        (client_id, since.astimezone(UTC).isoformat(timespec="seconds")),
    )
    return [
        Disclosure(cid, datetime.fromisoformat(on), recipient, purpose, what, consent, did)
        for cid, on, recipient, purpose, what, consent, did in rows
    ]


# -- drafts -----------------------------------------------------------------------------------


def save_draft(conn: Conn, kind: str, key: str, body: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO drafts (kind, key, body, saved_at) VALUES (?,?,?,?) "
        "ON CONFLICT (kind, key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
        (kind, key, json.dumps(body, ensure_ascii=False), now_utc()),
    )


def load_draft(conn: Conn, kind: str, key: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT body FROM drafts WHERE kind = ? AND key = ?", (kind, key)).fetchone()
    return json.loads(row[0]) if row else None


def delete_draft(conn: Conn, kind: str, key: str) -> None:
    conn.execute("DELETE FROM drafts WHERE kind = ? AND key = ?", (kind, key))


# -- coach profile ----------------------------------------------------------------------------


def get_profile(conn: Conn) -> CoachProfile | None:
    row = conn.execute(
        "SELECT display_name, organisation, facility, language FROM coach_profile WHERE id = 1"
    ).fetchone()
    return CoachProfile(*row) if row else None


def set_profile(conn: Conn, p: CoachProfile) -> None:
    conn.execute(
        "INSERT INTO coach_profile (id, display_name, organisation, facility, language) "
        "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        "display_name = excluded.display_name, "
        "organisation = excluded.organisation, facility = excluded.facility, "
        "language = excluded.language",
        (p.display_name, p.organisation, p.facility, p.language),
    )


# -- what the reminder rules need -------------------------------------------------------------


def episode_facts(
    conn: Conn, client_id: int | None = None, *, client_ids: Iterable[int] | None = None
) -> list[EpisodeFacts]:
    """One EpisodeFacts per client (all, one, or those of `client_ids`), in client order,
    in a handful of set queries."""
    if client_id is not None:
        client_ids = [client_id]
    if client_ids is not None:
        ids = sorted(set(client_ids))
        return [f for chunk in _chunks(ids, 500) for f in _episode_facts(conn, chunk)]
    return _episode_facts(conn, None)


def _chunks(ids: list[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def _episode_facts(conn: Conn, ids: list[int] | None) -> list[EpisodeFacts]:
    where, args = "", tuple[int, ...]()
    if ids is not None:
        where, args = f"WHERE client_id IN ({', '.join('?' * len(ids))})", tuple(ids)
    recorded: dict[int, set[Timepoint]] = {}
    for cid, tp in conn.execute(f"SELECT client_id, timepoint FROM outcomes {where}", args):
        recorded.setdefault(cid, set()).add(Timepoint(tp))
    referrals: dict[int, list[date]] = {}
    for cid, follow in conn.execute(
        "SELECT client_id, follow_up_on FROM referrals WHERE follow_up_on IS NOT NULL "
        f"AND status IN ('made', 'contacted') {where.replace('WHERE', 'AND')} ORDER BY id",
        args,
    ):
        referrals.setdefault(cid, []).append(date.fromisoformat(follow))
    consents: dict[int, list[tuple[date | None, date | None]]] = {}
    for cid, expires, revoked in conn.execute(
        f"SELECT client_id, expires_on, revoked_on FROM consents {where}", args
    ):
        consents.setdefault(cid, []).append((s2d(expires), s2d(revoked)))
    # issue 19: written with the client it creates, in accept's transaction (due_stale holds it)
    first_contact = handoff_repo.first_contact_waiting(
        conn, where.replace("WHERE client_id", "AND r.client_id"), args
    )
    rows = conn.execute(
        "SELECT c.id, coalesce(nullif(c.preferred_name, ''), c.given_name) || ' ' || "
        "c.family_name, c.intake_date, c.status, c.status_date, "
        "(SELECT review_date FROM plans p WHERE p.client_id = c.id ORDER BY version DESC LIMIT 1), "
        "(SELECT follow_up_on FROM notes n WHERE n.client_id = c.id "
        " ORDER BY occurred_at DESC, id DESC LIMIT 1), c.kind "
        f"FROM clients c {where.replace('client_id', 'c.id')} ORDER BY c.id",
        args,
    )
    facts = []
    for cid, name, intake, status, status_date, review, note_follow, kind in rows:
        active = status == ClientStatus.ACTIVE.value
        ended = None if active else (s2d(status_date) or date.fromisoformat(intake))
        facts.append(
            EpisodeFacts(
                cid,
                name,
                date.fromisoformat(intake),
                ended,
                frozenset(recorded.get(cid, set())),
                s2d(review) if active else None,
                tuple(referrals.get(cid, ())),
                s2d(note_follow) if active else None,
                kind == ClientKind.FAMILY_MEMBER.value,
                _first_contact(first_contact.get(cid), active, status_date),
                consent_end(consents.get(cid, ())),
            )
        )
    return facts


def _first_contact(accepted: str | None, active: bool, status_date: str | None) -> date | None:
    """Issue 19: a hand-off's first contact is due until a session, whatever status the record
    came with; the receiving coach ending the episode after accepting (discharged, lost
    contact) ends it too, as it ends the other kinds."""
    if accepted is None or not (active or (status_date or "") < accepted):
        return None
    return date.fromisoformat(accepted)


# -- Today from indexed state -----------------------------------------------------------------

_DISPLAY_NAME = "coalesce(nullif(c.preferred_name, ''), c.given_name) || ' ' || c.family_name"
RULES_META = "due_rules_version"


def refresh_due_items(conn: Conn) -> int:
    """Recompute the stored items of the clients whose records changed (listed in due_stale by
    triggers). Runs inside the writing transaction, just before it commits. Returns how many."""
    stale = [row[0] for row in conn.execute("SELECT client_id FROM due_stale")]
    if not stale:
        return 0
    rows = [
        (
            i.client_id,
            i.seq,
            i.kind,
            i.timepoint.value if i.timepoint else None,
            d2s(i.due_on),
            d2s(i.closes_on),
            d2s(i.ends_on),
        )
        for f in episode_facts(conn, client_ids=stale)
        for i in due_items(f)
    ]
    conn.execute("DELETE FROM due_items WHERE client_id IN (SELECT client_id FROM due_stale)")
    conn.executemany(
        "INSERT INTO due_items (client_id, seq, kind, timepoint, due_on, closes_on, ends_on) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute("DELETE FROM due_stale")
    return len(stale)


def mark_all_due_stale(conn: Conn) -> None:
    """After a change of the rules (RULES_VERSION): every client is recomputed."""
    conn.execute("INSERT OR IGNORE INTO due_stale (client_id) SELECT id FROM clients")


def reminders_for(conn: Conn, today: date, client_id: int | None = None) -> list[Reminder]:
    """Today's reminders from the stored items near `today` (the same list as recomputing them
    from every episode). Clients changed since the last commit are computed from their
    records (normally none: writes refresh their items before committing)."""
    horizon = d2s(today + timedelta(days=timepoints.SOON_DAYS))
    earliest = d2s(today - timedelta(days=timepoints.LONGEST_WINDOW_DAYS))
    one = " AND d.client_id = ?" if client_id is not None else ""
    args: tuple[Any, ...] = (client_id,) if client_id is not None else ()
    rows = conn.execute(
        f"{_SELECT_DUE} WHERE d.closes_on IS NULL AND d.kind IN {_UNTIL_DONE} "
        f"AND d.due_on <= {_shown_until_sql('d.kind')}{one} "
        f"UNION ALL {_SELECT_DUE} WHERE d.closes_on IS NOT NULL AND d.due_on BETWEEN ? AND ? "
        f"AND d.closes_on >= ?{one}",
        (*_shown_until_args(today), *args, earliest, horizon, d2s(today), *args),
    ).fetchall()
    stale_sql = "SELECT client_id FROM due_stale" + (" WHERE client_id = ?" if one else "")
    stale = {row[0] for row in conn.execute(stale_sql, args)}
    items = [pair for pair in _due_rows(rows) if pair[0].client_id not in stale]
    if stale:
        items += [(i, f.name) for f in episode_facts(conn, client_ids=stale) for i in due_items(f)]
    return reminders_for_day(items, today)


_UNTIL_DONE = "(" + ", ".join(f"'{kind}'" for kind in UNTIL_DONE_KINDS) + ")"
_SELECT_DUE = (
    "SELECT d.client_id, d.seq, d.kind, d.timepoint, d.due_on, d.closes_on, d.ends_on, "
    f"{_DISPLAY_NAME} AS name FROM due_items d JOIN clients c ON c.id = d.client_id "
)


def _shown_until_sql(kind_column: str) -> str:
    """core/reminders.shown_until in SQL: the last due date shown, by kind (args below)."""
    whens = " ".join(f"WHEN '{kind}' THEN ?" for kind in SHOWN_AHEAD)
    return f"(CASE {kind_column} {whens} ELSE ? END)"


def _shown_until_args(today: date) -> tuple[str | None, ...]:
    return (*(d2s(shown_until(kind, today)) for kind in SHOWN_AHEAD), d2s(shown_until("", today)))


def _due_rows(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[DueItem, str]]:
    for cid, seq, kind, tp, due, closes, ends, name in rows:
        timepoint = Timepoint(tp) if tp else None
        due_on = date.fromisoformat(due)
        yield DueItem(cid, seq, kind, due_on, s2d(closes), timepoint, s2d(ends)), name


def today_page(conn: Conn, today: date, per_kind: int = 50) -> TodayPage:
    """Today as the window shows it: counts per kind (added up per day from due_counts) and the
    first `per_kind` reminders of each kind, read through the indexes near today."""
    if conn.execute("SELECT 1 FROM due_stale LIMIT 1").fetchone() is not None:
        return page_of(reminders_for(conn, today), per_kind)  # exact while items are stale
    t, horizon = d2s(today), d2s(today + timedelta(days=timepoints.SOON_DAYS))
    earliest = d2s(today - timedelta(days=timepoints.LONGEST_WINDOW_DAYS))
    counts: dict[str, int] = {}
    overdue = 0
    for kind, n, late in conn.execute(
        "SELECT kind, sum(n), sum(CASE WHEN due_on < ? THEN n ELSE 0 END) FROM due_counts "
        f"WHERE closes_on = '' AND due_on <= {_shown_until_sql('kind')} GROUP BY kind "
        "UNION ALL SELECT kind, sum(n), 0 FROM due_counts "
        "WHERE closes_on <> '' AND due_on BETWEEN ? AND ? AND closes_on >= ? GROUP BY kind",
        (t, *_shown_until_args(today), earliest, horizon, t),
    ):
        counts[kind] = counts.get(kind, 0) + int(n)
        overdue += int(late)
    # Windows open today (all shown as due today) by closing day, then those opening soon.
    rows = conn.execute(
        f"{_SELECT_DUE} WHERE d.closes_on >= ? AND +d.due_on <= ? "
        "ORDER BY d.closes_on, name, d.client_id, d.seq LIMIT ?",
        (t, t, per_kind),
    ).fetchall()
    rows += conn.execute(
        f"{_SELECT_DUE} WHERE d.closes_on IS NOT NULL AND d.due_on > ? AND d.due_on <= ? "
        "ORDER BY d.due_on, d.closes_on, name, d.client_id, d.seq LIMIT ?",
        (t, horizon, per_kind - len(rows)),
    ).fetchall()
    for kind in UNTIL_DONE_KINDS:
        rows += conn.execute(
            f"{_SELECT_DUE} WHERE d.kind = ? AND d.closes_on IS NULL AND d.due_on <= ? "
            "ORDER BY d.due_on, name, d.client_id, d.seq LIMIT ?",
            (kind, d2s(shown_until(kind, today)), per_kind),
        ).fetchall()
    page = page_of(reminders_for_day(_due_rows(rows), today), per_kind)
    return TodayPage({k: counts[k] for k in KIND_ORDER if counts.get(k)}, overdue, page.first)
