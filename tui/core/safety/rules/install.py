"""Where packages come from: a URL, a git repository or a custom index is HIGH.

Installing from the distribution's or the language's default index stays as package managers
are rated elsewhere (tools.py); installing code nobody reviewed, straight from a link, or
pointing the package manager at another index, needs a typed "yes".
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    environments,
    openers,
    package_reads,
    package_safety,
    package_versions,
    registries,
    repo_releases,
    update_sources,
)
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, subcommand
from tui.core.safety.rules.registries import DEFAULT_HOSTS, KNOWN_CHANNELS, is_default_index
from tui.core.safety.rules.removals import SYSTEM_MANAGERS
from tui.core.safety.rules.strangers import bare_address
from tui.core.safety.rules.tools import OPTION_STYLE, packages
from tui.core.safety.rules.typos import typosquat
from tui.core.safety.targets import classify_write
from tui.core.safety.words import split_words

_URL = lazy_pattern(
    r"^(https?|ftp|git|svn|hg|bzr|ssh)(\+[a-z]+)?://|^git\+|^git@|^github:|^gitlab:"
)
_INDEX_OPTIONS = frozenset(
    split_words(
        "-i --index-url --extra-index-url --trusted-host -f --find-links --registry --source "
        "--index --git --clear-sources --channel-url -X"
    )
)
_INSTALL_SUBS = frozenset(
    split_words("install i add in -U -i -Uvh -ivh -Fvh upgrade localinstall global ci binstall")
)
# pip's short options for another index (-i) or a page of links (-f); others mean else.
_PYTHON_INSTALLERS = frozenset(split_words("pip pip3 uv pipx"))
_GITHUB_SHORTHAND = lazy_pattern(r"^[\w.-]+/[\w.-]+(#.*)?$")


def source_of(command: Command) -> str | None:
    """Why the packages come from an unreviewed place (a URL, a repository, another index)."""
    argv = command.argv
    skip = False
    for index, value in enumerate(argv):
        if skip:
            skip = False
            continue
        name, _, attached = value.partition("=")
        if name in ("-i", "-f") and command.name not in _PYTHON_INSTALLERS:
            continue  # `dpkg -i x.deb`, `apt-get install -f`, `apk add -i`: not pip's index
        if name == "-X" and command.name != "apk":
            continue  # apk's short `--repository`; other tools mean else
        if name in _INDEX_OPTIONS:
            skip = not attached
            target = attached or (argv[index + 1] if index + 1 < len(argv) else "")
            if name in ("-f", "--find-links") and "://" not in target:
                continue  # `--no-index --find-links ./wheels`: package files of one's own
            if name == "--registry" and "://" not in target:
                continue  # `cargo install --registry NAME`: one set up in cargo's config
            if name in ("--git",):
                return f"builds and installs code straight from {target or 'a git repository'}"
            if name == "--trusted-host" and target in DEFAULT_HOSTS:
                continue  # TLS checks off for the usual index: `_unchecked` says so
            if not is_default_index(target):
                return f"installs packages from another index or source ({target or name})"
        elif _URL.match(_spec_target(value)) and not is_default_index(value):
            return f"installs a package straight from {value[:80]}: nobody reviewed it"
        elif (
            value in ("-r", "--requirement")
            and index + 1 < len(argv)
            and _URL.match(argv[index + 1])
        ):
            return f"installs packages listed at {argv[index + 1][:80]}"
    return None


def _spec_target(value: str) -> str:
    """`name @ URL`, `name@git+URL` (PEP 508, npm): the place after the name; else the value."""
    name, at, target = value.partition("@")
    if not at or not name or "://" in name or "://" not in target or _URL.match(value):
        return value
    return target.strip()


def remote_package(value: str) -> bool:
    """A package named by where its code lives: a URL, `git+...`, `github:o/r`, `o/r`."""
    if _URL.match(value) or value.startswith(("github:", "gitlab:", "bitbucket:", "gist:")):
        return True
    return not value.startswith(("-", "@", ".", "/")) and bool(_GITHUB_SHORTHAND.match(value))


def _node_shorthand(command: Command) -> str | None:
    """`npm install user/repo`: a GitHub repository, not the registry (`@scope/pkg` is)."""
    if command.name not in ("npm", "pnpm", "yarn", "bun"):
        return None
    for value in command.argv[1:]:
        if not value.startswith(("-", "@", ".", "/")) and _GITHUB_SHORTHAND.match(value):
            return f"installs {value} straight from GitHub: nobody reviewed it"
    return None


def install(command: Command, ctx: Context) -> None:
    if command.name == "flatpak" and flatpak_remote(command, ctx):
        return
    sub, _ = subcommand(
        command, "-o -c -t --target --root" + (" -X" if command.name == "apk" else "")
    )
    if package_reads.only_reads(command, sub):
        return
    if sub in ("config-manager", "mr", "modifyrepo") and update_sources.repositories(
        command, sub, ctx
    ):
        return
    if sub in ("mr", "modifyrepo") and {"-G", "--no-gpgcheck"} & set(command.argv):
        reason = f"stops checking package signatures from those sources ({command.name} {sub})"
        ctx.add(HIGH, reason, command)
        return
    if sub in ("config-manager", "ar", "addrepo") and command.name in ("dnf", "yum", "zypper"):
        reason = f"adds a new source of system packages ({command.name} {sub})"
        ctx.add(HIGH, reason, command)
        return
    repo_path = next((a for a in command.argv if a.startswith("--repofrompath")), None)
    if repo_path is not None:
        reason = f"installs from a package source given on the line ({repo_path[:70]})"
        ctx.add(HIGH, reason, command)
    release = package_safety.other_release(command, sub)
    if release is not None:
        ctx.add(HIGH, release, command)
        return
    package_versions.rate(command, sub, ctx)
    if command.name in ("pacman", "yay", "paru"):
        package_safety.marked_automatic(command, ctx)
    if command.name == "rpm" and "--initdb" in command.argv:
        reason = "starts a new package database (rpm --initdb): rpm may forget what is installed"
        ctx.add(HIGH, reason, command)
        return
    if command.name == "rpm" and "--import" in command.argv:
        keys = [a for a in command.argv if not a.startswith("-")]
        if keys and all(k.startswith(_INSTALLED_KEYS) for k in keys):
            reason = "trusts a signing key an installed package put in place (rpm --import)"
            ctx.add(MODERATE, reason, command)
            return
        ctx.add(
            HIGH, "trusts a new package signing key for the whole system (rpm --import)", command
        )
        return
    _unusual_sources(command, sub, ctx)
    registries.sources(command, ctx)
    installing = _installing(command, sub)
    if installing and any(ctx.word_kinds(w) & {"download", "remote"} for w in command.args):
        reason = "installs the packages a download names: nobody reviewed the list"
        ctx.add(HIGH, reason, command)  # `apt-get install $(curl -s URL)`
    if installing:
        registries.environment(command, ctx)
    elif sub in _REFRESHES and _unchecked(command):
        reason = f"reads package lists without checking their signatures ({command.name} {sub})"
        ctx.add(HIGH, reason, command)
    if installing or sub in ("config", "set"):
        why = _config_index(command)
        if why is None and installing:  # `npm config set proxy URL` installs nothing
            why = source_of(command) or _node_shorthand(command)
        if why is None and command.name in SYSTEM_MANAGERS:
            why = _downloaded_package(command, ctx)
        unchecked = _unchecked(command)
        if unchecked and why is None:
            why, unchecked = unchecked, None
        if why:
            # system package managers run the package's scripts as root; so does sudo pip
            level = CRITICAL if unchecked or _as_root(command, ctx) else HIGH
            project = _release_only(command)
            if project is not None and not unchecked:
                level, why = HIGH, f"adds {project}'s package source from its release package"
            address = next(filter(None, map(bare_address, command.argv)), None)
            if address is not None:  # an index or package at a bare address: nobody's server
                level, why = CRITICAL, f"{why}, a bare internet address ({address})"
            ctx.add(level, why, command)
        forced = _forced(command) if installing else None
        if forced is None and installing:
            around = " ".join(ctx.subjects)
            forced = package_safety.breaks_system_python(command, _as_root(command, ctx), around)
        if forced is None and installing:
            forced = _scripts_as_root(command, ctx) or package_safety.partial_upgrade(command)
        if forced is None and installing:
            forced = package_safety.skipped_upgrades(command)
            forced = forced or package_safety.unchecked_dependencies(command)
        if forced is not None:
            ctx.add(HIGH, forced, command)
        typo = typosquat(command, sub) if installing else None
        if typo is not None:
            ctx.add(HIGH, typo, command)
    environments.rate(command, sub, ctx)
    if sub == "uninstall":
        removed = package_safety.removes_system_python(command, _as_root(command, ctx))
        if removed is not None:
            ctx.add(HIGH, removed, command)
    packages(command, ctx)


def _release_only(command: Command) -> str | None:
    """The project when every URL installed is a known repository's release package."""
    urls = [a for a in command.argv if _URL.match(a)]
    found = {repo_releases.known_release(url) for url in urls}
    return found.pop() if len(found) == 1 and None not in found else None


