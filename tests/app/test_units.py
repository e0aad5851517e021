"""The workbench's plain parts: themes, clipboard, selection rules, batching, formatting."""

from __future__ import annotations

import asyncio
import base64
from pathlib import Path

import pytest

from tui import present
from tui.app import clipboard, format, themes
from tui.app.selection import Selection
from tui.app.streaming import Coalescer
from tui.core.backends.base import Capability, Health, HealthStatus, ModelInfo, Timings
from tui.core.config import load

# -- themes -----------------------------------------------------------------------------------


def test_the_shipped_themes_load_and_include_light_and_dark() -> None:
    loaded, problems = themes.load_themes([themes.builtin_dir()])
    assert problems == []
    assert len(loaded) >= 3
    assert themes.DEFAULT_THEME in loaded
    assert {theme.dark for theme in loaded.values()} == {True, False}


def test_the_shipped_themes_are_found_through_the_package() -> None:
    directory = themes.builtin_dir()
    assert (directory / "caro-dark.toml").is_file()
    top_level = Path(__file__).resolve().parents[2] / "themes"
    assert sorted(p.name for p in themes.theme_files(directory)) == sorted(
        p.name for p in themes.theme_files(top_level)
    )


def test_a_broken_theme_is_reported_and_the_others_still_load(tmp_path: Path) -> None:
    (tmp_path / "good.toml").write_text('dark = false\n[colors]\nprimary = "#336699"\n')
    (tmp_path / "bad-toml.toml").write_text("name = \n")
    (tmp_path / "bad-color.toml").write_text('[colors]\nprimary = "not a colour"\n')
    (tmp_path / "no-primary.toml").write_text('[colors]\nbackground = "#000000"\n')
    (tmp_path / "typo.toml").write_text('[colors]\nprimary = "#336699"\nforground = "#fff"\n')
    loaded, problems = themes.load_themes([tmp_path])
    assert list(loaded) == ["good"] and loaded["good"].dark is False
    messages = {problem.path.name: problem.message for problem in problems}
    assert "not valid TOML" in messages["bad-toml.toml"]
    assert "is not a color" in messages["bad-color.toml"]
    assert "needs primary" in messages["no-primary.toml"]
    assert "forground" in messages["typo.toml"]


def test_a_user_theme_replaces_a_shipped_one_of_the_same_name(tmp_path: Path) -> None:
    (tmp_path / "mine.toml").write_text('name = "caro-dark"\n[colors]\nprimary = "#ff0000"\n')
    loaded, _ = themes.load_themes([themes.builtin_dir(), tmp_path])
    assert loaded["caro-dark"].primary == "#ff0000"


# -- clipboard --------------------------------------------------------------------------------


class FakeTerminal:
    def __init__(self) -> None:
        self.copied: list[str] = []
        self.escapes: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)

    def write_escape(self, sequence: str) -> None:
        self.escapes.append(sequence)


def test_native_clipboard_first_and_it_is_certain() -> None:
    terminal = FakeTerminal()
    outcome = clipboard.copy_text("ls -la", terminal, environ={}, native=lambda _t: None)
    assert outcome.certain and outcome.method == "system clipboard"
    assert terminal.copied == [] and terminal.escapes == []


def test_without_a_native_clipboard_osc52_is_used_and_not_claimed_certain() -> None:
    terminal = FakeTerminal()
    outcome = clipboard.copy_text("ls -la", terminal, environ={}, native=lambda _t: "no xclip")
    assert outcome.method == "OSC 52" and not outcome.certain
    assert "cannot be sure" in outcome.message and "no xclip" in outcome.message
    assert terminal.copied == ["ls -la"] and terminal.escapes == []


def test_inside_tmux_the_escape_is_wrapped_for_passthrough() -> None:
    terminal = FakeTerminal()
    outcome = clipboard.copy_text(
        "echo hi", terminal, environ={"TMUX": "/tmp/tmux-0/default,1,0"}, native=lambda _t: "x"
    )
    assert outcome.method == "OSC 52 through tmux" and not outcome.certain
    (sequence,) = terminal.escapes
    payload = base64.b64encode(b"echo hi").decode()
    assert sequence == f"\x1bPtmux;\x1b\x1b]52;c;{payload}\x07\x1b\\"
    assert "allow-passthrough" in outcome.message


