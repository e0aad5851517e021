"""Cloud command lines (aws, gcloud, az, gsutil) and mass removals of containers.

Deleting buckets, instances, projects and resource groups loses data or service that no undo
brings back: HIGH, and a whole project or account-wide delete CRITICAL. Listing is safe.
"""

from __future__ import annotations

import itertools
import re

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.flow import secret_path
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules import containers_inside, containers_run, listed
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule, subcommand
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words(
        "ls list describe get show get-object head-object wait help version info configure read "
        "get-iam-policy "
        "lookup-events tail "
        "whoami account auth login config describe-instances get-caller-identity"
    )
)
_DELETES = ("delete", "remove", "terminate", "destroy", "purge", "rb", "rm", "deregister")
# Where a delete loses data or running machines, not just a setting.
_DATA_SERVICES = frozenset(split_words("rds dynamodb ec2 efs s3api redshift elasticache docdb eks"))
_DATA_ACTIONS = frozenset(
    split_words(
        "delete-bucket delete-table delete-db-instance delete-cluster delete-stack "
        "schedule-key-deletion"
    )
)
_EXPOSING = frozenset(
    split_words(
        "put-bucket-acl put-object-acl put-bucket-policy put-public-access-block "
        "delete-public-access-block modify-db-instance authorize-security-group-ingress"
    )
)
_IAM_GRANTS = (
    "create-access-key",
    "attach-",
    "put-user-policy",
    "put-role-policy",
    "put-group-policy",
    "create-login-profile",
    "update-login-profile",
    "add-user",
    "create-user",
    "update-assume-role-policy",
    "create-policy-version",
    "set-default-policy-version",
    "create-service-specific-credential",
    "upload-ssh-public-key",
)


def _public(argv: list[str]) -> bool:
    text = " ".join(argv)
    return any(
        word in text for word in ("public-read", "AllUsers", '"*"', "0.0.0.0/0", "Principal")
    )


_WHOLE_DISK_SHARES = frozenset(
    split_words("modify-snapshot-attribute modify-image-attribute modify-db-snapshot-attribute")
)


def _opened_to_all(service: str, action: str, argv: list[str]) -> bool:
    """`s3 cp --acl public-read`, `--publicly-accessible`, `--principal '*'`, snapshots shared
    with `all`, a public-access block switched off."""
    if service == "s3" and any(a.startswith("public-read") for a in argv):
        return True
    if "--publicly-accessible" in argv:
        return True
    if action in _WHOLE_DISK_SHARES and ("all" in argv or "Group=all}" in " ".join(argv)):
        return True
    if action == "put-public-access-block" and "=false" in " ".join(argv).lower():
        return True
    principal = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--principal"]
    if principal and principal[0] in ("*", "'*'"):
        return True
    return (
        action.endswith(("-policy", "-permission"))
        and re.search(r'"Principal"\s*:\s*("\*"|\{\s*"AWS"\s*:\s*"\*")', " ".join(argv)) is not None
    )


def _web_only(argv: list[str]) -> bool:
    """`--protocol tcp --port 443`: a web server's port, the one meant to face everyone."""
    ports = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--port"]
    ports += [a.split("=", 1)[1] for a in argv if a.startswith("--port=")]
    return bool(ports) and all(p in ("80", "443") for p in ports)


# aws options that can stand before the service, with a value: `aws --profile prod s3 ...`.
_AWS_GLOBALS = frozenset(
    split_words(
        "--profile --region --output --endpoint-url --query --cli-read-timeout "
        "--cli-connect-timeout --ca-bundle --color --cli-binary-format"
    )
)


def _without_globals(argv: list[str]) -> list[str]:
    """The arguments from the service on (`s3 rm ...`), with the global options left out."""
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        index += 2 if argv[index] in _AWS_GLOBALS else 1
    rest = argv[index:]
    return [
        a
        for i, a in enumerate(rest)
        if a.split("=", 1)[0] not in _AWS_GLOBALS and (i == 0 or rest[i - 1] not in _AWS_GLOBALS)
    ]


