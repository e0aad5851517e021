"""Appending to the shell's own history file: the formats, checked by the real shells reading
them back (bash, zsh, fish; each test is skipped with its reason when that shell is missing —
scripts/setup.sh does not install shells, `apt-get install -y zsh fish` does), the file
locations, the locks, and that nothing already in the file is ever lost."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tui.core.run import shell_history
from tui.core.run.shell_history import ShellHistoryError

COMMANDS = [
    "ls -la",
    "echo 'héllo wörld' \"Привет, сумма\" ✓ 日本",  # bytes that collide with zsh's tokens
    'for f in *.log; do\n  gzip "$f"\ndone',
    r"printf 'a\nb\\c' | sed 's/\\/|/g'",
    "echo trailing \\\\",
    "echo continued \\\nline",
    ": colon first; echo '- cmd: not a new entry'",
]
MULTILINE = [c for c in COMMANDS if "\n" in c]


def _need(shell: str) -> str:
    path = shutil.which(shell)
    if path is None:
        pytest.skip(f"{shell} is not installed here (apt-get install -y {shell})")
    return path


def _append_all(shell: str, path: Path | None, env: dict[str, str], commands: list[str]) -> Path:
    written = None
    for number, command in enumerate(commands):
        written = shell_history.append(
            command,
            shell=shell,
            path=path,
            started_at=1_700_000_000 + number,
            duration_s=number,
            env=env,
        )
    assert written is not None
    return written


# -- read back by the real shells -------------------------------------------------------------


def _bash_history(histfile: Path, timeformat: str | None) -> list[tuple[str, str]]:
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(histfile.parent),
        "HISTFILE": str(histfile),
        "LANG": "C.UTF-8",
    }
    if timeformat is not None:
        env["HISTTIMEFORMAT"] = timeformat
    out = subprocess.run(
        [_need("bash"), "--norc", "--noprofile", "-ic", "history -r; history"],
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
    ).stdout
    entries: list[tuple[str, str]] = []
    for line in out.splitlines():
        match = re.match(r"\s*\d+  (@(\d+)@ )?(.*)", line)
        if match:
            entries.append((match.group(2) or "", match.group(3)))
        else:  # the next line of a multi-line entry
            stamp, text = entries[-1]
            entries[-1] = (stamp, text + "\n" + line)
    return entries


SINGLE = [c for c in COMMANDS if "\n" not in c]


def test_bash_with_timestamps_reads_every_command_whole(tmp_path: Path) -> None:
    histfile = tmp_path / ".bash_history"
    histfile.write_text("#1600000000\nold command\n")
    _append_all("bash", histfile, {}, SINGLE)  # the file already has timestamps
    entries = _bash_history(histfile, "@%s@ ")
    assert entries == [("1600000000", "old command")] + [
        (str(1_700_000_000 + n), command) for n, command in enumerate(SINGLE)
    ]


@pytest.mark.parametrize("timestamps", [True, False])
def test_bash_never_gets_a_command_of_several_lines_or_a_forged_time(
    tmp_path: Path, timestamps: bool
) -> None:
    histfile = tmp_path / ".bash_history"
    histfile.write_text("#1600000000\nold command\n" if timestamps else "old command\n")
    before = histfile.read_bytes()
    forged = "echo one\n#1\nrm -rf ~/never-ran"
    for command in [*MULTILINE, forged, "#1700000000", "echo a\recho b"]:
        with pytest.raises(ShellHistoryError, match="bash"):
            shell_history.append(command, shell="bash", path=histfile, env={})
    assert histfile.read_bytes() == before
    fresh = tmp_path / "fresh_history"
    with pytest.raises(ShellHistoryError, match="several lines"):
        shell_history.append(MULTILINE[0], shell="bash", path=fresh, env={})
    assert not fresh.exists()


def test_bash_without_timestamps_reads_plain_lines(tmp_path: Path) -> None:
    histfile = tmp_path / ".bash_history"
    histfile.write_text("old command\n")
    _append_all("bash", histfile, {}, SINGLE)
    assert "#" not in histfile.read_text().splitlines()[1][:1]
    assert [text for _stamp, text in _bash_history(histfile, None)] == ["old command", *SINGLE]


def test_bash_timestamps_follow_histtimeformat(tmp_path: Path) -> None:
    histfile = tmp_path / ".bash_history"
    shell_history.append("ls", shell="bash", path=histfile, started_at=5, env={})
    shell_history.append("pwd", shell="bash", path=histfile, started_at=6, env={})
    assert histfile.read_text() == "ls\npwd\n"
    stamped = tmp_path / "stamped"
    shell_history.append(
        "ls", shell="bash", path=stamped, started_at=5, env={"HISTTIMEFORMAT": "%F "}
    )
    shell_history.append("pwd", shell="bash", path=stamped, started_at=6, env={})  # file says so
    shell_history.append("id", shell="bash", path=tmp_path / "w", env={"CARO_HISTTIMESTAMPS": "1"})
    assert stamped.read_text() == "#5\nls\n#6\npwd\n"
    assert re.fullmatch(r"#\d+\nid\n", (tmp_path / "w").read_text())


def _zsh_history(histfile: Path) -> list[tuple[str, str, str]]:
    """(start, duration, text) per entry; `fc -l` shows a newline inside a command as \\n."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(histfile.parent),
        "HISTFILE": str(histfile),
        "LANG": "C.UTF-8",
    }
    out = subprocess.run(
        [_need("zsh"), "-f", "-c", "HISTSIZE=100000; fc -R; fc -l -t '%s' -D 1"],
        capture_output=True,
        env=env,
        timeout=30,
    ).stdout.decode("utf-8")
    entries = []
    for line in out.splitlines():
        match = re.fullmatch(r"\s*\d+  (\d+)  (\d+:\d\d)  (.*)", line)
        assert match, f"unexpected fc line: {line!r}"
        entries.append((match.group(1), match.group(2), match.group(3)))
    return entries


