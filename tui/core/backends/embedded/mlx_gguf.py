"""Loads a llama-architecture GGUF file into mlx-lm's llama model, with its tokenizer.

MLX reads GGUF itself (`mx.load(path, return_metadata=True)`) and keeps Q4_0, Q4_1 and Q8_0
tensors quantized (as affine 4- or 8-bit groups of 32, with scales and biases). What is left
to do here: rename the tensors to mlx-lm's names, undo the row permutation llama.cpp's converter
applies to the q/k projections (it reorders each head's rows so that rotary pairs are adjacent;
mlx-lm's llama rotates the two halves of a head instead), build the model arguments from the
metadata, and build a Hugging Face fast tokenizer from the GGUF vocabulary and merges.

Everything MLX is imported inside the functions: importing this module costs nothing.
"""

from __future__ import annotations

import importlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.errors import CaroError

GGUF_GROUP_SIZE = 32  # the block size of Q4_0, Q4_1 and Q8_0

_LAYER_NAMES = {
    "attn_q": "self_attn.q_proj",
    "attn_k": "self_attn.k_proj",
    "attn_v": "self_attn.v_proj",
    "attn_output": "self_attn.o_proj",
    "attn_norm": "input_layernorm",
    "ffn_norm": "post_attention_layernorm",
    "ffn_gate": "mlp.gate_proj",
    "ffn_up": "mlp.up_proj",
    "ffn_down": "mlp.down_proj",
}
_TOP_NAMES = {"token_embd": "model.embed_tokens", "output_norm": "model.norm", "output": "lm_head"}
_TENSOR = re.compile(r"^(?:blk\.(\d+)\.)?([a-z_]+)\.(weight|scales|biases|bias)$")

# llama.cpp's pre-tokenizer names -> the regular expression that splits words before BPE.
# (A digit-by-digit split comes first for the ones listed in _DIGITS_FIRST.)
_GPT2_SPLIT = r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
_LLAMA3_SPLIT = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}"
    r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)
_QWEN2_SPLIT = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}"
    r"| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)
_PRE_SPLITS = {
    "default": _GPT2_SPLIT,
    "gpt-2": _GPT2_SPLIT,
    "gpt2": _GPT2_SPLIT,
    "smollm": _GPT2_SPLIT,
    "starcoder": _GPT2_SPLIT,
    "refact": _GPT2_SPLIT,
    "llama-bpe": _LLAMA3_SPLIT,
    "llama3": _LLAMA3_SPLIT,
    "smaug-bpe": _LLAMA3_SPLIT,
    "qwen2": _QWEN2_SPLIT,
}
_DIGITS_FIRST = frozenset({"smollm", "starcoder", "refact"})
_CONTROL, _USER_DEFINED = 3, 4  # llama.cpp token types that are whole, unsplittable tokens


class GgufError(CaroError):
    """A GGUF file MLX cannot run here, with what to do instead."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message, fix)


@dataclass
class GgufModel:
    model: Any  # mlx_lm.models.llama.Model
    tokenizer: Any  # mlx_lm.tokenizer_utils.TokenizerWrapper
    metadata: dict[str, Any]

    @property
    def chat_template(self) -> str | None:
        template = self.metadata.get("tokenizer.chat_template")
        return template if isinstance(template, str) else None


def _import(name: str) -> Any:
    """A module of an untyped optional dependency (MLX, mlx-lm, transformers), as Any."""
    return importlib.import_module(name)


def _plain(value: Any) -> Any:
    """GGUF metadata arrives as mx.array scalars/arrays, str, or lists of str."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def read_gguf(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    mx = _import("mlx.core")

    try:
        weights, metadata = mx.load(str(path), return_metadata=True)
    except (RuntimeError, ValueError, OSError) as error:
        raise GgufError(
            f"MLX cannot read {path.name}: {error}",
            "MLX reads GGUF files quantized as Q4_0, Q4_1, Q8_0, F16 or F32; "
            "use the llama.cpp backend (embedded-cpu) for other files",
        ) from None
    return weights, {key: _plain(value) for key, value in metadata.items()}


