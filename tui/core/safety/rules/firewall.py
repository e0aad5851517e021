"""Firewalls: iptables, ufw, nft, firewall-cmd, and routes.

Flushing or opening the firewall leaves the machine unprotected; blocking everything or SSH cuts
remote sessions; a NAT rule to another host hands it the machine's traffic.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.resolvers import DEFAULT_ROUTES, GATEWAY_REASON, foreign_gateway
from tui.core.safety.words import split_words


def iptables(command: Command, ctx: Context) -> None:
    opts = options(
        command, "-t --table -A -D -I -R -N -P --policy -j -s -d -p -i -o --dport --sport"
    )
    if opts.has("-C", "--check"):
        return  # `iptables -C INPUT ...`: asks whether the rule exists
    if opts.has("-F", "--flush", "-X", "--delete-chain") and _own_chain(command.argv):
        ctx.add(MODERATE, "empties one chain of its own rules (iptables -F CHAIN)", command)
    elif opts.has("-F", "--flush", "-X", "--delete-chain"):
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
    elif _opens_service(command.argv, "--dport", ("-s", "--source")):
        ctx.add(HIGH, _open_reason(command.argv, "--dport"), command)
    elif opts.has("-L", "--list", "-S", "--list-rules"):
        return
    else:
        ctx.add(MODERATE, "changes the firewall rules", command)


_BUILT_IN_CHAINS = frozenset(split_words("INPUT FORWARD OUTPUT PREROUTING POSTROUTING"))


def _own_chain(argv: list[str]) -> bool:
    """`iptables -F f2b-sshd`: a chain a tool (fail2ban, docker) made, not the built-in ones."""
    flushed = [
        b for a, b in itertools.pairwise(argv) if a in ("-F", "--flush", "-X", "--delete-chain")
    ]
    named = [c for c in flushed if c and not c.startswith("-")]
    return bool(named) and not set(named) & _BUILT_IN_CHAINS and len(named) == len(flushed)


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
    everyone = ("0/0", "0.0.0.0/0", "::/0", "any")
    return not any(
        a in narrowing and not (i + 1 < len(argv) and argv[i + 1] in everyone)
        for i, a in enumerate(argv)
    )


def _redirects_traffic(argv: list[str]) -> bool:
    """`-t nat ... -j DNAT --to-destination HOST`: connections rewritten to another machine."""
    if "DNAT" not in argv:
        return False
    target = next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--to-destination"), "")
    host = target.split(":", 1)[0]
    private = host.startswith(("10.", "192.168.", "127.", "172.16.", "172.17.", "172.18."))
    return bool(host) and not private


# Services that must not face every network: their port, and what listens there.
OPEN_PORTS = {
    "23": "telnet",
    "445": "Windows file sharing",
    "3389": "remote desktop",
    "5432": "PostgreSQL",
    "3306": "MySQL",
    "6379": "Redis",
    "27017": "MongoDB",
    "9200": "Elasticsearch",
    "5900": "VNC",
    "2375": "the Docker API",
    "2376": "the Docker API",
    "11211": "memcached",
    "5984": "CouchDB",
    "1433": "SQL Server",
}


# firewalld's service names for the ports above.
SERVICE_PORTS = {
    "telnet": "23",
    "samba": "445",
    "rdp": "3389",
    "postgresql": "5432",
    "mysql": "3306",
    "redis": "6379",
    "mongodb": "27017",
    "elasticsearch": "9200",
    "vnc-server": "5900",
    "docker-swarm": "2375",
    "memcache": "11211",
    "couchdb": "5984",
    "mssql": "1433",
}


def _open_reason(argv: list[str], port_option: str) -> str:
    port = next((p for p in _ports(argv, port_option) if p in OPEN_PORTS), "")
    return f"opens port {port} ({OPEN_PORTS.get(port, 'a service')}) to every machine"


def _ports(argv: list[str], option: str) -> list[str]:
    found = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == option]
    found += [a.split("/", 1)[0] for a in argv if a.split("/", 1)[0].replace(",", "").isdigit()]
    # `port 22,3306,6379`: one rule, several ports
    return [q for p in found for q in p.split("/", 1)[0].split(",")]


def _opens_service(argv: list[str], port_option: str, sources: tuple[str, ...]) -> bool:
    """`iptables -A INPUT -p tcp --dport 6379 -j ACCEPT` with no source address."""
    if "ACCEPT" not in argv or "INPUT" not in argv:
        return False
    everyone = ("0/0", "0.0.0.0/0", "::/0")
    limited = any(
        a in sources and i + 1 < len(argv) and argv[i + 1] not in everyone
        for i, a in enumerate(argv)
    )
    return not limited and any(p in OPEN_PORTS for p in _ports(argv, port_option))


def _ufw_opens_service(argv: list[str]) -> bool:
    """`ufw allow 3306`, `ufw allow from any to any port 6379`: no source but any."""
    source = argv[argv.index("from") + 1 : argv.index("from") + 2] if "from" in argv else ["any"]
    if source[0] not in _EVERYONE:
        return False
    return any(p in OPEN_PORTS for p in _ports(argv, "port"))


_EVERYONE = frozenset(split_words("any 0.0.0.0/0 ::/0 0/0"))
# Ports people open for a service of their own: web, mail, DNS, VPNs, common app servers.
_USUAL_PORTS = frozenset(
    split_words(
        "1194 1883 2222 3000 3478 4443 5000 5001 5060 5353 8000 8008 8022 8080 8081 8088 8443 "
        "8883 8888 9000 9090 9443 25565 32400 51820"
    )
)


def _unusual_port(ports: list[str]) -> str | None:
    """A high port no common service uses (4444, 31337): where back doors listen."""
    return next(
        (p for p in ports if p.isdigit() and int(p) >= 1024 and p not in _USUAL_PORTS), None
    )


def _unusual_reason(port: str) -> str:
    return f"opens port {port} for good, one no usual service uses: back doors listen there"


def ufw(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv[:1] == ["insert"] and len(argv) > 2:
        argv = argv[2:]  # `ufw insert 1 allow ...`: the rule, placed first
    elif argv[:1] == ["prepend"]:
        argv = argv[1:]
    action = next((a for a in argv if not a.startswith("-")), "")
    if action in ("disable", "reset"):
        ctx.add(HIGH, f"turns off the firewall (ufw {action})", command)
    elif action in ("deny", "reject") and any(
        a in ("22", "ssh", "22/tcp", "OpenSSH") for a in argv
    ):
        ctx.add(HIGH, "blocks SSH: remote sessions are cut off (ufw)", command)
    elif argv[:3] in (["default", "deny", "outgoing"], ["default", "reject", "outgoing"]):
        ctx.add(HIGH, "blocks all outgoing traffic by default (ufw)", command)
    elif action == "allow" and _ufw_opens_service(argv):
        ctx.add(HIGH, _open_reason(argv, "port"), command)
    elif action == "allow" and "from" not in argv and _unusual_port(_ports(argv, "port")):
        ctx.add(HIGH, _unusual_reason(_unusual_port(_ports(argv, "port")) or ""), command)
    elif action == "delete" and any(a in ("22", "ssh", "22/tcp", "OpenSSH") for a in argv):
        ctx.add(
            HIGH, "removes the rule that lets SSH in (ufw): remote sessions may be cut", command
        )
    elif action == "allow" and any(re.fullmatch(r"(0|1):65535(/\w+)?", a) for a in argv):
        ctx.add(HIGH, "opens every port to every machine (ufw)", command)
    elif (
        argv[:3] == ["default", "allow", "incoming"]
        or argv == ["default", "allow"]
        or (action == "allow" and "from" in argv and "any" in argv and "port" not in argv)
    ):
        ctx.add(HIGH, "lets all incoming traffic in (ufw): the firewall filters nothing", command)
    elif action not in ("status", "app", "show", "version", ""):
        ctx.add(MODERATE, "changes the firewall rules (ufw)", command)


def nft(command: Command, ctx: Context) -> None:
    # `nft 'add rule ...'` and `nft add rule ...` are the same: one script, split in words
    words = [part for a in command.argv for part in a.replace(";", " ").split()]
    if _nft_file(command.argv) in ("-", "/dev/stdin") and command.stdin is not None:
        fed = command.stdin.literal or ()  # `echo 'flush ruleset' | nft -f -`
        words += [part for w in fed for part in w.value.replace(";", " ").split()]
    chain_gone = "delete" in words and "chain" in words and {"input", "forward"} & set(words)
    if "flush" in words or ("delete" in words and "table" in words) or chain_gone:
        ctx.add(HIGH, "flushes the firewall rules (nft): the machine is left unprotected", command)
    elif "rule" in words and _nft_accepts_all(words):
        ctx.add(HIGH, "lets all traffic in (nft): the firewall no longer filters anything", command)
    elif "accept" in words and "saddr" not in words and _nft_opens(words):
        ctx.add(HIGH, _open_reason(words, "dport"), command)
    elif {"list", "-c", "--check"} & set(words):
        return
    elif _nft_cuts_off(words):
        ctx.add(
            HIGH, "blocks SSH or drops all incoming traffic (nft): remote sessions are cut", command
        )
    elif _nft_file(command.argv) and paths.is_world_writable(_nft_file(command.argv) or ""):
        reason = "loads firewall rules from a file anyone could have written (nft -f)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "changes the firewall rules (nft)", command)


def _nft_cuts_off(words: list[str]) -> bool:
    """`add rule inet filter input tcp dport 22 drop`, an input chain with `policy drop`."""
    if not {"drop", "reject"} & set(words) or "input" not in words:
        return False
    ssh = bool(_nft_ports(words) & {"22", "ssh"})
    policy = any(a == "policy" and b == "drop" for a, b in itertools.pairwise(words))
    return ssh or (policy and "hook" in words)


def _nft_file(argv: list[str]) -> str | None:
    return next((b for a, b in itertools.pairwise(argv) if a in ("-f", "--file")), None)


# nft matches that narrow a rule: addresses, ports, interfaces, connection state, marks.
_NFT_MATCHES = frozenset(
    split_words(
        "saddr daddr dport sport iif iifname oif oifname ct meta mark tcp udp icmp icmpv6 ip6 "
        "limit th l4proto"
    )
)


def _nft_accepts_all(words: list[str]) -> bool:
    """`add rule ip filter input accept`: nothing between the chain and the verdict."""
    if "accept" not in words or not {"input", "forward"} & set(words):
        return False
    chain = words.index("input") if "input" in words else words.index("forward")
    return not _NFT_MATCHES & set(words[chain + 1 : words.index("accept")])


def _nft_ports(words: list[str]) -> set[str]:
    """The ports after each `dport`: one (`dport 22`) or a set (`dport { 22, 80 }`)."""
    ports: set[str] = set()
    for index, word in enumerate(words[:-1]):
        if word != "dport":
            continue
        following = words[index + 1 :]
        listed = (
            following[: following.index("}") + 1]
            if following[0] == "{" and "}" in following
            else following[:1]
        )
        ports |= {p for w in listed for p in w.strip("{}").split(",") if p}
    return ports


def _nft_opens(words: list[str]) -> bool:
    """`add rule inet filter input tcp dport 6379 accept`: a database port for everyone."""
    return "input" in words and bool(_nft_ports(words) & set(OPEN_PORTS))


def firewall_cmd(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--panic-on" in argv:
        ctx.add(HIGH, "drops all network traffic (firewall-cmd --panic-on)", command)
        return
    wide = any(re.search(r"--add-port=(0|1)-65535", a) for a in argv) or any(
        a in ("--set-default-zone=trusted", "--add-source=0.0.0.0/0") for a in argv
    )
    trusted = "--zone=trusted" in argv or _after(argv, "--zone") == "trusted"
    wide = wide or (
        trusted and any(a.startswith(("--add-interface", "--change-interface")) for a in argv)
    )
    if wide:
        ctx.add(HIGH, "opens every port or trusts every address (firewall-cmd)", command)
        return
    if any(a.lower() in ("--set-target=accept", "--set-target=default=accept") for a in argv):
        ctx.add(HIGH, "makes a zone accept everything (firewall-cmd --set-target)", command)
        return
    zone = next(
        (a.split("=", 1)[1] for a in argv if a.startswith("--zone=")), _after(argv, "--zone")
    )
    if zone in ("drop", "block") and any(
        a.startswith(("--add-interface", "--change-interface", "--add-source=0.0.0.0/0"))
        for a in argv
    ):
        ctx.add(HIGH, f"puts an interface in the {zone} zone: its connections are cut", command)
        return
    if any(a in ("--remove-service=ssh", "--remove-port=22/tcp") for a in argv):
        ctx.add(HIGH, "closes SSH in the firewall: remote sessions are cut off", command)
        return
    rich = [a.split("=", 1)[1] for a in argv if a.startswith("--add-rich-rule=")]
    if any(_rich_accepts_all(rule) for rule in rich) or _direct_accepts_all(argv):
        ctx.add(HIGH, "accepts every packet from anywhere (firewall-cmd)", command)
        return
    if any(_rich_opens(rule) for rule in rich):
        port = next(
            p for rule in rich for p in re.findall(r"port=['\"]?(\d+)", rule) if p in OPEN_PORTS
        )
        ctx.add(HIGH, f"opens port {port} ({OPEN_PORTS[port]}) to every machine", command)
        return
    added = [a.split("=", 1)[1].split("/", 1)[0] for a in argv if a.startswith("--add-port=")]
    added += [
        SERVICE_PORTS.get(a.split("=", 1)[1], "") for a in argv if a.startswith("--add-service=")
    ]
    opened = sorted(set(added) & set(OPEN_PORTS))
    if opened and not any(a.startswith("--add-rich-rule") for a in argv):
        port = opened[0]
        ctx.add(HIGH, f"opens port {port} ({OPEN_PORTS[port]}) to every machine", command)
        return
    unusual = _unusual_port(added) if "--permanent" in argv else None
    if unusual is not None:
        ctx.add(HIGH, _unusual_reason(unusual), command)
        return
    if any(a.startswith("--remove") or a in ("--panic-off", "--reload") for a in argv) or not any(
        a.startswith(("--list", "--get", "--query", "--state")) for a in argv
    ):
        ctx.add(MODERATE, "changes the firewall rules (firewall-cmd)", command)


def _after(argv: list[str], option: str) -> str:
    return next((argv[i + 1] for i, a in enumerate(argv[:-1]) if a == option), "")


def iptables_restore(command: Command, ctx: Context) -> None:
    """`iptables-restore < FILE`: every rule replaced by FILE's; from nothing, none are left."""
    sources = [r.target.value for r in command.redirects if r.op == "<" and r.target is not None]
    if any(s == "/dev/null" for s in sources) or (
        command.stdin is not None
        and command.stdin.literal is not None
        and not "".join(w.value for w in command.stdin.literal).strip()
    ):
        ctx.add(HIGH, "replaces every firewall rule with none: the machine is unprotected", command)
    elif any(a in ("-t", "--test") for a in command.argv):
        return
    elif _filtered_copy(command):
        reason = "reloads the firewall with its blocking rules filtered out (save | grep | restore)"
        ctx.add(HIGH, reason, command)
    elif _untrusted_rules(command, sources):
        reason = (
            f"replaces every firewall rule with a file anyone could have written ({command.name})"
        )
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(
            MODERATE, f"replaces every firewall rule with those given ({command.name})", command
        )


