"""The workbench's one way to show an error caro explains (a CaroError): a notification with
what happened and the fix, shown as plain text (a message quoting `[backends.x]` is not markup)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.display import safe_message
from tui.core.errors import CaroError

NOTICE_TIMEOUT_S = 10.0


def notice_text(error: CaroError, doing: str = "") -> str:
    """`doing: message`, then `fix: ...` on its own line when there is one."""
    head = f"{doing}: {error.message}" if doing else error.message
    fix = f"\nfix: {error.fix}" if error.fix else ""
    return safe_message(head + fix, multiline=True)


def notify_error(notify: Callable[..., Any], error: CaroError, doing: str = "") -> None:
    """Shows `error` through `notify` (an App's, a Screen's or a Widget's)."""
    notify(notice_text(error, doing), severity="error", timeout=NOTICE_TIMEOUT_S, markup=False)
