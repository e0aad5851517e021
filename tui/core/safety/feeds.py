"""What feeds a command: the stdin a pipeline stage gets, and literal outputs and texts.

`stdin_for` describes what earlier stages produce (kinds, a literal text, find's paths, ls's
listing, the files they read); `literal_output` is what `$(echo rm)` or `$(which rm)` prints;
`written_text` what `echo TEXT > f` writes; `trusted_setup` the `eval "$(tool init)"` idiom.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tree_sitter import Node

from tui.core.safety import transforms
from tui.core.safety.fanout import find_parts, match_marker
from tui.core.safety.installed import listed_names, lists_installed
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command, Stdin, build_command
from tui.core.safety.rules.code import literal_text, printed_text
from tui.core.safety.rules.network import command_kinds, heredoc_body
from tui.core.safety.words import SUBSTITUTED, Word, evaluate, node_text

# Programs whose output is shell set-up meant for `eval "$(...)"`.
_SETUP_TOOLS = frozenset(
    "ssh-agent dircolors direnv pyenv rbenv nodenv goenv jenv zoxide starship brew minikube "
    "opam conda mise rtx fnm thefuck gpg-agent keychain luarocks register-python-argcomplete "
    "atuin mcfly kubectl helm gh rustup pip pip3 docker-machine fzf oh-my-posh pixi uv "
    "poetry just npm deno".split()
)


def trusted_setup(node: Node) -> bool:
    """`$(ssh-agent -s)`, `$(pyenv init -)`: a single set-up tool, no pipes or other code."""
    named = [child for child in node.children if child.is_named]
    if len(named) != 1 or named[0].type != "command":
        return False
    name = command_name(named[0]).rsplit("/", 1)[-1]
    return name in _SETUP_TOOLS and "$(" not in node_text(named[0])


# `$(ls -A)`, `$(ls)`: with no folder named, what is in the current one.
_LS = lazy_pattern(r"^(?:\$\(|`)\s*ls((?:\s+-[\w-]+)*)(?:\s+([^\s$`()|;&]+))?\s*(?:\)|`)$")


def ls_listing(raw: str) -> tuple[str, bool] | None:
    """What `$(ls ...)` prints: (`/home`, False) for `$(ls /home)`, the names in it; (`/home/*`,
    True) for `$(ls -d /home/*)`, whole paths."""
    match = _LS.match(raw.strip())
    if match is None:
        return None
    flags, target = match.group(1), match.group(2) or "."
    return target, "d" in flags or any(c in target for c in "*?[")


def literal_output(node: Node) -> str | None:
    """What `$(echo rm)`, `$(printf rm)`, `$(which rm)`, `$(command -v rm)` print; else None."""
    return _printed_inside(node) if node.type == "command_substitution" else None


def fed_text(node: Node) -> str | None:
    """What the program reading `<(echo CODE)` gets, when that is written out; else None."""
    if node.type != "process_substitution" or not node_text(node).startswith("<("):
        return None
    return _printed_inside(node)


def _printed_inside(node: Node) -> str | None:
    named = [child for child in node.children if child.is_named]
    if len(named) != 1:
        return None
    inner = [c for c in named[0].children if c.is_named]
    if named[0].type == "pipeline":
        return _filtered_pipeline([c for c in named[0].children if c.is_named])
    if named[0].type == "redirected_statement" and inner and inner[0].type == "command":
        command = build_command(inner[0], named[0])  # `$(tr 'a-z' 'b-za' <<< 'ql')`
    elif named[0].type == "command":
        command = build_command(named[0])
    else:
        return None
    args = command.argv
    if any(word.dynamic for word in command.words):
        return None
    printed = printed_text(command)
    if printed is not None:
        return printed
    located = _program_located(command.name, args)
    if located is not None:
        return located
    filtered = _filtered_constant(command)
    if filtered is not None:
        return filtered
    if command.name == "command" and len(args) == 2 and args[0] in ("-v", "-V"):
        return args[1]
    if command.name == "brew" and args in (["--prefix"], ["--cellar"]):
        return _BREW_PLACES[args[0]]  # where Homebrew lives (on Apple silicon)
    return _path_part(command.name, args)


_BREW_PLACES = {"--prefix": "/opt/homebrew", "--cellar": "/opt/homebrew/Cellar"}


def _program_located(name: str, args: list[str]) -> str | None:
    """`$(which rm)`, `$(type -P rm)`, `$(whereis -b rm)`: the program is the one named."""
    operands = [arg for arg in args if not arg.startswith("-")]
    flags = set(args) - set(operands)
    if name not in ("which", "type", "whereis") or len(operands) != 1:
        return None
    return operands[0] if flags <= {"-p", "-P", "-a", "-b"} else None


def _path_part(name: str, args: list[str]) -> str | None:
    """`$(dirname ~/x)` is `~`, `$(basename /a/b)` is `b`, `$(realpath ~)` is `~`: the path
    helpers given one constant path print a part of it."""
    operands = [a for a in args if not a.startswith("-")]
    if len(operands) != 1 or len(args) != 1:
        return None
    path = operands[0]
    if name == "dirname":
        head = path.rstrip("/").rpartition("/")[0]
        return head or ("/" if path.startswith("/") else ".")
    if name == "basename":
        return path.rstrip("/").rpartition("/")[2] or "/"
    if name == "realpath" and path.startswith(("/", "~")):
        return path
    return None


def find_output(node: Node) -> tuple[str, bool] | None:
    """What `$(find START ...)` prints, as (what it selects, whether tests narrow it): the
    start, or `START/{pattern}` for a filtered find; None for anything else."""
    named = [child for child in node.children if child.is_named]
    if node.type != "command_substitution" or len(named) != 1 or named[0].type != "command":
        return None
    command = build_command(named[0])
    if command.name != "find" or any(w.dynamic for w in command.words):
        return None
    parts = find_parts(command.args)
    if len(parts.starts) != 1 or parts.execs or parts.delete:
        return None
    start = parts.starts[0]
    return (match_marker(start, parts.selects), True) if parts.filtered else (start, False)


def _filtered_constant(command: Command) -> str | None:
    """`tr 'a-z' 'b-za' <<< 'ql'`, `rev <<< 'mr'`: a filter of a constant here-string."""
    body = heredoc_body(command)
    if body is None or body.dynamic:
        return None
    args = command.argv
    if command.name == "cat" and not args:  # `$(cat <<'EOF' ... EOF)`: the text itself
        return body.value
    return transforms.filtered(command.name, args, body.value)


def _filtered_pipeline(stages: list[Node]) -> str | None:
    """`$(echo Lw== | base64 -d)`, `$(printf mr | rev)`: a constant put through filters."""
    if not 2 <= len(stages) <= 4 or any(stage.type != "command" for stage in stages):
        return None
    commands = [build_command(stage) for stage in stages]
    if any(word.dynamic for command in commands for word in command.words):
        return None
    text = printed_text(commands[0])
    for command in commands[1:]:
        if text is None:
            return None
        text = transforms.filtered(command.name, command.argv, text)
    return text


def written_text(command: Command) -> str | None:
    """What `echo TEXT > f`, `printf TEXT > f` or `cat <<EOF > f` writes, when it is literal."""
    if command.name in ("echo", "printf") and not any(w.dynamic for w in command.words):
        return literal_text(command)[0]
    if command.name == "cat" and not command.args:
        body = heredoc_body(command)
        return body.value if body is not None and not body.dynamic else None
    return None


def stdin_for(
    kinds: set[str],
    producers: list[str],
    previous: list[Command],
    reads: list[str],
    first: Sequence[Command] = (),
    picked: bool = False,
    chain: Sequence[Command] = (),
) -> Stdin:
    literal: tuple[Word, ...] | None = None
    find_paths: tuple[str, ...] = ()
    listing: tuple[str, ...] = ()
    filtered = False
    texts = [text for text in (_printed(c) for c in previous) if text is not None]
    filtered_text = _through_filters(list(chain))
    if texts and all(_prints_or_passes(c) for c in previous):
        literal = tuple(Word(value=text, raw=text) for text in texts)
    elif filtered_text is not None:  # `echo 'RM -RF ~' | tr A-Z a-z | sh`: worked out
        literal = (Word(value=filtered_text, raw=filtered_text),)
    elif len(previous) == 1 and command_kinds(previous[0]) == {"literal"}:
        body = heredoc_body(previous[0])
        literal = (body,) if body is not None else None
    elif len(previous) == 1 and previous[0].name == "find":
        parts = find_parts(previous[0].args)
        find_paths, filtered = parts.starts, parts.filtered
        if filtered:  # `find / -name '*.conf' | xargs rm`: what the tests select, under each
            find_paths = tuple(match_marker(start, parts.selects) for start in parts.starts)
    elif len(previous) == 1 and previous[0].name == "rg" and "--files" in previous[0].argv:
        find_paths, filtered = _rg_files(previous[0])  # `rg --files ~`: every file under ~
    elif len(previous) == 1 and previous[0].name in _LOCATORS:
        patterns = [w.value for w in previous[0].args if not w.value.startswith("-")]
        find_paths = tuple(match_marker("/", _located(p)) for p in patterns[:4]) or ("/",)
        filtered = bool(patterns)
    elif len(previous) == 1 and previous[0].name in ("ls", "dir"):
        listing = _listing(previous[0])
    return Stdin(
        kinds=frozenset(kinds),
        literal=literal,
        find_paths=find_paths,
        find_filtered=filtered,
        listing=listing,
        producers=tuple(producers[-3:]),
        reads=tuple(reads[:64]),
        installed=not picked and _lists_everything(first),
        listed=() if picked or len(first) != 1 else listed_names(_joined(first[0])),
    )


def _through_filters(previous: list[Command]) -> str | None:
    """What a constant prints after the text tools it goes through (`echo X | sed … | tr …`)."""
    if not 2 <= len(previous) <= 5 or any(w.dynamic for c in previous for w in c.words):
        return None
    text = _printed(previous[0])
    for command in previous[1:]:
        if text is None:
            return None
        text = transforms.filtered(command.name, command.argv, text)
    return text


def _lists_everything(first: Sequence[Command]) -> bool:
    """The first stage lists every installed package (no later stage picked some lines)."""
    if len(first) != 1:
        return False
    return lists_installed(_joined(first[0]))


def _joined(command: Command) -> str:
    return " ".join((command.name, *command.argv))


def _printed(command: Command) -> str | None:
    """What a command prints, with `$(echo X)`-like substitutions in it filled in."""
    text = printed_text(command) or _fed_through_cat(command)
    if text is None or SUBSTITUTED not in text:
        return text
    for node in (n for word in command.args for n in word.substitutions):
        output = literal_output(node)
        if output is None:
            return text
        text = text.replace(SUBSTITUTED, output.strip(), 1)
    return text


def _listing(command: Command) -> tuple[str, ...]:
    """What `ls DIR` prints, as paths: everything in DIR (`DIR/*`), or the names it was given."""
    operands = [w.path for w in command.args if not w.value.startswith("-")]
    if not operands:
        return ("*",)
    return tuple(p if any(c in p for c in "*?[") else p.rstrip("/") + "/*" for p in operands)


# ripgrep's options that narrow `rg --files` (to a glob or a file type), each with a value.
_RG_NARROWING = frozenset(("-g", "--glob", "--iglob", "-t", "--type", "-T", "--type-not"))


def _rg_files(command: Command) -> tuple[tuple[str, ...], bool]:
    """The folders `rg --files DIR...` lists, and whether a glob or type narrows them."""
    folders: list[str] = []
    globs: list[str] = []
    narrowed = False
    args = [word.value for word in command.args]
    for index, value in enumerate(args):
        option, _, attached = value.partition("=")
        if option in _RG_NARROWING:
            narrowed = True
            given = attached or (args[index + 1] if index + 1 < len(args) else "")
            globs += [given] if option in ("-g", "--glob", "--iglob") else []
        elif not value.startswith("-") and not (index and args[index - 1] in _RG_NARROWING):
            folders.append(command.args[index].path)
    starts = tuple(folders or ["."])
    if not narrowed:
        return starts, False
    selects = globs[0] if len(globs) == 1 else ""  # `-g '*.pyc'`: the files of that kind
    return tuple(match_marker(start, selects) for start in starts), True


# `locate PATTERN` prints every file on the machine whose path matches: `find / -name`.
_LOCATORS = frozenset(("locate", "plocate", "mlocate", "slocate"))


def _located(pattern: str) -> str:
    """`*.conf` stays as is; a bare word matches anywhere in the path (`*WORD*`)."""
    return pattern if any(c in pattern for c in "*?[") else f"*{pattern}*"


def command_name(node: Node) -> str:
    name = node.child_by_field_name("name")
    return evaluate(name).value if name is not None else ""


def line_value(previous: list[Command]) -> str:
    """What each line a loop reads from `previous` names: a file a find selects, or input
    nobody has seen (`${input}`: `ls DIR` prints bare names, seen from the current folder)."""
    if len(previous) == 1 and previous[0].name == "find":
        parts = find_parts(previous[0].args)
        start = parts.starts[0]
        if parts.filtered:
            return match_marker(start, parts.selects)
        # every file below the start comes in turn (`find . -type f | while read f`)
        return start.rstrip("/") + "/*" if start.startswith(("/", "~", ".")) else start
    if len(previous) == 1 and previous[0].name == "ls":
        return _ls_line(previous[0]) or "${input}"
    return "${input}"


def _ls_line(command: Command) -> str | None:
    """What each line of `ls DIR` names: a bare name from the folder (`*`: `$HOME/$f` is then
    `~/*`); with -d or a pattern, `ls` prints whole paths (`ls -d ~/*`: `~/*`)."""
    operands = [w.path for w in command.args if not w.value.startswith("-")]
    if len(operands) > 1:
        return None
    if _lists_one_folder(command) and not _lists_itself(command):
        return "*"
    return operands[0] if operands else None


def _lists_itself(command: Command) -> bool:
    """`ls -d DIR`: the folder's own path, not what is in it."""
    return any(
        w.value == "--directory" or re.fullmatch(r"-[a-zA-Z1]*d[a-zA-Z1]*", w.value) is not None
        for w in command.args
    )


def _lists_one_folder(command: Command) -> bool:
    """`ls DIR` or a bare `ls` (the current folder): one folder's bare names."""
    operands = [w.value for w in command.args if not w.value.startswith("-")]
    if not operands:
        return not any(w.value.startswith("-") and "d" in w.value for w in command.args)
    return len(operands) == 1 and not any(c in operands[0] for c in "*?[")


def _prints_or_passes(command: Command) -> bool:
    """echo/printf, `crontab -l`, or a bare `cat` (`{ cat; echo LINE; }` adds LINE to its input)."""
    return (
        command.name in ("echo", "printf", "crontab", "tee")
        or (command.name == "cat" and not command.args)
        or printed_text(command) is not None
        or _fed_through_cat(command) is not None
    )


def _fed_through_cat(command: Command) -> str | None:
    """`cat <(echo TEXT)`: what the process substitutions print, when all of them are known."""
    if command.name != "cat" or not command.args:
        return None
    texts = [
        fed_text(w.substitutions[0]) if len(w.substitutions) == 1 else None for w in command.args
    ]
    return "\n".join(text for text in texts if text is not None) if None not in texts else None
