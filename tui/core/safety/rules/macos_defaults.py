"""`defaults write` keys that switch a macOS protection off: logging in without a password,
the quarantine mark on downloads, automatic security updates."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH

_OFF = frozenset(("0", "false", "no"))
# (domain ending, key, whether any value weakens it, reason)
_UPDATES = "com.apple.softwareupdate"
_WEAKENING = (
    ("com.apple.loginwindow", "autologinuser", True, "logs a user in without a password"),
    ("com.apple.launchservices", "lsquarantine", False, "stops marking downloads for Gatekeeper"),
    (_UPDATES, "automaticcheckenabled", False, "stops looking for updates and security fixes"),
    (_UPDATES, "criticalupdateinstall", False, "stops installing security fixes"),
    (_UPDATES, "configdatainstall", False, "stops installing security data (XProtect)"),
    ("com.apple.screensaver", "askforpassword", False, "unlocks the screen without a password"),
)


def weakens(command: Command, ctx: Context) -> bool:
    argv = [a.lower() for a in command.argv]
    if argv[:1] != ["write"] or len(argv) < 3:
        return False
    domain, key, value = argv[1], argv[2], argv[-1]
    for ending, name, any_value, reason in _WEAKENING:
        if domain.endswith(ending) and key == name and (any_value or value in _OFF):
            ctx.add(HIGH, f"{reason} (defaults write)", command)
            return True
    return False
