"""What the front ends call: run a preview with the person's settings, combine it with the
static rating, word the result, and keep it in the history. Never raises for a preview that
cannot run: the reason comes back as a sentence with its fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.preview.limits import Limits, limits_for
from tui.core.preview.rating import with_preview
from tui.core.preview.report import Report, render
from tui.core.preview.sandbox import PreviewError, preview_command
from tui.core.safety.model import Assessment


@dataclass(frozen=True)
class Outcome:
    """A report, or why there is none (`error`, `fix`)."""

    report: Report | None
    error: str = ""
    fix: str = ""

    def as_dict(self) -> dict[str, Any]:
        if self.report is not None:
            return {"available": True, **self.report.as_dict()}
        return {"available": False, "reason": self.error, "fix": self.fix}

    def text(self) -> str:
        if self.report is not None:
            return render(self.report)
        fix = f"\n  fix: {self.fix}" if self.fix else ""
        return f"no preview: {self.error}{fix}"

    def rate(self, assessment: Assessment) -> Assessment:
        """The static assessment with what the preview showed (unchanged without one)."""
        return assessment if self.report is None else with_preview(assessment, self.report)


def configured_limits() -> Limits:
    """The limits with `[safety] preview_timeout_s` from the config (defaults when unreadable:
    the rest of caro reports a broken config file; a preview should still run)."""
    from tui.core import config as config_module

    try:
        return limits_for(config_module.load().safety.preview_timeout_s)
    except Exception:  # noqa: BLE001 - a broken config is reported elsewhere, with its line
        return Limits()


def run_preview(command: str, *, cwd: str | None = None, limits: Limits | None = None) -> Outcome:
    try:
        report = preview_command(command, cwd=cwd, limits=limits or configured_limits())
    except PreviewError as error:
        return Outcome(None, error.message, error.fix)
    return Outcome(report)


def record(entry_id: int | None, outcome: Outcome) -> str | None:
    """Stores the report with the history entry; a problem comes back as a sentence."""
    if entry_id is None or outcome.report is None:
        return None
    from tui.core.history import History, HistoryError

    try:
        with History.open() as history:
            history.record_preview(entry_id, outcome.report.command, outcome.report.as_dict())
    except HistoryError as error:
        return f"the preview was not recorded: {error}"
    return None
