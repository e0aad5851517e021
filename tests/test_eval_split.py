"""`caro eval`'s first-utility share, tokens per answer and in-bank / out-of-bank split."""

from __future__ import annotations

import pytest

from tui.core.measure.evaluation import (
    IN_BANK,
    OUT_OF_BANK,
    Case,
    CaseResult,
    bank_split,
    summarise,
)


def result(reference: str, predicted: str | None, tokens: int | None = None) -> CaseResult:
    return CaseResult(Case("r", reference), predicted, 1.0, "", tokens)


def test_first_utility_counts_an_answer_that_starts_right() -> None:
    rows = [
        result("ls -A", "ls -a | wc -l", 10),  # first utility right, not the same set
        result("ls -A", "ls -a", 20),  # both
        result("du -sh *", "df -h", None),  # neither
        result("du -sh *", None, 30),  # no command
    ]
    summary = summarise(rows)
    assert summary.first_utility_match == pytest.approx(2 / 4)
    assert summary.utility_match == pytest.approx(1 / 4)
    assert summary.tokens_mean == pytest.approx(20.0)  # cases without a count are left out


def test_the_split_follows_the_references_first_utility() -> None:
    rows = [result("ls -A", "ls -a"), result("nl notes.txt", "cat -n notes.txt")]
    split = bank_split(rows, {"ls", "cat"})
    assert split[IN_BANK].cases == 1 and split[IN_BANK].utility_match == 1.0
    assert split[OUT_OF_BANK].cases == 1 and split[OUT_OF_BANK].first_utility_match == 0.0
    assert OUT_OF_BANK not in bank_split(rows[:1], {"ls"})
