"""Container runtimes and cluster nodes below docker and kubectl: containerd's `ctr`, the CRI's
`crictl`, LXD/Incus, and the tools that set up or tear down a Kubernetes node (kubeadm, k3s,
MicroK8s). Tearing a node down or removing every container loses what ran there; a privileged
container or one given the host's root owns the host.
"""

from __future__ import annotations

import itertools

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import CRITICAL, HIGH, MODERATE, Rule
from tui.core.safety.words import split_words

_CRICTL_READS = frozenset(
    split_words("ps images img pods inspect inspecti inspectp logs info stats version")
)
_CTR_READS = frozenset(split_words("ls list info version"))


def crictl(command: Command, ctx: Context) -> None:
    """`crictl rm -af`, `crictl rmi --prune`: every container or image of the node."""
    argv = command.argv
    verb = next((a for a in argv if not a.startswith("-")), "")
    every = any(
        a in ("--all", "--prune") or (a[:1] == "-" and a[1:2] != "-" and "a" in a[1:]) for a in argv
    )
    if verb in _CRICTL_READS:
        return
    if verb == "rmi" and "--prune" in argv and not {"-a", "--all"} & set(argv):
        ctx.add(MODERATE, "removes the images no container uses (crictl rmi --prune)", command)
    elif verb in ("rm", "rmp", "rmi") and every and any(a.startswith("-") for a in argv):
        ctx.add(HIGH, f"removes every container or image on the node (crictl {verb})", command)
    else:
        ctx.add(MODERATE, f"changes the node's containers (crictl {verb})".strip(), command)


