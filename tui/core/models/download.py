"""Downloads a planned set of Hub files into the models folder, all or nothing.

Every file goes into a staging folder inside the models folder (same disk, so the final move
is an atomic rename), through huggingface-hub with a progress hook. Each file's checksum is
checked against the one the Hub reported (the sha256 of LFS files, the git blob id of small
ones) before anything is moved into place. On any failure, a cancel or Ctrl-C the staging
folder is deleted: the models folder only ever holds complete, verified files. A staging
folder left by a process that was killed is deleted by the next pull.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import time
import uuid
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from tui.core import paths
from tui.core.models import hub, manifest
from tui.core.models import store as model_store
from tui.core.models.hub_plan import (
    DownloadError,
    DownloadPlan,
    RemoteFile,
    hub_error,
    manual_command,
    plan_file,
    plan_repo,
)
from tui.core.models.progress import DownloadCancelled, TransferProgress

STAGING_PREFIX = model_store.STAGING_PREFIX
# Room kept free besides the files themselves (the manifest, the file system's own needs).
DISK_MARGIN_BYTES = 16 * 1024 * 1024
HASH_CHUNK = 4 * 1024 * 1024
# Errors of the local disk, said as such (not as a failure of the Hub).
LOCAL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS})


class DiskUsage(NamedTuple):
    total: int
    used: int
    free: int


DiskUsageFn = Callable[[Path], DiskUsage]


def _disk_usage(path: Path) -> DiskUsage:
    usage = shutil.disk_usage(path)
    return DiskUsage(usage.total, usage.used, usage.free)


@dataclass(frozen=True)
class PullResult:
    path: Path
    plan: DownloadPlan
    seconds: float
    already_present: bool = False


def target_for(plan: DownloadPlan, directory: Path) -> Path:
    if plan.layout == "file":
        return model_store.gguf_path(plan.files[0].path, directory)
    return model_store.mlx_path(plan.repo_id, directory)


def check_disk(plan: DownloadPlan, directory: Path, disk_usage: DiskUsageFn = _disk_usage) -> None:
    needed = plan.total_bytes
    if needed is None:
        return  # the Hub gave no size: nothing to compare (the download itself will tell)
    free = disk_usage(directory).free
    if free < needed + DISK_MARGIN_BYTES:
        raise DownloadError(
            f"not enough free disk space for {plan.source}: it needs {_mb(needed)}, "
            f"{_mb(free)} are free in {directory}",
            "free some space (`caro models rm NAME` removes a model), or set CARO_MODELS_DIR "
            "to a folder on a bigger disk",
            reason="disk",
        )


def pull_file(
    repo_id: str,
    path: str,
    directory: Path | None = None,
    progress: TransferProgress | None = None,
    *,
    force: bool = False,
    disk_usage: DiskUsageFn = _disk_usage,
    expected_sha256: str | None = None,
) -> PullResult:
    """One file of a Hub repo (a GGUF model) into the models folder."""
    directory = directory or paths.models_dir()
    present = model_store.gguf_path(path, directory)
    if present.exists() and not force:  # no network needed for what is already here
        plan = DownloadPlan(repo_id, "", (RemoteFile(path, present.stat().st_size),))
        return PullResult(present, plan, 0.0, already_present=True)
    plan = plan_file(repo_id, path, directory)
    return fetch(
        plan,
        directory,
        progress,
        force=force,
        disk_usage=disk_usage,
        expected_sha256=expected_sha256,
    )


def pull_repo(
    repo_id: str,
    directory: Path | None = None,
    progress: TransferProgress | None = None,
    *,
    force: bool = False,
    disk_usage: DiskUsageFn = _disk_usage,
) -> PullResult:
    """A model repo (an MLX model: config, tokenizer, safetensors) as one folder."""
    directory = directory or paths.models_dir()
    present = model_store.mlx_path(repo_id, directory)
    if present.is_dir() and not force:
        return PullResult(present, DownloadPlan(repo_id, "", (), "folder"), 0.0, True)
    plan = plan_repo(repo_id, directory=directory)
    return fetch(plan, directory, progress, force=force, disk_usage=disk_usage)


def fetch(
    plan: DownloadPlan,
    directory: Path | None = None,
    progress: TransferProgress | None = None,
    *,
    force: bool = False,
    disk_usage: DiskUsageFn = _disk_usage,
    expected_sha256: str | None = None,
) -> PullResult:
    """Downloads the plan's files and moves them into place once all are verified."""
    directory = directory or paths.models_dir()
    directory.mkdir(parents=True, exist_ok=True)
    progress = progress or TransferProgress()
    target = target_for(plan, directory)
    started = time.monotonic()
    if target.exists() and not force:
        return PullResult(target, plan, 0.0, already_present=True)
    check_disk(plan, directory, disk_usage)
    sweep_stale_staging(directory)
    staging = directory / f"{STAGING_PREFIX}{os.getpid()}-{uuid.uuid4().hex[:8]}"
    staging.mkdir()
    try:
        progress.begin(plan.total_bytes, len(plan.files))
        for remote in plan.files:
            local = _download_one(plan, remote, staging, progress, directory)
            wanted = expected_sha256 if plan.layout == "file" and expected_sha256 else None
            progress.set_phase("verifying")
            verify(local, remote, wanted)
            progress.file_done()
        _move_into_place(plan, staging, target)
        manifest.record(directory, target, plan)
        progress.set_phase("done")
    except DownloadCancelled:
        raise DownloadError(
            f"the download of {plan.source} was cancelled; nothing of it was kept",
            reason="cancelled",
        ) from None
    except OSError as error:
        raise _os_error(error, plan, directory) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return PullResult(target, plan, time.monotonic() - started)


