"""Answers of several lines: one command only when the shell reads them as one.

Lines continued with a backslash are joined by the extraction; a heredoc keeps its body up to
its delimiter (`with_heredoc_body`); anything else of several lines is one command only when
tree-sitter-bash reads it as a single statement without errors (`one_command`). Two commands
one under the other are never handed over as one.
"""

from __future__ import annotations

import re

HEREDOC = re.compile(r"<<(-?)\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\2")
SEVERAL_LINES = "the answer is several lines that the shell would not read as one command"


def one_command(text: str) -> str | None:
    """`text` when the shell reads it as one statement; None otherwise."""
    from tui.core.safety.parse import parse, syntax_errors

    root = parse(text).root_node
    statements = [child for child in root.named_children if child.type != "comment"]
    return text if len(statements) == 1 and not syntax_errors(root) else None


def with_heredoc_body(line: str, rest: list[str]) -> str:
    """`cat <<EOF > notes.txt` and the lines after it up to `EOF`, when the line starts a
    heredoc and its delimiter follows; otherwise the line alone."""
    match = HEREDOC.search(line)
    if match is None:
        return line
    strip_tabs, delimiter = match.group(1) == "-", match.group(3)
    for index, body_line in enumerate(rest):
        end = body_line.lstrip("\t") if strip_tabs else body_line
        if end.rstrip() == delimiter:
            return "\n".join([line, *rest[:index], delimiter])
    return line
