"""Infrastructure and hosting tools whose delete verbs take down what they manage.

One table instead of one rule per tool: which words delete (`destroy`, `apps:destroy`,
`purge`, ...), which only read, and which flags skip the question the tool would ask. A delete
is HIGH; unasked, or of a whole bucket's content, it is CRITICAL. Everything else these tools
do stays as caro rated them before: a change is MODERATE, a listing safe.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import files
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words


@dataclass(frozen=True)
class Tool:
    """What one tool's words mean: `deletes` take things down, `reads` only show them."""

    what: str  # for reasons: "infrastructure", "cloud resources", "cloud storage"
    deletes: frozenset[str]
    reads: frozenset[str]
    other: str  # the reason for any other use ("changes infrastructure", "opens a program")
    bulk: frozenset[str] = frozenset()  # verbs that empty a whole place at once
    single: frozenset[str] = frozenset()  # verbs that remove one object unless recursive


def _tool(
    what: str, deletes: str, reads: str, other: str, bulk: str = "", single: str = ""
) -> Tool:
    return Tool(
        what,
        frozenset(split_words(deletes)),
        frozenset(split_words(reads)),
        other,
        frozenset(split_words(bulk)),
        frozenset(split_words(single)),
    )


_IAC_READS = "plan preview show output outputs list ls diff synth validate version whoami graph"
TOOLS: dict[str, Tool] = {
    "terragrunt": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "pulumi": _tool("infrastructure", "destroy rm", _IAC_READS, "changes infrastructure"),
    "cdk": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "cdktf": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "openstack": _tool("cloud resources", "delete purge", "list show", "changes cloud resources"),
    "oci": _tool("cloud resources", "delete terminate", "list get", "changes cloud resources"),
    "ibmcloud": _tool(
        "cloud resources",
        "delete rm service-instance-delete service-key-delete resource-group-delete cluster-rm",
        "list ls get show service-instances resource-groups target",
        "changes cloud resources",
    ),
    "scw": _tool("cloud resources", "delete", "list get", "changes cloud resources"),
    "buildah": _tool(
        "containers or images",
        "rm rmi prune",
        "images containers inspect info version",
        "builds images",
    ),
    "skopeo": _tool("an image in a registry", "delete", "inspect list-tags", "copies images"),
    "multipass": _tool(
        "virtual machines", "delete purge", "list ls info find version", "runs virtual machines"
    ),
    "argocd": _tool("apps and what they run", "delete rm", "list get history diff", "deploys apps"),
    "flux": _tool(
        "the cluster's deployments",
        "uninstall delete",
        "get check version logs tree stats",
        "deploys apps",
    ),
    "istioctl": _tool(
        "the service mesh",
        "uninstall",
        "analyze version proxy-status ps proxy-config",
        "changes the service mesh",
    ),
    "velero": _tool("cluster backups", "delete", "get describe version", "backs up clusters"),
    "sam": _tool("cloud resources", "delete", "validate list logs local build", "deploys code"),
    "copilot": _tool("an app and its data", "delete", "ls show status logs", "deploys code"),
    "serverless": _tool("cloud resources", "remove", "info print package", "deploys code"),
    "sls": _tool("cloud resources", "remove", "info print package", "deploys code"),
    "doctl": _tool("cloud resources", "delete rm", "list ls get", "connects to a service"),
    "hcloud": _tool("cloud resources", "delete", "list describe", "connects to a service"),
    "linode-cli": _tool("cloud resources", "delete rm", "list view ls", "connects to a service"),
    "heroku": _tool(
        "an app and its data",
        "apps:destroy apps:delete destroy addons:destroy pg:reset pg:kill redis:reset",
        "apps apps:info logs ps config info",
        "connects to a service",
    ),
    "flyctl": _tool(
        "an app and its data", "destroy delete remove", "list status logs", "connects to a service"
    ),
    "fly": _tool(
        "an app and its data", "destroy delete remove", "list status logs", "connects to a service"
    ),
    "vercel": _tool("a deployment", "remove rm", "list ls inspect logs", "connects to a service"),
    "netlify": _tool("a site", "sites:delete", "status sites:list", "connects to a service"),
    "s3cmd": _tool(
        "cloud storage", "del rm rb", "ls la info du get", "changes cloud storage", single="del rm"
    ),
    "mc": _tool(
        "cloud storage", "rm rb", "ls cat stat du tree find", "opens a program", single="rm"
    ),
    "azcopy": _tool(
        "cloud storage",
        "remove rm",
        "list ls jobs env login",
        "copies to cloud storage",
        single="remove rm",
    ),
    "s5cmd": _tool("cloud storage", "rm rb", "ls cat du", "copies to cloud storage", single="rm"),
    "rclone": _tool(
        "cloud storage",
        "delete deletefile purge rmdir rmdirs",
        "ls lsd lsl lsf size about check listremotes tree config version cat",
        "connects to another machine",
        bulk="purge",
        single="deletefile rmdir rmdirs",
    ),
}
_UNASKED = frozenset(
    split_words(
        "-y --yes -f --force --confirm --auto-approve -auto-approve --non-interactive --no-prompts "
        "--terragrunt-non-interactive"
    )
)
_WHOLE = frozenset(split_words("project projects account tenancy compartment subscription"))
_MIRROR_DELETES = frozenset(split_words("--delete-destination=true --delete-destination"))
_RECURSIVE = frozenset(split_words("-r -R --recursive"))


