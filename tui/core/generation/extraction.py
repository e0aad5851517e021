"""Turns a model's raw text into one shell command, or says clearly that there is none.

Small models wrap commands in code fences, prompts, JSON, prose and `<think>` blocks, and loop.
The rules, in order: drop reasoning; a JSON {"cmd"|"command": ...}; the first command line inside
a code fence (its language tag is never the command); a line that looks like a command (after
stripping prompts, labels and bullets); an inline `code span` that looks like a command. Prose is
never returned as a command.

An answer of several lines is one command only when it parses as one: lines continued with a
backslash are joined, a heredoc keeps its body up to its delimiter; anything else of several
lines (two commands one under the other) is not handed over. A NUL byte makes a command unusable.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Container
from dataclasses import dataclass
from functools import cache

from tui.core.generation.command_words import FUNCTION_WORDS, KNOWN, LANGUAGE_TAGS, OTHER_LANGUAGES
from tui.core.generation.multiline import HEREDOC, SEVERAL_LINES, one_command, with_heredoc_body
from tui.core.generation.shellwords import SHELL_KEYWORDS, split_words

MAX_COMMAND_CHARS = 2000
# What a decoder puts in place of bytes that are not valid UTF-8.
REPLACEMENT = "\ufffd"

_THINK = re.compile(r"<think>.*?</think>", re.S | re.I)
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[^\n]*\n(.*?)(?:```|\Z)", re.S)
_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_LABEL = re.compile(r"^(?:command|cmd|answer|shell|bash|output|run|solution)\s*:\s*", re.I)
_BULLET = re.compile(r"^(?:[-*•]\s+|\d+[.)]\s+)")
_PROMPT = re.compile(r"^(?:[\w.-]+@[\w.-]+(?::[^\s$#]*)?[$#]|\$|>|%|❯|➜)\s+")
_SPECIAL_TOKENS = re.compile(r"<\|im_start\|>[a-z]*\n?|<\|[a-z_]+\|>|</?s>|<eos>|<bos>", re.I)
_ONE_LINE_FENCE = re.compile(r"^```[ \t]*(?:([A-Za-z0-9_+-]+)[ \t]+)?(.+?)```\s*$", re.M)
_PLACEHOLDER = re.compile(r"(?:^|\s)<[A-Za-z_][A-Za-z0-9_ -]*>(?=\s|$)")
_VARIABLE = re.compile(r"^\$\{?[A-Za-z_]")
# Code in these languages is not a shell command.
_ROOT_PROMPT = re.compile(r"^#\s+")
_ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=\S*$")


@dataclass(frozen=True)
class Extraction:
    command: str | None
    reason: str = ""
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.command is not None


def extract_command(raw: str, *, known: Container[str] = frozenset()) -> Extraction:
    """The command in a raw answer; `known` names programs that start a command even where
    they are not installed (the utilities of the example bank)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPECIAL_TOKENS.sub("\n", text)
    text, thinking_note = _drop_reasoning(text)
    if not text.strip():
        return Extraction(None, thinking_note or "the model's answer was empty")
    for finder in (_from_json, _from_fences, _from_lines, _from_inline_code):
        found = finder(text, known)
        if found is not None:
            return _finish(found)
    return Extraction(None, "no shell command found in the model's answer (only prose)")


def _finish(found: str) -> Extraction:
    """Repairs a found command, or rejects it with the reason."""
    if "\x00" in found:
        return Extraction(None, "the command contains a NUL byte, which no shell can run")
    if REPLACEMENT in found:
        return Extraction(
            None,
            "the command holds U+FFFD, the mark of bytes that were not valid UTF-8: "
            "it is not what the model wrote",
        )
    if "\n" in found.strip():
        one = one_command(found.strip())
        return Extraction(one, "" if one else SEVERAL_LINES)
    if HEREDOC.search(found):
        return Extraction(None, "the answer is a heredoc without its body, not one command")
    if _PLACEHOLDER.search(found):
        return Extraction(None, f"the answer is a template with <placeholders>: {found}")
    command, warnings = _repair(found)
    if command is None:
        return Extraction(None, "the answer held no command")
    if split_words(command) is None:
        return Extraction(None, f"the command is cut off (its quotes do not balance): {command}")
    return Extraction(command, warnings=warnings)


# -- reasoning ---------------------------------------------------------------------------------


