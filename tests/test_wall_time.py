"""Compare's figures: the wall time, and what the same answers would take one after another."""

from __future__ import annotations

from tui.core.backends.base import Timings
from tui.core.measure.wall_time import Span, one_after_another, wall_time


def timings(total_s: float, load_s: float | None = None) -> Timings:
    return Timings(ttft_s=0.1, total_s=total_s, load_s=load_s)


def test_a_wait_for_a_shared_engine_is_not_counted_twice() -> None:
    # Both asked at 0; the second waited for the first (2 s) and then worked 3 s.
    first = Span(0.0, 2.0, timings(2.0))
    second = Span(0.0, 5.0, timings(3.0))
    assert wall_time([first, second]) == 5.0
    assert one_after_another([first, second]) == 5.0  # not 7: the 2 s wait is not work


def test_answers_side_by_side_would_take_their_sum_one_after_another() -> None:
    spans = [Span(0.0, 2.0, timings(2.0)), Span(0.0, 3.0, timings(3.0))]
    assert wall_time(spans) == 3.0
    assert one_after_another(spans) == 5.0


def test_loading_is_work_and_a_failure_counts_its_span() -> None:
    loaded = Span(1.0, 5.0, timings(1.5, load_s=2.0))
    failed = Span(1.0, 1.5, None)
    assert one_after_another([loaded, failed]) == 3.5 + 0.5
    assert wall_time([loaded, failed]) == 4.0


def test_timings_never_count_more_than_the_span() -> None:
    # A server's own figure can be longer than what caro saw (clocks, rounding).
    assert one_after_another([Span(0.0, 1.0, timings(4.0))]) == 1.0
    assert wall_time([]) is None and one_after_another([]) is None
