"""Settings that send a package manager to another index or switch its checks off.

The same setting has many spellings: an environment variable before the command
(`PIP_INDEX_URL=URL pip install x`, `env npm_config_registry=URL npm i`), one exported earlier
in the line, `go env -w GOSUMDB=off`, `gem sources --add URL`, `conda config --add channels X`.
Each is judged by one table: which variable, and which values are the usual ones.
"""

from __future__ import annotations

import ipaddress
import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

# The registries everyone uses, and the vendors' own indexes their install guides name.
DEFAULT_INDEXES = (
    "https://pypi.org/",
    "https://pypi.python.org/",
    "https://files.pythonhosted.org/",
    "https://registry.npmjs.org",
    "https://registry.yarnpkg.com",
    "https://rubygems.org",
    "https://proxy.golang.org",
    "https://index.crates.io",
    "https://download.pytorch.org/whl",
    "https://pypi.nvidia.com",
    "https://pypi.ngc.nvidia.com",
    "https://storage.googleapis.com/jax-releases",
    "https://data.pyg.org/whl",
    "https://dl.flathub.org/",
    "https://flathub.org/",
    "https://nodejs.org/dist",
    "https://static.rust-lang.org",
    "https://pub.dev",
    "https://repo.hex.pm",
    "https://www.python.org/ftp/python",
)


def is_default_index(url: str) -> bool:
    """`url` is one of those registries, ended where a host ends (not `registry.npmjs.org.x.io`)."""
    for index in DEFAULT_INDEXES:
        if url.startswith(index):
            rest = url[len(index) :]
            if index.endswith("/") or not rest or rest[0] in "/?:":
                return True
    return False


# Hosts of those registries: `--trusted-host pypi.org` drops TLS checks, it adds no source.
DEFAULT_HOSTS = frozenset(split_words("pypi.org files.pythonhosted.org pypi.python.org"))
# Variables naming where packages come from: any value but the usual index is another source.
_INDEX_VARIABLES = frozenset(
    split_words(
        "PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_FIND_LINKS UV_INDEX_URL UV_EXTRA_INDEX_URL "
        "UV_DEFAULT_INDEX UV_INDEX npm_config_registry NPM_CONFIG_REGISTRY YARN_REGISTRY "
        "YARN_NPM_REGISTRY_SERVER BUN_CONFIG_REGISTRY PNPM_REGISTRY GEM_SOURCE "
        "NVM_NODEJS_ORG_MIRROR NVM_IOJS_ORG_MIRROR FNM_NODE_DIST_MIRROR PYTHON_BUILD_MIRROR_URL "
        "RUSTUP_DIST_SERVER RUSTUP_UPDATE_ROOT PUB_HOSTED_URL FLUTTER_STORAGE_BASE_URL HEX_MIRROR "
        "COREPACK_NPM_REGISTRY"
    )
)
# Variables that switch a check off, and the values that do it.
_CHECKS_OFF = {
    "PIP_TRUSTED_HOST": lazy_pattern(r".+"),
    "UV_INSECURE_HOST": lazy_pattern(r".+"),
    "PIP_NO_VERIFY": lazy_pattern(r".+"),
    "npm_config_strict_ssl": lazy_pattern(r"(?i)false|0"),
    "NPM_CONFIG_STRICT_SSL": lazy_pattern(r"(?i)false|0"),
    "GOSUMDB": lazy_pattern(r"(?i)off"),
    "GOFLAGS": lazy_pattern(r".*-insecure"),
    "GOINSECURE": lazy_pattern(r"\*.*|.*,\*.*"),
    "GONOSUMDB": lazy_pattern(r"\*.*|.*,\*.*"),
    "GONOSUMCHECK": lazy_pattern(r"1|(?i:true)"),
    "GOPRIVATE": lazy_pattern(r"\*.*|.*,\*.*"),
    "GONOSUMCHECKS": lazy_pattern(r"1|(?i:true)"),
    "NODE_TLS_REJECT_UNAUTHORIZED": lazy_pattern(r"0"),
    "GIT_SSL_NO_VERIFY": lazy_pattern(r"1|(?i:true)"),
    "PYTHONHTTPSVERIFY": lazy_pattern(r"0"),
    "HOMEBREW_CASK_OPTS": lazy_pattern(r".*--no-quarantine.*"),
    "HEX_UNSAFE_HTTPS": lazy_pattern(r"1|(?i:true)"),
    "COREPACK_INTEGRITY_KEYS": lazy_pattern(r"0?|(?i:false)"),
}
_ASSIGNMENT = lazy_pattern(r"([A-Za-z_][A-Za-z0-9_]*)=(.*)")
KNOWN_CHANNELS = frozenset(
    split_words(
        "conda-forge bioconda defaults anaconda main r pytorch pytorch-nightly nvidia pyviz "
        "plotly intel rapidsai huggingface fastai esri gurobi mosek numba dglteam msys2 free "
        "conda-canary nodefaults"
    )
)


