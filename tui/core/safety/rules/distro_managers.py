"""Package managers of smaller systems, and the parts of bigger ones the other rules leave out.

OpenWrt's opkg, Slackware's pkgtools and slackpkg, OpenBSD and NetBSD's pkg_add and pkgin,
Mageia's urpmi, Fedora Atomic's rpm-ostree, Gentoo's eselect and layman, GNU Guix and the
Nix store. Removals go through the same judgement as apt's and dnf's (removals.py): the C
library or busybox is CRITICAL, a leaf package MODERATE. A package straight from a URL, a new
package source, a signing key trusted for every package, or signature checks switched off
(`pkg_add -D unsigned`, `slackpkg -checkgpg=off`, `guix pull --disable-authentication`) is
HIGH; so is deleting store paths still in use, and granting a Flatpak app the whole host.
Listings, searches and dry runs only report.
"""

from __future__ import annotations

import itertools

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import registries, removals
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.pulled_code import REMOTE
from tui.core.safety.words import split_words


def _words(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def _remote(values: list[str], usual: tuple[str, ...] = ()) -> str | None:
    """The first value that names a place on the network other than the usual ones."""
    return next((v for v in values if REMOTE.match(v) and not v.startswith(usual)), None)


def _straight_from(place: str) -> str:
    return f"installs a package straight from {place[:70]}: nobody reviewed it"


def _new_source(place: str) -> str:
    return f"adds {place[:70]} as a source of system packages for every later install"


_OPKG_READS = frozenset(
    split_words(
        "list list-installed list-upgradable info status search find files depends whatdepends "
        "whatprovides whatconflicts print-architecture compare-versions"
    )
)


def opkg(command: Command, ctx: Context) -> None:
    """OpenWrt: `opkg install URL`, `opkg remove --force-depends libc`."""
    words = _words(command)
    verb = words[0] if words else ""
    if verb in _OPKG_READS:
        return
    if verb == "remove":
        removals.removes_packages(command, ctx)
        return
    remote = _remote(words[1:]) if verb in ("install", "upgrade") else None
    if remote is not None:
        ctx.add(HIGH, _straight_from(remote), command)
    elif any(a in ("--force-signature", "--no-check-certificate") for a in command.argv):
        ctx.add(HIGH, "installs packages without checking their signatures (opkg)", command)
    else:
        ctx.add(MODERATE, f"installs or changes packages (opkg {verb})".replace(" )", ")"), command)


_SLACKPKG_READS = frozenset(
    split_words("search file-search info check-updates show-changelog help generate-template")
)


def slackpkg(command: Command, ctx: Context) -> None:
    """Slackware: `slackpkg -checkgpg=off upgrade-all`, `slackpkg remove glibc`."""
    argv = command.argv
    off = next((a for a in argv if a.lower() in ("-checkgpg=off", "-checkmd5=off")), None)
    if off is not None:
        ctx.add(HIGH, f"installs packages without checking their signatures ({off})", command)
        return
    words = _words(command)
    verb = words[0] if words else ""
    if verb in _SLACKPKG_READS:
        return
    if verb == "remove":
        removals.removes_packages(command, ctx)
    elif verb == "clean-system":
        reason = "removes every package that is not part of Slackware itself (clean-system)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"installs or changes packages (slackpkg {verb})".strip(), command)


def package_file(command: Command, ctx: Context) -> None:
    """`installpkg x.txz`, `upgradepkg x.txz`: a package file, its install script run as root."""
    files = [a for a in command.argv if not a.startswith("-")]
    fetched = next((f for f in files if f.rsplit("/", 1)[-1] in ctx.downloads), None)
    if fetched is not None:
        reason = f"installs {fetched}, which was just downloaded and not checked, as root"
        ctx.add(CRITICAL, reason, command)
        return
    doubtful = next((f for f in files if paths.is_world_writable(f) or "Downloads/" in f), None)
    if doubtful is not None:
        ctx.add(HIGH, f"installs {doubtful}, a package file nobody checked, as root", command)
        return
    ctx.add(MODERATE, f"installs a package file ({command.name})", command)


def removepkg(command: Command, ctx: Context) -> None:
    """Slackware's `removepkg NAME`: no dependency checks at all, so rated as a forced removal."""
    if "-warn" in command.argv:
        return  # only lists what would be removed
    removals.removes_packages(command, ctx)


_BSD_SITES = (
    "https://cdn.openbsd.org/",
    "http://cdn.openbsd.org/",
    "https://ftp.openbsd.org/",
    "https://cdn.NetBSD.org/",
    "http://cdn.NetBSD.org/",
    "https://ftp.NetBSD.org/",
)


def pkg_add(command: Command, ctx: Context) -> None:
    """OpenBSD and NetBSD: `pkg_add -D unsigned x`, `pkg_add URL`, `PKG_PATH=URL pkg_add x`."""
    argv = command.argv
    if any(a.startswith("-") and not a.startswith("--") and "n" in a for a in argv):
        return  # `-n`: a dry run
    pairs = [f"{a}{b}" for a, b in itertools.pairwise(argv) if a == "-D"]
    if any(v.endswith("unsigned") for v in (*argv, *pairs) if v.startswith("-D")):
        ctx.add(HIGH, "installs packages without checking their signatures (-D unsigned)", command)
        return
    remote = _remote(_words(command), _BSD_SITES)
    if remote is not None:
        ctx.add(HIGH, _straight_from(remote), command)
        return
    assigned = dict((*ctx.variables.items(), *registries.assigned_before(command)))
    path = assigned.get("PKG_PATH", "").strip("'\"")
    if path and REMOTE.match(path) and not path.startswith(_BSD_SITES):
        ctx.add(HIGH, f"installs packages from another repository (PKG_PATH={path[:60]})", command)
        return
    ctx.add(MODERATE, "installs or updates packages (pkg_add)", command)


def pkg_delete(command: Command, ctx: Context) -> None:
    argv = command.argv
    short = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    if "n" in short:
        return  # a dry run
    if "X" in short:
        reason = "removes every installed package except the ones named (pkg_delete -X)"
        ctx.add(CRITICAL, reason, command)
    elif "a" in short and not _words(command):
        ctx.add(MODERATE, "removes packages nothing needs any more (pkg_delete -a)", command)
    else:
        removals.removes_packages(command, ctx)


_PKGIN_READS = frozenset(
    split_words(
        "list ls avail av search se show-deps sd show-full-deps sfd show-rev-deps srd "
        "show-category sc show-pkg-category spc show-all-categories sac pkg-content pc "
        "pkg-descr pd pkg-build-defs pbd stats st export ex"
    )
)


def pkgin(command: Command, ctx: Context) -> None:
    words = _words(command)
    verb = words[0] if words else ""
    if verb in _PKGIN_READS or "-n" in command.argv:
        return
    if verb in ("remove", "rm"):
        removals.removes_packages(command, ctx)
        return
    ctx.add(MODERATE, f"installs or changes packages (pkgin {verb})".strip(), command)


def urpmi(command: Command, ctx: Context) -> None:
    """Mageia: `urpmi --no-verify-rpm x`, `urpmi URL`, `urpmi.addmedia NAME URL`, `urpme x`."""
    argv = command.argv
    if "--test" in argv:
        return
    if command.name == "urpme":
        removals.removes_packages(command, ctx)
        return
    remote = _remote(_words(command))
    if command.name == "urpmi.addmedia" and remote is not None:
        ctx.add(HIGH, _new_source(remote), command)
    elif "--no-verify-rpm" in argv:
        ctx.add(HIGH, "installs packages without checking their signatures", command)
    elif command.name == "urpmi" and remote is not None:
        ctx.add(HIGH, _straight_from(remote), command)
    else:
        ctx.add(MODERATE, f"installs or changes packages ({command.name})", command)


_OSTREE_READS = frozenset(split_words("status db --version compose"))
_UNVERIFIED = ("ostree-unverified-registry:", "ostree-unverified-image:")


def rpm_ostree(command: Command, ctx: Context) -> None:
    """Fedora Atomic: layered packages, overrides and rebases of the whole system image."""
    words = _words(command)
    verb = words[0] if words else ""
    if verb in _OSTREE_READS:
        return
    if verb == "override" and words[1:2] == ["remove"]:
        removals.removes_packages(command.wrapped(command.args[1:], "rpm-ostree"), ctx)
        return
    if verb in ("rebase", "deploy") and any(w.startswith(_UNVERIFIED) for w in words):
        reason = "moves the whole system to an image whose signature is not checked"
        ctx.add(HIGH, f"{reason} ({verb} ostree-unverified-...)", command)
        return
    remote = _remote(words[1:]) if verb in ("install", "override") else None
    if remote is not None:
        ctx.add(HIGH, f"{_straight_from(remote)}, into the system image", command)
        return
    ctx.add(MODERATE, f"changes the system image (rpm-ostree {verb})".strip(), command)


def eselect(command: Command, ctx: Context) -> None:
    """Gentoo: `eselect repository add NAME git URL` adds an overlay anyone may have written."""
    words = _words(command)
    if words[1:2] in (["list"], ["show"]) or words[:1] in (["list"], ["help"]):
        return
    if words[:2] == ["repository", "add"]:
        ctx.add(HIGH, f"adds a third-party Gentoo overlay ({' '.join(words[2:3])})", command)
        return
    ctx.add(MODERATE, f"changes a system setting (eselect {' '.join(words[:2])})", command)


def layman(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("-a", "--add", "-o", "--overlays") for a in argv):
        ctx.add(HIGH, "adds a third-party Gentoo overlay (layman)", command)
    elif not any(a in ("-l", "-L", "--list", "--list-local", "-i", "--info") for a in argv):
        ctx.add(MODERATE, "changes the Gentoo overlays (layman)", command)


_GUIX_READS = frozenset(
    split_words("search show describe weather graph size lint hash refresh --version help")
)
_GUIX_LISTS = frozenset(
    split_words(
        "-I --list-installed -A --list-available -l --list-generations -s --search --show "
        "--list-profiles"
    )
)
_GUIX_SERVERS = ("https://ci.guix.gnu.org", "https://bordeaux.guix.gnu.org")
_GUIX_REPOS = ("https://git.savannah.gnu.org/git/guix.git", "https://codeberg.org/guix/guix")


def guix(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = _words(command)
    if "--disable-authentication" in argv:
        ctx.add(HIGH, "fetches Guix itself without checking who committed it", command)
        return
    for value in argv:
        name, _, given = value.partition("=")
        places = given.split()
        usual = _GUIX_SERVERS if name == "--substitute-urls" else _GUIX_REPOS
        if name in ("--substitute-urls", "--url") and any(not p.startswith(usual) for p in places):
            ctx.add(HIGH, f"fetches built packages or Guix itself from {given[:60]}", command)
            return
    if words[:1] == ["archive"] and "--authorize" in argv:
        ctx.add(HIGH, "trusts a new signing key for every later install (guix archive)", command)
        return
    listing = words[:1] == ["package"] and bool(_GUIX_LISTS & set(argv))
    if listing or (words[:1] and words[0] in _GUIX_READS):
        return
    ctx.add(MODERATE, f"installs or changes packages (guix {' '.join(words[:1])})", command)


_STORE_READS = frozenset(split_words("-q --query -l --read-log --dump --print-env --verify"))
_GC_READS = frozenset(split_words("--print-dead --print-live --print-roots"))


def nix_store(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--delete" in argv and "--ignore-liveness" in argv:
        reason = "deletes store paths that profiles or running programs still use"
        ctx.add(HIGH, f"{reason} (--ignore-liveness)", command)
        return
    first = argv[0] if argv else ""
    if (first in _STORE_READS or first.startswith("-q")) and "--repair" not in argv:
        return
    if "--gc" in argv and _GC_READS & set(argv):
        return
    ctx.add(MODERATE, "changes the Nix store (nix-store)", command)


_CLEAR_LINUX = ("https://cdn.download.clearlinux.org",)


def swupd(command: Command, ctx: Context) -> None:
    """Clear Linux verbs the dnf reading leaves out: `swupd mirror --set URL`."""
    argv = command.argv
    if "--nosigcheck" in argv or "-n" in argv:
        ctx.add(HIGH, "updates the system without checking signatures (--nosigcheck)", command)
        return
    given = [b for a, b in itertools.pairwise(argv) if a in ("--set", "-s", "--url", "-u")]
    remote = _remote(given, _CLEAR_LINUX)
    if remote is not None:
        ctx.add(HIGH, f"takes every later update of the system from {remote[:60]}", command)
        return
    ctx.add(
        MODERATE, f"changes Clear Linux bundles (swupd {' '.join(_words(command)[:1])})", command
    )


def eopkg(command: Command, ctx: Context) -> None:
    """Solus verbs the dnf reading leaves out: `eopkg add-repo NAME URL`."""
    words = _words(command)
    remote = _remote(words[1:], ("https://cdn.getsol.us", "https://packages.getsol.us"))
    if words[:1] and words[0] in ("add-repo", "ar") and remote is not None:
        ctx.add(HIGH, _new_source(remote), command)
        return
    ctx.add(MODERATE, f"changes packages or sources (eopkg {' '.join(words[:1])})", command)


# Flatpak permissions that reach past the sandbox: the host's files, every device, the bus that
# starts other apps outside it.
_WIDE_GRANTS = (
    "--filesystem=host",
    "--filesystem=host-os",
    "--filesystem=host-etc",
    "--filesystem=home",
    "--filesystem=/",
    "--filesystem=~",
    "--device=all",
    "--talk-name=org.freedesktop.Flatpak",
    "--socket=system-bus",
)


def flatpak_override(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "override" not in argv or any(a in ("--show", "--reset") for a in argv):
        return
    grant = next((a for a in argv if a.rstrip("/:rw").rstrip(":") in _WIDE_GRANTS), None)
    if grant is not None:
        ctx.add(HIGH, f"lets the app reach past its sandbox for good ({grant})", command)


RULES: dict[str, Rule] = {
    "opkg": opkg,
    "slackpkg": slackpkg,
    **dict.fromkeys(("installpkg", "upgradepkg"), package_file),
    "removepkg": removepkg,
    "pkg_add": pkg_add,
    "pkg_delete": pkg_delete,
    "pkgin": pkgin,
    **dict.fromkeys(("urpmi", "urpme", "urpmi.addmedia", "urpmi.update"), urpmi),
    "rpm-ostree": rpm_ostree,
    "eselect": eselect,
    "layman": layman,
    "guix": guix,
    "nix-store": nix_store,
    "swupd": swupd,
    "eopkg": eopkg,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"flatpak": (flatpak_override,)}
