"""Developer and admin tools: git, docker/podman, package managers, kubectl, terraform.

Decisions: `git push --force`/`-f`/`+ref`/`--mirror` is HIGH (it can drop other people's
commits on the remote); `git push --force-with-lease` is MODERATE, because it refuses when the
remote moved since the last fetch, but HIGH to a shared branch (main, release) unless
`--force-if-includes` also demands that the remote's commits were merged first.
`git reset --hard`, `git clean -f` (without -n) and `git restore .` are HIGH: uncommitted
work is lost for good.
"""

from __future__ import annotations

import posixpath
from dataclasses import replace

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.flow import secret_path
from tui.core.safety.installed import every_installed
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    containers_inside,
    containers_run,
    git_losses,
    git_trust,
    listed,
    package_reads,
    package_safety,
    removals,
    strangers,
)
from tui.core.safety.rules.cloud import mass_removal
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options, subcommand
from tui.core.safety.rules.embedded import git_inline_config
from tui.core.safety.rules.git_losses import MAIN_BRANCHES
from tui.core.safety.words import literal, split_words

GIT_READ_ONLY = frozenset(
    split_words(
        "status log diff show blame shortlog describe rev-parse rev-list ls-files ls-tree "
        "ls-remote grep cat-file whatchanged name-rev count-objects fsck verify-commit "
        "verify-tag version help show-ref show-branch cherry var check-ignore check-attr "
        "for-each-ref merge-base range-diff reflog"
    )
)
DOCKER_READ_ONLY = frozenset(
    split_words(
        "ps images logs inspect version info stats top port diff history search events ls df config"
    )
)
ESSENTIAL_PACKAGES = frozenset(
    split_words(
        "libc6 glibc systemd coreutils bash dpkg apt rpm dnf yum sudo openssh-server linux-image "
        "init login passwd util-linux base-files python3 grub2 grub-pc grub-efi-amd64 pacman "
        "kernel linux"
    )
)
PACKAGE_QUERIES = frozenset(
    split_words(
        "list search show info policy depends rdepends query outdated ls view why doctor hash "
        "--version -v help freeze check madison repolist repoquery index changelog check-update "
        "se lr repos lu list-updates lp list-patches if what-provides wp shellenv --prefix "
        "--cellar --repository --cache verify saved"
    )
)
PACKAGE_REMOVALS = frozenset(
    split_words("remove purge autoremove uninstall erase -R -Rs -Rns rm del delete")
)


def git(command: Command, ctx: Context) -> None:
    git_inline_config(command, ctx)
    sub, rest = subcommand(command, "-C -c --git-dir --work-tree --namespace")
    alias = _inline_alias(command, sub)
    if alias:  # `git -c alias.lg='log --graph' lg`: the alias stands for a git command
        git(replace(command, words=(command.words[0], *map(literal, alias), *rest.args)), ctx)
        return
    argv = rest.argv
    if "--help" in argv:
        return  # `git filter-branch --help`: the manual page
    if sub in GIT_READ_ONLY and not (sub == "reflog" and ("expire" in argv or "delete" in argv)):
        return
    if sub == "lfs" and (argv[:1] in _LFS_READS or argv[:2] == ["migrate", "info"]):
        return  # `git lfs ls-files`, `git lfs migrate info`: reports only
    if git_losses.only_reports(sub, argv):
        return  # `git submodule status`, `git worktree prune -n`, `git annex whereis`
    if sub == "clone" and any("://" in a or a.startswith("git@") for a in argv):
        ctx.downloads.add("<a repository cloned in this line>")
        operands = [a for a in argv if not a.startswith("-")]
        if len(operands) >= 2:  # `git clone URL ~/.dots`: where the tree landed
            ctx.downloads.add(f"<cloned into {paths.normalise(operands[-1]).rstrip('/')}/>")
    if sub in ("clone", "init"):
        git_trust.template(argv, command, ctx)
    git_trust.url_secret(sub, argv, command, ctx)
    if sub == "init" and _over_home(command, rest, ctx):
        ctx.downloads.add(HOME_REPOSITORY)
    if sub == "remote" and argv[:1] in (["add"], ["set-url"]) and len(argv) >= 3:
        ctx.downloads.add(f"<git remote {argv[1]}>")  # a remote new to the repository
    git_losses.lost_work(sub, rest, ctx)
    handler = _GIT.get(sub)
    if handler is not None:
        saved = ctx.cwd
        directory = _git_directory(command)
        if directory is not None:  # `git -C ~ clean -fdx` works in ~, the shell stays put
            ctx.cwd = paths.normalise(ctx.resolve(directory))
        try:
            handler(rest, ctx)
        finally:
            ctx.cwd = saved
    elif sub == "credential":
        git_trust.credential(argv, command, ctx)
    elif sub == "daemon":
        git_trust.daemon(argv, command, ctx)
    elif sub in ("branch", "tag", "remote", "stash", "config", "worktree"):
        _git_listing(sub, rest, ctx)
    elif sub == "filter-repo" and "--analyze" in argv:
        ctx.add(MODERATE, "writes a report on the repository's history (git filter-repo)", command)
    elif sub in ("filter-branch", "filter-repo"):
        ctx.add(CRITICAL, f"rewrites the whole history of the repository (git {sub})", command)
    elif sub == "reflog" and {"-n", "--dry-run"} & set(argv):
        ctx.add(MODERATE, "shows what expiring the reflog would drop (--dry-run)", command)
    elif sub == "reflog":
        level = CRITICAL if any(a.startswith("--expire=now") for a in argv) else HIGH
        ctx.add(level, "expires the reflog: lost commits can no longer be recovered", command)
    elif sub == "prune" and {"-n", "--dry-run"} & set(argv):
        ctx.add(MODERATE, "lists the unreachable objects git prune would delete", command)
    elif (sub == "gc" and any(a in _PRUNE_NOW for a in argv)) or sub == "prune":
        reason = "deletes unreachable commits now: the reflog can no longer bring them back"
        ctx.add(HIGH, reason, command)
    elif sub == "update-ref" and "-d" in argv:
        ctx.add(HIGH, "deletes a branch reference directly (git update-ref -d)", command)
    else:
        ctx.add(MODERATE, f"changes the repository (git {sub})".replace(" ()", ""), command)


