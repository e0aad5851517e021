"""Inline programs in other languages (`python -c`, `perl -e`, `node -e`, `awk '...'`, ...).

These are not shell, so they are read with patterns: a network connection together with a
process spawn is a reverse shell, a fetch or decode together with exec/eval runs hidden code, a
fork in a loop is a fork bomb. Shell strings passed to `system(...)`-like calls and paths given
to `rmtree`-like calls are handed back for the shell rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.safety.flow import secret_path
from tui.core.safety.model import RiskLevel

_NETWORK = re.compile(
    r"socket|/dev/tcp/|fsockopen|TCPSocket|net\.connect|net\.Socket|new\s+Socket|IO::Socket|"
    r"/inet/tcp|Net::Telnet|TcpClient|createConnection"
)
_SPAWN = re.compile(
    r"subprocess|pty\.spawn|dup2|/bin/(ba|z|da|k)?sh\b|\bexec\s*[(\"']|\bsystem\s*\(|popen|"
    r"child_process|spawn\s*\(|proc_open|shell_exec|passthru|cmd\.exe|\bsh\s+-i|exec\s+\{|"
    r"IO\.popen|Process\.Start|\|\s*&|\bexecl?p?\b|os\.execute|io\.popen|do shell script"
)
_FETCH = re.compile(
    r"urlopen|urllib|requests\.(get|post)|http\.client|httpx|LWP|open-uri|Net::HTTP|URI\.open|"
    r"https?\.get\s*\(|require\(\s*['\"]https?['\"]\s*\)\.(get|request)\s*\(|\bfetch\s*\(|file_get_contents\s*\(\s*['\"]https?:|Invoke-WebRequest|"
    r"\biwr\b|DownloadString|WebClient|\bcurl\b|\bwget\b"
)
_DECODE = re.compile(
    r"b64decode|base64\.b64|decode\(\s*['\"]base64|FromBase64String|MIME::Base64|"
    r"decode_base64|unpack\(\s*['\"]m|\batob\s*\(|Buffer\.from\([^)]*base64|zlib\.decompress|"
    r"marshal\.loads|codecs\.decode\([^)]*(rot|hex)|base64_decode|\.unpack1?\(\s*['\"]m|"
    r"fromhex|\bpack\s*\(?\s*['\"]H|unpack\s*\(?\s*['\"]?u|gzinflate|str_rot13|hex2bin|"
    r"\bchr\s*\(\s*\d+\s*\)\s*\.\s*chr|String\.fromCharCode"
)
_EXEC = re.compile(
    r"\bexec\s*\(|\beval\b|\bexec\b|\bIEX\b|Invoke-Expression|\|\s*(ba)?sh\b|\bsystem\s*\(|"
    r"new\s+Function\s*\(|\binstance_eval\b|\bload\s*\("
)
_FORK_BOMB = re.compile(
    r"fork\s+while\s+fork|while\s*\(?\s*(True|1|true)\s*\)?\s*:?\s*\{?[^}]{0,60}\bfork\s*\(|"
    r"for\s*\(\s*;\s*;\s*\)\s*\{?[^}]{0,40}\bfork\s*\(|fork\s*\(\s*\)\s*(;|\n)\s*fork\s*\(\s*\)"
    r"[^\n]{0,20}(while|loop)|loop\s*\{\s*fork"
)
_SHELL_CALL = re.compile(
    r"(?:os\.system|os\.popen|subprocess\.\w+|\bsystem|\bpopen|shell_exec|passthru|"
    r"execSync|\bexec|spawnSync|IO\.popen|%x|os\.execute|io\.popen|do shell script)"
    r"\s*\(?\s*[rbuf]?(['\"`])(?P<code>.*?)(?<!\\)\1"
)
# `system(join("", "r", "m") . " -rf ~")`, `os.execute(x)`: the command is computed, not written.
_BUILT_CALL = re.compile(
    r"(?:(?<![\w.$])(?:system|shell_exec|passthru|popen|proc_open)|\bexecSync|\bspawnSync|"
    r"\bos\.execute|\bio\.popen|\bIO\.popen)\s*\(\s*(?![\s'\"`)]|%[qQwW]?[(\[{])"
)
_ARGV_CALL = re.compile(r"subprocess\.\w+\s*\(\s*\[(?P<items>[^\]]*)\]")
_BACKTICKS = re.compile(r"`(?P<code>[^`]+)`")
_HOME_SPELLINGS = re.compile(
    r"\$ENV\{\s*['\"]?HOME['\"]?\s*\}|ENV\[\s*['\"]HOME['\"]\s*\]|process\.env\.HOME|"
    r"getenv\(\s*['\"]HOME['\"]\s*\)|(?:require\(\s*['\"](?:node:)?os['\"]\s*\)|\bos)\.homedir\(\)|"
    r"Dir\.home|File\.expand_path\(\s*['\"]~['\"]\s*\)|\$_SERVER\[\s*['\"]HOME['\"]\s*\]|"
    r"Path\.home\(\)|os\.environ\[['\"]HOME['\"]\]|\$HOME\b"
)
_RMTREE = re.compile(
    r"(?:rmtree|rm_rf|rm_r|remove_tree|rmSync|rimraf|removedirs|rmdirSync|FileUtils\.rm|"
    r"fs\.promises\.rm|fs\.rm)\s*\(?\s*"
    r"(?:['\"](?P<path>[^'\"]+)['\"]|os\.path\.expanduser\(\s*['\"](?P<home>~[^'\"]*)['\"]\s*\)|"
    r"(?P<home2>~(?=[\s,)])))"
)
_UNLINK = re.compile(
    r"(?:\bunlink(?:Sync)?|File\.delete|\bunlink_all|FileUtils\.rm_f|\bos\.remove)\s*\(?\s*"
    r"(?:glob\s*\(\s*)?['\"](?P<path>[^'\"]+)['\"]|"
    r"array_map\(\s*['\"]unlink['\"]\s*,\s*glob\(\s*['\"](?P<globbed>[^'\"]+)['\"]"
)
_WRITE = re.compile(
    r"open\s*\(?\s*(?:my\s+)?\$?\w+\s*,\s*['\"](?P<op>>>?)\s*(?:['\"]\s*,\s*['\"])?(?P<path>[^'\"]+)['\"]|"
    r"(?:File\.write|writeFileSync|file_put_contents|IO\.write)\s*\(\s*['\"](?P<wpath>[^'\"]+)['\"]|"
    r"(?:appendFileSync)\s*\(\s*['\"](?P<apath>[^'\"]+)['\"]|"
    r"File\.open\s*\(\s*['\"](?P<opath>[^'\"]+)['\"]\s*,\s*['\"](?P<omode>[wa])"
)
# Perl's File::Find calling unlink or rmdir on everything under a folder.
_TREE_WALK = re.compile(
    r"\bfind(?:depth)?\s*\(\s*(?:\{[^}]*wanted\s*=>\s*)?sub\s*\{[^}]*\b(?:unlink|rmdir|rmtree)\b"
    r"[^}]*\}\s*\}?\s*,\s*(?:['\"](?P<path>[^'\"]+)['\"]|~)"
)
# Perl's qx(...) and Tcl's exec run shell commands.
_QX = re.compile(r"\bqx\s*(?:\((?P<code>[^)]*)\)|\{(?P<c2>[^}]*)\}|/(?P<c3>[^/]*)/)")
_TCL_EXEC = re.compile(r"(?:^|[\[;\n{]\s*)exec\s+(?P<code>[^\]\n;}]+)")
# A folder listed by the code, and a delete call on what the listing gave.
_LISTED = re.compile(
    r"(?:Dir\.glob|Dir\.entries|Dir\.children|Dir\[|readdirSync|readdir|listdir|glob\.glob|"
    r"\bglob|scandir|opendir|iterdir|Path)\s*\(?\s*['\"](?P<path>/[^'\"]*|~[^'\"]*)['\"]"
)
_DELETE_CALL = re.compile(
    r"File\.delete|unlinkSync|rmSync|\bunlink\b|os\.remove|os\.unlink|rm_f|rm_rf|FileUtils\.rm|"
    r"\.unlink\(|rmtree"
)
_URL = re.compile(r"https?://|ftp://")
_STRING = re.compile(r"['\"]([^'\"]*)['\"]")


@dataclass
class InlineResult:
    """What an inline program does: findings, shell strings to check, and paths it deletes."""

    findings: list[tuple[RiskLevel, str]] = field(default_factory=list)
    shell: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)
    writes: list[tuple[str, bool]] = field(default_factory=list)
    swept: list[str] = field(default_factory=list)  # folders whose listed files are deleted


def inspect(code: str, language: str) -> InlineResult:
    """Reads an inline program; `language` is only used in reasons ("Python", "Perl", ...)."""
    result = InlineResult()
    code = _HOME_SPELLINGS.sub("~", code[:20_000])
    if _NETWORK.search(code) and _SPAWN.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code connects a shell to the network (reverse shell)")
        )
    if _FETCH.search(code) and _EXEC.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code downloads code from the internet and runs it")
        )
    if _DECODE.search(code) and _EXEC.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code decodes hidden code and runs it")
        )
    if _FORK_BOMB.search(code):
        result.findings.append(
            (
                RiskLevel.CRITICAL,
                f"{language} code forks without end (fork bomb): the machine freezes",
            )
        )
    if language != "awk" and _BUILT_CALL.search(code):
        reason = f"{language} code runs a command that is only known when it runs"
        result.findings.append((RiskLevel.HIGH, reason))
    result.shell.extend(m.group("code") for m in _SHELL_CALL.finditer(code))
    for match in _ARGV_CALL.finditer(code):
        result.shell.append(
            " ".join(_quote(item) for item in _STRING.findall(match.group("items")))
        )
    if language in ("Perl", "Ruby", "PHP", "Julia"):
        result.shell.extend(m.group("code") for m in _BACKTICKS.finditer(code))
    if language == "Perl":
        result.shell.extend(
            m.group("code") or m.group("c2") or m.group("c3") for m in _QX.finditer(code)
        )
    if language in ("Tcl", "Expect"):
        result.shell.extend(m.group("code") for m in _TCL_EXEC.finditer(code))
    listed = _LISTED.search(code)
    if listed and _DELETE_CALL.search(code):  # every file a listing of the folder yields
        folder = listed.group("path")
        result.swept.append(folder if "*" in folder else folder.rstrip("/") + "/*")
    for match in _TREE_WALK.finditer(code):  # `find(sub { unlink }, "/etc")`: all under /etc
        result.deletes.append(match.group("path") or "~")
    for match in _RMTREE.finditer(code):
        path = match.group("path") or match.group("home") or ("~" if match.group("home2") else "")
        if path:
            result.deletes.append(path)
    result.removes.extend(m.group("path") or m.group("globbed") for m in _UNLINK.finditer(code))
    for match in _WRITE.finditer(code):
        if match.group("path"):
            result.writes.append((match.group("path"), match.group("op") == ">>"))
        elif match.group("wpath") or match.group("apath"):
            result.writes.append(
                (match.group("wpath") or match.group("apath"), bool(match.group("apath")))
            )
        elif match.group("opath"):
            result.writes.append((match.group("opath"), match.group("omode") == "a"))
    if _NETWORK.search(code) or _FETCH.search(code) or _URL.search(code):
        for text in _STRING.findall(code):
            what = secret_path(text)
            if what and what != "your whole home folder":
                result.findings.append(
                    (RiskLevel.CRITICAL, f"{language} code sends {what} to another machine")
                )
                break
        if _WHOLE_ENV.search(code):
            what = "your environment variables (tokens and keys)"
            result.findings.append(
                (RiskLevel.CRITICAL, f"{language} code sends {what} to another machine")
            )
    return result


# The whole environment at once (not one variable): `%ENV`, `ENV.to_h`, `process.env)`.
_WHOLE_ENV = re.compile(
    r"(keys|values|each|map|join|encode_json|Dumper)\b[^;]*%ENV\b|%ENV\s*[),]|\bENV\.(to_h|to_a|"
    r"each|map|inspect)\b|JSON\.stringify\(\s*process\.env\s*\)|process\.env\s*[),]|"
    r"\$_ENV\b(?!\[)|getenv\(\s*\)|os\.environ\s*[),]|dict\(\s*os\.environ\s*\)"
)


_ACTIONS = re.compile(
    r"\bsystem\b|\bexec|spawn|popen|`|\bunlink|\brm|rmdir|rmtree|\bkill\b|\bfork\b|"
    r"open\s*\(|File\.|\bfs\b|writeFile|file_put|fopen|child_process|require|\bnet\b|http|"
    r"socket|Socket|Net::|LWP|curl|\bmkdir|chmod|chown|rename|\bmove|copy|\beval\b|\bload\b|"
    r"process\.|Process|Dir\.|IO\.|%x|qx|\$\(|syscall|ENV|getenv|import|include|<STDIN>|"
    r"\buse\b|-M"
)


# Calls that only read or compute: a JSON file's data, path helpers, facts about the process.
_PURE_CALLS = re.compile(
    r"require\(\s*['\"](?:(?:node:)?(?:path|util|url|assert|querystring|string_decoder)|"
    r"\.{0,2}/?[\w./-]*\.json)['\"]\s*\)|"
    r"\bprocess\.(?:version|versions|platform|arch|argv|pid|cwd\(\)|uptime\(\)|memoryUsage\(\))"
)


def harmless(code: str, result: InlineResult) -> bool:
    """Inline Perl, Ruby, Node or PHP that only computes and prints (no calls that act)."""
    return not (
        result.findings
        or result.shell
        or result.deletes
        or result.removes
        or result.writes
        or result.swept
    ) and not _ACTIONS.search(_PURE_CALLS.sub("pure", code[:20_000]))


_MODE = r"(?:0o?)?[0-7]{3,5}"
_CHMOD = re.compile(
    r"\bchmod(?:Sync)?\s*\(?\s*(?:(?P<m1>" + _MODE + r")\s*,\s*['\"](?P<p1>[^'\"]+)['\"]|"
    r"['\"](?P<p2>[^'\"]+)['\"]\s*,\s*(?P<m2>" + _MODE + r"))"
)


def mode_changes(code: str) -> list[str]:
    """`os.chmod('/bin/bash', 0o4755)`, `chmod 04755, "/bin/sh"` as the shell's `chmod`."""
    changes: list[str] = []
    for match in _CHMOD.finditer(code[:20_000]):
        mode = (match.group("m1") or match.group("m2")).lower().removeprefix("0o")
        path = match.group("p1") or match.group("p2")
        changes.append(f"chmod {int(mode, 8):04o} {_quote(path)}")
    return changes


def _quote(item: str) -> str:
    return "'" + item.replace("'", "'\\''") + "'"
