"""Reading a server's model list (/v1/models, /api/tags) without holding up the workbench.

A list of 20,000 models is megabytes of JSON. `json.loads` parses a body in one call that
holds the interpreter lock throughout (a fifth of a second here for 7 MB), so even in a
worker thread it stalls the screen. Large lists are therefore decoded entry by entry in a
thread, which lets the screen's thread run between entries; and a list whose bytes have not
changed since the last read (the usual case at every health check) is not decoded again.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from typing import Any

from tui.core.backends.served.http import Endpoint, parse_json

# Bodies at least this large are decoded entry by entry.
INCREMENTAL_BYTES = 256 << 10
# `{"models": [` or `{"object": "list", "data": [` at the start of a body.
_LIST_START = re.compile(r'\s*\{\s*(?:"object"\s*:\s*"list"\s*,\s*)?"(models|data)"\s*:\s*\[')
_SEPARATOR = re.compile(r"\s*(,|\])\s*")


class ModelListReader:
    """Decodes the model lists of one backend, remembering the last body of each path."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[bytes, Any]] = {}

    async def decode(self, body: bytes, endpoint: Endpoint, what: str) -> Any:
        """The JSON document of a list's body; the same object again for the same bytes."""
        return await asyncio.to_thread(self._decode, body, endpoint, what)

    def _decode(self, body: bytes, endpoint: Endpoint, what: str) -> Any:
        digest = hashlib.blake2b(body, digest_size=16).digest()
        last = self._last.get(what)
        if last is not None and last[0] == digest:
            return last[1]
        document = decode_list(body, endpoint, what)
        self._last[what] = (digest, document)
        return document


def decode_list(body: bytes, endpoint: Endpoint, what: str) -> Any:
    """The document, decoded entry by entry when it is large and shaped like a model list."""
    if len(body) < INCREMENTAL_BYTES:
        return parse_json(body, endpoint, what)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return parse_json(body, endpoint, what)
    start = _LIST_START.match(text)
    if start is None:
        return parse_json(text, endpoint, what)
    entries = _entries(text, start.end())
    if entries is None:
        return parse_json(text, endpoint, what)
    items, end = entries
    rest = text[end:].strip()
    try:
        others = json.loads("{" + rest[1:]) if rest.startswith(",") else json.loads("{" + rest)
    except ValueError:
        return parse_json(text, endpoint, what)  # says what is wrong with it
    head = json.loads(text[: start.start(1) - 1].rstrip().rstrip(",") + "}")
    return {**head, start.group(1): items, **others}


def _entries(text: str, position: int) -> tuple[list[Any], int] | None:
    """The array's entries from `position` (just after its `[`), and where it ends."""
    decoder = json.JSONDecoder()
    items: list[Any] = []
    closing = _SEPARATOR.match(text, position)
    if closing is not None and closing.group(1) == "]":
        return items, closing.end()
    while True:
        try:
            item, position = decoder.raw_decode(text, _skip_space(text, position))
        except ValueError:
            return None
        items.append(item)
        separator = _SEPARATOR.match(text, position)
        if separator is None:
            return None
        position = separator.end()
        if separator.group(1) == "]":
            return items, position


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
