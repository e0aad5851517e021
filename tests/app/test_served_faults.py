"""The workbench against served backends that misbehave (tests/fault_api.py), under Pilot: it
keeps answering keys, Esc stops an endless answer, a list of 20,000 models is drawn as a
filtered few, a failing model list is a degraded backend that still chats, and F5 says
"checking…" until the probes are back. Memory and key latency are measured by
bench/bench_models_list.py (tests never assert timings)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import pytest
from textual.widgets import Input, Static

from tests.fault_api import FaultApi, model_id
from tui.app.widgets.prompt import PromptArea
from tui.app.widgets.sidebar import MODEL_ROWS, BackendCard, ModelRow
from tui.app.workbench import WorkbenchApp, make_app
from tui.core.backends.base import (
    Finished,
    GenerationRequest,
    Started,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.config import Config

from .helpers import (
    FIXED_CONTEXT,
    ScriptedBackend,
    app_with,
    settle,
    static_text,
    write_config,
)

KINDS = ("openai", "ollama")
MODEL = model_id(0)


def config_for(kind: str, url: str, *, model: str | None = MODEL, deadline_s: float = 60) -> Config:
    name = "lab" if kind == "openai" else "ollama"
    model_line = f'model = "{model}"\n' if model else ""
    other = "[backends.ollama]\nenabled = false\n\n" if kind == "openai" else ""
    return write_config(
        "[backends.embedded-cpu]\nenabled = false\n\n"
        + other
        + f'[backends.{name}]\nkind = "{kind}"\nurl = "{url}"\ntimeout = 5\n'
        + f"deadline_s = {deadline_s}\nreasoning_budget = 50\n"
        + model_line
        + "\n[generation]\ncandidates = 1\n"
    )


def workbench(config: Config) -> WorkbenchApp:
    return make_app(config, context=lambda: FIXED_CONTEXT, refresh_s=0)


def card_text(card: BackendCard, selector: str) -> str:
    return str(card.query_one(selector, Static).render())


def shown_rows(card: BackendCard) -> list[ModelRow]:
    return [row for row in card.query(ModelRow) if row.display]


def card_of(app: WorkbenchApp) -> BackendCard:
    name = app.main.state.backend
    assert name is not None
    return app.main.sidebar.card(name)


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def many(kind: str) -> Iterator[Config]:
    with FaultApi("many", models=20_000) as server:
        yield config_for(kind, server.url)


async def test_twenty_thousand_models_are_a_filtered_few(many: Config) -> None:
    app = workbench(many)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        card = card_of(app)
        assert len(card.models) == 20_000
        assert len(shown_rows(card)) == MODEL_ROWS
        assert "30 of 20,000 models" in card_text(card, ".model-count")

        await pilot.press(*"typed while 20,000 models are listed")
        assert app.query_one(PromptArea).text == "typed while 20,000 models are listed"

        search = card.query_one(".model-filter", Input)
        search.focus()
        await pilot.press(*"19999")
        await pilot.pause()
        rows = shown_rows(card)
        assert [row.model.id for row in rows] == [model_id(19_999)]
        assert "1 of 1 matching «19999»" in card_text(card, ".model-count")
        await pilot.press("enter")
        await pilot.pause()
        assert app.main.state.model_id(card.backend_name) == model_id(19_999)

        await pilot.press("f5")
        await settle(app)
        await pilot.pause()
        assert len(shown_rows(card)) == 1, "a refresh replaces the list, filter kept"
        assert len(card.models) == 20_000, "and never adds to it"


async def test_stepping_to_a_model_beyond_the_rows_shows_it(many: Config) -> None:
    app = workbench(many)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.pause()
        card = card_of(app)
        assert len(app.main.state.models[card.backend_name]) == 20_000
        for _ in range(MODEL_ROWS + 2):
            await pilot.press("alt+right")
        await pilot.pause()
        chosen = app.main.state.model_id(card.backend_name)
        assert chosen == model_id(MODEL_ROWS + 2)  # from the configured model_id(0)
        assert any(row.model.id == chosen and row.has_class("-chosen") for row in shown_rows(card))


async def test_esc_stops_an_endless_answer(kind: str) -> None:
    with FaultApi("slow", tokens_per_s=20) as server:
        app = workbench(config_for(kind, server.url))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            await pilot.press(*"list files", "enter")
            while not app.main.results.shown.streamed:
                await pilot.pause(0.05)
            await pilot.press(*"still typing")
            assert app.query_one(PromptArea).text.endswith("still typing")
            await pilot.press("escape")
            await settle(app)
            await pilot.pause()
            assert not app.main.results.shown.busy
            assert "cancelled" in static_text(app, "#result-header")


async def test_an_endless_answer_ends_at_the_deadline(kind: str) -> None:
    with FaultApi("slow", tokens_per_s=20) as server:
        app = workbench(config_for(kind, server.url, deadline_s=1.5))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            await pilot.press(*"list files", "enter")
            await settle(app)
            await pilot.pause()
            notes = static_text(app, "#notes")
            assert "no complete answer within 1.5 s" in notes and "deadline_s" in notes
            assert "failed" in static_text(app, "#result-header")


async def test_endless_reasoning_ends_at_the_budget(kind: str) -> None:
    with FaultApi("reasoning") as server:
        app = workbench(config_for(kind, server.url))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            await pilot.press(*"list files", "enter")
            await settle(app)
            await pilot.pause()
            assert "more than 50 pieces of reasoning" in static_text(app, "#notes")


async def test_a_failing_list_is_degraded_and_still_chats(kind: str) -> None:
    with FaultApi("list404") as server:
        app = workbench(config_for(kind, server.url))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            await pilot.pause()
            card = card_of(app)
            assert "HTTP 404" in card_text(card, ".model-note")
            assert card.has_class("-degraded")
            assert "HTTP 404" in card_text(card, ".backend-detail")
            await pilot.press(*"list all files", "enter")
            await settle(app)
            await pilot.pause()
            assert app.main.results.shown.command == "ls -la"


async def test_f5_says_checking_until_the_probe_is_back(kind: str) -> None:
    with FaultApi("busy", retry_after_s=3) as server:
        app = workbench(config_for(kind, server.url))
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app)
            card = card_of(app)
            assert card.has_class("-degraded")
            assert "busy" in card_text(card, ".backend-detail")
            app.main.action_refresh()  # what F5 does; the probes run only once this test awaits
            assert "checking…" in card_text(card, ".backend-status")
            await settle(app)
            await pilot.pause()
            assert "checking…" not in card_text(card, ".backend-status")


class CutBackend(ScriptedBackend):
    """Answers a command that the engine stopped at max_tokens before it was complete."""

    async def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        yield Started(model="scripted-model")
        yield TextDelta("ls -la /var/lo")
        yield Finished(Timings(ttft_s=0.01, total_s=0.1), finish_reason="length")


async def test_an_answer_cut_at_max_tokens_is_marked() -> None:
    config = write_config(
        "[backends.embedded-cpu]\nenabled = false\n\n[generation]\ncandidates = 1\n"
    )
    app = app_with(config, {"embedded-cpu": CutBackend("embedded-cpu", "")})
    async with app.run_test(size=(120, 40)) as pilot:
        app.main.choose_backend("embedded-cpu")
        await pilot.press(*"list the logs", "enter")
        await settle(app)
        await pilot.pause()
        assert app.main.results.shown.command == "ls -la /var/lo"
        assert "cut at max_tokens" in static_text(app, "#result-header")
        assert "cut at max_tokens (96)" in static_text(app, "#notes")
        assert static_text(app, "#risk") == "risk: moderate"  # not safe on the cut text alone
