"""What every served backend shares: the HTTP client, bounded line reading, error bodies in
every shape servers send, and turning transport failures into errors a person can act on.

An API key is read from the environment variable the config names and only ever placed in the
Authorization header: it is never part of a message, a repr or a log line.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from tui.core.backends.base import BackendError, ErrorKind
from tui.core.config import BackendConfig

# A single line (an SSE data line, an NDJSON object) longer than this is not a token delta.
MAX_LINE_BYTES = 1 << 20
# The largest JSON body caro reads whole (a model list, an error body).
MAX_BODY_BYTES = 4 << 20
# Error bodies are quoted in messages; beyond this they are cut.
MAX_QUOTED_CHARS = 300


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


async def iter_lines(
    response: httpx.Response, endpoint: Endpoint, max_line: int = MAX_LINE_BYTES
) -> AsyncIterator[str]:
    """The body's lines (without their \\n or \\r\\n), failing on one longer than `max_line`.

    httpx's own line iterator keeps a line of any length in memory; a server that sends
    megabytes without a newline must end the request instead.
    """
    pending = b""
    async for chunk in response.aiter_bytes():
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            yield _decode_line(line)
        if len(pending) > max_line:
            raise BackendError(
                f"the server sent a line longer than {max_line // 1024} KiB without a line break",
                fix="check that the URL points at an inference server",
                kind=ErrorKind.BAD_RESPONSE,
                backend=endpoint.name,
            )
    if pending:
        yield _decode_line(pending)


def _decode_line(raw: bytes) -> str:
    return raw.rstrip(b"\r").decode("utf-8", errors="replace")


async def read_body(
    response: httpx.Response, endpoint: Endpoint, limit: int = MAX_BODY_BYTES
) -> bytes:
    body = b""
    async for chunk in response.aiter_bytes():
        body += chunk
        if len(body) > limit:
            raise BackendError(
                f"{response.request.url.path} answered more than {limit >> 20} MiB",
                fix="check that the URL points at an inference server",
                kind=ErrorKind.BAD_RESPONSE,
                backend=endpoint.name,
            )
    return body


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
) -> Reply:
    """One request with its body read whole (bounded); transport failures as BackendError."""
    try:
        async with client.stream(method, path, json=payload) as response:
            body = await read_body(response, endpoint)
            return Reply(response.status_code, body, response.headers)
    except httpx.HTTPError as error:
        raise transport_error(error, endpoint) from None


async def get_json(client: httpx.AsyncClient, path: str, endpoint: Endpoint) -> Any:
    """GET a JSON document; any failure is a BackendError saying what went wrong."""
    reply = await fetch(client, "GET", path, endpoint)
    if reply.status >= 400:
        raise status_error(reply.status, reply.body, endpoint, path)
    return parse_json(reply.body, endpoint, path)


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


# ---------------------------------------------------------------------------------------------
# Error bodies in every shape.


@dataclass(frozen=True)
class ServerError:
    message: str
    code: str = ""


def parse_error_body(body: bytes | str) -> ServerError | None:
    """The message (and code or type) of an error body, in whichever shape the server used.

    Shapes: {"error": {"message", "type", "code"}} (OpenAI, vLLM, llama.cpp),
    {"object": "error", "message", "code"} (older vLLM), {"error": "text"} (Ollama, mlx_lm),
    {"detail": "text" | [{"msg", "loc"}]} (FastAPI), {"message": "text"}, or plain text.
    """
    text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
    if not text.strip():
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return ServerError(_cut(" ".join(text.split())))
    return error_from_json(data) or ServerError(_cut(" ".join(text.split())))


def error_from_json(data: Any) -> ServerError | None:
    """The error a JSON value carries, or None when it is not an error object."""
    if not isinstance(data, Mapping):
        return ServerError(_cut(data)) if isinstance(data, str) and data.strip() else None
    error = data.get("error")
    if isinstance(error, Mapping):
        message = error.get("message") or error.get("msg") or json.dumps(error)[:MAX_QUOTED_CHARS]
        return ServerError(_cut(str(message)), _code(error))
    if isinstance(error, str) and error:
        return ServerError(_cut(error))
    if data.get("object") == "error" and data.get("message"):
        return ServerError(_cut(str(data["message"])), _code(data))
    detail = data.get("detail")
    if isinstance(detail, str) and detail:
        return ServerError(_cut(detail))
    if isinstance(detail, list) and detail:
        return ServerError(_cut("; ".join(_validation_item(item) for item in detail)))
    if isinstance(data.get("message"), str) and data["message"]:
        return ServerError(_cut(data["message"]), _code(data))
    return None


def _code(data: Mapping[str, Any]) -> str:
    for key in ("code", "type"):
        value = data.get(key)
        if isinstance(value, str) and value and not value.isdigit():
            return value
    return ""


def _validation_item(item: Any) -> str:
    if isinstance(item, Mapping):
        where = ".".join(str(part) for part in item.get("loc", ()) if part != "body")
        return f"{where}: {item.get('msg', '')}" if where else str(item.get("msg", item))
    return str(item)


def _cut(text: str) -> str:
    return text if len(text) <= MAX_QUOTED_CHARS else text[:MAX_QUOTED_CHARS] + "..."


_CONTEXT_PATTERNS = re.compile(
    r"maximum context length|context_length_exceeded|exceed_context_size|exceeds the available "
    r"context|context size|context window|input length .* exceeds|too many tokens"
    r"|prompt is too long|input is too long",
    re.IGNORECASE,
)
_LIMIT = re.compile(r"(?:maximum context length is|context size of|n_ctx\D{0,4}|window of)\s*(\d+)")


def is_context_overflow(error: ServerError) -> bool:
    return bool(_CONTEXT_PATTERNS.search(f"{error.message} {error.code}"))


def context_limit(message: str) -> int | None:
    match = _LIMIT.search(message)
    return int(match.group(1)) if match else None


def status_error(status: int, body: bytes, endpoint: Endpoint, what: str) -> BackendError:
    """An HTTP error status with the server's own words and a fix that matches the status."""
    parsed = parse_error_body(body)
    said = parsed.message if parsed else httpx.codes.get_reason_phrase(status) or "no reason given"
    message = f"HTTP {status} from {what}: {said}"
    kind, fix = ErrorKind.SERVER, "see the server's log for the cause"
    if parsed and status in (400, 413, 422) and is_context_overflow(parsed):
        limit = context_limit(parsed.message)
        kind = ErrorKind.CONTEXT_OVERFLOW
        fix = "shorten the request or lower max_tokens" + (
            f" (the server's context holds {limit} tokens)" if limit else ""
        )
    elif status in (401, 403):
        kind, fix = ErrorKind.AUTH, f"set the API key: [backends.{endpoint.name}] api_key_env"
    elif status == 404 and what.endswith(("/chat/completions", "/api/chat")):
        kind, fix = ErrorKind.MODEL_MISSING, "check the model name and the URL"
    elif status == 404:
        kind = ErrorKind.CONFIG
        fix = f"{endpoint.url} has no {what}: check [backends.{endpoint.name}] url and kind"
    elif status in (400, 422):
        kind, fix = ErrorKind.BAD_RESPONSE, "the server refused the request: see its message"
    elif status in (408, 504):
        kind, fix = ErrorKind.TIMEOUT, endpoint.timeout_fix()
    elif status in (502, 503):
        kind, fix = ErrorKind.UNAVAILABLE, "the server is starting or overloaded; try again soon"
    return BackendError(message, fix=fix, kind=kind, backend=endpoint.name)


