"""The bank's flag check (scripts/flag_check.py): which flags it reads as documented."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from flag_check import documented, flags_of, plan

HELP = """Usage: nl [OPTION]... [FILE]...
  -b, --body-numbering=STYLE  use STYLE for numbering body lines
  -n, --number-format=FORMAT  insert line numbers according to FORMAT
  -w, --number-width=NUMBER   use NUMBER columns for line numbers
      --[no-]color            colour the output
  jobs [-lnprs] [jobspec ...]
"""


def test_flags_are_read_up_to_the_operands() -> None:
    assert flags_of(["nl", "-ba", "--number-width=3", "--", "-x"]) == ["-ba", "--number-width"]


def test_what_counts_as_documented() -> None:
    assert documented("nl", "--body-numbering", HELP)
    assert not documented("nl", "--body-number", HELP)  # a prefix is not the flag
    assert documented("nl", "--no-color", HELP)
    assert documented("nl", "-bw", HELP)  # letter by letter
    assert documented("nl", "-ba", HELP)  # -b takes its argument attached
    assert not documented("nl", "-x", HELP)
    assert documented("jobs", "-l", HELP)  # bash's [-lnprs]
    assert documented("kill", "-HUP", "")  # a signal name
    assert documented("gcc", "-fPIC", "")  # a compiler flag family


def test_commands_that_cannot_be_checked_here_are_left_out() -> None:
    assert plan("frobnicate-not-installed --all") is None
    assert plan("python3 -m http.server --bind 127.0.0.1") is None
    planned = plan("ls -la | wc -l")
    assert planned is not None and ("ls", "-la") in planned[1] and ("wc", "-l") in planned[1]
