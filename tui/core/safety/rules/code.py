"""Running code: shells and interpreters fed from pipes, files, strings and substitutions.

The kinds of what feeds a program decide the level: code that was downloaded (`curl | sh`,
`bash <(curl ...)`, `sh -c "$(curl ...)"`), decoded (`base64 -d | sh`) or received from the
network (`nc host 4444 | sh`) is CRITICAL; a literal string (`echo 'ls' | sh`) is parsed again.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from tui.core.safety import inline, paths, pycode
from tui.core.safety.context import Context
from tui.core.safety.flow import secret_path
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposure, weakening
from tui.core.safety.rules import windows as windows_rules
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.configs import config_content
from tui.core.safety.rules.embedded import runs_quietly
from tui.core.safety.rules.install import install
from tui.core.safety.rules.resources import inline_exhaustion
from tui.core.safety.targets import classify_delete, classify_empty, classify_write
from tui.core.safety.unwrap import SHELLS, inner_of
from tui.core.safety.words import Word, decode_c_escapes, literal, split_words

_PYTHON = re.compile(r"^(python|pypy|ipython)[\d.]*$")
INTERPRETERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "perl": ("Perl", ("-e", "-E")),
    "ruby": ("Ruby", ("-e",)),
    "node": ("JavaScript", ("-e", "--eval", "-p", "--print")),
    "nodejs": ("JavaScript", ("-e", "--eval", "-p", "--print")),
    "bun": ("JavaScript", ("-e", "--eval")),
    "deno": ("JavaScript", ("eval",)),
    "php": ("PHP", ("-r",)),
    "lua": ("Lua", ("-e",)),
    "luajit": ("Lua", ("-e",)),
    "Rscript": ("R", ("-e",)),
    "R": ("R", ("-e",)),
    "julia": ("Julia", ("-e", "--eval", "-E", "--print")),
    "osascript": ("AppleScript", ("-e",)),
    "pwsh": ("PowerShell", ("-c", "-Command", "-command", "-C")),
    "powershell": ("PowerShell", ("-c", "-Command", "-command", "-C")),
    "tclsh": ("Tcl", ()),
    "expect": ("Expect", ("-c",)),
}
_VALUE_OPTIONS = frozenset(split_words("-W -X -I -M -r --require -o -O +o +O --rcfile --init-file"))
_ENCODED = frozenset(split_words("-enc -EncodedCommand -encodedcommand -e -ec -en -encoded"))
_EXECUTING = frozenset({"download", "decode", "network"})
_WHY = {
    "download": "downloads code from the internet and runs it",
    "decode": "decodes hidden (encoded) code and runs it",
    "network": "runs commands received over the network",
}


def language_of(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(language, inline-code flags) for interpreters; shells are ("shell", ("-c",))."""
    if name in SHELLS:
        return "shell", ("-c",)
    if _PYTHON.match(name):
        return "Python", ("-c",)
    return INTERPRETERS.get(name)


def executing_kinds(ctx: Context, kinds: frozenset[str], command: Command, how: str) -> bool:
    """Adds a CRITICAL finding for each dangerous source kind; True if there was one."""
    found = kinds & _EXECUTING
    for kind in sorted(found):
        ctx.add(CRITICAL, f"{_WHY[kind]} ({how})", command)
    return bool(found)


def interpreter(command: Command, ctx: Context) -> None:
    info = language_of(command.name)
    if info is None:
        return
    language, flags = info
    if _check_only(command, language):
        return  # `bash -n`, `perl -c`, `php -l`, `node --check`: read the code, run nothing
    if language == "shell" and inner_of(command).code:
        return  # `bash -c '...'`: the string is analysed as shell code by the analyser
    code, script, module = _operands(command, flags)
    if language == "PowerShell" and any(w.value in _ENCODED for w in command.args):
        ctx.add(CRITICAL, "runs hidden (base64-encoded) PowerShell code", command)
    elif language == "PowerShell" and code is not None:
        windows_rules.analyse(code.value, ctx)
        ctx.add(MODERATE, "runs PowerShell code", command)
    elif code is not None:
        inline_code(command, ctx, code, language)
    elif module in ("pip", "pip3") and language == "Python":
        args = command.args
        start = next(i for i, w in enumerate(args) if w.value == "-m") + 2
        install(command.wrapped((literal("pip"), *args[start:]), command.name), ctx)
    elif module in ("http.server", "SimpleHTTPServer") and language == "Python":
        exposure.file_server(command, ctx, exposure.served_folder(command))
    elif module is not None and language == "Python" and _module_reads(command, module):
        return  # `python3 -m json.tool data.json`, `python3 -m platform`: prints only
    elif module is not None:
        ctx.add(MODERATE, f"runs the {language} module {module}", command)
    elif script is not None and script.value not in ("-", "/dev/stdin"):
        run_script(command, ctx, script, language)
    else:
        stdin_code(command, ctx, language)


