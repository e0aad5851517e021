"""What one-shot mode reads before anything else: the request on stdin as text, and whether
there is a terminal for the workbench when no request was given."""

from __future__ import annotations

import sys

from tui.cli.common import CliError, notice


def readable(data: bytes, what: str) -> str:
    """`data` as text: bytes that are not UTF-8 are replaced with U+FFFD, and the person is
    told (argv is made readable the same way in tui.cli.main)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        notice(f"{what} is not valid UTF-8: the bytes that are not were replaced with \ufffd")
        return data.decode("utf-8", "replace")


def check_workbench_terminal(from_stdin: bool) -> None:
    """No request: the workbench opens only where a person can see and drive it."""
    from tui.cli import EXIT_USAGE

    if from_stdin or not sys.stdin.isatty():
        raise CliError(
            "no request: stdin was empty, and without a terminal there is no workbench to open",
            EXIT_USAGE,
            'give the request: caro "list files", or echo "list files" | caro',
        )
    if not sys.stderr.isatty():
        raise CliError(
            "no request, and no terminal to show the workbench on (stderr is not a terminal)",
            EXIT_USAGE,
            'give the request: caro "list files"',
        )
