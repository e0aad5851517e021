"""Flooding another machine and killing many programs at once.

`ping -f`, `hping3 --flood` and a load test of millions of requests (`ab`, `wrk`, `siege`, `hey`)
against someone else's server are a denial-of-service attack: HIGH. Against this machine, or a
small count, they are a test. `killall java python3 node` stops every process of those programs,
whoever started them: the services and other people's work among them.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, number, options
from tui.core.safety.words import split_words

_LOOPBACK = ("127.", "localhost", "::1", "[::1]", "0.0.0.0")
_FAST = 0.05  # seconds between packets: more than 20 a second, without end, is a flood


def _host(target: str) -> str:
    """`https://user@example.com:8080/x` -> `example.com`; a bare host stays as it is."""
    rest = target.split("://", 1)[-1]
    host = rest.split("/", 1)[0].rsplit("@", 1)[-1]
    return host if host.startswith("[") or host.count(":") > 1 else host.split(":", 1)[0]


def _local(target: str) -> bool:
    return _host(target).startswith(_LOOPBACK)


def _seconds(text: str) -> float:
    """`1h`, `600s`, `60M`, `10S`, `0.002`, `u100` (microseconds, hping3) -> seconds."""
    match = re.fullmatch(r"(u)?(\d+(?:\.\d+)?)([smhd]?)", text.strip().lower())
    if match is None:
        return -1.0
    scale = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(3)]
    value = float(match.group(2)) * scale
    return value / 1_000_000 if match.group(1) else value


def ping(command: Command, ctx: Context) -> None:
    """`ping -f host`, `ping -i 0 -s 65000 host`: packets as fast as the network takes them."""
    opts = options(command, "-c -i -s -w -W -I -t -l -p -Q -M")
    interval = _seconds(opts.value("-i") or "1")
    if not (opts.has("-f") or 0 <= interval < _FAST) or opts.value("-c"):
        return
    hosts = [w.value for w in opts.operands]
    if not hosts or all(_local(h) for h in hosts):
        return
    size = opts.value("-s") or ""
    big = " with the largest packets" if size.isdigit() and int(size) >= 10_000 else ""
    reason = f"floods {hosts[-1]} with pings{big} without end: a denial-of-service attack"
    ctx.add(HIGH, reason, command)


def hping(command: Command, ctx: Context) -> None:
    """`hping3 --flood -S -p 80 host`, `hping3 -i u100 host`: crafted packets without pause."""
    opts = options(command, "-c -i -p -s -d -t -a -I -w -o")
    interval = _seconds(opts.value("-i") or "1")
    flood = opts.has("--flood", "--faster") or 0 <= interval < _FAST
    hosts = [w.value for w in opts.operands]
    if flood and not opts.value("-c") and hosts and not all(_local(h) for h in hosts):
        reason = f"floods {hosts[-1]} with crafted packets ({command.name}): a denial of service"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"sends crafted network packets ({command.name})", command)


def nping(command: Command, ctx: Context) -> None:
    opts = options(command, "--rate -c --count -p --dest-port --delay")
    rate = opts.value("--rate") or "0"
    hosts = [w.value for w in opts.operands]
    remote = hosts and not all(_local(h) for h in hosts)
    if remote and rate.isdigit() and number(rate) >= _HEAVY_RATE:
        reason = f"floods {hosts[-1]} with {rate} packets a second (nping): a denial of service"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "sends crafted network packets (nping)", command)


# Load testers: (options giving a count of requests, of parallel clients, of seconds, of a rate).
_LOAD_TESTERS = {
    "ab": ("-n", "-c", "-t", ""),
    "wrk": ("", "-c --connections", "-d --duration", ""),
    "wrk2": ("", "-c --connections", "-d --duration", "-R --rate"),
    "siege": ("-r --reps", "-c --concurrent", "-t --time", ""),
    "hey": ("-n", "-c", "-z", "-q"),
    "h2load": ("-n --requests", "-c --clients", "-D --duration", "-r --rate"),
    "vegeta": ("", "-workers", "-duration", "-rate"),
    "oha": ("-n", "-c", "-z", "-q"),
}
_HEAVY_REQUESTS = 1_000_000
_HEAVY_CLIENTS = 500
_HEAVY_SECONDS = 30 * 60
_HEAVY_RATE = 1000
_ATTACK_TOOLS = frozenset(split_words("slowloris slowhttptest goldeneye hulk loic"))
_URL = lazy_pattern(r"^(?:https?://)?[\w.-]+\.[a-z]{2,}(?::\d+)?(?:/|$)|^https?://", re.I)


def load_test(command: Command, ctx: Context) -> None:
    """`ab -n 10000000 -c 1000 https://example.com/`: a load test of someone else's server."""
    requests, clients, duration, rate = _LOAD_TESTERS[command.name]
    takes = " ".join((requests, clients, duration, rate, "-H -T -p -u -A -C -s -m -b -o"))
    opts = options(command, takes)
    # vegeta reads its targets from standard input and names options `-rate=N`
    values = {k.lstrip("-"): v for k, v in (*opts.values.items(), *opts.long.items())}
    values |= {a.split("=", 1)[0].lstrip("-"): a.split("=", 1)[1] for a in command.argv if "=" in a}
    targets = [w.value for w in opts.operands if _URL.match(w.value)]
    if targets and all(_local(t) for t in targets):
        ctx.add(MODERATE, f"load-tests a server on this machine ({command.name})", command)
        return
    heavy = (
        _most(values, requests) >= _HEAVY_REQUESTS
        or _most(values, clients) >= _HEAVY_CLIENTS
        or max((_seconds(values.get(o.lstrip("-"), "")) for o in duration.split()), default=0)
        >= _HEAVY_SECONDS
        or _most(values, rate) >= _HEAVY_RATE
    )
    where = _host(targets[0]) if targets else "a server"
    if heavy:
        reason = f"floods {where} with requests ({command.name}): a denial-of-service attack"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"sends a burst of requests to {where} ({command.name})", command)


