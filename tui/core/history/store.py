"""The history database: SQLite in WAL mode, one short transaction per record.

Each record is committed in its own IMMEDIATE transaction, so a crash (even kill -9) loses at
most the record being written, and a second caro process waits for the write lock (busy
timeout) instead of failing with "database is locked". `synchronous=NORMAL` in WAL mode keeps
every committed record across a crash of the process; only a power cut may drop the last ones.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.history import schema, search
from tui.core.history.database import BUSY_TIMEOUT_S, connect, is_busy, is_damage, move_aside
from tui.core.history.model import (
    CONFIRMATIONS,
    STOPS,
    Edit,
    Entry,
    HistoryError,
    Preview,
    Recovery,
    Run,
)
from tui.core.history.privacy import private_files


class History:
    """The ledger of requests, edits and runs. Safe to share between threads."""

    def __init__(
        self, conn: sqlite3.Connection, path: Path, use_fts: bool, recovery: Recovery | None
    ) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self.path = path
        self.uses_fts = use_fts
        # Set when a damaged database was moved aside on opening; callers should say so.
        self.recovery = recovery
        # False only when opened with a shorter migration list (tests of migrating).
        self._previews = bool(
            conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'previews'").fetchone()
        )

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        fts: bool | None = None,
        migrations: Sequence[schema.Migration] = schema.MIGRATIONS,
    ) -> History:
        """Opens (creating, migrating or recovering) the history at `path` (default: the data
        directory's). `fts=None` uses FTS5 when this SQLite has it; False forces the scan."""
        path = Path(path) if path is not None else paths.history_db()
        try:
            private_files(path)
        except OSError as error:
            raise HistoryError(path, f"cannot create its folder: {error.strerror}") from None
        recovery = None
        try:
            conn, use_fts = cls._prepare(path, fts, migrations)
        except sqlite3.DatabaseError as error:
            if not is_damage(error):
                raise HistoryError(path, str(error)) from None
            try:
                moved_to = move_aside(path)
            except OSError as move_error:
                raise HistoryError(
                    path, f"it is damaged ({error}) and could not be moved aside: {move_error}"
                ) from None
            recovery = Recovery(path, moved_to, str(error))
            try:
                conn, use_fts = cls._prepare(path, fts, migrations)
            except sqlite3.Error as again:
                raise HistoryError(path, str(again)) from None
        except schema.NewerSchemaError as error:
            raise HistoryError(path, str(error)) from None
        return cls(conn, path, use_fts, recovery)

    @classmethod
    def _prepare(
        cls, path: Path, fts: bool | None, migrations: Sequence[schema.Migration]
    ) -> tuple[sqlite3.Connection, bool]:
        # SQLite skips the busy handler in a few places while two processes create the same
        # database (switching it to WAL, recovering the WAL index), so opening retries itself.
        deadline = time.monotonic() + BUSY_TIMEOUT_S
        while True:
            try:
                return cls._prepare_once(path, fts, migrations)
            except sqlite3.OperationalError as error:
                if not is_busy(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    @staticmethod
    def _prepare_once(
        path: Path, fts: bool | None, migrations: Sequence[schema.Migration]
    ) -> tuple[sqlite3.Connection, bool]:
        conn = connect(path)
        try:
            schema.migrate(conn, migrations)
            wanted = search.fts_available(conn) if fts is None else fts
            if search.index_matches(conn, wanted):
                return conn, wanted
            conn.execute("BEGIN IMMEDIATE")
            try:
                use_fts = search.ensure_index(conn, wanted)
            except BaseException:
                _rollback(conn)
                raise
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn, use_fts

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                _rollback(self._conn)
                raise
            self._conn.execute("COMMIT")

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            raise HistoryError(self.path, str(error)) from None

    def record_request(
        self,
        request: str,
        *,
        cwd: str | None = None,
        source: str = "cli",
        shell: str | None = None,
        backend: str | None = None,
        model: str | None = None,
        raw: str | None = None,
        command: str | None = None,
        error: str | None = None,
        risk: dict[str, Any] | None = None,
        timings: dict[str, Any] | None = None,
        created_at: float | None = None,
    ) -> int:
        """Records one request and what the model answered; returns the entry's id."""
        row = (
            time.time() if created_at is None else created_at,
            request,
            os.getcwd() if cwd is None else cwd,
            source,
            shell,
            backend,
            model,
            raw,
            command,
            error or None,
            (risk or {}).get("level"),
            _json(risk),
            _json(timings),
        )
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT INTO requests (created_at, request, cwd, source, shell, backend, model, "
                "raw, command, error, risk_level, risk, timings) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )
            return int(cursor.lastrowid or 0)

    def record_edit(self, entry_id: int, command: str, *, at: float | None = None) -> None:
        """Records the command as the person changed it (the latest edit is the one that runs)."""
        with self._write() as conn:
            self._require(conn, entry_id)
            conn.execute(
                "INSERT INTO edits (request_id, at, command) VALUES (?, ?, ?)",
                (entry_id, time.time() if at is None else at, command),
            )

    def record_run(
        self,
        entry_id: int,
        *,
        exit_code: int | None,
        duration_s: float | None,
        confirmed_by: str,
        command: str | None = None,
        started_at: float | None = None,
        signal: int | None = None,
        stopped_by: str | None = None,
    ) -> int:
        """Records that the entry's command ran (default: its final command) and how it ended."""
        if confirmed_by not in CONFIRMATIONS:
            raise ValueError(f"confirmed_by must be one of {CONFIRMATIONS}, not {confirmed_by!r}")
        if stopped_by is not None and stopped_by not in STOPS:
            raise ValueError(f"stopped_by must be one of {STOPS} or None, not {stopped_by!r}")
        with self._write() as conn:
            final = self._require(conn, entry_id)
            ran = command if command is not None else final
            if ran is None:
                raise HistoryError(self.path, f"entry #{entry_id} has no command to have run")
            if started_at is None:
                started_at = time.time() - (duration_s or 0.0)
            cursor = conn.execute(
                "INSERT INTO runs (request_id, started_at, command, confirmed_by, exit_code, "
                "signal, duration_s, stopped_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry_id,
                    started_at,
                    ran,
                    confirmed_by,
                    exit_code,
                    signal,
                    duration_s,
                    stopped_by,
                ),
            )
            return int(cursor.lastrowid or 0)

    def record_preview(
        self, entry_id: int, command: str, report: dict[str, Any], *, at: float | None = None
    ) -> None:
        """Records a preview of the entry's command (its report, as JSON)."""
        with self._write() as conn:
            self._require(conn, entry_id)
            conn.execute(
                "INSERT INTO previews (request_id, at, command, report) VALUES (?, ?, ?, ?)",
                (entry_id, time.time() if at is None else at, command, _json(report)),
            )

    def _require(self, conn: sqlite3.Connection, entry_id: int) -> str | None:
        """The entry's final command; a HistoryError when there is no such entry."""
        row = conn.execute(
            "SELECT coalesce((SELECT command FROM edits WHERE request_id = r.id "
            "ORDER BY id DESC LIMIT 1), r.command), 1 FROM requests r WHERE r.id = ?",
            (entry_id,),
        ).fetchone()
        if row is None:
            raise HistoryError(self.path, f"there is no entry #{entry_id}")
        return None if row[0] is None else str(row[0])

    # -- reading ----------------------------------------------------------------------------

    def get(self, entry_id: int) -> Entry | None:
        entries = self._load([entry_id])
        return entries[0] if entries else None

    def search(
        self,
        text: str | None = None,
        *,
        limit: int = 50,
        cwd: str | None = None,
        ran_only: bool = False,
    ) -> list[Entry]:
        """The newest `limit` entries matching every word of `text` (see search.py), newest
        first; `cwd` keeps those made in that directory, `ran_only` those that ran."""
        query = search.build(text, cwd=cwd, ran_only=ran_only, use_fts=self.uses_fts)
        sql = (
            f"SELECT r.id FROM requests r WHERE {query.where()} "
            "ORDER BY r.created_at DESC, r.id DESC LIMIT ?"
        )
        with self._lock, self._errors():
            ids = [int(row[0]) for row in self._conn.execute(sql, (*query.params, max(limit, 0)))]
        return self._load(ids)

    def count(self) -> int:
        with self._lock, self._errors():
            return int(self._conn.execute("SELECT count(*) FROM requests").fetchone()[0])

    def _load(self, ids: list[int]) -> list[Entry]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        with self._lock, self._errors():
            rows = self._conn.execute(
                "SELECT id, created_at, request, cwd, source, shell, backend, model, raw, "
                f"command, error, risk, timings FROM requests WHERE id IN ({marks})",
                ids,
            ).fetchall()
            edits = self._conn.execute(
                f"SELECT request_id, at, command FROM edits WHERE request_id IN ({marks}) "
                "ORDER BY id",
                ids,
            ).fetchall()
            runs = self._conn.execute(
                "SELECT request_id, started_at, command, confirmed_by, exit_code, duration_s, "
                f"signal, stopped_by FROM runs WHERE request_id IN ({marks}) ORDER BY id",
                ids,
            ).fetchall()
            previews = (
                self._conn.execute(
                    "SELECT request_id, at, command, report FROM previews "
                    f"WHERE request_id IN ({marks}) ORDER BY id",
                    ids,
                ).fetchall()
                if self._previews
                else []
            )
        previews_by: dict[int, list[Preview]] = {}
        for request_id, at, command, report in previews:
            previews_by.setdefault(request_id, []).append(
                Preview(at, command, _unjson(report) or {})
            )
        edits_by: dict[int, list[Edit]] = {}
        for request_id, at, command in edits:
            edits_by.setdefault(request_id, []).append(Edit(at, command))
        runs_by: dict[int, list[Run]] = {}
        for request_id, *fields in runs:
            runs_by.setdefault(request_id, []).append(Run(*fields))
        by_id = {
            row[0]: replace(
                _entry(row, edits_by.get(row[0], []), runs_by.get(row[0], [])),
                previews=tuple(previews_by.get(row[0], [])),
            )
            for row in rows
        }
        return [by_id[i] for i in ids if i in by_id]


def _rollback(conn: sqlite3.Connection) -> None:
    # Some errors (a full disk, say) end the transaction themselves.
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _unjson(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        return {"unreadable": text}
    return value if isinstance(value, dict) else {"value": value}


def _entry(row: Sequence[Any], edits: list[Edit], runs: list[Run]) -> Entry:
    (entry_id, created_at, request, cwd, source, shell, backend, model, raw) = row[:9]
    command, error, risk, timings = row[9:]
    return Entry(
        id=entry_id,
        created_at=created_at,
        request=request,
        cwd=cwd,
        source=source,
        shell=shell,
        backend=backend,
        model=model,
        raw=raw,
        command=command,
        error=error,
        risk=_unjson(risk),
        timings=_unjson(timings),
        edits=tuple(edits),
        runs=tuple(runs),
    )
