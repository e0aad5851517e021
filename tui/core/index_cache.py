"""The bank's index data (each example's words and utility), built once and kept on disk.

Reading words and utilities out of thousands of examples is most of an index's cost; the result
depends only on the bank's content (its digest) and on this module's version of the reading,
so it is written to the cache folder and read back by later processes. A missing, unreadable or
stale file is rebuilt; a cache folder that cannot be written is no error.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tui.core import paths
from tui.core.bank import Example
from tui.core.vocabulary import normalise_words

# Bump when normalise_words, the synonyms or the document's make-up change.
INDEX_VERSION = 4


@dataclass(frozen=True)
class IndexData:
    documents: list[list[str]]
    utilities: list[str | None]


def document_words(example: Example) -> list[str]:
    """What an example is found by: its request's words and its key's ("git stash")."""
    return normalise_words(example.request) + normalise_words(example.group)


def build_index_data(examples: Sequence[Example]) -> IndexData:
    return IndexData(
        documents=[document_words(e) for e in examples],
        utilities=[e.utility for e in examples],
    )


def index_file(digest: str) -> Path:
    return paths.cache_dir() / "bank-index" / f"{digest}-v{INDEX_VERSION}.json"


def cached_index_data(examples: Sequence[Example], digest: str) -> IndexData:
    path = index_file(digest)
    data = _read(path, len(examples))
    if data is None:
        data = build_index_data(examples)
        _write(path, data)
    return data


def _read(path: Path, count: int) -> IndexData | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        documents, utilities = raw["documents"], raw["utilities"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if (
        not isinstance(documents, list)
        or not isinstance(utilities, list)
        or len(documents) != count
        or len(utilities) != count
        or not all(isinstance(d, list) for d in documents)
    ):
        return None
    return IndexData(documents, utilities)


def _write(path: Path, data: IndexData) -> None:
    text = json.dumps({"documents": data.documents, "utilities": data.utilities})
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(temporary)
