"""`caro serve` lets in only the person who has the address it printed.

A real `caro serve` on a free loopback port, asked with aiohttp's client (installed with
textual-serve) the way a browser and a hostile page would: the page and the WebSocket without
the secret, with a wrong one, from another site's origin, under another host name (DNS
rebinding). Each refusal is a 401/403 answer, never the page (200) or an upgrade (101).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.serving import Served, caro_serve, write_serve_config


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, bundled_model: Path) -> Iterator[Served]:
    # One server for the module (each start costs seconds); its config is written under the
    # module's own folder since the per-test isolated_env is not set up yet here.
    folder = tmp_path_factory.mktemp("serve-access")
    mp = pytest.MonkeyPatch()
    mp.setenv("CARO_CONFIG", str(folder / "config.toml"))
    mp.setenv("CARO_DATA_DIR", str(folder / "data"))
    mp.setenv("CARO_CACHE_DIR", str(folder / "cache"))
    try:
        write_serve_config(bundled_model)
        with caro_serve(folder) as server:
            yield server
    finally:
        mp.undo()


async def get(url: str, **headers: str) -> aiohttp.ClientResponse:
    async with (
        aiohttp.ClientSession() as session,
        session.get(url, headers=headers, allow_redirects=False) as response,
    ):
        await response.read()
        return response


async def websocket_status(url: str, **headers: str) -> int:
    """The status of the WebSocket handshake (101 when the server upgraded the connection)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, headers=headers) as socket:
                await socket.close()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def test_the_printed_address_opens_the_page_and_sets_a_strict_cookie(served: Served) -> None:
    response = await get(served.url)
    assert response.status == 200
    cookie = response.cookies[f"caro-serve-{served.port}"]
    assert cookie.value == served.token
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    # The page, opened again with the cookie alone (a reload, the page's scripts).
    assert (await get(f"{served.base}/", Cookie=served.cookie)).status == 200
    assert (await get(f"{served.base}/static/js/textual.js", Cookie=served.cookie)).status == 200


async def test_the_page_without_the_secret_is_refused(served: Served) -> None:
    missing = await get(f"{served.base}/")
    assert missing.status == 401
    wrong = await get(f"{served.base}/?token=not-{served.token}")
    assert wrong.status == 403
    wrong_cookie = await get(f"{served.base}/", Cookie=f"caro-serve-{served.port}=guess")
    assert wrong_cookie.status == 401
    assert (await get(f"{served.base}/static/js/textual.js")).status == 401


async def test_a_foreign_host_name_is_refused_even_with_the_secret(served: Served) -> None:
    rebound = await get(served.url, Host=f"evil.example:{served.port}")
    assert rebound.status == 403
    for name in ("localhost", "127.0.0.1", "[::1]"):
        assert (await get(served.url, Host=f"{name}:{served.port}")).status == 200, name


async def test_a_websocket_without_the_secret_is_refused(served: Served) -> None:
    ws = f"ws://127.0.0.1:{served.port}/ws"
    origin = f"http://127.0.0.1:{served.port}"
    assert await websocket_status(ws, Origin=origin) == 401
    assert await websocket_status(f"{ws}?token=guess", Origin=origin) == 403
    cookie = f"caro-serve-{served.port}=guess"
    assert await websocket_status(ws, Origin=origin, Cookie=cookie) == 401


async def test_a_websocket_from_another_site_is_refused(served: Served) -> None:
    ws = f"ws://127.0.0.1:{served.port}/ws"
    for origin in ("https://evil.example", "null", f"http://localhost:{served.port}"):
        status = await websocket_status(ws, Origin=origin, Cookie=served.cookie)
        assert status == 403, origin


async def test_a_websocket_under_a_foreign_host_name_is_refused(served: Served) -> None:
    ws = f"ws://127.0.0.1:{served.port}/ws"
    host = f"evil.example:{served.port}"
    status = await websocket_status(ws, Host=host, Origin=f"http://{host}", Cookie=served.cookie)
    assert status == 403


async def test_the_secret_is_printed_once_and_never_logged(served: Served) -> None:
    await get(served.url)
    await get(f"{served.base}/?token=not-{served.token}")
    await get(served.url, Host="evil.example")
    output = served.output()
    assert output.count(served.token) == 1, output
    assert f"caro serve: open {served.url}" in output
