#!/usr/bin/env python3
"""Check the hand-written data files: example bank, dev set, messy outputs.

Usage: python scripts/check_data.py [--drop]   (exit status 1 on any error)

Bank (every tui/core/data/bank/*.jsonl; see tui/core/generation/bank_check.py): exactly the keys
request, command, category, utility; one trimmed line that tree-sitter-bash parses; no
<placeholders>; no request twice; no request that a dev set holds (the blind holdout's requests
are compared but never printed); no command that is a reference of our own dev set
(devset.jsonl); and, where the utility is installed here, every flag (-x, -name, --name) appears
in the `--help` or man page of the command's utilities (scripts/flag_check.py says how; the
answers are cached in caro's cache folder, so a second run takes seconds). The test suite runs
the same checks except the flags (tests/test_bank.py, tests/test_flag_check.py for the flag
rules). --drop rewrites the bank files without the failing lines.

Dev set and messy outputs: valid JSON with exactly the expected keys, known categories with
minimum counts, no duplicate requests, every command passes `bash -n`, no <placeholders>, one
line, < 120 chars.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from flag_check import check_flags

from tui.core.generation.bank import BankFile
from tui.core.generation.bank_check import Problem, check_rows, dev_requests, overlapping, read_rows

Row = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
BANK_DIR = ROOT / "tui/core/data/bank"
DEV = ROOT / "tests/data/devset.jsonl"
MESSY = ROOT / "tests/data/messy_outputs.jsonl"
HOLDOUT = ROOT / "tests/data/blind_dev_holdout.jsonl"
DEV_SETS = (DEV, ROOT / "tests/data/blind_dev_tune.jsonl", HOLDOUT)

CATEGORIES = {
    "files",
    "search",
    "archives",
    "processes",
    "disk",
    "network",
    "git",
    "docker",
    "systemd",
    "packages",
    "text",
    "system",
}
PLACEHOLDER = re.compile(r"<[A-Za-z_][A-Za-z0-9_ -]*>")

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def load(path: Path, keys: set[str]) -> list[Row]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"{path.name}:{n}: invalid JSON: {e}")
            continue
        if not isinstance(obj, dict) or set(obj) != keys:
            found = sorted(obj) if isinstance(obj, dict) else obj
            err(f"{path.name}:{n}: keys {found!r} != {sorted(keys)}")
            continue
        obj["_line"] = n
        rows.append(obj)
    return rows


def bash_ok(cmd: str) -> bool:
    r = subprocess.run(["bash", "-n", "-c", cmd], capture_output=True, text=True)
    return r.returncode == 0


def check_commands(rows: list[Row], name: str, key: str, minimum: int, per_cat: int) -> None:
    if len(rows) < minimum:
        err(f"{name}: {len(rows)} lines < {minimum}")
    seen: dict[str, int] = {}
    counts: collections.Counter[str] = collections.Counter()
    for r in rows:
        n, req, cmd, cat = r["_line"], r["request"], r[key], r["category"]
        if cat not in CATEGORIES:
            err(f"{name}:{n}: unknown category {cat!r}")
        counts[cat] += 1
        k = norm(req)
        if k in seen:
            err(f"{name}:{n}: duplicate request (line {seen[k]}): {req!r}")
        seen[k] = n
        if not req.strip() or req != req.strip():
            err(f"{name}:{n}: request empty or untrimmed")
        if "\n" in cmd or cmd != cmd.strip() or not cmd:
            err(f"{name}:{n}: command must be one trimmed line: {cmd!r}")
        if len(cmd) >= 120:
            err(f"{name}:{n}: command too long ({len(cmd)})")
        if PLACEHOLDER.search(cmd):
            err(f"{name}:{n}: placeholder in command: {cmd!r}")
        if not bash_ok(cmd):
            err(f"{name}:{n}: bash -n fails: {cmd!r}")
    for cat in sorted(CATEGORIES):
        if counts[cat] < per_cat:
            err(f"{name}: category {cat} has {counts[cat]} < {per_cat}")
    print(f"{name}: {len(rows)} lines; " + ", ".join(f"{c}={counts[c]}" for c in sorted(counts)))


def check_messy(rows: list[Row]) -> None:
    if len(rows) < 60:
        err(f"messy: {len(rows)} lines < 60")
    raws: set[str] = set()
    nulls = 0
    for r in rows:
        n, raw, exp, note = r["_line"], r["raw"], r["expected"], r["note"]
        if not isinstance(raw, str) or not isinstance(note, str) or not note:
            err(f"messy:{n}: raw and note must be strings, note non-empty")
        if raw in raws:
            err(f"messy:{n}: duplicate raw")
        raws.add(raw)
        if exp is None:
            nulls += 1
            continue
        if not isinstance(exp, str) or not exp or exp != exp.strip() or "\n" in exp:
            err(f"messy:{n}: expected must be null or one trimmed line: {exp!r}")
        elif not bash_ok(exp):
            err(f"messy:{n}: bash -n fails on expected: {exp!r}")
    print(f"messy: {len(rows)} lines; expected=null: {nulls}")


def bank_section(drop: bool) -> None:
    """The bank: format, parse, duplicates, overlap with every dev set, flags."""
    files = {path.name: path for path in sorted(BANK_DIR.glob("*.jsonl"))}
    rows, problems = read_rows(
        [BankFile(n, p.read_text(encoding="utf-8")) for n, p in files.items()]
    )
    problems += check_rows(rows)
    for dev in DEV_SETS:
        if not dev.exists():
            continue
        shown = dev != HOLDOUT  # the holdout's requests are never printed
        for row in overlapping(rows, dev_requests(dev)):
            text = f": {row.example.request!r}" if shown else ""
            problems.append(Problem(row.file, row.line, f"the request is in {dev.name}{text}"))
    # Our own dev set was written beside the bank: none of its references may be a bank command.
    references = {d["reference"] for d in load(DEV, {"request", "reference", "category"})}
    for row in rows:
        if row.example.command in references:
            message = f"the command is a reference of devset.jsonl: {row.example.command!r}"
            problems.append(Problem(row.file, row.line, message))
    checked, flag_problems = check_flags(rows)
    problems += flag_problems
    keys = {row.example.key for row in rows}
    print(
        f"bank: {len(rows)} pairs in {len(files)} files, {len(keys)} distinct keys, "
        f"{checked} pairs flag-checked against --help/man"
    )
    for problem in problems:
        err(f"bank {problem}")
    if drop and problems:
        drop_lines(files, {(p.file, p.line) for p in problems})


def drop_lines(files: dict[str, Path], bad: set[tuple[str, int]]) -> None:
    """Rewrites the bank files without the lines that have a problem."""
    for name, path in files.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line for n, line in enumerate(lines, 1) if (name, n) not in bad and line.strip()]
        if len(kept) != len([line for line in lines if line.strip()]):
            path.write_text("\n".join(kept) + "\n", encoding="utf-8")
            print(f"dropped {len(lines) - len(kept)} line(s) from {name}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--drop", action="store_true", help="remove failing bank lines")
    args = parser.parse_args()
    bank_section(args.drop)
    dev = load(DEV, {"request", "reference", "category"})
    messy = load(MESSY, {"raw", "expected", "note"})
    check_commands(dev, "devset", "reference", 130, 8)
    check_messy(messy)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
