"""Exhausting the machine: endless loops that start processes or fill the disk, endless streams.

`while true; do sh & done` is a fork bomb written as a loop; `yes > f`, `cat /dev/zero > f`
and `dd if=/dev/zero of=f` without a count fill the disk; `tail /dev/zero` or
`sort /dev/urandom` eat all memory. All are CRITICAL: a machine without free memory, process
slots or disk space stops working as surely as one whose files were deleted.
"""

from __future__ import annotations

import itertools
import posixpath
import re

from tui.core.safety.context import Context
from tui.core.safety.fanout import find_parts, match_marker
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command, Redirect, Stdin
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, number
from tui.core.safety.rules.hogs import SIZEABLE, code_exhaustion
from tui.core.safety.words import split_words

ENDLESS = frozenset({"/dev/zero", "/dev/urandom", "/dev/random"})
_FOREVER = lazy_pattern(
    r"^\s*(while\s+(true|:|\[\s*1\s*\]|\(\(\s*1\s*\)\)|\[\s*true\s*\]|/bin/true|sleep\s+0\b)|"
    r"until\s+(false|/bin/false)|for\s*\(\([^;)]*;\s*;[^)]*\)\))"
)
_BACKGROUND = lazy_pattern(r"(?<![&>|])&(?!&|>)\s*(;|done|\n|$|\})")
# `cmd &` anywhere in a loop body: also `(cmd &)`, `cmd & disown`, `cmd & sleep 0.1`.
_SPAWNS = lazy_pattern(r"(?<![&>|<])&(?![&>])(?=[\s;)}]|$)")
# What keeps an endless loop of background processes in check: waiting for them, or a pause
# of a second or more between two of them.
_PACED = lazy_pattern(
    r"\bwait\b|(?<![&\w])\s*sleep\s+(?:[1-9]\d*(?:\.\d+)?|0?\.\d*[1-9]\d*[smhd])\s*(?:;|\n|done)"
)
_GROWS = lazy_pattern(r">>|\bmkdir\b|\bfallocate\b|\bdd\b|\bcp\b|\btouch\b")
MEMORY_EATERS = frozenset(split_words("tail sort tac uniq shuf"))
# Running out of memory, disk or process slots: the machine stops working.
EXHAUSTS = CRITICAL
# More processes than a default system allows at once (pid_max on many systems).
_PROCESS_SLOTS = 32768


def endless_loop(text: str) -> tuple[RiskLevel, str] | None:
    """(level, reason) for an endless loop that forks or fills the disk, else None."""
    if not _FOREVER.match(text):
        return None
    body = text.split("do", 1)[1] if " do" in text or ";do" in text else text
    if "fork" in body or (_SPAWNS.search(body) and not _PACED.search(body)):
        return CRITICAL, "starts new processes in an endless loop (fork bomb): the machine freezes"
    appends_slowly = _PACED.search(body) and not _GROWS.search(body.replace(">>", ""))
    if _GROWS.search(body) and not appends_slowly:  # `date >> log; sleep 60`: a line a minute
        return EXHAUSTS, "writes in an endless loop until the disk is full"
    grown = _GROWN_VARIABLE.search(body)
    ends = re.search(r"\b(?:sleep|break|exit|return|read)\b", body)  # paced, or it stops
    if grown and not ends:
        return EXHAUSTS, f"grows ${grown.group('name')} in an endless loop: memory runs out"
    if _new_file(body) and not ends:
        return EXHAUSTS, "makes a new file in each round of an endless loop: the disk fills up"
    if _LOGS.search(body) and not _PACED.search(body) and not re.search(r"\bsleep\b", body):
        return HIGH, "writes to the system log without pause or end: the logs fill the disk"
    return None


# A shell variable that takes its own value again each round: `s=$s$s`, `s="$s x"`, `a+=(x)`.
_GROWN_VARIABLE = lazy_pattern(
    r"(?:^|[;\s])(?<!let\s)(?P<name>\w+)"
    r"(?:=(?P<q>[\"']?)\$\{?(?P=name)\b\}?(?!(?P=q)(?:[\s;]|$))|\+=(?!\d+(?:[\s;]|$)))"
)
# `mktemp`, or a write to a name that changes each round (`: > /tmp/f$RANDOM`, `> out$i`
# with `i` counted up).
_NEW_FILE = lazy_pattern(
    r"(?:^|[;&|(\s])mktemp\b|(?<![>&0-9])>\s*[^\s;&|$]*\$\{?(?P<name>RANDOM|SRANDOM|"
    r"EPOCHREALTIME|\(|\w+)"
)


