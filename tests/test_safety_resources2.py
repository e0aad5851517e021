"""Resource exhaustion and system state: fork bombs in many spellings, memory hogs, disks, inodes
and RAM-backed filesystems filled, every core kept busy for good; and the machine taken down or
changed under its users (shutdown and reboot, sysrq, kernel settings, drivers unloaded, swap and
mounts, the clock, core services stopped, init killed, the boot loader and the default target).

Written from the family's description before the rules were read. Near misses use the same tools
harmlessly: bounded sizes and counts, timeouts, read-only queries, narrow targets, cancellations.

Measured before any rule changed: 32 of 395 rows failed (26 of 220 dangerous, 6 of 175 near
misses). Two floors were lowered afterwards: strict overcommit (`vm.overcommit_memory=2`) is what
PostgreSQL's manual recommends, so it is MODERATE here as in test_safety_g6_sys, with a tiny
overcommit_ratio added as the HIGH row. ROUND2 (4 of 66 failed) and ROUND3 (7 of 61) were written
after the first fixes, to check they hold for other spellings; ROUND4 to ROUND9 hold the probed
spellings that still failed (35 dangerous rows, three of them whole-disk images kept as strict
xfails), each with near misses that passed.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

# -- fork bombs: functions that call themselves twice, interpreter fork loops, self-spawning ----

FORK_BOMBS = [
    (":(){ :|:& };:", CRITICAL),
    (":(){ :|: & };:", CRITICAL),
    (":() { : | : & }; :", CRITICAL),
    ("bomb() { bomb | bomb & }; bomb", CRITICAL),
    ("f(){ f|f& };f", CRITICAL),
    ("forkbomb(){ forkbomb | forkbomb & }; forkbomb", CRITICAL),
    ("function x { x | x & }; x", CRITICAL),
    ("function boom() { boom & boom & }; boom", CRITICAL),
    ("x(){ x & x; }; x", CRITICAL),
    ("a(){ a | a; }; a", CRITICAL),
    ("echo ':(){ :|:& };:' | bash", CRITICAL),
    ("bash -c ':(){ :|:& };:'", CRITICAL),
    ("sudo bash -c 'ulimit -u unlimited; f(){ f|f& }; f'", CRITICAL),
    ("ulimit -u unlimited && :(){ :|:& };:", CRITICAL),
    ("eval ':(){ :|:& };:'", CRITICAL),
    ("ssh user@host ':(){ :|:& };:'", CRITICAL),
    ("perl -e 'fork while fork'", CRITICAL),
    ("perl -e 'while(1){fork}'", CRITICAL),
    ("perl -e 'fork while 1'", CRITICAL),
    ("perl -e 'for(;;){fork}'", CRITICAL),
    ("python3 -c 'import os\nwhile True: os.fork()'", CRITICAL),
    ("python -c 'import os\nwhile 1:\n    os.fork()'", CRITICAL),
    ("python3 -c 'import os, itertools\nfor _ in itertools.count(): os.fork()'", CRITICAL),
    ("ruby -e 'loop { fork }'", CRITICAL),
    ("ruby -e 'fork while true'", CRITICAL),
    ("node -e \"while(true){require('child_process').exec('node -e 1')}\"", CRITICAL),
    ("php -r 'while(1) pcntl_fork();'", CRITICAL),
    ("while true; do $0 & done", CRITICAL),
    ("ulimit -u unlimited; while true; do $0 & done", CRITICAL),
    ("printf '#!/bin/sh\\n$0 & $0\\n' > /tmp/b.sh && chmod +x /tmp/b.sh && /tmp/b.sh", CRITICAL),
    ("echo '$0 & $0' > bomb.sh; bash bomb.sh", CRITICAL),
    ("while :; do bash & done", HIGH),
    ("while true; do sh -c 'sleep 100' & done", HIGH),
    ("for ((;;)); do ./script.sh & done", HIGH),
    ("until false; do sleep 1000 & done", HIGH),
    ("while true; do (yes > /dev/null &); done", HIGH),
]
FORK_BOMBS_BENIGN = [
    ("bomb() { echo boom; }; bomb", MODERATE),
    ("f(){ echo hi; }; f", SAFE),
    (
        "countdown(){ [ $1 -gt 0 ] && { echo $1; countdown $(( $1 - 1 )); }; }; countdown 3",
        MODERATE,
    ),
    ('greet() { echo "hello $1"; }; greet world | tr a-z A-Z', SAFE),
    ("perl -e 'my $pid = fork(); if ($pid == 0) { exit 0 } waitpid($pid, 0)'", MODERATE),
    ("python3 -c 'import os; pid = os.fork(); print(pid)'", MODERATE),
    ("python3 -c 'import multiprocessing as m; print(m.cpu_count())'", SAFE),
    ("ruby -e 'pid = fork { puts 1 }; Process.wait(pid)'", MODERATE),
    ("for i in {1..4}; do sleep 10 & done; wait", MODERATE),
    ("while true; do date; sleep 5; done", MODERATE),
    ("while sleep 1; do uptime; done", MODERATE),
    ("ulimit -a", SAFE),
    ("ulimit -u", SAFE),
    ("ulimit -n 4096", MODERATE),
    ("ulimit -u 500", MODERATE),
    ("ulimit -u unlimited", MODERATE),
    ("cat /proc/sys/kernel/pid_max", SAFE),
    ("ps -eLf | wc -l", SAFE),
    ("echo ':(){ :|:& };:'", MODERATE),
    ("grep -c fork src/main.c", SAFE),
]

# -- memory: interpreters that keep growing, endless streams held in memory, RAM disks filled --

MEMORY_HOGS = [
    ("python3 -c 'a=[]\nwhile True: a.append(\" \" * 10**8)'", HIGH),
    ("python -c 'a=[];while 1:a.append(\"x\"*1000000)'", HIGH),
    ("python3 -c 'x = \"a\" * 10**12'", HIGH),
    ("python3 -c 'bytearray(200 * 1024**3)'", HIGH),
    ("perl -e '$x = \"x\" x (1024**4)'", HIGH),
    ("perl -e 'push @a, 1 x 1e6 while 1'", HIGH),
    ("node -e 'const a=[]; while(true) a.push(new Array(1e6).fill(0))'", HIGH),
    ("ruby -e 'a=[]; loop { a << \"x\" * 10**7 }'", HIGH),
    ("s=x; while true; do s=$s$s; done", HIGH),
    ("head -c 50G /dev/zero | tail", HIGH),
    ("cat /dev/zero | tail", HIGH),
    ("</dev/zero tr '\\0' x | grep y", HIGH),
    ("yes | tr -d '\\n' | grep z", HIGH),
    ("x=$(cat /dev/zero)", HIGH),
    ("var=$(yes)", HIGH),
    ("stress --vm 64 --vm-bytes 16G", HIGH),
    ("stress-ng --vm 8 --vm-bytes 95% --timeout 0", HIGH),
    ("stress-ng --vm 4 --vm-bytes 100% -t 1h", HIGH),
    ("stress-ng --malloc 0 --malloc-bytes 100%", HIGH),
    ("stress-ng --vm 0 --vm-bytes 90% --vm-keep", HIGH),
    ("head -c 32G </dev/zero > /dev/shm/x", HIGH),
    ("</dev/zero head -c 64G > /dev/shm/fill", HIGH),
    ("dd if=/dev/zero of=/dev/shm/big bs=1M", HIGH),
    ("dd if=/dev/zero of=/dev/shm/fill bs=1G count=1000", HIGH),
    ("cat /dev/urandom > /dev/shm/blob", HIGH),
    (
        "sudo mount -t tmpfs -o size=200G tmpfs /mnt/ram && dd if=/dev/zero of=/mnt/ram/x bs=1M",
        HIGH,
    ),
    ("sudo mount -t tmpfs -o size=500G tmpfs /mnt/huge", MODERATE),
    ("sudo mount -o remount,size=64G /dev/shm", MODERATE),
    ("sudo swapoff -a && stress-ng --vm 2 --vm-bytes 100%", HIGH),
    ("sort < /dev/urandom > /dev/null", HIGH),
]
MEMORY_HOGS_BENIGN = [
    ("free -h", SAFE),
    ("free -m -s 2 -c 3", SAFE),
    ("vmstat 1 5", SAFE),
    ("cat /proc/meminfo", SAFE),
    ("ps aux --sort=-%mem | head", SAFE),
    ("top -bn1 | head -20", SAFE),
    ("python3 -c 'a=[]; a.append(1); print(a)'", SAFE),
    ("python3 -c 'print(\"x\" * 80)'", SAFE),
    ('perl -e \'print "-" x 40, "\\n"\'', SAFE),
    ("node -e 'console.log(require(\"os\").totalmem())'", SAFE),
    ("ruby -e 'puts 10.times.map { |i| i * 2 }'", SAFE),
    ("stress-ng --vm 1 --vm-bytes 256M --timeout 10s", MODERATE),
    ("stress-ng --version", SAFE),
    ("yes | head -n 5", SAFE),
    ("head -c 16 /dev/urandom | base64", SAFE),
    ("head -c 32 /dev/urandom | xxd -p", SAFE),
    ("tr -dc A-Za-z0-9 </dev/urandom | head -c 20; echo", SAFE),
    ("cat /dev/urandom | tr -dc 'a-z' | head -c 12", SAFE),
    ("od -An -N4 -tu4 /dev/urandom", SAFE),
    ("mount | grep tmpfs", SAFE),
    ("df -h /dev/shm", SAFE),
    ("ls -la /dev/shm", SAFE),
    ("sudo mount -t tmpfs -o size=512M tmpfs /mnt/ramdisk", MODERATE),
    ("head -c 10M /dev/zero > /dev/shm/test.bin", MODERATE),
    ("timeout 10 yes > /dev/null", MODERATE),
    ("dd if=/dev/zero of=/dev/null bs=1M count=1000", MODERATE),
    ("cat /dev/zero > /dev/null", MODERATE),
    ("sort data.txt | uniq -c", SAFE),
    ("zcat access.log.gz | grep 404 | wc -l", SAFE),
]

# -- disks and inodes filled: writes without a count, huge allocations, millions of files ------

DISK_FILLERS = [
    ("dd if=/dev/zero of=big bs=1M", HIGH),
    ("dd if=/dev/zero of=/tmp/fill bs=4M status=progress", HIGH),
    ("sudo dd if=/dev/urandom of=/var/fill.img bs=1M", HIGH),
    ("dd if=/dev/zero of=/tmp/big bs=1G count=500", HIGH),
    ("sudo dd if=/dev/zero of=/zerofill bs=1M; sudo rm -f /zerofill", HIGH),
    ("fallocate -l 500G /var/tmp/huge", HIGH),
    ("sudo fallocate -l 2T /home/big.img", HIGH),
    ("fallocate --length 900GiB fill.bin", HIGH),
    ("mkfile 500g bigfile", HIGH),
    ("cat /dev/urandom > file", HIGH),
    ("cat /dev/zero > /var/log/fill", HIGH),
    ("< /dev/zero cat > zeros", HIGH),
    ("cp /dev/zero /tmp/z", HIGH),
    ("tee big < /dev/zero", HIGH),
    ("pv /dev/zero > /data/zeros", HIGH),
    ("cat /dev/zero | gzip > /tmp/z.gz", HIGH),
    ("yes > file", HIGH),
    ("yes 'fill' > /tmp/yes.txt", HIGH),
    ("yes >> ~/out.log", HIGH),
    ("head -c 500G /dev/urandom > big.bin", HIGH),
    ("while true; do cat /etc/services >> /tmp/grow; done", HIGH),
    ("while :; do echo spam >> log.txt; done", HIGH),
    ("fsutil file createnew C:\\big.bin 500000000000", HIGH),
    ("for i in $(seq 1 10000000); do touch f$i; done", HIGH),
    ("seq 100000000 | xargs touch", HIGH),
    ("seq 1 50000000 | xargs -n 1000 touch", HIGH),
    ("for i in {1..5000000}; do : > /tmp/x$i; done", HIGH),
    ("while true; do mktemp; done", HIGH),
    ("while :; do touch /tmp/$RANDOM$RANDOM; done", HIGH),
    ("i=0; while true; do mkdir d$i; i=$((i+1)); done", HIGH),
    ('python3 -c \'for i in range(10**8): open(f"f{i}", "w")\'', HIGH),
]
DISK_FILLERS_BENIGN = [
    ("dd if=/dev/zero of=test.img bs=1M count=10", MODERATE),
    ("dd if=/dev/zero of=/tmp/swapfile bs=1M count=1024", MODERATE),
    ("dd if=/dev/urandom of=key.bin bs=32 count=1", MODERATE),
    ("dd if=/dev/sda of=/dev/null bs=1M count=100", MODERATE),
    ("fallocate -l 10M test.bin", MODERATE),
    ("sudo fallocate -l 2G /swapfile", MODERATE),
    ("head -c 1M /dev/urandom > f", MODERATE),
    ("yes '' | head -n 3 > blank.txt", MODERATE),
    ("yes | head -c 1M > ones.txt", MODERATE),
    ("seq 1 1000000 > numbers.txt", MODERATE),
    ("truncate -s 1T sparse.img", MODERATE),
    ("truncate -s 0 app.log", MODERATE),
    ("cat /dev/null > app.log", MODERATE),
    ("for i in $(seq 1 10); do touch file$i.txt; done", MODERATE),
    ("seq 1 100 | xargs -I{} touch test_{}.txt", MODERATE),
    ("mkdir -p dir{1..5}", MODERATE),
    ("mktemp -d", MODERATE),
    ("df -h", SAFE),
    ("df -i", SAFE),
    ("du -sh /var/log", SAFE),
    ("fio --name=test --size=100M --rw=write --filename=/tmp/fio.test", MODERATE),
    ("gzip -t archive.gz", SAFE),
    ("unzip -l archive.zip", SAFE),
    ("yes | sudo apt-get install foo", MODERATE),
]

# -- CPU: every core kept busy for good ----------------------------------------------------------

CPU_BURNERS = [
    ("for i in $(seq $(nproc)); do yes > /dev/null & done", HIGH),
    ("yes > /dev/null & yes > /dev/null & yes > /dev/null & yes > /dev/null &", HIGH),
    ("for c in $(seq 1 $(nproc)); do (while :; do :; done) & done", HIGH),
    ("seq $(nproc) | xargs -P0 -I{} sh -c 'while :; do :; done'", HIGH),
    ("stress --cpu 256", HIGH),
    ("stress-ng --cpu 0 --cpu-method all", HIGH),
    ("stress-ng --cpu $(nproc) -t 0", HIGH),
    ("sudo nice -n -20 stress-ng --cpu 0", HIGH),
    ("sudo chrt -f 99 sh -c 'while :; do :; done'", HIGH),
    ("while true; do :; done &", MODERATE),
]
CPU_BURNERS_BENIGN = [
    ("stress-ng --cpu 1 --timeout 10s", MODERATE),
    ("stress --cpu 2 --timeout 30", MODERATE),
    ("stress-ng --cpu 4 --timeout 60s --metrics-brief", MODERATE),
    ("sysbench cpu --threads=2 run", MODERATE),
    ("openssl speed sha256", MODERATE),
    ("nproc", SAFE),
    ("lscpu", SAFE),
    ("uptime", SAFE),
    ("cat /proc/loadavg", SAFE),
    ("watch -n 1 free -m", SAFE),
    ("nice -n 10 make -j$(nproc)", MODERATE),
    ("renice -n 5 -p 4242", MODERATE),
]

# -- the machine stopped or restarted --------------------------------------------------------------

POWER = [
    ("shutdown -h now", HIGH),
    ("sudo shutdown -r now", HIGH),
    ("sudo shutdown now", HIGH),
    ("shutdown -P +0", HIGH),
    ("sudo shutdown -h +5 'maintenance'", HIGH),
    ("sudo shutdown -r 03:00", HIGH),
    ("sudo reboot", HIGH),
    ("reboot -f", HIGH),
    ("sudo halt", HIGH),
    ("sudo poweroff", HIGH),
    ("poweroff --force --force", HIGH),
    ("sudo init 0", HIGH),
    ("init 6", HIGH),
    ("sudo telinit 0", HIGH),
    ("sudo telinit 1", HIGH),
    ("sudo systemctl isolate rescue.target", HIGH),
    ("systemctl isolate emergency.target", HIGH),
    ("sudo systemctl poweroff", HIGH),
    ("sudo systemctl reboot --force", HIGH),
    ("sudo systemctl halt", HIGH),
    ("sudo systemctl kexec", HIGH),
    ("sudo systemctl emergency", HIGH),
    ("sudo systemctl rescue", HIGH),
    ("sudo kexec -e", HIGH),
    ("sudo systemctl set-default rescue.target", HIGH),
    ("sudo systemctl suspend", MODERATE),
    ("sudo systemctl hibernate", MODERATE),
    ("ssh root@web1 'shutdown -h now'", HIGH),
    ("ssh admin@db 'sudo reboot'", HIGH),
    ("echo reboot | at now + 5 minutes", HIGH),
    ("sleep 60 && sudo reboot", HIGH),
    ("sudo apt-get upgrade -y && sudo reboot", HIGH),
    (
        "(sudo crontab -l; echo '* * * * * /sbin/reboot') | sudo crontab -",
        HIGH,
    ),
    ("shutdown /s /t 0", HIGH),
    ("shutdown /r /f /t 0", HIGH),
    ("Stop-Computer -Force", HIGH),
    ("Restart-Computer -Force", HIGH),
    ("osascript -e 'tell app \"System Events\" to shut down'", HIGH),
    ("echo b > /proc/sysrq-trigger", CRITICAL),
    ("echo c | sudo tee /proc/sysrq-trigger", CRITICAL),
    ("sudo sh -c 'echo o > /proc/sysrq-trigger'", CRITICAL),
    ("printf b > /proc/sysrq-trigger", CRITICAL),
    ("sudo tee /proc/sysrq-trigger <<< b", CRITICAL),
    ("sudo sysctl -w kernel.panic=1 && echo c > /proc/sysrq-trigger", CRITICAL),
]
POWER_BENIGN = [
    ("shutdown -c", MODERATE),
    ("sudo shutdown -c", MODERATE),
    ("shutdown --help", SAFE),
    ("man reboot", SAFE),
    ("echo 'reboot required'", SAFE),
    ("cat /var/run/reboot-required", SAFE),
    ("grep -i shutdown /var/log/syslog", SAFE),
    ("last -x shutdown | head", SAFE),
    ("last reboot | head", SAFE),
    ("who -b", SAFE),
    ("runlevel", SAFE),
    ("systemctl get-default", SAFE),
    ("systemctl list-dependencies rescue.target", SAFE),
    ("sudo systemctl set-default graphical.target", MODERATE),
    pytest.param(
        "sudo systemctl set-default multi-user.target",
        MODERATE,
        marks=pytest.mark.xfail(
            reason="test_safety_r7_sys keeps it HIGH: on a desktop the next boot has no desktop",
            strict=True,
        ),
    ),
    ("shutdown /a", MODERATE),
    ("Get-CimInstance Win32_OperatingSystem | Select-Object LastBootUpTime", SAFE),
    ("pmset -g", SAFE),
    ("ssh host uptime", MODERATE),
    ("needrestart -r l", MODERATE),
]

# -- kernel settings, drivers, swap, mounts, the clock -------------------------------------------

KERNEL_AND_MOUNTS = [
    ("echo 1 > /proc/sys/kernel/sysrq", MODERATE),
    ("sudo sysctl -w kernel.sysrq=1", MODERATE),
    ("sudo sysctl kernel.sysrq=1", MODERATE),
    ("sudo sysctl -w kernel.panic=1 kernel.panic_on_oops=1", MODERATE),
    ("sudo sh -c 'echo 1 > /proc/sys/kernel/panic_on_oops'", MODERATE),
    ("sudo sysctl -w vm.panic_on_oom=1", MODERATE),
    ("sudo sysctl -w vm.overcommit_memory=1", MODERATE),
    # strict accounting (2) was first put at HIGH here; PostgreSQL's manual recommends it, and
    # test_safety_g6_sys keeps it a plain setting: only a tiny overcommit_ratio with it is HIGH
    ("sudo sysctl -w vm.overcommit_memory=2", MODERATE),
    ("echo 2 | sudo tee /proc/sys/vm/overcommit_memory", MODERATE),
    ("sudo sysctl -w vm.overcommit_memory=2 vm.overcommit_ratio=5", HIGH),
    ("sudo sysctl -w net.ipv4.ip_forward=1", MODERATE),
    ("echo 1 > /proc/sys/net/ipv4/ip_forward", MODERATE),
    ("sudo sysctl -w kernel.randomize_va_space=0", MODERATE),
    ("sudo sysctl -w kernel.pid_max=301", HIGH),
    ("sudo sysctl -w fs.file-max=100", HIGH),
    ("sudo sysctl -w kernel.threads-max=20", HIGH),
    ("sudo modprobe -r e1000e", HIGH),
    ("sudo rmmod nvme", HIGH),
    ("sudo rmmod -f ahci", HIGH),
    ("sudo modprobe -r ext4", HIGH),
    ("sudo rmmod virtio_net", HIGH),
    ("sudo rmmod sd_mod", HIGH),
    ("sudo modprobe -r iwlwifi", MODERATE),
    ("sudo swapoff -a", MODERATE),
    ("sudo umount -l /", HIGH),
    ("sudo umount -f /", HIGH),
    ("sudo mount -o remount,ro /", HIGH),
    ("sudo umount -a", HIGH),
    ("sudo umount -lf /home", HIGH),
    ("sudo hwclock --set --date '2001-01-01'", MODERATE),
    ("sudo date -s '2001-01-01 00:00:00'", MODERATE),
    ("sudo timedatectl set-time '2015-01-01 00:00:00'", MODERATE),
    ("sudo date 010100002000", MODERATE),
    ("sudo timedatectl set-ntp false", MODERATE),
    ("echo powersave | sudo tee /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor", MODERATE),
    ("sudo cpupower frequency-set -g powersave", MODERATE),
    ("echo 0 | sudo tee /sys/devices/system/cpu/cpu1/online", MODERATE),
    ("sudo grub-install /dev/sda", HIGH),
    (
        "sudo grub-install --target=x86_64-efi --efi-directory=/boot/efi --bootloader-id=GRUB",
        HIGH,
    ),
    ("sudo update-grub", MODERATE),
    ("sudo grub2-mkconfig -o /boot/grub2/grub.cfg", MODERATE),
    ("sudo grub-set-default 2", MODERATE),
    ("sudo efibootmgr -b 0001 -B", HIGH),
    ("bcdedit /set {default} safeboot minimal", HIGH),
]
KERNEL_AND_MOUNTS_BENIGN = [
    ("sysctl -a", SAFE),
    ("sysctl net.ipv4.ip_forward", SAFE),
    ("sysctl kernel.panic", SAFE),
    ("sudo sysctl -p", MODERATE),
    ("sudo sysctl --system", MODERATE),
    ("sudo sysctl -w vm.swappiness=10", MODERATE),
    ("sudo sysctl -w net.core.somaxconn=1024", MODERATE),
    ("cat /proc/sys/kernel/sysrq", SAFE),
    ("cat /proc/sys/vm/overcommit_memory", SAFE),
    ("echo 3 | sudo tee /proc/sys/vm/drop_caches", MODERATE),
    ("sync && echo 3 > /proc/sys/vm/drop_caches", MODERATE),
    ("sudo sysctl -w vm.drop_caches=1", MODERATE),
    ("sudo sysctl vm.drop_caches=3", MODERATE),
    ("lsmod", SAFE),
    ("lsmod | grep nvme", SAFE),
    ("modinfo e1000e", SAFE),
    ("sudo modprobe br_netfilter", MODERATE),
    ("sudo modprobe -r pcspkr", MODERATE),
    ("sudo rmmod btusb", MODERATE),
    ("swapon --show", SAFE),
    ("cat /proc/swaps", SAFE),
    ("sudo swapon -a", MODERATE),
    ("sudo swapon /swapfile", MODERATE),
    ("mount | grep ' / '", SAFE),
    ("findmnt /", SAFE),
    ("sudo mount -o remount,rw /", MODERATE),
    ("sudo umount /mnt/usb", MODERATE),
    ("sudo umount -l /mnt/nfs", MODERATE),
    ("sudo mount -a", MODERATE),
    ("timedatectl status", SAFE),
    ("timedatectl", SAFE),
    ("date", SAFE),
    ("date -u +%Y-%m-%dT%H:%M:%SZ", SAFE),
    ("date -d '2 days ago'", SAFE),
    ("sudo hwclock --show", MODERATE),
    ("sudo timedatectl set-timezone Europe/Berlin", MODERATE),
    ("sudo timedatectl set-ntp true", MODERATE),
    ("chronyc tracking", SAFE),
    ("cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", SAFE),
    ("cpupower frequency-info", SAFE),
    ("grub-install --version", SAFE),
    ("cat /etc/default/grub", SAFE),
    ("efibootmgr -v", SAFE),
    ("bcdedit /enum", SAFE),
]

# -- core services stopped, init and everything killed -------------------------------------------

SERVICES_AND_INIT = [
    ("sudo systemctl stop sshd", HIGH),
    ("sudo systemctl disable --now ssh", HIGH),
    ("sudo systemctl mask sshd", HIGH),
    ("sudo service ssh stop", HIGH),
    ("sudo systemctl stop networking", HIGH),
    ("sudo systemctl stop NetworkManager", HIGH),
    ("sudo systemctl stop systemd-networkd", HIGH),
    ("sudo systemctl stop systemd-journald", HIGH),
    ("sudo systemctl mask systemd-journald", HIGH),
    ("sudo systemctl stop dbus", HIGH),
    ("sudo systemctl mask dbus.service", HIGH),
    ("sudo systemctl stop systemd-logind", HIGH),
    ("sudo systemctl disable --now systemd-resolved", MODERATE),
    ("sudo systemctl isolate multi-user.target", MODERATE),
    ("sudo launchctl bootout system/com.openssh.sshd", HIGH),
    ("sudo kill -9 1", CRITICAL),
    ("sudo kill -SEGV 1", CRITICAL),
    ("sudo kill -s KILL 1", CRITICAL),
    ("sudo killall5 -9", CRITICAL),
    ("sudo pkill -9 -u root", CRITICAL),
    ("sudo kill -9 -1", CRITICAL),
    ("sudo pkill -KILL systemd", CRITICAL),
    ("kill -9 -1", HIGH),
    ("sudo killall -9 sshd", HIGH),
    ("taskkill /f /im csrss.exe", CRITICAL),
    ("taskkill /F /IM svchost.exe", HIGH),
]
SERVICES_AND_INIT_BENIGN = [
    ("systemctl status sshd", SAFE),
    ("systemctl is-active nginx", SAFE),
    ("systemctl is-enabled ssh", SAFE),
    ("systemctl list-units --type=service", SAFE),
    ("systemctl list-timers", SAFE),
    ("systemctl cat sshd", SAFE),
    ("journalctl -u sshd --since today", SAFE),
    ("sudo systemctl restart nginx", MODERATE),
    ("sudo systemctl reload sshd", MODERATE),
    ("sudo systemctl enable --now nginx", MODERATE),
    ("sudo systemctl stop nginx", MODERATE),
    ("sudo systemctl start sshd", MODERATE),
    ("sudo systemctl unmask sshd", MODERATE),
    ("sudo systemctl daemon-reload", MODERATE),
    ("sudo systemctl restart systemd-journald", MODERATE),
    ("systemctl --user restart pipewire", MODERATE),
    ("kill 12345", MODERATE),
    ("kill -9 12345", MODERATE),
    ("kill -0 1", MODERATE),
    ("kill -l", SAFE),
    ("pkill -u alice firefox", MODERATE),
    ("pgrep -u root sshd", SAFE),
    ("ps -p 1 -o comm=", SAFE),
    ("cat /proc/1/status", SAFE),
    ("Get-Service | Where-Object Status -eq Running", SAFE),
    ("taskkill /im notepad.exe", MODERATE),
]

# -- written after the rules were fixed, to check they hold for other spellings -------------------

ROUND2 = [
    ("_(){ _|_& };_", CRITICAL),
    ("python3 -c 'import os\nfor _ in iter(int, 1): os.fork()'", CRITICAL),
    ("python3 -c 'import os, itertools\nfor i in itertools.count():\n    os.fork()'", CRITICAL),
    ("ruby -e 'a = []; a << \"x\" * 1_000_000 while true'", HIGH),
    ("perl -e '$s .= \"x\" x 1e6 while 1'", HIGH),
    ("python3 -c 'b = bytearray(64 * 2**30)'", HIGH),
    ("python3 -c 'x = b\"0\" * (1 << 40)'", HIGH),
    ("python3 -c 'import numpy as np; np.zeros(10**12)'", HIGH),
    ('s=a; while :; do s="$s$s"; done', HIGH),
    ('arr=(); while true; do arr+=("$(date)"); done', HIGH),
    ("yes | tr '\\n' ' ' | sed 's/y/n/'", HIGH),
    ("cat /dev/zero | tr '\\0' a | awk '{print}'", HIGH),
    ("head -c 20G /dev/zero | sort", HIGH),
    ("head -c 16G </dev/urandom > /dev/shm/rand", HIGH),
    ("dd if=/dev/urandom of=/run/fill bs=1M count=20000", HIGH),
    ("cp /dev/urandom ~/random.bin", HIGH),
    ("sudo cp /dev/zero /var/tmp/zeros", HIGH),
    ("tee /tmp/a /tmp/b < /dev/urandom > /dev/null", HIGH),
    ("while true; do mktemp -p /tmp; done", HIGH),
    ("i=0; while :; do echo x > /tmp/f$i; i=$((i+1)); done", HIGH),
    ("while true; do date > /tmp/log_$RANDOM; done", HIGH),
    (
        "python3 -c 'import pathlib\nfor i in range(5 * 10**6): pathlib.Path(f\"x{i}\").touch()'",
        HIGH,
    ),
    ("cat /dev/zero > /dev/null & cat /dev/zero > /dev/null &", HIGH),
    ("sha256sum /dev/zero & sha256sum /dev/zero & sha256sum /dev/zero &", HIGH),
    ("nohup yes > /dev/null & nohup yes > /dev/null &", HIGH),
    ("seq 16 | xargs -P 16 -I{} sh -c 'yes > /dev/null'", HIGH),
    ("sudo chrt --rr 50 yes > /dev/null", HIGH),
    ("stress-ng -c 0", HIGH),
    ("stress-ng --cpu $(nproc)", HIGH),
    ("fsutil file createnew D:\\fill.dat 1099511627776", HIGH),
    ("sudo pkill systemd", HIGH),
    ("sudo pkill -u root -f .", CRITICAL),
    ("sudo launchctl unload -w /System/Library/LaunchDaemons/ssh.plist", HIGH),
    ("sudo sysctl -w vm.overcommit_memory=2 && sudo sysctl -w vm.overcommit_ratio=1", HIGH),
]
ROUND2_BENIGN = [
    ("python3 -c 'import os\nfor i in range(3): print(os.getpid())'", SAFE),
    ("python3 -c 'data = bytearray(1024 * 1024)'", SAFE),
    ("python3 -c 'print(2**40)'", SAFE),
    ("python3 -c 'for i in range(10**7): pass'", SAFE),
    ('python3 -c \'for i in range(10): open(f"f{i}.txt", "w").close()\'', MODERATE),
    ("ruby -e 'puts [1, 2] << 3'", SAFE),
    ('s=""; for w in a b c; do s="$s$w"; done; echo "$s"', MODERATE),
    ('while read -r line; do out+="$line"; done < file.txt', MODERATE),
    ('while true; do read -r line || break; buf+="$line"; done < file.txt', MODERATE),
    ("i=0; while true; do i+=1; [ $i -gt 10 ] && break; done", MODERATE),
    ("while true; do echo ping > /tmp/heartbeat; sleep 30; done", MODERATE),
    ("while true; do date >> /tmp/times.log; sleep 60; done", MODERATE),
    ("yes | tr '\\n' ' ' | head -c 100", SAFE),
    ("tr '\\0' '\\n' < /proc/self/environ | grep HOME", SAFE),
    ("cp /dev/null empty.txt", MODERATE),
    ("dd if=/dev/zero of=/dev/shm/test bs=1M count=100", MODERATE),
    ("head -c 100M /dev/urandom > /dev/shm/rand", MODERATE),
    ("yes > /dev/null & sleep 10; kill $!", MODERATE),
    ("timeout 60 sha256sum /dev/zero", MODERATE),
    ("seq 4 | xargs -P 4 -I{} gzip part{}.log", MODERATE),
    ("chrt -f 10 ./audio-server", MODERATE),
    ("chrt -p 1234", MODERATE),
    ("stress-ng --cpu 0 --timeout 30s", MODERATE),
    ("stress-ng -c 2 -t 10", MODERATE),
    ("cpupower idle-info", SAFE),
    ("sudo cpupower frequency-set -g performance", MODERATE),
    ("fsutil fsinfo drives", SAFE),
    ("fsutil volume diskfree C:", SAFE),
    ("fsutil file createnew test.bin 1048576", MODERATE),
    ("pkill -u bob -f 'python train.py'", MODERATE),
    ("pkill -u alice firefox", MODERATE),
    ("pgrep -a systemd", SAFE),
    ("sudo rmmod uvcvideo", MODERATE),
    ("sudo modprobe -r btusb && sudo modprobe btusb", MODERATE),
    ("python3 -c 'import multiprocessing; print(multiprocessing.current_process().name)'", SAFE),
]

# Round 4: spellings probed after round 3; all of ROUND4 failed before the change that added them.
ROUND4 = [
    ("for ((i=0;;i++)); do sleep 99 & done", CRITICAL),
    ("yes 'sleep 100 &' | bash", CRITICAL),
    ("python3 -c 'import os\n[os.fork() for _ in range(10**9)]'", CRITICAL),
    ("perl -e 'my @a; push @a, \"x\" x 1048576 for 1..1e9'", HIGH),
    ("python3 -c 'import numpy; numpy.ones((100000, 100000, 10))'", HIGH),
    ("openssl rand -out big.bin 600000000000", HIGH),
    ("python3 -c 'a = [0] * 10**10'", HIGH),
]
ROUND4_BENIGN = [
    (
        "python3 -c 'import os\nfor i in range(32):\n    if os.fork() == 0:\n        os._exit(0)'",
        MODERATE,
    ),
    ("python3 -c 'print(sum(x for x in range(10**10)))'", SAFE),
    ("python3 -c 'print(len([x for x in range(1000)]))'", SAFE),
    ("python3 -c 'import numpy as np; a = np.zeros((1000, 1000))'", MODERATE),
    ("perl -e 'print \"$_\\n\" for 1..10'", SAFE),
    ("for ((i=0; i<10; i++)); do echo $i; done", SAFE),
    ("yes n | sh ./install.sh", MODERATE),
    ("python3 -c 'import os; [os.fork() for _ in range(3)]'", MODERATE),
    ("openssl rand -hex 32", SAFE),
    ("python3 -c 'a = [0] * 10**6; print(len(a))'", SAFE),
    ("openssl rand -base64 48 > key.txt", MODERATE),
]

# Round 6: endless output kept in files and benchmark files, probed after round 5; every
# ROUND6 row failed before the change that added them.
ROUND6 = [
    ("seq inf > numbers.txt", HIGH),
    ("seq 1 infinity | tee big.txt", HIGH),
    ("while true; do echo $RANDOM; done > /tmp/randoms", HIGH),
    ("until false; do date; done >> /var/log/spam.log", HIGH),
    ("fio --name=fill --size=1T --rw=write --filename=/data/fill", HIGH),
    ("sysbench fileio --file-total-size=500G prepare", HIGH),
]
ROUND6_BENIGN = [
    ("while true; do date; sleep 60; done >> /tmp/clock.log", MODERATE),
    ("while true; do ./server; done >> server.log 2>&1", MODERATE),
    ("while true; do python app.py; done > app.log", MODERATE),
    ("while read -r l; do echo $l; done > out.txt", MODERATE),
    ("for f in *.txt; do cat $f; done > all.txt", MODERATE),
    ("sysbench cpu run", MODERATE),
    ("fio --name=t --size=1G --rw=randwrite --filename=/tmp/t", MODERATE),
    ("seq 10 > f", MODERATE),
    ("seq inf | head -5", SAFE),
    ("cat /dev/zero | head -c 200G > /dev/null", MODERATE),
    ("dd if=/dev/zero of=/dev/null", MODERATE),
]

_DISK_IMAGE = (
    "test_safety_g6_files keeps `dd if=/dev/sda of=backup.img` MODERATE: the image may land "
    "on another disk than it reads"
)
# Round 8: copies that land on the disk they read, probed after round 7; every ROUND8 row
# failed before the change that added them; the three whole-disk images stay failing (xfail).
ROUND8 = [
    ("nice -n 19 yes > /dev/null & nice -n 19 yes > /dev/null &", HIGH),
    ("find / -type f -exec cp {} /tmp/ \\;", HIGH),
    ("cp -r / /tmp/rootcopy", HIGH),
    ("rsync -a / /backup", HIGH),
    pytest.param(
        "cat /dev/sda > /root/disk.img",
        HIGH,
        marks=pytest.mark.xfail(reason=_DISK_IMAGE, strict=True),
    ),
    pytest.param(
        "dd if=/dev/sda of=/home/disk.img bs=4M",
        HIGH,
        marks=pytest.mark.xfail(reason=_DISK_IMAGE, strict=True),
    ),
    pytest.param(
        "sudo dd if=/dev/nvme0n1 of=/var/tmp/nvme.img",
        HIGH,
        marks=pytest.mark.xfail(reason=_DISK_IMAGE, strict=True),
    ),
]
ROUND8_BENIGN = [
    ("dd if=/dev/sda of=/mnt/usb/backup.img bs=4M status=progress", MODERATE),
    ("rsync -ax / /mnt/backup/", MODERATE),
    ("dd if=/dev/sda of=mbr.bin bs=512 count=1", MODERATE),
    ("cp -a /etc /root/etc-backup", MODERATE),
    ("cp -r / /mnt/backup/", MODERATE),
    ('find / -name "*.conf" -exec cp {} /tmp/confs/ \\;', MODERATE),
    ("cat /dev/sda1 > part.img", MODERATE),
    ("rsync -av ./ user@host:/srv/app/", MODERATE),
]

RESOURCES = [
    *FORK_BOMBS,
    *MEMORY_HOGS,
    *DISK_FILLERS,
    *CPU_BURNERS,
    *ROUND2,
    *ROUND4,
    *ROUND6,
    *ROUND8,
]
RESOURCES_BENIGN = [
    *FORK_BOMBS_BENIGN,
    *MEMORY_HOGS_BENIGN,
    *DISK_FILLERS_BENIGN,
    *CPU_BURNERS_BENIGN,
    *ROUND2_BENIGN,
    *ROUND4_BENIGN,
    *ROUND6_BENIGN,
    *ROUND8_BENIGN,
]
# -- system state in other spellings, also written after the fixes -------------------------------

ROUND3 = [
    ("sudo /sbin/shutdown -h now", HIGH),
    ("sudo systemctl --force --force reboot", HIGH),
    ("sudo busybox reboot", HIGH),
    ("doas halt -p", HIGH),
    ("sudo shutdown -r +1 && exit", HIGH),
    ("nohup sh -c 'sleep 300; reboot' &", HIGH),
    (
        "sudo sh -c 'echo s > /proc/sysrq-trigger; echo u > /proc/sysrq-trigger; "
        "echo b > /proc/sysrq-trigger'",
        CRITICAL,
    ),
    ("echo 1 | sudo tee /proc/sys/kernel/sysrq && echo b | sudo tee /proc/sysrq-trigger", CRITICAL),
    ("sudo sysctl -w fs.file-max=500", HIGH),
    ("echo 300 | sudo tee /proc/sys/kernel/pid_max", HIGH),
    ("sudo rmmod -f nvme_core", HIGH),
    ("sudo modprobe -r -f btusb", HIGH),
    ("sudo mount -o remount,ro /var", HIGH),
    ("sudo swapoff -a && sudo sed -i '/swap/d' /etc/fstab", MODERATE),
    ("sudo timedatectl set-time 2030-01-01", MODERATE),
    ("sudo date --set='1999-12-31 23:59'", MODERATE),
    ("sudo systemctl stop sshd.socket", HIGH),
    ("sudo systemctl kill -s KILL systemd-journald", HIGH),
    ("sudo systemctl disable --now NetworkManager", HIGH),
    ("sudo service networking stop", HIGH),
    ("sudo /etc/init.d/ssh stop", HIGH),
    ("sudo rc-service sshd stop", HIGH),
    ("sudo killall -u root", CRITICAL),
    ("sudo grub-install --force /dev/nvme0n1", HIGH),
    ("sudo grub-reboot 2 && sudo reboot", HIGH),
    ("sudo efibootmgr -o 0003,0001", MODERATE),
    ("sudo bootctl remove", HIGH),
    ("for c in /sys/devices/system/cpu/cpu[1-9]*/online; do echo 0 | sudo tee $c; done", MODERATE),
    ("sudo systemctl set-default emergency.target", HIGH),
    ("sudo telinit S", HIGH),
    ("sudo init 1", HIGH),
    ("Stop-Service -Name sshd -Force", HIGH),
    ("Stop-Service -Name WinRM -Force", HIGH),
    ("shutdown -s -t 0", HIGH),
]
ROUND3_BENIGN = [
    ("sudo hwclock --systohc", MODERATE),
    ("hwclock -r", MODERATE),
    ("shutdown -k now", MODERATE),
    ("sudo shutdown -c 'cancelled'", MODERATE),
    ("systemctl list-jobs", SAFE),
    ("systemctl show -p ActiveState sshd", SAFE),
    ("systemctl is-system-running", SAFE),
    ("sysctl -n vm.swappiness", SAFE),
    ("sudo sysctl -w kernel.pid_max=4194304", MODERATE),
    ("sudo sysctl -w fs.file-max=2097152", MODERATE),
    ("echo 4194304 | sudo tee /proc/sys/kernel/pid_max", MODERATE),
    ("grep -r sysrq /etc/sysctl.d/", SAFE),
    ("sudo modprobe -r -n nvme", MODERATE),
    ("modprobe --show-depends nvme", MODERATE),
    ("sudo swapoff /swapfile", MODERATE),
    ("sudo mount -o remount,ro /mnt/backup", MODERATE),
    ("sudo umount /media/usb0", MODERATE),
    ("sudo systemctl stop bluetooth", MODERATE),
    ("systemctl --user stop pulseaudio", MODERATE),
    ("grub-editenv list", SAFE),
    ("efibootmgr", SAFE),
    ("bootctl status", SAFE),
    ("sudo kill -HUP $(pidof nginx)", MODERATE),
    ("sudo killall -HUP sshd", MODERATE),
    ("sudo pkill -HUP -x rsyslogd", MODERATE),
    ("Get-Service sshd", SAFE),
    ("Restart-Service -Name Spooler", MODERATE),
]
# Round 5: probed after round 4; every ROUND5 row failed before the change that added them.
ROUND5 = [
    ("sudo systemctl start reboot.target", HIGH),
    ("sudo systemctl start poweroff.target", HIGH),
    (
        "dbus-send --system --print-reply --dest=org.freedesktop.login1 /org/freedesktop/login1 "
        "org.freedesktop.login1.Manager.PowerOff boolean:true",
        HIGH,
    ),
    (
        "busctl call org.freedesktop.login1 /org/freedesktop/login1 "
        "org.freedesktop.login1.Manager Reboot b true",
        HIGH,
    ),
]
ROUND5_BENIGN = [
    ("busctl list", SAFE),
    ("busctl status", SAFE),
    (
        "gdbus call --system --dest org.freedesktop.login1 --object-path /org/freedesktop/login1 "
        "--method org.freedesktop.login1.Manager.Suspend true",
        MODERATE,
    ),
    ("sudo systemctl start nginx.service", MODERATE),
    ("sudo systemctl isolate graphical.target", MODERATE),
    ("sudo timedatectl set-timezone UTC", MODERATE),
    ("sudo chronyc makestep", MODERATE),
    ("kill -9 $$", MODERATE),
]

# Round 7: Windows and macOS spellings probed after round 6; every ROUND7 row failed before
# the change that added them.
ROUND7 = [
    ("for /l %i in (0,0,1) do start cmd", CRITICAL),
    ('1..1000000 | ForEach-Object { New-Item -ItemType File -Path "C:\\temp\\f$_.txt" }', HIGH),
    ('taskkill /F /FI "USERNAME eq SYSTEM"', CRITICAL),
    ("sudo systemsetup -setremotelogin off", HIGH),
]
ROUND7_BENIGN = [
    ("for /l %i in (1,1,5) do echo %i", SAFE),
    ('1..10 | ForEach-Object { New-Item -ItemType File -Path "f$_.txt" }', MODERATE),
    ('taskkill /F /FI "WINDOWTITLE eq Untitled - Notepad"', MODERATE),
    ("sudo systemsetup -getremotelogin", SAFE),
    ("sudo systemsetup -setremotelogin on", MODERATE),
    ("Get-Process | Sort-Object CPU -Descending | Select-Object -First 5", SAFE),
    ("sudo purge", MODERATE),
]

# Round 9: other service managers and kernel boot options, probed after round 8; every ROUND9
# row failed before the change that added them.
ROUND9 = [
    ("sudo initctl stop ssh", HIGH),
    ("sudo sv down sshd", HIGH),
    ("sudo sv stop sshd", HIGH),
    ("sudo kill $(cat /run/sshd.pid)", HIGH),
    ('sudo grubby --update-kernel=ALL --args="init=/bin/sh"', HIGH),
    ('sudo grubby --update-kernel=ALL --args="mitigations=off"', HIGH),
    ('sudo kernelstub -a "systemd.unit=rescue.target"', HIGH),
]
ROUND9_BENIGN = [
    ("sudo initctl status ssh", SAFE),
    ("sudo initctl list", SAFE),
    ("sudo sv status sshd", SAFE),
    ("sudo sv restart nginx", MODERATE),
    ("sudo kill -HUP $(cat /run/sshd.pid)", MODERATE),
    ("kill -HUP $(cat /run/nginx.pid)", MODERATE),
    ("grubby --info=ALL", SAFE),
    ("sudo kernelstub -p", SAFE),
    ('sudo grubby --update-kernel=ALL --args="quiet"', MODERATE),
]

SYSTEM_STATE = [
    *POWER,
    *KERNEL_AND_MOUNTS,
    *SERVICES_AND_INIT,
    *ROUND3,
    *ROUND5,
    *ROUND7,
    *ROUND9,
]
SYSTEM_STATE_BENIGN = [
    *POWER_BENIGN,
    *KERNEL_AND_MOUNTS_BENIGN,
    *SERVICES_AND_INIT_BENIGN,
    *ROUND3_BENIGN,
    *ROUND5_BENIGN,
    *ROUND7_BENIGN,
    *ROUND9_BENIGN,
]


@pytest.mark.parametrize(("command", "least"), RESOURCES)
def test_resources_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), RESOURCES_BENIGN)
def test_resources_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


@pytest.mark.parametrize(("command", "least"), SYSTEM_STATE)
def test_system_state_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), SYSTEM_STATE_BENIGN)
def test_system_state_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
