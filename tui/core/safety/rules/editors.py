"""Files edited in place with nobody at the keyboard: `perl -i`, `ruby -i`, `awk -i inplace`,
scripted ex/vim (`-c CMD`, `+CMD`) and ed fed a script.

Each file such a command edits is rated as a write to it (the rule for `sed -i` does the same):
an edit of /etc/passwd replaces the system's accounts whatever the script. A script that
deletes every line (`%d`, `,d`, `s/.*//`, `$_=""`) empties the file.
"""

from __future__ import annotations

import itertools
import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE
from tui.core.safety.targets import classify_empty, classify_write
from tui.core.safety.words import Word, split_words

# Scripts that leave no line: vi/ex/ed ranges with `d`, Perl/Ruby blanking every line.
_WIPES = lazy_pattern(
    r"(^|[|\n;])\s*(?:(?:argdo|bufdo|windo|tabdo)!?\s+)?(%|1\s*,\s*\$|,)\s*d\b|"
    r"\b(?:argdo|bufdo)!?\s+(?:normal|norm)!?\s+ggdG\b|^\s*s(.)\^?\.\*\$?\3\3g?\s*$|\$_\s*=\s*(\"\"|'')"
)
_BUFFERED = frozenset(split_words("vim nvim vi ex view gvim ed red"))
_EACH_FILE = lazy_pattern(r"\b(?:argdo|bufdo|windo|tabdo)\b")
# ex/vim/ed commands that write the buffer back to its file.
_WRITES = lazy_pattern(r"(^|[|\s;:])(w|wq|x|xit|wa|wqa|xa|up|update|exit)!?($|[|\s;])")
# A script line that only adds a line (`$a|TEXT`, `normal GoTEXT`, `put ='TEXT'`) or saves and
# quits: the file keeps what it had, and editor_inserts rates what is added.
_ADDS_OR_SAVES = lazy_pattern(
    r"^\s*(?:[\d.$]*\s*(?:a|i|append|insert)!?\s*\|.*|norm(?:al)?!?\s+[gG\d]*[oO].*"
    r"|put!?\s*=.*|call\s+append\(.*|(?:w|wq|x|xit|wa|wqa|xa|up|update|exit|q|qa)!?)\s*$"
)


def edited(command: Command, ctx: Context, files: list[str], script: str, tool: str) -> None:
    """Rates each file `tool` edits in place with `script`."""
    wipes = bool(_WIPES.search(script))
    # vim's `-c '%d' -c wq a b` edits only a; `argdo`/`bufdo` repeat the script in each file
    each = command.name not in _BUFFERED or _EACH_FILE.search(script) is not None
    whole_trees(command, ctx, files, tool)
    for value in files:
        target = name_pattern(ctx.resolve(value))
        verdict = (classify_empty(target) if wipes else None) or classify_write(
            target, append=_only_adds(script)
        )
        if verdict is not None and verdict.level >= HIGH:
            reason = verdict.reason.replace("overwrites", "edits", 1).replace("empties", "edits", 1)
            ctx.add(verdict.level, f"{reason} ({tool})", command)
        elif wipes and each and (len(files) > 1 or any(c in value for c in "*?[")):
            reason = f"deletes every line of every file matching {value} ({tool}): all are lost"
            ctx.add(HIGH, reason, command)
        elif wipes:
            ctx.add(MODERATE, f"deletes every line of {value} ({tool})", command)


def _only_adds(script: str) -> bool:
    return all(_ADDS_OR_SAVES.match(line) for line in script.splitlines())


# `$(find /etc /usr -type f)`, `$(sudo find / -name '*.conf')`: the start folders of the find.
_FIND_STARTS = lazy_pattern(r"^\$\(\s*(?:sudo\s+)?find\s+((?:[^\s()!\\-][^\s()]*\s*)+)")


