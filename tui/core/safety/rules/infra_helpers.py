"""Tools around clusters and infrastructure that mostly read or hand work to another tool:
k3s (its bundled kubectl, crictl and ctr), kustomize, linkerd, stern, kubectx and kubens,
the scanners and validators of configurations and images (tfsec, checkov, trivy, grype,
kubeconform, kubeval, hadolint, conftest...), the secret wrappers chamber and aws-vault, and
qemu-img.

Their reports are safe; what they hand on is rated as the tool it is. Besides: terraform's
state file deleted (the real resources are forgotten, not removed) and podman's API served on
the network.
"""

from __future__ import annotations

import posixpath
import re

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules import cloud, runtimes
from tui.core.safety.rules.common import HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_K3S_TOOLS: dict[str, Rule] = {
    "kubectl": cloud.kubectl,
    "crictl": runtimes.crictl,
    "ctr": runtimes.ctr,
}


def k3s(command: Command, ctx: Context) -> None:
    """`k3s kubectl delete ns --all` is kubectl's; `k3s server --cluster-reset` resets etcd."""
    words = [a for a in command.argv if not a.startswith("-")]
    first = words[0] if words else ""
    if first in _K3S_TOOLS:
        index = next(i for i, w in enumerate(command.args) if w.value == first)
        _K3S_TOOLS[first](command.wrapped(command.args[index:], "k3s"), ctx)
    elif first == "etcd-snapshot" and {"delete", "rm", "prune"} & set(words[1:2]):
        ctx.add(HIGH, "deletes etcd snapshots, the cluster's backups (k3s etcd-snapshot)", command)
    elif "--cluster-reset" in command.argv:
        reason = "resets the cluster's etcd to this node alone: the other members are dropped"
        ctx.add(HIGH, f"{reason} (k3s --cluster-reset)", command)
    elif first in ("check-config", "completion") or words[:2] in (
        ["etcd-snapshot", "ls"],
        ["etcd-snapshot", "list"],
    ):
        return
    else:
        ctx.add(MODERATE, f"runs or changes a Kubernetes node (k3s {first})".strip(), command)


def kustomize(command: Command, ctx: Context) -> None:
    """`kustomize build DIR` prints manifests; `kustomize edit` changes kustomization.yaml."""
    words = [a for a in command.argv if not a.startswith("-")]
    writes = any(a in ("-o", "--output") or a.startswith("--output=") for a in command.argv)
    if words[:1] in (["build"], ["version"], ["cfg"]) and not writes:
        return
    ctx.add(MODERATE, f"changes the kustomization ({' '.join(words[:2])})", command)


_LINKERD_READS = frozenset(split_words("check version viz diagnostics stat top tap routes edges"))


def linkerd(command: Command, ctx: Context) -> None:
    """`linkerd check`, `linkerd viz stat`: reports; `install` and `uninstall` print manifests
    that the kubectl they are piped into applies or deletes."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] and words[0] in _LINKERD_READS and "install" not in words[:2]:
        return
    ctx.add(MODERATE, f"changes the service mesh (linkerd {' '.join(words[:2])})", command)


def context_switch(command: Command, ctx: Context) -> None:
    """`kubectx` lists contexts; `kubectx prod` switches every later kubectl to prod."""
    operands = [a for a in command.argv if a not in ("-c", "--current")]
    if operands:
        ctx.add(MODERATE, f"switches the cluster later commands reach ({command.name})", command)


# Scanners and validators: they read a configuration, an image or a folder and report.
_SCANNERS = frozenset(
    split_words(
        "tfsec checkov trivy grype kubeconform kubeval hadolint conftest kube-linter kube-score "
        "dockle kubesec tflint terrascan kubescape kube-bench popeye pluto infracost dive"
    )
)
# Their commands that fetch a vulnerability database or plugin, or start a server.
_SCANNER_UPKEEP = frozenset(split_words("plugin server clean db module update init pull"))
# Their commands that change files or send the findings away: `kubescape fix`, `dive build`.
_SCANNER_CHANGES = frozenset(split_words("fix build comment upload submit"))
_REPORT_FILES = frozenset(split_words("--out -O --output-file-path --output --file"))


def scanner(command: Command, ctx: Context) -> None:
    """tfsec, checkov, trivy, kubeconform: read and report; a report file is the only write,
    and their upkeep (a database or plugin fetched, a server started) is ordinary."""
    argv = command.argv
    first = next((a for a in argv if not a.startswith("-")), "")
    if first in _SCANNER_CHANGES:
        reason = f"changes files or sends its findings away ({command.name} {first})"
        ctx.add(MODERATE, reason, command)
    elif first in _SCANNER_UPKEEP:
        reason = f"fetches the scanner's database or plugins, or starts its server ({first})"
        ctx.add(MODERATE, f"{reason} ({command.name})", command)
    elif any(a in _REPORT_FILES or a.split("=", 1)[0] in _REPORT_FILES for a in argv) or (
        command.name == "trivy" and "-o" in argv  # elsewhere -o names the report's format
    ):
        ctx.add(MODERATE, f"writes a report file ({command.name})", command)


def secret_wrapper(command: Command, ctx: Context) -> None:
    """aws-vault (chamber is rated as a password store): list only shows names; exec runs a
    program with the secrets in its environment (the program is rated too)."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] in (["list"], ["ls"], ["history"], ["list-services"], ["version"]):
        return
    ctx.add(
        MODERATE,
        f"uses or changes stored secrets ({command.name} {words[0] if words else ''})".strip(),
        command,
    )


