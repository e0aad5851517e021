"""`caro --run "request"`: show the command and its risk on the terminal, ask what `decide()`
requires, then run it, its output streamed, and exit with its exit code.

- confirm_key: one key, y runs (anything else does not);
- confirm_yes: type yes and Enter;
- confirm_word: type the command's first word and Enter;
- blocked: refused with the reason. Where the safety level lets a person override (a critical
  command at the moderate level, a high one at the strict level), `--override` turns the block
  into confirm_word: the first word still has to be typed. A deny pattern, or a critical
  command at the strict level, is refused even then.

The question is asked on /dev/tty (see terminal.py), never on stdin. The command runs with the
request context's shell (tui.core.request) in the folder of the request (`--cwd`, else here),
stdin closed; its stdout goes to caro's stdout and its stderr to caro's stderr, line by line.
Ctrl+C stops it (SIGINT, then SIGTERM, then SIGKILL to its process group); `[safety]
run_timeout_s` does too.
"""

from __future__ import annotations

import asyncio
import signal
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tui.cli.common import notice
from tui.cli.terminal import Terminal
from tui.core.config import Config
from tui.core.display import displayable, displayable_output

if TYPE_CHECKING:
    from tui.core.history.recording import FinishedRun
    from tui.core.preview.front import Outcome
    from tui.core.request import RequestContext
    from tui.core.run.runner import OutputLine, RunResult
    from tui.core.safety import Assessment, Decision, SafetyPolicy

# Exit code when the command was not run (declined, blocked, or the terminal closed).
EXIT_NOT_RUN = 1
CONFIRM_KEYS = ("y", "Y")


def describe(assessment: Assessment, command: str, cwd: str, shell: str) -> str:
    """What the terminal shows before asking: the exact command (every hidden character in it
    made visible), where, the risk and why."""
    first, *rest = displayable(command, multiline=True).split("\n")
    lines = [f"\n  $ {first}", *(f"    {line}" for line in rest)]
    lines += [f"  in {displayable(cwd)}  with {displayable(shell)}"]
    lines += [f"  risk: {assessment.level.label}"]
    lines += [f"    - {displayable(reason)}" for reason in assessment.reasons]
    lines += [f"    note: {displayable(note)}" for note in assessment.notes]
    return "\n".join(lines) + "\n\n"


def settle_decision(
    assessment: Assessment, policy: SafetyPolicy, override: bool
) -> tuple[Decision, str]:
    """The decision to ask for, and why it is refused ("" when it can be asked)."""
    from tui.core.safety import decide

    decision = decide(assessment, policy)
    if decision.action != "blocked":
        return decision, ""
    overridden = decide(assessment, policy, override=True)
    if overridden.action == "blocked":
        return decision, f"{decision.prompt} It cannot be overridden."
    if not override:
        word = overridden.required_text
        return (
            decision,
            f"{decision.prompt}\n  to run it anyway: rerun with --override, then type {word}",
        )
    return overridden, ""


def ask(terminal: Terminal, decision: Decision) -> bool:
    """Asks on the terminal what `decision` requires; True when the answer is exactly that."""
    if decision.action == "run":
        return True
    if decision.action == "confirm_key":
        key = terminal.read_key("Run it? press y to run, any other key not to: ")
        return key in CONFIRM_KEYS
    required = decision.required_text or "yes"
    if decision.action == "confirm_yes":
        typed = terminal.read_line("Type yes to run it (anything else does not): ")
        return typed is not None and typed.strip().lower() == "yes"
    typed = terminal.read_line(f"Type {displayable(required)} (its first word) to run it: ")
    return typed is not None and typed.strip() == required


def confirm_and_run(
    terminal: Terminal,
    context: RequestContext,
    command: str,
    request: str,
    *,
    override: bool,
    entry_id: int | None,
    preview: Outcome | None = None,
) -> int:
    """The whole of `--run` after the model answered (in `context`'s folder, with its shell);
    returns caro's exit code."""
    from tui.core.history.recording import CONFIRMED_BY, FinishedRun

    config, policy, cwd = context.config, context.policy, context.cwd
    shell = context.shell.path
    assessment = context.rate(command, request)
    if preview is not None:
        terminal.say(preview.text() + "\n")
        assessment = preview.rate(assessment)
    terminal.say(describe(assessment, command, cwd, shell))
    decision, refusal = settle_decision(assessment, policy, override)
    if refusal:
        notice(f"not run: {refusal}")
        return EXIT_NOT_RUN
    if not ask(terminal, decision):
        notice("not run: not confirmed")
        return EXIT_NOT_RUN
    started_at = time.time()
    result = asyncio.run(_run(command, cwd, shell, config.safety.run_timeout_s))
    if result.error:
        notice(result.describe())
        return EXIT_NOT_RUN
    notice(f"{result.describe()}  ($ {command})")
    run = FinishedRun.of(result, started_at, CONFIRMED_BY[decision.action])
    _record(entry_id, run, config)
    return exit_code_of(result)


def exit_code_of(result: RunResult) -> int:
    """The command's exit code; 128 + N when a signal ended it, as shells say."""
    if result.exit_code is not None:
        return result.exit_code
    return 128 + result.signal if result.signal is not None else EXIT_NOT_RUN


async def _run(command: str, cwd: str, shell: str, timeout_s: float) -> RunResult:
    """Runs with Ctrl+C as the cancel: the child has its own process group, so the terminal's
    SIGINT reaches caro alone, and caro walks the child's group down."""
    from tui.core.run.runner import run_command

    cancel = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGINT, cancel.set)
    try:
        return await run_command(
            command,
            cwd=cwd,
            shell=shell,
            timeout_s=timeout_s,
            on_output=_write_lines,
            cancel=cancel,
        )
    finally:
        loop.remove_signal_handler(signal.SIGINT)


def _write_lines(lines: Sequence[OutputLine]) -> None:
    """The command's output; on a terminal only its colours are kept (see display.py)."""
    for line in lines:
        stream = sys.stderr if line.stream == "stderr" else sys.stdout
        text = displayable_output(line.text) if stream.isatty() else line.text
        stream.write(text + "\n")
    sys.stdout.flush()
    sys.stderr.flush()


def _record(entry_id: int | None, run: FinishedRun, config: Config) -> None:
    """The run in caro's history (and the shell's, when asked); problems are notices."""
    from tui.core.history import History, HistoryError
    from tui.core.history.recording import note_run

    shell_history = config.safety.shell_history
    try:
        with History.open() as history:
            problems = note_run(history, entry_id, run, shell_history=shell_history)
    except HistoryError as error:
        problems = [f"the run was not recorded: {error}"]
        problems += note_run(None, None, run, shell_history=shell_history)
    for problem in problems:
        notice(problem)