def _new_file(body: str) -> bool:
    for match in itertools.islice(_NEW_FILE.finditer(body), 16):
        name = match.group("name")
        if name is None or name in ("RANDOM", "SRANDOM", "EPOCHREALTIME", "("):
            return True
        if re.search(rf"\b{name}\+\+|\+\+{name}\b|\b{name}\s*\+=|\b{name}=\$\(\(", body):
            return True
    return False


# Programs that write a message to the system log (journald or syslog).
_LOGS = lazy_pattern(r"(?:^|[;&|(\s])(?:logger|systemd-cat)\b")


# Programs that print a line and end at once: in an endless loop, their output never stops.
_PRINTERS = frozenset(split_words("echo printf date cat : true uptime hostname whoami od base64"))


def endless_output(text: str, redirects: list[Redirect]) -> tuple[RiskLevel, str] | None:
    """`while true; do echo $RANDOM; done > f`: an endless loop that never pauses, its output
    kept in a file."""
    if not _FOREVER.match(text) or re.search(r"\b(?:sleep|break|exit|return|read)\b", text):
        return None
    body = text.split("do", 1)[-1].rsplit("done", 1)[0]
    programs = {part.split()[0] for part in re.split(r"[;&|\n]+", body) if part.split()}
    if not programs or not programs <= _PRINTERS:  # `while true; do ./server; done > log`
        return None
    targets = [
        r.target.value
        for r in redirects
        if r.writes and r.target is not None and r.target.value not in ("/dev/null", "/dev/stdout")
    ]
    if not targets:
        return None
    return EXHAUSTS, f"writes an endless loop's output into {targets[0]}: fills the disk"


def busy_cores(text: str) -> tuple[RiskLevel, str] | None:
    """`for i in $(seq $(nproc)); do while :; do :; done & done`: every core spun at 100%."""
    if re.search(r"while\s+(:|true)\s*;\s*do\s*:?\s*;?\s*done\s*\)?\s*&", text):
        return HIGH, "keeps every processor busy without end in the background"
    if text.lstrip().startswith("for") and _BURNER.search(text):
        return HIGH, "starts many endless processes in the background: every processor stays busy"
    rounds = _rounds(text)
    if rounds >= 1000 and _BACKGROUND.search(text.split("do", 1)[-1]):
        if rounds >= _PROCESS_SLOTS:
            reason = "starts more processes in the background than the system has room for"
            return EXHAUSTS, f"{reason} (fork bomb): the machine freezes"
        return HIGH, "starts thousands of processes at once in the background: the machine stalls"
    return None


# A command that makes a new file or folder whose name changes each round (`touch f$i`,
# `echo x > d/$i`).
_CREATES_NAMED = lazy_pattern(
    r"(?:^|[;&|(\s])(?:touch|mkdir|ln|cp|mktemp|fallocate|truncate|mkfifo)\b[^;&|\n]*\$|"
    r">\s*[^\s;&|]*\$"
)
_MANY_FILES = 10**6  # a mess to clean up
_ALL_INODES = 10**7  # more files than a common file system has inodes for


def many_files(text: str) -> tuple[RiskLevel, str] | None:
    """`for i in $(seq 100000000); do touch f$i; done`: a file per round, millions of rounds."""
    rounds = _rounds(text)
    if rounds < _MANY_FILES or not _CREATES_NAMED.search(text.split("do", 1)[-1]):
        return None
    return _files_made(rounds)


def _files_made(count: int) -> tuple[RiskLevel, str]:
    if count >= _ALL_INODES:
        reason = f"creates {count} files: the disk runs out of room for new files (inodes)"
        return EXHAUSTS, reason
    return HIGH, f"creates {count} files: slow to clean up, and it fills the disk's file table"


