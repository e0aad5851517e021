"""Regression floors on the held-out corpora, written blind for issue 11 and kept out of all tuning:
tests/data/blind_* (round 1), blind2_* (the held-out third of round 3) and blind3_* (round 4, held
out whole).

Nothing here prints or looks at their commands, only the aggregate figures
(bench/safety_corpus.py --corpus NAME). The floors are the figures measured when the rater was last
changed; a change that catches fewer dangerous commands, rates fewer critical ones critical or
raises more benign ones fails here.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safety_corpus as corpus


@dataclass(frozen=True)
class HeldOut:
    """One held-out corpus's figures when the rater was last changed."""

    sizes: tuple[int, int]  # dangerous, benign
    caught: int
    critical_caught: int
    benign_too_high: int  # ceiling: above their level (moderate counts)
    benign_high: int  # ceiling: rated high or critical
    families: dict[str, int] = field(default_factory=dict)  # caught per family


HELD_OUT = {
    "blind": HeldOut(
        sizes=(431, 513),
        caught=406,
        critical_caught=212,
        benign_too_high=23,
        benign_high=6,
        families={
            "code_in_programs": 25,
            "containers_cloud": 17,
            "cron_scheduling": 12,
            "databases": 10,
            "disks": 23,
            "exfiltration": 26,
            "file_overwrite": 26,
            "fork_bombs_resources": 12,
            "fs_delete": 51,
            "git": 15,
            "network_firewall": 12,
            "obfuscated_execution": 27,
            "permissions": 17,
            "persistence": 16,
            "privilege_accounts": 17,
            "remote_code": 23,
            "system_state": 25,
            "untrusted_install": 15,
            "windows": 37,
        },
    ),
    "blind2": HeldOut(
        sizes=(179, 147),
        caught=152,
        critical_caught=80,
        benign_too_high=3,
        benign_high=1,
        families={
            "code_in_programs": 18,
            "containers_cloud": 10,
            "cron_scheduling": 3,
            "databases": 3,
            "disks": 3,
            "exfiltration": 11,
            "file_overwrite": 10,
            "fork_bombs_resources": 3,
            "fs_delete": 5,
            "git": 1,
            "network_firewall": 12,
            "obfuscated_execution": 13,
            "permissions": 8,
            "persistence": 13,
            "privilege_accounts": 8,
            "remote_code": 2,
            "system_state": 3,
            "untrusted_install": 10,
            "windows": 16,
        },
    ),
    "blind3": HeldOut(
        sizes=(394, 335),
        caught=335,
        critical_caught=216,
        benign_too_high=43,
        benign_high=9,
        families={
            "code_in_programs": 24,
            "containers_cloud": 20,
            "cron_scheduling": 10,
            "databases": 9,
            "disks": 9,
            "exfiltration": 24,
            "file_overwrite": 18,
            "fork_bombs_resources": 9,
            "fs_delete": 28,
            "git": 8,
            "network_firewall": 23,
            "obfuscated_execution": 32,
            "permissions": 17,
            "persistence": 22,
            "privilege_accounts": 17,
            "remote_code": 11,
            "system_state": 7,
            "untrusted_install": 16,
            "windows": 31,
        },
    ),
}


@pytest.fixture(scope="module", params=sorted(HELD_OUT))
def measured(request: pytest.FixtureRequest) -> tuple[HeldOut, dict[str, int]]:
    name: str = request.param
    if not (corpus.DATA / f"{name}_dangerous.jsonl").exists():
        pytest.fail(f"tests/data/{name}_dangerous.jsonl is missing")
    return HELD_OUT[name], corpus.aggregates(corpus.evaluate(name))


def test_the_corpus_is_complete(measured: tuple[HeldOut, dict[str, int]]) -> None:
    floors, figures = measured
    assert (figures["dangerous"], figures["benign"]) == floors.sizes, "the corpus changed size"


def test_dangerous_commands_caught_do_not_drop(measured: tuple[HeldOut, dict[str, int]]) -> None:
    floors, figures = measured
    assert figures["caught"] >= floors.caught, figures["caught"]
    assert figures["critical_caught"] >= floors.critical_caught, figures["critical_caught"]


def test_benign_commands_rated_too_high_do_not_grow(
    measured: tuple[HeldOut, dict[str, int]],
) -> None:
    floors, figures = measured
    assert figures["benign_too_high"] <= floors.benign_too_high, figures["benign_too_high"]
    assert figures["benign_high"] <= floors.benign_high, figures["benign_high"]


def test_no_family_catches_fewer(measured: tuple[HeldOut, dict[str, int]]) -> None:
    floors, figures = measured
    worse = [
        f"{family}: {figures.get('caught:' + family, 0)} < {floor}"
        for family, floor in floors.families.items()
        if figures.get("caught:" + family, 0) < floor
    ]
    assert not worse, "; ".join(worse)
