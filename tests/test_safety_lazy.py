"""The rater's patterns are compiled on first use and then match as `re` does."""

from __future__ import annotations

import re
import subprocess
import sys

from tui.core.safety.lazy import lazy_pattern


def test_a_pattern_compiles_on_first_use_and_matches_as_re_does() -> None:
    text = "rm -rf ~/a; RM -rf ~/b"
    lazy = lazy_pattern(r"rm\s+(-\w+)", re.IGNORECASE)
    plain = re.compile(r"rm\s+(-\w+)", re.IGNORECASE)
    assert lazy._compiled is None
    found = lazy.search(text)
    assert found is not None and found.group(1) == "-rf"
    assert lazy._compiled is not None
    assert lazy.findall(text) == plain.findall(text)
    assert lazy.sub("X", text) == plain.sub("X", text)
    assert lazy.split(text) == plain.split(text)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert lazy.fullmatch("rm -f") is not None and lazy.match("x rm -f") is None


def test_importing_the_rater_compiles_almost_none_of_its_patterns() -> None:
    code = (
        "import gc, tui.core.safety\n"
        "from tui.core.safety.lazy import LazyPattern\n"
        "found = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(len(found), sum(o._compiled is not None for o in found))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    patterns, compiled = map(int, done.stdout.split())
    assert patterns > 200  # the rater's patterns are lazy ones
    assert compiled <= patterns // 10, (patterns, compiled)


def test_compile_all_compiles_every_pattern_made() -> None:
    code = (
        "import gc, tui.core.safety\n"
        "from tui.core.safety.lazy import LazyPattern, compile_all\n"
        "made = compile_all()\n"
        "found = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]\n"
        "print(made, len(found), sum(o._compiled is None for o in found))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    made, found, left = map(int, done.stdout.split())
    assert made >= found > 200 and left == 0
