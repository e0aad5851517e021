"""textual-serve's server with caro's access rules, and the tab processes ending with it.

Built on textual-serve's `Server` (pinned in pyproject.toml: this module relies on its
`_make_app`, `handle_index` using `public_url`, the `on_startup`/`on_shutdown` hooks, and
`handle_websocket` creating `textual_serve.server.AppService`; tests/test_serve.py checks them):

- the access middleware (serve_access) guards every route;
- the page's URLs follow the host name the browser used (the cookie is per host name);
- each tab's workbench starts in its own session, so it and whatever it started form one
  process group that `on_shutdown` ends: SIGTERM, then SIGKILL after a grace period;
- the startup line with the secret is the only place the secret is printed: the access log,
  which would repeat it, is off.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shlex
import signal
import sys
import time
from typing import Any

from aiohttp import web
from textual_serve import server as textual_server
from textual_serve.app_service import AppService
from textual_serve.server import Server

from tui.cli.serve_access import Access, middleware

STOP_GRACE_S = 5.0


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def signal_group(pgid: int, number: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, number)


class Tabs:
    """The process group of every tab's workbench (each is its group's leader: pgid == pid)."""

    def __init__(self) -> None:
        self.services: dict[int, AppService] = {}

    def add(self, pgid: int, service: AppService) -> None:
        for gone in [pgid for pgid in self.services if not group_alive(pgid)]:
            del self.services[gone]
        self.services[pgid] = service

    def alive(self) -> list[int]:
        return [pgid for pgid in self.services if group_alive(pgid)]

    async def stop_all(self, grace_s: float = STOP_GRACE_S) -> None:
        for pgid in self.alive():
            signal_group(pgid, signal.SIGTERM)
        deadline = time.monotonic() + grace_s
        while self.alive() and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        self.kill_all()
        for service in list(self.services.values()):
            with contextlib.suppress(Exception):
                await service.remote_close()  # a killed workbench never said "exit"

    def kill_all(self) -> None:
        for pgid in self.alive():
            signal_group(pgid, signal.SIGKILL)


def tab_service(tabs: Tabs) -> type[AppService]:
    class TabService(AppService):
        """One tab's workbench: started without a shell, in a session of its own."""

        async def _open_app_process(
            self, width: int = 80, height: int = 24
        ) -> asyncio.subprocess.Process:
            process = await asyncio.create_subprocess_exec(
                *shlex.split(self.command),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
                env=self._build_environment(width=width, height=height),
                start_new_session=True,
            )
            assert process.stdin is not None
            self._process = process
            self._stdin = process.stdin
            tabs.add(process.pid, self)
            return process

    return TabService


class CaroServer(Server):
    def __init__(self, command: str, *, host: str, port: int, access: Access) -> None:
        super().__init__(command, host=host, port=port, title="caro")
        self.access = access
        self.tabs = Tabs()
        self.opened_at = access.url(host)

    def initialize_logging(self) -> None:
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(middleware(self.access))
        # handle_websocket builds each tab's service from this module global.
        textual_server.AppService = tab_service(self.tabs)  # type: ignore[attr-defined]
        return app

    async def handle_index(self, request: web.Request) -> Any:
        # textual-serve builds the page's script and socket URLs from `public_url`; the name
        # the browser used keeps them on one host name, which the cookie needs. Nothing awaits
        # between this assignment and the page's rendering.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def on_startup(self, app: web.Application) -> None:
        with contextlib.suppress(NotImplementedError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.request_exit)
        print(f"caro serve: open {self.opened_at}", flush=True)
        print("caro serve: Ctrl+C stops it (and every workbench it started)", flush=True)

    async def on_shutdown(self, app: web.Application) -> None:
        await self.tabs.stop_all()

    def serve(self, debug: bool = False) -> None:
        try:
            super().serve(debug)
        finally:
            self.tabs.kill_all()
            sys.stdout.flush()