def aws(command: Command, ctx: Context) -> None:
    argv = _without_globals(command.argv)
    words = [a for a in argv if not a.startswith("-")]
    service = words[0] if words else ""
    action = words[1] if len(words) > 1 else ""
    recursive = "--recursive" in argv or "--force" in argv
    if service == "s3" and action in ("rm", "rb"):
        level = CRITICAL if recursive else HIGH if action == "rb" else MODERATE
        ctx.add(
            level,
            f"deletes from S3 ({'every object under ' if recursive else ''}"
            f"{words[2] if len(words) > 2 else 'a bucket'})",
            command,
        )
    elif service == "s3" and action == "sync" and "--delete" in argv and "--dryrun" in argv:
        ctx.add(MODERATE, "shows what an S3 sync would copy and delete (--dryrun)", command)
    elif service == "s3" and action == "sync" and "--delete" in argv and _home_target(words):
        reason = f"makes {words[-1]} a copy of the bucket: every other file there is deleted"
        ctx.add(CRITICAL, f"{reason} (aws s3 sync --delete)", command)
    elif service == "s3" and action == "sync" and "--delete" in argv:
        ctx.add(HIGH, "syncs to S3 and deletes what is not in the source", command)
    elif service == "organizations" and action == "close-account":
        ctx.add(CRITICAL, "closes a whole AWS account and everything in it", command)
    elif _aws_blinds(service, action, argv):
        ctx.add(CRITICAL, f"{_BLINDS} ({service} {action})", command)
    elif service in _AUDIT_SERVICES and action.startswith("update") and "--no-" in " ".join(argv):
        reason = f"narrows what the account's audit trail records ({service} {action})"
        ctx.add(HIGH, reason, command)
    elif action.removeprefix("batch-").removeprefix("bulk-").startswith(_DELETES) or (
        "-deletion" in action and not action.startswith(("describe", "list", "get", "cancel"))
    ):
        what = "an account-wide resource" if service in ("iam", "organizations") else service
        level = CRITICAL if service in _DATA_SERVICES or action in _DATA_ACTIONS else HIGH
        reason = f"deletes cloud resources ({service} {action}): {what} cannot be undone"
        ctx.add(level, reason, command)
    elif action == "authorize-security-group-ingress" and _public(argv) and _web_only(argv):
        ctx.add(MODERATE, "lets the internet reach a web port (80 or 443) of a server", command)
    elif action in _EXPOSING and _public(argv):
        ctx.add(CRITICAL, f"makes cloud data public ({service} {action})", command)
    elif _opened_to_all(service, action, argv):
        ctx.add(HIGH, f"opens a cloud resource to anyone ({service} {action})", command)
    elif service == "iam" and action.startswith(_IAM_GRANTS):
        ctx.add(
            HIGH, f"creates credentials or grants rights in the account (iam {action})", command
        )
    elif service == "kms" and action == "disable-key":
        reason = "switches off a key: whatever it encrypts cannot be read until it is back on"
        ctx.add(HIGH, reason, command)
    elif action == "put-bucket-lifecycle-configuration" and '"Expiration"' in " ".join(argv):
        reason = "has the bucket delete its objects when they reach an age (s3api lifecycle)"
        ctx.add(HIGH, reason, command)
    elif service == "organizations" and action in (
        "leave-organization",
        "remove-account-from-organization",
    ):
        reason = f"takes an account out of its organization and its guard rails ({action})"
        ctx.add(HIGH, reason, command)
    elif action == "put-bucket-versioning" and "suspended" in " ".join(argv).lower():
        reason = "turns off versioning: objects overwritten or deleted later cannot come back"
        ctx.add(HIGH, f"{reason} (s3api put-bucket-versioning)", command)
    elif service in _AUDIT_SERVICES and action.startswith(_SWITCHING_OFF):
        reason = f"turns off the account's audit trail or threat detection ({service} {action})"
        ctx.add(HIGH, reason, command)
    elif action.startswith(("list", "describe", "get")) or action in _READS or service in _READS:
        return
    else:
        ctx.add(MODERATE, f"changes cloud resources (aws {service} {action})".strip(), command)


# Services that record who did what in the account, or watch it for attacks.
_AUDIT_SERVICES = frozenset(
    split_words(
        "cloudtrail guardduty config configservice securityhub macie macie2 inspector "
        "inspector2 access-analyzer detective"
    )
)
_SWITCHING_OFF = ("stop", "disable", "disassociate")
_BLINDS = "turns off the account's audit trail or threat detection: attacks go unseen"


def _aws_blinds(service: str, action: str, argv: list[str]) -> bool:
    """`guardduty delete-detector`, `cloudtrail stop-logging`, `update-detector --no-enable`."""
    if service not in _AUDIT_SERVICES:
        return False
    if action.startswith(_SWITCHING_OFF + _DELETES):
        return True
    return action.startswith("update") and any(a in ("--no-enable", "--enable=false") for a in argv)


def _monitoring_removed(name: str, words: list[str], argv: list[str]) -> bool:
    """gcloud and az: audit logs routed nowhere, log stores deleted, Defender set to free."""
    deletes = any(w.startswith(("delete", "purge")) for w in words)
    if name == "gcloud":
        disabled = words[:2] == ["services", "disable"] and any(
            w.startswith(_AUDIT_APIS) for w in words
        )
        return disabled or (words[:1] == ["logging"] and deletes)
    if words[:2] == ["security", "pricing"]:
        return any(a.lower() == "free" for a in argv)
    logs = words[:2] == ["monitor", "diagnostic-settings"] or words[1:3] == [
        "log-analytics",
        "workspace",
    ]
    return logs and deletes


# Google APIs whose switching off ends audit logging or security monitoring.
_AUDIT_APIS = ("logging.googleapis.com", "securitycenter.googleapis.com", "cloudaudit")


# Roles that let anyone call a service meant to be public (a web app, an HTTP function).
_INVOKER_ROLES = ("roles/run.invoker", "roles/cloudfunctions.invoker")


def _everyone(argv: list[str]) -> bool:
    """`allUsers:objectViewer`, `-u AllUsers:R`, `--member=allAuthenticatedUsers`."""
    return any(re.search(r"\ball(authenticated)?users\b", a, re.I) for a in argv)


