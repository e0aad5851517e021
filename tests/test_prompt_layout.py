"""The prompt's layout: what is the same for every request comes first, so a warm engine reuses it.

A request's prompt is the system message, the retrieved examples, then the request. An engine
reuses an earlier prompt's state only up to the first token that differs, so the folder and the
grounding (per request) must come after the fixed instructions.
"""

from __future__ import annotations

from pathlib import Path

from tui.core.backends.base import Started, StreamEvent
from tui.core.backends.llamacpp import LlamaCppBackend
from tui.core.generation import ShellContext, build_request, system_prompt

HERE = ShellContext(os_name="Linux (Debian 12)", shell="bash", cwd="/srv/app")
THERE = ShellContext(os_name="Linux (Debian 12)", shell="bash", cwd="/home/someone/notes")
INSTRUCTIONS = "Reply with the command only, on one line, without explanation."


def test_the_folder_comes_after_the_instructions() -> None:
    here, there = system_prompt(HERE), system_prompt(THERE)
    shared = here[: next(i for i, (a, b) in enumerate(zip(here, there, strict=False)) if a != b)]
    assert INSTRUCTIONS in shared
    assert here.endswith("The current directory is /srv/app.")
    assert "/home/someone/notes" in there


def test_grounding_comes_after_the_folder_and_the_instructions() -> None:
    grounded = system_prompt(HERE, "rg: search files for a pattern")
    plain = system_prompt(HERE)
    assert grounded.startswith(plain)
    assert grounded.index("rg: search") > grounded.index("/srv/app") > grounded.index(INSTRUCTIONS)


async def _started(backend: LlamaCppBackend, context: ShellContext) -> Started:
    request = build_request("show the 10 biggest files in this folder", context)
    events: list[StreamEvent] = [event async for event in backend.stream(request)]
    return next(e for e in events if isinstance(e, Started))


async def test_a_request_in_another_folder_reuses_the_instructions(
    llama_backend: LlamaCppBackend, tmp_path: Path
) -> None:
    """Measured on the real engine: the second folder's prompt starts from the first one's state
    for at least every token of the instructions. (Folders never asked before: the state of a
    system message saved on disk by an earlier run would cover it whatever the layout.)"""
    first = ShellContext(os_name="Linux", shell="bash", cwd=str(tmp_path / "one"))
    second_folder = ShellContext(os_name="Linux", shell="bash", cwd=str(tmp_path / "two"))
    loaded = llama_backend.load()
    here = system_prompt(first)
    instructions = here[: here.index(INSTRUCTIONS) + len(INSTRUCTIONS)]
    template, _ = loaded.render([{"role": "system", "content": instructions}])
    fixed = len(
        loaded.llm.tokenize(template.encode("utf-8"), add_bos=False, special=True)
    )  # the rendered instructions, with the template's end-of-message tokens
    await _started(llama_backend, first)
    second = await _started(llama_backend, second_folder)
    # The end-of-message tokens after the instructions are not shared (the folder follows).
    assert second.cached_prompt_tokens is not None
    assert second.cached_prompt_tokens >= fixed - 3
