"""Git settings and commands that stop git checking whom it talks to or what it runs, or that
let its passwords out: the server's certificate left unchecked, a certificate authority anyone
can replace, transports that run commands or read local files, every repository trusted whoever
owns it, hooks copied from a template anyone can write, passwords handed to a program that
reaches the network, printed (`git credential fill`), kept in a URL in .git/config or sent in a
header to every server, and `git daemon` serving the whole disk or taking pushes.

Decisions: each is HIGH: `git -c http.sslVerify=false pull` or `git clone -c ...` brings in
code over a connection anyone on the way can answer (the clone also keeps the setting). Two
forms stay MODERATE as earlier tables pin them: `GIT_SSL_NO_VERIFY=1 git clone` (test_safety_git2)
and one repository's `git config http.sslVerify false` (test_safety_r3_net); the global setting
is HIGH (weakening.config_set). A credential helper whose code reaches the network is CRITICAL:
every password git is given goes to that server.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, subcommand
from tui.core.safety.rules.git_programs import shell_code
from tui.core.safety.rules.registries import assigned_before

_FALSE = frozenset(("false", "0", "no", "off"))
_SSL_VERIFY = lazy_pattern(r"http\.(.+\.)?sslverify", re.I)
_CA_FILES = lazy_pattern(r"http\.(.+\.)?ssl(cainfo|capath)", re.I)
_TRANSPORT = lazy_pattern(r"protocol\.((?P<name>[\w-]+)\.)?allow", re.I)
# Transports that run a command (`ext::`) or read this machine's files (`file://`, a
# submodule pointing at a local repository: CVE-2022-39253).
_RISKY_TRANSPORTS = frozenset(("ext", "file", ""))
_CONFIG_KEY = lazy_pattern(r"GIT_CONFIG_KEY_(\d+)")


def settings(
    pairs: list[tuple[str, str, bool]],
    everywhere: bool,
    command: Command,
    ctx: Context,
    *,
    written: bool = False,
) -> None:
    """`git -c KEY=VALUE ...` (this command only), `git clone -c KEY=VALUE` and `git config
    [--global] KEY VALUE` (lasting), or lines `written` into a git settings file."""
    configured = subcommand(command, "-C -c --git-dir --work-tree --namespace")[0] == "config"
    for key, value, lasting in pairs:
        value = value.strip().strip("'\"")
        # `git config [--global] http.sslVerify false`: rated by weakening.config_set, or pinned
        by_config = not written and (everywhere or (configured and lasting))
        reason = _weakened(key.strip(), value, lasting, by_config)
        if reason is not None:
            ctx.add(HIGH, reason, command)
        if key.strip().lower() == "http.extraheader" and everywhere and _AUTH.search(value):
            reason = "sends the header with your token to every server git talks to (extraHeader)"
            ctx.add(HIGH, reason, command)
        helper = key.strip().lower() == "credential.helper" and value.startswith("!")
        if helper and shell_code(value[1:]) == "reaches the network":
            reason = "hands every password git is given to a program that reaches the network"
            ctx.add(CRITICAL, reason, command)


_AUTH = lazy_pattern(r"authorization|token|bearer|private-token", re.I)
# `https://user:SECRET@host/...` typed out, or a forge's token as the user name.
_URL_SECRET = lazy_pattern(
    r"^\w+://(?:[^:@/\s]*:(?P<password>[^@/\s$`]{8,})|"
    r"(?P<token>(?:ghp_|gho_|ghu_|ghs_|github_pat_|glpat-)[\w-]+))@"
)


def url_secret(sub: str, argv: list[str], command: Command, ctx: Context) -> None:
    """`git remote add origin https://me:ghp_...@github.com/x`: the token is kept in
    .git/config in plain text (as `credential.helper store` keeps it)."""
    keeps = sub == "clone" or (sub == "remote" and argv[:1] in (["add"], ["set-url"]))
    if keeps and any(_URL_SECRET.match(a) for a in argv):
        reason = "keeps the password or token typed in the URL in .git/config, in plain text"
        ctx.add(HIGH, reason, command)


def _weakened(key: str, value: str, lasting: bool, by_config: bool) -> str | None:
    lowered = key.lower()
    if _SSL_VERIFY.fullmatch(lowered) and value.lower() in _FALSE:
        if by_config:
            return None
        return "stops checking the git server's certificate: anyone on the way can answer"
    if _CA_FILES.fullmatch(lowered) and paths.is_world_writable(value):
        return f"trusts the certificate authorities in {value}, a file anyone can replace"
    transport = _TRANSPORT.fullmatch(lowered)
    # `git -c protocol.file.allow=always submodule update`: test suites' one-off workaround
    if transport and lasting and value.lower() == "always":
        name = transport.group("name") or ""
        if name in _RISKY_TRANSPORTS:
            what = f"the {name}:: transport" if name else "every transport"
            return f"lets repositories and submodules use {what}: it can run commands or read files"
    if lowered == "safe.directory" and value == "*":
        return "trusts repositories owned by anyone (safe.directory *): their settings run as you"
    return None


def environment(command: Command, ctx: Context) -> None:
    """Settings passed as `GIT_CONFIG_KEY_0=KEY GIT_CONFIG_VALUE_0=VALUE git ...`."""
    found = dict(ctx.variables)
    found.update(assigned_before(command))
    pairs: list[tuple[str, str, bool]] = []
    for name, key in found.items():
        match = _CONFIG_KEY.fullmatch(name)
        if match is not None:
            value = found.get(f"GIT_CONFIG_VALUE_{match.group(1)}", "")
            pairs.append((key.strip("'\""), value, False))
    if pairs:
        settings(pairs, False, command, ctx)


def credential(argv: list[str], command: Command, ctx: Context) -> None:
    """`git credential fill` prints the password kept for a host; approve and reject store or
    forget one."""
    action = argv[0] if argv else ""
    if action == "fill":
        ctx.add(HIGH, "prints the password git keeps for that host (git credential fill)", command)
    else:
        ctx.add(MODERATE, f"stores or forgets a password (git credential {action})", command)


def template(argv: list[str], command: Command, ctx: Context) -> None:
    """`git clone --template=/tmp/t URL`: the hooks in that folder are copied in and run."""
    for index, value in enumerate(argv):
        folder = value.split("=", 1)[1] if value.startswith("--template=") else ""
        if value == "--template" and index + 1 < len(argv):
            folder = argv[index + 1]
        if folder and paths.is_world_writable(folder):
            reason = f"copies the hooks in {folder}, a folder anyone can write, into the repository"
            ctx.add(HIGH, reason, command)


def daemon(argv: list[str], command: Command, ctx: Context) -> None:
    """`git daemon`: serves repositories over git:// to anyone who can reach this machine,
    without a password or encryption."""
    pushes = any(a in ("--enable=receive-pack", "--enable=all") for a in argv)
    base = next((a.split("=", 1)[1] for a in argv if a.startswith("--base-path=")), "")
    folders = [a for a in argv if not a.startswith("-")]
    wide = [f for f in (base, *folders) if f and paths.area(paths.normalise(f)) in _WIDE]
    if pushes:
        reason = "lets anyone on the network push to the served repositories (git daemon)"
        ctx.add(HIGH, reason, command)
    elif "--export-all" in argv and (wide or not (base or folders)):
        where = wide[0] if wide else "every folder"
        reason = f"serves every repository under {where} to anyone on the network (git daemon)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "serves repositories to the network (git daemon)", command)


_WIDE = frozenset(("root", "home", "all_homes"))
