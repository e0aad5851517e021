"""The limits on one answer: a wall-clock deadline for the whole of it, and a budget for the
reasoning text a model may stream before (and around) its command.

The per-read `timeout` of a served backend only bounds each wait; a server that keeps sending
(reasoning without end, keep-alives, content at two tokens a second) never trips it. These
limits do, for every backend, and their errors say which limit ran out and how to raise it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from tui.core.backends.base import BackendError, ErrorKind

# Without a configured deadline_s: this much, plus DEADLINE_PER_TOKEN_S for each token of
# max_tokens (an answer of max_tokens at two tokens a second, after a slow prefill, fits).
DEADLINE_BASE_S = 30.0
DEADLINE_PER_TOKEN_S = 0.5
# Without a configured reasoning_budget: this many reasoning pieces per token of max_tokens,
# and never fewer than REASONING_FLOOR.
REASONING_PER_TOKEN = 8
REASONING_FLOOR = 512
FALLBACK_MAX_TOKENS = 256


@dataclass(frozen=True)
class AnswerLimits:
    backend: str
    deadline_s: float
    reasoning_budget: int
    # Whether each came from the config (the message says "default" otherwise).
    deadline_configured: bool = False
    budget_configured: bool = False

    @classmethod
    def for_answer(
        cls,
        backend: str,
        max_tokens: int | None,
        deadline_s: float | None = None,
        reasoning_budget: int | None = None,
    ) -> AnswerLimits:
        tokens = max_tokens or FALLBACK_MAX_TOKENS
        return cls(
            backend=backend,
            deadline_s=deadline_s or default_deadline_s(tokens),
            reasoning_budget=reasoning_budget or max(REASONING_FLOOR, REASONING_PER_TOKEN * tokens),
            deadline_configured=deadline_s is not None,
            budget_configured=reasoning_budget is not None,
        )

    def deadline_at(self, started: float | None = None) -> float:
        """The time.monotonic() by which the answer must be in."""
        return (time.monotonic() if started is None else started) + self.deadline_s

    def deadline_error(self) -> BackendError:
        origin = "" if self.deadline_configured else ", the default for its max_tokens"
        raised = _round_up(self.deadline_s * 2)
        return BackendError(
            f"no complete answer within {self.deadline_s:g} s (the deadline for one answer"
            f"{origin}); the stream was closed",
            fix=f"raise it: `caro config set backends.{self.backend}.deadline_s {raised}`, "
            "or check the server: it kept the answer going without finishing it",
            kind=ErrorKind.DEADLINE,
            backend=self.backend,
        )

    def reasoning_error(self) -> BackendError:
        origin = "" if self.budget_configured else ", the default for its max_tokens"
        return BackendError(
            f"the model streamed more than {self.reasoning_budget} pieces of reasoning "
            f"(the reasoning budget{origin}); the stream was closed",
            fix=f"raise it: `caro config set backends.{self.backend}.reasoning_budget "
            f"{self.reasoning_budget * 2}`, or turn the model's thinking off, or use a model "
            "that does not reason",
            kind=ErrorKind.DEADLINE,
            backend=self.backend,
        )


def default_deadline_s(max_tokens: int) -> float:
    return DEADLINE_BASE_S + DEADLINE_PER_TOKEN_S * max_tokens


def _round_up(seconds: float) -> int:
    return max(1, int(seconds + 0.999))
