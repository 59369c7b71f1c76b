"""All SQL of the RCO store (schema in rco_migrations/). Writes run inside
`RcoStore.transaction()`; the use cases in coachdesk/rco own transactions.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from coachdesk.core.models import Pathway, Resource, ResourceCategory
from coachdesk.core.rco_model import (
    BundleRecord,
    Coverage,
    Device,
    DeviceStatus,
    Episode,
    Flag,
    PendingBundle,
    PeriodCell,
    ReferralCount,
)
from coachdesk.i18n.catalog import Worded, message_from_json, message_to_json

Conn = Any


def _kept(text: str) -> str:
    """A flag's explanation as stored: a catalog.Worded keeps its code and parameters (JSON,
    worded when shown); plain text (written before it had a code) stays as it is."""
    return message_to_json(text.message) if isinstance(text, Worded) else text


def _read(stored: str) -> str:
    """What `_kept` stored: a Worded (English text that keeps its message) or the text."""
    message = message_from_json(stored) if stored.startswith("{") else None
    return Worded(message) if message is not None else stored


# -- devices ----------------------------------------------------------------------------------

_DEVICE_COLS = (
    "device_id, fingerprint, public_key, status, name, first_seen_at, first_bundle_at, "
    "last_bundle_at, last_counter, bundles"
)


def _device(row: tuple[Any, ...], pending: int = 0) -> Device:
    return Device(
        row[0],
        row[1],
        row[2],
        DeviceStatus(row[3]),
        row[4],
        row[5],
        row[6],
        row[7],
        int(row[8]),
        int(row[9]),
        pending,
    )


def get_device(conn: Conn, device_id: str) -> Device | None:
    row = conn.execute(
        f"SELECT {_DEVICE_COLS} FROM devices WHERE device_id = ?", (device_id,)
    ).fetchone()
    return _device(row) if row else None


def device_by_fingerprint(conn: Conn, fingerprint: str) -> Device | None:
    row = conn.execute(
        f"SELECT {_DEVICE_COLS} FROM devices WHERE fingerprint = ?", (fingerprint,)
    ).fetchone()
    return _device(row) if row else None


def list_devices(conn: Conn) -> list[Device]:
    pending = dict(
        conn.execute("SELECT device_id, count(*) FROM pending_bundles GROUP BY device_id")
    )
    return [
        _device(row, int(pending.get(row[0], 0)))
        for row in conn.execute(
            f"SELECT {_DEVICE_COLS} FROM devices ORDER BY "
            "CASE status WHEN 'pending' THEN 0 WHEN 'confirmed' THEN 1 ELSE 2 END, "
            "name, fingerprint"
        )
    ]


def insert_device(conn: Conn, device: Device, now: str) -> None:
    conn.execute(
        "INSERT INTO devices (device_id, fingerprint, public_key, status, name, first_seen_at, "
        "status_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            device.device_id,
            device.fingerprint,
            device.public_key,
            device.status.value,
            device.name,
            now,
            now,
        ),
    )


def set_device_status(
    conn: Conn, device_id: str, status: DeviceStatus, now: str, name: str | None = None
) -> None:
    conn.execute(
        "UPDATE devices SET status = ?, status_at = ?, name = coalesce(?, name) "
        "WHERE device_id = ?",
        (status.value, now, name, device_id),
    )


def record_device_bundle(conn: Conn, device_id: str, counter: int, now: str) -> None:
    conn.execute(
        "UPDATE devices SET first_bundle_at = coalesce(first_bundle_at, ?), last_bundle_at = ?, "
        "last_counter = max(last_counter, ?), bundles = bundles + 1 WHERE device_id = ?",
        (now, now, counter, device_id),
    )


# -- receive keys (issue 19) ------------------------------------------------------------------


def set_receive_key(conn: Conn, device_id: str, key_hex: str, now: str) -> None:
    """A device's public X25519 key for hand-offs, as its latest signed bundle gave it."""
    conn.execute(
        "INSERT INTO device_receive_keys (device_id, receive_key, learned_at) VALUES (?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET receive_key = excluded.receive_key, "
        "learned_at = excluded.learned_at WHERE device_receive_keys.receive_key "
        "<> excluded.receive_key",
        (device_id, key_hex, now),
    )


