"""Clients whose command language runs a local shell command on a line starting with `!`:
sftp's and lftp's batch files, ftp's input, smbclient's and lftp's `-c`, psql's `-f` file
(`\\!`). Such lines, written in the command (`echo '!rm -rf ~' | sftp -b - host`), run here
as shell code and are rated as such."""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE, Rule
from tui.core.safety.words import Word, literal

# Per client: options whose value is a line of commands, and options naming a batch file.
_LINES = {"lftp": ("-c",), "smbclient": ("-c", "--command")}
_FILES = {"sftp": ("-b",), "lftp": ("-f",), "psql": ("-f", "--file"), "ftp": ()}


def _fed(command: Command, ctx: Context, word: Word | None) -> str | None:
    """The text a batch file holds when the line writes it: stdin (`-`) or `<(echo ...)`."""
    if word is not None and word.value not in ("-", "/dev/stdin"):
        return ctx.fed_code(word)
    body = next((r.body for r in command.redirects if r.op in ("<<", "<<<") and r.body), None)
    if body is not None and not body.dynamic:
        return body.value.replace("\\n", "\n")
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return "\n".join(word.value for word in stdin.literal).replace("\\n", "\n")
    return None


def bang_lines(command: Command, ctx: Context) -> None:
    args = command.args
    texts: list[str] = []
    for index, word in enumerate(args):
        following = args[index + 1] if index + 1 < len(args) else None
        if word.value in _LINES.get(command.name, ()) and following is not None:
            texts.append(following.value)
        elif word.value in _FILES.get(command.name, ()) and following is not None:
            texts.append(_fed(command, ctx, following) or "")
    if command.name == "ftp":
        texts.append(_fed(command, ctx, None) or "")
    for text in texts:
        for line in re.split(r"[\n;]", text):
            code = line.strip().removeprefix("\\")
            if code.startswith("!") and code[1:].strip():
                ctx.add(MODERATE, f"{command.name} runs a command here (!)", command)
                ctx.run_code(literal(code[1:].strip()), command)


CHECKS: dict[str, Rule] = dict.fromkeys(("sftp", "ftp", "lftp", "smbclient", "psql"), bang_lines)
