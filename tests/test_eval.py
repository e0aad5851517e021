"""Quality evaluation: scoring, the per-utility breakdown and latency distribution, running
cases through a backend (the bundled model for real), and `caro eval` on three cases."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

import pytest

from tui.core.backends.base import (
    BackendError,
    ErrorKind,
    Finished,
    GenerationRequest,
    Health,
    HealthStatus,
    ModelInfo,
    SamplerSettings,
    StreamEvent,
    TextDelta,
    Timings,
)
from tui.core.backends.embedded.llamacpp import LlamaCppBackend
from tui.core.generation.candidates import reorder_for, utility_support
from tui.core.generation.examples import Example, Scored
from tui.core.generation.pipeline import AnswerWatcher, GenerationSettings, generate_command
from tui.core.generation.shellwords import first_utility
from tui.core.measure.evaluation import (
    Case,
    CaseResult,
    by_utility,
    load_cases,
    run_cases,
    summarise,
)

DEVSET = Path(__file__).parent / "data" / "devset.jsonl"
THREE = [
    Case("list all files including hidden ones", "ls -la"),
    Case("show disk usage of each folder", "du -sh */"),
    Case("count lines in every python file", "wc -l *.py"),
]


def result(reference: str, predicted: str | None, latency: float) -> CaseResult:
    return CaseResult(Case("r", reference), predicted, latency)


def test_the_summary_and_the_breakdown_by_first_utility() -> None:
    rows = [
        result("ls -la", "ls -al", 0.1),  # same utility, same flags
        result("ls -S", "du -sh *", 0.2),
        result("du -sh * | sort -h", "du -h -d1 | sort -hr", 0.3),
        result("du -sh .", None, 0.4),  # no usable command
        result("find . -name '*.py'", "find . -name '*.py'", 1.0),  # exact
    ]
    summary = summarise(rows)
    assert summary.cases == 5
    assert summary.utility_match == pytest.approx(3 / 5)
    assert summary.usable == pytest.approx(4 / 5)
    assert summary.exact == pytest.approx(1 / 5)
    assert summary.latency_p50_s == pytest.approx(0.3)
    assert summary.latency_p90_s == pytest.approx(1.0) and summary.latency_max_s == 1.0
    breakdown = by_utility(rows)
    assert list(breakdown) == ["du", "ls", "find"]  # most cases first, then by name
    assert breakdown["ls"].cases == 2 and breakdown["ls"].utility_match == pytest.approx(0.5)
    assert breakdown["du"].usable == pytest.approx(0.5)
    assert breakdown["find"].exact == 1.0


def test_the_shipped_dev_set_is_ours_and_well_formed() -> None:
    cases = load_cases(DEVSET)
    assert len(cases) == 158
    assert len({c.request for c in cases}) == len(cases)
    assert len(by_utility(CaseResult(c, c.reference, 0.0) for c in cases)) > 20


class Scripted:
    """A backend that answers from a script, or fails with a given error kind."""

    kind = "scripted"
    supports_prefix = False

    def __init__(self, answers: Mapping[str, str], fail: ErrorKind | None = None) -> None:
        self.name = "scripted"
        self.answers = answers
        self.fail = fail

    async def probe(self) -> Health:
        return Health(HealthStatus.UP)

    async def list_models(self) -> list[ModelInfo]:
        return []

    def stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        return self._stream(request)

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        if self.fail is not None:
            raise BackendError("it broke", fix="fix it", kind=self.fail)
        yield TextDelta(self.answers.get(request.messages[-1].content, "") + "\n")
        yield Finished(Timings(ttft_s=0.01, total_s=0.02, completion_tokens=3))

    def describe(self) -> Mapping[str, object]:
        return {"model": "script"}

    async def aclose(self) -> None:
        pass


def test_run_cases_scores_each_answer_and_tells_as_it_goes() -> None:
    backend = Scripted({THREE[0].request: "ls -la", THREE[1].request: "df -h"})
    seen: list[int] = []
    rows = asyncio.run(
        run_cases(
            backend,
            THREE,
            settings=GenerationSettings(candidates=1),
            on_result=lambda i, _r: seen.append(i),
        )
    )
    assert seen == [0, 1, 2]
    assert [r.utility_match for r in rows] == [True, False, False]
    assert rows[0].exact and rows[2].predicted is None and rows[2].error
    assert all(r.latency_s > 0 for r in rows)


def test_a_backend_that_is_down_stops_the_run_a_bad_answer_does_not() -> None:
    with pytest.raises(BackendError):
        asyncio.run(run_cases(Scripted({}, fail=ErrorKind.CONNECTION), THREE))
    rows = asyncio.run(run_cases(Scripted({}, fail=ErrorKind.BAD_RESPONSE), THREE))
    assert [r.usable for r in rows] == [False, False, False]
    assert all("it broke" in r.error for r in rows)


@pytest.mark.slow
def test_the_bundled_model_answers_the_cases(llama_backend: LlamaCppBackend) -> None:
    rows = asyncio.run(run_cases(llama_backend, THREE, settings=GenerationSettings(candidates=1)))
    assert len(rows) == 3 and sum(r.usable for r in rows) >= 2
    assert rows[0].utility_match  # "ls -la" is in reach of even the smallest model


def caro(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=240,
        stdin=subprocess.DEVNULL,
        env={**os.environ},
    )


@pytest.mark.slow
def test_caro_eval_on_three_cases(tmp_path: Path, bundled_model: Path) -> None:
    cases = tmp_path / "three.jsonl"
    cases.write_text(
        "".join(json.dumps({"request": c.request, "reference": c.reference}) + "\n" for c in THREE)
    )
    result = caro(
        "eval",
        str(cases),
        "--backend",
        "embedded-cpu",
        "--model",
        str(bundled_model),
        "--per-utility",
        "--json",
        "--candidates",
        "1",
        "--cases-out",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["backend"] == "embedded-cpu" and data["model"] == bundled_model.name
    summary = data["summary"]
    assert summary["cases"] == 3
    for key in ("utility_match", "flag_overlap", "exact", "usable"):
        assert 0 <= summary[key] <= 1, key
    assert summary["latency_max_s"] >= summary["latency_p90_s"] >= summary["latency_p50_s"] > 0
    assert set(data["per_utility"]) == {"ls", "du", "wc"}
    assert [c["reference"] for c in data["cases"]] == [c.reference for c in THREE]
    assert "case 3/3" in result.stderr

    text = caro(
        "eval",
        str(cases),
        "--backend",
        "embedded-cpu",
        "--model",
        str(bundled_model),
        "--per-utility",
        "--limit",
        "2",
        "--candidates",
        "1",
        "--misses",
    )
    assert text.returncode == 0, text.stderr
    assert "2 cases on embedded-cpu" in text.stdout
    assert "same utilities" in text.stdout and "p90" in text.stdout
    assert "utility" in text.stdout and "misses" in text.stdout


def test_caro_eval_says_what_is_wrong_with_the_cases_file(tmp_path: Path) -> None:
    missing = caro("eval", str(tmp_path / "none.jsonl"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"request": "x"}\n')
    bad = caro("eval", str(broken))
    assert bad.returncode == 2 and "broken.jsonl:1" in bad.stderr and "reference" in bad.stderr


def scored(command: str, score: float) -> Scored:
    return Scored(Example(f"request for {command}", command), score)


def test_utility_support_and_reordering_for_diverse_candidates() -> None:
    examples = [
        scored("ls -la", 3.0),
        scored("ls -A", 2.0),
        scored("du -sh *", 1.0),
        scored("find . -type f", 0.5),
    ]
    support = utility_support(examples)
    assert support["ls"] == pytest.approx(5 / 6.5) and support["find"] == pytest.approx(0.5 / 6.5)
    reordered = reorder_for(examples, {"ls"})
    assert reordered is not None
    assert [s.example.command for s in reordered] == [
        "du -sh *",
        "ls -la",
        "ls -A",
        "find . -type f",
    ]
    assert reorder_for(examples, {"ls", "du", "find"}) is None


class Recording(Scripted):
    def __init__(self, answer: str) -> None:
        super().__init__({})
        self.answer = answer
        self.requests: list[GenerationRequest] = []

    async def _stream(self, request: GenerationRequest) -> AsyncIterator[StreamEvent]:
        self.requests.append(request)
        yield TextDelta(self.answer + "\n")
        yield Finished(Timings(ttft_s=0.01, total_s=0.02, completion_tokens=3))


def test_diverse_candidates_show_another_utility_last_and_stay_greedy() -> None:
    backend = Recording("cat notes.txt")  # never the utility the examples agree on
    asyncio.run(
        generate_command(
            backend,
            "list all files including hidden ones in this folder",
            settings=GenerationSettings(candidates=3, diverse_examples=True, examples=4),
        )
    )
    assert len(backend.requests) == 3
    closest = [first_utility(r.messages[-2].content) for r in backend.requests]
    assert len(set(closest)) == 3, closest  # a different utility shown last each time
    assert {r.sampler.temperature for r in backend.requests} == {0.0}
    assert all(r.messages[0] == backend.requests[0].messages[0] for r in backend.requests)


def test_a_loop_without_spaces_is_stopped_early_and_commands_are_not() -> None:
    watcher = AnswerWatcher()
    pieces = ["cd", " /", "current", "_directory", *(["/", "current", "_directory"] * 20)]
    fed = next(i for i, piece in enumerate(pieces, 1) if watcher.feed(piece))
    assert watcher.stopped_because == "loop" and fed < 20
    for command in (
        "echo ================================================",
        "ls ../../../../../../../..",
        "find . -name '*.py' -newer /tmp/stamp -exec wc -l {} +",
        "base64 -d <<< SGVsbG8gd29ybGQhIEhlbGxvIHdvcmxkIQ==",
    ):
        assert not AnswerWatcher().feed(command), command


def test_later_tries_decode_at_most_half_of_max_tokens() -> None:
    backend = Recording("cat notes.txt")  # not the utility the examples agree on: a retry
    sampler = SamplerSettings(temperature=0.0, max_tokens=96)
    asyncio.run(
        generate_command(
            backend,
            "list all files including hidden ones in this folder",
            settings=GenerationSettings(candidates=2, sampler=sampler),
        )
    )
    assert [r.sampler.max_tokens for r in backend.requests] == [96, 48]
    backend = Recording("cat notes.txt")
    asyncio.run(
        generate_command(
            backend,
            "list all files including hidden ones in this folder",
            settings=GenerationSettings(candidates=2, sampler=sampler, retry_token_share=None),
        )
    )
    assert [r.sampler.max_tokens for r in backend.requests] == [96, 96]
