"""Deletes spelt through a tool of another kind: `cmake -E rm -rf DIR`, `cmake -E
remove_directory DIR`, `npx rimraf DIR`, `npm exec -- rimraf DIR`, `pnpm dlx rimraf DIR`.
Each is read as the `rm` it stands for, so the delete rules rate its paths."""

from __future__ import annotations

from tui.core.safety.parse import Command
from tui.core.safety.words import Word, literal

# `cmake -E VERB`: the flags of the `rm` each verb is.
_CMAKE_VERBS = {
    "rm": (),  # takes its own -r, -f, -rf
    "remove": ("-f",),
    "remove_directory": ("-rf",),
}
# Packages whose command deletes its arguments recursively.
_RM_PACKAGES = frozenset(("rimraf", "del-cli", "rm-cli", "premove"))
# Runners of a package's command, and the verb some of them need first.
_RUNNER_VERBS = {
    "npx": None,
    "bunx": None,
    "pnpx": None,
    "npm": frozenset(("exec", "x")),
    "pnpm": frozenset(("dlx", "exec")),
    "yarn": frozenset(("dlx", "exec")),
}
_RUNNER_OPTIONS = frozenset(("-y", "--yes", "--no-install", "-q", "--quiet", "--silent", "--"))
_RUNNER_VALUES = frozenset(("-p", "--package", "--registry"))


def cmake_delete(command: Command) -> Command | None:
    """`cmake -E rm -rf DIR` is `rm -rf DIR`; other `cmake` uses are None."""
    args = command.args
    if len(args) < 3 or args[0].value != "-E" or args[1].value not in _CMAKE_VERBS:
        return None
    flags = tuple(literal(flag) for flag in _CMAKE_VERBS[args[1].value])
    return command.wrapped((literal("rm"), *flags, *args[2:]), "cmake -E")


def package_delete(command: Command) -> Command | None:
    """`npx rimraf DIR` (and `npm exec`, `pnpm dlx`, `bunx`) is `rm -rf DIR`."""
    verbs = _RUNNER_VERBS.get(command.name, ())
    args: list[Word] = list(command.args)
    if verbs:
        if not args or args[0].value not in verbs:
            return None
        args = args[1:]
    elif verbs == ():
        return None
    while args and (args[0].value in _RUNNER_OPTIONS or args[0].value in _RUNNER_VALUES):
        args = args[2:] if args[0].value in _RUNNER_VALUES else args[1:]
    if not args or _package(args[0].value) not in _RM_PACKAGES:
        return None
    operands = [word for word in args[1:] if not word.value.startswith("-")]
    if not operands:
        return None
    return command.wrapped((literal("rm"), literal("-rf"), *operands), command.name)


def _package(spec: str) -> str:
    """`rimraf@5` -> `rimraf`; a scoped name keeps its scope (`@x/y@1` -> `@x/y`)."""
    head, _, _version = spec[1:].partition("@")
    return spec[0] + head if spec else spec
