"""Configuration management run across a fleet: ansible ad-hoc modules, salt functions,
salt-key, knife and `puppet resource`.

What a module or function does to every machine it reaches is what is rated: a file state
`absent`, a package removed, sshd stopped, a key planted for root, every machine rebooted. The
shell command they may carry (`-m shell -a CMD`, `cmd.run CMD`, `knife ssh QUERY CMD`) is found by
remote_code.py and rated as itself. Facts, pings and listings only report.
"""

from __future__ import annotations

import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

# Ansible modules and salt functions that only gather facts or answer a ping.
_REPORTING = frozenset(
    split_words(
        "ping setup gather_facts ansible.builtin.ping ansible.builtin.setup debug "
        "test.ping test.version grains.items grains.item grains.get pillar.items pillar.get "
        "state.show_sls state.show_top state.show_highstate service.status pkg.version "
        "pkg.list_pkgs disk.usage status.uptime sys.doc cmd.which network.interfaces"
    )
)
_POWER = frozenset(
    split_words(
        "reboot ansible.builtin.reboot system.reboot system.shutdown system.poweroff system.halt"
    )
)
# Services whose stopping locks everyone out of the machines or takes their data offline.
_VITAL_SERVICES = frozenset(
    split_words("ssh sshd openssh-server postgresql mysql mariadb mongod docker kubelet")
)
_KEY_MODULES = frozenset(
    split_words("authorized_key ansible.posix.authorized_key ssh.set_auth_key")
)
_REMOVERS = frozenset(split_words("file.remove file.rmdir pkg.remove pkg.purge user.delete"))


def _pairs(text: str) -> dict[str, str]:
    """`path=/etc state=absent` and `name=sshd state=stopped` as a dict."""
    return {k: v.strip("'\"") for k, v in re.findall(r"(\w+)=('[^']*'|\"[^\"]*\"|\S+)", text)}


def _fleet_action(
    module: str, settings: dict[str, str], operands: list[str]
) -> tuple[RiskLevel | None, str]:
    """(level, reason) for what one module or function does on each machine; no level when it
    only reports."""
    if module in _REPORTING:
        return None, ""
    state = settings.get("state", "")
    target = settings.get("path") or settings.get("dest") or settings.get("name", "")
    target = target or next((o for o in operands if o.startswith("/")), "")
    if module in _POWER:
        return HIGH, "reboots or shuts down every machine it reaches"
    if module in _KEY_MODULES and state != "absent":
        return HIGH, "plants an SSH key that lets someone log in to every machine it reaches"
    if state == "absent" or module in _REMOVERS:
        vital = target.startswith("/") and paths.is_vital(paths.normalise(target))
        what = target or (operands[0] if operands else "what it names")
        scratch = target.startswith(("/tmp/", "/var/tmp/"))
        level = CRITICAL if vital else MODERATE if scratch else HIGH
        return level, f"deletes {what} on every machine it reaches"
    stopped = state in ("stopped", "dead") or module in ("service.stop", "service.disable")
    name = settings.get("name", "") or (operands[0] if operands else "")
    if stopped and name in _VITAL_SERVICES:
        return HIGH, f"stops {name} on every machine it reaches: logins or data go offline"
    return MODERATE, ""


def ansible(command: Command, ctx: Context) -> None:
    argv = command.argv
    if any(a in ("--list-hosts", "--syntax-check") for a in argv):
        return
    module, text = "command", ""
    for index, value in enumerate(argv[:-1]):
        if value in ("-m", "--module-name"):
            module = argv[index + 1]
        elif value in ("-a", "--args"):
            text = argv[index + 1]
    level, reason = _fleet_action(module, _pairs(text), [])
    if level is None:
        return
    if reason:
        ctx.add(level, f"{reason} (ansible -m {module})", command)
    else:
        ctx.add(MODERATE, f"runs a task on every machine of the inventory ({module})", command)


