from __future__ import annotations

import pytest

from tui.core.generation.shellwords import first_utility, flags, split_words, utilities


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("ls -la", {"ls"}),
        ("du -sh * | sort -h", {"du", "sort"}),
        ("sudo apt install -y htop", {"apt"}),
        ("FOO=1 env BAR=2 python3 x.py", {"python3"}),
        ("find . -name '*.py' | xargs -0 grep -l TODO", {"find", "grep"}),
        ("cd src && make -j4; echo done", {"cd", "make", "echo"}),
        ("echo $(date +%F) >> log.txt", {"echo", "date"}),
        ("timeout 10 curl -s http://x", {"curl"}),
        ("/usr/bin/ls -l", {"ls"}),
        ("grep 'a|b' file", {"grep"}),
    ],
)
def test_utilities(command: str, expected: set[str]) -> None:
    assert utilities(command) == expected


def test_first_utility_and_flags() -> None:
    assert first_utility("sudo systemctl restart nginx") == "systemctl"
    assert flags("ls -la --color=auto") == {"-l", "-a", "--color"}
    assert flags("head -n 5") == {"-n"}


def test_unbalanced_quotes() -> None:
    assert split_words("echo 'oops") is None
    assert split_words("echo 'fine'") == ["echo", "fine"]
