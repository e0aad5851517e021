"""How much of each prompt a warm engine can reuse, by the order of the retrieved examples.

    .venv/bin/python bench/bench_reuse.py

The examples are chat turns right after the system prompt, so a prompt shares with an earlier
one the system prompt plus the examples the two have in the same places from the start. The
engine host keeps the states of the last `max_cache_entries` (10) prompts; this replays a fixed
list of requests through such a cache (token-exact, with the bundled model's tokenizer and chat
template) and counts the prompt tokens that need no prefill, for three orders of the same
retrieved examples:

* current: closest example last (the order caro uses: small models copy the last one);
* shared first, closest last: the examples most often retrieved for any request (counted by
  querying the bank with its own requests) first, the closest one still last;
* shared first: by that popularity only;
* 2 fixed + 3 retrieved: two examples the same for every request (`fixed_examples`) before
  three retrieved ones, closest last.

It measures only; it changes nothing in the examples or the prompt.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.backends.embedded.llamacpp import _template_renderer, import_quiet_llama_cpp
from tui.core.backends.embedded.prefix import common_prefix
from tui.core.generation.examples import Scored, default_bank
from tui.core.generation.pipeline import GenerationSettings, ShellContext, build_request
from tui.core.models.resolve import bundled_model_path

REQUESTS = (
    "find all python files modified in the last 7 days",
    "show the 10 biggest files in this folder",
    "count lines in all .txt files",
    "list all files including hidden ones",
    "show disk usage of each folder here",
    "compress the logs folder into a tar.gz",
    "find files larger than 100 MB",
    "show the processes using the most memory",
    "replace foo with bar in every .md file",
    "print the current date in iso format",
    "show which process listens on port 8080",
    "delete empty folders below here",
    "find all log files older than 30 days",
    "list the files in this folder sorted by size",
    "search for TODO in all python files",
    "show the last 50 lines of syslog",
    "count the files in each folder",
    "find duplicate files by checksum",
    "show free memory in megabytes",
    "rename all .jpeg files to .jpg",
)
CACHE_ENTRIES = 10
EXAMPLES = 4
CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/person/project")

Order = Callable[[list[Scored]], list[Scored]]
RETRIEVED_ONLY = GenerationSettings(examples=EXAMPLES, fixed_examples=0)
FIXED = GenerationSettings(examples=3, fixed_examples=2)


def popularity() -> Counter[str]:
    bank = default_bank()
    counts: Counter[str] = Counter()
    for example in bank.examples:
        for scored in bank.search(example.request, EXAMPLES):
            counts[scored.example.request] += 1
    return counts


def orders(popular: Counter[str]) -> dict[str, Order]:
    def rank(scored: Scored) -> tuple[int, str]:
        return (-popular[scored.example.request], scored.example.request)

    def current(best_first: list[Scored]) -> list[Scored]:
        return list(reversed(best_first))

    def shared_closest_last(best_first: list[Scored]) -> list[Scored]:
        if not best_first:
            return []
        return [*sorted(best_first[1:], key=rank), best_first[0]]

    def shared(best_first: list[Scored]) -> list[Scored]:
        return sorted(best_first, key=rank)

    return {
        "current (closest last)": current,
        "shared first, closest last": shared_closest_last,
        "shared first": shared,
    }


TokensOf = Callable[[list[Scored], str, GenerationSettings], list[int]]


def replay(
    tokens_of: TokensOf, order: Order, settings: GenerationSettings = RETRIEVED_ONLY
) -> tuple[int, int]:
    """(reused prompt tokens, all prompt tokens) over the requests, with an LRU of prompts."""
    bank = default_bank()
    cache: list[list[int]] = []
    reused = total = 0
    for request in REQUESTS:
        tokens = tokens_of(order(bank.search(request, settings.examples)), request, settings)
        best = max((common_prefix(old, tokens) for old in cache), default=0)
        reused += min(best, len(tokens) - 1)
        total += len(tokens)
        cache = [*cache, tokens][-CACHE_ENTRIES:]
    return reused, total


def main() -> None:
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model is missing: run scripts/setup.sh")
    llama_cpp = import_quiet_llama_cpp()
    llm = llama_cpp.Llama(model_path=str(model), vocab_only=True, verbose=False)
    render = _template_renderer(llm)

    def tokens_of(
        examples: Sequence[Scored], request: str, settings: GenerationSettings
    ) -> list[int]:
        ordered = list(reversed(list(examples)))
        built = build_request(request, CONTEXT, settings=settings, examples=ordered)
        text, _ = render([{"role": m.role, "content": m.content} for m in built.messages])
        return list(llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    print(f"{len(REQUESTS)} requests, {EXAMPLES} examples each, a cache of {CACHE_ENTRIES} prompts")
    baseline = None
    rows = [(name, order, RETRIEVED_ONLY) for name, order in orders(popularity()).items()]
    rows.append(("2 fixed + 3 retrieved", lambda found: list(reversed(found)), FIXED))
    for name, order, settings in rows:
        reused, total = replay(tokens_of, order, settings)
        prefill = total - reused
        baseline = baseline or prefill
        print(
            f"{name:28s} reused {reused:5d} of {total:5d} prompt tokens ({reused / total:.1%}); "
            f"to prefill {prefill:5d} ({prefill / baseline:.2f}x current)"
        )


if __name__ == "__main__":
    main()
