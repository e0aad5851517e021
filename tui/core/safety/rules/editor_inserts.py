"""Lines an editor script adds to a file: `ex -sc '$a|umask 000' -cx /etc/profile`,
`vim -es -c '1i|PermitRootLogin yes' -c wq FILE`, `vi -es -c 'normal GoTEXT' -c wq FILE`.

The added line is what the file holds afterwards, as if `echo TEXT >> FILE` had written it: in
a shell start-up file it runs at each log-in and is rated as that code; in a settings file a
line that switches a protection off is rated as that setting. An edit that is never written
back (no `x`, `wq`, `w`, `update`) changes nothing.
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import persistence, weakening
from tui.core.safety.rules.common import Rule
from tui.core.safety.words import split_words

# `$a|TEXT`, `1i|TEXT`, `append|TEXT`: ex's append or insert, its line after the bar.
_APPENDED = lazy_pattern(r"^\s*(?:\d+|\$|\.)?\s*(?:a|i|append|insert)!?\s*\|(?P<text>.+)$")
# `normal GoTEXT`, `norm! oTEXT`: a line opened in normal mode and TEXT typed into it.
_TYPED = lazy_pattern(r"^\s*norm(?:al)?!?\s+(?:gg|G)?[oO](?P<text>.+)$")
# ex commands that write the buffer back.
_WRITE_BACK = frozenset(split_words("x x! xit wq wq! w w! wqa xa up update exit"))
_SCRIPT_OPTIONS = frozenset(split_words("-c --cmd -sc -esc -Ec"))
_VALUED = frozenset(split_words("-S -u -U -i -w -W -T -t -q -r -L"))


def _scripts_and_files(argv: list[str]) -> tuple[list[str], list[str]]:
    """The `-c` scripts (also `-cx`, `+CMD`) and the files an ex or vim line names."""
    scripts: list[str] = []
    files: list[str] = []
    index = 0
    while index < len(argv):
        value = argv[index]
        if value in _SCRIPT_OPTIONS and index + 1 < len(argv):
            scripts.append(argv[index + 1])
            index += 1
        elif value.startswith("-c") and len(value) > 2 and not value.startswith("--"):
            scripts.append(value[2:])  # `-cx`: the script joined to its option
        elif value.startswith("+") and len(value) > 1:
            scripts.append(value[1:])
        elif value in _VALUED:
            index += 1
        elif not value.startswith("-"):
            files.append(value)
        index += 1
    return scripts, files


def _added_lines(scripts: list[str]) -> list[str]:
    lines: list[str] = []
    for script in scripts:
        match = _APPENDED.match(script) or _TYPED.match(script)
        if match is not None:
            lines.append(match.group("text"))
    return lines


def _writes_back(scripts: list[str]) -> bool:
    steps = [step.strip() for script in scripts for step in script.split("|")]
    return any(step in _WRITE_BACK for step in steps)


def inserted_lines(command: Command, ctx: Context) -> None:
    scripts, files = _scripts_and_files(command.argv)
    added = _added_lines(scripts)
    if not added or not _writes_back(scripts):
        return
    text = "\n".join(added) + "\n"
    for value in files:
        where = ctx.resolve(value)
        kind = persistence.kind_at(paths.find_named(where), ctx)
        if kind is not None:
            persistence.startup_content(kind, value, text, command, ctx)
        weakened = weakening.written(where, text)
        if weakened is not None:
            ctx.add(weakened.level, f"{weakened.reason} ({command.name})", command)


RULES: dict[str, Rule] = {}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = dict.fromkeys(
    split_words("ex vim vi nvim view gvim"), (inserted_lines,)
)
