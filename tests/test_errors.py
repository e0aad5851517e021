"""One error base: every error that carries what happened and its fix is a CaroError, and the
CLI turns any of them into the same stderr lines, exit code and --json object."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui import cli
from tui.cli.common import CliError, fail
from tui.core.backends.base import BackendError
from tui.core.backends.embedded.mlx_gguf import GgufError
from tui.core.backends.registry import BackendUnavailableError, NoBackendError
from tui.core.config import ConfigError, Problem, UnknownBackendError
from tui.core.errors import CaroError
from tui.core.history import HistoryError
from tui.core.models.catalogue import UnknownModelError
from tui.core.models.hub_plan import DownloadError
from tui.core.models.inventory import ModelActionError
from tui.core.models.resolve import ModelNotFoundError
from tui.core.preview.sandbox import PreviewError
from tui.core.run.shell_bridge import BridgeError
from tui.core.run.shell_history import ShellHistoryError

EXPLAINED = (
    BackendError,
    BackendUnavailableError,
    BridgeError,
    CliError,
    ConfigError,
    DownloadError,
    GgufError,
    HistoryError,
    ModelActionError,
    ModelNotFoundError,
    NoBackendError,
    PreviewError,
    ShellHistoryError,
    UnknownBackendError,
    UnknownModelError,
)


@pytest.mark.parametrize("cls", EXPLAINED, ids=lambda cls: cls.__name__)
def test_every_explained_error_is_a_caro_error(cls: type) -> None:
    assert issubclass(cls, CaroError)


CASES = [
    (ConfigError(Path("/c.toml"), [Problem("unknown section [x]", 3)]), 1, "/c.toml:3:"),
    (UnknownBackendError("olama", ("ollama",)), 2, "unknown backend 'olama'"),
    (NoBackendError("no backend is available", ["ollama: start it", "vllm: start it"]), 3, ""),
    (UnknownModelError("nope"), 2, "no model called 'nope'"),
    (BackendError("connection refused", fix="start it", backend="ollama"), 1, ""),
    (DownloadError("the Hub is offline", "try later", reason="offline"), 1, ""),
    (HistoryError(Path("/h.sqlite3"), "disk I/O error"), 1, "history /h.sqlite3: disk I/O"),
    (CliError("no usable command", 4, "ask again"), 4, ""),
]


@pytest.mark.parametrize(
    ("error", "code", "said"), CASES, ids=[type(case[0]).__name__ for case in CASES]
)
def test_the_cli_says_each_error_once_with_its_code(
    error: CaroError, code: int, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert fail(error) == code
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"caro: {error.message.splitlines()[0]}")
    assert said in err
    if error.fix:
        assert f"  fix: {error.fix.splitlines()[0]}" in err
    assert fail(error, json=True) == code
    out, err = capsys.readouterr()
    assert json.loads(out) == {"error": error.message, "fix": error.fix or None, "exit_code": code}


def test_no_backend_fixes_are_one_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    error = NoBackendError("none is up", ["ollama: `ollama serve`", "vllm: `vllm serve`"])
    assert fail(error) == 3
    err = capsys.readouterr().err
    assert "  fix: ollama: `ollama serve`\n  vllm: `vllm serve`" in err


def _raises_history_error(argv: list[str]) -> int:
    raise ShellHistoryError("zsh keeps no history file here (HISTFILE is empty)")


def test_an_error_no_subcommand_catches_is_said_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(cli.SUBCOMMANDS, "boom", (f"{__name__}:_raises_history_error", ""))
    assert cli.main(["boom"]) == 1
    assert capsys.readouterr().err == "caro: zsh keeps no history file here (HISTFILE is empty)\n"


def test_a_broken_config_reaches_one_shot_json_with_its_fix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.core import paths

    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[mystery]\nx = 1\n", encoding="utf-8")
    assert cli.main(["--json", "list files"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["exit_code"] == 1
    assert f"{path}:1: unknown section [mystery]" in data["error"]
    assert data["fix"] == "fix the lines above; caro never rewrites a broken file"


def test_a_broken_config_reaches_a_subcommand_with_its_fix(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tui.core import paths

    path = paths.config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[ui]\nrefresh_s = -1\n", encoding="utf-8")
    assert cli.main(["backends"]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: ui.refresh_s must be a number greater than 0 (got -1)" in err
    assert "  fix: fix the lines above; caro never rewrites a broken file" in err
