"""More ways to run a machine out of memory, disk or file slots, besides resources.py.

Inline code whose sizes are written as arithmetic (`bytearray(200 * 1024**3)`), loops that
grow a list in a trailing `while 1` (`push @a, 1 while 1`), code that makes millions of files,
an endless stream without line breaks fed to a line-by-line tool (`yes | tr -d '\\n' | grep x`),
`cp /dev/zero f` and `tee f < /dev/zero`, and Windows' `fsutil file createnew` of a huge file
(rated by windows_system through fsutil_verdict).
"""

from __future__ import annotations

import ast
import itertools
import math
import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

ENDLESS = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})
_HUGE = 32 * 2**30  # more memory than most machines have
_MANY_FILES = 10**6
_ALL_INODES = 10**7

# Where inline code asks for a block of memory, followed by its size.
_ALLOCATION = lazy_pattern(
    r"(?:\b(?:bytearray|bytes|malloc|calloc|\w*[aA]lloc\w*|zeros|ones|empty|Array)\s*\(|"
    r"['\"\]]\s*(?:\*|\bx\b)\s*\(?)\s*(?P<size>[\d\s*<.()e+]+)"
)
# An endless Python or C-style loop, or a numbered one (`range(10**8)`, `i < 1e7`).
_ENDLESS_ITERATION = lazy_pattern(
    r"for\s+\w+\s+in\s+(?:itertools\.)?(?:count\(\)|iter\(int,\s*1\)|cycle\()"
)
_FORKS = lazy_pattern(r"\b(?:os\.)?fork\s*\(|\bfork\b|\bPopen\(|\bspawn\w*\(")
_ROUNDS = lazy_pattern(
    r"\brange\(\s*(?P<py>[\d\s*<e+]+)\)|\b\w+\s*<=?\s*(?P<c>[\d\s*<e+]+?)\s*;|"
    r"\bfor(?:each)?\s+(?:my\s+)?(?:\$\w+\s*)?\(?\s*\d+\s*\.\.\s*(?P<pl>[\d\s*e+]+)"
)
# A shape for numpy and friends: `np.ones((100000, 100000, 10))`.
_SHAPED = lazy_pattern(
    r"\b(?:zeros|ones|empty|full|rand|randn)\(\s*[(\[](?P<shape>[\d\s,*e+]+)[)\]]"
)
# Growing a collection: an append, or a list built by a comprehension.
_COLLECTS = lazy_pattern(r"\.append\(|\.push\(|\bpush\b|<<|\[[^\]]{0,200}\bfor\b")
# A fork proper: the copy goes on from the same place, in the same loop.
_FORKS_ITSELF = lazy_pattern(r"\b(?:os\.|Process\.|POSIX::)?fork\b")
_EXITS = lazy_pattern(r"\b(?:_exit|exit|return|break|last)\b")
_MAKES_FILE = lazy_pattern(
    r"\bopen\([^)]{0,200}['\"][wax]|\.touch\(|\bmkdir\w*\(|\bmknod\(|writeFileSync\(|\bcreat\("
)
_GROWS_POSTFIX = lazy_pattern(
    r"(?:\bpush\s*\(?\s*@|<<|\.=|\.append\(|\.push\()[^;{}\n]{0,80}?"
    r"\b(?:while\s*\(?\s*(?:1|true)\b|until\s*\(?\s*(?:0|false)\b)"
)
_STOPS = lazy_pattern(r"\b(?:break|sleep|return|exit|last)\b")


def amount(text: str) -> int:
    """`200 * 1024**3`, `1 << 40`, `1e12`, `10**9` -> the number; 0 when it is not one."""
    text = text.strip().rstrip("+").strip()
    while text.count(")") > text.count("("):
        text = text[: text.rindex(")")].strip()
    if not text or len(text) > 80:  # sizes are short; long runs of digits are data
        return 0
    try:
        tree = ast.parse(text, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return 0
    value = _evaluate(tree.body)
    return int(value) if value is not None else 0


def _evaluate(node: ast.AST) -> float | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value) if not isinstance(node.value, bool) else None
    if not isinstance(node, ast.BinOp):
        return None
    left, right = _evaluate(node.left), _evaluate(node.right)
    if left is None or right is None or abs(left) > 2**70 or abs(right) > 2**70:
        return None
    if isinstance(node.op, ast.Mult):
        return left * right
    if isinstance(node.op, ast.Add):
        return left + right
    if isinstance(node.op, ast.Pow) and 0 <= right <= 80 and 0 < abs(left) <= 2**20:
        return 2.0**70 if right * math.log2(abs(left)) > 70 else float(left**right)
    if isinstance(node.op, ast.LShift) and 0 <= right <= 80:
        return left * 2**right
    return None


