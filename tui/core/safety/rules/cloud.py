"""Cloud command lines (aws, gcloud, az, gsutil) and mass removals of containers.

Deleting buckets, instances, projects and resource groups loses data or service that no undo
brings back: HIGH, and a whole project or account-wide delete CRITICAL. Listing is safe.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_READS = frozenset(
    split_words(
        "ls list describe get show get-object head-object wait help version info configure "
        "whoami account auth login config describe-instances get-caller-identity"
    )
)
_DELETES = ("delete", "remove", "terminate", "destroy", "purge", "rb", "rm", "deregister")


def aws(command: Command, ctx: Context) -> None:
    argv = [
        a for a in command.argv if not a.startswith("--profile") and not a.startswith("--region")
    ]
    words = [a for a in argv if not a.startswith("-")]
    service = words[0] if words else ""
    action = words[1] if len(words) > 1 else ""
    recursive = "--recursive" in argv or "--force" in argv
    if service == "s3" and action in ("rm", "rb"):
        level = HIGH if recursive or action == "rb" else MODERATE
        ctx.add(
            level,
            f"deletes from S3 ({'every object under ' if recursive else ''}"
            f"{words[2] if len(words) > 2 else 'a bucket'})",
            command,
        )
    elif service == "s3" and action == "sync" and "--delete" in argv:
        ctx.add(HIGH, "syncs to S3 and deletes what is not in the source", command)
    elif action.startswith(_DELETES) or any(a.startswith(_DELETES) for a in words[1:2]):
        what = "an account-wide resource" if service in ("iam", "organizations") else service
        ctx.add(
            HIGH, f"deletes cloud resources ({service} {action}): {what} cannot be undone", command
        )
    elif action.startswith(("list", "describe", "get")) or action in _READS or service in _READS:
        return
    else:
        ctx.add(MODERATE, f"changes cloud resources (aws {service} {action})".strip(), command)


def gcloud(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if "projects" in words and "delete" in words:
        ctx.add(CRITICAL, "deletes a whole cloud project and everything in it", command)
    elif any(w in ("delete", "remove", "destroy") for w in words):
        ctx.add(HIGH, f"deletes cloud resources ({' '.join(words[:3])})", command)
    elif any(w in _READS for w in words):
        return
    else:
        ctx.add(
            MODERATE, f"changes cloud resources ({command.name} {' '.join(words[:2])})", command
        )


def az(command: Command, ctx: Context) -> None:
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:2] == ["group", "delete"]:
        ctx.add(CRITICAL, "deletes a whole resource group and everything in it (az)", command)
    elif "delete" in words or "purge" in words:
        ctx.add(HIGH, f"deletes cloud resources (az {' '.join(words[:3])})", command)
    elif any(w in _READS for w in words):
        return
    else:
        ctx.add(MODERATE, f"changes cloud resources (az {' '.join(words[:2])})", command)


def gsutil(command: Command, ctx: Context) -> None:
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    action = words[0] if words else ""
    if action in ("rm", "rb"):
        level = HIGH if "-r" in argv or "-a" in argv or action == "rb" else MODERATE
        ctx.add(level, f"deletes from cloud storage (gsutil {action})", command)
    elif action == "rsync" and "-d" in argv:
        ctx.add(HIGH, "syncs to cloud storage and deletes what is not in the source", command)
    elif action not in ("ls", "du", "cat", "stat", "version", "help"):
        ctx.add(MODERATE, f"changes cloud storage (gsutil {action})", command)


def mass_removal(command: Command, ctx: Context) -> bool:
    """`docker volume rm $(docker volume ls -q)`: every volume, and the data in it, at once.

    Containers and images are rebuilt or pulled again, so removing all of them stays moderate.
    """
    raws = " ".join(word.raw for word in command.args)
    if "volume" not in raws or "rm" not in raws or ("$(" not in raws and "`" not in raws):
        return False
    if "volume ls" in raws:
        reason = f"removes all volumes and their data at once ({command.name} volume rm)"
        ctx.add(HIGH, reason, command)
        return True
    return False


RULES: dict[str, Rule] = {
    "aws": aws,
    "gcloud": gcloud,
    "az": az,
    "gsutil": gsutil,
}