def _installing(command: Command, sub: str) -> bool:
    """`pip install`, `apk add`, `rpm -i`, `pacman -U`/`-S` (options stand for the verb)."""
    if command.name in ("pacman", "yay", "paru"):
        return any(
            a.startswith(("-U", "-S")) and not a.startswith(("-Ss", "-Si")) for a in command.argv
        )
    if command.name in OPTION_STYLE:  # `dpkg -I x.deb`, `rpm -qip x.rpm` only look inside
        queries = frozenset(OPTION_STYLE[command.name][0].split())
        first = next((a for a in command.argv if a.startswith("-")), "")
        if first in queries or (command.name == "rpm" and first.startswith("-q")):
            return False
    if command.name == "uv" and sub == "run":
        return False  # `uv run CMD`: CMD runs in the project's environment (unwrap.py)
    return sub in _INSTALL_SUBS or command.name in ("rpm", "dpkg", "uv", "pipx")


def _unusual_sources(command: Command, sub: str, ctx: Context) -> None:
    """Taps, channels, trust policies and package files that sidestep the usual checks."""
    tap = brew_tap(command, sub) if command.name == "brew" else None
    if tap is not None:
        ctx.add(HIGH, tap, command)
    channel = _unknown_channel(command)
    if channel is not None:
        reason = f"installs packages from the {channel} channel: anyone can publish there"
        ctx.add(HIGH, reason, command)
    argv = command.argv
    if command.name == "brew" and "--no-quarantine" in argv:
        reason = "installs an app without macOS's quarantine check (brew --no-quarantine)"
        ctx.add(HIGH, reason, command)
    if command.name == "snap" and any(a in ("--devmode", "--jailmode") for a in argv):
        ctx.add(HIGH, "installs a snap without its confinement (--devmode)", command)
    if command.name == "gem" and any(a.endswith(("NoSecurity", "LowSecurity")) for a in argv):
        reason = "installs a gem with its signature checks switched off (--trust-policy)"
        ctx.add(HIGH, reason, command)
    if command.name in SYSTEM_MANAGERS and _installing(command, sub):
        for value in argv:
            if value.endswith((".deb", ".rpm")) and "Downloads/" in value:
                reason = f"installs {value}, a package file from your downloads, as root"
                ctx.add(HIGH, reason, command)
                break


