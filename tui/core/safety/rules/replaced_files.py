"""One named file replaced where nothing asks: a move or copy told to force its way onto a
document in a person's own folders (`mv -f draft.docx ~/Documents/thesis.docx`), and many files
moved one by one onto the same name (`for f in *.jpg; do mv "$f" ~/Pictures/a.jpg; done`,
`find . -exec mv {} notes.txt \\;`), where each replaces the one before and only the last is left.

A move into a folder, onto a name that changes with each file, or with `-n` stays moderate.
"""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule, options
from tui.core.safety.words import Word

# A home's folders of papers, pictures and other work that exists nowhere else.
_PAPERS = frozenset(
    "Documents Desktop Pictures Photos Music Movies Videos Dropbox OneDrive Notes".split()
)
_MANY = re.compile(r"[*?\[{]")


def _operands(command: Command) -> tuple[list[Word], Word | None]:
    opts = options(command, "-t --target-directory -S --suffix")
    if opts.value("-t", "--target-directory") is not None or len(opts.operands) < 2:
        return [], None
    return list(opts.operands[:-1]), opts.operands[-1]


def _named_file(word: Word) -> bool:
    """A target that names one file (`~/Pictures/a.jpg`), not a folder or a changing name."""
    value = word.value
    if word.dynamic or value.endswith("/") or _MANY.search(value):
        return False
    base = posixpath.basename(value)
    return "." in base.lstrip(".")


def _no_clobber(command: Command) -> bool:
    argv = command.argv
    short = any(re.fullmatch(r"-[a-zA-Z]*[nu][a-zA-Z]*", a) for a in argv)
    return short or any(a.startswith(("--no-clobber", "--update")) for a in argv)


def forced_onto_document(command: Command, ctx: Context) -> None:
    """`mv -f draft.docx ~/Documents/Thesis/thesis.docx`: the thesis is replaced unasked."""
    stdin = command.stdin
    forced = (
        "--force" in command.argv
        or any(re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a) for a in command.argv)
        or (stdin is not None and "yes" in stdin.producers)  # `yes | cp -i ...`
    )
    sources, target = _operands(command)
    if not forced or target is None or not _named_file(target) or _no_clobber(command):
        return
    rel = paths.home_relative(paths.normalise(ctx.resolve(target.path)))
    if rel is None or rel.split("/", 1)[0] not in _PAPERS or "/" not in rel:
        return
    if any(posixpath.basename(s.value) == posixpath.basename(rel) for s in sources):
        return  # `mv -f notes.txt ~/Documents/notes.txt`: the file itself put in its place
    reason = f"replaces {target.value} by force: the document there is lost without a question"
    ctx.add(HIGH, reason, command)


def _stands_for_many(word: Word, command: Command, ctx: Context) -> bool:
    """`"$f"` of a loop over `*.jpg`, `{}` of find or xargs: a different file each time."""
    if command.via and (word.raw.strip("'\"") == "{}" or _MANY.search(word.value)):
        return True  # find's `{}`, or xargs' `-I%` filled with each name of a listing
    names = re.findall(r"\$\{?(\w+)", word.raw)
    return any(_MANY.search(ctx.variables.get(name, "")) for name in names)


def onto_one_name(command: Command, ctx: Context) -> None:
    """`for f in *.jpg; do mv "$f" ~/Pictures/holiday.jpg; done`: one photo is left."""
    if _no_clobber(command):
        return
    sources, target = _operands(command)
    if target is None or not _named_file(target):
        return
    if any(_stands_for_many(word, command, ctx) for word in sources):
        reason = (
            f"moves file after file onto the one name {target.value}: each replaces the last, "
            "and only one is left"
        )
        ctx.add(HIGH, reason, command)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "mv": (forced_onto_document, onto_one_name),
    "cp": (forced_onto_document,),
}
