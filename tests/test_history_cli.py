"""The CLI side: one-shot requests land in the history, `--output-file`, `caro history`,
`caro init`, and recording a finished run (caro's history and the shell's own file)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_cli import caro
from tui.cli.history import main as history_main
from tui.core import paths
from tui.core.history import History
from tui.core.history.recording import FinishedRun, note_run
from tui.core.run import shell_bridge

# -- one-shot requests ------------------------------------------------------------------------


@pytest.mark.slow
def test_one_shot_records_the_request_and_writes_the_output_file(tmp_path: Path) -> None:
    output = tmp_path / "accepted"
    output.write_text("")  # as the widget's mktemp leaves it
    result = caro("--output-file", str(output), "--cwd", "/srv", "show the current date")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""  # the command went to the file instead
    command = output.read_text()
    assert command.endswith("\n") and command.strip()
    with History.open() as history:
        (entry,) = history.search()
    assert entry.request == "show the current date" and entry.command == command.strip()
    assert entry.cwd == "/srv" and entry.source == "cli"
    assert entry.backend == "embedded-cpu" and "SmolLM2" in (entry.model or "")
    assert entry.raw and entry.timings and entry.timings["total_s"] > 0
    assert entry.risk_level is not None and not entry.runs


@pytest.mark.slow
def test_a_request_without_a_usable_command_is_recorded_and_the_file_left_empty(
    tmp_path: Path,
) -> None:
    output = tmp_path / "accepted"
    output.write_text("")
    result = caro(
        "--output-file",
        str(output),
        *("--examples", "0", "--candidates", "1", "--max-tokens", "1"),
        "write a poem about the sea",
    )
    assert result.returncode == 4
    assert output.read_text() == ""  # the widget then leaves the prompt line alone
    with History.open() as history:
        (entry,) = history.search("poem")
    assert entry.command is None and entry.error and entry.raw is not None


@pytest.mark.slow
def test_a_history_that_cannot_be_written_does_not_stop_the_command(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = caro("list files", env={"CARO_DATA_DIR": str(blocker / "data")})
    assert result.returncode == 0
    assert result.stdout.strip()
    assert "not recorded in the history" in result.stderr and str(blocker) in result.stderr


def test_an_output_file_that_cannot_be_written_fails_before_the_model_runs(
    tmp_path: Path,
) -> None:
    folder = caro("--output-file", str(tmp_path), "list files")
    assert folder.returncode == 2 and f"--output-file {tmp_path} is a folder" in folder.stderr
    missing = tmp_path / "no" / "such"
    nowhere = caro("--output-file", str(missing), "list files")
    assert nowhere.returncode == 2 and "in a folder that does not exist" in nowhere.stderr
    assert "backend" not in folder.stderr + nowhere.stderr  # no backend was even chosen
    assert not paths.history_db().exists()


# -- caro history -----------------------------------------------------------------------------


@pytest.fixture
def filled() -> dict[str, int]:
    with History.open() as history:
        ids = {
            "ls": history.record_request(
                "list all files",
                cwd=os.getcwd(),
                command="ls -la",
                risk={"level": "safe", "reasons": []},
                created_at=1_700_000_000,
            ),
            "rm": history.record_request(
                "clean the build",
                cwd="/elsewhere",
                command="rm -rf ./build",
                raw="rm -rf ./build",
                backend="embedded-cpu",
                model="SmolLM2",
                risk={"level": "moderate", "reasons": ["deletes ./build recursively"]},
                timings={"ttft_s": 0.1, "total_s": 0.4, "tokens_per_s": 31.5},
                created_at=1_700_000_100,
            ),
            "poem": history.record_request(
                "a poem", cwd="/", raw="The sea", error="only prose", created_at=1_700_000_200
            ),
        }
        history.record_edit(ids["rm"], "rm -rf ./build ./dist")
        history.record_run(ids["rm"], exit_code=0, duration_s=0.31, confirmed_by="key")
    return ids


def test_history_lists_newest_last_with_risk_status_and_request(
    filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert history_main([]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6
    assert lines[0].split()[:1] == [str(filled["ls"])]
    assert "safe" in lines[0] and "not run" in lines[0] and lines[0].endswith("ls -la")
    assert lines[1].strip() == "list all files"
    assert "moderate" in lines[2] and "exit 0" in lines[2]
    assert lines[2].endswith("rm -rf ./build ./dist")  # the command as last edited
    assert "no command" in lines[4] and "(only prose)" in lines[4]


def test_history_search_filters_and_json(
    filled: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    assert history_main(["BUILD", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in data] == [filled["rm"]]
    assert data[0]["runs"][0]["confirmed_by"] == "key"
    assert data[0]["final_command"] == "rm -rf ./build ./dist"
    history_main(["--ran", "--json"])
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [filled["rm"]]
    history_main(["--here", "--json"])
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [filled["ls"]]
    history_main(["--limit", "1", "--json"])
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [filled["poem"]]
    assert history_main(["nothing-like-this"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no history entries match" in captured.err


def test_history_show(filled: dict[str, int], capsys: pytest.CaptureFixture[str]) -> None:
    assert history_main(["--show", str(filled["rm"])]) == 0
    text = capsys.readouterr().out
    for expected in (
        "clean the build",
        "in /elsewhere",
        "embedded-cpu, model SmolLM2",
        "command   rm -rf ./build",
        "edited    rm -rf ./build ./dist",
        "risk      moderate: deletes ./build recursively",
        "first token 0.10 s, total 0.40 s, 31.5 tokens/s",
        "exit 0 after 0.31 s, confirmed by key",
    ):
        assert expected in text, expected
    assert history_main(["--show", str(filled["ls"]), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["command"] == "ls -la"
    assert history_main(["--show", "999"]) == 1
    assert "no history entry #999" in capsys.readouterr().err


def test_history_copy_without_a_clipboard_says_how_to_get_the_command(
    filled: dict[str, int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    code = history_main(["--copy", str(filled["rm"])])
    err = capsys.readouterr().err
    if code == 0:  # a clipboard tool that works without a display
        assert "copied" in err
    else:
        assert code == 1 and "clipboard" in err and f"--show {filled['rm']}" in err
    assert history_main(["--copy", str(filled["poem"])]) == 1
    assert "no command to copy" in capsys.readouterr().err


def test_history_before_any_request_creates_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert history_main([]) == 0
    assert "no history yet" in capsys.readouterr().err
    assert not paths.history_db().exists()
    assert history_main(["--show", "1"]) == 1


def test_history_reports_a_damaged_database_and_keeps_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths.history_db().parent.mkdir(parents=True)
    paths.history_db().write_bytes(b"garbage" * 1000)
    assert history_main([]) == 0
    err = capsys.readouterr().err
    assert "was damaged" in err and "moved to" in err
    (moved,) = paths.history_db().parent.glob("history.sqlite3.damaged-*")
    assert moved.read_bytes() == b"garbage" * 1000


def test_history_is_a_subcommand() -> None:
    result = caro("history", "--limit", "0")
    assert result.returncode == 2 and "--limit must be at least 1" in result.stderr


# -- recording a run --------------------------------------------------------------------------


def test_note_run_records_the_run_and_the_shell_history(tmp_path: Path) -> None:
    histfile = tmp_path / ".zsh_history"
    with History.open() as history:
        entry_id = history.record_request("list", cwd="/", command="ls")
        run = FinishedRun(
            command="ls -a",
            exit_code=2,
            duration_s=1.5,
            started_at=1_700_000_000.0,
            confirmed_by="yes",
        )
        env = {"CARO_SHELL": "zsh", "CARO_HISTFILE": str(histfile)}
        assert note_run(history, entry_id, run, shell_history=True, env=env) == []
        entry = history.get(entry_id)
    assert entry is not None and entry.runs[0].command == "ls -a"
    assert entry.runs[0].exit_code == 2 and entry.runs[0].confirmed_by == "yes"
    assert histfile.read_bytes() == b": 1700000000:1;ls -a\n"


def test_note_run_leaves_the_shell_history_alone_unless_asked(tmp_path: Path) -> None:
    histfile = tmp_path / ".bash_history"
    run = FinishedRun("ls", 0, 0.1, 1.0, "key")
    env = {"CARO_SHELL": "bash", "CARO_HISTFILE": str(histfile)}
    assert note_run(None, None, run, shell_history=False, env=env) == []
    assert not histfile.exists()


def test_note_run_returns_problems_instead_of_raising(tmp_path: Path) -> None:
    with History.open() as history:
        run = FinishedRun("ls", 0, 0.1, 1.0, "key")
        problems = note_run(history, 12345, run, shell_history=True, env={"CARO_SHELL": "tcsh"})
    assert len(problems) == 2
    assert "no entry #12345" in problems[0]
    assert "tcsh" in problems[1] and "shell's history" in problems[1]


# -- caro init --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("shell", "check"),
    [("bash", ["bash", "-n"]), ("zsh", ["zsh", "-n"]), ("fish", ["fish", "--no-execute"])],
)
def test_init_prints_a_script_the_shell_parses(shell: str, check: list[str]) -> None:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here (apt-get install -y {shell})")
    result = caro("init", shell)
    assert result.returncode == 0, result.stderr
    script = result.stdout
    assert "@CARO@" not in script and "@KEY" not in script
    assert shell_bridge.caro_executable() in script
    assert "Ctrl+G" in script and shell_bridge.DEFAULT_KEYS[shell] in script
    parsed = subprocess.run(check, input=script, capture_output=True, text=True, timeout=30)
    assert parsed.returncode == 0, parsed.stderr


def test_init_key_and_errors() -> None:
    assert 'bindkey -M emacs "${CARO_KEY:-^T}"' in shell_bridge.widget("zsh", key="^T")
    bad = caro("init", "bash", "--key", 'x"; rm -rf ~ #')
    assert bad.returncode == 2 and "not a key in bash's notation" in bad.stderr
    assert caro("init", "tcsh").returncode == 2
    with pytest.raises(shell_bridge.BridgeError, match="caro has one for zsh, bash, fish"):
        shell_bridge.widget("tcsh")


def test_fish_quote_survives_the_real_fish() -> None:
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here (apt-get install -y fish)")
    text = "/opt/it's \\ here/$HOME/(caro)"
    result = subprocess.run(
        ["fish", "-c", f"printf '%s' {shell_bridge.fish_quote(text)}"],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "XDG_CONFIG_HOME": os.environ["CARO_CACHE_DIR"]},
    )
    assert result.stdout == text
