from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.extraction import extract_command, looks_like_command

CORPUS = [
    json.loads(line)
    for line in (Path(__file__).parent / "data" / "messy_outputs.jsonl").read_text().splitlines()
    if line.strip()
]


def test_corpus_is_large_and_can_fail() -> None:
    assert len(CORPUS) >= 40
    assert sum(1 for row in CORPUS if row["expected"] is None) >= 10


@pytest.mark.parametrize("row", CORPUS, ids=[row["note"][:60] for row in CORPUS])
def test_messy_output(row: dict[str, str | None]) -> None:
    extraction = extract_command(str(row["raw"]))
    assert extraction.command == row["expected"], row["note"]
    if extraction.command is None:
        assert extraction.reason  # a clear "no command" error


def test_language_tag_is_never_the_command() -> None:
    assert extract_command("```bash\nls -la\n```").command == "ls -la"
    assert extract_command("```sh\n```").command is None


def test_prose_is_never_a_command() -> None:
    for prose in (
        "Sure! I can help with that.",
        "find is a command that searches for files.",
        "To list files you would use the ls command.",
    ):
        assert extract_command(prose).command is None
        assert not looks_like_command(prose)


def test_repetition_loops_are_cut() -> None:
    extraction = extract_command("ls -l -l -l -l -l -l -l -l")
    assert extraction.command == "ls -l"
    assert any("loop" in w for w in extraction.warnings)


def test_raw_text_is_kept_when_nothing_is_found() -> None:
    extraction = extract_command("I'm sorry, I cannot do that.")
    assert extraction.command is None
    assert "prose" in extraction.reason
