"""What the calls of an inline program do, by a table of call names shared by the languages.

Each effect is turned into what the shell rules already rate: a program run with its arguments
(`spawnSync('rm', ['-rf', '/etc'])` is `rm -rf /etc`), a change of permissions or owner
(`File.chmod(0777, "/etc/shadow")` is `chmod 777 /etc/shadow`), a path deleted (recursively
when the call or its `recursive` option says so) or written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.core.safety import calls
from tui.core.safety.lazy import lazy_pattern

# Calls that run a program with its arguments one by one, or a shell string.
_RUNS = frozenset(
    "system exec spawn spawnSync execFile execFileSync execSync system2 pcntl_exec proc_open "
    "popen popen2 popen3 capture2 capture2e capture3 shell_exec passthru execute Command "
    "run_command".split()
)
_SHELL_STRING = frozenset(
    "system exec popen shell_exec passthru execute execSync spawn capture2 capture2e capture3 "
    "popen2 popen3 pipeline_r pipeline_w".split()
)
_PIPE_MODES = frozenset(("r", "w", "rb", "wb", "r+", "w+", "rt", "wt"))
_CHMOD = frozenset("chmod chmodSync lchmod lchmodSync chmod_R".split())
_CHOWN = frozenset("chown chownSync lchown lchownSync chown_R".split())
_TREE_DELETES = frozenset(
    "rmtree rm_rf rm_r remove_tree rimraf removedirs remove_dir_all remove_dir deleteRecursively "
    "deleteDirectory emptyDirSync emptyDir remove_entry remove_entry_secure".split()
)
_DELETES = frozenset(
    "rmSync rm rmdir rmdirSync remove removeSync unlink unlinkSync delete deleteSync rm_f "
    "rmdir_p".split()
)
_OPENS = frozenset("open fopen openSync".split())
_WRITERS = frozenset(
    "writeFileSync writeFile appendFileSync appendFile file_put_contents writeTextFile "
    "writeTextFileSync write writeLines cat createWriteStream".split()
)
_APPENDERS = ("appendFileSync", "appendFile")
_MOVES = frozenset("rename renameSync mv move file.rename".split())
_COPIES = frozenset("copy copyFile copyFileSync cp copySync cpSync file.copy copy_file".split())
_KILLS = frozenset("kill posix_kill".split())
_TRUNCATES = frozenset("truncate truncateSync".split())
_NAMES = (
    (_RUNS | _CHMOD | _CHOWN | _TREE_DELETES | _DELETES | _OPENS | _WRITERS | _MOVES | _COPIES)
    | _KILLS
    | _TRUNCATES
)
# Languages whose kill() takes the signal first (`kill 9, $pid`, `Process.kill(9, pid)`).
_SIGNAL_FIRST = frozenset(("Perl", "Ruby"))
_FILE_OWNERS = ("File", "Files", "FileUtils", "file", "fs", "Path", "IO", "Deno", "FS")
_WRITE_MODE = lazy_pattern(r"[rwaxbt+]{1,3}|>>?|\+[<>]")


@dataclass
class CallEffects:
    shell: list[str] = field(default_factory=list)
    deletes: list[str] = field(default_factory=list)
    removes: list[str] = field(default_factory=list)
    writes: list[tuple[str, bool]] = field(default_factory=list)


def effects(code: str, language: str) -> CallEffects:
    """The effects of the calls in `code` whose arguments are constants."""
    found = CallEffects()
    variables = calls.assignments(code)
    for call in calls.find(code, _NAMES, variables):
        last = re.split(r"\.|::|->", call.name)[-1].strip()
        if last in _KILLS:
            _kill(call, language, found)
        elif last in _MOVES or last in _COPIES:
            _two_paths(call, "mv" if last in _MOVES else "cp", found)
        elif last in _RUNS:
            _runs(call, last, found)
        elif last in _CHMOD:
            _chmod(call, last, found)
        elif last in _CHOWN:
            _chown(call, last, found)
        elif last in _TREE_DELETES or last in _DELETES:
            _delete(call, last, language, found)
        elif last in _OPENS:
            _open(call, found)
        elif last in _TRUNCATES:
            _truncate(call, found)
        else:
            _write(call, last, found)
    return found


def _runs(call: calls.Call, last: str, found: CallEffects) -> None:
    args = list(call.args)
    if last == "Command":  # `new Deno.Command("rm", {args: ["-rf", "/"]})`
        listed = re.search(r"args\s*:\s*(\[[^\]]*\])", call.text)
        args = [args[0], calls.value(listed.group(1))] if args and listed else args
    options_only = all(arg is None for arg in args[1:])  # `execSync(cmd, {stdio: 'inherit'})`
    if last in ("popen", "proc_open") and len(args) == 2 and args[1] in _PIPE_MODES:
        options_only = True  # `popen("cmd", "r")`: the second argument is the pipe's mode
    if last == "proc_open" and args and isinstance(args[0], str):
        found.shell.append(args[0])  # `proc_open("rm -rf /", $spec, $pipes)`: a shell string
        return
    if args and isinstance(args[0], str) and (len(args) == 1 or options_only):
        if last in _SHELL_STRING:
            found.shell.append(args[0])
        return
    items: list[str] = []
    for arg in args:
        if isinstance(arg, str):
            items.append(arg)
        elif isinstance(arg, tuple) and all(isinstance(i, str) for i in arg):
            items.extend(i for i in arg if i is not None)
        elif arg is None and items:
            break  # options after the command (`{stdio: 'inherit'}`), or an unknown argument
        else:
            return
    if items and not items[0].startswith("-"):
        found.shell.append(" ".join(_quote(item) for item in items))


def _kill(call: calls.Call, language: str, found: CallEffects) -> None:
    numbers = [a.lstrip("-") and a for a in call.raw if re.fullmatch(r"-?\d+", a)]
    signals = [s.removeprefix("SIG") for s in call.strings if s.isupper()]
    if language in _SIGNAL_FIRST and len(call.raw) >= 2:
        signal, pids = (signals or numbers[:1] or ["15"])[0], numbers[0 if signals else 1 :]
    else:
        pids, signal = numbers[:1], (signals or numbers[1:2] or ["15"])[0]
    for pid in pids[:4]:
        found.shell.append(f"kill -{signal} {pid}")


def _two_paths(call: calls.Call, verb: str, found: CallEffects) -> None:
    """`rename("/etc/passwd", "/tmp/p")`, `FileUtils.mv(a, b)`: rated as `mv a b`."""
    paths = [a for a in call.args[:2] if isinstance(a, str)]
    if len(paths) == 2 and any("/" in p or p.startswith("~") for p in paths):
        found.shell.append(f"{verb} {_quote(paths[0])} {_quote(paths[1])}")


def _mode(call: calls.Call) -> str | None:
    number = call.number
    if number is not None:
        digits = number.lstrip("0oO") or "0"
        if number.startswith("0") or (len(digits) == 3 and set(digits) <= set("01234567")):
            return digits
        return format(int(number), "o")
    return next((s for s in call.strings if re.fullmatch(r"0?[0-7]{3}", s)), None)


def _chmod(call: calls.Call, last: str, found: CallEffects) -> None:
    mode = _mode(call)
    paths = [s for s in call.strings if not re.fullmatch(r"0?[0-7]{3}", s)]
    if mode is None:
        return
    recursive = "-R " if last.endswith("_R") or call.flag("recursive") else ""
    for path in paths[:8]:
        found.shell.append(f"chmod {recursive}{mode} {_quote(path)}")


def _chown(call: calls.Call, last: str, found: CallEffects) -> None:
    paths = [s for s in call.strings if "/" in s or s.startswith("~")]
    owners = [s for s in call.strings if s not in paths] or [a for a in call.raw if a.isdigit()]
    owner = ":".join(owners[:2]) or "root"
    recursive = "-R " if last.endswith("_R") or call.flag("recursive") else ""
    for path in paths[:8]:
        found.shell.append(f"chown {recursive}{_quote(owner)} {_quote(path)}")


def _delete(call: calls.Call, last: str, language: str, found: CallEffects) -> None:
    qualified = call.name != last
    if language == "R" and last in ("rm", "remove") and not qualified:
        return  # R's rm() removes variables (`file.remove` removes files)
    if last == "delete" and not (qualified and call.name.startswith(_FILE_OWNERS)):
        return
    recursive = last in _TREE_DELETES or call.flag("recursive") or call.flag("force_recursive")
    paths = call.strings
    if last in ("rm", "remove", "delete", "rmdir"):  # common words: only clear paths
        paths = [p for p in paths if "/" in p or p.startswith("~")]
    for path in paths[:8]:
        (found.deletes if recursive else found.removes).append(path)


def _open(call: calls.Call, found: CallEffects) -> None:
    strings = [a for a in call.args if isinstance(a, str)]
    modes = [s for s in strings if _WRITE_MODE.fullmatch(s)]
    paths = [s for s in strings if s not in modes]
    if not modes or not paths:
        return
    mode = modes[0]
    if any(c in mode for c in "wax+>"):
        found.writes.append((paths[0], "a" in mode or mode == ">>"))


def _truncate(call: calls.Call, found: CallEffects) -> None:
    """`truncate "/var/log/auth.log", 0`, `fs.truncateSync(path)`: `truncate -s SIZE path`."""
    path = call.args[0] if call.args else None
    size = call.number or "0"
    if isinstance(path, str) and ("/" in path or path.startswith("~")):
        found.shell.append(f"truncate -s {size} {_quote(path)}")


def _write(call: calls.Call, last: str, found: CallEffects) -> None:
    keyword = call.keyword("file") or call.keyword("con")
    if isinstance(keyword, str):
        found.writes.append((keyword, call.flag("append")))
        return
    if last == "cat" or (last == "write" and not call.name.startswith(("File", "IO"))):
        return  # Lua's f:write(data), R's cat(x): no file named
    if last == "writeLines":
        path, content = (call.args[1] if len(call.args) > 1 else None), call.args[0]
    else:
        path = call.args[0] if call.args else None
        content = call.args[1] if len(call.args) > 1 else None
    if isinstance(path, str):
        append = last in _APPENDERS or call.flag("append") or "APPEND" in call.text
        found.writes.append((path, append))
        if isinstance(content, str):  # what is written is judged too (a key, a hosts line)
            redirect = ">>" if append else ">"
            found.shell.append(f"printf '%s' {_quote(content)} {redirect} {_quote(path)}")


def _quote(item: str) -> str:
    if re.fullmatch(r"[\w./~=:@%+-]+", item):
        return item
    if item.startswith("~/") and len(item) > 2:  # the home stays the home: `~/'.gnupg/*'`
        return "~/" + _quote(item[2:])
    return "'" + item.replace("'", "'\\''") + "'"
