"""The version control systems besides git, hg and svn: Fossil, Darcs, Bazaar/Breezy, Jujutsu,
Pijul, CVS, Perforce (p4), and the Subversion server tools (svnadmin, svnlook).

Decisions: reports (status, log, diff) are safe; a command that throws away uncommitted work,
deletes files the repository does not track, or removes recorded history for good (darcs
obliterate, fossil purge/scrub, cvs admin -o, jj op abandon) is HIGH, as `git reset --hard` and
`git clean -f` are; `p4 obliterate -y` is CRITICAL: it erases history on the shared server, for
everyone, where a preview (no -y, or -n) changes nothing; the rest changes the repository or
working copy and is MODERATE. Undoing a commit while keeping its changes in the working copy
(bzr uncommit, darcs unrecord, pijul unrecord) is MODERATE, as `git reset --soft` is.
"""

from __future__ import annotations

from collections.abc import Callable

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = {
    "fossil": split_words(
        "status changes timeline info extras ls finfo diff gdiff annotate blame praise search "
        "help version whatis artifact cat descendants leaves tag-list test-tag-list branch-list"
    ),
    "darcs": split_words("whatsnew log changes annotate diff show help test dist-check list-files"),
    "bzr": split_words(
        "status st stat log diff di dif info annotate blame praise cat ls list missing version "
        "help tags revno whoami check verify-signatures"
    ),
    "jj": split_words(
        "st status log diff show evolog obslog interdiff root help version file-list files "
        "resolve-list cat"
    ),
    "pijul": split_words("log diff ls list credit help version"),
    "cvs": split_words("status st stat diff di dif log lo rlog rl annotate ann rannotate rdiff"),
    "svnadmin": split_words("verify lstxns info lslocks youngest dump dump-revprops help"),
}
# Two-word reports: `jj op log`, `fossil stash list`, `jj bookmark list`.
_READ_PAIRS = frozenset(
    f"{noun} {verb}"
    for noun in split_words("op operation bookmark branch tag stash workspace config git remote")
    for verb in split_words("log list ls show get")
)


def _words(command: Command) -> list[str]:
    """The operands: the subcommand first, then its objects."""
    return [a for a in command.argv if not a.startswith("-")]


def _reads(name: str, words: list[str]) -> bool:
    if not words:
        return True  # a bare `jj` is `jj log`; the others print their help
    return words[0] in _READS.get(name, ()) or " ".join(words[:2]) in _READ_PAIRS


_Changer = Callable[[Command, Context, list[str]], None]


def _unless_reading(name: str) -> Callable[[_Changer], Rule]:
    """A rule that leaves reports alone and hands the rest its operands (subcommand first)."""

    def wrap(changer: _Changer) -> Rule:
        def rule(command: Command, ctx: Context) -> None:
            words = _words(command)
            if not _reads(name, words):
                changer(command, ctx, words)

        return rule

    return wrap


def _changes(command: Command, ctx: Context, name: str, sub: str) -> None:
    ctx.add(MODERATE, f"changes the repository or working copy ({name} {sub})", command)


