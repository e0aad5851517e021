"""Programs that act through other programs: find deleting system files, debuggers, strace's
output pipe, Emacs Lisp, ed scripts, zip's test mode.

`sudo find / -name '*.conf' -exec rm {} +` deletes every configuration file of the machine;
`gdb -p 1` attaches to init, and `gdb -batch -ex 'bt' ./app core` only reads a core file;
`strace -o '|cmd'`, `emacs --eval '(shell-command "cmd")'` and `ed <<< '!cmd'` run cmd.
"""

from __future__ import annotations

import fnmatch
import posixpath
import re
import shlex

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.fanout import find_parts
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import editors
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.embedded import text_editor
from tui.core.safety.targets import classify_delete
from tui.core.safety.words import literal, split_words

# Kinds of files the system cannot run without: configuration, libraries, units, keys.
_SYSTEM_FILES = tuple(
    f"x.{ext}"
    for ext in split_words(
        "conf cfg cnf ini so so.1 ko service socket target timer rules list pem crt key py pl "
        "rb sh json xml yaml yml"
    )
)
_SYSTEM_STARTS = frozenset(split_words("/ /etc /usr /lib /lib64 /bin /sbin /boot /var/lib /opt"))
_DELETERS = frozenset(split_words("rm unlink shred truncate"))
_NAME_TESTS = frozenset(split_words("-name -iname"))


def find(command: Command, ctx: Context) -> None:
    """`sudo find / -name '*.conf' -delete`: every file of a kind the system needs, removed."""
    if not set(command.via) & {"sudo", "doas", "run0", "pkexec"}:
        return
    args = command.args
    parts = find_parts(args)
    deletes = parts.delete or any(
        execs and execs[0].value.rsplit("/", 1)[-1] in _DELETERS for execs in parts.execs
    )
    starts = [paths.normalise(start).rstrip("/") or "/" for start in parts.starts]
    if not deletes or not any(_system_start(start) for start in starts):
        return
    values = [word.value for word in args]
    names = [values[i + 1] for i, v in enumerate(values[:-1]) if v in _NAME_TESTS]
    for pattern in names:
        if _system_pattern(pattern):
            reason = f"deletes every {pattern} file of the system: programs and services break"
            ctx.add(CRITICAL, reason, command)
            return


def _system_start(start: str) -> bool:
    """`/`, `/etc`, `/usr/lib`: a whole system tree (not one program's folder like /etc/nginx)."""
    return start in _SYSTEM_STARTS or posixpath.dirname(start) in ("/usr", "/usr/local")


def _system_pattern(pattern: str) -> bool:
    if not pattern.startswith("*") or "/" in pattern:
        return False
    return any(fnmatch.fnmatchcase(sample, pattern) for sample in _SYSTEM_FILES)


# gdb commands that only look: at a core file, the stack, variables, its own settings.
_GDB_READS = lazy_pattern(
    r"(bt|backtrace|where|info|i|show|list|l|x|frame|f|up|down|disassemble|disas|p|print|"
    r"ptype|whatis|thread apply all (bt|backtrace)|thread|quit|q|echo|"
    r"set (pagination|confirm|print|height|width|logging)|core|core-file|file|symbol-file)"
    r"(\s|/|$)"
)


def gdb(command: Command, ctx: Context) -> None:
    """Attaching to a running process changes it; reading a core file or settings does not."""
    argv = command.argv
    pids = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-p", "-pid", "--pid")]
    pids += [a.split("=", 1)[1] for a in argv if a.startswith("--pid=")]
    script = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in _GDB_SCRIPT]
    script += [a.split("=", 1)[1] for a in argv if a.startswith(("--eval-command=", "--ex="))]
    pids += [s.split()[1] for s in script if re.match(r"attach\s+\d+", s)]
    if "1" in pids:
        reason = "attaches a debugger to process 1 (init): it can stop the whole system"
        ctx.add(HIGH, reason, command)
    elif pids:
        ctx.add(MODERATE, "attaches a debugger to a running process: it can change it", command)
    if any(a in ("-x", "--command", "-ix") or a.startswith("--command=") for a in argv):
        ctx.add(MODERATE, f"runs debugger commands from a file ({command.name})", command)
    elif not script and not {"-batch", "--batch"} & set(argv):
        ctx.add(MODERATE, f"starts the debugger ({command.name})", command)
    elif any(not _gdb_reads(s) for s in script):
        ctx.add(MODERATE, f"runs or changes the debugged program ({command.name})", command)


_GDB_SCRIPT = frozenset(split_words("-ex -iex --eval-command --init-eval-command -o --one-line"))


def _gdb_reads(line: str) -> bool:
    text = line.strip()
    if text.startswith(("p ", "print ", "p/", "print/")) and ("(" in text or "=" in text):
        return False  # `print system("...")`, `print x = 1`: calls or assigns in the program
    return bool(_GDB_READS.match(text))


def strace_output(command: Command, ctx: Context) -> None:
    """`strace -o '|cmd'`: the trace is piped into a shell command."""
    args = command.args
    for index, word in enumerate(args[:-1]):
        value = args[index + 1].value
        if word.value in ("-o", "--output") and value.startswith(("|", "!")):
            ctx.add(MODERATE, f"{command.name} pipes its output into a shell command", command)
            ctx.run_code(literal(value[1:]), command)


