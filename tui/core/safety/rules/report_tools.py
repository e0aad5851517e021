"""System and scheduler tools that report: `systemd-delta` lists the local overrides of unit
files, `freebsd-version` prints the kernel's and userland's versions, and Airflow's command
line lists, shows and tests far more often than it changes anything.

Decisions: the two reporters are SAFE whatever their options. Airflow's listing verbs (`list`,
`show`, `get-value`, `version`, `info`, ...) are SAFE; deleting DAGs or their runs, clearing
task states and resetting or cleaning its database are HIGH (the history of every run is lost);
the rest (triggering a DAG, running a task, changing settings) is MODERATE.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_AIRFLOW_READS = frozenset(
    split_words(
        "list list-runs list-jobs list-import-errors show show-dependencies details "
        "state states-for-dag-run next-execution get-value version info cheat-sheet check "
        "check-migrations report list-providers get lookup export-connections"
    )
)
_AIRFLOW_LOSSES = frozenset(split_words("delete clear reset clean downgrade"))


def reports(command: Command, ctx: Context) -> None:
    """`systemd-delta`, `freebsd-version -kru`: only print."""


def airflow(command: Command, ctx: Context) -> None:
    verbs = [a for a in command.argv if not a.startswith("-")]
    if not verbs or verbs[0] in _AIRFLOW_READS or any(v in _AIRFLOW_READS for v in verbs[1:2]):
        return
    shown = " ".join(verbs[:2])
    loss = next((v for v in verbs[:2] if v in _AIRFLOW_LOSSES), None)
    if loss is not None and "--dry-run" not in command.argv:
        ctx.add(HIGH, f"deletes Airflow's records of runs or DAGs (airflow {shown})", command)
        return
    ctx.add(MODERATE, f"runs or changes Airflow jobs (airflow {shown})", command)


RULES: dict[str, Rule] = {
    "systemd-delta": reports,
    "freebsd-version": reports,
    "airflow": airflow,
}