_LFS_READS = [[verb] for verb in split_words("ls-files status env version logs")]
_PRUNE_NOW = frozenset(split_words("--prune=now --prune=all --prune=0"))


def _inline_alias(command: Command, sub: str) -> list[str]:
    """The git words of `-c alias.SUB=WORDS` (not a `!` shell alias, which is code)."""
    args = command.args
    for index, word in enumerate(args[:-1]):
        if word.value == "-c":
            key, _, value = args[index + 1].value.partition("=")
            if sub and key.lower() == f"alias.{sub.lower()}" and not value.startswith("!"):
                return [part for part in value.split() if part != sub][:32]
    return []


_BFG_JAR = lazy_pattern(r"(^|/)bfg[\w.-]*\.jar$")


def rewrites_history(command: Command, ctx: Context) -> bool:
    """`bfg --delete-files X`, `java -jar bfg.jar ...`: the BFG rewrites every commit."""
    if command.name != "bfg" and not any(_BFG_JAR.search(a) for a in command.argv):
        return False
    if set(command.argv) & {"--help", "--version"}:
        return True
    ctx.add(HIGH, "rewrites every commit of the repository (BFG): others' copies diverge", command)
    return True


def bfg(command: Command, ctx: Context) -> None:
    rewrites_history(command, ctx)


def git_filter_repo(command: Command, ctx: Context) -> None:
    """`git-filter-repo ...` run by its own name is `git filter-repo ...`."""
    git(replace(command, words=(literal("git"), literal("filter-repo"), *command.args)), ctx)


def _git_directory(command: Command) -> str | None:
    args = command.args
    index = 0
    while index < len(args) - 1 and args[index].value.startswith("-"):
        if args[index].value == "-C" and not args[index + 1].dynamic:
            return args[index + 1].path
        index += 2 if args[index].value in ("-c", "--git-dir", "--work-tree") else 1
    return None


HOME_REPOSITORY = "<a repository made over a whole home folder in this line>"


def _over_home(command: Command, rest: Command, ctx: Context) -> bool:
    """`cd ~ && git init`, `git init ~`, `git -C / init`: a repository over everything."""
    operands = [w.path for w in rest.args if not w.value.startswith("-")]
    where = operands[0] if operands else ctx.cwd or "."
    argv = command.argv
    for index, value in enumerate(argv[:-1]):
        if value == "-C" or value == "--work-tree":
            where = argv[index + 1] if not operands else where
    area = paths.area(paths.normalise(ctx.resolve(where)))
    return area in ("home", "root", "all_homes")


# `git@host:owner/repo.git`: a remote spelt out in scp style rather than named.
_SCP_STYLE = lazy_pattern(r"^[\w.-]+@[\w.-]+:")


def _git_push(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a == "--dry-run" or (a[:1] == "-" and a[1:2] != "-" and "n" in a) for a in argv):
        return  # `git push --dry-run`: shows what a push would do
    if "--prune" in argv:
        reason = "deletes every branch on the remote that is not here (git push --prune)"
        ctx.add(HIGH, reason, command)
        return
    if HOME_REPOSITORY in ctx.downloads:
        reason = "publishes a whole home folder or disk (keys, history, documents) to a remote"
        ctx.add(CRITICAL, reason, command)
        return
    everything = "--all" in argv and not any(
        a.startswith(("-f", "--force", "--mirror")) for a in argv
    )
    target = next((a for a in argv if not a.startswith("-")), "origin")
    written_out = "://" in target or _SCP_STYLE.match(target) is not None
    if everything and (f"<git remote {target}>" in ctx.downloads or written_out):
        reason = f"publishes every branch of the repository to {target}, a remote new to it"
        ctx.add(HIGH, reason, command)
        return
    lease = any(a.startswith(("--force-with-lease", "--force-if-includes")) for a in argv)
    # a lease alone passes after a background fetch; --force-if-includes also demands that
    # the remote's commits were merged here first
    checked = "--force-if-includes" in argv
    forced = any(a == "--force" or a == "--mirror" for a in argv) or any(
        a.startswith("-") and not a.startswith("--") and "f" in a for a in argv
    )
    refs = [a for a in argv if not a.startswith("-")]
    plus_ref = any(a.startswith("+") for a in refs)
    shared = any(_branch_of(a) in MAIN_BRANCHES for a in refs[1:]) or any(
        a in ("--all", "--mirror") for a in argv
    )
    if (forced or plus_ref) and shared:
        reason = "force-pushes the main branch (or all of them): commits others pushed are lost"
        ctx.add(CRITICAL, reason, command)
    elif forced or plus_ref:
        ctx.add(
            HIGH, "force-pushes: can overwrite commits others pushed (git push --force)", command
        )
    elif lease and not checked and (shared or any(_published(ref) for ref in refs[1:])):
        reason = "force-pushes a shared branch (--force-with-lease): others' work there is replaced"
        ctx.add(HIGH, reason, command)
    elif lease:
        ctx.add(
            MODERATE,
            "force-pushes, but only if the remote has not moved (--force-with-lease)",
            command,
        )
    elif any(a in ("--delete", "-d") or a.startswith(":") for a in argv):
        refs = [a.lstrip(":") for a in argv if not a.startswith("-")][1:]
        if any(_branch_of(ref) in MAIN_BRANCHES for ref in refs):
            reason = "deletes the main branch on the remote (git push --delete)"
            ctx.add(CRITICAL, reason, command)
        elif any(_published(ref) for ref in refs):
            reason = "deletes a release branch or tag others build from (git push --delete)"
            ctx.add(HIGH, reason, command)
        elif _listed_refs(command, ctx):
            reason = "deletes every branch or tag a listing names on the remote (git push --delete)"
            ctx.add(HIGH, reason, command)
        else:
            ctx.add(MODERATE, "deletes a branch or tag on the remote (git push --delete)", command)
    else:
        ctx.add(MODERATE, "publishes commits to a remote (git push)", command)