def receive_keys(conn: Conn) -> dict[str, str]:
    """device_id -> receive key (hex), for every device that sent one."""
    return {
        str(d): str(k)
        for d, k in conn.execute("SELECT device_id, receive_key FROM device_receive_keys")
    }


# -- bundles, flags, pending ------------------------------------------------------------------


def has_bundle(conn: Conn, bundle_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM bundles WHERE bundle_id = ?", (bundle_id,)).fetchone()
    return row is not None


def has_sealed_digest(conn: Conn, digest: str) -> bool:
    row = conn.execute("SELECT 1 FROM bundles WHERE sealed_sha256 = ?", (digest,)).fetchone()
    return row is not None


def bundle_with_counter(conn: Conn, device_id: str, counter: int) -> str | None:
    row = conn.execute(
        "SELECT bundle_id FROM bundles WHERE device_id = ? AND counter = ? LIMIT 1",
        (device_id, counter),
    ).fetchone()
    return row[0] if row else None


def insert_bundle(conn: Conn, bundle: BundleRecord) -> None:
    conn.execute(
        "INSERT INTO bundles (bundle_id, device_id, counter, created_at, imported_at, file_name, "
        "records, flag, sealed_sha256, format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            bundle.bundle_id,
            bundle.device_id,
            bundle.counter,
            bundle.created_at,
            bundle.imported_at,
            bundle.file_name,
            bundle.records,
            _kept(bundle.flag),
            bundle.sealed_sha256,
            bundle.format,
        ),
    )


def list_bundles(conn: Conn) -> list[BundleRecord]:
    return [
        replace(BundleRecord(*row), flag=_read(row[7]))
        for row in conn.execute(
            "SELECT bundle_id, device_id, counter, created_at, imported_at, file_name, records, "
            "flag, sealed_sha256, format FROM bundles ORDER BY imported_at, device_id, counter"
        )
    ]


def insert_flag(conn: Conn, flag: Flag) -> None:
    conn.execute(
        "INSERT INTO flags (at, device_id, bundle_id, kind, detail) VALUES (?, ?, ?, ?, ?)",
        (flag.at, flag.device_id, flag.bundle_id, flag.kind, _kept(flag.detail)),
    )


def list_flags(conn: Conn) -> list[Flag]:
    return [
        Flag(row[1], row[2], row[3], row[4], _read(row[5]), int(row[0]))
        for row in conn.execute(
            "SELECT id, at, device_id, bundle_id, kind, detail FROM flags ORDER BY id"
        )
    ]


