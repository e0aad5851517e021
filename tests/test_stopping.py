"""Stopping at the end of the command: the first command line ends the answer, even for a
program caro does not know; a lead-in or an unfinished line does not; a run to max_tokens
counts against the answer (so best-of-n tries again and scores it down)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from tui.core.backends.base import (
    Finished,
    GenerationRequest,
    Message,
    SamplerSettings,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.generation.extraction import extract_command
from tui.core.generation.pipeline import AnswerWatcher, score_candidate
from tui.core.generation.watching import run_once


def stops(*deltas: str, line_end: bool = True) -> bool:
    watcher = AnswerWatcher(line_end=line_end)
    return any(watcher.feed(delta) for delta in deltas)


def test_the_first_command_line_ends_the_answer() -> None:
    assert stops("ls -la", "\n", "This lists")
    # A program caro does not know and that is not installed: the old watcher ran on.
    assert stops("frobnicate --all ./data", "\nuser\nnext")
    assert not stops("frobnicate --all ./data", "\nuser\nnext", line_end=False)


def test_a_lead_in_or_an_unfinished_line_is_not_the_end() -> None:
    assert not stops("Here is the command:", "\n")
    assert not stops("tar -czf a.tgz \\", "\n")
    assert not stops("echo 'two", "\n")
    assert not stops("To list files you would use the ls command", "\n")


class _Scripted:
    """A backend that replays deltas and then finishes with a given reason."""

    name = "scripted"

    def __init__(self, deltas: list[str], reason: str) -> None:
        self.deltas, self.reason = deltas, reason
        self.sent = 0

    async def _events(self) -> AsyncIterator[StreamEvent]:
        for delta in self.deltas:
            self.sent += 1
            yield TextDelta(delta)
        yield Finished(Timings(ttft_s=0.1, total_s=1.0), finish_reason=self.reason)  # type: ignore[arg-type]

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._events()


REQUEST = GenerationRequest(messages=(Message("user", "x"),), sampler=SamplerSettings())


async def test_a_run_on_to_max_tokens_scores_below_a_loop() -> None:
    backend = _Scripted(["awk", " '{print", " $1", " $2"], "length")
    attempt = await run_once(backend, REQUEST)  # type: ignore[arg-type]
    assert attempt.stopped_because == "length"
    cut = extract_command("ls -la")
    assert score_candidate(cut, None, 0.0, "length") < score_candidate(cut, None, 0.0, "loop")
    finished = await run_once(_Scripted(["ls", " -la"], "stop"), REQUEST)  # type: ignore[arg-type]
    assert finished.stopped_because == ""


async def test_generation_stops_right_after_the_line() -> None:
    backend = _Scripted(["du -sh *", "\n", "This", " shows", " sizes"], "stop")
    attempt = await run_once(backend, REQUEST)  # type: ignore[arg-type]
    assert attempt.stopped_because == "complete" and backend.sent == 2


def test_a_long_repeated_run_of_options_is_a_loop() -> None:
    watcher = AnswerWatcher()
    unit = ' -user -group -name "python" -delete'
    pieces = ["find -type f -mtime -7", *([unit] * 8)]
    fed = next(i for i, piece in enumerate(pieces, 1) if watcher.feed(piece))
    assert watcher.stopped_because == "loop" and fed <= 4
    # A long command that repeats no phrase three times is not a loop.
    assert not stops("rsync -av --exclude .git --exclude node_modules --exclude dist src/ dst/")


def test_a_line_that_keeps_coming_back_to_one_option_is_a_loop() -> None:
    watcher = AnswerWatcher()
    line = 'grep -c "timeout" server.log -n 10 -i "server.log" -o "server.log" -w 10 -n 10 -f '
    assert any(watcher.feed(word + " ") for word in (line * 3).split())
    assert watcher.stopped_because == "loop"
    # Prose may repeat its little words; only option- and path-like words count.
    assert not stops("<think>The user wants the files in the folder, so the answer is the ls")
    assert not stops("find . -name a -o -name b -o -name c -o -name d -print")


def _stops_early(text: str) -> int | None:
    """The number of words fed before a watcher with early loop stops ends the answer."""
    watcher = AnswerWatcher(early_loops=True)
    for count, word in enumerate(text.split(" "), 1):
        if watcher.feed(word + " "):
            return count
    return None


def test_early_loop_stops_catch_a_phrase_said_twice_and_a_second_redirection() -> None:
    line = "ls -la -tulpn -l -o /var/log/lsof -l -o pid -a -p -l -o pid -a -p -l -o pid -a -l"
    assert _stops_early(line) == 16  # the end of the second `-l -o pid -a -p`
    assert not stops(line[:60])  # the usual checks let it run on
    assert (
        _stops_early("tar -C /opt/x.tgz -C /opt/x.tgz > /dev/null > /tmp/y > /dev/null") == 8
    )  # the second `>`
    for command in (
        "awk '$3 > 10' data.txt > out.txt",  # a quoted `>` is no redirection
        "echo a > f; echo b > g",
        "cmd > out 2> err",
        "cmd >> log 2>&1",
        "find . -name a -o -name b -o -name c -o -name d -print",
        "grep -r foo . | sort | uniq -c | sort -rn | head",
        "printf '%s %s %s %s\\n' a b c d a b c d",  # repeated words, but no option among them
    ):
        assert _stops_early(command) is None, command
