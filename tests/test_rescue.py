"""An answer that holds no usable command is never the end while tries remain: the next try
starts the answer with a utility the examples back (engines that continue a prefix) or asks
again, a few tries past the candidate budget; a command with U+FFFD never wins; a failure
after a usable answer keeps that answer; programs the bank teaches are commands even where
they are not installed. Scripted backends, so every check is exact."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator, Callable, Mapping

import pytest

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.generation.bank import Example
from tui.core.generation.examples import ExampleBank
from tui.core.generation.extraction import extract_command
from tui.core.generation.pipeline import GenerationSettings, ShellContext, generate_command

CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/tmp")
BANK = ExampleBank(
    [
        Example("check whether a host is reachable", "ping -c 1 example.org"),
        Example("is the server reachable at all", "ping -c 3 server"),
        Example("fetch the headers of a page", "curl -I https://example.org"),
        # A program the bank teaches (several examples), whether or not it is installed.
        Example("open the inventory database in the mongo shell", "mongosh inventory"),
        Example("run a query file against the shop database", "mongosh shop query.js"),
        Example("connect to mongo on another host", "mongosh --host db.lan"),
        Example("evaluate one expression in mongo", 'mongosh --eval "db.stats()"'),
    ]
)
REQUEST = "is my router at 192.168.1.1 reachable?"
# Grounding reads the machine's manual pages; these checks are about the tries alone.
SETTINGS = GenerationSettings(candidates=3, ground_below=0.0)

Answer = Callable[[int, GenerationRequest], str]


class Scripted:
    """Answers try number n with `answer(n, request)`; a prefixed request gets only the text
    after its prefix, as an engine that continues a prefix sends it."""

    kind = "scripted"

    def __init__(self, answer: Answer, *, prefix: bool, fail_at: int | None = None) -> None:
        self.name = "scripted"
        self.answer = answer
        self.supports_prefix = prefix
        self.fail_at = fail_at
        self.requests: list[GenerationRequest] = []

    async def probe(self) -> Health:
        return Health(HealthStatus.UP)

    async def list_models(self) -> list[ModelInfo]:
        return []

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._stream(request)

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        index = len(self.requests)
        self.requests.append(request)
        if index == self.fail_at:
            raise BackendError("no complete answer in time", fix="wait", kind=ErrorKind.DEADLINE)
        text = self.answer(index, request)
        yield TextDelta(text.removeprefix(request.response_prefix) + "\n")
        yield Finished(Timings(ttft_s=0.01, total_s=0.02, completion_tokens=5))

    def describe(self) -> Mapping[str, object]:
        return {"model": "script"}

    async def aclose(self) -> None:
        return None


def prose_unless_prefixed(index: int, request: GenerationRequest) -> str:
    if request.response_prefix:
        return f"{request.response_prefix} -c 1 192.168.1.1"
    return "no, it is not reachable."


async def test_an_answer_without_a_command_is_followed_by_one_started_with_the_voted_utility() -> (
    None
):
    backend = Scripted(prose_unless_prefixed, prefix=True)
    result = await generate_command(backend, REQUEST, context=CONTEXT, settings=SETTINGS, bank=BANK)
    assert result.command == "ping -c 1 192.168.1.1"
    assert [r.response_prefix for r in backend.requests] == ["", "ping"]
    assert "\n" in backend.requests[1].sampler.stop  # a prefixed answer is one line


async def test_tries_go_past_the_budget_while_no_answer_held_a_command() -> None:
    def second_time_right(index: int, request: GenerationRequest) -> str:
        return "no, it is not reachable." if index == 0 else "ping -c 1 192.168.1.1"

    backend = Scripted(second_time_right, prefix=False)
    settings = GenerationSettings(candidates=1, ground_below=0.0)
    result = await generate_command(backend, REQUEST, context=CONTEXT, settings=settings, bank=BANK)
    assert result.command == "ping -c 1 192.168.1.1"
    assert len(backend.requests) == 2


@pytest.mark.parametrize("prefix", [True, False])
async def test_the_extra_tries_are_bounded_and_the_error_says_why(prefix: bool) -> None:
    backend = Scripted(lambda index, request: "no, it is not reachable.", prefix=prefix)
    result = await generate_command(backend, REQUEST, context=CONTEXT, settings=SETTINGS, bank=BANK)
    assert result.command is None and "prose" in result.error
    assert len(backend.requests) == SETTINGS.candidates + SETTINGS.rescue


async def test_a_command_holding_u_fffd_loses_to_a_clean_one() -> None:
    def broken_first(index: int, request: GenerationRequest) -> str:
        return "ping -c 1 192.168.1.\ufffd" if index == 0 else "ping -c 1 192.168.1.1"

    backend = Scripted(broken_first, prefix=False)
    result = await generate_command(backend, REQUEST, context=CONTEXT, settings=SETTINGS, bank=BANK)
    assert result.command == "ping -c 1 192.168.1.1"
    assert "U+FFFD" in (result.candidates[0].extraction.reason or "")


async def test_a_failure_after_a_usable_answer_keeps_that_answer() -> None:
    # curl is not the utility the examples agree on, so a second try is made, and it fails.
    backend = Scripted(lambda index, request: "curl -I http://192.168.1.1", prefix=False, fail_at=1)
    result = await generate_command(backend, REQUEST, context=CONTEXT, settings=SETTINGS, bank=BANK)
    assert result.command == "curl -I http://192.168.1.1"
    assert any("no complete answer in time" in w for w in result.warnings)


async def test_a_failure_before_any_usable_answer_is_still_raised() -> None:
    backend = Scripted(lambda index, request: "no.", prefix=False, fail_at=0)
    with pytest.raises(BackendError):
        await generate_command(backend, REQUEST, context=CONTEXT, settings=SETTINGS, bank=BANK)


@pytest.mark.skipif(shutil.which("mongosh") is not None, reason="mongosh is installed here")
def test_a_program_the_bank_teaches_is_a_command_where_it_is_not_installed() -> None:
    answer = "mongosh mongodb://localhost:27017/inventory"
    assert extract_command(answer).command is None  # unknown here, and not in caro's list
    assert extract_command(answer, known={"mongosh"}).command == answer
    assert extract_command("mongosh is the shell of MongoDB.", known={"mongosh"}).command is None


@pytest.mark.skipif(shutil.which("mongosh") is not None, reason="mongosh is installed here")
async def test_generation_reads_answers_with_the_banks_programs() -> None:
    answer = "mongosh mongodb://localhost:27017/inventory"
    backend = Scripted(lambda index, request: answer, prefix=False)
    result = await generate_command(
        backend, "connect to the inventory database", context=CONTEXT, settings=SETTINGS, bank=BANK
    )
    assert result.command == answer


def test_the_programs_a_bank_teaches_need_several_examples_and_are_not_everyday_words() -> None:
    assert "mongosh" in BANK.programs  # four examples
    assert "curl" not in BANK.programs  # one example (curl is known to extraction anyway)
    words = ExampleBank([Example(f"turn on option {n}", f"set -o opt{n}") for n in range(5)])
    assert "set" not in words.programs  # "set up the network." is prose, not a command
