"""What a machine starts with: a Mac's NVRAM, systemd-boot (bootctl) and GRUB's saved settings.

`nvram -c` clears every firmware variable at once: the startup disk, boot arguments, and the
settings the system keeps there are gone (HIGH). Setting or deleting one variable is routine
(MODERATE); printing them (`-p`, `-x`, a bare name) only reads. `bootctl remove` or `install`
takes away or rewrites the boot loader (HIGH); choosing the default entry is routine.
`grub-editenv FILE list` only reads; `set` and `unset` change the next boot's choice.
grubby and kernelstub change the kernel's options: booting into a root shell is HIGH.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.configs import ROOT_SHELL_BOOT
from tui.core.safety.rules.weakening import MAC_OFF_AT_BOOT

# Boot arguments and firmware settings that switch macOS's checks off.
_UNCHECKED_BOOT = lazy_pattern(
    r"(?i)^(csr-active-config=|boot-args=.*(amfi_get_out_of_my_way|cs_enforcement_disable|"
    r"amfi_allow_any_signature|kext-dev-mode|rootless=0|-arm64e_preview_abi|\bamfi=))"
)


def nvram(command: Command, ctx: Context) -> None:
    opts = options(command, "-d -f")
    if opts.has("-c"):
        reason = "clears every firmware (NVRAM) variable: the startup disk and boot settings"
        ctx.add(HIGH, reason, command)
    elif any(_UNCHECKED_BOOT.search(w.value) for w in opts.operands):
        reason = "boots macOS with its code-signing or integrity checks off (nvram boot-args)"
        ctx.add(HIGH, reason, command)
    elif opts.has("-d", "-f") or any("=" in w.value for w in opts.operands):
        ctx.add(MODERATE, "changes a firmware (NVRAM) variable", command)
    # `-p`, `-x`, a bare variable name: prints only


_BOOTCTL_REWRITES = frozenset(("install", "remove", "unlink", "cleanup"))
_BOOTCTL_READS = frozenset(("status", "list", "is-installed", "help", "--help", "-h"))


def bootctl(command: Command, ctx: Context) -> None:
    verbs = [a for a in command.argv if not a.startswith("-")]
    verb = verbs[0] if verbs else "status"
    if verb in _BOOTCTL_REWRITES:
        reason = f"rewrites or removes the boot loader (bootctl {verb}): the machine may not start"
        ctx.add(HIGH, reason, command)
    elif verb not in _BOOTCTL_READS:
        ctx.add(MODERATE, f"changes boot loader settings (bootctl {verb})", command)


def grub_editenv(command: Command, ctx: Context) -> None:
    verbs = [a for a in command.argv if not a.startswith("-")]
    if any(v in ("set", "unset", "create") for v in verbs):
        ctx.add(MODERATE, "changes GRUB's saved boot settings (grub-editenv)", command)


def kernel_options(command: Command, ctx: Context) -> None:
    """`grubby --update-kernel=ALL --args=init=/bin/sh`, `kernelstub -a systemd.unit=rescue.target`:
    the kernel's boot options, for every boot from now on."""
    argv = command.argv
    text = " ".join(argv)
    if ROOT_SHELL_BOOT.search(text):
        ctx.add(HIGH, f"makes the machine boot into a root shell ({command.name})", command)
    elif MAC_OFF_AT_BOOT.search(text):
        ctx.add(CRITICAL, f"boots without SELinux or AppArmor ({command.name})", command)
    elif _UNPROTECTED.search(text):
        reason = f"turns off the processor's protections against data leaks ({command.name})"
        ctx.add(HIGH, reason, command)
    elif any(a.startswith(("--remove-kernel", "--add-kernel")) for a in argv):
        ctx.add(HIGH, f"adds or removes a boot entry ({command.name})", command)
    elif any(a.startswith(_OPTION_CHANGES) for a in argv):
        ctx.add(MODERATE, f"changes the kernel's boot options ({command.name})", command)


# Kernel options that switch off the mitigations for Spectre, Meltdown and their kin.
_UNPROTECTED = lazy_pattern(r"\b(?:mitigations=off|nospectre_v[12]|nopti|spectre_v2=off|mds=off)\b")
# grubby and kernelstub options that change what boots, or how.
_OPTION_CHANGES = (
    "--args",
    "--remove-args",
    "--set-default",
    "--update-kernel",
    "-a",
    "-d",
    "--add-options",
    "--delete-options",
    "-o",
    "--options",
)


RULES: dict[str, Rule] = {
    "nvram": nvram,
    "bootctl": bootctl,
    **dict.fromkeys(("grub-editenv", "grub2-editenv"), grub_editenv),
    **dict.fromkeys(("grubby", "kernelstub"), kernel_options),
}
