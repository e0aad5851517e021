"""Key-value and secret stores run from their own tools: etcd, Consul, Vault, InfluxDB.

`etcdctl del --prefix ""` and `consul kv delete -recurse` with no key empty the whole store;
`vault secrets disable` deletes every secret under a mount; `influx bucket delete` a bucket.
A delete of one key stays moderate; reads are safe.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.databases import sql_client
from tui.core.safety.words import split_words

_EVERYTHING = frozenset(("", "/", "''", '""'))


def etcdctl(command: Command, ctx: Context) -> None:
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if operands[:2] == ["user", "delete"]:
        ctx.add(HIGH, f"deletes the etcd user {' '.join(operands[2:3])}".strip(), command)
        return
    if operands[:2] == ["role", "grant-permission"] and operands[-1:][0] in _EVERYTHING:
        ctx.add(HIGH, "gives an etcd role rights over every key in the store", command)
        return
    if operands[:2] == ["auth", "disable"]:
        reason = "turns off etcd's log-in: anyone who reaches it may read or change everything"
        ctx.add(HIGH, reason, command)
        return
    if operands[:2] == ["snapshot", "restore"] and _live_data_dir(argv):
        reason = "restores a snapshot into etcd's live data folder: the current state is replaced"
        ctx.add(HIGH, reason, command)
        return
    if operands[:2] == ["member", "remove"]:
        reason = "takes a member out of the etcd cluster: with too few left it stops answering"
        ctx.add(HIGH, reason, command)
        return
    if operands[:1] not in (["del"], ["delete"]):
        if operands[:1] not in (["get"], ["member"], ["endpoint"], ["version"], ["watch"]):
            ctx.add(MODERATE, f"changes the etcd store (etcdctl {' '.join(operands[:1])})", command)
        return
    keys = operands[1:2] or [""]
    ranged = any(
        a.startswith(("--prefix", "--from-key")) and not a.endswith("=false") for a in argv
    )
    if ranged and keys[0] in _EVERYTHING:
        ctx.add(CRITICAL, "deletes every key in the etcd store (a cluster's whole state)", command)
    elif ranged and keys[0].rstrip("/") == "/registry":
        ctx.add(CRITICAL, "deletes Kubernetes' whole state from etcd (/registry)", command)
    elif ranged:
        ctx.add(HIGH, f"deletes every key under {keys[0]} in etcd", command)
    else:
        ctx.add(MODERATE, "deletes a key from etcd", command)


def _live_data_dir(argv: list[str]) -> bool:
    """`--data-dir /var/lib/etcd` (or `=...`): the folder a running etcd keeps its state in."""
    values = [b for a, b in itertools.pairwise(argv) if a == "--data-dir"]
    values += [a.partition("=")[2] for a in argv if a.startswith("--data-dir=")]
    return any(v.rstrip("/") in ("/var/lib/etcd", "/var/lib/etcd/default") for v in values)


def etcd_server(command: Command, ctx: Context) -> None:
    """`etcd --listen-client-urls http://0.0.0.0:2379`: the store served to every network over
    plain HTTP, where etcd asks for no certificate and, by default, no password."""
    urls = [
        value
        for index, arg in enumerate(command.argv)
        for value in _option_values(command.argv, index, arg, "--listen-client-urls")
    ]
    open_ = [u for u in urls if u.startswith("http://") and _any_address(u)]
    if open_:
        reason = f"serves etcd to every network over plain HTTP ({open_[0]}): anyone may change it"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "starts an etcd server", command)


def _option_values(argv: list[str], index: int, arg: str, name: str) -> list[str]:
    """The comma-separated values of `--name VALUE` or `--name=VALUE` at argv[index]."""
    if arg == name and index + 1 < len(argv):
        return argv[index + 1].split(",")
    if arg.startswith(f"{name}="):
        return arg.partition("=")[2].split(",")
    return []


def _any_address(url: str) -> bool:
    host = url.split("://", 1)[-1].rsplit(":", 1)[0]
    return host in ("0.0.0.0", "[::]", "::", "")


def consul(command: Command, ctx: Context) -> None:
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if operands[:2] == ["snapshot", "restore"]:
        reason = "replaces Consul's whole state with a snapshot: later changes are lost"
        ctx.add(HIGH, reason, command)
        return
    if operands[:3] == ["operator", "raft", "remove-peer"]:
        ctx.add(HIGH, "removes a server from Consul's consensus group by force", command)
        return
    if operands[:2] != ["kv", "delete"]:
        if operands[:1] not in (["members"], ["info"], ["version"], ["catalog"]) and operands[
            :2
        ] not in (["kv", "get"], ["kv", "export"]):
            ctx.add(MODERATE, f"changes Consul ({' '.join(operands[:2])})", command)
        return
    keys = operands[2:3] or [""]
    recursive = any(a in ("-recurse", "--recurse") for a in argv)
    if recursive and keys[0] in _EVERYTHING:
        ctx.add(
            CRITICAL, "deletes every key in Consul's store (consul kv delete -recurse)", command
        )
    elif recursive:
        ctx.add(HIGH, f"deletes every key under {keys[0]} in Consul", command)
    else:
        ctx.add(MODERATE, "deletes a key from Consul", command)


_VAULT_READS = frozenset(split_words("read status login list token version print audit policy"))


def vault(command: Command, ctx: Context) -> None:
    operands = [a for a in command.argv if not a.startswith("-")]
    if operands[:2] == ["secrets", "disable"]:
        ctx.add(
            CRITICAL, "deletes every secret under a Vault mount (vault secrets disable)", command
        )
    elif operands[:3] == ["kv", "metadata", "delete"] or operands[:2] == ["kv", "destroy"]:
        ctx.add(HIGH, "deletes every version of a secret in Vault for good", command)
    elif operands[:1] in (["delete"], ["kv"]) and "delete" in operands[:2]:
        ctx.add(MODERATE, "deletes a secret in Vault (its versions stay)", command)
    elif _vault_weakened(command.argv, operands) is not None:
        ctx.add(HIGH, f"{_vault_weakened(command.argv, operands)} (vault)", command)
    elif operands[:1] in (["token"], ["audit"], ["policy"]) and operands[1:2] not in _VAULT_SHOWS:
        ctx.add(MODERATE, f"changes Vault ({' '.join(operands[:2])})", command)
    elif (operands[:1] and operands[0] in _VAULT_READS) or operands[:2] in (
        ["kv", "get"],
        ["kv", "list"],
    ):
        return
    else:
        ctx.add(MODERATE, f"changes Vault ({' '.join(operands[:2])})", command)


_VAULT_SHOWS: tuple[list[str], ...] = (["lookup"], ["list"], ["read"], ["capabilities"], [])


def _vault_weakened(argv: list[str], operands: list[str]) -> str | None:
    """What a Vault command switches off or hands out, when it does."""
    if operands[:2] == ["token", "create"] and any(
        a in ("-policy=root", "--policy=root") or (a, b) == ("-policy", "root")
        for a, b in zip(argv, [*argv[1:], ""], strict=True)
    ):
        return "creates a root token: whoever holds it may do anything in Vault"
    if operands[:2] == ["operator", "seal"]:
        return "seals Vault: no application can read a secret until it is unsealed by hand"
    if operands[:2] == ["audit", "disable"]:
        return "turns off Vault's audit log: who read which secret goes unrecorded"
    if operands[:2] == ["auth", "disable"]:
        return "switches off a login method and revokes every token it issued"
    if operands[:2] == ["lease", "revoke"] and any(a in ("-prefix", "--prefix") for a in argv):
        return "revokes every credential issued under a path at once"
    return None


def influx(command: Command, ctx: Context) -> None:
    """InfluxDB 2's CLI: `influx delete` without a predicate, `influx bucket delete`."""
    argv = command.argv
    operands = [a for a in argv if not a.startswith("-")]
    if operands[:2] == ["bucket", "delete"] or operands[:2] == ["org", "delete"]:
        ctx.add(CRITICAL, f"deletes a whole InfluxDB {operands[0]} and its data", command)
    elif operands[:1] == ["delete"]:
        narrowed = any(a.startswith(("--predicate", "-p")) for a in argv)
        if narrowed and _bounded_window(argv):  # some series, over some days: a WHERE
            ctx.add(MODERATE, "deletes the points a predicate picks, in one window", command)
            return
        level = HIGH if narrowed else CRITICAL
        ctx.add(level, "deletes data points from an InfluxDB bucket (influx delete)", command)
    elif operands[1:2] in (["list"], ["ls"], ["find"]) or operands[:1] in (["ping"], ["version"]):
        return  # `influx bucket list`, `influx ping`: reports only
    else:
        sql_client(command, ctx)


def _bounded_window(argv: list[str]) -> bool:
    """`--start 2024-01-01T00:00:00Z --stop 2024-01-02T00:00:00Z`: a window of this century,
    not the `1970-01-01` to far-future span that takes every point."""
    start, stop = _first_value(argv, "--start"), _first_value(argv, "--stop")
    years = [int(v[:4]) for v in (start, stop) if v[:4].isdigit()]
    return len(years) == 2 and years[0] >= 2000 and years[1] - years[0] <= 5


def _first_value(argv: list[str], name: str) -> str:
    for index, arg in enumerate(argv):
        found = _option_values(argv, index, arg, name)
        if found:
            return found[0]
    return ""


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("etcdctl etcdutl"), etcdctl),
    "etcd": etcd_server,
    "consul": consul,
    "vault": vault,
    "influx": influx,
}
