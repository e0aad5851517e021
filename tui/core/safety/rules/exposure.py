"""Opening the machine to the network, and tools that attack other machines on it.

A file server over / or a home folder, a tunnel that puts SSH or a database on the internet, a
remote port forward open to everyone: others can reach in. Spoofing, flooding and mass scans
attack the network the machine is on.
"""

from __future__ import annotations

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

# Ports whose service should never face the internet directly.
_ADMIN_PORTS = frozenset(
    split_words("22 23 445 3389 5432 3306 6379 27017 9200 5900 2375 2376 11211 5984")
)
_ATTACKS = frozenset(
    split_words(
        "arpspoof ettercap bettercap responder mitm6 macof aireplay-ng mdk3 mdk4 slowloris "
        "dnsspoof yersinia thc-ssl-dos t50"
    )
)


def file_server(command: Command, ctx: Context, served: str, bind: str | None = None) -> None:
    """`python3 -m http.server`: every file under the folder it serves is readable remotely."""
    where = paths.normalise(ctx.resolve(served))
    kind = paths.area(where)
    if bind is None:
        argv = command.argv
        bind = next((a for i, a in enumerate(argv) if i and argv[i - 1] in _BINDS), "")
    local = bind.startswith(("127.", "localhost", "::1", "[::1]"))
    if kind in ("root", "all_homes", "home", "home_credentials") and not local:
        what = "the whole disk" if kind == "root" else "your keys and personal files"
        reason = f"serves every file under {where} to the network: {what}, readable by anyone"
        ctx.add(CRITICAL, reason, command)
    elif kind in ("root", "all_homes", "home", "home_credentials", "vital", "key_file"):
        ctx.add(HIGH, f"serves every file under {where} to the network", command)
    else:
        ctx.add(MODERATE, f"serves the files under {where} to the network", command)


_BINDS = frozenset(split_words("-b --bind"))


def served_folder(command: Command) -> str:
    argv = command.argv
    for index, value in enumerate(argv):
        if value in ("-d", "--directory") and index + 1 < len(argv):
            return argv[index + 1]
        if value.startswith("--directory="):
            return value.split("=", 1)[1]
    return "."


