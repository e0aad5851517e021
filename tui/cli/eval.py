"""`caro eval CASES.jsonl [--backend NAME] [--per-utility] [--json] [--limit N]`.

Runs request -> reference cases through one backend with the whole pipeline and reports the
share of answers using the same utilities as the reference, the share starting with the
reference's first utility, flag overlap, exact matches, the share that was one usable command,
the latency distribution, the tokens generated per answer, and the same figures split by
whether the reference's first utility is among the example bank's utilities. The report goes
to stdout, progress to stderr. Exit code 0 when the run finished, 1 when it could not, 2 on bad
usage, 3 when no backend can answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from tui.cli.common import CliError, Parser, fail, load_config, notice
from tui.cli.oneshot import generation_flags
from tui.core.display import displayable
from tui.core.errors import CaroError
from tui.core.generation.examples import default_bank
from tui.core.measure.evaluation import (
    Case,
    CaseResult,
    EvalReport,
    load_cases,
    run_cases,
    summarise,
)

SHOW_MISSES = 20


def build_parser() -> Parser:
    parser = Parser(
        prog="caro eval",
        description="How good a backend's commands are on a file of request -> reference cases "
        '(JSONL: {"request": ..., "reference": ...}); caro ships tests/data/devset.jsonl.',
    )
    parser.add_argument("cases", type=Path, help="a JSONL file of cases")
    parser.add_argument("-b", "--backend", help="the backend to evaluate (default: automatic)")
    parser.add_argument("-m", "--model", help="the model to use on it")
    parser.add_argument("--per-utility", action="store_true", help="break down by first utility")
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    parser.add_argument("--limit", type=int, help="only the first N cases")
    parser.add_argument("--cases-out", action="store_true", help="with --json: every case too")
    parser.add_argument("--misses", action="store_true", help="list the answers that missed")
    parser.add_argument("--examples", type=int, help="examples shown to the model")
    parser.add_argument("--candidates", type=int, help="answers sampled at most per request")
    for flag in ("--temperature", "--top-p", "--min-p", "--repeat-penalty"):
        parser.add_argument(flag, type=float, help=argparse.SUPPRESS)
    for flag in ("--top-k", "--max-tokens", "--seed"):
        parser.add_argument(flag, type=int, help=argparse.SUPPRESS)
    return parser


def read_cases(path: Path, limit: int | None) -> list[Case]:
    from tui.cli import EXIT_USAGE

    try:
        cases = load_cases(path)
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror}", EXIT_USAGE) from None
    except ValueError as error:
        raise CliError(
            str(error), EXIT_USAGE, 'each line: {"request": "...", "reference": "..."}'
        ) from None
    cases = cases[:limit] if limit is not None else cases
    if not cases:
        raise CliError(f"{path} has no cases", EXIT_USAGE)
    return cases


class Ticker:
    """`case 12/158` on stderr: redrawn on a terminal, every tenth case elsewhere."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.tty = sys.stderr.isatty()
        self.matched = 0

    def __call__(self, index: int, result: CaseResult) -> None:
        self.matched += result.utility_match
        done = index + 1
        line = f"case {done}/{self.total}: {self.matched}/{done} same utilities"
        if self.tty:
            sys.stderr.write("\r\x1b[K" + line + ("\n" if done == self.total else ""))
        elif done % 10 == 0 or done == self.total:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()


async def evaluate(args: argparse.Namespace, cases: list[Case]) -> EvalReport:
    from tui.core.backends.registry import Registry
    from tui.core.request import RequestContext

    config = load_config(args.backend, args.model)
    context = RequestContext.build(config, flags=generation_flags(args))
    registry = Registry(config)
    try:
        selection = await registry.select(notify=notice)  # NoBackendError: exit code 3
        backend = selection.backend
        notice(f"evaluating {backend.name} ({selection.reason}) on {len(cases)} cases")
        results = await run_cases(
            backend,
            cases,
            settings=context.settings(backend.name),
            model=config.backend(backend.name).model,
            on_result=Ticker(len(cases)),
        )
        model = str(backend.describe().get("model", ""))
    finally:
        await registry.aclose()
    bank = default_bank().utility_names
    return EvalReport(backend.name, model, str(args.cases), summarise(results), results, bank)


def render(report: EvalReport, per_utility: bool, misses: bool) -> str:
    s = report.summary
    n = s.cases
    lines = [
        f"{report.cases_file}: {n} cases on {report.backend} ({report.model})",
        f"  same utilities    {s.utility_match:6.1%}  ({round(s.utility_match * n)}/{n})",
        f"  first utility     {s.first_utility_match:6.1%}  "
        f"({round(s.first_utility_match * n)}/{n})",
        f"  flag overlap      {s.flag_overlap:6.2f}",
        f"  exact match       {s.exact:6.1%}  ({round(s.exact * n)}/{n})",
        f"  usable command    {s.usable:6.1%}  ({round(s.usable * n)}/{n})",
        f"  latency           p50 {s.latency_p50_s:.2f} s   p90 {s.latency_p90_s:.2f} s   "
        f"max {s.latency_max_s:.2f} s",
        f"  tokens generated  {s.tokens_mean:6.1f} per answer (all candidates)",
    ]
    for name, part in report.split.items():
        lines.append(
            f"  {name + ':':<12} {part.cases:>4} cases: same {part.utility_match:6.1%}, "
            f"first {part.first_utility_match:6.1%}, usable {part.usable:6.1%}"
        )
    if per_utility:
        lines += [
            "",
            f"  {'utility':<12} {'cases':>5} {'same':>7} {'usable':>7} {'exact':>6} "
            f"{'flags':>6} {'p50 s':>6}",
        ]
        for utility, u in report.per_utility.items():
            lines.append(
                f"  {utility:<12} {u.cases:>5} {u.utility_match:7.1%} {u.usable:7.1%} "
                f"{u.exact:6.1%} {u.flag_overlap:6.2f} {u.latency_p50_s:6.2f}"
            )
    if misses:
        missed = [r for r in report.results if not r.utility_match][:SHOW_MISSES]
        lines += ["", f"  first {len(missed)} misses (answer <- reference):"]
        lines += [
            f"    {displayable(r.case.request)}\n"
            f"      {displayable(r.predicted or '(' + (r.error or 'no command') + ')')}"
            f"\n      <- {displayable(r.case.reference)}"
            for r in missed
        ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.limit is not None and args.limit < 1:
        build_parser().error("--limit must be at least 1")
    try:
        cases = read_cases(args.cases, args.limit)
        report = asyncio.run(evaluate(args, cases))
    except CaroError as error:
        return fail(error)
    if args.json:
        data = report.as_dict(per_utility=args.per_utility, cases=args.cases_out)
        print(json.dumps(data, indent=2))
    else:
        print(render(report, args.per_utility, args.misses))
    return 0
