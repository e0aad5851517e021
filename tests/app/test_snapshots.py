"""How the workbench looks, as SVG snapshots (pytest-textual-snapshot).

The pictures must not change from run to run, so the backends here are scripted (fixed answers,
fixed timings, fixed latencies), the shell context is fixed, the cursor does not blink, and the
terminal has a fixed size. Update them with `pytest tests/app/test_snapshots.py --snapshot-update`
after looking at the report.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from tui.app import format, jobs
from tui.app.widgets.prompt import PromptArea
from tui.core.backends.base import Health, HealthStatus
from tui.core.safety import Assessment, SafetyPolicy

from .helpers import ScriptedBackend, app_with, model, write_config

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def fixed_risk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scripted `find` answers rated safe without pre-flight notes (shellcheck and PATH
    depend on the machine); other commands get their real rating without those notes."""
    from tui.core.safety import assess

    def assess_command(command: str, request: str | None, policy: SafetyPolicy) -> Assessment:
        return assess(command, request, policy=policy, preflight=False)

    monkeypatch.setattr(jobs, "assess_command", assess_command)


CONFIG = """
[backends.embedded-cpu]
model = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"

[backends.ollama]
host = "http://127.0.0.1:11434"

[generation]
candidates = 1
"""


def scripted_app(ollama_up: bool = False, answer: str = "find . -name '*.py' -mtime -7") -> Any:
    config = write_config(CONFIG)
    embedded = ScriptedBackend(
        "embedded-cpu",
        answer,
        models=[
            model("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"),
            model("nomic-embed-text-v1.5.f16.gguf", embed=True, ctx=2048, size=274_000_000),
        ],
    )
    down = Health(
        HealthStatus.DOWN,
        detail="connection refused at http://127.0.0.1:11434",
        fix="start it with `ollama serve`",
    )
    ollama = ScriptedBackend(
        "ollama",
        "find . -type f -name '*.py' -newermt '7 days ago'",
        health=None if ollama_up else down,
        models=[model("qwen2.5-coder:7b", size=4_700_000_000)],
    )
    backends = {"embedded-cpu": embedded, "ollama": ollama}
    return app_with(config, backends, cwd="/home/person", shell="/bin/bash")


async def ask(pilot: Pilot[Any], request: str, submit: str = "enter") -> None:
    await pilot.pause()  # the main screen's nested widgets mount in their own tasks
    pilot.app.query_one(PromptArea).cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.press(*request, submit)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_view_with_a_command_and_a_down_backend(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ask(pilot, "python files changed this week")

    assert snap_compare(scripted_app(), terminal_size=SIZE, run_before=run_before)


def test_run_confirmation(snap_compare: Any) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await ask(pilot, "python files changed this week")
        await pilot.press("ctrl+r")
        await pilot.app.workers.wait_for_complete()  # the command is rated before the dialog
        await pilot.pause()

    assert snap_compare(scripted_app(), terminal_size=SIZE, run_before=run_before)


def test_blocked_run(snap_compare: Any) -> None:
    """A critical command: the dialog says why, and that o overrides (nothing is run here)."""

    async def run_before(pilot: Pilot[Any]) -> None:
        await ask(pilot, "start with a clean history")
        await pilot.press("ctrl+r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    app = scripted_app(answer="history -c && echo cleared")
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_compare_view(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The compare summary shows measured wall times; the picture gets a fixed figure.
    monkeypatch.setattr(format, "seconds", lambda _value: "0.60 s")

    async def run_before(pilot: Pilot[Any]) -> None:
        await ask(pilot, "python files changed this week", submit="ctrl+t")

    assert snap_compare(scripted_app(ollama_up=True), terminal_size=SIZE, run_before=run_before)