def test_native_copy_reports_a_missing_clipboard_instead_of_raising(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pyperclip

    def broken(_text: str) -> None:
        raise pyperclip.PyperclipException("Pyperclip could not find a copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", broken)
    assert clipboard.native_copy("x") == "Pyperclip could not find a copy/paste mechanism"


# -- selection --------------------------------------------------------------------------------


def _config(text: str = "") -> Selection:
    path = Path(__import__("os").environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    config = load()
    return Selection(config, ["embedded-cpu", "ollama"])


UP = Health(HealthStatus.UP)
DOWN = Health(HealthStatus.DOWN, detail="refused", fix="start it")


def test_an_automatic_choice_follows_health_but_a_persons_choice_stays() -> None:
    state = _config()
    assert state.backend == "embedded-cpu"
    state.health.update({"embedded-cpu": DOWN, "ollama": UP})
    assert state.fall_back_if_down() and state.backend == "ollama"
    state.choose_backend("embedded-cpu")
    assert not state.fall_back_if_down() and state.backend == "embedded-cpu"


def test_the_configured_backend_counts_as_chosen() -> None:
    state = _config('[selection]\nbackend = "ollama"\n')
    state.health["ollama"] = DOWN
    assert state.backend == "ollama" and not state.fall_back_if_down()


def test_models_that_cannot_generate_are_skipped_when_stepping() -> None:
    state = _config()
    embed = ModelInfo("nomic-embed", capabilities=frozenset({Capability.EMBED}))
    state.models["embedded-cpu"] = [ModelInfo("a"), embed, ModelInfo("b")]
    first = state.step_model(1)
    assert first is not None and first.id == "a"
    state.choose_model("embedded-cpu", first)
    second = state.step_model(1)
    assert second is not None and second.id == "b"


def test_compare_takes_the_marked_set_else_the_healthy_ones() -> None:
    state = _config()
    state.health.update({"embedded-cpu": UP, "ollama": DOWN, "mlx": DOWN})
    assert state.compare_set() == ["embedded-cpu"]
    state.toggle_compare_mark("ollama")
    assert state.compare_set() == ["ollama"]


# -- batching and formatting ------------------------------------------------------------------


async def test_the_coalescer_hands_over_the_first_item_then_batches_the_burst() -> None:
    batches: list[list[int]] = []
    batcher: Coalescer[int] = Coalescer(batches.append, interval_s=0.02)
    for number in range(1000):
        batcher.add(number)
    assert batches == [[0]]  # the first at once; the rest wait for the interval
    while len(batches) < 2:  # the interval's timer hands the burst over, however late
        await asyncio.sleep(0)
    assert batches == [[0], list(range(1, 1000))]
    batcher.add(1000)
    batcher.close()
    assert batches[-1] == [1000]


async def test_an_output_burst_becomes_one_batch() -> None:
    batches: list[list[int]] = []
    batcher: Coalescer[int] = Coalescer(batches.append, interval_s=10)
    batcher.add(0)
    batcher.extend(range(1, 500))
    assert batches == [[0]]
    batcher.close()
    assert batches == [[0], list(range(1, 500))]


def test_formatting() -> None:
    assert present.seconds(0.0421) == "42 ms"
    assert present.seconds(2.5) == "2.50 s"
    assert present.size(98_000_000) == "98 MB"
    assert present.size(1_500_000_000) == "1.5 GB"
    assert format.context(32768) == "32k ctx"
    timings = Timings(ttft_s=0.1, total_s=1.1, completion_tokens=21)
    assert format.timings(timings) == "first token 100 ms · 20.0 tok/s · total 1.10 s"
    embed = ModelInfo("e", capabilities=frozenset({Capability.EMBED}), size_bytes=500_000)
    assert format.model_badges(embed) == ["cannot generate", "500 kB", "embed"]
