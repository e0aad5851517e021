#!/usr/bin/env python3
"""Check the hand-written data files: example bank, dev set, messy outputs.

Usage: python scripts/check_data.py   (exit status 1 on any error)

Checks: valid JSON with exactly the expected keys, known categories with
minimum counts, no duplicate requests, no overlap between bank and dev set
(exact, lowercase-normalised, difflib ratio > 0.85, identical command),
every command passes `bash -n`, no <placeholders>, one line, < 120 chars.
"""

from __future__ import annotations

import collections
import difflib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

Row = dict[str, Any]

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "tui/core/data/examples.jsonl"
DEV = ROOT / "tests/data/devset.jsonl"
MESSY = ROOT / "tests/data/messy_outputs.jsonl"

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


def check_disjoint(bank: list[Row], dev: list[Row]) -> None:
    bank_norm = [(norm(b["request"]), b) for b in bank]
    bank_cmds = {b["command"]: b for b in bank}
    for d in dev:
        dn = norm(d["request"])
        for bn, b in bank_norm:
            if dn == bn:
                err(f"devset:{d['_line']}: same request as bank:{b['_line']}: {d['request']!r}")
            elif difflib.SequenceMatcher(None, dn, bn).ratio() > 0.85:
                err(
                    f"devset:{d['_line']}: request too similar to bank:{b['_line']}: "
                    f"{d['request']!r} ~ {b['request']!r}"
                )
        if d["reference"] in bank_cmds:
            b = bank_cmds[d["reference"]]
            err(
                f"devset:{d['_line']}: reference identical to bank:{b['_line']} "
                f"command: {d['reference']!r}"
            )


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


def main() -> int:
    bank = load(BANK, {"request", "command", "category"})
    dev = load(DEV, {"request", "reference", "category"})
    messy = load(MESSY, {"raw", "expected", "note"})
    check_commands(bank, "bank", "command", 330, 20)
    check_commands(dev, "devset", "reference", 130, 8)
    check_disjoint(bank, dev)
    check_messy(messy)
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
