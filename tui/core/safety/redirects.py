"""Redirections: files written or emptied, start-up files, and shell sockets (`/dev/tcp`)."""

from __future__ import annotations

from tui.core.safety import flow, paths, targets
from tui.core.safety.context import Context
from tui.core.safety.feeds import written_text
from tui.core.safety.model import RiskLevel
from tui.core.safety.parse import Command, Redirect
from tui.core.safety.rules import persistence, planted, resources, weakening
from tui.core.safety.rules.configs import mounts_and_logs
from tui.core.safety.rules.network import DOWNLOADERS, command_kinds
from tui.core.safety.unwrap import SHELLS, expand

REVERSE = "connects a shell to a remote machine (reverse shell)"


_MAX_REDIRECTS = 256


def check_redirects(ctx: Context, command: Command) -> None:
    """Rates what the redirections of one command write, truncate or connect to."""
    layers, _ = expand(command)
    names = [layer.name for layer in layers]
    seen: set[tuple[str, str | None]] = set()
    for redirect in command.redirects:
        key = (redirect.op, redirect.target.value if redirect.target else None)
        if key in seen:
            continue  # `> x > x > x ...`: each one rescans the command (quadratic)
        if len(seen) >= _MAX_REDIRECTS:
            reason = f"has more than {_MAX_REDIRECTS} redirections: the rest were not checked"
            ctx.add(RiskLevel.MODERATE, reason, command)
            return
        seen.add(key)
        _redirect(ctx, command, redirect, names)


def _redirect(ctx: Context, command: Command, redirect: Redirect, names: list[str]) -> None:
    target = redirect.target
    if target is None:
        return
    value = target.value
    if value.startswith(("/dev/tcp/", "/dev/udp/")):
        _socket(ctx, command, redirect, names)
        return
    if redirect.op in ("<&", ">&") and value in ctx.tcp_fds:
        _to_socket(ctx, command, redirect, names)
        return
    if not redirect.writes:
        return
    if not redirect.appends:
        _self_truncation(ctx, command, value)
    if paths.normalise(value) not in paths.HARMLESS_SINKS:
        ctx.effects.append(f"writes to {value}")
    base = value.rsplit("/", 1)[-1]
    layers, _ = expand(command)
    made = set().union(*(command_kinds(layer) for layer in layers[-1:]))
    if not command.words and command.stdin is not None:  # `... | base64 -d > f`
        made |= command.stdin.kinds
    if made & {"download", "decode"} and _runs_output(target.raw):
        reason = f"downloads code from the internet and runs it ({command.name} > {target.raw})"
        ctx.add(RiskLevel.CRITICAL, reason, command)
    secret = next((what for what in map(flow.secret_command, layers) if what), None)
    if secret is not None:  # `env > /tmp/e`, `cat ~/.ssh/id_rsa > k`: as secret as the source
        ctx.packed[base] = (True, secret)
    if any(name in DOWNLOADERS for name in names) or made & {"decode", "download"}:
        ctx.downloads.add(base)  # fetched or decoded: nobody has read what it holds
    elif not redirect.appends and written_text(command) is not None:
        ctx.written[base] = written_text(command) or ""
    verdict = targets.classify_write(ctx.resolve(target.path), append=redirect.appends)
    if not redirect.appends and _writes_nothing(command):
        verdict = targets.classify_empty(ctx.resolve(target.path)) or verdict
    resolved = ctx.resolve(target.path)
    if not redirect.appends and "*" in resolved and "*" not in value:  # `for f in D/*; do > $f`
        every = targets.classify_delete(resolved, recursive=False)
        if verdict is None or every.level > verdict.level:
            reason = every.reason.replace("deletes", "empties each file of", 1)
            verdict = targets.Verdict(every.level, reason)
    if verdict is not None and planted.own_key_added(command, resolved, ctx):
        reason = f"adds your own public key to {resolved}: you can log in with it"
        verdict = targets.Verdict(RiskLevel.MODERATE, reason)
    dynamic = target.substitutions or (target.dynamic and value.startswith("${"))
    if dynamic and (verdict is None or verdict.level <= RiskLevel.MODERATE):
        reason = f"writes to a file named at run time ({target.raw})"
        ctx.add(RiskLevel.MODERATE, reason, command)
    elif verdict is not None:
        ctx.add(verdict.level, verdict.reason, command)
    text = written_text(command)
    weakened = weakening.written(ctx.resolve(target.path), text) if text else None
    if weakened is not None:
        ctx.add(weakened.level, weakened.reason, command)
    mounted = mounts_and_logs(ctx.resolve(target.path), text) if text else None
    if mounted is not None:
        ctx.add(mounted.level, mounted.reason, command)
    stdin = command.stdin
    consumer = command.name or (stdin.producers[-1] if stdin and stdin.producers else "")
    endless = resources.endless_input(stdin, consumer)
    if (
        endless is not None
        and not paths.is_block_device(value)
        and value not in paths.HARMLESS_SINKS
    ):
        reason = f"writes the endless {endless} into {value}: fills the disk"
        ctx.add(resources.EXHAUSTS, reason, command)
    # `for f in ~/.bashrc ~/.zshrc; do echo X >> "$f"`: each file the loop names in turn
    spelt = paths.expand_braces(ctx.resolve(target.path), limit=8)
    for each in spelt:
        kind = persistence.kind_at(paths.find_named(each), ctx)
        if kind is not None:
            where = each if len(spelt) > 1 else target.path
            persistence.startup_content(kind, where, text, command, ctx)
            break


