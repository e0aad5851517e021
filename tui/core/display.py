"""The one place where text caro did not write becomes displayable.

A model's answer, a server's model ids, versions and error bodies, a history entry: any of them
may carry characters a terminal acts on (ESC and C1 sequences that set the clipboard, clear the
screen or retitle the window, SGR 8 that hides text) or that change what the eye reads (bidi
overrides, zero-width characters, a carriage return that overwrites the start of a line). Such
text is shown through `displayable`, which makes every one of those characters visible instead
of interpreting it:

- C0 controls and DEL become their Unicode control pictures: ESC is `␛`, BEL `␇`, CR `␍`,
  NUL `␀`, DEL `␡` (newline `␊` and tab `␉` too, unless a multi-line block is shown);
- everything else invisible (C1 controls, bidi controls, zero-width and other format
  characters, line and paragraph separators, odd spaces, lone surrogates) becomes `⟨U+202E⟩`.

So `ESC ] 52 ; c ; … BEL` shows as `␛]52;c;…␇`, and what a person reads is what is there.
`handed_over` is the form of a command given to a shell or the clipboard (what is shown).
`displayable_output` is for the output of a command the person ran: it keeps SGR colour
sequences (`ESC [ … m`, except SGR 8, conceal) for the caller to render, and makes the rest
visible. `mask_credentials` hides the password of a URL (`http://user:***@host`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_PICTURES = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
# Invisible or look-alike characters outside the general categories checked below.
_EXTRA = frozenset(
    {
        0x034F,  # combining grapheme joiner
        0x115F,  # Hangul choseong filler
        0x1160,  # Hangul jungseong filler
        0x17B4,  # Khmer vowel inherent aq
        0x17B5,  # Khmer vowel inherent aa
        0x2800,  # braille pattern blank
        0x3164,  # Hangul filler
        0xFFA0,  # halfwidth Hangul filler
    }
)
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp", "Zs"})
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_URL_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s@:]*):([^/\s@]*)@")
_URL_USER_ONLY = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)([^/\s@:]+)@")


def is_hidden(char: str, *, multiline: bool = False) -> bool:
    """True for a character that a terminal would act on or that a reader would not see."""
    if char == " ":
        return False
    if multiline and char in "\n\t":
        return False
    code = ord(char)
    if code in _EXTRA or 0xE0000 <= code <= 0xE007F:  # tag characters
        return True
    return unicodedata.category(char) in _HIDDEN_CATEGORIES


def picture(char: str) -> str:
    """The visible stand-in for one hidden character."""
    code = ord(char)
    if code in _PICTURES:
        return _PICTURES[code]
    return f"⟨U+{code:04X}⟩"


def displayable(text: str, *, multiline: bool = False) -> str:
    """`text` with every hidden character made visible (see the module's notation).

    With `multiline`, newlines and tabs are kept (a block of several lines is shown); without,
    they are shown as `␊` and `␉`, so one line of display stays one line.
    """
    if text.isascii() and text.isprintable():
        return text
    return "".join(picture(c) if is_hidden(c, multiline=multiline) else c for c in text)


def hidden_characters(text: str, *, multiline: bool = True) -> list[str]:
    """The distinct hidden characters in `text`, in the module's notation, in order."""
    found = (picture(c) for c in text if is_hidden(c, multiline=multiline))
    return list(dict.fromkeys(found))


def has_hidden(text: str, *, multiline: bool = True) -> bool:
    """True when `displayable(text, multiline=...)` would change something."""
    return any(is_hidden(c, multiline=multiline) for c in text)


def handed_over(command: str) -> str:
    """The form of a command caro hands over (stdout, the shell widget's file, the clipboard,
    the workbench's accept): exactly what it shows, every hidden character visible. A command
    that carried one no longer runs as it would have; it runs as the person read it, or fails.
    Newlines and tabs stay (a heredoc or a line continuation is one command)."""
    return displayable(command, multiline=True)


def displayable_output(text: str) -> str:
    """Output of a command the person ran: SGR colours are kept, the rest made visible.

    Newlines and tabs are kept. A colour sequence with SGR 8 (conceal) in it is made visible
    too, since it would hide the text after it.
    """
    parts: list[str] = []
    start = 0
    for match in _SGR.finditer(text):
        parts.append(displayable(text[start : match.start()], multiline=True))
        params = match.group(1).replace(":", ";").split(";")
        sequence = match.group(0)
        parts.append(displayable(sequence) if "8" in params else sequence)
        start = match.end()
    parts.append(displayable(text[start:], multiline=True))
    return "".join(parts)


def mask_credentials(text: str) -> str:
    """`text` with the password of every URL in it replaced by `***`.

    `http://user:secret@host` becomes `http://user:***@host`; a user name alone
    (`http://token@host`, often a secret itself) becomes `http://***@host`.
    """
    if "@" not in text:
        return text
    masked = _URL_CREDENTIALS.sub(lambda m: f"{m.group(1)}{m.group(2)}:***@", text)
    return _URL_USER_ONLY.sub(lambda m: f"{m.group(1)}***@", masked)


def safe_message(text: str, *, multiline: bool = False) -> str:
    """A message for a person: credentials masked, hidden characters made visible."""
    return displayable(mask_credentials(text), multiline=multiline)


def json_text(value: Any, **options: Any) -> str:
    """`value` as JSON for a terminal: non-ASCII text stays readable, but every hidden
    character (C1 controls and bidi controls included, which `json.dumps` leaves raw) is
    written as a `\\uXXXX` escape, so the JSON is the same data and shows nothing raw."""
    text = json.dumps(value, ensure_ascii=False, **options)
    if text.isascii():
        return text
    return "".join(_json_escape(c) if is_hidden(c) and c != "\n" else c for c in text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
