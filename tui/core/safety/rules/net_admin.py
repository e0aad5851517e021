"""Network tools the main network rules leave out: the BSD packet filters (ipfw, npf, IPFilter),
ipset lists, fail2ban, connection tracking, bridges, systemd-networkd, netplan, WireGuard and
OpenVPN.

Listing rules, bans, links and peers is safe. Flushing or stopping a filter, letting every
packet through, lifting every ban, taking a link down or sending all traffic through a peer at
an address caro does not recognise is HIGH. OpenVPN runs its `--up` and `--down` scripts as
root: what they say is rated as the command it is.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.rules.resolvers import outside_address
from tui.core.safety.words import literal, split_words

_IPFW_READS = frozenset(split_words("list show print nat-show table-list"))


def ipfw(command: Command, ctx: Context) -> None:
    """FreeBSD: `ipfw -q flush`, `ipfw disable firewall`, `ipfw add allow ip from any to any`."""
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "list"
    text = " ".join(words)
    if verb in _IPFW_READS or (len(words) > 1 and words[1] in _IPFW_READS):
        return
    if verb == "flush" or (verb == "disable" and "firewall" in words):
        ctx.add(HIGH, f"removes or switches off every firewall rule (ipfw {verb})", command)
    elif verb == "add" and "from any to any" in text and ("allow" in words or "pass" in words):
        ctx.add(HIGH, "lets every packet through the firewall (ipfw add allow any)", command)
    else:
        ctx.add(MODERATE, f"changes the firewall rules (ipfw {verb})", command)


def npfctl(command: Command, ctx: Context) -> None:
    """NetBSD's npf: `npfctl stop` and `npfctl flush` leave the machine unfiltered."""
    verb = next((a for a in command.argv if not a.startswith("-")), "show")
    if verb in ("stop", "flush"):
        ctx.add(HIGH, f"turns the packet filter off or empties it (npfctl {verb})", command)
    elif verb not in ("show", "list", "stats", "debug", "validate", "table"):
        ctx.add(MODERATE, f"changes the packet filter (npfctl {verb})", command)


def ipf(command: Command, ctx: Context) -> None:
    """IPFilter: `ipf -Fa` flushes every rule, `ipf -D` disables filtering."""
    flags = "".join(a[1:] for a in command.argv if a.startswith("-"))
    if "F" in flags or "D" in flags:
        ctx.add(HIGH, "empties or switches off the packet filter (ipf)", command)
    elif command.argv:
        ctx.add(MODERATE, "changes the packet filter rules (ipf)", command)


def ipset(command: Command, ctx: Context) -> None:
    """`ipset flush blocklist`, `ipset destroy`: the addresses firewall rules block are gone."""
    verb = next((a for a in command.argv if not a.startswith("-")), "list")
    if verb in ("flush", "destroy", "x", "F"):
        ctx.add(HIGH, f"empties or deletes address sets firewall rules use (ipset {verb})", command)
    elif verb not in ("list", "save", "test", "help", "version", "-L"):
        ctx.add(MODERATE, f"changes an address set (ipset {verb})", command)