# Standard modules that only print: facts about Python, or a JSON file pretty-printed.
_PRINTING_MODULES = frozenset(split_words("json.tool platform site sysconfig calendar this"))


def _module_reads(command: Command, module: str) -> bool:
    args = [w.value for w in command.args]
    rest = args[args.index(module) + 1 :] if module in args else []
    operands = [a for a in rest if not a.startswith("-")]
    if module == "json.tool":  # a second operand is the file it writes
        return len(operands) <= 1
    return module in _PRINTING_MODULES and (not operands or module == "calendar")


_CHECK_FLAGS = {
    "shell": ("-n", "--noexec"),
    "Perl": ("-c",),
    "Ruby": ("-c",),
    "PHP": ("-l", "--syntax-check"),
    "JavaScript": ("--check", "-c"),
}


def _check_only(command: Command, language: str) -> bool:
    flags = _CHECK_FLAGS.get(language, ())
    args = [w.value for w in command.args]
    if language == "Python":
        return args[:2] in (["-m", "py_compile"], ["-m", "compileall"])
    if language == "shell" and any(
        a.startswith("-") and not a.startswith("--") and "n" in a[1:] and "c" not in a[1:]
        for a in args[:3]
    ):
        return True
    return any(a in flags for a in args[:3])


SHELL_NAMES = frozenset(("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish"))


def _operands(
    command: Command, flags: tuple[str, ...]
) -> tuple[Word | None, Word | None, str | None]:
    """(inline code, script operand, module name) of an interpreter command line."""
    args = command.args
    index = 0
    while index < len(args):
        value = args[index].value
        if value in flags:
            return (args[index + 1] if index + 1 < len(args) else literal("")), None, None
        attached = next((f for f in flags if len(f) == 2 and value.startswith(f)), None)
        if attached and len(value) > 2 and not value.startswith("--"):
            return replace(args[index], value=value[2:]), None, None
        if _clustered(value, flags) and index + 1 < len(args):  # `perl -lane CODE`
            return args[index + 1], None, None
        if value == "-m" and index + 1 < len(args):
            return None, None, args[index + 1].value
        if value == "-s" and command.name in SHELL_NAMES:
            return None, None, None  # `bash -s -- ARGS`: the script is stdin, ARGS its arguments
        if value == "-" or not value.startswith(("-", "+")):
            return None, args[index], None
        index += 2 if value in _VALUE_OPTIONS else 1
    return None, None, None


def _clustered(value: str, flags: tuple[str, ...]) -> bool:
    """`-ne`, `-lane`, `-nle`: single-letter options run together, the code flag last (`-pie`
    is not one: there `e` is the backup suffix of `-i`)."""
    if not re.fullmatch(r"-[a-zA-Z0-9]{2,}", value) or "i" in value:
        return False
    return any(len(flag) == 2 and flag[1] == value[-1] for flag in flags)


