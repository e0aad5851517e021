"""Inline programs in other languages (`python -c`, `perl -e`, `node -e`, `awk '...'`, ...).

These are not shell, so they are read with patterns: a network connection together with a
process spawn is a reverse shell, a fetch or decode together with exec/eval runs hidden code, a
fork in a loop is a fork bomb. Shell strings passed to `system(...)`-like calls and paths given
to `rmtree`-like calls are handed back for the shell rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.safety import (
    char_codes,
    hidden_commands,
    inline_calls,
    inline_joins,
    inline_langs,
    inline_listings,
    inline_reads,
    inline_sources,
)
from tui.core.safety.flow import secret_path
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel

_NETWORK = lazy_pattern(
    r"socket|/dev/tcp/|fsockopen|TCPSocket|net\.connect|net\.Socket|new\s+(?:\w+\.)?Socket|"
    r"IO::Socket|/inet/tcp|Net::Telnet|TcpClient|createConnection|stream_socket_client|"
    r"Deno\.connect|require\(\s*['\"](?:node:)?net['\"]\s*\)"
)
_SPAWN = lazy_pattern(
    r"subprocess|pty\.spawn|dup2|/bin/(ba|z|da|k)?sh\b|\bexec\s*[(\"']|\bsystem\s*\(|popen|"
    r"child_process|spawn\s*\(|proc_open|shell_exec|passthru|cmd\.exe|\bsh\s+-i|exec\s+\{|"
    r"IO\.popen|Process\.Start|\|\s*&|\bexecl?p?\b|os\.execute|io\.popen|do shell script|"
    r"\bsystem\s*\$"
)
_FETCH = lazy_pattern(
    r"urlopen|urllib|requests\.(get|post)|http\.client|httpx|LWP|open-uri|Net::HTTP|URI\.open|"
    r"https?\.get\s*\(|require\(\s*['\"]https?['\"]\s*\)\.(get|request)\s*\(|\bfetch\s*\(|file_get_contents\s*\(\s*['\"]https?:|Invoke-WebRequest|"
    r"\biwr\b|DownloadString|WebClient|\bcurl\b|\bwget\b|HTTP::Tiny|Mojo::UserAgent|"
    r"\bcurl_exec\b|\baxios\b|\bgot\s*\(|XMLHttpRequest|Net::FTP|socket\.http|"
    r"\bdownload(?:\.file)?\s*\(|\bLWP::Simple|\bgetstore\b|\bHTTP\.(?:get|request)\b|url\s*\(|"
    r"readLines\s*\(\s*['\"]https?:|\bGET\s*\(\s*['\"]https?:|http::geturl|\bnew\s+URL\s*\(|"
    r"do shell script\s*\(\s*do shell script"
)
_DECODE = lazy_pattern(
    r"b64decode|decode64|base64_?dec|\bunhexlify\b|rawToChar|Buffer\.from\([^)]*hex|base64\.b64|decode\(\s*['\"]base64|FromBase64String|MIME::Base64|"
    r"decode_base64|unpack\(\s*['\"]m|\batob\s*\(|Buffer\.from\([^)]*base64|zlib\.decompress|"
    r"marshal\.loads|codecs\.decode\([^)]*(rot|hex)|base64_decode|\.unpack1?\(\s*['\"]m|"
    r"fromhex|\bpack\s*\(?\s*['\"]H|unpack\s*\(?\s*['\"]?u|gzinflate|str_rot13|hex2bin|"
    r"\bchr\s*\(\s*\d+\s*\)\s*\.\s*chr|String\.fromCharCode"
)
_EXEC = lazy_pattern(
    r"\bexec\s*\(|\beval\b|\bexec\b|\bIEX\b|Invoke-Expression|\|\s*(ba)?sh\b|\bsystem\s*\(|"
    r"new\s+Function\s*\(|\b(?:instance|class|module)_eval\b|\bload\s*\(|\bexecSync\b|"
    r"\bspawn(?:Sync)?\s*\(|\bexecFile(?:Sync)?\b|\bpopen\b|\bshell_exec\b|\bpassthru\b|"
    r"\bos\.execute\b|\bloadstring\b|\bdofile\b|\binclude_string\b|\brunIn(?:This|New)Context\b|"
    r"\bsystem2?\b|%x|\bqx\b|`|\bsubprocess\.(?:run|call|check_call|check_output|Popen)\b|\bsource\s*\(|\bparse\s*\(\s*text|\bevaluate\s*\(|"
    r"\binclude\s*\(\s*(?:Downloads\.)?download\s*\(|do shell script\s*\(\s*do shell script"
)
# Loading code straight from a URL: `source("https://...")` (R), `include 'http://...'` (PHP).
_REMOTE_LOAD = lazy_pattern(
    r"\b(?:source|source_url|source_gist|include|include_once|require|require_once|dofile|"
    r"load|import|loadfile)\s*\(?\s*(?:download\s*\(\s*)?['\"]https?://"
)
_FORK_BOMB = lazy_pattern(
    r"fork\s+while\s+fork|while\s*\(?\s*(True|1|true)\s*\)?\s*:?\s*\{?[^}]{0,60}\bfork\s*\(|"
    r"for\s*\(\s*;\s*;\s*\)\s*\{?[^}]{0,40}\bfork\s*\(|fork\s*\(\s*\)\s*(;|\n)\s*fork\s*\(\s*\)"
    r"[^\n]{0,20}(while|loop)|loop\s*(?:\{|do)\s*(?:Process\.)?fork|"
    # `fork() while 1`, `fork while true` (Perl, Ruby); `for _ in range(64): os.fork()`
    r"\bfork\s*(?:\(\s*\))?\s+(?:while|until)\s+(?:1|true|fork|!?0)\b|"
    r"range\(\s*(?:[2-9]\d|\d{3,})\s*\)\s*:\s*(?:os\.)?fork\s*\(|"
    # `while(1) system("sleep 9 &")`, `while true do os.execute("x &") end`: background jobs
    r"while\s*\(?\s*(?:1|true|True)\s*\)?\s*(?:do\b|:|\{)?[^}\n]{0,80}?"
    r"\b(?:system|execute|popen|exec|spawn)\s*\(\s*[\"'][^\"'\n]{0,80}&\s*[\"']|"
    # `[os.fork() for _ in range(100000)]`: each child goes on forking
    r"\bfork\s*\(\s*\)\s*for\s+\w+\s+in\s+range\(\s*(?:[2-9]\d|\d{3,})\s*\)"
)
_SHELL_CALL = lazy_pattern(
    r"(?:os\.system|os\.popen|subprocess\.\w+|\bsystem|\bpopen|shell_exec|passthru|"
    r"execSync|\bexec|spawnSync|IO\.popen|%x|os\.execute|io\.popen|do shell script|"
    r"\bdo script|doShellScript|doScript)"
    r"\s*\(?\s*[rbuf]?(['\"`])(?P<code>(?:\\.|(?!\1)[^\\])*)\1(?!\s*,)"
)
# `system(join("", "r", "m") . " -rf ~")`, `os.execute(x)`: the command is computed, not written.
_BUILT_CALL = lazy_pattern(
    r"(?:(?<![\w.$])(?:system|shell_exec|passthru|popen|proc_open)|\bexecSync|\bspawnSync|"
    r"\bos\.execute|\bio\.popen|\bIO\.popen)\s*\(\s*(?![\s'\"`)]|%[qQwW]?[(\[{])"
)
_ARGV_CALL = lazy_pattern(r"subprocess\.\w+\s*\(\s*\[(?P<items>[^\]]*)\]")
_BACKTICKS = lazy_pattern(r"`(?P<code>[^`]+)`")
_HOME_SPELLINGS = lazy_pattern(
    r"\$ENV\{\s*['\"]?HOME['\"]?\s*\}|ENV\[\s*['\"]HOME['\"]\s*\]|process\.env\.HOME|"
    r"(?:\bos\s*\.\s*)?getenv\(\s*['\"]HOME['\"]\s*\)|(?:require\(\s*['\"](?:node:)?os['\"]\s*\)|\bos)\.homedir\(\)|"
    r"Dir\.home|File\.expand_path\(\s*['\"]~['\"]\s*\)|\$_SERVER\[\s*['\"]HOME['\"]\s*\]|"
    r"Path\.home\(\)|os\.environ\[['\"]HOME['\"]\]|\$HOME\b|\bhomedir\(\)|"
    r"Sys\.getenv\(\s*['\"]HOME['\"]\s*\)|Deno\.env\.get\(\s*['\"]HOME['\"]\s*\)|"
    r"System\.getProperty\(\s*['\"]user\.home['\"]\s*\)|os\.UserHomeDir\(\)|"
    r"\$env:(?:USERPROFILE|HOME)\b|path\.expand\(\s*['\"]~['\"]\s*\)|"
    r"expanduser\(\s*['\"]~['\"]\s*\)|\$(?:::)?env\(HOME\)"
)
# `~ + "/.npmrc"`, `~ . '/.ssh/id_rsa'` once the home is folded: one path, `"~/.npmrc"`.
_HOME_JOIN = lazy_pattern(r"(?<![\w$])~\s*[+.]\s*(['\"])/")
_RMTREE = lazy_pattern(
    r"(?:rmtree|rm_rf|rm_r|remove_tree|rmSync|rimraf|removedirs|rmdirSync|FileUtils\.rm|"
    r"Deno\.remove(?:Sync)?|"
    r"fs\.promises\.rm|fs\.rm)\s*\(?\s*"
    r"(?:['\"](?P<path>[^'\"]+)['\"]|os\.path\.expanduser\(\s*['\"](?P<home>~[^'\"]*)['\"]\s*\)|"
    r"(?P<home2>~(?=[\s,)])))"
)
_UNLINK = lazy_pattern(
    r"(?:(?<!['\"])\bunlink(?:Sync)?|File\.delete|\bunlink_all|FileUtils\.rm_f|\bos\.remove)"
    r"\s*\(?\s*(?:glob\s*\(\s*)?['\"](?P<path>[^'\"]+)['\"]|"
    r"array_map\(\s*['\"]unlink['\"]\s*,\s*glob\(\s*"
    r"(?P<globbed>['\"][^'\"]+['\"]|~\s*\.\s*['\"][^'\"]+['\"])"  # PHP: `~ . "/*.*"` joined
)
_WRITE = lazy_pattern(
    r"open\s*\(?\s*(?:my\s+)?\$?\w+\s*,\s*['\"](?P<op>>>?)\s*(?:['\"]\s*,\s*['\"])?(?P<path>[^'\"]+)['\"]|"
    r"(?:File\.write|writeFileSync|file_put_contents|IO\.write)\s*\(\s*['\"](?P<wpath>[^'\"]+)['\"]|"
    r"(?:appendFileSync)\s*\(\s*['\"](?P<apath>[^'\"]+)['\"]|"
    r"File\.open\s*\(\s*['\"](?P<opath>[^'\"]+)['\"]\s*,\s*['\"](?P<omode>[wa])"
)
# Perl's File::Find calling unlink or rmdir on everything under a folder.
_TREE_WALK = lazy_pattern(
    r"\bfind(?:depth)?\s*\(\s*(?:\{[^}]*wanted\s*=>\s*)?sub\s*\{[^}]*\b(?:unlink|rmdir|rmtree)\b"
    r"[^}]*\}\s*\}?\s*,\s*(?:['\"](?P<path>[^'\"]+)['\"]|~)"
)
# Perl's qx(...) and Tcl's exec run shell commands.
_QX = lazy_pattern(r"\bqx\s*(?:\((?P<code>[^)]*)\)|\{(?P<c2>[^}]*)\}|/(?P<c3>[^/]*)/)")
_EVAL_STRING = lazy_pattern(
    r"\b(?:eval|instance_eval|Function|load|loadstring)\s*\(?\s*(?P<q>['\"])(?P<code>(?:\\.|(?!(?P=q)).)+)(?P=q)"
)
_TCL_DELETE = lazy_pattern(r"\bfile\s+delete\s+(?P<force>-force\s+)?(?P<paths>[^\]\n;}]+)")
_RUBY_X = lazy_pattern(r"%x([({\[<])(.*?)[)}\]>]")
_TCL_EXEC = lazy_pattern(r"(?:^|[\[;\n{]\s*)exec\s+(?P<code>[^\]\n;}]+)")
# A folder listed by the code, and a delete call on what the listing gave.
_LISTED = lazy_pattern(
    r"(?:Dir\.glob|Dir\.entries|Dir\.children|Dir\[|readdirSync|readdir|listdir|glob\.glob|"
    r"\bglob|scandir|opendir|iterdir|Path)\s*\(?\s*['\"](?P<path>/[^'\"]*|~[^'\"]*)['\"]|"
    r"(?P<home>~)\s*\.\s*(?P<how>rglob|glob|iterdir|walk)\s*\(|"  # `Path.home().rglob('*')`
    # the lines of `ls DIR` (Lua's io.popen, Perl's qx, Ruby's backticks, PHP's shell_exec)
    r"(?:popen|qx|shell_exec|`)\s*[(\[{]?\s*['\"]?ls\s+(?:-\w+\s+)*(?P<lspath>[/~][^'\"`\s)]*)"
)
_DELETE_CALL = lazy_pattern(
    r"File\.delete|unlinkSync|rmSync|\bunlink\b|os\.remove|os\.unlink|rm_f|rm_rf|FileUtils\.rm|"
    r"\.unlink\(|rmtree"
)
# A client library loaded under a name of its own (`const h = require('https'); h.request(...)`).
_NET_MODULE = lazy_pattern(
    r"require\(\s*['\"](?:node:)?(?:https?|http2|net|tls|dgram)['\"]\s*\)|"
    r"\bimport\s+(?:ftplib|smtplib|http\.client|paramiko)\b|\buse\s+(?:Net::FTP|Net::SMTP)\b"
)
_URL = lazy_pattern(r"https?://|ftp://")
_STRING = lazy_pattern(r"['\"]([^'\"]*)['\"]")


@dataclass
class InlineResult:
    """What an inline program does: findings, shell strings to check, and paths it deletes."""

    findings: list[tuple[RiskLevel, str]] = field(default_factory=list)
    shell: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)
    writes: list[tuple[str, bool]] = field(default_factory=list)
    swept: list[str] = field(default_factory=list)  # folders whose listed files are deleted
    swept_all: list[str] = field(default_factory=list)  # ... and every file below them
    emptied: list[str] = field(default_factory=list)  # listed files truncated or rewritten
    blanked: bool = False  # ... and left empty, not rewritten with other text


def fetches(code: str) -> bool:
    """The program downloads something (an HTTP client or a URL read)."""
    text = code[:20_000]
    return bool(_FETCH.search(text)) and bool(_URL.search(text) or "getprint" in text)


def connects(code: str) -> bool:
    """The program opens a network connection or names a URL to fetch or send to."""
    text = code[:20_000]
    return bool(_NETWORK.search(text) or _FETCH.search(text) or _URL.search(text))


def decodes(code: str) -> bool:
    """The program decodes something (base64, hex, compressed, rot13)."""
    return _DECODE.search(code[:20_000]) is not None


def inspect(code: str, language: str, depth: int = 0) -> InlineResult:
    """Reads an inline program; `language` is only used in reasons ("Python", "Perl", ...)."""
    result = InlineResult()
    code, pieced = inline_joins.joined(code[:20_000])
    for text in pieced[:4]:
        reason = f"{language} code spells `{text[:40]}` in pieces, as code that hides does"
        result.findings.append((RiskLevel.HIGH, reason))
    result.findings.extend(hidden_commands.findings(code, language))
    code = _HOME_JOIN.sub(r"\1~/", _HOME_SPELLINGS.sub("~", code))
    if _NETWORK.search(code) and _SPAWN.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code connects a shell to the network (reverse shell)")
        )
    if _FETCH.search(code) and _EXEC.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code downloads code from the internet and runs it")
        )
    if (_DECODE.search(code) or char_codes.DECODING_CALLS.search(code)) and _EXEC.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code decodes hidden code and runs it")
        )
    if _REMOTE_LOAD.search(code):
        result.findings.append(
            (RiskLevel.CRITICAL, f"{language} code loads code from the internet and runs it")
        )
    result.findings.extend(inline_sources.findings(code, language))
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
        for match in _TCL_DELETE.finditer(code):
            paths = [p for p in match.group("paths").split() if p != "--"]
            (result.deletes if match.group("force") else result.removes).extend(paths)
    if language == "Ruby":
        result.shell.extend(m.group(2) for m in _RUBY_X.finditer(code))
    if language in inline_langs.LANGUAGES:
        lines = inline_langs.shell_lines(code, language)
        result.shell.extend(lines)
        if not lines and inline_langs.runs_programs(code):
            result.findings.append((RiskLevel.MODERATE, f"{language} code runs a program"))
    for match in _EVAL_STRING.finditer(code):  # `eval("system(\"rm -rf ~\");")`: code in code
        nested = match.group("code").replace("\\" + match.group("q"), match.group("q"))
        if depth < 2 and nested != code:
            inner = inspect(nested, language, depth + 1)
            result.findings.extend(f for f in inner.findings if f not in result.findings)
            result.shell.extend(inner.shell)
            result.deletes.extend(inner.deletes)
            result.removes.extend(inner.removes)
            result.writes.extend(inner.writes)
    called = inline_calls.effects(code, language)
    result.shell.extend(c for c in called.shell if c not in result.shell)
    result.deletes.extend(p for p in called.deletes if p not in result.deletes)
    result.removes.extend(p for p in called.removes if p not in result.removes)
    result.writes.extend(w for w in called.writes if w not in result.writes)
    listed = _LISTED.search(code)
    if listed and _DELETE_CALL.search(code):  # every file a listing of the folder yields
        folder = listed.group("path") or listed.group("home") or listed.group("lspath")
        if listed.group("how") in ("rglob", "walk") or "**" in folder:
            result.swept_all.append(folder.split("*", 1)[0].rstrip("/") or "/")
        else:
            result.swept.append(folder if "*" in folder else folder.rstrip("/") + "/*")
    elif language != "awk":
        _listing_loops(code, result)
    for match in _TREE_WALK.finditer(code):  # `find(sub { unlink }, "/etc")`: all under /etc
        result.deletes.append(match.group("path") or "~")
    for match in _RMTREE.finditer(code):
        path = match.group("path") or match.group("home") or ("~" if match.group("home2") else "")
        if path:
            result.deletes.append(path)
    result.removes.extend(
        m.group("path") or _globbed(m.group("globbed")) for m in _UNLINK.finditer(code)
    )
    for match in _WRITE.finditer(code):
        if match.group("path"):
            result.writes.append((match.group("path"), match.group("op") == ">>"))
        elif match.group("wpath") or match.group("apath"):
            result.writes.append(
                (match.group("wpath") or match.group("apath"), bool(match.group("apath")))
            )
        elif match.group("opath"):
            result.writes.append((match.group("opath"), match.group("omode") == "a"))
    if any(p.search(code) for p in (_NETWORK, _FETCH, _URL, _NET_MODULE)):
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
    if result.writes and fetches(code):
        _runs_what_it_saved(code, result, language)
    if result.shell:  # `$d = $ENV{HOME}; system "rm -rf $d"`: known values put in
        known = inline_listings.constants(code)
        result.shell = [_interpolated(text, known) for text in result.shell]
    return result


# `$d`, `${d}` (Perl, PHP, JavaScript templates), `#{d}` (Ruby) inside a string.
_INTERPOLATION = lazy_pattern(r"#\{\s*(\w{1,40})\s*\}|\$\{(\w{1,40})\}|\$(\w{1,40})")


def _interpolated(text: str, known: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2) or match.group(3)
        return known.get("$" + name, known.get(name, match.group(0)))

    return _INTERPOLATION.sub(one, text) if known else text


def _runs_what_it_saved(code: str, result: InlineResult, language: str) -> None:
    """`file_put_contents("/tmp/p.php", file_get_contents(URL)); include "/tmp/p.php";`: a
    download saved to a file that the same code then loads or runs."""
    for path, _append in result.writes[:8]:
        if not path or path.startswith("/dev/"):
            continue
        loaded = re.search(_LOADS + r"\s*\(?\s*['\"]" + re.escape(path), code)
        ran = any(
            re.search(r"(?:^|[\s;&|(])" + re.escape(path) + r"(?:$|[\s;&|)])", s)
            for s in result.shell
        )
        if loaded or ran:
            reason = f"{language} code downloads code to {path} and runs it"
            result.findings.append((RiskLevel.CRITICAL, reason))
            return


_LOADS = r"\b(?:include|include_once|require|require_once|dofile|loadfile|load|source|exec_file)"


def _listing_loops(code: str, result: InlineResult) -> None:
    """`unlink for glob "*"`, `readdirSync(".").forEach(f => writeFileSync(f, ""))`: what the
    code does to names a listing gives is done to every file of it."""
    patterns = inline_listings.listed_patterns(code)
    if not patterns:
        return
    if _DELETE_CALL.search(code):
        for pattern in patterns:
            (result.swept_all if "**" in pattern else result.swept).append(pattern)
    if inline_listings.empties(code):
        result.emptied.extend(patterns)
        result.blanked = inline_listings.blanks(code)
    if connects(code) and inline_listings.reads_each(code):
        reason = f"code sends every file of {patterns[0]} to another machine"
        result.findings.append((RiskLevel.HIGH, reason))


# The whole environment at once (not one variable): `%ENV`, `ENV.to_h`, `process.env)`.
_WHOLE_ENV = lazy_pattern(
    r"(keys|values|each|map|join|encode_json|Dumper)\b[^;]*%ENV\b|%ENV\s*[),]|\bENV\.(to_h|to_a|"
    r"each|map|inspect)\b|JSON\.stringify\(\s*process\.env\s*\)|process\.env\s*[),]|"
    r"\$_ENV\b(?!\[)|getenv\(\s*\)|os\.environ\s*[),]|dict\(\s*os\.environ\s*\)"
)


_ACTIONS = lazy_pattern(
    r"\bsystem\b|\bexec|spawn|popen|`|\bunlink|\brm|rmdir|rmtree|\bkill\b|\bfork\b|"
    r"open\s*\(|File\.|\bfs\b|writeFile|file_put|fopen|child_process|require|\bnet\b|http|"
    r"socket|Socket|Net::|LWP|curl|\bmkdir|chmod|chown|rename|\bmove|copy|\beval\b|\bload\b|"
    r"process\.|Process|Dir\.|IO\.|%x|qx|\$\(|syscall|ENV|getenv|import|include|<STDIN>|"
    r"\buse\b|-M|\bremove|truncate|\bdelete|\bwrite|\blink|symlink|utime|touch|putenv|"
    r"setenv|\bos\.|\bio\."
)


# Calls that only read or compute: a JSON file's data, path helpers, facts about the process.
_PURE_CALLS = lazy_pattern(
    r"(?:(?:const|let|var)\s+fs\s*=\s*)?(?:require\(\s*['\"](?:node:)?fs['\"]\s*\)|\bfs)\s*\.\s*"
    r"(?:readFileSync|existsSync|statSync)\s*\(|"
    r"(?:const|let|var)\s+fs\s*=\s*require\(\s*['\"](?:node:)?fs['\"]\s*\)|"
    r"require\(\s*['\"](?:(?:node:)?(?:path|util|url|assert|querystring|string_decoder)|"
    r"\.{0,2}/?[\w./-]*\.json)['\"]\s*\)|"
    r"\bprocess\.(?:version|versions|platform|arch|argv|pid|cwd\(\)|uptime\(\)|memoryUsage\(\)|"
    # an ordinary variable, not a token: `process.env.PATH`
    r"env\.(?:PATH|HOME|USER|SHELL|LANG|TERM|PWD|NODE_ENV|TMPDIR)\b)"
)


# Changing a file's mode or owner, in each language's spelling: the path first (Python, Node,
# PHP), the mode first (Perl, Ruby), or a Path object (pathlib).
_CHMOD_CALL = lazy_pattern(
    r"(?:os\.l?chmod|(?:fs\.(?:promises\.)?)?chmod(?:Sync)?)\s*\(\s*['\"](?P<path>[^'\"]+)['\"]\s*,"
    r"\s*(?P<mode>0[oO]?[0-7]+|\d+)|"
    r"Path\(\s*['\"](?P<ppath>[^'\"]+)['\"]\s*\)\.chmod\(\s*(?P<pmode>0[oO]?[0-7]+|\d+)|"
    r"(?:File|FileUtils)\.chmod(?P<rec>_R)?\s*\(\s*(?P<rmode>0[oO]?[0-7]+|\d+)\s*,"
    r"\s*['\"](?P<rpath>[^'\"]+)['\"]|"
    r"\bchmod\s*\(?\s*(?P<lmode>0[0-7]+)\s*,\s*['\"](?P<lpath>[^'\"]+)['\"]"
)
_CHOWN_CALL = lazy_pattern(
    r"(?:os\.l?chown|shutil\.chown|(?:fs\.(?:promises\.)?)?chown(?:Sync)?)\s*\(\s*"
    r"['\"](?P<path>[^'\"]+)['\"]\s*,\s*['\"]?(?P<user>[\w-]+)|"
    r"(?:File|FileUtils)\.chown(?P<rec>_R)?\s*\(\s*['\"]?(?P<ruser>[\w-]+)['\"]?\s*,"
    r"\s*['\"]?[\w-]+['\"]?\s*,\s*['\"](?P<rpath>[^'\"]+)['\"]|"
    r"\bchown\s*\(?\s*(?P<luser>\d+)\s*,\s*-?\d+\s*,\s*['\"](?P<lpath>[^'\"]+)['\"]"
)


def permission_calls(code: str) -> list[str]:
    """Mode and owner changes in inline code, as the shell commands that do the same
    (`os.chmod('/etc/shadow', 0o777)` is `chmod 777 /etc/shadow`), for the shell rules."""
    code = _HOME_SPELLINGS.sub("~", code[:20_000])
    commands: list[str] = []
    for match in _CHMOD_CALL.finditer(code):
        path = match.group("path") or match.group("ppath") or match.group("rpath")
        mode = match.group("mode") or match.group("pmode") or match.group("rmode")
        path, mode = path or match.group("lpath"), mode or match.group("lmode")
        flag = "-R " if match.group("rec") else ""
        commands.append(f"chmod {flag}{_octal(mode)} {_quote(path)}")
    for match in _CHOWN_CALL.finditer(code):
        path = match.group("path") or match.group("rpath") or match.group("lpath")
        user = match.group("user") or match.group("ruser") or match.group("luser")
        flag = "-R " if match.group("rec") else ""
        commands.append(f"chown {flag}{_quote(user)} {_quote(path)}")
    return commands


def _octal(mode: str) -> str:
    """`0o4755`, `04755`, `0777` -> `4755`, `777`; a plain number is decimal (511 -> 777)."""
    if mode[:2].lower() == "0o":
        value = int(mode[2:], 8)
    elif mode.startswith("0") and len(mode) > 1:
        value = int(mode, 8)
    else:
        value = int(mode)
    return format(value, "03o")


def harmless(code: str, result: InlineResult) -> bool:
    """Inline Perl, Ruby, Node or PHP that only computes and prints (no calls that act)."""
    if any(_secret(text) for text in _STRING.findall(code[:20_000])):
        return False  # it reads a key or a password file, even if only to print it
    code = _PRINTED_FETCH.sub("pure()", code[:20_000])  # a page fetched to be printed
    code = _MATCHED.sub(" pure ", code)  # `print if /rm -rf/`: a pattern matched, not run
    if _URL.search(code):
        return False  # it talks to the network (or names an address to talk to)
    return not (
        result.findings
        or result.shell
        or result.deletes
        or result.removes
        or result.writes
        or result.swept
        or result.swept_all
        or result.emptied
    ) and not _ACTIONS.search(inline_reads.without_reads(_PURE_CALLS.sub("pure", _home(code))))


# A plain GET of a constant address, in Node's and Ruby's spellings: `fetch('URL')`,
# `https.get('URL', cb)`, `URI.open("URL")`, `Net::HTTP.get(URI("URL"))`. What the code then
# does with the page is checked like any other code (printing it is harmless, running it not).
_QUOTED_URL = r"""(?P<q{n}>['"])https?://[^'"\s]*(?P=q{n})"""
_PRINTED_FETCH = lazy_pattern(
    rf"\bfetch\s*\(\s*{_QUOTED_URL.format(n=1)}\s*\)|"
    r"(?:require\(\s*['\"](?:node:)?https?['\"]\s*\)|\bhttps?)\s*\.\s*get\s*\(\s*"
    rf"{_QUOTED_URL.format(n=2)}\s*(?=[,)])|"
    rf"\b(?:URI\s*\.\s*)?open\s*\(\s*{_QUOTED_URL.format(n=3)}\s*\)|"
    rf"Net::HTTP\s*\.\s*get(?:_response)?\s*\(\s*URI\s*\(\s*{_QUOTED_URL.format(n=4)}\s*\)\s*\)"
)


# A pattern matched against the input: `if /x/`, `unless /x/`, `=~ /x/`, `m/x/`, `m{x}`.
_MATCHED = lazy_pattern(
    r"(?:\b(?:if|unless|and|or|not)\s+|=~\s*|!~\s*|\bm)/(?:[^/\\\n]|\\.)*/[a-z]*"
)


def _home(code: str) -> str:
    """`os.getenv("HOME")`, `Dir.home`, `$ENV{HOME}` as `~`: naming the home is no action."""
    return _HOME_SPELLINGS.sub("~", code[:20_000])


# A call that runs a constant command, in each language's spelling: `system("df", "-h")`,
# `os.execute("uname -a")`, `require('child_process').execSync('git status')`, `io.popen("ls")`.
# The command is rated as itself (the inline shell strings), so the call adds nothing.
_CONSTANT_RUN = lazy_pattern(
    r"(?:require\(\s*['\"](?:node:)?child_process['\"]\s*\)\s*\.\s*)?"
    r"(?:\b(?:os|io|IO|Kernel|Open3|cp|child_process)\s*\.\s*)?"
    r"\b(?:system|exec|execSync|execFileSync|spawnSync|popen|shell_exec|passthru|execute|"
    r"capture2e?|capture3)\s*\(?\s*"
    r"(?:(?P<q>['\"])(?:(?!(?P=q))[^\\$`@#{}])*(?P=q)\s*(?:,\s*)?)+\)?"
)


def runs_only_constant(code: str, result: InlineResult) -> bool:
    """Inline code whose only action is running constant commands (`ruby -e 'system("df")'`,
    `lua -e 'os.execute("uname -a")'`): each command is rated as itself, so the code is as
    safe as they are. Interpolated strings (`"rm $d"`, `"#{x}"`) are not constant."""
    if not result.shell or len(code) > 2_000:
        return False
    without = _CONSTANT_RUN.sub(" ran ", code)
    if without == code:
        return False
    return harmless(without, InlineResult())


def _globbed(pattern: str) -> str:
    """`"/tmp/*.log"` -> `/tmp/*.log`; `~ . "/*.*"` (PHP's join) -> `~/*.*`."""
    quoted = _STRING.search(pattern)
    inner = quoted.group(1) if quoted else pattern
    return "~" + inner if pattern.startswith("~") else inner


def _secret(text: str) -> bool:
    what = secret_path(text)
    return what is not None and what != "your whole home folder"


_MODE = r"(?:0o?)?[0-7]{3,5}"
_CHMOD = lazy_pattern(
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