def setting_reason(name: str, value: str) -> str | None:
    """Why `name=value` makes installs unsafe, or None for the usual values."""
    value = value.strip("'\"")
    if name in _INDEX_VARIABLES and value and not is_default_index(value):
        return f"installs packages from another index ({name}={value[:60]})"
    if name == "GOPROXY" and _plain_or_bare(value):
        return f"fetches Go modules from an unchecked proxy (GOPROXY={value[:60]})"
    pattern = _CHECKS_OFF.get(name)
    if pattern is not None and pattern.fullmatch(value):
        return f"switches off the checks on downloaded packages ({name}={value[:40]})"
    return None


def _plain_or_bare(value: str) -> bool:
    """Any entry of a GOPROXY list over plain HTTP or to a bare address."""
    for entry in re.split(r"[,|]", value):
        host = entry.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0]
        if entry.startswith("http://"):
            return True
        try:
            ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            continue
        return True
    return False


def environment(command: Command, ctx: Context) -> None:
    """`PIP_INDEX_URL=URL pip install x`, `sudo env GOFLAGS=-insecure go get x`, or one
    exported earlier in the line: the install runs with that setting."""
    for name, value in (*ctx.variables.items(), *assigned_before(command)):
        reason = setting_reason(name, value)
        if reason is not None:
            ctx.add(HIGH, reason, command)
            return


def assigned_before(command: Command) -> list[tuple[str, str]]:
    """`A=B tool`, `env A=B tool`, `sudo A=B tool`: assignments written before the program."""
    words = command.text.split()
    end = next((i for i, w in enumerate(words) if w.rsplit("/", 1)[-1] == command.name), 0)
    found = [_ASSIGNMENT.fullmatch(word) for word in words[:end]]
    return [(match.group(1), match.group(2)) for match in found if match is not None]


def go_env(command: Command, ctx: Context) -> None:
    """`go env -w GOSUMDB=off`, `go env -w GOPROXY=http://...`: for every later build."""
    argv = command.argv
    if argv[:1] != ["env"] or "-w" not in argv:
        return
    for value in argv:
        name, sep, setting = value.partition("=")
        reason = setting_reason(name, setting) if sep else None
        if reason is not None:
            ctx.add(HIGH, f"{reason}, for every later build (go env -w)", command)
            return


def composer(command: Command, ctx: Context) -> None:
    """`composer config -g secure-http false`, `composer config repositories.x vcs URL`."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    given = [
        a.split("=", 1)[1] for a in argv if a.startswith(("--repository=", "--repository-url="))
    ]
    given += [b for a, b in itertools.pairwise(argv) if a in ("--repository", "--repository-url")]
    if any("://" in source and "packagist.org" not in source for source in given):
        ctx.add(HIGH, "installs PHP packages from a repository given on the line", command)
        return
    if words[:1] == ["global"]:
        words = words[1:]  # `composer global config secure-http false`: the same, for all
    if words[:1] != ["config"] or len(words) < 2:
        return
    key = words[1]
    if key == "secure-http" and words[2:3] in (["false"], ["0"]):
        ctx.add(
            HIGH, "lets composer download packages over plain HTTP (secure-http false)", command
        )
    elif key == "disable-tls" and words[2:3] in (["true"], ["1"]):
        ctx.add(HIGH, "lets composer download packages without TLS (disable-tls true)", command)
    elif key.startswith(("repositories.", "repos.", "repo.")) and words[2:3] != ["false"]:
        ctx.add(HIGH, f"adds a source of PHP packages for every later install ({key})", command)


def sources(command: Command, ctx: Context) -> None:
    """`gem sources --add URL`, `conda config --add channels NAME`: a new source for good."""
    argv = command.argv
    added = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("--add", "-a")]
    if command.name == "gem" and argv[:1] == ["sources"]:
        for source in added:
            if not is_default_index(source):
                ctx.add(HIGH, f"adds {source[:60]} as a source of gems for good", command)
                return
    if command.name in ("conda", "mamba", "micromamba") and "config" in argv:
        for index, value in enumerate(argv[:-2]):
            if value in ("--add", "--append", "--prepend") and argv[index + 1] == "channels":
                channel = argv[index + 2].rstrip("/").rsplit("/", 1)[-1]
                if channel not in KNOWN_CHANNELS:
                    reason = (
                        f"adds the {channel} channel for later installs: anyone publishes there"
                    )
                    ctx.add(HIGH, reason, command)
                    return


_NUGET_READS = frozenset(split_words("list search help locals verify spec"))


def nuget(command: Command, ctx: Context) -> None:
    """`nuget sources add -Source URL`, `nuget install X -Source URL`: another package feed."""
    argv = command.argv
    lowered = [a.lower() for a in argv]
    source = next((b for a, b in itertools.pairwise(argv) if a.lower() == "-source"), "")
    if source and not source.startswith("https://api.nuget.org/"):
        what = "adds a source of NuGet packages" if "add" in lowered else "installs packages"
        ctx.add(HIGH, f"{what} from {source[:60]}, not nuget.org", command)
    elif lowered[:1] and (lowered[0] in _NUGET_READS or lowered[:2] == ["sources", "list"]):
        return
    else:
        ctx.add(MODERATE, "installs or changes packages (nuget)", command)


RULES: dict[str, Rule] = {"nuget": nuget, "nuget.exe": nuget}
