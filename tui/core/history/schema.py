"""The history's tables and how an older database is brought up to date.

The schema version lives in `PRAGMA user_version`. `MIGRATIONS[n]` takes a database from version
n to n + 1; `migrate` applies the missing ones in one IMMEDIATE transaction, so a crash halfway
leaves the old version intact and two caro processes opening an old database at once migrate it
only once (the second finds the new version once it gets the write lock).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

Migration = Callable[[sqlite3.Connection], None]


def _v1_tables(conn: sqlite3.Connection) -> None:
    statements = (
        """CREATE TABLE requests (
            id INTEGER PRIMARY KEY,
            created_at REAL NOT NULL,
            request TEXT NOT NULL,
            cwd TEXT NOT NULL,
            source TEXT NOT NULL,
            shell TEXT,
            backend TEXT,
            model TEXT,
            raw TEXT,
            command TEXT,
            error TEXT,
            risk_level TEXT,
            risk TEXT,
            timings TEXT
        )""",
        "CREATE INDEX requests_by_time ON requests (created_at)",
        "CREATE INDEX requests_by_cwd ON requests (cwd, created_at)",
        """CREATE TABLE edits (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            at REAL NOT NULL,
            command TEXT NOT NULL
        )""",
        "CREATE INDEX edits_by_request ON edits (request_id)",
        """CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            started_at REAL NOT NULL,
            command TEXT NOT NULL,
            confirmed_by TEXT NOT NULL,
            exit_code INTEGER,
            signal INTEGER,
            duration_s REAL,
            stopped_by TEXT
        )""",
        "CREATE INDEX runs_by_request ON runs (request_id)",
    )
    for statement in statements:
        conn.execute(statement)


def _v2_previews(conn: sqlite3.Connection) -> None:
    # One row per preview of an entry's command (tui.core.preview): the report as JSON.
    conn.execute(
        """CREATE TABLE previews (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
            at REAL NOT NULL,
            command TEXT NOT NULL,
            report TEXT NOT NULL
        )"""
    )
    conn.execute("CREATE INDEX previews_by_request ON previews (request_id)")


MIGRATIONS: tuple[Migration, ...] = (_v1_tables, _v2_previews)


class NewerSchemaError(Exception):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(
            f"it was written by a newer caro (schema version {found}; this caro knows up to "
            f"{known}); it was left as it is: upgrade caro to read it"
        )


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Brings the database to `len(migrations)`; returns the version it had before."""
    target = len(migrations)
    if version(conn) == target:
        return target
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = version(conn)
        if found > target:
            raise NewerSchemaError(found, target)
        for step in migrations[found:]:
            step(conn)
        # PRAGMA takes no parameters; `target` is an int we computed.
        conn.execute(f"PRAGMA user_version = {int(target)}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found
