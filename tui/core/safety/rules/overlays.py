"""A tree laid over a live folder: a backup or another copy unpacked or copied over the whole
system, /etc, a home folder, a folder of a person's own files or a live web site. Every file
there that the tree also holds is replaced, newer work by older copies, and nothing asks.

Whatever the program (cp, rsync, ditto, tar, unzip, 7z), three things make it an overlay: the
destination is one of those live folders; the tree's contents land in it (`src/.`, `src/*`,
`src/` for rsync, ditto's merge, `old/Documents` copied into a home, an unpacked archive); and
for a web site or an archive, a sign that it replaces (`-f`, `unzip -o`, `7z -y`, an archive or
source named as a backup or an old copy). A folder put inside another (`cp -r trip ~/Pictures/`), a
copy that never replaces (`cp -n`, `rsync -u`) and a destination somewhere new stay moderate.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.targets import PERSONAL_FOLDERS

# Where web servers serve live sites from; a folder one level below each is one site.
_WEB_BASES = ("/var/www", "/srv/www", "/srv/http", "/usr/share/nginx/html", "/Library/WebServer")
# Names that say a tree is a backup or an older copy of what it lands on.
_OLDER = lazy_pattern(
    r"(?i)backup|\bbak\b|snapshot|restore|\bold|old[-_.]|previous|full[-_.]|dump|"
    r"\d{4}-\d{2}|20\d\d|etc\b|home\b"
)
_SYSTEM_WIDE = frozenset(("/", "/etc", "/private/etc", "/usr", "/var", "/boot"))
# A home's folders of settings: every program's configuration and saved state lives there.
_SETTINGS_FOLDERS = frozenset(
    (".config", ".local/share", "Library", "Library/Preferences", "Library/Application Support")
)
# Shared or mounted storage: a NAS share, a removable drive, a server's data folder.
_SHARED_BASES = ("/mnt/", "/media/", "/Volumes/", "/srv/")


def live_folder(target: str) -> tuple[RiskLevel, str] | None:
    """(level, description) when `target` is a live folder another tree must not be laid over."""
    normal = paths.normalise(target).rstrip("/") or "/"
    if normal in _SYSTEM_WIDE:
        what = "the whole system" if normal == "/" else f"{normal}, the system's own files"
        return CRITICAL, what
    if paths.area(normal) == "home":
        return HIGH, f"the home folder {normal}"
    rel = paths.home_relative(normal)
    if rel is not None:
        top, _, below = rel.partition("/")
        if top in PERSONAL_FOLDERS and not below:
            return HIGH, f"your {top} folder"
        if rel in _SETTINGS_FOLDERS:
            return HIGH, f"your settings folder {normal}"
        if top == "Sites" and "/" not in below:  # macOS keeps a person's web sites there
            return HIGH, f"the web site {normal}"
        return None
    for base in _WEB_BASES:
        if normal == base or (normal.startswith(base + "/") and "/" not in normal[len(base) + 1 :]):
            return HIGH, f"the live web site {normal}"
    return None


def _web_site(description: str) -> bool:
    return "web site" in description


def _forced(command: Command) -> bool:
    stdin = command.stdin
    piped_yes = stdin is not None and "yes" in stdin.producers
    short = any(re.fullmatch(r"-[a-zA-Z]*f[a-zA-Z]*", a) for a in command.argv)
    return piped_yes or short or "--force" in command.argv


def _keeps_newer(command: Command) -> bool:
    """`cp -n`, `cp -u`, `rsync -u`, `rsync --ignore-existing`: nothing newer is replaced."""
    argv = command.argv
    letters = "nu" if command.name in ("cp", "ditto") else "u"
    short = any(re.fullmatch(rf"-[a-zA-Z]*[{letters}][a-zA-Z]*", a) for a in argv)
    named = ("--no-clobber", "--update", "--ignore-existing", "--existing", "--update=none")
    return short or any(a.split("=", 1)[0] in named or a in named for a in argv)


def _recursive(command: Command) -> bool:
    if command.name in ("rsync", "ditto", "mv"):
        return True
    argv = command.argv
    long = any(a in ("--recursive", "--archive") for a in argv)
    return long or any(re.fullmatch(r"-[a-zA-Z]*[rRa][a-zA-Z]*", a) for a in argv)


def _spills(command: Command, source: str, target: str) -> bool:
    """Whether the contents of `source` land in `target` itself, not in a new folder inside it."""
    if command.name == "ditto" or source.endswith(("/.", "/*", "/.*")):
        return True
    if command.name == "rsync" and source.endswith("/"):
        return True
    base = posixpath.basename(source.rstrip("/"))
    if "*" in base and posixpath.dirname(source) != "":
        return True  # `old-site/*.html`: each file lands in the folder itself
    # `cp -r old/Documents ~/`: it merges into the Documents folder already there
    normal = paths.normalise(target).rstrip("/") or "/"
    return paths.area(normal) == "home" and base in PERSONAL_FOLDERS


def _work_folder(target: str, spilled: list[str], command: Command) -> tuple[RiskLevel, str] | None:
    """`~/project/` with an older copy or by force laid over it: newer work is replaced."""
    rel = paths.home_relative(paths.normalise(target).rstrip("/"))
    if rel is None or not rel or "/" in rel or rel.startswith("."):
        return None
    if _forced(command) or any(_OLDER.search(s) for s in spilled):
        return HIGH, f"your folder ~/{rel}"
    return None


def laid_over(command: Command, ctx: Context) -> None:
    """`cp -a backup/. /etc/`, `rsync -a /mnt/backup/home/alice/ /home/alice/`,
    `ditto ~/OldMacBackup/Users/alice /Users/alice`, `cp -rf old-site/* /var/www/html/`."""
    if not _recursive(command) or _keeps_newer(command):
        return
    opts = options(command, "-t --target-directory -S --suffix -e --rsh --exclude --include")
    operands = [w.path for w in opts.operands]
    if command.name == "ditto" and opts.has("-c", "-x"):
        return  # packs or unpacks an archive: `ditto -x` is rated as an unpack
    if len(operands) < 2 or any(":" in o.split("/", 1)[0] for o in operands):
        return  # one operand, or a remote machine on either side
    target, sources = operands[-1], operands[:-1]
    spilled = [s for s in sources if _spills(command, s, target)]
    found = live_folder(ctx.resolve(target)) or _work_folder(ctx.resolve(target), spilled, command)
    if found is None or not spilled:
        return
    level, where = found
    if command.name == "mv" and not (_forced(command) or any(_OLDER.search(s) for s in spilled)):
        return  # moving downloads into a folder is routine; forced or older copies replace
    if _web_site(where) and not (_forced(command) or any(_OLDER.search(s) for s in spilled)):
        return  # a site deployed from its build folder is the usual way to publish it
    reason = f"lays {spilled[0]} over {where}: files there are replaced without asking"
    ctx.add(level, reason, command)


def _tar_parts(command: Command) -> tuple[bool, str, str | None]:
    """(extracts, archive, folder) of a tar command line, old style (`tar xzf a.tgz`) included."""
    words = list(command.args)
    first = words[0].value if words else ""
    if first and not first.startswith("-") and first.isalpha():
        words[0] = replace(words[0], value="-" + first)
    opts = options(replace(command, words=(command.words[0], *words)), "-f --file -C --directory")
    extracts = opts.has("-x", "--extract", "--get") and not opts.has("-O", "--to-stdout")
    archive = opts.value("-f", "--file") or ""
    return extracts, archive, opts.value("-C", "--directory")


def tar_over(command: Command, ctx: Context) -> None:
    """`sudo tar -xzf backup-2022.tar.gz -C /`, `tar xzf home-backup.tgz -C ~`: an older copy
    of the folder unpacked over it."""
    extracts, archive, where = _tar_parts(command)
    where = where or ctx.cwd
    if not extracts or where is None:
        return
    found = live_folder(ctx.resolve(where))
    if found is None:
        return
    older = bool(_OLDER.search(posixpath.basename(archive)))
    if older or "--overwrite" in command.argv:
        level, place = found
        reason = f"unpacks {archive or 'an archive'} over {place}: newer files are replaced"
        ctx.add(level if older else HIGH, f"{reason} by older copies", command)


def unpacked_forced(command: Command, ctx: Context) -> None:
    """`unzip -o theme.zip -d /var/www/html`, `7z x -y site.7z -o/var/www/html`: every file of
    the live folder that the archive also holds is replaced without asking."""
    argv = command.argv
    if command.name == "unzip":
        opts = options(command, "-d -x -P")
        if opts.has("-l", "-t", "-v", "-Z", "-p", "-c") or not opts.has("-o"):
            return
        where = opts.value("-d") or ctx.cwd
    else:
        verbs = [a for a in argv if not a.startswith("-")]
        if verbs[:1] not in (["x"], ["e"]) or not any(a in ("-y", "-aoa") for a in argv):
            return
        where = next((a[2:] for a in argv if a.startswith("-o") and len(a) > 2), ctx.cwd)
    found = live_folder(ctx.resolve(where)) if where is not None else None
    if found is None and where is not None and _overwrites_all(command):
        found = _shared_or_home(ctx.resolve(where))
    if found is not None:
        reason = f"unpacks an archive over {found[1]}, replacing the files there without asking"
        ctx.add(HIGH, reason, command)


def _overwrites_all(command: Command) -> bool:
    """`7z -aoa` and `unzip -o` name replacing every existing file (`7z -y` only answers)."""
    if command.name == "unzip":
        return True
    return "-aoa" in command.argv


def _shared_or_home(where: str) -> tuple[RiskLevel, str] | None:
    normal = paths.normalise(where).rstrip("/")
    rel = paths.home_relative(normal)
    if (rel is not None and rel) or normal.startswith(_SHARED_BASES):
        return HIGH, normal
    return None


def ditto(command: Command, ctx: Context) -> None:
    """macOS's ditto: copies a folder's contents into another, merging and replacing."""
    opts = options(command, "--arch --bom")
    operands = [w.path for w in opts.operands]
    if opts.has("-x") and len(operands) >= 2:
        found = live_folder(ctx.resolve(operands[-1]))
        if found is not None:
            reason = f"unpacks an archive over {found[1]}, replacing the files there (ditto -x)"
            ctx.add(HIGH, reason, command)
    elif not opts.has("-c"):
        laid_over(command, ctx)
    target = operands[-1] if operands else "a folder"
    ctx.add(MODERATE, f"copies files to {paths.normalise(target)} (ditto)", command)


RULES: dict[str, Rule] = {"ditto": ditto}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "cp": (laid_over,),
    "mv": (laid_over,),
    "rsync": (laid_over,),
    "tar": (tar_over,),
    "bsdtar": (tar_over,),
    "gtar": (tar_over,),
    "unzip": (unpacked_forced,),
    "7z": (unpacked_forced,),
    "7za": (unpacked_forced,),
    "7zz": (unpacked_forced,),
}
