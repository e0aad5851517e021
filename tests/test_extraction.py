from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.generation.extraction import extract_command, looks_like_command

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


# -- answers of several lines ---------------------------------------------------------------------


def test_several_commands_on_several_lines_are_not_one_command() -> None:
    for raw in (
        '{"cmd": "echo hi\\nrm -rf ~/never-asked"}',
        '{"command": "cd /tmp\\n#1700000000\\nrm -rf x"}',
        '{"cmd": "first thing\\nsecond thing"}',
    ):
        extraction = extract_command(raw)
        assert extraction.command is None or "\n" not in extraction.command, raw
    several = extract_command('{"cmd": "Sure.\\nDone."}')
    assert several.command is None
    assert "several lines" in several.reason


def test_a_heredoc_is_one_command_with_its_body() -> None:
    raw = "```bash\ncat <<'EOF' > notes.txt\nfirst line\nsecond line\nEOF\n```"
    assert extract_command(raw).command == "cat <<'EOF' > notes.txt\nfirst line\nsecond line\nEOF"
    tabbed = "```sh\ncat <<-END\n\tindented\n\tEND\n```"
    assert extract_command(tabbed).command == "cat <<-END\n\tindented\nEND"


def test_a_heredoc_without_its_end_is_not_a_command() -> None:
    extraction = extract_command("```bash\ncat <<EOF > notes.txt\nnever ends\n```")
    assert extraction.command is None
    assert "heredoc" in extraction.reason


def test_a_heredoc_followed_by_another_command_is_one_command_only_up_to_its_end() -> None:
    raw = "```bash\ncat <<EOF > a.txt\nbody\nEOF\nrm -rf ~\n```"
    assert extract_command(raw).command == "cat <<EOF > a.txt\nbody\nEOF"


def test_line_continuations_are_one_command() -> None:
    raw = "```bash\nfind . -name '*.log' \\\n  -mtime +7 \\\n  -delete\n```"
    assert extract_command(raw).command == "find . -name '*.log' -mtime +7 -delete"


def test_a_nul_byte_makes_the_answer_unusable() -> None:
    extraction = extract_command("touch a\x00; ls")
    assert extraction.command is None
    assert "NUL byte" in extraction.reason
