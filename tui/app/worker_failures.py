"""The one handler for a worker that failed: a notice on screen and a line in the log.

Every worker runs with `exit_on_error=False` (one broken answer must not end the workbench),
so an exception nobody caught would otherwise vanish. Textual tells only the node that ran the
worker (`Worker.StateChanged` does not bubble), so each node that runs workers hands its
event here from its `on_worker_state_changed`.
"""

from __future__ import annotations

import logging
from typing import Protocol

from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from tui.core.display import safe_message

logger = logging.getLogger("caro.workbench")


class Notifier(Protocol):
    def __call__(
        self,
        message: str,
        *,
        title: str = ...,
        severity: SeverityLevel = ...,
        timeout: float | None = ...,
        markup: bool = ...,
    ) -> None: ...


def describe(worker: Worker[object]) -> str:
    """What the worker was doing: its name, or its group when the name is only the function's
    (Textual names an unnamed worker after the function it runs)."""
    name = worker.name
    if not name or name.startswith(("_", "<")) or worker.group == "default":
        name = worker.group if worker.group != "default" else (name or "a background task")
    return name


def report_failed_worker(event: Worker.StateChanged, notify: Notifier) -> bool:
    """Says so when `event` is a worker ending in an error; True when it was one."""
    if event.state is not WorkerState.ERROR:
        return False
    error = event.worker.error
    what = describe(event.worker)
    detail = f"{type(error).__name__}: {error}" if error is not None else "no detail"
    logger.error("the workbench's %s failed: %s", what, detail, exc_info=error)
    # An exception's text may quote a server or a model: shown plainly, never as markup.
    notify(
        f"{safe_message(what)} failed: {safe_message(detail, multiline=True)}\n"
        "The workbench carries on; "
        "if this happens again, run `caro doctor` and report it with these words.",
        title="unexpected error",
        severity="error",
        timeout=15,
        markup=False,
    )
    return True