def is_pending(conn: Conn, bundle_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM pending_bundles WHERE bundle_id = ?", (bundle_id,))
    return row.fetchone() is not None


def insert_pending(conn: Conn, item: PendingBundle) -> None:
    conn.execute(
        "INSERT INTO pending_bundles (device_id, bundle_id, received_at, file_name, sealed) "
        "VALUES (?, ?, ?, ?, ?)",
        (item.device_id, item.bundle_id, item.received_at, item.file_name, item.sealed),
    )


def pending_for(conn: Conn, device_id: str) -> list[PendingBundle]:
    return [
        PendingBundle(row[1], row[2], row[3], row[4], bytes(row[5]), int(row[0]))
        for row in conn.execute(
            "SELECT id, device_id, bundle_id, received_at, file_name, sealed FROM pending_bundles "
            "WHERE device_id = ? ORDER BY id",
            (device_id,),
        )
    ]


def delete_pending(conn: Conn, pending_id: int) -> None:
    conn.execute("DELETE FROM pending_bundles WHERE id = ?", (pending_id,))


def delete_pending_for(conn: Conn, device_id: str) -> int:
    return int(
        conn.execute("DELETE FROM pending_bundles WHERE device_id = ?", (device_id,)).rowcount
    )


# -- episodes ---------------------------------------------------------------------------------

_EPISODE_COLS = (
    "device_id, pseudonym, setting, age_band, gender, status, intake_year, pathways, "
    "discharge_reason, sessions, attempts, group_sessions, referrals, barc10, outcomes, "
    "counter, bundle_id, period_first, period_last"
)


def _episode(row: tuple[Any, ...]) -> Episode:
    referrals = {k: ReferralCount(v[0], v[1]) for k, v in json.loads(row[12]).items()}
    return Episode(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        tuple(json.loads(row[7])),
        row[8],
        int(row[9]),
        int(row[10]),
        int(row[11]),
        referrals,
        json.loads(row[13]),
        json.loads(row[14]),
        int(row[15]),
        row[16],
        row[17],
        row[18],
    )


def episode_versions(conn: Conn, device_id: str) -> dict[str, tuple[int, str]]:
    """pseudonym -> (counter, period_first) of every episode already held for a device."""
    return {
        row[0]: (int(row[1]), row[2])
        for row in conn.execute(
            "SELECT pseudonym, counter, period_first FROM episodes WHERE device_id = ?",
            (device_id,),
        )
    }


def episode_row(e: Episode) -> list[Any]:
    """An episode's values in _EPISODE_COLS order, its JSON columns (EPISODE_JSON_COLUMNS) as
    the values to encode."""
    return [
        e.device_id,
        e.pseudonym,
        e.setting,
        e.age_band,
        e.gender,
        e.status,
        e.intake_year,
        list(e.pathways),
        e.discharge_reason,
        e.sessions,
        e.attempts,
        e.group_sessions,
        {k: [v.made, v.linked] for k, v in e.referrals.items()},
        e.barc10,
        e.outcomes,
        e.counter,
        e.bundle_id,
        e.period_first,
        e.period_last,
    ]


EPISODE_COLUMNS = tuple(c.strip() for c in _EPISODE_COLS.split(","))
EPISODE_JSON_COLUMNS = frozenset(("pathways", "referrals", "barc10", "outcomes"))
_JSON_AT = [i for i, c in enumerate(EPISODE_COLUMNS) if c in EPISODE_JSON_COLUMNS]


def _sorted_encoder() -> Callable[[Any], str]:
    """json.dumps(value, sort_keys=True), its encoder made once: json.dumps makes a JSONEncoder
    and a C encoder per call, half its time for the small values an import writes (1,600 a
    bundle). JSONEncoder.encode where Python has no C encoder."""
    encoder = json.JSONEncoder(sort_keys=True)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return encoder.encode
    # the arguments JSONEncoder.iterencode gives it: no cycle markers (none in these values)
    chunks = make(
        None, encoder.default, json.encoder.encode_basestring_ascii, None, ": ", ", ",
        True, False, True,
    )  # fmt: skip
    return lambda value: "".join(chunks(value, 0))


_encode_sorted = _sorted_encoder()


def _episode_values(e: Episode) -> list[Any]:
    row = episode_row(e)
    for i in _JSON_AT:
        row[i] = _encode_sorted(row[i])
    return row


# What an upsert replaces: every column but the key and the first period reported.
EPISODE_UPDATES = ", ".join(
    f"{c} = excluded.{c}"
    for c in EPISODE_COLUMNS
    if c not in ("device_id", "pseudonym", "period_first")
)


def upsert_episodes(conn: Conn, episodes: Iterable[Episode]) -> None:
    """Insert or replace by (device, pseudonym); the caller decides which version is newer."""
    placeholders = ", ".join("?" * len(EPISODE_COLUMNS))
    conn.executemany(
        f"INSERT INTO episodes ({_EPISODE_COLS}) VALUES ({placeholders}) "
        f"ON CONFLICT (device_id, pseudonym) DO UPDATE SET {EPISODE_UPDATES}",
        [_episode_values(e) for e in episodes],
    )


def touch_episodes(conn: Conn, device_id: str, pseudonyms: Iterable[str], period: str) -> None:
    """An older bundle re-reported these episodes: widen their reporting period only."""
    conn.executemany(
        "UPDATE episodes SET period_first = min(period_first, ?), "
        "period_last = max(period_last, ?) WHERE device_id = ? AND pseudonym = ?",
        [(period, period, device_id, p) for p in pseudonyms],
    )


def list_episodes(conn: Conn) -> list[Episode]:
    return [
        _episode(row)
        for row in conn.execute(
            f"SELECT {_EPISODE_COLS} FROM episodes ORDER BY device_id, pseudonym"
        )
    ]


def count_episodes(conn: Conn) -> int:
    return int(conn.execute("SELECT count(*) FROM episodes").fetchone()[0])


# -- format 2 period cells --------------------------------------------------------------------

_COVERAGE_COLS = (
    "device_id, counter, bundle_id, created_at, first_quarter, last_quarter, fiscal_year_start"
)


def coverage_of(conn: Conn, device_id: str) -> Coverage | None:
    row = conn.execute(
        f"SELECT {_COVERAGE_COLS} FROM coverage WHERE device_id = ?", (device_id,)
    ).fetchone()
    return Coverage(*row) if row else None


def list_coverage(conn: Conn) -> list[Coverage]:
    return [
        Coverage(*row)
        for row in conn.execute(f"SELECT {_COVERAGE_COLS} FROM coverage ORDER BY device_id")
    ]


def replace_period_cells(
    conn: Conn, coverage: Coverage, covered: Iterable[str], cells: Iterable[PeriodCell]
) -> None:
    """The device's cells of every `covered` period become `cells` (absent = zero)."""
    conn.executemany(
        "DELETE FROM period_cells WHERE device_id = ? AND period = ?",
        [(coverage.device_id, period) for period in covered],
    )
    conn.executemany(
        f"INSERT INTO period_cells ({PERIOD_CELL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
        period_cell_rows(coverage, cells),
    )
    upsert_coverage(conn, coverage)


PERIOD_CELL_COLUMNS = "device_id, period, setting, counts, counter, bundle_id"


def period_cell_rows(coverage: Coverage, cells: Iterable[PeriodCell]) -> list[list[Any]]:
    return [
        [
            c.device_id,
            c.period,
            c.setting,
            _encode_sorted(c.counts),
            coverage.counter,
            coverage.bundle_id,
        ]
        for c in cells
    ]


def upsert_coverage(conn: Conn, coverage: Coverage) -> None:
    """A device's coverage becomes that of its latest bundle. The first quarter ever covered
    is kept: periods before the new coverage keep their cells."""
    conn.execute(
        f"INSERT INTO coverage ({_COVERAGE_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (device_id) DO UPDATE SET counter = excluded.counter, "
        "bundle_id = excluded.bundle_id, created_at = excluded.created_at, "
        "first_quarter = coalesce(min(coverage.first_quarter, excluded.first_quarter), "
        "coverage.first_quarter, excluded.first_quarter), "
        "last_quarter = excluded.last_quarter, fiscal_year_start = excluded.fiscal_year_start",
        (
            coverage.device_id,
            coverage.counter,
            coverage.bundle_id,
            coverage.created_at,
            coverage.first_quarter,
            coverage.last_quarter,
            coverage.fiscal_year_start,
        ),
    )


def list_period_cells(conn: Conn, period: str | None = None) -> list[PeriodCell]:
    """Every device's cells, or one period's (what a refresh reads: 1/15 of the rows and of
    the JSON to parse at 500 devices)."""
    # One period's rows are sorted here, not by the server: PostgreSQL sorted the whole rows,
    # their JSON (3.4 MB at 500 coaches) spilling to disk, for 10 ms of a refresh.
    sql = "SELECT device_id, period, setting, counts FROM period_cells"
    rows = (
        conn.execute(f"{sql} ORDER BY device_id, period, setting")
        if period is None
        else conn.execute(f"{sql} WHERE period = ?", (period,))
    )
    found = [PeriodCell(row[0], row[1], row[2], json.loads(row[3])) for row in rows]
    if period is not None:
        found.sort(key=lambda c: (c.device_id, c.setting))
    return found


def period_settings(conn: Conn, skip_scan: bool = False) -> list[tuple[str, str]]:
    """Every (period, setting) some device has cells for, without reading the counts.
    `skip_scan` for PostgreSQL; SQLite reads its covering index faster than it probes it."""
    rows = conn.execute(
        _PERIOD_SETTINGS
        if skip_scan
        else "SELECT DISTINCT period, setting FROM period_cells ORDER BY 1, 2"
    )
    return [(str(row[0]), str(row[1])) for row in rows]


# A skip scan of period_cells_by_period (period, setting): each step looks up the next pair after
# the last one found, so ~80 pairs cost ~160 index probes instead of reading every row (a plain
# DISTINCT read all 38,500 rows on PostgreSQL, which has no skip scan: 30 ms of a refresh).
_NEXT = (
    "(SELECT p.{0} FROM period_cells AS p WHERE (p.period, p.setting) > (k.period, k.setting) "
    "ORDER BY p.period, p.setting LIMIT 1)"
)
_PERIOD_SETTINGS = (
    "WITH RECURSIVE k (period, setting) AS ("
    "SELECT * FROM (SELECT period, setting FROM period_cells ORDER BY period, setting LIMIT 1) "
    f"AS head UNION ALL SELECT {_NEXT.format('period')}, {_NEXT.format('setting')} "
    "FROM k WHERE k.period IS NOT NULL) "
    "SELECT period, setting FROM k WHERE period IS NOT NULL ORDER BY 1, 2"
)


# -- resource directory -----------------------------------------------------------------------


def upsert_directory_entry(conn: Conn, resource: Resource, now: str) -> None:
    conn.execute(
        "INSERT INTO directory_entries (ref, name, category, pathways, address, phone, hours, "
        "notes, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ref) DO UPDATE SET "
        "name = excluded.name, category = excluded.category, pathways = excluded.pathways, "
        "address = excluded.address, phone = excluded.phone, hours = excluded.hours, "
        "notes = excluded.notes, updated_at = excluded.updated_at",
        (
            resource.rco_ref,
            resource.name,
            resource.category.value,
            json.dumps([p.value for p in resource.pathways]),
            resource.address,
            resource.phone,
            resource.hours,
            resource.notes,
            now,
        ),
    )


def delete_directory_entry(conn: Conn, ref: str) -> bool:
    return bool(conn.execute("DELETE FROM directory_entries WHERE ref = ?", (ref,)).rowcount)


def list_directory(conn: Conn) -> list[Resource]:
    return [
        Resource(
            row[1],
            ResourceCategory(row[2]),
            [Pathway(p) for p in json.loads(row[3])],
            row[4],
            row[5],
            row[6],
            row[7],
            local=False,
            rco_ref=row[0],
        )
        for row in conn.execute(
            "SELECT ref, name, category, pathways, address, phone, hours, notes "
            "FROM directory_entries ORDER BY category, name"
        )
    ]


# -- coaches' suggestions and each entry's verification (issue 20; migration 0006 / pg 0003) ----


@dataclass(slots=True)
class SuggestionRow:
    """One suggestion as received: resource information and the device that sent it."""

    suggestion_id: str
    device_id: str
    counter: int
    created_at: str
    received_at: str
    kind: str
    ref: str
    problem: str
    content: dict[str, Any]
    sealed_sha256: str
    state: str = "open"
    reason: str = ""
    decided_at: str | None = None
    result_ref: str = ""


@dataclass(slots=True)
class Verification:
    ref: str
    last_verified: str = ""
    verified_by: int = 0
    closed: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


_SUGGESTION_COLUMNS = (
    "suggestion_id, device_id, counter, created_at, received_at, kind, ref, problem, content, "
    "sealed_sha256, state, reason, decided_at, result_ref"
)


def insert_suggestion(conn: Conn, s: SuggestionRow) -> None:
    conn.execute(
        f"INSERT INTO suggestions ({_SUGGESTION_COLUMNS}) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            s.suggestion_id,
            s.device_id,
            s.counter,
            s.created_at,
            s.received_at,
            s.kind,
            s.ref,
            s.problem,
            json.dumps(s.content, ensure_ascii=False, sort_keys=True),
            s.sealed_sha256,
            s.state,
            s.reason,
            s.decided_at,
            s.result_ref,
        ),
    )


