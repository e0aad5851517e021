"""Doors opened to everyone by other means than a firewall: a proxy listening on every address
(anyone may then borrow this machine's network, and what it can reach inside), and a database's
cluster service switched to a public load balancer."""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand

_LOCAL = ("127.", "localhost", "::1", "[::1]")


def microsocks(command: Command, ctx: Context) -> None:
    """`microsocks -i 0.0.0.0 -p 1080`: it listens on every address unless told otherwise."""
    argv = command.argv
    bind = next((b for a, b in itertools.pairwise(argv) if a == "-i"), "0.0.0.0")
    if bind.startswith(_LOCAL):
        ctx.add(MODERATE, "runs a proxy for this machine only (microsocks)", command)
    else:
        ctx.add(HIGH, "runs a proxy anyone on the network can use (microsocks)", command)


def ncat_proxy(command: Command, ctx: Context) -> None:
    """`ncat -l 3128 --proxy-type http`: an open web proxy, on every address."""
    argv = command.argv
    if not any(a.startswith("--proxy-type") for a in argv):
        return
    listens = any(
        a in ("-l", "--listen") or (a[:1] == "-" and a[1:2] != "-" and "l" in a) for a in argv
    )
    if listens and not any(a.startswith(_LOCAL) for a in argv):
        ctx.add(HIGH, "runs a proxy anyone on the network can use (ncat --proxy-type)", command)


_DATABASE_NAME = lazy_pattern(
    r"(?i)(^|[-_.])(db|database|postgres(ql)?|pg|mysql|mariadb|mongo(db)?|redis|elastic(search)?|"
    r"memcached?|cassandra)([-_.\d]|$)"
)


def public_database_service(command: Command, ctx: Context) -> None:
    """`kubectl patch svc db -p '{"spec":{"type":"LoadBalancer"}}'`."""
    sub, rest = subcommand(command, "-n --namespace --context --kubeconfig")
    argv = rest.argv
    text = " ".join(argv).replace(" ", "")
    if (
        sub != "patch"
        or not argv[:1]
        or argv[0].split("/")[0] not in ("svc", "service", "services")
    ):
        return
    name = argv[0].split("/", 1)[1] if "/" in argv[0] else (argv[1] if len(argv) > 1 else "")
    if '"type":"LoadBalancer"' in text and _DATABASE_NAME.search(name):
        reason = f"puts the database service {name} on an outside address (LoadBalancer)"
        ctx.add(HIGH, reason, command)


RULES: dict[str, Rule] = {"microsocks": microsocks}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    "ncat": (ncat_proxy,),
    "kubectl": (public_database_service,),
    "oc": (public_database_service,),
}
