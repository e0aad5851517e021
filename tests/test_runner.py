"""tui.core.run.runner against real processes: exit codes, streams, cwd, timeout, cancel, floods."""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Sequence
from pathlib import Path

import pytest

from tui.core.run.runner import OutputLimits, OutputLine, run_command

SH = "/bin/sh"


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


async def test_exit_code_and_output() -> None:
    result = await run_command("echo hello; exit 3", shell=SH)
    assert result.exit_code == 3
    assert result.signal is None
    assert [line.text for line in result.lines] == ["hello"]
    assert not result.truncated
    assert "exit code 3" in result.describe()


async def test_success_is_ok() -> None:
    result = await run_command("true", shell=SH)
    assert result.ok and result.exit_code == 0


async def test_stdout_and_stderr_arrive_in_the_order_they_are_written() -> None:
    seen: list[OutputLine] = []
    result = await run_command(
        "echo out1; sleep 0.2; echo err1 >&2; sleep 0.2; echo out2",
        shell=SH,
        on_output=seen.extend,
    )
    assert [(line.stream, line.text) for line in seen] == [
        ("stdout", "out1"),
        ("stderr", "err1"),
        ("stdout", "out2"),
    ]
    assert list(result.lines) == seen


async def test_runs_in_the_given_directory(tmp_path: Path) -> None:
    result = await run_command("pwd", cwd=tmp_path, shell=SH)
    assert result.lines[0].text == str(tmp_path.resolve())


async def test_uses_the_shell_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHELL", "/bin/bash")
    result = await run_command('echo "$BASH_VERSION"')
    assert result.lines[0].text  # only bash sets it


async def test_a_missing_shell_is_a_clear_error() -> None:
    result = await run_command("true", shell="/nonexistent/shell")
    assert result.exit_code is None
    assert "was not found" in result.error


async def test_timeout_stops_the_command() -> None:
    result = await run_command("echo started; sleep 30", shell=SH, timeout_s=0.5, grace_s=0.5)
    assert result.timed_out
    assert result.signal == signal.SIGINT
    assert result.lines[0].text == "started"
    assert "timed out" in result.describe()


async def test_cancel_escalates_to_sigterm_when_sigint_is_ignored() -> None:
    cancel = asyncio.Event()
    seen: list[OutputLine] = []

    def on_output(lines: Sequence[OutputLine]) -> None:
        seen.extend(lines)
        cancel.set()

    result = await run_command(
        "trap '' INT; echo ready; sleep 30",
        shell="/bin/bash",
        on_output=on_output,
        cancel=cancel,
        grace_s=0.3,
    )
    assert result.cancelled
    assert result.stopped_with == "SIGTERM"
    assert result.signal == signal.SIGTERM


async def test_cancel_ends_with_sigkill_when_everything_is_ignored() -> None:
    cancel = asyncio.Event()
    result = await run_command(
        "trap '' INT TERM; echo ready; while :; do sleep 0.05; done",
        shell="/bin/bash",
        on_output=lambda _lines: cancel.set(),
        cancel=cancel,
        grace_s=0.3,
    )
    assert result.stopped_with == "SIGKILL"
    assert result.signal == signal.SIGKILL


async def test_grandchildren_are_stopped_with_the_group() -> None:
    cancel = asyncio.Event()
    pids: list[int] = []

    def on_output(lines: Sequence[OutputLine]) -> None:
        pids.extend(int(line.text) for line in lines)
        if len(pids) == 2:
            cancel.set()

    await run_command(
        "sleep 300 & echo $!; sleep 301 & echo $!; wait",
        shell="/bin/bash",
        on_output=on_output,
        cancel=cancel,
        grace_s=0.5,
    )
    assert len(pids) == 2
    assert not any(_alive(pid) for pid in pids)


async def test_cancelling_the_task_stops_the_group_too() -> None:
    pids: list[int] = []
    ready = asyncio.Event()

    def on_output(lines: Sequence[OutputLine]) -> None:
        pids.extend(int(line.text) for line in lines)
        ready.set()

    task = asyncio.create_task(
        run_command("sleep 300 & echo $!; wait", shell="/bin/bash", on_output=on_output)
    )
    await ready.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert pids and not _alive(pids[0])


async def test_an_output_flood_stays_bounded_and_finishes() -> None:
    batches = 0
    delivered = 0

    def on_output(lines: Sequence[OutputLine]) -> None:
        nonlocal batches, delivered
        batches += 1
        delivered += len(lines)

    limits = OutputLimits(max_lines=500)
    result = await run_command(
        "yes | head -c 50000000; echo done", shell=SH, on_output=on_output, limits=limits
    )
    assert result.exit_code == 0
    assert len(result.lines) == 500
    assert result.lines[-1].text == "done"
    # 25,000,000 "y" lines and "done": every one is either kept or counted as dropped.
    assert len(result.lines) + result.dropped_lines == 25_000_001
    assert result.truncated
    # No read hands over more than the limit, so the consumer is never flooded either.
    assert delivered <= batches * 500


async def test_a_very_long_line_is_cut_and_the_next_line_is_kept() -> None:
    limits = OutputLimits(max_line_chars=100)
    result = await run_command(
        "head -c 300000 /dev/zero | tr '\\0' x; echo; echo next", shell=SH, limits=limits
    )
    texts = [line.text for line in result.lines]
    assert texts[0] == "x" * 100 + " …"
    assert texts[-1] == "next"
    assert len(texts) == 2


async def test_a_background_child_holding_the_pipe_does_not_hang_the_run() -> None:
    result = await run_command("sleep 5 & echo parent done", shell="/bin/bash")
    assert result.exit_code == 0
    assert result.lines[0].text == "parent done"
    os.killpg(os.getpgid(os.getpid()), 0)  # our own group is untouched