def _download_one(
    plan: DownloadPlan,
    remote: RemoteFile,
    staging: Path,
    progress: TransferProgress,
    directory: Path,
) -> Path:
    from huggingface_hub import hf_hub_download

    progress.file_started(remote.path)
    try:
        with warnings.catch_warnings():
            # Its own free-space warning: caro checked before starting and says it better.
            warnings.simplefilter("ignore", UserWarning)
            local = hf_hub_download(
                repo_id=plan.repo_id,
                filename=remote.path,
                revision=plan.revision,
                local_dir=staging,
                endpoint=hub.hub_endpoint(),
                tqdm_class=progress.tqdm_class(),
            )
    except DownloadCancelled:
        raise
    except Exception as error:  # huggingface-hub's many kinds, each said with a fix
        if isinstance(error, OSError) and error.errno in LOCAL_ERRNOS:
            raise  # the disk or permissions: said by _os_error
        raise _failure(error, plan, remote, progress, directory) from None
    return Path(local)


def _failure(
    error: Exception,
    plan: DownloadPlan,
    remote: RemoteFile,
    progress: TransferProgress,
    directory: Path,
) -> DownloadError:
    failure = hub_error(error, plan.repo_id, remote.path, directory)
    if not progress.done:
        return failure
    return DownloadError(
        f"the download of {plan.source} stopped after {_mb(progress.done)}: "
        f"{failure.message}; nothing of it was kept",
        "run the same pull again (it starts over), or download it by hand: "
        + manual_command(plan.repo_id, remote.path, directory),
        reason="interrupted",
    )


def verify(path: Path, remote: RemoteFile, expected_sha256: str | None = None) -> None:
    """The file's size and checksum against what the catalogue or the Hub said."""
    size = path.stat().st_size
    if remote.size is not None and size != remote.size:
        raise DownloadError(
            f"{remote.path} arrived with {size} bytes, the Hub announced {remote.size}; "
            "nothing of it was kept",
            "run the same pull again",
            reason="interrupted",
        )
    wanted = expected_sha256 or remote.sha256
    if wanted:
        got = file_sha256(path)
        kind = "sha256"
    elif remote.git_sha1:
        wanted, got, kind = remote.git_sha1, git_blob_sha1(path), "git blob id"
    else:
        return
    if got != wanted.lower():
        raise DownloadError(
            f"{remote.path} does not match its checksum ({kind} {got[:16]}..., expected "
            f"{wanted[:16]}...): the bytes received are not the published file; "
            "nothing of it was kept",
            "run the same pull again; if it happens again, the mirror or a proxy is "
            "changing the file (check HF_ENDPOINT and proxy settings)",
            reason="checksum",
        )


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def git_blob_sha1(path: Path) -> str:
    """Git's id of a file's content: sha1 of "blob <size>\\0" and the bytes."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(f"blob {path.stat().st_size}\0".encode())
    with path.open("rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _move_into_place(plan: DownloadPlan, staging: Path, target: Path) -> None:
    if plan.layout == "file":
        os.replace(staging / plan.files[0].path, target)
        return
    # The repo's files without huggingface-hub's bookkeeping become the model folder.
    shutil.rmtree(staging / ".cache", ignore_errors=True)
    folder = staging.with_name(staging.name + ".ready")
    os.replace(staging, folder)
    target.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if target.exists():
        old = target.with_name(f"{STAGING_PREFIX}{os.getpid()}-old-{uuid.uuid4().hex[:8]}")
        os.replace(target, old)
    try:
        os.replace(folder, target)
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(folder, ignore_errors=True)


def sweep_stale_staging(directory: Path) -> list[Path]:
    """Deletes staging folders whose process no longer runs (killed mid-download)."""
    removed = []
    for folder in [*directory.glob(f"{STAGING_PREFIX}*"), *directory.glob(f"*/{STAGING_PREFIX}*")]:
        pid_text = folder.name.removeprefix(STAGING_PREFIX).split("-", 1)[0]
        if pid_text.isdigit() and not _alive(int(pid_text)):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _os_error(error: OSError, plan: DownloadPlan, directory: Path) -> DownloadError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DownloadError(
            f"the disk filled up while downloading {plan.source}; nothing of it was kept",
            "free some space, or set CARO_MODELS_DIR to a folder on a bigger disk",
            reason="disk",
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return DownloadError(
            f"cannot write into {directory}: {error.strerror}",
            f"make it writable (chmod u+w {directory}) or set CARO_MODELS_DIR",
            reason="failed",
        )
    return DownloadError(
        f"the download of {plan.source} failed: {error}; nothing of it was kept",
        "run the same pull again",
        reason="failed",
    )


def _mb(count: int) -> str:
    if count >= 1e9:
        return f"{count / 1e9:.2f} GB"
    return f"{count / 1e6:.1f} MB"
