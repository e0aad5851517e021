"""Inline programs in other languages (`python -c`, `perl -e`, `node -e`, `awk '...'`, ...).

These are not shell, so they are read with patterns: a network connection together with a
process spawn is a reverse shell, a fetch or decode together with exec/eval runs hidden code, a
fork in a loop is a fork bomb. Shell strings passed to `system(...)`-like calls and paths given
to `rmtree`-like calls are handed back for the shell rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.safety.model import RiskLevel

_NETWORK = re.compile(
    r"socket|/dev/tcp/|fsockopen|TCPSocket|net\.connect|net\.Socket|new\s+Socket|IO::Socket|"
    r"/inet/tcp|Net::Telnet|TcpClient|createConnection"
)
_SPAWN = re.compile(
    r"subprocess|pty\.spawn|dup2|/bin/(ba|z|da|k)?sh\b|\bexec\s*[(\"']|\bsystem\s*\(|popen|"
    r"child_process|spawn\s*\(|proc_open|shell_exec|passthru|cmd\.exe|\bsh\s+-i|exec\s+\{|"
    r"IO\.popen|Process\.Start|\|\s*&|\bexecl?p?\b"
)
_FETCH = re.compile(
    r"urlopen|urllib|requests\.(get|post)|http\.client|httpx|LWP|open-uri|Net::HTTP|URI\.open|"
    r"https?\.get\s*\(|\bfetch\s*\(|file_get_contents\s*\(\s*['\"]https?:|Invoke-WebRequest|"
    r"\biwr\b|DownloadString|WebClient|\bcurl\b|\bwget\b"
)
_DECODE = re.compile(
    r"b64decode|base64\.b64|decode\(\s*['\"]base64|FromBase64String|MIME::Base64|"
    r"decode_base64|unpack\(\s*['\"]m|\batob\s*\(|Buffer\.from\([^)]*base64|zlib\.decompress|"
    r"marshal\.loads|codecs\.decode\([^)]*rot|base64_decode|\.unpack1?\(\s*['\"]m"
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
    r"execSync|\bexec|spawnSync|IO\.popen|%x)\s*\(?\s*[rbuf]?(['\"`])(?P<code>.*?)(?<!\\)\1"
)
_ARGV_CALL = re.compile(r"subprocess\.\w+\s*\(\s*\[(?P<items>[^\]]*)\]")
_BACKTICKS = re.compile(r"`(?P<code>[^`]+)`")
_RMTREE = re.compile(
    r"(?:rmtree|rm_rf|rm_r|remove_tree|rmSync|rimraf|removedirs)\s*\(\s*"
    r"(?:['\"](?P<path>[^'\"]+)['\"]|os\.path\.expanduser\(\s*['\"](?P<home>~[^'\"]*)['\"]\s*\)|"
    r"(?P<home2>Path\.home\(\)|os\.environ\[['\"]HOME['\"]\]|Dir\.home|os\.homedir\(\)))"
)
_STRING = re.compile(r"['\"]([^'\"]*)['\"]")


@dataclass
class InlineResult:
    """What an inline program does: findings, shell strings to check, and paths it deletes."""

    findings: list[tuple[RiskLevel, str]] = field(default_factory=list)
    shell: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)


def inspect(code: str, language: str) -> InlineResult:
    """Reads an inline program; `language` is only used in reasons ("Python", "Perl", ...)."""
    result = InlineResult()
    code = code[:20_000]
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
    result.shell.extend(m.group("code") for m in _SHELL_CALL.finditer(code))
    for match in _ARGV_CALL.finditer(code):
        result.shell.append(
            " ".join(_quote(item) for item in _STRING.findall(match.group("items")))
        )
    if language in ("Perl", "Ruby", "PHP"):
        result.shell.extend(m.group("code") for m in _BACKTICKS.finditer(code))
    for match in _RMTREE.finditer(code):
        path = match.group("path") or match.group("home") or ("~" if match.group("home2") else "")
        if path:
            result.deletes.append(path)
    return result


def _quote(item: str) -> str:
    return "'" + item.replace("'", "'\\''") + "'"
