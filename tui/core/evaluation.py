"""Scoring predicted commands against references, case by case and in aggregate.

A prediction "matches" when it uses the same set of utilities as the reference
(`du -sh * | sort -h` and `du -h -d1 | sort -hr` match; `ls -S` does not).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.core.shellwords import flags, utilities


@dataclass(frozen=True)
class Case:
    request: str
    reference: str
    category: str = ""


@dataclass(frozen=True)
class CaseResult:
    case: Case
    predicted: str | None
    latency_s: float
    error: str = ""

    @property
    def usable(self) -> bool:
        return self.predicted is not None

    @property
    def utility_match(self) -> bool:
        return self.predicted is not None and utilities(self.predicted) == utilities(
            self.case.reference
        )

    @property
    def exact(self) -> bool:
        return self.predicted is not None and " ".join(self.predicted.split()) == " ".join(
            self.case.reference.split()
        )

    @property
    def flag_overlap(self) -> float:
        """Jaccard overlap of option flags (1.0 when neither has any)."""
        if self.predicted is None:
            return 0.0
        ours, theirs = flags(self.predicted), flags(self.case.reference)
        if not ours and not theirs:
            return 1.0
        return len(ours & theirs) / len(ours | theirs)


@dataclass(frozen=True)
class Summary:
    cases: int
    utility_match: float
    usable: float
    exact: float
    flag_overlap: float
    latency_p50_s: float
    latency_p90_s: float

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def summarise(results: Iterable[CaseResult]) -> Summary:
    rows = list(results)
    count = len(rows) or 1
    latencies = sorted(r.latency_s for r in rows) or [0.0]
    return Summary(
        cases=len(rows),
        utility_match=sum(r.utility_match for r in rows) / count,
        usable=sum(r.usable for r in rows) / count,
        exact=sum(r.exact for r in rows) / count,
        flag_overlap=sum(r.flag_overlap for r in rows) / count,
        latency_p50_s=statistics.median(latencies),
        latency_p90_s=latencies[min(len(latencies) - 1, int(0.9 * len(latencies)))],
    )


def load_cases(path: Path) -> list[Case]:
    """A JSONL file of {"request", "reference"[, "category"]} objects."""
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            cases.append(Case(row["request"], row["reference"], row.get("category", "")))
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise ValueError(f"{path}:{number}: not a case ({error})") from None
    return cases
