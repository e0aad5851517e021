"""What the retrieved examples say about the answer: which utility they agree on, how much
each utility is backed, and an order of them that shows another utility closest to the request.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.core.examples import Scored


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