def whole_trees(command: Command, ctx: Context, files: list[str], tool: str) -> None:
    """`sed -i S $(find /etc -type f)`, `find /usr -exec perl -pi -e S {} +`: every file of a
    system tree edited in place; one substitution that matches too much breaks the system."""
    starts = [_tree_of(value) for value in files] if command.implied_recursive else []
    for word in command.args:
        match = _FIND_STARTS.match(word.raw) if word.substitutions else None
        starts += match.group(1).split() if match else []
    for start in starts:
        tree = paths.normalise(ctx.resolve(start)) if start else ""
        if tree and paths.area(tree) in ("root", "vital"):
            reason = f"edits every file under {tree} in place ({tool}): the system may not start"
            ctx.add(CRITICAL, reason, command)
            return
    if _every_file(command, ctx, files, tool) or _grep_fed(command, ctx, files, tool):
        return
    for word in command.args:
        found = _GREP_FOUND.match(word.raw) if word.substitutions else None
        found = found if found and _NAMES_ONLY.search(word.raw) else None
        for start in found.group("dirs").split() if found else ():
            tree = paths.normalise(ctx.resolve(start))
            if paths.area(tree) in ("root", "vital", "system"):
                reason = f"edits in place ({tool}) every file under {tree} that grep finds"
                ctx.add(HIGH, reason, command)
                return


def _every_file(command: Command, ctx: Context, files: list[str], tool: str) -> bool:
    """`find . -type f -exec sed -i S {} +`: no name picks the files, so every file of the tree
    is edited, images, archives and the repository's own data among them."""
    if not command.implied_recursive:
        return False
    for tree in (f for f in files if f and f != _FED and not paths.is_find_match(f)):
        shown = paths.normalise(ctx.resolve(tree))
        if _whole_project(shown):
            reason = f"edits every file under {shown} in place ({tool}): binaries and .git too"
            ctx.add(HIGH, reason, command)
            return True
    return False


def _whole_project(tree: str) -> bool:
    """The current folder, the home folder or a folder right in it (a project, Documents), or
    a system folder: trees that hold binaries and repositories, not one kind of text file."""
    if tree in (".", "./", "$PWD", "${PWD}") or paths.area(tree) in ("root", "vital", "system"):
        return True
    rel = paths.home_relative(tree)
    return rel is not None and "/" not in rel.strip("/")


_FED = "${input}"  # the files xargs hands on
_GREPS = frozenset(split_words("grep egrep rg ag ack"))


def _grep_fed(command: Command, ctx: Context, files: list[str], tool: str) -> bool:
    """`grep -rl OLD / | xargs sed -i S`: every file under a system folder that mentions OLD,
    binaries and databases included, edited in place."""
    fed = command.stdin
    if (
        _FED not in files
        or fed is None
        or fed.producers[-1:] == ()
        or fed.producers[-1] not in _GREPS
    ):
        return False
    for start in fed.reads[1:]:
        tree = paths.normalise(ctx.resolve(start))
        if paths.area(tree) in ("root", "vital", "system"):
            reason = (
                f"edits in place ({tool}) every file under {tree} that {fed.producers[-1]} finds"
            )
            ctx.add(HIGH, reason, command)
            return True
    return False


# `$(grep -rl OLD /etc)`, `$(rg -l OLD /usr/lib)`: the files under the folders that mention OLD.
_GREP_FOUND = lazy_pattern(
    r"^\$\(\s*(?:sudo\s+)?(?:grep|rg)\s+(?:-[\w-]+\s+)*(?:'[^']*'|\"[^\"]*\"|[^\s'\"()-]\S*)"
    r"\s+(?:-[\w-]+\s+)*(?P<dirs>(?:[^\s()-][^\s()]*\s*)+)\)$"
)
_NAMES_ONLY = lazy_pattern(r"\s-[a-zA-Z]*l|--files-with-matches")


def _tree_of(value: str) -> str:
    """The folder a find fed to an editor walks (`/etc`, or `/etc` of `/etc/{*.conf}`)."""
    if not paths.is_find_match(value):
        return value
    selects = paths.find_selects(value)
    broad = not selects or any(c in selects for c in "*?[")
    return posixpath.dirname(value) if broad else ""


