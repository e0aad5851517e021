"""The best-of-n loop (`generate_command`) on a replaying backend: which answers it asks for,
with which examples, which one wins and why, when it stops, and the prefix fallback.

The bank is a handful of our own examples, so the retrieved examples and the utility they vote
for are known (and checked first); the backend replays fixed answers and keeps every request.
"""

from __future__ import annotations

import pytest

from tests.replay import ReplayBackend, Reply, example_commands, user_turns
from tui.core.backends.base import BackendError, ErrorKind, GenerationRequest
from tui.core.generation.candidates import utility_support
from tui.core.generation.examples import Example, ExampleBank, Scored
from tui.core.generation.pipeline import (
    Candidate,
    CommandResult,
    GenerationSettings,
    ShellContext,
    generate_command,
    retrieve,
    vote_utility,
)
from tui.core.generation.shellwords import first_utility

CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/srv/logs")
REQUEST = "count the lines in the log file"
BANK = ExampleBank(
    [
        Example("count the lines in a file", "wc -l notes.txt"),
        Example("count the lines of the log", "wc -l app.log"),
        Example("count the error lines in the log", "grep -c error app.log"),
        Example("show the last lines of the log", "tail -n 20 app.log"),
        Example("list the files here", "ls -la"),
    ]
)
# No grounding (it reads this machine's programs) and no installed-program weighting: the
# examples depend on the bank alone; no fixed examples (tests/test_generation.py has those).
SETTINGS = GenerationSettings(
    examples=4, fixed_examples=0, candidates=3, ground_below=0, prefer_installed=False
)


def retrieved(settings: GenerationSettings = SETTINGS) -> list[Scored]:
    return retrieve(BANK, REQUEST, settings)


def test_the_bank_votes_for_wc() -> None:
    """What the other tests rely on: wc is voted, grep and tail are shown too."""
    examples = retrieved()
    voted, share = vote_utility(examples)
    assert voted == "wc" and share > 0.5
    assert {s.example.utility for s in examples} == {"wc", "grep", "tail"}


async def generate(
    backend: ReplayBackend, settings: GenerationSettings = SETTINGS
) -> CommandResult:
    return await generate_command(backend, REQUEST, context=CONTEXT, settings=settings, bank=BANK)


def closest_shown(request: GenerationRequest) -> str:
    """The example command shown right before the request (the one small models copy)."""
    return example_commands(request)[-1]


def convincing(candidate: Candidate) -> bool:
    return (
        candidate.extraction.command is not None
        and not candidate.extraction.warnings
        and candidate.stopped_because not in ("loop", "length")
    )


async def test_a_convincing_first_answer_stops_the_loop() -> None:
    backend = ReplayBackend("replay", ["wc -l app.log\n", "tail -n 3 app.log\n"])
    result = await generate(backend)
    assert len(backend.requests) == 1
    (asked,) = backend.requests
    # The retrieved examples, closest last, then the request itself.
    assert example_commands(asked) == [s.example.command for s in reversed(retrieved())]
    assert user_turns(asked)[-1] == REQUEST
    assert asked.messages[0].role == "system" and "bash" in asked.messages[0].content
    assert result.command == "wc -l app.log"
    assert [c.extraction.command for c in result.candidates] == ["wc -l app.log"]
    assert result.candidates[0].stopped_because == "complete"
    assert not result.truncated and result.error == ""


async def test_a_doubtful_answer_asks_again_with_another_utility_closest() -> None:
    backend = ReplayBackend("replay", ["tail -n 5 app.log\n", "wc -l app.log\n"])
    result = await generate(backend)
    assert len(backend.requests) == 2  # tail is not what the examples agree on; wc is
    first, second = backend.requests
    assert first_utility(closest_shown(first)) == "wc"
    # The second try shows, closest to the request, an example of a utility neither shown
    # closest nor answered yet: grep.
    assert first_utility(closest_shown(second)) == "grep"
    assert sorted(example_commands(second)) == sorted(example_commands(first))
    assert user_turns(second)[-1] == REQUEST
    # The second answer wins: it uses the voted utility.
    tail, wc = result.candidates
    assert wc.score > tail.score
    assert result.command == "wc -l app.log" and result.raw == wc.raw


async def test_the_loop_asks_at_most_n_and_keeps_the_best() -> None:
    replies = [
        "Sure, here is how you could count them.",
        "tail -n 5 app.log\n",
        "grep -c . app.log\n",
    ]
    backend = ReplayBackend("replay", [*replies, "wc -l app.log\n"])
    result = await generate(backend)
    assert len(backend.requests) == 3  # never the fourth answer, although it would convince
    prose, tail, grep = result.candidates
    assert prose.extraction.command is None and prose.score < min(tail.score, grep.score)
    # Neither uses the voted utility; grep is backed by more of the examples than tail.
    support = utility_support(retrieved())
    assert support["grep"] > support["tail"]
    assert grep.score > tail.score
    assert result.command == "grep -c . app.log"
    assert result.raw == max(result.candidates, key=lambda c: c.score).raw


