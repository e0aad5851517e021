"""Windows administration: directory accounts removed in bulk, the machine's PATH replaced,
disk and audit tools in the forms that only list.

`Get-ADUser -Filter * | Remove-ADUser` deletes every account of the domain: nobody can log in
and the accounts come back only from a backup (CRITICAL); a filtered list or one account is
HIGH. `[Environment]::SetEnvironmentVariable('Path', ..., 'Machine')` and `setx /M PATH`
replace the program search path of every user: Windows' own tools stop being found (HIGH).
`echo list disk | diskpart` and `auditpol /get` only read; `auditpol /set ... disable`,
`/clear` and `/remove` switch off the security audit trail (HIGH).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.rules import exported_checks
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE
from tui.core.safety.windows import Statement

Handler = Callable[[Statement, Context, Statement | None], None]

# Cmdlets that list directory or local accounts, and those that delete what they are given.
_LISTERS = frozenset(
    "get-aduser get-adcomputer get-adobject get-adgroup get-adgroupmember get-localuser "
    "search-adaccount get-adserviceaccount".split()
)
REMOVERS = frozenset(
    "remove-aduser remove-adcomputer remove-adobject remove-adgroup remove-localuser "
    "remove-adserviceaccount".split()
)
_EVERY = lazy_pattern(
    r"-(?:ldap)?filter\s+['\"]?\*['\"]?(?:\s|$)|-ldapfilter\s+['\"]?\(objectclass=", re.I
)


def removes_accounts(
    st: Statement, ctx: Context, previous: Statement | None, fallback: Handler | None = None
) -> None:
    """`Get-ADUser -Filter * | Remove-ADUser`: every account the listing gives is deleted."""
    if previous is not None and previous.name in _LISTERS:
        listing = previous.text
        whole = (
            bool(_EVERY.search(listing))
            or previous.name == "get-adgroupmember"
            or (previous.name == "get-localuser" and len(previous.words) == 1)
        )
        if whole:
            reason = f"deletes every account {previous.words[0]} lists ({st.words[0]}): "
            ctx.add(
                CRITICAL, reason + "nobody can log in, and only a backup brings them back", st.text
            )
        else:
            reason = f"deletes the accounts {previous.words[0]} finds ({st.words[0]})"
            ctx.add(HIGH, reason, st.text)
        return
    if st.name.startswith("remove-ad"):
        ctx.add(HIGH, f"deletes a directory account ({st.words[0]})", st.text)
    elif fallback is not None:
        fallback(st, ctx, previous)


_MACHINE_PATH = lazy_pattern(
    r"setenvironmentvariable\(\s*['\"]path['\"]\s*,(?P<value>[^,]*),\s*"
    r"(?:['\"]machine['\"]|\[(?:system\.)?environmentvariabletarget\]::machine)",
    re.I,
)
_MACHINE_ANY = lazy_pattern(
    r"setenvironmentvariable\(.*(?:['\"]machine['\"]|environmentvariabletarget\]::machine)", re.I
)


def machine_environment(text: str, ctx: Context) -> None:
    """`[Environment]::SetEnvironmentVariable('Path', '', 'Machine')`."""
    match = _MACHINE_PATH.search(text)
    if match is not None:
        value = match.group("value").strip().strip("'\"")
        what = "empties" if value in ("", "$null") else "replaces"
        reason = (
            f"{what} the PATH of every user on the machine: Windows' own tools stop being found"
        )
        ctx.add(HIGH, reason, text[:200])
    elif _MACHINE_ANY.search(text):
        ctx.add(MODERATE, "sets an environment variable for every user of the machine", text[:200])


def setx(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`setx /M PATH "..."`: setx replaces the variable (and cuts it at 1024 characters)."""
    lowered = [w.lower() for w in st.args]
    machine = "/m" in lowered
    names = [w for w in lowered if not w.startswith("/")]
    if machine and names[:1] == ["path"]:
        reason = "replaces the PATH of every user on the machine (setx /M): tools stop being found"
        ctx.add(HIGH, reason, st.text)
    elif machine:
        ctx.add(MODERATE, "sets an environment variable for every user (setx /M)", st.text)
    elif names[:1] == ["path"] and names[1:2] in ([], ['""'], ["''"]) and len(st.args) <= 2:
        reason = "empties your account's PATH (setx): programs you installed stop being found"
        ctx.add(HIGH, reason, st.text)
    else:
        ctx.add(MODERATE, "sets an environment variable for your account (setx)", st.text)
    values = [w for w in st.args if not w.startswith("/")]
    weakened = exported_checks.tls_off(values[0].upper(), values[1]) if len(values) > 1 else None
    if weakened is not None:  # `setx NODE_TLS_REJECT_UNAUTHORIZED 0`: for good, not one session
        ctx.add(HIGH, weakened.replace("every later command", "every program from now on"), st.text)


# diskpart commands that only show: `list disk`, `detail volume`, `select disk 0`.
_DISKPART_READS = frozenset("list detail select sel exit help rem".split())
_ECHOED = lazy_pattern(r"\becho\s+(\w+)", re.I)


def diskpart_reads(previous: Statement | None) -> bool:
    """`echo list disk | diskpart`: the script fed in only lists or shows."""
    if previous is None:
        return False
    text = previous.text.lower()
    verbs = _ECHOED.findall(text)
    if not verbs or text.count("echo") != len(verbs):
        return False
    return all(verb in _DISKPART_READS for verb in verbs)


_AUDIT_READS = frozenset(("/get", "/list", "/?"))


def auditpol(st: Statement, ctx: Context, previous: Statement | None) -> None:
    lowered = [w.lower() for w in st.args]
    verb = lowered[0].split(":", 1)[0] if lowered else ""
    if verb in _AUDIT_READS:
        return
    if verb in ("/clear", "/remove") or (verb == "/set" and any("disable" in w for w in lowered)):
        ctx.add(
            HIGH,
            "switches off Windows security auditing (auditpol): actions leave no trace",
            st.text,
        )
    else:
        ctx.add(MODERATE, "changes Windows' audit policy (auditpol)", st.text)