def tunnel(command: Command, ctx: Context) -> None:
    """ngrok, cloudflared, localtunnel, frpc, chisel: a public address for a local port."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:2] in _TUNNEL_READS or words[:1] == ["version"]:
        return  # `ngrok config check`, `cloudflared tunnel list`: only reports
    served = next((w for w in words if w.startswith("file://")), None)
    if served is not None:  # `ngrok http file:///home/me`: a folder's files, on the internet
        file_server(command, ctx, served.removeprefix("file://") or "/", bind="")
        return
    ports = {a.rsplit(":", 1)[-1] for a in words}
    reverse = any(a.startswith("R:") for a in command.argv)  # `chisel client HOST R:socks`
    if command.name == "chisel" and words[:1] == ["client"] and not reverse:
        reason = "forwards local ports to services behind a chisel server (chisel client)"
        ctx.add(MODERATE, reason, command)
        return
    if reverse:
        reason = f"lets the other end reach into this machine's network ({command.name} R:)"
        ctx.add(HIGH, reason, command)
    elif ports & _ADMIN_PORTS or "tcp" in command.argv:
        reason = f"puts a local service on the internet ({command.name}): anyone can reach it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(
            MODERATE, f"makes a local port reachable from the internet ({command.name})", command
        )


_TUNNEL_READS = (
    ["config", "check"],
    ["tunnel", "list"],
    ["tunnel", "info"],
    ["api", "tunnels"],
    ["diagnose"],
)


def attack_tool(command: Command, ctx: Context) -> None:
    ctx.add(HIGH, f"attacks other machines on the network ({command.name})", command)


def flood(command: Command, ctx: Context) -> None:
    """hping3 and masscan: a flood or a scan at full speed."""
    argv = command.argv
    if command.name == "masscan" or any(a in ("--flood", "--faster", "-i") for a in argv):
        ctx.add(HIGH, f"floods or scans other machines at full speed ({command.name})", command)
    else:
        ctx.add(MODERATE, f"sends crafted packets ({command.name})", command)


_SSH_VALUES = frozenset("BbcDEeFIiJLlmOopQRSWw")
_OPEN_BINDS = ("0.0.0.0:", "*:", ":", "[::]:", "'*:", '"*:')


def _ssh_given(argv: list[str], valued: frozenset[str] = _SSH_VALUES) -> list[tuple[str, str]]:
    """(letter, value) for every ssh option, clusters split: `-fND 1080` gives f, N, D=1080."""
    found: list[tuple[str, str]] = []
    index = 0
    while index < len(argv):
        value = argv[index]
        if not value.startswith("-") or value == "-":
            break  # the host: what follows is the remote command
        for position, letter in enumerate(value[1:], start=1):
            if letter in valued:
                rest = value[position + 1 :]
                given = rest or (argv[index + 1] if index + 1 < len(argv) else "")
                index += 0 if rest else 1
                found.append((letter, given))
                break
            found.append((letter, ""))
        index += 1
    return found


def open_remote_forward(command: Command, ctx: Context) -> bool:
    """`ssh -R 0.0.0.0:2222:localhost:22 host`, `-o GatewayPorts=yes -R ...`: a port on the
    remote, open to everyone; `ssh -g -L`, `ssh -D 0.0.0.0:1080`: one here, open to all."""
    valued = _SSH_VALUES | {"M"} if command.name == "autossh" else _SSH_VALUES
    given = _ssh_given(command.argv, valued)
    settings = {v.replace(" ", "=").lower() for letter, v in given if letter == "o"}
    gateway = any(s.startswith("gatewayports=") and not s.endswith("=no") for s in settings)
    everyone = "g" in {letter for letter, _ in given} or gateway
    for letter, spec in given:
        opened = spec.startswith(_OPEN_BINDS) or (everyone and not _loopback(spec))
        if letter == "R" and opened and _to_local_admin(spec):
            # anyone who reaches the remote port gets this machine's log-in prompt or desktop
            reason = "opens this machine's SSH or desktop log-in to everyone, through the remote"
            ctx.add(CRITICAL, f"{reason} (ssh -R)", command)
            return True
        if letter == "R" and opened:
            reason = "opens a port on the remote machine to everyone, leading back here (ssh -R)"
            ctx.add(HIGH, reason, command)
            return True
        if letter == "R" and _to_local_admin(spec):
            reason = "lets the remote machine log in here through a reverse tunnel (ssh -R)"
            ctx.add(HIGH, reason, command)
            return True
        if letter in ("D", "L") and opened:
            what = (
                "a proxy into every network this machine reaches" if letter == "D" else "a tunnel"
            )
            reason = f"opens {what} to anyone who can connect here (ssh -{letter})"
            ctx.add(HIGH, reason, command)
            return True
    return False


def _to_local_admin(spec: str) -> bool:
    """`-R 2222:localhost:22`: the remote end's port leads to this machine's SSH or desktop."""
    parts = spec.strip("'\"").split(":")
    return (
        len(parts) >= 3
        and parts[-2] in ("localhost", "127.0.0.1", "[::1]")
        and (parts[-1] in _ADMIN_PORTS)
    )


def _loopback(spec: str) -> bool:
    return spec.startswith(("127.", "localhost:", "[::1]:"))


def ztcp(command: Command, ctx: Context) -> None:
    """zsh's `ztcp host port`: a raw connection whose descriptor a shell can be tied to."""
    argv = command.argv
    if argv and (not argv[0].startswith("-") or argv[0] in ("-l", "-a", "-v")):
        ctx.tcp_fds.add("${REPLY}")  # zsh puts the connection's descriptor in $REPLY
        ctx.add(HIGH, "opens a raw network connection for the shell (ztcp)", command)


def remote_terminal(command: Command, ctx: Context) -> None:
    """`xterm -display 203.0.113.5:1`: a shell opened on another machine's screen, typed into
    from there (a reverse shell over X11)."""
    argv = command.argv
    displays = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-display", "-d")]
    remote = [d for d in displays if d.split(":", 1)[0] not in ("", "localhost", "127.0.0.1")]
    if remote:
        reason = f"opens a shell on the screen of {remote[0]}: whoever sits there controls it"
        ctx.add(CRITICAL, f"{reason} ({command.name} -display)", command)
    else:
        ctx.add(MODERATE, f"opens a terminal window ({command.name})", command)


RULES: dict[str, Rule] = {
    "ztcp": ztcp,
    **dict.fromkeys(split_words("xterm uxterm rxvt urxvt"), remote_terminal),
    **dict.fromkeys(
        split_words("ngrok cloudflared lt localtunnel bore frpc chisel rathole pinggy"), tunnel
    ),
    **dict.fromkeys(_ATTACKS, attack_tool),
    **dict.fromkeys(split_words("hping3 hping masscan"), flood),
}