def test_zsh_reads_extended_history_with_times_and_multiline_commands(tmp_path: Path) -> None:
    histfile = tmp_path / ".zsh_history"
    histfile.write_bytes(b": 1600000000:0;old command\n")
    _append_all("zsh", histfile, {}, COMMANDS)
    expected = [("1600000000", "0:00", "old command")] + [
        (str(1_700_000_000 + n), f"0:{n:02d}", command.replace("\n", "\\n"))
        for n, command in enumerate(COMMANDS)
    ]
    assert _zsh_history(histfile) == expected


def test_zsh_metafies_bytes_it_uses_internally() -> None:
    # П is d0 9f in UTF-8; 0x9f is one of zsh's tokens, so it is written as 0x83 0xbf.
    entry = shell_history.zsh_entry("echo П", 7, 2.6)
    assert entry == b": 7:2;echo \xd0\x83\xbf\n"
    assert shell_history.zsh_metafy(b"\x00\x83\xa2\xa3") == b"\x83\x20\x83\xa3\x83\x82\xa3"


def _fish_history(data_home: Path) -> list[tuple[str, str]]:
    home = data_home.parent
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "XDG_DATA_HOME": str(data_home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "LANG": "C.UTF-8",
    }
    out = subprocess.run(
        [_need("fish"), "-c", "history search --show-time='%s ' --null"],
        capture_output=True,
        env=env,
        timeout=30,
    ).stdout.decode("utf-8")
    entries = [item.split(" ", 1) for item in out.split("\0") if item]
    return [(stamp, text) for stamp, text in reversed(entries)]  # fish lists newest first


def test_fish_reads_its_yaml_like_history(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data_home)}
    written = _append_all("fish", None, env, COMMANDS)
    assert written == data_home / "fish" / "fish_history"
    assert _fish_history(data_home) == [
        (str(1_700_000_000 + n), command) for n, command in enumerate(COMMANDS)
    ]


def test_fish_escapes_backslashes_and_newlines() -> None:
    assert shell_history.fish_entry("a\\b\nc", 9) == b"- cmd: a\\\\b\\nc\n  when: 9\n"


# -- where the file is ------------------------------------------------------------------------


def test_history_file_locations(tmp_path: Path) -> None:
    home = {"HOME": str(tmp_path)}
    where = shell_history.history_file
    assert where("bash", home) == tmp_path / ".bash_history"
    assert where("zsh", home) == tmp_path / ".zsh_history"
    assert where("zsh", {**home, "ZDOTDIR": "/z"}) == Path("/z/.zsh_history")
    assert where("bash", {**home, "HISTFILE": "/h/b"}) == Path("/h/b")
    assert where("zsh", {**home, "HISTFILE": "/h/b", "CARO_HISTFILE": "/c/z"}) == Path("/c/z")
    assert where("fish", home) == tmp_path / ".local/share/fish/fish_history"
    assert where("fish", {**home, "XDG_DATA_HOME": "/d", "fish_history": "work"}) == Path(
        "/d/fish/work_history"
    )
    with pytest.raises(ShellHistoryError, match="fish_history is empty"):
        where("fish", {**home, "fish_history": ""})
    with pytest.raises(ShellHistoryError, match="HISTFILE is empty"):
        where("zsh", {**home, "CARO_HISTFILE": ""})
    with pytest.raises(ShellHistoryError, match="knows the formats of bash, zsh, fish"):
        where("tcsh", home)