def fail2ban(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "status"
    if verb in ("stop", "unban") and (verb == "stop" or "--all" in command.argv):
        reason = "stops fail2ban or lifts every ban: blocked attackers may try again"
        ctx.add(HIGH, f"{reason} (fail2ban-client {verb})", command)
    elif verb not in ("status", "get", "ping", "version", "banned", "echo"):
        ctx.add(MODERATE, f"changes fail2ban (fail2ban-client {verb})", command)


def conntrack(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(
        a in ("-L", "--dump", "-G", "--get", "-S", "--stats", "-C", "--count", "-E") for a in argv
    ):
        return
    ctx.add(MODERATE, "changes the kernel's table of connections (conntrack)", command)


def brctl(command: Command, ctx: Context) -> None:
    verb = next((a for a in command.argv if not a.startswith("-")), "show")
    if verb in ("delif", "delbr"):
        reason = f"takes a link out of a bridge: what is behind it loses the network (brctl {verb})"
        ctx.add(HIGH, reason, command)
    elif verb not in ("show", "showmacs", "showstp"):
        ctx.add(MODERATE, f"changes a network bridge (brctl {verb})", command)


_NETWORKCTL_DOWN = frozenset(split_words("down delete forcerenew"))


def networkctl(command: Command, ctx: Context) -> None:
    verb = next((a for a in command.argv if not a.startswith("-")), "list")
    if verb in _NETWORKCTL_DOWN:
        ctx.add(HIGH, f"takes a network link down (networkctl {verb})", command)
    elif verb not in ("list", "status", "lldp", "label", "cat"):
        ctx.add(MODERATE, f"changes network links (networkctl {verb})", command)


def netplan(command: Command, ctx: Context) -> None:
    verb = next((a for a in command.argv if not a.startswith("-")), "")
    if verb not in ("get", "info", "status", "help", ""):
        ctx.add(MODERATE, f"changes the network configuration (netplan {verb})", command)


def wg(command: Command, ctx: Context) -> None:
    """`wg set wg0 peer K allowed-ips 0.0.0.0/0 endpoint 203.0.113.9:51820`: every packet of
    the machine is sent to a peer at an address caro does not recognise."""
    argv = command.argv
    verb = argv[0] if argv else "show"
    if verb in ("show", "genkey", "genpsk", "pubkey", "--help"):
        return
    if verb == "showconf":
        ctx.add(MODERATE, "shows a WireGuard interface's private key (wg showconf)", command)
        return
    given = dict(itertools.pairwise(argv))
    everything = any(r in given.get("allowed-ips", "") for r in ("0.0.0.0/0", "::/0"))
    endpoint = given.get("endpoint", "")
    if everything and endpoint and outside_address(endpoint.rsplit(":", 1)[0]):
        reason = f"sends all of the machine's traffic to the peer at {endpoint} (wg set)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"changes a WireGuard interface (wg {verb})", command)


_OVPN_SCRIPTS = frozenset(
    split_words(
        "--up --down --route-up --route-pre-down --ipchange --client-connect "
        "--client-disconnect --learn-address --tls-verify --auth-user-pass-verify"
    )
)


def openvpn(command: Command, ctx: Context) -> None:
    """`openvpn --script-security 2 --up 'CMD'`: CMD runs as root when the tunnel comes up."""
    argv = command.argv
    if any(a in ("--show-ciphers", "--show-digests", "--show-tls", "--version") for a in argv):
        return
    ctx.add(MODERATE, "starts or configures a VPN tunnel (openvpn)", command)
    for option, script in itertools.pairwise(argv):
        if option in _OVPN_SCRIPTS and " " in script.strip():
            ctx.run_code(literal(script), command)


def device_harm(command: Command) -> str | None:
    """The forms of ethtool, blockdev and arp that do more than tune: a NIC's EEPROM or
    firmware rewritten, a NIC reset, the system disk made read-only, an address pinned."""
    argv = command.argv
    name = command.name
    if name == "ethtool" and any(a in ("-E", "--change-eeprom", "-f", "--flash") for a in argv):
        return "rewrites the network card's EEPROM or firmware (ethtool): it may stop working"
    if name == "ethtool" and "--reset" in argv:
        return "resets the network card (ethtool --reset): its connections drop"
    if name == "blockdev" and "--setro" in argv and any(_whole_disk(a) for a in argv):
        return "makes a whole disk read-only (blockdev --setro): writes to it start failing"
    if name == "arp" and any(a in ("-s", "--set") for a in argv):
        return "pins an address to a hardware address by hand (arp -s): its traffic may go astray"
    return None


def _whole_disk(arg: str) -> bool:
    return (arg.startswith("/dev/") and not arg[-1].isdigit()) or arg.endswith(("n1", "n0"))


RULES: dict[str, Rule] = {
    "ipfw": ipfw,
    "npfctl": npfctl,
    "ipf": ipf,
    "ipset": ipset,
    "fail2ban-client": fail2ban,
    "conntrack": conntrack,
    "brctl": brctl,
    "networkctl": networkctl,
    "netplan": netplan,
    "wg": wg,
    "openvpn": openvpn,
}
