"""Code pulled in and run by tools whose everyday use is ordinary.

`ansible-pull -U URL` fetches a repository of playbooks and runs them here; a file from
`<(curl URL)` handed to ansible-playbook, gradle, pip or docker compose is used unread; helm and
krew plugins and Galaxy roles from an address run with this machine's credentials; an `svn
checkout`, `hg clone` or `terraform init -from-module=URL` brings in a tree that later steps of
the line run. Each of those is HIGH (the fresh trees as `git clone` is rated); the ordinary
forms stay routine. So is a configuration applied from an address (`puppet apply URL`).
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import fresh
from tui.core.safety.rules.common import HIGH, MODERATE, Rule, subcommand
from tui.core.safety.rules.config_management import puppet_resource
from tui.core.safety.words import split_words

# An address a package or repository is fetched from (`https://`, `git@`, `git+`).
REMOTE = lazy_pattern(r"^(?:[a-z+]+://|git@|git\+)")


def ansible_pull(command: Command, ctx: Context) -> None:
    """`ansible-pull -U URL playbook.yml`: playbooks from that repository run here."""
    argv = command.argv
    url = next((b for a, b in itertools.pairwise(argv) if a in ("-U", "--url")), "")
    url = url or next((a.split("=", 1)[1] for a in argv if a.startswith("--url=")), "")
    if "--check" in argv:
        ctx.add(MODERATE, "fetches playbooks and shows what they would change (--check)", command)
        return
    where = url[:80] or "a repository"
    reason = f"fetches playbooks from {where} and runs them on this machine: nobody reviewed them"
    ctx.add(HIGH, reason, command)


def fetched_input(command: Command, ctx: Context) -> None:
    """`ansible-playbook <(curl -s URL)`, `gradle --init-script <(curl URL)`,
    `pip install -r <(curl URL)`: a file downloaded in the line, used at once."""
    if command.name in ("docker", "podman") and "compose" not in command.argv:
        return  # `docker run -e T=$(curl ...)`: a value, not a file of instructions
    fed = command.name not in _PIPED_LISTS and any(  # pip's own arguments: install.py
        ctx.word_kinds(word) & {"download", "remote"} for word in command.args
    )
    stdin = command.stdin
    piped = any(a in ("/dev/stdin", "-") for a in command.argv[1:]) and (
        stdin is not None and "download" in stdin.kinds
    )
    if fed or (piped and command.name in _PIPED_LISTS):
        ctx.add(
            HIGH, f"{command.name} uses a file downloaded just now: nobody reviewed it", command
        )


_PIPED_LISTS = frozenset(split_words("pip pip3 uv"))


def galaxy(command: Command, ctx: Context) -> None:
    """`ansible-galaxy install git+URL`: roles straight from a repository, not Galaxy."""
    remote = next((a for a in command.argv if REMOTE.match(a)), None)
    if remote is not None and any(a == "install" for a in command.argv):
        ctx.add(HIGH, f"installs Ansible content straight from {remote[:80]}", command)
    elif command.argv[-1:] != ["list"]:
        ctx.add(MODERATE, "installs or changes Ansible roles or collections", command)


def plugin_source(command: Command, ctx: Context) -> None:
    """`helm plugin install URL`, `kubectl krew install --manifest-url=URL`, `krew index add
    NAME URL`: a plugin runs with the cluster credentials, from wherever it was fetched."""
    argv = command.argv
    words = " ".join(argv)
    remote = next((a.split("=", 1)[-1] for a in argv if "://" in a or a.startswith("git@")), "")
    from_file = any(a.startswith("--manifest") for a in argv)
    helm_plugin = command.name == "helm" and argv[:2] == ["plugin", "install"]
    krew = command.name == "kubectl" and argv[:1] == ["krew"]
    if (helm_plugin and (remote or from_file)) or (krew and (from_file or "index add" in words)):
        where = remote[:80] or "a file given on the line"
        ctx.add(HIGH, f"installs a cluster tool plugin from {where}: nobody reviewed it", command)


_CHECKOUTS = {"svn": ("checkout", "co", "export"), "hg": ("clone",)}
_VCS_READS = frozenset(split_words("status st log diff info list ls cat blame annotate summary"))


def other_vcs(command: Command, ctx: Context) -> None:
    """`svn checkout URL`, `hg clone URL`: a tree fetched in this line, as `git clone` is."""
    sub, rest = subcommand(command)
    if sub in _VCS_READS:
        return
    if sub in _CHECKOUTS.get(command.name, ()) and any("://" in a for a in rest.argv):
        ctx.downloads.add(fresh.CLONED)
        ctx.add(MODERATE, f"fetches a repository ({command.name} {sub})", command)
        return
    ctx.add(MODERATE, f"changes the working copy or repository ({command.name} {sub})", command)


def recipe_from_url(command: Command, ctx: Context) -> None:
    """`puppet apply URL`, `chef-client -z -r URL`: a configuration fetched from an address and
    applied to this machine."""
    if command.name == "puppet" and puppet_resource(command, ctx):
        return
    url = next((a for a in command.argv if REMOTE.match(a)), None)
    if url is not None:
        reason = f"applies a configuration fetched from {url[:80]} to this machine"
        ctx.add(HIGH, f"{reason} ({command.name})", command)
    else:
        ctx.add(MODERATE, f"applies a configuration to this machine ({command.name})", command)


def terraform_module(command: Command, ctx: Context) -> None:
    """`terraform init -from-module=git::URL`: a configuration fetched in this line, whose
    provisioners a later `terraform apply` runs here."""
    source = next((a.split("=", 1)[1] for a in command.argv if a.startswith("-from-module=")), "")
    if "://" in source or "::" in source:
        ctx.downloads.add(fresh.CLONED)


RULES: dict[str, Rule] = {
    "ansible-pull": ansible_pull,
    "ansible-galaxy": galaxy,
    **dict.fromkeys(("svn", "hg"), other_vcs),
    **dict.fromkeys(("chef-client", "chef-solo", "puppet"), recipe_from_url),
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(
        split_words(
            "mvn mvnw ./mvnw gradle gradlew ./gradlew ansible-playbook pip pip3 uv docker "
            "podman docker-compose"
        ),
        (fetched_input,),
    ),
    "terraform": (terraform_module,),
    **dict.fromkeys(split_words("helm kubectl"), (plugin_source,)),
}
