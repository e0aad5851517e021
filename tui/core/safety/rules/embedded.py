"""Shell code carried inside other programs' options: it runs, so it is checked like any code.

`trap 'CODE' EXIT`, `git -c core.fsmonitor='CODE'` (and the other keys git runs as programs),
`git -c alias.x='!CODE'`, `vim -c ':!CODE'`, `tar --checkpoint-action=exec=CODE`,
`ssh -o ProxyCommand=CODE`, `make -f /dev/stdin`, and array subscripts, which bash evaluates
as arithmetic and so runs their `$(...)` even inside single quotes (`test -v 'x[$(CODE)]'`).
"""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import inline, paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import (
    editor_code,
    editors,
    git_programs,
    git_trust,
    ssh_client,
    typed_keys,
)
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.targets import classify_delete
from tui.core.safety.words import Word, literal, split_words

# git configuration keys whose value is a program git runs (lower-case).
GIT_PROGRAM_KEYS = frozenset(
    split_words(
        "core.fsmonitor core.sshcommand core.pager core.editor core.askpass core.hookspath "
        "sequence.editor diff.external gpg.program gpg.ssh.program credential.helper "
        "uploadpack.packobjectshook receive.procreceiverefs pager.log pager.diff pager.show "
        "web.browser instaweb.httpd core.gitproxy"
    )
)
_URL_SCOPED = lazy_pattern(r"^(credential)\..+(\.helper)$", re.I)
_GIT_PROGRAM_SUFFIXES = (
    ".textconv",
    ".command",
    ".clean",
    ".smudge",
    ".process",
    ".driver",
    ".cmd",
)
_SUBSCRIPT_CODE = lazy_pattern(r"\w\[[^\]]*?(?:\$\((?P<sub>.*)\)|`(?P<tick>[^`]*)`)[^\]]*\]")
ARITHMETIC_COMMANDS = frozenset(
    split_words(
        "test [ let printf read declare typeset local export readonly unset mapfile readarray"
    )
)


def runs_quietly(ctx: Context, code: str, command: Command) -> bool:
    """Checks `code` as shell code; True when it gave no finding (`date`, `ls -l`)."""
    before = len(ctx.findings)
    ctx.run_code(literal(code), command)
    return all(finding.level < MODERATE for finding in ctx.findings[before:])


def git_config_code(key: str, value: str) -> str | None:
    """The shell code a git setting runs (`alias.x=!code`, `core.fsmonitor=code`), or None."""
    key = key.strip().lower()
    if key.startswith("alias.") or (key.startswith("submodule.") and key.endswith(".update")):
        return value[1:] if value.startswith("!") else None
    if key in GIT_PROGRAM_KEYS or key.endswith(_GIT_PROGRAM_SUFFIXES) or key.startswith("pager."):
        if key == "credential.helper" and not value.startswith("!"):
            return None
        return value.removeprefix("!") or None
    return None


def git_inline_config(command: Command, ctx: Context) -> None:
    """`git -c key=value ...` and `git config key value`: values that are programs are code."""
    args = command.args
    # (key, value, lasting): `git config KEY VALUE` stays, `git -c KEY=VALUE` is for this command
    pairs: list[tuple[str, str, bool]] = []
    for index, word in enumerate(args):
        if word.value == "-c" and index + 1 < len(args):
            key, _, value = args[index + 1].value.partition("=")
            pairs.append((key, value, False))
        elif not word.value.startswith("-") and (index == 0 or args[index - 1].value != "-c"):
            if word.value == "clone":  # `git clone -c KEY=VALUE URL`: set in the new repository
                pairs += [(k, v, True) for k, v in _clone_settings(args[index + 1 :])]
            if word.value == "config":
                rest = args[index + 1 :]
                skipped = {
                    i + 1 for i, w in enumerate(rest) if w.value in ("-f", "--file", "--blob")
                }
                operands = [
                    w.value
                    for i, w in enumerate(rest)
                    if not w.value.startswith("-") and i not in skipped
                ]
                if operands[:1] == ["set"]:  # `git config set KEY VALUE` (git 2.46)
                    operands = operands[1:]
                if len(operands) >= 2:
                    pairs.append((operands[0], operands[1], True))
            break
    everywhere = any(w.value in ("--global", "--system") for w in args)
    pairs = [(scoped_key(key), value, lasting) for key, value, lasting in pairs]
    for key, value, lasting in pairs:
        if key.lower() in ("init.templatedir", "core.hookspath") and everywhere:
            reason = (
                f"makes git copy the hooks in {value} into every new repository: they run later"
            )
            if key.lower() == "core.hookspath":
                reason = f"makes git run the hooks in {value} in every repository, by themselves"
            ctx.add(HIGH, reason, command)
        if key.lower() == "core.hookspath":
            _written_hooks(command, ctx)
            ctx.hook_folders.add(paths.normalise(value).rstrip("/"))
        if key.lower() == "core.hookspath" and paths.is_world_writable(value):
            ctx.add(
                HIGH,
                f"makes git run hook programs from {value}, a folder anyone can write",
                command,
            )
        code = git_config_code(key, value)
        git_programs.credential_store(key, value, command, ctx)
        if code:
            git_programs.setting(key, code, lasting, command, ctx)
        program = code.split()[0] if code and code.split() else ""
        if paths.is_world_writable(program):
            which = "every git command" if everywhere else "git in this repository"
            reason = f"makes {which} run {program}, a program anyone can replace"
            ctx.add(HIGH, reason, command)
        if code and not runs_quietly(ctx, code, command):
            ctx.add(MODERATE, f"git runs the program set in {key}", command)
    git_trust.settings(pairs, everywhere, command, ctx)
    git_trust.environment(command, ctx)
    ext_urls(command, ctx)


