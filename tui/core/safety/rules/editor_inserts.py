"""What a scripted editor puts into a file: the lines of ed's `a`, `i` and `c` commands, the
text of ex's `1i|TEXT` or `$a|TEXT` and of vim's `put ='TEXT'`, `call append(N, 'TEXT')` and
`normal GoTEXT`, the replacement of a substitution.

Decisions: that text is rated as if it were written into the file with `echo TEXT >> FILE`
(a PAM line that lets anyone in, a boot script that opens a shell, an sshd setting that lets
root log in), but only when the script writes the buffer back (`w`, `x`, `wq`, `-cx`).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import editors, weakening
from tui.core.safety.rules.common import Rule
from tui.core.safety.rules.files import written_content
from tui.core.safety.words import split_words

# An ed command that starts a block of text ended by a lone `.`: `a`, `1i`, `$a`, `/x/c`.
_ED_BLOCK = lazy_pattern(r"^\s*[\w.$,;'+/-]*\s*[aic]\s*$")
# ex's one-line form: `1i|TEXT`, `$a|TEXT`, `append|TEXT`.
_EX_ADD = lazy_pattern(r"(?:^|\|)\s*[\d.$,%+-]*\s*(?:a|i|c|append|insert|change)!?\s*\|(.*)$")
# vim's other ways to add a line: `put ='TEXT'`, `call append(0, 'TEXT')`, `normal GoTEXT`.
_VIM_ADDS = (
    lazy_pattern(r"\bput!?\s*=\s*(['\"])(?P<text>.*)\1"),
    lazy_pattern(r"\bcall\s+append\([^,]+,\s*(['\"])(?P<text>.*)\1\s*\)"),
    lazy_pattern(r"\bnorm(?:al)?!?\s+[gG\d]*[oOaAiI](?P<text>.+)$"),
)
_SUBSTITUTES = lazy_pattern(r"(?:^|[|\s])[\d.$,%]*s([/#|,])")


def ed_inserted(script: str) -> str:
    """The lines an ed script adds between an `a`/`i`/`c` command and the `.` that ends them."""
    added: list[str] = []
    collecting = False
    for line in script.splitlines():
        if collecting:
            collecting = line.strip() != "."
            if collecting:
                added.append(line)
        else:
            collecting = bool(_ED_BLOCK.match(line))
    return "\n".join(added + _replacements(script))


def ex_inserted(scripts: list[str]) -> str:
    """The text ex or vim commands add: `1i|TEXT`, and the replacements of `s/x/TEXT/`."""
    added: list[str] = []
    for script in scripts:
        match = _EX_ADD.search(script)
        if match:
            added.append(match.group(1))
        added += [m.group("text") for p in _VIM_ADDS for m in [p.search(script)] if m]
    return "\n".join(added + _replacements("\n".join(scripts)))


def _replacements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if _SUBSTITUTES.search(line)]
    text = weakening.sed_text("\n".join(lines)) if lines else ""
    return [text] if text and text != "\n".join(lines) else []


def ed_inserts(command: Command, ctx: Context) -> None:
    script = editors.stdin_script(command)
    if script is None or not editors.writes_back(script):
        return
    _rate(command, ctx, [a for a in command.argv if not a.startswith("-")], ed_inserted(script))


def ex_inserts(command: Command, ctx: Context) -> None:
    scripts, files = editors.vim_parts(command)
    if not scripts or not editors.writes_back("\n".join(scripts)):
        return
    _rate(command, ctx, files, ex_inserted(scripts))


def _rate(command: Command, ctx: Context, files: list[str], text: str) -> None:
    if not text.strip():
        return
    for target in files:
        written_content(target, text, command, ctx)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("ed red"), (ed_inserts,)),
    **dict.fromkeys(split_words("ex vim vi nvim vim.basic vim.tiny"), (ex_inserts,)),
}
RULES: dict[str, Rule] = {}
