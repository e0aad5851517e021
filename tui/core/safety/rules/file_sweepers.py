"""Programs that delete or overwrite files without being `rm`: duplicate finders told to delete,
temporary-file reapers, system cleaners, mass renamers, two-way syncers, the archive tools tar
and unzip leave out (cpio, pax, unrar, bsdtar), and text tools that write where they are told
(sd, patch, uniq's output operand).

Decisions: a duplicate finder or reaper that deletes without asking is HIGH (which copy goes,
or which file counts as old, is the tool's guess); a preview is safe. A reaper aimed at a
temporary folder with a real age is MODERATE. Unpacking over the system or a home is HIGH, as
for tar and unzip. An edit in place is rated as a write to each file it edits.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import editors, files
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.embedded import guards_access
from tui.core.safety.targets import classify_write
from tui.core.safety.words import split_words

# Where unpacking or reaping loses what a person or the system cannot do without.
_OVER = frozenset(
    split_words("root all_homes home home_top home_credentials vital system key_file")
)
_PROGRAM_FOLDERS = frozenset(split_words("/usr/local/bin /usr/local/sbin"))


def _place(value: str, ctx: Context) -> str:
    return paths.normalise(ctx.resolve(value)).rstrip("/") or "/"


def _over_system(value: str | None, ctx: Context) -> str | None:
    """The folder, when unpacking into it replaces system, program or home files."""
    if value is None:
        return None
    place = _place(value, ctx)
    if place in _PROGRAM_FOLDERS or (place != "/usr/local" and paths.area(place) in _OVER):
        return place
    return None


# Where a sweep by the tool's own guess reaches every user's files or the system itself.
_EVERYTHING = frozenset(("root", "all_homes", "vital"))


def _sweeps_everything(folders: list[str], ctx: Context) -> str | None:
    """The folder, when it is `/`, every home or a folder the system runs from."""
    return next((f for f in folders if paths.area(_place(f, ctx)) in _EVERYTHING), None)


def _sweep(command: Command, ctx: Context, folders: list[str], reason: str) -> None:
    """HIGH for a sweep that deletes by the tool's guess; CRITICAL across the whole system."""
    whole = _sweeps_everything(folders, ctx)
    if whole is not None:
        reason = f"{reason}, across all of {whole}: system or every user's files among them"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(HIGH, reason, command)


def duplicates(command: Command, ctx: Context) -> None:
    """`fdupes -rdN ~`, `jdupes -rdN DIR`: every duplicate but the first deleted unasked."""
    opts = options(command)
    deletes = opts.has("-d", "--delete")
    unasked = opts.has("-N", "--noprompt", "-I", "--delete-on-the-fly")
    if deletes and unasked:
        reason = f"deletes every duplicate but one without asking ({command.name} -dN)"
        folders = [w.value for w in opts.operands]
        _sweep(command, ctx, folders, f"{reason}: which copy stays is the tool's guess")
    elif deletes or opts.has("-L", "--linkhard", "-l", "--linksoft", "-B", "--dedupe"):
        ctx.add(MODERATE, f"deletes or links duplicate files ({command.name})", command)


def rdfind(command: Command, ctx: Context) -> None:
    """`rdfind -deleteduplicates true DIR`; `-dryrun true` only reports."""
    argv = command.argv
    pairs = dict(itertools.pairwise(argv))
    if pairs.get("-dryrun") in ("true", "1") or pairs.get("-n") in ("true", "1"):
        return
    if pairs.get("-deleteduplicates") in ("true", "1"):
        folders = [
            word for before, word in itertools.pairwise(["", *argv]) if _operand(word, before)
        ]
        reason = "deletes every duplicate file but one without asking (rdfind)"
        _sweep(command, ctx, folders, reason)
    elif any(pairs.get(o) in ("true", "1") for o in ("-makesymlinks", "-makehardlinks")):
        ctx.add(MODERATE, "replaces duplicate files with links (rdfind)", command)


def _operand(word: str, before: str) -> bool:
    """rdfind's options all take a value: a folder is a word after a value, not an option."""
    return not word.startswith("-") and not before.startswith("-")


def rmlint(command: Command, ctx: Context) -> None:
    """rmlint only writes a report and `rmlint.sh`; running that script deletes."""
    ctx.add(
        MODERATE,
        "writes a report and a clean-up script of the duplicates it finds (rmlint)",
        command,
    )


def rmlint_script(command: Command, ctx: Context) -> None:
    """`./rmlint.sh -d`: the script rmlint wrote, run without its question."""
    if "-n" in command.argv:
        return  # a dry run
    reason = "runs the script rmlint wrote: it deletes every duplicate rmlint found"
    ctx.add(HIGH, reason, command)


