"""Timings of an answer made of several generations (best of n)."""

from __future__ import annotations

import pytest

from tui.core.backends.base import Timings, combined_timings


def test_one_generation_keeps_its_own_speed() -> None:
    alone = Timings(ttft_s=0.5, total_s=1.5, prompt_tokens=200, completion_tokens=11)
    combined = combined_timings([alone])
    assert combined is not None
    assert combined.tokens_per_s == pytest.approx(alone.tokens_per_s)
    assert combined.total_s == alone.total_s


def test_speed_is_pooled_over_decoding_not_diluted_by_later_prefills() -> None:
    first = Timings(ttft_s=0.6, total_s=0.7, prompt_tokens=197, completion_tokens=11)
    # A second candidate whose own prefill took most of its time.
    second = Timings(ttft_s=0.9, total_s=1.0, prompt_tokens=197, completion_tokens=11)
    combined = combined_timings([first, second])
    assert combined is not None
    assert combined.total_s == pytest.approx(1.7)
    assert combined.ttft_s == 0.6
    assert combined.prompt_tokens == 197
    assert combined.completion_tokens == 22
    assert combined.tokens_per_s == pytest.approx(20 / 0.2)
    assert combined.as_dict()["tokens_per_s"] == pytest.approx(100.0)


def test_nothing_to_combine() -> None:
    assert combined_timings([]) is None
