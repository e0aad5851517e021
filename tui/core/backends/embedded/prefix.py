"""Where two prompts stop agreeing: the arithmetic both embedded engines' prompt caches share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any


def common_prefix(left: Sequence[Any], right: Sequence[Any]) -> int:
    """How many leading items (tokens, characters) the two sequences share."""
    length = 0
    for a, b in zip(left, right, strict=False):
        if a != b:
            break
        length += 1
    return length


def system_boundary(
    system_alone: str,
    prompt_text: str,
    prompt: Sequence[int],
    encode: Callable[[str], Sequence[int]],
) -> int:
    """How many prompt tokens the system message covers.

    The template rendered with the system message alone shares a text prefix with the whole
    prompt; the tokens of that common text that agree with the prompt's tokens are a boundary
    that is safe to cache (tokenizers may merge across it, hence the token comparison).
    """
    text = prompt_text[: common_prefix(system_alone, prompt_text)]
    return common_prefix(list(encode(text)), prompt)
