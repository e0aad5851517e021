"""Code nobody reviewed, run as root.

A rule that finds code from a place nobody reviewed (a package from an address, playbooks from
a repository, a package whose signature failed) rates it HIGH: it runs with the user's rights.
Under sudo, doas, pkexec, run0 or `su -c` the same code owns the whole machine, so the finding
is raised to CRITICAL, whichever program fetched it.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.unwrap import SHELLS
from tui.core.safety.words import split_words

_ROOT_RUNNERS = frozenset(split_words("sudo doas pkexec run0 su"))
# Options that make sudo or doas run the command as someone other than root.
_OTHER_USER = frozenset(split_words("-u --user -g --group"))
# The words that mark a finding as code from a place nobody reviewed.
_UNREVIEWED = (
    "nobody reviewed it",
    "nobody reviewed them",
    "signature is untrusted",
    "straight from",
    "from another repository",
    "from another server",
)


def _runs_as_root(wrapper: Command) -> bool:
    if wrapper.name not in _ROOT_RUNNERS:
        return False
    argv = wrapper.argv
    for index, value in enumerate(argv):
        if value in _OTHER_USER and index + 1 < len(argv) and argv[index + 1] != "root":
            return False
        if value.startswith("--user=") and value != "--user=root":
            return False
    return True


def unreviewed(layers: list[Command], layer: Command, ctx: Context, before: int) -> None:
    """Raises the unreviewed-code findings `layer` just added when a wrapper runs it as root."""
    position = next((i for i, one in enumerate(layers) if one is layer), 0)
    if not any(_runs_as_root(wrapper) for wrapper in layers[:position]):
        return
    for index in range(before, len(ctx.findings)):
        finding = ctx.findings[index]
        if finding.level == RiskLevel.HIGH and any(m in finding.reason for m in _UNREVIEWED):
            reason = finding.reason if "as root" in finding.reason else f"{finding.reason}, as root"
            ctx.findings[index] = replace(finding, level=RiskLevel.CRITICAL, reason=reason)


# Programs whose whole job is a shell: `sudo bash`, `sudo su -` are rated as what they are.
_SHELLS = SHELLS | frozenset(split_words("busybox su login"))
_NEW_SHELL = "starts a new shell"
# Wrappers that only pass their command on (with a niceness, a time limit, a variable).
_PASS_THROUGH = _ROOT_RUNNERS | frozenset(
    split_words("env nice nohup timeout stdbuf ionice command exec chrt taskset setsid time")
)


def shell_escape(layers: list[Command], ctx: Context, before: int) -> None:
    """`sudo zip x.zip f -T -TT 'sh #'`, `sudo find . -exec /bin/sh \\;`: a program that is not
    a shell opens one through its own options, as root. A sudo rule that allows only that
    program gives a root shell."""
    rooted = next((i for i, layer in enumerate(layers) if _runs_as_root(layer)), None)
    if rooted is None:
        return
    carrier = next((c for c in layers[rooted + 1 :] if c.name not in _PASS_THROUGH), None)
    if carrier is None or not carrier.name or carrier.name in _SHELLS:
        return
    if any(f.reason == _NEW_SHELL for f in ctx.findings[before:]):
        reason = f"opens a root shell through {carrier.name}: a way around sudo rules"
        ctx.add(RiskLevel.HIGH, reason, carrier)
