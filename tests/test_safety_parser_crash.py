"""tree-sitter-bash 0.25 crashes the process on `{` + a code point beyond U+FFFF (a segfault,
now and then). caro must survive any text a model or a person gives it, so this runs the
analyser on such text in a child process, which dies with the signal if the guard is gone."""

from __future__ import annotations

import subprocess
import sys

CHILD = """
import random
from tui.core.safety import assess
from tui.core.safety.parse import parse
rnd = random.Random(7)
for _ in range(20):
    assess("{\\U00070810", preflight=False)
    assess("echo {\\U0002d098\\u21aa} \\U0001F389", preflight=False)
for _ in range(3000):
    char = chr(rnd.randint(0x10000, 0x10FFFF))
    for prefix in ("{", "${", "{a,", "a{"):
        parse(prefix + char + "}")
print("survived")
"""


def test_astral_code_points_after_a_brace_do_not_crash_the_process() -> None:
    for _ in range(3):  # the crash is intermittent: several processes, many inputs each
        child = subprocess.run(
            [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120
        )
        assert child.returncode == 0, f"the analyser's process died: {child.returncode}"
        assert child.stdout.strip() == "survived"


def test_astral_text_is_still_rated() -> None:
    from tui.core.safety import RiskLevel, assess

    assert assess("rm -rf / # \U0001f389", preflight=False).level is RiskLevel.CRITICAL
    assert assess('echo "\U0001f389 done"', preflight=False).level is RiskLevel.SAFE
