"""The baseline for one-shot speed: what a person would write without caro.

Imports llama-cpp-python, loads the model, answers one request behind a ~600-token system prompt
(rules plus a fixed list of examples), prints the answer. No cache, no early stop.

    python bench/naive_oneshot.py MODEL.gguf "request"
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

RULES = """You are a command-line assistant. You turn a request written in plain English into
exactly one shell command for bash on Linux. Follow these rules:
1. Answer with the command only: no explanation, no markdown, no code fences.
2. Prefer standard GNU coreutils and widely installed tools.
3. Never use sudo unless the task needs administrator rights.
4. Never delete, overwrite or change files unless the request asks for it.
5. Quote file names that may contain spaces.
6. Use relative paths from the current directory unless the request names a path.
7. If the request is ambiguous, choose the most common interpretation.
8. Keep the command on one line; use pipes where they are the natural solution.
Here are examples of requests and the commands that answer them:"""


def system_prompt(examples: int = 23) -> str:
    bank = Path(__file__).resolve().parents[1] / "tui" / "core" / "data" / "bank" / "core.jsonl"
    rows = [json.loads(line) for line in bank.read_text(encoding="utf-8").splitlines()]
    step = max(1, len(rows) // examples)
    listing = "\n".join(f"{r['request']} => {r['command']}" for r in rows[::step][:examples])
    return f"{RULES}\n{listing}"


def main() -> None:
    from llama_cpp import Llama

    model, request = sys.argv[1], sys.argv[2]
    llm = Llama(model_path=model, n_ctx=2048, verbose=False)
    reply: Any = llm.create_chat_completion(
        messages=[
            {"role": "system", "content": system_prompt()},
            {"role": "user", "content": request},
        ],
        temperature=0.0,
        max_tokens=96,
    )
    print(reply["choices"][0]["message"]["content"].strip())


if __name__ == "__main__":
    main()
