"""A fake Ollama server for the client's tests, written from the API reference
(shared/reference/backends-api.md §1), since Ollama itself cannot run here.

What it follows: `GET /` ("Ollama is running") and `/api/version`; `/api/tags` and `/api/ps`
in their documented shapes (`details`, `size`, `context_length`, `size_vram`, `expires_at`);
`/api/chat` streaming NDJSON (`application/x-ndjson`, one object per line), sampler settings
read from `options` only (unknown option keys ignored, `stop` that is not a list refused with
400), 404 `{"error": "model 'x' not found"}` for a missing model, a final `done: true` line
that carries the last piece of text, `done_reason` and nanosecond timings; an `{"error": ...}`
line in the middle of an HTTP 200 stream when `fail_after` is set; `/api/pull` progress lines
per layer (`digest`, `total`, `completed`), then verifying/writing/success, and for an unknown
name the documented HTTP 200 + `pulling manifest` + error line.

Its limits: no model runs. Each model answers a scripted reply, split on spaces into "tokens";
`num_predict` counts those pieces, `stop` strings are honoured, temperature and the other
samplers are recorded but change nothing. Timings are computed from the fake's own clock.
Context length, truncation, `keep_alive`, `/api/show`, `/api/generate`, the /v1 layer, auth,
images, tools and thinking are not modelled. One request is answered at a time per connection
like any HTTP server; there is no model loading, so `load_duration` is always a few ms.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.servers import free_port

NDJSON = "application/x-ndjson"


@dataclass
class FakeModel:
    name: str
    reply: str = "ls -la\n"
    family: str = "qwen2"
    parameter_size: str = "1.5B"
    quantization: str = "Q4_K_M"
    size: int = 986_000_000
    capabilities: tuple[str, ...] = ("completion", "tools")
    loaded_context: int | None = None  # set: the model shows in /api/ps with this num_ctx


@dataclass
class FakeOllama:
    models: dict[str, FakeModel] = field(default_factory=dict)
    # Layers a pull of each name streams: name -> list of layer sizes in bytes.
    pullable: dict[str, list[int]] = field(default_factory=dict)
    fail_after: int | None = None  # pieces of text before an error line (HTTP 200 already sent)
    fail_message: str = "an error was encountered while running the model"
    piece_delay_s: float = 0.0
    version_string: str = "0.12.3"
    requests: list[dict[str, Any]] = field(default_factory=list)
    port: int = 0

    def add(self, model: FakeModel) -> FakeModel:
        self.models[model.name] = model
        return model

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- routes --------------------------------------------------------------------------

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/", self.root, methods=["GET", "HEAD"]),
                Route("/api/version", self.version, methods=["GET", "HEAD"]),
                Route("/api/tags", self.tags, methods=["GET", "HEAD"]),
                Route("/api/ps", self.ps, methods=["GET"]),
                Route("/api/chat", self.chat, methods=["POST"]),
                Route("/api/pull", self.pull, methods=["POST"]),
            ]
        )

    async def root(self, _request: Request) -> Response:
        return PlainTextResponse("Ollama is running")

    async def version(self, _request: Request) -> Response:
        return JSONResponse({"version": self.version_string})

    def _details(self, model: FakeModel) -> dict[str, Any]:
        return {
            "parent_model": "",
            "format": "gguf",
            "family": model.family,
            "families": [model.family],
            "parameter_size": model.parameter_size,
            "quantization_level": model.quantization,
        }

    async def tags(self, _request: Request) -> Response:
        models = [
            {
                "name": m.name,
                "model": m.name,
                "modified_at": "2026-08-01T10:00:00.000000000Z",
                "size": m.size,
                "digest": "a" * 64,
                "details": self._details(m),
                "capabilities": list(m.capabilities),
            }
            for m in self.models.values()
        ]
        return JSONResponse({"models": models})

    async def ps(self, _request: Request) -> Response:
        models = [
            {
                "name": m.name,
                "model": m.name,
                "size": m.size + 200_000_000,
                "digest": "a" * 64,
                "details": self._details(m),
                "expires_at": "2026-08-01T10:05:00.000000000Z",
                "size_vram": 0,
                "context_length": m.loaded_context,
            }
            for m in self.models.values()
            if m.loaded_context
        ]
        return JSONResponse({"models": models})

    async def chat(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        name = body.get("model") or body.get("name") or ""
        model = self.models.get(name)
        if model is None:
            return JSONResponse({"error": f"model '{name}' not found"}, status_code=404)
        options = body.get("options") or {}
        if "stop" in options and not isinstance(options["stop"], list):
            return JSONResponse({"error": 'option "stop" must be of type array'}, status_code=400)
        pieces = _pieces(model.reply, options)
        if body.get("stream", True) is False:
            return JSONResponse(self._final(name, "".join(pieces), pieces, options))
        return StreamingResponse(self._chat_lines(name, pieces, options), media_type=NDJSON)

    async def _chat_lines(
        self, name: str, pieces: list[str], options: dict[str, Any]
    ) -> AsyncIterator[bytes]:
        # The last piece travels in the done line, as the reference's example shows.
        for index, piece in enumerate(pieces[:-1]):
            if self.fail_after is not None and index >= self.fail_after:
                yield _line({"error": self.fail_message})
                return
            if self.piece_delay_s:
                await asyncio.sleep(self.piece_delay_s)
            yield _line(
                {
                    "model": name,
                    "created_at": "2026-08-01T10:00:00Z",
                    "message": {"role": "assistant", "content": piece},
                    "done": False,
                }
            )
        yield _line(self._final(name, pieces[-1] if pieces else "", pieces, options))

    def _final(
        self, name: str, text: str, pieces: list[str], options: dict[str, Any]
    ) -> dict[str, Any]:
        limit = options.get("num_predict", -1)
        hit_limit = isinstance(limit, int) and 0 <= limit <= len(pieces)
        return {
            "model": name,
            "created_at": "2026-08-01T10:00:01Z",
            "message": {"role": "assistant", "content": text},
            "done": True,
            "done_reason": "length" if hit_limit else "stop",
            "total_duration": 812_000_000,
            "load_duration": 2_100_000,
            "prompt_eval_count": 26,
            "prompt_eval_duration": 130_000_000,
            "eval_count": len(pieces),
            "eval_duration": 600_000_000,
        }

    async def pull(self, request: Request) -> Response:
        body = await request.json()
        name = body.get("model") or body.get("name") or ""
        return StreamingResponse(self._pull_lines(name), media_type=NDJSON)

    async def _pull_lines(self, name: str) -> AsyncIterator[bytes]:
        yield _line({"status": "pulling manifest"})
        layers = self.pullable.get(name)
        if layers is None:
            yield _line({"error": "pull model manifest: file does not exist"})
            return
        for number, total in enumerate(layers):
            digest = f"sha256:{number:012x}" + "b" * 52
            yield _line({"status": f"pulling {digest[7:19]}", "digest": digest, "total": total})
            for completed in (total // 3, 2 * total // 3, total):
                yield _line(
                    {
                        "status": f"pulling {digest[7:19]}",
                        "digest": digest,
                        "total": total,
                        "completed": completed,
                    }
                )
        for status in ("verifying sha256 digest", "writing manifest", "removing unused layers"):
            yield _line({"status": status})
        self.add(FakeModel(name))
        yield _line({"status": "success"})


def _line(data: dict[str, Any]) -> bytes:
    return (json.dumps(data) + "\n").encode()


def _pieces(reply: str, options: dict[str, Any]) -> list[str]:
    words = reply.split(" ")
    pieces = [w + " " for w in words[:-1]] + [words[-1]]
    for stop in options.get("stop", []):
        text = "".join(pieces)
        if stop in text:
            cut = text.index(stop)
            pieces = _resplit(text[:cut])
    limit = options.get("num_predict", -1)
    if isinstance(limit, int) and limit >= 0:
        pieces = pieces[:limit]
    return pieces


def _resplit(text: str) -> list[str]:
    if not text:
        return []
    words = text.split(" ")
    return [w + " " for w in words[:-1]] + ([words[-1]] if words[-1] else [])


class RunningFake:
    """Runs a FakeOllama with uvicorn in a thread, on a free loopback port."""

    def __init__(self, fake: FakeOllama) -> None:
        self.fake = fake
        fake.port = free_port()
        config = uvicorn.Config(
            fake.app(), host="127.0.0.1", port=fake.port, log_level="error", lifespan="off"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="fake-ollama", daemon=True)

    def __enter__(self) -> FakeOllama:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the fake Ollama did not start")
            time.sleep(0.01)
        return self.fake

    def __exit__(self, *_: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
