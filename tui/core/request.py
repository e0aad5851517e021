"""What every front end works out the same way for a request (a first step toward one request
context): the effective safety policy and the one rating call.

One-shot (its stderr notice and `--json`), `--run`, the workbench and `caro check` all rate
through `rate` with the policy from `safety_policy`, so the same command under the same config
gets the same level everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.config import Config

if TYPE_CHECKING:  # the analyser (tree-sitter) loads on first use
    from tui.core.safety import Assessment, SafetyPolicy


def safety_policy(config: Config) -> SafetyPolicy:
    """The person's `[safety]` settings (level, allow, deny) as the policy every rating uses."""
    from tui.core.safety import SafetyPolicy

    safety = config.safety
    return SafetyPolicy(level=safety.level, allow=safety.allow, deny=safety.deny)


def rate(
    command: str, request: str | None, policy: SafetyPolicy, *, preflight: bool = True
) -> Assessment:
    """The rating of `command` (and of the request that produced it) under `policy`."""
    from tui.core.safety import assess

    return assess(command, request, policy=policy, preflight=preflight)
