"""Ollama through its native API (default http://localhost:11434).

Health: `GET /api/version` (Ollama has no /health), else `GET /`. Models: `/api/tags`, with
`/api/ps` for the loaded ones (their memory and the context length they were really loaded
with). Generation: `/api/chat`, NDJSON, sampler settings inside `options`. An HTTP 200 does not
mean success: any line may be `{"error": ...}`, and the final `done: true` line may still carry
text; its timings are in nanoseconds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any

import httpx

from tui.core.backends import discovery
from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Notice,
    ReasoningDelta,
    Started,
    StreamEvent,
    TextDelta,
)
from tui.core.backends.served.framing import ndjson_object
from tui.core.backends.served.http import (
    Endpoint,
    Utf8Check,
    api_key,
    check_stall,
    endpoint_for,
    fetch,
    get_model_list,
    iter_lines,
    make_client,
    parse_json,
    read_body,
)
from tui.core.backends.served.http_errors import (
    error_from_json,
    is_context_overflow,
    status_error,
    transport_error,
    wait_fits,
)
from tui.core.backends.served.model_lists import ModelListReader
from tui.core.backends.served.ollama_pull import PullProgress, pull_model
from tui.core.backends.served.ollama_shapes import finished, loaded_summary, model_info, options_for
from tui.core.config import BackendConfig
from tui.core.display import mask_credentials

DEFAULT_URL = "http://localhost:11434"
START_HINT = "start it with `ollama serve`"
# A server that ignores num_predict is stopped once it sends this many times more pieces.
RUNAWAY_FACTOR = 2
# Lists at least this long are turned into ModelInfo values in a worker thread.
OFF_LOOP_MODELS = 500


class OllamaBackend:
    kind = "ollama"
    supports_prefix = False

    def __init__(self, config: BackendConfig) -> None:
        self.name = config.name
        self.config = config
        self.endpoint: Endpoint = endpoint_for(config, DEFAULT_URL, START_HINT)
        self._client: httpx.AsyncClient | None = None
        self._said: set[str] = set()
        self._lists = ModelListReader()

    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = make_client(self.endpoint, api_key(self.config))
        return self._client

    # -- health and models -------------------------------------------------------------------

    async def probe(self) -> Health:
        started = time.perf_counter()
        try:
            version = await self._version()
        except BackendError as error:
            busy = error.kind is ErrorKind.BUSY
            return Health(
                HealthStatus.DEGRADED if busy else HealthStatus.DOWN,
                latency_s=time.perf_counter() - started,
                detail=f"busy: {error.message}" if busy else error.message,
                fix=error.fix,
            )
        latency = time.perf_counter() - started
        try:
            running = await self._entries("/api/ps")
        except BackendError as error:
            return Health(
                HealthStatus.DEGRADED,
                latency_s=latency,
                version=version,
                detail=f"answers, but /api/ps fails: {error.message}",
                fix=error.fix,
            )
        loaded = tuple(str(entry["name"]) for entry in running)
        detail = (
            "loaded: " + ", ".join(loaded_summary(entry) for entry in running)
            if running
            else "no model loaded (loads on use)"
        )
        return Health(
            HealthStatus.UP, latency_s=latency, version=version, detail=detail, loaded_models=loaded
        )

    async def _version(self) -> str:
        reply = await fetch(self.client(), "GET", "/api/version", self.endpoint)
        if reply.status == 404:  # very old servers: the root page is the health check
            root = await fetch(self.client(), "GET", "/", self.endpoint)
            if root.status < 300 and b"ollama" in root.body.lower():
                return "Ollama"
            raise status_error(root.status, root.body, self.endpoint, "/")
        if reply.status >= 400:
            raise status_error(
                reply.status, reply.body, self.endpoint, "/api/version", reply.headers
            )
        data = parse_json(reply.body, self.endpoint, "/api/version")
        if not isinstance(data, dict) or "version" not in data:
            raise BackendError(
                f"{self.endpoint.url} answers /api/version without a version: is it Ollama?",
                fix=f"check [backends.{self.name}] host",
                kind=ErrorKind.BAD_RESPONSE,
                backend=self.name,
            )
        return f"Ollama {data['version']}"

    async def _entries(self, path: str) -> list[dict[str, Any]]:
        reply = await get_model_list(self.client(), path, self.endpoint)
        data = await self._lists.decode(reply.body, self.endpoint, path)
        models = data.get("models") if isinstance(data, dict) else None
        if not isinstance(models, list):
            raise BackendError(
                f"{path} did not list models",
                fix="check that the URL points at Ollama",
                kind=ErrorKind.BAD_RESPONSE,
                backend=self.name,
            )
        return [m for m in models if isinstance(m, dict) and isinstance(m.get("name"), str)]

    async def list_models(self) -> list[ModelInfo]:
        tags, running = await asyncio.gather(self._entries("/api/tags"), self._entries("/api/ps"))
        loaded = {str(m["name"]): m for m in running}
        source = f"{self.name} ({mask_credentials(self.endpoint.url)})"

        def build() -> list[ModelInfo]:
            return [model_info(entry, loaded.get(str(entry["name"])), source) for entry in tags]

        return build() if len(tags) < OFF_LOOP_MODELS else await asyncio.to_thread(build)

    # -- generation --------------------------------------------------------------------------

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._stream(request)

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        model = request.model or self.config.model
        if not model:
            model = await self._first_model()
            for notice in self._once(
                "model",
                f"model {model} (the first one Ollama has; "
                f"set [backends.{self.name}] model to choose)",
            ):
                yield notice
        options = options_for(request.sampler, self.config.n_ctx)
        payload = {
            "model": model,
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
            "options": options,
            # Without this Ollama silently drops the oldest messages (our examples) to fit.
            "truncate": False,
        }
        try:
            async for event in self._chat(payload, model, options["num_predict"]):
                yield event
        except BackendError as error:
            wait_s = wait_fits(error, request.deadline)
            if wait_s is None:
                raise
            yield Notice(f"Ollama is busy; trying once more in {wait_s:g} s, as it asks")
            await asyncio.sleep(wait_s)
            async for event in self._chat(payload, model, options["num_predict"]):
                yield event

    async def _chat(
        self, payload: dict[str, Any], model: str, max_tokens: int
    ) -> AsyncIterator[StreamEvent]:
        try:
            async with self.client().stream("POST", "/api/chat", json=payload) as response:
                if response.status_code >= 400:
                    body = await read_body(response, self.endpoint)
                    raise self._status_error(response.status_code, body, model, response.headers)
                yield Started(model=model)
                async for event in self._read(response, model, max_tokens):
                    yield event
        except httpx.HTTPError as error:
            await self._reset_client()
            raise transport_error(error, self.endpoint) from None
        except BackendError as error:
            if error.kind in (ErrorKind.BAD_RESPONSE, ErrorKind.TIMEOUT, ErrorKind.CLOSED):
                await self._reset_client()  # the connection may be left half-read
            raise

    async def _read(
        self, response: httpx.Response, model: str, max_tokens: int
    ) -> AsyncIterator[StreamEvent]:
        started = time.perf_counter()
        first: float | None = None
        deltas = chars = 0
        utf8 = Utf8Check()
        progress_at = time.monotonic()
        async for line in iter_lines(response, self.endpoint, utf8=utf8):
            warning = utf8.notice()
            if warning is not None:
                yield warning
            data = ndjson_object(line, self.name)
            if data is None:
                check_stall(progress_at, self.endpoint)
                continue
            if "error" in data:
                raise self._line_error(data, model, chars)
            message: dict[str, Any] = (
                data["message"] if isinstance(data.get("message"), dict) else {}
            )
            thinking = message.get("thinking")
            if isinstance(thinking, str) and thinking:
                progress_at = time.monotonic()
                yield ReasoningDelta(thinking)
            content = message.get("content")
            if isinstance(content, str) and content:
                progress_at = time.monotonic()
                first = first or time.perf_counter()
                deltas += 1
                chars += len(content)
                yield TextDelta(content)
            if data.get("done") is True:
                yield finished(data, model, started, first, deltas)
                return
            if deltas > max_tokens * RUNAWAY_FACTOR + 16:
                yield Notice(f"Ollama went past num_predict ({max_tokens}); caro stopped it")
                yield finished({"done_reason": "length"}, model, started, first, deltas)
                return
            check_stall(progress_at, self.endpoint)
        raise BackendError(
            f"the stream was cut after {chars} characters (no line with done: true)",
            fix="see Ollama's log (`journalctl -u ollama` or the app's log); "
            "the text received so far is kept",
            kind=ErrorKind.BAD_RESPONSE,
            backend=self.name,
        )

    def _line_error(self, data: dict[str, Any], model: str, chars: int) -> BackendError:
        parsed = error_from_json(data)
        said = parsed.message if parsed else repr(data.get("error"))
        if parsed and is_context_overflow(parsed):
            return BackendError(
                f"the request does not fit {model}'s context: {said}",
                fix=f"shorten the request, or raise [backends.{self.name}] n_ctx (num_ctx)",
                kind=ErrorKind.CONTEXT_OVERFLOW,
                backend=self.name,
            )
        if "not found" in said.lower():
            return self._missing(model, said)
        after = f" after {chars} characters" if chars else ""
        return BackendError(
            f"Ollama reported an error{after}: {said}",
            fix="see Ollama's log; the text received so far is kept",
            kind=ErrorKind.SERVER,
            backend=self.name,
        )

    def _status_error(
        self, status: int, body: bytes, model: str, headers: httpx.Headers
    ) -> BackendError:
        error = status_error(status, body, self.endpoint, "/api/chat", headers)
        if status == 404:
            return self._missing(model, error.message)
        return error

    def _missing(self, model: str, said: str) -> BackendError:
        return BackendError(
            f"model {model!r} is not in Ollama ({said})",
            fix=f"pull it: `ollama pull {model}` or `caro models pull ollama:{model}`",
            kind=ErrorKind.MODEL_MISSING,
            backend=self.name,
        )

    async def _first_model(self) -> str:
        try:
            entries = await self._entries("/api/tags")
        except BackendError as error:
            if error.kind in (ErrorKind.CONNECTION, ErrorKind.AUTH, ErrorKind.TIMEOUT):
                raise
            raise BackendError(
                f"no model is configured, and the model list failed: {error.message}",
                fix=f"set [backends.{self.name}] model (or --model) so the chat does not need "
                f"the list; {error.fix}",
                kind=error.kind,
                backend=self.name,
                retry_after_s=error.retry_after_s,
            ) from None
        for entry in entries:
            if discovery.infer(str(entry["name"])).can_generate:
                return str(entry["name"])
        raise BackendError(
            "Ollama has no model that generates text",
            fix="pull one: `ollama pull qwen2.5-coder:1.5b` "
            "(or `caro models pull ollama:qwen2.5-coder:1.5b`)",
            kind=ErrorKind.MODEL_MISSING,
            backend=self.name,
        )

    def _once(self, key: str, message: str) -> list[Notice]:
        if key in self._said:
            return []
        self._said.add(key)
        return [Notice(message)]

    # -- pulling -----------------------------------------------------------------------------

    async def pull(self, model: str, progress: Callable[[PullProgress], None]) -> None:
        """Pulls a model through /api/pull, reporting each progress line; errors raise."""
        await pull_model(self.client(), self.endpoint, model, progress)

    # -- the rest of the protocol ------------------------------------------------------------

    def describe(self) -> Mapping[str, object]:
        return {
            "engine": "Ollama (native API)",
            "url": self.endpoint.url,
            "model": self.config.model or "(Ollama's first model)",
            "why": self.config.model_source or "",
        }

    async def _reset_client(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    async def aclose(self) -> None:
        await self._reset_client()
