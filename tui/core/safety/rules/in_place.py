"""Programs that rewrite the files they are given, in place: ImageMagick's and GraphicsMagick's
mogrify, macOS's sips, jpegoptim's lossy modes, exiftool without its `_original` copy. Asked
for smaller copies, they shrink the originals: full resolution or metadata is gone for good.

Many files at once (a pattern, find's `{}`), or files in a person's own folders or a live web
site, is HIGH; one named file elsewhere stays moderate. The forms that write elsewhere
(`mogrify -path DIR`, `mogrify -format webp`, `sips --out DIR`, `jpegoptim -d DIR`) or only
read (`sips -g`, `magick identify`, `jpegoptim --noaction`) are not in place.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.targets import PERSONAL_FOLDERS, WEB_ROOTS

_FILE_LIKE = re.compile(r"[*?/{]|\.\w{2,5}$")
_MANY = re.compile(r"[*?\[{]")
# sips options that change the image (its reads are -g/--getProperty and the like).
_SIPS_CHANGES = frozenset(
    "-Z -z -r -f -c -p -s -d -m -e -E -i --resampleHeightWidthMax --resampleHeightWidth "
    "--resampleWidth --resampleHeight --rotate --flip --cropToHeightWidth --padToHeightWidth "
    "--setProperty --deleteProperty --matchTo --embedProfile --optimizeColorForSharing "
    "--addIcon --cropOffset".split()
)
_JPEG_LOSSY = re.compile(r"^(-m\d*|--max(=.*)?|-S\d*%?|--size(=.*)?)$")


def _files(words: list[str], skip_after: frozenset[str] = frozenset()) -> list[str]:
    found: list[str] = []
    for index, value in enumerate(words):
        after = words[index - 1] if index else ""
        if not value.startswith("-") and after not in skip_after and _FILE_LIKE.search(value):
            found.append(value)
    return found


def _precious(value: str, ctx: Context) -> bool:
    normal = paths.normalise(ctx.resolve(value))
    if normal.startswith(WEB_ROOTS):
        return True
    rel = paths.home_relative(normal)
    return rel is not None and rel.split("/", 1)[0] in PERSONAL_FOLDERS


def _rate(command: Command, ctx: Context, files: list[str], what: str) -> None:
    many = any(_MANY.search(f) for f in files) or bool(command.via)
    precious = [f for f in files if _precious(f, ctx)]
    if precious or (many and files):
        where = precious[0] if precious else files[0]
        ctx.add(HIGH, f"{what} in place ({where}): the originals are not kept", command)
    elif files:
        ctx.add(MODERATE, f"{what} in place ({files[0]})", command)


def _mogrify(command: Command, ctx: Context, words: list[str], tool: str) -> None:
    elsewhere = ("-path", "-output-directory", "-format")
    if any(w in elsewhere for w in words):
        ctx.add(MODERATE, f"writes changed copies of images ({tool})", command)
        return
    files = _files(words, frozenset(("-write",)))
    _rate(command, ctx, files, f"rewrites images ({tool})")


def mogrify(command: Command, ctx: Context) -> None:
    _mogrify(command, ctx, command.argv, "mogrify")


def magick(command: Command, ctx: Context) -> None:
    """`magick mogrify ...` is mogrify; `magick identify` only reads; the rest writes files."""
    argv = command.argv
    if argv[:1] == ["mogrify"]:
        _mogrify(command, ctx, argv[1:], f"{command.name} mogrify")
    elif argv[:1] not in (["identify"], ["compare"]):
        ctx.add(MODERATE, f"changes or creates files ({command.name})", command)


def sips(command: Command, ctx: Context) -> None:
    argv = command.argv
    if not _SIPS_CHANGES & set(argv):
        return  # `sips -g pixelWidth a.jpg`: it only reports
    if "--out" in argv or "-o" in argv:
        ctx.add(MODERATE, "writes changed copies of images (sips --out)", command)
        return
    _rate(command, ctx, _files(argv, frozenset(("-s", "--setProperty"))), "rewrites images (sips)")


def jpegoptim(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "-n" in argv or "--noaction" in argv:
        return
    if any(a in ("-d", "--dest") or a.startswith("--dest=") for a in argv):
        ctx.add(MODERATE, "writes optimised copies of images (jpegoptim -d)", command)
    elif any(_JPEG_LOSSY.match(a) for a in argv):
        _rate(command, ctx, _files(argv), "recompresses images with loss (jpegoptim)")
    else:
        ctx.add(MODERATE, "optimises images in place (jpegoptim)", command)


def pngquant(command: Command, ctx: Context) -> None:
    """`pngquant --force --ext .png *.png`: each PNG replaced by its lossy version."""
    argv = command.argv
    ext = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--ext"), "")
    forced = "--force" in argv or "-f" in argv
    if forced and ext.lower() == ".png":
        _rate(command, ctx, _files(argv, frozenset(("--ext",))), "recompresses images (pngquant)")
        return
    ctx.add(MODERATE, "writes compressed copies of images (pngquant)", command)


def exiftool(command: Command, ctx: Context) -> None:
    """`exiftool -all= -overwrite_original ~/Pictures/*.jpg`: metadata gone, no copy kept."""
    argv = command.argv
    unkept = any(a.startswith("-overwrite_original") for a in argv)
    changes = any(a.startswith("-") and "=" in a for a in argv)  # `-all=`, `-Artist=me`
    if unkept and changes:
        _rate(command, ctx, _files(argv), "changes or strips the images' metadata (exiftool)")
        return
    ctx.add(MODERATE, "changes or creates files (exiftool)", command)


RULES: dict[str, Rule] = {
    "mogrify": mogrify,
    "magick": magick,
    "gm": magick,
    "sips": sips,
    "jpegoptim": jpegoptim,
    "exiftool": exiftool,
    "pngquant": pngquant,
}