def _drop_reasoning(text: str) -> tuple[str, str]:
    text = _THINK.sub("", text)
    lower = text.lower()
    if "</think>" in lower:  # the opening tag was in the prompt, or lost
        text = text[lower.rfind("</think>") + len("</think>") :]
    lower = text.lower()
    if "<think>" in lower:
        text = text[: lower.find("<think>")]
        if not text.strip():
            return "", "the model only reasoned (an unfinished <think> block) and gave no answer"
    return text, ""


# -- finders: each returns a candidate command line or None -----------------------------------


def _from_json(text: str, known: Container[str]) -> str | None:
    decoder = json.JSONDecoder()
    for start in (m.start() for m in re.finditer(r"\{", text)):
        try:
            value, _ = decoder.raw_decode(text[start:])
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            for key in ("cmd", "command", "shell", "bash"):
                candidate = value.get(key)
                if isinstance(candidate, str):  # an empty one means "no command", said in JSON
                    lines = candidate.strip().splitlines()
                    return _first_command_line(lines, known, trusted=True) or candidate.strip()
    return None


def _from_fences(text: str, known: Container[str]) -> str | None:
    for match in _ONE_LINE_FENCE.finditer(text):
        candidate = _clean_line(match.group(2), known)
        if candidate and looks_like_command(candidate, known):
            return candidate
    for match in _FENCE.finditer(text):
        language, body = match.group(1).lower(), match.group(2)
        if language in OTHER_LANGUAGES:
            continue
        found = _first_command_line(_skip_leaked_tag(body.splitlines()), known, trusted=True)
        if found:
            return found
    return None


def _skip_leaked_tag(lines: list[str]) -> list[str]:
    """Drops a language tag that slipped onto a line of its own ("bash" then the command)."""
    content = [line for line in lines if line.strip()]
    if len(content) > 1 and content[0].strip().lower() in LANGUAGE_TAGS:
        return lines[lines.index(content[0]) + 1 :]
    return lines


def _from_lines(text: str, known: Container[str]) -> str | None:
    outside_fences = _FENCE.sub("\n", text)
    lines = _skip_leaked_tag(outside_fences.splitlines())
    found = _first_command_line(lines, known)
    if found:
        return found
    return _after_lead_in(lines, known)


def _after_lead_in(lines: list[str], known: Container[str]) -> str | None:
    """ "Here is the command: ls -la" -> the part after the colon, if it is a command."""
    for line in lines:
        head, sep, tail = line.rpartition(": ")
        if sep and head and not looks_like_command(_clean_line(head, known), known):
            candidate = _clean_line(tail, known)
            if candidate and looks_like_command(candidate, known):
                return candidate
    return None


def _from_inline_code(text: str, known: Container[str]) -> str | None:
    for match in _INLINE.finditer(text):
        candidate = _clean_line(match.group(1), known)
        if candidate and looks_like_command(candidate, known):
            return candidate
    return None


def _first_command_line(
    lines: list[str], known: Container[str], *, trusted: bool = False
) -> str | None:
    """The first line that is a command; inside a code fence (trusted) any line that is not
    prose or a comment counts, so commands of tools caro does not know still come through."""
    joined = _join_continuations(lines)
    for index, line in enumerate(joined):
        candidate = _clean_line(line, known)
        if not candidate:
            continue
        if looks_like_command(candidate, known) or (trusted and _plausible_in_fence(candidate)):
            return with_heredoc_body(candidate, joined[index + 1 :])
    return None


def plausible_command_line(line: str) -> bool:
    """A line shaped like a command of a program caro does not know (not prose, no comment)."""
    return _plausible_in_fence(_clean_line(line))


def _plausible_in_fence(line: str) -> bool:
    words = split_words(line)
    if (
        not words
        or line.startswith(("#", "//"))
        or (_VARIABLE.match(line) is None and (not re.match(r"^[A-Za-z0-9_./~-]+$", words[0])))
    ):
        return False
    return not _reads_like_prose(words, line) and not line.rstrip().endswith((".", ":"))


def _join_continuations(lines: list[str]) -> list[str]:
    joined: list[str] = []
    pending = ""
    for line in lines:
        stripped = line.rstrip()
        if stripped.endswith("\\") and not stripped.endswith("\\\\"):
            part = stripped[:-1].strip()
            pending += (part + " ") if part else ""
            continue
        joined.append(pending + stripped.lstrip() if pending else stripped)
        pending = ""
    if pending:
        joined.append(pending.rstrip())
    return joined


