"""How long several answers asked at once took, and how long they would have taken one after
another.

Each answer's span (from asking to its end) includes any time it waited for an engine another
answer held: two backends on the one llama.cpp thread take turns, so the second one's span
holds the first one's whole answer. Adding the spans would count that wait twice. What an
answer would cost alone is its engine's own working time (its timings: loading, then
answering); the span stands in only when there are no timings (a failure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.backends.base import Timings


@dataclass(frozen=True)
class Span:
    """One answer: when it was asked and ended (perf_counter seconds), and its timings."""

    started: float
    ended: float
    timings: Timings | None = None

    @property
    def work_s(self) -> float:
        """The engine's own time on this answer, never more than the span itself."""
        span = max(0.0, self.ended - self.started)
        if self.timings is None:
            return span
        return min(span, self.timings.total_s + (self.timings.load_s or 0.0))


def wall_time(spans: Sequence[Span]) -> float | None:
    """From the first ask to the last end; None for no answers."""
    if not spans:
        return None
    return max(s.ended for s in spans) - min(s.started for s in spans)


def one_after_another(spans: Sequence[Span]) -> float | None:
    """The time the same answers would take asked one after another: their work added up."""
    if not spans:
        return None
    return sum(s.work_s for s in spans)
