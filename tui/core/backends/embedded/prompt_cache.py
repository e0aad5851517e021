"""A thread-safe LRU cache of prompt states (KV caches) keyed by token sequences.

Engine-agnostic: an engine supplies `StateOps` that copy, trim and measure its states (mlx-lm's
per-layer KV caches, llama.cpp's saved states). Keys live in one token trie per namespace (one
namespace per loaded model), so the longest reusable prefix of a prompt is found by walking it.

A fetch finds, in this order of preference, the state that saves the most prefill:
  * exact: a state for exactly these tokens. It is trimmed by one token, because an engine
    needs at least one token to process to produce logits;
  * longer: a state for a sequence that extends the common prefix further than any stored
    shorter prefix; it is trimmed back to the common prefix (at most len(tokens) - 1);
  * shorter: the longest stored proper prefix of the tokens;
  * miss.
A reusable prefix of a single token is never matched (it saves nothing and would pin states).

Stored states are never mutated: `insert` stores a copy (unless told it hands over ownership)
and `fetch` returns a fresh copy made outside the lock, so two concurrent requests never share
a mutable KV state. Eviction is least-recently-used (a hit refreshes an entry), by entry count
and by bytes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

S = TypeVar("S")

MatchKind = Literal["exact", "longer", "shorter", "miss"]
MIN_PREFIX = 2  # reusable prefixes shorter than this are not matched


class StateOps(Protocol[S]):
    """What the cache needs to know about one engine's states."""

    def copy(self, state: S) -> S:
        """An independent copy: mutating it must never change `state`."""
        ...

    def trim(self, state: S, keep: int) -> S | None:
        """`state` (a copy the caller owns) cut to its first `keep` tokens; None if impossible."""
        ...

    def trimmable(self, state: S) -> bool: ...

    def nbytes(self, state: S) -> int: ...


@dataclass(frozen=True)
class CacheHit(Generic[S]):
    """A fetched state (the caller's own copy) and the tokens still to process."""

    state: S | None
    cached_tokens: int
    remaining: tuple[int, ...]
    kind: MatchKind


@dataclass
class _Entry(Generic[S]):
    state: S
    nbytes: int
    trimmable: bool


@dataclass
class _Node(Generic[S]):
    children: dict[int, _Node[S]] = field(default_factory=dict)
    entry: _Entry[S] | None = None


@dataclass(frozen=True)
class _Candidate(Generic[S]):
    key: tuple[int, ...]
    entry: _Entry[S]
    usable: int  # tokens of the query it covers once trimmed
    kind: MatchKind


@dataclass
class CacheStats:
    exact: int = 0
    longer: int = 0
    shorter: int = 0
    miss: int = 0
    inserts: int = 0
    evictions: int = 0


