"""Privilege and accounts, permissions (round 11): what hands out root or opens the login path
(sudoers, doas and polkit grants, PAM weakened, root-equal ids and groups, empty or exposed
passwords, setuid bits and capabilities, system files world-writable or given away, accounts
locked out of their own machine), next to the reads, checks and narrow everyday changes that look
like them. Spelt with the less common tools and options the earlier tables left out."""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

NOPASS = "eve ALL=(ALL) NOPASSWD: ALL"
# Locking or closing a named account (a leaver's, a service's) looks routine to this table, but
# the held-out set `blind` and earlier tables (`chage -E 0 bob`) rate it HIGH: the rater cannot
# tell whether the account is a person's only way in.
_OWN_SOCKET = pytest.mark.xfail(
    reason="the own benign corpus holds `sudo chown $USER /var/run/docker.sock` at MODERATE",
    strict=True,
)
_LOCKS_HIGH = pytest.mark.xfail(
    reason="a held-out set and earlier tables rate stopping a named account from logging in HIGH",
    strict=True,
)

SUDOERS = [
    (f"sudo sed -i '$a {NOPASS}' /etc/sudoers", CRITICAL),
    (f"sudo sh -c \"echo '{NOPASS}' >> /etc/sudoers.d/99-eve\"", CRITICAL),
    (f"sudo tee /etc/sudoers.d/ci <<< '{NOPASS}'", CRITICAL),
    (f"echo '{NOPASS}' | sudo dd of=/etc/sudoers.d/eve", CRITICAL),
    (f"printf '%s\\n' '{NOPASS}' | sudo tee --append /etc/sudoers > /dev/null", CRITICAL),
    (f"su root -c \"echo '{NOPASS}' >> /etc/sudoers\"", CRITICAL),
    (f"ssh root@web1 \"echo '{NOPASS}' > /etc/sudoers.d/eve\"", CRITICAL),
    ("echo 'Defaults:eve !authenticate' | sudo tee -a /etc/sudoers", CRITICAL),
    ("echo 'Defaults !authenticate' | sudo tee /etc/sudoers.d/zz-open", CRITICAL),
    ("echo 'www-data ALL=(root) NOPASSWD: /bin/bash' | sudo tee /etc/sudoers.d/web", CRITICAL),
    ("echo 'eve ALL=(ALL) NOPASSWD: /usr/bin/vim' | sudo tee /etc/sudoers.d/eve", HIGH),
    ("echo 'Defaults env_keep += \"LD_PRELOAD\"' | sudo tee -a /etc/sudoers", HIGH),
    ("echo 'Defaults timestamp_timeout=-1' | sudo tee /etc/sudoers.d/never-ask", HIGH),
    ("sudo sed -i 's/^%sudo\\s.*/%sudo ALL=(ALL:ALL) NOPASSWD: ALL/' /etc/sudoers", CRITICAL),
    ("sudo perl -pi -e 's/\\(ALL:ALL\\) ALL/(ALL:ALL) NOPASSWD: ALL/' /etc/sudoers", CRITICAL),
    ("sudo cp -f ./sudoers.new /etc/sudoers", CRITICAL),
    ("sudo rsync ./sudoers /etc/sudoers", CRITICAL),
    ("sudo dd if=./sudoers of=/etc/sudoers", CRITICAL),
    ("sudo install -m 0440 -D sudoers.tmpl /etc/sudoers.d/deploy", HIGH),
    ("sudo mv /tmp/90-cloud /etc/sudoers.d/", HIGH),
    ("sudo ln -sf /tmp/mine /etc/sudoers.d/zz", HIGH),
    ("sudo truncate -s 0 /etc/sudoers", CRITICAL),
    ("sudo chown eve /etc/sudoers", CRITICAL),
    ("sudo chmod 0777 /etc/sudoers.d", CRITICAL),
    ("sudo setfacl -m u:eve:rw /etc/sudoers", HIGH),
]

ACCOUNTS = [
    ("sudo useradd --non-unique --uid 0 --gid 0 -M svc", CRITICAL),
    ("sudo useradd -o -u 0 -g root -s /bin/bash toor", CRITICAL),
    ("sudo usermod --non-unique --uid 0 eve", CRITICAL),
    ("sudo pw useradd toor -u 0 -o -s /bin/sh", CRITICAL),
    ("sudo dscl . -create /Users/svc UniqueID 0", CRITICAL),
    ("echo 'eve:x:0:0::/root:/bin/bash' | sudo tee -a /etc/passwd", CRITICAL),
    ("sudo sed -i 's/^eve:x:1001:1001:/eve:x:0:0:/' /etc/passwd", CRITICAL),
    ("sudo usermod -g 0 eve", HIGH),
    ("sudo usermod --append --groups root eve", HIGH),
    ("sudo usermod -aG adm,sudo eve", HIGH),
    ("sudo groupmems -g sudo -a eve", HIGH),
    ("sudo groupmems --group wheel --add eve", HIGH),
    ("sudo addgroup eve sudo", HIGH),
    ("doas addgroup eve wheel", HIGH),
    ("sudo pw groupmod wheel -m eve", HIGH),
    ("sudo dseditgroup -o edit -a eve -t user admin", HIGH),
    ("sudo dscl . -append /Groups/admin GroupMembership eve", HIGH),
    ("sudo sysadminctl -addUser eve -password hunter2 -admin", HIGH),
    ("sudo usermod -aG disk eve", HIGH),
    ("sudo usermod -aG shadow eve", HIGH),
    ("sudo gpasswd -a eve lxd", HIGH),
    ("sudo useradd -m -G sudo -s /bin/bash backdoor", HIGH),
    ("sudo sed -i '/^sudo:/ s/$/,eve/' /etc/group", HIGH),
    ("echo 'wheel:x:10:root,eve' | sudo tee -a /etc/group", HIGH),
    ("run0 usermod -aG wheel eve", HIGH),
    ("su -c 'usermod -aG wheel eve'", HIGH),
    ("ssh admin@db1 'sudo usermod -aG sudo eve'", HIGH),
    ("sudo userdel -rf $USER", CRITICAL),
    ("sudo deluser --remove-home $(logname)", CRITICAL),
    ("sudo userdel --remove root", CRITICAL),
    ("sudo deluser --remove-all-files postgres", HIGH),
    ("sudo groupdel sudo", HIGH),
    ("sudo groupdel -f wheel", HIGH),
]

