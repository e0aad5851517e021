"""`dotnet nuget`: the package sources every later restore fetches from.

A source over plain HTTP (`dotnet nuget add source http://...`) or one allowed to be insecure
(`--allow-insecure-connections`) lets anyone on the way swap the packages a build pulls in
(HIGH); an HTTPS, local-folder or this machine's own source is an ordinary change (MODERATE).
Listing sources, caches, tools and a project's packages only reads. Other `dotnet` commands
are rated as before (code.file_runner).
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import code
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_SOURCE_CHANGES = frozenset(split_words("add update"))
_READ_OPTIONS = [[o] for o in split_words("--info --list-sdks --list-runtimes --version")]
_READ_VERBS = [
    ["tool", "list"],
    ["list", "package"],
    ["list", "reference"],
    ["package", "list"],
    ["workload", "list"],
    ["sdk", "check"],
    ["nuget", "why"],
]
_SOURCE_OPTIONS = frozenset(split_words("-s --source --add-source"))
_LOOPBACK = ("http://localhost", "http://127.0.0.1", "http://[::1]")


def _plain_http(url: str) -> bool:
    """An `http://` source on another machine (a feed on this one has nobody in the way)."""
    return url.startswith("http://") and not url.startswith(_LOOPBACK)


def dotnet(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv[:1] in _READ_OPTIONS or argv[:2] in _READ_VERBS:
        return  # `dotnet --info`, `dotnet tool list -g`, `dotnet list package`: reports
    if argv[:1] != ["nuget"]:
        given = [b for a, b in itertools.pairwise(argv) if a in _SOURCE_OPTIONS]
        plain = next((s for s in given if _plain_http(s.strip("'\""))), None)
        if plain is not None:  # `dotnet tool install -g x --add-source http://...`
            ctx.add(HIGH, f"installs packages from {plain[:60]}, over plain HTTP", command)
            return
        code.file_runner(command, ctx)
        return
    verb, noun = [*argv[1:3], "", ""][:2]
    if verb == "list" or (verb == "locals" and "--list" in argv) or verb in ("--help", "-h"):
        return  # `dotnet nuget list source`, `dotnet nuget locals all --list`
    if verb in _SOURCE_CHANGES and noun == "source":
        plain = next((a for a in argv[3:] if _plain_http(a.strip("'\""))), None)
        if plain is not None or "--allow-insecure-connections" in argv:
            where = plain or "a source allowed to be insecure"
            ctx.add(HIGH, f"fetches packages over plain HTTP from {where[:60]}", command)
            return
        ctx.add(MODERATE, "adds or changes a NuGet package source", command)
        return
    ctx.add(MODERATE, f"changes NuGet settings or caches (dotnet nuget {verb})".strip(), command)


RULES: dict[str, Rule] = {"dotnet": dotnet}
