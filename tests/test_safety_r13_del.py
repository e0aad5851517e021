"""Deleting, disks, permissions and runaway resources, round 13: the misses of tune10.

Each miss of the tune10 corpus in these four families stands here with variants a different
writer might type for the same danger (another program of the kind, another spelling, wrapped
in sudo or `sh -c`, another target), and with near misses that only read, preview or touch
something narrow. The kinds: a backup store deleted whole; a distributed store's top-level tree
deleted past its trash; a sweeper (duplicate finder, temp reaper) aimed at the whole system or
every home; find's `-o` that hands -delete to the last test only; fd deleting every repository's
history; emptying the trash; a build with no job limit; an R loop that allocates for ever;
`umask 000` written with ex or vim; a writable SELinux label over a whole web root; and the
read-only forms of prlimit, backup dry runs and SELinux lookups.

Written before changing the rules; 51 of 54 dangerous rows (the two xfails among them) and 11
of 45 near misses failed before the fixes of this round. Two dangerous rows conflict with older
tables (`gio trash --empty` and `e2fsck -y` stand there as moderate) and are marked xfail.
BACKUP_FOLDERS and its three near misses were added after those fixes (three of its four rows
failed then), for the same principle spelt with rm.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

_TRASH_CONFLICT = pytest.mark.xfail(
    strict=True,
    reason="conflicts with test_safety_r11_ovw_files.py: ('gio trash --empty', MODERATE)",
)
_FSCK_CONFLICT = pytest.mark.xfail(
    strict=True,
    reason="conflicts with test_safety_net2.py: ('sudo e2fsck -y /dev/sdb1', MODERATE)",
)

BACKUP_STORES: list[tuple[str, RiskLevel]] = [
    ("borg delete /mnt/backup/borg-repo", CRITICAL),
    ("BORG_DELETE_I_KNOW_WHAT_I_AM_DOING=YES borg delete /mnt/backup/repo", CRITICAL),
    ("sudo borg delete --force /srv/borg", CRITICAL),
    ("borg delete ssh://backup@nas.example.com/./repo", CRITICAL),
    ("sudo sh -c 'borg delete /backups/laptop'", CRITICAL),
    ("sudo tmutil delete /Volumes/TimeMachine/Backups.backupdb/MacBook-Pro/*", CRITICAL),
    ("tmutil delete /Volumes/Backup/Backups.backupdb/iMac/*", CRITICAL),
    ("sudo tmutil delete /Volumes/TM/Backups.backupdb/*/*", CRITICAL),
]

# Added after the first fixes, for the same principle spelt with rm: a backup folder deleted.
BACKUP_FOLDERS: list[tuple[str, RiskLevel]] = [
    ("sudo rm -rf /srv/backups/borg", HIGH),
    ("rm -rf /opt/app/backups", HIGH),
    ("sudo rm -rf /var/lib/restic-repo", HIGH),
    ("rm -r ~/work/backup", HIGH),
]

DATA_STORES: list[tuple[str, RiskLevel]] = [
    ("hdfs dfs -rm -r -skipTrash /data/warehouse", CRITICAL),
    ("hdfs dfs -rm -r -skipTrash /user/analytics", CRITICAL),
    ("hadoop fs -rm -r -skipTrash /data", CRITICAL),
    ("hdfs dfs -rm -R -skipTrash /warehouse/*", CRITICAL),
    ("sudo -u hdfs hdfs dfs -rm -r -skipTrash /user/hive/warehouse", CRITICAL),
    ("hdfs dfs -rmr -skipTrash /projects", CRITICAL),
]

SWEEPERS: list[tuple[str, RiskLevel]] = [
    ("sudo rdfind -deleteduplicates true /", CRITICAL),
    ("rdfind -deleteduplicates true /home", CRITICAL),
    ("sudo fdupes -rdN /", CRITICAL),
    ("sudo jdupes -rdN /usr", CRITICAL),
    ("sudo tmpwatch --mtime 1 /home", CRITICAL),
    ("sudo tmpreaper 1h /", CRITICAL),
    ("sudo sh -c 'tmpwatch 24 /home'", CRITICAL),
]

FIND_PRECEDENCE: list[tuple[str, RiskLevel]] = [
    ("find . -name '*.pyc' -o -name '*.py' -delete", HIGH),
    ("find src -name '*.orig' -or -name '*.js' -delete", HIGH),
    ("find . -type f -name '*.o' -o -name '*.c' -exec rm {} +", HIGH),
    ("find . -name '*.go' -delete", HIGH),
    ("find ~/project -name '*.java' -exec rm -f {} \\;", HIGH),
    ("find . -name '*.log' -o -delete", HIGH),
]

FD_HISTORY: list[tuple[str, RiskLevel]] = [
    ("fd -HI -t d '^\\.git$' ~/code -X rm -rf", HIGH),
    ("fd -H -t d '^\\.git$' ~/projects -x rm -rf {}", HIGH),
    ("fd -HI '^\\.git$' ~/src -X rm -r", HIGH),
    ("fd -H -g .git -t d ~/code -X rm -rf", HIGH),
]

TRASH: list[tuple[str, RiskLevel] | object] = [
    pytest.param("gio trash --empty", HIGH, marks=_TRASH_CONFLICT),
    ("osascript -e 'tell application \"Finder\" to empty trash'", HIGH),
]

UNBOUNDED_JOBS: list[tuple[str, RiskLevel]] = [
    ("make -j", HIGH),
    ("make -j all", HIGH),
    ("make --jobs", HIGH),
    ("gmake -j -k", HIGH),
    ("sudo make -j install", HIGH),
    ("ninja -j 0", HIGH),
    ("ninja -j0 -C build", HIGH),
]

MEMORY_LOOPS: list[tuple[str, RiskLevel]] = [
    ("Rscript -e 'x <- list(); repeat x[[length(x) + 1]] <- numeric(1e8)'", HIGH),
    ("Rscript -e 'x <- c(); while (TRUE) x <- c(x, runif(1e7))'", HIGH),
    ("R -e 'l <- list(); repeat { l <- c(l, list(rnorm(1e8))) }'", HIGH),
    ("Rscript -e 'v <- list(); while (1) v[[length(v) + 1]] <- matrix(0, 1e4, 1e4)'", HIGH),
]

WRITTEN_UMASK: list[tuple[str, RiskLevel]] = [
    ("sudo ex -sc '$a|umask 000' -cx /etc/profile", HIGH),
    ("sudo vim -es -c '$a|umask 0000' -c 'wq' /etc/bash.bashrc", HIGH),
    ("ex -sc '1i|umask 000' -cx ~/.bashrc", HIGH),
    ("sudo vi -es -c 'normal Goumask 0' -c 'wq' /etc/profile", HIGH),
]

WRITABLE_LABELS: list[tuple[str, RiskLevel]] = [
    ("sudo chcon -R -t httpd_sys_rw_content_t /var/www/html", HIGH),
    ("sudo chcon -R -t httpd_sys_rw_content_t /var/www", HIGH),
    ("sudo chcon --recursive --type=httpd_sys_rw_content_t /usr/share/nginx/html", HIGH),
    ("sudo semanage fcontext -a -t httpd_sys_rw_content_t '/var/www/html(/.*)?'", HIGH),
    ("sudo chcon -R -t public_content_rw_t /srv/www", HIGH),
]

DISK_REPAIRS: list[tuple[str, RiskLevel] | object] = [
    pytest.param("sudo e2fsck -fy /dev/sda1", HIGH, marks=_FSCK_CONFLICT),
]

DANGEROUS = [
    *BACKUP_STORES,
    *BACKUP_FOLDERS,
    *DATA_STORES,
    *SWEEPERS,
    *FIND_PRECEDENCE,
    *FD_HISTORY,
    *TRASH,
    *UNBOUNDED_JOBS,
    *MEMORY_LOOPS,
    *WRITTEN_UMASK,
    *WRITABLE_LABELS,
    *DISK_REPAIRS,
]

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    # one archive, a dry run, one backup
    ("borg delete /mnt/backup/repo::2024-01-01", MODERATE),
    ("borg delete --dry-run /mnt/backup/borg-repo", MODERATE),
    ("tmutil delete /Volumes/TM/Backups.backupdb/mac/2024-01-01-120000", HIGH),
    # a lock file in a repository, one old archive, a scratch copy
    ("rm -rf /srv/backups/borg/lock.roster", MODERATE),
    ("rm /srv/backups/old.tar.gz", MODERATE),
    ("rm -rf /tmp/backup", MODERATE),
    # deeper trees, the trash kept, reads
    ("hdfs dfs -rm -r -skipTrash /user/alice/tmp/job-42/output", HIGH),
    ("hdfs dfs -rm -r /data/warehouse", HIGH),
    ("hdfs dfs -ls /data/warehouse", SAFE),
    ("hdfs dfs -du -h /user/analytics", SAFE),
    # a sweeper on one folder, a test run
    ("rdfind -deleteduplicates true ~/Downloads", HIGH),
    ("tmpwatch 24 /tmp", MODERATE),
    ("tmpwatch --test 1 /home", SAFE),
    ("rdfind -dryrun true /", SAFE),
    ("fdupes -r /home", SAFE),
    # find's alternatives grouped, compiled files only
    ("find . \\( -name '*.pyc' -o -name '*.pyo' \\) -delete", MODERATE),
    ("find . -name '*.py' -o -name '*.pyc' -delete", MODERATE),
    ("find . -name '*.pyc' -exec rm -f {} +", MODERATE),
    ("find build -name '*.js' -delete", MODERATE),
    ("find . -name '*.py' -o -name '*.pyc'", SAFE),
    # fd listing, or deleting what rebuilds itself
    ("fd -HI -t d '^\\.git$' ~/code", SAFE),
    ("fd -t d '^node_modules$' ~/code -X rm -rf", MODERATE),
    # one file to the trash, a look inside
    ("gio trash --list", SAFE),
    ("ls ~/.local/share/Trash/files", SAFE),
    # builds with a job limit
    ("make -j8", MODERATE),
    ("make -j 4", MODERATE),
    ("ninja -j 8", MODERATE),
    ("make -k", MODERATE),
    # R that ends
    ("Rscript -e 'x <- numeric(1e6); print(sum(x))'", MODERATE),
    ("Rscript -e 'for (i in 1:10) print(i)'", MODERATE),
    # an ordinary umask, an ordinary edit
    ("ex -sc '$a|umask 022' -cx ~/.bashrc", MODERATE),
    ("ex -sc '%s/foo/bar/g' -cx notes.txt", MODERATE),
    # the upload folder only, a read-only label, reads
    ("sudo chcon -R -t httpd_sys_rw_content_t /var/www/html/uploads", MODERATE),
    ("sudo chcon -R -t httpd_sys_content_t /var/www/html", MODERATE),
    ("matchpathcon /var/www/html", SAFE),
    ("matchpathcon -V /var/www/html/index.html", SAFE),
    ("getsebool httpd_can_network_connect", SAFE),
    # fsck that only looks
    ("sudo e2fsck -n /dev/sdb1", SAFE),
    # prlimit that only shows
    ("prlimit --pid 1234 --nofile", SAFE),
    ("prlimit --pid 4242 --nofile --nproc", SAFE),
    ("prlimit -p 99 -n", SAFE),
    ("prlimit --nofile", SAFE),
    ("prlimit --pid 1234 --nofile=65536", MODERATE),
    # backup dry runs
    ("restic -r /mnt/backup forget --keep-daily 7 --dry-run", SAFE),
    ("restic -r sftp:nas:/backup forget --keep-last 1 --prune --dry-run", SAFE),
    ("borg prune --list --dry-run --keep-daily=7 /mnt/backup/repo", SAFE),
    ("borg prune -n --keep-weekly=4 /mnt/backup/borg-repo", SAFE),
    ("restic forget --keep-daily 7 --prune", MODERATE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