def inline_code(command: Command, ctx: Context, code: Word, language: str) -> None:
    if language == "shell":
        ctx.run_code(code, command)
        return
    kinds = ctx.word_kinds(code)
    if executing_kinds(ctx, kinds, command, f"{command.name} with code from a substitution"):
        return
    result = inline.inspect(code.value, language)
    for level, reason in result.findings:
        ctx.add(level, reason, command)
    for path in result.swept:
        verdict = classify_delete(path, recursive=False)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    exhausting = inline_exhaustion(code.value)
    if exhausting is not None:
        ctx.add(exhausting[0], exhausting[1], command)
    effects = pycode.analyse(code.value) if language == "Python" else None
    writes = list(effects.writes if effects else result.writes)
    writes += [(path, False) for path in _edited_in_place(command, code)]
    _written_settings(command, ctx, code.value, language, writes)
    if effects is not None:
        _python_effects(command, ctx, effects)
        if effects.harmless and not result.findings:
            return  # computes and prints, nothing else
    else:
        _inline_effects(command, ctx, result, language)
        in_place = any(re.fullmatch(r"-[a-zA-Z]*i\S*", a) for a in command.argv)
        if inline.harmless(code.value, result) and not in_place:
            return
    ctx.add(MODERATE, f"runs inline {language} code", command)


def _edited_in_place(command: Command, code: Word) -> list[str]:
    """`perl -i -pe CODE FILE...`, `ruby -i -pe`: the files the code rewrites."""
    if not any(re.fullmatch(r"-[a-zA-Z]*i\S*", a) for a in command.argv):
        return []
    values = [w.value for w in command.args]
    start = values.index(code.value) + 1 if code.value in values else len(values)
    return [a for a in values[start:] if a and not a.startswith("-")]


def _written_settings(
    command: Command,
    ctx: Context,
    code: str,
    language: str,
    writes: list[tuple[str, bool]],
) -> None:
    """Inline code that writes a sudoers, passwd or sshd line: the line says how far it goes;
    a mode it sets (`os.chmod(P, 0o4755)`) is rated as `chmod 4755 P` would be."""
    for shell in inline.mode_changes(code):
        ctx.run_code(literal(shell), command)
    for path, _append in writes:
        content = config_content(path, code)
        if content is not None:
            ctx.add(content.level, f"{language} code {content.reason}", command)


def _inline_effects(
    command: Command, ctx: Context, result: inline.InlineResult, language: str
) -> None:
    for shell in result.shell:
        ctx.run_code(literal(shell), command)
    for path in result.deletes:
        verdict = classify_delete(path, recursive=True)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path in result.removes:
        verdict = classify_delete(path, recursive=False)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path, append in result.writes:
        written = classify_write(path, append=append)
        if written is not None:
            ctx.add(written.level, f"{language} code {written.reason}", command)


def _python_effects(command: Command, ctx: Context, effects: pycode.PyEffects) -> None:
    for shell in effects.shell:
        ctx.run_code(literal(shell), command)
    for path, recursive in effects.deletes:
        verdict = classify_delete(path, recursive=recursive)
        ctx.add(max(verdict.level, MODERATE), f"Python code {verdict.reason}", command)
    for path, append in effects.writes:
        written = classify_write(path, append=append)
        if written is not None:
            ctx.add(written.level, f"Python code {written.reason}", command)
    if effects.secrets and (effects.network or effects.sends):
        what = effects.secrets[0]
        ctx.add(CRITICAL, f"Python code sends {what} to another machine", command)
    elif effects.sends:
        ctx.add(MODERATE, "Python code sends data to a server", command)
    if effects.kills_all:
        ctx.add(HIGH, "Python code kills every process you may signal", command)
    if effects.unknown_code:
        ctx.add(HIGH, "Python code runs a command that is only known when it runs", command)


def run_script(command: Command, ctx: Context, script: Word, language: str) -> None:
    kinds = ctx.word_kinds(script)
    if executing_kinds(ctx, kinds, command, f"{command.name} <(...)"):
        return
    name = posixpath.basename(script.value)
    if name and name in ctx.downloads:
        reason = f"runs {script.value}, just downloaded or decoded and not checked"
        ctx.add(CRITICAL, reason, command)
        return
    if "<a repository cloned in this line>" in ctx.downloads and "://" not in script.value:
        reason = f"runs {script.value} from a repository cloned just now, before anyone read it"
        ctx.add(HIGH, reason, command)
    if name and name in ctx.written and language == "shell":  # `echo CODE > f.sh; sh f.sh`
        ctx.run_code(literal(ctx.written[name]), command)
    kind = "shell script" if language == "shell" else f"{language} script"
    ctx.add(MODERATE, f"runs the {kind} {script.value}", command)
    ctx.effects.append(f"runs {script.value} (it does not show it)")


