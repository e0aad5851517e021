"""Smaller package tools and code pullers, rated by where their code comes from.

`ansible-pull -U URL` fetches a repository of playbooks and runs them on this machine; `luarocks
--server URL`, `opam repository add NAME URL` and `opam pin NAME URL` take packages from a place
nobody reviewed; `makepkg --skippgpcheck` and maven's `-Dmaven.wagon.http.ssl.insecure=true`
build from sources whose signatures, checksums or server certificates are not checked. Each of
those is HIGH; their ordinary installs, builds and listings stay as routine as other managers'.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import fresh
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.rules.registries import is_default_index
from tui.core.safety.words import split_words

_REMOTE = lazy_pattern(r"^(?:[a-z+]+://|git@|git\+)")


def ansible_pull(command: Command, ctx: Context) -> None:
    """`ansible-pull -U URL playbook.yml`: playbooks from that repository run here."""
    argv = command.argv
    url = next((b for a, b in itertools.pairwise(argv) if a in ("-U", "--url")), "")
    url = url or next((a.split("=", 1)[1] for a in argv if a.startswith("--url=")), "")
    if "--check" in argv:
        ctx.add(MODERATE, "fetches playbooks and shows what they would change (--check)", command)
        return
    where = url[:80] or "a repository"
    reason = f"fetches playbooks from {where} and runs them on this machine: nobody reviewed them"
    ctx.add(HIGH, reason, command)


_LUAROCKS_READS = frozenset(split_words("list search show doc path config help"))
_LUAROCKS_SERVERS = ("https://luarocks.org", "http://luarocks.org")


def luarocks(command: Command, ctx: Context) -> None:
    """`luarocks install --server=URL x`, `luarocks install URL.rockspec`."""
    sub, rest = subcommand(command, "--server --tree --from --only-server --lua-version")
    if sub in _LUAROCKS_READS:
        return
    argv = command.argv
    for index, value in enumerate(argv):
        name, eq, given = value.partition("=")
        if name in ("--server", "--from", "--only-server"):
            given = given if eq else (argv[index + 1] if index + 1 < len(argv) else "")
            if not given.startswith(_LUAROCKS_SERVERS):
                ctx.add(HIGH, f"installs Lua packages from another server ({given[:60]})", command)
                return
    remote = next((a for a in rest.argv if _REMOTE.match(a)), None)
    if remote is not None:
        ctx.add(HIGH, f"installs a Lua package straight from {remote[:80]}", command)
        return
    ctx.add(MODERATE, "installs or changes packages (luarocks)", command)


_OPAM_READS = frozenset(split_words("list show search info config env var switch help"))
_OPAM_DEFAULT = ("https://opam.ocaml.org", "git+https://github.com/ocaml/opam-repository")


def opam(command: Command, ctx: Context) -> None:
    """`opam repository add NAME URL`, `opam pin add NAME URL`: packages from that place."""
    sub, rest = subcommand(command)
    argv = rest.argv
    if sub in _OPAM_READS and not (sub == "switch" and argv[:1] == ["create"]):
        return
    if sub in ("repository", "repo", "pin"):
        operands = [a for a in argv if not a.startswith("-")]
        place = next((a for a in operands if _REMOTE.match(a)), None)
        if place is not None and not place.startswith(_OPAM_DEFAULT):
            verb = "pins a package to" if sub == "pin" else "adds a source of packages at"
            ctx.add(HIGH, f"{verb} {place[:80]} (opam {sub}): nobody reviewed it", command)
            return
        if operands[:1] in (["list"], []):
            return
    ctx.add(MODERATE, f"installs or changes packages (opam {sub})", command)


_SKIPPED = ("--skippgpcheck", "--skipinteg", "--skipchecksums")


def makepkg(command: Command, ctx: Context) -> None:
    """`makepkg -si --skippgpcheck`: sources built without their signatures or checksums."""
    skipped = next((a for a in command.argv if a in _SKIPPED), None)
    if skipped is not None:
        reason = (
            f"builds a package without checking its sources' signatures or checksums ({skipped})"
        )
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, "builds a package from a PKGBUILD (makepkg)", command)


_INSECURE_BUILD = lazy_pattern(
    r"^-D[\w.]*(?:ssl\.insecure|ssl\.allowall|ssl\.ignore\.validity\.dates|securityMode)"
    r"=(?:true|insecure)$",
    re.IGNORECASE,
)


def insecure_build(command: Command, ctx: Context) -> None:
    """`mvn -Dmaven.wagon.http.ssl.insecure=true install`: any server may hand out the jars."""
    found = next((a for a in command.argv if _INSECURE_BUILD.match(a)), None)
    if found is not None:
        reason = f"downloads dependencies without checking the server's certificate ({found})"
        ctx.add(HIGH, reason, command)


def fetched_input(command: Command, ctx: Context) -> None:
    """`ansible-playbook <(curl -s URL)`, `gradle --init-script <(curl URL)`,
    `pip install -r <(curl URL)`: a file downloaded in the line, used at once."""
    if command.name in ("docker", "podman") and "compose" not in command.argv:
        return  # `docker run -e T=$(curl ...)`: a value, not a file of instructions
    fed = any(ctx.word_kinds(word) & {"download", "remote"} for word in command.args)
    stdin = command.stdin
    piped = any(a in ("/dev/stdin", "-") for a in command.argv[1:]) and (
        stdin is not None and "download" in stdin.kinds
    )
    if fed or (piped and command.name in _PIPED_LISTS):
        ctx.add(
            HIGH, f"{command.name} uses a file downloaded just now: nobody reviewed it", command
        )


_PIPED_LISTS = frozenset(split_words("pip pip3 uv"))


def galaxy(command: Command, ctx: Context) -> None:
    """`ansible-galaxy install git+URL`: roles straight from a repository, not Galaxy."""
    remote = next((a for a in command.argv if _REMOTE.match(a)), None)
    if remote is not None and any(a == "install" for a in command.argv):
        ctx.add(HIGH, f"installs Ansible content straight from {remote[:80]}", command)
    elif command.argv[-1:] != ["list"]:
        ctx.add(MODERATE, "installs or changes Ansible roles or collections", command)


def plugin_source(command: Command, ctx: Context) -> None:
    """`helm plugin install URL`, `kubectl krew install --manifest-url=URL`, `krew index add
    NAME URL`: a plugin runs with the cluster credentials, from wherever it was fetched."""
    argv = command.argv
    words = " ".join(argv)
    remote = next((a.split("=", 1)[-1] for a in argv if "://" in a or a.startswith("git@")), "")
    from_file = any(a.startswith("--manifest") for a in argv)
    helm_plugin = command.name == "helm" and argv[:2] == ["plugin", "install"]
    krew = command.name == "kubectl" and argv[:1] == ["krew"]
    if (helm_plugin and (remote or from_file)) or (krew and (from_file or "index add" in words)):
        where = remote[:80] or "a file given on the line"
        ctx.add(HIGH, f"installs a cluster tool plugin from {where}: nobody reviewed it", command)


def poetry_source(command: Command, ctx: Context) -> None:
    """`poetry source add NAME URL`: every later install may come from there."""
    argv = command.argv
    if argv[:2] == ["source", "add"]:
        url = next((a for a in argv[2:] if "://" in a), "")
        if url and not is_default_index(url):
            ctx.add(HIGH, f"adds another index for this project's packages ({url[:60]})", command)


def bundle_config(command: Command, ctx: Context) -> None:
    """`bundle config set mirror.https://rubygems.org URL`, `ssl_verify_mode 0`."""
    argv = command.argv
    if argv[:1] != ["config"]:
        return
    words = [a for a in argv[1:] if not a.startswith("-") and a not in ("set", "unset")]
    key, value = ([*words, "", ""])[:2]
    if key.startswith("mirror.") and value and not is_default_index(value):
        ctx.add(HIGH, f"sends every gem download to {value[:60]} (bundle mirror)", command)
    elif key == "ssl_verify_mode" and value == "0":
        ctx.add(HIGH, "downloads gems without checking the server's certificate", command)


def rpmkeys(command: Command, ctx: Context) -> None:
    """`rpmkeys --import URL`: as `rpm --import`, a signing key trusted for every package."""
    argv = command.argv
    if "--import" not in argv:
        return  # `rpmkeys --checksig x.rpm`, `-K`: checks only
    keys = [a for a in argv if not a.startswith("-")]
    if keys and all(
        k.startswith(("/etc/pki/rpm-gpg/", "/usr/share/distribution-gpg-keys/")) for k in keys
    ):
        ctx.add(MODERATE, "trusts a signing key an installed package put in place", command)
    else:
        ctx.add(HIGH, "trusts a new package signing key for the whole system (rpmkeys)", command)


_CPAN_VALUES = frozenset(split_words("-l --local-lib -L --local-lib-contained --mirror"))


def cpan(command: Command, ctx: Context) -> None:
    """`cpanm URL`, `cpanm --mirror URL --mirror-only X`: Perl modules from another place."""
    argv = command.argv
    mirror = next((b for a, b in itertools.pairwise(argv) if a in ("--mirror", "-M")), "")
    if mirror and "cpan.org" not in mirror and "metacpan.org" not in mirror:
        ctx.add(HIGH, f"installs Perl modules from another mirror ({mirror[:60]})", command)
        return
    remote = next((a for a in argv if _REMOTE.match(a)), None)
    if remote is not None:
        ctx.add(HIGH, f"installs a Perl module straight from {remote[:80]}", command)
        return
    ctx.add(MODERATE, f"installs or changes Perl modules ({command.name})", command)


def easy_install(command: Command, ctx: Context) -> None:
    remote = next((a for a in command.argv if _REMOTE.match(a)), None)
    if remote is not None or any(
        a in ("-f", "--find-links", "-i", "--index-url") for a in command.argv
    ):
        ctx.add(HIGH, f"installs Python packages from {remote or 'another index'}", command)
    else:
        ctx.add(MODERATE, "installs or changes Python packages (easy_install)", command)


def copr(command: Command, ctx: Context) -> None:
    """`dnf copr enable owner/project`: anyone's build repository, trusted for every install."""
    argv = command.argv
    if "copr" in argv and "enable" in argv:
        owner = next((a for a in argv[argv.index("enable") + 1 :] if "/" in a), "a project")
        ctx.add(HIGH, f"adds {owner}'s COPR repository: anyone can publish there", command)