def _rounds(text: str) -> int:
    """How often `for i in $(seq 100000)`, `for i in {1..5000}`, `for ((i=0; i<9999; i++))`
    goes round (its largest bound); 0 when the loop gives none."""
    head = text.split("do", 1)[0]
    counts = re.findall(r"\bseq\s+(?:\d+\s+)?(\d+)|\{\d+\.\.(\d+)\}|<=?\s*(\d+)", head)
    return max((number(count) for group in counts for count in group if count), default=0)


# Commands that never end on their own and burn a processor, started in the background.
_BURNER = lazy_pattern(
    r"(?:^|[;&|\s])(?:yes|cat\s+/dev/(?:zero|urandom)|(?:md5|sha\d*|b2)sum\s+/dev/(?:zero|urandom)|"
    r"dd\s+if=/dev/(?:zero|urandom)|openssl\s+speed)\b[^;&]*&(?!&)"
)


def yes(command: Command, ctx: Context) -> None:
    for target in _written_files(command):
        ctx.add(EXHAUSTS, f"writes without end into {target}: fills the disk", command)


def endless_reader(command: Command, ctx: Context) -> None:
    """`cat /dev/zero > f`, `tail /dev/zero`: an endless stream into a file or memory."""
    sources = [w.value for w in command.args if w.value in ENDLESS]
    sources += [
        r.target.value
        for r in command.redirects
        if r.op == "<" and r.target is not None and r.target.value in ENDLESS
    ]
    if not sources:
        return
    if command.name in MEMORY_EATERS:
        reason = f"reads the endless {sources[0]} into memory: the machine runs out"
        ctx.add(EXHAUSTS, reason, command)
        return
    for _target in _written_files(command):
        ctx.add(EXHAUSTS, f"copies the endless {sources[0]} into a file: fills the disk", command)


# Stages that stop an endless stream after a count (`head -c 1M`, `dd count=1`).
_LIMITS = frozenset(split_words("head dd"))


# Programs that pass their input on for as long as it comes: fed an endless stream, their
# output never ends either (`yes '' | ./configure > log` ends when configure does).
_PASS_THROUGH = frozenset(
    split_words(
        "cat tee gzip bzip2 xz zstd lz4 base64 base32 tr sed awk gawk grep fold rev cut pv od "
        "xxd hexdump openssl paste nl expand unexpand iconv dos2unix gunzip zcat bunzip2 bzcat "
        "unxz xzcat unzstd zstdcat lz4cat"
    )
)


def endless_input(stdin: Stdin | None, consumer: str) -> str | None:
    """The endless source a pipeline feeds on (`cat /dev/urandom | gzip`, `yes | tee f`) when
    no stage stops it after a count and `consumer`, the program that writes, passes it on."""
    if stdin is None or set(stdin.producers) & _LIMITS or consumer not in _PASS_THROUGH:
        return None
    sources = [read for read in stdin.reads if read in ENDLESS]
    if "yes" in stdin.producers:
        sources.append("output of yes")
    return sources[0] if sources else None


def _endless_producer(command: Command) -> str | None:
    """`yes`, `seq inf`, `cat /dev/zero`, `tr -dc a-z < /dev/urandom`: output without end."""
    if command.name == "yes":
        return "yes"
    argv = command.argv
    if command.name == "seq" and any(a in ("inf", "infinity") for a in argv):
        return "seq inf"
    if command.name in _LIMITS:
        return None
    redirected = [r.target.value for r in command.redirects if r.op == "<" and r.target]
    return next((source for source in (*argv, *redirected) if source in ENDLESS), None)


def captured_endless(stages: list[Command], redirected: str | None = None) -> str | None:
    """The reason `$(yes)`, `$(cat /dev/zero | base64)` or `$(< /dev/zero)` exhausts memory:
    the shell keeps a substitution's whole output before it runs anything."""
    source = redirected if redirected in ENDLESS else None
    if source is None and stages:
        source = _endless_producer(stages[0])
        if any(stage.name not in _PASS_THROUGH for stage in stages[1:]):
            return None
    if source is None:
        return None
    return f"keeps the endless output of {source} in memory ($(...)): the machine runs out"


def _written_files(command: Command) -> list[str]:
    return [
        r.target.value
        for r in command.redirects
        if r.writes and r.target is not None and r.target.value not in ENDLESS | {"/dev/null"}
    ]


