"""What a download from the Hugging Face Hub will fetch: files, sizes, checksums, commit.

Asked before anything is written, so that the free-disk check knows the size and the checksum
check knows the hash. Every request here fails at once when the Hub cannot be reached: the
fast `hub_offers` check runs first, and huggingface-hub is told not to retry.
"""

from __future__ import annotations

import fnmatch
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from tui.core.errors import CaroError
from tui.core.models import hub
from tui.core.models import store as model_store

SHA256 = re.compile(r"[0-9a-f]{64}")
GIT_SHA1 = re.compile(r"[0-9a-f]{40}")
# A short wait for the Hub's metadata answer: a slow answer is no better than no answer here.
METADATA_TIMEOUT_S = 10.0
# What mlx-lm needs from a model repo (and no more).
MLX_PATTERNS = ("*.json", "*.safetensors", "*.py", "*.jinja", "tokenizer.model", "*.tiktoken")


class DownloadError(CaroError):
    """A download that could not happen or did not finish; nothing of it was left behind."""

    def __init__(self, message: str, fix: str = "", *, reason: str = "failed") -> None:
        super().__init__(message, fix)
        # offline, not-found, gated, disk, checksum, interrupted, cancelled, failed
        self.reason = reason

    def __str__(self) -> str:
        return self.message + (f" — {self.fix}" if self.fix else "")


@dataclass(frozen=True)
class RemoteFile:
    path: str  # inside the repo
    size: int | None
    sha256: str | None = None  # LFS files: the content's sha256, as the Hub reports it
    git_sha1: str | None = None  # small files: the git blob id


@dataclass(frozen=True)
class DownloadPlan:
    repo_id: str
    revision: str  # the commit the Hub answered with: every file comes from it
    files: tuple[RemoteFile, ...]
    # "file": one file lands in the models folder; "folder": a repo lands as a folder.
    layout: str = "file"

    @property
    def total_bytes(self) -> int | None:
        sizes = [f.size for f in self.files]
        return None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)

    @property
    def source(self) -> str:
        if self.layout == "file":
            return f"hf:{self.repo_id}/{self.files[0].path}"
        return f"hf:{self.repo_id}"


def manual_command(repo_id: str, path: str, directory: Path | None = None) -> str:
    return hub.manual_download_command(hub.HubFile(repo_id, path), directory)


def manual_repo_command(repo_id: str, directory: Path | None = None) -> str:
    target = model_store.mlx_path(repo_id, directory)
    includes = " ".join(f"--include {shlex.quote(pattern)}" for pattern in MLX_PATTERNS)
    return f"hf download {shlex.quote(repo_id)} {includes} --local-dir {shlex.quote(str(target))}"


def ensure_reachable(
    repo_id: str, path: str, directory: Path | None = None, manual: str = ""
) -> None:
    """The fast check (well under two seconds offline), before huggingface-hub is asked.

    A Hub that answers with an error (404, 401) is reachable: huggingface-hub's own request
    then says precisely what is wrong.
    """
    status, why_not = hub.hub_status(hub.HubFile(repo_id, path))
    if status is None:
        first = (
            "unset HF_HUB_OFFLINE to let caro download it"
            if hub.hub_offline()
            else "check the network and try again"
        )
        raise DownloadError(
            f"cannot download {repo_id}/{path}: {why_not}",
            f"{first}, or download it by hand: "
            + (manual or manual_command(repo_id, path, directory)),
            reason="offline",
        )


def plan_file(repo_id: str, path: str, directory: Path | None = None) -> DownloadPlan:
    """One file: its size, sha256 and commit, from one HEAD request (no retry)."""
    ensure_reachable(repo_id, path, directory)
    remote, commit = _head(repo_id, path, "main", directory)
    return DownloadPlan(repo_id, commit, (remote,), "file")


