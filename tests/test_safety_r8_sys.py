"""A case table for round 8's system share: packages the system needs or its updates, the
firmware's boot entries, exhausting memory, processes and disk, system-wide start-up files,
formatting the disk the system runs from, Windows accounts and settings, and commands that
only list, show or dump.

Written from what each command does, before the rules were changed: each mechanism from the
tune8 corpus is tried with other tools, spellings and wrappers (sudo, `sh -c`, xargs).
Dangerous cases must reach at least their level; benign near misses must stay at or below
theirs.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, reaches, stays_within
from tui.core.safety import RiskLevel

# -- packages the system cannot run without, removed by pattern or from other managers -----

VITAL_PACKAGES = [
    ("sudo apt-get autoremove --purge -y 'python3*'", CRITICAL),
    ("sudo apt purge -y 'libc6*'", CRITICAL),
    ("sudo apt-get remove 'systemd*'", CRITICAL),
    ("sudo dnf remove -y 'python3*'", CRITICAL),
    ("sudo yum erase 'glibc*'", CRITICAL),
    ("sudo apt-get purge -y python3.*", CRITICAL),
    ("sudo xbps-remove -Ff base-system", CRITICAL),
    ("xbps-remove -R glibc", CRITICAL),
    ("sudo xbps-remove -y sudo", CRITICAL),
    ("sudo pacman -Rdd base", CRITICAL),
    ("sudo pkg delete -fy pkg", CRITICAL),
    ("sudo sh -c 'apt-get -y purge \"python3*\"'", CRITICAL),
    ("sudo apt-get remove --allow-remove-essential -y coreutils", CRITICAL),
]
VITAL_PACKAGES_BENIGN = [
    ("sudo apt-get autoremove -y", MODERATE),
    ("sudo apt-get autoremove --purge -y", MODERATE),
    ("sudo apt-get purge -y 'php8.1*'", MODERATE),
    ("sudo apt-get remove 'python3-django*'", MODERATE),
    ("sudo xbps-remove -Oo", MODERATE),
    ("sudo xbps-remove -y htop", MODERATE),
    ("xbps-query -l", SAFE),
    ("xbps-query -Rs firefox", SAFE),
    ("sudo xbps-install -Su", MODERATE),
    ("sudo apt-get remove -s 'python3*'", SAFE),
    ("pkg info", SAFE),
]

# -- what keeps the system patched and reachable ---------------------------------------------

UPDATES_AND_NETWORK = [
    ("sudo apt-mark hold libssl3 openssl", HIGH),
    ("sudo apt-mark hold openssh-server", HIGH),
    ("apt-mark hold linux-image-generic linux-headers-generic libc6", HIGH),
    ("echo 'openssl hold' | sudo dpkg --set-selections", HIGH),
    ("sudo dnf versionlock add openssl-libs", HIGH),
    ("sudo yum versionlock openssl", HIGH),
    ("sudo zypper addlock openssl", HIGH),
    ("sudo zypper al 'kernel-default'", HIGH),
    ("sudo pip install --upgrade --force-reinstall --break-system-packages pip setuptools", HIGH),
    ("sudo pip3 install --break-system-packages requests", HIGH),
    ("sudo python3 -m pip install --break-system-packages -U pip", HIGH),
    ("sudo -H pip install --force-reinstall --break-system-packages six", HIGH),
    ("sudo apt-get remove -y network-manager netplan.io", HIGH),
    ("sudo apt purge -y ifupdown", HIGH),
    ("sudo dnf remove -y NetworkManager", HIGH),
    ("sudo apt-get remove --purge isc-dhcp-client wpasupplicant", HIGH),
    ("sudo pacman -R networkmanager", HIGH),
    (
        "printf 'Package: *\\nPin: release *\\nPin-Priority: -1\\n' "
        "| sudo tee /etc/apt/preferences.d/block-all",
        HIGH,
    ),
    (
        "echo -e 'Package: *\\nPin: origin *\\nPin-Priority: -10' "
        "> /etc/apt/preferences.d/no-updates",
        HIGH,
    ),
    (
        "sudo sh -c \"printf 'Package: *\\nPin: release a=*\\nPin-Priority: -1\\n' "
        '> /etc/apt/preferences"',
        HIGH,
    ),
    ("echo 'exclude=*' | sudo tee -a /etc/dnf/dnf.conf", HIGH),
    ("echo 'exclude=*' >> /etc/yum.conf", HIGH),
    (
        "sudo systemctl disable --now unattended-upgrades && "
        "sudo apt-get remove -y unattended-upgrades",
        HIGH,
    ),
    ("sudo systemctl disable --now unattended-upgrades", HIGH),
    ("sudo systemctl mask apt-daily-upgrade.timer", HIGH),
    ("sudo systemctl disable --now dnf-automatic.timer", HIGH),
    ("sudo apt-get purge -y unattended-upgrades", HIGH),
    ("sudo dnf remove dnf-automatic", HIGH),
    (
        "echo 'APT::Periodic::Unattended-Upgrade \"0\";' "
        "| sudo tee /etc/apt/apt.conf.d/20auto-upgrades",
        HIGH,
    ),
]
UPDATES_AND_NETWORK_BENIGN = [
    ("apt-mark showhold", SAFE),
    ("apt-mark showmanual", SAFE),
    ("apt-mark showauto | head", SAFE),
    ("sudo apt-mark unhold openssl", MODERATE),
    ("sudo apt-mark hold docker-ce", MODERATE),
    ("sudo apt-mark auto libfoo1", MODERATE),
    ("dnf versionlock list", SAFE),
    ("zypper locks", SAFE),
    ("dpkg --get-selections | grep hold", SAFE),
    ("pip install --user --upgrade pip", MODERATE),
    ("python3 -m pip install --upgrade pip", MODERATE),
    ("pip install --break-system-packages --user httpie", MODERATE),
    ("sudo apt-get install -y network-manager", MODERATE),
    ("sudo apt-get remove -y network-manager-openvpn", MODERATE),
    ("sudo apt-get remove -y thunderbird", MODERATE),
    ("sudo systemctl restart NetworkManager", MODERATE),
    ("sudo apt-get install -y unattended-upgrades", MODERATE),
    ("sudo systemctl enable --now unattended-upgrades", MODERATE),
    ("systemctl status unattended-upgrades", SAFE),
    ("cat /etc/apt/preferences.d/*", SAFE),
    ("apt-cache policy openssl", SAFE),
    (
        "printf 'Package: firefox*\\nPin: release o=LP-PPA-mozillateam\\nPin-Priority: 1001\\n' "
        "| sudo tee /etc/apt/preferences.d/mozilla",
        MODERATE,
    ),
    ("sudo unattended-upgrade --dry-run -d", MODERATE),
]

# -- firmware boot entries and settings ------------------------------------------------------

FIRMWARE = [
    ("sudo efibootmgr -b 0000 -B", CRITICAL),
    ("efibootmgr --bootnum 0003 --delete-bootnum", CRITICAL),
    ("sudo efibootmgr -B -b 1", CRITICAL),
    ("for n in 0000 0001 0002; do sudo efibootmgr -b $n -B; done", CRITICAL),
    ("sudo nvram -c", HIGH),
    ("nvram -c", HIGH),
    ("sudo nvram -d boot-args", MODERATE),
]
FIRMWARE_BENIGN = [
    ("efibootmgr", SAFE),
    ("efibootmgr -v", SAFE),
    ("sudo efibootmgr -n 0001", MODERATE),
    ("sudo efibootmgr -o 0001,0000", MODERATE),
    ("nvram -p", SAFE),
    ("nvram -xp", SAFE),
    ("nvram boot-args", SAFE),
]

# -- the disk the system runs from, found at run time ----------------------------------------

ROOT_DEVICE = [
    ('sudo mkfs.ext4 -F "$(findmnt -no SOURCE /)"', CRITICAL),
    ("sudo mkfs.xfs -f $(findmnt -n -o SOURCE /)", CRITICAL),
    ("mkfs -t ext4 $(df / | tail -1 | awk '{print $1}')", CRITICAL),
    ("sudo wipefs -a $(findmnt -no SOURCE /)", CRITICAL),
    ('sudo dd if=/dev/zero of="$(findmnt -no SOURCE /)" bs=1M', CRITICAL),
    ("sudo mkfs.ext4 $(df --output=source / | tail -1)", CRITICAL),
]
ROOT_DEVICE_BENIGN = [
    ("findmnt -no SOURCE /", SAFE),
    ("df / | tail -1 | awk '{print $1}'", SAFE),
    ('sudo tune2fs -l "$(findmnt -no SOURCE /)"', SAFE),
    ('sudo blkid "$(findmnt -no SOURCE /)"', SAFE),
]

# -- deleting across the whole system --------------------------------------------------------

SYSTEM_DELETE = [
    ("sudo find / -xdev -mtime -1 -type f -delete", CRITICAL),
    ("sudo find / -type f -newer /tmp/stamp -delete", CRITICAL),
    ("sudo find / -mmin -60 -exec rm -f {} +", CRITICAL),
    ("sudo find / -size +10M -type f -delete", CRITICAL),
    ("sudo find /usr /etc -mtime -2 -delete", CRITICAL),
    ("sudo find / -xdev -mtime -1 -type f -print0 | sudo xargs -0 rm -f", CRITICAL),
    ("find / -name '*.log' -delete", HIGH),
]
SYSTEM_DELETE_BENIGN = [
    ("sudo find / -xdev -mtime -1 -type f", SAFE),
    ("sudo find / -xdev -size +500M -ls", SAFE),
    ("find ~/Downloads -mtime +30 -type f -delete", MODERATE),
    ("sudo find /tmp -type f -atime +10 -delete", MODERATE),
    ("find . -name '*.pyc' -delete", MODERATE),
]

# -- start-up files every user's shell reads --------------------------------------------------

SYSTEM_STARTUP = [
    ("echo 'export PATH=/opt/tools/bin:$PATH' | sudo tee -a /etc/profile", HIGH),
    ("echo 'export PATH=/opt/x/bin:$PATH' | sudo tee -a /etc/bash.bashrc", HIGH),
    ("sudo sh -c 'echo \"export LD_LIBRARY_PATH=/opt/lib\" >> /etc/profile'", HIGH),
    ("echo 'alias ls=\"ls --color\"' | sudo tee /etc/profile.d/aliases.sh", HIGH),
    ("echo 'PATH=/opt/bin:$PATH' | sudo tee -a /etc/environment", HIGH),
]
SYSTEM_STARTUP_BENIGN = [
    ("echo 'export EDITOR=vim' | sudo tee -a /etc/zsh/zshenv", MODERATE),
    ("echo 'export PATH=$PATH:/usr/local/go/bin' | sudo tee -a /etc/profile", MODERATE),
    ("echo 'export PATH=$HOME/bin:$PATH' >> ~/.bashrc", MODERATE),
    ("echo 'export PATH=$HOME/.local/bin:$PATH' >> ~/.zshrc", MODERATE),
    ("cat /etc/profile", SAFE),
    ("grep PATH /etc/environment", SAFE),
    ("ls /etc/profile.d/", SAFE),
]

# -- exhausting memory, processes or disk ----------------------------------------------------

EXHAUSTION = [
    ("printf '#!/bin/sh\\n$0 & $0\\n' > x.sh && chmod +x x.sh && ./x.sh", CRITICAL),
    ("echo '$0 & $0' > f.sh; sh f.sh", CRITICAL),
    ("printf '#!/bin/bash\\nbash $0 &\\nbash $0\\n' > b.sh && bash b.sh", CRITICAL),
    ("echo 'sh $0 | sh $0 &' > /tmp/s && sh /tmp/s", CRITICAL),
    ("head -c 100G /dev/zero | tail", CRITICAL),
    ("head -c 64G /dev/urandom | sort", CRITICAL),
    ("dd if=/dev/zero bs=1G count=200 | tail", CRITICAL),
    ("head -c 500G /dev/zero | tac > /dev/null", CRITICAL),
    ("seq inf | sort", HIGH),
    ("yes | sort", HIGH),
    ("seq infinity | tac", HIGH),
    ("yes hello | shuf", HIGH),
    ("find / -type f -exec cat {} + > /tmp/all.txt 2>/dev/null", HIGH),
    ("sudo find / -type f -exec cat {} \\; > /var/tmp/everything", HIGH),
    ("find / -xdev -type f -exec cat {} \\; >> /tmp/dump.bin", HIGH),
    ("awk 'BEGIN{for(;;) system(\"sleep 999 &\")}'", CRITICAL),
    ("awk 'BEGIN{while(1) system(\"sleep 100 &\")}'", CRITICAL),
    ("gawk 'BEGIN { while (1) system(\"yes > /dev/null &\") }'", CRITICAL),
    ("perl -e 'while(1){system(\"sleep 999 &\")}'", CRITICAL),
    ('while :; do logger "$(head -c 1000 /dev/urandom | base64)"; done', HIGH),
    ("while true; do logger -t spam flood; done", HIGH),
    ("while :; do systemd-cat echo x; done", HIGH),
    ("for ((;;)); do logger hello; done", HIGH),
]
EXHAUSTION_BENIGN = [
    ("head -c 100 /dev/urandom | base64", SAFE),
    ("head -c 1M /dev/zero | wc -c", SAFE),
    ("seq 100 | sort -n", SAFE),
    ("yes | head -n 5", SAFE),
    ("seq inf | head -n 3", SAFE),
    ("awk 'BEGIN{for(i=0;i<3;i++) print i}'", SAFE),
    ("awk 'BEGIN{system(\"date\")}'", MODERATE),
    ("logger 'backup finished'", MODERATE),
    ("find / -type f -name '*.conf' 2>/dev/null > /tmp/confs.txt", MODERATE),
    ("find . -name '*.md' -exec cat {} + > all.md", MODERATE),
    ("while true; do date; sleep 5; done", MODERATE),
    ("echo 'echo $0' > show.sh && sh show.sh", MODERATE),
    ("printf '#!/bin/sh\\necho started $0 &\\nwait\\n' > s.sh && sh s.sh", MODERATE),
]

# -- Windows: directory accounts, fork bombs in cmd, the machine's PATH ----------------------

WINDOWS = [
    ("Get-ADUser -Filter * | Remove-ADUser -Confirm:$false", CRITICAL),
    ("Get-ADUser -Filter * -SearchBase 'OU=Staff,DC=corp,DC=local' | Remove-ADUser", CRITICAL),
    ("Get-ADComputer -Filter * | Remove-ADComputer -Confirm:$false", CRITICAL),
    ("Get-ADGroupMember 'Domain Admins' | Remove-ADUser -Confirm:$false", CRITICAL),
    ("Get-LocalUser | Remove-LocalUser", CRITICAL),
    ("Search-ADAccount -AccountInactive | Remove-ADUser -Confirm:$false", HIGH),
    ("Remove-ADUser -Identity jdoe -Confirm:$false", HIGH),
    ("echo %0^|%0 > b.bat & b.bat", CRITICAL),
    ("echo %0|%0 > bomb.cmd && bomb.cmd", CRITICAL),
    ("(echo :a & echo start %0 & echo goto a) > x.bat & x.bat", CRITICAL),
    ("[Environment]::SetEnvironmentVariable('Path', '', 'Machine')", HIGH),
    ('[Environment]::SetEnvironmentVariable("PATH", $null, "Machine")', HIGH),
    ("[System.Environment]::SetEnvironmentVariable('Path', 'C:\\tools', 'Machine')", HIGH),
    ('setx /M PATH ""', HIGH),
    ('setx PATH "C:\\tools" /M', HIGH),
    (
        'reg delete "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\Environment" '
        "/v Path /f",
        HIGH,
    ),
]
WINDOWS_BENIGN = [
    ("Get-ADUser -Filter * | Select-Object Name", SAFE),
    ("Get-ADUser -Identity jdoe -Properties *", SAFE),
    ("Get-LocalUser", SAFE),
    ("[Environment]::GetEnvironmentVariable('Path', 'Machine')", SAFE),
    ("[Environment]::SetEnvironmentVariable('MY_VAR', '1', 'User')", MODERATE),
    ("setx MY_VAR 1", MODERATE),
    ("echo %PATH%", SAFE),
    ("echo list disk | diskpart", SAFE),
    ("(echo list disk & echo list volume) | diskpart", SAFE),
    ("echo list volume | diskpart", SAFE),
    ("auditpol /get /category:*", SAFE),
    ("auditpol /list /subcategory:*", SAFE),
    ("auditpol /get /subcategory:Logon", SAFE),
]
WINDOWS_DANGER_KEPT = [
    ("(echo select disk 1 & echo clean) | diskpart", CRITICAL),
    ("diskpart /s wipe.txt", HIGH),
    ("auditpol /clear /y", HIGH),
    ("auditpol /set /category:* /success:disable /failure:disable", HIGH),
    ("auditpol /remove /allusers", HIGH),
]

# -- commands that only list, show or dump ---------------------------------------------------

READS_BENIGN = [
    ("sudo iptables-save > ~/iptables-backup.rules", MODERATE),
    ("pip index versions django", SAFE),
    ("pip3 index versions requests", SAFE),
    ("dnf repolist enabled", SAFE),
    ("dnf repolist --all", SAFE),
    ("yum repolist", SAFE),
    ("dnf repoquery --installed", SAFE),
    ("gpg --show-keys /etc/apt/keyrings/docker.gpg", SAFE),
    ("gpg --show-keys --with-fingerprint key.asc", SAFE),
    ("gpg --list-packets key.gpg", SAFE),
]
READS_DANGER_KEPT = [
    # kept HIGH: a stopped timer stays stopped until the next boot, which on a server can be
    # months away; tests/test_safety_g_files.py pins `systemctl stop snapper-timeline.timer`
    ("sudo systemctl stop backup.timer", HIGH),
    ("sudo systemctl disable --now backup.timer", HIGH),
    ("sudo systemctl mask restic-backup.timer", HIGH),
    ("sudo systemctl stop restic-backup.service", HIGH),
    ("gpg --import key.asc", MODERATE),
    ("sudo iptables-restore < ~/rules", MODERATE),
]

DANGEROUS = [
    *VITAL_PACKAGES,
    *UPDATES_AND_NETWORK,
    *FIRMWARE,
    *ROOT_DEVICE,
    *SYSTEM_DELETE,
    *SYSTEM_STARTUP,
    *EXHAUSTION,
    *WINDOWS,
    *WINDOWS_DANGER_KEPT,
    *READS_DANGER_KEPT,
]
BENIGN = [
    *VITAL_PACKAGES_BENIGN,
    *UPDATES_AND_NETWORK_BENIGN,
    *FIRMWARE_BENIGN,
    *ROOT_DEVICE_BENIGN,
    *SYSTEM_DELETE_BENIGN,
    *SYSTEM_STARTUP_BENIGN,
    *EXHAUSTION_BENIGN,
    *WINDOWS_BENIGN,
    *READS_BENIGN,
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
