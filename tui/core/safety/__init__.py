"""Risk analysis of shell commands: parse with tree-sitter-bash, rate, decide on confirmation.

    from tui.core.safety import assess, decide, SafetyPolicy
    assessment = assess("rm -rf ~/Documents", "clean up my documents")
    decision = decide(assessment, SafetyPolicy(level="moderate"))

Modules: parse/words (tree-sitter to a small command model), unwrap (sudo, env, xargs, find
-exec, bash -c, ...), paths/targets (what a path means), rules/ (one module per family),
analyser (the walk), rating (`assess`), request (harmful intent in the request), preflight
(PATH, shellcheck), policy (levels, allow/deny, decisions), cli_check (`caro check`).
"""

from tui.core.safety.model import Assessment, Finding, RiskLevel
from tui.core.safety.policy import Decision, SafetyPolicy, decide
from tui.core.safety.rating import assess

__all__ = ["Assessment", "Decision", "Finding", "RiskLevel", "SafetyPolicy", "assess", "decide"]
