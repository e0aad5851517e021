"""OpenAI-compatible servers (vLLM, vLLM-MLX, llama-server, llama-cpp-python's server,
mlx_lm.server, LocalAI, LM Studio, Xinference) through `/v1/chat/completions` with SSE.

Servers differ in what they accept beyond the OpenAI fields: top_k and min_p go to servers
known to take them (the dialect is recognised from /v1/models), to unknown servers once (a 400
naming them makes caro retry without them and say so), and never to Ollama's /v1 layer, which
drops them silently. Whatever is not applied is said once in a Notice.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import replace
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
    Started,
    StreamEvent,
)
from tui.core.backends.served.http import (
    Endpoint,
    api_key,
    endpoint_for,
    fetch,
    get_json,
    get_model_list,
    make_client,
    read_body,
)
from tui.core.backends.served.http_errors import status_error, transport_error, wait_fits
from tui.core.backends.served.model_lists import ModelListReader
from tui.core.backends.served.openai_dialects import (
    DIALECTS,
    Dialect,
    ServerInfo,
    build_payload,
    recognise,
    refused_fields,
)
from tui.core.backends.served.openai_health import MODELS_PATH, down, health_verdict, list_failed
from tui.core.backends.served.openai_stream import StreamState, cut_error, read_stream
from tui.core.config import BackendConfig
from tui.core.display import mask_credentials

CHAT_PATH = "/v1/chat/completions"
# A model list read this recently (by the probe) is reused by list_models.
LIST_REUSE_S = 2.0
# Lists at least this long are turned into ModelInfo values in a worker thread.
OFF_LOOP_MODELS = 500
# The model ids a Health keeps (the detail says how many there are).
MAX_LOADED_SHOWN = 50


class OpenAICompatibleBackend:
    kind = "openai"
    supports_prefix = False
    default_url = ""
    start_hint = "start the server, or check [backends.{name}] url"
    forced_dialect: str | None = None

    def __init__(self, config: BackendConfig) -> None:
        self.name = config.name
        self.config = config
        hint = self.start_hint.format(name=config.name)
        self.endpoint: Endpoint = endpoint_for(config, self.default_url, hint)
        self._client: httpx.AsyncClient | None = None
        self._server: ServerInfo | None = None
        self._said: set[str] = set()
        self._lists = ModelListReader()
        self._rejected: set[str] = set()
        self._listed_at = float("-inf")

    # -- plumbing ----------------------------------------------------------------------------

    def client(self) -> httpx.AsyncClient:
        if not self.endpoint.url:
            raise BackendError(
                "no URL is configured",
                fix=f"set [backends.{self.name}] url, e.g. `caro backends add {self.name} "
                "http://localhost:8080 --kind openai`",
                kind=ErrorKind.CONFIG,
                backend=self.name,
            )
        if self._client is None:
            self._client = make_client(self.endpoint, api_key(self.config))
        return self._client

    async def _reset_client(self) -> None:
        """Drops pooled connections: a server that broke a stream may have broken its socket."""
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    def _once(self, key: str, message: str) -> list[Notice]:
        if key in self._said:
            return []
        self._said.add(key)
        return [Notice(message)]

    async def server_info(self, refresh: bool = False) -> ServerInfo:
        """/v1/models, read once per backend (or again with refresh); the new list replaces
        the old one."""
        if self._server is not None and not refresh:
            return self._server
        reply = await get_model_list(self.client(), MODELS_PATH, self.endpoint)
        document = await self._lists.decode(reply.body, self.endpoint, MODELS_PATH)
        data = document.get("data") if isinstance(document, dict) else None
        if not isinstance(data, list):
            raise BackendError(
                f"{MODELS_PATH} did not list models (no 'data' list)",
                fix="check that the URL points at an OpenAI-compatible server",
                kind=ErrorKind.BAD_RESPONSE,
                backend=self.name,
            )
        entries = [entry for entry in data if isinstance(entry, dict)]
        dialect = recognise(entries, reply.headers.get("server", ""))
        if self.forced_dialect:
            dialect = DIALECTS[self.forced_dialect]
        self._server = ServerInfo(dialect, entries)
        self._listed_at = time.monotonic()
        return self._server

    async def _server_for_stream(self, wanted: str | None) -> tuple[ServerInfo, list[Notice]]:
        """The server's models, for choosing one. With a model configured or named, the chat
        does not need the list: a list that fails is said once and the chat goes ahead."""
        try:
            return await self.server_info(), []
        except BackendError as error:
            if error.kind in (ErrorKind.CONNECTION, ErrorKind.AUTH, ErrorKind.TIMEOUT):
                raise  # the chat would fail the same way
            if not wanted:
                raise BackendError(
                    f"no model is configured, and the model list failed: {error.message}",
                    fix=f"set [backends.{self.name}] model (or --model) so the chat does not "
                    f"need the list; {error.fix}",
                    kind=error.kind,
                    backend=self.name,
                    retry_after_s=error.retry_after_s,
                ) from None
            dialect = DIALECTS[self.forced_dialect or "unknown"]
            notice = (
                f"could not read {MODELS_PATH} ({error.message}); "
                f"trying the chat anyway with model {wanted}"
            )
            return ServerInfo(dialect, []), self._once("models-broken", notice)

    # -- health and models -------------------------------------------------------------------

    async def probe(self) -> Health:
        started = time.perf_counter()
        try:
            healthy = await self._health_endpoint()
        except BackendError as error:
            return down(error, started)
        if healthy is not None and healthy.status is not HealthStatus.UP:
            return replace(healthy, latency_s=time.perf_counter() - started)
        try:
            server = await self.server_info(refresh=True)
        except BackendError as error:
            return self._list_failed(error, healthy is not None, started)
        how = "GET /health" if healthy is not None else f"GET {MODELS_PATH} (no /health here)"
        return Health(
            HealthStatus.UP,
            latency_s=time.perf_counter() - started,
            version=await self._version(server),
            detail=f"{server.dialect.name}, {len(server.ids):,} model(s); checked with {how}",
            loaded_models=tuple(server.ids[:MAX_LOADED_SHOWN]),
        )

    def _list_failed(self, error: BackendError, has_health: bool, started: float) -> Health:
        return list_failed(error, has_health, started, self.name, self.config.model)

    async def _health_endpoint(self) -> Health | None:
        reply = await fetch(self.client(), "GET", "/health", self.endpoint)
        return health_verdict(reply.status, reply.body, reply.headers, self.endpoint)

    async def _version(self, server: ServerInfo) -> str | None:
        if server.dialect is not DIALECTS["vllm"]:
            return server.dialect.name
        try:
            data = await get_json(self.client(), "/version", self.endpoint)
        except BackendError:
            return "vLLM"
        version = data.get("version") if isinstance(data, dict) else None
        return f"vLLM {version}" if version else "vLLM"

    async def list_models(self) -> list[ModelInfo]:
        fresh = time.monotonic() - self._listed_at < LIST_REUSE_S
        server = await self.server_info(refresh=not fresh)
        loaded = server.dialect.name not in ("mlx_lm.server", "Ollama /v1")
        entries = [entry for entry in server.entries if entry.get("id")]
        if len(entries) < OFF_LOOP_MODELS:
            return [self._model_info(entry, loaded) for entry in entries]
        return await asyncio.to_thread(
            lambda: [self._model_info(entry, loaded) for entry in entries]
        )

    def _model_info(self, entry: dict[str, Any], loaded: bool) -> ModelInfo:
        meta: dict[str, Any] = entry["meta"] if isinstance(entry.get("meta"), dict) else {}
        context = entry.get("max_model_len") or entry.get("context_length") or meta.get("n_ctx")
        size = meta.get("size")
        return discovery.infer(
            str(entry["id"]),
            source=f"{self.name} ({mask_credentials(self.endpoint.url)})",
            context_length=context if isinstance(context, int) and context > 0 else None,
            size_bytes=size if isinstance(size, int) and size > 0 else None,
            loaded=loaded,
        )

    # -- generation --------------------------------------------------------------------------

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._stream(request)

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        server, notices = await self._server_for_stream(request.model or self.config.model)
        model, more = self._model_for(request, server)
        for notice in notices + more:
            yield notice
        payload, skipped = self._payload(request, model, server.dialect)
        if skipped:
            for notice in self._once(
                "skipped:" + ",".join(skipped),
                f"{server.dialect.name} does not take {', '.join(skipped)}; "
                "they are not applied on this backend",
            ):
                yield notice
        max_tokens = int(payload["max_tokens"])
        try:
            async for event in self._post(payload, model, max_tokens, retry=True):
                yield event
        except BackendError as error:
            wait_s = wait_fits(error, request.deadline)
            if wait_s is None:
                raise
            yield Notice(f"the server is busy; trying once more in {wait_s:g} s, as it asks")
            await asyncio.sleep(wait_s)
            async for event in self._post(payload, model, max_tokens, retry=True):
                yield event

    def _model_for(
        self, request: GenerationRequest, server: ServerInfo
    ) -> tuple[str, list[Notice]]:
        wanted = request.model or self.config.model
        ids = server.ids
        if not wanted:
            if not ids:
                raise BackendError(
                    "the server lists no model and none is configured",
                    fix=f"set [backends.{self.name}] model",
                    kind=ErrorKind.MODEL_MISSING,
                    backend=self.name,
                )
            chosen = next((i for i in ids if discovery.infer(i).can_generate), ids[0])
            why = "the only model it serves" if len(ids) == 1 else "the first model it lists"
            return chosen, self._once(
                "model", f"model {chosen} ({why}; set [backends.{self.name}] model to choose)"
            )
        if ids and wanted not in ids and not server.dialect.honours_model:
            return ids[0], self._once(
                f"ignored:{wanted}",
                f"model {wanted!r} is not served here: {server.dialect.name} answers with its "
                f"only model {ids[0]}",
            )
        return wanted, []

    def _payload(
        self, request: GenerationRequest, model: str, dialect: Dialect
    ) -> tuple[dict[str, Any], list[str]]:
        return build_payload(request, model, dialect, self._rejected)

    async def _post(
        self, payload: dict[str, Any], model: str, max_tokens: int, *, retry: bool
    ) -> AsyncIterator[StreamEvent]:
        state = StreamState(self.name, model)
        refused: list[str] = []
        cut: httpx.HTTPError | None = None
        try:
            async with self.client().stream("POST", CHAT_PATH, json=payload) as response:
                if response.status_code >= 400:
                    body = await read_body(response, self.endpoint)
                    error = status_error(
                        response.status_code, body, self.endpoint, CHAT_PATH, response.headers
                    )
                    refused = self._refused_fields(payload, error) if retry else []
                    if not refused:
                        raise await self._refine(error, model)
                else:
                    yield Started(model=model)
                    try:
                        async for event in read_stream(response, self.endpoint, state, max_tokens):
                            yield event
                    except (httpx.RemoteProtocolError, httpx.ReadError) as error:
                        cut = error  # the body ended badly after the 200
        except httpx.HTTPError as error:
            raise transport_error(error, self.endpoint) from None
        if refused:
            async for event in self._retry_without(refused, payload, model, max_tokens):
                yield event
        elif state.chunks == 0 and not state.done:
            await self._reset_client()
            raise await self._silent_end(payload)
        elif cut is not None:
            await self._reset_client()
            raise cut_error(state, cut)

    async def _retry_without(
        self, refused: list[str], payload: dict[str, Any], model: str, max_tokens: int
    ) -> AsyncIterator[StreamEvent]:
        self._rejected.update(refused)
        stripped = {key: value for key, value in payload.items() if key not in refused}
        names = ", ".join(sorted(refused))
        yield Notice(f"the server refused {names}; retried without: they are not applied")
        async for event in self._post(stripped, model, max_tokens, retry=False):
            yield event

    def _refused_fields(self, payload: dict[str, Any], error: BackendError) -> list[str]:
        if error.kind not in (ErrorKind.BAD_RESPONSE, ErrorKind.SERVER):
            return []
        return refused_fields(payload, error.message)

    async def _silent_end(self, payload: dict[str, Any]) -> BackendError:
        """Why a stream ended before its first chunk. Some servers (llama-cpp-python) fail a
        stream after the 200 without a word; the same request without streaming says why."""
        probe = {k: v for k, v in payload.items() if k != "stream_options"}
        probe.update(stream=False, max_tokens=1)
        try:
            reply = await fetch(self.client(), "POST", CHAT_PATH, self.endpoint, probe)
        except BackendError as failure:
            return failure
        if reply.status >= 400:
            error = status_error(reply.status, reply.body, self.endpoint, CHAT_PATH, reply.headers)
            return await self._refine(error, str(payload.get("model", "")))
        return BackendError(
            "the server ended the stream without sending anything",
            fix="see the server's log for the cause",
            kind=ErrorKind.BAD_RESPONSE,
            backend=self.name,
        )

    async def _refine(self, error: BackendError, model: str) -> BackendError:
        """Adds what caro knows to a server's error: the models it serves, for a 404."""
        if error.kind is ErrorKind.MODEL_MISSING:
            served = self._server.ids if self._server else []
            listing = ", ".join(served[:5]) or "none"
            error.fix = f"the server serves: {listing}; set [backends.{self.name}] model"
            error.message = f"model {model!r} not found: {error.message}"
        return error

    def describe(self) -> Mapping[str, object]:
        dialect = self._server.dialect.name if self._server else "not contacted yet"
        return {
            "engine": dialect,
            "url": self.endpoint.url,
            "model": self.config.model or "(the server's first model)",
            "why": self.config.model_source or "",
            "api_key_env": self.config.api_key_env or "",
        }

    async def aclose(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()
