"""`caro engine status|stop`: the warm engine host (model, memory, idle time left) and the
warm starter of one-shot requests (tui.cli.starter), and stopping both.

Exit codes: 0 ok; 1 `status` found no host running, or `stop` found neither to stop.
"""

from __future__ import annotations

import asyncio
import json

from tui.cli import starter
from tui.cli.common import Parser, notice
from tui.core import paths
from tui.core.backends.embedded.engine_client import clock, describe_warm
from tui.core.backends.embedded.engine_link import host_status, stop_host
from tui.core.backends.embedded.engine_wire import host_version, socket_path


def main(argv: list[str]) -> int:
    parser = Parser(
        prog="caro engine",
        description="The warm engine host that keeps the embedded model loaded between requests.",
    )
    parser.add_argument("action", choices=("status", "stop"))
    parser.add_argument("--json", action="store_true", help="print JSON for tools (status)")
    args = parser.parse_args(argv)
    if args.action == "stop":
        return _stop()
    status = asyncio.run(host_status())
    warm_starter = starter.status()
    if args.json:
        data = None if status is None else {**status.__dict__, "idle_left_s": status.idle_left_s}
        listing = {"socket": str(socket_path()), "host": data, "starter": warm_starter}
        print(json.dumps(listing, indent=2))
        return 0 if status else 1
    if status is None:
        print(f"no engine host is running (socket {socket_path()})")
        print("the next request to an embedded engine starts one")
        print(f"  starter   {_describe_starter(warm_starter)}")
        return 1
    print(describe_warm(status) if status.model else f"engine host pid {status.pid}, no model yet")
    print(f"  socket    {socket_path()}")
    print(f"  log       {paths.engine_log()}")
    print(f"  answers   {status.served}, {status.active} now")
    print(f"  uptime    {status.uptime_s:.0f} s; keep_alive {status.keep_alive_s:g} s")
    current = status.version == host_version()
    print(f"  version   {status.version}" + ("" if current else " (another caro version)"))
    print(f"  starter   {_describe_starter(warm_starter)}")
    return 0


def _stop() -> int:
    host_pid = asyncio.run(stop_host())
    starter_pid = starter.stop()
    if starter_pid is not None:
        notice(f"stopped the warm starter (pid {starter_pid})")
    if host_pid is None:
        notice("no engine host is running")
        return 0 if starter_pid is not None else 1
    notice(f"stopped the engine host (pid {host_pid})")
    return 0


def _describe_starter(status: dict[str, object] | None) -> str:
    if status is None:
        return "none (the next one-shot request answered by the host starts one)"
    left = starter.number(status.get("idle_left_s"))
    pid, served = starter.number(status.get("pid")), starter.number(status.get("served"))
    return f"pid {pid}, {served} one-shot requests, exits in {clock(left)} if idle"
