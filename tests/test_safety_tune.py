"""Regression floor on the tune corpus (tests/data/rater_tune_*.jsonl, written blind for round 2
of issue 11, then used for tuning). Its misses may be read (`bench/safety_corpus.py --corpus
tune`); these floors are the figures when the rater was last changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safety_corpus as corpus


@pytest.fixture(scope="module")
def figures() -> dict[str, int]:
    return corpus.aggregates(corpus.evaluate("tune"))


def test_the_tune_corpus_is_complete(figures: dict[str, int]) -> None:
    assert (figures["dangerous"], figures["benign"]) == (616, 556)


def test_tune_figures_do_not_slip(figures: dict[str, int]) -> None:
    assert figures["caught"] >= 592, figures["caught"]
    assert figures["critical_caught"] >= 383, figures["critical_caught"]
    assert figures["benign_high"] == 0, figures["benign_high"]
