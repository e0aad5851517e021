"""What a model id says about the model, and which engine can run it.

Servers list models by id only (`Qwen/Qwen2.5-Coder-1.5B-Instruct`, `qwen2.5-coder:1.5b`,
`mlx-community/gemma-4-E4B-it-4bit`). `infer()` reads family, provider, capabilities, size,
quantization and a context-length estimate from the id through the tables below; a figure the
server gives (context length, size, quantization) always wins over the estimate.
`choose_engine()` picks an engine by weight format, quantization and platform, with the reason.
"""

from __future__ import annotations

import functools
import itertools
import os
import platform
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from tui.core.backends.base import Capability, ModelInfo

# ---------------------------------------------------------------------------------------------
# Tables. Each family row: id pattern (searched in the lowercased id), family, provider,
# context length when the id does not say, whether its instruct models call tools, reasoning.


@dataclass(frozen=True)
class Family:
    pattern: re.Pattern[str]
    name: str
    provider: str
    context: int
    tools: bool = True
    reasoning: bool = False
    vision: bool = False


def _family(
    pattern: str,
    name: str,
    provider: str,
    context: int,
    *,
    tools: bool = True,
    reasoning: bool = False,
    vision: bool = False,
) -> Family:
    return Family(re.compile(pattern), name, provider, context, tools, reasoning, vision)


# First match wins: specific rows come before the general ones they would also match.
FAMILIES: tuple[Family, ...] = (
    # Distilled models are named after their teacher: "DeepSeek-R1-Distill-Qwen-7B" is R1.
    _family(r"deepseek[-_.]?r1", "deepseek-r1", "DeepSeek", 131_072, reasoning=True),
    _family(r"deepseek[-_.]?coder", "deepseek-coder", "DeepSeek", 16_384),
    _family(r"deepseek", "deepseek", "DeepSeek", 131_072),
    _family(r"qwen3", "qwen3", "Qwen", 32_768, reasoning=True),
    _family(r"qwen2\.?5[-_.]?vl", "qwen2.5-vl", "Qwen", 32_768, vision=True),
    _family(r"qwen2[-_.]?vl", "qwen2-vl", "Qwen", 32_768, vision=True),
    _family(r"qwq", "qwq", "Qwen", 32_768, reasoning=True),
    _family(r"qwen2", "qwen2", "Qwen", 32_768),
    _family(r"qwen", "qwen", "Qwen", 8_192, tools=False),
    _family(r"tinyllama", "tinyllama", "TinyLlama", 2_048, tools=False),
    _family(r"codellama", "codellama", "Meta", 16_384, tools=False),
    _family(
        r"llama[-_.]?3[-_.]?2[-_.]?(?:\d+b[-_.])?vision", "llama-3", "Meta", 131_072, vision=True
    ),
    _family(r"llama[-_.]?3[-_.][1-9](?![0-9]*b)", "llama-3", "Meta", 131_072),
    _family(r"llama[-_.]?3", "llama-3", "Meta", 8_192),
    _family(r"llama[-_.]?4", "llama-4", "Meta", 131_072, vision=True),
    _family(r"llama[-_.]?2", "llama-2", "Meta", 4_096, tools=False),
    _family(r"llava|bakllava", "llava", "LLaVA", 4_096, tools=False, vision=True),
    _family(r"mixtral", "mixtral", "Mistral AI", 32_768),
    _family(r"magistral", "mistral", "Mistral AI", 40_960, reasoning=True),
    _family(r"pixtral", "mistral", "Mistral AI", 131_072, vision=True),
    _family(r"mistral|ministral|codestral|devstral", "mistral", "Mistral AI", 32_768),
    _family(r"phi[-_.]?3", "phi-3", "Microsoft", 4_096),
    _family(r"phi[-_.]?4.*reasoning", "phi-4", "Microsoft", 32_768, reasoning=True),
    _family(r"phi[-_.]?4", "phi-4", "Microsoft", 16_384),
    _family(r"gemma[-_.]?3n", "gemma-3n", "Google", 32_768, tools=False, vision=True),
    _family(r"gemma[-_.]?3", "gemma-3", "Google", 131_072, tools=False, vision=True),
    _family(r"gemma[-_.]?2", "gemma-2", "Google", 8_192, tools=False),
    # Gemma 4 is recognised by segments (see _is_gemma_4), never by this pattern.
    _family(r"codegemma", "codegemma", "Google", 8_192, tools=False),
    _family(r"gemma", "gemma", "Google", 8_192, tools=False),
    _family(r"smollm3", "smollm3", "Hugging Face", 65_536, reasoning=True),
    _family(r"smollm2?", "smollm2", "Hugging Face", 8_192, tools=False),
    _family(r"gpt[-_.]?oss", "gpt-oss", "OpenAI", 131_072, reasoning=True),
    _family(r"granite", "granite", "IBM", 131_072),
    _family(r"starcoder", "starcoder", "BigCode", 16_384, tools=False),
    _family(r"moondream", "moondream", "vikhyatk", 2_048, tools=False, vision=True),
    _family(r"minicpm[-_.]?v", "minicpm-v", "OpenBMB", 32_768, tools=False, vision=True),
    _family(r"olmo", "olmo", "Ai2", 4_096, tools=False),
    _family(r"command[-_.]?r", "command-r", "Cohere", 131_072),
)

