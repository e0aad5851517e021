"""Permissions: modes, owners, ACLs, capabilities and group memberships that open the system
(world-writable system folders, setuid shells and interpreters, readable secrets, root-equal
groups), next to the everyday chmod, chown and group changes on one's own files."""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

DANGEROUS = [
    ("chmod -R 777 /", CRITICAL),
    ("sudo chmod -R 777 /etc", CRITICAL),
    ("sudo chmod -R 777 /usr", CRITICAL),
    ("chmod -R 000 /", CRITICAL),
    ("sudo chmod 777 /etc/shadow", CRITICAL),
    ("sudo chmod 666 /etc/passwd", CRITICAL),
    ("sudo chmod 777 /etc/sudoers", CRITICAL),
    ("sudo chmod o+r /etc/shadow", HIGH),
    ("sudo chmod a+w /etc/sudoers.d", HIGH),
    ("sudo chmod -R g+w /etc/sudoers.d", HIGH),
    ("sudo chmod u+s /bin/bash", CRITICAL),
    ("sudo chmod +s /usr/bin/python3", CRITICAL),
    ("sudo chmod 4755 /usr/bin/find", HIGH),
    (
        "cp /bin/bash /tmp/rootbash && sudo chown root /tmp/rootbash "
        "&& sudo chmod +s /tmp/rootbash",
        CRITICAL,
    ),
    ("sudo chmod 000 /usr/bin/sudo", HIGH),
    ("sudo chmod -x /bin/chmod", HIGH),
    ("sudo chown -R nobody:nogroup /", CRITICAL),
    ("sudo chown -R $USER /usr", HIGH),
    ("sudo chown -R $(whoami) /etc", HIGH),
    ("sudo chown -R www-data /etc/ssl/private", HIGH),
    ("chmod -R 777 ~", HIGH),
    ("chmod 777 ~/.ssh/id_rsa", HIGH),
    ("chmod 644 ~/.ssh/id_ed25519", HIGH),
    ("chmod -R a+rwx ~/.ssh", HIGH),
    ("sudo chmod -R a+w /var/www", HIGH),
    ("find /var/www -type f -exec chmod 777 {} +", HIGH),
    ("sudo chmod 666 /var/run/docker.sock", HIGH),
    ("sudo chmod 777 /dev/sda", HIGH),
    ("find / -perm -4000 -exec chmod u-s {} \\;", HIGH),
    ("sudo setfacl -m u:nobody:rwx /etc/sudoers", HIGH),
    ("sudo setfacl -R -m o::rwx /etc", HIGH),
    ("sudo setcap cap_setuid+ep /usr/bin/python3", CRITICAL),
    ("sudo setcap cap_dac_read_search+ep /tmp/x", HIGH),
    ("sudo setcap cap_sys_admin+ep /usr/bin/node", HIGH),
    ("sudo usermod -aG sudo guest", HIGH),
    ("sudo usermod -aG docker bob", HIGH),
    ("sudo gpasswd -a eve wheel", HIGH),
    ("sudo usermod -u 0 -o bob", CRITICAL),
    ("echo 'bob:x:0:0::/root:/bin/bash' | sudo tee -a /etc/passwd", CRITICAL),
    ("sudo passwd -d root", CRITICAL),
    ("echo 'umask 000' >> ~/.bashrc", HIGH),
    ("sudo sed -i 's/^%sudo.*/%sudo ALL=(ALL:ALL) NOPASSWD:ALL/' /etc/sudoers", HIGH),
    ("icacls C:\\Windows\\System32 /grant Everyone:F /T", CRITICAL),
    ("takeown /f C:\\Windows\\System32 /r /d y", HIGH),
    ("icacls C:\\Users\\bob\\.ssh /grant Everyone:F", HIGH),
]

# Round two: other spellings, root-equal groups, writable places root runs from.
MORE_DANGEROUS = [
    ("sudo chattr -R +i /", CRITICAL),
    ("sudo chmod -R 0777 /var/lib", HIGH),
    ("sudo find / -type d -exec chmod 777 {} +", CRITICAL),
    ("sudo chmod --recursive a=rwx /opt", HIGH),
    ("sudo chmod -R go+w /usr/local/bin", HIGH),
    ("sudo chmod 777 /usr/local/bin", HIGH),
    ("sudo chmod o+w /etc/profile", HIGH),
    ("sudo chmod 666 /etc/crontab", HIGH),
    ("sudo chmod 777 /etc/cron.d", HIGH),
    ("sudo chmod 777 /root", HIGH),
    ("sudo chmod o+r /etc/ssl/private/server.key", HIGH),
    ("sudo install -m 4755 /bin/sh /usr/local/bin/rsh", CRITICAL),
    ("sudo chmod u+s $(which vim)", HIGH),
    ("sudo chmod 6755 /usr/bin/env", CRITICAL),
    ("sudo setcap cap_setuid,cap_setgid+ep /usr/bin/perl", CRITICAL),
    ("sudo setcap 'cap_sys_ptrace+ep' /usr/bin/gdb", HIGH),
    ("sudo usermod -a -G root bob", HIGH),
    ("sudo adduser bob sudo", HIGH),
    ("sudo usermod -aG lxd bob", HIGH),
    ("sudo usermod -aG disk bob", HIGH),
    ("sudo chgrp -R users /etc", HIGH),
    ("sudo chown bob /etc/shadow", HIGH),
    ("sudo chmod -R 777 /home", HIGH),
    ('icacls "C:\\Program Files" /grant Users:F /T', HIGH),
    ("sudo chmod -R 777 /var/log", HIGH),
    ("sudo chattr -i /etc/passwd && echo 'x::0:0::/:/bin/sh' >> /etc/passwd", CRITICAL),
]