def test_the_shell_comes_from_caro_shell(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "CARO_SHELL": "zsh", "CARO_HISTFILE": str(tmp_path / "zh")}
    assert shell_history.append("ls", env=env) == tmp_path / "zh"
    assert (tmp_path / "zh").read_bytes().endswith(b";ls\n")


# -- never losing what is there ---------------------------------------------------------------


def test_appending_keeps_the_file_and_finishes_an_unfinished_line(tmp_path: Path) -> None:
    histfile = tmp_path / "h"
    histfile.write_bytes(b"one\ntwo")  # bash was killed before writing its last newline
    shell_history.append("three", shell="bash", path=histfile, env={})
    assert histfile.read_bytes() == b"one\ntwo\nthree\n"


def test_a_new_file_is_private_and_its_folder_is_made(tmp_path: Path) -> None:
    written = shell_history.append("ls", shell="fish", env={"XDG_DATA_HOME": str(tmp_path / "d")})
    assert written.stat().st_mode & 0o777 == 0o600


def test_empty_commands_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ShellHistoryError, match="empty"):
        shell_history.append(" \n", shell="bash", path=tmp_path / "h", env={})
    assert not (tmp_path / "h").exists()


def test_an_unwritable_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "h"
    folder.mkdir()  # a folder where the file should be
    with pytest.raises(ShellHistoryError, match="cannot append") as caught:
        shell_history.append("ls", shell="bash", path=folder, env={})
    assert str(folder) in str(caught.value)


def test_append_waits_for_a_lock_held_by_someone_else(tmp_path: Path) -> None:
    histfile = tmp_path / "fish_history"
    histfile.write_bytes(b"")
    holder = os.open(histfile, os.O_RDWR | os.O_APPEND)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as fish holds it while it writes

    def finish_writing() -> None:
        os.write(holder, b"- cmd: pwd\n")
        os.close(holder)

    threading.Timer(0.4, finish_writing).start()
    shell_history.append("ls", shell="fish", path=histfile, env={})
    # Written after the holder's entry, so only once the holder let go of the lock.
    assert histfile.read_bytes().startswith(b"- cmd: pwd\n- cmd: ls\n")


def test_a_lock_held_too_long_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shell_history, "LOCK_TIMEOUT_S", 0.2)
    histfile = tmp_path / ".zsh_history"
    lock = tmp_path / ".zsh_history.LOCK"
    os.symlink("/pid-1/host-elsewhere", lock)  # a zsh writing its history right now
    with pytest.raises(ShellHistoryError, match=r"zsh's lock \.zsh_history\.LOCK"):
        shell_history.append("ls", shell="zsh", path=histfile, env={})
    assert lock.is_symlink() and not histfile.exists()


def test_a_stale_zsh_lock_is_taken_over_and_released(tmp_path: Path) -> None:
    histfile = tmp_path / ".zsh_history"
    lock = tmp_path / ".zsh_history.LOCK"
    os.symlink("/pid-1/host-crashed", lock)
    old = time.time() - 60
    os.utime(lock, (old, old), follow_symlinks=False)
    shell_history.append("ls", shell="zsh", path=histfile, env={})
    assert not lock.exists() and not lock.is_symlink()
    assert histfile.read_bytes().endswith(b";ls\n")


APPENDER = """
import sys
from pathlib import Path
from tui.core.run import shell_history
for number in range(int(sys.argv[3])):
    command = f"echo {sys.argv[2]} {number} Привет\\nline two"
    shell_history.append(command, shell="zsh", path=Path(sys.argv[1]), env={})
"""


def test_two_processes_appending_at_once_interleave_whole_entries(tmp_path: Path) -> None:
    histfile = tmp_path / ".zsh_history"
    writers = [
        subprocess.Popen([sys.executable, "-c", APPENDER, str(histfile), name, "200"])
        for name in ("left", "right")
    ]
    for writer in writers:
        assert writer.wait(timeout=120) == 0
    texts = [text for _start, _duration, text in _zsh_history(histfile)]
    assert len(texts) == 400
    for name in ("left", "right"):
        expected = [f"echo {name} {n} Привет\\nline two" for n in range(200)]
        assert [t for t in texts if f" {name} " in t] == expected