def dd_fill(command: Command, ctx: Context) -> None:
    settings = dict(arg.partition("=")[::2] for arg in command.argv if "=" in arg)
    if settings.get("if") in ENDLESS and "count" not in settings and settings.get("of"):
        target = settings["of"]
        if not target.startswith("/dev/") or target.startswith("/dev/shm/"):
            reason = f"writes {settings['if']} into {target} until the disk is full"
            ctx.add(EXHAUSTS, reason, command)


def stress(command: Command, ctx: Context) -> None:
    argv = command.argv
    values = _option_values(argv)
    exhausting = _stress_exhaustion(values)
    if exhausting is not None:
        ctx.add(EXHAUSTS, f"{exhausting} ({command.name})", command)
        return
    timeout = values.get("--timeout", values.get("-t"))
    every_core = any(  # `--cpu 0`, `--all 0`: one worker of that kind per processor
        v in ("0", "$(...)") for o, v in values.items() if o not in _NOT_WORKERS
    )
    forever = timeout in ("0", "0s") or (timeout is None and every_core)
    workers = [number(v) for o, v in values.items() if v.isdigit() and o not in _NOT_WORKERS]
    if forever or (workers and max(workers) >= 32) or any(_size(a) >= _BIG for a in argv):
        ctx.add(HIGH, f"loads the machine until it stops responding ({command.name})", command)
    else:
        ctx.add(MODERATE, f"loads the machine on purpose ({command.name})", command)


# stress and stress-ng workers that take memory or disk, with the option sizing each one.
_HOGS = {
    "--vm": "--vm-bytes",
    "-m": "--vm-bytes",
    "--malloc": "--malloc-bytes",
    "--mmap": "--mmap-bytes",
    "--hdd": "--hdd-bytes",
    "-d": "--hdd-bytes",
}
# Options whose number is a time or a size, not how many workers start.
_NOT_WORKERS = frozenset(split_words("--timeout -t --backoff --vm-hang --vm-bytes --hdd-bytes"))
_CPU_WORKERS = frozenset(("--cpu", "-c"))
_FORKERS = frozenset(split_words("--fork --vfork --clone --forkheavy"))
_DEFAULT_SHARE = 256 * 2**20  # what each memory worker takes when not told
_ALL_OF_IT = 64 * 2**30  # more memory than most machines have
_LARGE = 8 * 2**30  # more memory than many machines have


def _option_values(argv: list[str]) -> dict[str, str]:
    """`--vm 8`, `--vm-bytes=90%`, `-m 4` -> {option: value} (the first value given)."""
    values: dict[str, str] = {}
    for option, value in itertools.pairwise(argv):
        if option.startswith("-") and "=" not in option:
            values.setdefault(option, value)
    for arg in argv:
        if arg.startswith("--") and "=" in arg:
            name, _, value = arg.partition("=")
            values.setdefault(name, value)
    return values


def _stress_exhaustion(values: dict[str, str]) -> str | None:
    """Why a stress run takes all the memory, disk or process slots, else None."""
    for option, size_option in _HOGS.items():
        if option not in values:
            continue
        share = values.get(size_option, "")
        what = "disk" if "hdd" in size_option else "memory"
        if share.endswith("%") and share[:-1].isdigit() and int(share[:-1]) >= 80:
            return f"takes {share} of the {what}: the machine runs out"
        count = values[option]
        workers = number(count) if count.isdigit() and count != "0" else 16  # 0: one per processor
        if workers * (_size(share) or _DEFAULT_SHARE) >= _ALL_OF_IT:
            return f"takes more {what} than the machine has"
    if _FORKERS & set(values) and values.get("--timeout", values.get("-t", "0")) in ("0", "0s"):
        return "starts processes without pause and without end: the machine freezes"
    return None


_BIG = 100 * 2**30  # 100 GiB: more than most disks have free, more than any RAM
_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40, "p": 2**50}


def _size(text: str) -> int:
    """`500G`, `1T`, `4096` -> bytes; 0 when it is not a size."""
    match = re.fullmatch(r"(\d+)([kmgtp]?)(i?b)?", text.strip().lower())
    return number(match.group(1)) * _UNITS[match.group(2)] if match else 0


