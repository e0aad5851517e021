"""Who may use `caro serve`: this launch's secret, the names it answers to, same-origin sockets.

Every request must name an allowed host (loopback names, the --host given; so a page of another
site that rebinds its own name to this address is refused) and carry the secret, either as
`?token=` (the address printed at start) or as the cookie the page sets from it. A WebSocket
must also come from the page's own origin: a browser always sends `Origin`, and a page of
another site cannot forge it. Refusals are plain 401/403 answers, never an upgrade.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
import socket
from dataclasses import dataclass

from aiohttp import hdrs, web
from aiohttp.typedefs import Handler, Middleware

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
TOKEN_PARAMETER = "token"
log = logging.getLogger("caro.serve")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def url_host(host: str) -> str:
    """`host` as it goes in a URL: IPv6 addresses in brackets."""
    return f"[{host}]" if ":" in host else host


def host_name(header: str) -> str:
    """The name part of a Host header, lower case, without port or IPv6 brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


@dataclass(frozen=True)
class Access:
    secret: str
    port: int
    names: frozenset[str]
    any_ip_literal: bool = False

    @classmethod
    def for_host(cls, host: str, port: int, secret: str) -> Access:
        """The names a browser may use for this server: loopback ones and the --host given.

        Listening on every interface (0.0.0.0, ::), the machine's own names and any address
        typed as digits are accepted too: a rebinding attack always arrives under the
        attacker's own domain name, never as a bare address.
        """
        names = set(LOOPBACK_NAMES) | {host.lower()}
        wildcard = host in WILDCARD_HOSTS
        if wildcard:
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        return cls(secret=secret, port=port, names=frozenset(names), any_ip_literal=wildcard)

    @property
    def cookie(self) -> str:
        # Browsers share cookies between the ports of one host: one name per served port.
        return f"caro-serve-{self.port}"

    def host_allowed(self, header: str | None) -> bool:
        if not header:
            return False
        name = host_name(header)
        return name in self.names or (self.any_ip_literal and is_ip_literal(name))

    def matches(self, candidate: str | None) -> bool:
        if not candidate:
            return False
        return hmac.compare_digest(candidate.encode(), self.secret.encode())

    def url(self, host: str) -> str:
        shown = socket.gethostname() if host in WILDCARD_HOSTS else host
        return f"http://{url_host(shown)}:{self.port}/?{TOKEN_PARAMETER}={self.secret}"


def _refuse(status: type[web.HTTPException], why: str) -> web.HTTPException:
    return status(text=f"caro serve: {why}\n", headers={"Referrer-Policy": "no-referrer"})


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get(hdrs.ORIGIN)
    if origin is None:
        return True  # not a browser; the secret is still required below
    return origin.lower() == f"{request.scheme}://{request.host}".lower()


def middleware(access: Access) -> Middleware:
    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not access.host_allowed(request.headers.get(hdrs.HOST)):
            log.warning("refused a request for another host name")
            raise _refuse(web.HTTPForbidden, "this server does not answer to that host name")
        upgrade = request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        if upgrade and not _same_origin(request):
            log.warning("refused a WebSocket from another origin")
            raise _refuse(web.HTTPForbidden, "a WebSocket from another site is refused")
        given = request.query.get(TOKEN_PARAMETER)
        if given is not None and not access.matches(given):
            log.warning("refused a request with a wrong secret")
            raise _refuse(web.HTTPForbidden, "wrong token: open the address caro serve printed")
        if given is None and not access.matches(request.cookies.get(access.cookie)):
            raise _refuse(
                web.HTTPUnauthorized,
                "open the address caro serve printed: it carries the secret (?token=...)",
            )
        response = await handler(request)
        response.headers["Referrer-Policy"] = "no-referrer"
        if given is not None and not upgrade and not response.prepared:
            response.set_cookie(
                access.cookie, access.secret, httponly=True, samesite="Strict", path="/"
            )
        return response

    return guard
