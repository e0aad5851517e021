"""The history database in one process: records, search, migrations, recovery from damage."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from tui.core import paths
from tui.core.history import History, HistoryError, store
from tui.core.history import schema as history_schema

RISK = {"level": "moderate", "reasons": ["deletes files recursively"], "notes": []}


def _fill(history: History) -> dict[str, int]:
    """A small history with known text, oldest first."""
    ids = {}
    ids["tar"] = history.record_request(
        "compress the logs folder",
        cwd="/srv/app",
        command="tar -czf logs.tar.gz logs/",
        created_at=1000.0,
    )
    ids["du"] = history.record_request(
        "which folders are biggest",
        cwd="/home/ann",
        command="du -sh * | sort -h",
        created_at=2000.0,
    )
    ids["rm"] = history.record_request(
        "delete the build output",
        cwd="/srv/app",
        command="rm -rf ./build",
        risk=RISK,
        created_at=3000.0,
    )
    ids["pct"] = history.record_request(
        "show lines with 100% in them", cwd="/tmp", command="grep -F '100%' report.txt"
    )
    ids["none"] = history.record_request(
        "write me a poem", cwd="/tmp", raw="The sea is wide", error="no command in the answer"
    )
    history.record_edit(ids["du"], "du -sh -- * | sort -rh | head")
    history.record_run(ids["rm"], exit_code=0, duration_s=0.25, confirmed_by="key")
    return ids


@pytest.fixture(params=[True, False], ids=["fts5", "scan"])
def history(request: pytest.FixtureRequest, tmp_path: Path) -> History:
    opened = History.open(tmp_path / "history.sqlite3", fts=request.param)
    assert opened.uses_fts is request.param
    return opened


def test_opens_in_the_data_directory_in_wal_mode(isolated_env: Path) -> None:
    with History.open() as history:
        history.record_request("list files", cwd="/", command="ls")
        assert history.path == paths.history_db()
        assert history.path.is_relative_to(isolated_env / "data")
    conn = sqlite3.connect(paths.history_db())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(history_schema.MIGRATIONS)


def test_an_entry_keeps_everything_about_a_request(history: History) -> None:
    timings = {"ttft_s": 0.12, "total_s": 0.5, "tokens_per_s": 40.0}
    entry_id = history.record_request(
        "delete the build output",
        cwd="/srv/app",
        source="workbench",
        shell="zsh",
        backend="embedded-cpu",
        model="SmolLM2",
        raw="```sh\nrm -rf ./build\n```",
        command="rm -rf ./build",
        risk=RISK,
        timings=timings,
    )
    history.record_edit(entry_id, "rm -rf ./build ./dist")
    history.record_run(entry_id, exit_code=1, duration_s=0.5, confirmed_by="yes")
    history.record_run(entry_id, exit_code=None, duration_s=30.0, confirmed_by="key", signal=9)
    entry = history.get(entry_id)
    assert entry is not None
    assert (entry.request, entry.cwd, entry.source, entry.shell) == (
        "delete the build output",
        "/srv/app",
        "workbench",
        "zsh",
    )
    assert (entry.backend, entry.model, entry.raw) == ("embedded-cpu", "SmolLM2", entry.raw)
    assert entry.command == "rm -rf ./build"
    assert entry.final_command == "rm -rf ./build ./dist"
    assert entry.risk_level == "moderate" and entry.risk_reasons == ["deletes files recursively"]
    assert entry.timings == timings
    assert [run.command for run in entry.runs] == ["rm -rf ./build ./dist"] * 2
    assert [run.describe() for run in entry.runs] == ["exit 1", "killed by SIGKILL"]
    assert entry.runs[0].confirmed_by == "yes" and entry.runs[0].duration_s == 0.5
    assert entry.as_dict()["final_command"] == "rm -rf ./build ./dist"


def test_a_request_without_a_command_is_recorded_too(history: History) -> None:
    ids = _fill(history)
    entry = history.get(ids["none"])
    assert entry is not None and entry.command is None and entry.final_command is None
    assert entry.error == "no command in the answer" and entry.raw == "The sea is wide"
    with pytest.raises(HistoryError, match="no command"):
        history.record_run(ids["none"], exit_code=0, duration_s=0.1, confirmed_by="key")


def test_unknown_entries_and_bad_values_are_refused(history: History) -> None:
    with pytest.raises(HistoryError, match="no entry #99"):
        history.record_edit(99, "ls")
    with pytest.raises(HistoryError, match="no entry #99"):
        history.record_run(99, exit_code=0, duration_s=0.1, confirmed_by="key")
    entry_id = history.record_request("x", cwd="/", command="true")
    with pytest.raises(ValueError, match="confirmed_by"):
        history.record_run(entry_id, exit_code=0, duration_s=0.1, confirmed_by="maybe")
    with pytest.raises(ValueError, match="stopped_by"):
        history.record_run(
            entry_id, exit_code=0, duration_s=0.1, confirmed_by="key", stopped_by="boredom"
        )
    assert history.get(99) is None
    assert history.get(entry_id) is not None and not history.get(entry_id).runs  # type: ignore[union-attr]


def _found(history: History, text: str | None, **kwargs: object) -> list[str]:
    names = {
        "compress the logs folder": "tar",
        "which folders are biggest": "du",
        "delete the build output": "rm",
        "show lines with 100% in them": "pct",
        "write me a poem": "none",
    }
    return [names[e.request] for e in history.search(text, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, ["none", "pct", "rm", "du", "tar"]),  # everything, newest first
        ("tar", ["tar"]),
        ("TAR CZF", ["tar"]),  # case does not matter; every word must occur
        ("ompres", ["tar"]),  # inside a word, like Ctrl+R
        ("folder", ["du", "tar"]),  # in the request
        ("head", ["du"]),  # in an edit only
        ("sort biggest", ["du"]),  # one word in the command, one in the request
        ("rm", ["rm"]),  # shorter than a trigram
        ("du ls", []),  # "ls" occurs nowhere
        ("100%", ["pct"]),  # % and _ are plain text, not patterns
        ("1_0", []),
        ('"100', []),  # quotes do not break the FTS query
        ("'100%'", ["pct"]),
    ],
)
def test_search(history: History, text: str | None, expected: list[str]) -> None:
    _fill(history)
    assert _found(history, text) == expected


def test_search_filters_and_limit(history: History) -> None:
    _fill(history)
    assert _found(history, None, cwd="/srv/app") == ["rm", "tar"]
    assert _found(history, None, ran_only=True) == ["rm"]
    assert _found(history, "build", ran_only=True) == ["rm"]
    assert _found(history, None, limit=2) == ["none", "pct"]
    assert _found(history, "o", limit=0) == []


def test_search_folds_case_beyond_ascii(history: History) -> None:
    history.record_request("Покажи файлы", cwd="/", command="ls")
    assert [e.request for e in history.search("покажи")] == ["Покажи файлы"]
    assert [e.request for e in history.search("ФАЙ")] == ["Покажи файлы"]


def test_the_index_catches_up_after_writes_without_fts5(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    with History.open(path, fts=True) as history:
        history.record_request("first with fts", cwd="/", command="echo one")
    # A caro whose SQLite lacks FTS5 drops the triggers that feed the index, then writes.
    with History.open(path, fts=False) as history:
        entry_id = history.record_request("second without", cwd="/", command="echo two")
        history.record_edit(entry_id, "echo two edited")
    with History.open(path, fts=True) as history:
        assert history.uses_fts
        assert [e.command for e in history.search("without")] == ["echo two"]
        assert [e.command for e in history.search("edited")] == ["echo two"]
        assert len(history.search("echo")) == 2
        history.record_request("third", cwd="/", command="echo three")
        assert [e.command for e in history.search("three")] == ["echo three"]


def test_threads_share_one_history(tmp_path: Path) -> None:
    history = History.open(tmp_path / "h.sqlite3")

    def write(name: str) -> None:
        for number in range(50):
            entry_id = history.record_request(f"{name} {number}", cwd="/", command="true")
            history.record_run(entry_id, exit_code=0, duration_s=0.0, confirmed_by="none")

    threads = [threading.Thread(target=write, args=(f"t{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert history.count() == 200
    assert len(history.search(ran_only=True, limit=1000)) == 200


# -- damage and versions ----------------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    junk = b"this is not SQLite\n" * 300
    path.write_bytes(junk)
    with History.open(path) as history:
        recovery = history.recovery
        assert recovery is not None
        assert recovery.path == path and recovery.moved_to.read_bytes() == junk
        assert recovery.moved_to.name.startswith("history.sqlite3.damaged-")
        assert str(path) in recovery.describe() and str(recovery.moved_to) in recovery.describe()
        history.record_request("after recovery", cwd="/", command="ls")
    with History.open(path) as history:
        assert history.recovery is None and history.count() == 1


def test_a_damaged_schema_page_is_moved_aside_with_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        history.record_request("before the damage", cwd="/", command="ls")
        history._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # page 1 holds sqlite_master
    path.write_bytes(bytes(data))
    with History.open(path) as history:
        assert history.recovery is not None
        assert "malformed" in history.recovery.reason or "not a database" in (
            history.recovery.reason
        )
        assert history.recovery.moved_to.read_bytes() == bytes(data)
        assert history.count() == 0


def test_a_damaged_database_that_cannot_be_moved_is_reported_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"junk" * 1000)

    def refuse(_path: Path) -> Path:
        raise PermissionError(13, "Permission denied")  # a read-only folder, say

    monkeypatch.setattr(store, "move_aside", refuse)
    with pytest.raises(HistoryError, match="could not be moved aside") as caught:
        History.open(path)
    assert str(path) in str(caught.value) and "not a database" in str(caught.value)
    assert path.read_bytes() == b"junk" * 1000


def test_a_database_from_a_newer_caro_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        history.record_request("kept", cwd="/", command="ls")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(HistoryError, match="newer caro") as caught:
        History.open(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.damaged-*"))


def _add_tags(conn: sqlite3.Connection) -> None:
    conn.execute("ALTER TABLE requests ADD COLUMN tag TEXT")
    conn.execute("UPDATE requests SET tag = 'from v1'")


def test_an_older_database_is_migrated_and_keeps_its_records(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    v1 = history_schema.MIGRATIONS[:1]
    with History.open(path, migrations=v1) as history:
        entry_id = history.record_request("old record", cwd="/", command="ls")
        history.record_run(entry_id, exit_code=0, duration_s=0.1, confirmed_by="key")
    with History.open(path, migrations=(*v1, _add_tags)) as history:
        assert history.search("old")[0].runs[0].exit_code == 0
        tags = history._conn.execute("SELECT tag FROM requests").fetchall()
        assert tags == [("from v1",)]
        assert history_schema.version(history._conn) == 2


def test_a_failing_migration_leaves_the_old_version_intact(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    v1 = history_schema.MIGRATIONS[:1]
    with History.open(path, migrations=v1) as history:
        history.record_request("old record", cwd="/", command="ls")

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    with pytest.raises(RuntimeError, match="migration bug"):
        History.open(path, migrations=(*v1, _add_tags, broken))
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    assert [c[1] for c in conn.execute("PRAGMA table_info(requests)") if c[1] == "tag"] == []
    assert conn.execute("SELECT request FROM requests").fetchall() == [("old record",)]


def test_an_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(HistoryError, match="cannot create its folder") as caught:
        History.open(blocker / "sub" / "history.sqlite3")
    assert str(blocker) in str(caught.value)
