"""What OpenAI-compatible servers accept beyond the OpenAI fields, and the request caro sends.

The dialect is recognised from `/v1/models` (`owned_by`: "vllm", "llamacpp" for llama-server,
"me" for llama-cpp-python, "library" for Ollama's /v1) and, for mlx_lm.server, which names no
owner, from its `Server: BaseHTTP` header. An unrecognised server gets top_k and min_p once:
a 400 that names them makes the client retry without them and say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tui.core.backends.base import GenerationRequest

DEFAULT_MAX_TOKENS = 256
# Fields a server may refuse; the request is retried without the ones its error names.
OPTIONAL_FIELDS = ("top_k", "min_p", "repeat_penalty", "repetition_penalty", "stream_options")


@dataclass(frozen=True)
class Dialect:
    name: str
    # caro's sampler field -> the request field this server reads.
    extras: Mapping[str, str]
    # Whether the model field picks the model (False: the server answers with its only model).
    honours_model: bool = True


LLAMA_CPP_EXTRAS = {"top_k": "top_k", "min_p": "min_p", "repeat_penalty": "repeat_penalty"}
VLLM_EXTRAS = {"top_k": "top_k", "min_p": "min_p", "repeat_penalty": "repetition_penalty"}
DIALECTS: dict[str, Dialect] = {
    "vllm": Dialect("vLLM", VLLM_EXTRAS),
    "llamacpp": Dialect("llama.cpp llama-server", LLAMA_CPP_EXTRAS),
    "me": Dialect("llama-cpp-python server", LLAMA_CPP_EXTRAS, honours_model=False),
    "mlx_lm": Dialect("mlx_lm.server", VLLM_EXTRAS),
    "library": Dialect("Ollama /v1", {}),
    "unknown": Dialect("an OpenAI-compatible server", {"top_k": "top_k", "min_p": "min_p"}),
}


def recognise(entries: list[dict[str, Any]], server_header: str) -> Dialect:
    """The server's dialect from its /v1/models entries (owned_by) and its Server header."""
    owners = {str(entry.get("owned_by", "")) for entry in entries}
    for owner in ("vllm", "llamacpp", "me", "library"):
        if owner in owners:
            return DIALECTS[owner]
    if server_header.startswith("BaseHTTP") and entries and "owned_by" not in entries[0]:
        return DIALECTS["mlx_lm"]
    return DIALECTS["unknown"]


@dataclass
class ServerInfo:
    dialect: Dialect
    entries: list[dict[str, Any]]

    @property
    def ids(self) -> list[str]:
        return [str(entry["id"]) for entry in self.entries if entry.get("id")]


def build_payload(
    request: GenerationRequest, model: str, dialect: Dialect, rejected: set[str]
) -> tuple[dict[str, Any], list[str]]:
    """The chat request, and the sampler settings this server does not take (to be said)."""
    sampler = request.sampler
    payload: dict[str, Any] = {
        "model": model,
        "messages": [{"role": m.role, "content": m.content} for m in request.messages],
        "stream": True,
        # Always sent: servers' defaults range from 16 tokens to the whole context.
        "max_tokens": sampler.max_tokens or DEFAULT_MAX_TOKENS,
    }
    if "stream_options" not in rejected:
        payload["stream_options"] = {"include_usage": True}
    for field in ("temperature", "top_p", "seed"):
        value = getattr(sampler, field)
        if value is not None:
            payload[field] = value
    if sampler.stop:
        payload["stop"] = list(sampler.stop)
    skipped = []
    for field in ("top_k", "min_p", "repeat_penalty"):
        value = getattr(sampler, field)
        if value is None:
            continue
        theirs = dialect.extras.get(field)
        if theirs and field not in rejected and theirs not in rejected:
            payload[theirs] = value
        else:
            skipped.append(field)
    return payload, skipped


def refused_fields(payload: Mapping[str, Any], message: str) -> list[str]:
    """The optional fields of `payload` that a server's error message names."""
    said = message.lower()
    return [name for name in OPTIONAL_FIELDS if name in payload and name in said]
