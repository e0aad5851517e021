"""The example bank: its files load, deduplicate and pass the mechanical checks (parse, format,
no dev-set request); retrieval names the right utility first and groups a utility's examples;
its index is cached on disk by the bank's digest.

The flag check (each long flag in the utility's own --help or man page) runs programs, so it is
in scripts/check_data.py, not here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.generation import index_cache
from tui.core.generation.bank import BankFile, Example, command_key, load_files, shipped_bank
from tui.core.generation.bank_check import Row as BankRow
from tui.core.generation.bank_check import (
    check_rows,
    command_problems,
    dev_requests,
    overlapping,
    read_rows,
)
from tui.core.generation.examples import ExampleBank, default_bank

DATA = Path(__file__).parent / "data"
DEV_SETS = ["devset.jsonl", "blind_dev_tune.jsonl", "blind_dev_holdout.jsonl"]


def line(request: str, command: str, utility: str = "", category: str = "files") -> str:
    return json.dumps(
        {"request": request, "command": command, "category": category, "utility": utility}
    )


def test_the_shipped_bank_passes_its_checks() -> None:
    rows, problems = read_rows(shipped_files_for_check())
    problems += check_rows(rows)
    assert not problems, "\n".join(map(str, problems[:20]))
    assert len(rows) >= 5000


def shipped_files_for_check() -> list[BankFile]:
    from tui.core.generation.bank import shipped_files

    return shipped_files()


@pytest.mark.parametrize("name", DEV_SETS)
def test_the_bank_holds_no_request_of_a_dev_set(name: str) -> None:
    rows, _ = read_rows(shipped_files_for_check())
    # Only the bank's line numbers are named: the holdout's requests are never printed.
    positions = [f"{r.file}:{r.line}" for r in overlapping(rows, dev_requests(DATA / name))]
    assert positions == []


def test_the_old_pairs_are_kept_and_every_pair_is_indexed() -> None:
    requests = {e.request for e in shipped_bank().examples}
    assert "list all files here including hidden ones, long format" in requests
    assert len(default_bank()) == len(shipped_bank().examples)


def test_files_load_in_name_order_deduplicated_and_bad_lines_skipped() -> None:
    loaded = load_files(
        [
            BankFile("b.jsonl", line("Untar it!", "tar -xf a.tar", "tar") + "\nnot json\n"),
            BankFile("a.jsonl", line("untar it", "tar xf a.tar") + "\n" + '{"request": 1}\n'),
        ]
    )
    assert [e.command for e in loaded.examples] == ["tar xf a.tar"]  # a.jsonl first
    assert loaded.duplicates == 1 and loaded.skipped == 2
    again = load_files([BankFile("a.jsonl", line("untar it", "tar xf a.tar"))])
    assert again.digest != loaded.digest


def test_a_command_key_names_the_subcommand_of_tools_that_have_them() -> None:
    assert command_key("git stash list") == "git stash"
    assert command_key("sudo systemctl restart nginx") == "systemctl restart"
    assert command_key("tar -czf a.tgz src") == "tar"
    assert command_key("docker --debug ps -a") == "docker ps"
    assert command_key("FOO=1 make -j4") == "make"


def test_the_checks_catch_what_would_teach_the_model_wrong() -> None:
    assert command_problems("ls -la") == []
    assert command_problems("find . -name '*.py") != []  # open quote
    assert command_problems("cp <source> <dest>") != []
    assert command_problems("for f in *; do echo $f") != []  # no done
    assert command_problems("ls\nrm x") != []
    rows = [
        BankRow("a", 1, Example("list files", "ls", "files", "ls")),
        BankRow("a", 2, Example("List files!", "ls -1", "files", "ls")),
        BankRow("a", 3, Example("show date", "date", "", "date")),
    ]
    messages = [str(p) for p in check_rows(rows)]
    assert any("a:2" in m and "same request as a:1" in m for m in messages)
    assert any(m.startswith("a:3") and "category" in m for m in messages)


def bank_of(*pairs: tuple[str, str]) -> ExampleBank:
    return ExampleBank([Example(r, c, "x") for r, c in pairs])


SMALL = bank_of(
    ("extract the archive backup.tar.gz", "tar -xzf backup.tar.gz"),
    ("list the contents of a tarball", "tar -tzf project.tgz"),
    ("extract a zip file into a folder", "unzip photos.zip -d photos"),
    ("which process is listening on port 8080", "lsof -i :8080"),
    ("show open tcp sockets", "ss -tlnp"),
    ("delete the file notes.txt", "rm notes.txt"),
    ("copy the file notes.txt to backup", "cp notes.txt backup/"),
    ("move the file notes.txt to the archive folder", "mv notes.txt archive/"),
    ("extract the file list from the log", "grep -o 'file=[^ ]*' app.log"),
)


@pytest.mark.parametrize(
    ("request_text", "utilities"),
    [
        ("untar release.tgz", {"tar"}),
        ("unzip the download", {"unzip"}),
        ("what ports are open", {"ss", "lsof"}),
    ],
)
def test_a_request_naming_a_utility_gets_its_examples_first(
    request_text: str, utilities: set[str]
) -> None:
    found = SMALL.search(request_text, 2, per_utility=2)
    assert found and found[0].example.utility in utilities


def test_examples_of_one_utility_come_together() -> None:
    found = SMALL.search("untar the file notes.tar", 4, per_utility=2)
    utilities = [s.example.utility for s in found]
    assert utilities[:2] == ["tar", "tar"]
    assert len(set(utilities)) >= 2


def test_an_installed_utility_is_preferred_when_both_fit() -> None:
    bank = bank_of(("pack the logs", "rar a logs.rar logs"), ("pack the logs now", "zip -r l logs"))
    assert bank.search("pack the logs", 1)[0].example.utility == "rar"
    preferred = bank.search("pack the logs", 1, installed=lambda u: u != "rar")
    assert preferred[0].example.utility == "zip"


def test_the_shipped_bank_finds_the_right_utility_for_everyday_requests() -> None:
    bank = default_bank()
    for request, utility in [
        ("extract the archive backup.tar.gz", "tar"),
        ("untar the release", "tar"),
        ("show which git branch I am on", "git"),
        ("restart the nginx service", "systemctl"),
        ("list running docker containers", "docker"),
    ]:
        found = bank.search(request, 4, per_utility=2)
        assert found[0].example.utility == utility, (request, found[0].example)


def test_the_index_is_cached_on_disk_by_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARO_CACHE_DIR", str(tmp_path))
    examples = [Example("list files", "ls"), Example("show the date", "date")]
    first = index_cache.cached_index(examples, "abc")
    path = index_cache.index_file("abc")
    assert path.exists() and first.utilities == ["ls", "date"]
    with monkeypatch.context() as patch:
        patch.setattr(index_cache, "build_index", lambda e: pytest.fail("built again"))
        assert index_cache.cached_index(examples, "abc") == first
    path.write_bytes(b"broken")
    assert index_cache.cached_index(examples, "abc") == first  # rebuilt, not an error
    assert ExampleBank(examples, first).search("list my files", 1)[0].example.command == "ls"


def test_an_unwritable_cache_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("CARO_CACHE_DIR", str(blocker / "cache"))
    index = index_cache.cached_index([Example("list files", "ls")], "d")
    assert index.utilities == ["ls"]


def test_every_example_has_a_utility() -> None:
    missing = [e for e in shipped_bank().examples if not e.group]
    assert not missing, missing[:5]


def test_no_bank_command_is_a_reference_of_our_own_dev_set() -> None:
    references = {
        json.loads(line)["reference"]
        for line in (DATA / "devset.jsonl").read_text().splitlines()
        if line.strip()
    }
    assert not {e.command for e in shipped_bank().examples} & references