async def test_every_try_but_the_last_was_doubtful() -> None:
    """Whatever the answers, the loop stops at the first convincing one."""
    backend = ReplayBackend("replay", ["ls -n -n -n -n -n -n -n -n -n -n -n -n -n -n", "wc -l x\n"])
    result = await generate(backend)
    looping, wc = result.candidates
    assert looping.stopped_because == "loop" and not convincing(looping)
    assert convincing(wc) and result.command == "wc -l x"


async def test_a_cut_answer_is_not_convincing_and_is_flagged_when_it_is_the_best() -> None:
    cut = Reply("wc -l app.log", finish_reason="length")  # no line end: the engine stopped it
    alone = await generate(ReplayBackend("replay", [cut]), _with(candidates=1))
    assert alone.command == "wc -l app.log"
    assert alone.candidates[0].stopped_because == "length"
    assert alone.truncated and "max_tokens" in alone.warnings[0]

    backend = ReplayBackend("replay", [cut, "wc -l app.log\n"])
    retried = await generate(backend)
    assert len(backend.requests) == 2
    assert [c.stopped_because for c in retried.candidates] == ["length", "complete"]
    assert retried.raw == "wc -l app.log\n" and not retried.truncated


async def test_the_prefix_fallback_starts_the_next_answer_with_the_voted_utility() -> None:
    settings = _with(prefix_fallback_share=0.5)
    backend = ReplayBackend(
        "replay", ["tail -n 5 app.log\n", " -l app.log\n"], supports_prefix=True
    )
    result = await generate(backend, settings)
    first, second = backend.requests
    assert first.response_prefix == ""
    assert second.response_prefix == "wc" and "\n" in second.sampler.stop
    assert result.command == "wc -l app.log"
    assert result.candidates[1].raw.startswith("wc")


@pytest.mark.parametrize(
    ("supports_prefix", "share"),
    [(False, 0.5), (True, 0.0), (True, 0.9)],  # no prefix engine; turned off; votes too weak
)
async def test_no_prefix_fallback_when_it_cannot_or_should_not(
    supports_prefix: bool, share: float
) -> None:
    backend = ReplayBackend(
        "replay", ["tail -n 5 app.log\n", "wc -l app.log\n"], supports_prefix=supports_prefix
    )
    await generate(backend, _with(prefix_fallback_share=share, prefix_retries=False))
    assert [r.response_prefix for r in backend.requests] == ["", ""]


async def test_prefix_retries_keep_the_prompt_and_start_with_another_backed_utility() -> None:
    settings = _with(prefix_retries=True)
    backend = ReplayBackend(
        "replay", ["tail -n 5 app.log\n", " -l app.log\n"], supports_prefix=True
    )
    result = await generate(backend, settings)
    first, second = backend.requests
    # The same prompt (an engine reuses all of its state); the answer starts with the
    # best-backed utility no answer used yet: wc, not tail.
    assert second.messages == first.messages
    assert first.response_prefix == "" and second.response_prefix == "wc"
    assert "\n" in second.sampler.stop
    assert result.command == "wc -l app.log"


async def test_prefix_retries_go_down_the_backing_and_never_repeat_a_utility() -> None:
    settings = _with(prefix_retries=True)
    backend = ReplayBackend(
        "replay",
        ["wc -l -l -l -l -l -l -l -l -l -l -l -l -l", " -c x app.log\n", " x\n"],
        supports_prefix=True,
    )
    await generate(backend, settings)
    support = utility_support(retrieved())
    ranked = sorted((u for u in support if u != "wc"), key=lambda u: -support[u])
    # wc was answered (looping): the next tries start with the others, best-backed first.
    assert [r.response_prefix for r in backend.requests] == ["", *ranked[:2]]


async def test_prefix_retries_fall_back_to_reordered_examples_without_a_prefix_engine() -> None:
    backend = ReplayBackend("replay", ["tail -n 5 app.log\n", "wc -l app.log\n"])
    await generate(backend, _with(prefix_retries=True))
    _first, second = backend.requests
    assert [r.response_prefix for r in backend.requests] == ["", ""]
    assert first_utility(closest_shown(second)) == "grep"


async def test_utility_first_starts_the_first_answer_with_the_voted_utility() -> None:
    backend = ReplayBackend("replay", [" -l app.log\n"], supports_prefix=True)
    result = await generate(backend, _with(utility_first=True))
    (asked,) = backend.requests
    assert asked.response_prefix == "wc" and "\n" in asked.sampler.stop
    assert result.command == "wc -l app.log" and result.utility_hint == "wc"


async def test_the_same_examples_for_every_request_without_retrieval() -> None:
    settings = _with(retrieval=False, candidates=1)
    backend = ReplayBackend("replay", ["wc -l app.log\n"])
    await generate(backend, settings)
    shown = example_commands(backend.requests[0])
    assert sorted(shown) == sorted(s.example.command for s in BANK.spread(settings.examples))


async def test_an_empty_request_asks_nothing() -> None:
    backend = ReplayBackend("replay", ["ls\n"])
    with pytest.raises(BackendError) as caught:
        await generate_command(backend, "  ", context=CONTEXT, bank=BANK)
    assert caught.value.kind is ErrorKind.CONFIG and caught.value.fix
    assert backend.requests == []


def _with(**changes: object) -> GenerationSettings:
    from dataclasses import replace

    return replace(SETTINGS, **changes)  # type: ignore[arg-type]
