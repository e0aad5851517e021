"""Tools whose everyday forms only look something up: openssl, the macOS `security` tool.

`openssl s_client -connect host:443` or `openssl x509 -noout -text` read and print; making keys
and certificates writes files. `security find-generic-password -s NAME` tells whether an item
exists; `-w`/`-g` print its password, and `delete-*` removes keychain items.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import files
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_OPENSSL_READS = frozenset(
    split_words(
        "s_client version ciphers verify x509 req crl asn1parse pkcs7 dgst errstr list help "
        "s_time speed sess_id ocsp storeutl base64 enc rand prime"
    )
)
# Options that make a reading subcommand write or create something.
_OPENSSL_WRITES = frozenset(split_words("-out -new -x509 -newkey -keyout -sign -signkey -CA"))


def openssl(command: Command, ctx: Context) -> None:
    argv = command.argv
    sub = argv[0] if argv else ""
    if sub in _OPENSSL_READS and not any(a.split("=", 1)[0] in _OPENSSL_WRITES for a in argv):
        return
    files.openssl_writes(command, ctx)


def security(command: Command, ctx: Context) -> None:
    """macOS `security`: keychains, certificates and trust settings."""
    argv = command.argv
    sub = argv[0] if argv else ""
    reveals = any(a[:1] == "-" and a[1:2] != "-" and set(a[1:]) & {"w", "g"} for a in argv[1:])
    if sub.startswith("find-") and not reveals:
        return
    if sub == "dump-keychain" and "-d" in argv:
        ctx.add(HIGH, "prints every password saved in the keychain (security)", command)
    elif sub.startswith("find-"):
        ctx.add(MODERATE, "prints a saved password from your keychain (security)", command)
    elif sub in ("list-keychains", "default-keychain", "show-keychain-info", "verify-cert"):
        if len(argv) > 1 and sub != "verify-cert" and "-s" in argv:
            ctx.add(MODERATE, "changes which keychains are used (security)", command)
    elif sub == "delete-keychain":
        reason = "deletes a whole keychain: the passwords in it may exist nowhere else (security)"
        ctx.add(CRITICAL, reason, command)
    elif sub in ("delete-certificate", "remove-trusted-cert") and any(
        "/Library/Keychains/" in a and a.startswith(("/System/", "/Library/")) for a in argv
    ):
        reason = "removes a certificate the whole Mac trusts: secure connections fail (security)"
        ctx.add(HIGH, reason, command)
    elif sub.startswith("delete-") or sub == "remove-trusted-cert":
        ctx.add(MODERATE, f"deletes keychain items or trust settings (security {sub})", command)
    elif sub == "add-trusted-cert":
        reason = "trusts a new certificate authority: it can vouch for any website (security)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"changes your keychain (security {sub})".replace(" )", ")"), command)


RULES: dict[str, Rule] = {"openssl": openssl, "security": security}