_RUNNERS = frozenset((*SHELLS, "python", "python3", "perl", "ruby", "node", "php"))


def _runs_output(raw: str) -> bool:
    """`> >(bash)`, `> >(sudo sh -s)`: the output goes to a shell reading it as code."""
    if not raw.startswith(">(") or not raw.endswith(")"):
        return False
    words = [w for w in raw[2:-1].split() if w not in ("sudo", "-E", "env", "exec")]
    return bool(words) and words[0].rsplit("/", 1)[-1] in _RUNNERS


def _to_socket(ctx: Context, command: Command, redirect: Redirect, names: list[str]) -> None:
    """`sh <&3 >&3`, `$line >&5`, `cat ~/.netrc >&3`: a descriptor opened on /dev/tcp."""
    dynamic = bool(command.words) and command.words[0].dynamic  # runs what the network sent
    if any(name in SHELLS for name in names) or dynamic:
        ctx.add(RiskLevel.CRITICAL, REVERSE, command)
        return
    layers, _ = expand(command)
    secret = next((what for what in map(flow.secret_command, layers) if what), None)
    if secret is not None and redirect.op == ">&":
        ctx.add(RiskLevel.CRITICAL, f"sends {secret} to another machine (/dev/tcp)", command)


def _self_truncation(ctx: Context, command: Command, target: str) -> None:
    """`sort f > f`, `cat f | grep x > f`: the shell empties f before anything reads it."""
    wanted = paths.normalise(target)
    if wanted in paths.HARMLESS_SINKS:
        return
    reads = [w.value for w in command.args if not w.value.startswith("-")]
    reads += [r.target.value for r in command.redirects if r.op == "<" and r.target]
    if command.stdin is not None:
        reads += list(command.stdin.reads)
    if any(paths.normalise(value) == wanted for value in reads if value):
        reason = f"empties {target} before it is read: its content is lost (> {target})"
        ctx.add(RiskLevel.HIGH, reason, command)
        ctx.effects.append(f"empties {target}")


def _socket(ctx: Context, command: Command, redirect: Redirect, names: list[str]) -> None:
    layers, _ = expand(command)
    secrets = [flow.secret_command(layer) for layer in layers]
    secret = next((what for what in secrets if what), None)
    if secret is not None and redirect.writes:
        ctx.add(RiskLevel.CRITICAL, f"sends {secret} to another machine (/dev/tcp)", command)
        return
    if any(name in SHELLS for name in names):
        ctx.add(RiskLevel.CRITICAL, REVERSE, command)
    elif "exec" in names or not names:
        ctx.tcp_fds.add(redirect.fd or "0")
        ctx.add(RiskLevel.HIGH, "opens a raw network connection for the shell", command)
    else:
        ctx.add(RiskLevel.MODERATE, "talks to a network service through /dev/tcp", command)


def socket_kinds(command: Command, ctx: Context) -> set[str]:
    """`sed 1d <&3`, `cat < /dev/tcp/h/80`: what the command reads came from the network."""
    for redirect in command.redirects:
        value = redirect.target.value if redirect.target is not None else ""
        from_fd = redirect.op == "<&" and value in ctx.tcp_fds
        if from_fd or (redirect.op == "<" and value.startswith(("/dev/tcp/", "/dev/udp/"))):
            return {"download"}
    return set()


def _writes_nothing(command: Command) -> bool:
    """`> f`, `: > f`, `true > f`, `printf '' > f`, `echo -n > f`: the file is left empty."""
    if (not command.words and command.stdin is None) or command.name in (":", "true"):
        return True  # (`... | base64 -d > f` has no words of its own but writes the pipe)
    if command.name == "cat" and [w.value for w in command.args] == ["/dev/null"]:
        return True
    return command.name in ("echo", "printf") and (written_text(command) or "").strip() == ""
