"""macOS settings from the command line: `systemsetup` (remote log-in, sleep, the clock),
`softwareupdate` and its settings, and kernel extensions (`kextload`, `kmutil`).

`systemsetup -setremotelogin off` switches off ssh to the Mac: over a remote session, the way
back in is gone (HIGH); so is a clock set by hand (as `date -s`). Other `-set...` settings are
routine (MODERATE); `-get...` only reads.
`softwareupdate --schedule off` and the SoftwareUpdate settings that stop critical or
automatic updates leave known holes open (HIGH); listing updates only reads. Loading or
unloading a kernel extension changes code that runs inside the kernel (HIGH); listing what is
loaded only reads.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words


def systemsetup(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    settings = [a for a in argv if a.startswith("-set")]
    if "-setremotelogin" in argv and "off" in argv:
        reason = "turns off remote log-in (ssh) to this Mac: over ssh, you are locked out"
        ctx.add(HIGH, reason, command)
    elif set(settings) & {"-setdate", "-settime"}:
        ctx.add(HIGH, "sets the system clock by hand (systemsetup)", command)
    elif settings:
        ctx.add(MODERATE, f"changes a macOS setting (systemsetup {settings[0]})", command)


_UPDATE_READS = frozenset(split_words("-l --list --history --list-full-installers --help -h"))


def softwareupdate(command: Command, ctx: Context) -> None:
    argv = [a.lower() for a in command.argv]
    if "--schedule" in argv and argv[argv.index("--schedule") + 1 :][:1] == ["off"]:
        reason = "turns off automatic update checks: security fixes stop arriving (softwareupdate)"
        ctx.add(HIGH, reason, command)
    elif "--ignore" in argv:
        reason = "hides an update from the list: its security fixes never come (softwareupdate)"
        ctx.add(HIGH, reason, command)
    elif argv in (["--schedule"], []) or (argv and set(argv) <= _UPDATE_READS):
        return
    elif "--restart" in argv or "-R" in command.argv:
        reason = "installs updates and restarts the Mac: open work is lost (softwareupdate)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, "installs or changes macOS updates (softwareupdate)", command)


# SoftwareUpdate settings that, set to false, stop security fixes from arriving by themselves.
_UPDATE_SWITCHES = frozenset(
    split_words(
        "criticalupdateinstall configdatainstall automaticcheckenabled automaticdownload "
        "automaticallyinstallmacosupdates"
    )
)


def update_settings(command: Command, ctx: Context) -> None:
    """`defaults write /Library/Preferences/com.apple.SoftwareUpdate CriticalUpdateInstall
    -bool false`."""
    argv = [a.lower() for a in command.argv]
    if argv[:1] != ["write"] or not any(a.endswith("com.apple.softwareupdate") for a in argv):
        return
    if _UPDATE_SWITCHES & set(argv) and argv[-1] in ("false", "0", "no"):
        reason = "stops macOS from installing security fixes by itself (SoftwareUpdate)"
        ctx.add(HIGH, reason, command)


_KEXT_READS = frozenset(split_words("showloaded inspect print-diagnostics find dumpstate log"))


def kernel_extension(command: Command, ctx: Context) -> None:
    """`kextload x.kext`, `kextunload -b ID`, `kmutil load|unload`: code inside the kernel."""
    argv = command.argv
    verb = command.name.removeprefix("kext") if command.name != "kmutil" else ""
    if command.name == "kmutil":
        verb = argv[0] if argv else ""
        if not verb or verb in _KEXT_READS:
            return
    if verb == "load":
        ctx.add(HIGH, f"loads code into the macOS kernel ({command.name})", command)
    elif verb == "unload":
        ctx.add(HIGH, f"unloads a kernel extension: what it drives stops ({command.name})", command)
    else:
        ctx.add(MODERATE, f"changes kernel extensions ({command.name} {verb})".strip(), command)


RULES: dict[str, Rule] = {
    "systemsetup": systemsetup,
    "softwareupdate": softwareupdate,
    **dict.fromkeys(("kextload", "kextunload", "kmutil"), kernel_extension),
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {"defaults": (update_settings,)}
