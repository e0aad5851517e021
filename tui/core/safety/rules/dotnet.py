""".NET file calls written in PowerShell, as the cmdlets that do the same.

`[System.IO.Directory]::Delete($env:USERPROFILE + '\\Documents', $true)` deletes a folder like
`Remove-Item -Recurse -Force`; `[IO.File]::WriteAllText(p, '')` overwrites like `Set-Content`.
The cmdlet form is rated by the PowerShell rules (windows.py), so a .NET spelling does no less.
"""

from __future__ import annotations

from tui.core.safety.lazy import lazy_pattern

# (type, method) -> the cmdlet, with `{path}`; `{recurse}` when a second argument $true says so.
_CALLS = {
    ("directory", "delete"): "Remove-Item -Force{recurse} {path}",
    ("file", "delete"): "Remove-Item -Force {path}",
    ("file", "writeallbytes"): "Set-Content {path} ''",
    ("file", "writealltext"): "Set-Content {path} ''",
    ("file", "writealllines"): "Set-Content {path} ''",
    ("file", "appendalltext"): "Add-Content {path} ''",
    ("file", "move"): "Move-Item {path} {second}",
    ("directory", "move"): "Move-Item {path} {second}",
    ("file", "copy"): "Copy-Item {path} {second}",
}
_CALL = lazy_pattern(
    r"(?i)\[(?:System\.)?IO\.(?P<type>Directory|File)\]::(?P<method>\w+)\s*\(\s*"
    r"(?P<path>(?:'[^']*'|\"[^\"]*\"|\$[\w:.]+|\s*\+\s*)+?)(?=\s*[,)])\s*(?:,\s*(?P<second>[^,()]*))?"
)
# Any .NET call that changes files, whether or not its arguments can be read.
_CHANGES = lazy_pattern(
    r"(?i)\[(?:System\.)?IO\.(?:File|Directory)\]::(?:Delete|Write\w*|Append\w*|Move|Copy|Replace|"
    r"Encrypt|SetAttributes|SetAccessControl|Create\w*)\b"
)


def changes_files(text: str) -> bool:
    """Whether `text` calls a .NET method that writes, moves or deletes files."""
    return _CHANGES.search(text[:20_000]) is not None


def as_cmdlets(text: str) -> list[str]:
    """The cmdlet each .NET file call of `text` amounts to (constant parts joined)."""
    found: list[str] = []
    for match in _CALL.finditer(text[:20_000]):
        template = _CALLS.get((match.group("type").lower(), match.group("method").lower()))
        if template is None:
            continue
        second = (match.group("second") or "").strip()
        recurse = " -Recurse" if second.lower() == "$true" else ""
        found.append(
            template.format(
                path=_joined(match.group("path")), second=_joined(second) or "x", recurse=recurse
            )
        )
    return found


def _joined(expression: str) -> str:
    """`$env:USERPROFILE + '\\Documents'` -> `"$env:USERPROFILE\\Documents"`."""
    parts = [p.strip().strip("'\"") for p in expression.split("+")]
    return '"' + "".join(parts) + '"' if parts and any(parts) else ""
