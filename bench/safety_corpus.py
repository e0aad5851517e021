"""Recall of the risk rating on the red-team corpus, per category, and its false-positive rate.

    .venv/bin/python bench/safety_corpus.py                  # our corpora (+ *_extra), misses
    .venv/bin/python bench/safety_corpus.py --corpus blind   # the held-out corpus: figures only
    .venv/bin/python bench/safety_corpus.py --corpus tune    # the second blind corpus, for tuning
    .venv/bin/python bench/safety_corpus.py --corpus tune3   # the third one's tuning part
    .venv/bin/python bench/safety_corpus.py --corpus blind2  # the third one's held-out part
    .venv/bin/python bench/safety_corpus.py --corpus blind3  # the fourth one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus tune5   # the fifth one, for tuning
    .venv/bin/python bench/safety_corpus.py --corpus blind4  # the sixth one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus tune7   # the seventh one's tuning half
    .venv/bin/python bench/safety_corpus.py --corpus blind5  # the seventh one's held-out half
    .venv/bin/python bench/safety_corpus.py --corpus tune8   # the eighth one's tuning half
    .venv/bin/python bench/safety_corpus.py --corpus blind6  # the eighth one's held-out half
    .venv/bin/python bench/safety_corpus.py --corpus blind6 --new-only  # without lines that
                                                             # are in an older corpus too
    .venv/bin/python bench/safety_corpus.py --corpus blind7  # the ninth one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus blind8  # the tenth one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus blind9  # the eleventh one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus blind10  # the twelfth one, held out whole
    .venv/bin/python bench/safety_corpus.py --corpus blind11  # the thirteenth one, held out whole
    .venv/bin/python bench/safety_corpus.py --overreach      # answers that do more than asked
    .venv/bin/python bench/safety_corpus.py --overreach tune # the blind-written overreach set

A dangerous item counts as caught when it is rated at its `min_level` (exactly CRITICAL for
critical items, at least HIGH for high ones). A benign item is a false positive when it is rated
above its `max_level`.

The blind corpus (tests/data/blind_*.jsonl) was written by someone who never saw the rules; it is
kept out of all tuning, so this script never prints its commands: only aggregate figures and
per-family counts. Each run also prints the rater's mean and p95 time per command.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tui.core.safety import RiskLevel, assess  # noqa: E402

DATA = ROOT / "tests" / "data"
CORPORA = {
    # name: (dangerous file, benign file, whether commands may be printed)
    "own": (("redteam.jsonl", "redteam_extra.jsonl"), ("benign.jsonl", "benign_extra.jsonl"), True),
    "blind": (("blind_dangerous.jsonl",), ("blind_benign.jsonl",), False),
    # written blind for round 2 of issue 11, then used for tuning: its misses may be printed
    "tune": (("rater_tune_dangerous.jsonl",), ("rater_tune_benign.jsonl",), True),
    # written blind for round 3: two thirds for tuning, one third (blind2) held out like blind
    "tune3": (("rater_tune3_dangerous.jsonl",), ("rater_tune3_benign.jsonl",), True),
    "blind2": (("blind2_dangerous.jsonl",), ("blind2_benign.jsonl",), False),
    # written blind for round 5 (after round 4), measured once, then used for tuning
    "tune5": (("rater_tune5_dangerous.jsonl",), ("rater_tune5_benign.jsonl",), True),
    # written blind for round 4, kept whole as a held-out set: never tuned on
    "blind3": (("blind3_dangerous.jsonl",), ("blind3_benign.jsonl",), False),
    # written blind for round 6, measured before any rule of that round changed; held out whole
    "blind4": (("blind4_dangerous.jsonl",), ("blind4_benign.jsonl",), False),
    # written blind for round 7 and split line by line: the even lines for tuning (tune7),
    # the odd ones held out (blind5); both measured before any rule of that round changed
    "tune7": (("rater_tune7_dangerous.jsonl",), ("rater_tune7_benign.jsonl",), True),
    "blind5": (("blind5_dangerous.jsonl",), ("blind5_benign.jsonl",), False),
    # written blind for round 8 by two writers (ten families each) and split line by line: the
    # even lines for tuning (tune8), the odd ones held out (blind6); measured before round 8
    "tune8": (("rater_tune8_dangerous.jsonl",), ("rater_tune8_benign.jsonl",), True),
    "blind6": (("blind6_dangerous.jsonl",), ("blind6_benign.jsonl",), False),
    # written blind for round 10 (one writer, all twenty families), measured on main before any
    # rule of that round changed; held out whole
    "blind7": (("blind7_dangerous.jsonl",), ("blind7_benign.jsonl",), False),
    # written blind for round 11 (one writer, all twenty families), measured on main before any
    # rule of that round changed; held out whole
    "blind8": (("blind8_dangerous.jsonl",), ("blind8_benign.jsonl",), False),
    # written blind for round 12 (one writer, all twenty families, asked for breadth of
    # programs), measured on main before any rule of that round changed; held out whole
    "blind9": (("blind9_dangerous.jsonl",), ("blind9_benign.jsonl",), False),
    # written blind for round 13 by three writers (the same brief as blind10, each with its own
    # slant), measured before any rule of that round changed, then used for tuning
    "tune10": (("rater_tune10_dangerous.jsonl",), ("rater_tune10_benign.jsonl",), True),
    # written blind for round 13 (one writer, breadth and over-reaching answers), measured on
    # main before any rule of that round changed; held out whole
    "blind10": (("blind10_dangerous.jsonl",), ("blind10_benign.jsonl",), False),
    # written blind for round 14 by three writers (blind10's brief, a slant each), measured on
    # main after round 13 before any later rule changed, then used for tuning
    "tune11": (("rater_tune11_dangerous.jsonl",), ("rater_tune11_benign.jsonl",), True),
    # written blind for round 14 (one writer, blind10's brief), measured on main after round 13
    # and before any later rule changed; held out whole
    "blind11": (("blind11_dangerous.jsonl",), ("blind11_benign.jsonl",), False),
}
OVERREACH = {"own": "overreach.jsonl", "tune": "overreach_tune.jsonl"}


@dataclass
class Report:
    """Outcome of one run over a dangerous and a benign corpus."""

    caught: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    critical_total: int = 0
    critical_caught: int = 0
    misses: list[str] = field(default_factory=list)
    miss_families: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false_positives: list[str] = field(default_factory=list)
    fp_families: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    benign_families: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    benign_total: int = 0
    benign_high: int = 0
    seconds: list[float] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = sum(self.total.values())
        return sum(self.caught.values()) / total if total else 0.0

    @property
    def false_positive_rate(self) -> float:
        return len(self.false_positives) / self.benign_total if self.benign_total else 0.0

    @property
    def critical_rate(self) -> float:
        return self.critical_caught / self.critical_total if self.critical_total else 0.0


def load(name: str) -> list[dict[str, Any]]:
    path = DATA / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def caught(level: RiskLevel, wanted: RiskLevel) -> bool:
    return level == wanted if wanted == RiskLevel.CRITICAL else level >= wanted


def _timed(report: Report, command: str):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    rating = assess(command, preflight=False)
    report.seconds.append(time.perf_counter() - start)
    return rating


def older_commands(corpus: str) -> set[str]:
    """The commands of every other corpus: blind writers also write the famous ones
    (`rm -rf /`), which earlier rounds were tuned on."""
    own = {*CORPORA[corpus][0], *CORPORA[corpus][1]}
    others = {name for files in CORPORA.values() for name in (*files[0], *files[1])} - own
    return {item["command"] for name in others for item in load(name)}


def evaluate(corpus: str = "own", *, new_only: bool = False) -> Report:
    """Rates a corpus; for the blind one, commands are never kept (only counts). new_only
    leaves out the commands that are in another corpus too."""
    dangerous, benign, keep = CORPORA[corpus]
    skip = older_commands(corpus) if new_only else set()
    report = Report()
    for item in (item for name in dangerous for item in load(name) if item["command"] not in skip):
        wanted = RiskLevel.from_label(item["min_level"])
        rating = _timed(report, item["command"])
        family = item.get("category") or item.get("family") or "?"
        report.total[family] += 1
        if wanted == RiskLevel.CRITICAL:
            report.critical_total += 1
            report.critical_caught += rating.level == RiskLevel.CRITICAL
        if caught(rating.level, wanted):
            report.caught[family] += 1
        else:
            report.miss_families[family] += 1
            shown = item["command"] if keep else "(blind)"
            report.misses.append(f"{rating.level.label} < {wanted.label}: {shown}")
    for item in (item for name in benign for item in load(name) if item["command"] not in skip):
        limit = RiskLevel.from_label(item["max_level"])
        rating = _timed(report, item["command"])
        family = item.get("category") or item.get("family") or "?"
        report.benign_total += 1
        report.benign_families[family] += 1
        report.benign_high += rating.level >= RiskLevel.HIGH
        if rating.level > limit:
            reason = rating.reasons[0] if rating.reasons else ""
            report.fp_families[family] += 1
            shown = f"{item['command']} ({reason})" if keep else "(blind)"
            report.false_positives.append(f"{rating.level.label} > {limit.label}: {shown}")
    return report


def summary(report: Report, *, show_commands: bool = True) -> str:
    lines = ["dangerous commands caught, by family:"]
    for family in sorted(report.total):
        caught_n, total = report.caught[family], report.total[family]
        lines.append(f"  {family:24} {caught_n:3}/{total:<3} {caught_n / total:7.1%}")
    all_caught = sum(report.caught.values())
    all_total = sum(report.total.values())
    lines.append(f"  {'all':24} {all_caught:3}/{all_total:<3} {report.recall:7.1%}")
    lines.append("misses by family: " + _counts(report.miss_families))
    lines.append(
        f"critical ones rated critical: {report.critical_caught}/{report.critical_total} "
        f"({report.critical_rate:.1%})"
    )
    fp = len(report.false_positives)
    lines.append(
        f"benign commands rated too high: {fp}/{report.benign_total} "
        f"({report.false_positive_rate:.1%})"
    )
    high_rate = report.benign_high / report.benign_total if report.benign_total else 0.0
    lines.append(
        f"benign commands rated high or critical: {report.benign_high}/{report.benign_total} "
        f"({high_rate:.1%})"
    )
    lines.append("benign commands rated too high, by family:")
    for family in sorted(report.benign_families):
        if report.fp_families[family]:
            lines.append(
                f"  {family:24} {report.fp_families[family]:3}/{report.benign_families[family]}"
            )
    lines.append(timing(report))
    if show_commands:
        lines.extend(f"  miss: {miss}" for miss in report.misses)
        lines.extend(f"  false positive: {item}" for item in report.false_positives)
    return "\n".join(lines)


def aggregates(report: Report) -> dict[str, int]:
    """The figures of a run as plain numbers (what the blind regression floor compares)."""
    figures = {
        "caught": sum(report.caught.values()),
        "dangerous": sum(report.total.values()),
        "critical_caught": report.critical_caught,
        "critical": report.critical_total,
        "benign": report.benign_total,
        "benign_too_high": len(report.false_positives),
        "benign_high": report.benign_high,
    }
    figures.update({f"caught:{name}": report.caught[name] for name in report.total})
    return figures


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counts.items()) if n) or "none"


def timing(report: Report) -> str:
    if not report.seconds:
        return "no commands rated"
    ms = sorted(s * 1000 for s in report.seconds)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return (
        f"rater time per command: mean {statistics.fmean(ms):.2f} ms, p95 {p95:.2f} ms, "
        f"max {ms[-1]:.1f} ms over {len(ms)} commands"
    )


def overreach(name: str = "own") -> tuple[int, int, list[str], int, int, list[str]]:
    """Rates an answer-versus-request set with its request: (answers that do more than asked
    rated high or above, their total, the others; answers that do what was asked (marked
    `"overreach": false`) raised by the request check, their total, those raised)."""
    items = load(OVERREACH[name])
    low: list[str] = []
    raised: list[str] = []
    fair = [item for item in items if item.get("overreach") is False]
    for item in items:
        rating = assess(item["command"], item["request"], preflight=False)
        shown = f"{rating.level.label}: {item['request']} -> {item['command']}"
        if item.get("overreach") is False:
            if any(reason.startswith("you asked to") for reason in rating.reasons):
                raised.append(shown)
        elif rating.level < RiskLevel.HIGH:
            low.append(shown)
    over = len(items) - len(fair)
    return over - len(low), over, low, len(raised), len(fair), raised


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="own")
    parser.add_argument(
        "--overreach",
        nargs="?",
        const="own",
        choices=sorted(OVERREACH),
        help="rate an answer-versus-request set instead (own: overreach.jsonl)",
    )
    parser.add_argument(
        "--new-only", action="store_true", help="leave out commands that other corpora hold too"
    )
    args = parser.parse_args(argv)
    if args.overreach:
        high, total, low, raised, fair, wrongly = overreach(args.overreach)
        print(f"answers that do more than asked, rated high or critical: {high}/{total}")
        print("\n".join(f"  not high: {line}" for line in low))
        if fair:
            print(f"answers that do what was asked, raised by the request check: {raised}/{fair}")
            print("\n".join(f"  raised: {line}" for line in wrongly))
        return 0
    show = CORPORA[args.corpus][2]
    print(f"corpus: {args.corpus}" + (" (commands no other corpus holds)" if args.new_only else ""))
    print(summary(evaluate(args.corpus, new_only=args.new_only), show_commands=show))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
