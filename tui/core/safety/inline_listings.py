"""Folder listings in inline code of any language, and what a loop over them does to each file.

`unlink for glob "*"`, `Dir.children(".").each { |f| File.unlink(f) }`,
`fs.readdirSync(h).forEach(f => fs.writeFileSync(f, ""))` with `h = os.homedir()`,
`foreach (glob(getenv("HOME") . "/*") as $f) unlink($f);`: the listing's argument is read as a
constant (strings, joins, variables set once), and the listing stands for every file it yields
as a pattern (`./*`, `~/*`, `/var/log/*.log`). Deleting, truncating or rewriting inside the
same code is then done to each of those files.
"""

from __future__ import annotations

import re

from tui.core.safety import calls
from tui.core.safety.lazy import lazy_pattern

# Calls that give the names in a folder, and those that already take a pattern.
_LISTINGS = frozenset(
    "glob readdirSync readdir scandir children entries each_child opendir iglob".split()
)
_PATTERNS = frozenset(("glob", "iglob"))
_DIR_ONLY = frozenset(("children", "entries", "each_child"))  # Ruby's Dir.children(...)
_DIR_INDEX = lazy_pattern(r"\bDir\s*\[(?P<arg>[^\]\n]{1,400})\]")
# `h = ~;` once the home spellings are folded (`const h = os.homedir()`, `my $h = $ENV{HOME}`)
_READS = lazy_pattern(
    r"(?:readFileSync|readFile|File\.read|File\.binread|file_get_contents|File\.open|"
    r"createReadStream|fopen|CURLFile)\s*\(\s*(?!['\"])"
)
# `opendir D, "."` and `opendir(my $d, $dir)`: Perl names the handle first.
_OPENDIR = lazy_pattern(
    r"\bopendir\s*\(?\s*(?:my\s+)?\$?\w{1,40}\s*,\s*(?P<arg>['\"][^'\"\n]{0,400}['\"]|\$\w{1,40})"
)
_HOME_VARIABLE = lazy_pattern(
    r"(?<![\w$])(?:(?:my|our|local|const|let|var)\s+)?(?P<name>\$?[A-Za-z_]\w{0,40})\s*=\s*~"
    r"\s*(?=[;,\n)]|$)"
)
# Python's `Path("src").rglob("*.py")`, `Path(".").glob("*.txt")`: a pattern below a folder.
_PATH_GLOB = lazy_pattern(
    r"\bPath\s*\(\s*['\"](?P<folder>[^'\"\n]{0,300})['\"]\s*\)\s*\.\s*(?P<how>r?glob)\s*\("
    r"\s*['\"](?P<pattern>[^'\"\n]{1,100})['\"]"
)
# Calls that leave a file empty or rewrite it whole, given a path that is not a constant.
_EMPTIES = lazy_pattern(
    r"\.write_(?:text|bytes)\s*\(|\bopen\s*\(\s*\w+\s*,\s*['\"]w['\"]|"  # pathlib, open(f, "w")
    r"\b(?:truncate(?:Sync)?|ftruncate)\s*\(?\s*(?!['\"])|"
    r"(?:writeFileSync|writeFile|file_put_contents|binwrite|File\.write|IO\.write)"
    r"\s*\(\s*(?!['\"])|"
    r"\bopen\s*\(?\s*(?:my\s+)?\$?\w+\s*,\s*['\"]\+?>(?!>)\s*['\"]\s*,|"
    r"\bfopen\s*\(\s*\$\w+\s*,\s*['\"]w"
)


# Writes of nothing: `File.write(f, "")`, `p.write_text('')`, `open(f, 'w').close()`, truncate.
_BLANKS = lazy_pattern(
    r"(?:write(?:FileSync|File|_text|_bytes)?|file_put_contents|IO\.write|binwrite)\s*\("
    r"[^(),]{0,80},?\s*b?(?:''|\"\")\s*\)|\.write_(?:text|bytes)\s*\(\s*b?(?:''|\"\")\s*\)|"
    r"\bopen\s*\(\s*\w+\s*,\s*['\"]w['\"]\s*\)\s*\.close\(\)|"
    r"\b(?:truncate(?:Sync)?|ftruncate)\b"
)


def blanks(code: str) -> bool:
    """The code leaves files empty, not rewritten with other text."""
    return _BLANKS.search(code[:20_000]) is not None


def constants(code: str) -> dict[str, str]:
    """Variables the code sets once to a constant string or to the home folder (`~`)."""
    variables = calls.assignments(code)
    for match in _HOME_VARIABLE.finditer(code):
        variables.setdefault(match.group("name"), "~")
    return variables


def listed_patterns(code: str) -> list[str]:
    """Every folder listing in `code` whose argument is constant, as a file pattern."""
    variables = constants(code)
    found: list[str] = []
    for call in calls.find(code, _LISTINGS, variables):
        last = re.split(r"\.|::|->", call.name)[-1].strip()
        if last in _DIR_ONLY and not call.name.startswith("Dir"):
            continue
        values = [arg for arg in call.args if isinstance(arg, str)]
        if not values:
            continue
        folder = values[-1] if last == "opendir" else values[0]
        found.append(folder if last in _PATTERNS else _every_file(folder))
    for match in _OPENDIR.finditer(code):
        value = calls.value(match.group("arg"), variables)
        if isinstance(value, str):
            found.append(_every_file(value))
    for match in _PATH_GLOB.finditer(code):
        folder = match.group("folder").rstrip("/") or "."
        below = "/**/" if match.group("how") == "rglob" else "/"
        found.append(folder + below + match.group("pattern"))
    for match in _DIR_INDEX.finditer(code):
        value = calls.value(match.group("arg"), variables)
        if isinstance(value, str):
            found.append(value)
    return [pattern for pattern in found if pattern][:8]


def reads_each(code: str) -> bool:
    """The code reads files named at run time (to send them on)."""
    return _READS.search(code) is not None


def empties(code: str) -> bool:
    """The code truncates or rewrites files named at run time (a loop variable)."""
    return _EMPTIES.search(code) is not None


def _every_file(folder: str) -> str:
    """`.` -> `./*`, `/var/log/` -> `/var/log/*`, a pattern stays as it is."""
    if any(c in folder for c in "*?["):
        return folder
    return folder.rstrip("/") + "/*" if folder.rstrip("/") else "/*"
