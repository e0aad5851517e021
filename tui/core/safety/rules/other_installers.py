"""Smaller package tools, rated by where their packages come from and what they check.

`luarocks --server URL`, `opam repository add NAME URL`, `cpanm URL`, `easy_install URL`, `gem
specific_install URL`, `pkg add URL`, `nix-channel --add URL`, `dnf copr enable o/p` take
packages from a place nobody reviewed; `makepkg --skippgpcheck`, `paru --skipreview`,
`pacman-key --lsign-key` and `rpmkeys --import` drop or widen the checks. Each is HIGH; their
ordinary installs and listings stay as routine as other managers'.
"""

from __future__ import annotations

import itertools

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.rules.pulled_code import REMOTE
from tui.core.safety.words import split_words

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
    remote = next((a for a in rest.argv if REMOTE.match(a)), None)
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
    remote = next((a for a in argv if REMOTE.match(a)), None) if sub == "install" else None
    if remote is not None and not remote.startswith(_OPAM_DEFAULT):
        reason = f"builds and installs a package straight from {remote[:80]}: nobody reviewed it"
        ctx.add(HIGH, reason, command)
        return
    if sub in ("repository", "repo", "pin"):
        operands = [a for a in argv if not a.startswith("-")]
        place = next((a for a in operands if REMOTE.match(a)), None)
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


_CPAN_READS = frozenset(split_words("--info -D -l -a -O --look -V --version -h --help"))
_CPAN_VALUES = frozenset(split_words("-l --local-lib -L --local-lib-contained --mirror"))


def cpan(command: Command, ctx: Context) -> None:
    """`cpanm URL`, `cpanm --mirror URL --mirror-only X`: Perl modules from another place."""
    argv = command.argv
    if argv[:1] and argv[0] in _CPAN_READS:
        return  # `cpanm --info X`, `cpan -D X`, `cpan -l`: what is known or installed
    mirror = next((b for a, b in itertools.pairwise(argv) if a in ("--mirror", "-M")), "")
    if mirror and "cpan.org" not in mirror and "metacpan.org" not in mirror:
        ctx.add(HIGH, f"installs Perl modules from another mirror ({mirror[:60]})", command)
        return
    remote = next((a for a in argv if REMOTE.match(a)), None)
    if remote is not None:
        ctx.add(HIGH, f"installs a Perl module straight from {remote[:80]}", command)
        return
    ctx.add(MODERATE, f"installs or changes Perl modules ({command.name})", command)


def easy_install(command: Command, ctx: Context) -> None:
    remote = next((a for a in command.argv if REMOTE.match(a)), None)
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


def gdebi(command: Command, ctx: Context) -> None:
    """`sudo gdebi -n /tmp/x.deb`: a package file installed as root, with its scripts."""
    package = next((a for a in command.argv if a.endswith(".deb")), "")
    doubtful = package.rsplit("/", 1)[-1] in ctx.downloads or paths.is_world_writable(package)
    if doubtful or "Downloads/" in package:
        ctx.add(HIGH, f"installs {package}, a package file nobody checked, as root", command)
    else:
        ctx.add(MODERATE, f"installs the package file {package or '(none)'} (gdebi)", command)


_KEY_READS = frozenset(
    split_words(
        "-l --list-keys --list-sigs -f --finger --fingerprint -v --verify -e --export -h --help"
    )
)


def pacman_key(command: Command, ctx: Context) -> None:
    """`pacman-key --lsign-key KEY`, `--add FILE`: a key pacman trusts for every package."""
    argv = command.argv
    if any(a in _KEY_READS for a in argv):
        return
    if any(a in ("--lsign-key", "--lsign", "--add", "-a") for a in argv):
        ctx.add(HIGH, "trusts a new package signing key for the whole system (pacman-key)", command)
    else:
        ctx.add(MODERATE, "changes pacman's keyring (pacman-key)", command)


# AUR helpers' answers that build a package without showing its build script first.
_NO_REVIEW = frozenset(
    split_words("--skipreview --noconfirm --answerdiff=None --answeredit=None --noedit --nodiff")
)


