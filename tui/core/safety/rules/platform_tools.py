"""The platform under the operating system: Secure Boot keys (mokutil), the TPM, the baseboard
controller (ipmitool), wake timers, processor and PCI registers, firmware updates, boot images
(update-initramfs, dracut), kdump and OpenBSD's binary patches (syspatch).

Reading them is safe. Switching Secure Boot's checks off, clearing the TPM (every key sealed in
it is gone), powering the machine off through its controller, erasing the hardware event log or
writing processor and PCI registers by hand is HIGH; routine updates and rebuilds are MODERATE.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_MOK_READS = frozenset(
    split_words(
        "--sb-state --list-enrolled --list-new --list-delete --test-key --export --pk --kek "
        "--db --dbx --help -h -l -N -D -t -x"
    )
)
_MOK_WEAKENS = frozenset(split_words("--disable-validation --reset --ignore-db --delete-hash"))


def mokutil(command: Command, ctx: Context) -> None:
    argv = set(command.argv)
    if argv & _MOK_WEAKENS:
        found = sorted(argv & _MOK_WEAKENS)[0]
        reason = f"weakens Secure Boot's check of what starts ({found}, mokutil)"
        ctx.add(HIGH, reason, command)
    elif argv and not argv <= _MOK_READS:
        ctx.add(MODERATE, "changes the keys Secure Boot trusts (mokutil)", command)


def tpm_tool(command: Command, ctx: Context) -> None:
    """`tpm2_clear`: every key sealed in the TPM (disk unlock, BitLocker, attestation) is gone."""
    if command.name in ("tpm2_clear", "tpm2_changeauth", "tpm2_evictcontrol"):
        reason = f"clears or changes the TPM's keys ({command.name}): what they unlock is lost"
        ctx.add(HIGH, reason, command)


# ipmitool's words that only report, and the power verbs that cut the machine off.
_IPMI_READS = frozenset(
    split_words("status list elist print info sdr sensor fru get summary getaccess")
)
_IPMI_POWER = frozenset(split_words("off cycle reset soft diag"))


def ipmitool(command: Command, ctx: Context) -> None:
    words = _ipmi_words(command.argv)
    if "power" in words and set(words) & _IPMI_POWER:
        ctx.add(
            HIGH, "powers the machine off or resets it through its controller (ipmitool)", command
        )
    elif words[:2] == ["sel", "clear"]:
        ctx.add(
            HIGH, "erases the hardware event log (ipmitool sel clear): the record is gone", command
        )
    elif words[:2] == ["mc", "reset"] or words[:3] == ["user", "set", "password"]:
        ctx.add(HIGH, f"resets the controller or a login to it (ipmitool {words[0]})", command)
    elif words[:1] and (words[0] in ("sdr", "sensor", "fru") or set(words[1:]) <= _IPMI_READS):
        return
    else:
        ctx.add(MODERATE, "changes the baseboard controller's settings (ipmitool)", command)


_IPMI_VALUED = frozenset(split_words("-I -H -U -P -p -f -k -y -L -t -b -T -B -C -R -N -E -o"))


def _ipmi_words(argv: list[str]) -> list[str]:
    """The verb and its words, past `-I lanplus -H HOST -U user -P pass`."""
    words: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in _IPMI_VALUED:
            skip = True
        elif not arg.startswith("-"):
            words.append(arg.lower())
    return words


def rtcwake(command: Command, ctx: Context) -> None:
    """`rtcwake -m off -s 60` powers the machine off now, to wake it later."""
    argv = command.argv
    mode = next((b for a, b in itertools.pairwise(argv) if a in ("-m", "--mode")), "")
    mode = mode or next((a.split("=", 1)[1] for a in argv if a.startswith("--mode=")), "")
    if mode in ("off", "disk"):
        ctx.add(HIGH, f"powers the machine off now (rtcwake -m {mode})", command)
    elif mode not in ("show", "no", ""):
        ctx.add(MODERATE, f"suspends the machine until a set time (rtcwake -m {mode})", command)


def registers(command: Command, ctx: Context) -> None:
    """`wrmsr` and `setpci REG=VALUE`: hardware registers written by hand."""
    if command.name == "wrmsr" or any("=" in a for a in command.argv if not a.startswith("-")):
        reason = f"writes a processor or PCI register by hand ({command.name}): it can hang"
        ctx.add(HIGH, f"{reason} the machine or turn off a firmware protection", command)


def fwupdmgr(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    verb = words[0] if words else "get-devices"
    if not verb.startswith(("get-", "security", "search", "inhibit")):
        ctx.add(MODERATE, f"updates or changes device firmware (fwupdmgr {verb})", command)


def initramfs(command: Command, ctx: Context) -> None:
    """`update-initramfs -d -k all` deletes the boot images; rebuilding them is routine."""
    argv = command.argv
    lists = ("--list-modules", "--print-cmdline", "--help", "-h", "--version")
    if command.name == "dracut" and any(a in lists for a in argv):
        return
    if command.name == "update-initramfs" and "-d" in argv:
        reason = "deletes the boot images the kernel starts from (update-initramfs -d)"
        ctx.add(HIGH, f"{reason}: the machine may not start", command)
        return
    ctx.add(MODERATE, f"rebuilds the boot image ({command.name})", command)


def kdumpctl(command: Command, ctx: Context) -> None:
    verb = next((a for a in command.argv if not a.startswith("-")), "status")
    if verb not in ("status", "showmem", "estimate", "get-default-crashkernel"):
        ctx.add(MODERATE, f"changes the crash-dump service (kdumpctl {verb})", command)


def syspatch(command: Command, ctx: Context) -> None:
    """OpenBSD: `syspatch -R` removes every installed security patch; `-l`, `-c` only list."""
    argv = command.argv
    if any(a in ("-R", "-r") for a in argv):
        ctx.add(HIGH, "removes installed security patches (syspatch -R)", command)
    elif not any(a in ("-l", "-c") for a in argv):
        ctx.add(MODERATE, "installs the system's binary patches (syspatch)", command)


RULES: dict[str, Rule] = {
    "mokutil": mokutil,
    **dict.fromkeys(split_words("tpm2_clear tpm2_changeauth tpm2_evictcontrol"), tpm_tool),
    "ipmitool": ipmitool,
    "rtcwake": rtcwake,
    **dict.fromkeys(split_words("wrmsr setpci"), registers),
    "fwupdmgr": fwupdmgr,
    **dict.fromkeys(split_words("update-initramfs dracut"), initramfs),
    "kdumpctl": kdumpctl,
    "syspatch": syspatch,
}