def plan_repo(
    repo_id: str, patterns: tuple[str, ...] = MLX_PATTERNS, directory: Path | None = None
) -> DownloadPlan:
    """The files of a model repo that match `patterns`, all at one commit."""
    ensure_reachable(repo_id, "config.json", directory, manual_repo_command(repo_id, directory))
    _config, commit = _head(repo_id, "config.json", "main", directory)
    from huggingface_hub import HfApi
    from huggingface_hub.hf_api import RepoFile

    try:
        entries = HfApi(endpoint=hub.hub_endpoint()).list_repo_tree(
            repo_id, recursive=True, revision=commit
        )
        files = tuple(
            RemoteFile(
                path=entry.path,
                size=entry.lfs.size if entry.lfs else entry.size,
                sha256=entry.lfs.sha256 if entry.lfs else None,
                git_sha1=None if entry.lfs else entry.blob_id,
            )
            for entry in entries
            if isinstance(entry, RepoFile) and _wanted(entry.path, patterns)
        )
    except Exception as error:  # noqa: BLE001 - mapped to a DownloadError with a fix
        raise hub_error(error, repo_id, "config.json", directory) from None
    if not any(f.path.endswith(".safetensors") for f in files):
        raise DownloadError(
            f"{repo_id} has no .safetensors weights: not an MLX model",
            "pick an MLX conversion (mlx-community/...) or a GGUF file",
            reason="not-found",
        )
    return DownloadPlan(repo_id, commit, files, "folder")


def _wanted(path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)


def _head(repo_id: str, path: str, revision: str, directory: Path | None) -> tuple[RemoteFile, str]:
    from huggingface_hub import get_hf_file_metadata, hf_hub_url

    url = hf_hub_url(repo_id, path, revision=revision, endpoint=hub.hub_endpoint())
    try:
        meta = get_hf_file_metadata(url, timeout=METADATA_TIMEOUT_S, retry_on_errors=False)
    except Exception as error:  # noqa: BLE001 - mapped to a DownloadError with a fix
        raise hub_error(error, repo_id, path, directory) from None
    if not meta.commit_hash or not meta.etag:
        raise DownloadError(
            f"{hub.hub_endpoint()} answered for {repo_id}/{path} without the Hub's headers "
            "(X-Repo-Commit, ETag): is HF_ENDPOINT a Hugging Face Hub?",
            "unset HF_ENDPOINT, or point it at a Hub mirror",
            reason="failed",
        )
    etag = str(meta.etag).lower()
    remote = RemoteFile(
        path=path,
        size=meta.size,
        sha256=etag if SHA256.fullmatch(etag) else None,
        git_sha1=etag if GIT_SHA1.fullmatch(etag) else None,
    )
    return remote, str(meta.commit_hash)


def hub_error(error: Exception, repo_id: str, path: str, directory: Path | None) -> DownloadError:
    """huggingface-hub's and the network's exceptions, in the person's words, with a fix."""
    import httpx2
    from huggingface_hub import errors

    manual = manual_command(repo_id, path, directory)
    name = type(error).__name__
    if isinstance(error, errors.GatedRepoError):
        return DownloadError(
            f"{repo_id} is gated: its licence must be accepted on the Hub first",
            "accept it on the model's page, then set HF_TOKEN to an access token",
            reason="gated",
        )
    if isinstance(error, errors.RepositoryNotFoundError):
        return DownloadError(
            f"{repo_id} is not on the Hub (or is private)",
            "check the name with `caro models list`; for a private repo set HF_TOKEN",
            reason="not-found",
        )
    if isinstance(error, (errors.RemoteEntryNotFoundError, errors.RevisionNotFoundError)):
        return DownloadError(
            f"{repo_id} has no file {path}",
            "check the file name on the model's page",
            reason="not-found",
        )
    if isinstance(error, errors.HfHubHTTPError):
        status = error.response.status_code if error.response is not None else "?"
        return DownloadError(
            f"the Hub answered HTTP {status} for {repo_id}/{path}",
            f"try again later, or download it by hand: {manual}",
            reason="failed",
        )
    if isinstance(error, (httpx2.TransportError, errors.LocalEntryNotFoundError)):
        return DownloadError(
            f"the Hub stopped answering ({name}) for {repo_id}/{path}",
            f"check the network and try again, or download it by hand: {manual}",
            reason="offline",
        )
    return DownloadError(
        f"asking the Hub about {repo_id}/{path} failed: {name}: {error}",
        f"try again, or download it by hand: {manual}",
        reason="failed",
    )
