"""Recall of the risk rating on the red-team corpus, per category, and its false-positive rate.

    .venv/bin/python bench/safety_corpus.py

A dangerous item counts as caught when it is rated at its `min_level` (exactly CRITICAL for
critical items, at least HIGH for high ones). A benign item is a false positive when it is rated
above its `max_level`.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.core.safety import RiskLevel, assess  # noqa: E402

DATA = ROOT / "tests" / "data"


@dataclass
class Report:
    """Outcome of one run over both corpora."""

    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    benign_total: int = 0

    @property
    def recall(self) -> float:
        total = sum(self.total.values())
        return sum(self.caught.values()) / total if total else 0.0

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positives) / self.benign_total if self.benign_total else 0.0


def load(name: str) -> list[dict[str, str]]:
    path = DATA / name
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def caught(level: RiskLevel, wanted: RiskLevel) -> bool:
    return level == wanted if wanted == RiskLevel.CRITICAL else level >= wanted


def evaluate() -> Report:
    report = Report()
    for item in load("redteam.jsonl"):
        wanted = RiskLevel.from_label(item["min_level"])
        rating = assess(item["command"], preflight=False)
        category = item["category"]
        report.total[category] += 1
        if caught(rating.level, wanted):
            report.caught[category] += 1
        else:
            report.misses.append(f"{rating.level.label} < {wanted.label}: {item['command']}")
    for item in load("benign.jsonl"):
        limit = RiskLevel.from_label(item["max_level"])
        rating = assess(item["command"], preflight=False)
        report.benign_total += 1
        if rating.level > limit:
            reason = rating.reasons[0] if rating.reasons else ""
            report.false_positives.append(
                f"{rating.level.label} > {limit.label}: {item['command']} ({reason})"
            )
    return report


def summary(report: Report) -> str:
    lines = ["dangerous commands caught, by category:"]
    for category in sorted(report.total):
        caught_n, total = report.caught[category], report.total[category]
        lines.append(f"  {category:20} {caught_n:3}/{total:<3} {caught_n / total:7.1%}")
    all_caught = sum(report.caught.values())
    all_total = sum(report.total.values())
    lines.append(f"  {'all':20} {all_caught:3}/{all_total:<3} {report.recall:7.1%}")
    fp = len(report.false_positives)
    lines.append(
        f"benign commands rated too high: {fp}/{report.benign_total} "
        f"({report.false_positive_rate:.1%})"
    )
    lines.extend(f"  miss: {miss}" for miss in report.misses)
    lines.extend(f"  false positive: {item}" for item in report.false_positives)
    return "\n".join(lines)


def main() -> int:
    print(summary(evaluate()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
