"""Quality of the generation pipeline on our dev set, one line per lever, measured in one run.

    .venv/bin/python bench/quality.py [--cases FILE] [--limit N] [--lever NAME ...]

Tune on tests/data/blind_dev_tune.jsonl or the old dev set; never on the blind holdout.

Each lever adds one thing to the one before it, so the table reads as a ladder. The score is the
share of predictions that use the same set of utilities as the reference, and the share that
was one usable command at all.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.backends.base import SamplerSettings
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import BackendConfig
from tui.core.generation.pipeline import DEFAULT_SAMPLER, GenerationSettings
from tui.core.measure.evaluation import (
    EVAL_CONTEXT,
    Case,
    CaseResult,
    load_cases,
    run_cases,
    summarise,
)

DEVSET = Path(__file__).resolve().parents[1] / "tests" / "data" / "devset.jsonl"
GREEDY = SamplerSettings(temperature=0.0, max_tokens=96)

LEVERS: dict[str, GenerationSettings] = {
    "plain few-shot": GenerationSettings(
        examples=4, candidates=1, utility_first=False, retrieval=False, sampler=GREEDY
    ),
    "+ retrieved examples": GenerationSettings(
        examples=4, candidates=1, utility_first=False, sampler=GREEDY
    ),
    "+ repeat penalty 1.1": GenerationSettings(
        examples=4, candidates=1, utility_first=False, sampler=replace(GREEDY, repeat_penalty=1.1)
    ),
    "+ utility first": GenerationSettings(
        examples=4, candidates=1, utility_first=True, sampler=replace(GREEDY, repeat_penalty=1.1)
    ),
    "+ best of 3": GenerationSettings(
        examples=4,
        candidates=3,
        utility_first=True,
        diverse_examples=False,
        sampler=replace(GREEDY, repeat_penalty=1.1),
    ),
    "retrieved, best of 3 (no prefix)": GenerationSettings(
        examples=4,
        candidates=3,
        utility_first=False,
        diverse_examples=False,
        sampler=replace(GREEDY, repeat_penalty=1.1),
    ),
    "8 examples, utility first": GenerationSettings(
        examples=8, candidates=1, utility_first=True, sampler=replace(GREEDY, repeat_penalty=1.1)
    ),
    "inline examples": GenerationSettings(
        examples=4,
        candidates=1,
        utility_first=False,
        example_style="inline",
        sampler=replace(GREEDY, repeat_penalty=1.1),
    ),
    "utility first if 60% agree": GenerationSettings(
        examples=4,
        candidates=1,
        utility_first=True,
        min_vote_share=0.6,
        sampler=replace(GREEDY, repeat_penalty=1.1),
    ),
    "6 examples, best of 3": GenerationSettings(
        examples=6, candidates=3, utility_first=False, diverse_examples=False, sampler=GREEDY
    ),
    "diverse best of 3": GenerationSettings(
        examples=4, candidates=3, diverse_examples=True, sampler=GREEDY
    ),
    "diverse best of 3, 6 examples": GenerationSettings(
        examples=6, candidates=3, diverse_examples=True, sampler=GREEDY
    ),
    "resampled best of 3 (old default)": GenerationSettings(
        examples=4, candidates=3, diverse_examples=False, sampler=DEFAULT_SAMPLER
    ),
    "diverse best of 3 + prefix fallback at 50%": GenerationSettings(
        prefix_fallback_share=0.5, sampler=DEFAULT_SAMPLER
    ),
    "diverse best of 3 + prefix fallback at 35%": GenerationSettings(
        prefix_fallback_share=0.35, sampler=DEFAULT_SAMPLER
    ),
    "shipped defaults": GenerationSettings(sampler=DEFAULT_SAMPLER),
    # Issue 14's levers, each the shipped defaults with one thing taken away.
    "defaults, old stopping (no line end)": GenerationSettings(stop_at_line_end=False),
    "defaults, examples by score (no grouping)": GenerationSettings(per_utility=0),
    "defaults, 3 per utility": GenerationSettings(per_utility=3),
    "defaults, no grounding": GenerationSettings(ground_below=0.0),
    "defaults, installed not preferred": GenerationSettings(prefer_installed=False),
    "defaults, 6 examples": GenerationSettings(examples=6),
    "defaults, 3 examples": GenerationSettings(examples=3),
    "defaults, one candidate": GenerationSettings(candidates=1),
    "one candidate, old stopping": GenerationSettings(candidates=1, stop_at_line_end=False),
    # The best-of-n levers on the issue 14 bank, each the shipped defaults with one change.
    "defaults, two candidates": GenerationSettings(candidates=2),
    "defaults, three candidates": GenerationSettings(candidates=3),
    # The defaults before issue 15's retries: three candidates, later ones reorder the examples.
    "before: three candidates, reordered retries": GenerationSettings(
        candidates=3, prefix_retries=False
    ),
    "defaults, resampled (not diverse) tries": GenerationSettings(diverse_examples=False),
    "defaults + prefix fallback at 50%": GenerationSettings(prefix_fallback_share=0.5),
    "defaults, no rescue tries": GenerationSettings(rescue=0),
    "one candidate, no rescue tries": GenerationSettings(candidates=1, rescue=0),
    # Issue 15: later tries that reorder the examples (the default before prefix retries, which
    # keep the prompt, so that the engine reuses its state, and start the answer with another
    # backed utility).
    "defaults, retries reorder the examples": GenerationSettings(prefix_retries=False),
    "before: retries decode up to max_tokens, loops caught later": GenerationSettings(
        retry_token_share=None, early_loops=False
    ),
    "defaults, retries decode at most 48 tokens": GenerationSettings(
        retry_token_share=0.5, early_loops=False
    ),
    # Issue 15: fewer retrieved examples to prefill; fixed ones are reused from the cache.
    "defaults, 2 examples": GenerationSettings(examples=2),
    "2 fixed + 2 retrieved examples": GenerationSettings(examples=2, fixed_examples=2),
    "2 fixed + 3 retrieved examples": GenerationSettings(examples=3, fixed_examples=2),
    "before: 4 retrieved, none fixed": GenerationSettings(examples=4, fixed_examples=0),
    # Issue 15: less decoding and prefill per request.
    "defaults, loops caught sooner": GenerationSettings(early_loops=True, retry_token_share=None),
    "defaults, at most 64 tokens": GenerationSettings(
        sampler=SamplerSettings(temperature=0.0, max_tokens=64)
    ),
    "defaults, stable prefix (grounding beside the request)": GenerationSettings(
        stable_prefix=True
    ),
}


async def run_lever(
    backend: LlamaCppBackend, settings: GenerationSettings, cases: list[Case]
) -> list[CaseResult]:
    """The same runner as `caro eval` (tui.core.measure.evaluation.run_cases), same context."""
    return await run_cases(backend, cases, settings=settings, context=EVAL_CONTEXT)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=DEVSET, help="a JSONL file of cases")
    parser.add_argument("--limit", type=int, help="only the first N cases")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N cases")
    parser.add_argument("--every", type=int, default=1, help="only every Nth case (a spread)")
    parser.add_argument("--lever", action="append", choices=list(LEVERS))
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument(
        "--threads", type=int, help="llama.cpp threads (1 is steadier on a busy machine)"
    )
    args = parser.parse_args()
    cases = load_cases(args.cases)[args.skip :: args.every][: args.limit]
    backend = LlamaCppBackend(
        BackendConfig(name="embedded-cpu", kind="llamacpp", threads=args.threads)
    )
    backend.load()
    print(f"{args.cases.name}: {len(cases)} cases; model: {backend.describe()['model']}")
    print(
        f"{'lever':42} {'utility match':>13} {'first':>6} {'usable':>7} {'exact':>6} "
        f"{'flags':>6} {'p50 s':>6} {'tokens':>6} {'prefill':>7}"
    )
    for name in args.lever or list(LEVERS):
        results = await run_lever(backend, LEVERS[name], cases)
        summary = summarise(results)
        print(
            f"{name:42} {summary.utility_match:13.1%} {summary.first_utility_match:6.1%} "
            f"{summary.usable:7.1%} {summary.exact:6.1%} {summary.flag_overlap:6.2f} "
            f"{summary.latency_p50_s:6.2f} {summary.tokens_mean:6.1f} "
            f"{summary.prefilled_mean:7.1f}",
            flush=True,
        )
        if args.show_misses:
            for result in results:
                if not result.utility_match:
                    print(
                        f"    {result.case.request!r}: {result.predicted!r} "
                        f"(want {result.case.reference!r})"
                    )
    await backend.aclose()


if __name__ == "__main__":
    asyncio.run(main())
