"""Encrypting with a key made in the same word and kept nowhere: `openssl enc -pass
pass:$(openssl rand -hex 32)`, `gpg -c --passphrase "$(head -c32 /dev/urandom)"`. What is
encrypted cannot be read again; run by `find -exec` over many files it is ransomware's shape."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH

# A substitution or variable that yields random bytes each time it is read.
_RANDOM = lazy_pattern(
    r"\$\([^)]*(?:\brand\b|/dev/u?random|uuidgen|\bmktemp\b|\bpwgen\b|\bshuf\b)|"
    r"`[^`]*(?:\brand\b|/dev/u?random|uuidgen)|\$\{?(?:RANDOM|SRANDOM)\b"
)
_KEY_OPTIONS = frozenset(("-k", "-K", "-pass", "--passphrase"))


def _thrown_key(command: Command) -> bool:
    words = command.args
    for index, word in enumerate(words):
        value = word.value
        attached = value.startswith("--passphrase=")
        key = words[index + 1].raw if value in _KEY_OPTIONS and index + 1 < len(words) else ""
        if _RANDOM.search(key) or (attached and _RANDOM.search(word.raw)):
            return True
    return False


_CIPHERS = ("enc", "aes", "des", "chacha", "camellia", "aria", "bf", "cast", "sm4", "seed")


def _encrypts(command: Command) -> bool:
    argv = command.argv
    if command.name == "openssl":
        return bool(argv) and argv[0].lower().startswith(_CIPHERS) and "-d" not in argv
    return any(a in ("-c", "--symmetric", "-e", "--encrypt") for a in argv)  # gpg


def throwaway_key(command: Command, ctx: Context) -> None:
    if not (_thrown_key(command) and _encrypts(command)):
        return
    if "find" in command.via or "xargs" in command.via:
        reason = "encrypts every file found with a key it never keeps (ransomware)"
        ctx.add(CRITICAL, reason, command)
    else:
        ctx.add(HIGH, "encrypts with a random key it never keeps: it cannot be read again", command)
