"""Reading strace's output: the programs a command started and what it tried to reach.

strace (when installed) follows every process of the command and logs execve, connect,
sendto and sendmsg. With -f, a call interrupted by another process's line is split into
`... <unfinished ...>` and `<... NAME resumed> ...`; the two halves are joined here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The wrapper shell and the person's shell are the preview's own first two programs.
OWN_PROGRAMS = 2
MAX_PROGRAMS = 200
# Lookups of user and host names go through these sockets in glibc and systemd: not the
# command's own reach for the network.
QUIET_SOCKETS = ("/var/run/nscd/socket", "/run/nscd/socket", "/run/systemd/userdb/")

_LINE = re.compile(r"^(?:\[pid\s+(?P<pid>\d+)\]\s+)?(?P<rest>.*)$")
_CALL = re.compile(
    r"^(?P<name>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+|\?)(?:\s+(?P<errno>E\w+))?"
)
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ARGV = re.compile(r"\[((?:\"(?:[^\"\\]|\\.)*\"(?:, )?)*)\]")
_INET = re.compile(
    r"sa_family=AF_INET6?, sin6?_port=htons\((\d+)\),"
    r'.*?(?:inet_addr|inet_pton)\((?:AF_INET6, )?"([^"]+)"'
)
_UNIX = re.compile(r'sa_family=AF_UNIX, sun_path=(@?)"((?:[^"\\]|\\.)*)"')


@dataclass(frozen=True)
class Reach:
    """One place the command tried to reach: `kind` is "inet" or "unix"."""

    kind: str
    address: str
    port: int | None
    outcome: str

    def describe(self) -> str:
        if self.kind == "unix":
            return f"the local socket {self.address} ({self.outcome})"
        host = f"[{self.address}]" if ":" in self.address else self.address
        what = "a name lookup (DNS) at " if self.port == 53 else ""
        return f"{what}{host}:{self.port} ({self.outcome})"


@dataclass(frozen=True)
class Trace:
    programs: tuple[tuple[str, ...], ...]
    reaches: tuple[Reach, ...]


def _unescape(text: str) -> str:
    try:
        return text.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return text


def _joined(lines: list[str]) -> list[str]:
    pending: dict[str, str] = {}
    calls: list[str] = []
    for line in lines:
        match = _LINE.match(line)
        if match is None:
            continue
        pid, rest = match.group("pid") or "0", match.group("rest")
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest[: -len("<unfinished ...>")].rstrip()
            continue
        if rest.startswith("<... "):
            _, _, tail = rest.partition(" resumed>")
            rest = pending.pop(pid, "") + tail
        calls.append(rest)
    return calls


def _outcome(result: str, errno: str | None) -> str:
    if errno == "ENETUNREACH":
        return "blocked: no network"
    if errno == "ENOENT":
        return "blocked: not there in the preview"
    if errno:
        return f"blocked: {errno}"
    return "allowed" if result != "?" else "unknown"


def _reach(args: str, result: str, errno: str | None) -> Reach | None:
    inet = _INET.search(args)
    if inet:
        return Reach("inet", inet.group(2), int(inet.group(1)), _outcome(result, errno))
    unix = _UNIX.search(args)
    if unix:
        path = ("@" if unix.group(1) else "") + _unescape(unix.group(2))
        if any(path.startswith(quiet) for quiet in QUIET_SOCKETS):
            return None
        return Reach("unix", path, None, _outcome(result, errno))
    return None


def parse(text: str) -> Trace:
    """The programs started (argv, in order, without repeats) and the places tried."""
    programs: list[tuple[str, ...]] = []
    reaches: list[Reach] = []
    started = 0
    for call in _joined(text.splitlines()):
        match = _CALL.match(call)
        if match is None:
            continue
        name, args, result, errno = match.group("name", "args", "result", "errno")
        if name == "execve":
            if result != "0":
                continue
            started += 1
            argv_match = _ARGV.search(args)
            argv = (
                tuple(_unescape(s) for s in _STRING.findall(argv_match.group(1)))
                if argv_match
                else ()
            )
            if (
                started > OWN_PROGRAMS
                and argv
                and argv not in programs
                and len(programs) < MAX_PROGRAMS
            ):
                programs.append(argv)
        elif name in ("connect", "sendto", "sendmsg"):
            reach = _reach(args, result, errno)
            if reach is not None and reach not in reaches:
                reaches.append(reach)
    return Trace(tuple(programs), tuple(reaches))
