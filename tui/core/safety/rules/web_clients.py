"""Web clients and network helpers caro did not know: wget2, curlie, libwww-perl's GET/HEAD/POST,
text browsers (lynx, w3m, links, elinks), the X clipboard tools, Tailscale, Tor, and DNS tunnels.

Printing a page or a header only reads; sending data is routine; publishing a local service on
the internet (a Tailscale funnel to SSH, a Tor onion service) or tunnelling through DNS is HIGH.
What a fetched page is piped into (`| sh`) is rated with the pipeline, as for curl.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import exposure, http_stores, network
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_BROWSER_PRINTS = frozenset(
    split_words("-dump -source -dump_source -dump_head -mime_type -head -dump-charset")
)


def text_browser(command: Command, ctx: Context) -> None:
    """`lynx -dump URL`, `w3m -dump_source URL`: a page printed; otherwise a browser opens."""
    if any(a.split("=", 1)[0] in _BROWSER_PRINTS for a in command.argv):
        return
    ctx.add(MODERATE, f"opens a text web browser ({command.name})", command)


_LWP_READS = frozenset(split_words("GET HEAD"))


def lwp_request(command: Command, ctx: Context) -> None:
    """libwww-perl: `GET URL`, `HEAD URL` only fetch; `POST URL` sends what it reads."""
    argv = command.argv
    method = command.name.upper() if command.name != "lwp-request" else "GET"
    for option, value in itertools.pairwise(argv):
        if option == "-m":
            method = value.upper()
    if method in _LWP_READS and not any(a in ("-c", "-o") for a in argv):
        return
    ctx.add(MODERATE, f"sends data to a web server ({method})", command)


def clipboard(command: Command, ctx: Context) -> None:
    """`xclip -o`, `xsel -b` printing: reads the clipboard; anything else replaces it."""
    argv = command.argv
    prints = any(a in ("-o", "-out", "--output") for a in argv)
    if command.name == "xsel" and not any(
        a in ("-i", "--input", "-a", "--append", "-f", "--follow", "-c", "--clear", "-d")
        for a in argv
    ):
        prints = prints or command.stdin is None  # xsel prints unless text is piped in
    if not prints:
        ctx.add(MODERATE, f"replaces the clipboard's contents ({command.name})", command)


_TAILSCALE_READS = frozenset(
    split_words("status ip netcheck ping version whois dns bugreport exit-node metrics lock")
)


def tailscale(command: Command, ctx: Context) -> None:
    argv = command.argv
    verb = next((a for a in argv if not a.startswith("-")), "")
    if not verb or verb in _TAILSCALE_READS or argv[-1:] in (["status"], ["--help"]):
        return
    if verb == "funnel":
        exposure.tunnel(command, ctx)  # on the internet, like ngrok
        return
    ctx.add(MODERATE, f"changes this machine's Tailscale network ({verb})", command)


def tor(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a.lower().startswith("--hiddenservice") for a in argv):
        reason = "publishes a local service as a Tor onion service: reachable from anywhere"
        ctx.add(HIGH, reason, command)
        return
    if argv and all(a in ("--version", "--help", "-h", "--verify-config") for a in argv):
        return
    ctx.add(MODERATE, "starts a Tor relay or client on this machine (tor)", command)


def dns_tunnel(command: Command, ctx: Context) -> None:
    reason = "tunnels network traffic through DNS lookups, past the firewall"
    ctx.add(HIGH, f"{reason} ({command.name})", command)


RULES: dict[str, Rule] = {
    "wget2": network.wget,
    "curlie": http_stores.httpie,
    **dict.fromkeys(split_words("lynx w3m links elinks links2"), text_browser),
    **dict.fromkeys(split_words("GET HEAD POST PUT lwp-request"), lwp_request),
    **dict.fromkeys(split_words("xclip xsel"), clipboard),
    "tailscale": tailscale,
    "tor": tor,
    **dict.fromkeys(split_words("iodine iodined dnscat dnscat2 dns2tcpc"), dns_tunnel),
}
