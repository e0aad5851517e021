"""`assess`: the one entry point that rates a command (and the request that produced it)."""

from __future__ import annotations

from tui.core.display import displayable, hidden_characters
from tui.core.safety import intent
from tui.core.safety.analyser import Analyser
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import Assessment, Finding, RiskLevel, summarise
from tui.core.safety.policy import SafetyPolicy, apply_patterns
from tui.core.safety.preflight import preflight_notes
from tui.core.safety.request import check_request
from tui.core.safety.resolve import UNRESOLVED
from tui.core.safety.rules import windows as windows_rules
from tui.core.safety.windows import looks_like_windows, uncaret

MAX_INPUT_CHARS = 20_000
_MID_WORD_BREAK = lazy_pattern(r"(?<=[^\s\\])\\\n(?=[^\s])")
INTERNAL_ERROR = "internal error while checking"
HIDDEN_REASON = "contains invisible or control characters"
NUL_REASON = "contains a NUL byte, which no shell can run"


def assess(
    command: str,
    request: str | None = None,
    *,
    policy: SafetyPolicy | None = None,
    preflight: bool = True,
) -> Assessment:
    """Rates `command`: level, reasons, findings, notes. Never raises.

    `request` is the person's words; harmful intents in it add findings. `policy` applies the
    person's allow and deny patterns. `preflight` adds notes about missing programs and
    shellcheck's advice.
    """
    text = command if isinstance(command, str) else str(command)
    try:
        return _assess(text, request, policy, preflight=preflight)
    except Exception as error:  # noqa: BLE001 - a rating must come back whatever the input
        # Unchecked is not safe: HIGH makes the person type "yes" before it runs.
        finding = Finding(RiskLevel.HIGH, "caro could not check this command", text[:200])
        return Assessment(
            level=RiskLevel.HIGH,
            reasons=(finding.reason,),
            findings=(finding,),
            notes=(f"{INTERNAL_ERROR}: {type(error).__name__}: {error}",),
            parsed=False,
            command=text,
        )


def _assess(
    command: str, request: str | None, policy: SafetyPolicy | None, *, preflight: bool
) -> Assessment:
    ctx = Context()
    text = command
    if len(text) > MAX_INPUT_CHARS:
        ctx.notes.append(
            f"the command is {len(text)} characters long: only the first {MAX_INPUT_CHARS} "
            "were checked"
        )
        ctx.add(RiskLevel.MODERATE, "the command is too long to check in full", text[:80])
        text = text[:MAX_INPUT_CHARS]
    _hidden(text, ctx)
    plain = uncaret(text)  # `p^o^w^e^r^s^h^e^l^l`: cmd reads it as powershell
    if plain.strip() and looks_like_windows(plain):
        windows_rules.analyse(plain, ctx)
        _posix_safety_net(text, ctx)
    elif text.strip():
        # `r\<newline>m -rf ~`: bash drops a backslash-newline, joining the word it splits
        Analyser(ctx).analyse(_MID_WORD_BREAK.sub("", text))
    parsed = not ctx.errors
    if not parsed:
        ctx.notes.append("the command does not parse as shell: " + "; ".join(ctx.errors))
        ctx.add(
            RiskLevel.MODERATE,
            "the command has a syntax error, so parts of it may not have been checked",
            text[:200],
        )
    if request:
        for level, reason in check_request(request):
            ctx.add(level, reason, request[:200])
        overreach = intent.overreach(request, ctx.effects)
        if overreach is not None:
            ctx.add(RiskLevel.HIGH, overreach, text[:200])
    if preflight and text.strip():
        ctx.notes.extend(_safe_preflight(text, ctx))
    assessment = summarise(
        command,
        ctx.findings,
        ctx.notes,
        parsed=parsed,
        simple_commands=tuple(ctx.simple_commands),
    )
    return apply_patterns(assessment, policy) if policy is not None else assessment


def _hidden(text: str, ctx: Context) -> None:
    """What a person cannot read is never low risk: a control character (ESC, CR, ...), a
    bidi control or a zero-width character can make the command shown differ from the one
    that runs. Newlines and tabs are ordinary shell text."""
    found = hidden_characters(text)
    if not found:
        return
    shown = displayable(text, multiline=True)[:200]
    if "\x00" in text:
        ctx.add(RiskLevel.CRITICAL, NUL_REASON, shown)
    ctx.add(RiskLevel.HIGH, HIDDEN_REASON, shown)
    ctx.notes.append("hidden characters, shown as " + " ".join(found))


def _posix_safety_net(text: str, ctx: Context) -> None:
    """A command taken for Windows is also read as POSIX shell; what that reading finds at
    HIGH or above is kept, so a wrong guess can never hide `> /etc/passwd`."""
    posix = Context()
    Analyser(posix).analyse(text)
    ctx.findings.extend(
        f for f in posix.findings if f.level >= RiskLevel.HIGH and UNRESOLVED not in f.reason
    )
    ctx.effects.extend(posix.effects)


def _safe_preflight(text: str, ctx: Context) -> list[str]:
    try:
        return preflight_notes(text, ctx.programs, ctx.functions)
    except Exception as error:  # noqa: BLE001 - pre-flight is advice: it must never stop a rating
        return [f"pre-flight checks failed: {type(error).__name__}"]
