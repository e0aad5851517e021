"""The bank's index (BM25 postings, idf, each example's utility), built once and kept on disk.

The index depends only on the bank's content (its digest) and on this module's version of the
reading, so it is written to the cache folder (in `marshal` format, which reads back in a few
milliseconds) and read back by later processes. A missing, unreadable or stale file is rebuilt;
a cache folder that cannot be written is no error.
"""

from __future__ import annotations

import contextlib
import gc
import marshal
import math
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core import paths
from tui.core.generation.bank import BankFile, Example, files_digest, load_files
from tui.core.generation.vocabulary import normalise_words

# Bump when normalise_words, the synonyms, BM25's constants or the document's make-up change.
INDEX_VERSION = 5
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class BankIndex:
    utilities: list[str | None]
    # word -> (position, BM25 term weight: tf and length normalised); idf comes at lookup.
    postings: dict[str, list[tuple[int, float]]]
    idf: dict[str, float]
    by_utility: dict[str, list[int]]


def document_words(example: Example) -> list[str]:
    """What an example is found by: its request's words and its key's ("git stash")."""
    return normalise_words(example.request) + normalise_words(example.group)


def build_index(examples: Sequence[Example]) -> BankIndex:
    documents = [document_words(e) for e in examples]
    lengths = [len(words) for words in documents]
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    postings: dict[str, list[tuple[int, float]]] = {}
    for position, words in enumerate(documents):
        norm = K1 * (1 - B + B * lengths[position] / average)
        for word, tf in Counter(words).items():
            postings.setdefault(word, []).append((position, tf * (K1 + 1) / (tf + norm)))
    total = len(documents)
    idf = {
        word: math.log(1 + (total - len(rows) + 0.5) / (len(rows) + 0.5))
        for word, rows in postings.items()
    }
    utilities = [e.utility for e in examples]
    by_utility: dict[str, list[int]] = {}
    for position, utility in enumerate(utilities):
        if utility:
            by_utility.setdefault(utility, []).append(position)
    return BankIndex(utilities, postings, idf, by_utility)


def index_file(digest: str) -> Path:
    return paths.cache_dir() / "bank-index" / f"{digest}-v{INDEX_VERSION}.marshal"


def cached_index(examples: Sequence[Example], digest: str) -> BankIndex:
    path = index_file(digest)
    index = _read(path, len(examples))
    if index is None:
        index = build_index(examples)
        _write(path, index, examples)
    return index


def cached_bank(files: Sequence[BankFile]) -> tuple[tuple[Example, ...], BankIndex]:
    """The bank's examples and index: from the disk cache when these files were read before
    (no JSON to parse), else read, indexed and cached."""
    path = index_file(files_digest(files))
    raw = _load(path)
    if raw is not None:
        with contextlib.suppress(TypeError, ValueError, KeyError):
            examples = tuple(Example(*row) for row in raw["examples"])
            index = _read(path, len(examples), raw)
            if index is not None:
                return examples, index
    loaded = load_files(files)
    index = build_index(loaded.examples)
    _write(path, index, loaded.examples)
    return loaded.examples, index


def _load(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    gc.disable()  # marshal builds many small objects; collecting meanwhile triples the time
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        gc.enable()


def _read(path: Path, count: int, raw: Any = None) -> BankIndex | None:
    raw = raw if raw is not None else _load(path)
    try:
        index = BankIndex(raw["utilities"], raw["postings"], raw["idf"], raw["by_utility"])
    except (TypeError, KeyError):
        return None
    if not isinstance(index.utilities, list) or len(index.utilities) != count:
        return None
    if not all(isinstance(part, dict) for part in (index.postings, index.idf, index.by_utility)):
        return None
    return index


def _write(path: Path, index: BankIndex, examples: Sequence[Example]) -> None:
    data = marshal.dumps(
        {
            "examples": [(e.request, e.command, e.category, e.key) for e in examples],
            "utilities": index.utilities,
            "postings": index.postings,
            "idf": index.idf,
            "by_utility": index.by_utility,
        }
    )
    temporary = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
