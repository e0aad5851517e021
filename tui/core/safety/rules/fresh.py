"""Code that arrived earlier in the same line: a repository cloned, an archive unpacked, files
copied from another machine. Running anything from there runs code nobody has read."""

from __future__ import annotations

import itertools
import posixpath

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.words import Word

CLONED = "<a repository cloned in this line>"
EXTRACTED = "<an archive downloaded in this line>"
COPIED = "<files copied from another machine in this line>"
PACKAGES = "<packages downloaded in this line>"
_ORIGINS = {
    PACKAGES: "packages downloaded just now",
    CLONED: "a repository cloned just now",
    EXTRACTED: "an archive downloaded just now",
    COPIED: "files copied from another machine just now",
}


def fresh_origin(ctx: Context) -> str | None:
    """Where fresh code came from in this line, if any arrived."""
    return next((what for marker, what in _ORIGINS.items() if marker in ctx.downloads), None)


def copied_from_remote(command: Command, ctx: Context) -> None:
    """`scp host:p.sh /tmp/`, `rsync -a host:tools/ ./t/`: what arrives is another machine's."""
    operands = [w for w in command.args if not w.value.startswith("-")]
    if len(operands) < 2 or _remote(operands[-1]):
        return
    sources = [w.value for w in operands[:-1] if _remote(w)]
    if not sources:
        return
    target = operands[-1].value
    whole_folders = any(
        w.value in ("-r", "-a") or w.value.startswith("--recursive") for w in command.args
    )
    for source in sources:
        path = source.split(":", 1)[1]
        if path.endswith("/") or whole_folders:
            ctx.downloads.add(COPIED)
        if path and not path.endswith("/"):
            ctx.downloads.add(posixpath.basename(path))
    if not target.endswith("/") and target not in (".", "~"):
        ctx.downloads.add(posixpath.basename(target))


def _remote(word: Word) -> bool:
    """`host:path`, `user@host:path` (not `./a:b` or `/x:y`, which are local names)."""
    head, colon, _ = word.value.partition(":")
    return bool(colon) and bool(head) and "/" not in head and not head.startswith(".")


def downloaded_packages(command: Command, ctx: Context) -> None:
    """`pip download pkg -d dir`: the package files are here, unread."""
    if command.argv[:1] == ["download"]:
        ctx.downloads.add(PACKAGES)


# Build tools that run the recipes of the tree they are given (a Makefile's commands, CMake's
# `execute_process`, a `setup.py`): run on fresh code, they run code nobody has read.
BUILDERS = frozenset(("make", "gmake", "cmake", "ninja", "meson", "scons"))
_TREES = (CLONED, EXTRACTED, COPIED)


def builds_fresh(command: Command, ctx: Context) -> None:
    """`git clone URL && cd x && make`, `... && sudo make install`, `... && pip install .`: the
    tree that just arrived is built, and its build files are code that runs here."""
    origin = next((_ORIGINS[m] for m in _TREES if m in ctx.downloads), None)
    if origin is None:
        return
    if command.name in ("pip", "pip3") and not _installs_local_tree(command):
        return
    reason = f"builds {origin} ({command.name}): its build files run here, unread"
    ctx.add(RiskLevel.CRITICAL, reason, command)


def _installs_local_tree(command: Command) -> bool:
    """`pip install .`, `pip install -e ./tool`: a folder on disk, not a package by name."""
    argv = command.argv
    if not argv or argv[0] != "install":
        return False
    editable = [b for a, b in itertools.pairwise(argv) if a in ("-e", "--editable")]
    if any("://" not in value and not value.startswith("git+") for value in editable):
        return True  # `pip install -e tool`: an editable install is always of a folder
    return any(a in (".", "..") or a.startswith(("./", "../")) for a in argv[1:])


# Project tools whose task runs scripts of the tree it is given (npm's lifecycle scripts, a
# build.rs, Maven and Gradle plugins, a Gemfile), by the subcommands that run them.
PROJECT_TASKS = {
    **dict.fromkeys(
        ("npm", "pnpm", "yarn", "bun"), ("", "i", "install", "ci", "run", "test", "start", "build")
    ),
    "cargo": ("build", "run", "test", "install", "bench"),
    "go": ("run", "generate", "test"),
    **dict.fromkeys(("mvn", "gradle", "gradlew", "./gradlew", "./mvnw", "mvnw"), ("*",)),
    "bundle": ("", "install", "exec"),
    "composer": ("install", "update", "run-script"),
    "poetry": ("install", "run"),
    "terraform": ("apply",),
}


def runs_project_task(command: Command, ctx: Context) -> None:
    """`git clone URL && cd x && npm install` (or cargo build, mvn package, bundle install): the
    tree that just arrived runs its own scripts here."""
    origin = next((_ORIGINS[m] for m in _TREES if m in ctx.downloads), None)
    tasks = PROJECT_TASKS.get(command.name)
    if origin is None or tasks is None:
        return
    operands = [a for a in command.argv if not a.startswith("-")]
    sub = operands[0] if operands else ""
    if "*" not in tasks and sub not in tasks:
        return
    if (
        sub in ("i", "install")
        and command.name in ("npm", "pnpm", "yarn", "bun")
        and len(operands) > 1
    ):
        return  # `npm install lodash`: a package by name from the registry
    task = f"{command.name} {sub}".strip()
    reason = f"runs the scripts of {origin} ({task}): they run here, unread"
    ctx.add(RiskLevel.CRITICAL, reason, command)


EXTRA_CHECKS = {name: (runs_project_task,) for name in PROJECT_TASKS}