def name_pattern(target: str) -> str:
    """`DIR/{*.md}` (the files a find selects by name) as `DIR/*.md`: an edit in place of each
    of them is an edit of files of that kind, not an overwrite of the whole folder."""
    if paths.is_find_match(target) and any(c in paths.find_selects(target) for c in "*?["):
        return f"{posixpath.dirname(target)}/{paths.find_selects(target)}"
    return target


def inline_files(command: Command, code: Word) -> list[str]:
    """The files after the inline code of `perl -pi -e CODE FILE...`."""
    args = list(command.args)
    index = next((i for i, w in enumerate(args) if w is code), len(args))
    return [w.value for w in args[index + 1 :] if not w.value.startswith("-")]


# Options whose value is the rest of the word: the `i` of `-MList::Util` or `-rjson` is not -i.
_ATTACHED_VALUE = frozenset("MmIrECxFKWdDT")


def in_place(command: Command) -> bool:
    """`perl -i`, `-pi`, `-i.bak`, `ruby -i`: the files named are rewritten."""
    return any(_in_place_flag(a) for a in command.argv)


# perl's `-0` and its octal value, run together with other letters (`-0777pi`, `-0pi`).
_PERL_SEPARATOR = lazy_pattern(r"^0[0-7]*")


def _in_place_flag(arg: str) -> bool:
    if not re.fullmatch(r"-[a-zA-Z0-9]*i\S*", arg):
        return False
    for letter in _PERL_SEPARATOR.sub("", arg[1:]):
        if letter == "i":
            return True
        if letter in _ATTACHED_VALUE:
            return False
    return False


def awk_in_place(command: Command) -> bool:
    """`gawk -i inplace PROGRAM FILE...` (or `--include=inplace`): FILE is rewritten."""
    argv = command.argv
    loaded = any(a in ("-i", "--include") and b == "inplace" for a, b in itertools.pairwise(argv))
    return loaded or "--include=inplace" in argv


def vim_script(command: Command, ctx: Context) -> None:
    """`vim -c '%d' -c wq FILE`, `ex -sc '%d|x' FILE`: a script edits FILE, unattended (called
    by the rule for editors, which also runs the shell commands of such scripts)."""
    scripts, files = vim_parts(command)
    script = "\n".join(scripts)
    if scripts and _WRITES.search(script):
        edited(command, ctx, files, script, command.name)


def vim_parts(command: Command) -> tuple[list[str], list[str]]:
    """The commands (`-c CMD`, `-cCMD`, `+CMD`) and the files of a scripted ex or vim."""
    scripts: list[str] = []
    files: list[str] = []
    args = command.argv
    index = 0
    while index < len(args):
        value = args[index]
        if value in ("-c", "--cmd", "-sc", "-Ec", "-esc") and index + 1 < len(args):
            scripts.append(args[index + 1])
            index += 2
            continue
        if value.startswith("+") and len(value) > 1:
            scripts.append(value[1:])
        elif value.startswith("-c") and len(value) > 2:  # `ex -cx FILE`: the value attached
            scripts.append(value[2:])
        elif value in _VIM_VALUES:
            index += 1
        elif not value.startswith("-"):
            files.append(value)
        index += 1
    return scripts, files


def writes_back(script: str) -> bool:
    """Whether an ex, vim or ed script writes the buffer back to its file."""
    return bool(_WRITES.search(script))


_VIM_VALUES = frozenset(split_words("-S -u -U -i -w -W -T -t -q -r -L"))


def ed_script(command: Command, ctx: Context) -> None:
    """`printf ',d\\nw\\n' | ed -s FILE`, `ed FILE <<EOF`: the script on stdin edits FILE
    (called by the rule for ed, which also runs its `!` shell commands)."""
    files = [a for a in command.argv if not a.startswith("-")]
    script = stdin_script(command)
    if script is not None and _WRITES.search(script):
        edited(command, ctx, files, script, command.name)


def stdin_script(command: Command) -> str | None:
    for redirect in command.redirects:
        if redirect.op in ("<<", "<<<") and redirect.body is not None:
            return redirect.body.value.replace("\\n", "\n")
    stdin = command.stdin
    if stdin is not None and stdin.literal is not None:
        return "\n".join(w.value for w in stdin.literal).replace("\\n", "\n")
    return None
