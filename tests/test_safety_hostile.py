"""Hostile commands (crafted, or looped by a small model) must not make the rater take seconds.

Each case once took one to sixteen seconds (quadratic or cubic work over 16-30 KB). The test
does not time them, the machine is shared: a subprocess rates every case, and only a catastrophic
regression fails it: more than 20 s of the processor's time (about 3 s today), which other
programs' load does not inflate the way it does the clock; the clock's own limit (120 s) only
catches a hang. Each rating is checked.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.safety import RiskLevel

ROOT = Path(__file__).resolve().parent.parent
Q = "'"

# name -> (command, the least level it must get)
CASES: dict[str, tuple[str, RiskLevel]] = {
    # calls.find: an unbounded `a.b.c.` callee chain before the name (5.6 s)
    "python_dots": ("python3 -c " + Q + "a." * 8000 + "b()" + Q, RiskLevel.SAFE),
    # sudo re-checked every inner layer for each layer (16 s, and the error fallback)
    "sudo_layers": ("sudo " * 6000 + "ls", RiskLevel.MODERATE),
    # one redirection rescanned the whole command each time (1.7 s)
    "redirections": ("echo " + "> x " * 7000, RiskLevel.MODERATE),
    # words: at_start joined every part so far (1.5 s)
    "brackets": ("echo " + "[" * 30000, RiskLevel.MODERATE),
    # calls._ASSIGNMENT started inside a 16 KB name at every letter (2 s)
    "perl_long_name": ("perl -e " + Q + "a" * 16000 + Q, RiskLevel.SAFE),
    "perl_open_string": ("perl -e " + Q + '$a = "' + "x" * 16000 + Q, RiskLevel.SAFE),
    # weakening._HOSTS_LINE started an IPv6 address inside another (1.3 s)
    "hosts_v6": ("echo " + '"' + "a::" * 5000 + '"' + " >> /etc/hosts", RiskLevel.MODERATE),
    # weakening: `^\s*` in multi-line patterns ran over every blank line below (0.6 s)
    "exports_blank_lines": (
        "printf " + Q + "\n" * 16000 + Q + " >> /etc/exports",
        RiskLevel.MODERATE,
    ),
    "distinct_redirections": ("echo " + " ".join(f"> a{i}" for i in range(3000)), RiskLevel.SAFE),
    "looped_words": ("the " * 7500, RiskLevel.SAFE),
    "long_pipeline": (" | ".join(["cat x"] * 3000), RiskLevel.SAFE),
    "nested_substitutions": ("echo " + "$(echo " * 1500 + "x" + ")" * 1500, RiskLevel.SAFE),
}


def _rate_all() -> None:
    """Run in the subprocess: print {name: level} for every case."""
    from tui.core.safety import assess
    from tui.core.safety.rating import INTERNAL_ERROR

    levels = {}
    for name, (command, _) in CASES.items():
        result = assess(command, preflight=False)
        assert not any(note.startswith(INTERNAL_ERROR) for note in result.notes), name
        levels[name] = int(result.level)
    print(json.dumps(levels))


CPU_SECONDS = 20


def _children_cpu_seconds() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def test_hostile_commands_are_rated_in_bounded_time() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    code = "from tests.test_safety_hostile import _rate_all; _rate_all()"
    before = _children_cpu_seconds()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("rating the hostile commands hung (no answer in 120 s)")
    used = _children_cpu_seconds() - before
    assert used < CPU_SECONDS, f"rating the hostile commands took {used:.1f} s of processor time"
    levels = json.loads(done.stdout.strip().splitlines()[-1])
    for name, (_, least) in CASES.items():
        assert RiskLevel(levels[name]) >= least, name
