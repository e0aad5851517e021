"""Names and commands an inline program glues together from pieces, so that they do not read as
themselves: `'sys'+'tem'`, `"r"."m -rf ~"`, `['ex'+'ecSync']`, and calls made by name through
`send(:system, ...)`, `call_user_func("system", ...)`, `getattr(os, "system")(...)`. The pieces
are put back together, so the usual patterns see the call and the command; a name or program
worth hiding that was spelt in pieces is a finding by itself."""

from __future__ import annotations

import re

from tui.core.safety.lazy import lazy_pattern

_BY_NAME = lazy_pattern(
    r"""\b(?:send|public_send|__send__)\s*\(\s*:(?P<sym>\w+)\s*,\s*|"""
    r"""\bcall_user_func(?:_array)?\s*\(\s*(?P<q>["'])(?P<fn>\w+)(?P=q)\s*,\s*|"""
    r"""\bgetattr\s*\(\s*(?P<owner>[\w.()'"]+?)\s*,\s*(?P<aq>["'])(?P<attr>\w+)(?P=aq)\s*\)\s*\("""
)
_INDIRECT = lazy_pattern(
    r"""\b(?P<call>exec|system)\s*\{\s*(?P<program>(["'])[^"']+\3)\s*\}\s*(["'])[^"']*\4\s*,\s*"""
)
# What runs or calls a name in the code: a run call, a call by name, a computed call.
_CALLING = lazy_pattern(
    r"\b(?:system|exec\w*|popen\w*|spawn\w*|shell_exec|passthru|proc_open|getattr|__import__|"
    r"require|send|public_send|call_user_func\w*|eval|os\.execute|io\.popen)\b|"
    r"\$\w+\s*\(|\]\s*\(|`"
)
_SUBSCRIPT = lazy_pattern(r"""\[\s*(["'])([A-Za-z_]\w*)\1\s*\]""")  # `cp["execSync"]`
_NAME_VARIABLE = lazy_pattern(r"""\$(?P<var>\w+)\s*=\s*(["'])(?P<fn>\w+)\2\s*;""")
# What is worth hiding: ways to run a program or code, and programs that destroy or fetch.
_HIDDEN_NAMES = frozenset(
    "system exec execSync execFile spawn spawnSync popen shell_exec passthru proc_open eval "
    "os subprocess child_process Kernel IO".split()
)
_HIDDEN_PROGRAMS = frozenset("rm dd mkfs shred wipefs curl wget nc bash sh chmod chown".split())


def _strings(code: str) -> list[tuple[int, int, str]]:
    """The string constants of the code, in order: (start, end, text), read left to right so
    that a closing quote is never taken for an opening one."""
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(code):
        quote = code[index]
        if quote not in "\"'":
            index += 1
            continue
        end = index + 1
        while end < len(code) and code[end] != quote:
            end += 2 if code[end] == "\\" else 1
        if end >= len(code):
            break
        found.append((index, end + 1, code[index + 1 : end]))
        index = end + 1
    return found


def _chains(code: str) -> list[tuple[int, int, str]]:
    """Runs of two or more constants joined by `+`, `.`, `..` or `~`: (start, end, joined)."""
    chains: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for piece in [*_strings(code), (len(code) + 1, len(code) + 1, "")]:
        if run and _JOIN.fullmatch(code[run[-1][1] : piece[0]]):
            run.append(piece)
            continue
        if len(run) > 1:
            chains.append((run[0][0], run[-1][1], "".join(p[2] for p in run)))
        run = [piece]
    return chains


_JOIN = lazy_pattern(r"\s*(?:\+|\.\.?|~)\s*")


def constants_joined(code: str) -> str:
    """The code with constant string pieces joined (`print "r"."m"` as `print "rm"`)."""
    return _joined_chains(code[:20_000])[0]


def _joined_chains(text: str) -> tuple[str, list[str]]:
    hidden: list[str] = []
    for begin, end, whole in reversed(_chains(text)):
        words = whole.split()
        named = whole in _HIDDEN_NAMES or (
            words and words[0].rsplit("/", 1)[-1] in _HIDDEN_PROGRAMS
        )
        if named:
            hidden.append(whole)
        quote = text[begin]
        text = (
            text[:begin] + quote + whole.replace(quote, "").replace("\\", "") + quote + text[end:]
        )
    return text, hidden[::-1]


def joined(code: str) -> tuple[str, list[str]]:
    """The code with string pieces joined and calls by name written as calls, and what was
    hidden by pieces (names or commands worth hiding)."""
    text = code[:20_000]
    if _CALLING.search(text) is None:
        return text, []  # nothing runs or calls a name: pieces are only printed or kept
    text, hidden = _joined_chains(text)

    def by_name(match: re.Match[str]) -> str:
        if match.group("attr"):
            return f"{match.group('owner')}.{match.group('attr')}("
        return f"{match.group('sym') or match.group('fn')}("

    text = _SUBSCRIPT.sub(
        lambda m: "." + m.group(2) if m.group(2) in _HIDDEN_NAMES else m.group(0), text
    )
    text = _BY_NAME.sub(by_name, text)
    text = _INDIRECT.sub(r"\g<call> \g<program>, ", text)  # Perl's `exec {"/bin/sh"} "sh", ...`
    for match in _NAME_VARIABLE.finditer(text):  # `$f = "system"; $f("rm -rf ~")`
        if match.group("fn") in _HIDDEN_NAMES:
            text = re.sub(rf"\${match.group('var')}\s*\(", match.group("fn") + "(", text)
    return text, hidden