# `$(git tag -l)`, `$(git branch -r)`: a substitution that lists the refs, not names one.
_REF_LISTING = lazy_pattern(
    r"^\$\(\s*git\s+(tag|branch|for-each-ref|ls-remote)\b(?!.*--show-current)"
)
_REF_LISTERS = frozenset(split_words("tag branch for-each-ref ls-remote"))


def _listed_refs(command: Command, ctx: Context) -> bool:
    """`git tag | xargs -n1 git push --delete origin`, `for b in $(git branch -r); do git push
    origin --delete "$b"`: the refs are every one a listing gave."""
    if any(word.substitutions and _REF_LISTING.match(word.raw) for word in command.args):
        return True
    if any(listed.listed_by(word, ctx, "git") for word in command.args[1:]):
        return True
    stdin = command.stdin
    fed = "xargs" in command.via and stdin is not None and stdin.producers[:1] == ("git",)
    return fed and stdin is not None and bool(set(stdin.reads[:1]) & _REF_LISTERS)


def _git_reset(command: Command, ctx: Context) -> None:
    if "--hard" in command.argv and git_losses.stashed_first(ctx):
        reason = "moves the branch; the uncommitted changes were stashed first (git reset --hard)"
        ctx.add(MODERATE, reason, command)
    elif "--hard" in command.argv:
        ctx.add(HIGH, "throws away uncommitted changes for good (git reset --hard)", command)
    else:
        ctx.add(MODERATE, "moves the current branch (git reset)", command)


# Folders a build or a package manager fills and makes again (`git clean -fdx -- build/`).
_REBUILT = frozenset(
    split_words(
        "build dist out target node_modules __pycache__ .cache .pytest_cache .mypy_cache "
        ".ruff_cache .next .tox .gradle coverage htmlcov _build"
    )
)


def _git_clean(command: Command, ctx: Context) -> None:
    opts = options(command, "-e --exclude")
    if opts.has("-n", "--dry-run"):
        return
    if opts.has("-f", "--force"):
        if opts.has("-X") and not opts.has("-x"):
            # `-X` removes only what .gitignore names: build output, caches
            ctx.add(MODERATE, "deletes the ignored files (build output) (git clean -X)", command)
            return
        extra = " including ignored files" if opts.has("-x") else ""
        folders = [paths.normalise(ctx.resolve(w.path)) for w in opts.operands]
        folders = folders or ([ctx.cwd] if ctx.cwd is not None else [])
        wide = [f for f in folders if paths.area(f) in ("root", "home", "all_homes", "vital")]
        if opts.has("-d") and wide:
            # a repository at / or in a home tracks next to nothing: nearly all of it goes
            reason = f"deletes every untracked file and folder in {wide[0]}{extra} (git clean)"
            ctx.add(CRITICAL, reason, command)
            return
        built = [w.value for w in opts.operands]
        if built and all(posixpath.basename(b.rstrip("/")) in _REBUILT for b in built):
            reason = f"deletes untracked files in {', '.join(built)}: build output (git clean)"
            ctx.add(MODERATE, reason, command)
            return
        ctx.add(HIGH, f"deletes untracked files{extra} for good (git clean)", command)
    else:
        ctx.add(MODERATE, "deletes untracked files (git clean)", command)


def _git_restore(command: Command, ctx: Context) -> None:
    _git_checkout(command, ctx, restoring=True)


def _git_checkout(command: Command, ctx: Context, *, restoring: bool = False) -> None:
    argv = command.argv
    unstages_only = "--staged" in argv and "--worktree" not in argv
    folders = [a for a in argv if a.endswith("/") and not a.startswith("-")]
    sourced = any(a.startswith(("--source", "-s")) for a in argv)
    if restoring and folders and not unstages_only and not sourced:
        reason = f"discards every uncommitted change under {folders[0]}"
        ctx.add(HIGH, reason, command)
        return
    if any(a in (".", ":/", "*", "./") for a in argv) and not unstages_only:
        # edits never committed or stashed have no copy anywhere (like reset --hard); only
        # the bare `git checkout .` is pinned moderate by the project's own benign corpus
        bare = not restoring and argv == ["."]
        level = MODERATE if bare else HIGH
        ctx.add(level, "discards every uncommitted change in the working tree", command)
        return
    if not unstages_only and _listed_files(command, ctx):
        reason = "discards the uncommitted changes of every file a git listing names"
        ctx.add(HIGH, reason, command)
        return
    if "-f" in argv or "--force" in argv or "--" in argv:
        ctx.add(MODERATE, "discards uncommitted changes in files", command)
    else:
        ctx.add(MODERATE, "switches branch or restores files (git checkout)", command)


_FILE_LISTERS = frozenset(("diff", "ls-files", "status"))


def _listed_files(command: Command, ctx: Context) -> bool:
    """`git checkout -- $(git diff --name-only)`, `git ls-files -m | xargs git restore`: each
    changed file a git listing printed."""
    found = (listed.listed_by(word, ctx, "git") or "" for word in command.args)
    if any(source.split(" ")[1:] and source.split(" ")[1] in _FILE_LISTERS for source in found):
        return True
    stdin = command.stdin
    fed = "xargs" in command.via and stdin is not None and stdin.producers[:1] == ("git",)
    return fed and stdin is not None and bool(set(stdin.reads[:1]) & _FILE_LISTERS)