def gcloud(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    words = words[1:] if words[:1] in (["alpha"], ["beta"]) else words  # the release track
    invoker = any(a.endswith(_INVOKER_ROLES) for a in command.argv)
    if "add-iam-policy-binding" in words and _everyone(command.argv) and not invoker:
        bucket = words[:2] == ["storage", "buckets"] or any(w.startswith("gs://") for w in words)
        if bucket and any(re.search(r"\ballusers\b", a, re.I) for a in command.argv):
            ctx.add(CRITICAL, f"{_WHOLE_BUCKET} (allUsers)", command)
        elif any(re.search(r"roles/owner\b", a) for a in command.argv):
            ctx.add(
                CRITICAL, "gives anyone on the internet full control (allUsers, owner)", command
            )
        else:
            ctx.add(HIGH, "gives anyone on the internet access (allUsers)", command)
    elif ("add-iam-policy-binding" in words and _grants_owner(command.argv)) or words[:4] == [
        "iam",
        "service-accounts",
        "keys",
        "create",
    ]:
        reason = f"creates credentials or grants full rights in the account ({' '.join(words[:3])})"
        ctx.add(HIGH, reason, command)
    elif words[:2] == ["iam", "roles"] and any(
        p in a for a in command.argv for p in (".setIamPolicy", "iam.serviceAccounts.actAs")
    ):
        reason = "lets a role give itself any right (setIamPolicy or actAs in a custom role)"
        ctx.add(HIGH, reason, command)
    elif "sql" in words and any(
        a.endswith("0.0.0.0/0") for a in command.argv if a.startswith("--authorized-networks")
    ):
        ctx.add(HIGH, "lets the whole internet reach a database (authorized networks)", command)
    elif _monitoring_removed("gcloud", words, command.argv):
        ctx.add(CRITICAL, f"{_BLINDS} ({' '.join(words[:3])})", command)
    elif "set-password" in words or "reset-windows-password" in words:
        ctx.add(HIGH, f"changes an account's password ({' '.join(words[:3])})", command)
    elif "projects" in words and "delete" in words:
        ctx.add(CRITICAL, "deletes a whole cloud project and everything in it", command)
    elif words[:2] == ["storage", "rm"]:
        recursive = any(a in ("-r", "-R", "--recursive") for a in command.argv)
        level = CRITICAL if recursive or any(w.endswith("**") for w in words) else MODERATE
        ctx.add(level, f"deletes from cloud storage ({' '.join(words[:3])})", command)
    elif any(w in ("delete", "remove", "destroy") for w in words):
        level = CRITICAL if _unasked(command.argv) or _holds_data(words) else HIGH
        ctx.add(level, f"deletes cloud resources ({' '.join(words[:3])})", command)
    elif any(w in _READS for w in words):
        return
    else:
        ctx.add(
            MODERATE, f"changes cloud resources ({command.name} {' '.join(words[:2])})", command
        )


def _az_public(argv: list[str]) -> bool:
    """`--public-access blob|container`, `--allow-blob-public-access true`."""
    for index, value in enumerate(argv[:-1]):
        if value == "--public-access" and argv[index + 1] in ("blob", "container"):
            return True
        if value == "--allow-blob-public-access" and argv[index + 1] == "true":
            return True
    return False


_OWNER_ROLES = frozenset(
    split_words("owner contributor roles/owner roles/editor roles/iam.securityadmin")
)


def _grants_owner(argv: list[str]) -> bool:
    """`--role Owner`, `--role=roles/owner`, `--role "User Access Administrator"`."""
    for index, value in enumerate(argv):
        role = argv[index + 1] if value == "--role" and index + 1 < len(argv) else ""
        role = value.split("=", 1)[1] if value.startswith("--role=") else role
        lowered = role.strip("'\"").lower()
        if lowered in _OWNER_ROLES or lowered == "user access administrator":
            return True
    return False


def az(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    granting = words[:3] in (["role", "assignment", "create"], ["ad", "sp", "create-for-rbac"])
    if granting and _grants_owner(command.argv):
        ctx.add(HIGH, f"grants full rights in the subscription ({' '.join(words[:3])})", command)
    elif words[:1] == ["storage"] and _az_public([a.lower() for a in command.argv]):
        ctx.add(HIGH, "makes cloud storage readable by anyone (az storage)", command)
    elif words[:3] in (["ad", "user", "create"], ["ad", "group", "member"]) or (
        "reset-password" in words or "set-password" in words
    ):
        ctx.add(
            HIGH,
            f"creates an account or changes who may log in (az {' '.join(words[:3])})",
            command,
        )
    elif _monitoring_removed("az", words, command.argv):
        ctx.add(CRITICAL, f"{_BLINDS} (az {' '.join(words[:3])})", command)
    elif words[:2] == ["group", "delete"]:
        ctx.add(CRITICAL, "deletes a whole resource group and everything in it (az)", command)
    elif any(w.startswith(("delete", "purge")) for w in words[:4]):
        level = CRITICAL if _unasked(command.argv) or _holds_data(words) else HIGH
        ctx.add(level, f"deletes cloud resources (az {' '.join(words[:3])})", command)
    elif any(w in _READS for w in words):
        return
    else:
        ctx.add(MODERATE, f"changes cloud resources (az {' '.join(words[:2])})", command)


_WHOLE_BUCKET = "opens a whole storage bucket, and all it holds, to anyone on the internet"


def _gsutil_whole_bucket(action: str, argv: list[str], words: list[str]) -> bool:
    """`iam ch allUsers:R gs://b` reaches every object of the bucket; `acl ch` one object,
    unless it is recursive (`-r`) over a bucket. (`allAuthenticatedUsers`, any Google account,
    stays HIGH as round 3 pinned it.)"""
    if action == "defacl" or not any(re.search(r"\ballusers\b", a, re.I) for a in argv):
        return False  # a default ACL reaches only objects written later
    if action == "iam":
        return True
    buckets = [w for w in words if w.startswith("gs://")]
    recursive = any(a in ("-r", "-R", "--recursive") for a in argv)
    return recursive and any(w.rstrip("/").count("/") <= 2 for w in buckets)


def _home_target(words: list[str]) -> bool:
    """`aws s3 sync s3://b ~/`: a home folder (or `/`) as what a sync deletes from."""
    target = words[-1] if len(words) > 3 else ""
    return not target.startswith("s3://") and paths.area(paths.normalise(target)) in (
        "home",
        "all_homes",
        "root",
    )


def gsutil(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    action = words[0] if words else ""
    if action in ("iam", "acl", "defacl") and words[1:2] == ["get"]:
        return  # `gsutil iam get gs://b`: shows who may read
    if action in ("iam", "acl", "defacl") and _everyone(argv):
        if _gsutil_whole_bucket(action, argv, words):
            ctx.add(CRITICAL, f"{_WHOLE_BUCKET} (gsutil {action})", command)
        else:
            ctx.add(HIGH, f"makes cloud storage readable by anyone (gsutil {action})", command)
    elif action in ("rm", "rb"):
        wild = [w for w in words[1:] if w.startswith("gs://") and "*" in w]
        level = CRITICAL if "-r" in argv or "-a" in argv or "-R" in argv else MODERATE
        if level < CRITICAL and wild:  # `gs://b/**` is everything; `gs://b/*` the top level
            level = CRITICAL if any(w.endswith("/**") for w in wild) else HIGH
        level = HIGH if action == "rb" and level < HIGH else level
        ctx.add(level, f"deletes from cloud storage (gsutil {action})", command)
    elif action == "rsync" and "-d" in argv and "-n" in argv:
        ctx.add(MODERATE, "shows what a sync would copy and delete (gsutil rsync -n)", command)
    elif action == "rsync" and "-d" in argv:
        ctx.add(HIGH, "syncs to cloud storage and deletes what is not in the source", command)
    elif action not in ("ls", "du", "cat", "stat", "version", "help"):
        ctx.add(MODERATE, f"changes cloud storage (gsutil {action})", command)


def _unasked(argv: list[str]) -> bool:
    """Flags that skip the confirmation the tool would otherwise ask for."""
    return any(a in ("-q", "--quiet", "-y", "--yes", "--force", "-f") for a in argv)


_DATA_WORDS = frozenset(
    split_words("instances sql storage account disks buckets databases clusters vm cosmosdb")
)


def _holds_data(words: list[str]) -> bool:
    return bool(set(words) & _DATA_WORDS)


# `docker container rm`, `docker image ls`: the grouped spellings of the short commands.
_GROUPED = {
    ("container", "rm"): "rm",
    ("container", "ls"): "ps",
    ("container", "list"): "ps",
    ("image", "rm"): "rmi",
    ("image", "ls"): "images",
    ("image", "list"): "images",
}


def _without_groups(words: list[str]) -> list[str]:
    """`container rm -f $(docker container ls -aq)` read as `rm -f $(docker ps -aq)`."""
    out: list[str] = []
    index = 0
    while index < len(words):
        short = _GROUPED.get((words[index], words[index + 1] if index + 1 < len(words) else ""))
        out.append(short or words[index])
        index += 2 if short else 1
    return out


def _every_container(words: list[str]) -> bool:
    """`rm -af`, or `rm -f $(docker ps -aq)`: all containers, running ones included."""
    cut = next((i for i, w in enumerate(words) if w.startswith(("$(", "`"))), len(words))
    outer = [w for w in words[1:cut] if w.startswith("-")]
    options = "".join(w[1:] for w in outer if not w.startswith("--"))
    inner = [w.rstrip(")`") for w in words[cut + 1 :]]
    listed = inner[:1] in (["ps"], ["container"]) and any(w in ("-aq", "-qa", "-a") for w in inner)
    unfiltered = not any(w.startswith(("-f", "--filter")) for w in inner)
    forced = "f" in options or "--force" in outer
    return forced and ("a" in options or "--all" in outer or (listed and unfiltered))


def _piped_list(command: Command) -> tuple[str, bool] | None:
    """`docker ps -aq | xargs docker rm -f`: (what the list was of, whether it was filtered)."""
    stdin = command.stdin
    if stdin is None or "xargs" not in command.via or not set(stdin.producers) & _ENGINES:
        return None
    reads = [r for r in stdin.reads if r not in _ENGINES]
    filtered = any("=" in r for r in reads)
    if reads[:1] == ["ps"] or reads[:2] in (["container", "ls"], ["container", "list"]):
        return "container", filtered
    if reads[:2] in (["volume", "ls"], ["volume", "list"]):
        return "volume", filtered
    if reads[:1] == ["images"] or reads[:2] in (["image", "ls"], ["image", "list"]):
        return "image", filtered
    return None


_ENGINES = frozenset(split_words("docker podman nerdctl"))


def mass_removal(command: Command, ctx: Context) -> bool:
    """`docker volume rm $(docker volume ls -q)`: every volume, and the data in it, at once.

    Images are pulled again, so removing all of them is HIGH; every container at once loses
    whatever each one wrote outside a volume, so that is HIGH too.
    """
    raws = " ".join(word.raw for word in command.args)
    words = _without_groups(raws.split())
    piped = _piped_list(command)
    removes = words[:1] in (["rm"], ["rmi"]) or words[:2] == ["volume", "rm"]
    if piped is not None and removes:
        return _piped_removal(command, ctx, words, piped)
    if words[:1] == ["rm"] and _every_container(words):
        reason = f"removes every container at once, running ones too ({command.name} rm)"
        ctx.add(HIGH, reason, command)
        return True
    if "$(" not in raws and "`" not in raws:
        return False
    if "volume" in raws and "rm" in raws and "volume ls" in raws:
        reason = f"removes all volumes and their data at once ({command.name} volume rm)"
        ctx.add(CRITICAL, reason, command)
        return True
    if words[:1] == ["rmi"] and (
        (" ps " in f" {raws} " and "-q" in raws) or "images -q" in raws or "-aq" in raws
    ):
        reason = f"removes every image at once, even those in use ({command.name} rmi)"
        ctx.add(HIGH, reason, command)
        return True
    return False


def _piped_removal(
    command: Command, ctx: Context, words: list[str], piped: tuple[str, bool]
) -> bool:
    kind, filtered = piped
    forced = any(w in ("-f", "--force") or (w[:1] == "-" and "f" in w[1:2]) for w in words[1:])
    if kind == "volume" and words[:2] == ["volume", "rm"]:
        level = HIGH if filtered else CRITICAL
        reason = f"removes every volume listed, and the data in it ({command.name} volume rm)"
        ctx.add(level, reason, command)
        return True
    if kind == "container" and words[:1] == ["rm"] and forced and not filtered:
        reason = f"removes every container at once, running ones too ({command.name} rm)"
        ctx.add(HIGH, reason, command)
        return True
    if kind == "image" and words[:1] == ["rmi"] and not filtered:
        reason = f"removes every image at once, even those in use ({command.name} rmi)"
        ctx.add(HIGH, reason, command)
        return True
    return False


def kubectl(command: Command, ctx: Context) -> None:
    sub, rest = subcommand(command, "-n --namespace --context --kubeconfig -l")
    argv = rest.argv
    if sub == "config" and argv[:1] and argv[0].startswith(("set", "delete", "unset", "rename")):
        ctx.add(MODERATE, f"changes how kubectl connects (kubectl config {argv[0]})", command)
        return
    if sub in (
        "get",
        "describe",
        "logs",
        "top",
        "explain",
        "version",
        "config",
        "api-resources",
        "completion",
    ):
        return
    if sub in ("rollout", "auth") and argv[:1] in (["status"], ["history"], ["can-i"]):
        return
    if command.name == "oc" and sub in ("status", "whoami", "projects"):
        return  # OpenShift's own reports
    if sub == "adm" and argv[:1] == ["policy"]:
        _oc_policy(argv[1:], command, ctx)
        return
    if sub == "delete" and _deletes_whole_app(argv, command):
        reason = "deletes everything a whole set of manifests describes (kubectl delete)"
        ctx.add(HIGH, reason, command)
        return
    if sub == "exec" and "--" in argv and containers_run.only_reads(argv[argv.index("--") + 1 :]):
        return  # `kubectl exec pod -- ls /app`: the command in the pod only reads
    if sub in ("run", "create"):
        image = next((a.split("=", 1)[1] for a in argv if a.startswith("--image=")), "")
        image = image or next((b for a, b in itertools.pairwise(argv) if a == "--image"), "")
        containers_run.unknown_registry(image, ["--restart=always"], command, ctx)
        if "--" in argv:  # `kubectl run x --image=alpine -- sh -c 'curl URL | sh'`
            containers_run.contained_download(argv[argv.index("--") + 1 :], command, ctx)
            containers_run.server_client(argv[argv.index("--") + 1 :], command, ctx)
            program, given = argv[argv.index("--") + 1 :], argv[: argv.index("--")]
            privileged = any('"privileged":true' in a.replace(" ", "") for a in given)
            containers_inside.contained_program("", program, given, privileged, command, ctx)
    selected = any(a.startswith(("-l", "--selector", "--field-selector")) for a in argv)
    everything = "--all" in argv or "-A" in argv
    if sub == "delete" and (_namespaces(argv) or (everything and not selected)):
        reason = "deletes a whole namespace or every resource of a kind (kubectl)"
        ctx.add(CRITICAL, reason, command)
        return
    if sub == "delete" and any(_LISTED_NAMESPACES.search(w.raw) for w in command.args):
        reason = "deletes every namespace a listing printed, and all in them (kubectl delete)"
        ctx.add(CRITICAL, reason, command)
        return
    if sub == "delete" and _piped_everything(command):
        reads = command.stdin.reads if command.stdin is not None else ()
        if _namespaces([r for r in reads if r not in ("get", command.name)][:1]):
            reason = "deletes every namespace a listing printed, and all in them (kubectl delete)"
            ctx.add(CRITICAL, reason, command)
            return
        ctx.add(HIGH, "deletes every resource a listing printed (kubectl delete)", command)
        return
    text = " ".join(argv)
    if (
        sub in ("create", "patch", "apply", "edit")
        and _EVERYONE_GROUPS.search(text)
        and (
            {"clusterrolebinding", "rolebinding", "clusterrolebindings"}
            & {a.split("/")[0] for a in argv}
            or "cluster-admin" in text
        )
    ):
        ctx.add(CRITICAL, "gives every user, or anyone at all, rights in the cluster", command)
    elif sub == "create" and "cluster-admin" in text:
        ctx.add(CRITICAL, "gives an account full control of the cluster (cluster-admin)", command)
    elif _grants_rights(sub, argv):
        ctx.add(HIGH, "changes who holds administrator rights in the cluster (kubectl)", command)
    elif sub in ("run", "create", "apply", "patch") and any(
        key in text
        for key in (
            '"hostPID":true',
            '"privileged":true',
            '"hostPath"',
            "hostNetwork",
            "--privileged",
        )
    ):
        ctx.add(CRITICAL, "runs a pod with access to the node itself (host namespaces)", command)
    elif sub == "create" and _any_verb_any_resource(argv):
        ctx.add(
            HIGH, "creates a role that may do anything to anything (kubectl create role)", command
        )
    elif sub in ("label", "annotate") and "enforce=privileged" in text:
        ctx.add(HIGH, "lets privileged pods run in the namespace (pod security off)", command)
    elif sub in ("cordon", "drain") and any(_EVERY_NODE.search(w.raw) for w in command.args):
        ctx.add(HIGH, f"takes every node out of service (kubectl {sub})", command)
    elif sub == "delete" and (
        _cluster_wide(argv, _GUARDS) or (_kube_system(command.argv) and not _one_pod(argv))
    ):
        reason = "deletes part of what runs or guards the cluster itself (kubectl delete)"
        ctx.add(HIGH, reason, command)
    elif sub == "cp" and _secret_sent(argv):
        ctx.add(HIGH, "copies a secret file of this machine into a pod", command)
    elif sub == "replace" and any(a in ("--force", "--force=true") for a in argv):
        reason = "deletes and recreates the resources (kubectl replace --force): their data may go"
        ctx.add(HIGH, reason, command)
    elif sub == "delete" and _production(command.argv) and not _one_pod(argv):
        ctx.add(HIGH, "deletes resources in a production namespace (kubectl delete)", command)
    elif sub == "drain" or _scaled_to_zero(sub, argv) or (sub == "taint" and _evicts(argv)):
        ctx.add(HIGH, f"takes workloads off the cluster (kubectl {sub})", command)
    elif sub == "delete" and _cluster_wide(argv):
        kind = next(a for a in argv if not a.startswith("-"))
        reason = (
            f"deletes a cluster-wide resource and all that depends on it (kubectl delete {kind})"
        )
        ctx.add(HIGH, reason, command)
    elif sub == "delete" and _cluster_wide(argv, _CLAIMS):
        reason = "deletes a volume claim: the data on its volume usually goes with it (kubectl)"
        ctx.add(HIGH, reason, command)
    elif sub in ("apply", "create", "replace") and _remote_manifest(argv):
        reason = f"applies a manifest straight from a URL, unreviewed (kubectl {sub})"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"changes the cluster (kubectl {sub})".strip(), command)


def _remote_manifest(argv: list[str]) -> bool:
    """`-f https://...` or `--filename=http://...`: whoever serves the URL decides what runs."""
    pairs = zip(["", *argv], argv, strict=False)
    for before, word in pairs:
        value = word.split("=", 1)[1] if word.startswith("--filename=") else word
        named = before in ("-f", "--filename") or word.startswith("--filename=")
        if named and value.startswith(("http://", "https://")) and not _project_host(value):
            return True
    return False


# Projects publish their manifests on these hosts; an unknown server or a bare IP is the risk.
_PROJECT_HOSTS = ("github.com", "githubusercontent.com", "gitlab.com", "k8s.io", "k8s.gcr.io")


def _project_host(url: str) -> bool:
    host = url.split("://", 1)[1].split("/", 1)[0].lower()
    return any(host == h or host.endswith("." + h) for h in _PROJECT_HOSTS)


def _oc_policy(argv: list[str], command: Command, ctx: Context) -> None:
    """`oc adm policy add-cluster-role-to-group cluster-admin system:authenticated`,
    `oc adm policy add-scc-to-user privileged -z default`."""
    action = argv[0] if argv else ""
    text = " ".join(argv)
    if not action.startswith("add-"):
        ctx.add(
            MODERATE, f"changes who may do what in the cluster (oc adm policy {action})", command
        )
    elif _EVERYONE_GROUPS.search(text):
        ctx.add(CRITICAL, "gives every user, or anyone at all, rights in the cluster", command)
    elif "cluster-admin" in argv:
        ctx.add(CRITICAL, "gives an account full control of the cluster (cluster-admin)", command)
    elif action.startswith("add-scc") and {"privileged", "anyuid", "hostaccess"} & set(argv):
        reason = "lets an account's pods run privileged or as root on the nodes (oc adm policy)"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(MODERATE, f"grants rights in the cluster (oc adm policy {action})", command)


def _deletes_whole_app(argv: list[str], command: Command) -> bool:
    """`delete -k overlays/prod`, or `-f -` fed by `kustomize build` or `linkerd uninstall`:
    every object of an app or an install at once."""
    if "--dry-run" in argv or any(a.startswith("--dry-run=") for a in argv):
        return False
    if "-k" in argv or "--kustomize" in argv or any(a.startswith("--kustomize=") for a in argv):
        return True
    stdin = command.stdin
    fed = stdin is not None and bool(set(stdin.producers) & _MANIFEST_MAKERS)
    return fed and any(a in ("-f", "--filename", "--filename=-") for a in argv)


# Programs whose output is the manifests of a whole app or install.
_MANIFEST_MAKERS = frozenset(
    split_words("kustomize linkerd istioctl helm helmfile kubectl cilium flux kapp ytt")
)


# `kubectl delete $(kubectl get ns -o name)`: every namespace, named by a listing.
_LISTED_NAMESPACES = lazy_pattern(
    r"\$\(\s*(kubectl|oc)\s+get\s+(ns|namespaces?|projects?)\b(?![^)]*(\s-l|--selector|=))"
)
_NAMESPACES = frozenset(split_words("ns namespace namespaces project projects"))
_BINDINGS = frozenset(
    split_words(
        "rolebinding rolebindings clusterrolebinding clusterrolebindings clusterrole clusterroles"
    )
)


def _grants_rights(sub: str, argv: list[str]) -> bool:
    """`create rolebinding --clusterrole=admin`, `patch clusterrolebinding x ...`."""
    kinds = {part.split("/", 1)[0] for a in argv[:1] for part in a.split(",")}
    if sub == "create" and kinds & _BINDINGS:
        return any(a in ("--clusterrole=admin", "--role=admin") for a in argv) or (
            "--clusterrole" in argv and argv[argv.index("--clusterrole") + 1 :][:1] == ["admin"]
        )
    return sub in ("patch", "edit", "replace", "set") and bool(
        kinds & {"clusterrolebinding", "clusterrolebindings", "clusterrole", "clusterroles"}
    )


def _namespaces(argv: list[str]) -> bool:
    """`delete ns prod`, `delete ns/prod`, `delete namespace,deploy x`, `oc delete project x`."""
    kinds = [a for a in argv if not a.startswith("-")][:1]
    return any(
        part.split("/", 1)[0] in _NAMESPACES for kind in kinds for part in kind.split(",")
    ) or any(a.split("/", 1)[0] in ("ns", "namespace", "namespaces") and "/" in a for a in argv)


def _piped_everything(command: Command) -> bool:
    """`kubectl get pods -o name | xargs kubectl delete`: all of a kind, no selector."""
    stdin = command.stdin
    if stdin is None or "xargs" not in command.via or command.name not in stdin.producers:
        return False
    reads = [r for r in stdin.reads if r != command.name]
    return reads[:1] == ["get"] and not any("=" in r for r in reads)


_CLUSTER_WIDE = frozenset(
    split_words(
        "crd crds customresourcedefinition customresourcedefinitions node nodes no pv "
        "persistentvolume persistentvolumes"
    )
)
# A claim's volume is deleted with it under the usual reclaim policy: the data goes too.
_CLAIMS = frozenset(split_words("pvc persistentvolumeclaim persistentvolumeclaims"))


def _cluster_wide(argv: list[str], wanted: frozenset[str] = _CLUSTER_WIDE) -> bool:
    """`delete crd X` (every resource of that type goes too), `delete node X`."""
    kinds = [a for a in argv if not a.startswith("-")][:1]
    return any(part.split("/", 1)[0] in wanted for k in kinds for part in k.split(","))


def _evicts(argv: list[str]) -> bool:
    """`taint nodes --all k=v:NoExecute`: running pods are evicted; NoSchedule only keeps new
    ones away."""
    return any(a.endswith(":NoExecute") for a in argv)


def _scaled_to_zero(sub: str, argv: list[str]) -> bool:
    """`scale --replicas=0`, `patch -p '{"spec":{"replicas":0}}'`: nothing left running."""
    if sub == "scale":
        return "--replicas=0" in argv or "--replicas 0" in " ".join(argv)
    text = " ".join(argv).replace(" ", "")
    return sub == "patch" and ('"replicas":0' in text or "replicas:0" in text)


_EVERYONE_GROUPS = lazy_pattern(r"system:(authenticated|unauthenticated|anonymous)\b")
_EVERY_NODE = lazy_pattern(r"\$\(\s*kubectl\s+get\s+(no|nodes?)\b(?![^)]*(\s-l|--selector))")
# What keeps a cluster's policies in force: deleted, nothing is checked or isolated any more.
_GUARDS = frozenset(
    split_words(
        "validatingwebhookconfiguration validatingwebhookconfigurations "
        "mutatingwebhookconfiguration mutatingwebhookconfigurations "
        "validatingadmissionpolicy validatingadmissionpolicies podsecuritypolicy psp"
    )
)


def _any_verb_any_resource(argv: list[str]) -> bool:
    """`create clusterrole x --verb='*' --resource='*'`."""
    text = " ".join(argv).replace("'", "").replace('"', "")
    kinds = {a for a in argv[:1]}
    return bool(kinds & {"clusterrole", "role"}) and "--verb=*" in text and "--resource=*" in text


def _kube_system(argv: list[str]) -> bool:
    """`-n kube-system`, `--namespace=kube-system`: the cluster's own components."""
    return any(
        (a in ("-n", "--namespace") and b == "kube-system") or a == "--namespace=kube-system"
        for a, b in zip(argv, [*argv[1:], ""], strict=True)
    )


def _secret_sent(argv: list[str]) -> bool:
    """`kubectl cp /etc/shadow ns/pod:/tmp/x`: a local secret, a pod as the destination."""
    operands = [a for a in argv if not a.startswith("-")]
    if len(operands) < 2 or ":" not in operands[-1]:
        return False
    return any(":" not in o and secret_path(o) is not None for o in operands[:-1])


def _one_pod(argv: list[str]) -> bool:
    """`delete pod postgres-0`: one named pod, which its controller starts again."""
    valued = ("-n", "--namespace", "--context", "--kubeconfig", "--grace-period", "-l")
    words = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] not in valued)
    ]
    kind = words[0].split("/", 1)[0] if words else ""
    forced = any(a in ("--force", "--all", "--grace-period=0", "--now") for a in argv)
    return kind in ("pod", "pods", "po") and not forced and (len(words) == 2 or "/" in words[0])