# Verbs that fetch package lists or upgrade everything from them (zypper's `dup`, `patch`).
_REFRESHES = frozenset(
    split_words("update upgrade refresh makecache dup dist-upgrade full-upgrade patch ref up")
)
_ROOT_RUNNERS = frozenset(split_words("sudo doas pkexec run0 su"))
# Where the distribution's release and repository packages install their signing keys.
_INSTALLED_KEYS = ("/etc/pki/rpm-gpg/", "/usr/share/distribution-gpg-keys/")
_NO_SIGNATURES = (
    "--nogpgcheck",
    "--nosignature",
    "--nodigest",
    "--allow-unauthenticated",
    "--allow-insecure-repositories",
    "--allow-untrusted",
    "--force-bad-verify",
    "--dangerous",
    "--no-gpg-checks",
    "--insecure",
    "AllowUnauthenticated=true",
    "--trusted-host",
    "--force-yes",
    "--skippgpcheck",
    "--skipinteg",
    "--skipchecksums",
    "--allow-unsigned-rpm",
    "--gpg-auto-import-keys",
    "--nosigcheck",
    "--no-verify-rpm",
)


# Tap owners whose formulae many people use (hashicorp/tap, mongodb/brew, aws/tap, ...).
_KNOWN_TAP_OWNERS = frozenset(
    split_words(
        "homebrew hashicorp aws mongodb heroku goreleaser azure microsoft github oven-sh "
        "supabase stripe planetscale dart-lang elastic datadog 1password cloudflare fluxcd "
        "weaveworks derailed jesseduffield teamookla romkatv buo localstack minio ngrok pulumi "
        "tilt-dev twilio vmware-tanzu facebook shopify go-task charmbracelet fastly netlify "
        "filosottile mas-cli bufbuild temporalio redpanda-data apple grafana cockroachdb turbot "
        "anchore aquasecurity snyk sigstore earthly dagger argoproj fairwindsops koekeishiya "
        "nikitabobko felixkratz d12frosted railwaycat kubernetes-sigs k3d-io digitalocean "
        "okteto garden-io kyverno helm hashicorp-terraform homebrew-ffmpeg adoptopenjdk "
        "jandedobbeleer sass withgraphite isen-ng tap"
    )
)