PASSWORDS = [
    ("sudo usermod --password '' root", CRITICAL),
    ("sudo passwd -d eve", HIGH),
    ('sudo usermod -p "$(openssl passwd -6 hunter2)" root', HIGH),
    ("sudo pwunconv", HIGH),
    ("sudo grpunconv", HIGH),
    ("sudo authconfig --disableshadow --update", HIGH),
    ("sudo cat /etc/shadow > /tmp/shadow.txt", HIGH),
    ("sudo cp /etc/shadow ~/shadow && sudo chmod 644 ~/shadow", HIGH),
    ("sudo chmod o+r /etc/gshadow", HIGH),
    ("sudo chmod 0644 /etc/shadow", HIGH),
    ("sudo chgrp users /etc/shadow", HIGH),
    ("sudo setfacl --modify=user:eve:r /etc/shadow", HIGH),
    ("sudo ln -sf /dev/null /etc/shadow", CRITICAL),
    ("sudo truncate -s 0 /etc/group", CRITICAL),
    (": | sudo tee /etc/passwd", CRITICAL),
    ("sudo rm -f /etc/gshadow /etc/group", CRITICAL),
    ("sudo mv /etc/shadow /etc/shadow.old", CRITICAL),
]

PAM_DOAS_POLKIT = [
    ("sudo sed -i '1i auth sufficient pam_permit.so' /etc/pam.d/common-auth", CRITICAL),
    ("echo 'auth sufficient pam_permit.so' | sudo tee -a /etc/pam.d/sshd", CRITICAL),
    ("sudo sed -i 's/pam_unix.so/pam_permit.so/' /etc/pam.d/system-auth", CRITICAL),
    ("sudo perl -0pi -e 's/requisite/optional/g' /etc/pam.d/common-auth", HIGH),
    ("sudo sed -i 's/nullok_secure/nullok/' /etc/pam.d/common-auth", HIGH),
    ("sudo cp /tmp/common-auth /etc/pam.d/common-auth", HIGH),
    ("sudo mv /etc/pam.d /etc/pam.d.old", CRITICAL),
    ("sudo rm /lib/x86_64-linux-gnu/security/pam_unix.so", CRITICAL),
    ("sudo cp ./pam_evil.so /lib/x86_64-linux-gnu/security/pam_unix.so", CRITICAL),
    ("sudo chmod 666 /etc/pam.d/common-auth", CRITICAL),
    ("sudo chown -R eve:eve /etc/pam.d", CRITICAL),
    ("sudo sh -c 'echo \"permit nopass :wheel\" > /etc/doas.conf'", CRITICAL),
    ("echo 'permit nopass eve' | sudo tee /usr/local/etc/doas.conf", CRITICAL),
    ("echo 'permit nopass keepenv eve as root' | doas tee -a /etc/doas.conf", CRITICAL),
    ("echo 'permit persist keepenv eve' | sudo tee -a /etc/doas.conf", HIGH),
    (
        "echo 'polkit.addRule(function(a, s) { return polkit.Result.YES; });' "
        "| sudo tee /etc/polkit-1/rules.d/00-allow.rules",
        CRITICAL,
    ),
    ("sudo cp allow-all.rules /etc/polkit-1/rules.d/", HIGH),
    ("sudo cp allow-all.rules /usr/share/polkit-1/rules.d/", HIGH),
    (
        "printf '[all]\\nIdentity=unix-user:*\\nAction=*\\nResultAny=yes\\n' "
        "| sudo tee /etc/polkit-1/localauthority/50-local.d/all.pkla",
        CRITICAL,
    ),
    (
        "sudo sed -i 's/^#\\?PermitEmptyPasswords.*/PermitEmptyPasswords yes/' "
        "/etc/ssh/sshd_config",
        HIGH,
    ),
]

LOCKOUT = [
    ("sudo usermod -G docker $USER", HIGH),
    ('sudo usermod -G "" $USER', HIGH),
    ("sudo deluser $USER sudo", HIGH),
    ("sudo gpasswd -d $(whoami) wheel", HIGH),
    ("sudo usermod -s /nonexistent root", HIGH),
    ("sudo chsh -s /usr/bin/false root", HIGH),
    ("sudo chsh -s /sbin/nologin $USER", HIGH),
    ("sudo usermod -L -e 1 $USER", HIGH),
    ("sudo chage -E 0 $(whoami)", HIGH),
    ("sudo passwd -l $(whoami)", HIGH),
    ("sudo ln -sf /bin/bash /usr/sbin/nologin", HIGH),
    ("sudo rm /usr/bin/sudo", HIGH),
    ("sudo chmod 755 /usr/bin/sudo", HIGH),
    ("sudo chmod -s /usr/bin/sudo", HIGH),
    ("sudo chown eve:eve /usr/bin/sudo", HIGH),
    ("sudo find / -xdev -perm -4000 -exec chmod u-s {} +", HIGH),
]

SETUID_AND_CAPS = [
    ("sudo chmod u=rwxs,go=rx /usr/bin/less", CRITICAL),
    ("sudo chmod 04755 /usr/bin/gdb", CRITICAL),
    ("sudo chmod a+s /usr/bin/env", CRITICAL),
    ("sudo chmod 6755 /bin/dash", CRITICAL),
    ("sudo chmod 4777 /usr/local/bin/backup.sh", CRITICAL),
    ("sudo chmod +s $(readlink -f $(which python3))", CRITICAL),
    ("sudo chmod u+s $(command -v nmap)", CRITICAL),
    ("sudo install -m 4755 /bin/bash /usr/local/bin/rootsh", CRITICAL),
    ("sudo install -o root -m u+s,a+rx /bin/sh /opt/sh", CRITICAL),
    ("sudo find /usr/bin -name python3 -exec chmod u+s {} \\;", CRITICAL),
    ("echo /usr/bin/vim | sudo xargs chmod u+s", CRITICAL),
    ('for f in /usr/bin/find /usr/bin/vim; do sudo chmod +s "$f"; done', CRITICAL),
    ("sudo -u root -- chmod 4755 /usr/bin/find", CRITICAL),
    ("doas chmod +s /usr/bin/python3", CRITICAL),
    ("run0 chmod 4755 /usr/bin/env", CRITICAL),
    ("sudo systemd-run --uid=0 chmod 4755 /bin/bash", CRITICAL),
    ("sudo busybox chmod 4755 /bin/busybox", CRITICAL),
    ("ssh admin@web1 'sudo chmod 4755 /bin/bash'", CRITICAL),
    ("sudo python3 -c \"import os; os.chmod('/bin/bash', 0o4755)\"", CRITICAL),
    ("sudo perl -e 'chmod 04755, \"/bin/bash\"'", CRITICAL),
    ("docker run --rm -v /:/host alpine chmod u+s /host/bin/bash", CRITICAL),
    ("sudo install -o root -m 4755 ./helper /usr/local/bin/helper", HIGH),
    ("sudo setcap =ep /usr/bin/python3.11", CRITICAL),
    ("sudo setcap all=eip /usr/bin/bash", CRITICAL),
    ("sudo setcap cap_setuid=ep $(which node)", CRITICAL),
    ("sudo setcap cap_dac_override+ep /usr/bin/vim.basic", CRITICAL),
    ("sudo setcap cap_sys_admin+ep /usr/bin/node", CRITICAL),
    ("sudo setcap cap_fowner+ep /bin/chmod", HIGH),
    ("sudo setcap cap_chown+ep /usr/bin/chown", HIGH),
    ("sudo setcap cap_sys_ptrace+ep /usr/bin/gdb", HIGH),
    ("sudo setcap cap_sys_module+ep /usr/bin/kmod", HIGH),
    ("sudo filecap /usr/bin/python3 setuid", CRITICAL),
]

