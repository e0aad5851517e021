"""The less common account tools: group members (groupmems), where the password hashes live
(pwunconv; authconfig is in auth_stack.py), and file capabilities set with libcap-ng's filecap."""

from __future__ import annotations

import shlex

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import accounts
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, options
from tui.core.safety.words import literal, split_words


def groupmems(command: Command, ctx: Context) -> None:
    """`groupmems -g GROUP -a USER` adds, `-d USER` removes, `-p` purges, `-l` lists."""
    opts = options(command, "-g --group -a --add -d --delete -R --root")
    group = opts.value("-g", "--group") or ""
    if opts.has("-l", "--list"):
        return
    if opts.value("-a", "--add") is not None:
        verdict = accounts.admin_member(group)
        if verdict is not None:
            ctx.add(verdict[0], verdict[1], command)
            return
    elif group in accounts.ADMIN_GROUPS and (
        opts.has("-p", "--purge") or opts.value("-d", "--delete") is not None
    ):
        ctx.add(HIGH, f"takes users out of the {group} group: they lose its rights", command)
        return
    ctx.add(MODERATE, f"changes the members of a group ({group or 'your own'})", command)


def shadow_off(command: Command, ctx: Context) -> None:
    """`pwunconv`, `grpunconv`: the hashes go back into /etc/passwd or /etc/group."""
    table = "/etc/passwd" if command.name == "pwunconv" else "/etc/group"
    reason = f"moves the password hashes into {table}, which every user can read"
    ctx.add(HIGH, reason, command)


def filecap(command: Command, ctx: Context) -> None:
    """`filecap FILE CAP...` sets capabilities (named without `cap_`); `filecap [-a] [DIR]`
    lists them. Setting is rated as setcap with the same capabilities."""
    operands = [w.value for w in command.args if not w.value.startswith("-")]
    if len(operands) < 2 or operands[1] == "none":
        if len(operands) >= 2:
            ctx.add(MODERATE, "removes a program's file capabilities (filecap)", command)
        return
    caps = ",".join(
        c if c.startswith("cap_") else f"cap_{c}" for c in operands[1:] if c.isidentifier()
    )
    ctx.run_code(literal(f"setcap {caps}+ep {shlex.quote(operands[0])}"), command)


RULES: dict[str, Rule] = {
    "groupmems": groupmems,
    **dict.fromkeys(split_words("pwunconv grpunconv"), shadow_off),
    "filecap": filecap,
}
