"""Files a tool writes that its name does not suggest: where a copy fetched from another machine
lands (`scp host:passwd /etc/passwd`), wget's log (`wget -o FILE`, not `-O`), a terminal
recording (`script FILE`), aria2c's `-d DIR -o NAME`, and archives unpacked by cpio and
dpkg-deb. Each target is rated as a write (`/etc/passwd`: CRITICAL), or as an unpacking over
the folder it lands in.
"""

from __future__ import annotations

import posixpath

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule, options
from tui.core.safety.rules.files import unpacked_over
from tui.core.safety.targets import classify_write


def _rate(command: Command, ctx: Context, target: str, *, append: bool = False) -> None:
    verdict = classify_write(ctx.resolve(target), append=append)
    if verdict is not None and verdict.level >= HIGH:
        ctx.add(verdict.level, f"{verdict.reason} ({command.name})", command)


def scp_download(command: Command, ctx: Context) -> None:
    """`scp host:passwd /etc/passwd`: the remote file replaces the local one."""
    opts = options(command, "-c -D -F -i -J -l -o -P -S -X")
    operands = [w.value for w in opts.operands]
    if len(operands) >= 2 and ":" not in operands[-1] and any(":" in o for o in operands[:-1]):
        _rate(command, ctx, operands[-1])


def wget_log(command: Command, ctx: Context) -> None:
    """`wget -o FILE` writes wget's log to FILE (`-a FILE` appends it)."""
    opts = options(command, "-o --output-file -a --append-output -O --output-document -P -e -U")
    log = opts.value("-o", "--output-file")
    if log:
        _rate(command, ctx, log)


def script_file(command: Command, ctx: Context) -> None:
    """`script FILE` records the session into FILE, emptied first (unless -a)."""
    opts = options(command, "-c --command -E --echo -I --log-in -O --log-out -T --log-timing")
    files = [w.value for w in opts.operands]
    if files:
        _rate(command, ctx, files[0], append=opts.has("-a", "--append"))


def aria2c_target(command: Command, ctx: Context) -> None:
    """`aria2c -d /etc -o passwd --allow-overwrite=true URL`: the file lands at DIR/NAME."""
    opts = options(command, "-d --dir -o --out -i --input-file -x -s -k")
    name = opts.value("-o", "--out")
    if name and "--allow-overwrite=true" in command.argv:
        _rate(command, ctx, posixpath.join(opts.value("-d", "--dir") or ".", name))


def cpio_extract(command: Command, ctx: Context) -> None:
    """`cd / && cpio -idmu < root.cpio`: -u replaces every file the archive holds."""
    argv = command.argv
    extracting = any(
        a == "--extract" or (a[:2] != "--" and a[:1] == "-" and "i" in a) for a in argv
    )
    unconditional = any(
        a == "--unconditional" or (a[:2] != "--" and a[:1] == "-" and "u" in a) for a in argv
    )
    if extracting and unconditional and ctx.cwd is not None:
        unpacked_over(command, ctx, ctx.cwd)


def dpkg_deb_extract(command: Command, ctx: Context) -> None:
    """`dpkg-deb -x pkg.deb /`: a package's files unpacked over the system, unrecorded."""
    argv = command.argv
    for index, arg in enumerate(argv):
        if arg in ("-x", "-X", "--extract", "--vextract") and index + 2 < len(argv):
            unpacked_over(command, ctx, argv[index + 2])


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "scp": (scp_download,),
    "wget": (wget_log,),
    "script": (script_file,),
    "aria2c": (aria2c_target,),
    "cpio": (cpio_extract,),
    "dpkg-deb": (dpkg_deb_extract,),
}