def teardown(command: Command, ctx: Context) -> None:
    tool = TOOLS[command.name]
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if command.name == "rclone" and words[:1] == ["sync"] and len(words) >= 3:
        _rclone_sync(command, words[1], words[-1], ctx)
        return
    if command.name == "rclone" and words[:1] == ["dedupe"] and _dedupes_unasked(argv, words):
        reason = "deletes duplicate files in the remote, keeping one of each (rclone dedupe)"
        ctx.add(HIGH, reason, command)
        return
    verb = next((w for w in words[:3] if w in tool.deletes), None)
    if verb is not None:
        storage = tool.what == "cloud storage"
        bulk = verb in tool.bulk or (storage and bool(_RECURSIVE & set(argv)))
        bulk = bulk or (storage and any(w.endswith("*") for w in words))  # `rm 's3://b/*'`
        bulk = bulk or (storage and verb == "rb" and "--force" in argv)  # with what is in it
        unasked = not storage and bool(_UNASKED & set(argv))
        whole = bool(_WHOLE & set(words[:3]))  # `openstack project delete`: all that is in it
        level = CRITICAL if bulk or unasked or whole else MODERATE if verb in tool.single else HIGH
        reason = f"deletes {tool.what} ({command.name} {verb}): there is no undo"
        ctx.add(level, reason, command)
    elif tool.what == "cloud storage" and any(a in _MIRROR_DELETES for a in argv):
        reason = f"makes cloud storage match the source, deleting the rest ({command.name})"
        ctx.add(HIGH, reason, command)
    elif any(w in tool.reads for w in words[:3]):  # `pulumi stack ls`, `doctl compute x list`
        return
    else:
        ctx.add(MODERATE, f"{tool.other} ({command.name})", command)


def _rclone_sync(command: Command, source: str, target: str, ctx: Context) -> None:
    """`rclone sync SRC DST` deletes from DST whatever SRC lacks: an empty source, or a whole
    remote (`gdrive:`) as the target, loses everything there."""
    sources = tuple(w for w in command.args if w.value == source)
    if files.empty_source(sources):
        reason = f"deletes everything in {target} (an empty folder synced over it, rclone sync)"
        ctx.add(HIGH, reason, command)
    elif target.rstrip("/").endswith(":"):
        reason = f"makes the whole remote {target} a copy of {source}: the rest of it is deleted"
        ctx.add(HIGH, reason, command)
    elif ":" not in target and paths.area(_local(target, ctx)) in files.MIRROR_LOSSES:
        reason = f"makes {target} a copy of {source}: every other file in it is deleted"
        ctx.add(HIGH, f"{reason} (rclone sync)", command)
    else:
        reason = f"syncs into {target}, deleting files there the source lacks (rclone sync)"
        ctx.add(MODERATE, reason, command)


def _local(target: str, ctx: Context) -> str:
    return paths.normalise(ctx.resolve(target)).rstrip("/") or "/"


# rclone dedupe's modes that only ask or list; the others delete duplicates unasked.
_DEDUPE_ASKS = frozenset(split_words("interactive list"))


def _dedupes_unasked(argv: list[str], words: list[str]) -> bool:
    mode = next((b for a, b in itertools.pairwise(argv) if a == "--dedupe-mode"), None)
    mode = mode or next((a.split("=", 1)[1] for a in argv if a.startswith("--dedupe-mode=")), None)
    if mode is None and len(words) > 2:
        mode = words[1]  # `rclone dedupe newest remote:`
    return mode is not None and mode not in _DEDUPE_ASKS


RULES: dict[str, Rule] = dict.fromkeys(TOOLS, teardown)