def code_exhaustion(code: str) -> tuple[RiskLevel, str] | None:
    """What resources.inline_exhaustion leaves: sizes written as arithmetic, endless iterators
    that fork, trailing `while 1` loops that grow, millions of files made."""
    if _ENDLESS_ITERATION.search(code) and _FORKS.search(code):
        return CRITICAL, "starts copies of itself without end (fork bomb): the machine freezes"
    if _GROWS_POSTFIX.search(code) and not _STOPS.search(code):
        return CRITICAL, "fills memory in an endless loop: the machine runs out of memory"
    sizes = [  # `[0] * 10**10`: a list holds a pointer (8 bytes) per item
        amount(match.group("size")) * (8 if match.group(0).startswith("]") else 1)
        for match in _ALLOCATION.finditer(code)
    ]
    sizes += [_cells(match.group("shape")) * 8 for match in _SHAPED.finditer(code)]
    if sizes and max(sizes) >= _HUGE:
        return CRITICAL, "asks for more memory than the machine has: it grinds to a halt"
    rounds = max(
        (amount(m.group("py") or m.group("c") or m.group("pl")) for m in _ROUNDS.finditer(code)),
        default=0,
    )
    if rounds >= 16 and _FORKS_ITSELF.search(code) and not _EXITS.search(code):
        reason = f"forks in each of {rounds} rounds, and every copy goes on forking (fork bomb)"
        return CRITICAL, reason
    if rounds >= 10**9 and _COLLECTS.search(code):
        return CRITICAL, f"keeps {rounds} items in memory: the machine runs out"
    if rounds >= _MANY_FILES and _MAKES_FILE.search(code):
        return files_made(rounds)
    return None


def _cells(shape: str) -> int:
    """`100000, 100000, 10` -> 100000000000 (how many numbers an array of that shape holds)."""
    total = 1
    for part in shape.split(","):
        if part.strip():
            total *= max(amount(part), 0)
    return total if any(part.strip() for part in shape.split(",")) else 0


def files_made(count: int) -> tuple[RiskLevel, str]:
    if count >= _ALL_INODES:
        return CRITICAL, f"creates {count} files: the disk runs out of room for new files (inodes)"
    return HIGH, f"creates {count} files: slow to clean up, and it fills the disk's file table"


# Tools that keep a whole line in memory before they act on it.
LINE_KEEPERS = frozenset(split_words("grep egrep fgrep sed awk gawk mawk rev cut paste"))
_NEWLINE = frozenset(("\\n", "\\012", "\\x0a", "[:space:]", "\n"))
_NUL = frozenset(("\\0", "\\000", "\\x00"))


def endless_sources(commands: list[Command]) -> list[str]:
    """The endless devices `commands` read through `<` (`</dev/zero tr '\\0' x`)."""
    return [
        r.target.value
        for c in commands
        for r in c.redirects
        if r.op == "<" and r.target is not None and r.target.value in ENDLESS
    ]


def one_endless_line(command: Command, ctx: Context) -> None:
    """`</dev/zero tr '\\0' x | grep y`, `yes | tr -d '\\n' | sed s/y/n/`: a stream without
    end and without a line break; a line-by-line tool keeps it all, waiting for the line end."""
    stdin = command.stdin
    if stdin is None or "tr" not in stdin.producers or "head" in stdin.producers:
        return
    source = next((read for read in stdin.reads if read in ENDLESS), None)
    if source is None and "yes" in stdin.producers:
        source = "output of yes"
    sets = [read for read in stdin.reads if read not in ENDLESS]
    # `tr -d '\n'` (one set) or `tr '\n' ' '`: line breaks dropped or turned into text
    drops_breaks = (sets[:1] + sets[-2:-1]) and bool(_NEWLINE & {*sets[:1], *sets[-2:-1]})
    zero_to_text = source == "/dev/zero" and bool(_NUL & set(sets[:1])) and not _NEWLINE & set(sets)
    if source is not None and (drops_breaks or zero_to_text):
        reason = (
            f"keeps the endless {source}, one line without end, in memory ({command.name}): "
            "the machine runs out"
        )
        ctx.add(CRITICAL, reason, command)


# Stages after which a stream is no longer endless (`head -c`), or whose words are text, not
# files read (`echo /dev/zero | tee f` writes one line).
_CUT_OR_PRINTED = frozenset(split_words("head dd echo printf"))
_INFINITE = frozenset(("inf", "infinity", "+inf"))


def copied_endless(command: Command, ctx: Context) -> None:
    """`cp /dev/zero f`, `tee f < /dev/zero`, `seq inf | tee f`: the copy never ends."""
    args = [w.value for w in command.args if not w.value.startswith("-")]
    stdin = command.stdin
    if command.name == "cp":
        sources, targets = args[:-1], args[-1:]
    else:
        # `yes | tee f` and `cat /dev/zero | tee f` are rated with the pipe (redirects.py)
        sources = [r.target.value for r in command.redirects if r.op == "<" and r.target]
        targets = args
    piped = stdin is not None and not _CUT_OR_PRINTED & set(stdin.producers)
    if piped and stdin is not None and "seq" in stdin.producers and _INFINITE & set(stdin.reads):
        sources.append("output of seq inf")
    source = next((s for s in sources if s in ENDLESS or s.startswith("output of ")), None)
    target = next((t for t in targets if t != "/dev/null" and not t.startswith("/dev/tty")), None)
    if source is not None and target is not None:
        reason = f"copies the endless {source} into {target}: fills the disk"
        ctx.add(CRITICAL, reason, command)