def transport_error(error: httpx.HTTPError, endpoint: Endpoint) -> BackendError:
    """A failure below HTTP (refused, timed out, cut) as an error with the matching fix."""
    where = endpoint.url
    if isinstance(error, httpx.TimeoutException):
        phase = {
            httpx.ConnectTimeout: "connecting to",
            httpx.ReadTimeout: "waiting for an answer from",
            httpx.WriteTimeout: "sending to",
            httpx.PoolTimeout: "waiting for a free connection to",
        }.get(type(error), "talking to")
        return BackendError(
            f"timed out after {endpoint.timeout_s:g} s {phase} {where}",
            fix=endpoint.timeout_fix(),
            kind=ErrorKind.TIMEOUT,
            backend=endpoint.name,
        )
    if isinstance(error, httpx.ConnectError):
        reason = "connection refused" if _refused(error) else f"cannot connect ({error})"
        return BackendError(
            f"{reason} at {where}",
            fix=endpoint.start_hint,
            kind=ErrorKind.CONNECTION,
            backend=endpoint.name,
        )
    if isinstance(error, httpx.RemoteProtocolError):
        return BackendError(
            f"the server at {where} closed the connection mid-answer ({error})",
            fix="see the server's log: it may have crashed or refused the request",
            kind=ErrorKind.BAD_RESPONSE,
            backend=endpoint.name,
        )
    if isinstance(error, httpx.DecodingError):
        return BackendError(
            f"the answer from {where} could not be decoded ({error})",
            fix="check that the URL points at an inference server",
            kind=ErrorKind.BAD_RESPONSE,
            backend=endpoint.name,
        )
    if isinstance(error, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return BackendError(
            f"the URL {where!r} is not usable ({error})",
            fix=f"set [backends.{endpoint.name}] url to http://HOST:PORT",
            kind=ErrorKind.CONFIG,
            backend=endpoint.name,
        )
    return BackendError(
        f"{type(error).__name__} talking to {where}: {error}",
        fix=endpoint.start_hint,
        kind=ErrorKind.CONNECTION,
        backend=endpoint.name,
    )


def _refused(error: httpx.ConnectError) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower():
            return True
        cause = cause.__cause__ or cause.__context__
    return False
