"""The warm engine host's wire format, shared by the host and its clients.

Frames are a 4-byte big-endian length and that many bytes of one JSON object. A client opens one
connection per operation: `hello` (both sides state their version; a host of another version is
replaced), then `generate`, `status` or `stop`. During `generate` the host sends the stream's
events as frames, and `alive` frames while the request waits its turn or the model loads; the
client may send `cancel` (or just close) at any time.

Nothing here imports llama-cpp-python: the client side of the one-shot path stays light.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import struct
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from tui import __version__
from tui.core import paths
from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Message,
    Notice,
    ReasoningDelta,
    SamplerSettings,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.config import BackendConfig

PROTOCOL = 1
MAX_FRAME = 16 * 1024 * 1024
SOCKET_NAME = "engine.sock"
PID_NAME = "engine.pid"
LOCK_NAME = "engine.lock"
SPAWN_LOCK_NAME = "spawn.lock"
# Longest path a Unix socket address holds on Linux and macOS (sun_path, with its NUL).
MAX_SOCKET_PATH = 103


class WireError(Exception):
    """The other side sent something that is not a frame of this protocol, or went away."""


def host_version() -> str:
    """caro's version, the protocol, and a fingerprint of the engine's code on disk.

    The fingerprint makes a host started before the code changed (an upgrade, another checkout
    of caro) count as another version, so it is replaced instead of answering with old code.
    """
    here = Path(__file__).resolve().parent.parent  # all of backends/
    return f"{__version__}/p{PROTOCOL}/{source_stamp(here)[:12]}"


def source_stamp(folder: Path) -> str:
    """A fingerprint of the Python code below `folder` (each module's path, size and time)."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def socket_path() -> Path:
    return paths.engine_runtime_dir() / SOCKET_NAME


# -- frames -----------------------------------------------------------------------------------


def encode(frame: dict[str, Any]) -> bytes:
    body = json.dumps(frame, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return struct.pack(">I", len(body)) + body


async def read_frame(reader: asyncio.StreamReader) -> dict[str, Any] | None:
    """The next frame, or None when the other side closed the connection between frames."""
    try:
        header = await reader.readexactly(4)
    except asyncio.IncompleteReadError as error:
        if error.partial:
            raise WireError("the connection closed inside a frame") from None
        return None
    (length,) = struct.unpack(">I", header)
    if length > MAX_FRAME:
        raise WireError(f"a frame of {length} bytes is larger than the limit")
    try:
        body = await reader.readexactly(length)
    except asyncio.IncompleteReadError:
        raise WireError("the connection closed inside a frame") from None
    try:
        frame = json.loads(body)
    except ValueError as error:
        raise WireError(f"a frame is not JSON ({error})") from None
    if not isinstance(frame, dict):
        raise WireError("a frame is not a JSON object")
    return frame


# -- values -----------------------------------------------------------------------------------

# The BackendConfig fields that decide what the host loads and how it answers.
ENGINE_FIELDS = (
    "name",
    "kind",
    "model",
    "model_source",
    "threads",
    "gpu",
    "n_ctx",
    "prompt_cache",
    "max_cache_entries",
    "max_kv_size",
)


def config_to_wire(config: BackendConfig) -> dict[str, Any]:
    return {name: getattr(config, name) for name in ENGINE_FIELDS}


def config_from_wire(data: dict[str, Any]) -> BackendConfig:
    known = {f.name for f in fields(BackendConfig)} & set(ENGINE_FIELDS)
    return BackendConfig(**{key: value for key, value in data.items() if key in known})


def request_to_wire(request: GenerationRequest) -> dict[str, Any]:
    sampler = {
        k: list(v) if isinstance(v, tuple) else v for k, v in request.sampler.as_dict().items()
    }
    return {
        "messages": [[m.role, m.content] for m in request.messages],
        "sampler": sampler,
        "model": request.model,
        "response_prefix": request.response_prefix,
    }


def request_from_wire(data: dict[str, Any]) -> GenerationRequest:
    sampler = dict(data.get("sampler", {}))
    if "stop" in sampler:
        sampler["stop"] = tuple(sampler["stop"])
    return GenerationRequest(
        messages=tuple(Message(role, content) for role, content in data["messages"]),
        sampler=SamplerSettings(**sampler),
        model=data.get("model"),
        response_prefix=data.get("response_prefix", ""),
    )


def event_to_wire(event: StreamEvent) -> dict[str, Any]:
    if isinstance(event, TextDelta):
        return {"event": "delta", "text": event.text}
    if isinstance(event, ReasoningDelta):
        return {"event": "reasoning", "text": event.text}
    if isinstance(event, Notice):
        return {"event": "notice", "message": event.message}
    if isinstance(event, Started):
        return {"event": "started", **asdict(event)}
    return {
        "event": "finished",
        "timings": asdict(event.timings),
        "finish_reason": event.finish_reason,
        "model": event.model,
    }


def event_from_wire(frame: dict[str, Any]) -> StreamEvent | None:
    """The stream event a frame carries; None for `alive`; raises the host's BackendError."""
    kind = frame.get("event")
    try:
        if kind == "delta":
            return TextDelta(str(frame["text"]))
        if kind == "reasoning":
            return ReasoningDelta(str(frame["text"]))
        if kind == "notice":
            return Notice(str(frame["message"]))
        if kind == "started":
            return Started(**{k: v for k, v in frame.items() if k != "event"})
        if kind == "finished":
            return Finished(
                Timings(**frame["timings"]), frame["finish_reason"], str(frame.get("model", ""))
            )
        if kind == "alive":
            return None
        if kind == "error":
            raise error_from_wire(frame)
    except (KeyError, TypeError, ValueError) as error:
        raise WireError(f"a malformed {kind} frame ({error})") from None
    raise WireError(f"an unknown frame {kind!r}")


def error_to_wire(error: BackendError) -> dict[str, Any]:
    return {"event": "error", "message": error.message, "fix": error.fix, "kind": str(error.kind)}


def error_from_wire(frame: dict[str, Any]) -> BackendError:
    try:
        kind = ErrorKind(frame.get("kind", "server"))
    except ValueError:
        kind = ErrorKind.SERVER
    return BackendError(str(frame.get("message", "")), fix=str(frame.get("fix", "")), kind=kind)


@dataclass(frozen=True)
class HostStatus:
    """What a running host says about itself."""

    pid: int
    version: str
    model: str
    model_path: str
    rss_bytes: int
    idle_s: float
    keep_alive_s: float
    active: int
    served: int
    uptime_s: float
    engine_version: str = ""  # llama-cpp-python's

    @property
    def idle_left_s(self) -> float | None:
        """Seconds until it exits if nobody asks; None while it is answering."""
        if self.active:
            return None
        return max(0.0, self.keep_alive_s - self.idle_s)

    @classmethod
    def from_wire(cls, frame: dict[str, Any]) -> HostStatus:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in frame.items() if k in names})