def suggestion_digest(conn: Conn, suggestion_id: str) -> str | None:
    row = conn.execute(
        "SELECT sealed_sha256 FROM suggestions WHERE suggestion_id = ?", (suggestion_id,)
    ).fetchone()
    return None if row is None else str(row[0])


def list_suggestions(conn: Conn) -> list[SuggestionRow]:
    return [
        SuggestionRow(
            r[0],
            r[1],
            int(r[2]),
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            json.loads(r[8]),
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
        )
        for r in conn.execute(
            f"SELECT {_SUGGESTION_COLUMNS} FROM suggestions ORDER BY received_at, counter"
        )
    ]


def decide_suggestions(
    conn: Conn, ids: Iterable[str], state: str, reason: str, now: str, result_ref: str
) -> int:
    done = 0
    for suggestion_id in ids:
        done += conn.execute(
            "UPDATE suggestions SET state = ?, reason = ?, decided_at = ?, result_ref = ? "
            "WHERE suggestion_id = ? AND state = 'open'",
            (state, reason, now, result_ref, suggestion_id),
        ).rowcount
    return int(done)


def list_verification(conn: Conn) -> dict[str, Verification]:
    return {
        r[0]: Verification(r[0], r[1], int(r[2]), bool(r[3]), json.loads(r[4]))
        for r in conn.execute(
            "SELECT ref, last_verified, verified_by, closed, extra FROM directory_verification"
        )
    }


