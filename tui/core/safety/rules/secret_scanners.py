"""Secret scanners that read a project and report what they find: gitleaks. Nothing leaves the
machine; only a report file (`--report-path`) is written.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import MODERATE, Rule, options


def gitleaks(command: Command, ctx: Context) -> None:
    opts = options(command, "-r --report-path -s --source -c --config")
    report = opts.value("-r", "--report-path")
    if report:
        ctx.add(
            MODERATE, f"writes a report of the secrets it finds to {report} (gitleaks)", command
        )


RULES: dict[str, Rule] = {"gitleaks": gitleaks}