_PIP_SOURCE = lazy_pattern(
    r"--(?:trusted-host|index-url|extra-index-url|find-links)\b|(?:^|\s)-[if]\s"
)


def pip_args(command: Command, ctx: Context) -> None:
    """`pipx install --pip-args='--trusted-host x' t`: pip is told of another index."""
    given = [b for a, b in itertools.pairwise(command.argv) if a == "--pip-args"]
    given += [a.split("=", 1)[1] for a in command.argv if a.startswith("--pip-args=")]
    if any(_PIP_SOURCE.search(value) for value in given):
        reason = "installs from another index or without TLS checks (--pip-args)"
        ctx.add(HIGH, reason, command)


def conda_alias(command: Command, ctx: Context) -> None:
    """`conda config --set channel_alias URL`: every channel name now means that server."""
    argv = command.argv
    for key, value in itertools.pairwise(argv):
        if key == "channel_alias" and "anaconda" not in value:
            ctx.add(HIGH, f"sends every channel to {value[:60]} (channel_alias)", command)
            return


def vagrant(command: Command, ctx: Context) -> None:
    """`vagrant box add x URL --insecure`, `vagrant plugin install x --plugin-source URL`."""
    argv = command.argv
    if argv[:2] == ["box", "add"] and any(a in ("--insecure", "-k") for a in argv):
        ctx.add(
            HIGH, "downloads a machine image without checking the server's certificate", command
        )
    source = next((b for a, b in itertools.pairwise(argv) if a == "--plugin-source"), "")
    if argv[:2] == ["plugin", "install"] and source and not is_default_index(source):
        ctx.add(HIGH, f"installs a Vagrant plugin from {source[:60]}: nobody reviewed it", command)