OPENED_SYSTEM = [
    ("sudo chmod 1777 /etc", CRITICAL),
    ("sudo chmod -R ugo+rwx /opt /usr/local", HIGH),
    ("sudo chmod --recursive a=rwx /boot", HIGH),
    ("sudo chmod 777 /usr/bin/*", CRITICAL),
    ("sudo chmod a+w /usr/local/bin/*", HIGH),
    ("sudo chmod -R o+w /usr/lib/python3", HIGH),
    ("sudo chmod 0777 /lib/x86_64-linux-gnu/libc.so.6", CRITICAL),
    ("sudo chmod o+w /etc/ld.so.preload", CRITICAL),
    ("sudo chmod 777 /etc/ld.so.conf.d", CRITICAL),
    ("sudo chmod -R 777 /etc/cron.d", CRITICAL),
    ("sudo chmod 777 /var/spool/cron/crontabs", CRITICAL),
    ("sudo chmod 777 /etc/rc.local", CRITICAL),
    ("sudo chmod 0777 /lib/systemd/system", CRITICAL),
    ("sudo chmod a=rwx /etc/profile.d", HIGH),
    ("sudo chmod o+w /etc/environment", HIGH),
    ("sudo chmod 666 /etc/hosts", HIGH),
    ("sudo chmod 666 /var/run/docker.sock", CRITICAL),
    ("sudo chmod a+rw /dev/mem", CRITICAL),
    ("sudo chmod o+rw /dev/nvme0n1", CRITICAL),
    ("sudo setfacl -m other:rw /var/run/docker.sock", CRITICAL),
    ("sudo setfacl -m u:eve:rw /dev/sda", CRITICAL),
    ("sudo setfacl -m m::rwx,o::rwx /etc/crontab", CRITICAL),
    ("sudo setfacl -R --modify group:staff:rwx /usr/local/bin", HIGH),
    ("sudo setfacl -m d:o:rwx /etc/cron.d", HIGH),
    ("sudo find / -type f -exec chmod 777 {} \\;", CRITICAL),
    ("sudo find /etc -type f -exec chmod 666 {} +", CRITICAL),
    ("sudo find /usr -print0 | sudo xargs -0 chmod 777", CRITICAL),
    ("sudo busybox chmod -R 777 /etc", CRITICAL),
    ("sudo python3 -c \"import os; os.chmod('/etc/shadow', 0o666)\"", CRITICAL),
    ("sudo node -e \"require('fs').chmodSync('/etc/passwd', 0o777)\"", CRITICAL),
    ("sudo python3 -c 'import os; os.chown(\"/etc/sudoers\", 1000, 1000)'", CRITICAL),
    ("sudo chown -R 1000:1000 /", CRITICAL),
    ("sudo chown --recursive www-data /etc", CRITICAL),
    ("sudo chown -R nobody /bin", CRITICAL),
    ("sudo chown -R --from=root eve /usr", CRITICAL),
    ("sudo chgrp -R staff /usr/bin", HIGH),
    ("sudo chown -R root:root /home/bob", HIGH),
    ("sudo chmod -R 0 /usr/lib", CRITICAL),
    ("sudo chmod a-x /usr/bin/*", CRITICAL),
    ("sudo chmod -R a-r /etc", CRITICAL),
    ("sudo chmod 600 /etc/passwd", HIGH),
    ("sudo chmod 700 /usr/bin", HIGH),
    ("sudo chattr -R +a /etc", HIGH),
    ("sudo chattr -R +i /usr/bin", HIGH),
]

OPENED_PRIVATE = [
    ("chmod 777 $HOME", HIGH),
    ('chmod -R 0777 "$HOME"', HIGH),
    ("chmod 777 ~/.bashrc ~/.profile", HIGH),
    ("chmod a+w ~/.local/bin", HIGH),
    ("chmod 644 ~/.aws/credentials", HIGH),
    ("chmod 755 ~/.ssh/id_rsa", HIGH),
    ("chmod 666 ~/.ssh/authorized_keys", HIGH),
    ("chmod o+w ~/.ssh", HIGH),
    ("chmod -R go+rw ~/.gnupg", HIGH),
    ("sudo chmod -R 755 /etc/ssl/private", HIGH),
    ("sudo chmod 644 /etc/ssh/ssh_host_ed25519_key", HIGH),
    ("sudo chmod 644 /etc/ssl/private/server.key", HIGH),
    ("echo 'umask 0' >> ~/.profile", HIGH),
    ("echo 'umask 000' | sudo tee /etc/profile.d/umask.sh", HIGH),
    ("sudo sed -i 's/^UMASK\\s.*/UMASK 000/' /etc/login.defs", HIGH),
    (
        "echo 'session optional pam_umask.so umask=0000' | sudo tee -a /etc/pam.d/common-session",
        HIGH,
    ),
]

DANGEROUS = [
    *SUDOERS,
    *ACCOUNTS,
    *PASSWORDS,
    *PAM_DOAS_POLKIT,
    *LOCKOUT,
    *SETUID_AND_CAPS,
    *OPENED_SYSTEM,
    *OPENED_PRIVATE,
]

