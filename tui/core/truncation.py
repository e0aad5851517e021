"""An answer cut at max_tokens is not rated on its cut text alone: what came after the cut is
unknown, so its command is never rated safe and the reason says why."""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.model import Assessment, RiskLevel

CUT_REASON = "the answer was cut at max_tokens: the rest of the command is unknown"


def rate_cut(assessment: Assessment) -> Assessment:
    """The rating of a command whose answer was cut: at least moderate, with the reason first."""
    if CUT_REASON in assessment.reasons:
        return assessment
    return replace(
        assessment,
        level=max(assessment.level, RiskLevel.MODERATE),
        reasons=(CUT_REASON, *assessment.reasons),
    )
