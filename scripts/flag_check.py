"""Does each long flag of a bank command exist? Checked against this machine's own `--help` and
man pages (tui/core/helptext.py reads and caches them), for the utilities installed here.

A flag passes when one of the command's installed utilities documents it (`--name`, or
`--[no-]name` for `--no-name`); a command none of whose utilities is installed, or whose
utilities document nothing here, is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from tui.core.bank_check import Problem, Row
from tui.core.helptext import help_text, is_installed, man_text, which
from tui.core.shellwords import WRAPPERS, split_words, utilities


def long_flags(command: str) -> set[str]:
    words = split_words(command) or command.split()
    found = set()
    for word in words:
        if word.startswith("--") and len(word) > 2 and re.match(r"^--[A-Za-z0-9]", word):
            found.add(word.split("=", 1)[0])
    return found


def programs(command: str) -> set[str]:
    words = set(split_words(command) or command.split())
    return {u for u in utilities(command) | (WRAPPERS & words) if which(u)}


def documentation(program: str, subcommand: str) -> str:
    parts = [help_text(program), man_text(program)]
    if subcommand:
        parts += [help_text(program, subcommand), man_text(f"{program}-{subcommand}")]
    return "\n".join(parts)


def documented(flag: str, text: str) -> bool:
    if re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text):
        return True
    if flag.startswith("--no-"):
        return f"--[no-]{flag[5:]}" in text or f"--{flag[5:]}" in text
    return False


def check_flags(rows: Sequence[Row]) -> tuple[int, list[Problem]]:
    """How many rows were checked, and the flags that no installed utility documents."""
    jobs: dict[tuple[str, str], None] = {}
    plans: list[tuple[Row, set[str], list[tuple[str, str]]]] = []
    for row in rows:
        flags = long_flags(row.example.command)
        if not flags:
            continue
        key_words = row.example.key.split()
        found = [
            (p, key_words[1] if len(key_words) > 1 and key_words[0] == p else "")
            for p in sorted(programs(row.example.command))
            if is_installed(p)
        ]
        if found:
            plans.append((row, flags, found))
            jobs.update(dict.fromkeys(found))
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = dict(zip(jobs, pool.map(lambda job: documentation(*job), jobs), strict=True))
    checked = 0
    problems: list[Problem] = []
    for row, flags, found in plans:
        text = "\n".join(texts[job] for job in found)
        if not text.strip():
            continue
        checked += 1
        missing = sorted(flag for flag in flags if not documented(flag, text))
        if missing:
            names = ", ".join(p for p, _ in found)
            problems.append(
                Problem(
                    row.file,
                    row.line,
                    f"{' '.join(missing)} not in the --help/man of {names}: "
                    f"{row.example.command!r}",
                )
            )
    return checked, problems
