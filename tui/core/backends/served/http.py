"""What every served backend shares: the HTTP client, bounded line reading, error bodies in
every shape servers send, and turning transport failures into errors a person can act on.

An API key is read from the environment variable the config names and only ever placed in the
Authorization header: it is never part of a message, a repr or a log line.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx

from tui.core.backends.base import BackendError, ErrorKind, Notice
from tui.core.backends.served.http_errors import MAX_QUOTED_CHARS, status_error, transport_error
from tui.core.config import BackendConfig

# A single line (an SSE data line, an NDJSON object) longer than this is not a token delta.
MAX_LINE_BYTES = 1 << 20
# The largest JSON body caro reads whole (an error body, a version).
MAX_BODY_BYTES = 4 << 20
# A model list may be larger (20,000 Ollama models take about 8 MiB), and hold this many JSON
# objects at most (an Ollama entry is two: itself and its details).
MAX_LIST_BYTES = 24 << 20
MAX_LIST_OBJECTS = 100_000


@dataclass(frozen=True)
class Endpoint:
    """Where a backend is, how long to wait for it, and what to say when it does not answer."""

    name: str
    url: str
    timeout_s: float
    start_hint: str

    def timeout_fix(self) -> str:
        raised = max(60, int(self.timeout_s * 2))
        return (
            f"raise [backends.{self.name}] timeout (now {self.timeout_s:g} s): "
            f"`caro config set backends.{self.name}.timeout {raised}`; or check the server's load"
        )


def endpoint_for(config: BackendConfig, default_url: str, start_hint: str) -> Endpoint:
    url = (config.url or default_url).rstrip("/")
    if url and "://" not in url:
        url = f"http://{url}"
    # People copy OpenAI base URLs ("http://host:8000/v1"); caro adds /v1 itself.
    url = url.removesuffix("/v1")
    return Endpoint(config.name, url, config.timeout, start_hint)


def api_key(config: BackendConfig) -> str | None:
    """The key from the environment variable the config names; a named but empty one is an error."""
    if not config.api_key_env:
        return None
    value = os.environ.get(config.api_key_env, "").strip()
    if not value:
        raise BackendError(
            f"the API key variable {config.api_key_env} is not set",
            fix=f"export {config.api_key_env}=... (or remove [backends.{config.name}] api_key_env)",
            kind=ErrorKind.AUTH,
            backend=config.name,
        )
    return value


def make_client(endpoint: Endpoint, key: str | None = None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return httpx.AsyncClient(
        base_url=endpoint.url,
        timeout=httpx.Timeout(endpoint.timeout_s),
        headers=headers,
        # A served backend is named by URL; a proxy from the environment would only get in between.
        trust_env=False,
    )


# ---------------------------------------------------------------------------------------------
# Reading bodies and lines, bounded.


@dataclass
class Utf8Check:
    """Counts the lines that were not valid UTF-8 (decoded with U+FFFD in their place)."""

    bad_lines: int = 0
    said: bool = False

    def notice(self) -> Notice | None:
        """A warning the first time a bad line was seen; None otherwise."""
        if not self.bad_lines or self.said:
            return None
        self.said = True
        return Notice(
            "the server sent bytes that are not valid UTF-8; they show as U+FFFD (\ufffd) "
            "and a command holding one is not used",
            warning=True,
        )


async def iter_lines(
    response: httpx.Response,
    endpoint: Endpoint,
    max_line: int = MAX_LINE_BYTES,
    utf8: Utf8Check | None = None,
) -> AsyncIterator[str]:
    """The body's lines (without their \\n or \\r\\n), failing on one longer than `max_line`.

    httpx's own line iterator keeps a line of any length in memory; a server that sends
    megabytes without a newline must end the request instead. Each line is decoded on its
    own, so a character split across two reads is whole again; bytes that are not UTF-8 are
    counted in `utf8`.
    """
    pending = bytearray()
    async for chunk in response.aiter_bytes():
        pending += chunk
        start = 0
        while (end := pending.find(b"\n", start)) != -1:
            yield _decode_line(bytes(pending[start:end]), utf8)
            start = end + 1
        del pending[:start]
        if len(pending) > max_line:
            raise BackendError(
                f"the server sent a line longer than {max_line // 1024} KiB without a line break",
                fix="check that the URL points at an inference server",
                kind=ErrorKind.BAD_RESPONSE,
                backend=endpoint.name,
            )
    if pending:
        yield _decode_line(bytes(pending), utf8)


def _decode_line(raw: bytes, utf8: Utf8Check | None = None) -> str:
    raw = raw.rstrip(b"\r")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        if utf8 is not None:
            utf8.bad_lines += 1
        return raw.decode("utf-8", errors="replace")


async def read_body(
    response: httpx.Response, endpoint: Endpoint, limit: int = MAX_BODY_BYTES
) -> bytes:
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > limit:
            raise BackendError(
                f"{response.request.url.path} answered more than {limit >> 20} MiB",
                fix="check that the URL points at an inference server",
                kind=ErrorKind.BAD_RESPONSE,
                backend=endpoint.name,
            )
    return bytes(body)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: httpx.Headers


async def fetch(
    client: httpx.AsyncClient,
    method: str,
    path: str,
    endpoint: Endpoint,
    payload: Any = None,
    limit: int = MAX_BODY_BYTES,
) -> Reply:
    """One request with its body read whole (bounded); transport failures as BackendError."""
    try:
        async with client.stream(method, path, json=payload) as response:
            body = await read_body(response, endpoint, limit)
            return Reply(response.status_code, body, response.headers)
    except httpx.HTTPError as error:
        raise transport_error(error, endpoint) from None


async def get_json(client: httpx.AsyncClient, path: str, endpoint: Endpoint) -> Any:
    """GET a JSON document; any failure is a BackendError saying what went wrong."""
    reply = await fetch(client, "GET", path, endpoint)
    if reply.status >= 400:
        raise status_error(reply.status, reply.body, endpoint, path, reply.headers)
    return parse_json(reply.body, endpoint, path)


async def get_model_list(client: httpx.AsyncClient, path: str, endpoint: Endpoint) -> Reply:
    """GET a model list (/v1/models, /api/tags): a larger body than other answers may be, but
    bounded in bytes and in entries, checked before the body is parsed."""
    reply = await fetch(client, "GET", path, endpoint, limit=MAX_LIST_BYTES)
    if reply.status >= 400:
        raise status_error(reply.status, reply.body, endpoint, path, reply.headers)
    if reply.body.count(b"{") > MAX_LIST_OBJECTS:
        raise BackendError(
            f"{path} holds more than {MAX_LIST_OBJECTS:,} JSON objects: caro reads lists of "
            f"up to {MAX_LIST_OBJECTS:,} entries",
            fix="check that the URL points at an inference server",
            kind=ErrorKind.BAD_RESPONSE,
            backend=endpoint.name,
        )
    return reply


def parse_json(body: bytes | str, endpoint: Endpoint, what: str) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):
        raise BackendError(
            f"{what} answered something that is not JSON: {quote(body)}",
            fix="check that the URL points at the right kind of server",
            kind=ErrorKind.BAD_RESPONSE,
            backend=endpoint.name,
        ) from None


def quote(body: bytes | str) -> str:
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    text = " ".join(text.split())
    if not text:
        return "(an empty body)"
    return repr(text if len(text) <= MAX_QUOTED_CHARS else text[:MAX_QUOTED_CHARS] + "...")


def check_stall(progress_at: float, endpoint: Endpoint) -> None:
    """Raises when nothing but keep-alives (or empty pieces) came for `timeout` seconds."""
    idle = time.monotonic() - progress_at
    if idle > endpoint.timeout_s:
        raise BackendError(
            f"no progress for {endpoint.timeout_s:g} s: the server at {endpoint.url} sent only "
            "keep-alives, no text",
            fix=endpoint.timeout_fix(),
            kind=ErrorKind.TIMEOUT,
            backend=endpoint.name,
        )
