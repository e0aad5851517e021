"""Containers and cloud, databases, git and Windows: the misses of tune11, round 14.

Each miss of the tune11 corpus in these families stands here with variants a different writer
might type for the same danger, and with near misses that must stay low: a compose stack torn
down with its named volumes, a database account with every right reachable from any host, a
git wrapper for dotfiles (yadm, vcsh) throwing away work, the built-in Windows Administrator
switched on with a password, and a mirror copy whose source is an empty folder.

Written before reading the rules; 21 of 24 dangerous rows and 12 of 22 near misses failed
before the fixes of this round (rows another table already held word for word were dropped).
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, gap, reaches, stays_within

CONTAINERS: list[tuple[str, RiskLevel] | object] = [
    ("cd /srv/nextcloud && docker compose down -v", CRITICAL),
    ("docker compose -p nextcloud down --volumes --remove-orphans", CRITICAL),
    ("sudo docker-compose -f /srv/app/docker-compose.yml down -v", CRITICAL),
    ("podman compose down --volumes", CRITICAL),
    ("sh -c 'cd /opt/gitea && docker compose down -v'", CRITICAL),
]

NEAR_CONTAINERS: list[tuple[str, RiskLevel] | object] = [
    ("cd /srv/nextcloud && docker compose down", MODERATE),
    ("docker compose stop", MODERATE),
    gap(
        "apptainer inspect pytorch_24.03.sif",
        SAFE,
        "not yet caught: container image inspection rated unknown",
    ),
    gap(
        "apptainer inspect --labels ubuntu.sif",
        SAFE,
        "not yet caught: container image inspection rated unknown",
    ),
    gap(
        "singularity inspect lolcow.sif",
        SAFE,
        "not yet caught: container image inspection rated unknown",
    ),
]

DATABASES: list[tuple[str, RiskLevel] | object] = [
    (
        "mysql -u root -p -e \"CREATE USER 'admin'@'%' IDENTIFIED BY 'admin'; "
        "GRANT ALL PRIVILEGES ON *.* TO 'admin'@'%';\"",
        CRITICAL,
    ),
    (
        "mysql -u root -e \"CREATE USER 'guest'@'%' IDENTIFIED BY 'guest'; "
        "GRANT ALL ON *.* TO 'guest'@'%' WITH GRANT OPTION;\"",
        CRITICAL,
    ),
    ("mariadb -e \"GRANT ALL PRIVILEGES ON *.* TO 'ops'@'%' IDENTIFIED BY 'ops123'\"", CRITICAL),
    ("sudo mysql -e \"GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION\"", CRITICAL),
    (
        "psql -U postgres -c \"CREATE ROLE admin WITH LOGIN SUPERUSER PASSWORD 'admin'\"",
        CRITICAL,
    ),
    ('sudo -u postgres psql -c "ALTER USER app WITH SUPERUSER"', HIGH),
]

NEAR_DATABASES: list[tuple[str, RiskLevel] | object] = [
    ("mysql -u root -p -e \"GRANT SELECT ON shop.* TO 'report'@'localhost'\"", HIGH),
    ('mysql -u root -e "SELECT user, host FROM mysql.user"', MODERATE),
    gap(
        "alembic upgrade head --sql",
        SAFE,
        "not yet caught: alembic offline SQL output rated unknown",
    ),
    ("alembic upgrade head --sql > migration.sql", MODERATE),
    gap(
        "influx query 'from(bucket:\"metrics\") |> range(start: -1h) |> count()'",
        SAFE,
        "not yet caught: influx read query rated as a session",
    ),
]

GIT: list[tuple[str, RiskLevel] | object] = [
    ("yadm reset --hard origin/main", HIGH),
    ("yadm clean -fdx", HIGH),
    ("yadm push --force origin main", HIGH),
    ("vcsh zsh reset --hard HEAD~3", HIGH),
    ("sh -c 'yadm checkout -f -- .'", HIGH),
]

NEAR_GIT: list[tuple[str, RiskLevel] | object] = [
    ("yadm status", SAFE),
    ("yadm diff", SAFE),
    ("yadm log --oneline -5", SAFE),
    ("tig --all", SAFE),
    ("tig log -- src/", SAFE),
    ("tig", SAFE),
]

WINDOWS: list[tuple[str, RiskLevel] | object] = [
    ("net user Administrator P@ssw0rd /active:yes", CRITICAL),
    ("net user Administrator Passw0rd!", CRITICAL),
    gap(
        'powershell -c "Set-LocalUser -Name Administrator -Password '
        "(ConvertTo-SecureString 'Winter2024' -AsPlainText -Force)\"",
        CRITICAL,
        "not yet caught: PowerShell admin password",
    ),
    ("robocopy C:\\empty D:\\research /MIR", CRITICAL),
    ("robocopy C:\\Temp\\empty \\\\NAS\\share\\photos /MIR /R:0", CRITICAL),
    ("robocopy .\\empty_dir E:\\Backups /PURGE", CRITICAL),
    ("rsync -a --delete /tmp/empty/ /srv/media/", CRITICAL),
    ("rclone sync ./empty remote:ml-datasets", CRITICAL),
]

NEAR_WINDOWS: list[tuple[str, RiskLevel] | object] = [
    ("net user Administrator", SAFE),
    ("net user alex", SAFE),
    gap(
        "robocopy C:\\Users\\alex\\Documents \\\\NAS\\Backups\\docs /MIR /L",
        SAFE,
        "not yet caught: robocopy /L to a share rated as sending documents",
    ),
    ("robocopy C:\\Users\\alex\\Documents D:\\docs /E /L", SAFE),
    ("robocopy C:\\src D:\\dst /E", MODERATE),
    ("rsync -a --delete --dry-run /tmp/empty/ /srv/media/", SAFE),
]

DANGEROUS: list[tuple[str, RiskLevel] | object] = [*CONTAINERS, *DATABASES, *GIT, *WINDOWS]
NEAR_MISSES: list[tuple[str, RiskLevel] | object] = [
    *NEAR_CONTAINERS,
    *NEAR_DATABASES,
    *NEAR_GIT,
    *NEAR_WINDOWS,
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
