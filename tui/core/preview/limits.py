"""The preview's hard limits: time, processes, memory, written bytes, kept output."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

DEFAULT_TIMEOUT_S = 5.0
MAX_TIMEOUT_S = 120.0


@dataclass(frozen=True)
class Limits:
    """`timeout_s` bounds the command's run; `write_bytes` sizes the tmpfs holding every overlay's
    changes (so all the files it writes together); `file_bytes` one file (RLIMIT_FSIZE);
    `processes` RLIMIT_NPROC in the preview's user namespace; `memory_bytes` RLIMIT_AS."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    processes: int = 256
    memory_bytes: int = 4 << 30
    write_bytes: int = 512 << 20
    file_bytes: int = 256 << 20
    output_bytes: int = 64 << 10
    trace_bytes: int = 2 << 20

    def __post_init__(self) -> None:
        if not 0 < self.timeout_s <= MAX_TIMEOUT_S:
            raise ValueError(
                f"the preview's time limit must be between 0 and {MAX_TIMEOUT_S:g} seconds, "
                f"not {self.timeout_s:g}"
            )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def setup_margin_s(self) -> float:
        """Time on top of `timeout_s` for building the view and reading the changes."""
        return 20.0 + self.timeout_s


def limits_for(timeout_s: float) -> Limits:
    """The default limits with the person's time limit ([safety] preview_timeout_s), capped."""
    return Limits(timeout_s=min(max(timeout_s, 0.1), MAX_TIMEOUT_S))