_CHECKOUTS = {"svn": ("checkout", "co", "export"), "hg": ("clone",)}
_VCS_READS = frozenset(split_words("status st log diff info list ls cat blame annotate summary"))


def other_vcs(command: Command, ctx: Context) -> None:
    """`svn checkout URL`, `hg clone URL`: a tree fetched in this line, as `git clone` is."""
    sub, rest = subcommand(command)
    if sub in _VCS_READS:
        return
    if sub in _CHECKOUTS.get(command.name, ()) and any("://" in a for a in rest.argv):
        ctx.downloads.add(fresh.CLONED)
        ctx.add(MODERATE, f"fetches a repository ({command.name} {sub})", command)
        return
    ctx.add(MODERATE, f"changes the working copy or repository ({command.name} {sub})", command)


def gdebi(command: Command, ctx: Context) -> None:
    """`sudo gdebi -n /tmp/x.deb`: a package file installed as root, with its scripts."""
    package = next((a for a in command.argv if a.endswith(".deb")), "")
    doubtful = package.rsplit("/", 1)[-1] in ctx.downloads or paths.is_world_writable(package)
    if doubtful or "Downloads/" in package:
        ctx.add(HIGH, f"installs {package}, a package file nobody checked, as root", command)
    else:
        ctx.add(MODERATE, f"installs the package file {package or '(none)'} (gdebi)", command)


