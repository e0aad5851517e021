"""What the person must do to run a rated command, by safety level, patterns and override.

| level      | strict                      | moderate (default)          | permissive   |
|------------|-----------------------------|-----------------------------|--------------|
| safe       | confirm_key                 | confirm_key                 | run          |
| moderate   | confirm_yes                 | confirm_key                 | confirm_key  |
| high       | blocked; override: word     | confirm_yes                 | confirm_key  |
| critical   | blocked, even with override | blocked; override: word     | confirm_word |

confirm_key: one key press. confirm_yes: type "yes". confirm_word: type the command's first
word (in `required_text`). A `deny` pattern blocks at every level, override or not. An `allow`
pattern lowers the level to at most MODERATE, except when a finding is CRITICAL (a note says
so). Patterns are shell globs (fnmatch), e.g. "git push *", matched against each simple command
on its own (never across `;`, `&&`, `||`, `|`) with its whitespace collapsed, as written and with
its wrappers (sudo, env, command, nohup, xargs, ...) taken off. A NUL byte makes a command
unusable: blocked, whatever the level or the override.
"""

from __future__ import annotations

import fnmatch
import shlex
from dataclasses import dataclass, replace
from typing import Literal

from tui.core.safety.model import Assessment, RiskLevel

Action = Literal["run", "confirm_key", "confirm_yes", "confirm_word", "blocked"]
LEVELS = ("strict", "moderate", "permissive")
_BLOCK = "block"
_TABLE: dict[str, dict[RiskLevel, str]] = {
    "strict": {
        RiskLevel.SAFE: "confirm_key",
        RiskLevel.MODERATE: "confirm_yes",
        RiskLevel.HIGH: "override_word",
        RiskLevel.CRITICAL: _BLOCK,
    },
    "moderate": {
        RiskLevel.SAFE: "confirm_key",
        RiskLevel.MODERATE: "confirm_key",
        RiskLevel.HIGH: "confirm_yes",
        RiskLevel.CRITICAL: "override_word",
    },
    "permissive": {
        RiskLevel.SAFE: "run",
        RiskLevel.MODERATE: "confirm_key",
        RiskLevel.HIGH: "confirm_key",
        RiskLevel.CRITICAL: "confirm_word",
    },
}


@dataclass(frozen=True)
class SafetyPolicy:
    """The person's safety settings ([safety] in the config file)."""

    level: str = "moderate"
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.level not in LEVELS:
            raise ValueError(f"safety level must be one of {', '.join(LEVELS)}, not {self.level!r}")


@dataclass(frozen=True)
class Decision:
    """What running the command takes: `action`, a prompt for the person, the text to type."""

    action: Action
    prompt: str
    required_text: str | None = None


def normalised_command(command: str) -> str:
    """The command with its whitespace collapsed, as patterns see it."""
    return " ".join(command.split())


def matching(patterns: tuple[str, ...], forms: tuple[str, ...] | str) -> str | None:
    """The first pattern that matches one of `forms` (a simple command's forms), or None."""
    texts = (forms,) if isinstance(forms, str) else forms
    for pattern in patterns:
        wanted = normalised_command(pattern)
        for text in texts:
            try:
                if fnmatch.fnmatchcase(normalised_command(text), wanted):
                    return pattern
            except (TypeError, ValueError):
                continue
    return None


def _denied(assessment: Assessment, policy: SafetyPolicy) -> str | None:
    """A deny pattern matching any simple command; with none known (the analyser could not
    read the command), the whole text is matched, so a deny still holds."""
    if not policy.deny:
        return None
    if not assessment.simple_commands:
        return matching(policy.deny, assessment.command)
    for forms in assessment.simple_commands:
        found = matching(policy.deny, forms)
        if found is not None:
            return found
    return None


def apply_patterns(assessment: Assessment, policy: SafetyPolicy) -> Assessment:
    """Applies the person's deny and allow patterns to an assessment (idempotent).

    Each pattern is matched against each simple command on its own (never across `;`, `&&`,
    `||` or `|`), as written and with its wrappers taken off. An allow pattern lowers only the
    findings of the simple commands it matches, to moderate at most, and never a critical one.
    """
    raw = assessment.finding_level
    notes = list(assessment.notes)
    denied = _denied(assessment, policy)
    if denied is not None:
        note = f"matches your deny pattern `{denied}`: always blocked"
        notes.append(note)
        return replace(assessment, level=raw, notes=tuple(dict.fromkeys(notes)), denied_by=denied)
    level = RiskLevel.SAFE
    allowed: str | None = None
    for finding in assessment.findings:
        pattern = matching(policy.allow, finding.subjects) if finding.subjects else None
        if pattern is None:
            level = max(level, finding.level)
        elif finding.level >= RiskLevel.CRITICAL:
            level = max(level, finding.level)
            notes.append(f"your allow pattern `{pattern}` does not apply to critical findings")
        else:
            allowed = allowed or pattern
            level = max(level, min(finding.level, RiskLevel.MODERATE))
    if allowed is not None and level < raw:
        notes.append(
            f"your allow pattern `{allowed}` lowers the level from {raw.label} to {level.label}"
        )
    return replace(assessment, level=level, notes=tuple(dict.fromkeys(notes)), allowed_by=allowed)


def first_word(command: str) -> str:
    """The command's first word, which the person types to confirm a critical command."""
    try:
        words = shlex.split(command)
    except ValueError:
        words = command.split()
    return words[0] if words else command.strip()


def decide(assessment: Assessment, policy: SafetyPolicy, *, override: bool = False) -> Decision:
    """The confirmation a command needs under `policy` (see the table in this module)."""
    assessment = apply_patterns(assessment, policy)
    summary = _summary(assessment)
    if "\x00" in assessment.command:
        return Decision("blocked", "Blocked: it contains a NUL byte, which no shell can run.")
    if assessment.denied_by is not None:
        return Decision("blocked", f"Blocked: matches your deny pattern `{assessment.denied_by}`.")
    table = _TABLE.get(policy.level, _TABLE["moderate"])
    step = table[assessment.level]
    word = first_word(assessment.command) or "yes"
    if step == _BLOCK:
        return Decision(
            "blocked",
            f"Blocked at the {policy.level} safety level: {summary}. "
            "Choose a less strict level to run it.",
        )
    if step == "override_word" and not override:
        return Decision("blocked", f"Blocked: {summary}. Override explicitly to run it anyway.")
    if step in ("override_word", "confirm_word"):
        return Decision("confirm_word", f"{summary}. Type `{word}` to run it.", word)
    if step == "confirm_yes":
        return Decision("confirm_yes", f"{summary}. Type yes to run it.", "yes")
    if step == "confirm_key":
        return Decision("confirm_key", f"{summary}. Press a key to run it.")
    return Decision("run", summary)


def _summary(assessment: Assessment) -> str:
    level = assessment.level.label.capitalize()
    if not assessment.reasons:
        return f"{level} risk"
    return f"{level} risk: {assessment.reasons[0]}"
