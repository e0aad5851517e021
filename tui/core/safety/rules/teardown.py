"""Infrastructure and hosting tools whose delete verbs take down what they manage.

One table instead of one rule per tool: which words delete (`destroy`, `apps:destroy`,
`purge`, ...), which only read, and which flags skip the question the tool would ask. A delete
is HIGH; unasked, or of a whole bucket's content, it is CRITICAL. A verb may be spelt inside a
longer word (`cluster-delete`, `vm.destroy`, `firestore:delete`, `DeleteInstance`); reverting
verbs (`rollback`, `rebuild`) lose the present state. Whatever the verb, storage made public, a
firewall opened to the whole internet or an administrator role handed out is HIGH. Everything
else these tools do stays as caro rated them before: a change is MODERATE, a listing safe.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import files, toolchains
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.rules.databases import rate_sql
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
    reverts: frozenset[str] = frozenset()  # verbs that throw the present state away
    local: bool = False  # machines on this computer: skipping the question does not raise it


def _tool(
    what: str,
    deletes: str,
    reads: str,
    other: str,
    bulk: str = "",
    single: str = "",
    reverts: str = "",
    local: bool = False,
) -> Tool:
    return Tool(
        what,
        frozenset(split_words(deletes)),
        frozenset(split_words(reads)),
        other,
        frozenset(split_words(bulk)),
        frozenset(split_words(single)),
        frozenset(split_words(reverts)),
        local,
    )


_IAC_READS = "plan preview show output outputs list ls diff synth validate version whoami graph"
TOOLS: dict[str, Tool] = {
    "terragrunt": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "pulumi": _tool("infrastructure", "destroy rm delete", _IAC_READS, "changes infrastructure"),
    "cdk": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "cdktf": _tool("infrastructure", "destroy", _IAC_READS, "changes infrastructure"),
    "openstack": _tool("cloud resources", "delete purge", "list show", "changes cloud resources"),
    "oci": _tool("cloud resources", "delete terminate", "list get", "changes cloud resources"),
    "ibmcloud": _tool(
        "cloud resources",
        "delete rm service-instance-delete service-key-delete resource-group-delete cluster-rm",
        "list ls get show service-instances resource-groups target objects buckets",
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
    "velero": _tool(
        "cluster backups", "delete uninstall", "get describe version", "backs up clusters"
    ),
    "sam": _tool("cloud resources", "delete", "validate list logs local build", "deploys code"),
    "copilot": _tool("an app and its data", "delete", "ls show status logs", "deploys code"),
    "serverless": _tool("cloud resources", "remove", "info print package", "deploys code"),
    "sls": _tool("cloud resources", "remove", "info print package", "deploys code"),
    "doctl": _tool("cloud resources", "delete rm", "list ls get", "connects to a service"),
    "hcloud": _tool(
        "cloud resources", "delete", "list describe", "connects to a service", reverts="rebuild"
    ),
    "linode-cli": _tool("cloud resources", "delete rm rb", "list view ls", "connects to a service"),
    "heroku": _tool(
        "an app and its data",
        "apps:destroy apps:delete destroy addons:destroy pg:reset pg:kill redis:reset "
        "pg:backups:delete",
        "apps apps:info logs ps config info",
        "connects to a service",
        reverts="pg:copy pg:backups:restore",
    ),
    "flyctl": _tool(
        "an app and its data", "destroy delete remove", "list status logs", "connects to a service"
    ),
    "fly": _tool(
        "an app and its data", "destroy delete remove", "list status logs", "connects to a service"
    ),
    "vercel": _tool("a deployment", "remove rm", "list ls inspect logs", "connects to a service"),
    "netlify": _tool("a site", "sites:delete delete", "status sites:list", "connects to a service"),
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
    **dict.fromkeys(
        split_words("exo vultr-cli upctl ovhcloud"),
        _tool(
            "cloud resources", "delete rm rb", "list ls show get account", "changes cloud resources"
        ),
    ),
    **dict.fromkeys(
        split_words("aliyun tccli"),
        _tool(
            "cloud resources",
            "delete terminate isolate release destroy rm remove",
            "describe list get ls query inquiry inquire",
            "changes cloud resources",
        ),
    ),
    "govc": _tool(
        "virtual machines or datastores",
        "destroy rm remove unregister",
        "ls info find about",
        "changes virtual machines",
    ),
    "cf": _tool(
        "an app and its data",
        "delete purge-service-instance purge-service-offering",
        "apps app logs services service spaces orgs routes domains marketplace version",
        "deploys code",
    ),
    "swift": _tool("cloud storage", "delete", "list stat capabilities", "changes cloud storage"),
    "wrangler": _tool("a worker or its data", "delete", "whoami tail list info", "deploys code"),
    "railway": _tool(
        "a deployment or its data", "down delete", "status logs whoami list", "deploys code"
    ),
    "supabase": _tool(
        "a project or its data", "delete rm", "status list ls diff", "changes a project"
    ),
    "firebase": _tool(
        "a project or its data",
        "delete remove disable",
        "list get log",
        "deploys code",
    ),
    "amplify": _tool("an app and its data", "delete remove", "status", "deploys code"),
    "eb": _tool(
        "an environment and its data", "terminate", "status logs health list events", "deploys code"
    ),
    "sst": _tool("cloud resources", "remove", "diff version", "deploys code"),
    "rosa": _tool("a cluster", "delete", "list describe logs whoami version", "changes a cluster"),
    "kops": _tool("a cluster", "delete", "get validate version", "changes a cluster"),
    "juju": _tool(
        "a model or application and its storage",
        "destroy remove kill",
        "status models controllers show-model show-controller version",
        "deploys apps",
    ),
    "waypoint": _tool("deployments", "destroy", "status logs", "deploys code"),
    "kapp": _tool("apps and what they run", "delete", "ls list inspect logs diff", "deploys apps"),
    "helmfile": _tool(
        "releases and what they run",
        "destroy delete",
        "diff lint list template status",
        "deploys apps",
    ),
    "rancher": _tool("a cluster or project", "delete rm", "ls list inspect", "changes a cluster"),
    "boundary": _tool("access scopes and targets", "delete", "list read", "changes access"),
    "nomad": _tool(
        "jobs and what they run", "purge", "status plan logs inspect version", "runs jobs"
    ),
    "talosctl": _tool(
        "a node and its data",
        "reset",
        "dmesg services health logs get version containers",
        "changes a node",
    ),
    "cilium": _tool(
        "the cluster's network", "uninstall", "status version", "changes the cluster's network"
    ),
    "calicoctl": _tool("network policy", "delete", "get version", "changes network policy"),
    **dict.fromkeys(
        split_words("limactl colima"),
        _tool(
            "virtual machines",
            "delete rm remove",
            "list ls status info version",
            "runs virtual machines",
            local=True,
        ),
    ),
    **dict.fromkeys(
        split_words("qm pct"),
        _tool(
            "virtual machines or containers",
            "destroy delsnapshot unlink",
            "list config listsnapshot status pending",
            "runs virtual machines",
            reverts="rollback",
        ),
    ),
    "pvesm": _tool("a storage volume", "free", "status list", "changes storage"),
    "pvecm": _tool("a cluster node", "delnode", "status nodes", "changes the cluster"),
    "VBoxManage": _tool(
        "virtual machines",
        "delete",
        "list showvminfo showmediuminfo",
        "runs virtual machines",
        reverts="restore restorecurrent",
        local=True,
    ),
    "vmrun": _tool(
        "virtual machines",
        "deleteVM deleteSnapshot",
        "list listSnapshots",
        "runs virtual machines",
        reverts="revertToSnapshot",
        local=True,
    ),
}
_UNASKED = frozenset(
    split_words(
        "-y --yes -f --force --confirm --auto-approve -auto-approve --non-interactive --no-prompts "
        "--terragrunt-non-interactive"
    )
)
_WHOLE = frozenset(split_words("project projects account tenancy compartment subscription"))
# `azcopy sync --delete-destination`, `mc mirror --remove`, `s3cmd sync --delete-removed`,
# `s5cmd sync --delete`: the target made to match the source, the rest of it deleted.
_MIRROR_DELETES = frozenset(
    split_words("--delete-destination=true --delete-destination --remove --delete-removed --delete")
)
_RECURSIVE = frozenset(split_words("-r -R --recursive --recursive=true"))
_DRY_RUN = frozenset(split_words("--dry-run --dryrun"))
# `mc anonymous set public B`, `mc policy set download B`, `s3cmd setacl --acl-public`.
_OPENED = frozenset(split_words("public download"))


def teardown(command: Command, ctx: Context) -> None:
    tool = TOOLS[command.name]
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if command.name == "heroku" and words[:1] == ["pg:psql"] and _sql_given(argv) is not None:
        rate_sql(_sql_given(argv) or "", command, ctx, "heroku pg:psql")
        return
    if command.name == "rclone" and words[:1] == ["sync"] and len(words) >= 3:
        _rclone_sync(command, words[1], words[-1], ctx)
        return
    if command.name == "rclone" and words[:1] == ["dedupe"] and _dedupes_unasked(argv, words):
        reason = "deletes duplicate files in the remote, keeping one of each (rclone dedupe)"
        ctx.add(HIGH, reason, command)
        return
    if command.name == "swift" and (not words or words[0] not in _SWIFT_STORE_VERBS):
        toolchains.toolchain(command, ctx)  # the Swift language's tool
        return
    if _opens_or_grants(command, tool, words, ctx):
        return
    verb = _delete_verb(command.name, tool, words, argv)
    storage = tool.what == "cloud storage"
    if storage and _DRY_RUN & set(argv) and (verb is not None or _MIRROR_DELETES & set(argv)):
        ctx.add(MODERATE, f"shows what {command.name} would delete, deleting nothing", command)
    elif storage and _made_public(words, argv):
        reason = f"lets anyone on the internet read the bucket's files ({command.name})"
        ctx.add(HIGH, reason, command)
    elif command.name == "rclone" and verb == "delete" and _one_file(words[1:2]):
        ctx.add(MODERATE, f"deletes a file from cloud storage ({words[1]})", command)
    elif verb is not None and verb in tool.reverts:
        reason = f"throws away what {tool.what} hold now ({command.name} {verb}): there is no undo"
        ctx.add(HIGH, reason, command)
    elif command.name == "multipass" and verb == "delete" and not {"-p", "--purge"} & set(argv):
        reason = "moves virtual machines to the trash (multipass recover brings them back)"
        ctx.add(MODERATE, reason, command)
    elif verb is not None:
        bulk = verb in tool.bulk or (storage and bool(_RECURSIVE & set(argv)))
        bulk = bulk or (storage and any(w.endswith("*") for w in words))  # `rm 's3://b/*'`
        bulk = bulk or (storage and verb == "rb" and "--force" in argv)  # with what is in it
        bulk = bulk or (storage and "--all" in argv)  # `swift delete --all`: every container
        unasked = not storage and not tool.local and bool(_UNASKED & set(argv))
        whole = bool(_WHOLE & set(words[:3]))  # `openstack project delete`: all that is in it
        level = CRITICAL if bulk or unasked or whole else MODERATE if verb in tool.single else HIGH
        reason = f"deletes {tool.what} ({command.name} {verb}): there is no undo"
        ctx.add(level, reason, command)
    elif tool.what == "cloud storage" and any(a in _MIRROR_DELETES for a in argv):
        reason = f"makes cloud storage match the source, deleting the rest ({command.name})"
        ctx.add(HIGH, reason, command)
    elif command.name == "velero" and _overwrites_live(words, argv):
        reason = "restores an old backup over what runs now (velero --existing-resource-policy)"
        ctx.add(HIGH, reason, command)
    elif _remote_sql_drops(command.name, argv):
        reason = f"drops or empties tables of a database that may be the live one ({command.name})"
        ctx.add(HIGH, reason, command)
    elif any(w in tool.reads for w in words[:3]) or _spelt_in(words[:3], tool.reads):
        return  # `pulumi stack ls`, `doctl compute x list`, `linode-cli domains records-list`
    else:
        ctx.add(MODERATE, f"{tool.other} ({command.name})", command)


# OpenStack's object store client; `swift build`, `swift test` are the Swift language's.
_SWIFT_STORE_VERBS = frozenset(
    split_words("list stat delete upload download post copy capabilities info tempurl auth")
)


def _delete_verb(name: str, tool: Tool, words: list[str], argv: list[str]) -> str | None:
    """The word that deletes or reverts: `destroy`, or spelt inside another word
    (`cluster-delete`, `vm.destroy`, `firestore:delete`, `DeleteInstance`), unless a word that
    only reads comes first (`describe delete-me`)."""
    verbs = tool.deletes | tool.reverts
    exact = next((w for w in words[:3] if w in verbs), None)
    if exact is not None:
        return exact
    if name == "VBoxManage" and words[:1] in (["unregistervm"], ["closemedium"]):
        return words[0] if "--delete" in argv else None  # without it the files stay
    if name == "nomad" and words[1:2] == ["stop"] and {"-purge", "--purge"} & set(argv):
        return "purge"
    for word in words[:3]:
        if _spelt_in([word], verbs):
            return word
        if word in tool.reads or _spelt_in([word], tool.reads):
            return None
    return None


_SEGMENTS = lazy_pattern(r"[:.]")
_PARTS = lazy_pattern(r"[-_]|(?<=[a-z])(?=[A-Z])")


def _spelt_in(words: list[str], wanted: frozenset[str]) -> bool:
    """A word built of parts whose verb is one of `wanted`: the last of `pg:backups:delete`
    or `vm.destroy`, the first or last of `delete-space`, `records-list`, `DescribeInstances`."""
    for word in words:
        segments = _SEGMENTS.split(word)
        parts = [p.lower() for p in _PARTS.split(segments[-1]) if p]
        if (len(segments) == 1 and len(parts) < 2) or not parts:
            continue
        if {parts[0], parts[-1]} & wanted:
            return True
    return False


_PUBLIC_VALUES = frozenset(
    split_words("public-read public-read-write --acl-public objectread objectreadwithoutlist")
)
_EVERYWHERE = frozenset(("0.0.0.0/0", "::/0", "--remote-ip=0.0.0.0/0"))
_ADMIN_ROLES = frozenset(split_words("admin administrator administratoraccess owner"))


def _opens_or_grants(command: Command, tool: Tool, words: list[str], ctx: Context) -> bool:
    """Storage made readable by anyone, a firewall opened to the whole internet, an
    administrator role handed out: rated here, whatever the verb."""
    lowered = [a.lower() for a in command.argv]
    if words[:2] == ["anonymous", "set"] and words[2:3] not in (["private"], ["none"]):
        ctx.add(HIGH, f"lets anyone read or write {tool.what} ({command.name} anonymous)", command)
        return True
    if words[:2] == ["anonymous", "set"]:
        ctx.add(MODERATE, f"closes {tool.what} to anonymous users ({command.name})", command)
        return True
    if words[:1] == ["anonymous"]:
        return True  # `mc anonymous get`, `mc anonymous list`: shows who may read
    if _PUBLIC_VALUES & set(lowered):
        ctx.add(HIGH, f"makes {tool.what} readable by anyone ({command.name})", command)
        return True
    if _EVERYWHERE & set(lowered) and not _web_ports(lowered):
        reason = f"opens {tool.what} to the whole internet, every port ({command.name})"
        ctx.add(HIGH, reason, command)
        return True
    granting = any(w.lower().startswith(("add", "grant", "assign", "attach")) for w in words[:4])
    if granting and any(_role_word(w) in _ADMIN_ROLES for w in words[2:]):
        reason = f"gives an account administrator rights over {tool.what} ({command.name})"
        ctx.add(HIGH, reason, command)
        return True
    return False


def _role_word(word: str) -> str:
    return word.lower().rsplit("/", 1)[-1].rsplit(":", 1)[-1]


def _web_ports(lowered: list[str]) -> bool:
    """`--dst-port 443`: the port a web server is meant to show everyone."""
    ports = [b for a, b in zip(lowered, [*lowered[1:], ""], strict=True) if "port" in a]
    return bool(ports) and all(p in ("80", "443") for p in ports)


_DROPS = lazy_pattern(
    r"(?i)\b(drop\s+(table|database|schema)|truncate)\b|\bdelete\s+from\s+\w+\s*;?\s*$"
)


def _overwrites_live(words: list[str], argv: list[str]) -> bool:
    """`velero restore create --existing-resource-policy=update`: live objects replaced."""
    policy = [
        b for a, b in zip(argv, [*argv[1:], ""], strict=True) if a == "--existing-resource-policy"
    ]
    policy += [a.split("=", 1)[1] for a in argv if a.startswith("--existing-resource-policy=")]
    return words[:1] == ["restore"] and "update" in policy


def _remote_sql_drops(name: str, argv: list[str]) -> bool:
    """`wrangler d1 execute db --remote --command "DROP TABLE users"`; without `--local` the
    database may be the deployed one, depending on the version."""
    if name != "wrangler" or "--local" in argv:
        return False
    return any(_DROPS.search(a) for a in argv)


def _rclone_sync(command: Command, source: str, target: str, ctx: Context) -> None:
    """`rclone sync SRC DST` deletes from DST whatever SRC lacks: an empty source, or a whole
    remote (`gdrive:`) as the target, loses everything there."""
    sources = tuple(w for w in command.args if w.value == source)
    if files.empty_source(sources):
        reason = f"deletes everything in {target} (an empty folder synced over it, rclone sync)"
        ctx.add(HIGH, reason, command)
    elif paths.area(paths.normalise(target)) in ("home", "all_homes", "root"):
        reason = f"makes {target} a copy of {source}: every other file there is deleted"
        ctx.add(CRITICAL, f"{reason} (rclone sync)", command)
    elif target.rstrip("/").endswith(":"):
        reason = f"makes the whole remote {target} a copy of {source}: the rest of it is deleted"
        ctx.add(HIGH, reason, command)
    elif ":" not in target and paths.area(_local(target, ctx)) in files.MIRROR_LOSSES:
        reason = f"makes {target} a copy of {source}: every other file in it is deleted"
        ctx.add(HIGH, f"{reason} (rclone sync)", command)
    else:
        reason = f"syncs into {target}, deleting files there the source lacks (rclone sync)"
        ctx.add(MODERATE, reason, command)


def _sql_given(argv: list[str]) -> str | None:
    """`heroku pg:psql -c 'SQL'` (or `--command SQL`)."""
    return next((b for a, b in itertools.pairwise(argv) if a in ("-c", "--command")), None)


def _made_public(words: list[str], argv: list[str]) -> bool:
    opened = words[:1] in (["anonymous"], ["policy"]) and bool(_OPENED & set(words[1:3]))
    return opened or "--acl-public" in argv


def _one_file(words: list[str]) -> bool:
    """`gdrive:tmp/old.log`: a path whose last part has a file's extension."""
    last = words[0].rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] if words else ""
    return "." in last.strip(".") and "*" not in last


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
