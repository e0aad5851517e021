"""A line for a start-up file printed with a lookup's output in it: `echo "export
PATH=$(go env GOPATH)/bin:$PATH" >> ~/.bashrc`. The lookup (`go env`, `which`, `brew --prefix`)
prints where something is installed, not code, so the line is rated as written with an installed
folder in its place; any other substitution (`$(cat f)`, `$(echo CODE)`) leaves the content
unknown.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.embedded import runs_quietly
from tui.core.safety.words import SUBSTITUTED, node_text, split_words

# Commands that print where something is installed (`go env GOPATH`, `which nvim`), not code.
_LOOKUPS = frozenset(
    split_words(
        "go which command brew npm pyenv rbenv nodenv realpath readlink dirname pwd "
        "xcode-select xcrun rustc gem yarn pnpm uname arch"
    )
)


def queried_text(writer: Command, ctx: Context) -> str | None:
    """`echo "export PATH=$(go env GOPATH)/bin:$PATH" >> ~/.bashrc`: substitutions that only
    look something up (they give no finding), each read as an installed folder; else None."""
    if writer.name != "echo":
        return None
    subs = [node for word in writer.args for node in word.substitutions]
    if not subs or any(word.dynamic and not word.substitutions for word in writer.args):
        return None
    for node in subs:
        inner = node_text(node).strip()
        inner = inner[2:-1] if inner.startswith("$(") else inner.strip("`")
        name = inner.split()[0].rsplit("/", 1)[-1] if inner.split() else ""
        if name not in _LOOKUPS or not runs_quietly(ctx, inner, writer):
            return None  # `$(cat f)`, `$(echo CODE)`: the output is the content itself
    words = [w.value for w in writer.args if not w.value.startswith("-")]
    text = " ".join(words).replace(SUBSTITUTED, "/usr/local/opt/found")  # an installed folder
    return None if "$(" in text or "`" in text else text
