"""Package manager forms that only show: dry runs, simulations and queries.

`apt-get -s purge python3`, `rpm -ivh --test x.rpm`, `apk upgrade --simulate`, `brew cleanup -n`,
`conda remove --dry-run` report what would change and change nothing; `brew uses`, `brew
leaves`, `gem sources -l`, `cargo install --list`, `conda env list`, `pip check` only report;
so do `dpkg-query` and `fuser` without `-k` (who holds the package lock).
Language installers that build packages to plan (pip, uv, npm) are left to their own rules: a
pip dry run still runs a source package's build scripts.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_DRY_RUNS = frozenset(
    split_words(
        "--dry-run --dryrun --simulate --just-print --no-act --recon --assumeno --assume-no "
        "--what-if --whatif --noop"
    )
)
# Builders that run a package's own code even when only planning an install.
_BUILDERS = frozenset(split_words("pip pip3 uv pipx npm pnpm yarn bun cargo poetry"))
_APT = frozenset(split_words("apt apt-get aptitude apk"))
_QUERIES = {
    "brew": split_words(
        "uses leaves deps desc home log options config --prefix --cellar --repository --cache "
        "--env commands tap-info missing"
    ),
    "gem": split_words("environment env contents which dependency specification"),
    "pip": split_words("check inspect debug"),
    "pip3": split_words("check inspect debug"),
    "pipx": split_words("environment"),
    "apk": split_words("policy dot stats version"),
    "snap": split_words("changes tasks connections warnings services logs known find search"),
    "cargo": split_words("tree metadata search locate-project verify-project pkgid"),
    "port": split_words(
        "installed outdated contents deps rdeps dependents rdependents variants location "
        "provides echo search info list"
    ),
    "flatpak": split_words(
        "remotes remote-ls remote-info history ps documents permissions list info search"
    ),
    "conda": split_words("info activate deactivate"),
    "mamba": split_words("info activate deactivate"),
}
_LISTS = frozenset(split_words("-l --list list ls"))


def only_reads(command: Command, sub: str) -> bool:
    """The package manager only reports, or only plans (see the module notes)."""
    name, argv = command.name, command.argv
    if name not in _BUILDERS and _DRY_RUNS & set(argv):
        return True
    if name in _APT and "-s" in argv:
        return True
    if name == "rpm" and "--test" in argv:
        return True
    if name == "emerge" and any(a.startswith("-") and a[1:2] != "-" and "p" in a for a in argv):
        return True  # `emerge -pv --depclean`: -p (--pretend) only shows the plan
    if name == "brew" and sub in ("cleanup", "autoremove") and "-n" in argv:
        return True
    if sub in _QUERIES.get(name, ()):
        return True
    if not sub and argv and argv[0] in ("--version", "-V", "--help", "-h"):
        return True
    rest = argv[argv.index(sub) + 1 :] if sub in argv else []
    if name == "snap" and sub == "refresh" and "--list" in argv:
        return True
    if name == "gem" and sub == "sources":
        return not rest or rest[0] in _LISTS
    if name == "cargo" and sub == "install":
        return "--list" in rest
    if name == "snap" and sub == "refresh":
        return "--list" in rest  # `snap refresh --list`: the updates waiting
    if name in ("conda", "mamba", "micromamba") and sub == "env":
        return rest[:1] in (["list"], ["export"])
    return name in ("conda", "mamba", "micromamba") and sub == "config" and "--show" in rest


def fuser(command: Command, ctx: Context) -> None:
    """`fuser -v /var/lib/dpkg/lock`: which processes use a file; `-k` stops them."""
    short = "".join(a[1:] for a in command.argv if a.startswith("-") and not a.startswith("--"))
    if "k" not in short and "--kill" not in command.argv:
        return
    if "m" in short or "--mount" in command.argv or "/" in command.argv:
        ctx.add(HIGH, "stops every process using that filesystem (fuser -k)", command)
    else:
        ctx.add(MODERATE, "stops the processes using a file or port (fuser -k)", command)


RULES: dict[str, Rule] = {"fuser": fuser}
