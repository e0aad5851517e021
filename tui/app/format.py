"""The workbench's own readings of a model and a generation's timings, built on tui.present
(what the CLI shows too). Pure: the snapshot tests rely on it."""

from __future__ import annotations

from tui.core.backends.base import ModelInfo, Timings
from tui.present import seconds as seconds  # the compare view and the sidebar read it here
from tui.present import size


def context(tokens: int | None) -> str:
    if not tokens:
        return ""
    return f"{tokens // 1024}k ctx" if tokens >= 1024 else f"{tokens} ctx"


def timings(value: Timings | None) -> str:
    if value is None:
        return "no timings"
    rate = value.tokens_per_s
    parts = [
        f"first token {seconds(value.ttft_s)}",
        f"{rate:.1f} tok/s" if rate is not None else "— tok/s",
        f"total {seconds(value.total_s)}",
    ]
    if value.load_s:
        parts.append(f"load {seconds(value.load_s)}")
    return " · ".join(parts)


def model_badges(model: ModelInfo) -> list[str]:
    """Short facts shown next to a model: context, size, quantization, what it can do."""
    badges = ["cannot generate"] if not model.can_generate else []
    badges += [context(model.context_length), size(model.size_bytes), model.quantization]
    badges += sorted(c.value for c in model.capabilities if c.value != "generate")
    if model.loaded:
        badges.append("loaded")
    return [badge for badge in badges if badge]
