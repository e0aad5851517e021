"""What one-shot prints: the command on stdout (or --output-file, never through a symbolic
link, a new file 0600), the whole result with --json, and notices, warnings and risk on stderr."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from tui.cli.common import CliError, notice
from tui.core.display import displayable, handed_over, json_text
from tui.core.generation.pipeline import CommandResult


def check_output_file(path: str) -> None:
    """Fails before any model runs when the command could not be written there."""
    from tui.cli import EXIT_USAGE

    target = Path(path)
    if target.is_symlink():
        raise CliError(
            f"--output-file {path} is a symbolic link; caro does not write through one",
            EXIT_USAGE,
            "name a new file, or the file itself",
        )
    if target.is_dir() or not target.parent.is_dir():
        problem = "is a folder" if target.is_dir() else "is in a folder that does not exist"
        raise CliError(f"--output-file {path} {problem}", EXIT_USAGE)


def write_output(path: str, command: str) -> None:
    """Writes the command; never through a symbolic link, and a new file is 0600."""
    from tui.cli import EXIT_ERROR

    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        with os.fdopen(os.open(path, flags, 0o600), "w", encoding="utf-8") as handle:
            handle.write(command + "\n")
    except OSError as error:
        reason = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror
        raise CliError(f"cannot write --output-file {path}: {reason}", EXIT_ERROR) from None


def print_result(
    result: CommandResult,
    as_json: bool,
    no_command: int,
    output_file: str | None = None,
    quiet: bool = False,
) -> int:
    """Prints the command; with `quiet`, only a high or critical risk is still said."""
    if output_file and result.command:
        write_output(output_file, handed_over(result.command))
    if as_json:
        print(json_text(result.as_dict()))
        return 0 if result.command else no_command
    if result.command is None:
        notice(f"no usable command: {displayable(result.error)}")
        notice(
            "the model said:\n" + _indent(displayable(result.raw or "(nothing)", multiline=True))
        )
        return no_command
    level = result.risk.get("level") if result.risk else None
    for warning in () if quiet else result.warnings:
        notice(f"warning: {warning}")
    if result.risk and level not in (None, "safe") and not (quiet and level == "moderate"):
        reasons = (displayable(reason) for reason in result.risk.get("reasons", []))
        notice(f"risk: {level}: " + "; ".join(reasons))
    if not output_file:
        print(handed_over(result.command), flush=True)
    return 0


def _indent(text: str) -> str:
    return "\n".join(f"  | {line}" for line in text.split("\n"))
