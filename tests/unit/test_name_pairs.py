"""Names stay findable by words of one or two characters after edits and deletes (issue 18).

Migration 0009 keeps client_name_pairs (every 1-2 character piece of a client's folded names)
and client_pair_counts current by triggers; name search and counts read them. Checked against
the pieces recomputed here from the names, and against the LIKE scan the index replaced
(tests/unit/test_indexed_lists.py `old_list_clients`), after random renames through the use
case, renames and deletes by plain SQL, and adds.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from coachdesk.application.caseload import Caseload
from coachdesk.application.demo import generate
from coachdesk.core.demo import SyntheticPeople
from coachdesk.core.models import Client, ClientStatus, Setting
from coachdesk.storage import repos
from coachdesk.storage.vault import Vault
from tests.conftest import PASSPHRASE
from tests.unit.test_indexed_lists import TODAY, old_list_clients

ODD = (
    ("José", "Núñez"),
    ("㎒ Ann", "Ⅻ Lee"),
    ("ﬀion", "O'Ha_ra"),
    ("İpek", "Öz"),
    ("Ann%", "Ba\\r"),
)


def _ascii_lower(text: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in text)


def _expected_pairs(conn: object) -> set[tuple[str, int]]:
    pairs = set()
    for cid, name in conn.execute("SELECT id, search_name FROM clients"):  # type: ignore[attr-defined]
        for w in (1, 2):
            for i in range(len(name) - w + 1):
                piece = name[i : i + w]
                if " " not in piece:
                    pairs.add((_ascii_lower(piece), cid))
    return pairs


def _check(vault: Vault, rng: random.Random) -> None:
    conn = vault.conn
    expected = _expected_pairs(conn)
    assert set(conn.execute("SELECT pair, client_id FROM client_name_pairs")) == expected
    counts = Counter(pair for pair, _ in expected)
    assert dict(conn.execute("SELECT pair, n FROM client_pair_counts")) == counts
    names = [row[0] for row in conn.execute("SELECT search_name FROM clients")]
    queries = ["a", "el", "Z", "é", "ñ", "%", "_", "\\", "'h", "mhz", "xii", "ff", "i̇", "qq"]
    for _ in range(40):
        name = rng.choice(names)
        start = rng.randrange(max(1, len(name) - 1))
        queries.append(name[start : start + rng.randint(1, 2)].upper())
        queries.append(" ".join(name[i : i + 2] for i in rng.sample(range(len(name)), 2)))
        queries.append(name[start : start + 2] + " " + name[: rng.randint(3, 5)])
    for query in queries:
        for status in (None, ClientStatus.ACTIVE):
            want = old_list_clients(conn, query, status)
            assert repos.count_clients(conn, query, status) == len(want), query
            assert repos.count_clients(conn, query, status, at_most=7) == min(len(want), 7)
            for limit, offset in ((200, 0), (2, 0), (3, 5)):
                rows = repos.list_clients(conn, query, status, limit=limit, offset=offset)
                assert [r.id for r in rows] == want[offset : offset + limit], query
            by_intake = repos.list_clients(conn, query, status, sort="intake", limit=500)
            assert sorted(r.id for r in by_intake) == sorted(want), query


@pytest.fixture
def caseload(vault_path: Path) -> Caseload:
    vault = Vault.open(vault_path, PASSPHRASE)
    generate(vault, 80, seed=3, notes_per_client=2, today=TODAY)
    return Caseload(vault, today=TODAY)


def test_short_words_find_the_names_after_renames_deletes_and_adds(caseload: Caseload) -> None:
    vault, conn = caseload.vault, caseload.conn
    rng = random.Random(9)
    people = SyntheticPeople(rng)
    added = [
        caseload.add_client(Client(given, family, TODAY, Setting.COMMUNITY))
        for given, family in ODD
    ]
    _check(vault, rng)
    for _ in range(5):
        ids = [row[0] for row in conn.execute("SELECT id FROM clients")]
        for _ in range(12):
            cid = rng.choice(ids)
            action = rng.randrange(4)
            if action == 0:  # renamed through the use case (preferred name too)
                client = caseload.get_client(cid)
                caseload.update_client(
                    replace(
                        client, family_name=people.family(), preferred_name=rng.choice(["", "Mo"])
                    )
                )
            elif action == 1:  # renamed by plain SQL: the triggers still see it
                with vault.transaction():
                    conn.execute(
                        "UPDATE clients SET search_name = ? WHERE id = ?",
                        (repos.fold(f"{people.given()} {people.family()} "), cid),
                    )
            elif action == 2:  # an edit that leaves the name alone changes no piece
                with vault.transaction():
                    conn.execute("UPDATE clients SET phone = '555' WHERE id = ?", (cid,))
            else:
                added.append(
                    caseload.add_client(
                        Client(people.given(), people.family(), TODAY, Setting.JAIL_PRISON)
                    )
                )
        with vault.transaction():  # deleted: the client's pieces and counts go with it
            gone = rng.choice(added)
            added.remove(gone)
            conn.execute("DELETE FROM clients WHERE id = ?", (gone,))
        _check(vault, rng)
    vault.close()


def test_a_one_word_count_reads_one_row(caseload: Caseload) -> None:
    conn = caseload.conn
    (total,) = conn.execute("SELECT count(*) FROM clients").fetchone()
    plan = " ".join(
        row[3]
        for row in conn.execute(
            "EXPLAIN QUERY PLAN SELECT n FROM client_pair_counts WHERE pair = 'el'"
        )
    )
    assert "SEARCH" in plan and "SCAN" not in plan
    assert caseload.count_clients("e") <= total
    caseload.vault.close()
