"""The system: processes, services, network links, power, cron, history."""

from __future__ import annotations

import posixpath
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.installed import every_installed
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import limits, package_safety
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, number, options
from tui.core.safety.rules.resolvers import GATEWAY_REASON, dns_settings, foreign_gateway
from tui.core.safety.words import split_words

SSH_UNITS = frozenset(split_words("ssh sshd openssh-server ssh.socket sshd.socket"))
NETWORK_UNITS = frozenset(
    split_words(
        "networkmanager network networking systemd-networkd systemd-resolved wpa_supplicant "
        "dhcpcd netplan iwd connman"
    )
)
FIREWALL_UNITS = frozenset(
    split_words(
        "ufw firewalld nftables iptables ip6tables netfilter-persistent pf ipfw ipfilter npf"
    )
)
# Services that confine programs, block intruders or scan for malware.
SECURITY_UNITS = frozenset(
    split_words(
        "apparmor selinux-autorelabel fail2ban clamav-daemon clamav-freshclam clamd crowdsec "
        "ossec wazuh-agent falcon-sensor osqueryd aide snort suricata sshguard"
    )
)
LOGGING_UNITS = frozenset(split_words("rsyslog syslog syslog-ng systemd-journald auditd journald"))
# Protections of the whole machine: mandatory access control, the audit trail, intrusion
# detection agents. Switched off, every program runs unconfined and unwatched.
MACHINE_GUARD_UNITS = frozenset(
    split_words("apparmor auditd falcon-sensor wazuh-agent ossec osqueryd sentinelone")
)
# Database servers: stopped, every application that uses them fails.
DATABASE_UNITS = frozenset(
    split_words(
        "postgresql postgres mysql mysqld mariadb mongod mongodb redis redis-server "
        "cassandra elasticsearch opensearch clickhouse-server couchdb influxdb neo4j"
    )
)
# Services distributions package and users enable every day: enabling one is routine.
PACKAGED_UNITS = frozenset(
    split_words(
        "nginx apache2 httpd caddy lighttpd haproxy traefik php-fpm cron crond cronie atd "
        "cups cups-browsed bluetooth avahi-daemon chronyd chrony ntp ntpd systemd-timesyncd "
        "fstrim fstrim.timer logrotate.timer man-db.timer pipewire pipewire-pulse wireplumber "
        "pulseaudio syncthing tailscaled zerotier-one libvirtd snapd flatpak tlp thermald "
        "power-profiles-daemon upower fwupd acpid irqbalance smartd smartmontools lvm2-monitor "
        "nfs-server rpcbind smbd nmbd winbind samba named bind9 unbound dnsmasq postfix dovecot "
        "exim4 sendmail vsftpd proftpd squid memcached rabbitmq-server zookeeper kafka "
        "grafana-server prometheus node_exporter jenkins gitlab-runner nvidia-persistenced "
        "ollama cockpit cockpit.socket webmin mosquitto home-assistant plexmediaserver jellyfin "
        "transmission-daemon qbittorrent-nox getty@tty1 serial-getty@ttyS0 systemd-resolved "
        "systemd-networkd gdm sddm lightdm display-manager podman.socket docker.socket"
    )
)
# Units and processes without which the machine, its log-ins or its containers stop working.
VITAL_UNITS = frozenset(
    split_words(
        "dbus dbus.socket dbus-broker systemd-logind systemd-udevd systemd-journald polkit "
        "getty@tty1 getty.target display-manager gdm sddm lightdm systemd-resolved"
    )
)
RUNTIME_UNITS = frozenset(split_words("docker containerd kubelet crio cri-o podman k3s"))
VITAL_PROCESSES = frozenset(
    split_words(
        "sshd systemd init dbus-daemon systemd-logind systemd-journald systemd-udevd Xorg gdm "
        "sddm NetworkManager dockerd containerd kubelet launchd loginwindow WindowServer csrss "
        "lsass wininit"
    )
)
# Package managers: stopped mid-install, they leave packages half unpacked and their records broken.
PACKAGE_PROCESSES = frozenset(
    split_words(
        "dpkg apt apt-get aptitude rpm dnf yum pacman zypper apk unattended-upgr "
        "unattended-upgrade unattended-upgrades packagekitd"
    )
)
STOPPING = frozenset(split_words("stop disable mask kill"))
# Targets that leave only a root console, or none: isolating one takes the machine down.
# The boot targets that bring the desktop up; any other default leaves the machine without it.
_USUAL_DEFAULTS = frozenset(("graphical", "graphical.target"))
_DOWN_TARGET = lazy_pattern(
    r"^(rescue|emergency|halt|poweroff|reboot|kexec|runlevel[016])(\.target)?$"
)
POWER_ACTIONS = frozenset(split_words("poweroff reboot halt kexec emergency rescue soft-reboot"))


