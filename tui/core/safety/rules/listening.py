"""Servers started open to the network without a password: notebooks, Redis, web shells.

Binding to 0.0.0.0 is routine; binding there with authentication switched off hands whoever
reaches the port the data, or a way to run code here. Loopback-only forms stay moderate.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.argv import skip_options
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposure, network
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, subcommand
from tui.core.safety.unwrap import SHELLS
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
    # an explicit bind to every address turns protected mode off by itself
    bound = option_value(argv, "--bind") or ""
    unprotected = unprotected or bool({"0.0.0.0", "*", "::", "-::*"} & set(bound.split()))
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


def telnetd(command: Command, ctx: Context) -> None:
    """`telnetd -l /bin/sh`: whoever connects gets that shell, with no log-in."""
    argv = command.argv
    login = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "-l"), None)
    if login is not None and login.rsplit("/", 1)[-1] in _SHELL_NAMES:
        reason = f"puts a shell on the network with no password ({command.name} -l {login})"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(MODERATE, "starts a telnet server: log-ins cross the network unencrypted", command)


_SHELL_NAMES = frozenset(split_words("sh bash ash dash zsh ksh mksh fish busybox"))


def super_server(command: Command, ctx: Context) -> None:
    """`tcpsvd 0.0.0.0 21 ftpd -w /`: each connection gets the program after the address."""
    start = skip_options(command.args, frozenset(split_words("-c -C -b -u -l -i -x -t"))) + 2
    served = command.argv[start].rsplit("/", 1)[-1] if start < len(command.argv) else ""
    if served in _SHELL_NAMES:
        reason = f"puts a shell on the network with no password ({command.name} … {served})"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(MODERATE, f"serves a program to the network ({command.name})", command)


def ftpd(command: Command, ctx: Context) -> None:
    """busybox `ftpd -w DIR`: anyone who connects may write in DIR, with no password."""
    argv = command.argv
    folder = next((a for a in reversed(argv) if not a.startswith("-")), ".")
    if "-w" in argv or any(a.startswith("-") and "w" in a[1:] for a in argv):
        level = CRITICAL if folder == "/" else HIGH
        ctx.add(level, f"lets anyone on the network write files in {folder} (ftpd -w)", command)
    else:
        ctx.add(MODERATE, f"shares {folder} over FTP (ftpd)", command)


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


def dockerd(command: Command, ctx: Context) -> None:
    """`dockerd -H tcp://0.0.0.0:2375`: whoever reaches the port runs containers as root."""
    argv = command.argv
    hosts = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-H", "--host")]
    hosts += [a.split("=", 1)[1] for a in argv if a.startswith("--host=")]
    tls = any(a.startswith("--tlsverify") for a in argv)
    tcp = [h.removeprefix("tcp://") for h in hosts if h.startswith("tcp://") or "://" not in h]
    if not tls and any(":" in h and is_open(h) for h in tcp):
        reason = "opens the Docker API to the network without TLS: root for anyone who connects"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(MODERATE, "starts the Docker daemon", command)


def mongod(command: Command, ctx: Context) -> None:
    argv = command.argv
    bind = option_value(argv, "--bind_ip") or ""
    everywhere = "--bind_ip_all" in argv or any(is_open(b) for b in bind.split(",") if b)
    if everywhere and "--auth" not in argv:
        reason = "starts MongoDB open to the network without access control: anyone reads it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "starts a MongoDB server", command)


_ADMIN_PORTS = frozenset(
    split_words("22 23 445 3389 5432 3306 6379 27017 9200 5900 2375 2376 11211 5984 1433")
)


def kubectl_expose(command: Command, ctx: Context) -> None:
    """`kubectl expose ... --type=LoadBalancer --port=5432`: a database on a public address."""
    argv = command.argv
    kind = option_value(argv, "--type") or ""
    ports = {option_value(argv, "--port") or "", option_value(argv, "--target-port") or ""}
    if kind in ("LoadBalancer", "NodePort") and ports & _ADMIN_PORTS:
        port = sorted(ports & _ADMIN_PORTS)[0]
        reason = f"puts port {port} (an admin or database service) on an outside address"
        ctx.add(HIGH, reason, command)


def open_to_world(command: Command, ctx: Context) -> None:
    """`gcloud compute firewall-rules create --allow=tcp:22`, `az vm open-port --port '*'`:
    the whole internet (the default source) let in to admin ports or every port."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if command.name == "gcloud" and "firewall-rules" in words and {"create", "update"} & set(words):
        sources = option_value(argv, "--source-ranges") or "0.0.0.0/0"
        ports = option_value(argv, "--allow", "--rules") or ""
        if (option_value(argv, "--action") or "allow").lower() != "allow":
            return
    elif command.name == "az" and ("open-port" in words or words[:3] == ["network", "nsg", "rule"]):
        if (option_value(argv, "--access") or "Allow").lower() != "allow":
            return
        sources = option_value(argv, "--source-address-prefixes") or "*"
        ports = option_value(argv, "--port", "--destination-port-ranges") or ""
    elif command.name == "doctl" and "firewall" in words and {"create", "add-rules"} & set(words):
        sources, ports = _doctl_inbound(option_value(argv, "--inbound-rules") or "")
    elif command.name == "az" and "firewall-rule" in words and "create" in words:
        low = option_value(argv, "--start-ip-address") or ""
        high = option_value(argv, "--end-ip-address") or ""
        sources = "0.0.0.0/0" if low == "0.0.0.0" and high == "255.255.255.255" else low
        ports = "*"  # a database server's firewall: every address range it lets in reaches it
    else:
        return
    anyone = any(p in ("0.0.0.0/0", "::/0", "*", "Internet", "Any") for p in sources.split(","))
    numbers = set(re.findall(r"\d+", ports))
    every = _every_port(ports)
    # SSH open to the internet is how most cloud machines are reached; the rest is not
    if anyone and (every or numbers & (_ADMIN_PORTS - {"22"})):
        reason = f"lets the whole internet reach admin ports or every port ({command.name})"
        ctx.add(HIGH, reason, command)