def _unknown_channel(command: Command) -> str | None:
    """`conda install -c someone pkg`: a channel is any anaconda.org user's namespace."""
    if command.name not in ("conda", "mamba", "micromamba"):
        return None
    argv = command.argv
    for index, value in enumerate(argv[:-1]):
        if value in ("-c", "--channel"):
            channel = argv[index + 1]
            if channel.rstrip("/").rsplit("/", 1)[-1] not in KNOWN_CHANNELS:
                return channel
    return None


def brew_tap(command: Command, sub: str) -> str | None:
    """`brew tap someone/tools`, `brew install someone/tools/x`: formulae from anyone's repo."""
    argv = command.argv
    rest = [a for a in argv[argv.index(sub) + 1 :] if not a.startswith("-")] if sub else []
    if sub == "tap" and len(rest) >= 2:
        return f"adds a package source from {rest[1][:80]} (brew tap): nobody reviewed it"
    names = (
        rest[:1]
        if sub == "tap"
        else [a for a in rest if a.count("/") == 2]
        if sub
        in (
            "install",
            "reinstall",
            "upgrade",
        )
        else []
    )
    for name in names:
        owner = name.split("/", 1)[0].lower()
        if "/" in name and owner not in _KNOWN_TAP_OWNERS:
            return f"installs formulae from {owner}'s own tap (brew): nobody reviewed them"
    return None


_APT_UNSIGNED = lazy_pattern(
    r"Allow(Unauthenticated|InsecureRepositories|DowngradeToInsecureRepositories)\w*="
    r"(true|1|yes)$",
    re.IGNORECASE,
)


def _unchecked(command: Command) -> str | None:
    for value, after in itertools.zip_longest(command.argv, command.argv[1:], fillvalue=""):
        if value.startswith(_NO_SIGNATURES) or _APT_UNSIGNED.search(value) or _NO_GPG.search(value):
            return f"installs packages without checking their signatures ({value})"
        weak = value in ("--strict-ssl", "--ssl-verify") and after in ("false", "0", "no")
        if _NO_TLS.search(value) or weak:
            return f"downloads packages without checking the server's certificate ({value})"
    return None


# `dnf --setopt=gpgcheck=0`, `--setopt=localpkg_gpgcheck=False`: signatures not checked.
_NO_GPG = lazy_pattern(r"gpgcheck=(0|false|no)$", re.IGNORECASE)
# `dnf --setopt=sslverify=false`, `npm i --strict-ssl=false`: any server may answer.
_NO_TLS = lazy_pattern(
    r"sslverify=(0|false|no)$|^--strict-ssl=(false|0)$|^--no-strict-ssl$|^--allow-insecure-host|"
    r"^--no-check-certificate$|^--ssl-verify=(false|0|no)$|"
    r"::Verify-(Peer|Host)=['\"]?(0|false|no)['\"]?$",
    re.I,
)
_FLATHUB = ("https://flathub.org/", "https://dl.flathub.org/")


