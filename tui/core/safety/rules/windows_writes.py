"""Files written by Windows commands: cmd and PowerShell redirections (`type nul > f`,
`echo x >> f`), and Clear-Content/Set-Content over a glob or over what Get-ChildItem lists.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules import weakening
from tui.core.safety.rules.windows_system import (
    DOUBTFUL_PAYLOAD,
    flags_of,
    has_param,
    operands_of,
)
from tui.core.safety.rules.windows_vital import vital_write
from tui.core.safety.targets import classify_delete, classify_empty, classify_write
from tui.core.safety.windows import Statement, posix_path

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL
_SINKS = frozenset(("nul", "$null", "nul:", "con", "/dev/null"))
# Statements that write nothing but the redirection empties the file: `type nul > f`.
_EMPTY_SOURCES = frozenset(("nul", "$null", "nul:"))
_LISTERS = frozenset(("get-childitem", "gci", "dir", "ls"))


def redirect_targets(st: Statement) -> list[tuple[str, bool]]:
    """(target, appends) of every `>`, `>>`, `1>`, `2>` in the statement, spaced or attached."""
    found: list[tuple[str, bool]] = []
    words = st.words
    for index, word in enumerate(words):
        bare = word.lstrip("12*")
        if not bare.startswith(">"):
            continue
        appends = bare.startswith(">>")
        target = bare.lstrip(">")
        if not target and index + 1 < len(words):
            target = words[index + 1]
        if target and not target.startswith("&") and target.lower() not in _SINKS:
            found.append((target, appends))
    return found


def redirects(st: Statement, ctx: Context) -> None:
    """Rates the files a statement's redirections write like any other write there."""
    targets = redirect_targets(st)
    if not targets:
        return
    first = st.args[0].lower() if st.args else ""
    spelt = st.words[0].lower()
    empties = spelt in ("echo.", "cd.", "rem") or (st.name == "type" and first in _EMPTY_SOURCES)
    written_text = " ".join(w for w in st.args if not w.lstrip("12*").startswith(">"))
    for target, appends in targets:
        if not appends and vital_write(target, st, ctx):
            continue
        if profile(target, written_text, st, ctx):
            continue
        path = posix_path(target)
        verdict = classify_empty(path) if empties and not appends else None
        if st.name in ("echo", "write-output", "write-host"):
            verdict = verdict or weakening.written(path, written_text)
        verdict = verdict or classify_write(path, append=appends)
        if verdict is not None:
            ctx.add(verdict.level, verdict.reason.replace(path, target, 1), st.text)


_PROFILE = lazy_pattern(r"(?i)^['\"]?\$profile\b(?P<which>\.\w+)?")


def profile(target: str, written: str, st: Statement, ctx: Context) -> bool:
    """`Add-Content $PROFILE CODE`: CODE runs at every PowerShell start, from now on; hidden
    code, a program from a shared folder, or every user's profile make it HIGH. True when
    rated here."""
    match = _PROFILE.match(target)
    if match is None:
        return False
    every_user = "allusers" in (match["which"] or "").lower()
    if every_user or DOUBTFUL_PAYLOAD.search(f" {written} "):
        reason = "makes code run at every PowerShell start (the PowerShell profile)"
        ctx.add(HIGH, reason + (", for every user" if every_user else ""), st.text)
    else:
        ctx.add(MODERATE, "changes the PowerShell profile (code run at every start)", st.text)
    return True


def saved_file(st: Statement, ctx: Context) -> bool:
    """`iwr URL -OutFile F`, `Start-BitsTransfer -Source URL -Destination F`: F written with what
    was fetched (a program into System32 HIGH, into the Startup folder CRITICAL). True when
    rated here above a plain download."""
    lowered = [a.lower() for a in st.args]
    out = next(
        (st.args[i + 1] for i, a in enumerate(lowered[:-1]) if a in ("-outfile", "-destination")),
        "",
    )
    if out and "\\startup" in out.lower():
        reason = "downloads a program into the Startup folder: it runs at every logon"
        ctx.add(CRITICAL, reason, st.text)
        return True
    if not out:
        return False
    path = posix_path(out)
    verdict = classify_write(path, append=False)
    if verdict is not None and verdict.level > MODERATE:
        ctx.add(verdict.level, verdict.reason.replace(path, out, 1), st.text)
        return True
    return False


