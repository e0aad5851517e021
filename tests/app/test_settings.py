"""Keys, themes, the command palette, and backends that never answer."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import closed_port
from tui.app.palette import CaroCommands
from tui.app.widgets.prompt import PromptArea
from tui.core import paths
from tui.core.backends.base import GenerationRequest, Health, ModelInfo, StreamEvent
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import Config

from .helpers import ScriptedBackend, app_with, write_config


def recorder(app: Any) -> list[str]:
    seen: list[str] = []

    def notify(message: str, **_options: object) -> None:
        seen.append(message)

    app.notify = notify
    return seen


async def test_keymap_from_the_config_remaps_a_binding(bundled_model: Path) -> None:
    config = write_config(
        f"""
[backends.embedded-cpu]
model = "{bundled_model}"

[ui.keymap]
"backend.next" = "ctrl+n"
nonsense = "ctrl+x"
"""
    )
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls")})
    seen = recorder(app)
    async with app.run_test(size=(120, 40)) as pilot:
        before = app.main.state.backend
        await pilot.press("ctrl+n")
        assert app.main.state.backend != before
        assert any("unknown binding ids: nonsense" in message for message in seen)
        await app.workers.wait_for_complete()


async def test_a_broken_user_theme_is_reported_once_and_the_default_is_used(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    user_themes = paths.user_themes_dir()
    user_themes.mkdir(parents=True)
    (user_themes / "broken.toml").write_text("[colors\n")
    (user_themes / "sea.toml").write_text('dark = true\n[colors]\nprimary = "#2a9d8f"\n')
    config = write_config(
        Path(os.environ["CARO_CONFIG"]).read_text() + '\n# my theme\ntheme = "broken"\n'
    )
    app = app_with(config, {"embedded-cpu": llama_backend})
    seen = recorder(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "caro-dark"
        assert "sea" in app.available_themes
        broken = [message for message in seen if "broken.toml" in message]
        assert len(broken) == 1 and "not valid TOML" in broken[0]
        assert any("theme 'broken' was not found" in message for message in seen)
        await app.workers.wait_for_complete()


async def test_the_chosen_theme_is_saved_and_comments_survive(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    path = Path(os.environ["CARO_CONFIG"])
    path.write_text("# my settings, keep this\n" + path.read_text())
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        start = app.theme
        await pilot.press("f8")
        await app.workers.wait_for_complete()
        assert app.theme != start
        text = path.read_text()
        assert "# my settings, keep this" in text
        assert f'theme = "{app.theme}"' in text


async def test_the_palette_lists_actions_backends_and_models(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        provider = CaroCommands(app.screen)
        titles = [str(hit.text) async for hit in provider.discover()]
        assert "caro: Compare" in titles
        assert "backend: ollama" in titles
        assert any(title.startswith("model: SmolLM2") for title in titles)
        assert "theme: caro-light" in titles
        found = [hit async for hit in provider.search("backend ollama")]
        assert found and found[0].text == "backend: ollama"
        found[0].command()
        assert app.main.state.backend == "ollama"


class SilentBackend(ScriptedBackend):
    """A server that accepted the connection and never says anything."""

    async def probe(self) -> Health:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    async def list_models(self) -> list[ModelInfo]:
        await asyncio.Event().wait()
        return []

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        raise AssertionError("not used")

    def describe(self) -> Mapping[str, object]:
        return {}


async def test_a_backend_that_never_answers_does_not_hold_up_the_ui() -> None:
    config = write_config(
        f"""
[backends.silent]
kind = "openai"
url = "http://127.0.0.1:{closed_port()}"
timeout = 3

[backends.quick]
kind = "openai"
url = "http://127.0.0.1:{closed_port()}"
"""
    )
    backends = {
        "silent": SilentBackend("silent", ""),
        "quick": ScriptedBackend("quick", "ls"),
    }
    app = app_with(config, backends)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"abc")
        # The keys got through while the silent backend's probe is still waiting.
        assert app.query_one(PromptArea).text == "abc"
        assert app.main.sidebar.card("silent").health is None
        await app.workers.wait_for_complete()
        await pilot.pause()
        silent = app.main.sidebar.card("silent")
        assert silent.has_class("-down")
        assert silent.health is not None and "no answer within 3 s" in silent.health.detail
        assert app.main.sidebar.card("quick").has_class("-up")


@pytest.mark.parametrize(
    ("variable", "value"),
    [("footer-key-foreground", "not a colour"), ("block-cursor-text-style", "wiggly")],
)
async def test_a_theme_whose_variables_do_not_load_is_reported_and_the_default_used(
    variable: str, value: str
) -> None:
    user_themes = paths.user_themes_dir()
    user_themes.mkdir(parents=True)
    (user_themes / "badvars.toml").write_text(
        f'dark = true\n[colors]\nprimary = "#2a9d8f"\n[variables]\n"{variable}" = "{value}"\n'
    )
    (user_themes / "goodvars.toml").write_text(
        'dark = true\n[colors]\nprimary = "#2a9d8f"\n[variables]\n'
        '"input-selection-background" = "#81a1c1 35%"\n"block-cursor-text-style" = "none"\n'
    )
    config = write_config('[ui]\ntheme = "badvars"\nrefresh_s = 3600\n')
    app = app_with(config, {"embedded-cpu": ScriptedBackend("embedded-cpu", "ls")})
    seen = recorder(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.is_running
        assert app.theme == "caro-dark"
        assert "goodvars" in app.available_themes
        broken = [message for message in seen if "badvars.toml" in message]
        assert len(broken) == 1 and variable in broken[0]
        app.theme = "goodvars"
        await pilot.pause()
        assert app.theme == "goodvars"
        await app.workers.wait_for_complete()
