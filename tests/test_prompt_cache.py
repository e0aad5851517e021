"""The prompt cache on its own: match modes, eviction, namespaces, copies, threads.

States here are lists of the tokens an "engine" has processed (a stand-in for a KV cache that
shows exactly which tokens it holds), so every test can check what a fetched state contains.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

from tui.core import config
from tui.core.backends.embedded.prompt_cache import PromptCache

State = list[int]


class ListOps:
    """Copy, trim and size for list states; `copies` counts copies made."""

    def __init__(self, trimmable: bool = True) -> None:
        self.can_trim = trimmable
        self.copies = 0

    def copy(self, state: State) -> State:
        self.copies += 1
        return list(state)

    def trim(self, state: State, keep: int) -> State | None:
        if not self.can_trim:
            return None
        del state[keep:]
        return state

    def trimmable(self, state: State) -> bool:
        return self.can_trim

    def nbytes(self, state: State) -> int:
        return 100 * len(state)


def make(max_entries: int = 10, max_bytes: int | None = None) -> PromptCache[State]:
    return PromptCache(ListOps(), max_entries=max_entries, max_bytes=max_bytes)


def put(cache: PromptCache[State], tokens: list[int], namespace: str = "m") -> None:
    cache.insert(namespace, tokens, list(tokens))


# -- match modes ------------------------------------------------------------------------------


def test_a_miss_returns_every_token_to_process() -> None:
    cache = make()
    put(cache, [1, 2, 3])
    hit = cache.fetch("m", [7, 8, 9])
    assert (hit.kind, hit.state, hit.cached_tokens, hit.remaining) == ("miss", None, 0, (7, 8, 9))


def test_exact_match_still_leaves_one_token_to_process() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4, 5, 6])
    hit = cache.fetch("m", [1, 2, 3, 4, 5, 6])
    assert hit.kind == "exact"
    assert hit.state == [1, 2, 3, 4, 5]
    assert hit.remaining == (6,)


def test_shorter_prefix_is_reused_and_only_the_rest_processed() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4, 5, 6])
    hit = cache.fetch("m", [1, 2, 3, 4, 5, 6, 7, 8])
    assert hit.kind == "shorter"
    assert hit.state == [1, 2, 3, 4, 5, 6]
    assert hit.remaining == (7, 8)


def test_longer_sequence_is_copied_and_trimmed_to_the_common_prefix() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4, 5, 6])
    hit = cache.fetch("m", [1, 2, 3, 9, 9])
    assert hit.kind == "longer"
    assert hit.state == [1, 2, 3]
    assert hit.remaining == (9, 9)


def test_longer_sequence_covering_the_whole_query_leaves_one_token() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4, 5, 6])
    hit = cache.fetch("m", [1, 2, 3])
    assert (hit.kind, hit.state, hit.remaining) == ("longer", [1, 2], (3,))


def test_longer_beats_a_shorter_prefix_only_when_it_covers_more() -> None:
    cache = make()
    put(cache, [1, 2, 3])
    put(cache, [1, 2, 3, 4, 5, 6, 7])
    hit = cache.fetch("m", [1, 2, 3, 4, 5, 9])
    assert (hit.kind, hit.state, hit.remaining) == ("longer", [1, 2, 3, 4, 5], (9,))
    # Here the longer one covers no more than the stored prefix: the prefix needs no trim.
    hit = cache.fetch("m", [1, 2, 3, 8, 8])
    assert (hit.kind, hit.state, hit.remaining) == ("shorter", [1, 2, 3], (8, 8))


def test_the_nearest_longer_sequence_is_chosen() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4, 5, 6, 7, 8])
    put(cache, [1, 2, 3, 4, 6])
    hit = cache.fetch("m", [1, 2, 3, 4, 9])
    assert hit.kind == "longer" and hit.state == [1, 2, 3, 4]
    assert cache.ops.copies >= 1  # type: ignore[attr-defined]


def test_single_token_prefixes_are_not_matched() -> None:
    cache = make()
    put(cache, [1, 2, 3])
    assert cache.fetch("m", [1, 9, 9]).kind == "miss"  # common prefix of one token
    assert cache.fetch("m", [1]).kind == "miss"
    put(cache, [5, 6])
    assert cache.fetch("m", [5, 6, 7]).kind == "shorter"  # two tokens are matched


def test_untrimmable_states_are_used_only_as_prefixes() -> None:
    cache: PromptCache[State] = PromptCache(ListOps(trimmable=False))
    cache.insert("m", [1, 2, 3, 4], [1, 2, 3, 4])
    assert cache.fetch("m", [1, 2, 3, 4, 5]).kind == "shorter"
    assert cache.fetch("m", [1, 2, 3, 9]).kind == "miss"
    assert cache.fetch("m", [1, 2, 3, 4]).kind == "miss"  # exact would need a trim


def test_stats_count_each_kind() -> None:
    cache = make()
    put(cache, [1, 2, 3, 4])
    for query in ([1, 2, 3, 4], [1, 2, 3, 4, 5], [1, 2, 9], [8, 8]):
        cache.fetch("m", query)
    stats = cache.stats
    assert (stats.exact, stats.shorter, stats.longer, stats.miss) == (1, 1, 1, 1)


# -- eviction ---------------------------------------------------------------------------------


def test_eviction_by_count_drops_the_least_recently_used() -> None:
    cache = make(max_entries=3)
    for first in (1, 2, 3):
        put(cache, [first, 0, 0])
    cache.fetch("m", [1, 0, 0, 5])  # a hit makes [1, 0, 0] the most recently used
    put(cache, [4, 0, 0])
    assert sorted(cache.keys("m")) == [(1, 0, 0), (3, 0, 0), (4, 0, 0)]
    assert cache.stats.evictions == 1
    assert cache.fetch("m", [2, 0, 0, 1]).kind == "miss"


def test_eviction_by_bytes() -> None:
    cache = make(max_bytes=1000)  # ListOps: 100 bytes per token
    put(cache, [1, 1, 1, 1])  # 400
    put(cache, [2, 2, 2, 2])  # 800
    put(cache, [3, 3, 3, 3])  # 1200 -> the oldest goes
    assert cache.keys("m") == [(2, 2, 2, 2), (3, 3, 3, 3)]
    assert cache.nbytes == 800
    put(cache, list(range(20)))  # 2000 bytes on its own: nothing fits
    assert len(cache) == 0 and cache.nbytes == 0


def test_replacing_an_entry_counts_its_bytes_once() -> None:
    cache = make()
    put(cache, [1, 2, 3])
    put(cache, [1, 2, 3])
    assert len(cache) == 1 and cache.nbytes == 300


def test_removed_entries_leave_no_dead_branches() -> None:
    cache = make(max_entries=1)
    put(cache, [1, 2, 3, 4])
    put(cache, [1, 2, 9])
    assert cache.keys("m") == [(1, 2, 9)]
    hit = cache.fetch("m", [1, 2, 3, 4, 5])
    assert (hit.kind, hit.state) == ("longer", [1, 2])
    cache.clear()
    assert len(cache) == 0 and cache.nbytes == 0 and cache.fetch("m", [1, 2, 9]).kind == "miss"


# -- namespaces and copies --------------------------------------------------------------------


def test_namespaces_are_separate() -> None:
    cache = make()
    cache.insert("model-a", [1, 2, 3], [1, 2, 3])
    assert cache.fetch("model-b", [1, 2, 3, 4]).kind == "miss"
    assert cache.fetch("model-a", [1, 2, 3, 4]).kind == "shorter"
    cache.clear("model-a")
    assert cache.fetch("model-a", [1, 2, 3, 4]).kind == "miss"


def test_fetched_states_are_copies_and_inserted_states_are_copied() -> None:
    cache = make()
    mine = [1, 2, 3]
    cache.insert("m", [1, 2, 3], mine)
    mine.append(99)  # the caller keeps using its state
    first = cache.fetch("m", [1, 2, 3, 4]).state
    assert first == [1, 2, 3]
    assert first is not None
    first.append(42)  # the caller extends its copy
    second = cache.fetch("m", [1, 2, 3, 4]).state
    assert second == [1, 2, 3] and second is not first


def test_owned_states_are_not_copied_on_insert() -> None:
    ops = ListOps()
    cache: PromptCache[State] = PromptCache(ops)
    cache.insert("m", [1, 2, 3], [1, 2, 3], owned=True)
    assert ops.copies == 0


def test_rejects_a_cache_that_holds_nothing() -> None:
    with pytest.raises(ValueError):
        PromptCache(ListOps(), max_entries=0)


# -- threads ----------------------------------------------------------------------------------


def next_token(history: list[int]) -> int:
    """A deterministic 'model': the next token depends on the whole history."""
    return (sum((i + 1) * t for i, t in enumerate(history)) * 2654435761) % 50


def generate(state: State, remaining: tuple[int, ...], n: int) -> list[int]:
    """Processes the remaining prompt into the state, then appends n generated tokens."""
    for token in remaining:
        state.append(token)
        time.sleep(0)  # let other threads run in the middle of a generation
    out = []
    for _ in range(n):
        token = next_token(state)
        out.append(token)
        state.append(token)
        time.sleep(0)
    return out


def test_many_threads_get_uncached_results_and_corrupt_nothing() -> None:
    cache = make(max_entries=6)
    rng = random.Random(7)
    systems = [[rng.randrange(50) for _ in range(12)] for _ in range(3)]
    prompts = [
        rng.choice(systems) + [rng.randrange(50) for _ in range(rng.randrange(1, 6))]
        for _ in range(120)
    ]
    expected = {tuple(p): generate([], tuple(p), 6) for p in prompts}
    failures: list[str] = []

    def worker(chunk: list[list[int]]) -> None:
        for prompt in chunk:
            hit = cache.fetch("m", prompt)
            state = hit.state if hit.state is not None else []
            if state != prompt[: hit.cached_tokens]:
                failures.append(f"fetched state {state} for {prompt}")
            out = generate(state, hit.remaining, 6)
            if out != expected[tuple(prompt)]:
                failures.append(f"{prompt}: {out} != {expected[tuple(prompt)]}")
            cache.insert("m", prompt[:12], state[:12])  # the shared "system prompt"
            cache.insert("m", prompt + out, state)

    threads = [threading.Thread(target=worker, args=(prompts[i::8],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    stats = cache.stats
    assert stats.exact + stats.longer + stats.shorter > 60  # the cache was really used
    for key in cache.keys("m"):
        hit = cache.fetch("m", [*key, 0])
        assert hit.kind == "shorter" and hit.state == list(key)  # nothing stored was changed


def test_the_config_carries_the_cache_settings(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[backends.embedded-cpu]\nprompt_cache = false\nmax_cache_entries = 3\n"
        "max_kv_size = 1000000\n[backends.mlx]\nenabled = true\nthreads = 4\ngpu = true\n"
    )
    loaded = config.load(path, env={})
    embedded = loaded.backend("embedded-cpu")
    assert (embedded.prompt_cache, embedded.max_cache_entries, embedded.max_kv_size) == (
        False,
        3,
        1000000,
    )
    assert loaded.backend("mlx").enabled and loaded.backend("mlx").kind == "mlx"
    shown = config.show(loaded)
    assert "prompt_cache = false" in shown and "max_kv_size = 1000000" in shown
    path.write_text("[backends.embedded-cpu]\nmax_cache_entries = 0\n")
    with pytest.raises(config.ConfigError) as raised:
        config.load(path, env={})
    assert "max_cache_entries" in str(raised.value)
