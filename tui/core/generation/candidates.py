"""What the retrieved examples say about the answer (which utility they agree on, how much
each utility is backed, an order of them that shows another utility closest to the request),
and which request each try of one answer sends.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from tui.core.backends.base import GenerationRequest, Message
from tui.core.generation.examples import Scored


def utility_support(examples: Sequence[Scored]) -> dict[str, float]:
    """Each utility's share of the retrieved examples' scores."""
    weights: dict[str, float] = {}
    for scored in examples:
        utility = scored.example.utility
        if utility:
            weights[utility] = weights.get(utility, 0.0) + scored.score
    total = sum(weights.values())
    return {u: w / total for u, w in weights.items()} if total > 0 else {}


def reorder_for(examples: Sequence[Scored], avoid: set[str]) -> list[Scored] | None:
    """The examples with the closest one whose utility is not in `avoid` moved to the front
    (the front is shown last, nearest the request); None when every example is avoided."""
    for position, scored in enumerate(examples):
        utility = scored.example.utility
        if utility and utility not in avoid:
            return [scored, *examples[:position], *examples[position + 1 :]]
    return None


def vote_utility(examples: Sequence[Scored]) -> tuple[str | None, float]:
    """The utility the closest examples agree on, and how strongly (share of the score)."""
    weights: dict[str, float] = {}
    for scored in examples:
        utility = scored.example.utility
        if utility:
            weights[utility] = weights.get(utility, 0.0) + scored.score
    if not weights:
        return None, 0.0
    utility, weight = max(weights.items(), key=lambda item: item[1])
    return utility, weight / sum(weights.values())


# Later tries without another utility to show sample the same prompt this hot.
RETRY_TEMPERATURE = 0.7


def with_prefix(base: GenerationRequest, utility: str) -> GenerationRequest:
    """`base` with the answer started by `utility`; the line's end is then the answer's end."""
    sampler = replace(base.sampler, stop=(*base.sampler.stop, "\n"))
    return replace(base, response_prefix=utility, sampler=sampler)


def rescue_utilities(examples: Sequence[Scored], voted: str | None, count: int) -> list[str]:
    """The utilities an answer may be started with when the model gave no command: the voted
    one, then the others by how much the examples back them."""
    support = utility_support(examples)
    ranked = sorted(support, key=lambda u: -support[u])
    if voted in support:
        ranked.remove(voted)
        ranked.insert(0, voted)
    return ranked[:count]


@dataclass
class Tries:
    """Which request each try of one answer sends.

    The base prompt first. After an answer that held no command, the answer started with a
    utility the examples back (`rescues`: a prefix keeps a small model from writing prose).
    When an answer did not use the voted utility, the voted utility's prefix (`fallback`, a
    lever). Otherwise, with `others` (utilities ranked by the examples' backing), the answer
    started with the best-backed utility no answer used yet: the prompt stays the same, so an
    engine reuses all of its state. Otherwise the examples reordered so that another utility is
    closest to the request (`rebuild` turns them into messages), or the same prompt sampled
    hotter.
    """

    base: GenerationRequest
    examples: Sequence[Scored]
    rebuild: Callable[[Sequence[Scored]], tuple[Message, ...]]
    diverse: bool
    voted: str | None
    fallback: GenerationRequest | None = None
    rescues: list[GenerationRequest] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    tried: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)

    def answered(self, utility: str | None) -> None:
        if utility:
            self.tried.add(utility)
            self.seen.add(utility)

    def next(self, index: int, last_had_command: bool) -> GenerationRequest:
        if index == 0:
            return self.base
        if not last_had_command and self.rescues:
            return self._take(self.rescues.pop(0))
        if self.fallback is not None and self.voted not in self.seen:
            return self._take(self.fallback)
        return self._other(index)

    def _take(self, request: GenerationRequest) -> GenerationRequest:
        """Uses a prefixed request, and drops the others that start with the same utility."""
        prefix = request.response_prefix
        if prefix in self.others:
            self.others.remove(prefix)
        if self.fallback is not None and self.fallback.response_prefix == prefix:
            self.fallback = None
        self.rescues = [r for r in self.rescues if r.response_prefix != prefix]
        return request

    def _other(self, index: int) -> GenerationRequest:
        fresh = [utility for utility in self.others if utility not in self.seen]
        if fresh:
            return self._take(with_prefix(self.base, fresh[0]))
        if self.diverse:
            reordered = reorder_for(self.examples, self.tried)
            if reordered is not None:
                self.tried.add(reordered[0].example.utility or "")
                messages = self.rebuild(reordered)
                return replace(self.base, messages=(self.base.messages[0], *messages))
        sampler = replace(self.base.sampler, temperature=RETRY_TEMPERATURE, seed=1000 + index)
        return replace(self.base, sampler=sampler)
