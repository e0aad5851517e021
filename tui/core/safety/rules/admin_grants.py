"""Grants of full control over a whole cloud account: the administrator policy of AWS, the
Owner role of Azure, the owner role of Google Cloud, a policy that allows every action on every
resource.

Decisions: granting such a role to anyone is CRITICAL whatever the command line (`aws iam
attach-*-policy`, `put-*-policy`, `az role assignment create`, `gcloud ... add-iam-policy-binding`):
the identity that holds it can read, change, delete and hand out everything, its own rights
included, so one leaked key of it loses the account. A narrower role stays with the cloud rules.
"""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, Rule

# The verbs that hand a role or a policy to an identity.
_GRANTS = {
    "aws": lazy_pattern(r"^iam (attach|put)-(user|role|group)-policy$"),
    "az": lazy_pattern(r"^(role assignment create|ad sp create-for-rbac)$"),
    "gcloud": lazy_pattern(r"add-iam-policy-binding$"),
}
# Roles and policies that are every right at once (or the right to grant every right).
_FULL_ROLES = lazy_pattern(
    r"(?i)^(arn:aws:iam::aws:policy/(AdministratorAccess|IAMFullAccess)|owner|"
    r"user access administrator|role based access control administrator|"
    r"roles/(owner|resourcemanager\.(project|folder|organization)IamAdmin|"
    r"resourcemanager\.organizationAdmin|iam\.securityAdmin))$"
)
_EVERY_ACTION = lazy_pattern(r"\"Action\"\s*:\s*(\[\s*)?\"\*\"")
_EVERY_RESOURCE = lazy_pattern(r"\"Resource\"\s*:\s*(\[\s*)?\"\*\"")
_ROLE_OPTIONS = frozenset(("--policy-arn", "--role", "--policy-document"))


def full_grant(command: Command, ctx: Context) -> None:
    grants = _GRANTS.get(command.name)
    verbs = [w.value for w in command.args if not w.value.startswith("-")][:3]
    if grants is None or not any(
        grants.search(" ".join(verbs[:size])) for size in range(1, len(verbs) + 1)
    ):
        return
    for value in _role_values(command.argv):
        if _FULL_ROLES.match(value.strip()) or _allows_everything(value):
            shown = value if len(value) < 60 else "a policy allowing every action"
            reason = f"gives full control, the right to grant rights included ({shown})"
            ctx.add(CRITICAL, reason, command)
            return


def _role_values(argv: list[str]) -> list[str]:
    values: list[str] = []
    for index, arg in enumerate(argv):
        name, equals, value = arg.partition("=")
        if name in _ROLE_OPTIONS:
            values.append(value if equals else (argv[index + 1] if index + 1 < len(argv) else ""))
    return values


def _allows_everything(document: str) -> bool:
    return bool(_EVERY_ACTION.search(document) and _EVERY_RESOURCE.search(document))


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {name: (full_grant,) for name in _GRANTS}
RULES: dict[str, Rule] = {}
