"""One request context: the same settings, the same rating and the same shell, whichever front
end the request comes through.

The front ends run for real: `caro` one-shot (also with `--preview`, which rated without the
person's patterns before) and `caro --run` as processes (answered by a fake Ollama whose models
reply with known commands), `caro check` in-process, and the workbench
under Pilot with a replaying backend. The command is `chmod -R 777 ./sandbox`: high on its own,
moderate under the config's allow pattern, so a front end that skips the person's policy says
high.
"""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.helpers import app_with, settle, static_text, write_config
from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.replay import ReplayBackend
from tests.test_cli import caro
from tests.test_run_cli import PtyCaro
from tui.cli import eval as eval_cli
from tui.cli import oneshot
from tui.core.backends.base import SamplerSettings
from tui.core.config import load
from tui.core.generation.context import FALLBACK_SHELL, Shell, resolve_shell
from tui.core.history import Entry, History
from tui.core.request import GenerationFlags, RequestContext
from tui.core.safety.cli_check import check_main

COMMAND = "chmod -R 777 ./sandbox"
REQUEST = "let everyone write in sandbox"
SHELL_REPLY = 'echo "$0" > shell.txt'


@pytest.fixture
def fake(isolated_env: Path) -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("high", reply=COMMAND + "\n"))
    server.add(FakeModel("shell", reply=SHELL_REPLY + "\n"))
    with RunningFake(server) as running:
        yield running


def configure(fake: FakeOllama | None = None) -> None:
    ollama = f'[backends.ollama]\nhost = "{fake.url}"\ntimeout = 10\n\n' if fake else ""
    write_config(
        '[backends.embedded-cpu]\nmodel = "replay.gguf"\n\n'
        + ollama
        + "[generation]\ncandidates = 1\n\n"
        + f'[safety]\nallow = ["{COMMAND}"]\n'
    )


def entries() -> list[Entry]:
    with History.open() as history:
        return history.search(None)


# -- settings ---------------------------------------------------------------------------------


def test_settings_merge_defaults_then_config_then_backend_then_flags() -> None:
    write_config(
        '[backends.embedded-cpu]\nmodel = "replay.gguf"\ntop_k = 20\n\n'
        "[generation]\ncandidates = 2\nexamples = 5\ntemperature = 0.2\nmax_tokens = 80\n"
    )
    plain = RequestContext.build(load()).settings("embedded-cpu")
    assert (plain.candidates, plain.examples) == (2, 5)
    assert plain.sampler.temperature == 0.2 and plain.sampler.top_k == 20
    assert plain.sampler.max_tokens == 80

    flags = GenerationFlags(candidates=1, sampler=SamplerSettings(max_tokens=40, top_k=5))
    flagged = RequestContext.build(load(), flags=flags).settings("embedded-cpu")
    assert (flagged.candidates, flagged.examples) == (1, 5)
    assert flagged.sampler.max_tokens == 40 and flagged.sampler.top_k == 5
    assert flagged.sampler.temperature == 0.2

    varied = RequestContext.build(load()).settings("embedded-cpu", vary=7)
    assert varied.sampler.seed == 7 and (varied.sampler.temperature or 0) > 0.2


def test_one_shot_and_eval_read_the_same_flags_into_the_same_settings() -> None:
    write_config('[backends.embedded-cpu]\nmodel = "replay.gguf"\n')
    words = ["--candidates", "2", "--examples", "3", "--temperature", "0.4", "--max-tokens", "50"]
    shot = oneshot.build_parser().parse_args([*words, "list files"])
    evaluation = eval_cli.build_parser().parse_args([*words, "cases.jsonl"])
    contexts = [
        RequestContext.build(load(), flags=oneshot.generation_flags(args))
        for args in (shot, evaluation)
    ]
    one, other = (context.settings("embedded-cpu") for context in contexts)
    assert one == other
    assert one.candidates == 2 and one.sampler.temperature == 0.4


async def test_the_workbench_asks_with_the_settings_of_the_context() -> None:
    write_config(
        '[backends.embedded-cpu]\nmodel = "replay.gguf"\n\n[generation]\nmax_tokens = 33\n'
    )
    app = app_with(load(), {"embedded-cpu": ReplayBackend("embedded-cpu", ["ls\n"])})
    assert app.engines.settings("embedded-cpu") == app.engines.request.settings("embedded-cpu")
    assert app.engines.settings("embedded-cpu").sampler.max_tokens == 33


# -- the shell --------------------------------------------------------------------------------