_AGE = re.compile(r"^(\d+)([smhd]?)$")
_TEMP_FOLDERS = frozenset(split_words("/tmp /var/tmp /private/tmp /dev/shm"))


def reaper(command: Command, ctx: Context) -> None:
    """`tmpreaper 0 /home`, `tmpwatch --all 1h /var`: every file older than AGE deleted."""
    opts = options(command, "-x --protect -X --exclude-user -U --exclude-pattern")
    if opts.has("-t", "--test"):
        return
    operands = [w.value for w in opts.operands]
    age = next((o for o in operands if _AGE.match(o)), "")
    folders = [o for o in operands if o != age]
    instant = bool(age) and int(age.rstrip("smhd")) == 0
    wide = [f for f in folders if not _place(f, ctx).startswith(tuple(_TEMP_FOLDERS))]
    if wide or instant:
        where = wide[0] if wide else folders[0] if folders else "the folders named"
        reason = f"deletes every file in {where} not used within {age or 'the age given'}"
        _sweep(command, ctx, wide, f"{reason} ({command.name})")
    else:
        ctx.add(MODERATE, f"deletes old temporary files ({command.name})", command)


def bleachbit(command: Command, ctx: Context) -> None:
    argv = command.argv
    if {"--list", "-l", "--preview", "-p", "--version", "--help", "-h"} & set(argv):
        return
    operands = [a for a in argv if not a.startswith("-")]
    if {"--shred", "-s", "--wipe-free-space"} & set(argv) and operands:
        ctx.add(HIGH, f"shreds {operands[0]}: it cannot be got back (bleachbit)", command)
    elif {"--clean", "-c"} & set(argv) and any(o.startswith("system.") for o in operands):
        reason = "deletes system caches, logs, crash reports and other files for good (bleachbit)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "deletes application caches and histories (bleachbit)", command)


def rename(command: Command, ctx: Context) -> None:
    """Perl's rename: `-n` previews; `-f` renames over files that already exist."""
    opts = options(command)
    if opts.has("-n", "--nono", "--dry-run", "--just-print", "-h", "--help", "-V", "--version"):
        return
    if opts.has("-f", "--force"):
        reason = "renames files over ones that already exist: each one overwritten is lost"
        ctx.add(HIGH, f"{reason} ({command.name} -f)", command)
        return
    ctx.add(MODERATE, f"renames files ({command.name})", command)


def cpio(command: Command, ctx: Context) -> None:
    """`cpio -idmu < a.cpio` unpacks into the current folder (or -D DIR); -t lists."""
    opts = options(command, "-D --directory -F --file -H --format -E --pattern-file -I -O -R")
    if opts.has("-t", "--list"):
        return
    if opts.has("-i", "--extract"):
        place = _over_system(opts.value("-D", "--directory") or ctx.cwd, ctx)
        if place is not None:
            ctx.add(
                HIGH, f"unpacks an archive over {place}: replaces the files there (cpio)", command
            )
            return
        ctx.add(MODERATE, "unpacks files (cpio)", command)
    elif opts.has("-p", "--pass-through") and opts.operands:
        place = _over_system(opts.operands[-1].value, ctx)
        level = HIGH if place is not None else MODERATE
        ctx.add(level, f"copies files into {opts.operands[-1].value} (cpio -p)", command)
    else:
        ctx.add(MODERATE, "packs files into an archive (cpio)", command)


def pax(command: Command, ctx: Context) -> None:
    """pax lists with neither -r nor -w; `-r` unpacks into the current folder."""
    opts = options(command, "-f -s -o -x -b -p -B -G -T -U")
    reads, writes = opts.has("-r"), opts.has("-w")
    if not reads and not writes:
        return
    if reads and writes:
        place = _over_system(opts.operands[-1].value if opts.operands else None, ctx)
    else:
        place = _over_system(ctx.cwd, ctx) if reads else None
    if place is not None:
        ctx.add(HIGH, f"unpacks files over {place}: replaces the files there (pax)", command)
        return
    ctx.add(MODERATE, "packs or unpacks files (pax)", command)


_UNRAR_READS = frozenset(split_words("l lt lta lb v vt vta vb t p"))