# Forms of the security switches that only report the state (`csrutil status`).
SECURITY_REPORTS = {
    "csrutil": frozenset(split_words("status report")),
    "spctl": frozenset(split_words("--status -a --assess --list")),
    "auditctl": frozenset(split_words("-l -s")),
    "fdesetup": frozenset(split_words("status list isactive haspersonalrecoverykey help")),
    "getenforce": frozenset(),
    "pfctl": frozenset(split_words("-s -sr -sa -si -sn -ss")),
}


# Switches whose off position leaves every program on the machine unconfined or unchecked.
_MACHINE_SWITCHES = {
    "setenforce": "SELinux, which confines every program,",
    "csrutil": "System Integrity Protection",
    "spctl": "Gatekeeper, which checks every app before it runs,",
    "auditctl": "the audit trail",
}


def security_switch(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv and argv[0] in SECURITY_REPORTS.get(command.name, frozenset()):
        return
    off = {
        "setenforce": any(a in ("0", "Permissive", "permissive") for a in argv),
        "pfctl": "-d" in argv,
        "auditctl": "-D" in argv
        or ("-e" in argv and "0" in argv)
        or any(a.startswith("never,") for a in argv),
        "csrutil": "disable" in argv,
        "spctl": "--master-disable" in argv
        or "--global-disable" in argv
        or argv[:2] == ["kext-consent", "disable"],
        "fdesetup": "disable" in argv or "removerecovery" in argv,
    }.get(command.name, False)
    if off and command.name in _MACHINE_SWITCHES:
        what = _MACHINE_SWITCHES[command.name]
        ctx.add(CRITICAL, f"turns off {what} for the whole machine ({command.name})", command)
    elif off:
        ctx.add(HIGH, f"turns off a security protection ({command.name})", command)
    else:
        ctx.add(MODERATE, f"changes security settings ({command.name})", command)


def xattr(command: Command, ctx: Context) -> None:
    """macOS extended attributes: deleting `com.apple.quarantine` (or clearing all with -c)
    lets a downloaded app run without Gatekeeper's check; -l, -p and a bare list only read."""
    argv = command.argv
    flags = "".join(a[1:] for a in argv if a.startswith("-") and not a.startswith("--"))
    if "d" in flags or "c" in flags:
        if "c" in flags or "com.apple.quarantine" in argv:
            reason = "removes the quarantine mark: the app runs without Gatekeeper's check"
            ctx.add(HIGH, f"{reason} (xattr)", command)
        else:
            ctx.add(MODERATE, "removes extended attributes (xattr -d)", command)
    elif "w" in flags:
        ctx.add(MODERATE, "sets an extended attribute (xattr -w)", command)


def kill(command: Command, ctx: Context) -> None:
    args = command.argv
    if args[:1] in (["-0"], ["-s0"]) or args[:2] == ["-s", "0"]:
        return  # signal 0 only checks that the process exists
    targets: list[str] = []
    index = 0
    while index < len(args):
        value = args[index]
        if value == "--":
            targets.extend(args[index + 1 :])
            break
        if value in ("-s", "-n", "--signal"):
            index += 2
            continue
        if value.startswith("-") and index == 0 and index + 1 < len(args):
            index += 1  # the signal: -9, -KILL, -SIGTERM
            continue
        if value in ("-l", "-L", "--list"):
            return
        targets.append(value)
        index += 1
    named = _looked_up(command) & VITAL_PROCESSES  # `kill -9 $(pidof sshd)`
    if named and named <= _RELOADING and _signal(args) in _RELOAD_SIGNALS:
        ctx.add(MODERATE, f"asks {sorted(named)[0]} to reload its settings (HUP signal)", command)
        return
    if named:
        ctx.add(
            HIGH, f"kills {sorted(named)[0]}, which the machine or remote log-ins rely on", command
        )
        return
    if _looked_up(command) & PACKAGE_PROCESSES:
        _kills_installer(sorted(_looked_up(command) & PACKAGE_PROCESSES)[0], command, ctx)
        return
    databases = _looked_up(command) & DATABASE_UNITS  # `kill -9 $(pgrep mysqld)`
    if databases and _signal(args) not in _RELOAD_SIGNALS:
        _kills_database(sorted(databases)[0], command, ctx)
        return
    if "-1" in targets and _signal(args) in _HARMLESS_SIGNALS:
        ctx.add(
            MODERATE, "signals every process you may signal (a signal that stops none)", command
        )
    elif "-1" in targets and set(command.via) & {"sudo", "doas", "run0", "pkexec"}:
        ctx.add(CRITICAL, "kills every process on the machine, as root (kill -1)", command)
    elif "-1" in targets:
        reason = "kills every process you are allowed to signal (kill -1): your session ends"
        ctx.add(CRITICAL, reason, command)
    elif _every_listed(command):
        reason = "kills every process ps lists: everything running on the machine stops"
        ctx.add(CRITICAL, reason, command)
    elif "1" in targets:
        ctx.add(CRITICAL, "kills process 1 (init): the system goes down at once", command)
    else:
        ctx.add(MODERATE, f"stops processes {' '.join(targets)}".rstrip(), command)


# Signals that end or freeze no program: resume, window size, child status, urgent data.
_HARMLESS_SIGNALS = frozenset(split_words("CONT WINCH CHLD URG 18 28 17 23"))


def _signal(args: list[str]) -> str:
    """`-9`, `-SIGKILL`, `-s KILL`, `-n 9`, `--signal=HUP` -> `9`, `KILL`, `KILL`, `9`, `HUP`."""
    for option, value in zip(args, [*args[1:], ""], strict=True):
        if option in ("-s", "-n", "--signal"):
            return value.upper().removeprefix("SIG")
        if option.startswith("--signal="):
            return option.split("=", 1)[1].upper().removeprefix("SIG")
    first = args[0] if args else ""
    if first.startswith("-") and first not in ("-1", "--"):
        return first[1:].upper().removeprefix("SIG")
    return "TERM"


# `ps` arguments that list every process with its number and nothing else.
_ALL_PIDS = frozenset(split_words("-e -A ax aux -ax -aux -o -eo pid pid= --no-headers -h"))
_PS_ALL = lazy_pattern(r"^\$\(\s*ps((?:\s+\S+)*)\s*\)$")


def _every_listed(command: Command) -> bool:
    """`kill -9 $(ps -e -o pid=)`, `ps -eo pid= | xargs kill`: no filter between ps and kill."""
    for word in command.args:
        match = _PS_ALL.match(word.raw) if word.substitutions else None
        if match is not None and set(match.group(1).split()) <= _ALL_PIDS:
            return True
    stdin = command.stdin
    return (
        stdin is not None
        and stdin.producers[:1] == ("ps",)
        and all(p in ("ps", "tail") for p in stdin.producers)
        and set(stdin.reads) <= _ALL_PIDS
    )


_LOOKUP = lazy_pattern(
    r"\b(?:pidof|pgrep)\s+(?:-\S+\s+)*([\w.-]+)|\bcat\s+/(?:var/)?run/(?:[\w.-]+/)?([\w-]+)\.pid\b"
)


def _looked_up(command: Command) -> set[str]:
    """The process names a `$(pidof NAME)` or `$(pgrep NAME)` operand looks up."""
    return {
        match.group(1) or match.group(2)
        for word in command.args
        if word.substitutions
        for match in _LOOKUP.finditer(word.raw)
    }


def kill_by_name(command: Command, ctx: Context) -> None:
    # `-HUP`, `-9`, `-SIGKILL` name a signal, not a cluster of options
    words = tuple(w for w in command.args if not _SIGNAL.match(w.value))
    opts = options(command.wrapped((command.words[0], *words), command.name), _KILL_VALUES)
    names = {o.value for o in opts.operands}
    if command.name == "killall5":
        ctx.add(CRITICAL, "kills every process on the machine (killall5)", command)
    elif opts.value("-u", "-U", "--user") and not names - _EVERYTHING:
        user = opts.value("-u", "-U", "--user")
        level = CRITICAL if user in ("root", "0") else HIGH
        ctx.add(level, f"kills every process of user {user}", command)
    elif (
        names & VITAL_PROCESSES
        and names & VITAL_PROCESSES <= _RELOADING
        and not names & PACKAGE_PROCESSES
        and _signal(command.argv) in _RELOAD_SIGNALS
    ):
        shown = " ".join(sorted(names & VITAL_PROCESSES))
        reason = f"asks {shown} to reload its settings (HUP signal)"
        ctx.add(MODERATE, reason, command)
    elif command.name == "pkill" and not opts.has("-x", "--exact") and names & _INIT_NAMES:
        reason = "kills init and every daemon whose name contains it (pkill matches a pattern)"
        ctx.add(CRITICAL, f"{reason}: the machine stops working", command)
    elif names & VITAL_PROCESSES:
        vital = sorted(names & VITAL_PROCESSES)[0]
        ctx.add(HIGH, f"kills {vital}, which the machine or remote log-ins rely on", command)
    elif names & PACKAGE_PROCESSES:
        _kills_installer(sorted(names & PACKAGE_PROCESSES)[0], command, ctx)
    elif command.name == "pkill" and names & _EVERYTHING:
        ctx.add(HIGH, "kills every process (pattern matches everything)", command)
    elif names & DATABASE_UNITS and _signal(command.argv) not in _RELOAD_SIGNALS:
        _kills_database(sorted(names & DATABASE_UNITS)[0], command, ctx)
    elif opts.value("-u", "-U", "--user"):
        user = opts.value("-u", "-U", "--user")
        ctx.add(MODERATE, f"stops the named processes of user {user} ({command.name})", command)
    else:
        ctx.add(MODERATE, f"stops processes by name ({command.name})", command)


def _kills_database(name: str, command: Command, ctx: Context) -> None:
    """`pkill -9 postgres`: every process of the database server, its clients' work with them;
    killed outright (KILL) it cannot write its buffers out and must recover from a crash."""
    outright = _signal(command.argv) in ("9", "KILL", "SIGKILL")
    how = ": it must recover as from a crash" if outright else ""
    ctx.add(HIGH, f"kills every {name} database server process{how} ({command.name})", command)


# The signal daemons take as "reload your settings", not as "end", and the vital daemons that
# do reload on it (Xorg, for one, restarts and ends every session).
_RELOAD_SIGNALS = frozenset(split_words("HUP 1"))
_RELOADING = frozenset(split_words("sshd systemd init NetworkManager dockerd"))
# The names PID 1 goes by, as pkill patterns: `systemd` also matches systemd-journald, -logind…
_INIT_NAMES = frozenset(("systemd", "init"))
_EVERYTHING = frozenset((".", ".*", ""))  # patterns every process name matches


def _kills_installer(name: str, command: Command, ctx: Context) -> None:
    ctx.add(HIGH, f"kills {name} mid-install: the package records may be left broken", command)


_SIGNAL = lazy_pattern(r"^-(SIG)?[A-Z]{2,}[0-9]*$|^-[0-9]+$")  # not `-U`: an option
_KILL_VALUES = "-u -U --user -s --signal -g -G -P -t -n"


def systemctl(command: Command, ctx: Context) -> None:
    argv = [a for a in command.argv if not a.startswith("-")]
    action = argv[0] if argv else ""
    units = [unit_name(u) for u in argv[1:]]
    if action == "set-default" and any(u.startswith(("rescue", "emergency")) for u in units):
        ctx.add(HIGH, "boots into rescue mode from now on (set-default)", command)
    elif action == "set-default" and not set(units) <= _USUAL_DEFAULTS:
        target = units[0] if units else "another target"
        reason = f"boots into {target} from now on: the desktop no longer starts (set-default)"
        ctx.add(HIGH, reason, command)
    elif action in POWER_ACTIONS or (
        action in ("isolate", "start", "restart") and any(_DOWN_TARGET.match(u) for u in units)
    ):
        if action in ("poweroff", "reboot", "halt", "kexec") and _forced_twice(command.argv):
            reason = f"stops the machine at once, without a clean shutdown (systemctl {action} -ff)"
            ctx.add(CRITICAL, reason, command)
        else:
            ctx.add(HIGH, f"takes the machine down ({action})", command)
    elif action == "preset-all":
        reason = "resets which services start at boot, for every unit at once (preset-all)"
        ctx.add(HIGH, reason, command)
    elif action in STOPPING and ("*" in units or every_installed(command, ctx)):
        level = CRITICAL if action in ("mask", "disable") else HIGH
        reason = f"{action}s every service: the machine stops working (systemctl {action})"
        ctx.add(level, reason, command)
    elif action in STOPPING:
        stopping(command, ctx, action, units)
    elif action == "set-property":
        limits.set_property(command, ctx, [u for u in argv[1:] if "=" not in u])
    elif action in ("start", "enable", "restart") and "debug-shell" in units:
        reason = f"opens a root shell on tty9 with no password (debug-shell, systemctl {action})"
        ctx.add(HIGH, reason, command)
    elif action == "set-environment" and _loader_settings(command.argv):
        name = _loader_settings(command.argv)[0]
        reason = f"makes every service started from now run with {name} set: code of its choosing"
        ctx.add(HIGH, f"{reason} (systemctl set-environment)", command)
    elif not action or action in _SYSTEMCTL_READS or action.startswith(_SYSTEMCTL_READ_PREFIXES):
        return
    elif action in ("enable", "link", "reenable") and any(
        paths.is_world_writable(u) or ("/" in u and not u.startswith("/etc/")) for u in argv[1:]
    ):
        ctx.add(HIGH, f"{action}s a service from a file outside the system's units", command)
    elif action in ("enable", "reenable") and unfamiliar_units(units):
        unit = unfamiliar_units(units)[0]
        reason = f"starts {unit} at every boot, a service caro does not recognise (persistence)"
        ctx.add(HIGH, f"{reason} (systemctl {action})", command)
    else:
        ctx.add(MODERATE, f"{action}s services {' '.join(units)}".rstrip(), command)


# Variables that make a program load or run other code on start.
_CODE_VARIABLES = frozenset(
    split_words(
        "LD_PRELOAD LD_LIBRARY_PATH LD_AUDIT BASH_ENV ENV PERL5OPT PERL5LIB PYTHONSTARTUP "
        "PYTHONPATH NODE_OPTIONS RUBYOPT"
    )
)


def _loader_settings(argv: list[str]) -> list[str]:
    return [a.split("=", 1)[0] for a in argv if a.split("=", 1)[0] in _CODE_VARIABLES and "=" in a]


def _forced_twice(argv: list[str]) -> bool:
    """`systemctl reboot -ff`, `--force --force`: no service is stopped, no disk unmounted."""
    forces = [len(a) - 1 if re.fullmatch(r"-f+", a) else a == "--force" for a in argv]
    return sum(forces) >= 2


def unfamiliar_units(units: list[str]) -> list[str]:
    """The units among `units` that no distribution package is known to ship."""
    return [u for u in units if u and not _familiar(u)]


def _familiar(unit: str) -> bool:
    name = unit.removesuffix(".timer").removesuffix(".target").removesuffix(".path")
    base = name.split("@", 1)[0]  # `syncthing@alice`, `postgresql@14-main`
    return bool({unit, name, base} & _KNOWN_UNITS)


_SYSTEMCTL_READS = frozenset(split_words("status show cat help"))
_KNOWN_UNITS = (
    PACKAGED_UNITS
    | SSH_UNITS
    | NETWORK_UNITS
    | FIREWALL_UNITS
    | SECURITY_UNITS
    | LOGGING_UNITS
    | MACHINE_GUARD_UNITS
    | DATABASE_UNITS
    | VITAL_UNITS
    | RUNTIME_UNITS
    | package_safety.UPDATER_UNITS
)
_SYSTEMCTL_READ_PREFIXES = ("list-", "is-", "get-", "show-")


def unit_name(unit: str) -> str:
    """`SSH.service`, `systemd-journald.socket` -> `ssh`, `systemd-journald`."""
    name = unit.lower()
    for suffix in (".service", ".socket"):
        name = name.removesuffix(suffix)
    return name


# Units that keep copies or keep the disk from filling: stopped, nothing warns until it is late.
_SAFEGUARD = lazy_pattern(r"backup|snapshot|logrotate|restic|borg|timeshift|snapper|zfs-auto-snap")


# The daemons that run crontabs.
_CRON_UNITS = frozenset(split_words("cron crond cronie cron.service crond.service cronie.service"))


def stopping(command: Command, ctx: Context, action: str, units: list[str]) -> None:
    unit_set = set(units) | {u.split("@", 1)[0] for u in units}
    guards = sorted(unit_set & MACHINE_GUARD_UNITS)
    if guards:
        reason = f"{action}s {guards[0]}, which guards the whole machine: its protection is off"
        ctx.add(CRITICAL, reason, command)
    elif action == "mask" and unit_set & VITAL_UNITS:
        ctx.add(
            CRITICAL,
            f"masks {sorted(unit_set & VITAL_UNITS)[0]}: the system cannot start it",
            command,
        )
    elif unit_set & VITAL_UNITS:
        ctx.add(
            HIGH, f"{action}s {sorted(unit_set & VITAL_UNITS)[0]}, which the system needs", command
        )
    elif unit_set & RUNTIME_UNITS:
        ctx.add(HIGH, f"{action}s the container runtime: every container stops", command)
    elif unit_set & SSH_UNITS:
        ctx.add(HIGH, f"{action}s SSH: remote sessions can no longer log in", command)
    elif unit_set & NETWORK_UNITS:
        ctx.add(HIGH, f"{action}s networking: the machine goes offline", command)
    elif unit_set & FIREWALL_UNITS:
        ctx.add(HIGH, f"{action}s the firewall: the machine is left unprotected", command)
    elif unit_set & LOGGING_UNITS:
        ctx.add(HIGH, f"{action}s system logging: later actions leave no trace", command)
    elif unit_set & package_safety.UPDATER_UNITS and action in ("stop", "disable", "mask"):
        unit = sorted(unit_set & package_safety.UPDATER_UNITS)[0]
        ctx.add(HIGH, f"{action}s {unit}: security updates stop installing themselves", command)
    elif unit_set & _CRON_UNITS and action in ("stop", "disable", "mask"):
        unit = sorted(unit_set & _CRON_UNITS)[0]
        reason = f"{action}s {unit}: every scheduled job stops (backups, renewals, clean-ups)"
        ctx.add(HIGH, reason, command)
    elif any(_SAFEGUARD.search(unit) for unit in units) and action in ("stop", "disable", "mask"):
        unit = next(u for u in units if _SAFEGUARD.search(u))
        ctx.add(HIGH, f"{action}s {unit}: backups, snapshots or log rotation stop", command)
    elif unit_set & SECURITY_UNITS:
        unit = sorted(unit_set & SECURITY_UNITS)[0]
        ctx.add(HIGH, f"{action}s {unit}, a security protection of the machine", command)
    elif unit_set & DATABASE_UNITS and action in STOPPING:
        unit = sorted(unit_set & DATABASE_UNITS)[0]
        ctx.add(
            HIGH, f"{action}s the {unit} database server: every application using it fails", command
        )
    elif action in STOPPING and any(_UNIT_GLOB.match(unit) for unit in units):
        pattern = next(u for u in units if _UNIT_GLOB.match(u))
        ctx.add(HIGH, f"{action}s every unit that matches {pattern}, not one program's", command)
    else:
        ctx.add(MODERATE, f"{action}s services {' '.join(units)}".rstrip(), command)


# A pattern that names no program (`*.timer`, `*`, `?*.service`): every unit of a kind. One
# program's units (`docker*`) stay with the rules for that program.
_UNIT_GLOB = lazy_pattern(r"^[*?\[]")


# How upstart (initctl) and runit (sv) say "stop": `sv down`, `sv force-stop`, `sv exit`...
_STOP_VERBS = frozenset(split_words("stop down force-stop force-shutdown kill exit shutdown"))
# FreeBSD's rc verbs that stop a service whatever rc.conf says: `service sshd onestop`.
_BSD_STOPS = frozenset(split_words("onestop forcestop faststop quietstop onedisable disable"))
_LIST_VERBS = frozenset(split_words("status list show-config version check"))


def service(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "rc-service":  # OpenRC: `rc-service [-i] sshd stop`
        argv = [a for a in argv if not a.startswith("-")]
    elif command.name in ("initctl", "sv"):  # upstart, runit: `initctl stop ssh`, `sv down sshd`
        verbs = [a for a in argv if not a.startswith("-")]
        verb = verbs[0] if verbs else "status"
        verb = "stop" if verb in _STOP_VERBS else "status" if verb in _LIST_VERBS else verb
        # `sv stop /var/service/sshd`: the service's folder names it
        argv = [posixpath.basename(verbs[1].rstrip("/")) if len(verbs) > 1 else "", verb]
    elif command.name != "service":  # `/etc/init.d/ssh stop` is `service ssh stop`
        argv = [posixpath.basename(command.words[0].value), *argv]
    if command.name == "service" and argv[:1] in (["-e"], ["-l"], ["-r"]):
        return  # FreeBSD: lists the enabled services, all of them, or their boot order
    if command.name == "service" and argv[:1] == ["-R"]:
        ctx.add(HIGH, "restarts every locally installed service at once (service -R)", command)
        return
    if len(argv) >= 2 and argv[1] in _BSD_STOPS:
        argv = [argv[0], "stop"]
    if len(argv) >= 2 and argv[1] in ("stop", "teardown"):  # `apparmor teardown`: all unloaded
        stopping(command, ctx, "stop", [argv[0].lower()])
    elif argv[:1] == ["--status-all"] or (len(argv) >= 2 and argv[1] == "status"):
        return
    else:
        ctx.add(MODERATE, "changes a service", command)


def network_link(command: Command, ctx: Context) -> None:
    argv = command.argv
    name = command.name
    if name == "ip":
        _ip(command, ctx, argv)
    elif name == "ifconfig":
        if "down" in argv:
            ctx.add(HIGH, "takes a network interface down", command)
        elif len(argv) > 1:
            ctx.add(MODERATE, "changes a network interface", command)
    elif name in ("ifdown", "ifup"):
        level = HIGH if name == "ifdown" else MODERATE
        ctx.add(level, f"{'takes down' if name == 'ifdown' else 'brings up'} an interface", command)
    elif name == "nmcli":
        _nmcli(command, ctx, argv)
    elif name == "rfkill" and "block" in argv:
        ctx.add(HIGH, "turns off wireless radios (rfkill)", command)


def _ip(command: Command, ctx: Context, argv: list[str]) -> None:
    words = [a for a in argv if not a.startswith("-")]
    if ("link" in words or "l" in words[:1]) and "down" in words:
        ctx.add(HIGH, "takes a network interface down: connections over it drop", command)
    elif "flush" in words and (
        words[:1] in (["neigh"], ["neighbor"], ["neighbour"], ["n"]) or "cache" in words
    ):
        ctx.add(MODERATE, "clears a cache of neighbours or routes (ip): it fills again", command)
    elif "flush" in words or ("del" in words and "default" in words):
        ctx.add(HIGH, "removes network addresses or routes: the machine may go offline", command)
    elif (
        words[:1] in (["addr"], ["address"], ["a"])
        and {"del", "delete"} & set(words)
        and ("lo" not in words)
    ):
        ctx.add(HIGH, "removes an interface's address: connections over it drop", command)
    elif any(w in ("add", "change", "replace") for w in words) and foreign_gateway(words):
        ctx.add(HIGH, GATEWAY_REASON.format(foreign_gateway(words)), command)
    elif any(w in ("delete", "del", "add", "set", "change", "replace") for w in words):
        ctx.add(MODERATE, "changes the network configuration (ip)", command)


def _nmcli(command: Command, ctx: Context, argv: list[str]) -> None:
    verbs = {_NMCLI_VERBS.get(a, a) for a in argv if not a.startswith("-")}
    if ("networking" in argv and "off" in argv) or ("radio" in argv and "off" in argv):
        ctx.add(HIGH, "turns networking off (nmcli)", command)
    elif verbs & {"down", "disconnect", "delete"}:
        ctx.add(HIGH, "disconnects a network connection (nmcli)", command)
    elif verbs & {"modify", "add"} and _nmcli_settings(argv).get("ipv4.method") == "disabled":
        reason = "removes the connection's IPv4 address (ipv4.method disabled): it goes offline"
        ctx.add(HIGH, f"{reason} (nmcli)", command)
    elif verbs & {"modify", "add"} and dns_settings(_nmcli_settings(argv), command, ctx):
        return
    elif verbs & {"up", "connect", "modify", "add"}:
        ctx.add(MODERATE, "changes network connections (nmcli)", command)


# nmcli takes any unambiguous prefix of its verbs: `nmcli con mod`, `nmcli c m`.
_NMCLI_VERBS = {
    **dict.fromkeys(split_words("m mo mod modi modif"), "modify"),
    **dict.fromkeys(split_words("de del dele delet"), "delete"),
    **dict.fromkeys(split_words("dis disc disco discon disconn"), "disconnect"),
}


def _nmcli_settings(argv: list[str]) -> dict[str, str]:
    """`ipv4.dns 203.0.113.53 +ipv4.dns 1.1.1.1`: each setting named with a dot, and its value."""
    return {a: argv[i + 1] for i, a in enumerate(argv[:-1]) if "." in a and not a.startswith("-")}


def power(command: Command, ctx: Context) -> None:
    argv = command.argv
    if command.name == "shutdown" and any(a in ("-c", "/a", "/A") for a in argv):
        ctx.add(MODERATE, "cancels a scheduled shutdown", command)
        return
    if command.name == "shutdown" and argv and all(a.startswith("/") for a in argv):
        _windows_shutdown([a.lower() for a in argv], command, ctx)  # cmd's `shutdown /r /t 0`
        return
    if command.name == "shutdown" and "-k" in argv:
        ctx.add(MODERATE, "only warns logged-in users of a shutdown (shutdown -k)", command)
        return
    if command.name in ("init", "telinit") and not any(
        a in ("0", "6", "1", "s", "S") for a in argv
    ):
        ctx.add(MODERATE, "changes the run level", command)
        return
    if any(a in ("-f", "--force", "-ff", "-n", "--no-sync") for a in argv):
        reason = f"stops the machine at once, without a clean shutdown ({command.name} -f)"
        ctx.add(CRITICAL, reason, command)
        return
    ctx.add(HIGH, f"shuts down or restarts the machine ({command.name})", command)


def _windows_shutdown(flags: list[str], command: Command, ctx: Context) -> None:
    if set(flags) & {"/s", "/r", "/p", "/g", "/sg"}:
        ctx.add(HIGH, "shuts down or restarts the machine (shutdown)", command)
    elif set(flags) & {"/h", "/l"}:
        what = "hibernates the machine" if "/h" in flags else "signs you out of Windows"
        ctx.add(MODERATE, f"{what} (shutdown)", command)


def crontab(command: Command, ctx: Context) -> None:
    opts = options(command, "-u")
    if opts.has("-r"):
        ctx.add(HIGH, "deletes your whole crontab (crontab -r)", command)
    elif opts.has("-l"):
        return
    else:
        ctx.add(MODERATE, "changes scheduled jobs (crontab)", command)


def history(command: Command, ctx: Context) -> None:
    opts = options(command, "-d")
    if opts.has("-c"):
        ctx.add(CRITICAL, "erases the shell history (history -c)", command)
    elif opts.has("-d", "-w", "-r", "-a", "-n", "-s"):
        ctx.add(MODERATE, "changes the shell history", command)


def journalctl(command: Command, ctx: Context) -> None:
    vacuum = [a for a in command.argv if a.startswith("--vacuum")]
    if vacuum and all(_keeps_enough(a) for a in vacuum):
        ctx.add(MODERATE, "trims old system journal logs (journalctl --vacuum)", command)
    elif vacuum:
        reason = "deletes nearly all system journal logs (journalctl --vacuum): the record is gone"
        ctx.add(HIGH, reason, command)
    elif any(a in ("--rotate", "--flush") for a in command.argv):
        ctx.add(MODERATE, "rotates the system journal", command)


# systemd's time spans: `30s`, `5min`, `12h`, `2d`, `2weeks`, `1month`, `1y` (`M` is a month).
_SPANS = {1: "s sec second seconds", 60: "m min minute minutes", 3600: "h hr hour hours"}
_SPANS |= {86400: "d day days", 604800: "w week weeks", 2592000: "month months"}
_SPANS |= {31536000: "y year years"}
_TIME_UNITS = {unit: seconds for seconds, units in _SPANS.items() for unit in units.split()}
_TIME_UNITS[""] = 1
_SIZE_UNITS = {"": 1, "k": 2**10, "m": 2**20, "g": 2**30, "t": 2**40}


def _keeps_enough(option: str) -> bool:
    """`--vacuum-time=2weeks`, `--vacuum-size=500M`: routine trimming that keeps a day or
    100 MB of logs; `--vacuum-time=1s`, `--vacuum-size=1K`, `--vacuum-files=1` keep nothing."""
    name, _, value = option.partition("=")
    match = re.fullmatch(r"(\d+)\s*([a-zA-Z]*)", value.strip())
    if match is None:
        return False
    count, unit = number(match.group(1)), match.group(2).lower()
    if name == "--vacuum-time":
        seconds = _TIME_UNITS["month"] if match.group(2) == "M" else _TIME_UNITS.get(unit, 0)
        return count * seconds >= _TIME_UNITS["d"]
    if name == "--vacuum-size":
        return count * _SIZE_UNITS.get(unit.removesuffix("b").removesuffix("i"), 0) >= 100 * 2**20
    return name == "--vacuum-files" and count >= 2


def dmesg(command: Command, ctx: Context) -> None:
    """`dmesg -C`, `dmesg --read-clear`: the kernel's messages are gone, not only shown."""
    argv = command.argv
    clears = any(a in ("--clear", "--read-clear") for a in argv) or any(
        re.fullmatch(r"-[a-zA-Z]*[cC][a-zA-Z]*", a) for a in argv
    )
    if clears:
        ctx.add(HIGH, "erases the kernel's message log (dmesg --clear)", command)


def set_builtin(command: Command, ctx: Context) -> None:
    argv = command.argv
    if "--" in argv:  # `set -- a b c` sets "$@"
        ctx.variables["@"] = " ".join(argv[argv.index("--") + 1 :])
        for index, value in enumerate(argv[argv.index("--") + 1 :][:9], start=1):
            ctx.variables[str(index)] = value  # `set -- 'rm -rf ~'; eval "$1"`
    if "+o" in argv and "history" in argv:
        ctx.add(HIGH, "turns off the shell history (set +o history)", command)


RULES: dict[str, Rule] = {
    "set": set_builtin,
    **dict.fromkeys(
        split_words("setenforce pfctl auditctl csrutil spctl fdesetup"), security_switch
    ),
    "kill": kill,
    "xattr": xattr,
    **dict.fromkeys(split_words("pkill killall killall5 skill slay"), kill_by_name),
    "systemctl": systemctl,
    **dict.fromkeys(("service", "rc-service", "initctl", "sv"), service),
    **dict.fromkeys(split_words("ip ifconfig ifdown ifup nmcli rfkill"), network_link),
    **dict.fromkeys(split_words("shutdown reboot halt poweroff init telinit"), power),
    "crontab": crontab,
    "history": history,
    "journalctl": journalctl,
    "dmesg": dmesg,
}
