"""A whole repository, project or organisation deleted on a code forge (GitHub, GitLab, Gitea,
Bitbucket) through its web API: `curl -X DELETE .../api/v4/projects/42`, `gh api -X DELETE
repos/o/r`, `glab repo delete o/r`. The code, issues, reviews and releases go at once, with no
undo on the machine; so it is CRITICAL, whichever client sends the request."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, Rule
from tui.core.safety.words import split_words

# The path of a whole repository or group on a forge's API: GitHub (`/repos/o/r`, also under
# `/api/v3` on GitHub Enterprise), Gitea and Forgejo (`/api/v1/repos/o/r`), GitLab
# (`/api/v4/projects/ID`, `/api/v4/groups/ID`), Bitbucket (`/2.0/repositories/w/r`), and
# organisations (`/orgs/o`) on GitHub's or Gitea's API.
_WHOLE = lazy_pattern(
    r"^/?(?:(?:api/v\d+/)?repos/(?P<repo>[^/]+/[^/]+)"
    r"|api/v4/(?P<kind>projects|groups)/(?P<id>[^/]+)"
    r"|2\.0/repositories/(?P<bucket>[^/]+/[^/]+)"
    r"|(?:api/v\d+/)?orgs/(?P<org>[^/]+))/?$"
)
_METHOD_OPTIONS = frozenset(split_words("-X --request --method"))
_HTTPIE = frozenset(split_words("http https xh xhs"))


def _names_whole(argv: list[str]) -> bool:
    """`glab api -X DELETE projects/42`: a whole project, which api_delete rates."""
    return any(whole_resource(f"api/v4/{a.lstrip('/')}") for a in argv[1:] if not a.startswith("-"))


def whole_resource(url_or_path: str) -> str | None:
    """`https://api.github.com/repos/acme/app` -> "the repository acme/app", else None."""
    text = url_or_path.strip("'\"")
    if "://" in text:
        text = text.split("://", 1)[1].partition("/")[2]
    match = _WHOLE.match(text.split("?", 1)[0].split("#", 1)[0])
    if match is None:
        return None
    if match.group("repo") or match.group("bucket"):
        return f"the repository {match.group('repo') or match.group('bucket')}"
    if match.group("kind") == "projects":
        return f"the project {match.group('id')}"
    if match.group("kind") == "groups":
        return f"the group {match.group('id')} and every project in it"
    return f"the organisation {match.group('org')} and every repository in it"


def method(command: Command) -> str:
    """The HTTP method a client is told to use (`-X DELETE`, `-XDELETE`, `--method=DELETE`,
    httpie's `http DELETE URL`), upper-cased; empty when none is named."""
    argv = command.argv
    for index, value in enumerate(argv):
        if value in _METHOD_OPTIONS and index + 1 < len(argv):
            return argv[index + 1].upper()
        if value.startswith("-X") and len(value) > 2:
            return value[2:].lstrip("=").upper()
        if value.startswith(("--request=", "--method=")):
            return value.split("=", 1)[1].upper()
    if command.name in _HTTPIE:
        operands = [a for a in argv if not a.startswith("-")]
        if operands and operands[0].isalpha() and operands[0].isupper():
            return operands[0]
    return ""


def api_delete(command: Command, ctx: Context) -> None:
    """`curl -X DELETE -H "PRIVATE-TOKEN: $T" https://gitlab.example.com/api/v4/projects/42`."""
    if method(command) != "DELETE":
        return
    argv = command.argv
    if command.name in ("gh", "glab"):
        if argv[:1] != ["api"]:
            return
        targets = [a for a in argv[1:] if not a.startswith("-")]
        if command.name == "glab":  # glab's paths start after /api/v4/
            targets = [f"api/v4/{t.lstrip('/')}" for t in targets]
    else:
        targets = [a for a in argv if "://" in a]
    for target in targets:
        what = whole_resource(target)
        if what is not None:
            reason = f"deletes {what} on a code forge through its API: code, issues and history"
            ctx.add(CRITICAL, reason, command)
            return


# glab's things whose deletion has no undo: a release's files, a CI variable, a key, an issue.
_GLAB_LOSSES = frozenset(split_words("release variable ssh-key gpg-key deploy-key issue snippet"))
_GLAB_DELETES = frozenset(split_words("delete remove rm"))


def glab(command: Command, ctx: Context) -> None:
    """`glab repo delete o/r --yes`: as `gh repo delete`."""
    argv = command.argv
    if argv[:1] == ["api"] and method(command) == "DELETE" and not _names_whole(argv):
        ctx.add(HIGH, "deletes something on GitLab through its API (glab api DELETE)", command)
        return
    if argv[:1] and argv[0] in _GLAB_LOSSES and argv[1:2] and argv[1] in _GLAB_DELETES:
        ctx.add(
            HIGH,
            f"deletes a {argv[0]} on GitLab: there is no undo (glab {argv[0]} {argv[1]})",
            command,
        )
        return
    if argv[:2] != ["repo", "delete"]:
        return
    name = next((a for a in argv[2:] if not a.startswith("-")), "")
    what = f"the project {name}" if name else "this project"
    reason = f"deletes {what} on GitLab: its code, issues and merge requests"
    if any(a in ("--yes", "-y") for a in argv):
        ctx.add(CRITICAL, f"{reason}, without asking", command)
    else:
        ctx.add(HIGH, reason, command)


EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("curl wget http https xh xhs gh"), (api_delete,)),
    "glab": (api_delete, glab),
}
