"""Code forge command lines besides gh and glab's own rules: Gitea's `tea`, GitHub's older `hub`,
the GitLab runner, `act` (GitHub workflows run locally), the Gitea/Forgejo server's admin
commands, and Google's `repo`, which runs git across many repositories.

Decisions: listing and viewing are safe. Deleting something on a forge (a release, an
organisation, a user, a repository) is HIGH: the server keeps no copy this machine can bring
back. Unregistering every CI runner stops the builds of every project it served (HIGH). A
workflow run with the host's root folder mounted or in a privileged container can change the
machine itself (HIGH). `repo forall -c CMD` is rated as CMD.
"""

from __future__ import annotations

from dataclasses import replace

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import literal, split_words

_DELETES = frozenset(split_words("delete del rm remove"))
_LISTS = frozenset(split_words("list ls view show status"))
# tea's nouns, plural or not, that list when given no verb (`tea pulls`, `tea issues`).
_TEA_NOUNS = frozenset(
    split_words(
        "issues issue i pulls pull pr releases release r labels label milestones milestone ms "
        "repos repo organizations organization org logins login notifications notification n "
        "times time t branches branch b whoami"
    )
)


def _operands(command: Command) -> list[str]:
    return [a for a in command.argv if not a.startswith("-")]


def tea(command: Command, ctx: Context) -> None:
    """`tea releases delete --confirm v1.0`, `tea organizations delete acme`."""
    words = _operands(command)
    if not words or words[0] in ("help", "whoami", "open", "o"):
        return
    noun = words[0]
    verb = words[1] if len(words) > 1 else ""
    if noun in _TEA_NOUNS and (not verb or verb in _LISTS):
        return
    if verb in _DELETES:
        reason = f"deletes a {noun.rstrip('s')} on the Gitea or Forgejo server (tea {noun} {verb})"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes things on a Gitea or Forgejo server (tea {noun})", command)


_HUB_READS = frozenset(split_words("browse compare ci-status help version"))


def hub(command: Command, ctx: Context) -> None:
    """hub wraps git: its own `delete` removes a GitHub repository; the rest is git's."""
    from tui.core.safety.rules import tools  # a cycle otherwise

    words = _operands(command)
    sub = words[0] if words else ""
    if sub == "delete":
        name = words[1] if len(words) > 1 else "this repository"
        ctx.add(HIGH, f"deletes {name} on GitHub: its code, issues and releases", command)
    elif sub == "api":
        tools.gh(replace(command, words=(literal("gh"), *command.args)), ctx)
    elif sub in _HUB_READS or (sub in ("release", "issue", "pr", "gist") and len(words) == 1):
        return
    elif sub in ("release", "issue", "pr", "gist", "create", "fork", "pull-request", "sync"):
        ctx.add(MODERATE, f"changes things on GitHub (hub {sub})", command)
    else:
        tools.git(replace(command, words=(literal("git"), *command.args)), ctx)


_RUNNER_READS = frozenset(split_words("list verify status help --version -v artifacts-downloader"))


def gitlab_runner(command: Command, ctx: Context) -> None:
    words = _operands(command)
    sub = words[0] if words else ""
    argv = command.argv
    if not sub or (sub in _RUNNER_READS and "--delete" not in argv):
        return
    if sub == "unregister" and "--all-runners" in argv:
        reason = "unregisters every CI runner on this machine: no project's jobs run here any more"
        ctx.add(HIGH, reason, command)
        return
    ctx.add(MODERATE, f"changes this machine's GitLab CI runner (gitlab-runner {sub})", command)


def act(command: Command, ctx: Context) -> None:
    """`act -l` lists the jobs; `act --privileged -v /:/host` hands the host to the workflow."""
    argv = command.argv
    if {"-l", "--list", "-g", "--graph", "--version", "-h", "--help"} & set(argv):
        return
    mounts_root = any(":/" in a and (a.startswith("/:") or " /:" in a) for a in argv)
    if "--privileged" in argv or mounts_root or "--container-daemon-socket" in argv:
        reason = (
            "runs the repository's workflows with the host open to them (privileged or / mounted)"
        )
        ctx.add(HIGH, f"{reason} (act)", command)
        return
    ctx.add(MODERATE, "runs the repository's CI workflows locally in containers (act)", command)


def forge_admin(command: Command, ctx: Context) -> None:
    """`gitea admin user delete --username bob`, `forgejo admin user delete --purge`."""
    words = _operands(command)
    if words[:1] in (["help"], ["--version"]) or not words:
        return
    if words[:1] == ["admin"] and _DELETES & set(words[2:3]):
        what = words[1] if len(words) > 1 else "something"
        ctx.add(
            HIGH,
            f"deletes a {what} from the forge with everything it owns ({command.name})",
            command,
        )
        return
    ctx.add(MODERATE, f"runs the forge server's own commands ({command.name} {words[0]})", command)


_REPO_READS = frozenset(split_words("status info list branches diff overview help version"))


def repo(command: Command, ctx: Context) -> None:
    """Google's `repo`: `repo forall -c CMD` runs CMD in every project of the checkout."""
    argv = command.argv
    words = _operands(command)
    sub = words[0] if words else ""
    if sub in _REPO_READS or not sub:
        return
    if sub == "forall" and "-c" in argv:
        script = " ".join(argv[argv.index("-c") + 1 :])
        ctx.add(MODERATE, "runs a command in every project of the checkout (repo forall)", command)
        if script:
            ctx.run_code(literal(script), command)
        return
    ctx.add(MODERATE, f"changes the projects of the checkout (repo {sub})", command)


RULES: dict[str, Rule] = {
    "tea": tea,
    "hub": hub,
    "gitlab-runner": gitlab_runner,
    "act": act,
    "gitea": forge_admin,
    "forgejo": forge_admin,
    "repo": repo,
}
