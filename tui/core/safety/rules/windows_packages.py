"""Windows package managers: checks switched off, every package removed, the system's own
components uninstalled, and module repositories trusted without asking.

`choco feature enable -n allowEmptyChecksums`, `--ignore-checksums`, `winget
--ignore-security-hash` install whatever a download holds (HIGH). `choco uninstall all` and
removing chocolatey itself leave nothing managed; `winget uninstall Microsoft.WindowsStore`
or the WebView2 runtime breaks Windows' own apps (HIGH). A repository other than the PowerShell
Gallery made Trusted installs its modules without a prompt (HIGH).
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.windows import Statement
from tui.core.safety.words import split_words

HIGH = RiskLevel.HIGH
MODERATE = RiskLevel.MODERATE

# Settings and options that let an installer through without its checksum or malware scan.
_CHECKS_OFF = frozenset(
    split_words(
        "--ignore-checksums --ignore-checksum --allow-empty-checksums "
        "--allow-empty-checksums-secure --allowemptychecksums --ignorechecksums "
        "--ignore-security-hash --ignore-local-archive-malware-scan"
    )
)
_WEAK_FEATURES = frozenset(split_words("allowemptychecksums allowemptychecksumssecure"))
_STRONG_FEATURES = frozenset(split_words("checksumfiles"))
_WEAK_SETTINGS = frozenset(
    split_words("installerhashoverride localarchivemalwarescanoverride localmanifestfiles")
)
# Parts of Windows that winget lists as packages: the Store, the runtimes its own apps use.
_SYSTEM_APPS = lazy_pattern(
    r"^(microsoft\.(windowsstore|edgewebview2runtime|edge|appinstaller|vclibs.*|ui\.xaml.*|"
    r"vcredist.*|dotnet\.(desktop)?runtime.*|windowsappruntime.*)|microsoft store|"
    r"microsoft edge( webview2 runtime)?|app installer)$"
)


def package_risk(st: Statement) -> str | None:
    """Why a choco or winget line weakens or strips the system, or None."""
    args = [a.lower() for a in st.args]
    off = next((a for a in args if a in _CHECKS_OFF), None)
    if st.name == "scoop" and off is None:  # scoop's `-s`: skip the hash check
        off = next((a for a in args if a in ("-s", "--skip", "--skip-hash-check")), None)
    if off is not None:
        return f"installs without checking the download's checksum ({off})"
    plain = _plain_source(args)
    if plain is not None:
        return f"adds a package source over plain HTTP ({plain[:60]}): packages can be swapped"
    weakened = _weakened_setting(args)
    if weakened is not None:
        return f"stops checking what installers download, for good ({weakened})"
    if args[:1] not in (["uninstall"], ["remove"], ["rm"]):
        return None
    names = [a.strip("'\"") for a in args[1:] if not a.startswith("-")]
    if st.name == "choco" and "all" in names:
        return "removes every package chocolatey installed (choco uninstall all)"
    if st.name in ("choco", "scoop") and st.name.replace("choco", "chocolatey") in names:
        return f"removes {st.name} itself: nothing it installed can be updated or removed"
    system = next((n for n in names if _SYSTEM_APPS.match(n)), None)
    if st.name == "winget" and system is not None:
        return f"removes {system}, a part of Windows its own apps rely on"
    return None


def _plain_source(args: list[str]) -> str | None:
    """`choco source add -n=corp -s=http://...`: packages fetched without TLS."""
    if args[:2] not in (["source", "add"], ["sources", "add"]):
        return None
    for arg in args[2:]:
        value = arg.partition("=")[2] if arg.startswith("-") else arg
        if value.strip("'\"").startswith("http://"):
            return value.strip("'\"")
    return None


def _weakened_setting(args: list[str]) -> str | None:
    """`choco feature enable -n allowEmptyChecksums`, `winget settings --enable X`."""
    if args[:1] == ["feature"] and len(args) > 2:
        names = {a.split("=", 1)[-1].strip("'\"") for a in args[2:]}
        if args[1] == "enable" and names & _WEAK_FEATURES:
            return sorted(names & _WEAK_FEATURES)[0]
        if args[1] == "disable" and names & _STRONG_FEATURES:
            return f"{sorted(names & _STRONG_FEATURES)[0]} off"
    if args[:1] == ["settings"] and "--enable" in args:
        return next((a for a in args if a in _WEAK_SETTINGS), None)
    return None


def repository(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Set-PSRepository X -InstallationPolicy Trusted`, `Register-PSRepository -SourceLocation
    URL`: modules from there install without the usual prompt."""
    pairs = dict(_params(st))
    name = pairs.get("name", "")
    trusted = pairs.get("installationpolicy") == "trusted"
    source = pairs.get("sourcelocation", "")
    if trusted and name != "psgallery":
        ctx.add(HIGH, f"installs modules from {name or 'a repository'} without asking", st.text)
    elif source.startswith("http://") or (source and "://" in source and not trusted):
        ctx.add(HIGH, f"adds a source of PowerShell modules ({source[:60]})", st.text)
    else:
        ctx.add(MODERATE, f"changes a source of PowerShell modules ({st.words[0]})", st.text)