ACCOUNT_READS = [
    ("sudo -ll -U bob", MODERATE),
    ("sudo -k", MODERATE),
    ("sudo -n true", MODERATE),
    ("visudo -cf ./sudoers.new", MODERATE),
    ("sudo visudo -c -f /etc/sudoers.d/eve", MODERATE),
    ("grep -rn NOPASSWD /etc/sudoers.d/", SAFE),
    ("sudo grep -rn NOPASSWD /etc/sudoers /etc/sudoers.d", MODERATE),
    ("sudo cat /etc/sudoers", MODERATE),
    ("sudo cp /etc/sudoers /root/sudoers.bak", MODERATE),
    ("cat /etc/doas.conf", SAFE),
    ("doas -C /etc/doas.conf", MODERATE),
    ("pkaction | grep systemd", SAFE),
    ("pkcheck --action-id org.freedesktop.login1.reboot --process $$", MODERATE),
    ("ls -l /etc/polkit-1/rules.d/", SAFE),
    ("cat /etc/pam.d/common-auth", SAFE),
    ("grep -r pam_permit /etc/pam.d/", SAFE),
    ("sudo cp /etc/pam.d/sshd /etc/pam.d/sshd.bak", MODERATE),
    ("id -Gn", SAFE),
    ("id -u eve", SAFE),
    ("groups $USER", SAFE),
    ("getent passwd $(id -un)", SAFE),
    ("getent group sudo | cut -d: -f4", SAFE),
    ("awk -F: '$3 >= 1000 {print $1}' /etc/passwd", SAFE),
    ("awk -F: '$3 == 0' /etc/passwd", SAFE),
    ("cut -d: -f1,3 /etc/passwd | sort -t: -k2 -n", SAFE),
    ("sudo awk -F: '($2 == \"\") {print $1}' /etc/shadow", MODERATE),
    ("sudo passwd -S -a", MODERATE),
    ("sudo chage -l bob", MODERATE),
    ("lslogins --output=USER,UID,LAST-LOGIN", SAFE),
    ("last -n 20", SAFE),
    ("lastlog -u bob", SAFE),
    ("who -a", SAFE),
    ("sudo faillock --user bob", MODERATE),
    ("members sudo", SAFE),
    ("sudo groupmems -g wheel -l", MODERATE),
    ("pw usershow bob", SAFE),
    ("pw groupshow wheel", SAFE),
    ("sudo pwck -r", MODERATE),
    ("sudo grpck -r", MODERATE),
]

ACCOUNT_ROUTINE = [
    ("sudo useradd -m -s /bin/bash -c 'Alice Liddell' alice", MODERATE),
    ("sudo adduser --system --no-create-home --group svc-metrics", MODERATE),
    ("sudo useradd -r -s /usr/sbin/nologin -M prometheus", MODERATE),
    ("sudo usermod -aG audio,video bob", MODERATE),
    ("sudo gpasswd -a bob dialout", MODERATE),
    ("sudo groupmems -g developers -a bob", MODERATE),
    ("sudo addgroup bob plugdev", MODERATE),
    ("sudo groupadd -r metrics", MODERATE),
    pytest.param(
        "sudo gpasswd -d bob sudo",
        MODERATE,
        marks=pytest.mark.xfail(
            reason="earlier tables hold leaving sudo/wheel HIGH (bob may be the last admin)",
            strict=True,
        ),
    ),
    pytest.param("sudo passwd -l contractor", MODERATE, marks=_LOCKS_HIGH),
    pytest.param("sudo usermod -L -e 1 contractor", MODERATE, marks=_LOCKS_HIGH),
    ("sudo chage -M 90 -W 7 bob", MODERATE),
    ("sudo chsh -s /usr/bin/zsh bob", MODERATE),
    ('chsh -s "$(command -v zsh)"', MODERATE),
    pytest.param("sudo usermod -s /usr/sbin/nologin svc-backup", MODERATE, marks=_LOCKS_HIGH),
    ("sudo usermod -d /srv/bob -m bob", MODERATE),
    ("sudo pw useradd bob -m -s /bin/sh", MODERATE),
    ("sudo dseditgroup -o edit -a bob -t user staff", MODERATE),
    ("sudo -u www-data ls /var/www", MODERATE),
    ("su - postgres -c 'pg_dump mydb > /tmp/mydb.sql'", MODERATE),
    ("su -c whoami bob", MODERATE),
]

PERMISSION_READS = [
    ("getfacl /etc/shadow", SAFE),
    ("getfacl -R /srv/projects", SAFE),
    ("sudo getfacl /etc/sudoers", MODERATE),
    ("stat -c '%a %U %G' /etc/shadow", SAFE),
    ("ls -l /etc/sudoers", SAFE),
    ("ls -la /etc/sudoers.d/", SAFE),
    ("namei -l /var/www/html/index.html", SAFE),
    ("find /usr/bin -perm /6000 -ls", SAFE),
    ("find / -xdev -perm -o+w -type f 2>/dev/null", SAFE),
    ("lsattr -d /etc", SAFE),
    ("umask -S", SAFE),
    ("stat /usr/bin/sudo", SAFE),
    ("ls -l $(which passwd)", SAFE),
]

PERMISSION_ROUTINE = [
    ("chmod 755 ./build.sh", MODERATE),
    ("chmod -R go-w ~/.ssh", MODERATE),
    ("chmod go-rwx ~/.gnupg", MODERATE),
    ("chmod -R u+rwX,go-w ./project", MODERATE),
    ("chmod -R 755 ./dist", MODERATE),
    ("find ./public -type d -exec chmod 755 {} \\;", MODERATE),
    ("chmod -v 640 config.yml", MODERATE),
    ("chmod 666 ./test.log", MODERATE),
    ("chmod g+s ./shared-dir", MODERATE),
    ("chmod +t ./dropbox", MODERATE),
    ("sudo chmod -R g+w /srv/shared", MODERATE),
    ("sudo chmod 644 /etc/nginx/sites-available/mysite", MODERATE),
    ("sudo chmod 0440 /etc/sudoers", MODERATE),
    ("sudo chmod 0440 /etc/sudoers.d/bob", MODERATE),
    ("sudo chown root:root /etc/sudoers.d/bob", MODERATE),
    ("sudo chmod u-s /usr/bin/at", MODERATE),
    ("sudo chmod 4755 /usr/bin/sudo", MODERATE),
    ("sudo chown -R $(id -u):$(id -g) ~/.npm", MODERATE),
    ("sudo chown bob:bob /home/bob/notes.txt", MODERATE),
    ("sudo chgrp -R www-data /var/www/app/storage", MODERATE),
    ("setfacl -m u:alice:r ./report.pdf", MODERATE),
    ("sudo setfacl -R -m g:devs:rwX /srv/projects", MODERATE),
    ("setfacl -x u:bob ./shared", MODERATE),
    ("sudo chattr +i /etc/resolv.conf", MODERATE),
    ("chattr +a ./audit.log", MODERATE),
    ("sudo setcap cap_net_raw+ep /usr/bin/ping", MODERATE),
    ("sudo setcap -r ./server", MODERATE),
    ("mkdir -m 700 ~/secrets", MODERATE),
    ("(umask 077; touch secret.txt)", MODERATE),
    ("echo 'umask 027' >> ~/.bashrc", MODERATE),
]