_ZIP_CHECKS = frozenset(split_words("-T --test -q --quiet -v"))


def zip_archive(command: Command, ctx: Context) -> None:
    """`zip -T archive.zip` only tests the archive; any other zip writes one."""
    values = [word.value for word in command.args]
    operands = [v for v in values if not v.startswith("-")]
    options = [v for v in values if v.startswith("-")]
    if len(operands) == 1 and options and set(options) <= _ZIP_CHECKS and "-T" in options:
        return
    ctx.add(MODERATE, f"changes or creates files ({command.name})", command)


_ELISP_SHELL = lazy_pattern(
    r"\((?:async-)?shell-command(?:-to-string)?\s+\"(?P<code>(?:[^\"\\]|\\.)*)\"|"
    r"\(call-process-shell-command\s+\"(?P<code2>(?:[^\"\\]|\\.)*)\""
)
# `(call-process "rm" nil nil nil "-rf" "/")`: PROGRAM INFILE DESTINATION DISPLAY ARGS...;
# `(start-process NAME BUFFER PROGRAM ARGS...)`; `(process-lines PROGRAM ARGS...)`.
_ELISP_PROCESS = lazy_pattern(
    r"\((?P<call>call-process|start-process|process-lines)\s+(?P<rest>[^()]*)\)"
)
_ELISP_ATOM = lazy_pattern(r'"(?P<s>(?:[^"\\]|\\.)*)"|(?P<a>[^\s"]+)')
# Where the program and its arguments are in each call's argument list.
_ELISP_ARGV = {"call-process": (0, 4), "start-process": (2, 3), "process-lines": (0, 1)}
_ELISP_DELETE = lazy_pattern(
    r"\(delete-(?P<what>directory|file)\s+(?:\(expand-file-name\s+)?\"(?P<path>[^\"]+)\"\)?"
    r"(?P<recursive>\s+t\b)?"
)
_ELISP_LISTED = lazy_pattern(r"\(directory-files(?P<deep>-recursively)?\s+\"(?P<path>[^\"]+)\"")
_ELISP_READS = lazy_pattern(
    r"\((?:message|princ|print|prin1|format|emacs-version|version|kill-emacs)\b[^()]*"
    r"(?:\([^()]*\)[^()]*)*\)"
)


def emacs(command: Command, ctx: Context) -> None:
    """`emacs --batch --eval '(shell-command "cmd")'`: Lisp that runs or deletes."""
    argv = command.argv
    forms = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("--eval", "-eval", "--execute")]
    forms += [a.split("=", 1)[1] for a in argv if a.startswith(("--eval=", "--execute="))]
    if not forms:
        text_editor(command, ctx)
        return
    for form in forms:
        for match in _ELISP_SHELL.finditer(form):
            ctx.run_code(literal(match.group("code") or match.group("code2") or ""), command)
        for match in _ELISP_PROCESS.finditer(form):
            program = _elisp_program(match.group("call"), match.group("rest"))
            if program is not None:
                ctx.run_code(literal(program), command)
        for match in _ELISP_DELETE.finditer(form):
            recursive = match.group("what") == "directory" and bool(match.group("recursive"))
            verdict = classify_delete(match.group("path"), recursive=recursive)
            ctx.add(verdict.level, f"Emacs Lisp code {verdict.reason}", command)
        if "delete-file" in form or "delete-directory" in form:
            for listed in _ELISP_LISTED.finditer(form):  # what it lists, it deletes
                deep = bool(listed.group("deep"))
                verdict = classify_delete(listed.group("path").rstrip("/") + "/*", recursive=deep)
                ctx.add(verdict.level, f"Emacs Lisp code {verdict.reason}", command)
    if not all(_ELISP_READS.fullmatch(form.strip()) for form in forms):
        ctx.add(MODERATE, "runs Emacs Lisp code (emacs --eval)", command)


def _elisp_program(call: str, rest: str) -> str | None:
    """The command line an Emacs process call runs, when its program and arguments are strings."""
    atoms = [(m.group("s"), m.group("a")) for m in _ELISP_ATOM.finditer(rest)]
    program, first = _ELISP_ARGV[call]
    argv = atoms[program : program + 1] + atoms[first:]
    if len(atoms) <= program or any(string is None for string, _atom in argv):
        return None
    return " ".join(shlex.quote(string or "") for string, _atom in argv)


def ed(command: Command, ctx: Context) -> None:
    """`ed -s file <<< '!cmd'`: ed commands read from the input; `!` runs a shell command."""
    texts = [r.body.value for r in command.redirects if r.op in ("<<", "<<<") and r.body]
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        texts.append(" ".join(word.value for word in stdin.literal))
    for text in texts:
        for line in re.split(r"\\n|\n", text):
            if line.strip().startswith("!"):
                ctx.run_code(literal(line.strip()[1:]), command)
    editors.ed_script(command, ctx)
    ctx.add(MODERATE, f"edits files ({command.name})", command)


RULES: dict[str, Rule] = {
    "ed": ed,
    "red": ed,
    "emacs": emacs,
    "zip": zip_archive,
    "find": find,
    "gdb": gdb,
    "lldb": gdb,
    "strace": strace_output,
}
