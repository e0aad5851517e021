"""llama.cpp context states: captured, restored, kept in the prompt cache, and kept on disk.

A state is the raw bytes of `llama_state_get_data` (the KV cache of the tokens in the context)
and those tokens. llama-cpp-python's own `save_state`/`load_state` also copy and scrub the
logits buffer (up to n_batch x n_vocab floats: 100 MB for a 49k vocabulary), which made a load
cost more than the prefill it saves; the logits are not needed, because a restored context
always re-evaluates at least its last token before sampling.

States are immutable, so the cache shares them instead of copying: "trimming" one to a prefix
only shortens its token list, and llama.cpp drops the surplus KV cells itself when the next
prompt diverges from them.

On disk, a state lives under `paths.prompt_state_dir()` in a file named by a hash of the model
(path, size, mtime, context size) and of its tokens, written atomically, so that the first
request of a new process skips the prefill of the system prompt.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
import struct
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tui.core.backends.embedded.prefix import common_prefix
from tui.core.backends.embedded.prompt_cache import PromptCache

log = logging.getLogger("caro.llamacpp")

MAGIC = b"CAROKV1\n"
MAX_FILES = 16  # states kept on disk; the least recently written go first


@dataclass(frozen=True)
class SavedState:
    tokens: tuple[int, ...]
    data: bytes  # the KV state of all of `data_tokens` tokens
    data_tokens: int

    @property
    def nbytes(self) -> int:
        return len(self.data) + 4 * len(self.tokens)


class LlamaStateOps:
    """Prompt-cache operations: states are immutable, so copies are free and safe."""

    def copy(self, state: SavedState) -> SavedState:
        return state

    def trim(self, state: SavedState, keep: int) -> SavedState:
        return replace(state, tokens=state.tokens[:keep])

    def trimmable(self, state: SavedState) -> bool:
        return True

    def nbytes(self, state: SavedState) -> int:
        return state.nbytes


def capture(llm: Any) -> SavedState:
    """The context's current state (its tokens and KV cache)."""
    import llama_cpp

    context = llm._ctx.ctx
    size = llama_cpp.llama_state_get_size(context)
    buffer = (ctypes.c_uint8 * size)()
    written = llama_cpp.llama_state_get_data(context, buffer, size)
    tokens = tuple(int(t) for t in llm._input_ids)
    return SavedState(tokens, ctypes.string_at(buffer, written), len(tokens))


def restore(llm: Any, state: SavedState) -> None:
    """Puts a state into the context; the next generation reuses its tokens as a prefix."""
    import llama_cpp

    buffer = (ctypes.c_uint8 * len(state.data)).from_buffer_copy(state.data)
    if llama_cpp.llama_state_set_data(llm._ctx.ctx, buffer, len(state.data)) != len(state.data):
        raise RuntimeError("llama.cpp refused the saved state")
    count = len(state.tokens)
    if count < state.data_tokens:
        llm._ctx.kv_cache_seq_rm(-1, count, -1)
    llm.input_ids[:count] = state.tokens
    llm.n_tokens = count
    llm._requires_eval = True  # logits are not restored: the next call evaluates a token


def truncate(llm: Any, keep: int) -> None:
    """Drops everything after the first `keep` tokens of the context."""
    if llm.n_tokens > keep:
        llm._ctx.kv_cache_seq_rm(-1, keep, -1)
        llm.n_tokens = keep
        llm._requires_eval = True


# -- on disk ----------------------------------------------------------------------------------


def model_key(path: Path, n_ctx: int) -> str:
    """What a state is valid for: this exact model file and context size."""
    import llama_cpp

    stat = path.stat()
    version = getattr(llama_cpp, "__version__", "")
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|n_ctx={n_ctx}|{version}"


