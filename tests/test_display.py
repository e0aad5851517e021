"""display: outside text reaches a terminal with every control and invisible character visible."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core.display import (
    _EXTRA,
    displayable,
    displayable_output,
    has_hidden,
    hidden_characters,
    mask_credentials,
    safe_message,
)

# What the issue saw reach a terminal, one of each kind.
HOSTILE = {
    "osc52": "\x1b]52;c;cm0gLXJmIH4=\x07",
    "clear": "\x1b[2J\x1b[H",
    "title": "\x1b]0;owned\x07",
    "conceal": "ls \x1b[8mrm -rf ~\x1b[0m",
    "c1_csi": "\x9b2J",
    "c1_osc": "\x9d0;x\x9c",
    "rlo": "ls \u202egnp.exe",
    "isolates": "a\u2066b\u2067c\u2068d\u2069",
    "marks": "x\u200ey\u200fz\u061c",
    "zero_width": "r\u200bm\u200c-\u200drf\u2060 /\ufeff",
    "cr": "ls -la\rrm -rf ~",
    "nul": "ls\x00rm",
    "del": "ls\x7f",
    "backspace": "rm\x08\x08ls",
    "tags": "ls\U000e0041",
    "line_separator": "a\u2028b\u2029c",
    "nbsp": "rm -rf /tmp\u00a0/",
}
# Characters that must never reach the terminal raw.
RAW = set(
    [chr(c) for c in range(0x20) if c not in (0x0A, 0x09)]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff"]
)


def raw_in(text: str) -> set[str]:
    return {c for c in text if c in RAW}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_every_kind_is_made_visible(name: str) -> None:
    text = HOSTILE[name]
    shown = displayable(text)
    assert not raw_in(shown)
    assert has_hidden(text)
    assert shown != text


def test_the_notation() -> None:
    assert displayable(HOSTILE["osc52"]) == "␛]52;c;cm0gLXJmIH4=␇"
    assert displayable("a\rb\x00c\x7f") == "a␍b␀c␡"
    assert displayable("ls \u202ex") == "ls ⟨U+202E⟩x"
    assert displayable("\x9b") == "⟨U+009B⟩"
    assert displayable("a\u200bb") == "a⟨U+200B⟩b"
    assert hidden_characters("a\x1b[1m\x1bb\u202e") == ["␛", "⟨U+202E⟩"]


def test_newline_and_tab_are_kept_only_in_a_block() -> None:
    assert displayable("a\nb\tc") == "a␊b␉c"
    assert displayable("a\nb\tc", multiline=True) == "a\nb\tc"
    assert displayable("a\r\nb", multiline=True) == "a␍\nb"
    assert not has_hidden("a\nb\tc")
    assert has_hidden("a\nb", multiline=False)


def test_ordinary_text_is_untouched() -> None:
    for text in ("ls -la", "find . -name '*.py' | xargs wc -l", "héllo wörld", "日本語", "🙂"):
        assert displayable(text) == text
        assert not has_hidden(text)
    assert displayable("printf '\\x1b[31m'") == "printf '\\x1b[31m'"  # the text, not an ESC


@given(st.text())
def test_nothing_raw_survives_any_text(text: str) -> None:
    for shown in (displayable(text), displayable(text, multiline=True), displayable_output(text)):
        assert not raw_in(shown)
        assert "\r" not in shown
        assert not any(unicodedata.category(c) == "Cs" for c in shown)
        shown.encode("utf-8")  # a lone surrogate would fail here


@given(st.text())
def test_a_single_line_stays_one_line(text: str) -> None:
    assert "\n" not in displayable(text)
    assert len(displayable(text).splitlines() or [""]) == 1


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp", "Zs"))))
def test_visible_text_is_never_changed(text: str) -> None:
    text = "".join(c for c in text if ord(c) not in _EXTRA)
    assert displayable(text) == text
    assert not has_hidden(text)


def test_output_keeps_colours_and_nothing_else() -> None:
    coloured = "\x1b[1;31merror\x1b[0m: \x1b[38;5;208mfile\x1b[m"
    assert displayable_output(coloured) == coloured
    assert displayable_output("a\nb\tc") == "a\nb\tc"
    hostile = "\x1b[31mred\x1b[0m\x1b]52;c;eA==\x07\x1b[2J"
    assert displayable_output(hostile) == "\x1b[31mred\x1b[0m␛]52;c;eA==␇␛[2J"
    assert displayable_output("\x1b[8msecret\x1b[0m") == "␛[8msecret\x1b[0m"
    assert displayable_output("\x1b[1;8mx") == "␛[1;8mx"
    assert displayable_output("\x1b[38;5;8mgrey") == "␛[38;5;8mgrey"  # conservative
    assert displayable_output("\x9b31m") == "⟨U+009B⟩31m"


@given(st.text())
def test_output_keeps_only_sgr_escapes(text: str) -> None:
    shown = displayable_output(text)
    index = shown.find("\x1b")
    while index != -1:
        end = shown.index("m", index)
        params = shown[index + 2 : end]
        assert shown[index + 1] == "["
        assert set(params) <= set("0123456789;:")
        assert "8" not in params.replace(":", ";").split(";")
        index = shown.find("\x1b", end)


def test_credentials_in_urls_are_masked() -> None:
    message = "connection refused at http://alice:s3cret@10.0.0.5:8080/v1 (try https://tok@h/)"
    masked = mask_credentials(message)
    assert "s3cret" not in masked
    assert "tok@" not in masked
    assert "http://alice:***@10.0.0.5:8080/v1" in masked
    assert "https://***@h/" in masked
    assert mask_credentials("http://localhost:11434") == "http://localhost:11434"
    assert mask_credentials("mail me at a@b.c") == "mail me at a@b.c"


def test_a_safe_message_masks_and_shows() -> None:
    shown = safe_message("bad reply from http://u:p@h: \x1b]0;x\x07")
    assert shown == "bad reply from http://u:***@h: ␛]0;x␇"