def stdin_code(command: Command, ctx: Context, language: str) -> None:
    """A shell or interpreter reading its program from stdin: heredoc, `<`, or a pipe."""
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            kinds = ctx.word_kinds(redirect.body)
            if not executing_kinds(ctx, kinds, command, f"{command.name} {redirect.op}"):
                _literal_code(command, ctx, redirect.body, language)
            return
        if redirect.op == "<" and redirect.target is not None:
            run_script(command, ctx, redirect.target, language)
            return
    stdin = command.stdin
    if stdin is None:
        shell = "a new shell" if language == "shell" else f"an interactive {language} session"
        ctx.add(MODERATE, f"starts {shell}", command)
        return
    producers = " | ".join(stdin.producers) or "the pipe"
    how = f"{producers} | {command.name}"
    if executing_kinds(ctx, stdin.kinds, command, how):
        return
    if stdin.kinds == frozenset({"literal"}) and stdin.literal is not None:
        text = " ".join(word.value for word in stdin.literal)
        _literal_code(command, ctx, literal(text), language)
        return
    if set(stdin.producers) & _TRANSFORMERS:  # `echo X | tr ... | sh`: code made as it runs
        reason = f"runs code that {producers} only makes when it runs ({language})"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"runs whatever {producers} prints as {language} code", command)


_TRANSFORMERS = frozenset("tr rev sed awk cut fold iconv perl python3 python paste".split())


def _literal_code(command: Command, ctx: Context, code: Word, language: str) -> None:
    if language == "shell":
        ctx.run_code(code, command)
    else:
        inline_code(command, ctx, code, language)


def source(command: Command, ctx: Context) -> None:
    args = [w for w in command.args if not w.value.startswith("-")]
    if not args:
        return
    if paths.is_rc_file(paths.normalise(args[0].path)):
        return  # reloading a start-up file runs what runs at every login anyway
    if args[0].value in ("/dev/stdin", "-", "/proc/self/fd/0"):
        stdin_code(command, ctx, "shell")
        return
    run_script(command, ctx, args[0], "shell")


_SPRINTF = re.compile(r'sprintf\(\s*"([^"]*)"((?:\s*,\s*\d+)+)\s*\)')


def _spelt(match: re.Match[str]) -> str:
    codes = [int(n) for n in re.findall(r"\d+", match.group(2))]
    text = match.group(1)
    for code in codes:
        text = text.replace("%c", chr(code) if 0 < code < 0x110000 else "", 1)
    return '"' + text.replace('"', "") + '"'


_WHOLE_SYSTEM = re.compile(r'\bsystem\s*\(\s*"[^"]*"\s*\)')


def awk(command: Command, ctx: Context) -> None:
    args = command.args
    index = 0
    while index < len(args) and args[index].value.startswith("-"):
        value = args[index].value
        if value in ("-f", "--file"):
            ctx.add(MODERATE, "runs an awk program from a file", command)
            return
        index += 2 if value in ("-F", "-v", "--assign", "--field-separator") else 1
    if index >= len(args):
        return
    program = args[index].value
    if "/inet/" in program:
        ctx.add(CRITICAL, "awk code connects a shell to the network (reverse shell)", command)
        return
    program = _SPRINTF.sub(_spelt, program)  # `sprintf("%c%c", 114, 109)` is "rm"
    for target in re.findall(r'print[^;}>|]*>>?\s*"([^"]+)"', program):
        verdict = classify_write(target, append=False)
        if verdict is not None and verdict.level >= HIGH:
            ctx.add(verdict.level, verdict.reason, command)
    result = inline.inspect(program, "awk")
    piped = re.findall(r'"([^"]+)"\s*\|\s*getline', program)  # `"cmd" | getline` runs cmd
    quiet = [runs_quietly(ctx, shell, command) for shell in [*result.shell, *piped]]
    # `system("rm " $1)`: only the start of the command is written out
    built = len(re.findall(r"\bsystem\s*\(", program)) > len(_WHOLE_SYSTEM.findall(program))
    writes = re.search(r"print[^;}]*(>|\|)\s*\"", program)
    reads_more = "getline" in program and not piped  # `getline < f`, `cmd | getline` unseen
    if not all(quiet) or built or writes or reads_more:
        ctx.add(MODERATE, "the awk program writes files or runs commands", command)


