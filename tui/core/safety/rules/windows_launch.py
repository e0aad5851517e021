"""Programs started and libraries loaded through .NET and COM from PowerShell, which no command
name shows: `[Diagnostics.Process]::Start(...)`, `[Reflection.Assembly]::LoadFile(...)`,
`(New-Object -ComObject WScript.Shell).Run(...)`, `Shell.Application`'s ShellExecute.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import DOUBTFUL_PAYLOAD

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH

# The call and what it is given, up to the closing parenthesis of a simple argument list.
_STARTS = lazy_pattern(
    r"(?i)(\[(system\.)?diagnostics\.process\]::start|\.(run|exec|shellexecute))\s*\((?P<args>[^)]*)\)"
)
_LOADS = lazy_pattern(
    r"(?i)\[(system\.)?reflection\.assembly\]::(loadfile|loadfrom|unsafeloadfrom)\s*\("
    r"(?P<args>[^)]*)\)"
)
_COM_SHELL = lazy_pattern(r"(?i)wscript\.shell|shell\.application")
# A static .NET call whose method changes something (`[Environment]::SetEnvironmentVariable`).
_CHANGING_CALL = lazy_pattern(
    r"(?i)\[(?!(system\.)?console\])[\w.]+\]::(?P<method>(set|write|append|delete|remove|"
    r"create|start|kill|load|move|copy|"
    r"replace|encrypt|decrypt|add|install|register|exit|clear|reset|stop|save)\w*)\s*\("
)


def check_line(text: str, ctx: Context) -> None:
    """Rates each .NET or COM start or load of a line by what it names; any other static
    .NET call that changes something is moderate."""
    changing = _CHANGING_CALL.search(text[:20_000])
    if changing is not None:
        reason = f"calls a .NET method that changes something ({changing['method']})"
        ctx.add(MODERATE, reason, text)
    for match in _LOADS.finditer(text[:20_000]):
        if DOUBTFUL_PAYLOAD.search(match.group("args") + "\\"):
            reason = "loads a library from a folder anyone can write into PowerShell (.NET)"
            ctx.add(HIGH, reason, text)
        else:
            ctx.add(MODERATE, "loads a library's code into PowerShell (.NET)", text)
    for match in _STARTS.finditer(text[:20_000]):
        if match.group(1).startswith(".") and not _COM_SHELL.search(text):
            continue  # `.Run(` of something else than a Windows shell object
        if DOUBTFUL_PAYLOAD.search(f" {match.group('args')} "):
            reason = "starts hidden code, or a program from a folder anyone can write (.NET, COM)"
            ctx.add(HIGH, reason, text)
        else:
            ctx.add(MODERATE, "starts a program (.NET, COM)", text)
