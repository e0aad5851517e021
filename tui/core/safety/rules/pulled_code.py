"""Configuration tools that fetch what to run from elsewhere and apply it to this machine:
`ansible-pull -U URL`, `puppet apply` of a manifest given by URL, `salt-call --master`,
`chef-client --local-mode -z` with a recipe URL. The repository decides what runs, as root
most often: HIGH, as code from a repository nobody read.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule


def ansible_pull(command: Command, ctx: Context) -> None:
    argv = command.argv
    urls = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-U", "--url")]
    urls += [a.split("=", 1)[1] for a in argv if a.startswith("--url=")]
    if "--check" in argv or "-C" in argv:
        return
    if urls:
        reason = f"runs whatever playbooks {urls[0]} holds on this machine (ansible-pull)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(
            MODERATE, "runs playbooks from a repository on this machine (ansible-pull)", command
        )


def recipe_from_url(command: Command, ctx: Context) -> None:
    """`chef-client -z -r URL`, `puppet apply URL`... any http(s) address among the arguments."""
    url = next((a for a in command.argv if a.startswith(("http://", "https://"))), None)
    if url is not None:
        reason = f"applies a configuration fetched from {url} to this machine ({command.name})"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"applies a configuration to this machine ({command.name})", command)


RULES: dict[str, Rule] = {
    "ansible-pull": ansible_pull,
    **dict.fromkeys(("chef-client", "chef-solo", "puppet"), recipe_from_url),
}
