"""Numbered, append-only schema migrations (docs/architecture.md rule 3).

`migrations/NNNN_name.sql` files are applied in order, each in one transaction together with
the PRAGMA user_version bump, so an interrupted migration leaves the vault at the last version.
A vault newer than this program is refused, never opened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from coachdesk.errors import NewerVaultError

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


COACH = "migrations"  # a coach's vault
RCO = "rco_migrations"  # an RCO supervisor's store (same vault machinery, other schema)


def available(schema: str = COACH) -> list[Migration]:
    folder = resources.files("coachdesk.storage") / schema
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 0001, 0002, ... without gaps")
    return found


def schema_version(schema: str = COACH) -> int:
    return len(available(schema))


SCHEMA_VERSION = schema_version(COACH)


def current_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(sql: str) -> list[str]:
    """Split a migration into complete statements (triggers contain inner semicolons)."""
    import sqlcipher3

    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlcipher3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip() and not pending.strip().startswith("--"):
        statements.append(pending.strip())
    return statements


def upgrade(conn: Any, target: int | None = None, schema: str = COACH) -> list[int]:
    """Bring the schema up to `target` (default: newest). Returns the versions applied.

    `conn` must be in autocommit mode (isolation_level=None); each migration runs in its own
    BEGIN IMMEDIATE ... COMMIT so it is all-or-nothing.
    """
    newest = schema_version(schema)
    target = newest if target is None else target
    version = current_version(conn)
    if version > newest:
        raise NewerVaultError(
            f"This vault was written by a newer CoachDesk (schema {version}; this program knows "
            f"up to {newest}). Install the newer CoachDesk to open it."
        )
    applied = []
    for migration in available(schema):
        if version < migration.version <= target:
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {migration.version:d}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            applied.append(migration.version)
    return applied