_BLANKS = re.compile(r"\s*s(.)\^?\.\*\$?\1\1g?\s*")  # `s/.*//`: every line left empty


def sed(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a.startswith(("-i", "--in-place")) or re.fullmatch(r"-[nErsuz]*i\S*", a) for a in argv):
        script = " ".join(a for a in argv if not a.startswith("-"))
        wipes = any(re.fullmatch(r"\s*(1\s*,\s*\$|/\^?\.?\*?/|/\.\*/)?\s*d\s*", a) for a in argv)
        wipes = wipes or any(_BLANKS.fullmatch(a) for a in argv)
        for value in _sed_files(argv):
            if wipes and command.implied_recursive:  # `find DIR -exec sed -i 's/.*//' {} +`
                whole = classify_delete(value, recursive=True)
                reason = whole.reason.replace("deletes", "empties every file in", 1)
                ctx.add(max(whole.level, HIGH), reason, command)
            if wipes:
                emptied = classify_empty(value)
                ctx.add(HIGH, f"deletes every line of {value}: the file is left empty", command)
                if emptied is not None and emptied.level > HIGH:
                    ctx.add(emptied.level, emptied.reason, command)
            content = config_content(value, script) or weakening.written(
                value, weakening.sed_text(script)
            )
            if content is not None:
                ctx.add(content.level, content.reason, command)
            verdict = classify_write(value, append=False)
            if verdict is not None and verdict.level >= HIGH:
                ctx.add(verdict.level, verdict.reason.replace("overwrites", "edits", 1), command)
        ctx.add(MODERATE, "edits files in place (sed -i)", command)
    elif any(re.search(r"(^|[;}\s])(e|w\s+\S)", a) for a in argv if not a.startswith("-")):
        ctx.add(MODERATE, "the sed script runs commands or writes files", command)


def _sed_files(argv: list[str]) -> list[str]:
    """The files of `sed -i 'script' FILE...` (the first operand is the script)."""
    operands: list[str] = []
    script_given = any(a in ("-e", "-f", "--expression", "--file") for a in argv)
    skip = False
    for value in argv:
        if skip:
            skip = False
            continue
        if value in ("-e", "-f", "--expression", "--file"):
            skip = True
        elif not value.startswith("-"):
            operands.append(value)
    return operands if script_given else operands[1:]


def literal_text(command: Command) -> tuple[str, bool]:
    """The text echo/printf prints, and whether it was hidden in escapes (\\x72\\x6d)."""
    args = [w.value for w in command.args]
    if command.name == "printf":
        if not args:
            return "", False
        fmt, rest = args[0], args[1:]
        if "%" in fmt and rest:
            return " ".join(rest), False
        decoded = decode_c_escapes(fmt)
        return decoded, _hidden(fmt)
    escapes = False
    while args and re.fullmatch(r"-[neE]+", args[0]):
        escapes = escapes or "e" in args[0]
        args.pop(0)
    text = " ".join(args)
    if escapes:
        return decode_c_escapes(text), _hidden(text)
    return text, False


def _hidden(text: str) -> bool:
    return bool(re.search(r"\\(x[0-9a-fA-F]{2}|[0-7]{3}|u[0-9a-fA-F]{4})", text))


def is_secret_path(value: str) -> bool:
    what = secret_path(value)
    return what is not None and what != "your whole home folder"


RULES: dict[str, Rule] = {
    **dict.fromkeys(SHELLS, interpreter),
    **dict.fromkeys(INTERPRETERS, interpreter),
    "source": source,
    ".": source,
    **dict.fromkeys(split_words("awk gawk mawk nawk"), awk),
    **dict.fromkeys(split_words("sed gsed"), sed),
}
