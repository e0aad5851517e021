"""Builds told to run with no limit on parallel jobs.

`make -j` with no number starts every job the makefile allows at once: on a large project that
is thousands of compilers, and memory runs out (HIGH). `ninja -j 0` means the same. A number
(`make -j8`, `make -j$(nproc)`, `--jobs=4`) keeps the build bounded and stays with the build's
own rating.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule
from tui.core.safety.words import split_words

_MAKES = frozenset(split_words("make gmake bmake"))
# Each worker opens its own connections: with no limit they flood the network and the server.
_DOWNLOADERS = frozenset(split_words("curl wget aria2c axel http https xh lftp rsync scp"))
_UNLIMITED_REASON = "runs every build job at once (no limit after -j): memory can run out"


def _unlimited_make(argv: list[str]) -> bool:
    """`make -j`, `make --jobs`, `make -j all`: the option with no number after it."""
    for index, arg in enumerate(argv):
        if arg in ("-j", "--jobs"):
            following = argv[index + 1] if index + 1 < len(argv) else ""
            if not following.isdigit() and not following.startswith("$"):
                return True
    return False


def _unlimited_ninja(argv: list[str]) -> bool:
    """`ninja -j 0`, `ninja -j0`: ninja reads zero as no limit."""
    pairs = zip(argv, [*argv[1:], ""], strict=True)
    return any(arg == "-j0" or (arg == "-j" and following == "0") for arg, following in pairs)


def unbounded_build(command: Command, ctx: Context) -> None:
    argv = command.argv
    unlimited = _unlimited_ninja(argv) if command.name == "ninja" else _unlimited_make(argv)
    if unlimited:
        ctx.add(HIGH, f"{_UNLIMITED_REASON} ({command.name})", command)


def _no_worker_limit(argv: list[str], names: tuple[str, ...]) -> bool:
    """`xargs -P 0`, `--max-procs=0`, `parallel -j 0`, `--jobs 0`: zero means no limit."""
    for index, arg in enumerate(argv):
        following = argv[index + 1] if index + 1 < len(argv) else ""
        for name in names:
            if arg == name and following == "0":
                return True
            if arg in (f"{name}=0", f"{name}0") and (len(name) == 2 or "=" in arg):
                return True
    return False


def unbounded_workers(command: Command, ctx: Context) -> None:
    names = ("-P", "--max-procs") if command.name == "xargs" else ("-j", "--jobs", "-P")
    if _no_worker_limit(command.argv, names) and _DOWNLOADERS & set(command.argv):
        reason = f"starts a download per input line all at once, with no limit ({command.name})"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(_MAKES, (unbounded_build,)),
    "ninja": (unbounded_build,),
    "xargs": (unbounded_workers,),
    "parallel": (unbounded_workers,),
}