def _every_port(ports: str) -> bool:
    """`*`, `all`, `tcp:0-65535`, or protocols named without a port (`tcp,udp`): every port."""
    parts = [p.strip().lower() for p in ports.split(",") if p.strip()]
    if any(p.rpartition(":")[2] in ("*", "all", "0", "0-65535", "1-65535") for p in parts):
        return True
    return bool(parts) and all(p in ("tcp", "udp", "sctp", "all") for p in parts)


def _doctl_inbound(rules: str) -> tuple[str, str]:
    """`protocol:tcp,ports:all,address:0.0.0.0/0 protocol:tcp,ports:443,...`: the addresses
    and ports of the inbound rules that let the whole internet in, comma-joined."""
    sources: list[str] = []
    ports: list[str] = []
    for rule in rules.split():
        fields = [f.partition(":") for f in rule.split(",")]
        addresses = [value for key, _, value in fields if key == "address"]
        if any(a in ("0.0.0.0/0", "::/0") for a in addresses):
            sources.append("0.0.0.0/0")
            ports += [value for key, _, value in fields if key == "ports"]
    return ",".join(sources), ",".join(ports)


_NO_PASSWORD_ENV = lazy_pattern(
    r"^(MYSQL_ALLOW_EMPTY_PASSWORD|MARIADB_ALLOW_EMPTY_ROOT_PASSWORD|ALLOW_EMPTY_PASSWORD)="
    r"(yes|1|true)$|^POSTGRES_HOST_AUTH_METHOD=trust$|^xpack\.security\.enabled=false$",
    re.I,
)
_CONTAINER_VALUES = frozenset(
    split_words(
        "-p --publish -v --volume -e --env --env-file --name -w --workdir --network --net -u "
        "--user --entrypoint -m --memory --cpus --mount -l --label --restart --platform -h "
        "--hostname --add-host --device --gpus --pull --cap-add --cap-drop --security-opt"
    )
)


