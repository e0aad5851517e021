"""What an OpenAI-compatible server's answers say about its health: its /health reply, and a
/v1/models that failed on a server that may still chat."""

from __future__ import annotations

import time

import httpx

from tui.core.backends.base import BackendError, ErrorKind, Health, HealthStatus
from tui.core.backends.served.http import Endpoint
from tui.core.backends.served.http_errors import status_error

MODELS_PATH = "/v1/models"
# Failures where the server gave no HTTP answer at all.
NO_ANSWER = frozenset({ErrorKind.CONNECTION, ErrorKind.TIMEOUT})


def down(error: BackendError, started: float, fix: str = "") -> Health:
    return Health(
        HealthStatus.DOWN,
        latency_s=time.perf_counter() - started,
        detail=error.message,
        fix=fix or error.fix,
    )


def health_verdict(
    status: int, body: bytes, headers: httpx.Headers, endpoint: Endpoint
) -> Health | None:
    """/health's verdict; None when the server has no /health (llama-cpp-python, LM Studio)."""
    if status in (404, 405):
        return None
    if status < 300:
        return Health(HealthStatus.UP)
    error = status_error(status, body, endpoint, "/health", headers)
    if status == 503 and "load" in error.message.lower():
        return Health(HealthStatus.STARTING, detail=error.message, fix="wait for it to load")
    if status in (401, 403):
        return None  # some servers guard /health too; /v1/models will say what is wrong
    if error.kind is ErrorKind.BUSY:
        return Health(HealthStatus.DEGRADED, detail=f"busy: {error.message}", fix=error.fix)
    return Health(HealthStatus.DOWN, detail=error.message, fix=error.fix)


def list_failed(
    error: BackendError, has_health: bool, started: float, name: str, model: str | None
) -> Health:
    """/v1/models failed. A server that answers (a /health, or any HTTP status) is degraded,
    not down: with a model configured the chat does not need the list."""
    answered = has_health or error.kind not in NO_ANSWER
    busy = error.kind is ErrorKind.BUSY
    if not answered or (not has_health and not model and not busy):
        return down(error, started, needs_model(error, name))
    if busy:
        detail = f"busy: {error.message}"
    elif has_health:
        detail = f"/health answers but {MODELS_PATH} fails: {error.message}"
    else:
        detail = f"{MODELS_PATH} fails: {error.message}"
    fix = error.fix
    if not busy and model:
        fix = f"the chat uses the configured model {model}; {error.fix}"
    elif not busy:
        fix = needs_model(error, name)
    return Health(
        HealthStatus.DEGRADED, latency_s=time.perf_counter() - started, detail=detail, fix=fix
    )


def needs_model(error: BackendError, name: str) -> str:
    """The fix for a list that failed on a server that did answer, with no model set."""
    if error.kind in NO_ANSWER:
        return error.fix
    return f"{error.fix}; or set [backends.{name}] model so the chat does not need the list"
