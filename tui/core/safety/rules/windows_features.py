"""BitLocker (manage-bde and its cmdlets) and DISM: reports are safe; a drive left decrypted or
without its keys, or protection suspended with no end, is HIGH; other changes are moderate.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import Handler, params_of
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH
CRITICAL = RiskLevel.CRITICAL

_BDE_READS = frozenset(("-status", "-?", "/?", "-h", "-help"))
_UNPROTECTED = "the drive's data is no longer protected by BitLocker"


def manage_bde(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """manage-bde: `-status` and `-protectors -get` only show."""
    args = [a.lower() for a in st.args]
    if not args or args[0] in _BDE_READS or (args[0] == "-protectors" and "-get" in args):
        return
    if args[0] == "-off":
        ctx.add(HIGH, f"decrypts a drive: {_UNPROTECTED}", st.text)
    elif args[0] == "-forcerecovery":
        reason = "locks a drive until its recovery key is typed in: without the key, data is lost"
        ctx.add(HIGH, reason, st.text)
    elif args[0] == "-protectors" and ("-delete" in args or "-disable" in args):
        ctx.add(HIGH, f"removes or suspends a drive's BitLocker keys: {_UNPROTECTED}", st.text)
    else:
        ctx.add(MODERATE, f"changes a drive's BitLocker encryption (manage-bde {args[0]})", st.text)


def bitlocker_cmdlet(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Disable-BitLocker decrypts; Suspend-BitLocker with `-RebootCount 0` never resumes
    (the default, one restart, is how updates are installed)."""
    given = dict(params_of(st))
    if st.name in ("disable-bitlocker", "remove-bitlockerkeyprotector"):
        ctx.add(HIGH, f"decrypts a drive or removes its keys: {_UNPROTECTED}", st.text)
    elif st.name == "suspend-bitlocker" and given.get("rebootcount") == "0":
        ctx.add(HIGH, f"suspends BitLocker until turned back on: {_UNPROTECTED}", st.text)
    else:
        ctx.add(MODERATE, f"changes a drive's BitLocker encryption ({st.words[0]})", st.text)


_DISM_CHECKS = frozenset(("/scanhealth", "/checkhealth", "/analyzecomponentstore"))


def dism(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """DISM: `/Get-...` and the health checks only report."""
    args = [a.lower() for a in st.args]
    changes = {a for a in args if a.startswith("/") and a not in ("/online", "/english")}
    checks = changes & _DISM_CHECKS
    reads = {a for a in changes if a.startswith(("/get-", "/image:", "/?"))}
    if not changes - reads or (checks and changes - reads <= checks | {"/cleanup-image"}):
        return
    applied = next((a for a in args if a.startswith("/applydir:")), "")
    if "/apply-image" in changes and re.match(r"/applydir:[a-z]:\\?$", applied):
        ctx.add(CRITICAL, "writes a Windows image over a whole drive (DISM /Apply-Image)", st.text)
        return
    if "/remove-package" in changes or {"/disable-feature", "/remove"} <= changes:
        ctx.add(HIGH, "removes an installed Windows update or component (DISM)", st.text)
        return
    ctx.add(MODERATE, "changes Windows' components or image (DISM)", st.text)


HANDLERS: dict[str, Handler] = {
    "manage-bde": manage_bde,
    **dict.fromkeys(
        "disable-bitlocker suspend-bitlocker enable-bitlocker resume-bitlocker "
        "remove-bitlockerkeyprotector add-bitlockerkeyprotector".split(),
        bitlocker_cmdlet,
    ),
    "dism": dism,
}