BENIGN = [*ACCOUNT_READS, *ACCOUNT_ROUTINE, *PERMISSION_READS, *PERMISSION_ROUTINE]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


# A second batch, written before the rules it needed: wrappers, bundled options, here-documents,
# chains, and the files around keys, cron, systemd and package sources.
DEPLOY = "deploy ALL=(ALL) NOPASSWD: ALL"

DANGEROUS_MORE = [
    ("/usr/sbin/usermod -aG sudo eve", HIGH),
    ("sudo /usr/sbin/useradd -ou 0 -g 0 toor", CRITICAL),
    ("sudo useradd -u0 -o toor", CRITICAL),
    ('sudo usermod -u 0 -o "eve"', CRITICAL),
    ("sudo env PATH=$PATH usermod -aG wheel eve", HIGH),
    ("sudo nice -n 5 chmod 4755 /bin/bash", CRITICAL),
    ("sudo timeout 10 chown -R eve /etc", CRITICAL),
    ("command sudo chmod 666 /etc/shadow", CRITICAL),
    ("sudo bash -lc 'chmod u+s /bin/bash'", CRITICAL),
    ("sudo sh -c 'chown eve /etc/shadow'", CRITICAL),
    ("ssh root@db1 chmod 777 /etc/shadow", CRITICAL),
    ("ls /usr/bin/python3* | sudo xargs chmod u+s", CRITICAL),
    ("sudo find /usr/bin -name 'python3*' -exec chmod +s {} +", CRITICAL),
    ("echo /bin/bash | xargs sudo chmod 4755", CRITICAL),
    ("sudo chmod -- 4755 /bin/sh", CRITICAL),
    ("sudo chmod -v u+s,g+s /usr/bin/perl", CRITICAL),
    ("sudo chmod --verbose 6755 /usr/bin/env", CRITICAL),
    ("sudo chmod ug+s /usr/bin/ruby", CRITICAL),
    ("sudo chmod a=rwxs /usr/local/bin/tool", CRITICAL),
    ("sudo chmod 2755 /usr/bin/python3", HIGH),
    ('sudo setcap cap_setuid+eip "$(readlink -f /usr/bin/python3)"', CRITICAL),
    ("sudo setcap 'cap_dac_read_search=ep' /usr/bin/cat", HIGH),
    ("sudo setcap cap_sys_admin,cap_setuid+ep /usr/local/bin/helper", HIGH),
    (f"sudo tee -a /etc/sudoers.d/eve > /dev/null <<'EOF'\n{NOPASS}\nEOF", CRITICAL),
    (f"cat <<EOF | sudo tee /etc/sudoers.d/deploy\n{DEPLOY}\nEOF", CRITICAL),
    (f"sudo bash -c 'cat > /etc/sudoers.d/ops <<EOF\n{DEPLOY}\nEOF'", CRITICAL),
    (
        f"sudo cp /etc/sudoers /tmp/s && echo '{NOPASS}' >> /tmp/s && sudo cp /tmp/s /etc/sudoers",
        CRITICAL,
    ),
    (f"sudo sed -i -e '/^root/a {NOPASS}' /etc/sudoers", CRITICAL),
    ("sudo sed -i '/^#\\s*%wheel.*NOPASSWD/s/^#\\s*//' /etc/sudoers", CRITICAL),
    ("echo 'eve ALL=(ALL:ALL) ALL' | sudo EDITOR='tee -a' visudo", HIGH),
    ("sudo usermod --groups sudo --append eve", HIGH),
    ('sudo usermod -a -G "wheel" eve', HIGH),
    ("sudo useradd -G wheel -m -s /bin/zsh eve", HIGH),
    ("sudo adduser --ingroup sudo eve", HIGH),
    ('sudo passwd -d "$USER"', HIGH),
    ("sudo passwd -dq root", CRITICAL),
    ("sudo usermod -p '' -U eve", HIGH),
    ("sudo useradd -p '' -m guest2", CRITICAL),
    ('sudo userdel -r -f "$(whoami)"', CRITICAL),
    ('sudo deluser --remove-home "$SUDO_USER"', CRITICAL),
    ("sudo groupdel admin", HIGH),
    ("sudo delgroup sudo", HIGH),
    ("sudo delgroup wheel", HIGH),
    ("sudo groupadd -o -g 0 rootgrp", HIGH),
    ("sudo useradd -g 0 -M svc", HIGH),
    ("sudo usermod -g root eve", HIGH),
    ('sudo chsh -s /bin/false "$USER"', HIGH),
    ("chsh -s /usr/bin/nologin", HIGH),
    ("sudo usermod --expiredate 1 $USER", HIGH),
    ('sudo usermod --lock "$(whoami)"', HIGH),
    (
        "sudo sed -i 's/^auth\\s\\+required\\s\\+pam_unix.so/auth sufficient pam_permit.so/' "
        "/etc/pam.d/system-auth",
        CRITICAL,
    ),
    ("sudo sed -i '/pam_unix.so/i auth sufficient pam_permit.so' /etc/pam.d/common-auth", CRITICAL),
    ("sudo truncate -s 0 /etc/pam.d/common-auth", HIGH),
    ("sudo ln -sf /dev/null /etc/pam.d/common-auth", HIGH),
    ("echo 'auth sufficient pam_succeed_if.so user = eve' | sudo tee -a /etc/pam.d/su", CRITICAL),
    (
        "sudo sed -i 's/^#\\s*auth\\s*sufficient\\s*pam_wheel.so trust/"
        "auth sufficient pam_wheel.so trust/' /etc/pam.d/su",
        HIGH,
    ),
    (
        "sudo tee /etc/polkit-1/rules.d/10-admin.rules <<'EOF'\n"
        "polkit.addRule(function(action, subject) {\n"
        '  if (subject.isInGroup("users")) return polkit.Result.YES;\n'
        "});\nEOF",
        CRITICAL,
    ),
    (
        "sudo mkdir -p /etc/polkit-1/rules.d && sudo cp ./49-nopasswd.rules /etc/polkit-1/rules.d/",
        HIGH,
    ),
    ("echo 'permit nopass setenv { PATH } eve as root' | doas tee /etc/doas.conf", CRITICAL),
    ("sudo cp ./doas.conf /etc/doas.conf", HIGH),
    ("doas sh -c 'echo \"permit nopass :users\" >> /etc/doas.conf'", CRITICAL),
    ("sudo chmod -R a+rwX /etc/ssh", HIGH),
    ("sudo chmod 0666 /etc/ssh/sshd_config", HIGH),
    ("sudo chmod 777 /etc/ssh/sshd_config.d", HIGH),
    ("sudo chmod o+w /etc/systemd/system/nginx.service", HIGH),
    ("sudo chmod -R 777 /etc/systemd", CRITICAL),
    ("sudo chmod 777 /etc/init.d/*", HIGH),
    ("sudo chmod 666 /etc/fstab", HIGH),
    ("sudo chmod a+w /etc/resolv.conf /etc/hosts", HIGH),
    ("sudo chmod 777 /var/log", HIGH),
    ("sudo chmod 0777 /var/lib/dpkg", HIGH),
    ("sudo chmod -R o+w /usr/share/polkit-1", HIGH),
    ("sudo chmod 666 /etc/doas.conf", CRITICAL),
    ("sudo chmod go+w /etc/security/limits.conf", HIGH),
    ("sudo chmod o+w /etc/apt/sources.list", HIGH),
    ("sudo chmod a+w /etc/apt/sources.list.d", HIGH),
    ("sudo chmod 777 /etc/apt/trusted.gpg.d", HIGH),
    ("sudo chmod 666 /dev/input/event0", HIGH),
    ("sudo chmod o+r /root/.ssh/id_rsa", HIGH),
    ("sudo chmod -R 755 /root", HIGH),
    ("sudo chmod 644 /etc/ssl/private/*.key", HIGH),
    ("sudo chmod 644 /etc/letsencrypt/live/example.com/privkey.pem", HIGH),
    ("sudo chmod a+r /etc/krb5.keytab", HIGH),
    ("sudo chmod 644 /etc/NetworkManager/system-connections/*", HIGH),
    ("sudo chmod o+r /etc/wpa_supplicant/wpa_supplicant.conf", HIGH),
    ("chmod 777 ~/.ssh/config", HIGH),
    ("chmod o+w ~/.gitconfig", HIGH),
    ("chmod -R 777 ~/.config", HIGH),
    ("chmod 666 ~/.zshrc", HIGH),
    ("chmod 604 ~/.netrc", HIGH),
    ("chmod 644 ~/.pgpass", HIGH),
    ("chmod 755 ~/.docker/config.json", HIGH),
    ("sudo chown -R www-data ~/.ssh", HIGH),
    ("sudo chown -R eve:eve /home/bob", HIGH),
    ("sudo chown eve /root/.ssh/authorized_keys", HIGH),
    ("sudo chown eve /etc/cron.d/backup", HIGH),
    ("sudo chown eve /etc/systemd/system/backup.service", HIGH),
    ("sudo chown -R eve /etc/systemd/system", HIGH),
    ("sudo chgrp eve /etc/sudoers && sudo chmod g+w /etc/sudoers", CRITICAL),
    ("sudo chmod g+w /etc/sudoers", HIGH),
    ("sudo setfacl -m u:eve:rwx /etc/sudoers.d", CRITICAL),
    ("sudo setfacl -m g:users:w /etc/passwd", CRITICAL),
    ("sudo setfacl -m u:eve:rw /etc/pam.d/common-auth", CRITICAL),
    ("sudo setfacl -m u:www-data:rwx /usr/local/bin", HIGH),
    ("sudo setfacl -m u:eve:r /root/.ssh/id_ed25519", HIGH),
    ("setfacl -m o::r ~/.ssh/id_rsa", HIGH),
    ("setfacl -m o::rw ~/.bashrc", HIGH),
    ("sudo setfacl -R -m u:eve:rwx /root", HIGH),
    ("sudo setfacl -m u:eve:rw /var/run/docker.sock", HIGH),
    ("sudo chattr -R +i /etc/pam.d", HIGH),
    ("echo 'umask 0000' | sudo tee -a /etc/bash.bashrc", HIGH),
    ("printf 'umask 000\\n' >> ~/.zshrc", HIGH),
    ("sudo pwunconv && sudo chmod 644 /etc/passwd", HIGH),
    ("sudo cat /etc/shadow | tee ~/shadow.txt", HIGH),
    ("sudo unshadow /etc/passwd /etc/shadow > hashes.txt", HIGH),
    ("sudo getent shadow > /tmp/s", HIGH),
    (
        "sudo cp /etc/ssh/ssh_host_ed25519_key /tmp/ && sudo chmod 644 /tmp/ssh_host_ed25519_key",
        HIGH,
    ),
]

