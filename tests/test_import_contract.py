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


def app_modules() -> list[str]:
    import tui.app

    return sorted(m.name for m in pkgutil.walk_packages(tui.app.__path__, "tui.app."))


def test_importing_all_of_the_workbench_does_not_load_the_cli() -> None:
    """What the workbench and the CLI both show lives in tui.present, below both."""
    code = (
        "import importlib, sys\n"
        f"for name in {app_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'tui.cli' or m.startswith('tui.cli.'))\n"
        "assert not loaded, f'the workbench loaded {loaded}'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
