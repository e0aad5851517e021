"""Windows processes stopped (taskkill, Stop-Process, wmic), named in the command itself or by
the Get-Process before it: Windows' own processes crash the machine, every process at once too,
and the antivirus' ones leave it unprotected. Scheduled tasks: Windows' security tasks turned
off and every task deleted are HIGH; a registration at set times of a program of one's own is
moderate, as `schtasks /sc daily` is.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import (
    DOUBTFUL_ACTION,
    SYSTEM_HANDLERS,
    Handler,
    operands_of,
    params_of,
)
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL

VITAL_PROCESSES = frozenset("csrss lsass wininit winlogon smss services svchost".split())
_SECURITY_PROCESSES = frozenset(
    "msmpeng nissrv mssense securityhealthservice securityhealthsystray sysmon sysmon64 "
    "mpdefendercoreservice sensendr sensecncproxy".split()
)
_LISTERS = frozenset(("get-process", "gps", "ps"))
_FILTERS = frozenset(("where-object", "where", "?"))
# `Where-Object { $_.Name -ne 'explorer' }`: everything but what it names goes on.
_ALL_BUT = lazy_pattern(r"(?i)\s-(ne|notlike|notmatch|notin|notcontains)\s")
# taskkill filters that pick Windows' own processes or every running one.
_BROAD_FILTER = lazy_pattern(
    r"username\s+eq\s+['\"]?(nt authority\\)?(system|local service|network service)|"
    r"status\s+eq\s+running|session\s+eq\s+0\b"
)
_SYSTEM_FILTER = lazy_pattern(r"username\s+eq\s+['\"]?(nt authority\\)?system\b")
_EVERY = frozenset(("*", "*.*", "*.exe"))


def _named(st: Statement) -> set[str]:
    """The process names a statement gives (`/im x.exe`, `-Name x`, `x` by position)."""
    lowered = [a.lower() for a in st.args]
    if st.name == "taskkill":
        words = [st.args[i + 1] for i, a in enumerate(lowered[:-1]) if a == "/im"]
    else:
        words = operands_of(st, frozenset({"-id", "-pid", "-computername"}))
        words += [v for n, v in params_of(st) if n in ("name", "processname", "n")]
    names = set()
    for word in words:
        for part in word.split(","):
            part = part.strip().strip("'\"").lower()
            if part and not part.isdigit():
                names.add(part.removesuffix(".exe"))
    return names


def kill(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """taskkill, Stop-Process, kill: what they stop, with what a Get-Process before them
    picked (`Get-Process lsass | Stop-Process`)."""
    lowered = st.text.lower()
    names = _named(st)
    every = False
    if previous is not None and previous.name in _LISTERS:
        names |= _named(previous)
        every = not previous.args
    system_id = any(v in ("0", "4") for n, v in params_of(st) if n in ("id", "pid"))
    if names & VITAL_PROCESSES or system_id:
        ctx.add(CRITICAL, "kills a process Windows needs: the machine crashes", st.text)
    elif every or names & {n.removesuffix(".exe") for n in _EVERY}:
        ctx.add(
            CRITICAL, "stops every process, Windows' own among them: the machine crashes", st.text
        )
    elif names & _SECURITY_PROCESSES:
        ctx.add(
            HIGH, "stops the antivirus or security monitoring: the machine is unwatched", st.text
        )
    elif "/fi" in lowered and _SYSTEM_FILTER.search(lowered):
        ctx.add(CRITICAL, "kills every process Windows itself runs (SYSTEM): it crashes", st.text)
    elif "/fi" in lowered and (" ne " in f" {lowered} " or _BROAD_FILTER.search(lowered)):
        ctx.add(HIGH, "stops many processes at once (taskkill /fi)", st.text)
    elif previous is not None and previous.name in _FILTERS and _ALL_BUT.search(previous.text):
        ctx.add(HIGH, "stops every process but the few a filter leaves out", st.text)
    else:
        ctx.add(MODERATE, f"stops processes ({st.words[0]})", st.text)


_SECURITY_TASKS = lazy_pattern(
    r"(?i)\\microsoft\\windows\\(windows defender|exploitguard|windows error reporting|"
    r"eventlog|updateorchestrator|windowsupdate)\b"
)


def disables_security_task(st: Statement) -> bool:
    """`schtasks /change /tn "\\Microsoft\\Windows\\Windows Defender\\..." /disable`,
    `Disable-ScheduledTask -TaskPath "\\Microsoft\\Windows\\Windows Defender\\"`."""
    text = st.text.lower()
    disabling = st.name == "disable-scheduledtask" or "/disable" in text.split()
    return disabling and bool(_SECURITY_TASKS.search(st.text))


def removes_every_task(st: Statement, previous: Statement | None) -> bool:
    """`Unregister-ScheduledTask -TaskName *`, `Get-ScheduledTask | Unregister-ScheduledTask`."""
    names = [v for n, v in params_of(st) if n in ("taskname", "tn")] + operands_of(
        st, frozenset({"-taskpath", "-cimsession"})
    )
    if any(n.strip("'\"") in _EVERY for n in names):
        return True
    return (
        previous is not None
        and previous.name == "get-scheduledtask"
        and not operands_of(previous, frozenset({"-taskpath"}))
        and not any(n in ("taskname", "taskpath") for n, _ in params_of(previous))
        and not names
    )


# A time of day or calendar trigger, not log-on, start-up or idle; not elevated or as SYSTEM.
_CALENDAR_TRIGGER = lazy_pattern(r"(?i)new-scheduledtasktrigger\b[^)]*-(daily|weekly|once)\b")
_UNATTENDED = lazy_pattern(
    r"(?i)-at(logon|startup)\b|-runlevel\s+highest|-user\s+['\"]?(nt authority\\)?system\b|"
    r"-xml\b|-principal\b"
)


def _routine_registration(text: str) -> bool:
    """`Register-ScheduledTask ... -Action (New-ScheduledTaskAction -Execute C:\\tools\\x.exe)
    -Trigger (New-ScheduledTaskTrigger -Daily -At 3am)`: like a crontab line, as schtasks."""
    action = text.lower().split("new-scheduledtaskaction", 1)[-1].split(")", 1)[0]
    return (
        "new-scheduledtaskaction" in text.lower()
        and bool(_CALENDAR_TRIGGER.search(text))
        and not _UNATTENDED.search(text)
        and not DOUBTFUL_ACTION.search(action)
    )


def _lists_many(previous: Statement | None) -> bool:
    """`Get-ScheduledTask -TaskPath \\Microsoft\\Windows\\Backup\\*`: a folder or wildcard."""
    if previous is None or previous.name != "get-scheduledtask":
        return False
    names = [v for n, v in params_of(previous) if n in ("taskname", "taskpath")]
    names += operands_of(previous, frozenset({"-taskpath", "-taskname"}))
    return not names or any("*" in n or n.rstrip("'\"").endswith("\\") for n in names)


def tasks(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """schtasks and the task cmdlets: Windows' security tasks turned off and every task
    deleted here, the rest as windows_system rates them."""
    if disables_security_task(st):
        ctx.add(HIGH, "turns off a scheduled task of Windows' own protection", st.text)
    elif st.name == "unregister-scheduledtask" and removes_every_task(st, previous):
        ctx.add(HIGH, "deletes every scheduled task on the machine", st.text)
    elif st.name == "disable-scheduledtask" and _lists_many(previous):
        ctx.add(HIGH, "turns off every scheduled task the listing gives", st.text)
    elif st.name == "disable-scheduledtask":
        ctx.add(MODERATE, "turns off a scheduled task", st.text)
    elif st.name == "register-scheduledtask" and _routine_registration(st.text):
        ctx.add(MODERATE, "creates a scheduled task (a program of yours, at set times)", st.text)
    else:
        SYSTEM_HANDLERS["schtasks"](st, ctx, previous)


def wmi_process(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`wmic process where name="lsass.exe" delete`, `wmic process call create "..."`,
    `Invoke-WmiMethod -Class Win32_Process -Name Create -ArgumentList "..."`."""
    text = st.text.lower()
    named = {n.removesuffix(".exe") for n in _WMI_NAME.findall(text)}
    stops = " delete" in text or "terminate" in text
    if st.name == "wmic" and "process" in text and stops and named & VITAL_PROCESSES:
        ctx.add(CRITICAL, "kills a process Windows needs: the machine crashes (wmic)", st.text)
    elif "win32_process" in text and "create" in text and _HIDDEN_CODE.search(text):
        ctx.add(HIGH, "starts hidden or encoded code through WMI", st.text)
    elif st.name == "wmic":
        SYSTEM_HANDLERS["wmic"](st, ctx, previous)
    elif "win32_process" in text and "create" in text:
        ctx.add(MODERATE, "starts a program through WMI", st.text)
    else:
        ctx.add(MODERATE, f"changes something on Windows ({st.words[0]})", st.text)


