"""Windows system programs of cmd that the other Windows rules leave out: mount points and boot
code, reset and sysprep, security templates, file-type handlers, directory tools (ds*, netdom,
dnscmd, repadmin, nltest, klist), IIS (appcmd, iisreset), updates and drivers (wusa, pnputil,
devcon), links and file replacement (mklink, replace), and the tools that only report.

Each program's reading forms (`/info`, `/list`, `/enum-drivers`, `list site`) are safe; the
forms that take away a drive, a boot, an account or a driver are rated by what is lost.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_procs import VITAL_PROCESSES
from tui.core.safety.rules.windows_system import Handler, operands_of
from tui.core.safety.targets import classify_write
from tui.core.safety.windows import Statement, posix_path

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL


def _lowered(st: Statement) -> list[str]:
    return [a.lower() for a in st.args]


def _first(st: Statement) -> str:
    return st.args[0].lower() if st.args else ""


def _mountvol(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = {a for a in _lowered(st) if a.startswith("/")}
    if not st.args or flags <= {"/l"}:
        return
    if flags & {"/d", "/p"}:
        reason = "removes a drive's mount point (mountvol): what is on it can no longer be reached"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, "changes how drives are mounted (mountvol)", st.text)


def _bootsect(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(
        HIGH, "rewrites a drive's boot code (bootsect): a mistake leaves it unbootable", st.text
    )


def _systemreset(st: Statement, ctx: Context, previous: Statement | None) -> None:
    reason = (
        "resets Windows (systemreset): programs and settings, and maybe your files, are removed"
    )
    ctx.add(CRITICAL, reason, st.text)


def _sysprep(st: Statement, ctx: Context, previous: Statement | None) -> None:
    reason = (
        "generalizes Windows for imaging (sysprep): the machine's identity and set-up are reset"
    )
    ctx.add(HIGH, reason, st.text)


def _secedit(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb in ("/validate", "/?", ""):
        return
    if verb in ("/configure", "/import"):
        reason = "applies a security template over the machine's security settings (secedit)"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, f"reads or compares the security settings (secedit {verb})", st.text)


# File types Windows runs as programs: changing their handler changes what every program does.
_RUNNABLE = frozenset(
    ".exe .com .bat .cmd .ps1 .lnk .scr .msi .pif .vbs .js .hta exefile comfile batfile "
    "cmdfile lnkfile scrfile piffile msi.package vbsfile jsfile htafile "
    "microsoft.powershellscript.1".split()
)


def _file_types(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """assoc / ftype: with `=` they change what opens a file type; without, they show it."""
    setting = next((a for a in st.args if "=" in a), "")
    if not setting:
        return
    kind = setting.split("=", 1)[0].strip("'\"").lower()
    if kind in _RUNNABLE:
        ctx.add(HIGH, f"changes what Windows runs for every {kind} program ({st.name})", st.text)
    else:
        ctx.add(MODERATE, f"changes which program opens {kind} files ({st.name})", st.text)


def _tskill(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """tskill and Sysinternals pskill: by name or number, here or on another machine."""
    names = {a.lower().removesuffix(".exe") for a in st.args if not a.startswith(("/", "-"))}
    if names & VITAL_PROCESSES:
        ctx.add(
            CRITICAL, f"kills a process Windows needs: the machine crashes ({st.name})", st.text
        )
    elif any(a.startswith("\\\\") for a in st.args) or names & {"msmpeng", "mssense", "sysmon"}:
        ctx.add(HIGH, f"kills a process on another machine or its protection ({st.name})", st.text)
    else:
        ctx.add(MODERATE, f"stops a process ({st.name})", st.text)


def _regedit(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if "/s" in _lowered(st):
        reason = "merges a registry file without showing it (regedit /s): any key may change"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, "opens or exports the registry (regedit)", st.text)


def _dsrm(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if "-subtree" in _lowered(st):
        ctx.add(CRITICAL, "deletes a directory subtree with every account in it (dsrm)", st.text)
    else:
        ctx.add(HIGH, "deletes a directory object (dsrm)", st.text)


def _dsmod(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = _lowered(st)
    if "-pwd" in args or ("-disabled" in args and "yes" in args):
        ctx.add(HIGH, "resets a directory account's password or disables it (dsmod)", st.text)
    else:
        ctx.add(MODERATE, "changes a directory object (dsmod)", st.text)


def _reads_only(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """dsquery, dsget, dcdiag, nltest: they report on the directory."""
    if "/fix" in _lowered(st):
        ctx.add(MODERATE, f"repairs directory settings it finds wrong ({st.name} /fix)", st.text)


def _repadmin(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb.startswith("/show") or verb in ("/replsummary", "/queue", "/istg", "/bridgeheads", ""):
        return
    ctx.add(MODERATE, f"changes directory replication (repadmin {verb})", st.text)


def _netdom(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb in ("query", "verify", "/?", ""):
        return
    if verb in ("remove", "reset", "resetpwd", "trust"):
        ctx.add(
            HIGH, f"takes a machine out of the domain or resets its trust (netdom {verb})", st.text
        )
    else:
        ctx.add(MODERATE, f"changes a machine's domain membership (netdom {verb})", st.text)


def _dnscmd(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verbs = {a for a in _lowered(st) if a.startswith("/")}
    if verbs & {"/zonedelete"}:
        ctx.add(HIGH, "deletes a DNS zone: every name in it stops resolving (dnscmd)", st.text)
    elif verbs <= {"/enumzones", "/info", "/zoneinfo", "/enumrecords", "/statistics", "/?"}:
        return
    else:
        ctx.add(MODERATE, "changes the DNS server (dnscmd)", st.text)


def _klist(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if "purge" in _lowered(st):
        ctx.add(MODERATE, "throws away your Kerberos tickets (klist purge)", st.text)


def _appcmd(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb in ("list", "/?", ""):
        return
    if verb == "delete":
        ctx.add(HIGH, "deletes an IIS site, application or pool (appcmd delete)", st.text)
    else:
        ctx.add(MODERATE, f"changes IIS (appcmd {verb})", st.text)


def _iisreset(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = set(_lowered(st))
    if flags & {"/status", "/?"}:
        return
    if flags & {"/stop", "/disable"}:
        ctx.add(HIGH, "stops every web site of this server (iisreset)", st.text)
    else:
        ctx.add(MODERATE, "restarts the web server (iisreset)", st.text)


def _wusa(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if "/uninstall" in _lowered(st):
        ctx.add(HIGH, "uninstalls a Windows update, often a security fix (wusa)", st.text)
    else:
        ctx.add(MODERATE, "installs a Windows update package (wusa)", st.text)


_PNP_REMOVALS = frozenset(
    ("/delete-driver", "-d", "/remove-device", "/disable-device", "-f", "/uninstall")
)


def _pnputil(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = set(_lowered(st))
    if args & _PNP_REMOVALS:
        ctx.add(HIGH, "removes or turns off a driver or device (pnputil)", st.text)
    elif _first(st).startswith(("/enum", "-e", "/?")):
        return
    else:
        ctx.add(MODERATE, "adds a driver or changes a device (pnputil)", st.text)


_DEVCON_READS = frozenset(
    "find findall status hwids classes listclass drivernodes driverfiles resources stack "
    "classfilter help".split()
)


def _devcon(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb in _DEVCON_READS or not verb:
        return
    if verb in ("remove", "disable"):
        ctx.add(HIGH, f"removes or turns off devices (devcon {verb})", st.text)
    else:
        ctx.add(MODERATE, f"changes devices (devcon {verb})", st.text)


def _defrag(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if {"/a", "-a", "/?"} & set(_lowered(st)):
        return
    ctx.add(MODERATE, "rearranges a drive's files (defrag)", st.text)


def _reagentc(st: Statement, ctx: Context, previous: Statement | None) -> None:
    verb = _first(st)
    if verb in ("/info", "/?", ""):
        return
    if verb == "/disable":
        ctx.add(HIGH, "turns off Windows' recovery environment (reagentc)", st.text)
    else:
        ctx.add(MODERATE, f"changes Windows' recovery environment (reagentc {verb})", st.text)


_POWER_READS = frozenset(
    "/list /l /query /q /a /availablesleepstates /batteryreport /energy /sleepstudy /requests "
    "/lastwake /devicequery /getactivescheme /srumutil /systemsleepdiagnostics /?".split()
)


def _powercfg(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if _first(st).replace("-", "/", 1) in _POWER_READS:
        return
    ctx.add(MODERATE, "changes power settings (powercfg)", st.text)


def _mimikatz(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(CRITICAL, "dumps the passwords and keys of everyone logged in (mimikatz)", st.text)


def _over_system_file(target: str, st: Statement, ctx: Context, what: str) -> bool:
    verdict = classify_write(posix_path(target), append=False) if target else None
    if verdict is not None and verdict.level >= HIGH:
        ctx.add(verdict.level, f"{what} {target}: {verdict.reason}", st.text)
        return True
    return False


def _mklink(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`mklink LINK TARGET`: a link put where Windows looks for its own file takes its place."""
    operands = operands_of(st)
    if not _over_system_file(operands[0] if operands else "", st, ctx, "puts a link at"):
        ctx.add(MODERATE, "creates a link (mklink)", st.text)


