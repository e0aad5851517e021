"""What model ids say: capabilities, family, provider, size, quantization, context; and the
engine each format runs on. The ids are real ones from the Hub, Ollama's library and servers."""

from __future__ import annotations

import pytest

from tui.core.backends.base import Capability
from tui.core.backends.discovery import (
    Platform,
    choose_engine,
    context_of,
    infer,
    parameters_of,
    quantization_of,
    weight_format,
)

G, E, V, T, R, A = (
    Capability.GENERATE,
    Capability.EMBED,
    Capability.VISION,
    Capability.TOOLS,
    Capability.REASONING,
    Capability.AUDIO,
)

# id -> (family, provider, capabilities)
CASES: dict[str, tuple[str, str, set[Capability]]] = {
    "mlx-community/Qwen3-4B-4bit": ("qwen3", "Qwen", {G, T, R}),
    "Qwen/Qwen3-30B-A3B": ("qwen3", "Qwen", {G, T, R}),
    "qwen3:8b": ("qwen3", "Qwen", {G, T, R}),
    "Qwen/Qwen2.5-Coder-1.5B-Instruct": ("qwen2", "Qwen", {G, T}),
    "qwen2.5-coder:latest": ("qwen2", "Qwen", {G, T}),
    "Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF": ("qwen2", "Qwen", {G, T}),
    "Qwen/Qwen2-7B-Instruct-AWQ": ("qwen2", "Qwen", {G, T}),
    "Qwen/Qwen2.5-7B": ("qwen2", "Qwen", {G, T}),
    "Qwen/Qwen2.5-0.5B-base": ("qwen2", "Qwen", {G}),
    "mlx-community/Qwen2.5-VL-3B-Instruct-4bit": ("qwen2.5-vl", "Qwen", {G, T, V}),
    "qwen2.5vl:7b": ("qwen2.5-vl", "Qwen", {G, T, V}),
    "Qwen/Qwen2-VL-2B-Instruct": ("qwen2-vl", "Qwen", {G, T, V}),
    "Qwen/QwQ-32B": ("qwq", "Qwen", {G, T, R}),
    "meta-llama/Llama-3.1-8B-Instruct": ("llama-3", "Meta", {G, T}),
    "meta-llama/Meta-Llama-3-8B-Instruct": ("llama-3", "Meta", {G, T}),
    "llama3.2:3b": ("llama-3", "Meta", {G, T}),
    "meta-llama/Llama-3.2-11B-Vision-Instruct": ("llama-3", "Meta", {G, T, V}),
    "meta-llama/Llama-4-Scout-17B-16E-Instruct": ("llama-4", "Meta", {G, T, V}),
    "TheBloke/Llama-2-7B-Chat-AWQ": ("llama-2", "Meta", {G}),
    "codellama:7b": ("codellama", "Meta", {G}),
    "TinyLlama/TinyLlama-1.1B-Chat-v1.0": ("tinyllama", "TinyLlama", {G}),
    "mistralai/Mistral-7B-Instruct-v0.3": ("mistral", "Mistral AI", {G, T}),
    "mistralai/Mixtral-8x7B-Instruct-v0.1": ("mixtral", "Mistral AI", {G, T}),
    "mistralai/Pixtral-12B-2409": ("mistral", "Mistral AI", {G, T, V}),
    "mistralai/Magistral-Small-2506": ("mistral", "Mistral AI", {G, T, R}),
    "microsoft/Phi-3-mini-4k-instruct": ("phi-3", "Microsoft", {G, T}),
    "phi3:mini-128k": ("phi-3", "Microsoft", {G, T}),
    "microsoft/Phi-3.5-vision-instruct": ("phi-3", "Microsoft", {G, T, V}),
    "microsoft/phi-4": ("phi-4", "Microsoft", {G, T}),
    "microsoft/Phi-4-mini-reasoning": ("phi-4", "Microsoft", {G, T, R}),
    "google/gemma-2-9b-it": ("gemma-2", "Google", {G}),
    "gemma2:2b": ("gemma-2", "Google", {G}),
    "google/gemma-3-4b-it": ("gemma-3", "Google", {G, V}),
    "google/gemma-3-1b-it": ("gemma-3", "Google", {G}),
    "gemma3:270m": ("gemma-3", "Google", {G}),
    "google/gemma-3n-E4B-it": ("gemma-3n", "Google", {G, V}),
    "mlx-community/gemma-4-26B-A4B-it": ("gemma-4", "Google", {G, T, V, R}),
    "google/gemma-4-E2B-it": ("gemma-4", "Google", {G, T, V, R, A}),
    "mlx-community/gemma-4-E4B-it-4bit": ("gemma-4", "Google", {G, T, V, R, A}),
    "local/gemma-4-E4B-it-4bit-mlx": ("gemma-4", "Google", {G, T, V, R, A}),
    "community/gemma-4bit-q8": ("gemma", "Google", {G}),
    "google/gemma": ("gemma", "Google", {G}),
    "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B": ("deepseek-r1", "DeepSeek", {G, T, R}),
    "deepseek-r1:1.5b": ("deepseek-r1", "DeepSeek", {G, T, R}),
    "deepseek-ai/deepseek-coder-6.7b-instruct": ("deepseek-coder", "DeepSeek", {G, T}),
    "HuggingFaceTB/SmolLM2-135M-Instruct": ("smollm2", "Hugging Face", {G}),
    "SmolLM2-135M-Instruct.Q4_1.gguf": ("smollm2", "Hugging Face", {G}),
    "HuggingFaceTB/SmolLM3-3B": ("smollm3", "Hugging Face", {G, T, R}),
    "openai/gpt-oss-20b": ("gpt-oss", "OpenAI", {G, T, R}),
    "ibm-granite/granite-3.3-8b-instruct": ("granite", "IBM", {G, T}),
    "llava:7b": ("llava", "LLaVA", {G, V}),
    "moondream:latest": ("moondream", "vikhyatk", {G, V}),
    "nomic-embed-text:latest": ("nomic", "Nomic", {E}),
    "BAAI/bge-large-en-v1.5": ("bge", "BAAI", {E}),
    "mlx-community/bge-large-en-v1.5-4bit": ("bge", "BAAI", {E}),
    "sentence-transformers/all-MiniLM-L6-v2": ("minilm", "sentence-transformers", {E}),
    "mxbai-embed-large": ("mxbai", "Mixedbread", {E}),
    "intfloat/e5-mistral-7b-instruct": ("mistral", "Mistral AI", {E}),
    "Snowflake/snowflake-arctic-embed-m": ("snowflake", "Snowflake", {E}),
    "BAAI/bge-reranker-v2-m3": ("bge", "BAAI", {E}),
    "Qwen/Qwen3-Embedding-0.6B": ("qwen3", "Qwen", {E}),
}


