"""The running machine: kernel settings and modules, swap, and the clock."""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, number
from tui.core.safety.words import split_words

# Settings that switch off a protection of the kernel against attacks.
_PROTECTIONS = lazy_pattern(
    r"^(kernel\.(randomize_va_space|yama\.ptrace_scope|kptr_restrict|dmesg_restrict|"
    r"unprivileged_bpf_disabled|perf_event_paranoid|sysrq|modules_disabled)|"
    r"fs\.protected_\w+|fs\.suid_dumpable|net\.ipv4\.conf\.\w+\.rp_filter|"
    r"net\.ipv4\.tcp_syncookies|net\.ipv[46]\.conf\.[\w-]+\.accept_(redirects|source_route))"
    r"\s*=\s*(?P<value>\S+)$"
)
_OPENING = {"kernel.sysrq": "1", "fs.suid_dumpable": "1", "kernel.perf_event_paranoid": "-1"}


def _untrusted_kernel(argv: list[str], command: Command, ctx: Context) -> None:
    """`kexec -l /tmp/vmlinuz`: the next kernel comes from a folder anyone can write, or from
    the downloads; whoever put it there controls the whole machine once it runs."""
    files = [a.partition("=")[2] or a for a in argv if not a.startswith("-") or "=" in a]
    for value in files:
        where = paths.normalise(value)
        if paths.is_world_writable(where) or "/Downloads/" in f"{where}/":
            reason = f"loads a kernel to run from {value}: unchecked code with full control"
            ctx.add(CRITICAL, f"{reason} (kexec)", command)
            return


def kernel_setting(command: Command, ctx: Context) -> None:
    argv = command.argv
    name = command.name
    if name == "kexec":
        _untrusted_kernel(argv, command, ctx)
    if name == "kexec" and any(a in ("-e", "--exec", "-f", "--force") for a in argv):
        ctx.add(HIGH, "switches to another kernel at once, without a shutdown (kexec)", command)
        return
    if name == "sysctl" and not any(
        a in ("-w", "-p", "--write", "--load", "--system") or "=" in a for a in argv
    ):
        return  # `sysctl name` and `sysctl -a` only read
    if name == "modprobe" and any(a in ("-n", "--dry-run", "-c", "--showconfig") for a in argv):
        return
    loaded = _loaded_file(argv) if name == "sysctl" else None
    if loaded is not None and paths.is_world_writable(loaded):
        reason = f"loads kernel settings from {loaded}, in a folder anyone can write"
        ctx.add(HIGH, reason, command)
        return
    if name == "sysctl":
        found = kernel_verdict("\n".join(argv))
        if found is not None:
            ctx.add(found[0], found[1], command)
            return
    removes = any(a == "--remove" or re.fullmatch(r"-[a-zA-Z]*r[a-zA-Z]*", a) for a in argv)
    if name == "rmmod" or (name == "modprobe" and removes):
        modules = [a for a in argv if not a.startswith("-")]
        forced = any(a in ("-f", "--force") or re.fullmatch(r"-[a-z]*f[a-z]*", a) for a in argv)
        if modules and not forced and all(m.replace("-", "_") in _PERIPHERALS for m in modules):
            reason = f"unloads a driver for a peripheral (beeper, bluetooth, webcam) ({name})"
            ctx.add(MODERATE, reason, command)
            return
        reason = f"unloads a kernel driver: what it runs stops working ({name})"
        ctx.add(HIGH, reason, command)
        return
    if name == "modprobe" and any(a.startswith(_FORCES) for a in argv):
        reason = "loads a module built for another kernel, past the version check (modprobe)"
        ctx.add(HIGH, f"{reason}: it can crash the machine", command)
        return
    if name == "insmod" or (name == "modprobe" and any(a.endswith(".ko") for a in argv)):
        doubtful = next(
            (
                a
                for a in argv
                if a.endswith((".ko", ".ko.xz", ".ko.zst"))
                and (paths.is_world_writable(a) or _hidden_or_downloaded(a))
            ),
            None,
        )
        if doubtful is not None:
            reason = f"loads a kernel module from {doubtful}: a folder anyone could have filled"
            ctx.add(CRITICAL, reason, command)
            return
        ctx.add(HIGH, f"loads code into the kernel from a file ({name})", command)
        return
    ctx.add(MODERATE, f"changes kernel settings or modules ({name})", command)