class StateStore:
    """Prompt states on disk, one file per (model, token prefix)."""

    def __init__(self, directory: Path, key: str, max_files: int = MAX_FILES) -> None:
        self.directory = directory
        self.key = key
        self.max_files = max_files

    def path_for(self, tokens: tuple[int, ...]) -> Path:
        digest = hashlib.sha256(self.key.encode("utf-8"))
        digest.update(struct.pack(f"<{len(tokens)}i", *tokens))
        return self.directory / f"{digest.hexdigest()[:32]}.state"

    def load(self, tokens: tuple[int, ...]) -> SavedState | None:
        path = self.path_for(tokens)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        state = self._parse(raw, tokens)
        if state is None:
            log.debug("ignoring unreadable prompt state %s", path)
        return state

    def _parse(self, raw: bytes, tokens: tuple[int, ...]) -> SavedState | None:
        if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + 4:
            return None
        (length,) = struct.unpack_from("<I", raw, len(MAGIC))
        start = len(MAGIC) + 4
        try:
            header = json.loads(raw[start : start + length])
        except ValueError:
            return None
        data = raw[start + length :]
        valid = (
            isinstance(header, dict)
            and header.get("key") == self.key
            and tuple(header.get("tokens", ())) == tokens
            and isinstance(header.get("data_tokens"), int)
            and header.get("bytes") == len(data)
            and header.get("sha256") == hashlib.sha256(data).hexdigest()
        )
        return SavedState(tokens, data, header["data_tokens"]) if valid else None

    def save(self, state: SavedState) -> Path:
        """Writes the state under its tokens, atomically."""
        header = json.dumps(
            {
                "key": self.key,
                "tokens": list(state.tokens),
                "data_tokens": state.data_tokens,
                "bytes": len(state.data),
                "sha256": hashlib.sha256(state.data).hexdigest(),
            }
        ).encode("utf-8")
        path = self.path_for(state.tokens)
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with temporary.open("wb") as file:
            file.write(MAGIC + struct.pack("<I", len(header)) + header + state.data)
        os.replace(temporary, path)
        self._prune()
        return path

    def _prune(self) -> None:
        dated: list[tuple[int, Path]] = []
        for path in self.directory.glob("*.state"):
            try:
                dated.append((path.stat().st_mtime_ns, path))
            except OSError:  # removed meanwhile by another caro process
                continue
        for _, stale in sorted(dated, reverse=True)[self.max_files :]:
            stale.unlink(missing_ok=True)


# -- reuse for one loaded model ---------------------------------------------------------------


class PrefixReuse:
    """Puts the best known prefix state into a Llama context before a generation.

    Sources, best first: the live context itself (llama.cpp keeps the previous prompt), the
    in-memory prompt cache, the state of the system prompt on disk. After a generation, the
    context's state is kept in memory, and the system prompt's state is written to disk if it
    is not there yet. That state is the whole context's, with its token list cut back to the
    system prompt (restoring it drops the rest): evaluating the system prompt on its own would
    split the first prompt's evaluation differently, and change its logits' last digits.
    """

    def __init__(
        self, cache: PromptCache[SavedState] | None, store: StateStore | None, namespace: str
    ) -> None:
        self.cache = cache
        self.store = store
        self.namespace = namespace
        self.disk_hits = 0
        self.boundary: tuple[int, ...] = ()

    def prepare(self, llm: Any, tokens: list[int], boundary: int) -> int:
        """Readies the context; returns how many prompt tokens need no evaluation."""
        self.boundary = tuple(tokens[:boundary]) if 0 < boundary < len(tokens) else ()
        ready = common_prefix(list(llm._input_ids), tokens)
        if self.cache is None:
            return ready
        hit = self.cache.fetch(self.namespace, tokens)
        if hit.state is not None and hit.cached_tokens > ready:
            restore(llm, hit.state)
            ready = hit.cached_tokens
        if not self.boundary or ready >= boundary or self.store is None:
            return ready
        saved = self.store.load(self.boundary)
        if saved is None:
            return ready
        restore(llm, saved)
        self.disk_hits += 1
        self.cache.insert(self.namespace, self.boundary, saved, owned=True)
        return boundary

    def remember(self, llm: Any) -> None:
        """Keeps the context's state after a generation (prompt and answer)."""
        if self.cache is None or llm.n_tokens < 2:
            return
        state = capture(llm)
        self.cache.insert(self.namespace, state.tokens, state, owned=True)
        prefix = self.boundary
        if not prefix or state.tokens[: len(prefix)] != prefix:
            return
        cut = LlamaStateOps().trim(state, len(prefix))
        self.cache.insert(self.namespace, prefix, cut, owned=True)
        if self.store is None or self.store.path_for(prefix).exists():
            return
        try:
            self.store.save(cut)
        except OSError as error:  # a full or read-only disk costs speed, never the answer
            log.warning("could not save the prompt state: %s", error)