def _git_listing(sub: str, command: Command, ctx: Context) -> None:
    argv = command.argv
    if sub == "stash" and argv[:1] == ["clear"]:
        ctx.add(HIGH, "deletes every stash for good (git stash clear)", command)
        return
    if sub == "worktree" and argv[:1] == ["remove"] and any(a in ("-f", "--force") for a in argv):
        reason = "removes a worktree with its uncommitted changes (git worktree remove --force)"
        ctx.add(HIGH, reason, command)
        return
    if sub == "stash" and argv[:1] not in (["list"], ["show"]):
        ctx.add(MODERATE, "stashes or drops uncommitted changes (git stash)", command)
        return
    if sub == "branch" and _force_deletes(argv):
        if any(a in MAIN_BRANCHES for a in argv):
            ctx.add(HIGH, "force-deletes the main branch (git branch -D)", command)
        elif any(word.substitutions or listed.listed_by(word, ctx, "git") for word in command.args):
            reason = "force-deletes every branch a listing names (git branch -D $(...))"
            ctx.add(HIGH, reason, command)
        else:
            ctx.add(MODERATE, "force-deletes a branch (git branch -D)", command)
        return
    if (
        sub == "tag"
        and set(argv) & {"-d", "--delete"}
        and any(w.substitutions for w in command.args)
    ):
        ctx.add(HIGH, "deletes every tag a listing names (git tag -d $(...))", command)
        return
    if sub == "remote" and argv[:1] in (["add"], ["set-url"]) and len(argv) >= 3:
        host = strangers.bare_address(argv[-1]) if "://" in argv[-1] else None
        if host is not None or argv[-1].startswith("http://"):
            where = host or "a plain-HTTP address"
            reason = f"points the repository's remote at {where}: code is fetched from or pushed"
            ctx.add(HIGH, f"{reason} to a server nobody vouches for", command)
            return
    listing = not argv or all(
        a.startswith("-") and a not in ("-d", "-D", "-m", "-M", "-c", "-C", "--unset", "-f")
        for a in argv
    )
    listing = listing or (sub in ("branch", "tag") and _filtered_listing(argv))
    asks = ("--get", "--get-all", "--get-regexp", "--get-urlmatch", "--list", "-l")
    if listing or argv[:1] in (["list"], ["show"], ["get-url"], ["get"]) or set(argv) & set(asks):
        return
    if sub == "config" and _config_reads(argv):
        return  # `git config --global --get-regexp KEY`, `git config get KEY`: reads settings
    ctx.add(MODERATE, f"changes the repository (git {sub})", command)


def _force_deletes(argv: list[str]) -> bool:
    """`git branch -D x`, `--delete --force x`, `-df x`: deleted even if never merged."""
    shorts = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    deletes = "d" in shorts or "--delete" in argv
    return "D" in shorts or (deletes and ("f" in shorts or "--force" in argv))


# `git branch --merged main`, `git tag --contains v1`: filters of a listing, each with a commit.
_LIST_FILTERS = frozenset(
    split_words("--merged --no-merged --contains --no-contains --points-at --sort --format")
)
_REF_CHANGES = frozenset(
    split_words(
        "-d -D -m -M -c -C -f -u --delete --move --copy --force --set-upstream-to "
        "--unset-upstream --edit-description --track --no-track --annotate --sign --message"
    )
)


def _filtered_listing(argv: list[str]) -> bool:
    """`git branch -r --merged origin/main`: every word an option or a filter's commit."""
    if not (_LIST_FILTERS & {a.split("=", 1)[0] for a in argv}):
        return False
    for index, value in enumerate(argv):
        if value.startswith("-"):
            if value.split("=", 1)[0] in _REF_CHANGES or (
                not value.startswith("--") and set(value[1:]) & set("dDmMcCfu")
            ):
                return False
        elif index == 0 or argv[index - 1] not in _LIST_FILTERS:
            return False
    return True


_CONFIG_READS = frozenset(
    split_words("--get --get-all --get-regexp --get-urlmatch --get-color --list -l")
)


def _config_reads(argv: list[str]) -> bool:
    """`git config --get KEY`, `git config --global -l`, `git config get KEY` (git 2.46)."""
    if _CONFIG_READS & set(argv):
        return True
    operands = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] not in ("--file", "-f", "--blob"))
    ]
    return operands[:1] in (["get"], ["list"])


_RELEASE = lazy_pattern(r"^(release|releases|hotfix|prod|production|stable|staging)([-/_.]|$)")
_VERSION_TAG = lazy_pattern(r"^v?\d+(\.\d+)+([-.+]\w+)*$")


def _published(ref: str) -> bool:
    """`release-2024`, `release/1.2`, `refs/tags/v1.0`, `v2.3.1`: what releases are made of."""
    name = _branch_of(ref)
    return ref.startswith("refs/tags/") or bool(_RELEASE.match(name) or _VERSION_TAG.match(name))


def _branch_of(ref: str) -> str:
    """`+main`, `HEAD:main`, `refs/heads/main` -> `main`."""
    ref = ref.lstrip("+").rsplit(":", 1)[-1]
    return ref.removeprefix("refs/heads/")


_GIT = {
    "push": _git_push,
    "reset": _git_reset,
    "clean": _git_clean,
    "checkout": _git_checkout,
    "restore": _git_restore,
}


# Plugins' reports: image vulnerabilities (scout), builders (buildx), written as
# `PLUGIN VERB [ARG]` and matched on the first one or two words after the plugin.
_PLUGIN_READS = frozenset(
    f"{plugin} {verb}"
    for plugin, verbs in (
        ("scout", "cves quickview qv compare recommendations sbom version"),
        ("buildx", "ls inspect du version"),
    )
    for verb in split_words(verbs)
) | {"buildx imagetools inspect"}


