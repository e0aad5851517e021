"""Stream framing: server-sent events (OpenAI-compatible servers) and NDJSON (Ollama).

Both parsers take one line at a time (see `http.iter_lines`) and never raise anything but
`BackendError`, whatever the bytes: the hypothesis tests hold them to that.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tui.core.backends.base import BackendError, ErrorKind
from tui.core.backends.served.http import quote


@dataclass(frozen=True)
class SseEvent:
    data: str
    event: str = ""

    @property
    def is_done(self) -> bool:
        return self.data.strip() == "[DONE]"


class SseDecoder:
    """Collects `data:` lines into events, dispatched at each blank line.

    Lines starting with ":" are comments (keep-alives: `: ping`, `: keepalive 3/20`). An `error:`
    field, which llama-server builds of 2025 sent instead of a data line, becomes an event of
    type "error" so that its message is not lost.
    """

    def __init__(self) -> None:
        self._data: list[str] = []
        self._event = ""

    def feed(self, line: str) -> SseEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, sep, value = line.partition(":")
        if not sep:
            name, value = line, ""
        elif value.startswith(" "):
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "error":
            self._event = "error"
            self._data.append(value)
        return None

    def flush(self) -> SseEvent | None:
        """The event still pending when the stream ends without a final blank line."""
        return self._dispatch()

    def _dispatch(self) -> SseEvent | None:
        if not self._data:
            self._event = ""
            return None
        event = SseEvent("\n".join(self._data), self._event)
        self._data, self._event = [], ""
        return event


def sse_json(event: SseEvent, backend: str) -> list[dict[str, Any]]:
    """The JSON objects an event carries.

    Normally one; a server that forgets the blank line between events makes several data lines
    one event, each holding a whole object: those are read one by one.
    """
    try:
        return [_object(json.loads(event.data), event.data, backend)]
    except ValueError:
        pass
    except RecursionError:
        raise _not_json(event.data, backend) from None
    lines = event.data.split("\n")
    if len(lines) == 1:
        raise _not_json(event.data, backend)
    objects = []
    for line in lines:
        if line.strip() == "[DONE]":
            continue
        try:
            objects.append(_object(json.loads(line), line, backend))
        except (ValueError, RecursionError):
            raise _not_json(line, backend) from None
    return objects


def ndjson_object(line: str, backend: str) -> dict[str, Any] | None:
    """One NDJSON line as an object; None for a blank line."""
    if not line.strip():
        return None
    try:
        return _object(json.loads(line), line, backend)
    except (ValueError, RecursionError):
        raise _not_json(line, backend) from None


def _object(value: Any, raw: str, backend: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BackendError(
            f"the stream held a JSON value that is not an object: {quote(raw)}",
            fix="check that the URL points at the right kind of server",
            kind=ErrorKind.BAD_RESPONSE,
            backend=backend,
        )
    return value


def _not_json(raw: str, backend: str) -> BackendError:
    return BackendError(
        f"the stream held a line that is not JSON: {quote(raw)}",
        fix="check that the URL points at the right kind of server",
        kind=ErrorKind.BAD_RESPONSE,
        backend=backend,
    )
