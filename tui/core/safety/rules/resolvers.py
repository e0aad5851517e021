"""Where names and traffic go: DNS resolvers and the default gateway.

A resolver at an outside address answers every name lookup, so it can send `github.com` or the
bank anywhere; a default route through an outside address carries all the machine's traffic.
Well-known public resolvers and addresses on the local network are routine choices.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.weakening import PUBLIC_RESOLVERS, outside_address
from tui.core.safety.words import split_words

RESOLVER_REASON = "sends every name lookup to {}, an unknown server that can answer anything"
GATEWAY_REASON = "sends all the machine's traffic through {}, an outside address that can read it"


def foreign_resolvers(values: list[str]) -> list[str]:
    """The outside addresses among `values` that are no known public resolver; comma lists,
    `address=IP` and `('IP')` spellings too."""
    found = []
    for value in values:
        for part in value.replace(";", ",").split(","):
            address = part.strip().strip("()'\" ").rsplit("=", 1)[-1].split("#", 1)[0]
            if address and outside_address(address) and address not in PUBLIC_RESOLVERS:
                found.append(address)
    return found


def foreign_gateway(words: list[str]) -> str | None:
    """`default via 203.0.113.1`, `-net 0.0.0.0/0 gw 203.0.113.1`: an outside default gateway."""
    lowered = [w.lower() for w in words]
    default = any(w in ("default", "0.0.0.0/0", "0/0", "0.0.0.0") for w in lowered)
    if not default:
        return None
    for index, word in enumerate(lowered[:-1]):
        if word in ("via", "gw", "gateway") and outside_address(words[index + 1]):
            return words[index + 1]
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
