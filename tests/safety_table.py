"""What the rater's case tables share: the level names, a command's level, the two checks
(a dangerous command reaches its floor; a near miss stays at or below its ceiling), each failing
with the rater's reasons, and the row the rater does not meet yet."""

from __future__ import annotations

import pytest

from tui.core.safety import RiskLevel, assess

SAFE, MODERATE, HIGH, CRITICAL = (
    RiskLevel.SAFE,
    RiskLevel.MODERATE,
    RiskLevel.HIGH,
    RiskLevel.CRITICAL,
)


def level(command: str) -> RiskLevel:
    return assess(command, preflight=False).level


def reaches(command: str, floor: RiskLevel) -> None:
    assert level(command) >= floor, assess(command, preflight=False).reasons


def stays_within(command: str, ceiling: RiskLevel) -> None:
    assert level(command) <= ceiling, assess(command, preflight=False).reasons


def gap(command: str, bound: RiskLevel, reason: str) -> object:
    """A row the rater does not meet yet: a strict xfail, so it fails once the rater meets it."""
    return pytest.param(command, bound, marks=pytest.mark.xfail(strict=True, reason=reason))
