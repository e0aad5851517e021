"""Windows Server and domain cmdlets: directory accounts and policies, Group Policy, DNS and
DHCP servers, Hyper-V, failover clusters, IIS sites, storage pools, and a few machine-wide
switches (TPM, restore points, exploit protection, AppLocker, event log sizes).

Each is rated by what it takes away from the people and machines that rely on it: a storage
pool or a cluster deleted is CRITICAL, one account disabled or one zone deleted is HIGH, a
description or a single named checkpoint is MODERATE.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import Handler, has_param, operands_of, params_of
from tui.core.safety.targets import classify_permissions
from tui.core.safety.windows import Statement, posix_path

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL

# Cmdlets whose every use takes something away, with what it takes.
_FIXED: dict[str, tuple[RiskLevel, str]] = {
    "remove-virtualdisk": (CRITICAL, "deletes a storage-space virtual disk and every file on it"),
    "remove-storagepool": (CRITICAL, "deletes a storage pool and every virtual disk in it"),
    "remove-physicaldisk": (HIGH, "takes a disk out of a storage pool: data on it must move"),
    "clear-tpm": (HIGH, "clears the TPM: BitLocker and Windows Hello keys kept in it are lost"),
    "restore-computer": (
        HIGH,
        "rolls Windows back to a restore point and restarts: later programs and settings go",
    ),
    "set-applockerpolicy": (HIGH, "replaces the AppLocker rules that decide which programs run"),
    "remove-gpo": (HIGH, "deletes a Group Policy object: its settings leave every machine"),
    "remove-gplink": (HIGH, "unlinks a Group Policy object: its settings leave that OU"),
    "set-gppermission": (HIGH, "changes who may edit or apply a Group Policy object"),
    "disable-adaccount": (HIGH, "disables a directory account: its user can no longer log in"),
    "remove-computer": (HIGH, "takes the machine out of its domain: domain log-ins stop working"),
    "remove-dnsserverzone": (HIGH, "deletes a DNS zone: every name in it stops resolving"),
    "remove-dhcpserverv4scope": (HIGH, "deletes a DHCP scope: machines on it get no address"),
    "remove-dhcpserverv6scope": (HIGH, "deletes a DHCP scope: machines on it get no address"),
    "remove-vmharddiskdrive": (HIGH, "detaches a disk from a virtual machine"),
    "restore-vmsnapshot": (HIGH, "puts a virtual machine back to a checkpoint: later work is lost"),
    "restore-vmcheckpoint": (
        HIGH,
        "puts a virtual machine back to a checkpoint: later work is lost",
    ),
    "remove-vmswitch": (HIGH, "deletes a virtual switch: the VMs on it lose their network"),
    "remove-clusternode": (HIGH, "evicts a node from a failover cluster"),
    "remove-clustergroup": (HIGH, "deletes a clustered role and its resources"),
    "remove-clusterresource": (HIGH, "deletes a cluster resource"),
    "stop-cluster": (HIGH, "stops a whole failover cluster: every clustered service goes down"),
    "remove-cluster": (CRITICAL, "destroys a failover cluster: every clustered service goes down"),
    "remove-website": (HIGH, "deletes an IIS web site"),
    "remove-iissite": (HIGH, "deletes an IIS web site"),
    "remove-webapppool": (HIGH, "deletes an IIS application pool: its sites stop"),
    "remove-webapplication": (HIGH, "deletes an IIS web application"),
    "remove-smbshare": (HIGH, "stops sharing a folder: everyone using it loses access"),
    "invoke-mimikatz": (CRITICAL, "dumps the passwords and keys of everyone logged in (mimikatz)"),
}


def _fixed(st: Statement, ctx: Context, previous: Statement | None) -> None:
    level, reason = _FIXED[st.name]
    if st.name == "remove-gpo" and "default domain" in st.text.lower():
        level, reason = CRITICAL, "deletes a default Group Policy object of the whole domain"
    ctx.add(level, reason, st.text)


# Groups that administer the whole domain, or the machine, or may log in remotely.
_ADMIN_GROUPS = lazy_pattern(
    r"(?i)domain admins|enterprise admins|schema admins|administrators|account operators|"
    r"backup operators|server operators|dnsadmins|group policy creator owners"
)


def _group_member(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Remove-ADGroupMember: out of an administrators' group, the admin work stops."""
    if _ADMIN_GROUPS.search(st.text):
        ctx.add(HIGH, "removes members from an administrators' group", st.text)
    else:
        ctx.add(MODERATE, "removes members from a directory group", st.text)


