"""caro's bank of request -> command examples: the files it ships, read, checked and deduplicated.

The bank is every `*.jsonl` file of `tui/core/data/bank/`, one example a line:
`{"request", "command", "category", "utility"}` where `utility` is the key the example teaches
("tar", "git stash"). A line that is not such an object is skipped (and counted), never fatal:
`scripts/check_data.py` is where a broken line is an error.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from tui.core.generation.shellwords import first_utility, simple_commands, utility_of

BANK_PACKAGE = "tui.core"
BANK_FOLDER = "data/bank"

# Tools whose first plain word is a subcommand worth keying on ("git stash", "docker run").
SUBCOMMAND_TOOLS = frozenset(
    """
    git docker podman docker-compose kubectl helm systemctl journalctl apt apt-get apt-cache dnf
    yum zypper pacman brew pip pip3 pipx npm pnpm yarn cargo go ip nmcli openssl gpg
    timedatectl hostnamectl loginctl localectl resolvectl networkctl launchctl defaults
    diskutil snap flatpak gh conda poetry uv rustup gcloud aws az terraform vagrant perf
    """.split()
)
_SUBCOMMAND = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Example:
    request: str
    command: str
    category: str = ""
    key: str = ""

    @cached_property
    def utility(self) -> str | None:
        """The first utility the command runs (what evaluation compares)."""
        return first_utility(self.command)

    @property
    def group(self) -> str:
        """The key examples are grouped by: the writer's key, or the command's own."""
        return self.key or command_key(self.command) or ""


def command_key(command: str) -> str | None:
    """ "git stash list" -> "git stash"; "tar -xzf a.tgz" -> "tar"; None when no utility."""
    for words in simple_commands(command):
        name = utility_of(words)
        if not name:
            continue
        if name in SUBCOMMAND_TOOLS:
            rest = words[words.index(name) + 1 :] if name in words else []
            for word in rest:
                if word.startswith("-"):
                    continue
                return f"{name} {word}" if _SUBCOMMAND.match(word) else name
        return name
    words = command.split()
    return words[0] if words else None  # a bare wrapper: `env`, `time`


@dataclass(frozen=True)
class BankFile:
    name: str
    text: str


@dataclass(frozen=True)
class LoadedBank:
    examples: tuple[Example, ...]
    skipped: int
    duplicates: int
    digest: str


def parse_rows(text: str) -> tuple[list[Example], int]:
    """The examples of one JSONL text, and how many lines were not examples."""
    examples: list[Example] = []
    skipped = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            skipped += 1
            continue
        example = _example(row)
        if example is None:
            skipped += 1
        else:
            examples.append(example)
    return examples, skipped


def _example(row: object) -> Example | None:
    if not isinstance(row, dict):
        return None
    request, command = row.get("request"), row.get("command")
    category, key = row.get("category", ""), row.get("utility", "")
    if not (isinstance(request, str) and isinstance(command, str)) or not request.strip():
        return None
    if not command.strip() or "\n" in command.strip():
        return None
    return Example(
        request.strip(),
        command.strip(),
        category if isinstance(category, str) else "",
        key.strip() if isinstance(key, str) else "",
    )


def request_key(request: str) -> str:
    """Two requests that differ only in case, spacing or punctuation are the same request."""
    return " ".join(re.findall(r"[a-z0-9]+", request.lower()))


def deduplicate(examples: Iterable[Example]) -> tuple[list[Example], int]:
    """The first example of each request (by `request_key`), and how many were dropped."""
    seen: set[str] = set()
    kept: list[Example] = []
    dropped = 0
    for example in examples:
        key = request_key(example.request)
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(example)
    return kept, dropped


def files_digest(files: Sequence[BankFile]) -> str:
    """A name for this exact content of the bank's files."""
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.name):
        digest.update(file.name.encode() + b"\0" + file.text.encode() + b"\0")
    return digest.hexdigest()[:16]


def load_files(files: Sequence[BankFile]) -> LoadedBank:
    """Every file in name order, deduplicated."""
    examples: list[Example] = []
    skipped = 0
    for file in sorted(files, key=lambda f: f.name):
        rows, bad = parse_rows(file.text)
        examples.extend(rows)
        skipped += bad
    kept, duplicates = deduplicate(examples)
    return LoadedBank(tuple(kept), skipped, duplicates, files_digest(files))


def shipped_files() -> list[BankFile]:
    folder = resources.files(BANK_PACKAGE).joinpath(BANK_FOLDER)
    return [
        BankFile(entry.name, entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".jsonl")
    ]


@cache
def shipped_bank() -> LoadedBank:
    """The bank shipped with caro, read once per process."""
    return load_files(shipped_files())