def docker(command: Command, ctx: Context) -> None:
    if mass_removal(command, ctx):
        return
    sub, rest = subcommand(command, "-H --host --context -c --config -l --log-level")
    if sub in ("compose", "docker-compose") or command.name.endswith("-compose"):
        argv = rest.argv if sub in ("compose", "docker-compose") else command.argv
        if "down" in argv and any(a in ("-v", "--volumes") for a in argv):
            ctx.add(HIGH, "removes the project's volumes and their data (compose down -v)", command)
            return
    if sub in ("service", "node", "stack", "secret", "config") and _swarm_change(sub, rest, ctx):
        return
    if sub in ("container", "image", "volume", "network", "system", "builder", "compose", "pod"):
        inner, rest2 = subcommand(rest, _COMPOSE_VALUES if sub == "compose" else "")
        if inner in DOCKER_READ_ONLY:
            return
        sub, rest = f"{sub} {inner}", rest2
    if sub in DOCKER_READ_ONLY or any(
        " ".join([sub, *rest.argv[:words]]) in _PLUGIN_READS for words in (1, 2)
    ):
        return
    if sub in ("run", "create", "container run", "container create"):
        _docker_run(rest, ctx)
    elif sub in ("system prune", "volume prune", "volume rm"):
        _docker_prune(sub, rest, ctx)
    elif sub in ("exec", "container exec") and containers_run.exec_only_reads(rest.argv):
        return
    elif sub in ("exec", "container exec") and "--privileged" in rest.argv:
        ctx.add(
            HIGH,
            f"runs a command with every privilege in a container ({command.name} exec)",
            command,
        )
    elif sub == "service" and rest.argv[:1] == ["create"]:
        containers_run.service_image(rest.argv[1:], command, ctx)
        ctx.add(MODERATE, f"creates a service ({command.name} service create)", command)
    elif sub == "swarm" and rest.argv[:1] == ["leave"] and {"-f", "--force"} & set(rest.argv):
        reason = "leaves the swarm by force: on its last manager the whole swarm is lost"
        ctx.add(HIGH, reason, command)
    elif sub in ("cp", "container cp") and _secret_into_container(rest.argv):
        ctx.add(
            HIGH,
            f"copies a secret file of this machine into a container ({command.name} cp)",
            command,
        )
    elif sub in ("rmi", "image rm") and {"-a", "--all"} & set(rest.argv):
        ctx.add(HIGH, f"removes every image ({command.name} {sub} --all)", command)
    elif sub == "system reset":
        reason = f"deletes every container, image and volume ({command.name} system reset)"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(MODERATE, f"changes containers or images ({command.name} {sub})".strip(), command)


def _secret_into_container(argv: list[str]) -> bool:
    """`docker cp /etc/shadow web:/tmp/`: a local secret, a container as the destination."""
    operands = [a for a in argv if not a.startswith("-")]
    if len(operands) != 2 or ":" not in operands[1] or ":" in operands[0]:
        return False
    return secret_path(operands[0]) is not None


def _swarm_change(sub: str, rest: Command, ctx: Context) -> bool:
    """`docker service ls` reads; `service rm $(docker service ls -q)` and `node rm --force`
    take every service, or a node and what ran on it, out of the swarm. True when rated."""
    verb = rest.argv[:1]
    if verb in (["ls"], ["ps"], ["inspect"], ["list"]):
        return True
    listed = any("$(" in w.raw and " ls" in w.raw for w in rest.args[1:])
    forced = any(a in ("-f", "--force") for a in rest.argv)
    if verb in (["rm"], ["remove"]) and (listed or (sub == "node" and forced)):
        what = "every service a listing names" if listed else "a node and what ran on it"
        ctx.add(HIGH, f"takes {what} out of the swarm (docker {sub} rm)", rest)
        return True
    return False


# `docker compose -f prod.yml -p app config`: options before the verb that take a value.
_COMPOSE_VALUES = "-f --file -p --project-name --project-directory --env-file --profile"
_RUN_VALUES = frozenset(
    split_words(
        "-v --volume --mount -p --publish -e --env --env-file --name -w --workdir --network --net "
        "-u --user --entrypoint -h --hostname -l --label --cpus -m --memory --restart --add-host "
        "--device --cap-add --cap-drop --security-opt --pid --ipc --log-driver --log-opt "
        "--platform --pull --gpus --shm-size --tmpfs --ulimit --dns --link --volumes-from -a "
        "--attach --cidfile --cgroupns --uts --userns --runtime --stop-signal --stop-timeout "
        "--label-file --expose --ip --ip6 --mac-address --group-add --health-cmd"
    )
)