def _password(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-ADAccountPassword -Reset: the old password is not asked for (krbtgt's ends tickets)."""
    if has_param(st, "reset"):
        ctx.add(HIGH, "resets a directory account's password without the old one", st.text)
    else:
        ctx.add(MODERATE, "changes a directory account's password", st.text)


# Account flags that weaken its log-in (no pre-authentication, no password, delegation).
_WEAK_FLAGS = frozenset(
    (
        "doesnotrequirepreauth",
        "passwordnotrequired",
        "trustedfordelegation",
        "trustedtoauthfordelegation",
        "allowreversiblepasswordencryption",
        "usedeskeyonly",
    )
)
_YES = frozenset(("$true", "true", "1"))


def _account_control(st: Statement, ctx: Context, previous: Statement | None) -> None:
    weak = [n for n, v in params_of(st) if n in _WEAK_FLAGS and v in _YES]
    if weak:
        ctx.add(HIGH, f"weakens how a directory account logs in (-{weak[0]})", st.text)
    else:
        ctx.add(MODERATE, "changes a directory account's flags", st.text)


def _remove_ou(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if has_param(st, "recursive", 3):
        reason = "deletes an organizational unit with every account and computer in it"
        ctx.add(CRITICAL, reason, st.text)
    else:
        ctx.add(HIGH, "deletes an organizational unit of the directory", st.text)


def _ad_object(st: Statement, ctx: Context, previous: Statement | None) -> None:
    given = dict(params_of(st))
    if given.get("protectedfromaccidentaldeletion") in ("$false", "false", "0"):
        reason = "removes a directory object's protection against deletion"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, f"changes a directory object ({st.words[0]})", st.text)


def _password_policy(st: Statement, ctx: Context, previous: Statement | None) -> None:
    given = dict(params_of(st))
    short = given.get("minpasswordlength", "8")
    weak = (
        (short.isdigit() and int(short) < 8)
        or given.get("complexityenabled") in ("$false", "false", "0")
        or given.get("lockoutthreshold") == "0"
        or given.get("reversibleencryptionenabled") in _YES
    )
    if weak:
        ctx.add(HIGH, "weakens the domain's password policy", st.text)
    else:
        ctx.add(MODERATE, "changes the domain's password policy", st.text)


def _demote(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if has_param(st, "forceremoval", 6):
        reason = "forcibly removes a domain controller: its changes never reach the others"
        ctx.add(CRITICAL, reason, st.text)
    else:
        ctx.add(HIGH, "removes this server's domain controller role", st.text)


_VM_LISTERS = frozenset(("get-vm", "get-vmsnapshot", "get-vmcheckpoint"))


def _stop_vm(st: Statement, ctx: Context, previous: Statement | None) -> None:
    every = previous is not None and previous.name == "get-vm" and not previous.args
    if every and has_param(st, "turnoff"):
        ctx.add(HIGH, "pulls the power on every virtual machine: unsaved work is lost", st.text)
    elif every:
        ctx.add(HIGH, "shuts down every virtual machine", st.text)
    else:
        ctx.add(MODERATE, "shuts down a virtual machine", st.text)


def _restore_database(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Restore-SqlDatabase -ReplaceDatabase`: the backup over a database that exists."""
    if has_param(st, "replacedatabase"):
        reason = "puts a backup in the database's place: all written since the backup is lost"
        ctx.add(CRITICAL, f"{reason} (Restore-SqlDatabase -ReplaceDatabase)", st.text)
    else:
        ctx.add(MODERATE, "restores a SQL Server backup (Restore-SqlDatabase)", st.text)


def _remove_checkpoints(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Checkpoints of every VM, a wildcard, or a whole tree of them: the points to go back to."""
    names = [v for n, v in params_of(st) if n in ("name", "snapshotname")]
    every = (
        (previous is not None and previous.name in _VM_LISTERS and not operands_of(previous))
        or any(n.strip("'\"") == "*" for n in names)
        or has_param(st, "includeallchildsnapshots")
        or has_param(st, "includeallchildcheckpoints")
    )
    if every:
        ctx.add(HIGH, "deletes virtual machine checkpoints: nothing to go back to", st.text)
    else:
        ctx.add(MODERATE, "deletes a virtual machine checkpoint", st.text)


_VITAL_BINDINGS = frozenset(("ms_tcpip", "ms_tcpip6", "ms_msclient", "ms_server"))


def _binding(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ids = {v.strip("'\"") for n, v in params_of(st) if n == "componentid"}
    if ids & _VITAL_BINDINGS or not ids:
        ctx.add(HIGH, "unbinds a network protocol from an adapter: connections drop", st.text)
    else:
        ctx.add(MODERATE, "changes an adapter's protocol bindings", st.text)


def _close_smb(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if has_param(st, "force"):
        reason = "closes what others have open on this machine's shares: unsaved work is lost"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, f"closes open files or sessions on the shares ({st.words[0]})", st.text)


_VITAL_DEVICES = lazy_pattern(
    r"(?i)-class\s+['\"]?(net|diskdrive|hdc|scsiadapter|keyboard|mouse|display|system|volume)\b|"
    r"get-pnpdevice"
)


def _device(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if _VITAL_DEVICES.search(st.text) or (
        previous is not None and previous.name == "get-pnpdevice"
    ):
        ctx.add(HIGH, "turns off devices the machine needs (network, disks or input)", st.text)
    else:
        ctx.add(MODERATE, "turns off a device", st.text)


def _export_pfx(st: Statement, ctx: Context, previous: Statement | None) -> None:
    target = dict(params_of(st)).get("filepath", "")
    if target.startswith("\\\\") or "\\users\\public" in target:
        ctx.add(HIGH, "exports a private key where others can take it", st.text)
    else:
        ctx.add(MODERATE, "exports a certificate with its private key", st.text)


def _mitigation(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if has_param(st, "disable", 3):
        ctx.add(HIGH, "switches off exploit protections (DEP, ASLR, CFG)", st.text)
    else:
        ctx.add(MODERATE, "changes exploit protection settings", st.text)


_SIZE = lazy_pattern(r"(?i)^(\d+)(kb|mb|gb)?$")


def _limit_log(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Limit-EventLog: a tiny log that overwrites itself keeps no history."""
    given = dict(params_of(st))
    size = _SIZE.match(given.get("maximumsize", ""))
    scale = {"kb": 1 << 10, "mb": 1 << 20, "gb": 1 << 30}
    small = size is not None and int(size.group(1)) * scale.get(size.group(2) or "", 1) < 1 << 20
    if small:
        ctx.add(HIGH, "shrinks an event log so it keeps almost no history", st.text)
    else:
        ctx.add(MODERATE, "changes an event log's size or retention", st.text)


def _set_acl(st: Statement, ctx: Context, previous: Statement | None) -> None:
    paths = operands_of(st, frozenset({"-aclobject"}))
    for operand in paths[:1]:
        path = posix_path(operand)
        verdict = classify_permissions(
            path, recursive=False, verb="changes permissions of", loose=True
        )
        ctx.add(verdict.level, verdict.reason.replace(path, operand, 1), st.text)
    if not paths:
        ctx.add(MODERATE, "changes permissions (Set-Acl)", st.text)


_SYSTEM_KEY = lazy_pattern(r"(?i)^['\"]?(hklm|hkcr|registry::hkey_local_machine)")


def _clear_item(st: Statement, ctx: Context, previous: Statement | None) -> None:
    keys = operands_of(st)
    if any(_SYSTEM_KEY.match(k) for k in keys):
        ctx.add(HIGH, "empties every value of a system registry key", st.text)
    else:
        ctx.add(MODERATE, f"empties an item ({st.words[0]})", st.text)


# Cmdlets that may go without asking only because they are told to (-Confirm:$false), with a
# verb that takes things away; routine session objects are left out.
_TAKING = frozenset(("remove", "clear", "uninstall", "reset"))
_SESSION_NOUNS = lazy_pattern(
    r"(?i)^(variable|job|module|psdrive|pssession|event|alias|typedata|psbreakpoint|"
    r"item|itemproperty|content|host|history|recyclebin|dnsclientcache|smbmapping)$"
)


def unconfirmed(st: Statement, ctx: Context) -> bool:
    """`Remove-Something -Confirm:$false`: a cmdlet nobody rated, told not to ask first."""
    verb, _, noun = st.name.partition("-")
    if verb not in _TAKING or not noun or _SESSION_NOUNS.match(noun):
        return False
    if not re.search(r"(?i)\s-confirm:\s*\$false\b", st.text):
        return False
    written = st.words[0].strip("&. ").partition("-")[2] or noun
    ctx.add(HIGH, f"{verb}s {written} without asking ({st.words[0]} -Confirm:$false)", st.text)
    return True


# Deletions whose harm the path rules do not see: VM disks, WinRM listeners, machine certificates.
_DRIVERS = lazy_pattern(r"(?i)\\system32\\drivers\\(\*|\*\.sys)['\"]?$")
_VM_DISKS = lazy_pattern(r"(?i)\.(vhdx?|avhdx|vmcx|vmgs|vmrs|vmdk)['\"]?$")
_LISTENERS = lazy_pattern(r"(?i)^['\"]?wsman:\\+localhost\\+listener")
_MACHINE_KEYS = lazy_pattern(r"(?i)^['\"]?cert:\\+localmachine\\+(my|webhosting|remote desktop)")


def special_delete(operand: str, st: Statement, ctx: Context) -> bool:
    """Remove-Item of a virtual machine's disks, the WinRM listeners or the machine's own
    certificates: True when rated here."""
    if _DRIVERS.search(operand):
        reason = f"deletes Windows' drivers ({operand}): it no longer starts"
        ctx.add(CRITICAL, reason, st.text)
    elif _VM_DISKS.search(operand):
        ctx.add(HIGH, f"deletes virtual machine disks ({operand}): the VMs' data is gone", st.text)
    elif _LISTENERS.match(operand):
        reason = "deletes the WinRM listeners: remote PowerShell to this machine stops"
        ctx.add(HIGH, reason, st.text)
    elif _MACHINE_KEYS.match(operand):
        reason = "deletes the machine's own certificates and keys: its secure services fail"
        ctx.add(HIGH, reason, st.text)
    else:
        return False
    return True


# Whole-line forms, each a set of words that must all appear (plain substring tests, so a long
# hostile line costs one pass per word), and an optional pattern with no unbounded repeats.
_LINE_CHECKS: tuple[tuple[tuple[str, ...], re.Pattern[str] | None, RiskLevel, str], ...] = (
    (
        ("\\\\.\\physicaldrive",),
        re.compile(r"(?i)writeallbytes|openwrite|readwrite|::write\b"),
        CRITICAL,
        "writes straight onto a disk, past its file system",
    ),
    (
        ("registry]::",),
        re.compile(r"(?i)\]::(localmachine|classesroot)\.deletesubkey(tree)?\("),
        CRITICAL,
        "deletes a system registry key (.NET)",
    ),
    (
        ("win32_operatingsystem",),
        re.compile(r"(?i)\.(win32shutdown(tracker)?|shutdown|reboot)\("),
        HIGH,
        "shuts down or restarts Windows through WMI",
    ),
    (
        ("-recurse", "rename-item"),
        re.compile(r"\+\s{0,8}['\"]\.\w{1,12}['\"]"),
        HIGH,
        "renames every file it finds with a new extension, as ransomware does",
    ),
)
_PROFILE_REMOVERS = ("remove-ciminstance", "remove-wmiobject", ".delete(")
_NAMED = lazy_pattern(r"(?i)\s-(eq|like|match)\s")


def check_line(text: str, ctx: Context) -> None:
    lower = text[:20_000].lower()
    for words, pattern, level, reason in _LINE_CHECKS:
        if all(w in lower for w in words) and (pattern is None or pattern.search(lower)):
            ctx.add(level, reason, text[:200])
    if "win32_userprofile" in lower and any(w in lower for w in _PROFILE_REMOVERS):
        if _NAMED.search(lower):
            ctx.add(HIGH, "deletes a user's profile: their files and settings", text[:200])
        else:
            reason = "deletes every user profile the listing gives: their files and settings"
            ctx.add(CRITICAL, reason, text[:200])


HANDLERS: dict[str, Handler] = {
    **dict.fromkeys(_FIXED, _fixed),
    "remove-adgroupmember": _group_member,
    "set-adaccountpassword": _password,
    "set-adaccountcontrol": _account_control,
    "remove-adorganizationalunit": _remove_ou,
    **dict.fromkeys(("set-adobject", "set-adorganizationalunit"), _ad_object),
    **dict.fromkeys(
        ("set-addefaultdomainpasswordpolicy", "set-adfinegrainedpasswordpolicy"), _password_policy
    ),
    "uninstall-addsdomaincontroller": _demote,
    "stop-vm": _stop_vm,
    "restore-sqldatabase": _restore_database,
    **dict.fromkeys(("remove-vmsnapshot", "remove-vmcheckpoint"), _remove_checkpoints),
    "disable-netadapterbinding": _binding,
    **dict.fromkeys(("close-smbopenfile", "close-smbsession"), _close_smb),
    "disable-pnpdevice": _device,
    "export-pfxcertificate": _export_pfx,
    "set-processmitigation": _mitigation,
    "limit-eventlog": _limit_log,
    "set-acl": _set_acl,
    "clear-item": _clear_item,
}