_KEY_READS = frozenset(split_words("-l --list-keys --list-sigs -f --finger --verify -h --help"))


def pacman_key(command: Command, ctx: Context) -> None:
    """`pacman-key --lsign-key KEY`, `--add FILE`: a key pacman trusts for every package."""
    argv = command.argv
    if any(a in _KEY_READS for a in argv):
        return
    if any(a in ("--lsign-key", "--lsign", "--add", "-a") for a in argv):
        ctx.add(HIGH, "trusts a new package signing key for the whole system (pacman-key)", command)
    else:
        ctx.add(MODERATE, "changes pacman's keyring (pacman-key)", command)


def skipped_review(command: Command, ctx: Context) -> None:
    """`paru -S --skipreview x`: an AUR build script run without being shown first."""
    if "--skipreview" in command.argv:
        reason = "builds AUR packages without showing their build scripts (--skipreview)"
        ctx.add(HIGH, reason, command)


def gem_source(command: Command, ctx: Context) -> None:
    """`gem specific_install URL`: a gem built straight from a repository."""
    argv = command.argv
    if argv[:1] in (["specific_install"], ["specific-install"]):
        remote = next((a for a in argv[1:] if _REMOTE.match(a) or "/" in a), "a repository")
        ctx.add(HIGH, f"installs a gem straight from {remote[:80]}: nobody reviewed it", command)


def bsd_pkg(command: Command, ctx: Context) -> None:
    """`pkg add URL` (FreeBSD): a package file from an address, installed as root."""
    argv = command.argv
    if argv[:1] == ["add"]:
        remote = next((a for a in argv[1:] if _REMOTE.match(a)), None)
        if remote is not None:
            ctx.add(
                HIGH, f"installs a package straight from {remote[:80]}: nobody reviewed it", command
            )


_NIX_CHANNELS = ("https://nixos.org/", "https://channels.nixos.org/", "https://github.com/NixOS/")


def nix_channel(command: Command, ctx: Context) -> None:
    """`nix-channel --add URL NAME`: every later install may come from there."""
    argv = command.argv
    if argv[:1] == ["--list"]:
        return
    url = next((b for a, b in itertools.pairwise(argv) if a == "--add"), "")
    if url and not url.startswith(_NIX_CHANNELS):
        ctx.add(HIGH, f"adds {url[:60]} as a source of Nix packages: nobody reviewed it", command)
    else:
        ctx.add(MODERATE, "changes the Nix channels (nix-channel)", command)


def terraform_module(command: Command, ctx: Context) -> None:
    """`terraform init -from-module=git::URL`: a configuration fetched in this line, whose
    provisioners a later `terraform apply` runs here."""
    source = next((a.split("=", 1)[1] for a in command.argv if a.startswith("-from-module=")), "")
    if "://" in source or "::" in source:
        ctx.downloads.add(fresh.CLONED)


RULES: dict[str, Rule] = {
    "ansible-pull": ansible_pull,
    "luarocks": luarocks,
    "opam": opam,
    "makepkg": makepkg,
    "ansible-galaxy": galaxy,
    "rpmkeys": rpmkeys,
    **dict.fromkeys(split_words("cpan cpanm"), cpan),
    "easy_install": easy_install,
    **dict.fromkeys(("svn", "hg"), other_vcs),
    "gdebi": gdebi,
    "pacman-key": pacman_key,
    "nix-channel": nix_channel,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(
        split_words("mvn mvnw ./mvnw gradle gradlew ./gradlew"), (insecure_build, fetched_input)
    ),
    **dict.fromkeys(
        split_words("ansible-playbook pip pip3 uv docker podman docker-compose"), (fetched_input,)
    ),
    "gem": (gem_source,),
    "terraform": (terraform_module,),
    "pkg": (bsd_pkg,),
    "pipx": (pip_args,),
    "conda": (conda_alias,),
    "vagrant": (vagrant,),
    **dict.fromkeys(split_words("helm kubectl"), (plugin_source,)),
    "poetry": (poetry_source,),
    "bundle": (bundle_config,),
    **dict.fromkeys(split_words("dnf yum"), (copr,)),
    **dict.fromkeys(split_words("paru yay"), (skipped_review,)),
}