def model_args(metadata: dict[str, Any], weights: dict[str, Any]) -> dict[str, Any]:
    """mlx-lm llama ModelArgs fields from GGUF metadata (raises GgufError when unsupported)."""
    arch = metadata.get("general.architecture")
    if arch != "llama":
        raise GgufError(
            f"the MLX engine reads GGUF files of llama-architecture models; this one is {arch!r}",
            "use the llama.cpp backend (embedded-cpu) for it, or an MLX-format model",
        )

    def get(key: str, default: Any = None) -> Any:
        return metadata.get(f"llama.{key}", default)

    heads = int(get("attention.head_count"))
    hidden = int(get("embedding_length"))
    head_dim = int(get("attention.key_length", hidden // heads))
    if int(get("rope.dimension_count", head_dim)) != head_dim:
        raise GgufError(
            "partial rotary embeddings are not supported by the GGUF reader",
            "use the llama.cpp backend for this model",
        )
    if "rope_freqs.weight" in weights:
        raise GgufError(
            "rotary frequency factors (Llama 3.1-style rope scaling) are not supported yet",
            "use the llama.cpp backend for this model",
        )
    args: dict[str, Any] = {
        "model_type": "llama",
        "hidden_size": hidden,
        "num_hidden_layers": int(get("block_count")),
        "intermediate_size": int(get("feed_forward_length")),
        "num_attention_heads": heads,
        "num_key_value_heads": int(get("attention.head_count_kv", heads)),
        "head_dim": head_dim,
        "rms_norm_eps": float(get("attention.layer_norm_rms_epsilon", 1e-5)),
        "vocab_size": int(get("vocab_size", len(metadata.get("tokenizer.ggml.tokens") or ()) or 0)),
        "rope_theta": float(get("rope.freq_base", 10000.0)),
        "max_position_embeddings": int(get("context_length", 2048)),
        "tie_word_embeddings": "output.weight" not in weights,
    }
    scaling = get("rope.scaling.type")
    if scaling == "linear":
        args["rope_scaling"] = {"type": "linear", "factor": float(get("rope.scaling.factor"))}
    elif scaling not in (None, "none"):
        raise GgufError(
            f"rope scaling {scaling!r} is not supported by the GGUF reader",
            "use the llama.cpp backend for this model",
        )
    return args


def unpermute_rows(n_heads: int, n_rows: int) -> list[int]:
    """Row order that turns a llama.cpp q/k projection back into the Hugging Face layout.

    llama.cpp stores, inside each head, row (i, j) at 2*i + j where Hugging Face has it at
    j*half + i (i < half, j in {0, 1}). The returned list gives, for each HF row, the GGUF row.
    """
    head_dim = n_rows // n_heads
    half = head_dim // 2
    order: list[int] = []
    for head in range(n_heads):
        base = head * head_dim
        for j in range(2):
            order.extend(base + 2 * i + j for i in range(half))
    return order


def convert_weights(weights: dict[str, Any], args: dict[str, Any]) -> dict[str, Any]:
    """GGUF tensors under mlx-lm's names, q/k rows back in Hugging Face order."""
    mx = _import("mlx.core")

    heads = {"attn_q": args["num_attention_heads"], "attn_k": args["num_key_value_heads"]}
    converted: dict[str, Any] = {}
    for name, tensor in weights.items():
        match = _TENSOR.match(name)
        if not match:
            raise GgufError(f"unexpected tensor {name!r} in the GGUF file", "use llama.cpp")
        layer, base, part = match.groups()
        target = _LAYER_NAMES.get(base) if layer is not None else _TOP_NAMES.get(base)
        if target is None:
            raise GgufError(f"unexpected tensor {name!r} in the GGUF file", "use llama.cpp")
        if base in heads:
            order = mx.array(unpermute_rows(heads[base], tensor.shape[0]))
            tensor = mx.take(tensor, order, axis=0)
        prefix = f"model.layers.{layer}.{target}" if layer is not None else target
        converted[f"{prefix}.{'bias' if part == 'bias' else part}"] = tensor
    return converted


def quantization_of(weights: dict[str, Any], module_path: str) -> dict[str, int] | None:
    """The affine quantization of one module's weights, or None when they are plain floats."""
    scales = weights.get(f"{module_path}.scales")
    if scales is None:
        return None
    packed = weights[f"{module_path}.weight"].shape[-1]
    bits = packed * 32 // (scales.shape[-1] * GGUF_GROUP_SIZE)
    return {"group_size": GGUF_GROUP_SIZE, "bits": int(bits)}


def build_model(weights: dict[str, Any], args: dict[str, Any]) -> Any:
    mx, nn = _import("mlx.core"), _import("mlx.nn")
    llama = _import("mlx_lm.models.llama")
    model = llama.Model(llama.ModelArgs.from_dict(args))

    def predicate(path: str, module: Any) -> bool | dict[str, int]:
        spec = quantization_of(weights, path)
        return spec if spec is not None and hasattr(module, "to_quantized") else False

    nn.quantize(model, class_predicate=predicate)
    model.load_weights(list(weights.items()), strict=True)
    model.eval()
    mx.eval(model.parameters())
    return model


def build_tokenizer(metadata: dict[str, Any]) -> Any:
    """A TokenizerWrapper (what mlx-lm's generation expects) from the GGUF vocabulary."""
    if metadata.get("tokenizer.ggml.model") != "gpt2":
        raise GgufError(
            "the GGUF reader builds byte-level BPE tokenizers (tokenizer.ggml.model = gpt2); "
            f"this file has {metadata.get('tokenizer.ggml.model')!r}",
            "use the llama.cpp backend for this model",
        )
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    utils = _import("mlx_lm.tokenizer_utils")
    fast_class = _import("transformers").PreTrainedTokenizerFast

    tokens: list[str] = metadata["tokenizer.ggml.tokens"]
    fast = _bpe_tokenizer(metadata)

    def token(key: str) -> str | None:
        index = metadata.get(f"tokenizer.ggml.{key}_token_id")
        return tokens[index] if isinstance(index, int) and 0 <= index < len(tokens) else None

    hf = fast_class(
        tokenizer_object=fast,
        bos_token=token("bos"),
        eos_token=token("eos"),
        unk_token=token("unknown"),
        pad_token=token("padding"),
        chat_template=metadata.get("tokenizer.chat_template"),
    )
    stop_ids = [
        metadata[key]
        for key in ("tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id")
        if isinstance(metadata.get(key), int)
    ]
    return utils.TokenizerWrapper(hf, utils.BPEStreamingDetokenizer, eos_token_ids=stop_ids)


def _bpe_tokenizer(metadata: dict[str, Any]) -> Any:
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers

    tokens: list[str] = metadata["tokenizer.ggml.tokens"]
    merges = [tuple(merge.split(" ", 1)) for merge in metadata["tokenizer.ggml.merges"]]
    pre = str(metadata.get("tokenizer.ggml.pre", "default"))
    split = _PRE_SPLITS.get(pre)
    if split is None:
        raise GgufError(
            f"the GGUF reader does not know the pre-tokenizer {pre!r}",
            "use the llama.cpp backend for this model",
        )
    tokenizer = Tokenizer(models.BPE(vocab={t: i for i, t in enumerate(tokens)}, merges=merges))
    steps: list[Any] = []
    if pre in _DIGITS_FIRST:
        steps.append(pre_tokenizers.Digits(individual_digits=True))
    steps.append(pre_tokenizers.Split(Regex(split), behavior="isolated"))
    steps.append(pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(steps)
    tokenizer.decoder = decoders.ByteLevel()
    types = metadata.get("tokenizer.ggml.token_type") or []
    whole = [
        AddedToken(text, special=kind == _CONTROL, normalized=False)
        for text, kind in zip(tokens, types, strict=False)
        if kind in (_CONTROL, _USER_DEFINED)
    ]
    tokenizer.add_special_tokens([t for t in whole if t.special])
    tokenizer.add_tokens([t for t in whole if not t.special])
    return tokenizer


def load_gguf(path: Path) -> GgufModel:
    weights, metadata = read_gguf(path)
    args = model_args(metadata, weights)
    tokenizer = build_tokenizer(metadata)
    model = build_model(convert_weights(weights, args), args)
    return GgufModel(model=model, tokenizer=tokenizer, metadata=metadata)