def _most(values: dict[str, str], names: str) -> int:
    found = [values.get(name.lstrip("-"), "") for name in names.split()]
    return max((number(v) for v in found if v.isdigit()), default=0)


def attack_tool(command: Command, ctx: Context) -> None:
    hosts = [w.value for w in command.args if not w.value.startswith("-")]
    if hosts and all(_local(h) for h in hosts):
        ctx.add(MODERATE, f"tests this machine's server against {command.name}", command)
        return
    reason = f"attacks a web server until it stops answering ({command.name}): a denial of service"
    ctx.add(HIGH, reason, command)


_MANY_PROGRAMS = 3
_KILL_SIGNAL = lazy_pattern(r"^(?:-9|-(?:SIG)?KILL|-s9)$")
_EVERYTHING = frozenset((".", ".*", "^.*", "^.*$", ".+", ""))


def kills_many(command: Command, ctx: Context) -> None:
    """`killall -9 java python3 node`, `pkill -f 'java|python|node'`, `killall -r '.*'`."""
    opts = options(command, "-s --signal -u -U --user -g -G -P -t -o -y -n --older-than")
    patterns = [w.value for w in opts.operands]
    regex = command.name == "pkill" or opts.has("-r", "--regexp")
    if regex and any(p in _EVERYTHING for p in patterns):
        ctx.add(
            HIGH, f"stops every process: the pattern matches them all ({command.name})", command
        )
        return
    names = [part for p in patterns for part in _alternatives(p, regex)]
    # `killall Dock Finder SystemUIServer` restarts your own desktop; killed outright, or as
    # root (every user's processes), nothing gets to save its work
    signal = (opts.value("-s", "--signal") or "").upper().removeprefix("SIG")
    forced = signal in ("KILL", "9") or any(_KILL_SIGNAL.match(a) for a in command.argv)
    forced = forced or "sudo" in command.via
    if len(names) >= _MANY_PROGRAMS and forced:
        shown = ", ".join(names[:4])
        reason = f"stops every process of {len(names)} programs ({shown}), whoever runs them"
        ctx.add(HIGH, reason, command)


def _alternatives(pattern: str, regex: bool) -> list[str]:
    """`^(java|node|python)` -> java, node, python; a plain name is itself."""
    if not regex:
        return [pattern]
    inner = pattern.strip("^$").removeprefix("(").removesuffix(")")
    return [part for part in inner.split("|") if part]


RULES: dict[str, Rule] = {
    **dict.fromkeys(_LOAD_TESTERS, load_test),
    **dict.fromkeys(_ATTACK_TOOLS, attack_tool),
    **dict.fromkeys(split_words("hping hping2 hping3"), hping),
    "nping": nping,
}
# Checks beside a tool's own rule (ping only reads; killall and pkill have theirs).
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("ping ping6"), (ping,)),
    **dict.fromkeys(split_words("killall pkill"), (kills_many,)),
}
