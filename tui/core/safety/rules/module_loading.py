"""What start-up files of the kernel's module loader say (/etc/modules, modules-load.d,
modprobe.d): a stock module loaded at boot, options, a blacklist, or `install X /bin/true`
hardening are set-up; an unknown module at every boot, a boot driver switched off, or an
`install` line that runs a command as root each time a module loads are not."""

from __future__ import annotations

from tui.core.safety.context import Context
from tui.core.safety.parse import Command
from tui.core.safety.rules.common import HIGH, MODERATE
from tui.core.safety.words import literal, split_words

# Modules the kernel ships that set-up guides load at boot (containers, VMs, VPNs, storage).
_STOCK_MODULES = frozenset(
    split_words(
        "br_netfilter overlay nf_conntrack nf_nat ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh ip_tables "
        "iptable_nat iptable_filter xt_owner xt_REDIRECT wireguard tun tap loop 8021q bonding "
        "vfio vfio_pci vfio_iommu_type1 kvm kvm_intel kvm_amd i2c-dev i2c_dev uinput "
        "v4l2loopback snd-aloop snd_aloop nbd zram dm_crypt dm_thin_pool rbd fuse nvme_tcp "
        "iscsi_tcp coretemp nct6775 it87 drivetemp msr cpuid"
    )
)


# Drivers for disks, file systems and volumes the machine boots from.
_BOOT_DRIVERS = frozenset(
    split_words(
        "nvme nvme_core ahci libahci sd_mod virtio_blk virtio_scsi virtio_pci xen_blkfront "
        "mpt3sas megaraid_sas ext4 xfs btrfs dm_mod dm_crypt md_mod raid1 raid456 zfs"
    )
)


def boot_modules(where: str, text: str, writer: Command, ctx: Context) -> None:
    """/etc/modules, modules-load.d, modprobe.d: loading a stock module at boot, or passing it
    options, is set-up; a module of another name, or an `install` line's command, is not."""
    from tui.core.safety.rules.persistence import hidden  # persistence imports this module

    for line in text.splitlines():
        words = line.split()
        if not words or words[0].startswith(("#", ";")):
            continue
        disables = words[0] == "install" and words[2:] in (["/bin/true"], ["/bin/false"])
        if disables and words[1] not in _BOOT_DRIVERS:  # `install cramfs /bin/true`: hardening
            ctx.add(MODERATE, f"stops the kernel loading {words[1]} ({where})", writer)
        elif words[0] == "install" and len(words) > 2:  # `install NAME CMD`: runs CMD as root
            ctx.run_code(literal(" ".join(words[2:])), writer)
            hidden(" ".join(words[2:]), f"loading {words[1]}", writer, ctx)
            ctx.add(HIGH, f"runs a command as root whenever {words[1]} loads ({where})", writer)
        elif words[0] in ("blacklist", "install") and words[1:2] and words[1] in _BOOT_DRIVERS:
            reason = f"stops the kernel loading {words[1]}, which the machine may need to boot"
            ctx.add(HIGH, f"{reason} ({where})", writer)
        elif words[0] in ("options", "blacklist", "softdep", "alias", "remove"):
            name = words[1] if len(words) > 1 else "modules"
            ctx.add(MODERATE, f"changes how the kernel loads {name} ({where})", writer)
        elif len(words) == 1 and words[0] in _STOCK_MODULES:
            ctx.add(MODERATE, f"loads the kernel module {words[0]} at every boot ({where})", writer)
        else:
            ctx.add(HIGH, f"loads kernel code at every boot ({where})", writer)