_FORCES = ("--force", "-f", "--force-vermagic", "--force-modversion")
# Drivers for a device the machine runs fine without, loaded again by `modprobe NAME`: the PC
# speaker, bluetooth adapters, webcams, joysticks.
_PERIPHERALS = frozenset(
    split_words("pcspkr snd_pcsp btusb btintel btrtl btbcm bluetooth uvcvideo joydev")
)
# Settings whose value, below a floor, leaves programs unable to start or open files.
_FLOORS = {
    "kernel.pid_max": (1024, "leaves too few process numbers: new programs cannot start"),
    "kernel.threads-max": (1024, "leaves too few threads: new programs cannot start"),
    "fs.file-max": (8192, "leaves too few open files: programs fail one after another"),
    "fs.nr_open": (1024, "leaves too few open files per program: they fail"),
}
# Settings that, switched on, crash the machine or lock it until the next boot.
_SWITCHES = {
    "vm.panic_on_oom": "crashes the whole machine when memory runs out, instead of one program",
    "kernel.modules_disabled": "forbids loading any driver until the next boot",
}
# BSD settings whose low value lifts the kernel's lock on itself or switches the firewall off.
_BSD_GUARDS = {
    "kern.securelevel": (("-1", "0"), "lowers the kernel's security level: its locks are lifted"),
    "net.inet.ip.fw.enable": (("0",), "switches the ipfw firewall off"),
    "net.inet6.ip6.fw.enable": (("0",), "switches the ipfw firewall off for IPv6"),
}
_SETTING = lazy_pattern(
    r"^[^\S\n]*(?P<key>[\w.-]+(?:/[\w.-]+)*)[^\S\n]*=[^\S\n]*(?P<value>-?\w+)[^\S\n]*$", re.M
)


def kernel_verdict(text: str) -> tuple[RiskLevel, str] | None:
    """(level, reason) when `key=value` lines (sysctl's arguments or a sysctl.conf) switch a
    kernel protection off or leave the machine unable to run programs, else None."""
    piped = _CORE_PIPE.search(text)
    if piped is not None:  # `kernel.core_pattern=|/tmp/.c %p`: run as root at each crash
        found = crash_handler(piped.group("program"))
        if found is not None:
            return found
    settings = {m.group("key").replace("/", "."): m.group("value") for m in _SETTING.finditer(text)}
    ratio = settings.get("vm.overcommit_ratio", "")
    if settings.get("vm.overcommit_memory") == "2" and ratio.isdigit() and number(ratio) < 20:
        reason = f"lets programs take only {ratio}% of the memory: most fail to start"
        return HIGH, f"{reason} (vm.overcommit_memory=2, vm.overcommit_ratio={ratio})"
    if ratio.isdigit() and number(ratio) < 10:
        reason = f"leaves programs {ratio}% of the memory once overcommit is strict: most fail"
        return HIGH, f"{reason} (vm.overcommit_ratio={ratio})"
    if _CRASH_HANDLER.search(text):
        return HIGH, "runs a program as root whenever any program crashes (kernel.core_pattern)"
    for match in _SETTING.finditer(text):
        key, value = match.group("key").replace("/", "."), match.group("value")
        shown = f"{key}={value}"[:60]
        protection = _PROTECTIONS.match(f"{key}={value}")
        if protection and _weakens(key, value):
            return HIGH, f"turns off a kernel protection ({shown})"
        floor = _FLOORS.get(key)
        if floor is not None and value.isdigit() and number(value) < floor[0]:
            return HIGH, f"{floor[1]} ({shown})"
        if key in _SWITCHES and value not in ("0", ""):
            return HIGH, f"{_SWITCHES[key]} ({shown})"
        if key == "vm.min_free_kbytes" and value.isdigit() and number(value) >= 16 * 2**20:
            return HIGH, f"keeps most memory out of reach: programs run out ({shown})"
        if key in _BSD_GUARDS and value in _BSD_GUARDS[key][0]:
            return HIGH, f"{_BSD_GUARDS[key][1]} ({shown})"
        if key == "vm.nr_hugepages" and value.isdigit() and number(value) >= 100_000:
            return HIGH, f"reserves most memory for huge pages: programs run out ({shown})"
    return None


def _loaded_file(argv: list[str]) -> str | None:
    """The file `sysctl -p FILE` (or `--load=FILE`) reads its settings from."""
    for index, arg in enumerate(argv):
        if (
            arg in ("-p", "--load")
            and index + 1 < len(argv)
            and not argv[index + 1].startswith("-")
        ):
            return argv[index + 1]
        if arg.startswith(("--load=", "-p/")):
            return arg.split("=", 1)[-1].removeprefix("-p")
    return None


