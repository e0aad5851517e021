"""Commands that run another command once per input: `xargs CMD` and `find ... -exec CMD`.

What they feed the inner command is filled in where it is known: `echo / | xargs rm -rf` runs
`rm -rf /`; `find / -exec rm {} \\;` runs `rm` on everything under `/` (an unfiltered find makes
the inner command as good as recursive); a find narrowed by tests such as `-name` feeds
`START/{}`, a match somewhere under START.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace

from tui.core.safety.argv import skip_options
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.words import Word, literal, split_words

FIND_FILTERS = frozenset(
    split_words(
        "-name -iname -path -ipath -wholename -iwholename -regex -iregex -newer -mtime -mmin "
        "-atime -amin -ctime -cmin -size -user -group -perm -empty -inum -links -uid -gid -nouser "
        "-nogroup -samefile -lname -ilname -used -anewer -cnewer -newermt"
    )
)
FIND_EXEC = frozenset({"-exec", "-execdir", "-ok", "-okdir"})


@dataclass(frozen=True)
class FindParts:
    starts: tuple[str, ...]
    filtered: bool
    delete: bool
    execs: tuple[tuple[Word, ...], ...]
    # What the tests select, for the rules: a name pattern (`*.conf`), `~recent` for files
    # changed lately, `~old` for files not changed for a while, `~owner` for the files of an
    # account, `~some` for files picked by size, or "" (see `match_marker`). A name pattern
    # narrowed by age as well ends in `~old` (`*.log~old`): only old files of that name.
    selects: str = ""


def xargs_commands(command: Command) -> tuple[Command, ...]:
    args = command.args
    takes = frozenset(
        split_words(
            "-I -n -P -L -l -d -E -e -s -a --max-args --max-procs --max-lines --delimiter --eof "
            "--max-chars --arg-file --replace --process-slot-var"
        )
    )
    replace_str = _xargs_replace(args)
    start = skip_options(args, takes)
    inner = args[start:] or (literal("echo"),)
    items = stdin_items(command)
    implied = _stdin_unfiltered_find(command)
    if implied and replace_str and _shell_code(inner):
        # `find . -type f | xargs -I % sh -c 'rm %'`: in the code, % is each file found
        items = [_every_file(item) for item in items]
    if replace_str:
        listed = command.stdin is not None and bool(command.stdin.listing)
        words = tuple(
            _substitute(
                word, replace_str, _bare(items) if listed and word.value != replace_str else items
            )
            for word in inner
        )
    else:
        words = (*inner, *(literal(item) for item in items))
    return (command.wrapped(words, "xargs", implied_recursive=implied),)


def _shell_code(words: tuple[Word, ...]) -> bool:
    """`sh -c CODE`, `bash -ec CODE`: the command is a shell given code."""
    flags = [w.value for w in words[1:3]]
    return any(f.startswith("-") and not f.startswith("--") and "c" in f[1:] for f in flags)


def _every_file(item: str) -> str:
    if item.startswith(("/", "~", ".")) and not item.endswith(("*", "}")):
        return item.rstrip("/") + "/*"
    return item


def _xargs_replace(args: tuple[Word, ...]) -> str:
    for index, word in enumerate(args):
        value = word.value
        if value == "-I" and index + 1 < len(args):
            return args[index + 1].value
        if value.startswith("--replace"):
            return value.partition("=")[2] or "{}"
        if value.startswith("-I") and len(value) > 2:
            return value[2:]
        if value.startswith("-i"):
            return value[2:] or "{}"
        if not value.startswith("-"):
            break
    return ""


def stdin_items(command: Command) -> list[str]:
    """What a command reading arguments from stdin (xargs) will get, as far as it is known."""
    stdin = command.stdin
    fed = [r.body.value for r in command.redirects if r.op in ("<<<", "<<") and r.body]
    if stdin is None and fed and not any(r.body and r.body.dynamic for r in command.redirects):
        return [item for text in fed for item in text.split()] or ["${input}"]  # `<<< '/a /b'`
    if stdin is None:
        return ["${input}"]
    if stdin.literal is not None and _nul_separated(command):
        # `echo 'rm -rf ~' | xargs -0 sh -c`: the whole text is one argument
        # `printf '%s\0' /etc /usr | xargs -0 rm -rf`: each NUL-ended item is one argument
        items = [item for word in stdin.literal for item in word.value.split("\0") if item.strip()]
        if any("\0" in word.value for word in stdin.literal):
            return items or ["${input}"]
        return [" ".join(items)] if items else ["${input}"]
    if stdin.literal is not None:
        items = [item for word in stdin.literal for item in word.value.replace("\0", " ").split()]
        return items or ["${input}"]
    if stdin.listing:
        return list(stdin.listing)
    if stdin.find_paths:
        return list(stdin.find_paths)  # the start paths, or `START/{selects}` when filtered
    return ["${input}"]


def _nul_separated(command: Command) -> bool:
    return command.name == "xargs" and any(w.value in ("-0", "--null") for w in command.args)


def _bare(items: list[str]) -> list[str]:
    """`ls DIR` prints bare names: `xargs -I{} rm ~/{}` gets `~/NAME`, not `~/DIR/NAME`."""
    return [posixpath.basename(item.rstrip("/")) or item for item in items]


def _stdin_unfiltered_find(command: Command) -> bool:
    stdin = command.stdin
    return bool(stdin and stdin.find_paths and not stdin.find_filtered)


def _substitute(word: Word, marker: str, items: list[str]) -> Word:
    """`rm {}` gets the items; in code a shell reads again (`sh -c 'shred "{}"'`), an item in
    double quotes spells the home `$HOME`: the paths xargs passes are already expanded."""
    if marker not in word.value:
        return word
    plain = " ".join(items)
    quoted = " ".join("$HOME" + item[1:] if item[:2] in ("~", "~/") else item for item in items)
    pattern = re.compile(f'"?{re.escape(marker)}')
    value = pattern.sub(lambda m: f'"{quoted}' if m.group(0)[0] == '"' else plain, word.value)
    return replace(word, value=value)


_NAMES = frozenset(("-name", "-iname", "-path", "-ipath", "-wholename", "-regex", "-iregex"))


def find_parts(args: tuple[Word, ...]) -> FindParts:
    """Start paths, whether tests narrow the match, -delete, and the -exec command lines."""
    index = 0
    while index < len(args) and args[index].value in ("-H", "-L", "-P", "-O1", "-O2", "-O3"):
        index += 1
    starts: list[str] = []
    while index < len(args) and not args[index].value.startswith(("-", "(", "!", "\\(")):
        starts.append(args[index].value)
        index += 1
    filtered = False
    delete = False
    selects = ""
    aged = False
    early = False
    execs: list[tuple[Word, ...]] = []
    depth = 0
    while index < len(args):
        value = args[index].value
        if value in ("(", "\\("):
            depth += 1
        elif value in (")", "\\)"):
            depth -= 1
        if value in ("-o", "-or") and depth == 0 and not (delete or execs):
            # `-name a -o -name b -delete`: the action binds to the last alternative only
            filtered, selects, aged = False, "", False
        negated = index > 0 and args[index - 1].value in ("!", "-not") and value in _NAMES
        if value in FIND_FILTERS and not negated:  # `! -name x`: all but x still matches
            nxt = args[index + 1].value if index + 1 < len(args) else ""
            every = _MATCHES_ALL.fullmatch(nxt) or (value in _REGEXES and _REGEX_ALL.fullmatch(nxt))
            filtered = filtered or not (value in _NAMES and every)
            selects = _narrower(selects, _selects(value, nxt))
            aged = aged or _selects(value, nxt) == "~old"
        elif value == "-delete":
            # `find / -delete -name x`: -delete acts before the tests that follow it
            delete = True
            early = early or index == _first_test(args)
        elif value in FIND_EXEC:
            end = index + 1
            while end < len(args) and args[end].value not in (";", "+"):
                end += 1
            execs.append(args[index + 1 : end])
            index = end
        index += 1
    if early:
        filtered, selects = False, ""
    if aged and selects and not selects.startswith("~"):
        selects += "~old"
    return FindParts(tuple(starts or ["."]), filtered, delete, tuple(execs), selects)


# Name patterns with no literal letter: `*`, `*.*`, `[a-z]*`, `?*` match (nearly) every file.
_MATCHES_ALL = lazy_pattern(r"(\[[^\]]*\]|[*?]|\*\.\*)+")
# Regular expressions every path matches: `.*`, `^.*$`, `.+`.
_REGEXES = frozenset(("-regex", "-iregex"))
_REGEX_ALL = lazy_pattern(r"\^?(\.\*|\.\+)+\$?")
_SAFE_PATTERN = lazy_pattern(r"^[\w.*?~+\-\[\]]+$")


def _selects(test: str, value: str) -> str:
    if test in ("-name", "-iname") and _SAFE_PATTERN.match(value):
        return value
    recent = test in ("-newer", "-anewer", "-cnewer", "-newermt") or (
        test in ("-mtime", "-mmin", "-ctime", "-cmin") and value.startswith("-")
    )
    if recent:
        return "~recent"
    if test in ("-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin") and value[:1] == "+":
        return "~old"  # routine in a cache or a backup folder, not across a home
    if test in _OWNER:
        return "~owner"
    return "~some" if test in _WHO_OR_SIZE else ""  # empty files and the like: routine


def _narrower(current: str, new: str) -> str:
    """The first test's selection, unless it picks by owner or size and a name follows
    (`-user bob -name '*.orig'`: only the .orig files of bob)."""
    if current in ("~owner", "~some") and new and not new.startswith("~"):
        return new
    return current or new


_OWNER = frozenset(split_words("-user -group -uid -gid -nouser -nogroup"))
_WHO_OR_SIZE = frozenset(split_words("-size -perm -links -inum")) | _OWNER


def _first_test(args: tuple[Word, ...]) -> int:
    """Where the first test or action of a find stands (after its start paths and options)."""
    for index, word in enumerate(args):
        value = word.value
        if value in FIND_FILTERS or value == "-delete" or value in FIND_EXEC:
            return index
    return len(args)


def match_marker(start: str, selects: str) -> str:
    """`START/{}` (or `START/{*.conf}`, `START/{~recent}`): some file under START that the
    tests select, as the rules see it (paths.is_find_match)."""
    return f"{start.rstrip('/')}/{{{selects}}}"


# fd's options that take a value (the rest are flags).
_FD_VALUES = frozenset(
    split_words(
        "-t --type -e --extension -d --max-depth --min-depth --exact-depth -E --exclude -S "
        "--size --changed-within --changed-before --change-newer-than --change-older-than -j "
        "--threads -o --owner --search-path --base-directory --ignore-file -c --color --format "
        "--max-results --path-separator --batch-size"
    )
)
_FD_EXEC = frozenset(("-x", "--exec", "-X", "--exec-batch"))


def fd_commands(command: Command) -> tuple[Command, ...]:
    """`fd [PATTERN] [PATH...] -x CMD`: CMD runs on each match (the match is `{}` or added
    last); a pattern of `.` (or none) with no filter matches everything under PATH."""
    args = command.args
    positionals: list[str] = []
    filters: list[str] = []
    index = 0
    while index < len(args) and args[index].value not in _FD_EXEC:
        value = args[index].value
        if value in _FD_VALUES and index + 1 < len(args):
            if value in ("-e", "--extension"):
                filters.append(f"*.{args[index + 1].value}")
            elif value not in ("-t", "--type", "-d", "--max-depth", "-j", "--threads"):
                filters.append("~some")
            index += 2
            continue
        if not value.startswith("-"):
            positionals.append(value)
        index += 1
    exec_words = args[index + 1 :]
    if not exec_words:
        return ()
    pattern, starts = (positionals[0], positionals[1:]) if positionals else ("", [])
    starts = starts or ["."]
    pattern = _literal_regex(pattern)
    if pattern not in ("", ".", "^", ".*", "*"):
        filters.append(pattern if _SAFE_PATTERN.match(pattern) else "")
    targets = [match_marker(start, filters[0]) for start in starts] if filters else list(starts)
    if any("{}" in word.value for word in exec_words):
        words = tuple(_substitute(word, "{}", targets) for word in exec_words)
    else:
        words = (*exec_words, *(literal(target) for target in targets))
    return (command.wrapped(words, "fd", implied_recursive=not filters),)


# An anchored regular expression that spells one name: `^\.git$`, `^node_modules$`.
_ANCHORED_NAME = lazy_pattern(r"\^((?:[\w-]|\\\.)+)\$")


def _literal_regex(pattern: str) -> str:
    """fd's `^\\.git$` selects exactly the name `.git`, as find's `-name .git` would."""
    match = _ANCHORED_NAME.fullmatch(pattern)
    return match.group(1).replace("\\.", ".") if match else pattern


def find_commands(command: Command) -> tuple[Command, ...]:
    parts = find_parts(command.args)
    if parts.filtered:
        targets = [match_marker(start, parts.selects) for start in parts.starts]
    else:
        targets = list(parts.starts)
    implied = not parts.filtered
    commands: list[Command] = []
    if parts.delete:
        words = (
            literal("rm"),
            *(literal("-r") for _ in range(int(implied))),
            *map(literal, targets),
        )
        commands.append(command.wrapped(words, "find"))
    for exec_words in parts.execs:
        if not exec_words:
            continue
        words = tuple(
            part
            for word in exec_words
            # `{}` alone stands for each path in turn: one word per start (`find A B -exec`)
            for part in (
                [replace(word, value=t) for t in targets]
                if word.value == "{}" and len(targets) > 1
                else [_substitute(word, "{}", targets)]
            )
        )
        commands.append(command.wrapped(words, "find", implied_recursive=implied))
    return tuple(commands)