def skipped_review(command: Command, ctx: Context) -> None:
    """`paru -S --skipreview x`, `yay -S --noconfirm x`: an AUR build script, run as the
    package is built, that nobody was shown first."""
    argv = command.argv
    skipped = next((a for a in argv if a in _NO_REVIEW), None)
    if skipped is None and "--answerdiff" in argv[:-1]:
        answer = argv[argv.index("--answerdiff") + 1]
        skipped = f"--answerdiff {answer}" if answer.lower() in ("none", "n") else None
    installs = any(a.startswith("-S") and a not in ("-Ss", "-Si") for a in argv)
    named = [a for a in argv if not a.startswith("-")]
    if skipped is not None and installs and named:
        reason = f"builds AUR packages without showing their build scripts ({skipped})"
        ctx.add(HIGH, reason, command)


def gem_source(command: Command, ctx: Context) -> None:
    """`gem specific_install URL`: a gem built straight from a repository."""
    argv = command.argv
    if argv[:1] in (["specific_install"], ["specific-install"]):
        remote = next((a for a in argv[1:] if REMOTE.match(a) or "/" in a), "a repository")
        ctx.add(HIGH, f"installs a gem straight from {remote[:80]}: nobody reviewed it", command)


_PKG_SITES = ("pkg+http://pkg.FreeBSD.org", "http://pkg.FreeBSD.org", "https://pkg.FreeBSD.org")


def bsd_pkg(command: Command, ctx: Context) -> None:
    """`pkg add URL` (FreeBSD): a package file from an address, installed as root."""
    argv = command.argv
    for option, value in itertools.pairwise(argv):
        name, _, given = value.partition("=")
        if option != "-o" or not given:
            continue
        if name.upper() == "SIGNATURE_TYPE" and given.lower() == "none":
            ctx.add(HIGH, "installs packages without checking their signatures (pkg)", command)
            return
        if name.upper() in ("PACKAGESITE", "PKG_REPO_URL") and not given.startswith(_PKG_SITES):
            reason = f"installs packages from another repository ({given[:60]})"
            ctx.add(HIGH, reason, command)
            return
    if argv[:1] == ["add"]:
        remote = next((a for a in argv[1:] if REMOTE.match(a)), None)
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


_VERSION_READS = frozenset(
    split_words(
        "list ls current where which latest info version --version help doctor outdated "
        "list-all ls-remote"
    )
)
_PLUGIN_ADDS = (["plugin", "add"], ["plugin-add"], ["plugins", "install"], ["plugins", "add"])


def version_manager(command: Command, ctx: Context) -> None:
    """`asdf plugin add NAME URL`, `mise plugins install NAME URL`: a plugin's scripts, from
    wherever that repository is, run at every install and often at every prompt."""
    argv = command.argv
    if argv[:2] in (["plugin", "list"], ["plugins", "ls"]) or (
        argv[:1] and argv[0] in _VERSION_READS
    ):
        return  # `asdf list`, `mise ls`, `asdf current`: versions installed or in use
    verb = next((v for v in _PLUGIN_ADDS if argv[: len(v)] == v), None)
    remote = next((a for a in argv if REMOTE.match(a)), None) if verb else None
    if remote is not None:
        reason = f"installs a plugin for {command.name} from {remote[:80]}: nobody reviewed it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"installs or switches tool versions ({command.name})", command)


RULES: dict[str, Rule] = {
    "luarocks": luarocks,
    "opam": opam,
    "makepkg": makepkg,
    "rpmkeys": rpmkeys,
    **dict.fromkeys(split_words("cpan cpanm"), cpan),
    "easy_install": easy_install,
    "gdebi": gdebi,
    "pacman-key": pacman_key,
    "nix-channel": nix_channel,
    **dict.fromkeys(("asdf", "mise", "rtx"), version_manager),
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "gem": (gem_source,),
    "pkg": (bsd_pkg,),
    **dict.fromkeys(split_words("dnf yum"), (copr,)),
    **dict.fromkeys(split_words("paru yay pikaur trizen aurman pakku"), (skipped_review,)),
}