def salt(command: Command, ctx: Context) -> None:
    """`salt '*' system.reboot`, `salt-call --local file.remove /etc/x`."""
    words = [a for a in command.argv if not a.startswith("-")]
    functions = [i for i, w in enumerate(words) if re.fullmatch(r"[a-z_]+\.[a-z_]+", w)]
    if not functions:
        ctx.add(
            MODERATE, f"runs commands on other machines or containers ({command.name})", command
        )
        return
    index = functions[0]
    function, rest = words[index], words[index + 1 :]
    level, reason = _fleet_action(function, _pairs(" ".join(rest)), rest)
    if level is None or (function.startswith("state.") and "test=True" in rest):
        return
    if reason:
        ctx.add(level, f"{reason} ({command.name} {function})", command)
    else:
        ctx.add(MODERATE, f"runs {function} on other machines ({command.name})", command)


def salt_key(command: Command, ctx: Context) -> None:
    """`salt-key -D`: every minion's key goes, and the master can no longer reach any."""
    short = "".join(a[1:] for a in command.argv if a.startswith("-") and not a.startswith("--"))
    if "D" in short or "--delete-all" in command.argv:
        ctx.add(HIGH, "deletes every minion's key: the master reaches none of them", command)
    elif "d" in short or "--delete" in command.argv or "A" in short or "a" in short:
        ctx.add(MODERATE, "changes which minions the master accepts (salt-key)", command)


def knife(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] == ["ssh"]:
        ctx.add(MODERATE, "runs a command on every node a search finds (knife ssh)", command)
    elif words[:1] == ["bulk"] and "delete" in words[:2]:
        ctx.add(HIGH, "deletes every Chef object a pattern matches (knife bulk delete)", command)
    elif "delete" in words[:3]:
        ctx.add(MODERATE, f"deletes a Chef object (knife {' '.join(words[:2])})", command)
    elif words[:1] in (["status"], ["search"]) or "list" in words[:2] or "show" in words[:2]:
        return
    else:
        ctx.add(
            MODERATE, f"changes the Chef server or nodes (knife {' '.join(words[:2])})", command
        )


def puppet_resource(command: Command, ctx: Context) -> bool:
    """`puppet resource user root ensure=absent`, `puppet apply -e "file {'/etc': ensure =>
    absent}"`: True when rated here; `puppet resource package nginx` only shows."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] == ["parser"] and words[1:2] == ["validate"]:
        return True
    if words[:1] == ["resource"]:
        if not any("=" in w for w in words[2:]):
            return True  # shows the resource's present state
        settings = _pairs(" ".join(words[3:]))
        if settings.get("ensure") == "absent":
            what = " ".join(words[1:3])
            level = CRITICAL if words[1:3] == ["user", "root"] else HIGH
            ctx.add(level, f"deletes {what} on this machine (puppet resource)", command)
            return True
        return False
    code = " ".join(argv[i + 1] for i, a in enumerate(argv[:-1]) if a in ("-e", "--execute"))
    if re.search(r"ensure\s*=>\s*['\"]?absent", code):
        target = re.search(r"['\"](/[^'\"]*)['\"]\s*:", code)
        vital = target is not None and paths.is_vital(paths.normalise(target.group(1)))
        reason = "deletes what the manifest names on this machine (ensure => absent)"
        ctx.add(CRITICAL if vital else HIGH, f"{reason} (puppet apply)", command)
        return True
    return False


def inventory(command: Command, ctx: Context) -> None:
    """`ansible-inventory --graph`, `--list`, `--host`: shows the inventory."""
    if any(a.startswith(("--output", "-o")) for a in command.argv):
        ctx.add(MODERATE, "writes the inventory to a file (ansible-inventory)", command)


RULES: dict[str, Rule] = {
    "ansible": ansible,
    "salt-call": salt,
    "salt-ssh": salt,
    "salt-key": salt_key,
    "knife": knife,
    "ansible-inventory": inventory,
}