_WMI_NAME = lazy_pattern(r"name\s*=\s*['\"]*([\w.-]+)")
_HIDDEN_CODE = lazy_pattern(
    r"\s-(e|ec|en|enc\w*)\s|-w(indowstyle)?\s+hidden|frombase64|\biex\b|downloadstring|https?://"
)


_UNINSTALL = lazy_pattern(
    r"(?i)win32_product\b.*(\.uninstall\s*\(|-methodname\s+['\"]?uninstall\b)"
)
_NARROWED = lazy_pattern(r"(?i)where-object|\bwhere\s*\{|\?\s*\{|-filter\b|-query\b|\bwhere\s+name")


def check_line(text: str, ctx: Context) -> None:
    """`Get-WmiObject Win32_Product | % { $_.Uninstall() }`: every installed program removed,
    unless a filter picks some."""
    if not _UNINSTALL.search(text):
        return
    if _NARROWED.search(text):
        ctx.add(MODERATE, "uninstalls the programs a filter picks (Win32_Product)", text)
    else:
        ctx.add(HIGH, "uninstalls every installed program (Win32_Product)", text)


HANDLERS: dict[str, Handler] = {
    **dict.fromkeys("taskkill stop-process kill spps".split(), kill),
    **dict.fromkeys("wmic invoke-wmimethod invoke-cimmethod".split(), wmi_process),
    **dict.fromkeys(
        "schtasks register-scheduledtask unregister-scheduledtask disable-scheduledtask".split(),
        tasks,
    ),
}
