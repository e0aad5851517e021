"""What a machine starts with: a Mac's NVRAM, systemd-boot (bootctl) and GRUB's saved settings.

`nvram -c` clears every firmware variable at once: the startup disk, boot arguments, and the
settings the system keeps there are gone (HIGH). Setting or deleting one variable is routine
(MODERATE); printing them (`-p`, `-x`, a bare name) only reads. `bootctl remove` or `install`
takes away or rewrites the boot loader (HIGH); choosing the default entry is routine.
`grub-editenv FILE list` only reads; `set` and `unset` change the next boot's choice.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, options


def nvram(command: Command, ctx: Context) -> None:
    opts = options(command, "-d -f")
    if opts.has("-c"):
        reason = "clears every firmware (NVRAM) variable: the startup disk and boot settings"
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


RULES: dict[str, Rule] = {
    "nvram": nvram,
    "bootctl": bootctl,
    **dict.fromkeys(("grub-editenv", "grub2-editenv"), grub_editenv),
}
