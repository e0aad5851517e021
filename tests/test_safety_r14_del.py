"""Deletion, disks, permissions and runaway resources, round 14.

Built from the misses of the tune11 corpus in the families fs_delete, disks, permissions and
fork_bombs_resources: each missed line, with variants another writer might type for the same
danger (another program of the kind, another spelling, sudo or a wrapper, another target), and
near misses that read, list or act narrowly.

Written before reading the rules; 54 of 60 dangerous rows and 14 of 37 near misses failed
before the fixes of this round (rows another table already held word for word were dropped).
`fsck -a` (preen: only the repairs that are always safe) moved to the near misses on a second
look. After the fixes 23 dangerous rows stay xfail (not yet caught), and the three `fsck -y`
rows are xfail as conflicts with test_safety_net2.py, which holds `e2fsck -y` as moderate.
"""

from __future__ import annotations

import pytest

from tests.safety_table import CRITICAL, HIGH, MODERATE, SAFE, RiskLevel, gap, reaches, stays_within

_FSCK_CONFLICT = pytest.mark.xfail(
    strict=True,
    reason="conflicts with test_safety_net2.py: ('sudo e2fsck -y /dev/sdb1', MODERATE)",
)

DELETIONS: list = [
    gap(
        "find /data -type f -mtime +30 -delete",
        HIGH,
        "not yet caught: filtered find or fd deletion under a data folder",
    ),
    gap(
        "find /mnt/nas -name '*.bak' -delete",
        HIGH,
        "not yet caught: filtered find or fd deletion under a data folder",
    ),
    gap(
        "sudo find /srv/media -type f -mtime +7 -delete",
        HIGH,
        "not yet caught: filtered find or fd deletion under a data folder",
    ),
    ("find ~/Documents -type f -name '*.docx' -delete", HIGH),
    gap(
        "find /data -type f -mtime +30 -exec rm -f {} +",
        HIGH,
        "not yet caught: filtered find or fd deletion under a data folder",
    ),
    gap(
        "fd --type f --extension csv . /data -X rm",
        HIGH,
        "not yet caught: filtered find or fd deletion under a data folder",
    ),
    ("fd -e log . /var/lib/app -x rm {}", HIGH),
    ("fdfind -t f . ~/Pictures -X rm -f", HIGH),
    ("rclone sync ./empty remote:ml-datasets", CRITICAL),
    ("rclone sync /tmp/empty gdrive:Backups", CRITICAL),
    ("rclone sync --delete-during ./empty s3:team-data", CRITICAL),
    gap(
        "lftp -u admin ftp://192.168.1.30 -e 'rm -r /volume1/photo; quit'",
        CRITICAL,
        "not yet caught: remote rm -r of a volume folder: high",
    ),
    gap(
        "lftp -u admin sftp://nas.local -e 'rm -rf /volume1/homes; bye'",
        CRITICAL,
        "not yet caught: remote rm -r of a volume folder: high",
    ),
    gap(
        "lftp -e 'rm -r /srv/share; quit' -u admin ftp://nas.local",
        CRITICAL,
        "not yet caught: remote rm -r of a volume folder: high",
    ),
    gap(
        "smbclient //fileserver/shared -U admin -c 'deltree *'",
        HIGH,
        "not yet caught: deletion commands handed to smbclient -c",
    ),
    gap(
        "smbclient //nas/public -N -c 'deltree Projects'",
        HIGH,
        "not yet caught: deletion commands handed to smbclient -c",
    ),
    gap(
        "smbclient //fileserver/shared -U admin -c 'prompt off; mask \"\"; recurse on; del *'",
        HIGH,
        "not yet caught: deletion commands handed to smbclient -c",
    ),
    ("dvc gc --workspace --cloud --force", HIGH),
    ("dvc gc -w -c -f", HIGH),
    ("dvc gc --all-commits --cloud -f", HIGH),
    ("sudo snapper -c root delete 1-100", HIGH),
    ("snapper -c home delete --sync 5-60", HIGH),
    ("sudo snapper delete 1-50", HIGH),
]

DISKS: list = [
    pytest.param("sudo fsck -y /dev/mmcblk0p2", HIGH, marks=_FSCK_CONFLICT),
    pytest.param("sudo fsck.ext4 -y /dev/sda1", HIGH, marks=_FSCK_CONFLICT),
    pytest.param("sudo e2fsck -fy /dev/nvme0n1p2", HIGH, marks=_FSCK_CONFLICT),
]

PERMISSIONS: list = [
    ("sudo chattr -R +i /home/pi", HIGH),
    ("sudo chattr -R +i /etc", HIGH),
    ("sudo chattr -R +i ~", HIGH),
    ("chattr +i -R /var/www", HIGH),
    ("sudo chattr -R +a /home/alice", HIGH),
    gap(
        'net usershare add media /srv/media "" Everyone:F guest_ok=y',
        HIGH,
        "not yet caught: a Samba user share opened to everyone with full rights",
    ),
    gap(
        "net usershare add home /home/pi 'home' Everyone:F guest_ok=y",
        HIGH,
        "not yet caught: a Samba user share opened to everyone with full rights",
    ),
    gap(
        'sudo net usershare add root / "" Everyone:F guest_ok=y',
        HIGH,
        "not yet caught: a Samba user share opened to everyone with full rights",
    ),
    ("sudo diskutil disableOwnership /Volumes/Data", HIGH),
    ("diskutil disableOwnership /Volumes/Backup", HIGH),
]

