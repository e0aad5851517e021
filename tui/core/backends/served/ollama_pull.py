"""Pulling a model into Ollama through /api/pull: progress per layer, errors in any line.

The stream starts with `pulling manifest` on an HTTP 200 whatever happens next, so a
nonexistent model shows up as an `{"error": ...}` line, not as a status code.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from tui.core.backends.base import BackendError, ErrorKind
from tui.core.backends.served.framing import ndjson_object
from tui.core.backends.served.http import Endpoint, iter_lines, read_body
from tui.core.backends.served.http_errors import error_from_json, status_error, transport_error


@dataclass
class PullProgress:
    """Where a pull is: the last status line and bytes per layer (digest)."""

    status: str = ""
    totals: dict[str, int] = field(default_factory=dict)
    done: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.totals.values())

    @property
    def completed(self) -> int:
        return sum(self.done.values())

    @property
    def fraction(self) -> float | None:
        return self.completed / self.total if self.total else None

    def update(self, line: Mapping[str, Any]) -> None:
        self.status = str(line.get("status", self.status))
        digest = line.get("digest")
        if isinstance(digest, str) and digest:
            total, completed = line.get("total"), line.get("completed")
            if isinstance(total, int):
                self.totals[digest] = total
            if isinstance(completed, int):
                self.done[digest] = completed


async def pull_model(
    client: httpx.AsyncClient,
    endpoint: Endpoint,
    model: str,
    progress: Callable[[PullProgress], None],
) -> None:
    state = PullProgress()
    try:
        async with client.stream(
            "POST", "/api/pull", json={"model": model, "stream": True}
        ) as response:
            if response.status_code >= 400:
                body = await read_body(response, endpoint)
                raise status_error(response.status_code, body, endpoint, "/api/pull")
            async for line in iter_lines(response, endpoint):
                data = ndjson_object(line, endpoint.name)
                if data is None:
                    continue
                if "error" in data:
                    raise _pull_error(endpoint, model, data)
                state.update(data)
                progress(state)
                if state.status == "success":
                    return
    except httpx.HTTPError as error:
        raise transport_error(error, endpoint) from None
    raise BackendError(
        f"the pull of {model} ended before Ollama said success (last: {state.status!r})",
        fix=f"run it again: `ollama pull {model}` resumes where it stopped",
        kind=ErrorKind.BAD_RESPONSE,
        backend=endpoint.name,
    )


def _pull_error(endpoint: Endpoint, model: str, data: dict[str, Any]) -> BackendError:
    parsed = error_from_json(data)
    said = parsed.message if parsed else repr(data)
    missing = "file does not exist" in said or "not found" in said
    return BackendError(
        f"pulling {model} failed: {said}",
        fix="check the name at https://ollama.com/library"
        if missing
        else f"run it again: `ollama pull {model}` resumes where it stopped",
        kind=ErrorKind.MODEL_MISSING if missing else ErrorKind.SERVER,
        backend=endpoint.name,
    )
