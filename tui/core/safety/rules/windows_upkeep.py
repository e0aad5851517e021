"""Windows upkeep tools: disk checks (chkdsk only reads unless told to fix), boot-record repair
(bootrec rewrites what starts the machine) and the clock (Set-Date, w32tm's time source).
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.rules.windows_system import Handler, flags_of
from tui.core.safety.windows import Statement

MODERATE = RiskLevel.MODERATE
HIGH = RiskLevel.HIGH

_CHKDSK_CHANGES = frozenset(("/f", "/r", "/x", "/b", "/spotfix", "/offlinescanandfix"))
_BOOTREC_WRITES = frozenset(("/fixmbr", "/fixboot", "/rebuildbcd"))


def chkdsk(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """`chkdsk C:` only reports; /f, /r and /x lock the drive and change it to repair it."""
    if flags_of(st) & _CHKDSK_CHANGES:
        ctx.add(MODERATE, "repairs a drive's filesystem in place (chkdsk)", st.text)


def bootrec(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """bootrec /fixmbr, /fixboot, /rebuildbcd rewrite the records the machine starts from."""
    if flags_of(st) & _BOOTREC_WRITES:
        ctx.add(HIGH, "rewrites the boot records the machine starts from (bootrec)", st.text)
    elif st.args:
        ctx.add(MODERATE, "looks for Windows installations to boot (bootrec)", st.text)


def set_date(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """Set-Date: a wrong clock breaks certificates, sign-ins and logs (as `date -s`)."""
    ctx.add(HIGH, "sets the system clock by hand", st.text)


def w32tm(st: Statement, ctx: Context, previous: Statement | None) -> None:
    """w32tm: `/query`, `/stripchart`, `/tz` only show; `/config` changes where the clock
    comes from; `/resync` asks the usual source again."""
    flags = flags_of(st)
    if any(f.startswith("/config") for f in flags) and any(
        f.startswith(("/manualpeerlist", "/syncfromflags", "/reliable")) for f in flags
    ):
        ctx.add(HIGH, "changes where the system clock takes its time from (w32tm)", st.text)
    elif flags & {"/config", "/register", "/unregister"}:
        ctx.add(MODERATE, "changes the Windows time service (w32tm)", st.text)
    elif "/resync" in flags:
        ctx.add(MODERATE, "sets the clock from its time source again (w32tm /resync)", st.text)


HANDLERS: dict[str, Handler] = {
    "chkdsk": chkdsk,
    "bootrec": bootrec,
    "set-date": set_date,
    "w32tm": w32tm,
}
