"""Servers started open to the network without a password: notebooks, Redis, web shells.

Binding to 0.0.0.0 is routine; binding there with authentication switched off hands whoever
reaches the port the data, or a way to run code here. Loopback-only forms stay moderate.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, subcommand
from tui.core.safety.words import split_words

_LOOPBACK = ("127.", "localhost", "::1", "[::1]")
_KUBECTL_VALUES = "-n --namespace --context -s --server --kubeconfig --cluster --user"
_JUPYTER_SUBS = frozenset(split_words("notebook lab server"))
_JUPYTER_APPS = ("NotebookApp", "ServerApp", "IdentityProvider", "PasswordIdentityProvider")


def is_open(address: str) -> bool:
    """Whether a listening address lets other machines in (`0.0.0.0`, `*`, `::`, a LAN IP)."""
    value = address.strip("'\"")
    return bool(value) and not value.startswith(_LOOPBACK)


def option_value(argv: list[str], *names: str) -> str | None:
    """`--name=value` or `--name value` (the last one given), or None."""
    found: str | None = None
    for index, value in enumerate(argv):
        for name in names:
            if value.startswith(name + "="):
                found = value.split("=", 1)[1]
            elif value == name and index + 1 < len(argv):
                found = argv[index + 1]
    return found


def jupyter(command: Command, ctx: Context) -> None:
    """`jupyter notebook --ip=0.0.0.0 --NotebookApp.token=''`: code execution for anyone."""
    argv = command.argv
    sub = next((a for a in argv if not a.startswith("-")), "")
    if command.name == "jupyter" and sub not in _JUPYTER_SUBS:
        ctx.add(MODERATE, f"runs a Jupyter tool (jupyter {sub})".replace(" )", ")"), command)
        return
    ip = option_value(argv, "--ip", *(f"--{app}.ip" for app in _JUPYTER_APPS))
    secrets = [
        option_value(argv, f"--{app}.{key}")
        for app in _JUPYTER_APPS
        for key in ("token", "password")
    ]
    no_password = any(value is not None and value.strip("'\"") == "" for value in secrets)
    open_ = ip is not None and is_open(ip)
    if open_ and no_password:
        reason = "lets anyone on the network run code here: a notebook server with no password"
        ctx.add(CRITICAL, reason, command)
    elif no_password:
        ctx.add(
            HIGH,
            "starts a notebook server with no password: any local program can run code",
            command,
        )
    elif open_:
        ctx.add(MODERATE, "serves notebooks to the network (password or token kept)", command)
    else:
        ctx.add(MODERATE, "starts a notebook server", command)


def redis_server(command: Command, ctx: Context) -> None:
    """`redis-server --protected-mode no`: the data and CONFIG commands open to anyone."""
    argv = command.argv
    unprotected = option_value(argv, "--protected-mode") in ("no", "'no'")
    password = option_value(argv, "--requirepass") not in (None, "", "''")
    if unprotected and not password:
        reason = "runs Redis without protection or password: anyone who reaches it controls it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "starts a Redis server", command)


def web_shell(command: Command, ctx: Context) -> None:
    """`ttyd -W bash`, `gotty -w bash`: a terminal in a web page, writable, no log-in."""
    argv = command.argv
    writable = any(a in ("-W", "--writable", "-w", "--permit-write") for a in argv)
    login = any(a in ("-c", "--credential") or a.startswith("--credential=") for a in argv)
    if writable and not login:
        reason = f"puts a shell on the network with no password ({command.name}): anyone can use it"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(MODERATE, f"shares a terminal over the network ({command.name})", command)


def code_server(command: Command, ctx: Context) -> None:
    argv = command.argv
    no_auth = option_value(argv, "--auth") == "none"
    bind = option_value(argv, "--bind-addr") or "127.0.0.1"
    if no_auth and is_open(bind):
        reason = "lets anyone on the network edit files and run code here (code-server --auth none)"
        ctx.add(CRITICAL, reason, command)
    elif no_auth:
        ctx.add(HIGH, "starts an editor server with no password (code-server --auth none)", command)
    else:
        ctx.add(MODERATE, "starts an editor server (code-server)", command)


def vnc(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    if "-nopw" in argv or option_value(argv, "-securitytypes") == "none":
        ctx.add(HIGH, f"shares the desktop with no password ({command.name})", command)
    else:
        ctx.add(MODERATE, f"shares the desktop over the network ({command.name})", command)


def kubectl_exposed(command: Command, ctx: Context) -> None:
    """`kubectl port-forward --address 0.0.0.0`, `kubectl proxy --address 0.0.0.0`."""
    sub, rest = subcommand(command, _KUBECTL_VALUES)
    argv = rest.argv
    if sub not in ("port-forward", "proxy"):
        return
    address = option_value(argv, "--address") or "127.0.0.1"
    if not any(is_open(part) for part in address.split(",")):
        return
    if sub == "proxy":
        everyone = option_value(argv, "--accept-hosts") in (".*", "'.*'", "^.*$") or (
            "--disable-filter" in argv or "--disable-filter=true" in argv
        )
        reason = "gives anyone on the network your access to the cluster (kubectl proxy)"
        ctx.add(CRITICAL if everyone else HIGH, reason, command)
        return
    reason = "opens a cluster service to every machine on the network (kubectl port-forward)"
    ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("jupyter jupyter-notebook jupyter-lab jupyter-server"), jupyter),
    "redis-server": redis_server,
    **dict.fromkeys(split_words("ttyd gotty"), web_shell),
    "code-server": code_server,
    **dict.fromkeys(split_words("x11vnc vncserver x0vncserver"), vnc),
}
