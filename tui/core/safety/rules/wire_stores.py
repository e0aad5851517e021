"""Database commands typed straight onto a server's port with a raw connection tool.

`printf 'FLUSHALL\r\n' | nc localhost 6379` is `redis-cli FLUSHALL`: the text fed to nc, ncat
or telnet on Redis's port is rated as the Redis commands it spells; `flush_all` on memcached's
port empties its whole cache.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH
from tui.core.safety.rules.databases import client_stdin, redis
from tui.core.safety.words import literal

# The ports Redis (and its Sentinel) listen on by default.
_REDIS_PORTS = frozenset(("6379", "6380", "26379"))


def socket_commands(command: Command, ctx: Context) -> None:
    """`printf 'FLUSHALL\\r\\n' | nc HOST 6379`, `nc HOST 6379 <<< 'CONFIG SET dir /root'`."""
    operands = [a for a in command.argv if not a.startswith("-")]
    if "11211" in operands[1:3]:
        _memcached(command, ctx)
        return
    if not _REDIS_PORTS & set(operands[1:3]):
        return
    text = client_stdin(command)
    if text is None:
        return
    for line in text.replace("\\r", "\n").replace("\\n", "\n").splitlines():
        words = line.split()
        if words:
            spelt = (literal("redis-cli"), *map(literal, words))
            redis(replace(command, words=spelt, stdin=None, redirects=()), ctx)


def _memcached(command: Command, ctx: Context) -> None:
    """`echo flush_all | nc HOST 11211`: every item of the cache dropped at once."""
    text = client_stdin(command) or ""
    if "flush_all" in text.lower():
        ctx.add(HIGH, "deletes every item cached by memcached (flush_all)", command)
