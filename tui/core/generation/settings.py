"""The settings of one generation: how many examples and candidates, the levers of the
best-of-n loop, and the sampler; their defaults are declared with the config."""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.backends.base import SamplerSettings
from tui.core.config import GENERATION_SAMPLER, GenerationConfig

# Declared with the config (tui.core.config.schema); [generation] overrides them.
DEFAULT_SAMPLER = GENERATION_SAMPLER
GENERATION_DEFAULTS = GenerationConfig()


@dataclass(frozen=True)
class GenerationSettings:
    examples: int = GENERATION_DEFAULTS.examples
    candidates: int = GENERATION_DEFAULTS.candidates
    # Start the answer with the utility the closest examples agree on (measured: it did not
    # help the bundled 135M model, see bench/quality.py); engines that cannot continue a
    # prefix ignore it.
    utility_first: bool = GENERATION_DEFAULTS.utility_first
    # False: the same few examples for every request (the plain few-shot baseline).
    retrieval: bool = True
    # "turns": examples as earlier chat turns; "inline": listed in the system prompt.
    example_style: str = "turns"
    # The voted utility starts the answer only when this share of the examples agree.
    min_vote_share: float = 0.0
    # Later candidates put the closest example of another utility last (greedy), instead of
    # sampling the same prompt hotter: small models follow the last example they saw.
    # Measured on the dev set with the bundled model (bench/quality.py): 43.0% -> 47.5%.
    diverse_examples: bool = True
    # When an answer does not use the utility most examples agree on (at least this share of
    # their score), the next try starts with that utility and the model writes the rest.
    # 0 turns it off. Needs an engine that continues a prefix.
    prefix_fallback_share: float = 0.0
    # Later tries keep the prompt and start the answer with the best-backed utility no answer
    # used yet (an engine then reuses the whole prompt's state: a retry costs its decoding
    # only), instead of reordering the examples. Needs an engine that continues a prefix.
    # Measured on the blind tuning half (358 cases, bench/quality.py): the same 56.7% same
    # utilities and 100% usable as reordering, 52.9 tokens per request against 57.1.
    prefix_retries: bool = True
    # Examples the same for every request (the bank's spread), shown before the retrieved ones.
    fixed_examples: int = GENERATION_DEFAULTS.fixed_examples
    # The system prompt and the fixed examples the same for every request: the installed
    # programs that may fit are described beside the request, and a fixed example is shown
    # even when it was also retrieved (False: in the system prompt, and shown once).
    stable_prefix: bool = False
    # Tries after the first decode at most this share of the sampler's max_tokens (None: all
    # of it): a retry that runs on is almost always a loop with variations. Measured with
    # early_loops on the blind tuning half (358 cases, bench/quality.py): 7.6% fewer tokens
    # decoded, same utilities 60.3% -> 60.1%.
    retry_token_share: float | None = 0.5
    # Up to this many examples of the best utility, then of the next (0: by score alone), so
    # that the model sees several uses of the utility it should pick.
    per_utility: int = 2
    # An example of a utility not installed here counts for less than one of an installed one.
    prefer_installed: bool = True
    # When the closest example scores below this (or the request names a program the bank
    # lacks), installed programs that fit are described in the system prompt. 0 turns it off.
    ground_below: float = 6.0
    # Tries past `candidates` while no answer so far held a command; each starts the answer
    # with a utility the examples back, where the engine continues a prefix.
    rescue: int = 2
    # Stop at the end of the answer's first command line, and count a run to max_tokens as a
    # loop (False: the old watcher, for measuring).
    stop_at_line_end: bool = True
    # Also stop loops that the usual checks let run on for a while: a phrase of 4 or more words
    # said twice in a row, a command that redirects its output twice.
    early_loops: bool = True
    sampler: SamplerSettings = DEFAULT_SAMPLER
    # The limits on one whole answer ([backends.NAME] deadline_s and reasoning_budget); None:
    # the defaults for its max_tokens (see tui.core.limits).
    deadline_s: float | None = None
    reasoning_budget: int | None = None