GEMMA_4 = Family(re.compile("$^"), "gemma-4", "Google", 131_072, True, True, True)

# Embedding (and reranking) models cannot generate text.
EMBEDDING_MARKERS = re.compile(
    r"embed|(?<![a-z])bge(?![a-z])|minilm|(?<![a-z])e5(?![a-z0-9])|(?<![a-z])gte(?![a-z])"
    r"|mxbai|snowflake-arctic|rerank|(?<![a-z])colbert|sentence-transformers|mpnet"
)
EMBEDDING_PROVIDERS = (
    ("nomic", "Nomic"),
    ("bge", "BAAI"),
    ("mxbai", "Mixedbread"),
    ("snowflake", "Snowflake"),
    ("minilm", "sentence-transformers"),
    ("mpnet", "sentence-transformers"),
    ("e5", "Microsoft"),
    ("gte", "Alibaba"),
    ("jina", "Jina AI"),
)
VISION_MARKERS = re.compile(r"(?<![a-z])vl(?![a-z])|vision|llava|multimodal|omni(?![a-z])")
REASONING_MARKERS = re.compile(
    r"(?<![a-z])r1(?![a-z0-9])|reasoning|thinking|(?<![a-z])qwq|(?<![a-z])o[134](?![a-z0-9])"
)
BASE_MODEL = re.compile(r"(?<![a-z])base(?![a-z])")
# Context written into the id: "128k", "32k", "1m".
CONTEXT_MARKER = re.compile(r"(?<![a-z0-9.])(\d{1,4})([km])(?![a-z0-9])")
# Parameter counts: "1.5b", "135m", "8x7b" (mixture), "e4b" (Gemma's effective size);
# "26b-a4b" counts 26b (all weights are loaded), never "4bit".
SIZE = re.compile(r"(?<![a-z0-9.])(?:(\d+)x)?e?(\d+(?:\.\d+)?)([bm])(?![a-z0-9])")

# Quantization written into the id, with bits per weight (for the size estimate).
QUANTIZATIONS: tuple[tuple[re.Pattern[str], str, float], ...] = (
    (re.compile(r"(?<![a-z0-9])(i?q[1-8](?:_[a-z0-9]+)*)(?![a-z0-9])"), "", 0.0),
    (re.compile(r"(?<![a-z0-9])mxfp4(?![a-z0-9])"), "MXFP4", 4.25),
    (re.compile(r"(?<![a-z0-9])(\d)[-_]?bits?(?![a-z0-9])"), "", 0.0),
    (re.compile(r"(?<![a-z0-9])awq(?![a-z0-9])"), "AWQ", 4.25),
    (re.compile(r"(?<![a-z0-9])gptq(?:[-_]?int(\d))?(?![a-z0-9])"), "GPTQ", 4.25),
    (re.compile(r"(?<![a-z0-9])(?:bnb[-_]?)?nf4(?![a-z0-9])"), "NF4", 4.25),
    (re.compile(r"(?<![a-z0-9])fp8(?![a-z0-9])"), "FP8", 8.5),
    (re.compile(r"(?<![a-z0-9])(?:int8|w8a8)(?![a-z0-9])"), "INT8", 8.5),
    (re.compile(r"(?<![a-z0-9])(?:int4|w4a16)(?![a-z0-9])"), "INT4", 4.25),
    (re.compile(r"(?<![a-z0-9])bf16(?![a-z0-9])"), "BF16", 16.0),
    (re.compile(r"(?<![a-z0-9])f(?:p)?16(?![a-z0-9])"), "F16", 16.0),
    (re.compile(r"(?<![a-z0-9])f(?:p)?32(?![a-z0-9])"), "F32", 32.0),
)
GGUF_BITS = {"1": 1.8, "2": 2.6, "3": 3.5, "4": 4.6, "5": 5.5, "6": 6.6, "8": 8.5}
DEFAULT_CONTEXT = 8_192


def segments(model_id: str) -> list[str]:
    return [part for part in re.split(r"[/_\-.:\s]+", model_id.lower()) if part]