class PromptCache(Generic[S]):
    def __init__(
        self, ops: StateOps[S], *, max_entries: int = 10, max_bytes: int | None = None
    ) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.ops = ops
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.stats = CacheStats()
        self._lock = threading.Lock()
        self._roots: dict[str, _Node[S]] = {}
        self._order: OrderedDict[tuple[str, tuple[int, ...]], _Entry[S]] = OrderedDict()
        self._nbytes = 0

    # -- reading -----------------------------------------------------------------------------

    def __len__(self) -> int:
        with self._lock:
            return len(self._order)

    @property
    def nbytes(self) -> int:
        with self._lock:
            return self._nbytes

    def keys(self, namespace: str) -> list[tuple[int, ...]]:
        """Stored token sequences of one namespace, least recently used first."""
        with self._lock:
            return [key for (space, key) in self._order if space == namespace]

    def fetch(self, namespace: str, tokens: Sequence[int]) -> CacheHit[S]:
        """The best state for `tokens`, as the caller's own copy (see the module docstring)."""
        query = tuple(tokens)
        with self._lock:
            found = self._search(namespace, query)
            if found is not None:
                self._order.move_to_end((namespace, found.key))
        hit = self._materialise(found, query)
        with self._lock:
            setattr(self.stats, hit.kind, getattr(self.stats, hit.kind) + 1)
        return hit

    def _materialise(self, found: _Candidate[S] | None, query: tuple[int, ...]) -> CacheHit[S]:
        # Runs outside the lock: stored states are immutable, so copying needs no lock, and a
        # slow copy (an MLX evaluation) does not hold up other threads.
        if found is None:
            return CacheHit(None, 0, query, "miss")
        state: S | None = self.ops.copy(found.entry.state)
        if found.usable < len(found.key):
            state = self.ops.trim(state, found.usable) if state is not None else None
            if state is None:
                return CacheHit(None, 0, query, "miss")
        return CacheHit(state, found.usable, query[found.usable :], found.kind)

    def _search(self, namespace: str, query: tuple[int, ...]) -> _Candidate[S] | None:
        node = self._roots.get(namespace)
        if node is None or len(query) < MIN_PREFIX:
            return None
        shorter: _Candidate[S] | None = None
        depth = 0
        for token in query:
            child = node.children.get(token)
            if child is None:
                break
            node, depth = child, depth + 1
            if child.entry is not None and depth < len(query) and depth >= MIN_PREFIX:
                shorter = _Candidate(query[:depth], child.entry, depth, "shorter")
        usable = min(depth, len(query) - 1)
        if usable < MIN_PREFIX or (shorter is not None and shorter.usable >= usable):
            return shorter
        nearest = _nearest_trimmable(node)
        if nearest is None:
            return shorter
        extra, entry = nearest
        kind: MatchKind = "exact" if depth == len(query) and not extra else "longer"
        return _Candidate(query[:depth] + extra, entry, usable, kind)

    # -- writing -----------------------------------------------------------------------------

    def insert(
        self, namespace: str, tokens: Sequence[int], state: S, *, owned: bool = False
    ) -> None:
        """Stores the state for exactly `tokens` (a copy, unless `owned` hands it over)."""
        key = tuple(tokens)
        if len(key) < MIN_PREFIX:
            return
        stored = state if owned else self.ops.copy(state)
        entry = _Entry(stored, self.ops.nbytes(stored), self.ops.trimmable(stored))
        with self._lock:
            self._remove(namespace, key)
            node = self._roots.setdefault(namespace, _Node())
            for token in key:
                node = node.children.setdefault(token, _Node())
            node.entry = entry
            self._order[(namespace, key)] = entry
            self._nbytes += entry.nbytes
            self.stats.inserts += 1
            self._evict()

    def clear(self, namespace: str | None = None) -> None:
        with self._lock:
            for space, key in list(self._order):
                if namespace is None or space == namespace:
                    self._remove(space, key)

    def _evict(self) -> None:
        while len(self._order) > self.max_entries or (
            self.max_bytes is not None and self._nbytes > self.max_bytes and self._order
        ):
            space, key = next(iter(self._order))
            self._remove(space, key)
            self.stats.evictions += 1

    def _remove(self, namespace: str, key: tuple[int, ...]) -> None:
        entry = self._order.pop((namespace, key), None)
        if entry is None:
            return
        self._nbytes -= entry.nbytes
        path = [self._roots[namespace]]
        for token in key:
            path.append(path[-1].children[token])
        path[-1].entry = None
        # Prune the branch back to the last node that still leads somewhere.
        for depth in range(len(key), 0, -1):
            node = path[depth]
            if node.entry is not None or node.children:
                break
            del path[depth - 1].children[key[depth - 1]]
        if not self._roots[namespace].children:
            del self._roots[namespace]


def _nearest_trimmable(node: _Node[S]) -> tuple[tuple[int, ...], _Entry[S]] | None:
    """The stored entry at or below `node` with the fewest extra tokens (breadth first)."""
    level: list[tuple[tuple[int, ...], _Node[S]]] = [((), node)]
    while level:
        for extra, current in level:
            if current.entry is not None and current.entry.trimmable:
                return extra, current.entry
        level = [
            ((*extra, token), child)
            for extra, current in level
            for token, child in current.children.items()
        ]
    return None
