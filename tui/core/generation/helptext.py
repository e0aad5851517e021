"""What this machine's own programs say about themselves: installed or not, `--help`, man page.

Each answer is read once and kept in the cache folder, keyed by the program's path and mtime
(an upgrade reads it again). Programs run with no input, no terminal, a pager that is `cat`, a
time limit and a cap on what is kept; programs whose `--help` is not worth the risk (power and
disk tools) are only read through their man page.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path

from tui.core import paths

MAX_CHARS = 200_000
# Seconds a program may take to print its help (scripts/check_data.py allows slow CLIs more).
timeout_s = 3.0
# Shell builtins are "installed" wherever a shell is.
BUILTINS = frozenset(
    """
    alias unalias export history ulimit jobs fg bg type command cd pushd popd dirs source exit
    set unset shopt read declare local readonly wait trap umask hash builtin enable help let
    printf echo test kill disown suspend times eval exec getopts caller complete compgen
    """.split()
)
# Never run with --help: an old or odd build could act instead of printing help.
NO_HELP_RUN = frozenset(
    """
    reboot halt poweroff shutdown init telinit kexec systemctl-poweroff mkfs wipefs shred dd
    fdisk sfdisk cfdisk parted mkswap swapoff swapon kill killall pkill rm rmdir yes
    """.split()
)
_OVERSTRIKE = re.compile(r".\x08")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]*$")


@cache
def which(name: str) -> str | None:
    return shutil.which(name) if _SAFE_NAME.match(name) else None


def is_installed(name: str) -> bool:
    return name in BUILTINS or which(name) is not None


def help_text(name: str, *subcommands: str) -> str:
    """`name [subcommand...] --help` (stdout and stderr), or "" when not installed or not run.

    The AWS CLI answers `--help` with a usage error; its help is the `help` subcommand."""
    if not all(_SAFE_NAME.match(word) for word in subcommands):
        return ""
    text = run_help(name, *subcommands, "help" if name == "aws" else "--help")
    if name in BUILTINS and not subcommands:
        text = f"{builtin_help(name)}\n{text}"
    return text


def run_help(name: str, *arguments: str) -> str:
    """`name arguments...` exactly, for help pages with their own spelling (`curl --help all`)."""
    path = which(name)
    if path is None or name in NO_HELP_RUN or Path(name).name.startswith("mkfs"):
        return ""
    return _cached(f"help:{name}:{' '.join(arguments)}", path, [name, *arguments])


def builtin_help(name: str) -> str:
    """bash's own `help NAME` for a shell builtin ("" when bash is missing)."""
    bash = which("bash")
    if bash is None or name not in BUILTINS:
        return ""
    return _cached(f"builtin:{name}", bash, ["bash", "-c", f"help {name}"])


def man_text(name: str) -> str:
    """The man page of `name` as plain text, or "" when there is none (or no `man`)."""
    man = which("man")
    if man is None or not _SAFE_NAME.match(name):
        return ""
    return _cached(f"man:{name}", which(name) or man, ["man", "-P", "cat", name])


def _cached(key: str, program: str, argv: list[str]) -> str:
    """`argv` run (its program found at `program`), read from the cache when it was before."""
    try:
        stamp = str(os.stat(program).st_mtime_ns)
    except OSError:
        return ""
    digest = hashlib.sha256(f"{key}\0{program}\0{stamp}".encode()).hexdigest()[:24]
    path = paths.cache_dir() / "helptext" / f"{digest}.txt"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        return path.read_text(encoding="utf-8")
    text = _run(argv)
    if text is None:  # timed out: maybe a busy machine, so not remembered
        return ""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return text


def _run(argv: list[str]) -> str | None:
    environment = {
        **os.environ,
        "PAGER": "cat",
        "MANPAGER": "cat",
        "GIT_PAGER": "cat",
        "MANWIDTH": "120",
        "LC_ALL": "C.UTF-8",
        "TERM": "dumb",
    }
    environment.pop("MAN_KEEP_FORMATTING", None)
    try:
        done = subprocess.run(
            argv,
            executable=which(argv[0]),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=timeout_s,
            env=environment,
            start_new_session=True,
            cwd=paths.cache_dir() if paths.cache_dir().is_dir() else "/",
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    except (OSError, subprocess.SubprocessError):
        return ""
    text = (done.stdout + b"\n" + done.stderr)[:MAX_CHARS].decode("utf-8", "replace")
    return _OVERSTRIKE.sub("", text)


def usage_line(name: str) -> str:
    """The first usage line of `name --help` ("Usage: nl [OPTION]... [FILE]..."), or ""."""
    for line in help_text(name).splitlines():
        stripped = line.strip()
        if stripped.lower().startswith("usage:"):
            return " ".join(stripped.split())[:160]
    return ""
