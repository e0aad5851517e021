"""Firewalls: iptables, ufw, nft, firewall-cmd, and routes.

Flushing or opening the firewall leaves the machine unprotected; blocking everything or SSH cuts
remote sessions; a NAT rule to another host hands it the machine's traffic.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.words import split_words


def iptables(command: Command, ctx: Context) -> None:
    opts = options(
        command, "-t --table -A -D -I -R -N -P --policy -j -s -d -p -i -o --dport --sport"
    )
    if opts.has("-F", "--flush", "-X", "--delete-chain"):
        ctx.add(HIGH, "flushes the firewall rules: the machine is left unprotected", command)
    elif opts.value("-P", "--policy") and "ACCEPT" in command.argv:
        ctx.add(HIGH, "sets the firewall to accept everything by default", command)
    elif opts.value("-P", "--policy") and any(a in ("DROP", "REJECT") for a in command.argv):
        chain = opts.value("-P", "--policy")
        ctx.add(HIGH, f"drops all {chain} traffic by default: remote sessions are cut", command)
    elif _blocks_everything(command.argv):
        ctx.add(HIGH, "blocks all traffic or SSH: remote sessions are cut off", command)
    elif _redirects_traffic(command.argv):
        reason = "sends the machine's traffic to another host (NAT redirect): it can be read there"
        ctx.add(CRITICAL, reason, command)
    elif _accepts_everything(command.argv):
        ctx.add(HIGH, "lets all traffic in: the firewall no longer filters anything", command)
    elif opts.has("-L", "--list", "-S", "--list-rules"):
        return
    else:
        ctx.add(MODERATE, "changes the firewall rules", command)


def _blocks_everything(argv: list[str]) -> bool:
    """`-A INPUT -j DROP` with nothing narrowing it, or a DROP/REJECT of port 22."""
    if not any(a in ("DROP", "REJECT") for a in argv):
        return False
    if any(a in ("22", "ssh") for a in argv):
        return True
    narrowing = ("-s", "--source", "-p", "--protocol", "--dport", "--sport", "-i", "-m", "-d")
    everyone = ("0/0", "0.0.0.0/0", "::/0", "any")
    narrowed = any(
        a in narrowing and not (i + 1 < len(argv) and argv[i + 1] in everyone)
        for i, a in enumerate(argv)
    )
    return any(a in ("-A", "-I", "--append", "--insert") for a in argv) and not narrowed


def _accepts_everything(argv: list[str]) -> bool:
    """`-I INPUT -j ACCEPT` with nothing narrowing it."""
    if "ACCEPT" not in argv or ("INPUT" not in argv and "FORWARD" not in argv):
        return False
    narrowing = ("-s", "--source", "-p", "--protocol", "--dport", "-i", "-m", "-d", "--sport")
    return not any(a in narrowing for a in argv)


def _redirects_traffic(argv: list[str]) -> bool:
    """`-t nat ... -j DNAT --to-destination HOST`: connections rewritten to another machine."""
    if "DNAT" not in argv:
        return False
    target = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--to-destination"), "")
    host = target.split(":", 1)[0]
    private = host.startswith(("10.", "192.168.", "127.", "172.16.", "172.17.", "172.18."))
    return bool(host) and not private


def ufw(command: Command, ctx: Context) -> None:
    argv = command.argv
    action = next((a for a in argv if not a.startswith("-")), "")
    if action in ("disable", "reset"):
        ctx.add(HIGH, f"turns off the firewall (ufw {action})", command)
    elif action in ("deny", "reject") and any(
        a in ("22", "ssh", "22/tcp", "OpenSSH") for a in argv
    ):
        ctx.add(HIGH, "blocks SSH: remote sessions are cut off (ufw)", command)
    elif argv[:3] in (["default", "deny", "outgoing"], ["default", "reject", "outgoing"]):
        ctx.add(HIGH, "blocks all outgoing traffic by default (ufw)", command)
    elif argv[:3] == ["default", "allow", "incoming"] or (
        action == "allow" and "from" in argv and "any" in argv and "port" not in argv
    ):
        ctx.add(HIGH, "lets all incoming traffic in (ufw): the firewall filters nothing", command)
    elif action not in ("status", "app", "show", "version", ""):
        ctx.add(MODERATE, "changes the firewall rules (ufw)", command)


def nft(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "flush" in argv or ("delete" in argv and "table" in argv):
        ctx.add(HIGH, "flushes the firewall rules (nft): the machine is left unprotected", command)
    elif "list" not in argv:
        ctx.add(MODERATE, "changes the firewall rules (nft)", command)


def firewall_cmd(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--panic-on" in argv:
        ctx.add(HIGH, "drops all network traffic (firewall-cmd --panic-on)", command)
        return
    wide = any(re.search(r"--add-port=(0|1)-65535", a) for a in argv) or any(
        a in ("--set-default-zone=trusted", "--add-source=0.0.0.0/0") for a in argv
    )
    if wide:
        ctx.add(HIGH, "opens every port or trusts every address (firewall-cmd)", command)
        return
    if any(a.startswith("--remove") or a in ("--panic-off", "--reload") for a in argv) or not any(
        a.startswith(("--list", "--get", "--query", "--state")) for a in argv
    ):
        ctx.add(MODERATE, "changes the firewall rules (firewall-cmd)", command)


def route(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if any(w in ("del", "delete") for w in words) and "default" in words:
        ctx.add(HIGH, "removes the default route: the machine goes offline", command)
    elif any(w in ("add", "del", "delete", "change", "flush") for w in words):
        ctx.add(MODERATE, "changes the routing table (route)", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(
        split_words("iptables ip6tables iptables-legacy iptables-nft ebtables"), iptables
    ),
    "ufw": ufw,
    "nft": nft,
    "firewall-cmd": firewall_cmd,
    "route": route,
}