@_unless_reading("fossil")
def fossil(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    forced = bool({"--force", "-f", "--verily"} & set(argv))
    if sub == "scrub":
        reason = "removes passwords, private branches and shunned artifacts for good (scrub)"
        ctx.add(HIGH, f"{reason}: no undo", command)
    elif sub == "purge" and words[1:2] in (["list"], ["ls"], ["cat"]):
        return
    elif sub == "purge" and words[1:2] == ["obliterate"]:
        ctx.add(
            HIGH, "empties fossil's purge graveyard: purged check-ins are gone for good", command
        )
    elif sub == "purge" and words[1:2] != ["undo"]:
        ctx.add(HIGH, "removes check-ins or files from the repository (fossil purge)", command)
    elif sub == "clean" and not {"-n", "--dry-run"} & set(argv):
        level = HIGH if forced else MODERATE
        ctx.add(level, "deletes every file the checkout does not track (fossil clean)", command)
    elif sub == "revert" and len(words) == 1:
        ctx.add(
            HIGH, "throws away every uncommitted change in the checkout (fossil revert)", command
        )
    elif sub in ("checkout", "co", "update", "up") and "--force" in argv:
        ctx.add(
            HIGH, f"overwrites uncommitted changes in the checkout (fossil {sub} --force)", command
        )
    elif sub == "stash" and words[1:2] in (["clear"], ["drop"], ["rm"]):
        level = HIGH if words[1] == "clear" or "--all" in argv else MODERATE
        ctx.add(level, f"deletes stashed changes (fossil stash {words[1]})", command)
    elif sub == "clean" or sub == "purge":
        return  # `fossil clean --dry-run`, `fossil purge undo` lists or puts back
    else:
        _changes(command, ctx, "fossil", sub)


@_unless_reading("darcs")
def darcs(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    everything = bool({"-a", "--all"} & set(argv))
    if sub in ("obliterate", "unpull") and not {"-o", "--output", "-O"} & set(argv):
        ctx.add(
            HIGH, f"removes patches and their changes from the repository (darcs {sub})", command
        )
    elif sub == "revert" and everything:
        ctx.add(
            HIGH, "throws away every unrecorded change without asking (darcs revert -a)", command
        )
    else:
        _changes(command, ctx, "darcs", sub)


@_unless_reading("bzr")
def bazaar(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    name = command.name
    if sub == "clean-tree" and not {"--dry-run"} & set(argv):
        level = HIGH if "--force" in argv else MODERATE
        what = "unknown and ignored" if "--ignored" in argv else "unknown"
        ctx.add(level, f"deletes every {what} file in the tree ({name} clean-tree)", command)
    elif sub == "clean-tree":
        return
    elif sub == "revert" and len(words) == 1 and "--no-backup" in argv:
        reason = f"throws away every uncommitted change, keeping no backup ({name} revert)"
        ctx.add(HIGH, reason, command)
    elif sub in ("push", "pull") and "--overwrite" in argv:
        where = "the remote branch" if sub == "push" else "this branch"
        reason = f"replaces the history of {where}: its own commits drop off ({name} {sub})"
        ctx.add(HIGH, f"{reason} --overwrite", command)
    elif sub == "remove-tree" and "--force" in argv:
        ctx.add(HIGH, f"deletes the working tree with its changes ({name} remove-tree)", command)
    else:
        _changes(command, ctx, name, sub)


# Revsets that name many commits: every one of them, the user's, or whole ranges.
_WIDE_REVSETS = ("all()", "mine()", "::", "..", "visible_heads()", "mutable()", "root()")


@_unless_reading("jj")
def jujutsu(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    if sub == "abandon" and any(w in a for a in words[1:] for w in _WIDE_REVSETS):
        ctx.add(HIGH, "abandons every commit the revset names (jj abandon)", command)
    elif words[:2] in (["op", "abandon"], ["operation", "abandon"]):
        reason = "drops operations from jj's log: the states before them can no longer be restored"
        ctx.add(HIGH, reason, command)
    elif words[:2] == ["util", "gc"] and any(a.startswith("--expire") for a in argv):
        ctx.add(
            HIGH,
            "deletes unreachable commits now: `jj undo` can no longer bring them back",
            command,
        )
    elif sub == "restore" and len(words) == 1 and not {"--from", "--into", "--to"} & set(argv):
        ctx.add(HIGH, "throws away every change in the working-copy commit (jj restore)", command)
    elif words[:2] == ["git", "push"] and "--deleted" in argv:
        ctx.add(
            HIGH,
            "deletes on the remote every bookmark deleted here (jj git push --deleted)",
            command,
        )
    else:
        _changes(command, ctx, "jj", sub)


@_unless_reading("pijul")
def pijul(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    if sub == "reset" or (sub == "unrecord" and "--reset" in argv):
        reason = f"throws away every unrecorded change in the working copy (pijul {sub})"
        ctx.add(HIGH, reason, command)
    else:
        _changes(command, ctx, "pijul", sub)


@_unless_reading("cvs")
def cvs(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    if sub in ("admin", "adm", "rcs") and any(a.startswith("-o") for a in argv):
        ctx.add(
            HIGH,
            "deletes revisions from the file's history in the repository (cvs admin -o)",
            command,
        )
    else:
        _changes(command, ctx, "cvs", sub)


@_unless_reading("svnadmin")
def svnadmin(command: Command, ctx: Context, words: list[str]) -> None:
    argv = command.argv
    sub = words[0]
    if sub == "rmtxns":
        reason = "deletes transactions from the repository: commits in progress fail (rmtxns)"
        ctx.add(HIGH, reason, command)
    elif sub in ("load", "setuuid") and (sub == "setuuid" or "--force-uuid" in argv):
        reason = "gives the repository another identity: every existing checkout stops working"
        ctx.add(HIGH, f"{reason} (svnadmin {sub})", command)
    else:
        _changes(command, ctx, "svnadmin", sub)


# p4's global options that take a value, given before the subcommand: `p4 -c ws -u bob sync`.
_P4_GLOBAL_VALUES = frozenset(split_words("-c -C -d -H -p -P -u -x -z -Q -r -b -L -l"))
_P4_READS = frozenset(
    split_words(
        "info opened changes changelists describe files filelog fstat have where diff diff2 print "
        "annotate dirs clients workspaces users groups labels branches depots streams jobs "
        "counters sizes help status cstat interchanges grep keys tickets verify fixes"
    )
)
# Subcommands where -n previews the change and makes none.
_P4_PREVIEWS = frozenset(
    split_words("sync revert reconcile clean integrate integ merge copy delete add edit unshelve")
)
# Specs that `-o` prints instead of opening an editor on them.
_P4_SPECS = frozenset(
    split_words("client workspace user group label branch stream depot change job protect")
)


def _p4_words(command: Command) -> list[str]:
    """The subcommand and what follows it, past p4's global options."""
    argv = command.argv
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] in _P4_GLOBAL_VALUES else 1
    return argv[index:]


def perforce(command: Command, ctx: Context) -> None:
    """`p4 obliterate -y`, `p4 revert //...`, `p4 clean`, `p4 sync -f`, `p4 protect`."""
    words = _p4_words(command)
    if not words or words[0] in _P4_READS:
        return
    sub, rest = words[0], words[1:]
    if (sub == "obliterate" and "-y" not in rest) or (sub in _P4_PREVIEWS and "-n" in rest):
        return  # only lists what it would do
    if "-o" in rest and sub in _P4_SPECS:
        return  # prints the spec
    if sub == "obliterate":
        reason = "erases the files and every revision of them from the Perforce server, for"
        ctx.add(CRITICAL, f"{reason} every user: no undo (p4 obliterate -y)", command)
    elif sub == "revert" and not {"-a", "-k"} & set(rest):
        ctx.add(HIGH, "throws away the changes made to the opened files (p4 revert)", command)
    elif sub == "clean" or (sub == "sync" and "-f" in rest):
        reason = "puts the depot's files back over the workspace: local edits are lost"
        ctx.add(HIGH, f"{reason} (p4 {sub})", command)
    elif sub in ("protect", "admin") or (sub == "depot" and "-d" in rest):
        reason = "changes who may use the Perforce server, stops it or deletes a depot"
        ctx.add(HIGH, f"{reason} (p4 {sub})", command)
    else:
        _changes(command, ctx, "p4", sub)


RULES: dict[str, Rule] = {
    "p4": perforce,
    "fossil": fossil,
    "darcs": darcs,
    "bzr": bazaar,
    "brz": bazaar,
    "jj": jujutsu,
    "pijul": pijul,
    "cvs": cvs,
    "svnadmin": svnadmin,
}