def unrar(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if not words or words[0] in _UNRAR_READS:
        return
    if words[0] in ("x", "e"):
        target = words[-1] if len(words) > 2 and words[-1].endswith("/") else ctx.cwd
        place = _over_system(target, ctx)
        if place is not None and ("-o+" in command.argv or "-y" in command.argv):
            ctx.add(
                HIGH, f"unpacks an archive over {place}, replacing files without asking", command
            )
            return
    ctx.add(MODERATE, "changes or creates files (unrar)", command)


def sd(command: Command, ctx: Context) -> None:
    """`sd FIND REPLACE FILE...` edits each file in place (with no file it filters the input)."""
    opts = options(command, "-f --flags -n --max-replacements")
    operands = [w.value for w in opts.operands]
    if opts.has("-p", "--preview") or len(operands) < 3:
        return
    _edited_files(command, ctx, operands[2:], "sd")


def patch(command: Command, ctx: Context) -> None:
    """`patch FILE < DIFF`, `patch -d DIR -p1`: the files named or the folder worked in."""
    opts = options(command, "-i --input -o --output -d --directory -p --strip -r -B -D -F -V -z")
    if opts.has("--dry-run", "-C", "--check"):
        return
    folder = opts.value("-d", "--directory")
    if folder is not None and _over_system(folder, ctx) is not None:
        place = _over_system(folder, ctx)
        reason = f"applies a patch inside {place}: every file it names there is changed"
        ctx.add(HIGH, f"{reason} (patch -d)", command)
        return
    output = opts.value("-o", "--output")
    targets = [output] if output else [w.value for w in opts.operands[:1]]
    if targets:
        _edited_files(command, ctx, targets, "patch")
    ctx.add(MODERATE, "changes files as a patch says (patch)", command)


def _edited_files(command: Command, ctx: Context, targets: list[str], tool: str) -> None:
    editors.edited(command, ctx, targets, "", tool)
    guarded = next((t for t in targets if guards_access(ctx.resolve(t))), None)
    if guarded is not None:
        reason = f"edits {guarded}: one wrong change locks users or root out ({tool})"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"edits files in place ({tool})", command)


def uniq_output(command: Command, ctx: Context) -> None:
    """`uniq INPUT OUTPUT`: the second operand is written over."""
    operands = options(command, "-f -s -w --skip-fields --skip-chars --check-chars").operands
    if len(operands) < 2:
        return
    verdict = classify_write(ctx.resolve(operands[1].value), append=False)
    if verdict is not None:
        ctx.add(verdict.level, f"{verdict.reason} (uniq's output file)", command)


def bsdtar(command: Command, ctx: Context) -> None:
    files.tar(command, ctx)
    words = command.argv[:1]
    extracting = any(a.startswith("-") and "x" in a and not a.startswith("--") for a in words)
    extracting = extracting or "--extract" in command.argv
    if extracting and any(
        a in ("-P", "--absolute-paths") or _clustered(a, "P") for a in command.argv
    ):
        reason = "unpacks members at the absolute paths they carry: over system files (bsdtar -P)"
        ctx.add(HIGH, reason, command)


def _clustered(arg: str, letter: str) -> bool:
    return arg.startswith("-") and not arg.startswith("--") and letter in arg[1:]


def lftp_script(command: Command, ctx: Context) -> None:
    """`lftp -e 'mirror -R --delete ./empty /site'`, `lftp -c 'open h; rm -r /var/www'`."""
    argv = command.argv
    scripts = [b for a, b in itertools.pairwise(argv) if a in ("-c", "-e")]
    for line in (part.split() for script in scripts for part in re.split(r"[;\n]", script)):
        if not line:
            continue
        if line[0] == "mirror" and {"--delete", "-e", "--delete-first"} & set(line):
            where = "on the server" if {"-R", "--reverse"} & set(line) else "here"
            reason = f"mirrors with --delete: files only in the target {where} are deleted (lftp)"
            ctx.add(HIGH, reason, command)
        elif line[0] in ("rm", "mrm", "glob") and (
            "-r" in line or "-rf" in line or line[0] != "rm"
        ):
            ctx.add(HIGH, f"deletes folders on the server ({' '.join(line[:3])}, lftp)", command)


# `./rmlint.sh`, the script rmlint writes, known by its name.
_RMLINT_SCRIPT = "rmlint.sh"


RULES: dict[str, Rule] = {
    "fdupes": duplicates,
    "jdupes": duplicates,
    "rdfind": rdfind,
    "rmlint": rmlint,
    "tmpreaper": reaper,
    "tmpwatch": reaper,
    "bleachbit": bleachbit,
    "rename": rename,
    "prename": rename,
    "file-rename": rename,
    "perl-rename": rename,
    "cpio": cpio,
    "pax": pax,
    "unrar": unrar,
    "sd": sd,
    "patch": patch,
    "bsdtar": bsdtar,
}

EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "uniq": (uniq_output,),
    "lftp": (lftp_script,),
    _RMLINT_SCRIPT: (rmlint_script,),
}
