"""Files caro writes keep the person's data private and never go where a link points; commands
caro suggests are quoted; model names that would escape the models folder are refused; bad
input gets a message and an exit code, never a traceback."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fake_ollama import FakeModel, FakeOllama, RunningFake
from tests.fault_api import FaultApi
from tui.core import config
from tui.core.history import History
from tui.core.models import catalogue, hub_plan
from tui.core.models import resolve as models


def caro(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "tui", *args],
        capture_output=True,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def fake(isolated_env: Path) -> Iterator[FakeOllama]:
    server = FakeOllama()
    server.add(FakeModel("plain", reply="ls -la\n"))
    with RunningFake(server) as running:
        path = Path(os.environ["CARO_CONFIG"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'[backends.ollama]\nhost = "{running.url}"\ntimeout = 10\nmodel = "plain"\n\n'
            "[generation]\ncandidates = 1\n"
        )
        yield running


# -- --output-file ------------------------------------------------------------------------------


def test_output_file_never_follows_a_symlink(fake: FakeOllama, tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    link = tmp_path / "out"
    link.symlink_to(precious)
    result = caro("--backend", "ollama", "--output-file", str(link), "list files")
    assert result.returncode == 2, result.stderr
    assert "symbolic link" in result.stderr and "Traceback" not in result.stderr
    assert precious.read_text() == "keep me\n"


def test_output_file_is_created_private(fake: FakeOllama, tmp_path: Path) -> None:
    target = tmp_path / "command.txt"
    result = caro("--backend", "ollama", "--output-file", str(target), "list files")
    assert result.returncode == 0, result.stderr
    assert target.read_text() == "ls -la\n"
    assert mode(target) == 0o600


def test_output_file_hands_over_a_hostile_command_visible(fake: FakeOllama, tmp_path: Path) -> None:
    fake.add(FakeModel("hostile", reply="ls \x1b]52;c;eA==\x07\u202e -la\n"))
    target = tmp_path / "command.txt"
    result = caro("--backend", "ollama", "-m", "hostile", "--output-file", str(target), "ls")
    assert result.returncode == 0, result.stderr
    assert target.read_text() == "ls ␛]52;c;eA==␇⟨U+202E⟩ -la\n"


# -- config, history ----------------------------------------------------------------------------


def test_config_set_keeps_the_files_mode(isolated_env: Path) -> None:
    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True)
    path.write_text('# mine\n[ui]\ntheme = "caro-dark"\n')
    path.chmod(0o600)
    config.set_value(path, "ui.theme", "caro-light")
    assert mode(path) == 0o600
    assert "# mine" in path.read_text() and "caro-light" in path.read_text()
    path.chmod(0o640)
    result = caro("config", "set", "ui.theme", "caro-ember")
    assert result.returncode == 0, result.stderr
    assert mode(path) == 0o640


def test_a_new_config_file_is_private(isolated_env: Path) -> None:
    path = Path(os.environ["CARO_CONFIG"])
    config.set_value(path, "ui.theme", "caro-light")
    assert mode(path) == 0o600


def test_the_history_is_private(isolated_env: Path) -> None:
    data = Path(os.environ["CARO_DATA_DIR"])
    old_umask = os.umask(0o022)
    try:
        with History.open() as history:
            history.record_request("list files", cwd="/tmp", shell="bash", source="cli")
    finally:
        os.umask(old_umask)
    assert mode(data) == 0o700
    database = data / "history.sqlite3"
    assert mode(database) == 0o600
    for companion in data.glob("history.sqlite3-*"):
        assert mode(companion) == 0o600, companion


def test_an_existing_open_history_database_is_made_private(isolated_env: Path) -> None:
    data = Path(os.environ["CARO_DATA_DIR"])
    with History.open():
        pass
    database = data / "history.sqlite3"
    database.chmod(0o644)
    with History.open():
        pass
    assert mode(database) == 0o600


# -- models: names and suggested commands ---------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "hf:org/repo/../../../.bashrc.gguf",
        "hf:org/repo/sub/dir/x.gguf",
        "hf:org/repo/-rf.gguf",
        "hf:org/repo/..gguf",
        "hf:-org/repo/x.gguf",
        "hf:../repo/x.gguf",
        "hf:org/repo/a;touch pwned.gguf",
        "hf:org/repo/a\x1b]0;x\x07.gguf",
    ],
)
def test_a_model_name_that_leaves_the_folder_is_refused(name: str) -> None:
    with pytest.raises(catalogue.UnknownModelError) as caught:
        catalogue.lookup(name)
    assert "\x1b" not in caught.value.message


def test_a_refused_name_downloads_and_suggests_nothing(isolated_env: Path, tmp_path: Path) -> None:
    here = tmp_path / "here"
    here.mkdir()
    result = caro("models", "pull", "hf:org/repo/../../escape.gguf", cwd=here)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "`..`" in result.stderr
    assert "curl" not in result.stderr and "hf download" not in result.stderr
    assert not list(here.iterdir())
    assert not list((isolated_env / "cache").rglob("*.gguf"))


def test_the_manual_download_command_quotes_every_word(tmp_path: Path) -> None:
    folder = tmp_path / "my models; touch pwned"
    command = models.manual_download_command(models.HubFile("org/repo", "model $(id).gguf"), folder)
    words = shlex.split(command)
    assert words[:3] == ["mkdir", "-p", str(folder)]
    assert words[words.index("-o") + 1] == str(folder / "model $(id).gguf")
    repo = hub_plan.manual_repo_command("org/repo", folder)
    assert shlex.split(repo)[-1] == str(folder / "mlx" / "org--repo")
    subprocess.run(["bash", "-n", "-c", command], check=True)


# -- bad input ------------------------------------------------------------------------------------


def test_no_request_and_no_terminal_is_a_usage_error(isolated_env: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui"],
        input=b"",
        capture_output=True,
        timeout=60,
        start_new_session=True,  # no controlling terminal either
    )
    assert result.returncode == 2
    assert b"no request" in result.stderr
    assert b"\x1b" not in result.stderr + result.stdout  # nothing was drawn


def test_undecodable_stdin_is_reported_not_a_traceback(fake: FakeOllama) -> None:
    result = caro("--backend", "ollama", stdin=b"list \xff\xfe files\n")
    assert "Traceback" not in result.stderr
    assert "not valid UTF-8" in result.stderr
    assert result.returncode == 0 and result.stdout == "ls -la\n"


def test_undecodable_argv_is_reported_not_a_traceback(fake: FakeOllama) -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"tui", b"--backend", b"ollama", b"list \xff files"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert b"Traceback" not in result.stderr
    assert b"not valid UTF-8" in result.stderr
    assert result.returncode == 0 and result.stdout == b"ls -la\n"


def test_undecodable_argv_of_a_subcommand_is_reported_not_a_traceback(isolated_env: Path) -> None:
    result = subprocess.run(
        [sys.executable.encode(), b"-m", b"tui", b"config", b"set", b"ui.theme", b"dark\xff"],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        env={**os.environ, "LANG": "C.UTF-8"},
    )
    assert b"Traceback" not in result.stderr
    assert b"not valid UTF-8" in result.stderr
    assert result.returncode == 0
    assert "dark\ufffd" in Path(os.environ["CARO_CONFIG"]).read_text(encoding="utf-8")


def test_a_password_in_a_backend_url_is_never_printed(isolated_env: Path) -> None:
    from tests.conftest import closed_port

    path = Path(os.environ["CARO_CONFIG"])
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"http://alice:s3cret@127.0.0.1:{closed_port()}"
    path.write_text(f'[backends.lab]\nkind = "openai"\nurl = "{url}"\ntimeout = 2\n')
    for args in (
        ["--backend", "lab", "list files"],
        ["backends"],
        ["backends", "--json"],
        ["doctor"],
        ["doctor", "--json"],
        ["config", "show"],
    ):
        result = caro(*args)
        assert "Traceback" not in result.stderr, args
        assert "s3cret" not in result.stdout + result.stderr, args
    assert "alice:***@127.0.0.1" in caro("backends").stdout + caro("backends").stderr


def test_a_password_in_a_backend_url_is_not_in_the_model_facts(isolated_env: Path) -> None:
    """Each model's `source` names its backend and URL: the URL is masked there too, since
    `caro backends --json` and the workbench's palette show it."""
    server = FakeOllama()
    server.add(FakeModel("qwen2.5-coder:1.5b"))
    with RunningFake(server) as running, FaultApi("many", models=2) as openai:
        path = Path(os.environ["CARO_CONFIG"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'[backends.ollama]\nhost = "{with_password(running.url)}"\ntimeout = 10\n\n'
            f'[backends.lab]\nkind = "openai"\nurl = "{with_password(openai.url)}"\n'
        )
        for args in (["backends", "--json"], ["backends"], ["doctor", "--json"]):
            result = caro(*args)
            assert "Traceback" not in result.stderr, args
            assert "s3cret" not in result.stdout + result.stderr, args
        sources = {
            backend["name"]: model["source"]
            for backend in json.loads(caro("backends", "--json").stdout)
            for model in backend["models"]
        }
    assert sources["ollama"].startswith("ollama (http://alice:***@127.0.0.1")
    assert sources["lab"].startswith("lab (http://alice:***@127.0.0.1")


def with_password(url: str) -> str:
    return url.replace("http://", "http://alice:s3cret@")