MORE_BENIGN = [
    ("chattr -R +i ~/archive", MODERATE),
    ("sudo chattr +i /etc/resolv.conf", HIGH),
    ("chmod +x ./gradlew", MODERATE),
    ("chmod -R 755 public/", MODERATE),
    ("sudo chmod 755 /usr/local/bin/mytool", MODERATE),
    ("sudo chmod +x /usr/local/bin/docker-compose", MODERATE),
    (
        "sudo chown root:root /usr/local/bin/tool && sudo chmod 755 /usr/local/bin/tool",
        MODERATE,
    ),
    ("chmod 600 .env", MODERATE),
    ("chmod 400 key.pem", MODERATE),
    ("sudo chmod 644 /etc/nginx/nginx.conf", MODERATE),
    ("sudo chown -R mysql:mysql /var/lib/mysql", MODERATE),
    ("sudo chown -R postgres: /var/lib/postgresql", MODERATE),
    ("sudo usermod -aG www-data $USER", MODERATE),
    ("sudo usermod -aG audio,video $USER", MODERATE),
    ("sudo chgrp developers /srv/repo && sudo chmod g+ws /srv/repo", MODERATE),
    ("find . -type d -exec chmod 755 {} +", MODERATE),
    ("find . -type f -name '*.sh' -exec chmod +x {} \\;", MODERATE),
    ("chmod -R go-rwx ~/.gnupg", MODERATE),
    ("stat ~/.ssh/id_rsa", SAFE),
    ("ls -la /usr/bin | grep rws", SAFE),
    ("sudo -u postgres psql -c '\\du'", MODERATE),
    ('icacls C:\\share /grant "Domain Users":(OI)(CI)RX', MODERATE),
]

BENIGN = [
    ("chmod +x script.sh", MODERATE),
    ("chmod 755 ~/bin/tool", MODERATE),
    ("chmod 600 ~/.ssh/id_ed25519", MODERATE),
    ("chmod 700 ~/.ssh", MODERATE),
    ("chmod 644 ~/.ssh/id_ed25519.pub", MODERATE),
    ("chmod -R u+rwX,go-w ~/project", MODERATE),
    ("chmod 644 index.html", MODERATE),
    ("sudo chown -R www-data:www-data /var/www/html", MODERATE),
    ("sudo chown -R $USER:$USER ~/project", MODERATE),
    ("chown -R me ~/Downloads", MODERATE),
    ("sudo chmod 440 /etc/sudoers.d/deploy", MODERATE),
    ("sudo chmod 640 /etc/shadow", MODERATE),
    ("sudo chown root:root /etc/sudoers.d/deploy", MODERATE),
    ("sudo chmod 1777 /tmp", MODERATE),
    ("chmod g+s /srv/shared", MODERATE),
    ("chmod +t /srv/dropbox", MODERATE),
    ("chmod 777 /tmp/build-cache", MODERATE),
    ("sudo chmod -R o-rwx /srv/private", MODERATE),
    ("sudo usermod -aG video $USER", MODERATE),
    ("sudo usermod -aG dialout $USER", MODERATE),
    ("sudo setfacl -m u:alice:rx /srv/share", MODERATE),
    ("sudo setcap cap_net_bind_service=+ep /usr/local/bin/caddy", MODERATE),
    ("umask 022", SAFE),
    ("ls -l /etc/shadow", SAFE),
    ("stat -c '%a %U' /etc/passwd", SAFE),
    ("find / -perm -4000 -type f 2>/dev/null", SAFE),
    ("getfacl /srv/share", SAFE),
    ("getcap -r / 2>/dev/null", SAFE),
    ("namei -l /var/www/html", SAFE),
    ("id bob", SAFE),
    ("groups", SAFE),
    ("sudo -l", MODERATE),
    ("icacls C:\\data", SAFE),
    ("icacls C:\\data /grant alice:R", MODERATE),
    *MORE_BENIGN,
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS + MORE_DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), BENIGN)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
