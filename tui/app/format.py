"""Numbers as people read them, in one place (the snapshot tests rely on these being pure)."""

from __future__ import annotations

from tui.core.backends.base import ModelInfo, Timings


def seconds(value: float | None) -> str:
    if value is None:
        return "—"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def size(value: int | None) -> str:
    if value is None:
        return ""
    units = ("B", "kB", "MB", "GB", "TB")
    amount = float(value)
    for unit in units:
        if amount < 1000 or unit == units[-1]:
            return f"{amount:.0f} {unit}" if amount >= 10 else f"{amount:.1f} {unit}"
        amount /= 1000
    return ""  # unreachable: the loop always returns


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