def package_source(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Register-PackageSource -Location http://x -Trusted`: packages from there install
    without asking, or over a connection anyone on the way can change."""
    pairs = dict(_params(st))
    location = pairs.get("location", "")
    if location.startswith("http://") or ("trusted" in pairs and "://" in location):
        ctx.add(
            HIGH, f"adds a source of packages installed without checks ({location[:60]})", st.text
        )
    else:
        ctx.add(MODERATE, f"changes a source of packages ({st.words[0]})", st.text)


def _params(st: Statement) -> list[tuple[str, str]]:
    args = list(st.args)
    pairs = []
    for arg, value in itertools.zip_longest(args, args[1:], fillvalue=""):
        if arg.startswith("-") and len(arg) > 1:
            name, colon, attached = arg[1:].partition(":")
            given = attached if colon else ("" if value.startswith("-") else value)
            pairs.append((name.lower(), given.strip("'\"").lower()))
    return pairs


def remove_appx(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Get-AppxPackage -AllUsers | Remove-AppxPackage`: no name picked, every app goes."""
    listed = previous is not None and previous.name in (
        "get-appxpackage",
        "get-appxprovisionedpackage",
    )
    named = previous is not None and any(
        not a.startswith("-") or a.lower() == "-name" for a in previous.args
    )
    if listed and not named:
        reason = "removes every app package, the Store and Windows' own apps among them"
        ctx.add(HIGH, reason, st.text)
        return
    ctx.add(MODERATE, f"removes app packages ({st.words[0]})", st.text)


_PACKAGE_LISTS = frozenset(("get-package", "get-installedmodule", "get-installedscript"))
_LISTING_VERBS = frozenset(("list", "export"))
_MANAGERS = frozenset(("scoop", "choco", "winget"))


def uninstall_listed(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Get-Package | Uninstall-Package -Force`: no name picked, every package goes."""
    listed = previous is not None and previous.name in _PACKAGE_LISTS
    if listed and previous is not None and not any(not a.startswith("-") for a in previous.args):
        reason = f"removes every package {previous.words[0]} lists ({st.words[0]})"
        ctx.add(HIGH, reason, st.text)
        return
    ctx.add(MODERATE, f"removes packages ({st.words[0]})", st.text)


def uninstall_each(st: Statement, previous: Statement | None, block: str, ctx: Context) -> None:
    """`scoop list | ForEach-Object { scoop uninstall $_.Name }`: each listed package removed."""
    if st.name not in ("foreach-object", "%", "foreach") or previous is None:
        return
    listing = previous.name in _MANAGERS and [a.lower() for a in previous.args][:1] == ["list"]
    if not listing or "$_" not in block:
        return
    words = block.lower().split()
    if any(verb in words for verb in ("uninstall", "remove", "rm")):
        reason = f"removes every package {previous.name} lists, one by one"
        ctx.add(HIGH, reason, st.text)


HANDLERS = {
    **dict.fromkeys(
        ("uninstall-package", "uninstall-module", "uninstall-script"), uninstall_listed
    ),
    **dict.fromkeys(("set-psrepository", "register-psrepository"), repository),
    **dict.fromkeys(("register-packagesource", "set-packagesource"), package_source),
    **dict.fromkeys(("remove-appxpackage", "remove-appxprovisionedpackage"), remove_appx),
}