_CORE_PIPE = lazy_pattern(
    r"^[^\S\n]*kernel[./]core_pattern[^\S\n]*=[^\S\n]*['\"]?\|[^\S\n]*(?P<program>[^\s'\"]+)", re.M
)
# Interpreters registered with binfmt_misc: `:name:type:offset:magic:mask:interpreter:flags`.
_BINFMT = lazy_pattern(
    r"^[^\S\n]*:[^:\n]*:[EM]:[^:\n]*:[^:\n]*:[^:\n]*:(?P<program>[^:\n]+):", re.M
)


def crash_handler(program: str) -> tuple[RiskLevel, str] | None:
    """The kernel runs `program` as root at every crash (apport, systemd-coredump: as usual)."""
    if program.startswith(("/usr/", "/lib/", "/bin/", "/sbin/")) and "/." not in program:
        return None
    level = CRITICAL if paths.is_world_writable(program) or "/." in program else HIGH
    return level, f"makes the kernel run {program} as root at every crash (kernel.core_pattern)"


def binfmt_verdict(text: str) -> tuple[RiskLevel, str] | None:
    """`echo ':x:M::MZ::/tmp/.i:' > /proc/sys/fs/binfmt_misc/register`: every file of that kind
    is run through the registered program from now on (qemu, wine, mono from /usr: as usual)."""
    for match in _BINFMT.finditer(text):
        program = match.group("program")
        if program.startswith(("/usr/", "/lib/", "/bin/", "/sbin/")) and "/." not in program:
            continue
        level = CRITICAL if paths.is_world_writable(program) or "/." in program else HIGH
        return level, f"makes {program} run every program of one kind (binfmt_misc)"
    return None


# `kernel.core_pattern=|/tmp/x`: a pipe there hands every crash to a program the kernel runs
# as root; the handlers distributions install (systemd-coredump, apport) live in /usr/lib.
_CRASH_HANDLER = lazy_pattern(
    r"kernel[./]core_pattern[^\S\n]*=[^\S\n]*['\"]?\|(?!\s*/(usr/)?(lib|libexec|share)/)"
)


def _hidden_or_downloaded(path: str) -> bool:
    """A module in a dot folder or the downloads: not where anyone builds drivers."""
    return bool(re.search(r"/\.[^/.]", f"/{path}")) or "Downloads/" in path


def _weakens(key: str, value: str) -> bool:
    if key in _OPENING:
        return value == _OPENING[key]
    if key.endswith((".accept_redirects", ".accept_source_route")):
        return value == "1"  # routes set by whoever sends the packets
    if key == "kernel.modules_disabled":
        return False
    return value in ("0", "-1")


def swapoff(command: Command, ctx: Context) -> None:
    if any(a == "--all" or re.fullmatch(r"-[a-zA-Z]*a[a-zA-Z]*", a) for a in command.argv):
        reason = "turns off all swap: memory-hungry programs can be killed"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "turns off a swap area", command)


def clock(command: Command, ctx: Context) -> None:
    """`date -s`, `timedatectl set-time`, `set-ntp false`, `hwclock --set`: a wrong clock breaks
    certificates, logins, builds and log times."""
    argv = command.argv
    if command.name == "date":
        setting = any(a in ("-s", "--set") or a.startswith("--set=") for a in argv) or (
            argv[:1] and re.fullmatch(r"\d{8,12}(\.\d\d)?", argv[0])
        )
        if setting:
            ctx.add(HIGH, "sets the system clock by hand", command)
        return
    if command.name == "hwclock":
        if "--set" in argv:
            ctx.add(HIGH, "sets the hardware clock by hand", command)
        elif any(a in ("-w", "--systohc", "--hctosys", "-s", "--systz") for a in argv):
            ctx.add(MODERATE, "copies the time between the system and the hardware clock", command)
        return
    sub = argv[0] if argv else ""
    if sub == "set-time" or (sub == "set-ntp" and argv[1:2] in (["false"], ["0"], ["no"])):
        ctx.add(HIGH, f"sets the clock by hand (timedatectl {sub})", command)
    elif sub:
        ctx.add(MODERATE, f"changes time settings (timedatectl {sub})", command)


RULES: dict[str, Rule] = {
    **dict.fromkeys(split_words("sysctl modprobe insmod rmmod kexec"), kernel_setting),
    "swapoff": swapoff,
    **dict.fromkeys(split_words("date hwclock timedatectl"), clock),
}
