"""The result types of a risk assessment: levels, findings and the assessment itself."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class RiskLevel(enum.IntEnum):
    """How much harm a command can do, in increasing order."""

    SAFE = 0
    MODERATE = 1
    HIGH = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        """The lower-case name used in the UI, the config and JSON output ("safe", ...)."""
        return self.name.lower()

    @classmethod
    def from_label(cls, label: str) -> RiskLevel:
        """The level named `label` ("safe", "moderate", "high" or "critical")."""
        try:
            return cls[label.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown risk level {label!r}") from None


@dataclass(frozen=True)
class Finding:
    """One thing found in a command: its level, a reason for a person, and where it was found."""

    level: RiskLevel
    reason: str
    command: str
    # The simple command it was found in, as allow patterns see it (see policy.py); empty when
    # it was found in no one simple command (a pipeline, the request, the text as a whole).
    subjects: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """The rating of one command.

    `level` is the highest finding level (possibly lowered by an allow pattern, see `notes`),
    `reasons` the distinct finding reasons, most severe first, `notes` things worth knowing that
    do not change the level (pre-flight checks, patterns that applied), and `parsed` says whether
    tree-sitter read the whole command without a syntax error.
    """

    level: RiskLevel
    reasons: tuple[str, ...]
    findings: tuple[Finding, ...]
    notes: tuple[str, ...]
    parsed: bool
    command: str = ""
    denied_by: str | None = None
    allowed_by: str | None = None
    # Each simple command (wherever it stands) in the forms patterns match: as written and
    # with each wrapper (sudo, env, command, xargs, ...) taken off.
    simple_commands: tuple[tuple[str, ...], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary: {"level": "high", "reasons": [...], "notes": [...]}."""
        return {
            "level": self.level.label,
            "reasons": list(self.reasons),
            "notes": list(self.notes),
        }

    @property
    def finding_level(self) -> RiskLevel:
        """The highest level among the findings, before any allow pattern lowered it."""
        return max((f.level for f in self.findings), default=RiskLevel.SAFE)


def summarise(
    command: str,
    findings: list[Finding],
    notes: list[str],
    *,
    parsed: bool,
    simple_commands: tuple[tuple[str, ...], ...] = (),
) -> Assessment:
    """Builds an Assessment from raw findings: dedupes them and orders them by level."""
    unique: dict[tuple[RiskLevel, str, str, tuple[str, ...]], Finding] = {}
    for finding in findings:
        key = (finding.level, finding.reason, finding.command, finding.subjects)
        unique.setdefault(key, finding)
    ordered = sorted(unique.values(), key=lambda f: -f.level)
    reasons: list[str] = []
    for finding in ordered:
        if finding.reason not in reasons:
            reasons.append(finding.reason)
    level = max((f.level for f in ordered), default=RiskLevel.SAFE)
    return Assessment(
        level=level,
        reasons=tuple(reasons),
        findings=tuple(ordered),
        notes=tuple(dict.fromkeys(notes)),
        parsed=parsed,
        command=command,
        simple_commands=simple_commands,
    )