def fsutil_verdict(args: list[str]) -> tuple[RiskLevel, str] | None:
    """`fsutil file createnew C:\\big 500000000000`: a file of the given size, at once;
    `fsutil fsinfo drives` only reports."""
    argv = [a.lower() for a in args]
    second = argv[1] if len(argv) > 1 else ""
    if argv[:2] == ["file", "createnew"] and len(argv) >= 4 and argv[3].isdigit():
        size = int(argv[3][:16])
        if size >= 100 * 2**30:
            return CRITICAL, f"makes a file of {size // 2**30} GiB: fills the disk"
        return MODERATE, "makes a file of a given size (fsutil file createnew)"
    if argv[:1] == ["fsinfo"] or second in ("diskfree", "list") or second.startswith("query"):
        return None
    return (MODERATE, f"changes file system settings (fsutil {argv[0]})") if argv else None


def seq_forever(command: Command, ctx: Context) -> None:
    """`seq inf > numbers.txt`: numbers without end, into a file."""
    if not _INFINITE & set(command.argv):
        return
    for r in command.redirects:
        if r.writes and r.target is not None and r.target.value != "/dev/null":
            reason = f"writes numbers without end into {r.target.value}: fills the disk"
            ctx.add(CRITICAL, reason, command)


_BIG_FILE = 100 * 2**30  # more than most disks have free


def benchmark_files(command: Command, ctx: Context) -> None:
    """`fio --size=1T --rw=write`, `sysbench fileio --file-total-size=500G prepare`: the test
    files alone fill the disk."""
    argv = command.argv
    sizes = [
        _size(a.split("=", 1)[1])
        for a in argv
        if a.startswith(("--size=", "--file-total-size=", "--filesize="))
    ]
    sizes += [_size(b) for a, b in itertools.pairwise(argv) if a in ("--size", "-s")]
    writes = command.name == "sysbench" or any("write" in a or a == "--rw=rw" for a in argv)
    if sizes and max(sizes) >= _BIG_FILE and writes:
        reason = f"writes {max(sizes) // 2**30} GiB of test files ({command.name}): fills the disk"
        ctx.add(CRITICAL, reason, command)
    elif command.name == "sysbench":
        ctx.add(MODERATE, "benchmarks the machine (sysbench)", command)


_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40, "p": 2**50}


def _size(text: str) -> int:
    """`500G`, `1T`, `4096` -> bytes; 0 when it is not a size."""
    match = re.fullmatch(r"(\d{1,15})([kmgtp]?)(i?b)?", text.strip().lower())
    return int(match.group(1)) * _UNITS[match.group(2)] if match else 0


SIZEABLE = 64 * 2**30  # 64 GiB: more than many disks have free (a large swap file is 32)


def openssl_rand(command: Command, ctx: Context) -> None:
    """`openssl rand -out big.bin 600000000000`: that many random bytes, written to a file."""
    argv = command.argv
    if argv[:1] != ["rand"] or not argv[-1].isdigit():
        return
    size = int(argv[-1][:16])
    written = "-out" in argv or any(r.writes and r.target is not None for r in command.redirects)
    if written and size >= 100 * 2**30:
        ctx.add(CRITICAL, f"writes {size // 2**30} GiB of random bytes: fills the disk", command)
    elif written and size >= SIZEABLE:
        reason = f"writes {size // 2**30} GiB of random bytes: the disk may fill up"
        ctx.add(HIGH, reason, command)


def openssl_speed(command: Command, ctx: Context) -> None:
    """`openssl speed -multi $(nproc) -seconds 100000`: every processor busy for hours."""
    argv = command.argv
    if argv[:1] != ["speed"] or "-seconds" not in argv:
        return
    given = argv[argv.index("-seconds") + 1 :][:1]
    if given and given[0].isdigit() and int(given[0][:9]) >= 3600:
        hours = int(given[0][:9]) // 3600
        ctx.add(
            HIGH, f"keeps the processors busy for {hours} hours or more (openssl speed)", command
        )


RULES: dict[str, Rule] = {"sysbench": benchmark_files}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "openssl": (openssl_rand, openssl_speed),
    "seq": (seq_forever,),
    "fio": (benchmark_files,),
    **dict.fromkeys(LINE_KEEPERS, (one_endless_line,)),
    **dict.fromkeys(("cp", "tee"), (copied_endless,)),
}
