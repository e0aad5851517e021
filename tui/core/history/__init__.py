"""The history: every request, the command the model gave, the person's edits, and each run.

    from tui.core.history import History
    with History.open() as history:          # paths.history_db(), created on first use
        entry_id = history.record_request("list files", cwd="/tmp", command="ls -la", ...)
        history.record_edit(entry_id, "ls -lah")
        history.record_run(entry_id, exit_code=0, duration_s=0.02, confirmed_by="key")
        history.search("ls", limit=20, ran_only=True)

Modules: model (Entry, Run, errors), schema (tables, versions, migrations), search (words to
SQL, the optional FTS5 index), store (History: connection, transactions, recovery), executed
(after a run: the history and the shell's own history file in one call).
"""

from tui.core.history.model import (
    CONFIRMATIONS,
    Edit,
    Entry,
    HistoryError,
    Recovery,
    Run,
)
from tui.core.history.store import History

__all__ = ["CONFIRMATIONS", "Edit", "Entry", "History", "HistoryError", "Recovery", "Run"]
