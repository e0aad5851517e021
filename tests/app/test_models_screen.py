"""The models screen, driven with Pilot: the inventory, downloads from a local fake of the Hub
(progress, offline, cancel), removal that asks first, and choosing a model for the sidebar."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, ProgressBar

from tests.fake_hub import FakeFile, FakeHub, RunningHub
from tui.app.screens.confirm_remove import ConfirmRemoveScreen
from tui.app.screens.models import ModelsScreen
from tui.app.widgets.transfer import DownloadPanel
from tui.app.workbench import WorkbenchApp
from tui.core import paths
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.config import Config
from tui.core.models import catalogue
from tui.core.models.hub_plan import manual_command
from tui.core.models.progress import ProgressState

from .helpers import app_with, settle, static_text

ENTRY = catalogue.lookup("qwen2.5-coder-0.5b")
REPO, FILE = ENTRY.source.repo_id, ENTRY.source.filename
SIZE = 3_000_000
PLACED = "my-own-coder-q4_0.gguf"


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[FakeHub]:
    """The catalogue's Qwen 0.5B file, 3 MB of it, served slowly enough to watch."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "DOWNLOAD_CHUNK_SIZE", 128 * 1024)
    fake = FakeHub(chunk=64 * 1024, chunk_delay_s=0.02)
    fake.add(REPO, FILE, FakeFile(b"GGUF" + os.urandom(SIZE - 4)))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    with RunningHub(fake) as running:
        monkeypatch.setenv("HF_ENDPOINT", running.url)
        yield running


@pytest.fixture
def shown_states(monkeypatch: pytest.MonkeyPatch) -> list[ProgressState]:
    """Every progress state the panel was given (on the UI thread, from the messages)."""
    states: list[ProgressState] = []
    original = DownloadPanel.show

    def show(panel: DownloadPanel, state: ProgressState) -> None:
        states.append(state)
        original(panel, state)

    monkeypatch.setattr(DownloadPanel, "show", show)
    return states


def place_by_hand(name: str = PLACED) -> Path:
    folder = paths.models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(b"GGUF" + b"\0" * 2048)
    return path


async def open_models(app: WorkbenchApp, pilot: Any) -> ModelsScreen:
    await app.workers.wait_for_complete()
    await pilot.press("f9")
    screen = app.screen
    assert isinstance(screen, ModelsScreen)
    await settle(app)
    await pilot.pause()
    return screen


def rows(screen: ModelsScreen) -> dict[str, list[str]]:
    table = screen.query_one(DataTable)
    found = {}
    for index in range(table.row_count):
        cells = [str(cell) for cell in table.get_row_at(index)]
        found[cells[0].removesuffix(" *")] = cells
    return found


async def select(screen: ModelsScreen, pilot: Any, name: str) -> None:
    index = next(i for i, record in enumerate(screen.records) if record.name == name)
    screen.query_one(DataTable).move_cursor(row=index)
    await pilot.pause()
    assert screen.selected is not None and screen.selected.name == name


async def wait_for_download(app: WorkbenchApp, pilot: Any, screen: ModelsScreen) -> None:
    for worker in [w for w in screen.workers if w.group == "pull"]:
        await worker.wait()
    await pilot.pause()
    await settle(app)
    await pilot.pause()


def panel_text(app: WorkbenchApp) -> str:
    return static_text(app, "#download-title") + "\n" + static_text(app, "#download-line")