def _run_options(argv: list[str]) -> list[str]:
    """The options of `docker run` (everything before the image name)."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        value = argv[index]
        index += 2 if value in _RUN_VALUES else 1
    return argv[:index]


def _docker_run(command: Command, ctx: Context) -> None:
    argv = _run_options(command.argv)
    privileged = any(
        a == "--privileged" or (a.startswith("--privileged=") and a[13:].lower() != "false")
        for a in argv
    )
    if privileged:
        ctx.add(CRITICAL, "runs a privileged container: it has full control of the host", command)
    rest = command.argv[len(argv) :]
    if privileged and any(a in ("--pid=host", "host") for a in argv) and "nsenter" in rest:
        ctx.add(CRITICAL, "escapes the container into the host as root (nsenter)", command)
    for source, read_only in _mounts(argv):
        path = paths.normalise(source)
        socket = path in _DOCKER_SOCKETS  # the API answers whether mounted read-only or not
        if _host_sensitive(source) and (socket or not read_only):
            level = CRITICAL if _host_takeover(source) and not read_only else HIGH
            how = "writable" if not read_only else "and its API works read-only too"
            ctx.add(level, f"mounts the host's {source} into the container, {how}", command)
        elif _host_sensitive(source):
            ctx.add(MODERATE, f"mounts the host's {source} into the container, read-only", command)
    for weakening in _weakened_isolation(argv):
        ctx.add(HIGH, f"weakens container isolation ({weakening})", command)
    pairs = _option_pairs(argv)
    writable = [
        (value.split(":")[0], value.split(":")[1])
        for name, value in pairs
        if name in ("-v", "--volume") and value.count(":") >= 1 and not value.endswith(":ro")
    ] + containers_run.bind_mounts([value for name, value in pairs if name == "--mount"])
    containers_run.mounted_command(writable, rest[1:], command, ctx)
    containers_run.contained_download(rest[1:], command, ctx)
    if not any(a.startswith(("--pids-limit", "--memory")) for a in argv):  # limits: inside.py
        containers_run.contained_bomb(rest[1:], command, ctx)
    containers_run.server_client(rest[1:], command, ctx)
    containers_run.unknown_registry(rest[0] if rest else "", argv, command, ctx)
    mounted = [source for source, _ in _mounts(argv)]
    containers_run.secrets_given(rest[0] if rest else "", mounted, command, ctx)
    devices = privileged or any(
        n == "--device" or (n in ("-v", "--volume") and v.startswith("/dev")) for n, v in pairs
    )
    image = rest[0] if rest else ""
    containers_inside.contained_program(image, rest[1:], argv, devices, command, ctx)
    host_network = any(n in ("--network", "--net") and v == "host" for n, v in pairs)
    if host_network and any(n == "--cap-add" and v.upper().endswith("NET_ADMIN") for n, v in pairs):
        reason = (
            "lets the container change the host's firewall and routes (host network, NET_ADMIN)"
        )
        ctx.add(HIGH, reason, command)
    ctx.add(MODERATE, "starts a container", command)


# The container engines' API sockets: whoever can talk to one runs containers as root.
_DOCKER_SOCKETS = frozenset(
    split_words(
        "/var/run/docker.sock /run/docker.sock /run/containerd/containerd.sock "
        "/var/run/containerd/containerd.sock /run/podman/podman.sock /var/run/podman/podman.sock "
        "/run/crio/crio.sock /var/run/crio/crio.sock /run/k3s/containerd/containerd.sock"
    )
)
_ALL_CAPS = ("ALL", "SYS_ADMIN", "SYS_PTRACE", "SYS_MODULE", "DAC_READ_SEARCH")


def _option_pairs(argv: list[str]) -> list[tuple[str, str]]:
    """(`--name`, value) for `--name=value`, `--name value` and `-v value` / `-vvalue`."""
    pairs: list[tuple[str, str]] = []
    for index, arg in enumerate(argv):
        following = argv[index + 1] if index + 1 < len(argv) else ""
        if arg.startswith("--") and "=" in arg:
            pairs.append((arg.split("=", 1)[0], arg.split("=", 1)[1]))
        elif arg in _RUN_VALUES:
            pairs.append((arg, following))
        elif arg.startswith("-v") and len(arg) > 2:
            pairs.append(("-v", arg[2:]))
    return pairs


def _mounts(argv: list[str]) -> list[tuple[str, bool]]:
    """(host source, read-only) of each `-v SRC:DST[:ro]` and `--mount type=bind,src=...`."""
    found: list[tuple[str, bool]] = []
    for name, value in _option_pairs(argv):
        if name in ("-v", "--volume"):
            read_only = value.endswith((":ro", ",ro")) or ":ro," in value
            found.append((value.split(":", 1)[0], read_only))
        elif name == "--mount":
            fields = dict(part.partition("=")[::2] for part in value.split(","))
            source = fields.get("source") or fields.get("src") or ""
            read_only = "readonly" in fields or "ro" in fields or fields.get("readonly") == "true"
            found.append((source, read_only))
    return [(source, read_only) for source, read_only in found if source]


def _weakened_isolation(argv: list[str]) -> list[str]:
    """`--pid=host`, `--cap-add ALL`, `--security-opt seccomp=unconfined`, ..."""
    found: list[str] = []
    for name, value in _option_pairs(argv):
        if name == "--pid" and value == "host":
            found.append("--pid=host")
        elif name == "--cap-add" and value.upper().removeprefix("CAP_") in _ALL_CAPS:
            found.append(f"--cap-add={value}")
        elif name == "--security-opt" and "unconfined" in value:
            found.append(f"--security-opt={value}")
        elif name == "--userns" and value == "host":
            found.append("--userns=host")
        elif name == "--device" and paths.is_block_device(value.split(":", 1)[0]):
            found.append(f"--device={value}: the host's disk")
    return found


def _host_takeover(source: str) -> bool:
    """The host's root or its Docker socket: whoever is in the container owns the host."""
    path = paths.normalise(source)
    return path in ("/", "/etc", "/root") or path in _DOCKER_SOCKETS


# The runtimes' own state: every container's files, the cluster's keys.
_RUNTIME_STATE = ("/var/lib/docker", "/var/lib/containerd", "/var/lib/kubelet", "/etc/kubernetes")


def _host_sensitive(source: str) -> bool:
    path = paths.normalise(source)
    if path.startswith((*_RUNTIME_STATE, "/root/")):
        return True  # the runtimes' state; root's own files
    if path.rstrip("/").endswith("/.ssh") and paths.area(path) == "home_credentials":
        return True  # an ssh folder: a container could plant a key in it
    return (
        path == "/"
        or path in _DOCKER_SOCKETS
        or paths.area(path)
        in (
            "vital",
            "home",
            "all_homes",
            "key_file",
        )
    )


def _prunes_all(argv: list[str]) -> bool:
    """`-a`, `-af`, `--all`: unused images or volumes with names too, not only dangling ones."""
    return any(a == "--all" or (a[:1] == "-" and a[1:2] != "-" and "a" in a) for a in argv)


# Volume names that say a database keeps its files there (`pgdata`, `mysql_data`, `db-vol`).
_DATA_VOLUME = lazy_pattern(
    r"(?i)(^|[-_.])(pg|postgres(ql)?|mysql|mariadb|mongo(db)?|redis|elastic(search)?|db)"
    r"([-_.]|data|$)"
)


def _data_volume(argv: list[str]) -> str:
    """The first volume `docker volume rm` names that holds a database, or ''."""
    names = [a for a in argv if not a.startswith("-")]
    return next((name for name in names if _DATA_VOLUME.search(name)), "")


def _docker_prune(sub: str, command: Command, ctx: Context) -> None:
    argv = command.argv
    if sub == "volume rm" and any(a in ("-a", "--all") for a in argv):
        ctx.add(CRITICAL, "removes every volume and the data in it (volume rm --all)", command)
    elif sub == "volume rm" and _data_volume(argv):
        reason = f"deletes the volume {_data_volume(argv)}: a database's data, for good"
        ctx.add(HIGH, reason, command)
    elif sub == "volume rm":
        ctx.add(MODERATE, "deletes container volumes and their data", command)
    elif sub == "system prune" and "--volumes" in argv and _prunes_all(argv):
        reason = "deletes all unused images, containers and volumes with their data (system prune)"
        ctx.add(CRITICAL, reason, command)
    elif sub == "volume prune" and _prunes_all(argv):
        ctx.add(
            CRITICAL, "deletes every volume not in use, named ones too (volume prune -a)", command
        )
    elif sub == "volume prune" or any(a in ("-a", "--all", "--volumes") for a in argv):
        ctx.add(HIGH, f"deletes all unused images, containers and data ({sub})", command)
    else:
        ctx.add(MODERATE, f"deletes stopped containers and dangling images ({sub})", command)