def container_service(command: Command, ctx: Context) -> None:
    """`docker run -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres`, or a Redis or
    notebook container told to drop its password, published on every address."""
    sub, rest = subcommand(command, "-H --host --context -c --config -l --log-level")
    if sub not in ("run", "create"):
        return
    argv = rest.argv
    image = _image_index(argv)
    _container_shell(rest.wrapped(rest.args[image + 1 :], command.name), ctx)
    published = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-p", "--publish")]
    host_network = any(
        a in ("--network", "--net") and b == "host" for a, b in itertools.pairwise(argv)
    )
    open_ = any(not p.startswith(("127.", "localhost", "[::1]")) for p in published) or any(
        a in ("-P", "--publish-all", "--network=host", "--net=host") for a in argv
    )
    open_ = open_ or host_network
    if not open_:
        return
    env = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-e", "--env")]
    inner = argv[image + 1 :]
    no_token = any(
        re.fullmatch(r"--(NotebookApp|ServerApp|IdentityProvider)\.(token|password)=['\"]*", a)
        for a in inner
    )
    docker_api = any(
        h.startswith("tcp://") and is_open(h[6:]) for h in inner if "://" in h
    ) and not any(a.startswith("--tls") for a in inner)
    if no_token or docker_api:
        what = "a Docker API" if docker_api else "a notebook server"
        reason = f"publishes {what} with no password: anyone who reaches it runs code"
        ctx.add(CRITICAL, reason, command)
    elif (
        any(_NO_PASSWORD_ENV.match(e) for e in env)
        or option_value(inner, "--protected-mode") == "no"
        or _mongo_open(argv[image], inner, env)
    ):
        reason = "publishes a database that lets anyone in without a password"
        ctx.add(HIGH, reason, command)


def _mongo_open(image: str, inner: list[str], env: list[str]) -> bool:
    """`docker run -p 27017:27017 mongo --bind_ip_all`: told to take every connection, with no
    root user set up (MONGO_INITDB_ROOT_USERNAME) and no --auth, MongoDB asks no password."""
    name = image.rsplit("/", 1)[-1].split(":", 1)[0]
    if name not in ("mongo", "mongodb", "mongodb-community-server"):
        return False
    if "--auth" in inner or any(e.startswith("MONGO_INITDB_ROOT_USERNAME=") for e in env):
        return False
    return "--bind_ip_all" in inner or "--noauth" in inner or "0.0.0.0" in inner


def _image_index(argv: list[str]) -> int:
    """Where the image stands in `run [options] IMAGE [command]` (the first operand)."""
    return next(
        (
            i
            for i, a in enumerate(argv)
            if not a.startswith("-") and (i == 0 or argv[i - 1] not in _CONTAINER_VALUES)
        ),
        len(argv),
    )


def _container_shell(inner: Command, ctx: Context) -> None:
    """`docker run alpine nc HOST 4444 -e sh`: the container's network is the host's way out,
    so a shell handed to a connection is one whatever the container holds."""
    if not inner.words:
        return
    if inner.name in network.NETCATS:
        network.netcat(inner, ctx)
    elif inner.name == "socat":
        network.socat(inner, ctx)
    elif inner.name in SHELLS and any("/dev/tcp/" in a or "/dev/udp/" in a for a in inner.argv):
        ctx.add(CRITICAL, REVERSE_SHELL, inner)


REVERSE_SHELL = "connects a shell to a remote machine (reverse shell)"


def python_ftp(command: Command, ctx: Context) -> None:
    """`python3 -m pyftpdlib -w -d /`: an FTP server, anonymous by default, maybe writable."""
    argv = command.argv
    if option_value(argv, "-m") != "pyftpdlib":
        return
    served = option_value(argv, "-d", "--directory") or "."
    bind = option_value(argv, "-i", "--interface") or ""
    login = option_value(argv, "-u", "--username") is not None
    if ("-w" in argv or "--write" in argv) and not login:
        where = served if served != "." else "the current folder"
        reason = f"lets anyone on the network write files into {where} (anonymous FTP)"
        level = CRITICAL if exposure_area(ctx, served) else HIGH
        ctx.add(level, reason, command)
        return
    exposure.file_server(command, ctx, served, bind)