def _is_gemma_4(parts: list[str]) -> bool:
    """`gemma` then `4` as whole segments (`gemma-4-E4B-it`), or Ollama's one-word `gemma4`.

    Not `gemma-4bit` (a 4-bit Gemma), not `gemma-40` and not `llama-4`.
    """
    pairs = itertools.pairwise(parts)
    return "gemma4" in parts or any(a == "gemma" and b == "4" for a, b in pairs)


@functools.lru_cache(maxsize=4096)
def family_of(model_id: str) -> Family | None:
    lowered = model_id.lower()
    if "gemma" in lowered and _is_gemma_4(segments(model_id)):
        return GEMMA_4
    if not _ANY_FAMILY.search(lowered):
        return None  # one search instead of one per family, for the ids of no family
    for family in FAMILIES:
        if family.pattern.search(lowered):
            return family
    return None


_ANY_FAMILY = re.compile("|".join(f"(?:{family.pattern.pattern})" for family in FAMILIES))


# "The family is not known yet" (None means: known to be none).
_UNKNOWN = Family(re.compile("$^"), "", "", 0)


def capabilities_of(model_id: str, family: Family | None = _UNKNOWN) -> frozenset[Capability]:
    lowered = model_id.lower()
    family = family_of(model_id) if family is _UNKNOWN else family
    if EMBEDDING_MARKERS.search(lowered):
        return frozenset({Capability.EMBED})
    found = {Capability.GENERATE}
    if VISION_MARKERS.search(lowered) or (family and family.vision and not _text_only(lowered)):
        found.add(Capability.VISION)
    if REASONING_MARKERS.search(lowered) or (family and family.reasoning):
        found.add(Capability.REASONING)
    if family and family.tools and not BASE_MODEL.search(lowered):
        found.add(Capability.TOOLS)
    if family is GEMMA_4 and re.search(r"(?<![a-z0-9])e[24]b(?![a-z0-9])", lowered):
        found.add(Capability.AUDIO)
    return frozenset(found)


def _text_only(lowered: str) -> bool:
    # Gemma 3 1B and 270M are text-only; the larger Gemma 3 models see images.
    return bool(re.search(r"gemma[-_.]?3[-_.:]?(?:1b|270m)", lowered))


def parameters_of(model_id: str) -> float | None:
    """Parameter count in billions, as written in the id."""
    lowered = model_id.lower()
    best: float | None = None
    for match in SIZE.finditer(lowered):
        experts = int(match.group(1)) if match.group(1) else 1
        value = float(match.group(2)) * experts
        billions = value / 1000 if match.group(3) == "m" else value
        if match.group(3) == "m" and billions < 0.01:
            continue
        best = max(best or 0.0, billions)
    return best


def quantization_of(model_id: str) -> tuple[str, float | None]:
    """The quantization written in the id and its bits per weight ("", None when none is)."""
    lowered = model_id.lower()
    for pattern, label, bits in QUANTIZATIONS:
        match = pattern.search(lowered)
        if not match:
            continue
        if label:
            return label, bits
        text = match.group(1)
        if text.isdigit():  # "4bit", "8-bit": MLX style
            return f"{text}bit", int(text) + 0.5
        digit = re.search(r"\d", text)
        return text.upper(), GGUF_BITS.get(digit.group(0) if digit else "", 4.6)
    return "", None


def context_of(model_id: str, family: Family | None = _UNKNOWN) -> int:
    """A context-length estimate: the id's own "32k", else the family's, else a cautious 8k."""
    lowered = model_id.lower()
    for match in CONTEXT_MARKER.finditer(lowered):
        number, unit = int(match.group(1)), match.group(2)
        if unit == "k" and number in (2, 4, 8, 16, 32, 64, 128, 200, 256, 512):
            return number * 1024
        if unit == "m" and number in (1, 2, 4, 10):
            return number * 1024 * 1024
    family = family_of(model_id) if family is _UNKNOWN else family
    return family.context if family else DEFAULT_CONTEXT


def embedding_family(model_id: str) -> str:
    lowered = model_id.lower()
    for marker, _provider in EMBEDDING_PROVIDERS:
        if marker in lowered:
            return marker
    return ""


def provider_of(model_id: str, family: Family | None) -> str:
    if family:
        return family.provider
    lowered = model_id.lower()
    for marker, provider in EMBEDDING_PROVIDERS:
        if marker in lowered:
            return provider
    organisation = model_id.split("/", 1)[0] if "/" in model_id else ""
    return organisation


def display_name(model_id: str) -> str:
    name = model_id.rstrip("/").rsplit("/", 1)[-1]
    return name.removesuffix(".gguf")