PROJECT_SCRIPTS = frozenset(
    split_words(
        "run test start exec build dev x dlx run-script check fmt clippy doc bench init new audit "
        "lint serve preview compile"
    )
)
OPTION_STYLE = {
    "dpkg": (
        "-l -L -s -S -p -I -c -f -W -C --list --status --search --listfiles --get-selections "
        "--info --contents --field --show --audit --print-architecture --compare-versions",
        "-r -P --remove --purge",
    ),
    "rpm": ("-q -qa -qi -ql -qf -V -K --query --verify --checksig", "-e --erase"),
    "pacman": ("-Q -Qi -Ql -Qs -Ss -Si -Sl -Qe -Qm", "-R -Rs -Rns -Rdd"),
    # `yay -Gp x` prints an AUR build script, `-G` fetches it to read: neither builds anything
    **dict.fromkeys(("yay", "paru"), ("-Q -Qi -Ss -Si -G -Gp --getpkgbuild -Ps", "-R -Rs -Rns")),
    "emerge": ("-p --pretend -s --search -S --searchdesc --info", "--unmerge -C --rage-clean"),
}


def packages(command: Command, ctx: Context) -> None:
    if package_safety.held_back(command, ctx):
        return  # `dnf versionlock add openssl`, `zypper locks`
    if command.name in ("emerge", "port") and package_reads.only_reads(
        command, subcommand(command)[0]
    ):
        return  # `emerge -pv --depclean`, `port installed`: a plan or a listing
    if command.name in OPTION_STYLE:
        _option_style(command, ctx)
        return
    sub, rest = subcommand(command, "-o -c -t --target --root -r --requirement")
    if command.name == "port" and _forced_port(command, sub, ctx):
        return
    if command.name == "brew" and command.argv[:1] in (["--prefix"], ["--cellar"]):
        return  # `brew --prefix [formula]`: where Homebrew (or the formula) is installed
    if sub == "pip" and command.name == "uv":  # `uv pip uninstall x`: pip's own verbs
        sub, rest = subcommand(rest, "-r --requirement")
    if sub == "index" and command.name in ("pip", "pip3"):
        return  # `pip index versions django`: asks the index which versions exist
    if sub == "history" and rest.argv[:1] in ([], ["list"], ["info"]):
        return  # `dnf history`, `dnf history info 4`: past transactions, not `undo`
    if sub == "audit" and "fix" not in rest.argv:
        return  # `npm audit`, `cargo audit`: a report on known vulnerabilities
    if sub == "config" and rest.argv[:1] in (["list"], ["ls"], ["get"], ["debug"]):
        return  # `pip config list`, `npm config get registry`: reads the settings
    if sub == "pkg" and rest.argv[:1] == ["get"]:
        return  # `npm pkg get scripts`: prints fields of package.json
    if sub in PROJECT_SCRIPTS and command.name not in ("apt", "apt-get", "dnf", "yum", "brew"):
        ctx.add(MODERATE, f"runs a project task ({command.name} {sub})", command)
        return
    _package_change(command, sub, rest, ctx)


def _option_style(command: Command, ctx: Context) -> None:
    queries, removals = (frozenset(s.split()) for s in OPTION_STYLE[command.name])
    first = next((a for a in command.argv if a.startswith("-")), "")
    if first in queries or (command.name == "rpm" and first.startswith(("-q", "-V"))):
        return
    if command.name in ("pacman", "yay", "paru") and first.startswith("-Q"):
        return  # `pacman -Qdtq`: every -Q form only asks what is installed
    pacman = command.name in ("pacman", "yay", "paru")
    removing = any(a in removals or (pacman and a.startswith("-R")) for a in command.argv)
    sub = "remove" if removing else first
    _package_change(command, sub, command, ctx)


def _package_change(command: Command, sub: str, rest: Command, ctx: Context) -> None:
    argv = rest.argv
    if sub in PACKAGE_QUERIES or sub.startswith("--list") or sub in ("-Q", "-Qi", "-Ss", "-Si"):
        return
    if sub in PACKAGE_REMOVALS and command.name in removals.SYSTEM_MANAGERS:
        removals.removes_packages(command, ctx)
        return
    if sub in PACKAGE_REMOVALS and every_installed(command, ctx):
        ctx.add(HIGH, f"removes every installed package ({command.name} {sub})", command)
        return
    if sub in PACKAGE_REMOVALS:
        names = {a.split("=", 1)[0].split(":", 1)[0] for a in argv if not a.startswith("-")}
        vital = names & ESSENTIAL_PACKAGES
        if vital:
            ctx.add(HIGH, f"removes {sorted(vital)[0]}, a package the system needs", command)
            return
        risky = _risky_removal(command.name, names, argv)
        if risky is not None:
            ctx.add(HIGH, risky, command)
            return
        ctx.add(MODERATE, f"removes packages ({command.name} {sub})", command)
        return
    ctx.add(MODERATE, f"installs or changes packages ({command.name} {sub})".strip(), command)


# Each manager's own package: removed with itself, nothing installs or repairs packages after.
_SELF_PACKAGES = {
    **dict.fromkeys(("pip", "pip3"), frozenset(("pip",))),
    "npm": frozenset(("npm",)),
    "pnpm": frozenset(("pnpm",)),
    "gem": frozenset(("rubygems-update",)),
    **dict.fromkeys(("conda", "mamba"), frozenset(("conda", "mamba"))),
    "pipx": frozenset(("pipx",)),
}