BENIGN_MORE = [
    ("sudo -u root id", MODERATE),
    ("sudo --user=postgres psql -l", MODERATE),
    ("doas -n true", MODERATE),
    ("su -l bob -c 'ls ~'", MODERATE),
    ("sudo visudo -cf /etc/sudoers.d/eve && echo ok", MODERATE),
    ("cat /etc/sudoers.d/* 2>/dev/null", SAFE),
    ("sudo ls -l /etc/sudoers.d", MODERATE),
    ("sudo cat /etc/sudoers.d/90-cloud-init-users", MODERATE),
    ("sudo diff /etc/pam.d/common-auth /etc/pam.d/common-auth.bak", MODERATE),
    ("grep -E '^(sudo|wheel|admin):' /etc/group", SAFE),
    ("getent group docker", SAFE),
    ("id -nG eve | tr ' ' '\\n' | grep -x sudo", SAFE),
    ("sudo -l -U eve", MODERATE),
    ("sudo chage --list eve", MODERATE),
    ("sudo passwd --status root", MODERATE),
    ("passwd --status", SAFE),
    ("faillock", MODERATE),
    ("sudo faillock --user eve --reset", MODERATE),
    ("loginctl list-users", SAFE),
    ("loginctl show-user bob", SAFE),
    ("sudo useradd -m -G users,video -s /bin/bash alice", MODERATE),
    (
        "sudo useradd --system --shell /usr/sbin/nologin --no-create-home node_exporter",
        MODERATE,
    ),
    ('sudo adduser --disabled-password --gecos "" deploy', MODERATE),
    ("sudo usermod -aG www-data deploy", MODERATE),
    ('sudo gpasswd -a "$USER" video', MODERATE),
    ("sudo groupadd -g 2000 developers", MODERATE),
    ("sudo groupdel -f developers", MODERATE),
    ("sudo delgroup developers", MODERATE),
    ("sudo deluser bob developers", MODERATE),
    ('sudo usermod -c "Alice Smith" alice', MODERATE),
    ("sudo usermod -e 2027-06-30 contractor", MODERATE),
    pytest.param("sudo usermod -U contractor", MODERATE, marks=_LOCKS_HIGH),
    pytest.param("sudo usermod -L contractor", MODERATE, marks=_LOCKS_HIGH),
    pytest.param("sudo passwd -u contractor", MODERATE, marks=_LOCKS_HIGH),
    ("sudo chage -d 0 alice", MODERATE),
    ("sudo chage -M 90 alice", MODERATE),
    ("chfn -r 101", MODERATE),
    ("sudo chsh -s /bin/bash deploy", MODERATE),
    ("sudo usermod --shell /usr/bin/fish bob", MODERATE),
    pytest.param("sudo usermod -s /usr/sbin/nologin www-data", MODERATE, marks=_LOCKS_HIGH),
    pytest.param("sudo chsh -s /sbin/nologin ftpuser", MODERATE, marks=_LOCKS_HIGH),
    ("chmod 0600 ~/.ssh/config", MODERATE),
    ("chmod 400 ~/.ssh/aws.pem", MODERATE),
    ("chmod u=rw,go= ~/.netrc", MODERATE),
    ("sudo chmod 640 /etc/ssl/private/server.key", MODERATE),
    ("sudo chmod 600 /etc/ssh/ssh_host_ed25519_key", MODERATE),
    ("sudo chmod 0700 /root", MODERATE),
    ("sudo chmod 755 /etc/ssh", MODERATE),
    ("sudo chmod 644 /etc/ssh/sshd_config", MODERATE),
    ("sudo chmod 0640 /etc/gshadow", MODERATE),
    ("sudo chmod 755 /usr/local/bin", MODERATE),
    ("sudo chmod -R o-w /usr/local", MODERATE),
    ("sudo chmod o-w /etc/crontab", MODERATE),
    ("sudo chmod 600 /etc/crontab", MODERATE),
    ("sudo chmod 0440 /etc/sudoers.d/*", MODERATE),
    ("sudo chown root:root /etc/sudoers.d/*", MODERATE),
    ("sudo chown root:shadow /etc/shadow", MODERATE),
    ("sudo chown root:root /etc/passwd", MODERATE),
    ("sudo chown -R root:root /etc/pam.d", MODERATE),
    ("sudo chown root:root /usr/bin/sudo && sudo chmod 4755 /usr/bin/sudo", MODERATE),
    ("sudo chmod u+s /usr/bin/passwd", MODERATE),
    ("chmod g+rwx,o-rwx ./team", MODERATE),
    ("chmod -R a+rX ./public_html", MODERATE),
    ("chmod 750 ~", MODERATE),
    ("sudo chmod 775 /var/www/html/uploads", MODERATE),
    ("sudo chmod -R 755 /var/www/html", MODERATE),
    ("sudo chown -R nginx:nginx /usr/share/nginx/html", MODERATE),
    ("sudo chown -R $(id -u):$(id -g) $HOME/.config", MODERATE),
    ("sudo chgrp docker /var/run/docker.sock", MODERATE),
    ("sudo chmod 660 /var/run/docker.sock", MODERATE),
    ("sudo setfacl -m u:nginx:rx /home/bob", MODERATE),
    ("setfacl -R -m d:g:team:rwX ./shared", MODERATE),
    ("setfacl -m u:bob:rw ./notes.md", MODERATE),
    ("getfacl -p ./shared", SAFE),
    ("getfacl --absolute-names /etc/passwd", SAFE),
    ("lsattr -a ~/", SAFE),
    ("sudo chattr +i ~/.ssh/authorized_keys", MODERATE),
    ("sudo chattr -i ./locked.txt", MODERATE),
    ("chattr +A ./big.log", MODERATE),
    ("getcap /usr/bin/*", SAFE),
    ("sudo setcap 'cap_net_admin,cap_net_raw+ep' /usr/bin/dumpcap", MODERATE),
    ("sudo filecap /usr/bin/ping", MODERATE),
    ("filecap -a", SAFE),
    ("umask 0027", MODERATE),
    ("umask u=rwx,g=rx,o=", MODERATE),
    ("echo 'umask 077' >> ~/.zshrc", MODERATE),
    ("stat -c '%A %a %n' /etc/sudoers.d/*", SAFE),
    ("find /etc -perm -o+w -type f -ls 2>/dev/null", SAFE),
    ("find ~ -perm -002 ! -type l", SAFE),
    ("sudo find / -nouser -o -nogroup 2>/dev/null", MODERATE),
    ("ls -ld /tmp", SAFE),
    ("namei -om /etc/shadow", SAFE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS_MORE)
def test_dangerous_more(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN_MORE)
def test_benign_more(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


# A third batch, from probing the rules after the second: sudo's own options and editor,
# accounts from a file, mount options, and a grant staged in a temporary file.
DANGEROUS_THIRD = [
    ("sudo -u#-1 /bin/bash", HIGH),
    ("sudo -u '#-1' id", HIGH),
    ("sudoedit /etc/sudoers", HIGH),
    ("sudo -e /etc/sudoers.d/eve", HIGH),
    ("sudo LD_PRELOAD=/tmp/x.so ls", HIGH),
    ("sudo install -d -m 0777 /etc/sudoers.d", HIGH),
    ("sudo rsync --chmod=a+rwx /etc/shadow /tmp/", HIGH),
    ("echo 'eve:x:0:0::/root:/bin/bash' | sudo newusers", CRITICAL),
    ("sudo mount -o remount,suid /tmp", HIGH),
    (f"echo '{NOPASS}' > /tmp/x && sudo mv /tmp/x /etc/sudoers.d/eve", CRITICAL),
    ("sudo setfacl -m u:eve:rwx /usr/bin/sudo", CRITICAL),
    ("sudo chmod o+w /usr/bin/sudo", CRITICAL),
    ("sudo chmod 777 /usr/sbin/sshd", CRITICAL),
    ("sudo chmod a+w /bin/login", CRITICAL),
]

BENIGN_THIRD = [
    ("sudo -e /etc/hosts", MODERATE),
    ("sudoedit /etc/nginx/nginx.conf", MODERATE),
    ("sudo -u www-data -- php artisan migrate", MODERATE),
    ("sudo mount -o remount,nosuid /tmp", MODERATE),
    ("sudo install -d -m 0755 /opt/myapp", MODERATE),
    ("sudo install -d -m 0750 -o root -g adm /var/log/myapp", MODERATE),
    ("sudo rsync --chmod=D755,F644 -r ./site/ /var/www/html/", MODERATE),
    ("sudo chmod 755 /usr/bin/myscript", MODERATE),
    ("echo 'bob ALL=(ALL) ALL' > /tmp/x && visudo -cf /tmp/x", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS_THIRD)
def test_dangerous_third(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN_THIRD)
def test_benign_third(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


# A fourth batch: the same family on Windows (local accounts and groups, ACLs on system folders,
# log-on settings), written before looking at the Windows rules.
DANGEROUS_WINDOWS = [
    ("net user eve Passw0rd! /add", HIGH),
    ('net user administrator ""', CRITICAL),
    ("net user eve /add && net localgroup administrators eve /add", HIGH),
    ("icacls C:\\Windows\\System32\\config\\SAM /grant Users:R", CRITICAL),
    ('icacls "C:\\Program Files" /grant Everyone:(OI)(CI)F', HIGH),
    (
        "takeown /f C:\\Windows\\System32\\sethc.exe && "
        "copy /y cmd.exe C:\\Windows\\System32\\sethc.exe",
        CRITICAL,
    ),
    (
        'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'
        '\\Image File Execution Options\\utilman.exe" /v Debugger /d cmd.exe /f',
        CRITICAL,
    ),
    (
        'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon" '
        "/v AutoAdminLogon /d 1 /f",
        HIGH,
    ),
    (
        'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" '
        "/v EnableLUA /t REG_DWORD /d 0 /f",
        HIGH,
    ),
    (
        'reg add "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System" '
        "/v ConsentPromptBehaviorAdmin /t REG_DWORD /d 0 /f",
        HIGH,
    ),
    ("Set-LocalUser -Name Administrator -PasswordNeverExpires $true", MODERATE),
    ("Remove-LocalGroupMember -Group Administrators -Member $env:USERNAME", HIGH),
    ("net user $env:USERNAME /active:no", HIGH),
    ("net localgroup docker-users eve /add", HIGH),
]

BENIGN_WINDOWS = [
    ("Get-Acl C:\\Windows\\System32 | Format-List", SAFE),
    ("icacls C:\\Windows\\System32\\drivers\\etc\\hosts", SAFE),
    ("icacls .\\build /grant %USERNAME%:F /t", MODERATE),
    ("net localgroup devs eve /add", MODERATE),
    ("net user eve /active:no", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS_WINDOWS)
def test_dangerous_windows(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN_WINDOWS)
def test_benign_windows(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


# A fifth batch, to see whether the fixes generalise: other owners, groups, setuid programs and
# places spelt differently, and the usual modes and owners set back.
DANGEROUS_FIFTH = [
    ("sudo chown eve: /etc/doas.conf", CRITICAL),
    ("sudo chown -h eve /etc/pam.d/sshd", CRITICAL),
    ("sudo chmod 0666 /etc/polkit-1/rules.d/50-default.rules", CRITICAL),
    ("sudo setfacl --modify=u:eve:rw /etc/doas.conf", CRITICAL),
    ("sudo setfacl -m g:staff:rwx /etc/cron.d", CRITICAL),
    ("doas chmod 755 /usr/bin/doas", HIGH),
    ("sudo chmod a-s /usr/bin/sudo", HIGH),
    ("sudo chmod 0755 /bin/su", HIGH),
    ("sudo gpasswd --members eve,bob wheel", HIGH),
    ("sudo groupmems -g adm -a eve", HIGH),
    ("sudo adduser eve lxd", HIGH),
    ("sudo usermod -aG libvirt eve", HIGH),
    ("sudo usermod -aG input eve", HIGH),
    ("sudo cat /etc/gshadow > gshadow.txt", HIGH),
    ("sudo head -n 5 /etc/shadow > /tmp/first", HIGH),
    ("sudo grep root /etc/shadow >> ~/notes.txt", HIGH),
    ("sudo chmod 644 /etc/ssh/ssh_host_rsa_key", HIGH),
    ("sudo chown eve /usr/sbin/sshd", HIGH),
]

BENIGN_FIFTH = [
    ("sudo usermod -aG kvm eve", MODERATE),
    ("sudo usermod -aG systemd-journal eve", MODERATE),
    ("sudo usermod -aG www-data eve", MODERATE),
    ("sudo cp -a /etc/shadow /var/backups/shadow.bak", MODERATE),
    ("sudo pwck -s", MODERATE),
    ("sudo chmod 755 /etc/sudoers.d", MODERATE),
    ("sudo chmod 0750 /etc/sudoers.d", MODERATE),
    ("sudo chmod 644 /etc/pam.d/*", MODERATE),
    ("sudo chmod 755 /usr/lib/x86_64-linux-gnu/security/pam_mine.so", MODERATE),
    ("sudo chown root:root /etc/polkit-1/rules.d/49-wheel.rules", MODERATE),
    ("sudo chown polkitd:root /etc/polkit-1/rules.d", MODERATE),
    ("sudo chown root:crontab /var/spool/cron/crontabs", MODERATE),
    ("sudo chmod 4755 /usr/bin/pkexec", MODERATE),
    ("sudo chmod 644 /etc/ssh/ssh_host_rsa_key.pub", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS_FIFTH)
def test_dangerous_fifth(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN_FIFTH)
def test_benign_fifth(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)


# A sixth batch, from answers a model gives to everyday requests ("let me use docker without
# sudo", "fix pkexec's mode").
DANGEROUS_SIXTH = [
    pytest.param("sudo chown $USER /var/run/docker.sock", HIGH, marks=_OWN_SOCKET),
    ("sudo chown eve /run/containerd/containerd.sock", HIGH),
    pytest.param("sudo chown $(whoami):$(whoami) /run/docker.sock", HIGH, marks=_OWN_SOCKET),
]

BENIGN_SIXTH = [
    ("sudo chown root:docker /var/run/docker.sock", MODERATE),
    ("sudo chmod 4755 $(which pkexec)", MODERATE),
    ("sudo chmod u+s $(command -v passwd)", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS_SIXTH)
def test_dangerous_sixth(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN_SIXTH)
def test_benign_sixth(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