@pytest.mark.parametrize("model_id", list(CASES))
def test_family_provider_and_capabilities(model_id: str) -> None:
    family, provider, capabilities = CASES[model_id]
    info = infer(model_id)
    assert (info.family, info.provider, set(info.capabilities)) == (
        family,
        provider,
        capabilities,
    )
    assert info.can_generate == (E not in capabilities)


def test_gemma_4_is_matched_by_adjacent_segments_only() -> None:
    for negative in ("community/gemma-4bit-q8", "meta/llama-4-scout", "google/gemma-2-9b-it"):
        assert infer(negative).family != "gemma-4", negative
    assert infer("gemma4:e4b").family == "gemma-4"  # Ollama writes it as one word


@pytest.mark.parametrize(
    ("model_id", "billions"),
    [
        ("qwen2.5-coder:1.5b", 1.5),
        ("Qwen/Qwen2.5-0.5B-Instruct", 0.5),
        ("HuggingFaceTB/SmolLM2-135M-Instruct", 0.135),
        ("mistralai/Mixtral-8x7B-Instruct-v0.1", 56),
        ("mlx-community/gemma-4-26B-A4B-it", 26),
        ("google/gemma-4-E2B-it", 2),
        ("meta-llama/Llama-3.1-70B-Instruct", 70),
        ("community/gemma-4bit-q8", None),
        ("nomic-embed-text:latest", None),
    ],
)
def test_parameter_counts(model_id: str, billions: float | None) -> None:
    assert parameters_of(model_id) == billions


