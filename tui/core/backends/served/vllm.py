"""vLLM: the OpenAI-compatible client with vLLM's own defaults and context-error advice."""

from __future__ import annotations

from tui.core.backends.base import BackendError, ErrorKind
from tui.core.backends.served.openai import OpenAICompatibleBackend


class VllmBackend(OpenAICompatibleBackend):
    """vLLM: max_tokens always sent (its defaults differ per endpoint), context errors clear."""

    kind = "vllm"
    default_url = "http://localhost:8000"
    start_hint = "start it with `vllm serve MODEL --port 8000`"
    forced_dialect = "vllm"

    async def _refine(self, error: BackendError, model: str) -> BackendError:
        error = await super()._refine(error, model)
        if error.kind is ErrorKind.CONTEXT_OVERFLOW:
            error.fix = (
                "the prompt plus max_tokens do not fit vLLM's context: shorten the request, "
                "lower max_tokens, or start vLLM with a larger --max-model-len"
            )
        return error