def bits_transfer(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Start-BitsTransfer: a download to -Destination (an upload with -TransferType Upload)."""
    if "upload" in st.text.lower():
        ctx.add(HIGH, "uploads a file to a server (Start-BitsTransfer)", st.text)
    elif not saved_file(st, ctx):
        ctx.add(MODERATE, "downloads a file (Start-BitsTransfer)", st.text)


_EACH = frozenset(("foreach-object", "%", "foreach"))
_ITEM = lazy_pattern(r"\$(?:_|psitem)(?:\.(?:fullname|pspath|name))?(?![\w.])", re.IGNORECASE)


# `Get-PSDrive | % { Remove-Item ($_.Root + '*') }`: what each drive's root holds.
_DRIVE_LISTERS = frozenset(("get-psdrive", "gdr"))
_DRIVE_ROOT = lazy_pattern(
    r"(?i)\(\s*\$(?:_|psitem)\.root\s*\+\s*['\"]\*['\"]\s*\)|"
    r"\"\$\(\$(?:_|psitem)\.root\)\*\"|\$(?:_|psitem)\.root\b"
)
# `$_.Delete()`, `$_.Delete($true)`: the .NET method removes the item (with $true, all in it).
_DELETE_METHOD = lazy_pattern(r"(?i)\$(?:_|psitem)\.delete\(\s*(\$true)?\s*\)")


def each_listed(st: Statement, previous: Statement | None, block: str) -> str:
    """`gci D -Recurse | ForEach-Object { Remove-Item $_.FullName }`: the block with the item
    spelt as every file of D (`D\\*`), so what it does to each is rated for all of them."""
    if (
        st.name in _EACH
        and previous is not None
        and previous.name in _DRIVE_LISTERS
        and not block.lstrip().startswith("$")  # `% { $_.Root }` only shows them
    ):
        return _DRIVE_ROOT.sub('"C:\\\\*"', block)  # every drive's root: the system one among them
    if st.name not in _EACH or previous is None or previous.name not in _LISTERS:
        return block
    listed = operands_of(previous, frozenset({"-filter", "-include", "-exclude"})) or ["."]
    every = listed[0].rstrip("\\/") + "\\*"
    deep = " -Recurse" if has_param(previous, "recurse") else ""

    def spelt(match: re.Match[str]) -> str:
        argument = match.start() > 0 and block[match.start() - 1] in " \t"  # not inside (...)
        return f'"{every}"{deep if argument else ""}'

    block = _DELETE_METHOD.sub(
        lambda m: "Remove-Item $_.FullName" + (" -Recurse" if m.group(1) else ""), block
    )
    return _ITEM.sub(spelt, block)


def emptied_each(st: Statement, ctx: Context, previous: Statement | None) -> bool:
    """`gci -Recurse D | Clear-Content`, `Clear-Content D\\*.docx`: each file listed or matched
    is emptied, like deleting its content. True when rated here."""
    operands = operands_of(st, frozenset({"-value", "-encoding", "-inputobject", "-filter"}))
    if not operands and previous is not None and previous.name in _LISTERS:
        listed = operands_of(previous, frozenset({"-filter", "-include", "-exclude"})) or ["."]
        recursive = "-recurse" in flags_of(previous)
        for operand in listed:
            _each(operand, recursive, st, ctx)
        return True
    globbed = [o for o in operands if "*" in o]
    for operand in globbed[:1]:
        _each(operand, "-recurse" in flags_of(st), st, ctx)
    return bool(globbed)


def _each(operand: str, recursive: bool, st: Statement, ctx: Context) -> None:
    path = posix_path(operand)
    verdict = classify_delete(path, recursive=recursive)
    reason = verdict.reason.replace(path, operand, 1).replace("deletes", "empties each file of", 1)
    ctx.add(max(verdict.level, MODERATE), reason, st.text)
