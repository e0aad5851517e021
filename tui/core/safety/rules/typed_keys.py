"""Tools that type text into another window or terminal as if from the keyboard: `xdotool type`,
`wtype`, `ydotool type`, `kitty @ send-text`, `wezterm cli send-text`, expect's `send` to a
shell it spawned. What they type into a shell runs there: it is rated as shell code, and typing
a dangerous line is HIGH by itself (it runs wherever the focus happens to be)."""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import literal

_OPTION_VALUES = frozenset(("--delay", "--window", "-d", "-s", "--match", "-m", "--pane-id"))


def _typed(command: Command) -> list[str]:
    argv = command.argv
    name = command.name
    if name in ("xdotool", "ydotool"):
        start = argv.index("type") + 1 if "type" in argv else len(argv)
    elif name == "wtype":
        start = 0
    elif name in ("kitty", "kitten", "wezterm"):
        start = argv.index("send-text") + 1 if "send-text" in argv else len(argv)
    else:
        return []
    texts: list[str] = []
    skip = False
    for value in argv[start:]:
        if skip:
            skip = False
        elif value in _OPTION_VALUES:
            skip = True
        elif not value.startswith("-"):
            texts.append(value)
    return texts


def typed_keys(command: Command, ctx: Context) -> None:
    texts = _typed(command)
    if not texts:
        ctx.add(MODERATE, f"controls the keyboard or another window ({command.name})", command)
        return
    for text in texts:
        code = text.replace("\\r", "\n").replace("\\n", "\n")
        before = len(ctx.findings)
        ctx.run_code(literal(code), command)
        found = ctx.findings[before:]
        del ctx.findings[before:]
        worst = max((f.level for f in found), default=MODERATE)
        if worst >= HIGH:
            shown = text.strip()[:50]
            ctx.add(HIGH, f"types `{shown}` into the window in focus, as if you typed it", command)
        else:
            ctx.add(MODERATE, f"types text into the window in focus ({command.name})", command)


_SEND = lazy_pattern(r"\bsend\s+(?:--\s+)?\"(?P<text>(?:[^\"\\]|\\.)*)\"")
_SPAWNS_SHELL = lazy_pattern(r"\bspawn\s+(?:-\w+\s+)*(?:/\S*/)?(?:ba|z|da|k|c|tc)?sh\b")


def expect_sends(script: str) -> list[str]:
    """The lines `expect -c 'spawn bash; send "CMD\\r"'` types into the shell it spawned."""
    if not _SPAWNS_SHELL.search(script):
        return []
    return [re.sub(r"\\[rn]", "\n", m.group("text")) for m in _SEND.finditer(script)]


def sent_text(command: Command, ctx: Context) -> None:
    """`kitty @ send-text TEXT`, `wezterm cli send-text TEXT` (besides the terminal's rule)."""
    if "send-text" in command.argv:
        typed_keys(command, ctx)


RULES: dict[str, Rule] = dict.fromkeys(("xdotool", "ydotool", "wtype"), typed_keys)
