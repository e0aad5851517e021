"""`ssh-copy-id`: puts a public key in another machine's authorized_keys, so that whoever holds
the matching private key logs in there from now on, without a password.

Decisions: your own key (the default, or `~/.ssh/id_*`) to an ordinary account is MODERATE, the
usual first step with a new server. A key that is not yours (`-i contractor.pub`, a key from a
shared folder) or any key given root's log-in is HIGH: a lasting way in for someone else, or
for anyone with the key, as the most powerful user. `-n` only shows what would be copied.
"""

from __future__ import annotations

import posixpath

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, options

_OWN_KEY = ("id_rsa", "id_ed25519", "id_ecdsa", "id_dsa", "id_ed25519_sk", "id_ecdsa_sk")


def ssh_copy_id(command: Command, ctx: Context) -> None:
    opts = options(command, "-i -p -o -F -t -J")
    if opts.has("-n", "-h", "-?"):
        return
    key = opts.value("-i") or ""
    hosts = [w.value for w in opts.operands]
    target = hosts[-1] if hosts else "another machine"
    user, at, host = target.rpartition("@")
    if not at:
        user, host = "", target
    if user == "root":
        reason = f"lets the key's holder log in to {host} as root from now on (ssh-copy-id)"
        ctx.add(HIGH, reason, command)
    elif key and not _own(key):
        reason = f"lets whoever holds {key} log in to {target} from now on (ssh-copy-id)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"adds your SSH key to {target}: you log in there by key", command)


def _own(key: str) -> bool:
    folder, name = posixpath.split(key.removesuffix(".pub"))
    return name in _OWN_KEY and folder in ("~/.ssh", "", "$HOME/.ssh")


RULES: dict[str, Rule] = {"ssh-copy-id": ssh_copy_id}