def scoped_key(key: str) -> str:
    """`credential.https://github.com.helper` is still `credential.helper` (for one site)."""
    return _URL_SCOPED.sub(r"\1\2", key)


def _clone_settings(args: tuple[Word, ...]) -> list[tuple[str, str]]:
    """The `-c KEY=VALUE` / `--config KEY=VALUE` / `--config=KEY=VALUE` of `git clone`."""
    found: list[str] = []
    for index, word in enumerate(args):
        if word.value in ("-c", "--config") and index + 1 < len(args):
            found.append(args[index + 1].value)
        elif word.value.startswith("--config="):
            found.append(word.value.removeprefix("--config="))
    return [(key, value) for key, _, value in (item.partition("=") for item in found)]


# Hooks git runs by itself, by file name.
GIT_HOOKS = frozenset(
    split_words(
        "applypatch-msg pre-applypatch post-applypatch pre-commit pre-merge-commit "
        "prepare-commit-msg commit-msg post-commit pre-rebase post-checkout post-merge pre-push "
        "pre-receive update post-receive post-update push-to-checkout pre-auto-gc post-rewrite "
        "reference-transaction fsmonitor-watchman"
    )
)


def _written_hooks(command: Command, ctx: Context) -> None:
    """`echo CODE > h/pre-commit; git -c core.hooksPath=h commit`: the hooks this line wrote
    run with the git command."""
    for hook in sorted(GIT_HOOKS & ctx.written.keys()):
        ctx.run_code(literal(ctx.written[hook]), command)


def ext_urls(command: Command, ctx: Context) -> None:
    """`git clone 'ext::sh -c cmd% arg'`: the ext transport runs the URL as a command."""
    for word in command.args:
        if word.value.startswith("ext::"):
            argv = [
                part.replace("\0", " ")
                for part in word.value[5:].replace("%%", "%").replace("% ", "\0").split()
            ]
            ctx.add(HIGH, "git runs the command written in an ext:: URL", command)
            ctx.run_code(literal(" ".join(_quote(arg) for arg in argv)), command)


def _quote(item: str) -> str:
    return "'" + item.replace("'", "'\\''") + "'"


def trap(command: Command, ctx: Context) -> None:
    args = [w for w in command.args if w.value not in ("--",)]
    if not args or args[0].value.startswith("-") or len(args) < 2:
        return
    if not args[0].dynamic and runs_quietly(ctx, args[0].value, command):
        return  # `trap 'echo interrupted' INT`: the handler itself is harmless
    ctx.add(MODERATE, "runs code when the shell gets a signal or exits (trap)", command)
    if args[0].dynamic:
        ctx.run_code(args[0], command)