def _clean_line(line: str, known: Container[str] = frozenset()) -> str:
    line = line.strip()
    line = _BULLET.sub("", line)
    line = _LABEL.sub("", line)
    line = _PROMPT.sub("", line)
    if _ROOT_PROMPT.match(line):
        rest = _ROOT_PROMPT.sub("", line)
        line = rest if looks_like_command(rest, known) else ""
    line = line.strip()
    if len(line) >= 2 and line[0] == line[-1] == "`":
        line = line.strip("`").strip()
    if len(line) >= 2 and line[0] == line[-1] and line[0] in "\"'":
        inner = line[1:-1]
        if (
            line[0] not in inner
            and split_words(inner) is not None
            and looks_like_command(inner, known)
        ):
            line = inner
    return _strip_trailing_comment(line)


def _strip_trailing_comment(line: str) -> str:
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#" and index > 0 and line[index - 1] in " \t":
            return line[:index].rstrip()
    return line


# -- is it a command? -------------------------------------------------------------------------


@cache
def _on_path(word: str) -> bool:
    return shutil.which(word) is not None


def looks_like_command(line: str, known: Container[str] = frozenset()) -> bool:
    if not line or line.startswith("#") or len(line) > MAX_COMMAND_CHARS:
        return False
    words = split_words(line)
    if not words:
        return False
    first = words[0]
    if first in ("}", "do", "done", "then", "fi", "esac", "in"):
        return False  # the middle or end of a compound command, not a command line
    starts_command = (
        first in KNOWN
        or first in known
        or first in SHELL_KEYWORDS
        or first.startswith(("./", "/", "~/"))
        or bool(_VARIABLE.match(first))
        or bool(_ASSIGNMENT.match(first))
        or (
            first.islower()
            and first.replace("-", "").replace("_", "").isalnum()
            and _on_path(first)
        )
    )
    return starts_command and not _reads_like_prose(words, line)


def _reads_like_prose(words: list[str], line: str) -> bool:
    """A sentence that starts with a utility's name ("find is used to ...")."""
    if len(words) < 3:
        return False
    plain = [w for w in words[1:] if w.isalpha()]
    function_words = sum(1 for w in plain if w.lower() in FUNCTION_WORDS)
    technical = sum(1 for w in words[1:] if w.startswith("-") or "/" in w or "." in w.strip("."))
    if line.rstrip().endswith((".", ":", "!", "?")) and function_words >= 2 and technical == 0:
        return True
    return function_words >= 3 and function_words * 2 >= len(words) - 1 and technical == 0


# -- repair -----------------------------------------------------------------------------------


def _repair(command: str) -> tuple[str | None, tuple[str, ...]]:
    warnings: list[str] = []
    words = command.split()
    collapsed = _collapse_repeats(words)
    if len(collapsed) < len(words):
        warnings.append("cut a repetition loop from the model's answer")
        command = " ".join(collapsed)
    command = command.strip().rstrip(";").strip()
    if not command:
        return None, ()
    if split_words(command) is None:
        warnings.append("the command's quotes do not balance")
    return command, tuple(warnings)


def _partial_copy_length(rest: list[str], phrase: list[str]) -> int:
    """How many of the final words are an unfinished copy of `phrase` (a loop cut off)."""
    if not rest or len(rest) > len(phrase):
        return 0
    *whole, last = rest
    if whole == phrase[: len(whole)] and phrase[len(whole)].startswith(last):
        return len(rest)
    return 0


def _collapse_repeats(words: list[str], min_repeats: int = 3) -> list[str]:
    """Cuts a phrase of 1-6 words that repeats `min_repeats`+ times in a row down to once."""
    for size in range(1, 7):
        index = 0
        result: list[str] = []
        while index < len(words):
            phrase = words[index : index + size]
            repeats = 1
            while words[index + repeats * size : index + (repeats + 1) * size] == phrase:
                repeats += 1
            if repeats >= min_repeats and len(phrase) == size:
                result.extend(phrase)
                index += repeats * size
                index += _partial_copy_length(words[index:], phrase)
            else:
                result.append(words[index])
                index += 1
        words = result
    return words
