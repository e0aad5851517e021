"""What served backends' failures become: error bodies in every shape servers send, HTTP
statuses and transport failures turned into errors that say what happened and how to fix it.

Each kind of failure has one wording; the exception text of the HTTP library, which changes
from run to run (and is often empty), never makes up the message.
"""

from __future__ import annotations

import email.utils
import json
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from tui.core.backends.base import BackendError, ErrorKind

if TYPE_CHECKING:
    from tui.core.backends.served.http import Endpoint

# Error bodies are quoted in messages; beyond this they are cut.
MAX_QUOTED_CHARS = 300
# The longest Retry-After a busy server may ask caro to wait once (and only within the deadline).
MAX_RETRY_AFTER_S = 30.0


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


def status_error(
    status: int,
    body: bytes,
    endpoint: Endpoint,
    what: str,
    headers: httpx.Headers | None = None,
) -> BackendError:
    """An HTTP error status with the server's own words and a fix that matches the status."""
    parsed = parse_error_body(body)
    said = parsed.message if parsed else httpx.codes.get_reason_phrase(status) or "no reason given"
    message = f"HTTP {status} from {what}: {said}"
    kind, fix = ErrorKind.SERVER, "see the server's log for the cause"
    if status == 429:
        return busy_error(endpoint, what, said, retry_after(headers))
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


def busy_error(endpoint: Endpoint, what: str, said: str, wait_s: float | None) -> BackendError:
    """HTTP 429: the server is there but will not take the request now."""
    when = f"in {_seconds(wait_s)} (its Retry-After)" if wait_s is not None else "in a moment"
    return BackendError(
        f"the server at {endpoint.url} is busy: HTTP 429 (too many requests) from {what}: {said}",
        fix=f"try again {when}; if it stays busy, lower the load on it or raise its limit on "
        "parallel requests",
        kind=ErrorKind.BUSY,
        backend=endpoint.name,
        retry_after_s=wait_s,
    )


def retry_after(headers: httpx.Headers | None, now: float | None = None) -> float | None:
    """Retry-After in seconds (a number of seconds or an HTTP date); None when absent or bad."""
    value = (headers or httpx.Headers()).get("retry-after", "").strip()
    if not value:
        return None
    if value.replace(".", "", 1).isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def wait_fits(error: BackendError, deadline: float | None) -> float | None:
    """The wait a busy server asked for, when it is short and fits before `deadline`."""
    wait_s = error.retry_after_s
    if error.kind is not ErrorKind.BUSY or wait_s is None or wait_s > MAX_RETRY_AFTER_S:
        return None
    if deadline is not None and time.monotonic() + wait_s + 1.0 > deadline:
        return None
    return wait_s


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 1 else f"{value:.1f} s"


def transport_error(error: httpx.HTTPError, endpoint: Endpoint) -> BackendError:
    """A failure below HTTP (refused, timed out, cut) as an error with the matching fix.

    Each kind of failure has one wording: the exception's own text (which varies from run to
    run, and is often empty) is not part of the message.
    """
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
        if _refused(error):
            reason = "connection refused"
        else:
            reason = f"cannot connect ({_cause_name(error)})"
        return BackendError(
            f"{reason} at {where}",
            fix=endpoint.start_hint,
            kind=ErrorKind.CONNECTION,
            backend=endpoint.name,
        )
    if isinstance(error, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return closed_error(endpoint)
    if isinstance(error, httpx.DecodingError):
        return BackendError(
            f"the answer from {where} could not be decoded (a compressed body that is broken)",
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
        f"the connection to {where} failed ({type(error).__name__})",
        fix=f"check that the server is running at {where}",
        kind=ErrorKind.CONNECTION,
        backend=endpoint.name,
    )


def closed_error(endpoint: Endpoint, after: str = "") -> BackendError:
    """The server closed (or reset) the connection before its answer was complete."""
    return BackendError(
        f"the server at {endpoint.url} closed the connection before its answer was complete"
        + (f" ({after})" if after else ""),
        fix=f"check that the server at {endpoint.url} is still running and see its log (a crash "
        "or a restart closes connections); a proxy or firewall in between can cut them too",
        kind=ErrorKind.CLOSED,
        backend=endpoint.name,
    )


def _refused(error: httpx.ConnectError) -> bool:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower():
            return True
        cause = cause.__cause__ or cause.__context__
    return False


def _cause_name(error: BaseException) -> str:
    """The deepest cause's text, for failures such as an unknown host name."""
    cause: BaseException = error
    while (cause.__cause__ or cause.__context__) is not None:
        cause = cause.__cause__ or cause.__context__  # type: ignore[assignment]
    text = str(cause).strip()
    return text or type(cause).__name__
