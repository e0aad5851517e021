"""What Ollama's JSON means to caro: sampler settings as `options`, a model list entry as a
ModelInfo, a loaded model's summary, and the final `done` line as timings (in nanoseconds)."""

from __future__ import annotations

import time
from typing import Any

from tui.core.backends import discovery
from tui.core.backends.base import (
    Capability,
    Finished,
    FinishReason,
    ModelInfo,
    SamplerSettings,
    Timings,
)

DEFAULT_MAX_TOKENS = 256
NS = 1e9
CAPABILITIES = {
    "completion": Capability.GENERATE,
    "embedding": Capability.EMBED,
    "vision": Capability.VISION,
    "tools": Capability.TOOLS,
    "thinking": Capability.REASONING,
    "audio": Capability.AUDIO,
}
OPTION_NAMES = {
    "temperature": "temperature",
    "top_p": "top_p",
    "top_k": "top_k",
    "min_p": "min_p",
    "repeat_penalty": "repeat_penalty",
    "seed": "seed",
}


def options_for(sampler: SamplerSettings, num_ctx: int | None = None) -> dict[str, Any]:
    """caro's sampler settings as Ollama's `options` (stop is a list; num_predict is max_tokens)."""
    options: dict[str, Any] = {"num_predict": sampler.max_tokens or DEFAULT_MAX_TOKENS}
    for ours, theirs in OPTION_NAMES.items():
        value = getattr(sampler, ours)
        if value is not None:
            options[theirs] = value
    if sampler.stop:
        options["stop"] = list(sampler.stop)
    if num_ctx:
        options["num_ctx"] = num_ctx
    return options


def model_info(entry: dict[str, Any], running: dict[str, Any] | None, source: str) -> ModelInfo:
    """One /api/tags entry (with its /api/ps entry when loaded) as a ModelInfo."""
    details: dict[str, Any] = entry["details"] if isinstance(entry.get("details"), dict) else {}
    named = entry.get("capabilities")
    capabilities = (
        frozenset(CAPABILITIES[c] for c in named if c in CAPABILITIES)
        if isinstance(named, list) and any(c in CAPABILITIES for c in named)
        else None
    )
    context = running.get("context_length") if running else None
    size = entry.get("size")
    return discovery.infer(
        str(entry["name"]),
        source=source,
        context_length=context if isinstance(context, int) and context > 0 else None,
        size_bytes=size if isinstance(size, int) and size > 0 else None,
        quantization=str(details.get("quantization_level") or ""),
        family=str(details.get("family") or ""),
        capabilities=capabilities,
        loaded=running is not None,
    )


def loaded_summary(entry: dict[str, Any]) -> str:
    """A loaded model with its memory, where it runs and the context it was loaded with."""
    size, vram, context = entry.get("size"), entry.get("size_vram"), entry.get("context_length")
    parts = []
    if isinstance(size, int) and size > 0:
        parts.append(f"{size / 1e9:.1f} GB")
        if isinstance(vram, int):
            share = min(100, vram * 100 // size)
            parts.append({0: "CPU", 100: "GPU"}.get(share, f"{share}% GPU"))
    if isinstance(context, int) and context > 0:
        parts.append(f"context {context}")
    return f"{entry['name']} ({', '.join(parts)})" if parts else str(entry["name"])


def finished(
    data: dict[str, Any], model: str, started: float, first: float | None, deltas: int
) -> Finished:
    def count(key: str) -> int | None:
        value = data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    load_ns = count("load_duration")
    reason: FinishReason = "length" if data.get("done_reason") == "length" else "stop"
    return Finished(
        Timings(
            ttft_s=None if first is None else first - started,
            total_s=time.perf_counter() - started,
            prompt_tokens=count("prompt_eval_count"),
            completion_tokens=count("eval_count") or deltas or None,
            # Ollama reports a load in every request (a few ms when the model is resident).
            load_s=load_ns / NS if load_ns and load_ns > 0.05 * NS else None,
        ),
        finish_reason=reason,
        model=str(data.get("model") or model),
    )
