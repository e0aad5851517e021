"""Windows file sharing and remote administration: a share that gives everyone full control,
a whole drive shared, another machine's administrative share (C$, ADMIN$) mounted, SMB version 1
switched back on, and a SYSTEM shell started on another machine.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import SYSTEM_HANDLERS, Handler, params_of
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL

_EVERYONE = frozenset(("everyone", "*s-1-1-0", "s-1-1-0", "guest", "guests", "anonymous logon"))
# `\\host\C$`, `\\host\ADMIN$`: a whole drive or the Windows folder of another machine.
_ADMIN_SHARE = lazy_pattern(r"(?i)^['\"]?\\\\[^\\]+\\(?:[a-z]\$|admin\$)")
_DRIVE_ROOT = lazy_pattern(r"(?i)^['\"]?(?:[a-z]:\\?|%systemdrive%\\?)['\"]?$")
_SMB1 = lazy_pattern(r"(?i)smb1protocol|enablesmb1protocol")


def _net_share(st: Statement, ctx: Context, previous: Statement | None) -> bool:
    """`net share NAME=PATH /grant:everyone,full`, `net use X: \\\\host\\C$`."""
    args = [a.lower() for a in st.args]
    if args[:1] == ["share"] and len(args) > 1 and "=" in args[1]:
        path = args[1].split("=", 1)[1]
        grants = [a.split(":", 1)[1] for a in args if a.startswith("/grant:")]
        everyone = any(g.split(",")[0].strip("'\"") in _EVERYONE for g in grants)
        full = any(g.rsplit(",", 1)[-1] in ("full", "change") for g in grants)
        _rate_share(path, everyone and full, st, ctx)
        return True
    if args[:1] == ["use"] and any(_ADMIN_SHARE.match(a) for a in st.args):
        reason = "mounts another machine's administrative share (a whole drive or Windows)"
        ctx.add(HIGH, reason, st.text)
        return True
    return False


def _rate_share(path: str, everyone_writes: bool, st: Statement, ctx: Context) -> None:
    whole_drive = bool(_DRIVE_ROOT.match(path))
    if whole_drive and everyone_writes:
        ctx.add(CRITICAL, "shares a whole drive with everyone, who may change it", st.text)
    elif whole_drive:
        ctx.add(HIGH, "shares a whole drive over the network", st.text)
    elif everyone_writes:
        ctx.add(HIGH, "shares a folder that everyone on the network may change", st.text)
    else:
        ctx.add(MODERATE, "shares a folder over the network", st.text)


def net(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if not _net_share(st, ctx, previous):
        SYSTEM_HANDLERS["net"](st, ctx, previous)


def smb_share(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """New-SmbShare, Grant-SmbShareAccess: who may change the shared folder."""
    given = dict(params_of(st))
    writers = [given.get("fullaccess", ""), given.get("changeaccess", "")]
    if st.name == "grant-smbshareaccess" and given.get("accessright", "") in ("full", "change"):
        writers.append(given.get("accountname", ""))
    everyone = any(w.split(",")[0].strip("'\" ") in _EVERYONE for w in writers if w)
    if st.name == "new-smbshare":
        _rate_share(given.get("path", ""), everyone, st, ctx)
    elif everyone:
        ctx.add(HIGH, "lets everyone on the network change a shared folder", st.text)
    else:
        ctx.add(MODERATE, f"changes who may use a shared folder ({st.words[0]})", st.text)


def smb_server(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-SmbServerConfiguration / Set-SmbClientConfiguration: SMB1 on, or signing off."""
    given = dict(params_of(st))
    if given.get("enablesmb1protocol") in ("$true", "1", "true"):
        ctx.add(HIGH, "turns on SMB version 1, the file-sharing protocol worms spread by", st.text)
    elif any(given.get(k) in ("$false", "0", "false") for k in _SIGNING):
        ctx.add(HIGH, "stops requiring signed SMB traffic: it can be tampered with", st.text)
    else:
        ctx.add(MODERATE, f"changes file-sharing settings ({st.words[0]})", st.text)


_SIGNING = ("requiresecuritysignature", "encryptdata", "rejectunencryptedaccess")


def optional_feature(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Enable-WindowsOptionalFeature: SMB1 is the one that opens the machine."""
    if st.name.startswith("enable") and _SMB1.search(st.text):
        ctx.add(HIGH, "turns on SMB version 1, the file-sharing protocol worms spread by", st.text)
    else:
        ctx.add(MODERATE, f"adds or removes a Windows feature ({st.words[0]})", st.text)


def new_drive(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """New-PSDrive -Root \\\\host\\C$: another machine's drive mapped here."""
    root = dict(params_of(st)).get("root", "")
    if _ADMIN_SHARE.match(root):
        reason = "maps another machine's administrative share (a whole drive or Windows)"
        ctx.add(HIGH, reason, st.text)
    elif root.startswith("\\\\"):
        ctx.add(MODERATE, "maps a network share as a drive", st.text)


HANDLERS: dict[str, Handler] = {
    "net": net,
    **dict.fromkeys(("new-smbshare", "grant-smbshareaccess"), smb_share),
    **dict.fromkeys(("set-smbserverconfiguration", "set-smbclientconfiguration"), smb_server),
    **dict.fromkeys(
        ("enable-windowsoptionalfeature", "disable-windowsoptionalfeature"), optional_feature
    ),
    **dict.fromkeys(("new-psdrive", "ndr"), new_drive),
}
