"""Served backends that misbehave, end to end: `caro "..."`, `caro backends` and `caro doctor`
against tests/fault_api.py, for the OpenAI-compatible API and for Ollama's native API.

Each one-shot run has a generous bound (the subprocess's timeout): the configured limits are a
few seconds, and before them an endless stream kept caro busy until something killed it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fault_api import FaultApi, model_id
from tests.servers import FaultServer, hang

MODEL = model_id(0)

BOUND_S = 60  # far above the few seconds the limits below allow; a hang fails the test
KINDS = ("openai", "ollama")


def caro(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=BOUND_S,
        stdin=subprocess.DEVNULL,
    )


def configure(
    kind: str, url: str, *, model: str | None = MODEL, timeout: float = 2, extra: str = ""
) -> str:
    """A config with one served backend (named like its kind) and nothing else enabled."""
    name = "lab" if kind == "openai" else "ollama"
    lines = [
        "[backends.embedded-cpu]",
        "enabled = false",
        "",
        f"[backends.{name}]",
        f'kind = "{kind}"',
        f'url = "{url}"',
        f"timeout = {timeout:g}",
        "deadline_s = 4",
        "reasoning_budget = 100",
    ]
    if model:
        lines.append(f'model = "{model}"')
    if kind == "openai":
        lines[2:2] = ["[backends.ollama]", "enabled = false", ""]
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return name


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def fault(name: str, **options: object) -> pytest.MarkDecorator:
    """The test runs against a FaultApi with this fault (and options), for each API."""
    return pytest.mark.parametrize("served", [(name, options)], indirect=True, ids=[name])


@pytest.fixture
def served(kind: str, request: pytest.FixtureRequest) -> Iterator[tuple[str, FaultApi]]:
    name, options = request.param
    with FaultApi(name, **options) as server:
        yield configure(kind, server.url), server


def one_shot(name: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return caro("--backend", name, *extra, "list all files")


@fault("reasoning")
def test_endless_reasoning_ends_at_the_reasoning_budget(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    result = one_shot(name)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "more than 100 pieces of reasoning (the reasoning budget)" in result.stderr
    assert f"caro config set backends.{name}.reasoning_budget 200" in result.stderr


@fault("keepalive")
def test_keep_alives_alone_are_not_progress(served: tuple[str, FaultApi]) -> None:
    name, server = served
    result = one_shot(name)
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert f"no progress for 2 s: the server at {server.url} sent only keep-alives" in (
        result.stderr
    )
    assert f"backends.{name}.timeout" in result.stderr


@fault("slow")
def test_slow_endless_content_ends_at_the_deadline(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    result = one_shot(name)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "no complete answer within 4 s (the deadline for one answer)" in result.stderr
    assert f"caro config set backends.{name}.deadline_s 8" in result.stderr


@fault("slow")
def test_json_on_failure_is_one_object_with_error_fix_and_exit_code(
    served: tuple[str, FaultApi],
) -> None:
    name, _ = served
    result = one_shot(name, "--json")
    assert result.returncode == 1
    payload = json.loads(result.stdout)  # the whole of stdout is one object
    assert set(payload) == {"error", "fix", "exit_code"}
    assert payload["exit_code"] == 1
    assert "no complete answer within 4 s" in payload["error"]
    assert "deadline_s 8" in payload["fix"]


@fault("many", models=20_000)
def test_twenty_thousand_models_do_not_stop_an_answer(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    result = one_shot(name, "--candidates", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ls -la\n"


@fault("list404")
def test_a_failing_model_list_does_not_stop_a_configured_model(
    served: tuple[str, FaultApi],
) -> None:
    name, _ = served
    result = one_shot(name, "--candidates", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ls -la\n"


@pytest.mark.parametrize("kind", KINDS)
def test_without_a_model_the_lists_own_error_is_said(kind: str) -> None:
    with FaultApi("list404") as server:
        name = configure(kind, server.url, model=None)
        result = one_shot(name)
    assert result.returncode != 0 and result.stdout == ""
    assert "no model is configured, and the model list failed: HTTP 404" in result.stderr
    assert "lists no model" not in result.stderr
    assert f"set [backends.{name}] model" in result.stderr


@fault("busy", retry_after_s=1)
def test_a_busy_server_is_retried_once_then_said_busy(served: tuple[str, FaultApi]) -> None:
    name, server = served
    result = one_shot(name)
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert f"the server at {server.url} is busy: HTTP 429" in result.stderr
    assert "try again in 1 s (its Retry-After)" in result.stderr
    assert "trying once more in 1 s" in result.stderr
    chats = [r for r in server.requests if r.endswith(("/chat/completions", "/api/chat"))]
    assert len(chats) == 2, "Retry-After is honoured once, not more"


@fault("busy", retry_after_s=1, busy_chats=1)
def test_a_server_busy_once_answers_after_its_retry_after(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    result = one_shot(name, "--candidates", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ls -la\n"


@fault("busy", retry_after_s=30)
def test_a_retry_after_beyond_the_deadline_is_not_waited_for(
    served: tuple[str, FaultApi],
) -> None:
    name, _ = served
    result = one_shot(name)
    assert result.returncode == 3, result.stderr
    assert "try again in 30 s (its Retry-After)" in result.stderr
    assert "trying once more" not in result.stderr


@fault("reset")
def test_a_reset_says_the_server_closed_the_connection(served: tuple[str, FaultApi]) -> None:
    name, server = served
    first, second = one_shot(name), one_shot(name)
    assert first.returncode == 1, first.stderr
    said = f"the server at {server.url} closed the connection before its answer was complete"
    assert said in first.stderr
    assert "is still running and see its log" in first.stderr
    fix = first.stderr.split("fix:", 1)[1].split("\n")[0]
    assert "start the server" not in fix and "ollama serve" not in fix  # it is running
    # One wording, whatever the run: the same lines both times.
    assert [line for line in first.stderr.splitlines() if "failed" in line] == [
        line for line in second.stderr.splitlines() if "failed" in line
    ]


@fault("utf8")
def test_invalid_utf8_in_the_command_makes_it_unusable(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    result = one_shot(name, "--candidates", "1", "--json")
    assert result.returncode == 4, result.stderr
    payload = json.loads(result.stdout)
    assert payload["command"] is None
    assert "not valid UTF-8" in payload["error"]
    assert any("not valid UTF-8" in warning for warning in payload["warnings"])


# -- caro backends and caro doctor --------------------------------------------------------


def backends_report(name: str) -> dict[str, object]:
    result = caro("backends", "--json")
    assert result.returncode == 0, result.stderr
    reports = {report["name"]: report for report in json.loads(result.stdout)}
    report: dict[str, object] = reports[name]
    return report


@pytest.mark.parametrize("kind", KINDS)
def test_backends_and_doctor_with_twenty_thousand_models(kind: str) -> None:
    with FaultApi("many", models=20_000) as server:
        # A generous timeout: reading 20,000 models the first time takes seconds here.
        name = configure(kind, server.url, timeout=60)
        backends_and_doctor_with_many(name)


def backends_and_doctor_with_many(name: str) -> None:
    report = backends_report(name)
    assert report["status"] == "up"
    assert isinstance(report["models"], list) and len(report["models"]) == 20_000
    table = caro("backends")
    assert "(+19996)" in table.stdout
    doctor = caro("doctor")
    assert doctor.returncode == 0, doctor.stdout


@fault("list404")
def test_backends_and_doctor_with_a_failing_list(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    report = backends_report(name)
    assert report["models_error"] and "HTTP 404" in str(report["models_error"])
    # Degraded whatever the kind, as in the workbench (Ollama's health check reads no list).
    assert report["status"] == "degraded"
    row = next(line for line in caro("backends").stdout.splitlines() if line.startswith(name))
    assert row.split()[2] == "degraded", row
    doctor = caro("doctor")
    assert f"chats with the configured model {MODEL}" in doctor.stdout
    assert "no backend can answer" not in doctor.stdout
    assert doctor.returncode == 0, doctor.stdout


@fault("busy", retry_after_s=5)
def test_backends_and_doctor_call_a_busy_server_degraded(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    report = backends_report(name)
    assert report["status"] == "degraded"
    assert "busy" in str(report["detail"]) and "Retry-After" in str(report["fix"])
    assert report["latency_s"] is not None, "an error status is an answer: it has a latency"
    doctor = caro("doctor")
    assert "WARN" in doctor.stdout and "busy" in doctor.stdout


@fault("reset")
def test_backends_and_doctor_with_a_server_that_resets_chats(served: tuple[str, FaultApi]) -> None:
    name, _ = served
    assert backends_report(name)["status"] == "up"  # only chats are reset
    assert caro("doctor").returncode == 0


@pytest.mark.parametrize("fault", ["reasoning", "keepalive", "slow", "utf8"])
def test_backends_and_doctor_see_a_server_whose_chat_misbehaves_as_up(
    kind: str, fault: str
) -> None:
    with FaultApi(fault) as server:
        name = configure(kind, server.url)
        assert backends_report(name)["status"] == "up"
        assert caro("doctor").returncode == 0


# -- suggestions, and the Hub when offline ----------------------------------------------------


def test_a_fast_failure_does_not_wait_for_a_hanging_backend_to_suggest_it() -> None:
    from tests.conftest import closed_port

    with FaultServer([hang]) as slow:
        Path(os.environ["CARO_CONFIG"]).parent.mkdir(parents=True, exist_ok=True)
        Path(os.environ["CARO_CONFIG"]).write_text(
            "[backends.embedded-cpu]\nenabled = false\n\n[backends.ollama]\nenabled = false\n\n"
            f'[backends.lab]\nkind = "openai"\nurl = "http://127.0.0.1:{closed_port()}"\n'
            'model = "m"\ntimeout = 2\n\n'
            f'[backends.slowpoke]\nkind = "openai"\nurl = "{slow.url}"\ntimeout = 40\n',
            encoding="utf-8",
        )
        # Before, the suggestion waited for slowpoke's 40 s timeout: the bound fails that.
        result = subprocess.run(
            [sys.executable, "-m", "tui", "--backend", "lab", "list files"],
            capture_output=True,
            text=True,
            timeout=25,
            stdin=subprocess.DEVNULL,
        )
    assert result.returncode == 3
    assert "connection refused" in result.stderr
    # slowpoke is slow, not known to be down: the suggestion says so.
    assert "no other backend is known to be up: slowpoke did not answer within 3 s" in (
        result.stderr
    )


@pytest.mark.parametrize("value", ["1", "true"])
def test_hf_hub_offline_skips_the_hub_at_once(value: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with FaultServer([hang]) as hub:
        monkeypatch.setenv("HF_ENDPOINT", hub.url)
        monkeypatch.setenv("HF_HUB_OFFLINE", value)
        result = caro("models", "pull", "qwen2.5-coder-0.5b")
        asked = hub.connections
    assert result.returncode == 1
    assert "HF_HUB_OFFLINE is set: caro does not contact the Hub" in result.stderr
    assert "unset HF_HUB_OFFLINE" in result.stderr
    assert asked == 0, "the Hub was contacted"
