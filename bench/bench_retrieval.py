"""Retrieval over the example bank: time per lookup as the bank grows, and how often the
reference's utility is among the examples shown (no model involved).

    .venv/bin/python bench/bench_retrieval.py [--cases FILE ...]

Prints, side by side in one run: ms per lookup on the first 406 pairs of the bank and on the
whole bank (and on the whole bank repeated to 5,000+ pairs when it is smaller), the index build
time cold and from the disk cache, and for each cases file the share of requests whose
reference's first utility is the first example's utility (hit@1) or among the k shown (hit@k);
never run it on the blind holdout.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.generation.bank import Example, shipped_bank, shipped_files
from tui.core.generation.examples import ExampleBank
from tui.core.generation.index_cache import build_index, cached_bank
from tui.core.generation.shellwords import first_utility
from tui.core.measure.evaluation import load_cases

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CASES = [
    ROOT / "tests/data/devset.jsonl",
    ROOT / "tests/data/blind_dev_tune.jsonl",
]
K = 4


def per_lookup_ms(bank: ExampleBank, requests: list[str], rounds: int = 3) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for request in requests:
            bank.search(request, K, per_utility=2)
    return (time.perf_counter() - started) * 1000 / (rounds * len(requests))


def grown(examples: tuple[Example, ...], size: int) -> list[Example]:
    """The bank repeated (requests made distinct) up to `size` pairs."""
    out = list(examples)
    copy = 0
    while len(out) < size:
        copy += 1
        out.extend(replace(e, request=f"{e.request} v{copy}") for e in examples)
    return out[:size]


def hits(bank: ExampleBank, path: Path) -> str:
    cases = load_cases(path)
    first = shown = 0
    for case in cases:
        want = first_utility(case.reference)
        found = [s.example.utility for s in bank.search(case.request, K, per_utility=2)]
        first += bool(found) and found[0] == want
        shown += want in found
    n = len(cases)
    return f"{path.name}: {n} cases, hit@1 {first / n:6.1%}, hit@{K} {shown / n:6.1%}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, action="append")
    args = parser.parse_args()
    loaded = shipped_bank()
    requests = [c.request for c in load_cases(ROOT / "tests/data/devset.jsonl")]
    small = ExampleBank(loaded.examples[:406])
    whole = ExampleBank(loaded.examples)
    print(f"bank: {len(loaded.examples)} pairs, {len(whole.utility_names)} utilities")
    print(f"lookup, 406 pairs:            {per_lookup_ms(small, requests):7.3f} ms")
    print(f"lookup, {len(whole):>5} pairs (bank): {per_lookup_ms(whole, requests):7.3f} ms")
    if len(whole) < 5000:
        big = ExampleBank(grown(loaded.examples, 5000))
        print(f"lookup, {len(big):>5} pairs (grown): {per_lookup_ms(big, requests):7.3f} ms")
    files = shipped_files()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["CARO_CACHE_DIR"] = folder
        started = time.perf_counter()
        cached_bank(files)  # parses the JSON, indexes, writes
        cold = time.perf_counter() - started
        started = time.perf_counter()
        cached_bank(files)
        warm = time.perf_counter() - started
    index = build_index(loaded.examples)
    started = time.perf_counter()
    ExampleBank(loaded.examples, index)
    wrap = time.perf_counter() - started
    print(
        f"bank and index: read and built {cold * 1000:.0f} ms, from the disk cache "
        f"{warm * 1000:.1f} ms (ratio {warm / cold:.3f}), bank around it {wrap * 1000:.1f} ms"
    )
    for path in args.cases or DEFAULT_CASES:
        if path.exists():
            print(hits(whole, path))


if __name__ == "__main__":
    main()