def flatpak_remote(command: Command, ctx: Context) -> bool:
    """`flatpak remote-add NAME URL`: every later install may come from there."""
    argv = command.argv
    if "remote-modify" in argv and "--no-gpg-verify" in argv:
        reason = "stops checking the signatures of apps from a source (flatpak --no-gpg-verify)"
        ctx.add(CRITICAL, reason, command)
        return True
    if "remote-add" not in argv:
        return False
    url = next((a for a in argv if "://" in a), "")
    if "--no-gpg-verify" in argv:
        reason = "adds a source of apps whose signatures are not checked (flatpak --no-gpg-verify)"
        ctx.add(CRITICAL, reason, command)
    elif url and not url.startswith(_FLATHUB):
        ctx.add(HIGH, f"adds a new source of apps ({url[:80]}): nobody reviewed it", command)
    else:
        ctx.add(MODERATE, "adds a source of apps (flatpak remote-add)", command)
    return True


def key_file(command: Command, ctx: Context) -> None:
    """`gpg --dearmor -o /usr/share/keyrings/x.gpg`: a key apt will trust for every package."""
    argv = command.argv
    for option, value in itertools.pairwise(argv):
        if option in ("-o", "--output"):
            verdict = classify_write(ctx.resolve(value), append=False)
            if verdict is not None and verdict.level >= HIGH:
                ctx.add(verdict.level, verdict.reason, command)


# Options that push an install past the package manager's own checks on the system.
_FORCING = frozenset(
    split_words(
        "--force-all --force-depends --force-overwrite --force-conflicts --force-breaks "
        "--nodeps --replacefiles --allow-remove-essential --force-remove-essential "
        "--force-architecture --force-downgrade"
    )
)


def _dpkg_option(value: str) -> str:
    """`-o Dpkg::Options::="--force-overwrite"`: the dpkg option apt passes on."""
    if value.lower().startswith("dpkg::options::="):
        return value.partition("=")[2].strip("'\"")
    return value


_REMOVING = frozenset(split_words("-r -P --remove --purge -e --erase remove purge erase"))


def _forced(command: Command) -> str | None:
    """`dpkg -i --force-all x.deb`, `rpm -ivh --force --nodeps`, `apt-get install
    --allow-remove-essential`: the install may break or remove what the system needs."""
    if command.name not in SYSTEM_MANAGERS or set(command.argv) & _REMOVING:
        return None  # a forced removal is rated with removals
    forced = next((a for a in map(_dpkg_option, command.argv) if a in _FORCING), None)
    if forced is None and command.name == "rpm" and "--force" in command.argv:
        forced = "--force"
    if forced is None and command.name in ("pacman", "yay", "paru"):
        forced = package_safety.broad_overwrite(command.argv)
    if forced is None:
        return None
    return f"installs past the package manager's checks ({forced}): what the system needs may break"


def _scripts_as_root(command: Command, ctx: Context) -> str | None:
    """`sudo npm i -g --unsafe-perm x`: npm keeps root for the packages' install scripts."""
    unsafe = any(a in ("--unsafe-perm", "--unsafe-perm=true") for a in command.argv)
    if unsafe and _as_root(command, ctx):
        return "runs the packages' install scripts as root (--unsafe-perm)"
    return None


def _as_root(command: Command, ctx: Context) -> bool:
    if command.name in SYSTEM_MANAGERS:
        return True
    return any(form.split(" ", 1)[0] in _ROOT_RUNNERS for form in ctx.subjects)


def _config_index(command: Command) -> str | None:
    """`npm config set registry URL`, `pip config set global.index-url URL`."""
    argv = command.argv
    if "config" not in argv or "set" not in argv:
        return None
    keys = (
        "registry",
        "index-url",
        "extra-index-url",
        "trusted-host",
        "source",
        "npmRegistryServer",
    )
    for index, value in enumerate(argv):
        if value.startswith("@") and value.partition("=")[0].endswith(":registry"):
            return None  # `@mycorp:registry URL`: only that scope's packages come from there
        if any(value.endswith(key) or value.startswith(key) for key in keys):
            given = value.partition("=")[2] or (argv[index + 1] if index + 1 < len(argv) else "")
            if is_default_index(given):
                return None  # back to the registry everyone uses
            return "points the package manager at another index for every later install"
    return None


_PACKAGE_FILES = (
    ".deb",
    ".rpm",
    ".snap",
    ".flatpak",
    ".pkg",
    ".apk",
    ".pkg.tar.zst",
    ".pkg.tar.xz",
)


