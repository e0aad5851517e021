"""What a fresh container is told to run, where it reaches past the container.

`docker run alpine rm -rf /` harms nothing but the container. A fork bomb or a memory eater is
different: the container shares the host's kernel, its process slots and its memory unless
limits were set; a disk filler fills the disk the container's files live on. And once the
host's disks are handed in (`--privileged`, `--device /dev/sdb`, `-v /dev:/dev`), a write to a
disk is a write to the host's disk. Those findings count as what they do; the rest stay inside.
"""

from __future__ import annotations

import posixpath
import re
import shlex

from tui.core.safety import paths
from tui.core.safety.context import Context
from tui.core.safety.lazy import lazy_pattern
from tui.core.safety.model import Finding
from tui.core.safety.parse import Command
from tui.core.safety.words import literal, split_words

_PROCESSES = lazy_pattern(r"fork bomb|new processes|copies of itself")
_MEMORY = lazy_pattern(r"memory")
_DISK = lazy_pattern(r"fills? the disk|disk is full|disk fills|fills up")
_DEVICE = lazy_pattern(r"/dev/[\w/.-]+")


# Images whose entry point is a cloud or cluster tool (`amazon/aws-cli s3 rb ...`), by name;
# images with a shell as entry point (google/cloud-sdk) are told the tool's name instead.
_TOOL_IMAGES = {
    "amazon/aws-cli": "aws",
    "aws-cli/aws-cli": "aws",
    "hashicorp/terraform": "terraform",
    "opentofu/opentofu": "tofu",
    "bitnami/kubectl": "kubectl",
    "rancher/kubectl": "kubectl",
    "alpine/helm": "helm",
    "pulumi/pulumi": "pulumi",
}
# Tools that act on an account or a cluster elsewhere: in a container they do the same.
_REMOTE_TOOLS = frozenset(
    split_words("aws gcloud gsutil az kubectl helm terraform tofu pulumi eksctl doctl etcdctl")
)


def contained_program(
    image: str, program: list[str], limits: list[str], devices: bool, by: Command, ctx: Context
) -> None:
    """`docker run alpine sh -c ':(){ :|:& };:'`: the container's command is rated like a local
    one, and what reaches the host (`limits`: the run's options) is kept. A cloud or cluster
    tool (`amazon/aws-cli s3 rb s3://b --force`) acts where it always does: all of it counts."""
    entry = _entry_tool(image)
    if entry and (not program or program[0] != entry):
        program = [entry, *program]
    if not program:
        return
    remote = posixpath.basename(program[0]) in _REMOTE_TOOLS
    for finding in _rated_apart(shlex.join(program), by, ctx):
        if remote or _escapes(finding.reason, limits, devices):
            ctx.add(finding.level, f"in the container: {finding.reason}", by)


def _entry_tool(image: str) -> str:
    """`hashicorp/terraform:1.7` -> `terraform`; `docker.io/amazon/aws-cli` -> `aws`."""
    name = image.split("@", 1)[0]
    name = name.rsplit(":", 1)[0] if ":" in name.rsplit("/", 1)[-1] else name
    for known, tool in _TOOL_IMAGES.items():
        if name == known or name.endswith("/" + known):
            return tool
    return ""


def _escapes(reason: str, limits: list[str], devices: bool) -> bool:
    limited = " ".join(limits)
    if _PROCESSES.search(reason):
        return not re.search(r"--pids-limit(=|\s+)(?!-1\b|0\b)\d", limited)  # -1, 0: none
    if _MEMORY.search(reason):  # `--memory=0` is no limit
        return not re.search(r"(^|\s)(-m|--memory)(=|\s)(?!0\b)\S", limited)
    if _DISK.search(reason):
        return True
    return devices and any(paths.is_block_device(p) for p in _DEVICE.findall(reason))


def _rated_apart(code: str, by: Command, ctx: Context) -> list[Finding]:
    """The findings of `code` rated in `ctx`, with everything it noted put back as it was: the
    container's files are not the host's, so nothing it wrote or set may mislead later rules."""
    saved = {
        name: _copied(value)
        for name, value in vars(ctx).items()
        if isinstance(value, (list, set, dict)) or name in ("cwd", "planted_path")
    }
    start = len(ctx.findings)
    ctx.run_code(literal(code), by)
    found = ctx.findings[start:]
    for name, value in saved.items():
        current = getattr(ctx, name)
        if isinstance(current, list) and isinstance(value, list):
            current[:] = value
        elif isinstance(current, set) and isinstance(value, set):
            current.clear()
            current |= value
        elif isinstance(current, dict) and isinstance(value, dict):
            current.clear()
            current.update(value)
        else:
            setattr(ctx, name, value)
    return found


def _copied(value: object) -> object:
    if isinstance(value, list):
        return list(value)
    if isinstance(value, set):
        return set(value)
    if isinstance(value, dict):
        return dict(value)
    return value
