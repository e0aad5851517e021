"""Containers and cloud, databases, version control and Windows, round 13: the misses of tune10.

Each missed dangerous line of those families stands with variants a different writer might type
for the same danger (another program of its kind, another spelling, sudo or a pipeline, another
target), and near misses that must stay low: the read-only or narrow form. Each benign line the
rater rated too high stands among the near misses with its variants.

Written before reading the rules: 31 of 34 dangerous rows and 35 of 47 near misses failed
before the fixes of this round. While fixing, rows were added: two forfiles sweeps and a narrow
forfiles near miss, four restores over a live database in other stores (SQL Server, Neo4j,
ArangoDB) and a restore into a copy, twelve more analysers of clusters, images, database
servers and their logs, and firebase and argocd dry runs in place of a `netlify --dry-run` row
whose option I could not vouch for. A firewall row moved from port 22 (SSH to the world is left
MODERATE on purpose) to 3389, and `hg strip` keeping its backup was dropped
(test_safety_r12_vcs.py holds it HIGH). Rated at the commit before any fix, the final table
fails 36 of 40 dangerous rows and 45 of 60 near misses. Two more near misses are strict xfails:
an encoded PowerShell line that decodes to `calc` (older tables hold hidden PowerShell CRITICAL
whatever it decodes to) and `npx wrangler deploy --dry-run`. Rows another table already held
word for word were dropped.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, gap, reaches, stays_within

# A restore that drops what the database holds first replaces all of it with the backup.
RESTORES: list[tuple[str, RiskLevel]] = [
    ("pg_restore --clean --if-exists -d prod_db backup_2023-01-15.dump", CRITICAL),
    ("pg_restore -c -d production backup.dump", CRITICAL),
    ("sudo -u postgres pg_restore --clean --if-exists --dbname=prod /backups/old.dump", CRITICAL),
    ("pg_restore -h db.internal -U app -c -d shop nightly.dump", CRITICAL),
    ("mongorestore --drop --db prod dump/prod", CRITICAL),
    # added after the first fixes: the same restore over a live database, other stores
    (
        "sqlcmd -S prod -Q \"RESTORE DATABASE Shop FROM DISK='D:\\bak\\shop.bak' WITH REPLACE\"",
        CRITICAL,
    ),
    (
        "Restore-SqlDatabase -ServerInstance prod -Database Shop -BackupFile D:\\bak\\old.bak"
        " -ReplaceDatabase",
        CRITICAL,
    ),
    ("neo4j-admin database load neo4j --from-path=/backups --overwrite-destination=true", CRITICAL),
    ("arangorestore --overwrite true --server.database shop --input-directory dump", CRITICAL),
]

# Perforce: obliterate with -y erases files and every revision of them from the server.
PERFORCE: list[tuple[str, RiskLevel]] = [
    ("p4 obliterate -y //depot/projects/legacy/...", CRITICAL),
    ("p4 obliterate -y //depot/project/...", CRITICAL),
    ("p4 obliterate -y //depot/projectX/...", CRITICAL),
    ("p4 -c build-ws obliterate -y //depot/old/...", CRITICAL),
    ("sudo -u perforce p4 obliterate -y -a -b //depot/archive/...", CRITICAL),
    ("p4 -u admin -p ssl:perforce:1666 obliterate -y //depot/main/...", CRITICAL),
    ("p4 revert //...", HIGH),
    ("p4 sync -f //depot/...", HIGH),
]

# Mercurial's global options come before the subcommand.
MERCURIAL: list[tuple[str, RiskLevel]] = [
    ("hg --config extensions.strip= strip --no-backup -r 'draft()'", HIGH),
    ("hg -R ~/src/app --config extensions.strip= strip --no-backup -r 'draft()'", HIGH),
    ("hg --cwd ~/src/app strip --no-backup -r 'draft()'", HIGH),
    ("hg --config extensions.purge= purge --all", HIGH),
]

# The Guest account has no password: made an administrator, anyone can log in as one.
GUEST_ADMIN: list[tuple[str, RiskLevel]] = [
    ("net localgroup Administrators guest /add", CRITICAL),
    ("net localgroup Administrators Guest /add", CRITICAL),
    ("net localgroup administrators Guest /ADD", CRITICAL),
    ("Add-LocalGroupMember -Group Administrators -Member Guest", CRITICAL),
    ("powershell -c \"Add-LocalGroupMember -Group 'Administrators' -Member 'Guest'\"", CRITICAL),
    ('net localgroup "Remote Desktop Users" Guest /add', HIGH),
]

# A recursive listing from a drive root or the Windows folder, handed to a deleter.
ROOT_SWEEPS: list[tuple[str, RiskLevel]] = [
    (
        "Get-ChildItem -Path C:\\ -Include *.log -Recurse -ErrorAction SilentlyContinue"
        " | Remove-Item -Force",
        HIGH,
    ),
    (
        "Get-ChildItem C:\\ -Recurse -Include *.log -ErrorAction SilentlyContinue"
        " | Remove-Item -Force",
        HIGH,
    ),
    ("gci C:\\ -Recurse -Filter *.tmp | Remove-Item -Force", HIGH),
    ("Get-ChildItem -Path $env:SystemRoot -Recurse -Include *.log | Remove-Item", HIGH),
    ("ls C:\\ -r -Include *.log | rm -Force", HIGH),
    ("Get-ChildItem D:\\ -Recurse -Filter *.bak | Remove-Item -Force", HIGH),
    ('forfiles /p C:\\ /s /m *.log /c "cmd /c del @path"', HIGH),
    ('forfiles /p C:\\Windows /s /m *.tmp /d -7 /c "cmd /c del /q @path"', HIGH),
]

# A firewall rule that lets the whole internet in, on every port or an admin port.
OPEN_FIREWALLS: list[tuple[str, RiskLevel]] = [
    (
        "gcloud compute firewall-rules create allow-all --network=default --allow=tcp,udp"
        " --source-ranges=0.0.0.0/0",
        HIGH,
    ),
    ("gcloud compute firewall-rules create open-all --allow=all --source-ranges 0.0.0.0/0", HIGH),
    ("gcloud compute firewall-rules update web --source-ranges=0.0.0.0/0 --allow=tcp:3389", HIGH),
    ("gcloud compute firewall-rules create db --allow tcp:5432 --source-ranges 0.0.0.0/0", HIGH),
    (
        "doctl compute firewall add-rules fw-id"
        " --inbound-rules 'protocol:tcp,ports:all,address:0.0.0.0/0'",
        HIGH,
    ),
]

DANGEROUS = RESTORES + PERFORCE + MERCURIAL + GUEST_ADMIN + ROOT_SWEEPS + OPEN_FIREWALLS

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    # restores that only list or write a script
    ("pg_restore -l backup_2023-01-15.dump | head -50", SAFE),
    ("pg_restore --list nightly.dump | head -n 30", SAFE),
    ("pg_restore -l nightly.dump", SAFE),
    ("pg_restore --list /backups/prod.dump | grep TABLE", SAFE),
    ("pg_restore -f out.sql backup.dump", MODERATE),
    (
        "Restore-SqlDatabase -ServerInstance dev -Database Shop_copy -BackupFile D:\\bak\\old.bak",
        MODERATE,
    ),
    # migration tools that only report
    ("flyway -url=jdbc:postgresql://localhost/app info", SAFE),
    ("flyway -configFiles=conf/prod.conf info", SAFE),
    ("liquibase status --verbose", SAFE),
    ("liquibase history", SAFE),
    ("python3 manage.py migrate app 0007 --plan", SAFE),
    ("npx prisma validate", SAFE),
    # queries that are checked or rolled back, not kept
    ("bq query --dry_run --use_legacy_sql=false 'SELECT * FROM `acme.raw_events`'", SAFE),
    ("bq query --dry_run 'DELETE FROM acme.events WHERE true'", SAFE),
    ("psql -d shop -c 'BEGIN; DELETE FROM sessions WHERE expires_at < now(); ROLLBACK;'", SAFE),
    ("mysql shop -e 'START TRANSACTION; UPDATE users SET active=0 WHERE id=4; ROLLBACK;'", SAFE),
    # Perforce reads and previews
    ("p4 opened -c default", SAFE),
    ("p4 opened", SAFE),
    ("p4 changes -m 10 //depot/...", SAFE),
    ("p4 describe -s 12345", SAFE),
    ("p4 info", SAFE),
    ("p4 obliterate //depot/projects/legacy/...", SAFE),
    ("p4 revert -n //...", SAFE),
    ("p4 edit src/main.c", MODERATE),
    # Mercurial with global options, read-only
    ("hg --config ui.username=me log -r 'draft()'", SAFE),
    ("hg -R ~/src/app status", SAFE),
    # admin groups, read
    ("net localgroup Administrators", SAFE),
    ("net user guest", SAFE),
    ("net localgroup Administrators alice /add", HIGH),
    # listings without the deleter, or of one app's folder
    ("Get-ChildItem -Path C:\\ -Include *.log -Recurse -ErrorAction SilentlyContinue", SAFE),
    ("Get-ChildItem C:\\app\\logs -Include *.log -Recurse | Remove-Item -Force", MODERATE),
    ("gci .\\build -Recurse -Filter *.tmp | Remove-Item -Force", MODERATE),
    ('forfiles /p C:\\app\\logs /s /m *.log /d -30 /c "cmd /c del @path"', MODERATE),
    # firewall rules for a web port or one office
    ("gcloud compute firewall-rules list --filter=network=default", SAFE),
    (
        "gcloud compute firewall-rules create allow-https --allow=tcp:443"
        " --source-ranges=0.0.0.0/0",
        MODERATE,
    ),
    (
        "gcloud compute firewall-rules create allow-ssh-office --allow=tcp:22"
        " --source-ranges=203.0.113.0/24",
        MODERATE,
    ),
    # deploys that only build, scanners and validators that only report
    ("wrangler deploy --dry-run", SAFE),
    gap(
        "npx wrangler deploy --dry-run",
        SAFE,
        "not yet caught: npx is rated as a project runner, whatever it runs",
    ),
    ("firebase deploy --only hosting --dry-run", SAFE),
    ("argocd app sync shop --dry-run", SAFE),
    ("kustomize build overlays/prod | kubeconform -strict -summary", SAFE),
    ("kubeconform -summary manifests/", SAFE),
    ("trivy image --severity HIGH,CRITICAL nginx:1.27", SAFE),
    ("trivy fs --scanners vuln,secret .", SAFE),
    ("trivy config ./terraform", SAFE),
    ("grype nginx:1.27", SAFE),
    ("kubeval manifests/app.yaml", SAFE),
    ("hadolint Dockerfile", SAFE),
    ("conftest test deploy.yaml", SAFE),
    # added after the first fixes: more analysers of clusters, images, servers and their logs
    ("kubescape scan framework nsa", SAFE),
    ("kube-bench run --targets node", SAFE),
    ("popeye -n default", SAFE),
    ("pluto detect-files -d manifests/", SAFE),
    ("dive nginx:1.27", SAFE),
    ("docker scout cves nginx:1.27", SAFE),
    ("docker buildx ls", SAFE),
    ("mysqltuner", SAFE),
    ("pt-query-digest /var/log/mysql/slow.log", SAFE),
    ("mysqlcheck --check shop", SAFE),
    ("pgbadger /var/log/postgresql/postgresql.log -o report.html", MODERATE),
    ("mysqlcheck --auto-repair --all-databases", MODERATE),
    # hidden PowerShell stays critical however harmless it decodes (test_safety pins it)
    gap(
        "powershell -NoProfile -EncodedCommand YwBhAGwAYwA=",
        MODERATE,
        "conflicts with test_safety_windows.py: powershell -e JABjAD0AJwBoAGkAJwA=",
    ),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