def qemu_img(command: Command, ctx: Context) -> None:
    """`qemu-img snapshot -d NAME disk.qcow2` deletes a snapshot; `-a` reverts the disk to one."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] == ["snapshot"] and "-d" in argv:
        ctx.add(HIGH, "deletes a snapshot of a disk image (qemu-img snapshot -d)", command)
    elif words[:1] == ["snapshot"] and "-a" in argv:
        reason = "reverts a disk image to a snapshot: what it holds now is lost (qemu-img)"
        ctx.add(HIGH, reason, command)
    elif words[:1] == ["resize"] and "--shrink" in argv:
        ctx.add(HIGH, "shrinks a disk image: data past the new end is cut off (qemu-img)", command)
    elif words[:1] in (["info"], ["check"], ["compare"], ["map"], ["measure"]) or (
        words[:1] == ["snapshot"] and "-l" in argv
    ):
        return
    else:
        ctx.add(MODERATE, f"writes a disk image (qemu-img {' '.join(words[:1])})".strip(), command)


_STATE_FILE = re.compile(r"(^|[.])tfstate([.]backup)?$|^terraform[.]tfstate[.]d$")


def state_deleted(command: Command, ctx: Context) -> None:
    """`rm terraform.tfstate`: terraform forgets what it built; the resources keep running,
    unmanaged, and the next apply builds them twice."""
    named = [a for a in command.argv if not a.startswith("-")]
    state = next((a for a in named if _STATE_FILE.search(posixpath.basename(a.rstrip("/")))), None)
    if state is not None:
        reason = f"deletes terraform's state ({state}): what it built is no longer managed"
        ctx.add(HIGH, reason, command)


def podman_service(command: Command, ctx: Context) -> None:
    """`podman system service tcp:0.0.0.0:8888`: the engine's API, without a password, to
    every network; whoever reaches it runs containers as this user (or root)."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:2] != ["system", "service"]:
        return
    open_ = [w for w in words[2:] if w.startswith("tcp:") and not _loopback(w[4:])]
    if open_:
        reason = f"serves the container engine's API to the network ({open_[0]}): anyone may use it"
        ctx.add(HIGH, reason, command)


def _loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0]
    return host in ("127.0.0.1", "localhost", "[::1]", "::1")


def reads_only(command: Command, ctx: Context) -> None:
    """stern: follows the logs of the pods it matches, and changes nothing."""


RULES: dict[str, Rule] = {
    "k3s": k3s,
    "kustomize": kustomize,
    "linkerd": linkerd,
    "stern": reads_only,
    **dict.fromkeys(split_words("kubectx kubens"), context_switch),
    **dict.fromkeys(_SCANNERS, scanner),
    "aws-vault": secret_wrapper,
    "qemu-img": qemu_img,
}
EXTRA_CHECKS: dict[str, tuple[Rule, ...]] = {
    **dict.fromkeys(split_words("rm shred unlink trash trash-put gio"), (state_deleted,)),
    "podman": (podman_service,),
}
