"""Graph databases' clients: the Cypher a command sends to Neo4j (or Memgraph).

`MATCH (n) DETACH DELETE n` deletes every node and relationship (CRITICAL); with a label and no
condition (`MATCH (u:User) DELETE u`) every node of that kind (HIGH); a delete narrowed by
`WHERE` or properties, and other writes, are moderate; reads are safe.
"""

from __future__ import annotations

import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, options
from tui.core.safety.rules.databases import client_stdin, rate_sql
from tui.core.safety.words import split_words

_VALUED = "-a --address -u --username -p --password -d --database --format -f --file -P --param"
# `MATCH (n) ... DELETE`, `MATCH (n:User) DETACH DELETE n`: the node pattern the delete takes.
_MATCHED_DELETE = lazy_pattern(
    r"\bmatch\s*\(\s*\w*\s*(?P<label>:\s*`?\w+`?)?\s*(?P<props>\{)?[^)]*\)"
    r"(?P<between>.*?)\b(?:detach\s+)?delete\b",
    re.IGNORECASE | re.DOTALL,
)
_WRITES = lazy_pattern(r"\b(create|merge|set|remove|delete|drop|load\s+csv|call)\b", re.I)


def cypher_shell(command: Command, ctx: Context) -> None:
    opts = options(command, _VALUED)
    operands = [w.value for w in opts.operands]
    code = operands[0] if operands else client_stdin(command)
    if code is None:
        ctx.add(MODERATE, f"opens a graph database session ({command.name})", command)
        return
    rate_cypher(code, command, ctx)


def rate_cypher(code: str, command: Command, ctx: Context) -> None:
    found = _MATCHED_DELETE.search(code)
    narrowed = found is not None and (
        found.group("props") or re.search(r"\bwhere\b|-\[|\]-", found.group("between"), re.I)
    )
    if found is not None and not narrowed and not found.group("label"):
        ctx.add(CRITICAL, "deletes every node of the graph database (MATCH (n) DELETE)", command)
    elif found is not None and not narrowed:
        label = found.group("label").strip(": `")
        ctx.add(HIGH, f"deletes every node labelled {label} in the graph database", command)
    elif re.search(r"\bdrop\s+(database|constraint|index)\b", code, re.I):
        rate_sql(code, command, ctx, command.name)
    elif _WRITES.search(code):
        ctx.add(MODERATE, f"changes data in a graph database ({command.name})", command)


RULES: dict[str, Rule] = dict.fromkeys(split_words("cypher-shell mgconsole"), cypher_shell)
