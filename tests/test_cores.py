"""Threads for one llama.cpp generation: every core nobody else wants at that moment."""

from __future__ import annotations

from pathlib import Path

from tui.core.backends.embedded.cores import (
    base_threads,
    busy_elsewhere,
    contended,
    runnable_now,
    threads_now,
)


def test_runnable_tasks_are_read_from_proc_stat(tmp_path: Path) -> None:
    stat = tmp_path / "stat"
    stat.write_text("cpu  1 2 3 4\nctxt 99\nprocs_running 3\nprocs_blocked 0\n")
    assert runnable_now(stat) == 3


def test_no_proc_stat_means_unknown(tmp_path: Path) -> None:
    assert runnable_now(tmp_path / "missing") is None
    (tmp_path / "odd").write_text("cpu 1 2 3\n")
    assert runnable_now(tmp_path / "odd") is None


def test_the_busiest_sample_counts_and_the_caller_is_left_out() -> None:
    samples = iter([1, 3, 2])
    assert busy_elsewhere(lambda: next(samples), samples=3) == 2
    assert busy_elsewhere(lambda: 1, samples=2) == 0
    assert busy_elsewhere(lambda: None) is None


def test_idle_cores_are_all_used() -> None:
    assert threads_now(None, cores=2, busy=lambda: 0) == (2, 2)
    assert threads_now(None, cores=8, busy=lambda: 3) == (5, 5)


def test_a_busy_machine_keeps_one_thread() -> None:
    assert threads_now(None, cores=2, busy=lambda: 1) == (1, 1)
    assert threads_now(None, cores=2, busy=lambda: 7) == (1, 1)


def test_the_configured_count_wins_and_unknown_load_is_the_safe_default() -> None:
    assert threads_now(3, cores=2, busy=lambda: 0) == (3, 3)
    assert threads_now(None, cores=2, busy=lambda: None) == base_threads(None, 2) == (1, 1)
    assert base_threads(None, 8) == (4, 7)
    assert base_threads(2, 8) == (2, 2)


def test_this_machine_reports_a_count() -> None:
    if Path("/proc/stat").exists():
        count = runnable_now()
        assert count is not None and count >= 1  # the test itself is running


def test_between_tokens_our_own_spinning_workers_are_not_contention() -> None:
    assert not contended(2, lambda: 2)  # the caller and its one worker
    assert contended(2, lambda: 3)  # and one more task
    assert contended(1, lambda: 2)
    assert not contended(4, lambda: 4)
    assert not contended(2, lambda: None)