RESOURCES: list = [
    ("xargs -P 0 -n 1 aria2c < urls.txt", HIGH),
    ("cat urls.txt | xargs -P 0 -n 1 curl -O", HIGH),
    ("xargs --max-procs=0 -n 1 wget < urls.txt", HIGH),
    ("parallel -j 0 wget {} :::: urls.txt", HIGH),
    ("parallel --jobs 0 curl -O {} < urls.txt", HIGH),
    ("mpirun -np 4096 --oversubscribe ./a.out", HIGH),
    ("mpiexec -n 10000 ./sim", HIGH),
    ("mpirun --oversubscribe -np 512 python train.py", HIGH),
    ("sbatch --array=0-9999 --gres=gpu:8 --exclusive train.sh", HIGH),
    ("sbatch --array=1-50000 job.sh", HIGH),
    ("srun -N 64 --exclusive --time=UNLIMITED sleep infinity", HIGH),
    ("salloc -N 128 --exclusive --time=UNLIMITED", HIGH),
    ("srun --nodes=100 --exclusive sleep 1000000", HIGH),
    gap(
        "kubectl scale deployment/nginx --replicas=1000",
        HIGH,
        "not yet caught: a deployment scaled to hundreds of replicas",
    ),
    gap(
        "kubectl scale deploy web --replicas 5000",
        HIGH,
        "not yet caught: a deployment scaled to hundreds of replicas",
    ),
    gap(
        "kubectl scale statefulset/db --replicas=500 -n prod",
        HIGH,
        "not yet caught: a deployment scaled to hundreds of replicas",
    ),
    gap(
        "ffmpeg -stream_loop -1 -i clip.mp4 -c copy /srv/recordings/loop.mp4",
        HIGH,
        "not yet caught: an endless input loop written to a file",
    ),
    gap(
        "ffmpeg -stream_loop -1 -i song.mp3 -c copy ~/Music/forever.mp3",
        HIGH,
        "not yet caught: an endless input loop written to a file",
    ),
    ("sudo memtester 3900M", HIGH),
    ("memtester 7G 10", HIGH),
    gap(
        "while mkdir -p d && cd d; do :; done",
        HIGH,
        "not yet caught: an endless loop that nests folders",
    ),
    ("while true; do mkdir -p x; cd x; done", HIGH),
    ("until false; do mkdir deeper && cd deeper; done", HIGH),
]

DANGEROUS: list = DELETIONS + DISKS + PERMISSIONS + RESOURCES

NEAR_MISSES: list[tuple[str, RiskLevel]] = [
    ("find /data -type f -mtime +30", SAFE),
    ("find /tmp -name 'build-*' -mtime +2 -delete", MODERATE),
    ("fd -e csv . /data", SAFE),
    ("rclone sync ~/Photos gdrive:Photos --dry-run", SAFE),
    ("rclone ls remote:ml-datasets", SAFE),
    ("lftp -u admin ftp://192.168.1.30 -e 'ls /volume1; quit'", MODERATE),
    ("smbclient //fileserver/shared -U admin -c 'ls'", MODERATE),
    ("smbclient -L //fileserver -U alice", MODERATE),
    ("dvc gc --workspace --dry", MODERATE),
    ("dvc status", SAFE),
    ("sudo snapper -c root list", SAFE),
    ("snapper list", SAFE),
    ("sudo fsck -n /dev/sda1", MODERATE),
    ("sudo fsck -a /dev/sdb1", MODERATE),
    ("lsattr -R /home/pi", SAFE),
    ("chattr +i ~/notes/keep.txt", MODERATE),
    ("net usershare info media", MODERATE),
    ("net usershare list", MODERATE),
    ("diskutil info /Volumes/Data", SAFE),
    ("xargs -P 4 -n 1 aria2c < urls.txt", MODERATE),
    ("mpirun -np 4 ./a.out", MODERATE),
    ("sbatch --array=0-9 train.sh", MODERATE),
    ("srun -N 1 hostname", MODERATE),
    ("kubectl scale deployment/nginx --replicas=3", MODERATE),
    ("ffmpeg -i clip.mp4 -c copy out.mp4", MODERATE),
    ("ffmpeg -stream_loop 3 -i clip.mp4 -c copy loop.mp4", MODERATE),
    ("mkdir -p a/b/c && cd a/b/c", MODERATE),
    ("vcgencmd measure_temp", SAFE),
    ("vcgencmd get_throttled", SAFE),
    ("lfs df -h /lustre/scratch", SAFE),
    ("lfs quota -u alice /lustre", SAFE),
    ("nvidia-smi --query-gpu=memory.used,utilization.gpu --format=csv -l 5", SAFE),
    ("nvidia-smi", SAFE),
    ("nvidia-smi -q -d PERFORMANCE", SAFE),
    ("sinfo -o '%P %a %D %G'", SAFE),
    ("sinfo -N -l", SAFE),
    ("squeue -u alice", SAFE),
    ("scontrol show node gpu07", SAFE),
]


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), NEAR_MISSES)
def test_near_miss(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