def upsert_verification(conn: Conn, v: Verification) -> None:
    conn.execute(
        "INSERT INTO directory_verification (ref, last_verified, verified_by, closed, extra) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ref) DO UPDATE SET "
        "last_verified = excluded.last_verified, verified_by = excluded.verified_by, "
        "closed = excluded.closed, extra = excluded.extra",
        (
            v.ref,
            v.last_verified,
            v.verified_by,
            int(v.closed),
            json.dumps(v.extra, ensure_ascii=False, sort_keys=True),
        ),
    )


def replace_linkage(
    conn: Conn, device_id: str, counts: dict[str, tuple[int, int]], counter: int
) -> None:
    """The device's referral counts per entry become those of its bundle `counter`."""
    conn.execute("DELETE FROM resource_linkage WHERE device_id = ?", (device_id,))
    conn.executemany(
        "INSERT INTO resource_linkage (device_id, ref, made, linked, counter) "
        "VALUES (?, ?, ?, ?, ?)",
        [(device_id, ref, made, linked, counter) for ref, (made, linked) in counts.items()],
    )


def list_linkage(conn: Conn) -> dict[str, tuple[int, int]]:
    """Per entry ref: referrals made and linked, summed over the devices."""
    return {
        str(ref): (int(made), int(linked))
        for ref, made, linked in conn.execute(
            "SELECT ref, sum(made), sum(linked) FROM resource_linkage GROUP BY ref ORDER BY ref"
        )
    }