def exposure_area(ctx: Context, served: str) -> bool:
    """Whether `served` is the whole disk, a home or all homes."""
    kind = paths.area(paths.normalise(ctx.resolve(served)))
    return kind in ("root", "all_homes", "home", "home_credentials")


_NODE_SERVERS = frozenset(split_words("http-server serve live-server"))


def static_server(command: Command, ctx: Context) -> None:
    """`php -S 0.0.0.0:80 -t /`, `http-server ~`, `busybox httpd -h /`, `caddy file-server`,
    `ruby -run -e httpd /`: a folder served to whoever connects."""
    name = command.name
    argv = command.argv
    if name in ("npx", "bunx", "pnpx"):  # `npx http-server /`: the package's program
        words = command.args
        start = next((i for i, w in enumerate(words) if not w.value.startswith("-")), len(words))
        if start < len(words) and words[start].value.split("@", 1)[0] in _NODE_SERVERS:
            static_server(command.wrapped(words[start:], name), ctx)
        return
    operands = [a for a in argv if not a.startswith("-")]
    if name == "php" and "-S" in argv:
        bind = option_value(argv, "-S") or ""
        exposure.file_server(command, ctx, option_value(argv, "-t") or ".", bind)
    elif name in _NODE_SERVERS:
        bind = option_value(argv, "-a", "--address", "-l", "--listen") or ""
        exposure.file_server(command, ctx, operands[0] if operands else ".", bind)
    elif name == "busybox" and operands[:1] == ["httpd"]:
        exposure.file_server(command, ctx, option_value(argv, "-h") or ".", "")
    elif name == "caddy" and operands[:1] == ["file-server"]:
        bind = option_value(argv, "--listen") or ""
        exposure.file_server(command, ctx, option_value(argv, "--root", "-r") or ".", bind)
    elif name == "ruby" and any(a.startswith("-run") for a in argv):
        _ruby_httpd(command, ctx)
    elif name == "rclone" and operands[:1] == ["serve"] and len(operands) > 2:
        served = operands[2]  # `rclone serve http / --addr :8080`; `remote:path` is not here
        if ":" not in served or served.startswith(("/", "~", ".")):
            bind = option_value(argv, "--addr") or "127.0.0.1:8080"  # rclone's default
            exposure.file_server(command, ctx, served, bind)
    elif name == "twistd" and "web" in operands:
        path = option_value(argv, "--path") or "."
        exposure.file_server(command, ctx, path, option_value(argv, "--listen") or "")


def _ruby_httpd(command: Command, ctx: Context) -> None:
    """`ruby -run -e httpd DIR`, `ruby -run -ehttpd DIR -p8000`: un.rb's file server."""
    argv = command.argv
    index = next((i for i, a in enumerate(argv) if a in ("httpd", "-ehttpd")), None)
    if index is None:
        return
    rest = [a for a in argv[index + 1 :] if not a.startswith("-") and not a.isdigit()]
    bind = option_value(argv, "-b", "--bind-address") or ""
    exposure.file_server(command, ctx, rest[0] if rest else ".", bind)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("http-server serve live-server twistd"), static_server),
    "dockerd": dockerd,
    "mongod": mongod,
    **dict.fromkeys(split_words("jupyter jupyter-notebook jupyter-lab jupyter-server"), jupyter),
    "redis-server": redis_server,
    **dict.fromkeys(split_words("ttyd gotty"), web_shell),
    **dict.fromkeys(split_words("telnetd in.telnetd utelnetd"), telnetd),
    **dict.fromkeys(split_words("tcpsvd udpsvd"), super_server),
    "ftpd": ftpd,
    "code-server": code_server,
    **dict.fromkeys(split_words("x11vnc vncserver x0vncserver"), vnc),
}
