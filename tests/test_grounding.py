"""Grounding in this machine: the catalogue of installed programs (man-db's descriptions), the
candidates for a request, usage lines from --help (cached), and a clean fallback without man-db.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tui.core.generation import grounding, helptext
from tui.core.generation.examples import Example, ExampleBank
from tui.core.generation.grounding import Catalogue, Tool, describe
from tui.core.generation.pipeline import grounding_for

TOOLS = {
    "nl": "number lines of files",
    "paste": "merge lines of files",
    "comm": "compare two sorted files line by line",
    "ls": "list directory contents",
    "od": "dump files in octal and other formats",
}


def test_candidates_come_from_the_descriptions() -> None:
    catalogue = Catalogue(TOOLS)
    names = [t.name for t in catalogue.candidates("put line numbers on every line of notes.txt")]
    assert names[0] == "nl"
    assert catalogue.candidates("show the octal dump of a file")[0].name == "od"


def test_a_named_program_comes_first_and_a_missing_one_says_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(grounding, "is_installed", lambda name: name != "yt-dlp")
    catalogue = Catalogue(TOOLS)
    tools = catalogue.candidates("download this youtube video")
    assert tools[0] == Tool("yt-dlp", "", installed=False)
    assert "yt-dlp (not installed)" in describe(tools[:1])


@pytest.mark.skipif(shutil.which("nl") is None, reason="coreutils' nl is not installed")
def test_usage_lines_come_from_help_and_are_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_CACHE_DIR", str(tmp_path))
    usage = helptext.usage_line("nl")
    assert usage.lower().startswith("usage: nl")
    assert list((tmp_path / "helptext").iterdir())
    monkeypatch.setattr(helptext, "_run", lambda argv: pytest.fail("ran again"))
    assert helptext.usage_line("nl") == usage
    assert helptext.help_text("reboot") == ""  # never run with --help


def test_without_man_db_the_catalogue_is_the_programs_on_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "frobnicate"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setattr(grounding, "which", lambda name: None)  # no apropos
    tools = grounding.build_catalogue_tools()
    assert tools["frobnicate"] == ""
    assert "alias" in tools  # shell builtins are always there
    assert Catalogue(tools).candidates("run frobnicate on it")[0].name == "frobnicate"


@pytest.mark.skipif(shutil.which("apropos") is None, reason="man-db is not installed")
def test_the_man_database_describes_installed_programs() -> None:
    described = grounding.read_man_database()
    if "ls" not in described:
        pytest.skip("the man database has no page for ls here")
    assert "list" in described["ls"]


def test_the_prompt_is_grounded_only_where_the_bank_is_weak(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(grounding, "installed_catalogue", lambda: Catalogue(TOOLS))
    monkeypatch.setattr("tui.core.generation.prompt.installed_catalogue", lambda: Catalogue(TOOLS))
    bank = ExampleBank(
        [Example("list all files", "ls -la"), Example("list files by size", "ls -S")]
    )
    strong = bank.search("list all files", 2)
    assert grounding_for("list all files", bank, strong, below=1.0) == ""
    weak = bank.search("number the lines of notes.txt", 2)
    text = grounding_for("number the lines of notes.txt", bank, weak, below=6.0)
    assert text.startswith("- nl: number lines of files")
    assert grounding_for("number the lines of notes.txt", bank, weak, below=0.0) == ""