def editor(command: Command, ctx: Context) -> None:
    """`vim -c ':!CODE'`, `vim +'!CODE'`, `ex -c`, `nvim --cmd`: ex commands starting with `!`."""
    args = command.args
    for index, word in enumerate(args):
        value = word.value
        script = ""
        if (value in ("-c", "--cmd") or _EX_CLUSTER.fullmatch(value)) and index + 1 < len(args):
            script = args[index + 1].value  # `ex -sc CMD`, `vim -esc CMD`: -c last in a cluster
        elif value.startswith("+") and len(value) > 1:
            script = value[1:]
        elif value == "-S" and index + 1 < len(args) and ctx.word_kinds(args[index + 1]) & _FETCHED:
            ctx.add(
                CRITICAL,
                f"the editor runs a script downloaded from the internet ({value})",
                command,
            )
        code = _ex_shell(script)
        piped = _WRITE_TO.match(script.strip())
        if piped and posixpath.basename(piped.group("program")) in _BARE_INTERPRETERS:
            reason = f"the editor runs the text of the file it opened as code ({script.strip()})"
            ctx.add(HIGH, reason, command)
        if code:
            # the command is rated as itself: `vim -c '!ls'` lists, `vim -c '!rm -rf ~'` deletes
            reason = f"the editor runs a shell command on start ({command.name} -c)"
            ctx.add(MODERATE, reason, command)
            ctx.run_code(literal(code), command)
        _ex_language(script, command, ctx)
        editor_code.vim_calls(script, command, ctx)
    editors.vim_script(command, ctx)
    scripted = any(a in ("-c", "--cmd", "-S") or a.startswith("+") for a in command.argv)
    if not scripted and (command.name in ("view", "rview") or {"-R", "-M"} & set(command.argv)):
        return  # read-only mode: opening a file to look at it
    text_editor(command, ctx)


def text_editor(command: Command, ctx: Context) -> None:
    """`nano /etc/passwd`, `emacs /etc/sudoers`: the person edits by hand; only the files that
    decide who may log in or act as root make it more than opening a program."""
    guarded = next((a for a in command.argv if guards_access(ctx.resolve(a))), None)
    if guarded is not None:
        reason = f"edits {guarded} by hand: one slip locks users or root out (use vipw/visudo)"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"opens a program ({command.name})", command)


_EX_CLUSTER = lazy_pattern(r"-[esEnNbRZ]{1,4}c")


def guards_access(value: str) -> bool:
    """The account, sudo, doas and PAM files: who may log in, and who may act as root."""
    path = paths.normalise(value)
    return (
        path in paths.ACCOUNT_FILES
        or path in ("/etc/sudoers", "/etc/doas.conf")
        or path.startswith(("/etc/sudoers.d/", "/etc/pam.d/"))
    )


_EX_LANGUAGES = {"lua": "Lua", "py": "Python", "py3": "Python", "python": "Python"}
_EX_LANGUAGES |= {"python3": "Python", "pyx": "Python", "perl": "Perl", "ruby": "Ruby"}


def _ex_language(script: str, command: Command, ctx: Context) -> None:
    """`:lua os.execute("cmd")`, `:py3 import os; os.remove(...)`: the editor's own
    interpreters run code; what that code does is read like inline code."""
    text = script.strip().lstrip(":").strip()
    word, _, code = text.partition(" ")
    language = _EX_LANGUAGES.get(word)
    if language is None or not code.strip():
        return
    result = inline.inspect(code, language)
    for level, reason in result.findings:
        ctx.add(level, reason, command)
    for path in result.deletes:
        verdict = classify_delete(path, recursive=True)
        ctx.add(verdict.level, f"{language} code {verdict.reason}", command)
    for shell in result.shell:
        ctx.run_code(literal(shell), command)
    if result.shell or not inline.harmless(code, result):
        ctx.add(HIGH, f"the editor runs {language} code that acts on the system", command)


_EX_RANGE = lazy_pattern(r"^(?:%|[.$\d]+(?:,[.$\d]+)?|'<,'>)(?=!)")
# `vim -c 'w !sh' FILE`: the text of the file is the program.
_WRITE_TO = lazy_pattern(r"^:?\s*(?:silent!?\s+)?w(?:rite)?\s*!\s*(?P<program>\S+)\s*$")


