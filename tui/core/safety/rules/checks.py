"""Forms of a tool that only check, simulate or report: a dry run (`apt-get --simulate`,
`rclone sync --dry-run`, `ufw --dry-run`), a syntax test (`crontab -T`, `nginx -t`), a report
(`wg show`, `gpart show`, `kubectl diff`), output to the terminal (`gzip -dc`), and tools
that only read unless told to write (`xmllint` without `--output`).

Whatever such a form names, it changes nothing: the layer is not rated further. The same
tools in any other form go on to their own rule (or to the unknown-program default).
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE
from tui.core.safety.windows import Statement
from tui.core.safety.words import split_words

_APT_SIMULATES = ("--simulate", "--dry-run", "--just-print", "--no-act", "--recon", "-s")
_ANSIBLE_CHECKS = ("--check", "-C", "--syntax-check", "--list-hosts", "--list-tasks")
# Options honoured by the whole command: it only shows what it would do.
DRY_RUNS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(split_words("kubectl helm pip pip3 npm"), ("--dry-run",)),
    "aws": ("--dryrun", "--dry-run"),
    **dict.fromkeys(split_words("rsync rclone"), ("--dry-run", "-n")),
    "ufw": ("--dry-run",),
    **dict.fromkeys(split_words("apt apt-get aptitude"), _APT_SIMULATES),
    **dict.fromkeys(split_words("dnf yum"), ("--assumeno",)),
    "zypper": ("--dry-run",),
    **dict.fromkeys(split_words("ansible ansible-playbook"), _ANSIBLE_CHECKS),
    **dict.fromkeys(split_words("make gmake"), ("-n", "--dry-run", "--just-print", "--recon")),
    "update-rc.d": ("-n",),
    "crontab": ("-T", "--test"),  # cronie: checks the file's syntax, installs nothing
    "certbot": ("--dry-run",),
    **dict.fromkeys(split_words("unattended-upgrade unattended-upgrades"), ("--dry-run",)),
    "nginx": ("-t", "-T"),
    "apachectl": ("configtest", "-t"),
    "apache2ctl": ("configtest", "-t"),
    "httpd": ("-t",),
    # deploy tools: a dry run builds and shows what would be deployed, sending nothing
    **dict.fromkeys(split_words("wrangler firebase argocd"), ("--dry-run",)),
}
# Subcommands (or first options) that only report, by tool.
REPORTS: dict[str, frozenset[str]] = {
    "wg": frozenset(("show", "")),  # not `showconf`: it prints the private key
    "gpart": frozenset(split_words("show list status")),
    "tune2fs": frozenset(split_words("-l")),  # lists the superblock; every other option sets
    "dscacheutil": frozenset(split_words("-q -statistics -cachedump")),
    "rails": frozenset(
        split_words("db:migrate:status routes about stats notes version -v --version")
    ),
    "kubectl": frozenset(split_words("diff")),
    "helm": frozenset(split_words("diff")),
}
# Tools that only read unless given one of these options.
_WRITES_ONLY_WITH = {
    "xmllint": frozenset(split_words("--output -o")),
    "faillock": frozenset(split_words("--reset")),
}
# Compressors: these options send the result to the terminal, list or test: no file changes.
_COMPRESSORS = frozenset(
    split_words("gzip gunzip bzip2 bunzip2 xz unxz zstd unzstd lz4 lzma unlzma pigz")
)
_TO_TERMINAL = frozenset(split_words("--stdout --to-stdout --list --test"))
_TO_TERMINAL_LETTERS = frozenset("clt")
_SHORT_CLUSTER = re.compile(r"-[a-zA-Z]+")


def only_checks(command: Command) -> bool:
    """True when this form of the tool changes nothing, whatever else it names."""
    name = command.name
    argv = command.argv
    if name in DRY_RUNS and any(_given(option, argv) for option in DRY_RUNS[name]):
        return True
    if name in REPORTS:
        first = argv[0] if argv else ""
        return first.split("=", 1)[0] in REPORTS[name]
    if name in _WRITES_ONLY_WITH:
        return not set(a.split("=", 1)[0] for a in argv) & _WRITES_ONLY_WITH[name]
    if name in _COMPRESSORS:
        return _to_terminal(argv)
    return False


# `--dry-run=none`, `--dry-run=false`: the dry run switched off, the command runs.
_NOT_DRY = frozenset(split_words("none false no 0 off"))


def _given(option: str, argv: list[str]) -> bool:
    """`--dry-run`, `--dry-run=client`, `-n`, or `n` inside a cluster of flags (`-an`)."""
    if option.startswith("--") or not option.startswith("-") or len(option) != 2:
        return any(
            a == option or (a.startswith(option + "=") and a.split("=", 1)[1] not in _NOT_DRY)
            for a in argv
        )
    return any(_SHORT_CLUSTER.fullmatch(a) and option[1] in a[1:] for a in argv)


def _to_terminal(argv: list[str]) -> bool:
    if set(argv) & _TO_TERMINAL:
        return True
    letters = {c for a in argv if _SHORT_CLUSTER.fullmatch(a) for c in a[1:]}
    return bool(letters & _TO_TERMINAL_LETTERS)


# `sfc /verifyonly`, `sfc /verifyfile=PATH`: System File Checker scans and repairs nothing.
_SFC_SCANS = ("/verifyonly", "/verifyfile")


def system_file_check(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Windows' sfc: a scan that only verifies is harmless; a repair replaces system files."""
    if st.args and all(a.lower().startswith(_SFC_SCANS) for a in st.args):
        return
    ctx.add(MODERATE, "checks and repairs Windows system files (sfc)", st.text)
