"""`caro bench [--backend NAME ...] [--runs N] [--json]`: the performance table.

The table goes to stdout (or JSON with --json); what is being measured goes to stderr.
Exit code 0 when a backend was measured, 1 when none was or one named with --backend was
down or failed (a backend caro only looks for, like Ollama, may be down).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys

from tui.cli.common import CliError, Parser, fail, load_config
from tui.core.backends.registry import Registry
from tui.core.config import Config
from tui.core.errors import CaroError
from tui.core.measure.perf import BenchRow, bench
from tui.present import BENCH_COLUMNS, bench_cells


def render(rows: list[BenchRow], runs: int) -> str:
    table = [BENCH_COLUMNS, *(bench_cells(r) for r in rows if r.ok)]
    widths = [max(len(line[i]) for line in table) for i in range(len(BENCH_COLUMNS))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in table
    ]
    lines += ["  ".join(bench_cells(r)) for r in rows if not r.ok]
    lines.append(
        f"\nnext, ttft and tok/s: median of {runs} requests after the first; "
        f"first: the first request after loading; {os.cpu_count()} CPU(s), "
        f"{platform.system()} {platform.machine()}"
    )
    return "\n".join(lines)


def as_json(rows: list[BenchRow], runs: int) -> str:
    machine = {
        "system": platform.system(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    return json.dumps(
        {"runs": runs, "machine": machine, "backends": [r.as_dict() for r in rows]}, indent=2
    )


async def run(config: Config, names: list[str] | None, runs: int) -> list[BenchRow]:
    registry = Registry(config)

    def step(backend: str, what: str) -> None:
        print(f"caro bench: {backend}: {what}", file=sys.stderr, flush=True)

    try:
        return await bench(registry, names, runs=runs, on_step=step)
    finally:
        await registry.aclose()


def main(argv: list[str]) -> int:
    parser = Parser(
        prog="caro bench",
        description="Time every healthy backend on caro's own requests: load, first and "
        "later answers, time to first token, tokens per second, memory.",
    )
    parser.add_argument("-b", "--backend", action="append", help="only this backend (repeatable)")
    parser.add_argument("--runs", type=int, default=3, help="requests after the first (default 3)")
    parser.add_argument("--json", action="store_true", help="print JSON for tools")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    from tui.cli import EXIT_USAGE

    try:
        config = load_config()
        unknown = [n for n in args.backend or [] if n not in config.backends]
        if unknown:
            raise CliError(
                f"no backend called {', '.join(unknown)}",
                EXIT_USAGE,
                f"configured: {', '.join(config.backends)}",
            )
    except CaroError as error:
        return fail(error)
    rows = asyncio.run(run(config, args.backend, args.runs))
    print(as_json(rows, args.runs) if args.json else render(rows, args.runs))
    chosen_failed = any(not r.ok for r in rows if r.backend in (args.backend or []))
    return 0 if any(r.ok for r in rows) and not chosen_failed else 1
