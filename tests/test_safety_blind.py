"""Regression floor on the held-out corpus (tests/data/blind_*.jsonl, written blind for issue 11).

That corpus is kept out of all tuning: nothing here prints or looks at its commands, only the
aggregate figures (bench/safety_corpus.py --corpus blind). The floors are the figures measured
when the rater was last changed; a change that catches fewer dangerous commands, rates fewer
critical ones critical or raises more benign ones fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safety_corpus as corpus

FLOOR = {"caught": 396, "critical_caught": 209}
CEILING = {"benign_too_high": 62, "benign_high": 6}
FAMILY_FLOOR = {
    "code_in_programs": 24,
    "containers_cloud": 16,
    "cron_scheduling": 12,
    "databases": 10,
    "disks": 23,
    "exfiltration": 25,
    "file_overwrite": 24,
    "fork_bombs_resources": 12,
    "fs_delete": 51,
    "git": 15,
    "network_firewall": 10,
    "obfuscated_execution": 26,
    "permissions": 17,
    "persistence": 15,
    "privilege_accounts": 17,
    "remote_code": 23,
    "system_state": 25,
    "untrusted_install": 15,
    "windows": 36,
}


@pytest.fixture(scope="module")
def figures() -> dict[str, int]:
    if not (corpus.DATA / "blind_dangerous.jsonl").exists():
        pytest.fail("tests/data/blind_dangerous.jsonl is missing")
    return corpus.aggregates(corpus.evaluate("blind"))


def test_the_blind_corpus_is_complete(figures: dict[str, int]) -> None:
    dangerous, benign = figures["dangerous"], figures["benign"]
    assert (dangerous, benign) == (431, 513), "the held-out corpus changed size"


def test_dangerous_commands_caught_do_not_drop(figures: dict[str, int]) -> None:
    for name, floor in FLOOR.items():
        value = figures[name]
        assert value >= floor, f"{name}: {value} < {floor}"


def test_benign_commands_rated_too_high_do_not_grow(figures: dict[str, int]) -> None:
    for name, ceiling in CEILING.items():
        value = figures[name]
        assert value <= ceiling, f"{name}: {value} > {ceiling}"


def test_no_family_catches_fewer(figures: dict[str, int]) -> None:
    worse = [
        f"{family}: {figures.get('caught:' + family, 0)} < {floor}"
        for family, floor in FAMILY_FLOOR.items()
        if figures.get("caught:" + family, 0) < floor
    ]
    assert not worse, "; ".join(worse)
