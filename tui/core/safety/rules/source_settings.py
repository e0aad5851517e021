"""Settings given on the line that send a build or install tool to another source, or switch
its certificate checks off: maven's `-Dmaven.wagon.http.ssl.insecure=true`, `poetry source add`,
`bundle config mirror.*`, `pipx --pip-args='--trusted-host ...'`, conda's `channel_alias`,
`vagrant box add --insecure` and `--plugin-source`. Each is HIGH; the usual sources stay routine.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, Rule
from tui.core.safety.rules.registries import is_default_index
from tui.core.safety.words import split_words

_INSECURE_BUILD = lazy_pattern(
    r"^-D[\w.]*(?:ssl\.insecure|ssl\.allowall|ssl\.ignore\.validity\.dates|securityMode)"
    r"=(?:true|insecure)$",
    re.IGNORECASE,
)


def insecure_build(command: Command, ctx: Context) -> None:
    """`mvn -Dmaven.wagon.http.ssl.insecure=true install`: any server may hand out the jars."""
    found = next((a for a in command.argv if _INSECURE_BUILD.match(a)), None)
    if found is not None:
        reason = f"downloads dependencies without checking the server's certificate ({found})"
        ctx.add(HIGH, reason, command)


def poetry_source(command: Command, ctx: Context) -> None:
    """`poetry source add NAME URL`: every later install may come from there."""
    argv = command.argv
    if argv[:2] == ["source", "add"]:
        url = next((a for a in argv[2:] if "://" in a), "")
        if url and not is_default_index(url):
            ctx.add(HIGH, f"adds another index for this project's packages ({url[:60]})", command)


def bundle_config(command: Command, ctx: Context) -> None:
    """`bundle config set mirror.https://rubygems.org URL`, `ssl_verify_mode 0`."""
    argv = command.argv
    if argv[:1] != ["config"]:
        return
    words = [a for a in argv[1:] if not a.startswith("-") and a not in ("set", "unset")]
    key, value = ([*words, "", ""])[:2]
    if key.startswith("mirror.") and value and not is_default_index(value):
        ctx.add(HIGH, f"sends every gem download to {value[:60]} (bundle mirror)", command)
    elif key == "ssl_verify_mode" and value == "0":
        ctx.add(HIGH, "downloads gems without checking the server's certificate", command)


_PIP_SOURCE = lazy_pattern(
    r"--(?:trusted-host|index-url|extra-index-url|find-links)\b|(?:^|\s)-[if]\s"
)


def pip_args(command: Command, ctx: Context) -> None:
    """`pipx install --pip-args='--trusted-host x' t`: pip is told of another index."""
    given = [b for a, b in itertools.pairwise(command.argv) if a == "--pip-args"]
    given += [a.split("=", 1)[1] for a in command.argv if a.startswith("--pip-args=")]
    if any(_PIP_SOURCE.search(value) for value in given):
        reason = "installs from another index or without TLS checks (--pip-args)"
        ctx.add(HIGH, reason, command)


def conda_alias(command: Command, ctx: Context) -> None:
    """`conda config --set channel_alias URL`: every channel name now means that server."""
    argv = command.argv
    for key, value in itertools.pairwise(argv):
        if key == "channel_alias" and "anaconda" not in value:
            ctx.add(HIGH, f"sends every channel to {value[:60]} (channel_alias)", command)
            return


def vagrant(command: Command, ctx: Context) -> None:
    """`vagrant box add x URL --insecure`, `vagrant plugin install x --plugin-source URL`."""
    argv = command.argv
    if argv[:2] == ["box", "add"] and any(a in ("--insecure", "-k") for a in argv):
        ctx.add(
            HIGH, "downloads a machine image without checking the server's certificate", command
        )
    source = next((b for a, b in itertools.pairwise(argv) if a == "--plugin-source"), "")
    if argv[:2] == ["plugin", "install"] and source and not is_default_index(source):
        ctx.add(HIGH, f"installs a Vagrant plugin from {source[:60]}: nobody reviewed it", command)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("mvn mvnw ./mvnw gradle gradlew ./gradlew"), (insecure_build,)),
    "pipx": (pip_args,),
    "conda": (conda_alias,),
    "vagrant": (vagrant,),
    "poetry": (poetry_source,),
    "bundle": (bundle_config,),
}