def huge_file(command: Command, ctx: Context) -> None:
    """`fallocate -l 500G f`, `truncate -s 2T f`, `head -c 100G /dev/urandom > f`."""
    argv = command.argv
    if command.name == "fallocate" and _cuts_data(argv):
        reason = "zeroes or cuts out a range of the file's data in place (fallocate): it is lost"
        ctx.add(HIGH, reason, command)
        return
    sizes = [_size(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a in ("-l", "-s", "-c")]
    sizes += [_size(a.split("=", 1)[1]) for a in argv if a.startswith(("--length=", "--bytes="))]
    sizes += [_size(b) for a, b in itertools.pairwise(argv) if a in ("--length", "--bytes")]
    written = _written_files(command)
    in_memory = any(in_ram(a) for a in (*argv, *written))  # tmpfs: in RAM
    if sizes and in_memory and max(sizes) >= _LARGE and (command.name != "head" or written):
        reason = f"makes a file of {max(sizes) // 2**30} GiB in memory: fills the RAM"
        ctx.add(EXHAUSTS, reason, command)
        return
    if sizes and max(sizes) >= _BIG and (command.name != "head" or _written_files(command)):
        ctx.add(EXHAUSTS, f"makes a file of {max(sizes) // 2**30} GiB: fills the disk", command)
    elif sizes and max(sizes) >= SIZEABLE and (command.name != "head" or written):
        size = max(sizes) // 2**30
        ctx.add(HIGH, f"makes a file of {size} GiB: the disk may fill up", command)
    elif command.name == "fallocate" and _free_space(command):
        reason = "reserves all the free disk space for one file (fallocate): the disk is full"
        ctx.add(EXHAUSTS, reason, command)
    elif command.name == "fallocate":
        ctx.add(MODERATE, "reserves disk space for a file (fallocate)", command)


# fallocate's modes that drop data already in the file (`--dig-holes` keeps it: only zeros go).
_DATA_CUTS = frozenset(
    ("--punch-hole", "-p", "--collapse-range", "-c", "--zero-range", "-z", "--insert-range")
)


def _cuts_data(argv: list[str]) -> bool:
    return any(a in _DATA_CUTS for a in argv)


def _free_space(command: Command) -> bool:
    """`fallocate -l $(df --output=avail -B1 / | tail -1) f`: the size is what is free."""
    return any(re.search(r"\bdf\b", word.raw) and word.substitutions for word in command.args)


def in_ram(path: str) -> bool:
    """A file in a memory-backed file system (tmpfs): /dev/shm, /run."""
    return path.startswith(("/dev/shm/", "/run/"))


def dd_size(command: Command, ctx: Context) -> None:
    settings = dict(arg.partition("=")[::2] for arg in command.argv if "=" in arg)
    block, count = _size(settings.get("bs", "512")), settings.get("count", "")
    target = settings.get("of", "")
    total = block * number(count) if count.isdigit() else 0
    if in_ram(target) and total >= _LARGE:
        reason = (
            f"writes {total // 2**30} GiB into {target}, which is kept in memory: fills the RAM"
        )
        ctx.add(EXHAUSTS, reason, command)
    elif total >= _BIG and not target.startswith("/dev/"):
        total = block * number(count) // 2**30
        ctx.add(EXHAUSTS, f"writes {total} GiB into {target}: fills the disk", command)
    elif total >= SIZEABLE and target and not target.startswith("/dev/"):
        reason = f"writes {total // 2**30} GiB into {target}: the disk may fill up"
        ctx.add(HIGH, reason, command)


# Inline code that forks without end or asks for more memory than there is.
_CODE_BOMB = lazy_pattern(
    r"fork(?:\(\))?\s+while\s+(?:1|true)\b|\b1\s+while\s+fork\b|while\s*\(?\s*(1|true|True)\s*\)?\s*[:{]?.{0,80}"
    r"(fork|spawn|exec|Popen|system)\b|(fork|spawn)\(.{0,60}(iter\(int,\s*1\)|count\(\))|"
    r"for\s+_?\w*\s+in\s+iter\(int,\s*1\)\s*\].{0,0}|for\s*\(\s*;\s*;\s*\).{0,80}\bfork\b|"
    r"for\s*\(\s*;\s*;\s*\)\s*\{?.{0,40}\b(system|spawn|exec|Popen)\b.{0,60}&",
    re.DOTALL,
)
_CODE_HOG = lazy_pattern(
    r"(?:bytearray|alloc\w*|Array|malloc|calloc|zeros|ones|['\"\]]\s*(?:\*|x))\s*\(?\s*"
    r"(?:(?:1\s*<<\s*|2\s*\*\*\s*)(?:3[5-9]|[4-9]\d)|1e(?:1[1-9]|[2-9]\d)|10\s*\*\*\s*(?:1[1-9]|[2-9]\d))|"
    r"\*\s*10\s*\*\*\s*(1[1-9]|[2-9]\d)|(?:\*|\bx)\s*\(?\s*1024\s*\*\*\s*[4-9]"
)


_GROW_FOREVER = lazy_pattern(
    r"(?:while\s*\(?\s*(?:1|true|True|TRUE|\$true)\s*\)?|for\s*\(\s*;\s*;\s*\)|\bloop\s*(?:do|\{)|"
    r"\brepeat\b)"
    r".{0,120}?(?:\.append\(|\.push\(|\bpush\s*\(?\s*@|\.extend\(|\.concat\(|\+=|\.=|<<|"
    # a new slot each round: `a[i++]=`, `$a[] =`, `t[#t+1]=`, `$h{$i++} =`
    r"[\w\]]\s*[\[{]\s*(?:\$?\w+\+\+|\+\+\$?\w+|#\w+\s*\+\s*1)?\s*[\]}]\s*=(?!=)|"
    # a string doubled each round: `s = s s`, `s = s + s`, `$s = $s . $s`
    r"(?P<grown>\$?\b\w+)\s*=\s*(?P=grown)\s*[+.]?\s*(?P=grown)\b|"
    # R: a new element past the end, or the vector rebuilt with one more (`x <- c(x, v)`)
    r"\[\[\s*length\(\s*\w+\s*\)\s*\+\s*1\s*\]\]\s*<-|(?P<r>\b\w+)\s*<-\s*c\(\s*(?P=r)\s*,)",
    re.DOTALL,
)
_STOPS = lazy_pattern(r"\b(?:break|sleep|return|exit|last)\b")


# A script that runs itself again (`$0 & $0`, `sh $0 | sh $0 &`): each copy starts two more.
_RUNS_ITSELF = lazy_pattern(
    r"(?:^|[;&|(])\s*(?:(?:ba|da|z|k)?sh\s+|exec\s+)?[\"']?\$(?:0|\{0\})[\"']?\s*(?:&(?!&)|\|(?!\|))",
    re.MULTILINE,
)


def runs_itself(script: str) -> str | None:
    """Why a shell script that starts copies of itself is a fork bomb, else None."""
    if _RUNS_ITSELF.search(script):
        return "runs a script that starts copies of itself without end (fork bomb)"
    return None


# Ruby's `loop { Process.spawn(...) }`: a new process each round, nothing waited for.
_LOOP_SPAWNS = lazy_pattern(r"\bloop\s*(?:\{|do\b).{0,80}?\b(?:fork|spawn|Popen)\b", re.DOTALL)


def inline_exhaustion(code: str) -> tuple[RiskLevel, str] | None:
    if _CODE_BOMB.search(code) or ("os.fork()" in code and "iter(int, 1)" in code):
        return CRITICAL, "starts copies of itself without end (fork bomb): the machine freezes"
    bare = re.sub(r"\"[^\"]*\"|'[^']*'", "", code)  # `spawn("sleep 9")` is not a pause
    if _LOOP_SPAWNS.search(code) and not _STOPS.search(bare) and "wait" not in bare:
        return CRITICAL, "starts new processes in an endless loop: the machine freezes"
    if _GROW_FOREVER.search(code) and not _STOPS.search(code):
        return EXHAUSTS, "fills memory in an endless loop: the machine runs out of memory"
    if _CODE_HOG.search(code):
        return EXHAUSTS, "asks for more memory than the machine has: it grinds to a halt"
    return code_exhaustion(code)


_CREATORS = frozenset(split_words("touch mkdir ln cp mktemp fallocate truncate mkfifo"))
_UNLIMITED = lazy_pattern(r"-P\s*0$|--max-procs=0$")


def _seq_counts(reads: tuple[str, ...]) -> list[int]:
    """The numbers seq was given: `100000`, and `1e8` as seq also reads it."""
    counts = [number(r) for r in reads if r.isdigit()]
    for r in reads:
        match = re.fullmatch(r"(\d{1,3})e(\d{1,2})", r, re.I)
        if match:
            counts.append(int(match.group(1)) * 10 ** int(match.group(2)))
    return counts


def xargs(command: Command, ctx: Context) -> None:
    """`seq inf | xargs -P 0 ...`: an endless input with no limit on parallel processes."""
    argv = command.argv
    unlimited = any(_UNLIMITED.match(a) for a in argv) or any(
        a in ("-P", "--max-procs") and b == "0" for a, b in itertools.pairwise(argv)
    )
    if command.name == "parallel":  # `parallel -j0`: as many jobs at once as there are inputs
        unlimited = any(a in ("-j0", "--jobs=0") for a in argv) or any(
            a in ("-j", "--jobs", "-P") and b == "0" for a, b in itertools.pairwise(argv)
        )
    how = "xargs -P 0" if command.name == "xargs" else "parallel -j0"
    stdin = command.stdin
    if stdin is not None and "seq" in stdin.producers and _CREATORS & set(argv):
        counted = _seq_counts(stdin.reads)
        if counted and max(counted) >= _MANY_FILES:  # `seq 1e8 | xargs -I{} touch f{}`
            level, reason = _files_made(max(counted))
            ctx.add(level, f"{reason} ({command.name})", command)
    if not unlimited or stdin is None:
        return
    endless = "yes" in stdin.producers or (
        "seq" in stdin.producers and any(r in ("inf", "infinity") for r in stdin.reads)
    )
    if endless or ENDLESS & set(stdin.reads):
        reason = f"starts processes without end and without limit ({how}): the machine freezes"
        ctx.add(CRITICAL, reason, command)
        return
    counted = _seq_counts(stdin.reads) if "seq" in stdin.producers else []
    if counted and max(counted) >= _PROCESS_SLOTS:
        reason = f"starts more processes at once than the system has room for ({how})"
        ctx.add(EXHAUSTS, reason, command)
    elif counted and max(counted) >= 1000:
        reason = f"starts up to {max(counted)} processes at once ({how}): the machine stalls"
        ctx.add(HIGH, reason, command)


def watched_spawn(command: Command, ctx: Context) -> None:
    """`watch -n 0.1 'sleep 1000 &'`: a new background process each round, none ever waited."""
    code = " ".join(w.value for w in command.args if not w.value.startswith("-"))
    if _SPAWNS.search(code) and "wait" not in code:
        reason = "starts another background process every round, without end (watch)"
        ctx.add(HIGH, reason, command)


def fed_endless(command: Command, ctx: Context) -> None:
    """`cat /dev/zero | tail`, `seq inf | sort`, `head -c 100G /dev/zero | tail`: the
    memory-keeping stage is fed an endless stream, or one cut only past what memory holds."""
    stdin = command.stdin
    if stdin is None or command.name not in MEMORY_EATERS:
        return
    producers = set(stdin.producers)
    source = next((read for read in stdin.reads if read in ENDLESS), None)
    if producers & _LIMITS:
        cut = _cut_at(stdin.reads)
        if source is not None and cut >= _ALL_OF_IT and producers <= _PASS_THROUGH | _LIMITS:
            reason = (
                f"keeps {cut // 2**30} GiB of {source} in memory ({command.name}): "
                "more than the machine has"
            )
            ctx.add(EXHAUSTS, reason, command)
        elif source is not None and cut >= _LARGE and producers <= _PASS_THROUGH | _LIMITS:
            reason = (
                f"keeps {cut // 2**30} GiB of {source} in memory ({command.name}): "
                "more than many machines have"
            )
            ctx.add(HIGH, reason, command)
        return
    if source is None and "yes" in producers:
        source = "output of yes"
    if source is None and "seq" in producers and {"inf", "infinity"} & set(stdin.reads):
        source = "output of seq inf"
    if source is not None and producers <= _PASS_THROUGH | {"yes", "seq"}:
        reason = f"keeps the endless {source} in memory ({command.name}): the machine runs out"
        ctx.add(EXHAUSTS, reason, command)


def _cut_at(reads: tuple[str, ...]) -> int:
    """Where `head -c 100G` or `dd bs=1G count=200` cuts a stream, in bytes (0: not known)."""
    settings = dict(read.partition("=")[::2] for read in reads if "=" in read)
    count = settings.get("count", "")
    if count.isdigit():
        return _size(settings.get("bs", "512")) * number(count)
    return max((_size(read) for read in reads), default=0)


# Compilers that turn a source file into a program (or run it at once, `tcc -run`).
COMPILERS = frozenset(split_words("gcc cc clang tcc g++ c++ clang++"))


def compiled_bomb(command: Command, ctx: Context) -> None:
    """`echo 'main(){for(;;)fork();}' > b.c && gcc b.c`, `gcc -x c - <<< 'CODE'`: the source
    was written just before, or is fed on standard input."""
    sources = [ctx.written.get(posixpath.basename(word.value)) for word in command.args]
    sources += [r.body.value for r in command.redirects if r.body is not None]
    for source in sources:
        found = inline_exhaustion(source) if source is not None else None
        if found is not None:
            ctx.add(found[0], f"builds a program that {found[1]}", command)
            return


def ulimit(command: Command, ctx: Context) -> None:
    """`ulimit -u unlimited`: the one guard against a runaway loop of new processes, lifted."""
    argv = command.argv
    processes = any(a.startswith("-") and "u" in a for a in argv)
    if processes and "unlimited" in argv:
        reason = "lifts the limit on how many processes may run: a runaway loop takes the machine"
        ctx.add(MODERATE, reason, command)


def mkfile(command: Command, ctx: Context) -> None:
    """`mkfile 1t f` (macOS), `xfs_mkfile 500g f`: the size comes first, the file after."""
    sizes = [_size(a) for a in command.argv if not a.startswith("-")]
    if command.name == "mkfile" and "-n" in command.argv:  # sparse: no block written yet
        ctx.add(MODERATE, "makes an empty (sparse) file of a given size (mkfile -n)", command)
    elif sizes and max(sizes) >= _BIG:
        ctx.add(EXHAUSTS, f"makes a file of {max(sizes) // 2**30} GiB: fills the disk", command)
    elif sizes and max(sizes) >= SIZEABLE:
        size = max(sizes) // 2**30
        ctx.add(HIGH, f"makes a file of {size} GiB: the disk may fill up ({command.name})", command)
    else:
        ctx.add(MODERATE, f"makes a file of a given size ({command.name})", command)


_CONCATENATORS = frozenset(split_words("cat tac zcat strings"))


def gathers_everything(command: Command, ctx: Context) -> None:
    """`find / -type f -exec cat {} + > all.txt`, `find / -print0 | xargs -0 cat > f`: every
    file on the machine copied into one file on the same disk, which fills before it ends."""
    targets = _written_files(command)
    if not targets:
        return
    if command.name == "find":
        parts = find_parts(command.args)
        whole = "/" in parts.starts and not parts.selects
        gathered = any(words and words[0].value in _CONCATENATORS for words in parts.execs)
    else:
        stdin = command.stdin
        starts = stdin.find_paths if stdin is not None else ()
        whole = any(start in ("/", match_marker("/", "")) for start in starts)
        gathered = bool(_CONCATENATORS & {w.value for w in command.args})
    if whole and gathered:
        reason = f"copies every file on the machine into {targets[0]}: the disk fills up"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {
    "xargs": xargs,
    "fallocate": huge_file,
    "head": huge_file,
    "yes": yes,
    "stress": stress,
    "stress-ng": stress,
    **dict.fromkeys(split_words("mkfile xfs_mkfile"), mkfile),
    "ulimit": ulimit,
}
# Checks beside a tool's own rule (find and xargs have theirs).
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = dict.fromkeys(("find", "xargs"), (gathers_everything,))
EXTRA_CHECKS["parallel"] = (xargs,)
EXTRA_CHECKS["watch"] = (watched_spawn,)
