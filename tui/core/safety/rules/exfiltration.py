"""Secrets and personal data sent to another machine, within one command.

Run on every layer of every command (not through the per-name table), because the sender can
be any network tool and the secret can come from an option, an operand, a `<` redirection or
a substitution. Pipelines (`base64 ~/.ssh/id_rsa | curl -d @- ...`) are joined by the analyser.
"""

from __future__ import annotations

from tui.core.safety import flow
from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH
from tui.core.safety.rules.network import DOWNLOADERS, NETWORK_TOOLS
from tui.core.safety.words import split_words

COPIERS = frozenset(split_words("scp rsync sftp rclone"))
CLOUD_COPIERS = frozenset(split_words("aws gsutil gcloud az azcopy s3cmd mc"))
SENDERS = DOWNLOADERS | NETWORK_TOOLS | flow.DNS_TOOLS | COPIERS | flow.SENDERS_BY_STDIN


def check_flow(command: Command, ctx: Context) -> None:
    name = command.name
    if name in COPIERS or name in CLOUD_COPIERS:
        _copy_away(command, ctx)
    if name not in SENDERS:
        return
    for word in command.args:
        kinds = ctx.word_kinds(word)
        if "secret" in kinds:
            ctx.add(
                CRITICAL, f"sends secrets or personal data to another machine ({name})", command
            )
            return
        if "file" in kinds and name in flow.DNS_TOOLS:
            ctx.add(HIGH, f"hides a file's contents in a network lookup ({name})", command)
            return
    if name in COPIERS or name in CLOUD_COPIERS:
        return
    what = _sent_secret(command)
    if what:
        ctx.add(CRITICAL, f"sends {what} to another machine ({name})", command)


def _sent_secret(command: Command) -> str | None:
    """A secret given to a network tool as data: `curl -d @f`, `-F x=@f`, `-T f`, `< f`."""
    argv = command.argv
    for index, value in enumerate(argv):
        attached = ""
        if value in (
            "-d",
            "--data",
            "--data-binary",
            "--data-raw",
            "--data-urlencode",
            "-F",
            "--form",
            "-T",
            "--upload-file",
            "--post-file",
            "--body-file",
            "-i",
        ):
            attached = argv[index + 1] if index + 1 < len(argv) else ""
        elif value.startswith(
            (
                "--post-file=",
                "--body-file=",
                "--data-binary=",
                "--upload-file=",
                "--data=",
                "--form=",
            )
        ):
            attached = value.split("=", 1)[1]
        elif value.startswith(("-d@", "-T", "-F")) and len(value) > 2:
            attached = value[2:]
        elif value.upper().startswith(("FILE:", "OPEN:")) and command.name == "socat":
            attached = value.split(":", 1)[1].split(",", 1)[0]
        if attached:
            path = attached.rsplit("@", 1)[1] if "@" in attached else attached
            what = flow.secret_path(path.rsplit("<", 1)[-1])
            if what:
                return what
    for redirect in command.redirects:
        if redirect.op == "<" and redirect.target is not None:
            what = flow.secret_path(redirect.target.value)
            if what:
                return what
    return None


def _copy_away(command: Command, ctx: Context) -> None:
    """`scp ~/.ssh/id_rsa host:`, `rsync -a ~ host:backup`, `aws s3 cp ~/.aws s3://...`."""
    operands = [w.value for w in command.args if not w.value.startswith("-")]
    if len(operands) < 2 or not flow.remote_target(operands[-1]):
        return
    for value in operands[:-1]:
        what = flow.secret_path(value)
        if what:
            ctx.add(CRITICAL, f"copies {what} to another machine ({command.name})", command)
            return
