"""Mercurial and Subversion: the commands that delete files nobody committed, or throw away
uncommitted changes, for good.

`hg purge --all` and `svn cleanup --remove-unversioned` delete every file the repository does
not track (new work, local settings, data); `hg update --clean`, `hg revert --all` and
`svn revert -R` drop the edits. Reports (status, log, diff) are safe; the rest is moderate.
"""

from __future__ import annotations

import itertools

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import pulled_code
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = {
    "hg": frozenset(
        split_words(
            "status st log diff summary sum heads branches branch incoming in outgoing out root "
            "id identify annotate blame cat files manifest paths version help config showconfig "
            "tags bookmarks grep"
        )
    ),
    "svn": frozenset(
        split_words(
            "status st stat log diff di info list ls cat blame annotate praise help propget pg "
            "proplist pl mergeinfo"
        )
    ),
}


# Options whose value is a separate word, which must not be taken for the subcommand:
# `hg --config extensions.strip= strip`, `hg -R ~/src/app purge`, `svn --username bob log`.
_TAKES_VALUE = {
    "hg": frozenset(split_words("--config -R --repository --cwd --encoding --color --pager")),
    "svn": frozenset(split_words("--username --password --config-dir --config-option")),
}


def _operands(name: str, argv: list[str]) -> list[str]:
    """The words that are not options nor their values: the subcommand first."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _TAKES_VALUE[name]:
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    return words


def hg_svn(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = _operands(command.name, argv)
    sub = words[0] if words else ""
    name = command.name
    if not sub or sub in _READS[name]:
        return
    if name == "hg" and sub in ("purge", "clean"):
        if {"-p", "--print"} & set(argv):
            return  # only lists what it would delete
        ignored = " and ignored" if "--all" in argv else ""
        ctx.add(HIGH, f"deletes every untracked{ignored} file for good (hg {sub})", command)
    elif (
        name == "svn"
        and sub == "cleanup"
        and any(a in ("--remove-unversioned", "--remove-ignored") for a in argv)
    ):
        ctx.add(
            HIGH, "deletes every file Subversion does not track, for good (svn cleanup)", command
        )
    elif (name == "hg" and sub in ("update", "up", "checkout", "co") and "-C" in argv) or (
        name == "hg" and "--clean" in argv
    ):
        ctx.add(HIGH, f"throws away uncommitted changes for good (hg {sub} --clean)", command)
    elif name == "hg" and sub in ("strip", "debugstrip", "rollback"):
        what = (
            "removes changesets from the repository"
            if sub != "rollback"
            else ("undoes the last commit or pull, dropping what it brought")
        )
        ctx.add(HIGH, f"{what} (hg {sub})", command)
    elif name == "hg" and sub == "shelve":
        _shelve(argv, command, ctx)
    elif name == "svn" and sub in _SVN_DELETES and any("://" in w for w in words[1:]):
        target = next(w for w in words[1:] if "://" in w)
        ctx.add(
            HIGH,
            f"deletes {target} from the repository in a commit of its own (svn {sub})",
            command,
        )
    elif name == "svn" and sub in _SVN_DELETES and "--force" in argv:
        reason = "deletes the files even with uncommitted changes in them (svn delete --force)"
        ctx.add(HIGH, reason, command)
    elif name == "svn" and sub in ("export", "checkout", "co") and _forced_over(argv, words, ctx):
        reason = f"writes the repository's files over {words[-1]}, a system folder (svn {sub})"
        ctx.add(HIGH, reason, command)
    elif sub == "revert" and ({"-R", "--recursive", "--all"} & set(argv) or _depth_infinity(argv)):
        backup = name == "hg" and "--no-backup" not in argv and "-C" not in argv
        level = MODERATE if backup else HIGH  # hg keeps each edit as FILE.orig unless told not to
        ctx.add(level, f"throws away uncommitted changes ({name} revert)", command)
    else:
        pulled_code.other_vcs(command, ctx)  # `svn checkout URL`: a fresh tree, as git clone


_SVN_DELETES = frozenset(split_words("delete del remove rm"))


def _shelve(argv: list[str], command: Command, ctx: Context) -> None:
    if {"-l", "--list", "-p", "--patch", "--stat"} & set(argv):
        return
    if "--cleanup" in argv:
        ctx.add(HIGH, "deletes every shelved change for good (hg shelve --cleanup)", command)
    else:
        ctx.add(MODERATE, "shelves or deletes uncommitted changes (hg shelve)", command)


def _depth_infinity(argv: list[str]) -> bool:
    pairs = itertools.pairwise(argv)
    return "--depth=infinity" in argv or any(p == ("--depth", "infinity") for p in pairs)


def _forced_over(argv: list[str], words: list[str], ctx: Context) -> bool:
    """`svn export --force URL /etc`: the folder the tree is written into."""
    if "--force" not in argv or len(words) < 3 or "://" in words[-1]:
        return False
    place = paths.normalise(ctx.resolve(words[-1])).rstrip("/") or "/"
    return paths.area(place) in ("root", "vital", "system", "key_file", "home")


RULES: dict[str, Rule] = dict.fromkeys(("hg", "svn"), hg_svn)
