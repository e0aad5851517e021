"""How soon caro gives up on what cannot answer, each wait against the limit it is meant to keep
(the timings the tests used to bound, measured here instead of asserted there):

- resolving the model with the Hub refusing connections (falls back to the bundled model);
- asking a Hub that accepts connections and never answers, with a 0.5 s timeout;
- `pull_file` with the Hub refusing connections (fails with the manual command);
- one answer from a backend that never says anything, with a 0.2 s deadline.

A ratio near or below 1 means caro kept its limit; well above 1, the person waits for nothing.

    .venv/bin/python bench/bench_offline.py
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tui.core.backends.base import (
    BackendError,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    Started,
    StreamEvent,
)

# The limits the tests used to assert, and the ones caro's code sets.
RESOLVE_LIMIT_S = 2.0
SILENT_HUB_TIMEOUT_S = 0.5
PULL_LIMIT_S = 2.0
DEADLINE_S = 0.2


class Silent:
    """A backend that starts an answer and then says nothing."""

    name = "silent"
    kind = "silent"
    supports_prefix = False

    async def probe(self) -> Health:
        return Health(HealthStatus.UP)

    async def list_models(self) -> list[ModelInfo]:
        return []

    def describe(self) -> Mapping[str, object]:
        return {}

    async def aclose(self) -> None:
        return None

    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        yield Started(model="silent")
        await asyncio.sleep(3600)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    with contextlib.suppress(Exception):  # each of these is meant to fail; only the time counts
        action()
    return time.perf_counter() - started


def resolve_offline() -> float:
    from tui.core.models.resolve import resolve_gguf

    return timed(lambda: resolve_gguf(None, notify=lambda _note: None))


def silent_hub() -> float:
    from tui.core.models import resolve as models

    with socket.socket() as silent:  # accepts connections (backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        refused = os.environ["HF_ENDPOINT"]
        os.environ["HF_ENDPOINT"] = f"http://127.0.0.1:{silent.getsockname()[1]}"
        try:
            return timed(
                lambda: models.hub_offers(models.RECOMMENDED, timeout_s=SILENT_HUB_TIMEOUT_S)
            )
        finally:
            os.environ["HF_ENDPOINT"] = refused


def pull_offline(folder: Path) -> float:
    from tui.core.models.download import pull_file

    return timed(lambda: pull_file("Org/Tiny-Coder-GGUF", "tiny.gguf", folder / "models"))


def silent_answer() -> float:
    from tui.core.generation.context import ShellContext
    from tui.core.generation.pipeline import GenerationSettings, generate_command

    # No grounding and no installed-program lookups: what is timed is the wait for the answer.
    settings = GenerationSettings(
        candidates=1, deadline_s=DEADLINE_S, ground_below=0, prefer_installed=False
    )
    context = ShellContext(os_name="Linux", shell="bash", cwd="/tmp")

    async def ask() -> None:
        with contextlib.suppress(BackendError):
            await generate_command(Silent(), "list files", context=context, settings=settings)

    return timed(lambda: asyncio.run(ask()))


def warm_up() -> None:
    """Imports and the example bank first: the rows are about waiting, not about loading."""
    import httpx  # noqa: F401

    from tui.core.generation.examples import default_bank
    from tui.core.models import download  # noqa: F401
    from tui.core.models import resolve as models  # noqa: F401

    default_bank()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="caro-bench-offline-") as folder:
        root = Path(folder)
        os.environ.update(
            {
                "CARO_CONFIG": str(root / "config.toml"),
                "CARO_CACHE_DIR": str(root / "cache"),
                "CARO_DATA_DIR": str(root / "data"),
                "HF_ENDPOINT": f"http://127.0.0.1:{closed_port()}",
                "HF_HUB_DISABLE_TELEMETRY": "1",
            }
        )
        os.environ.pop("CARO_MODELS_DIR", None)
        warm_up()
        rows = [
            ("model resolution, Hub refusing", resolve_offline(), RESOLVE_LIMIT_S),
            ("Hub that never answers", silent_hub(), SILENT_HUB_TIMEOUT_S),
            ("pull, Hub refusing", pull_offline(root), PULL_LIMIT_S),
            ("answer that never comes", silent_answer(), DEADLINE_S),
        ]
    print(f"{'wait':<34} {'took':>9} {'limit':>8} {'ratio':>7}")
    for label, took, limit in rows:
        print(f"{label:<34} {took:>8.3f}s {limit:>7.2f}s {took / limit:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