def _risky_removal(name: str, names: set[str], argv: list[str]) -> str | None:
    """The manager removing itself, everything it installed, or packages others still need."""
    own = names & _SELF_PACKAGES.get(name, frozenset())
    if own:
        return f"removes {sorted(own)[0]}, the package manager itself"
    if "--ignore-dependencies" in argv:
        return "removes packages that others still need (--ignore-dependencies)"
    short = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    every = "--all" in argv or "a" in short
    if name == "gem" and every and not names - {"uninstall"}:
        return "removes every installed gem (gem uninstall --all)"
    if name == "port" and names & _EVERY_PORT:
        return f"removes every MacPorts port ({sorted(names & _EVERY_PORT)[0]})"
    if name == "port" and "--follow-dependents" in argv:
        return "removes the ports and every port that depends on them (--follow-dependents)"
    return None


def _forced_port(command: Command, sub: str, ctx: Context) -> bool:
    """`port -y uninstall installed` is a dry run; `port -f uninstall x` removes past what
    depends on x; `port deactivate active` switches every port off."""
    leading = command.argv[: command.argv.index(sub)] if sub in command.argv else command.argv
    if any(a.startswith("-") and not a.startswith("--") and "y" in a for a in leading):
        return True  # `-y`: MacPorts only shows what it would do
    if sub not in ("uninstall", "deactivate"):
        return False
    ports = {a for a in command.argv[len(leading) + 1 :] if not a.startswith("-")}
    if ports & _EVERY_PORT:
        ctx.add(HIGH, f"{sub}s every MacPorts port ({sorted(ports & _EVERY_PORT)[0]})", command)
        return True
    if any(a.startswith("-") and not a.startswith("--") and "f" in a for a in leading):
        ctx.add(HIGH, f"{sub}s ports past what depends on them (port -f)", command)
        return True
    return False


# MacPorts pseudo-ports that stand for everything installed (`inactive`, `leaves`: clean-ups).
_EVERY_PORT = frozenset(split_words("installed active all requested"))


# Forge clients in a `NOUN VERB` form that only shows (`gh auth status`, `glab mr view`).
FORGE_READS = frozenset(
    f"{noun} {verb}"
    for noun in split_words(
        "pr issue repo release run workflow gist label mr ci secret ssh-key gpg-key variable "
        "cache ruleset org extension"
    )
    for verb in split_words("list view status checks diff ls")
) | {"auth status", "config list", "config get"}
# gh's things whose deletion loses what no other copy holds (a release's files, a secret the
# deploys use, the key that lets a person or a deploy in, an issue's discussion).
_GH_LOSSES = frozenset(
    split_words("release secret ssh-key gpg-key issue variable ruleset deploy-key org label")
)
_GH_DELETES = frozenset(split_words("delete delete-asset remove rm"))


def gh(command: Command, ctx: Context) -> None:
    """GitHub's CLI: deleting a repository on the server has no undo."""
    argv = command.argv
    if argv[:2] == ["repo", "delete"]:
        name = next((a for a in argv[2:] if not a.startswith("-")), "")
        what = f"the repository {name}" if name else "this repository"
        reason = f"deletes {what} on GitHub: its code, issues and releases"
        if any(a in ("--yes", "-y", "--confirm") for a in argv):
            ctx.add(CRITICAL, f"{reason}, without asking", command)
        else:
            ctx.add(HIGH, reason, command)
        return
    if " ".join(argv[:2]) in FORGE_READS:
        return
    if argv[:2] == ["repo", "edit"] and _made_public(argv):
        reason = "makes the repository public: its code and history become readable by anyone"
        ctx.add(CRITICAL, reason, command)
        return
    if argv[:1] and argv[0] in _GH_LOSSES and argv[1:2] and argv[1] in _GH_DELETES:
        level = MODERATE if argv[0] == "label" else HIGH
        ctx.add(
            level,
            f"deletes a {argv[0]} on GitHub: there is no undo (gh {argv[0]} {argv[1]})",
            command,
        )
        return
    if argv[:2] == ["repo", "sync"] and {"--force", "-f"} & set(argv):
        reason = "overwrites the branch with the source's: commits made only there drop off"
        ctx.add(HIGH, f"{reason} (gh repo sync --force)", command)
        return
    method = next((a for a in argv if a.upper() in ("-XDELETE", "--METHOD=DELETE")), "")
    if argv[:1] == ["api"] and (method or _option_value(argv, "-X", "--method") == "DELETE"):
        ctx.add(HIGH, "deletes something on GitHub through its API (gh api DELETE)", command)
        return
    if argv[:1] == ["api"] and _api_read(argv):
        return  # `gh api repos/o/r`: a GET, which only reads
    ctx.add(MODERATE, "connects to a service (gh)", command)


_API_WRITES = frozenset(split_words("-f -F --field --raw-field --input -X --method"))


def _api_read(argv: list[str]) -> bool:
    """`gh api repos/o/r`, `gh api -X GET ...`: no body and no method but GET."""
    if _option_value(argv, "-X", "--method") in ("GET", "HEAD"):
        argv = [a for a in argv if a not in ("-X", "--method")]
    return not any(a.split("=", 1)[0] in _API_WRITES or a.startswith("-X") for a in argv)


def _made_public(argv: list[str]) -> bool:
    """`--visibility public`, `--visibility=public`, `--public`."""
    return (
        "--public" in argv
        or "--visibility=public" in argv
        or (_option_value(argv, "--visibility") == "PUBLIC")
    )


def _option_value(argv: list[str], *names: str) -> str:
    for index, value in enumerate(argv[:-1]):
        if value in names:
            return argv[index + 1].upper()
    return ""


RULES: dict[str, Rule] = {
    "gh": gh,
    "git": git,
    "bfg": bfg,
    "git-filter-repo": git_filter_repo,
    "docker": docker,
    "podman": docker,
    "nerdctl": docker,
    "docker-compose": docker,
    "podman-compose": docker,
    **dict.fromkeys(
        split_words(
            "apt apt-get dpkg dnf yum rpm pacman yay zypper apk brew port snap flatpak "
            "pip pip3 pipx npm pnpm yarn gem cargo conda mamba uv poetry nix-env emerge pkg"
        ),
        packages,
    ),
}
