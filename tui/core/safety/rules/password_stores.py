"""Password managers on the command line: pass, gopass, Bitwarden, 1Password, KeePassXC, LastPass.

Listing entries, checking the status or generating a password only reports. Showing one entry
or copying it to the clipboard is routine. Exporting the whole vault in plain text, or removing
a folder of entries or a whole vault, is HIGH. What a shown entry is piped into (`| nc`) is rated
with the pipeline: `flow.secret_command` knows which of these verbs print secrets.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words


@dataclass(frozen=True)
class Store:
    """One password manager's verbs: those that only report, and those that export or delete."""

    reads: frozenset[str]
    exports: frozenset[str]
    deletes: frozenset[str]


def _store(reads: str, exports: str, deletes: str) -> Store:
    return Store(
        frozenset(split_words(reads)),
        frozenset(split_words(exports)),
        frozenset(split_words(deletes)),
    )


_PASS_READS = "ls list find search grep version help status"
STORES: dict[str, Store] = {
    "pass": _store(_PASS_READS, "", "rm remove delete"),
    "gopass": _store(_PASS_READS + " config audit recipients mounts", "", "rm remove delete"),
    "bw": _store("status list lock logout sync config generate completion", "export", "delete"),
    "op": _store("whoami account vault item document user group --version", "", "delete"),
    "keepassxc-cli": _store(
        "ls search locate db-info generate diceware estimate analyze", "export", "rm rmdir"
    ),
    "lpass": _store("ls status sync logout", "export", "rm"),
    "kwallet-query": _store("-l --list-entries", "", ""),
    "chamber": _store("list list-services history version", "export", "delete"),
}
# op's nouns whose `list`/`get` only report; `op vault delete` removes a whole vault.
_OP_READS = frozenset(split_words("list ls get"))
_ENCRYPTED_EXPORTS = ("encrypted_json",)


def password_store(command: Command, ctx: Context) -> None:
    name = command.name
    store = STORES[name]
    argv = command.argv
    verb = argv[0] if argv else ""
    if name == "op" and len(argv) > 1 and argv[1] in ("delete", "rm"):
        _op_delete(command, ctx)
        return
    if verb in store.exports:
        if any(a.endswith(_ENCRYPTED_EXPORTS) for a in argv):
            ctx.add(MODERATE, f"exports the vault in its encrypted form ({name} export)", command)
            return
        reason = f"writes every password in the vault out in plain text ({name} {verb})"
        ctx.add(HIGH, reason, command)
        return
    if verb in store.deletes:
        _delete(command, ctx)
        return
    if _only_reads(name, store, argv):
        return
    ctx.add(MODERATE, f"reads or changes entries of a password manager ({name})", command)


def _only_reads(name: str, store: Store, argv: list[str]) -> bool:
    if not argv:
        return name in ("pass", "gopass", "lpass")  # the tree of entry names, or the usage
    if name == "bw" and argv[:2] == ["list", "items"]:
        return False  # every item, passwords included
    if name == "op" and argv[0] in ("vault", "item", "document", "user", "group", "account"):
        return (
            len(argv) > 1 and argv[1] in _OP_READS and not (argv[0] == "item" and argv[1] == "get")
        )
    if name == "gopass" and argv[0] == "show":
        return False
    return argv[0] in store.reads


def _delete(command: Command, ctx: Context) -> None:
    """`pass rm -rf work`, `gopass rm -r websites`: a folder of entries, gone; one entry is
    routine (it stays in the store's git history)."""
    flags = "".join(a.lstrip("-") for a in command.argv[1:] if a.startswith("-") and a != "--")
    whole = command.name == "keepassxc-cli" and command.argv[0] == "rmdir"
    if "r" in flags or "recursive" in flags or whole:
        reason = f"deletes a whole folder of saved passwords ({command.name} {command.argv[0]})"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"deletes a saved password ({command.name} {command.argv[0]})", command)


def _op_delete(command: Command, ctx: Context) -> None:
    if command.argv[0] == "vault":
        ctx.add(HIGH, "deletes a whole 1Password vault and every item in it", command)
    else:
        ctx.add(MODERATE, f"deletes 1Password {command.argv[0]}s", command)


RULES: dict[str, Rule] = dict.fromkeys(STORES, password_store)
