"""PowerShell and cmd commands, rated by what they do (see windows.py for the reading).

Deletes and permission changes use the same path verdicts as POSIX commands once the Windows
path is mapped (`C:\\` is `/`, `C:\\Users\\me` a home). Read-only cmdlets (Get-, Test-,
Select-, ...) are safe; unknown ones are moderate, as unknown programs are everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.safety import flow
from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules import dotnet
from tui.core.safety.rules.windows_system import SYSTEM_HANDLERS, flags_of, operands_of
from tui.core.safety.rules.windows_threats import check_line
from tui.core.safety.targets import classify_delete, classify_permissions, classify_write
from tui.core.safety.windows import Statement, posix_path, split_statements

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL
READ_VERBS = frozenset(
    "get test select where sort measure format out write compare group resolve split join "
    "convertto convertfrom find show read trace".split()
)
READ_ONLY = frozenset(
    (
        "dir type ipconfig systeminfo tasklist whoami hostname where echo findstr more sort fc "
        "tree ver vol netstat ping tracert nslookup pathping arp route nbtstat qwinsta query "
        "gpresult driverquery cls cd chdir pushd popd gci gc sls ls cat pwd help exit "
        "set-location push-location pop-location write-host write-output foreach-object % "
        "where-object ? tee-object"
    ).split()
)
_DOWNLOAD = re.compile(
    r"(?i)downloadstring|downloadfile|invoke-webrequest|invoke-restmethod|\biwr\b|\birm\b|"
    r"net\.webclient|start-bitstransfer|https?://"
)
_LITERAL = re.compile(r"'([^']{6,})'|\"([^\"]{6,})\"")
_EXECUTE = re.compile(r"(?i)\biex\b|invoke-expression|\|\s*powershell|\.invoke\(|\&\s*\(")


def analyse(text: str, ctx: Context, depth: int = 0) -> None:
    """Rates every st of a PowerShell or cmd command line."""
    sts = split_statements(text)
    if depth == 0:
        check_line(text, ctx)
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
        rate(st, ctx, previous)
        for word in st.args:
            inner = _block(word)
            if inner and depth < 4:
                analyse(inner, ctx, depth + 1)
    _exfiltration(text, sts, ctx)


def _literals(text: str) -> list[str]:
    """The quoted strings of a line (6 characters or more)."""
    return [m.group(1) or m.group(2) for m in _LITERAL.finditer(text[:20_000])]


def _block(word: str) -> str | None:
    """The code inside `{...}`, `$(...)` or `(...)`."""
    for opening, closing in (("{", "}"), ("$(", ")"), ("(", ")")):
        if word.startswith(opening) and word.endswith(closing):
            return word[len(opening) : -len(closing)]
    return None


def _cmd_loop(st: Statement, ctx: Context) -> None:
    """`for /F %a in (...) do CMD %a`: CMD is rated as if written alone."""
    lowered = [word.lower() for word in st.words]
    if "do" not in lowered:
        return
    body = st.words[lowered.index("do") + 1 :]
    source = next((w for w in st.words if w.startswith("(") and w.endswith(")")), "")
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
    if not name or name[0] in "$0123456789'\"(@[":
        return  # an expression or assignment, not a command
    if "-whatif" in flags_of(st):
        return  # PowerShell's -WhatIf: the cmdlet only says what it would do
    if name == "for":
        _cmd_loop(st, ctx)
        return
    handler = _HANDLERS.get(name)
    if handler is not None:
        handler(st, ctx, previous)
        return
    if name in READ_ONLY or name.split("-", 1)[0] in READ_VERBS:
        return
    if "-" in name:
        ctx.add(MODERATE, f"changes something on Windows ({st.words[0]})", st.text)
    else:
        reason = f"`{st.words[0]}` is not a command caro knows: its effect is unknown"
        ctx.add(MODERATE, reason, st.text)


def _delete(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = flags_of(st)
    recursive = bool(flags & {"-recurse", "-r", "/s"}) or st.name in ("rd", "rmdir")
    recursive = recursive and (st.name not in ("rd", "rmdir") or "/s" in flags)
    operands = operands_of(st, frozenset({"-include", "-exclude", "-filter"}))
    if previous is not None and not operands:
        ctx.add(MODERATE, "deletes what the previous command lists", st.text)
        if previous.name in ("get-childitem", "gci", "dir", "ls") and "-recurse" in flags_of(
            previous
        ):
            _delete_paths(operands_of(previous) or ["."], True, st, ctx)
        return
    _delete_paths(operands, recursive, st, ctx)


def _delete_paths(operands: list[str], recursive: bool, st: Statement, ctx: Context) -> None:
    for operand in operands:
        if operand.upper().startswith(("HKLM", "HKCU", "HKCR", "HKU", "REGISTRY::")):
            _registry_delete(operand, st, ctx)
            continue
        path = posix_path(operand)
        verdict = classify_delete(path, recursive=recursive)
        reason = verdict.reason.replace(path, operand, 1)
        ctx.add(max(verdict.level, MODERATE), reason, st.text)


def _registry_delete(key: str, st: Statement, ctx: Context) -> None:
    if key.upper().startswith(("HKLM", "HKCR", "REGISTRY::HKEY_LOCAL")):
        ctx.add(CRITICAL, f"deletes the system registry key {key}", st.text)
    else:
        ctx.add(HIGH, f"deletes the registry key {key}", st.text)


def _reg(st: Statement, ctx: Context, previous: Statement | None) -> None:
    args = [a.lower() for a in st.args]
    action = args[0] if args else ""
    key = st.args[1] if len(st.args) > 1 else ""
    if action in ("query", "export", "compare"):
        return
    if action == "delete":
        _registry_delete(key, st, ctx)
    elif action in ("add", "import", "restore", "load", "copy"):
        _registry_change(key, st, ctx)
    else:
        ctx.add(MODERATE, "changes the registry (reg)", st.text)


def _registry_change(key: str, st: Statement, ctx: Context) -> None:
    lower = key.lower() + " " + st.text.lower()
    if (
        "\\run" in lower
        or "runonce" in lower
        or "winlogon" in lower
        or "image file execution" in lower
    ):
        ctx.add(HIGH, "makes a program start by itself at every logon (registry)", st.text)
    elif "disableantispyware" in lower or "windows defender" in lower or "enablelua" in lower:
        ctx.add(HIGH, "turns off a Windows security protection (registry)", st.text)
    elif key.upper().startswith(("HKLM", "HKCR")):
        ctx.add(HIGH, f"changes the system registry ({key})", st.text)
    else:
        ctx.add(MODERATE, f"changes the registry ({key})", st.text)


def _registry_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    paths = operands_of(st, frozenset({"-name", "-value", "-propertytype", "-type"}))
    key = next((p for p in paths if ":" in p), paths[0] if paths else "")
    if st.name == "remove-itemproperty":
        level = HIGH
        ctx.add(level, f"deletes a registry value under {key}", st.text)
        return
    _registry_change(key, st, ctx)


def _format(st: Statement, ctx: Context, previous: Statement | None) -> None:
    target = next((a for a in st.args if not a.startswith(("/", "-"))), "a drive")
    ctx.add(CRITICAL, f"formats {target}: erases everything on it", st.text)


def _disk_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(CRITICAL, f"erases a disk or volume ({st.words[0]})", st.text)


def _diskpart(st: Statement, ctx: Context, previous: Statement | None) -> None:
    ctx.add(HIGH, "edits disks and partitions (diskpart)", st.text)


def _permissions(st: Statement, ctx: Context, previous: Statement | None) -> None:
    text = st.text.lower()
    recursive = "/t" in flags_of(st) or "/r" in flags_of(st) or "-recurse" in text
    loose = "everyone" in text or "*s-1-1-0" in text or ("users:" in text and "(f)" in text)
    operands = [o for o in operands_of(st) if ":" not in o or re.match(r"^[A-Za-z]:", o)]
    if st.name in ("icacls", "cacls") and not any(
        w in text for w in ("/grant", "/deny", "/remove", "/reset", "/setowner", "/inheritance")
    ):
        return
    verb = "takes ownership of" if st.name == "takeown" else "changes permissions of"
    for operand in operands[:1]:
        path = posix_path(operand)
        verdict = classify_permissions(path, recursive=recursive, verb=verb, loose=loose)
        ctx.add(verdict.level, verdict.reason.replace(path, operand, 1), st.text)
    if not operands:
        ctx.add(MODERATE, f"changes file permissions ({st.words[0]})", st.text)


def _write(st: Statement, ctx: Context, previous: Statement | None) -> None:
    operands = operands_of(st, frozenset({"-value", "-encoding", "-inputobject"}))
    append = st.name in ("add-content", "ac") or "-append" in st.text.lower()
    for operand in operands[:1]:
        verdict = classify_write(posix_path(operand), append=append)
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
    if st.name == "robocopy" and ("/mir" in text or "/purge" in text) and len(operands) >= 2:
        deleted = classify_delete(posix_path(operands[1]), recursive=True)
        level = deleted.level if deleted.level >= HIGH else MODERATE
        ctx.add(level, f"mirrors into {operands[1]}, deleting what is not in the source", st.text)
        return
    if len(operands) >= 2:
        verdict = classify_write(posix_path(operands[-1]), append=False)
        if verdict is not None and verdict.level >= HIGH:
            ctx.add(verdict.level, verdict.reason, st.text)
            return
    ctx.add(MODERATE, f"copies or moves files ({st.words[0]})", st.text)


_CARET = re.compile(r"\^(.)")


def _encoded(st: Statement, ctx: Context, previous: Statement | None) -> None:
    flags = flags_of(st)
    if flags & {"-enc", "-encodedcommand", "-e", "-ec"}:
        ctx.add(CRITICAL, "runs hidden (base64-encoded) PowerShell code", st.text)
        return
    args = list(st.args)
    for index, arg in enumerate(args):
        if arg.lower() in ("-c", "-command", "/c", "/k") and index + 1 < len(args):
            code = " ".join(args[index + 1 :])
            if st.words[0].lower() in ("cmd", "cmd.exe") and "^" in code:
                code = _CARET.sub(r"\1", code)  # `r^d /s /q`: cmd's escape character, gone
            analyse(code, ctx, 1)
            return
    if "-executionpolicy" in flags and "bypass" in st.text.lower():
        ctx.add(HIGH, "runs a script with PowerShell's safety checks turned off", st.text)
        return
    ctx.add(MODERATE, f"starts a shell ({st.words[0]})", st.text)


def _invoke(st: Statement, ctx: Context, previous: Statement | None) -> None:
    if previous is not None and _DOWNLOAD.search(previous.text):
        return  # `iwr ... | iex` is reported for the whole line
    operands = operands_of(st)
    if any(o.startswith("$") for o in operands) or not operands:
        reason = "runs PowerShell code that is only known when it runs (Invoke-Expression)"
        ctx.add(HIGH, reason, st.text)
    else:
        analyse(" ".join(operands), ctx, 1)


_BROWSER_SECRETS = re.compile(
    r"\\(login data|cookies|web data|key4\.db|logins\.json|cookies\.sqlite)\b|\.kdbx\b"
)


def _exfiltration(text: str, sts: list[Statement], ctx: Context) -> None:
    lower = text.lower()
    sending = any(
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
        )
    )
    if not sending:
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
        for word in st.args:
            word = word.split("=@", 1)[-1].lstrip("@")  # curl.exe -F "f=@%USERPROFILE%\..."
            what = flow.secret_path(posix_path(word.strip("()'\"")).replace("/home/*", "~"))
            if what is None and (".ssh" in word.lower() or "credentials" in word.lower()):
                what = "keys or credentials"
            if what:
                ctx.add(CRITICAL, f"sends {what} to another machine", text)
                return


Handler = Callable[[Statement, Context, Statement | None], None]
_HANDLERS: dict[str, Handler] = {
    **SYSTEM_HANDLERS,
    **dict.fromkeys(
        "remove-item ri rm del erase rd rmdir rmdir.exe remove-childitem".split(), _delete
    ),
    "reg": _reg,
    **dict.fromkeys(
        "set-itemproperty new-itemproperty remove-itemproperty sp".split(), _registry_cmdlet
    ),
    "format": _format,
    **dict.fromkeys(
        "format-volume clear-disk initialize-disk remove-partition reset-physicaldisk".split(),
        _disk_cmdlet,
    ),
    "diskpart": _diskpart,
    **dict.fromkeys("icacls cacls takeown".split(), _permissions),
    **dict.fromkeys("set-content clear-content out-file add-content ac".split(), _write),
    **dict.fromkeys("copy-item move-item copy move xcopy robocopy cpi mi cp mv".split(), _copy),
    **dict.fromkeys("powershell pwsh cmd cmd.exe".split(), _encoded),
    **dict.fromkeys("iex invoke-expression".split(), _invoke),
}
