"""Shell commands run by inline code in the less common languages, in their own spellings:
Raku's `shell "..."`, `run <rm -rf ~>` and `qqx{...}`, Groovy's `"...".execute()` and
`[...].execute()`, Elixir's `System.cmd("rm", [...])` and `System.shell("...")`, Erlang's
`os:cmd("...")`. Each is handed back as a shell line, to be rated as itself."""

from __future__ import annotations

from tui.core.safety.lazy import lazy_pattern

_QUOTED = r"""(?P<q>["'])(?P<code>(?:\\.|(?!(?P=q))[^\\])*)(?P=q)"""
_LINE_CALL = lazy_pattern(
    r"(?:\bshell|\bSystem\.shell|:?\bos[:.]cmd)\s*\(?\s*(?:~c)?" + _QUOTED + r"|"
    r"\bqqx\s*[{(\[<](?P<qq>[^})\]>]+)[})\]>]|"
    r"""(?P<gq>["'])(?P<gcode>(?:\\.|(?!(?P=gq))[^\\])*)(?P=gq)\s*\.\s*execute\s*\("""
)
# `System.cmd("rm", ["-rf", "~"])`, `run "rm", "-rf", "~"`, `run <rm -rf ~>`, `[...].execute()`.
_ARGV_CALL = lazy_pattern(
    r"\bSystem\.cmd\s*\(\s*(?P<prog>[\"'][^\"']+[\"'])\s*,\s*\[(?P<items>[^\]]*)\]|"
    r"\brun\s*\(?\s*(?P<rq>(?:[\"'][^\"']*[\"']\s*,?\s*)+)|"
    r"\brun\s*<(?P<words>[^>]*)>|"
    r"\[(?P<glist>[^\]]*)\]\s*\.\s*execute\s*\("
)
_STRING = lazy_pattern(r"[\"']([^\"']*)[\"']")
# What marks code in these languages as running a program, written out or not.
_ACTS = lazy_pattern(r"\bshell\b|\.\s*execute\s*\(|\bSystem\.|\bos[:.]cmd\b|\bqqx\b|\brun\b")
LANGUAGES = frozenset(("Raku", "Groovy", "Elixir", "Erlang", "Scheme", "Octave", "gnuplot"))


def runs_programs(code: str) -> bool:
    """The code calls one of the language's ways of running a program."""
    return bool(_ACTS.search(code[:20_000]))


def shell_lines(code: str, language: str = "") -> list[str]:
    """The shell lines the code runs, where they are written out."""
    text = code[:20_000]
    lines: list[str] = []
    if language in ("gnuplot", "Octave"):  # `! CMD` runs CMD in a shell
        lines += [s.strip()[1:] for s in text.replace("\n", ";").split(";") if s.strip()[:1] == "!"]
    for match in _LINE_CALL.finditer(text):
        lines.append(match.group("code") or match.group("qq") or match.group("gcode") or "")
    for match in _ARGV_CALL.finditer(text):
        if match.group("words") is not None:
            items = match.group("words").split()
        else:
            quoted = "".join(match.group(name) or "" for name in ("prog", "items", "rq", "glist"))
            items = _STRING.findall(quoted)
        lines.append(" ".join("'" + item.replace("'", "'\\''") + "'" for item in items))
    return [line for line in lines if line.strip()]