def _production(argv: list[str]) -> bool:
    """`-n production`, `--namespace=prod`, `--context prod-cluster`."""
    for index, value in enumerate(argv):
        named = argv[index + 1] if index + 1 < len(argv) else ""
        if value.startswith(("--namespace=", "--context=")):
            named = value.split("=", 1)[1]
        elif value not in ("-n", "--namespace", "--context"):
            continue
        if re.search(r"\bprod", named):
            return True
    return False


def terraform(command: Command, ctx: Context) -> None:
    sub, rest = subcommand(command, "-chdir")
    state = rest.argv[0] if sub == "state" and rest.argv else ""
    if sub == "destroy" or (sub == "apply" and "-destroy" in rest.argv):
        unasked = any(_AUTO_APPROVE.fullmatch(a) for a in rest.argv) or _answered_yes(command)
        level = CRITICAL if unasked or _approved_by_environment(command, ctx) else HIGH
        ctx.add(level, "destroys the infrastructure it manages (terraform destroy)", command)
    elif state in ("list", "show", "pull"):
        return
    elif sub in ("apply", "plan") and any(a.startswith("-replace") for a in rest.argv):
        auto = sub == "apply" and any(a.lstrip("-") == "auto-approve" for a in rest.argv)
        reason = "destroys and recreates resources (terraform -replace): their data goes"
        ctx.add(HIGH if auto else MODERATE, reason, command)
    elif sub == "workspace" and rest.argv[:1] == ["delete"] and "-force" in rest.argv:
        ctx.add(HIGH, "deletes a workspace and forgets what it manages (terraform)", command)
    elif state in ("rm", "push", "replace-provider"):
        reason = (
            f"rewrites the record of what terraform manages (state {state}): "
            "real resources are forgotten or overwritten"
        )
        ctx.add(HIGH, reason, command)
    elif sub not in ("plan", "show", "validate", "fmt", "version", "output", "providers", "graph"):
        ctx.add(MODERATE, f"changes infrastructure (terraform {sub})".strip(), command)