def _replace(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`replace SOURCE DESTINATION [/s]`: files of the same name in DESTINATION are replaced."""
    operands = operands_of(st)
    folder = operands[1].rstrip("\\") + "\\x.dll" if len(operands) > 1 else ""
    if not _over_system_file(folder, st, ctx, "replaces files in"):
        ctx.add(MODERATE, "replaces files of the same name (replace)", st.text)


HANDLERS: dict[str, Handler] = {
    "mountvol": _mountvol,
    "bootsect": _bootsect,
    "systemreset": _systemreset,
    "sysprep": _sysprep,
    "secedit": _secedit,
    **dict.fromkeys(("assoc", "ftype"), _file_types),
    **dict.fromkeys(("tskill", "pskill", "pskill64"), _tskill),
    "regedit": _regedit,
    "dsrm": _dsrm,
    "dsmod": _dsmod,
    **dict.fromkeys(("dsquery", "dsget", "dcdiag", "nltest"), _reads_only),
    "repadmin": _repadmin,
    "netdom": _netdom,
    "dnscmd": _dnscmd,
    "klist": _klist,
    "appcmd": _appcmd,
    "iisreset": _iisreset,
    "wusa": _wusa,
    "pnputil": _pnputil,
    "devcon": _devcon,
    "defrag": _defrag,
    "reagentc": _reagentc,
    "powercfg": _powercfg,
    "mimikatz": _mimikatz,
    "mklink": _mklink,
    "replace": _replace,
}
