"""Note search and capped name counts in their fast forms (issue 18) give what the plain forms
gave: the FTS5 prefix query for notes, and the LIKE scan for counts."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.application.demo import generate
from coachdesk.core.models import Client, ClientStatus, Setting
from coachdesk.storage import repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE

TODAY = date(2026, 3, 1)


@pytest.fixture
def demo_vault(vault_path: Path) -> Vault:
    vault = Vault.open(vault_path, PASSPHRASE)
    generate(vault, 80, seed=3, notes_per_client=6, today=TODAY)
    return vault


def _prefix_form(conn: object, text: str) -> list[tuple[int, int]]:
    """Note ids and clients of the FTS5 prefix query, newest first (the form before)."""
    query = repos.fts_query(text)
    if not query:
        return []
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT n.id, n.client_id FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
        "WHERE notes_fts MATCH ? ORDER BY notes_fts.rowid DESC LIMIT 50",
        (query,),
    )
    return [tuple(row) for row in rows]


def test_note_search_finds_what_the_prefix_query_finds(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    words = {
        w.strip(".,;:!?()")
        for (text,) in conn.execute("SELECT text FROM notes LIMIT 60")
        for w in text.split()
    }
    rng = random.Random(4)
    queries = ["", "a", "p", "zzz", "MOUD", "co-op", 'pl"an', '"', "José", "12"]
    for word in sorted(words)[:80]:
        cut = word[: rng.randint(1, max(1, len(word)))]
        queries += [word, cut, cut.upper(), f"{rng.choice(sorted(words))} {cut}"]
    for query in queries:
        hits = repos.search_notes(conn, query, None, 50)
        assert [(h.note_id, h.client_id) for h in hits] == _prefix_form(conn, query), query
    demo_vault.close()


def test_a_prefix_of_many_words_and_a_prefix_of_none(demo_vault: Vault) -> None:
    conn = demo_vault.conn
    assert repos.search_notes(conn, "housing qqqzzz") == []
    # A one-letter prefix stands for more words than are spelled out: the FTS5 form answers.
    assert [h.note_id for h in repos.search_notes(conn, "s")] == [
        nid for nid, _ in _prefix_form(conn, "s")
    ]
    demo_vault.close()


def test_counts_from_the_name_index_equal_the_scan_and_stop_at_the_cap(
    demo_vault: Vault,
) -> None:
    conn = demo_vault.conn
    caseload = Caseload(demo_vault, today=TODAY)
    # Names whose folding makes ASCII letters (compatibility forms) or that hold accents.
    odd = (("㎒ Ann", "Ⅻ Lee"), ("ﬀion", "Müller"), ("José", "Ñúñez"), ("İpek", "Öz"))
    for given, family in odd:
        caseload.add_client(Client(given, family, TODAY, Setting.COMMUNITY))
    names = [row[0] for row in conn.execute("SELECT search_name FROM clients")]
    rng = random.Random(9)
    queries = ["mhz", "xii", "ffion", "mull", "jose", "nun", "ipek", "ann lee", "zzz", "el"]
    for _ in range(80):
        name = rng.choice(names)
        start = rng.randrange(max(1, len(name) - 2))
        queries.append(name[start : start + rng.randint(3, 7)])
    for query in queries:
        words = repos.fold(query).split()
        (exact,) = conn.execute(
            "SELECT count(*) FROM clients WHERE "
            + (" AND ".join("search_name LIKE ?" for _ in words) or "1"),
            [f"%{w}%" for w in words],
        ).fetchone()
        assert repos.count_clients(conn, query) == exact, query
        assert caseload.count_clients(query, at_most=5) == min(exact, 5), query
        active = repos.count_clients(conn, query, ClientStatus.ACTIVE)
        assert repos.count_clients(conn, query, ClientStatus.ACTIVE, at_most=3) == min(active, 3)
    assert caseload.count_clients(at_most=10) == 10
    demo_vault.close()