@pytest.mark.parametrize(
    ("model_id", "label"),
    [
        ("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", "Q4_K_M"),
        ("SmolLM2-135M-Instruct.Q4_1.gguf", "Q4_1"),
        ("Meta-Llama-3-8B-Instruct.IQ3_XS.gguf", "IQ3_XS"),
        ("mlx-community/Qwen3-4B-4bit", "4bit"),
        ("mlx-community/Llama-3.2-3B-Instruct-8bit", "8bit"),
        ("TheBloke/Llama-2-7B-Chat-AWQ", "AWQ"),
        ("TheBloke/Mistral-7B-Instruct-v0.2-GPTQ", "GPTQ"),
        ("neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8", "FP8"),
        ("unsloth/gemma-3-4b-it-bnb-4bit", "4bit"),
        ("ggml-org/gpt-oss-20b-mxfp4", "MXFP4"),
        ("google/gemma-2-9b-it", ""),
    ],
)
def test_quantization(model_id: str, label: str) -> None:
    assert quantization_of(model_id)[0] == label


def test_size_estimate_follows_quantization() -> None:
    four_bit = infer("mlx-community/Qwen2.5-7B-Instruct-4bit").size_bytes
    full = infer("Qwen/Qwen2.5-7B-Instruct").size_bytes
    assert four_bit and full and 3.5 < full / four_bit < 4


def test_context_estimates_and_the_servers_figure_wins() -> None:
    assert context_of("phi3:mini-128k") == 131_072
    assert context_of("Qwen/Qwen2.5-7B-Instruct-1M") == 1_048_576
    assert context_of("microsoft/Phi-3-mini-4k-instruct") == 4_096
    assert context_of("meta-llama/Meta-Llama-3-8B-Instruct") == 8_192
    assert context_of("meta-llama/Llama-3.1-8B-Instruct") == 131_072
    assert context_of("mlx-community/Qwen2.5-VL-3B-Instruct-4bit") == 32_768
    assert context_of("mlx-community/gemma-4-E4B-it-4bit") == 131_072
    assert context_of("some-unknown-model") == 8_192
    assert infer("qwen3:8b", context_length=40_960).context_length == 40_960


def test_display_name() -> None:
    assert infer("mlx-community/Qwen3-4B-4bit").name == "Qwen3-4B-4bit"
    assert infer("/models/SmolLM2-135M-Instruct.Q4_1.gguf").name == "SmolLM2-135M-Instruct.Q4_1"


LINUX_CPU = Platform("Linux", "x86_64", cuda=False)
LINUX_CUDA = Platform("Linux", "x86_64", cuda=True)
MAC = Platform("Darwin", "arm64", cuda=False)
INTEL_MAC = Platform("Darwin", "x86_64", cuda=False)


@pytest.mark.parametrize(
    ("model_id", "where", "engine", "words"),
    [
        ("Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF", LINUX_CPU, "llamacpp", "GGUF"),
        ("qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", MAC, "llamacpp", "any platform"),
        ("mlx-community/Qwen3-4B-4bit", MAC, "mlx", "Apple Silicon"),
        ("mlx-community/Qwen3-4B-4bit", LINUX_CPU, None, "need Apple Silicon"),
        ("mlx-community/Qwen3-4B-4bit", INTEL_MAC, None, "Darwin x86_64"),
        ("Qwen/Qwen2.5-Coder-1.5B-Instruct", LINUX_CUDA, "vllm", "CUDA"),
        ("TheBloke/Llama-2-7B-Chat-AWQ", LINUX_CUDA, "vllm", "awq"),
        ("TheBloke/Llama-2-7B-Chat-GPTQ", LINUX_CUDA, "vllm", "gptq"),
        ("Qwen/Qwen2.5-Coder-1.5B-Instruct", LINUX_CPU, None, "needs a CUDA GPU"),
        ("Qwen/Qwen2.5-Coder-1.5B-Instruct", MAC, None, "Linux with a CUDA GPU"),
    ],
)
def test_engine_choice(model_id: str, where: Platform, engine: str | None, words: str) -> None:
    choice = choose_engine(model_id, where)
    assert choice.engine == engine
    assert words in choice.reason


def test_weight_formats() -> None:
    assert weight_format("x/model.Q8_0.gguf") == "gguf"
    assert weight_format("mlx-community/phi-4-8bit") == "mlx"
    assert weight_format("TheBloke/Llama-2-7B-Chat-AWQ") == "awq"
    assert weight_format("neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8") == "fp8"
    assert weight_format("Qwen/Qwen2.5-7B-Instruct") == "pytorch"
