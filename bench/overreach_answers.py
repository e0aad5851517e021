"""caro's own answers to dev requests, one JSON line each, written as they come (for review).

    .venv/bin/python bench/overreach_answers.py OUT.jsonl CASES.jsonl [CASES.jsonl ...]

Each request runs through the whole pipeline (`caro eval`'s path: retrieval, generation,
extraction) on the automatic backend with one candidate; each answer is appended to OUT.jsonl
at once as `{"request", "reference", "command", "error"}`, so a long run can be stopped and
resumed (requests already in OUT.jsonl are skipped). The answers that do more than was asked
are then picked by hand into tests/data/overreach.jsonl (see bench/safety_corpus.py
--overreach).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import tui.cli.eval as evaluation  # noqa: E402
from tui.core.measure.evaluation import CaseResult  # noqa: E402


def _done(out: Path) -> set[str]:
    if not out.exists():
        return set()
    return {json.loads(line)["request"] for line in out.read_text().splitlines() if line.strip()}


class _Writer(evaluation.Ticker):
    """The progress listener of `caro eval`, writing each answer as it arrives."""

    sink: TextIO

    def __call__(self, index: int, result: CaseResult) -> None:
        super().__call__(index, result)
        record = {
            "request": result.case.request,
            "reference": result.case.reference,
            "command": result.predicted,
            "error": result.error,
        }
        self.sink.write(json.dumps(record) + "\n")
        self.sink.flush()


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    done = _done(out)
    cases = [
        case
        for path in argv[1:]
        for case in evaluation.read_cases(Path(path), None)
        if case.request not in done
    ]
    args = evaluation.build_parser().parse_args([argv[1], "--candidates", "1"])
    with out.open("a") as sink:
        _Writer.sink = sink
        evaluation.Ticker = _Writer  # type: ignore[misc]
        asyncio.run(evaluation.evaluate(args, cases))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