def _filtered_copy(command: Command) -> bool:
    """`iptables-save | grep -v DROP | iptables-restore`: the rules, edited on the way back."""
    stdin = command.stdin
    if stdin is None or not stdin.producers[:1] or not stdin.producers[0].endswith("tables-save"):
        return False
    edited = set(stdin.producers[1:]) & {"grep", "sed", "awk", "egrep"}
    return bool(edited) and bool({"DROP", "REJECT", "ACCEPT"} & set(" ".join(stdin.reads).split()))


def _untrusted_rules(command: Command, files: list[str]) -> bool:
    """Rules from /tmp or /dev/shm, or downloaded: whoever wrote them decides what gets in."""
    files = files + [a for a in command.argv if not a.startswith("-")]
    downloaded = command.stdin is not None and "download" in command.stdin.kinds
    return downloaded or any(paths.is_world_writable(f) for f in files)


def _rich_opens(rule: str) -> bool:
    """`rule family=ipv4 [source address=0.0.0.0/0] port port=5432 protocol=tcp accept`."""
    source = re.search(r"source\s+address=['\"]?([^'\"\s]+)", rule)
    everyone = source is None or source.group(1) in _EVERYONE
    ports = set(re.findall(r"port=['\"]?(\d+)", rule))
    return "accept" in rule and everyone and bool(ports & set(OPEN_PORTS))


