"""Windows system commands: services, accounts, firewall, Defender, processes, power, logs,
shadow copies and boot settings, scheduled tasks, system tools that download, package managers.

Split from rules/windows.py (files, registry, the dispatcher); the same reading applies.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules import windows_packages
from tui.core.safety.rules.resolvers import RESOLVER_REASON, foreign_resolvers, outside_address
from tui.core.safety.rules.strangers import bare_address
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL
Handler = Callable[[Statement, Context, Statement | None], None]


_SECURITY_SERVICES = frozenset(
    "windefend mpssvc wscsvc eventlog sense wdnissvc securityhealthservice bfe wuauserv "
    "sysmon sysmon64 sysmondrv appidsvc".split()
)
# The file-sharing services: stopped, everyone using this machine's shares is cut off.
_SHARING_SERVICES = frozenset(("lanmanserver", "lanmanworkstation"))
_SHARING_REASON = "stops file sharing: everyone using this machine's shares is cut off"

# Services Windows cannot run without (RPC, the plug-and-play and power managers, sessions).
_CORE_SERVICES = frozenset("rpcss dcomlaunch plugplay power lsm samss profsvc gpsvc".split())

# Remote access: OpenSSH server, PowerShell remoting, Remote Desktop.
_REMOTE_SERVICES = frozenset("sshd winrm termservice".split())
_REMOTE_REASON = "stops remote access to the machine (ssh, WinRM or Remote Desktop): lock-out"
_DEFENDER_SERVICES = frozenset("windefend sense wdnissvc wdboot wdfilter".split())
# Stopping Windows Update (not disabling it) pauses it until it is started again or the next boot.
_UPDATE_PAUSED = "stops Windows Update for now: it starts again on demand or at the next boot"


# What an autostart entry runs that makes it an attack: a program in a folder anyone (or any
# program) can write, hidden or encoded PowerShell, code fetched from the internet.
DOUBTFUL_PAYLOAD = lazy_pattern(
    r"(?i)\\(users\\public|temp|tmp|appdata|programdata|downloads)\\|"
    r"%(temp|tmp|appdata|localappdata|public|programdata)%|"
    r"\$env:(temp|tmp|appdata|localappdata|public|programdata)|"
    r"\s-(e|ec|en|enc\w*)\s|-w(indowstyle)?\s+hidden|frombase64|\biex\b|downloadstring|"
    r"https?://|\bmshta\b|\bregsvr32\b|\brundll32\b.*javascript"
)


# For services and tasks, which installers put in AppData and ProgramData too: only folders
# that anyone can write or that hold downloads, and hidden or encoded code.
_DOUBTFUL_TASK = lazy_pattern(
    r"(?i)\\(users\\public|temp|tmp|downloads)\\|%(temp|tmp|public)%|\$env:(temp|tmp|public)|"
    r"\s-(e|ec|en|enc\w*)\s|-w(indowstyle)?\s+hidden|frombase64|\biex\b|downloadstring|"
    r"\bmshta\b|\bregsvr32\b|\brundll32\b.*javascript"
)


def _started_later(st: Statement, ctx: Context, what: str) -> None:
    """A service or scheduled task: CRITICAL when what it runs is doubtful, HIGH otherwise."""
    if _DOUBTFUL_TASK.search(st.text):
        reason = f"{what} that runs hidden code or a program from a folder anyone can write"
        ctx.add(CRITICAL, reason, st.text)
    else:
        ctx.add(HIGH, f"{what}: a program runs by itself later", st.text)


def flags_of(st: Statement) -> set[str]:
    return {a.lower() for a in st.args if a.startswith(("-", "/"))}


def operands_of(st: Statement, takes_value: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    skip = False
    for arg in st.args:
        if skip:
            skip = False
            continue
        lower = arg.lower()
        if lower in takes_value or lower in _COMMON_VALUES:
            if lower in ("-path", "-literalpath", "-destination", "-filepath"):
                continue  # the value that follows is the operand
            skip = True
            continue
        if lower.startswith("-") or (len(arg) <= 3 and lower.startswith("/")):
            continue
        if lower.startswith("/") and not lower.startswith("//") and ":" in lower:
            continue
        found.append(arg)
    return found


# PowerShell's common parameters and filters whose value is never a path to act on.
_COMMON_VALUES = frozenset(
    "-erroraction -ea -warningaction -wa -informationaction -infa -errorvariable -ev "
    "-outvariable -ov -outbuffer -ob -pipelinevariable -pv -filter -include -exclude -depth "
    "-credential -encoding".split()
)


def has_param(st: Statement, name: str, shortest: int = 1) -> bool:
    """PowerShell's parameter `-name` given in any unambiguous prefix (`-Rec`, `-r`), with or
    without a `:value` (`-Recurse:$true`)."""
    for arg in st.args:
        if not arg.startswith("-") or len(arg) < 2:
            continue
        given = arg[1:].split(":", 1)[0].lower()
        if len(given) >= shortest and name.startswith(given):
            return True
    return False


def params_of(st: Statement) -> list[tuple[str, str]]:
    """(`-name` lowered without the dash, value) for each parameter; the value is what follows
    the colon (`-X:$true`) or the next word when that is not itself a parameter."""
    pairs: list[tuple[str, str]] = []
    args = list(st.args)
    for index, arg in enumerate(args):
        if not arg.startswith("-") or len(arg) < 2:
            continue
        name, colon, value = arg[1:].partition(":")
        if not colon and index + 1 < len(args) and not args[index + 1].startswith("-"):
            value = args[index + 1]
        pairs.append((name.lower(), value.strip("'\"").lower()))
    return pairs


_TRUE = frozenset(("$true", "1", "true", "yes", "$true)"))
_OFF = frozenset(("disabled", "0", "$false", "false", "auditmode", "2", "never", "neversend"))


def _shadow(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    destructive = (
        ("delete" in text and ("shadow" in text or "catalog" in text or "backup" in text))
        or "resize shadowstorage" in text
        or "recoveryenabled no" in text
        or "bootstatuspolicy ignoreallfailures" in text
    )
    args = [a.lower() for a in st.args]
    if destructive:
        ctx.add(CRITICAL, "deletes the backups and restore points (shadow copies)", st.text)
    elif any(w in text for w in (" list", " get", "/enum", " query", " brief")) or len(text) < 12:
        return
    elif args[:1] == ["create"] or args[:2] in (["start", "backup"], ["enable", "backup"]):
        ctx.add(MODERATE, f"makes a backup or restore point ({st.words[0]})", st.text)
    else:
        ctx.add(HIGH, f"changes backups or boot settings ({st.words[0]})", st.text)


def _wmic(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    if _WMI_SUBSCRIPTION.search(text):
        reason = "sets up a WMI event subscription: a program runs by itself on an event"
        ctx.add(HIGH, reason, st.text)
    elif "shadowcopy" in text and "delete" in text:
        _shadow(st, ctx, previous)
    elif "shadowcopy" in text and "call create" in text:
        ctx.add(MODERATE, "makes a restore point (shadow copy)", st.text)
    elif (
        "product" in text
        and re.search(r"\bcall\s+uninstall\b", text)
        and _SECURITY_VENDORS.search(text)
    ):
        ctx.add(HIGH, "uninstalls the antivirus or security software (wmic product)", st.text)
    elif "service" in text and re.search(r"\bcall\s+(stopservice|delete|changestartmode)\b", text):
        _service_stop([n.strip("'\"") for n in re.findall(r"name\s*=\s*(\S+)", text)], st, ctx)
    elif ("networkadapter" in text or " nic " in text) and re.search(r"\bcall\s+disable\b", text):
        ctx.add(HIGH, "turns off network adapters: connections over them drop (wmic)", st.text)
    elif re.search(r"\bos\b.*\bcall\s+(reboot|shutdown|win32shutdown)\b", text):
        ctx.add(HIGH, "shuts down or restarts Windows through WMI (wmic os call)", st.text)
    elif " delete" in text or " call terminate" in text or "call create" in text:
        ctx.add(HIGH, "deletes, stops or starts things through WMI (wmic)", st.text)
    elif " get" in text or " list" in text:
        return
    else:
        ctx.add(MODERATE, "changes the system through WMI (wmic)", st.text)


_SECURITY_VENDORS = lazy_pattern(
    r"sophos|symantec|mcafee|eset|kaspersky|crowdstrike|carbon ?black|sentinel|defender|"
    r"malwarebytes|trend ?micro|bitdefender|avast|avg|norton|cylance|webroot|f-secure"
)
# WMI's permanent event subscriptions: a filter, a consumer that runs something, their binding.
_WMI_SUBSCRIPTION = lazy_pattern(
    r"__eventfilter|commandlineeventconsumer|activescripteventconsumer|__filtertoconsumerbinding"
)


def _execution_policy(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    process_only = "-scope process" in text
    if ("unrestricted" in text or "bypass" in text) and not process_only:
        ctx.add(HIGH, "lets every PowerShell script run, signed or not", st.text)
    else:
        ctx.add(MODERATE, "changes which PowerShell scripts may run", st.text)


def _netsh(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = " ".join(a.lower() for a in st.args)
    foreign = foreign_resolvers(list(st.args)) if _NETSH_DNS.search(text) else []
    relayed = _relayed_to(st) if re.search(r"\b(portproxy|winhttp)\b", text) else []
    if re.search(r"state[\s=]+off\b|opmode[\s=]+(mode=)?disable\b", text):
        ctx.add(HIGH, "turns off the Windows firewall", st.text)
    elif "ipsec" in text and re.search(r"\bdelete\s+all\b", text):
        ctx.add(HIGH, "deletes every IPsec policy and rule (netsh ipsec)", st.text)
    elif re.search(r"\bwlan\s+disconnect\b", text):
        ctx.add(HIGH, "disconnects the Wi-Fi: connections over it drop (netsh)", st.text)
    elif re.search(r"\binterface\s+(ip|ipv4|ipv6)\s+delete\s+address\b", text):
        ctx.add(HIGH, "removes the machine's network address: connections over it drop", st.text)
    elif "reset" in text and "firewall" in text:
        ctx.add(HIGH, "resets the Windows firewall rules", st.text)
    elif re.search(r"\bfirewall\s+delete\s+rule\s+name\s*=\s*all\b", text):
        ctx.add(HIGH, "deletes every Windows firewall rule", st.text)
    elif foreign:
        ctx.add(HIGH, RESOLVER_REASON.format(foreign[0]), st.text)
    elif "add rule" in text and "action=allow" in text and _DOUBTFUL_TASK.search(st.text):
        reason = "lets the network reach a program in a folder anyone can write (netsh)"
        ctx.add(HIGH, reason, st.text)
    elif "add rule" in text and _netsh_opens_all(text):
        ctx.add(HIGH, "lets the network in on every port (a firewall rule with no port)", st.text)
    elif relayed:
        reason = f"sends connections or web traffic through {relayed[0]}, an outside address"
        ctx.add(HIGH, f"{reason} that can read them (netsh)", st.text)
    elif re.search(r"\bportproxy\s+add\b", text) and _relays_away(text):
        reason = "passes connections from other machines on to another one (netsh portproxy)"
        ctx.add(HIGH, reason, st.text)
    elif "allowinbound" in text or ("allowoutbound" in text and "block" not in text):
        ctx.add(HIGH, "lets all traffic through the Windows firewall", st.text)
    elif " show" in " " + text or text.startswith(("dump", "help")):
        return
    elif re.search(r"\badd\s+helper\b", text):
        ctx.add(HIGH, "makes netsh load a library every time it runs (netsh add helper)", st.text)
    else:
        ctx.add(MODERATE, "changes network settings (netsh)", st.text)


def _netsh_opens_all(text: str) -> bool:
    """`netsh advfirewall firewall add rule ... dir=in action=allow` with no port, program,
    service or remote address to narrow it."""
    every_port = re.search(r"\blocalport\s*=\s*(any|0?-65535|1-65535)\b", text)
    narrowed = re.search(r"\b(localport|program|service|remoteip)\s*=", text) and not every_port
    return bool(re.search(r"\bdir\s*=\s*in\b", text)) and "action=allow" in text and not narrowed


def _relays_away(text: str) -> bool:
    """`portproxy add ... listenaddress=0.0.0.0 connectaddress=10.0.0.5`: a relay into another
    machine that the whole network can use (one to this machine's own ports is moderate)."""
    listen = re.search(r"\blistenaddress\s*=\s*(\S+)", text)
    connect = re.search(r"\bconnectaddress\s*=\s*(\S+)", text)
    everywhere = listen is None or listen.group(1) in ("0.0.0.0", "*", "::")
    here = connect is None or connect.group(1).startswith(("127.", "localhost", "::1"))
    return everywhere and not here


def _relayed_to(st: Statement) -> list[str]:
    """`portproxy ... connectaddress=IP`, `winhttp set proxy IP:port`: outside addresses."""
    values = [a.split("=", 1)[-1].rsplit(":", 1)[0] for a in st.args[:64]]
    return [v for v in values if outside_address(v)]


# `netsh interface ip set dns ...`, `netsh interface ipv4 add dnsservers ...`.
_NETSH_DNS = lazy_pattern(r"\b(set|add)\s+(dns|dnsservers?)\b")


def _dns_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-DnsClientServerAddress: which servers answer this machine's name lookups."""
    values = _listed(st, "serveraddresses") + _listed(st, "addresses")
    foreign = foreign_resolvers(values)
    if foreign:
        ctx.add(HIGH, RESOLVER_REASON.format(foreign[0]), st.text)
    else:
        ctx.add(MODERATE, "changes how this machine looks up names (DNS servers)", st.text)


def _firewall_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    off = "-enabled false" in text or "-enabled 0" in text or "-enabled:$false" in text
    given = dict(params_of(st))
    if off and st.name == "set-netfirewallprofile":
        ctx.add(HIGH, "turns off the Windows firewall", st.text)
    elif st.name == "remove-netfirewallrule" and (
        "all" in given
        or not (_selects_rules(st) or previous is not None)
        or (previous is not None and previous.name == "get-netfirewallrule" and not previous.args)
    ):
        ctx.add(HIGH, "deletes every Windows firewall rule", st.text)
    elif given.get("defaultinboundaction") == "allow":
        ctx.add(HIGH, "lets every incoming connection through the Windows firewall", st.text)
    elif st.name == "new-netfirewallrule" and _allows_every_port(given):
        ctx.add(HIGH, "lets the network in on every port (a firewall rule with no port)", st.text)
    elif (
        (off and not _selects_rules(st))
        or (st.name == "disable-netfirewallrule" and "-all" in text)
        or (
            st.name == "disable-netfirewallrule"
            and previous is not None
            and previous.name == "get-netfirewallrule"
            and not _selects_rules(previous)
        )
    ):
        ctx.add(HIGH, "turns off every Windows firewall rule", st.text)
    else:
        ctx.add(MODERATE, "changes the Windows firewall rules", st.text)


def _allows_every_port(given: dict[str, str]) -> bool:
    """`New-NetFirewallRule -Direction Inbound -Action Allow -Protocol Any`: no port, no
    program, no remote address narrows it."""
    inbound = given.get("direction", "inbound").startswith("in")
    narrowed = {"localport", "program", "remoteaddress", "service", "package"} & set(given)
    return inbound and given.get("action", "") == "allow" and not narrowed


def _selects_rules(st: Statement) -> bool:
    """A firewall rule cmdlet names the rules it changes (by name, group, port or program)."""
    named = {"displayname", "name", "displaygroup", "group", "program", "localport", "id"}
    values = frozenset({"-enabled", "-profile", "-action", "-direction"})
    return any(n in named for n, _ in params_of(st)) or bool(operands_of(st, values))


def _defender(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-/Add-MpPreference, parameter by parameter: `-DisableX $true` switches a protection
    off, `-EnableX Disabled` too; exclusions make Defender skip a path, program or type."""
    level, reason = MODERATE, "changes Windows Defender settings"
    for name, value in params_of(st):
        name = _DEFENDER_ALIASES.get(name, name)
        if name.startswith("disable") and value in _TRUE:
            found = (CRITICAL, f"switches off Windows Defender's protection (-{name})")
        elif name == "exclusionpath" and any(_drive_root(v) for v in _listed(st, name)):
            found = (CRITICAL, "tells Windows Defender to skip a whole drive")
        elif name == "exclusionpath" and all(_build_folder(v) for v in _listed(st, name)):
            found = (
                MODERATE,
                f"tells Windows Defender to skip a build or dependency folder ({value})",
            )
        elif name.startswith("exclusion"):
            found = (HIGH, f"tells Windows Defender to skip a {name[9:] or 'path'} ({value})")
        elif (name.startswith("enable") or name in _DEFENDER_LEVELS) and value in _OFF:
            found = (HIGH, f"turns off a Windows Defender protection (-{name} {value})")
        else:
            continue
        level, reason = max((level, reason), found, key=lambda pair: pair[0])
    ctx.add(level, reason, st.text)


# Set-MpPreference's own short names for its -Disable parameters.
_DEFENDER_ALIASES = {
    "drtm": "disablerealtimemonitoring",
    "dbm": "disablebehaviormonitoring",
    "dioavp": "disableioavprotection",
    "dscrptsc": "disablescriptscanning",
    "dbaf": "disableblockatfirstseen",
    "dbaffs": "disableblockatfirstseen",
    "dips": "disableintrusionpreventionsystem",
    "darchsc": "disablearchivescanning",
    "demsc": "disableemailscanning",
    "drdsc": "disableremovabledrivescanning",
}
# Defender settings whose low values turn a protection off.
_DEFENDER_LEVELS = frozenset(
    "puaprotection mapsreporting submitsamplesconsent cloudblocklevel highthreatdefaultaction "
    "severethreatdefaultaction".split()
)


def _listed(st: Statement, name: str) -> list[str]:
    """The values given to `-name`, a comma list over one or more words (`"C:\\", "D:\\"`)."""
    match = re.search(rf"(?i)-{name}\s+(.+?)(?=\s+-[a-z]|$)", st.text)
    items = re.split(r"[,\s]+", match.group(1)) if match else []
    return [item.strip("'\"") for item in items if item.strip("'\"")]


# Folders a build or a package manager fills, which developers keep out of virus scans.
_BUILD_FOLDERS = frozenset("node_modules obj target .gradle build dist".split())


def _build_folder(value: str) -> bool:
    """`C:\\src\\app\\node_modules`: a project's build or dependency folder, two levels or more
    below a drive; not one under the temporary or download folders."""
    parts = [p for p in re.split(r"[\\/]+", value.strip("'\"").lower()) if p]
    return (
        len(parts) >= 4
        and re.fullmatch(r"[a-z]:", parts[0]) is not None
        and parts[-1] in _BUILD_FOLDERS
        and not {"temp", "tmp", "downloads", "public", "windows"} & set(parts)
    )


def _drive_root(value: str) -> bool:
    value = value.strip("'\"").lower()
    return bool(re.fullmatch(r"[a-z]:\\?\*?|\$env:systemdrive\\?|%systemdrive%\\?", value))


def _mpcmdrun(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = flags_of(st)
    if "-removedefinitions" in flags:
        ctx.add(HIGH, "removes Windows Defender's virus definitions", st.text)
    elif "-disableservice" in flags:
        ctx.add(CRITICAL, "switches off Windows Defender's service", st.text)
    else:
        ctx.add(MODERATE, "runs a Windows Defender command (MpCmdRun)", st.text)


# The account running the command, as cmd.exe and PowerShell write it (lowered).
_YOURSELF = frozenset(("%username%", "$env:username"))


def _net(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    sub = args[0] if args else ""
    if sub in ("user", "localgroup", "group"):
        changes = {"/add", "/delete", "/del", "/active:yes"} & set(args)
        named = [a for a in args[1:] if not a.startswith("/")]
        if set(named) & _DOMAIN_ADMINS and "/add" in args:
            ctx.add(CRITICAL, "makes a user an administrator of the whole domain", st.text)
        elif named[:1] == ["administrators"] and set(named[1:]) & OPEN_ACCOUNTS and "/add" in args:
            ctx.add(CRITICAL, _OPEN_ADMIN, st.text)
        elif set(named) & PRIVILEGED_GROUPS and changes:
            ctx.add(HIGH, "gives a user administrator rights (net localgroup)", st.text)
        elif sub in ("localgroup", "group") and "/add" in args and len(named) >= 2:
            ctx.add(MODERATE, f"adds a user to the group {named[0]}", st.text)
        elif sub == "user" and "/passwordreq:no" in args:
            ctx.add(HIGH, "lets an account have no password (net user /passwordreq:no)", st.text)
        elif sub == "user" and named[1:2] == ["*"] and not changes:
            ctx.add(MODERATE, f"changes the password of {named[0]} (it asks for it)", st.text)
        elif sub == "user" and named[:1] == ["administrator"] and named[1:2] not in ([], ["*"]):
            ctx.add(
                CRITICAL, "gives the built-in Administrator a password typed in the clear", st.text
            )
        elif changes or (sub == "user" and len(named) >= 2):
            ctx.add(HIGH, "creates, deletes or changes a user account (net user)", st.text)
        elif "/active:no" in args and set(named) & _YOURSELF:  # `net user %USERNAME% /active:no`
            ctx.add(HIGH, "disables your own account: you can no longer log in", st.text)
        elif any(a.startswith(("/active", "/passwordreq:no", "/expires")) for a in args):
            ctx.add(MODERATE, "changes a user account (net user)", st.text)
    elif sub == "stop":
        _service_stop(args[1:], st, ctx)
    elif sub == "accounts" and _WEAK_POLICY.search(" ".join(args)):
        ctx.add(HIGH, "weakens the password policy (net accounts)", st.text)
    elif sub == "accounts" and len(args) > 1:
        ctx.add(MODERATE, "changes the password policy (net accounts)", st.text)
    elif sub == "session" and "/delete" in args:
        reason = "disconnects everyone using this machine's shares: their open files are lost"
        ctx.add(HIGH, reason, st.text)
    elif sub == "share" and "/delete" in args:
        ctx.add(HIGH, "stops sharing a folder: everyone using it loses access (net share)", st.text)
    elif sub in ("share", "use") and len(args) > 1:
        ctx.add(MODERATE, f"changes network shares (net {sub})", st.text)
    elif sub in (
        "start",
        "view",
        "session",
        "accounts",
        "config",
        "statistics",
        "share",
        "use",
        "",
    ):
        if sub == "start" and len(args) > 1:
            ctx.add(MODERATE, "starts a service (net start)", st.text)
    else:
        ctx.add(MODERATE, f"changes network or account settings (net {sub})", st.text)


_DOMAIN_ADMINS = frozenset(("domain admins", "enterprise admins", "schema admins"))
# Accounts and groups anyone can use without a password of their own: made administrators,
# every visitor or user of the machine is one.
OPEN_ACCOUNTS = frozenset(
    (
        "guest",
        "defaultaccount",
        "everyone",
        "anonymous logon",
        "nt authority\\anonymous logon",
        "authenticated users",
        "users",
        "domain users",
    )
)
_OPEN_ADMIN = "makes an account anyone can use (Guest, Everyone, Users) an administrator"
# Groups whose members administer the machine or the domain, or may log in remotely.
PRIVILEGED_GROUPS = frozenset(
    (
        "administrators",
        "domain admins",
        "enterprise admins",
        "schema admins",
        "remote desktop users",
        "remote management users",
        "backup operators",
        "account operators",
        "server operators",
        "hyper-v administrators",
        "docker-users",
        "s-1-5-32-544",
        "s-1-5-32-551",
        "s-1-5-32-555",
        "s-1-5-32-580",
        "dnsadmins",
        "group policy creator owners",
    )
)


# `net accounts` settings that let any password through or never lock an account out.
_WEAK_POLICY = lazy_pattern(
    r"/minpwlen:0\b|/lockoutthreshold:0\b|/maxpwage:unlimited|/uniquepw:0\b"
)


def _accounts(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    members = {value for name, value in params_of(st) if "member".startswith(name)}
    if "administrators" in text and members & OPEN_ACCOUNTS and "remove-" not in st.name:
        ctx.add(CRITICAL, _OPEN_ADMIN, st.text)
    elif any(group in text for group in PRIVILEGED_GROUPS) and "remove-" not in st.name:
        ctx.add(HIGH, "gives a user administrator rights", st.text)
    elif st.name in ("add-localgroupmember", "add-adgroupmember"):
        ctx.add(MODERATE, "adds a user to a group without administrator rights", st.text)
    elif st.name == "set-localuser" and not any(
        n.startswith(("password", "accountexpires")) and n != "passwordneverexpires"
        for n, _ in params_of(st)
    ):
        ctx.add(MODERATE, f"changes a local account's details ({st.words[0]})", st.text)
    else:
        ctx.add(
            HIGH,
            f"creates, deletes or changes a user account ({st.words[0]})",
            st.text,
        )


def _service_stop(names: list[str], st: Statement, ctx: Context) -> None:
    lowered = {n.strip("'\"").lower() for n in names}
    if lowered & _DEFENDER_SERVICES:
        ctx.add(CRITICAL, "stops Windows Defender: the machine is left unprotected", st.text)
    elif lowered & _SECURITY_SERVICES == {"wuauserv"}:
        ctx.add(MODERATE, _UPDATE_PAUSED, st.text)
    elif lowered & _SECURITY_SERVICES:
        ctx.add(HIGH, "stops a Windows security or logging service", st.text)
    elif lowered & _SHARING_SERVICES:
        ctx.add(HIGH, _SHARING_REASON, st.text)
    else:
        ctx.add(MODERATE, "stops a service", st.text)


def _sc(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    remote = bool(args) and args[0].startswith("\\\\")  # `sc \\host stop X`
    args = args[1:] if remote else args
    sub = args[0] if args else ""
    if sub in ("query", "queryex", "qc", "qdescription", "getdisplayname", "sdshow", ""):
        return
    if remote and sub in ("stop", "delete", "config"):
        ctx.add(HIGH, f"stops or changes a service on another machine (sc {sub})", st.text)
    if sub == "stop" and set(args) & _SHARING_SERVICES:
        ctx.add(HIGH, _SHARING_REASON, st.text)
    if sub == "delete" and set(args) & (_SECURITY_SERVICES | _CORE_SERVICES):
        reason = "deletes a service Windows needs for its protection, logs or start-up"
        ctx.add(CRITICAL, reason, st.text)
    elif sub == "delete":
        ctx.add(HIGH, "deletes a Windows service (sc delete)", st.text)
    elif sub == "stop" and set(args) & _SECURITY_SERVICES == {"wuauserv"}:
        ctx.add(MODERATE, _UPDATE_PAUSED, st.text)
    elif sub in ("stop", "config") and (set(args) & _SECURITY_SERVICES):
        ctx.add(HIGH, "stops or disables a Windows security or logging service", st.text)
    elif sub == "config" and any(a.startswith("binpath=") for a in args):
        _started_later(st, ctx, "changes the program a Windows service runs")
    elif sub == "sdset":
        ctx.add(HIGH, "changes who may control a Windows service (sc sdset)", st.text)
    elif set(args) & _REMOTE_SERVICES and (sub == "stop" or "disabled" in args):
        ctx.add(HIGH, _REMOTE_REASON, st.text)
    elif sub == "create":
        _started_later(st, ctx, "installs a Windows service")
    else:
        ctx.add(MODERATE, f"changes a Windows service (sc {sub})", st.text)


def _service_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    names = operands_of(st, frozenset({"-name", "-displayname", "-startuptype"}))
    text = st.text.lower()
    if previous is not None and previous.name in ("get-service", "gsv"):
        names += operands_of(previous, frozenset({"-name", "-displayname"}))
        text = f"{previous.text.lower()} | {text}"  # `Get-Service WinDefend | Stop-Service`
    listed = previous is not None and previous.name in ("get-service", "gsv")
    if st.name == "stop-service" and listed and previous is not None and not previous.args:
        ctx.add(CRITICAL, "stops every service: Windows stops working", st.text)
        return
    stopping = st.name == "stop-service" or (
        st.name == "set-service" and any(w in text for w in ("disabled", "stopped"))
    )
    if st.name == "new-service":
        _started_later(st, ctx, "installs a Windows service")
    elif stopping and any(re.search(rf"\b{name}\b", text) for name in _DEFENDER_SERVICES):
        ctx.add(CRITICAL, "stops or disables Windows Defender's service", st.text)
    elif st.name == "stop-service" and [s for s in _SECURITY_SERVICES if s in text] == ["wuauserv"]:
        ctx.add(MODERATE, _UPDATE_PAUSED, st.text)
    elif st.name in ("stop-service", "set-service") and (
        {n.lower() for n in names} & _SECURITY_SERVICES
        or any(s in text for s in _SECURITY_SERVICES)
    ):
        ctx.add(HIGH, "stops or disables a Windows security or logging service", st.text)
    elif stopping and any(re.search(rf"\b{name}\b", text) for name in _REMOTE_SERVICES):
        ctx.add(HIGH, _REMOTE_REASON, st.text)
    elif st.name == "remove-service":
        ctx.add(HIGH, "deletes a Windows service", st.text)
    else:
        ctx.add(MODERATE, f"changes a Windows service ({st.words[0]})", st.text)


def _power(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = flags_of(st)
    acts = flags & {"/s", "/r", "/p", "/h", "/l", "-s", "-r"}
    if st.name == "shutdown" and (flags & {"/a", "-a"} or not acts):
        return  # `/a` cancels a scheduled shutdown; with no action it only shows its help
    if st.name == "shutdown" and not flags & {"/s", "/r", "/p", "-s", "-r"}:
        what = "hibernates the machine" if flags & {"/h"} else "signs you out of Windows"
        ctx.add(MODERATE, f"{what} (shutdown)", st.text)
        return
    ctx.add(HIGH, f"shuts down or restarts the machine ({st.words[0]})", st.text)


def _logs(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    if st.name == "wevtutil" and args[:1] not in (["cl"], ["clear-log"], ["sl"], ["set-log"]):
        return
    tiny = any(re.fullmatch(r"/(ms|maxsize):\d{1,6}", a) for a in args)  # under a megabyte
    if args[:1] in (["sl"], ["set-log"]) and tiny:
        ctx.add(HIGH, "shrinks an event log so it keeps almost no history (wevtutil sl)", st.text)
        return
    if args[:1] in (["sl"], ["set-log"]) and not any(
        a in ("/e:false", "/enabled:false") for a in args
    ):
        ctx.add(MODERATE, "changes an event log's settings (wevtutil sl)", st.text)
        return
    if args[:1] in (["sl"], ["set-log"]):
        ctx.add(CRITICAL, "turns off an event log: nothing more is recorded (wevtutil sl)", st.text)
        return
    ctx.add(CRITICAL, "erases the Windows event logs", st.text)


def _schtasks(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = flags_of(st)
    if ("/create" in flags and _routine_task(st)) or _routine_registration(st):
        ctx.add(MODERATE, "creates a scheduled task (a script of yours, at set times)", st.text)
    elif "/create" in flags or st.name == "register-scheduledtask":
        _started_later(st, ctx, "creates a scheduled task")
    elif "/delete" in flags and _task_name(st) in ("*", '"*"'):
        ctx.add(HIGH, "deletes every scheduled task on the machine (/tn *)", st.text)
    elif st.name == "unregister-scheduledtask" and _every_task(st, previous):
        ctx.add(HIGH, "deletes every scheduled task on the machine", st.text)
    elif "/delete" in flags and "/s" in flags:
        ctx.add(HIGH, "deletes a scheduled task on another machine (schtasks /s)", st.text)
    elif "/delete" in flags or st.name == "unregister-scheduledtask":
        ctx.add(MODERATE, "deletes a scheduled task", st.text)
    elif "/query" in flags or not flags:
        return
    elif "/change" in flags and "/tr" in flags:  # a task kept, now running another program
        _started_later(st, ctx, "changes what a scheduled task runs")
    else:
        ctx.add(MODERATE, "changes a scheduled task", st.text)


def _every_task(st: Statement, previous: Statement | None) -> bool:
    """`Get-ScheduledTask | Unregister-ScheduledTask`, `Unregister-ScheduledTask -TaskName *`:
    no name narrows the tasks, or the name is a bare wildcard."""
    if any(a.strip("'\"") == "*" for a in st.args):
        return True
    if previous is None or previous.name != "get-scheduledtask":
        return False
    names = [a for a in previous.args if not a.startswith("-")]
    return all(name.strip("'\"") in ("*", "\\") for name in names)


def _task_value(st: Statement, flag: str) -> str:
    lowered = [a.lower() for a in st.args]
    return st.args[lowered.index(flag) + 1] if flag in lowered[:-1] else ""


def _task_name(st: Statement) -> str:
    return _task_value(st, "/tn")


# Times of day or calendar, not log-on, start-up, idle or every few minutes.
_CALENDAR = frozenset(("daily", "weekly", "monthly", "once", "hourly"))
DOUBTFUL_ACTION = lazy_pattern(
    r"(?i)\\users\\public|programdata|\\temp\\|%temp%|appdata|powershell|pwsh|cmd(\.exe)?\s|"
    r"mshta|wscript|cscript|rundll32|regsvr32|https?://|-enc|hidden"
)


def _routine_task(st: Statement) -> bool:
    """`schtasks /create /tn Backup /tr C:\\Scripts\\b.bat /sc daily`: like a crontab line; a
    task at log-on or start-up, as SYSTEM, elevated, or running a shell or a shared-folder
    program is how malware stays."""
    lowered = [a.lower() for a in st.args]
    schedule = _task_value(st, "/sc").lower()
    elevated = _task_value(st, "/rl").lower() == "highest" or (
        _task_value(st, "/ru").lower() in ("system", "nt authority\\system")
    )
    action = _task_value(st, "/tr")
    return (
        schedule in _CALENDAR
        and not elevated
        and bool(action)
        and not DOUBTFUL_ACTION.search(action)
        and "/xml" not in lowered
    )


_CALENDAR_TRIGGER = lazy_pattern(r"(?i)New-ScheduledTaskTrigger\b[^)]*-(Daily|Weekly|Once)\b")
_EXECUTE = lazy_pattern(r"""(?i)-Execute\s+(['"]?)([^'")]+)\1""")


def _routine_registration(st: Statement) -> bool:
    """`Register-ScheduledTask ... -Execute C:\\Scripts\\b.bat ... -Daily -At 2am`: the
    PowerShell spelling of a routine `schtasks /create` (same limits: calendar, not elevated)."""
    if st.name != "register-scheduledtask":
        return False
    action = _EXECUTE.search(st.text)
    elevated = re.search(r"(?i)-RunLevel\s+Highest|-User\s+['\"]?(NT AUTHORITY\\)?SYSTEM", st.text)
    return (
        action is not None
        and _CALENDAR_TRIGGER.search(st.text) is not None
        and elevated is None
        and not DOUBTFUL_ACTION.search(action.group(2))
        and "-Argument" not in st.text
    )


_PERSONAL = lazy_pattern(
    r"\\users\\[^\\]+\\(documents|desktop|downloads|pictures|onedrive)|password|"
    r"credential|secret|\.kdbx|\.pem|\.pfx|id_rsa|\\\.ssh\\|ntds\.dit|\\config\\sam",
    re.IGNORECASE,
)


def _bits_upload(st: Statement, ctx: Context) -> None:
    """`bitsadmin /transfer j /upload URL FILE`: FILE goes to the server."""
    local = st.args[-1] if st.args else ""
    if _PERSONAL.search(local):
        reason = f"uploads {local}, personal files or secrets, to a server (bitsadmin /upload)"
        ctx.add(CRITICAL, reason, st.text)
    else:
        ctx.add(HIGH, f"uploads {local or 'a file'} to a server (bitsadmin /upload)", st.text)


# What a decoded certificate, key or archive is saved as: data, not something that runs.
_DATA_OUTPUT = lazy_pattern(
    r"(?i)\.(cer|crt|der|pem|p7b|p12|pfx|key|csr|txt|json|xml|csv|zip|7z|gz|tar|png|jpe?g|pdf)$"
)


def _decodes_data(st: Statement) -> bool:
    """`certutil -decode cert.b64 cert.cer`: a certificate or data file comes out."""
    lowered = [a.lower() for a in st.args]
    return (
        bool(lowered)
        and lowered[0] in ("-decode", "-decodehex")
        and bool(_DATA_OUTPUT.search(st.args[-1].strip("'\"")))
    )


def _downloader(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    library = _loaded_library(st) if st.name in ("regsvr32", "rundll32") else ""
    if st.name in ("mshta", "regsvr32", "rundll32") and (
        "http" in text or "javascript:" in text or "vbscript:" in text
    ):
        ctx.add(CRITICAL, f"runs code fetched from the internet ({st.words[0]})", st.text)
    elif library.startswith("\\\\"):
        reason = f"runs a library from another machine ({library}): its code runs here"
        ctx.add(CRITICAL, reason, st.text)
    elif library and _DOUBTFUL_TASK.search(library):
        reason = f"runs the code of {library}, a library from a folder anyone can write"
        ctx.add(HIGH, reason, st.text)
    elif _only_reports(st) or (st.name == "certutil" and _certificate_store(st, ctx)):
        return
    elif st.name == "bitsadmin" and "/upload" in text:
        _bits_upload(st, ctx)
    elif st.name == "certutil" and "http" not in text and _decodes_data(st):
        ctx.add(MODERATE, f"decodes a file ({st.args[-1]}): data, not a program", st.text)
    elif st.name in ("certutil", "bitsadmin") and ("http" in text or "-decode" in text):
        ctx.add(
            HIGH,
            f"downloads or decodes a file with a system tool ({st.name})",
            st.text,
        )
    else:
        ctx.add(MODERATE, f"runs a system tool ({st.words[0]})", st.text)


_TRUSTED_STORES = frozenset(("root", "ca", "authroot", "trustedpublisher"))


def _certificate_store(st: Statement, ctx: Context) -> bool:
    """certutil -delstore / -addstore on the stores the machine trusts; -exportPFX of a key."""
    args = [a.lower() for a in st.args]
    verb = next((a for a in args if a.startswith("-") and a not in ("-f", "-p", "-user")), "")
    store = next((a for a in args if a in _TRUSTED_STORES), "")
    if verb == "-delstore" and store:
        ctx.add(HIGH, "removes a certificate the whole machine trusts: connections fail", st.text)
    elif verb == "-exportpfx" and any(a.startswith("\\\\") or "\\users\\public" in a for a in args):
        ctx.add(HIGH, "exports a private key where others can take it (certutil)", st.text)
    elif verb in ("-delstore", "-exportpfx"):
        ctx.add(MODERATE, f"removes or exports a certificate (certutil {verb})", st.text)
    else:
        return False
    return True


def _loaded_library(st: Statement) -> str:
    """The library rundll32 or regsvr32 loads: `\\\\host\\x.dll,Entry` gives `\\\\host\\x.dll`."""
    operands = [a for a in st.args if not a.startswith(("/", "-"))]
    return operands[0].split(",", 1)[0].strip() if operands else ""


# certutil and bitsadmin options that only show or check something.
_REPORTS = frozenset(
    "-hashfile -dump -verify -store -viewstore -ping -? /list /info /monitor /getstate "
    "/getbytestransferred /geterror /util /help /?".split()
)


def _only_reports(st: Statement) -> bool:
    """`certutil -hashfile f SHA256`, `bitsadmin /list /allusers`: nothing changes."""
    first = st.args[0].lower() if st.args else ""
    return st.name in ("certutil", "bitsadmin") and first in _REPORTS and "http" not in st.text


def _script_host(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """cscript and wscript run a script file; msbuild, InstallUtil, cmstp, RegAsm and RegSvcs
    run the code a project, library or profile names: from another machine or a folder anyone
    can write is how such files arrive in attacks."""
    script = next((a for a in st.args if not a.startswith(("/", "-"))), "")
    if script.startswith(("\\\\", "http://", "https://")):
        ctx.add(CRITICAL, f"runs code from another machine ({script})", st.text)
    elif script and _DOUBTFUL_TASK.search(script):
        reason = f"runs the code in {script}, a file in a folder anyone can write ({st.words[0]})"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, f"runs the code a script or project holds ({st.words[0]})", st.text)


def _cmdkey(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """cmdkey: `/list` shows which stored log-ins exist; the rest adds or removes them."""
    if any(a.lower().startswith("/l") for a in st.args) or not st.args:
        return
    ctx.add(MODERATE, "adds or removes a stored log-in (cmdkey)", st.text)


def _cipher(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """cipher: `/w` wipes free space (whole-line check), `/e` `/d` encrypt or decrypt, `/c`
    and a bare call only show the encryption state."""
    flags = {a.lower().split(":", 1)[0] for a in st.args if a.startswith("/")}
    if flags & {"/e", "/d", "/k", "/r", "/u", "/x", "/y", "/adduser", "/removeuser", "/rekey"}:
        ctx.add(MODERATE, "encrypts or decrypts files, or changes their keys (cipher)", st.text)


def _start_process(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    if "-verb runas" in text:
        ctx.add(MODERATE, "starts a program as administrator", st.text)
    ctx.add(MODERATE, f"starts a program ({st.words[0]})", st.text)


# bcdedit settings that weaken or break the boot; others (timeout, description) are routine.
_BOOT_RISKS = lazy_pattern(
    r"/delete|/deletevalue|safeboot|recoveryenabled|bootstatuspolicy|testsigning|"
    r"nointegritychecks|loadoptions|debug\s+on|/import|/set\s+\S+\s+(path|device|osdevice)\b|"
    r"hypervisorlaunchtype\s+off|/bootdebug|/ems|\bnx\s+alwaysoff"
)
# Turning a weakening back off: signed drivers and integrity checks required again.
_BOOT_RESTORED = lazy_pattern(r"^(/set\s+(\{\w+\}\s+)?)?(testsigning|nointegritychecks)\s+off$")


def _boot(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    flags = flags_of(st)
    if not st.args or flags <= {"/enum", "/v"}:
        return
    if _BOOT_RESTORED.match(" ".join(a.lower() for a in st.args)):
        ctx.add(MODERATE, "requires signed drivers and integrity checks again (bcdedit)", st.text)
        return
    if _BOOT_RISKS.search(text):
        _shadow(st, ctx, previous)
        ctx.add(HIGH, "changes how Windows boots (bcdedit)", st.text)
    else:
        ctx.add(MODERATE, "changes a boot setting (bcdedit)", st.text)


def _winrm(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    sub = args[0] if args else ""
    if sub in ("quickconfig", "qc"):
        ctx.add(HIGH, "opens the machine to remote PowerShell (WinRM)", st.text)
    elif sub in ("set", "s") and re.search(r'(?i)trustedhosts\s*=\s*"?\*"?', st.text):
        ctx.add(HIGH, "trusts every machine for remote PowerShell (TrustedHosts=*)", st.text)
    elif sub in ("delete", "d") and "listener" in st.text.lower():
        ctx.add(HIGH, "deletes a WinRM listener: remote PowerShell to this machine stops", st.text)
    elif sub in ("get", "g", "enumerate", "e", "id", "identify", "help", "?", ""):
        return
    else:
        ctx.add(MODERATE, f"changes remote management settings (winrm {sub})", st.text)


def _set_item(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-Item: the WSMan trusted hosts (`*` trusts every machine), or anything else."""
    text = st.text.lower()
    if "trustedhosts" in text:
        values = operands_of(st, frozenset({"-value"}))[1:] + [
            v for n, v in params_of(st) if n == "value"
        ]
        if any(v.strip("'\"") == "*" for v in values):
            ctx.add(HIGH, "trusts every machine for remote PowerShell (TrustedHosts *)", st.text)
        else:
            ctx.add(MODERATE, "changes which machines remote PowerShell trusts", st.text)
    else:
        ctx.add(MODERATE, f"changes something on Windows ({st.words[0]})", st.text)


# winget's and choco's own sources, named by `--source`: the usual catalogues.
_USUAL_SOURCES = frozenset(
    ("winget", "msstore", "chocolatey", "https://community.chocolatey.org/api/v2/")
)


def _source_of(args: list[str], name: str) -> str | None:
    """The value of `--source X`, `--source=X` (or choco's `-s X`), unquoted, else None."""
    for index, value in enumerate(args):
        option, eq, attached = value.partition("=")
        if option == "--source" or (option == "-s" and name == "choco"):
            given = attached if eq else (args[index + 1] if index + 1 < len(args) else "")
            return given.strip("'\"")
    return None


def _package(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    if args[:1] and args[0] in (
        "list",
        "search",
        "show",
        "info",
        "--version",
        "outdated",
        "export",
    ):
        return
    if args[:2] in (["bucket", "list"], ["bucket", "known"], ["source", "list"]):
        return  # `scoop bucket list`, `choco source list`: report the sources
    source = _source_of(args, st.name)
    if (
        any(a.startswith(("http://", "https://", "\\\\")) for a in args) or source is not None
    ) and source not in _USUAL_SOURCES:
        address = next(filter(None, map(bare_address, args)), None)
        url = next((a for a in args if a.startswith(("http://", "https://", "\\\\"))), None)
        if address is not None:
            reason = f"installs a package from a bare internet address ({address})"
            ctx.add(CRITICAL, reason, st.text)
        elif url is not None and st.name.removesuffix(".exe") == "msiexec":
            # the installer's own actions run with the machine's rights, as `sudo rpm -i URL`
            ctx.add(
                CRITICAL, f"runs an installer straight from {url[:80]}: nobody reviewed it", st.text
            )
        else:
            ctx.add(HIGH, "installs a package from a place nobody reviewed", st.text)
        return
    risky = windows_packages.package_risk(st)
    if risky is not None:
        ctx.add(HIGH, risky, st.text)
        return
    if "-allowunsigned" in args:
        ctx.add(HIGH, "installs an app package nobody signed (-AllowUnsigned)", st.text)
        return
    unchecked = _unchecked_module(args)
    if unchecked is not None:
        ctx.add(HIGH, unchecked, st.text)
        return
    ctx.add(MODERATE, f"installs or changes packages ({st.words[0]})", st.text)


def _unchecked_module(args: list[str]) -> str | None:
    """`Install-Module X -SkipPublisherCheck`, `-Repository Other`: not the gallery's checks."""
    if "-skippublishercheck" in args:
        return "installs a module without checking who signed it (-SkipPublisherCheck)"
    for option, value in itertools.pairwise(args):
        if option == "-repository" and value != "psgallery":
            return f"installs a module from the repository {value}, not the PowerShell Gallery"
    return None


SYSTEM_HANDLERS: dict[str, Handler] = {
    **dict.fromkeys("vssadmin wbadmin".split(), _shadow),
    "bcdedit": _boot,
    "wmic": _wmic,
    **dict.fromkeys(("set-wmiinstance", "new-ciminstance"), _wmic),
    "set-executionpolicy": _execution_policy,
    "netsh": _netsh,
    "set-dnsclientserveraddress": _dns_cmdlet,
    "cipher": _cipher,
    "cmdkey": _cmdkey,
    **dict.fromkeys(
        "cscript wscript msbuild installutil cmstp regasm regsvcs".split(), _script_host
    ),
    **dict.fromkeys(
        "set-netfirewallprofile disable-netfirewallrule new-netfirewallrule "
        "remove-netfirewallrule set-netfirewallrule".split(),
        _firewall_cmdlet,
    ),
    **dict.fromkeys("set-mppreference add-mppreference".split(), _defender),
    "mpcmdrun": _mpcmdrun,
    "winrm": _winrm,
    **dict.fromkeys("set-item si".split(), _set_item),
    "net": _net,
    **dict.fromkeys(
        "new-localuser remove-localuser set-localuser add-localgroupmember "
        "remove-localgroupmember disable-localuser enable-localuser add-adgroupmember "
        "add-adprincipalgroupmembership".split(),
        _accounts,
    ),
    "sc": _sc,
    "sc.exe": _sc,
    **dict.fromkeys(
        "stop-service set-service new-service remove-service restart-service start-service".split(),
        _service_cmdlet,
    ),
    **dict.fromkeys("shutdown stop-computer restart-computer".split(), _power),
    **dict.fromkeys("wevtutil clear-eventlog remove-eventlog".split(), _logs),
    **dict.fromkeys("schtasks register-scheduledtask unregister-scheduledtask".split(), _schtasks),
    **dict.fromkeys("mshta regsvr32 rundll32 certutil bitsadmin".split(), _downloader),
    **dict.fromkeys("start-process saps start".split(), _start_process),
    **dict.fromkeys("winget choco scoop msiexec install-package install-module".split(), _package),
    **dict.fromkeys(("add-appxpackage", "add-appprovisionedpackage"), _package),
    **windows_packages.HANDLERS,
}