_AUTO_APPROVE = lazy_pattern(r"--?auto-approve(=(true|1))?")


def _answered_yes(command: Command) -> bool:
    """`echo yes | terraform destroy`, `yes yes | terraform destroy`: the prompt is answered."""
    stdin = command.stdin
    if stdin is None:
        return False
    fed = " ".join(w.value for w in stdin.literal or ())
    return stdin.producers[:1] == ("yes",) or fed.strip().lower() == "yes"


def _approved_by_environment(command: Command, ctx: Context) -> bool:
    """`TF_CLI_ARGS_destroy=-auto-approve terraform destroy`: the flag comes from the
    environment, set on the line or exported before it."""
    given = [command.text, *(f"{k}={v}" for k, v in ctx.variables.items())]
    return any(_TF_AUTO.search(text) for text in given)


_TF_AUTO = lazy_pattern(r"\bTF_CLI_ARGS(_destroy|_apply)?=['\"]?[^;&|]*-auto-approve")


def helm(command: Command, ctx: Context) -> None:
    sub, rest = subcommand(command, "-n --namespace --kube-context")
    if sub == "repo" and rest.argv[:1] in (["add"], ["remove"], ["rm"], ["update"], ["up"]):
        ctx.add(MODERATE, f"changes the chart repositories (helm repo {rest.argv[0]})", command)
    elif sub in ("uninstall", "delete", "del", "un") and _every_release(rest, ctx):
        reason = "removes every release a listing names, and all they run (helm uninstall)"
        ctx.add(CRITICAL, reason, command)
    elif sub in ("uninstall", "delete", "del", "un"):
        ctx.add(
            HIGH, "removes a release and what it runs from the cluster (helm uninstall)", command
        )
    elif sub == "plugin" and rest.argv[:1] in (["list"], ["ls"]):
        return
    elif sub not in (
        "list",
        "ls",
        "template",
        "show",
        "status",
        "history",
        "get",
        "search",
        "lint",
        "version",
        "repo",
        "env",
        "completion",
    ):
        ctx.add(MODERATE, f"changes the cluster (helm {sub})".strip(), command)