def test_the_shell_is_shell_when_it_names_a_program(tmp_path: Path) -> None:
    assert resolve_shell({"SHELL": "/bin/sh"}) == Shell("sh", "/bin/sh")
    # A bare name is looked up on PATH, so that what runs is a path.
    found = resolve_shell({"SHELL": "sh", "PATH": "/usr/bin:/bin"})
    assert found.name == "sh" and os.path.isabs(found.path)
    # Not a program: the shell caro was started from, else /bin/sh; never a missing path.
    missing = resolve_shell({"SHELL": str(tmp_path / "no-such-shell")})
    assert missing.path != str(tmp_path / "no-such-shell")
    assert os.access(missing.path, os.X_OK)
    assert missing.name == Path(missing.path).name
    assert os.access(FALLBACK_SHELL, os.X_OK)
    # The shell widget names the shell it serves: the command lands on that shell's prompt line.
    served = resolve_shell({"CARO_SHELL": "sh", "SHELL": "/bin/bash", "PATH": "/usr/bin:/bin"})
    assert served.name == "sh" and os.path.isabs(served.path)


def a_shell_of_its_own(tmp_path: Path) -> str:
    """A shell at a path of its own (sh under another name), so no other guess can match it."""
    folder = tmp_path / "shells"
    folder.mkdir()
    link = folder / "caro-test-sh"
    link.symlink_to("/bin/sh")
    return str(link)


def test_the_cli_tells_the_model_runs_and_records_the_same_shell(
    fake: FakeOllama, tmp_path: Path
) -> None:
    configure(fake)
    shell = a_shell_of_its_own(tmp_path)
    run = PtyCaro("shell", "say which shell runs this", cwd=tmp_path, env={"SHELL": shell})
    run.expect("Run it?")
    assert f"with {shell}" in run.text
    run.send("y")
    assert run.finish() == 0
    (asked,) = fake.requests
    system = asked["messages"][0]
    assert system["role"] == "system" and "caro-test-sh" in system["content"]
    assert (tmp_path / "shell.txt").read_text().strip() == shell  # $0: the program that ran
    (entry,) = entries()
    assert entry.shell == shell

    answered = caro("--backend", "ollama", "--model", "shell", "--json", "x", env={"SHELL": shell})
    assert answered.returncode == 0, answered.stderr
    assert "caro-test-sh" in fake.requests[-1]["messages"][0]["content"]
    assert {entry.shell for entry in entries()} == {shell}


async def test_the_workbench_tells_the_model_runs_and_records_the_same_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure()
    shell = a_shell_of_its_own(tmp_path)
    monkeypatch.setenv("SHELL", shell)
    backend = ReplayBackend("embedded-cpu", [SHELL_REPLY + "\n"])
    # No fixed prompt context: the prompt describes the app's own request context.
    app = app_with(load(), {"embedded-cpu": backend}, context=None, cwd=str(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*"say which shell runs this", "enter")
        await settle(app)
        await pilot.press("ctrl+r")  # moderate: one key confirms
        await settle(app)
        await pilot.press("y")
        await settle(app)
        await pilot.pause()
    system = backend.requests[0].messages[0]
    assert system.role == "system" and "caro-test-sh" in system.content
    assert (tmp_path / "shell.txt").read_text().strip() == shell
    (entry,) = entries()
    assert entry.shell == shell and entry.runs


# -- the rating -------------------------------------------------------------------------------


def test_the_command_is_high_without_the_allow_pattern() -> None:
    """What the next test relies on: the allow pattern is what makes it moderate."""
    from tui.core.safety import assess

    assert assess(COMMAND).level.label == "high"


async def test_the_same_command_gets_the_same_level_through_every_front_end(
    fake: FakeOllama, tmp_path: Path
) -> None:
    configure(fake)
    levels: dict[str, str] = {}

    out = io.StringIO()
    assert check_main(["--json", "--", COMMAND], out=out) == 0
    levels["caro check"] = json.loads(out.getvalue())["level"]

    shot = caro("--backend", "ollama", "--model", "high", "--json", REQUEST)
    assert shot.returncode == 0, shot.stderr
    levels["one-shot --json"] = json.loads(shot.stdout)["risk"]["level"]
    (recorded,) = entries()
    levels["history (one-shot)"] = str(recorded.risk_level)

    sandbox = tmp_path / "sandbox"
    sandbox.mkdir(mode=0o700)
    argv = ["--backend", "ollama", "--model", "high", "--preview", "--json", REQUEST]
    previewed = subprocess.run(
        [sys.executable, "-m", "tui", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert previewed.returncode == 0, previewed.stderr
    levels["one-shot --preview --json"] = json.loads(previewed.stdout)["risk"]["level"]

    run = PtyCaro("high", REQUEST, cwd=tmp_path)
    run.expect("Run it?")
    levels["--run"] = run.text.split("risk: ", 1)[1].split()[0]
    run.send("n")
    assert run.finish() == 1
    assert stat.S_IMODE(sandbox.stat().st_mode) == 0o700

    backend = ReplayBackend("embedded-cpu", [COMMAND + "\n"])
    app = app_with(load(), {"embedded-cpu": backend}, cwd=str(tmp_path))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press(*REQUEST, "enter")
        await settle(app)
        await pilot.pause()
        levels["workbench"] = static_text(app, "#risk").removeprefix("risk: ").split()[0]
    levels["history (workbench)"] = str(next(e.risk_level for e in entries() if e.source != "cli"))

    assert set(levels.values()) == {"moderate"}, levels
