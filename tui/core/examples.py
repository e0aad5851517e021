"""caro's own bank of request -> command examples, and retrieval of the closest ones.

Retrieval is BM25 over normalised words of the request: cheap (no model, no index file), and
good at the thing small models need most, an example that already uses the right utility.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from tui.core.shellwords import first_utility

_WORD = re.compile(r"[a-z0-9]+(?:[._+-][a-z0-9]+)*")
_STOPWORDS = frozenset(
    """
    a an the of to in on for with and or all any me my i you your please can could would how
    do does is are be it its this that these those there here what which who whose show give
    get tell want need using use by from into at as some every each
    """.split()
)
# Spellings of one idea, mapped to one word so that requests and examples meet.
_SYNONYMS = {
    "folder": "directory",
    "folders": "directory",
    "dir": "directory",
    "dirs": "directory",
    "directories": "directory",
    "biggest": "largest",
    "big": "large",
    "huge": "large",
    "erase": "delete",
    "remove": "delete",
    "rm": "delete",
    "copy": "copy",
    "duplicate": "copy",
    "rename": "move",
    "mv": "move",
    "lookup": "search",
    "locate": "find",
    "look": "search",
    "seek": "search",
    "occurrences": "search",
    "contain": "containing",
    "contains": "containing",
    "program": "process",
    "programs": "process",
    "app": "process",
    "task": "process",
    "compress": "archive",
    "zip": "archive",
    "tarball": "archive",
    "unpack": "extract",
    "unzip": "extract",
    "decompress": "extract",
    "untar": "extract",
    "storage": "disk",
    "space": "disk",
    "ram": "memory",
    "mem": "memory",
    "internet": "network",
    "web": "url",
    "download": "fetch",
    "fetch": "fetch",
    "lines": "line",
    "count": "count",
    "number": "count",
    "kill": "stop",
    "terminate": "stop",
    "end": "stop",
    "halt": "stop",
    "launch": "start",
    "run": "start",
    "container": "docker",
    "containers": "docker",
    "image": "docker",
    "images": "docker",
    "service": "systemd",
    "services": "systemd",
    "daemon": "systemd",
    "logs": "log",
    "install": "install",
    "installed": "install",
    "modified": "changed",
    "edited": "changed",
    "updated": "changed",
    "recent": "changed",
    "latest": "newest",
    "hidden": "hidden",
    "dotfiles": "hidden",
    "repo": "git",
    "repository": "git",
    "commit": "commit",
    "commits": "commit",
    "branch": "branch",
    "branches": "branch",
    "permission": "permissions",
    "perms": "permissions",
    "owner": "ownership",
}


def normalise_words(text: str) -> list[str]:
    words = []
    for word in _WORD.findall(text.lower()):
        if word in _STOPWORDS:
            continue
        word = _SYNONYMS.get(word, word)
        words.append(_stem(word))
    return words


def _stem(word: str) -> str:
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Example:
    request: str
    command: str
    category: str = ""

    @property
    def utility(self) -> str | None:
        return first_utility(self.command)


@dataclass(frozen=True)
class Scored:
    example: Example
    score: float


class ExampleBank:
    """BM25 retrieval over the requests of a list of examples."""

    K1 = 1.2
    B = 0.75

    def __init__(self, examples: Sequence[Example]) -> None:
        self.examples = tuple(examples)
        self._documents = [Counter(normalise_words(e.request)) for e in self.examples]
        lengths = [sum(d.values()) for d in self._documents]
        self._average_length = (sum(lengths) / len(lengths)) if lengths else 1.0
        self._lengths = lengths
        frequency: Counter[str] = Counter()
        for document in self._documents:
            frequency.update(document.keys())
        count = len(self._documents)
        self._idf = {
            word: math.log(1 + (count - n + 0.5) / (n + 0.5)) for word, n in frequency.items()
        }

    def __len__(self) -> int:
        return len(self.examples)

    def search(self, request: str, k: int) -> list[Scored]:
        """The k examples closest to the request, best first (only those sharing a word)."""
        query = set(normalise_words(request))
        scored: list[Scored] = []
        for example, document, length in zip(
            self.examples, self._documents, self._lengths, strict=True
        ):
            score = self._score(query, document, length)
            if score > 0:
                scored.append(Scored(example, score))
        scored.sort(key=lambda s: s.score, reverse=True)
        return scored[:k]

    def spread(self, k: int) -> list[Scored]:
        """k examples from different categories, the same for every request."""
        chosen: list[Scored] = []
        seen: set[str] = set()
        for example in self.examples:
            if example.category not in seen:
                seen.add(example.category)
                chosen.append(Scored(example, 1.0))
            if len(chosen) == k:
                break
        return chosen

    def _score(self, query: Iterable[str], document: Counter[str], length: int) -> float:
        score = 0.0
        norm = self.K1 * (1 - self.B + self.B * length / self._average_length)
        for word in query:
            tf = document.get(word, 0)
            if tf:
                score += self._idf[word] * tf * (self.K1 + 1) / (tf + norm)
        return score


def read_jsonl(text: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@cache
def default_bank() -> ExampleBank:
    """The bank shipped with caro (tui/core/data/examples.jsonl)."""
    text = resources.files("tui.core").joinpath("data/examples.jsonl").read_text(encoding="utf-8")
    return ExampleBank(
        [
            Example(row["request"], row["command"], row.get("category", ""))
            for row in read_jsonl(text)
        ]
    )
