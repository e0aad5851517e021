"""Scoring predicted commands against references, case by case, in aggregate and per utility,
and running a file of cases through a backend.

A prediction "matches" when it uses the same set of utilities as the reference
(`du -sh * | sort -h` and `du -h -d1 | sort -hr` match; `ls -S` does not).
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.backends.base import Backend, BackendError, ErrorKind, Timings
from tui.core.generation.pipeline import GenerationSettings, ShellContext, generate_command
from tui.core.generation.shellwords import first_utility, flags, utilities

# Every case runs in the same made-up context, so that scores do not depend on where caro runs.
EVAL_CONTEXT = ShellContext(os_name="Linux", shell="bash", cwd="/home/user/project")
# Failures that would fail every case alike: the run stops at the first one.
FATAL_KINDS = frozenset(
    {
        ErrorKind.CONNECTION,
        ErrorKind.UNAVAILABLE,
        ErrorKind.MODEL_MISSING,
        ErrorKind.AUTH,
        ErrorKind.CONFIG,
    }
)
NO_UTILITY = "(none)"


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
    # Tokens generated for this answer, all candidates together (None when not reported).
    tokens: int | None = None
    # Prompt tokens the first try evaluated, not found in the engine's cache (None: unknown).
    prefilled: int | None = None

    @property
    def usable(self) -> bool:
        return self.predicted is not None

    @property
    def utility_match(self) -> bool:
        return self.predicted is not None and utilities(self.predicted) == utilities(
            self.case.reference
        )

    @property
    def first_utility_match(self) -> bool:
        """The answer starts with the reference's utility (`ls -a | wc -l` for `ls -A`)."""
        return self.predicted is not None and first_utility(self.predicted) == first_utility(
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
    latency_max_s: float = 0.0
    first_utility_match: float = 0.0
    tokens_mean: float = 0.0
    prefilled_mean: float = 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in self.__dict__.items()}


def summarise(results: Iterable[CaseResult]) -> Summary:
    rows = list(results)
    count = len(rows) or 1
    latencies = sorted(r.latency_s for r in rows) or [0.0]
    tokens = [r.tokens for r in rows if r.tokens is not None]
    prefilled = [r.prefilled for r in rows if r.prefilled is not None]
    # p90 by nearest rank: with few cases it is an observed latency, never an interpolation.
    return Summary(
        cases=len(rows),
        utility_match=sum(r.utility_match for r in rows) / count,
        usable=sum(r.usable for r in rows) / count,
        exact=sum(r.exact for r in rows) / count,
        flag_overlap=sum(r.flag_overlap for r in rows) / count,
        latency_p50_s=statistics.median(latencies),
        latency_p90_s=latencies[min(len(latencies) - 1, int(0.9 * len(latencies)))],
        latency_max_s=latencies[-1],
        first_utility_match=sum(r.first_utility_match for r in rows) / count,
        tokens_mean=statistics.fmean(tokens) if tokens else 0.0,
        prefilled_mean=statistics.fmean(prefilled) if prefilled else 0.0,
    )


def reference_utility(case: Case) -> str:
    return first_utility(case.reference) or NO_UTILITY


def by_utility(results: Iterable[CaseResult]) -> dict[str, Summary]:
    """A summary per first utility of the reference, the most frequent first."""
    groups: dict[str, list[CaseResult]] = {}
    for result in results:
        groups.setdefault(reference_utility(result.case), []).append(result)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    return {utility: summarise(rows) for utility, rows in ordered}


IN_BANK = "in bank"
OUT_OF_BANK = "out of bank"


def bank_split(results: Iterable[CaseResult], bank_utilities: Set[str]) -> dict[str, Summary]:
    """Summaries of the cases whose reference's first utility the bank shows, and the rest."""
    groups: dict[str, list[CaseResult]] = {IN_BANK: [], OUT_OF_BANK: []}
    for result in results:
        inside = reference_utility(result.case) in bank_utilities
        groups[IN_BANK if inside else OUT_OF_BANK].append(result)
    return {name: summarise(rows) for name, rows in groups.items() if rows}


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


ResultListener = Callable[[int, CaseResult], None]


async def run_cases(
    backend: Backend,
    cases: Sequence[Case],
    *,
    settings: GenerationSettings | None = None,
    context: ShellContext = EVAL_CONTEXT,
    model: str | None = None,
    on_result: ResultListener | None = None,
) -> list[CaseResult]:
    """Each case through the whole pipeline (retrieval, best-of-n, extraction), timed.

    A failure of one answer (a cut stream, a bad response) is that case's error; a failure
    that every case would meet (the backend is down, the model is missing) stops the run.
    """
    results = []
    for index, case in enumerate(cases):
        started = time.perf_counter()
        try:
            answer = await generate_command(
                backend,
                case.request,
                context=context,
                settings=settings or GenerationSettings(),
                model=model,
            )
            result = CaseResult(
                case,
                answer.command,
                time.perf_counter() - started,
                answer.error,
                answer.timings.completion_tokens if answer.timings else None,
                _prefilled(answer.timings),
            )
        except BackendError as error:
            if error.kind in FATAL_KINDS:
                raise
            result = CaseResult(case, None, time.perf_counter() - started, str(error))
        results.append(result)
        if on_result:
            on_result(index, result)
    return results


def _prefilled(timings: Timings | None) -> int | None:
    if timings is None or timings.prompt_tokens is None:
        return None
    return timings.prompt_tokens - (timings.cached_prompt_tokens or 0)


@dataclass(frozen=True)
class EvalReport:
    backend: str
    model: str
    cases_file: str
    summary: Summary
    results: list[CaseResult] = field(default_factory=list)
    bank_utilities: frozenset[str] = frozenset()

    @property
    def per_utility(self) -> dict[str, Summary]:
        return by_utility(self.results)

    @property
    def split(self) -> dict[str, Summary]:
        return bank_split(self.results, self.bank_utilities) if self.bank_utilities else {}

    def as_dict(self, *, per_utility: bool = False, cases: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "backend": self.backend,
            "model": self.model,
            "cases_file": self.cases_file,
            "summary": self.summary.as_dict(),
            "bank_split": {name: s.as_dict() for name, s in self.split.items()},
        }
        if per_utility:
            data["per_utility"] = {u: s.as_dict() for u, s in self.per_utility.items()}
        if cases:
            data["cases"] = [
                {
                    "request": r.case.request,
                    "reference": r.case.reference,
                    "predicted": r.predicted,
                    "utility_match": r.utility_match,
                    "first_utility_match": r.first_utility_match,
                    "exact": r.exact,
                    "flag_overlap": round(r.flag_overlap, 4),
                    "latency_s": round(r.latency_s, 4),
                    "tokens": r.tokens,
                    "error": r.error or None,
                }
                for r in self.results
            ]
        return data