def _every_release(rest: Command, ctx: Context) -> bool:
    """`helm list -q | xargs helm uninstall`, `helm uninstall $(helm ls -q)`, a loop over it."""
    if listed.fed_listing(rest, "helm"):
        return True
    return any(listed.listed_by(word, ctx, "helm") for word in rest.args)


def cluster_tools(command: Command, ctx: Context) -> None:
    """eksctl, kind, minikube, k3d: deleting a cluster deletes everything in it."""
    words = [a for a in command.argv if not a.startswith("-")]
    if "delete" in words[:2] and "cluster" in words[:2]:
        ctx.add(CRITICAL, f"deletes a whole cluster and everything in it ({command.name})", command)
    elif "iamidentitymapping" in words[:2] and any("system:masters" in a for a in command.argv):
        reason = "gives a cloud role full control of the cluster (eksctl, system:masters)"
        ctx.add(HIGH, reason, command)
    elif words[:1] == ["delete"] and command.name == "eksctl":
        what = " ".join(words[:2])
        ctx.add(HIGH, f"deletes part of a cluster and what runs on it (eksctl {what})", command)
    elif not {"get", "version", "list", "status", "help"} & set(words[:2]):
        ctx.add(MODERATE, f"changes a cluster ({command.name} {' '.join(words[:2])})", command)


RULES: dict[str, Rule] = {
    "kubectl": kubectl,
    "oc": kubectl,
    "terraform": terraform,
    "tofu": terraform,
    "helm": helm,
    **dict.fromkeys(split_words("eksctl kind minikube k3d"), cluster_tools),
    "aws": aws,
    "gcloud": gcloud,
    "az": az,
    "gsutil": gsutil,
}
