"""Searching the history: every word of the search must occur, in any case, in the request or in
one of the entry's commands (the model's or an edit), anywhere in it — a substring, as Ctrl+R
finds it.

With SQLite's FTS5 and its trigram tokenizer (SQLite 3.34+), words of three characters or more
are looked up in an index; shorter words, and every word when FTS5 is missing, are matched by a
scan (`instr` over text folded with Python's `str.casefold`). The index is derived data: it is
not part of the versioned schema, it is built when missing and rebuilt when it may have missed
writes (see `ensure_index`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

FTS_TABLE = "requests_fts"
_TRIGGERS = {
    "requests_fts_insert": """CREATE TRIGGER requests_fts_insert AFTER INSERT ON requests BEGIN
        INSERT INTO requests_fts (rowid, request, commands)
        VALUES (new.id, new.request, coalesce(new.command, ''));
    END""",
    "requests_fts_edit": """CREATE TRIGGER requests_fts_edit AFTER INSERT ON edits BEGIN
        UPDATE requests_fts SET commands = commands || char(10) || new.command
        WHERE rowid = new.request_id;
    END""",
    "requests_fts_delete": """CREATE TRIGGER requests_fts_delete AFTER DELETE ON requests BEGIN
        DELETE FROM requests_fts WHERE rowid = old.id;
    END""",
}
_MIN_INDEXED = 3  # the trigram tokenizer cannot match anything shorter

# Everything an entry can be found by, as one folded text.
_HAYSTACK = (
    "fold(r.request || char(10) || coalesce(r.command, '') || char(10) || "
    "coalesce((SELECT group_concat(e.command, char(10)) FROM edits e "
    "WHERE e.request_id = r.id), ''))"
)


def _fold(text: str | None) -> str:
    return (text or "").casefold()


def install_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("fold", 1, _fold, deterministic=True)


def fts_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (tried, not guessed)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.caro_probe USING fts5(x, tokenize='trigram')")
        conn.execute("DROP TABLE temp.caro_probe")
    except sqlite3.OperationalError:
        return False
    return True


def _exists(conn: sqlite3.Connection, kind: str, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", (kind, name)
    ).fetchone()
    return row is not None


def ensure_index(conn: sqlite3.Connection, use_fts: bool) -> bool:
    """Makes the index match what this SQLite can do; returns whether searches may use it.

    Without FTS5 the triggers that feed the index are dropped (every write would fail on them
    otherwise); the index then misses writes, so when FTS5 is back it is rebuilt from the tables.
    Runs inside the caller's write transaction.
    """
    triggers_present = all(_exists(conn, "trigger", name) for name in _TRIGGERS)
    if not use_fts:
        for name in _TRIGGERS:
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        return False
    if _exists(conn, "table", FTS_TABLE) and triggers_present:
        return True
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} "
        "USING fts5(request, commands, tokenize='trigram')"
    )
    conn.execute(f"DELETE FROM {FTS_TABLE}")
    conn.execute(
        f"INSERT INTO {FTS_TABLE} (rowid, request, commands) "
        "SELECT r.id, r.request, coalesce(r.command, '') || coalesce((SELECT "
        "group_concat(char(10) || e.command, '') FROM edits e WHERE e.request_id = r.id), '') "
        "FROM requests r"
    )
    for name, statement in _TRIGGERS.items():
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute(statement)
    return True


def index_matches(conn: sqlite3.Connection, use_fts: bool) -> bool:
    """True when `ensure_index` has nothing to do (checked without taking the write lock)."""
    triggers = [_exists(conn, "trigger", name) for name in _TRIGGERS]
    if use_fts:
        return _exists(conn, "table", FTS_TABLE) and all(triggers)
    return not any(triggers)


@dataclass
class Query:
    """A search turned into SQL: the WHERE clauses and their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[object] = field(default_factory=list)

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def where(self) -> str:
        return " AND ".join(self.clauses) if self.clauses else "1"


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def build(text: str | None, *, cwd: str | None, ran_only: bool, use_fts: bool) -> Query:
    query = Query()
    if cwd is not None:
        query.add("r.cwd = ?", cwd)
    if ran_only:
        query.add("EXISTS (SELECT 1 FROM runs WHERE runs.request_id = r.id)")
    words = (text or "").split()
    indexed = [w for w in words if use_fts and len(w) >= _MIN_INDEXED]
    if indexed:
        query.add(
            f"r.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?)",
            " AND ".join(_fts_phrase(word) for word in indexed),
        )
    for word in words:
        if word not in indexed:
            query.add(f"instr({_HAYSTACK}, ?) > 0", _fold(word))
    return query
