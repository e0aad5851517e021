"""Nothing a model or a server sends reaches the person's terminal raw, on any CLI path.

A fake Ollama (tests/fake_ollama.py) answers with commands, model ids, a version and error
lines that carry each kind of escape the issue saw: an OSC 52 clipboard write, a screen clear,
a window title, SGR 8 (conceal), 8-bit C1 controls, bidi overrides and zero-width characters.
Every byte caro writes to stdout, stderr or a pseudo-terminal (`--run`) is checked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.test_run_cli import PtyCaro

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J\x1b[H"
TITLE = "\x1b]0;owned\x07"
CONCEAL = "\x1b[8m"
C1 = "\x9b2J\x9d0;t\x9c"
BIDI = "\u202e\u2066\u200f"
ZERO_WIDTH = "\u200b\u200d\u2060\ufeff"
EVERY = OSC52 + CLEAR + TITLE + CONCEAL + C1 + BIDI + ZERO_WIDTH

RAW = frozenset(
    [chr(c) for c in range(0x20) if c not in (0x0A, 0x09, 0x0D)]
    + [chr(0x7F)]
    + [chr(c) for c in range(0x80, 0xA0)]
    + [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    + ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2060", "\ufeff"]
)

MODELS = {
    # name -> reply
    "plain": "ls -la\n",
    "hostile-command": f"ls -la {EVERY}\n",
    "hostile-prose": f"I cannot help with that.{EVERY} Sorry{CLEAR}.\n",
}


def raw_in(data: str | bytes) -> set[str]:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    return {char for char in text if char in RAW}


def assert_clean(*outputs: str | bytes) -> None:
    for output in outputs:
        found = raw_in(output)
        assert not found, f"raw characters {sorted(map(hex, map(ord, found)))} in:\n{output!r}"


def caro(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        text=True,
        timeout=120,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        env={**os.environ, "LANG": "C.UTF-8"},
    )


def configure(fake: FakeOllama, extra: str = "") -> None:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f'[backends.ollama]\nhost = "{fake.url}"\ntimeout = 10\n\n'
        f"[generation]\ncandidates = 1\n\n{extra}"
    )


@pytest.fixture
def fake(isolated_env: Path) -> Iterator[FakeOllama]:
    server = FakeOllama(version_string=f"0.12.3{TITLE}{BIDI}")
    for name, reply in MODELS.items():
        server.add(FakeModel(name, reply=reply))
    server.add(FakeModel(f"evil{OSC52}{C1}:latest{ZERO_WIDTH}", reply="ls\n"))
    with RunningFake(server) as running:
        configure(running)
        yield running


def one_shot(model: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return caro("--backend", "ollama", "--model", model, *extra, "list the files")


def test_a_hostile_command_is_printed_visible_and_rated_high(fake: FakeOllama) -> None:
    result = one_shot("hostile-command")
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout, result.stderr)
    assert result.stdout.startswith("ls -la ␛]52;c;cm0gLXJmIH4=␇␛[2J")
    assert "⟨U+202E⟩" in result.stdout and "⟨U+200B⟩" in result.stdout
    assert "risk: high: contains invisible or control characters" in result.stderr


def test_json_escapes_every_hidden_character(fake: FakeOllama) -> None:
    result = one_shot("hostile-command", "--json")
    assert result.returncode == 0, result.stderr
    assert_clean(result.stdout, result.stderr)
    data = json.loads(result.stdout)
    assert "\x1b]52;c;" in data["command"] and "\u202e" in data["command"]  # the data is intact
    assert data["risk"]["level"] == "high"
    assert "contains invisible or control characters" in data["risk"]["reasons"]


def test_the_model_said_is_shown_visible(fake: FakeOllama) -> None:
    result = one_shot("hostile-prose")
    assert result.returncode == 4, result.stderr
    assert_clean(result.stdout, result.stderr)
    assert "the model said:" in result.stderr and "␛[2J" in result.stderr


def test_a_server_error_line_is_shown_visible(fake: FakeOllama) -> None:
    fake.fail_after = 0
    fake.fail_message = f"model crashed{EVERY} at http://admin:hunter2@10.1.2.3/"
    result = one_shot("hostile-prose")
    assert result.returncode != 0
    assert_clean(result.stdout, result.stderr)
    assert "model crashed␛]52;" in result.stderr
    assert "hunter2" not in result.stderr and "admin:***@10.1.2.3" in result.stderr


def test_backends_and_doctor_show_ids_and_versions_visible(fake: FakeOllama) -> None:
    for args in (["backends"], ["backends", "--json"], ["doctor"], ["doctor", "--json"]):
        result = caro(*args)
        assert_clean(result.stdout, result.stderr)
    table = caro("backends").stdout
    assert "0.12.3␛]0;owned␇⟨U+202E⟩" in table
    assert "evil␛]52;c;" in table


def test_history_and_show_list_a_stored_hostile_command_visible(fake: FakeOllama) -> None:
    assert one_shot("hostile-command").returncode == 0
    assert one_shot("hostile-prose").returncode == 4
    for args in (["history"], ["history", "--show", "1"], ["history", "--show", "2"]):
        result = caro(*args)
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout, result.stderr)
        assert "␛" in result.stdout
    listed = caro("history", "--json")
    assert_clean(listed.stdout)
    commands = [entry["command"] or "" for entry in json.loads(listed.stdout)]
    assert any("\x1b]52" in command for command in commands)  # the data is intact


def test_check_shows_the_command_visible(isolated_env: Path) -> None:
    for args in (["check", "--", f"ls {EVERY}"], ["check", "--json", "--", f"ls {EVERY}"]):
        result = caro(*args)
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout, result.stderr)
        assert "contains invisible or control characters" in result.stdout


def test_run_confirmation_on_the_terminal_shows_what_would_run(
    fake: FakeOllama, tmp_path: Path
) -> None:
    session = PtyCaro("hostile-command", "list the files", cwd=tmp_path)
    session.expect("Type yes to run it")
    shown = session.seen
    assert_clean(shown.replace(b"\r", b""))
    assert "$ ls -la ␛]52;c;cm0gLXJmIH4=␇" in session.text
    assert "contains invisible or control characters" in session.text
    session.send("no\n")
    assert session.finish() == 1


def test_a_nul_byte_is_refused_before_any_confirmation(fake: FakeOllama, tmp_path: Path) -> None:
    fake.add(FakeModel("nul", reply="touch ran-marker\x00; ls\n"))
    result = one_shot("nul")
    assert result.returncode == 4
    assert "NUL byte" in result.stderr
    session = PtyCaro("nul", "list the files", cwd=tmp_path)
    code = session.finish()
    assert code == 4, session.text
    assert "Run it?" not in session.text and "Type" not in session.text
    assert "Traceback" not in session.text
    assert not (tmp_path / "ran-marker").exists()


def test_run_output_on_the_terminal_keeps_colours_only(fake: FakeOllama, tmp_path: Path) -> None:
    fake.add(
        FakeModel(
            "prints-escapes",
            reply="printf '\\033[31mred\\033[0m \\033]52;c;eA==\\007 "
            "\\033[2J \\342\\200\\256x\\n'\n",
        )
    )
    session = PtyCaro("prints-escapes", "print something", cwd=tmp_path)
    session.expect("Run it?")
    session.send("y")
    assert session.finish() == 0, session.text
    assert "\x1b[31mred\x1b[0m" in session.text  # the person's own command keeps its colours
    assert "␛]52;c;eA==␇" in session.text and "␛[2J" in session.text
    assert "\x1b]" not in session.text and "\x1b[2J" not in session.text
    assert "\u202e" not in session.text and "⟨U+202E⟩x" in session.text
