"""Where names and traffic go: DNS resolvers and the default gateway.

A resolver at an outside address answers every name lookup, so it can send `github.com` or the
bank anywhere; a default route through an outside address carries all the machine's traffic.
Well-known public resolvers and addresses on the local network are routine choices.
"""

from __future__ import annotations

import ipaddress

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.targets import Verdict
from tui.core.safety.words import split_words

RESOLVER_REASON = "sends every name lookup to {}, an unknown server that can answer anything"
GATEWAY_REASON = "sends all the machine's traffic through {}, an outside address that can read it"
PUBLIC_RESOLVERS = frozenset(
    "1.1.1.1 1.0.0.1 8.8.8.8 8.8.4.4 9.9.9.9 149.112.112.112 208.67.222.222 208.67.220.220 "
    "94.140.14.14 94.140.15.15 76.76.2.0 76.76.10.0".split()
)


def outside_address(host: str) -> bool:
    """A literal IP address that is not on this machine or a private network."""
    try:
        ip = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or _lan(ip))


_LANS = tuple(
    ipaddress.ip_network(net)
    for net in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)


def _lan(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(ip.version == net.version and ip in net for net in _LANS)


# The resolver lines of resolv.conf, resolved.conf and dnsmasq: `nameserver IP`, `DNS=IP IP`,
# `server=IP`, and dnsmasq's `address=/name/IP` that answers one name itself.
_RESOLVER_LINE = lazy_pattern(
    r"(?im)^[^\S\n]*(?:nameserver[^\S\n]+|(?:fallback)?dns[^\S\n]*=[^\S\n]*|server=(?:/[^/\n]*/)?|"
    r"address=/(?P<name>[^/\n]*)/)(?P<values>[^\n#]*)"
)


def _resolver_config(where: str) -> bool:
    return where in ("/etc/resolv.conf", "/etc/systemd/resolved.conf", "/etc/dnsmasq.conf") or (
        where.startswith(("/etc/systemd/resolved.conf.d/", "/etc/dnsmasq.d/"))
    )


def resolver_file(path: str, text: str) -> Verdict | None:
    """`nameserver 203.0.113.53` written to /etc/resolv.conf (or resolved, dnsmasq)."""
    where = paths.normalise(path)
    if not _resolver_config(where):
        return None
    for match in _RESOLVER_LINE.finditer(text):
        foreign = foreign_resolvers(match.group("values").split())
        if foreign and match.group("name"):
            name = match.group("name")
            return Verdict(HIGH, f"sends everyone looking up {name} to {foreign[0]} ({where})")
        if foreign:
            return Verdict(HIGH, f"{RESOLVER_REASON.format(foreign[0])} ({where})")
    return None


_MOST = 32  # addresses looked at per setting: a resolver list is never longer


def foreign_resolvers(values: list[str]) -> list[str]:
    """The outside addresses among `values` that are no known public resolver; comma lists,
    `address=IP` and `('IP')` spellings too."""
    found = []
    for value in values[:_MOST]:
        for part in value.replace(";", ",").split(",")[:_MOST]:
            address = part.strip().strip("()'\" ").rsplit("=", 1)[-1].split("#", 1)[0]
            if address and outside_address(address) and address not in PUBLIC_RESOLVERS:
                found.append(address)
    return found


DEFAULT_ROUTES = frozenset(split_words("default 0.0.0.0/0 0/0 0.0.0.0"))


def foreign_gateway(words: list[str]) -> str | None:
    """`default via 203.0.113.1`, `-net 0.0.0.0/0 gw 203.0.113.1`, Windows' `0.0.0.0 mask
    0.0.0.0 203.0.113.1`: an outside default gateway."""
    lowered = [w.lower() for w in words]
    if not DEFAULT_ROUTES & set(lowered):
        return None
    for index, word in enumerate(lowered[:-1]):
        if word in ("via", "gw", "gateway") and outside_address(words[index + 1]):
            return words[index + 1]
        if word == "mask" and index + 2 < len(words) and outside_address(words[index + 2]):
            return words[index + 2]
    return None


# resolvectl verbs that set a value when given one after the interface.
_RESOLVECTL_SETTERS = frozenset(
    split_words("dns domain default-route llmnr mdns dnssec dnsovertls")
)


def sets_resolver(command: Command) -> bool:
    """`resolvectl dns eth0 203.0.113.53` sets; `resolvectl dns eth0` only shows."""
    operands = [a for a in command.argv if not a.startswith("-")]
    return bool(operands) and operands[0] in _RESOLVECTL_SETTERS and len(operands) > 2


def resolvectl(command: Command, ctx: Context) -> None:
    operands = [a for a in command.argv if not a.startswith("-")]
    verb = operands[0] if operands else ""
    if verb == "dns" and len(operands) > 2:
        foreign = foreign_resolvers(operands[2:])
        if foreign:
            ctx.add(HIGH, RESOLVER_REASON.format(foreign[0]), command)
            return
    if sets_resolver(command) or verb in ("revert", "flush-caches", "reset-statistics"):
        ctx.add(MODERATE, f"changes how names are looked up (resolvectl {verb})", command)


def dns_settings(settings: dict[str, str], command: Command, ctx: Context) -> bool:
    """nmcli's `ipv4.dns`/`ipv4.gateway` (and `+ipv4.dns`) values; True when rated here."""
    for key, value in settings.items():
        field = key.lstrip("+-").lower()
        if field.endswith(".dns"):
            foreign = foreign_resolvers([value])
            if foreign:
                ctx.add(HIGH, RESOLVER_REASON.format(foreign[0]), command)
                return True
        if field.endswith(".gateway") and outside_address(value.strip("'\"")):
            ctx.add(HIGH, GATEWAY_REASON.format(value), command)
            return True
    return False


RULES: dict[str, Rule] = {"resolvectl": resolvectl}