def _downloaded_package(command: Command, ctx: Context) -> str | None:
    for value in command.argv:
        package = value.endswith(_PACKAGE_FILES)
        if package and value.rsplit("/", 1)[-1] in ctx.downloads:
            return f"installs {value}, which was just downloaded and not checked"
        if package and paths.is_world_writable(value):
            return f"installs {value}, a package file from a folder anyone can write, as root"
    return None


_NIX_FETCHING = frozenset(split_words("run shell develop build profile"))
_KNOWN_FLAKES = ("github:NixOS/", "github:nixos/", "github:nix-community/", "nixpkgs")


def nix(command: Command, ctx: Context) -> None:
    """`nix run github:o/r`, `nix profile install git+URL`, `nix-env -i -f URL`: code from
    wherever a flake or expression lives, built and run (or installed) at once."""
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if (
        command.name == "nix-env"
        and argv[:1]
        and (argv[0].startswith("-q") or argv[0] == "--query")
    ):
        return  # lists what the profile holds, or (`-qa`) what could be installed
    if command.name == "nix" and operands[:1] in (["search"], ["why-depends"], ["path-info"]):
        return  # `nix search nixpkgs x`: what the package set holds
    unchecked = _nix_unchecked(argv)
    if unchecked is not None:
        ctx.add(HIGH, unchecked, command)
        return
    every = any(o.strip("'\"") in (".*", "*") for o in operands)
    removing = operands[:2] in (["profile", "remove"], ["profile", "rm"])
    if command.name == "nix" and removing and (every or "--all" in argv):
        ctx.add(HIGH, "removes every package of your Nix profile (nix profile remove)", command)
        return
    if command.name == "nix-env" and argv[:1] and argv[0] in ("-e", "--uninstall") and every:
        ctx.add(HIGH, "removes every package of your Nix profile (nix-env -e '.*')", command)
        return
    fetching = command.name != "nix" or (bool(operands[:1]) and operands[0] in _NIX_FETCHING)
    for value in argv if fetching else []:
        remote = remote_package(value) or value.startswith(("http:", "https:"))
        if remote and not value.startswith(_KNOWN_FLAKES):
            reason = f"builds and runs code from {value[:80]}: nobody reviewed it"
            ctx.add(HIGH, reason, command)
            return
    ctx.add(MODERATE, f"installs or changes packages ({command.name})", command)


_NIX_CACHES = ("https://cache.nixos.org",)


def _nix_unchecked(argv: list[str]) -> str | None:
    """`--option require-sigs false`, `--option substituters URL`: store paths from elsewhere,
    or not checked against the keys the system trusts."""
    if "--no-require-sigs" in argv:
        return "copies store paths without checking their signatures (--no-require-sigs)"
    for option, name, value in zip(argv, argv[1:], argv[2:], strict=False):
        if option != "--option":
            continue
        if name == "require-sigs" and value.lower() in ("false", "0"):
            return "takes store paths without checking their signatures (require-sigs false)"
        places = value.split()
        if name in ("substituters", "extra-substituters") and any(
            not p.startswith(_NIX_CACHES) for p in places
        ):
            return f"takes built packages from another cache ({value[:60]})"
        if name in ("trusted-public-keys", "extra-trusted-public-keys"):
            return "trusts another signing key for built packages (trusted-public-keys)"
    return None


def repository(command: Command, ctx: Context) -> None:
    """`add-apt-repository`, `apt-key add`: a new source of packages for the whole system."""
    argv = command.argv
    if command.name == "apt-key" and not any(a in ("add", "adv") for a in argv):
        if any(a in ("del", "remove") for a in argv):
            ctx.add(MODERATE, "removes a package signing key (apt-key)", command)
        return
    if command.name == "add-apt-repository" and any(a in ("-r", "--remove") for a in argv):
        ctx.add(MODERATE, "removes a package source", command)
        return
    operands = [a for a in argv if not a.startswith("-")]
    if command.name != "apt-key" and operands and set(operands) <= _UBUNTU_COMPONENTS:
        reason = f"enables a part of Ubuntu's own archive ({' '.join(operands)})"
        ctx.add(MODERATE, reason, command)
        return
    ctx.add(HIGH, f"trusts a new source of system packages ({command.name})", command)


