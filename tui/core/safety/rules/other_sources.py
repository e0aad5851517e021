"""Smaller package tools and code pullers, rated by where their code comes from.

`ansible-pull -U URL` fetches a repository of playbooks and runs them on this machine; `luarocks
--server URL`, `opam repository add NAME URL` and `opam pin NAME URL` take packages from a place
nobody reviewed; `makepkg --skippgpcheck` and maven's `-Dmaven.wagon.http.ssl.insecure=true`
build from sources whose signatures, checksums or server certificates are not checked. Each of
those is HIGH; their ordinary installs, builds and listings stay as routine as other managers'.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.words import split_words

_REMOTE = lazy_pattern(r"^(?:[a-z+]+://|git@|git\+)")


def ansible_pull(command: Command, ctx: Context) -> None:
    """`ansible-pull -U URL playbook.yml`: playbooks from that repository run here."""
    argv = command.argv
    url = next((b for a, b in itertools.pairwise(argv) if a in ("-U", "--url")), "")
    url = url or next((a.split("=", 1)[1] for a in argv if a.startswith("--url=")), "")
    if "--check" in argv:
        ctx.add(MODERATE, "fetches playbooks and shows what they would change (--check)", command)
        return
    where = url[:80] or "a repository"
    reason = f"fetches playbooks from {where} and runs them on this machine: nobody reviewed them"
    ctx.add(HIGH, reason, command)


_LUAROCKS_READS = frozenset(split_words("list search show doc path config help"))
_LUAROCKS_SERVERS = ("https://luarocks.org", "http://luarocks.org")


def luarocks(command: Command, ctx: Context) -> None:
    """`luarocks install --server=URL x`, `luarocks install URL.rockspec`."""
    sub, rest = subcommand(command, "--server --tree --from --only-server --lua-version")
    if sub in _LUAROCKS_READS:
        return
    argv = command.argv
    for index, value in enumerate(argv):
        name, eq, given = value.partition("=")
        if name in ("--server", "--from", "--only-server"):
            given = given if eq else (argv[index + 1] if index + 1 < len(argv) else "")
            if not given.startswith(_LUAROCKS_SERVERS):
                ctx.add(HIGH, f"installs Lua packages from another server ({given[:60]})", command)
                return
    remote = next((a for a in rest.argv[1:] if _REMOTE.match(a)), None)
    if remote is not None:
        ctx.add(HIGH, f"installs a Lua package straight from {remote[:80]}", command)
        return
    ctx.add(MODERATE, "installs or changes packages (luarocks)", command)


_OPAM_READS = frozenset(split_words("list show search info config env var switch help"))
_OPAM_DEFAULT = ("https://opam.ocaml.org", "git+https://github.com/ocaml/opam-repository")


def opam(command: Command, ctx: Context) -> None:
    """`opam repository add NAME URL`, `opam pin add NAME URL`: packages from that place."""
    sub, rest = subcommand(command)
    argv = rest.argv[1:]
    if sub in _OPAM_READS and not (sub == "switch" and argv[:1] == ["create"]):
        return
    if sub in ("repository", "repo", "pin"):
        operands = [a for a in argv if not a.startswith("-")]
        place = next((a for a in operands if _REMOTE.match(a)), None)
        if place is not None and not place.startswith(_OPAM_DEFAULT):
            verb = "pins a package to" if sub == "pin" else "adds a source of packages at"
            ctx.add(HIGH, f"{verb} {place[:80]} (opam {sub}): nobody reviewed it", command)
            return
        if operands[:1] in (["list"], []):
            return
    ctx.add(MODERATE, f"installs or changes packages (opam {sub})", command)


_SKIPPED = ("--skippgpcheck", "--skipinteg", "--skipchecksums")


def makepkg(command: Command, ctx: Context) -> None:
    """`makepkg -si --skippgpcheck`: sources built without their signatures or checksums."""
    skipped = next((a for a in command.argv if a in _SKIPPED), None)
    if skipped is not None:
        reason = (
            f"builds a package without checking its sources' signatures or checksums ({skipped})"
        )
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, "builds a package from a PKGBUILD (makepkg)", command)


_INSECURE_BUILD = lazy_pattern(
    r"^-D[\w.]*(?:ssl\.insecure|ssl\.allowall|ssl\.ignore\.validity\.dates|securityMode)"
    r"=(?:true|insecure)$",
    re.IGNORECASE,
)


def insecure_build(command: Command, ctx: Context) -> None:
    """`mvn -Dmaven.wagon.http.ssl.insecure=true install`: any server may hand out the jars."""
    found = next((a for a in command.argv if _INSECURE_BUILD.match(a)), None)
    if found is not None:
        reason = f"downloads dependencies without checking the server's certificate ({found})"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {
    "ansible-pull": ansible_pull,
    "luarocks": luarocks,
    "opam": opam,
    "makepkg": makepkg,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = dict.fromkeys(
    split_words("mvn mvnw ./mvnw gradle gradlew ./gradlew"), (insecure_build,)
)