def _ex_shell(script: str) -> str | None:
    text = script.strip().lstrip(":").strip()
    for prefix in ("silent!", "silent", "exe", "execute"):
        if text.startswith(prefix):
            text = text[len(prefix) :].strip().strip("\"'")
    text = _EX_RANGE.sub("", text.lstrip(":").strip(), count=1)  # `%!cmd`, `1,$!cmd`: a filter
    if text.startswith("!"):
        return text[1:]
    if text.startswith(("terminal ", "term ", "ter ")):  # `nvim -c 'terminal CMD'`
        return text.split(" ", 1)[1]
    if text.startswith(("r !", "r!", "w !")):  # `:w! file` only forces the write
        return text.split("!", 1)[1]
    if text.startswith(("call system(", "call systemlist(")):
        inner = text.split("(", 1)[1].rstrip(")").strip().strip("\"'")
        return inner
    return None


_BARE_INTERPRETERS = frozenset(
    split_words("sh bash zsh dash ksh ash python python3 perl ruby node php lua")
)
_TAR_CODE = (
    "--checkpoint-action=exec=",
    "--to-command=",
    "--use-compress-program=",
    "--info-script=",
    "--new-volume-script=",
    "--rsh-command=",
)


def tar_code(command: Command, ctx: Context) -> None:
    args = command.args
    for index, word in enumerate(args):
        value = word.value
        code = next((value[len(p) :] for p in _TAR_CODE if value.startswith(p)), None)
        if code is None and value in ("-I", "-F", "--to-command", "--use-compress-program"):
            code = args[index + 1].value if index + 1 < len(args) else None
        if code and value.startswith("--checkpoint-action=exec="):
            ctx.add(HIGH, "tar runs a program at each checkpoint (--checkpoint-action)", command)
            ctx.run_code(literal(code), command)
        elif code and code.strip() in _BARE_INTERPRETERS and value.startswith(("--to", "-I")):
            # `--to-command=sh`: each file of the archive is given to a shell as its program
            ctx.add(HIGH, f"tar gives each file of the archive to {code.strip()} to run", command)
        elif code and not runs_quietly(ctx, code, command):
            ctx.add(MODERATE, "tar runs a program it was given as an option", command)


def ssh_options(command: Command, ctx: Context) -> None:
    args = command.args
    for index, word in enumerate(args):
        value = word.value
        option = ""
        if value == "-o" and index + 1 < len(args):
            option = args[index + 1].value
        elif value.startswith("-o") and len(value) > 2:
            option = value[2:]
        if value == "-F" and index + 1 < len(args):
            _given_config(command, args[index + 1], ctx)
        key, _, code = option.partition("=") if "=" in option else option.partition(" ")
        if key.lower() in ("proxycommand", "localcommand", "knownhostscommand") and code:
            ctx.add(MODERATE, f"ssh runs the program set in {key}", command)
            ctx.run_code(literal(code), command)


_SPAWNED = lazy_pattern(r"(?:^|[;\n{])\s*spawn\s+(?:-\w+\s+)*([^;\n}]+)")


def _given_config(command: Command, config: Word, ctx: Context) -> None:
    """`ssh -F <(echo 'ProxyCommand CODE') host`, `ssh -F /dev/stdin host <<< '...'`: the
    settings written in the line run their commands as a settings file's would."""
    text = ctx.fed_code(config)
    if text is None and config.value in ("-", "/dev/stdin", "/dev/fd/0"):
        bodies = [r.body.value for r in command.redirects if r.op in ("<<", "<<<") and r.body]
        text = bodies[0].replace("\\n", "\n") if bodies else None
    if text is not None:
        ssh_client.client_config("settings given in the line", text, command, ctx)


