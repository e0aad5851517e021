"""Does each flag of a bank command exist? Checked against this machine's own `--help` and man
pages (tui/core/generation/helptext.py reads and caches them), for the utilities installed here.

Per simple command, the flags from its start up to the first word that names another installed
program (`find -ok rm -rf`: rm's flags are not find's) are checked against the help and man
pages of its utility (with its subcommands: `docker compose up --help`, `man git-stash`) and
of the wrappers it runs under (sudo, xargs...). A long flag passes when it appears as
`--name` (or `--[no-]name`); a short word such as `-la` when it appears whole (`-name`,
`-newer`), as `[-]echo`, or letter by letter, and `-ba` (an option and its argument) when the
first letter's option takes an argument. A command with a utility that is not installed, or a
subcommand this machine's tool does not know (a plugin that is missing), is not checked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from tui.core.generation import helptext
from tui.core.generation.bank import SUBCOMMAND_TOOLS
from tui.core.generation.bank_check import Problem, Row
from tui.core.generation.helptext import help_text, is_installed, man_text, run_help, which
from tui.core.generation.shellwords import WRAPPERS, simple_commands, utility_of

# Programs whose options are documented by another program (front-ends, wrappers).
ALSO_DOCUMENTED_BY = {
    "zgrep": ("grep",),
    "zdiff": ("diff",),
    "zcat": ("gzip",),
    "mkfs": ("mkfs.ext4",),
    "fsck": ("e2fsck",),
    "autossh": ("ssh",),
    "docker": ("ps",),  # `docker top CONTAINER` takes ps's options
    "iptables": ("iptables-extensions",),
    "ip6tables": ("iptables-extensions",),
}
# Help pages with their own spelling.
EXTRA_HELP: dict[str, tuple[tuple[str, ...], ...]] = {
    "kubectl": (("options",),),
    "curl": (("--help", "all"),),
    # apply and destroy take plan's options; their own help points there
    "terraform": (("plan", "-help"),),
}
# Flags documented in a way the text search cannot see, each with where it is documented.
DOCUMENTED_ELSEWHERE = {
    ("ag", "--python"): "a file type: `ag --list-file-types` lists --python",
    ("df", "-m"): "GNU df takes -m as --block-size=1M without listing it; BSD df documents it",
    ("find", "-newermt"): "find(1) documents -newerXY with X, Y in a, B, c, m, t",
    ("nslookup", "-type"): "nslookup(1) documents `type=value` options, set with a dash",
    ("nslookup", "-query"): "the same, with query= as an alias of type=",
    ("nroff", "-man"): "-m NAME loads the macro package NAME (-man: man(7))",
    ("awk", "-F"): "-F fs with the separator attached",
    ("nproc", "-I{}"): 'xargs\'s -I{}: `xargs -P "$(nproc)"` makes $(nproc) read as the utility',
}
_SIGNAL = re.compile(r"^-(?:SIG)?[A-Z]+[0-9]*$")
_SIGNAL_TAKERS = frozenset({"kill", "pkill", "killall", "timeout", "skill", "snice"})
_UNKNOWN_SUBCOMMAND = re.compile(
    r"unknown (?:command|subcommand)|is not a \S+ command|invalid choice|no such command", re.I
)
Job = tuple[str, tuple[str, ...]]
# Programs that run another program whose flags follow (`python3 -m http.server --bind`).
RUNNERS = frozenset({"npx", "pnpx", "bunx", "uvx"})
_MODULE_RUNNERS = frozenset({"python", "python3", "node", "uv", "poetry", "pipx", "npm"})
# Compiler flag families: -lNAME, -Ipath, -fFEATURE, -Wwarning, -DMACRO, -std=...
_COMPILERS = frozenset({"gcc", "g++", "cc", "c++", "clang", "clang++"})
_COMPILER_FAMILY = re.compile(r"^-(?:[lLIDWfmOgx]|std)")


def flags_of(words: list[str]) -> list[str]:
    """Option words, without their `=value`, until `--` (what follows is operands)."""
    found = []
    for word in words:
        if word == "--":
            break
        if re.match(r"^--?[A-Za-z]", word):
            found.append(word.split("=", 1)[0])
    return found


def plan(command: str) -> tuple[list[Job], set[tuple[str, str]]] | None:
    """The programs to read and the (program, flag) pairs to check; None when one of the
    command's utilities is not installed here (its flags cannot be told from the wrapper's)."""
    jobs: list[Job] = []
    checks: set[tuple[str, str]] = set()
    for words in simple_commands(command):
        name = utility_of(words)
        if not name:
            continue
        if not is_installed(name) or name in RUNNERS:
            return None
        if name in _MODULE_RUNNERS and ({"-m", "run", "exec", "x"} & set(words)):
            return None  # the flags after the module or script are its own
        start = words.index(name) if name in words else 0
        wrappers = [w for w in words[:start] if w in WRAPPERS and is_installed(w)]
        chain = _chain(name, words[start + 1 :])
        end = _other_program(words, start + 1 + len(chain), name)
        jobs.extend((w, ()) for w in wrappers)
        jobs.append((name, chain))
        checks.update((name, flag) for flag in flags_of(words[:end]))
    return jobs, checks


def _chain(name: str, rest: list[str]) -> tuple[str, ...]:
    chain: list[str] = []
    if name in SUBCOMMAND_TOOLS:
        for word in rest:
            if not re.match(r"^[a-z][a-z0-9_-]*$", word) or len(chain) == 3:
                break
            chain.append(word)
    return tuple(chain)


def _other_program(words: list[str], start: int, name: str) -> int:
    for index in range(start, len(words)):
        word = words[index]
        if word != name and re.match(r"^[a-z][a-z0-9._+-]*$", word) and which(word):
            return index
    return len(words)


def subcommand_known(job: Job) -> bool:
    """False when the program answers its subcommand's --help with its own general help or an
    error (a plugin such as `docker compose` or `git lfs` that is not installed here)."""
    program, chain = job
    if not chain:
        return True
    text = help_text(program, *chain)
    return (
        bool(text.strip())
        and text != help_text(program)
        and not _UNKNOWN_SUBCOMMAND.search(text[:2000])
    )


def documentation(job: Job) -> str:
    program, chain = job
    if not subcommand_known(job):
        return ""
    parts = [help_text(program), man_text(program)]
    for other in ALSO_DOCUMENTED_BY.get(program, ()):
        parts += [help_text(other), man_text(other)]
    parts += [run_help(program, *arguments) for arguments in EXTRA_HELP.get(program, ())]
    for depth in range(1, len(chain) + 1):
        parts += [help_text(program, *chain[:depth]), man_text("-".join([program, *chain[:depth]]))]
    return "\n".join(parts)


def _appears(flag: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", text) is not None


def documented(program: str, flag: str, text: str) -> bool:
    if {(program, flag), (program, flag[:2])} & DOCUMENTED_ELSEWHERE.keys() or _appears(flag, text):
        return True
    if program in _SIGNAL_TAKERS and _SIGNAL.match(flag):
        return True
    if program in _COMPILERS and _COMPILER_FAMILY.match(flag):
        return True
    if flag.startswith("--"):
        return flag.startswith("--no-") and (
            f"--[no-]{flag[5:]}" in text or _appears(f"--{flag[5:]}", text)
        )
    if f"[-]{flag[1:]}" in text:
        return True
    letters = re.match(r"^-([A-Za-z]+)", flag)
    if letters is None:
        return False
    first, rest = letters.group(1)[0], letters.group(1)[1:]
    if all(
        _appears(f"-{letter}", text) or re.search(rf"\[-[A-Za-z]*{letter}[A-Za-z]*\]", text)
        for letter in letters.group(1)
    ):
        return True
    # -ba, -tzip, -oDIR: the first letter's option takes an argument, attached.
    takes_argument = re.search(rf"(?<![\w-])-{first}(?:,\s*--[\w-]+)?(?:[ =]|\[=?)?[A-Z<{{]", text)
    return bool(rest) and takes_argument is not None


def check_flags(rows: Sequence[Row]) -> tuple[int, list[Problem]]:
    """How many rows were checked, and the flags that no installed utility documents."""
    helptext.timeout_s = 60.0  # the AWS and Google Cloud CLIs take seconds to print help
    plans: list[tuple[Row, list[Job], set[tuple[str, str]]]] = []
    for row in rows:
        if row.example.category == "macos":
            continue  # macOS programs; a Linux namesake (`open`) is another program
        planned = plan(row.example.command)
        if planned and planned[1]:
            plans.append((row, *planned))
    unique = list(dict.fromkeys(job for _, jobs, _ in plans for job in jobs))
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = dict(zip(unique, pool.map(documentation, unique), strict=True))
    checked = 0
    problems: list[Problem] = []
    for row, jobs, checks in plans:
        if not all(texts[job].strip() for job in jobs if job[1]):
            continue  # a subcommand this machine cannot tell about
        text = "\n".join(texts[job] for job in jobs)
        if not text.strip():
            continue
        checked += 1
        missing = sorted(flag for program, flag in checks if not documented(program, flag, text))
        if missing:
            names = ", ".join(" ".join([p, *c]) for p, c in jobs)
            problems.append(
                Problem(
                    row.file,
                    row.line,
                    f"{' '.join(missing)} not in the --help/man of {names}: "
                    f"{row.example.command!r}",
                )
            )
    return checked, problems
