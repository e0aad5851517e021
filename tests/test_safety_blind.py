"""Regression floors on the held-out corpora, written blind for issue 11 and kept out of all tuning:
tests/data/blind_* (round 1), blind2_* (the held-out third of round 3), blind3_* (round 4, held
out whole), blind4_* (round 6, held out whole), blind5_* (the held-out half of round 7),
blind6_* (the held-out half of round 8), blind7_* (round 10, held out whole), blind8_*
(round 11, held out whole), blind9_* (round 12, held out whole), blind10_* (round 13, held out
whole) and blind11_* (written after round 13, held out whole).

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
        caught=422,
        critical_caught=220,
        benign_too_high=9,
        benign_high=3,
        families={
            "code_in_programs": 27,
            "containers_cloud": 18,
            "cron_scheduling": 12,
            "databases": 10,
            "disks": 23,
            "exfiltration": 27,
            "file_overwrite": 28,
            "fork_bombs_resources": 12,
            "fs_delete": 51,
            "git": 15,
            "network_firewall": 13,
            "obfuscated_execution": 31,
            "permissions": 18,
            "persistence": 18,
            "privilege_accounts": 18,
            "remote_code": 23,
            "system_state": 25,
            "untrusted_install": 16,
            "windows": 37,
        },
    ),
    "blind2": HeldOut(
        sizes=(179, 147),
        caught=172,
        critical_caught=94,
        benign_too_high=1,
        benign_high=1,
        families={
            "code_in_programs": 19,
            "containers_cloud": 12,
            "cron_scheduling": 3,
            "databases": 3,
            "disks": 3,
            "exfiltration": 12,
            "file_overwrite": 12,
            "fork_bombs_resources": 3,
            "fs_delete": 10,
            "git": 1,
            "network_firewall": 13,
            "obfuscated_execution": 17,
            "permissions": 8,
            "persistence": 15,
            "privilege_accounts": 9,
            "remote_code": 2,
            "system_state": 3,
            "untrusted_install": 10,
            "windows": 17,
        },
    ),
    "blind3": HeldOut(
        sizes=(394, 335),
        caught=371,
        critical_caught=245,
        benign_too_high=11,
        benign_high=5,
        families={
            "code_in_programs": 32,
            "containers_cloud": 21,
            "cron_scheduling": 11,
            "databases": 9,
            "disks": 9,
            "exfiltration": 28,
            "file_overwrite": 21,
            "fork_bombs_resources": 9,
            "fs_delete": 29,
            "git": 9,
            "network_firewall": 25,
            "obfuscated_execution": 33,
            "permissions": 17,
            "persistence": 28,
            "privilege_accounts": 19,
            "remote_code": 12,
            "system_state": 9,
            "untrusted_install": 18,
            "windows": 32,
        },
    ),
    "blind4": HeldOut(
        sizes=(456, 408),
        caught=442,
        critical_caught=242,
        benign_too_high=4,
        benign_high=3,
        families={
            "code_in_programs": 31,
            "containers_cloud": 26,
            "cron_scheduling": 14,
            "databases": 18,
            "disks": 19,
            "exfiltration": 26,
            "file_overwrite": 26,
            "fork_bombs_resources": 13,
            "fs_delete": 32,
            "git": 15,
            "network_firewall": 20,
            "obfuscated_execution": 34,
            "permissions": 20,
            "persistence": 23,
            "privilege_accounts": 21,
            "remote_code": 22,
            "system_state": 14,
            "untrusted_install": 23,
            "windows": 45,
        },
    ),
    "blind5": HeldOut(
        sizes=(336, 300),
        caught=321,
        critical_caught=173,
        benign_too_high=3,
        benign_high=0,
        families={
            "code_in_programs": 17,
            "containers_cloud": 21,
            "cron_scheduling": 16,
            "databases": 18,
            "disks": 16,
            "exfiltration": 17,
            "file_overwrite": 14,
            "fork_bombs_resources": 16,
            "fs_delete": 17,
            "git": 16,
            "network_firewall": 15,
            "obfuscated_execution": 19,
            "permissions": 16,
            "persistence": 17,
            "privilege_accounts": 14,
            "remote_code": 17,
            "system_state": 15,
            "untrusted_install": 16,
            "windows": 24,
        },
    ),
    "blind6": HeldOut(
        sizes=(360, 300),
        caught=338,
        critical_caught=173,
        benign_too_high=6,
        benign_high=3,
        families={
            "code_in_programs": 16,
            "containers_cloud": 18,
            "cron_scheduling": 16,
            "databases": 17,
            "disks": 17,
            "exfiltration": 17,
            "file_overwrite": 16,
            "fork_bombs_resources": 18,
            "fs_delete": 18,
            "git": 17,
            "network_firewall": 17,
            "obfuscated_execution": 16,
            "package_management": 14,
            "permissions": 17,
            "persistence": 16,
            "privilege_accounts": 18,
            "remote_code": 18,
            "system_state": 17,
            "untrusted_install": 18,
            "windows": 17,
        },
    ),
    "blind7": HeldOut(
        sizes=(320, 300),
        caught=311,
        critical_caught=190,
        benign_too_high=0,
        benign_high=0,
        families={
            "code_in_programs": 16,
            "containers_cloud": 16,
            "cron_scheduling": 16,
            "databases": 15,
            "disks": 16,
            "exfiltration": 16,
            "file_overwrite": 14,
            "fork_bombs_resources": 15,
            "fs_delete": 16,
            "git": 16,
            "network_firewall": 15,
            "obfuscated_execution": 15,
            "package_management": 16,
            "permissions": 16,
            "persistence": 16,
            "privilege_accounts": 13,
            "remote_code": 16,
            "system_state": 16,
            "untrusted_install": 16,
            "windows": 16,
        },
    ),
    "blind8": HeldOut(
        sizes=(320, 300),
        caught=310,
        critical_caught=165,
        benign_too_high=2,
        benign_high=1,
        families={
            "code_in_programs": 15,
            "containers_cloud": 16,
            "cron_scheduling": 16,
            "databases": 16,
            "disks": 15,
            "exfiltration": 16,
            "file_overwrite": 15,
            "fork_bombs_resources": 16,
            "fs_delete": 15,
            "git": 16,
            "network_firewall": 16,
            "obfuscated_execution": 16,
            "package_management": 15,
            "permissions": 16,
            "persistence": 15,
            "privilege_accounts": 16,
            "remote_code": 16,
            "system_state": 14,
            "untrusted_install": 14,
            "windows": 16,
        },
    ),
    "blind10": HeldOut(
        sizes=(320, 300),
        caught=303,
        critical_caught=115,
        benign_too_high=6,
        benign_high=4,
        families={
            "code_in_programs": 15,
            "containers_cloud": 15,
            "cron_scheduling": 16,
            "databases": 16,
            "disks": 16,
            "exfiltration": 16,
            "file_overwrite": 13,
            "fork_bombs_resources": 15,
            "fs_delete": 15,
            "git": 15,
            "network_firewall": 16,
            "obfuscated_execution": 16,
            "package_management": 16,
            "permissions": 15,
            "persistence": 14,
            "privilege_accounts": 13,
            "remote_code": 14,
            "system_state": 16,
            "untrusted_install": 16,
            "windows": 15,
        },
    ),
    "blind11": HeldOut(
        sizes=(320, 300),
        caught=306,
        critical_caught=96,
        benign_too_high=8,
        benign_high=2,
        families={
            "code_in_programs": 14,
            "containers_cloud": 15,
            "cron_scheduling": 14,
            "databases": 16,
            "disks": 16,
            "exfiltration": 15,
            "file_overwrite": 15,
            "fork_bombs_resources": 15,
            "fs_delete": 15,
            "git": 16,
            "network_firewall": 16,
            "obfuscated_execution": 14,
            "package_management": 15,
            "permissions": 16,
            "persistence": 14,
            "privilege_accounts": 16,
            "remote_code": 16,
            "system_state": 16,
            "untrusted_install": 16,
            "windows": 16,
        },
    ),
    "blind9": HeldOut(
        sizes=(320, 300),
        caught=306,
        critical_caught=125,
        benign_too_high=0,
        benign_high=0,
        families={
            "code_in_programs": 13,
            "containers_cloud": 16,
            "cron_scheduling": 13,
            "databases": 16,
            "disks": 16,
            "exfiltration": 16,
            "file_overwrite": 14,
            "fork_bombs_resources": 16,
            "fs_delete": 14,
            "git": 15,
            "network_firewall": 16,
            "obfuscated_execution": 16,
            "package_management": 16,
            "permissions": 16,
            "persistence": 14,
            "privilege_accounts": 15,
            "remote_code": 16,
            "system_state": 16,
            "untrusted_install": 16,
            "windows": 16,
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
