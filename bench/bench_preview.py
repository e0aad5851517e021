"""The preview's overhead (its wall time ÷ the command's own run) and its accuracy.

    .venv/bin/python bench/bench_preview.py [--runs N]

Overhead: a few ordinary commands run in a fixture folder, the plain run (`$SHELL -c`) and
the preview (with strace, as caro runs it, and without) alternating, medians side by side.
Accuracy: the commands of tests/preview_cases.py on a fresh fixture tree: every effect the
case names must be reported, and nothing else (counts of found, missed and invented).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.preview_cases import CASES, checksums, make_tree, score  # noqa: E402
from tui.core.preview.sandbox import preview_command  # noqa: E402

ORDINARY = (
    "ls -la",
    "find . -name '*.py' | wc -l",
    "grep -rn import . | head -20",
    "git status --short",
    "tar czf /tmp/caro-bench-preview.tgz src",
    "python3 -c 'print(sum(range(10**6)))'",
)


def _own_run(command: str, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["/bin/bash", "-c", command], cwd=cwd, capture_output=True, check=False)
    return time.perf_counter() - started


def _preview(command: str, cwd: Path, env: dict[str, str], *, strace: bool) -> float:
    started = time.perf_counter()
    preview_command(command, cwd=str(cwd), env=env, strace=strace)
    return time.perf_counter() - started


def overhead(runs: int, root: Path, env: dict[str, str]) -> None:
    work = root / "work"
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    print(f"overhead: medians of {runs} alternating runs (wall seconds)")
    print(
        f"{'command':44} {'own run':>8} {'preview':>8} {'ratio':>7} {'no strace':>9} {'ratio':>7}"
    )
    for command in ORDINARY:
        own: list[float] = []
        traced: list[float] = []
        plain: list[float] = []
        for _ in range(runs):
            own.append(_own_run(command, work))
            traced.append(_preview(command, work, env, strace=True))
            plain.append(_preview(command, work, env, strace=False))
        a, b, c = (statistics.median(x) for x in (own, traced, plain))
        print(f"{command[:44]:44} {a:8.3f} {b:8.3f} {b / a:6.0f}x {c:9.3f} {c / a:6.0f}x")
    Path("/tmp/caro-bench-preview.tgz").unlink(missing_ok=True)


def accuracy(root: Path, env: dict[str, str]) -> bool:
    before = checksums(root)
    expected = found = invented = 0
    failures: list[str] = []
    for case in CASES:
        report = preview_command(case.command, cwd=str(root / "work"), env=env)
        result = score(case, report, root)
        expected += result.expected
        found += result.hits
        invented += len(result.invented)
        if result.missed or result.invented:
            failures.append(f"  {case.command}: missed {result.missed}, invented {result.invented}")
    intact = checksums(root) == before
    print(f"\naccuracy on {len(CASES)} commands with known effects:")
    print(f"  effects expected {expected}, reported {found}, missed {expected - found}, ")
    print(f"  invented {invented}; real files byte-identical afterwards: {intact}")
    print("\n".join(failures))
    return not failures and intact


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_tree(root)
        env = {**os.environ, "HOME": str(root / "home"), "SHELL": "/bin/bash"}
        ok = accuracy(root, env)
        overhead(args.runs, root, env)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