def make(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = command.args
    files = [words[i + 1] for i, w in enumerate(words[:-1]) if w.value in _MAKEFILE_FLAGS]
    if any(ctx.word_kinds(f) & _FETCHED for f in files):  # `make -f <(curl URL)`
        ctx.add(CRITICAL, "make runs a Makefile downloaded from the internet", command)
        return
    names = [f.value for f in files]
    names += [a.split("=", 1)[1] for a in argv if a.startswith(("--file=", "--makefile="))]
    evals = [a.split("=", 1)[1] for a in argv if a.startswith("--eval=")]
    evals += [text for text in map(ctx.fed_code, files) if text]  # `make -f <(echo 'all: ...')`
    if any(f in ("-", "/dev/stdin", "/proc/self/fd/0", "/dev/fd/0") for f in names):
        text = _makefile_fed(command)
        stdin = command.stdin
        if text is None and stdin is not None and stdin.kinds & _FETCHED:
            ctx.add(CRITICAL, "make runs a Makefile downloaded from the internet", command)
            return
        if text is None:
            ctx.add(HIGH, f"make runs a Makefile read from its input: {_UNKNOWN}", command)
            return
        evals.append(text)
    elif any(a in ("-n", "--dry-run", "--just-print", "--recon", "-q", "--question") for a in argv):
        return
    for text in evals:  # rules written out in the line: their recipes are the code
        for recipe in _recipes(text):
            ctx.run_code(literal(recipe), command)
    if evals:
        ctx.add(MODERATE, "make runs the rules written in the command", command)
    else:
        ctx.add(MODERATE, "builds or runs a project (make)", command)


_MAKEFILE_FLAGS = frozenset(("-f", "--file", "--makefile"))
_FETCHED = frozenset(("download", "decode", "network"))
# `target: prerequisites ; recipe`: a recipe on the rule's own line.
_RULE_LINE = lazy_pattern(r"^[^\t:=#][^:=#]*::?[^;=]*;(?P<recipe>.*)$")


def _makefile_fed(command: Command) -> str | None:
    """The Makefile text make reads from its input, when the line writes it out."""
    body = next((r.body for r in command.redirects if r.op in ("<<", "<<<") and r.body), None)
    if body is not None:
        return None if body.dynamic else body.value
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return "\n".join(word.value for word in stdin.literal)
    return None


def _recipes(text: str) -> list[str]:
    """The recipe lines of a Makefile text (tab-indented, or after `;` on a rule line), with
    make's `@`, `-` and `+` prefixes taken off; `\\n` and `\\t` as printf writes them."""
    found: list[str] = []
    for line in re.split(r"\\n|\n", text[:20_000]):
        rule = _RULE_LINE.match(line)
        if line.startswith(("\t", "\\t")):
            recipe = line.replace("\\t", "", 1)
        elif rule is not None:
            recipe = rule.group("recipe")
        else:
            continue
        recipe = recipe.strip().lstrip("@-+").strip()
        if recipe:
            found.append(_shell_spelling(recipe))
    return found[:32]


_MAKE_VARIABLE = lazy_pattern(r"\$\((\w{1,64})\)")


def _shell_spelling(recipe: str) -> str:
    """make's `$(HOME)` is the environment's HOME (the shell's `${HOME}`); `$$` is one `$`."""
    kept = recipe.replace("$$", "\0")
    return _MAKE_VARIABLE.sub(r"${\1}", kept).replace("\0", "$")


_UNKNOWN = "what it runs is only known when it runs"


def subscript_code(text: str) -> list[str]:
    """Code in array subscripts (`x[$(CODE)]`), which arithmetic evaluation runs."""
    found: list[str] = []
    for match in _SUBSCRIPT_CODE.finditer(text):
        code = match.group("sub") or match.group("tick")
        if code:
            found.append(code)
    return found


def arithmetic_words(command: Command, ctx: Context) -> None:
    """`test -v 'x[$(CODE)]'`, `printf -v 'a[$(CODE)]'`, `read 'a[$(CODE)]'`, `let ...`."""
    for word in command.args:
        for code in subscript_code(word.value):
            ctx.add(HIGH, "runs code hidden in an array subscript", command)
            ctx.run_code(literal(code), command)


def alias(command: Command, ctx: Context) -> None:
    for word in command.args:
        name, sep, value = word.value.partition("=")
        if sep and name and not name.startswith("-"):
            ctx.aliases[name] = value  # rated where it is used
            _trap_alias(name, value, command, ctx)


# Names typed every day: an alias on one of them runs whenever the person types it.
_EVERYDAY = frozenset(
    split_words(
        "ls cd cat cp mv rm sudo su git grep echo clear vim vi nano ssh scp curl wget python "
        "python3 pip pip3 npm node make docker kubectl man less more top ps kill sh bash zsh "
        "exit history pwd mkdir touch find tar apt apt-get brew yum dnf code open ll la l"
    )
)


def _trap_alias(name: str, value: str, command: Command, ctx: Context) -> None:
    """`alias sudo='sudo rm -rf / #'`, `alias ls='curl ... | sh'`: a name typed every day made
    to run something destructive or foreign. What the alias runs is rated where it is used;
    setting such a trap is HIGH by itself."""
    before = len(ctx.findings)
    ctx.run_code(literal(value), command)
    found = ctx.findings[before:]
    del ctx.findings[before:]
    worst = max((f.level for f in found), default=MODERATE)
    if worst >= HIGH and name in _EVERYDAY:
        shown = value.strip()[:60]
        ctx.add(HIGH, f"makes `{name}` run {shown} (an alias that hides what it does)", command)


def option_code(command: Command, ctx: Context) -> None:
    """Options whose value is a command the program runs: `rsync -e`, `git rebase --exec`,
    `git bisect run`, `git submodule foreach`, `parallel`, `gdb -ex '!...'`, `tcpdump -z`,
    `zip -TT`, `man -P`, `sed 'e ...'`."""
    name = command.name
    argv = command.argv
    code: list[str] = []
    takes = CODE_OPTIONS.get(name, ())
    if name == "git" and "rebase" not in argv and "difftool" not in argv:
        takes = tuple(option for option in takes if option != "-x")  # `git clean -fdx`
    if name == "git" and "clone" in argv:
        takes = (*takes, "-u")  # `git clone -u CMD`: the upload-pack program (fetch -u is not)
    for index, value in enumerate(argv):
        for option in takes:
            clustered = len(option) == 2 and value[:1] == "-" and value[1:2] != "-"
            if (value == option or (clustered and value.endswith(option[1]))) and index + 1 < len(
                argv
            ):
                code.append(argv[index + 1])
            elif option.startswith("--") and value.startswith(option + "="):
                code.append(value[len(option) + 1 :])
    if name == "git":
        words = [a for a in argv if not a.startswith("-")]
        if "grep" in words[:1]:  # `git grep --open-files-in-pager=CMD`, `-OCMD`: the pager
            code += [a.split("=", 1)[1] for a in argv if a.startswith("--open-files-in-pager=")]
            code += [a[2:] for a in argv if a.startswith("-O") and len(a) > 2]
        if words[:2] == ["bisect", "run"] or words[:2] == ["submodule", "foreach"]:
            # `bisect run` runs its words as a program (`sh -c 'rm -rf ~'` keeps its quotes);
            # `foreach` hands them to a shell, so `foreach 'rm -rf .'` is shell code
            spelt = [w.raw for w in command.args] if words[0] == "bisect" else argv
            after = spelt[argv.index(words[1]) + 1 :]
            while after and after[0] in ("--recursive", "--quiet", "-q"):
                after = after[1:]  # `git submodule foreach --recursive CMD`: foreach's own options
            code.append(" ".join(after))
    if name == "screen":  # `screen -dmS name CMD ...`: what follows the options runs
        rest = list(command.args)
        while rest and rest[0].value.startswith("-"):
            takes_value = rest[0].value in ("-c", "-Logfile") or rest[0].value.endswith("S")
            rest = rest[2:] if takes_value else rest[1:]
        code = [" ".join(word.raw for word in rest)] if rest else []
    if name == "expect":  # what it spawns, and what it types into a shell it spawned
        scripts = code
        code = [m.group(1) for c in scripts for m in _SPAWNED.finditer(c)]
        code += [line for c in scripts for line in typed_keys.expect_sends(c)]
    if name == "tmux":  # `tmux new -d 'cmd'`: the last word of the subcommand is its command
        code = [argv[-1]] if code and len(argv) > 1 and not argv[-1].startswith("-") else []
    if name in ("less", "more") and any(a.startswith("+!") for a in argv):
        code = [a[2:] for a in argv if a.startswith("+!")]
    if name in ("gdb", "lldb"):
        called = [m.group("code") for c in code for m in _DEBUGGER_CALL.finditer(c)]
        if called and any(a in ("-p", "--pid", "attach") or a.startswith("--pid=") for a in argv):
            ctx.add(HIGH, f"makes a running process run a command ({name})", command)
        shells = ("!", "shell ", "platform shell ")
        code = [
            c.lstrip("!").removeprefix("platform ").removeprefix("shell ")
            for c in code
            if c.startswith(shells)
        ]
        code += [bytes(c, "utf-8").decode("unicode_escape", "replace") for c in called]
    if name == "dc":  # `!` runs the rest of the line as a shell command
        code = [line.split("!", 1)[1] for c in code for line in c.splitlines() if "!" in line]
    if name in ("ipython", "ipython3"):  # `!cmd` lines are shell; the rest is Python
        lines = [line.strip() for c in code for line in re.split(r"[;\n]", c)]
        code = [line[1:] for line in lines if line.startswith("!")]
    if name in ("sed", "gsed"):
        code = _sed_code(command, ctx)
    for text in code:
        if text.strip() and not runs_quietly(ctx, text, command):
            ctx.add(MODERATE, f"{name} runs a command given as an option", command)


CODE_OPTIONS: dict[str, tuple[str, ...]] = {
    "rsync": ("-e", "--rsh", "--rsync-path"),
    "git": (
        "--exec",
        "-x",
        "--upload-pack",
        "--receive-pack",
        "--sendmail-cmd",
        "--extcmd",
        "--open-files-in-pager",
    ),
    "gdb": ("-ex", "--eval-command", "-iex"),
    "lldb": ("-o", "--one-line"),
    "tcpdump": ("-z",),
    "npx": ("-c", "--call"),
    "dc": ("-e", "--expression"),
    "ipython": ("-c",),
    "ipython3": ("-c",),
    "zip": ("-TT", "--unzip-command"),
    "man": ("-P", "--pager"),
    "script": ("-c", "--command"),
    "flock": ("-c", "--command"),
    "expect": ("-c",),
    "tmux": ("new", "new-session", "new-window", "neww", "split-window", "run-shell", "run"),
    "sed": (),
    "gsed": (),
    "less": (),
    "more": (),
    "screen": (),
}
# `call (int)system("cmd")`, `print popen("cmd", "r")`: the debugged process runs cmd.
_DEBUGGER_CALL = lazy_pattern(
    r"\b(?:system|popen|execl|execlp|posix_spawnp?)\s*\(\s*\"(?P<code>(?:[^\"\\]|\\.)*)\""
)
_SED_EXEC = lazy_pattern(r"(?:^|[;{}\s\d/$])e\s+([^;}\n]+)")
_SED_EXEC_LINE = lazy_pattern(r"(?:^|[;{}\s\d/$])e\s*(?:$|[;}])")
# `s/X/CODE/e`: after the substitution the line is run as a command.
_SED_SUBSTITUTE_EXEC = lazy_pattern(
    r"(?:^|[;{}\s\d/$])s(?P<d>[^\\\s\w])(?:(?!(?P=d))[^\\]|\\.)*(?P=d)"
    r"(?P<code>(?:(?!(?P=d))[^\\]|\\.)*)(?P=d)[gpIiMm0-9]*e"
)


def _sed_files(command: Command, ctx: Context) -> list[str]:
    """`sed -f - FILE` fed `echo '1e CMD'`, `sed -f <(echo '1e CMD')`: the script's text."""
    texts: list[str] = []
    args = command.args
    for index, word in enumerate(args[:-1]):
        if word.value not in ("-f", "--file"):
            continue
        source = args[index + 1]
        text = ctx.fed_code(source)
        stdin = command.stdin
        if text is None and source.value in ("-", "/dev/stdin") and stdin and stdin.literal:
            text = "\n".join(w.value for w in stdin.literal)
        texts.extend(text.splitlines() if text else [])
    return texts


def _sed_code(command: Command, ctx: Context) -> list[str]:
    """The commands a sed script runs: `e CMD`, the text `s/X/CMD/e` puts in the line, and
    the input lines themselves for a bare `e` (when the input is written out)."""
    scripts = [word for word in command.argv if not word.startswith("-")]
    scripts += [w.split("=", 1)[1] for w in command.argv if w.startswith("--expr") and "=" in w]
    scripts += _sed_files(command, ctx)
    code = [m.group(1) for a in scripts for m in _SED_EXEC.finditer(a)]
    code += [m.group("code") for a in scripts for m in _SED_SUBSTITUTE_EXEC.finditer(a)]
    stdin = command.stdin
    fed = stdin.literal if stdin is not None else None
    if fed and any(_SED_EXEC_LINE.search(a) for a in scripts[:1]):
        code.append(" ".join(word.value for word in fed))
    return code


RULES: dict[str, Rule] = {
    "alias": alias,
    "trap": trap,
    **dict.fromkeys(split_words("vim vi nvim ex view gvim rvim vimdiff"), editor),
    **dict.fromkeys(split_words("nano pico micro joe mcedit gedit kate"), text_editor),
    "make": make,
    "gmake": make,
    **dict.fromkeys(ARITHMETIC_COMMANDS, arithmetic_words),
}
