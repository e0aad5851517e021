"""Lifecycle scripts set from the command line: `npm pkg set scripts.postinstall='CODE'` puts
CODE in package.json, where every `npm install` of the project, on every machine and in CI,
runs it without asking.

Decisions: the code is rated as if it ran; when it is HIGH or worse (code fetched from the
internet and run, a file deleted outside the project) setting it in a script that runs at
install time is HIGH at least: it runs again wherever the project is installed. Other scripts
(`test`, `build`) are rated as the code they hold.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule
from tui.core.safety.words import literal, split_words

# The scripts npm, pnpm, yarn and bun run by themselves around an install or a publish.
_LIFECYCLE = frozenset(
    split_words(
        "preinstall install postinstall prepare preprepare postprepare prepublish "
        "prepublishOnly prepack postpack dependencies"
    )
)


def set_script(command: Command, ctx: Context) -> None:
    argv = command.argv
    if argv[:2] != ["pkg", "set"]:
        return
    for setting in argv[2:]:
        key, equals, code = setting.partition("=")
        if not equals or not key.startswith("scripts."):
            continue
        name = key.removeprefix("scripts.")
        before = len(ctx.findings)
        ctx.run_code(literal(code), command)
        risky = any(f.level >= RiskLevel.HIGH for f in ctx.findings[before:])
        if risky and name in _LIFECYCLE:
            reason = f"makes every install of the project run `{code[:50]}` ({name} script)"
            ctx.add(HIGH, reason, command)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = dict.fromkeys(
    split_words("npm pnpm yarn bun"), (set_script,)
)
RULES: dict[str, Rule] = {}
