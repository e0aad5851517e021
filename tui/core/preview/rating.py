"""A preview's effect on a static rating: what it showed can raise the level, never lower it.

Deleting files, or changing existing files outside the working folder, raises the level to high
with the preview's own words as the reason; creating files outside the working folder (and the
temporary folders) or trying the network raises it to moderate. A preview that changed nothing
adds a note; it never lowers a level, so a static critical stays critical.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.preview.report import Report, _visible, summary_lines, tilde
from tui.core.safety.model import Assessment, Finding, RiskLevel

PREVIEW = "the preview shows it"
# Reasons of the static rating that say the effect depends on code it cannot read: inline
# code, a script, a program named at run time, an unknown program. (The rater's wording.)
UNRESOLVED = ("inline", "script", "at run time", "effect is unknown", "eval")


def worth_previewing(assessment: Assessment) -> bool:
    """High and critical commands, and those whose effect the static rating cannot know."""
    if assessment.level >= RiskLevel.HIGH:
        return True
    return any(marker in reason for reason in assessment.reasons for marker in UNRESOLVED)


def preview_findings(report: Report) -> list[Finding]:
    findings: list[Finding] = []
    deleted = report.of("deleted")
    if deleted:
        count = report.deleted_files()
        first = _visible(tilde(deleted[0].path, report.home))
        reason = f"{PREVIEW} deletes {count:,} file{'s' if count != 1 else ''} (e.g. {first})"
        findings.append(Finding(RiskLevel.HIGH, reason, report.command))
    outside = [c for c in report.outside() if c.op != "deleted"]
    changed = [c for c in outside if c.op != "created"]
    if changed:
        first = _visible(tilde(changed[0].path, report.home))
        reason = (
            f"{PREVIEW} changes {len(changed):,} existing item(s) outside the working folder "
            f"(e.g. {first})"
        )
        findings.append(Finding(RiskLevel.HIGH, reason, report.command))
    created = [c for c in outside if c.op == "created"]
    if created:
        first = _visible(tilde(created[0].path, report.home))
        reason = (
            f"{PREVIEW} writes {len(created):,} new item(s) outside the working folder "
            f"(e.g. {first})"
        )
        findings.append(Finding(RiskLevel.MODERATE, reason, report.command))
    if any(r.kind == "inet" for r in report.reaches):
        reason = f"{PREVIEW} tries to reach the network (blocked in the preview)"
        findings.append(Finding(RiskLevel.MODERATE, reason, report.command))
    return findings


def with_preview(assessment: Assessment, report: Report) -> Assessment:
    """`assessment` with the preview's findings added; its level is never lowered."""
    findings = preview_findings(report)
    notes = list(assessment.notes)
    if not report.changed:
        notes.append("the preview shows nothing changed in the files it could see")
    elif not findings:
        notes.append("the preview: " + summary_lines(report)[0])
    if report.timed_out:
        notes.append("the preview stopped at its time limit: it may not show everything")
    merged = sorted((*assessment.findings, *findings), key=lambda finding: -finding.level)
    reasons = list(dict.fromkeys(f.reason for f in merged))
    level = max([assessment.level, *(f.level for f in findings)])
    return replace(
        assessment,
        level=level,
        reasons=tuple(reasons),
        findings=tuple(merged),
        notes=tuple(dict.fromkeys(notes)),
    )
