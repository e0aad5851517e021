"""The request context: what every front end works out once for a request.

`RequestContext.build` reads the config, the flags and the environment once: the OS, the shell
(its name, told to the model, and its path, which runs the command and goes in the history),
the working directory, the effective safety policy and the generation settings. One-shot,
`--run`, the workbench (in a terminal or served by `caro serve`), compare, `caro check` and
`caro eval` all take theirs from here, so the same command under the same config gets the same
rating, and the same request the same settings, everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TYPE_CHECKING

from tui.core.backends.base import SamplerSettings
from tui.core.config import Config
from tui.core.generation.context import Shell, ShellContext, os_name, resolve_shell

if TYPE_CHECKING:  # the analyser (tree-sitter) and the generation pipeline load on first use
    from tui.core.generation.pipeline import GenerationSettings
    from tui.core.safety import Assessment, SafetyPolicy

# A regenerated answer is sampled at least this hot (with its own seed).
REGENERATE_TEMPERATURE = 0.7


@dataclass(frozen=True)
class GenerationFlags:
    """What the command line says about generation; None (or unset sampler fields): not said."""

    examples: int | None = None
    candidates: int | None = None
    sampler: SamplerSettings = field(default_factory=SamplerSettings)


@dataclass(frozen=True)
class RequestContext:
    config: Config
    os_name: str
    shell: Shell
    cwd: str
    flags: GenerationFlags = field(default_factory=GenerationFlags)

    @classmethod
    def build(
        cls,
        config: Config,
        *,
        cwd: str | None = None,
        shell: str | None = None,
        flags: GenerationFlags | None = None,
        env: Mapping[str, str] | None = None,
    ) -> RequestContext:
        """The context for requests made here; `shell` (a path) and `cwd` override detection."""
        return cls(
            config=config,
            os_name=os_name(),
            shell=Shell.at(shell) if shell else resolve_shell(env),
            cwd=cwd or os.getcwd(),
            flags=flags or GenerationFlags(),
        )

    @property
    def where(self) -> ShellContext:
        """What the prompt says about where the command runs."""
        return ShellContext(os_name=self.os_name, shell=self.shell.name, cwd=self.cwd)

    @cached_property
    def policy(self) -> SafetyPolicy:
        return safety_policy(self.config)

    def rate(self, command: str, request: str | None, *, preflight: bool = True) -> Assessment:
        """The rating of `command` (and of the request that produced it) under the policy."""
        return rate(command, request, self.policy, preflight=preflight)

    def settings(self, backend: str, vary: int = 0) -> GenerationSettings:
        """Defaults, then [generation], then [backends.NAME], then the flags.

        `vary` > 0 asks for a different answer (regenerate): sampled at least
        REGENERATE_TEMPERATURE hot, with `vary` as the seed.
        """
        from tui.core.generation.pipeline import DEFAULT_SAMPLER, GenerationSettings

        generation = self.config.generation
        configured = self.config.backend(backend)
        sampler = (
            DEFAULT_SAMPLER.merged(generation.sampler)
            .merged(configured.sampler)
            .merged(self.flags.sampler)
        )
        if vary:
            temperature = max(sampler.temperature or 0.0, REGENERATE_TEMPERATURE)
            sampler = replace(sampler, temperature=temperature, seed=vary)
        flags = self.flags
        return GenerationSettings(
            examples=generation.examples if flags.examples is None else flags.examples,
            candidates=generation.candidates if flags.candidates is None else flags.candidates,
            fixed_examples=generation.fixed_examples,
            utility_first=generation.utility_first,
            sampler=sampler,
            deadline_s=configured.deadline_s,
            reasoning_budget=configured.reasoning_budget,
        )


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
