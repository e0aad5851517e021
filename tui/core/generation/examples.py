"""Retrieval of the bank's examples closest to a request.

BM25 over the normalised words of each example's request and key, through an inverted index (a
lookup touches only the examples sharing a word with the request), plus a bonus for the
utilities the request names ("untar" -> tar, "ports" -> ss, lsof). The closest examples are then
grouped by utility, so that the model sees several uses (and flags) of the same utility rather
than one example each of many.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from tui.core.generation.bank import Example, shipped_files
from tui.core.generation.index_cache import BankIndex, build_index, cached_bank
from tui.core.generation.vocabulary import hinted_utilities, normalise_words

__all__ = ["Example", "ExampleBank", "Scored", "default_bank", "normalise_words"]

Installed = Callable[[str], bool]

_PROGRAM_NAME = re.compile(r"^[a-z][a-z0-9._+-]+$")
# Utilities of the bank that are also words a sentence of prose starts with.
_SENTENCE_WORDS = frozenset(
    "set let help say log kind complete enable exit black app port snap bundle security bind "
    "eject defaults compare pass http info".split()
)


@dataclass(frozen=True)
class Scored:
    example: Example
    score: float


class ExampleBank:
    """BM25 retrieval over the requests of a list of examples."""

    # Added to the score of an example whose utility the request names.
    HINT_BONUS = 4.0
    # Score kept by an example whose utility is not installed here (when that is known).
    NOT_INSTALLED = 0.8
    # How many retrieved examples to group, per example wanted.
    POOL = 10
    # Examples a program needs in the bank to count as one it teaches (see `programs`).
    PROGRAM_EXAMPLES = 4

    def __init__(self, examples: Sequence[Example], index: BankIndex | None = None) -> None:
        self.examples = tuple(examples)
        index = index or build_index(self.examples)
        self._utilities = index.utilities
        self._postings = index.postings
        self._idf = index.idf
        self._by_utility = index.by_utility
        self.utility_names = frozenset(index.by_utility)

    def __len__(self) -> int:
        return len(self.examples)

    def covers(self, utility: str) -> bool:
        return utility in self._by_utility

    @cached_property
    def programs(self) -> frozenset[str]:
        """The programs the bank teaches well enough to call an answer starting with one a
        command where it is not installed: shown in several examples, named like a program,
        and not an everyday word that starts a sentence ("set up...", "let me...")."""
        return frozenset(
            name
            for name, positions in self._by_utility.items()
            if len(positions) >= self.PROGRAM_EXAMPLES
            and _PROGRAM_NAME.match(name)
            and name not in _SENTENCE_WORDS
        )

    def scores(self, request: str, installed: Installed | None = None) -> dict[int, float]:
        """Score of every example that shares a word with the request or has a named utility."""
        scores: dict[int, float] = {}
        for word in set(normalise_words(request)):
            idf = self._idf.get(word)
            if idf is None:
                continue
            for position, weight in self._postings[word]:
                scores[position] = scores.get(position, 0.0) + idf * weight
        for utility in hinted_utilities(request, self.utility_names):
            for position in self._by_utility.get(utility, ()):
                scores[position] = scores.get(position, 0.0) + self.HINT_BONUS
        if installed is not None:
            for position in scores:
                used = self._utilities[position]
                if used and not installed(used):
                    scores[position] *= self.NOT_INSTALLED
        return scores

    def search(
        self,
        request: str,
        k: int,
        *,
        per_utility: int = 0,
        installed: Installed | None = None,
    ) -> list[Scored]:
        """The k examples closest to the request, best first (only those sharing a word or
        naming a utility). With `per_utility`, up to that many examples of the best utility
        come first, then the best example of each next utility."""
        if k <= 0:
            return []
        scores = self.scores(request, installed)
        pool = heapq.nlargest(
            k * self.POOL if per_utility else k,
            scores.items(),
            key=lambda item: (item[1], -item[0]),
        )
        if per_utility:
            pool = _grouped(pool, self._utilities, k, per_utility)
        return [Scored(self.examples[position], score) for position, score in pool[:k]]

    def spread(self, k: int) -> list[Scored]:
        """k examples from different categories, the same for every request."""
        if k <= 0:
            return []
        chosen: list[Scored] = []
        seen: set[str] = set()
        for example in self.examples:
            if example.category not in seen:
                seen.add(example.category)
                chosen.append(Scored(example, 1.0))
            if len(chosen) == k:
                break
        return chosen


def _grouped(
    ranked: list[tuple[int, float]], utilities: list[str | None], k: int, per_utility: int
) -> list[tuple[int, float]]:
    """The best utility's examples first (up to per_utility), then one of each next utility
    (so that a later candidate can be shown another utility)."""
    groups: dict[str, list[tuple[int, float]]] = {}
    for item in ranked:
        groups.setdefault(utilities[item[0]] or "", []).append(item)
    chosen: list[tuple[int, float]] = []
    for rank, members in enumerate(groups.values()):  # by each utility's best score
        chosen.extend(members[: per_utility if rank == 0 else 1])
        if len(chosen) >= k:
            break
    if len(chosen) < k:  # few utilities: fill with the best of the rest
        taken = {position for position, _ in chosen}
        chosen.extend(item for item in ranked if item[0] not in taken)
    return chosen[:k]


@cache
def default_bank() -> ExampleBank:
    """The bank shipped with caro (every file of tui/core/data/bank/), indexed once; the
    index is kept on disk keyed by the bank's digest."""
    return ExampleBank(*cached_bank(shipped_files()))
