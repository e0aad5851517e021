"""How log-ins check who you are, changed through the distributions' tools: pam-auth-update
(Debian), authconfig and authselect (Red Hat). Taking the password check out, or weakening how
passwords are stored, is HIGH; picking another profile is moderate; reports are safe.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

# Profiles that do the password check itself: without them log-ins check nothing, or fail.
_PASSWORD_PROFILES = frozenset(split_words("unix sss ldap krb5 winbind pwquality faillock"))
_WEAK_AUTHCONFIG = frozenset(
    split_words(
        "--disableshadow --passalgo=md5 --passalgo=descrypt --passalgo=bigcrypt "
        "--disablefaillock --disablepwquality --enablenullok"
    )
)
_AUTHSELECT_READS = frozenset(
    split_words("current list list-features show test check requirements")
)


def pam_auth_update(command: Command, ctx: Context) -> None:
    argv = command.argv
    removed = (
        [a for a in argv if not a.startswith("-")] if {"--remove", "--disable"} & set(argv) else []
    )
    if set(removed) & _PASSWORD_PROFILES:
        profile = sorted(set(removed) & _PASSWORD_PROFILES)[0]
        reason = f"takes {profile} out of every log-in's password check (pam-auth-update)"
        ctx.add(HIGH, reason, command)
    elif argv and argv != ["--help"]:
        ctx.add(MODERATE, "changes how log-ins check who you are (pam-auth-update)", command)


def authconfig(command: Command, ctx: Context) -> None:
    argv = command.argv
    weak = sorted(set(argv) & _WEAK_AUTHCONFIG)
    if weak:
        ctx.add(
            HIGH, f"weakens how passwords are stored or checked (authconfig {weak[0]})", command
        )
    elif "--test" not in argv and argv:
        ctx.add(MODERATE, "changes how log-ins check who you are (authconfig)", command)


def authselect(command: Command, ctx: Context) -> None:
    verb = command.argv[0] if command.argv else ""
    if verb in _AUTHSELECT_READS or not verb:
        return
    if verb == "disable-feature" and set(command.argv[1:]) & {"with-faillock", "with-pwquality"}:
        ctx.add(HIGH, "stops locking out password guessing or checking password strength", command)
    else:
        ctx.add(MODERATE, f"changes how log-ins check who you are (authselect {verb})", command)


RULES: dict[str, Rule] = {
    "pam-auth-update": pam_auth_update,
    "authconfig": authconfig,
    "authselect": authselect,
}
