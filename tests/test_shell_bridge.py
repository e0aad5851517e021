"""The shell widgets, driven in real shells under tmux with the real `caro` and bundled model.

Each test types a request on the shell's prompt line and presses Ctrl+G. The widget runs the
installed `caro --output-file` one-shot path, and the command the model gave (read back from
caro's own history) must appear on the prompt line, with nothing executed: a preexec hook
(bash PS0, zsh preexec, fish_preexec) touches a marker file whenever the shell runs a command
line, and the marker must not exist. The same hook is then shown to work by running `true`.
Since a widget could also run the command itself (where no hook sees it), the folder holds a
file whose name a listing shows: when running the model's command (if the risk analyser rates
it safe) prints that name, the name must not be on the screen. The model's answer depends on
the folder's path in its prompt, so it is not always a listing; usually it is `ls -l -a`.
Shells that are not installed are skipped with the reason (apt-get install -y zsh fish).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tui.core.history import Entry, History

PROMPT = "caro-test$ "
REQUEST = "list all files including hidden ones"
SENTINEL = ".shown-only-if-listed"
# How each shell is started, and the lines that set its prompt, load the widget as the README
# says, and install the preexec marker.
SHELLS: dict[str, tuple[str, list[str]]] = {
    "bash": (
        "bash --norc --noprofile",
        [
            f"PS1='{PROMPT}'",
            'eval "$(caro init bash)"',
            "PS0='$(touch \"$CARO_TEST_MARKER\")'",
        ],
    ),
    "zsh": (
        "zsh -f",
        [
            f"PS1='{PROMPT}'",
            'eval "$(caro init zsh)"',
            'preexec() { touch "$CARO_TEST_MARKER"; }',
        ],
    ),
    "fish": (
        "fish",
        [
            f"function fish_prompt; printf '%s' '{PROMPT}'; end",
            # Grey autosuggestions would show up in capture-pane as typed text.
            "set -g fish_autosuggestion_enabled 0",
            "caro init fish | source",
            'function caro_test_mark --on-event fish_preexec; touch "$CARO_TEST_MARKER"; end',
        ],
    ),
}
EXPORT = {
    "bash": "export {name}={value}",
    "zsh": "export {name}={value}",
    "fish": "set -gx {name} {value}",
}


class Pane:
    """One shell in a tmux server of its own (a unique socket), killed at the end."""

    def __init__(self, shell: str, home: Path) -> None:
        self.shell = shell
        self.socket = f"caro-test-{uuid.uuid4().hex[:12]}"
        self.work = home / "work"
        self.tmpdir = home / "tmp"
        self.marker = home / "ran-a-command-line"
        for folder in (self.work, self.tmpdir, home / "config"):
            folder.mkdir(parents=True, exist_ok=True)
        (self.work / SENTINEL).write_text("")
        venv_bin = Path(sys.executable).parent
        self.env = {
            **os.environ,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "share"),
            "TMPDIR": str(self.tmpdir),
            "LANG": "C.UTF-8",
            "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
            "CARO_TEST_MARKER": str(self.marker),
        }
        for name in ("TMUX", "EDITOR", "VISUAL"):
            self.env.pop(name, None)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=30,
            check=True,
        )
        return result.stdout

    def start(self) -> None:
        command, setup = SHELLS[self.shell]
        self.tmux("new-session", "-d", "-x", "200", "-y", "40", "-c", str(self.work), command)
        for line in [*setup, "clear"]:
            self.type(line)
            self.keys("Enter")
        self.settle()

    def settle(self) -> None:
        """Waits until the last line typed has run (the hook saw it) and the prompt is back."""
        self.wait_for(self.marker.exists, "the preexec marker of the last line")
        self.wait_for(lambda: self.prompt_line() == "", "an empty prompt")
        self.marker.unlink()

    def close(self) -> None:
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"], env=self.env, capture_output=True
        )

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-l", text)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def screen(self) -> list[str]:
        # -J joins lines the terminal wrapped, so a long command reads as one line.
        return [line.rstrip() for line in self.tmux("capture-pane", "-p", "-J").splitlines()]

    def prompt_line(self) -> str | None:
        """What is typed after the last prompt on the screen (None: no prompt shown)."""
        prompts = [line for line in self.screen() if line.startswith(PROMPT.rstrip())]
        return prompts[-1][len(PROMPT) :] if prompts else None

    def wait_for(self, condition: Callable[[], object], what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.2)
        screen = "\n".join(self.screen())
        raise AssertionError(f"{self.shell}: timed out waiting for {what}; screen:\n{screen}")

    def leftover_temp_files(self) -> list[str]:
        return [p.name for p in self.tmpdir.iterdir() if p.name.startswith("caro.")]


@pytest.fixture(params=list(SHELLS))
def pane(request: pytest.FixtureRequest, isolated_env: Path) -> Iterator[Pane]:
    shell = request.param
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed here (apt-get install -y tmux)")
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here (apt-get install -y {shell})")
    opened = Pane(shell, isolated_env / "shell-home")
    try:
        opened.start()
        yield opened
    finally:
        opened.close()


def _output_if_safe(command: str, folder: Path) -> str:
    """What `command` (the model's answer) prints when run in `folder`; nothing is run unless
    the risk analyser rates it safe."""
    from tui.core.safety import RiskLevel, assess

    if assess(command, REQUEST, preflight=False).level != RiskLevel.SAFE:
        return ""
    return subprocess.run(
        ["bash", "-c", command], cwd=folder, capture_output=True, text=True, timeout=30
    ).stdout


def _recorded() -> list[Entry]:
    from tui.core import paths

    if not paths.history_db().exists():
        return []
    with History.open() as history:
        return history.search(REQUEST)


@pytest.mark.slow
def test_the_accepted_command_lands_on_the_prompt_line_unexecuted(
    pane: Pane, bundled_model: Path
) -> None:
    pane.type(REQUEST)
    pane.wait_for(lambda: pane.prompt_line() == REQUEST, "the typed request")
    pane.keys("C-g")

    pane.wait_for(lambda: bool(_recorded()), "caro to answer", timeout=240)
    entry = _recorded()[0]
    assert entry.command, f"the bundled model gave no command: {entry.raw!r}"
    assert "\n" not in entry.command
    pane.wait_for(lambda: pane.prompt_line() == entry.command, f"{entry.command!r} on the line")
    # caro saw the shell's directory and knew which shell it served.
    assert entry.cwd == str(pane.work)
    assert Path(entry.shell).name == pane.shell  # the history keeps the shell's path
    time.sleep(1.0)  # a command that had been run would have touched the marker by now
    assert not pane.marker.exists(), "the shell ran the command instead of showing it"
    if SENTINEL in _output_if_safe(entry.command, pane.work):
        assert not any(SENTINEL in line for line in pane.screen()), "the widget ran it"
    assert pane.leftover_temp_files() == []

    # The hook that watches for executed lines does fire for a line that is run.
    pane.keys("C-u")
    pane.wait_for(lambda: pane.prompt_line() == "", "an empty line")
    pane.type("true")
    pane.keys("Enter")
    pane.wait_for(pane.marker.exists, "the marker of a command that did run")


def test_a_failing_caro_leaves_the_line_as_it_was(pane: Pane) -> None:
    pane.type(EXPORT[pane.shell].format(name="CARO_BACKEND", value="no-such-backend"))
    pane.keys("Enter")
    pane.settle()
    pane.type(REQUEST)
    pane.wait_for(lambda: pane.prompt_line() == REQUEST, "the typed request")
    pane.keys("C-g")
    pane.wait_for(
        lambda: any("unknown backend 'no-such-backend'" in line for line in pane.screen()),
        "caro's error on the screen",
        timeout=120,
    )
    pane.wait_for(lambda: pane.prompt_line() == REQUEST, "the request back on the line")
    time.sleep(0.5)
    assert pane.prompt_line() == REQUEST
    assert not pane.marker.exists()
    assert pane.leftover_temp_files() == []
