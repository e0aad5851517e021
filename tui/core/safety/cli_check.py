"""`caro check [--json] [--request TEXT] [--no-preflight] -- COMMAND...`: rate a command.

Prints one line per reason, `LEVEL: reason`, most severe first (or `safe: nothing risky found`),
then `note: ...` lines; with --json, the assessment's `as_dict()` as JSON.

The config's `[safety]` level, allow and deny patterns apply, as everywhere else in caro.
Hidden characters in the text printed are made visible (see tui.core.display).

Exit status: 0 whatever the rating (the rating is the output, not a failure: scripts should read
--json), 1 for a broken config file, 2 for usage errors such as a missing command.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from tui.core.display import displayable, json_text
from tui.core.safety.model import Assessment


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="caro check",
        description="Rate the risk of a shell command without running it.",
    )
    parser.add_argument("--json", action="store_true", help="print the assessment as JSON")
    parser.add_argument("--request", metavar="TEXT", help="the request that produced the command")
    parser.add_argument(
        "--no-preflight", action="store_true", help="skip the PATH and shellcheck notes"
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="also run it in a throwaway copy of your files (Linux) and report what it changed",
    )
    parser.add_argument("--cwd", help="with --preview: the folder it runs in (default: here)")
    parser.add_argument("command", nargs="*", metavar="COMMAND", help="the command (after --)")
    return parser


def check_main(argv: list[str], out: TextIO | None = None) -> int:
    """Runs `caro check` with `argv` (the words after `check`); returns the exit status."""
    stream = out if out is not None else sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    words: list[str] = args.command
    if not words or not " ".join(words).strip():
        parser.print_usage(sys.stderr)
        print("caro check: error: give the command to check after --", file=sys.stderr)
        return 2
    command = words[0] if len(words) == 1 else " ".join(words)
    from tui.core.config import ConfigError, load
    from tui.core.request import RequestContext

    try:
        context = RequestContext.build(load(), cwd=args.cwd)
        context.policy  # noqa: B018 - a pattern the policy cannot use is a broken config
    except (ConfigError, ValueError) as error:
        print(f"caro check: {displayable(str(error), multiline=True)}", file=sys.stderr)
        print("  fix: correct the config file; caro never rewrites a broken one", file=sys.stderr)
        return 1
    assessment = context.rate(command, args.request, preflight=not args.no_preflight)
    if args.preview:
        from tui.core.preview.front import run_preview

        preview = run_preview(command, cwd=context.cwd)
        assessment = preview.rate(assessment)
        if args.json:
            data = {**assessment.as_dict(), "preview": preview.as_dict()}
            print(json_text(data), file=stream)
        else:
            print(human(assessment) + "\n\n" + preview.text(), file=stream)
        return 0
    if args.json:
        print(json_text(assessment.as_dict()), file=stream)
    else:
        print(human(assessment), file=stream)
    return 0


def human(assessment: Assessment) -> str:
    """The human form: `critical: deletes / recursively ...`, one reason a line, then notes."""
    lines: list[str] = []
    if assessment.denied_by is not None:
        pattern = displayable(assessment.denied_by)
        lines.append(f"blocked: matches your deny pattern `{pattern}` (caro never runs it)")
    elif assessment.allowed_by is not None and assessment.level < assessment.finding_level:
        pattern = displayable(assessment.allowed_by)
        lines.append(f"{assessment.level.label}: lowered by your allow pattern `{pattern}`")
    seen: set[str] = set()
    for finding in assessment.findings:
        if finding.reason not in seen:
            seen.add(finding.reason)
            lines.append(f"{finding.level.label}: {displayable(finding.reason)}")
    if not lines:
        lines.append(f"{assessment.level.label}: nothing risky found")
    lines.extend(f"note: {displayable(note)}" for note in assessment.notes)
    return "\n".join(lines)
