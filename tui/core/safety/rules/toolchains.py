"""Language toolchains and version managers rated by one table: what only reports, what
publishes, where packages come from, and what switches a check off.

`nimble install URL`, `raco pkg install URL`, `mix archive.install github o/r`, `dart pub global
activate --source git URL` build code straight from a repository; `conan remote add`, `spack
mirror add`, `pod repo add` and `raco pkg config --set catalogs` add a source for every later
install; `ghcup install -u URL`, `fnm --node-dist-mirror URL` and variables such as
`NVM_NODEJS_ORG_MIRROR` fetch the toolchain itself from elsewhere; `spack install --no-checksum`,
`mix hex.config unsafe_https true` and `conan remote add --insecure` drop the checks. Each is
HIGH. Whole-tool removals (`ghcup nuke`, `rvm implode`) are HIGH too. Listings and searches are
SAFE; builds, installs from the usual index and publishing a release stay MODERATE.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import registries
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_INSTALLS = "install"  # a place named after the verb is the code that gets built
_SOURCE = "source"  # a place named after the verb is used for every later install


@dataclass(frozen=True)
class Toolchain:
    """How one program is read: `doing` is what its ordinary verbs do (MODERATE)."""

    doing: str
    reads: frozenset[str] = frozenset()
    publishes: frozenset[str] = frozenset()
    places: dict[str, str] = field(default_factory=dict)  # verb -> _INSTALLS or _SOURCE
    place_options: frozenset[str] = frozenset()  # options whose value is an index or mirror
    defaults: tuple[str, ...] = ()  # the usual values of those places
    drastic: dict[str, str] = field(default_factory=dict)  # verb -> why it is HIGH


def _set(text: str) -> frozenset[str]:
    return frozenset(part.strip() for part in text.split(",") if part.strip())


_VERSIONS = "installs or switches tool versions"
_PROJECT = "builds or runs a project"
_TOOLS: dict[str, Toolchain] = {
    "twine": Toolchain("uploads Python packages (twine)", _set("check"), _set("upload, register")),
    "hatch": Toolchain(
        f"{_PROJECT} (hatch)",
        _set("status, env show, dep show, project metadata, --version"),
        _set("publish"),
    ),
    "anaconda": Toolchain(
        "changes packages on Anaconda.org (anaconda)",
        _set("whoami, show, search, config"),
        _set("upload"),
    ),
    "cpan-upload": Toolchain("publishes a Perl distribution on CPAN (cpan-upload)"),
    "lein": Toolchain(
        f"{_PROJECT} (lein)", _set("version, help, classpath, pprint"), _set("deploy")
    ),
    "rebar3": Toolchain(
        f"{_PROJECT} (rebar3)", _set("tree, deps, version, help"), _set("hex publish")
    ),
    "nimble": Toolchain(
        "installs or changes Nim packages (nimble)",
        _set("search, list, dump, path, check, tasks"),
        _set("publish"),
        {"install": _INSTALLS, "develop": _INSTALLS},
        defaults=("https://github.com/nim-lang/",),
    ),
    "raco": Toolchain(
        "installs Racket packages or builds (raco)",
        _set("pkg show, pkg catalog-show"),
        places={"pkg install": _INSTALLS, "pkg update": _INSTALLS, "pkg config": _SOURCE},
        place_options=frozenset(split_words("--catalog")),
        defaults=("https://pkgs.racket-lang.org", "https://download.racket-lang.org"),
    ),
    "ghcup": Toolchain(
        f"{_VERSIONS} (ghcup)",
        _set("list, debug-info, whereis, changelog, --version"),
        place_options=frozenset(split_words("-u --url")),
        defaults=("https://downloads.haskell.org/",),
        drastic={"nuke": "removes ghcup and every Haskell toolchain it installed (ghcup nuke)"},
    ),
    "conan": Toolchain(
        "builds or installs C and C++ packages (conan)",
        _set(
            "list, search, remote list, profile show, profile list, profile path, graph info, "
            "inspect, version, cache path, config home, config list"
        ),
        _set("upload"),
        {"remote add": _SOURCE},
        defaults=("https://center.conan.io", "https://center2.conan.io"),
    ),
    "spack": Toolchain(
        "builds or installs packages (spack)",
        _set(
            "find, list, info, spec, versions, providers, dependents, mirror list, compiler list, "
            "compilers, config get, repo list, env list, graph, location"
        ),
        places={"mirror add": _SOURCE, "repo add": _SOURCE},
    ),
    "vcpkg": Toolchain(
        "installs or changes C and C++ libraries (vcpkg)",
        _set("search, list, depend-info, version, help, owns, find"),
    ),
    "pod": Toolchain(
        "installs or changes CocoaPods dependencies (pod)",
        _set("search, outdated, list, spec cat, spec which, env, repo list, trunk info, trunk me"),
        _set("trunk push, repo push"),
        {"repo add": _SOURCE},
        defaults=("https://github.com/CocoaPods/Specs", "https://cdn.cocoapods.org"),
    ),
    **dict.fromkeys(
        ("dart", "flutter"),
        Toolchain(
            f"{_PROJECT} (dart)",
            _set(
                "pub outdated, pub deps, doctor, analyze, pub global list, devices, --version, info"
            ),
            _set("pub publish, pub lish"),
            {"pub global": _INSTALLS},
            frozenset(split_words("--hosted-url")),
            ("https://pub.dev", "https://pub.dartlang.org"),
        ),
    ),
    "elm": Toolchain(f"{_PROJECT} (elm)", _set("diff"), _set("publish")),
    "cabal": Toolchain(
        f"{_PROJECT} (cabal)", _set("list, info, check, outdated, --version"), _set("upload")
    ),
    "stack": Toolchain(
        f"{_PROJECT} (stack)", _set("ls, list, path, query, ide, --version"), _set("upload")
    ),
    "sbt": Toolchain(
        f"{_PROJECT} (sbt)",
        _set("about, projects, dependencyTree"),
        _set("publish, publishSigned, +publish, +publishSigned, release"),
    ),
    "swift": Toolchain(
        f"{_PROJECT} (swift)",
        _set("package show-dependencies, package describe, package dump-package, --version"),
        _set("package-registry publish"),
        {"package-registry set": _SOURCE},
    ),
    "mix": Toolchain(
        f"{_PROJECT} (mix)",
        _set("hex.info, hex.outdated, hex.audit, hex.search, deps.tree, help, hex.user whoami"),
        _set("hex.publish"),
        {"archive.install": _INSTALLS, "escript.install": _INSTALLS, "hex.repo": _SOURCE},
        defaults=("https://repo.hex.pm", "https://hex.pm"),
    ),
    "bundle": Toolchain(
        f"{_PROJECT} (bundle)",
        _set("outdated, list, check, info, show, platform, licenses, version, --version"),
        place_options=frozenset(split_words("--git --source --github")),
        defaults=("https://rubygems.org",),
    ),
    **dict.fromkeys(
        ("pyenv", "rbenv", "nodenv", "goenv"),
        Toolchain(
            f"{_VERSIONS} (pyenv)",
            _set(
                "versions, version, which, whence, root, prefix, commands, help, --version, "
                "install --list, install -l, init, virtualenv-init"
            ),
        ),
    ),
    "rvm": Toolchain(
        f"{_VERSIONS} (rvm)",
        _set("list, current, info, version, gemset list"),
        drastic=dict.fromkeys(
            ("implode", "seppuku"), "removes rvm with every Ruby and gem it installed"
        ),
    ),
    "nvm": Toolchain(
        f"{_VERSIONS} (nvm)",
        _set("ls, list, ls-remote, list-remote, current, version, which, version-remote"),
    ),
    "fnm": Toolchain(
        f"{_VERSIONS} (fnm)",
        _set("list, ls, list-remote, ls-remote, current, env, completions"),
        place_options=frozenset(split_words("--node-dist-mirror")),
        defaults=("https://nodejs.org/dist",),
    ),
    "volta": Toolchain(f"{_VERSIONS} (volta)", _set("list, which")),
    "sdk": Toolchain(
        f"{_VERSIONS} (sdk)", _set("list, ls, l, current, c, version, v, home, help, h")
    ),
    "corepack": Toolchain("installs or switches package manager versions (corepack)"),
    "equery": Toolchain(
        "queries Gentoo's packages (equery)",
        _set(
            "belongs, b, check, k, depends, d, depgraph, g, files, f, has, a, hasuse, h, "
            "keywords, y, list, l, meta, m, size, s, uses, u, which, w, changes, c"
        ),
    ),
}
# Options and settings that switch a download check off.
_UNCHECKED_OPTIONS = frozenset(
    split_words("--insecure --no-checksum --no-check-signature --disable-authentication")
)
_CHECK_OFF_SETTING = lazy_pattern(
    r"(?i)(?P<on>unsafe[_-]?https|insecure|disable[_-]?checksum[_-]?validation|"
    r"allow[_-]?insecure)|(?P<off>verify[_-]?ssl|ssl[_-]?verify(?:[_-]?mode)?|strict[_-]?ssl|"
    r"secure[_-]?http|verify)$"
)
_TRUE = frozenset(split_words("true 1 yes on"))
_FALSE = frozenset(split_words("false 0 no off none"))
_PLACE = lazy_pattern(r"^(?:[a-z][a-z0-9+.-]*://|git@|git\+)")


# What every one of these tools only prints: help, versions, shell completions.
_EVERY_TOOL_READS = _set("help, --help, -h, --version, -V, completion, completions")


def _words(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def _verb(spec_keys: frozenset[str] | dict[str, str], command: Command) -> str | None:
    """The longest leading words of `command` (or its first options) that `spec_keys` names."""
    words, argv = _words(command), command.argv
    for found in (" ".join(words[:3]), " ".join(words[:2]), " ".join(argv[:2]), *words[:1]):
        if found in spec_keys:
            return found
    return argv[0] if argv[:1] and argv[0] in spec_keys else None


def check_off(command: Command) -> str | None:
    """`spack install --no-checksum`, `mix hex.config unsafe_https true`, `pdm config
    pypi.verify_ssl false`: why the command drops a check on what it downloads, or None."""
    argv = command.argv
    flag = next((a for a in argv if a.split("=", 1)[0] in _UNCHECKED_OPTIONS), None)
    if flag is not None:
        return f"downloads packages without checking them ({flag})"
    for key, value in itertools.pairwise([*argv, ""]):
        name, eq, attached = key.partition("=")
        match = _CHECK_OFF_SETTING.search(name.lstrip("-").rsplit(".", 1)[-1])
        given = (attached if eq else value).strip("'\"").lower()
        if match is None:
            continue
        if (match.group("on") and given in _TRUE) or (match.group("off") and given in _FALSE):
            return f"switches off the checks on downloaded packages ({name.lstrip('-')} {given})"
    return None


def _unusual(value: str, defaults: tuple[str, ...]) -> bool:
    return bool(_PLACE.match(value)) and not value.startswith(defaults)


def other_place(command: Command, spec: Toolchain) -> str | None:
    """Why the command takes code or packages from a place nobody reviewed, or None."""
    argv = command.argv
    for option, value in itertools.pairwise([*argv, ""]):
        name, eq, attached = option.partition("=")
        given = attached if eq else value
        if name in spec.place_options and _unusual(given, spec.defaults):
            return f"fetches packages or tools from another place ({given[:70]})"
        if name in spec.place_options and name in ("--git", "--github") and given:
            return f"builds and installs code straight from {given[:70]}: nobody reviewed it"
    verb = _verb(spec.places, command)
    if verb is None:
        return None
    rest = _words(command)[len(verb.split()) :]
    remote = next((w for w in rest if _unusual(w, spec.defaults)), None)
    if remote is None and spec.places[verb] == _INSTALLS and rest[:1] in (["git"], ["github"]):
        remote = " ".join(rest[:2])  # `mix archive.install github o/r`
    if remote is None:
        return None
    if spec.places[verb] == _SOURCE:
        return f"adds {remote[:70]} as a source of packages for every later install"
    return f"builds and installs code straight from {remote[:70]}: nobody reviewed it"


def toolchain(command: Command, ctx: Context) -> None:
    spec = _TOOLS[command.name]
    registries.environment(command, ctx)
    unchecked = check_off(command)
    if unchecked is not None:
        ctx.add(HIGH, unchecked, command)
        return
    place = other_place(command, spec)
    if place is not None:
        ctx.add(HIGH, place, command)
        return
    drastic = _verb(spec.drastic, command)
    if drastic is not None:
        ctx.add(HIGH, spec.drastic[drastic], command)
        return
    if _verb(spec.reads, command) is not None or _verb(_EVERY_TOOL_READS, command) is not None:
        return  # `pyenv init -` only prints the shell set-up that `eval` runs
    published = _verb(spec.publishes, command)
    if published is not None:
        reason = f"publishes a release for anyone to install ({command.name} {published})"
        ctx.add(MODERATE, reason, command)
        return
    ctx.add(MODERATE, spec.doing, command)


def settings(command: Command, ctx: Context) -> None:
    """Known package tools whose own rule leaves out a weakened setting or another index:
    `pdm config pypi.verify_ssl false`, `pdm config pypi.url URL`, `poetry self add git+URL`."""
    unchecked = check_off(command) if "config" in command.argv else None
    if unchecked is not None:
        ctx.add(HIGH, unchecked, command)
        return
    words = _words(command)
    config = words[:1] == ["config"] and len(words) >= 3 and _URL_KEY.search(words[1])
    if config and not registries.is_default_index(words[2]) and _PLACE.match(words[2]):
        reason = f"points {command.name} at another index for every later install"
        ctx.add(HIGH, f"{reason} ({words[2][:60]})", command)
        return
    if words[:2] in (["self", "add"], ["self", "install"]):
        remote = next((w for w in words[2:] if _PLACE.match(w)), None)
        if remote is not None:
            reason = f"installs a plugin for {command.name} straight from {remote[:70]}"
            ctx.add(HIGH, reason, command)


_URL_KEY = lazy_pattern(r"(?i)(^|\.)(url|index[_-]?url|registry|mirror)$")


def maven_remote(command: Command, ctx: Context) -> None:
    """`mvn dependency:get -DremoteRepositories=URL`: artifacts from a repository on the line."""
    for value in command.argv:
        name, _, given = value.partition("=")
        if name in ("-DremoteRepositories", "-DrepoUrl") and given:
            places = [p.rsplit("::", 1)[-1] for p in re.split(r",", given)]
            if any(not p.startswith("https://repo.maven.apache.org") for p in places):
                reason = f"fetches artifacts from a repository given on the line ({given[:60]})"
                ctx.add(HIGH, reason, command)
                return


# `swift` is keyed by teardown (OpenStack's object store client), which hands the Swift
# language's commands back to `toolchain`.
RULES: dict[str, Rule] = {name: toolchain for name in _TOOLS if name != "swift"}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(("pdm", "poetry"), (settings,)),
    **dict.fromkeys(("mvn", "mvnw"), (maven_remote,)),
    "rustup": (registries.environment,),
}