# Parts of Ubuntu's own archive, signed by the same key as the rest of it.
_UBUNTU_COMPONENTS = frozenset(split_words("main universe multiverse restricted"))


def repo_manager(command: Command, ctx: Context) -> None:
    """`dnf config-manager --add-repo URL`, `zypper ar URL`: a new source for every install."""
    argv = command.argv
    off = update_sources.disabled_updates(command)
    if "--add-repo" in argv or any(a.startswith("--add-repo=") for a in argv):
        ctx.add(HIGH, "adds a new source of system packages (config-manager --add-repo)", command)
    elif off is not None:
        ctx.add(HIGH, off, command)
    elif any(_NO_GPG.search(a) for a in argv):
        ctx.add(HIGH, "stops checking the signatures of a package source (gpgcheck=0)", command)
    elif any(a in ("--set-enabled", "--enable") for a in argv):
        ctx.add(MODERATE, "enables a package source", command)
    elif any(a in ("--set-disabled", "--disable") for a in argv):
        ctx.add(MODERATE, "disables a package source", command)


_INSTALLER_REPORTS = frozenset(
    split_words("-pkginfo -volinfo -dominfo -query -showChoicesXML -showChoiceChangesXML")
)


def mac_installer(command: Command, ctx: Context) -> None:
    """`sudo installer -pkg x.pkg -target /`: the package's scripts run as root; a package from
    the downloads, a temporary folder or a mounted image came from somewhere unreviewed."""
    argv = command.argv
    package = argv[argv.index("-pkg") + 1] if "-pkg" in argv[:-1] else ""
    if not package or any(a in _INSTALLER_REPORTS for a in argv):
        return  # `installer -pkginfo`, `-volinfo`, `-query`: reports only
    if "-allowUntrusted" in argv:
        reason = f"installs {package} as root even if its signature is untrusted (-allowUntrusted)"
        ctx.add(HIGH, reason, command)
        return
    doubtful = (
        "Downloads/" in package
        or paths.is_world_writable(package)
        or package.startswith("/Volumes/")
    )
    fetched = _downloaded_package(command, ctx)
    if fetched is not None and "just downloaded" in fetched:
        ctx.add(CRITICAL, f"{fetched}, as root", command)
    elif doubtful:
        ctx.add(HIGH, f"installs {package}, a package from an unreviewed place, as root", command)
    else:
        ctx.add(MODERATE, f"installs the package {package} (installer)", command)


def editor_extension(command: Command, ctx: Context) -> None:
    """`code --install-extension ./x.vsix`: an extension file from outside the marketplace."""
    argv = command.argv
    for index, value in enumerate(argv):
        if value == "--install-extension" and index + 1 < len(argv):
            target = argv[index + 1]
            if target.endswith(".vsix") or _URL.match(target):
                reason = f"installs an editor extension from a file, not the marketplace ({target})"
                ctx.add(HIGH, reason, command)
                return
            ctx.add(MODERATE, f"installs an editor extension ({target})", command)
            return
    if openers.shown_in_editor(command):
        return  # `code .`, `code README.md`: a folder or files shown in the editor
    if argv and all(a in _EDITOR_LISTINGS for a in argv):
        return  # `code --list-extensions --show-versions`: prints what is installed
    ctx.add(MODERATE, f"opens a program ({command.name})", command)


_EDITOR_LISTINGS = frozenset(split_words("--list-extensions --show-versions --status --category"))


RULES: dict[str, Rule] = {
    **dict.fromkeys(
        split_words(
            "pip pip3 pipx uv npm pnpm yarn bun gem cargo rpm dpkg dnf yum zypper brew conda "
            "mamba poetry apt apt-get snap flatpak apk pacman yay paru pdm pipenv aptitude "
            "micromamba"
        ),
        install,
    ),
    **dict.fromkeys(split_words("nix nix-env nix-shell"), nix),
    "add-apt-repository": repository,
    "apt-key": repository,
    "apt-add-repository": repository,
    "yum-config-manager": repo_manager,
    **dict.fromkeys(split_words("code codium code-insiders"), editor_extension),
    "installer": mac_installer,
}
