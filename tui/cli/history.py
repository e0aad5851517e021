"""`caro history`: what was asked, the command, its risk and whether it ran.

    caro history [SEARCH...] [--limit N] [--ran] [--here] [--json]
    caro history --show ID [--json]
    caro history --copy ID

The listing shows the newest N entries oldest first, so the newest sits just above the prompt:
id, time, risk, how it ran, the command (as last edited), and the request under it. Every word
of SEARCH must occur in the request or a command, in any case.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path
from typing import NoReturn

from tui.cli.common import CliError, Parser, fail, notice
from tui.core import paths
from tui.core.display import displayable, handed_over, json_text
from tui.core.errors import CaroError
from tui.core.history import Entry, History

STATUS_WIDTH = 10


def build_parser() -> Parser:
    parser = Parser(
        prog="caro history",
        description="Search the requests caro answered and the commands it ran.",
    )
    parser.add_argument("search", nargs="*", help="words that must all occur (any case)")
    parser.add_argument("-n", "--limit", type=int, default=20, help="newest N entries (20)")
    parser.add_argument("--ran", action="store_true", help="only commands that were run")
    parser.add_argument("--here", action="store_true", help="only requests made in this folder")
    parser.add_argument("--json", action="store_true", help="entries as a JSON list")
    one = parser.add_mutually_exclusive_group()
    one.add_argument("--show", type=int, metavar="ID", help="everything about one entry")
    one.add_argument("--copy", type=int, metavar="ID", help="copy an entry's command")
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except CaroError as error:
        return fail(error)


def _run(args: argparse.Namespace) -> int:
    from tui.cli import EXIT_USAGE

    if args.limit < 1:
        raise CliError("--limit must be at least 1", EXIT_USAGE)
    path = paths.history_db()
    wanted = args.show if args.show is not None else args.copy
    if not path.exists():  # a read-only command does not create the database
        if wanted is not None:
            _no_entry(wanted)
        notice(f"no history yet ({path} does not exist)")
        return 0
    with _open(path) as history:
        if args.show is not None:
            return _show(history, args.show, args.json)
        if args.copy is not None:
            return _copy(history, args.copy)
        entries = history.search(
            " ".join(args.search) or None,
            limit=args.limit,
            cwd=os.getcwd() if args.here else None,
            ran_only=args.ran,
        )
    entries.reverse()
    if args.json:
        print(json_text([entry.as_dict() for entry in entries]))
    elif entries:
        print(_shown(listing(entries)))
    else:
        notice("no history entries match")
    return 0


def _open(path: Path) -> History:
    history = History.open(path)  # HistoryError: said by `fail`, exit code 1
    if history.recovery:
        notice(history.recovery.describe())
    return history


def _no_entry(entry_id: int) -> NoReturn:
    from tui.cli import EXIT_ERROR

    raise CliError(f"there is no history entry #{entry_id}", EXIT_ERROR, "caro history lists them")


def _entry(history: History, entry_id: int) -> Entry:
    entry = history.get(entry_id)
    if entry is None:
        _no_entry(entry_id)
    return entry


# -- the listing ------------------------------------------------------------------------------


def _when(stamp: float, seconds: bool = False) -> str:
    return time.strftime(
        "%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M", time.localtime(stamp)
    )


def status(entry: Entry) -> str:
    """How it ran: `exit 0`, `timed out`, ... or `not run` / `no command`."""
    if entry.final_command is None:
        return "no command"
    run = entry.last_run
    return run.describe() if run else "not run"


def _shown(lines: list[str]) -> str:
    """The lines for the terminal: what was stored came from a model or a person, and each
    hidden character in it is shown, never interpreted (see tui.core.display)."""
    return "\n".join(displayable(line) for line in lines)


def _one_line(command: str) -> str:
    lines = displayable(command, multiline=True).split("\n")
    return lines[0] + (f"  (+{len(lines) - 1} lines)" if len(lines) > 1 else "")


def listing(entries: list[Entry]) -> list[str]:
    width = max(len(str(entry.id)) for entry in entries)
    lines = []
    for entry in entries:
        command = entry.final_command
        shown = _one_line(command) if command is not None else f"({entry.error or 'no command'})"
        risk = entry.risk_level or "-"
        lines.append(
            f"{entry.id:>{width}}  {_when(entry.created_at)}  {risk:<8}  "
            f"{status(entry):<{STATUS_WIDTH}}  {shown}"
        )
        lines.append(f"{'':>{width}}  {_one_line(entry.request)}")
    return lines


# -- one entry --------------------------------------------------------------------------------


def _show(history: History, entry_id: int, as_json: bool) -> int:
    entry = _entry(history, entry_id)
    if as_json:
        print(json_text(entry.as_dict()))
    else:
        print(_shown(details(entry)))
    return 0


def _indented(label: str, text: str) -> list[str]:
    lines = displayable(text, multiline=True).split("\n")
    return [f"{label:<9} {lines[0]}", *(f"{'':<9} {line}" for line in lines[1:])]


def details(entry: Entry) -> list[str]:
    where = f"in {entry.cwd}" + (f", {entry.shell}" if entry.shell else "")
    lines = [f"#{entry.id}  {_when(entry.created_at, seconds=True)}  {where}  ({entry.source})"]
    lines += _indented("request", entry.request)
    if entry.backend or entry.model:
        lines += _indented("backend", f"{entry.backend or '?'}, model {entry.model or '?'}")
    lines += _indented("command", entry.command if entry.command is not None else "(none)")
    if entry.error:
        lines += _indented("error", entry.error)
    for edit in entry.edits:
        lines += _indented("edited", edit.command)
    if entry.risk_level:
        reasons = "; ".join(entry.risk_reasons)
        lines += _indented("risk", entry.risk_level + (f": {reasons}" if reasons else ""))
    if entry.timings:
        lines += _indented("timings", _timings(entry.timings))
    for run in entry.runs:
        took = f" after {run.duration_s:.2f} s" if run.duration_s is not None else ""
        text = f"{_when(run.started_at, seconds=True)}  {run.describe()}{took}"
        text += f", confirmed by {run.confirmed_by}"
        if run.command != entry.final_command:
            text += f"\n{run.command}"
        lines += _indented("ran", text)
    if not entry.runs:
        lines += _indented("ran", "no")
    for preview in entry.previews:
        summary = [str(line) for line in preview.report.get("summary", [])]
        text = f"{_when(preview.at, seconds=True)}  " + "\n".join(summary or ["(no summary)"])
        lines += _indented("previewed", text)
    if entry.raw:
        lines += _indented("raw", entry.raw)
    return lines


def _timings(timings: dict[str, object]) -> str:
    parts = []
    for key, template in (
        ("ttft_s", "first token {:.2f} s"),
        ("total_s", "total {:.2f} s"),
        ("tokens_per_s", "{:.1f} tokens/s"),
    ):
        value = timings.get(key)
        if isinstance(value, int | float):
            parts.append(template.format(value))
    return ", ".join(parts) or json.dumps(timings)


def _copy(history: History, entry_id: int) -> int:
    from tui.cli import EXIT_ERROR

    entry = _entry(history, entry_id)
    command = entry.final_command
    if command is None:
        raise CliError(f"entry #{entry_id} has no command to copy", EXIT_ERROR)
    import pyperclip

    try:
        pyperclip.copy(handed_over(command))
    except pyperclip.PyperclipException as error:
        raise CliError(
            f"cannot reach the clipboard: {error}",
            EXIT_ERROR,
            f"install xclip, xsel or wl-clipboard, or print it: caro history --show {entry_id}",
        ) from None
    notice(f"copied #{entry_id}: {_one_line(handed_over(command))}")
    return 0