def _rich_accepts_all(rule: str) -> bool:
    """`rule family=ipv4 source address=0.0.0.0/0 accept`: no port, service or protocol."""
    source = re.search(r"source\s+address=['\"]?([^'\"\s]+)", rule)
    everyone = source is None or source.group(1) in _EVERYONE
    narrowed = re.search(r"\b(port|service|protocol|forward-port|icmp-type)\b", rule)
    return bool(re.search(r"\baccept\b", rule)) and everyone and narrowed is None


def _direct_accepts_all(argv: list[str]) -> bool:
    """`--direct --add-rule ipv4 filter INPUT 0 -j ACCEPT`: an iptables rule matching all."""
    if "--direct" not in argv or "--add-rule" not in argv or "ACCEPT" not in argv:
        return False
    narrowing = {"-p", "--dport", "-s", "--source", "-i", "-m", "--sport", "-d"}
    return not narrowing & set(argv)


def route(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    gateway = foreign_gateway(words) if any(w in _ROUTE_SETS for w in words) else None
    if any(w in ("del", "delete") for w in words) and DEFAULT_ROUTES & set(words):
        ctx.add(HIGH, "removes the default route: the machine goes offline", command)
    elif "flush" in words or "-f" in argv:  # BSD's `route flush`, Windows' `route -f`
        ctx.add(HIGH, "clears the routing table: the machine may go offline", command)
    elif gateway is not None:
        ctx.add(HIGH, GATEWAY_REASON.format(gateway), command)
    elif any(w in ("add", "del", "delete", "change") for w in words):
        ctx.add(MODERATE, "changes the routing table (route)", command)


_ROUTE_SETS = frozenset(split_words("add change replace"))


_PF_VALUES = frozenset("sFfDTtaAiKkx")


def pfctl(command: Command, ctx: Context) -> None:
    """BSD and macOS pf: `-d` disables it, `-F all` or `-F rules` flushes it; `-s` shows."""
    given: dict[str, str] = {}
    argv = command.argv
    for index, value in enumerate(argv):
        if not value.startswith("-"):
            continue
        for position, letter in enumerate(value[1:], start=1):
            if letter in _PF_VALUES:
                rest = value[position + 1 :]
                given[letter] = rest or (argv[index + 1] if index + 1 < len(argv) else "")
                break
            given[letter] = ""
    flushed = given.get("F", "x")[:1]
    if set(given) <= {"s", "n", "v", "g", "q", "f", "t", "T"} and (
        "n" in given or given.get("T") in ("show", "test")
    ):
        return  # `pfctl -nf FILE` only parses; `pfctl -t TABLE -T show` lists a table
    fed = command.stdin.literal if command.stdin is not None else None
    script = " ".join(w.value for w in fed or ())
    if (
        given.get("f") in ("-", "/dev/stdin")
        and re.search(r"\bpass\b(\s+(in|quick))*\s+all\b", script)
        and ("block" not in script)
    ):
        ctx.add(HIGH, "loads a rule set that lets everything through the packet filter", command)
    elif given.get("f") == "/dev/null":
        ctx.add(
            HIGH, "loads an empty rule set into the packet filter: nothing is filtered", command
        )
    elif "d" in given:
        ctx.add(HIGH, "turns off the packet filter (pfctl -d): the machine is unprotected", command)
    elif flushed in ("a", "r", "n"):
        ctx.add(HIGH, "flushes the packet filter rules (pfctl -F): nothing is filtered", command)
    elif set(given) - {"s", "n", "v", "g", "q"}:
        ctx.add(MODERATE, "changes the packet filter (pfctl)", command)


RULES: dict[str, Rule] = {
    "pfctl": pfctl,
    **dict.fromkeys(
        split_words("iptables ip6tables iptables-legacy iptables-nft ebtables arptables"), iptables
    ),
    "ufw": ufw,
    "nft": nft,
    "firewall-cmd": firewall_cmd,
    "route": route,
    **dict.fromkeys(split_words("iptables-restore ip6tables-restore"), iptables_restore),
}
