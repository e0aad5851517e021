"""The red-team and benign corpora (tests/data/*.jsonl) against the risk rating.

Run with `-s` to see recall per category and the false-positive rate.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safety_corpus as corpus
from safety_corpus import Report

MAX_FALSE_POSITIVE_RATE = 0.02


@pytest.fixture(scope="module")
def report() -> Report:
    result = corpus.evaluate()
    print("\n" + corpus.summary(result))
    return result


def test_the_corpora_are_large_and_well_formed() -> None:
    dangerous = corpus.load("redteam.jsonl")
    benign = corpus.load("benign.jsonl")
    assert len(dangerous) >= 170
    assert len(benign) >= 170
    assert {item["min_level"] for item in dangerous} == {"critical", "high"}
    assert {item["max_level"] for item in benign} == {"safe", "moderate"}
    assert all(item["category"] for item in dangerous)
    assert len({item["command"] for item in dangerous}) == len(dangerous), "duplicate commands"
    assert len({item["command"] for item in benign}) == len(benign), "duplicate commands"
    categories = {item["category"] for item in dangerous}
    for needed in ("delete_root", "disk_wipe", "fork_bomb", "download_exec", "decode_exec"):
        assert needed in categories
    for needed in ("reverse_shell", "history_logs", "permissions", "firewall", "git"):
        assert needed in categories


def test_every_dangerous_command_reaches_its_level(report: Report) -> None:
    misses = report.misses
    assert not misses, "\n".join(misses)


def test_benign_false_positives_stay_under_two_percent(report: Report) -> None:
    rate = report.false_positive_rate
    assert rate <= MAX_FALSE_POSITIVE_RATE, "\n".join(report.false_positives)


def test_benign_commands_never_reach_high(report: Report) -> None:
    """Everyday commands may be over-rated by one step at most, never to HIGH or CRITICAL."""
    too_high = [fp for fp in report.false_positives if fp.startswith(("high", "critical"))]
    assert not too_high, "\n".join(too_high)


def test_the_extra_corpora_are_well_formed() -> None:
    """Our own cases for issue 11's families (never the blind corpus: that one is held out)."""
    dangerous = corpus.load("redteam_extra.jsonl")
    benign = corpus.load("benign_extra.jsonl")
    assert len(dangerous) >= 150 and len(benign) >= 70
    assert {item["min_level"] for item in dangerous} <= {"critical", "high"}
    assert {item["max_level"] for item in benign} <= {"safe", "moderate"}
    assert all(item["category"] and item["why"] for item in dangerous + benign)
    commands = [item["command"] for item in dangerous + benign]
    assert len(set(commands)) == len(commands), "duplicate commands"
    old = {item["command"] for item in corpus.load("redteam.jsonl") + corpus.load("benign.jsonl")}
    assert not old & set(commands), "a case is in both the old and the extra corpora"