async def test_the_bundled_model_and_a_file_placed_by_hand_are_listed(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    placed = place_by_hand()
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        assert any(entry.title == "caro: Models" for entry in app.main.palette_entries())
        screen = await open_models(app, pilot)
        listed = rows(screen)
        assert listed["smollm2-135m"][-1] == "bundled"
        assert listed[PLACED][-1] == "on disk (placed by hand)"
        assert listed[PLACED][3] == "2.1 kB" and listed[PLACED][4] == "llamacpp"
        assert listed["qwen2.5-coder-1.5b"][-1] == "not downloaded"
        assert listed["qwen2.5-coder-1.5b"][3].startswith("≈")
        assert screen.complete  # the servers were asked (ollama is down: no rows from it)

        await select(screen, pilot, PLACED)
        details = static_text(app, "#model-details")
        assert str(placed) in details and "placed by hand" in details

        await pilot.press("escape")
        assert not isinstance(app.screen, ModelsScreen)


async def test_a_pull_shows_progress_and_ends_with_the_file_on_disk(
    embedded_config: Config,
    llama_backend: LlamaCppBackend,
    hub: FakeHub,
    shown_states: list[ProgressState],
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_models(app, pilot)
        await select(screen, pilot, ENTRY.name)
        await pilot.press("p")
        assert screen.query_one(DownloadPanel).busy
        await wait_for_download(app, pilot, screen)

        target = paths.models_dir() / FILE
        assert target.read_bytes() == hub.repos[REPO][FILE].content
        partway = [s for s in shown_states if s.fraction is not None and 0 < s.fraction < 1]
        assert partway, [s.fraction for s in shown_states]
        assert any(s.speed_bps and s.eta_s is not None for s in partway)
        assert all(s.total == SIZE for s in partway)
        bar = screen.query_one(ProgressBar)
        assert bar.percentage == 1.0
        assert screen.query_one(DownloadPanel).has_class("-done")
        assert "sha256 checked" in panel_text(app) and str(target) in panel_text(app)
        assert rows(screen)[ENTRY.name][-1] == "on disk"
        # The sidebar's embedded engine lists the new file.
        assert any(m.path == str(target) for m in app.main.state.models["embedded-cpu"])


async def test_an_offline_pull_says_so_with_the_manual_command(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_models(app, pilot)
        await select(screen, pilot, ENTRY.name)
        await pilot.press("p")
        await wait_for_download(app, pilot, screen)

        panel = screen.query_one(DownloadPanel)
        assert panel.has_class("-failed") and not panel.busy
        text = panel_text(app)
        assert "download failed" in text
        assert "fix:" in text
        assert " ".join(manual_command(REPO, FILE).split()) in " ".join(text.split())
        assert not (paths.models_dir() / FILE).exists()


async def test_esc_cancels_a_download_and_keeps_nothing(
    embedded_config: Config,
    llama_backend: LlamaCppBackend,
    hub: FakeHub,
    shown_states: list[ProgressState],
) -> None:
    hub.chunk_delay_s = 0.2  # about 10 s for the whole file: Esc comes long before the end
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_models(app, pilot)
        await select(screen, pilot, ENTRY.name)
        await pilot.press("p")
        while not any(s.done for s in shown_states):
            await pilot.pause(0.05)
        await pilot.press("escape")
        assert isinstance(app.screen, ModelsScreen)  # the first Esc stops the download only
        await wait_for_download(app, pilot, screen)

        assert screen.progress is None
        assert "cancelled" in panel_text(app)
        folder = paths.models_dir()
        assert sorted(p.name for p in folder.iterdir() if p.name != "manifest.json") == []
        await pilot.press("escape")
        assert not isinstance(app.screen, ModelsScreen)


async def test_remove_asks_first(embedded_config: Config, llama_backend: LlamaCppBackend) -> None:
    placed = place_by_hand()
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_models(app, pilot)
        await select(screen, pilot, PLACED)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmRemoveScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and placed.exists()

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
        assert not placed.exists()
        assert PLACED not in rows(screen)

        await select(screen, pilot, "smollm2-135m")
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen  # the bundled model is not asked about: it cannot go


async def test_use_chooses_the_model_for_its_engine_in_the_sidebar(
    embedded_config: Config, llama_backend: LlamaCppBackend
) -> None:
    placed = place_by_hand()
    app = app_with(embedded_config, {"embedded-cpu": llama_backend})
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_models(app, pilot)
        await select(screen, pilot, PLACED)
        await pilot.press("u")
        await settle(app)
        await pilot.pause()
        assert not isinstance(app.screen, ModelsScreen)
        chosen = app.main.state.chosen_model("embedded-cpu")
        assert chosen is not None and chosen.path == str(placed)
        assert app.main.state.backend == "embedded-cpu"
        assert f"model {PLACED}" in static_text(app, "#selection")
