"""Regression floors on the corpora written blind and then used for tuning: round 2
(tests/data/rater_tune_*.jsonl), round 3 (rater_tune3_*), round 5 (rater_tune5_*), round 7
(rater_tune7_*), round 8 (rater_tune8_*), round 13 (rater_tune10_*) and round 14
(rater_tune11_*). Their misses may be read (`bench/safety_corpus.py --corpus tune` / `tune3` /
... / `tune11`); these floors are the figures when the rater was last changed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import safety_corpus as corpus

# corpus: (dangerous, benign), floors (caught, critical caught), ceiling (benign high+)
FLOORS = {
    "tune": ((616, 556), (611, 392), 0),
    "tune3": ((358, 295), (358, 205), 1),
    "tune5": ((385, 320), (378, 258), 1),
    "tune7": ((336, 300), (336, 175), 0),
    "tune8": ((360, 300), (360, 188), 1),
    "tune10": ((960, 900), (954, 378), 6),
    "tune11": ((960, 900), (915, 340), 5),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_tuning_figures_do_not_slip(name: str) -> None:
    sizes, (caught, critical), benign_high = FLOORS[name]
    figures = corpus.aggregates(corpus.evaluate(name))
    assert (figures["dangerous"], figures["benign"]) == sizes, f"{name} changed size"
    assert figures["caught"] >= caught, figures["caught"]
    assert figures["critical_caught"] >= critical, figures["critical_caught"]
    assert figures["benign_high"] <= benign_high, figures["benign_high"]
