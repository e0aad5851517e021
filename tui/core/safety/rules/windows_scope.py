"""What earlier statements of a Windows line tell the later ones: variables and the folder.

`$p = "C:\\Users\\bob"; Remove-Item $p -Recurse` deletes C:\\Users\\bob; `cd C:\\; del /s /q *`
deletes everything on C:. A `Scope` learns plain assignments and folder changes statement by
statement and rewrites the words of the next statements with what it learnt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.rules.windows_system import operands_of
from tui.core.safety.windows import Statement

# Commands whose operands are paths to act on: relative ones are read from the current folder.
_PATH_COMMANDS = frozenset(
    (
        "remove-item ri rm del erase rd rmdir remove-childitem icacls cacls takeown "
        "set-content clear-content out-file add-content copy-item move-item copy move xcopy "
        "robocopy cpi mi cp mv cipher"
    ).split()
)
_FOLDER_COMMANDS = frozenset("cd chdir set-location sl pushd".split())
_VARIABLE = lazy_pattern(r"\$(?!env:)(\w+)\b", re.IGNORECASE)
_ABSOLUTE = lazy_pattern(r"(?i)^([a-z]:|\\\\|[$%~/]|-)")
# Line continuations: PowerShell's backtick and cmd's caret at the end of a line.
_CONTINUED = lazy_pattern(r"[`^]\r?\n\s*")


def joined_lines(text: str) -> str:
    """The text with continued lines joined (`... \\`<newline>  -Recurse`)."""
    return _CONTINUED.sub(" ", text)


@dataclass
class Scope:
    """Variables assigned plain values, and the current folder, as the line goes on."""

    variables: dict[str, str] = field(default_factory=dict)
    folder: str = ""

    def apply(self, st: Statement) -> Statement:
        """`st` with known variables replaced and relative path operands made absolute."""
        if not st.words or (not self.variables and not self.folder):
            return st
        words = [st.words[0], *(self._substituted(word) for word in st.args)]
        if self.folder and st.name in _PATH_COMMANDS:
            words = [words[0], *(self._placed(word) for word in words[1:])]
        if self.folder and st.name in _LISTERS:
            folders = set(_listed_folders(Statement(tuple(words), st.text)))
            words = [w if w not in folders else self._placed(w) for w in words]
            if not folders:
                words.append(self.folder)  # `cd X; gci -Recurse`: what X holds
        if tuple(words) == st.words:
            return st
        return Statement(tuple(words), st.text)

    def learn(self, st: Statement) -> None:
        """Remembers `$name = value` and `cd FOLDER` (values already substituted)."""
        assignment = _assignment(st)
        if assignment is not None:
            name, value = assignment
            self.variables[name] = self._substituted(value)
            return
        if st.name in _FOLDER_COMMANDS:
            operands = [w for w in st.args if not w.startswith(("/", "-"))]
            if operands:
                target = self._substituted(operands[0])
                self.folder = target if _ABSOLUTE.match(target) else self._placed(target)

    def _substituted(self, word: str) -> str:
        def value(match: re.Match[str]) -> str:
            return self.variables.get(match.group(1).lower(), match.group(0))

        return _VARIABLE.sub(value, word) if self.variables else word

    def _placed(self, word: str) -> str:
        if not self.folder or _ABSOLUTE.match(word) or word.startswith("("):
            return word
        rest = word[2:] if word.startswith((".\\", "./")) else word
        return self.folder.rstrip("\\/") + "\\" + (rest if rest != "." else "")


_LISTERS = frozenset("get-childitem gci dir ls".split())


def _listed_folders(st: Statement) -> list[str]:
    return operands_of(st, frozenset({"-include", "-exclude", "-filter", "-depth"}))


def _assignment(st: Statement) -> tuple[str, str] | None:
    """(`name`, value) for `$name = value` or `$name=value` with one plain value."""
    words = st.words
    if not words or not words[0].startswith("$") or words[0].lower().startswith("$env:"):
        return None
    if len(words) == 3 and words[1] == "=":
        name, value = words[0][1:], words[2]
    elif len(words) == 1 and "=" in words[0]:
        name, value = words[0][1:].split("=", 1)
    else:
        return None
    if not re.fullmatch(r"\w+", name) or not value or value[0] in "([{@":
        return None
    return name.lower(), value
