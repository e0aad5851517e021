"""Whole package environments removed or swapped: conda's base, every pipx app, every flatpak,
rustup removing itself.

`conda remove -n base --all` and `conda env remove -n base` take conda's own environment, conda
included; `conda install -n base python=3.8` swaps the Python conda itself runs on (HIGH).
`pipx uninstall-all` and `flatpak uninstall --all` remove every app installed with them;
`flatpak uninstall --delete-data` and `brew uninstall --zap` delete the app's own data too
(HIGH).
`rustup self uninstall` removes rustup and every Rust toolchain (HIGH). Removing another named
environment (`conda env remove -n scratch`) stays an ordinary removal.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.words import split_words

_CONDAS = frozenset(split_words("conda mamba micromamba"))
_READS = frozenset(split_words("show list check --version -V help --help which"))


def rate(command: Command, sub: str, ctx: Context) -> None:
    """Adds a finding for the forms above (the usual package rating still follows)."""
    reason = _conda_base(command, sub) or _every_app(command, sub)
    if reason is not None:
        ctx.add(HIGH, reason, command)


# Folders conda's base environment is installed in (`-p /opt/conda` names base by its place).
_BASE_FOLDERS = frozenset(
    split_words("conda miniconda miniconda3 anaconda anaconda3 miniforge3 mambaforge micromamba")
)


def _environment(argv: list[str]) -> str:
    """`-n NAME`, `--name=NAME`; `-p /opt/conda` (base's own folder) as `base`."""
    for option, value in itertools.pairwise([*argv, ""]):
        if option in ("-n", "--name"):
            return value
        if option.startswith("--name="):
            return option.partition("=")[2]
        if option in ("-p", "--prefix") and value.rstrip("/").rsplit("/", 1)[-1] in _BASE_FOLDERS:
            return "base"
    return ""


def _conda_base(command: Command, sub: str) -> str | None:
    if command.name not in _CONDAS:
        return None
    argv = command.argv
    base = _environment(argv) == "base"
    removing = sub in ("remove", "uninstall") or argv[:2] in (["env", "remove"], ["env", "rm"])
    if base and removing and ("--all" in argv or sub == "env"):
        return f"removes conda's base environment ({command.name}): conda itself goes with it"
    if base and sub in ("install", "update") and any(a.startswith("python=") for a in argv):
        return "swaps the Python of conda's base environment: conda itself may stop working"
    return None


def _every_app(command: Command, sub: str) -> str | None:
    argv = command.argv
    if command.name == "pipx" and sub == "uninstall-all":
        return "removes every app installed with pipx (pipx uninstall-all)"
    if command.name == "flatpak" and sub in ("uninstall", "remove") and "--all" in argv:
        return "removes every installed flatpak app (flatpak uninstall --all)"
    removing = sub in ("uninstall", "remove", "rm")
    if removing and command.name in ("flatpak", "brew") and {"--delete-data", "--zap"} & set(argv):
        option = "--zap" if "--zap" in argv else "--delete-data"
        return f"also deletes the app's own data: profiles, settings, saved files ({option})"
    return None


def rustup(command: Command, ctx: Context) -> None:
    """`rustup self uninstall`: rustup and every toolchain it installed."""
    sub, rest = subcommand(command, "--toolchain")
    if command.argv[:2] == ["self", "uninstall"]:
        ctx.add(HIGH, "removes rustup and every Rust toolchain it installed", command)
    elif sub in _READS or rest.argv[:1] == ["list"]:
        return  # `rustup show`, `rustup toolchain list`: reports
    else:
        ctx.add(MODERATE, f"installs or changes Rust toolchains (rustup {sub})".strip(), command)


RULES: dict[str, Rule] = {"rustup": rustup}
