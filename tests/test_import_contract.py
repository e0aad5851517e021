"""tui.core must never import Textual, and one-shot mode must not load it either."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core."))


def test_importing_all_of_core_does_not_load_textual() -> None:
    modules = [m for m in core_modules() if not m.endswith((".mlx",))]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    try:\n        importlib.import_module(name)\n"
        "    except ImportError as e:\n        print('skip', name, e)\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