@functools.lru_cache(maxsize=1 << 16)
def infer(
    model_id: str,
    *,
    source: str = "",
    context_length: int | None = None,
    size_bytes: int | None = None,
    quantization: str = "",
    family: str = "",
    capabilities: frozenset[Capability] | None = None,
    loaded: bool = False,
    path: str | None = None,
) -> ModelInfo:
    """A ModelInfo from an id; the keyword figures (from the server) win over the estimates.

    Remembered (ModelInfo is immutable): a server's list read again every few seconds costs
    nothing the second time, which matters when it lists thousands of models.
    """
    row = family_of(model_id) or (family_of(family) if family else None)
    id_quant, bits = quantization_of(model_id)
    if quantization and bits is None:
        bits = quantization_of(quantization)[1]
    if size_bytes is None:
        billions = parameters_of(model_id)
        if billions is not None:
            size_bytes = int(billions * 1e9 * (bits or 16.0) / 8)
    return ModelInfo(
        id=model_id,
        name=display_name(model_id),
        provider=provider_of(model_id, row),
        family=family or (row.name if row else embedding_family(model_id)),
        capabilities=capabilities or capabilities_of(model_id, row),
        context_length=context_length or context_of(model_id, row),
        size_bytes=size_bytes,
        quantization=quantization or id_quant,
        source=source,
        path=path,
        loaded=loaded,
    )


# ---------------------------------------------------------------------------------------------
# Engine choice.


@dataclass(frozen=True)
class Platform:
    system: str  # "Darwin", "Linux", "Windows"
    machine: str  # "arm64", "x86_64", ...
    cuda: bool

    @property
    def apple_silicon(self) -> bool:
        return self.system == "Darwin" and self.machine in ("arm64", "aarch64")

    @classmethod
    def current(cls) -> Platform:
        return cls(platform.system(), platform.machine(), _has_cuda())


def _has_cuda() -> bool:
    if sys.platform != "linux":
        return False
    return Path("/proc/driver/nvidia/version").exists() or bool(
        shutil.which("nvidia-smi") and os.environ.get("CUDA_VISIBLE_DEVICES", "x") != ""
    )


@dataclass(frozen=True)
class EngineChoice:
    engine: str | None  # a backend kind ("llamacpp", "mlx", "vllm"), None when none fits
    weight_format: str
    reason: str


def weight_format(model_id: str) -> str:
    """gguf, mlx, awq, gptq, fp8 or pytorch (safetensors / bin), as the id says."""
    lowered = model_id.lower()
    if lowered.endswith(".gguf") or re.search(r"(?<![a-z])gguf(?![a-z])", lowered):
        return "gguf"
    if lowered.startswith("mlx-community/") or re.search(r"(?<![a-z])mlx(?![a-z])", lowered):
        return "mlx"
    quant, _ = quantization_of(model_id)
    if re.fullmatch(r"\dbit", quant):
        return "mlx"  # "-4bit" is how MLX conversions are named
    return {"AWQ": "awq", "GPTQ": "gptq", "FP8": "fp8"}.get(quant, "pytorch")


def choose_engine(model_id: str, where: Platform | None = None) -> EngineChoice:
    """The engine for a model, as model servers choose: by format, then quantization, then
    platform. GGUF runs on llama.cpp anywhere; MLX on Apple Silicon; PyTorch, AWQ, GPTQ and FP8
    weights on vLLM, which needs Linux with a CUDA GPU."""
    where = where or Platform.current()
    fmt = weight_format(model_id)
    if fmt == "gguf":
        return EngineChoice("llamacpp", fmt, "GGUF weights run on llama.cpp on any platform")
    if fmt == "mlx":
        if where.apple_silicon:
            return EngineChoice("mlx", fmt, "MLX weights run on MLX, on Apple Silicon's GPU")
        return EngineChoice(
            None,
            fmt,
            f"MLX weights need Apple Silicon (this is {where.system} {where.machine}); "
            "use a GGUF build of the same model with the embedded engine",
        )
    quant, _ = quantization_of(model_id)
    if where.system == "Linux" and where.cuda:
        if fmt == "gptq" and quant == "GPTQ" and re.search(r"int[2]", model_id.lower()):
            return EngineChoice(None, fmt, "vLLM runs GPTQ at 3, 4 or 8 bits only")
        return EngineChoice("vllm", fmt, f"{fmt} weights on Linux with CUDA run on vLLM")
    missing = "a CUDA GPU" if where.system == "Linux" else "Linux with a CUDA GPU"
    return EngineChoice(
        None,
        fmt,
        f"{fmt} weights are served by vLLM, which needs {missing}; "
        "use a GGUF build of the same model with the embedded engine or Ollama",
    )
