"""Git commands that lose work besides the push, reset, clean and checkout rules of tools.py:
a forced switch, `git rm` of the whole tree, the main branch moved or HEAD deleted by hand,
submodules dropped with their changes, and branches or stashes dropped one after another.

Decisions: each is HIGH, like `git reset --hard`: what goes was never committed (a forced
switch, `git rm -f .`, `submodule deinit -f`) or is only in the reflog (`update-ref` of main,
every branch force-deleted, every stash dropped). A stash taken just before `git reset --hard`
keeps the uncommitted work, so that reset only moves the branch (MODERATE).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE
from tui.core.safety.words import split_words

MAIN_BRANCHES = frozenset(split_words("main master trunk production prod release develop"))
_WHOLE_TREE = frozenset((".", "./", ":/", "*"))
_STASH_TAKERS = frozenset(split_words("push save -u --include-untracked -a --all -k"))
_STASH_DROP_LOOP = lazy_pattern(r"\bgit\s+stash\s+drop\b")


def lost_work(sub: str, rest: Command, ctx: Context) -> None:
    """The extra losses of `git SUB ...` (rest: the words after SUB)."""
    argv = rest.argv
    if sub in ("checkout", "switch") and _forced_switch(argv):
        reason = f"switches branch by force: every uncommitted change is lost (git {sub})"
        ctx.add(HIGH, reason, rest)
    elif sub == "rm" and "--cached" not in argv and _WHOLE_TREE & set(argv):
        ctx.add(HIGH, "deletes every tracked file from the working tree (git rm)", rest)
    elif sub == "update-ref" and "-d" not in argv and any(_main_ref(a) for a in argv[:1]):
        reason = "moves the main branch by hand: later commits drop off it (git update-ref)"
        ctx.add(HIGH, reason, rest)
    elif sub == "branch" and _moves_main(argv):
        reason = "moves the main branch by force: later commits drop off it (git branch -f)"
        ctx.add(HIGH, reason, rest)
    elif sub == "lfs" and argv[:2] in (["migrate", "import"], ["migrate", "export"]):
        _lfs_rewrite(argv, rest, ctx)
    elif sub in ("fetch", "pull") and _forced_into_branches(argv):
        reason = (
            f"overwrites local branches with the remote's: commits made here drop off (git {sub})"
        )
        ctx.add(HIGH, reason, rest)
    elif sub == "update-ref" and "--stdin" in argv and _fed_by(rest, ("for-each-ref",)):
        ctx.add(HIGH, "changes or deletes every ref a listing names (git update-ref --stdin)", rest)
    elif sub == "checkout-index" and {"-a", "--all"} & set(argv) and {"-f", "--force"} & set(argv):
        reason = "overwrites every file of the working tree with its staged copy (checkout-index)"
        ctx.add(HIGH, reason, rest)
    elif sub == "tag" and {"-d", "--delete"} & set(argv) and _fed(rest, ("tag",)):
        ctx.add(HIGH, "deletes every tag a listing names (xargs git tag -d)", rest)
    elif sub == "annex" and argv[:1] and argv[0] in _ANNEX_DROPS and "--force" in argv:
        reason = "drops file contents even when no other copy is known (git annex --force)"
        ctx.add(HIGH, reason, rest)
    elif sub == "symbolic-ref" and {"-d", "--delete"} & set(argv):
        ctx.add(HIGH, "deletes HEAD: the repository stops working (git symbolic-ref -d)", rest)
    elif sub == "submodule" and argv[:1] == ["deinit"] and {"-f", "--force"} & set(argv):
        reason = "removes submodules' files with their uncommitted changes (submodule deinit -f)"
        ctx.add(HIGH, reason, rest)
    elif sub == "branch" and "-D" in argv and _fed(rest, ("branch", "for-each-ref")):
        ctx.add(HIGH, "force-deletes every branch a listing names (xargs git branch -D)", rest)
    elif sub == "stash" and argv[:1] == ["drop"] and _fed(rest, ("stash",)):
        ctx.add(HIGH, "drops every stash a listing names: that work is gone (git stash drop)", rest)
    elif sub == "stash" and argv[:1] == ["drop"] and len(argv) == 1 and stashed_first(ctx):
        reason = "drops the stash this line just took: those uncommitted changes are gone"
        ctx.add(HIGH, reason, rest)  # `git stash -u && git stash drop`
    elif sub == "stash" and argv[:1] == ["drop"] and _drops(ctx) >= _MANY_DROPS:
        ctx.add(HIGH, "drops stash after stash: that work is gone (git stash drop)", rest)


_ANNEX_DROPS = frozenset(split_words("drop dropunused dropkey"))
# Subcommands and their forms that only report (`git submodule status`, `git replace -l`).
_REPORTS = {
    "submodule": (("status",), ("summary",)),
    "worktree": (("prune", "-n"), ("prune", "--dry-run")),
    "replace": (("-l",), ("--list",), ()),
    "lfs": (("prune", "--dry-run"), ("prune", "-d"), ("fetch", "--dry-run")),
    "annex": tuple(
        (verb,) for verb in split_words("whereis list info find status version unused log")
    ),
}


def only_reports(sub: str, argv: list[str]) -> bool:
    forms = _REPORTS.get(sub, ())
    if not argv:
        return () in forms  # `git replace`: lists the replacements
    return any(form and tuple(argv[: len(form)]) == form for form in forms)


def _fed_by(command: Command, listers: tuple[str, ...]) -> bool:
    """`git for-each-ref ... | git update-ref --stdin`: the refs come from a git listing."""
    stdin = command.stdin
    if stdin is None or stdin.producers[:1] != ("git",):
        return False
    return stdin.reads[:1] != () and stdin.reads[0] in listers


def _forced_switch(argv: list[str]) -> bool:
    # `git checkout -f -- file`: those files only
    return "--" not in argv and bool({"-f", "--force", "--discard-changes"} & set(argv))


def _moves_main(argv: list[str]) -> bool:
    """`git branch -f main HEAD~3`: main reset to an older commit (not `-d`, `-m`, `-c`)."""
    flags = [a for a in argv if a.startswith("-")]
    names = [a for a in argv if not a.startswith("-")]
    forced = any(a in ("-f", "--force") for a in flags)
    other = any(a.lstrip("-")[:1] in ("d", "D", "m", "M", "c", "C") for a in flags)
    return forced and not other and len(names) >= 2 and _main_ref(names[0])


def _forced_into_branches(argv: list[str]) -> bool:
    """`git fetch -f origin 'refs/heads/*:refs/heads/*'`, `git fetch origin +main:main`."""
    forced = any(a in ("-f", "--force") for a in argv)
    for ref in (a for a in argv if ":" in a and not a.startswith("-")):
        source, _, target = ref.partition(":")
        into = target.removeprefix("refs/heads/")
        if (forced or source.startswith("+")) and (into == "*" or into in MAIN_BRANCHES):
            return True
    return False


def _lfs_rewrite(argv: list[str], rest: Command, ctx: Context) -> None:
    """`git lfs migrate import --everything`: every commit rewritten to move files into LFS."""
    if "--no-rewrite" in argv:
        return
    if "--everything" in argv or any(a.startswith("--include-ref") for a in argv):
        reason = "rewrites the history of every branch (git lfs migrate): others' copies diverge"
        ctx.add(HIGH, reason, rest)
    else:
        ctx.add(MODERATE, "rewrites the current branch's history (git lfs migrate)", rest)


def _main_ref(ref: str) -> bool:
    return ref.removeprefix("refs/heads/") in MAIN_BRANCHES


def _fed(command: Command, listers: tuple[str, ...]) -> bool:
    """`git branch | grep -v main | xargs git branch -D`: each name the git listing printed."""
    stdin = command.stdin
    if "xargs" not in command.via or stdin is None or stdin.producers[:1] != ("git",):
        return False
    return stdin.reads[:1] != () and stdin.reads[0] in listers


_MANY_DROPS = 3
_DROP_WORDS = ["git", "stash", "drop"]


def _drops(ctx: Context) -> int:
    """`git stash drop && git stash drop && ...`: the drops of the line so far."""
    return sum(1 for forms in ctx.simple_commands if forms and forms[-1].split()[:3] == _DROP_WORDS)


def stashed_first(ctx: Context) -> bool:
    """`git stash && git reset --hard`: an earlier command of the line stashed the changes."""
    for forms in ctx.simple_commands:
        words = forms[-1].split() if forms else []
        if words[:2] == ["git", "stash"] and (len(words) == 2 or words[2] in _STASH_TAKERS):
            return True
    return False


def looped_drops(text: str) -> tuple[RiskLevel, str] | None:
    """`for i in $(seq 0 20); do git stash drop; done`: stash after stash dropped."""
    if _STASH_DROP_LOOP.search(text):
        return HIGH, "drops stash after stash in a loop: that work is gone (git stash drop)"
    return None
