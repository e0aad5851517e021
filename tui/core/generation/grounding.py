"""Grounding in the person's machine: which installed programs fit a request the bank does not
cover well, with their one-line descriptions and usage lines.

The descriptions come from the man-db database (`apropos`, sections 1 and 8), read in one call
and kept on disk keyed by the database's and PATH's modification times; only programs on PATH
(and shell builtins) are kept. Without man-db the catalogue is the names on PATH alone, so a
request that names a program still finds it. Usage lines come from `--help` (tui/core/helptext).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core import paths
from tui.core.generation.helptext import BUILTINS, is_installed, usage_line, which
from tui.core.generation.vocabulary import hinted_utilities, normalise_words

MAN_DATABASES = (Path("/var/cache/man/index.db"), Path("/var/cache/man/index.bt"))
_ENTRY = re.compile(r"^(\S+) \((\d)\w*\)\s+- (.+)$")
# Generated or vendor pages that crowd the catalogue without being everyday tools.
_NOISE = re.compile(r"^(?:\d|gcloud|systemd-|x86_64-|i686-|aarch64-)|-\d+(?:\.\d+)*$")
CATALOGUE_VERSION = 1
# A description must share this much (summed idf) with the request to be a candidate.
MIN_SCORE = 1.5


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    installed: bool = True

    def line(self, usage: str = "") -> str:
        status = "" if self.installed else " (not installed)"
        text = f"{self.name}{status}: {self.description}"
        return f"{text}; {usage}" if usage else text


class Catalogue:
    """Installed programs and what they do, searchable by the words of a request."""

    def __init__(self, tools: dict[str, str]) -> None:
        self.tools = tools
        self._words = {name: Counter(normalise_words(text)) for name, text in tools.items()}
        frequency: Counter[str] = Counter()
        for words in self._words.values():
            frequency.update(words.keys())
        total = len(tools) or 1
        self._idf = {w: math.log(1 + (total - n + 0.5) / (n + 0.5)) for w, n in frequency.items()}
        self._postings: dict[str, list[str]] = {}
        for name, words in self._words.items():
            for word in words:
                self._postings.setdefault(word, []).append(name)

    def __len__(self) -> int:
        return len(self.tools)

    def candidates(self, request: str, limit: int = 3) -> list[Tool]:
        """Programs the request names first, then those whose description fits it best."""
        named = hinted_utilities(request, self.tools)
        scores: dict[str, float] = {}
        for word in set(normalise_words(request)):
            for name in self._postings.get(word, ()):
                scores[name] = scores.get(name, 0.0) + self._idf[word]
        best = sorted(scores.items(), key=lambda item: -item[1])[: limit * 3]
        ranked = [name for name, score in best if score >= MIN_SCORE]
        chosen: list[Tool] = []
        for name in [*named, *ranked]:
            if name in {t.name for t in chosen}:
                continue
            description = self.tools.get(name, "")
            chosen.append(Tool(name, description, is_installed(name)))
            if len(chosen) == limit:
                break
        return chosen


def describe(tools: list[Tool]) -> str:
    """Lines for the prompt: each tool, what it does, how it is called."""
    return "\n".join(
        f"- {tool.line(usage_line(tool.name) if tool.installed else '')}" for tool in tools
    )


def _stamp() -> str:
    parts = [os.environ.get("PATH", "")]
    for path in [*MAN_DATABASES, *_path_dirs()]:
        with contextlib.suppress(OSError):
            parts.append(f"{path}:{path.stat().st_mtime_ns}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _path_dirs() -> list[Path]:
    return [Path(p) for p in os.environ.get("PATH", "").split(os.pathsep) if p]


def _on_path() -> set[str]:
    names: set[str] = set()
    for folder in _path_dirs():
        with contextlib.suppress(OSError):
            names.update(
                entry.name for entry in os.scandir(folder) if os.access(entry.path, os.X_OK)
            )
    return names


def read_man_database() -> dict[str, str]:
    """name -> one-line description of sections 1 and 8 ({} without apropos)."""
    apropos = which("apropos")
    if apropos is None:
        return {}
    try:
        done = subprocess.run(
            [apropos, "-s", "1,8", "-l", "."],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
            check=False,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, str] = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        match = _ENTRY.match(line.strip())
        if match and not _NOISE.search(match.group(1)):
            found.setdefault(match.group(1), match.group(3).strip())
    return found


def build_catalogue_tools() -> dict[str, str]:
    installed = _on_path() | BUILTINS
    described = read_man_database()
    tools = {name: text for name, text in described.items() if name in installed}
    for name in installed:
        if not _NOISE.search(name) and name.replace("-", "").isalnum():
            tools.setdefault(name, "")
    return tools


@cache
def installed_catalogue() -> Catalogue:
    """The catalogue of this machine, read once per process and cached on disk."""
    path = paths.cache_dir() / "grounding" / f"tools-{_stamp()}-v{CATALOGUE_VERSION}.json"
    tools: dict[str, str] | None = None
    with contextlib.suppress(OSError, ValueError):
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            tools = {str(k): str(v) for k, v in loaded.items()}
    if tools is None:
        tools = build_catalogue_tools()
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(tools), encoding="utf-8")
    return Catalogue(tools)