def ctr(command: Command, ctx: Context) -> None:
    """containerd's own client: `ctr run --privileged`, `--mount ...src=/...`."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    if words[:1] != ["run"] and _CTR_READS & set(words[:3]):
        return  # `ctr images ls`, `ctr -n k8s.io containers list`
    host_root = any(
        "src=/," in a or "source=/," in a or a.endswith(("src=/", "source=/")) for a in argv
    )
    kinds = [w for w in words[:3] if w in _CTR_KINDS]
    removing = {"rm", "remove", "delete", "del"} & set(words[:4])
    if words[:1] == ["run"] and ("--privileged" in argv or host_root):
        why = "the host's root mounted" if host_root else "privileged"
        ctx.add(CRITICAL, f"runs a container with full control of the host ({why}, ctr)", command)
    elif kinds and removing and (kinds[0].startswith("namespace") or _listed_all(command)):
        what = "a whole namespace" if kinds[0].startswith("namespace") else f"every {kinds[0]}"
        ctx.add(HIGH, f"removes {what} of containerd at once (ctr {kinds[0]} rm)", command)
    else:
        ctx.add(MODERATE, f"changes containers or images (ctr {' '.join(words[:2])})", command)


_CTR_KINDS = frozenset(
    split_words("containers container c images image i namespaces namespace ns snapshots tasks")
)


def _listed_all(command: Command) -> bool:
    """`ctr c rm $(ctr c ls -q)`: every one a listing printed."""
    return any("$(" in word.raw and " ls" in word.raw for word in command.args)


def lxc(command: Command, ctx: Context) -> None:
    """`lxc delete --force web`, `lxc config set web security.privileged true`."""
    argv = command.argv
    words = [a for a in argv if not a.startswith("-")]
    settings = " ".join(argv).replace("=", " ").split()
    if words[:1] in (["list"], ["ls"], ["info"], ["version"]):
        return
    if words[:1] in (["delete"], ["rm"]) and any(a in ("-f", "--force") for a in argv):
        ctx.add(HIGH, f"deletes a running container and its files ({command.name} delete)", command)
    elif words[:1] in (["storage"], ["project"]) and {"delete", "rm"} & set(words[1:3]):
        what = "a storage pool or volume and its data" if words[0] == "storage" else "a project"
        ctx.add(HIGH, f"deletes {what} ({command.name} {words[0]} delete)", command)
    elif words[:3] == ["config", "device", "add"] and _host_root(settings):
        reason = f"mounts the host's whole filesystem into a container ({command.name})"
        ctx.add(HIGH, reason, command)
    elif "raw.lxc" in settings or any(
        a == "security.privileged" and b.lower() in ("true", "1", "yes")
        for a, b in zip(settings, [*settings[1:], ""], strict=True)
    ):
        reason = f"makes a container privileged: root in it is root on the host ({command.name})"
        ctx.add(HIGH, reason, command)
    else:
        ctx.add(
            MODERATE, f"runs commands on other machines or containers ({command.name})", command
        )


def _host_root(settings: list[str]) -> bool:
    """`source=/` among `lxc config device add c d disk source=/ path=/mnt`."""
    return any(a == "source" and b in ("/", "/.") for a, b in itertools.pairwise(settings))


def node_teardown(command: Command, ctx: Context) -> None:
    """`kubeadm reset`, `microk8s reset`, `k3s-uninstall.sh`: the node leaves the cluster and
    what ran on it, its certificates and (with --destroy-storage) its volumes go."""
    name = command.name
    words = [a for a in command.argv if not a.startswith("-")]
    if name.endswith("-uninstall.sh") or words[:1] == ["reset"]:
        ctx.add(HIGH, f"tears down a Kubernetes node and what runs on it ({name})", command)
    elif words[:2] in (
        ["token", "list"],
        ["config", "print"],
        ["certs", "check-expiration"],
        ["upgrade", "plan"],
    ) or (words[:1] in (["version"], ["status"], ["inspect"])):
        return
    else:
        ctx.add(
            MODERATE, f"changes a Kubernetes node ({name} {' '.join(words[:1])})".strip(), command
        )


_VIRSH_READS = frozenset(
    split_words(
        "list dominfo domstate dumpxml domblklist domiflist net-list pool-list vol-list "
        "snapshot-list version capabilities nodeinfo uri hostname"
    )
)
_VIRSH_LOSSES = {
    "undefine": "forgets a virtual machine{storage}",
    "destroy": "powers a virtual machine off at once, like pulling the plug",
    "vol-delete": "deletes a virtual disk",
    "pool-delete": "deletes a storage pool and the disks in it",
    "snapshot-delete": "deletes a virtual machine's snapshot",
    "reset": "resets a virtual machine at once, like pressing reset",
}


def virsh(command: Command, ctx: Context) -> None:
    """libvirt: `virsh destroy VM` is a hard power-off, `undefine --remove-all-storage` deletes."""
    argv = command.argv
    verb = next((a for a in argv if not a.startswith("-")), "")
    if verb in _VIRSH_READS:
        return
    if verb in _VIRSH_LOSSES:
        storage = ", and its disks" if "--remove-all-storage" in argv or "--storage" in argv else ""
        ctx.add(HIGH, f"{_VIRSH_LOSSES[verb].format(storage=storage)} (virsh {verb})", command)
    else:
        ctx.add(MODERATE, f"changes virtual machines (virsh {verb})".strip(), command)


def vagrant(command: Command, ctx: Context) -> None:
    """`vagrant destroy -f` deletes the project's machines without asking."""
    words = [a for a in command.argv if not a.startswith("-")]
    if words[:1] in (["status"], ["global-status"], ["ssh-config"], ["version"], ["box"]) and (
        words[1:2] in ([], ["list"], ["outdated"])
    ):
        return
    if words[:1] == ["destroy"]:
        asked = not any(a in ("-f", "--force") for a in command.argv)
        ctx.add(
            MODERATE if asked else HIGH,
            "deletes the project's virtual machines (vagrant destroy)",
            command,
        )
    else:
        ctx.add(MODERATE, "builds or runs a project (vagrant)", command)


RULES: dict[str, Rule] = {
    "virsh": virsh,
    "vagrant": vagrant,
    "crictl": crictl,
    "ctr": ctr,
    **dict.fromkeys(split_words("lxc incus"), lxc),
    **dict.fromkeys(
        split_words(
            "kubeadm microk8s k3s-uninstall.sh k3s-agent-uninstall.sh rke2-uninstall.sh "
            "k3s-killall.sh"
        ),
        node_teardown,
    ),
}
