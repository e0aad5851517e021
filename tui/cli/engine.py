"""`caro engine status|stop`: the warm engine host (model, memory, idle time left) and stopping it.

Exit codes: 0 ok; 1 `status` found no host running, or `stop` found none to stop.
"""

from __future__ import annotations

import asyncio
import json

from tui.cli.common import Parser, notice
from tui.core import paths
from tui.core.backends.embedded.engine_client import describe_warm
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
        pid = asyncio.run(stop_host())
        if pid is None:
            notice("no engine host is running")
            return 1
        notice(f"stopped the engine host (pid {pid})")
        return 0
    status = asyncio.run(host_status())
    if args.json:
        data = None if status is None else {**status.__dict__, "idle_left_s": status.idle_left_s}
        print(json.dumps({"socket": str(socket_path()), "host": data}, indent=2))
        return 0 if status else 1
    if status is None:
        print(f"no engine host is running (socket {socket_path()})")
        print("the next request to an embedded engine starts one")
        return 1
    print(describe_warm(status) if status.model else f"engine host pid {status.pid}, no model yet")
    print(f"  socket    {socket_path()}")
    print(f"  log       {paths.engine_log()}")
    print(f"  answers   {status.served}, {status.active} now")
    print(f"  uptime    {status.uptime_s:.0f} s; keep_alive {status.keep_alive_s:g} s")
    current = status.version == host_version()
    print(f"  version   {status.version}" + ("" if current else " (another caro version)"))
    return 0
